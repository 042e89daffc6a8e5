"""Text that fits a width: wrapping Chinese and mixed text, and tables that switch to blocks.

Widths are terminal cells as rich counts them (``rich.cells.cell_len``: a CJK character
takes two). Wrapping breaks between Chinese characters and at spaces, never inside a run
of ASCII (a date, an id, a number: ``2016-06-30``, ``5.1.4b@2016-06``, ``10``), and keeps
the simple line-breaking rules of Chinese typesetting (禁则): closing punctuation never
starts a line, opening punctuation never ends one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

# Never at the start of a line (closing marks, pauses, enders) / never at the end (openers).
NO_START = set("，。、；：？！）》」』】〕”’…—·～%,.;:!?)]}>")
NO_END = set("（《「『【〔“‘([{<")

# A run of ASCII (a date, an id, a number) is never broken; a number keeps the character
# that follows it ("4月", "10 个"), so a line never ends in a bare count.
# A command (gongkai and its words, each with some ASCII in it: ``gongkai calendar import
# 通知.txt --install``) is one token too: a reader copies it whole from a mail or a note.
# A number in Chinese numerals (第一千二百五十九条, 三十日) is one word as well.
_TOKENS = re.compile(
    r"gongkai(?: (?=[^\s]*[\x21-\x7e])[^\s，。；、（）]+)+"
    r"|第?[零〇一二三四五六七八九十百千万两]{2,}[条款项章节号日天个]?"
    r"|[\x21-\x7e]*[0-9](?![\x21-\x7e])(?: ?[\u4e00-\u9fff])?|[\x21-\x7e]+|\s+|.",
    re.S,
)


def width(text: str) -> int:
    return cell_len(text)


def _fold(token: str, size: int) -> list[str]:
    """A token wider than the line, cut into pieces (only for runs longer than any line)."""
    pieces, piece = [], ""
    for ch in token:
        if piece and cell_len(piece + ch) > size:
            pieces.append(piece)
            piece = ""
        piece += ch
    return [*pieces, piece] if piece else pieces


# A list of names (departments: 条法司、初审及流程管理部；办公室牵头): broken only after
# its separators, never inside a name.
_NAMES = re.compile(r"[^、；，\s]+[、；，]?|\s+|[、；，]")


def _tokens(text: str, names: bool) -> list[str]:
    return (_NAMES if names else _TOKENS).findall(text)


def wrap(text: str, size: int, *, names: bool = False) -> list[str]:
    """``text`` as lines of at most ``size`` cells; existing line breaks are kept.
    ``names``: a list of names, broken only between them (a name wider than the line
    is cut, as any word would be)."""
    size = max(size, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, size, names))
    return lines


def _wrap_paragraph(text: str, size: int, names: bool = False) -> list[str]:
    tokens: list[str] = []
    for token in _tokens(text, names):
        tokens.extend(_fold(token, size) if not token.isspace() and cell_len(token) > size else [token])
    lines: list[list[str]] = []
    line: list[str] = []
    used = 0
    for token in tokens:
        if token.isspace():
            if line:
                token = token.replace("\t", " ")
                line.append(token)
                used += cell_len(token)
            continue
        need = cell_len(token)
        if used + need <= size or not line:
            line.append(token)
            used += need
            continue
        while line and line[-1].isspace():
            line.pop()
        carried: list[str] = []
        # 禁则: take the last character along when the new line would start with a
        # closing mark; never leave an opening mark at the end of the line.
        if token[0] in NO_START and len(line) == 1 and len(line[0]) > 1:
            # One unbreakable run fills the line (a long path): its last character goes
            # along with the mark rather than the mark starting the line.
            line, carried = [line[0][:-1]], [line[0][-1]]
        elif token[0] in NO_START and len(line) > 1:
            carried.insert(0, line.pop())
            # “。”」 and the like, and a space before a mark: the new line starts with a word.
            while (carried[0].isspace() or carried[0][0] in NO_START) and len(line) > 1:
                carried.insert(0, line.pop())
            while carried and carried[0].isspace():
                carried.pop(0)
        while len(line) > 1 and line[-1][-1] in NO_END:
            carried.insert(0, line.pop())
        while line and line[-1].isspace():
            line.pop()
        lines.append(line)
        line = [*carried, token]
        used = sum(cell_len(t) for t in line)
        if used > size:  # the carried text and the mark do not fit together: give up the rule
            lines.append(carried)
            line, used = [token], need
    if line:
        while line and line[-1].isspace():
            line.pop()
        lines.append(line)
    # No lone character on the last line (“完\n成”): it takes its neighbour along.
    if len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-1][0]) == 1 and len(lines[-2]) > 2:
        moved = lines[-2][-1]
        if (
            not moved.isspace()
            and moved[0] not in NO_START
            and cell_len(moved) + cell_len(lines[-1][0]) <= size
        ):
            lines[-1].insert(0, lines[-2].pop())
            while lines[-2] and lines[-2][-1].isspace():
                lines[-2].pop()
    return ["".join(parts) for parts in lines] or [""]


def unwrap(lines: Sequence[str]) -> str:
    """Source lines of one paragraph as one line, to be wrapped again: joined by a space
    between two runs of ASCII (words), by nothing where either side is Chinese (no stray
    space after ，)."""
    text = ""
    for line in (line.strip() for line in lines):
        if text and line and text[-1].isascii() and line[0].isascii():
            text += " "
        text += line
    return text


def indent(text: str, size: int, prefix: str = "  ") -> list[str]:
    """``text`` wrapped to ``size`` cells including the indentation ``prefix``."""
    return [prefix + line for line in wrap(text, size - cell_len(prefix))]


def longest_token(text: str, *, names: bool = False) -> int:
    """Cells of the widest unbreakable piece (an ASCII run or one character; a name)."""
    return max((cell_len(t) for t in _tokens(text, names) if not t.isspace()), default=0)


def join_fitting(parts: Sequence[str], size: int, sep: str = "  ", prefix: str = "") -> list[str]:
    """Whole ``parts`` on as few lines as fit ``size``: a part moves to the next line
    rather than being cut (a date, an id, a count), and is wrapped only if it alone
    is wider than the line."""
    lines: list[str] = []
    line = ""
    for part in (p for p in parts if p):
        candidate = f"{line}{sep}{part}" if line else prefix + part
        if cell_len(candidate) <= size:
            line = candidate
            continue
        if line:
            lines.append(line)
        if cell_len(prefix + part) <= size:
            line = prefix + part
        else:
            pieces = indent(part, size, prefix)
            lines.extend(pieces[:-1])
            line = pieces[-1]
    if line:
        lines.append(line)
    return lines


# -- tables that fit ---------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A table column: ``fixed`` ones (dates, ids, counts) are never wrapped or cut;
    the others share the remaining width by ``ratio`` and are wrapped at words
    (``names``: a list of names, wrapped between names only)."""

    header: str
    fixed: bool = False
    ratio: int = 1
    min_width: int = 8
    justify: str = "left"
    names: bool = False


def column_widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], total: int) -> list[int] | None:
    """Content widths that fit ``total`` cells with rich's padding and rules (three cells
    a column and one more), or None when the wrapped columns would get less than their
    minimum: then the caller uses blocks instead of a table."""
    natural = [
        max([width(col.header), *(max((width(x) for x in row[i].split("\n")), default=0) for row in rows)])
        for i, col in enumerate(columns)
    ]
    widths = [natural[i] if col.fixed else 0 for i, col in enumerate(columns)]
    flexible = [i for i, col in enumerate(columns) if not col.fixed]
    room = total - (3 * len(columns) + 1) - sum(widths)
    minimum = {
        i: min(
            natural[i],
            max([columns[i].min_width, *(longest_token(row[i], names=columns[i].names) for row in rows)]),
        )
        for i in flexible
    }
    if room < sum(minimum.values()):
        return None
    for i in flexible:
        widths[i] = minimum[i]
    room -= sum(minimum.values())
    # Share what is left by ratio, never beyond what a column's text needs.
    while room > 0:
        hungry = [i for i in flexible if widths[i] < natural[i]]
        if not hungry:
            break
        weight = sum(columns[i].ratio for i in hungry)
        given = 0
        for i in hungry:
            share = max(1, room * columns[i].ratio // weight)
            share = min(share, natural[i] - widths[i], room - given)
            widths[i] += share
            given += share
        if given == 0:
            break
        room -= given
    return widths


class Fitted:
    """A rich renderable choosing its layout at render time, from the width it is given:
    ``table(width)`` returns a renderable, or None when it does not fit, and then
    ``blocks(width)`` is rendered instead."""

    def __init__(
        self,
        table: Callable[[int], RenderableType | None],
        blocks: Callable[[int], RenderableType],
    ) -> None:
        self.table = table
        self.blocks = blocks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        size = options.max_width
        chosen = self.table(size)
        yield chosen if chosen is not None else self.blocks(size)


class Para:
    """Text wrapped by :func:`wrap` (with 禁则) at the width it is rendered in."""

    def __init__(self, text: str, style: str = "", prefix: str = "") -> None:
        self.text, self.style, self.prefix = text, style, prefix

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        for line in indent(self.text, options.max_width, self.prefix):
            yield Text(line, style=self.style, no_wrap=True, overflow="ignore")


def fit_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    size: int,
    *,
    title: str | None = None,
    styles: Sequence[str] | None = None,
) -> RenderableType | None:
    """A rich table whose every column fits ``size`` cells, its wrapped cells broken by
    :func:`wrap`; None when it cannot fit without cramming."""
    widths = column_widths(columns, rows, size)
    if widths is None:
        return None
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text("\n".join(wrap(title, size)), no_wrap=True) if title else None,
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
    )
    for col, w in zip(columns, widths, strict=True):
        table.add_column(col.header, width=w, no_wrap=True, overflow="ignore", justify=col.justify)  # type: ignore[arg-type]
    for n, row in enumerate(rows):
        cells = [
            cell if col.fixed else "\n".join(wrap(cell, w, names=col.names))
            for col, w, cell in zip(columns, widths, row, strict=True)
        ]
        table.add_row(*cells, style=styles[n] if styles else "")
    return table


def lines_of(blocks: Iterator[tuple[list[str], str]]) -> RenderableType:
    """Blocks of ready lines (each with a style) as one rich renderable, a blank line
    between blocks."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = []
    for lines, style in blocks:
        if parts:
            parts.append(Text(""))
        parts.extend(Text(line, style=style, no_wrap=True, overflow="ignore") for line in lines)
    return Group(*parts)
