"""Where output goes: the one place that picks a format. JSON has sorted keys; rich is
loaded only for tables.

Every format leaves here with its control characters made visible (safetext): what a
plan, a notice or a batch line holds never moves the cursor or breaks a line of output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING, Any

from ..safetext import json_visible, visible

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import RenderableType

# One renderer per format an answer has: "json" gives the data (a JSON-ready value),
# "table" a rich renderable, every other format ("plain", "csv", "md", "ics") its text.
Renderers = Mapping[str, Callable[[], Any]]


def default_format(stream: IO[str]) -> str:
    """A table for a person at a terminal, plain text for a pipe, a file or cron."""
    return "table" if stream.isatty() else "plain"


def to_json(data: Any) -> str:
    import json

    return json_visible(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2))


# What each text format keeps raw: line feeds; tabs in plain text, which separates its
# columns with them, and in CSV, which quotes them as data; ICS's CRLF line ends (its
# fields are made visible, then escaped by the icalendar library, before that).
KEEP = {"plain": "\t\n", "csv": "\t\n", "ics": "\r\n"}


def emit(fmt: str, renderers: Renderers, *, output: Path | None = None, force: bool = False) -> None:
    """Write the answer in ``fmt`` (plain text for a format the answer has no renderer
    for, such as a table of a one-line answer) to standard output, or to ``output``
    whole or not at all (an existing file is replaced only with ``force``)."""
    if output is None:
        _write(fmt, renderers, sys.stdout)
        return
    from io import StringIO

    from ..files.atomic import write_atomic

    buffer = StringIO()
    _write(fmt, renderers, buffer)
    write_atomic(output, buffer.getvalue(), force=force)


def _write(fmt: str, renderers: Renderers, out: IO[str]) -> None:
    render = renderers.get(fmt, renderers["plain"])
    if fmt == "json":
        out.write(to_json(render()) + "\n")
    elif fmt == "table" and "table" in renderers:
        table: RenderableType = render()
        # rich honours NO_COLOR and TERM=dumb itself, and COLUMNS for the width.
        console = _console(out)
        if console.is_terminal:
            console.print(table)
        else:  # a pipe or a file: the same layout, without the padding at line ends
            with console.capture() as captured:
                console.print(table)
            out.writelines(line.rstrip() + "\n" for line in captured.get().splitlines())
    else:
        text = visible(render(), KEEP.get(fmt, "\n"))
        out.write(text if text.endswith("\n") or not text else text + "\n")


def _console(out: IO[str]) -> Any:
    """A rich Console whose text (not its own styling) has control characters made visible."""
    from rich.console import Console
    from rich.segment import Segment

    class VisibleConsole(Console):
        def _render_buffer(self, buffer: Any) -> str:
            shown = (s if s.control else Segment(visible(s.text, "\n"), s.style) for s in buffer)
            return str(super()._render_buffer(shown))

    return VisibleConsole(file=out, soft_wrap=False)
