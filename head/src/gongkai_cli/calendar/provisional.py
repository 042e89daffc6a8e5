"""Provisional years: the statutory holidays alone, for a year nobody has published.

Legal basis: 《全国年节及纪念日放假办法》第二条 as revised by 国务院令第795号
(国务院关于修改《全国年节及纪念日放假办法》的决定, 2024年11月10日, in force from
2025-01-01): 元旦 1天（1月1日）; 春节 4天（农历除夕、正月初一至初三）; 清明节 1天
（农历清明当日）; 劳动节 2天（5月1日、2日）; 端午节 1天（农历端午当日）; 中秋节 1天
（农历中秋当日）; 国庆节 3天（10月1日至3日）. These rules are applied to every year
asked for. Weekends are rest days; no 调休 is guessed, since only the State Council's
yearly notice sets it. Lunar dates come from the ``lunardate`` package (a lunar
festival in a leap month is taken in the first, non-leap month, as the 办法 says);
清明 from chinese-calendar's solar-term table.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..errors import CoverageError
from .workdays import YearData

SOURCE = "provisional: 《全国年节及纪念日放假办法》"
FIRST_YEAR, LAST_YEAR = 1900, 2099  # the range both lunar tables cover


def statutory_year(year: int) -> YearData:
    """The statutory holidays of ``year`` by the 2025 rules, marked provisional."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CoverageError(
            year,
            f"{year} 年超出农历换算范围（{FIRST_YEAR}–{LAST_YEAR}），无法按法定节日临时推算",
        )
    from chinese_calendar import get_solar_terms
    from lunardate import LunarDate

    def lunar(month: int, day: int) -> date:
        solar: date = LunarDate(year, month, day).to_solar_date()
        return solar

    new_year = lunar(1, 1)
    qingming = [d for d, term in get_solar_terms(date(year, 4, 1), date(year, 4, 10)) if term == "清明"]
    days: list[tuple[date, str]] = [
        (date(year, 1, 1), "元旦"),
        *((new_year + timedelta(days=k), "春节") for k in (-1, 0, 1, 2)),
        *((d, "清明节") for d in qingming),
        (date(year, 5, 1), "劳动节"),
        (date(year, 5, 2), "劳动节"),
        (lunar(5, 5), "端午节"),
        (lunar(8, 15), "中秋节"),
        *((date(year, 10, d), "国庆节") for d in (1, 2, 3)),
    ]
    holidays: dict[date, str] = {}
    for day, name in days:
        # 中秋 on 10月1日–3日 (2001, 2020): one day, both names.
        holidays[day] = f"{holidays[day]}、{name}" if day in holidays else name
    return YearData(year, holidays, {}, SOURCE, provisional=True)
