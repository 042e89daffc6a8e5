"""Usage errors in Chinese, `gongkai help` and -V, check's help and hints, and an hour
limit counted from now."""

from __future__ import annotations

import pytest

from tests.conftest import Run


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("duee",), "错误：没有命令“duee”；是否要用 due"),
        (("calendar", "improt"), "错误：没有命令“improt”；是否要用 import？"),
        (("due", "--foo"), "错误：没有选项 --foo；是否要用 --force、--format"),
        (("show",), "错误：缺少参数 ID"),
        (("due", "--days"), "错误：选项 --days 需要一个值"),
        (("due", "--days", "x"), "错误：'--days' 的取值 'x' 无效，应为整数"),
        (("check", "--format", "table"), "错误：'--format' 的取值 'table' 无效，应为 plain、json 之一"),
        (("workdays", "2016-09-30", "2016-10-10", "extra"), "错误：多余的参数：extra"),
        (("due", "--week", "--days", "3"), "错误：--week 与 --days 只能选一个"),
    ],
)
def test_usage_errors_in_chinese(gongkai: Run, args: tuple[str, ...], message: str) -> None:
    result = gongkai(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Error" not in result.stderr and "Usage" not in result.stderr and "Try" not in result.stderr


def test_usage_error_is_one_line_and_a_hint(gongkai: Run) -> None:
    result = gongkai("show")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "gongkai: 错误：缺少参数 ID",
        "gongkai: 提示：用 gongkai show --help 查看用法和示例",
    ]


# The usage errors a newcomer met (issue 19): each is one line saying what is wrong, with
# the right suggestion, and one line saying what to do; exit status 2.
NEWCOMER_ERRORS = [
    (
        ("due", "--json"),
        "没有选项 --json；是否要用 --format json？",
        "用 gongkai due --help 查看用法和示例",
    ),
    (
        ("deadline", "5", "--backward"),
        "没有选项 --backward；是否要用 --roll backward？",
        "用 gongkai deadline --help 查看用法和示例",
    ),
    (
        ("--format", "json", "due"),
        "选项 --format 要写在命令之后：gongkai due --format json",
        "用 gongkai due --help 查看用法和示例",
    ),
    (
        ("--today", "2016-06-27", "due", "--week"),
        "选项 --today 要写在命令之后：gongkai due --today 2016-06-27",
        "用 gongkai due --help 查看用法和示例",
    ),
    (
        ("--explain", "deadline", "5"),
        "选项 --explain 要写在命令之后：gongkai deadline --explain",
        "用 gongkai deadline --help 查看用法和示例",
    ),
    (
        ("calendar", "2026", "13"),
        "月份应为 1 到 12 的整数（给的是 13）",
        "用 gongkai calendar --help 查看用法和示例",
    ),
    (
        ("calendar", "2026", "六"),
        "月份应为 1 到 12 的整数（给的是 六）",
        "用 gongkai calendar --help 查看用法和示例",
    ),
    (
        ("calendar", "import", "x.txt", "--year", "3000"),
        "--year 应为 1900 到 2999 的整数（给的是 3000）",
        "用 gongkai calendar import --help 查看用法和示例",
    ),
    (("--bogus",), "没有选项 --bogus", "用 gongkai --help 查看用法和示例"),
]


@pytest.mark.parametrize(("args", "message", "hint"), NEWCOMER_ERRORS)
def test_newcomer_usage_errors(gongkai: Run, args: tuple[str, ...], message: str, hint: str) -> None:
    result = gongkai(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"gongkai: 错误：{message}", f"gongkai: 提示：{hint}"]
    assert "month" not in result.stderr and "[MONTH]" not in result.stderr


def test_a_bad_date_names_the_problem_not_the_placeholder(gongkai: Run) -> None:
    result = gongkai("day", "2026-13-01")
    assert result.exit_code == 3
    assert result.stderr == "gongkai: 错误：日期“2026-13-01”不存在：月份应为 1 到 12\n"


def test_a_past_year_is_outside_the_known_years(gongkai: Run) -> None:
    """chinese-calendar starts at 2004 (the tests pin 2004–2026): 1999 will not be published."""
    result = gongkai("calendar", "1999")
    assert result.exit_code == 4
    assert result.stderr == (
        "gongkai: 错误：1999 年不在日历已知的年份（2004–2026 年）之内，没有该年的节假日安排，无法计算\n"
    )


def test_a_future_year_still_says_how_to_add_it(gongkai: Run) -> None:
    result = gongkai("calendar", "2040")
    assert result.exit_code == 4 and "国务院公布该年安排后，用 gongkai calendar import" in result.stderr


@pytest.mark.parametrize("args", [("help",), ("help", "due"), ("help", "calendar", "import")])
def test_help_command(gongkai: Run, args: tuple[str, ...]) -> None:
    result = gongkai(*args)
    assert result.exit_code == 0
    assert result.output == gongkai(*args[1:], "--help").output


def test_help_of_an_unknown_command(gongkai: Run) -> None:
    result = gongkai("help", "tsaks")
    assert result.exit_code == 2 and "没有命令“tsaks”；是否要用 tasks" in result.stderr
    assert result.stderr.splitlines()[1] == "gongkai: 提示：用 gongkai --help 查看用法和示例"
    result = gongkai("help", "calendar", "imprt")
    assert result.stderr.splitlines()[1] == "gongkai: 提示：用 gongkai calendar --help 查看用法和示例"


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(gongkai: Run, flag: str) -> None:
    from gongkai_cli import __version__

    result = gongkai(flag)
    assert (result.exit_code, result.output) == (0, f"gongkai {__version__}\n")


def test_check_offers_only_what_it_prints(gongkai: Run) -> None:
    text = gongkai("check", "--help").output
    assert "[plain|json]" in text and "table" not in text


def test_check_points_at_the_commands_with_roll(gongkai: Run) -> None:
    result = gongkai("check")
    assert result.exit_code == 0
    warnings = [line for line in result.output.splitlines() if "休息日" in line]
    assert warnings and all("due、tasks 和 show 可加 --roll" in w for w in warnings)
    assert "可用 --roll backward 提前到此前最后一个工作日" not in result.output
    # The commands that have --roll keep the direct hint.
    assert "可用 --roll backward" in gongkai("show", "end.3").output


def test_hours_without_from_count_from_now(gongkai: Run) -> None:
    """民法典第二百零一条: an hour limit runs from the moment; without --from, from now."""
    result = gongkai("deadline", "24小时内", env={"GONGKAI_NOW": "2016-07-01 14:30"})
    assert result.exit_code == 0
    assert result.stdout == "2016-07-02 14:30（星期六）\n"
    assert result.stderr == "gongkai: 注意：未给 --from，从现在（北京时间 2016-07-01 14:30）起算\n"


def test_hours_from_now_follow_the_zone(gongkai: Run) -> None:
    env = {"GONGKAI_NOW": "2016-07-01 09:00", "GONGKAI_TZ": "Europe/Berlin"}
    result = gongkai("deadline", "24小时内", "--format", "json", env=env)
    assert '"anchor": "2016-07-01T09:00"' in result.stdout
    assert "Europe/Berlin 2016-07-01 09:00" in result.stderr


def test_days_without_from_count_from_today_and_say_so(gongkai: Run) -> None:
    result = gongkai("deadline", "3个工作日内", "--today", "2016-09-30")
    assert result.stdout == "2016-10-10（星期一）  从今天 2016-09-30 起算\n" and result.stderr == ""


@pytest.mark.parametrize("args", [(), ("plan",)])
def test_a_bare_group_shows_its_help(gongkai: Run, args: tuple[str, ...]) -> None:
    result = gongkai(*args)
    assert "示例" in result.output and "错误：" not in result.output
