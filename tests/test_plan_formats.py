"""Output of due, tasks, show and check in every format: exact JSON so the schema cannot
drift, CSV and iCalendar that parse back, Markdown, tables, and -o written atomically."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Run

# `gongkai due --today 2016-05-23 --format json`: the contacts list is due on 2016-05-25;
# the 4.26 open day (4月底, before the plan was issued) and its report are overdue.
DUE_2016_05_23 = {
    "today": "2016-05-23",
    "window": {"start": "2016-05-23", "end": "2016-05-29"},
    "items": [
        {
            "id": "end.1",
            "item": "end.1",
            "kind": "deadline",
            "title": "报送各项具体工作的联系人",
            "rule": "印发之日起 5 个工作日内",
            "deadline": "2016-05-25",
            "weekday": "星期三",
            "lead": [],
            "owners": ["各部门单位"],
            "done": None,
            "provisional": False,
            "waiting_for": [],
            "rest_day": False,
            "occurrence": None,
            "warnings": [],
            "days_left": 2,
            "workdays_left": 2,
        }
    ],
    "overdue": [
        {
            "id": "5.2.4",
            "item": "5.2.4",
            "kind": "deadline",
            "title": "“4.26”开放日",
            "rule": "4月底完成",
            "deadline": "2016-04-30",
            "weekday": "星期六",
            "lead": ["办公室"],
            "owners": [],
            "done": None,
            "provisional": False,
            "waiting_for": [],
            "rest_day": True,
            "occurrence": None,
            "warnings": [
                "2016-04-30 是星期六（休息日），期限不顺延；可用 --roll backward 提前到此前最后一个工作日，"
                "或 --roll forward 顺延",
                "期限 2016-04-30 早于起算日 2016-05-18",
            ],
            "days_left": -23,
            "workdays_left": -15,
        },
        {
            "id": "5.2.4/report",
            "item": "5.2.4",
            "kind": "report",
            "title": "书面报送落实情况：“4.26”开放日",
            "rule": "期限届满后 10 个工作日内",
            "deadline": "2016-05-16",
            "weekday": "星期一",
            "lead": ["办公室"],
            "owners": [],
            "done": None,
            "provisional": False,
            "waiting_for": [],
            "rest_day": False,
            "occurrence": "report",
            "warnings": ["所依期限 2016-04-30 早于计划印发日 2016-05-18（照原文保留）"],
            "days_left": -7,
            "workdays_left": -5,
        },
    ],
    "not_in_force": [],
    "unpublished_next_year": None,
    "counts": {"due": 1, "done": 0, "overdue": 2},
}

ITEM_KEYS = {"id", "item", "kind", "title", "rule", "deadline", "weekday", "lead", "owners", "done",
             "provisional", "waiting_for", "rest_day", "occurrence", "warnings"}  # fmt: skip


def test_due_json_exact(gongkai: Run) -> None:
    result = gongkai("due", "--today", "2016-05-23", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == DUE_2016_05_23
    assert result.output.index('"items"') < result.output.index('"overdue": [')  # keys sorted


def test_tasks_json(gongkai: Run) -> None:
    result = gongkai("tasks", "--format", "json")
    data = json.loads(result.output)
    assert set(data) == {"plan", "plans", "items"}
    assert data["plans"] == [{**data["plan"], "key": "tasks-2016"}]
    assert data["plan"]["title"] == "2016年政务公开工作要点"
    assert data["plan"]["issued"] == "2016-05-18" and data["plan"]["year"] == 2016
    assert len(data["items"]) == 71
    assert all(set(item) == ITEM_KEYS for item in data["items"])
    by_id = {item["id"]: item for item in data["items"]}
    assert by_id["1.1a/report"]["deadline"] == "2016-07-14"
    assert by_id["3.1"] == by_id["3.1"] | {"deadline": None, "kind": "open", "rule": "全年适时进行"}
    assert by_id["4.2a"]["rule"] is None  # the text states no time limit
    assert by_id["4.1a"]["kind"] == "event" and by_id["4.1a"]["deadline"] is None
    assert {i["kind"] for i in data["items"]} == {"deadline", "report", "recurring", "event", "open"}


def test_tasks_lists_every_duty(gongkai: Run) -> None:
    result = gongkai("tasks", "--format", "plain")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "2016年政务公开工作要点（国家知识产权局办公室，2016-05-18 印发）：71 项"
    for oid in ("1.1a ", "1.1a/report ", "3.1 ", "5.1.2@2016-12 ", "end.1 ", "end.5 ", "end.6 "):
        assert any(line.startswith(oid) for line in lines), oid
    assert any("无固定期限" in line and line.startswith("2.2a ") for line in lines)


@pytest.mark.parametrize("command", ["due", "tasks"])
def test_csv_parses(gongkai: Run, command: str) -> None:
    result = gongkai(command, "--today", "2016-07-11", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows
    if command == "due":
        assert {r["section"] for r in rows} == {"due", "overdue"}
        first = rows[0]
        assert (first["id"], first["deadline"], first["days_left"], first["workdays_left"]) == (
            "1.1a/report", "2016-07-14", "3", "3",
        )  # fmt: skip
    else:
        first = rows[0]
        assert first["owners"] == "条法司、审查业务管理部、初审及流程管理部、专利复审委员会"
        assert first["rest_day"] == "false" and first["done"] == ""


def test_markdown_digest(gongkai: Run) -> None:
    result = gongkai("due", "--today", "2016-07-11", "--format", "md")
    lines = result.output.splitlines()
    assert lines[0] == "# 2016年政务公开工作要点"
    assert lines[2] == "## 2016-07-11（星期一） 至 2016-07-17（星期日）到期：2 项"
    assert "| 期限 | 剩余 | 编号 | 事项 | 牵头 | 负责 | 期限写法 | 标记 |" in lines
    assert any(line.startswith("## 逾期未完成：") for line in lines)
    assert all(line.count("|") == 9 for line in lines if line.startswith("| "))


@pytest.mark.parametrize(
    ("args", "count", "first"),
    [
        (("due", "--today", "2016-06-27", "--no-overdue"), 5, date(2016, 6, 30)),
        (("tasks",), 44, date(2016, 6, 30)),  # 12 + 8 reports + 24 occurrences; no open ones
    ],
)
def test_ics_parses_back(gongkai: Run, args: tuple[str, ...], count: int, first: date) -> None:
    from icalendar import Calendar

    result = (
        gongkai(*args, "--today", "2016-06-27", "--format", "ics")
        if args[0] == "tasks"
        else gongkai(*args, "--format", "ics")
    )
    assert result.exit_code == 0, result.output
    cal = Calendar.from_ical(result.output)
    events = list(cal.walk("VEVENT"))
    assert len(events) == count
    event = events[0]
    assert event.decoded("dtstart") == first
    assert (event.decoded("dtend") - event.decoded("dtstart")).days == 1  # all day
    assert str(event["summary"]).startswith("[1.1a] ")
    description = str(event["description"])
    assert "负责：条法司" in description and "期限写法：6月底前完成" in description
    assert len({str(e["uid"]) for e in events}) == count


def test_ics_uids_are_stable(gongkai: Run) -> None:
    pinned = {"GONGKAI_NOW": "2016-06-27 09:00"}  # DTSTAMP is the clock's second: pinned
    one = gongkai("tasks", "--today", "2016-06-27", "--format", "ics", env=pinned).output
    two = gongkai("tasks", "--today", "2016-06-27", "--format", "ics", env=pinned).output
    assert one == two


def test_table_format(gongkai: Run) -> None:
    result = gongkai("due", "--today", "2016-06-27", "--format", "table", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "期限写法" in result.output and "1.1a" in result.output and "逾期未完成" in result.output


def test_output_file_is_written_atomically(tmp_path: Path, gongkai: Run) -> None:
    target = tmp_path / "due.ics"
    result = gongkai("due", "--today", "2016-06-27", "--format", "ics", "-o", str(target))
    assert result.exit_code == 0 and result.output == ""
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    again = gongkai("due", "--today", "2016-06-27", "--format", "ics", "-o", str(target))
    assert again.exit_code == 3 and "--force" in again.output  # never overwritten silently
    forced = gongkai("due", "--today", "2016-07-11", "--format", "json", "-o", str(target), "--force")
    assert forced.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["today"] == "2016-07-11"
    assert [p.name for p in tmp_path.iterdir()] == ["due.ics"]  # no temporary file left


@pytest.mark.parametrize(
    ("item_id", "words"),
    [
        ("1.1a", ["牵头：—", "负责：条法司、审查业务管理部", "期限写法：6月底前完成",
                  "1.1a/report  2016-07-14", "推算（1.1a/report）", "第 10 个工作日，期限届满"]),
        ("1.1a/report", ["推算（1.1a/report）", "起算：2016-06-30（星期四）"]),
        ("5.1.2@2016-06", ["推算（5.1.2@2016-06）", "期限：2016-06-30（星期四）"]),
        ("4.2a", ["（原文未写期限）", "各部门单位应主动监测"]),
    ],
)  # fmt: skip
def test_show(gongkai: Run, item_id: str, words: list[str]) -> None:
    result = gongkai("show", item_id, "--format", "plain")
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.output, word


def test_show_json_and_event(gongkai: Run) -> None:
    result = gongkai("show", "4.1a", "--event", "文件公开=2016-09-30", "--format", "json")
    data = json.loads(result.output)
    assert data["item"]["event"] == "文件公开" and data["item"]["text"].startswith(
        "主动做好政策解读。经局务会审议"
    )
    assert [ob["deadline"] for ob in data["obligations"]] == ["2016-10-10"]
    steps = data["explain"][0]["steps"]
    assert [s["date"] for s in steps if s["count"] and "第" in s["note"]] == [
        "2016-10-08",
        "2016-10-09",
        "2016-10-10",
    ]


@pytest.mark.parametrize(("item_id", "words"), [("1.1", "是否要找 1.1b、1.1a"), ("1.1a/summary", "它的义务")])
def test_show_unknown_id(gongkai: Run, item_id: str, words: str) -> None:
    result = gongkai("show", item_id)
    assert result.exit_code == 3 and words in result.output


def test_check_json(gongkai: Run) -> None:
    data = json.loads(gongkai("check", "--format", "json").output)
    assert data["valid"] is True and data["items"] == 42 and data["obligations"] == 71
    assert data["kinds"] == {"deadline": 12, "report": 8, "recurring": 24, "event": 2, "open": 25}


@pytest.mark.parametrize("command", ["due", "tasks", "show", "check"])
def test_help_has_examples(gongkai: Run, command: str) -> None:
    result = gongkai(command, "--help")
    assert result.exit_code == 0
    assert "示例：" in result.output and f"gongkai {command}" in result.output
