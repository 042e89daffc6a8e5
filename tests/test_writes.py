"""Files gongkai writes: one helper (atomic.write_atomic), and nothing lost when it fails.

Every file a command writes (calendar import -o / --install, due and tasks -o, plan
extract -o) goes through write_atomic: a temporary file in the same folder, flushed and
synced, then renamed. Here the write fails midway, through the real CLI, and the old
file must be intact and no temporary file left behind.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Run

SRC = Path(__file__).resolve().parent.parent / "src" / "gongkai_cli"
OLD = b"the old file\n"
OLD_NS = 1_000_000_000 * 10**9

WRITERS = {
    "tasks-ics": ("tasks", "--format", "ics", "-o", "{out}"),
    "due-md": ("due", "--today", "2016-06-27", "--format", "md", "-o", "{out}"),
    "calendar-import": ("calendar", "import", str(FIXTURES / "notices" / "2016.txt"), "-o", "{out}"),
    "plan-extract": ("plan", "extract", str(FIXTURES / "2016-work-points.txt"), "-o", "{out}"),
}


def _boom(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


def _folder(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.mark.parametrize("failing", ["fsync", "replace"])
@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
def test_a_failed_overwrite_keeps_the_old_file(
    gongkai: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], failing: str
) -> None:
    out = tmp_path / "out.txt"
    out.write_bytes(OLD)
    os.utime(out, ns=(OLD_NS, OLD_NS))
    before = _folder(tmp_path)
    monkeypatch.setattr(os, failing, _boom)

    result = gongkai(*(a.replace("{out}", str(out)) for a in args), "--force")

    assert result.exit_code == 3, result.output
    assert f"gongkai: 错误：{out}: 无法写入：No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert _folder(tmp_path) == before  # the old bytes, the old time, no temp file


@pytest.mark.parametrize("failing", ["fsync", "link"])
@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
def test_a_failed_new_file_leaves_nothing(
    gongkai: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], failing: str
) -> None:
    """Without --force the file is linked into place; ``link`` failing like a full disk
    (not "no hard links here", which falls back to a rename) must leave no file at all."""
    out = tmp_path / "out.txt"
    monkeypatch.setattr(os, failing, _boom)
    if failing == "link":
        monkeypatch.setattr(os, "replace", _boom)  # the fallback fails the same way

    result = gongkai(*(a.replace("{out}", str(out)) for a in args))

    assert result.exit_code == 3, result.output
    assert "无法写入" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", WRITERS.values(), ids=WRITERS.keys())
def test_the_writes_succeed_otherwise(gongkai: Run, tmp_path: Path, args: tuple[str, ...]) -> None:
    out = tmp_path / "out.txt"
    result = gongkai(*(a.replace("{out}", str(out)) for a in args))
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    again = gongkai(*(a.replace("{out}", str(out)) for a in args))
    assert again.exit_code == 3 and "文件已存在，未覆盖" in again.stderr


def test_install_writes_through_the_helper(
    gongkai: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    monkeypatch.setattr(os, "fsync", _boom)
    result = gongkai(
        "calendar",
        "import",
        str(FIXTURES / "notices" / "2016.txt"),
        "--install",
        env={"XDG_CONFIG_HOME": str(config)},
    )
    assert result.exit_code == 3 and "无法写入" in result.stderr
    assert list((config / "gongkai" / "calendars").iterdir()) == []


# Calls that write a file. Only files/atomic.py may make them; plan/cache.py keeps its own cache
# (not a file the user owns) whole-or-nothing with a temporary file and a rename.
_WRITE_CALLS = re.compile(
    r"\.write_text\(|\.write_bytes\(|open\([^)]*[\"'][wax]b?\+?[\"']|os\.replace\(|os\.rename\("
)
_ALLOWED = {"files/atomic.py", "plan/cache.py"}


def test_every_write_goes_through_write_atomic() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{n}"
        for path in sorted(SRC.rglob("*.py"))
        if path.relative_to(SRC).as_posix() not in _ALLOWED
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if _WRITE_CALLS.search(line)
    ]
    assert offenders == []
