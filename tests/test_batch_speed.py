"""The batch's shortcuts give exactly what the general code gives (issue 16: a million
lines in seconds, not one byte different).

Each shortcut skips work only when that work would change nothing; these properties feed
them every kind of text, control characters and formula starts included, and compare
with the general code they stand in for.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.cli import hints
from gongkai_cli.phrases.batch import BatchRow, run_batch
from gongkai_cli.phrases.resolve import DEFAULTS
from gongkai_cli.render.batch import _cell, batch_csv
from gongkai_cli.render.deadlines import iso
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


# -- issue 23: a repeated line is a lookup and a write ----------------------------------
# The CLI's batch answers and renders each distinct (anchor, rule, law) once and writes the
# lines that repeat it from what it kept (cli/engine.run_batch_io, render.batch_lines).
# The general way, one answer and one rendering per line (phrases.batch.run_batch and
# render.batch_writer), is the reference: the CLI's bytes, exit status and message must be
# its bytes, whatever the input.

RULE_TEXTS = [
    "3个工作日内",
    "5个工作日内",
    "收到第12号申请之日起20个工作日内",
    "十日内",
    "24小时内",
    "2016年10月1日前",
    "自受理之日起二十日内作出决定，可以延长十日",
    "5个工作周内",  # an error
    "",
]
CELLS = st.sampled_from(["1", "x,y", 'q"q', "=1+2", "-3", "@a", "a\nb", "\x01", " ", "", "中文"])


def _general(source: str, fmt: str, law: str | None) -> tuple[str, int]:
    import io

    from gongkai_cli.phrases.batch import Outcome, read_input
    from gongkai_cli.phrases.statutes import find_statute
    from gongkai_cli.render.batch import batch_writer

    options = DEFAULTS if law is None else DEFAULTS._replace(law=find_statute(law))
    out = io.StringIO()
    columns, records = read_input(io.StringIO(source))
    write, outcome = batch_writer(fmt, out, columns), Outcome()
    for row in map(hints.batch_row, run_batch(records, WorkCalendar.default(), options)):
        if row.error is not None:
            outcome.add(row.error)
        write(row)
    return out.getvalue(), int(outcome.exit_status)


def _lines(rng: random.Random, count: int, law_column: bool) -> str:
    head = "id,anchor,rule,law\n" if law_column else "id,anchor,rule\n"
    rows = []
    for i in range(count):
        anchor = rng.choice(["2016-09-30", "2016-10-08", "2016-02-29", "2099-01-01", "x"])
        rule = rng.choice(RULE_TEXTS)
        cells = [str(i), anchor, rule] + (
            [rng.choice(["", "许可法", "机动车登记规定"])] if law_column else []
        )
        rows.append(",".join(f'"{c}"' if "," in c or "\n" in c else c for c in cells))
    return head + "\n".join(rows) + "\n"


def _cli(gongkai: Any, source: str, fmt: str, law: str | None) -> tuple[str, int]:
    args = ["deadline", "--batch", "--format", fmt] + ([] if law is None else ["--law", law])
    result = gongkai(*args, input=source)
    return result.stdout, result.exit_code


@pytest.mark.parametrize("fmt", ["csv", "json", "plain", "table"])
@pytest.mark.parametrize("law_column", [False, True])
def test_a_batch_of_repeats_writes_the_general_bytes(gongkai: Any, fmt: str, law_column: bool) -> None:
    source = _lines(random.Random(23), 1500, law_column)
    assert _cli(gongkai, source, fmt, None) == _general(source, fmt, None)
    assert _cli(gongkai, source, fmt, "行政强制法") == _general(source, fmt, "行政强制法")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(CELLS, st.sampled_from(["2016-09-30", "2016-10-08"]), st.sampled_from(RULE_TEXTS))),
    st.sampled_from(["csv", "json", "plain"]),
    st.sampled_from(["id,anchor,rule", "anchor,rule,anchor", "rule,anchor,id,extra"]),
)
def test_any_cells_any_columns_the_general_bytes(
    lines: list[tuple[str, str, str]], fmt: str, header: str
) -> None:
    """Cells that need quoting, formula starts, control characters, repeated and missing
    columns, short rows: written as the general way writes them."""
    import csv
    import io

    from click.testing import CliRunner

    from gongkai_cli.cli import main

    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    text.write(header + "\n")
    for cell, anchor, rule in lines:
        by_name = {"id": cell, "anchor": anchor, "rule": rule, "extra": cell}
        writer.writerow([by_name[name] for name in header.split(",")][: 2 + len(cell) % 2])
        writer.writerow([by_name[name] for name in header.split(",")])
    source = text.getvalue()
    result = CliRunner().invoke(main, ["deadline", "--batch", "--format", fmt], input=source)
    assert (result.stdout, result.exit_code) == _general(source, fmt, None)


# A CSV stream is read a block at a time while its lines hold no quote, carriage return or
# NUL (phrases.batch.read_chunks), and a line of plain cells whose answer is kept is
# written as it came with the answer after it (cli/engine._QuickCsv): the same bytes.
PLAIN_CELLS = st.sampled_from(
    ["1", "=1", "-3", "@a", "+", "\t", "\x01", "\x85", "\u2028", "\x00", " ", "", "中文", "\u00a0"]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(PLAIN_CELLS, st.sampled_from(["2016-09-30", "-1", ""]), st.sampled_from(RULE_TEXTS))),
    st.sampled_from(["csv", "json", "plain"]),
    st.sampled_from(["id,anchor,rule", "anchor,rule", "anchor,rule,anchor", "rule,id,anchor,extra"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_unquoted_lines_the_general_bytes(
    lines: list[tuple[str, str, str]], fmt: str, header: str, end: str, last_end: bool
) -> None:
    """Unquoted lines, each three times (answered, shaped, then written the quick way):
    formula starts, control characters, short and long rows, empty lines, CRLF."""
    from click.testing import CliRunner

    from gongkai_cli.cli import main

    rows = [header]
    for cell, anchor, rule in lines:
        by_name = {"id": cell, "anchor": anchor, "rule": rule, "extra": cell}
        row = ",".join(by_name[name] for name in header.split(","))
        rows += [row, row[: len(row) - len(cell) % 3], row + "," * (len(cell) % 2), row]
    source = end.join(rows) + (end if last_end else "")
    result = CliRunner().invoke(main, ["deadline", "--batch", "--format", fmt], input=source)
    assert (result.stdout, result.exit_code) == _general(source, fmt, None)


def _ledger_lines(count: int) -> list[str]:
    rng = random.Random(23)
    return [
        f"{i},2016-{rng.randint(1, 12):02}-{rng.randint(1, 28):02},{rng.choice(RULE_TEXTS[:4])}"
        for i in range(count)
    ]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_blocks_then_a_quoted_cell_the_general_bytes(gongkai: Any, fmt: str) -> None:
    """Several blocks of plain lines, then a cell quoted over two lines (the rest read the
    general way), then plain lines again, the last without its line ending."""
    from gongkai_cli.phrases.batch import BLOCK

    lines = _ledger_lines(3 * BLOCK // 20)
    lines.insert(len(lines) // 2, '"x\ny",2016-09-30,3个工作日内')
    source = "id,anchor,rule\n" + "\n".join(lines)
    assert len(source) > 3 * BLOCK
    assert _cli(gongkai, source, fmt, None) == _general(source, fmt, None)


def test_a_line_too_long_after_blocks_is_refused_where_it_is(gongkai: Any) -> None:
    """A line over MAX_LINE characters after blocks of plain lines: the lines before it are
    written, then the one-line message names its line number."""
    from gongkai_cli.phrases.batch import BLOCK, MAX_LINE

    lines = _ledger_lines(2 * BLOCK // 20)
    source = "id,anchor,rule\n" + "\n".join(lines) + "\n1,2016-09-30," + "3" * MAX_LINE + "\n"
    result = gongkai("deadline", "--batch", "--format", "csv", input=source)
    assert result.exit_code == 3
    assert f"<stdin>:{len(lines) + 2}" in result.stderr and "超过 10000 个字符" in result.stderr
    assert result.stdout.count("\n") == len(lines) + 1  # the header and every line before


# -- issue 23: a phrase's wording read once, whatever its numbers ------------------------

NAMED_WORDINGS = (
    "收到第{a}号申请之日起{n}个工作日内",
    "第{a}批第{b}号文件公开后{n}个工作日内",
    "依照第{a}条规定，自收到之日起{n}日内",
    "第{a}次会议后{n}个月内",
    "第{a}号公告发布后{n}小时内",
    "收到第{a}号申请之日起{n}日后",
    "第{a}号{n}日内第{b}号",
    "第{a}项第{b}款{n}个工作日内",
    "收到第{a}号{{申请}}之日起{n}个工作日内",  # braces in the anchor's words (str.format)
    "收到第{a}号{{0}}申请之日起{n}日内",
)
DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=12)


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(NAMED_WORDINGS), DIGITS, DIGITS, DIGITS)
def test_the_batch_reads_numbered_phrases_as_read_clause_does(wording: str, a: str, b: str, n: str) -> None:
    """batch.period_reader reads a wording once, with samples for its numbers, and gives
    each phrase of that wording the rule read_clause gives it, or leaves it to read_clause."""
    from gongkai_cli.phrases.batch import period_reader
    from gongkai_cli.phrases.clause import read_clause

    reader = period_reader()
    reader(wording.format(a="3", b="4", n="7"))  # the wording read once, as a batch would
    text = wording.format(a=a, b=b, n=n)
    got = reader(text)
    if got is None:
        return
    clause = read_clause(text)
    assert len(clause.parts) == 1 and not clause.passed and not clause.parts[0].more
    assert clause.parts[0].rule == got


def test_a_numbered_phrase_is_read_by_its_wording() -> None:
    """收到第N号申请之日起M个工作日内 (issue 23's distinct input): the wording is read once."""
    from gongkai_cli.phrases.batch import period_reader

    reader = period_reader()
    for i in range(1, 300):
        rule = reader(f"收到第{i}号申请之日起{i % 30 + 1}个工作日内")
        assert rule is not None and rule.n == i % 30 + 1 and rule.anchor == f"收到第{i}号申请之日起"


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(NAMED_WORDINGS), DIGITS, DIGITS, DIGITS)
def test_a_phrase_key_is_the_kind_and_number_of_its_reading(wording: str, a: str, b: str, n: str) -> None:
    """batch.period_readers' key is (kind, n) of the rule its reading gives, made without
    the rule, and None exactly when the reading is None."""
    from gongkai_cli.phrases.batch import period_readers

    periods = period_readers()
    periods.read(wording.format(a="3", b="4", n="7"))
    text = wording.format(a=a, b=b, n=n)
    rule = periods.read(text)
    assert periods.key(text) == (None if rule is None else (rule.kind, rule.n))


# -- issue 23: distinct phrases of one wording share their answer's cells ---------------
# A CSV line whose rule is a plain period (收到第N号申请之日起M个工作日内, N different on every
# line) and whose (kind, M, anchor, law) was answered before is written with the cells of
# that answer, the rule not read again (cli/engine._QuickCsv, phrases.batch.answerers).

DISTINCT_WORDINGS = (
    "收到第{a}号申请之日起{n}日内",
    "第{a}号文件公开后{n}日内",
    "{n}日内",
    "收到第{a}号申请之日起{n}个工作日内",
    "第{a}批第{b}号文件公开后{n}个月内",
    "第{a}号公告发布后{n}小时内",
    "收到第{a}号{{申请}}之日起{n}个工作日内",
    "依照第{a}条规定，自收到之日起{n}日内",  # read whole
    "第{a}号{n}个工作周内",  # an error
)


# No NUL among them: a NUL in a block sends the whole block the general way.
ID_CELLS = st.sampled_from(["1", "22", "中文", "", " ", "=1", "-3", "@a", "\x01", "\u00a0"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            ID_CELLS,
            st.sampled_from(["2016-09-30", "2016年9月30日", "2099-01-01", "x"]),
            st.sampled_from(DISTINCT_WORDINGS),
            st.integers(1, 40),
            st.integers(1, 2),
            st.sampled_from(["", "许可法", " 许可法", "机动车登记规定", "无此法"]),
        ),
        min_size=20,
        max_size=80,
    ),
    st.booleans(),
    st.sampled_from([None, "行政强制法"]),
)
@example(  # the same period and anchor under a law that makes 日 working days, and not
    [
        ("1", "2016-09-30", "{n}日内", 1, 1, ""),
        ("2", "2016-09-30", "收到第{a}号申请之日起{n}日内", 2, 1, "许可法"),
    ],
    True,
    None,
)
def test_distinct_phrases_of_one_wording_the_general_bytes(
    lines: list[tuple[str, str, str, int, int, str]], law_column: bool, law: str | None
) -> None:
    """Distinct phrases (a different 第N号 on every line), their periods and anchors
    repeating, with and without a law (a column, --law): the general way's bytes."""
    from click.testing import CliRunner

    from gongkai_cli.cli import main

    rows = ["id,anchor,rule,law" if law_column else "id,anchor,rule"]
    for i, (cell, anchor, wording, a, n, law_cell) in enumerate(lines):
        rule = wording.format(a=i * 7 + a, b=a, n=n)
        rows.append(",".join([cell, anchor, rule] + ([law_cell] if law_column else [])))
    source = "\n".join(rows) + "\n"
    args = ["deadline", "--batch", "--format", "csv"] + ([] if law is None else ["--law", law])
    result = CliRunner().invoke(main, args, input=source)
    assert (result.stdout, result.exit_code) == _general(source, "csv", law)


def test_distinct_phrases_of_one_period_are_read_once(gongkai: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 phrases each different (收到第N号申请之日起5个工作日内), on one anchor: the
    rule is made for the first (and answered), every other line written from its answer's
    cells without making a rule; the bytes are the general way's."""
    import gongkai_cli.phrases.batch as batch

    made: list[str] = []
    renumbered = batch._renumbered

    def counted(template: Any, text: str, n: int, anchor: str | None) -> Any:
        made.append(text)
        return renumbered(template, text, n, anchor)

    source = "id,anchor,rule\n" + "".join(
        f"{i},2016-09-30,收到第{i}号申请之日起5个工作日内\n" for i in range(1, 1001)
    )
    monkeypatch.setattr(batch, "_renumbered", counted)
    got = _cli(gongkai, source, "csv", None)
    assert made == ["收到第1号申请之日起5个工作日内"]
    assert got[1] == 0 and got[0].count(",2016-10-12,workdays,false,,\n") == 1000
    monkeypatch.undo()
    assert got == _general(source, "csv", None)
