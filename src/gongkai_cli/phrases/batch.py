"""Batch deadlines: many (anchor, rule) lines, one result each, in order.

Input is CSV with a header naming ``anchor`` and ``rule`` (other columns, such as ``id``,
are carried through; a ``law`` column names a statute per line), or lines of
``anchor<TAB>rule``; lines may end in LF, CRLF or CR. A rule may be a whole clause; its
further deadlines are kept too. A bad line becomes an error row and the run goes on.
Memory stays bounded whatever the input: lines are read and answered one at a time, and
the most recent CACHED distinct phrases and laws (ANCHORS_CACHED anchors) are kept read (a least-recently
used cache), not every one seen.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache, partial
from io import TextIOBase
from itertools import chain
from typing import NamedTuple, TextIO, TypeVar

from ..calendar.workdays import WorkCalendar
from ..errors import ExitStatus, GongkaiError, InputError
from .clause import read_clause, resolve_clause
from .dates import parse_datetime
from .reader import MAX_PHRASE, Rule
from .resolve import Options, Result, resolve
from .statutes import find_statute

TSV_COLUMNS = ("anchor", "rule")
MAX_LINE = 10_000  # characters; a line holds a date, a phrase of at most 200 and a few ids
CACHED = 4096  # distinct phrases (and laws) kept read: a batch repeats a few phrases
MEMO = 16_384  # distinct (anchor, rule, law) answers kept by the CLI's batch (a few KB each)
ANCHORS_CACHED = 16_384  # distinct anchors kept read: every day of 45 years, a few MB
T = TypeVar("T")


class BatchRow(NamedTuple):
    """One answered line. A NamedTuple: one is made per line, at a third of the cost of a
    frozen dataclass."""

    line: int  # 1-based line number in the input
    fields: dict[str, str]  # the input columns, in input order
    result: Result | None  # the first deadline of the line's text
    error: GongkaiError | None
    more: tuple[Result, ...] = ()  # the text's further deadlines (an extension, an alternative)


def read_input(lines: Iterable[str]) -> tuple[tuple[str, ...], Iterator[tuple[int, dict[str, str]]]]:
    """The input's columns, and its records with their line numbers."""
    names, rows = read_rows(lines)
    return names, ((number, dict(zip(names, row, strict=True))) for number, row in rows)


def read_rows(
    lines: Iterable[str], anchor: str = "anchor", rule: str = "rule"
) -> tuple[tuple[str, ...], Iterator[tuple[int, list[str]]]]:
    """The input's columns, and its rows (one cell per column: a short row padded with
    empty cells, a long one cut) with their line numbers. A record is
    ``dict(zip(columns, row))``: where a name is repeated, its last cell. The input is CSV
    when its first line names the ``anchor`` and ``rule`` columns, else TSV_COLUMNS."""
    it = _bounded(lines)
    first = next(it, "")
    header = next(csv.reader([first]), [])
    names = tuple(name.strip().lstrip("\ufeff") for name in header)
    if anchor in names and rule in names:
        return names, _csv_rows(len(names), it)
    return TSV_COLUMNS, _tsv_rows(chain([first], it) if first else it)


class Lines(NamedTuple):
    """Lines of CSV read the quick way (read_chunks), each a record of its own: they hold
    no quote, carriage return or NUL (so a line's cells are ``line.split(",")``, as the
    csv module reads them), and none is over MAX_LINE characters. ``number`` is the first
    one's line number; an empty line is no record (as the csv module reads it)."""

    number: int
    lines: list[str]  # without their line endings


def read_chunks(
    source: TextIO, anchor: str = "anchor", rule: str = "rule"
) -> tuple[tuple[str, ...], Iterator[tuple[int, list[str]] | Lines]]:
    """As read_rows, but a CSV stream's rows come as blocks of plain lines (Lines) as far
    as they can: most of a ledger, read a block at a time rather than a line at a time.
    From the first block that holds a quote (a cell over several lines, perhaps), a
    carriage return, a NUL or a line too long, rows are read the general way."""
    stream = _universal(source)
    lines = _bounded(iter(partial(stream.readline, MAX_LINE + 2), ""))  # + the line ending
    first = next(lines, "")
    header = next(csv.reader([first]), [])
    names = tuple(name.strip().lstrip("\ufeff") for name in header)
    if anchor in names and rule in names:
        return names, _quick_rows(len(names), stream)
    return TSV_COLUMNS, _tsv_rows(chain([first], lines) if first else lines)


BLOCK = 1 << 16  # characters read at a time the quick way


def _quick_rows(width: int, stream: TextIO | TextIOBase) -> Iterator[tuple[int, list[str]] | Lines]:
    """A CSV stream's rows after its header (line 1): blocks of plain lines (Lines), then,
    from the first block that is not plain, rows read the general way (_csv_rows)."""
    number, rest = 2, ""
    while True:
        try:
            block = stream.read(BLOCK)
        except UnicodeDecodeError:  # decoded ahead in blocks: the line is not known
            raise InputError("输入不是 UTF-8 编码的文本：请以 UTF-8 保存", where="<stdin>") from None
        text = rest + block
        end = text.rfind("\n") if block else len(text)
        if end < 0:  # no whole line yet
            if len(text) <= MAX_LINE:
                rest = text
                continue
            lines, rest = [], text
            break
        head, rest = text[:end], text[end + 1 :]
        lines = head.split("\n")
        if (
            '"' in head
            or "\r" in head
            or "\x00" in head
            or len(rest) > MAX_LINE
            or max(map(len, lines)) > MAX_LINE
        ):
            break
        if not block:
            if head:
                yield Lines(number, lines)
            return
        yield Lines(number, lines)
        number += len(lines)
    # The general way from here: this block's lines, the rest of the line being read, and
    # the rest of the stream.
    pending = [line + "\n" for line in lines]
    if not block:  # the last line has no line ending
        pending[-1] = pending[-1][:-1]
    elif tail := rest + stream.readline(MAX_LINE + 2):
        pending.append(tail)
    more = chain(pending, iter(partial(stream.readline, MAX_LINE + 2), ""))
    yield from _csv_rows(width, _bounded(more, number), number)


def _bounded(lines: Iterable[str], first: int = 1) -> Iterator[str]:
    """The lines, refusing one too long to be a deadline (binary data, the wrong file).
    A stream is read a line at a time up to the limit, so a line is never held whole;
    one with bytes underneath is read as UTF-8 with any line ending (LF, CRLF, CR)."""
    if isinstance(lines, TextIOBase):
        stream = _universal(lines)
        lines = iter(partial(stream.readline, MAX_LINE + 2), "")  # + the line ending
    try:
        for number, line in enumerate(lines, start=first):
            if len(line) > MAX_LINE and len(line.rstrip("\r\n")) > MAX_LINE:
                raise InputError(
                    f"此行超过 {MAX_LINE} 个字符，不像起算日和期限写法",
                    where=f"<stdin>:{number}",
                )
            yield line
    except UnicodeDecodeError:  # decoded ahead in blocks: the line is not known
        raise InputError("输入不是 UTF-8 编码的文本：请以 UTF-8 保存", where="<stdin>") from None


def _universal(stream: TextIO | TextIOBase) -> TextIO | TextIOBase:
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream
    return io.TextIOWrapper(buffer, encoding="utf-8", newline=None)


def _csv_rows(width: int, lines: Iterator[str], first: int = 2) -> Iterator[tuple[int, list[str]]]:
    """The rows of CSV lines, the first of them line ``first`` (the header is line 1)."""
    reader = csv.reader(lines)
    start = first
    try:
        for row in reader:
            # A quoted field may run over several lines: a record starts after the last one read.
            number, start = start, reader.line_num + first
            if len(row) != width:
                if not row:
                    continue
                row = (row + [""] * width)[:width]
            yield number, row
    except csv.Error as e:  # a quoted field never closed, or over the csv module's limit
        raise InputError(f"CSV 格式有误，无法继续读取：{_csv_problem(e)}", where=f"<stdin>:{start}") from None


def _csv_problem(error: csv.Error) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return f"引号内的字段超过 {csv.field_size_limit()} 个字符（引号是否未闭合？）"
    return text


def _tsv_rows(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        anchor, tab, rule = line.partition("\t")
        yield number, [anchor.strip(), rule.strip() if tab else ""]


def run_batch(
    records: Iterable[tuple[int, dict[str, str]]], cal: WorkCalendar, options: Options
) -> Iterator[BatchRow]:
    """One row per record. A ``law`` column names a statute for that line (行政许可法 …);
    an empty one keeps ``options.law``."""
    answer = answerer(cal, options)
    for number, fields in records:
        yield answer(number, fields)


def answerer(cal: WorkCalendar, options: Options) -> Callable[[int, dict[str, str]], BatchRow]:
    """The answer to one record, with the phrases, anchors and laws read so far kept read
    (least-recently-used caches, so memory stays bounded)."""
    return answerers(cal, options).answer


KeptKey = tuple[str, int | None, date | datetime, str]  # (kind, n, anchor, law): answerers


class Answerers(NamedTuple):
    """A batch's answers (answerers): ``answer(number, fields)`` is the line's BatchRow.
    ``key(anchor, rule, law)``, given a line's anchor, rule and law cells, is the key
    under which ``answer`` keeps the line's answer when its rule is a plain period (its
    kind, number, anchor and law), else None; ``kept(key)`` is whether an answer is kept
    under it. While an answer is kept under a key, every line with that key is given
    that answer with its own rule (the rule's words change nothing else): a caller may
    keep what it makes of the answer, the rule aside, by the key."""

    answer: Callable[[int, dict[str, str]], BatchRow]
    key: Callable[[str, str, str], KeptKey | None]
    kept: Callable[[KeptKey], bool]


def answerers(cal: WorkCalendar, options: Options) -> Answerers:
    """answerer's answer, and the key of the answers it keeps (Answerers)."""
    clause_of = _cached(read_clause)
    periods = period_readers()
    period_of = periods.read
    anchor_of = _cached(_anchor, ANCHORS_CACHED)
    law_of = _cached(find_statute)
    kept: dict[KeptKey, Result] = {}

    def counted(period: Rule, anchor: date | datetime, law: str, line_options: Options) -> Result:
        """resolve(period, anchor, cal, line_options). A plain period's answer depends on
        its kind, its number, the anchor and the law, not on its words (every other field
        of the rule is the default, period_reader): the answer for the same four is kept
        (the most recent MEMO), and given with this period as its rule."""
        key = (period.kind, period.n, anchor, law)
        found = kept.get(key)
        if found is not None:
            return _with_rule(found, period)
        found = resolve(period, anchor, cal, line_options)
        if found.rule is period:  # not a rule of its own (counted under a law: another kind)
            if len(kept) >= MEMO:
                kept.clear()
            kept[key] = found
        return found

    def answer(number: int, fields: dict[str, str]) -> BatchRow:
        try:
            text = fields.get("rule", "")
            period = period_of(text)
            clause = _value(clause_of(text)) if period is None else None
            anchor = anchor_of(fields.get("anchor", ""))
            if isinstance(anchor, InputError):  # _value, inline: once per line
                raise anchor
            law_name = fields.get("law", "").strip()
            line_options = options
            if law_name:
                line_options = options._replace(law=_value(law_of(law_name)))
            if clause is None:  # a plain period (period_reader): its answer may be kept
                assert period is not None
                return BatchRow(number, fields, counted(period, anchor, law_name, line_options), None)
            if len(clause.parts) == 1:  # the common case: one phrase, one answer
                return BatchRow(
                    number, fields, resolve(clause.parts[0].rule, anchor, cal, line_options), None
                )
            results = resolve_clause(clause, anchor, cal, line_options)
            return BatchRow(number, fields, results[0], None, results[1:])
        except GongkaiError as error:
            return BatchRow(number, fields, None, error)

    period_key = periods.key

    def kept_key(anchor_text: str, rule: str, law: str) -> KeptKey | None:
        """The key ``counted`` keeps this line's answer by, when its rule is a plain
        period: when an answer is kept under it, the line's answer is
        ``_with_rule(kept[key], period)``, as ``answer`` gives it (a kept answer was
        made with a law read without error, so the law needs no reading here)."""
        period = period_key(rule)
        if period is None:
            return None
        anchor = anchor_of(anchor_text)
        if isinstance(anchor, InputError):
            return None
        return (period[0], period[1], anchor, law.strip())

    return Answerers(answer, kept_key, kept.__contains__)


# A phrase whose only Arabic numbers are its period's (文件公开后15个工作日内) and numbers
# that name something (收到第2016号申请之日起15个工作日内: 第…号, 条, 款, 项, 次, 批, 期), whose
# wording, read with samples in place of the numbers, is one plain period of the sample
# units (nothing else read, passed over or loose), is that period of its own number: the
# wording is read once, not once per phrase, so a batch of a million different numbers
# costs one reading each. Anything else is read whole by read_clause (tests/test_trust.py
# and tests/test_batch_speed.py check that the two agree).
_DIGIT_RUNS = re.compile(r"([0-9]+)")
_PERIODS = ("workdays", "days", "months", "years", "hours")
SAMPLE = 7
SAMPLES = (7, 11, 13, 17, 19, 23, 29, 31)  # one per number: at most len(SAMPLES) numbers
_PERIOD_DIGITS = 18  # at most, and no leading zero
_NAME_DIGITS = 9  # at most, for a number that names something
_NAMED_AFTER = tuple("号条款项次批期")
# Numbers of 4 or 8 digits may be read as a year or a date (2017年内, 20160930): a period
# of such a length is always read whole.
_DATE_LIKE = (4, 8)


class _Wording(NamedTuple):
    """A wording read once: its period is number ``k``; the anchor is ``anchor`` formatted
    with the phrase's numbers (str.format: ``{i}`` is number i), None when the rule has none."""

    rule: Rule
    k: int
    anchor: str | None


class PeriodReader(NamedTuple):
    """A phrase's plain period (see above), read by its wording: ``read(text)`` is the
    rule, or None when read_clause must read the phrase; ``key(text)`` is that rule's
    kind and number, ``(read(text).kind, read(text).n)``, or None with it, made without
    the rule (a batch answer kept by kind and number needs no more)."""

    read: Callable[[str], Rule | None]
    key: Callable[[str], tuple[str, int] | None]


def period_reader() -> Callable[[str], Rule | None]:
    """The period a phrase reads as, when its wording is a plain period (see above), or
    None: then read_clause reads it."""
    return period_readers().read


def period_readers() -> PeriodReader:
    """period_reader's reading, and the key of what it reads (PeriodReader), sharing the
    wordings read."""

    @lru_cache(maxsize=CACHED)
    def wording(words: tuple[str, ...]) -> _Wording | None:
        numbers = len(words) - 1
        if numbers > len(SAMPLES):
            return None
        samples = [str(n) for n in SAMPLES[:numbers]]
        sample = words[0] + "".join(n + w for n, w in zip(samples, words[1:], strict=True))
        try:
            clause = read_clause(sample)
        except InputError:
            return None
        if len(clause.parts) != 1 or clause.passed:
            return None
        part = clause.parts[0]
        rule = part.rule
        if part.more or part.loose or rule.kind not in _PERIODS or rule.n not in SAMPLES[:numbers]:
            return None
        k = SAMPLES.index(rule.n)
        named = all(
            words[i].endswith("第") and words[i + 1].startswith(_NAMED_AFTER)
            for i in range(numbers)
            if i != k
        )
        plain = Rule(sample, rule.kind, n=rule.n, anchor=rule.anchor)
        if not named or rule != plain:
            return None
        anchor = None if rule.anchor is None else _pieces(rule.anchor, words, samples)
        if rule.anchor is not None and anchor is None:
            return None
        if anchor is None:
            return _Wording(rule, k, None)
        escaped = (
            p.replace("{", "{{").replace("}", "}}") if isinstance(p, str) else f"{{{p}}}" for p in anchor
        )
        return _Wording(rule, k, "".join(escaped))

    def numbered(text: str) -> tuple[_Wording, list[str]] | None:
        """The wording read once and the phrase's numbers, when the phrase is a plain
        period of its own number (see above); None when read_clause must read it."""
        if len(text) > MAX_PHRASE:
            return None
        runs = _DIGIT_RUNS.split(text)
        if len(runs) == 1:
            return None
        template = wording(tuple(runs[0::2]))
        if template is None:
            return None
        numbers = runs[1::2]
        k = template.k
        own = numbers[k]
        if own[0] == "0" or len(own) > _PERIOD_DIGITS or len(own) in _DATE_LIKE:
            return None
        if (  # another number too long to name something (the period's own may be longer)
            len(numbers) > 1
            and max(map(len, numbers)) > _NAME_DIGITS
            and max(len(x) for i, x in enumerate(numbers) if i != k) > _NAME_DIGITS
        ):
            return None
        return template, numbers

    @lru_cache(maxsize=CACHED)
    def read(text: str) -> Rule | None:
        found = numbered(text)
        if found is None:
            return None
        template, numbers = found
        anchor = template.anchor
        words = None if anchor is None else anchor.format(*numbers)
        return _renumbered(template.rule, text, int(numbers[template.k]), words)

    def key(text: str) -> tuple[str, int] | None:
        found = numbered(text)
        if found is None:
            return None
        template, numbers = found
        return template.rule.kind, int(numbers[template.k])

    return PeriodReader(read, key)


def _pieces(anchor: str, words: tuple[str, ...], samples: list[str]) -> tuple[str | int, ...] | None:
    """``anchor``, found once in the sample phrase, as words and numbers of the phrase (so
    that it can be made for any numbers), or None when it is not found once or cuts a
    number."""
    parts: list[str | int] = []  # the sample phrase: words[0], 0, words[1], 1, …
    for i, word in enumerate(words):
        parts += [word] if i == len(words) - 1 else [word, i]
    sample = "".join(p if isinstance(p, str) else samples[p] for p in parts)
    start = sample.find(anchor)
    if start < 0 or sample.find(anchor, start + 1) >= 0:
        return None
    end, at = start + len(anchor), 0
    out: list[str | int] = []
    for piece in parts:
        text = piece if isinstance(piece, str) else samples[piece]
        lo, hi = max(start, at), min(end, at + len(text))
        if lo < hi:
            if isinstance(piece, int):
                if (lo, hi) != (at, at + len(text)):
                    return None  # the anchor cuts a number
                out.append(piece)
            else:
                out.append(text[lo - at : hi - at])
        at += len(text)
    return tuple(out)


def _renumbered(template: Rule, text: str, n: int, anchor: str | None) -> Rule:
    """The plain period ``template`` with its own text and number: the same as
    ``Rule(text, template.kind, n=n, anchor=anchor)`` (every other field is the
    default in a plain period), made by copying the template's fields rather than through
    the 19-argument __init__ of a frozen dataclass, which costs more than the rest of the
    line's reading (a batch of distinct phrases makes one per line)."""
    rule: Rule = object.__new__(Rule)
    rule.__dict__.update(template.__dict__, text=text, n=n, anchor=anchor)
    return rule


def _with_rule(result: Result, rule: Rule) -> Result:
    """``replace(result, rule=rule)``, made by copying the fields rather than through
    dataclasses.replace and the 11-argument __init__ (as _renumbered)."""
    copy: Result = object.__new__(Result)
    copy.__dict__.update(result.__dict__, rule=rule)
    return copy


def _anchor(text: str) -> date | datetime:
    if not text.strip():
        raise InputError("起算日为空")
    try:
        return date.fromisoformat(text)  # the common case, fast
    except ValueError:
        return parse_datetime(text)


def _cached(read: Callable[[str], T], size: int = CACHED) -> Callable[[str], T | InputError]:
    """``read`` with its answers, errors included, kept for the ``size`` most recent texts."""

    @lru_cache(maxsize=size)
    def cached(text: str) -> T | InputError:
        try:
            return read(text)
        except InputError as error:
            return error.with_traceback(None)  # no frames kept alive by the cache

    return cached


def _value(hit: T | InputError) -> T:
    if isinstance(hit, InputError):
        raise hit
    return hit


class Outcome:
    """What the lines' errors add up to, counted as they stream past (none is kept)."""

    def __init__(self) -> None:
        self.failures = 0
        self.codes: set[int] = set()

    def add(self, error: GongkaiError) -> None:
        self.failures += 1
        self.codes.add(error.exit_code)

    @property
    def exit_status(self) -> ExitStatus:
        """BAD_INPUT when any line had bad input, else UNKNOWN_YEAR when any lay outside
        the calendar, else OK."""
        if ExitStatus.BAD_INPUT in self.codes:
            return ExitStatus.BAD_INPUT
        return ExitStatus.UNKNOWN_YEAR if self.codes else ExitStatus.OK
