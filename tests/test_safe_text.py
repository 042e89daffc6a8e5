"""Text from outside stays text in every output (issue 24, findings 3, 7 and 8): a note
is one line, never YAML; Markdown cells escape HTML and link markup; CSV neutralises
look-alike formula starts; file names are printed visibly; a bad mail address is a usage
error; a planted cache folder is not used."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from gongkai_cli.plan.plan_file import bundled_plan, load_plan
from tests.conftest import Run


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    copy = tmp_path / "我局计划.yaml"
    shutil.copyfile(bundled_plan(), copy)
    return copy


INJECTED = '\n  - id: "9.9"\n    section: 注入\n    title: 注入的条目\n    text: x\n    lead: []\n    owners: [x]\n    rule: 6月底前完成'


@pytest.mark.parametrize(
    "breaker",
    ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1b"],
    ids=["LF", "CR", "CRLF", "NEL", "LS", "PS", "VT", "FF", "ESC"],
)
def test_a_note_with_a_line_break_is_refused(gongkai: Run, plan: Path, breaker: str) -> None:
    """Finding 3: `done --note` with a line break wrote YAML (a whole injected item that
    `check` accepted and `--undo` left in place). Now: exit 2, one line, file untouched."""
    before = plan.read_bytes()
    note = "已核对" + INJECTED.replace("\n", breaker)
    result = gongkai("done", "1.1a", "--date", "2016-06-28", "--note", note, "--tasks", str(plan), "--today", "2016-07-11")
    assert result.exit_code == 2, result.output
    assert "只能是一行文字" in result.stderr and "--note" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("错误：")
    assert plan.read_bytes() == before


def test_the_edit_function_refuses_a_note_too() -> None:
    """The same rule where the note is written (files/planedit.py), whoever calls it."""
    from datetime import date

    from gongkai_cli.errors import InputError
    from gongkai_cli.files.planedit import set_done

    with pytest.raises(InputError, match="只能是一行"):
        set_done(bundled_plan().read_text(encoding="utf-8"), "1.1a", "done", None, date(2016, 6, 28), "a\u2028b")


def test_a_one_line_note_is_written_and_undone_byte_exactly(gongkai: Run, plan: Path) -> None:
    before = plan.read_bytes()
    note = "已核对 # 含井号\t和制表符 <b>"
    result = gongkai("done", "1.1a", "--date", "2016-06-28", "--note", note, "--tasks", str(plan), "--today", "2016-07-11")
    assert result.exit_code == 0, result.output
    assert load_plan(plan).item("1.1a").done is not None  # type: ignore[union-attr]
    assert f"done: 2016-06-28  # {note}\n".encode() in plan.read_bytes()
    assert gongkai("done", "1.1a", "--undo", "--tasks", str(plan)).exit_code == 0
    assert plan.read_bytes() == before
