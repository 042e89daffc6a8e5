"""The README's and the docs pages' promises: their examples run and print what they say;
every command is documented, with an example in its --help; CI runs the README's test
command."""

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
# The README is one screen; the rest is in docs/ pages by topic, whose examples run too.
PAGES = {"README.md": README} | {
    f"docs/{path.name}": path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md"))
}
DOCS = "\n".join(PAGES.values())


def console_examples() -> list[tuple[str, str]]:
    """(command line, expected output) for each `$ gongkai …` line of a console block in
    the README and the docs pages."""
    examples: list[tuple[str, str]] = []
    blocks = [b for text in PAGES.values() for b in re.findall(r"```console\n(.*?)```", text, flags=re.S)]
    for block in blocks:
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


def writes_here(command: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A command that writes a new file in the current folder (`plan new`) runs in a
    fresh folder, never in the repository."""
    if command.startswith("gongkai plan new"):
        monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example(
    gongkai: Run, command: str, expected: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    writes_here(command, monkeypatch, tmp_path)
    assert run_example(gongkai, command) == installed(expected), command


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_with_a_newer_chinese_calendar(
    gongkai: Run,
    newer_chinese_calendar: YearData,
    command: str,
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A chinese-calendar release that knows 2027 changes no example but the list of years."""
    writes_here(command, monkeypatch, tmp_path)
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
    assert f"gongkai {name}" in DOCS, f"neither the README nor docs/ mentions gongkai {name}"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "pip install '.[test]' && python -m pytest -q"
    assert command in README and command in ci


def test_main_job_command_is_in_readme() -> None:
    assert "pip install . && gongkai due --week" in README


def test_the_readme_is_one_or_two_screens_and_links_the_pages() -> None:
    """Issue 19: a newcomer needs one screen to start; the rest is a link away."""
    assert len(README.splitlines()) <= 90
    for page in PAGES:
        if page != "README.md":
            assert f"]({page})" in README, f"README does not link {page}"
    assert "## 更多文档" in README


def test_the_readme_shows_the_three_jobs() -> None:
    runs = [command for command, _ in console_examples() if command in README]
    assert any(c.startswith("gongkai due") for c in runs)
    assert any(c.startswith("gongkai deadline") for c in runs)
    assert "0 7 * * 1  gongkai due --quiet-if-empty" in README


def test_every_page_link_resolves() -> None:
    for name, text in PAGES.items():
        folder = (ROOT / name).parent
        for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", text):
            assert (folder / target).is_file(), f"{name}: {target}"
