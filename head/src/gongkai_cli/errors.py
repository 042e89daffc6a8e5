"""One error hierarchy; each class carries the exit status documented in docs/output.md.

The CLI turns these into a one-line Chinese message in exactly one place
(``cli.main.GongkaiGroup``), adding what to do; messages here state
facts and name no command-line option.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """The exit statuses docs/output.md documents, used everywhere instead of numbers."""

    OK = 0
    DUE = 1  # something is due or overdue (only with --exit-code)
    USAGE = 2  # a usage error (Click's own status)
    BAD_INPUT = 3  # a phrase, date, plan, calendar file or notice that cannot be used
    UNKNOWN_YEAR = 4  # a date in a year the calendar has no arrangement for
    INTERNAL = 70  # a bug in gongkai (sysexits' EX_SOFTWARE): one line asking for a report
    OUTPUT = 74  # the results could not be written: disk full, output closed, encoding (EX_IOERR)
    PIPE_CLOSED = 141  # the reader of the output went away: 128 + SIGPIPE (13)


class GongkaiError(Exception):
    """Base class: a problem the user can fix, with a one-line message."""

    exit_code = ExitStatus.BAD_INPUT

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where  # "file:line" or "file" when the problem is in a file

    def __str__(self) -> str:
        if not self.where:
            return self.message
        where = self.where
        if len(where) > _WHERE_MAX:  # a path of 120,000 characters: its start and its end
            where = where[: _WHERE_MAX // 2] + "…" + where[-_WHERE_MAX // 2 :]
        return f"{where}: {self.message}"


_WHERE_MAX = 160  # characters of a place shown in a message


class InputError(GongkaiError):
    """Bad input data: a phrase, a date, a plan, a calendar file or a notice (exit 3)."""

    exit_code = ExitStatus.BAD_INPUT


class CoverageError(GongkaiError):
    """A date in a year the calendar has no arrangement for (exit 4).

    ``unpublished``: the year is one a notice could cover (the CLI then says how to add
    it); False when no calendar can reach it (past year 9999, outside the lunar tables).
    ``known``: the years the calendar knows, when it says (the CLI tells a year before
    them from one not yet published).
    """

    exit_code = ExitStatus.UNKNOWN_YEAR

    def __init__(self, year: int, message: str | None = None, *, known: tuple[int, ...] = ()) -> None:
        self.year = year
        self.unpublished = message is None
        self.known = known
        super().__init__(message or f"日历中没有 {year} 年的节假日安排，无法计算。")
