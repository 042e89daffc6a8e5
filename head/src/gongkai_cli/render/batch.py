"""Renderers for batch answers (deadline --batch): CSV, JSON lines, plain text and the
columns a ledger gains. They only format; render.deadlines words a single answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from ..safetext import json_visible, visible
from .deadlines import CONDITION_LABEL, OPEN_LABEL, SENSE_LABELS, iso, needs_event_words
from .spreadsheet import csv_safe

if TYPE_CHECKING:
    from ..phrases.batch import BatchRow
    from ..phrases.resolve import Result

# The sense (docs/senses.md) is a JSON key; in CSV and plain text a sense other than
# "deadline" is said in words: its warnings in CSV, a label in plain text.
BATCH_RESULT_COLUMNS = ("deadline", "kind", "provisional", "warnings", "error")


def batch_values(row: BatchRow) -> dict[str, Any]:
    result = row.result
    return {
        "deadline": iso(result.deadline) if result else None,
        "kind": result.kind if result else None,
        "provisional": result.provisional if result else None,
        "error": str(row.error) if row.error else None,
    }


def _more_notes(row: BatchRow) -> list[str]:
    """The text's further deadlines, as notes beside the first (CSV and plain)."""
    return [f"另有期限 {r.rule.text}：{_batch_answer(r)}" for r in row.more]


def _batch_answer(result: Result) -> str:
    """The date (or from–to, or what is needed), and the sense when it is not a deadline."""
    label = "" if result.needs_event else SENSE_LABELS[result.rule.sense]
    if result.needs_event:
        words = needs_event_words(result)
    elif result.window_start is not None:
        words = f"{iso(result.window_start)} 至 {iso(result.deadline)}"
    elif result.deadline is not None:
        words = iso(result.deadline) or ""
    else:
        words = CONDITION_LABEL if result.rule.sense == "condition" else OPEN_LABEL
    return words + (f"  {label}" if label else "")


def ledger_values(row: BatchRow) -> list[Any]:
    """The columns a ledger gains (files.ledger.ANSWER_COLUMNS): the deadline as a date,
    its sense in words, the warnings (and further deadlines), the error."""
    result = row.result
    if result is None:
        return [None, None, None, str(row.error)]
    sense = result.rule.sense
    notes = "；".join([*result.warnings, *_more_notes(row)])
    return [
        result.deadline,
        SENSE_LABELS.get(sense) or ("期限" if sense == "deadline" else sense),
        notes or None,
        None,
    ]


def batch_json(row: BatchRow) -> str:
    data: dict[str, Any] = {"line": row.line, "input": row.fields, **batch_values(row)}
    data["n"] = row.result.rule.n if row.result else None
    data["warnings"] = list(row.result.warnings) if row.result else []
    data["sense"] = row.result.rule.sense if row.result else None
    data["window_start"] = iso(row.result.window_start) if row.result else None
    data["needs_event"] = row.result.needs_event if row.result else None
    data["more"] = [
        {
            "rule": r.rule.text,
            "deadline": iso(r.deadline),
            "kind": r.kind,
            "n": r.rule.n,
            "sense": r.rule.sense,
            "window_start": iso(r.window_start),
            "needs_event": r.needs_event,
            "provisional": r.provisional,
            "warnings": list(r.warnings),
        }
        for r in row.more
    ]
    import json

    return json_visible(json.dumps(data, ensure_ascii=False, sort_keys=True))


def batch_csv_header(columns: tuple[str, ...]) -> list[object]:
    return [_cell(c) for c in (*columns, *BATCH_RESULT_COLUMNS)]


def _cell(value: str) -> str:
    """A CSV cell from the input or the answer: never a formula (spreadsheet.csv_safe), no
    control character but tab and line feed raw (safetext)."""
    if _unsafe_cell()(value) is None:
        return value  # the common case, once per cell of a batch line: one search
    return visible(csv_safe(value), "\t\n")


@cache
def _unsafe_cell() -> Callable[[str], re.Match[str] | None]:
    """Finds what _cell changes: a formula start (spreadsheet.FORMULA_STARTS and LOOK_ALIKE) or a control
    character (safetext) other than tab and line feed. Compiled on first use, not at start-up
    (tests/test_batch_speed.py checks it against csv_safe and visible). A line's cells are
    searched at once, joined by line feeds: ``^`` finds a formula start in each; a line
    feed inside a cell may be found needlessly, never one missed."""
    from .spreadsheet import LOOK_ALIKE

    return re.compile(rf"^(?:[=+\-@\t\r]|{LOOK_ALIKE})|[\x00-\x08\x0b-\x1f\x7f-\x9f]", re.M).search


def batch_csv(row: BatchRow, columns: tuple[str, ...]) -> list[object]:
    """The input's cells, then the result's, each made safe (_cell)."""
    fields, result = row.fields, row.result
    values: list[object] = list(batch_cells([fields.get(c, "") for c in columns]))
    if result is None:
        values += ("", "", "", "", _cell(str(row.error)))
    else:
        notes = "；".join([*result.warnings, *_more_notes(row)]) if result.warnings or row.more else ""
        values += (
            iso(result.deadline) or "",
            result.kind,
            "true" if result.provisional_years else "false",
            _cell(notes),
            "",
        )
    return values


def batch_cells(cells: list[str]) -> list[str]:
    """A line's input cells, each made safe (_cell): searched at once, changed seldom."""
    if _unsafe_cell()("\n".join(cells)) is not None:
        return [_cell(c) for c in cells]
    return cells


def batch_csv_plain(cell: str) -> bool:
    """Whether a cell is written as it is, by the csv module and by _cell, within a line
    whose cells hold no quote, comma or carriage return: printable (no tab or line break,
    no control character) and not a formula start (FORMULA_FIRST)."""
    return cell.isprintable() and cell[:1] not in FORMULA_FIRST


def batch_csv_plain_line(line: str) -> bool:
    """Whether each cell of a line of cells joined by commas, none holding a quote or a
    comma, is written as it is by the csv module and by _cell (batch_csv_plain): the line
    is printable (no line break, no control character) and no cell starts a formula."""
    return (
        line.isprintable()
        and line[:1] not in FORMULA_FIRST
        and ",=" not in line
        and ",+" not in line
        and ",-" not in line
        and ",@" not in line
    )


class _JsonShape(NamedTuple):
    head: str  # up to the record
    middle: str  # from the record to the line number
    tail: str  # the rest, and the line's end


# A record and line number no input has: where they fall in a line rendered with them, a
# line's own are put (batch_lines).
_MARK_FIELDS = {"\ue000": "\ue001"}
_MARK_LINE = -7_654_321
_SHAPES = 4096  # CSV answer shapes kept (batch_lines): a deadline, its kind and notes
FORMULA_FIRST = ("=", "+", "-", "@")  # with "" (an empty first cell), not a formula start


def batch_lines(
    fmt: str, out: IO[str], columns: tuple[str, ...]
) -> tuple[Callable[[BatchRow], object], Callable[[int, list[str], object], object]]:
    """Batch lines written as batch_writer writes them, in two steps, so that a batch
    renders each distinct answer once: ``shape(row)`` is the part of the line that
    depends on the answer alone (kept by the caller for every line with the same anchor,
    rule and law), and ``write(line, cells, shape)`` writes a line from it and the line's
    own cells (one per column, as read_rows gives them). tests/test_batch_speed.py checks
    that the lines are byte for byte batch_writer's."""
    last = {name: i for i, name in enumerate(columns)}  # a record keeps a repeated name's last cell
    order = None if len(last) == len(columns) else [last[c] for c in columns]
    if fmt == "csv":
        import csv
        import io

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(batch_csv_header(columns))
        commas = len(columns) - 1

        text = io.StringIO()
        tail_writer = csv.writer(text, lineterminator="\n")

        # The answer's cells of a row with no error and no further deadline are made of
        # these four alone (batch_csv): rows with the same four share their shape.
        shapes: dict[tuple[object, str, bool, tuple[str, ...]], object] = {}

        def shape_csv(row: BatchRow) -> object:
            result = row.result
            key = None
            if result is not None and not row.more:
                key = (result.deadline, result.kind, bool(result.provisional_years), result.warnings)
                kept = shapes.get(key)
                if kept is not None:
                    return kept
            values = batch_csv(row._replace(fields={}), ())
            text.seek(0)
            text.truncate()
            tail_writer.writerow(values)
            shape = values, "," + text.getvalue()
            if key is not None:
                if len(shapes) >= _SHAPES:
                    shapes.clear()
                shapes[key] = shape
            return shape

        def write_csv(line: int, cells: list[str], tail: Any) -> object:
            if order is not None:
                cells = [cells[i] for i in order]
            joined = ",".join(cells)
            # The common case: cells the csv module writes as they are (no comma inside: as
            # many commas as columns) and _cell leaves alone (batch_csv_plain_line).
            if '"' not in joined and joined.count(",") == commas and batch_csv_plain_line(joined):
                return out.write(joined + tail[1])
            return writer.writerow(batch_cells(cells) + tail[0])

        return shape_csv, write_csv
    if fmt == "json":
        import json

        def shape_json(row: BatchRow) -> object:
            text = batch_json(row._replace(line=_MARK_LINE, fields=_MARK_FIELDS))
            mark = json.dumps(_MARK_FIELDS, ensure_ascii=False)
            if text.count(mark) == 1 and text.count(str(_MARK_LINE)) == 1:
                head, rest = text.split(mark)
                middle, tail = rest.split(str(_MARK_LINE))
                return _JsonShape(head, middle, tail + "\n")
            return row  # the general way, line by line

        def write_json(line: int, cells: list[str], shape: Any) -> object:
            fields = dict(zip(columns, cells, strict=True))
            if not isinstance(shape, _JsonShape):
                return out.write(batch_json(shape._replace(line=line, fields=fields)) + "\n")
            head, middle, tail = shape
            dumped = json_visible(json.dumps(fields, ensure_ascii=False, sort_keys=True))
            return out.write(f"{head}{dumped}{middle}{line}{tail}")

        return shape_json, write_json
    return lambda row: batch_plain(row) + "\n", lambda line, cells, text: out.write(text)


def batch_writer(
    fmt: str, out: IO[str], columns: tuple[str, ...], *, header: bool = True
) -> Callable[[BatchRow], object]:
    """Batch rows written as they come, one line each: CSV (its header written at once,
    unless ``header`` is False), JSON lines, or plain text."""
    if fmt == "csv":
        import csv

        writer = csv.writer(out, lineterminator="\n")
        if header:
            writer.writerow(batch_csv_header(columns))
        return lambda row: writer.writerow(batch_csv(row, columns))
    line = batch_json if fmt == "json" else batch_plain
    return lambda row: out.write(line(row) + "\n")


def batch_plain(row: BatchRow) -> str:
    """One line, tab-separated; what the input held is shown with its control characters
    (line breaks and tabs among them) made visible."""
    head = f"{visible(row.fields.get('anchor', ''))}\t{visible(row.fields.get('rule', ''))}"
    if row.error is not None:
        return f"{head}\t错误：{visible(str(row.error))}"
    assert row.result is not None
    mark = "\t临时" if row.result.provisional else ""
    more = "".join(f"\t{note}" for note in _more_notes(row))
    return f"{head}\t{_batch_answer(row.result)}{mark}{more}"
