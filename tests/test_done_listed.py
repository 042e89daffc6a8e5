"""A duty marked done is shown as 已完成 DATE in every format of ``due``, is never counted
as due or overdue, and the counts, the mail subject, --exit-code and --quiet-if-empty
agree (issue 19, point 2). The plan is the bundled one moved to 2026; today 2026-12-03,
a Thursday: in the week 2026-11-30 to 2026-12-06 fall 1.3@2026-11, 5.1.2@2026-11,
5.1.4b@2026-11 (按月, the month's last working day, 11-30) and 5.1.5, 5.3.2 (11月底)."""

from __future__ import annotations

import csv
import io
import json
from email import message_from_string, policy
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import Run, bundled_plan_for

TODAY = "2026-12-03"


@pytest.fixture
def plan(tmp_path: Path, gongkai: Run) -> dict[str, str]:
    path = bundled_plan_for(2026, tmp_path / "我局计划.yaml")
    env = {"GONGKAI_TASKS": str(path), "GONGKAI_TODAY": TODAY}
    assert gongkai("done", "5.1.5", "--date", "2026-12-01", env=env).exit_code == 0
    assert gongkai("done", "1.3@2026-11", env=env).exit_code == 0  # today: 2026-12-03
    return env


def test_plain_counts_open_duties_and_lists_done_ones_after(gongkai: Run, plan: dict[str, str]) -> None:
    out = gongkai("due", "--no-overdue", env=plan).output.splitlines()
    assert out[1] == "2026-11-30（星期一） 至 2026-12-06（星期日）到期：3 项（另有 2 项已完成）"
    firsts = [line for line in out[2:] if line.startswith("2026-11-30")]
    assert [line.split("  ")[1] for line in firsts] == [
        "逾期 3 天（3 个工作日）",
        "逾期 3 天（3 个工作日）",
        "逾期 3 天（3 个工作日）",
        "已完成 2026-12-03",
        "已完成 2026-12-01",
    ]
    assert "1.3@2026-11" in firsts[3] and "5.1.5" in firsts[4]
    assert not any("[已完成" in line for line in out)  # said once, in the days-left place


def test_json_counts(gongkai: Run, plan: dict[str, str]) -> None:
    data = json.loads(gongkai("due", "--format", "json", env=plan).output)
    assert data["counts"] == {"due": 3, "done": 2, "overdue": 29}
    done = {e["id"]: e["done"] for e in data["items"] if e["done"]}
    assert done == {"1.3@2026-11": "2026-12-03", "5.1.5": "2026-12-01"}
    assert all(e["done"] is None for e in data["overdue"])
    assert len(data["overdue"]) == 29


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("table", "已完成 2026-12-01"),
        ("md", "| 2026-11-30（星期一） | 已完成 2026-12-01 | 5.1.5 |"),
    ],
)
def test_text_formats(gongkai: Run, plan: dict[str, str], fmt: str, expected: str) -> None:
    out = gongkai("due", "--no-overdue", "--format", fmt, env={**plan, "COLUMNS": "160"}).output
    assert "到期：3 项（另有 2 项已完成）" in out
    assert expected in out


def test_csv_section(gongkai: Run, plan: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(gongkai("due", "--format", "csv", env=plan).output)))
    sections = {r["id"]: r["section"] for r in rows}
    assert sections["5.1.5"] == "done" and sections["1.3@2026-11"] == "done"
    assert sections["5.3.2"] == "due"
    assert sum(1 for r in rows if r["section"] == "overdue") == 29


def test_xlsx_section(gongkai: Run, plan: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "本周.xlsx"
    assert gongkai("due", "--format", "xlsx", "-o", str(out), "--no-overdue", env=plan).exit_code == 0
    ws = load_workbook(out).active
    assert ws is not None
    rows = {r[3]: r[0] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["5.1.5"] == "已完成" and rows["5.3.2"] == "到期"


def test_mail_subject_and_text(gongkai: Run, plan: dict[str, str]) -> None:
    env = {**plan, "GONGKAI_NOW": "2026-12-03 07:00"}
    out = gongkai("due", "--no-overdue", "--format", "email", "--mail-to", "o@example.org", env=env).output
    msg = message_from_string(out, policy=policy.default)
    assert msg["Subject"] == "2026年政务公开工作要点：本周到期 3 项"
    text = msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "到期：3 项（另有 2 项已完成）" in text
    assert "已完成 2026-12-01" in text and "[已完成" not in text


def test_ics_leaves_out_done_duties_and_stamps_now(gongkai: Run, plan: dict[str, str]) -> None:
    env = {**plan, "GONGKAI_NOW": "2026-12-03 09:15"}
    out = gongkai("due", "--no-overdue", "--format", "ics", env=env).output
    assert "[5.3.2]" in out
    assert "[5.1.5]" not in out and "[1.3@2026-11]" not in out
    assert out.count("BEGIN:VEVENT") == 3
    assert "DTSTAMP:20261203T011500Z" in out  # 09:15 in Beijing, in UTC


def test_exit_code_and_quiet_agree(gongkai: Run, plan: dict[str, str]) -> None:
    for ident in ("5.1.2@2026-11", "5.1.4b@2026-11", "5.3.2"):
        assert gongkai("done", ident, env=plan).exit_code == 0
    result = gongkai("due", "--no-overdue", "--quiet-if-empty", "--exit-code", env=plan)
    assert result.exit_code == 0 and result.output == ""
    out = gongkai("due", "--no-overdue", env=plan).output
    assert "到期：0 项（另有 5 项已完成）" in out
    late = gongkai("due", "--exit-code", env=plan)
    assert late.exit_code == 1  # the overdue ones
