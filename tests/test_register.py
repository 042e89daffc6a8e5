"""The 依申请公开 register through the real CLI: reply dates worked out by hand from the
holiday notices, every command, and bad input refused with nothing written.

Holiday notices used: 2024, 国办发明电〔2023〕7号 (国庆节 10-01..10-07; Sunday 09-29 and
Saturday 10-12 worked; 春节 02-10..02-17, Sundays 02-04 and 02-18 worked); 2019,
国办发明电〔2018〕15号 and 国办发明电〔2019〕2号 (劳动节 05-01..05-04, Sunday 05-05 worked;
端午节 06-07)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Run

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def reg(tmp_path: Path, gongkai: Run) -> tuple[Run, Path]:
    """``run(...)`` with --register pointing at a fresh file in tmp_path."""
    path = tmp_path / "登记簿.sqlite3"

    def run(*args: str, env: dict[str, str] | None = None) -> object:
        return gongkai(*args, "--register", str(path), env=env)

    return run, path  # type: ignore[return-value]


def steps(run: Run, *lines: str) -> None:
    for line in lines:
        result = run("request", *line.split())
        assert result.exit_code == 0, (line, result.output)


def listed(run: Run, today: str = "2024-09-20") -> dict[str, dict[str, object]]:
    result = run("request", "list", "--format", "json", "--today", today)
    assert result.exit_code == 0, result.output
    return {r["id"]: r for r in json.loads(result.output)["requests"]}


def events_in(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM events").fetchone()[0])


# (history after `add --id X --received R`, expected reply date, source)
REPLY_DATES = [
    (
        "2024-09-20",
        [],
        "2024-10-23",
        "第三十三条第二款: 20th working day; 国庆 skipped, 09-29 and 10-12 worked",
    ),
    (
        "2024-09-20",
        ["extend X --date 2024-10-21"],
        "2024-11-20",
        "第三十三条第二款: +20 working days from 10-23",
    ),
    (
        "2024-09-20",
        ["pause X --reason 补正 --date 2024-09-25", "resume X --date 2024-10-09"],
        "2024-11-05",
        "第三十条: counted afresh from 10-09; 10-12 worked",
    ),
    (
        "2024-09-20",
        ["pause X --reason 第三方 --date 2024-10-08", "resume X --date 2024-10-21"],
        "2024-11-06",
        "第三十二条, 第三十三条第三款: 10 working days (10-09..10-21) not counted",
    ),
    (
        "2024-09-20",
        ["pause X --reason 其他机关 --date 2024-10-08", "resume X --date 2024-10-21"],
        "2024-11-06",
        "第三十三条第三款: another agency, as for a third party",
    ),
    (
        "2024-09-20",
        [
            "pause X --reason 补正 --date 2024-09-25",
            "resume X --date 2024-10-09",
            "extend X --date 2024-11-01",
        ],
        "2024-12-03",
        "第三十条 then 第三十三条第二款: 11-05 + 20 working days",
    ),
    (
        "2024-09-20",
        [
            "pause X --reason 补正 --date 2024-09-25",
            "extend X --date 2024-09-26",
            "resume X --date 2024-10-09",
        ],
        "2024-12-03",
        "an extension during a 补正 is added when the corrected request comes",
    ),
    ("2024-02-01", [], "2024-03-05", "春节 02-10..17 skipped; Sundays 02-04 and 02-18 worked"),
    ("2019-05-10", [], "2019-05-31", "2007 条例第二十四条: 15 working days before 2019-05-15"),
    ("2019-05-10", ["extend X --date 2019-05-20"], "2019-06-24", "2007 条例: +15; 端午 06-07 skipped"),
    ("2019-05-15", [], "2019-06-13", "2019 条例 from 2019-05-15: 20 working days; 端午 06-07 skipped"),
    (
        "2024-09-20",
        ["pause X --reason 第三方 --date 2024-10-08"],
        "2024-11-13",
        "第三十二条: unanswered, the third party's time ends 10-28 (15th working day after 10-08)",
    ),
    (
        "2024-09-20",
        ["pause X --reason 第三方 --date 2024-10-25", "resume X --date 2024-10-30"],
        "2024-10-23",
        "a letter sent after the reply date moves nothing",
    ),
]


@pytest.mark.parametrize(
    ("received", "history", "due", "source"), REPLY_DATES, ids=[r[3] for r in REPLY_DATES]
)
def test_reply_date(reg: tuple[Run, Path], received: str, history: list[str], due: str, source: str) -> None:
    run, _ = reg
    steps(run, f"add --id X --received {received}", *history)
    assert listed(run)["X"]["due"] == due, source


def test_the_add_command_prints_the_reply_date(reg: tuple[Run, Path]) -> None:
    run, _ = reg
    result = run("request", "add", "--received", "2024-09-20", "--today", "2024-09-20")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "已登记申请 2024-0001：收到 2024-09-20",
        "答复期限：2024-10-23 周三（办理中）",
    ]


def test_ids_are_numbered_by_year(reg: tuple[Run, Path]) -> None:
    run, _ = reg
    steps(run, "add --received 2024-09-20", "add --received 2024-12-31", "add --received 2025-01-02")
    assert list(listed(run)) == ["2024-0001", "2024-0002", "2025-0001"]


def test_paused_requests_have_no_reply_date(reg: tuple[Run, Path]) -> None:
    """补正 awaited: 20 working days once it comes; another agency: the days left on 10-08
    (10-09..10-12, 10-14..10-18, 10-21..10-23 = 12)."""
    run, _ = reg
    steps(
        run,
        "add --id A --received 2024-09-20",
        "pause A --reason 补正 --date 2024-09-25",
        "add --id B --received 2024-09-20",
        "pause B --reason 其他机关 --date 2024-10-08",
    )
    rows = listed(run)
    assert (rows["A"]["state"], rows["A"]["due"], rows["A"]["remaining_workdays"]) == ("paused", None, 20)
    assert (rows["B"]["state"], rows["B"]["due"], rows["B"]["remaining_workdays"]) == ("paused", None, 12)
    assert rows["B"]["paused_for"] == "其他机关"


def test_warnings(reg: tuple[Run, Path]) -> None:
    run, _ = reg
    steps(
        run,
        "add --id late-correction --received 2024-09-20",
        "pause late-correction --reason 补正 --date 2024-10-09",  # the 9th working day
        "add --id late-reply --received 2024-09-20",
        "reply late-reply --date 2024-10-25 --result 予以公开",  # 10-24, 10-25: 2 late
        "add --id third --received 2024-09-20",
        "pause third --reason 第三方 --date 2024-10-08",
    )
    rows = listed(run, "2024-10-30")
    assert "第 9 个工作日" in rows["late-correction"]["warnings"][0]
    assert rows["late-reply"]["late_workdays"] == 2 and rows["late-reply"]["state"] == "replied"
    assert "2024-10-28" in rows["third"]["warnings"][0]
    assert rows["third"]["overdue"] is False


def test_list_json_exactly(reg: tuple[Run, Path]) -> None:
    run, _ = reg
    steps(run, "add --id 2024-0001 --received 2024-09-20 --applicant 商业企业 --channel 网络 --subject 预算")
    steps(run, "reply 2024-0001 --date 2024-10-18 --result 不予公开：属于国家秘密")
    assert listed(run)["2024-0001"] == {
        "id": "2024-0001",
        "received": "2024-09-20",
        "applicant": "商业企业",
        "channel": "网络",
        "subject": "预算",
        "regulation": "2019 年条例",
        "due": "2024-10-23",
        "state": "replied",
        "overdue": False,
        "extended": False,
        "paused_for": None,
        "remaining_workdays": None,
        "result": "不予公开：属于国家秘密",
        "finished": "2024-10-18",
        "late_workdays": None,
        "missing_year": None,
        "warnings": [],
        "abandoned": None,
    }


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("予以公开", "予以公开"),
        ("不予公开/属于国家秘密", "不予公开：属于国家秘密"),
        ("重复申请", "不予处理：重复申请"),
        ("逾期不补正", "其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("其他处理：其他", "其他处理：其他"),
        ("无法提供：1.本机关不掌握相关政府信息", "无法提供：本机关不掌握相关政府信息"),
    ],
)
def test_results_are_read_as_the_table_words_them(reg: tuple[Run, Path], given: str, stored: str) -> None:
    run, _ = reg
    steps(run, "add --id A --received 2024-09-20")
    result = run("request", "reply", "A", "--date", "2024-10-08", "--result", given)
    assert result.exit_code == 0, result.output
    assert listed(run)["A"]["result"] == stored


BAD = [
    (["pause", "NOPE", "--reason", "补正", "--date", "2024-09-25"], 3, "没有编号为“NOPE”"),
    (["pause", "A", "--reason", "补正", "--date", "2024-09-19"], 3, "早于收到申请之日"),
    (["resume", "A", "--date", "2024-09-25"], 3, "没有未结束的暂停"),
    (["reply", "A", "--date", "2024-10-08", "--result", "不予公开"], 3, "需写明理由"),
    (["reply", "A", "--date", "2024-10-08", "--result", "同意"], 3, "无法识别的办理结果"),
    (["pause", "A", "--reason", "请示", "--date", "2024-09-25"], 2, "--reason"),
    (["add", "--received", "2024-09-20", "--id", "A"], 3, "已有编号"),
    (["add", "--received", "2024-13-01"], 3, "--received"),
    (["add", "--received", "2024-09-20", "--applicant", "公司"], 2, "--applicant"),
    (["add", "--received", "2030-09-20"], 4, "2030 年"),
]


@pytest.mark.parametrize(("args", "code", "words"), BAD, ids=[" ".join(a[:2]) + f" {c}" for a, c, _ in BAD])
def test_bad_input_is_refused_in_one_line_with_nothing_written(
    reg: tuple[Run, Path], args: list[str], code: int, words: str
) -> None:
    run, path = reg
    steps(run, "add --id A --received 2024-09-20")
    before = events_in(path)
    result = run("request", *args)
    assert result.exit_code == code, result.output
    assert words in result.stderr
    if code == 3 or code == 4:
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("gongkai: 错误：")
    assert events_in(path) == before


SECOND = [
    (
        "reply A --date 2024-10-08 --result 予以公开",
        "reply A --date 2024-10-09 --result 予以公开",
        "已于 2024-10-08 答复",
    ),
    ("pause A --reason 第三方 --date 2024-10-08", "pause A --reason 补正 --date 2024-10-09", "尚未恢复"),
    ("extend A --date 2024-10-08", "extend A --date 2024-10-09", "只能延长一次"),
    ("extend A --date 2024-10-10", "pause A --reason 补正 --date 2024-10-09", "早于上一条记录"),
    ("extend A --date 2024-10-10", "abandon A --date 2024-10-11", "只有告知补正后未收到补正"),
]


@pytest.mark.parametrize(("first", "second", "words"), SECOND, ids=[w for _, _, w in SECOND])
def test_an_event_the_history_cannot_take(reg: tuple[Run, Path], first: str, second: str, words: str) -> None:
    """Two replies, a pause during a pause, a second extension, an event out of order,
    anything after the end: refused, nothing written."""
    run, path = reg
    steps(run, "add --id A --received 2024-09-20", first)
    before = events_in(path)
    result = run("request", *second.split())
    assert result.exit_code == 3 and words in result.stderr, result.output
    assert events_in(path) == before


def test_nothing_after_abandonment(reg: tuple[Run, Path]) -> None:
    run, path = reg
    steps(run, "add --id A --received 2024-09-20", "pause A --reason 补正 --date 2024-09-25")
    steps(run, "abandon A --date 2024-11-01")
    before = events_in(path)
    result = run("request", "resume", "A", "--date", "2024-11-02")
    assert result.exit_code == 3 and "已于 2024-11-01 视为放弃" in result.stderr
    assert events_in(path) == before


def test_an_extension_after_the_date_is_recorded_with_a_warning(reg: tuple[Run, Path]) -> None:
    run, _ = reg
    steps(run, "add --id A --received 2024-09-20", "extend A --date 2024-10-24")
    row = listed(run)["A"]
    assert row["due"] == "2024-11-20" and row["extended"] is True
    assert row["warnings"] == ["2024-10-24 延长答复期限时已过期限 2024-10-23"]


def test_a_missing_register_is_not_created_by_reading(tmp_path: Path, gongkai: Run) -> None:
    path = tmp_path / "none.sqlite3"
    result = gongkai("request", "list", "--register", str(path))
    assert result.exit_code == 3 and "登记簿文件不存在" in result.stderr
    assert not path.exists()


def test_the_default_register_is_under_the_data_folder(tmp_path: Path, gongkai: Run) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    assert gongkai("request", "add", "--received", "2024-09-20", env=env).exit_code == 0
    assert (tmp_path / "data" / "gongkai" / "register.sqlite3").exists()
    other = tmp_path / "env.sqlite3"
    assert (
        gongkai("request", "add", "--received", "2024-09-20", env={"GONGKAI_REGISTER": str(other)}).exit_code
        == 0
    )
    assert other.exists()


def test_show_explain_counts_day_by_day_citing_articles(reg: tuple[Run, Path]) -> None:
    run, _ = reg
    steps(
        run,
        "add --id D --received 2024-09-20",
        "pause D --reason 第三方 --date 2024-10-08",
        "resume D --date 2024-10-21",
    )
    text = run("request", "show", "D", "--explain", "--format", "plain", "--today", "2024-10-21").output
    assert "答复期限：2024-11-06 周三" in text
    assert "2024-09-29 星期日  第 6 个工作日（已计，调休上班（国庆节）；第三十三条第二款）" in text
    assert "2024-10-12 星期六  不计（征求第三方意见，调休上班（国庆节）；第三十二条）" in text
    assert "2024-11-06 星期三  第 20 个工作日" in text
    assert "10个工作日不计，期限顺延至2024-11-06（第三十二条）" in "".join(text.split())
    data = json.loads(run("request", "show", "D", "--explain", "--format", "json").output)
    counted = [d for d in data["days"] if d["counted"]]
    assert len(counted) == 20 and counted[-1]["date"] == "2024-11-06"
    assert sum(1 for d in data["days"] if not d["counted"]) == 10
    assert [h["kind"] for h in data["history"]] == ["received", "pause", "resume"]


def test_list_open_and_formats(reg: tuple[Run, Path], tmp_path: Path) -> None:
    run, _ = reg
    steps(
        run,
        "add --id A --received 2024-09-20 --subject 预算",
        "add --id B --received 2024-09-20",
        "reply B --date 2024-10-08 --result 予以公开",
    )
    opened = json.loads(run("request", "list", "--open", "--format", "json").output)["requests"]
    assert [r["id"] for r in opened] == ["A"]
    plain = run("request", "list", "--format", "plain", "--today", "2024-10-24").output
    assert "A  收到 2024-09-20  期限 2024-10-23  已逾期  自然人" in plain
    md = run("request", "list", "--format", "md", "--today", "2024-10-08").output
    assert "| B | 2024-09-20 | 2024-10-23 | 已答复 | 自然人 | 予以公开 |" in md
    table = run("request", "list", "--format", "table", "--today", "2024-10-08", env={"COLUMNS": "80"}).output
    assert "2024-10-23" in table
    out = tmp_path / "台账.xlsx"
    assert run("request", "list", "--format", "xlsx", "-o", str(out)).exit_code == 0
    from openpyxl import load_workbook

    rows = list(load_workbook(out).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:2] == ("编号", "收到日期") and rows[1][0] == "A"
    assert run("request", "list", "--format", "xlsx").exit_code == 2  # needs -o


def test_abandon_counts_under_other_handling(reg: tuple[Run, Path]) -> None:
    run, _ = reg
    steps(run, "add --id A --received 2024-09-20", "pause A --reason 补正 --date 2024-09-25")
    steps(run, "abandon A --date 2024-11-01")
    row = listed(run)["A"]
    assert (row["state"], row["due"], row["abandoned"]) == ("abandoned", None, "2024-11-01")
    data = json.loads(run("request", "report", "--year", "2024", "--format", "json").output)
    assert data["results"]["其他处理"] == 1
    assert data["reasons"]["其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"] == 1


def _docs_examples() -> list[tuple[list[str], str]]:
    text = (ROOT / "docs" / "counting-rules.md").read_text(encoding="utf-8")
    section = text[text.index("## 10. ") : text.index("## Legal basis")]
    out = []
    for block in re.findall(r"```register\n(.*?)```", section, flags=re.S):
        lines = block.strip().splitlines()
        out.append((lines[:-1], lines[-1].removeprefix("=> ").strip()))
    return out


DOC_EXAMPLES = _docs_examples()


@pytest.mark.parametrize(("lines", "due"), DOC_EXAMPLES, ids=[e[1] for e in DOC_EXAMPLES])
def test_counting_rules_section_10_examples(reg: tuple[Run, Path], lines: list[str], due: str) -> None:
    run, _ = reg
    steps(run, *(line.removeprefix("request ") for line in lines))
    request_id = lines[0].split("--id ")[1].split()[0]
    assert listed(run)[request_id]["due"] == due


def test_the_contract_examples_are_all_in_the_docs() -> None:
    dues = {due for _, due in DOC_EXAMPLES}
    assert {"2024-10-23", "2024-11-20", "2024-11-05", "2024-11-06", "2019-05-31"} <= dues


@pytest.mark.parametrize("width", [60, 80, 100])
def test_every_screen_fits_the_terminal(reg: tuple[Run, Path], width: int) -> None:
    """Long ids, subjects and results, CJK counted two cells (rich's cell_len)."""
    from rich.cells import cell_len

    run, _ = reg
    steps(
        run,
        "add --id 2019-0001-长长的编号 --received 2019-05-10 --applicant 法律服务机构 "
        "--subject 关于某某市某某区某某街道2018年度城市更新改造项目征收补偿安置方案及相关审批文件的公开申请",
        "pause 2019-0001-长长的编号 --reason 补正 --date 2019-05-24",
        "resume 2019-0001-长长的编号 --date 2019-06-03",
        "pause 2019-0001-长长的编号 --reason 其他机关 --date 2019-06-04",
        "resume 2019-0001-长长的编号 --date 2019-06-20",
        "extend 2019-0001-长长的编号 --date 2019-06-21",
        "reply 2019-0001-长长的编号 --date 2019-08-30 --result 逾期未按收费通知",
    )
    for args in (
        ("list",),
        ("show", "2019-0001-长长的编号", "--explain"),
        ("report", "--year", "2019"),
    ):
        for fmt in ("table", "plain"):
            result = run("request", *args, "--format", fmt, env={"COLUMNS": str(width)})
            assert result.exit_code == 0, result.output
            limit = width if fmt == "table" else 80
            for line in result.output.splitlines():
                assert cell_len(line) <= limit, (args, fmt, line)
    shown = run("request", "show", "2019-0001-长长的编号", "--format", "plain").output
    assert "答复期限：2019-07-31 周三" in shown  # 2007 条例: 06-03 + 15 → 06-25, +11 not counted, +15


def test_register_given_to_the_group(tmp_path: Path, gongkai: Run) -> None:
    """`gongkai request --register FILE add …` works as `… add --register FILE`; the
    command's own --register wins; GONGKAI_REGISTER comes after both."""
    path, other = tmp_path / "g.sqlite3", tmp_path / "o.sqlite3"
    env = {"GONGKAI_REGISTER": str(tmp_path / "env.sqlite3")}
    assert (
        gongkai("request", "--register", str(path), "add", "--received", "2024-09-20", env=env).exit_code == 0
    )
    assert path.exists() and not (tmp_path / "env.sqlite3").exists()
    args = ("request", "--register", str(path), "add", "--received", "2024-09-20", "--register", str(other))
    assert gongkai(*args).exit_code == 0 and other.exists()
    result = gongkai("request", "--register", str(path), "list", "--format", "json", env=env)
    assert [r["id"] for r in json.loads(result.output)["requests"]] == ["2024-0001"]


def test_a_reply_during_a_consultation_ends_it(reg: tuple[Run, Path]) -> None:
    """Letter 10-08, reply 10-15 with no answer recorded: 10-09..10-12 and 10-14, 10-15
    (6 working days) not counted, 10-23 → 10-31; the reply is in time."""
    run, _ = reg
    steps(
        run,
        "add --id A --received 2024-09-20",
        "pause A --reason 其他机关 --date 2024-10-08",
        "reply A --date 2024-10-15 --result 部分公开",
    )
    row = listed(run)["A"]
    assert (row["state"], row["due"], row["late_workdays"]) == ("replied", "2024-10-31", None)
