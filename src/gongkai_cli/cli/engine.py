"""Commands over the working-day engine: deadline, workdays, day."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

import click

from ..calendar.workdays import DayInfo
from ..errors import CoverageError, GongkaiError, InputError
from ..phrases.resolve import Options
from ..render import deadlines as formatters
from ..render.output import emit
from . import hints
from .main import main
from .options import DATE, DATETIME, AppContext, common_options, counting_options

if TYPE_CHECKING:
    from pathlib import Path

    from ..phrases.batch import KeptKey, Lines


@main.command(
    epilog="""\b
示例：
  gongkai deadline "文件公开后3个工作日内" --from 2016-09-30         # 2016-10-10
  gongkai deadline "15日内" --from 2016-09-20 --explain
  gongkai deadline "24小时内" --from "2016-07-01 14:30"
  gongkai deadline "2017年1月15日前" --from 2016-05-18 --roll backward --format json
  gongkai deadline "行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定" \\
      --from 2016-09-20 --law 行政许可法 --explain                  # 2016-10-21
  gongkai deadline "自接到通知书之日起三十日内，未接到的自公告之日起四十五日内" \\
      --from 2016-09-20 --event 公告=2016-09-25                    # 2016-11-09
  printf 'anchor,rule\\n2016-09-30,3个工作日内\\n' | gongkai deadline --batch --format csv
  GONGKAI_NOW="2016-07-01 14:30" gongkai deadline "24小时内"   # 无 --from 时从现在（北京时间）起算
"""
)
@click.argument("rule", required=False)
@click.option(
    "--from",
    "anchor",
    type=DATETIME,
    metavar="WHEN",
    help='起算日（印发、公开、收到申请、期限届满之日）；小时期限可带时刻，如 "2016-07-01 14:30"。默认今天。',
)
@click.option("--explain", is_flag=True, help="逐日列出推算过程和法律依据。")
@click.option(
    "--batch",
    "batch",
    is_flag=False,
    flag_value="-",
    default=None,
    metavar="[FILE]",
    help="批量计算：从标准输入（或 .csv、.xlsx 文件 FILE）读带表头 anchor,rule（可有 id 等列）的表，"
    "或每行“起算日<Tab>写法”；每行输出一个结果，出错的行给出错误并继续，结束时退出状态为 3。",
)
@click.option(
    "--anchor-column",
    default="anchor",
    metavar="NAME",
    help="--batch 文件中起算日所在列的表头（默认 anchor）。",
)
@click.option(
    "--rule-column", default="rule", metavar="NAME", help="--batch 文件中期限写法所在列的表头（默认 rule）。"
)
@click.option(
    "--law-column",
    default="law",
    metavar="NAME",
    help="--batch 文件中法律名称所在列的表头（默认 law，可无此列）。",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    metavar="FILE.xlsx",
    help="--batch 读 .xlsx 时：写出同一张表，每行加上期限、含义、提示和错误列（先写临时文件再改名）。",
)
@click.option("--force", is_flag=True, help="-o 的文件已存在时覆盖它。")
@click.option(
    "--law",
    metavar="NAME",
    help="按该法律、法规或规章自己的条文计算其期间（如“N日”为工作日），--explain 引用条文："
    "行政许可法、行政处罚法、机动车登记规定等（可写全称或简称，如“许可法”；"
    "全部见 docs/counting-rules.md 第9节）。--batch 时也可给 law 列。",
)
@click.option(
    "--event",
    "events",
    multiple=True,
    metavar="事件=日期",
    help="条文中另一事件的日期，如 --event 公告=2024-10-08（可重复）：自该事件起算的期间"
    "按此日期计算；未给出时只列出，不给日期。",
)
@counting_options
@common_options(formats=("plain", "table", "json", "csv"))
def deadline(
    app: AppContext,
    rule: str | None,
    anchor: date | datetime | None,
    explain: bool,
    batch: str | None,
    anchor_column: str,
    rule_column: str,
    law_column: str,
    output: str | None,
    force: bool,
    law: str | None,
    events: tuple[str, ...],
    options: Options,
) -> None:
    """按期限写法 RULE 从起算日 WHEN 计算期限。

    RULE 如“5个工作日内”“文件公开后3个工作日内”“15日内”“1个月内”“24小时内”
    “6月底前”“2017年1月15日前”“按月公开”“适时进行”；单独一个整数表示该数个工作日。
    也可以是整句条文（“行政机关应当自受理…之日起二十日内作出…”）：其中每个期限依次给出。
    """
    if law is not None:
        from ..phrases.statutes import find_statute

        options = options._replace(law=find_statute(law))
    if batch is not None:
        if rule is not None or anchor is not None or explain or events:
            raise click.UsageError(
                "--batch 从标准输入或文件读取起算日和写法，不能再给 RULE、--from、--explain 或 --event"
            )
        names = Columns(anchor_column, rule_column, law_column)
        ctx = click.get_current_context()
        ctx.exit(run_batch_file(batch, names, output, force, app, options))
    if output is not None:
        raise click.UsageError("-o 只用于 --batch 读 .xlsx 文件时")
    if rule is None:
        raise click.UsageError("缺少期限写法 RULE（或用 --batch 从标准输入读取）")
    if app.fmt == "csv":
        raise click.UsageError("--format csv 只用于 --batch")
    from ..phrases.clause import read_clause, resolve_clause, top_index

    clause = read_clause(rule)
    anchor_from = "option" if anchor is not None else "today"
    if anchor is None and any(part.rule.kind == "hours" for part in clause.parts):
        # An hour limit runs from a moment: without --from, from now, and we say so.
        anchor, anchor_from = app.now.replace(tzinfo=None), "now"
        where = app.env.get("GONGKAI_TZ") or "北京时间"
        click.echo(f"gongkai: 注意：未给 --from，从现在（{where} {anchor:%Y-%m-%d %H:%M}）起算", err=True)
    dated = _events(events)
    start = anchor or app.today
    results = resolve_clause(clause, start, app.calendar, options, explain=explain, events=dated)
    answers = [(part, hints.result(result)) for part, result in zip(clause.parts, results, strict=True)]
    top = top_index(clause, results)
    events_named = [part.event for part in clause.parts if part.event]
    for name in dated:
        if not any(name in event or event in name for event in events_named):
            click.echo(f"gongkai: 注意：--event {name} 没有用上：条文中没有自该事件起算的其他期间", err=True)
    facts = formatters.Facts([_deadline_day(app, r.deadline) for r in results], anchor_from)
    emit(
        app.fmt,
        {
            "plain": lambda: formatters.clause_plain(answers, explain, facts),
            "json": lambda: formatters.clause_data(answers, explain, facts, top=top),
            "table": lambda: formatters.clause_table(answers, explain, facts),
        },
    )


def _events(given: tuple[str, ...]) -> dict[str, date]:
    """--event 公告=2024-10-08 … as {"公告": date}; a malformed one is a usage error."""
    from ..errors import InputError
    from ..phrases.chinese import normalise
    from ..phrases.dates import parse_date

    out: dict[str, date] = {}
    for item in given:
        name, sep, value = item.partition("=")
        name = normalise(name).strip()
        if not sep or not name or not value.strip():
            raise click.UsageError(f"--event 应写作“事件=日期”，如 --event 公告=2024-10-08（收到“{item}”）")
        try:
            out[name] = parse_date(value.strip())
        except InputError as error:
            raise click.UsageError(f"--event {item}：日期无法识别（{error.message}）") from None
    return out


def _deadline_day(app: AppContext, deadline: date | datetime | None) -> DayInfo | None:
    """The facts of a deadline's day (a 调休 Saturday, a holiday it was not moved from);
    None for an hour deadline, none at all, or a day the calendar does not know."""
    if deadline is None or isinstance(deadline, datetime):
        return None
    try:
        return app.calendar.day_info(deadline)
    except CoverageError:
        return None


class Columns(NamedTuple):
    """The headers of the columns a batch reads: anchor, rule and law."""

    anchor: str
    rule: str
    law: str


def run_batch_file(
    name: str, columns: Columns, written: str | None, force: bool, app: AppContext, options: Options
) -> int:
    """--batch FILE: standard input ("-"), a .csv file or an .xlsx workbook."""
    from pathlib import Path  # not at start-up: deadline without --batch never needs it

    path = Path(name)
    output = None if written is None else Path(written)
    suffix = path.suffix.lower()
    if output is not None and (suffix != ".xlsx" or output.suffix.lower() != ".xlsx"):
        raise click.UsageError("-o 只用于 --batch 读 .xlsx 文件时，且须写到 .xlsx 文件")
    if name == "-":
        from ..files.documents import standard_input

        return run_batch_io(standard_input(), sys.stdout, app, options, columns)
    if suffix == ".csv":
        try:
            with path.open(encoding="utf-8", newline="") as source:
                return run_batch_io(source, sys.stdout, app, options, columns, where=name)
        except FileNotFoundError:
            raise InputError("找不到文件：请检查路径", where=name) from None
        except IsADirectoryError:
            raise InputError("这是一个文件夹，不是表格文件", where=name) from None
    if suffix != ".xlsx":
        raise click.UsageError(f"--batch 的文件须为 .csv 或 .xlsx：{name}")
    from ..files.ledger import cell_text, column, read_sheet

    title, header, rows = read_sheet(path)
    at = (
        column(header, columns.anchor, "--anchor-column", path),
        column(header, columns.rule, "--rule-column", path),
        header.index(columns.law) if columns.law in header else None,
    )
    if output is None:  # the rows as text, answered and written as a CSV batch would be
        named = _renamed(header, columns)
        width = len(named)
        text_rows = (
            (number, [cell_text(v) for v in (values + [None] * width)[:width]]) for number, values in rows
        )
        return run_batch_rows(named, text_rows, sys.stdout, app, options)
    return _ledger(path, output, force, title, header, at, rows, app, options)


def _renamed(names: tuple[str, ...], columns: Columns) -> tuple[str, ...]:
    """The header with the chosen columns named anchor, rule and law, as a batch reads them."""
    chosen = {columns.anchor: "anchor", columns.rule: "rule", columns.law: "law"}
    if chosen == {"anchor": "anchor", "rule": "rule", "law": "law"}:
        return names
    return tuple(chosen.get(n, n) for n in names)


def _ledger(
    path: Path,
    output: Path,
    force: bool,
    title: str,
    header: tuple[str, ...],
    at: tuple[int, int, int | None],
    rows: Iterator[tuple[int, list[Any]]],
    app: AppContext,
    options: Options,
) -> int:
    """The sheet written back with each row's deadline, sense, warnings and error."""
    from ..files.ledger import cell_text, write_sheet
    from ..phrases.batch import MEMO, Outcome, answerer
    from ..render.batch import ledger_values

    answer = answerer(app.calendar, options)
    outcome = Outcome()
    memo: dict[tuple[str, str, str], tuple[GongkaiError | None, list[Any]]] = {}
    anchor, rule, law = at
    width = len(header)

    def answered() -> Iterator[list[Any]]:
        for number, values in rows:
            values = (values + [None] * width)[:width]
            key = (
                cell_text(values[anchor]),
                cell_text(values[rule]),
                "" if law is None else cell_text(values[law]),
            )
            hit = memo.get(key)
            if hit is None:
                if len(memo) >= MEMO:
                    memo.clear()
                found = hints.batch_row(answer(number, {"anchor": key[0], "rule": key[1], "law": key[2]}))
                hit = memo[key] = (found.error, ledger_values(found))
            if hit[0] is not None:
                outcome.add(hit[0])
            yield values + hit[1]

    write_sheet(output, title, header, answered(), force=force)
    if outcome.failures:
        click.echo(f"gongkai: {outcome.failures} 行未能计算（见“错误”列）", err=True)
    return outcome.exit_status


def run_batch_io(
    source: TextIO,
    out: TextIO,
    app: AppContext,
    options: Options,
    columns: Columns | None = None,
    *,
    where: str | None = None,
) -> int:
    """A batch read from a stream: CSV with a header naming the columns, or (standard input
    only) lines of anchor<TAB>rule."""
    from ..phrases.batch import TSV_COLUMNS, read_chunks

    chosen = columns or Columns("anchor", "rule", "law")
    names, rows = read_chunks(source, chosen.anchor, chosen.rule)
    if where is not None and names == TSV_COLUMNS:
        raise InputError(
            f"表头中没有“{chosen.anchor}”和“{chosen.rule}”列（用 --anchor-column、--rule-column 指定）",
            where=where,
        )
    return run_batch_rows(_renamed(names, chosen), rows, out, app, options)


def run_batch_rows(
    columns: tuple[str, ...],
    rows: Iterable[tuple[int, list[str]] | Lines],
    out: TextIO,
    app: AppContext,
    options: Options,
) -> int:
    """Stream results line by line; the exit status says whether any line failed. A line
    whose anchor, rule and law came before costs a lookup and a write: each distinct one
    is answered and rendered once (the most recent MEMO kept, so memory stays bounded)."""
    from ..phrases.batch import MEMO, BatchRow, Lines, Outcome, answerers
    from ..render.batch import batch_lines, batch_writer

    if "anchor" not in columns or "rule" not in columns:
        shown = "、".join(columns)
        raise InputError(
            f"表头中没有起算日或期限写法列：表头为 {shown}（用 --anchor-column、--rule-column 指定）"
        )
    outcome = Outcome()
    shape, write = batch_lines(app.fmt, out, columns)
    answer, period_key, kept = answerers(app.calendar, options)
    at = {name: i for i, name in enumerate(columns)}  # a repeated name: its last cell
    anchor, rule, law = at["anchor"], at["rule"], at.get("law")
    general = batch_writer(app.fmt, out, columns, header=False)
    # (anchor, rule, law): the answer's error and shape; or, seen once, the answer itself,
    # written the general way (a batch of phrases all different is not slowed by shaping)
    memo: dict[tuple[str, str, str], tuple[GongkaiError | None, Any] | BatchRow] = {}

    # A CSV answer is shaped at once (shapes are shared by the answers with the same cells,
    # render.batch.batch_lines); JSON and plain are shaped when seen a second time.
    eager = app.fmt == "csv"

    def one(number: int, cells: list[str]) -> None:
        key = (cells[anchor], cells[rule], "" if law is None else cells[law])
        hit = memo.get(key)
        if hit is None:
            if len(memo) >= MEMO:
                memo.clear()
            row = hints.batch_row(answer(number, dict(zip(columns, cells, strict=True))))
            if not eager:
                memo[key] = row
                if row.error is not None:
                    outcome.add(row.error)
                general(row)
                return
            hit = memo[key] = (row.error, shape(row))
        elif isinstance(hit, BatchRow):
            hit = memo[key] = (hit.error, shape(hit))
        if hit[0] is not None:
            outcome.add(hit[0])
        write(number, cells, hit[1])

    width = len(columns)
    # CSV lines of plain cells are written as they came, with the answer's cells after
    # them; not when a repeated column name makes a record keep one of two cells.
    quick = (
        _QuickCsv(width, (anchor, rule, law), memo, one, (period_key, kept), out)
        if app.fmt == "csv"
        else None
    )
    for chunk in rows:
        if not isinstance(chunk, Lines):
            one(*chunk)
        elif quick is not None and len(at) == width:
            quick.write(chunk)
        else:
            for number, line in enumerate(chunk.lines, chunk.number):
                if line:
                    one(number, _width(line.split(","), width))
    if outcome.failures:
        click.echo(f"gongkai: {outcome.failures} 行未能计算（见输出中的错误）", err=True)
    return outcome.exit_status


def _width(cells: list[str], width: int) -> list[str]:
    """A row of ``width`` cells: a short row padded with empty cells, a long one cut (as
    phrases.batch.read_rows gives them)."""
    return cells if len(cells) == width else (cells + [""] * width)[:width]


class _QuickCsv:
    """CSV lines written the quick way: a line whose answer is kept and whose cells the csv
    module and render.batch._cell leave as they are (render.batch.batch_csv_plain) is
    written as it came with the answer's cells after it, a write per block of lines; any
    other goes the general way (``one``). Lines hold no quote or carriage return
    (phrases.batch.Lines).

    An answer is kept by the line's anchor, rule and law cells, and, when its rule is a
    plain period, also by the key the answerer keeps it by (phrases.batch.answerers:
    kind, number, anchor and law): distinct phrases of one wording (收到第N号申请之日起M个
    工作日内, the event's words different on every line) share the answer's cells with
    every line of the same period and anchor, read without making the rule."""

    def __init__(
        self,
        width: int,
        at: tuple[int, int, int | None],
        memo: dict[tuple[str, str, str], Any],
        one: Callable[[int, list[str]], None],
        periods: tuple[Callable[[str, str, str], KeptKey | None], Callable[[KeptKey], bool]],
        out: TextIO,
    ) -> None:
        from ..phrases.batch import MEMO
        from ..render.batch import batch_csv_plain, batch_csv_plain_line

        self.width, self.at, self.memo, self.one, self.out = width, at, memo, one, out
        self.period_key, self.kept = periods  # phrases.batch.Answerers' key and kept
        self.limit = MEMO
        self.others = [i for i in range(width) if i not in at]
        self.plain, self.plain_line = batch_csv_plain, batch_csv_plain_line
        # (anchor, rule, law) whose answer had no error and whose cells are plain: the tail
        self.tails: dict[tuple[str, str, str], str] = {}
        # the answerer's key of a kept plain period's answer (no error): the tail
        self.periods: dict[KeptKey, str] = {}

    def write(self, chunk: Lines) -> None:
        width, tails, others, memo = self.width, self.tails, self.others, self.memo
        period_key, periods = self.period_key, self.periods
        anchor, rule, law = self.at
        other = others[0] if len(others) == 1 else -1
        from ..render.batch import FORMULA_FIRST as formula

        plain, plain_line = self.plain, self.plain_line
        parts: list[str] = []
        for i, line in enumerate(chunk.lines):
            cells = line.split(",")
            learn = None
            if len(cells) == width:
                key = (cells[anchor], cells[rule], "" if law is None else cells[law])
                tail = tails.get(key)
                if tail is None and key in memo:
                    tail = self._tail(key)
                if tail is not None:
                    if other >= 0:  # the common case, one other column (an id): inline
                        cell = cells[other]
                        if cell.isprintable() and cell[:1] not in formula:
                            parts += (line, tail)
                            continue
                    elif all(plain(cells[j]) for j in others):
                        parts += (line, tail)
                        continue
                else:
                    period = period_key(*key)
                    if period is not None:
                        tail = periods.get(period)
                        if tail is None:
                            learn = key, period
                        elif plain_line(line):
                            parts += (line, tail)
                            continue
            if parts:
                self.out.write("".join(parts))
                parts.clear()
            if line:
                self.one(chunk.number + i, _width(cells, width))
                if learn is not None:
                    self._learn(*learn)
        self.out.write("".join(parts))

    def _tail(self, key: tuple[str, str, str]) -> str | None:
        """The answer's cells, rendered, for lines with these key cells: when the answer is
        kept (shaped), had no error, and the key cells are plain."""
        hit = self.memo.get(key)
        if type(hit) is not tuple or hit[0] is not None or not all(map(self.plain, key)):
            return None
        if len(self.tails) >= self.limit:
            self.tails.clear()
        tail: str = hit[1][1]
        self.tails[key] = tail
        return tail

    def _learn(self, key: tuple[str, str, str], period: KeptKey) -> None:
        """After a line with these key cells was answered the general way: its answer's
        cells by the answerer's key, when its answer is kept under that key (a plain
        period) and had no error."""
        hit = self.memo.get(key)
        if type(hit) is not tuple or hit[0] is not None or not self.kept(period):
            return
        if len(self.periods) >= self.limit:
            self.periods.clear()
        self.periods[period] = hit[1][1]


@main.command(
    epilog="""\b
示例：
  gongkai workdays 2016-09-30 2016-10-10          # 3
  gongkai workdays 2016-09-30 2016-10-10 --list
  gongkai workdays 2098-12-30 2099-01-05 --provisional   # 未公布的年份按法定节日临时推算，标为临时
"""
)
@click.argument("start", metavar="FROM", type=DATE)
@click.argument("end", metavar="TO", type=DATE)
@click.option("--list", "show_list", is_flag=True, help="逐个列出这些工作日。")
@common_options()
def workdays(app: AppContext, start: date, end: date, show_list: bool) -> None:
    """计算 FROM 之后至 TO（含）之间的工作日个数，即区间 (FROM, TO]。"""
    cal = app.calendar
    count = cal.count_workdays(start, end)
    low, high = min(start, end), max(start, end)
    days = [cal.day_info(d) for d in cal.workdays_between(low, high)] if show_list else None
    provisional = bool(cal.provisional_years(low, high))
    emit(
        app.fmt,
        {
            "plain": lambda: formatters.workdays_plain(start, end, count, days, provisional),
            "json": lambda: formatters.workdays_data(start, end, count, days, provisional),
            "table": lambda: formatters.workdays_table(start, end, count, days, provisional),
        },
    )


@main.command(
    epilog="""\b
示例：
  gongkai day 2016-10-08          # 调休上班
  gongkai day 2016年10月3日
  gongkai day                     # 今天
"""
)
@click.argument("day", metavar="[DATE]", type=DATE, required=False)
@common_options()
def day(app: AppContext, day: date | None) -> None:
    """说明 DATE（默认今天）是工作日、休息日、节假日还是调休上班日。"""
    info = app.calendar.day_info(day or app.today)
    emit(
        app.fmt,
        {
            "plain": lambda: formatters.day_plain(info),
            "json": lambda: formatters.day_data(info),
            "table": lambda: formatters.day_table(info),
        },
    )
