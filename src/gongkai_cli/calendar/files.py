"""Calendar files: one year's arrangement as YAML, citing the notice it comes from.

The format is documented in docs/calendar-format.md. Loading is strict: every problem
is an InputError with ``where="path:line"``, so a user who edits a file by hand is told
exactly which line is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from ..errors import InputError
from ..files.documents import decode_utf8, read_bytes
from ..files.yamlsafe import ALIAS_MESSAGE, NESTING_MESSAGE, describe_error, quote
from .workdays import WEEKDAYS, YearData

MAX_BYTES = 1024 * 1024
_TOP_KEYS = {"year", "source", "holidays", "workdays"}
_SOURCE_KEYS = {"title", "number", "issued", "url"}
_ENTRY_KEYS = {"date", "name"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


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


class _File:
    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, message: str, node: yaml.Node | None = None) -> InputError:
        line = node.start_mark.line + 1 if node is not None else None
        return InputError(message, where=f"{self.path}:{line}" if line else str(self.path))

    def mapping(
        self, node: yaml.Node, what: str, allowed: set[str], required: Iterable[str]
    ) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(f"{what}应为键值映射（key: value）", node)
        result: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key not in allowed:
                known = "、".join(sorted(allowed))
                raise self.error(f"{what}中有未知的键“{key}”（可用：{known}）", key_node)
            if key in result:
                raise self.error(f"{what}中的键“{key}”重复", key_node)
            result[key] = value_node
        for key in required:
            if key not in result:
                raise self.error(f"{what}缺少“{key}”", node)
        return result

    def string(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            raise self.error(f"{what}应为文本", node)
        return str(node.value)

    def integer(self, node: yaml.Node, what: str) -> int:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:int":
            raise self.error(f"{what}应为整数", node)
        try:
            return int(node.value)
        except ValueError:
            raise self.error(f"{what}应为十进制整数", node) from None

    def day(self, node: yaml.Node, what: str) -> date:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
            raise self.error(f"{what}应为 YYYY-MM-DD 格式的日期", node)
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise self.error(f"日期不存在：{value}", node) from None


def load_calendar_file(path: Path) -> YearData:
    """Read and check one calendar file; every problem is an InputError at path:line."""
    raw, label = read_bytes(
        str(path), limit=MAX_BYTES, what="日历文件", too_big="文件超过 1 MiB，不像日历文件"
    )
    text = decode_utf8(raw, label, "日历文件")
    loader: yaml.SafeLoader | None = None
    try:
        loader = yaml.SafeLoader(text)  # refuses control characters at once
        root = loader.get_single_node()
    except yaml.YAMLError as e:
        line, problem = describe_error(e, text)
        raise InputError(
            f"不是有效的 YAML：{problem}", where=f"{path}:{line}" if line else str(path)
        ) from None
    except RecursionError:
        raise InputError(NESTING_MESSAGE, where=str(path)) from None
    finally:
        if loader is not None:
            loader.dispose()
    file = _File(path)
    if root is None:
        raise InputError("日历文件是空的", where=str(path))
    _check_tags(file, root, set())
    top = file.mapping(root, "日历文件", _TOP_KEYS, ("year", "source", "holidays"))

    year = file.integer(top["year"], "year")
    if not 1900 <= year <= 2999:
        raise file.error(f"year 超出范围：{year}", top["year"])
    source = _load_source(file, top["source"])
    holidays = _load_entries(file, top["holidays"], "holidays", year)
    workdays = _load_entries(file, top["workdays"], "workdays", year) if "workdays" in top else {}

    for day, (_, node) in workdays.items():
        if day in holidays:
            raise file.error(f"{day} 既列在 holidays（放假）又列在 workdays（上班）", node)
        if day.weekday() < 5:
            raise file.error(f"workdays 只列调休上班的周末，{day} 是{WEEKDAYS[day.weekday()]}", node)
    return YearData(
        year,
        {day: name for day, (name, _) in holidays.items()},
        {day: name for day, (name, _) in workdays.items()},
        source.describe(),
    )


def _check_tags(file: _File, node: yaml.Node, seen: set[int]) -> None:
    """Only plain YAML: no !!python/…, !!set or other explicit tags anywhere, and no
    aliases (a node met twice), which are refused before they can multiply the walk."""
    if id(node) in seen:
        raise file.error(ALIAS_MESSAGE, node)
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        raise file.error(f"不允许的 YAML 标签：{node.tag}", node)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _check_tags(file, key, seen)
            _check_tags(file, value, seen)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_tags(file, item, seen)


def _load_source(file: _File, node: yaml.Node) -> CalendarSource:
    fields = file.mapping(node, "source", _SOURCE_KEYS, ("title",))
    title = file.string(fields["title"], "source.title").strip()
    if not title:
        raise file.error("source.title 不能为空：请写明通知的标题", fields["title"])
    number = file.string(fields["number"], "source.number") if "number" in fields else None
    issued = file.day(fields["issued"], "source.issued") if "issued" in fields else None
    url = file.string(fields["url"], "source.url") if "url" in fields else None
    return CalendarSource(title, number, issued, url)


def _load_entries(file: _File, node: yaml.Node, key: str, year: int) -> dict[date, tuple[str, yaml.Node]]:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
        return {}
    if not isinstance(node, yaml.SequenceNode):
        raise file.error(f"{key} 应为列表（每项 - {{date: YYYY-MM-DD, name: 名称}}）", node)
    entries: dict[date, tuple[str, yaml.Node]] = {}
    for item in node.value:
        fields = file.mapping(item, f"{key} 的一项", _ENTRY_KEYS, ("date",))
        day = file.day(fields["date"], f"{key}.date")
        name = file.string(fields["name"], f"{key}.name").strip() if "name" in fields else ""
        if abs(day.year - year) > 1:
            raise file.error(f"{day} 与 year: {year} 相差超过一年", fields["date"])
        if day in entries:
            raise file.error(f"{key} 中的日期 {day} 重复", fields["date"])
        entries[day] = (name, fields["date"])
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
