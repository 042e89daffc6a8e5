"""The register's answers: the list of requests, one request's history and reckoning,
and the register's part of the Monday list (``due``). Formatters only: the facts come
from register.counting; JSON keys are documented in docs/register.md."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from ..calendar.workdays import WEEKDAYS, WorkCalendar
from ..register.counting import STATE_LABELS, Pending, Reckoned, Reckoning, Span, overdue
from ..register.vocabulary import split_result
from .layout import wrap

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .spreadsheet import Sheet

NONE = "—"
WIDTH = 80
KIND_LABELS = {
    "received": "收到申请",
    "pause": "暂停",
    "resume": "恢复",
    "extend": "延长答复期限",
    "reply": "答复",
    "abandon": "视为放弃",
}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(day: date | None) -> str:
    return f"{day.isoformat()} 周{'一二三四五六日'[day.weekday()]}" if day else NONE


# -- data (JSON) ------------------------------------------------------------------------


def request_data(r: Reckoned, today: date) -> dict[str, Any]:
    req, k = r.request, r.reckoning
    first = {e.kind: e for e in req.events}
    return {
        "id": req.id,
        "received": req.received.isoformat(),
        "applicant": req.applicant,
        "channel": req.channel,
        "subject": req.subject,
        "regulation": k.rules.regulation if k else None,
        "due": _iso(k.due) if k else None,
        "state": k.state if k else None,
        "overdue": bool(k and overdue(k, today)),
        "extended": bool(k and k.extended),
        "paused_for": k.pause_reason if k else None,
        "remaining_workdays": k.remaining if k else None,
        "result": k.result if k else None,
        "finished": _iso(k.finished) if k else None,
        "late_workdays": k.late if k else None,
        "missing_year": r.missing_year,
        "warnings": list(k.warnings) if k else [],
        "abandoned": _iso(first["abandon"].day) if "abandon" in first else None,
    }


def list_data(reckoned: Sequence[Reckoned], today: date) -> dict[str, Any]:
    return {"requests": [request_data(r, today) for r in reckoned]}


def state_words(r: Reckoned, today: date) -> str:
    k = r.reckoning
    if k is None:
        return f"缺 {r.missing_year} 年安排"
    if k.state == "paused":
        return f"暂停（{k.pause_reason}）"
    if overdue(k, today):
        return "已逾期"
    if k.state == "replied" and k.late:
        return "已答复（逾期）"
    return STATE_LABELS[k.state]


def _result_short(k: Reckoning | None) -> str:
    if k is None or k.result is None:
        return NONE
    category, reason = split_result(k.result)
    return f"{category}：{reason}" if reason else category


# -- list -------------------------------------------------------------------------------

LIST_COLUMNS = ("编号", "收到", "答复期限", "状态", "申请人", "结果")


def _cells(r: Reckoned, today: date, *, short: bool = False) -> tuple[str, ...]:
    """The row of LIST_COLUMNS; ``short``: the result's category only (a table cell)."""
    k = r.reckoning
    result = _result_short(k)
    return (
        r.request.id,
        r.request.received.isoformat(),
        _iso(k.due) or NONE if k else NONE,
        state_words(r, today),
        r.request.applicant,
        result.partition("：")[0] if short else result,
    )


def list_plain(reckoned: Sequence[Reckoned], today: date) -> str:
    if not reckoned:
        return "登记簿中没有申请。"
    lines = [f"申请：{len(reckoned)} 件"]
    for r in reckoned:
        number, received, due, state, applicant, result = _cells(r, today)
        lines += wrap(f"{number}  收到 {received}  期限 {due}  {state}  {applicant}", WIDTH)
        if result != NONE:
            lines += ["  " + x for x in wrap(f"结果：{result}", WIDTH - 2)]
        if r.request.subject:
            lines += ["  " + x for x in wrap(r.request.subject, WIDTH - 2)]
    return "\n".join(lines)


def list_table(reckoned: Sequence[Reckoned], today: date) -> RenderableType:
    from rich.table import Table

    table = Table(title=f"申请：{len(reckoned)} 件", title_justify="left")
    for name in LIST_COLUMNS:
        table.add_column(name, overflow="fold", no_wrap=name in ("收到", "答复期限"))
    for r in reckoned:
        table.add_row(*_cells(r, today, short=True))
    return table


def list_md(reckoned: Sequence[Reckoned], today: date) -> str:
    from .markdown import md_table

    rows = ((*_cells(r, today), r.request.subject) for r in reckoned)
    return "\n".join([f"## 申请：{len(reckoned)} 件", "", *md_table((*LIST_COLUMNS, "内容"), rows)])


# CSV and xlsx columns: the ledger headers `request import` reads back (ledger.HEADERS).
LEDGER_COLUMNS = (
    "编号",
    "收到日期",
    "申请人类型",
    "申请方式",
    "申请内容",
    "补正告知日期",
    "补正收到日期",
    "延期日期",
    "答复日期",
    "办理结果",
    "视为放弃日期",
    "答复期限",
    "状态",
)


def ledger_row(r: Reckoned) -> list[Any]:
    """Dates stay dates (xlsx gives them a date format; CSV writes them ISO)."""
    req, k = r.request, r.reckoning
    kinds: dict[str, date] = {}
    for e in req.events:
        if e.kind == "pause" and e.detail == "补正":
            kinds.setdefault("asked", e.day)
        elif e.kind == "resume" and "asked" in kinds:
            kinds.setdefault("corrected", e.day)
        elif e.kind in ("extend", "reply", "abandon"):
            kinds.setdefault(e.kind, e.day)
    return [
        req.id,
        req.received,
        req.applicant,
        req.channel,
        req.subject,
        kinds.get("asked"),
        kinds.get("corrected"),
        kinds.get("extend"),
        kinds.get("reply"),
        k.result if k and k.state == "replied" else None,
        kinds.get("abandon"),
        k.due if k else None,
        k.state if k else None,
    ]


def list_csv(reckoned: Sequence[Reckoned], *, bom: bool = False) -> str:
    import csv
    import io

    from ..safetext import visible
    from .spreadsheet import BOM, csv_safe

    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LEDGER_COLUMNS)
    for r in reckoned:
        row = ledger_row(r)
        writer.writerow(
            [
                visible(csv_safe(c), "\t\n")
                if isinstance(c, str)
                else c.isoformat()
                if isinstance(c, date)
                else ""
                if c is None
                else c
                for c in row
            ]
        )
    return out.getvalue()


def list_sheets(reckoned: Sequence[Reckoned]) -> list[Sheet]:
    from .spreadsheet import Sheet

    return [Sheet("依申请公开登记簿", LEDGER_COLUMNS, [ledger_row(r) for r in reckoned])]


# -- show -------------------------------------------------------------------------------


def show_data(r: Reckoned, today: date, cal: WorkCalendar, explain: bool) -> dict[str, Any]:
    k = r.reckoning
    data: dict[str, Any] = {
        "request": request_data(r, today),
        "history": [
            {"kind": e.kind, "date": e.day.isoformat(), "detail": e.detail} for e in r.request.events
        ],
        "steps": [{"date": s.day.isoformat(), "text": s.text, "article": s.article} for s in k.steps]
        if k
        else [],
    }
    if explain and k is not None:
        data["days"] = [
            {
                "date": day.isoformat(),
                "number": number,
                "counted": number is not None,
                "why": why,
                "article": art,
            }
            for day, number, why, art in counted_days(k.spans, cal)
        ]
    return data


def counted_days(spans: Sequence[Span], cal: WorkCalendar) -> list[tuple[date, int | None, str, str]]:
    """Each working day of the spans with its number (None: not counted), in order."""
    out: list[tuple[date, int | None, str, str]] = []
    for span in spans:
        for n, day in enumerate(cal.workdays_between(span.start, span.end)):
            out.append((day, None if span.first is None else span.first + n, span.why, span.article))
    return out


def show_table(r: Reckoned, today: date, cal: WorkCalendar, explain: bool) -> RenderableType:
    """The plain answer, folded by rich to the terminal's width."""
    from rich.text import Text

    return Text(show_plain(r, today, cal, explain))


def show_plain(r: Reckoned, today: date, cal: WorkCalendar, explain: bool) -> str:
    req, k = r.request, r.reckoning
    lines = [f"申请 {req.id}（{req.applicant}，{req.channel}）"]
    if req.subject:
        lines += wrap(f"内容：{req.subject}", WIDTH)
    lines.append(f"收到：{_day(req.received)}")
    if k is None:
        lines.append(f"日历中没有 {r.missing_year} 年的节假日安排，无法推算答复期限")
    else:
        lines.append(
            f"适用：{k.rules.regulation}（{k.rules.period} 个工作日，可延长 {k.rules.extension} 个）"
        )
        lines.append(f"状态：{state_words(r, today)}")
        if k.due is not None:
            lines.append(f"答复期限：{_day(k.due)}")
        elif k.remaining is not None:
            lines.append(f"答复期限：暂停中，恢复后还有 {k.remaining} 个工作日")
        if k.result:
            lines += wrap(f"结果：{k.result}（{_day(k.finished)}）", WIDTH)
    lines += ["", "历史："]
    for e in req.events:
        detail = f"（{e.detail}）" if e.detail and e.kind != "reply" else f"：{e.detail}" if e.detail else ""
        lines += ["  " + x for x in wrap(f"{_day(e.day)}  {KIND_LABELS[e.kind]}{detail}", WIDTH - 2)]
    if k is not None:
        lines += ["", "推算："]
        for s in k.steps:
            lines += ["  " + x for x in wrap(f"{s.day.isoformat()}  {s.text}（{s.article}）", WIDTH - 2)]
        if explain:
            lines += ["", "逐日："]
            for day, number, why, article in counted_days(k.spans, cal):
                what = f"第 {number} 个工作日" if number is not None else "不计"
                info = cal.day_info(day)
                kind = f"，{info.label}" if info.kind != "workday" else ""
                lines.append(
                    f"  {day.isoformat()} {WEEKDAYS[day.weekday()]}  {what}（{why}{kind}；{article}）"
                )
        for w in k.warnings:
            lines += ["", *wrap(f"注意：{w}", WIDTH)]
    return "\n".join(lines)


# -- the Monday list (due) ---------------------------------------------------------------

REQUEST_COLUMNS = ("答复期限", "剩余", "编号", "申请人", "内容")


def _left(p: Pending) -> str:
    if p.workdays_left is None:
        return NONE
    if p.workdays_left < 0:
        return f"逾期 {-p.workdays_left} 个工作日"
    return "今天到期" if p.workdays_left == 0 else f"{p.workdays_left} 个工作日"


def pending_cells(p: Pending) -> tuple[str, ...]:
    return (_day(p.due), _left(p), p.request.id, p.request.applicant, p.request.subject or NONE)


def pending_data(p: Pending) -> dict[str, Any]:
    return {
        "id": p.request.id,
        "received": p.request.received.isoformat(),
        "due": p.due.isoformat(),
        "workdays_left": p.workdays_left,
        "applicant": p.request.applicant,
        "subject": p.request.subject,
    }


def due_requests_lines(inside: Sequence[Pending], late: Sequence[Pending], width: int = WIDTH) -> list[str]:
    """The register's block of the Monday list, as plain lines."""
    lines = ["", f"依申请公开：答复期限在本时段内 {len(inside)} 件"]
    for p in inside:
        lines += ["  " + x for x in wrap("  ".join(pending_cells(p)), width - 2)]
    if late:
        lines += ["", f"依申请公开：已过答复期限未答复 {len(late)} 件"]
        for p in late:
            lines += ["  " + x for x in wrap("  ".join(pending_cells(p)), width - 2)]
    return lines


def due_requests_md(inside: Sequence[Pending], late: Sequence[Pending]) -> list[str]:
    out: list[str] = []
    for title, rows in (("答复期限在本时段内", inside), ("已过答复期限未答复", late)):
        if not rows and title.startswith("已过"):
            continue
        out += ["", f"## 依申请公开：{title} {len(rows)} 件", ""]
        if rows:
            from .markdown import md_table

            out += md_table(REQUEST_COLUMNS, (pending_cells(p) for p in rows))
        else:
            out.append("（无）")
    return out


def due_requests_html(inside: Sequence[Pending], late: Sequence[Pending]) -> list[str]:
    from html import escape

    out: list[str] = []
    for title, rows in (("答复期限在本时段内", inside), ("已过答复期限未答复", late)):
        if not rows and title.startswith("已过"):
            continue
        out.append(f"<h3>依申请公开：{escape(title)} {len(rows)} 件</h3>")
        if not rows:
            out.append("<p>（无）</p>")
            continue
        out.append('<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">')
        out.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in REQUEST_COLUMNS) + "</tr>")
        for p in rows:
            out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in pending_cells(p)) + "</tr>")
        out.append("</table>")
    return out


def due_requests_sheet(inside: Sequence[Pending], late: Sequence[Pending]) -> Sheet:
    from .spreadsheet import Sheet

    header = ("分类", "答复期限", "剩余工作日", "编号", "收到日期", "申请人类型", "申请内容")
    rows = [
        [
            section,
            p.due,
            p.workdays_left,
            p.request.id,
            p.request.received,
            p.request.applicant,
            p.request.subject,
        ]
        for section, group in (("到期", inside), ("逾期", late))
        for p in group
    ]
    return Sheet("依申请公开", header, rows)


def with_requests(
    renderers: Mapping[str, Any], inside: Sequence[Pending], late: Sequence[Pending]
) -> dict[str, Any]:
    """The due list's renderers, each followed by the register's block (its own section
    of every format; the plan's part is untouched). E-mail is added in its builder."""
    out = dict(renderers)

    def after(fmt: str, extend: Any) -> None:
        if fmt in renderers:
            base = renderers[fmt]
            out[fmt] = lambda: extend(base())

    after("plain", lambda text: text.rstrip("\n") + "\n" + "\n".join(due_requests_lines(inside, late)))
    after("md", lambda text: text.rstrip("\n") + "\n" + "\n".join(due_requests_md(inside, late)))
    after("json", lambda data: {**data, "requests": _requests_json(inside, late)})
    after("csv", lambda text: text + _csv_rows(inside, late))
    after("ics", lambda text: _ics_with(text, [*inside, *late]))
    after("table", lambda table: _table_with(table, inside, late))
    return out


def _requests_json(inside: Sequence[Pending], late: Sequence[Pending]) -> dict[str, Any]:
    return {"due": [pending_data(p) for p in inside], "overdue": [pending_data(p) for p in late]}


def _table_with(table: RenderableType, inside: Sequence[Pending], late: Sequence[Pending]) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    return Group(table, Text("\n".join(due_requests_lines(inside, late))))


def _csv_rows(inside: Sequence[Pending], late: Sequence[Pending]) -> str:
    """Rows in the due list's CSV columns: section request / request_overdue, kind request."""
    import csv
    import io

    from ..safetext import visible
    from .plan_files import CSV_COLUMNS
    from .spreadsheet import csv_safe

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for section, group in (("request", inside), ("request_overdue", late)):
        for p in group:
            values = {
                "id": p.request.id,
                "kind": "request",
                "deadline": p.due.isoformat(),
                "weekday": WEEKDAYS[p.due.weekday()],
                "title": visible(csv_safe(p.request.subject or "依申请公开答复"), "\t\n"),
            }
            writer.writerow([section, *(values.get(c, "") for c in CSV_COLUMNS), "", p.workdays_left])
    return out.getvalue()


def _ics_with(text: str, rows: Sequence[Pending]) -> str:
    """The calendar with one all-day event per request's reply date."""
    if not rows:
        return text
    import hashlib
    from datetime import UTC, datetime, time, timedelta

    from icalendar import Event

    from ..safetext import visible

    events = []
    for p in rows:
        event = Event()
        event.add("uid", hashlib.sha1(f"request\n{p.request.id}".encode()).hexdigest()[:20] + "@gongkai")
        event.add("dtstamp", datetime.combine(p.request.received, time(0), UTC))
        event.add("dtstart", p.due)
        event.add("dtend", p.due + timedelta(days=1))
        event.add("summary", visible(f"[依申请公开 {p.request.id}] 答复期限", "\n"))
        event.add("description", visible(p.request.subject or "", "\n"))
        events.append(event.to_ical().decode("utf-8"))
    head, end, tail = text.rpartition("END:VCALENDAR")
    return head + "".join(events) + end + tail


def email_with(text: str, html: str, inside: Sequence[Pending], late: Sequence[Pending]) -> tuple[str, str]:
    """The mail's text and HTML with the register's block before their footers."""
    body, sep, footer = text.rpartition("\n-- \n")
    text = (
        body + "\n" + "\n".join(due_requests_lines(inside, late, 72)) + "\n" + sep + footer if sep else text
    )
    page, mark, rest = html.rpartition("<p><small>")
    html = page + "\n".join(due_requests_html(inside, late)) + "\n" + mark + rest if mark else html
    return text, html


class DueRequests(NamedTuple):
    """The register's part of the Monday list, and how it joins each format."""

    inside: tuple[Pending, ...]
    late: tuple[Pending, ...]

    @property
    def pending(self) -> tuple[Pending, ...]:
        return self.inside + self.late

    def around(self, renderers: Mapping[str, Any]) -> dict[str, Any]:
        return with_requests(renderers, self.inside, self.late)

    def sheets(self) -> list[Sheet]:
        return [due_requests_sheet(self.inside, self.late)]

    def email(self, text: str, html: str) -> tuple[str, str]:
        return email_with(text, html, self.inside, self.late)
