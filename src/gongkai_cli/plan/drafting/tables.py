"""Task tables (任务分工表, 任务分解责任清单, 重点任务台账): 序号 | 工作任务 | 责任单位 | 完成时限.

One table model (Table, TableRow; a row's cells put in their columns: table_rows.py),
several readers into it. A ``.docx`` table and an ``.xlsx`` ledger arrive as one
tab-separated line a row (files/office.py), a PDF's text layer and a web page as
whatever the copy gives; this module reads them all from the document's lines. Pure:
lines in, rows out.

- The header row names the columns: 序号, a task (工作任务 / 重点任务 / 工作内容), its detail
  (具体要求 / 主要内容), the lead (牵头单位), the responsible (责任单位 / 责任科室 / 落实处室
  (部门)), those working jointly (配合单位 / 协办单位 / 会办单位) and the deadline (完成时限 /
  时限要求 / 完成时间); other columns (备注, and a catalogue's 公开依据 / 信息类别 / 公开形式)
  are kept apart and not read. An indicator table's levels (一级指标 … 五级指标) are groups,
  the deepest its duty; "责任科室、单位" names its first kind. It must name a
  task or its detail, and a department or a deadline. A header broken over two lines
  ("工作任务 | 具体要求" / "| 责任单位 |") is joined; a header repeated on a later page and
  separator lines (``||||||``, ``|---|---|``) are skipped.
- The rows follow it, one a line, cells split by tabs, by "|" or by runs of spaces. With
  tabs every cell keeps its place (an empty leading cell is merged with the row above).
  With "|" or spaces a row may have fewer cells than the header: the cells that read as
  departments or a deadline fill the last columns, the text the first ones, and what is
  missing is a merged cell, taken from the row above (in a table with columns not read,
  the cells cannot be told apart: the first ones are the merged ones; unless the page
  stops inside the row). A 序号 is found wherever it stands
  (a column of its own, alone on the line before its row); a numbered cell such as
  "一、做好财政信息公开" or "（一）加强…" heads the rows below it (a group row, kept as the
  rows' section). A line without a separator inside a "|" table is a cell broken over
  two lines: it joins the row it starts. A row without any text is not an item.
- A table copied from a web page may come one cell a line: either each followed by a line
  "|" (池州), read by its 序号 1, 2, 3 … as before, or each ending in "|", rows closed by a
  line of bars or started by their 序号 "1 |", "2 |" … (宣城), or with nothing between the
  cells (广州):
  the header is a run of lines each naming a column, a row starts at its 序号, and in a
  row the lines that read as departments are its departments, those after them its
  deadline, those before them its task and detail (numbered lines among them its groups).
- Or with a line "|" before and after each cell, two lines "|" between rows (a 镇 on
  bzqc.gov.cn): the first row the header, a row short of cells lacking its first ones
  (merged with the row above), the last row cut by the page lacking its last ones.
- Disclosure catalogues with a header over several lines (catalogue.py) are tried first.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from ...phrases.chinese import compact
from .catalogue import catalogue_table, stacked_catalogue
from .catalogue_cells import bar_cells_table, cell_line_catalogue
from .catalogue_numbers import numbered_cells_catalogue
from .table_rows import (
    _GROUP,
    _NUMBER,
    _ROLE_WORD,
    _SEPARATOR,
    _TEXT_ROLES,
    Table,
    TableRow,
    _column,
    _is_departments,
    _is_group,
    _roles,
    _Rows,
    cells,
    header_line,
    known_header,
)

__all__ = ["Table", "TableRow", "cells", "find_tables"]


# -- the readers -------------------------------------------------------------------------


def _merged_number(lines: list[tuple[int, str]], index: int, header: list[str]) -> list[str]:
    """A header cell merged over the 序号 column beside it, as Word repeats it ("工作任务 \t
    工作任务") and Excel leaves it (an empty cell): that column is the 序号 when the rows'
    cells there are numbers. The header with that cell named 序号, else unchanged."""
    rows = [cells(text) for _, text in lines[index + 1 : index + 4] if "\t" in text]
    for at in range(1, len(header)):
        merged = not header[at] or compact(header[at]) == compact(header[at - 1])
        below = [compact(r[at]) for r in rows if len(r) > at and r[at]]
        if merged and below and all(_NUMBER.match(c) for c in below):
            return [*header[:at], "序号", *header[at + 1 :]]
    return header


def _header_at(lines: list[tuple[int, str]], index: int) -> tuple[tuple[str, ...], int] | None:
    """The columns of a header starting at ``index`` and the lines it takes: on one line,
    or broken over two ("工作任务 | 具体要求" / "| 责任单位 |")."""
    first = cells(lines[index][1])
    if "\t" in lines[index][1]:
        first = _merged_number(lines, index, first)
    if re.search(r"[\t|｜]", lines[index][1]):
        first = known_header(first)
    if len(first) < 2 or any(_column(c) is None for c in first):
        return None
    roles, taken = _roles(first), 1
    if index + 1 < len(lines):
        second = cells(lines[index + 1][1])
        if (
            second
            and all(_column(c) is not None for c in second)
            and (len(second) >= 2 or "|" in lines[index + 1][1])
            and not (len(second) == 1 and _column(second[0]) == "other")  # 事项类别 alone: more header
        ):
            levels = sum(1 for c in second if _column(c) == "group")
            if roles is not None and levels >= 2 and "task" in roles and "group" not in roles:
                # 公开事项 over 一级事项 | 二级事项 (孝感市民政局): the task's levels; the
                # other words under columns not read (全社会 | 特定群众) are not counted
                at = roles.index("task")
                return (*roles[:at], *("group",) * (levels - 1), *roles[at:]), 2
            joined = _roles(first + second)
            if joined is not None:
                roles, taken = joined, 2
    return (roles, taken) if roles is not None else None


def _continues(text: str) -> bool:
    """A line of one cell and then only bars ("【联系方式】 | ||||||"): more of the row above,
    its other cells empty, unless the cell is numbered (a row or a group of its own)."""
    row = [c for c in cells(text) if c]
    bars = len(re.findall(r"[|｜]", text))
    return len(row) == 1 and bars >= 3 and not _NUMBER.match(compact(row[0])) and not _is_group(row[0])


def _breaks_into(row: list[str], following: str, roles: tuple[str, ...]) -> bool:
    """A numbered row short of cells whose last cells are on the next line ("3 | 政务公开 |
    领导简历 | 【基本信息】 |" / "信息形成…之日起20个工作日内 | 政府网站常规公开 | |")."""
    filled = [c for c in row if c]
    rest = [c for c in cells(following) if c]
    return (
        "number" in roles
        and "other" in roles
        and bool(filled)
        and _NUMBER.match(compact(filled[0])) is not None
        and len(filled) < len(roles)
        and bool(rest)
        and len(filled) + len(rest) <= len(roles)
        and _NUMBER.match(compact(rest[0])) is None
        and not _continues(following)
        and not _SEPARATOR.match(following)
        and ("|" in following or "｜" in following)
    )


def _line_table(
    lines: list[tuple[int, str]], index: int, roles: tuple[str, ...], taken_lines: int
) -> tuple[Table, int]:
    """Rows one a line after the header at ``index``: the table and the index after it."""
    taken = {lines[i][0] for i in range(index, index + taken_lines)}
    header = [compact(c) for i in range(index, index + taken_lines) for c in cells(lines[i][1])]
    table = _Rows(roles)
    index += taken_lines
    unsure: list[str] = []  # the header goes on over lines naming columns the reader did not place
    while (
        index < len(lines) and not _SEPARATOR.match(lines[index][1]) and header_line(cells(lines[index][1]))
    ):
        more = [compact(c) for c in cells(lines[index][1]) if c]
        unsure += [c for c in more if _column(c) not in (None, "other")]
        taken.add(lines[index][0])
        index += 1
    number: str | None = None
    pending = ""  # a cell broken over two lines: the start of the next row's first cell
    piped = "|" in lines[index - 1][1] or "｜" in lines[index - 1][1]
    while index < len(lines):
        lineno, text = lines[index]
        row = cells(text)
        if _SEPARATOR.match(text) or [compact(c) for c in row] == header:
            taken.add(lineno)  # a separator, or the header repeated on a later page
            index += 1
            continue
        if len(row) == 1 and _NUMBER.match(compact(row[0])) and "number" in roles:
            number = compact(row[0])  # the 序号 alone on its line
            taken.add(lineno)
            index += 1
            continue
        barred = "\t" in text or "|" in text or "｜" in text
        filled = [c for c in row if c]
        if "\t" in text and len(filled) >= max(2, len(row) - 1) and row[0] and set(filled) == {row[0]}:
            row = [row[0], *[""] * (len(row) - 1)]  # Word repeats a cell merged across the row
        if piped and _continues(text) and table.rows:
            table.extend(compact(row[0]))  # "【联系方式】 | ||||||": the row above goes on
            taken.add(lineno)
            index += 1
            continue
        if piped and index + 1 < len(lines) and _breaks_into(row, lines[index + 1][1], roles):
            row = [*row, *cells(lines[index + 1][1])]  # the row's last cells on the next line
            taken.add(lineno)
            index += 1
            lineno = lines[index][0]
        if len(row) == 1 or (row[1:] and all(not c for c in row[1:]) and _GROUP.match(row[0])):
            if _is_group(row[0]) and (barred or not piped):
                table.group(row[0])
            elif piped and not barred and index + 1 < len(lines) and "|" in lines[index + 1][1]:
                pending += row[0]  # "5.聚焦…要开展深入宣传阐释," / "精心组织… | 各科室 |"
            elif piped and barred and row[0] and not _is_group(row[0]):
                table.fitted(lineno, [pending + row[0]], number)  # "8.持续深化… |": one cell
                pending, number = "", None
            else:
                break
            taken.add(lineno)
            index += 1
            continue
        if pending:
            row[0] = pending + row[0]
            pending = ""
        if "\t" in text and len(row) < len(roles) and all(row):
            table.fitted(lineno, row, number)  # a web page copied with tabs: merged cells left out
        elif "\t" in text:
            table.positional(lineno, row)
        elif index + 1 == len(lines) and piped and not re.search(r"[|｜]\s*$", text):
            table.fitted(lineno, row, number, cut=True)  # the page stops inside this row
        else:
            table.fitted(lineno, row, number)
        number = None
        taken.add(lineno)
        index += 1
    rows = _levels_split(header, roles, table.rows)
    if unsure:  # the header's columns were not all read: no row is sure of its cells
        doubt = (
            f"表头跨多行，其中“{'、'.join(unsure)}”没有对上列：这一行的单元格可能没有对准表头，"
            "请核对部门和期限"
        )
        rows = [dataclasses.replace(r, doubts=(*r.doubts, doubt)) for r in rows]
    return Table(frozenset(taken), roles, tuple(rows)), index


_SLASHED = re.compile(r"[（(][一二三四]级[/／][一二三四]级(?:[/／][一二三四]级)*[）)]$")


def _levels_split(header: list[str], roles: tuple[str, ...], rows: list[TableRow]) -> list[TableRow]:
    """A task column headed "公开事项(一级/二级)" (崇明区教育局's catalogue) holds its levels
    as "政府信息公开/依申请公开": the last is the item, the others head it."""
    if "task" not in roles or len(header) != len(roles):
        return rows
    if not _SLASHED.search(header[roles.index("task")]):
        return rows
    split: list[TableRow] = []
    for row in rows:
        *groups, task = re.split(r"[/／]", row.cells.get("task", ""))
        if groups and task:
            heading = " ".join(p for p in (row.group, *groups) if p)
            row = TableRow(row.line, {**row.cells, "task": task}, heading, row.doubts)
        split.append(row)
    return split


_BAR = re.compile(r"^\s*[|｜]\s*$")


def _cell_run(lines: list[tuple[int, str]], index: int) -> list[tuple[int, str]]:
    """The cells from ``index`` on when the lines alternate a cell and a line "|"."""
    run: list[tuple[int, str]] = []
    while index + 1 < len(lines) and not _BAR.match(lines[index][1]) and _BAR.match(lines[index + 1][1]):
        run.append((lines[index][0], lines[index][1].strip()))
        index += 2
    return run


def _cells_table(run: list[tuple[int, str]], last_bar: int) -> Table | None:
    """A table copied one cell a line, each followed by "|" (see the module's docstring)."""
    width = 0
    while width < len(run) and _column(run[width][1]) is not None:
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


def _framed_rows(lines: list[tuple[int, str]], index: int) -> tuple[list[list[tuple[int, str]]], int, bool]:
    """The rows of a table copied one cell a line with a line "|" before and after each
    cell, so that two lines "|" end one row and start the next (镇 bzqc): the rows' cells
    with their line numbers, the index after the table, and whether the page stops inside
    the last row (its cell has no bar after it). A row's cells come in order; a line that
    follows a cell without a bar between is more of that cell (a cell broken over lines)."""
    rows: list[list[tuple[int, str]]] = []
    row: list[tuple[int, str]] = []
    at = index + 1
    bars = 1  # the bars since the last cell
    width = 0  # the header's cells
    while at < len(lines):
        lineno, text = lines[at]
        if _BAR.match(text):
            bars += 1
            if bars == 2 and row:  # "|" "|": the row ends, the next starts
                rows.append(row)
                width = width or len(row)
                row = []
        elif bars == 0 and row:
            row[-1] = (row[-1][0], row[-1][1] + text.strip())  # a cell broken over two lines
        elif bars == 1 and row and width and len(row) >= width:
            break  # a full row closed: what follows is not the table's
        elif bars == 1 and not row and rows:
            break  # a row ended by one bar only: the table is over
        else:
            row.append((lineno, text.strip()))
            bars = 0
        at += 1
    cut = bool(row) and bars == 0 and at == len(lines)
    if row and (bars == 1 or cut):
        rows.append(row)
    return rows, at, cut


def _framed_table(lines: list[tuple[int, str]], index: int) -> tuple[Table, int] | None:
    """A table whose cells each stand between lines "|" (see ``_framed_rows``). Its rows
    short of cells lack their first ones, merged with the row above (a web page's
    rowspan); the last row, when the page stops inside it, lacks its last ones."""
    if not _BAR.match(lines[index][1]) or index + 1 >= len(lines) or _BAR.match(lines[index + 1][1]):
        return None
    rows, end, cut = _framed_rows(lines, index)
    if len(rows) < 2:
        return None
    roles = _roles([text for _, text in rows[0]])
    if roles is None:
        return None
    table = _Rows(roles)
    placed = [r for r in roles if r != "number"]
    head = [compact(text) for _, text in rows[0]]
    for k, row in enumerate(rows[1:], start=2):
        texts = [text for _, text in row]
        first = row[0][0]
        if [compact(t) for t in texts] == head:
            continue  # the header repeated on a later page
        if len(texts) == 1 and _is_group(texts[0]):
            table.group(texts[0])
        elif k == len(rows) and cut:
            table.fitted(first, texts, cut=True)
        elif len(texts) == len(roles):
            table.positional(first, texts)
        elif len(texts) < len(placed) or ("number" in roles and len(texts) < len(roles)):
            table.right_aligned(first, texts, {})
        else:
            table.fitted(first, texts)
    taken = {lines[i][0] for i in range(index, end)}
    return Table(frozenset(taken), roles, tuple(table.rows)), end


def _stacked_header(lines: list[tuple[int, str]], index: int) -> tuple[str, ...] | None:
    """A header copied one cell a line with nothing between (序号 / 工作任务 / … / 完成时限)."""
    names: list[str] = []
    while index + len(names) < len(lines):
        text = lines[index + len(names)][1]
        if len(cells(text)) != 1 or _column(text) is None:
            break
        names.append(text)
    return _roles(names) if len(names) >= 3 and "number" in (_roles(names) or ()) else None


def _stacked_table(
    lines: list[tuple[int, str]], index: int, roles: tuple[str, ...]
) -> tuple[Table, int] | None:
    """The rows of a table copied one cell a line (see the module's docstring)."""
    start = index
    index += len(roles)
    taken = {lines[i][0] for i in range(start, index)}
    starts: list[int] = []
    at = index
    while at < len(lines):
        text = compact(lines[at][1])
        if _NUMBER.match(text) and int(re.sub(r"[^0-9]", "", text.translate(_FULL))) == len(starts) + 1:
            starts.append(at)
        elif not starts and not _is_group(text):
            return None  # the first row starts with 序号 1 (after the groups heading it)
        at += 1
    if not starts:
        return None
    longest = max((b - a for a, b in itertools.pairwise(starts)), default=len(roles) + 2)
    table = _Rows(roles)
    for i in range(index, starts[0]):  # the groups heading the first row
        table.group(lines[i][1])
        taken.add(lines[i][0])
    text_roles = [r for r in roles if r in _TEXT_ROLES]
    upcoming: list[str] = []  # groups at the end of a row: they head the next one
    for k, begin in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else min(len(lines), begin + longest)
        body = [lines[i][1].strip() for i in range(begin + 1, stop)]
        taken.update(lines[i][0] for i in range(begin, stop))
        for cell in upcoming:
            table.group(cell)
        upcoming = []
        while len(body) > 1 and _is_group(body[-1]):
            upcoming.insert(0, body.pop())
        values: dict[str, str] = {"number": compact(lines[begin][1])}
        words: list[str] = []
        depts: list[str] = []
        after: list[str] = []
        for cell in body:
            if after or (depts and not _is_departments(cell)):
                after.append(cell)
            elif words and _is_departments(cell):
                depts.append(cell)
            elif not words and _is_group(cell):
                table.group(cell)
            else:
                words.append(cell)
        if len(text_roles) == 2 and len(words) >= 2:
            values["task"], values["detail"] = words[0], "".join(words[1:])
        elif words and text_roles:
            values[text_roles[-1]] = "".join(words)
        dept_roles = [r for r in roles if r in ("lead", "owners", "jointly")]
        if len(depts) > 1 and any(_ROLE_WORD.search(d) for d in depts[:-1]):
            depts = ["".join(depts)]  # one cell over two lines: "市政府办公室牵头，" / "…配合"
            dept_roles = ["owners" if "owners" in dept_roles else dept_roles[-1]]
        for role, cell in zip(dept_roles, depts, strict=False):
            values[role] = cell
        if depts[len(dept_roles) :]:
            values[dept_roles[-1]] += "，" + "，".join(depts[len(dept_roles) :])
        if after and "deadline" in roles:
            values["deadline"] = "".join(after)
        merged = tuple(r for r in roles if r not in values and r != "other")
        table.add(lines[begin][0], values, merged)
        index = stop
    return Table(frozenset(taken), roles, tuple(table.rows)), index


_FULL = str.maketrans("０１２３４５６７８９", "0123456789")
_BARRED_CELL = re.compile(r"^(?P<cell>.*?\S)\s*[|｜]$")  # "工作任务 |": one cell and its bar


def _barred_number(text: str) -> int | None:
    """The 序号 of a line "3 |" (a barred cell holding only a number), else None."""
    cell = _BARRED_CELL.match(text.strip())
    if cell is None or not _NUMBER.match(compact(cell["cell"])):
        return None
    return int(re.sub(r"[^0-9]", "", compact(cell["cell"]).translate(_FULL)))


def _barred_header(lines: list[tuple[int, str]], index: int) -> tuple[tuple[str, ...], int] | None:
    """A header copied one cell a line, each ending in "|" ("工作任务 |" / "具 体 要 求 |"
    …), closed by a line of bars, or with a 序号 column followed at once by the cell "1 |"
    (the rows then start at their 序号). The columns and the lines the header takes."""
    names: list[str] = []
    at = index
    while at < len(lines) and (m := _BARRED_CELL.match(lines[at][1].strip())) and "|" not in m["cell"]:
        if _column(m["cell"]) is None:
            break
        names.append(m["cell"])
        at += 1
    roles = _roles(names) if len(names) >= 2 else None
    if at >= len(lines):
        return None
    if roles is not None and _SEPARATOR.match(lines[at][1]) and "|" in lines[at][1]:
        return roles, len(names) + 1
    # 序号 | 工作任务 | 阶段目标 (西藏 2017's 进度表): with its 序号 and the row "1 |" under it,
    # a table even without an office or a time limit column (each row then asks for both)
    bare = _roles(names, need_rest=False) if len(names) >= 3 and roles is None else roles
    if bare is not None and bare[0] == "number" and _barred_number(lines[at][1]) == 1:
        return bare, len(names)
    return None


def _barred_table(
    lines: list[tuple[int, str]], index: int, roles: tuple[str, ...], numbered: bool = False
) -> tuple[Table, int]:
    """The rows of a table copied one cell a line, each cell ending in "|", a row ended by
    a line of bars ("||", "|||||"), or, when ``numbered``, started by its 序号 1, 2, 3 …;
    a line "|" alone is an empty cell. The cells come whole, so a missing one is missing,
    not merged from the row above."""
    taken: set[int] = set()
    expected = 1  # the 序号 that starts the next row, when ``numbered``
    table = _Rows(roles)
    block: list[str] = []
    first = 0

    placed = [r for r in roles if r != "number"]

    def row_end() -> None:
        filled = [c for c in block if c]
        if numbered and block:  # the row's 序号 first, then its cells
            if len(block) == len(roles):
                table.in_place(first, list(block[1:]), {"number": block[0]})
            elif filled[1:]:
                table.fitted(first, filled[1:], block[0], merge=False)
        elif len(filled) == 1 and _is_group(filled[0]):
            table.group(filled[0])
        elif len(block) == len(placed):  # every cell in its place, the empty ones too
            table.in_place(first, list(block), {})
        elif filled:
            table.fitted(first, filled, merge=False)
        block.clear()

    while index < len(lines):
        lineno, text = lines[index]
        cell = _BARRED_CELL.match(text.strip())
        if _BAR.match(text):
            if block:
                block.append("")  # a line "|" alone: an empty cell
        elif _SEPARATOR.match(text):
            row_end()
        elif cell is not None and "|" not in cell["cell"] and "｜" not in cell["cell"]:
            if numbered and _barred_number(text) == expected:
                row_end()
                expected += 1
            first = first if block else lineno
            block.append(cell["cell"])
        elif block and "|" not in text and "｜" not in text:
            block.append(text.strip())  # a cell without its bar: the page stops inside it
        else:
            break
        taken.add(lineno)
        index += 1
    row_end()
    return Table(frozenset(taken), roles, tuple(table.rows)), index


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
        barred_cells = bar_cells_table(lines, index) if run else None
        if barred_cells is not None:
            tables.append(barred_cells[0])
            index = barred_cells[1]
            continue
        catalogue = catalogue_table(lines, index)
        if catalogue is not None:
            tables.append(catalogue[0])
            index = catalogue[1]
            continue
        catalogue = stacked_catalogue(lines, index)
        if catalogue is not None:
            tables.append(catalogue[0])
            index = catalogue[1]
            continue
        numbered = numbered_cells_catalogue(lines, index)
        if numbered is not None:
            tables.append(numbered[0])
            index = numbered[1]
            continue
        framed = _framed_table(lines, index)
        if framed is not None:
            tables.append(framed[0])
            index = framed[1]
            continue
        cell_lines = cell_line_catalogue(lines, index)
        if cell_lines is not None:
            tables.append(cell_lines[0])
            index = cell_lines[1]
            continue
        barred = _barred_header(lines, index)
        if barred is not None:
            roles, width = barred
            table, at = _barred_table(lines, index + width, roles, numbered=width == len(roles))
            table = Table(table.lines | {n for n, _ in lines[index : index + width]}, table.roles, table.rows)
            tables.append(table)
            index = at
            continue
        stacked = _stacked_header(lines, index)
        if stacked is not None and (found := _stacked_table(lines, index, stacked)) is not None:
            tables.append(found[0])
            index = found[1]
            continue
        header = _header_at(lines, index)
        if header is None:
            index += 1
            continue
        table, index = _line_table(lines, index, *header)
        tables.append(table)
    return tables
