"""The due window: which obligations fall due between two dates, and which are overdue.

Pure: ``today`` is a parameter, never the clock. A window is inclusive at both ends.
Overdue means: not done, deadline before today and before the window (an obligation
inside the window is listed there, even when its day has passed, and never twice).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Literal, NamedTuple

from ..calendar.workdays import WorkCalendar
from ..errors import CoverageError, InputError
from ..phrases.resolve import period_bounds
from .obligations import Obligation

Span = Literal["week", "next-week", "month", "days", "until"]


# The query's records are NamedTuples rather than frozen dataclasses, like resolve's
# Options and Step: immutable values either way, at a tenth of the cost of defining them
# at every start of `gongkai due` (a frozen dataclass takes about 0.3 ms).


class Window(NamedTuple):
    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


class Entry(NamedTuple):
    """An obligation as seen from ``today``: days and working days left (negative when past)."""

    obligation: Obligation
    days_left: int
    workdays_left: int | None  # None when the calendar does not cover the stretch


class DueReport(NamedTuple):
    today: date
    window: Window
    items: tuple[Entry, ...]  # in the window, by deadline, done ones included
    overdue: tuple[Entry, ...]  # not done, before today and before the window
    not_in_force: tuple[tuple[str, date], ...] = ()  # (plan title, issue date) after today
    # next year, when today is in the last quarter and the calendar has no arrangement for it
    unpublished_next_year: int | None = None

    @property
    def open(self) -> tuple[Entry, ...]:
        """The window's obligations not done: what ``到期：N 项`` counts."""
        return tuple(e for e in self.items if e.obligation.done is None)

    @property
    def finished(self) -> tuple[Entry, ...]:
        """The window's obligations already done: listed after the open ones, not counted as due."""
        return tuple(e for e in self.items if e.obligation.done is not None)

    @property
    def listed(self) -> tuple[Entry, ...]:
        """The window as the text formats list it: the open obligations, then the done ones."""
        return self.open + self.finished

    @property
    def pending(self) -> tuple[Entry, ...]:
        """What needs doing: the window's open obligations and the overdue ones."""
        return self.open + self.overdue


def window(span: Span, today: date, *, days: int | None = None, until: date | None = None) -> Window:
    """week: Monday to Sunday of today's week; next-week: the one after; month: today's
    month; days N: N days from today (today included); until DATE: today to DATE."""
    try:
        if span == "week":
            monday = today - timedelta(days=today.weekday())
            return Window(monday, monday + timedelta(days=6))
        if span == "next-week":
            monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
            return Window(monday, monday + timedelta(days=6))
    except OverflowError:  # the week runs past 9999-12-31
        raise CoverageError(9999, f"{today.isoformat()} 所在的时段超出公元 9999 年，无法计算") from None
    if span == "month":
        return Window(*period_bounds("month", today))
    if span == "days":
        if days is None or days < 1:
            raise InputError(f"天数应至少为 1（现为 {days}）")
        try:
            return Window(today, today + timedelta(days=days - 1))
        except OverflowError:
            raise InputError(f"从今天起 {days} 天超出了可表示的日期范围") from None
    assert until is not None
    if until < today:
        raise InputError(f"截止日 {until.isoformat()} 早于今天 {today.isoformat()}")
    return Window(today, until)


def departments(obligations: Iterable[Obligation]) -> list[str]:
    """Every department named, in order of first appearance."""
    return list(dict.fromkeys(d for ob in obligations for d in ob.departments))


def by_department(
    obligations: Sequence[Obligation],
    dept: str | Sequence[str] | None,
    *,
    collective: Sequence[str] = (),
    aliases: Mapping[str, str] | None = None,
) -> list[Obligation]:
    """Those whose lead or responsible departments include one of ``dept``, or a
    ``collective`` name (各部门单位: every department, so each one's own list has it).

    Each name is a department's full name, a declared short name (``aliases``) or a prefix
    that only one department has (条法 → 条法司). An unknown or ambiguous name is an
    error listing the plan's departments, not an empty list that looks like "nothing due".
    """
    if dept is None or not dept:
        return list(obligations)
    wanted = [dept] if isinstance(dept, str) else list(dept)
    known = departments(obligations)
    names = {department_name(name, known, aliases or {}) for name in wanted}
    everyone = set(collective)
    return [ob for ob in obligations if names & set(ob.departments) or everyone & set(ob.departments)]


def department_name(given: str, known: Sequence[str], aliases: Mapping[str, str]) -> str:
    """The full name ``given`` stands for: itself, its alias, or the one name it begins."""
    name = given.strip()
    if name in known:
        return name
    if name in aliases and aliases[name] in known:
        return aliases[name]
    starting = [k for k in known if name and k.startswith(name)]
    if len(starting) == 1:
        return starting[0]
    if starting:
        raise InputError(f"“{name}”可指 {'、'.join(starting)}：请写出部门全称或更长的开头")
    shorts = "；简称：" + "、".join(f"{s}={f}" for s, f in aliases.items()) if aliases else ""
    raise InputError(f"计划中没有部门“{name}”；计划中的部门：{'、'.join(known)}{shorts}")


def in_force(obligations: Iterable[Obligation], issued: date, today: date) -> list[Obligation]:
    """What a plan asks as seen on ``today``: before its issue date, a plan binds no one yet,
    so nothing due before that date is listed (neither due today nor overdue); from the
    issue date on, every obligation (one before the issue date, such as 4月底, stays as
    written, flagged by its warning, and is overdue until marked done)."""
    if today >= issued:
        return list(obligations)
    return [ob for ob in obligations if ob.day is None or ob.day >= issued]


def entry(ob: Obligation, today: date, cal: WorkCalendar) -> Entry:
    day = ob.day
    assert day is not None
    try:
        workdays: int | None = cal.count_workdays(today, day)
    except CoverageError:
        workdays = None
    return Entry(ob, (day - today).days, workdays)


def due(
    obligations: Iterable[Obligation], today: date, win: Window, cal: WorkCalendar, *, overdue: bool = True
) -> DueReport:
    # (day, document order, obligation) for each obligation with a day: the day (a
    # property) found once, and the pair sorted on (two are never equal in order)
    dated = [(day, i, ob) for i, ob in enumerate(obligations) if (day := ob.day) is not None]
    inside = sorted(t for t in dated if t[0] in win)
    late: list[tuple[date, int, Obligation]] = []
    if overdue:
        cutoff = min(today, win.start)
        late = sorted(t for t in dated if t[2].done is None and t[0] < cutoff)
    return DueReport(
        today,
        win,
        tuple(entry(ob, today, cal) for _, _, ob in inside),
        tuple(entry(ob, today, cal) for _, _, ob in late),
        unpublished_next_year=unpublished_next_year(today, cal, (ob for _, _, ob in dated)),
    )


def unpublished_next_year(today: date, cal: WorkCalendar, obligations: Iterable[Obligation]) -> int | None:
    """Next year, when ``today`` is in October to December, ``cal`` has no published
    arrangement for it (the State Council publishes it in November or December) and some
    obligation needs it: one due in that year or later, or waiting for it. A plan that has
    ended (the 2016 plan in 2026) has none, and gets no reminder."""
    following = today.year + 1
    if today.month < 10 or cal.published(following):
        return None
    needed = any(
        (ob.day is not None and ob.day.year >= following) or following in ob.waiting_for for ob in obligations
    )
    return following if needed else None


def plan_end(year: int, obligations: Iterable[Obligation]) -> date:
    """When a plan's time is over: the end of its year, or its last derived deadline if
    that is later (a report due in January of the next year)."""
    last = max((day for ob in obligations if (day := ob.day) is not None), default=date(year, 12, 31))
    return max(date(year, 12, 31), last)


# The last duties (January's summary reports) are still chased for a while after they
# fall due; a month later, what is overdue is history, not this week's news.
PLAN_GRACE = timedelta(days=30)


def plan_over(today: date, end: date) -> bool:
    """Whether a plan that ended on ``end`` is over for ``today``: 30 days after it."""
    return today > end + PLAN_GRACE
