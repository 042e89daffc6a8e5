"""The command-line interface: thin commands over the pure core, loaded on demand."""

from __future__ import annotations

from .startup import pause_collector

pause_collector()  # until a command runs: see startup.py

from .main import main  # noqa: E402

__all__ = ["main"]
