"""A month of the work calendar: its days in order, and its weeks Monday to Sunday."""

from __future__ import annotations

import calendar as stdcal
from dataclasses import dataclass
from datetime import date, timedelta

from .workdays import DayInfo, WorkCalendar


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    days: tuple[DayInfo, ...]  # every day of the month, in order

    @property
    def title(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def provisional(self) -> bool:
        return any(d.provisional for d in self.days)

    def weeks(self) -> list[list[DayInfo | None]]:
        """Rows Monday to Sunday; None where the row lies outside the month."""
        cells: list[DayInfo | None] = [None] * self.days[0].date.weekday()
        cells.extend(self.days)
        cells.extend([None] * (-len(cells) % 7))
        return [cells[i : i + 7] for i in range(0, len(cells), 7)]


def month_of(cal: WorkCalendar, year: int, month: int) -> Month:
    """Every day of ``month`` in ``year`` as ``cal`` sees it."""
    first = date(year, month, 1)
    days = (first + timedelta(days=k) for k in range(stdcal.monthrange(year, month)[1]))
    return Month(year, month, tuple(cal.day_info(d) for d in days))
