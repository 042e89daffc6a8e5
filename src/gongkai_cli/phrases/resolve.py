"""Resolve a Rule against an anchor and a WorkCalendar: the counting rules, one function each.

Pure: the anchor and every option are parameters; nothing reads the clock. Each result
carries its warnings and, when asked, the day-by-day steps that ``--explain`` shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Literal, NamedTuple

from ..calendar.workdays import WEEKDAYS, DayInfo, WorkCalendar
from ..errors import CoverageError, InputError
from .reader import Rule

RestStart = Literal["count", "next"]
Roll = Literal["none", "backward", "forward"]
Before = Literal["inclusive", "exclusive"]

MAX_TRACE = 1000  # days shown step by step; a longer trace is cut with a note

BASIS = {
    "workdays": "《民法典》第二百零一条：开始的当日不计入，自下一日开始计算；第一千二百五十九条："
    "“以内”包括本数；休息日、节假日不计入工作日，调休上班日计入（国务院节假日安排通知）",
    "days": "《民法典》第二百零一条：开始的当日不计入；第二百零三条：期间的最后一日是法定休假日的，"
    "以法定休假日结束的次日为期间的最后一日",
    "months": "《民法典》第二百零二条：按照月、年计算期间的，到期月的对应日为期间的最后一日；"
    "没有对应日的，月末日为期间的最后一日；第二百零三条：最后一日是法定休假日的，顺延至其后第一个工作日",
    "hours": "《民法典》第二百零一条：按照小时计算期间的，自法律规定或者当事人约定的时间开始计算；"
    "不因休息日顺延",
    "date": "工作要点规定的时限，不是法定期间：默认不因休息日移动，也可读作提前到此前最后一个工作日或顺延",
    "recurring": "按月（季、年）进行的工作：每期一次，默认在该期最后一个工作日到期",
    "open": "无固定期限（适时进行、按有关要求执行）：只列出，不计算到期日",
}
BASIS["years"] = BASIS["months"]


class Options(NamedTuple):
    """The non-default readings of the counting rules (docs/counting-rules.md §2 and §5).

    Like Step, a NamedTuple rather than a frozen dataclass: an immutable value either way,
    and a tenth of the cost at every start (the start-up budget is about 10 ms)."""

    rest_start: RestStart = "count"  # "next": an anchor on a rest day counts as the next working day
    roll: Roll = "none"  # named dates on a rest day
    before: Before = "inclusive"  # "exclusive": X月X日前 means the day before


DEFAULTS = Options()  # the statutory readings


class Note(str):
    """A warning, as facts in words, naming no command-line option. ``reading`` says which
    reading of the counting rules the note is about ("roll": a named date left on a rest
    day; "roll=backward", "rest_start=next", "before=exclusive": that reading applied),
    and ``at`` where in the sentence the CLI may say how to choose it (cli/main.py)."""

    reading: str
    at: int

    def __new__(cls, head: str, tail: str, reading: str) -> Note:
        note = super().__new__(cls, head + tail)
        note.reading, note.at = reading, len(head)
        return note


class Step(NamedTuple):
    """One line of an explanation: a day, what kind of day it is, and the running count."""

    date: date
    info: DayInfo | None  # None for days the rule does not look at (hour periods)
    running: int | None  # working days counted so far (not "count": a tuple has that method)
    note: str

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.date.weekday()]


@dataclass(frozen=True)
class Result:
    rule: Rule
    anchor: date | datetime
    deadline: date | datetime | None
    provisional_years: tuple[int, ...] = ()  # years the answer used without a published arrangement
    warnings: tuple[str, ...] = ()
    steps: tuple[Step, ...] = field(default=(), compare=False)
    period_start: date | None = None  # recurring: the month / quarter / year it is for

    @property
    def provisional(self) -> bool:
        """Computed with the statutory holidays for some year (see statutory.py)."""
        return bool(self.provisional_years)

    @property
    def kind(self) -> str:
        return self.rule.kind

    @property
    def basis(self) -> str:
        return BASIS[self.rule.kind]


def resolve(
    rule: Rule,
    anchor: date | datetime,
    cal: WorkCalendar,
    options: Options = DEFAULTS,
    *,
    explain: bool = False,
) -> Result:
    """The deadline of ``rule`` counted from ``anchor``.

    ``anchor`` is a date, or a datetime for hour rules (a date means 00:00). For named
    dates without a year, the anchor's year is the year.
    """
    if rule.kind == "hours":
        return _hours(rule, anchor, explain)
    day = anchor.date() if isinstance(anchor, datetime) else anchor
    if rule.kind == "workdays":
        return _workdays(rule, day, cal, options, explain)
    if rule.kind in ("days", "months", "years"):
        return _calendar_period(rule, day, cal, explain)
    if rule.kind == "date":
        return _named_date(rule, day, cal, options, explain)
    if rule.kind == "recurring":
        return _recurring(rule, day, cal, explain)
    return Result(rule, day, None, steps=(Step(day, None, None, "无固定期限"),) if explain else ())


def _provisional(cal: WorkCalendar, start: date, end: date) -> tuple[int, ...]:
    return cal.provisional_years(start, end)


def _workdays(rule: Rule, anchor: date, cal: WorkCalendar, options: Options, explain: bool) -> Result:
    assert rule.n is not None
    warnings: list[str] = []
    start = anchor
    if options.rest_start == "next" and not cal.is_workday(anchor):
        start = cal.next_workday(anchor)
        warnings.append(
            Note(
                f"起算日 {anchor.isoformat()} 是{cal.day_info(anchor).label}，",
                f"视为 {start.isoformat()} 起算",
                "rest_start=next",
            )
        )
    deadline = cal.add_workdays(start, rule.n)
    steps: tuple[Step, ...] = ()
    if explain:
        steps = _trace_workdays(anchor, start, deadline, cal)
    return Result(rule, anchor, deadline, _provisional(cal, anchor, deadline), tuple(warnings), steps)


def _trace_workdays(anchor: date, start: date, deadline: date, cal: WorkCalendar) -> tuple[Step, ...]:
    steps = [Step(anchor, cal.day_info(anchor), 0, "起算日，不计入")]
    count = 0
    day = anchor
    while day < deadline and len(steps) < MAX_TRACE:
        day += timedelta(days=1)
        info = cal.day_info(day)
        if day <= start:
            steps.append(Step(day, info, 0, "视为起算日，不计入"))
            continue
        if info.workday:
            count += 1
            note = f"第 {count} 个工作日" + ("，期限届满" if day == deadline else "")
        else:
            note = "休息日，不计"
        steps.append(Step(day, info, count, note))
    if day < deadline:
        steps.append(Step(deadline, cal.day_info(deadline), None, "（中间略去）期限届满"))
    return tuple(steps)


def _calendar_period(rule: Rule, anchor: date, cal: WorkCalendar, explain: bool) -> Result:
    from dateutil.relativedelta import relativedelta

    assert rule.n is not None
    try:
        if rule.kind == "days":
            end = anchor + timedelta(days=rule.n)
        elif rule.kind == "months":
            end = anchor + relativedelta(months=rule.n)  # month end when no such day
        else:
            end = anchor + relativedelta(years=rule.n)
    except (OverflowError, ValueError):
        raise _past_year_9999(rule) from None
    deadline = cal.next_workday(end)
    warnings: list[str] = []
    steps: list[Step] = []
    if explain:
        steps.append(Step(anchor, cal.day_info(anchor), None, "起算日，不计入"))
        steps.append(Step(end, cal.day_info(end), None, f"期间最后一日（{_period_words(rule)}）"))
    if deadline != end:
        info = cal.day_info(end)
        warnings.append(
            f"期间最后一日 {end.isoformat()} 是{info.label}，依《民法典》第二百零三条顺延至 "
            f"{deadline.isoformat()}（{WEEKDAYS[deadline.weekday()]}）"
        )
        if explain:
            for day in _days_after(end, deadline):
                info = cal.day_info(day)
                note = "顺延后的期限届满日" if day == deadline else "休息日，顺延"
                steps.append(Step(day, info, None, note))
    return Result(rule, anchor, deadline, _provisional(cal, anchor, deadline), tuple(warnings), tuple(steps))


def _past_year_9999(rule: Rule) -> CoverageError:
    """A count that runs past any calendar: exit 4, like every date outside the known years."""
    return CoverageError(date.max.year + 1, f"期限“{rule.text}”的到期日在公元 9999 年之后，无法计算")


def _period_words(rule: Rule) -> str:
    unit = {"days": "日", "months": "个月", "years": "年"}[rule.kind]
    return f"起算日后第 {rule.n} {unit}"


def _days_after(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]


def _hours(rule: Rule, anchor: date | datetime, explain: bool) -> Result:
    assert rule.n is not None
    warnings: list[str] = []
    if not isinstance(anchor, datetime):
        anchor = datetime(anchor.year, anchor.month, anchor.day)
        warnings.append("起算时刻未给出时分，按当日 00:00 起算")
    try:
        deadline = anchor + timedelta(hours=rule.n)
    except OverflowError:
        raise _past_year_9999(rule) from None
    steps: tuple[Step, ...] = ()
    if explain:
        steps = (
            Step(anchor.date(), None, None, f"事件发生时刻 {anchor:%H:%M}，自此起算"),
            Step(deadline.date(), None, None, f"{rule.n} 小时后 {deadline:%H:%M} 届满，不因休息日顺延"),
        )
    return Result(rule, anchor, deadline, (), tuple(warnings), steps)


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def target_date(rule: Rule, year: int) -> date:
    """The date a "date" rule names, in ``year`` unless the phrase says its own year."""
    y = rule.year or year
    if rule.target == "day":
        assert rule.month is not None and rule.day is not None
        try:
            return date(y, rule.month, rule.day)
        except ValueError:
            raise InputError(f"期限“{rule.text}”在 {y} 年不存在（{rule.month}月{rule.day}日）") from None
    if rule.target == "month_end":
        assert rule.month is not None
        return month_end(y, rule.month)
    if rule.target == "half_end":
        return date(y, 6, 30)
    if rule.target == "quarter_end":
        assert rule.quarter is not None
        return month_end(y, rule.quarter * 3)
    return date(y, 12, 31)


def _named_date(rule: Rule, anchor: date, cal: WorkCalendar, options: Options, explain: bool) -> Result:
    named = target_date(rule, anchor.year)
    warnings: list[str] = []
    steps: list[Step] = []
    deadline = named
    if rule.before and rule.target == "day" and options.before == "exclusive":
        deadline = named - timedelta(days=1)
        warnings.append(Note("", f"“前”不含当日：期限为 {deadline.isoformat()}", "before=exclusive"))
    info = cal.day_info(deadline)
    if explain:
        steps.append(Step(deadline, info, None, "工作要点规定的日期"))
    if not info.workday:
        if options.roll == "none":
            warnings.append(
                Note(f"{deadline.isoformat()} 是{info.weekday}（{info.label}），期限不顺延", "", "roll")
            )
        else:
            moved = (
                cal.previous_workday(deadline) if options.roll == "backward" else cal.next_workday(deadline)
            )
            how = "提前" if options.roll == "backward" else "顺延"
            warnings.append(
                Note(
                    f"{deadline.isoformat()} 是{info.weekday}（{info.label}），",
                    f"{how}至 {moved.isoformat()}（{WEEKDAYS[moved.weekday()]}）",
                    f"roll={options.roll}",
                )
            )
            if explain:
                steps.append(Step(moved, cal.day_info(moved), None, f"{how}后的期限"))
            deadline = moved
    if deadline < anchor:
        warnings.append(f"期限 {deadline.isoformat()} 早于起算日 {anchor.isoformat()}")
    return Result(rule, anchor, deadline, _provisional(cal, named, deadline), tuple(warnings), tuple(steps))


def period_bounds(period: str, day: date) -> tuple[date, date]:
    """The month, quarter or year containing ``day``: its first and last dates."""
    if period == "month":
        first, last = day.replace(day=1), month_end(day.year, day.month)
    elif period == "quarter":
        month = (day.month - 1) // 3 * 3 + 1
        first = date(day.year, month, 1)
        last = month_end(day.year, month + 2)
    else:
        first, last = date(day.year, 1, 1), date(day.year, 12, 31)
    return first, last


def occurrence_due(cal: WorkCalendar, period: str, day: date) -> tuple[date, date]:
    """(period start, due date) of the occurrence for the period containing ``day``:
    the last working day of that month, quarter or year."""
    first, last = period_bounds(period, day)
    return first, cal.previous_workday(last)


def _recurring(rule: Rule, anchor: date, cal: WorkCalendar, explain: bool) -> Result:
    assert rule.period is not None
    first, due = occurrence_due(cal, rule.period, anchor)
    if due < anchor:  # this period's occurrence is past: the next period's
        _, last = period_bounds(rule.period, anchor)
        first, due = occurrence_due(cal, rule.period, last + timedelta(days=1))
    steps: tuple[Step, ...] = ()
    if explain:
        steps = (Step(due, cal.day_info(due), None, "本期最后一个工作日"),)
    return replace(Result(rule, anchor, due, _provisional(cal, due, due), (), steps), period_start=first)
