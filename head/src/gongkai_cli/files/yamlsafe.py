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

import yaml

from ..phrases.chinese import one_line

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
        problem = str(error.problem or error.context or "")
        if not problem.isascii():  # our own constructors' words (ALIAS_MESSAGE, …)
            return (min(mark.line + 1, lines) if mark else None), one_line(problem)
        if "end of stream" in problem and error.context_mark is not None:
            mark = error.context_mark  # an unclosed quote: where it opens, not the file's end
        at = None
        if mark is not None:
            text_lines = text.splitlines()
            row = text_lines[mark.line] if mark.line < len(text_lines) else ""
            at = row[mark.column] if mark.column < len(row) else None
        words = _in_chinese(f"{error.context or ''} {problem}", at)
        return (min(mark.line + 1, lines) if mark else None), words
    return None, _in_chinese(str(error), None)


# PyYAML's and libyaml's problems (scanner, parser, reader), in the words of a plan's
# author: what is wrong with the line and what to do. Matched on "context problem".
_PROBLEMS: tuple[tuple[str, str], ...] = (
    (
        r"mapping values are not allowed",
        "此处不能出现“键: 值”：可能是缩进不一致，或文字中含“: ”（这样的文字请加引号）",
    ),
    (
        r"block mapping.*(did not find expected key|expected <block end>)",
        "缩进不一致：这一行与上面同一层的键没有对齐（同一层的键应从同一列开始，只用空格）",
    ),
    (
        r"block collection.*(expected '-'|expected <block end>)",
        "缩进不一致：列表的各项（“- ”）应从同一列开始",
    ),
    (r"expected <block end>", "缩进不一致：这一行与上面同一层没有对齐"),
    (r"quoted scalar.*end of stream", "引号没有闭合：从这一行开始的引号直到文件末尾都没有结束"),
    (r"flow sequence|',' or '\]'", "方括号 [ … ] 没有闭合，或其中的项之间缺少逗号"),
    (r"flow mapping|',' or '}'", "花括号 { … } 没有闭合，或其中的项之间缺少逗号"),
    (r"another document", "文件中有不止一个 YAML 文档（---）：计划文件只能有一个"),
    (r"unknown escape character", "双引号中有无法识别的转义（\\…）：反斜杠写成 \\\\，或改用单引号"),
    (r"anchor|alias", "“&”或“*”开头的值会被读成锚点或别名：请给这个值加引号"),
    (r"block scalar", "“|”或“>”之后的写法有误：其后应直接换行"),
    (r"directive", "YAML 指令（以 % 开头的行）有误：请删去"),
    (r"end of stream", "文件意外结束：请检查最后几行的缩进和引号"),
)


def _in_chinese(problem: str, at: str | None) -> str:
    """A YAML library's problem said in Chinese, with no English left in it."""
    if "cannot start any token" in problem:
        if at == "\t":
            return "用了制表符（Tab）缩进：请改用空格"
        if at is not None and at.strip():
            return f"“{at}”不能作为值的开头：请给这个值加引号"
        return "这一行有不能作为值开头的字符：请给这个值加引号"
    if "tab character" in problem:
        return "用了制表符（Tab）缩进：请改用空格"
    for pattern, words in _PROBLEMS:
        if re.search(pattern, problem):
            return words
    return "无法读取这一行：请检查缩进（只用空格）、冒号后的空格和引号是否成对"


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
