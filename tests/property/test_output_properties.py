"""Properties of issue 19's rules: a list of names is wrapped between names only, and an
event occurrence (with or without a label) reads back the same from how the plan file
writes it and from its id."""

from __future__ import annotations

from datetime import date, datetime, time

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from gongkai_cli.plan.plan_file import Labelled, event_key, parse_occurrence, written
from gongkai_cli.render.layout import wrap

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
NAMES = st.lists(st.text(CJK, min_size=1, max_size=10), min_size=1, max_size=8)


@given(NAMES, st.integers(0, 30))
def test_names_are_wrapped_between_names(names: list[str], extra: int) -> None:
    size = 2 * max(len(n) for n in names) + 2 + extra  # the widest name and its 、 fit
    lines = wrap("、".join(names), size, names=True)
    assert all(cell_len(line) <= size for line in lines)
    assert "".join(lines) == "、".join(names)  # nothing lost, nothing added
    ends = {len("".join(lines[: i + 1])) for i in range(len(lines))}
    starts = {0}
    at = 0
    for name in names:  # each line ends where a name (and its 、) ends
        at += len(name)
        starts.add(at)
        at += 1
        starts.add(at)
    assert ends <= starts


LABELS = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=20)
MOMENTS = st.one_of(
    st.dates(date(1901, 1, 1), date(9998, 12, 31)),
    st.builds(
        datetime.combine,
        st.dates(date(1901, 1, 1), date(9998, 12, 31)),
        st.builds(time, st.integers(0, 23), st.integers(0, 59)),
    ),
)


@given(MOMENTS, st.one_of(st.none(), LABELS))
def test_an_occurrence_reads_back(moment: date | datetime, label: str | None) -> None:
    occurrence = moment if label is None else Labelled(moment, label)
    assert parse_occurrence(written(occurrence)) == occurrence
    assert parse_occurrence(event_key(occurrence)) == occurrence
