"""gongkai: deadlines and working days for Chinese government work plans."""

from __future__ import annotations

__version__ = "0.1.0"  # the one place the version is written (pyproject reads it)

from .calendar.workdays import DayInfo, WorkCalendar, YearData
from .errors import CoverageError, GongkaiError, InputError
from .phrases.reader import Rule, parse_rule
from .phrases.resolve import Options, Result, resolve

__all__ = [
    "CoverageError",
    "DayInfo",
    "GongkaiError",
    "InputError",
    "Options",
    "Result",
    "Rule",
    "WorkCalendar",
    "YearData",
    "parse_rule",
    "resolve",
]
