"""Deadlines over real holiday periods: each row cites the State Council notice it rests on.

Expected dates are worked out by hand from the notices' wording (the counting rules in
docs/counting-rules.md), not by the engine.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.errors import CoverageError, InputError
from gongkai_cli.phrases.reader import parse_rule
from gongkai_cli.phrases.resolve import Options, resolve

D = date.fromisoformat

# (phrase, anchor, expected deadline, the notice and the days that decide it)
TABLE = [
    # 国办发明电〔2005〕35号（2006年）: 元旦 1月1日—3日放假, “12月31日(星期六)上班” (2005-12-31;
    # chinese-calendar misses it, gongkai corrects it in builtin.MAKEUP_CORRECTIONS)
    ("1个工作日内", "2005-12-30", "2005-12-31", "2006 元旦: Saturday 2005-12-31 a working day"),
    ("2个工作日内", "2005-12-30", "2006-01-04", "2006 元旦: then 01-01..03 off"),
    # 国办发明电〔2008〕36号（2009年）: 国庆 10月1日至8日放假, 9月27日（日）、10月10日（六）上班
    ("3个工作日内", "2009-09-30", "2009-10-12", "2009 国庆: 10-09 Fri, 10-10 Sat makeup, 10-12 Mon"),
    # 国办发明电〔2011〕39号（2012年）: 清明 4月2日至4日放假, 3月31日（六）、4月1日（日）上班
    ("2个工作日内", "2012-03-30", "2012-04-01", "2012 清明: both makeup weekend days count"),
    # 同上: 中秋、国庆 9月30日至10月7日放假, 9月29日（六）上班
    ("15日内", "2012-09-20", "2012-10-08", "2012 国庆: day 15 = 10-05 holiday, extends to 10-08"),
    # 国办发明电〔2015〕号（抗战胜利70周年）: 9月3日至5日放假, 9月6日（日）上班
    ("1个工作日内", "2015-09-02", "2015-09-06", "2015 纪念日: 09-06 Sunday makeup"),
    # 国办发明电〔2015〕18号（2016年）: the worked examples of the counting rules
    ("文件公开后3个工作日内", "2016-09-30", "2016-10-10", "2016 国庆: 10-08, 10-09 makeup"),
    ("印发之日起5个工作日内", "2016-05-18", "2016-05-25", "2016: plain week"),
    ("期限届满后10个工作日内", "2016-06-30", "2016-07-14", "2016: report after 6月底"),
    ("15日内", "2016-09-20", "2016-10-08", "2016 国庆: 10-05 holiday, 10-08 Sat makeup"),
    ("1个月内", "2016-01-31", "2016-02-29", "第二百零二条: no 31st, month end; 02-29 Monday"),
    ("三个工作日内", "2016-02-05", "2016-02-15", "2016 春节: 02-06 Sat makeup, 02-14 Sun makeup"),
    # 国办发明电〔2018〕15号（2019年）: 2018年12月30日至2019年1月1日放假, 2018年12月29日（六）上班
    ("3个工作日内", "2018-12-28", "2019-01-03", "cross-year 元旦: 12-29 makeup, then 01-02, 01-03"),
    # 国办发明电〔2019〕2号 (amended 劳动节): 5月1日至4日放假, 4月28日（日）、5月5日（日）上班
    ("2个工作日内", "2019-04-30", "2019-05-06", "2019 劳动节 amended: 05-05 Sunday makeup"),
    # 国办发明电〔2020〕1号: 春节 extended to 2月2日; 2月1日（六） no longer a working day
    ("1个工作日内", "2020-01-23", "2020-02-03", "2020 春节 extension"),
    # 国办发明电〔2020〕27号（2021年）: 劳动节 5月1日至5日, 4月25日（日）、5月8日（六）上班
    ("5个工作日内", "2021-04-30", "2021-05-11", "2021 劳动节: 05-08 Sat makeup"),
    # 国办发明电〔2022〕16号（2023年）: 中秋国庆 9月29日至10月6日, 10月7日（六）、8日（日）上班
    ("1个月内", "2023-09-06", "2023-10-07", "2023: 10-06 holiday, 10-07 Sat makeup"),
    # 国办发明电〔2023〕7号（2024年）: 春节 2月10日至17日, 2月4日（日）、2月18日（日）上班
    ("10个工作日内", "2024-02-08", "2024-02-28", "2024 春节: 02-18 Sunday makeup"),
    # 国办发明电〔2024〕12号（2025年）: 春节 1月28日至2月4日, 1月26日（日）、2月8日（六）上班
    ("3个工作日内", "2025-01-27", "2025-02-07", "2025 春节 (four statutory days)"),
    # 国办发明电〔2025〕7号（2026年）: 春节 2月15日至23日, 2月14日（六）、2月28日（六）上班
    ("1个工作日内", "2026-02-13", "2026-02-14", "2026 春节: 02-14 Saturday makeup"),
    ("2个工作日内", "2026-02-13", "2026-02-24", "2026 春节: nine days off"),
    # 政府信息公开条例 第三十三条: 20 working days from receipt
    (
        "收到申请之日起20个工作日内",
        "2016-09-20",
        "2016-10-21",
        "2016 国庆 inside: 8, then 10-08, 10-09, 10 more",
    ),
]


@pytest.mark.parametrize(("phrase", "anchor", "expected", "why"), TABLE, ids=[r[3] for r in TABLE])
def test_official_deadlines(cal: WorkCalendar, phrase: str, anchor: str, expected: str, why: str) -> None:
    result = resolve(parse_rule(phrase), D(anchor), cal)
    assert result.deadline == D(expected), why
    assert not result.provisional


def test_counting_back_and_forth(cal: WorkCalendar) -> None:
    assert cal.add_workdays(D("2016-10-10"), -3) == D("2016-09-30")
    assert cal.count_workdays(D("2016-09-30"), D("2016-10-10")) == 3
    assert cal.count_workdays(D("2016-10-10"), D("2016-09-30")) == -3
    assert cal.count_workdays(D("2016-10-01"), D("2016-10-07")) == 0


def test_hours_are_not_extended(cal: WorkCalendar) -> None:
    result = resolve(parse_rule("24小时内"), datetime(2016, 7, 1, 14, 30), cal)
    assert result.deadline == datetime(2016, 7, 2, 14, 30)
    # On the eve of 国庆 the period still ends on the holiday.
    result = resolve(parse_rule("24小时内"), datetime(2016, 9, 30, 9, 0), cal)
    assert result.deadline == datetime(2016, 10, 1, 9, 0)


def test_bare_date_for_hours_says_midnight(cal: WorkCalendar) -> None:
    result = resolve(parse_rule("24小时内"), D("2016-07-01"), cal)
    assert result.deadline == datetime(2016, 7, 2, 0, 0)
    assert any("00:00" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("phrase", "anchor", "roll", "expected", "warned"),
    [
        ("12月底前落实", "2016-05-18", "none", "2016-12-31", True),  # Saturday, not moved
        ("12月底前落实", "2016-05-18", "backward", "2016-12-30", True),
        ("12月底前落实", "2016-05-18", "forward", "2017-01-03", True),  # 01-01..02 元旦
        ("2017年1月15日前", "2016-05-18", "none", "2017-01-15", True),  # Sunday
        ("2017年1月15日前", "2016-05-18", "backward", "2017-01-13", True),
        ("6月底前完成", "2016-05-18", "none", "2016-06-30", False),
        ("11月底完成", "2016-05-18", "none", "2016-11-30", False),
        ("年底前", "2016-05-18", "none", "2016-12-31", True),
        ("上半年", "2016-01-04", "none", "2016-06-30", False),
        ("第一季度", "2016-01-04", "none", "2016-03-31", False),
        ("1月15日前", "2016-05-18", "none", "2016-01-15", False),  # year from the anchor
    ],
)
def test_named_dates(
    cal: WorkCalendar, phrase: str, anchor: str, roll: str, expected: str, warned: bool
) -> None:
    result = resolve(parse_rule(phrase), D(anchor), cal, Options(roll=roll))  # type: ignore[arg-type]
    assert result.deadline == D(expected)
    assert bool([w for w in result.warnings if "星期" in w]) == warned


def test_before_exclusive(cal: WorkCalendar) -> None:
    result = resolve(parse_rule("于2017年1月15日前"), D("2016-05-18"), cal, Options(before="exclusive"))
    assert result.deadline == D("2017-01-14")
    # 月底 has no 前 to read exclusively: unchanged.
    result = resolve(parse_rule("6月底前"), D("2016-05-18"), cal, Options(before="exclusive"))
    assert result.deadline == D("2016-06-30")


def test_rest_start_next_matches_find_workday(cal: WorkCalendar) -> None:
    """--rest-start next is chinese-calendar's find_workday reading: one day later."""
    import chinese_calendar

    anchor = D("2016-10-01")  # 国庆, a rest day
    default = resolve(parse_rule("3个工作日内"), anchor, cal)
    nxt = resolve(parse_rule("3个工作日内"), anchor, cal, Options(rest_start="next"))
    assert default.deadline == D("2016-10-10")
    assert nxt.deadline == D("2016-10-11") == chinese_calendar.find_workday(3, anchor)
    # On a working day the two readings agree.
    same = resolve(parse_rule("3个工作日内"), D("2016-09-30"), cal, Options(rest_start="next"))
    assert same.deadline == D("2016-10-10")


def test_recurring_gives_the_month_last_workday(cal: WorkCalendar) -> None:
    assert resolve(parse_rule("按月公开"), D("2016-06-27"), cal).deadline == D("2016-06-30")
    # April 2016 ends on a Saturday: the last working day is Friday the 29th.
    assert resolve(parse_rule("按月进行"), D("2016-04-05"), cal).deadline == D("2016-04-29")
    # Past this month's due date: next month's.
    assert resolve(parse_rule("每月公开"), D("2016-04-30"), cal).deadline == D("2016-05-31")
    # 2016-09-30 is the last working day of September (10-01 starts 国庆).
    assert resolve(parse_rule("按季度公开"), D("2016-08-01"), cal).deadline == D("2016-09-30")


def test_open_phrases_have_no_deadline(cal: WorkCalendar) -> None:
    phrases = (
        "适时进行",
        "全年适时进行",
        "根据工作进展适时进行",
        "具体时限按有关要求执行",
        "根据相关要求进行",
    )
    for phrase in phrases:
        result = resolve(parse_rule(phrase), D("2016-05-18"), cal)
        assert result.deadline is None and result.kind == "open"


def test_unknown_year_is_refused_not_guessed(cal: WorkCalendar) -> None:
    with pytest.raises(CoverageError) as error:
        resolve(parse_rule("3个工作日内"), D("2026-12-30"), cal)
    assert error.value.year == 2027 and "2027" in str(error.value)
    with pytest.raises(CoverageError):
        cal.is_workday(D("2003-06-02"))
    with pytest.raises(CoverageError):
        resolve(parse_rule("15日内"), D("2026-12-20"), cal)  # ends 2027-01-04


def test_absurd_counts_end_at_the_calendar_edge(cal: WorkCalendar) -> None:
    with pytest.raises(CoverageError):
        resolve(parse_rule("1000000000个工作日内"), D("2016-01-04"), cal)
    with pytest.raises((CoverageError, InputError)):
        resolve(parse_rule("1000000000个月内"), D("2016-01-04"), cal)


def test_a_file_year_replaces_the_builtin_one() -> None:
    from gongkai_cli.calendar.builtin import builtin_years
    from gongkai_cli.calendar.workdays import YearData

    made_up = YearData(2016, {D("2016-10-10"): "测试假日"}, {}, "test")
    cal = WorkCalendar([*builtin_years(), made_up])
    assert not cal.is_workday(D("2016-10-10"))
    assert cal.is_workday(D("2016-10-03"))  # the built-in 国庆 is gone with its year
    assert not cal.is_workday(D("2016-10-08"))  # and so is its makeup Saturday
