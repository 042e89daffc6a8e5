"""Exit statuses, as the README's table documents them: one enum, used everywhere."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    DUE = 1  # something is due or overdue (only with --exit-code)
    USAGE = 2  # a usage error (Click's own status)
    BAD_INPUT = 3  # a phrase, date, plan, calendar file or notice that cannot be used
    UNKNOWN_YEAR = 4  # a date in a year the calendar has no arrangement for
    PIPE_CLOSED = 141  # the reader of the output went away: 128 + SIGPIPE (13)
