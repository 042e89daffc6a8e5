"""What the fuzz tests feed and call, shared by tests/test_fuzz.py and bench/fuzz.py.

Each target runs one reader (and what is built on its result) on one input. It returns
quietly when the input is accepted or refused with a GongkaiError; any other exception
propagates, and is a bug.
"""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from gongkai_cli.errors import GongkaiError

if TYPE_CHECKING:
    from gongkai_cli.calendar.workdays import WorkCalendar

ROOT = Path(__file__).resolve().parent.parent
ANCHOR = date(2016, 5, 18)

PHRASE_SEEDS = (
    "文件公开后3个工作日内",
    "印发之日起5个工作日内",
    "期限届满后10个工作日内书面报送",
    "15日内",
    "1个月内",
    "24小时内",
    "6月底前完成",
    "2017年1月15日前",
    "年底前",
    "第一季度",
    "按月公开",
    "适时进行",
    "收到申请之日起二十个工作日内",
    "20",
)
DATE_SEEDS = (
    "2016-09-30",
    "2016/9/30",
    "20160930",
    "2016年9月30日",
    "2016-07-01 14:30",
    "2016年7月1日14时30分",
)
NOTICE_SEED = (ROOT / "tests" / "fixtures" / "notices" / "2016.txt").read_text(encoding="utf-8")
PLAN_SEED = (ROOT / "src" / "gongkai_cli" / "data" / "tasks-2016.yaml").read_text(encoding="utf-8")
CALENDAR_SEED = """\
year: 2016
source:
  title: "国务院办公厅关于2016年部分节假日安排的通知"
  number: "国办发明电〔2015〕18号"
  issued: 2015-12-10
holidays:
  - {date: 2016-01-01, name: "元旦"}
  - {date: 2016-02-07, name: "春节"}
  - date: 2016-02-08
    name: 春节
workdays:
  - {date: 2016-02-06, name: "春节"}
"""

# Pieces that mean something to one reader or another, so that mutations reach past the
# first character: digits in three scripts, date and period words, notice and YAML syntax.
SNIPPETS = (
    *"0123456789０１２３一二三十百千万两〇零",
    *"年月日号天时分个前后内底末季度起至、，。；：:()（）[]{}-/.~—",
    "工作日",
    "小时",
    "之日起",
    "星期六",
    "周日",
    "放假",
    "上班",
    "调休",
    "共7天",
    "补休",
    "春节：",
    "二、",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\u3000",
    "\x00",
    "\ufeff",
    "\u200b",
    "😀",
    "᧚",
    "٣",
    "&a ",
    "*a",
    "!!python/object/apply:os.system ",
    "!!set ",
    "? ",
    "- ",
    ": ",
    "#",
    "'",
    '"',
    "|",
    ">",
    "---\n",
    "...\n",
    "<<: ",
    "~",
    "null",
    "true",
    "2016-02-30",
    "99999999999999999999",
)


def text_alphabet() -> st.SearchStrategy[str]:
    """Any character (surrogates aside), with the meaningful ones drawn more often."""
    return st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from([s for s in SNIPPETS if len(s) == 1]),
    )


@st.composite
def _mutations(draw: st.DrawFn, base: str) -> str:
    text = base
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        op = draw(st.sampled_from(("insert", "insert", "delete", "swap", "truncate", "repeat")))
        pos = draw(st.integers(min_value=0, max_value=len(text)))
        if op == "insert" or not text:
            piece = draw(
                st.one_of(st.sampled_from(SNIPPETS), st.text(text_alphabet(), min_size=1, max_size=3))
            )
            text = text[:pos] + piece + text[pos:]
        elif op == "delete":
            size = draw(st.integers(min_value=1, max_value=8))
            text = text[:pos] + text[pos + size :]
        elif op == "swap" and pos + 1 < len(text):
            text = text[:pos] + text[pos + 1] + text[pos] + text[pos + 2 :]
        elif op == "truncate":
            text = text[:pos]
        elif op == "repeat":
            size = draw(st.integers(min_value=1, max_value=12))
            text = text[:pos] + text[pos : pos + size] * draw(st.integers(2, 4)) + text[pos:]
    return text


def mutated(base: str) -> st.SearchStrategy[str]:
    """``base`` after one to six random insertions, deletions, swaps, cuts or repeats."""
    return _mutations(base)


# -- targets ----------------------------------------------------------------------------


@cache
def _calendar() -> WorkCalendar:
    from gongkai_cli.calendar.workdays import WorkCalendar

    return WorkCalendar.default()


def phrase_target(text: str) -> None:
    """parse_rule, then resolve what it read from a fixed anchor."""
    from gongkai_cli.phrases.reader import parse_rule
    from gongkai_cli.phrases.resolve import resolve

    try:
        rule = parse_rule(text)
        resolve(rule, ANCHOR, _calendar())
    except GongkaiError:
        pass


def date_target(text: str) -> None:
    from gongkai_cli.phrases.dates import parse_date, parse_datetime

    for parse in (parse_date, parse_datetime):
        with contextlib.suppress(GongkaiError):
            parse(text)


def notice_target(text: str) -> None:
    """parse_notice, then the calendar file written from it, which must load again."""
    from gongkai_cli.calendar.files import CalendarSource, dump_calendar, load_calendar_file
    from gongkai_cli.calendar.notice_import import merge_notices, parse_notice, to_year_data

    for year in (None, 2016):
        try:
            notice = merge_notices([parse_notice(text, year=year)])
            meta = CalendarSource(notice.title or "（通知未注明标题）", notice.number, notice.issued)
            data = to_year_data(notice, meta.describe())
        except GongkaiError:
            continue
        written = dump_calendar(data, meta)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{data.year}.yaml"
            path.write_text(written, encoding="utf-8")
            loaded = load_calendar_file(path)  # what import writes must load: no GongkaiError either
        assert loaded.holidays == data.holidays and loaded.makeup_workdays == data.makeup_workdays


def plan_target(path: Path) -> None:
    """load_plan, then every obligation of the plan resolved."""
    from gongkai_cli.plan.obligations import expand
    from gongkai_cli.plan.plan_file import load_plan

    with contextlib.suppress(GongkaiError):
        expand(load_plan(path), _calendar())


def calendar_target(path: Path) -> None:
    """load_calendar_file, then the year counted with that file in the calendar."""
    from gongkai_cli.calendar.files import load_calendar_file
    from gongkai_cli.calendar.workdays import WorkCalendar

    try:
        data = load_calendar_file(path)
        cal = WorkCalendar.default([data])
        cal.count_workdays(date(data.year, 1, 1), date(data.year, 12, 31))
    except GongkaiError:
        pass
