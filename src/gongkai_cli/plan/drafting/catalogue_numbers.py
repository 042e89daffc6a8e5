"""Catalogues copied one cell a line without a 序号 column, whose rows are told by the
number written before a cell (国家林业和草原局主动公开基本目录 on a mirror: header 类别 |
工作事项 | 公开内容 | 公开时限 | 公开方式 | 责任主体, a line each; then "1" / 主要职责 / "1" /
国家林业和草原局主要职责 / 形成或变更之日起20个工作日内 / 局门户网站 / 人事司).

- The header is four or more lines, each the name of one column the reader knows, with an
  item (工作事项, 公开事项 …) and an office or a time limit among them, and no 序号 (a
  header with one is stacked_catalogue's).
- A row starts at a line holding only the next number (1, 2, 3 …); the same number again
  inside the row (before the 公开内容) is no cell. A category cell numbered its own way
  ("2.政策" / "法规", the first column's, over one or two lines) between rows heads the
  rows below it.
- The cells of a row are put in the columns as in any catalogue copied one cell a line
  (catalogue._row): a cell wrapped over two lines is joined again, an item cell missing is
  merged from the row above (rows 10-12 under 政务公开).
- The page stopping inside the last row (the document ends there, without its office) is
  that row's doubt.

Pure: lines in, a table out."""

from __future__ import annotations

import re

from ...phrases.chinese import compact
from .catalogue import _class, _kind, _row
from .table_rows import Table, TableRow, _column

_NAMES_MIN = 4  # header cells, one a line
_LONE = r"^[0-9]{1,3}$"
_CATEGORY_CELL = r"^[0-9]{1,2}[.．、](?![0-9])\S"  # "1.政务", "3.林业和草原政务与信息公开"
_CATEGORY_LINES = 2  # a category cell over at most two lines


def _header(lines: list[tuple[int, str]], index: int) -> list[tuple[str, str]] | None:
    columns: list[tuple[str, str]] = []
    at = index
    while at < len(lines):
        name = compact(lines[at][1])
        role = _column(name)
        if role is None or "|" in name or "｜" in name or "\t" in lines[at][1]:
            break
        columns.append((name, role))
        at += 1
    roles = [r for _, r in columns]
    if len(columns) < _NAMES_MIN or "number" in roles or "task" not in roles:
        return None
    if not {"owners", "deadline"} & set(roles) or len({r for r in roles if r != "other"}) != len(
        [r for r in roles if r != "other"]
    ):
        return None
    return columns


def _number(text: str) -> int | None:
    squeezed = compact(text)
    return int(squeezed) if re.fullmatch(_LONE, squeezed) else None


def numbered_cells_catalogue(lines: list[tuple[int, str]], index: int) -> tuple[Table, int] | None:
    """The catalogue whose header starts at ``index`` (see the module's docstring), and
    the index after it; None when there is none."""
    columns = _header(lines, index)
    if columns is None:
        return None
    at = index + len(columns)
    group: list[str] = []
    while at < len(lines) and re.match(_CATEGORY_CELL, compact(lines[at][1])) and not group:
        group = [compact(lines[at][1])]
        at += 1
        if at < len(lines) and _number(lines[at][1]) is None and len(group) < _CATEGORY_LINES:
            group.append(compact(lines[at][1]))
            at += 1
    if at >= len(lines) or _number(lines[at][1]) != 1:
        return None
    # a category column (类别) is read as the rows' group, not as a cell
    body = [(n, r) for n, r in columns if _class(n, r) != "category"]
    classes = [_class(n, r) for n, r in body]
    taken = {lines[i][0] for i in range(index, at)}
    rows: list[TableRow] = []
    above: dict[int, str] = {}
    expected = 1
    longest = len(body) * 3  # a row of more lines than its cells can wrap to: no row
    while at < len(lines) and _number(lines[at][1]) == expected:
        start = at
        at += 1
        cells: list[str] = []
        heading: list[str] = []
        while at < len(lines) and _number(lines[at][1]) != expected + 1 and len(cells) < longest:
            text = compact(lines[at][1])
            if _number(text) == expected:
                at += 1  # the number again, before the 公开内容: the lines above are the item's
                cells = ["".join(cells)] if cells else cells
                continue
            ends = bool(cells) and _kind(cells[-1]) == "office"
            if ends and (heading or re.match(_CATEGORY_CELL, text)) and len(heading) < _CATEGORY_LINES:
                heading.append(text)  # the next category, after the row's office
            elif heading:
                break
            else:
                cells.append(lines[at][1].strip())
            at += 1
        cut = at >= len(lines) and not heading and (not cells or _kind(cells[-1]) != "office")
        if not cells or (at < len(lines) and _number(lines[at][1]) != expected + 1 and not heading):
            at = start
            break
        taken.update(lines[i][0] for i in range(start, at))
        row = _row(lines[start][0], str(expected), cells, body, classes, above, cut, lines_are_cells=True)
        rows.append(TableRow(row.line, row.cells, f"{''.join(group)} {row.group}".strip(), row.doubts))
        if heading:
            group = ["".join(heading)]
        expected += 1
    if len(rows) < 2:
        return None
    roles = ("number", *(r for _, r in body))
    return Table(frozenset(taken), roles, tuple(rows)), at
