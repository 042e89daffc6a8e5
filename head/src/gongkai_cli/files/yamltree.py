"""YAML read as a tree that remembers its lines, and checked in one style, for every file
format (plans, calendar files).

``read_tree`` reads; a ``Checker`` subclass states a format's rules over the tree. The
tree classes and Checker need no YAML library, so that a module can define its checks
without paying for PyYAML until a file is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

# -- reading ----------------------------------------------

PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "seq", "map")
)
STR_TAG, MAP_TAG, SEQ_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
MAX_DEPTH = 200  # nested mappings and sequences; a plan has fewer than ten


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
    scalars are typed by YAML 1.2 core rules (yamlsafe.use_core_schema). Anything else
    raises Unreadable; a control character in a text is a problem at its line.
    """
    import gc

    import yaml

    from .yamlsafe import NESTING_MESSAGE, describe_error

    key_problems: list[tuple[int, str]] = []
    loader: Any = None  # a LineLoader (_loader_class)
    collecting = gc.isenabled()
    try:
        # The tree is made of new objects and no garbage: the cycle collector, run again
        # and again as they accumulate, would cost a third more on a plan of thousands.
        gc.disable()
        loader = _loader_class(key_problems)(text)  # refuses control characters at once
        try:
            data = _from_events(loader, key_problems)
        except Exception:  # anything but plain YAML, or an error: read as nodes, as ever
            key_problems.clear()
            loader.dispose()
            loader = None
            loader = _loader_class(key_problems)(text)
            node = loader.get_single_node()
            data = None if node is None else loader.build(node, 0)
    except yaml.YAMLError as e:
        line, problem = describe_error(e, text)
        raise Unreadable(line, f"YAML 语法错误：{problem}") from None
    except RecursionError:
        raise Unreadable(None, NESTING_MESSAGE) from None
    finally:
        if collecting:
            gc.enable()
        if loader is not None:
            loader.dispose()
    return data, key_problems


class _Unusual(Exception):
    """Something _from_events leaves to the composed nodes: a tag, an anchor, an alias,
    a key of another kind than text, number, true/false or null, a second document."""


def _from_events(loader: Any, problems: list[tuple[int, str]]) -> Any:
    """The tree of a plain document (no tags, anchors or aliases), read from the parser's
    events rather than from composed nodes: what ``loader.build(loader.get_single_node(),
    0)`` gives, the same values, lines and problems in the same order, without making a
    node with two marks for each of a plan's 80,000 values (0.25 s → 0.20 s on a plan of
    5,000 items). Raises _Unusual for anything else, and any error as the parser raises
    it; read_tree then reads the text again as nodes, so that what it accepts, refuses
    and says stays exactly as before (tests/test_yamltree.py compares the two)."""
    import yaml

    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    map_start, map_end = yaml.MappingStartEvent, yaml.MappingEndEvent
    seq_start, seq_end = yaml.SequenceStartEvent, yaml.SequenceEndEvent
    scalar_node = yaml.ScalarNode
    get, resolve = loader.get_event, loader.resolve

    def skip() -> None:
        """The events of a value the node reading never builds (after a repeated key)."""
        level = 0
        while True:
            event = get()
            kind = type(event)
            if kind is alias_event or getattr(event, "anchor", None) or getattr(event, "tag", None):
                raise _Unusual
            if kind is map_start or kind is seq_start:
                level += 1
            elif kind is map_end or kind is seq_end:
                level -= 1
            if level == 0:
                return

    # LineLoader.resolve's answer for a scalar, found here without a call when its first
    # character starts no implicit type (most of a plan's texts: 事项, 第…)
    starts = (
        ()
        if loader.yaml_path_resolvers or None in loader.yaml_implicit_resolvers
        else loader.yaml_implicit_resolvers
    )

    # the tag of each scalar that LineLoader.resolve was asked about (a plan of thousands
    # of items repeats its rules: 6月底前完成 …)
    tags: dict[tuple[str, tuple[bool, bool]], str] = {}

    def build(event: Any, depth: int) -> Any:
        kind = type(event)
        if kind is scalar_event and event.anchor is None and event.tag is None:
            value: str = event.value
            implicit = event.implicit
            tag: str | None
            if starts and (not implicit[0] or value[:1] not in starts):
                tag = STR_TAG
            elif starts:  # no path resolvers: the tag depends on the value and implicit alone
                tag = tags.get((value, implicit))
                if tag is None:
                    tag = tags[value, implicit] = resolve(scalar_node, value, implicit)
            else:
                tag = resolve(scalar_node, value, implicit)
            if tag == STR_TAG:
                if value.isprintable():
                    return value
                node = scalar_node(tag, value, event.start_mark, event.end_mark, event.style)
                return loader.construct_line_str(node)
            if depth > MAX_DEPTH or tag not in PLAIN_TAGS:
                raise _Unusual
            return loader.construct_object(
                scalar_node(tag, value, event.start_mark, event.end_mark, event.style), deep=True
            )
        if kind is alias_event or event.anchor is not None or event.tag is not None or depth > MAX_DEPTH:
            raise _Unusual
        if kind is map_start:
            result = LineMap()
            lines: dict[Any, int] = {}
            result.line, result.lines = event.start_mark.line + 1, lines
            while True:
                event = get()
                if type(event) is map_end:
                    return result
                line = event.start_mark.line + 1
                # A plain text key (nearly all), as build gives it, without the call
                if (
                    starts
                    and type(event) is scalar_event
                    and event.anchor is None
                    and event.tag is None
                    and (not event.implicit[0] or event.value[:1] not in starts)
                    and event.value.isprintable()
                ):
                    key = event.value
                else:
                    key = build(event, depth + 1)
                    if not isinstance(key, str | int | float | bool) and key is not None:
                        problems.append((line, "键须为文字"))
                        skip()
                        continue
                if key in result:
                    problems.append((line, f"键“{key}”重复（第 {lines[key]} 行已有）"))
                    skip()
                    continue
                event = get()
                if (  # a plain text value, likewise
                    starts
                    and type(event) is scalar_event
                    and event.anchor is None
                    and event.tag is None
                    and (not event.implicit[0] or event.value[:1] not in starts)
                    and event.value.isprintable()
                ):
                    result[key] = event.value
                else:
                    result[key] = build(event, depth + 1)
                lines[key] = line
        if kind is seq_start:
            seq = LineSeq()
            seq.line, seq.lines = event.start_mark.line + 1, []
            while True:
                event = get()
                if type(event) is seq_end:
                    return seq
                seq.append(build(event, depth + 1))
                seq.lines.append(event.start_mark.line + 1)
        raise _Unusual

    if type(get()) is not yaml.StreamStartEvent:
        raise _Unusual
    event = get()
    if type(event) is yaml.StreamEndEvent:
        return None
    if type(event) is not yaml.DocumentStartEvent:
        raise _Unusual
    data = build(get(), 0)
    if type(get()) is not yaml.DocumentEndEvent or type(get()) is not yaml.StreamEndEvent:
        raise _Unusual  # a second document: refused by the node reading
    return data


def _loader_class(problems: list[tuple[int, str]]) -> type[yaml.SafeLoader]:
    """A SafeLoader class that records duplicate or unusable keys in ``problems``."""
    import yaml

    from ..safetext import describe, first_control
    from .yamlsafe import MERGE_TAG, alias_error, use_core_schema

    # libyaml's parser when PyYAML has it (ten times faster on a plan); same nodes, same marks.
    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    seen: set[int] = set()

    def once(node: yaml.Node) -> None:
        """Each node has one parent; a node met twice is an alias (refused, not expanded)."""
        if id(node) in seen:
            raise alias_error(node)
        seen.add(id(node))

    class LineLoader(base):  # type: ignore[valid-type,misc]
        def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
            """The tag, as PyYAML's Resolver gives it, without its search for a plain
            scalar whose first character starts no implicit type (a plan's text is
            mostly such: 事项, 第…), once per scalar of a file of thousands of items."""
            if self.yaml_path_resolvers:
                return str(super().resolve(kind, value, implicit))
            if kind is yaml.ScalarNode:
                if not implicit[0] or (value[:1] not in self.yaml_implicit_resolvers and not wildcard):
                    return str(self.DEFAULT_SCALAR_TAG)
                return str(super().resolve(kind, value, implicit))
            # a mapping or a sequence: its default tag, as Resolver.resolve gives it
            return str(self.DEFAULT_MAPPING_TAG if kind is yaml.MappingNode else self.DEFAULT_SEQUENCE_TAG)

        def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
            if node.tag not in PLAIN_TAGS:
                raise yaml.constructor.ConstructorError(
                    None, None, f"不允许的 YAML 标签：{node.tag}", node.start_mark
                )
            return super().construct_object(node, deep)

        def build(self, node: yaml.Node, depth: int) -> Any:
            """The value of ``node``, as construct_object(node, deep=True) makes it with
            the constructors below, made directly: texts, mappings and sequences (nearly
            every node of a plan) without PyYAML's generators and bookkeeping, a third of
            the time of reading a plan of thousands of items; any other node by
            construct_object. Deeper than MAX_DEPTH is refused (RecursionError)."""
            tag, kind = node.tag, type(node)
            if tag == STR_TAG and type(node) is yaml.ScalarNode:
                value: str = node.value
                return value if value.isprintable() else self.construct_line_str(node)
            if depth > MAX_DEPTH:
                raise RecursionError
            if tag == MAP_TAG and kind is yaml.MappingNode:
                result = LineMap()
                result.line, result.lines = node.start_mark.line + 1, {}
                for key_node, value_node in node.value:
                    if key_node.tag == MERGE_TAG:
                        raise alias_error(key_node)
                    if id(key_node) in seen or id(value_node) in seen or key_node is value_node:  # once()
                        once(key_node)
                        once(value_node)
                    seen.add(id(key_node))
                    seen.add(id(value_node))
                self.flatten_mapping(node)
                for key_node, value_node in node.value:
                    key = self.build(key_node, depth + 1)
                    line = key_node.start_mark.line + 1
                    if not isinstance(key, str | int | float | bool) and key is not None:
                        problems.append((line, "键须为文字"))
                        continue
                    if key in result:
                        problems.append((line, f"键“{key}”重复（第 {result.lines[key]} 行已有）"))
                        continue
                    result[key] = self.build(value_node, depth + 1)
                    result.lines[key] = line
                return result
            if tag == SEQ_TAG and kind is yaml.SequenceNode:
                seq = LineSeq()
                seq.line, seq.lines = node.start_mark.line + 1, []
                for child in node.value:
                    if id(child) in seen:  # once(), inline
                        once(child)
                    seen.add(id(child))
                    seq.append(self.build(child, depth + 1))
                    seq.lines.append(child.start_mark.line + 1)
                return seq
            return self.construct_object(node, deep=True)

        def construct_line_map(self, node: yaml.MappingNode) -> Iterator[LineMap]:
            if not isinstance(node, yaml.MappingNode):  # !!map on a text: an error, not a traceback
                raise yaml.constructor.ConstructorError(None, None, "应为键值表", node.start_mark)
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
            if not isinstance(node, yaml.SequenceNode):  # !!seq on a text: an error, not a traceback
                raise yaml.constructor.ConstructorError(None, None, "应为列表", node.start_mark)
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
    wildcard = None in LineLoader.yaml_implicit_resolvers
    LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_line_map)
    LineLoader.add_constructor("tag:yaml.org,2002:seq", LineLoader.construct_line_seq)
    LineLoader.add_constructor("tag:yaml.org,2002:str", LineLoader.construct_line_str)
    return LineLoader


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
