"""The jobs that now have one home each: written dates and numerals (phrases.chinese,
phrases.dates), the obligation-id grammar, the core's facts worded by the CLI, and the
one YAML reader for every file format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.phrases.chinese import halfwidth, number
from gongkai_cli.phrases.dates import written_date
from gongkai_cli.phrases.reader import parse_rule
from gongkai_cli.phrases.resolve import resolve
from gongkai_cli.plan.obligations import item_id_of, occurrence_id, report_id
from gongkai_cli.plan.plan_file import parse_plan
from tests.conftest import Run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the signature of the 2016 工作要点 (tests/fixtures/2016-work-points.txt)
        ("2016 年 5 月 18 日", date(2016, 5, 18)),
        # the 2010 notice (tests/fixtures/notices/2010.txt) is signed 二○○九年十二月七日, with ○
        ("二○○九年十二月七日", date(2009, 12, 7)),
        ("二〇〇九年十二月七日", date(2009, 12, 7)),
        ("2015年12月10日", date(2015, 12, 10)),  # the 2016 notice's signature
        ("２０１６年５月１８日", date(2016, 5, 18)),  # full-width digits
        ("2016年二月二十九日", date(2016, 2, 29)),  # mixed forms, a leap day
        ("2015年2月29日", None),  # no such day
        ("2016年十十月1日", None),  # a malformed numeral is not guessed
        ("国务院办公厅", None),
    ],
)
def test_written_dates(text: str, expected: date | None) -> None:
    assert written_date(text) == expected


@pytest.mark.parametrize(("raw", "value"), [("15", 15), ("１５", 15), ("十五", 15), ("二十", 20), ("两", 2)])
def test_numbers_in_any_script(raw: str, value: int) -> None:
    assert number(raw) == value


def test_halfwidth_keeps_offsets() -> None:
    text = "１０月８日（星期六）—９日"
    assert len(halfwidth(text)) == len(text)
    assert halfwidth(text) == "10月8日(星期六)-9日"


@pytest.mark.parametrize(
    ("obligation", "item"),
    [("1.1a", "1.1a"), ("1.1a/report", "1.1a"), ("5.1.2@2016-06", "5.1.2"), ("4.1a@2016-09-30", "4.1a")],
)
def test_obligation_ids(obligation: str, item: str) -> None:
    assert item_id_of(obligation) == item
    assert item_id_of(occurrence_id(item, "2016-06")) == item_id_of(report_id(item, "report")) == item


def test_the_core_states_facts_and_the_cli_names_the_option(cal: WorkCalendar, gongkai: Run) -> None:
    """2016-12-31 is a Saturday (国办发明电〔2015〕18号 gives no 调休 for it)."""
    result = resolve(parse_rule("12月31日前"), date(2016, 5, 18), cal)
    assert result.warnings == ("2016-12-31 是星期六（休息日），期限不顺延",)
    shown = gongkai("deadline", "12月31日前", "--from", "2016-05-18", "--format", "json")
    assert '"2016-12-31 是星期六（休息日），期限不顺延；可用 --roll backward' in shown.output


def test_an_unknown_year_is_a_fact_in_the_library_and_a_hint_in_the_cli(gongkai: Run) -> None:
    from gongkai_cli.errors import CoverageError

    error = CoverageError(2027)
    assert error.year == 2027 and "--" not in str(error)
    result = gongkai("day", "2027-01-04")
    assert result.exit_code == 4
    assert "--provisional" in result.stderr and "gongkai calendar import" in result.stderr


PLAN_HEAD = "format: 1\nplan: {title: t, issuer: i, issued: 2016-05-18, year: 2016}\n"


def test_plans_refuse_explicit_tags_like_calendar_files(tmp_path: Path) -> None:
    """One YAML reader for both formats: a tag is refused at its line in a plan too."""
    text = PLAN_HEAD + "items: !!set {a}\n"
    plan, problems = parse_plan(text.encode(), "plan.yaml")
    assert plan is None
    assert [(p.line, "不允许的 YAML 标签" in p.message) for p in problems] == [(3, True)]
