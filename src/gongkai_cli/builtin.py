"""Built-in years, from the chinese-calendar package's transcription of the notices."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache

from .workcal import YearData

# chinese-calendar stores the English name; the notices' own names are used instead.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


@cache
def builtin_years() -> tuple[YearData, ...]:
    import chinese_calendar
    from chinese_calendar import constants

    source = f"chinese-calendar {chinese_calendar.__version__}"
    holidays: dict[int, dict[date, str]] = defaultdict(dict)
    workdays: dict[int, dict[date, str]] = defaultdict(dict)
    for day, holiday in constants.holidays.items():
        holidays[day.year][day] = HOLIDAY_NAMES.get(holiday, holiday)
    for day, holiday in constants.workdays.items():
        workdays[day.year][day] = HOLIDAY_NAMES.get(holiday, holiday)
    years = sorted(set(holidays) | set(workdays))
    return tuple(YearData(year, holidays[year], workdays[year], source) for year in years)
