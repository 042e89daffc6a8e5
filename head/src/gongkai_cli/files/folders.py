"""The user's folders for gongkai, as the XDG Base Directory spec places them.

On os.path rather than pathlib: a run with no calendar files should not pay for pathlib.
"""

from __future__ import annotations

import os
from collections.abc import Mapping


def _xdg(env: Mapping[str, str], variable: str, default: str) -> str:
    base = env.get(variable, "")
    if not (base and os.path.isabs(base)):  # the spec ignores relative values
        base = os.path.join(env.get("HOME") or os.path.expanduser("~"), default)
    return os.path.join(base, "gongkai")


def config_folder(env: Mapping[str, str]) -> str:
    """``$XDG_CONFIG_HOME/gongkai``, by default ``~/.config/gongkai``."""
    return _xdg(env, "XDG_CONFIG_HOME", ".config")


def cache_folder(env: Mapping[str, str]) -> str:
    """``$XDG_CACHE_HOME/gongkai``, by default ``~/.cache/gongkai``."""
    return _xdg(env, "XDG_CACHE_HOME", ".cache")


def data_folder(env: Mapping[str, str]) -> str:
    """``$XDG_DATA_HOME/gongkai``, by default ``~/.local/share/gongkai``."""
    return _xdg(env, "XDG_DATA_HOME", os.path.join(".local", "share"))
