"""Deadline phrases and subjects inside running text: "…文件公开后3个工作日内…",
"办公室要于年底前…". Pure: a sentence in, the phrase and the departments it names out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ...phrases.chinese import compact
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
from .departments import _is_department, _names


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
# "6月15日前", "6月底前", "11月中旬前", "8月前" (before August); "十一月底前" with a month
# in Chinese numerals only before 底 / 末 / 旬 (统一月报 has 一月 in it); "三季度末前". Not
# a month right after another limit: "2022年底11月前" is garbled, read whole elsewhere.
_CN_MONTH = "(?:十[一二]?|[一二三四五六七八九])"
_DATE_PHRASE = re.compile(
    rf"(?<![0-9底末旬])(?:[0-9]{{4}}年)?(?:[0-9]{{1,2}}月(?:[0-9]{{1,2}}[日号]{_BEFORE}|(?:底|末|[上中下]旬){_BEFORE}?|{_BEFORE})"
    rf"|(?<![0-9一二三四五六七八九十]){_CN_MONTH}月(?:底|末|[上中下]旬){_BEFORE}?"
    rf"|(?<![每各])第?[一二三四1-4]季度(?:末|底){_BEFORE}?)"
)
# "年底前", "上半年", "2022年底前" (2017年内 is a year, not a period); not "2022年底11月前",
# which is garbled (年底 or 11月前?)
_YEAR_PHRASE = re.compile(
    rf"(?<![0-9])[0-9]{{4}}年(?:年底|年末|底|末|内|度内){_BEFORE}?(?![0-9]{{1,2}}月)"
    rf"|(?<![0-9年])(?:{_either(w for w in YEAR_END if w != '全年')}{_BEFORE}?|上半年)"
)
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


_SUBJECT_END = re.compile(r"要(?!求)|应当|应|须|需|对照|于|在|将|负责|围绕|结合|按照|依据|根据|通过")
# A clause that starts with these is no subject: "按照国务院办公厅要求" names who asked.
_NOT_SUBJECT = re.compile(r"^(?:按照|根据|依据|依照|对照|围绕|结合|为了?|通过|针对|对于?|在|以|经|遵照|参照)")
# What a closing clause without a deadline must do to count as a duty (…汇报, …负责通报…).
_DUTY_VERB = re.compile(r"汇报|报送|通报|报告|召开|组织(?!推进|实施|领导|协调|保障)|提交|总结|发布")
# A sentence that starts with only a modal has the subject of the sentence before (承前省略).
_NO_SUBJECT = re.compile(rf"^{_either(MODALS)}")


def _subject(clause: str) -> list[str]:
    """The departments a clause starts with ("办公室要…", "A、B及C对照本要点于…"); the
    first place where what comes before reads as department names (区应急局应…, not 区)."""
    clause = compact(clause)
    if _NOT_SUBJECT.match(clause):
        return []
    for match in _SUBJECT_END.finditer(clause, 1):
        head = clause[: match.start()]
        if len(head) > 40 or re.search(r"[，。；]", head):
            break
        names = _names(head)
        if names and all(_is_department(n) for n in names):
            return names
    return []


def _text_departments(text: str) -> list[str]:
    """The departments named as subjects in ``text``, in order ("各乡镇要公开规划，县发改局、
    县财政局要公开项目" names three)."""
    found: list[str] = []
    for sentence in _sentences(text):
        for clause in _clauses(sentence):
            found.extend(n for n in _subject(clause) if n not in found and not _ROLE_NOUN.match(n))
    return found


# "牵头单位要…", "相关责任单位要…": the departments named before, by their role; no name
_ROLE_NOUN = re.compile(r"^(?:相关|有关)?(?:牵头|责任|配合|主办|协办|承办|参与)(?:单位|部门|处室|科室)$")


def _phrases(text: str) -> Iterator[tuple[str, str, _Phrase]]:
    """(sentence, compacted clause, phrase) for each clause of ``text`` with a deadline."""
    for sentence in _sentences(text):
        clauses = _clauses(sentence)
        for i, clause in enumerate(clauses):
            phrase = _find_phrase(clause, clauses[i - 1] if i else "")
            if phrase is not None:
                yield sentence, clause, phrase
