"""Usage errors in Chinese: one line ``gongkai: 错误：…`` and one hint line, exit status 2.

Click words its usage errors in English (translatable only through gettext catalogues and
the user's locale, which cron does not set), over four lines. They are reworded here from
the facts the exceptions carry; the rest keep Click's text inside the Chinese frame. Loaded
only when a usage error is met: a run without one does not pay for it.
"""

from __future__ import annotations

import re
from typing import Any

import click

from .main import one_line


class ChineseUsageError(click.UsageError):
    """A usage error shown as two lines: what is wrong, and what to do (``hint``, by
    default where the command's help is), exit status 2."""

    def __init__(self, message: str, ctx: click.Context | None = None, hint: str | None = None) -> None:
        super().__init__(message, ctx)
        self.hint = hint

    def show(self, file: Any = None) -> None:
        lines = [f"gongkai: 错误：{one_line(self.format_message())}"]
        hint = self.hint or help_pointer(self.ctx)
        if hint:
            lines.append(f"gongkai: 提示：{one_line(hint)}")
        click.echo("\n".join(lines), err=True)


def help_pointer(ctx: click.Context | None) -> str | None:
    """Where the help is: a hidden command's (``calendar month``) is its group's."""
    while ctx is not None and ctx.command.hidden and ctx.parent is not None:
        ctx = ctx.parent
    if ctx is None:
        return None
    return f"用 {ctx.command_path} --help 查看用法和示例"


def no_such_command(name: str, known: list[str]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(name, known, n=3, cutoff=0.5)
    hint = f"；是否要用 {'、'.join(close)}？" if close else f"；可用的命令：{'、'.join(known)}"
    return f"没有命令“{name}”{hint}"


def misplaced_option(
    group: click.Group, ctx: click.Context, option: str, args: list[str]
) -> ChineseUsageError | None:
    """``gongkai --format json due``: an option of the command given before it. The error
    says where it goes, with the command line written right; None when no command after
    it takes the option."""
    name = next((w for w in args if not w.startswith("-") and w in group.list_commands(ctx)), None)
    if name is None:
        return None
    command = group.get_command(ctx, name)
    param = _option_of(command, option) if command is not None else None
    if param is None:
        return None
    at = next((i for i, w in enumerate(args) if w == option or w.startswith(option + "=")), None)
    if at is None:
        return None
    taken = args[at : at + 1]
    if not param.is_flag and "=" not in args[at] and at + 1 < len(args) and args[at + 1] != name:
        taken = args[at : at + 2]
    right = " ".join(["gongkai", name, *taken])
    hint = f"用 gongkai {name} --help 查看用法和示例"
    return ChineseUsageError(f"选项 {option} 要写在命令之后：{right}", ctx, hint)


def _option_of(command: click.Command, opt: str) -> click.Option | None:
    """The option ``opt`` of ``command``, or of a subcommand when it is a group (calendar
    routes its options to the hidden month command)."""
    commands = [command, *getattr(command, "commands", {}).values()]
    for each in commands:
        for param in each.params:
            if isinstance(param, click.Option) and opt in (*param.opts, *param.secondary_opts):
                return param
    return None


_EXTRA = r"Got unexpected extra arguments? \((.*)\)"
_NO_COMMAND = r"No such command '(.*)'\."
_BAD_VALUE = r"""('.*?'|".*?") is not"""
_GIVEN = r"""^'?(.*?)'? is not"""
_NEEDS_VALUE = r"Option '(.*)' requires (?:an argument|\d+ arguments)\."

# What an argument is, for the messages that name it (its metavar is a placeholder).
NOUNS = {"year": "年份", "month": "月份"}


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _suggest_option(e: click.NoSuchOption) -> list[str]:
    """``--json`` → ``--format json``: a bare choice of one of the command's options given
    as an option; else Click's close matches."""
    word = e.option_name.lstrip("-")
    if e.ctx is not None:
        for param in e.ctx.command.params:
            choice = isinstance(param, click.Option) and isinstance(param.type, click.Choice)
            if choice and word in param.type.choices:  # type: ignore[attr-defined]
                return [f"{param.opts[0]} {word}"]
    return list(e.possibilities or ())


def chinese(e: click.UsageError) -> click.UsageError:
    """The same usage error, worded in Chinese."""
    no_args_is_help: type[Exception] = getattr(click.exceptions, "NoArgsIsHelpError", ChineseUsageError)
    if isinstance(e, (ChineseUsageError, no_args_is_help)):  # bare `gongkai`: its help
        return e
    message = e.message
    if isinstance(e, click.NoSuchOption):
        possible = _suggest_option(e)
        hint = f"；是否要用 {'、'.join(possible)}？" if possible else ""
        message = f"没有选项 {e.option_name}{hint}"
    elif isinstance(e, click.MissingParameter) and e.param is not None:
        param = e.param
        if isinstance(param, click.Argument):
            message = f"缺少参数 {param.human_readable_name}"
        else:
            message = f"缺少选项 {param.opts[0] if param.opts else param.name}"
    elif isinstance(e, click.BadParameter):
        message = _bad_parameter(e)
    elif match := re.fullmatch(_NEEDS_VALUE, message):
        message = f"选项 {match[1]} 需要一个值"
    elif match := re.fullmatch(_EXTRA, message):
        message = f"多余的参数：{match[1]}"
    elif match := re.fullmatch(_NO_COMMAND, message):
        group = e.ctx.command if e.ctx is not None else None
        known = group.list_commands(e.ctx) if isinstance(group, click.Group) and e.ctx else []
        message = no_such_command(match[1], known)
    elif not _has_chinese(message):
        message = f"用法有误：{message}"
    return ChineseUsageError(message, e.ctx)


def _bad_parameter(e: click.BadParameter) -> str:
    param = e.param
    param_type = param.type if param is not None else None
    if isinstance(param, click.Argument):
        hint = NOUNS.get(param.name or "", f"{param.human_readable_name} ")
    else:
        given = e.param_hint or (param.get_error_hint(e.ctx) if param is not None and e.ctx else "参数")
        hint = given if isinstance(given, str) else " / ".join(given)
    if isinstance(param_type, click.IntRange) and param_type.min is not None and param_type.max is not None:
        value = re.match(_GIVEN, e.message)
        shown = f"（给的是 {value[1]}）" if value else ""
        name = hint if isinstance(param, click.Argument) else f"{param.opts[0]} " if param else hint
        return f"{name}应为 {param_type.min} 到 {param_type.max} 的整数{shown}"
    if _has_chinese(e.message):  # the parameter's type worded it
        return f"{hint}：{e.message}"
    value = re.match(_BAD_VALUE, e.message)
    shown = f"的取值 {value[1]} 无效，" if value else ""
    if isinstance(param_type, click.Choice):
        choices = "、".join(str(c) for c in param_type.choices)
        return f"{hint} {shown}应为 {choices} 之一"
    if isinstance(param_type, click.types.IntParamType):
        return f"{hint} {shown}应为整数"
    return f"{hint}：{e.message}"
