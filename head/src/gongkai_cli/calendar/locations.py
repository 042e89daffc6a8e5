"""Where calendar files are found: options, GONGKAI_CALENDAR, the user's config folder.

Kept apart from files.py, and on os.path rather than pathlib until something is found,
so that a run with no calendar files pays for neither YAML nor pathlib at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..errors import InputError
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
    year. A folder given in either stands for its ``*.yaml`` files, sorted by name. A
    path that cannot be read, or a config folder that cannot be listed, is an InputError.
    """
    folder = calendar_folder(env)
    entries = [e.strip() for e in env.get("GONGKAI_CALENDAR", "").split(os.pathsep) if e.strip()]
    if not cli_paths and not entries and not os.path.lexists(folder):
        return []
    from pathlib import Path

    paths: list[Path] = []
    if os.path.lexists(folder):
        if not os.path.isdir(folder):
            raise InputError(
                "日历文件夹不是可读的文件夹：请删除它或改为存放 *.yaml 日历文件的文件夹", where=folder
            )
        paths.extend(_yaml_files(Path(folder)))
    for entry in [*entries, *cli_paths]:
        path = Path(entry).expanduser()
        try:
            is_dir = path.is_dir()
        except (OSError, ValueError) as e:  # a name too long, a loop of links, a NUL
            raise InputError(
                f"无法读取日历文件：{getattr(e, 'strerror', None) or e}", where=str(path)
            ) from None
        paths.extend(_yaml_files(path) if is_dir else [path])
    return paths


def _yaml_files(folder: Path) -> list[Path]:
    """The folder's ``*.yaml`` files sorted by name; a folder that cannot be listed is an
    error, never an empty list."""
    try:
        names = os.listdir(folder)
    except OSError as e:
        raise InputError(f"无法读取日历文件夹：{e.strerror or e}", where=str(folder)) from None
    return [folder / name for name in sorted(names) if name.endswith(".yaml")]
