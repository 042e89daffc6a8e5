"""Batch deadlines: many (anchor, rule) lines, one result each, in order.

Input is CSV with a header naming ``anchor`` and ``rule`` (other columns, such as ``id``,
are carried through; a ``law`` column names a statute per line), or lines of
``anchor<TAB>rule``. A rule may be a whole clause; its further deadlines are kept too.
A bad line becomes an error row and the run goes on. Each distinct phrase and anchor is read once.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from io import TextIOBase
from itertools import chain
from typing import TypeVar

from ..calendar.workdays import WorkCalendar
from ..errors import ExitStatus, GongkaiError, InputError
from .clause import Clause, read_clause, resolve_clause
from .dates import parse_datetime
from .resolve import Options, Result, resolve
from .statutes import WorkdayRule, find_statute

TSV_COLUMNS = ("anchor", "rule")
MAX_LINE = 10_000  # characters; a line holds a date, a phrase of at most 200 and a few ids
T = TypeVar("T")


@dataclass(frozen=True)
class BatchRow:
    line: int  # 1-based line number in the input
    fields: dict[str, str]  # the input columns, in input order
    result: Result | None  # the first deadline of the line's text
    error: GongkaiError | None
    more: tuple[Result, ...] = ()  # the text's further deadlines (an extension, an alternative)


def read_input(lines: Iterable[str]) -> tuple[tuple[str, ...], Iterator[tuple[int, dict[str, str]]]]:
    """The input's columns, and its records with their line numbers."""
    it = _bounded(lines)
    first = next(it, "")
    header = next(csv.reader([first]), [])
    names = tuple(name.strip().lstrip("\ufeff") for name in header)
    if "anchor" in names and "rule" in names:
        return names, _csv_records(names, it)
    return TSV_COLUMNS, _tsv_records(chain([first], it) if first else it)


def _bounded(lines: Iterable[str]) -> Iterator[str]:
    """The lines, refusing one too long to be a deadline (binary data, the wrong file).
    A stream is read a line at a time up to the limit, so a line is never held whole."""
    if isinstance(lines, TextIOBase):
        stream = lines
        lines = iter(lambda: stream.readline(MAX_LINE + 2), "")  # + the line ending
    for number, line in enumerate(lines, start=1):
        if len(line.rstrip("\r\n")) > MAX_LINE:
            raise InputError(
                f"此行超过 {MAX_LINE} 个字符，不像起算日和期限写法",
                where=f"<stdin>:{number}",
            )
        yield line


def _csv_records(names: tuple[str, ...], lines: Iterator[str]) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.reader(lines)
    start = 2  # the header is line 1
    for row in reader:
        # A quoted field may run over several lines: a record starts after the last one read.
        number, start = start, reader.line_num + 2
        if not row:
            continue
        values = [*row, *[""] * (len(names) - len(row))]
        yield number, dict(zip(names, values, strict=False))


def _tsv_records(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        anchor, tab, rule = line.partition("\t")
        yield number, {"anchor": anchor.strip(), "rule": rule.strip() if tab else ""}


def run_batch(
    records: Iterable[tuple[int, dict[str, str]]], cal: WorkCalendar, options: Options
) -> Iterator[BatchRow]:
    """One row per record. A ``law`` column names a statute for that line (行政许可法 …);
    an empty one keeps ``options.law``."""
    clauses: dict[str, Clause | InputError] = {}
    anchors: dict[str, date | datetime | InputError] = {}
    laws: dict[str, WorkdayRule | InputError] = {}
    for number, fields in records:
        try:
            clause = _cached(clauses, fields.get("rule", ""), read_clause)
            anchor = _cached(anchors, fields.get("anchor", ""), _anchor)
            law_name = fields.get("law", "").strip()
            line_options = options
            if law_name:
                line_options = options._replace(law=_cached(laws, law_name, find_statute))
            if len(clause.parts) == 1:  # the common case: one phrase, one answer
                result = resolve(clause.parts[0].rule, anchor, cal, line_options)
                yield BatchRow(number, fields, result, None)
                continue
            results = resolve_clause(clause, anchor, cal, line_options)
            yield BatchRow(number, fields, results[0], None, results[1:])
        except GongkaiError as error:
            yield BatchRow(number, fields, None, error)


def _anchor(text: str) -> date | datetime:
    if not text.strip():
        raise InputError("起算日为空")
    try:
        return date.fromisoformat(text)  # the common case, fast
    except ValueError:
        return parse_datetime(text)


def _cached(cache: dict[str, T | InputError], key: str, read: Callable[[str], T]) -> T:
    if key not in cache:
        try:
            cache[key] = read(key)
        except InputError as error:
            cache[key] = error
    hit = cache[key]
    if isinstance(hit, InputError):
        raise hit
    return hit


def exit_status(failures: Iterable[GongkaiError]) -> ExitStatus:
    """BAD_INPUT when any line had bad input, else UNKNOWN_YEAR when any lay outside the
    calendar, else OK."""
    codes = {error.exit_code for error in failures}
    if ExitStatus.BAD_INPUT in codes:
        return ExitStatus.BAD_INPUT
    return ExitStatus.UNKNOWN_YEAR if codes else ExitStatus.OK
