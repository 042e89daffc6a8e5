"""Properties of plan editing (planedit): whatever is marked, the file stays a valid plan
that says exactly that, only the marked items' lines change, and undoing in any order
gives back the original bytes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.files.planedit import set_done
from gongkai_cli.plan.obligations import expand
from gongkai_cli.plan.plan_file import bundled_plan, load_plan, parse_plan

ORIGINAL = bundled_plan().read_text(encoding="utf-8")
PLAN = load_plan(bundled_plan())
CAL = WorkCalendar.default()
# (item id, key, entry) for every obligation the plan has: the item, its report, each occurrence
TARGETS = sorted(
    {
        (
            ob.item.id,
            "reported" if ob.kind == "report" else "done",
            ob.occurrence if ob.kind == "recurring" else None,
        )
        for ob in expand(PLAN, CAL)
        if ob.kind != "event"
    },
    key=str,
)


@settings(max_examples=6, deadline=None, derandomize=True)  # each example edits the whole file a dozen times
@given(
    st.lists(st.sampled_from(TARGETS), min_size=1, max_size=4, unique=True),
    st.integers(0, 200),
    st.randoms(use_true_random=False),
)
def test_marks_read_back_and_undo_in_any_order(
    targets: list[tuple[str, str, str | None]], offset: int, rnd
) -> None:  # type: ignore[no-untyped-def]
    day = date(2016, 5, 18) + timedelta(days=offset)
    text = ORIGINAL
    for item_id, key, sub in targets:
        text = set_done(text, item_id, key, sub, day, None).text
    plan, problems = parse_plan(text.encode(), "edited")
    assert plan is not None, problems
    for item_id, key, sub in targets:
        item = plan.item(item_id)
        assert item is not None
        if key == "reported":
            assert item.reported == {"report": day}
        elif sub is None:
            assert item.done == day
        else:
            assert item.done_occurrences[sub] == day
    # no other item changed
    marked = {t[0] for t in targets}
    for before, after in zip(PLAN.items, plan.items, strict=True):
        if before.id not in marked:
            assert replace(before, line=0) == replace(after, line=0)  # lines below an insert move
    order = list(targets)
    rnd.shuffle(order)
    for item_id, key, sub in order:
        text = set_done(text, item_id, key, sub, None, None).text
    assert text == ORIGINAL
