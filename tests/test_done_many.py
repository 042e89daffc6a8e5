"""gongkai done with several ids and ranges of occurrences, and the one rule of done and
event about dates after today; the dates they write are kept in order (issue 19, point 6)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gongkai_cli.plan.plan_file import bundled_plan
from tests.conftest import Run


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    copy = tmp_path / "我局计划.yaml"
    shutil.copyfile(bundled_plan(), copy)
    return {"GONGKAI_TASKS": str(copy), "GONGKAI_TODAY": "2016-12-05"}


def done_ids(gongkai: Run, env: dict[str, str]) -> dict[str, str]:
    items = json.loads(gongkai("tasks", "--format", "json", env=env).output)["items"]
    return {ob["id"]: ob["done"] for ob in items if ob["done"]}


def test_several_ids_and_a_range_in_one_run(gongkai: Run, env: dict[str, str]) -> None:
    before = Path(env["GONGKAI_TASKS"]).read_bytes()
    result = gongkai("done", "1.3@2016-06..2016-09", "2.1", "5.1.5", "--date", "2016-12-01", env=env)
    assert result.exit_code == 0, result.output
    assert result.output.count("已标记完成：") == 6
    assert done_ids(gongkai, env) == {
        "1.3@2016-06": "2016-12-01",
        "1.3@2016-07": "2016-12-01",
        "1.3@2016-08": "2016-12-01",
        "1.3@2016-09": "2016-12-01",
        "2.1": "2016-12-01",
        "5.1.5": "2016-12-01",
    }
    text = Path(env["GONGKAI_TASKS"]).read_text(encoding="utf-8")
    assert (
        "done: {2016-06: 2016-12-01, 2016-07: 2016-12-01, 2016-08: 2016-12-01, 2016-09: 2016-12-01}" in text
    )
    undo = gongkai("done", "1.3@2016-06..2016-09", "2.1", "5.1.5", "--undo", env=env)
    assert undo.exit_code == 0, undo.output
    assert Path(env["GONGKAI_TASKS"]).read_bytes() == before


def test_occurrences_written_in_order(gongkai: Run, env: dict[str, str]) -> None:
    for month in ("2016-09", "2016-06", "2016-07"):
        assert gongkai("done", f"1.3@{month}", "--date", "2016-12-01", env=env).exit_code == 0
    text = Path(env["GONGKAI_TASKS"]).read_text(encoding="utf-8")
    assert "done: {2016-06: 2016-12-01, 2016-07: 2016-12-01, 2016-09: 2016-12-01}" in text


def test_events_written_in_order(gongkai: Run, env: dict[str, str]) -> None:
    for day in ("2016-09-30", "2016-06-01", "2016-07-15"):
        assert gongkai("event", "文件公开", day, env=env).exit_code == 0
    text = Path(env["GONGKAI_TASKS"]).read_text(encoding="utf-8")
    assert "  文件公开: [2016-06-01, 2016-07-15, 2016-09-30]" in text


def test_all_or_nothing(gongkai: Run, env: dict[str, str]) -> None:
    before = Path(env["GONGKAI_TASKS"]).read_bytes()
    result = gongkai("done", "2.1", "9.9", env=env)
    assert result.exit_code == 3
    assert "没有编号为“9.9”的条目" in result.stderr
    assert Path(env["GONGKAI_TASKS"]).read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("1.3@2016-09..2016-06",), "“1.3@2016-09..2016-06”不是一段期次：应写成 1.3@起..止"),
        (("1.3@2017-01..2017-03",), "条目 1.3 在 2017-01 至 2017-03 之间没有工作"),
        (("1.3",), "（一段时间：1.3@2016-05..2016-05）"),
    ],
)
def test_bad_ranges(gongkai: Run, env: dict[str, str], args: tuple[str, ...], message: str) -> None:
    result = gongkai("done", *args, env=env)
    assert result.exit_code == 3
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("done", "2.1", "--date", "2016-12-06"),
        ("event", "文件公开", "2016-12-06"),
        ("event", "重大突发事件", "2016-12-06 09:00"),
    ],
)
def test_done_and_event_refuse_a_day_after_today_alike(
    gongkai: Run, env: dict[str, str], args: tuple[str, ...]
) -> None:
    before = Path(env["GONGKAI_TASKS"]).read_bytes()
    result = gongkai(*args, env=env)
    assert result.exit_code == 3
    what = "完成日期" if args[0] == "done" else "事件日期"
    assert result.stderr == (
        f"gongkai: 错误：{what} 2016-12-06 晚于今天 2016-12-05："
        "只能记录已经发生的事（今天由 --today 或 GONGKAI_TODAY 决定）\n"
    )
    assert Path(env["GONGKAI_TASKS"]).read_bytes() == before


def test_an_event_today_is_recorded(gongkai: Run, env: dict[str, str]) -> None:
    assert gongkai("event", "重大突发事件", "2016-12-05 09:00", env=env).exit_code == 0


def test_two_documents_published_the_same_day(gongkai: Run, env: dict[str, str]) -> None:
    """event --label: each labelled occurrence is its own, with its own duties (4.1a, 解读材料
    文件公开后 3 个工作日内: from Monday 2016-10-10, Thursday 10-13)."""
    for label in ("甲文件", "乙文件"):
        result = gongkai("event", "文件公开", "2016-10-10", "--label", label, env=env)
        assert result.exit_code == 0, result.output
        assert f"  4.1a@2016-10-10#{label}  政策解读材料随文发布  期限 2016-10-13（星期四）" in result.output
    assert gongkai("event", "文件公开", "2016-09-30", env=env).exit_code == 0
    text = Path(env["GONGKAI_TASKS"]).read_text(encoding="utf-8")
    assert '  文件公开: [2016-09-30, "2016-10-10 乙文件", "2016-10-10 甲文件"]' in text
    assert gongkai("done", "4.1a@2016-10-10#乙文件", "--date", "2016-10-12", env=env).exit_code == 0
    items = json.loads(gongkai("tasks", "--format", "json", env=env).output)["items"]
    events = {
        ob["id"]: (ob["deadline"], ob["done"], ob["occurrence"]) for ob in items if ob["kind"] == "event"
    }
    assert events == {
        "4.1a@2016-09-30": ("2016-10-10", None, "2016-09-30"),
        "4.1a@2016-10-10#乙文件": ("2016-10-13", "2016-10-12", "2016-10-10#乙文件"),
        "4.1a@2016-10-10#甲文件": ("2016-10-13", None, "2016-10-10#甲文件"),
        "4.2b": (None, None, None),
    }
    again = gongkai("event", "文件公开", "2016-10-10", "--label", "甲文件", env=env)
    assert again.exit_code == 3 and "2016-10-10#甲文件 已有记录" in again.stderr
    assert gongkai("event", "文件公开", "2016-10-10", "--label", "甲文件", "--undo", env=env).exit_code == 0
    text = Path(env["GONGKAI_TASKS"]).read_text(encoding="utf-8")
    assert '  文件公开: [2016-09-30, "2016-10-10 乙文件"]' in text


@pytest.mark.parametrize("label", ["甲 文件", "a/b", "x@y", "p#q", "a:b"])
def test_a_label_is_one_short_word(gongkai: Run, env: dict[str, str], label: str) -> None:
    result = gongkai("event", "文件公开", "2016-10-10", "--label", label, env=env)
    assert result.exit_code == 3
    assert "应为不含空白、/、@、#、: 的简短文字" in result.stderr


def test_labelled_events_on_the_command_line(gongkai: Run, env: dict[str, str]) -> None:
    args = ("due", "--today", "2016-10-10", "--no-overdue", "--format", "json")
    both = ("--event", "文件公开=2016-10-10 甲文件", "--event", "文件公开=2016-10-10#乙文件")
    data = json.loads(gongkai(*args, *both, env=env).output)
    assert [e["id"] for e in data["items"] if e["kind"] == "event"] == [
        "4.1a@2016-10-10#乙文件",
        "4.1a@2016-10-10#甲文件",
    ]
