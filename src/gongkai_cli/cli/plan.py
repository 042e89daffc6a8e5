"""Commands over a plan: due, tasks, show, check. Each parses options, calls the core
(plan → obligations → due query) and hands the result to render.plan."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import ExitStatus, InputError
from ..phrases.dates import parse_datetime
from ..phrases.resolve import Options
from ..plan.due import Span, by_department, due, window
from ..plan.obligations import Obligation, expand, expand_item, item_id_of
from ..plan.plan_file import MISSING, Plan, bundled_plan, read_plan
from ..render import plan as pf
from ..render.output import emit
from .main import main, one_line, worded_obligations
from .options import DATE, AppContext, common_options, counting_options

F = TypeVar("F", bound=Callable[..., Any])

LIST_FORMATS = ("table", "plain", "json", "csv", "md", "ics")


def _parse_events(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, tuple[date | datetime, ...]]:
    events: dict[str, list[date | datetime]] = {}
    for value in values:
        name, sep, when = value.partition("=")
        if not sep or not name.strip() or not when.strip():
            raise click.BadParameter(f"“{value}”应写成 事件名=日期，如 文件公开=2016-09-30") from None
        try:
            moment = parse_datetime(when.strip())
        except InputError as e:
            raise InputError(f"--event {value}：{e.message}") from None
        events.setdefault(name.strip(), []).append(moment)
    return {name: tuple(whens) for name, whens in events.items()}


def plan_options(f: F) -> F:
    """--tasks FILE (GONGKAI_TASKS), --event NAME=WHEN and the counting options (the
    command receives ``plan`` and ``options``)."""
    options = (
        click.option(
            "--tasks",
            "tasks",
            metavar="FILE",
            envvar="GONGKAI_TASKS",
            help="计划文件（默认为内置的 2016 年工作要点；也可用环境变量 GONGKAI_TASKS）。",
        ),
        click.option(
            "--event",
            "events",
            multiple=True,
            metavar="NAME=WHEN",
            callback=_parse_events,
            help='记录一次事件，如 文件公开=2016-09-30、重大突发事件="2016-07-01 14:30"；可多次给出。',
        ),
    )

    @functools.wraps(f)
    def wrapper(
        *args: Any,
        tasks: str | None,
        events: dict[str, tuple[date | datetime, ...]],
        **kwargs: Any,
    ) -> Any:
        plan = _load(tasks)
        if events:
            plan = plan.with_events(events)
        return f(*args, plan=plan, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return counting_options(wrapper)  # type: ignore[return-value]


def _load(tasks: str | None) -> Plan:
    """The plan, through the cache of validated plans (``check`` always reads the file)."""
    from ..plan.cache import load_plan_cached

    path = Path(tasks) if tasks else bundled_plan()
    if tasks and not path.exists():
        raise InputError(f"{MISSING}，或去掉 --tasks / GONGKAI_TASKS 使用内置计划", where=tasks)
    return load_plan_cached(path, os.environ)


def output_options(f: F) -> F:
    """-o FILE and --force."""
    f = click.option("--force", is_flag=True, help="-o 的文件已存在时覆盖它。")(f)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE",
        help="写入文件 FILE 而不是标准输出（先写临时文件再改名，不会留下写了一半的文件）。",
    )(f)


@main.command(
    "due",
    epilog="""\b
示例：
  gongkai due                                        # 本周（星期一至星期日）到期和逾期的事项
  gongkai due --week --today 2016-06-27              # 6月底的两项和各按月事项，2016-06-30 到期
  gongkai due --next-week --dept 办公室
  gongkai due --days 14 --format md                  # Markdown，用作邮件正文
  gongkai due --until 2016-12-31 --format ics -o 期限.ics --force
  gongkai due --event 文件公开=2016-09-30 --today 2016-10-08
  gongkai due --quiet-if-empty --exit-code           # cron：无事不输出；有到期或逾期时退出状态 1

\b
crontab（北京时间每星期一 07:00；服务器用 UTC 时写 0 23 * * 0）：
  MAILTO=office@example.org
  0 7 * * 1  gongkai due --quiet-if-empty
""",
)
@click.option("--week", "span", flag_value="week", help="今天所在的一周，星期一至星期日（默认）。")
@click.option("--next-week", "span", flag_value="next-week", help="下一周，星期一至星期日。")
@click.option("--month", "span", flag_value="month", help="今天所在的月份。")
@click.option("--days", type=int, metavar="N", help="从今天起的 N 天（含今天）。")
@click.option("--until", type=DATE, metavar="DATE", help="从今天到 DATE（含）。")
@click.option("--dept", metavar="TEXT", help="只列出牵头或负责部门中有 TEXT（部门全称）的事项。")
@click.option("--no-overdue", is_flag=True, help="不列出逾期未完成的事项。")
@click.option("--quiet-if-empty", is_flag=True, help="没有到期或逾期事项时什么也不输出（cron 不发空邮件）。")
@click.option("--exit-code", is_flag=True, help="有到期或逾期未完成的事项时退出状态为 1。")
@output_options
@plan_options
@common_options(formats=LIST_FORMATS)
def due_command(
    app: AppContext,
    plan: Plan,
    options: Options,
    span: Span | None,
    days: int | None,
    until: date | None,
    dept: str | None,
    no_overdue: bool,
    quiet_if_empty: bool,
    exit_code: bool,
    output: Path | None,
    force: bool,
) -> None:
    """列出期限落在本周（或所选时段）的事项，另列逾期未完成的事项。"""
    chosen = [
        name
        for name, given in (("--week/--next-week/--month", span), ("--days", days), ("--until", until))
        if given is not None
    ]
    if len(chosen) > 1:
        raise click.UsageError(f"{' 与 '.join(chosen)} 只能选一个")
    resolved: Span = span or ("days" if days is not None else "until" if until is not None else "week")
    obligations = worded_obligations(by_department(expand(plan, app.calendar, options), dept))
    report = due(
        obligations,
        app.today,
        window(resolved, app.today, days=days, until=until),
        app.calendar,
        overdue=not no_overdue,
    )
    if report.pending or not quiet_if_empty:
        emit(
            app.fmt,
            {
                "plain": lambda: pf.due_plain(report),
                "json": lambda: pf.due_data(report),
                "table": lambda: pf.due_table(report),
                "csv": lambda: pf.due_csv(report),
                "md": lambda: pf.due_md(report),
                "ics": lambda: pf.due_ics(report, f"{plan.title}：到期事项"),
            },
            output=output,
            force=force,
        )
    if exit_code and report.pending:
        click.get_current_context().exit(ExitStatus.DUE)


@main.command(
    epilog="""\b
示例：
  gongkai tasks                                      # 全部事项及其期限（含无固定期限的）
  gongkai tasks --dept 条法司
  gongkai tasks --format csv > 事项.csv
  gongkai tasks --format ics -o 2016工作要点.ics
  gongkai tasks --tasks 我局2017年要点.yaml --format json
"""
)
@click.option("--dept", metavar="TEXT", help="只列出牵头或负责部门中有 TEXT（部门全称）的事项。")
@output_options
@plan_options
@common_options(formats=LIST_FORMATS)
def tasks(
    app: AppContext, plan: Plan, options: Options, dept: str | None, output: Path | None, force: bool
) -> None:
    """列出计划中的全部事项（期限、按期、事件触发、派生报告和无固定期限的）。"""
    obligations = worded_obligations(by_department(expand(plan, app.calendar, options), dept))
    emit(
        app.fmt,
        {
            "plain": lambda: pf.tasks_plain(plan, obligations),
            "json": lambda: pf.tasks_data(plan, obligations),
            "table": lambda: pf.tasks_table(plan, obligations),
            "csv": lambda: pf.tasks_csv(plan, obligations),
            "md": lambda: pf.tasks_md(plan, obligations),
            "ics": lambda: pf.tasks_ics(plan, obligations, app.today),
        },
        output=output,
        force=force,
    )


@main.command(
    epilog="""\b
示例：
  gongkai show 1.1a                                  # 全文、部门、期限写法、派生的报告和推算过程
  gongkai show 1.1a/report                           # 只推算派生的书面报告
  gongkai show 5.1.2@2016-06                         # 按月事项的一期
  gongkai show 4.1a --event 文件公开=2016-09-30
"""
)
@click.argument("item_id", metavar="ID")
@plan_options
@common_options()
def show(app: AppContext, plan: Plan, options: Options, item_id: str) -> None:
    """显示一项工作：全文、牵头和负责部门、期限写法、派生的义务，以及逐日推算的期限。

    ID 为条目编号（如 1.1a、5.1.2、end.1），或一项义务的编号（如 1.1a/report、5.1.2@2016-06）。
    """
    base = item_id_of(item_id)
    item = plan.item(base)
    if item is None:
        ids = [i.id for i in plan.items]
        from difflib import get_close_matches

        close = get_close_matches(base, ids, n=3)
        hint = f"；是否要找 {'、'.join(close)}？" if close else "；用 gongkai tasks 查看全部编号"
        raise InputError(f"计划中没有编号为“{item_id}”的事项{hint}")
    obligations = worded_obligations(expand_item(plan, item, app.calendar, options, explain=True))
    explained: list[Obligation] = obligations
    if item_id != base:
        explained = [ob for ob in obligations if ob.id == item_id]
        if not explained:
            known = "、".join(ob.id for ob in obligations)
            raise InputError(f"条目 {base} 没有编号为“{item_id}”的义务；它的义务：{known}")
    emit(
        app.fmt,
        {
            "plain": lambda: pf.show_plain(item, obligations, explained),
            "json": lambda: pf.show_data(item, obligations, explained),
            "table": lambda: pf.show_table(item, obligations, explained),
        },
    )


@main.command(
    epilog="""\b
示例：
  gongkai check                                      # 检查内置的 2016 年计划
  gongkai check 我局2017年要点.yaml                  # 每处问题一行：文件:行: 说明；有问题时退出状态 3
  GONGKAI_TASKS=我局2017年要点.yaml gongkai check --format json
"""
)
@click.argument("file", required=False, envvar="GONGKAI_TASKS", metavar="[FILE]")
@common_options(formats=("plain", "json"))
def check(app: AppContext, file: str | None) -> None:
    """检查计划文件 FILE（默认 GONGKAI_TASKS 或内置计划）：键、编号、期限写法、日期；
    列出全部问题，计划有效时给出摘要。"""
    plan, problems = read_plan(Path(file) if file else bundled_plan())
    if plan is None:
        for problem in problems:
            click.echo(one_line(str(problem)), err=True)
        raise InputError(f"计划无效：共 {len(problems)} 处问题", where=problems[0].file)
    obligations = worded_obligations(expand(plan, app.calendar))
    emit(
        app.fmt,
        {
            "plain": lambda: pf.check_plain(plan, obligations),
            "json": lambda: pf.check_data(plan, obligations),
        },
    )
