"""Deadline phrases: text in, a Rule out. Pure, no dates resolved here.

The reader finds the core of a deadline (a number and its unit, a named date, 当场 …),
reads the words before it right to left (a qualifier such as 不得超过 / 不少于 / 延长 / 满,
the anchor such as 收到申请之日起, and, in a whole clause, the subject and its modal) and
the words after it (内 / 前, then the act), so that a phrase it cannot read is reported
with the place where reading stopped. Whole clauses with several periods are read by
``clause.read_clause`` with the same scanner. The words themselves are vocabulary.py's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple, TypeVar

from ..errors import InputError
from .chinese import DIGIT_VALUES, NUMERALS, TENS, normalise, number, one_line, traditional_to_simplified
from .vocabulary import (
    ANCHOR_ENDS,
    BASE_PERIODS,
    BEFORE,
    CLAUSE_MODALS,
    COUNT_UNITS,
    DATE_ENDS,
    HALF,
    HALVES,
    HOUR_24,
    LATE_HALF,
    LATEST,
    MODALS,
    NOT_A_DEADLINE_END,
    NOT_ANCHOR_OPENERS,
    NOUN_AFTER,
    OPEN_PHRASES,
    PREPOSITIONS,
    QUALIFIERS,
    RECURRING_PERIODS,
    RELATIVE,
    SAME_DAY,
    SAME_DAY_LEADS,
    SUBJECT_ENDS,
    WITHIN,
    WORD_AFTER_UNIT,
    YEAR_END,
    YEARLY,
    Kind,
    Period,
    Relative,
    Sense,
    Target,
)

MAX_PHRASE = 200  # characters; a deadline phrase is a few words
MAX_LEAD = 120  # characters before a period read as its subject, anchor and qualifier


@dataclass(frozen=True)
class Rule:
    """A parsed deadline phrase.

    kind "workdays" / "days" / "months" / "years" / "hours": ``n`` units after an anchor.
    kind "date": ``target`` in ``year`` (None: the plan's or the anchor's year);
    ``month`` / ``day`` / ``quarter`` as the target needs; ``before`` when the phrase
    said 前 (so "exclusive" reading can take the day before).
    kind "recurring": one occurrence per ``period``.  kind "open": no deadline.
    kind "same_day": the anchor day itself (当场, 即时, 当日).

    ``back``: counted back from a later event (开庭三日前). ``extension``: the period
    extends an earlier deadline, which is its anchor (可以延长十日). ``base``: counted
    from the end of the anchor's month, quarter or year (季度结束后15日内).
    ``relative``: a named date in the month or year after the anchor's (次月15日前).
    ``yearly``: the named date recurs each year (每年1月31日前). ``unit``: the unit as
    written when it is not the kind's own (周, 半个月), for explanations.
    """

    text: str
    kind: Kind
    n: int | None = None
    anchor: str | None = None  # the words naming the anchor, e.g. "印发之日起"
    target: Target | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    before: bool = False
    period: Period | None = None
    sense: Sense = "deadline"
    back: bool = False
    extension: bool = False
    base: Period | None = None
    relative: Relative | None = None
    yearly: bool = False
    unit: str | None = None
    qualifier: str | None = None  # 不得超过, 不少于, 延长, 满 … as written


# -- the reader ----------------------------------------------------------------------
# Numbers are scanned by hand rather than by regular expressions: a character class of
# Chinese numerals costs about 0.1 ms to compile, in every pattern, at every start.

_ASCII_DIGITS = "0123456789"
_NUMERAL = NUMERALS + "".join(TENS)
_NUMBER_CHARS = frozenset(_ASCII_DIGITS + _NUMERAL)
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
_YEAR_END = (*YEAR_END, *LATE_HALF)
_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}
_CORE_FIRST = frozenset(_NUMBER_CHARS | set("半当即每次下翌年本全上第"))


def simplified(text: str) -> str | None:
    """``text`` with traditional characters (個, 內, 申請, 延長 …) made simplified, or None
    when it has none: no character outside GB 2312, the simplified set. Asked only when a
    first reading fails, so that the usual phrase pays for neither the check nor OpenCC."""
    if text.isascii():
        return None
    try:
        text.encode("gb2312")
        return None
    except UnicodeEncodeError:
        pass
    return traditional_to_simplified(text)


class _NotADeadline(Exception):
    """A number and unit that measure something else (十日以内期限的规定): no core here."""


class Found(NamedTuple):
    """One deadline read inside a text, with the words around it (positions in ``text``,
    the normalised, simplified text): subject, anchor words, period words, act. A
    NamedTuple rather than a frozen dataclass: a tenth of the cost at every start."""

    rule: Rule
    text: str
    start: int  # where the subject (or the phrase) starts
    anchor_at: int  # where the anchor words start (== core when there are none)
    core: int  # where the period or date starts
    end: int  # after 内 / 前 …
    act_end: int  # after the act
    more: tuple[Rule, ...] = ()  # alternatives read at the same place (月度或者季度终了后)
    loose: bool = False  # words before the period taken as a subject, read no further

    @property
    def subject(self) -> str:
        return self.text[self.start : self.anchor_at]

    @property
    def period_words(self) -> str:
        return self.text[self.core : self.end]

    @property
    def act(self) -> str:
        return self.text[self.end : self.act_end]


class _Reader:
    def __init__(self, original: str, text: str) -> None:
        self.original = original
        self.text = text
        self.pos = 0

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = pattern.match(self.text, self.pos)
        if match and match.end() > self.pos:
            self.pos = match.end()
            return match
        return None

    def take_word(self, *words: str) -> str | None:
        """The first of ``words`` (longest first) that stands at the reading position."""
        for word in words:
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return word
        return None

    def at(self, chars: str | frozenset[str]) -> bool:
        return self.pos < len(self.text) and self.text[self.pos] in chars

    def fail(self, expected: str) -> InputError:
        rest = self.text[self.pos :]
        original = one_line(self.original)  # even from a CSV field
        shown = original if len(original) <= 60 else original[:57] + "…"
        where = f"第 {self.pos + 1} 个字符“{rest[:10]}”处" if rest else "结尾处"
        return InputError(
            f"无法识别的期限“{shown}”：读到{where}，应为{expected}（写法见 docs/deadline.md 的期限写法表）"
        )

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def numeral(self) -> str:
        """The run of Arabic digits, or else of Chinese numerals, at the position (maybe "")."""
        text, end = self.text, self.pos
        chars = _ASCII_DIGITS if self.at(_ASCII_DIGITS) else _NUMERAL
        while end < len(text) and text[end] in chars:
            end += 1
        raw, self.pos = text[self.pos : end], end
        return raw

    def number(self, expected: str) -> int:
        start = self.pos
        raw = self.numeral()
        if not raw:
            raise self.fail(expected)
        return self.value(raw, start)

    def value(self, raw: str, start: int) -> int:
        """The number ``raw`` read at ``start``; a malformed one is reported there."""
        try:
            return _value(raw)
        except InputError:
            self.pos = start
            raise self.fail("正确的数字写法（如 15、十五、二十、一百二十）") from None

    def prefix(self) -> None:
        self.take_word(*LATEST)
        self.take_word(*MODALS)
        self.take_word(*PREPOSITIONS)

    def anchor(self) -> str | None:
        """Event words ending in 之日起 / 后 … right before a number (印发之日起5…)."""
        text = self.text
        for end in range(self.pos + 1, len(text)):
            if text[end] in _NUMBER_CHARS and text.endswith(ANCHOR_ENDS, self.pos, end):
                words, self.pos = text[self.pos : end], end
                return words
        return None


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
            if text.startswith(("之日起", "起", "后", "以后", "之后"), end):
                continue  # a date naming the anchor, not the deadline
            if fields["kind"] == "date" and (
                text.startswith("的", end) or text.endswith("起至", start, core)
            ):
                continue  # 上一年度下半年的…: an attribute; 自1月1日起至12月31日止: a span
            if (
                _named_period(fields, text[core])
                and core > start
                and not text.endswith(_PERIOD_LEADS, start, core)
            ):
                continue  # 一个纳税年度内居住…: a span of time named, not a target set
            if fields["kind"] == "same_day" and core > start and not _same_day_lead(text, start, core):
                continue  # 对当场作出的决定: 当场 describes the decision, it sets no time
            # The words a deadline depends on sit close before it; a longer lead is subject.
            return _with_lead(reader, max(start, core - MAX_LEAD), core, end, fields)
        except InputError as error:
            if passed is None:
                raise
            passed.append((core, error))
    return None


# Words after which 年底 / 年内 / 上半年 / 第一季度 set a target (于年底前, 应当在年内, 力争上半年).
_PERIOD_LEADS = (*PREPOSITIONS, *MODALS, *LATEST, "力争", "争取", "确保", "今年", "、", "并于", "前")


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
            if reader.at(WORD_AFTER_UNIT.get(unit[-1], "")):
                return None  # 一年度, 三日期: the unit is part of a word
            n = reader.value(raw, at)
            if n <= 0:
                raise InputError(f"期限“{reader.original}”中的数目须大于 0")
            written = unit if factor != 1 else None
            return _read_period_end(reader, {"kind": kind, "n": n * factor, "unit": written})
    return None


def _read_range_end(reader: _Reader, fields: dict[str, Any]) -> None:
    """次年三月一日至六月三十日内: a span of dates ends on its second date."""
    if fields.get("target") not in ("day", "month_end") or fields.get("relative") == "next_month":
        return
    start = reader.pos
    if reader.take_word("至", "到", "-", "—", "~"):
        second = _read_month(reader)
        if second is not None:
            fields.update(second)
            return
    reader.pos = start


def _read_period_end(reader: _Reader, fields: dict[str, Any]) -> dict[str, Any]:
    if reader.take_word(*WITHIN):
        if reader.text.startswith(NOUN_AFTER, reader.pos):
            raise _NotADeadline
        fields["within"] = True  # for the words before: 召开前二十日内 is a window, not a day
        return fields
    if reader.text.startswith(NOUN_AFTER, reader.pos):
        raise _NotADeadline  # 十日以内期限的规定, 半个月工资, 十日以下拘留: a noun's measure
    if reader.take_word(*BEFORE):
        fields["back"] = True
    elif _no_period_follows(reader) and reader.take_word("以后", "之后", "后"):
        fields["sense"] = "earliest"  # 催告书送达十日后: not before that day
        fields["qualifier"] = "后"
    return fields


def _no_period_follows(reader: _Reader) -> bool:
    """After N日后, no number before the end of the part (届满15日后30日内 is an anchor)."""
    text = reader.text
    for pos in range(reader.pos, len(text)):
        if text[pos] in "，,；;。":
            return True
        if text[pos] in _NUMBER_CHARS:
            return False
    return True


def _with_lead(reader: _Reader, start: int, core: int, end: int, fields: dict[str, Any]) -> Found:
    """Read the words before the core right to left: qualifier, anchor, subject."""
    text = reader.text
    lead = text[start:core]
    loose = False
    within = fields.pop("within", False)
    qualifier, sense = next(((q, s) for q, s in QUALIFIERS if lead.endswith(q)), (None, "deadline"))
    if qualifier == "满" and lead.endswith(("届满", "期满")):
        qualifier, sense = None, "deadline"  # 有效期届满三十日前: 满 of 届满, not 满N日
    rest_end = core - len(qualifier or "")
    anchor_at = _anchor_start(text, start, rest_end)
    words = text[anchor_at:rest_end]
    kind = fields["kind"]
    period = kind in ("workdays", "days", "months", "years", "hours")
    if not period and qualifier:
        reader.pos = core
        raise reader.fail("期限（日期前不能有“不得超过”“满”等）")
    if period:
        if qualifier is not None:
            fields["qualifier"] = qualifier
            fields["sense"] = sense
        if "延长" in words or qualifier == "延长":
            fields["extension"] = True
        if words.endswith(BEFORE) and not fields.get("back"):
            if within:
                reader.pos = anchor_at
                raise reader.fail("期限（“…前N日内”是一段时间，不是一个期限）")
            fields["back"] = True  # 有效期届满前30日
        bases = _bases(words)
        if not bases and ("终了" in words or "结束" in words):  # 由纳税人在|月度终了后, 则为|季度结束后
            cut = max(words.rfind(ch) for ch in "在于由自为")
            if cut >= 0 and _bases(words[cut + 1 :]):
                anchor_at += cut + 1
                words = words[cut + 1 :]
                bases = _bases(words)
        base = bases[0] if bases else None
        if base is not None:
            fields["base"] = base
        elif ("终了" in words or "结束" in words) and any(
            w in words for w in ("季度", "月度", "年度", "月份")
        ):
            reader.pos = anchor_at
            raise reader.fail("一个期间的终了（如“季度终了后”“月度终了后”）")
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
        if forward and not words.endswith(ANCHOR_ENDS):
            if qualifier is None and not _subject_words(words):
                reader.pos = anchor_at
                raise reader.fail("数字（如 5、三、十五）或起算词（如“收到申请之日起”“公开后”）")
            anchor_at, words, loose = rest_end, "", True  # 公示期不少于5个工作日: a subject
        if fields.get("back") and sense == "earliest":
            fields["sense"] = sense = "deadline"  # 至少3日前: no later than 3 days before
        if fields.get("back") and (sense != "deadline" or fields.get("extension") or kind == "hours"):
            reader.pos = core
            raise reader.fail("期限（“前”不能与“不少于”“延长”“满”或小时同用）")
        if fields.get("back") and words.endswith(("之日起", "起")):
            reader.pos = core
            raise reader.fail("期限（“…之日起…前”自相矛盾：应为“…内”或“…前N日”）")
    anchor_words = (words or None) if period else None  # before a date: the subject's words
    rule = Rule(reader.original, anchor=anchor_words, **fields)
    if kind == "date":
        _check_date_fields(rule)
    more = tuple(replace(rule, base=b) for b in bases[1:]) if period else ()
    return Found(rule, text, start, anchor_at if period else rest_end, core, end, end, more, loose)


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
    """The period ends the words count from: one (季度结束后), or two joined by 或者
    (月度或者季度终了后: each is a deadline of its own), or none."""
    base = _base(words)
    if base is not None:
        return (base,)
    first, sep, second = words.partition("或者")
    if not sep:
        return ()
    end = next((e for e in ("终了", "结束") if e in second), None)
    if end is None:
        return ()
    both = (_base(first + second[second.index(end) :]), _base(second))
    return tuple(b for b in both if b is not None) if None not in both else ()


def _base(words: str) -> Period | None:
    """每季度终了后 / 季度结束后 / 月度终了后 / 年度终了之日起: the anchor's period end."""
    w = words
    for lead in ("每个", "每", "本", "当"):
        if w.startswith(lead):
            w = w[len(lead) :]
            break
    for name, period in BASE_PERIODS:
        if w.startswith(name):
            rest = w[len(name) :]
            for end in ("结束", "终了", "届满"):
                if rest.startswith(end) and rest[len(end) :] in ANCHOR_ENDS:
                    return period
    return None


def _read_year(reader: _Reader) -> int | None:
    """YYYY年 (four Arabic digits, or four digit numerals such as 二〇一七)."""
    start = reader.pos
    raw = reader.numeral()
    if len(raw) == 4 and (raw.isdigit() or all(ch in DIGIT_VALUES for ch in raw)) and reader.take_word("年"):
        return _value(raw)
    reader.pos = start
    return None


def _read_month(reader: _Reader) -> dict[str, Any] | None:
    """X月底 / X月末 / X月份, or X月X日 / X月X号."""
    start = reader.pos
    raw = reader.numeral()
    if raw and len(raw) <= (2 if raw.isdigit() else 3) and reader.take_word("月"):
        month = reader.value(raw, start)
        if reader.take_word("底", "末", "份"):
            return {"target": "month_end", "month": month}
        day_start = reader.pos
        raw_day = reader.numeral()
        if raw_day and len(raw_day) <= (2 if raw_day.isdigit() else 3) and reader.take_word("日", "号"):
            return {"target": "day", "month": month, "day": reader.value(raw_day, day_start)}
    reader.pos = start
    return None


def _read_day(reader: _Reader) -> int | None:
    """X日 / X号 (次月15日)."""
    start = reader.pos
    raw = reader.numeral()
    if raw and len(raw) <= (2 if raw.isdigit() else 3) and reader.take_word("日", "号"):
        return reader.value(raw, start)
    reader.pos = start
    return None


def _read_target(reader: _Reader, lead: str = "") -> dict[str, Any] | None:
    """A named date or a period end: 6月底, 2017年1月15日, 年底, 第一季度, 每年3月31日,
    次月15日, 次年5月31日, 2020年底, 到2023年 …; the reader stops before 前."""
    start = reader.pos
    if lead == "":
        reader.prefix()
    fields: dict[str, Any] = {"kind": "date"}
    if reader.take_word(*YEARLY):
        fields["yearly"] = True
        month = _read_month(reader)
        if month is None:
            raise reader.fail("月份（如 每年1月31日前、每年2月底前）")
        return {**fields, **month}
    relative = next((r for word, r in RELATIVE if reader.take_word(word)), None)
    if relative == "next_month":
        day = _read_day(reader)
        if day is None:
            if reader.take_word("底", "末"):
                return {**fields, "relative": relative, "target": "month_end", "month": 1}
            raise reader.fail("日期（如 次月15日前）")
        return {**fields, "relative": relative, "target": "day", "month": 1, "day": day}
    if relative == "next_year":
        month = _read_month(reader)
        if month is not None:
            return {**fields, "relative": relative, **month}
        if reader.take_word(*_YEAR_END):
            return {**fields, "relative": relative, "target": "year_end"}
        raise reader.fail("月份（如 次年5月31日前）")
    year = _read_year(reader)
    if year is not None:
        fields["year"] = year
    month = _read_month(reader)
    if month is not None:
        return {**fields, **month}
    if year is not None and reader.take_word("底", "末", "内", "度内"):
        return {**fields, "target": "year_end"}
    if reader.take_word(*_YEAR_END):
        return {**fields, "target": "year_end"}
    if year is None and reader.take_word(*HALF):
        return {**fields, "target": "half_end"}
    if year is None and (quarter := _read_quarter(reader)) is not None:
        return {**fields, "target": "quarter_end", "quarter": quarter}
    if year is not None:
        if (lead.endswith("到") or reader.text.startswith("到", start)) and not reader.at(_NUMBER_CHARS):
            return {**fields, "target": "year_end"}  # 到2023年: by the end of 2023
        raise reader.fail("月份（如 6月底、1月15日）")
    reader.pos = start
    return None


def _read_quarter(reader: _Reader) -> int | None:
    """第一季度 / 一季度末 / 第3季度."""
    start = reader.pos
    reader.take_word("第")
    if reader.at("1234一二三四"):
        quarter = _QUARTERS[reader.text[reader.pos]]
        reader.pos += 1
        if reader.take_word("季度"):
            reader.take_word("末", "底")
            return quarter
    reader.pos = start
    return None


def _value(raw: str) -> int:
    return number(raw)


def _check_date_fields(rule: Rule) -> None:
    if rule.year is not None and not 1 <= rule.year <= 9999:
        raise InputError(f"期限“{rule.text}”中的年份 {rule.year} 不存在")
    if rule.month is not None and not 1 <= rule.month <= 12:
        raise InputError(f"期限“{rule.text}”中的月份 {rule.month} 不存在")
    if rule.day is not None:
        try:
            date(rule.year or 2016, rule.month or 1, rule.day)  # 2016: a leap year, 2月29日 exists
        except ValueError:
            raise InputError(f"期限“{rule.text}”中的日期 {rule.month}月{rule.day}日 不存在") from None
