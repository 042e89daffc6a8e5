"""What the YAML readers and writers (plans, calendar files) share: refusing aliases,
turning PyYAML's errors into a line and a one-line problem, and quoting scalars.

Aliases (``*name``) are refused: none of our files needs one, and an "alias bomb"
(billion laughs) then costs nothing. PyYAML, in Python or libyaml, composes an alias as a
second reference to the anchored node, so a node met twice while walking the tree is an
alias; the walk stops there, before anything is expanded. Merge keys (``<<``) are refused
too: they only merge what an alias names, and PyYAML copies what they merge, level by level.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import yaml

from ..phrases.text import one_line
from ..safetext import describe, first_control

ALIAS_MESSAGE = "不允许使用 YAML 锚点、别名和合并键（&名称、*名称、<<）：请把内容直接写出"
NESTING_MESSAGE = "YAML 嵌套过深，不像计划或日历文件"


MERGE_TAG = "tag:yaml.org,2002:merge"


def alias_error(node: yaml.Node) -> yaml.MarkedYAMLError:
    """The error for a node reached a second time (at the anchored node), or a merge key."""
    return yaml.constructor.ConstructorError(None, None, ALIAS_MESSAGE, node.start_mark)


def describe_error(error: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """(1-based line or None, the problem in one line) for a YAML error in ``text``.

    A line past the end of the text (PyYAML's "<stream end>") is given as the last line.
    """
    lines = max(1, len(text.splitlines()))
    if isinstance(error, yaml.reader.ReaderError):
        # The Python reader counts characters; libyaml counts bytes of the UTF-8 text.
        if error.encoding == "unicode":
            line = text.count("\n", 0, max(0, error.position)) + 1
        else:
            line = text.encode("utf-8")[: max(0, error.position)].count(b"\n") + 1
        char = error.character
        shown = f"U+{char:04X}" if isinstance(char, int) else repr(char)
        return min(line, lines), f"不允许的字符 {shown}（控制字符或二进制数据）"
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "语法错误"
        return (min(mark.line + 1, lines) if mark else None), one_line(str(problem))
    return None, one_line(str(error))


# What YAML may not hold raw (C1 controls, U+FFFE, U+FFFF) or reads as a line break (NEL,
# U+2028, U+2029), which JSON's escapes leave alone.
_NOT_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def quote(text: str) -> str:
    """``text`` as a double-quoted YAML scalar that reads back unchanged (a JSON string
    is one, once the characters YAML refuses raw are escaped too)."""
    return _NOT_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _plain_ok(value: str, flow: bool) -> bool:
    if not value or value != value.strip() or "\n" in value:
        return False
    shown = f"[{value}]" if flow else value
    try:
        loaded = yaml.safe_load(f"k: {shown}")
    except yaml.YAMLError:
        return False
    return bool(loaded == {"k": [value] if flow else value})


def scalar(value: str, *, flow: bool = False, always: bool = False) -> str:
    """A YAML scalar: plain when that reads back the same, else double-quoted (JSON
    escapes are valid YAML)."""
    if not always and _plain_ok(value, flow):
        return value
    return quote(value)


# -- reading: a tree that remembers its lines ----------------------------------------------

PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "seq", "map")
)


class LineMap(dict[Any, Any]):
    """A mapping that remembers the line of itself and of each key."""

    line: int
    lines: dict[Any, int]


class LineSeq(list[Any]):
    """A sequence that remembers the line of itself and of each entry."""

    line: int
    lines: list[int]


class Unreadable(Exception):
    """Text that is not a YAML document we accept; ``line`` is 1-based or None."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_tree(text: str) -> tuple[Any, list[tuple[int, str]]]:
    """The YAML document in ``text`` as LineMaps, LineSeqs and plain values, and the
    problems with its keys (duplicate or not text), each with its line.

    Only plain YAML is read: no explicit tags (!!python/…, !!set …), no aliases or merge
    keys, and timestamps stay strings, so that each format checks its dates with a line;
    scalars are typed by YAML 1.2 core rules (use_core_schema). Anything else raises
    Unreadable; a control character in a text is a problem at its line.
    """
    key_problems: list[tuple[int, str]] = []
    loader: yaml.SafeLoader | None = None
    try:
        loader = _loader_class(key_problems)(text)  # refuses control characters at once
        data = loader.get_single_data()
    except yaml.YAMLError as e:
        line, problem = describe_error(e, text)
        raise Unreadable(line, f"YAML 语法错误：{problem}") from None
    except RecursionError:
        raise Unreadable(None, NESTING_MESSAGE) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, key_problems


def _loader_class(problems: list[tuple[int, str]]) -> type[yaml.SafeLoader]:
    """A SafeLoader class that records duplicate or unusable keys in ``problems``."""
    # libyaml's parser when PyYAML has it (ten times faster on a plan); same nodes, same marks.
    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    seen: set[int] = set()

    def once(node: yaml.Node) -> None:
        """Each node has one parent; a node met twice is an alias (refused, not expanded)."""
        if id(node) in seen:
            raise alias_error(node)
        seen.add(id(node))

    class LineLoader(base):  # type: ignore[valid-type,misc]
        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            if node.tag not in PLAIN_TAGS:
                raise yaml.constructor.ConstructorError(
                    None, None, f"不允许的 YAML 标签：{node.tag}", node.start_mark
                )
            return super().construct_object(node, deep)

        def construct_line_map(self, node: yaml.MappingNode) -> Iterator[LineMap]:
            result = LineMap()
            result.line, result.lines = node.start_mark.line + 1, {}
            yield result
            for key_node, value_node in node.value:
                if key_node.tag == MERGE_TAG:
                    raise alias_error(key_node)
                once(key_node)
                once(value_node)
            self.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                if not isinstance(key, str | int | float | bool) and key is not None:
                    problems.append((line, "键须为文字"))
                    continue
                if key in result:
                    problems.append((line, f"键“{key}”重复（第 {result.lines[key]} 行已有）"))
                    continue
                result[key] = self.construct_object(value_node, deep=True)
                result.lines[key] = line

        def construct_line_seq(self, node: yaml.SequenceNode) -> Iterator[LineSeq]:
            result = LineSeq()
            result.line, result.lines = node.start_mark.line + 1, []
            yield result
            for child in node.value:
                once(child)
                result.append(self.construct_object(child, deep=True))
                result.lines.append(child.start_mark.line + 1)

        def construct_line_str(self, node: yaml.ScalarNode) -> str:
            """Text, with any control character (written as an escape such as "\\e")
            recorded as a problem at its line: it would reach terminals and files."""
            value = str(self.construct_scalar(node))
            at = first_control(value, "\t\n")
            if at is not None:
                line = node.start_mark.line + 1 + (value[:at].count("\n") if node.style in ("|", ">") else 0)
                problems.append((line, f"文字中有控制字符 {describe(value[at])}：请删去"))
            return value

    use_core_schema(LineLoader)
    LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_line_map)
    LineLoader.add_constructor("tag:yaml.org,2002:seq", LineLoader.construct_line_seq)
    LineLoader.add_constructor("tag:yaml.org,2002:str", LineLoader.construct_line_str)
    return LineLoader


# -- YAML 1.2 core typing -----------------------------------------------------------------
#
# PyYAML types plain scalars by YAML 1.1: yes/no/on/off are booleans, 0x7E0, 2_016, 0o3740
# and 33:36 (base 60) are integers, and 2016-05-18 is a timestamp. Our files are read by
# the YAML 1.2 core rules instead, stricter on one point: integers are decimal digits only
# (a hexadecimal or octal year is text, which the validators refuse with its line). Dates
# stay text, checked with their line by the validators (an explicit !!timestamp is refused,
# as every tag but the plain ones).

_CORE_RESOLVERS: list[tuple[str, str, str]] = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    (MERGE_TAG, r"^(?:<<)$", "<"),  # resolved only to be refused (ALIAS_MESSAGE)
]
_DECIMAL = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(_CORE_RESOLVERS[3][1])


def core_resolvers() -> dict[str | None, list[tuple[str, re.Pattern[str]]]]:
    """Implicit resolvers (PyYAML's ``yaml_implicit_resolvers``) for YAML 1.2 core typing."""
    table: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}
    for tag, pattern, first in _CORE_RESOLVERS:
        compiled = re.compile(pattern)
        for char in first:
            table.setdefault(char, []).append((tag, compiled))
        if tag == "tag:yaml.org,2002:null":
            table.setdefault("", []).append((tag, compiled))  # the empty scalar
    return table


def use_core_schema(loader: type[yaml.SafeLoader]) -> None:
    """Make ``loader`` type plain scalars by YAML 1.2 core rules, and construct explicit
    tags (!!int, !!float, !!bool) strictly: a value its tag cannot hold is a
    YAML error at its line, never a traceback."""
    loader.yaml_implicit_resolvers = core_resolvers()

    def scalar(self: yaml.SafeLoader, node: yaml.Node) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(None, None, "应为单个值", node.start_mark)
        return str(node.value)

    def refuse(node: yaml.Node, what: str) -> yaml.MarkedYAMLError:
        return yaml.constructor.ConstructorError(None, None, f"“{node.value}”不是{what}", node.start_mark)

    def integer(self: yaml.SafeLoader, node: yaml.Node) -> int:
        text = scalar(self, node)
        if not _DECIMAL.fullmatch(text):
            raise refuse(node, "十进制整数")
        return int(text)

    def real(self: yaml.SafeLoader, node: yaml.Node) -> float:
        text = scalar(self, node)
        if not _FLOAT.fullmatch(text):
            raise refuse(node, "数值")
        return float(text.lower().replace(".inf", "inf").replace(".nan", "nan"))

    def boolean(self: yaml.SafeLoader, node: yaml.Node) -> bool:
        text = scalar(self, node)
        if text.lower() not in ("true", "false"):
            raise refuse(node, "true 或 false")
        return text.lower() == "true"

    loader.add_constructor("tag:yaml.org,2002:int", integer)
    loader.add_constructor("tag:yaml.org,2002:float", real)
    loader.add_constructor("tag:yaml.org,2002:bool", boolean)


# -- checking: one style for every file format --------------------------------------------


class Checker:
    """Checks a tree from read_tree against a format, recording every problem with its
    line and going on. Each check returns the value, or None when it recorded a problem
    (or when the key is missing, which ``mapping`` has recorded once)."""

    def __init__(self) -> None:
        self.problems: list[tuple[int | None, str]] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append((line, message))

    def mapping(self, value: Any, line: int | None, what: str, keys: dict[str, bool]) -> LineMap | None:
        """``value`` as a mapping with only ``keys`` (True: required)."""
        if not isinstance(value, LineMap):
            self.problem(line, f"{what} 应为键值表（key: value）")
            return None
        for key in value:
            if key not in keys:
                known = "、".join(keys)
                self.problem(value.lines[key], f"{what} 中有未知的键“{key}”（可用的键：{known}）")
        for key, required in keys.items():
            if required and key not in value:
                self.problem(value.line, f"{what} 缺少必需的键“{key}”")
        return value

    def line(self, m: LineMap, key: str) -> int:
        return m.lines.get(key, m.line)

    def text(self, m: LineMap, key: str, what: str, *, empty: bool = False) -> str | None:
        if key not in m:
            return None
        value = m[key]
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or (not empty and not value.strip()):
            self.problem(self.line(m, key), f"{what}的“{key}”应为{'文字' if empty else '非空文字'}")
            return None
        return value

    def optional_text(self, m: LineMap, key: str, what: str) -> tuple[bool, str | None]:
        """(fine, the text or None when absent): an optional key that, when given, is text."""
        if key not in m:
            return True, None
        value = self.text(m, key, what)
        return value is not None, value

    def integer(self, m: LineMap, key: str, what: str, low: int, high: int, example: str) -> int | None:
        if key not in m:
            return None  # a missing required key is reported once, by ``mapping``
        value = m[key]
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.problem(self.line(m, key), f"{what} 的 {key} 应为{example}（现为“{value}”）")
            return None
        return value

    def sequence(self, m: LineMap, key: str, message: str) -> LineSeq | None:
        """The list at ``key``: an empty one for null, None (and ``message``) for anything else."""
        value = m.get(key)
        if value is None:
            value = LineSeq()
            value.line, value.lines = self.line(m, key), []
        if not isinstance(value, LineSeq):
            self.problem(self.line(m, key), message)
            return None
        return value
