"""Readable in any terminal: the table format at 60, 80, 100 and 140 columns.

Every screen is rendered through the real CLI with ``--format table`` and COLUMNS set
(rich reads it), and checked: no line wider than the terminal (rich's cell widths, CJK
counts two), no padding at line ends off a terminal, every date, id and count of the
JSON answer intact on the screen, no cell of one character cut from a longer text.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from rich.cells import cell_len

from gongkai_cli.render.layout import NO_END, NO_START, join_fitting, wrap
from tests.conftest import Run

WIDTHS = (60, 80, 100, 140)
# One-character cells that are whole texts: the calendar's weekday heads, "none".
WHOLE_SINGLE = set("一二三四五六日—")


def screen(gongkai: Run, width: int, *args: str) -> str:
    result = gongkai(*args, "--format", "table", env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.output


def json_of(gongkai: Run, *args: str) -> object:
    result = gongkai(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def assert_fits(text: str, width: int) -> None:
    for line in text.splitlines():
        assert cell_len(line) <= width, f"{cell_len(line)} > {width}: {line!r}"
        assert line == line.rstrip(), f"trailing spaces off a terminal: {line!r}"
        for cell in re.split(r"\s{2,}", line.strip()):
            if len(cell) == 1 and cell_len(cell) == 2:
                assert cell in WHOLE_SINGLE, f"a one-character cell: {line!r}"


def assert_number(text: str, number: int) -> None:
    assert re.search(rf"(?<![\d.-]){abs(number)}(?![\d])", text), f"{number} not intact"


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("today", ["2016-06-27", "2016-12-26"])
def test_due(gongkai: Run, width: int, today: str) -> None:
    args = ("due", "--week", "--today", today)
    text = screen(gongkai, width, *args)
    assert_fits(text, width)
    data = json_of(gongkai, *args)
    assert isinstance(data, dict)
    entries = [*data["items"], *data["overdue"]]
    assert entries
    for entry in entries:
        assert entry["id"] in text
        assert entry["deadline"][:10] in text
        assert_number(text, entry["days_left"])
        if "──" not in text:  # blocks: each title whole, wrapped
            assert squeezed(entry["title"]) in squeezed(text)
    assert "2016年政务公开工作要点" in text.splitlines()[0]


@pytest.mark.parametrize("width", WIDTHS)
def test_tasks(gongkai: Run, width: int) -> None:
    text = screen(gongkai, width, "tasks")
    assert_fits(text, width)
    data = json_of(gongkai, "tasks")
    assert isinstance(data, dict)
    for ob in data["items"]:
        assert ob["id"] in text
        if ob["deadline"]:
            assert ob["deadline"][:10] in text
        if "──" not in text:
            assert squeezed(ob["title"]) in squeezed(text)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("item", ["1.1a", "5.2.4/report", "4.1a"])
def test_show_never_cuts_the_full_text(gongkai: Run, width: int, item: str) -> None:
    text = screen(gongkai, width, "show", item)
    assert_fits(text, width)
    data = json_of(gongkai, "show", item)
    assert isinstance(data, dict)
    assert squeezed(data["item"]["text"]) in squeezed(text)  # the whole 原文, wrapped
    assert "…" not in text
    for ob in data["obligations"]:
        assert ob["id"] in text
    for explained in data["explain"]:
        for step in explained["steps"]:
            assert step["date"] in text
            if step["count"] is not None:
                assert_number(text, step["count"])


def test_show_keeps_a_count_with_its_unit(gongkai: Run) -> None:
    """The issue's "期限届满后 1…/个工作日内": ten working days, not one."""
    for width in WIDTHS:
        text = screen(gongkai, width, "show", "5.2.4")
        assert re.search(r"(?<!\d)10(?!\d)", text), width
        assert "期限届满后 1\n" not in text


@pytest.mark.parametrize("width", WIDTHS)
def test_calendar(gongkai: Run, width: int) -> None:
    text = screen(gongkai, width, "calendar", "2016")
    assert_fits(text, width)
    for month in range(1, 13):
        assert f"2016年{month}月" in text
    assert "10-01 至 10-07" in text and "10-08、10-09" in text
    assert "31" in text


CLAUSES = [
    ("deadline", "文件公开后3个工作日内", "--from", "2016-09-30", "--explain"),
    (
        "deadline",
        "行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定",
        "--from",
        "2016-09-20",
        "--law",
        "行政许可法",
        "--explain",
    ),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", CLAUSES, ids=["phrase", "clause"])
def test_deadline_explain(gongkai: Run, width: int, args: tuple[str, ...]) -> None:
    text = screen(gongkai, width, *args)
    assert_fits(text, width)
    data = json_of(gongkai, *args)
    assert isinstance(data, dict)
    answers = data.get("parts", [data])  # a clause of several limits lists them
    for answer in answers:
        for step in answer["steps"]:
            assert step["date"] in text
        assert answer["deadline"][:10] in text


def test_a_wide_terminal_gets_a_table_a_narrow_one_blocks(gongkai: Run) -> None:
    wide = screen(gongkai, 140, "due", "--week", "--today", "2016-06-27")
    narrow = screen(gongkai, 80, "due", "--week", "--today", "2016-06-27")
    assert "──" in wide and "期限写法" in wide
    assert "──" not in narrow
    assert "2016-06-30 周四  还剩 3 天（3 个工作日）  1.1a" in narrow.splitlines()


# -- wrapping ------------------------------------------------------------------------------


def test_wrap_keeps_ascii_runs_whole_and_obeys_kinsoku() -> None:
    text = "期限届满后 10 个工作日内，报送 5.1.4b@2016-06 的情况。"
    for size in range(16, 40):
        lines = wrap(text, size)
        assert all(cell_len(line) <= size for line in lines)
        assert "5.1.4b@2016-06" in "\n".join(lines)
        assert re.search(r"(?<!\d)10(?!\d)", "\n".join(lines))
        assert not any(line[0] in NO_START for line in lines)
        assert not any(line[-1] in NO_END for line in lines)


def test_wrap_leaves_no_lone_last_character() -> None:
    lines = wrap("条法司、审查业务管理部；期限写法：6月底前完成", 24)
    assert all(len(line) > 1 for line in lines)


def test_join_fitting_moves_whole_parts() -> None:
    assert join_fitting(["2016-06-30 周四", "逾期 3862 天（2600 个工作日）", "5.1.4b@2016-06"], 50) == [
        "2016-06-30 周四  逾期 3862 天（2600 个工作日）",
        "5.1.4b@2016-06",
    ]


WORDS = st.lists(
    st.sampled_from(
        ["政务", "公开", "，", "。", "（", "）", "2016-06-30", "10", " ", "、", "“", "”", "信息"]
    ),
    max_size=40,
)


@given(WORDS, st.integers(min_value=12, max_value=100))
def test_wrap_properties(words: list[str], size: int) -> None:
    text = "".join(words)
    # Two closing marks in a row after a date can only hang apart at a tiny width.
    assume(not re.search(r"[，。、）”]{2}", text))
    # A run of ASCII that fills a line alone cannot take a closing mark along.
    assume(all(len(run) <= size // 2 for run in re.findall(r"[\x21-\x7e]+", text)))
    lines = wrap(text, size)
    assert all(cell_len(line) <= size for line in lines)
    assert squeezed("".join(lines)) == squeezed(text)  # nothing lost, nothing added
    assert not any(line and line[0] in NO_START for line in lines[1:])
    assert all(line == line.strip() for line in lines)


CELLS = st.lists(
    st.sampled_from(["政务公开", "2016-06-30", "办公室牵头", "10", "，", "按月公开", " ", "5.1.4b@2016-06"])
)


@given(
    st.lists(st.tuples(CELLS, CELLS, CELLS), min_size=1, max_size=6),
    st.integers(min_value=20, max_value=160),
)
def test_fit_table_fits_or_declines(rows: list[tuple[list[str], ...]], size: int) -> None:
    """A fitted table is never wider than the width; when it cannot fit, it says so."""
    from rich.console import Console

    from gongkai_cli.render.layout import Column, fit_table

    columns = (Column("期限", fixed=True), Column("事项", ratio=3), Column("部门", ratio=2))
    cells = [("".join(a)[:10] or "—", "".join(b), "".join(c)) for a, b, c in rows]
    table = fit_table(columns, cells, size)
    if table is None:
        return
    console = Console(width=size, file=None, force_terminal=False)
    with console.capture() as captured:
        console.print(table)
    lines = captured.get().splitlines()
    assert all(cell_len(line.rstrip()) <= size for line in lines)
    text = squeezed(captured.get())
    for fixed, *_ in cells:
        assert squeezed(fixed) in text  # the fixed column is never cut


@pytest.mark.parametrize("size", range(20, 90, 3))
def test_a_count_keeps_its_unit(size: int) -> None:
    # show 5.2.4 once wrapped its 原文 as "（办公室牵头落实，4" / "月底完成）", and a rule as
    # "期限届满后 10" / "个工作日内": a bare number at a line end reads as another count.
    text = (
        "继续办好“4.26”开放日等活动，增进与公众的互动交流。（办公室牵头落实，4月底完成）"
        "期限届满后 10 个工作日内"
    )
    lines = wrap(text, size)
    assert not any(re.search(r"[0-9]$", line) for line in lines[:-1]), lines
    assert squeezed("".join(lines)) == squeezed(text)
