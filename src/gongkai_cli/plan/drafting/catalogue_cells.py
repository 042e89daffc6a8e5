"""Disclosure catalogues copied one cell a line, each cell ending in " |" (文昌市应急管理局's
救灾 catalogue): the header's cells, a line of bars (`|||`), the second header row naming
the levels of 公开事项 (一级事项 | 二级事项) and the sub-columns of 公开对象 and 公开方式
(全社会 | 特定 | 主动 | 依申请公开), another line of bars; then the rows, each ended by a
line of bars, the 一级事项 only on its group's first row (a web page's rowspan), the
site's 责任编辑: / 相关稿件 lines after the last. Each row's filled cells are put in the
columns by what they hold, as in any catalogue (catalogue._row): a level missing is the
row above's, √ goes to 公开对象. The document's last line, without its bar, is the page
stopping inside that cell. Pure: lines in, a table out."""

from __future__ import annotations

import re

from ...phrases.chinese import compact
from .catalogue import _class, _row
from .table_rows import _NUMBER, _SEPARATOR, Table, TableRow, _column, _is_group, cut_cell

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
