"""Text from outside stays text in every output (issue 24, findings 3, 7 and 8): a note
is one line, never YAML; Markdown cells escape HTML and link markup; CSV neutralises
look-alike formula starts; file names are printed visibly; a bad mail address is a usage
error; a planted cache folder is not used."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_cli.plan.plan_file import bundled_plan, load_plan
from tests.conftest import Run


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    copy = tmp_path / "我局计划.yaml"
    shutil.copyfile(bundled_plan(), copy)
    return copy


INJECTED = (
    '\n  - id: "9.9"\n    section: 注入\n    title: 注入的条目\n    text: x\n'
    "    lead: []\n    owners: [x]\n    rule: 6月底前完成"
)


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
    result = gongkai(
        "done", "1.1a", "--date", "2016-06-28", "--note", note, "--tasks", str(plan), "--today", "2016-07-11"
    )
    assert result.exit_code == 2, result.output
    assert "只能是一行文字" in result.stderr and "--note" in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith("gongkai: 错误：") and len(lines) <= 2  # the error, at most one hint
    assert plan.read_bytes() == before


def test_the_edit_function_refuses_a_note_too() -> None:
    """The same rule where the note is written (files/planedit.py), whoever calls it."""
    from datetime import date

    from gongkai_cli.errors import InputError
    from gongkai_cli.files.planedit import set_done

    with pytest.raises(InputError, match="只能是一行"):
        set_done(
            bundled_plan().read_text(encoding="utf-8"), "1.1a", "done", None, date(2016, 6, 28), "a\u2028b"
        )


def test_a_one_line_note_is_written_and_undone_byte_exactly(gongkai: Run, plan: Path) -> None:
    before = plan.read_bytes()
    note = "已核对 # 含井号\t和制表符 <b>"
    result = gongkai(
        "done", "1.1a", "--date", "2016-06-28", "--note", note, "--tasks", str(plan), "--today", "2016-07-11"
    )
    assert result.exit_code == 0, result.output
    assert load_plan(plan).item("1.1a").done is not None  # type: ignore[union-attr]
    assert f"done: 2016-06-28  # {note}\n".encode() in plan.read_bytes()
    assert gongkai("done", "1.1a", "--undo", "--tasks", str(plan)).exit_code == 0
    assert plan.read_bytes() == before


HOSTILE_TITLE = "<script>alert(1)</script><img src=x onerror=alert(2)>![跟踪](http://evil.example/t.png)[点此](http://evil.example)`code`|&amp;"


def _hostile(plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("title: 行政审批事项信息公开", f"title: '{HOSTILE_TITLE}'", 1), encoding="utf-8"
    )


@pytest.mark.parametrize("command", [("tasks",), ("due", "--today", "2016-06-27", "--days", "30")])
def test_markdown_escapes_html_and_link_markup(gongkai: Run, plan: Path, command: tuple[str, ...]) -> None:
    """Finding 7: titles come verbatim from received documents; Markdown passed
    <script>, <img onerror> and remote images through. Now they show as written."""
    _hostile(plan)
    result = gongkai(*command, "--tasks", str(plan), "--format", "md")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "script" in line)
    for raw in ("<script", "<img", "![", "`code`"):
        assert raw not in row, raw
    assert not re.search(r"(?<!\\)[\[\]`]", row)  # every bracket and backquote escaped
    assert (
        "&lt;script&gt;" in row and "\\!\\[跟踪\\]" in row and "\\`code\\`" in row and "\\|&amp;amp;" in row
    )


def test_markdown_shown_by_a_renderer_has_no_html_or_link() -> None:
    """The same cell through a CommonMark renderer: text only, no tag, link or image."""
    markdown_it = pytest.importorskip("markdown_it")
    from gongkai_cli.render.markdown import md_cell

    html = (
        markdown_it.MarkdownIt("commonmark")
        .enable("table")
        .render(f"| a |\n|---|\n| {md_cell(HOSTILE_TITLE)} |\n")
    )
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "value",
    [
        "＝1+1",
        "＋1",
        "－1",
        "＠SUM(A1)",
        " =1+1",
        "\u00a0=1+1",
        "\u200b=1+1",
        "\ufeff=1+1",
        "\u3000=1",
        "﹦1",
    ],
    ids=[
        "fullwidth-eq",
        "fullwidth-plus",
        "fullwidth-minus",
        "fullwidth-at",
        "space",
        "nbsp",
        "zwsp",
        "bom",
        "ideographic-space",
        "small-eq",
    ],
)
def test_csv_neutralises_look_alike_formula_starts(gongkai: Run, plan: Path, value: str) -> None:
    """Finding 8: the CSV guard missed ＝ ＋ － ＠ and `=` after a blank."""
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("title: 行政审批事项信息公开", f'title: "{value}公开"', 1), encoding="utf-8")
    result = gongkai("tasks", "--tasks", str(plan), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert f",'{value}公开," in result.output


@pytest.mark.parametrize("value", ["正常标题", "1-2月公开", "a=b"])
def test_csv_leaves_ordinary_text_alone(value: str) -> None:
    from gongkai_cli.render.spreadsheet import csv_safe

    assert csv_safe(value) == value


@pytest.mark.parametrize(
    "address",
    ["a@example.org\nBcc: x@example.org", "a@example.org\r", "a@example.org\u2028", "a@example.org\x85"],
)
@pytest.mark.parametrize("option", ["--mail-to", "--mail-from"])
def test_a_mail_address_with_a_line_break_is_a_usage_error(gongkai: Run, option: str, address: str) -> None:
    """Finding 8: it was exit 70, "internal error"; now exit 2 with the reason."""
    other = "--mail-from" if option == "--mail-to" else "--mail-to"
    result = gongkai(
        "due", "--today", "2016-06-27", "--format", "email", option, address, other, "b@example.org"
    )
    assert result.exit_code == 2, result.output
    assert f"{option} 的邮件地址只能是一行文字" in result.stderr and "内部错误" not in result.stderr


ESCAPED_NAME = "计划\x1b]0;pwned\x07\x1b[2J.yaml"


def test_done_and_event_show_a_file_name_visibly(gongkai: Run, tmp_path: Path) -> None:
    """Finding 8: `done` and `event` printed the plan's name raw (escape codes obeyed)."""
    plan = tmp_path / ESCAPED_NAME
    shutil.copyfile(bundled_plan(), plan)
    for args in (("done", "1.1a", "--date", "2016-06-28"), ("event", "文件公开", "2016-09-30")):
        result = gongkai(*args, "--tasks", str(plan), "--today", "2016-10-11")
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "计划␛]0;pwned␇␛[2J.yaml：" in result.output


def test_plan_extract_shows_file_names_visibly(gongkai: Run, tmp_path: Path) -> None:
    from tests.conftest import FIXTURES

    source = tmp_path / ("要点\x1b[31m.txt")
    shutil.copyfile(FIXTURES / "2016-work-points.txt", source)
    source.write_bytes(source.read_bytes().decode("utf-8").encode("gb18030"))  # a note names the file
    out = tmp_path / ("草稿\x1b[2J.yaml")
    result = gongkai("plan", "extract", str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr and "␛[2J.yaml" in result.stderr and "要点␛[31m.txt" in result.stderr


def _planted(tmp_path: Path, how: str) -> tuple[dict[str, str], Path]:
    cache = tmp_path / "cache"
    cache.mkdir()
    elsewhere = tmp_path / "victim"
    elsewhere.mkdir()
    keep = elsewhere / "plan-0000.json"
    keep.write_text("someone's file\n", encoding="utf-8")
    if how == "symlink":
        (cache / "gongkai").symlink_to(elsewhere)
    else:
        (cache / "gongkai").mkdir()
        os.chmod(cache / "gongkai", 0o777)
        elsewhere = cache / "gongkai"
    return {"XDG_CACHE_HOME": str(cache)}, elsewhere


@pytest.mark.parametrize("how", ["symlink", "world-writable"])
def test_a_planted_cache_folder_is_not_used(gongkai: Run, tmp_path: Path, how: str) -> None:
    """Finding 8: a cache folder planted as a symlink in a shared cache location was
    followed (entries written there, files pruned). Now it is skipped: no write."""
    env, target = _planted(tmp_path, how)
    before = sorted(p.name for p in target.iterdir())
    for _ in range(2):
        result = gongkai("tasks", "--tasks", str(bundled_plan()), env=env)
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == before


def test_a_request_subject_is_escaped_in_the_registers_markdown(gongkai: Run, tmp_path: Path) -> None:
    """The register's Markdown (request list, and the requests in due --format md) goes
    through the same cell escaping as the plan's: a subject copied from an application is
    never HTML or a link. Before, it escaped only | and \\."""
    register = str(tmp_path / "r.sqlite3")
    add = ("request", "add", "--id", "A", "--received", "2024-09-20", "--register", register)
    assert gongkai(*add, "--subject", HOSTILE_TITLE).exit_code == 0
    listed = gongkai("request", "list", "--format", "md", "--register", register, "--today", "2024-10-21")
    due = gongkai("due", "--week", "--format", "md", "--register", register, "--today", "2024-10-21")
    for out in (listed.stdout, due.stdout):
        assert "<script" not in out and "<img" not in out
        assert not re.search(r"(?<!\\)\]\(", out)  # no link: every ] escaped
        assert "&lt;script&gt;" in out and "\\[点此\\]" in out


@settings(max_examples=600, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=0xFF) | st.sampled_from("事项\u2028\ufffd")),
    st.sampled_from(["", "\t\n", "\r\n", "\n", "\t\n\r"]),
)
def test_visible_is_each_control_character_but_those_kept_as_its_picture(text: str, keep: str) -> None:
    """safetext.visible searches first for a control character that is not kept (a page of
    lines has line feeds and is left as it is) and then pictures them: the same as
    picturing every character one by one."""
    from gongkai_cli.safetext import visible

    pictured = "".join(
        c if c in keep or not (c < "\x20" or "\x7f" <= c <= "\x9f") else _picture(c) for c in text
    )
    assert visible(text, keep) == pictured


def _picture(c: str) -> str:
    """U+2400 + the code for C0, U+2421 for DEL, U+FFFD for C1 (safetext's module text)."""
    if c < "\x20":
        return chr(0x2400 + ord(c))
    return "\u2421" if c == "\x7f" else "\ufffd"
