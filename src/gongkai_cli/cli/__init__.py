"""The command-line interface: thin commands over the pure core."""

from __future__ import annotations

from . import engine  # noqa: F401  (registers the commands)
from .main import main

__all__ = ["main"]
