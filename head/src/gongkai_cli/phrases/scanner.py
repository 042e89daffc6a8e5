"""The scanner the phrase reader moves through a text with: a position, the words and
numbers at it, and the one-line error that says where reading stopped.

Numbers are scanned by hand rather than by regular expressions: a character class of
Chinese numerals costs about 0.1 ms to compile, in every pattern, at every start."""

from __future__ import annotations

import re

from ..errors import InputError
from .chinese import NUMERALS, TENS, number, one_line, traditional_to_simplified
from .vocabulary import ANCHOR_ENDS, LATEST, MODALS, PREPOSITIONS

_ASCII_DIGITS = "0123456789"
_NUMERAL = NUMERALS + "".join(TENS)
_NUMBER_CHARS = frozenset(_ASCII_DIGITS + _NUMERAL)


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


def _value(raw: str) -> int:
    return number(raw)
