"""The ``gongkai`` command group, and the one place where errors become messages."""

from __future__ import annotations

import errno
import importlib
import io
import os
import re
import sys
from typing import Any, NoReturn

import click

from ..errors import ExitStatus, GongkaiError
from .startup import resume_collector

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
    "status": "status",
    "done": "edit",
    "event": "edit",
    "plan": "extract",
    "calendar": "calendar",
    "request": "register",
}


class GongkaiContext(click.Context):
    """A context whose help is in Chinese and fits the terminal by display width: the
    formatter (cli/helptext.py) is imported only when help is printed."""

    def make_formatter(self) -> click.HelpFormatter:
        from .helptext import ChineseHelpFormatter

        return ChineseHelpFormatter(width=self.terminal_width, max_width=self.max_content_width)


def _help_option(option: click.Option | None) -> click.Option | None:
    if option is not None:
        option.help = "显示帮助并退出。"
    return option


def _short_help(command: click.Command) -> str:
    from .helptext import short_help

    return short_help(command)


class StrictCommand(click.Command):
    """A command whose options say when they conflict (exit 2, naming both), where Click
    would silently keep the last: an option that takes one value given twice, two flags
    of one choice (--week --month), or two options of an ``exclusive`` group (--days 3
    --week). ``exclusive`` lists groups of parameter names."""

    exclusive: tuple[tuple[str, ...], ...] = ()
    context_class = GongkaiContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _help_option(super().get_help_option(ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        return _short_help(self)

    def invoke(self, ctx: click.Context) -> Any:
        resume_collector()  # start-up is over (startup.py)
        return super().invoke(ctx)

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
    """A group whose commands are StrictCommands (``plan extract``, ``calendar import`` …),
    with help as theirs."""

    command_class = StrictCommand
    context_class = GongkaiContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _help_option(super().get_help_option(ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        return _short_help(self)


class GongkaiGroup(StrictGroup):
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

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if not ctx.resilient_parsing and not name.startswith("-") and self.get_command(ctx, name) is None:
            from .usage import ChineseUsageError, no_such_command

            raise ChineseUsageError(no_such_command(name, self.list_commands(ctx)), ctx)
        return super().resolve_command(ctx, args)

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as e:
            from .usage import chinese

            raise chinese(e) from None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)  # Click's parser consumes the list
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as e:  # `gongkai --format json due`: say where it goes
            from .usage import misplaced_option

            raise misplaced_option(self, ctx, e.option_name, given) or e from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as e:
            from .usage import chinese

            raise chinese(e) from None
        except GongkaiError as e:
            from . import hints

            _fail(ctx, one_line(hints.error(e)), e.exit_code)
        except BrokenPipeError:
            # The reader went away (`gongkai tasks | head -1`): end quietly, as SIGPIPE would.
            _silence_stdout()
            ctx.exit(ExitStatus.PIPE_CLOSED)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except (OSError, UnicodeEncodeError) as e:
            if not _is_output_error(e):
                _fail(ctx, _internal(e), ExitStatus.INTERNAL)
            _silence_stdout()
            _fail(ctx, _output_message(e), ExitStatus.OUTPUT)
        except Exception as e:  # a bug: one line asking for a report, never a traceback
            _fail(ctx, _internal(e), ExitStatus.INTERNAL)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Click's main, then standard output flushed here, where a reader that has gone
        (``gongkai tasks | head -1``) ends the run quietly. Click handles a broken pipe
        met while a command writes; this covers the flush at exit, which would otherwise
        print "Exception ignored … BrokenPipeError" and exit 120. A closed standard
        output (``>&-``) is an output error when something is written to it."""
        if sys.stdout is None:
            sys.stdout = _ClosedOutput()
        try:
            return super().main(*args, **kwargs)
        except (OSError, UnicodeEncodeError) as e:  # writing the group's --help or --version
            if not _is_output_error(e):
                raise
            _silence_stdout()
            click.echo(f"gongkai: 错误：{_output_message(e)}", err=True)
            sys.exit(ExitStatus.OUTPUT)
        finally:
            resume_collector()  # also after --help, --version or a usage error
            _flush_stdout()


def _fail(ctx: click.Context, message: str, code: int) -> NoReturn:
    click.echo(f"gongkai: 错误：{message}", err=True)
    ctx.exit(code)


def _internal(error: BaseException) -> str:
    detail = one_line(f"{type(error).__name__}: {error}")
    return f"内部错误（{detail}）。这是 gongkai 的缺陷，请报告：附上所用命令和输入文件"


def _is_output_error(error: OSError | UnicodeEncodeError) -> bool:
    """An error met writing standard output: encoding it, or the write itself."""
    if isinstance(error, UnicodeEncodeError):
        return True
    return error.filename is None and error.errno in _OUTPUT_ERRNOS


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}


def _output_message(error: OSError | UnicodeEncodeError) -> str:
    if isinstance(error, UnicodeEncodeError):
        return (
            f"输出编码 {error.encoding} 无法表示中文，结果未能写出："
            "请设置 PYTHONIOENCODING=utf-8 或使用 UTF-8 的语言环境（如 LANG=C.UTF-8）"
        )
    if error.errno == errno.EBADF:
        return "标准输出已关闭，结果未能写出：请把输出重定向到文件，或用 -o 指定文件"
    return f"结果未能写出（{error.strerror}）：请检查磁盘空间或输出位置"


class _ClosedOutput(io.TextIOBase):
    """Standard output when the process started without one: writing is an error."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "标准输出已关闭")

    def isatty(self) -> bool:
        return False


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's own flush at exit has nowhere
    to fail."""
    try:
        fileno = sys.stdout.fileno()
    except (OSError, ValueError):  # io.UnsupportedOperation: no descriptor (a test's stream)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitStatus.PIPE_CLOSED)
    except (OSError, UnicodeEncodeError) as e:
        _silence_stdout()
        click.echo(f"gongkai: 错误：{_output_message(e)}", err=True)
        sys.exit(ExitStatus.OUTPUT)


_MESSAGE_MAX = 400  # characters: a message quotes what it could not read, never all of it
# A pattern string, compiled (and cached by re) the first time a message is shown: a
# run without errors need not pay for compiling it.
_LINE_BREAKS = "[\r\n\u2028\u2029\x85]+"


def one_line(message: str) -> str:
    """A message as one short line: line breaks become spaces, other control characters
    their pictures (safetext), and a message that quotes too much of its input is cut."""
    from ..safetext import visible

    text = visible(re.sub(_LINE_BREAKS, " ", message))
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
  gongkai help due                      # 同 gongkai due --help

\b
退出状态：0 完成；1 有到期或逾期事项（仅在 --exit-code 时）；2 用法错误；
3 输入数据有误（期限写法、日期、计划或日历文件、通知文本）；4 日期超出日历已知年份；
70 内部错误（请报告）；74 结果未能写出（磁盘满、输出已关闭、输出编码不支持中文）。
"""


@click.group(
    cls=GongkaiGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
)
@click.option(
    "-V",
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


@main.command(
    "help",
    epilog="""\b
示例：
  gongkai help                  # 同 gongkai --help
  gongkai help due
  gongkai help calendar import
""",
)
@click.argument("names", nargs=-1, metavar="[COMMAND]...")
@click.pass_context
def help_command(ctx: click.Context, names: tuple[str, ...]) -> None:
    """显示 gongkai 或命令 COMMAND 的帮助（同 gongkai COMMAND --help）。"""
    parent = ctx.parent
    assert parent is not None
    command: click.Command = parent.command
    for name in names:
        found = command.get_command(parent, name) if isinstance(command, click.Group) else None
        if found is None:
            known = command.list_commands(parent) if isinstance(command, click.Group) else []
            from .usage import ChineseUsageError, help_pointer, no_such_command

            raise ChineseUsageError(no_such_command(name, known), ctx, help_pointer(parent))
        parent = found.context_class(found, info_name=name, parent=parent)
        command = found
    click.echo(command.get_help(parent))
