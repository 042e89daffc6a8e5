"""Properties of the reply-date count (docs/counting-rules.md §10): a pause never
shortens the period, and an extension adds exactly 20 working days (15 under the 2007
条例)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.register.counting import Event, reckon

CAL = WorkCalendar.default()
received = st.dates(min_value=date(2008, 1, 1), max_value=date(2025, 10, 31))
offsets = st.integers(min_value=0, max_value=40)
reasons = st.sampled_from(["补正", "第三方", "其他机关"])


@settings(max_examples=300, deadline=None)
@given(received, offsets, offsets, reasons)
def test_a_pause_never_shortens_the_period(day: date, start: int, length: int, reason: str) -> None:
    plain = reckon([Event("received", day)], CAL).due
    assert plain is not None
    paused_on = day + timedelta(days=start)
    history = [
        Event("received", day),
        Event("pause", paused_on, reason),
        Event("resume", paused_on + timedelta(days=length)),
    ]
    due = reckon(history, CAL).due
    assert due is not None and due >= plain
    assert CAL.is_workday(due)


@settings(max_examples=300, deadline=None)
@given(received, offsets, st.booleans())
def test_an_extension_adds_exactly_the_statutory_working_days(day: date, when: int, paused: bool) -> None:
    history = [Event("received", day)]
    if paused:
        history += [
            Event("pause", day + timedelta(days=1), "第三方"),
            Event("resume", day + timedelta(days=9)),
        ]
    before = reckon(history, CAL).due
    assert before is not None
    extended = reckon([*history, Event("extend", history[-1].day + timedelta(days=when))], CAL).due
    assert extended is not None
    expected = 20 if day >= date(2019, 5, 15) else 15
    assert CAL.count_workdays(before, extended) == expected
