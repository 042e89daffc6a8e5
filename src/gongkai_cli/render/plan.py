"""Formatters for plans and obligations (due, tasks, show, check): they only format.

One data function per answer gives the JSON (schema in docs/plan-format.md); the text
formats are plain (pipes and cron), table (rich, imported only here, only when used),
csv, md (a Markdown digest for mail bodies) and ics (the icalendar library).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..calendar.workdays import WEEKDAYS
from ..plan.due import DueReport, Entry
from ..plan.obligations import Obligation
from ..plan.plan_file import Item, Plan, Problem, header_data
from .deadlines import (
    PROVISIONAL_RESULT_NOTE,
    deadline_data,
    deadline_plain,
    deadline_table,
    display_width,
    iso,
    when,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..plan.review import ReviewMark
    from .layout import Column


class Listing:
    """The plans a list comes from, with their keys (one plan: as before; several: named)."""

    __slots__ = ("keys", "plans")

    def __init__(self, plans: tuple[Plan, ...], keys: tuple[str, ...]) -> None:
        self.plans, self.keys = plans, keys

    @property
    def first(self) -> Plan:
        return self.plans[0]

    @property
    def title(self) -> str:
        return "；".join(p.title for p in self.plans)

    def heading(self) -> str:
        """2016年政务公开工作要点（国家知识产权局办公室，2016-05-18 印发） or, for several,
        each with its key."""
        if len(self.plans) == 1:
            plan = self.first
            return f"{plan.title}（{issued_by(plan)}）"
        return "；".join(
            f"{key}：{p.title}（{issued_by(p)}）" for key, p in zip(self.keys, self.plans, strict=True)
        )


def issued_by(plan: Plan) -> str:
    """国家知识产权局办公室，2016-05-18 印发; without an issuer (it may be left out), the
    date alone; without an issue date, 未写印发日期 (期限自 2026-01-01 起算)."""
    issued = (
        f"{plan.issued.isoformat()} 印发"
        if plan.issued_written
        else f"未写印发日期，自 {plan.issued.isoformat()} 起算"
    )
    return f"{plan.issuer}，{issued}" if plan.issuer.strip() else issued


OBLIGATION_LABELS = {
    "deadline": "期限",
    "report": "报告",
    "recurring": "按期",
    "event": "事件",
    "open": "无期限",
}
NONE = "—"


# -- pieces ---------------------------------------------------------------------------


def names(values: Sequence[str]) -> str:
    return "、".join(values) or NONE


def years_words(years: Sequence[int]) -> str:
    """2027 年 / 2027、2028 年."""
    return "、".join(map(str, years)) + " 年"


def marks(ob: Obligation, *, done: bool = True) -> list[str]:
    """The flags shown after a title; ``done`` False leaves out 已完成 (said in a due
    entry's days-left place instead)."""
    out = []
    if done and ob.done is not None:
        out.append(f"已完成 {ob.done.isoformat()}")
    if ob.rest_day:
        out.append("休息日")
    if ob.waiting_for:
        out.append(f"临时，待 {years_words(ob.waiting_for)}安排")
    elif ob.provisional:
        out.append("临时")
    if ob.kind == "event" and ob.deadline is None:
        out.append("尚无记录的事件")
    return out


def left(entry: Entry, *, short: bool = False) -> str:
    """还剩 3 天（3 个工作日） / 今天到期 / 逾期 11 天（7 个工作日）; ``short``, for a table:
    3天/3工作日 / 今天 / 逾期11天/7工作日."""
    if entry.obligation.done is not None:  # never "due" or "overdue" once done
        return f"已完成 {entry.obligation.done.isoformat()}"
    days, work = entry.days_left, entry.workdays_left
    if days == 0:
        return "今天" if short else "今天到期"
    if short:
        workdays = "" if work is None else f"/{abs(work)}工作日"
        return f"{days}天{workdays}" if days > 0 else f"逾期{-days}天{workdays}"
    workdays = "" if work is None else f"（{abs(work)} 个工作日）"
    return f"还剩 {days} 天{workdays}" if days > 0 else f"逾期 {-days} 天{workdays}"


def window_words(report: DueReport) -> str:
    start, end = report.window.start, report.window.end
    return f"{when(start)} 至 {when(end)}"


def due_heading(report: DueReport) -> str:
    """…到期：4 项（另有 1 项已完成）: the count is of open duties only."""
    done = len(report.finished)
    extra = f"（另有 {done} 项已完成）" if done else ""
    return f"{window_words(report)}到期：{len(report.open)} 项{extra}"


def entry_flags(ob: Obligation) -> str:
    """The flags after a due entry's title (its done date is in the days-left place)."""
    return "".join(f" [{m}]" for m in marks(ob, done=False))


def waiting_note(obligations: Iterable[Obligation]) -> str | None:
    """One line for the obligations waiting for a year's arrangement, if any."""
    years = sorted({y for ob in obligations for y in ob.waiting_for})
    if not years:
        return None
    return (
        f"注意：标“待 {years_words(years)}安排”的期限需要尚未导入的节假日安排，现按法定节日临时推算；"
        "国务院公布后用 gongkai calendar import 导入，期限可能变化"
    )


def waiting_warning(ob: Obligation) -> str:
    """``check``'s words for an obligation waiting for a year's arrangement."""
    return (
        f"期限需要 {years_words(ob.waiting_for)}的节假日安排（尚未导入），"
        f"现按法定节日临时推算为 {when(ob.deadline)}；国务院公布后用 gongkai calendar import 导入"
    )


def reminder(report: DueReport) -> str | None:
    """The one closing line of ``due`` in the last quarter while next year is unknown."""
    year = report.unpublished_next_year
    if year is None:
        return None
    return (
        f"提示：日历中还没有 {year} 年的节假日安排；国务院公布后，"
        f"用 gongkai calendar import 通知.txt --install 导入"
    )


def due_notes(report: DueReport) -> list[str]:
    """The closing lines of ``due`` in prose formats: provisional, waiting, the reminder."""
    entries = (*report.items, *report.overdue)
    obligations = [e.obligation for e in entries]
    waiting = waiting_note(obligations)
    notes: list[str] = []
    if waiting is not None:
        notes.append(waiting)
    elif any(ob.provisional for ob in obligations):
        notes.append(PROVISIONAL_RESULT_NOTE)
    last = reminder(report)
    if last is not None:
        notes.append(last)
    notes.extend(not_in_force_notes(report))
    return notes


# -- JSON -----------------------------------------------------------------------------


def obligation_data(ob: Obligation) -> dict[str, Any]:
    day = ob.day
    return {
        "id": ob.id,
        "item": ob.item.id,
        "kind": ob.kind,
        "title": ob.title,
        "rule": ob.rule,
        "deadline": iso(ob.deadline),
        "weekday": WEEKDAYS[day.weekday()] if day else None,
        "lead": list(ob.lead),
        "owners": list(ob.owners),
        "done": iso(ob.done),
        "provisional": ob.provisional,
        "waiting_for": list(ob.waiting_for),
        "rest_day": ob.rest_day,
        "occurrence": ob.occurrence,
        "warnings": list(ob.warnings),
    }


def entry_data(entry: Entry) -> dict[str, Any]:
    data = obligation_data(entry.obligation)
    data["days_left"] = entry.days_left
    data["workdays_left"] = entry.workdays_left
    return data


def plan_data(plan: Plan) -> dict[str, Any]:
    return {**header_data(plan), "file": plan.path}


def due_data(report: DueReport) -> dict[str, Any]:
    return {
        "today": report.today.isoformat(),
        "window": {"start": report.window.start.isoformat(), "end": report.window.end.isoformat()},
        "items": [entry_data(e) for e in report.items],
        "overdue": [entry_data(e) for e in report.overdue],
        "not_in_force": [
            {"plan": title, "issued": issued.isoformat()} for title, issued in report.not_in_force
        ],
        "unpublished_next_year": report.unpublished_next_year,
        "counts": {"due": len(report.open), "done": len(report.finished), "overdue": len(report.overdue)},
    }


def tasks_data(listing: Listing, obligations: Sequence[Obligation]) -> dict[str, Any]:
    return {
        "plan": plan_data(listing.first),
        "plans": [{**plan_data(p), "key": k} for p, k in zip(listing.plans, listing.keys, strict=True)],
        "items": [obligation_data(ob) for ob in obligations],
    }


def item_data(item: Item) -> dict[str, Any]:
    return {
        "id": item.id,
        "section": item.section,
        "title": item.title,
        "text": item.text,
        "lead": list(item.lead),
        "owners": list(item.owners),
        "jointly": list(item.jointly),
        "supervising": list(item.supervising),
        "rule": item.rule_text,
        "rule_kind": item.rule.kind,
        "anchor": iso(item.anchor),
        "event": item.event,
        "report": item.report,
        "done": iso(item.done),
        "line": item.line,
    }


def show_data(
    item: Item, obligations: Sequence[Obligation], explained: Sequence[Obligation]
) -> dict[str, Any]:
    return {
        "item": item_data(item),
        "obligations": [obligation_data(ob) for ob in obligations],
        "explain": [
            {"id": ob.id, **deadline_data(ob.result, True)} for ob in explained if ob.result is not None
        ],
    }


def counts(plan: Plan, obligations: Sequence[Obligation]) -> dict[str, int]:
    return {kind: sum(1 for ob in obligations if ob.kind == kind) for kind in OBLIGATION_LABELS}


def check_data(
    plan: Plan,
    obligations: Sequence[Obligation],
    review: Sequence[ReviewMark] = (),
    notes: Sequence[Problem] = (),
) -> dict[str, Any]:
    return {
        "valid": True,
        "review": [{"line": m.line, "message": m.message} for m in review],
        "plan": plan_data(plan),
        "items": len(plan.items),
        "obligations": len(obligations),
        "kinds": counts(plan, obligations),
        "warnings": [f"{ob.id}: {w}" for ob in obligations for w in check_warnings(ob)]
        + [str(n) for n in notes],
    }


def check_warnings(ob: Obligation) -> list[str]:
    return [*ob.warnings, *([waiting_warning(ob)] if ob.waiting_for else [])]


# -- plain ----------------------------------------------------------------------------


def _entry_lines(entry: Entry) -> list[str]:
    ob = entry.obligation
    flags = entry_flags(ob)
    return [
        f"{when(ob.deadline)}  {left(entry)}  {ob.id}  {ob.title}{flags}",
        f"    牵头：{names(ob.lead)}；负责：{names(ob.owners)}；期限写法：{ob.rule or NONE}",
    ]


def due_plain(report: DueReport, plan_title: str) -> str:
    lines = [plan_title, due_heading(report)]
    for entry in report.listed:
        lines.extend(_entry_lines(entry))
    if report.overdue:
        lines.append("")
        lines.append(f"逾期未完成：{len(report.overdue)} 项")
        for entry in report.overdue:
            lines.extend(_entry_lines(entry))
    lines.extend(due_notes(report))
    return "\n".join(lines)


def not_in_force_notes(report: DueReport) -> list[str]:
    return [
        f"注意：{title}于 {issued.isoformat()} 印发，今天尚未生效：此前的期限不列出"
        for title, issued in report.not_in_force
    ]


def tasks_plain(listing: Listing, obligations: Sequence[Obligation]) -> str:
    lines = [f"{listing.heading()}：{len(obligations)} 项"]
    from .deadlines import pad  # by display width: a labelled id (4.1a@2016-10-10#甲文件) holds CJK

    width = max((display_width(ob.id) for ob in obligations), default=0)
    for ob in obligations:
        flags = "".join(f" [{m}]" for m in marks(ob))
        lines.append(
            f"{pad(ob.id, width)}  {when(ob.deadline)}  {OBLIGATION_LABELS[ob.kind]}  {ob.title}{flags}"
            f"  （{ob.rule or NONE}；牵头：{names(ob.lead)}；负责：{names(ob.owners)}）"
        )
    return "\n".join(lines)


def _obligation_line(ob: Obligation) -> str:
    flags = "".join(f" [{m}]" for m in marks(ob))
    kind = OBLIGATION_LABELS[ob.kind]
    return f"  {ob.id}  {when(ob.deadline)}  {kind}  {ob.title}（{ob.rule or NONE}）{flags}"


def show_plain(item: Item, obligations: Sequence[Obligation], explained: Sequence[Obligation]) -> str:
    lines = [
        f"{item.id}  {item.title}",
        f"章节：{item.section or NONE}",
        f"牵头：{names(item.lead)}",
        f"负责：{names(item.owners)}",
        *((f"配合：{names(item.jointly)}",) if item.jointly else ()),
        *((f"督促：{names(item.supervising)}",) if item.supervising else ()),
        f"期限写法：{item.rule_text or '（原文未写期限）'}（{item.rule.kind}）",
    ]
    if item.event:
        lines.append(f"起算事件：{item.event}")
    lines += ["原文：", f"  {item.text}", "义务："]
    lines.extend(_obligation_line(ob) for ob in obligations)
    for ob in explained:
        if ob.result is not None:
            lines += ["", f"推算（{ob.id}）："]
            lines.extend("  " + line for line in deadline_plain(ob.result, True).splitlines())
    return "\n".join(lines)


def check_plain(
    plan: Plan,
    obligations: Sequence[Obligation],
    review: Sequence[ReviewMark] = (),
    notes: Sequence[Problem] = (),
) -> str:
    kinds = counts(plan, obligations)
    summary = "、".join(f"{OBLIGATION_LABELS[k]} {n}" for k, n in kinds.items())
    doubts = f"，但还有 {len(review)} 处待核对（见标准错误；核对后删去这些注释）" if review else ""
    lines = [
        f"{plan.path}：计划有效{doubts}",
        f"{plan.title}（{issued_by(plan)}，{plan.year} 年度）",
        f"条目 {len(plan.items)} 项，义务 {len(obligations)} 项（{summary}）",
    ]
    lines.extend(f"注意：{ob.id}：{w}" for ob in obligations for w in check_warnings(ob))
    lines.extend(f"注意：{n}" for n in notes)
    return "\n".join(lines)


# -- table (rich) -----------------------------------------------------------------------


def _departments(ob: Obligation) -> str:
    lead = f"{names(ob.lead)}牵头" if ob.lead else ""
    return "；".join(p for p in (lead, "、".join(ob.owners)) if p) or NONE


def _labelled_departments(ob: Obligation) -> str:
    """牵头：办公室；负责：人事司、人事教育部 (blocks and mail, where no column heading says
    what the names are); a side with no department is left out, both: 负责：—."""
    parts = [f"牵头：{names(ob.lead)}"] if ob.lead else []
    if ob.owners or not ob.lead:
        parts.append(f"负责：{names(ob.owners)}")
    return "；".join(parts)


def _who_and_rule(ob: Obligation, size: int) -> list[str]:
    """A block's last lines: the labelled departments and the rule as written."""
    from .layout import wrap

    text = f"{_labelled_departments(ob)}；期限写法：{ob.rule or NONE}"
    return ["  " + line for line in wrap(text, size - 2, names=True)]  # never inside a name


def _flagged_title(ob: Obligation) -> str:
    return ob.title + "".join(f" [{m}]" for m in marks(ob))


def _entry_style(entry: Entry) -> str:
    ob = entry.obligation
    return "dim" if ob.done else ("red" if entry.days_left < 0 else "")


def entry_block(entry: Entry, size: int) -> list[str]:
    """One obligation for a narrow screen or a plain-text mail: date, days left and id on
    the first line, then the title, then departments and the written rule, wrapped."""
    from .layout import indent, join_fitting

    ob = entry.obligation
    return [
        *join_fitting([when(ob.deadline, short=True), left(entry), ob.id], size),
        *indent(ob.title + entry_flags(ob), size),
        *_who_and_rule(ob, size),
    ]


def _duty_columns() -> tuple[Column, ...]:
    """The columns that wrap, shared by the due and tasks tables: the duty, its
    departments and its rule as written."""
    from .layout import Column

    return (
        Column("事项", ratio=3, min_width=12),
        Column("部门", ratio=2, min_width=10, names=True),
        Column("期限写法", ratio=2, min_width=10),
    )


def _entries_view(title: str, entries: Sequence[Entry]) -> RenderableType:
    """A table when its columns fit the width, else one block per obligation."""
    from .layout import Column, Fitted, Para, fit_table, lines_of

    columns = (*(Column(h, fixed=True) for h in ("期限", "剩余", "编号")), *_duty_columns())
    rows = [
        (
            when(e.obligation.deadline, short=True),
            left(e, short=True),
            e.obligation.id,
            e.obligation.title + entry_flags(e.obligation),
            _departments(e.obligation),
            e.obligation.rule or NONE,
        )
        for e in entries
    ]
    styles = [_entry_style(e) for e in entries]

    def blocks(size: int) -> RenderableType:
        from rich.console import Group
        from rich.text import Text

        return Group(
            Para(title, style="bold"),
            Text(""),
            lines_of((entry_block(e, size), _entry_style(e)) for e in entries),
        )

    return Fitted(lambda size: fit_table(columns, rows, size, title=title, styles=styles), blocks)


def due_table(report: DueReport, plan_title: str) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    from .layout import Para

    parts: list[RenderableType] = [
        Para(plan_title, style="bold"),
        Text(""),
        _entries_view(due_heading(report), report.listed),
    ]
    if report.overdue:
        parts += [Text(""), _entries_view(f"逾期未完成：{len(report.overdue)} 项", report.overdue)]
    parts.extend(Para(note, style="yellow") for note in due_notes(report))
    return Group(*parts)


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


def task_block(ob: Obligation, size: int) -> list[str]:
    """One obligation of ``tasks`` for a narrow screen or a plain-text mail."""
    from .layout import indent, join_fitting

    return [
        *join_fitting(
            [ob.id, when(ob.deadline, short=True) if ob.deadline else NONE, OBLIGATION_LABELS[ob.kind]], size
        ),
        *indent(_flagged_title(ob), size),
        *_who_and_rule(ob, size),
    ]


def _tasks_view(title: str, obligations: Sequence[Obligation]) -> RenderableType:
    from .layout import Column, Fitted, Para, fit_table, lines_of

    columns = (*(Column(h, fixed=True) for h in ("编号", "期限", "类别")), *_duty_columns())
    rows = [
        (
            ob.id,
            when(ob.deadline, short=True) if ob.deadline else NONE,
            OBLIGATION_LABELS[ob.kind],
            _flagged_title(ob),
            _departments(ob),
            ob.rule or NONE,
        )
        for ob in obligations
    ]
    styles = ["dim" if ob.done else "" for ob in obligations]

    def blocks(size: int) -> RenderableType:
        from rich.console import Group
        from rich.text import Text

        return Group(
            Para(title, style="bold"),
            Text(""),
            lines_of((task_block(ob, size), "dim" if ob.done else "") for ob in obligations),
        )

    return Fitted(lambda size: fit_table(columns, rows, size, title=title, styles=styles), blocks)


def tasks_table(listing: Listing, obligations: Sequence[Obligation]) -> RenderableType:
    return _tasks_view(f"{listing.title}：{len(obligations)} 项", obligations)


NAME_LABELS = ("牵头", "负责", "部门")  # fields holding lists of names: wrapped between names


class _Fields:
    """Label and value pairs: labels in one column, values wrapped beside them (never cut)."""

    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.text import Text

        from .layout import width, wrap

        label_width = max(width(label) for label, _ in self.rows)
        room = options.max_width - label_width - 2
        for label, value in self.rows:
            lines = wrap(value, room, names=label in NAME_LABELS) if room >= 12 else None
            if lines is None:  # too narrow to sit beside the label: below it
                yield Text(label, style="bold")
                from .layout import indent

                for line in indent(value, options.max_width):
                    yield Text(line, no_wrap=True, overflow="ignore")
                continue
            for n, line in enumerate(lines):
                if n == 0:
                    gap = " " * (label_width - width(label) + 2)
                    yield Text.assemble((label, "bold"), gap + line, no_wrap=True, overflow="ignore")
                else:
                    yield Text(" " * (label_width + 2) + line, no_wrap=True, overflow="ignore")


def show_table(
    item: Item, obligations: Sequence[Obligation], explained: Sequence[Obligation]
) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    head = _Fields(
        [
            ("编号", item.id),
            ("事项", item.title),
            ("章节", item.section or NONE),
            ("牵头", names(item.lead)),
            ("负责", names(item.owners)),
            *((("配合", names(item.jointly)),) if item.jointly else ()),
            *((("督促", names(item.supervising)),) if item.supervising else ()),
            ("期限写法", item.rule_text or "（原文未写期限）"),
            *((("起算事件", item.event),) if item.event else ()),
            ("原文", item.text),
        ]
    )
    parts: list[RenderableType] = [head, Text(""), _tasks_view(f"义务：{len(obligations)} 项", obligations)]
    for ob in explained:
        if ob.result is not None:
            parts += [Text(""), Text(f"推算（{ob.id}）", style="bold"), deadline_table(ob.result, True)]
    return Group(*parts)


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


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]], *, bom: bool = False) -> str:
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
    return _csv(("section", *CSV_COLUMNS, "days_left", "workdays_left"), rows, bom=bom)


def tasks_csv(listing: Listing, obligations: Sequence[Obligation], *, bom: bool = False) -> str:
    return _csv(CSV_COLUMNS, (_csv_row(obligation_data(ob)) for ob in obligations), bom=bom)


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


# Markdown and the HTML it may hold: titles come verbatim from received documents, so
# ``<script>``, ``<img onerror=…>``, ``![](http://…)`` or ``[text](url)`` in one must show
# as written, never run, load or link. HTML's three are written as entities, Markdown's
# link, image, code and table marks with a backslash (CommonMark, GFM).
_MD_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "[": "\\[",
        "]": "\\]",
        "!": "\\!",
        "`": "\\`",
        "|": "\\|",
        "\n": " ",
        "\r": " ",
        "\u2028": " ",
        "\u2029": " ",
    }
)


def _md_cell(text: str) -> str:
    """Text as a Markdown table cell or heading: no HTML, link, image, code or cell break."""
    return text.translate(_MD_ESCAPES)


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


def _md_entries(entries: Sequence[Entry]) -> list[str]:
    lines = ["| " + " | ".join(ENTRY_COLUMNS) + " |", "|" + "---|" * len(ENTRY_COLUMNS)]
    for entry in entries:
        lines.append("| " + " | ".join(_md_cell(c) for c in entry_cells(entry)) + " |")
    return lines


def due_md(report: DueReport, plan_title: str) -> str:
    lines = [f"# {_md_cell(plan_title)}", "", f"## {due_heading(report)}", ""]
    lines += _md_entries(report.listed) if report.items else ["（无）"]
    if report.overdue:
        lines += ["", f"## 逾期未完成：{len(report.overdue)} 项", "", *_md_entries(report.overdue)]
    for note in due_notes(report):
        lines += ["", f"> {_md_cell(note)}"]
    return "\n".join(lines)


def show_md(item: Item, obligations: Sequence[Obligation], explained: Sequence[Obligation]) -> str:
    """``show`` as Markdown: the item's fields, its obligations as a table, and each
    explanation as a fenced block (its step lines are columns)."""
    lines = [
        f"# {_md_cell(item.id)} {_md_cell(item.title)}",
        "",
        f"- 章节：{_md_cell(item.section or NONE)}",
        f"- 牵头：{_md_cell(names(item.lead))}",
        f"- 负责：{_md_cell(names(item.owners))}",
        f"- 期限写法：{_md_cell(item.rule_text or '（原文未写期限）')}",
        *([f"- 起算事件：{_md_cell(item.event)}"] if item.event else []),
        "",
        f"> {_md_cell(item.text or NONE)}",
        "",
        f"## 义务：{len(obligations)} 项",
        "",
        "| " + " | ".join(TASK_COLUMNS) + " |",
        "|" + "---|" * len(TASK_COLUMNS),
        *("| " + " | ".join(_md_cell(c) for c in task_cells(ob)) + " |" for ob in obligations),
    ]
    for ob in explained:
        if ob.result is not None:
            lines += ["", f"## 推算（{_md_cell(ob.id)}）", "", "```", deadline_plain(ob.result, True), "```"]
    return "\n".join(lines)


def tasks_md(listing: Listing, obligations: Sequence[Obligation]) -> str:
    plan = listing.first
    issued = _md_cell(issued_by(plan)) if len(listing.plans) == 1 else _md_cell(listing.heading())
    lines = [
        f"# {_md_cell(listing.title)}",
        "",
        f"{issued}；共 {len(obligations)} 项。",
        "",
        "| " + " | ".join(TASK_COLUMNS) + " |",
        "|" + "---|" * len(TASK_COLUMNS),
    ]
    for ob in obligations:
        lines.append("| " + " | ".join(_md_cell(c) for c in task_cells(ob)) + " |")
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


# -- choosing ---------------------------------------------------------------------------
