"""Reading the user's files: at most a limit of bytes from a file or standard input, and
decoded, once for every kind of file. Plans and calendar files must be UTF-8; documents
people save or paste (a 工作要点, a State Council notice) may also be the GBK that Windows
in China saves."""

from __future__ import annotations

import sys
from typing import TextIO

from ..errors import InputError
from ..safetext import describe, first_control, without_controls

MIB = 1024 * 1024
GBK_NOTE = "不是 UTF-8，已按 GBK 解码（GB18030）"


def standard_input() -> TextIO:
    """Standard input, or an InputError when the process was started without one (``<&-``)."""
    if sys.stdin is None:
        raise InputError("标准输入已关闭：请用管道或重定向提供输入（如 < 文件）", where="<stdin>")
    return sys.stdin


class MissingFile(InputError):
    """The file named does not exist."""


class NotUtf8(InputError):
    """A file that must be UTF-8 is not; ``line`` is where the first bad byte is."""

    def __init__(self, message: str, source: str, line: int) -> None:
        super().__init__(message, where=f"{source}:{line}")
        self.line = line


def read_bytes(source: str, *, limit: int, what: str, too_big: str) -> tuple[bytes, str]:
    """(bytes, label) of the file ``source``, or of standard input for ``-``, refusing more
    than ``limit`` bytes. ``what`` names the file in messages; ``too_big`` is the message
    for one over the limit."""
    label = "<stdin>" if source == "-" else source
    try:
        if source == "-":
            raw = standard_input().buffer.read(limit + 1)
        else:
            with open(source, "rb") as handle:  # at most the limit: /dev/zero has no size
                raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise MissingFile(f"无法读取{what}：找不到文件", where=label) from None
    except OSError as e:
        raise InputError(f"无法读取{what}：{e.strerror or e}", where=label) from None
    if len(raw) > limit:
        raise InputError(too_big, where=label)
    return raw, label


def decode_utf8(raw: bytes, source: str, what: str) -> str:
    """The text of a file that must be UTF-8 (a byte-order mark is harmless)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise NotUtf8(
            f"文件不是 UTF-8 编码（第 {e.start + 1} 字节无法解码）：请以 UTF-8 另存{what}", source, line
        ) from None


def read_document(
    source: str, *, limit: int, what: str, too_big: str, office: int = 0
) -> tuple[str, str, str | None]:
    """(text, label, note) of the document ``source`` (a file, or ``-``); the note says how
    the text was decoded when it was not UTF-8. With ``office`` (a limit in bytes), a .docx
    or a PDF (recognised by its first bytes) up to that size is read too (office.py)."""
    if office <= limit:
        raw, label = read_bytes(source, limit=limit, what=what, too_big=too_big)
    else:
        larger = f"文件超过 {office // MIB} MiB，不像是一份{what}"
        raw, label = read_bytes(source, limit=office, what=what, too_big=larger)
        from .office import kind_of, office_text

        if kind_of(raw) is not None and (read := office_text(raw, label)) is not None:
            # What a .docx or PDF extraction leaves (Word's vertical tab, a PDF's NUL) is
            # no content: stripped, as page breaks are from text.
            text = without_controls(read[0].replace("\v", "\n"))
            if len(text.encode("utf-8")) > limit:  # the same bound as text given as text
                raise InputError(f"取出的文字超过 {limit // MIB} MiB，不像是一份{what}，未读取", where=label)
            return text, label, read[1]
        if len(raw) > limit:
            raise InputError(too_big, where=label)
    text, note = decode_document(raw, label)
    return checked_text(text, label), label, note


def checked_text(text: str, label: str) -> str:
    """The text without page breaks (form feeds, as PDF converters leave them), or an
    InputError at the line of any other control character (an escape sequence, a NUL)."""
    text = text.replace("\f", "")
    at = first_control(text)
    if at is not None:
        line = text.count("\n", 0, at) + 1
        raise InputError(f"文本中有控制字符 {describe(text[at])}：请删去后再试", where=f"{label}:{line}")
    return text


def decode_document(raw: bytes, source: str) -> tuple[str, str | None]:
    """The text of a document's bytes, and a note when it was not UTF-8.

    UTF-8 with or without a byte-order mark; UTF-16 with one; otherwise GBK, read as its
    superset GB18030 (what Windows in China saves as "ANSI").
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "文件是 UTF-16 编码，已按 UTF-16 读取"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        return raw.decode("gb18030"), GBK_NOTE
    except UnicodeDecodeError:
        line = raw[: utf8_error.start].count(b"\n") + 1
        raise InputError(
            "无法识别文件编码（既不是 UTF-8 也不是 GBK）：请另存为 UTF-8 文本", where=f"{source}:{line}"
        ) from None
