"""Calendar files: one year's arrangement as YAML, citing the notice it comes from.

The format is documented in docs/calendar-format.md. Loading is strict: every problem
is an InputError with ``where="path:line"``, so a user who edits a file by hand is told
exactly which line is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..files.documents import decode_utf8, read_bytes
from ..files.yamlsafe import quote
from ..files.yamltree import Checker, LineMap, Unreadable, read_tree
from .workdays import WEEKDAYS, YearData

MAX_BYTES = 1024 * 1024
TOO_BIG = "文件超过 1 MiB，不像日历文件"
# The keys of each mapping; True: required.
_TOP = {"year": True, "source": True, "holidays": True, "workdays": False}
_SOURCE = {"title": True, "number": False, "issued": False, "url": False}
_ENTRY = {"date": True, "name": False}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class CalendarSource:
    """The notice a calendar file comes from (the ``source`` block)."""

    title: str
    number: str | None = None  # 国办发明电〔2026〕N号
    issued: date | None = None
    url: str | None = None

    def describe(self) -> str:
        """The text kept as ``YearData.source``."""
        return f"{self.title}（{self.number}）" if self.number else self.title


# -- loading ---------------------------------------------------------------------------


def load_calendar_file(path: Path) -> YearData:
    """Read and check one calendar file; its first problem is an InputError at path:line."""

    raw, label = read_bytes(str(path), limit=MAX_BYTES, what="日历文件", too_big=TOO_BIG)
    text = decode_utf8(raw, label, "日历文件")
    checker = _CalendarChecker()
    try:
        data, key_problems = read_tree(text)
    except Unreadable as e:
        raise InputError(e.message, where=f"{path}:{e.line}" if e.line else str(path)) from None
    checker.problems.extend(key_problems)
    year = checker.calendar(data)
    if year is None or checker.problems:
        line, message = min(checker.problems or [(None, "日历文件是空的")], key=lambda p: p[0] or 0)
        raise InputError(message, where=f"{path}:{line}" if line else str(path))
    return year


class _CalendarChecker(Checker):
    """The calendar file format (docs/calendar-format.md) over a tree from read_tree."""

    def calendar(self, data: Any) -> YearData | None:
        if data is None:
            return None  # an empty file
        top = self.mapping(data, 1, "日历文件", _TOP)
        if top is None:
            return None
        year = self.integer(top, "year", "日历文件", 1900, 2999, "整数年份，如 2027")
        source = self.source(top.get("source"), self.line(top, "source"))
        if year is None or source is None:
            return None
        holidays = self.entries(top, "holidays", year)
        workdays = self.entries(top, "workdays", year) if "workdays" in top else {}
        if holidays is None or workdays is None:
            return None
        for day, (_, line) in workdays.items():
            if day in holidays:
                self.problem(line, f"{day} 既列在 holidays（放假）又列在 workdays（上班）")
            elif day.weekday() < 5:
                self.problem(line, f"workdays 只列调休上班的周末，{day} 是{WEEKDAYS[day.weekday()]}")
        return YearData(
            year,
            {day: name for day, (name, _) in holidays.items()},
            {day: name for day, (name, _) in workdays.items()},
            source.describe(),
        )

    def iso_day(self, m: LineMap, key: str, what: str) -> date | None:
        value, line = m.get(key), self.line(m, key)
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
            self.problem(line, f"{what}应为 YYYY-MM-DD 格式的日期")
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            self.problem(line, f"日期不存在：{value}")
            return None

    def source(self, value: Any, line: int) -> CalendarSource | None:
        m = self.mapping(value, line, "source", _SOURCE)
        if m is None:
            return None
        title = self.text(m, "title", "source")
        number = self.text(m, "number", "source")
        url = self.text(m, "url", "source")
        issued = self.iso_day(m, "issued", "source.issued") if "issued" in m else None
        if title is None:
            return None
        return CalendarSource(title.strip(), number, issued, url)

    def entries(self, top: LineMap, key: str, year: int) -> dict[date, tuple[str, int]] | None:
        """date → (name, line) for the ``holidays`` or ``workdays`` list."""
        items = self.sequence(top, key, f"{key} 应为列表（每项 - {{date: YYYY-MM-DD, name: 名称}}）")
        if items is None:
            return None
        entries: dict[date, tuple[str, int]] = {}
        for item, line in zip(items, items.lines, strict=True):
            m = self.mapping(item, line, f"{key} 的一项", _ENTRY)
            day = None if m is None else self.iso_day(m, "date", f"{key}.date")
            name = None if m is None else self.text(m, "name", key, empty=True)
            if m is None or day is None or (name is None and "name" in m):
                continue
            date_line = self.line(m, "date")
            if abs(day.year - year) > 1:
                self.problem(date_line, f"{day} 与 year: {year} 相差超过一年")
            elif day in entries:
                self.problem(date_line, f"{key} 中的日期 {day} 重复")
            else:
                entries[day] = ((name or "").strip(), date_line)
        return entries


def calendars_by_year(paths: Sequence[Path]) -> dict[int, tuple[Path, YearData]]:
    """Load every file: year → (the file, its year); a later file for the same year
    replaces an earlier one."""
    by_year: dict[int, tuple[Path, YearData]] = {}
    for path in paths:
        data = load_calendar_file(path)
        by_year.pop(data.year, None)
        by_year[data.year] = (path, data)
    return by_year


def load_calendars(paths: Sequence[Path]) -> list[YearData]:
    """The years of every file; a later file for the same year replaces an earlier one."""
    return [data for _, data in calendars_by_year(paths).values()]


# -- writing ---------------------------------------------------------------------------


def dump_calendar(data: YearData, meta: CalendarSource | None = None) -> str:
    """The YAML text of a calendar file: fixed key order, dates sorted, deterministic."""
    meta = meta or CalendarSource(data.source)
    lines = [
        "# gongkai 日历文件：一年的节假日安排（格式见 docs/calendar-format.md）",
        f"year: {data.year}",
        "source:",
        f"  title: {quote(meta.title)}",
    ]
    if meta.number:
        lines.append(f"  number: {quote(meta.number)}")
    if meta.issued:
        lines.append(f"  issued: {meta.issued.isoformat()}")
    if meta.url:
        lines.append(f"  url: {quote(meta.url)}")
    for key, entries in (("holidays", data.holidays), ("workdays", data.makeup_workdays)):
        if not entries:
            lines.append(f"{key}: []")
            continue
        lines.append(f"{key}:")
        for day in sorted(entries):
            name = entries[day]
            named = f", name: {quote(name)}" if name else ""
            lines.append(f"  - {{date: {day.isoformat()}{named}}}")
    return "\n".join(lines) + "\n"
