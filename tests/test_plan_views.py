"""status, --dept (collective names, prefixes, aliases), several plans, dates before the
plan's issue, and conflicting options: through the real CLI on the bundled plan."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from gongkai_cli.plan.plan_file import bundled_plan
from tests.conftest import FIXTURES, Run

SECOND = FIXTURES / "plans" / "guoban-2016.yaml"  # 国办发〔2016〕19号, a few duties


def as_json(gongkai: Run, *args: str, env: dict[str, str] | None = None) -> dict[str, object]:
    result = gongkai(*args, "--format", "json", env=env)
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


# -- status --------------------------------------------------------------------------


def test_status_counts_add_up_to_the_tasks_total(gongkai: Run) -> None:
    status = as_json(gongkai, "status", "--today", "2016-09-30")
    tasks = as_json(gongkai, "tasks")
    items = tasks["items"]
    assert isinstance(items, list)
    total = len(items)
    assert status["total"] == total == 71
    states = status["states"]
    assert isinstance(states, dict)
    assert states == {"done": 0, "overdue": 21, "upcoming": 23, "open": 27, "total": 71}
    kinds = status["kinds"]
    assert isinstance(kinds, dict)
    assert sum(k["total"] for k in kinds.values()) == total
    for state in ("done", "overdue", "upcoming", "open"):
        assert sum(k[state] for k in kinds.values()) == states[state]
    # each kind's total is the number of tasks of that kind
    for kind, counts in kinds.items():
        assert counts["total"] == sum(1 for ob in items if ob["kind"] == kind)
    # 2016-09-30 is itself a deadline (1.3@2016-09 …): due today is upcoming, not overdue
    assert kinds["recurring"] == {"done": 0, "overdue": 12, "upcoming": 12, "open": 0, "total": 24}


def test_status_departments_count_their_own(gongkai: Run) -> None:
    status = as_json(gongkai, "status", "--today", "2016-09-30")
    departments = status["departments"]
    assert isinstance(departments, list)
    by_name = {d["name"]: d for d in departments}
    # 条法司: 1.1a 1.1b 1.2a (+ 3 reports) and 5.1.3 (open)
    assert by_name["条法司"] == {
        "name": "条法司", "done": 0, "overdue": 4, "upcoming": 2, "open": 1, "total": 7,
    }  # fmt: skip
    tasks = as_json(gongkai, "tasks")
    items = tasks["items"]
    assert isinstance(items, list)
    for name, counts in by_name.items():
        assert counts["total"] == sum(1 for ob in items if name in ob["lead"] + ob["owners"]), name


def test_status_follows_done_marks(gongkai: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(bundled_plan(), plan)
    env = {"GONGKAI_TASKS": str(plan), "GONGKAI_TODAY": "2016-09-30"}
    assert gongkai("done", "1.1a", "--date", "2016-06-28", env=env).exit_code == 0
    states = as_json(gongkai, "status", "--dept", "条法", env=env)["states"]
    # 条法司's own 7 (1.1a now done), and the 8 of 各部门单位, 局机关各部门 and 各有关单位
    assert states == {"done": 1, "overdue": 4, "upcoming": 5, "open": 5, "total": 15}


def test_status_formats(gongkai: Run) -> None:
    plain = gongkai("status", "--today", "2016-09-30", "--format", "plain")
    assert plain.exit_code == 0
    assert "共 71 项：已完成 0，逾期 21，待办 23，无期限 27" in plain.output
    assert "2016-10-31（星期一）  1.2a  专利代理机构信息公开（条法司）" in plain.output
    rows = list(
        csv.DictReader(io.StringIO(gongkai("status", "--today", "2016-09-30", "--format", "csv").output))
    )
    assert rows[0] == {"group": "all", "name": "", "done": "0", "overdue": "21", "upcoming": "23",
                       "open": "27", "total": "71"}  # fmt: skip
    md = gongkai("status", "--today", "2016-09-30", "--format", "md").output
    assert "| 条法司 | 0 | 4 | 2 | 1 | 7 |" in md
    table = gongkai("status", "--today", "2016-09-30", "--format", "table").output
    assert "条法司" in table and max(len(line) for line in table.splitlines()) <= 80


# -- departments ------------------------------------------------------------------------


def test_dept_includes_duties_of_every_department(gongkai: Run) -> None:
    week = as_json(gongkai, "due", "--today", "2016-05-23", "--dept", "条法司")
    assert [e["id"] for e in week["items"]] == ["end.1"]  # type: ignore[union-attr, index]
    tasks = as_json(gongkai, "tasks", "--dept", "条法司")
    ids = {ob["id"] for ob in tasks["items"]}  # type: ignore[union-attr, index]
    assert {"end.1", "1.4", "end.5", "2.2b", "1.1a", "1.2a"} <= ids
    assert "1.3" not in {i.split("@")[0] for i in ids}  # 专利管理司's


def test_dept_prefix_alias_and_several(gongkai: Run, tmp_path: Path) -> None:
    full = as_json(gongkai, "tasks", "--dept", "条法司")
    assert as_json(gongkai, "tasks", "--dept", "条法") == full
    plan = tmp_path / "plan.yaml"
    text = bundled_plan().read_text(encoding="utf-8")
    plan.write_text(
        text.replace("reports:\n", "departments:\n  aliases: {审查部: 审查业务管理部}\n\nreports:\n", 1),
        encoding="utf-8",
    )
    both = as_json(gongkai, "tasks", "--tasks", str(plan), "--dept", "审查部", "--dept", "三期办")
    ids = {ob["id"] for ob in both["items"]}  # type: ignore[union-attr, index]
    assert {"1.1a", "2.2a", "end.1"} <= ids and "1.1b" not in ids


def test_collective_names_are_part_of_the_plan_format(gongkai: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = bundled_plan().read_text(encoding="utf-8")
    plan.write_text(text.replace("reports:\n", "departments:\n  collective: [局机关各部门]\n\nreports:\n", 1),
                    encoding="utf-8")  # fmt: skip
    ids = {ob["id"] for ob in as_json(gongkai, "tasks", "--tasks", str(plan), "--dept", "条法司")["items"]}  # type: ignore[union-attr, index]
    assert "end.5" in ids and "end.1" not in ids  # 各部门单位 is no longer everyone


# -- several plans ------------------------------------------------------------------------


def test_due_over_two_plans_tells_them_apart(gongkai: Run) -> None:
    env = {"GONGKAI_TASKS": os.pathsep.join([str(SECOND), str(bundled_plan())])}
    result = gongkai("due", "--today", "2016-12-26", "--format", "plain", "--no-overdue", env=env)
    assert result.exit_code == 0, result.output
    assert "国办:1.1a  权力清单和责任清单公开" in result.output
    assert "tasks-2016:1.4  政务服务公开" in result.output
    with_options = gongkai(
        "due", "--today", "2016-12-26", "--tasks", str(SECOND), "--tasks", str(bundled_plan()),
        "--format", "plain", "--no-overdue",
    )  # fmt: skip
    assert with_options.output == result.output
    tasks = as_json(gongkai, "tasks", env=env)
    assert [p["key"] for p in tasks["plans"]] == ["国办", "tasks-2016"]  # type: ignore[union-attr, index]
    assert len(tasks["items"]) == 2 + 71  # type: ignore[arg-type]


def test_show_status_and_check_over_two_plans(gongkai: Run) -> None:
    env = {"GONGKAI_TASKS": os.pathsep.join([str(SECOND), str(bundled_plan())])}
    ambiguous = gongkai("show", "1.1a", env=env)
    assert ambiguous.exit_code == 3 and "国办:1.1a、tasks-2016:1.1a" in ambiguous.output
    shown = as_json(gongkai, "show", "国办:1.1a", env=env)
    assert shown["item"]["title"] == "权力清单和责任清单公开"  # type: ignore[index]
    assert as_json(gongkai, "show", "end.1", env=env)["item"]["id"] == "end.1"  # type: ignore[index]
    assert as_json(gongkai, "status", "--today", "2016-09-30", env=env)["total"] == 73
    checked = as_json(gongkai, "check", env=env)
    assert [p["plan"]["file"] for p in checked["plans"]] == [str(SECOND), str(bundled_plan())]  # type: ignore[union-attr, index]
    event = gongkai("due", "--event", "重大突发事件=2016-07-01 14:30", "--today", "2016-07-01", env=env)
    assert "国办:4.2@2016-07-01T14:30" in event.output and "tasks-2016:4.2b@2016-07-01T14:30" in event.output


def test_two_plans_with_one_key_are_refused(gongkai: Run, tmp_path: Path) -> None:
    other = tmp_path / "tasks-2016.yaml"
    shutil.copyfile(bundled_plan(), other)
    result = gongkai("due", "--tasks", str(other), "--tasks", str(bundled_plan()))
    assert result.exit_code == 3 and "两份计划的简称都是“tasks-2016”" in result.output


# -- before the plan's issue date -------------------------------------------------------


def test_due_before_the_issue_date_lists_nothing_earlier(gongkai: Run) -> None:
    """On 2016-05-16 the plan (issued 2016-05-18) binds no one: 5.2.4/report (4月底 + 10
    working days = 05-16) is not "due today", 5.2.4 is not overdue; the note says why."""
    result = gongkai("due", "--today", "2016-05-16", "--format", "plain")
    assert result.exit_code == 0, result.output
    assert "今天到期" not in result.output and "逾期" not in result.output
    assert "2016年政务公开工作要点于 2016-05-18 印发，今天尚未生效：此前的期限不列出" in result.output
    data = as_json(gongkai, "due", "--today", "2016-05-16", "--days", "14")
    assert [e["id"] for e in data["items"]] == ["end.1"]  # type: ignore[union-attr, index]
    assert data["not_in_force"] == [{"plan": "2016年政务公开工作要点", "issued": "2016-05-18"}]
    # from the issue date on, the early deadline is overdue (flagged, with its report)
    after = as_json(gongkai, "due", "--today", "2016-05-23")
    overdue = {e["id"]: e["warnings"] for e in after["overdue"]}  # type: ignore[union-attr, index]
    assert "期限 2016-04-30 早于起算日 2016-05-18" in overdue["5.2.4"]
    assert overdue["5.2.4/report"] == ["所依期限 2016-04-30 早于计划印发日 2016-05-18（照原文保留）"]


# -- conflicting options ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("due", "--week", "--month"), "--week 与 --month 只能选一个"),
        (("due", "--next-week", "--week"), "--next-week 与 --week 只能选一个"),
        (("due", "--until", "2016-07-01", "--days", "3"), "--until 与 --days 只能选一个"),
        (("due", "--today", "2016-06-27", "--today", "2016-06-28"), "--today 给了两次"),
        (("tasks", "-o", "a.ics", "--output", "b.ics"), "-o 与 --output 只能选一个"),
        (("deadline", "3个工作日内", "--from", "2016-09-30", "--from", "2016-10-08"), "--from 给了两次"),
        (("status", "--next", "3", "--next", "4"), "--next 给了两次"),
    ],
)
def test_conflicting_options_are_usage_errors(gongkai: Run, args: tuple[str, ...], words: str) -> None:
    result = gongkai(*args)
    assert result.exit_code == 2, result.output
    assert words in result.output


def test_repeatable_options_stay_repeatable(gongkai: Run) -> None:
    result = gongkai(
        "due", "--today", "2016-05-23", "--dept", "办公室", "--dept", "条法司", "--format", "plain"
    )
    assert result.exit_code == 0, result.output
    assert gongkai("due", "--week", "--week", "--today", "2016-05-23").exit_code == 0  # the same flag twice


def test_subcommands_refuse_repeated_options_too(gongkai: Run) -> None:
    result = gongkai("calendar", "2016", "10", "--format", "plain", "--format", "json")
    assert result.exit_code == 2 and "--format 给了两次" in result.output
