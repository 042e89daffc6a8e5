"""Editing a plan file in place (``gongkai done``, ``gongkai event``), keeping the rest of it.

The file is read and written with ruamel.yaml's round-trip mode, which keeps comments,
key order, quotes and flow style; it is imported only here, and this module only by the
commands that edit. Indentation is taken from the file. A round trip can still respell
what it does not remember (``~`` for null, odd indents); every change outside the lines
of the part being edited is therefore put back from the original text, so that a diff
shows only the edit. The functions here are pure: text in, text out; the command reads
and writes the file (atomically, and only when it has not changed meanwhile).

A new key goes at the end of its mapping, on the line after the last key: blank lines and
comments that followed the last key move below the new one. ``--undo`` removes the key
(or map entry, or event date) again and so gives back the file as it was, byte for byte.
"""

from __future__ import annotations

import difflib
import io
import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import InputError
from ..plan.plan_file import Labelled, Occurrence, moment_of, parse_occurrence, written


@dataclass(frozen=True)
class Edited:
    """The new text of the file, and the lines that changed (``-`` old, ``+`` new)."""

    text: str
    changes: tuple[str, ...]


class _Document:
    """The file as ruamel.yaml's round-trip data, with the layout to write it back."""

    def __init__(self, text: str, indentation: tuple[int, int, int] | None = None) -> None:
        from ruamel.yaml import YAML

        self.bom = text.startswith("\ufeff")
        body = text.removeprefix("\ufeff")
        self.crlf = "\r\n" in body
        self.original = body.replace("\r\n", "\n")
        self.yaml = YAML()  # round-trip
        self.yaml.preserve_quotes = True
        self.yaml.width = 1_000_000  # never fold a long paragraph
        mapping, sequence, offset = indentation or _indentation(self.original)
        self.yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        self.yaml.representer.add_representer(type(None), _null)
        self.data: Any = self.yaml.load(self.original)

    def item(self, item_id: str) -> Any:
        for entry in self.data["items"]:
            if str(entry.get("id")) == item_id:
                return entry
        raise InputError(f"文件中找不到条目 {item_id}")  # the plan was read from this text

    def render(self, span: tuple[int, int]) -> Edited:
        """The edited document; changes outside ``span`` (0-based lines of the original,
        end exclusive) are put back as they were."""
        out = io.StringIO()
        self.yaml.dump(self.data, out)
        new = out.getvalue()
        old_lines = self.original.splitlines(keepends=True)
        while span[0] > 0 and (
            not old_lines[span[0] - 1].strip() or old_lines[span[0] - 1].lstrip().startswith("#")
        ):
            # the blank lines and comments above belong to either side: a diff may put the
            # edit's blank line above or below them
            span = (span[0] - 1, span[1])
        if not self.original.endswith("\n") and new.endswith("\n"):
            new = new[:-1]
        new_lines = new.splitlines(keepends=True)
        kept: list[str] = []
        changes: list[str] = []
        matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            inside = span[0] <= i1 and i2 <= span[1]
            if op == "equal" or not inside:
                kept.extend(old_lines[i1:i2])
                continue
            kept.extend(new_lines[j1:j2])
            changes += [f"-{line.rstrip(chr(10))}" for line in old_lines[i1:i2]]
            changes += [f"+{line.rstrip(chr(10))}" for line in new_lines[j1:j2]]
        text = "".join(kept)
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return Edited(("\ufeff" if self.bom else "") + text, tuple(changes))


def _null(representer: Any, _data: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _indentation(text: str) -> tuple[int, int, int]:
    """(mapping indent, sequence indent, dash offset) as the file writes them; the
    project's style (2, 4, 2) when the file does not show."""
    mapping = sequence = offset = None
    lines = text.splitlines()
    for above, below in itertools.pairwise(lines):
        if not re.fullmatch(r"[^\s#-][^:#]*:\s*(#.*)?", above):
            continue  # a top-level key whose value is on the lines below
        match = re.match(r"( *)(- +)?\S", below)
        if not match or (not match[1] and not match[2]):
            continue
        if match[2] and sequence is None:
            offset, sequence = len(match[1]), len(match[1]) + len(match[2])
        elif not match[2] and mapping is None:
            mapping = len(match[1])
        if mapping is not None and sequence is not None:
            break  # both shown: the rest of the file (thousands of items) need not be read
    return mapping or 2, sequence or 4, offset if offset is not None else 2


def _span(node: Any, following: Any | None, total: int) -> tuple[int, int]:
    """The original lines (0-based, end exclusive) from ``node`` up to ``following``."""
    start = node.lc.line
    end = following.lc.line if following is not None else total
    return start, end


def _token(value: str, column: int = 0) -> Any:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    return CommentToken(value, CommentMark(column), None)


def _append(mapping: Any, key: Any, value: Any, note: str | None) -> None:
    """``key: value`` as the mapping's last key; what followed the last key's line
    (blank lines, comments above the next entry) moves below the new line."""
    keys = list(mapping.keys())
    last = keys[-1] if keys else None
    trailing = None
    if last is not None and last in mapping.ca.items and mapping.ca.items[last][2] is not None:
        token = mapping.ca.items[last][2]
        comment = token.value
        cut = comment.find("\n")
        if cut >= 0 and comment[cut + 1 :]:
            own = comment[: cut + 1]  # an end-of-line comment stays on its line
            trailing = comment[cut:]
            if own.strip():
                mapping.ca.items[last][2] = _token(own, token.column)
            else:
                mapping.ca.items[last][2] = None
                if not any(mapping.ca.items[last]):
                    del mapping.ca.items[last]
    mapping[key] = value
    if note:
        mapping.yaml_add_eol_comment(f"# {note}", key)  # ruamel places it: two spaces after the value
        token = mapping.ca.items[key][2]
        token.value = token.value.rstrip("\n") + (trailing or "\n")
    elif trailing:
        mapping.ca.items[key] = [None, None, _token(trailing), None]


def _remove(mapping: Any, key: Any) -> None:
    """Undo _append: drop ``key``; what followed its line goes back to the key before."""
    keys = list(mapping.keys())
    entry = mapping.ca.items.pop(key, None)
    value = mapping[key]
    del mapping[key]
    if hasattr(value, "fa") and hasattr(value, "keys") and len(value) and not value.fa.flow_style():
        # a block map: its last line holds what follows
        inner = value.ca.items.get(list(value.keys())[-1])
        if inner is not None and inner[2] is not None:
            entry = inner
    if entry is None or entry[2] is None or keys[-1] != key or len(keys) < 2:
        return
    comment = entry[2].value
    trailing = comment[comment.find("\n") :] if "\n" in comment else ""
    if trailing in ("", "\n"):
        return
    previous = keys[-2]
    slot = mapping.ca.items.setdefault(previous, [None, None, None, None])
    own = slot[2].value if slot[2] is not None else ""
    column = slot[2].column if slot[2] is not None else 0
    slot[2] = _token(own.removesuffix("\n") + trailing if own else trailing, column)


def _key(entries: Any, sub: str) -> Any:
    """The key of ``entries`` written as ``sub`` (a date key is read back as a date)."""
    return next((k for k in entries if str(k) == sub), sub)


def _flow_map(key: Any, value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap()
    m[key] = value
    m.fa.set_flow_style()
    return m


def _when(moment: Occurrence) -> Any:
    """How a date is written: 2016-09-30, or "2016-07-01 14:30" (quoted) with a time or
    a label ("2016-09-30 甲文件")."""
    if isinstance(moment, Labelled):
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        return DoubleQuotedScalarString(written(moment))
    if isinstance(moment, datetime):
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        return DoubleQuotedScalarString(f"{moment:%Y-%m-%d %H:%M}")
    return moment


def _next_item(doc: _Document, node: Any) -> Any | None:
    entries = list(doc.data["items"])
    at = next(i for i, e in enumerate(entries) if e is node)
    return entries[at + 1] if at + 1 < len(entries) else None


def set_done(
    text: str,
    item_id: str,
    key: str,
    sub: str | None,
    when: date | None,
    note: str | None,
    *,
    line: int | None = None,
) -> Edited:
    """``done`` (key "done") or ``reported`` (key "reported") of item ``item_id``: the
    whole item (``sub`` None), or one entry of its map (an occurrence, or a report id).
    ``when`` None removes it. ``sub`` with ``whole`` for reported: see mark_report.
    A ``note`` is one line (a line break would be YAML structure): anything else is refused.

    ``line`` (1-based), where the item starts as the plan was read from ``text``: only
    the item's own lines are then read and written back (a plan of thousands of items
    costs what one item costs), with the same result (tests/test_plan_edit.py)."""
    if note is not None:
        from ..safetext import not_one_line

        problem = not_one_line(note)
        if problem is not None:
            raise InputError(f"附注{problem}")
    block = None if line is None else _item_block(text, line)
    if block is not None:
        start, end = block
        body = text.removeprefix("\ufeff").replace("\r\n", "\n")
        lines = body.splitlines(keepends=True)
        # the item alone under its key, written with the whole file's indentation
        mini = _Document("items:\n" + "".join(lines[start:end]), _indentation(body))
        part = _set_done(mini, item_id, key, sub, when, note)
        new = "".join(lines[:start]) + part.text.removeprefix("items:\n") + "".join(lines[end:])
        if "\r\n" in text:
            new = new.replace("\n", "\r\n")
        return Edited(("\ufeff" if text.startswith("\ufeff") else "") + new, part.changes)
    return _set_done(_Document(text), item_id, key, sub, when, note)


def _item_block(text: str, line: int) -> tuple[int, int] | None:
    """The lines (0-based, end exclusive) of the item that starts on ``line`` (a "- " line
    of a block sequence), up to the next line as far left as its dash (the next item, or
    the next top-level key), or None when the item is not written so."""
    body = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = body.splitlines()
    if not 0 < line <= len(lines):
        return None
    first = re.match(r"( *)- +\S", lines[line - 1])
    if first is None or not first[1] or "\t" in body or "\r" in body.replace("\r\n", ""):
        return None  # a top-level sequence, or layout this shortcut does not handle
    dash = len(first[1])
    for end in range(line, len(lines)):
        stripped = lines[end].lstrip(" ")
        if stripped and not stripped.startswith("#") and len(lines[end]) - len(stripped) <= dash:
            return line - 1, end
    return line - 1, len(lines)


def _set_done(
    doc: _Document, item_id: str, key: str, sub: str | None, when: date | None, note: str | None
) -> Edited:
    node = doc.item(item_id)
    span = _span(node, _next_item(doc, node), len(doc.original.splitlines()))
    if when is None:
        if sub is None:
            _remove(node, key)
        else:
            entries = node[key]
            sub = _key(entries, sub)
            if len(entries) == 1:
                _remove(node, key)
            elif hasattr(entries, "ca") and sub in entries.ca.items and not entries.fa.flow_style():
                _remove(entries, sub)
            else:
                del entries[sub]
        return doc.render(span)
    if sub is None:
        _append(node, key, when, note)
        return doc.render(span)
    written: Any = date.fromisoformat(sub) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", sub) else sub
    if key not in node or node[key] is None:
        if key in node:
            del node[key]
        _append(node, key, _flow_map(written, when), note)
    else:
        entries = node[key]
        if entries.fa.flow_style():  # kept in order of the occurrences
            at = sum(1 for k in entries if str(k) <= str(written))
            entries.insert(at, written, when)
        else:
            _append(entries, written, when, note)
    return doc.render(span)


def set_event(text: str, name: str, when: Occurrence, *, remove: bool) -> Edited:
    """Add ``when`` to (or remove it from) ``events: {name: [...]}``; a new ``events`` goes
    before ``reports`` / ``items``; emptied entries are removed."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    doc = _Document(text)
    top = doc.data
    total = len(doc.original.splitlines())
    keys = list(top.keys())
    if remove:
        events = top["events"]
        span = _top_span(top, "events", total)
        dates = events[name]
        if len(dates) > 1:
            at = next(i for i, d in enumerate(dates) if _same(d, when))
            del dates[at]
        elif len(events) > 1:
            _remove(events, name)
        else:
            at = keys.index("events")
            del top["events"]
            if at + 1 < len(keys):  # the blank line below the block went with it
                _drop_blank_lines_above(top, keys[at + 1])
        return doc.render(span)
    if "events" in top and top["events"] is not None:
        events = top["events"]
        span = _top_span(top, "events", total)
        if name in events:  # kept in order of time
            dates = events[name]
            at = sum(1 for d in dates if _moment(d) <= _sort_key(when))
            dates.insert(at, _when(when))
        else:
            seq = CommentedSeq([_when(when)])
            seq.fa.set_flow_style()
            _append(events, name, seq, None)
        return doc.render(span)
    before = next((k for k in ("reports", "items") if k in top), keys[-1])
    at = keys.index(before)
    events = CommentedMap()
    seq = CommentedSeq([_when(when)])
    seq.fa.set_flow_style()
    events[name] = seq
    events.ca.items[name] = [None, None, _token("\n\n"), None]  # a blank line before the next key
    if "events" in top:
        del top["events"]
        at = keys.index("events")
    top.insert(at, "events", events)
    line = top.lc.key(before)[0]
    return doc.render((line, line))


def _drop_blank_lines_above(mapping: Any, key: Any) -> None:
    entry = mapping.ca.items.get(key)
    if entry and entry[1] and all(not token.value.strip() for token in entry[1]):
        entry[1] = None
        if not any(entry):
            del mapping.ca.items[key]


def _top_span(top: Any, key: str, total: int) -> tuple[int, int]:
    keys = list(top.keys())
    start = top.lc.key(key)[0]
    at = keys.index(key)
    end = top.lc.key(keys[at + 1])[0] if at + 1 < len(keys) else total
    return start, end


def _sort_key(when: Occurrence) -> tuple[datetime, str]:
    label = when.label if isinstance(when, Labelled) else ""
    moment = moment_of(when)
    if isinstance(moment, datetime):
        return moment, label
    return datetime(moment.year, moment.month, moment.day), label


def _moment(value: Any) -> tuple[datetime, str]:
    """An event date as written, for ordering (one that does not read sorts first)."""
    try:
        return _sort_key(parse_occurrence(str(value)))
    except InputError:
        return datetime.min, ""


def _same(value: Any, when: Occurrence) -> bool:
    try:
        return parse_occurrence(str(value)) == when
    except InputError:
        return False
