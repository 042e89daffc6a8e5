"""Disclosure catalogues copied one cell a line, each cell ending in " |" (文昌市应急管理局's
救灾 catalogue): the header's cells, a line of bars (`|||`), the second header row naming
the levels of 公开事项 (一级事项 | 二级事项) and the sub-columns of 公开对象 and 公开方式
(全社会 | 特定 | 主动 | 依申请公开), another line of bars; then the rows, each ended by a
line of bars, the 一级事项 only on its group's first row (a web page's rowspan), the
site's 责任编辑: / 相关稿件 lines after the last. Each row's filled cells are put in the
columns by what they hold, as in any catalogue (catalogue._row): a level missing is the
row above's, √ goes to 公开对象. The document's last line, without its bar, is the page
stopping inside that cell. Also tables copied a cell at a time with a line "|" after
each (bar_cells_table). Pure: lines in, a table out."""

from __future__ import annotations

import re

from ...phrases.chinese import compact
from .catalogue import _class, _row
from .table_rows import _NUMBER, _SEPARATOR, Table, TableRow, _column, _is_group, _roles, _Rows, cut_cell

_CELL = r"^(?P<cell>.*?\S)\s*[|｜]$"  # "公开事项 |": one cell and its bar
_OTHERS_MIN = 2  # columns not read: what tells a catalogue from a task table
_NAMES_MIN = 4  # header cells, one a line


def _cell(text: str) -> str | None:
    found = re.match(_CELL, text.strip())
    if found is None or "|" in found["cell"] or "｜" in found["cell"]:
        return None
    return found["cell"]


def _separator(text: str) -> bool:
    return bool(_SEPARATOR.match(text)) and text.count("|") + text.count("｜") >= 2


def _names(lines: list[tuple[int, str]], at: int) -> tuple[list[str], int]:
    """The header cells one a line from ``at`` (each naming a column), and the index after."""
    names: list[str] = []
    while at < len(lines) and (cell := _cell(lines[at][1])) is not None and _column(cell) is not None:
        names.append(cell)
        at += 1
    return names, at


def _columns(main: list[str], second: list[str]) -> list[tuple[str, str]] | None:
    """The columns (name, role) of the header and its second row of levels and
    sub-columns; None unless it is a catalogue's."""
    levels = [n for n in second if _column(n) == "group"]
    subs = [n for n in second if _column(n) != "group"]
    columns: list[tuple[str, str]] = []
    for name in main:
        role = _column(name) or "other"
        if role == "task" and levels:
            columns += [(level, "group") for level in levels[:-1]] + [(levels[-1], "task")]
        else:
            columns.append((name, role))
    columns += [(name, "other") for name in subs]
    roles = [r for _, r in columns if r not in ("other", "group")]
    others = sum(r == "other" for _, r in columns)
    if others < _OTHERS_MIN or not {"task", "detail"} & set(roles) or len(set(roles)) != len(roles):
        return None
    # a catalogue's own columns (公开依据, 公开渠道) or levels: 完成情况 | 备注 are a task table's
    if not levels and not any(_class(n, r) in ("basis", "channel") for n, r in columns):
        return None
    return columns


def cell_line_catalogue(lines: list[tuple[int, str]], index: int) -> tuple[Table, int] | None:
    """The catalogue whose header starts at ``index`` (see the module's docstring), and
    the index after it; None when there is none."""
    main, at = _names(lines, index)
    if len(main) < _NAMES_MIN or at >= len(lines) or not _separator(lines[at][1]):
        return None
    at += 1
    second, after = _names(lines, at)
    if second and after < len(lines) and _separator(lines[after][1]):
        at = after + 1
    else:
        second = []
    columns = _columns(main, second)
    if columns is None:
        return None
    numbered = columns[0][1] == "number"
    body = [c for c in columns if c[1] != "number"]
    classes = [_class(name, role) for name, role in body]
    taken = {lines[i][0] for i in range(index, at)}
    rows: list[TableRow] = []
    above: dict[int, str] = {}
    group = ""
    block: list[str] = []
    first = 0
    cut = False

    def row_end() -> None:
        nonlocal group
        filled = [c for c in block if c]
        if len(filled) == 1 and _is_group(filled[0]):
            group = compact(filled[0])
        elif filled:
            number = filled.pop(0) if numbered and _NUMBER.match(compact(filled[0])) else ""
            row = _row(first, number, filled, body, classes, above, cut)
            rows.append(TableRow(row.line, row.cells, f"{group} {row.group}".strip(), row.doubts))
        block.clear()

    while at < len(lines):
        lineno, text = lines[at]
        cell = _cell(text)
        if _separator(text):
            row_end()
        elif re.match(r"^\s*[|｜]\s*$", text):
            block.append("")  # a line "|" alone: an empty cell
        elif cell is not None:
            first = first if block else lineno
            block.append(cell)
        elif block and cut_cell(lines, at):
            cut = True
            block.append(text.strip())
        else:
            break
        taken.add(lineno)
        at += 1
    row_end()
    if not rows:
        return None
    return Table(frozenset(taken), tuple(r for _, r in columns), tuple(rows)), at


_BAR = re.compile(r"^\s*[|｜]\s*$")


def bar_cells_table(lines: list[tuple[int, str]], index: int) -> tuple[Table, int] | None:
    """A table copied one cell at a time, a cell over one or more lines and a line "|"
    after each, without 序号 (a town's 公开目录 on a mirror, set 5's 08): the header's
    cells, then rows of as many cells; a last row short of cells is where the page
    stops."""
    found: list[tuple[int, str]] = []  # (first line, cell text)
    at = index
    block: list[tuple[int, str]] = []
    while at < len(lines):
        lineno, text = lines[at]
        if _BAR.match(text):
            if not block:
                break
            found.append((block[0][0], " ".join(t.strip() for _, t in block)))
            block = []
        elif not text.strip() or len(block) >= 4:
            break
        else:
            block.append((lineno, text))
        at += 1
    width = 0
    while width < len(found) and _column(found[width][1]) is not None:
        width += 1
    roles = _roles([t for _, t in found[:width]])
    if roles is None or width < 3 or "number" in roles or len(found) < 2 * width:
        return None
    if any(_NUMBER.match(compact(t)) for _, t in found[width:]):
        return None  # a 序号 among the cells: rows that cannot be told apart (see tables._cells_table)
    end = at
    if block:  # the page stops inside a row: its last cell without the "|"
        found.append((block[0][0], " ".join(t.strip() for _, t in block)))
    table = _Rows(roles)
    body = found[width:]
    for start in range(0, len(body), width):
        chunk = body[start : start + width]
        cells_ = [
            compact(t) if r in ("task", "detail") else t for r, (_, t) in zip(roles, chunk, strict=False)
        ]
        if len(chunk) == width:
            table.in_place(chunk[0][0], cells_, {})
        else:
            table.fitted(chunk[0][0], cells_, cut=True)
    taken = frozenset(n for n, _ in lines[index:end]) | frozenset(n for n, _ in block)
    return Table(taken, roles, tuple(table.rows)), end
