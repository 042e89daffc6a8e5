"""The due list and the task list as an e-mail: a complete RFC 5322 message for
``sendmail -t`` or ``msmtp -t``, a text/plain part (blocks of lines that read well in any
client) and an HTML part with a real table.

Built with Python's ``email`` package, imported only here, only for ``--format email``.
The policy is ``email.policy.SMTP`` with local line ends: headers are RFC 2047 encoded
UTF-8 (any server accepts them), bodies are declared ``charset="utf-8"``; sendmail and
msmtp read a message from a pipe with ``\\n`` line ends and add ``\\r\\n`` themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from ..plan.due import DueReport, Span
from ..plan.obligations import Obligation
from ..plan.progress import Status
from .layout import wrap
from .plan import Listing, due_heading, due_notes
from .plan_files import ENTRY_COLUMNS, TASK_COLUMNS, entry_cells, task_cells
from .plan_views import entry_block, task_block
from .progress import status_blocks, status_tables

TEXT_WIDTH = 72  # cells: a plain-text mail reads well at the width mail clients quote at


@dataclass(frozen=True)
class Envelope:
    """Who the message is to and from, and when it is written (the CLI's clock)."""

    to: str
    sender: str
    now: datetime  # timezone-aware


def period_words(span: Span, report: DueReport) -> str:
    """本周 / 下周 / 本月, or the window's dates."""
    named = {"week": "本周", "next-week": "下周", "month": "本月"}
    if span in named:
        return named[span]
    return f"{report.window.start.isoformat()} 至 {report.window.end.isoformat()} "


def address_problem(option: str, field: str) -> str | None:
    """Why the To/From value ``field`` (given as ``option``) cannot head a message, or None:
    a line break or control character (it would start a header of its own), or an entry
    that is not a mail address."""
    from ..safetext import not_one_line, visible

    broken = not_one_line(field)
    if broken is not None:
        return f"{option} 的邮件地址{broken}（换行会在邮件头中另起一行）"
    bad = bad_addresses(field)
    if bad:
        return f"{option} 中“{visible(bad[0])}”不是邮件地址：应写成 a@example.org 或 名字 <a@example.org>"
    return None


def bad_addresses(field: str) -> list[str]:
    """The entries of a To/From value that are not mail addresses (name <a@b> or a@b)."""
    from email.utils import getaddresses

    return [
        name or spec or field
        for name, spec in getaddresses([field])
        if "@" not in spec or spec.startswith("@") or spec.endswith("@")
    ]


def due_subject(listing: Listing, span: Span, report: DueReport, requests: tuple[int, int] = (0, 0)) -> str:
    """2016年政务公开工作要点：本周到期 5 项，逾期 6 项；依申请公开到期 1 件，逾期 1 件
    (``requests``: the register's requests due in the window and overdue, when it is read)."""
    subject = f"{listing.title}：{period_words(span, report)}到期 {len(report.open)} 项"
    subject += f"，逾期 {len(report.overdue)} 项" if report.overdue else ""
    due, late = requests
    if due or late:
        subject += f"；依申请公开到期 {due} 件" + (f"，逾期 {late} 件" if late else "")
    return subject


def _footer(listing: Listing) -> list[str]:
    """The signature, wrapped to the text's width like the rest."""
    return ["", "-- ", *wrap(f"gongkai：{listing.heading()}", TEXT_WIDTH)]


def due_text(listing: Listing, report: DueReport) -> str:
    lines = [listing.title, "", due_heading(report)]
    for entry in report.listed:
        lines += ["", *entry_block(entry, TEXT_WIDTH)]
    if report.overdue:
        lines += ["", "", f"逾期未完成：{len(report.overdue)} 项"]
        for entry in report.overdue:
            lines += ["", *entry_block(entry, TEXT_WIDTH)]
    for note in due_notes(report):
        lines += ["", *wrap(note, TEXT_WIDTH)]
    return "\n".join(lines + _footer(listing)) + "\n"


def tasks_text(listing: Listing, obligations: Sequence[Obligation]) -> str:
    lines = [listing.title, "", f"全部事项：{len(obligations)} 项"]
    for ob in obligations:
        lines += ["", *task_block(ob, TEXT_WIDTH)]
    return "\n".join(lines + _footer(listing)) + "\n"


_TABLE = '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">'


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = [
        _TABLE,
        "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr></thead>",
        "<tbody>",
    ]
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>")
    return [*out, "</tbody>", "</table>"]


def _html_page(title: str, listing: Listing, body: list[str]) -> str:
    head = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        '<head><meta charset="utf-8"><title>' + escape(title) + "</title></head>",
        "<body>",
        f"<h2>{escape(listing.title)}</h2>",
    ]
    foot = [
        f"<p><small>{escape(listing.heading())}</small></p>",
        "</body>",
        "</html>",
    ]
    return "\n".join(head + body + foot) + "\n"


def due_html(listing: Listing, report: DueReport, subject: str) -> str:
    body = [f"<h3>{escape(due_heading(report))}</h3>"]
    body += (
        _html_table(ENTRY_COLUMNS, [entry_cells(e) for e in report.listed])
        if report.items
        else ["<p>（无）</p>"]
    )
    if report.overdue:
        body += [f"<h3>逾期未完成：{len(report.overdue)} 项</h3>"]
        body += _html_table(ENTRY_COLUMNS, [entry_cells(e) for e in report.overdue])
    body.extend(f"<p>{escape(note)}</p>" for note in due_notes(report))
    return _html_page(subject, listing, body)


def tasks_html(listing: Listing, obligations: Sequence[Obligation], subject: str) -> str:
    rows = [task_cells(ob) for ob in obligations]
    return _html_page(
        subject, listing, [f"<h3>全部事项：{len(obligations)} 项</h3>", *_html_table(TASK_COLUMNS, rows)]
    )


def message(subject: str, text: str, html: str, envelope: Envelope) -> str:
    """The whole message as text (headers, a multipart/alternative body)."""
    from email import policy
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid, parseaddr

    from ..safetext import visible

    msg = EmailMessage(policy=policy.SMTP.clone(linesep="\n"))
    msg["Subject"] = visible(" ".join(subject.split()))  # one line: a title's line break is no header
    msg["From"] = envelope.sender
    msg["To"] = envelope.to
    msg["Date"] = format_datetime(envelope.now)
    # The domain of the sender, so that no DNS look-up of this host is needed.
    domain = parseaddr(envelope.sender)[1].rpartition("@")[2] or "localhost"
    msg["Message-ID"] = make_msgid("gongkai", domain=domain)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a cron job
    msg.set_content(visible(text, "\t\n"), charset="utf-8")
    msg.add_alternative(visible(html, "\t\n"), subtype="html", charset="utf-8")
    return msg.as_string()


def status_text(title: str, facts: Status) -> str:
    return (
        "\n".join(
            [*status_blocks(title, facts, TEXT_WIDTH), "", "-- ", *wrap(f"gongkai：{title}", TEXT_WIDTH)]
        )
        + "\n"
    )


def status_html(title: str, facts: Status, subject: str) -> str:
    body = [f"<h3>{escape(title)}：截至 {escape(facts.today.isoformat())}</h3>"]
    for heading, header, rows in status_tables(facts):
        body += [f"<h4>{escape(heading)}</h4>", *_html_table(header, rows)]
    head = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        f'<head><meta charset="utf-8"><title>{escape(subject)}</title></head>',
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"
