"""A Plan expanded into Obligations: each thing someone must do, with its resolved deadline.

Pure: a Plan, a WorkCalendar and Options in, obligations out (document order). The
counting is resolve.py's; this module only decides what is counted from what:

- ``deadline``: a dated item (6月底前, 印发之日起5个工作日内), counted once;
- ``report``: for each dated item and each ``reports`` entry, counted from the item's
  resolved deadline (期限届满后10个工作日内);
- ``recurring``: one occurrence per period, from the item's anchor (the issue date) to
  the end of the plan year, each due on its period's last working day (docs/counting-rules.md §7);
- ``event``: one per recorded event of the item's ``event`` name; with none recorded,
  one obligation without a deadline, so that ``tasks`` still lists the duty;
- ``open``: 适时进行 and the like, never due.

Coverage is per obligation (counting-rules §6): one whose deadline needs a year the
calendar has no arrangement for is resolved again with the statutory holidays for that
year, and says which years it waits for (``waiting_for``); the others are untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal, NamedTuple

from ..calendar.workdays import WorkCalendar
from ..errors import CoverageError
from ..phrases.resolve import DEFAULTS, Options, Result, period_bounds, resolve
from ..phrases.rule import Rule
from .plan_file import Item, Labelled, Occurrence, Plan, ReportSpec, event_key, moment_of

Kind = Literal["deadline", "report", "recurring", "event", "open"]
KINDS: tuple[Kind, ...] = ("deadline", "report", "recurring", "event", "open")


class Obligation(NamedTuple):
    """One duty with one deadline (or none).

    ``id`` is the item's id, ``1.3@2016-06`` for an occurrence, ``4.1a@2016-09-30`` for
    an event, ``1.1a/report`` for a derived report. ``rule`` is the phrase that produced
    the deadline, verbatim (None when the text states no time limit).
    """

    id: str
    item: Item
    kind: Kind
    title: str
    rule: str | None
    deadline: date | datetime | None
    lead: tuple[str, ...]
    owners: tuple[str, ...]
    done: date | None = None
    provisional: bool = False
    rest_day: bool = False
    occurrence: str | None = None  # "2016-06", "2016-09-30", or the report's id
    warnings: tuple[str, ...] = ()
    result: Result | None = None  # the resolution, with steps when explained
    waiting_for: tuple[int, ...] = ()  # years without a published arrangement it needs

    @property
    def day(self) -> date | None:
        """The deadline's date (an hour deadline's calendar day)."""
        if isinstance(self.deadline, datetime):
            return self.deadline.date()
        return self.deadline

    @property
    def departments(self) -> tuple[str, ...]:
        """Those who do it: lead, responsible and jointly (`due --dept`, `status`); not
        those who supervise."""
        return self.lead + self.owners + self.item.jointly


def expand(
    plan: Plan, cal: WorkCalendar, options: Options = DEFAULTS, *, explain: bool = False
) -> list[Obligation]:
    """Every obligation of the plan, in document order (each item, then its reports)."""
    return [ob for item in plan.items for ob in expand_item(plan, item, cal, options, explain=explain)]


def expand_item(
    plan: Plan, item: Item, cal: WorkCalendar, options: Options = DEFAULTS, *, explain: bool = False
) -> list[Obligation]:
    if item.law is not None:  # the item's own periods under its statute; reports keep theirs
        return _expand(plan, item, cal, options, options._replace(law=item.law), explain)
    return _expand(plan, item, cal, options, options, explain)


def _expand(
    plan: Plan, item: Item, cal: WorkCalendar, options: Options, item_options: Options, explain: bool
) -> list[Obligation]:
    """The item's obligations; a year that cannot be answered even provisionally is an
    error naming the obligation and the item's place in the plan file."""
    try:
        return _expand_item(plan, item, cal, options, item_options, explain)
    except CoverageError as e:
        e.where = e.where or f"{plan.path}:{item.line}"
        raise


def _expand_item(
    plan: Plan, item: Item, cal: WorkCalendar, options: Options, item_options: Options, explain: bool
) -> list[Obligation]:
    if item.rule.kind == "open":
        return [_obligation(item, "open", None, None, done=item.done)]
    if item.event is not None:
        return list(_events(plan, item, cal, item_options, explain))
    if item.rule.kind == "recurring":
        return list(_occurrences(plan, item, cal, item_options, explain))
    rule = item.rule
    if rule.kind == "date" and rule.year is None:
        rule = _in_year(rule, plan.year)  # 6月底前 is June of the plan year, whatever the anchor
    anchor = item.anchor or plan.issued
    result, used = _resolve(item.id, rule, anchor, cal, item_options, explain)
    own = _obligation(item, "deadline", result, used, done=item.done)
    out = [own]
    if item.report and own.day is not None:
        early = plan.issued if own.day < plan.issued else None
        out.extend(_report(item, spec, own, cal, options, explain, early) for spec in plan.reports)
    return out


def _resolve(
    oid: str, rule: Rule, anchor: date | datetime, cal: WorkCalendar, options: Options, explain: bool
) -> tuple[Result, WorkCalendar]:
    """``rule`` resolved against ``cal``; when that needs a year ``cal`` has no arrangement
    for, resolved again with the statutory holidays for such years, the result's
    ``provisional_years`` then naming them. Returns the calendar that answered."""
    try:
        try:
            return _resolved(rule, anchor, cal, options, explain), cal
        except CoverageError as missing:
            wider = cal.with_provisional()
            if wider is cal:
                raise
            result = _resolved(rule, anchor, wider, options, explain)
            years = tuple(sorted({*result.provisional_years, missing.year}))
            return replace(result, provisional_years=years), wider
    except CoverageError as e:
        raise CoverageError(e.year, f"事项 {oid}：{e.message}") from None


@lru_cache(maxsize=4096)
def _resolved(
    rule: Rule, anchor: date | datetime, cal: WorkCalendar, options: Options, explain: bool
) -> Result:
    """resolve(rule, anchor, cal, options, explain=explain), kept for the most recent
    arguments: a plan of thousands of items has a few dozen rules and anchors (every item
    counted from the issue date), and the answer is made of these alone (an error is not
    kept: it is raised again)."""
    return resolve(rule, anchor, cal, options, explain=explain)


@lru_cache(maxsize=256)
def _in_year(rule: Rule, year: int) -> Rule:
    """``rule`` (a date without a year) in ``year``."""
    return replace(rule, year=year)


def _obligation(
    item: Item,
    kind: Kind,
    result: Result | None,
    cal: WorkCalendar | None,
    *,
    oid: str | None = None,
    title: str | None = None,
    rule: str | None = None,
    occurrence: str | None = None,
    done: date | None = None,
) -> Obligation:
    deadline = result.deadline if result else None
    day = deadline.date() if isinstance(deadline, datetime) else deadline
    rest_day = day is not None and cal is not None and not cal.is_workday(day)
    waiting = result.provisional_years if result else ()
    return Obligation(
        id=oid or item.id,
        item=item,
        kind=kind,
        title=title or item.title,
        rule=rule if rule is not None else item.rule_text,
        deadline=deadline,
        lead=item.lead,
        owners=item.owners,
        done=done,  # each obligation its own: an item's done does not file its report
        provisional=bool(waiting),
        rest_day=rest_day,
        occurrence=occurrence,
        warnings=result.warnings if result else (),
        result=result,
        waiting_for=waiting,
    )


def _report(
    item: Item,
    spec: ReportSpec,
    own: Obligation,
    cal: WorkCalendar,
    options: Options,
    explain: bool,
    issued: date | None = None,
) -> Obligation:
    """Counted from ``own``'s deadline: it waits for whatever that deadline waits for.
    ``issued`` is given when that deadline is before the plan's issue date: the report is
    counted as written, and says where its deadline comes from."""
    assert own.day is not None
    oid = report_id(item.id, spec.id)
    result, used = _resolve(oid, spec.rule, own.day, cal, options, explain)
    if own.waiting_for:
        years = tuple(sorted({*own.waiting_for, *result.provisional_years}))
        result = replace(result, provisional_years=years)
    if issued is not None:
        note = f"所依期限 {own.day.isoformat()} 早于计划印发日 {issued.isoformat()}（照原文保留）"
        result = replace(result, warnings=(note, *result.warnings))
    return _obligation(
        item,
        "report",
        result,
        used,
        oid=oid,
        title=f"{spec.title}：{item.title}",
        rule=spec.rule.text,
        occurrence=spec.id,
        done=item.reported.get(spec.id),
    )


# -- obligation ids: ITEM, ITEM@OCCURRENCE, ITEM/REPORT ----------------------------------


def occurrence_id(item_id: str, key: str) -> str:
    """``1.3@2016-06`` (a period), ``4.1a@2016-09-30`` (an event)."""
    return f"{item_id}@{key}"


def report_id(item_id: str, spec_id: str) -> str:
    """``1.1a/report``: the report derived from an item's deadline."""
    return f"{item_id}/{spec_id}"


def item_id_of(obligation_id: str) -> str:
    """The item an obligation id belongs to (item ids contain neither / nor @)."""
    return obligation_id.split("/")[0].split("@")[0]


def occurrence_key(period: str, start: date) -> str:
    """The name of the period starting ``start``: 2016-06, 2016-Q2, 2016."""
    if period == "month":
        return f"{start.year}-{start.month:02d}"  # as %Y-%m, at a quarter of strftime's cost
    if period == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def _occurrences(
    plan: Plan, item: Item, cal: WorkCalendar, options: Options, explain: bool
) -> Iterator[Obligation]:
    period = item.rule.period
    assert period is not None
    day = item.anchor or plan.issued
    while day.year <= plan.year:
        result, used = _resolve(item.id, item.rule, day, cal, options, explain)
        start = result.period_start
        assert start is not None and result.deadline is not None
        if start.year > plan.year:
            return
        yield _occurrence(item, "recurring", occurrence_key(period, start), result, used)
        day = period_bounds(period, start)[1] + timedelta(days=1)


def _occurrence(item: Item, kind: Kind, key: str, result: Result, used: WorkCalendar) -> Obligation:
    """One period's or one event's obligation of a recurring or event-triggered item."""
    return _obligation(
        item,
        kind,
        result,
        used,
        oid=occurrence_id(item.id, key),
        occurrence=key,
        done=item.done_occurrences.get(key),
    )


def _events(
    plan: Plan, item: Item, cal: WorkCalendar, options: Options, explain: bool
) -> Iterator[Obligation]:
    assert item.event is not None
    whens = sorted(plan.events.get(item.event, ()), key=_sort_key)
    if not whens:
        yield _obligation(item, "event", None, None)
        return
    for when in whens:
        key = event_key(when)
        oid = occurrence_id(item.id, key)
        result, used = _resolve(oid, item.rule, moment_of(when), cal, options, explain)
        yield _occurrence(item, "event", key, result, used)


def _sort_key(when: Occurrence) -> tuple[datetime, str]:
    """In order of time; labelled occurrences of one moment by label."""
    moment = moment_of(when)
    label = when.label if isinstance(when, Labelled) else ""
    if isinstance(moment, datetime):
        return moment, label
    return datetime(moment.year, moment.month, moment.day), label
