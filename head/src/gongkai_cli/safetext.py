"""Control characters in text that came from outside (plans, notices, documents, batch
input): the one place that finds them and shows them harmlessly.

A control character is any of Unicode's category Cc: C0 (U+0000-U+001F), DEL (U+007F)
and C1 (U+0080-U+009F), ESC among them. Printed raw, they move the cursor, clear the
screen, retitle the terminal window (``ESC ] 0 ; … BEL``), hide text behind a carriage
return or break a line of CSV, ICS or Markdown. At output, ``visible`` shows each one as
a picture of itself, one character for one: C0 as its Control Pictures symbol (ESC as
U+241B ␛, BEL as U+2407 ␇), DEL as U+2421 ␡, C1 as U+FFFD �; tab and line feed are kept
where the format gives them a meaning. At the door, the readers use ``first_control`` to
refuse a file that holds one, with its line.
"""

from __future__ import annotations

import re

# Pattern strings, compiled (and cached by re) on first use: every command imports this
# module, and most never meet a control character.
_CONTROL = "[\x00-\x1f\x7f-\x9f]"
_PICTURES = {
    **{i: chr(0x2400 + i) for i in range(0x20)},
    0x7F: "\u2421",
    **{i: "\ufffd" for i in range(0x80, 0xA0)},
}


_CONTROL_EXCEPT: dict[str, str] = {"": _CONTROL}  # keep → the pattern of the others


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control character except those in ``keep`` (of "\\t\\n\\r")
    replaced by its picture; the length is unchanged."""
    pattern = _CONTROL_EXCEPT.get(keep)
    if pattern is None:  # the control characters not kept, as a class (none is special in one)
        others = "".join(chr(code) for code in _PICTURES if chr(code) not in keep)
        pattern = _CONTROL_EXCEPT[keep] = f"[{others}]"
    if not re.search(pattern, text):
        return text  # the common case, fast: a page of lines, no control character but those kept
    table = {code: picture for code, picture in _PICTURES.items() if chr(code) not in keep}
    return text.translate(table)


def without_controls(text: str, keep: str = "\t\n\r") -> str:
    """``text`` with every control character except those in ``keep`` removed."""
    if not re.search(_CONTROL, text):
        return text
    return text.translate({code: None for code in _PICTURES if chr(code) not in keep})


def first_control(text: str, allowed: str = "\t\n\r") -> int | None:
    """The index of the first control character not in ``allowed``, or None."""
    if text.isprintable():  # the common case: no control character at all (all are Cc)
        return None
    for match in re.finditer(_CONTROL, text):
        if match.group() not in allowed:
            return match.start()
    return None


def describe(char: str) -> str:
    """A control character named for a message: U+001B（␛）."""
    return f"U+{ord(char):04X}（{visible(char)}）"


_RAW_IN_JSON = "[\x7f-\x9f]"


def json_visible(dumped: str) -> str:
    """JSON from ``json.dumps(…, ensure_ascii=False)`` with DEL and C1, which it leaves raw,
    written as ``\\u`` escapes (the data read back is unchanged; C0 is escaped already)."""
    return re.sub(_RAW_IN_JSON, lambda m: f"\\u{ord(m.group()):04x}", dumped)


# What a YAML reader, a terminal or an editor may take for the end of a line: the C0 and C1
# controls (CR, LF, VT, FF, NEL U+0085 …) and the Unicode line and paragraph separators.
_BREAKING = "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]"


def not_one_line(text: str) -> str | None:
    """Why ``text`` cannot be written as one line of a file (a line break or another control
    character, tab allowed), or None when it can."""
    match = re.search(_BREAKING, text)
    if match is None:
        return None
    char = match.group()
    kind = "换行符" if char in "\r\n\x0b\x0c\x85\u2028\u2029" else "控制字符"
    return f"只能是一行文字，第 {match.start() + 1} 个字符是{kind} U+{ord(char):04X}：请删去后重试"
