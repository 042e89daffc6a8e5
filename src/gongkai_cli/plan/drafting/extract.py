"""Draft a plan from the text of a 工作要点: document text in, a reviewable Draft out.

Pure: no I/O, no clock, no printing. ``extract_plan`` reads the text; ``draft_to_yaml``
writes the plan format (docs/plan-format.md) with a ``# 待核对: …`` comment above every
item a person must look at. Nothing found is dropped: what cannot be read is kept
verbatim and flagged.

How a document is read
----------------------
- Header: the notice title (…关于印发…的通知) gives the source and, failing a title line,
  the title; the signature (an issuer line followed by a date line such as
  "2016 年 5 月 18 日") gives issuer and issue date; the year comes from the title.
  Anything before the notice (an appendix note, say) is ignored.
- Body: it starts at the first numbered heading. Numbering levels are 一、 / （一） /
  1· 1. 1、 / （1）, full- or half-width. A numbered line that is one short sentence is a
  heading; one with more text is also the first paragraph of its unit.
- Paragraphs: a line that does not end a sentence runs on into the next (a page break
  inside "信息公" / "开"); a line that is only a bracket belongs to the paragraph above.
- Duties: each paragraph of a unit is one duty. Its assignment bracket
  ("（条法司负责，6月底前完成）", "（牵头部门：X；配合部门：Y；完成时限：6月底前）") gives the
  lead (牵头) and responsible (负责 / 落实 / 配合 / 按职责分工 / 依职责推进) departments
  and, as its last clause, the deadline phrase, kept verbatim. A paragraph without a
  bracket takes its departments and deadline from its sentences ("各部门单位应…",
  "…发生后，应在24小时内…"), else from the next bracket of its unit, and is flagged.
  An event in the text ("文件公开后3个工作日内") wins over a bracket's 适时进行 (flagged);
  a monthly duty in the text ("…按月汇总后报送办公室") is a duty of its own (flagged).
  Several duties in one unit are lettered a, b, c; a single one is not.
- Closing: the paragraphs after the last bracket are read clause by clause; each clause
  with a deadline (印发之日起5个工作日内, 年内, 年底前, 2017年1月15日前) or with a
  department that must report (办公室负责通报…) is a duty "end.N" with ``report: false``;
  期限届满后N个工作日内 becomes the derived report.
- A deadline phrase the rules cannot read is kept verbatim and flagged; a missing one is
  ``rule: null`` (no fixed deadline), flagged.
"""

from __future__ import annotations

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
# Numbering levels, outermost first; the label is group 1, the number group 2.
_MARKERS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^(([{_CN_NUM}]+)\s*[、，,])"),
    re.compile(rf"^([（(]\s*([{_CN_NUM}]+)\s*[）)])"),
    re.compile(rf"^(([{_AR_NUM}]{{1,2}})\s*(?:[·・•．.、]|\s)(?![{_AR_NUM}]))"),
    re.compile(rf"^([（(]\s*([{_AR_NUM}]{{1,2}})\s*[）)])"),
)
_SENTENCE_END = "。！？!?；;：:）)”」』"
_HEADING_MAX = 30  # a numbered line this short, one sentence and no bracket, is a heading


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
            return _Marker(level, number(match.group(2)), label, rest)
    return None


@dataclass
class _Para:
    line: int
    text: str
    bracket_line: int | None = None  # the line the trailing bracket is on, when another


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
_LABEL = re.compile(
    r"^(牵头部门|牵头单位|牵头|主办部门|主办单位|责任部门|责任单位|负责部门|负责单位|落实部门|"
    r"配合部门|配合单位|协办部门|协办单位|参与部门|参与单位|完成时限|完成时间|时限要求|时间要求|"
    r"时限|期限|时间)\s*[：:]\s*"
)
_LEAD_LABELS = ("牵头部门", "牵头单位", "牵头", "主办部门", "主办单位")
_DEADLINE_LABELS = ("完成时限", "完成时间", "时限要求", "时间要求", "时限", "期限", "时间")
# Longest first at any one place; the earliest place wins.
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
    "分别落实",
    "分别负责",
    "牵头落实",
    "牵头负责",
    "牵头",
    "负责",
    "落实",
    "配合",
    "参与",
    "协助",
    "推进",
)
_LEAD_ROLES = ("牵头落实", "牵头负责", "牵头")
_ROLE = re.compile("|".join(_ROLES))
# A name ends like a department; 及 / 和 / 与 after such an ending separates two names
# (办公室及规划发展司) but not inside one (初审及流程管理部).
_DEPT_END = "司部室办会局处厅台门位所院组科队站社馆委心"
_JOINER = re.compile(rf"(?<=[{_DEPT_END}])(?:及|和|与|以及)")


def _names(text: str) -> list[str]:
    text = compact(text).strip("、，,")
    text = re.sub(r"^(?:由|请)", "", text)
    names: list[str] = []
    for part in re.split(r"[、/]", text):
        names.extend(p for p in _JOINER.split(part) if p)
    return names


@dataclass
class _Assignment:
    lead: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    rule: str | None = None
    notes: list[str] = field(default_factory=list)


def _readable(phrase: str) -> bool:
    try:
        parse_rule(phrase)
    except InputError:
        return False
    return True


def _read_roles(clause: str, out: _Assignment) -> bool:
    """Departments and their roles in one clause; False when it names no role."""
    pending: list[str] = []
    found = False
    for segment in re.split(r"[、]", clause):
        match = _ROLE.search(segment)
        if match is None:
            pending.append(segment)
            continue
        found = True
        who = [*pending, segment[: match.start()]]
        pending = []
        names = [n for w in who for n in _names(w)]
        if not names:
            continue
        (out.lead if match.group() in _LEAD_ROLES else out.owners).extend(names)
        extra = compact(segment[match.end() :])
        if extra:
            out.notes.append(f"{'、'.join(names)}{match.group()}“{extra}”")
    if pending and found:  # names after the last role: they share it
        out.owners.extend(n for w in pending for n in _names(w))
    return found


def _assignment(content: str) -> _Assignment | None:
    """Read an assignment bracket; None when the bracket is something else (a citation)."""
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(content) if c.strip()]
    if not clauses:
        return None
    out = _Assignment()
    if any(_LABEL.match(c) for c in clauses):
        label = ""
        for clause in clauses:
            match = _LABEL.match(clause)
            if match:
                label, clause = match.group(1), clause[match.end() :]
            if label in _DEADLINE_LABELS:
                out.rule = (out.rule or "") + compact(clause)
            elif label in _LEAD_LABELS:
                out.lead.extend(_names(clause))
            elif label:
                out.owners.extend(_names(clause))
        return out
    last = clauses[-1]
    if _readable(last) and not (len(clauses) == 1 and _ROLE.search(last)):
        out.rule = compact(last)
        clauses = clauses[:-1]
    elif len(clauses) > 1 and not _ROLE.search(last):
        out.rule = compact(last)  # unreadable: kept verbatim and flagged
        clauses = clauses[:-1]
    roles = False
    bare: list[str] = []
    for clause in clauses:
        if _read_roles(clause, out):
            roles = True
        else:
            bare.append(clause)
    if not roles and out.rule is None:
        return None
    for clause in bare:  # "(三期办，适时进行)": a department without a verb
        out.owners.extend(_names(clause))
    return out


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
_ANCHOR_STOP = re.compile(r".*(?:于|在|应|要|须|需|自|从|并|将|，|,)")  # where the anchor's words begin
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
            anchor = _ANCHOR_STOP.sub("", _OWN_DOCUMENT.sub("，", before))
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


_SUBJECT_END = re.compile(r"要|应当|应|须|需|对照|于|在|将|负责")
# What a closing clause without a deadline must do to count as a duty (…汇报, …负责通报…).
_DUTY_VERB = re.compile(r"汇报|报送|通报|报告|召开|组织|提交|总结|发布")


def _subject(clause: str) -> list[str]:
    """The departments a clause starts with ("办公室要…", "A、B及C对照本要点于…"); the
    first place where what comes before reads as department names (区应急局应…, not 区)."""
    clause = compact(clause)
    for match in _SUBJECT_END.finditer(clause, 1):
        head = clause[: match.start()]
        if len(head) > 40 or re.search(r"[，。；]", head):
            break
        names = _names(head)
        if names and all(n[-1] in _DEPT_END for n in names):
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

_NOTICE = re.compile(r"^(?P<issuer>.*?)关于印发(?P<what>.+?)的通知$")
_TITLE_LINE = re.compile(r"^[0-9]{4}年.{2,40}(?:工作要点|要点|工作计划|工作方案|工作安排|任务分工)$")


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
    for lineno, text in lines[:body_start]:
        squeezed = compact(text)
        notice = _NOTICE.match(squeezed)
        if notice and source is None:
            source = squeezed
            notice_what = notice.group("what").strip("《》")
            issuer = issuer or notice.group("issuer") or None
        elif title is None and _TITLE_LINE.match(squeezed) and lineno not in signature:
            title = squeezed
    title = title or notice_what
    if title is None:
        warnings.append(
            DraftWarning(None, "没有找到工作要点的标题（如“2016年政务公开工作要点”），请填写 plan.title")
        )
    if issuer is None:
        warnings.append(DraftWarning(None, "没有找到印发机关（落款），请填写 plan.issuer"))
    if issued is None:
        warnings.append(DraftWarning(None, "没有找到印发日期（如“2016 年 5 月 18 日”），请填写 plan.issued"))
    year: int | None = None
    year_match = re.match(r"^([0-9]{4})年", title or "")
    if year_match:
        year = int(year_match.group(1))
    elif issued is not None:
        year = issued.year
    return DraftHeader(title, issuer, issued, year, source), signature, warnings


# -- the extractor ---------------------------------------------------------------------


@dataclass
class _Unit:
    id: str
    section: str
    paras: list[_Para] = field(default_factory=list)


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
        self.lines = [(i, line.strip()) for i, line in enumerate(text.splitlines(), 1) if line.strip()]
        self.items: list[DraftItem] = []
        self.reports: list[DraftReport] = []
        self.warnings: list[DraftWarning] = []

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(DraftWarning(line, message))

    def run(self, source: str) -> Draft:
        body_start = next((i for i, (_, t) in enumerate(self.lines) if _marker(t)), len(self.lines))
        header, signature, warnings = _header(self.lines, body_start)
        self.warnings.extend(warnings)
        body = [(n, t) for n, t in self.lines[body_start:] if n not in signature]
        if not body:
            raise InputError("没有找到编号的段落（一、 （一） 1. 等），无法起草计划", where=source)
        paras = _paragraphs(body)
        last = max((i for i, p in enumerate(paras) if _marker(p.text) or _bracket(p) is not None), default=-1)
        if last >= 0 and _is_pure_heading(paras[last]):
            last = len(paras) - 1  # the text after a last heading ("二、…") is that heading's
        for unit in _units(paras[: last + 1]):
            duties = _unit_duties(unit)
            for index, duty in enumerate(duties):
                self._add(unit.id + (_letter(index) if len(duties) > 1 else ""), unit.section, duty)
        self._closing(paras[last + 1 :])
        if not self.items:
            raise InputError(
                "没有找到任何工作事项（编号段落、分工括号或带期限的句子），无法起草计划", where=source
            )
        return Draft(source, header, tuple(self.reports), tuple(self.items), tuple(self.warnings))

    def _closing(self, paras: list[_Para]) -> None:
        """The sentences after the last bracket: one duty per clause with a deadline, or
        with a department that must report, convene … (办公室负责通报…)."""
        number = 0
        for para in paras:
            found_any = False
            for sentence in _sentences(para.text):
                clauses = _clauses(sentence)
                sentence_subject = _subject(clauses[0]) if clauses else []
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
                    self._add(f"end.{number}", "", duty)
            if not found_any:
                self.warn(para.line, f"结尾段落中没有找到期限或职责，未列为事项：“{_shorten(para.text)}”")

    def _add(self, item_id: str, section: str, duty: _Duty) -> None:
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


def _unit_duties(unit: _Unit) -> list[_Duty]:
    """One duty per paragraph of a unit, plus one per recurring duty inside a paragraph."""
    brackets = [_bracket(p) for p in unit.paras]
    duties: list[_Duty] = []
    for index, para in enumerate(unit.paras):
        found = brackets[index]
        if found is not None:
            duties.append(_bracket_duty(para, *found))
            duties.extend(_recurring_duties(para, found[0], found[1]))
            continue
        later = next((b for b in brackets[index + 1 :] if b is not None), None)
        duties.append(_text_duty(para, later[1] if later else None))
    return duties


def _bracket_duty(para: _Para, before: str, found: _Assignment) -> _Duty:
    duty = _Duty(
        para.line,
        para.text,
        _title(para.text),
        found.rule,
        lead=list(found.lead),
        owners=list(found.owners),
        flag_line=para.bracket_line or para.line,
    )
    if duty.rule is None or _is_open(duty.rule):
        # "…应于文件公开后3个工作日内…发布。（…，适时进行）": the text is more precise
        event_phrase = next((p for _, _, p in _phrases(before) if p.event), None)
        if event_phrase is not None:
            duty.flags.append(
                f"括号中的期限是“{duty.rule or '（无）'}”，正文规定“{event_phrase.rule}”"
                f"（{event_phrase.event}后起算）：已取正文，请核对"
            )
            duty.rule, duty.event = event_phrase.rule, event_phrase.event
    elif duty.rule is not None and (own := _find_phrase(compact(duty.rule), "")) is not None:
        duty.event = own.event  # "（…；完成时限：文件公开后3个工作日内）"
    if duty.rule is None:
        duty.flags.append("括号中没有期限：rule 为 null（无固定期限），请补上期限或确认")
    elif not _readable(duty.rule):
        duty.flags.append(f"期限写法“{duty.rule}”无法识别：原样保留，请改写为可识别的写法")
    if not found.lead and not found.owners:
        duty.flags.append("括号中没有找到负责部门：请补上 lead 或 owners")
    duty.flags.extend(f"括号中还写有：{note}" for note in found.notes)
    return duty


def _recurring_duties(para: _Para, before: str, found: _Assignment) -> list[_Duty]:
    """ "…局内公开平台应将公布情况按月汇总后报送办公室": a duty of its own rhythm."""
    duties: list[_Duty] = []
    bracket_rule = compact(found.rule or "")
    for sentence in _sentences(before):
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


def _text_duty(para: _Para, later: _Assignment | None) -> _Duty:
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


def _paragraphs(body: list[tuple[int, str]]) -> list[_Para]:
    paras: list[_Para] = []
    for lineno, text in body:
        if paras and _marker(text) is None:
            prev = paras[-1]
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


def _bracket(para: _Para) -> tuple[str, _Assignment] | None:
    """(text before the bracket, its assignment) when the paragraph ends in one."""
    found = _trailing_bracket(para.text)
    if found is None:
        return None
    assignment = _assignment(found[1])
    return None if assignment is None else (found[0], assignment)


def _units(paras: list[_Para]) -> Iterator[_Unit]:
    """One unit per numbered line, with the paragraphs up to the next numbered line."""
    stack: list[tuple[int, int, str]] = []  # (level, number, heading as shown in section)
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
        heading = _is_heading(marker) and _bracket(para) is None
        # A heading shows in full; a numbered paragraph shows its label when it is
        # 一、 or （一） (the Arabic 1. is in the id only).
        shown = para.text if heading else marker.label if marker.level <= 1 else ""
        stack.append((marker.level, marker.number, shown))
        unit = _Unit(".".join(str(n) for _, n, _ in stack), " ".join(h for _, _, h in stack if h))
        if not heading:
            unit.paras.append(_Para(para.line, marker.rest, para.bracket_line))
    if unit is not None:
        yield unit


def _unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _is_open(rule: str) -> bool:
    try:
        return parse_rule(rule).kind == "open"
    except InputError:
        return False


def _is_pure_heading(para: _Para) -> bool:
    marker = _marker(para.text)
    return marker is not None and _is_heading(marker) and _bracket(para) is None


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
    """Draft a plan from a document's text; ``source`` names it in messages."""
    return _Extractor(text).run(source)


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
    out.append(f"  title: {scalar(h.title or '')}")
    out.append(f"  issuer: {scalar(h.issuer or '')}")
    out.append(f"  issued: {h.issued.isoformat() if h.issued else 'null'}")
    out.append(f"  year: {h.year if h.year is not None else 'null'}")
    if h.source:
        out.append(f"  source: {scalar(h.source)}")
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
