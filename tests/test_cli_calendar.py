"""`gongkai calendar`: month grids, notice import, covered years; calendar files and
provisional years through every command. All through the real CLI (the `gongkai`
fixture); XDG_CONFIG_HOME is a fresh folder per test."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from gongkai_cli.calendar.builtin import CORRECTED_NOTE
from gongkai_cli.calendar.files import load_calendar_file
from gongkai_cli.calendar.workdays import WorkCalendar
from tests.conftest import FIXTURES, Run

NOTICES = FIXTURES / "notices"


def config_calendars() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "gongkai" / "calendars"


def year_dates(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=k) for k in range((date(year + 1, 1, 1) - first).days)]


def assert_file_matches_builtin(path: Path, cal: WorkCalendar) -> None:
    data = load_calendar_file(path)
    imported = WorkCalendar([data])
    assert [d for d in year_dates(data.year) if imported.is_workday(d) != cal.is_workday(d)] == []
    # Entries in a neighbouring year (2018-12-29..31 in the 2019 file) agree too.
    assert [d for d in data.holidays if cal.is_workday(d)] == []
    assert [d for d in data.makeup_workdays if not cal.is_workday(d)] == []


# A 2027 calendar written by hand (made up for the tests, not the real notice).
CALENDAR_2027 = """\
year: 2027
source:
  title: "测试用 2027 年节假日安排（虚构）"
holidays:
  - {date: 2027-01-01, name: "元旦"}
  - {date: 2027-01-02, name: "元旦"}
  - {date: 2027-01-03, name: "元旦"}
  - {date: 2027-02-06, name: "春节"}
  - {date: 2027-02-07, name: "春节"}
  - {date: 2027-02-08, name: "春节"}
  - {date: 2027-02-09, name: "春节"}
  - {date: 2027-02-10, name: "春节"}
  - {date: 2027-02-11, name: "春节"}
  - {date: 2027-02-12, name: "春节"}
workdays:
  - {date: 2027-02-20, name: "春节"}
"""

# A 2027 notice in the published style (made up: the real one is not out yet).
NOTICE_2027 = """\
国务院办公厅关于2027年部分节假日安排的通知

一、元旦：1月1日（星期五）至3日放假，共3天。

二、春节：2月6日至12日放假调休，共7天。2月20日（星期六）上班。

国务院办公厅
2026年11月20日
"""


@pytest.fixture
def calendar_2027(tmp_path: Path) -> Path:
    path = tmp_path / "cal" / "2027.yaml"
    path.parent.mkdir()
    path.write_text(CALENDAR_2027, encoding="utf-8")
    return path


# -- import --------------------------------------------------------------------------------


def test_import_2016_notice_gives_the_builtin_working_days(
    gongkai: Run, tmp_path: Path, cal: WorkCalendar
) -> None:
    out = tmp_path / "2016.yaml"
    result = gongkai("calendar", "import", str(NOTICES / "2016.txt"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"已写入 2016 年：24 天放假，6 天调休上班：{out}" in result.stderr
    assert_file_matches_builtin(out, cal)
    text = out.read_text(encoding="utf-8")
    assert 'title: "国务院办公厅关于2016年部分节假日安排的通知"' in text
    assert "issued: 2015-12-10" in text
    assert '  - {date: 2016-10-09, name: "国庆节"}' in text


def test_import_writes_to_stdout_by_default_and_reads_stdin(gongkai: Run, tmp_path: Path) -> None:
    from_file = gongkai("calendar", "import", str(NOTICES / "2016.txt"))
    text = (NOTICES / "2016.txt").read_text(encoding="utf-8")
    from_stdin = gongkai("calendar", "import", "-", input=text)
    assert from_file.exit_code == from_stdin.exit_code == 0
    assert from_file.stdout.startswith("# gongkai 日历文件")
    assert from_stdin.stdout == from_file.stdout
    assert list(tmp_path.iterdir()) == []


# Other years' notices: different wording, an amendment, a cross-year New Year.
YEARS = [
    (2008, ["2008"], None),  # 其中…公休日调至…; 2007年12月30日—2008年1月1日
    (2015, ["2015", "2015-victory-day"], "2015"),  # 9月3日 notice names no year
    (2019, ["2019", "2019-labour-amendment"], None),  # 2018-12-29..31; labour day amended
    (2020, ["2020", "2020-spring-extension"], None),  # extension cancels 2月1日 上班
    (2024, ["2024"], None),
]


@pytest.mark.parametrize(("year", "names", "year_option"), YEARS, ids=[str(y[0]) for y in YEARS])
def test_import_other_years(
    gongkai: Run, tmp_path: Path, cal: WorkCalendar, year: int, names: list[str], year_option: str | None
) -> None:
    out = tmp_path / f"{year}.yaml"
    args = [str(NOTICES / f"{n}.txt") for n in names]
    extra = ["--year", year_option] if year_option else []
    result = gongkai("calendar", "import", *args, *extra, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert load_calendar_file(out).year == year
    assert_file_matches_builtin(out, cal)


def test_import_reads_gbk_with_a_note(gongkai: Run, tmp_path: Path) -> None:
    notice = tmp_path / "2016-gbk.txt"
    notice.write_bytes((NOTICES / "2016.txt").read_text(encoding="utf-8").encode("gbk"))
    result = gongkai("calendar", "import", str(notice))
    assert result.exit_code == 0, result.output
    assert "不是 UTF-8，已按 GBK 解码" in result.stderr
    assert result.stdout == gongkai("calendar", "import", str(NOTICES / "2016.txt")).stdout


def test_import_refuses_undecodable_and_huge_input(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    bad = gongkai("calendar", "import", "-", "-o", str(out), input=b"\xff\xfe\xff\xff\n")
    assert bad.exit_code == 3
    assert "既不是 UTF-8 也不是 GBK" in bad.stderr
    huge = gongkai("calendar", "import", "-", "-o", str(out), input="一" * 400_000)
    assert huge.exit_code == 3
    assert "超过 1 MiB" in huge.stderr
    missing = gongkai("calendar", "import", str(tmp_path / "nope.txt"), "-o", str(out))
    assert missing.exit_code == 3
    assert "无法读取通知" in missing.stderr
    assert not out.exists()


def doctored(old: str, new: str) -> str:
    text = (NOTICES / "2016.txt").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


DOCTORED = [
    ("weekday", doctored("2月6日（星期六）", "2月6日（星期日）"), "2月6日（星期日）"),
    ("count", doctored("2月7日至13日放假调休，共7天", "2月7日至13日放假调休，共8天"), "共8天"),
    ("workday-not-weekend", doctored("6月12日（星期日）上班", "6月13日上班"), "6月13日上班"),
    (
        "no-arrangement",
        "国务院办公厅关于2016年部分节假日安排的通知\n\n节假日期间，各地区、各部门要妥善安排好值班工作。\n",
        "国务院办公厅关于2016年部分节假日安排的通知",
    ),
]


@pytest.mark.parametrize(("text", "quoted"), [d[1:] for d in DOCTORED], ids=[d[0] for d in DOCTORED])
def test_each_check_fires_and_nothing_is_written(
    gongkai: Run, tmp_path: Path, text: str, quoted: str
) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(text, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "2016.yaml"
    result = gongkai("calendar", "import", str(notice), "-o", str(out))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"gongkai: 错误：{notice}:")
    assert quoted in result.stderr and "「" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert list(out_dir.iterdir()) == []  # not the file, not a temp file
    installed = gongkai("calendar", "import", str(notice), "--install")
    assert installed.exit_code == 3
    assert not config_calendars().exists() or list(config_calendars().iterdir()) == []


def test_output_refuses_to_overwrite_without_force(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "2016.yaml"
    out.write_text("old: file\n", encoding="utf-8")
    refused = gongkai("calendar", "import", str(NOTICES / "2016.txt"), "-o", str(out))
    assert refused.exit_code == 3
    assert "已存在" in refused.stderr and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "old: file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2016.yaml"]
    forced = gongkai("calendar", "import", str(NOTICES / "2016.txt"), "-o", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert load_calendar_file(out).year == 2016


def test_output_and_install_exclude_each_other(gongkai: Run, tmp_path: Path) -> None:
    result = gongkai("calendar", "import", str(NOTICES / "2016.txt"), "-o", str(tmp_path / "x"), "--install")
    assert result.exit_code == 2


def test_install_then_every_command_uses_it(gongkai: Run, tmp_path: Path) -> None:
    before = gongkai("day", "2027-01-04", "--format", "plain")
    assert before.exit_code == 4
    notice = tmp_path / "2027.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    installed = gongkai("calendar", "import", str(notice), "--install")
    assert installed.exit_code == 0, installed.output
    target = config_calendars() / "2027.yaml"
    assert target.is_file()
    assert f"已安装 2027 年：10 天放假，1 天调休上班：{target}" in installed.stderr
    assert gongkai("day", "2027-01-01", "--format", "plain").output == "2027-01-01 星期五：休息日，元旦\n"
    assert (
        gongkai("day", "2027-02-20", "--format", "plain").output
        == "2027-02-20 星期六：工作日，调休上班（春节）\n"
    )
    years = gongkai("calendar", "years", "--format", "plain")
    assert f"2027       文件  {target}（国务院办公厅关于2027年部分节假日安排的通知）" in years.output
    again = gongkai("calendar", "import", str(notice), "--install")
    assert again.exit_code == 3 and "--force" in again.stderr
    assert gongkai("calendar", "import", str(notice), "--install", "--force").exit_code == 0


# -- the year boundary -------------------------------------------------------------------


def test_deadline_across_the_year_end_with_a_calendar_file(gongkai: Run, calendar_2027: Path) -> None:
    # 2026-12-31 (Thu) is the 1st; 2027-01-01..03 元旦; 01-04 (Mon) 2nd; 01-05 (Tue) 3rd.
    args = ("deadline", "3个工作日内", "--from", "2026-12-30")
    result = gongkai(*args, "--calendar", str(calendar_2027), "--format", "plain")
    assert result.exit_code == 0, result.output
    assert result.output == "2027-01-05（星期二）\n"
    explained = gongkai(*args, "--calendar", str(calendar_2027), "--explain", "--format", "json")
    steps = {s["date"]: s for s in json.loads(explained.stdout)["steps"]}
    assert steps["2026-12-31"]["count"] == 1
    assert steps["2027-01-01"]["name"] == "元旦" and steps["2027-01-01"]["workday"] is False
    assert steps["2027-01-04"]["count"] == 2 and steps["2027-01-05"]["count"] == 3
    assert json.loads(explained.stdout)["provisional"] is False
    via_env = gongkai(*args, "--format", "plain", env={"GONGKAI_CALENDAR": str(calendar_2027.parent)})
    assert via_env.output == "2027-01-05（星期二）\n"


def test_deadline_into_an_unknown_year_exits_4(gongkai: Run) -> None:
    result = gongkai("deadline", "3个工作日内", "--from", "2026-12-30")
    assert result.exit_code == 4
    assert "2027 年" in result.stderr and "gongkai calendar import" in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("how", ["option", "env"])
def test_provisional_deadline(gongkai: Run, how: str) -> None:
    args = ["deadline", "3个工作日内", "--from", "2026-12-30"]
    opt = ["--provisional"] if how == "option" else []
    env = {"GONGKAI_PROVISIONAL": "1"} if how == "env" else None
    plain = gongkai(*args, *opt, "--format", "plain", env=env)
    assert plain.exit_code == 0, plain.output
    first, *notes = plain.output.splitlines()
    assert first == "2027-01-05（星期二）"
    assert any("临时" in n and "provisional" in n for n in notes)
    data = json.loads(gongkai(*args, *opt, "--explain", "--format", "json", env=env).stdout)
    assert data["deadline"] == "2027-01-05" and data["provisional"] is True
    new_year = next(s for s in data["steps"] if s["date"] == "2027-01-01")
    assert new_year["name"] == "元旦" and new_year["workday"] is False


def test_bad_calendar_file_names_path_and_line(gongkai: Run, tmp_path: Path) -> None:
    bad = tmp_path / "2027.yaml"
    bad.write_text(CALENDAR_2027.replace("2027-02-20", "2027-02-22"), encoding="utf-8")  # a Monday
    line = CALENDAR_2027.splitlines().index('  - {date: 2027-02-20, name: "春节"}') + 1
    result = gongkai("day", "2016-10-08", "--calendar", str(bad))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"gongkai: 错误：{bad}:{line}: ")
    assert "星期一" in result.stderr


# -- month grids -------------------------------------------------------------------------

OCTOBER_2016 = """\
2016年10月
一   二   三   四   五   六   日
                          1休  2休
 3休  4休  5休  6休  7休  8班  9班
10   11   12   13   14   15   16
17   18   19   20   21   22   23
24   25   26   27   28   29   30
31
国庆节：10-01 至 10-07 放假；10-08、10-09 调休上班

图例：休 节假日放假；班 调休上班（周末上班）；六、日两列无标记的为周末休息日
"""


def test_month_plain_marks_makeup_workdays(gongkai: Run) -> None:
    result = gongkai("calendar", "2016", "10", "--format", "plain")
    assert result.exit_code == 0, result.output
    assert result.output == OCTOBER_2016


def test_month_json(gongkai: Run) -> None:
    result = gongkai("calendar", "2016", "10", "--format", "json")
    days = json.loads(result.stdout)
    assert len(days) == 31
    assert days[6:10] == [
        {
            "date": "2016-10-07",
            "kind": "holiday",
            "name": "国庆节",
            "provisional": False,
            "weekday": "星期五",
            "workday": False,
        },
        {
            "date": "2016-10-08",
            "kind": "makeup_workday",
            "name": "国庆节",
            "provisional": False,
            "weekday": "星期六",
            "workday": True,
        },
        {
            "date": "2016-10-09",
            "kind": "makeup_workday",
            "name": "国庆节",
            "provisional": False,
            "weekday": "星期日",
            "workday": True,
        },
        {
            "date": "2016-10-10",
            "kind": "workday",
            "name": None,
            "provisional": False,
            "weekday": "星期一",
            "workday": True,
        },
    ]
    assert days[14]["kind"] == "rest"  # 10-15, a Saturday


def test_month_table(gongkai: Run) -> None:
    result = gongkai("calendar", "2016", "10", "--format", "table")
    assert result.exit_code == 0
    assert "2016年10月" in result.output and " 8班" in result.output and "图例" in result.output


def test_calendar_defaults_to_this_month_and_year_gives_twelve(gongkai: Run) -> None:
    now = gongkai("calendar", "--today", "2016-10-20", "--format", "plain")
    assert now.output == OCTOBER_2016
    now_env = gongkai("calendar", "--format", "plain", env={"GONGKAI_TODAY": "2016-10-20"})
    assert now_env.output == OCTOBER_2016
    whole = gongkai("calendar", "2016", "--format", "plain")
    titles = [line for line in whole.output.splitlines() if line.startswith("2016年")]
    assert titles == [f"2016年{m}月" for m in range(1, 13)]
    assert len(json.loads(gongkai("calendar", "2016", "--format", "json").stdout)) == 366


def test_month_in_an_unknown_year(gongkai: Run, calendar_2027: Path) -> None:
    refused = gongkai("calendar", "2027", "1", "--format", "plain")
    assert refused.exit_code == 4 and "2027" in refused.stderr
    guessed = gongkai("calendar", "2027", "1", "--format", "plain", "--provisional")
    assert guessed.exit_code == 0
    assert guessed.output.startswith("2027年1月（临时推算）\n")
    assert "元旦：01-01 放假" in guessed.output and "provisional" in guessed.output
    days = json.loads(gongkai("calendar", "2027", "1", "--format", "json", "--provisional").stdout)
    assert days[0]["provisional"] is True and days[0]["name"] == "元旦"
    from_file = gongkai("calendar", "2027", "2", "--format", "plain", "--calendar", str(calendar_2027))
    assert "春节：02-06 至 02-12 放假；02-20 调休上班" in from_file.output
    assert "临时" not in from_file.output


def test_calendar_routing_and_usage_errors(gongkai: Run) -> None:
    help_text = gongkai("calendar", "--help")
    assert help_text.exit_code == 0
    assert "import" in help_text.output and "years" in help_text.output
    assert "[YEAR [MONTH]]" in help_text.output
    assert "  month" not in help_text.output
    assert gongkai("calendar", "2016", "13").exit_code == 2
    assert gongkai("calendar", "nonsense").exit_code == 2
    assert "示例" in gongkai("calendar", "2016", "--help").output


# -- covered years -------------------------------------------------------------------------


def test_years_lists_builtin_and_files(gongkai: Run, calendar_2027: Path) -> None:
    import chinese_calendar

    builtin = f"chinese-calendar {chinese_calendar.__version__}"
    plain = gongkai("calendar", "years", "--format", "plain", "--calendar", str(calendar_2027))
    assert plain.exit_code == 0, plain.output
    assert plain.output.splitlines() == [
        f"2004       内置  {builtin}",
        f"2005       内置  {builtin}{CORRECTED_NOTE}",
        f"2006–2026  内置  {builtin}",
        f"2027       文件  {calendar_2027}（测试用 2027 年节假日安排（虚构））",
        "其他年份：没有安排，用到时报错（退出状态 4）；用 gongkai calendar import 导入国务院通知",
    ]
    data = json.loads(
        gongkai("calendar", "years", "--format", "json", "--calendar", str(calendar_2027)).stdout
    )
    assert data["provisional"] is False
    assert [y["year"] for y in data["years"]] == list(range(2004, 2028))
    assert data["years"][0] == {"year": 2004, "origin": "builtin", "source": builtin, "path": None}
    assert data["years"][-1] == {
        "year": 2027,
        "origin": "file",
        "source": "测试用 2027 年节假日安排（虚构）",
        "path": str(calendar_2027),
    }
    provisional = gongkai("calendar", "years", "--format", "plain", "--provisional")
    assert provisional.output.splitlines()[-1].startswith("其他年份：按《全国年节及纪念日放假办法》")


def test_years_shows_a_file_replacing_a_builtin_year(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "2016.yaml"
    assert gongkai("calendar", "import", str(NOTICES / "2016.txt"), "-o", str(out)).exit_code == 0
    result = gongkai("calendar", "years", "--format", "plain", env={"GONGKAI_CALENDAR": str(out)})
    lines = result.output.splitlines()
    assert lines[0].startswith("2004       内置")
    assert lines[1].startswith("2005       内置") and lines[1].endswith(CORRECTED_NOTE)
    assert lines[2].startswith("2006–2015  内置")
    assert lines[3] == f"2016       文件  {out}（国务院办公厅关于2016年部分节假日安排的通知）"
    assert lines[4].startswith("2017–2026  内置")
