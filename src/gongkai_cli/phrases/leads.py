"""The words before a period, read right to left: the qualifier (不得超过, 不少于, 满 …),
the anchor (收到申请之日起, 季度终了后 …) and the subject with its modal."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any

from ..errors import InputError
from .chinese import number
from .rule import Found, Rule
from .scanner import _Reader
from .targets import _check_date_fields
from .vocabulary import (
    ANCHOR_ENDS,
    BASE_PERIODS,
    BEFORE,
    CLAUSE_MODALS,
    ENTITLEMENT_VERBS,
    EXTENDED_TO,
    LATEST,
    MEASURE_SPANS,
    MEASURE_VERBS,
    MODALS,
    NOT_A_DEADLINE_END,
    NOT_ANCHOR_OPENERS,
    PAUSES,
    PREPOSITIONS,
    QUALIFIERS,
    RANGE_LOW,
    RELATIVE,
    RESTRAINTS,
    SERVICE,
    SUBJECT_ENDS,
    USE_SPANS,
    VALIDITY,
    Period,
)


def _with_lead(reader: _Reader, start: int, core: int, end: int, fields: dict[str, Any]) -> Found:
    """Read the words before the core right to left: qualifier, anchor, subject."""
    text = reader.text
    lead = text[start:core]
    loose = False
    within = fields.pop("within", False)
    qualifier, sense = next(((q, s) for q, s in QUALIFIERS if lead.endswith(q)), (None, "deadline"))
    if qualifier == "满" and lead.endswith(("届满", "期满")):
        qualifier, sense = None, "deadline"  # 有效期届满三十日前: 满 of 届满, not 满N日
    if qualifier == "满" and fields.get("qualifier") == "后":
        # 在取得学习驾驶证明满二十日后预约考试 (机动车驾驶证申领和使用规定 第四十四条): not
        # before that day, from the event before 满
        qualifier, sense = "满", "earliest"
        fields["qualifier"] = "后"
    if qualifier == "约" and len(lead) > 1 and lead[-2] not in _BEFORE_ABOUT:
        qualifier, sense = None, "deadline"  # 依照条约, 合约: 约 ends a word (not read, as before)
    rest_end = core - len(qualifier or "")
    anchor_at = _anchor_start(text, start, rest_end)
    words = text[anchor_at:rest_end]
    kind = fields["kind"]
    period = kind in ("workdays", "days", "months", "years", "hours")
    if period and qualifier is None and words.endswith("超过") and text.startswith(_LAPSES, end):
        # 自…之日起，超过三十日不行使而消灭 (保险法 第十六条): the last day to use a right
        fields["qualifier"] = "超过"
        anchor_at, words = core, ""
    # RANGE_LOW ends in 至/到/～/~: tested first, so a plain phrase compiles no pattern for it
    ranged = period and qualifier is None and words.endswith(("至", "到", "～", "~"))
    low = re.search(RANGE_LOW, words) if ranged else None
    if low is not None and _below(low.group(1), fields.get("n")):
        # 1至5年内不得新成为… (民办教育促进法实施条例 第六十四条), 3至5日内: a range whose unit
        # is written once; the period is its upper end, the outer limit
        rest_end -= len(low.group(0))
        anchor_at = min(anchor_at, rest_end)
        words = text[anchor_at:rest_end]
    if not period and qualifier:
        reader.pos = core
        raise reader.fail("期限（日期前不能有“不得超过”“满”等）")
    if period:
        if qualifier is not None:
            fields["qualifier"] = qualifier
            fields["sense"] = sense
        if words.endswith(EXTENDED_TO) and qualifier is None:
            # 可以延长至十五日: the same period, now 15 days from the same start
            fields["qualifier"] = words[-3:]
            anchor_at, words = rest_end, ""
        validity = next((v for v in VALIDITY if words.endswith(v)), None)
        if validity is None and qualifier is None and words.endswith(("期限为", "期限可以为")):
            validity = _measure_span(words)  # 冻结债券…的期限为二年 (公安机关办理刑事案件程序规定)
        if validity is not None and qualifier is not None and sense == "deadline" and qualifier != "延长":
            # 采矿许可证有效期最长为30年 (矿产资源开采登记管理办法 第七条): a validity's cap
            fields["sense"] = "restriction"
            fields["qualifier"] = validity.removesuffix("为")
            anchor_at, words = rest_end, ""
        elif (
            sense == "earliest"
            and _names_validity(text[start:rest_end])
            # 有效期不得少于三十个工作日，自…发出之日起计算
            and not re.compile(_COUNTED_FROM).match(text, end)
        ):
            # 其有效期限应当不低于6个月 (药品进口管理办法 第十七条): a requirement on a length
            fields["sense"] = "condition"
            anchor_at, words = rest_end, ""
        elif validity is not None and qualifier is None:
            fields["sense"] = "restriction"  # 核发有效期为三十日的号牌: a span, not a deadline
            fields["qualifier"] = validity
            anchor_at, words = rest_end, ""
        # 可以延期90日 (国际海运条例 第十二条), 展期期限为6个月 (保税区海关监管办法 第二十三条); not
        # 安全生产许可证有效期延期3年 (安全生产许可证条例 第九条: a validity, not a duty's time)
        postponed = words.endswith(("延期", "展期期限为", "展期为")) and "有效期" not in words
        # 但延长后最长不得超过30日 (居住证暂行条例 第九条): the whole length once extended, from
        # the same start like 延长至, not more days after the first period
        total = words.endswith(("延长后", "延长后的期限", "延长后的时限", "延长后的期间"))
        if total and qualifier is not None:
            anchor_at, words = rest_end, ""  # no event: 延长后 is no anchor
        if (
            qualifier == "延长"
            or postponed
            or ("延长" in words and not words.endswith(("之日起", "之日后", "之日")) and not total)
        ):
            # not 延长 in an event's words: 自收到批准延长期限文件之日起30天内 (外资企业法实施细则
            # 第六十九条) runs from the receipt
            fields["extension"] = True
        if words.endswith(BEFORE) and not fields.get("back"):
            if within:
                fields["sense"] = "window"  # 期满前30日内: from 30 days before until the day
            fields["back"] = True  # 有效期届满前30日
        quarter = _named_quarter_base(words) or _first_half_base(words)
        if quarter is not None:
            fields["quarter"] = quarter  # 一季度后8日: from the end of that quarter
        bases = ("quarter",) if quarter is not None else _bases(words)
        if not bases and any(w in words for w in _ENDS):  # 由纳税人在|月度终了后, 则为|季度结束后
            cut = max(words.rfind(ch) for ch in "在于由自为")
            if cut >= 0 and _bases(words[cut + 1 :]):
                anchor_at += cut + 1
                words = words[cut + 1 :]
                bases = _bases(words)
        base = bases[0] if bases else None
        if base is not None:
            fields["base"] = base
        elif any(e in words for e in ("终了", "结束")) and any(
            w in words for w in ("季度", "月度", "年度", "月份")
        ):
            reader.pos = anchor_at
            raise reader.fail("一个期间的终了（如“季度终了后”“月度终了后”）")
        elif qualifier is not None and sense == "deadline" and _measure_span(words) is not None:
            # 反倾销税的征收期限…不超过5年 (反倾销条例 第四十八条), 临时管制的实施期限每次不超过
            # 2年: the longest a measure lasts, from its start; a span, not a duty's deadline
            fields["sense"] = "restriction"
            fields["qualifier"] = _measure_span(words)
            anchor_at, words = rest_end, ""
        elif words and _not_a_deadline(words):
            reader.pos = anchor_at
            raise reader.fail("期限（“每”“第”“超过”“逾期”“延长至”等之后的数目不是期限）")
        after = fields.get("qualifier") == "后"  # 催告书送达十日后: the words are the event
        if words and any(word in words for word, _ in RELATIVE) and words.endswith(ANCHOR_ENDS):
            reader.pos = anchor_at
            raise reader.fail("起算日（“次月1日起”写的是另一个日子：请以该日为起算日，只给出期间）")
        if fields.get("sense") == "presumed" and words and not words.endswith(ANCHOR_ENDS):
            reader.pos = anchor_at
            raise reader.fail("期限（“工作满十年”是资格的长短，不是期限；满N日须从某日起算）")
        forward = (
            words and not fields.get("back") and "extension" not in fields and base is None and not after
        )
        served = words.removesuffix("时间").removesuffix("经历").endswith(SERVICE)
        # 聘用合同，期限一般不低于3年 (事业单位人事管理条例 第十二条), 承包期限，一般不得少于3年
        # (全民所有制工业企业承包经营责任制暂行条例 第十七条): a contract's term, no date
        near = text[max(0, rest_end - 16) : rest_end]
        # 特许经营期限应当不少于3年 (商业特许经营管理条例 第十三条): the modal is no part of the term
        bare_words = words.removesuffix("应当").removesuffix("一般")
        term = bare_words.endswith("期限") or near.removesuffix("应当").endswith(
            ("期限", "期限，一般", "期限,一般")
        )
        contract = term and any(w in near for w in _TERMS)
        if fields.get("sense") == "earliest" and (
            (forward and (served or words.endswith("年限"))) or contract
        ):
            # 律师应当实际执业不少于五年 (检察官法 第十五条), 财务会计工作时间不少于3年 (总会计师条例
            # 第十六条): a qualification; 摊销年限不得低于3年 (企业所得税法实施条例 第七十条): a
            # length to spread a cost over. No date
            fields["sense"] = "condition"
        elif contract and sense == "deadline" and qualifier is not None and "超过" in qualifier:
            # 许可使用合同的期限不得超过2年 (著作权集体管理条例 第二十三条): how long it may run
            fields["sense"] = "restriction"
            fields["qualifier"] = "合同期限"
        elif sense == "deadline" and qualifier is not None and "超过" in qualifier:
            named = term or near.rstrip("，,").removesuffix("一般").rstrip("，,").endswith("期限")
            use = next((v for v in USE_SPANS if v in near), None) if named else None
            if use is not None:  # 临时使用土地的期限，一般不超过二年 (土地管理法 第五十七条)
                fields["sense"] = "restriction"
                fields["qualifier"] = f"{use}期限"
        if forward and not words.endswith(ANCHOR_ENDS):
            if qualifier is None and not _subject_words(words):
                reader.pos = anchor_at
                raise reader.fail("数字（如 5、三、十五）或起算词（如“收到申请之日起”“公开后”）")
            anchor_at, words, loose = rest_end, "", True  # 公示期不少于5个工作日: a subject
        if fields.get("back") and sense == "earliest":
            fields["sense"] = sense = "deadline"  # 至少3日前: no later than 3 days before
        if fields.get("back") and (sense != "deadline" or fields.get("extension")):
            reader.pos = core
            raise reader.fail("期限（“前”不能与“不少于”“延长”“满”同用）")
        if fields.get("back") and words.endswith(("之日起", "起")):
            reader.pos = core
            raise reader.fail("期限（“…之日起…前”自相矛盾：应为“…内”或“…前N日”）")
    if fields.get("qualifier") == "后" and text.endswith("之日起", 0, end):
        fields["qualifier"] = "满…之日起"  # 自本办法施行届满5年之日起 (reader._start_after_full)
    anchor_words = (words or None) if period else None  # before a date: the subject's words
    rule = Rule(reader.original, anchor=anchor_words, **fields)
    if kind == "date":
        _check_date_fields(rule)
    more = tuple(replace(rule, base=b) for b in bases[1:]) if period else ()
    return Found(rule, text, start, anchor_at if period else rest_end, core, end, end, more, loose)


# Contracts whose term a minimum sets (聘用合同，期限一般不低于3年; 承包期限，一般不得少于3年).
_TERMS = ("合同", "承包", "租赁", "聘用", "聘任")


# After 超过N日: a right that lapses unless used, so the period is the time to use it.
_LAPSES = ("不行使", "未行使")


# What may stand before 约 "about" (约30日, 用约一年, 需约5个工作日); 条约, 合约 … are words.
_BEFORE_ABOUT = frozenset("，,。；;：:、（(为需用在于要时共历经")


# Pattern strings, compiled on first use (re caches them): compiling them at import cost
# `gongkai deadline` about a tenth of its start-up (bench section 3).
_COUNTED_FROM = r"[，,]?(?:自|从)[^，,；;。]{1,40}?起(?:计算|算)"


def _names_validity(head: str) -> bool:
    """The words before 不少于 / 不低于 name a validity (其有效期限应当不低于6个月)."""
    for modal in ("应当", "必须", "应", "须"):
        head = head.removesuffix(modal)
    return head.endswith(VALIDITY)


def _measure_span(words: str) -> str | None:
    """The name of a measure's span the words end with (征收期限, 每次续冻期限), or None."""
    w = words.removesuffix("为").removesuffix("可以").removesuffix("每次").removesuffix("的")
    name = next((m for m in MEASURE_SPANS if w.endswith(m) or f"{m}和" in w or f"{m}、" in w), None)
    if name is None and words.endswith(
        ("期限为", "期限可以为")
    ):  # 冻结债券、股票…等证券的期限为: the measure's
        verb = next((v for v in MEASURE_VERBS if v in w), None)
        name = None if verb is None else f"{verb}期限"
    if name is None and w.endswith("的期限"):  # 领取失业保险金的期限最长为12个月 (失业保险条例
        verb = next((v for v in ENTITLEMENT_VERBS if v in w), None)  # 第十七条): how long it is paid
        name = None if verb is None else f"{verb}期限"
    if name is None:  # 临时使用土地期限, 中止出版活动 (a pause in the last words)
        term = w.rstrip("，,").removesuffix("期限").removesuffix("的")
        use = next((v for v in USE_SPANS if v in w), None) if w.rstrip("，,").endswith("期限") else None
        pause = next((v for v in (*PAUSES, *RESTRAINTS) if v in term[-8:]), None)
        name = f"{use or pause}期限" if use or pause else None
    if name is None or (w.startswith("每") and not w.startswith("每次")):
        return None
    return name


def _below(low: str, high: Any) -> bool:
    """Whether ``low`` (a numeral as written) is a range's lower end below ``high``."""
    try:
        return isinstance(high, int) and 0 < number(low) < high
    except InputError:
        return False


def _not_a_deadline(words: str) -> bool:
    """每5日, 超过六十日的, 第5日, 延长至五年: a number that is no deadline. 每 before an
    event's 之日起 names each occurrence (每月发放工资之日起5日内) and is a deadline."""
    if "超过" in words or words.endswith(NOT_A_DEADLINE_END):
        return True
    return "每" in words and not words.endswith(ANCHOR_ENDS)


def _subject_words(words: str) -> bool:
    """Words before a period that name who or what, not when: 公示期, 普通事项, 行政机关会在."""
    if words.endswith(SUBJECT_ENDS):
        return True
    body = words.rstrip("于在到")
    return bool(body) and all(unicodedata.category(ch) in ("Lo", "Ps", "Pe", "Po") for ch in body)


def _anchor_start(text: str, start: int, stop: int) -> int:
    """Where the anchor words begin in text[start:stop]: after the subject's modal and a
    preposition (行政机关应当自|受理…之日起), or after the first 自 / 从 (当事人自|收到…)."""
    pos = -1
    for i in range(stop - 1, start - 1, -1):
        for modal in CLAUSE_MODALS:
            if text.startswith(modal, i) and i + len(modal) <= stop:
                after = i + len(modal)
                if after == stop or text.startswith(PREPOSITIONS, after) or text.startswith(LATEST, after):
                    pos = after
                    break
        if pos >= 0:
            break
    if pos < 0:
        pos = start
        for i in range(start, stop):
            if text[i] in "自从" and not text.startswith(NOT_ANCHOR_OPENERS, i) and text[i - 1 : i] != "各":
                pos = i
                break
    while True:  # 最迟应在, 应当自, 于 …
        for word in (*LATEST, *MODALS, "可以", *PREPOSITIONS):
            if text.startswith(word, pos) and pos + len(word) <= stop:
                pos += len(word)
                break
        else:
            return pos


def _bases(words: str) -> tuple[Period, ...]:
    """The period ends the words count from: one (季度结束后), or two joined by 或者 or 、
    (月度或者季度终了后, 季度、年度终了之日起: each is a deadline of its own), or none."""
    base = _base(words)
    if base is not None:
        return (base,)
    for joint in ("或者", "、"):
        first, sep, second = words.partition(joint)
        if not sep:
            continue
        end = next((e for e in _ENDS if e in second), None)
        if end is None:
            return ()
        both = (_base(first + second[second.index(end) :]), _base(second))
        return tuple(b for b in both if b is not None) if None not in both else ()
    return ()


# How a period's end is written (季度终了, 年度结束, 季度末), and the words before the
# period's name (每一会计年度, 本财务年度, 纳税义务发生月), longest first.
_ENDS = ("结束", "终了", "届满", "末")
_BASE_LEADS = (
    "纳税义务发生",
    "每一会计",
    "每个会计",
    "每一纳税",
    "每一财务",
    "本会计",
    "本财务",
    "每一",
    "每个",
    "每",
    "本",
    "当",
    "会计",
    "财务",
)
_QUARTER_NAMES = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


_AFTER_ENDS = ("后", "以后", "之后", "之日起", "之日后")


def _after_end(tail: str) -> str:
    """The words after a period's end, without the 的 of 结束后的三个月内 (中国人民银行法 第四十一条)."""
    return tail.removesuffix("的") if tail.endswith("后的") else tail


def _base(words: str) -> Period | None:
    """每季度终了后 / 季度结束后 / 月度终了后 / 年度终了之日起 / 每季度末后 /
    每一会计年度终了 / 纳税义务发生月终了之日起 / 自每周终了之日起: the anchor's period end."""
    w = words
    for lead in _BASE_LEADS:
        if w.startswith(lead):
            w = w[len(lead) :]
            break
    for name, period in BASE_PERIODS:
        if w.startswith(name):
            rest = w[len(name) :]
            for end in _ENDS:
                if rest.startswith(end) and _after_end(rest[len(end) :]) in (*ANCHOR_ENDS, ""):
                    return period
    return None


_HALF_NAMES = ("前六个月", "前6个月", "上半年", "上半年度")


def _first_half_base(words: str) -> int | None:
    """每个会计年度的前六个月结束后 (股票发行与交易管理暂行条例 第五十七条) / 上半年结束后:
    the end of the year's first half, read as the end of its second quarter (2)."""
    w = words[max(words.rfind(ch) for ch in "在于由自") + 1 :]  # (一)在|每个会计年度…
    for lead in _BASE_LEADS:
        if w.startswith(lead):
            w = w[len(lead) :]
            break
    w = w.removeprefix("年度的").removeprefix("年度").removeprefix("年的")
    for name in _HALF_NAMES:
        if w.startswith(name):
            rest = w[len(name) :]
            for end in _ENDS:
                if rest.startswith(end) and _after_end(rest[len(end) :]) in _AFTER_ENDS:
                    return 2
    return None


def _named_quarter_base(words: str) -> int | None:
    """一季度后 / 第一季度结束后 / 一季度末后: the end of that quarter (its number)."""
    w = words[1:] if words.startswith("第") else words
    if len(w) < 4 or w[0] not in _QUARTER_NAMES or not w.startswith("季度", 1):
        return None
    rest = w[3:]
    for end in ("", *_ENDS):
        if rest.startswith(end) and _after_end(rest[len(end) :]) in _AFTER_ENDS:
            return _QUARTER_NAMES[w[0]]
    return None
