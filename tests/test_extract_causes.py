"""Causes found by the first blind drafting set (tests/fixtures/blind-drafting, issue 21),
each fixed in general form and tested here on a short excerpt of the document that showed
it (tests/fixtures/extract/causes/SOURCES.md) or on a ledger built like the office's:
a Word or Excel header cell merged over the 序号 column, standing owners (以下均需…落实),
a document whose assignments give no deadline, numbered lines that start with a year, a
web page's footer, a table copied one cell a line with a bar after each cell, and a page
that stops after the last bracket."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from gongkai_cli.plan.drafting.extract import extract_plan
from gongkai_cli.plan.drafting.model import Draft
from tests.conftest import Run

CAUSES = Path(__file__).parent / "fixtures" / "extract" / "causes"

# 池州市信访局's task list (https://xfj.chizhou.gov.cn/OpennessContent/show/1426818.html),
# rows 1, 3 and 4: the 工作任务 header spans the group column and the 序号 column, and the
# group cell 做好主动公开基础工作 is merged down over rows 3 and 4.
CHIZHOU_HEADER = ("工作任务", "具体要求", "责任科室", "时限要求")
CHIZHOU_ROWS = (
    (
        "强化行政规范性文件集中规范公开",
        "1",
        "对行政规范性文件进行全面清理,并向社会公布现行有效行政规范性文件目录。",
        "办公室",
        "年底前",
    ),
    (
        "做好主动公开基础工作",
        "3",
        "严格规范政府信息公开专栏,及时、集中、规范发布法定主动公开内容。",
        "各科室",
        "持续推进",
    ),
    ("做好主动公开基础工作", "4", "规范做好政府信息公开工作年度报告编制发布工作。", "办公室", "持续推进"),
)


def draft(name: str) -> Draft:
    return extract_plan((CAUSES / name).read_text(encoding="utf-8"), name)


def plan_flags(got: Draft) -> list[str]:
    return [w.message for w in got.warnings if w.line is None]


def items_of(output: str) -> list[dict[str, Any]]:
    return [dict(i) for i in yaml.safe_load(output)["items"]]


def test_a_word_header_cell_merged_over_the_number_column(gongkai: Run, tmp_path: Path) -> None:
    """python-docx repeats a merged cell's text in every column it spans ("工作任务 \\t
    工作任务"): the second is the 序号 column, since its cells are numbers. Refused before
    ("没有找到编号的段落…或任务分工表")."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1 + len(CHIZHOU_ROWS), cols=5)
    top = table.rows[0].cells
    top[0].merge(top[1]).text = CHIZHOU_HEADER[0]
    for cell, text in zip(top[2:], CHIZHOU_HEADER[1:], strict=True):
        cell.text = text
    for r, row in enumerate(CHIZHOU_ROWS, 1):
        for cell, text in zip(table.rows[r].cells, row, strict=True):
            cell.text = text
    group = table.rows[2].cells[0].merge(table.rows[3].cells[0])
    group.text = CHIZHOU_ROWS[1][0]
    path = tmp_path / "清单.docx"
    document.save(str(path))
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 0, result.output
    got = [(i["id"], i["owners"], i["rule"], i["section"]) for i in items_of(result.stdout)]
    assert got == [
        ("1", ["办公室"], "年底前", "强化行政规范性文件集中规范公开"),
        ("3", ["各科室"], "持续推进", "做好主动公开基础工作"),
        ("4", ["办公室"], "持续推进", "做好主动公开基础工作"),
    ]


def test_an_excel_header_cell_merged_over_the_number_column(gongkai: Run, tmp_path: Path) -> None:
    """Excel leaves the second cell of a merged header empty; 具体工作要求 is a detail
    column. Rows of 淮北市相山区's task list (https://www.hbxs.gov.cn/zwgk/public/33/64830078.html),
    its group cell merged down; before, the departments were not read at all."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["工作任务", None, "具体工作要求", "责任单位", "完成时限"])
    sheet.merge_cells("A1:B1")
    group = "一、深入推进政策公开,服务高质量发展"
    sheet.append(
        [
            group,
            1,
            "聚焦建设“美好相山”等重点工作,及时规范发布政策信息及执行效果。",
            "各区直部门、各镇(办)、经开区",
            "持续推进",
        ]
    )
    sheet.append(
        [None, 2, "深化“高效办成一件事”信息公开。", "区数据资源局、区投资促进局、各镇(办)", "持续推进"]
    )
    sheet.merge_cells("A2:A3")
    path = tmp_path / "清单.xlsx"
    book.save(path)
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 0, result.output
    got = [(i["id"], i["owners"], i["section"]) for i in items_of(result.stdout)]
    assert got == [
        ("1", ["各区直部门", "各镇(办)", "经开区"], group),
        ("2", ["区数据资源局", "区投资促进局", "各镇(办)"], group),
    ]
    assert all(i["title"].startswith(("聚焦", "深化")) for i in items_of(result.stdout))


def test_a_merged_header_cell_over_text_is_not_a_number_column() -> None:
    """Only numbers below it make the repeated header cell a 序号: over text it stays a
    duplicate, and the line is not read as a table header."""
    text = "工作任务\t工作任务\t责任单位\t完成时限\n做好甲\t公开目录\t办公室\t年底前\n"
    with pytest.raises(Exception, match="没有找到"):
        extract_plan(text, "doc.txt")


def test_standing_owners_join_every_later_duty() -> None:
    """荆门 2022: "责任单位：市直各部门，各县市区，以下均需各县市区落实，不再逐一列出" names
    各县市区 for this duty and every later one; the words saying so are not names."""
    got = draft("jingmen-2022-standing.txt")
    assert got.header.title == "2022年荆门市政务公开重点工作任务分解"  # a 任务分解 title
    assert [(i.id, i.lead, i.owners) for i in got.items] == [
        ("1.1.1", ("市审批局", "市发改委", "市市场监管局"), ("市直各部门", "各县市区")),
        ("1.1.2", ("市商务局", "市文旅局", "市交通运输局"), ("市直各部门", "各县市区")),
        ("1.1.3", ("市发改委", "市审批局"), ("市直各部门", "各县市区")),
    ]


def test_standing_owners_do_not_reach_a_paragraph_without_its_own_assignment() -> None:
    text = (
        "2022年某市政务公开工作要点\n某市人民政府办公室\n2022年3月1日\n"
        "一、做好公开\n1.做好甲。(牵头单位:市审批局;责任单位:市直各部门,以下均需各县市区落实)\n"
        "2.做好乙。(牵头单位:市商务局;完成时限:6月底前)\n3.做好丙。\n"
    )
    got = extract_plan(text, "doc.txt")
    assert [(i.id, i.owners) for i in got.items] == [
        ("1.1", ("市直各部门", "各县市区")),
        ("1.2", ("各县市区",)),
        ("1.3", ()),  # no assignment of its own: flagged, not given the standing owners
    ]
    assert any("没有找到负责部门" in f for f in got.items[2].flags)


def test_a_document_whose_assignments_give_no_deadline_says_so_once() -> None:
    """荆门 2022's brackets name departments only: no item is flagged for it, the plan is,
    once. One bracket with a deadline makes the others' missing ones doubts again."""
    got = draft("jingmen-2022-standing.txt")
    assert [i.flags for i in got.items] == [(), (), ()]
    assert sum("都没有写期限" in m for m in plan_flags(got)) == 1
    text = (CAUSES / "jingmen-2022-standing.txt").read_text(encoding="utf-8")
    dated = text.replace("责任单位:市直各部门)", "责任单位:市直各部门;完成时限:6月底前)", 1)
    assert dated != text
    got = extract_plan(dated, "doc.txt")
    assert [bool(i.flags) for i in got.items] == [True, False, True]
    assert not any("都没有写期限" in m for m in plan_flags(got))


def test_numbered_lines_that_start_with_a_year_and_a_page_footer() -> None:
    """彰武 2020: "1.2020年9月底前制定工作方案" is item 1 (not the decimal 1.2), and the
    site's footer (主办单位…版权所有, 公网安备, ICP备) is no item nor anyone's department."""
    got = draft("zhangwu-2020-years.txt")
    ids = [i.id for i in got.items]
    assert ids == ["2.1.1", "2.1.2", "2.1.3", "3.1", "3.2", "3.3"]
    by_id = {i.id: i for i in got.items}
    assert (by_id["3.1"].rule, by_id["3.2"].rule, by_id["3.3"].rule) == (
        "2020年9月底前",
        "2020年11月底前",
        "2022年3月底前",
    )
    # a title is the duty, not the deadline it starts with
    assert (by_id["3.1"].title, by_id["3.3"].title) == ("制定工作方案", "对全县26个领域进行验收")
    assert not any("版权" in n for i in got.items for n in (*i.lead, *i.owners))
    assert all(i.flags for i in got.items)  # no owner is named anywhere: each is a doubt


def test_a_table_with_a_bar_after_each_cell() -> None:
    """宣城文旅局 2022: one cell a line, each ending in "|", rows closed by "||" or
    "|||||"; a group row; the 备注 gives the time limit. Before, the bars and the task
    cells were drafted as items of their own. The metadata block's values lose their bars."""
    got = draft("xuancheng-2022-barred.txt")
    assert got.header.issuer == "宣城市文化和旅游局(宣城市广播电视新闻出版局)"
    assert [(i.id, i.owners, i.rule, i.section) for i in got.items] == [
        (
            "1",
            ("市政府各部门", "各直属机构", "各县市区政府"),
            "11月底前完成",
            "一、年底前专项工作任务 1.行政规范性文件集中公开",
        ),
        ("2", (), "年底前", "一、年底前专项工作任务 2.基层政务公开提升"),
    ]
    assert got.items[0].flags == ()
    # the page stops inside row 2: its department cell is missing, not the row above's
    assert [f for f in got.items[1].flags if "没有找到负责部门" in f]


def test_a_page_that_stops_after_the_last_bracket() -> None:
    """潍坊 2017: the page stops inside the last row's department cell ("…市金融办、人民银").
    That paragraph is a duty cut short, flagged, not closing text dropped."""
    got = draft("weifang-2017-cut.txt")
    assert [i.id for i in got.items] == ["1.1a", "1.1b", "1.1c"]
    last = got.items[-1]
    assert last.title.startswith("加强市内外舆情收集研判")
    assert last.flags
    assert any("文本在此中断" in w.message for w in got.warnings)


def test_a_closing_signature_is_not_a_cut_page() -> None:
    text = (
        "2016年某局政务公开工作要点\n一、做好公开\n（一）做好甲。（办公室负责，6月底前完成）\n"
        "（二）做好乙。（人事处负责，11月底完成）\n某省知识产权局办公室\n"
    )
    got = extract_plan(text, "doc.txt")
    assert [i.id for i in got.items] == ["1.1", "1.2"]
    assert not any("文本在此中断" in w.message for w in got.warnings)


def test_a_duty_that_names_a_hotline_is_not_a_footer() -> None:
    """Only a line without sentence marks is a footer: a duty about 举报热线 stays."""
    text = (
        "2022年某县政务公开工作要点\n某县人民政府办公室\n2022年3月1日\n"
        "一、做好公开\n1.公开投诉举报热线:12345,及时回应关切。(县政务办负责)\n"
        "2.做好乙。(县财政局负责)\n"
        "网站监督举报热线:0418-0000000 网站举报邮箱:a@b.cn\n"
    )
    got = extract_plan(text, "doc.txt")
    assert [(i.id, i.owners) for i in got.items] == [("1.1", ("县政务办",)), ("1.2", ("县财政局",))]
    assert "举报热线" in got.items[0].text


def test_a_bar_alone_is_an_empty_cell_in_its_place() -> None:
    """In a table with a bar after each cell, a line "|" alone is an empty cell: the
    cells after it keep their columns."""
    text = (
        "2022年某局政务公开重点工作任务清单\n某局办公室\n2022年10月31日\n"
        "工作任务 |\n具体要求 |\n责任单位 |\n完成时限 |\n||\n"
        "1.做好甲 |\n|\n办公室 |\n11月底前 |\n||\n"
        "2.做好乙 |\n公开年报。 |\n财务科 |\n年底前 |\n||\n"
    )
    got = extract_plan(text, "doc.txt")
    assert [(i.id, i.owners, i.rule) for i in got.items] == [
        ("1", ("办公室",), "11月底前"),
        ("2", ("财务科",), "年底前"),
    ]


def test_closing_text_with_a_deadline_is_read_as_closing_even_unfinished() -> None:
    text = (
        "2016年某局政务公开工作要点\n一、做好公开\n（一）做好甲。（办公室负责，6月底前完成）\n"
        "各处室要于12月10日前将落实情况报送办公室并抄送有关单位和各直属机构的联系人\n"
    )
    got = extract_plan(text, "doc.txt")
    assert not any("文本在此中断" in w.message for w in got.warnings)
    assert [i.id for i in got.items] == ["1.1", "end.1"]


def test_rows_of_a_table_without_deadlines_count_as_dateless() -> None:
    """Brackets without deadlines beside a table without a 完成时限 column: the document
    gives no deadline anywhere, said for the plan (and for the table), on no item."""
    text = (
        "2022年某县政务公开工作要点\n某县人民政府办公室\n2022年3月1日\n"
        "一、做好公开\n1.做好甲。(县政务办负责)\n2.做好乙。(县财政局负责)\n"
        "附件\n序号\t工作任务\t责任单位\n1\t做好丙\t县教育局\n2\t做好丁\t县民政局\n"
    )
    got = extract_plan(text, "doc.txt")
    assert [(i.id, i.flags) for i in got.items] == [("1.1", ()), ("1.2", ()), ("1", ()), ("2", ())]
    assert sum("都没有写期限" in m for m in plan_flags(got)) == 1
