"""Text as people write it: half-width forms, Chinese numerals, and dates and times
(ISO, 2016/9/30, 20160930, 2016年9月30日, 二〇一六年五月十八日)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from ..errors import InputError

# -- normalising and numerals ---------------------------------------------------------------------

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


# A pattern string, compiled on first use: classes of Chinese numerals cost about 0.1 ms to
# compile, which commands that never read a signature line should not pay at start-up.
_WRITTEN_DATE = (
    r"(?P<y>[0-9]{4}|[零〇一二三四五六七八九]{4})年(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?P<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})日"
)
_ZEROS = str.maketrans("○O", "〇〇")  # notices also write 〇 as ○ or O


def written_date(text: str) -> date | None:
    """A date line as documents sign off: 2016年5月18日, 二〇一六年五月十八日 (spaces
    allowed); None when ``text`` is not one, or names a day that does not exist."""
    match = re.fullmatch(_WRITTEN_DATE, normalise(text).translate(_ZEROS))
    if match is None:
        return None
    try:
        return date(number(match["y"]), number(match["m"]), number(match["d"]))
    except (InputError, ValueError):
        return None


# -- dates and times -------------------------------------------------------------

_DATE = re.compile(
    r"(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})|"
    r"年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号]?|(?P<m3>\d{2})(?P<d3>\d{2}))"
)
_TIME = re.compile(r"(?:T|[日号]?)?(?P<h>\d{1,2})(?:[:：时点](?P<min>\d{1,2})?分?)?")


MAX_TEXT = 40  # characters: 2016年12月31日23时59分 is 17


def _split(text: str) -> tuple[date, str]:
    if len(text) > MAX_TEXT:
        raise InputError(f"无法识别的日期“{text[:20]}…”：过长（{len(text)} 个字符），请写成 2016-09-30")
    s = normalise(text).replace("：", ":")
    match = _DATE.match(s)
    if match is None:
        raise InputError(f"无法识别的日期“{text}”：请写成 2016-09-30、2016/9/30、20160930 或 2016年9月30日")
    y = int(match["y"])
    m = int(match["m"] or match["m2"] or match["m3"])
    d = int(match["d"] or match["d2"] or match["d3"])
    try:
        day = date(y, m, d)
    except ValueError:
        raise InputError(
            f"日期“{text}”不存在：{y} 年 {m} 月没有 {d} 日"
            if 1 <= m <= 12 and y >= 1
            else f"日期“{text}”不存在"
        ) from None
    return day, s[match.end() :]


def parse_date(text: str) -> date:
    day, rest = _split(text)
    if rest:
        raise InputError(f"无法识别的日期“{text}”：日期后多出“{rest}”")
    return day


def parse_datetime(text: str) -> date | datetime:
    """A date, or a date with a time (2016-07-01 14:30, 2016年7月1日14时30分)."""
    day, rest = _split(text)
    if not rest:
        return day
    match = _TIME.fullmatch(rest)
    if match is None:
        raise InputError(f"无法识别的时刻“{text}”：请写成 2016-07-01 14:30")
    hour, minute = int(match["h"]), int(match["min"] or 0)
    if hour > 23 or minute > 59:
        raise InputError(f"时刻“{text}”不存在")
    return datetime.combine(day, time(hour, minute))


CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")  # no daylight saving since 1991


def zone(name: str | None) -> tzinfo:
    """Asia/Shanghai by default; any IANA name the system knows otherwise."""
    if not name:
        return CHINA
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Asia" is a folder
        raise InputError(f"未知的时区“{name}”（GONGKAI_TZ）：请写成 Asia/Shanghai 这样的时区名") from None


def today_in(now_utc: datetime, tz: tzinfo) -> date:
    """The calendar date in ``tz`` at the moment ``now_utc``: a cron job at 07:00 in
    Beijing on a UTC server runs on Sunday evening UTC and must still see Monday."""
    return now_utc.astimezone(tz).date()
