"""Cutting a unit into duties: one per assignment bracket, numbered sub-duties (①, (1),
1.) each their own, a paragraph without a bracket taking its departments and deadline
from its sentences; and each duty's title. Pure: units in, duties with their flags out."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ...phrases.chinese import compact
from .brackets import (
    _AFTER_BRACKET,
    _Assignment,
    _assignment_brackets,
    _inline_labels,
    _is_open,
    _plan_readable,
    role_clauses,
)
from .departments import BLANKET
from .paragraphs import _CIRCLED, _number, _Para, _Unit
from .sentences import (
    _RECURRING_PHRASE,
    _TO_WHOM,
    _clauses,
    _find_phrase,
    _Phrase,
    _phrases,
    _sentences,
    _subject,
    _text_departments,
)


def _clean(text: str) -> str:
    text = compact(text).strip("，,。；;：:、")
    return text  # never cut: a title with "…" reached CSV, xlsx and mail as it stood


def _title(text: str) -> str:
    """The first clause of a paragraph (a first clause like "同时" is skipped)."""
    text = _INLINE_NUMBER.sub("", text, count=1)
    clauses = [c for c in re.split(r"[，,。；;：:！？]", compact(text)) if c]
    # "2022年3月底前，对全县…": the duty, not its deadline
    clauses = [d for c in clauses if (d := _without_deadline(c))] or clauses
    for clause in clauses:
        if len(clause) >= 4:
            return _clean(clause)
    return _clean(clauses[0]) if clauses else ""


def _without_deadline(clause: str) -> str:
    """A clause less the deadline it starts with ("2020年9月底前制定工作方案" is 制定工作方案;
    "2022年3月底前" alone is nothing), when the rest is a duty of 4 characters or more."""
    phrase = _find_phrase(clause, "")
    if phrase is None or phrase.start > 0 or not re.match(r"[0-9０-９年上下本今]", clause):
        return clause
    rest = re.sub(r"^(?:完成|前|内)", "", clause[phrase.end :])
    return rest if len(rest) >= 4 or not rest else clause


def _clause_title(clause: str, phrase: _Phrase | None) -> str:
    if phrase is None:
        return _clean(re.sub(r"^[^，。；]*?(?:要|应|负责)", "", clause) or clause)
    rest = clause[phrase.end :]
    rest = re.sub(r"^(?:完成|前|内|，)", "", rest)
    rest = _TO_WHOM.sub("", rest)
    return _clean(rest or clause[: phrase.start] or clause)


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
    jointly: list[str] = field(default_factory=list)
    supervising: list[str] = field(default_factory=list)
    standing: list[str] = field(default_factory=list)  # owners of this and every later duty
    comma_rule: bool = False  # its bracket says how to read every later one (逗号前为牵头单位)
    comma_groups: list[list[str]] = field(default_factory=list)

    def take(self, found: _Assignment) -> None:
        """The departments of an assignment, each in its role."""
        self.lead, self.owners = list(found.lead), list(found.owners)
        self.jointly, self.supervising = list(found.jointly), list(found.supervising)
        self.standing = list(found.standing)
        self.comma_rule, self.comma_groups = found.comma_rule, list(found.comma_groups)


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
        flag_line=para.bracket_line or para.line,
    )
    duty.take(found)
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
    elif not _plan_readable(duty.rule):
        duty.flags.append(_unread_flag(duty.rule))
    if not found.lead and not found.owners and not found.jointly:
        subject = _text_departments(before) if found.supervising else []
        if subject:  # "市政府各部门要落实…。（市政府办公室督促检查）": who does it is in the text
            duty.owners = subject
            duty.flags.append(
                f"{where}中只写了督促、指导的部门：负责部门取自正文（{'、'.join(subject)}），请核对"
            )
        else:
            duty.flags.append(f"{where}中没有找到负责部门：请补上 lead 或 owners")
    duty.flags.extend(found.doubts)
    duty.flags.extend(f"{where}中还写有：{note}" for note in found.notes)
    return duty


def _unread_flag(rule: str) -> str:
    return f"期限写法“{rule}”无法识别：原样保留，暂按无期限处理；请改写为可识别的写法后删去 rule_unread"


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
                _clean(clause),
                match.group(),
                owners=owners,
                flag_line=para.line,
                flags=[note],
            )
            if not owners:
                duty.take(found)
            duties.append(duty)
    return duties


def _text_duty(para: _Piece, later: _Assignment | None) -> _Duty:
    """A paragraph without a bracket: departments and deadline from labels in its text
    ("…。牵头单位：市发改委；责任单位：…") or its sentences, else from the next bracket of
    its unit."""
    labelled = _inline_labels(para.text)
    if labelled is not None:  # the paragraph names its own: never the next one's bracket
        duty = _Duty(para.line, para.text, _title(para.text), labelled.rule)
        duty.take(labelled)
        if labelled.rule is None:
            duty.flags.append("分工中没有期限：rule 为 null（无固定期限），请补上期限或确认")
        duty.flags.extend(labelled.doubts)
        return duty
    roles = role_clauses(para.text)
    duty = _Duty(para.line, para.text, _title(para.text), None, owners=_text_departments(para.text))
    phrase = next((p for _, _, p in _phrases(para.text) if not p.report), None)
    if roles is not None and phrase is not None and not roles.notes:
        # "…，县司法局牵头，各单位配合，年底前完成。": written as a bracket would be, sure
        duty = _Duty(para.line, para.text, _title(para.text), phrase.rule, event=phrase.event)
        duty.take(roles)
        return duty
    if phrase is not None:
        duty.rule, duty.event = phrase.rule, phrase.event
        where = f"期限取自正文“{phrase.rule}”"
    elif later is not None:
        duty.rule = later.rule
        where = f"期限取自本单元下一段的括号（{later.rule or '无期限'}）"
    else:
        where = "也没有期限：rule 为 null（无固定期限）"
    blanket = [n for n in duty.owners if n in BLANKET]
    if blanket and len(blanket) == len(duty.owners):
        duty.owners = []
        who = f"正文只写了“{'、'.join(blanket)}”（泛指），没有点名负责部门，请补上 lead 或 owners"
    elif duty.owners:
        who = f"部门取自正文（{'、'.join(duty.owners)}）"
    elif later is not None and later.names:
        duty.take(later)
        who = "部门取自本单元下一段的括号"
    else:
        who = "没有找到负责部门，请补上 lead 或 owners"
    duty.flags.append(f"本段没有分工括号：{who}，{where}；请核对")
    return duty


def _letter(index: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[index] if index < len(letters) else f"_{index + 1}"
