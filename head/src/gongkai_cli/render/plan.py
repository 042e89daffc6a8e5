"""Plans and obligations in words (due, tasks, show, check): they only format.

Here live the shared words (the listing, issuer, labels, names, marks, days left,
headings and notes), one data function per answer giving the JSON (schema in
docs/plan-format.md), and the plain text (pipes and cron). The terminal views (rich
tables and blocks) are in plan_views, the files (CSV, xlsx, Markdown, iCalendar) in
plan_files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..calendar.workdays import WEEKDAYS
from ..plan.due import DueReport, Entry
from ..plan.obligations import Obligation
from ..plan.plan_file import Item, Plan, Problem, header_data
from .deadlines import (
    PROVISIONAL_RESULT_NOTE,
    deadline_data,
    deadline_plain,
    display_width,
    iso,
    when,
)

if TYPE_CHECKING:
    from ..plan.review import ReviewMark


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
