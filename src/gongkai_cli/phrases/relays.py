"""Periods whose event is another than the words say at first sight (mended as classes on
the development draw dev-20261300): a report passed on up a chain, where each office's
period runs from its own receipt (县级人民政府应当在接到报告后2小时内向设区的市级人民政府
报告；设区的市级人民政府应当在接到报告后2小时内向省…报告: 病原微生物实验室生物安全管理条例
第十七条), and 当场 in a later case that names its own event (申请人到公司登记机关提交申请文件、
材料原件的，应当当场作出准予登记的决定: 公司登记管理条例 第五十三条), and the end of a span
from one event until N days after another (自…之日起至上述文件公开后五日内: 证券法 第四十二条).
Also a period from an event of its own after a named date (每年12月31日前将…计划报业务主管
单位，业务主管单位同意后十日内报登记管理机关备案: 境外非政府组织境内活动管理法 第十九条): --from
dates no event there. Such a period waits for its event's date (needs_event). Pure: words
in, facts out; ``clause.py`` calls it."""

from __future__ import annotations

import re

from .context import event_of
from .rule import Found

_SENTENCE_ENDS = "。；;"
_PART_ENDS = "，,；;。：:"
_DUTIES = ("应当", "必须", "应", "须")
_PERIODS = ("workdays", "days", "months", "years", "hours")
_HANDED = ("交至", "交给", "送交", "移交", "移送", "报送", "转送")


def relayed(parts: list[Found], s: str) -> list[Found]:
    """The periods, each later one given the event it really runs from when it is the
    next link of a chain of reports or a same-day act in a case of its own."""
    out = [_until_after(part) for part in parts]
    dated_first = bool(parts) and parts[0].rule.kind == "date"
    for i in range(1, len(out)):
        part, before = out[i], out[i - 1]
        if part.event is not None:
            continue
        own = event_of(part, s) if dated_first and part.rule.kind in _PERIODS else None
        if own is not None:  # 每年12月31日前…报业务主管单位，业务主管单位同意后十日内报…备案
            out[i] = part._replace(event=own)
            continue
        event = (
            _next_link(part, before, s) or _case_of_same_day(part, parts[0], s) or _if_case(part, before, s)
        )
        if event is not None:
            out[i] = part._replace(event=event)
    return out


def _until_after(part: Found) -> Found:
    """自实际开展上述有关工作之日起至上述文件公开后五日内，不得买卖该证券 (证券法 第四十二条):
    a span from one event until N days after another; its end runs from the later event
    (上述文件公开), which --from (the first event) does not date."""
    words = part.rule.anchor or ""
    at = words.rfind("起至")
    if part.event is not None or at < 0 or not words.endswith(("后", "以后", "之后")):
        return part
    later = words[at + 2 :].removesuffix("之后").removesuffix("以后").removesuffix("后")
    return part._replace(event=later) if len(later) >= 2 else part


def _subject(part: Found, s: str) -> str:
    """The words before the modal of the part's sentence (设区的市级人民政府)."""
    sentence = max(s.rfind(ch, 0, part.core) for ch in _SENTENCE_ENDS) + 1
    lead = s[sentence : part.core]
    at = min((i for i in (lead.find(m) for m in _DUTIES) if i > 0), default=-1)
    return lead[:at].strip() if at > 0 else ""


def _next_link(part: Found, before: Found, s: str) -> str | None:
    """接到报告后2小时内 once more, for the office the period before reports to: from its
    own receipt of that report, not the first office's."""
    words, previous = event_of(part, s), event_of(before, s)
    subject = _subject(part, s)
    if len(subject) < 2 or subject == _subject(before, s):
        return None
    act = s[before.end : max(s.rfind(ch, 0, part.core) for ch in _SENTENCE_ENDS)]
    if not words and part.rule.kind in _PERIODS and part.rule.anchor is None:
        # 在水上当场收缴的罚款，应当自抵岸之日起二日内交至行政机关；行政机关应当在二日内将罚款
        # 缴付指定的银行 (行政处罚法 第七十一条): from the office's receipt of what was handed on
        if any(f"{verb}{subject}" in act for verb in _HANDED) and not part.rule.back:
            return f"{subject}收到"
        return None
    if not words or words != previous or part.rule.kind != before.rule.kind:
        return None
    if f"向{subject}" not in act:
        return None
    return f"{subject}{words}"


# 立法会如以不少于全体议员三分之二多数再次通过原案，: a case opened by 如 (not 例如, 如下).
_IF_CASE = "(?<![例诸比假])(?:如果|如|若|倘若)(?![下何实期])([^，,；;。]{2,40}?)的?[，,]$"


def _if_case(part: Found, before: Found, s: str) -> str | None:
    """行政长官…可在三个月内将法案发回立法会重议，立法会如以…再次通过原案，行政长官必须在一个
    月内签署公布 (香港特别行政区基本法 第四十九条): a later period after a case opened by 如
    runs from that case's event, not from the first period's."""
    if part.rule.kind not in _PERIODS or part.rule.anchor or part.rule.back or part.rule.extension:
        return None
    sentence = max(s.rfind(ch, 0, part.core) for ch in _SENTENCE_ENDS) + 1
    if sentence > before.core:
        return None
    clause = max(s.rfind(ch, 0, part.core) for ch in "，,")
    if clause < before.end:
        return None
    m = re.compile(_IF_CASE).search(s, before.end, clause + 1)
    return m.group(1) if m else None


def _case_of_same_day(part: Found, first: Found, s: str) -> str | None:
    """当场 after a case ending in 的 in its own sentence, in a clause whose first period
    runs from a named event: the case is the event (提交申请文件、材料原件)."""
    if part.rule.kind != "same_day" or not event_of(first, s):
        return None
    sentence = max(s.rfind(ch, 0, part.core) for ch in _SENTENCE_ENDS) + 1
    if sentence <= first.core:
        return None
    parts_before = s[sentence : part.core]
    cut = min((i for i in (parts_before.find(ch) for ch in "，,") if i >= 0), default=-1)
    case = parts_before[:cut] if cut > 0 else ""
    if not case.endswith("的"):
        return None
    words = case.removesuffix("的")
    for opener in ("申请人", "当事人"):
        words = words.removeprefix(opener)
    return words or None
