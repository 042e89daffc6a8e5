"""Task tables (任务分工表) in a 工作要点's text: 序号 | 工作任务 | 责任单位 | 完成时限.

Many plans are issued as, or with, a table. Pasted as text, a row is one line whose cells
are separated by tabs, by "|" or by runs of two or more spaces; a ``.docx`` table arrives
the same way, one tab-separated line a row (files/office.py). Pure: lines in, rows out.

- The header row names the columns: 序号, a task (工作任务 / 重点任务 / 工作内容), its detail
  (具体要求 / 主要内容), the lead (牵头单位), the responsible (责任单位 / 责任科室 / 配合单位)
  and the deadline (完成时限 / 时限要求 / 完成时间). It must name a task or its detail,
  and a department or a deadline.
- The rows follow it, one a line. A row with fewer cells than the header lacks its first
  ones (merged cells, "工作任务" spanning several rows, pasted as nothing): it takes them
  from the row above. A numbered line of one cell ("一、做好财政信息公开") heads the rows
  below it. Any other line of one cell ends the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(?:序号|编号|序)$")),
    ("lead", re.compile(r"^(?:牵头单位|牵头部门|牵头处室|牵头科室|牵头)$")),
    (
        "owners",
        re.compile(
            r"^(?:责任单位|责任部门|责任科室|责任处室|责任主体|配合单位|配合部门|落实单位|负责单位|负责部门)$"
        ),
    ),
    ("deadline", re.compile(r"^(?:完成时限|时限要求|完成时间|时间要求|时限|完成期限|时间节点)$")),
    ("detail", re.compile(r"^(?:具体要求|工作要求|主要内容|具体内容|工作措施|具体任务|具体措施|任务内容)$")),
    ("task", re.compile(r"^(?:工作任务|重点任务|主要任务|任务名称|工作内容|目标任务|任务|工作事项|事项)$")),
)
_SPLIT_SPACES = re.compile(r"[ \u3000]{2,}")
_GROUP = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、，,．.]|[（(]\s*[一二三四五六七八九十]+\s*[）)])")


@dataclass(frozen=True)
class TableRow:
    line: int
    cells: dict[str, str]  # column role ("task", "owners", …) → the cell's text
    group: str  # the numbered line heading this row, or ""


@dataclass(frozen=True)
class Table:
    lines: frozenset[int]  # the document lines the table takes (header and rows)
    roles: tuple[str, ...]  # the columns, in order
    rows: tuple[TableRow, ...]


def cells(line: str) -> list[str]:
    """The cells of one line of a pasted table (one cell when it is not a table row)."""
    line = line.strip(" \u3000\r\n")
    if "\t" in line:
        parts = line.split("\t")  # empty cells kept: a tab per cell
    elif "|" in line or "｜" in line:
        parts = re.split(r"[|｜]", line)
        while parts and not parts[0].strip():
            parts.pop(0)
        while parts and not parts[-1].strip():
            parts.pop()
    else:
        parts = _SPLIT_SPACES.split(line)
    return [p.strip() for p in parts]


def _roles(header: list[str]) -> tuple[str, ...] | None:
    roles: list[str] = []
    for cell in header:
        name = re.sub(r"\s+", "", cell)
        role = next((r for r, pattern in COLUMNS if pattern.match(name)), None)
        if role is None or role in roles:
            return None
        roles.append(role)
    has_task = "task" in roles or "detail" in roles
    has_rest = any(r in roles for r in ("lead", "owners", "deadline"))
    return tuple(roles) if len(roles) >= 2 and has_task and has_rest else None


def find_tables(lines: list[tuple[int, str]]) -> list[Table]:
    """The task tables among a document's (line number, text) lines, as read (a row's
    empty last cell is a trailing tab)."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        roles = _roles(cells(lines[index][1]))
        if roles is None:
            index += 1
            continue
        taken = {lines[index][0]}
        rows: list[TableRow] = []
        group = ""
        previous: list[str] = [""] * len(roles)
        index += 1
        while index < len(lines):
            number, text = lines[index]
            row = cells(text)
            if len(row) == 1 or (all(not c for c in row[1:]) and _GROUP.match(row[0])):
                if not _GROUP.match(row[0]):
                    break
                group = re.sub(r"\s+", "", row[0])
                taken.add(number)
                index += 1
                continue
            if len(row) > len(roles):  # a stray separator: the extra text joins the last cell
                row = [*row[: len(roles) - 1], " ".join(row[len(roles) - 1 :])]
            if "\t" in text:  # empty leading cells are merged ones; missing last ones empty
                row += [""] * (len(roles) - len(row))
                lead = next((i for i, c in enumerate(row) if c), 0)
                row = [*previous[:lead], *row[lead:]]
            else:  # runs of spaces drop empty cells: the missing ones are the merged first ones
                row = [*previous[: len(roles) - len(row)], *row]
            previous = row
            rows.append(TableRow(number, dict(zip(roles, row, strict=True)), group))
            taken.add(number)
            index += 1
        tables.append(Table(frozenset(taken), roles, tuple(rows)))
    return tables
