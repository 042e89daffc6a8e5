"""Disclosure catalogues (主动公开事项目录, 政务公开标准目录) as offices receive them: pasted
from a web page with "|" between cells, kept in Word or Excel (tabs), or one cell a line
(a PDF's text layer); a header over several lines, rows running over several lines, runs
of empty cells, cells missing where the page merged them. Pure: lines in, a table
(tables.Table) out.

- The header is two or more lines whose cells all name columns ("序号 | 公开事项 | 公开内容
  (要素) |" / "公开依据 | 公开 时限 |" / "公开 主体 |" …; one cell a line: four or more);
  a line of levels ("一级事项 | 二级事项 | 三级事项 | 全社会 | 特定群体") splits the 公开
  事项 column into its levels (the deepest is the item, the others its groups) and 公开
  对象 / 公开方式 into theirs. It names an item or its content and at least two columns
  not read (公开依据, 公开渠道和载体 …: what makes it a catalogue: 五原县教育局, 雅江县自然
  资源局), or spans three lines or more (a task table's header broken so). On one line,
  it starts with 序号 and no column not read comes before the item's.
- With a 序号 column a row starts at the line whose first cell is the next 序号 and takes
  the lines up to the next one ("《…》 | 信息形成…之日起5个工作日内 | …" under its row, the
  "√" of 全社会 under it); without, a row is a line, and a line starting with a 《…》, a
  time limit, an office or channels is more of the row above. Group rows across the
  table head the rows below; separator lines and a repeated header are skipped.
- A row's filled cells are put in the columns in order, each where what it holds fits
  best, at the least total cost (a 《…》 in 公开依据, "信息形成或者变更之日起20个工作日内"
  in 公开时限, an office in 公开主体, "■政府网站" in the channels, "√" in 公开对象, short
  names in the levels); a column left without a cell is one the page merged or left
  empty: a level is taken from the row above (its rowspan), an empty 公开时限 or 公开主体
  is asked for where the row becomes an item. One cell a line, a cell wrapped over two or
  three lines is joined again by the column it fits. A cell placed where it does not fit
  (公开主体 "自然资源", not an office's name) is kept and said; a row the page stops
  inside says so once: a doubt each.
- Forms of the fourth blind set: a first header line naming the levels as columns (一级目录 |
  二级目录 | 三级目录 | 公开内容, 黄石); rows spread over lines from a 序号 alone (嵩明);
  a line without a 序号 that is a whole row under the 序号 above (溪下乡); two tabbed header
  rows read as one (a Word or Excel table's merged cells, 凤屯镇, 上海市医保局); a 公开主体
  given once above the header, for every row.
"""

from __future__ import annotations

import re

from ...phrases.chinese import compact
from .sentences import _find_phrase
from .table_rows import (
    _CATEGORY,
    _NUMBER,
    Table,
    TableRow,
    _column,
    _is_departments,
    _is_group,
    cells,
    cut_cell,
)

_BASIS = re.compile(r"^(?:公开依据|依据|条款内容)$")
_CHANNEL = re.compile(r"^(?:公开渠道|公开渠道和载体|公开渠道及载体|公开形式|公开方式|公开载体|公开途径)$")
_LIMIT = re.compile(
    r"工作日|之日起|日内|日前|日之前|及时|实时|同步|长期|常态|持续|全年|年内|随时|定期|适时|每年|每季|每月|季度|半年|按月|按季|按年|年底|月底|"
    r"期限|时限|[0-9]+日"
)
_MIN_OTHERS = 2  # columns not read: what tells a catalogue from a task table
_NAMES = {"owners": "公开主体", "deadline": "公开时限"}

# What a cell holds, and what a column takes.
# kinds of cell: text (a short name), prose, limit, office, basis, channel, tick
_SHORT = 12  # a name (一级事项, 二级事项) is short and has no marks; longer text is prose
_COST: dict[str, dict[str, float]] = {
    # column class -> cell kind -> cost of putting that cell there ("prose": long text)
    "level": {"text": 0, "prose": 1, "office": 2, "limit": 3, "basis": 3, "channel": 5, "tick": 5},
    "task": {"text": 0, "prose": 1, "office": 2, "limit": 3, "basis": 3, "channel": 5, "tick": 5},
    "detail": {"text": 0.8, "prose": 0, "office": 2, "limit": 2, "basis": 2, "channel": 5, "tick": 5},
    "deadline": {"limit": 0, "text": 3, "prose": 3, "office": 4, "basis": 5, "channel": 5, "tick": 5},
    "owners": {"office": 0, "text": 3, "prose": 3, "limit": 5, "basis": 5, "channel": 5, "tick": 5},
    "basis": {"basis": 0, "text": 3, "prose": 3, "office": 5, "limit": 5, "channel": 5, "tick": 5},
    "channel": {"channel": 0, "text": 3, "prose": 3, "tick": 3, "office": 5, "limit": 5, "basis": 5},
    "category": {"text": 0, "prose": 2, "office": 3, "limit": 4, "basis": 4, "channel": 4, "tick": 5},
    "other": {"tick": 0, "channel": 1, "text": 3, "prose": 3, "office": 5, "limit": 5, "basis": 5},
}
# a missing level or task is merged with the row above: cheaper to skip than a column
# not read (0.5), so that a short name left over goes to 信息类别 rather than the task
_SKIP = {"level": 0.2, "task": 0.4, "detail": 1, "deadline": 2, "owners": 2}  # else 0.5
_QUOTED = 16  # a cut cell is quoted by its last characters, where the page stops
_DOUBT = 2  # a cell placed at this cost or more does not fit its column: said


# a cell ending in a document's number in brackets cites that document: a 公开依据
_SITE = r"(?:网站|门户|公众号|微博|公开栏|公告栏|客户端|APP)$"
_CITED = r"》[（(][^（()）]*(?:〔[0-9]{4}〕[0-9]+号|令第[0-9]+号)[）)]$"
# a catalogue's item code after its name ("政策法规115001000", 公开事项(编码)): no part of it
_CODE = r"\s*[0-9]{6,}$"


def _uncoded(cell: str) -> str:
    return re.sub(_CODE, "", cell)


def _kind(cell: str) -> str:
    text = compact(_uncoded(cell))
    text = re.sub(r"^[0-9]{1,2}[.．、](?=《)", "", text)  # "1.《条例》": a basis numbered in its cell
    if re.fullmatch(r"[√✓✔]+", text):
        return "tick"
    if "■" in text or "□" in text:
        return "channel"
    if text.startswith("《") and len(text) <= 200 and re.search(r"[》）)]$", text):
        return "basis"
    if len(text) <= 200 and re.search(_CITED, text):
        return "basis"  # "中央办公厅、国务院办公厅《关于…的意见》(中办发〔2016〕8号)"
    if re.search(_SITE, text) and len(text) <= _SHORT:
        return "channel"  # "局门户网站", "政府网站", "微信公众号": where it is published
    if _is_departments(text):
        return "office"
    if len(text) <= 80 and not text.startswith("●") and (_LIMIT.search(text) or _find_phrase(text, "")):
        return "limit"
    return "prose" if len(text) > _SHORT or re.search(r"[，,、;；。●]", text) else "text"


def _class(name: str, role: str) -> str:
    if role in ("group", "task", "detail", "deadline", "owners"):
        return "level" if role == "group" else role
    if role in ("lead", "jointly"):
        return "owners"
    bare = re.sub(r"\s+", "", name)
    bare = re.sub(r"[（(][^（()）]*[）)]$", "", bare)
    if _BASIS.match(bare):
        return "basis"
    if _CATEGORY.match(bare):
        return "category"
    if _CHANNEL.match(bare):
        return "channel"
    return "other"


def _header(
    lines: list[tuple[int, str]], index: int, stacked: bool = False, spread: bool = False
) -> tuple[list[tuple[str, str]], int] | None:
    """The columns (name, role) of a header over several lines from ``index``, and the
    index after it; None unless it is a catalogue's (see the module's docstring)."""
    main: list[tuple[str, str]] = []
    levels: list[str] = []
    subs: list[str] = []
    at = index
    widest = 0  # the most names on one line
    while at < len(lines) and _barred(lines[at][1]) != stacked:
        names = [c for c in cells(lines[at][1]) if c]
        roles = [_column(c) for c in names]
        if not names or None in roles or (stacked and len(names) > 1):
            break
        columns_first = at == index and any(r in ("detail", "deadline", "owners") for r in roles)
        if ("group" in roles and not columns_first) or (stacked and levels):  # levels, sub-columns
            levels += [n for n, r in zip(names, roles, strict=True) if r == "group"]
            subs += [n for n, r in zip(names, roles, strict=True) if r != "group"]
        else:  # "一级目录 | 二级目录 | 三级目录 | 公开内容 | …" (黄石): the levels are columns
            main += [(n, r) for n, r in zip(names, roles, strict=True) if r is not None]
        widest = max(widest, len(names))
        at += 1
    numbered = bool(main) and main[0][1] == "number"
    if at - index < (4 if stacked else 1) or not main or (stacked and not numbered):
        return None
    if not stacked and widest < 2:
        return None  # a cell a line, each ending in "|": tables.py reads those (宣城)
    item = next((i for i, (_, r) in enumerate(main) if r in ("task", "detail", "group")), len(main))
    if at - index == 1 and (not numbered or any(r == "other" for _, r in main[:item])):
        return None  # one line, a column not read before the item's: its rows lack their first cells (门头沟)
    if not levels and "task" not in [r for _, r in main] and "group" in [r for _, r in main]:
        deepest = max(i for i, (_, r) in enumerate(main) if r == "group")
        main[deepest] = (main[deepest][0], "task")  # the deepest level is the item
    columns: list[tuple[str, str]] = []
    for name, role in main:
        if role == "task" and levels:
            columns += [(level, "group") for level in levels[:-1]] + [(levels[-1], "task")]
        else:
            columns.append((name, role))
    columns += [(name, "other") for name in subs]
    roles_only = [r for _, r in columns]
    others = sum(r == "other" for r in roles_only)
    has_item = "task" in roles_only or "detail" in roles_only
    if (
        (others < (1 if spread else _MIN_OTHERS) and (stacked or at - index < 3))  # a catalogue
        or not has_item
        or len(set(r for r in roles_only if r not in ("other", "group")))
        != len([r for r in roles_only if r not in ("other", "group")])
    ):
        return None
    return columns, at


def _merged_header(lines: list[tuple[int, str]], index: int) -> str | None:
    """Two header rows of a Word or Excel table (tabs, a cell in its place) as one: where
    the upper row's cell spans columns, Word repeats its name ("公开事项 | 公开事项") and
    Excel leaves the others empty; where it spans both rows, the lower row repeats it or is
    empty. Each column is named by its lower cell, else by its upper one (凤屯镇's .docx:
    "公开事项 公开事项" over "一级事项 二级事项"); None unless both are such rows."""
    if index + 1 >= len(lines) or "\t" not in lines[index][1] or "\t" not in lines[index + 1][1]:
        return None
    upper, lower = lines[index][1].split("\t"), lines[index + 1][1].split("\t")
    if len(upper) != len(lower):
        return None
    names = [(b or a).strip() for a, b in zip(upper, lower, strict=True)]
    spanned = any(a.strip() and a == upper[i + 1] for i, a in enumerate(upper[:-1])) or "" in upper
    if not spanned or any(not n or _column(n) is None for n in names):
        return None
    return "\t".join(names)


def _barred(text: str) -> bool:
    """A line of a table's cells: "|" between them (a web page), or tabs (Word, Excel)."""
    return "|" in text or "｜" in text or "\t" in text


def _lone_bar(text: str) -> bool:
    """A line "|" alone: inside a row spread over lines, an empty cell (嵩明)."""
    return not [c for c in cells(text) if c] and _barred(text)


def _lone_number(text: str) -> int | None:
    """The 序号 of a line holding only it, with its bar or without ("3 |", "3")."""
    squeezed = compact(text).strip("|｜")
    return int(squeezed) if re.fullmatch(r"[0-9]{1,3}", squeezed) else None


def _row_number(text: str) -> int | None:
    first = next((c for c in cells(text) if c), "")
    squeezed = compact(first)
    return int(re.sub(r"[^0-9]", "", squeezed)) if _NUMBER.match(squeezed) and _barred(text) else None


def _kinds(line: str) -> set[str]:
    """What the filled cells of a line hold (see _kind)."""
    return {_kind(c) for c in cells(line) if c}


def _sub_row(text: str, above: set[str]) -> bool:
    """A line without a 序号 that is a whole row of its own, under the 序号 of the row
    above (序号 only on a group's first row: 溪下乡's catalogue): the row above (``above``:
    what its cells hold) is whole, with a time limit and an office, and the line starts
    with a name and holds a time limit and an office of its own. Else it is more of the
    row above."""
    if not {"limit", "office"} <= above or not _barred(text) or _row_number(text) is not None:
        return False
    filled = [c for c in cells(text) if c]
    if len(filled) < 3 or _kind(filled[0]) not in ("text", "prose"):
        return False
    return {"limit", "office"} <= {_kind(c) for c in filled[1:]}


def _group_line(text: str) -> str | None:
    """A group row across the table ("二、公共服务 | ||||||"): its one cell, else None."""
    filled = [c for c in cells(text) if c]
    return filled[0] if _barred(text) and len(filled) == 1 and _is_group(filled[0]) else None


def _between(lines: list[tuple[int, str]], at: int, header: list[str]) -> int | None:
    """The lines from ``at`` that lie between two rows and are not read as cells: the
    header repeated on a later page, a separator line of bars; None when there are none."""
    text = lines[at][1]
    if not [c for c in cells(text) if c] and _barred(text):
        return at + 1  # "||||||"
    if [compact(c) for c in cells(text) if c] == header:
        found = _header(lines, at)
        return found[1] if found is not None else at + 1
    return None


def _align(row: list[str], classes: list[str], cut: bool = False) -> list[int] | None:
    """The column of each cell (in order, each column at most one cell), at the least
    cost; None when the row has more cells than columns."""
    n, m = len(row), len(classes)
    if n > m:
        return None
    kinds = [_kind(c) for c in row]
    if cut and row and row[-1].startswith("《"):
        kinds[-1] = "basis"  # "《中华人": the page stops inside the 公开依据
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[0] * (m + 1) for _ in range(n + 1)]  # 1: cell i-1 in column j-1
    best[0][0] = 0.0
    for j in range(1, m + 1):
        best[0][j] = best[0][j - 1] + _SKIP.get(classes[j - 1], 0.5)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            skip = best[i][j - 1] + _SKIP.get(classes[j - 1], 0.5)
            put = best[i - 1][j - 1] + _COST[classes[j - 1]][kinds[i - 1]]
            best[i][j], back[i][j] = (put, 1) if put <= skip else (skip, 0)
    placed = [0] * n
    i, j = n, m
    while i > 0:
        if back[i][j] == 1:
            placed[i - 1] = j - 1
            i -= 1
        j -= 1
    return placed


_JOIN = 0.6  # the cost of each line joined to the one above it in one cell
_WRAP = 3  # at most so many lines to a cell


def _joined(row: list[str], classes: list[str]) -> list[str]:
    """A row copied one cell a line (a PDF's text layer), where a long cell wraps over two
    or three lines: the lines each column takes, at the least cost, joined into its cell
    ("信息形成或者变更之日" / "起20个工作日内" is one 公开时限). Columns in order; a
    column takes no line, one, or up to ``_WRAP`` lines in a row."""
    n, m = len(row), len(classes)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[0] * (m + 1) for _ in range(n + 1)]  # lines the column took
    best[0][0] = 0.0
    for j in range(1, m + 1):
        for i in range(n + 1):
            best[i][j] = best[i][j - 1] + _SKIP.get(classes[j - 1], 0.5)
            for k in range(1, min(_WRAP, i) + 1):
                cost = (
                    best[i - k][j - 1]
                    + _COST[classes[j - 1]][_kind("".join(row[i - k : i]))]
                    + _JOIN * (k - 1)
                )
                if cost < best[i][j]:
                    best[i][j], back[i][j] = cost, k
    if best[n][m] == inf:
        return row
    cells_: list[str] = []
    i, j = n, m
    while j > 0:
        k = back[i][j]
        if k:
            cells_.insert(0, "".join(row[i - k : i]))
            i -= k
        j -= 1
    return cells_ if i == 0 else row


def catalogue_table(lines: list[tuple[int, str]], index: int) -> tuple[Table, int] | None:
    """A disclosure catalogue whose header starts at ``index``, and the index after it.
    With a 序号 column a row runs from its 序号 to the next; without, a row is a line, and
    a line whose first cell is no item's (a 《…》, a time limit, an office, channels, √)
    is more of the row above."""
    found = _header(lines, index)
    if found is None and (spread := _header(lines, index, spread=True)) is not None:
        after = spread[1]  # a row over several lines, its 序号 alone on the first (嵩明)
        found = spread if after < len(lines) and _lone_number(lines[after][1]) == 1 else None
    merged = _merged_header(lines, index) if found is None else None
    if merged is not None:  # two header rows of a Word or Excel table read as one
        found = _header([*lines[:index], (lines[index][0], merged), *lines[index + 2 :]], index)
        if found is not None:
            found = found[0], found[1] + 1
    if found is None:
        return None
    columns, at = found
    numbered = columns[0][1] == "number"
    spread_rows = numbered and at < len(lines) and _lone_number(lines[at][1]) is not None

    def _number_at(text: str) -> int | None:  # "3" alone is a 序号 where rows are spread
        number = _row_number(text)
        return _lone_number(text) if number is None and spread_rows else number

    def _row_line(text: str) -> bool:
        return _barred(text) or (spread_rows and _lone_number(text) is not None)

    row_at = at  # the first row, after the group rows heading it
    while row_at < len(lines) and _group_line(lines[row_at][1]) is not None:
        row_at += 1
    first = _number_at(lines[row_at][1]) if row_at < len(lines) else None
    if row_at >= len(lines) or (numbered and first is None) or not _row_line(lines[row_at][1]):
        return None
    body = [c for c in columns if c[1] != "number"]
    classes = [_class(name, role) for name, role in body]
    taken = {lines[i][0] for i in range(index, at)}
    rows: list[TableRow] = []
    above: dict[int, str] = {}  # the levels of the row above, by column
    head = [compact(c) for c in cells(lines[index][1]) if c]
    group = ""  # a group row across the table heads the rows below it
    expected = first or 0  # 1, or the row a page starts with

    sub = False  # the row being read has no 序号 of its own: the next one is ``expected``
    holds: set[str] = set()  # what the cells of the row being read hold
    last: set[str] = set()  # what the cells of the row read last hold

    def starts_row(text: str) -> bool:
        if numbered:
            return _number_at(text) == (expected if sub else expected + 1) or _sub_row(text, holds)
        filled = [c for c in cells(text) if c]
        return bool(filled) and _kind(filled[0]) in ("text", "prose")

    while at < len(lines):
        skip = _between(lines, at, head)
        heading = _group_line(lines[at][1]) if skip is None else None
        if heading is not None:
            group, skip = compact(heading), at + 1
            if numbered and skip < len(lines) and _row_number(lines[skip][1]) == 1:
                expected = 1  # the 序号 start again under each group
        if skip is not None:
            taken.update(lines[i][0] for i in range(at, skip))
            at = skip
            continue
        sub = numbered and bool(rows) and _sub_row(lines[at][1], last)  # under the 序号 above
        if not _row_line(lines[at][1]) or (numbered and not sub and _number_at(lines[at][1]) != expected):
            break
        start = at
        holds = _kinds(lines[at][1])
        at += 1
        while (
            at < len(lines)
            and (_row_line(lines[at][1]) or cut_cell(lines, at))
            and not starts_row(lines[at][1])
            and _group_line(lines[at][1]) is None
            and (_between(lines, at, head) is None or (spread_rows and _lone_bar(lines[at][1])))
        ):
            holds |= _kinds(lines[at][1])
            at += 1
        last = holds
        piped = any("|" in lines[i][1] or "｜" in lines[i][1] for i in range(start, at))
        cut = piped and at == len(lines) and not re.search(r"[|｜]\s*$", lines[at - 1][1])
        filled = [c for i in range(start, at) for c in cells(lines[i][1]) if c]
        taken.update(lines[i][0] for i in range(start, at))
        if sub:
            number = rows[-1].cells.get("number", "")
        else:
            number, filled = (filled[0], filled[1:]) if numbered else ("", filled)
        row = _row(lines[start][0], number, filled, body, classes, above, cut)
        if group:
            row = TableRow(row.line, row.cells, f"{group} {row.group}".strip(), row.doubts)
        rows.append(row)
        expected += 0 if sub else 1
    roles = tuple(r for _, r in columns)
    standing = _standing_owner(lines, index)
    if standing is not None:  # "公开主体：某某乡人民政府" above the table: every row's
        taken.add(lines[standing[0]][0])
        rows = [
            TableRow(r.line, {**r.cells, "owners": r.cells.get("owners") or standing[1]}, r.group, r.doubts)
            for r in rows
        ]
    return Table(frozenset(taken), roles, tuple(rows)), at


_STANDING = re.compile(r"^(?:公开主体|责任主体|责任单位|公开单位|发布主体)\s*[：:]\s*(\S.{0,40})$")
_LOOK_BACK = 3  # the lines above a catalogue's header where its 公开主体 may be given


def _standing_owner(lines: list[tuple[int, str]], index: int) -> tuple[int, str] | None:
    """A 公开主体 given once above a catalogue's header ("公开主体：某某乡人民政府"), for
    the rows whose 公开主体 cell is empty or that have no such column: the line's index and
    the name; None when there is none, or when it does not read as an office."""
    for at in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
        text = lines[at][1].strip()
        if _barred(text):
            return None
        found = _STANDING.match(compact(text))
        if found is not None:
            name = found[1].rstrip("。；;，,")
            return (at, name) if _is_departments(name) else None
    return None


def _row(
    line: int,
    number: str,
    rest: list[str],
    columns: list[tuple[str, str]],
    classes: list[str],
    above: dict[int, str],
    cut: bool,
    lines_are_cells: bool = False,
) -> TableRow:
    """One row's filled cells put in their columns (see the module's docstring)."""
    if lines_are_cells:  # a cell wrapped over lines: the lines a column takes joined
        rest = _joined(rest, classes)
    placed = _align(rest, classes, cut)
    doubts: list[str] = []
    if placed is None:  # more cells than columns: the extra ones joined to the content
        width = len(classes)
        rest = [*rest[: width - 1], " ".join(rest[width - 1 :])]
        placed = list(range(len(rest)))
        doubts.append("这一行的格子比表头多，无法确定各格所属的栏目：请核对")
    values: dict[str, str] = {"number": compact(number)}
    at_column = dict(zip(placed, rest, strict=True))
    groups: list[str] = []
    for j, (_, role) in enumerate(columns):
        cell = at_column.get(j)
        if cell is not None and role in ("group", "task"):
            cell = _uncoded(cell)
        if role == "group":
            cell = cell or above.get(j, "")  # merged with the row above
            above[j] = cell
            if cell:
                groups.append(compact(cell))
            continue
        if role == "task" and not cell:
            cell = above.get(j, "")
        if role == "task":
            above[j] = cell or ""
        if cell is None or role == "other":
            continue  # an empty 公开时限 or 公开主体 is said where the row becomes an item
        values[role] = cell
        if _COST[classes[j]][_kind(cell)] >= _DOUBT and role in _NAMES:
            like = "单位名称" if role == "owners" else "期限"
            doubts.append(f"{_NAMES[role]}一栏写的是“{compact(cell)}”，不像{like}：请核对")
    if not cut and all(role != "owners" for _, role in columns):  # no 公开主体 column (十堰市林业局)
        office = next(
            (c for j, c in at_column.items() if classes[j] in ("channel", "other") and _kind(c) == "office"),
            "",
        )
        if office or above.get(-1):  # an office in a column not read; else the one above, merged
            values["owners"] = above[-1] = office or above[-1]
            doubts += (
                [] if office else [f"这一行没有单位：取自上一行的“{above[-1]}”（合并的单元格？），请核对"]
            )
    if cut:  # the page stops inside the row: its last cell is not whole, whatever it reads as
        last = compact((rest or [number])[-1])
        last = last if len(last) <= _QUOTED else "…" + last[-_QUOTED:]  # where it stops
        doubts = [f"网页在这一行中断：最后一格“{last}”不完整，本行各栏请与原文核对"]
    return TableRow(line, values, " ".join(groups), tuple(doubts))


def stacked_catalogue(lines: list[tuple[int, str]], index: int) -> tuple[Table, int] | None:
    """A catalogue copied one cell a line with nothing between (a PDF's text layer, a page
    copied cell by cell): the header a column a line, each row from the line holding only
    its 序号 to the next; the cells put in their columns as in a catalogue with bars."""
    found = _header(lines, index, stacked=True)
    if found is None:
        return None
    columns, at = found
    if at >= len(lines) or not re.fullmatch(r"[0-9]{1,3}", compact(lines[at][1])):
        return None
    classes = [_class(name, role) for name, role in columns[1:]]
    taken = {lines[i][0] for i in range(index, at)}
    rows: list[TableRow] = []
    above: dict[int, str] = {}
    group = ""
    longest = len(columns)  # the lines of the longest row yet
    expected = int(compact(lines[at][1]))
    while at < len(lines):
        text = compact(lines[at][1])
        if _is_group(text) and rows:
            group = text
            taken.add(lines[at][0])
            at += 1
            continue
        if text != str(expected):
            break
        start = at
        # the row runs to the next 序号; the last one as long as the longest row before it
        reach = min(len(lines), start + len(columns) * _WRAP)
        ahead = (i for i in range(start + 1, reach) if compact(lines[i][1]) == str(expected + 1))
        stop = next(ahead, min(len(lines), start + longest))
        at += 1
        while at < stop and not _is_group(compact(lines[at][1])) and not _barred(lines[at][1]):
            at += 1
        longest = max(longest, at - start)
        filled = [lines[i][1].strip() for i in range(start, at) if lines[i][1].strip()]
        taken.update(lines[i][0] for i in range(start, at))
        row = _row(
            lines[start][0], filled[0], filled[1:], columns[1:], classes, above, False, lines_are_cells=True
        )
        if group:
            row = TableRow(row.line, row.cells, f"{group} {row.group}".strip(), row.doubts)
        rows.append(row)
        expected += 1
    return Table(frozenset(taken), tuple(r for _, r in columns), tuple(rows)), at
