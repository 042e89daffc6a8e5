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
- A table copied from a web page may come one cell a line, each followed by a line "|"
  and with no mark where a row ends. The header is its first cells; the rows are found
  by their 序号 (1, 2, 3 … in order, a column of their own even when the header has
  none): the cells before 序号 1 are the leading cells of every row (工作任务), the cells
  after a 序号 fill the rest of its row, and what is left before the next 序号 leads the
  next row (missing there: merged with the row above, taken from it). When the cells do
  not fall into rows this way, it is not read as a table.
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


_BAR = re.compile(r"^\s*[|｜]\s*$")


def _cell_run(lines: list[tuple[int, str]], index: int) -> list[tuple[int, str]]:
    """The cells from ``index`` on when the lines alternate a cell and a line "|"."""
    run: list[tuple[int, str]] = []
    while index + 1 < len(lines) and not _BAR.match(lines[index][1]) and _BAR.match(lines[index + 1][1]):
        run.append((lines[index][0], lines[index][1].strip()))
        index += 2
    return run


def _cells_table(run: list[tuple[int, str]], last_bar: int) -> Table | None:
    """A table copied one cell a line (see the module's docstring), or None."""
    width = 0
    while width < len(run) and any(
        pattern.match(re.sub(r"\s+", "", run[width][1])) for _, pattern in COLUMNS
    ):
        width += 1
    roles = _roles([text for _, text in run[:width]])
    if roles is None:
        return None
    body = run[width:]
    starts: list[int] = []  # where 序号 1, 2, 3 … stand in the body
    for i, (_, text) in enumerate(body):
        if text.isdigit() and int(text) == len(starts) + 1:
            starts.append(i)
    if not starts:
        return None
    leading = starts[0]
    if "number" in roles:
        if roles.index("number") != leading:
            return None
        roles = tuple(r for r in roles if r != "number")
    rest = len(roles) - leading  # cells after the 序号
    if rest < 1:
        return None
    full = (*roles[:leading], "number", *roles[leading:])
    rows: list[TableRow] = []
    previous: list[str] = [""] * leading
    previous_next: list[str] = []  # the cells before this 序号 that lead its row
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(body)
        after = [text for _, text in body[start + 1 : stop]]
        extra = len(after) - rest  # the next row's leading cells
        if extra < 0 or extra > leading or (k + 1 == len(starts) and extra):
            return None
        lead_cells = [text for _, text in body[:start]] if k == 0 else previous_next
        lead_cells = [*previous[: leading - len(lead_cells)], *lead_cells]  # merged: from above
        previous = lead_cells
        previous_next = after[rest:]
        row = [*lead_cells, body[start][1], *after[:rest]]
        rows.append(TableRow(body[start][0], dict(zip(full, row, strict=True)), ""))
    taken = {n for n, _ in run} | set(range(run[0][0], last_bar + 1))
    return Table(frozenset(taken), full, tuple(rows))


def find_tables(lines: list[tuple[int, str]]) -> list[Table]:
    """The task tables among a document's (line number, text) lines, as read (a row's
    empty last cell is a trailing tab)."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        run = _cell_run(lines, index)
        if run:
            last_bar = lines[index + 2 * len(run) - 1][0]
            table = _cells_table(run, last_bar)
            if table is not None:
                tables.append(table)
                index += 2 * len(run)
                continue
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
