"""The ``gongkai`` command group, and the one place where errors become messages."""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import click

from ..errors import CoverageError, ExitStatus, GongkaiError
from ..phrases.resolve import Note

if TYPE_CHECKING:
    from ..phrases.batch import BatchRow
    from ..phrases.resolve import Result
    from ..plan.obligations import Obligation

# Each command's module is imported only when that command runs (or --help lists it),
# so `gongkai deadline` pays for neither YAML nor the plan code: Click's lazy-loading
# pattern. The modules register their commands on `main` when imported.
LAZY_COMMANDS = {
    "deadline": "engine",
    "workdays": "engine",
    "day": "engine",
    "due": "plan",
    "tasks": "plan",
    "show": "plan",
    "check": "plan",
    "status": "plan",
    "done": "edit",
    "event": "edit",
    "plan": "extract",
    "calendar": "calendar",
}


class StrictCommand(click.Command):
    """A command whose options say when they conflict (exit 2, naming both), where Click
    would silently keep the last: an option that takes one value given twice, two flags
    of one choice (--week --month), or two options of an ``exclusive`` group (--days 3
    --week). ``exclusive`` lists groups of parameter names."""

    exclusive: tuple[tuple[str, ...], ...] = ()

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        by_name: dict[str, click.Option] = {}
        for param in self.get_params(ctx):
            if isinstance(param, click.Option):
                for opt in (*param.opts, *param.secondary_opts):
                    by_name[opt] = param
        used: dict[str, list[str]] = {}
        order: list[str] = []  # every option given, in order
        at = 0
        while at < len(args):
            word = args[at]
            if word == "--":
                break
            opt, eq, _ = word.partition("=") if word.startswith("--") else (word, "", "")
            option = by_name.get(opt)
            if option is not None and option.name is not None:
                used.setdefault(option.name, []).append(opt)
                order.append(opt)
                if not option.is_flag and not option.count and not eq:
                    at += 1  # its value, whatever it looks like
            at += 1
        for name, opts in used.items():
            param = next(p for p in by_name.values() if p.name == name)
            if len(opts) < 2 or param.multiple or param.count:
                continue
            other = next((o for o in opts[1:] if o != opts[0]), None)
            if other is not None:
                raise click.UsageError(f"{opts[0]} 与 {other} 只能选一个", ctx)
            if not param.is_flag:  # the same flag twice says the same thing twice
                raise click.UsageError(f"{opts[0]} 给了两次：只能给一次", ctx)
        for group in self.exclusive:
            given = list(dict.fromkeys(opt for opt in order if by_name[opt].name in group))
            if len(given) > 1:
                raise click.UsageError(f"{given[0]} 与 {given[1]} 只能选一个", ctx)
        return super().parse_args(ctx, args)


class StrictGroup(click.Group):
    """A group whose commands are StrictCommands (``plan extract``, ``calendar import`` …)."""

    command_class = StrictCommand


class GongkaiGroup(click.Group):
    """Loads commands lazily, and turns every GongkaiError into one line on stderr with
    its documented exit status: the one place where errors become messages."""

    command_class = StrictCommand
    group_class = StrictGroup

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = LAZY_COMMANDS.get(cmd_name)
        if module is not None and cmd_name not in self.commands:
            importlib.import_module(f"{__package__}.{module}")
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GongkaiError as e:
            click.echo(f"gongkai: 错误：{one_line(worded_error(e))}", err=True)
            ctx.exit(e.exit_code)
        except BrokenPipeError:
            # The reader went away (`gongkai tasks | head -1`): end quietly, as SIGPIPE would.
            _silence_stdout()
            ctx.exit(ExitStatus.PIPE_CLOSED)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Click's main, then standard output flushed here, where a reader that has gone
        (``gongkai tasks | head -1``) ends the run quietly. Click handles a broken pipe
        met while a command writes; this covers the flush at exit, which would otherwise
        print "Exception ignored … BrokenPipeError" and exit 120."""
        try:
            return super().main(*args, **kwargs)
        finally:
            _flush_stdout()


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's own flush at exit has nowhere
    to fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitStatus.PIPE_CLOSED)


# -- what the user can do: the core states facts (the year that is missing, the reading
# that was applied); only here are they joined to option and command names -------------

UNPUBLISHED_YEAR = (
    "国务院公布该年安排后，用 gongkai calendar import 导入通知全文；或加 --provisional 按法定节日作临时推算"
)

FORCE = "；确需覆盖请加 --force"

# Note.reading → the words put at Note.at.
READINGS = {
    "roll": "；可用 --roll backward 提前到此前最后一个工作日，或 --roll forward 顺延",
    "roll=backward": "按 --roll backward ",
    "roll=forward": "按 --roll forward ",
    "rest_start=next": "按 --rest-start next ",
    "before=exclusive": "按 --before exclusive，",
}


def worded_error(e: GongkaiError) -> str:
    """The error's message, with what to do about it."""
    from ..files.atomic import FileExists
    from ..plan.plan_file import PlanError

    if isinstance(e, CoverageError) and e.unpublished:
        return f"{e}{UNPUBLISHED_YEAR}"
    if isinstance(e, FileExists):
        return f"{e}{FORCE}"
    if isinstance(e, PlanError) and len(e.problems) > 1:
        return f"{e}（另有 {len(e.problems) - 1} 处问题，用 gongkai check 查看全部）"
    return str(e)


def worded_warning(text: str) -> str:
    if isinstance(text, Note) and text.reading in READINGS:
        return text[: text.at] + READINGS[text.reading] + text[text.at :]
    return text


def worded_result(r: Result) -> Result:
    return replace(r, warnings=tuple(map(worded_warning, r.warnings))) if r.warnings else r


def worded_obligations(obs: list[Obligation]) -> list[Obligation]:
    return [
        replace(
            ob,
            warnings=tuple(map(worded_warning, ob.warnings)),
            result=ob.result and worded_result(ob.result),
        )
        if ob.warnings
        else ob
        for ob in obs
    ]


def worded_row(row: BatchRow) -> BatchRow:
    if row.result is not None:
        return replace(row, result=worded_result(row.result), more=tuple(map(worded_result, row.more)))
    if isinstance(row.error, CoverageError) and row.error.unpublished:
        return replace(row, error=CoverageError(row.error.year, worded_error(row.error)))
    return row


_MESSAGE_MAX = 400  # characters: a message quotes what it could not read, never all of it
# A pattern string, compiled (and cached by re) the first time a message is shown: this
# character class takes about 0.2 ms to compile, which a run without errors need not pay.
_UNPRINTABLE = "[\x00-\x1f\x7f-\x9f\u2028\u2029]"


def one_line(message: str) -> str:
    """A message as one short line: line breaks become spaces, other control characters
    escapes, and a message that quotes too much of its input is cut."""

    def shown(match: re.Match[str]) -> str:
        char = match.group()
        return " " if char in "\r\n\u2028\u2029\x85" else f"\\x{ord(char):02x}"

    text = re.sub(_UNPRINTABLE, shown, message)
    return text if len(text) <= _MESSAGE_MAX else text[: _MESSAGE_MAX - 1] + "…"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    # Not click.version_option: its English default help text pulls gettext and locale
    # into every start (0.7 ms of a 12 ms budget), and the version is known here.
    if value and not ctx.resilient_parsing:
        from .. import __version__

        click.echo(f"gongkai {__version__}")
        ctx.exit()


EPILOG = """\b
示例：
  gongkai due --week                    # 每周一：本周到期和逾期的工作
  gongkai deadline "文件公开后3个工作日内" --from 2016-09-30 --explain
  gongkai workdays 2016-09-30 2016-10-10
  gongkai day 2016-10-08
  gongkai calendar 2016 10

\b
退出状态：0 完成；1 有到期或逾期事项（仅在 --exit-code 时）；2 用法错误；
3 输入数据有误（期限写法、日期、计划或日历文件、通知文本）；4 日期超出日历已知年份。
"""


@click.group(
    cls=GongkaiGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="显示版本并退出。",
)
def main() -> None:
    """gongkai：政务公开工作要点的期限与工作日计算器。

    按国务院节假日安排（含调休）计算“5个工作日内”“6月底前”等期限，并可逐日解释。
    """
