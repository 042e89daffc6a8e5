"""Issue 20: never silently wrong on real law. Each example of the issue, quoted from its
article (LawRefBook/Laws, the path given), answers as described: each period from its own
event (--event), every answer with its sense, ends of periods, 或者 answered by its outer
limit, and the smaller forms. Expected dates computed by hand from the counting rules
(docs/counting-rules.md) and the 2024 holiday arrangement (国庆 10-01..10-07 with
09-29 and 10-12 worked; 中秋 09-15..09-17; 2025 春节 01-28..02-04)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run

# (source, text, --from, more options, expected periods: (deadline, sense, needs_event))
Period = tuple[str | None, str, str | None]
ROWS: list[tuple[str, str, str, tuple[str, ...], list[Period]]] = [
    (
        "公司法 第一百七十三条; LawRefBook/Laws, 民法商法/公司法(2018-10-26).md",
        "债权人自接到通知书之日起三十日内，未接到通知书的自公告之日起四十五日内，可以要求公司清偿债务或者提供相应的担保。",
        "2024-09-30",
        (),
        [("2024-10-30", "deadline", None), (None, "deadline", "公告")],
    ),
    (
        "公司法 第一百七十三条 (the notice dated); LawRefBook/Laws, 民法商法/公司法(2018-10-26).md",
        "债权人自接到通知书之日起三十日内，未接到通知书的自公告之日起四十五日内，可以要求公司清偿债务或者提供相应的担保。",
        "2024-09-30",
        ("--event", "公告=2024-10-08"),
        [("2024-10-30", "deadline", None), ("2024-11-22", "deadline", None)],
    ),
    (
        "市场监督管理行政处罚信息公示规定 第十条; LawRefBook/Laws, "
        "部门规章/市场监督管理总局/市场监督管理行政处罚信息公示规定(2021-07-30).md",
        "市场监督管理部门应当自作出行政处罚决定之日起十个工作日内通过本省、自治区、直辖市市场监督管理部门"
        "将行政处罚信息推送至当事人登记地（住所地）市场监督管理部门，由其协助在收到行政处罚信息之日起十个工作日内"
        "将行政处罚信息通过国家企业信用信息公示系统进行公示。",
        "2024-09-30",
        (),
        [("2024-10-18", "deadline", None), (None, "deadline", "收到行政处罚信息")],
    ),
    (
        "市场监督管理行政处罚信息公示规定 第十条 (receipt dated, 收到 matches loosely); LawRefBook/Laws, "
        "部门规章/市场监督管理总局/市场监督管理行政处罚信息公示规定(2021-07-30).md",
        "市场监督管理部门应当自作出行政处罚决定之日起十个工作日内通过本省、自治区、直辖市市场监督管理部门"
        "将行政处罚信息推送至当事人登记地（住所地）市场监督管理部门，由其协助在收到行政处罚信息之日起十个工作日内"
        "将行政处罚信息通过国家企业信用信息公示系统进行公示。",
        "2024-09-30",
        ("--event", "收到=2024-10-21"),
        [("2024-10-18", "deadline", None), ("2024-11-04", "deadline", None)],
    ),
    (
        "国内水路运输管理条例 第二十一条; LawRefBook/Laws, 行政法规/国内水路运输管理条例(2023-07-20).md",
        "旅客班轮运输业务经营者应当自取得班轮航线经营许可之日起60日内开航，并在开航15日前公布所使用的船舶、"
        "班期、班次、运价等信息。",
        "2024-09-02",
        (),
        [("2024-11-01", "deadline", None), (None, "deadline", "开航")],
    ),
    (
        "国内水路运输管理条例 第二十一条 (开航 dated); "
        "LawRefBook/Laws, 行政法规/国内水路运输管理条例(2023-07-20).md",
        "旅客班轮运输业务经营者应当自取得班轮航线经营许可之日起60日内开航，并在开航15日前公布所使用的船舶、"
        "班期、班次、运价等信息。",
        "2024-09-02",
        ("--event", "开航=2024-10-25"),
        [("2024-11-01", "deadline", None), ("2024-10-10", "deadline", None)],
    ),
    (
        "专利法实施细则 第六条; LawRefBook/Laws, 行政法规/专利法实施细则(2023-12-11).md",
        "当事人因不可抗拒的事由而延误专利法或者本细则规定的期限或者国务院专利行政部门指定的期限，导致其权利丧失的，"
        "自障碍消除之日起2个月内且自期限届满之日起2年内，可以向国务院专利行政部门请求恢复权利。",
        "2024-09-02",
        (),
        [("2024-11-04", "deadline", None), (None, "deadline", "期限届满")],
    ),
    (
        "民事诉讼法 第一百八十七条; LawRefBook/Laws, 诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md",
        "人民法院适用特别程序审理的案件，应当在立案之日起三十日内或者公告期满后三十日内审结。",
        "2024-09-02",
        (),
        [("2024-10-08", "deadline", None), (None, "deadline", "公告期满")],
    ),
    (
        "国境卫生检疫法实施细则 第七十八条; LawRefBook/Laws, 行政法规/国境卫生检疫法实施细则(2019-03-02).md",
        "从船舶到达时算起5日内，船上的船员除因工作需要，并且经卫生检疫机关许可外，不准上岸",
        "2024-09-30",
        (),
        [("2024-10-05", "restriction", None)],  # a ban: not moved to 10-08
    ),
    (
        "治安管理处罚法 第二十四条; LawRefBook/Laws, 行政法/治安管理处罚法(2012-10-26).md",
        "因扰乱体育比赛秩序被处以拘留处罚的，可以同时责令其十二个月内不得进入体育场馆观看同类比赛；"
        "违反规定进入体育场馆的，强行带离现场。",
        "2024-09-30",
        (),
        [("2025-09-30", "restriction", None)],
    ),
    (
        "证券法 第六十三条; LawRefBook/Laws, 民法商法/证券法(2019-12-28).md",
        "违反第一款、第二款规定买入上市公司有表决权的股份的，在买入后的三十六个月内，"
        "对该超过规定比例部分的股份不得行使表决权。",
        "2020-01-02",
        (),
        [("2023-01-02", "restriction", None)],  # 2023-01-02 is 元旦 observed: not moved
    ),
    (
        "机动车登记规定 第二十七条; LawRefBook/Laws, 部门规章/公安部/机动车登记规定(2021-12-17).md",
        "核发有效期为三十日的临时行驶车号牌",
        "2024-09-02",
        (),
        [("2024-10-02", "restriction", None)],  # a validity: its end, on a holiday, not moved
    ),
    (
        "船舶吨税法 第九条; LawRefBook/Laws, 经济法/船舶吨税法(2018-10-26).md",
        "（三）吨税执照期满后二十四小时内不上下客货的船舶；",
        "2024-09-30",
        (),
        [(None, "condition", None)],
    ),
    (
        "道路交通事故处理程序规定 第八十三条; "
        "LawRefBook/Laws, 部门规章/公安部/道路交通事故处理程序规定(2018-02-02).md",
        "专业运输单位六个月内两次发生一次死亡三人以上事故，且单位或者车辆驾驶人对事故承担全部责任或者主要责任的，"
        "专业运输单位所在地的公安机关交通管理部门应当报经设区的市公安机关交通管理部门批准后，"
        "作出责令限期消除安全隐患的决定，禁止未消除安全隐患的机动车上道路行驶。",
        "2024-09-30",
        (),
        [(None, "condition", None)],
    ),
    (
        "烟叶税法 第九条; LawRefBook/Laws, 经济法/烟叶税法(2017-12-27).md",
        "烟叶税按月计征，纳税人应当于纳税义务发生月终了之日起十五日内申报并缴纳税款。",
        "2024-09-10",
        (),
        [("2024-10-15", "deadline", None)],
    ),
    (
        "海洋石油勘探开发环境保护管理条例 第十九条; "
        "LawRefBook/Laws, 行政法规/海洋石油勘探开发环境保护管理条例(1983-12-29).md",
        "企业和作业者在每季度末后十五日内，应按主管部门批准的格式，向主管部门综合报告该季度防污染工作情况",
        "2024-08-10",
        (),
        [("2024-10-15", "deadline", None)],
    ),
    (
        "印花税法 第十六条 (week); LawRefBook/Laws, 经济法/印花税法(2021-06-10).md",
        "证券交易印花税扣缴义务人应当自每周终了之日起五日内申报解缴税款以及银行结算的利息。",
        "2024-11-06",
        (),
        [("2024-11-15", "deadline", None)],  # the week ends on Sunday 11-10
    ),
    (
        "issue 20, Why, point 4 (a quarter named: 一季度后8日)",
        "一季度后8日",
        "2024-02-01",
        (),
        [("2024-04-08", "deadline", None)],
    ),
    (
        "商业银行法 第五十六条; LawRefBook/Laws, 民法商法/商业银行法(2015-08-29).md",
        "商业银行应当于每一会计年度终了三个月内，按照国务院银行业监督管理机构的规定，公布其上一年度的经营业绩和审计报告。",
        "2024-06-01",
        (),
        [("2025-03-31", "deadline", None)],
    ),
    (
        "证券法 第七十九条; LawRefBook/Laws, 民法商法/证券法(2019-12-28).md",
        "（一）在每一会计年度结束之日起四个月内，报送并公告年度报告",
        "2024-06-01",
        (),
        [("2025-04-30", "deadline", None)],
    ),
    (
        "印花税法 第十六条 (季度、年度: one answer each); LawRefBook/Laws, 经济法/印花税法(2021-06-10).md",
        "实行按季、按年计征的，纳税人应当自季度、年度终了之日起十五日内申报缴纳税款",
        "2024-08-01",
        (),
        [("2024-10-15", "deadline", None), ("2025-01-15", "deadline", None)],
    ),
    (
        "农民专业合作社登记管理条例 第二十二条; "
        "LawRefBook/Laws, 行政法规/农民专业合作社登记管理条例(2014-02-19).md",
        "农民专业合作社成员发生变更的，应当自本财务年度终了之日起30日内，将法定代表人签署的修改后的成员名册报送登记机关备案。",
        "2024-06-01",
        (),
        [("2025-02-05", "deadline", None)],  # 2025-01-30 is in 春节: rolled to 02-05
    ),
    (
        "issue 20, Why, point 4 (a schedule per period: 第四季度 为 次年一月十日截至)",
        "第四季度为次年一月十日截至",
        "2024-10-01",
        (),
        [("2025-01-10", "deadline", None)],
    ),
    (
        "issue 20, Why, point 6 (左右, in traditional characters)",
        "用一年左右時間",
        "2024-09-30",
        (),
        [("2025-09-30", "approximate", None)],
    ),
    (
        "国家赔偿法 第十二条; LawRefBook/Laws, 宪法相关法/国家赔偿法(2012-10-26).md",
        "申请材料不齐全的，赔偿义务机关应当当场或者在五日内一次性告知赔偿请求人需要补正的全部内容。",
        "2024-09-30",
        (),
        [("2024-09-30", "deadline", None), ("2024-10-08", "deadline", None)],
    ),
    (
        "注册建筑师条例 第十七条; LawRefBook/Laws, 行政法规/注册建筑师条例(2019-04-23).md",
        "有效期届满需要继续注册的，应当在期满前30日内办理注册手续。",
        "2024-09-30",
        (),
        [("2024-09-29", "window", None)],
    ),
    (
        "市场主体登记管理条例 第三十三条; LawRefBook/Laws, 行政法规/市场主体登记管理条例(2021-07-27).md",
        "有关部门在10日内没有提出异议的，可以直接办理注销登记。",
        "2024-09-30",
        (),
        [("2024-10-10", "window", None)],
    ),
    (
        "刑事诉讼法 第二百二十五条; LawRefBook/Laws, 诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md",
        "适用速裁程序审理案件，人民法院应当在受理后十日以内审结；对可能判处的有期徒刑超过一年的，可以延长至十五日。",
        "2024-09-02",
        (),
        [("2024-09-12", "deadline", None), ("2024-09-18", "deadline", None)],  # 15 days from 受理
    ),
]


def _answer(gongkai: Run, text: str, start: str, more: tuple[str, ...]) -> dict[str, Any]:
    result = gongkai("deadline", text, "--from", start, *more, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize(("source", "text", "start", "more", "expected"), ROWS, ids=[r[0][:30] for r in ROWS])
def test_each_period_reads_as_the_law_means(
    gongkai: Run, source: str, text: str, start: str, more: tuple[str, ...], expected: list[Period]
) -> None:
    data = _answer(gongkai, text, start, more)
    have = [(p["deadline"], p["sense"], p["needs_event"]) for p in data["periods"]]
    assert have == expected, source


def test_a_period_waiting_for_its_event_says_which_in_plain_text(gongkai: Run) -> None:
    """公司法 第一百七十三条: the later period is listed, not dated from --from."""
    text = ROWS[0][1]
    out = gongkai("deadline", text, "--from", "2024-09-30", "--format", "plain").stdout
    assert "公告之日起四十五日内：需要“公告之日”的日期（--event 公告=日期）" in out
    assert "2024-11-14" not in out  # what --from + 45 days would have said


def test_counting_back_from_a_later_event_before_the_first_is_flagged(gongkai: Run) -> None:
    """国内水路运输管理条例 第二十一条: 开航 on 09-10 puts 开航15日前 before the permit day."""
    data = _answer(gongkai, ROWS[4][1], "2024-09-02", ("--event", "开航=2024-09-10"))
    second = data["periods"][1]
    assert second["deadline"] == "2024-08-26"
    assert any("早于起算日 2024-09-02" in w for w in second["warnings"])


def test_alternatives_answer_their_outer_limit(gongkai: Run) -> None:
    """当场或者在五日内 (国家赔偿法 第十二条): the top level is the 5-day date; 民事诉讼法
    第一百八十七条 with 公告期满 dated: the later of the two."""
    data = _answer(gongkai, "应当当场或者在五日内一次性告知", "2024-09-30", ())
    assert data["deadline"] == "2024-10-08"
    assert [p["deadline"] for p in data["periods"]] == ["2024-09-30", "2024-10-08"]
    data = _answer(gongkai, ROWS[7][1], "2024-09-02", ("--event", "公告期满=2024-09-20"))
    assert data["deadline"] == "2024-10-21"
    assert [p["deadline"] for p in data["periods"]] == ["2024-10-08", "2024-10-21"]


def test_windows_give_their_first_day(gongkai: Run) -> None:
    """注册建筑师条例 第十七条 (期满前30日内) and 市场主体登记管理条例 第三十三条 (异议期)."""
    window = _answer(gongkai, ROWS[25][1], "2024-09-30", ())["periods"][0]
    assert (window["window_start"], window["deadline"]) == ("2024-08-31", "2024-09-29")
    objection = _answer(gongkai, ROWS[26][1], "2024-09-30", ())["periods"][0]
    assert (objection["window_start"], objection["deadline"]) == ("2024-10-01", "2024-10-10")


def test_an_age_is_never_a_period(gongkai: Run) -> None:
    """机动车驾驶证申领和使用规定 第六十五条: 年龄在70周岁以上的 is no 70 weeks."""
    text = (
        "年龄在70周岁以上的，不得驾驶低速载货汽车、三轮汽车、轻型牵引挂车、普通三轮摩托车、普通二轮摩托车。"
    )
    result = gongkai("deadline", text, "--from", "2024-09-30", "--format", "json")
    assert result.exit_code == 3
    assert "2026-02-" not in result.output  # 70 weeks after 2024-09-30


def test_approximate_and_extended_to_are_said(gongkai: Run) -> None:
    approximate = _answer(gongkai, "用一年左右時間", "2024-09-30", ())
    assert any("左右" in w for w in approximate["warnings"])
    extended = _answer(gongkai, ROWS[-1][1], "2024-09-02", ())["periods"][1]
    assert any("延长至" in w and "自原起算日起算" in w for w in extended["warnings"])


@pytest.mark.parametrize("fmt", ["plain", "table", "json"])
@pytest.mark.parametrize("explain", [(), ("--explain",)])
def test_every_format_shows_the_sense(gongkai: Run, fmt: str, explain: tuple[str, ...]) -> None:
    out = gongkai(
        "deadline", "责令其十二个月内不得进入体育场馆", "--from", "2024-09-30", "--format", fmt, *explain
    )
    assert out.exit_code == 0, out.output
    assert ("restriction" if fmt == "json" else "限制期间") in out.stdout


@pytest.mark.parametrize("fmt", ["plain", "csv", "json"])
def test_batch_output_shows_the_sense(gongkai: Run, fmt: str) -> None:
    rows = (
        "anchor,rule\n2024-09-30,六个月内两次发生一次死亡三人以上事故的\n"
        "2024-09-30,应当在期满前30日内办理注册手续\n"
    )
    out = gongkai("deadline", "--batch", "--format", fmt, input=rows)
    assert out.exit_code == 0, out.output
    if fmt == "json":
        senses = [json.loads(line)["sense"] for line in out.stdout.splitlines()]
        assert senses == ["condition", "window"]
    else:
        assert "条件中的期间" in out.stdout and "2024-08-31" in out.stdout


def test_a_malformed_event_is_a_usage_error(gongkai: Run) -> None:
    result = gongkai("deadline", "15日内", "--from", "2024-09-30", "--event", "公告")
    assert result.exit_code == 2
    assert "事件=日期" in result.output


# issue 21, point 3: forms offices write in plans (docs/counting-rules.md, 计划中的写法)
PLAN_FORMS = [
    ("长期推进", "2024-01-01", None),
    ("常态化", "2024-01-01", None),
    ("2021年8月前", "2021-01-01", "2021-07-31"),
    ("2022年1月前", "2021-06-01", "2021-12-31"),
    ("11月中旬前完成", "2024-01-01", "2024-11-20"),
    ("11月上旬", "2024-01-01", "2024-11-10"),
    ("11月下旬前", "2024-01-01", "2024-11-30"),
    ("一季度末", "2024-01-01", "2024-03-31"),
    ("年中", "2024-01-01", "2024-06-30"),
    ("上半年", "2024-01-01", "2024-06-30"),
]


@pytest.mark.parametrize(("text", "start", "expected"), PLAN_FORMS)
def test_plan_forms(gongkai: Run, text: str, start: str, expected: str | None) -> None:
    data = _answer(gongkai, text, start, ())
    assert data["deadline"] == expected


def test_january_before_needs_its_year(gongkai: Run) -> None:
    result = gongkai("deadline", "1月前", "--from", "2024-01-01")
    assert result.exit_code == 3
    assert "上一年的12月31日" in result.output


def test_plan_forms_read_in_a_plan(gongkai: Run, tmp_path: Path) -> None:
    """The same forms as rules of a plan file: checked valid, dated by `tasks`."""
    items = "".join(
        f'  - id: "{n}"\n    section: 一、\n    title: 工作{n}\n    text: {rule}。\n'
        f"    lead: []\n    owners: [区政府办公室]\n    rule: {rule}\n"
        for n, rule in enumerate(("长期推进", "2021年8月前", "11月中旬前完成", "11月上旬"), 1)
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "format: 1\nplan:\n  title: 2021年政务公开工作要点\n  issuer: 某区人民政府办公室\n"
        f"  issued: 2021-04-20\n  year: 2021\nitems:\n{items}",
        encoding="utf-8",
    )
    assert gongkai("check", str(plan)).exit_code == 0
    result = gongkai("tasks", "--tasks", str(plan), "--format", "json", "--today", "2021-05-01")
    assert result.exit_code == 0, result.output
    dated = {item["id"]: item["deadline"] for item in json.loads(result.stdout)["items"]}
    assert dated == {"1": None, "2": "2021-07-31", "3": "2021-11-20", "4": "2021-11-10"}


def test_each_sense_has_one_home_a_label_and_a_documented_value() -> None:
    """Sense (phrases/vocabulary.py) is the one list; every format words each value."""
    from typing import get_args

    from gongkai_cli.phrases.vocabulary import SENSES, Sense
    from gongkai_cli.render.deadlines import SENSE_LABELS

    assert get_args(Sense) == SENSES
    assert set(SENSE_LABELS) == set(SENSES)
    page = (Path(__file__).resolve().parents[1] / "docs" / "senses.md").read_text(encoding="utf-8")
    assert all(f"| `{sense}` |" in page for sense in SENSES)


@pytest.mark.parametrize("fmt", ["plain", "table"])
@pytest.mark.parametrize("explain", [(), ("--explain",)])
def test_every_format_says_which_event_is_needed(gongkai: Run, fmt: str, explain: tuple[str, ...]) -> None:
    """公司法 第一百七十三条, in each format: the event named, no date invented."""
    out = gongkai("deadline", ROWS[0][1], "--from", "2024-09-30", "--format", fmt, *explain)
    assert out.exit_code == 0, out.output
    assert "需要“公告之日”的日期" in out.stdout and "2024-11-14" not in out.stdout


def test_an_event_that_dates_nothing_is_said(gongkai: Run) -> None:
    result = gongkai(
        "deadline", "自收到申请之日起15日内", "--from", "2024-09-30", "--event", "公告=2024-10-01"
    )
    assert result.exit_code == 0
    assert "--event 公告 没有用上" in result.stderr
