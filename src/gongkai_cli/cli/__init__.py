"""The command-line interface: thin commands over the pure core, loaded on demand."""

from __future__ import annotations

from .main import main

__all__ = ["main"]
