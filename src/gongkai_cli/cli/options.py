"""What every command shares: the context object, option bundles and parameter types."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..dates import parse_date, parse_datetime, today_in, zone
from ..errors import InputError
from ..output import default_format
from ..workcal import WorkCalendar

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
            where = f"{param.get_error_hint(ctx)}：" if param is not None and ctx is not None else ""
            raise InputError(f"{where}{e.message}") from None


DATE = DateType()
DATETIME = DateType(with_time=True)


@dataclass
class AppContext:
    """State shared by one command run: the chosen format, today, and the calendar."""

    fmt: str
    today_option: date | None
    calendar_files: tuple[Path, ...] = ()
    provisional: bool = False
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))

    @cached_property
    def today(self) -> date:
        if self.today_option is not None:
            return self.today_option
        return today_in(datetime.now(UTC), zone(self.env.get("GONGKAI_TZ")))

    @cached_property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar.default(provisional=self.provisional)


def common_options(formats: tuple[str, ...] = ("plain", "table", "json")) -> Callable[[F], F]:
    """--format and --today, taken by every command after its name; the command
    receives the AppContext they make as its first argument."""

    def decorator(f: F) -> F:
        @functools.wraps(f)
        def wrapper(*args: Any, fmt: str | None, today: date | None, **kwargs: Any) -> Any:
            app = AppContext(fmt or default_format(sys.stdout), today)
            return f(app, *args, **kwargs)

        options = (
            click.option(
                "--format",
                "fmt",
                type=click.Choice(formats),
                help="输出格式：" + "、".join(formats) + "（终端上默认 table，管道与 cron 中默认 plain）。",
            ),
            click.option(
                "--today",
                type=DATE,
                envvar="GONGKAI_TODAY",
                help="把“今天”定为此日期（默认为北京时间的今天；也可用环境变量 GONGKAI_TODAY）。",
            ),
        )
        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper  # type: ignore[return-value]

    return decorator
