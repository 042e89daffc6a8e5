"""Plans and obligations as files (due, tasks, show): CSV, xlsx sheets, Markdown (a digest
for mail bodies, with the cells the mail's tables share) and iCalendar (the icalendar
library, imported only inside, only when used).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from ..calendar.workdays import WEEKDAYS
from ..plan.due import DueReport, Entry
from ..plan.obligations import Obligation
from ..plan.plan_file import Item
from .deadlines import deadline_plain, when
from .markdown import md_cell, md_table
from .plan import (
    NONE,
    OBLIGATION_LABELS,
    Listing,
    due_heading,
    due_notes,
    entry_data,
    issued_by,
    left,
    marks,
    names,
    obligation_data,
)

# -- csv ------------------------------------------------------------------------------

CSV_COLUMNS = (
    "id",
    "item",
    "kind",
    "deadline",
    "weekday",
    "title",
    "lead",
    "owners",
    "rule",
    "done",
    "rest_day",
    "provisional",
    "occurrence",
    "waiting_for",
)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]], *, bom: bool = False) -> str:
    """CSV text; text cells a spreadsheet would run as a formula get an apostrophe, and
    ``bom`` starts the text with a UTF-8 byte-order mark for Excel."""
    import csv

    from ..safetext import visible
    from .spreadsheet import BOM, csv_safe

    rows = ([visible(csv_safe(c), "\t\n") if isinstance(c, str) else c for c in row] for row in rows)
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _csv_row(data: dict[str, Any]) -> list[Any]:
    def cell(value: Any) -> Any:
        if isinstance(value, list):
            return "、".join(map(str, value))
        if isinstance(value, bool):
            return "true" if value else "false"
        return "" if value is None else value

    return [cell(data[c]) for c in CSV_COLUMNS]


def due_csv(report: DueReport, *, bom: bool = False) -> str:
    rows = [
        ["done" if e.obligation.done else "due", *_csv_row(d), d["days_left"], d["workdays_left"]]
        for e, d in ((e, entry_data(e)) for e in report.listed)
    ]
    rows += [
        ["overdue", *_csv_row(d), d["days_left"], d["workdays_left"]] for d in map(entry_data, report.overdue)
    ]
    return csv_text(("section", *CSV_COLUMNS, "days_left", "workdays_left"), rows, bom=bom)


def tasks_csv(listing: Listing, obligations: Sequence[Obligation], *, bom: bool = False) -> str:
    return csv_text(CSV_COLUMNS, (_csv_row(obligation_data(ob)) for ob in obligations), bom=bom)


# -- xlsx -------------------------------------------------------------------------------

SHEET_COLUMNS = ("编号", "期限", "星期", "类别", "事项", "牵头", "负责", "期限写法", "完成日期", "标记")


def _sheet_cells(ob: Obligation) -> list[Any]:
    """Dates stay dates (the sheet gives them a date format); the rest is text."""
    day = ob.day
    return [
        ob.id,
        ob.deadline,
        WEEKDAYS[day.weekday()] if day else None,
        OBLIGATION_LABELS[ob.kind],
        ob.title,
        names(ob.lead),
        names(ob.owners),
        ob.rule or NONE,
        ob.done,
        " ".join(marks(ob)),
    ]


def due_sheets(report: DueReport) -> list[Any]:
    from .spreadsheet import Sheet

    header = ("分类", "剩余天数", "剩余工作日", *SHEET_COLUMNS)
    rows = [
        [section, e.days_left, e.workdays_left, *_sheet_cells(e.obligation)]
        for section, entries in (("到期", report.open), ("已完成", report.finished), ("逾期", report.overdue))
        for e in entries
    ]
    return [Sheet(f"{report.window.start.isoformat()} 至 {report.window.end.isoformat()}", header, rows)]


def tasks_sheets(listing: Listing, obligations: Sequence[Obligation]) -> list[Any]:
    from .spreadsheet import Sheet

    return [Sheet("全部事项", SHEET_COLUMNS, [_sheet_cells(ob) for ob in obligations])]


# -- Markdown ---------------------------------------------------------------------------


ENTRY_COLUMNS = ("期限", "剩余", "编号", "事项", "牵头", "负责", "期限写法", "标记")


def entry_cells(entry: Entry) -> tuple[str, ...]:
    """One entry of ``due`` as the cells of ENTRY_COLUMNS (its Markdown and its mail)."""
    ob = entry.obligation
    return (
        when(ob.deadline),
        left(entry),
        ob.id,
        ob.title,
        names(ob.lead),
        names(ob.owners),
        ob.rule or NONE,
        " ".join(marks(ob, done=False)),
    )


TASK_COLUMNS = ("编号", "期限", "类别", "事项", "牵头", "负责", "期限写法", "标记")


def task_cells(ob: Obligation) -> tuple[str, ...]:
    """One obligation as the cells of TASK_COLUMNS (the tasks Markdown and its mail)."""
    return (
        ob.id,
        when(ob.deadline),
        OBLIGATION_LABELS[ob.kind],
        ob.title,
        names(ob.lead),
        names(ob.owners),
        ob.rule or NONE,
        " ".join(marks(ob)),
    )


def _md_entries(entries: Sequence[Entry]) -> list[str]:
    return md_table(ENTRY_COLUMNS, (entry_cells(entry) for entry in entries))


def due_md(report: DueReport, plan_title: str) -> str:
    lines = [f"# {md_cell(plan_title)}", "", f"## {due_heading(report)}", ""]
    lines += _md_entries(report.listed) if report.items else ["（无）"]
    if report.overdue:
        lines += ["", f"## 逾期未完成：{len(report.overdue)} 项", "", *_md_entries(report.overdue)]
    for note in due_notes(report):
        lines += ["", f"> {md_cell(note)}"]
    return "\n".join(lines)


def show_md(item: Item, obligations: Sequence[Obligation], explained: Sequence[Obligation]) -> str:
    """``show`` as Markdown: the item's fields, its obligations as a table, and each
    explanation as a fenced block (its step lines are columns)."""
    lines = [
        f"# {md_cell(item.id)} {md_cell(item.title)}",
        "",
        f"- 章节：{md_cell(item.section or NONE)}",
        f"- 牵头：{md_cell(names(item.lead))}",
        f"- 负责：{md_cell(names(item.owners))}",
        f"- 期限写法：{md_cell(item.rule_text or '（原文未写期限）')}",
        *([f"- 起算事件：{md_cell(item.event)}"] if item.event else []),
        "",
        f"> {md_cell(item.text or NONE)}",
        "",
        f"## 义务：{len(obligations)} 项",
        "",
        *md_table(TASK_COLUMNS, (task_cells(ob) for ob in obligations)),
    ]
    for ob in explained:
        if ob.result is not None:
            lines += ["", f"## 推算（{md_cell(ob.id)}）", "", "```", deadline_plain(ob.result, True), "```"]
    return "\n".join(lines)


def tasks_md(listing: Listing, obligations: Sequence[Obligation]) -> str:
    plan = listing.first
    issued = md_cell(issued_by(plan)) if len(listing.plans) == 1 else md_cell(listing.heading())
    lines = [
        f"# {md_cell(listing.title)}",
        "",
        f"{issued}；共 {len(obligations)} 项。",
        "",
        *md_table(TASK_COLUMNS, (task_cells(ob) for ob in obligations)),
    ]
    return "\n".join(lines)


# -- iCalendar --------------------------------------------------------------------------


def _ics(title: str, obligations: Iterable[Obligation], stamp: datetime) -> str:
    """One all-day VEVENT per dated obligation not done (a finished duty has no place in
    a calendar of deadlines); DTSTAMP is ``stamp``, the moment the file is written, in
    UTC (RFC 5545 §3.8.7.2; GONGKAI_NOW pins it)."""
    from icalendar import Calendar, Event, vText

    from ..safetext import visible

    def text(value: str) -> vText:
        """A TEXT value escaped by the icalendar library (line breaks, ; and ,), whatever
        the property, with other control characters made visible first."""
        return vText(visible(value, "\n\r"))

    cal = Calendar()
    cal.add("prodid", "-//gongkai//gongkai-cli//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", text(title))
    for ob in obligations:
        day = ob.day
        if day is None or ob.done is not None:
            continue
        event = Event()
        import hashlib

        uid = hashlib.sha1(f"{title}\n{ob.id}".encode()).hexdigest()[:20]
        event.add("uid", f"{uid}@gongkai")
        event.add("dtstamp", stamp.astimezone(UTC).replace(microsecond=0))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", text(f"[{ob.id}] {ob.title}"))
        description = [
            f"牵头：{names(ob.lead)}",
            f"负责：{names(ob.owners)}",
            f"期限写法：{ob.rule or NONE}",
            f"期限：{when(ob.deadline)}",
            *(f"标记：{m}" for m in marks(ob)),
            *(f"注意：{w}" for w in ob.warnings),
        ]
        event.add("description", text("\n".join(description)))
        event.add("categories", [text(OBLIGATION_LABELS[ob.kind])])
        cal.add_component(event)
    ical: bytes = cal.to_ical()
    return ical.decode("utf-8")


def due_ics(report: DueReport, title: str, now: datetime) -> str:
    return _ics(title, [e.obligation for e in report.pending], now)


def tasks_ics(listing: Listing, obligations: Sequence[Obligation], now: datetime) -> str:
    return _ics(listing.title, obligations, now)
