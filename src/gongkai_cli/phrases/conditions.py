"""Periods that a clause's words make a condition, not a deadline, whatever their own
words say (mended as classes after the law audit's fourth sample): a unit defined by a
span (满一小时为一次), 满N followed by what must also hold (满12个月，行政重组未完成的), the
first months of something (在开始实行劳动保险的头两个月内), an act whose gain follows
(在买入后六个月内卖出…，由此获得的利润), a failure that is deemed something (在6个月内未能
得到履行，视为…脱销), an exception's case (…之日起三十日内没有离开请求国…的除外) and the
same day of an act that depends on being able to do it then, when the clause gives the
other case a period (能够当场答复…的，应当当场书面答复；不能当场答复的，…15日内).
Pure: words in, a yes or no out; ``context.in_context`` asks it first."""

from __future__ import annotations

import re

from .rule import Found

_SENTENCE_ENDS = "。；;"
_PART_ENDS = "，,；;。：:"
_LIST_ITEM = r"\s*(?:第[一二三四五六七八九十百]+条\s*)?[（(][一二三四五六七八九十]+[）)]"
_GAINS = ("由此", "因此获得", "所得收益")
_PERIODS = ("workdays", "days", "months", "years", "hours")
_DUTIES = ("应当", "必须", "可以")  # not 应 alone: 法院应受让人申请 (upon the request)
_NEGATIONS = ("未", "没有", "不能", "无法")


def is_condition(found: Found, s: str, stop: int) -> bool:
    """Whether the words around ``found`` (a period read in the part ending at ``stop``)
    make it a condition, not a time limit."""
    rule = found.rule
    if rule.extension:
        return False
    sentence = max(s.rfind(ch, 0, found.core) for ch in _SENTENCE_ENDS) + 1
    closing = min((i for i in (s.find(ch, found.end) for ch in _SENTENCE_ENDS) if i >= 0), default=len(s))
    after = s[found.end : closing]
    if (
        rule.kind in _PERIODS
        and after.startswith(("没有", "未", "无", "拒绝", "拒不"))
        and not any(m in s[sentence:closing] for m in (*_DUTIES, "应", "须", "不得"))
    ):
        # 债务人在六个月内没有清偿债务 (no duty in the sentence), 在申请前六个月内未受过行政
        # 处罚: what did not happen in a span, a case (著作权法实施条例 第二十九条 with 视为)
        return True
    if rule.back:
        # (二)停止经营快递业务，未提前10日向社会公告 (快递暂行条例 第四十条): a failure, a case
        return s[: found.core].endswith(("未提前", "没有提前", "不提前"))
    if "是指" in s[sentence : found.core] and rule.kind in ("date", *_PERIODS):
        # 是指自发明专利申请日起满4年…之日至…的间隔天数 (专利法实施细则 第七十八条)
        return True  # 现有民办学校，是指2016年11月7日…公布前设立的 (民办教育促进法实施条例 第六十六条)
    if rule.kind == "same_day":
        # 当场告知时，应当将申请文件…退回 (公司登记管理条例 第五十一条): a case, not a time
        return _same_day_if_able(found, s) or s[found.end : stop].endswith("时")
    if rule.kind not in _PERIODS:
        return False
    but = s.rfind("但", sentence, found.core)
    if after.rstrip().endswith("除外") and but >= 0 and not any(m in s[but : found.core] for m in _DUTIES):
        # 但经…同意，或者被引渡人在…之日起三十日内没有离开请求国…的除外 (引渡法 第十四条); 但是，
        # …自法院应受让人申请予以公告之日起满六十日不行使的除外 (海商法 第二十六条)
        return True
    if re.search("刑期(?:不足|不满|超过)?为?$", s[: found.core]):
        return True  # 刑期不满六个月: a sentence's length (a minimum: context.py)
    if rule.sense == "presumed":
        # (一)自颁发勘查许可证之日起满2年，或者… (探矿权采矿权转让管理办法 第五条): a listed case
        # (not 自形成之日起满30年向社会开放: what happens then, the day given)
        alone = found.end >= closing or s.startswith(("，或者", ",或者", "，或", ",或", "；", ";"), found.end)
        listed = (
            alone
            and re.match(_LIST_ITEM, s[sentence:]) is not None
            and not any(m in s[sentence:closing] for m in _DUTIES)
        )
        return listed or _defines_or_waits(s, found.end)
    if s[: found.core].endswith(("的头", "的最初", "的开头")):
        return True  # 在开始实行劳动保险的头两个月内 (劳动保险条例 第九条): a span described
    if after.startswith(_NEGATIONS) and "视为" in after:
        return True  # 两份订单在6个月内未能得到履行，视为…图书脱销 (著作权法实施条例 第二十九条)
    # 将其所持有的公司股票在买入后六个月内卖出…，由此获得的利润归公司所有 (股票发行与交易管理
    # 暂行条例 第三十八条): the act that brings the gain, looked back on
    gain = min((i for i in (after.find(w) for w in _GAINS) if i > 0), default=-1)
    return gain > 0 and after[gain - 1] in "，," and not any(m in after[:gain] for m in _DUTIES)


def _defines_or_waits(s: str, end: int) -> bool:
    """满一小时为一次 (道路交通安全违法行为记分管理办法 第二十七条): a unit defined; 满12个月，
    行政重组未完成的，… (证券公司风险处置条例 第十三条): 满N and a case that must also hold."""
    if s.startswith(("为", "计为", "算为", "按"), end) and not s.startswith("为止", end):
        return True
    if s.startswith(("仍", "未", "没有", "无人", "不"), end) and "的" in s[end : _part_end(s, end)]:
        return True  # 自…之日起满三十日仍无人领取的货物 (铁路法 第二十二条): a class of goods
    if end >= len(s) or s[end] not in "，,":
        return False
    following = end + 1
    while following < len(s) and s[following] not in _PART_ENDS:
        following += 1
    return following > end + 1 and s[end + 1 : following].endswith("的")


def _part_end(s: str, at: int) -> int:
    return min((i for i in (s.find(ch, at) for ch in _PART_ENDS) if i >= 0), default=len(s))


def _same_day_if_able(found: Found, s: str) -> bool:
    """能够当场答复是否受理的，应当当场书面答复；不能当场答复的，应当自收到…之日起15日内 (信访
    条例 第二十二条): 当场 holds only in the case where it can be done then, and the period
    for the other case is the limit."""
    part = max(s.rfind(ch, 0, found.core) for ch in _PART_ENDS)
    if part < 0:
        return False
    before = max(s.rfind(ch, 0, part) for ch in _PART_ENDS) + 1
    case = s[before:part]
    able = case.endswith("的") and "当场" in case and not case.startswith(("不能", "不"))
    return able and "不能当场" in s[found.end :]  # alone (能够当场答复的，应当当场答复) it is the day


# After the period: a case of something not done by then, ending in 的 at a part's end
# (一年内无人认领的，; 1年内，当事人仍未办理退还手续的，); pattern strings, compiled on first use.
_CASE_NOT_DONE = "[，,]?[^，,；;。]{0,12}?(?:未|没有|无人)[^，,；;。]*的[，,]"
_ANOTHER_WAY = "或者?(?:自|从|在|于)[^，,；;。]*$"


def lapses_unless_done(found: Found, s: str) -> bool:
    """自发布招领公告之日起一年内无人认领的，归国家所有 (民法典 第三百一十八条); 自合同效力中止之日
    起满二年双方未达成协议的，保险人有权解除合同 (保险法 第三十七条): a period from a named
    event in which something is not done, after which the law's consequence follows. It is
    the time to do it (with 满, the consequence's earliest day), not a class of cases; a
    period with no event of its own (六个月内没有清偿债务) stays a condition."""
    rule = found.rule
    if rule.kind not in _PERIODS or rule.back or rule.extension or not (rule.anchor or "").endswith("之日起"):
        return False
    closing = min((i for i in (s.find(ch, found.end) for ch in _SENTENCE_ENDS) if i >= 0), default=len(s))
    case = re.compile(_CASE_NOT_DONE).match(s, found.end, closing)
    if case is None or any(m in case.group(0) for m in (*_DUTIES, "应", "须", "或")):
        return False
    if re.search(_ANOTHER_WAY, s[max(0, found.core - 30) : found.core]):
        return False  # 一年内或者自…之日起五年内未行使撤销权的: two limits, a case
    return bool(s[case.end() : closing].strip("，, "))
