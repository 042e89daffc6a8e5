"""Where output goes: one choice of format, JSON with sorted keys, rich only for tables."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import RenderableType


def default_format(stream: IO[str]) -> str:
    """A table for a person at a terminal, plain text for a pipe, a file or cron."""
    return "table" if stream.isatty() else "plain"


def to_json(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)


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
        from rich.console import Console

        # rich honours NO_COLOR and TERM=dumb itself, and COLUMNS for the width.
        console = Console(file=out, soft_wrap=False)
        if console.is_terminal:
            console.print(table())
        else:  # a pipe or a file: the same layout, without the padding at line ends
            with console.capture() as captured:
                console.print(table())
            out.writelines(line.rstrip() + "\n" for line in captured.get().splitlines())
    else:
        text = plain()
        out.write(text if text.endswith("\n") or not text else text + "\n")
