"""The reply date of a request for government information, from its history.

Pure: a history of events and a WorkCalendar in, the reply date, the steps that gave it
(each citing its article) and the day-by-day count out. No I/O, no clock. Every count
is one of the engine's working-day offsets (WorkCalendar.add_workdays and
count_workdays); nothing here walks over days.

The conventions are docs/counting-rules.md §10:

- the period is 20 working days after the day of receipt, that day not counted
  (2019 条例 第三十三条第二款); 15 for a request received before 2019-05-15 (2007 条例
  第二十四条);
- 补正 (第三十条): the count starts afresh from the day the corrected request is received;
- a consultation (第三十二条, 第三十三条第三款): the working days after the letter is sent,
  up to and including the day the answer is received, are not counted; a third party's
  time ends 15 working days after the letter (counted from the day it was sent);
- an extension (第三十三条第二款) adds 20 working days (15 under the 2007 条例) to the
  reply date it extends.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from ..calendar.workdays import WorkCalendar
from ..errors import CoverageError, InputError

KINDS = ("received", "pause", "resume", "extend", "reply", "abandon")
PAUSE_REASONS = ("补正", "第三方", "其他机关")
CORRECTION, THIRD_PARTY, OTHER_AGENCY = PAUSE_REASONS

# The revised 条例 (国务院令第711号) applies to requests received from this day on.
REVISED_FROM = date(2019, 5, 15)
THIRD_PARTY_DAYS = 15  # 第三十二条: the third party answers within 15 working days
CORRECTION_ASK_DAYS = 7  # 第三十条: the office asks for 补正 within 7 working days

# States (JSON "state"), and their labels in output.
OPEN, PAUSED, REPLIED, ABANDONED = "open", "paused", "replied", "abandoned"
STATE_LABELS = {OPEN: "办理中", PAUSED: "暂停", REPLIED: "已答复", ABANDONED: "视为放弃"}


class HistoryError(InputError):
    """An event or request the register cannot take. ``fix`` names what would help
    (cli.hints words it with command names): pause, resume, correction, list, id, create."""

    def __init__(self, message: str, fix: str | None = None, *, where: str | None = None) -> None:
        super().__init__(message, where=where)
        self.fix = fix


class Event(NamedTuple):
    """One thing that happened to a request. ``detail`` is the pause's reason (补正,
    第三方, 其他机关) or the reply's result; ``note`` the channel of receipt."""

    kind: str
    day: date
    detail: str | None = None


class Rules(NamedTuple):
    regulation: str  # 2019 年条例 / 2007 年条例
    period: int
    extension: int
    period_article: str
    extension_article: str


RULES_2019 = Rules("2019 年条例", 20, 20, "第三十三条第二款", "第三十三条第二款")
RULES_2007 = Rules("2007 年条例", 15, 15, "2007 年条例第二十四条", "2007 年条例第二十四条")


class Request(NamedTuple):
    id: str
    applicant: str
    channel: str
    subject: str
    events: tuple[Event, ...]

    @property
    def received(self) -> date:
        return self.events[0].day


def rules_for(received: date) -> Rules:
    return RULES_2019 if received >= REVISED_FROM else RULES_2007


class Step(NamedTuple):
    """One step of the reckoning: what happened on ``day`` and what it did to the date."""

    day: date
    text: str
    article: str


class Span(NamedTuple):
    """Working days in (start, end]: counted from ``first`` on, or not counted (``first``
    None) for ``why``."""

    start: date
    end: date
    first: int | None
    why: str
    article: str


class Reckoning(NamedTuple):
    rules: Rules
    received: date
    due: date | None  # None while a 补正 or another agency's answer is awaited
    state: str
    steps: tuple[Step, ...]
    spans: tuple[Span, ...]
    warnings: tuple[str, ...]
    extended: bool
    finished: date | None  # the reply or abandonment
    result: str | None
    pause_reason: str | None  # of the pause still open
    remaining: int | None  # working days left when the clock stopped (an open pause)
    late: int | None  # working days the reply came after the reply date


def reckon(events: Sequence[Event], cal: WorkCalendar) -> Reckoning:
    """The reply date that ``events`` (a valid history, in order, starting with its
    receipt) give under the counting rules."""
    received = events[0].day
    rules = rules_for(received)
    steps = [
        Step(received, "收到申请（当日不计）", "第三十一条"),
    ]
    spans: list[Span] = []
    warnings: list[str] = []
    start, first = received, 1  # the count runs over working days after ``start``
    due = cal.add_workdays(received, rules.period)
    text = f"答复期限为收到之日后第 {rules.period} 个工作日：{due.isoformat()}（{rules.regulation}）"
    steps.append(Step(received, text, rules.period_article))
    extended = False
    pause: Event | None = None
    ignored = False  # the open pause began after the reply date: it moves nothing
    finished: date | None = None
    result: str | None = None
    state = OPEN
    late: int | None = None
    for event in events[1:]:
        if event.kind == "pause":
            pause = event
            if event.detail == CORRECTION:
                asked = cal.count_workdays(start, event.day)
                spans.append(Span(start, min(event.day, due), first, "补正前，补正后重新计算", "第三十条"))
                steps.append(Step(event.day, "告知补正：期限停止，待收到补正后的申请", "第三十条"))
                if asked > CORRECTION_ASK_DAYS:
                    warnings.append(
                        f"{event.day.isoformat()} 告知补正，已是收到申请后第 {asked} 个工作日，"
                        f"超过第三十条的 {CORRECTION_ASK_DAYS} 个工作日"
                    )
            elif event.day > due:
                warnings.append(
                    f"{event.day.isoformat()} 征求意见时已过答复期限 {due.isoformat()}，期限不因此顺延"
                )
                steps.append(Step(event.day, "征求意见（晚于答复期限，不计入顺延）", _consult_article(event)))
                ignored = True
            else:
                spans.append(Span(start, event.day, first, "已计", rules.period_article))
                first += cal.count_workdays(start, event.day)
                steps.append(
                    Step(event.day, f"征求{event.detail}意见：其后的工作日不计", _consult_article(event))
                )
        elif event.kind == "resume":
            assert pause is not None
            if ignored:
                steps.append(Step(event.day, f"收到{pause.detail}意见", _consult_article(pause)))
            else:
                due, start, first = _resume(
                    pause, event.day, due, start, first, extended, rules, cal, spans, steps
                )
            pause, ignored = None, False
        elif event.kind == "extend":
            if pause is None and event.day > due:
                warnings.append(f"{event.day.isoformat()} 延长答复期限时已过期限 {due.isoformat()}")
            extended = True
            if pause is not None and pause.detail == CORRECTION:
                text = f"延长答复期限 {rules.extension} 个工作日（收到补正后的申请时一并计算）"
            else:
                due = cal.add_workdays(due, rules.extension)
                text = f"延长答复期限 {rules.extension} 个工作日：至 {due.isoformat()}"
            steps.append(Step(event.day, text, rules.extension_article))
        elif event.kind in ("reply", "abandon"):
            finished, result = event.day, event.detail
            state = REPLIED if event.kind == "reply" else ABANDONED
            if event.kind == "reply":
                steps.append(Step(event.day, f"答复：{event.detail}", "第三十六条"))
            else:
                steps.append(Step(event.day, "申请人逾期未补正，视为放弃申请", "第三十条"))
            break
    remaining: int | None = None
    pause_reason: str | None = None
    reply_date: date | None = due
    if pause is not None and not ignored:
        end: date | None = finished  # a reply during a consultation ends it
        if pause.detail == THIRD_PARTY and rules is RULES_2019:
            limit = cal.add_workdays(pause.day, THIRD_PARTY_DAYS)
            if end is None or limit < end:
                end = limit
                warnings.append(
                    f"第三方意见尚未记录：按第三十二条，征求意见的时间至 {limit.isoformat()}"
                    f"（发函后第 {THIRD_PARTY_DAYS} 个工作日）止"
                )
        if pause.detail != CORRECTION and end is not None:
            answered = end == finished
            due, start, first = _resume(
                pause, end, due, start, first, extended, rules, cal, spans, steps, answered
            )
            reply_date = due
        else:  # the clock stays stopped: no reply date until the answer or correction comes
            reply_date = None
            if state == OPEN:
                state, pause_reason = PAUSED, pause.detail
                if pause.detail == CORRECTION:
                    remaining = rules.period + (rules.extension if extended else 0)
                else:
                    remaining = cal.count_workdays(pause.day, due)
    if reply_date is not None:
        due = reply_date
        spans.append(Span(start, due, first, "已计", rules.period_article))
        if state == REPLIED and finished is not None and finished > due:
            late = cal.count_workdays(due, finished)
            warnings.append(f"答复晚于期限 {due.isoformat()}：迟了 {late} 个工作日")
    return Reckoning(
        rules,
        received,
        reply_date,
        state,
        tuple(steps),
        tuple(spans),
        tuple(warnings),
        extended,
        finished,
        result,
        pause_reason,
        remaining,
        late,
    )


def _consult_article(event: Event) -> str:
    return "第三十二条" if event.detail == THIRD_PARTY else "第三十三条第三款"


def _resume(
    pause: Event,
    day: date,
    due: date,
    start: date,
    first: int,
    extended: bool,
    rules: Rules,
    cal: WorkCalendar,
    spans: list[Span],
    steps: list[Step],
    answered: bool = True,
) -> tuple[date, date, int]:
    """The reply date, count start and next day number once the pause ends on ``day``."""
    if pause.detail == CORRECTION:
        spans.append(Span(pause.day, day, None, "补正期间", "第三十条"))
        new_due = cal.add_workdays(day, rules.period)
        text = f"收到补正后的申请：重新计算，第 {rules.period} 个工作日为 {new_due.isoformat()}"
        steps.append(Step(day, text, "第三十条"))
        if extended:
            new_due = cal.add_workdays(new_due, rules.extension)
            steps.append(Step(day, f"加上已批准的延长：至 {new_due.isoformat()}", rules.extension_article))
        return new_due, day, 1
    article = _consult_article(pause)
    stopped = cal.count_workdays(pause.day, day)
    spans.append(Span(pause.day, day, None, f"征求{pause.detail}意见", article))
    remaining = cal.count_workdays(pause.day, due)
    new_due = cal.add_workdays(day, remaining) if remaining > 0 else cal.next_workday(day)
    what = f"收到{pause.detail}意见" if answered else "第三方答复期满"
    text = f"{what}：{stopped} 个工作日不计，期限顺延至 {new_due.isoformat()}"
    steps.append(Step(day, text, article))
    return new_due, day, first


def check(events: Sequence[Event], new: Event) -> None:
    """Refuse an event the history cannot take (InputError): a date before receipt or
    before the last event, anything after the reply, a resume without a pause, a pause
    during a pause, a second extension."""
    received = events[0].day
    last = events[-1]
    if new.day < received:
        raise HistoryError(f"日期 {new.day.isoformat()} 早于收到申请之日 {received.isoformat()}")
    ended = next((e for e in events if e.kind in ("reply", "abandon")), None)
    if ended is not None:
        what = "答复" if ended.kind == "reply" else "视为放弃"
        raise HistoryError(f"该申请已于 {ended.day.isoformat()} {what}，不能再记录")
    if new.day < last.day:
        raise HistoryError(
            f"日期 {new.day.isoformat()} 早于上一条记录的 {last.day.isoformat()}：历史按时间顺序记录"
        )
    pause = _open_pause(events)
    if new.kind == "resume" and pause is None:
        raise HistoryError("没有未结束的暂停，无需恢复", "pause")
    if new.kind == "pause" and pause is not None:
        raise HistoryError(f"已于 {pause.day.isoformat()} 暂停（{pause.detail}），尚未恢复", "resume")
    if new.kind == "abandon" and (pause is None or pause.detail != CORRECTION):
        raise HistoryError("只有告知补正后未收到补正的申请才视为放弃（第三十条）", "correction")
    if new.kind == "extend" and any(e.kind == "extend" for e in events):
        raise HistoryError("答复期限已延长过一次：第三十三条规定延长最长 20 个工作日，只能延长一次")


def _open_pause(events: Sequence[Event]) -> Event | None:
    pause: Event | None = None
    for event in events:
        if event.kind == "pause":
            pause = event
        elif event.kind == "resume":
            pause = None
    return pause


class Reckoned(NamedTuple):
    """A request with its reckoning; ``missing_year`` when the calendar cannot count it
    (the reckoning is then None)."""

    request: Request
    reckoning: Reckoning | None
    missing_year: int | None = None


def reckon_all(requests: Sequence[Request], cal: WorkCalendar) -> list[Reckoned]:
    """Each request reckoned; one the calendar cannot count is kept, with the year."""
    out = []
    for request in requests:
        try:
            out.append(Reckoned(request, reckon(request.events, cal)))
        except CoverageError as e:
            out.append(Reckoned(request, None, e.year))
    return out


def overdue(reckoning: Reckoning, today: date) -> bool:
    """Open, with a reply date before ``today``."""
    return reckoning.state == OPEN and reckoning.due is not None and reckoning.due < today


class Pending(NamedTuple):
    """An open request as the Monday list shows it: working days left (negative: late)."""

    request: Request
    due: date
    workdays_left: int | None


def pending(
    reckoned: Sequence[Reckoned], today: date, start: date, end: date, cal: WorkCalendar
) -> tuple[tuple[Pending, ...], tuple[Pending, ...]]:
    """(due in [start, end], overdue: due before both ``today`` and ``start``), by date."""
    inside: list[Pending] = []
    late: list[Pending] = []
    cutoff = min(today, start)
    for r in reckoned:
        k = r.reckoning
        if k is None or k.state != OPEN or k.due is None:
            continue
        try:
            left: int | None = cal.count_workdays(today, k.due)
        except CoverageError:
            left = None
        if start <= k.due <= end:
            inside.append(Pending(r.request, k.due, left))
        elif k.due < cutoff:
            late.append(Pending(r.request, k.due, left))
    key = lambda p: (p.due, p.request.id)  # noqa: E731
    return tuple(sorted(inside, key=key)), tuple(sorted(late, key=key))
