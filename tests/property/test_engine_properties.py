"""Properties of the engine that hold for every anchor in the built-in years."""

from __future__ import annotations

import contextlib
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.errors import InputError
from gongkai_cli.phrases.reader import parse_rule
from gongkai_cli.phrases.resolve import resolve

CAL = WorkCalendar.default()
FIRST = CAL.known_years()[0].year
LAST = CAL.known_years()[-1].year
# Anchors whose results stay inside the known years for n up to 60.
anchors = st.dates(min_value=date(FIRST, 1, 1), max_value=date(LAST, 9, 30))
counts = st.integers(min_value=1, max_value=60)


@given(anchors, counts)
def test_result_is_a_working_day(anchor: date, n: int) -> None:
    assert CAL.is_workday(CAL.add_workdays(anchor, n))


@given(anchors, counts)
def test_counting_back_gives_n(anchor: date, n: int) -> None:
    assert CAL.count_workdays(anchor, CAL.add_workdays(anchor, n)) == n


@given(anchors, counts)
def test_monotone_in_n(anchor: date, n: int) -> None:
    assert CAL.add_workdays(anchor, n) < CAL.add_workdays(anchor, n + 1)


@given(anchors, counts)
def test_there_and_back_on_a_working_day(anchor: date, n: int) -> None:
    day = CAL.next_workday(anchor)
    assert CAL.add_workdays(CAL.add_workdays(day, n), -n) == day


@given(anchors, counts)
def test_no_working_day_is_skipped(anchor: date, n: int) -> None:
    """Between the (n-1)-th and the n-th working day lie only rest days."""
    end = CAL.add_workdays(anchor, n)
    before = CAL.add_workdays(anchor, n - 1) if n > 1 else anchor
    assert CAL.count_workdays(before, end) == 1


@given(anchors, st.integers(min_value=1, max_value=90))
def test_calendar_periods_end_on_a_working_day_not_before_the_plain_end(anchor: date, n: int) -> None:
    result = resolve(parse_rule(f"{n}日内"), anchor, CAL)
    assert isinstance(result.deadline, date)
    assert CAL.is_workday(result.deadline)
    assert (result.deadline - anchor).days >= n


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_the_reader_raises_only_its_own_error(text: str) -> None:
    with contextlib.suppress(InputError):
        parse_rule(text)


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                "印发",
                "之日起",
                "后",
                "3",
                "十五",
                "个",
                "工作日",
                "日",
                "月",
                "底",
                "前",
                "内",
                "年",
                "小时",
                "按月",
                "公开",
                "适时进行",
                "2017",
                "第",
                "季度",
                " ",
                "，",
                "完成",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_the_reader_on_near_phrases(text: str) -> None:
    try:
        rule = parse_rule(text)
    except InputError:
        return
    assert rule.text == text
