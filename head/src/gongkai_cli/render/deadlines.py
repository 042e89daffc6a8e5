"""Renderers for the engine's answers (deadline, workdays, day): they only format. Batch
answers are rendered by render.batch."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from ..calendar.workdays import HOLIDAY, MAKEUP_WORKDAY, WEEKDAYS, WORKDAY, DayInfo
from ..phrases.resolve import Result, Step
from ..phrases.rule import Found

if TYPE_CHECKING:
    from rich.console import RenderableType


OPEN_LABEL = "无固定期限"
PROVISIONAL_RESULT_NOTE = "注意：涉及未公布安排的年份，按法定节日临时推算，结果为临时结果（provisional）"


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def when(value: date | datetime | None, *, short: bool = False) -> str:
    """2016-10-10（星期一）, or 2016-07-02 14:30（星期六）, or 无固定期限; ``short``:
    2016-10-10 周一, for a table cell that should not wrap."""
    if value is None:
        return OPEN_LABEL
    day = value.date() if isinstance(value, datetime) else value
    text = value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else value.isoformat()
    if short:
        return f"{text} 周{'一二三四五六日'[day.weekday()]}"
    return f"{text}（{WEEKDAYS[day.weekday()]}）"


FROM_TODAY = "从今天 {} 起算"


class Facts(NamedTuple):
    """What the deadline command knows beside the results: each deadline's day (None for
    an hour deadline or none), and where the anchor came from: "option" (--from),
    "today" (none given: today, as the command resolved it) or "now" (an hour limit)."""

    days: Sequence[DayInfo | None] = ()
    anchor_from: str = "option"


NO_FACTS = Facts()


# -- deadline -------------------------------------------------------------------------


def step_data(step: Step) -> dict[str, Any]:
    info = step.info
    return {
        "date": step.date.isoformat(),
        "weekday": step.weekday,
        "workday": info.workday if info else None,
        "day_kind": info.kind if info else None,
        "name": info.name if info else None,
        "provisional": info.provisional if info else False,
        "count": step.running,
        "note": step.note,
    }


SENSE_LABELS = {
    "deadline": "",
    "earliest": "最早日期（不早于此日，不是期限）",
    "presumed": "期满之日（推定日期，不顺延）",
    "window": "期间（可在此期间内办理）",
    "restriction": "限制期间届满之日（不是期限，不顺延）",
    "condition": "条件中的期间（不是期限）",
    "approximate": "约数（大致日期）",
}
CONDITION_LABEL = "无日期"


def needs_event_words(result: Result) -> str:
    """需要“公告之日”的日期（--event 公告=日期）: what a period from another event needs."""
    event = result.needs_event or ""
    label = event + ("之日" if "之日" in (result.rule.anchor or "") else "")
    return f"需要“{label}”的日期（--event {event}=日期）"


def answer_words(result: Result, *, short: bool = False) -> str:
    """The answer's date (from–to for a window), or what stands for it when there is none."""
    if result.needs_event:
        return needs_event_words(result)
    if result.deadline is None and result.rule.sense == "condition":
        return CONDITION_LABEL
    if result.window_start is not None:
        return f"{when(result.window_start, short=short)} 至 {when(result.deadline, short=short)}"
    return when(result.deadline, short=short)


def result_data(result: Result, explain: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": result.rule.text,
        "anchor": iso(result.anchor),
        "deadline": iso(result.deadline),
        "kind": result.kind,
        "n": result.rule.n,
        "provisional": result.provisional,
        "warnings": list(result.warnings),
        "sense": result.rule.sense,
        "window_start": iso(result.window_start),
        "needs_event": result.needs_event,
    }
    if explain:
        data["steps"] = [step_data(s) for s in result.steps]
        data["basis"] = result.basis
    return data


def period_data(part: Found, result: Result, explain: bool) -> dict[str, Any]:
    """One deadline of a clause: what was read (subject, anchor, period, act) and its answer."""
    rule = result.rule
    return {
        **result_data(result, explain),
        "sense": rule.sense,
        "back": rule.back,
        "extension": rule.extension,
        "words": {
            "subject": part.subject or None,
            "anchor": part.rule.anchor,
            "period": part.period_words,
            "act": part.act or None,
        },
        "law": result.law.citation if result.law else None,
        "counted_from": iso(result.counted_from),
    }


def deadline_data(result: Result, explain: bool) -> dict[str, Any]:
    """One resolved deadline (a plan obligation's explanation)."""
    return {**result_data(result, explain), "sense": result.rule.sense}


def clause_data(
    answers: Sequence[tuple[Found, Result]], explain: bool, facts: Facts = NO_FACTS, *, top: int = 0
) -> dict[str, Any]:
    """The first deadline at the top level (the schema single phrases always had; the
    outer limit when it has alternatives joined by 或者, ``top``), and every deadline of
    the text in ``periods``, in order; with ``facts``, each deadline's day
    (``deadline_day``) and where the anchor came from (``anchor_from``)."""
    days = list(facts.days) or [None] * len(answers)
    data = deadline_data(answers[top][1], explain)
    data["periods"] = [
        {**period_data(part, result, explain), "deadline_day": _day_data(day)}
        for (part, result), day in zip(answers, days, strict=True)
    ]
    data["deadline_day"] = _day_data(days[top])
    data["anchor_from"] = facts.anchor_from
    return data


def _read_as(part: Found | None) -> str | None:
    """读作：主体…｜起算…｜期间…｜行为… when the text was more than the phrase."""
    if part is None or (not part.subject and not part.act):
        return None
    words = [
        ("主体", part.subject),
        ("起算", part.rule.anchor or ""),
        ("期间", part.period_words),
        ("行为", part.act),
    ]
    return "读作：" + "｜".join(f"{label}“{text}”" for label, text in words if text)


def step_label(step: Step) -> str:
    """The day's kind for a trace line; a provisionally computed day says so."""
    if step.info is None:
        return ""
    return step.info.label + ("（临时）" if step.info.provisional else "")


def display_width(text: str) -> int:
    """Columns a string takes in a terminal, as rich counts them: CJK characters take two."""
    from rich.cells import cell_len

    return cell_len(text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _step_line(step: Step) -> str:
    label = step_label(step)
    count = "" if step.running is None else str(step.running)
    return f"  {step.date.isoformat()} {step.weekday}  {pad(label, 18)}{count:>3}  {step.note}"


def day_note(info: DayInfo | None, sense: str = "deadline") -> str:
    """Why the deadline's day may surprise: a weekend day that is a working day (调休上班),
    or a holiday or rest day the deadline was not moved from (counted back, a named date
    read as written); "" for an ordinary working day."""
    if info is None or info.kind == WORKDAY:
        return ""
    if info.kind == MAKEUP_WORKDAY:
        return "调休上班"
    day = f"{info.name}放假" if info.kind == HOLIDAY and info.name else "休息日"
    return day if sense == "presumed" else f"{day}，未顺延"  # presumed: its label says 不顺延


def _when_noted(value: date | datetime | None, info: DayInfo | None, sense: str) -> str:
    """2025-10-11（星期六，调休上班）: ``when`` with the day's note inside its brackets."""
    note = day_note(info, sense)
    text = when(value)
    return f"{text[:-1]}，{note}）" if note and text.endswith("）") else text


def _answer_noted(result: Result, info: DayInfo | None) -> str:
    """The answer's words (answer_words), a single day with its day's note."""
    if result.deadline is None or result.window_start is not None or result.needs_event:
        return answer_words(result)
    return _when_noted(result.deadline, info, result.rule.sense)


def _headline(result: Result, info: DayInfo | None = None) -> str:
    label = "" if result.needs_event else SENSE_LABELS[result.rule.sense]
    return _answer_noted(result, info) + (f"  {label}" if label else "")


def _day_data(info: DayInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {"workday": info.workday, "kind": info.kind, "name": info.name}


def deadline_plain(result: Result, explain: bool) -> str:
    return clause_plain([(None, result)], explain)


def _steps_view(steps: tuple[Step, ...] | list[Step]) -> RenderableType:
    """The day-by-day trace: a table when it fits, else one line (or two) per day."""
    from .layout import Column, Fitted, fit_table, join_fitting, lines_of

    columns = (
        Column("日期", fixed=True),
        Column("星期", fixed=True),
        Column("类别", ratio=1, min_width=8),
        Column("计数", fixed=True, justify="right"),
        Column("说明", ratio=3, min_width=10),
    )
    rows = [
        (s.date.isoformat(), s.weekday, step_label(s), "" if s.running is None else str(s.running), s.note)
        for s in steps
    ]
    styles = ["" if s.info is None or s.info.workday else "dim" for s in steps]

    def blocks(size: int) -> RenderableType:
        return lines_of(
            (join_fitting([f"{date} {weekday}", label, count and f"计数 {count}", note], size), style)
            for (date, weekday, label, count, note), style in zip(rows, styles, strict=True)
        )

    return Fitted(lambda size: fit_table(columns, rows, size, styles=styles), blocks)


def deadline_table(result: Result, explain: bool) -> RenderableType:
    return clause_table([(None, result)], explain)


def _from_today(result: Result, facts: Facts) -> str:
    return FROM_TODAY.format(iso(result.anchor)) if facts.anchor_from == "today" else ""


def clause_plain(
    answers: Sequence[tuple[Found | None, Result]], explain: bool, facts: Facts = NO_FACTS
) -> str:
    several = len(answers) > 1
    days = list(facts.days) or [None] * len(answers)
    lines: list[str] = []
    for number, ((part, result), day) in enumerate(zip(answers, days, strict=True), 1):
        mark = f"{number}. " if several else ""
        indent = "   " if several else ""
        if not explain and result.needs_event:  # 自公告之日起四十五日内：需要“公告之日”的日期
            lines.append(f"{mark}{result.rule.text}：{needs_event_words(result)}")
        elif not explain:
            tail = ""
            if several and part is not None:
                tail = f"  {part.rule.text}" + (f"（{part.act}）" if part.act else "")
            elif today := _from_today(result, facts):
                tail = f"  {today}"
            lines.append(f"{mark}{_headline(result, day)}{tail}")
        else:
            if several and number > 1:
                lines.append("")
            lines.append(f"{mark}期限：{_headline(result, day)}")
            read_as = _read_as(part)
            if read_as:
                lines.append(indent + read_as)
            lines.append(f"{indent}写法：{result.rule.text}（{result.kind}）")
            if not result.needs_event:
                today = "今天 " if facts.anchor_from == "today" else ""
                lines.append(f"{indent}起算：{today}{when(result.anchor)}")
                lines.append(f"{indent}逐日推算：")
                lines.extend(indent + _step_line(s) for s in result.steps)
            lines.append(f"{indent}依据：{result.basis}")
        lines.extend(f"{indent}注意：{w}" for w in result.warnings)
        if result.provisional:
            lines.append(indent + PROVISIONAL_RESULT_NOTE)
    if several and not explain and (today := _from_today(answers[0][1], facts)):
        lines.append(today)
    return "\n".join(lines)


def clause_table(
    answers: Sequence[tuple[Found | None, Result]], explain: bool, facts: Facts = NO_FACTS
) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    from .layout import Para

    parts: list[RenderableType] = []
    several = len(answers) > 1
    days = list(facts.days) or [None] * len(answers)
    for number, ((part, result), day) in enumerate(zip(answers, days, strict=True), 1):
        head = Text()
        head.append(f"{number}. " if several else "")
        head.append("期限：")
        head.append(_answer_noted(result, day), style="bold")
        label = "" if result.needs_event else SENSE_LABELS[result.rule.sense]
        if label:
            head.append(f"  {label}", style="yellow")
        if result.provisional:
            head.append("  [临时]", style="yellow")
        if several and not explain and part is not None:
            head.append(f"  {part.rule.text}")
        parts.append(head)
        if explain:
            read_as = _read_as(part)
            if read_as:
                parts.append(Para(read_as))
            if result.needs_event:
                parts.append(Para(f"写法：{result.rule.text}"))
            else:
                today = "今天 " if facts.anchor_from == "today" else ""
                parts.append(Para(f"写法：{result.rule.text}    起算：{today}{when(result.anchor)}"))
            if result.steps:
                parts.append(_steps_view(result.steps))
            parts.append(Para(f"依据：{result.basis}", style="dim"))
        for warning in result.warnings:
            parts.append(Para(f"注意：{warning}", style="yellow"))
        if result.provisional:
            parts.append(Para(PROVISIONAL_RESULT_NOTE, style="yellow"))
    if not explain and (today := _from_today(answers[0][1], facts)):
        parts.append(Text(today, style="dim"))
    return Group(*parts)


# -- workdays and day ----------------------------------------------------------------------


def workdays_data(
    start: date, end: date, count: int, days: list[DayInfo] | None, provisional: bool = False
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "count": count,
        "provisional": provisional,
    }
    if days is not None:
        data["days"] = [d.date.isoformat() for d in days]
        data["provisional_days"] = [d.date.isoformat() for d in days if d.provisional]
    return data


def _day_label(info: DayInfo) -> str:
    return info.label + ("（临时）" if info.provisional else "")


def workdays_plain(
    start: date, end: date, count: int, days: list[DayInfo] | None, provisional: bool = False
) -> str:
    lines = [str(count)]
    if days is not None:
        lines = [f"{d.date.isoformat()} {d.weekday} {_day_label(d)}" for d in days]
        lines.append(f"共 {count} 个工作日（{start.isoformat()} 之后至 {end.isoformat()}）")
    if provisional:
        lines.append(PROVISIONAL_RESULT_NOTE)
    return "\n".join(lines)


def workdays_table(
    start: date, end: date, count: int, days: list[DayInfo] | None, provisional: bool = False
) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    summary = Text(f"{start.isoformat()} 之后至 {end.isoformat()}（含）：共 {count} 个工作日")
    if provisional:
        summary.append("  [临时]", style="yellow")
    parts: list[RenderableType] = [summary]
    if days is not None:
        table = Table("序号", "日期", "星期", "类别", header_style="bold")
        for i, d in enumerate(days, 1):
            table.add_row(str(i), d.date.isoformat(), d.weekday, _day_label(d))
        parts.insert(0, table)
    if provisional:
        parts.append(Text(PROVISIONAL_RESULT_NOTE, style="yellow"))
    return Group(*parts)


def day_data(info: DayInfo) -> dict[str, Any]:
    return {
        "date": info.date.isoformat(),
        "workday": info.workday,
        "kind": info.kind,
        "name": info.name,
        "provisional": info.provisional,
    }


def day_plain(info: DayInfo) -> str:
    verdict = "工作日" if info.workday else "休息日"
    detail = "" if info.label == verdict else f"，{info.label}"
    line = f"{info.date.isoformat()} {info.weekday}：{verdict}{detail}"
    return line + ("（临时推算）" if info.provisional else "")


def day_table(info: DayInfo) -> RenderableType:
    from rich.text import Text

    return Text(day_plain(info), style="bold green" if info.workday else "bold red")
