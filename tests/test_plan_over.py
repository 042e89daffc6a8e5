"""A plan whose time is over: after its year and its last derived deadline, due says so
in one line instead of mailing every old obligation as overdue each week; and
--quiet-if-empty -o FILE leaves no stale file behind."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gongkai_cli.plan.due import plan_end
from tests.conftest import Run, bundled_plan_for

NOTICE = "2016年政务公开工作要点（2016 年度）已于 2017-01-16 结束"


def test_plan_end_is_the_last_derived_deadline(gongkai: Run) -> None:
    from gongkai_cli.calendar.workdays import WorkCalendar
    from gongkai_cli.plan.obligations import expand
    from gongkai_cli.plan.plan_file import bundled_plan, read_plan

    plan, _ = read_plan(bundled_plan())
    assert plan is not None
    obligations = expand(plan, WorkCalendar.default())
    # end.5 (2017-01-15, a Sunday) and its report, 10 working days later, end the plan.
    assert plan_end(plan.year, obligations) == date(2017, 1, 16)
    assert plan_end(2016, []) == date(2016, 12, 31)


@pytest.mark.parametrize("today", ["2017-03-06", "2026-11-23"])
def test_due_after_the_plan_says_so_once(gongkai: Run, today: str) -> None:
    result = gongkai("due", "--today", today)
    assert result.exit_code == 0
    assert "逾期" not in result.stdout
    notice = [line for line in result.stderr.splitlines() if NOTICE in line]
    assert len(notice) == 1 and "--tasks" in notice[0] and "GONGKAI_TASKS" in notice[0]
    assert "--all-overdue" in notice[0]


def test_the_readme_crontab_is_quiet_after_the_plan(gongkai: Run) -> None:
    """MAILTO + `gongkai due --quiet-if-empty` on 2026-11-23: one line, not 44 rows."""
    result = gongkai("due", "--quiet-if-empty", "--exit-code", env={"GONGKAI_TODAY": "2026-11-23"})
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1


def test_all_overdue_still_lists_them(gongkai: Run) -> None:
    result = gongkai("due", "--today", "2026-11-23", "--all-overdue", "--format", "json")
    data = json.loads(result.stdout)
    assert len(data["overdue"]) == 44
    assert result.stderr == ""


@pytest.mark.parametrize("today", ["2017-01-09", "2017-01-23", "2017-02-13"])
def test_before_the_end_and_a_month_after_nothing_changes(gongkai: Run, today: str) -> None:
    """The last reports (2017-01-16) are still chased for 30 days after they fall due."""
    result = gongkai("due", "--today", today, "--format", "json")
    data = json.loads(result.stdout)
    assert data["overdue"] and result.stderr == ""


def test_plan_over_after_thirty_days() -> None:
    from gongkai_cli.plan.due import plan_over

    end = date(2017, 1, 16)
    assert not plan_over(date(2017, 2, 15), end)
    assert plan_over(date(2017, 2, 16), end)


def test_no_overdue_needs_no_notice(gongkai: Run) -> None:
    result = gongkai("due", "--today", "2026-11-23", "--no-overdue")
    assert result.stderr == ""


# -- --quiet-if-empty -o FILE ---------------------------------------------------------------


def test_quiet_if_empty_removes_last_weeks_file(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "期限.ics"
    busy = gongkai("due", "--today", "2016-06-27", "--format", "ics", "-o", str(out), "--quiet-if-empty")
    assert busy.exit_code == 0 and out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    args = ("due", "--today", "2016-03-07", "--format", "ics", "-o", str(out), "--quiet-if-empty")
    refused = gongkai(*args)
    assert refused.exit_code == 3 and "--force" in refused.output and out.exists()
    quiet = gongkai(*args, "--force")
    assert quiet.exit_code == 0 and quiet.output == ""
    assert not out.exists()
    again = gongkai(*args, "--force")  # nothing to remove: still fine
    assert again.exit_code == 0 and not out.exists()


def test_with_several_plans_only_the_old_one_is_quiet(gongkai: Run, tmp_path: Path) -> None:
    """This year's plan beside last decade's: the old plan's overdue duties go, the new
    plan's stay."""
    from gongkai_cli.plan.plan_file import bundled_plan

    text = bundled_plan().read_text(encoding="utf-8")
    new = bundled_plan_for(2026, tmp_path / "tasks-2026.yaml")
    old = tmp_path / "tasks-2016.yaml"
    old.write_text(text, encoding="utf-8")
    result = gongkai(
        "due", "--tasks", str(old), "--tasks", str(new), "--today", "2026-06-22", "--format", "json"
    )
    data = json.loads(result.stdout)
    assert data["overdue"] and all(e["id"].startswith("tasks-2026:") for e in data["overdue"])
    assert result.stderr.count("已于 2017-01-16 结束") == 1
