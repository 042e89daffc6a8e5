"""What every command shares: the context object, option bundles and parameter types."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..calendar.workdays import WorkCalendar
from ..errors import InputError
from ..phrases.dates import parse_date, parse_datetime, today_in, zone
from ..phrases.resolve import Options
from ..render.output import default_format

F = TypeVar("F", bound=Callable[..., Any])


if TYPE_CHECKING:
    _ParamType = click.ParamType[Any]  # generic in newer Click only
else:
    _ParamType = click.ParamType


class DateType(_ParamType):
    """2016-09-30, 2016/9/30, 20160930 or 2016年9月30日; a bad date is bad data (exit 3)."""

    name = "date"

    def __init__(self, with_time: bool = False) -> None:
        self.with_time = with_time

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, date):
            return value
        try:
            return parse_datetime(str(value)) if self.with_time else parse_date(str(value))
        except InputError as e:
            # An option is named (--from：…); an argument's placeholder ([DATE]) says nothing
            # the message does not.
            where = f"{param.opts[0]}：" if isinstance(param, click.Option) else ""
            raise InputError(f"{where}{e.message}") from None


DATE = DateType()
DATETIME = DateType(with_time=True)


class OneLineType(_ParamType):
    """Text written into a file as one line (a note, a label): a line break or another
    control character in it is a usage error (exit 2), never YAML structure."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from ..safetext import not_one_line

        problem = not_one_line(str(value))
        if problem is not None:
            self.fail(problem, param, ctx)
        return str(value)


ONE_LINE = OneLineType()


class AppContext:
    """State shared by one command run: the chosen format, today, and the calendar."""

    def __init__(
        self,
        fmt: str,
        today_option: date | None,
        calendar_files: tuple[str, ...] = (),
        provisional: bool = False,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.fmt = fmt
        self.today_option = today_option
        self.calendar_files = calendar_files
        self.provisional = provisional
        self.env: Mapping[str, str] = os.environ if env is None else env

    @cached_property
    def today(self) -> date:
        if self.today_option is not None:
            return self.today_option
        return today_in(datetime.now(UTC), zone(self.env.get("GONGKAI_TZ")))

    @cached_property
    def now(self) -> datetime:
        """This moment as wall-clock time in the zone (Beijing unless GONGKAI_TZ says
        otherwise), timezone-aware; GONGKAI_NOW (2016-07-01 14:30) pins it."""
        tz = zone(self.env.get("GONGKAI_TZ"))
        pinned = self.env.get("GONGKAI_NOW")
        if pinned:
            moment = parse_datetime(pinned)
            if not isinstance(moment, datetime):
                moment = datetime.combine(moment, datetime.min.time())
            return moment.replace(tzinfo=tz)
        now = datetime.now(UTC).astimezone(tz)
        if self.today_option is not None:  # --today with the clock's time of day
            return datetime.combine(self.today_option, now.timetz())
        return now

    @cached_property
    def calendar(self) -> WorkCalendar:
        """Built-in years, then calendar files (config folder, GONGKAI_CALENDAR, --calendar)."""
        from ..calendar.locations import calendar_paths

        paths = calendar_paths(self.calendar_files, self.env)
        if not paths:
            return WorkCalendar.default(provisional=self.provisional)
        from ..calendar.files import load_calendars

        return WorkCalendar.default(load_calendars(paths), provisional=self.provisional)


def common_options(formats: tuple[str, ...] = ("plain", "table", "json")) -> Callable[[F], F]:
    """--format, --today, --calendar and --provisional, taken by every command after its
    name; the command receives the AppContext they make as its first argument."""

    def decorator(f: F) -> F:
        @functools.wraps(f)
        def wrapper(
            *args: Any,
            fmt: str | None,
            today: date | None,
            calendar_files: tuple[str, ...],
            provisional: bool,
            **kwargs: Any,
        ) -> Any:
            chosen = fmt or default_format(sys.stdout)
            if chosen == "table" and "table" not in formats:
                chosen = "plain"
            app = AppContext(chosen, today, calendar_files, provisional)
            return f(app, *args, **kwargs)

        options = (
            click.option(
                "--format",
                "fmt",
                type=click.Choice(formats),
                help="输出格式：" + "、".join(formats) + _default_words(formats),
            ),
            click.option(
                "--today",
                type=DATE,
                envvar="GONGKAI_TODAY",
                help="把“今天”定为此日期（默认为北京时间的今天；也可用环境变量 GONGKAI_TODAY）。",
            ),
            click.option(
                "--calendar",
                "calendar_files",
                multiple=True,
                metavar="FILE",
                type=click.Path(dir_okay=True),
                help="加用日历文件（可重复；也读 GONGKAI_CALENDAR 和 ~/.config/gongkai/calendars/）。",
            ),
            click.option(
                "--provisional",
                is_flag=True,
                envvar="GONGKAI_PROVISIONAL",
                help="对尚无安排的年份按法定节日临时推算（结果标为临时），而不是报错。",
            ),
        )
        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper  # type: ignore[return-value]

    return decorator


def _default_words(formats: tuple[str, ...]) -> str:
    if "table" in formats:
        return "（终端上默认 table，管道与 cron 中默认 plain）。"
    return "（默认 plain）。"


def counting_options(f: F) -> F:
    """--rest-start, --roll and --before: the non-default readings of the counting rules,
    handed to the command as one ``options: Options``."""

    @functools.wraps(f)
    def wrapper(*args: Any, rest_start: str, roll: str, before: str, **kwargs: Any) -> Any:
        options = Options(rest_start=rest_start, roll=roll, before=before)  # type: ignore[arg-type]
        return f(*args, options=options, **kwargs)

    # Each option's first choice is the statutory reading, and the default.
    readings = (
        (
            "--rest-start",
            ("count", "next"),
            "起算日（或事件）在休息日时：count 照常从次日计数（法定读法）；next 视为下一个工作日起算。",
        ),
        (
            "--roll",
            ("none", "backward", "forward"),
            "规定日期（如 12月底前）落在休息日时：none 不移动只提示；backward 提前；forward 顺延。",
        ),
        ("--before", ("inclusive", "exclusive"), "“X月X日前”是否含当日。"),
    )
    for name, choices, text in reversed(readings):
        choice = click.Choice(choices)
        wrapper = click.option(name, type=choice, default=choices[0], show_default=True, help=text)(wrapper)
    return wrapper  # type: ignore[return-value]


def tasks_option(text: str) -> Callable[[F], F]:
    """--tasks FILE: repeatable, and read from GONGKAI_TASKS (several files separated as in
    PATH); ``text`` is the command's help for it."""
    return click.option(
        "--tasks",
        "tasks",
        multiple=True,
        type=click.Path(dir_okay=True),
        metavar="FILE",
        envvar="GONGKAI_TASKS",
        help=text,
    )


def output_options(f: F) -> F:
    """-o FILE and --force: one set for every command that writes a file."""
    from pathlib import Path

    f = click.option("--force", is_flag=True, help="-o 的文件已存在时覆盖它。")(f)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE",
        help="写入文件 FILE 而不是标准输出（先写临时文件再改名，不会留下写了一半的文件）。",
    )(f)
