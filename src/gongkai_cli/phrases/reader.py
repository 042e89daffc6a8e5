"""Deadline phrases: text in, a Rule out. Pure, no dates resolved here.

The reader finds the core of a deadline (a number and its unit, a named date, 当场 …),
reads the words before it right to left (a qualifier such as 不得超过 / 不少于 / 延长 / 满,
the anchor such as 收到申请之日起, and, in a whole clause, the subject and its modal) and
the words after it (内 / 前, then the act), so that a phrase it cannot read is reported
with the place where reading stopped. Whole clauses with several periods are read by
``clause.read_clause`` with the same scanner. The words themselves are vocabulary.py's.

By stage: scanner.py moves through the text; targets.py reads named dates (6月底, 次年…);
this module finds the core and its end (内, 前, 左右); leads.py reads the words before it;
rule.py holds what is read (Rule, Found); context.py, for whole clauses, what the words
around a period say (its event, a ban, a condition, 或者).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import InputError
from .chinese import normalise
from .leads import _with_lead
from .rule import Found, Rule
from .scanner import _NUMBER_CHARS, _NotADeadline, _Reader, simplified
from .targets import _read_month, _read_target
from .vocabulary import (
    APPROXIMATE_AFTER,
    BEFORE,
    COUNT_UNITS,
    DATE_ENDS,
    HALVES,
    HOUR_24,
    LATEST,
    MODALS,
    NOUN_AFTER,
    OPEN_PHRASES,
    PREPOSITIONS,
    RANGE_ABOVE,
    RECURRING_PERIODS,
    SAME_DAY,
    SAME_DAY_LEADS,
    SCHEDULE_FOR,
    SUSPENDS,
    WITHIN,
    WORD_AFTER_UNIT,
)

__all__ = ["MAX_PHRASE", "Found", "Rule", "_Reader", "parse_rule", "prepare", "read_phrase", "whole"]

MAX_PHRASE = 200  # characters; a deadline phrase is a few words
MAX_LEAD = 120  # characters before a period read as its subject, anchor and qualifier

# Closing verbs that documents put after a deadline; they change nothing.
_VERB = (
    r"(?:(?:予以|进行|向[^0-9]{1,8}?)?(?:完成|落实|报送|书面报送|公开|发布|办结|答复|举行|"
    r"召开|提交|上报|报告|实施|到位|执行|办理|作出|处理|进行))*"
)
_TRAILING_PUNCT = "。.,，;；、!！"
_RECURRING = f"({'|'.join(RECURRING_PERIODS)})(.*)"
# _VERB and _RECURRING are pattern strings, compiled (and cached by re) when a phrase first
# needs them: about 0.1 ms each to compile, which "5个工作日内" need not pay at every start.
_RECURRING_WORDS = tuple(RECURRING_PERIODS)
_CORE_FIRST = frozenset(_NUMBER_CHARS | set("半当即每次下翌年本全上第"))


def parse_rule(text: str) -> Rule:
    """Read a deadline phrase; raise InputError quoting it and where reading stopped.

    The phrase may carry a subject and an act (行政机关应当自受理之日起二十日内作出决定
    reads as 二十日内 from 受理之日起); it holds one deadline. ``clause.read_clause``
    reads texts with several. Traditional characters are read as simplified ones."""
    s = prepare(text, MAX_PHRASE)
    return read_as_simplified_too(lambda t: _parse_rule(text, t), s, lambda found: found.loose).rule


T = TypeVar("T")


def read_as_simplified_too(read: Callable[[str], T], s: str, loose: Callable[[T], bool]) -> T:
    """``read(s)``; read again as simplified when that fails, or when it leaves words
    unexplained (``loose``), and ``s`` has traditional characters: 延長期限不得超過30日."""
    try:
        found = read(s)
    except InputError:
        converted = simplified(s)
        if converted is None:
            raise
        return read(converted)
    if loose(found) and (converted := simplified(s)) is not None:
        return read(converted)
    return found


def _parse_rule(text: str, s: str) -> Found:
    if s in OPEN_PHRASES or s.endswith("适时进行"):
        return Found(Rule(text, "open"), s, 0, 0, 0, len(s), len(s))
    recurring = re.fullmatch(_RECURRING, s) if s.startswith(_RECURRING_WORDS) else None
    if recurring and not _NUMBER_CHARS.intersection(recurring.group(2)):
        rule = Rule(text, "recurring", period=RECURRING_PERIODS[recurring.group(1)])
        return Found(rule, s, 0, 0, 0, len(s), len(s))
    if s.isascii() and s.isdigit():  # a bare integer: that many working days
        if int(s) <= 0:
            raise InputError(f"期限“{text}”中的数目须大于 0")
        return Found(Rule(text, "workdays", n=int(s)), s, 0, 0, 0, len(s), len(s))
    return read_phrase(text, s)


def read_phrase(text: str, s: str) -> Found:
    """The one deadline of the prepared phrase ``s`` (closing verbs allowed after it)."""
    reader = _Reader(text, s)
    found = find_deadline(reader, 0, len(s))
    if found is None:
        raise diagnose(text, s)
    if found.more:
        reader.pos = found.anchor_at
        raise reader.fail("一个期间的终了（“月度或者季度终了后”是两个期限：请分开写，或给出整句）")
    reader.pos = found.end
    if not reader.at_end():
        reader.take(re.compile(_VERB))
    if not reader.at_end():
        raise reader.fail("期限的结尾（内、前或“完成”等）")
    return found._replace(act_end=len(s))


def whole(text: str, s: str) -> Found | None:
    """An open, recurring or bare-number phrase as a Found spanning all of ``s``."""
    rule: Rule | None = None
    if s in OPEN_PHRASES or s.endswith("适时进行"):
        rule = Rule(text, "open")
    elif (recurring := re.search(_RECURRING, s)) and not _NUMBER_CHARS.intersection(s):
        rule = Rule(text, "recurring", period=RECURRING_PERIODS[recurring.group(1)])  # …按月汇总后报送
    elif s.isascii() and s.isdigit() and int(s) > 0:
        rule = Rule(text, "workdays", n=int(s))
    return None if rule is None else Found(rule, s, 0, 0, 0, len(s), len(s))


def prepare(text: str, limit: int) -> str:
    """The text as the reader sees it: checked, NFKC, no spaces, no final full stop."""
    if len(text) > limit:
        raise InputError(f"期限写法过长（{len(text)} 个字符，上限 {limit}）：请只给出期限本身")
    if any(unicodedata.category(ch) == "Cc" for ch in text if ch not in "\t\n\r"):
        raise InputError(f"期限写法中含有控制字符：{text!r}")
    s = normalise(text).rstrip(_TRAILING_PUNCT)
    if not s:
        raise InputError("期限写法为空：请给出如“5个工作日内”“6月底前”的写法")
    return s


def diagnose(text: str, s: str) -> InputError:
    """No deadline anywhere: read the phrase as a period from the start, to say where it
    stops (3个工作周内: at 个工作周, where a unit should be)."""
    reader = _Reader(text, s)
    start = reader.pos
    _read_target(reader)  # a year without its month says so itself
    reader.pos = start
    if reader.anchor() is None:
        reader.prefix()
    n = reader.number("数字（如 5、三、十五）或日期（如 6月底、2017年1月15日）")
    if not any(reader.take_word(unit) for unit, _, _ in COUNT_UNITS):
        raise reader.fail("期间单位（个工作日、日、天、周、个月、年、小时）")
    if n <= 0:
        return InputError(f"期限“{reader.original}”中的数目须大于 0")
    return reader.fail("期限")


def find_deadline(
    reader: _Reader, start: int, stop: int, passed: list[tuple[int, InputError]] | None = None
) -> Found | None:
    """The first deadline in text[start:stop]: the first place a core reads, with the
    words before it read as subject, anchor and qualifier. A core read as the anchor
    itself (2016年1月1日起) is passed over. With ``passed``, a number that cannot be read
    as a deadline (超过六十日的, 延长至五年) is recorded there and the scan goes on; without
    it, that is an error."""
    text = reader.text
    for core in range(start, stop):
        if text[core] not in _CORE_FIRST:
            continue
        if (
            core > start
            and text[core] in _NUMBER_CHARS
            and (text[core - 1] in _NUMBER_CHARS or text[core - 1] == "月")
        ):
            continue  # inside a number (2016 is not 016), or a day of a month (12月31日 is not 31日)
        reader.pos = core
        try:
            try:
                fields = _read_core(reader, text[start:core])
            except _NotADeadline:
                continue
            if fields is None:
                continue
            end = reader.pos
            if _start_after_full(fields, text, start, core, end):
                # 自本办法施行届满5年之日起，按照…支付 (广播电台电视台播放录音制品支付报酬暂行办法
                # 第六条): the day the span is full starts what follows, not before it
                fields.update(sense="earliest", qualifier="后")
                end = reader.pos = end + 3
            if text.startswith(("之日起", "起", "后", "以后", "之后"), end):
                continue  # a date naming the anchor, not the deadline
            if text.startswith(("结束", "终了"), end) and not fields.get("within") and not fields.get("back"):
                continue  # 前六个月结束后六十日内: the span whose end is the anchor (not 四十五日内结束)
            if fields["kind"] == "date" and (
                text.startswith(("的", "年满", "满"), end)
                or text.endswith("起至", start, core)
                or (text.endswith(("（", "("), start, core) and text.startswith(("）", ")"), end))
            ):  # 儿童节（6月1日）: the date of a name, in brackets
                # 上一年度下半年的…: an attribute; 自1月1日起至12月31日止: a span; 当年12月31日
                # 以前年满18周岁的 (征兵工作条例 第十一条): the day an age is reached, a condition
                continue
            if _names_a_period(fields) and _schedule_follows(text, end, stop):
                continue  # 第四季度为次年一月十日截至: the period a schedule is for
            if (
                _named_period(fields, text[core])
                and core > 0
                and text[core - 1] not in _PART_BREAKS
                and not text.endswith(_PERIOD_LEADS, 0, core)
            ):
                # 一个纳税年度内居住…: a span of time named, not a target set; so is 年末 right
                # after a period passed over (提出设立申请前1年年末总资产: the year's end as
                # a description, 外资保险公司管理条例 第八条)
                continue
            if fields["kind"] == "same_day" and core > start and not _same_day_lead(text, start, core):
                continue  # 对当场作出的决定: 当场 describes the decision, it sets no time
            # The words a deadline depends on sit close before it; a longer lead is subject.
            return _with_lead(reader, max(start, core - MAX_LEAD), core, end, fields)
        except InputError as error:
            if passed is None:
                raise
            passed.append((core, error))
    return None


_PART_BREAKS = "，,；;。：:"
# Words after which 年底 / 年内 / 上半年 / 第一季度 set a target (于年底前, 应当在年内, 力争上半年).
_PERIOD_LEADS = (*PREPOSITIONS, *MODALS, *LATEST, "力争", "争取", "确保", "今年", "、", "并于", "前")


def _start_after_full(fields: dict[str, Any], text: str, start: int, core: int, end: int) -> bool:
    """满N年之日起 / 届满N年之日起: a period that is full, whose last day starts something
    (not 满3年之日至…: a span between two days, 专利法实施细则 第七十八条)."""
    return (
        fields["kind"] in ("days", "months", "years")
        and not fields.get("within")
        and not fields.get("back")
        and "qualifier" not in fields
        and text.endswith("满", start, core)
        and text.startswith("之日起", end)
    )


def _schedule_follows(text: str, end: int, stop: int) -> bool:
    """为 / 是 and a date after a named period (第四季度为次年一月十日截至)."""
    for word in SCHEDULE_FOR:
        if text.startswith(word, end):
            after = end + len(word)
            if after >= stop:
                return False
            return text[after] in _NUMBER_CHARS or text.startswith(("次", "翌", "下"), after)
    return False


def _names_a_period(fields: dict[str, Any]) -> bool:
    """第四季度, 上半年, 年度 …: a period of the year itself (not 次年…, not 每年…)."""
    target = fields.get("target")
    return target in ("year_end", "half_end", "quarter_end") and not fields.get("relative")


def _named_period(fields: dict[str, Any], first: str) -> bool:
    """年底, 年内, 上半年, 第一季度 … written as words (not 2020年底, not 每年, not 次年)."""
    return (
        fields.get("target") in ("year_end", "half_end", "quarter_end")
        and first not in _NUMBER_CHARS
        and not fields.get("yearly")
        and not fields.get("relative")
    )


def _same_day_lead(text: str, start: int, core: int) -> bool:
    """当场 after a modal (应当当场答复), or 当日 after the event's 的 in a time phrase
    (应当于收到申请的当日; not 期限开始的当日不计算在期限内)."""
    if text.endswith(SAME_DAY_LEADS, start, core):
        return True
    lead = text[start:core]
    return lead.endswith("的") and text.startswith(("当日", "当天"), core) and any(p in lead for p in "于在")


def _read_core(reader: _Reader, lead: str) -> dict[str, Any] | None:
    """The period or date at the position, with its 内 / 前; None when nothing reads there."""
    text = reader.text
    if reader.take_word(*SAME_DAY):
        if text.startswith(("起", "后", "之后"), reader.pos):
            return None  # 当日起: the anchor
        return {"kind": "same_day"}
    at = reader.pos
    if (text[at - 1 : at] if at else "") in ("上", "下") and text.startswith("半年", at):
        return None  # 上半年 / 下半年 are read from their first character
    for word, kind, factor in HALVES:
        if reader.take_word(word):
            if word == "半月" and at and text[at - 1] == "个":
                # 两个半月: two months and fifteen days, not 半月 alone (one unit cannot hold it)
                reader.pos = at - 1
                raise reader.fail(
                    "一个单位的期间（“N个半月”是N个月又十五日：请分两步计算，先N个月，再十五日）"
                )
            return _read_period_end(reader, {"kind": kind, "n": factor, "unit": word})
    fields = _read_target(reader, lead)
    if fields is not None:
        _read_range_end(reader, fields)
        reader.take_word(*HOUR_24)
        if reader.take_word(*DATE_ENDS):
            fields["before"] = True
        return fields
    reader.pos = at
    raw = reader.numeral()
    if not raw:
        return None
    for unit, kind, factor in COUNT_UNITS:
        if reader.take_word(unit):
            joined = WORD_AFTER_UNIT.get(unit[-1], "")
            if unit.endswith("工作日"):  # 前不少于20个工作日报请 (缔结条约管理办法 第九条): not 日报
                joined = joined.replace("报", "")
            if reader.at(joined):
                return None  # 一年度, 三日期: the unit is part of a word
            n = reader.value(raw, at)
            if n <= 0:
                raise InputError(f"期限“{reader.original}”中的数目须大于 0")
            written = unit if factor != 1 else None
            if unit == "年" and reader.take_word("半"):  # 一年半: eighteen months
                return _read_period_end(reader, {"kind": "months", "n": n * 12 + 6, "unit": "年半"})
            if unit == "年" and reader.at("零"):  # 七年零六个月 (药品行政保护条例 第十三条)
                back = reader.pos
                reader.take_word("零")
                months = reader.numeral()
                if months and reader.take_word("个月"):
                    m = reader.value(months, back)
                    written = f"{n}年零{m}个月"
                    return _read_period_end(reader, {"kind": "months", "n": n * 12 + m, "unit": written})
                reader.pos = back
            return _read_period_end(reader, {"kind": kind, "n": n * factor, "unit": written})
    return None


def _read_range_end(reader: _Reader, fields: dict[str, Any]) -> None:
    """次年三月一日至六月三十日内: a span of dates ends on its second date."""
    if fields.get("target") not in ("day", "month_end") or fields.get("relative") == "next_month":
        return
    start = reader.pos
    if reader.take_word("至", "到", "-", "—", "~"):
        second = _read_month(reader)
        if second is not None and not second.get("previous_year"):
            fields.update(second)
            return
    reader.pos = start


_HOUR_BEFORE = re.compile("([0-9]{1,2}|[一二三四五六七八九十]{1,3})[时点]前")


def _read_period_end(reader: _Reader, fields: dict[str, Any]) -> dict[str, Any]:
    hour = _HOUR_BEFORE.match(reader.text, reader.pos) if fields["kind"] == "days" else None
    if hour is not None:  # 拟飞行前1天15时前 (通用航空飞行管制条例 第十六条): that day, before 15:00
        reader.pos = hour.end()
        fields["back"] = True
        fields["qualifier"] = hour.group(0)
        return fields
    if reader.take_word(*APPROXIMATE_AFTER):
        fields["sense"] = "approximate"  # 用一年左右时间: answered, with a warning
        fields["qualifier"] = "左右"
    if reader.take_word(*WITHIN):
        if reader.text.startswith(NOUN_AFTER, reader.pos):
            raise _NotADeadline
        fields["within"] = True  # for the words before: 召开前二十日内 is a window, not a day
        return fields
    if (
        reader.text.startswith("以上", reader.pos)
        and "保存" in reader.text[max(0, reader.pos - 30) : reader.pos]
    ):
        reader.pos += 2  # 应当保存2年以上 (农药管理条例 第二十一条): a keeping time
        return fields
    if _granted_at_least(reader):
        reader.pos += 2  # 给债务人六十日以上履行债务的期限 (民法典 第四百五十三条): a minimum granted
        fields["sense"] = "earliest"
        fields["qualifier"] = "以上"
        return fields
    if _suspended_range(reader):
        return fields  # 停止…资格一年以上三年以下: a ban for a range (limits.ranged_ban)
    if reader.text.startswith(NOUN_AFTER, reader.pos):
        raise _NotADeadline  # 十日以内期限的规定, 半个月工资, 十日以下拘留: a noun's measure
    if reader.take_word(*BEFORE):
        fields["back"] = True
    elif _no_period_follows(reader) and reader.take_word("以后", "之后", "后"):
        fields["sense"] = "earliest"  # 催告书送达十日后: not before that day
        fields["qualifier"] = "后"
    return fields


def _granted_at_least(reader: _Reader) -> bool:
    """N日以上…的期限 after 给 / 给予 in the same part: the shortest time to be granted."""
    text, pos = reader.text, reader.pos
    if not text.startswith("以上", pos):
        return False
    part = max(text.rfind(ch, 0, pos) for ch in "，,；;。") + 1
    end = min((i for i in (text.find(ch, pos) for ch in "，,；;。") if i >= 0), default=len(text))
    return "给" in text[part:pos] and text[pos:end].endswith("的期限")


def _suspended_range(reader: _Reader) -> bool:
    """一年以上三年以下 after 停止 / 暂停 / 取消 / 禁止 in the same part: a suspension's range."""
    text, pos = reader.text, reader.pos
    if re.compile(RANGE_ABOVE).match(text, pos) is None:
        return False
    part = max(text.rfind(ch, 0, pos) for ch in "，,；;。") + 1
    return any(verb in text[part:pos] for verb in SUSPENDS)


def _no_period_follows(reader: _Reader) -> bool:
    """After N日后, no number before the end of the part (届满15日后30日内 is an anchor)."""
    text = reader.text
    for pos in range(reader.pos, len(text)):
        if text[pos] in "，,；;。":
            return True
        if text[pos] in _NUMBER_CHARS:
            return False
    return True
