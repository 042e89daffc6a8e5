"""Write a file so that it is either the old one or the whole new one, never half."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError


class FileExists(InputError):
    """The file to write exists and may not be replaced."""

    def __init__(self, path: Path) -> None:
        super().__init__("文件已存在，未覆盖", where=str(path))


def write_atomic(
    path: Path, text: str | bytes, *, force: bool, expect: bytes | None = None, keep_previous: bool = False
) -> None:
    """Write ``text`` (UTF-8; bytes as they are) to ``path`` through a temp file in the same folder.

    The temp file is flushed and fsynced, then renamed over ``path`` (os.replace), so a
    crash leaves the old file intact. An existing file is overwritten only with
    ``force``; the temp file is removed whatever goes wrong. With ``expect`` (the bytes
    the file held when it was read), the file is replaced only if it still holds them, checked
    just before the rename: an edit made meanwhile (by hand, by another run) is not lost.

    Only regular files are replaced. A character device or a FIFO (``/dev/null``,
    ``/dev/stdout``, a terminal, a named pipe) is written through, as the shell's ``>``
    does, without --force and without replacing it; anything else that is not a regular
    file (a socket, a block device) is refused. A symbolic link is followed: the file it
    points to is replaced, the link stays.

    A replaced file keeps its mode, and its owner and group where the user may set them.
    With ``keep_previous``, the file being replaced is kept as ``.NAME.prev`` beside it.
    Temporary files are removed on an error and on SIGINT, SIGTERM and SIGHUP.
    """
    try:
        info = os.stat(path)  # follows links
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as e:
        raise InputError(f"无法写入：{getattr(e, 'strerror', None) or e}", where=str(path)) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            _write_through(path, text)
            return
        raise InputError("不是普通文件，未写入：只写普通文件，或写入终端、管道这类设备", where=str(path))
    if os.path.islink(path):
        path = Path(os.path.realpath(path))  # replace what the link points to, not the link
    if not force and path.exists():
        raise FileExists(path)
    with _removed_on_signals() as temps:
        _replace(path, text, force=force, expect=expect, keep_previous=keep_previous, temps=temps)
    _fsync_dir(path.parent)


def previous_path(path: Path) -> Path:
    """``.NAME.prev``: the version of an edited file before the last edit (one generation)."""
    return path.with_name(f".{path.name}.prev")


def _replace(
    path: Path,
    text: str | bytes,
    *,
    force: bool,
    expect: bytes | None,
    keep_previous: bool,
    temps: list[Path],
) -> None:
    try:
        old = path.stat() if path.exists() else None
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise InputError(f"无法写入：{e.strerror or e}", where=str(path)) from None
    tmp = Path(tmp_name)
    temps.append(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        if old is not None:
            _keep_owner(tmp, old)
        os.chmod(tmp, old.st_mode & 0o777 if old is not None else 0o644)
        if expect is not None and path.read_bytes() != expect:
            raise InputError("文件在读取之后被改动过，未写入：请重新运行命令", where=str(path))
        if keep_previous and old is not None:
            _keep_previous(path, temps)
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
        raise InputError(f"无法写入：{e.strerror or e}", where=str(path)) from None


def _keep_owner(tmp: Path, old: os.stat_result) -> None:
    """The new file gets the old one's owner and group where this user may set them (the
    owner only as root; a group the user belongs to); otherwise the user's own."""
    if not hasattr(os, "chown"):  # pragma: no cover - not POSIX
        return
    for uid in (old.st_uid, -1):
        try:
            os.chown(tmp, uid, old.st_gid)
            return
        except OSError:
            continue


def _keep_previous(path: Path, temps: list[Path]) -> None:
    """The file as it is now becomes ``.NAME.prev`` (a hard link to it, so the very bytes,
    owner and mode; a copy where the file system has no hard links)."""
    prev = previous_path(path)
    staged = prev.with_name(f"{prev.name}.{os.getpid()}.tmp")
    temps.append(staged)
    with contextlib.suppress(FileNotFoundError):
        staged.unlink()
    try:
        os.link(path, staged)
    except OSError:
        with open(path, "rb") as src, open(staged, "xb") as dst:
            dst.write(src.read())
    os.replace(staged, prev)


@contextlib.contextmanager
def _removed_on_signals() -> Iterator[list[Path]]:
    """The temporary files the block records, removed whatever happens: an error, Ctrl-C,
    or SIGTERM / SIGHUP (a logout, ``kill``), after which the signal takes its course."""
    temps: list[Path] = []
    previous: dict[int, Any] = {}

    def interrupted(signum: int, _frame: object) -> None:
        raise _Signalled(signum)

    try:
        for signum in _SIGNALS:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                previous[signum] = signal.signal(signum, interrupted)
        try:
            yield temps
        finally:
            for tmp in temps:
                with contextlib.suppress(OSError):
                    tmp.unlink()
    except _Signalled as e:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        previous.clear()
        os.kill(os.getpid(), e.signum)  # as if the signal had come now: its handler or death
        raise SystemExit(128 + e.signum) from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class _Signalled(BaseException):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _write_through(path: Path, text: str | bytes) -> None:
    """Write to a device or FIFO as it is, never creating or replacing anything."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as e:
        raise InputError(f"无法写入：{e.strerror or e}", where=str(path)) from None


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
