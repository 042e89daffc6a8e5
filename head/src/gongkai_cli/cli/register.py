"""`gongkai request …`: the 依申请公开 register. Each command parses its options, reads or
appends to the register (register.store), counts (register.counting) and hands the
answer to render.register / render.annual. sqlite3 is loaded only here."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..errors import InputError
from ..register.counting import PAUSE_REASONS, Event, Reckoned, check, reckon, reckon_all
from ..register.vocabulary import APPLICANTS, CHANNELS, NATURAL_PERSON, result_name
from ..render import register as rf
from ..render.output import emit
from .main import StrictGroup, main
from .options import DATE, AppContext, common_options, output_options

if TYPE_CHECKING:
    from ..register.store import Register

F = TypeVar("F", bound=Callable[..., Any])

GROUP_REGISTER = "gongkai.register"  # the group's --register, in the context's meta
REGISTER_HELP = (
    "登记簿文件（SQLite；也可用环境变量 GONGKAI_REGISTER）。默认为数据文件夹中的 "
    "gongkai/register.sqlite3：数据文件夹是 $XDG_DATA_HOME，未设置时为 ~/.local/share 。"
)


def register_path(given: str | None) -> str:
    """The command's --register, else the group's (`gongkai request --register FILE add`),
    else GONGKAI_REGISTER, else the default file under the data folder."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        from click.core import ParameterSource

        group = ctx.meta.get(GROUP_REGISTER)
        if group and ctx.get_parameter_source("register") is not ParameterSource.COMMANDLINE:
            return str(group)
    if given:
        return given
    from ..register.store import default_path

    return default_path(os.environ)


def register_option(f: F) -> F:
    return click.option(
        "--register", "register", metavar="FILE", envvar="GONGKAI_REGISTER", help=REGISTER_HELP
    )(f)


def open_register(given: str | None, *, create: bool = False) -> Register:
    from ..register.store import Register

    return Register(register_path(given), create=create)


def _xlsx(data_sheets: list[Any], output: Path | None, force: bool) -> None:
    if output is None:
        raise click.UsageError("--format xlsx 需要 -o FILE（表格文件不写到终端）")
    from ..files.atomic import write_atomic
    from ..render.spreadsheet import xlsx

    write_atomic(output, xlsx(data_sheets), force=force)


@main.group(
    "request",
    cls=StrictGroup,
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --id 2024-0001 --register 登记簿.sqlite3
  gongkai request list --register 登记簿.sqlite3 --today 2024-10-21
""",
)
@register_option
@click.pass_context
def request_group(ctx: click.Context, register: str | None) -> None:
    """依申请公开登记簿：每件政府信息公开申请的答复期限（补正、征求意见、延长），及年度报告的统计表。

    按《政府信息公开条例》第三十条至第三十三条计算（2019-05-15 前收到的按 2007 年条例）。

    每件申请的经过只追加、不改写。规则见 docs/counting-rules.md §10，命令与文件结构见 docs/register.md。"""
    if register and ctx.get_parameter_source("register") is click.core.ParameterSource.COMMANDLINE:
        ctx.meta[GROUP_REGISTER] = register


def _record(app: AppContext, register: str | None, request_id: str, event: Event) -> Reckoned:
    """Append ``event`` to the request's history, checked and counted first, in one write
    transaction: nothing is written when it is refused."""
    store = open_register(register)
    try:
        with store.write() as db:
            history = store.history(db, request_id)
            check(history, event)
            reckoning = reckon([*history, event], app.calendar)
            store.append(db, request_id, event)
        return Reckoned(store.request(request_id), reckoning)
    finally:
        store.close()


def _answer(app: AppContext, done: Reckoned, headline: str) -> None:
    emit(
        app.fmt,
        {
            "plain": lambda: headline + "\n" + _state_line(app, done),
            "json": lambda: rf.request_data(done, app.today),
        },
    )


def _state_line(app: AppContext, done: Reckoned) -> str:
    k = done.reckoning
    assert k is not None
    if k.due is not None and k.state == "open":
        line = f"答复期限：{rf._day(k.due)}（{rf.state_words(done, app.today)}）"
    elif k.remaining is not None:
        line = f"暂停（{k.pause_reason}）：恢复后还有 {k.remaining} 个工作日"
    else:
        line = f"状态：{rf.state_words(done, app.today)}" + (
            f"，答复期限为 {k.due.isoformat()}" if k.due else ""
        )
    return "\n".join([line, *(f"注意：{w}" for w in k.warnings)])


@request_group.command(
    "add",
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --register 登记簿.sqlite3
  gongkai request add --received 2024-09-20 --id 2024-0002 --applicant 商业企业 --channel 网络 \\
    --subject 2023年度财政预算执行情况 --register 登记簿.sqlite3
""",
)
@click.option(
    "--received",
    type=DATE,
    required=True,
    metavar="DATE",
    help="收到申请之日（第三十一条：按申请方式确定）。",
)
@click.option("--id", "request_id", metavar="ID", help="申请编号（默认按收到年份编为 YYYY-NNNN）。")
@click.option(
    "--applicant",
    type=click.Choice(APPLICANTS),
    default=NATURAL_PERSON,
    show_default=True,
    metavar="TYPE",
    help="申请人类型（年度报告表的列）：" + "、".join(APPLICANTS) + "。",
)
@click.option(
    "--channel",
    type=click.Choice(CHANNELS),
    default="其他",
    show_default=True,
    metavar="WAY",
    help="申请方式：" + "、".join(CHANNELS) + "。",
)
@click.option("--subject", default="", metavar="TEXT", help="申请内容。")
@register_option
@common_options()
def add_command(
    app: AppContext,
    received: date,
    request_id: str | None,
    applicant: str,
    channel: str,
    subject: str,
    register: str | None,
) -> None:
    """登记一件新收到的政府信息公开申请，给出答复期限。"""
    if request_id is not None and not request_id.strip():
        raise InputError("--id 不能为空")
    reckoning = reckon([Event("received", received)], app.calendar)  # the year is known before writing
    store = open_register(register, create=True)
    try:
        with store.write() as db:
            new_id = store.add(db, request_id and request_id.strip(), received, applicant, channel, subject)
        done = Reckoned(store.request(new_id), reckoning)
    finally:
        store.close()
    _answer(app, done, f"已登记申请 {new_id}：收到 {received.isoformat()}")


@request_group.command(
    "pause",
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --id 2024-0001 --register 登记簿.sqlite3
  gongkai request pause 2024-0001 --reason 第三方 --date 2024-10-08 --register 登记簿.sqlite3
""",
)
@click.argument("request_id", metavar="ID")
@click.option(
    "--reason",
    type=click.Choice(PAUSE_REASONS),
    required=True,
    help="补正（第三十条）、征求第三方意见（第三十二条）或征求其他机关意见（第三十三条第三款）。",
)
@click.option(
    "--date", "day", type=DATE, required=True, metavar="DATE", help="告知补正或发出征求意见函之日。"
)
@register_option
@common_options()
def pause_command(app: AppContext, request_id: str, reason: str, day: date, register: str | None) -> None:
    """记录期限暂停：告知补正，或征求第三方、其他机关的意见。"""
    done = _record(app, register, request_id, Event("pause", day, reason))
    _answer(app, done, f"申请 {request_id}：{day.isoformat()} 暂停（{reason}）")


@request_group.command(
    "resume",
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --id 2024-0001 --register 登记簿.sqlite3
  gongkai request pause 2024-0001 --reason 补正 --date 2024-09-25 --register 登记簿.sqlite3
  gongkai request resume 2024-0001 --date 2024-10-09 --register 登记簿.sqlite3
""",
)
@click.argument("request_id", metavar="ID")
@click.option(
    "--date", "day", type=DATE, required=True, metavar="DATE", help="收到补正后的申请或收到意见之日。"
)
@register_option
@common_options()
def resume_command(app: AppContext, request_id: str, day: date, register: str | None) -> None:
    """记录暂停结束：收到补正后的申请（重新计算），或收到第三方、其他机关的意见（顺延）。"""
    done = _record(app, register, request_id, Event("resume", day))
    _answer(app, done, f"申请 {request_id}：{day.isoformat()} 恢复计算")


@request_group.command(
    "extend",
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --id 2024-0001 --register 登记簿.sqlite3
  gongkai request extend 2024-0001 --date 2024-10-21 --register 登记簿.sqlite3
""",
)
@click.argument("request_id", metavar="ID")
@click.option("--date", "day", type=DATE, required=True, metavar="DATE", help="告知申请人延长之日。")
@register_option
@common_options()
def extend_command(app: AppContext, request_id: str, day: date, register: str | None) -> None:
    """记录延长答复期限（第三十三条第二款：经批准并告知申请人，最长 20 个工作日）。"""
    done = _record(app, register, request_id, Event("extend", day))
    _answer(app, done, f"申请 {request_id}：{day.isoformat()} 延长答复期限")


@request_group.command(
    "reply",
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --id 2024-0001 --register 登记簿.sqlite3
  gongkai request reply 2024-0001 --date 2024-10-18 --result 予以公开 --register 登记簿.sqlite3
  gongkai request add --received 2024-09-20 --id 2024-0002 --register 登记簿.sqlite3
  gongkai request reply 2024-0002 --date 2024-10-18 --result 不予公开：属于国家秘密 --register 登记簿.sqlite3
""",
)
@click.argument("request_id", metavar="ID")
@click.option("--date", "day", type=DATE, required=True, metavar="DATE", help="答复之日。")
@click.option(
    "--result",
    required=True,
    metavar="R",
    help="办理结果，按年度报告表：予以公开、部分公开，或 类别：理由（如 不予公开：属于国家秘密、"
    "无法提供：本机关不掌握相关政府信息、不予处理：重复申请）；理由唯一时可只写理由。",
)
@register_option
@common_options()
def reply_command(app: AppContext, request_id: str, day: date, result: str, register: str | None) -> None:
    """记录答复及办理结果。"""
    done = _record(app, register, request_id, Event("reply", day, result_name(result)))
    _answer(app, done, f"申请 {request_id}：{day.isoformat()} 答复")


@request_group.command(
    "abandon",
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --id 2024-0001 --register 登记簿.sqlite3
  gongkai request pause 2024-0001 --reason 补正 --date 2024-09-25 --register 登记簿.sqlite3
  gongkai request abandon 2024-0001 --date 2024-11-01 --register 登记簿.sqlite3
""",
)
@click.argument("request_id", metavar="ID")
@click.option("--date", "day", type=DATE, required=True, metavar="DATE", help="不再处理之日。")
@register_option
@common_options()
def abandon_command(app: AppContext, request_id: str, day: date, register: str | None) -> None:
    """记录申请人逾期未补正、视为放弃申请（第三十条；年度报告计入 其他处理）。"""
    done = _record(app, register, request_id, Event("abandon", day))
    _answer(app, done, f"申请 {request_id}：{day.isoformat()} 视为放弃")


@request_group.command(
    "list",
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --id 2024-0001 --register 登记簿.sqlite3
  gongkai request list --register 登记簿.sqlite3 --today 2024-10-21
  gongkai request list --open --format json --register 登记簿.sqlite3
  gongkai request list --format csv --bom --register 登记簿.sqlite3 > 台账.csv
  gongkai request list --format xlsx -o 台账.xlsx --force --register 登记簿.sqlite3
""",
)
@click.option("--open", "only_open", is_flag=True, help="只列出未办结（未答复、未视为放弃）的申请。")
@click.option("--bom", is_flag=True, help="CSV 以 UTF-8 BOM 开头，Excel 双击打开时中文不乱码。")
@output_options
@register_option
@common_options(formats=("table", "plain", "json", "csv", "xlsx", "md"))
def list_command(
    app: AppContext, only_open: bool, bom: bool, output: Path | None, force: bool, register: str | None
) -> None:
    """列出登记簿中的申请：收到日期、答复期限、状态和结果（csv/xlsx 的列可由 request import 读回）。"""
    store = open_register(register)
    try:
        requests = store.requests()
    finally:
        store.close()
    reckoned = reckon_all(requests, app.calendar)
    if only_open:
        reckoned = [r for r in reckoned if r.reckoning is None or r.reckoning.state in ("open", "paused")]
    if app.fmt == "xlsx":
        _xlsx(rf.list_sheets(reckoned), output, force)
        return
    emit(
        app.fmt,
        {
            "plain": lambda: rf.list_plain(reckoned, app.today),
            "table": lambda: rf.list_table(reckoned, app.today),
            "json": lambda: rf.list_data(reckoned, app.today),
            "csv": lambda: rf.list_csv(reckoned, bom=bom),
            "md": lambda: rf.list_md(reckoned, app.today),
        },
        output=output,
        force=force,
    )


@request_group.command(
    "show",
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --id 2024-0001 --register 登记簿.sqlite3
  gongkai request pause 2024-0001 --reason 第三方 --date 2024-10-08 --register 登记簿.sqlite3
  gongkai request resume 2024-0001 --date 2024-10-21 --register 登记簿.sqlite3
  gongkai request show 2024-0001 --explain --register 登记簿.sqlite3
""",
)
@click.argument("request_id", metavar="ID")
@click.option("--explain", is_flag=True, help="逐日列出计入和不计入期限的工作日，并注明依据的条款。")
@register_option
@common_options(formats=("plain", "table", "json"))
def show_command(app: AppContext, request_id: str, explain: bool, register: str | None) -> None:
    """显示一件申请的经过、答复期限和推算步骤。"""
    store = open_register(register)
    try:
        request = store.request(request_id)
    finally:
        store.close()
    done = Reckoned(request, reckon(request.events, app.calendar))
    emit(
        app.fmt,
        {
            "plain": lambda: rf.show_plain(done, app.today, app.calendar, explain),
            "table": lambda: rf.show_table(done, app.today, app.calendar, explain),
            "json": lambda: rf.show_data(done, app.today, app.calendar, explain),
        },
    )


@request_group.command(
    "report",
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --id 2024-0001 --register 登记簿.sqlite3
  gongkai request report --year 2024 --register 登记簿.sqlite3
  gongkai request report --year 2024 --format json --register 登记簿.sqlite3
  gongkai request report --year 2024 --format xlsx -o 2024年度报告表.xlsx --force --register 登记簿.sqlite3
""",
)
@click.option("--year", type=int, required=True, metavar="Y", help="报告年度。")
@output_options
@register_option
@common_options(formats=("table", "plain", "json", "md", "xlsx"))
def report_command(
    app: AppContext, year: int, output: Path | None, force: bool, register: str | None
) -> None:
    """年度报告的「收到和处理政府信息公开申请情况」表（国办公开办函〔2021〕30号的格式）。"""
    from ..register.annual import annual_table
    from ..render import annual as af

    if not 1 <= year <= 9999:
        raise InputError(f"年度 {year} 无效")
    store = open_register(register)
    try:
        table = annual_table(store.requests(), year)
    finally:
        store.close()
    if app.fmt == "xlsx":
        _xlsx(af.report_sheets(table), output, force)
        return
    emit(
        app.fmt,
        {
            "plain": lambda: af.report_plain(table),
            "table": lambda: af.report_table(table),
            "json": lambda: af.report_data(table),
            "md": lambda: af.report_md(table),
        },
        output=output,
        force=force,
    )


def _parse_columns(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    from ..register.ledger import FIELDS

    out: dict[str, str] = {}
    for value in values:
        field, sep, header = value.partition("=")
        if not sep or field.strip() not in FIELDS or not header.strip():
            raise click.BadParameter(f"“{value}”应写成 字段=列名，字段为 {'、'.join(FIELDS)} 之一")
        out[field.strip()] = header.strip()
    return out


@request_group.command(
    "import",
    epilog="""\b
示例：
  gongkai request add --received 2024-09-20 --id 2024-0001 --register 登记簿.sqlite3
  gongkai request list --format csv --register 登记簿.sqlite3 > 台账.csv
  gongkai request import 台账.csv --register 新登记簿.sqlite3
  gongkai request import 台账.csv --column received=收到日期 --register 另一登记簿.sqlite3
""",
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="FIELD=HEADER",
    callback=_parse_columns,
    help="指定某字段所在的列（按表头），如 received=来件日期；字段：id、received、applicant、channel、"
    "subject、correction_asked、correction_received、extended、replied、result、abandoned。可多次给出。",
)
@register_option
@common_options()
def import_command(app: AppContext, file: Path, columns: dict[str, str], register: str | None) -> None:
    """从已有台账（.xlsx 或 .csv）导入申请；有任何一行无法读取时列出行号，什么也不导入。"""
    from ..register.ledger import read_ledger

    if not file.is_file():
        raise InputError("台账文件不存在", where=str(file))
    rows = read_ledger(file, columns)
    for row in rows:  # every year counted before anything is written
        reckon(row.events, app.calendar)
    store = open_register(register, create=True)
    added: list[str] = []
    try:
        with store.write() as db:
            bad = []
            for row in rows:
                try:
                    added.append(
                        store.add(db, row.id, row.events[0].day, row.applicant, row.channel, row.subject)
                    )
                except InputError as e:
                    bad.append(f"第 {row.line} 行：{e.message}")
                    continue
                for event in row.events[1:]:
                    store.append(db, added[-1], event)
            if bad:
                raise InputError(
                    f"{len(bad)} 行无法导入，未导入任何申请：{'；'.join(bad[:5])}", where=str(file)
                )
    finally:
        store.close()
    emit(
        app.fmt,
        {"plain": lambda: f"已导入 {len(added)} 件申请", "json": lambda: {"imported": added}},
    )


def due_requests(app: AppContext, path: str, start: date, end: date) -> rf.DueRequests:
    """For ``due``: the open requests whose reply date falls in [start, end], and those
    overdue, from the register at ``path``."""
    from ..register.counting import pending

    store = open_register(path)
    try:
        requests = store.requests(open_only=True)
    finally:
        store.close()
    reckoned = reckon_all(requests, app.calendar)
    waiting = [r for r in reckoned if r.reckoning is None]
    if waiting:  # never left out silently
        from .hints import UNPUBLISHED_YEAR

        ids = "、".join(r.request.id for r in waiting[:5]) + ("等" if len(waiting) > 5 else "")
        years = "、".join(str(y) for y in sorted({r.missing_year for r in waiting if r.missing_year}))
        click.echo(
            f"gongkai: 注意：{len(waiting)} 件申请（{ids}）的答复期限需要 {years} 年的节假日安排，未能列出；"
            + UNPUBLISHED_YEAR,
            err=True,
        )
    inside, late = pending(reckoned, app.today, start, end, app.calendar)
    return rf.DueRequests(inside, late)
