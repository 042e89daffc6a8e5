"""The work calendar: which dates are working days (工作日), per the State Council.

Pure date logic: no I/O, no clock. Each known year is indexed once (a bytearray of
working-day flags and a sorted tuple of working-day ordinals), so every query is a
constant-time lookup or a binary search; a period longer than a year steps over whole
years by their working-day counts, never over days.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import NamedTuple

from ..errors import CoverageError

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

# Day kinds, as they appear in JSON ("kind") and, translated, in output.
WORKDAY = "workday"  # Monday to Friday, no holiday
REST = "rest"  # weekend, no holiday
HOLIDAY = "holiday"  # a rest day inside a holiday period (named)
MAKEUP_WORKDAY = "makeup_workday"  # 调休上班: a weekend day made a working day

DAY_KIND_LABELS = {WORKDAY: "工作日", REST: "休息日", HOLIDAY: "节假日", MAKEUP_WORKDAY: "调休上班"}


class YearData(NamedTuple):
    """One year's arrangement, as one State Council notice (or its amendments) gives it.

    ``holidays`` are rest days with the holiday's name (weekend days inside a holiday
    period included); ``makeup_workdays`` are weekend days made working days, with the
    name of the holiday they serve. Entries may lie in a neighbouring year (the 2019
    notice set 2018-12-29..31); they apply to those dates.
    """

    year: int
    holidays: Mapping[date, str]
    makeup_workdays: Mapping[date, str]
    source: str
    provisional: bool = False


class DayInfo(NamedTuple):
    date: date
    workday: bool
    kind: str  # WORKDAY, REST, HOLIDAY or MAKEUP_WORKDAY
    name: str | None  # the holiday's name for HOLIDAY and MAKEUP_WORKDAY
    provisional: bool

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.date.weekday()]

    @property
    def label(self) -> str:
        """工作日 / 休息日 / the holiday's name / 调休上班（name）."""
        if self.kind == HOLIDAY and self.name:
            return self.name
        if self.kind == MAKEUP_WORKDAY:
            return f"调休上班（{self.name}）" if self.name else "调休上班"
        return DAY_KIND_LABELS[self.kind]


class _YearIndex(NamedTuple):
    first: int  # ordinal of January 1
    flags: bytes  # 1 for a working day, one byte a day of the year
    workdays: tuple[int, ...]  # ordinals of the working days, ascending
    provisional: bool


class WorkCalendar:
    """Working days for the years it knows; anything else raises CoverageError.

    ``years`` are applied in order: a later YearData for the same year replaces an
    earlier one (a user's calendar file replaces the built-in year). ``provisional``,
    when given, supplies a YearData for a year nobody published (marked provisional).
    """

    def __init__(
        self, years: Iterable[YearData], provisional: Callable[[int], YearData] | None = None
    ) -> None:
        self.provisional = provisional
        self._given = tuple(years)
        self._data: dict[int, YearData] = {}
        for data in self._given:
            self._data[data.year] = data
        self._published = frozenset(y for y, d in self._data.items() if not d.provisional)
        self._with_provisional: WorkCalendar | None = None
        self._index: dict[int, _YearIndex] = {}
        self._overrides: dict[date, tuple[bool, str]] = {}
        for data in sorted(self._data.values(), key=lambda d: d.year):
            self._apply(data)

    def _apply(self, data: YearData) -> None:
        # A year's own dates first, so that a neighbour's entry for the same date
        # (a notice reaching into the next year) is the one that stands.
        for day, name in data.holidays.items():
            self._overrides[day] = (False, name)
        for day, name in data.makeup_workdays.items():
            self._overrides[day] = (True, name)

    @classmethod
    def default(cls, extra: Iterable[YearData] = (), provisional: bool = False) -> WorkCalendar:
        """Built-in years from chinese-calendar, then ``extra`` (calendar files)."""
        from .builtin import builtin_years

        years = [*builtin_years(), *extra]
        if provisional:
            from .provisional import statutory_year

            return cls(years, provisional=statutory_year)
        return cls(years)

    # -- coverage ---------------------------------------------------------------------

    def known_years(self) -> list[YearData]:
        return [self._data[y] for y in sorted(self._data)]

    def knows(self, year: int) -> bool:
        return year in self._data

    def is_provisional(self, year: int) -> bool:
        return self._year(year).provisional

    def published(self, year: int) -> bool:
        """Whether an arrangement for ``year`` was given (not a provisional stand-in)."""
        return year in self._published

    def provisional_years(self, start: date, end: date) -> tuple[int, ...]:
        """The years from ``start``'s to ``end``'s (either order) answered provisionally."""
        low, high = min(start.year, end.year), max(start.year, end.year)
        return tuple(y for y in range(low, high + 1) if self.is_provisional(y))

    def with_provisional(self) -> WorkCalendar:
        """The same years, plus the statutory holidays for any other year (provisional)."""
        if self.provisional is not None:
            return self
        if self._with_provisional is None:
            from .provisional import statutory_year

            self._with_provisional = WorkCalendar(self._given, provisional=statutory_year)
        return self._with_provisional

    def _year(self, year: int) -> _YearIndex:
        index = self._index.get(year)
        if index is None:
            index = self._build(year)
            self._index[year] = index
        return index

    def _build(self, year: int) -> _YearIndex:
        data = self._data.get(year)
        if data is None:
            if self.provisional is None:
                raise CoverageError(year, known=tuple(sorted(self._data)))
            if not 1 <= year <= 9998:
                raise CoverageError(year, f"{year} 年超出可推算的范围，无法计算")
            data = self.provisional(year)
            self._data[year] = data
            for day, name in data.holidays.items():
                self._overrides.setdefault(day, (False, name))
            for day, name in data.makeup_workdays.items():
                self._overrides.setdefault(day, (True, name))
        first = date(year, 1, 1).toordinal()
        size = date(year, 12, 31).toordinal() - first + 1
        flags = bytearray(size)
        for i in range(size):
            day = date.fromordinal(first + i)
            override = self._overrides.get(day)
            flags[i] = override[0] if override is not None else day.weekday() < 5
        workdays = tuple(first + i for i in range(size) if flags[i])
        return _YearIndex(first, bytes(flags), workdays, data.provisional)

    # -- single days -------------------------------------------------------------------

    def is_workday(self, day: date) -> bool:
        index = self._year(day.year)
        return bool(index.flags[day.toordinal() - index.first])

    def day_info(self, day: date) -> DayInfo:
        index = self._year(day.year)
        workday = bool(index.flags[day.toordinal() - index.first])
        override = self._overrides.get(day)
        if override is not None and override[0] == workday:
            kind = MAKEUP_WORKDAY if workday else HOLIDAY
            if workday and day.weekday() < 5:
                kind = WORKDAY  # a notice may list a weekday as a working day: nothing changes
            return DayInfo(day, workday, kind, override[1], index.provisional)
        return DayInfo(day, workday, WORKDAY if workday else REST, None, index.provisional)

    # -- counting ----------------------------------------------------------------------

    def add_workdays(self, anchor: date, n: int) -> date:
        """The n-th working day after ``anchor`` (anchor not counted); n < 0 counts back.

        ``n == 0`` is refused: "the 0th working day" has no meaning in the rules, and
        a hidden "today or the next working day" is exactly the surprise to avoid.
        """
        if n == 0:
            raise ValueError("n must not be 0")
        year = anchor.year
        index = self._year(year)
        ordinal = anchor.toordinal()
        if n > 0:
            # Working days after the anchor in its own year, then whole years.
            pos = bisect_right(index.workdays, ordinal)
            remaining = n
            while pos + remaining > len(index.workdays):
                remaining -= len(index.workdays) - pos
                year += 1
                index = self._year(year)
                pos = 0
            return date.fromordinal(index.workdays[pos + remaining - 1])
        pos = bisect_left(index.workdays, ordinal)  # working days strictly before anchor
        remaining = -n
        while remaining > pos:
            remaining -= pos
            year -= 1
            index = self._year(year)
            pos = len(index.workdays)
        return date.fromordinal(index.workdays[pos - remaining])

    def count_workdays(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.count_workdays(end, start)
        first = self._year(start.year)
        after_start = len(first.workdays) - bisect_right(first.workdays, start.toordinal())
        last = first if start.year == end.year else self._year(end.year)
        # Working days after ``end`` in its year are not in the interval.
        after_end = len(last.workdays) - bisect_right(last.workdays, end.toordinal())
        between = sum(len(self._year(y).workdays) for y in range(start.year + 1, end.year + 1))
        return after_start + between - after_end

    def workdays_between(self, start: date, end: date) -> Iterator[date]:
        """The working days in (start, end], in order; only the years of the interval are
        consulted (nothing after ``end``)."""
        low, high = start.toordinal(), end.toordinal()
        for year in range(start.year, end.year + 1):
            days = self._year(year).workdays
            for ordinal in days[bisect_right(days, low) : bisect_right(days, high)]:
                yield date.fromordinal(ordinal)

    def next_workday(self, day: date) -> date:
        """``day`` itself when it is a working day, else the first one after it."""
        return day if self.is_workday(day) else self.add_workdays(day, 1)

    def previous_workday(self, day: date) -> date:
        """``day`` itself when it is a working day, else the last one before it."""
        return day if self.is_workday(day) else self.add_workdays(day, -1)
