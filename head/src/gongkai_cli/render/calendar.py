"""Formatters for ``gongkai calendar``: month grids and the covered years. They only format.

JSON of ``gongkai calendar [YEAR [MONTH]]``: a list of days in date order, each
``{"date": "2016-10-08", "weekday": "星期六", "workday": true, "kind": "makeup_workday",
"name": "国庆节", "provisional": false}``; ``kind`` is one of ``workday``, ``rest``
(weekend), ``holiday`` (a named rest day) and ``makeup_workday`` (调休上班); ``name`` is
the holiday's name for the last two and null otherwise.

JSON of ``gongkai calendar years``: ``{"provisional": bool, "years": [{"year": 2016,
"origin": "builtin" | "file", "source": text, "path": path or null}, …]}``;
``provisional`` says whether other years are answered provisionally (--provisional).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING, Any

from ..calendar.months import Month
from ..calendar.workdays import HOLIDAY, MAKEUP_WORKDAY, REST, DayInfo
from . import deadlines as formatters
from .deadlines import pad

if TYPE_CHECKING:
    from rich.console import RenderableType

WEEK_HEADER = ("一", "二", "三", "四", "五", "六", "日")
MARKS = {HOLIDAY: "休", MAKEUP_WORKDAY: "班"}
LEGEND = "图例：休 节假日放假；班 调休上班（周末上班）；六、日两列无标记的为周末休息日"
PROVISIONAL_MONTH_NOTE = (
    "注意：此月尚无国务院公布的安排，按法定节日临时推算，没有调休（临时结果，provisional）"
)
ORIGIN_LABELS = {"builtin": "内置", "file": "文件"}
_CELL = 4  # columns of one day in the plain grid: "dd" plus a two-column mark


@dataclass(frozen=True)
class CoveredYear:
    """A year the calendar knows, and where its arrangement comes from."""

    year: int
    origin: str  # "builtin" or "file"
    source: str  # "chinese-calendar 1.11.0", or the notice a file cites
    path: str | None = None  # the calendar file


# -- month grids ---------------------------------------------------------------------------


def day_data(info: DayInfo) -> dict[str, Any]:
    """The ``day`` command's keys, and the weekday for a grid."""
    return {**formatters.day_data(info), "weekday": info.weekday}


def months_data(months: Sequence[Month]) -> list[dict[str, Any]]:
    return [day_data(d) for m in months for d in m.days]


def _month_day(day: date) -> str:
    return day.strftime("%m-%d")


def _runs(days: list[date]) -> str:
    """10-01 至 10-07、10-09: consecutive dates as ranges."""
    parts: list[str] = []
    start = prev = days[0]
    for day in [*days[1:], None]:
        if day is not None and (day - prev).days == 1:
            prev = day
            continue
        parts.append(_month_day(start) if start == prev else f"{_month_day(start)} 至 {_month_day(prev)}")
        if day is not None:
            start = prev = day
    return "、".join(parts)


def month_notes(month: Month) -> list[str]:
    """One line per holiday named in the month: its rest days and its 调休 working days."""
    named = [d for d in month.days if d.kind in (HOLIDAY, MAKEUP_WORKDAY)]
    names = list(dict.fromkeys(d.name or "节假日" for d in named))
    lines = []
    for name in names:
        rest = [d.date for d in named if d.kind == HOLIDAY and (d.name or "节假日") == name]
        work = [d.date for d in named if d.kind == MAKEUP_WORKDAY and (d.name or "节假日") == name]
        parts = [f"{_runs(rest)} 放假"] if rest else []
        parts += ["、".join(map(_month_day, work)) + " 调休上班"] if work else []
        lines.append(f"{name}：{'；'.join(parts)}")
    return lines


def _cell(info: DayInfo | None) -> str:
    if info is None:
        return " " * _CELL
    return pad(f"{info.date.day:>2}{MARKS.get(info.kind, '')}", _CELL)


def month_plain(month: Month) -> str:
    title = month.title + ("（临时推算）" if month.provisional else "")
    lines = [title, " ".join(pad(h, _CELL) for h in WEEK_HEADER).rstrip()]
    lines += [" ".join(_cell(c) for c in week).rstrip() for week in month.weeks()]
    lines += month_notes(month)
    if month.provisional:
        lines.append(PROVISIONAL_MONTH_NOTE)
    return "\n".join(lines)


def months_plain(months: Sequence[Month]) -> str:
    return "\n\n".join(month_plain(m) for m in months) + "\n\n" + LEGEND


def _style(info: DayInfo) -> str:
    if info.kind == HOLIDAY:
        return "bold red"
    if info.kind == REST:
        return "red"
    if info.kind == MAKEUP_WORKDAY:
        return "bold cyan"
    return ""


def month_table(month: Month) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from .layout import wrap

    title = month.title + (" [临时]" if month.provisional else "")
    # Notes broken by our wrapping (dates whole, 禁则), at the grid's width.
    notes = [line for note in month_notes(month) for line in wrap(note, 7 * _CELL + 6)]
    table = Table(
        title=title,
        caption=Text("\n".join(notes), no_wrap=True) if notes else None,
        caption_justify="left",
        header_style="bold",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        padding=(0, 0),
        pad_edge=False,
    )
    for heading in WEEK_HEADER:
        table.add_column(heading, width=_CELL, no_wrap=True)
    for week in month.weeks():
        table.add_row(
            *(
                Text(f"{c.date.day:>2}{MARKS.get(c.kind, '')}", style=_style(c)) if c else Text("")
                for c in week
            )
        )
    return table


def months_table(months: Sequence[Month]) -> RenderableType:
    from rich.columns import Columns
    from rich.console import Group

    from .layout import Para

    tables = [month_table(m) for m in months]
    parts: list[RenderableType] = [tables[0] if len(tables) == 1 else Columns(tables)]
    if any(m.provisional for m in months):
        parts.append(Para(PROVISIONAL_MONTH_NOTE, style="yellow"))
    parts.append(Para(LEGEND, style="dim"))
    return Group(*parts)


# -- covered years -------------------------------------------------------------------------


def years_data(years: Sequence[CoveredYear], provisional: bool) -> dict[str, Any]:
    return {
        "provisional": provisional,
        "years": [{"year": y.year, "origin": y.origin, "source": y.source, "path": y.path} for y in years],
    }


def _year_groups(years: Sequence[CoveredYear]) -> list[tuple[str, CoveredYear]]:
    """Consecutive years with the same origin, source and file as one row: 2004–2026."""
    rows: list[tuple[str, CoveredYear]] = []
    numbered = [(y.year - i, y) for i, y in enumerate(years)]
    for _, group in groupby(numbered, key=lambda p: (p[0], p[1].origin, p[1].source, p[1].path)):
        members = [y for _, y in group]
        first, last = members[0], members[-1]
        span = str(first.year) if first is last else f"{first.year}–{last.year}"
        rows.append((span, first))
    return rows


def _where(year: CoveredYear) -> str:
    return f"{year.path}（{year.source}）" if year.path else year.source


def others_line(provisional: bool) -> str:
    if provisional:
        return "其他年份：按《全国年节及纪念日放假办法》的法定节日临时推算，没有调休（临时，provisional）"
    return "其他年份：没有安排，用到时报错（退出状态 4）；用 gongkai calendar import 导入国务院通知"


def years_plain(years: Sequence[CoveredYear], provisional: bool) -> str:
    rows = _year_groups(years)
    width = max((len(span) for span, _ in rows), default=4)
    lines = [f"{span:<{width}}  {ORIGIN_LABELS[y.origin]}  {_where(y)}" for span, y in rows]
    lines.append(others_line(provisional))
    return "\n".join(lines)


def years_table(years: Sequence[CoveredYear], provisional: bool) -> RenderableType:
    from rich.console import Group

    from .layout import Column, Fitted, Para, fit_table, join_fitting, lines_of

    columns = (Column("年份", fixed=True), Column("来源", fixed=True), Column("出处", min_width=12))
    groups = _year_groups(years)
    rows = [(span, ORIGIN_LABELS[y.origin], _where(y)) for span, y in groups]
    styles = ["" if y.origin == "builtin" else "cyan" for _, y in groups]

    def blocks(size: int) -> RenderableType:
        return lines_of((join_fitting(row, size), style) for row, style in zip(rows, styles, strict=True))

    table = Fitted(lambda size: fit_table(columns, rows, size, styles=styles), blocks)
    return Group(table, Para(others_line(provisional), style="yellow" if provisional else "dim"))
