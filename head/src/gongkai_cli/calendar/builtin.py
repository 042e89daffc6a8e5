"""Built-in years, from the chinese-calendar package's transcription of the notices."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache

from .workdays import YearData

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


# Days where chinese-calendar's transcription disagrees with the notice itself, each with
# the notice's words. Found by comparing every date of 2004-2026 with python-holidays'
# China calendar (bench/bench.py shows the agreement): this is the one difference, and
# the published notice settles it.
MAKEUP_CORRECTIONS = {
    date(2005, 12, 31): (
        "元旦",
        "国办发明电〔2005〕35号（2006年部分节假日安排）：“将12月31日(星期六)、1月1日(星期日)"
        "两个公休日调至1月2日(星期一)、3日(星期二)，12月31日(星期六)上班”",
    ),
}


CORRECTED_NOTE = "，2005-12-31 据国办发明电〔2005〕35号更正为调休上班"


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
    corrected: set[int] = set()
    for day, (name, _notice) in MAKEUP_CORRECTIONS.items():
        holidays[day.year].pop(day, None)
        workdays[day.year][day] = name
        corrected.add(day.year)
    years = sorted(set(holidays) | set(workdays))
    return tuple(
        YearData(
            year,
            holidays[year],
            workdays[year],
            source + (CORRECTED_NOTE if year in corrected else ""),
        )
        for year in years
    )
