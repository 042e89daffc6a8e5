"""The phrase reader: every form in the counting rules and in the 2016 document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai_cli.errors import InputError
from gongkai_cli.phrases.chinese import chinese_number
from gongkai_cli.phrases.reader import parse_rule

SEED = Path(__file__).parent / "fixtures" / "2016-work-points.txt"

# (phrase, kind, n / period / target fields that must be read)
READ = [
    ("印发之日起5个工作日内", "workdays", {"n": 5, "anchor": "印发之日起"}),
    ("文件公开后3个工作日内", "workdays", {"n": 3, "anchor": "文件公开后"}),
    ("期限届满后10个工作日内", "workdays", {"n": 10, "anchor": "期限届满后"}),
    ("收到申请之日起20个工作日内", "workdays", {"n": 20, "anchor": "收到申请之日起"}),
    ("自收到申请之日起二十个工作日内", "workdays", {"n": 20}),
    ("本工作要点印发之日起 5 个工作日内", "workdays", {"n": 5}),
    ("3 个工作日内", "workdays", {"n": 3}),
    ("３个工作日内", "workdays", {"n": 3}),  # full-width digit
    ("三个工作日内", "workdays", {"n": 3}),
    ("两个工作日内", "workdays", {"n": 2}),
    ("十五个工作日", "workdays", {"n": 15}),
    ("5", "workdays", {"n": 5}),  # a bare integer: working days
    ("15日内", "days", {"n": 15}),
    ("十五日内", "days", {"n": 15}),
    ("30天内", "days", {"n": 30}),
    ("7个自然日内", "days", {"n": 7}),
    ("1个月内", "months", {"n": 1}),
    ("三个月内", "months", {"n": 3}),
    ("1年内", "years", {"n": 1}),
    ("24小时内", "hours", {"n": 24}),
    ("特别重大、重大突发事件发生后24小时内", "hours", {"n": 24}),
    ("在 24 小时内", "hours", {"n": 24}),
    ("6月底前完成", "date", {"target": "month_end", "month": 6}),
    ("12月底前落实", "date", {"target": "month_end", "month": 12}),
    ("11 月底完成", "date", {"target": "month_end", "month": 11}),
    ("十月底前", "date", {"target": "month_end", "month": 10}),
    ("2017年1月15日前", "date", {"target": "day", "year": 2017, "month": 1, "day": 15, "before": True}),
    ("于 2017 年 1 月 15 日前", "date", {"target": "day", "year": 2017, "month": 1, "day": 15}),
    ("1月15日前", "date", {"target": "day", "year": None, "month": 1, "day": 15}),
    ("年底前", "date", {"target": "year_end"}),
    ("年内", "date", {"target": "year_end"}),
    ("上半年", "date", {"target": "half_end"}),
    ("第一季度", "date", {"target": "quarter_end", "quarter": 1}),
    ("三季度末", "date", {"target": "quarter_end", "quarter": 3}),
    ("按月公开", "recurring", {"period": "month"}),
    ("按月进行", "recurring", {"period": "month"}),
    ("按月汇总后报送", "recurring", {"period": "month"}),
    ("每月公开", "recurring", {"period": "month"}),
    ("按季度公开", "recurring", {"period": "quarter"}),
    ("适时进行", "open", {}),
    ("全年适时进行", "open", {}),
    ("根据工作进展适时进行", "open", {}),
    ("具体时限按有关要求执行", "open", {}),
    ("根据相关要求进行", "open", {}),
]


@pytest.mark.parametrize(("phrase", "kind", "fields"), READ, ids=[r[0] for r in READ])
def test_reads(phrase: str, kind: str, fields: dict[str, object]) -> None:
    rule = parse_rule(phrase)
    assert rule.kind == kind
    assert rule.text == phrase  # verbatim, for output
    for name, value in fields.items():
        assert getattr(rule, name) == value, name


def test_every_phrase_of_the_2016_document_reads() -> None:
    """Each bracket of the document ends in a deadline phrase; all must be readable."""
    text = SEED.read_text(encoding="utf-8")
    body = text[text.index("一、围绕深化改革推进公开") :]  # after the preamble's citations
    brackets = re.findall(r"[（(]([^（()）]*?[，,；;]\s*([^，,；;（()）]+))[)）]", body)
    phrases = {phrase.strip() for _, phrase in brackets}
    assert len(phrases) >= 10
    for phrase in phrases:
        assert parse_rule(phrase).kind in {"date", "recurring", "open"}, phrase


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("二十三", 23),
        ("一百二十", 120),
        ("两", 2),
        ("二〇一六", 2016),
        ("一千零一", 1001),
    ],
)
def test_chinese_numbers(text: str, value: int) -> None:
    assert chinese_number(text) == value


@pytest.mark.parametrize("text", ["十十", "一二", "一百二", "百", "零五", "三十零", "二〇一", "一百零十"])
def test_malformed_chinese_numbers_are_refused_not_guessed(text: str) -> None:
    with pytest.raises(InputError):
        chinese_number(text)
    with pytest.raises(InputError) as error:
        parse_rule(f"{text}个工作日内")
    assert f"“{text}个工作日内”" in error.value.message and "第 1 个字符" in error.value.message


@pytest.mark.parametrize(
    ("phrase", "stop"),
    [
        ("3个工作周内", "第 2 个字符“个工作周内”"),
        ("个工作日内", "第 1 个字符"),
        ("5个工作日内完成吧", "第 9 个字符“吧”"),
        ("2016年", "结尾处"),
    ],
)
def test_unreadable_phrase_shows_where_reading_stopped(phrase: str, stop: str) -> None:
    with pytest.raises(InputError) as error:
        parse_rule(phrase)
    assert f"“{phrase}”" in error.value.message
    assert stop in error.value.message


@pytest.mark.parametrize(
    "phrase",
    ["", "   ", "0个工作日内", "-3个工作日内", "13月底前", "2月30日前", "x" * 1000, "3\x00个工作日", "😀"],
)
def test_bad_phrases_are_input_errors(phrase: str) -> None:
    with pytest.raises(InputError):
        parse_rule(phrase)
