"""Deadline phrases: text in, a Rule out. Pure, no dates resolved here.

The reader walks the phrase left to right (an optional preposition, an optional anchor
such as 印发之日起, then a period, a named date or a month end, then optional 内 / 前
and a closing verb), so that a phrase it cannot read is reported with the place where
reading stopped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from ..errors import InputError
from .chinese import DIGIT_VALUES, NUMERALS, normalise, number, one_line
from .vocabulary import (
    ANCHOR_ENDS,
    BEFORE,
    HALF,
    MODALS,
    OPEN_PHRASES,
    PERIOD_UNITS,
    PREPOSITIONS,
    RECURRING_PERIODS,
    WITHIN,
    YEAR_END,
    Kind,
    Period,
    Target,
)

MAX_PHRASE = 200  # characters; a deadline phrase is a few words


@dataclass(frozen=True)
class Rule:
    """A parsed deadline phrase.

    kind "workdays" / "days" / "months" / "years" / "hours": ``n`` units after an anchor.
    kind "date": ``target`` in ``year`` (None: the plan's or the anchor's year);
    ``month`` / ``day`` / ``quarter`` as the target needs; ``before`` when the phrase
    said 前 (so "exclusive" reading can take the day before).
    kind "recurring": one occurrence per ``period``.  kind "open": no deadline.
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


# -- the reader ----------------------------------------------------------------------
# Numbers are scanned by hand rather than by regular expressions: a character class of
# Chinese numerals costs about 0.1 ms to compile, in every pattern, at every start.

_ASCII_DIGITS = "0123456789"
_NUMBER_CHARS = frozenset(_ASCII_DIGITS + NUMERALS)
# Closing verbs that documents put after a deadline; they change nothing. A pattern string,
# compiled (and cached by re) for the first phrase with words after its deadline: it takes
# about 0.1 ms to compile, which "5个工作日内" alone need not pay.
_VERB = (
    r"(?:(?:予以|进行|向[^0-9]{1,8}?)?(?:完成|落实|报送|书面报送|公开|发布|办结|答复|举行|"
    r"召开|提交|上报|报告|实施|到位|执行|办理|作出|处理|进行))*"
)
_TRAILING_PUNCT = "。.,，;；、!！"
_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}


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

    def at(self, chars: str) -> bool:
        return self.pos < len(self.text) and self.text[self.pos] in chars

    def fail(self, expected: str) -> InputError:
        rest = self.text[self.pos :]
        original = one_line(self.original)  # even from a CSV field
        shown = original if len(original) <= 60 else original[:57] + "…"
        where = f"第 {self.pos + 1} 个字符“{rest[:10]}”处" if rest else "结尾处"
        return InputError(
            f"无法识别的期限“{shown}”：读到{where}，应为{expected}（可用写法见 README 的期限写法表）"
        )

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def numeral(self) -> str:
        """The run of Arabic digits, or else of Chinese numerals, at the position (maybe "")."""
        text, end = self.text, self.pos
        chars = _ASCII_DIGITS if self.at(_ASCII_DIGITS) else NUMERALS
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
            return number(raw)
        except InputError:
            self.pos = start
            raise self.fail("正确的数字写法（如 15、十五、二十、一百二十）") from None

    def prefix(self) -> None:
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
    """Read a deadline phrase; raise InputError quoting it and where reading stopped."""
    if len(text) > MAX_PHRASE:
        raise InputError(f"期限写法过长（{len(text)} 个字符，上限 {MAX_PHRASE}）：请只给出期限本身")
    if any(unicodedata.category(ch) == "Cc" for ch in text if ch not in "\t\n\r"):
        raise InputError(f"期限写法中含有控制字符：{text!r}")
    s = normalise(text).rstrip(_TRAILING_PUNCT)
    if not s:
        raise InputError("期限写法为空：请给出如“5个工作日内”“6月底前”的写法")
    if s in OPEN_PHRASES or s.endswith("适时进行"):
        return Rule(text, "open")
    every = next((word for word in RECURRING_PERIODS if s.startswith(word)), None)
    if every is not None and not _NUMBER_CHARS.intersection(s[len(every) :]):  # 按月公开, not 每月5日前
        return Rule(text, "recurring", period=RECURRING_PERIODS[every])
    if s.isascii() and s.isdigit():  # a bare integer: that many working days
        if int(s) <= 0:
            raise InputError(f"期限“{text}”中的数目须大于 0")
        return Rule(text, "workdays", n=int(s))
    reader = _Reader(text, s)
    rule = _read_target(reader) or _read_period(reader)
    if not reader.at_end():
        reader.take(re.compile(_VERB))
    if not reader.at_end():
        raise reader.fail("期限的结尾（内、前或“完成”等）")
    return rule


def _read_period(reader: _Reader) -> Rule:
    anchor = reader.anchor()
    if anchor is None:
        reader.prefix()
    n = reader.number("数字（如 5、三、十五）")
    kind = next((k for unit, k in PERIOD_UNITS if reader.take_word(unit)), None)
    if kind is None:
        raise reader.fail("期间单位（个工作日、日、天、个月、年、小时）")
    reader.take_word(*WITHIN)
    if n <= 0:
        raise InputError(f"期限“{reader.original}”中的数目须大于 0")
    return Rule(reader.original, kind, n=n, anchor=anchor)


def _read_year(reader: _Reader) -> int | None:
    """YYYY年 (four Arabic digits, or four digit numerals such as 二〇一七)."""
    start = reader.pos
    raw = reader.numeral()
    if len(raw) == 4 and (raw.isdigit() or all(ch in DIGIT_VALUES for ch in raw)) and reader.take_word("年"):
        return number(raw)
    reader.pos = start
    return None


def _read_month(reader: _Reader) -> dict[str, object] | None:
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


def _read_target(reader: _Reader) -> Rule | None:
    """A named date or a period end: 6月底前, 2017年1月15日前, 年底前, 第一季度 …"""
    start = reader.pos
    reader.prefix()
    year = _read_year(reader)
    fields = _read_month(reader)
    if fields is not None:
        pass
    elif reader.take_word(*YEAR_END):
        fields = {"target": "year_end"}
    elif reader.take_word(*HALF):
        fields = {"target": "half_end"}
    elif (quarter := _read_quarter(reader)) is not None:
        fields = {"target": "quarter_end", "quarter": quarter}
    else:
        if year is not None:
            raise reader.fail("月份（如 6月底、1月15日）")
        reader.pos = start
        return None
    before = reader.take_word(*BEFORE) is not None
    rule = Rule(reader.original, "date", year=year, before=before, **fields)  # type: ignore[arg-type]
    _check_date_fields(rule)
    return rule


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
