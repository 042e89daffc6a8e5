"""The README's promises: its examples run and print what it says; every command is
documented, with an example in its --help; CI runs the README's test command."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from gongkai_cli.calendar.workdays import YearData
from gongkai_cli.cli import main
from tests.conftest import Run

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_examples() -> list[tuple[str, str]]:
    """(command line, expected output) for each `$ gongkai …` line of a console block."""
    examples: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        command: str | None = None
        output: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    examples.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command is not None:
            examples.append((command, "\n".join(output)))
    return examples


EXAMPLES = console_examples()


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 10


def installed(expected: str) -> str:
    """The README shows chinese-calendar 1.11.0 as the built-in years' source; with another
    release installed, that release's version is shown instead."""
    import chinese_calendar

    return expected.replace("chinese-calendar 1.11.0", f"chinese-calendar {chinese_calendar.__version__}")


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example(gongkai: Run, command: str, expected: str) -> None:
    assert run_example(gongkai, command) == installed(expected), command


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_with_a_newer_chinese_calendar(
    gongkai: Run, newer_chinese_calendar: YearData, command: str, expected: str
) -> None:
    """A chinese-calendar release that knows 2027 changes no example but the list of years."""
    if command.startswith("gongkai calendar years"):
        expected = expected.replace("2006–2026", "2006–2027")
    assert run_example(gongkai, command) == installed(expected), command


def run_example(gongkai: Run, command: str) -> str:
    """The output of one README command line, run from the repository's root."""
    words = shlex.split(command)
    env = {}
    while "=" in words[0]:  # leading VAR=value assignments
        key, value = words.pop(0).split("=", 1)
        env[key] = value
    stdin = None
    if "<" in words:  # `< file`: the file, relative to the repository, on standard input
        at = words.index("<")
        stdin = (ROOT / words[at + 1]).read_text(encoding="utf-8")
        del words[at : at + 2]
    assert words[0] == "gongkai"
    return gongkai(*words[1:], env=env, input=stdin).output.rstrip("\n")


def all_commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    ctx = click.Context(group)
    found: list[tuple[str, click.Command]] = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found.extend(all_commands(command, f"{prefix}{name} "))
    return found


COMMANDS = all_commands(main)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help_with_an_example(gongkai: Run, name: str, command: click.Command) -> None:
    result = gongkai(*name.split(), "--help")
    assert result.exit_code == 0
    assert "示例" in result.output and f"gongkai {name}" in result.output
    pages = README + "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
    assert f"gongkai {name}" in pages, f"neither README nor docs/ mention gongkai {name}"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "pip install '.[test]' && python -m pytest -q"
    assert command in README and command in ci


def test_main_job_command_is_in_readme() -> None:
    assert "pip install . && gongkai due --week" in README
