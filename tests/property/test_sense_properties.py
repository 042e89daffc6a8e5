"""Properties of the senses and events of issue 20, for every anchor in the built-in years:
a ban ends where its span ends (never moved), a period from another event is never dated
from --from, and an alternative's outer limit is the latest of them."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.phrases.chinese import normalise
from gongkai_cli.phrases.clause import read_clause, resolve_clause, top_index

CAL = WorkCalendar.default()
FIRST = CAL.known_years()[0].year
LAST = CAL.known_years()[-1].year
anchors = st.dates(min_value=date(FIRST, 1, 1), max_value=date(LAST, 9, 30))
counts = st.integers(min_value=1, max_value=60)


@given(anchors, counts)
def test_a_ban_ends_where_its_span_ends(anchor: date, n: int) -> None:
    """从船舶到达时算起N日内…不准上岸 (国境卫生检疫法实施细则): anchor + N days, rest day or not."""
    clause = read_clause(f"从船舶到达时算起{n}日内，船上的船员除因工作需要外，不准上岸")
    (result,) = resolve_clause(clause, anchor, CAL)
    assert result.rule.sense == "restriction"
    assert result.deadline == anchor + timedelta(days=n)


@given(anchors, anchors, counts)
def test_a_period_from_another_event_is_dated_by_that_event_only(start: date, notice: date, n: int) -> None:
    """公司法 第一百七十三条: the second period depends on 公告's day, never on --from."""
    clause = read_clause(f"债权人自接到通知书之日起三十日内，未接到通知书的自公告之日起{n}日内，可以要求清偿")
    undated = resolve_clause(clause, start, CAL)[1]
    assert undated.deadline is None and undated.needs_event == "公告"
    dated = resolve_clause(clause, start, CAL, events={"公告": notice})[1]
    alone = resolve_clause(read_clause(f"{n}日内"), notice, CAL)[0]
    assert dated.deadline == alone.deadline


@given(anchors, counts)
def test_the_outer_limit_of_alternatives_is_the_latest(anchor: date, n: int) -> None:
    clause = read_clause(normalise(f"应当当场或者在{n}日内告知"))
    results = resolve_clause(clause, anchor, CAL)
    top = results[top_index(clause, results)].deadline
    assert top is not None and all(r.deadline is not None and r.deadline <= top for r in results)
