"""The terminal views of plans and obligations (due, tasks, show): rich tables when
their columns fit the width, else one block of lines per obligation (blocks serve the
plain-text mail too). rich and layout are imported only inside, only when used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..plan.due import DueReport, Entry
from ..plan.obligations import Obligation
from ..plan.plan_file import Item
from .deadlines import deadline_table, when
from .plan import NONE, OBLIGATION_LABELS, Listing, due_heading, due_notes, entry_flags, left, marks, names

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .layout import Column


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
