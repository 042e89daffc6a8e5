"""The forms of counting-rules §8 and the statutes of §9, over real dates.

Anchors sit next to 国庆 2016 (10-01..07 rest, the weekend 10-08/10-09 worked) and 春节
2017 (01-27..02-02 rest, Sunday 01-22 and Saturday 02-04 worked), from the State
Council's notices 国办发明电〔2015〕18号 and 国办发明电〔2016〕17号. Each row names the
text its phrase is quoted from: the law and article (texts as published), or the
counting rules' own example where the form is the contract's.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.errors import InputError
from gongkai_cli.phrases.clause import read_clause, resolve_clause
from gongkai_cli.phrases.reader import parse_rule
from gongkai_cli.phrases.resolve import Options, resolve
from gongkai_cli.phrases.statutes import STATUTES, find_statute
from tests.conftest import Run

CAL = WorkCalendar.default()
RULES_8 = "counting-rules §8"

# (phrase, anchor, deadline, what must be read, source)
FORMS: list[tuple[str, str, str, dict[str, object], str]] = [
    # caps: the same period as N日内 / N个工作日内
    (
        "查封、扣押的期限不得超过三十日",
        "2016-09-05",
        "2016-10-08",
        {"kind": "days", "n": 30},
        "行政强制法 第二十五条",
    ),
    (
        "最长不得超过20个工作日",
        "2016-09-20",
        "2016-10-21",
        {"kind": "workdays", "n": 20},
        "政府信息公开条例 第三十三条",
    ),
    ("最多不超过15日", "2017-01-12", "2017-02-03", {"kind": "days", "n": 15}, RULES_8),
    ("一般不超过60日", "2016-08-02", "2016-10-08", {"kind": "days", "n": 60}, RULES_8),
    # extensions: counted from the original deadline, which is the anchor
    (
        "可以延长十日",
        "2016-09-30",
        "2016-10-10",
        {"kind": "days", "n": 10, "extension": True},
        "行政许可法 第四十二条",
    ),
    (
        "延长的期限最长不得超过20个工作日",
        "2016-10-21",
        "2016-11-18",
        {"kind": "workdays", "n": 20, "extension": True},
        "政府信息公开条例 第三十三条",
    ),
    (
        "延长期限最多不得超过三十日",
        "2017-01-05",
        "2017-02-04",
        {"extension": True, "n": 30},
        "行政复议法 第六十二条",
    ),
    (
        "延长期限不得超过30日",
        "2017-01-05",
        "2017-02-04",
        {"extension": True, "n": 30},
        "信访工作条例 第三十四条",
    ),
    (
        "可以延长六个月",
        "2016-08-31",
        "2017-02-28",
        {"kind": "months", "n": 6, "extension": True},
        "民事诉讼法 第一百五十二条",
    ),
    # counting back from a later event: not moved (a rest day is warned about)
    ("应当在开庭三日前", "2016-10-10", "2016-10-07", {"back": True, "n": 3}, "民事诉讼法 第一百三十九条"),
    ("举行听证的七日前", "2016-10-14", "2016-10-07", {"back": True, "n": 7}, "行政许可法 第四十八条"),
    (
        "应当在该行政许可有效期届满三十日前",
        "2017-03-01",
        "2017-01-30",
        {"back": True, "n": 30},
        "行政许可法 第五十条",
    ),
    (
        "应当在投标截止时间10日前",
        "2016-10-18",
        "2016-10-08",
        {"back": True, "n": 10},
        "招标投标法实施条例 第二十二条",
    ),
    (
        "投标截止时间至少15日前",
        "2016-10-20",
        "2016-10-05",
        {"back": True, "n": 15},
        "招标投标法实施条例 第二十一条",
    ),
    ("3个工作日前", "2016-10-10", "2016-09-30", {"back": True, "kind": "workdays"}, RULES_8),
    # minimum periods: the earliest day, never moved
    (
        "向社会公开征求意见的期限一般不少于30日",
        "2016-09-05",
        "2016-10-05",
        {"sense": "earliest"},
        "重大行政决策程序暂行条例 第十五条",
    ),
    (
        "发售期不得少于5日",
        "2016-09-30",
        "2016-10-05",
        {"sense": "earliest", "n": 5},
        "招标投标法实施条例 第十六条",
    ),
    (
        "公示期不得少于5个工作日",
        "2016-09-28",
        "2016-10-10",
        {"sense": "earliest", "kind": "workdays"},
        RULES_8,
    ),
    (
        "公示催告的期间不得少于六十日",
        "2016-12-01",
        "2017-01-30",
        {"sense": "earliest", "n": 60},
        "民事诉讼法 第二百三十条",
    ),
    # yearly dates: the first occurrence on or after the anchor
    ("应当在每年1月31日前", "2016-05-18", "2017-01-31", {"yearly": True}, "政府信息公开条例 第四十九条"),
    (
        "应当于每年3月31日前",
        "2016-04-01",
        "2017-03-31",
        {"yearly": True},
        "保障中小企业款项支付条例 第十八条",
    ),
    (
        "应当于每年3月31日前",
        "2016-03-31",
        "2016-03-31",
        {"yearly": True},
        "保障中小企业款项支付条例 第十八条",
    ),
    ("每年的3月10日前", "2016-01-04", "2016-03-10", {"yearly": True, "month": 3, "day": 10}, RULES_8),
    ("每年2月底前", "2016-01-10", "2016-02-29", {"yearly": True, "target": "month_end"}, RULES_8),
    ("在每年6月30日之前", "2016-07-01", "2017-06-30", {"yearly": True}, "企业信息公示暂行条例 第八条"),
    # a year with its end
    ("2020年底前", "2016-05-18", "2020-12-31", {"target": "year_end", "year": 2020}, RULES_8),
    ("到2023年底", "2016-05-18", "2023-12-31", {"target": "year_end", "year": 2023}, RULES_8),
    ("到2023年", "2016-05-18", "2023-12-31", {"target": "year_end", "year": 2023}, RULES_8),
    ("下半年", "2016-05-18", "2016-12-31", {"target": "year_end"}, RULES_8),
    # dates relative to the anchor
    (
        "应当在取得所得的次月十五日内",
        "2016-09-20",
        "2016-10-15",
        {"relative": "next_month"},
        "个人所得税法 第十三条",
    ),
    ("次月15日前", "2016-12-05", "2017-01-15", {"relative": "next_month", "day": 15}, RULES_8),
    (
        "在取得所得的次年三月三十一日前",
        "2016-07-01",
        "2017-03-31",
        {"relative": "next_year"},
        "个人所得税法 第十二条",
    ),
    ("次年5月31日前", "2016-12-30", "2017-05-31", {"relative": "next_year"}, RULES_8),
    (
        "次年一月十日截至",
        "2016-12-20",
        "2017-01-10",
        {"relative": "next_year", "month": 1, "day": 10},
        RULES_8,
    ),
    ("季度结束后15日内", "2016-08-10", "2016-10-17", {"base": "quarter", "n": 15}, RULES_8),
    ("每季度终了后15日内", "2016-11-02", "2017-01-16", {"base": "quarter", "n": 15}, RULES_8),
    ("月度终了后15日内", "2017-01-10", "2017-02-15", {"base": "month", "n": 15}, RULES_8),
    # a copula before the period's end (则为 / 为), as tax pages write it
    (
        "按季申报的则为季度结束后15日内",
        "2025-08-08",
        "2025-10-15",
        {"base": "quarter", "n": 15},
        "https://baike.huochengrm.cn/post/8112.html（增值税申报期限）",
    ),
    (
        "应当自年度终了之日起五个月内",
        "2016-03-01",
        "2017-05-31",
        {"base": "year", "kind": "months"},
        "企业所得税法 第五十四条",
    ),
    # 满N日: the day the period is complete (a presumed day), not extended
    (
        "自文件发出之日起满15日",
        "2016-09-20",
        "2016-10-05",
        {"sense": "presumed", "n": 15},
        "专利法实施细则 第四条",
    ),
    ("满1个月", "2017-01-31", "2017-02-28", {"sense": "presumed", "kind": "months"}, RULES_8),
    # the same day
    ("应当当场予以答复", "2016-10-08", "2016-10-08", {"kind": "same_day"}, "政府信息公开条例 第三十三条"),
    ("即时", "2017-01-27", "2017-01-27", {"kind": "same_day"}, RULES_8),
    ("当日", "2016-10-09", "2016-10-09", {"kind": "same_day"}, RULES_8),
    # a stated hour: the end of that day
    ("2019年3月5日24时前", "2019-01-02", "2019-03-05", {"year": 2019, "month": 3, "day": 5}, RULES_8),
    # half a month and weeks, counted like N日
    ("半个月内", "2016-09-20", "2016-10-08", {"kind": "days", "n": 15, "unit": "半个月"}, RULES_8),
    ("2周内", "2016-09-23", "2016-10-08", {"kind": "days", "n": 14, "unit": "周"}, RULES_8),
    ("不得超过2周", "2017-01-20", "2017-02-03", {"kind": "days", "n": 14}, RULES_8),
    ("三个星期内", "2016-09-16", "2016-10-08", {"kind": "days", "n": 21}, RULES_8),
    # traditional characters read like simplified ones
    (
        "自收到申請之日起二十個工作日內",
        "2016-09-20",
        "2016-10-21",
        {"kind": "workdays", "n": 20},
        "政府信息公開條例 第三十三條",
    ),
    (
        "延長期限不得超過30日",
        "2017-01-05",
        "2017-02-04",
        {"extension": True, "n": 30},
        "信訪工作條例 第三十四條",
    ),
    # 最迟 followed by other words
    ("最迟要在6月底前", "2016-05-18", "2016-06-30", {"target": "month_end", "month": 6}, RULES_8),
    ("最迟在2017年1月15日前", "2016-05-18", "2017-01-15", {"year": 2017}, RULES_8),
    ("最迟应在3个工作日内", "2016-09-30", "2016-10-10", {"kind": "workdays", "n": 3}, RULES_8),
]


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected", "fields", "source"), FORMS, ids=[r[0] for r in FORMS]
)
def test_form(phrase: str, anchor: str, expected: str, fields: dict[str, object], source: str) -> None:
    rule = parse_rule(phrase)
    for name, value in fields.items():
        assert getattr(rule, name) == value, (name, source)
    result = resolve(rule, date.fromisoformat(anchor), CAL)
    assert result.deadline == date.fromisoformat(expected), source


@pytest.mark.parametrize(
    ("phrase", "anchor", "roll", "expected", "warned"),
    [
        # 开庭 on Monday 10-10: three days before is 10-07, a 国庆 rest day (民事诉讼法 第一百三十九条)
        ("开庭三日前", "2016-10-10", "none", "2016-10-07", "国庆节"),
        ("开庭三日前", "2016-10-10", "backward", "2016-09-30", "提前至 2016-09-30"),
        ("开庭三日前", "2016-10-10", "forward", "2016-10-08", "顺延至 2016-10-08"),
        # 有效期届满 on 2017-03-01: thirty days before is 01-30, in 春节 (行政许可法 第五十条)
        ("有效期届满三十日前", "2017-03-01", "backward", "2017-01-26", "提前至 2017-01-26"),
    ],
)
def test_counting_back_warns_and_rolls(
    phrase: str, anchor: str, roll: str, expected: str, warned: str
) -> None:
    result = resolve(parse_rule(phrase), date.fromisoformat(anchor), CAL, Options(roll=roll))  # type: ignore[arg-type]
    assert result.deadline == date.fromisoformat(expected)
    assert any(warned in w for w in result.warnings)


def test_minimum_and_presumed_days_are_not_extended_and_say_so() -> None:
    """不少于30日 from 09-05 ends on 10-05, a 国庆 rest day: the earliest day stays there."""
    earliest = resolve(parse_rule("不少于30日"), date(2016, 9, 5), CAL)
    assert earliest.deadline == date(2016, 10, 5) and earliest.sense == "earliest"
    assert any("不早于此日" in w for w in earliest.warnings)
    presumed = resolve(parse_rule("自发出之日起满15日"), date(2016, 9, 20), CAL)
    assert presumed.deadline == date(2016, 10, 5) and presumed.sense == "presumed"
    assert "专利法实施细则" in presumed.basis


def test_quarter_end_is_not_the_anchor() -> None:
    """The issue's silent error: 季度结束后15日内 counted 15 days from the anchor."""
    result = resolve(parse_rule("季度结束后15日内"), date(2016, 8, 10), CAL, explain=True)
    assert result.deadline != date(2016, 8, 25)
    assert result.counted_from == date(2016, 9, 30)
    assert any("季度最后一日" in s.note for s in result.steps)


# -- statutes (counting-rules §9) -------------------------------------------------------

# (clause, anchor, law, deadline under the law, deadline without it, source)
STATUTE_ROWS = [
    # anchors on 调休 weekends: Saturday 2016-10-08 and Saturday 2017-02-04 were working days
    (
        "行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定",
        "2016-10-08",
        "行政许可法",
        "2016-11-03",
        "2016-10-28",
        "行政许可法 第四十二条、第八十二条（起算日为调休上班的星期六）",
    ),
    (
        "应当在七日内及时作出处理决定",
        "2017-02-04",
        "行政处罚法",
        "2017-02-14",
        "2017-02-13",
        "行政处罚法 第五十六条、第八十五条（起算日为调休上班的星期六）",
    ),
    (
        "行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定",
        "2016-09-20",
        "行政许可法",
        "2016-10-21",
        "2016-10-10",
        "行政许可法 第四十二条、第八十二条",
    ),
    (
        "下级行政机关应当自其受理行政许可申请之日起二十日内审查完毕",
        "2017-01-20",
        "许可法",
        "2017-02-22",
        "2017-02-09",
        "行政许可法 第四十三条、第八十二条",
    ),
    (
        "应当在七日内及时作出处理决定",
        "2016-09-28",
        "行政处罚法",
        "2016-10-12",
        "2016-10-08",
        "行政处罚法 第五十六条、第八十五条",
    ),
    (
        "当事人应当自收到行政处罚决定书之日起十五日内",
        "2016-09-20",
        "处罚法",
        "2016-10-08",
        "2016-10-08",
        "行政处罚法 第六十七条（十五日不在第八十五条之列）",
    ),
    (
        "行政复议机关收到行政复议申请后，应当在五日内进行审查",
        "2017-01-25",
        "行政复议法",
        "2017-02-07",
        "2017-02-03",
        "行政复议法 第三十条、第八十八条",
    ),
    (
        "被申请人应当自收到行政复议申请书副本或者行政复议申请笔录复印件之日起十日内，提出书面答复",
        "2016-09-30",
        "中华人民共和国行政复议法",
        "2016-10-19",
        "2016-10-10",
        "行政复议法 第四十八条、第八十八条",
    ),
    (
        "可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请",
        "2016-09-20",
        "复议法",
        "2016-11-21",
        "2016-11-21",
        "行政复议法 第二十条（六十日不在第八十八条之列）",
    ),
    (
        "作出决定的行政机关应当在三日内向当事人交付冻结决定书",
        "2016-09-29",
        "行政强制法",
        "2016-10-09",
        "2016-10-08",
        "行政强制法 第三十一条、第六十九条",
    ),
    (
        "人民法院应当自受理之日起七日内作出执行裁定",
        "2017-01-26",
        "强制法",
        "2017-02-10",
        "2017-02-03",
        "行政强制法 第五十七条、第六十九条",
    ),
    (
        "查封、扣押的期限不得超过三十日",
        "2016-09-05",
        "《行政强制法》",
        "2016-10-08",
        "2016-10-08",
        "行政强制法 第二十五条（三十日在十日以外）",
    ),
]


@pytest.mark.parametrize(
    ("clause", "anchor", "law", "with_law", "without", "source"),
    STATUTE_ROWS,
    ids=[r[5] for r in STATUTE_ROWS],
)
def test_statute(clause: str, anchor: str, law: str, with_law: str, without: str, source: str) -> None:
    parsed = read_clause(clause)
    day = date.fromisoformat(anchor)
    statute = find_statute(law)
    under = resolve_clause(parsed, day, CAL, Options(law=statute), explain=True)[0]
    plain = resolve_clause(parsed, day, CAL)[0]
    assert under.deadline == date.fromisoformat(with_law), source
    assert plain.deadline == date.fromisoformat(without), source
    if with_law != without:
        assert under.law == statute and statute.article in under.basis and under.kind == "workdays"
    else:
        assert under.law is None  # a period the article does not cover stays as it is


def test_the_four_statutes_and_their_scope() -> None:
    names = ("行政许可法", "行政处罚法", "行政复议法", "行政强制法")
    licensing, penalty, review, enforcement = (find_statute(n) for n in names)
    assert [(s.name[7:], s.article) for s in (licensing, penalty, review, enforcement)] == [
        ("行政许可法", "第八十二条"),
        ("行政处罚法", "第八十五条"),
        ("行政复议法", "第八十八条"),
        ("行政强制法", "第六十九条"),
    ]
    assert all(s in STATUTES for s in (licensing, penalty, review, enforcement))
    assert all(licensing.covers(n) for n in (1, 20, 45, 60))
    assert [n for n in range(1, 16) if penalty.covers(n)] == [2, 3, 5, 7]
    assert [n for n in range(1, 16) if review.covers(n)] == [3, 5, 7, 10]
    assert [n for n in range(1, 16) if enforcement.covers(n)] == list(range(1, 11))


@pytest.mark.parametrize(
    "name", ["许可法", "行政许可法", "中华人民共和国行政许可法", "《行政许可法》", " 许可法 "]
)
def test_short_names(name: str) -> None:
    assert find_statute(name).article == "第八十二条"


def test_unknown_law_is_refused_with_the_known_ones() -> None:
    with pytest.raises(InputError, match=r"未知的法律“刑法”：最接近的是 .*刑事诉讼法"):
        find_statute("刑法")


def test_without_a_law_nothing_is_guessed() -> None:
    """The words of the clause (行政许可) never choose a statute by themselves."""
    clause = read_clause("行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定")
    result = resolve_clause(clause, date(2016, 9, 20), CAL)[0]
    assert result.kind == "days" and result.law is None and result.deadline == date(2016, 10, 10)


# -- the command line -------------------------------------------------------------------


def test_headline_example(gongkai: Run) -> None:
    """The issue's headline: 2016-10-21 with 第八十二条 cited."""
    result = gongkai(
        "deadline",
        "行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定",
        "--from",
        "2016-09-20",
        "--law",
        "行政许可法",
        "--explain",
        "--format",
        "plain",
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "期限：2016-10-21（星期五）"
    assert (
        "读作：主体“行政机关应当自”｜起算“受理行政许可申请之日起”｜期间“二十日内”｜行为“作出行政许可决定”"
        in lines
    )
    assert (
        "第八十二条" in result.stdout
        and "  2016-10-09 星期日  调休上班（国庆节） 10  第 10 个工作日" in lines
    )


def test_clause_json_lists_every_period(gongkai: Run) -> None:
    text = (
        "行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内不能作出决定的，"
        "经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。"
    )
    result = gongkai("deadline", text, "--from", "2016-09-20", "--law", "许可法", "--format", "json")
    data = json.loads(result.stdout)
    assert data["deadline"] == "2016-10-21" and data["kind"] == "workdays"  # the first, as before
    periods = [(p["rule"], p["deadline"], p["extension"], p["law"]) for p in data["periods"]]
    assert periods == [
        ("受理行政许可申请之日起二十日内", "2016-10-21", False, "《中华人民共和国行政许可法》第八十二条"),
        ("延长十日", "2016-11-04", True, "《中华人民共和国行政许可法》第八十二条"),
    ]
    assert data["periods"][0]["words"] == {
        "subject": "行政机关应当自",
        "anchor": "受理行政许可申请之日起",
        "period": "二十日内",
        "act": "作出行政许可决定",
    }
    plain = gongkai("deadline", text, "--from", "2016-09-20", "--law", "许可法", "--format", "plain").stdout
    assert plain.splitlines()[:2] == [
        "1. 2016-10-21（星期五）  受理行政许可申请之日起二十日内（作出行政许可决定）",
        "   注意：依《中华人民共和国行政许可法》第八十二条，“20日”按工作日计算",
    ]
    assert "2. 2016-11-04（星期五）  延长十日" in plain


@pytest.mark.parametrize("fmt", ["plain", "table", "json"])
def test_earliest_day_is_said_in_every_format(gongkai: Run, fmt: str) -> None:
    result = gongkai("deadline", "不少于30日", "--from", "2016-09-05", "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["sense"] == "earliest" and data["deadline"] == "2016-10-05"
        assert any("不早于此日" in w for w in data["warnings"])
    else:
        assert "2016-10-05" in result.stdout and "不早于此日" in result.stdout


def test_clause_without_a_period_is_refused_with_the_place(gongkai: Run) -> None:
    result = gongkai("deadline", "执法人员不得少于两人，法律另有规定的除外。", "--from", "2016-09-20")
    assert result.exit_code == 3
    assert "没有找到期限" in result.stderr and "20 个字符" in result.stderr


def test_batch_law_column(gongkai: Run) -> None:
    lines = (
        "anchor,rule,law\n2016-09-20,收到申请之日起二十日内,许可法\n"
        "2016-09-20,二十日内,\n2016-09-20,5日内,刑法\n"
    )
    result = gongkai("deadline", "--batch", "--format", "csv", input=lines)
    assert result.exit_code == 3
    rows = result.stdout.splitlines()
    assert rows[1].startswith(
        "2016-09-20,收到申请之日起二十日内,许可法,2016-10-21,workdays,false,依《中华人民共和国行政许可法》第八十二条"
    )
    assert rows[2].startswith("2016-09-20,二十日内,,2016-10-10,days,")
    assert "未知的法律“刑法”" in rows[3]


def test_batch_keeps_a_clauses_further_deadlines(gongkai: Run) -> None:
    text = "应当自收到申请之日起20个工作日内予以答复；延长的期限最长不得超过20个工作日"
    result = gongkai("deadline", "--batch", "--format", "json", input=f"2016-09-20\t{text}\n")
    data = json.loads(result.stdout)
    assert data["deadline"] == "2016-10-21"
    assert [(m["deadline"], m["n"]) for m in data["more"]] == [("2016-11-18", 20)]


PLAN = """\
format: 1
plan:
  title: 行政许可办理时限
  issuer: 某局
  issued: 2016-09-20
  year: 2016
  workday_periods: {{name: 本办法, article: 第三十条, days: [5, 10, 15, 20]}}
{default}items:
  - id: "1"
    section: 一
    title: 许可决定
    text: 自受理之日起二十日内作出决定
    lead: [办公室]
    owners: []
    rule: 受理之日起二十日内
    anchor: 2016-09-20
  - id: "2"
    section: 一
    title: 听证
    text: 七日内组织听证
    lead: [办公室]
    owners: []
    rule: 受理之日起七日内
    anchor: 2016-09-28
    law: 行政处罚法
  - id: "3"
    section: 一
    title: 年报
    text: 每年1月31日前公布年度报告
    lead: [办公室]
    owners: []
    rule: 每年1月31日前
"""


def _deadlines(gongkai: Run, path: Path) -> dict[str, str]:
    result = gongkai("tasks", "--tasks", str(path), "--format", "json", "--today", "2016-09-20")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    items = data["items"] if isinstance(data, dict) else data
    return {ob["id"]: ob["deadline"] for ob in items}


def test_plan_law_keys(tmp_path: Path, gongkai: Run) -> None:
    """law: on an item, a plan-level default, and the plan's own workday_periods rule."""
    plain = tmp_path / "plain.yaml"
    plain.write_text(PLAN.format(default=""), encoding="utf-8")
    ruled = tmp_path / "ruled.yaml"
    ruled.write_text(PLAN.format(default="  law: 本办法\n"), encoding="utf-8")
    assert _deadlines(gongkai, plain) == {"1": "2016-10-10", "2": "2016-10-12", "3": "2016-01-31"}
    # 本办法 第三十条 counts 20日 as working days; item 2 keeps its own law
    assert _deadlines(gongkai, ruled) == {"1": "2016-10-21", "2": "2016-10-12", "3": "2016-01-31"}


def test_check_reports_an_unreadable_new_form_with_its_line(tmp_path: Path, gongkai: Run) -> None:
    path = tmp_path / "bad.yaml"
    text = (
        PLAN.format(default="")
        .replace("rule: 每年1月31日前", "rule: 每年的十十日前")
        .replace("    law: 行政处罚法", "    law: 刑法")
    )
    path.write_text(text, encoding="utf-8")
    result = gongkai("check", str(path))
    assert result.exit_code == 3
    lines = text.splitlines()
    bad_rule = lines.index("    rule: 每年的十十日前") + 1
    bad_law = lines.index("    law: 刑法") + 1
    assert f"{path}:{bad_rule}: 条目 3：无法识别的期限“每年的十十日前”" in result.stdout + result.stderr
    assert f"{path}:{bad_law}: 条目 2 的 law：未知的法律“刑法”" in result.stdout + result.stderr


def test_plan_rule_may_be_a_clause_with_one_period(tmp_path: Path, gongkai: Run) -> None:
    clause = "行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定"
    text = PLAN.format(default="").replace("rule: 受理之日起二十日内", f"rule: {clause}", 1)
    path = tmp_path / "clause.yaml"
    path.write_text(text, encoding="utf-8")
    assert _deadlines(gongkai, path)["1"] == "2016-10-10"
    two = text.replace(f"rule: {clause}", "rule: 应当自受理之日起二十日内作出决定；延长期限不得超过十日")
    path.write_text(two, encoding="utf-8")
    result = gongkai("check", str(path))
    line = two.splitlines().index("    rule: 应当自受理之日起二十日内作出决定；延长期限不得超过十日") + 1
    assert result.exit_code == 3
    assert f"{path}:{line}: 条目 1的期限写法含 2 个期限" in result.stdout + result.stderr
