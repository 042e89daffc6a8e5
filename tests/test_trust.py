"""What an adversarial user found (issue 16), each case run the way it was found.

Where Click's runner cannot stand in (a full disk, a closed descriptor, an output
encoding, Python's -O), the real ``gongkai`` runs in a subprocess. Every failure must be
one line on stderr with its documented exit status, no traceback, nothing written.
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import stat
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_cli.phrases.batch import period_reader
from gongkai_cli.phrases.clause import read_clause
from gongkai_cli.plan.plan_file import Plan, bundled_plan, load_plan
from tests.conftest import Run

ROOT = Path(__file__).resolve().parent.parent
GONGKAI = [sys.executable, "-m", "gongkai_cli"]
TRACEBACK = "Traceback"

# Every control character: C0, DEL and C1 (Unicode category Cc).
CONTROLS = "".join(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)))


def run(
    *args: str,
    stdin: int | None = subprocess.DEVNULL,
    stdout: int | None = subprocess.PIPE,
    env: dict[str, str] | None = None,
    pass_fds: tuple[int, ...] = (),
    preexec: object = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """The real CLI in a subprocess, with a clean environment (no user calendar, cache
    in a throwaway folder)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_")}
    return subprocess.run(
        [*GONGKAI, *args],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**base, **(env or {})},
        pass_fds=pass_fds,
        preexec_fn=preexec,  # type: ignore[arg-type]
        cwd=cwd,
        check=False,
        timeout=120,
    )


def one_error_line(result: subprocess.CompletedProcess[bytes], fragment: str) -> str:
    text = result.stderr.decode("utf-8", "backslashreplace")
    assert TRACEBACK not in text, text
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines and all("警告：" in line for line in lines[:-1]), text  # plan extract warns first
    assert lines[-1].startswith("gongkai: 错误："), text
    assert fragment in lines[-1], text
    return lines[-1]


# -- 6. every failure one line, with its documented status --------------------------------

COMMANDS = {
    "deadline": ("deadline", "3", "--from", "2016-09-30"),
    "workdays": ("workdays", "2016-09-30", "2016-10-10"),
    "day": ("day", "2016-10-08"),
    "calendar": ("calendar", "2016", "10"),
    "calendar-years": ("calendar", "years"),
    "due": ("due", "--today", "2016-06-27"),
    "tasks": ("tasks", "--format", "ics", "--today", "2016-06-27"),
    "show": ("show", "1.1a"),
    "check": ("check",),
    "calendar-import": ("calendar", "import", str(ROOT / "tests" / "fixtures" / "notices" / "2016.txt")),
    "plan-extract": ("plan", "extract", str(ROOT / "tests" / "fixtures" / "2016-work-points.txt")),
    "batch": ("deadline", "--batch"),
    "help": ("--help",),
    "version": ("--version",),
}


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_stdout_on_a_full_disk(args: tuple[str, ...], tmp_path: Path) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_text("anchor,rule\n2016-09-30,3\n", encoding="utf-8")
    with open("/dev/full", "w") as full, batch.open("rb") as stdin:
        result = run(*args, stdout=full.fileno(), stdin=stdin.fileno(), env={"XDG_CACHE_HOME": str(tmp_path)})
    assert result.returncode == 74
    one_error_line(result, "结果未能写出")


def test_stdout_closed(tmp_path: Path) -> None:
    result = run("deadline", "3", "--from", "2016-09-30", stdout=None, preexec=lambda: os.close(1))
    assert result.returncode == 74
    one_error_line(result, "标准输出已关闭")


def test_stdout_closed_is_no_error_when_nothing_goes_there(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run(
        "tasks", "--format", "csv", "-o", str(out), stdout=None, preexec=lambda: os.close(1), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("id,item,kind")


STDIN_READERS = {
    "batch": ("deadline", "--batch"),
    "calendar-import": ("calendar", "import", "-"),
    "plan-extract": ("plan", "extract", "-"),
}


@pytest.mark.parametrize("args", STDIN_READERS.values(), ids=STDIN_READERS.keys())
def test_stdin_closed(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run(*args, stdin=None, preexec=lambda: os.close(0), cwd=tmp_path)
    assert result.returncode == 3
    one_error_line(result, "标准输入已关闭")
    assert list(tmp_path.iterdir()) == []


def test_batch_input_with_cr_only_line_ends(tmp_path: Path) -> None:
    """Old Mac line ends, as a real process reads them (Click's runner translates them)."""
    source = tmp_path / "in.csv"
    source.write_bytes(b"anchor,rule\r2016-09-30,3\r2016-09-30,5\r")
    with source.open("rb") as stdin:
        result = run("deadline", "--batch", "--format", "csv", stdin=stdin.fileno())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines()[1:] == [
        "2016-09-30,3,2016-10-10,workdays,false,,",
        "2016-09-30,5,2016-10-12,workdays,false,,",
    ]


def test_batch_input_with_a_quoted_field_over_the_csv_limit(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text('anchor,rule\n2016-09-30,"' + "a\n" * 70_000 + '"\n', encoding="utf-8")
    with source.open("rb") as stdin:
        result = run("deadline", "--batch", stdin=stdin.fileno())
    assert result.returncode == 3
    one_error_line(result, "<stdin>:2: CSV 格式有误")


def test_an_output_encoding_without_chinese() -> None:
    result = run("deadline", "3", "--from", "2016-09-30", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 74
    line = one_error_line(result, "PYTHONIOENCODING=utf-8")
    assert "ascii" in line


def test_an_internal_error_is_one_line_with_status_70(gongkai: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug (here: the engine made to fail) asks for a report; it never exits 1, which
    --exit-code gives to "something is due"."""
    import gongkai_cli.phrases.clause as clause

    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(clause, "resolve_clause", broken)
    result = gongkai("deadline", "3", "--from", "2016-09-30")
    assert result.exit_code == 70
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "内部错误（ZeroDivisionError: division by zero）" in lines[0] and "请报告" in lines[0]


def test_an_unreadable_calendar_folder_is_an_error(gongkai: Run, tmp_path: Path) -> None:
    """The config folder's calendars/ that cannot be listed is said, not skipped."""
    config = tmp_path / "config"
    (config / "gongkai").mkdir(parents=True)
    (config / "gongkai" / "calendars").symlink_to("calendars")  # a loop: ELOOP on every read
    result = gongkai("day", "2016-10-08", env={"XDG_CONFIG_HOME": str(config)})
    assert result.exit_code == 3
    assert "日历文件夹不是可读的文件夹" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_calendar_folder_without_read_permission_is_an_error(gongkai: Run, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any folder")
    folder = tmp_path / "config" / "gongkai" / "calendars"
    folder.mkdir(parents=True)
    folder.chmod(0)
    try:
        result = gongkai("day", "2016-10-08", env={"XDG_CONFIG_HOME": str(tmp_path / "config")})
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 3 and "无法读取日历文件夹" in result.stderr


# -- 3. -o writes regular files; devices and FIFOs are written through --------------------


def _a_null_device(tmp_path: Path) -> str:
    """A character device to write to: as root, a private copy of /dev/null (so that a
    failing run can only spoil the copy); otherwise /dev/null, which only root can replace."""
    if os.geteuid() != 0:
        return os.devnull
    path = tmp_path / "null"
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return str(path)


def test_output_to_a_character_device_leaves_it_a_device(tmp_path: Path) -> None:
    device = _a_null_device(tmp_path)
    result = run("tasks", "-o", device, "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_output_to_a_link_replaces_its_target_not_the_link(gongkai: Run, tmp_path: Path) -> None:
    target = tmp_path / "target.csv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = gongkai("tasks", "--format", "csv", "-o", str(link), "--force")
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("id,item,kind")


def test_output_to_a_fifo_is_written_through(gongkai: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = gongkai("tasks", "--format", "csv", "-o", str(fifo))  # no --force: nothing is replaced
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith(b"id,item,kind")


def test_output_to_a_socket_is_refused(gongkai: Run, tmp_path: Path) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        result = gongkai("tasks", "--format", "csv", "-o", str(path), "--force")
    finally:
        server.close()
    assert result.exit_code == 3
    assert "不是普通文件，未写入" in result.stderr
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


# -- 4. ICS holds any title --------------------------------------------------------------

INJECTION = "要点\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\nSUMMARY:假的,;\\"


@pytest.mark.parametrize("optimize", ["", "1"], ids=["python", "python -O"])
def test_ics_keeps_a_title_with_line_breaks_inside_its_property(tmp_path: Path, optimize: str) -> None:
    text = bundled_plan().read_text(encoding="utf-8")
    title = json.dumps("2016年要点\nMETHOD:CANCEL\nBEGIN:VEVENT", ensure_ascii=False)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text.replace("title: 2016年政务公开工作要点", f"title: {title}", 1), encoding="utf-8")
    out = tmp_path / "out.ics"
    result = run(
        "tasks", "--tasks", str(plan), "--format", "ics", "-o", str(out), "--today", "2016-06-27",
        env={"PYTHONOPTIMIZE": optimize, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = out.read_bytes().decode("utf-8").split("\r\n")
    assert "X-WR-CALNAME:2016年要点\\nMETHOD:CANCEL\\nBEGIN:VEVENT" in lines
    assert not any(line.startswith("METHOD") for line in lines)
    assert sum(line == "BEGIN:VEVENT" for line in lines) == sum(line == "END:VEVENT" for line in lines)


# -- 2. no control character leaves in any format ------------------------------------------


def _poisoned(plan: Plan) -> Plan:
    """The bundled plan with every control character in every text a plan carries."""
    items = tuple(
        replace(
            i, title=f"{i.title}{CONTROLS}", text=CONTROLS, lead=(f"办公室{CONTROLS}",), owners=(CONTROLS,)
        )
        for i in plan.items
    )
    return replace(plan, title=f"要点{CONTROLS}", issuer=CONTROLS, items=items)


def _assert_no_raw_controls(output: str, allowed: str) -> None:
    raw = sorted({c for c in output if c in CONTROLS and c not in allowed})
    assert raw == [], [f"U+{ord(c):04X}" for c in raw]


PLAN_RUNS = {
    f"{command}-{fmt}-{'file' if to_file else 'stdout'}": (command, fmt, to_file)
    for command, formats, targets in (
        ("due", ("plain", "table", "json", "csv", "md", "ics", "email"), (False, True)),
        ("tasks", ("plain", "table", "json", "csv", "md", "ics", "email"), (False, True)),
        ("status", ("plain", "table", "json", "csv", "md"), (False, True)),
        ("show", ("plain", "table", "json"), (False,)),  # show has no -o
    )
    for fmt in formats
    for to_file in targets
}


@pytest.mark.parametrize(("command", "fmt", "to_file"), PLAN_RUNS.values(), ids=PLAN_RUNS.keys())
def test_no_control_character_is_printed_raw(
    gongkai: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: str, fmt: str, to_file: bool
) -> None:
    """Whatever a plan holds (loaded by other means than the checked loader), every output
    format shows its control characters harmlessly: ESC, BEL, CR, DEL, CSI … never raw."""
    import gongkai_cli.cli.plan as cli_plan
    from gongkai_cli.plan.plans import PlanSet

    poisoned = PlanSet((_poisoned(load_plan(bundled_plan())),))
    monkeypatch.setattr(cli_plan, "load_plans", lambda _tasks: poisoned)
    args = [command, "--today", "2016-06-27", "--format", fmt]
    args += ["1.1a"] if command == "show" else ["--month"] if command == "due" else []
    args += ["--mail-to", "office@example.org"] if fmt == "email" else []
    out = tmp_path / "out"
    if to_file:
        args += ["-o", str(out)]
    result = gongkai(*args)
    assert result.exit_code == 0, result.stderr
    text = out.read_bytes().decode("utf-8") if to_file else result.stdout
    if fmt != "email":  # the mail's body is base64
        assert ("\\u001b" if fmt == "json" else "\u241b") in text  # ESC is there, harmless
    allowed = {"plain": "\t\n", "csv": "\t\n", "ics": "\r\n"}.get(fmt, "\n")
    _assert_no_raw_controls(text, allowed)
    if fmt == "ics":
        assert "\r" not in text.replace("\r\n", "")
    if fmt == "json":
        json.loads(text)  # still JSON, the characters escaped
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len({len(r) for r in rows}) == 1  # no row broken


@pytest.mark.parametrize("fmt", ["plain", "json", "csv", "table"])
def test_batch_input_controls_are_not_echoed_raw(gongkai: Run, fmt: str) -> None:
    rows = [f"{i},2016-09-30,3{c}" for i, c in enumerate(CONTROLS) if c not in "\r\n"]
    data = "id,anchor,rule\n" + "\n".join(rows) + "\n" + f'"\r{CONTROLS}",2016-09-30,3\n'
    result = gongkai("deadline", "--batch", "--format", fmt, input=data)
    assert result.exit_code == 3  # each phrase with a control character is refused
    _assert_no_raw_controls(result.stdout, "\n" if fmt == "json" else "\t\n")


def test_csv_cells_that_look_like_formulas_are_neutralised(gongkai: Run) -> None:
    data = 'id,anchor,rule\n"=HYPERLINK(""http://x"")",2016-09-30,3\n@SUM(A1),2016-09-30,3\n-3,2016-09-30,3\n'
    result = gongkai("deadline", "--batch", "--format", "csv", input=data)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert [r[0] for r in rows[1:]] == ['\'=HYPERLINK("http://x")', "'@SUM(A1)", "'-3"]


# -- 7. batch memory bounded --------------------------------------------------------------

PEAK_SCRIPT = """\
import resource, subprocess, sys
with open(sys.argv[1], "rb") as source:
    done = subprocess.run(sys.argv[2:], stdin=source, stdout=subprocess.DEVNULL, check=False)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def test_batch_memory_does_not_grow_with_distinct_phrases(tmp_path: Path) -> None:
    """100,000 lines, every phrase different: the old unbounded caches held them all
    (about 300 MB); now a bounded cache and counted errors keep it flat."""
    source = tmp_path / "distinct.csv"
    with source.open("w", encoding="utf-8") as f:
        f.write("id,anchor,rule\n")
        for i in range(100_000):
            f.write(f"{i},2016-09-30,{i + 1}日内\n" if i % 2 else f"{i},2016-09-30,{i + 1}个工作周内\n")
    out = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(source), *GONGKAI, "deadline", "--batch", "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    code, peak_kb = map(int, out.stdout.split())
    assert code == 3  # the 个工作周内 lines are bad input
    assert peak_kb < 100 * 1024, f"peak {peak_kb} KB"


def test_xlsx_holds_text_with_control_characters(
    gongkai: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """openpyxl refuses control characters in a cell; they are shown as pictures instead."""
    import gongkai_cli.cli.plan as cli_plan
    from gongkai_cli.plan.plans import PlanSet

    poisoned = PlanSet((_poisoned(load_plan(bundled_plan())),))
    monkeypatch.setattr(cli_plan, "load_plans", lambda _tasks: poisoned)
    out = tmp_path / "out.xlsx"
    result = gongkai("tasks", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    from openpyxl import load_workbook

    titles = [row[5] for row in load_workbook(out).active.iter_rows(min_row=2, values_only=True)]
    assert any("\u241b" in str(t) for t in titles)
    assert not any(c in str(t) for t in titles for c in CONTROLS if c not in "\t\n")


# Wordings with one number: plain periods (read once per wording in a batch) and others
# (dates, recurring, clauses, bad) that must go on being read whole.
WORDINGS = (
    "{}个工作日内",
    "文件公开后{}个工作日内",
    "收到申请之日起{}日内",
    "应在{}小时内举行",
    "{}个月内",
    "印发之日起{}年内",
    "{}",
    "{}日",
    "{}天内完成",
    "{}个星期",
    "{}个工作周内",
    "{}月底前",
    "{}年12月31日前",
    "于2017年1月{}日前",
    "期限届满后{}个工作日内",
    "自受理之日起{}日内作出决定，可以延长十日",
    "月度或者季度终了后{}日内",
    "超过六十日的，{}日内",
    "應當在{}日內",
)


NUMBERS = st.integers(min_value=1, max_value=18).flatmap(
    lambda digits: st.integers(min_value=10 ** (digits - 1), max_value=10**digits - 1)
)


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(WORDINGS), NUMBERS)
def test_the_batch_reads_a_phrase_as_read_clause_does(wording: str, n: int) -> None:
    """The batch's per-wording reading (batch.period_reader) gives the one rule that
    read_clause gives, or leaves the phrase to read_clause."""
    reader = period_reader()
    reader(wording.format(7))  # the wording read once, as a batch would have
    text = wording.format(n)
    got = reader(text)
    if got is None:
        return
    clause = read_clause(text)
    assert len(clause.parts) == 1 and not clause.passed and not clause.parts[0].more
    assert clause.parts[0].rule == got
