"""Chinese text as written: half-width forms, white space, Chinese numerals and traditional
characters, read in one place for phrases, notices and documents."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from ..errors import InputError

# -- ---------------------------------------------------------------------

DIGIT_VALUES = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
NUMERALS = "零〇一二两三四五六七八九十百千万"  # the characters a Chinese number is written with
TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}  # 廿五日, 卅日: twenty, thirty, forty, in one character


_DASHES = {"—": "-", "–": "-", "―": "-", "−": "-", "〜": "~"}  # NFKC leaves these alone
_SPACE = re.compile(r"\s+")


def halfwidth(text: str) -> str:
    """Full-width digits and punctuation as their half-width forms (NFKC), and dashes as
    "-", one character for one, so that offsets into the text still match."""
    out = []
    for char in text:
        if char in _DASHES:
            out.append(_DASHES[char])
            continue
        folded = unicodedata.normalize("NFKC", char)
        out.append(folded if len(folded) == 1 else char)
    return "".join(out)


def compact(text: str) -> str:
    """``text`` without any white space (a phrase broken over lines or padded in a cell)."""
    return _SPACE.sub("", text)


def normalise(text: str) -> str:
    """Half-width forms and no white space at all: how phrases and dates are read."""
    return compact(halfwidth(text))


def one_line(text: str) -> str:
    """Runs of white space, line breaks included, as one space: a quote in a message."""
    return " ".join(text.split())


def chinese_number(text: str) -> int:
    """三 → 3, 十 → 10, 十五 → 15, 二十 → 20, 一百二十 → 120, 一千零一 → 1001, 两 → 2; a
    year digit by digit: 二〇一六 → 2016. Anything else (十十, 一二, 一百二) is refused
    rather than guessed: InputError."""
    if len(text) == 4 and all(ch in DIGIT_VALUES for ch in text):  # a year: 二〇一六
        return int("".join(str(DIGIT_VALUES[ch]) for ch in text))
    if text in ("零", "〇"):
        return 0
    bad = InputError(f"数字“{text}”的写法有误：请写成阿拉伯数字，或如“十五”“二十”“一百二十”")
    if text and text[0] in TENS:
        text = TENS[text[0]] + text[1:]
    value, last_unit, digit, zero = 0, 10**9, None, False
    for ch in text:
        if ch in DIGIT_VALUES:
            if digit is not None:
                raise bad  # two digits in a row: 一二
            if DIGIT_VALUES[ch] == 0:
                if zero or value == 0:
                    raise bad  # 零零, or a leading 零
                zero = True
                continue
            digit = DIGIT_VALUES[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit or (zero and unit * 10 >= last_unit):
                raise bad  # 十十, 百千, 一百零十
            if digit is None:
                if unit != 10 or value:
                    raise bad  # 百 without its digit
                digit = 1  # 十五: one ten
            value, last_unit, digit, zero = value + digit * unit, unit, None, False
        else:
            raise bad
    if digit is not None:
        if last_unit > 10 and last_unit != 10**9 and not zero:
            raise bad  # 一百二: 120 or 102? say 一百二十 or 一百零二
        value += digit
    elif zero:
        raise bad  # a trailing 零
    return value


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def number(raw: str) -> int:
    """A count written in Arabic digits (half- or full-width) or in Chinese numerals."""
    raw = raw.translate(_FULLWIDTH_DIGITS)
    return int(raw) if raw.isascii() and raw.isdigit() else chinese_number(raw)


def traditional_to_simplified(text: str) -> str:
    """``text`` with traditional characters (個, 內, 申請, 延長 …) made simplified, by
    OpenCC's t2s (https://github.com/BYVoid/OpenCC); imported on first use only."""
    converted: str = _t2s().convert(text)
    return converted


@functools.cache
def _t2s() -> Any:
    """OpenCC's converter, made once (it loads dictionaries)."""
    import opencc

    return opencc.OpenCC("t2s")
