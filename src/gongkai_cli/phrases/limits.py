"""Periods that are limits, not duties' deadlines (mended as classes after the law audit's
sixth sample): the cap on a term of a right or a thing (采矿权的期限…最长不超过三十年,
保密期限…绝密级不超过三十年, 有效期限一般为5年, 承包经营权期限可以延长到70年), a ban for a
range of years (一年至三年内禁止参加…考试, 取消其一年至二年内…投标资格) or for a number of
years up to life (十年直至终身禁止从事…), and a measure's span (实施6日的留验). Each is a
restriction: a span's end, never due and never moved for rest days, so it needs no
holiday calendar. Also here: a named date of the past that describes a class
(1993年12月31日前已批准设立的外商投资企业: a condition) and a period counted back from an
event named before it at the head of a sentence whose duty follows (收费公路终止收费前6个月，
…应当进行鉴定和验收: a deadline counted back, not a length). Pure: words in, facts out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..errors import InputError
from .chinese import number
from .rule import Found, Rule
from .vocabulary import BANS, MEASURE_VERBS, RANGE_ABOVE, RANGE_LOW, SUSPENDS

_SENTENCE_ENDS = "。；;"
_PART_ENDS = "，,；;。：:"
# Words naming a term (of a right, a secret, a licence, a contract) in the sentence before a cap.
_TERMS = ("期限", "有效期", "保护期", "年限", "处分期")
# A procedure's 期限 capped is the authority's own deadline (审理期限不超过一年), not a span.
_PROCEDURES = (
    "审理",
    "审查",
    "审批",
    "审核",
    "办理",
    "处理",
    "侦查",
    "调查",
    "审计",
    "复议",
    "检查",
    "羁押",
    "拘留",
    "鉴定",
    "整改",
    "改正",
    "清算",
    "核查",
    "办案",
    "审结",
    "答复",
    "缴纳",
    "清偿",
    "履行",
    "补扣",
    "补征",
    "补缴",
    "追征",
    "追缴",
)
# A seizure's cap is the authority's deadline to return or decide (查封、扣押的期限不得超过
# 三十日, 行政强制法 第二十五条; 海关扣留货物…的期限不得超过1年): not a term's span.
_SEIZURES = ("扣留", "扣押", "查封", "冻结", "暂扣", "羁押", "拘留")
_CAPPED = ("超过", "最长")
_KINDS = ("workdays", "days", "months", "years", "hours")
# Notice and answer periods: their end is when the next step may be taken, read elsewhere.
_NOTICES = ("公告", "公示", "异议", "申报", "答复", "答辩", "举证", "上诉", "复议", "诉讼", "审")
# Words ending in 期 that name no span (日期, 时期, 定期, 到期, 逾期, 分期 …).
_NOT_SPANS = ("日期", "时期", "定期", "到期", "逾期", "限期", "延期", "如期", "按期", "同期", "初期")
_RANGE_HIGH = "至([0-9]+|[一二两三四五六七八九十百]+)(日|天|个月|年)(?:以内|之内|内)"
_UNITS = {"日": "days", "天": "days", "个月": "months", "年": "years"}
# 实施6日的留验 (国境卫生检疫法实施细则 第九十九条): the span of a measure carried out
_MEASURE_AFTER = "的([^，,；;。、的]{1,6})(?=$|[，,；;。]|或者|或)"


def limit_or_case(found: Found, s: str, part_start: int) -> Found | None:
    """The period read by one of this module's classes (a span, or a case with no date),
    or None: what ``clause.py`` asks before it would call a period a length."""
    return (
        limit_span(found, s, part_start)
        or dated_class(found, s)
        or _look_back(found, s)
        or _span_of_part_before(found, s)
        or _kept_too(found, s, part_start)
        or _case_not_deadline(found, s)
        or _shortest_validity(found, s)
        or _consent_span(found, s, part_start)
    )


_MODALS = ("应当", "必须", "可以", "应", "须")
_MEASURE_TERM = "措施(?:的)?(?:实施|征收)(?:的)?期限"
# After a period: a subject, then what it did not do, ending in 的 (a case), within a sentence.
_NEGATIVE_CASE = "[^。；;，,]{1,16}?(?:没有|未)[^。；;]{0,60}?的[，,]"
_LISTED = r"\s*(?:第[一二三四五六七八九十百]+条\s*)?[（(][一二三四五六七八九十]+[）)]"


def _bracketed(s: str) -> bool:
    """Whether _LISTED can match at all: its item number is in brackets. Tested first, so
    that a plain phrase compiles none of these patterns (start-up of `gongkai deadline`)."""
    return "（" in s or "(" in s


def _case_not_deadline(found: Found, s: str) -> Found | None:
    """(四)摩托车4年以内每2年检验1次 (道路交通安全法实施条例 第十六条): a span in which
    something recurs, a class (of vehicles), no date; (二)自实施该保障措施之日起5年内，未对同一
    产品实施2次以上保障措施 (保障措施条例 第三十条): a listed case of what did not happen."""
    rule = found.rule
    if rule.back or rule.extension or rule.sense not in ("deadline", "earliest") or rule.kind not in _KINDS:
        return None
    sentence = max(s.rfind(ch, 0, found.core) for ch in _SENTENCE_ENDS) + 1
    closing = min((i for i in (s.find(ch, found.end) for ch in _SENTENCE_ENDS) if i >= 0), default=len(s))
    duty = any(m in s[sentence:closing] for m in ("应当", "必须", "可以", "应", "须"))
    if rule.sense == "earliest":
        # (二)距最近一次定向募集股份的时间不少于十二个月；(股票发行与交易管理暂行条例 第十一条):
        # a listed requirement on a length, no day to act from
        item = _bracketed(s) and re.compile(_LISTED).match(s, sentence)
        if item and not duty and found.end >= closing and "距" in s[sentence : found.core]:
            return found._replace(rule=replace(rule, sense="condition"))
        return None
    recurs = s.startswith("每", found.end) and re.compile(r"每[0-9一二两三四五六七八九十]+").match(
        s, found.end
    )
    part = s[max(s.rfind(ch, 0, found.core) for ch in _PART_ENDS) + 1 : found.core]
    if "连续" in part and "超过" in (rule.qualifier or ""):
        # 法定节假日假期前后连续工作一般不超过6天 (全国年节及纪念日放假办法 第七条): a cap on a
        # run of days, no date
        return found._replace(rule=replace(rule, sense="condition"))
    negated = any(w in s[found.end : found.end + 18] for w in ("未", "没有"))
    case = negated and re.compile(_NEGATIVE_CASE).match(s, found.end)
    if case and not duty and not any(m in case.group(0) for m in _MODALS):
        # 发现煤矿企业在生产过程中，1周内其负责人…没有按照国家规定带班下井…的，责令改正
        # (国务院关于预防煤矿生产安全事故的特别规定 第二十一条): what did not happen, a case
        return found._replace(rule=replace(rule, sense="condition"))
    listed = (
        _bracketed(s)
        and re.compile(_LISTED).match(s, sentence)
        and s.startswith(("，未", ",未", "，没有", ",没有"), found.end)
    )
    if (recurs or listed) and not duty:
        return found._replace(rule=replace(rule, sense="condition"))
    return None


def _consent_span(found: Found, s: str, part_start: int) -> Found | None:
    """职务作品完成两年内，经单位同意，作者许可第三人…使用作品 (著作权法实施条例 第十二条): a
    span during which something needs another's consent, a restriction; not a duty's time
    (应当在二十日内，经…批准，作出决定: a modal before the period)."""
    rule = found.rule
    if rule.back or rule.extension or rule.sense != "deadline" or rule.kind not in _KINDS:
        return None
    if not s.startswith(("，经", ",经", "，须经", ",须经"), found.end):
        return None
    if any(m in s[part_start : found.core] for m in ("应当", "必须", "可以", "应", "须")):
        return None
    if (rule.anchor or "").endswith(("之日起", "起")):
        return None  # 自受理之日起二十日内，经…批准，作出决定: a time to act from an event
    stop = min((i for i in (s.find(ch, found.end + 1) for ch in _PART_ENDS) if i >= 0), default=len(s))
    if not s[found.end + 1 : stop].endswith(("同意", "许可", "批准")):
        return None
    return found._replace(rule=replace(rule, sense="restriction"))


def _shortest_validity(found: Found, s: str) -> Found | None:
    """居留证件的有效期最短为九十日，最长为五年 (出境入境管理法 第三十条): the shortest a validity
    may be is a requirement on its length, no date (like 有效期限应当不低于6个月)."""
    lead = s[max(s.rfind(ch, 0, found.core) for ch in _PART_ENDS) + 1 : found.core]
    if found.rule.qualifier or not lead.endswith(("有效期最短为", "有效期限最短为", "期限最短为")):
        return None
    return found._replace(rule=replace(found.rule, sense="condition"))


def _kept_too(found: Found, s: str, part_start: int) -> Found | None:
    """销售记录应当保存至医疗器械有效期满后2年；没有有效期的，不得少于5年 (医疗器械经营监督管理
    办法 第三十八条): a minimum with no subject of its own in a sentence about keeping
    records is a keeping time too."""
    rule = found.rule
    if rule.sense != "earliest" or rule.back or rule.kind not in ("days", "months", "years"):
        return None
    if s[part_start : found.core] != (rule.qualifier or "") or not (rule.qualifier or "").endswith("少于"):
        return None
    sentence = s.rfind("。", 0, found.core) + 1
    if "保存" not in s[sentence:part_start]:
        return None
    return found._replace(rule=replace(rule, sense="restriction", qualifier="保存期"))


def _look_back(found: Found, s: str) -> Found | None:
    """提供此前三年内实际使用该注册商标的证据 (商标法 第六十四条): the span before now that the
    evidence covers, looked back on; a condition, no window to act in."""
    rule = found.rule
    if not rule.back:
        return None
    if s[: found.core].endswith(("此前", "在此之前", "此之前")):
        return found._replace(rule=replace(rule, sense="condition"))
    # 对实施临时反补贴措施之日前90天内进口的产品追溯征收 (反补贴条例 第四十五条): the span
    # names a class of things (进口的产品), not a time to act in
    stop = min((i for i in (s.find(ch, found.end) for ch in _PART_ENDS) if i >= 0), default=len(s))
    after = s[found.end : stop]
    if rule.sense != "window" or "的" not in after or after.startswith(("应当", "必须", "可以")):
        return None
    thing = after[after.index("的") + 1 :]
    if not 0 < len(thing) <= 12 or not s[found.core : found.end].endswith("内"):
        return None
    return found._replace(rule=replace(rule, sense="condition"))


def _span_named_after(found: Found, s: str) -> Found | None:
    """机动车驾驶人初次申领机动车驾驶证后的12个月为实习期 (道路交通安全法实施条例 第二十二条):
    a length that the words after it name as a span (…为实习期)."""
    rule = found.rule
    if rule.qualifier or rule.sense != "deadline" or not s.startswith("为", found.end):
        return None
    stop = min((i for i in (s.find(ch, found.end) for ch in _PART_ENDS) if i >= 0), default=len(s))
    name = s[found.end + 1 : stop]
    if not 2 <= len(name) <= 5 or not name.endswith("期") or name.endswith(_NOT_SPANS):
        return None
    if any(word in name for word in (*_PROCEDURES, *_NOTICES)):
        return None
    return found._replace(rule=replace(rule, sense="restriction", qualifier=name))


def _named_span(found: Found, s: str) -> Found | None:
    """震后应急期一般为10日 (破坏性地震应急条例 第二十二条): a span named …期 and its length,
    its end not moved; a procedure's time (调查期限为60日) and a notice period stay as read."""
    rule = found.rule
    if rule.qualifier or rule.sense != "deadline":
        return None
    lead = s[max(s.rfind(ch, 0, found.core) for ch in _PART_ENDS) + 1 : found.core]
    named = lead.removesuffix("为").removesuffix("一般").removesuffix("的")
    if not lead.endswith("为") or not named.endswith("期") or named.endswith(_NOT_SPANS):
        return None
    if any(word in named[-6:] for word in (*_PROCEDURES, *_NOTICES)):
        return None
    name = named[-3:] if len(named) >= 3 else named
    return found._replace(rule=replace(rule, sense="restriction", qualifier=name))


def extended_spans(parts: list[Found], s: str = "") -> list[Found]:
    """可以延长20日 after 应急期一般为10日: the span made longer, a span too; and spans listed
    with 、 before one ban (交付使用后5年内、大修的城市道路竣工后3年内不得挖掘: 城市道路管理条例
    第三十三条), each the ban's."""
    out = list(parts)
    for i in range(len(out) - 1, 0, -1):
        later, before = out[i], out[i - 1]
        if (
            later.rule.sense == "restriction"
            and before.rule.sense == "deadline"
            and s[before.end : before.end + 1] == "、"
        ):
            out[i - 1] = before._replace(rule=replace(before.rule, sense="restriction"))
    for i in range(1, len(out)):
        span = out[i - 1].rule
        if out[i].rule.extension and span.sense == "restriction":
            name = (
                span.qualifier if (span.qualifier or "").endswith(("期", "期限")) else out[i].rule.qualifier
            )
            out[i] = out[i]._replace(rule=replace(out[i].rule, sense="restriction", qualifier=name))
    return out


def limit_span(found: Found, s: str, part_start: int) -> Found | None:
    """The period as a restriction when it is a term's cap, a ban for a range of years or
    up to life, or a measure's span; None for anything else."""
    rule = found.rule
    if rule.kind not in ("days", "months", "years") or rule.back or rule.extension:
        return None
    closing = min((i for i in (s.find(ch, found.end) for ch in _SENTENCE_ENDS) if i >= 0), default=len(s))
    if s.startswith("直至终身", found.end) and any(ban in s[found.end : closing] for ban in BANS):
        # 十年直至终身禁止从事药品生产经营活动 (药品管理法 第一百二十五条): the shortest ban
        return found._replace(rule=replace(rule, sense="restriction", qualifier="最短禁止期"))
    return (
        term_cap(found, s)
        or _measure_span(found, s)
        or _withheld_licence(found, s)
        or _named_span(found, s)
        or _span_named_after(found, s)
    )


def term_cap(found: Found, s: str) -> Found | None:
    """A cap on a term of years (采矿权的期限…最长不超过三十年: 矿产资源法实施细则 第三十条;
    绝密级不超过三十年: 保守国家秘密法 第十五条; 取水许可证有效期限一般为5年，最长不超过10年:
    取水许可和水资源费征收管理条例 第二十五条; 承包经营权期限可以延长到70年: 退耕还林条例
    第四十八条): how long the term may run from its start, a span. A procedure's 期限
    (审理期限不超过一年) stays the authority's deadline; a cap in days or months too."""
    rule = found.rule
    if rule.kind not in ("years", "months") or rule.back or rule.extension or rule.sense != "deadline":
        return None
    qualifier = rule.qualifier or ""
    sentence = max(s.rfind(ch, 0, found.core) for ch in _SENTENCE_ENDS) + 1
    lead = s[sentence : found.core]
    validity = _validity_cap(lead, qualifier)
    if validity is not None:
        return found._replace(rule=replace(rule, sense="restriction", qualifier=validity))
    if rule.kind == "months":
        # 处分期最长不得超过48个月 (行政机关公务员处分条例 第十条): a span named …期 right
        # before its cap; other caps in months (审查期限不超过六个月) stay deadlines
        named = lead.removesuffix(qualifier)
        if not named.endswith("期") or named.endswith(_NOT_SPANS) or not qualifier:
            return None
    capped = any(word in qualifier for word in _CAPPED) or qualifier in ("延长至", "延长到")
    # 保护期为五十年 (著作权法 第四十七条), 有效期限一般为5年
    if not capped and not (qualifier == "" and lead.endswith(("一般为", "期为", "期限为"))):
        return None
    at = max(lead.rfind(term) for term in _TERMS)
    span = lead.removesuffix(qualifier).removesuffix("一般").rstrip("，,")
    own = span[max(span.rfind(ch) for ch in "，,的") + 1 :]
    term_words = ""
    if at < 0 and capped and own.endswith("期") and 3 <= len(own) <= 6 and not own.endswith(_NOT_SPANS):
        at, term_words = lead.rfind(own), own  # 停工留薪期一般不超过12个月 (工伤保险条例 第三十三条)
    if at < 0 or "是指" in lead:  # 衰竭期矿山，是指…剩余开采年限不超过五年的矿山: a definition
        return None
    named = term_words or lead[max(0, at - 4) : at]
    if any(word in named for word in _PROCEDURES) or (capped and any(v in lead[:at] for v in _SEIZURES)):
        return None
    if any(modal in lead for modal in ("应当", "必须")):
        # a duty in the sentence: its time limit (应当…在规定期限内办理竣工财务决算，期限最长不得
        # 超过1年: 行政事业性国有资产管理条例 第三十一条)
        return None
    if any(word in lead[:at] for word in ("延期", "展期", "延长")):
        return None  # 开工建设只能延期一次，期限最长不得超过1年: a duty's time postponed
    term = term_words or next(t for t in _TERMS if lead.startswith(t, at))
    return found._replace(
        rule=replace(rule, sense="restriction", qualifier=term if term != "年限" else "期限")
    )


def _validity_cap(lead: str, qualifier: str) -> str | None:
    """临时行驶车号牌有效期应当与…凭证上签注的期限保持一致，但最长不得超过六个月 (智能网联汽车
    道路测试与示范应用管理规范 第二十六条; law audit 8-097): the longest a validity may run, in
    months or years, a span (有效期 the sentence's subject, before the cap); the 应当 there binds
    the validity to another term, no duty is done by then. A validity postponed (延期, 展期,
    延长) or a cap not 最长 (不得超过 alone: a time to act) is read as before."""
    at = lead.find("有效期")
    if at < 0 or "最长" not in qualifier or "是指" in lead:
        return None
    if any(word in lead for word in ("延期", "展期", "延长", "届满前", "期满前")):
        return None
    return "有效期"


# What a date names when it dates a document (发布的, 公布的, 颁布的…).
_MADE = "(?:发布|公布|颁布|印发|通过|施行|批准|签订|签署|作出)$"
_MADE_BY = ("《",)
_ANOTHER_WAY = "或者?(?:自|从|在|于)[^，,；;。]*$"
_BACK_RANGE = "至([0-9]+|[一二两三四五六七八九十百]+)(个工作日|工作日|日|天|个月)(?:期间|之间|以内|内)?"


def back_range(found: Found, s: str) -> Found | None:
    """生产许可证有效期届满前90个工作日至30个工作日期间 (化妆品生产经营监督管理办法 第二十条;
    医疗器械生产监督管理办法 第十七条): a window between two counts back from the event,
    opening at the first and closing at the second; None for anything else."""
    rule = found.rule
    if not rule.back or rule.kind not in ("workdays", "days", "months") or rule.n is None:
        return None
    m = re.compile(_BACK_RANGE).match(s, found.end)
    if m is None:
        return None
    n = _inner_count(m.group(1), m.group(2), rule)
    if n is None:
        return None
    window = replace(rule, n=n, opens=rule.n, sense="window")
    return found._replace(rule=window, end=m.end(), act_end=m.end())


_OPENS_BEFORE = "([0-9]+|[一二两三四五六七八九十百]+)(个工作日|工作日|日|天|个月|年)(?:以后|之后|后)[、，,]?$"


def forward_range(found: Found, s: str) -> Found | None:
    """召开时间的三个月以后、六个月以内 (证券投资基金法 第八十六条): a window that opens N after
    the event and closes M after it; the closing day is the answer. None for anything else."""
    rule = found.rule
    if (
        rule.back
        or rule.extension
        or rule.n is None
        or rule.kind not in ("workdays", "days", "months", "years")
    ):
        return None
    if not s[found.core : found.end].endswith("内"):
        return None
    m = re.compile(_OPENS_BEFORE).search(s, max(0, found.core - 10), found.core)
    if m is None:
        return None
    n = _inner_count(m.group(1), m.group(2), rule)
    if n is None:
        return None
    return found._replace(rule=replace(rule, opens=n, sense="window"), core=m.start())


def _inner_count(digits: str, unit: str, rule: Rule) -> int | None:
    """The other end of a window written with its own number and unit (届满前90个工作日至30个
    工作日, 三个月以后、六个月以内): its count, when it is in the rule's unit and lies strictly
    inside the rule's period; None otherwise (both window readers share this test)."""
    kind = _UNITS.get(unit) or ("workdays" if unit.endswith("工作日") else None)
    try:
        n = number(digits)
    except InputError:
        return None
    if kind != rule.kind or rule.n is None or not 0 < n < rule.n:
        return None
    return n


def ranged_ban(found: Found, s: str, part_start: int) -> Found | None:
    """一年至三年内禁止参加医师资格考试 (医师法 第五十四条), 取消其一年至二年内参加…投标资格
    (招标投标法 第五十三条): a ban for a range, read at its lower end and answered by the
    upper end, the longest it may last (the found widened to it); None for anything else."""
    rule = found.rule
    if rule.kind not in ("days", "months", "years") or rule.back or rule.extension or rule.qualifier:
        return None
    if re.search(RANGE_LOW, s[part_start : found.core]) and s.startswith(BANS, found.end):
        # 1至5年内不得新成为… (民办教育促进法实施条例 第六十四条): the unit written once, the
        # found already at the upper end
        return found._replace(rule=replace(rule, sense="restriction", qualifier="最长禁止期"))
    lead = s[part_start : found.core]
    m = re.compile(_RANGE_HIGH).match(s, found.end)
    if m is None and any(verb in lead for verb in SUSPENDS):
        # 责令停止相关招生资格一年以上三年以下 (教育法 第八十二条): a suspension for a range
        m = re.compile(RANGE_ABOVE).match(s, found.end)
    elif m is not None:
        closing = min((i for i in (s.find(ch, m.end()) for ch in _SENTENCE_ENDS) if i >= 0), default=len(s))
        after = s[m.end() : closing]
        if not (any(after.startswith(ban) for ban in BANS) or ("取消" in lead and "资格" in after)):
            return None
    if m is None:
        return None
    try:
        n = number(m.group(1))
    except InputError:
        return None
    kind = _UNITS[m.group(2)]
    if n <= 0 or (kind == rule.kind and n <= (rule.n or 0)):
        return None
    wider = replace(rule, n=n, kind=kind, sense="restriction", qualifier="最长禁止期")  # type: ignore[arg-type]
    return found._replace(rule=wider, end=m.end(), act_end=m.end())


def _measure_span(found: Found, s: str) -> Found | None:
    """实施6日的留验 (国境卫生检疫法实施细则 第九十九条), 实施不超过5日的就地诊验 (第七十九条):
    how long a measure lasts."""
    qualifier = found.rule.qualifier or ""
    if not s[: found.core].removesuffix(qualifier).endswith("实施") or (
        qualifier and "超过" not in qualifier
    ):
        return None
    m = re.compile(_MEASURE_AFTER).match(s, found.end)
    if m is None:
        return None
    return found._replace(rule=replace(found.rule, sense="restriction", qualifier=f"{m.group(1)}期限"))


def _span_of_part_before(found: Found, s: str) -> Found | None:
    """可以冻结、查封，期限为六个月 (期货和衍生品法 第一百零六条): a span whose measure the part
    before names; …继续有效，但是不得超过二十四小时 (民用航空法 第一百六十七条): how long a
    validity goes on. Both spans, not moved."""
    rule = found.rule
    part = max(s.rfind(ch, 0, found.core) for ch in _PART_ENDS)
    if part < 0 or s[part] in _SENTENCE_ENDS or rule.back or rule.extension or rule.sense != "deadline":
        return None
    if rule.kind not in ("hours", "days", "months", "years"):
        return None
    lead = s[part + 1 : found.core]
    before = s[max(s.rfind(ch, 0, part) for ch in _PART_ENDS) + 1 : part]
    if lead in ("期限为", "期限是") and rule.qualifier is None:
        verb = next((v for v in MEASURE_VERBS if v in before), None)
        if verb is not None:
            return found._replace(rule=replace(rule, sense="restriction", qualifier=f"{verb}期限"))
    if "超过" in (rule.qualifier or "") and before.endswith(("继续有效", "仍然有效", "仍有效")):
        return found._replace(rule=replace(rule, sense="restriction", qualifier="有效期"))
    sentence = s[max(s.rfind(ch, 0, part) for ch in _SENTENCE_ENDS) + 1 : part]
    if (
        "超过" in (rule.qualifier or "")
        and lead == rule.qualifier
        and re.compile(_MEASURE_TERM).search(sentence)
    ):
        # 临时反补贴措施实施的期限，自…之日起，不超过4个月 (反补贴条例 第三十一条): how long the
        # measure lasts, named in the parts before
        return found._replace(rule=replace(rule, sense="restriction", qualifier="实施期限"))
    return None


def _withheld_licence(found: Found, s: str) -> Found | None:
    """扣留职务证书时间最长不超过6个月 (渔港水域交通安全管理条例 第二十条), 暂扣…许可证…不得
    超过…: how long a licence is withheld as a penalty, a span from the decision."""
    rule = found.rule
    if not any(word in (rule.qualifier or "") for word in _CAPPED):
        return None
    start = max(s.rfind(ch, 0, found.core) for ch in "。；;，,(（") + 1
    lead = s[start : found.core]
    verb = next((v for v in ("扣留", "暂扣") if lead.startswith(v)), None)
    if verb is None or not any(word in lead for word in ("证", "执照", "牌照")):
        return None
    return found._replace(rule=replace(rule, sense="restriction", qualifier=f"{verb}期限"))


def _dated_document(found: Found, s: str) -> Found | None:
    """1986年12月16日国务院发布的《中华人民共和国内河交通安全管理条例》同时废止 (内河交通安全
    管理条例 第九十五条): a date that names a document or a thing by when it was made (…的
    《…》), no duty in its part: a description, no date."""
    stop = min((i for i in (s.find(ch, found.end) for ch in _PART_ENDS) if i >= 0), default=len(s))
    after = s[found.end : stop]
    at = after.find("的")
    if at <= 0 or (not after.startswith(_MADE_BY, at + 1) and not re.search(_MADE, after[:at])):
        return None
    if any(m in after[:at] for m in ("必须", "应当", "可以", "应", "须", "需")):
        return None  # a duty before 的 dates the duty (应当于2025年6月30日发布的…): not this
    return found._replace(rule=replace(found.rule, sense="condition"))


def dated_class(found: Found, s: str) -> Found | None:
    """1993年12月31日前已批准设立的外商投资企业 (外商投资企业和外国企业适用增值税等税收暂行
    条例有关问题的通知 (一)), 在2012年1月1日以前领取的居民身份证 (居民身份证法 第二十三条): a
    named date before which something was done, in words that end in 的 and the thing's
    name, with no duty in its part: the class of things it describes (a condition, no
    date), not a deadline."""
    rule = found.rule
    if rule.kind != "date" or rule.year is None or rule.sense != "deadline":
        return None
    if not rule.before:
        return _dated_document(found, s)
    start = max(s.rfind(ch, 0, found.core) for ch in _PART_ENDS) + 1
    stop = min((i for i in (s.find(ch, found.end) for ch in _PART_ENDS) if i >= 0), default=len(s))
    after = s[found.end : stop]
    if after.startswith(("已经届满", "已届满", "已经期满", "已期满", "已经到期", "已到期")):
        # 保护期在2021年6月1日前已经届满 (著作权法 第六十五条): a class of rights, no date
        return found._replace(rule=replace(rule, sense="condition"))
    if not after and s[stop : stop + 1] in ("，", ","):  # 一九八三年三月一日以前，已经在…从事…的平台
        start, after = stop + 1, ""
        stop = min((i for i in (s.find(ch, start) for ch in _PART_ENDS) if i >= 0), default=len(s))
        after = s[start:stop] if s.startswith(("已", "已经"), start) else ""
    if "的" not in after or any(m in s[start:stop] for m in ("必须", "应当", "可以", "应", "须", "需")):
        if not after.startswith(("已", "已经")) or "的" not in after:
            return None
        if any(m in after[: after.index("的")] for m in ("必须", "应当", "可以", "应", "须", "需")):
            return None  # what was done before the date (已…的) names a class; a duty in it does not
        return found._replace(rule=replace(rule, sense="condition"))
    thing = after[after.rindex("的") + 1 :]
    if not after.startswith(("已", "已经")) and not 0 < len(thing) <= 8:
        return None
    return found._replace(rule=replace(rule, sense="condition"))


def counted_back_before(found: Found, s: str) -> bool:
    """收费公路终止收费前6个月，…应当对收费公路进行鉴定和验收 (收费公路管理条例 第三十八条):
    an event named right before 前N at the head of a sentence, the part ending there and the
    sentence's duty after it: N before the event, a deadline counted back."""
    if not s.startswith(("，", ","), found.end):
        return False
    sentence = max(s.rfind(ch, 0, found.core) for ch in _SENTENCE_ENDS) + 1
    head = s[sentence : found.core]
    if any(ch in head for ch in _PART_ENDS) or any(ch.isdigit() for ch in head):
        return False
    closing = min((i for i in (s.find(ch, found.end) for ch in _SENTENCE_ENDS) if i >= 0), default=len(s))
    return any(modal in s[found.end : closing] for modal in ("应当", "必须", "须"))


def after_keeping(rule: Rule, parts: Sequence[Found]) -> bool:
    """30日后 after 保存不少于30日 (公共安全视频图像信息系统管理条例 第十七条: 30日后，对已经实现
    处理目的的视频图像信息，应当予以删除): the keeping time read before is over, and what
    follows may be done from then on (not before that day), not a condition."""
    return rule.qualifier == "后" and any(
        (p.rule.kind, p.rule.n) == (rule.kind, rule.n) and p.rule.qualifier == "保存期" for p in parts
    )


def deemed_or_lapsed(found: Found, s: str, stop: int) -> bool:
    """The time to act in a case that ends in 的, after which the law presumes or ends
    something: 三十日内未答复的，视为放弃 (公司法 第八十四条), 自…之日起一年内不行使的，归于消灭
    (信托法 第十二条: like 超过三十日不行使而消灭, the last day to use the right). Not when the
    period is one of several joined by 或者 (…一年内或者…五年内未行使撤销权的)."""
    if s.startswith(("未", "没有"), found.end) and s.startswith("视为", stop + 1):
        return True
    if not s.startswith(("不行使", "未行使", "没有行使"), found.end):
        return False
    if re.compile(_ANOTHER_WAY).search(s[max(0, found.core - 30) : found.core]):
        return False  # 一年内或者自该决定作出之日起五年内未行使撤销权的: two limits, a case
    following = min((i for i in (s.find(ch, stop + 1) for ch in _PART_ENDS) if i >= 0), default=len(s))
    return any(word in s[stop + 1 : following] for word in ("消灭", "失效", "丧失"))


def request_in_case(case: Found, s: str) -> str | None:
    """申请人、利害关系人在被告知听证权利之日起五日内提出听证申请的，行政机关应当在二十日内组织
    听证 (行政许可法 第四十七条): the request the case names (提出听证申请) is the event of the
    period that follows it; None when the case names no request."""
    stop = min((i for i in (s.find(ch, case.end) for ch in _PART_ENDS) if i >= 0), default=len(s))
    act = s[case.end : stop]
    if not act.endswith("的") or not act.startswith(("提出", "提交", "申请")):
        return None
    words = act.removesuffix("的")
    return words if any(w in words for w in ("申请", "请求")) else None
