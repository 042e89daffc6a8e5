"""`gongkai … | head -1`: a reader that stops early ends the run quietly.

Each command runs as a real process (``python -m gongkai_cli``) writing into a real pipe;
the test reads one line, or nothing, and closes its end. Standard error must then hold no
traceback and no "Exception ignored", and the exit status must not be Python's 120 for a
failed flush at exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

BATCH = "".join(
    f"2016-{m:02d}-{d:02d}\t{n}个工作日内\n"
    for m in range(1, 13)
    for d in range(1, 29)
    for n in (3, 5, 10, 20)
)
LONG = [
    ("workdays", "2005-01-01", "2026-12-01", "--list"),
    ("workdays", "2005-01-01", "2026-12-01", "--list", "--format", "json"),
    ("tasks",),
    ("tasks", "--format", "json"),
    ("due", "--until", "2016-12-31", "--today", "2016-01-01"),
    ("deadline", "--batch"),
    ("calendar", "2016"),
    ("calendar", "2016", "--format", "json"),
]
SHORT = [
    ("day", "2016-10-08"),
    ("deadline", "文件公开后3个工作日内", "--from", "2016-09-30", "--explain"),
    ("show", "1.1a"),
    ("check",),
    ("calendar", "years"),
]


def _run(args: tuple[str, ...], lines: int) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_")}
    env.pop("PYTHONUNBUFFERED", None)  # unbuffered output hides the flush at exit
    env["GONGKAI_TODAY"] = "2016-06-27"
    proc = subprocess.Popen(
        [sys.executable, "-m", "gongkai_cli", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    stdin, data = proc.stdin, (BATCH * 4 if args[0] == "deadline" and "--batch" in args else "").encode()

    def feed() -> None:
        try:
            stdin.write(data)
            stdin.close()
        except BrokenPipeError:
            pass

    feeder = threading.Thread(target=feed)
    feeder.start()
    for _ in range(lines):
        assert proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8", "replace")
    code = proc.wait(timeout=60)
    feeder.join()
    return code, stderr


@pytest.mark.parametrize("args", LONG + SHORT, ids=" ".join)
def test_reader_stops_after_one_line(args: tuple[str, ...]) -> None:
    code, stderr = _run(args, lines=1)
    assert "Traceback" not in stderr
    assert "Exception ignored" not in stderr
    assert "Error" not in stderr, stderr
    assert code in (0, 141), stderr  # 141: the reader went away (128 + SIGPIPE)


@pytest.mark.parametrize("args", LONG + SHORT, ids=" ".join)
def test_reader_gone_before_the_first_line(args: tuple[str, ...]) -> None:
    """`gongkai day | true`: everything is written at the flush at exit, into no reader."""
    code, stderr = _run(args, lines=0)
    assert "Traceback" not in stderr
    assert "Exception ignored" not in stderr
    assert code in (0, 141), stderr
