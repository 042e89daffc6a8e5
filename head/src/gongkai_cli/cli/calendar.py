"""The ``calendar`` group: month grids, importing a State Council notice, covered years.

``gongkai calendar [YEAR [MONTH]]`` draws months; a Click group cannot take optional
positional arguments beside its subcommands, so CalendarGroup routes anything that is not
a subcommand's name (a year, an option, nothing at all) to the hidden ``month`` command.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import InputError
from ..files.documents import MIB, read_document
from ..render import calendar as cf
from ..render.output import emit
from .main import StrictGroup, main
from .options import AppContext, common_options, tasks_option

if TYPE_CHECKING:
    from ..calendar.workdays import YearData
    from ..plan.moves import Move

MONTH_COMMAND = "month"
MAX_NOTICE_BYTES = MIB


class CalendarGroup(StrictGroup):
    """Routes ``calendar 2016 10``, ``calendar --format json`` and bare ``calendar`` to
    the hidden month command; ``calendar import`` and ``calendar years`` stay commands."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = args[0] if args else None
        help_names = set(ctx.help_option_names)
        if first is None or (first not in self.commands and first not in help_names and _month_like(first)):
            args = [MONTH_COMMAND, *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, command in sorted(self.commands.items()) if not command.hidden]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The month command's options as the group's own: the help never sends the
        reader to the hidden command."""
        self.commands[MONTH_COMMAND].format_options(ctx, formatter)
        self.format_commands(ctx, formatter)


def _month_like(arg: str) -> bool:
    return arg.isdigit() or arg.startswith("-")


@main.group(
    cls=CalendarGroup,
    subcommand_metavar="[YEAR [MONTH]] | COMMAND [ARGS]...",
    epilog="""\b
示例：
  gongkai calendar                      # 本月
  gongkai calendar 2016 10              # 10月8日、9日调休上班
  gongkai calendar 2016 --format plain  # 全年12个月
  gongkai calendar 2016 10 --format json
  gongkai calendar import 2027通知.txt --install
  gongkai calendar years
""",
)
def calendar() -> None:
    """日历：按月查看节假日与调休，导入国务院节假日安排通知，查看已知年份。

    gongkai calendar [YEAR [MONTH]] 画出月历（默认本月；只给 YEAR 则画全年），
    标出节假日放假（休）、调休上班（班）和周末；下列选项用于月历。
    """


@calendar.command(
    MONTH_COMMAND,
    hidden=True,
    epilog="""\b
示例：
  gongkai calendar 2016 10
  gongkai calendar 2016 --format plain
  gongkai calendar 2027 1 --provisional
""",
)
@click.argument("year", type=click.IntRange(1, 9998), required=False)
@click.argument("month", type=click.IntRange(1, 12), required=False)
@common_options()
def month(app: AppContext, year: int | None, month: int | None) -> None:
    """画出 YEAR 年 MONTH 月的月历（默认本月；只给 YEAR 则画全年12个月）。"""
    if year is None:
        year, months = app.today.year, [app.today.month]
    else:
        months = [month] if month is not None else list(range(1, 13))
    from ..calendar.months import month_of

    grids = [month_of(app.calendar, year, m) for m in months]
    emit(
        app.fmt,
        {
            "plain": lambda: cf.months_plain(grids),
            "json": lambda: cf.months_data(grids),
            "table": lambda: cf.months_table(grids),
        },
    )


# -- import ------------------------------------------------------------------------------


@calendar.command(
    "import",
    epilog="""\b
示例：
  gongkai calendar import 2027通知.txt                  # 日历文件写到标准输出
  gongkai calendar import 2027通知.txt -o 2027.yaml
  gongkai calendar import 2027通知.txt --install        # 装入配置目录，此后各命令都用它
  gongkai calendar import 2019通知.txt 2019调整通知.txt -o 2019.yaml
  pbpaste | gongkai calendar import - --year 2025 -o 2025.yaml   # 粘贴的正文没有标题时用 --year 指明年份
  gongkai calendar import 2027通知.txt -o 2027.yaml --force --tasks 我局计划.yaml   # 并列出临时期限的变化
""",
)
@click.argument("notices", metavar="NOTICE...", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "output",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="写入此文件（原子写入）。",
)
@click.option(
    "--year", type=click.IntRange(1900, 2999), metavar="YEAR", help="通知标题中没有年份时，指定年份。"
)
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
@click.option(
    "--install",
    is_flag=True,
    help="写入配置目录（$XDG_CONFIG_HOME/gongkai/calendars/YEAR.yaml），此后每个命令都读它。",
)
@tasks_option("正在使用的计划（也可用环境变量 GONGKAI_TASKS）：列出其中等待这一年安排的临时期限是否改变。")
@common_options(formats=("yaml",))
def import_(
    app: AppContext,
    notices: tuple[str, ...],
    output: str | None,
    year: int | None,
    force: bool,
    install: bool,
    tasks: tuple[str, ...],
) -> None:
    """把国务院节假日安排通知的全文 NOTICE（文件，或 - 表示标准输入）转成日历文件。

    同一年的多份通知按发布先后给出，后者修改前者（如 2019 年调整劳动节、2020 年延长春节）。
    星期与日期不符、“共N天”与日期不符、上班日不是周末、找不到放假安排时报错（退出状态 3），
    不写任何文件。
    """
    from ..calendar.files import CalendarSource, dump_calendar
    from ..calendar.notice_import import merge_notices, parse_notice, to_year_data

    if output is not None and install:
        raise click.UsageError("-o 与 --install 只能选一个")
    parsed = []
    for name in notices:
        text, label, note = read_document(
            name,
            limit=MAX_NOTICE_BYTES,
            what="通知",
            too_big=f"通知超过 {MAX_NOTICE_BYTES // MIB} MiB，不像节假日安排通知",
        )
        if note:
            click.echo(f"gongkai: 注意：{label} {note}", err=True)
        parsed.append(parse_notice(text, year=year, source=label))
    notice = merge_notices(parsed)
    meta = CalendarSource(notice.title or "（通知未注明标题）", notice.number, notice.issued)
    data = to_year_data(notice, meta.describe())
    text = dump_calendar(data, meta)
    summary = f"{data.year} 年：{len(data.holidays)} 天放假，{len(data.makeup_workdays)} 天调休上班"
    moves = _moves(app, tasks, data) if tasks else None  # counted before the file is written
    if install:
        from ..calendar.locations import calendar_folder

        folder = Path(calendar_folder(app.env))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise InputError(f"无法创建配置目录：{e.strerror or e}", where=str(folder)) from None
        target = folder / f"{data.year}.yaml"
        _write(target, text, force)
        click.echo(f"gongkai: 已安装 {summary}：{target}", err=True)
    elif output is not None:
        _write(Path(output), text, force)
        click.echo(f"gongkai: 已写入 {summary}：{output}", err=True)
    else:
        sys.stdout.write(text)
    if moves is not None:
        _report_moves(*moves, data.year)


def _moves(app: AppContext, tasks: tuple[str, ...], data: YearData) -> tuple[str, list[Move]]:
    """For the plans in use, each provisional deadline that waited for ``data``'s year,
    as counted before the import (the calendar as it is) and with it."""
    from ..calendar.workdays import WorkCalendar
    from ..plan.moves import provisional_moves
    from .plan import load_plans

    plans = load_plans(tasks)
    before = app.calendar
    after = WorkCalendar([*before.known_years(), data], provisional=before.provisional)
    moves = provisional_moves(plans.obligations(before), plans.obligations(after), data.year)
    return "；".join(p.title for p in plans.plans), moves


def _report_moves(title: str, moves: list[Move], year: int) -> None:
    """Whether each moves now, from which date to which (on standard error, beside the
    other notes of the import)."""
    from ..render.deadlines import when

    if not moves:
        click.echo(f"gongkai: {title}：没有等待 {year} 年安排的临时期限", err=True)
        return
    moved = [m for m in moves if m.moved]
    click.echo(
        f"gongkai: {title}：{len(moves)} 项临时期限等待 {year} 年安排，"
        f"导入后 {len(moved)} 项改变、{len(moves) - len(moved)} 项不变：",
        err=True,
    )
    for m in moves:
        change = f"{when(m.before)} 改为 {when(m.after)}" if m.moved else f"{when(m.after)} 不变"
        still = f"（仍待 {'、'.join(map(str, m.still_waiting))} 年安排）" if m.still_waiting else ""
        click.echo(f"  {m.id}  {m.title}：{change}{still}", err=True)


def _write(path: Path, text: str, force: bool) -> None:
    from ..files.atomic import write_atomic

    write_atomic(path, text, force=force)


# -- years -------------------------------------------------------------------------------


@calendar.command(
    epilog="""\b
示例：
  gongkai calendar years
  gongkai calendar years --calendar 2027.yaml --format json
"""
)
@common_options()
def years(app: AppContext) -> None:
    """列出日历已知的年份及每年安排的来源（内置数据、日历文件，或临时推算）。"""
    covered = {y.year: cf.CoveredYear(y.year, "builtin", y.source) for y in _builtin()}
    for year, (path, source) in _file_years(app).items():
        covered[year] = cf.CoveredYear(year, "file", source, path)
    rows = [covered[y] for y in sorted(covered)]
    emit(
        app.fmt,
        {
            "plain": lambda: cf.years_plain(rows, app.provisional),
            "json": lambda: cf.years_data(rows, app.provisional),
            "table": lambda: cf.years_table(rows, app.provisional),
        },
    )


def _builtin() -> tuple[YearData, ...]:
    from ..calendar.builtin import builtin_years

    return builtin_years()


def _file_years(app: AppContext) -> dict[int, tuple[str, str]]:
    """year → (file, its source) for the calendar files in use; a later file wins."""
    from ..calendar.locations import calendar_paths

    paths = calendar_paths(app.calendar_files, app.env)
    if not paths:
        return {}
    from ..calendar.files import calendars_by_year

    return {year: (str(path), data.source) for year, (path, data) in calendars_by_year(paths).items()}
