"""Prose causes found by the fifth blind drafting set (tests/fixtures/blind-drafting-5,
issue 21), each fixed in general form and tested here through the real CLI on the
document that showed it, or on an excerpt written like it (the set's SOURCES.md gives
each page's address). The first aim is that nothing is silently wrong: a reading the
drafter is not sure of carries a 待核对 flag saying what is unsure."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import FIXTURES, Run

SET5 = FIXTURES / "blind-drafting-5"


def _draft(gongkai: Run, tmp_path: Path, text: str | Path) -> tuple[dict[str, Any], str]:
    """(the draft as read back, its text with the 待核对 comments) of ``gongkai plan
    extract`` on ``text``."""
    if isinstance(text, Path):
        doc = text
    else:
        doc = tmp_path / "doc.txt"
        doc.write_text(text, encoding="utf-8")
    out = tmp_path / "plan.yaml"
    result = gongkai("plan", "extract", str(doc), "-o", str(out))
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8")
    return YAML(typ="safe").load(written), written


def _flags(written: str, item_id: str) -> list[str]:
    """The 待核对 comments written above item ``item_id``."""
    lines = written.splitlines()
    at = lines.index(f'  - id: "{item_id}"')
    flags: list[str] = []
    for line in reversed(lines[:at]):
        if not line.strip().startswith("# 待核对"):
            break
        flags.append(line.strip())
    return flags


def test_labelled_lines_are_their_duty_s_assignment(gongkai: Run, tmp_path: Path) -> None:
    """03 徐州 2008: each duty is followed by a 责任单位: line (names with brackets inside,
    市政府各部门(单位)) and a 完成时间: line ending in 。; they are the duty's assignment,
    never items of their own. The heading "(三)验收总结阶段根据" gives 根据 back to its text."""
    draft, written = _draft(gongkai, tmp_path, SET5 / "03-xuzhou-2008.txt")
    items = {i["id"]: i for i in draft["items"]}
    assert list(items) == ["4", "3"]
    assert items["4"]["title"] == "公示汇总"
    assert items["4"]["owners"] == [
        "市政府办公室",
        "市政府各部门(单位)",
        "各县(市)区政府",
        "部省属驻徐各单位",
    ]
    assert items["4"]["rule"] == "2008年3月20日前"
    assert items["3"]["title"] == "验收总结阶段"
    assert items["3"]["text"].startswith("根据《条例》规定")
    assert items["3"]["owners"] == ["市政府办公室"]
    assert items["3"]["rule"] == "2008年3月底"
    assert not any(i["title"] in {"责任单位", "完成时间"} for i in draft["items"])
    assert _flags(written, "4") == [] and _flags(written, "3") == []


@pytest.mark.parametrize(
    ("line", "owners"),
    [
        # 03 徐州 2008, the line under 4.公示汇总
        (
            "责任单位:市政府办公室,市政府各部门(单位)、各县(市)区政府。",
            ["市政府办公室", "市政府各部门(单位)", "各县(市)区政府"],
        ),
        ("责任单位：市财政局。", ["市财政局"]),
        # a list that runs long is still a label line
        (
            "责任单位:市政府办公室,市发展和改革委员会、市财政局、市人力资源和社会保障局、市自然资源和规划局、"
            "市住房和城乡建设局、市交通运输局、市农业农村局。",
            [
                "市政府办公室",
                "市发展和改革委员会",
                "市财政局",
                "市人力资源和社会保障局",
                "市自然资源和规划局",
                "市住房和城乡建设局",
                "市交通运输局",
                "市农业农村局",
            ],
        ),
    ],
)
def test_a_labelled_line_with_a_full_stop(gongkai: Run, tmp_path: Path, line: str, owners: list[str]) -> None:
    duty = "（一）编制目录。各单位要编制本单位的公开目录并上网公开。"
    text = f"一、工作任务\n{duty}\n{line}\n完成时间:2008年3月底。\n"
    draft, _ = _draft(gongkai, tmp_path, text)
    assert [(i["id"], i["owners"], i["rule"]) for i in draft["items"]] == [("1.1", owners, "2008年3月底")]


def test_a_heading_cut_inside_book_title_marks_runs_on(gongkai: Run, tmp_path: Path) -> None:
    """05 广西: "(八)全面落实《" / "中华人民共和国政府信息公开条例》。…": a heading is never cut
    inside 《》, so the line runs on. The duty's only subject is 各级各部门 (everyone): no
    office is named, which the flag says; "初步实现统一软件与各部门" is a clause, no office."""
    draft, written = _draft(gongkai, tmp_path, SET5 / "05-guangxi-yfwlgk.txt")
    items = {i["id"]: i for i in draft["items"]}
    assert items["8"]["title"] == "全面落实《中华人民共和国政府信息公开条例》"
    assert items["8"]["owners"] == [] and items["9"]["owners"] == []
    assert any("各级各部门”（泛指），没有点名负责部门" in f for f in _flags(written, "8"))
    assert _flags(written, "9")  # the page stops in it


def test_a_plan_run_together_on_one_line(gongkai: Run, tmp_path: Path) -> None:
    """06 红谷滩 2022: "二、目标任务 2022年,…" and "(一)强化重点领域信息公开 1、数字经济发展领域。…":
    the heading is cut from its text at the space, and so is a 1、 after a heading. The
    lead-in under 二、 is no item; the bracket's 「区商务局等…领导小组成员单位」 is flagged."""
    draft, written = _draft(gongkai, tmp_path, SET5 / "06-honggutan-2022.txt")
    items = {i["id"]: i for i in draft["items"]}
    assert list(items) == ["2.1.1", "2.1.2"]
    assert items["2.1.1"]["title"] == "数字经济发展领域"
    assert items["2.1.2"]["title"] == "优化营商"
    assert "区商务局" in items["2.1.1"]["owners"]
    assert any("区商务局等" in f for f in _flags(written, "2.1.1"))
    # the page stops in it, inside the one long line: that is its one doubt
    assert [f for f in _flags(written, "2.1.2") if "文本在此中断" in f] == _flags(written, "2.1.2") != []


@pytest.mark.parametrize(
    ("paragraph", "why"),
    [
        # as 06 红谷滩 2022's "二、目标任务 2022年,…" was drafted before it was read right
        ("（一）目标任务2022年，各部门要做好政务公开。（区政府办公室负责，年底前完成）", "以年份结尾"),
        # as 06's "(一)强化重点领域信息公开 1、数字经济发展领域。" was
        (
            "（一）强化公开 1、数字经济领域。各部门要公开数字经济政策。（区商务局负责，6月底前完成）",
            "中间有编号",
        ),
        # a label with a sentence after it, as 03 徐州 2008's labels were drafted before
        ("（一）公示汇总。（市政府办公室负责）\n完成时间：2008年3月底。各部门要按时完成。", "只是一个标注"),
    ],
)
def test_a_title_that_looks_misread_is_flagged(
    gongkai: Run, tmp_path: Path, paragraph: str, why: str
) -> None:
    """Never silently wrong: a title no duty has (a year at its end, a number inside it)
    is kept and flagged, saying what looks wrong."""
    draft, written = _draft(gongkai, tmp_path, f"一、主要任务\n{paragraph}\n")
    item = draft["items"][-1]
    assert any(why in f and item["title"] in f for f in _flags(written, item["id"]))


def test_a_right_title_is_not_flagged(gongkai: Run, tmp_path: Path) -> None:
    draft, written = _draft(
        gongkai,
        tmp_path,
        "一、主要任务\n（一）推进2022年预算公开。各部门要公开预算。（区财政局负责，6月底前完成）\n",
    )
    assert _flags(written, draft["items"][0]["id"]) == []


def test_a_department_that_reads_like_a_clause_is_flagged(gongkai: Run, tmp_path: Path) -> None:
    """05 广西's "初步实现统一软件与各部门应用系统衔接" was read as an office: a name saying
    what is done (实现, 加强 …) is kept where a bracket gives it, and flagged."""
    text = "一、主要任务\n（一）推进信息化。加快平台建设。（初步实现统一软件与各部门负责，年底前完成）\n"
    draft, written = _draft(gongkai, tmp_path, text)
    (item,) = draft["items"]
    assert item["owners"] == ["初步实现统一软件与各部门"]
    assert any("不像部门名称" in f for f in _flags(written, item["id"]))


STAGES = (
    "三、实施步骤\n"
    "（一）准备阶段（2008年1月1日至1月31日）\n"
    "1.制定方案。各部门要制定本单位的工作方案。\n"
    "责任单位：各部门\n"
    "完成时间：2008年1月20日前\n"
    "（二）验收总结阶段\n"
    "对各部门目录编制情况进行检查验收。\n"
    "责任单位：市政府办公室。\n"
    "完成时间：2008年3月底。\n"
)


def test_a_stage_heading_over_duties_is_no_item(gongkai: Run, tmp_path: Path) -> None:
    """A plan run in stages, written like 03 徐州 2008's 实施步骤: a stage with its period
    over numbered duties is no item (said in a warning); a stage whose own text carries
    责任单位 and 完成时间 lines, as 徐州's (三)验收总结阶段, is one, titled by the stage."""
    doc = tmp_path / "stages.txt"
    doc.write_text(STAGES, encoding="utf-8")
    result = gongkai("plan", "extract", str(doc))
    assert result.exit_code == 0, result.output
    assert "“准备阶段（2008年1月1日至1月31日）”是阶段标题" in result.stderr
    draft = YAML(typ="safe").load(result.stdout)
    rows = [(i["id"], i["title"], i["owners"], i["rule"]) for i in draft["items"]]
    assert rows == [
        ("3.1.1", "制定方案", ["各部门"], "2008年1月20日前"),
        ("3.2", "验收总结阶段", ["市政府办公室"], "2008年3月底"),
    ]


@pytest.mark.parametrize(
    "stage",
    [
        "（一）准备阶段（2008年1月1日至1月31日）",
        "（一）第一阶段：动员部署（2008年1月）",
        "（一）动员部署阶段",
    ],
)
def test_stage_headings_in_their_forms(gongkai: Run, tmp_path: Path, stage: str) -> None:
    doc = tmp_path / "stages.txt"
    doc.write_text(
        f"三、实施步骤\n{stage}\n1.制定方案。各部门要制定工作方案。\n责任单位：各部门\n", encoding="utf-8"
    )
    result = gongkai("plan", "extract", str(doc))
    assert result.exit_code == 0, result.output
    assert "是阶段标题" in result.stderr
    assert [i["id"] for i in YAML(typ="safe").load(result.stdout)["items"]] == ["3.1.1"]


def test_a_run_together_plan_with_1_dot_after_a_heading(gongkai: Run, tmp_path: Path) -> None:
    """06 红谷滩 2022's form with 1. instead of 1、: "(一)强化重点领域信息公开 1.数字经济发展领域。"."""
    body = "".join(
        [
            "根据上级文件精神，结合我区实际，制定本工作要点。 一、总体要求 做好2022年全区政务公开工作，",
            "要以公开促发展、以公开保民生，持续抓好政务公开各项工作，推动政务公开工作走深走实。 ",
            "二、重点任务 (一)强化重点领域信息公开 1.数字经济发展领域。在区政府网站开设专题，",
            "集中公开数字经济发展领域的政策规划。(责任单位:区政府办公室、区发改委) 2.优化营商环境。",
            "及时公开惠企政策，做好政策解读工作，围绕市场主体关切，集中发布涉企政策，开展政策进企业活动，",
            "提高政策知晓度和惠企政策兑现效率。(责任单位:区商务局) (二)加强平台建设 1.政府网站。",
            "加强区政府网站内容保障，及时更新政策文件、工作动态和办事服务信息，提升网站的权威性和实用性。",
            "(责任单位:区政府办公室)",
        ]
    )
    draft, _ = _draft(gongkai, tmp_path, f"2022年某区政务公开工作要点\n{body}\n")
    rows = [(i["id"], i["title"]) for i in draft["items"]]
    assert rows == [("2.1.1", "数字经济发展领域"), ("2.1.2", "优化营商环境"), ("2.2.1", "政府网站")]
