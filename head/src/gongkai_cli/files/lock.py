"""One writer at a time: an exclusive lock on a file gongkai edits in place.

Every gongkai command that reads a plan, changes it and writes it back (``done``,
``event``, and any other writer of a plan: drafting one with ``-o``, a register) takes the
lock of that file first and keeps it until the new file is renamed into place; a second
command waits for it (at most WAIT_SECONDS), then reads the file the first one wrote. So
two people marking duties at the same moment both succeed, in turn, and nothing is lost.

The lock is ``fcntl.flock`` on a lock file beside the file, ``.NAME.lock`` (NAME being
the file's name after following symbolic links). It is created when needed, opened
without following a link, and removed again when the lock is released. Removing it is safe
because a locker checks, once it holds the lock, that the name still leads to the file it
locked (the same inode); if not, it locks afresh. An editor or another program that does
not take the lock is still caught by the check before the rename (atomic.write_atomic's
``expect``). Where there is no ``fcntl`` (Windows), or the file system refuses locks, the
edit goes on without one and that check alone guards it.

Locks held by this process are kept in a table, so taking the same lock twice is a no-op
and ``release_all`` (called when a command ends) lets every one go.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError

WAIT_SECONDS = 30.0  # how long a command waits for another one's edit to end

_held: dict[str, int] = {}  # lock file → open descriptor holding the lock


def lock_path(path: Path) -> Path:
    """``.NAME.lock`` beside the file ``path`` names (after following links)."""
    real = Path(os.path.realpath(path))
    return real.with_name(f".{real.name}.lock")


def hold(path: Path, *, wait: float = WAIT_SECONDS) -> None:
    """Take the exclusive lock of ``path`` (waiting at most ``wait`` seconds for another
    process to let it go), or raise an InputError saying who to wait for."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return
    name = str(lock_path(path))
    if name in _held:
        return
    deadline = time.monotonic() + wait
    pause = 0.002
    while True:
        fd = _open(name, path)
        if fd is None:
            return  # no lock file can be made here (a read-only folder): the expect check guards
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise InputError(
                    f"另一个 gongkai 命令正在修改这份文件（等了 {wait:g} 秒）：请稍后重试；"
                    f"若确无其他命令在运行，删除锁文件 {lock_path(path).name} 后重试",
                    where=str(path),
                ) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
            continue
        except OSError:  # the file system does not lock (some network mounts)
            os.close(fd)
            return
        if _same_file(fd, name):
            _held[name] = fd
            return
        os.close(fd)  # the holder before us removed it: lock the new one


def release(path: Path) -> None:
    """Let the lock of ``path`` go (removing the lock file), if this process holds it."""
    _release(str(lock_path(path)))


def _release(name: str) -> None:
    fd = _held.pop(name, None)
    if fd is None:
        return
    with contextlib.suppress(OSError):
        if _same_file(fd, name):
            os.unlink(name)  # while still holding it: whoever waits on it will lock afresh
    os.close(fd)


def release_all() -> None:
    """Let every lock this process holds go (at the end of a command, whatever happened)."""
    for name in list(_held):
        _release(name)


@contextlib.contextmanager
def locked(path: Path, *, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """``with locked(path):`` read, change and write ``path`` with no other gongkai writer
    in between (a lock already held by this process stays held after the block)."""
    already = str(lock_path(path)) in _held
    hold(path, wait=wait)
    try:
        yield
    finally:
        if not already:
            release(path)


def _open(name: str, path: Path) -> int | None:
    flags = os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for mode in (os.O_RDWR, os.O_RDONLY):
        try:
            return os.open(name, flags | mode, 0o666)  # as the umask allows: others edit too
        except PermissionError:
            continue
        except FileNotFoundError:
            return None  # the folder is gone: the read will say so
        except OSError as e:
            if e.errno == errno.ELOOP:
                raise InputError(
                    f"锁文件 {Path(name).name} 是一个符号链接，未跟随：请删除它后重试", where=str(path)
                ) from None
            return None
    return None


def _same_file(fd: int, name: str) -> bool:
    try:
        mine, now = os.fstat(fd), os.stat(name, follow_symlinks=False)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)
