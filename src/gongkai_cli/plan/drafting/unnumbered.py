"""Notices whose duties are paragraphs without numbers (福建省政府办公厅 2018: the 分解表
is an attachment not on the page; the notice's body says 「各地、各部门要认真对照工作任务…，于
6月30日前书面报省政府办公厅…」 and 「各地、各部门要高度重视…，全年落实情况于12月15日前…」).
With no numbered paragraph and no task table, a paragraph whose first clause names who
must act (各地、各部门要…, 办公室应…) is one duty: its first clause is the title (who
included), the names its owners, its first deadline phrase its rule. The paragraphs
before the first such one are the header and the notice's preamble (为贯彻落实…印发给你们;
做好…工作，要以…为指导 names no one). Pure: paragraphs in, duties out."""

from __future__ import annotations

from .duties import _clean, _Duty
from .paragraphs import _Para
from .sentences import _clauses, _phrases, _sentences, _subject


def subject_led(text: str) -> list[str]:
    """The names a paragraph's first clause starts with, when it says they must act."""
    sentences = list(_sentences(text))
    if not sentences:
        return []
    clauses = _clauses(sentences[0])
    if not clauses or not any(word in clauses[0] for word in ("要", "应", "须", "负责")):
        return []
    return _subject(clauses[0])


def first_subject_line(lines: list[tuple[int, str]]) -> int | None:
    """The index of the first line that starts a duty so (see the module), or None."""
    return next((i for i, (_, text) in enumerate(lines) if subject_led(text)), None)


def unnumbered_duties(paras: list[_Para]) -> list[_Duty]:
    """One duty per paragraph that names who must act; the others are not duties."""
    duties: list[_Duty] = []
    for para in paras:
        owners = subject_led(para.text)
        if not owners:
            continue
        first = _clauses(next(iter(_sentences(para.text))))[0]
        found = next(iter(_phrases(para.text)), None)
        duty = _Duty(para.line, para.text, _clean(first), None, owners=owners, report=False)
        if found is not None:
            duty.rule, duty.event = found[2].rule, found[2].event
        else:
            duty.flags.append("本段没有期限：rule 为 null（无固定期限），请补上期限或确认")
        duties.append(duty)
    return duties
