"""Resolve a Rule against an anchor and a WorkCalendar: the counting rules, one function each.

Pure: the anchor and every option are parameters; nothing reads the clock. Each result
carries its warnings and, when asked, the day-by-day steps that ``--explain`` shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal, NamedTuple

from ..calendar.workdays import WEEKDAYS, DayInfo, WorkCalendar
from ..errors import CoverageError, InputError
from .rule import Rule
from .vocabulary import MEASURE_SPANS

if TYPE_CHECKING:
    from .statutes import WorkdayRule

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
    "same_day": "当场、即时、当日：起算当日即须完成",
    "recurring": "按月（季、年）进行的工作：每期一次，默认在该期最后一个工作日到期",
    "open": "无固定期限（适时进行、按有关要求执行）：只列出，不计算到期日",
}
BASIS["years"] = BASIS["months"]
BACK_BASIS = (
    "倒数期间（如“开庭三日前”）：以其后的事件之日为准，事件当日不计入，向前数满期间；"
    "所得日期不因休息日移动，落在休息日时提示（也可读作提前到此前最后一个工作日）"
)
EARLIEST_BASIS = (
    "最短期间（不少于、不得少于）：所得日期是最早可以进行的日期（不早于此日），不是期限；不因休息日顺延"
)
PRESUMED_BASIS = (
    "满N日（如《专利法实施细则》第四条“自发出之日起满15日，推定为当事人收到文件之日”）："
    "期间届满之日，不因休息日顺延"
)
EXTENSION_BASIS = "延长期限：自原期限届满之日起算，计算方法与原期限相同（如《政府信息公开条例》第三十三条）"


class Options(NamedTuple):
    """The non-default readings of the counting rules (docs/counting-rules.md §2 and §5).

    Like Step, a NamedTuple rather than a frozen dataclass: an immutable value either way,
    and a tenth of the cost at every start (the start-up budget is about 10 ms)."""

    rest_start: RestStart = "count"  # "next": an anchor on a rest day counts as the next working day
    roll: Roll = "none"  # named dates on a rest day
    before: Before = "inclusive"  # "exclusive": X月X日前 means the day before
    law: WorkdayRule | None = None  # a statute whose 日 are working days (counting-rules §9)


DEFAULTS = Options()  # the statutory readings


class Note(str):
    """A warning, as facts in words, naming no command-line option. ``reading`` says which
    reading of the counting rules the note is about ("roll": a named date left on a rest
    day; "roll=backward", "rest_start=next", "before=exclusive": that reading applied),
    and ``at`` where in the sentence the CLI may say how to choose it (cli/hints.py)."""

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
    law: WorkdayRule | None = None  # the statute that made 日 working days, when one did
    counted_from: date | None = None  # the day counting started when not the anchor (季度结束后)
    window_start: date | None = None  # sense "window": the first day of the span (期满前30日内)
    needs_event: str | None = None  # no date: the words of the event the user must date (公告)

    @property
    def provisional(self) -> bool:
        """Computed with the statutory holidays for some year (see statutory.py)."""
        return bool(self.provisional_years)

    @property
    def kind(self) -> str:
        return self.rule.kind

    @property
    def sense(self) -> str:
        return self.rule.sense

    @property
    def basis(self) -> str:
        parts = [BASIS[self.rule.kind]]
        if self.law is not None:
            parts.insert(0, f"{self.law.citation}：{self.law.text.rstrip('。')}")
        if self.rule.back:
            parts.append(BACK_BASIS)
        if self.rule.sense == "earliest":
            parts.append(EARLIEST_BASIS)
        elif self.rule.sense == "presumed":
            parts.append(PRESUMED_BASIS)
        if self.rule.extension:
            parts.append(EXTENSION_BASIS)
        return "；".join(parts)


def under_law(rule: Rule, law: WorkdayRule | None) -> bool:
    """Whether ``law`` makes this rule's 日 working days: N日 (not weeks, not 半个月) it covers."""
    return (
        law is not None
        and law.workdays
        and rule.kind == "days"
        and rule.unit is None
        and law.covers(rule.n or 0)
    )


def cited_law(rule: Rule, law: WorkdayRule | None) -> bool:
    """Whether ``law`` is an article confirming the calendar reading of this period (民事诉讼法
    第八十五条 …): counted as section 3 counts it, with the article cited."""
    if law is None or law.workdays or rule.kind not in ("days", "months", "years"):
        return False
    if rule.kind == "days" and rule.unit is None:
        return law.covers(rule.n or 0)
    return not law.days and law.up_to is None


def _exception(law: WorkdayRule) -> str:
    return f"（该条又规定：{law.exception}）" if law.exception else ""


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
    day = anchor.date() if isinstance(anchor, datetime) else anchor
    if rule.sense == "condition":
        shown = (Step(day, None, None, "条件中的期间，不计算日期"),) if explain else ()
        return Result(rule, day, None, warnings=(CONDITION_NOTE,), steps=shown)
    if rule.kind == "hours":
        return _hours(rule, anchor, explain)
    if under_law(rule, options.law):
        counted = replace(rule, kind="workdays")
        result = resolve(counted, day, cal, options._replace(law=None), explain=explain)
        law = options.law
        assert law is not None
        note = f"依{law.citation}，“{rule.n}日”按工作日计算{_exception(law)}"
        return replace(result, rule=counted, law=law, warnings=(note, *result.warnings))
    if cited_law(rule, options.law):
        law = options.law
        assert law is not None
        result = resolve(rule, anchor, cal, options._replace(law=None), explain=explain)
        note = f"依{law.citation}，按日历日计算{_exception(law)}"
        return replace(result, law=law, warnings=(note, *result.warnings))
    if rule.sense == "window" and not rule.back:  # 10日内没有提出异议的: the objection window
        result = resolve(replace(rule, sense="deadline"), anchor, cal, options, explain=explain)
        opens = day + timedelta(days=1)
        last = _day(result.deadline) if result.deadline is not None else day
        note = (
            f"异议期：自 {opens.isoformat()} 至 {last.isoformat()}（{WEEKDAYS[last.weekday()]}）；"
            "期间内没有提出异议的，期满后方可办理"
        )
        return replace(result, rule=rule, window_start=opens, warnings=(note, *result.warnings))
    if rule.base is not None:
        start = period_bounds(rule.base, day)[1]
        if rule.quarter is not None:  # 一季度后8日: from the end of that quarter of the year
            start = month_end(day.year, rule.quarter * 3)
        result = resolve(replace(rule, base=None), start, cal, options, explain=explain)
        steps = result.steps
        if explain:
            words = _BASE_WORDS[rule.base]
            steps = (Step(day, cal.day_info(day), None, f"起算日所在{words}"), *steps)
            first = steps[1]
            steps = (steps[0], first._replace(note=f"{words}最后一日，自此起算，不计入"), *steps[2:])
        words = _BASE_WORDS[rule.base]
        note = f"自起算日所在{words}的最后一日 {start.isoformat()} 起算"
        if rule.quarter is not None:
            note = f"自第{rule.quarter}季度的最后一日 {start.isoformat()} 起算"
            if result.deadline is not None and _day(result.deadline) < day:
                note += f"；所得日期早于起算日 {day.isoformat()}"
        warnings = (note, *result.warnings)
        return replace(result, rule=rule, anchor=day, counted_from=start, steps=steps, warnings=warnings)
    if rule.kind == "same_day":
        info = cal.day_info(day)
        steps = (Step(day, info, None, "当日即须完成"),) if explain else ()
        return Result(rule, day, day, _provisional(cal, day, day), (), steps)
    if rule.back:
        return _counted_back(rule, day, cal, options, explain)
    if rule.kind == "workdays":
        return _workdays(rule, day, cal, options, explain)
    if rule.kind in ("days", "months", "years"):
        return _calendar_period(rule, day, cal, explain)
    if rule.kind == "date":
        return _named_date(rule, day, cal, options, explain)
    if rule.kind == "recurring":
        return _recurring(rule, day, cal, explain)
    return Result(rule, day, None, steps=(Step(day, None, None, "无固定期限"),) if explain else ())


_BASE_WORDS = {"week": "周（星期一至星期日）", "month": "月", "quarter": "季度", "year": "年度"}
CONDITION_NOTE = "条件中的期间（如“六个月内两次发生…的”）：描述适用的情形，不是期限，不计算日期"


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _provisional(cal: WorkCalendar, start: date, end: date) -> tuple[int, ...]:
    if start.year == end.year:  # the common case, once per batch line: no range, no tuple built
        return (start.year,) if cal.is_provisional(start.year) else ()
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
    warnings.extend(_sense_warnings(rule, deadline))
    steps: tuple[Step, ...] = ()
    if explain:
        steps = _trace_workdays(anchor, start, deadline, cal)
    return Result(rule, anchor, deadline, _provisional(cal, anchor, deadline), tuple(warnings), steps)


def _sense_warnings(rule: Rule, day: date) -> list[str]:
    """What the day means when it is not a deadline; extensions say where they count from."""
    out: list[str] = []
    if rule.sense == "earliest":
        out.append(
            f"“{rule.qualifier}”是最短期间：{day.isoformat()} 是最早可以进行的日期（不早于此日），不是期限"
        )
    elif rule.sense == "presumed":
        out.append(f"“满”期间届满之日 {day.isoformat()}（如推定送达之日），不因休息日顺延")
    elif rule.sense == "restriction":
        span = (rule.qualifier or "").removesuffix("为")
        what = span if span.endswith(("期", "期限")) else "限制期间（期间内不得…）"
        if span in MEASURE_SPANS:
            what = f"{span}（措施持续的期间）"
        out.append(f"{what}至 {day.isoformat()} 届满：不是办事的期限，不因休息日顺延")
    elif rule.sense == "approximate":
        out.append(f"“{rule.qualifier}”是约数：{day.isoformat()} 只是大致的日期")
    if rule.extension:
        out.append("延长期限自原期限届满之日起算：起算日应为原期限的届满日")
    if rule.qualifier in ("延长至", "延长到"):
        out.append(f"“{rule.qualifier}{rule.n}…”是同一期间延长后的总长：自原起算日起算，不是在原期限后再加")
    return out


def _counted_back(rule: Rule, anchor: date, cal: WorkCalendar, options: Options, explain: bool) -> Result:
    """开庭三日前 / 3个工作日前: N days (or working days) before the later event, which is
    not counted. Not moved by default; a rest day is warned about, and the roll reading moves it."""
    assert rule.n is not None
    try:
        if rule.kind == "workdays":
            day = cal.add_workdays(anchor, -rule.n)
        elif rule.kind == "days":
            day = anchor - timedelta(days=rule.n)
        else:
            from dateutil.relativedelta import relativedelta

            day = anchor - relativedelta(months=rule.n if rule.kind == "months" else 12 * rule.n)
    except (OverflowError, ValueError):
        raise _past_year_9999(rule) from None
    steps: list[Step] = []
    if explain:
        steps.append(Step(anchor, cal.day_info(anchor), None, "其后的事件之日，不计入"))
        unit = {"workdays": "个工作日", "days": "日", "months": "个月", "years": "年"}[rule.kind]
        steps.append(Step(day, cal.day_info(day), None, f"向前数第 {rule.n} {unit}：最迟在此日"))
    if rule.sense == "window":  # 期满前30日内: from that day until the day before the event
        last = anchor - timedelta(days=1)
        unit = {"workdays": "个工作日", "days": "日", "months": "个月", "years": "年"}[rule.kind]
        note = (
            f"期间：自 {day.isoformat()}（{WEEKDAYS[day.weekday()]}）至 {last.isoformat()}"
            f"（{WEEKDAYS[last.weekday()]}），即其后事件之日 {anchor.isoformat()} 前的 {rule.n} {unit}内"
        )
        result = Result(rule, anchor, last, _provisional(cal, day, anchor), (note,), tuple(steps))
        return replace(result, window_start=day)
    deadline, warnings = _fixed_day(day, cal, options, steps, explain, "倒数所得日期")
    if rule.qualifier and rule.qualifier.endswith(("时前", "点前")):  # 前1天15时前
        warnings.insert(0, f"最迟在 {day.isoformat()} {rule.qualifier}")
    return Result(rule, anchor, deadline, _provisional(cal, deadline, anchor), tuple(warnings), tuple(steps))


def _fixed_day(
    day: date, cal: WorkCalendar, options: Options, steps: list[Step], explain: bool, what: str
) -> tuple[date, list[str]]:
    """A day that is not extended (a named date, a day counted back): on a rest day, a
    note, or the move the roll reading asks for."""
    warnings: list[str] = []
    info = cal.day_info(day)
    if info.workday:
        return day, warnings
    if options.roll == "none":
        warnings.append(Note(f"{day.isoformat()} 是{info.weekday}（{info.label}），{what}不顺延", "", "roll"))
        return day, warnings
    moved = cal.previous_workday(day) if options.roll == "backward" else cal.next_workday(day)
    how = "提前" if options.roll == "backward" else "顺延"
    warnings.append(
        Note(
            f"{day.isoformat()} 是{info.weekday}（{info.label}），",
            f"{how}至 {moved.isoformat()}（{WEEKDAYS[moved.weekday()]}）",
            f"roll={options.roll}",
        )
    )
    if explain:
        steps.append(Step(moved, cal.day_info(moved), None, f"{how}后的期限"))
    return moved, warnings


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
    extended = rule.sense in ("deadline", "approximate")  # 不少于 / 满 / bans: never extended
    if not extended:
        # A span's end (a restriction, a validity period, 不少于, 满) is never moved: it needs
        # no calendar, so a year without an arrangement (十年内不得…) is no reason to refuse.
        return _span_end(rule, anchor, end, cal, explain)
    deadline = cal.next_workday(end)
    warnings: list[str] = _sense_warnings(rule, end)
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


def _span_end(rule: Rule, anchor: date, end: date, cal: WorkCalendar, explain: bool) -> Result:
    """The end of a span that is not moved for rest days: the calendar only describes the
    days in the explanation, when it knows their years."""

    def info(day: date) -> DayInfo | None:
        return cal.day_info(day) if cal.knows(day.year) else None

    steps: tuple[Step, ...] = ()
    if explain:
        steps = (
            Step(anchor, info(anchor), None, "起算日，不计入"),
            Step(end, info(end), None, f"期间最后一日（{_period_words(rule)}），不因休息日顺延"),
        )
    return Result(rule, anchor, end, (), tuple(_sense_warnings(rule, end)), steps)


def _past_year_9999(rule: Rule) -> CoverageError:
    """A count that runs past any calendar: exit 4, like every date outside the known years."""
    return CoverageError(date.max.year + 1, f"期限“{rule.text}”的到期日在公元 9999 年之后，无法计算")


def _period_words(rule: Rule) -> str:
    unit = {"days": "日", "months": "个月", "years": "年"}[rule.kind]
    written = f"，即 {rule.unit}" if rule.unit else ""
    return f"起算日后第 {rule.n} {unit}{written}"


def _days_after(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range(1, (end - start).days + 1)]


def _hours(rule: Rule, anchor: date | datetime, explain: bool) -> Result:
    assert rule.n is not None
    warnings: list[str] = []
    if not isinstance(anchor, datetime):
        anchor = datetime(anchor.year, anchor.month, anchor.day)
        warnings.append("起算时刻未给出时分，按当日 00:00 起算")
    try:
        deadline = anchor + timedelta(hours=-rule.n if rule.back else rule.n)
    except OverflowError:
        raise _past_year_9999(rule) from None
    steps: tuple[Step, ...] = ()
    if explain and rule.back:  # 计划起飞1小时前: the later event's time, counted back
        steps = (
            Step(anchor.date(), None, None, f"其后的事件时刻 {anchor:%H:%M}"),
            Step(deadline.date(), None, None, f"向前数 {rule.n} 小时：最迟在 {deadline:%H:%M}"),
        )
    elif explain:
        steps = (
            Step(anchor.date(), None, None, f"事件发生时刻 {anchor:%H:%M}，自此起算"),
            Step(deadline.date(), None, None, f"{rule.n} 小时后 {deadline:%H:%M} 届满，不因休息日顺延"),
        )
    warnings.extend(_sense_warnings(rule, deadline.date()))
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


def named_date(rule: Rule, anchor: date) -> date:
    """The date a "date" rule names for this anchor: 次月 / 次年 after the anchor's month
    or year; 每年… the first occurrence on or after the anchor; else in the phrase's own
    year or the anchor's."""
    if rule.relative == "next_month":
        assert rule.target is not None
        year, month = (anchor.year + 1, 1) if anchor.month == 12 else (anchor.year, anchor.month + 1)
        if rule.target == "month_end":
            return month_end(year, month)
        return target_date(replace(rule, year=year, month=month, relative=None), year)
    if rule.relative == "next_year":
        return target_date(replace(rule, year=(rule.year or anchor.year) + 1, relative=None), 0)
    named = target_date(rule, anchor.year)
    if rule.yearly and rule.year is None and named < anchor:
        named = target_date(rule, anchor.year + 1)
    return named


def _named_date(rule: Rule, anchor: date, cal: WorkCalendar, options: Options, explain: bool) -> Result:
    named = named_date(rule, anchor)
    warnings: list[str] = []
    steps: list[Step] = []
    deadline = named
    if rule.before and rule.target == "day" and options.before == "exclusive":
        deadline = named - timedelta(days=1)
        warnings.append(Note("", f"“前”不含当日：期限为 {deadline.isoformat()}", "before=exclusive"))
    info = cal.day_info(deadline)
    if explain:
        what = "每年的日期：起算日当年或其后第一次" if rule.yearly else "工作要点规定的日期"
        if rule.relative:
            what = "起算日次月的日期" if rule.relative == "next_month" else "起算日次年的日期"
        steps.append(Step(deadline, info, None, what))
    deadline, more = _fixed_day(deadline, cal, options, steps, explain, "期限")
    warnings.extend(more)
    if deadline < anchor:
        warnings.append(f"期限 {deadline.isoformat()} 早于起算日 {anchor.isoformat()}")
    return Result(rule, anchor, deadline, _provisional(cal, named, deadline), tuple(warnings), tuple(steps))


def period_bounds(period: str, day: date) -> tuple[date, date]:
    """The month, quarter or year containing ``day``: its first and last dates."""
    if period == "week":  # 自每周终了之日起: a week ends on Sunday
        first = day - timedelta(days=day.weekday())
        last = first + timedelta(days=6)
    elif period == "month":
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
    return Result(rule, anchor, due, _provisional(cal, due, due), (), steps, period_start=first)
