"""gongkai: deadlines and working days for Chinese government work plans."""

from __future__ import annotations

__version__ = "0.1.0"  # the one place the version is written (pyproject reads it)

from .errors import CoverageError, GongkaiError, InputError
from .resolve import Options, Result, resolve
from .rules import Rule, parse_rule
from .workcal import DayInfo, WorkCalendar, YearData

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
