"""The deadline, workdays and day commands through the real CLI."""

from __future__ import annotations

import json
from datetime import UTC

import pytest

from tests.conftest import Run


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (["文件公开后3个工作日内", "--from", "2016-09-30"], "2016-10-10（星期一）"),
        (["印发之日起5个工作日内", "--from", "2016-05-18"], "2016-05-25（星期三）"),
        (["期限届满后10个工作日内", "--from", "2016-06-30"], "2016-07-14（星期四）"),
        (["15日内", "--from", "2016-09-20"], "2016-10-08（星期六，调休上班）"),
        (["1个月内", "--from", "2016-01-31"], "2016-02-29（星期一）"),
        (["24小时内", "--from", "2016-07-01 14:30"], "2016-07-02 14:30（星期六）"),
        (["12月底前落实", "--from", "2016-05-18"], "2016-12-31（星期六，休息日，未顺延）"),
        (["3", "--from", "2016/9/30"], "2016-10-10（星期一）"),
        (["3", "--from", "20160930"], "2016-10-10（星期一）"),
        (["3", "--from", "2016年9月30日"], "2016-10-10（星期一）"),
        (["适时进行", "--from", "2016-09-30"], "无固定期限"),
    ],
)
def test_deadline_plain(gongkai: Run, args: list[str], first_line: str) -> None:
    result = gongkai("deadline", *args, "--format", "plain")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == first_line


def test_saturday_deadline_is_warned(gongkai: Run) -> None:
    result = gongkai("deadline", "12月底前落实", "--from", "2016-05-18", "--format", "plain")
    assert "2016-12-31 是星期六" in result.stdout


def test_deadline_json_schema(gongkai: Run) -> None:
    result = gongkai("deadline", "文件公开后3个工作日内", "--from", "2016-09-30", "--format", "json")
    assert json.loads(result.stdout) == {
        "rule": "文件公开后3个工作日内",
        "anchor": "2016-09-30",
        "deadline": "2016-10-10",
        "kind": "workdays",
        "n": 3,
        "provisional": False,
        "warnings": [],
        "sense": "deadline",
        "window_start": None,
        "needs_event": None,
        "periods": [
            {
                "rule": "文件公开后3个工作日内",
                "anchor": "2016-09-30",
                "deadline": "2016-10-10",
                "kind": "workdays",
                "n": 3,
                "provisional": False,
                "warnings": [],
                "sense": "deadline",
                "window_start": None,
                "needs_event": None,
                "back": False,
                "extension": False,
                "words": {"subject": None, "anchor": "文件公开后", "period": "3个工作日内", "act": None},
                "law": None,
                "counted_from": None,
                "deadline_day": {"workday": True, "kind": "workday", "name": None},
            }
        ],
        "deadline_day": {"workday": True, "kind": "workday", "name": None},
        "anchor_from": "option",
    }


# Why a date may surprise a clerk, said in the one-line answer (issue 19). The 2025
# arrangement (国办发明电〔2024〕12号) makes Saturday 2025-10-11 a working day; the 2016 one
# (国办发明电〔2015〕18号) gives 国庆节 2016-10-01 to 10-07.
@pytest.mark.parametrize(
    ("args", "answer"),
    [
        (["文件公开后3个工作日内", "--from", "2025-09-30"], "2025-10-11（星期六，调休上班）"),
        (["应当在开庭三日前通知当事人", "--from", "2016-10-06"], "2016-10-03（星期一，国庆节放假，未顺延）"),
        (["10月1日前", "--from", "2016-05-01"], "2016-10-01（星期六，国庆节放假，未顺延）"),
        (["10月1日前", "--from", "2016-05-01", "--roll", "backward"], "2016-09-30（星期五）"),
        (["3个工作日内", "--from", "2016-09-30"], "2016-10-10（星期一）"),
    ],
)
def test_one_line_answer_says_why_the_day_surprises(gongkai: Run, args: list[str], answer: str) -> None:
    result = gongkai("deadline", *args)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == answer


def test_without_from_the_answer_says_it_counts_from_today(gongkai: Run) -> None:
    result = gongkai("deadline", "5个工作日内", "--today", "2026-12-03")
    assert result.stdout == "2026-12-10（星期四）  从今天 2026-12-03 起算\n"
    env = {"GONGKAI_TODAY": "2026-12-03"}
    assert "从今天 2026-12-03 起算" in gongkai("deadline", "5个工作日内", "--format", "table", env=env).stdout
    explained = gongkai("deadline", "5个工作日内", "--explain", env=env).stdout
    assert "起算：今天 2026-12-03（星期四）" in explained
    data = json.loads(gongkai("deadline", "5个工作日内", "--format", "json", env=env).stdout)
    assert data["anchor_from"] == "today" and data["anchor"] == "2026-12-03"


def test_json_says_the_deadline_day(gongkai: Run) -> None:
    result = gongkai("deadline", "文件公开后3个工作日内", "--from", "2025-09-30", "--format", "json")
    data = json.loads(result.stdout)
    day = {"workday": True, "kind": "makeup_workday", "name": "国庆节"}
    assert data["deadline_day"] == day and data["periods"][0]["deadline_day"] == day
    hours_args = ("24小时内", "--from", "2016-07-01 14:30", "--format", "json")
    hours = json.loads(gongkai("deadline", *hours_args).stdout)
    assert hours["deadline_day"] is None and hours["anchor_from"] == "option"


def test_open_json(gongkai: Run) -> None:
    data = json.loads(gongkai("deadline", "适时进行", "--today", "2016-05-18", "--format", "json").stdout)
    assert data["deadline"] is None and data["kind"] == "open"


def test_explain_shows_each_day(gongkai: Run) -> None:
    result = gongkai(
        "deadline", "文件公开后3个工作日内", "--from", "2016-09-30", "--explain", "--format", "json"
    )
    data = json.loads(result.stdout)
    days = [(s["date"], s["day_kind"], s["count"]) for s in data["steps"]]
    assert days[0] == ("2016-09-30", "workday", 0)
    assert ("2016-10-01", "holiday", 0) in days
    assert days[-3:] == [
        ("2016-10-08", "makeup_workday", 1),
        ("2016-10-09", "makeup_workday", 2),
        ("2016-10-10", "workday", 3),
    ]
    assert "第二百零一条" in data["basis"]
    plain = gongkai(
        "deadline", "文件公开后3个工作日内", "--from", "2016-09-30", "--explain", "--format", "plain"
    )
    assert "调休上班（国庆节）" in plain.stdout and "国庆节" in plain.stdout and "依据" in plain.stdout


def test_explain_table_renders(gongkai: Run) -> None:
    result = gongkai("deadline", "15日内", "--from", "2016-09-20", "--explain", "--format", "table")
    assert result.exit_code == 0
    assert "2016-10-08" in result.stdout and "顺延" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--rest-start", "next", "3", "--from", "2016-10-01"], "2016-10-11"),
        (["--roll", "backward", "2017年1月15日前", "--from", "2016-05-18"], "2017-01-13"),
        (["--roll", "forward", "2017年1月15日前", "--from", "2016-05-18"], "2017-01-16"),
        (["--before", "exclusive", "2017年1月15日前", "--from", "2016-05-18"], "2017-01-14"),
    ],
)
def test_non_default_readings(gongkai: Run, args: list[str], expected: str) -> None:
    result = gongkai("deadline", *args, "--format", "json")
    assert json.loads(result.stdout)["deadline"] == expected


def test_from_defaults_to_pinned_today(gongkai: Run) -> None:
    by_option = gongkai("deadline", "3", "--today", "2016-09-30", "--format", "plain")
    by_env = gongkai("deadline", "3", "--format", "plain", env={"GONGKAI_TODAY": "2016-09-30"})
    assert by_option.stdout.startswith("2016-10-10") and by_env.stdout.startswith("2016-10-10")


def test_workdays(gongkai: Run) -> None:
    assert gongkai("workdays", "2016-09-30", "2016-10-10", "--format", "plain").stdout == "3\n"
    data = json.loads(gongkai("workdays", "2016-09-30", "2016-10-10", "--list", "--format", "json").stdout)
    assert data == {
        "from": "2016-09-30",
        "to": "2016-10-10",
        "count": 3,
        "provisional": False,
        "days": ["2016-10-08", "2016-10-09", "2016-10-10"],
        "provisional_days": [],
    }
    listed = gongkai("workdays", "2016-09-30", "2016-10-10", "--list", "--format", "plain").stdout
    assert "2016-10-08 星期六 调休上班（国庆节）" in listed


def test_day(gongkai: Run) -> None:
    assert json.loads(gongkai("day", "2016-10-08", "--format", "json").stdout) == {
        "date": "2016-10-08",
        "workday": True,
        "kind": "makeup_workday",
        "name": "国庆节",
        "provisional": False,
    }
    assert "调休上班" in gongkai("day", "2016-10-08", "--format", "plain").stdout
    assert json.loads(gongkai("day", "2016-10-03", "--format", "json").stdout)["name"] == "国庆节"
    assert json.loads(gongkai("day", "2016-10-15", "--format", "json").stdout)["kind"] == "rest"
    today = gongkai("day", "--today", "2016-10-09", "--format", "plain")
    assert today.stdout.startswith("2016-10-09 星期日：工作日")


def test_today_follows_china_not_the_machine_clock(gongkai: Run) -> None:
    """Without --today the date is Beijing's; GONGKAI_TZ can say another zone."""
    from datetime import datetime, timedelta

    beijing = (datetime.now(UTC) + timedelta(hours=8)).date()
    result = gongkai("day", "--format", "json", env={"TZ": "America/Los_Angeles"})
    if result.exit_code == 0:  # today may lie past the built-in years
        assert json.loads(result.stdout)["date"] == beijing.isoformat()
    else:
        assert result.exit_code == 4 and str(beijing.year) in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["deadline", "3个工作日内", "--from", "2026-12-30"], 4, "2027"),
        (["deadline", "3个工作周内", "--from", "2016-01-04"], 3, "“3个工作周内”"),
        (["deadline", "3", "--from", "2016-02-30"], 3, "2016-02-30"),
        (["deadline", "3", "--from", "2016-13-01"], 3, "2016-13-01"),
        (["deadline", "3", "--from", "0000-01-01"], 3, "0000-01-01"),
        (["deadline", "3", "--from", "明天"], 3, "明天"),
        (["day", "2030-01-01"], 4, "2030"),
        (["workdays", "2016-01-01", "2027-01-05"], 4, "2027"),
        (["deadline", "3", "--today", "2016-02-30"], 3, "--today"),
        (["deadline", "3", "--format", "xml"], 2, "xml"),
    ],
)
def test_errors_are_one_line_with_their_exit_code(
    gongkai: Run, args: list[str], code: int, message: str
) -> None:
    result = gongkai(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output
    if code != 2:
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stderr.startswith("gongkai: 错误：")


def test_version(gongkai: Run) -> None:
    result = gongkai("--version")
    assert result.exit_code == 0 and result.stdout.startswith("gongkai ")


def test_provisional_days_are_marked_in_the_trace(gongkai: Run) -> None:
    args = ("deadline", "3个工作日内", "--from", "2026-12-30", "--provisional", "--explain")
    data = json.loads(gongkai(*args, "--format", "json").stdout)
    assert data["deadline"] == "2027-01-05" and data["provisional"] is True
    marks = {s["date"]: (s["provisional"], s["name"]) for s in data["steps"]}
    assert marks["2026-12-31"] == (False, None)
    assert marks["2027-01-01"] == (True, "元旦")
    plain = gongkai(*args, "--format", "plain").stdout
    assert "2027-01-01 星期五  元旦（临时）" in plain and "provisional" in plain
