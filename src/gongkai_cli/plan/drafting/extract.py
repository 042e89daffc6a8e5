"""Draft a plan from the text of a 工作要点: document text in, a reviewable Draft out.

Pure: no I/O, no clock, no printing. ``extract_plan`` reads the text; ``draft_to_yaml``
writes the plan format (docs/plan-format.md) with a ``# 待核对: …`` comment above every
item a person must look at. Nothing found is dropped: what cannot be read is kept
verbatim and flagged.

How a document is read
----------------------
- Tables: a task table (任务分工表: 序号 | 工作任务 | 责任单位 | 完成时限, cells split by tabs,
  "|" or runs of spaces; a .docx table arrives as tab-separated lines) gives one item per
  row (tables.py); its lines are not read as text.
- Header: the notice title (…关于印发…的通知, on one line or two) gives the source and the
  issuer; the title is a title line ("2016年…工作要点", "北京市2018年…", "2021年上海市…",
  one line or split over two), else the title quoted in the covering notice (现将《…》
  印发给你们), else the notice's. The signature (an issuer line followed by a date line
  such as "2016 年 5 月 18 日") gives issuer and issue date; the year comes from the title,
  failing that from the date (flagged). Anything before the notice is ignored.
- Body: it starts at the first numbered heading. Numbering levels are 一、 / （一） /
  1· 1. 1、 / （1） / ①, full- or half-width. A numbered line that is one short sentence is
  a heading; one with more text is also the first paragraph of its unit. Units under a
  heading such as 总体要求, 指导思想, 工作目标 without an assignment are not duties.
- Paragraphs: a line that does not end a sentence runs on into the next (a page break
  inside "信息公" / "开"); a line that is only a bracket belongs to the paragraph above,
  and so does a line of only departments and their role written without brackets
  ("市发改委牵头落实", the 责任单位 cell of a table copied one cell a line): it is read as
  the paragraph's bracket (shown in the item's text in （）, called 分工行 in flags).
- Duties: every assignment bracket is one duty, with the text since the previous bracket,
  wherever in the paragraph it stands ("…公开。（条法司负责，6月底前完成）编制…。（规划司
  负责，9月底前完成）" is two duties, never one). Numbered sub-duties inside a paragraph
  (①②③, (1)(2), 1. 2. after a colon, comma or full stop) are duties of their own; a
  bracket closing the list is theirs. A bracket is an assignment when it names
  departments with a role (牵头 → lead; 负责 / 落实 / 配合 / 按职责分工 / 督促 … → owners;
  a name containing 牵头 or 负责, 政策牵头起草部门, is read whole), labels (牵头部门：/
  配合部门：/ 责任单位：/ 完成时限：, with or without separators between them), a deadline
  the phrase reader (rules.parse_rule) reads, or only department names (（保护协调处））
  where it ends a sentence. The deadline is kept verbatim; two in one bracket are
  flagged. A bracket without one takes the phrase its text names (flagged). A paragraph
  without a bracket takes its departments and deadline from its sentences ("各部门单位
  应…", "…发生后，应在24小时内…"), else from the next bracket of its unit, and is
  flagged. An event in the text ("文件公开后3个工作日内") wins over a bracket's 适时进行
  (flagged); a monthly duty in the text ("…按月汇总后报送办公室") is a duty of its own
  (flagged). Several duties in one unit are lettered a, b, c; a single one is not.
- Closing: the paragraphs after the last bracket, or under a closing heading after it
  (六、工作要求, 保障措施; one before any section of duties, 一、总体要求, opens the plan
  instead and is skipped), are read clause by clause; each clause with a deadline
  (印发之日起5个工作日内, 年内, 年底前, 2017年1月15日前) or with a department that must
  report (办公室负责通报…) is a duty "end.N" with ``report: false``; 期限届满后N个工作日内
  becomes the derived report.
- A deadline phrase the rules cannot read is kept verbatim and flagged; a missing one is
  ``rule: null`` (no fixed deadline), flagged. A header field not found is left out of
  the YAML with a ``# 待核对`` comment, never written as null.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from ...errors import InputError
from ...files.yamlsafe import scalar
from ...phrases.chinese import compact, number, one_line
from ...phrases.dates import written_date
from ...phrases.reader import parse_rule
from ...phrases.vocabulary import (
    ANCHOR_ENDS,
    BEFORE,
    ISSUE_ANCHORS,
    MODALS,
    PERIOD_UNITS,
    RECURRING_PERIODS,
    WITHIN,
    YEAR_END,
)
from ..plan_file import Work
from .mirrors import to_simplified, without_pinyin
from .tables import Table, find_tables

TITLE_MAX = 20  # characters in a drafted title, ellipsis included


@dataclass(frozen=True)
class DraftWarning:
    """Something a person must look at, with the document line it comes from (None: the
    whole document)."""

    line: int | None
    message: str


@dataclass(frozen=True)
class DraftHeader:
    title: str | None
    issuer: str | None
    issued: date | None
    year: int | None
    source: str | None


@dataclass(frozen=True)
class DraftItem(Work):
    """An item as drafted: its deadline phrase still text, and why a person must look."""

    rule: str | None  # None: the document gives no deadline
    line: int
    event: str | None = None
    report: bool | None = None  # None: the plan's default
    flags: tuple[str, ...] = ()  # why a person must review it (待核对)


@dataclass(frozen=True)
class DraftReport:
    id: str
    title: str
    rule: str
    text: str
    line: int


@dataclass(frozen=True)
class Draft:
    source: str  # the document's name, for "source:line" in messages
    header: DraftHeader
    reports: tuple[DraftReport, ...]
    items: tuple[DraftItem, ...]
    warnings: tuple[DraftWarning, ...]

    def where(self, line: int | None) -> str:
        return f"{self.source}:{line}" if line is not None else self.source


# -- lines and paragraphs ------------------------------------------------------------

_CN_NUM = "一二三四五六七八九十"
_AR_NUM = "0-9０-９"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Numbering levels, outermost first; the label is group 1, the number group 2.
_MARKERS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^(([{_CN_NUM}]+)\s*[、，,])"),
    re.compile(rf"^([（(]\s*([{_CN_NUM}]+)\s*[）)])"),
    re.compile(rf"^(([{_AR_NUM}]{{1,2}})\s*(?:[·・•．.、]|\s)(?![{_AR_NUM}]))"),
    re.compile(rf"^([（(]\s*([{_AR_NUM}]{{1,2}})\s*[）)])"),
    re.compile(rf"^(([{_CIRCLED}]))"),
)
_SENTENCE_END = "。！？!?；;：:）)”」』"
_HEADING_MAX = 30  # a numbered line this short, one sentence and no bracket, is a heading


def _number(raw: str) -> int:
    """A marker's number: ① as 1, else digits or Chinese numerals."""
    return _CIRCLED.index(raw) + 1 if raw in _CIRCLED else number(raw)


@dataclass(frozen=True)
class _Marker:
    level: int
    number: int
    label: str  # verbatim, e.g. "(一)" or "1·"
    rest: str  # the text after the label


def _marker(text: str) -> _Marker | None:
    for level, pattern in enumerate(_MARKERS):
        match = pattern.match(text)
        if match:
            label, rest = match.group(1).strip(), text[match.end() :].strip()
            return _Marker(level, _number(match.group(2)), label, rest)
    return None


@dataclass
class _Para:
    line: int
    text: str
    bracket_line: int | None = None  # the line the trailing bracket is on, when another
    from_line: bool = False  # that bracket is a line of departments written without one


# -- brackets and departments ----------------------------------------------------------

_OPEN, _CLOSE = "（(", "）)"


def _trailing_bracket(text: str) -> tuple[str, str] | None:
    """(text before, bracket content) when ``text`` ends in a bracket (a final 。 allowed)."""
    body = text.rstrip().rstrip("。.；;").rstrip()
    if not body or body[-1] not in _CLOSE:
        return None
    depth = 0
    for i in range(len(body) - 1, -1, -1):
        if body[i] in _CLOSE:
            depth += 1
        elif body[i] in _OPEN:
            depth -= 1
            if depth == 0:
                return body[:i].rstrip(), body[i + 1 : -1].strip()
    return None


_CLAUSE_SPLIT = re.compile(r"[，,；;]")
_LABEL_NAMES = (
    "牵头部门|牵头单位|牵头处室|主办部门|主办单位|责任部门|责任单位|责任科室|责任处室|负责部门|负责单位|"
    "落实部门|配合部门|配合单位|配合处室|协办部门|协办单位|参与部门|参与单位|完成时限|完成时间|时限要求|"
    "时间要求|时限|期限|时间|牵头"
)
# A label anywhere in a bracket: "牵头单位：财政局 责任单位：各部门" has no separator between.
_LABEL_ANY = re.compile(rf"({_LABEL_NAMES})\s*[：:]\s*")
_LEAD_LABELS = ("牵头部门", "牵头单位", "牵头处室", "牵头", "主办部门", "主办单位")
_DEADLINE_LABELS = ("完成时限", "完成时间", "时限要求", "时间要求", "时限", "期限", "时间")
# Longest first at any one place.
_ROLES = (
    "按职责分工分别落实",
    "按职责分工分别负责",
    "按职责分工负责",
    "按职责分工落实",
    "按职责分别落实",
    "按职责落实",
    "按职责负责",
    "依职责推进",
    "依职责落实",
    "分别牵头落实",
    "分别牵头",
    "分别落实",
    "分别负责",
    "牵头落实",
    "牵头负责",
    "督促落实",
    "督促检查",
    "督促",
    "督办",
    "牵头",
    "负责",
    "落实",
    "配合",
    "参与",
    "协助",
    "推进",
)
_LEAD_ROLES = ("分别牵头落实", "分别牵头", "牵头落实", "牵头负责", "牵头")
_SUPERVISE_ROLES = ("督促落实", "督促检查", "督促", "督办")
_ROLE = re.compile("|".join(_ROLES))
# A name ends like a department; 及 / 和 / 与 after such an ending separates two names
# (办公室及规划发展司) but not inside one (初审及流程管理部).
_DEPT_END = "司部室办会局处厅台门位所院组科队站社馆委心行府"
_JOINER = re.compile(rf"(?<=[{_DEPT_END}])(?:及|和|与|以及)")
_BARE_NAME_MIN = 3  # "（单位）" is a word in a sentence, "（三期办）" a department


def _names(text: str) -> list[str]:
    text = compact(text).strip("、，,；;。")
    text = re.sub(r"^(?:由|请)", "", text)
    names: list[str] = []
    for part in re.split(r"[、/，,；;]", text):
        names.extend(p for p in _JOINER.split(part) if p)
    return names


def _is_department(name: str) -> bool:
    return (len(name) >= 2 and name[-1] in _DEPT_END) or name.startswith("各")


@dataclass
class _Assignment:
    lead: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    rule: str | None = None
    notes: list[str] = field(default_factory=list)  # words beside a role ("负责新录入人员培训工作")
    doubts: list[str] = field(default_factory=list)  # what a person must decide
    bare: bool = False  # only department names: "（保护协调处）"

    @property
    def confident(self) -> bool:
        """Reads as an assignment wherever it stands: a deadline or department names."""
        names = [*self.lead, *self.owners]
        return not self.bare and (self.rule is not None or (bool(names) and all(map(_is_department, names))))


def _readable(phrase: str) -> bool:
    try:
        parse_rule(phrase)
    except InputError:
        return False
    return True


def _role_match(segment: str) -> re.Match[str] | None:
    """The role word of a segment: the first one right after a department's name, so that
    a name containing 牵头 or 负责 (政策牵头起草部门负责) is read whole."""
    matches = list(_ROLE.finditer(segment))
    for match in matches:
        if match.start() > 0 and segment[match.start() - 1] in _DEPT_END:
            return match
    return matches[0] if matches else None


def _read_roles(clause: str, out: _Assignment) -> bool:
    """Departments and their roles in one clause; False when it names no role."""
    pending: list[str] = []
    found = False
    for segment in re.split(r"[、]", clause):
        match = _role_match(segment)
        if match is None:
            pending.append(segment)
            continue
        found = True
        who = [*pending, segment[: match.start()]]
        pending = []
        names = [n for w in who for n in _names(w)]
        if not names:
            continue
        role = match.group()
        if role in _SUPERVISE_ROLES:
            out.owners.extend(names)
            if not out.lead and out.owners[: -len(names)]:
                # "X负责，Y督促落实": X does it, Y follows it up
                out.lead, out.owners = out.owners[: -len(names)], names
        else:
            (out.lead if role in _LEAD_ROLES else out.owners).extend(names)
        extra = compact(segment[match.end() :])
        if extra:
            out.notes.append(f"{'、'.join(names)}{role}“{extra}”")
    if pending and found:  # names after the last role: they share it
        out.owners.extend(n for w in pending for n in _names(w))
    return found


def _has_department_role(clause: str) -> bool:
    match = _role_match(clause)
    return match is not None and match.start() > 0 and clause[match.start() - 1] in _DEPT_END


def _is_deadline_clause(clause: str) -> bool:
    """A clause of a bracket that sets a deadline: one the phrase reader reads, or one with
    a date in it ("6月底前启动"), unless it names a department and its role."""
    if _has_department_role(clause) or not re.search(r"[^\W\d]", clause):
        return False  # "(1)" numbers a sub-duty
    return _readable(clause) or _find_phrase(clause, "") is not None


def _labelled(content: str, labels: list[re.Match[str]]) -> _Assignment:
    """ "牵头部门：办公室；配合部门：…；完成时限：…" (labels with or without separators)."""
    out = _Assignment()
    for index, match in enumerate(labels):
        stop = labels[index + 1].start() if index + 1 < len(labels) else len(content)
        value = content[match.end() : stop].strip(" \t，,；;。")
        label = match.group(1)
        if label in _DEADLINE_LABELS:
            phrase = compact(value)
            if phrase and out.rule is not None:
                out.doubts.append(f"括号中有两个期限“{out.rule}”和“{phrase}”：已取后者，请核对")
            out.rule = phrase or out.rule
        elif label in _LEAD_LABELS:
            out.lead.extend(n for part in value.split() for n in _names(part))
        else:
            out.owners.extend(n for part in value.split() for n in _names(part))
    return out


def _assignment(content: str) -> _Assignment | None:
    """Read an assignment bracket; None when the bracket is something else (a citation,
    a word in a sentence)."""
    labels = list(_LABEL_ANY.finditer(content))
    if labels:
        return _labelled(content, labels)
    clauses = [compact(c) for c in _CLAUSE_SPLIT.split(content) if c.strip()]
    if not clauses:
        return None
    out = _Assignment()
    deadlines = [i for i, c in enumerate(clauses) if _is_deadline_clause(c)]
    if deadlines:
        phrases = [clauses[i] for i in deadlines]
        out.rule = phrases[-1]
        if len(phrases) > 1:
            shown = "”和“".join(phrases)
            out.doubts.append(f"括号中有{len(phrases)}个期限“{shown}”：已取“{out.rule}”，请核对")
        clauses = [c for i, c in enumerate(clauses) if i not in deadlines]
    elif len(clauses) > 1 and not _ROLE.search(clauses[-1]) and not _is_department(clauses[-1]):
        out.rule = clauses[-1]  # unreadable: kept verbatim and flagged
        clauses = clauses[:-1]
    roles = False
    bare: list[str] = []
    for clause in clauses:
        if _read_roles(clause, out):
            roles = True
        else:
            bare.append(clause)
    bare_names = [n for clause in bare for n in _names(clause)]
    if not roles and out.rule is None:
        # "（保护协调处）", "（市规划国土委、市住房城乡建设委）": departments only
        if not bare_names or not all(_is_department(n) and len(n) >= _BARE_NAME_MIN for n in bare_names):
            return None
        out.bare = True
    out.owners.extend(bare_names)  # "(三期办，适时进行)": a department without a verb
    return out


_AFTER_BRACKET = "。；;.！!？?"


def _assignment_brackets(text: str) -> list[tuple[int, int, _Assignment]]:
    """(start, end, assignment) of each outermost bracket in ``text`` that assigns a duty:
    one that reads as an assignment and ends a sentence or clause (a bracket followed by
    more words, "各区政府（管委会）要…", is part of the sentence)."""
    found: list[tuple[int, int, _Assignment]] = []
    depth, start = 0, 0
    for i, char in enumerate(text):
        if char in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif char in _CLOSE and depth > 0:
            depth -= 1
            if depth:
                continue
            after = text[i + 1 :].lstrip()
            assignment = _assignment(text[start + 1 : i])
            if assignment is None:
                continue
            before = text[:start].rstrip()
            ends = not after or after[0] in _AFTER_BRACKET or after[0] in _OPEN
            if ends or assignment.confident or (before and before[-1] in _AFTER_BRACKET):
                found.append((start, i + 1, assignment))
    return found


# -- deadline phrases inside sentences -------------------------------------------------


# The deadline vocabulary (phrases/vocabulary.py) as patterns for running text. Left out,
# because in a sentence they are ordinary words: 年 as a unit (2017年内 is a year, not
# "2017 years"), 全年 and 年中, and 每年 / 按年 ("每年…" describes a habit, not a duty).
def _either(words: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


_COUNT = r"(?:[0-9]+|[零一二两三四五六七八九十百]+)"
_UNIT = _either(unit for unit, kind in PERIOD_UNITS if kind != "years")
_PERIOD = re.compile(rf"({_COUNT})({_UNIT})({'|'.join(WITHIN)})")
_ANCHOR_END = re.compile(rf"{_either(ANCHOR_ENDS)}$")
# Where the anchor's words begin: after the last of these. Found with rfind, not with a
# pattern such as ".*(?:于|在…)", which backtracks over a long clause (quadratic time).
_ANCHOR_STOPS = "于在应要须需自从并将，,"


def _anchor_words(before: str) -> str:
    """The words after the last stop character (all of ``before`` when there is none)."""
    return before[max(before.rfind(ch) for ch in _ANCHOR_STOPS) + 1 :]


_OWN_DOCUMENT = re.compile(r"本工作要点|本要点|本通知|本方案|本计划")
_BEFORE = _either(BEFORE)
_DATE_PHRASE = re.compile(
    rf"(?:[0-9]{{4}}年)?[0-9]{{1,2}}月(?:[0-9]{{1,2}}[日号]{_BEFORE}|(?:底|末){_BEFORE}?)"
)
_YEAR_PHRASE = re.compile(rf"(?<![0-9年])(?:{_either(w for w in YEAR_END if w != '全年')}{_BEFORE}?|上半年)")
_RECURRING_PHRASE = re.compile(
    _either(w for w in RECURRING_PERIODS if w not in ("每年", "按年"))
    + r"(?:[^，。；]{0,8}?(?:报送|公开|发布|进行|报告|更新))?"
)
# What may stand between "…发生后，" and the period: a subject and 应 / 要, then 在 / 于.
_MODAL_ONLY = re.compile(rf"(?:[^，]*?{_either(MODALS)})?(?:在|于)?")
_TO_WHOM = re.compile(r"^向[^，。；]{1,10}?(?=书面|报送|汇报|报告|提交|提供|反馈|通报)")


@dataclass(frozen=True)
class _Phrase:
    rule: str
    start: int  # where the phrase starts in the compacted clause
    end: int
    event: str | None = None
    report: bool = False  # 期限届满后…: the derived report duty


def _find_phrase(clause: str, previous: str) -> _Phrase | None:
    """The first deadline phrase in a compacted clause; ``previous`` is the clause before
    it, for "…发生后，应在24小时内"."""
    for match in _PERIOD.finditer(clause):
        before = clause[: match.start()]
        period = match.group()
        if _ANCHOR_END.search(before):
            anchor = _anchor_words(_OWN_DOCUMENT.sub("，", before))
            rule = anchor + period
            if "届满" in anchor:
                return _Phrase(rule, match.start() - len(anchor), match.end(), report=True)
            if anchor.startswith(ISSUE_ANCHORS):
                return _Phrase(rule, match.start() - len(anchor), match.end())
            named = _ANCHOR_END.sub("", anchor)
            return _Phrase(rule, match.start() - len(anchor), match.end(), event=named or None)
        event: str | None = None
        if previous.endswith("后") and _MODAL_ONLY.fullmatch(before):
            words = re.split(r"[、，]", previous[:-1])[-1]
            event = re.sub(r"(?:发生|出现)$", "", words) or None
        return _Phrase(period, match.start(), match.end(), event=event)
    for pattern in (_DATE_PHRASE, _YEAR_PHRASE, _RECURRING_PHRASE):
        found = pattern.search(clause)
        if found:
            return _Phrase(found.group(), found.start(), found.end())
    return None


def _sentences(text: str) -> Iterator[str]:
    for sentence in re.findall(r"[^。！？!?]+[。！？!?]?", text):
        if sentence.strip():
            yield sentence.strip()


def _clauses(sentence: str) -> list[str]:
    clauses = (c.rstrip("。！？!?") for c in re.split(r"[，,；;]", compact(sentence)))
    return [c for c in clauses if c]


_SUBJECT_END = re.compile(r"要|应当|应|须|需|对照|于|在|将|负责|围绕|结合|按照|依据|根据|通过")
# What a closing clause without a deadline must do to count as a duty (…汇报, …负责通报…).
_DUTY_VERB = re.compile(r"汇报|报送|通报|报告|召开|组织(?!推进|实施|领导|协调|保障)|提交|总结|发布")
# A sentence that starts with only a modal has the subject of the sentence before (承前省略).
_NO_SUBJECT = re.compile(rf"^{_either(MODALS)}")


def _subject(clause: str) -> list[str]:
    """The departments a clause starts with ("办公室要…", "A、B及C对照本要点于…"); the
    first place where what comes before reads as department names (区应急局应…, not 区)."""
    clause = compact(clause)
    for match in _SUBJECT_END.finditer(clause, 1):
        head = clause[: match.start()]
        if len(head) > 40 or re.search(r"[，。；]", head):
            break
        names = _names(head)
        if names and all(_is_department(n) for n in names):
            return names
    return []


def _text_departments(text: str) -> list[str]:
    """The first departments named as a subject anywhere in ``text``."""
    for sentence in _sentences(text):
        for clause in _clauses(sentence):
            if names := _subject(clause):
                return names
    return []


# -- titles ----------------------------------------------------------------------------


def _shorten(text: str) -> str:
    text = compact(text).strip("，,。；;：:、")
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1] + "…"


def _title(text: str) -> str:
    """The first clause of a paragraph (a first clause like "同时" is skipped)."""
    text = _INLINE_NUMBER.sub("", text, count=1)
    clauses = [c for c in re.split(r"[，,。；;：:！？]", compact(text)) if c]
    for clause in clauses:
        if len(clause) >= 4:
            return _shorten(clause)
    return _shorten(clauses[0]) if clauses else ""


def _clause_title(clause: str, phrase: _Phrase | None) -> str:
    if phrase is None:
        return _shorten(re.sub(r"^[^，。；]*?(?:要|应|负责)", "", clause) or clause)
    rest = clause[phrase.end :]
    rest = re.sub(r"^(?:完成|前|内|，)", "", rest)
    rest = _TO_WHOM.sub("", rest)
    return _shorten(rest or clause[: phrase.start] or clause)


# -- the header ------------------------------------------------------------------------

_NOTICE = re.compile(r"^(?P<issuer>[^《》]*?)关于印发(?P<what>.+?)的通知$")
_TITLE_END = (
    r"(?:工作要点|要点|工作计划|工作方案|实施方案|工作安排|任务分工表?|分工表|任务(?:分解)?表|任务清单)"
)
# "2016年政务公开工作要点", "北京市2018年政务公开工作要点", "2021年上海市知识产权局…工作要点"
_TITLE_LINE = re.compile(rf"^[^，。；：:、]{{0,20}}?[0-9]{{4}}年[^，。；：:]{{0,40}}?{_TITLE_END}$")
_TITLE_NO_YEAR = re.compile(rf"^[^，。；：:、0-9]{{2,40}}?{_TITLE_END}$")
# "现将《…》印发给你们", "《…》已经市政府同意，现印发给你们", "特制订《…》，现印发给你们"
_QUOTED_TITLE = re.compile(rf"[《〈]([^《》〈〉]{{2,60}}?{_TITLE_END})[》〉]")


def _title_lines(lines: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """(title, guessed title) from the lines before the body: a title line, or one split
    over two lines ("2021年上海市知识产权局政务公开" / "工作要点"); a line without a year is
    only a guess."""
    squeezed = [compact(t) for _, t in lines if not _NOTICE.match(compact(t))]
    for text in squeezed:
        if _TITLE_LINE.match(text):
            return text, None
    for first, second in itertools.pairwise(squeezed):
        if not re.search(r"[，。；：:]", first) and _TITLE_LINE.match(first + second):
            return first + second, None
    return None, next((t for t in squeezed if _TITLE_NO_YEAR.match(t)), None)


def _quoted_title(lines: list[tuple[int, str]]) -> str | None:
    """The title quoted in the covering notice, the one nearest before "印发"."""
    for _, text in lines:
        squeezed = compact(text)
        where = squeezed.rfind("印发")
        if where < 0 or _NOTICE.match(squeezed):
            continue
        quoted = [m.group(1) for m in _QUOTED_TITLE.finditer(squeezed[:where])]
        if quoted:
            return quoted[-1]
    return None


def _header(
    lines: list[tuple[int, str]], body_start: int
) -> tuple[DraftHeader, set[int], list[DraftWarning]]:
    """The header, the signature lines (left out of the body) and warnings."""
    warnings: list[DraftWarning] = []
    signature: set[int] = set()
    issuer = issued = title = source = None
    notice_what = None
    for index, (lineno, text) in enumerate(lines):
        day = written_date(text)
        if day is not None and issued is None:
            issued = day
            signature.add(lineno)
            if index > 0:
                prev_no, prev = lines[index - 1]
                if _looks_like_issuer(prev):
                    issuer = compact(prev)
                    signature.add(prev_no)
    heads = [compact(t).removeprefix("《").removesuffix("》") for _, t in lines[:body_start]]
    # the notice's title on one line, or over two ("…关于印发" / "…工作要点的通知")
    for squeezed in [*heads, *(a + b for a, b in itertools.pairwise(heads) if not _NOTICE.match(a))]:
        notice = _NOTICE.match(squeezed)
        if notice and source is None:
            source = squeezed
            notice_what = notice.group("what").strip("《》〈〉")
            issuer = issuer or notice.group("issuer") or None
    head = [(n, t) for n, t in lines[:body_start] if n not in signature]
    title, guess = _title_lines(head)
    title = title or _quoted_title(head) or notice_what
    if title is None and guess is not None:
        title = guess
        warnings.append(DraftWarning(None, f"标题“{guess}”是推测的（其中没有年份）：请核对 plan.title"))
    if title is None:
        warnings.append(
            DraftWarning(None, "没有找到工作要点的标题（如“2016年政务公开工作要点”），请填写 plan.title")
        )
    if issuer is None:
        warnings.append(DraftWarning(None, "没有找到印发机关（落款），请填写 plan.issuer"))
    if issued is None:
        warnings.append(DraftWarning(None, "没有找到印发日期（如“2016 年 5 月 18 日”），请填写 plan.issued"))
    year: int | None = None
    year_match = re.search(r"([0-9]{4})年", title or "")
    if year_match:
        year = int(year_match.group(1))
    elif issued is not None:
        year = issued.year
        warnings.append(DraftWarning(None, f"标题中没有年份：year 取自印发日期（{year}），请核对"))
    else:
        warnings.append(DraftWarning(None, "标题和落款中都没有年份，请填写 plan.year"))
    return DraftHeader(title, issuer, issued, year, source), signature, warnings


# -- the extractor ---------------------------------------------------------------------


@dataclass
class _Unit:
    id: str
    section: str
    paras: list[_Para] = field(default_factory=list)
    prose: bool = False  # under a heading such as 总体要求 or 工作要求
    heading: _Para | None = None  # the numbered line, when it is only a heading


@dataclass
class _Duty:
    line: int
    text: str
    title: str
    rule: str | None
    lead: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    event: str | None = None
    report: bool | None = None
    flags: list[str] = field(default_factory=list)
    flag_line: int | None = None  # where the warnings point, when not ``line``


class _Extractor:
    def __init__(self, text: str) -> None:
        text = text.removeprefix("\ufeff")
        self.raw = [(i, line) for i, line in enumerate(text.splitlines(), 1) if line.strip()]
        self.lines = [(i, line.strip()) for i, line in self.raw]
        self.items: list[DraftItem] = []
        self.reports: list[DraftReport] = []
        self.warnings: list[DraftWarning] = []

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(DraftWarning(line, message))

    def run(self, source: str) -> Draft:
        tables = find_tables(self.raw)
        in_tables = {n for table in tables for n in table.lines}
        lines = [(n, t) for n, t in self.lines if n not in in_tables]
        body_start = next((i for i, (_, t) in enumerate(lines) if _marker(t)), len(lines))
        header, signature, warnings = _header(lines, body_start)
        self.warnings.extend(warnings)
        body = [(n, t) for n, t in lines[body_start:] if n not in signature]
        if not body and not tables:
            raise InputError(
                "没有找到编号的段落（一、 （一） 1. 等）或任务分工表，无法起草计划", where=source
            )
        paras = _paragraphs(body)
        units_end, closing = _split_closing(paras)
        units = list(_units(paras[:units_end]))
        for unit, after in itertools.zip_longest(units, units[1:]):
            if unit.prose and not any(_assignment_brackets(p.text) for p in unit.paras):
                continue  # 总体要求, 指导思想 …: what the plan is for, not a duty
            leaf = after is None or not after.id.startswith(unit.id + ".")
            if not unit.paras and unit.heading is not None and leaf and not tables:
                # "2.发布三年行动方案。": a short numbered duty with nothing under it
                unit.paras.append(unit.heading)
            duties = _unit_duties(unit)
            for index, duty in enumerate(duties):
                self._add(unit.id + (_letter(index) if len(duties) > 1 else ""), unit.section, duty)
        for table in tables:
            self._table(table)
        self._closing(closing)
        if not self.items:
            raise InputError(
                "没有找到任何工作事项（编号段落、分工括号或带期限的句子），无法起草计划", where=source
            )
        return Draft(source, header, tuple(self.reports), tuple(self.items), tuple(self.warnings))

    def _closing(self, paras: list[_Para]) -> None:
        """The sentences after the last bracket: one duty per clause with a deadline, or
        with a department that must report, convene … (办公室负责通报…)."""
        number = 0
        prose = False
        for para in paras:
            marker = _marker(para.text)
            if marker is not None:
                prose = prose or _is_prose(marker.rest)
                if _is_heading(marker):
                    continue
            found_any = False
            carried: list[str] = []  # the subject of the sentence before, in this paragraph
            for sentence in _sentences(para.text):
                clauses = _clauses(sentence)
                sentence_subject = _subject(clauses[0]) if clauses else []
                borrowed = not sentence_subject and bool(carried) and bool(_NO_SUBJECT.match(clauses[0]))
                if borrowed:
                    sentence_subject = carried
                carried = next((s for c in clauses if (s := _subject(c))), sentence_subject) or carried
                for i, clause in enumerate(clauses):
                    phrase = _find_phrase(clause, clauses[i - 1] if i else "")
                    own_subject = _subject(clause)
                    if phrase is None and not (own_subject and _DUTY_VERB.search(clause)):
                        continue
                    found_any = True
                    if phrase is not None and phrase.report:
                        rid = "report" if not self.reports else f"report{len(self.reports) + 1}"
                        title = _clause_title(clause, phrase)
                        self.reports.append(DraftReport(rid, title, phrase.rule, sentence, para.line))
                        continue
                    number += 1
                    owners = own_subject or sentence_subject
                    duty = _Duty(
                        para.line, para.text, _clause_title(clause, phrase), None, owners=owners, report=False
                    )
                    if phrase is None:
                        duty.flags.append(f"“{clause}”没有期限：rule 为 null（无固定期限），请核对")
                    else:
                        duty.rule, duty.event = phrase.rule, phrase.event
                    if not owners:
                        duty.flags.append(f"“{clause}”中没有找到负责部门：请补上 lead 或 owners")
                    elif borrowed and not own_subject:
                        who = "、".join(owners)
                        duty.flags.append(f"“{clause}”没有写出负责部门：已取上一句的（{who}），请核对")
                    self._add(f"end.{number}", "", duty)
            if not found_any and not prose:
                self.warn(para.line, f"结尾段落中没有找到期限或职责，未列为事项：“{_shorten(para.text)}”")

    def _table(self, table: Table) -> None:
        """One item per row of a task table; its id is the row's 序号, or its place in the
        table (all prefixed with t when the numbered text or another table has taken one)."""
        numbers = [compact(row.cells.get("number", "")).rstrip("、.．") for row in table.rows]
        ids = [n if n.isdigit() else str(i) for i, n in enumerate(numbers, 1)]
        taken = {item.id for item in self.items}
        if len(set(ids)) < len(ids):  # 序号 repeated: the places in the table
            ids = [str(i) for i in range(1, len(ids) + 1)]
        prefix, count = "", 1
        while taken & {prefix + i for i in ids}:  # "t1", or "t2.1" for a second table
            prefix, count = ("t" if count == 1 else f"t{count}."), count + 1
        ids = [prefix + i for i in ids]
        for item_id, row in zip(ids, table.rows, strict=True):
            cell = row.cells
            task, detail = compact(cell.get("task", "")), compact(cell.get("detail", ""))
            text = detail or task
            section = " ".join(p for p in (row.group, task if detail else "") if p)
            found = _Assignment(lead=_names(cell.get("lead", "")))
            owners = compact(cell.get("owners", ""))
            if owners:
                read = _assignment(owners)
                if read is not None and (read.lead or read.owners):
                    found.lead += read.lead
                    found.owners += read.owners
                    found.notes += read.notes
                else:
                    found.owners += _names(owners)
            found.rule = compact(cell.get("deadline", "")) or None
            piece = _Piece(row.line, text, text, found)
            duty = _bracket_duty(piece, found, where="表格这一行")
            duty.title = _title(text)
            self._add(item_id, section, duty)

    def _add(self, item_id: str, section: str, duty: _Duty) -> None:
        taken = {item.id for item in self.items}
        if item_id in taken:  # a number written twice (①…①): both duties kept, told apart
            n = 2
            while f"{item_id}-{n}" in taken:
                n += 1
            duty.flags.append(f"编号“{item_id}”与前面的事项重复：本项编为 {item_id}-{n}，请核对")
            item_id = f"{item_id}-{n}"
        for flag in duty.flags:
            self.warn(duty.flag_line or duty.line, f"{item_id}：{flag}")
        self.items.append(
            DraftItem(
                id=item_id,
                section=section,
                title=duty.title,
                text=duty.text,
                lead=_unique(duty.lead),
                owners=_unique(duty.owners),
                rule=duty.rule,
                line=duty.line,
                event=duty.event,
                report=duty.report,
                flags=tuple(duty.flags),
            )
        )


@dataclass
class _Piece:
    """The sentences one duty covers: a paragraph up to and including its bracket, the
    text since the previous bracket, or one numbered sub-duty (①, (1), 1.)."""

    line: int
    text: str
    before: str  # the text before the bracket
    found: _Assignment | None
    bracket_line: int | None = None
    shared: bool = False  # takes the bracket closing its list of sub-duties
    where: str = "括号"  # what the flags call the assignment: 括号, or 分工行 for a line


_INLINE_NUMBER = re.compile(
    rf"(?:(?<=[：:；;。，,])|^)\s*(?:([{_CIRCLED}])|[（(]([0-9]{{1,2}})[）)]|([0-9]{{1,2}})[.．、](?![0-9]))"
)


def _sub_duties(text: str) -> tuple[str, list[str]]:
    """(introduction, sub-duties) of a paragraph listing numbered sub-duties ①②③, (1)(2)
    or 1. 2. after a colon, a comma or a full stop; (text, []) when it lists none. The numbers must
    run 1, 2, 3 … so that "（2016）" or "第1." are not read as a list."""
    for kind in range(3):
        starts: list[int] = []
        for match in _INLINE_NUMBER.finditer(text):
            raw = match.group(kind + 1)
            if raw is None:
                continue
            if _number(raw) == len(starts) + 1:
                starts.append(match.start())
        if len(starts) >= 2:
            cuts = [*starts, len(text)]
            return text[: starts[0]].strip(), [text[a:b].strip() for a, b in itertools.pairwise(cuts)]
    return text, []


def _split_at_brackets(para: _Para, text: str, intro: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    position = 0
    for start, end, found in _assignment_brackets(text):
        cut = end
        while cut < len(text) and text[cut] in _AFTER_BRACKET + "，,":
            cut += 1
        last = end == len(text.rstrip("。.；;"))
        bracket_line = para.bracket_line if last else None
        pieces.append(
            _Piece(
                para.line,
                intro + text[position:cut].strip(),
                text[position:start].strip(),
                found,
                bracket_line,
                where="分工行" if last and para.from_line else "括号",
            )
        )
        position = cut
    rest = text[position:].strip()
    if re.search(r"[\u4e00-\u9fff].*[\u4e00-\u9fff]", rest) or not pieces:
        pieces.append(_Piece(para.line, intro + rest, rest, None))
    return pieces


def _pieces(para: _Para) -> list[_Piece]:
    """The duties of a paragraph: one per assignment bracket, each with the text since the
    previous one; numbered sub-duties each their own, sharing a bracket that closes them."""
    intro, subs = _sub_duties(para.text)
    if not subs:
        return _split_at_brackets(para, para.text, "")
    pieces = [p for sub in subs for p in _split_at_brackets(para, sub, intro)]
    if intro and (found := _assignment_brackets(intro)):
        pieces.insert(0, _Piece(para.line, intro, intro, found[-1][2]))
    for index, piece in enumerate(pieces):
        if piece.found is None:
            later = next((p for p in pieces[index + 1 :] if p.found is not None and not p.shared), None)
            if later is not None and later is pieces[-1]:
                piece.found, piece.shared, piece.where = later.found, True, later.where
    return pieces


def _unit_duties(unit: _Unit) -> list[_Duty]:
    """One duty per assignment bracket (or paragraph without one) of a unit, plus one per
    recurring duty inside a paragraph."""
    pieces = [piece for para in unit.paras for piece in _pieces(para)]
    duties: list[_Duty] = []
    for index, piece in enumerate(pieces):
        if piece.found is not None:
            duty = _bracket_duty(piece, piece.found, piece.where)
            duties.append(duty)
            if not piece.shared:
                duties.extend(_recurring_duties(piece, piece.found, duty.rule))
            continue
        later = next((p.found for p in pieces[index + 1 :] if p.found is not None), None)
        duties.append(_text_duty(piece, later))
    return duties


def _bracket_duty(para: _Piece, found: _Assignment, where: str = "括号") -> _Duty:
    before = para.before
    duty = _Duty(
        para.line,
        para.text,
        _title(para.before or para.text),
        found.rule,
        lead=list(found.lead),
        owners=list(found.owners),
        flag_line=para.bracket_line or para.line,
    )
    if duty.rule is None or _is_open(duty.rule):
        # "…应于文件公开后3个工作日内…发布。（…，适时进行）": the text is more precise
        event_phrase = next((p for _, _, p in _phrases(before) if p.event), None)
        if event_phrase is not None:
            said = f"{where}中的期限是“{duty.rule}”" if duty.rule else f"{where}中没有期限"
            duty.flags.append(
                f"{said}，正文规定“{event_phrase.rule}”（{event_phrase.event}后起算）：已取正文，请核对"
            )
            duty.rule, duty.event = event_phrase.rule, event_phrase.event
        elif duty.rule is None and (
            phrase := next((p for _, _, p in _phrases(before) if not p.report), None)
        ):
            # "…年底前公布完成情况。（市发展改革委）": the text names the deadline
            duty.flags.append(f"{where}中没有期限：已取正文中的“{phrase.rule}”，请核对")
            duty.rule = phrase.rule
    elif duty.rule is not None and (own := _find_phrase(compact(duty.rule), "")) is not None:
        duty.event = own.event  # "（…；完成时限：文件公开后3个工作日内）"
    if duty.rule is None:
        duty.flags.append(f"{where}中没有期限：rule 为 null（无固定期限），请补上期限或确认")
    elif not _readable(duty.rule):
        duty.flags.append(f"期限写法“{duty.rule}”无法识别：原样保留，请改写为可识别的写法")
    if not found.lead and not found.owners:
        duty.flags.append(f"{where}中没有找到负责部门：请补上 lead 或 owners")
    duty.flags.extend(found.doubts)
    duty.flags.extend(f"{where}中还写有：{note}" for note in found.notes)
    return duty


def _recurring_duties(para: _Piece, found: _Assignment, rule: str | None) -> list[_Duty]:
    """ "…局内公开平台应将公布情况按月汇总后报送办公室": a duty of its own rhythm."""
    duties: list[_Duty] = []
    bracket_rule = compact(rule or "")  # the duty's own rhythm is not another duty
    for sentence in _sentences(para.before):
        for clause in _clauses(sentence):
            match = _RECURRING_PHRASE.search(clause)
            if match is None or bracket_rule.startswith(match.group()[:2]):
                continue
            owners = _subject(clause)
            note = f"正文中另有按期进行的职责“{clause}”：已列为单独一项，请核对"
            duty = _Duty(
                para.line,
                para.text,
                _shorten(clause),
                match.group(),
                owners=owners,
                flag_line=para.line,
                flags=[note],
            )
            if not owners:
                duty.lead, duty.owners = list(found.lead), list(found.owners)
            duties.append(duty)
    return duties


def _text_duty(para: _Piece, later: _Assignment | None) -> _Duty:
    """A paragraph without a bracket: departments and deadline from its sentences, else
    from the next bracket of its unit."""
    duty = _Duty(para.line, para.text, _title(para.text), None, owners=_text_departments(para.text))
    phrase = next((p for _, _, p in _phrases(para.text) if not p.report), None)
    if phrase is not None:
        duty.rule, duty.event = phrase.rule, phrase.event
        where = f"期限取自正文“{phrase.rule}”"
    elif later is not None:
        duty.rule = later.rule
        where = f"期限取自本单元下一段的括号（{later.rule or '无期限'}）"
    else:
        where = "也没有期限：rule 为 null（无固定期限）"
    if duty.owners:
        who = f"部门取自正文（{'、'.join(duty.owners)}）"
    elif later is not None and (later.lead or later.owners):
        duty.lead, duty.owners = list(later.lead), list(later.owners)
        who = "部门取自本单元下一段的括号"
    else:
        who = "没有找到负责部门，请补上 lead 或 owners"
    duty.flags.append(f"本段没有分工括号：{who}，{where}；请核对")
    return duty


def _phrases(text: str) -> Iterator[tuple[str, str, _Phrase]]:
    """(sentence, compacted clause, phrase) for each clause of ``text`` with a deadline."""
    for sentence in _sentences(text):
        clauses = _clauses(sentence)
        for i, clause in enumerate(clauses):
            phrase = _find_phrase(clause, clauses[i - 1] if i else "")
            if phrase is not None:
                yield sentence, clause, phrase


def _letter(index: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[index] if index < len(letters) else f"_{index + 1}"


_LINE_MAX = 60  # a line of only departments and their role is at most this long


def _assignment_line(text: str) -> bool:
    """A line that is only departments and their role, without brackets: "市发改委牵头落实",
    "市金融办、人民银行潍坊市中心支行分别牵头落实", "责任单位：市财政局" (the 责任单位 column
    of a table copied one cell a line). Bare names, sentences and quotations are not."""
    squeezed = compact(text)
    if len(squeezed) > _LINE_MAX or re.search(r"[。！？!?（()）《》“”]", squeezed):
        return False
    found = _assignment(squeezed)
    if found is None or found.bare or found.notes or (found.rule is not None and not _readable(found.rule)):
        return False
    names = [*found.lead, *found.owners]  # every one a name ending like a department
    return bool(names) and all(len(n) >= 2 and n[-1] in _DEPT_END for n in names)


def _paragraphs(body: list[tuple[int, str]]) -> list[_Para]:
    paras: list[_Para] = []
    for lineno, text in body:
        if paras and _marker(text) is None:
            prev = paras[-1]
            if _assignment_line(text):
                prev.text += f"（{compact(text)}）"  # read as the paragraph's bracket
                prev.bracket_line, prev.from_line = lineno, True
                continue
            bracket = _trailing_bracket(text)
            if bracket is not None and not bracket[0] and _assignment(bracket[1]) is not None:
                prev.text += text  # a bracket on a line of its own
                prev.bracket_line = lineno
                continue
            prev_marker = _marker(prev.text)
            short_heading = prev_marker is not None and _is_heading(prev_marker)
            if prev.text[-1] not in _SENTENCE_END and not short_heading:
                prev.text += text  # a paragraph broken across a line or a page
                continue
        paras.append(_Para(lineno, text))
    return paras


def _units(paras: list[_Para]) -> Iterator[_Unit]:
    """One unit per numbered line, with the paragraphs up to the next numbered line."""
    stack: list[tuple[int, int, str]] = []  # (level, number, heading as shown in section)
    prose: list[tuple[int, bool]] = []  # (level, is a prose heading) alongside the stack
    unit: _Unit | None = None
    for para in paras:
        marker = _marker(para.text)
        if marker is None:
            if unit is not None:
                unit.paras.append(para)
            continue
        if unit is not None:
            yield unit
        while stack and stack[-1][0] >= marker.level:
            stack.pop()
            prose.pop()
        heading = _is_heading(marker) and not _assignment_brackets(para.text)
        # A heading shows in full; a numbered paragraph shows its label when it is
        # 一、 or （一） (the Arabic 1. is in the id only).
        shown = para.text if heading else marker.label if marker.level <= 1 else ""
        stack.append((marker.level, marker.number, shown))
        prose.append((marker.level, heading and _is_prose(marker.rest)))
        unit = _Unit(
            ".".join(str(n) for _, n, _ in stack),
            " ".join(h for _, _, h in stack if h),
            prose=any(p for _, p in prose),
        )
        if heading:
            unit.heading = _Para(para.line, marker.rest, para.bracket_line, para.from_line)
        else:
            unit.paras.append(_Para(para.line, marker.rest, para.bracket_line, para.from_line))
    if unit is not None:
        yield unit


_PROSE = re.compile(
    r"总体要求|指导思想|工作目标|主要目标|基本原则|工作原则|工作要求|保障措施|组织保障|组织领导|"
    r"组织实施|强化保障|工作保障|有关要求|其他要求|总体目标"
)


def _is_prose(heading: str) -> bool:
    """A heading over what a plan is for or how it is run, not over duties."""
    return bool(_PROSE.search(compact(heading)[:12]))


def _split_closing(paras: list[_Para]) -> tuple[int, list[_Para]]:
    """Where the numbered units end and the closing paragraphs (read clause by clause)
    begin: after the last assignment bracket, at a closing heading (六、工作要求) or at
    the first unnumbered paragraph; a numbered heading after the last bracket that is not
    a closing one ("二、突发事件信息发布") keeps its paragraphs as a unit."""
    last = max((i for i, p in enumerate(paras) if _assignment_brackets(p.text)), default=-1)
    duties_seen = last >= 0
    for index in range(len(paras)):
        marker = _marker(paras[index].text)
        if marker is None or not _is_heading(marker):
            continue
        if not _is_prose(marker.rest):
            duties_seen = duties_seen or marker.level == 0
        elif index > last and duties_seen:
            # a closing heading follows the duties; 一、总体要求 before them opens the plan
            return index, paras[index:]
    last_marker = max((i for i, p in enumerate(paras) if _marker(p.text)), default=-1)
    end = max(last, last_marker)
    if end >= 0 and _is_pure_heading(paras[end]):
        end = len(paras) - 1  # the text after a last heading ("二、…") is that heading's
    return end + 1, paras[end + 1 :]


def _unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _is_open(rule: str) -> bool:
    try:
        return parse_rule(rule).kind == "open"
    except InputError:
        return False


def _is_pure_heading(para: _Para) -> bool:
    marker = _marker(para.text)
    return marker is not None and _is_heading(marker) and not _assignment_brackets(para.text)


def _looks_like_issuer(line: str) -> bool:
    """The line above a signature date: a short name, no sentence punctuation."""
    return len(compact(line)) <= 30 and not re.search(r"[，。；：:]", line) and _marker(line) is None


def _is_heading(marker: _Marker) -> bool:
    """A numbered line that is only a heading: short, one sentence, no bracket."""
    rest = marker.rest.rstrip("。.")
    return (
        len(compact(rest)) <= _HEADING_MAX
        and not re.search(r"[。！？；;]", rest)
        and _trailing_bracket(marker.rest) is None
    )


def extract_plan(text: str, source: str) -> Draft:
    """Draft a plan from a document's text; ``source`` names it in messages. A text in
    traditional characters is drafted from its simplified form, and pinyin annotations a
    mirror added are taken out (mirrors.py), each with a 待核对 saying so."""
    text, pinyin = without_pinyin(text)
    simplified = to_simplified(text)
    extractor = _Extractor(simplified or text)
    if pinyin:
        extractor.warn(None, f"文本中有 {len(pinyin)} 处拼音注音（如“{pinyin[0]}”）：已删去，请与原文核对")
    if simplified is not None:
        extractor.warn(None, "文本是繁体字：已转为简体后起草（条目的文字为简体），请与原文核对")
    return extractor.run(source)


# -- writing the plan format -----------------------------------------------------------


def _names_yaml(names: tuple[str, ...]) -> str:
    return "[" + ", ".join(scalar(n, flow=True) for n in names) + "]"


def draft_to_yaml(draft: Draft) -> str:
    """The draft in the plan format, with “# 待核对: …” above every flagged item."""
    h = draft.header
    out = [
        f"# 由 gongkai plan extract 从 {one_line(draft.source)} 起草；带“待核对”的条目须人工核对，",
        "# 核对后运行 gongkai check 检查。格式见 docs/plan-format.md。",
        "format: 1",
        "plan:",
    ]
    missing = [w.message for w in draft.warnings if w.line is None]
    out.extend(f"  # 待核对: {one_line(m)}" for m in missing)
    # A field not found is left out (the 待核对 comment above says which), never null.
    fields = (
        ("title", scalar(h.title) if h.title else None),
        ("issuer", scalar(h.issuer) if h.issuer else None),
        ("issued", h.issued.isoformat() if h.issued else None),
        ("year", str(h.year) if h.year is not None else None),
    )
    examples = {
        "title": "“2016年政务公开工作要点”",
        "issuer": "“某某办公室”",
        "issued": "2016-05-18",
        "year": "2016",
    }
    for key, value in fields:
        absent = f"  # {key}: （未找到，请填写，如 {examples[key]}）"
        out.append(f"  {key}: {value}" if value is not None else absent)
    if h.source:
        out.append(f"  source: {scalar(h.source)}")
    if not h.source and all(value is None for _, value in fields):
        out[out.index("plan:")] = "plan: {}"  # only comments under it: an empty table, not null
    if draft.reports:
        out += ["", "reports:"]
        for report in draft.reports:
            out += [
                f"  - id: {scalar(report.id, always=True)}",
                f"    title: {scalar(report.title)}",
                f"    rule: {scalar(report.rule)}",
                f"    text: {scalar(report.text)}",
            ]
    out += ["", "items:"]
    for item in draft.items:
        out.extend(f"  # 待核对: {one_line(flag)}" for flag in item.flags)
        out += [
            f"  - id: {scalar(item.id, always=True)}",
            f"    section: {scalar(item.section)}",
            f"    title: {scalar(item.title)}",
            f"    text: {scalar(item.text)}",
            f"    lead: {_names_yaml(item.lead)}",
            f"    owners: {_names_yaml(item.owners)}",
            f"    rule: {'null' if item.rule is None else scalar(item.rule)}",
        ]
        if item.event:
            out.append(f"    event: {scalar(item.event)}")
        if item.report is not None:
            out.append(f"    report: {'true' if item.report else 'false'}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
