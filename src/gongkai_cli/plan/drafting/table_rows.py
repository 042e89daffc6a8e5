"""The rows of a task table: its columns (序号 | 工作任务 | 责任单位 | 完成时限 …), what a
cell holds (departments, a deadline, a group heading) and a row's cells put in their
columns, merged cells taken from the row above and groups carried down. The readers
that find tables in a document's lines are in tables.py. Pure: cells in, rows out."""

from __future__ import annotations

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
            r"公开责任|公开责任单位|公开责任部门|公开责任科室|公开主体|公开部门|公开单位|发布主体|发布单位|主管部门|"
            r"责任股室|责任股|承办科室|承办股室)$"
        ),
    ),
    (
        "jointly",
        re.compile(
            r"^(?:配合单位|配合部门|配合处室|配合科室|协办单位|协办部门|会办单位|会办处室|参与单位|协同单位|协同部门|配合股室)$"
        ),
    ),
    (
        "deadline",
        re.compile(
            r"^(?:完成时限|时限要求|完成时间|时间要求|时限|完成期限|时间节点|完成时间节点|整改时限|整改期限|"
            r"办结时限|完成日期|截止日期|时间安排|进度安排|截止时间|公开时限|更新时限|发布时限|公开时间|公开时效|办理时限|推进时限|落实时限)$"
        ),
    ),
    (
        "detail",
        re.compile(
            r"^(?:具体要求|具体工作要求|工作要求|主要内容|具体内容|工作措施|具体任务|具体措施|任务内容|工作目标|整改措施|"
            r"具体工作|工作举措|主要措施|落实措施|推进措施|工作标准|公开内容|公开要求|内容描述|内容|事项内容|内容要素|信息内容|公开内容要素)$"
        ),
    ),
    (
        "task",
        re.compile(
            r"^(?:(?:主要|重点)?工作任务|重点任务|主要任务|任务名称|工作内容|目标任务|任务|工作事项|事项|问题清单|存在问题|"
            r"重点工作|主要工作|工作重点|工作项目|公开事项|任务事项|问题|整改事项|事项名称|公开事项名称|业务事项|"
            r"信息名称|公开项目|项目名称|具体事项|目录名称)$"
        ),
    ),
    (
        "other",
        re.compile(
            r"^(?:备注|完成情况|进展情况|责任领导|分管领导|责任人|联系人|整改情况|"
            r"公开依据|条款内容|公开渠道|公开形式|公开方式|公开对象|公开链接|公开载体|信息类别|具体职责|内容标准|公开标准|"
            r"类别|链接|网址|公开层级|公开范围|公开渠道和载体|公开渠道及载体|公开途径|公开类别|公开属性|"
            r"公开领域|领域|主动公开|依申请公开|全社会|特定|特定群体|特定群众|特定人群|特定对象|特定主体|县级|乡级|市级|区级|省级|镇级|街镇级|乡镇级|村级|主动|依申请|更新频率|信息来源|联系电话|是否公开)$"
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
    doubts: tuple[str, ...] = ()  # what the reader could not tell for sure (待核对)


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


_CATEGORY = re.compile(r"^(?:信息类别|类别|公开类别|事项类别)$")  # a catalogue's item name, lacking 公开事项
_LEVEL = re.compile(r"^[一二三四五六七八九十]级(?:指标|任务|目录|事项|要点)$")  # 一级指标 … 五级指标


_UNREAD_END = re.compile(r"^.{0,10}(?:电话|格式|渠道|形式|载体|过程|栏目)$")  # 咨询及监督举报电话, 公开格式


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
    if found is None and (_UNREAD_END.match(name) or name == "事项类别"):
        found = "other"  # a column the reader does not read (莲都区民政局's 目录)
    if found is None and name == "内容要求":
        found = "detail"
    if found is None:
        found = _by_ending(name)
    return found


# Column names the lists above do not hold, by how they end (a 政务新媒体 整改 通报's
# 新媒体类型 | 新媒体名称 | 责任单位 | 问题类别 | 检查时更新日期; a 进度表's 阶段目标):
# "…名称" names the item (not 单位名称: an office), "…类型" / "…类别" a kind, "…日期" the
# day something was seen (a time limit is 时限 or 完成日期), "…目标" what is to be done.
_NAME_END = r"^[\u4e00-\u9fff]{1,6}名称$"
_KIND_END = r"^[\u4e00-\u9fff]{1,8}(?:类型|类别|日期)$"
_AIM_END = r"^[\u4e00-\u9fff]{1,4}目标$"
_OFFICE_NAME = r"(?:单位|部门|机构|机关|处室|科室)名称$"


def _by_ending(name: str) -> str | None:
    if re.match(_NAME_END, name) and not re.search(_OFFICE_NAME, name):
        return "task"
    if re.match(_KIND_END, name):
        return "other"
    if re.match(_AIM_END, name):
        return "detail"
    return None


_UNKNOWN_MAX = 14  # a column the reader does not know: a short name (督办领导, 考核分值)


def known_header(header: list[str]) -> list[str]:
    """A header row of a table with bars or tabs as the reader takes it: one column whose
    name it does not know ("督办领导", "考核分值") among three or more it knows is a
    column not read (as 备注 is); otherwise the row as it is."""
    unknown = [i for i, c in enumerate(header) if c and _column(c) is None]
    known = sum(1 for c in header if c and _column(c) not in (None, "other"))
    if len(unknown) != 1 or known < 3:
        return header
    name = re.sub(r"\s+", "", header[unknown[0]])
    if len(name) > _UNKNOWN_MAX or re.search(r"[0-9０-９，,。；;：:、]", name):
        return header
    return [*header[: unknown[0]], "备注", *header[unknown[0] + 1 :]]


def _roles(header: list[str], need_rest: bool = True) -> tuple[str, ...] | None:
    """The columns a header row names; None unless it names an item and (``need_rest``)
    an office or a time limit."""
    roles: list[str] = []
    for cell in header:
        role = _column(cell)
        if role is None or (role in roles and role not in ("other", "group")):
            return None
        roles.append(role)
    if "task" not in roles and "detail" in roles:  # 信息类别 | 内容描述: the category names the item
        named = [i for i, c in enumerate(header) if _CATEGORY.match(re.sub(r"\s+", "", c))]
        if named:
            roles[named[0]] = "task"
    if "group" in roles:  # 工作要求 | 一级要点 | 二级要点 (中山市医疗保障局 2022): a text
        first = roles.index("group")  # column left of the levels is the outermost level
        roles[:first] = ["group" if r in _TEXT_ROLES else r for r in roles[:first]]
    if "group" in roles and not any(r in roles for r in _TEXT_ROLES):
        last = len(roles) - 1 - roles[::-1].index("group")
        roles[last] = "task"  # the deepest level is the duty, the others its groups
    has_task = "task" in roles or "detail" in roles
    has_rest = any(r in roles for r in _TAIL_ROLES)
    return tuple(roles) if len(roles) >= 2 and has_task and (has_rest or not need_rest) else None


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
    if len(bare) >= 2 and bare[-1] in _DEPT_END:
        return True
    # "各镇(街)", "各公立医疗机构"; not "各相关单位职能简介" (a catalogue's 公开内容: words
    # after the office's name)
    return (name.startswith("各") and not re.search(_AFTER_OFFICE, bare)) or bare.endswith("机关")


_AFTER_OFFICE = r"(?:单位|部门|机构|机关)[\u4e00-\u9fff]{2,}$"


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
        short = len(placed) - len(row)
        lead = next((i for i, r in enumerate(placed) if r != "group"), 0)
        text = [i for i, r in enumerate(placed) if r in _TEXT_ROLES]
        unread = [i for i, r in enumerate(placed) if r == "other" and text and text[-1] < i < len(placed) - 1]
        unread = [i for i in unread if any(r in _TAIL_ROLES for r in placed[i + 1 :])]
        if 0 < lead < short and len(text) >= 2 and short - lead <= len(unread):
            # 孝感市民政局: the 一级事项 and a 公开依据 between the text and the 时限 merged
            gone = set(range(lead)) | set(unread[: short - lead])
            kept = [i for i in range(len(placed)) if i not in gone]
            values.update((placed[i], c) for i, c in zip(kept, row, strict=True) if placed[i] != "other")
            self.add(line, values, tuple(placed[i] for i in sorted(gone) if placed[i] != "other"))
            return
        dated = [k for k, c in enumerate(row) if _find_phrase(compact(c), "") is not None]
        shift = placed.index("deadline") - dated[0] if "deadline" in placed and len(dated) == 1 else 0
        if 0 < shift < short:
            # 莲都区民政局: the first cell merged, the 时限 cell in its place, the last cells
            # shifted left (the 电话 under 公开格式): aligned on the one 时限 cell
            values.update((r, c) for r, c in zip(placed[shift:], row, strict=False) if r != "other")
            self.add(line, values, tuple(r for r in placed[:shift] if r != "other"))
            return
        missing = placed[:short]
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
        # a row the page stops inside lacks its last cells: a group cell before its own
        # cells is still a group (怀远县医保局: 「三、… | 6 | 建立健全…并及时」)
        split = all(r in roles for r in _TEXT_ROLES) or len(row) > len(roles) or cut
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


_EVENT_AFTER = re.compile(r"^(\d{1,3}个?(?:工作日|日|天|个月))[（(]自?([^（()）]+?之日起)[）)]$")
_EVENT_BEFORE = re.compile(
    r"^((?:该|本)?(?:政府)?信息(?:形成|产生|变更|更新)[（(]?(?:或者?|和|及)?(?:变更|更新)?[）)]?)"
    r"(\d{1,3}个?(?:工作日|日|天)内)$"
)
_MANNER = re.compile(r"按照?(?:各自)?职责(?:分工)?(?:落实?$)?")  # "各股室按照职责分工负责": how, not who


def deadline_cell(cell: str) -> str:
    """A 公开时限 cell as a rule: "20个工作日(自该政府信息形成或者变更之日起)" (崇明区教育局's
    catalogue) is the event's form, "该政府信息形成或者变更之日起20个工作日内", so that it
    counts from the event, not from the plan's date; any other cell as it is."""
    squeezed = compact(cell)
    found = _EVENT_AFTER.match(squeezed)
    if found:
        return f"{found[2]}{found[1]}内"
    named = _EVENT_BEFORE.match(squeezed)  # "信息形成(变更)20个工作日内" (溪下乡): from the event
    return f"{named[1]}之日起{named[2]}" if named else squeezed


def cut_cell(lines: list[tuple[int, str]], at: int) -> bool:
    """The document's last line, without a bar, holding a cell's text (longer than a name,
    with a mark inside): the page stops in the middle of that cell (繁昌区's 「1.涉及重大民生
    议题…的重要改革方案、」). Not a footer such as 相关稿件."""
    text = compact(lines[at][1])
    return at == len(lines) - 1 and len(text) > 12 and bool(re.search(r"[，,、；;。]", text))


def synchronous(cell: str) -> str | None:
    """The event of a 公开时限 "与规范性文件同步发布" / "同政策文件同步发布" (published the same
    day as that document: the rule is 即时公开, counted from each such event), else None."""
    found = re.match(r"^(?:与|同|和|跟)(.{2,20}?)(?:同步|同时)(?:发布|公开|更新|解读|印发)?$", compact(cell))
    if found is None or not re.search(r"文件|方案|政策|决定|规定|办法|意见|规划|信息", found[1]):
        return None
    return f"{found[1]}发布"


def owners_cell(cell: str) -> str:
    """A 责任单位 cell less the manner of its work ("各股室按照职责分工负责" is 各股室 负责)."""
    return _MANNER.sub("", cell)


# -- rows the reader is not sure of --------------------------------------------------------

_TIME_WORD = re.compile(
    r"[0-9０-９一二三四五六七八九十]|[日月年天周季旬时期前内后即]|长期|常态|定期|持续|每|同步|动态|更新"
)
_OFFICE_MAX = 16  # an office's name standing alone: "五原县民政局", "相关股室"


def header_word(cell: str) -> bool:
    """A cell that is a column's name (or a part of a header broken over lines):
    "公开对象", "事项类别 (法定公 开、其他)", "二级事项"."""
    name = re.sub(r"[（(][^（()）]*[）)]?$", "", re.sub(r"\s+", "", cell))
    return bool(name) and (_column(cell) is not None or bool(_CATEGORY.match(name) or _LEVEL.match(name)))


def header_line(row: list[str]) -> bool:
    """A line whose every cell names a column: more of a header over several lines."""
    filled = [c for c in row if c]
    return bool(filled) and all(map(header_word, filled))


def not_an_item(title: str) -> str | None:
    """Why a table row's title cell is not a duty, or None: a column's name (a header
    broken over lines: "公开对象", "二级事项") or an office's name standing alone
    ("五原县民政局": a cell of the row above, shifted or broken onto its own line)."""
    squeezed = compact(title)
    if not squeezed:
        return None
    if header_word(squeezed):
        return f"“{squeezed}”是表头的一部分"
    if len(squeezed) <= _OFFICE_MAX and _is_departments(squeezed):
        return f"“{squeezed}”是部门名称，不是事项（可能是上一行错位或跨行的单元格）"
    return None


def deadline_doubt(cell: str) -> str | None:
    """A 完成时限 cell that does not read as a time limit ("法定公开", "民政局领导姓名、
    照片、职务…"): the row's cells did not fit their columns. The doubt, or None."""
    squeezed = compact(cell)
    if not squeezed or _find_phrase(squeezed, "") is not None:
        return None
    listed = "、" in squeezed and len(squeezed) > 10
    if not listed and _TIME_WORD.search(squeezed):
        return None
    return (
        f"表格这一行的期限一栏是“{squeezed}”，不像期限：这一行的单元格可能没有对准表头，"
        "rule 暂为 null，请核对部门和期限"
    )


_OWN_NUMBER = re.compile(r"^\s*([0-9]{1,3})[.．、](?![0-9])")


def _two_duties(row: TableRow, numbers: set[int]) -> list[TableRow]:
    """A text cell holding two numbered duties ("4.规范使用…。 5.用好平台…": 中山市医疗保障局
    2022) in a table without a 序号 whose rows are numbered by their text (``numbers``):
    two rows, the second with the row's other cells. Points 1. 2. 3. inside a numbered
    row's cell are the parts of one duty."""
    role = "detail" if row.cells.get("detail") else "task"
    text = row.cells.get(role, "")
    first = _OWN_NUMBER.match(text)
    if first is None or row.cells.get("number") or int(first[1]) + 1 in numbers or len(numbers) < 2:
        return [row]
    nxt = re.search(rf"(?<=[。；;])\s*{int(first[1]) + 1}[.．、](?![0-9])", text)
    if nxt is None:
        return [row]
    head, tail = text[: nxt.start()].strip(), text[nxt.start() :].strip()
    return [
        TableRow(row.line, {**row.cells, role: head}, row.group, row.doubts),
        TableRow(row.line, {**row.cells, role: tail}, row.group, row.doubts),
    ]


def checked_rows(rows: tuple[TableRow, ...]) -> tuple[list[TableRow], list[tuple[int, str]]]:
    """The rows that are duties, and (line, message) for each row left out: a header's
    part or an office's name standing as the row's text. The row above a left-out office
    cell is not sure of its cells (the row may go on over two lines): it gets a doubt."""
    kept: list[TableRow] = []
    dropped: list[tuple[int, str]] = []
    numbers = {
        int(m[1]) for r in rows if (m := _OWN_NUMBER.match(r.cells.get("detail") or r.cells.get("task", "")))
    }
    for row in (part for whole in rows for part in _two_duties(whole, numbers)):
        text = row.cells.get("detail") or row.cells.get("task", "")
        why = not_an_item(text)
        if why is None:
            kept.append(row)
            continue
        dropped.append((row.line, f"表格这一行{why}，未列为事项；请与原文核对"))
        if "部门" in why and kept and kept[-1].line < row.line and not kept[-1].doubts:
            doubt = f"下一行（第 {row.line} 行）只有部门、期限等单元格：这一行可能跨两行，请核对部门和期限"
            kept[-1] = TableRow(kept[-1].line, kept[-1].cells, kept[-1].group, (*kept[-1].doubts, doubt))
    return kept, dropped


# A row's text in stages by quarter ("第一季度:…。 第二季度:… 第四季度:…", 西藏 2017's
# 进度表 without a time limit column): the work is done when its last stage ends.
_STAGE = r"第([一二三四])季度[:：]"


def staged_deadline(text: str) -> str | None:
    """The end of the last of two or more quarterly stages in ``text`` ("第四季度末"), else
    None."""
    stages = re.findall(_STAGE, compact(text))
    return f"第{stages[-1]}季度末" if len(stages) >= 2 else None
