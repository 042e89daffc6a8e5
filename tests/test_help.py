"""Every command's --help fits the terminal by display width and reads in Chinese (issue 19).

The command tree is walked from ``gongkai`` down, hidden commands included (``calendar
month`` still answers ``--help``), so a command added later is checked too.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from collections.abc import Iterator

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from gongkai_cli.cli import main
from gongkai_cli.cli.helptext import ChineseHelpFormatter
from gongkai_cli.render.layout import unwrap
from tests.conftest import Run


def help_of(path: tuple[str, ...], columns: int) -> str:
    """The help as a terminal of ``columns`` shows it: a real process, since Click's test
    runner forces its own width."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_")}
    env["COLUMNS"] = str(columns)
    done = subprocess.run(
        [sys.executable, "-m", "gongkai_cli", *path, "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    return done.stdout


def command_paths(group: click.Group = main, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    ctx = click.Context(group, info_name="gongkai")
    names = sorted(set(group.list_commands(ctx)) | set(group.commands))
    for name in names:
        command = group.get_command(ctx, name)
        assert command is not None
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from command_paths(command, (*path, name))


PATHS = [(), *command_paths()]


def test_the_walk_finds_the_commands() -> None:
    assert {("due",), ("calendar", "month"), ("calendar", "import"), ("plan", "extract")} <= set(PATHS)


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "gongkai")
def test_help_fits_and_is_in_chinese(path: tuple[str, ...], columns: int) -> None:
    text = help_of(path, columns)
    lines = text.splitlines()
    # Narrower than 80, only an example's single word (a long quoted clause) may stick out.
    too_wide = [
        line
        for line in lines
        if cell_len(line) > columns and (columns >= 80 or len(line.removesuffix(" \\").split()) > 1)
    ]
    assert not too_wide, "\n".join(too_wide)
    assert lines[0].startswith("用法：gongkai")
    assert "选项：" in lines
    assert any(line.split() == ["-h,", "--help", "显示帮助并退出。"] for line in lines)
    for english in ("Usage", "Options:", "Commands:", "Show this message", "[default:"):
        assert english not in text
    # No summary cut short: "..." only ends a metavar (COMMAND [ARGS]..., NOTICE...).
    assert not re.search(r"[^A-Z\]]\.\.\.", text)
    # 禁则 and joined source lines: no line starts with closing punctuation, and no space
    # follows full-width punctuation.
    for line in lines:
        assert line.strip()[:1] not in set("、，。；：）」』》！？"), line
        for mark in "，。；：、）":
            assert f"{mark} " not in line, line


def test_group_lists_whole_summaries() -> None:
    """Click cut summaries at 45 characters with "...": they are shown whole, wrapped."""
    text = help_of((), 80)
    commands = text[text.index("命令：") :]
    assert "各项之和等于 gongkai tasks" in commands  # the end of status's summary
    assert "命令：" in text and "calendar  日历" in commands


def test_calendar_help_shows_the_month_options_not_the_hidden_command(gongkai: Run) -> None:
    text = gongkai("calendar", "--help").output
    assert "--provisional" in text and "--format [plain|table|json]" in text
    assert "month" not in text


# -- the formatter's properties -------------------------------------------------------------

PIECES = st.sampled_from(["政务", "公开", "，", "。", "（", "）", "2016-06-30", "--from", "WHEN", " ", "、"])
SOURCE_LINES = st.lists(st.lists(PIECES, min_size=1, max_size=12).map("".join), min_size=1, max_size=6)


@given(SOURCE_LINES)
def test_unwrap_adds_a_space_only_between_ascii(lines: list[str]) -> None:
    """Joined source lines: nothing lost, and a space added only between two ASCII runs
    (never after ，, never between Chinese characters)."""
    joined = unwrap(lines)
    assert joined.replace(" ", "") == "".join(line.strip() for line in lines).replace(" ", "")
    stripped = [line.strip() for line in lines if line.strip()]
    for before, after in itertools.pairwise(stripped):
        glue = " " if before[-1].isascii() and after[0].isascii() else ""
        assert f"{before}{glue}{after}" in joined


@given(SOURCE_LINES, st.integers(min_value=30, max_value=120))
def test_the_formatter_fits_any_width(lines: list[str], size: int) -> None:
    formatter = ChineseHelpFormatter(width=size)
    formatter.write_text("\n".join(lines))
    with formatter.section("Options"):
        formatter.write_dl([("--from WHEN", "\n".join(lines) + "  [default: count]")])
    text = formatter.getvalue()
    assert all(cell_len(line) <= size for line in text.splitlines())
    assert "选项：" in text and "count）" in text and "[default" not in text
