"""What the words around a period in a whole clause say about it: a ban after it
(5日内…不准上岸: a restriction), the class of things it describes (二十四小时内不上下客货的
船舶: a condition), an objection window (10日内没有提出异议的), the event it runs from
(自公告之日起: not the first event's --from), and alternatives joined by 或者 (当场或者在
五日内: the outer limit answers). Pure: words in, facts out; ``clause.py`` calls it."""

from __future__ import annotations

import re
from dataclasses import replace

from .conditions import is_condition, lapses_unless_done
from .rule import Found
from .vocabulary import (
    ALTERNATIVES,
    ANCHOR_ENDS,
    BANS,
    CLAUSE_MODALS,
    OBJECTION,
    QUALIFIERS,
    VALIDITY,
)

_PERIOD_KINDS = ("workdays", "days", "months", "years", "hours")
_SENTENCE_ENDS = "。；;"
# Words before an event's own words, cut away: 由其协助在|收到…, 或者|公告期满后, 并在|开航.
_EVENT_OPENERS = "自从在于"
_EVENT_LEADS = ("或者", "或", "且", "并", "及", "以及", "、")
_EVENT_ENDS = (*ANCHOR_ENDS, "时算起", "算起", "时起")


def objection_window(found: Found, s: str, stop: int) -> Found | None:
    """有关部门在10日内没有提出异议的: the objection window (sense "window"), or None."""
    rule = found.rule
    if rule.kind not in _PERIOD_KINDS or rule.back or not any(w in s[found.end : stop] for w in OBJECTION):
        return None
    return found._replace(rule=replace(rule, sense="window"))


# 刑期至少为六个月, 刑期不少于一年: the length of a sentence, a class of cases
_SENTENCE_LENGTH = "刑期(?:至少|不少于|不足|不满|超过)?为?$"


def in_context(found: Found, s: str, part_start: int, stop: int) -> Found:
    """The period with the sense its context gives it: a restriction when a ban follows
    (责令其十二个月内不得进入, 5日内，船员…不准上岸), a condition when it describes a class
    of things with no duty in its part (吨税执照期满后二十四小时内不上下客货的船舶)."""
    rule = found.rule
    if rule.sense in ("deadline", "presumed") and lapses_unless_done(found, s):
        return found  # 自…之日起1年内，当事人仍未办理…的，海关应当…: the time to do it
    if rule.sense in ("deadline", "presumed", "window") and not rule.yearly and is_condition(found, s, stop):
        return found._replace(rule=replace(rule, sense="condition"))
    if rule.sense == "deadline" and s.startswith(("时终止", "时失效", "时自动终止", "时自动失效"), found.end):
        # 自仲裁法施行之日起届满1年时终止 (仲裁委员会登记暂行办法 第九条): the day it ends, not moved
        return found._replace(rule=replace(rule, sense="restriction", qualifier="存续期"))
    if rule.sense == "earliest" and re.search(_SENTENCE_LENGTH, s[: found.core]):
        # 被请求引渡人尚未服完的刑期至少为六个月 (引渡法 第七条): a sentence's length
        return found._replace(rule=replace(rule, sense="condition"))
    if rule.sense == "earliest" and _per_period(s, found.core):
        # 每周的营业时间应当不少于六天 (邮政法 第十九条): a minimum for each week, no date
        return found._replace(rule=replace(rule, sense="condition"))
    if rule.sense == "earliest" and rule.qualifier in ("后", "满") and _voided_after(s, found.end):
        # 收到机动车号牌之日起三日后，临时行驶车号牌作废 (机动车登记规定 第四十七条): a validity ends
        return found._replace(rule=replace(rule, sense="restriction", qualifier="有效期"))
    if rule.sense == "earliest" and rule.qualifier == "后" and _describes(s, part_start, found.end, stop):
        # 经通知当事人三十日后不领取的车辆 (道路交通事故处理程序规定 第五十八条): a class of things
        return found._replace(rule=replace(rule, sense="condition"))
    # more than the phrase itself, or an item of a list ((一)参加采购活动前3年内与供应商存在劳动关系)
    described = "的" in s[found.end : stop] or stop < len(s) or re.compile(_LIST_ITEM).match(s) is not None
    if rule.sense == "window" and rule.back and described and not _duty_in_sentence(s, found.core):
        # (一)在收购要约发出前十二个月内收购要约人购买该种股票所支付的最高价格 (股票发行与
        # 交易管理暂行条例 第四十八条); 人民法院受理破产申请前一年内，涉及债务人财产的下列行为
        # (企业破产法 第三十一条): a span looked back on, no duty
        return found._replace(rule=replace(rule, sense="condition"))
    if rule.kind in _PERIOD_KINDS and rule.qualifier == "后" and s.startswith(("，不再", ",不再"), found.end):
        # 布图设计自创作完成之日起15年后，不再受本条例保护 (集成电路布图设计保护条例 第十二条)
        return found._replace(rule=replace(rule, sense="restriction", qualifier="保护期"))
    if rule.kind not in _PERIOD_KINDS or rule.back or rule.sense != "deadline" or rule.extension:
        return found
    if re.compile(_ONCE_WITHIN).match(s, found.end):
        # 同一机动车一年内可以互换变更一次机动车号牌号码 (机动车登记规定 第二十条): how often
        return found._replace(rule=replace(rule, sense="condition"))
    if rule.qualifier in _CAPS and _per_period(s, found.core):
        # 学生每日学习时间(包括自习)，小学不超过六小时 (a limit each day): no date
        return found._replace(rule=replace(rule, sense="condition"))
    after = found.end + 1 if s.startswith(("，", ","), found.end) else found.end
    valid = next((w for w in _VALID_AFTER if s.startswith(w, after)), None)
    if valid is not None:  # 自出具之日起六个月内有效, 自…之日起5年内免征车船税: a span
        return found._replace(rule=replace(rule, sense="restriction", qualifier=_VALID_AFTER[valid]))
    if (
        _describes(s, part_start, found.end, stop)
        or _counts_within(s[found.end : stop])
        or _circumstance(s, found.end, stop)
    ):
        return found._replace(rule=replace(rule, sense="condition"))
    if _banned_after(s, part_start, found.core, found.end, found.anchor_at):
        return found._replace(rule=replace(rule, sense="restriction"))
    return found


def _voided_after(s: str, end: int) -> bool:
    """作废, 失效, 无效 in the clause after ``end`` (its sentence): what was valid ends then."""
    closing = min((i for i in (s.find(ch, end) for ch in _SENTENCE_ENDS) if i >= 0), default=len(s))
    return any(word in s[end:closing] for word in ("作废", "失效", "无效"))


# After a period: what holds during it (身体条件证明自出具之日起六个月内有效, 机动车驾驶证申领和
# 使用规定 第八十五条; 自车船税法实施之日起5年内免征车船税, 车船税法实施条例 第二十五条).
_VALID_AFTER = {
    "有效": "有效期",
    "免征": "免征期",
    "免收": "免收期",
    "免缴": "免缴期",
    "免予": "免予期",
    "暂免": "暂免期",
    "照发": "照发期",  # 从事故发生当月起3个月内照发工资 (工伤保险条例 第四十一条)
}


_ANOTHER_PERIOD = "[一二两三四五六七八九十百]+(?:个工作日|日|天|个月|年)"


# Pattern strings, compiled on first use (re caches them): compiling them at import cost
# `gongkai deadline` about a tenth of its start-up (bench section 3).
# After a period: how often something may be done in it (一年内可以互换变更一次).
_ONCE_WITHIN = (
    "(?:只能|只可|可以|可|仅能|仅限|限)[^，,；;。]{0,12}?(?:[一二两三四五1-5]|[一二两三四五1-5]个)次(?!性)"
)


_CAPS = ("不超过", "不得超过", "最长不超过", "最长不得超过", "最多不超过", "最多不得超过", "一般不超过")


def _per_period(s: str, at: int) -> bool:
    """每日, 每天, 每周, 每月 in the sentence before ``at``: a limit for each such period."""
    sentence = max(s.rfind(ch, 0, at) for ch in _SENTENCE_ENDS) + 1
    return any(word in s[sentence:at] for word in ("每日", "每天", "每周", "每月"))


def _duty_in_sentence(s: str, at: int) -> bool:
    sentence = max(s.rfind(ch, 0, at) for ch in _SENTENCE_ENDS) + 1
    closing = min((i for i in (s.find(ch, at) for ch in _SENTENCE_ENDS) if i >= 0), default=len(s))
    words = s[sentence:closing]
    for word in _NOT_MODALS:  # 担任供应商的董事 (政府采购法实施条例 第九条): 应 of 供应, no duty
        words = words.replace(word, "")
    return any(modal in words for modal in CLAUSE_MODALS)


# Words holding a modal's character that say no duty (供应商, 取得, 所得).
_NOT_MODALS = ("供应", "相应", "对应", "响应", "适应", "反应", "应急", "应用", "取得", "获得", "所得", "得到")


def _describes(s: str, part_start: int, end: int, stop: int) -> bool:
    """No modal in the part, and the words after the period deny something and end in 的
    and a short noun (不上下客货的船舶)."""
    part, after = s[part_start:stop], s[end:stop]
    if any(modal in part for modal in CLAUSE_MODALS) or "的" not in after:
        return False
    if after.startswith(BANS):
        return False  # not 3年内不予办理其提出的该项备案 (a ban: 化妆品监督管理条例 第六十五条)
    tail = after[after.rindex("的") + 1 :]
    if not after.startswith(("不", "未", "没有", "无")):
        # 定航线、定船员并在24小时内往返一个或者一个以上航次的船舶 (国际航行船舶进出口岸检查办法
        # 第十四条): the class of things the part names, not a decision (…内作出的决定)
        if not 0 < len(tail) <= 4 or tail in ("决定", "通知", "答复", "意见") or stop >= len(s):
            return False
        # …的船舶，船方或其代理人可以…: a topic for what follows; not …返还…的款项，并加计利息
        following = stop + 1
        while following < len(s) and s[following] not in "，,；;。：:":
            following += 1
        return any(modal in s[stop + 1 : following] for modal in CLAUSE_MODALS)
    # 在一年内无累积记分的机动车驾驶人，可以延长… (道路交通安全法 第二十四条): a class of people
    return 0 < len(tail) <= (8 if after.startswith(("无", "未", "没有")) else 4)


_LIST_ITEM = r"(?:第[一二三四五六七八九十百]+条\s*)?[（(][一二三四五六七八九十]+[）)]"  # （三）…


def _circumstance(s: str, end: int, stop: int) -> bool:
    """A period in a circumstance, not a duty: nothing in its sentence before it says what
    must be done (no 应当, 必须, 可以 …), and either the next words of the sentence end in
    的 (自合同成立之日起二年内，被保险人自杀的，保险人不承担…) or the sentence is an item of
    a list that says what did not happen (（三）…在六个月内没有新基金管理人承接)."""
    sentence = max(s.rfind(ch, 0, end) for ch in _SENTENCE_ENDS) + 1
    if "是指" in s[sentence:end]:
        return True  # 地震短期预报，是指对3个月内将要发生地震的…预报 (地震预报管理条例 第三条)
    if any(modal in s[sentence:end] for modal in CLAUSE_MODALS):
        return False
    after = s[end:stop]
    item = re.compile(_LIST_ITEM).match(s, sentence)
    if after.startswith(("没有", "未", "不", "无")) and item:
        return True
    if after.startswith(("没有被", "未被")):
        return (
            True  # 违反治安管理行为在六个月内没有被公安机关发现 (公安机关办理行政案件程序规定 第一百五十四条)
        )
    closing = min((at for at in (s.find(ch, end) for ch in _SENTENCE_ENDS) if at >= 0), default=len(s))
    if item and s[sentence:closing].rstrip().endswith("的"):
        return True  # （三）…在中国境内停留不超过二十四小时且不离开口岸…的；(出境入境管理法 第二十二条)
    if re.compile(_THRESHOLD).search(after):
        return True  # （二）公司在一年内购买、出售重大资产超过公司资产总额百分之三十 (证券法 第八十条)
    if after.strip() or stop >= len(s) or s[stop] not in "，,":
        return False
    following = stop + 1
    while following < len(s) and s[following] not in "，,；;。：:":
        following += 1
    words = s[stop + 1 : following]
    # not 认为符合受理条件的 (劳动争议调解仲裁法 第二十九条): the subject's own finding, its act
    return (
        words.endswith("的") and len(words) <= 20 and not words.startswith(("对", "凡", "经", "其中", "认为"))
    )


# A threshold after a period (在一年内购买…超过…百分之三十): what happened, a condition.
_THRESHOLD = "(?:超过|达到)(?:[0-9一二两三四五六七八九十百千万]|[^，,；;。]{0,16}百分之)"


def _counts_within(after: str) -> bool:
    """六个月内两次发生…, 一年内累计…, 六个月内发生二次以上…: how often something happened in
    a span (a condition)."""
    if after.startswith(("累计", "多次", "再次", "连续", "又", "再出现", "再发生", "再有", "再犯")):
        # 受到行政处罚后1年内又实施同一性质的违法行为 (化妆品生产经营监督管理办法 第六十一条);
        # 经依法处理后一年内再出现前款规定的情形 (慈善法 第一百一十条)
        return True
    if re.compile(_TIMES_OR_MORE).match(after):
        return True  # 1年内被责令改正3次以上 (统计法实施条例 第五十条)
    after = next((after[len(v) :] for v in _HAPPENED if after.startswith(v)), after)
    count = 0
    while count < len(after) and after[count] in _COUNT_CHARS:
        count += 1
    # 一次告知 (all at once) is the manner of the act, not a count
    return count > 0 and after[:count] not in ("一", "1") and after.startswith("次", count)


_TIMES_OR_MORE = "[^，,；;。]{0,10}?(?:[0-9]+|[一二两三四五六七八九十]+)次(?:以上|或者)"


# A decision to refuse is an act, not a ban (在五日内作出不予受理的决定).
_DECISION = "(?:不予|不准予|不受理)[^，,；;。]{0,10}的(?:决定|通知|书面|裁定|批复|答复)"
# 不 after a period that opens no ban: a failure to act (不能, 不按时), read elsewhere.
_NOT_A_BAN = (
    "不行使",
    "不能",
    "不按",
    "不及时",
    "不履行",
    "不缴",
    "不提",
    "不申请",
    "不办理",
    "不足",
    "不满",
)

_HAPPENED = ("发生", "受到", "出现", "被")  # 六个月内发生二次以上 (道路交通安全法 第一百零二条)
_COUNT_CHARS = frozenset("0123456789一二两三四五六七八九十")


def _banned_after(s: str, part_start: int, core: int, end: int, anchor_at: int | None = None) -> bool:
    """A ban (不得, 不准, 禁止) later in the sentence with no duty between, and no duty
    before the period in its part unless it orders the ban (可以同时责令其…不得)."""
    stop = len(s)
    for ch in _SENTENCE_ENDS:
        at = s.find(ch, end)
        if at >= 0:
            stop = min(stop, at)
    after = s[end:stop]
    lead = s[part_start:core]
    duty = max((lead.rfind(m) for m in ("应当", "必须", "应", "须", "可以")), default=-1)
    # Between the duty and the event's words (not 自煤矿被责令停产整顿…之日起, 自…作出不予赔偿
    # 决定之日起: those name the event)
    ordered = s[part_start + duty : anchor_at if anchor_at is not None else core] if duty >= 0 else ""
    for cap, _ in QUALIFIERS:  # 应当最长不得超过一个工作日: a cap, not a ban
        ordered = ordered.replace(cap, "")
    if any(ban in ordered for ban in BANS):
        return True  # 可以禁止其在五年内从事 (出口管制法 第三十九条), 责令其十二个月内不得进入
    at = min((i for i in (after.find(b) for b in BANS) if i >= 0), default=-1)
    if at < 0 and after.startswith("不") and duty < 0 and not after.startswith(_NOT_A_BAN):
        return True  # 在开始用地的5年内不调整 (中外合资经营企业法实施条例 第四十八条)
    if at < 0 or any(modal in after[:at] for modal in ("应当", "必须", "应", "须", "可以")):
        return False
    if after[:at].endswith(("或者", "或")) or re.compile(_DECISION).match(after, at):
        return False  # 作出批准或者不予批准的决定 (危险化学品安全管理条例 第三十一条): a decision
    if any(ch.isdigit() for ch in after[:at]) or re.search(_ANOTHER_PERIOD, after[:at]):
        return False  # 六个月内没有被公安机关发现，其他违法行为在二年内…的，不再给予: another period
    if at == 0 and lead[duty:].startswith("可以"):
        return True  # 可以在五年内不受理其…申请 (出口管制法 第三十九条): a power to refuse
    return duty < 0


def event_of(found: Found, s: str) -> str | None:
    """The words naming the event a period runs from (公告, 收到行政处罚信息, 开航), or None
    when it runs from the clause's first event, the period before it, or a calendar end."""
    rule = found.rule
    if rule.extension or rule.base is not None or rule.kind not in _PERIOD_KINDS:
        return None
    named_after = _event_after(found, s)
    if named_after is not None:  # 时效期间为一年，自当事人连带支付损害赔偿之日起计算
        return named_after
    if rule.qualifier in VALIDITY:  # 核发有效期为三十日: from the issue
        before = s[: found.core]
        at = before.rfind(rule.qualifier)
        words = before[max(0, at - 2) : at] if at >= 0 else ""
        # not 证的 (食品加工企业生产许可证的有效期为3年): a thing's name, no event
        return words if words and not words.endswith(("的", "证", "照")) else None
    words = rule.anchor or ""
    words = words[max(words.rfind(ch) for ch in "，,；;。") + 1 :].removesuffix("的")  # 复核检测合格的，
    # 收到省、自治区…报送的审查意见 (武器装备科研生产许可管理条例 第十一条): 自 of 自治区 opens nothing
    cut = max(words.replace("自治", "__").rfind(ch) for ch in _EVENT_OPENERS)
    if cut >= 0 and cut + 1 < len(words):
        words = words[cut + 1 :]
    changed = True
    while changed:
        changed = False
        for lead in _EVENT_LEADS:
            if words.startswith(lead):
                words, changed = words[len(lead) :], True
        for end in _EVENT_ENDS:
            if words.endswith(end) and len(words) > len(end):
                words, changed = words[: -len(end)], True
                break
    if words.endswith("提前"):  # 直销员解除推销合同应当提前15日: the event is 解除推销合同
        words = words.removesuffix("提前").removesuffix("至少")
        words = next((words.removesuffix(m) for m in CLAUSE_MODALS if words.endswith(m)), words)
        words = words.removeprefix("但是").removeprefix("但")
        if not words:  # 保险人也可以解除合同，但应当提前十五日通知 (保险法 第五十八条): 解除合同
            words = _act_before(s, found.start)
    return words or None


def _act_before(s: str, at: int) -> str:
    """The act of the part before ``at``: the words after its modal (可以解除合同)."""
    end = max(s.rfind(ch, 0, at) for ch in "，,；;")
    if end < 0:
        return ""
    part = s[max(s.rfind(ch, 0, end) for ch in "，,；;。") + 1 : end]
    cut = max((part.rfind(m) + len(m) for m in ("应当", "可以", "必须") if m in part), default=-1)
    return part[cut:] if 0 <= cut < len(part) else ""


# A subject that names its event: 接到报告的卫生主管部门应当在2小时内 (病原微生物实验室生物
# 安全管理条例 第十七条) runs from the report's receipt.
_RECEIVED = "((?:接到|收到|接获)[^，,；;。的]{1,12})的"


def _subject_event(part: Found, s: str) -> str | None:
    if part.rule.anchor or part.rule.kind not in _PERIOD_KINDS or part.rule.extension or part.rule.back:
        return None
    sentence = max(s.rfind(ch, 0, part.core) for ch in _SENTENCE_ENDS) + 1
    m = re.compile(_RECEIVED).search(s, sentence, part.core)
    if m is not None:
        return m.group(1)
    # 申请资料补正后的技术审评时限为40日 (医疗器械注册与备案管理办法 第九十二条): from the 补正
    clause = max(s.rfind(ch, 0, part.core) for ch in "，,；;。") + 1
    m = re.compile(_AFTER_EVENT).match(s, clause, part.core)
    if m is not None:
        return m.group(1)
    # 组织进行现场审核，并根据审核结果在10个工作日内作出…决定 (饲料和饲料添加剂管理条例 第十五条)
    m = re.compile(_BY_RESULT).search(s, clause, part.core)
    return m.group(1) + "结果" if m else None


_BY_RESULT = "根据([^，,；;。]{1,10}?)结果"


_AFTER_EVENT = "([^，,；;。的]{2,12}?)(?:之后|以后|后)的[^，,；;。后]{0,10}(?:时限|期限|期间)(?:为|是)?$"


def _after_request(part: Found, before: Found, s: str) -> str | None:
    """A period with no event of its own, set for another subject after a period that runs
    from its own event and asks for something: it runs from that request (可以在收到处理决定
    之日起一个月内…申请复审，复审机关应当在一个月内作出复审决定: 监察法 第五十六条)."""
    rule = part.rule
    if rule.anchor or rule.kind not in _PERIOD_KINDS or rule.extension or rule.back or event_of(part, s):
        return None
    if not (before.rule.anchor or "").endswith(("之日起", "起")) or before.rule.back:
        return None
    between = s[before.end : part.core]
    clause = between[max(between.rfind(ch) for ch in "，,；;") + 1 :]
    if not any(modal in clause for modal in CLAUSE_MODALS) or clause.startswith(("并", "且", "同时", "或")):
        return None
    request = before.act + between[: len(between) - len(clause)]  # …，向…机关申请复审，
    # 分别送…交通运输部门征求意见，…交通运输部门应当在3个工作日内回复意见 (校车安全管理条例
    # 第十五条): the answer runs from the request for opinions
    at = max(request.rfind("申请"), request.rfind("征求意见"))
    if at < 0:
        return None
    words = request[at:].rstrip("，,；;")
    if any(ch in words for ch in "，,；;。"):
        # 对申请资料进行审查；审查合格的，…复核检测；复核检测合格的，…应当在10个工作日内核发
        # (饲料和饲料添加剂管理条例 第十二条): 申请 names the papers; the case before is the event
        words = words[max(words.rfind(ch) for ch in "，,；;。") + 1 :].removesuffix("的")
    return words or None


def _span_of_act(part: Found, before: list[Found]) -> str | None:
    """A span named by its subject (公示期不得少于3日) whose act a period before it sets
    (自收到评标报告之日起3日内公示中标候选人: 招标投标法实施条例 第五十四条): it runs from that
    act, an event of its own (公示)."""
    if not part.loose or part.rule.anchor or part.rule.sense != "earliest":
        return None  # not 付款期限最长不得超过60日 after 支付款项 (保障中小企业款项支付条例 第九条)
    subject = part.text[part.start : part.core].removesuffix(part.rule.qualifier or "")
    for end in ("期限", "期间", "时间", "期"):
        if subject.endswith(end) and len(subject) > len(end):
            name = subject[: -len(end)][-2:]
            if any(name in p.act for p in before):
                return name
            # 自被吊销营业执照…之日起，满3年未…的，…予以公告，公告期限不少于60日 (国务院关于实施
            # 《公司法》注册资本登记管理制度的规定 第八条): the act after the clause's first event
            earlier = part.text[: part.start]
            first_event = earlier.find("之日起")
            if first_event >= 0 and name in earlier[first_event:]:
                return name
    return None


# After a period with no event before it: the event it is counted from, named after it
# (保修期为1年，自交付使用之日起计算; 时效期间为一年，自…连带支付损害赔偿之日起计算).
_NAMED_AFTER = r"[，,]?(?:自|从)([^，,；;。]{1,40}?)(?:之日|时)?起(?:计算|算)(?:[，,；;。]|$)"


def _event_after(found: Found, s: str) -> str | None:
    if found.rule.anchor or found.rule.back:
        return None
    m = re.compile(_NAMED_AFTER).match(s, found.end)
    return m.group(1) if m else None


def with_events(parts: list[Found], s: str) -> list[Found]:
    """Each period after the first event's, with the words of its own event when it runs
    from another one (债权人自接到通知书之日起三十日内，未接到通知书的自公告之日起四十五日内)."""
    events = [event_of(part, s) or (_subject_event(part, s) if i else None) for i, part in enumerate(parts)]
    # The first period's event, named or not: after 应当在五日内组织鉴定 (from --from, no
    # words), 自鉴定结论作出之日起十五日内 runs from another event.
    first = events[0] if events else None
    if first is None and len(parts) > 1 and parts[0].rule.kind in _PERIOD_KINDS and not parts[0].rule.back:
        first = ""
    out: list[Found] = []
    for i, part in enumerate(parts):
        event = events[i]
        act = _span_of_act(part, parts[:i]) or (_after_request(part, parts[i - 1], s) if i else None)
        if act is not None:
            out.append(part._replace(event=act))
            continue
        if event is not None and first is not None and (first == "" or not same_event(event, first)):
            part = part._replace(event=event)
        out.append(part)
    return out


# Words that make a longer event another one (终止公告发出 after 终止, 公告期满 after 公告).
_OWN_EVENT_WORDS = (
    "公告",
    "公示",
    "公布",
    "发出",
    "送达",
    "期满",
    "届满",
    "到期",
    "作出",
    "收到",
    "接到",
    "生效",
    "结束",
    "终了",
    "完成",
    "批准",
    "登记",
    "通知",
    "决定",
    "判决",
    "裁定",
)


def same_event(a: str, b: str) -> bool:
    """The same words, one within the other, or a variant wording of one character in
    five or more (公示期限届满 / 公告期限届满 in one article: 环境影响评价 p304)."""
    if a == b:
        return True
    for verb in (
        "召开",
        "举行",
    ):  # 会议召开 after 会员大会召开 (著作权集体管理条例 第十七条): the same meeting
        if a.endswith(verb) and b.endswith(verb) and {a[:-2], b[:-2]} & {"会议", "会", "大会"}:
            return a[:-2].endswith(("会", "会议")) and b[:-2].endswith(("会", "会议"))
    short, long = sorted((a, b), key=len)
    if short in long:  # 收到申请 / 行政机关收到申请; not 终止 / 终止公告发出, 公告 / 公告期满
        extra = long.replace(short, "", 1)
        return not any(word in extra for word in _OWN_EVENT_WORDS)
    return len(a) == len(b) >= 5 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def alternatives(parts: list[Found], s: str) -> tuple[tuple[int, ...], ...]:
    """Groups of periods joined by 或者 (当场或者在五日内; 立案之日起三十日内或者公告期满后
    三十日内), each as the indexes of its periods."""
    groups: list[list[int]] = []
    for i in range(1, len(parts)):
        before, part = parts[i - 1], parts[i]
        if part.core == before.core or part.start < before.end:
            continue
        between = s[before.end : part.core]
        if not any(between.startswith(w) for w in ALTERNATIVES) and not any(
            s.startswith(w, part.anchor_at) for w in ALTERNATIVES
        ):
            continue
        if any(ch in between for ch in "，,；;。：:"):
            continue
        if groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i - 1, i])
    return tuple(tuple(g) for g in groups)


def shared_bans(
    parts: list[Found], groups: tuple[tuple[int, ...], ...]
) -> tuple[list[Found], tuple[tuple[int, ...], ...]]:
    """Spans joined by 或者 before one ban are all the ban's (女方在怀孕期间、分娩后一年内或者
    终止妊娠后六个月内，男方不得提出离婚: 民法典 第一千零八十二条): each a restriction, and no
    choice of ways to act, so no outer limit."""
    out, kept = list(parts), []
    for group in groups:
        if not any(parts[i].rule.sense == "restriction" for i in group):
            kept.append(group)
            continue
        for i in group:
            if parts[i].rule.sense == "deadline" and parts[i].rule.kind in _PERIOD_KINDS:
                out[i] = parts[i]._replace(rule=replace(parts[i].rule, sense="restriction"))
    return out, tuple(kept)
