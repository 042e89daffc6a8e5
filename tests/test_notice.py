"""The notice importer, against the published notices and chinese-calendar's data."""

from __future__ import annotations

import contextlib
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_cli.calendar.notice_import import (
    Notice,
    NoticeDay,
    merge_notices,
    parse_notice,
    parse_sentence,
    to_year_data,
)
from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"
NOTICES = FIXTURES / "notices"


def notice_text(name: str) -> str:
    return (NOTICES / f"{name}.txt").read_text(encoding="utf-8")


def read(name: str, year: int | None = None) -> Notice:
    return parse_notice(notice_text(name), year=year, source=f"{name}.txt")


@pytest.fixture(scope="module")
def builtin() -> WorkCalendar:
    return WorkCalendar.default()


def year_dates(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=k) for k in range((date(year + 1, 1, 1) - first).days)]


def assert_matches_builtin(notice: Notice, builtin: WorkCalendar) -> None:
    imported = WorkCalendar([to_year_data(notice, "test")])
    wrong = [d for d in year_dates(notice.year) if imported.is_workday(d) != builtin.is_workday(d)]
    assert wrong == []
    # Days the notice sets in a neighbouring year (2018-12-29..31 for 2019) too.
    assert [d for d in notice.days if builtin.is_workday(d.date) == d.off] == []


# -- whole notices -----------------------------------------------------------------------


def test_2016_notice_as_published_gives_the_builtin_2016(builtin: WorkCalendar) -> None:
    notice = read("2016")
    assert notice.year == 2016
    assert notice.title == "国务院办公厅关于2016年部分节假日安排的通知"
    assert notice.issued == date(2015, 12, 10)
    assert_matches_builtin(notice, builtin)
    days = {d.date: d for d in notice.days}
    assert days[date(2016, 5, 2)] == NoticeDay(date(2016, 5, 2), True, "劳动节")  # 补休
    assert days[date(2016, 10, 9)] == NoticeDay(date(2016, 10, 9), False, "国庆节")


# One row per year: the notices of the year, in publication order, and what the wording
# exercises. Every row must give exactly chinese-calendar's working days.
YEARS = [
    (2008, ["2008"], None, "old style: 其中…公休日调至…, cross-year 2007年12月30日—2008年1月1日"),
    (2009, ["2009"], None, "old style, 星期四、新年, 国庆节、中秋节 combined, 上班 in its own sentence"),
    (2010, ["2010"], None, "放假公休, second date without month: 2月20日（星期六）、21日（星期日）上班"),
    (2015, ["2015", "2015-victory-day"], 2015, "补休, 9月3日 anniversary notice with no year in title"),
    (2016, ["2016"], None, "the published 2016 notice"),
    (2019, ["2019", "2019-labour-amendment"], None, "cross-year 元旦, labour-day amendment"),
    (2020, ["2020", "2020-spring-extension"], None, "Spring Festival extension cancels 2月1日 上班"),
    (2024, ["2024"], None, "鼓励…除夕（2月9日）休息 is advice, not a rest day"),
    (2025, ["2025"], None, "周X, 不调休, 农历除夕、周二, preamble with 自2025年1月1日起"),
]


@pytest.mark.parametrize(("year", "files", "given_year", "wording"), YEARS, ids=[str(r[0]) for r in YEARS])
def test_notices_give_the_builtin_working_days(
    year: int, files: list[str], given_year: int | None, wording: str, builtin: WorkCalendar
) -> None:
    merged = merge_notices([read(f, given_year) for f in files])
    assert merged.year == year
    assert_matches_builtin(merged, builtin)


def test_2019_labour_amendment_replaces_the_holiday() -> None:
    merged = merge_notices([read("2019"), read("2019-labour-amendment")])
    labour = sorted((d.date, d.off) for d in merged.days if d.name == "劳动节")
    assert labour == [
        (date(2019, 4, 28), False),
        (date(2019, 5, 1), True),
        (date(2019, 5, 2), True),
        (date(2019, 5, 3), True),
        (date(2019, 5, 4), True),
        (date(2019, 5, 5), False),
    ]
    assert merged.issued == date(2019, 3, 22)
    assert merged.title is not None and "调整2019年劳动节" in merged.title


def test_2020_extension() -> None:
    extension = read("2020-spring-extension")
    assert extension.days == ()
    assert extension.extensions == (("春节", date(2020, 2, 2)),)
    with pytest.raises(InputError, match="延长"):
        to_year_data(extension, "x")  # alone it would wipe out the rest of 2020
    merged = merge_notices([read("2020"), extension])
    days = {d.date: d for d in merged.days}
    for k in range(24, 32):
        assert days[date(2020, 1, k)].off
    assert days[date(2020, 2, 1)] == NoticeDay(date(2020, 2, 1), True, "春节")  # was 上班
    assert days[date(2020, 2, 2)].off
    assert date(2020, 2, 3) not in days  # 2月3日（星期一）起正常上班: an ordinary Monday
    assert merged.extensions == ()


def test_names_headings_and_metadata() -> None:
    n2009 = read("2009")
    assert {d.name for d in n2009.days} == {"元旦", "春节", "清明节", "劳动节", "端午节", "国庆节、中秋节"}
    assert n2009.number == "国办发明电〔2008〕42号"
    assert n2009.issued is None
    assert read("2010").issued == date(2009, 12, 7)  # 二○○九年十二月七日
    n2008 = read("2008")
    assert {d.name for d in n2008.days if d.date.month == 5} == {"劳动节"}  # “五一”国际劳动节
    victory = read("2015-victory-day", 2015)
    assert {d.name for d in victory.days} == {"中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"}
    assert read("2019-labour-amendment").days[0].name == "劳动节"  # from the title


def test_year_from_title_or_argument() -> None:
    with pytest.raises(InputError, match="年份") as err:
        parse_notice(notice_text("2015-victory-day"), source="v.txt")
    assert err.value.where == "v.txt:1"
    with pytest.raises(InputError, match="不一致"):
        parse_notice(notice_text("2016"), year=2017)
    body = "一、元旦：1月1日放假，与周末连休。"
    assert parse_notice(body, year=2016).days == (NoticeDay(date(2016, 1, 1), True, "元旦"),)


def test_full_and_half_width_forms_read_alike() -> None:
    full = "二、春节：２月７日至１３日放假调休，共７天。２月６日（星期六）、２月１４日（星期日）上班。"
    half = "二、春节:2月7日-13日放假调休,共7天。2月6日(星期六)、2月14日(星期日)上班。"
    assert parse_notice(full, year=2016).days == parse_notice(half, year=2016).days
    assert len(parse_notice(half, year=2016).days) == 9


# -- the peer project's 49 sentences -----------------------------------------------------------

PEER = json.loads((FIXTURES / "peer" / "holiday-cn-description-cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", PEER, ids=[f"{c['year']}-{i}" for i, c in enumerate(PEER)])
def test_peer_description_cases(case: dict[str, object]) -> None:
    year = case["year"]
    assert isinstance(year, int)
    got = sorted((d.date.isoformat(), d.off) for d in parse_sentence(str(case["description"]), year))
    expected = case["expected"]
    assert isinstance(expected, list)
    assert got == sorted((e["date"], e["isOffDay"]) for e in expected)


# -- checks --------------------------------------------------------------------------------------

DOCTORED = [
    (
        "2月6日（星期六）、2月14日（星期日）上班。",
        "2月6日（星期日）、2月14日（星期日）上班。",
        "星期与日期不符",
    ),
    ("2月7日至13日放假调休，共7天。", "2月7日至13日放假调休，共6天。", "天数不符"),
    ("6月12日（星期日）上班。", "6月13日（星期一）上班。", "不是周末"),
    ("4月4日放假，与周末连休。", "4月31日放假，与周末连休。", "日期不存在"),
    ("1月1日放假，与周末连休。", "1月1日放假2天，与周末连休。", "天数不符"),
]


@pytest.mark.parametrize(("original", "doctored", "message"), DOCTORED)
def test_checks_fire_on_doctored_notices(original: str, doctored: str, message: str) -> None:
    text = notice_text("2016")
    assert original in text
    lines = text.splitlines()
    line = next(n for n, content in enumerate(lines, start=1) if original in content)
    with pytest.raises(InputError) as err:
        parse_notice(text.replace(original, doctored), source="doctored.txt")
    assert message in err.value.message
    assert err.value.where == f"doctored.txt:{line}"
    assert doctored.rstrip("。") in err.value.message  # the sentence is quoted
    assert "\n" not in str(err.value)
    assert err.value.exit_code == 3


def test_no_arrangement_at_all() -> None:
    text = "国务院办公厅关于2016年部分节假日安排的通知\n\n节假日期间，各地区、各部门要妥善安排好值班。\n"
    with pytest.raises(InputError, match="没有找到放假安排") as err:
        parse_notice(text, source="empty.txt")
    assert err.value.where == "empty.txt:1"
    assert "国务院办公厅关于2016年部分节假日安排的通知" in err.value.message
    with pytest.raises(InputError):
        parse_notice("", source="x")
    with pytest.raises(InputError):
        parse_sentence("鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。", 2024)


def test_rest_and_work_on_one_day_is_refused() -> None:
    with pytest.raises(InputError, match="既写放假又写上班"):
        parse_sentence("10月1日至8日放假调休，共8天。10月8日（星期六）上班。", 2016)


def test_not_arrangements_are_skipped() -> None:
    days = parse_sentence(
        "2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。"
        "鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。",
        2024,
        "春节",
    )
    assert date(2024, 2, 9) not in {d.date for d in days}
    assert parse_sentence("5月1日放假，5月2日（星期一）补休。", 2016) == [
        NoticeDay(date(2016, 5, 1), True, ""),
        NoticeDay(date(2016, 5, 2), True, ""),
    ]


def test_later_statement_about_a_date_replaces_the_earlier() -> None:
    base = Notice(2030, "a", None, (NoticeDay(date(2030, 2, 2), False, "春节"),))
    later = Notice(2030, "b", None, (NoticeDay(date(2030, 2, 2), True, ""),))
    assert merge_notices([base, later]).days == (NoticeDay(date(2030, 2, 2), True, ""),)
    with pytest.raises(InputError):
        merge_notices([])
    with pytest.raises(InputError):
        merge_notices([base, Notice(2031, None, None, ())])


# -- never crashes -----------------------------------------------------------------------------------

ALPHABET = (
    "0123456789０１２年月日至—-、，。：（）()星期周一二三六日"
    "放假调休上班补共天农历除夕延长起正常公休调至其中鼓励\n "
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80) | st.text(max_size=80))
def test_parse_notice_raises_only_input_error(text: str) -> None:
    with contextlib.suppress(InputError):
        parse_notice(text, year=2016, source="h")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.integers(min_value=1900, max_value=2999))
def test_parse_sentence_raises_only_input_error(text: str, year: int) -> None:
    with contextlib.suppress(InputError):
        parse_sentence(text, year)
