"""Every 示例 line of every command's --help runs as shown and shows something.

The lines are taken from the help text as Click prints it (so a `\\n` that Click would
turn into a real line break is caught), run through the real CLI in a scratch folder
holding the files the examples name, in the order the help lists them. Shell pieces the
examples use are honoured: ``VAR=value`` before the command, ``printf '…' |`` and
``cat FILE |`` on standard input, ``> FILE``.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from gongkai_cli.plan.plan_file import bundled_plan
from tests.conftest import FIXTURES, Run
from tests.extract_corpus import build_docx
from tests.test_docs import COMMANDS

ROOT_NAMES = [("", None), *((name, command) for name, command in COMMANDS)]


def examples(help_text: str) -> list[str]:
    """The command lines of the help's 示例 paragraph (comments dropped)."""
    lines: list[str] = []
    inside = False
    for line in help_text.splitlines():
        if line.strip() == "示例：":
            inside = True
            continue
        if inside:
            if not line.strip():
                break
            if line.strip().startswith("#"):  # a comment put on its own line to fit
                continue
            lines.append(re.sub(r"\s+#\s.*$", "", line.strip()))
    joined: list[str] = []  # a line ending in a backslash goes on on the next, as in a shell
    for line in lines:
        if joined and joined[-1].endswith("\\"):
            joined[-1] = joined[-1][:-1].rstrip() + " " + line
        else:
            joined.append(line)
    return joined


def scratch(folder: Path, name: str) -> None:
    """The files the examples name (the calendar file 2027.yaml only where no example
    of ``calendar import`` writes it)."""
    for copy in ("我局2017年要点.yaml", "我局计划.yaml", "我局要点.yaml", "上级要点.yaml", "b.yaml"):
        shutil.copy(bundled_plan(), folder / copy)
    # `show tasks-2016:1.1a --tasks a.yaml --tasks b.yaml`: a.yaml is the plan keyed tasks-2016.
    text = bundled_plan().read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(text.replace("plan:\n", "plan:\n  key: tasks-2016\n", 1), encoding="utf-8")
    for copy in ("工作要点.txt", "2017年工作要点.txt"):
        shutil.copy(FIXTURES / "2016-work-points.txt", folder / copy)
    build_docx(FIXTURES / "2016-work-points.txt", folder / "工作要点.docx")
    # No 2027 notice exists yet: the 2025 one stands in under the examples' name.
    shutil.copy(FIXTURES / "notices" / "2025.txt", folder / "2027通知.txt")
    shutil.copy(FIXTURES / "notices" / "2019.txt", folder / "2019通知.txt")
    shutil.copy(FIXTURES / "notices" / "2019-labour-amendment.txt", folder / "2019调整通知.txt")
    if name == "done":  # its 4.1a@2016-09-30 needs the event that `gongkai event` records
        with (folder / "我局计划.yaml").open("a", encoding="utf-8") as plan:
            plan.write("\nevents:\n  文件公开: [2016-09-30]\n")
    if name != "calendar import":
        (folder / "2027.yaml").write_text(import_notice(FIXTURES / "notices" / "2025.txt"), encoding="utf-8")


def import_notice(path: Path) -> str:
    from click.testing import CliRunner

    from gongkai_cli.cli import main

    result = CliRunner().invoke(main, ["calendar", "import", str(path)])
    assert result.exit_code == 0, result.output
    return result.stdout


def run_line(gongkai: Run, line: str, folder: Path) -> tuple[int, str, Path | None]:
    stdin: str | None = None
    if " | " in line:
        feeder, line = line.split(" | ", 1)
        words = shlex.split(feeder)
        if words[0] == "printf":
            stdin = words[1].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        elif words[0] == "pbpaste":  # the clipboard: a notice's text pasted without its title
            text = (FIXTURES / "notices" / "2025.txt").read_text(encoding="utf-8")
            stdin = text.split("\n", 1)[1]
        else:
            assert words[0] == "cat", feeder
            stdin = (folder / words[1]).read_text(encoding="utf-8")
    words = shlex.split(line)
    env = {}
    while "=" in words[0]:
        key, value = words.pop(0).split("=", 1)
        env[key] = value
    target: Path | None = None
    if ">" in words:
        at = words.index(">")
        target = folder / words[at + 1]
        del words[at : at + 2]
    assert words[0] == "gongkai", line
    if words[1] in ("done", "event") and "--tasks" not in words:
        # done and event edit a plan file: the help's later lines go on with the first
        # line's --tasks 我局计划.yaml (the bundled plan is never edited).
        env.setdefault("GONGKAI_TASKS", "我局计划.yaml")
    result = gongkai(*words[1:], input=stdin, env=env)
    if target is not None:
        target.write_text(result.stdout, encoding="utf-8")
    written = next((folder / w for w in words if (folder / w).suffix and (folder / w).exists()), None)
    if "-o" in words:
        written = folder / words[words.index("-o") + 1]
    return result.exit_code, result.output, target or written


@pytest.mark.parametrize(("name", "command"), ROOT_NAMES, ids=[n or "gongkai" for n, _ in ROOT_NAMES])
def test_help_examples_run(
    gongkai: Run, name: str, command: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    help_text = gongkai(*name.split(), "--help").output
    lines = examples(help_text)
    assert lines, f"gongkai {name} --help has no 示例"
    scratch(tmp_path, name)
    monkeypatch.chdir(tmp_path)
    for line in lines:
        code, output, written = run_line(gongkai, line, tmp_path)
        allowed = {0, 1} if "--exit-code" in line else {0}
        assert code in allowed, f"{line}\n{output}"
        shows = output.strip() or (written is not None and written.exists() and written.stat().st_size > 0)
        assert shows, f"{line} shows nothing"


def test_the_batch_example_is_one_line(gongkai: Run) -> None:
    """Click rewraps a real line break; the help must show the `\\n` as typed."""
    help_text = gongkai("deadline", "--help").output
    assert "printf 'anchor,rule\\n2016-09-30,3个工作日内\\n' | gongkai deadline --batch" in help_text


def test_the_event_example_shows_the_event_duty(gongkai: Run) -> None:
    result = gongkai("due", "--event", "文件公开=2016-09-30", "--today", "2016-10-10", "--no-overdue")
    assert "4.1a@2016-09-30" in result.output and "2016-10-10" in result.output
