"""Plan edits against other writers (issue 24, findings 2, 3, 6 and the signal part of 8):
two `gongkai done` at once both land, a file rewritten in place while it is read is
refused, the version before an edit is kept as .NAME.prev, the owner's mode stays, a
hard-linked plan is refused, and SIGTERM/SIGHUP during a write leave no temp file.

The races run in real processes (multiprocessing, fork), each running the real CLI."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run

SMALL_PLAN = textwrap.dedent(
    """\
    format: 1
    plan:
      title: 小计划
      issuer: 某局办公室
      issued: 2016-05-18
      year: 2016

    items:
      - id: "1"
        section: 一
        title: 第一项
        text: 第一项。
        lead: []
        owners: [甲处]
        rule: 6月底前完成

      - id: "2"
        section: 一
        title: 第二项
        text: 第二项。
        lead: []
        owners: [乙处]
        rule: 6月底前完成
    """
)

ROUNDS = 100


def _worker(item: str, folder: str, barrier: Any, results: Any) -> None:
    """One person: in each round, at the same moment as the other, mark ``item`` done in
    that round's copy of the plan through the real CLI; report the exit status."""
    from click.testing import CliRunner

    from gongkai_cli.cli import main

    runner = CliRunner()
    codes = []
    for n in range(ROUNDS):
        plan = os.path.join(folder, f"plan-{n}.yaml")
        barrier.wait()
        result = runner.invoke(
            main, ["done", item, "--date", "2016-06-28", "--tasks", plan, "--today", "2016-07-11"]
        )
        codes.append((result.exit_code, result.output if result.exit_code else ""))
    results.put((item, codes))


def test_two_dones_at_once_both_land(tmp_path: Path) -> None:
    """Finding 2: before the lock, one of two simultaneous edits was refused (598 of 600
    rounds) or lost (2 of 600). With it, every round both succeed and both are written."""
    for n in range(ROUNDS):
        (tmp_path / f"plan-{n}.yaml").write_text(SMALL_PLAN, encoding="utf-8")
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    results = context.Queue()
    workers = [context.Process(target=_worker, args=(item, str(tmp_path), barrier, results)) for item in "12"]
    for w in workers:
        w.start()
    outcome = dict(results.get(timeout=300) for _ in workers)
    for w in workers:
        w.join(timeout=30)
    refused = {item: [c for c in codes if c[0] != 0] for item, codes in outcome.items()}
    assert refused == {"1": [], "2": []}
    for n in range(ROUNDS):
        text = (tmp_path / f"plan-{n}.yaml").read_text(encoding="utf-8")
        assert text.count("done: 2016-06-28") == 2, (n, text)
    leftovers = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("plan-"))
    assert all(name.endswith(".prev") for name in leftovers), leftovers  # no lock or temp file


@pytest.fixture
def small(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    return plan


def _done(gongkai: Run, plan: Path, *args: str) -> Any:
    return gongkai("done", *args, "--tasks", str(plan), "--today", "2016-07-11")


def test_the_version_before_is_kept(gongkai: Run, small: Path) -> None:
    """Finding 3: the previous version of an edited plan is kept, one generation."""
    first = small.read_bytes()
    assert _done(gongkai, small, "1", "--date", "2016-06-28").exit_code == 0
    prev = small.with_name(".plan.yaml.prev")
    assert prev.read_bytes() == first
    second = small.read_bytes()
    assert _done(gongkai, small, "2", "--date", "2016-06-29").exit_code == 0
    assert prev.read_bytes() == second  # one generation: the newest before
    assert small.stat().st_nlink == 1 and prev.stat().st_nlink == 1


def test_a_plan_cut_mid_line_is_refused(gongkai: Run, small: Path) -> None:
    """Finding 5 of the probe (torn read): a file being rewritten ends mid-line; the prefix
    is a valid plan (a shorter title), but it is not edited and not written back. The
    version gongkai kept before its last edit ended with a line break: this one should."""
    assert _done(gongkai, small, "1", "--date", "2016-06-29").exit_code == 0
    torn = small.read_text(encoding="utf-8").removesuffix("完成\n").encode()  # "rule: 6月底前"
    assert not torn.endswith(b"\n")
    small.write_bytes(torn)
    result = _done(gongkai, small, "1", "--date", "2016-06-28")
    assert result.exit_code == 3, result.output
    assert "最后一行没有换行符" in result.stderr and len(result.stderr.splitlines()) == 1
    assert small.read_bytes() == torn


def test_a_hand_written_plan_without_a_final_line_break_is_edited(gongkai: Run, small: Path) -> None:
    """A plan saved by an editor without a final line break, never edited by gongkai (no
    .NAME.prev), is a whole file: it is edited, and --undo gives its bytes back."""
    whole = SMALL_PLAN.removesuffix("\n").encode()
    small.write_bytes(whole)
    assert _done(gongkai, small, "1", "--date", "2016-06-28").exit_code == 0
    assert "done" in small.read_text(encoding="utf-8")
    assert _done(gongkai, small, "1", "--undo").exit_code == 0
    assert small.read_bytes() == whole


_REWRITER = """
import os, sys, time
path, text = sys.argv[1], open(sys.argv[2], 'rb').read()
end = time.monotonic() + float(sys.argv[3])
while time.monotonic() < end:
    with open(path, 'r+b') as f:      # in place, as some editors and sync tools do
        f.truncate(0)
        for i in range(0, len(text), 64):
            f.write(text[i:i + 64]); f.flush(); os.fsync(f.fileno())
"""


def test_a_plan_rewritten_in_place_is_never_written_back_torn(tmp_path: Path) -> None:
    """Finding 5 of the probe: while another program rewrites the plan in place, `done`
    either refuses (exit 3) or writes a whole plan; never one with items missing."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    whole = tmp_path / "whole.yaml"
    whole.write_text(SMALL_PLAN, encoding="utf-8")
    writer = subprocess.Popen([sys.executable, "-c", _REWRITER, str(plan), str(whole), "6"])
    env = {**os.environ, "GONGKAI_TODAY": "2016-07-11"}
    codes = set()
    try:
        for _ in range(12):
            run = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "gongkai_cli",
                    "done",
                    "1",
                    "--date",
                    "2016-06-28",
                    "--tasks",
                    str(plan),
                ],
                capture_output=True,
                text=True,
                env=env,
                timeout=60,
            )
            codes.add(run.returncode)
            assert run.returncode in (0, 3), run.stderr
            assert "Traceback" not in run.stderr
            if run.returncode == 0:  # the writer may since have put the old text back: look at .prev
                break
    finally:
        writer.wait(timeout=60)
    final = plan.read_text(encoding="utf-8")
    assert final.count("- id:") == 2 and final.endswith("\n")


def test_mode_is_kept(gongkai: Run, small: Path) -> None:
    """Finding 6: the edited plan keeps its mode (group-writable for a shared plan) and,
    where the user may set it, its group."""
    os.chmod(small, 0o664)
    group = small.stat().st_gid
    assert _done(gongkai, small, "1", "--date", "2016-06-28").exit_code == 0
    assert small.stat().st_mode & 0o777 == 0o664
    assert small.stat().st_gid == group


@pytest.mark.skipif(
    os.geteuid() != 0 or not hasattr(os, "chown"), reason="changing a file's owner needs root"
)
def test_owner_is_kept_by_root(gongkai: Run, small: Path) -> None:
    os.chown(small, 12345, 23456)
    assert _done(gongkai, small, "1", "--date", "2016-06-28").exit_code == 0
    assert (small.stat().st_uid, small.stat().st_gid) == (12345, 23456)


def test_a_hard_linked_plan_is_refused(gongkai: Run, small: Path) -> None:
    """Finding 6: replacing a hard-linked plan would leave the other name on the old text;
    it is refused, in one line, and neither name changes."""
    other = small.with_name("link.yaml")
    os.link(small, other)
    result = _done(gongkai, small, "1", "--date", "2016-06-28")
    assert result.exit_code == 3
    assert "硬链接" in result.stderr and len(result.stderr.splitlines()) == 1
    assert small.read_text(encoding="utf-8") == SMALL_PLAN == other.read_text(encoding="utf-8")


def test_a_held_lock_is_waited_for(gongkai: Run, small: Path) -> None:
    """The lock is shared: while another process holds it, `done` waits, then edits."""
    from gongkai_cli.files.lock import lock_path

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(1.5)\n"
            "os.unlink(sys.argv[1])\n",
            str(lock_path(small)),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    start = time.monotonic()
    result = _done(gongkai, small, "1", "--date", "2016-06-28")
    waited = time.monotonic() - start
    holder.wait(timeout=30)
    assert result.exit_code == 0, result.output
    assert waited > 0.5
    assert not lock_path(small).exists()


_SLOW_WRITE = """
import os, signal, sys, time
from pathlib import Path
from gongkai_cli.files import atomic

real_fsync = os.fsync
def slow_fsync(fd):
    print('writing', flush=True)
    time.sleep(30)
    real_fsync(fd)
os.fsync = slow_fsync
atomic.write_atomic(Path(sys.argv[1]), 'new text\\n', force=True)
"""


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_a_write_leaves_no_temp_file(tmp_path: Path, signame: str) -> None:
    """Finding 8: SIGTERM or SIGHUP during a write used to leave .NAME.*.tmp behind."""
    target = tmp_path / "out.yaml"
    target.write_text("old text\n", encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITE, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    assert len(list(tmp_path.iterdir())) == 2  # the file and its temp file
    child.send_signal(getattr(signal, signame))
    code = child.wait(timeout=30)
    assert code == -getattr(signal, signame)  # it still dies of the signal
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]
    assert target.read_text(encoding="utf-8") == "old text\n"
