"""The due window (plan/due.py) and the `due` command, as the Monday office and cron use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.errors import InputError
from gongkai_cli.plan.due import Window, by_department, due, window
from gongkai_cli.plan.obligations import expand
from gongkai_cli.plan.plan_file import bundled_plan, load_plan
from tests.conftest import Run
from tests.test_plan import MINIMAL, write


def due_json(gongkai: Run, *args: str) -> dict[str, object]:
    result = gongkai("due", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def ids(entries: object) -> list[str]:
    assert isinstance(entries, list)
    return [e["id"] for e in entries]


# -- windows ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "today", "extra", "start", "end"),
    [
        ("week", date(2016, 6, 27), {}, date(2016, 6, 27), date(2016, 7, 3)),  # a Monday
        ("week", date(2016, 7, 3), {}, date(2016, 6, 27), date(2016, 7, 3)),  # a Sunday
        ("next-week", date(2016, 6, 29), {}, date(2016, 7, 4), date(2016, 7, 10)),
        ("month", date(2016, 2, 10), {}, date(2016, 2, 1), date(2016, 2, 29)),  # leap year
        ("days", date(2016, 6, 27), {"days": 1}, date(2016, 6, 27), date(2016, 6, 27)),
        ("days", date(2016, 6, 27), {"days": 7}, date(2016, 6, 27), date(2016, 7, 3)),
        ("until", date(2016, 6, 27), {"until": date(2016, 7, 14)}, date(2016, 6, 27), date(2016, 7, 14)),
    ],
)
def test_windows(span: str, today: date, extra: dict[str, object], start: date, end: date) -> None:
    assert window(span, today, **extra) == Window(start, end)  # type: ignore[arg-type]


@pytest.mark.parametrize(("span", "extra"), [("days", {"days": 0}), ("until", {"until": date(2016, 6, 1)})])
def test_bad_windows(span: str, extra: dict[str, object]) -> None:
    with pytest.raises(InputError):
        window(span, date(2016, 6, 27), **extra)  # type: ignore[arg-type]


# -- the issue's done-when checks --------------------------------------------------------


def test_monday_week_of_june_end(gongkai: Run) -> None:
    data = due_json(gongkai, "--week", "--today", "2016-06-27")
    assert data["today"] == "2016-06-27"
    assert data["window"] == {"start": "2016-06-27", "end": "2016-07-03"}
    assert ids(data["items"]) == ["1.1a", "1.1b", "1.3@2016-06", "5.1.2@2016-06", "5.1.4b@2016-06"]
    assert {e["deadline"] for e in data["items"]} == {"2016-06-30"}  # type: ignore[union-attr]


def test_reports_due_and_june_duties_overdue(gongkai: Run) -> None:
    data = due_json(gongkai, "--today", "2016-07-11")
    assert ids(data["items"]) == ["1.1a/report", "1.1b/report"]
    assert {e["deadline"] for e in data["items"]} == {"2016-07-14"}  # type: ignore[union-attr]
    assert {"1.1a", "1.1b", "1.3@2016-06"} <= set(ids(data["overdue"]))


def test_contacts_due_after_issue(gongkai: Run) -> None:
    data = due_json(gongkai, "--today", "2016-05-23")
    assert ids(data["items"]) == ["end.1"]
    assert data["items"][0]["deadline"] == "2016-05-25"  # type: ignore[index]


def test_quiet_if_empty_prints_nothing(gongkai: Run) -> None:
    result = gongkai("due", "--week", "--today", "2016-03-07", "--quiet-if-empty")
    assert result.exit_code == 0
    assert result.output == ""


@pytest.mark.parametrize(
    ("today", "extra", "code"),
    [
        ("2016-03-07", (), 0),  # nothing due, nothing overdue
        ("2016-06-27", (), 1),  # due this week
        ("2016-07-11", ("--no-overdue",), 1),  # the reports are due
        ("2016-03-07", ("--quiet-if-empty",), 0),
    ],
)
def test_exit_code(gongkai: Run, today: str, extra: tuple[str, ...], code: int) -> None:
    assert gongkai("due", "--today", today, "--exit-code", *extra).exit_code == code
    assert gongkai("due", "--today", today, *extra).exit_code == 0  # only with the opt-in flag


def test_plain_output_shape(gongkai: Run) -> None:
    result = gongkai("due", "--today", "2016-06-27", "--format", "plain")
    lines = result.output.splitlines()
    assert lines[0] == "2016年政务公开工作要点"  # the plan, named first (a cron mail's first line)
    assert lines[1] == "2016-06-27（星期一） 至 2016-07-03（星期日）到期：5 项"
    assert lines[2] == "2016-06-30（星期四）  还剩 3 天（3 个工作日）  1.1a  行政审批事项信息公开"
    departments = "条法司、审查业务管理部、初审及流程管理部、专利复审委员会"
    assert lines[3] == f"    牵头：—；负责：{departments}；期限写法：6月底前完成"
    assert "逾期未完成：6 项" in lines


def test_rest_day_mark(gongkai: Run) -> None:
    result = gongkai("due", "--today", "2016-12-26", "--no-overdue")
    assert "1.4  政务服务公开 [休息日]" in result.output
    data = due_json(gongkai, "--today", "2016-12-26", "--no-overdue")
    assert {e["id"]: e["rest_day"] for e in data["items"]}["1.4"] is True  # type: ignore[union-attr]


def test_roll_moves_rest_day_deadlines(gongkai: Run) -> None:
    data = due_json(gongkai, "--today", "2016-12-26", "--roll", "backward")
    row = {e["id"]: e for e in data["items"]}["1.4"]  # type: ignore[union-attr]
    assert (row["deadline"], row["rest_day"]) == ("2016-12-30", False)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("--next-week", "--today", "2016-06-22"),
            ["1.1a", "1.1b", "1.3@2016-06", "5.1.2@2016-06", "5.1.4b@2016-06"],
        ),
        (("--days", "3", "--today", "2016-07-12"), ["1.1a/report", "1.1b/report"]),
        (("--until", "2016-07-14", "--today", "2016-07-13"), ["1.1a/report", "1.1b/report"]),
        (("--month", "--today", "2016-11-01", "--dept", "条法司"), ["1.2a/report"]),
        (("--month", "--today", "2016-06-01", "--dept", "条法司"), ["1.1a", "1.1b"]),
        (("--today", "2016-10-10", "--event", "文件公开=2016-09-30"), ["4.1a@2016-09-30"]),
    ],
)
def test_windows_and_filters_through_the_cli(
    gongkai: Run, args: tuple[str, ...], expected: list[str]
) -> None:
    data = due_json(gongkai, *args)
    assert ids(data["items"]) == expected


def test_no_overdue_hides_them(gongkai: Run) -> None:
    assert due_json(gongkai, "--today", "2016-07-11", "--no-overdue")["overdue"] == []


def test_done_items_are_not_overdue_and_not_pending(tmp_path: Path, gongkai: Run) -> None:
    text = MINIMAL.replace("rule: 6月底前完成", "rule: 6月底前完成\n    done: 2016-06-28")
    path = write(tmp_path, text)
    data = due_json(gongkai, "--tasks", str(path), "--today", "2016-07-11")
    assert "1" not in ids(data["overdue"]) and "2@2016-06" in ids(data["overdue"])
    week = due_json(gongkai, "--tasks", str(path), "--today", "2016-06-27", "--no-overdue")
    assert week["items"][0]["done"] == "2016-06-28"  # type: ignore[index]
    # the only obligation of the week is done: nothing to do, so quiet and exit 0
    text = text.replace("rule: 按月公开", "rule: 按月公开\n    done: {2016-06: 2016-06-29}")
    path = write(tmp_path, text, "all-done.yaml")
    quiet = gongkai(
        "due",
        "--tasks",
        str(path),
        "--today",
        "2016-06-27",
        "--no-overdue",
        "--quiet-if-empty",
        "--exit-code",
    )
    assert (quiet.exit_code, quiet.output) == (0, "")


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("--days", "3", "--until", "2016-07-01"), 2, "只能选一个"),
        (("--week", "--days", "3"), 2, "--week 与 --days 只能选一个"),
        (("--days", "3", "--week"), 2, "--days 与 --week 只能选一个"),
        (("--week", "--month"), 2, "--week 与 --month 只能选一个"),
        (("--days", "3", "--days", "4"), 2, "--days 给了两次：只能给一次"),
        (("--format", "json", "--format=csv"), 2, "--format 给了两次：只能给一次"),
        (("--dept", "法规司"), 3, "计划中没有部门“法规司”"),
        (("--dept", "专利"), 3, "“专利”可指 专利复审委员会、专利局办公室"),
        (("--event", "文件公开"), 2, "事件名=日期"),
        (("--event", "文件公开=2016-02-30"), 3, "不存在"),
        (("--event", "文件发布=2016-09-30"), 3, "可用的事件名：文件公开、重大突发事件"),
        (("--until", "2016-01-01"), 3, "早于今天"),
    ],
)
def test_bad_options(gongkai: Run, args: tuple[str, ...], code: int, words: str) -> None:
    result = gongkai("due", "--today", "2016-06-27", *args)
    assert result.exit_code == code, result.output
    assert words in result.output


def test_dept_filter_is_exact(cal: WorkCalendar) -> None:
    obligations = expand(load_plan(bundled_plan()), cal)
    office = by_department(obligations, "办公室")
    assert office and all("办公室" in ob.departments for ob in office)
    assert not any(ob.id == "1.2b" for ob in office)  # 专利局办公室 is another department


def test_overdue_excludes_the_window(cal: WorkCalendar) -> None:
    """On a Wednesday, Monday's obligation is in this week's list, not also overdue."""
    obligations = expand(load_plan(bundled_plan()), cal)
    report = due(obligations, date(2016, 7, 1), window("week", date(2016, 7, 1)), cal)
    assert "1.1a" in [e.obligation.id for e in report.items]
    assert "1.1a" not in [e.obligation.id for e in report.overdue]
    entry = next(e for e in report.items if e.obligation.id == "1.1a")
    assert (entry.days_left, entry.workdays_left) == (-1, -1)


# -- cron ------------------------------------------------------------------------------


def test_cron_subprocess_plain_utf8(tmp_path: Path) -> None:
    """As cron runs it: a minimal environment (no LANG, no terminal), stdout to a pipe."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "GONGKAI_TODAY": "2016-06-27",
    }
    result = subprocess.run(
        [sys.executable, "-m", "gongkai_cli", "due", "--week", "--quiet-if-empty"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = result.stdout.decode("utf-8")  # UTF-8, whatever the locale
    assert text.startswith("2016年政务公开工作要点\n2016-06-27（星期一） 至 2016-07-03（星期日）到期：5 项\n")
    assert "行政审批事项信息公开" in text
    assert "\x1b[" not in text and "┏" not in text  # plain, not a rich table
    assert result.stderr == b""


def test_cron_subprocess_quiet_and_exit_code(tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gongkai_cli",
            "due",
            "--today",
            "2016-03-07",
            "--quiet-if-empty",
            "--exit-code",
        ],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
