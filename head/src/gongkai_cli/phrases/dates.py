"""Dates and times as people write them: ISO, 2016/9/30, 20160930, 2016年9月30日, and the
signature lines of documents (二〇一六年五月十八日); the time zone that decides "today"."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from ..errors import InputError
from .chinese import normalise, number

_DATE = re.compile(
    r"(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})|"
    r"年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号]?|(?P<m3>\d{2})(?P<d3>\d{2}))"
)
# Compiled on first use (re caches it): only a time of day needs it, and it costs about
# 0.15 ms to compile at a start that reads none.
_TIME = r"(?:T|[日号]?)?(?P<h>\d{1,2})(?:[:：时点](?P<min>\d{1,2})?分?)?"


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
        if not 1 <= m <= 12:
            why = "月份应为 1 到 12"
        elif y < 1:
            why = "年份应为 1 到 9999"
        else:
            why = f"{y} 年 {m} 月没有 {d} 日"
        raise InputError(f"日期“{text}”不存在：{why}") from None
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
    match = re.fullmatch(_TIME, rest)
    if match is None:
        raise InputError(f"无法识别的时刻“{text}”：请写成 2016-07-01 14:30")
    hour, minute = int(match["h"]), int(match["min"] or 0)
    if hour > 23 or minute > 59:
        raise InputError(f"时刻“{text}”不存在")
    return datetime.combine(day, time(hour, minute))


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
