"""gongkai: deadlines and working days for Chinese government work plans."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"  # the one place the version is written (pyproject reads it)

if TYPE_CHECKING:
    from .calendar.workdays import DayInfo, WorkCalendar, YearData
    from .errors import CoverageError, GongkaiError, InputError
    from .phrases.reader import Rule, parse_rule
    from .phrases.resolve import Options, Result, resolve

# The public API, each name with the module that holds it. They are imported on first use
# (PEP 562), so that the command line, which imports this package first, can start its
# own way (cli/__init__.py) and load only what the command it runs needs.
_HOMES = {
    "DayInfo": ".calendar.workdays",
    "WorkCalendar": ".calendar.workdays",
    "YearData": ".calendar.workdays",
    "CoverageError": ".errors",
    "GongkaiError": ".errors",
    "InputError": ".errors",
    "Rule": ".phrases.reader",
    "parse_rule": ".phrases.reader",
    "Options": ".phrases.resolve",
    "Result": ".phrases.resolve",
    "resolve": ".phrases.resolve",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home, __name__), name)


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
