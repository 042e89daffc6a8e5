"""Task tables (任务分工表, 任务分解责任清单, 重点任务台账): 序号 | 工作任务 | 责任单位 | 完成时限.

One table model (Table, TableRow), several readers into it. A ``.docx`` table and an
``.xlsx`` ledger arrive as one tab-separated line a row (files/office.py), a PDF's text
layer and a web page as whatever the copy gives; this module reads them all from the
document's lines. Pure: lines in, rows out.

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
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ...phrases.chinese import compact
from .brackets import _assignment
from .departments import _DEPT_END
from .sentences import _find_phrase

COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("number", re.compile(r"^(?:序号|编号|序)$")),
    ("lead", re.compile(r"^(?:牵头单位|牵头部门|牵头处室|牵头科室|牵头|主办单位|主办部门)$")),
    (
        "owners",
        re.compile(
            r"^(?:责任单位|责任部门|责任科室|责任处室|责任主体|落实单位|落实部门|落实处室|落实科室|落实主体|"
            r"负责单位|负责部门|负责处室|负责科室|承办单位|承办部门|实施单位|实施主体|责任单位及责任人|"
            r"公开责任|公开责任单位|公开责任部门|公开责任科室|公开主体)$"
        ),
    ),
    (
        "jointly",
        re.compile(r"^(?:配合单位|配合部门|配合处室|配合科室|协办单位|协办部门|会办单位|会办处室|参与单位)$"),
    ),
    (
        "deadline",
        re.compile(
            r"^(?:完成时限|时限要求|完成时间|时间要求|时限|完成期限|时间节点|完成时间节点|整改时限|整改期限|"
            r"办结时限|时间安排|进度安排|截止时间|公开时限)$"
        ),
    ),
    (
        "detail",
        re.compile(
            r"^(?:具体要求|具体工作要求|工作要求|主要内容|具体内容|工作措施|具体任务|具体措施|任务内容|工作目标|整改措施|"
            r"具体工作|工作举措|主要措施|落实措施|推进措施|工作标准|公开内容|公开要求)$"
        ),
    ),
    (
        "task",
        re.compile(
            r"^(?:(?:主要|重点)?工作任务|重点任务|主要任务|任务名称|工作内容|目标任务|任务|工作事项|事项|问题清单|存在问题|"
            r"重点工作|主要工作|工作重点|工作项目|公开事项|任务事项|问题|整改事项|事项名称|公开事项名称|业务事项)$"
        ),
    ),
    (
        "other",
        re.compile(
            r"^(?:备注|完成情况|进展情况|责任领导|分管领导|责任人|联系人|整改情况|"
            r"公开依据|条款内容|公开渠道|公开形式|公开方式|公开对象|公开链接|公开载体|信息类别|具体职责|内容标准|公开标准)$"
        ),
    ),
)
_TEXT_ROLES = ("task", "detail")
_TAIL_ROLES = ("lead", "owners", "jointly", "deadline")
_SPLIT_SPACES = re.compile(r"[ \u3000]{2,}")
_GROUP = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、，,．.]|[（(]\s*[一二三四五六七八九十]+\s*[）)])")
_SEPARATOR = re.compile(r"^[\s|｜+:：\-—_=]*$")  # ||||||, |---|---|, +----+
_NUMBER = re.compile(r"^[0-9０-９]{1,3}[.、．]?$")
_GROUP_MAX = 40  # a group cell is a heading: short
_ROLE_WORD = re.compile(r"牵头|负责|配合|落实|协同|督促")


@dataclass(frozen=True)
class TableRow:
    line: int
    cells: dict[str, str]  # column role ("task", "owners", …) → the cell's text
    group: str  # the numbered cells heading this row, or ""


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


_LEVEL = re.compile(r"^[一二三四五六七八九十]级(?:指标|任务|目录|事项)$")  # 一级指标 … 五级指标


def _column(cell: str) -> str | None:
    """The role a header cell names: "落实处室（部门）" is 落实处室, "责任科室、单位" is
    责任科室; the levels of an indicator table (一级指标, 二级指标 …) are its groups."""
    name = re.sub(r"\s+", "", cell)
    name = re.sub(r"[（(][^（()）]*[）)]$", "", name)
    if _LEVEL.match(name):
        return "group"
    found = next((r for r, pattern in COLUMNS if pattern.match(name)), None)
    if found is None and re.search(r"[、/／]", name):
        found = _column(re.split(r"[、/／]", name)[0])
    return found


def _roles(header: list[str]) -> tuple[str, ...] | None:
    roles: list[str] = []
    for cell in header:
        role = _column(cell)
        if role is None or (role in roles and role not in ("other", "group")):
            return None
        roles.append(role)
    if "group" in roles and not any(r in roles for r in _TEXT_ROLES):
        last = len(roles) - 1 - roles[::-1].index("group")
        roles[last] = "task"  # the deepest level is the duty, the others its groups
    has_task = "task" in roles or "detail" in roles
    has_rest = any(r in roles for r in _TAIL_ROLES)
    return tuple(roles) if len(roles) >= 2 and has_task and has_rest else None


# -- what a cell holds -------------------------------------------------------------------


def _is_departments(cell: str) -> bool:
    """A cell of departments and their roles: "办公室牵头，各科室配合", "市直有关部门;各镇(街)"."""
    squeezed = compact(cell).rstrip("。")
    if not squeezed or len(squeezed) > 120 or "。" in squeezed or _NUMBER.match(squeezed):
        return False
    found = _assignment(squeezed)
    if found is not None and not found.bare and found.names:
        dated = found.rule is not None and _find_phrase(found.rule, "") is not None
        return not dated and all(map(_named, found.names))
    names = [n for n in re.split(r"[、，,；;/]", squeezed) if n]
    return bool(names) and all(map(_named, names))


def _named(name: str) -> bool:
    """A department's name: "市财政局", "各镇(街)", "各县市区人民政府" (not "积极")."""
    bare = re.sub(r"[（(][^）)]*[）)]", "", name)
    return (len(bare) >= 2 and bare[-1] in _DEPT_END) or name.startswith("各") or bare.endswith("机关")


def _is_deadline(cell: str) -> bool:
    squeezed = compact(cell)
    if not squeezed or _is_departments(cell):
        return False
    return _find_phrase(squeezed, "") is not None or (len(squeezed) <= 20 and "。" not in squeezed)


def _is_group(cell: str) -> bool:
    squeezed = compact(cell)
    return bool(_GROUP.match(squeezed)) and len(squeezed) <= _GROUP_MAX


# -- a row of cells into the columns -----------------------------------------------------


class _Rows:
    """The rows of one table as they are read: merged cells taken from the row above,
    groups carried down."""

    def __init__(self, roles: tuple[str, ...]) -> None:
        self.roles = roles
        self.rows: list[TableRow] = []
        self.previous: dict[str, str] = {}
        self.groups: list[str] = []  # the group cells in force, outermost first
        self.levels: list[int] = []  # their levels: 0 for 一、, 1 for （一）

    def group(self, cell: str) -> None:
        """A numbered cell heading the rows below: it takes the place of the task above."""
        self.previous.pop("task", None)
        squeezed = compact(cell)
        level = 0 if re.match(r"^[一二三四五六七八九十]", squeezed) else 1
        kept = [(g, n) for g, n in zip(self.groups, self.levels, strict=True) if n < level]
        self.groups = [*(g for g, _ in kept), squeezed]  # a (二) takes the place of the (一)
        self.levels = [*(n for _, n in kept), level]

    def add(self, line: int, values: dict[str, str], merged: tuple[str, ...]) -> None:
        """A row read; ``merged``: the columns it lacks, taken from the row above."""
        for role in merged:
            values.setdefault(role, self.previous.get(role, ""))
        self.previous = dict(values)
        if not any(values.get(r) for r in _TEXT_ROLES):
            return  # an empty row, or one of only departments: not a duty
        self.rows.append(TableRow(line, values, " ".join(self.groups)))

    def positional(self, line: int, row: list[str]) -> None:
        """A row whose cells keep their places (tabs): empty leading cells are merged."""
        row = row + [""] * (len(self.roles) - len(row))
        row = [*row[: len(self.roles) - 1], " ".join(c for c in row[len(self.roles) - 1 :] if c)]
        levels = [compact(c) for r, c in zip(self.roles, row, strict=True) if r == "group" and c]
        if levels:
            self.groups, self.levels = levels, list(range(len(levels)))  # an indicator table's levels
        lead = next((i for i, c in enumerate(row) if c), 0)
        values = {r: c for r, c in zip(self.roles, row, strict=True) if r not in ("other", "group")}
        merged = tuple(r for r in self.roles[:lead] if r not in ("other", "group"))
        if values.get("detail") and "task" in values and not values["task"]:
            merged = (*merged, "task")  # a merged 工作任务 cell inside the row (Excel: empty)
        for role in merged:
            values.pop(role, None)
        self.add(line, values, merged)

    def in_place(self, line: int, row: list[str], values: dict[str, str]) -> None:
        """A row with a cell for every column but the 序号, each in its place. Without a
        完成时限 column, a 备注 (an unread column) that is the row's one deadline phrase is it."""
        placed = [r for r in self.roles if r != "number"]
        values.update((r, c) for r, c in zip(placed, row, strict=True) if r != "other")
        if "deadline" not in self.roles:
            noted = [
                c for r, c in zip(placed, row, strict=True) if r == "other" and _find_phrase(compact(c), "")
            ]
            if len(noted) == 1:
                values["deadline"] = noted[0]
        self.add(line, values, ())

    def right_aligned(self, line: int, row: list[str], values: dict[str, str]) -> None:
        """A row short of cells in a table with unread columns (公开形式, 信息类别): the cells
        cannot be told apart by what they hold, so the missing ones are the first, merged
        cells (a web page's rowspan), taken from the row above."""
        placed = [r for r in self.roles if r != "number"]
        missing = placed[: len(placed) - len(row)]
        values.update((r, c) for r, c in zip(placed[len(missing) :], row, strict=True) if r != "other")
        self.add(line, values, tuple(r for r in missing if r != "other"))

    def extend(self, text: str) -> None:
        """A line continuing the last row's detail ("【联系方式】 | ||||||"); in a table
        without a detail column it continues a column not read."""
        if not self.rows:
            return
        last = self.rows[-1]
        role = "detail" if last.cells.get("detail") else None
        if role is not None:
            cells = {**last.cells, role: last.cells[role] + text}
            self.rows[-1] = TableRow(last.line, cells, last.group)

    def fitted(
        self, line: int, row: list[str], number: str | None = None, merge: bool = True, cut: bool = False
    ) -> None:
        """A row with cells missing or extra ("|", spaces): fitted by what the cells hold;
        the missing ones are merged cells (from the row above) unless ``merge`` is False,
        or the last ones when the page stops inside the row (``cut``)."""
        row = [c for c in row if c]
        roles = [r for r in self.roles if r not in ("number", "other")]
        values: dict[str, str] = {}
        at = next((i for i, c in enumerate(row) if _NUMBER.match(compact(c))), None)
        if at is not None and number is None:
            number = row.pop(at)  # the 序号, a column of its own even where the header has none
        values["number"] = number or ""
        split = all(r in roles for r in _TEXT_ROLES) or len(row) > len(roles)
        while split and len(row) > 1 and _is_group(row[0]) and (len(row) > len(roles) - 1 or cut):
            self.group(row.pop(0))  # 一、… / （一）… before the row's own cells
        placed = [r for r in self.roles if r != "number"]  # with the columns not read
        if len(row) == len(placed):
            self.in_place(line, row, values)
            return
        if "other" in placed and 0 < len(row) < len(placed) and cut:
            self.in_place(line, row + [""] * (len(placed) - len(row)), values)
            return
        merge = merge and not cut  # the page stops inside the row: its cells are missing
        if "other" in placed and 0 < len(row) < len(placed) and merge:
            self.right_aligned(line, row, values)
            return
        tail = [r for r in roles if r in _TAIL_ROLES]
        text = [r for r in roles if r not in _TAIL_ROLES]
        missing: list[str] = []
        for role in reversed(tail):
            fits = _is_deadline if role == "deadline" else _is_departments
            alone = len(row) == 1 and role != "deadline" and _is_departments(row[0])
            if (len(row) > 1 and fits(row[-1])) or alone:  # one cell alone: text, unless departments
                values[role] = row.pop()
            else:
                missing.append(role)
        if len(row) > len(text) and text:  # sub-columns under one heading: joined
            row = [*row[: len(text) - 1], " ".join(row[len(text) - 1 :])]
        values.update(zip(text[len(text) - len(row) :], row, strict=True))
        self.add(line, values, (*text[: len(text) - len(row)], *missing) if merge else ())


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
    if len(first) < 2 or any(_column(c) is None for c in first):
        return None
    roles, taken = _roles(first), 1
    if index + 1 < len(lines):
        second = cells(lines[index + 1][1])
        if (
            second
            and all(_column(c) is not None for c in second)
            and (len(second) >= 2 or "|" in lines[index + 1][1])
        ):
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
        if "\t" in text:
            table.positional(lineno, row)
        elif index + 1 == len(lines) and piped and not re.search(r"[|｜]\s*$", text):
            table.fitted(lineno, row, number, cut=True)  # the page stops inside this row
        else:
            table.fitted(lineno, row, number)
        number = None
        taken.add(lineno)
        index += 1
    return Table(frozenset(taken), roles, tuple(table.rows)), index


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
    if roles is None or at >= len(lines):
        return None
    if _SEPARATOR.match(lines[at][1]) and "|" in lines[at][1]:
        return roles, len(names) + 1
    if roles[0] == "number" and _barred_number(lines[at][1]) == 1:
        return roles, len(names)
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
