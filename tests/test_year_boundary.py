"""The year boundary (counting-rules.md §6): a plan for 2026 keeps working while the 2027
arrangement is unpublished. Only the duties that need 2027 wait for it, with provisional
dates by the statutory holidays (《全国年节及纪念日放假办法》, 国务院令第795号), marked so in
every format; single computations stay strict unless --provisional.

The built-in years are 2004-2026 in every test (tests/conftest.py), whatever chinese-calendar
release is installed; ``newer_chinese_calendar`` simulates a release that adds 2027.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from gongkai_cli.calendar.workdays import WorkCalendar, YearData
from gongkai_cli.errors import CoverageError
from tests.conftest import Run, bundled_plan_for

# The two duties of the bundled plan that reach into the next year: 1.4 is due 12月底, so its
# report (期限届满后 10 个工作日内) is counted from 2026-12-31 into January 2027; end.5 is the
# summary 于 2027 年 1 月 15 日前.
WAITING = {"1.4/report", "end.5"}
REMINDER = (
    "提示：日历中还没有 2027 年的节假日安排；国务院公布后，用 gongkai calendar import 通知.txt --install 导入"
)
MARK = "临时，待 2027 年安排"


@pytest.fixture
def plan_2026(tmp_path: Path) -> Path:
    """The bundled plan as a 2026 plan: issued 2026-05-18, year 2026, the summary due
    于 2027 年 1 月 15 日前 (the issue's reproduction)."""
    return bundled_plan_for(2026, tmp_path / "p2026.yaml")


def tasks_json(gongkai: Run, plan: Path, *extra: str) -> dict[str, dict[str, object]]:
    result = gongkai("tasks", "--tasks", str(plan), "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return {item["id"]: item for item in json.loads(result.stdout)["items"]}


# -- the plan keeps working ------------------------------------------------------------------


def test_due_in_june_exits_0_and_lists_junes_duties(gongkai: Run, plan_2026: Path) -> None:
    week = gongkai("due", "--tasks", str(plan_2026), "--today", "2026-06-22", "--format", "plain")
    assert week.exit_code == 0, week.output
    assert week.stdout.startswith(
        "2026年政务公开工作要点\n2026-06-22（星期一） 至 2026-06-28（星期日）到期：0 项\n"
    )
    assert "逾期未完成：6 项" in week.stdout and "end.1" in week.stdout  # 印发之日起 5 个工作日内
    assert "错误" not in week.output and REMINDER not in week.stdout  # June: no reminder
    month = gongkai("due", "--tasks", str(plan_2026), "--today", "2026-06-22", "--month", "--format", "json")
    assert month.exit_code == 0, month.output
    items = {e["id"]: e for e in json.loads(month.stdout)["items"]}
    # 6月底前完成: 2026-06-30 (Tuesday); 按月公开: June's last working day, the same day.
    assert {"1.1a", "1.1b", "1.3@2026-06"} <= set(items)
    assert {e["deadline"] for e in items.values()} == {"2026-06-30"}
    assert not any(e["provisional"] or e["waiting_for"] for e in items.values())


def test_tasks_marks_the_two_duties_waiting_for_2027(gongkai: Run, plan_2026: Path) -> None:
    items = tasks_json(gongkai, plan_2026)
    assert len(items) == 71
    waiting = {oid: item["waiting_for"] for oid, item in items.items() if item["waiting_for"]}
    assert waiting == {"1.4/report": [2027], "end.5": [2027]}
    for oid in WAITING:
        # Provisional dates: 12-31 (Thursday) + 10 working days, 2027-01-01 being 元旦 by the
        # 办法, is 2027-01-15; the named date 2027-01-15 is a Friday.
        assert items[oid]["deadline"] == "2027-01-15" and items[oid]["provisional"] is True
    assert not any(item["provisional"] for oid, item in items.items() if oid not in WAITING)
    plain = gongkai("tasks", "--tasks", str(plan_2026), "--format", "plain")
    assert plain.exit_code == 0
    marked = [line for line in plain.stdout.splitlines() if MARK in line]
    assert [line.split()[0] for line in marked] == ["1.4/report", "end.5"]
    assert all("2027-01-15（星期五）" in line for line in marked)


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_the_mark_is_in_every_text_format(gongkai: Run, plan_2026: Path, fmt: str) -> None:
    result = gongkai("tasks", "--tasks", str(plan_2026), "--format", fmt, env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    marked = [line for line in result.stdout.splitlines() if MARK in line]
    assert len(marked) == 2 and all("2027-01-15" in line for line in marked)


def test_the_mark_is_in_the_ics_events(gongkai: Run, plan_2026: Path) -> None:
    from icalendar import Calendar

    result = gongkai("tasks", "--tasks", str(plan_2026), "--format", "ics")
    events = Calendar.from_ical(result.stdout).walk("VEVENT")
    marked = [str(e["summary"]) for e in events if f"标记：{MARK}" in str(e["description"])]
    assert marked == ["[1.4/report] 书面报送落实情况：政务服务公开", "[end.5] 书面报送信息公开总结"]


def test_csv_has_the_waiting_for_column(gongkai: Run, plan_2026: Path) -> None:
    result = gongkai("tasks", "--tasks", str(plan_2026), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["id"]: r["waiting_for"] for r in rows if r["waiting_for"]} == {
        "1.4/report": "2027",
        "end.5": "2027",
    }
    assert {r["provisional"] for r in rows if r["id"] in WAITING} == {"true"}


def test_check_exits_0_with_warnings_naming_the_two(gongkai: Run, plan_2026: Path) -> None:
    result = gongkai("check", str(plan_2026), "--format", "plain")
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stdout.splitlines() if "2027 年的节假日安排" in line]
    assert [line.split("：")[1] for line in warned] == ["1.4/report", "end.5"]
    data = json.loads(gongkai("check", str(plan_2026), "--format", "json").stdout)
    assert data["valid"] is True
    assert sorted(w.split(":")[0] for w in data["warnings"] if "2027 年" in w) == ["1.4/report", "end.5"]


def test_show_explains_the_provisional_date(gongkai: Run, plan_2026: Path) -> None:
    result = gongkai("show", "end.5", "--tasks", str(plan_2026), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["obligations"][0]["waiting_for"] == [2027]
    assert data["explain"][0]["provisional"] is True and data["explain"][0]["deadline"] == "2027-01-15"


def test_the_due_window_and_overdue_list_use_the_provisional_date(gongkai: Run, plan_2026: Path) -> None:
    window = json.loads(
        gongkai("due", "--tasks", str(plan_2026), "--today", "2027-01-11", "--format", "json").stdout
    )
    assert {e["id"] for e in window["items"]} == WAITING
    assert all(e["waiting_for"] == [2027] and e["days_left"] == 4 for e in window["items"])
    late = gongkai("due", "--tasks", str(plan_2026), "--today", "2027-01-20", "--format", "plain")
    assert late.exit_code == 0, late.output
    overdue = late.stdout.split("逾期未完成：")[1]
    assert "2027-01-15（星期五）  逾期 5 天  end.5  书面报送信息公开总结 [临时，待 2027 年安排]" in overdue
    assert late.stdout.splitlines()[-1].startswith("注意：标“待 2027 年安排”的期限")


def test_provisional_option_keeps_waiting_for(gongkai: Run, plan_2026: Path) -> None:
    """--provisional answers the same way; the duties still wait for 2027."""
    assert tasks_json(gongkai, plan_2026, "--provisional") == tasks_json(gongkai, plan_2026)


# -- the reminder ----------------------------------------------------------------------------


def test_due_in_the_last_quarter_ends_with_the_reminder(gongkai: Run, plan_2026: Path) -> None:
    args = ("due", "--tasks", str(plan_2026), "--today", "2026-11-30")
    plain = gongkai(*args, "--format", "plain")
    assert plain.exit_code == 0, plain.output
    assert plain.stdout.splitlines()[-1] == REMINDER and plain.stdout.count(REMINDER) == 1
    assert gongkai(*args, "--format", "md").stdout.splitlines()[-1] == f"> {REMINDER}"
    assert REMINDER.replace("；", "") not in gongkai(*args, "--format", "table").stdout.replace("\n", "")
    assert "2027 年的节假日安排" in gongkai(*args, "--format", "table").stdout
    assert json.loads(gongkai(*args, "--format", "json").stdout)["unpublished_next_year"] == 2027
    for fmt in ("csv", "ics"):  # no prose in data formats
        assert "提示" not in gongkai(*args, "--format", fmt).stdout


def test_quiet_if_empty_still_prints_nothing(gongkai: Run, plan_2026: Path) -> None:
    args = ("due", "--tasks", str(plan_2026), "--today", "2026-10-12", "--no-overdue")
    loud = gongkai(*args, "--format", "plain")  # the week of 10-12: nothing due
    assert (
        loud.stdout
        == f"2026年政务公开工作要点\n2026-10-12（星期一） 至 2026-10-18（星期日）到期：0 项\n{REMINDER}\n"
    )
    quiet = gongkai(*args, "--quiet-if-empty", "--exit-code")
    assert (quiet.exit_code, quiet.output) == (0, "")


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 9, 30), None),  # Q3: the notice is not expected yet
        (date(2026, 10, 1), 2027),
        (date(2026, 12, 31), 2027),
        (date(2027, 1, 4), None),  # 2028 is not needed before October 2027
        (date(2025, 11, 3), None),  # 2026 is published (chinese-calendar 1.11)
    ],
)
def test_unpublished_next_year(gongkai: Run, plan_2026: Path, today: date, expected: int | None) -> None:
    for extra in ((), ("--provisional",)):  # provisional is not published
        args = ("due", "--tasks", str(plan_2026), "--today", today.isoformat(), "--format", "json", *extra)
        assert json.loads(gongkai(*args).stdout)["unpublished_next_year"] == expected


def test_no_reminder_for_a_plan_without_duties_next_year(gongkai: Run) -> None:
    """The bundled 2016 plan has nothing in 2027: no reminder in December 2026 (issue 19)."""
    args = ("due", "--today", "2026-12-03", "--all-overdue")
    assert json.loads(gongkai(*args, "--format", "json").stdout)["unpublished_next_year"] is None
    assert "2027" not in gongkai(*args, "--format", "plain").stdout


# -- a newer chinese-calendar ----------------------------------------------------------------


def test_a_newer_chinese_calendar_resolves_the_waiting_duties_and_changes_nothing_else(
    gongkai: Run, plan_2026: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    before = tasks_json(gongkai, plan_2026)
    bundled_before = gongkai("tasks", "--format", "json").stdout
    request.getfixturevalue("newer_chinese_calendar")
    after = tasks_json(gongkai, plan_2026)
    assert not any(item["waiting_for"] or item["provisional"] for item in after.values())
    assert {oid: item for oid, item in after.items() if oid not in WAITING} == {
        oid: item for oid, item in before.items() if oid not in WAITING
    }
    assert gongkai("tasks", "--format", "json").stdout == bundled_before
    check = gongkai("check", str(plan_2026), "--format", "plain")
    assert check.exit_code == 0 and "2027 年的节假日安排" not in check.stdout
    due = gongkai("due", "--tasks", str(plan_2026), "--today", "2026-11-30", "--format", "plain")
    assert REMINDER not in due.stdout


# -- single computations stay strict ---------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("deadline", "3个工作日内", "--from", "2026-12-30"),
        ("workdays", "2026-12-30", "2027-01-05"),
        ("day", "2027-01-04"),
    ],
)
def test_single_computations_stay_strict(gongkai: Run, args: tuple[str, ...]) -> None:
    result = gongkai(*args)
    assert result.exit_code == 4
    assert result.stderr.startswith("gongkai: 错误：日历中没有 2027 年的节假日安排")


def test_a_plan_duty_past_any_calendar_names_the_duty(gongkai: Run, tmp_path: Path) -> None:
    """A 2099 plan: 1.4's report runs into 2100, past the lunar tables (1900-2099)."""
    path = bundled_plan_for(2099, tmp_path / "p2099.yaml")
    line = next(i for i, s in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if '"1.4"' in s)
    result = gongkai("tasks", "--tasks", str(path))
    assert result.exit_code == 4
    assert result.stderr.startswith(f"gongkai: 错误：{path}:{line}: 事项 1.4/report：2100 年超出农历换算范围")


# -- no look-ahead past the last day asked for ------------------------------------------------


def test_workdays_list_up_to_december_31_needs_no_2027(gongkai: Run) -> None:
    """December 2026 has no holiday (国务院办公厅关于2026年部分节假日安排的通知): its 23 weekdays
    are its working days. (FROM, TO] leaves out FROM, so 12-01..12-31 lists 22."""
    listed = gongkai("workdays", "2026-12-01", "2026-12-31", "--list", "--format", "json")
    assert listed.exit_code == 0, listed.output
    days = json.loads(listed.stdout)["days"]
    assert (len(days), days[0], days[-1]) == (22, "2026-12-02", "2026-12-31")
    december = gongkai("workdays", "2026-11-30", "2026-12-31", "--list", "--format", "plain")
    assert december.exit_code == 0
    assert december.stdout.splitlines()[-1] == "共 23 个工作日（2026-11-30 之后至 2026-12-31）"
    assert len(december.stdout.splitlines()) == 24


def test_month_view_of_december_needs_no_2027(gongkai: Run) -> None:
    result = gongkai("calendar", "2026", "12", "--format", "json")
    assert result.exit_code == 0, result.output
    days = json.loads(result.stdout)
    assert len(days) == 31 and sum(d["workday"] for d in days) == 23
    assert not any(d["provisional"] for d in days)


@pytest.mark.parametrize("rule", ["按月公开", "按季度公开", "年底前", "12月底前"])
def test_period_ends_on_december_31_need_no_2027(gongkai: Run, rule: str) -> None:
    """2026-12-31 is a Thursday, a working day: no rule needs the day after it."""
    result = gongkai("deadline", rule, "--from", "2026-12-01", "--format", "json", "--roll", "forward")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["deadline"] == "2026-12-31"


def test_workdays_between_consults_only_the_years_asked() -> None:
    only_2026 = WorkCalendar([YearData(2026, {}, {}, "test")])
    assert len(list(only_2026.workdays_between(date(2026, 12, 1), date(2026, 12, 31)))) == 22
    with pytest.raises(CoverageError) as raised:
        list(only_2026.workdays_between(date(2026, 12, 30), date(2027, 1, 5)))
    assert raised.value.year == 2027


# -- provisional answers say so --------------------------------------------------------------


def test_workdays_across_into_an_unknown_year_is_marked_provisional(gongkai: Run) -> None:
    args = ("workdays", "2026-12-30", "2027-01-05", "--provisional")
    plain = gongkai(*args, "--format", "plain")
    assert plain.stdout.splitlines()[0] == "3" and "provisional" in plain.stdout.splitlines()[1]
    data = json.loads(gongkai(*args, "--list", "--format", "json").stdout)
    # 12-31 (2026, published); 2027-01-01 元旦 by the 办法; 01-04 and 01-05 provisional.
    assert data["provisional"] is True and data["count"] == 3
    assert data["days"] == ["2026-12-31", "2027-01-04", "2027-01-05"]
    assert data["provisional_days"] == ["2027-01-04", "2027-01-05"]
    listed = gongkai(*args, "--list", "--format", "plain").stdout.splitlines()
    assert listed[:3] == [
        "2026-12-31 星期四 工作日",
        "2027-01-04 星期一 工作日（临时）",
        "2027-01-05 星期二 工作日（临时）",
    ]
    assert "[临时]" in gongkai(*args, "--format", "table").stdout
    within = json.loads(
        gongkai("workdays", "2026-12-01", "2026-12-31", "--provisional", "--format", "json").stdout
    )
    assert within["provisional"] is False  # nothing provisional touched


def test_provisional_years_and_published() -> None:
    given = YearData(2026, {}, {}, "test")
    cal = WorkCalendar([given]).with_provisional()
    assert cal.published(2026) and not cal.published(2027)
    assert cal.provisional_years(date(2027, 1, 5), date(2026, 12, 30)) == (2027,)
    assert cal.provisional_years(date(2026, 1, 1), date(2026, 12, 31)) == ()
