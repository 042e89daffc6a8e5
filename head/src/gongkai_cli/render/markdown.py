"""Markdown written by every format that makes it (due, tasks, show, status, the register,
the annual report's table): one escaping for its cells and one way to write a table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Markdown and the HTML it may hold: titles come verbatim from received documents, so
# ``<script>``, ``<img onerror=…>``, ``![](http://…)`` or ``[text](url)`` in one must show
# as written, never run, load or link. HTML's three are written as entities, Markdown's
# link, image, code and table marks with a backslash (CommonMark, GFM).
_MD_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "[": "\\[",
        "]": "\\]",
        "!": "\\!",
        "`": "\\`",
        "|": "\\|",
        "\n": " ",
        "\r": " ",
        "\u2028": " ",
        "\u2029": " ",
    }
)


def md_cell(text: str) -> str:
    """Text as a Markdown table cell or heading: no HTML, link, image, code or cell break."""
    return text.translate(_MD_ESCAPES)


def md_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GitHub-flavoured Markdown table: the header as written, every cell through md_cell."""
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows),
    ]
