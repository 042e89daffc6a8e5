"""Formatters for ``gongkai status`` (progress.Status): JSON, plain, table, csv and md.

JSON schema (docs/plan-format.md): ``{"today", "title", "total", "states", "kinds",
"departments", "next"}``; each tally is ``{"done", "overdue", "upcoming", "open", "total"}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..plan.progress import STATES, Status, Tally
from .deadlines import when
from .markdown import md_cell, md_table
from .plan import OBLIGATION_LABELS, names, obligation_data
from .plan_files import csv_text

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .layout import Column

STATE_LABELS = {"done": "已完成", "overdue": "逾期", "upcoming": "待办", "open": "无期限"}
HEADER = ("", *STATE_LABELS.values(), "合计")


def tally_data(t: Tally) -> dict[str, int]:
    return {**{s: t.get(s) for s in STATES}, "total": t.total}


def status_data(title: str, facts: Status) -> dict[str, Any]:
    return {
        "today": facts.today.isoformat(),
        "title": title,
        "total": facts.overall.total,
        "states": tally_data(facts.overall),
        "kinds": {kind: tally_data(t) for kind, t in facts.kinds},
        "departments": [{"name": name, **tally_data(t)} for name, t in facts.departments],
        "next": [obligation_data(ob) for ob in facts.next],
    }


def _row(label: str, t: Tally) -> tuple[str, ...]:
    return (label, *(str(t.get(s)) for s in STATES), str(t.total))


def _rows(facts: Status) -> list[tuple[str, list[tuple[str, ...]]]]:
    """(heading, rows) for the overall line, the kinds and the departments."""
    return [
        ("全部", [_row("全部", facts.overall)]),
        ("按类别", [_row(OBLIGATION_LABELS[k], t) for k, t in facts.kinds if t.total]),
        ("按部门（各部门自己的事项）", [_row(name, t) for name, t in facts.departments]),
    ]


def _summary(facts: Status) -> str:
    t = facts.overall
    parts = "，".join(f"{STATE_LABELS[s]} {t.get(s)}" for s in STATES)
    return f"共 {t.total} 项：{parts}"


def _next_line(facts: Status, index: int) -> str:
    ob = facts.next[index]
    return f"{when(ob.deadline)}  {ob.id}  {ob.title}（{names(ob.departments)}）"


def _width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def status_plain(title: str, facts: Status) -> str:
    lines = [f"{title}：截至 {when(facts.today)}", _summary(facts)]
    width = max((_width(row[0]) for _, rows in _rows(facts) for row in rows), default=0)
    for heading, rows in _rows(facts)[1:]:
        lines += ["", f"{heading}："]
        for row in (HEADER, *rows):
            lines.append("  " + _pad(row[0], width) + "".join(_pad(c, 8, right=True) for c in row[1:]))
    lines += ["", f"最近的期限：{len(facts.next)} 项"]
    lines += [f"  {_next_line(facts, i)}" for i in range(len(facts.next))]
    return "\n".join(lines)


def status_table(title: str, facts: Status) -> RenderableType:
    """Tables that fit the width (render.layout): names and numbers never broken inside;
    too narrow for a table, the plain lines (every line a name and its counts)."""
    from rich.console import Group
    from rich.text import Text

    from .layout import Column, Para

    heading = f"{title}：截至 {when(facts.today)}，{_summary(facts)}"
    parts: list[RenderableType] = [Para(heading, style="bold")]
    for heading, rows in _rows(facts)[1:]:
        columns = (
            Column(HEADER[0], names=True, min_width=4),
            *(Column(h, fixed=True, justify="right") for h in HEADER[1:]),
        )
        parts += [Text(""), _fitted(columns, rows, heading, labelled=True)]
    columns = (
        Column("期限", fixed=True),
        Column("编号", fixed=True),
        Column("事项", ratio=3, min_width=12),
        Column("部门", ratio=2, min_width=10, names=True),
    )
    upcoming = [(when(ob.deadline, short=True), ob.id, ob.title, names(ob.departments)) for ob in facts.next]
    parts += [Text(""), _fitted(columns, upcoming, "最近的期限")]
    return Group(*parts)


def _fitted(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], heading: str, *, labelled: bool = False
) -> RenderableType:
    """A table of ``columns`` if it fits, else blocks; ``labelled``: in blocks, each count
    after its column's heading (逾期 4)."""
    from .layout import Fitted, fit_table, lines_of

    def blocks(size: int) -> RenderableType:
        """Too narrow for the table: the heading, then each row's cells on as few lines as fit."""
        from rich.console import Group
        from rich.text import Text

        from .layout import Para, join_fitting

        shown: Sequence[Sequence[str]] = rows
        if labelled:
            shown = [
                [r[0], *(f"{c.header} {v}" for c, v in zip(columns[1:], r[1:], strict=True))] for r in rows
            ]
        rows_as_lines = lines_of((join_fitting(row, size), "") for row in shown)
        return Group(Para(heading, style="bold"), Text(""), rows_as_lines)

    return Fitted(lambda size: fit_table(columns, rows, size, title=heading), blocks)


def status_subject(title: str, facts: Status) -> str:
    """2016年政务公开工作要点：进展（截至 2016-09-30）逾期 21 项，待办 23 项"""
    t = facts.overall
    counts = f"逾期 {t.get('overdue')} 项，待办 {t.get('upcoming')} 项"
    return f"{title}：进展（截至 {facts.today.isoformat()}）{counts}"


def status_blocks(title: str, facts: Status, size: int) -> list[str]:
    """The progress as lines of at most ``size`` cells (a plain-text mail): each tally a
    name and its labelled counts, names never broken."""
    from .layout import join_fitting, wrap

    lines = [*wrap(f"{title}：截至 {when(facts.today)}", size), *wrap(_summary(facts), size)]
    for heading, rows in _rows(facts)[1:]:
        lines += ["", f"{heading}："]
        for row in rows:
            counts = [f"{label} {v}" for label, v in zip(HEADER[1:], row[1:], strict=True)]
            lines += join_fitting([row[0], *counts], size, prefix="  ")
    lines += ["", f"最近的期限：{len(facts.next)} 项"]
    for ob in facts.next:
        lines += join_fitting(
            [when(ob.deadline, short=True), ob.id, ob.title, names(ob.departments)], size, prefix="  "
        )
    return lines


def status_tables(facts: Status) -> list[tuple[str, tuple[str, ...], list[tuple[str, ...]]]]:
    """(heading, header, rows) of each table: for HTML and the workbook."""
    out = [(heading, HEADER, rows) for heading, rows in _rows(facts)]
    upcoming: list[tuple[str, ...]] = [
        (when(ob.deadline), ob.id, ob.title, names(ob.departments)) for ob in facts.next
    ]
    return [*out, ("最近的期限", ("期限", "编号", "事项", "部门"), upcoming)]


def status_sheets(facts: Status) -> list[Any]:
    """One sheet of tallies (分组, 名称 and the counts, as numbers) and one of the nearest deadlines."""
    from .spreadsheet import Cell, Sheet

    groups = [("全部", "全部", facts.overall)]
    groups += [("类别", OBLIGATION_LABELS[k], t) for k, t in facts.kinds]
    groups += [("部门", name, t) for name, t in facts.departments]
    tallies: list[list[Cell]] = [
        [group, name, *(t.get(s) for s in STATES), t.total] for group, name, t in groups
    ]
    upcoming: list[list[Cell]] = [[ob.deadline, ob.id, ob.title, names(ob.departments)] for ob in facts.next]
    return [
        Sheet(f"截至 {facts.today.isoformat()}", ("分组", "名称", *HEADER[1:]), tallies),
        Sheet("最近的期限", ("期限", "编号", "事项", "部门"), upcoming),
    ]


def status_csv(facts: Status, *, bom: bool = False) -> str:
    rows: list[Sequence[Any]] = [["all", "", *tally_data(facts.overall).values()]]
    rows += [["kind", kind, *tally_data(t).values()] for kind, t in facts.kinds]
    rows += [["department", name, *tally_data(t).values()] for name, t in facts.departments]
    return csv_text(("group", "name", *STATES, "total"), rows, bom=bom)


def status_md(title: str, facts: Status) -> str:
    lines = [f"## {md_cell(title)}：截至 {when(facts.today)}", "", _summary(facts)]
    for heading, rows in _rows(facts)[1:]:
        lines += ["", f"### {heading}", "", *md_table(HEADER, rows)]
    lines += ["", "### 最近的期限", ""]
    lines += [f"- {md_cell(_next_line(facts, i))}" for i in range(len(facts.next))] or ["（无）"]
    return "\n".join(lines)
