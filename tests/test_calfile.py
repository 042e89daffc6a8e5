"""Calendar files: round trip, strict validation at path:line, where the files are; atomic writes."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from gongkai_cli.calendar.builtin import builtin_years
from gongkai_cli.calendar.files import (
    CalendarSource,
    dump_calendar,
    load_calendar_file,
    load_calendars,
)
from gongkai_cli.calendar.locations import calendar_paths
from gongkai_cli.calendar.notice_import import merge_notices, parse_notice, to_year_data
from gongkai_cli.calendar.workdays import YearData
from gongkai_cli.errors import InputError
from gongkai_cli.files import atomic
from gongkai_cli.files.atomic import FileExists, write_atomic

NOTICES = Path(__file__).parent / "fixtures" / "notices"

GOOD = """\
# a hand-written file
year: 2027
source:
  title: 国务院办公厅关于2027年部分节假日安排的通知
  number: 国办发明电〔2026〕9号
  issued: 2026-11-05
  url: https://www.gov.cn/
holidays:
  - {date: 2027-01-01, name: 元旦}
  - date: 2027-02-05
    name: 春节
workdays:
  - {date: 2027-02-13, name: 春节}
"""


def write(tmp_path: Path, text: str, name: str = "cal.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_good_file(tmp_path: Path) -> None:
    data = load_calendar_file(write(tmp_path, GOOD))
    assert data == YearData(
        2027,
        {date(2027, 1, 1): "元旦", date(2027, 2, 5): "春节"},
        {date(2027, 2, 13): "春节"},
        "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号）",
    )


@pytest.mark.parametrize("year", [2016, 2019, 2020, 2025])
def test_round_trip_builtin_years(tmp_path: Path, year: int) -> None:
    original = next(y for y in builtin_years() if y.year == year)
    meta = CalendarSource(
        f"国务院办公厅关于{year}年部分节假日安排的通知", "国办发明电〔X〕1号", date(year - 1, 12, 1)
    )
    text = dump_calendar(original, meta)
    assert text == dump_calendar(original, meta)  # deterministic
    loaded = load_calendar_file(write(tmp_path, text))
    assert loaded.year == original.year
    assert dict(loaded.holidays) == dict(original.holidays)
    assert dict(loaded.makeup_workdays) == dict(original.makeup_workdays)
    assert loaded.source == meta.describe()
    assert dump_calendar(loaded, meta) == text


def test_round_trip_imported_notice_keeps_neighbouring_year_and_sorts(tmp_path: Path) -> None:
    notices = [
        parse_notice((NOTICES / f"{n}.txt").read_text(encoding="utf-8"), source=n)
        for n in ("2019", "2019-labour-amendment")
    ]
    data = to_year_data(merge_notices(notices), "国务院办公厅关于2019年部分节假日安排的通知")
    text = dump_calendar(data)
    assert text.index("2018-12-29") < text.index("2019-02-02")
    dates = [line.split("date: ")[1][:10] for line in text.splitlines() if "date: " in line]
    holidays = dates[: len(data.holidays)]
    assert holidays == sorted(holidays)
    loaded = load_calendar_file(write(tmp_path, text))
    assert loaded == data


BAD = [
    ("year: [\n", 1, "YAML 语法错误"),  # the stream end is reported at the last line
    ("- 1\n- 2\n", 1, "应为键值表"),
    (GOOD.replace("year: 2027", "yaer: 2027"), 2, "未知的键"),
    (GOOD.replace("year: 2027\n", ""), 2, "缺少必需的键“year”"),
    (GOOD.replace("year: 2027", "year: 二〇二七"), 2, "整数"),
    (GOOD.replace("  title: 国务院办公厅关于2027年部分节假日安排的通知\n", ""), 4, "缺少必需的键“title”"),
    (GOOD.replace("url:", "link:"), 7, "未知的键"),
    (GOOD.replace("2027-02-05", "2027-02-30"), 10, "日期不存在"),
    (GOOD.replace("2027-02-05", "5 Feb 2027"), 10, "YYYY-MM-DD"),
    (GOOD.replace("2027-02-13", "2027-01-01"), 13, "既列在 holidays"),
    (GOOD.replace("2027-02-13", "2027-02-15"), 13, "是星期一"),
    (GOOD.replace("2027-02-05", "2029-02-05"), 10, "相差超过一年"),
    (GOOD.replace("2027-02-05", "2027-01-01"), 10, "重复"),
    (GOOD.replace("year: 2027", "year: 2027\nyear: 2028"), 3, "重复"),
    (GOOD.replace("  - {date: 2027-01-01, name: 元旦}", "  - {name: 元旦}"), 9, "缺少必需的键“date”"),
    (
        GOOD.replace("{date: 2027-01-01, name: 元旦}", "{date: 2027-01-01, name: 元旦, off: true}"),
        9,
        "未知的键",
    ),
    (GOOD.replace("name: 元旦", "name: [元旦]"), 9, "应为文字"),
    ("year: 2027\nsource: {title: t}\nholidays: 3\n", 3, "应为列表"),
    ("year: !!python/object/apply:os.system [echo hi]\n", 1, "YAML 标签"),
    ("year: 2027\nsource: {title: t}\nholidays: []\nworkdays: !!set {2027-02-13}\n", 4, "YAML 标签"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD, ids=[b[2] + str(i) for i, b in enumerate(BAD)])
def test_validation_errors_name_path_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_calendar_file(path)
    assert message in err.value.message
    assert err.value.where == f"{path}:{line}"
    assert err.value.exit_code == 3
    assert "\n" not in str(err.value)


def test_unreadable_files(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("year: 2027\nsource: {title: 节假日安排}\nholidays: []\n".encode("gbk"))
    with pytest.raises(InputError, match="UTF-8") as err:
        load_calendar_file(path)
    assert err.value.where == f"{path}:2"
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (1024 * 1024 + 1))
    with pytest.raises(InputError, match="1 MiB"):
        load_calendar_file(big)
    with pytest.raises(InputError, match="空"):
        load_calendar_file(write(tmp_path, "# nothing\n", "empty.yaml"))
    with pytest.raises(InputError, match="无法读取"):
        load_calendar_file(tmp_path / "missing.yaml")


def test_calendar_paths_precedence(tmp_path: Path) -> None:
    config = tmp_path / "xdg" / "gongkai" / "calendars"
    config.mkdir(parents=True)
    (config / "b.yaml").write_text("", encoding="utf-8")
    (config / "a.yaml").write_text("", encoding="utf-8")
    (config / "notes.txt").write_text("", encoding="utf-8")
    env_dir = tmp_path / "envdir"
    env_dir.mkdir()
    (env_dir / "x.yaml").write_text("", encoding="utf-8")
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "GONGKAI_CALENDAR": os.pathsep.join([str(tmp_path / "e1.yaml"), "", str(env_dir)]),
    }
    got = calendar_paths([tmp_path / "cli.yaml", str(tmp_path / "cli2.yaml")], env)
    assert got == [
        config / "a.yaml",
        config / "b.yaml",
        tmp_path / "e1.yaml",
        env_dir / "x.yaml",
        tmp_path / "cli.yaml",
        tmp_path / "cli2.yaml",
    ]
    home = tmp_path / "home"
    (home / ".config" / "gongkai" / "calendars").mkdir(parents=True)
    (home / ".config" / "gongkai" / "calendars" / "h.yaml").write_text("", encoding="utf-8")
    assert calendar_paths([], {"HOME": str(home)}) == [home / ".config/gongkai/calendars/h.yaml"]
    assert calendar_paths([], {"HOME": str(home), "XDG_CONFIG_HOME": "relative"}) == [
        home / ".config/gongkai/calendars/h.yaml"
    ]
    assert calendar_paths([], {"XDG_CONFIG_HOME": str(tmp_path / "none")}) == []


def test_load_calendars_later_file_wins(tmp_path: Path) -> None:
    first = write(tmp_path, GOOD, "1.yaml")
    second = write(tmp_path, GOOD.replace("name: 元旦", "name: 新年"), "2.yaml")
    other = write(tmp_path, GOOD.replace("2027", "2028").replace("2028-02-13", "2028-02-12"), "3.yaml")
    years = load_calendars([first, other, second])
    assert [y.year for y in years] == [2028, 2027]
    assert years[1].holidays[date(2027, 1, 1)] == "新年"


# -- atomic writes -------------------------------------------------------------------------------


def test_write_atomic_creates_and_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "2027.yaml"
    write_atomic(path, "year: 2027\n", force=False)
    assert path.read_text(encoding="utf-8") == "year: 2027\n"
    with pytest.raises(FileExists, match="文件已存在") as err:  # the CLI adds "--force"
        write_atomic(path, "other\n", force=False)
    assert err.value.exit_code == 3
    assert path.read_text(encoding="utf-8") == "year: 2027\n"
    write_atomic(path, "新\n", force=True)
    assert path.read_text(encoding="utf-8") == "新\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2027.yaml"]


@pytest.mark.parametrize("fail_at", ["replace", "fsync"])
def test_failed_write_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: str
) -> None:
    path = tmp_path / "2027.yaml"
    path.write_text("old\n", encoding="utf-8")

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, fail_at, boom)
    with pytest.raises(InputError, match="无法写入"):
        write_atomic(path, "new\n", force=True)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2027.yaml"]


def test_interrupted_write_removes_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "new.yaml"

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "link", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "x\n", force=False)
    assert list(tmp_path.iterdir()) == []


def test_write_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="无法写入"):
        write_atomic(tmp_path / "no" / "such.yaml", "x", force=False)
