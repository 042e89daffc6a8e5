"""Write a file so that it is either the old one or the whole new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..errors import InputError


class FileExists(InputError):
    """The file to write exists and may not be replaced."""

    def __init__(self, path: Path) -> None:
        super().__init__("文件已存在，未覆盖", where=str(path))


def write_atomic(path: Path, text: str | bytes, *, force: bool, expect: bytes | None = None) -> None:
    """Write ``text`` (UTF-8; bytes as they are) to ``path`` through a temp file in the same folder.

    The temp file is flushed and fsynced, then renamed over ``path`` (os.replace), so a
    crash leaves the old file intact. An existing file is overwritten only with
    ``force``; the temp file is removed whatever goes wrong. With ``expect`` (the bytes
    the file held when it was read), the file is replaced only if it still holds them, checked
    just before the rename: an edit made meanwhile (by hand, by another run) is not lost.
    """
    if not force and path.exists():
        raise FileExists(path)
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise InputError(f"无法写入：{e.strerror or e}", where=str(path)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if expect is not None and path.read_bytes() != expect:
            raise InputError("文件在读取之后被改动过，未写入：请重新运行命令", where=str(path))
        if force:
            os.replace(tmp, path)
        else:
            # Hard-link then unlink: fails instead of clobbering a file created meanwhile.
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise FileExists(path) from None
            except OSError:  # no hard links on this file system
                if path.exists():
                    raise FileExists(path) from None
                os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise InputError(f"无法写入：{e.strerror or e}", where=str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):
        tmp.unlink()  # left behind by the hard-link path
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
