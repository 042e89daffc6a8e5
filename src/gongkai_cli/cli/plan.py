"""Commands over a plan: due, tasks, show, check. Each parses options, calls the core
(plan → obligations → due query) and hands the result to render.plan (words, JSON, plain),
plan_views (tables) or plan_files (csv, md, ics, xlsx)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import click

from ..errors import ExitStatus, InputError
from ..phrases.resolve import Options
from ..plan.due import DueReport, Span, by_department, due, plan_end, plan_over, window
from ..plan.obligations import Obligation, expand, expand_item
from ..plan.plan_file import MISSING, Occurrence, bundled_plan, parse_occurrence, read_plan
from ..plan.plans import PlanSet, plan_key
from ..render import plan as pf
from ..render import plan_files, plan_views
from ..render.output import Renderers, emit
from . import hints
from .main import main, one_line
from .options import DATE, AppContext, common_options, counting_options, output_options, tasks_option
from .startup import long_lived

if TYPE_CHECKING:
    from ..plan.plan_file import Plan
    from ..plan.review import ReviewMark
    from ..render.mail import Envelope
    from ..render.register import DueRequests

F = TypeVar("F", bound=Callable[..., Any])

LIST_FORMATS = ("table", "plain", "json", "csv", "md", "ics", "email", "xlsx")


def _parse_events(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, tuple[Occurrence, ...]]:
    events: dict[str, list[Occurrence]] = {}
    for value in values:
        name, sep, when = value.partition("=")
        if not sep or not name.strip() or not when.strip():
            raise click.BadParameter(f"“{value}”应写成 事件名=日期，如 文件公开=2016-09-30") from None
        try:
            moment = parse_occurrence(when.strip())
        except InputError as e:
            raise InputError(f"--event {value}：{e.message}") from None
        events.setdefault(name.strip(), []).append(moment)
    return {name: tuple(whens) for name, whens in events.items()}


def plan_options(f: F) -> F:
    """--tasks FILE (repeatable; GONGKAI_TASKS, a list like PATH), --event NAME=WHEN and
    the counting options (the command receives ``plans`` and ``options``)."""
    options = (
        tasks_option(
            "计划文件，可多次给出（默认为内置的 2016 年工作要点；也可用环境变量 GONGKAI_TASKS，"
            f"多个文件以“{os.pathsep}”分隔）。"
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
        tasks: tuple[str, ...],
        events: dict[str, tuple[Occurrence, ...]],
        **kwargs: Any,
    ) -> Any:
        plans = load_plans(tasks)
        if events:
            plans = _with_events(plans, events)
        return f(*args, plans=plans, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return counting_options(wrapper)  # type: ignore[return-value]


def load_plans(tasks: Sequence[str]) -> PlanSet:
    """The plans, through the cache of validated plans (``check`` always reads the files)."""
    from ..plan.cache import load_plan_cached

    check_tasks(tasks)
    paths = [Path(t) for t in dict.fromkeys(tasks)] or [bundled_plan()]
    return long_lived(lambda: PlanSet(tuple(load_plan_cached(path, os.environ) for path in paths)))


def check_tasks(tasks: Sequence[str]) -> None:
    """An error for a plan file given that does not exist."""
    for task in tasks:
        try:
            exists = Path(task).exists()
        except (OSError, ValueError) as e:  # a name too long, a NUL
            raise InputError(f"无法读取计划文件：{getattr(e, 'strerror', None) or e}", where=task) from None
        if not exists:
            raise InputError(f"{MISSING}，或去掉 --tasks / GONGKAI_TASKS 使用内置计划", where=task)


def _with_events(plans: PlanSet, events: dict[str, tuple[Occurrence, ...]]) -> PlanSet:
    """--event goes to the plans that use the event's name (an error when none does)."""
    out = []
    for plan in plans.plans:
        mine = {name: whens for name, whens in events.items() if name in plan.event_names}
        out.append(plan.with_events(mine) if mine else plan)
    used = {name for plan in plans.plans for name in plan.event_names}
    unknown = [name for name in events if name not in used]
    if unknown:
        known = "、".join(sorted(used)) or "（无）"
        raise InputError(f"计划中没有条目使用事件“{unknown[0]}”；可用的事件名：{known}")
    return PlanSet(tuple(out))


def dept_option(f: F) -> F:
    return click.option(
        "--dept",
        multiple=True,
        metavar="NAME",
        help="只列出该部门牵头或负责的事项，以及交给各部门的（各部门单位等）；"
        "NAME 为全称、计划 aliases 中的简称或唯一的开头（条法 → 条法司）；可多次给出。",
    )(f)


def _by_department(obligations: list[Obligation], plans: PlanSet, dept: tuple[str, ...]) -> list[Obligation]:
    return by_department(obligations, dept, collective=plans.collective, aliases=plans.aliases)


def _deliver_bytes(data: bytes, output: Path | None, force: bool) -> None:
    """To ``output``, or to standard output when that is a file or a pipe (checked first:
    never to a terminal)."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from ..files.atomic import write_atomic

    write_atomic(output, data, force=force)


def _remove_stale(output: Path, force: bool) -> None:
    """--quiet-if-empty -o FILE with nothing due: last run's file goes (with --force,
    as an overwrite would), so that a published list or calendar never goes stale."""
    if not output.exists():
        return
    if not force:
        raise InputError("没有到期事项，但文件已存在，未删除；加 --force 时删除它", where=str(output))
    try:
        output.unlink()
    except OSError as e:
        raise InputError(f"无法删除：{e.strerror or e}", where=str(output)) from None


def _check_format(app: AppContext, output: Path | None, mail_to: str | None, mail_from: str | None) -> None:
    if app.fmt == "xlsx" and output is None and sys.stdout.isatty():
        raise click.UsageError("--format xlsx 不写到终端：请用 -o FILE，或重定向到文件（> 本周.xlsx）")
    if app.fmt == "email":
        if not (mail_to or "").strip():
            raise click.UsageError("--format email 需要收件人：--mail-to 地址，或环境变量 GONGKAI_MAIL_TO")
        from ..render.mail import address_problem

        for option, value in (("--mail-to", mail_to), ("--mail-from", mail_from)):
            problem = address_problem(option, value) if value and value.strip() else None
            if problem:
                raise click.UsageError(problem)


def _envelope(app: AppContext, mail_to: str | None, mail_from: str | None) -> Envelope:
    from ..render.mail import Envelope

    sender = (mail_from or "").strip()
    if not sender:
        import getpass
        import socket

        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no login name and no passwd entry (a bare container)
            user = "gongkai"
        sender = f"gongkai <{user}@{socket.gethostname() or 'localhost'}>"
    return Envelope(to=(mail_to or "").strip(), sender=sender, now=app.now)


class Delivery(NamedTuple):
    """Where and how due and tasks deliver: -o FILE, --force, --bom, the mail headers."""

    output: Path | None
    force: bool
    bom: bool
    mail_to: str | None
    mail_from: str | None


def list_options(f: F) -> F:
    """What due and tasks add for offices: --bom for CSV, the mail headers of --format
    email, -o FILE and --force; the command receives them as one ``delivery``."""
    command = f

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        output: Path | None,
        force: bool,
        bom: bool,
        mail_to: str | None,
        mail_from: str | None,
        **kwargs: Any,
    ) -> Any:
        return command(*args, delivery=Delivery(output, force, bom, mail_to, mail_from), **kwargs)

    f = wrapper  # type: ignore[assignment]
    mail = (
        (
            "--mail-from",
            "GONGKAI_MAIL_FROM",
            "发件人（也可用环境变量 GONGKAI_MAIL_FROM；默认 gongkai <用户@本机>）。",
        ),
        ("--mail-to", "GONGKAI_MAIL_TO", "收件人，多个用逗号分隔（也可用环境变量 GONGKAI_MAIL_TO）。"),
    )
    for name, variable, text in mail:
        f = click.option(name, metavar="ADDR", envvar=variable, help=f"--format email 的{text}")(f)
    f = click.option("--bom", is_flag=True, help="CSV 以 UTF-8 BOM 开头，Excel 双击打开时中文不乱码。")(f)
    return output_options(f)


@main.command(
    "due",
    epilog="""\b
示例：
  gongkai due                                        # 本周（星期一至星期日）到期和逾期的事项
  gongkai due --week --today 2016-06-27              # 6月底的两项和各按月事项，2016-06-30 到期
  gongkai due --next-week --dept 办公室 --today 2016-06-20
  gongkai due --days 14 --format md --today 2016-06-20     # Markdown
  gongkai due --until 2016-12-31 --today 2016-06-27 --format ics -o 期限.ics --force
  gongkai due --event 文件公开=2016-09-30 --today 2016-10-10 --no-overdue   # 4.1a：公开后 3 个工作日
  gongkai due --today 2016-06-27 --format email --mail-to office@example.org
  gongkai due --today 2016-06-27 --format xlsx -o 本周.xlsx --force
  gongkai due --today 2017-03-06 --all-overdue       # 计划年度已过，仍列出全部逾期事项
  gongkai due --today 2016-06-27 --quiet-if-empty --exit-code   # cron：无事不输出；有事退出状态 1

\b
crontab（北京时间每星期一 07:00；服务器用 UTC 时写 0 23 * * 0）：
  MAILTO=office@example.org
  0 7 * * 1  gongkai due --quiet-if-empty
  0 7 * * 1  gongkai due --quiet-if-empty --format email --mail-to office@example.org | ifne sendmail -t
""",
)
@click.option("--week", "span", flag_value="week", help="今天所在的一周，星期一至星期日（默认）。")
@click.option("--next-week", "span", flag_value="next-week", help="下一周，星期一至星期日。")
@click.option("--month", "span", flag_value="month", help="今天所在的月份。")
@click.option("--days", type=int, metavar="N", help="从今天起的 N 天（含今天）。")
@click.option("--until", type=DATE, metavar="DATE", help="从今天到 DATE（含）。")
@dept_option
@click.option("--no-overdue", is_flag=True, help="不列出逾期未完成的事项。")
@click.option(
    "--all-overdue",
    is_flag=True,
    help="计划已结束（今天晚于计划年末和最后一个期限 30 天以上）时仍列出全部逾期事项；默认只用一行提示。",
)
@click.option(
    "--quiet-if-empty",
    is_flag=True,
    help="没有到期或逾期事项时什么也不输出（cron 不发空邮件）；有 -o FILE 时删除上次的文件（需 --force）。",
)
@click.option("--exit-code", is_flag=True, help="有到期或逾期未完成的事项时退出状态为 1。")
@click.option(
    "--register",
    metavar="FILE",
    envvar="GONGKAI_REGISTER",
    help="依申请公开登记簿，其中答复期限在本时段内和已逾期的申请一并列出（也可用环境变量 GONGKAI_REGISTER；"
    "默认的 ~/.local/share/gongkai/register.sqlite3 存在时也列出）。",
)
@click.option("--no-requests", is_flag=True, help="不列出依申请公开登记簿中的申请。")
@list_options
@plan_options
@common_options(formats=LIST_FORMATS)
def due_command(
    app: AppContext,
    plans: PlanSet,
    options: Options,
    span: Span | None,
    days: int | None,
    until: date | None,
    dept: tuple[str, ...],
    no_overdue: bool,
    all_overdue: bool,
    quiet_if_empty: bool,
    exit_code: bool,
    register: str | None,
    no_requests: bool,
    delivery: Delivery,
) -> None:
    """列出期限落在本周（或所选时段）的事项，另列逾期未完成的事项。

    计划印发之前（今天早于计划的 issued），该计划尚未生效：早于印发日的期限既不列为到期也不列为逾期，
    输出注明计划的印发日。计划年度结束 30 天后不再列出它的逾期事项，只用一行提示（--all-overdue 仍列出）。"""
    output, force, bom, mail_to, mail_from = delivery
    _check_format(app, output, mail_to, mail_from)
    resolved: Span = span or ("days" if days is not None else "until" if until is not None else "week")
    everything = hints.obligations(plans.obligations(app.calendar, options, today=app.today))
    report = due(
        _by_department(everything, plans, dept),
        app.today,
        window(resolved, app.today, days=days, until=until),
        app.calendar,
        overdue=not no_overdue,
    )
    report = report._replace(not_in_force=plans.not_in_force(app.today))
    ended = [] if all_overdue or no_overdue else _ended(plans, everything, app.today)
    if ended:
        # A plan whose time is over: its old duties are not this week's news.
        over = {id(item) for plan, _ in ended for item in plan.items}
        report = report._replace(
            overdue=tuple(e for e in report.overdue if id(e.obligation.item) not in over)
        )
        for plan, end in ended:
            click.echo(
                f"gongkai: 注意：{plan.title}（{plan.year} 年度）已于 {end.isoformat()} 结束，"
                "不再列出它的逾期事项；"
                "用 --tasks FILE 或环境变量 GONGKAI_TASKS 指向今年的计划，--all-overdue 仍列出全部逾期事项",
                err=True,
            )
    listed = pf.Listing(plans.plans, tuple(plan_key(p) for p in plans.plans))
    requests = None if no_requests else _due_requests(app, report, register)
    if not report.pending and not (requests and requests.pending) and quiet_if_empty:
        if output is not None:
            _remove_stale(output, force)
    elif app.fmt == "xlsx":
        from ..render.spreadsheet import xlsx

        _deliver_bytes(
            xlsx(plan_files.due_sheets(report) + (requests.sheets() if requests else [])), output, force
        )
    else:
        _emit_with_requests(
            requests,
            app.fmt,
            {
                "plain": lambda: pf.due_plain(report, listed.title),
                "json": lambda: pf.due_data(report),
                "table": lambda: plan_views.due_table(report, listed.title),
                "csv": lambda: plan_files.due_csv(report, bom=bom),
                "md": lambda: plan_files.due_md(report, listed.title),
                "ics": lambda: plan_files.due_ics(report, f"{listed.title}：到期事项", app.now),
                "email": lambda: _due_email(app, listed, resolved, report, mail_to, mail_from, requests),
            },
            output=output,
            force=force,
        )
    if exit_code and (report.pending or (requests and requests.pending)):
        click.get_current_context().exit(ExitStatus.DUE)


# -- the 依申请公开 register beside the plan's duties ---------------------------------------


def _due_requests(app: AppContext, report: DueReport, register: str | None) -> DueRequests | None:
    """The register's requests due in the window and overdue, when a register is given
    (--register, GONGKAI_REGISTER) or the default one exists; None otherwise. sqlite3 and
    the register's code are loaded only then."""
    from ..files.folders import data_folder

    path = register or os.path.join(data_folder(os.environ), "register.sqlite3")
    if not register and not os.path.exists(path):
        return None
    from .register import due_requests

    return due_requests(app, path, report.window.start, report.window.end)


def _emit_with_requests(requests: DueRequests | None, fmt: str, renderers: Renderers, **where: Any) -> None:
    """emit, with the register's block after the plan's part of each format."""
    emit(fmt, requests.around(renderers) if requests else renderers, **where)


def _ended(plans: PlanSet, obligations: list[Obligation], today: date) -> list[tuple[Plan, date]]:
    """The plans whose time is over today (query.plan_over), each with its end."""
    out = []
    for plan in plans.plans:
        items = {id(item) for item in plan.items}
        end = plan_end(plan.year, [ob for ob in obligations if id(ob.item) in items])
        if plan_over(today, end):
            out.append((plan, end))
    return out


def _due_email(
    app: AppContext,
    listed: pf.Listing,
    span: Span,
    report: DueReport,
    mail_to: str | None,
    mail_from: str | None,
    requests: DueRequests | None = None,
) -> str:
    from ..render import mail

    counts = (len(requests.inside), len(requests.late)) if requests is not None else (0, 0)
    subject = mail.due_subject(listed, span, report, counts)
    text, html = mail.due_text(listed, report), mail.due_html(listed, report, subject)
    if requests is not None:
        text, html = requests.email(text, html)
    return mail.message(subject, text, html, _envelope(app, mail_to, mail_from))


due_command.exclusive = (("span", "days", "until"),)  # type: ignore[attr-defined]


@main.command(
    epilog="""\b
示例：
  gongkai tasks                                      # 全部事项及其期限（含无固定期限的）
  gongkai tasks --dept 条法司                        # 条法司的，和交给各部门单位的
  gongkai tasks --format csv --bom -o 事项.csv --force   # Excel 直接打开
  gongkai tasks --format xlsx -o 事项.xlsx --force
  gongkai tasks --format ics -o 2016工作要点.ics --force
  gongkai tasks --tasks 我局2017年要点.yaml --tasks 上级要点.yaml --format json
"""
)
@dept_option
@list_options
@plan_options
@common_options(formats=LIST_FORMATS)
def tasks(
    app: AppContext,
    plans: PlanSet,
    options: Options,
    dept: tuple[str, ...],
    delivery: Delivery,
) -> None:
    """列出计划中的全部事项（期限、按期、事件触发、派生报告和无固定期限的）。"""
    output, force, bom, mail_to, mail_from = delivery
    _check_format(app, output, mail_to, mail_from)
    obligations = hints.obligations(_by_department(plans.obligations(app.calendar, options), plans, dept))
    listed = pf.Listing(plans.plans, tuple(plan_key(p) for p in plans.plans))
    if app.fmt == "xlsx":
        from ..render.spreadsheet import xlsx

        _deliver_bytes(xlsx(plan_files.tasks_sheets(listed, obligations)), output, force)
        return
    emit(
        app.fmt,
        {
            "plain": lambda: pf.tasks_plain(listed, obligations),
            "json": lambda: pf.tasks_data(listed, obligations),
            "table": lambda: plan_views.tasks_table(listed, obligations),
            "csv": lambda: plan_files.tasks_csv(listed, obligations, bom=bom),
            "md": lambda: plan_files.tasks_md(listed, obligations),
            "ics": lambda: plan_files.tasks_ics(listed, obligations, app.now),
            "email": lambda: _tasks_email(app, listed, obligations, mail_to, mail_from),
        },
        output=output,
        force=force,
    )


def _tasks_email(
    app: AppContext,
    listed: pf.Listing,
    obligations: list[Obligation],
    mail_to: str | None,
    mail_from: str | None,
) -> str:
    from ..render import mail

    subject = f"{listed.title}：全部事项 {len(obligations)} 项"
    return mail.message(
        subject,
        mail.tasks_text(listed, obligations),
        mail.tasks_html(listed, obligations, subject),
        _envelope(app, mail_to, mail_from),
    )


@main.command(
    epilog="""\b
示例：
  gongkai show 1.1a                                  # 全文、部门、期限写法、派生的报告和推算过程
  gongkai show 1.1a/report                           # 只推算派生的书面报告
  gongkai show 5.1.2@2016-06                         # 按月事项的一期
  gongkai show 4.1a --event 文件公开=2016-09-30
  gongkai show 1.1a --format md                      # Markdown，可贴进邮件或文档
  gongkai show tasks-2016:1.1a --tasks a.yaml --tasks b.yaml   # 多份计划时加简称
"""
)
@click.argument("item_id", metavar="ID")
@plan_options
@common_options(formats=("plain", "table", "json", "md"))
def show(app: AppContext, plans: PlanSet, options: Options, item_id: str) -> None:
    """显示一项工作：全文、牵头和负责部门、期限写法、派生的义务，以及逐日推算的期限。

    ID 为条目编号（如 1.1a、5.1.2、end.1），或一项义务的编号（如 1.1a/report、5.1.2@2016-06）；
    读多份计划时可写成 简称:编号（如 tasks-2016:1.1a）。
    """
    plan, item, local = plans.find(item_id)
    base = item.id
    prefix = plans.prefix(plan)
    obligations = [
        ob._replace(id=prefix + ob.id)
        for ob in hints.obligations(expand_item(plan, item, app.calendar, options, explain=True))
    ]
    explained: list[Obligation] = obligations
    if local != base:
        explained = [ob for ob in obligations if ob.id == prefix + local]
        if not explained:
            known = "、".join(ob.id for ob in obligations)
            raise InputError(f"条目 {base} 没有编号为“{item_id}”的义务；它的义务：{known}")
    emit(
        app.fmt,
        {
            "plain": lambda: pf.show_plain(item, obligations, explained),
            "json": lambda: pf.show_data(item, obligations, explained),
            "table": lambda: plan_views.show_table(item, obligations, explained),
            "md": lambda: plan_files.show_md(item, obligations, explained),
        },
    )


@main.command(
    epilog="""\b
示例：
  gongkai check                                      # 检查内置的 2016 年计划
  gongkai check 我局2017年要点.yaml                  # 每处问题一行：文件:行: 说明；有问题时退出状态 3
  gongkai check 我局要点.yaml 上级要点.yaml           # 多份计划，逐份检查
  GONGKAI_TASKS=我局2017年要点.yaml gongkai check --format json
"""
)
@click.argument(
    "files", nargs=-1, envvar="GONGKAI_TASKS", type=click.Path(dir_okay=True), metavar="[FILE]..."
)
@common_options(formats=("plain", "json"))
def check(app: AppContext, files: tuple[str, ...]) -> None:
    """检查计划文件 FILE（默认 GONGKAI_TASKS 或内置计划）：键、编号、期限写法、日期；
    列出全部问题，计划有效时给出摘要。完成日期晚于今天或早于计划印发日时给出提示（不算错误）。"""
    paths = [Path(f) for f in dict.fromkeys(files)] or [bundled_plan()]
    read = [read_plan(path) for path in paths]
    marks = [_review_marks(path) for path in paths]
    for path, found in zip(paths, marks, strict=True):
        for mark in found:
            click.echo(one_line(f"{path}:{mark.line}: 警告：待核对：{mark.message}"), err=True)
    bad = [problems for plan, problems in read if plan is None]
    for problems in bad:
        for problem in problems:
            click.echo(one_line(str(problem)), err=True)
    if bad:
        total = sum(len(p) for p in bad)
        raise InputError(f"计划无效：共 {total} 处问题", where=bad[0][0].file)
    from ..plan.progress import done_date_problems

    valid = [(plan, found) for (plan, _), found in zip(read, marks, strict=True) if plan is not None]
    PlanSet(tuple(plan for plan, _ in valid))  # two plans with one key are an error here too
    results = [
        (
            plan,
            hints.obligations(expand(plan, app.calendar), hints.CHECK_READINGS),
            found,
            done_date_problems(plan, app.today),
        )
        for plan, found in valid
    ]
    emit(
        app.fmt,
        {
            "plain": lambda: "\n".join(pf.check_plain(*result) for result in results),
            "json": lambda: (
                pf.check_data(*results[0])
                if len(results) == 1
                else {"plans": [pf.check_data(*result) for result in results]}
            ),
        },
    )


def _review_marks(path: Path) -> tuple[ReviewMark, ...]:
    """The 待核对 comments left in a plan file (none when it cannot be read: read_plan
    reports that)."""
    from ..plan.review import review_marks

    try:
        return review_marks(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return ()
