"""The Monday list with the register: `due` lists open requests whose reply date falls
in the window, and overdue ones, in every format, beside the plan's duties."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import pytest

from tests.conftest import Run

TODAY = "2024-10-21"  # a Monday; the week ends 10-27


@pytest.fixture
def register(tmp_path: Path, gongkai: Run) -> Path:
    """A due 10-23 (this week); B paused 09-25 for 补正 (no date); C late: received
    2024-08-30, its 20th working day is Sunday 09-29 (中秋节 09-15..17 off, Saturday 09-14
    and Sunday 09-29 worked, 国办发明电〔2023〕7号), 12 working days before 10-21;
    D replied (never listed); E due 11-20 (after the week)."""
    path = tmp_path / "r.sqlite3"
    lines = [
        "add --id A --received 2024-09-20 --subject 预算执行",
        "add --id B --received 2024-09-20",
        "pause B --reason 补正 --date 2024-09-25",
        "add --id C --received 2024-08-30 --applicant 商业企业",
        "add --id D --received 2024-09-20",
        "reply D --date 2024-10-08 --result 予以公开",
        "add --id E --received 2024-09-20",
        "extend E --date 2024-10-21",
    ]
    for line in lines:
        assert gongkai("request", *line.split(), "--register", str(path)).exit_code == 0, line
    return path


def due(gongkai: Run, *args: str, env: dict[str, str] | None = None) -> str:
    result = gongkai("due", "--week", "--today", TODAY, *args, env=env)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_plain(gongkai: Run, register: Path) -> None:
    text = due(gongkai, "--register", str(register), "--format", "plain")
    assert "依申请公开：答复期限在本时段内 1 件\n  2024-10-23 周三  2 个工作日  A  自然人  预算执行" in text
    assert "依申请公开：已过答复期限未答复 1 件\n  2024-09-29 周日  逾期 12 个工作日  C  商业企业" in text
    assert " B " not in text and " D " not in text and " E " not in text


def test_json(gongkai: Run, register: Path) -> None:
    data = json.loads(due(gongkai, "--register", str(register), "--format", "json"))
    assert data["requests"] == {
        "due": [
            {
                "id": "A",
                "received": "2024-09-20",
                "due": "2024-10-23",
                "workdays_left": 2,
                "applicant": "自然人",
                "subject": "预算执行",
            }
        ],
        "overdue": [
            {
                "id": "C",
                "received": "2024-08-30",
                "due": "2024-09-29",
                "workdays_left": -12,
                "applicant": "商业企业",
                "subject": "",
            }
        ],
    }
    assert "items" in data  # the plan's part is still there


def test_no_requests_and_no_register(gongkai: Run, register: Path, tmp_path: Path) -> None:
    data = json.loads(due(gongkai, "--register", str(register), "--no-requests", "--format", "json"))
    assert "requests" not in data
    assert "依申请公开" not in due(gongkai, "--format", "plain")  # no register anywhere


def test_the_default_register_is_used_when_it_exists(gongkai: Run, register: Path, tmp_path: Path) -> None:
    data_home = tmp_path / "data"
    (data_home / "gongkai").mkdir(parents=True)
    env = {"XDG_DATA_HOME": str(data_home)}
    assert "依申请公开" not in due(gongkai, "--format", "plain", env=env)
    register.rename(data_home / "gongkai" / "register.sqlite3")
    assert "依申请公开：答复期限在本时段内 1 件" in due(gongkai, "--format", "plain", env=env)
    env["GONGKAI_REGISTER"] = str(data_home / "gongkai" / "register.sqlite3")
    assert "依申请公开" in due(
        gongkai, "--format", "plain", env={"GONGKAI_REGISTER": env["GONGKAI_REGISTER"]}
    )


def test_quiet_and_exit_code_count_requests(gongkai: Run, register: Path, tmp_path: Path) -> None:
    """The 2016 plan is long over in 2024: only the register has something."""
    empty = tmp_path / "empty.sqlite3"
    assert gongkai("request", "add", "--received", "2024-01-02", "--register", str(empty)).exit_code == 0
    quiet = gongkai(
        "due", "--today", "2024-06-03", "--quiet-if-empty", "--exit-code", "--register", str(empty)
    )
    assert quiet.exit_code == 1  # 2024-01-02's request is overdue
    args = ("due", "--today", TODAY, "--quiet-if-empty", "--exit-code", "--register", str(register))
    result = gongkai(*args)
    assert result.exit_code == 1 and "A" in result.stdout
    nothing = gongkai("due", "--today", TODAY, "--quiet-if-empty", "--exit-code", "--no-requests")
    assert nothing.exit_code == 0 and nothing.stdout == ""


def test_other_formats(gongkai: Run, register: Path, tmp_path: Path) -> None:
    args = ("--register", str(register))
    md = due(gongkai, *args, "--format", "md")
    assert "## 依申请公开：答复期限在本时段内 1 件" in md and "| 2024-10-23 周三 | 2 个工作日 | A |" in md
    csv = due(gongkai, *args, "--format", "csv").splitlines()
    assert any(line.startswith("request,A,,request,2024-10-23,星期三,预算执行") for line in csv)
    assert any(line.startswith("request_overdue,C,") and line.endswith(",-12") for line in csv)
    ics = due(gongkai, *args, "--format", "ics")
    assert ics.count("BEGIN:VEVENT") >= 2 and "DTSTART;VALUE=DATE:20241023" in ics
    from icalendar import Calendar

    assert Calendar.from_ical(ics)  # still a valid calendar
    table = due(gongkai, *args, "--format", "table", env={"COLUMNS": "80"})
    assert "依申请公开：答复期限在本时段内 1 件" in table
    out = tmp_path / "本周.xlsx"
    assert gongkai("due", "--today", TODAY, *args, "--format", "xlsx", "-o", str(out)).exit_code == 0
    from openpyxl import load_workbook

    book = load_workbook(out)
    assert book.sheetnames[-1] == "依申请公开"
    rows = list(book["依申请公开"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["到期", "逾期"] and rows[1][3] == "A"


def test_mail(gongkai: Run, register: Path) -> None:
    text = due(gongkai, "--register", str(register), "--format", "email", "--mail-to", "office@example.org")
    message = email.message_from_string(text, policy=email.policy.default)
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    body = plain.get_content()
    assert "依申请公开：答复期限在本时段内 1 件" in body
    assert body.index("依申请公开") < body.index("\n-- \n")
    assert "<h3>依申请公开：已过答复期限未答复 1 件</h3>" in html.get_content()
    # the subject counts the requests too: a Monday mail with only requests in it is not "0 项"
    assert str(message["Subject"]).endswith("；依申请公开到期 1 件，逾期 1 件")


def test_a_request_the_calendar_cannot_count_is_named(gongkai: Run, tmp_path: Path) -> None:
    """Received 2026-12-20: its 20th working day is in 2027, a year with no arrangement
    (the tests' built-in years end in 2026). `add` needs --provisional; `due` says so."""
    path = tmp_path / "r.sqlite3"
    args = ("request", "add", "--id", "Z", "--received", "2026-12-20", "--register", str(path))
    assert gongkai(*args).exit_code == 4
    assert gongkai(*args, "--provisional").exit_code == 0
    result = gongkai("due", "--today", "2026-12-21", "--register", str(path), "--format", "plain")
    assert result.exit_code == 0
    assert "1 件申请（Z）的答复期限需要 2027 年的节假日安排，未能列出" in result.stderr
    provisional = gongkai("due", "--today", "2026-12-21", "--register", str(path), "--provisional")
    assert "Z" not in provisional.stderr
