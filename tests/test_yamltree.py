"""files.yamltree.read_tree builds a plan's tree directly from the composed nodes (issue
23: a third of the time of reading a plan of thousands of items). PyYAML's own
construction with the same loader (get_single_data) is the reference: the same tree, the
same lines, the same problems in the same order, the same refusals."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_cli.files.yamltree import (
    LineMap,
    LineSeq,
    Unreadable,
    _from_events,
    _loader_class,
    _Unusual,
    read_tree,
)


def _reference(text: str) -> tuple[Any, list[tuple[int, str]]]:
    problems: list[tuple[int, str]] = []
    loader = _loader_class(problems)(text)
    try:
        return loader.get_single_data(), problems
    finally:
        loader.dispose()


def _lines(value: Any) -> Any:
    """The tree with the lines it remembers, for comparison."""
    if isinstance(value, LineMap):
        return ("map", value.line, value.lines, {k: _lines(v) for k, v in value.items()})
    if isinstance(value, LineSeq):
        return ("seq", value.line, value.lines, [_lines(v) for v in value])
    return (type(value).__name__, value)


def _same(text: str) -> None:
    try:
        want = _reference(text)
    except (yaml.YAMLError, RecursionError) as error:
        with pytest.raises(Unreadable):
            read_tree(text)
        del error
        return
    got = read_tree(text)
    assert _lines(got[0]) == _lines(want[0]) and got[1] == want[1]


SCALARS = st.sampled_from(
    [
        "事项",
        "1",
        "2016-05-18",
        "true",
        "null",
        "~",
        "1.5",
        "0x1F",
        "'引号'",
        '"\\e"',
        '"a\\x01b"',
        "",
        "=",
        "-",
    ]
)
KEYS = st.sampled_from(["id", "title", "rule", "1", "true", "null", "[1]", "{a: 1}", "<<", "?"])


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    """A YAML document in block style: mappings (repeated and odd keys among them),
    sequences, plain and quoted scalars, tags, anchors and aliases, flow collections."""
    kind = draw(st.sampled_from(["scalar", "map", "seq"] if depth < 3 else ["scalar"]))
    pad = "  " * depth
    if kind == "scalar":
        return draw(
            st.sampled_from(["", "!!str ", "!!int ", "&a ", "*a ", "!!python/name:os.system "])
        ) + draw(SCALARS)
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        value = draw(documents(depth + 1))
        head = f"{draw(KEYS)}:" if kind == "map" else "-"
        if "\n" in value:
            lines.append(f"{pad}{head}\n{value}")
        else:
            lines.append(f"{pad}{head} {value}")
    return "\n".join(lines) if lines else ("{}" if kind == "map" else "[]")


@settings(max_examples=400, deadline=None)
@given(documents())
def test_read_tree_is_pyyaml_construction(text: str) -> None:
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # a repeated key
        "? [1]\n: x\nb: y\n",  # a key that is not text
        "a: &x 1\nb: *x\n",  # an alias
        "&x a : *x\n",  # a key its own value
        "- &x [1]\n- *x\n",
        "a: &x {b: 1}\n<<: *x\n",  # a merge key
        "a: !!binary aGk=\n",  # a tag refused
        "a: !!map x\n",  # a tag that is not the node's kind
        "a: !!str [1]\n",
        "a: !!seq {b: 1}\n",
        "a: |\n  x\n  \x1b\n",  # a control character in a literal block
        'a: "x\\ty\\u0085"\n',
        "[" * 150 + "]" * 150,
        "[" * 800 + "]" * 800,  # too deep: refused
        "",
        "- 1\n- {a: [x, y], b: !!int 7}\n",
        "a: '1'\nb: \"true\"\nc: 1\nd: ''\ne:\n",  # quoted: texts; plain: typed
        'a: 1\na: "\\e"\n? [x]\n: "\\e"\n',  # the values of a repeated key or of a list key: not read
        "a: 1\n---\nb: 2\n",  # two documents: refused
    ],
)
def test_read_tree_on_odd_documents(text: str) -> None:
    _same(text)
    _same_by_events(text)


def _by_events(text: str) -> tuple[Any, list[tuple[int, str]]]:
    problems: list[tuple[int, str]] = []
    loader = _loader_class(problems)(text)
    try:
        return _from_events(loader, problems), problems
    finally:
        loader.dispose()


def _same_by_events(text: str) -> None:
    """A document without tags, anchors or aliases that PyYAML reads is read from the
    parser's events (the fast path read_tree takes first), to the same tree, lines and
    problems; any other document may be left to the nodes (read_tree reads it again)."""
    try:
        want = _reference(text)
    except (yaml.YAMLError, RecursionError):
        return
    if any(mark in text for mark in "!&*"):
        try:
            got = _by_events(text)
        except (_Unusual, yaml.YAMLError):
            return
    else:
        got = _by_events(text)
    assert _lines(got[0]) == _lines(want[0]) and got[1] == want[1]


@settings(max_examples=400, deadline=None)
@given(documents())
def test_plain_documents_are_read_from_events(text: str) -> None:
    _same_by_events(text)


def test_a_plan_of_thousands_is_read_from_events() -> None:
    """The generated plan of the bench (bench/bench.py, section 8), 300 items of it."""
    items = "".join(
        f'  - id: "{i // 10 + 1}.{i % 10 + 1}"\n    section: 第{i // 100 + 1}部分\n'
        f"    title: 事项{i}\n    text: 第{i}项工作。\n    lead: []\n"
        f"    owners: [部门{i % 400}]\n    rule: 按月公开\n    done: {{2016-06: 2016-06-29}}\n\n"
        for i in range(300)
    )
    text = f"format: 1\nplan:\n  title: 大计划\n  year: 2016\n  issued: 2016-05-18\nitems:\n{items}"
    got = _by_events(text)
    assert _lines(got[0]) == _lines(_reference(text)[0]) and got[1] == []
    assert len(got[0]["items"]) == 300 and got[0]["items"].lines[299] == 7 + 9 * 299
