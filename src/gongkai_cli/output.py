"""Where output goes: one choice of format, JSON with sorted keys, rich only for tables.

Every format leaves here with its control characters made visible (safetext): what a
plan, a notice or a batch line holds never moves the cursor or breaks a line of output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from .safetext import json_visible, visible

if TYPE_CHECKING:
    from rich.console import RenderableType


def default_format(stream: IO[str]) -> str:
    """A table for a person at a terminal, plain text for a pipe, a file or cron."""
    return "table" if stream.isatty() else "plain"


def to_json(data: Any) -> str:
    import json

    return json_visible(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2))


# What each text format keeps raw: line feeds; tabs in plain text, which separates its
# columns with them; ICS's CRLF line ends (its fields are made visible, then escaped by the
# icalendar library, before that).
KEEP = {"plain": "\t\n", "ics": "\r\n"}


def emit(
    fmt: str,
    *,
    plain: Callable[[], str],
    data: Callable[[], Any],
    table: Callable[[], RenderableType] | None = None,
    stream: IO[str] | None = None,
) -> None:
    out = stream or sys.stdout
    if fmt == "json":
        out.write(to_json(data()) + "\n")
    elif fmt == "table" and table is not None:
        # rich honours NO_COLOR and TERM=dumb itself.
        _console(out).print(table())
    else:
        text = visible(plain(), KEEP.get(fmt, "\n"))
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
