"""gongkai done and gongkai event: they edit a copy of the bundled plan in place, keeping
everything else byte for byte, and --undo gives the file back as it was."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest

from gongkai_cli.plan.plan_file import bundled_plan
from tests.conftest import Run


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    copy = tmp_path / "我局计划.yaml"
    shutil.copyfile(bundled_plan(), copy)
    return copy


def changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.ndiff(before.decode().splitlines(), after.decode().splitlines())
    return [line for line in diff if line[:1] in "+-"]


def due_json(gongkai: Run, plan: Path, *args: str) -> dict[str, list[dict[str, object]]]:
    result = gongkai("due", "--tasks", str(plan), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, list[dict[str, object]]] = json.loads(result.output)
    return data


def test_done_item_adds_one_line_keeps_the_report_and_undoes(gongkai: Run, plan: Path) -> None:
    before = plan.read_bytes()
    result = gongkai("done", "1.1a", "--date", "2016-06-28", "--tasks", str(plan), "--today", "2016-07-11")
    assert result.exit_code == 0, result.output
    assert "已标记完成：1.1a" in result.output and "+    done: 2016-06-28" in result.output
    after = plan.read_bytes()
    assert changed_lines(before, after) == ["+     done: 2016-06-28"]
    # right after 1.1a's rule line, before the blank line that ends the item
    lines = after.decode().splitlines()
    at = lines.index("    done: 2016-06-28")
    assert lines[at - 1] == "    rule: 6月底前完成" and lines[at + 1] == ""
    assert gongkai("check", str(plan)).exit_code == 0
    week = due_json(gongkai, plan, "--today", "2016-07-11")
    ids = {str(e["id"]): e for e in week["items"]}
    assert ids["1.1a/report"]["deadline"] == "2016-07-14" and ids["1.1a/report"]["done"] is None
    tasks = json.loads(gongkai("tasks", "--tasks", str(plan), "--format", "json").output)
    done = {ob["id"]: ob["done"] for ob in tasks["items"]}
    assert done["1.1a"] == "2016-06-28" and done["1.1a/report"] is None
    undo = gongkai("done", "1.1a", "--undo", "--tasks", str(plan))
    assert undo.exit_code == 0, undo.output
    assert "-    done: 2016-06-28" in undo.output
    assert plan.read_bytes() == before


def test_done_one_month_of_a_monthly_duty(gongkai: Run, plan: Path) -> None:
    before = plan.read_bytes()
    env = {"GONGKAI_TASKS": str(plan), "GONGKAI_TODAY": "2016-07-11"}
    result = gongkai("done", "1.3@2016-06", "--date", "2016-06-29", "--note", "已核对", env=env)
    assert result.exit_code == 0, result.output
    assert changed_lines(before, plan.read_bytes()) == ["+     done: {2016-06: 2016-06-29}  # 已核对"]
    tasks = json.loads(gongkai("tasks", "--format", "json", env=env).output)
    done = {ob["id"]: ob["done"] for ob in tasks["items"] if ob["item"] == "1.3"}
    assert done.pop("1.3@2016-06") == "2016-06-29"
    assert set(done.values()) == {None} and "1.3@2016-07" in done  # only June
    # a second month joins the same map; undoing both gives the file back
    assert gongkai("done", "1.3@2016-05", "--date", "2016-06-01", env=env).exit_code == 0
    assert gongkai("check", env=env).exit_code == 0
    assert gongkai("done", "1.3@2016-05", "--undo", env=env).exit_code == 0
    assert gongkai("done", "1.3@2016-06", "--undo", env=env).exit_code == 0
    assert plan.read_bytes() == before


def test_done_on_a_recurring_item_is_refused_with_the_form_to_use(gongkai: Run, plan: Path) -> None:
    before = plan.read_bytes()
    result = gongkai("done", "1.3", "--tasks", str(plan), "--today", "2016-07-11")
    assert result.exit_code == 3
    assert f"{plan}:58:" in result.output  # the item's line
    assert "gongkai done 1.3@2016-05" in result.output and "done: {2016-05: 完成日期}" in result.output
    assert plan.read_bytes() == before


def test_check_refuses_a_plain_done_on_recurring_and_event_items(gongkai: Run, plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("rule: 按月公开", "rule: 按月公开\n    done: 2016-06-29"), encoding="utf-8")
    result = gongkai("check", str(plan))
    assert result.exit_code == 3
    expected = "条目 1.3 按期进行（按月公开），不能整条标记完成：请逐期记录，如 done: {2016-05: 完成日期}"
    assert f"{plan}:65: {expected}" in result.output
    event = text.replace(
        "rule: 文件公开后 3 个工作日内", "rule: 文件公开后 3 个工作日内\n    done: 2016-10-08"
    )
    plan.write_text(event, encoding="utf-8")
    result = gongkai("check", str(plan))
    assert result.exit_code == 3 and "条目 4.1a 由事件“文件公开”触发，不能整条标记完成" in result.output


def test_check_warns_about_done_dates_after_today_or_before_the_issue(gongkai: Run, plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    text = text.replace("rule: 6月底前完成\n", "rule: 6月底前完成\n    done: 2016-07-30\n", 1)
    text = text.replace("rule: 4月底完成", "rule: 4月底完成\n    done: 2016-04-26")
    plan.write_text(text, encoding="utf-8")
    result = gongkai("check", str(plan), "--today", "2016-07-11")
    assert result.exit_code == 0, result.output
    assert f"注意：{plan}:25: 1.1a 的完成日期 2016-07-30 晚于今天 2016-07-11" in result.output
    assert "5.2.4 的完成日期 2016-04-26 早于计划印发日 2016-05-18" in result.output


def test_event_records_and_lists_what_it_triggers(gongkai: Run, plan: Path) -> None:
    before = plan.read_bytes()
    env = {"GONGKAI_TASKS": str(plan)}
    result = gongkai("event", "文件公开", "2016-09-30", "--today", "2016-09-30", env=env)
    assert result.exit_code == 0, result.output
    assert "4.1a@2016-09-30  政策解读材料随文发布  期限 2016-10-10（星期一）" in result.output
    assert changed_lines(before, plan.read_bytes()) == ["+ events:", "+   文件公开: [2016-09-30]", "+ "]
    assert gongkai("check", env=env).exit_code == 0
    week = due_json(gongkai, plan, "--today", "2016-10-08", "--next-week")
    assert [(e["id"], e["deadline"]) for e in week["items"]] == [("4.1a@2016-09-30", "2016-10-10")]
    # an hour event, and the occurrence marked done, then all undone
    assert gongkai("event", "重大突发事件", "2016-07-01 14:30", env=env).exit_code == 0
    assert (
        gongkai("done", "4.1a@2016-09-30", "--date", "2016-10-08", "--today", "2016-10-11", env=env).exit_code
        == 0
    )
    assert "    done: {2016-09-30: 2016-10-08}" in plan.read_text(encoding="utf-8")
    assert gongkai("check", env=env).exit_code == 0
    assert gongkai("done", "4.1a@2016-09-30", "--undo", env=env).exit_code == 0
    assert gongkai("event", "重大突发事件", "2016-07-01 14:30", "--undo", env=env).exit_code == 0
    undo = gongkai("event", "文件公开", "2016-09-30", "--undo", env=env)
    assert undo.exit_code == 0, undo.output
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("done", "1.1a"), 3, "内置计划，不能直接修改：请先复制一份"),
        (("event", "文件公开", "2016-09-30"), 3, "内置计划，不能直接修改"),
        (("done", "1.1a", "--undo", "--date", "2016-06-28", "--tasks", "{plan}"), 2, "--undo 不能与 --date"),
        (("done", "1.1a", "--date", "2016-07-12", "--tasks", "{plan}"), 3, "晚于今天 2016-07-11"),
        (("done", "1.1a", "--undo", "--tasks", "{plan}"), 3, "没有完成记录"),
        (("done", "9.9", "--tasks", "{plan}"), 3, "没有编号为“9.9”的条目"),
        (("done", "1.3@2017-01", "--tasks", "{plan}"), 3, "它的工作：1.3@2016-05"),
        (("done", "4.1a@2016-09-30", "--tasks", "{plan}"), 3, "先运行 gongkai event 文件公开 2016-09-30"),
        (("event", "文件发布", "2016-09-30", "--tasks", "{plan}"), 3, "可用的事件名：文件公开、重大突发事件"),
        (("event", "文件公开", "2016-09-30", "--undo", "--tasks", "{plan}"), 3, "无可撤销"),
        (("event", "文件公开", "2016-02-30", "--tasks", "{plan}"), 3, "不存在"),
    ],
)
def test_refusals_leave_the_file_alone(
    gongkai: Run, plan: Path, args: tuple[str, ...], code: int, words: str
) -> None:
    before = plan.read_bytes()
    bundled = bundled_plan().read_bytes()
    result = gongkai(*(a.replace("{plan}", str(plan)) for a in args), "--today", "2016-07-11")
    assert result.exit_code == code, result.output
    assert words in result.output
    assert plan.read_bytes() == before and bundled_plan().read_bytes() == bundled


def test_a_file_changed_meanwhile_is_not_overwritten(tmp_path: Path, plan: Path) -> None:
    from gongkai_cli.errors import InputError
    from gongkai_cli.files.atomic import write_atomic

    read = plan.read_bytes()
    plan.write_bytes(read + b"# edited by hand meanwhile\n")
    with pytest.raises(InputError, match="被改动过"):
        write_atomic(plan, "format: 1\n", force=True, expect=read)
    assert plan.read_bytes().endswith(b"# edited by hand meanwhile\n")
    assert [p.name for p in tmp_path.iterdir()] == [plan.name]  # no temp file left


def test_crlf_bom_and_comments_survive(gongkai: Run, tmp_path: Path) -> None:
    """A plan saved on Windows (CRLF, byte-order mark), with an end-of-line comment on
    the last key: the edit keeps all three."""
    text = bundled_plan().read_text(encoding="utf-8")
    text = text.replace("rule: 6月底前完成\n", "rule: 6月底前完成  # 原文括号\n", 1)
    plan = tmp_path / "windows.yaml"
    original = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    plan.write_bytes(original)
    result = gongkai("done", "1.1a", "--date", "2016-06-28", "--tasks", str(plan), "--today", "2016-07-11")
    assert result.exit_code == 0, result.output
    edited = plan.read_bytes()
    assert edited.startswith(b"\xef\xbb\xbf")
    assert "    rule: 6月底前完成  # 原文括号\r\n    done: 2016-06-28\r\n\r\n".encode() in edited
    assert gongkai("done", "1.1a", "--undo", "--tasks", str(plan)).exit_code == 0
    assert plan.read_bytes() == original


def test_done_and_event_with_two_plans(gongkai: Run, plan: Path, tmp_path: Path) -> None:
    from tests.conftest import FIXTURES

    second = tmp_path / "guoban-2016.yaml"
    shutil.copyfile(FIXTURES / "plans" / "guoban-2016.yaml", second)
    mine, theirs = plan.read_bytes(), second.read_bytes()
    env = {"GONGKAI_TASKS": f"{plan}{__import__('os').pathsep}{second}", "GONGKAI_TODAY": "2016-07-11"}
    ambiguous = gongkai("done", "1.1a", env=env)
    assert ambiguous.exit_code == 2 and "简称:编号" in ambiguous.output
    assert gongkai("done", "国办:1.1a", "--date", "2016-07-01", env=env).exit_code == 0
    assert changed_lines(theirs, second.read_bytes()) == ["+     done: 2016-07-01"]
    assert plan.read_bytes() == mine
    assert gongkai("done", "end.1", "--date", "2016-05-24", env=env).exit_code == 0  # only mine has end.1
    assert changed_lines(mine, plan.read_bytes()) == ["+     done: 2016-05-24"]
    # 文件公开 is only in mine; 重大突发事件 in both, so it needs the key
    assert gongkai("event", "文件公开", "2016-06-30", env=env).exit_code == 0
    both = gongkai("event", "重大突发事件", "2016-07-01 14:30", env=env)
    assert both.exit_code == 2 and "简称:事件名" in both.output
    result = gongkai("event", "国办:重大突发事件", "2016-07-01 14:30", env=env)
    assert result.exit_code == 0, result.output
    assert "4.2@2016-07-01T14:30" in result.output
    assert gongkai("check", env=env).exit_code == 0


def test_block_style_done_map(gongkai: Run, plan: Path) -> None:
    """A done map the user wrote in block style gets its new month as a line of its own."""
    original = plan.read_bytes()
    text = original.decode().replace(
        "rule: 按月公开\n", "rule: 按月公开\n    done:\n      2016-05: 2016-05-31  # 五月\n", 1
    )
    plan.write_text(text, encoding="utf-8")
    env = {"GONGKAI_TASKS": str(plan), "GONGKAI_TODAY": "2016-07-11"}
    assert gongkai("done", "1.3@2016-06", "--date", "2016-06-29", env=env).exit_code == 0
    lines = plan.read_text(encoding="utf-8").splitlines()
    at = lines.index("      2016-05: 2016-05-31  # 五月")
    assert lines[at + 1 : at + 3] == ["      2016-06: 2016-06-29", ""]
    assert gongkai("check", env=env).exit_code == 0
    assert gongkai("done", "1.3@2016-06", "--undo", env=env).exit_code == 0
    assert plan.read_text(encoding="utf-8") == text
    assert gongkai("done", "1.3@2016-05", "--undo", env=env).exit_code == 0
    assert plan.read_bytes() == original


def test_a_linked_plan_stays_a_link(gongkai: Run, plan: Path, tmp_path: Path) -> None:
    link = tmp_path / "current.yaml"
    link.symlink_to(plan)
    mode = plan.stat().st_mode
    result = gongkai("done", "1.1b", "--date", "2016-06-30", "--tasks", str(link), "--today", "2016-07-11")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "    done: 2016-06-30\n" in plan.read_text(encoding="utf-8")
    assert plan.stat().st_mode == mode


def test_ruamel_is_loaded_only_by_the_commands_that_edit(plan: Path) -> None:
    """The weekly `due` must start fast: ruamel.yaml is imported by done and event only."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from gongkai_cli.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:], prog_name='gongkai')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('ruamel' in ' '.join(sys.modules))\n"
    )

    def loads_ruamel(*args: str) -> bool:
        env = {"GONGKAI_TODAY": "2016-07-11", "PATH": "/usr/bin:/bin", "HOME": str(plan.parent)}
        out = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env, check=True
        ).stdout
        return out.strip().splitlines()[-1] == "True"

    assert not loads_ruamel("due", "--week", "--tasks", str(plan))
    assert loads_ruamel("done", "1.1a", "--date", "2016-06-28", "--tasks", str(plan))
