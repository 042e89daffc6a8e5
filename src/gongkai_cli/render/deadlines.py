"""Renderers for the engine's answers (deadline, workdays, day, batch): they only format."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import cache
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from ..calendar.workdays import HOLIDAY, MAKEUP_WORKDAY, WEEKDAYS, WORKDAY, DayInfo
from ..phrases.resolve import Result, Step
from ..phrases.rule import Found
from ..safetext import json_visible, visible
from .spreadsheet import csv_safe

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..phrases.batch import BatchRow

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


# -- batch -----------------------------------------------------------------------------

# The sense (docs/senses.md) is a JSON key; in CSV and plain text a sense other than
# "deadline" is said in words: its warnings in CSV, a label in plain text.
BATCH_RESULT_COLUMNS = ("deadline", "kind", "provisional", "warnings", "error")


def batch_values(row: BatchRow) -> dict[str, Any]:
    result = row.result
    return {
        "deadline": iso(result.deadline) if result else None,
        "kind": result.kind if result else None,
        "provisional": result.provisional if result else None,
        "error": str(row.error) if row.error else None,
    }


def _more_notes(row: BatchRow) -> list[str]:
    """The text's further deadlines, as notes beside the first (CSV and plain)."""
    return [f"另有期限 {r.rule.text}：{_batch_answer(r)}" for r in row.more]


def _batch_answer(result: Result) -> str:
    """The date (or from–to, or what is needed), and the sense when it is not a deadline."""
    label = "" if result.needs_event else SENSE_LABELS[result.rule.sense]
    if result.needs_event:
        words = needs_event_words(result)
    elif result.window_start is not None:
        words = f"{iso(result.window_start)} 至 {iso(result.deadline)}"
    elif result.deadline is not None:
        words = iso(result.deadline) or ""
    else:
        words = CONDITION_LABEL if result.rule.sense == "condition" else OPEN_LABEL
    return words + (f"  {label}" if label else "")


def ledger_values(row: BatchRow) -> list[Any]:
    """The columns a ledger gains (files.ledger.ANSWER_COLUMNS): the deadline as a date,
    its sense in words, the warnings (and further deadlines), the error."""
    result = row.result
    if result is None:
        return [None, None, None, str(row.error)]
    sense = result.rule.sense
    notes = "；".join([*result.warnings, *_more_notes(row)])
    return [
        result.deadline,
        SENSE_LABELS.get(sense) or ("期限" if sense == "deadline" else sense),
        notes or None,
        None,
    ]


def batch_json(row: BatchRow) -> str:
    data: dict[str, Any] = {"line": row.line, "input": row.fields, **batch_values(row)}
    data["n"] = row.result.rule.n if row.result else None
    data["warnings"] = list(row.result.warnings) if row.result else []
    data["sense"] = row.result.rule.sense if row.result else None
    data["window_start"] = iso(row.result.window_start) if row.result else None
    data["needs_event"] = row.result.needs_event if row.result else None
    data["more"] = [
        {
            "rule": r.rule.text,
            "deadline": iso(r.deadline),
            "kind": r.kind,
            "n": r.rule.n,
            "sense": r.rule.sense,
            "window_start": iso(r.window_start),
            "needs_event": r.needs_event,
            "provisional": r.provisional,
            "warnings": list(r.warnings),
        }
        for r in row.more
    ]
    import json

    return json_visible(json.dumps(data, ensure_ascii=False, sort_keys=True))


def batch_csv_header(columns: tuple[str, ...]) -> list[object]:
    return [_cell(c) for c in (*columns, *BATCH_RESULT_COLUMNS)]


def _cell(value: str) -> str:
    """A CSV cell from the input or the answer: never a formula (spreadsheet.csv_safe), no
    control character but tab and line feed raw (safetext)."""
    if _unsafe_cell()(value) is None:
        return value  # the common case, once per cell of a batch line: one search
    return visible(csv_safe(value), "\t\n")


@cache
def _unsafe_cell() -> Callable[[str], re.Match[str] | None]:
    """Finds what _cell changes: a formula start (spreadsheet.FORMULA_STARTS and LOOK_ALIKE) or a control
    character (safetext) other than tab and line feed. Compiled on first use, not at start-up
    (tests/test_batch_speed.py checks it against csv_safe and visible). A line's cells are
    searched at once, joined by line feeds: ``^`` finds a formula start in each; a line
    feed inside a cell may be found needlessly, never one missed."""
    from .spreadsheet import LOOK_ALIKE

    return re.compile(rf"^(?:[=+\-@\t\r]|{LOOK_ALIKE})|[\x00-\x08\x0b-\x1f\x7f-\x9f]", re.M).search


def batch_csv(row: BatchRow, columns: tuple[str, ...]) -> list[object]:
    """The input's cells, then the result's, each made safe (_cell)."""
    fields, result = row.fields, row.result
    values: list[object] = list(batch_cells([fields.get(c, "") for c in columns]))
    if result is None:
        values += ("", "", "", "", _cell(str(row.error)))
    else:
        notes = "；".join([*result.warnings, *_more_notes(row)]) if result.warnings or row.more else ""
        values += (
            iso(result.deadline) or "",
            result.kind,
            "true" if result.provisional_years else "false",
            _cell(notes),
            "",
        )
    return values


def batch_cells(cells: list[str]) -> list[str]:
    """A line's input cells, each made safe (_cell): searched at once, changed seldom."""
    if _unsafe_cell()("\n".join(cells)) is not None:
        return [_cell(c) for c in cells]
    return cells


def batch_csv_plain(cell: str) -> bool:
    """Whether a cell is written as it is, by the csv module and by _cell, within a line
    whose cells hold no quote, comma or carriage return: printable (no tab or line break,
    no control character) and not a formula start (FORMULA_FIRST)."""
    return cell.isprintable() and cell[:1] not in FORMULA_FIRST


class _JsonShape(NamedTuple):
    head: str  # up to the record
    middle: str  # from the record to the line number
    tail: str  # the rest, and the line's end


# A record and line number no input has: where they fall in a line rendered with them, a
# line's own are put (batch_lines).
_MARK_FIELDS = {"\ue000": "\ue001"}
_MARK_LINE = -7_654_321
_SHAPES = 4096  # CSV answer shapes kept (batch_lines): a deadline, its kind and notes
FORMULA_FIRST = ("=", "+", "-", "@")  # with "" (an empty first cell), not a formula start


def batch_lines(
    fmt: str, out: IO[str], columns: tuple[str, ...]
) -> tuple[Callable[[BatchRow], object], Callable[[int, list[str], object], object]]:
    """Batch lines written as batch_writer writes them, in two steps, so that a batch
    renders each distinct answer once: ``shape(row)`` is the part of the line that
    depends on the answer alone (kept by the caller for every line with the same anchor,
    rule and law), and ``write(line, cells, shape)`` writes a line from it and the line's
    own cells (one per column, as read_rows gives them). tests/test_batch_speed.py checks
    that the lines are byte for byte batch_writer's."""
    last = {name: i for i, name in enumerate(columns)}  # a record keeps a repeated name's last cell
    order = None if len(last) == len(columns) else [last[c] for c in columns]
    if fmt == "csv":
        import csv
        import io

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(batch_csv_header(columns))
        commas = len(columns) - 1

        text = io.StringIO()
        tail_writer = csv.writer(text, lineterminator="\n")

        # The answer's cells of a row with no error and no further deadline are made of
        # these four alone (batch_csv): rows with the same four share their shape.
        shapes: dict[tuple[object, str, bool, tuple[str, ...]], object] = {}

        def shape_csv(row: BatchRow) -> object:
            result = row.result
            key = None
            if result is not None and not row.more:
                key = (result.deadline, result.kind, bool(result.provisional_years), result.warnings)
                kept = shapes.get(key)
                if kept is not None:
                    return kept
            values = batch_csv(row._replace(fields={}), ())
            text.seek(0)
            text.truncate()
            tail_writer.writerow(values)
            shape = values, "," + text.getvalue()
            if key is not None:
                if len(shapes) >= _SHAPES:
                    shapes.clear()
                shapes[key] = shape
            return shape

        def write_csv(line: int, cells: list[str], tail: Any) -> object:
            if order is not None:
                cells = [cells[i] for i in order]
            joined = ",".join(cells)
            # The common case: cells the csv module writes as they are (no comma, quote or
            # line break inside: printable, and as many commas as columns) and _cell leaves
            # alone (no control character: printable; no formula start).
            if (
                joined.isprintable()
                and '"' not in joined
                and joined.count(",") == commas
                and joined[:1] not in FORMULA_FIRST
                and ",=" not in joined
                and ",+" not in joined
                and ",-" not in joined
                and ",@" not in joined
            ):
                return out.write(joined + tail[1])
            return writer.writerow(batch_cells(cells) + tail[0])

        return shape_csv, write_csv
    if fmt == "json":
        import json

        def shape_json(row: BatchRow) -> object:
            text = batch_json(row._replace(line=_MARK_LINE, fields=_MARK_FIELDS))
            mark = json.dumps(_MARK_FIELDS, ensure_ascii=False)
            if text.count(mark) == 1 and text.count(str(_MARK_LINE)) == 1:
                head, rest = text.split(mark)
                middle, tail = rest.split(str(_MARK_LINE))
                return _JsonShape(head, middle, tail + "\n")
            return row  # the general way, line by line

        def write_json(line: int, cells: list[str], shape: Any) -> object:
            fields = dict(zip(columns, cells, strict=True))
            if not isinstance(shape, _JsonShape):
                return out.write(batch_json(shape._replace(line=line, fields=fields)) + "\n")
            head, middle, tail = shape
            dumped = json_visible(json.dumps(fields, ensure_ascii=False, sort_keys=True))
            return out.write(f"{head}{dumped}{middle}{line}{tail}")

        return shape_json, write_json
    return lambda row: batch_plain(row) + "\n", lambda line, cells, text: out.write(text)


def batch_writer(
    fmt: str, out: IO[str], columns: tuple[str, ...], *, header: bool = True
) -> Callable[[BatchRow], object]:
    """Batch rows written as they come, one line each: CSV (its header written at once,
    unless ``header`` is False), JSON lines, or plain text."""
    if fmt == "csv":
        import csv

        writer = csv.writer(out, lineterminator="\n")
        if header:
            writer.writerow(batch_csv_header(columns))
        return lambda row: writer.writerow(batch_csv(row, columns))
    line = batch_json if fmt == "json" else batch_plain
    return lambda row: out.write(line(row) + "\n")


def batch_plain(row: BatchRow) -> str:
    """One line, tab-separated; what the input held is shown with its control characters
    (line breaks and tabs among them) made visible."""
    head = f"{visible(row.fields.get('anchor', ''))}\t{visible(row.fields.get('rule', ''))}"
    if row.error is not None:
        return f"{head}\t错误：{visible(str(row.error))}"
    assert row.result is not None
    mark = "\t临时" if row.result.provisional else ""
    more = "".join(f"\t{note}" for note in _more_notes(row))
    return f"{head}\t{_batch_answer(row.result)}{mark}{more}"
