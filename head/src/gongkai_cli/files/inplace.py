"""Editing a user's file in place (``gongkai done``, ``gongkai event``): read it whole
under its lock, write it back whole, and keep the version before.

- ``read_for_edit`` takes the file's lock (lock.py) and reads it, refusing a read that
  may be torn: the file's size, modification time and inode are compared before and after
  the read (and the bytes read with the size), and a file whose last line has no line
  break is refused when the version gongkai kept before its last edit (``.NAME.prev``)
  ended with one: a file being written this moment ends mid-line. A plan written by
  hand without a final line break, never edited by gongkai, is edited as it is. A file with more than
  one hard link is refused too: replacing it would cut the other names off the edit.
- ``write_back`` replaces the file through atomic.write_atomic, only if it still holds
  the bytes read (a program that does not take the lock is caught there), keeping its
  mode, owner and group where the user may set them, and the version before as
  ``.NAME.prev``; then lets the lock go.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from ..errors import InputError
from .lock import hold, release

READ_TRIES = 3  # reads that saw the file change before the edit is refused


def read_for_edit(path: Path, *, limit: int) -> bytes:
    """The bytes of ``path`` (at most ``limit``), read whole under the file's lock."""
    hold(path)
    for attempt in range(READ_TRIES):
        raw, changed = _read_once(path, limit)
        if not changed:
            break
        time.sleep(0.05 * (attempt + 1))
    else:
        raise InputError("文件在读取过程中被其他程序改动，未修改：请等它写完后重新运行命令", where=str(path))
    if raw and not raw.endswith(b"\n") and _previous_ended_a_line(path):
        raise InputError(
            "文件最后一行没有换行符，可能不完整（正被其他程序写入），未修改："
            "请确认文件完整，在末尾加一个换行后重试",
            where=str(path),
        )
    return raw


def _previous_ended_a_line(path: Path) -> bool:
    from .atomic import previous_path

    try:
        with open(previous_path(path), "rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"
    except OSError:
        return False


def _read_once(path: Path, limit: int) -> tuple[bytes, bool]:
    """(bytes, whether the file changed while they were read)."""
    with open(path, "rb") as handle:
        before = os.fstat(handle.fileno())
        if before.st_nlink > 1:
            raise InputError(
                f"计划文件有 {before.st_nlink} 个硬链接，改写会使其他名字仍指向旧内容，未修改："
                "请改用符号链接（ln -s），或复制一份（cp）后修改副本",
                where=str(path),
            )
        raw = handle.read(limit + 1)
        after = os.fstat(handle.fileno())
    if len(raw) > limit:
        raise InputError(f"文件超过 {limit // (1024 * 1024)} MiB，不像是一份计划", where=str(path))
    try:
        now = os.stat(path)
    except OSError:
        return raw, True
    return raw, len(raw) != after.st_size or not (_same(before, after) and _same(after, now))


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino, a.st_size, a.st_mtime_ns) == (b.st_dev, b.st_ino, b.st_size, b.st_mtime_ns)


def write_back(path: Path, text: str | bytes, *, expect: bytes) -> None:
    """Replace ``path`` (through a symbolic link, the file it names) with ``text`` (UTF-8;
    bytes as they are) if it still holds ``expect``; the old version stays as
    ``.NAME.prev``; the lock is let go."""
    from .atomic import write_atomic

    try:
        write_atomic(path.resolve(), text, force=True, expect=expect, keep_previous=True)
    finally:
        release(path)
