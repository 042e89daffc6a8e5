"""Where calendar files are found: options, GONGKAI_CALENDAR, the user's config folder.

Kept apart from files.py, and on os.path rather than pathlib until something is found,
so that a run with no calendar files pays for neither YAML nor pathlib at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..files.folders import config_folder

if TYPE_CHECKING:
    from pathlib import Path


def calendar_folder(env: Mapping[str, str]) -> str:
    """The config folder's calendars: ``$XDG_CONFIG_HOME/gongkai/calendars``."""
    return os.path.join(config_folder(env), "calendars")


def calendar_paths(cli_paths: Sequence[Path | str], env: Mapping[str, str]) -> list[Path]:
    """Calendar files in order of increasing precedence.

    The config folder's ``*.yaml`` (``$XDG_CONFIG_HOME/gongkai/calendars``, by default
    ``~/.config/gongkai/calendars``) first, then ``GONGKAI_CALENDAR`` (os.pathsep
    separated), then the ``--calendar`` options: a later file replaces an earlier one's
    year. A folder given in either stands for its ``*.yaml`` files, sorted by name.
    """
    folder = calendar_folder(env)
    entries = [e.strip() for e in env.get("GONGKAI_CALENDAR", "").split(os.pathsep) if e.strip()]
    if not cli_paths and not entries and not os.path.isdir(folder):
        return []
    from pathlib import Path

    def expand(path: Path) -> list[Path]:
        return sorted(path.glob("*.yaml")) if path.is_dir() else [path]

    paths: list[Path] = []
    if os.path.isdir(folder):
        paths.extend(sorted(Path(folder).glob("*.yaml")))
    for entry in entries:
        paths.extend(expand(Path(entry).expanduser()))
    for option in cli_paths:
        paths.extend(expand(Path(option).expanduser()))
    return paths
