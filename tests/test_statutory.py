"""Provisional years from 《全国年节及纪念日放假办法》 (2025 revision)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai_cli.calendar.builtin import builtin_years
from gongkai_cli.calendar.provisional import SOURCE, statutory_year
from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.errors import CoverageError


def named(year: int, name: str) -> list[date]:
    return sorted(d for d, n in statutory_year(year).holidays.items() if name in n.split("、"))


def test_2027() -> None:
    data = statutory_year(2027)
    assert data.provisional
    assert data.source == SOURCE
    assert data.makeup_workdays == {}
    assert named(2027, "元旦") == [date(2027, 1, 1)]
    # 农历正月初一 2027 is 2月6日 (Saturday); 除夕 2月5日, 初三 2月8日.
    assert named(2027, "春节") == [date(2027, 2, 5), date(2027, 2, 6), date(2027, 2, 7), date(2027, 2, 8)]
    assert named(2027, "清明节") == [date(2027, 4, 5)]
    assert named(2027, "劳动节") == [date(2027, 5, 1), date(2027, 5, 2)]
    assert named(2027, "端午节") == [date(2027, 6, 9)]  # 五月初五
    assert named(2027, "中秋节") == [date(2027, 9, 15)]  # 八月十五
    assert named(2027, "国庆节") == [date(2027, 10, 1), date(2027, 10, 2), date(2027, 10, 3)]
    assert len(data.holidays) == 13


def test_mid_autumn_on_national_day_gets_both_names() -> None:
    data = statutory_year(2020)  # 中秋 2020 was 10月1日
    assert data.holidays[date(2020, 10, 1)] == "中秋节、国庆节"  # in the 办法's order
    assert len(data.holidays) == 12


def test_provisional_calendar_counts_with_statutory_days() -> None:
    calendar = WorkCalendar([], provisional=statutory_year)
    assert calendar.is_provisional(2027)
    assert not calendar.is_workday(date(2027, 2, 8))  # 初三, a Monday
    assert calendar.is_workday(date(2027, 2, 9))
    assert not calendar.is_workday(date(2027, 2, 13))  # Saturday: weekends rest, no 调休 guessed


def _official_names() -> dict[date, str]:
    names: dict[date, str] = {}
    for data in builtin_years():
        names.update(data.holidays)
    return names


@pytest.fixture(scope="module")
def builtin() -> WorkCalendar:
    return WorkCalendar.default()


@pytest.mark.parametrize("year", range(2008, 2027))
def test_lunar_and_solar_term_days_agree_with_the_official_calendar(year: int, builtin: WorkCalendar) -> None:
    """Each statutory day is a rest day in the official arrangement, named for its holiday
    where chinese-calendar names it (it leaves some weekend days unnamed, e.g. 2012-06-23)."""
    official = _official_names()
    for day, name in statutory_year(year).holidays.items():
        if (name == "春节" and day.weekday() < 5 and year < 2025) or (name == "劳动节" and day.day == 2):
            continue  # 除夕 / 初三 and 5月2日 are statutory only since 2014 / 2025
        assert not builtin.is_workday(day), (day, name)
        if day in official and day.month != 10:  # 9月/10月 combined periods use one name
            assert official[day] == name, (day, name, official[day])


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_statutory_day_is_official_since_the_2025_revision(year: int) -> None:
    official = _official_names()
    for day, name in statutory_year(year).holidays.items():
        assert day in official, (day, name)
        assert set(name.split("、")) & set(official[day].split("、")) or official[day] in name


def test_outside_the_lunar_tables() -> None:
    with pytest.raises(CoverageError) as err:
        statutory_year(2100)
    assert err.value.exit_code == 4
    statutory_year(1900)
    statutory_year(2099)
