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


def test_usage_error_shows_usage_and_help(gongkai: Run) -> None:
    result = gongkai("show")
    assert result.stderr.splitlines()[:2] == [
        "用法：gongkai show [OPTIONS] ID",
        "用“gongkai show --help”查看帮助和示例。",
    ]


@pytest.mark.parametrize("args", [("help",), ("help", "due"), ("help", "calendar", "import")])
def test_help_command(gongkai: Run, args: tuple[str, ...]) -> None:
    result = gongkai(*args)
    assert result.exit_code == 0
    assert result.output == gongkai(*args[1:], "--help").output


def test_help_of_an_unknown_command(gongkai: Run) -> None:
    result = gongkai("help", "tsaks")
    assert result.exit_code == 2 and "没有命令“tsaks”；是否要用 tasks" in result.stderr


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


def test_days_without_from_still_count_from_today(gongkai: Run) -> None:
    result = gongkai("deadline", "3个工作日内", "--today", "2016-09-30")
    assert result.stdout == "2016-10-10（星期一）\n" and result.stderr == ""


@pytest.mark.parametrize("args", [(), ("plan",)])
def test_a_bare_group_shows_its_help(gongkai: Run, args: tuple[str, ...]) -> None:
    result = gongkai(*args)
    assert "示例" in result.output and "错误：" not in result.output
