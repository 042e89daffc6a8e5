"""The indexed engine against a naive day-by-day count, for every anchor in every
built-in year and n from 1 to 30; and batch answers against single queries."""

from __future__ import annotations

import json
from datetime import date, timedelta

import chinese_calendar

from gongkai_cli.calendar.builtin import MAKEUP_CORRECTIONS
from gongkai_cli.calendar.workdays import WorkCalendar
from tests.conftest import Run

N = 30


def naive_is_workday(day: date) -> bool:
    """chinese-calendar's answer, with the documented correction of its one mistake."""
    return day in MAKEUP_CORRECTIONS or chinese_calendar.is_workday(day)


def naive_offsets(anchor: date, n: int) -> list[date]:
    """Walk the days after the anchor, asking chinese-calendar about each one."""
    found: list[date] = []
    day = anchor
    while len(found) < n:
        day += timedelta(days=1)
        if naive_is_workday(day):
            found.append(day)
    return found


def test_every_anchor_every_n(cal: WorkCalendar) -> None:
    first = cal.known_years()[0].year
    last = cal.known_years()[-1].year
    anchor = date(first, 1, 1)
    end = date(last, 11, 15)  # 30 working days later is still inside the known years
    checked = 0
    while anchor <= end:
        expected = naive_offsets(anchor, N)
        for n in range(1, N + 1):
            assert cal.add_workdays(anchor, n) == expected[n - 1], (anchor, n)
        assert cal.count_workdays(anchor, expected[-1]) == N
        assert cal.is_workday(anchor) == naive_is_workday(anchor)
        checked += N
        anchor += timedelta(days=1)
    assert checked > 200_000


def test_counting_back_against_naive(cal: WorkCalendar) -> None:
    anchor = date(2005, 2, 1)
    while anchor < date(2026, 12, 31):
        day, back = anchor, []
        while len(back) < 10:
            day -= timedelta(days=1)
            if naive_is_workday(day):
                back.append(day)
        for n in range(1, 11):
            assert cal.add_workdays(anchor, -n) == back[n - 1], (anchor, -n)
        anchor += timedelta(days=3)


def test_batch_equals_single_queries(gongkai: Run) -> None:
    rows = [
        ("2016-09-30", "文件公开后3个工作日内"),
        ("2016-05-18", "印发之日起5个工作日内"),
        ("2016-09-20", "15日内"),
        ("2016-01-31", "1个月内"),
        ("2016-07-01 14:30", "24小时内"),
        ("2016-05-18", "12月底前落实"),
        ("2016-06-27", "按月公开"),
        ("2016-05-18", "适时进行"),
        ("2018-12-28", "3"),
        ("2016-09-30", "文件公开后3个工作日内"),  # a repeated phrase
    ]
    text = "anchor,rule\n" + "".join(f"{a},{r}\n" for a, r in rows)
    batch = gongkai("deadline", "--batch", "--format", "json", input=text)
    assert batch.exit_code == 0, batch.output
    answers = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [a["line"] for a in answers] == list(range(2, 2 + len(rows)))
    for (anchor, rule), answer in zip(rows, answers, strict=True):
        single = json.loads(gongkai("deadline", rule, "--from", anchor, "--format", "json").stdout)
        assert answer["input"] == {"anchor": anchor, "rule": rule}
        for key in ("deadline", "kind", "n", "provisional", "warnings"):
            assert answer[key] == single[key], (anchor, rule, key)
        assert answer["error"] is None


def test_batch_reports_bad_lines_and_goes_on(gongkai: Run) -> None:
    text = "2016-09-30\t3个工作日内\n2016-02-30\t3\n\n2016-09-30\t3个工作周内\n2016-09-30\t适时进行\n"
    result = gongkai("deadline", "--batch", "--format", "plain", input=text)
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    assert lines[0] == "2016-09-30\t3个工作日内\t2016-10-10"
    assert lines[1].startswith("2016-02-30\t3\t错误：") and "不存在" in lines[1]
    assert lines[2].startswith("2016-09-30\t3个工作周内\t错误：无法识别的期限")
    assert lines[3] == "2016-09-30\t适时进行\t无固定期限"
    assert "2 行未能计算" in result.stderr


def test_batch_csv_echoes_input_columns(gongkai: Run) -> None:
    text = "id,anchor,rule\nA-1,2016-09-30,3个工作日内\nA-2,2026-12-30,3\n"
    result = gongkai("deadline", "--batch", "--format", "csv", input=text)
    assert result.exit_code == 4  # only a coverage failure
    lines = result.stdout.splitlines()
    assert lines[0] == "id,anchor,rule,deadline,kind,provisional,warnings,error"
    assert lines[1] == "A-1,2016-09-30,3个工作日内,2016-10-10,workdays,false,,"
    assert lines[2].startswith("A-2,2026-12-30,3,,,,,") and "2027" in lines[2]


def test_batch_refuses_a_rule_argument(gongkai: Run) -> None:
    result = gongkai("deadline", "3", "--batch", input="")
    assert result.exit_code == 2
