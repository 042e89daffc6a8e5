"""The batch's shortcuts give exactly what the general code gives (issue 16: a million
lines in seconds, not one byte different).

Each shortcut skips work only when that work would change nothing; these properties feed
them every kind of text, control characters and formula starts included, and compare
with the general code they stand in for.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.cli import hints
from gongkai_cli.phrases.batch import BatchRow, run_batch
from gongkai_cli.phrases.resolve import DEFAULTS
from gongkai_cli.render.deadlines import _cell, batch_csv, iso
from gongkai_cli.render.spreadsheet import FORMULA_STARTS, csv_safe
from gongkai_cli.safetext import visible

# Text a cell may hold: plain words and digits, every control character, every formula
# start, line breaks, and a few characters outside C0/C1 that must pass untouched.
CELL_TEXT = st.text(
    alphabet=st.sampled_from(
        [*"0123456789-年月日个工作内公开后 ,\"'", *FORMULA_STARTS, "\n", "\u00a0", "\u2028"]
        + [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))]
    ),
    max_size=12,
)


@settings(max_examples=1500, deadline=None)
@given(CELL_TEXT)
def test_a_cell_is_what_csv_safe_and_visible_make_of_it(text: str) -> None:
    assert _cell(text) == visible(csv_safe(text), "\t\n")


RULES = st.sampled_from(["3个工作日内", "24小时内", "5个工作周内"])


@settings(max_examples=800, deadline=None)
@given(st.lists(CELL_TEXT, min_size=1, max_size=4), RULES)
def test_a_batch_csv_line_is_its_cells_each_made_safe(cells: list[str], rule: str) -> None:
    """batch_csv searches a line's input cells at once; every cell comes out as _cell alone
    makes it, whatever the others hold."""
    columns = (*(f"c{i}" for i in range(len(cells))), "anchor", "rule")
    fields = {**dict(zip(columns, cells, strict=False)), "anchor": "2016-09-30", "rule": rule}
    (row,) = map(hints.batch_row, run_batch([(2, fields)], WorkCalendar.default(), DEFAULTS))
    line = batch_csv(row, columns)
    assert line[: len(columns)] == [_cell(fields[c]) for c in columns]
    if row.result is not None:
        notes = "；".join(row.result.warnings)
        assert line[len(columns) :] == [
            iso(row.result.deadline) or "",
            row.result.kind,
            "true" if row.result.provisional else "false",
            _cell(notes),
            "",
        ]
    else:
        assert line[len(columns) :] == ["", "", "", "", _cell(str(row.error))]


def test_a_row_with_nothing_to_word_is_passed_on_as_it_is() -> None:
    """hints.batch_row copies a row only when a note gains words (an option to name)."""
    cal = WorkCalendar.default()
    plain, rest = run_batch(
        [
            (2, {"anchor": "2016-09-30", "rule": "3个工作日内"}),
            (3, {"anchor": "2016-09-01", "rule": "2016年10月1日前"}),  # 国庆节: rolled back
        ],
        cal,
        DEFAULTS._replace(roll="backward"),
    )
    assert isinstance(plain, BatchRow) and hints.batch_row(plain) is plain
    assert plain.result is not None and plain.result.deadline == date(2016, 10, 10)
    worded = hints.batch_row(rest)
    assert worded is not rest and worded.result is not None and rest.result is not None
    assert worded.result.warnings != rest.result.warnings
    assert any("--roll backward" in w for w in worded.result.warnings)
