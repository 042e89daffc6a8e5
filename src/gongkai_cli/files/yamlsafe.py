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
