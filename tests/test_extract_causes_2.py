"""Causes found by the second blind drafting set (tests/fixtures/blind-drafting-2,
issue 21), each fixed in general form and tested here on a short excerpt of the document
that showed it (tests/fixtures/extract/causes/SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from gongkai_cli.plan.drafting.departments import split_outside
from gongkai_cli.plan.drafting.extract import extract_plan
from gongkai_cli.plan.drafting.model import Draft
from tests.conftest import Run

CAUSES = Path(__file__).parent / "fixtures" / "extract" / "causes"


def draft(name: str) -> Draft:
    return extract_plan((CAUSES / name).read_text(encoding="utf-8"), name)


def plan_flags(got: Draft) -> list[str]:
    return [w.message for w in got.warnings if w.line is None]


def test_a_piped_table_whose_header_says_main_work_tasks() -> None:
    """浙江 2022 (a 区): the header "主要工作任務 | 任務內容 | 完成時限 | 責任單位" names its
    task column 主要工作任务. Each row was a paragraph before, with no owner and no rule."""
    got = draft("zhejiang-district-2022-piped.txt")
    assert [(i.id, i.owners, i.rule) for i in got.items] == [
        ("1", ("区发改局", "区级其他有关部门", "各街道办事处"), "全年"),
        ("2", ("区发改局", "区级其他有关部门", "各街道办事处"), "全年"),
        ("3", ("区财政局", "区级其他有关部门", "各街道办事处"), "12月底前"),
    ]
    assert got.items[0].section.startswith("一、围绕省市区党委政府中心工作")
    assert all(not i.flags for i in got.items)


def test_cells_one_a_line_with_bars_and_rows_started_by_their_number() -> None:
    """宣城 2020: "序號 |" / "工 作 任 務 |" / "責任單位 |" / "時限要求 |" then "1 |" and the
    row's cells, with no line of bars between rows. Each row was one paragraph before,
    its text holding the department and deadline cells."""
    got = draft("xuancheng-2020-numbered-cells.txt")
    assert [(i.id, i.owners, i.rule) for i in got.items] == [
        ("1", ("市直26个试点领域业务主管部门",), "2020年10月底"),
        ("2", ("各县市区政府", "各乡镇政府", "街道办事处"), "2020年11月底"),
        ("3", ("市数据资源局", "各县市区政府", "各乡镇政府", "街道办事处"), "2020年底"),
        ("4", ("市数据资源局", "各县市区政府", "各乡镇政府", "街道办事处"), "2020年底"),
    ]
    assert got.items[1].text == "编制完善基层政务公开事项目录并按目录公开各类信息。"
    assert all(not i.flags for i in got.items)


def test_a_catalogue_pasted_with_bars_rows_short_of_merged_cells() -> None:
    """门头沟 2024: a 公开标准 list whose columns the drafter did not know (业务事项, 公开时限,
    and columns it does not read: 具体职责, 信息类别, 内容标准, 公开形式). Rows 2–5 lack their
    first (merged) cell, row 3 goes on over two lines, and "【联系方式】 | ||||||" lines
    continue row 1. Each row was a paragraph before, its rule the whole row."""
    got = draft("mentougou-2024-catalogue.txt")
    assert [(i.id, i.title, i.rule, i.event) for i in got.items] == [
        (str(n), "政务公开", "信息形成或者变更之日起20个工作日内", "信息形成或者变更") for n in range(1, 6)
    ]
    # no office column anywhere: each row asks for its office, once
    assert all(sum("没有找到负责部门" in f for f in i.flags) == 1 for i in got.items)


def test_a_catalogue_row_cut_by_the_page_keeps_its_cells_in_order() -> None:
    """A page that stops inside the last row: its cells are the first ones, not the last
    (the short rows above it are short of their first, merged cells)."""
    text = (
        "序号 | 业务事项 | 信息类别 | 公开时限 | 公开形式 |\n"
        "1 | 部门预算 | 资金信息 | 批复后20日内公开 | 政府网站 |\n"
        "2 | 资金信息 | 决算批复后20日内公开 | 政府网站 |\n"
        "3 | 政府采购信息 | 资金信息\n"
    )
    got = extract_plan(text, "doc.txt")
    # row 2's 业务事项 is merged with row 1's; row 3 stops after its first cells
    assert [(i.id, i.title, i.rule) for i in got.items] == [
        ("1", "部门预算", "批复后20日内公开"),
        ("2", "部门预算", "决算批复后20日内公开"),
        ("3", "政府采购信息", None),
    ]


def test_an_excel_catalogue_and_its_office_column(gongkai: Run, tmp_path: Path) -> None:
    """沅江市卫生健康局's 主动公开事项目录 (ledger 10 of the second set): the columns 事项名称,
    公开内容, 公开依据, 公开渠道, 公开时限, 公开责任. The office (公开责任) was not read
    before, nor the time limit, and the row was one paragraph of tab-joined cells."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "事项名称", "公开内容", "公开依据", "公开渠道", "公开时限", "公开 责任"])
    sheet.append(
        [
            1,
            "机构信息",
            "机关名称、办公地址、办公时间、联系方式、负责人姓名等。",
            "《中华人民共和国政府信息公开条例》",
            "政府网站",
            "自该政府信息形成或者变更之日起20个工作日内。",
            "办公室",
        ]
    )
    path = tmp_path / "目录.xlsx"
    book.save(str(path))
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 0, result.output
    (item,) = yaml.safe_load(result.stdout)["items"]
    assert (item["owners"], item["event"]) == (["办公室"], "该政府信息形成或者变更")
    assert item["text"].startswith("机关名称")


def test_a_word_indicator_table_its_levels_are_sections(gongkai: Run, tmp_path: Path) -> None:
    """周村区卫生健康局 2021 (ledger 11 of the second set): an indicator table 一级指标 …
    五级指标 | 责任科室、单位 with merged group cells. Refused before ("没有找到编号的段落…
    或任务分工表"): the deepest level is the duty, the others its sections."""
    import docx

    document = docx.Document()
    document.add_paragraph("区卫生健康局2021年度政务公开重点工作任务分解及分工")
    header = ("一级指标", "二级指标", "三级指标", "责任科室、单位")
    rows = (
        ("主动公开", "养老服务", "是否及时公开本地区老年人养老保障、补贴相关政策", "中医科"),
        ("主动公开", "养老服务", "是否按月度公开本区域各项老年人补贴发放总金额", "中医科"),
        ("主动公开", "医疗卫生", "是否公开本地区卫生健康领域基层政务公开事项标准目录", "办公室"),
    )
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for r, row in enumerate(rows, 1):
        for cell, text in zip(table.rows[r].cells, row, strict=True):
            cell.text = text
    table.rows[1].cells[0].merge(table.rows[3].cells[0]).text = "主动公开"
    table.rows[1].cells[1].merge(table.rows[2].cells[1]).text = "养老服务"
    path = tmp_path / "分工.docx"
    document.save(str(path))
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 0, result.output
    got = [(i["section"], i["owners"], i["rule"]) for i in yaml.safe_load(result.stdout)["items"]]
    assert got == [
        ("主动公开 养老服务", ["中医科"], None),
        ("主动公开 养老服务", ["中医科"], "按月度公开"),
        ("主动公开 医疗卫生", ["办公室"], None),
    ]


def test_a_table_cell_of_two_offices_on_two_lines_is_two_names(gongkai: Run, tmp_path: Path) -> None:
    """周村区卫生健康局 2021: "医政医管与疾控监督科 区卫生健康监督执法大队" (two offices a line
    each in the Word cell) was one name, the space squeezed out."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "工作任务", "责任科室、单位"), strict=True):
        cell.text = text
    row = ("1", "公开传染病防治工作监督检查情况", "医政医管与疾控监督科\n区卫生健康监督执法大队")
    for cell, text in zip(table.rows[1].cells, row, strict=True):
        cell.text = text
    path = tmp_path / "分工.docx"
    document.save(str(path))
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 0, result.output
    (item,) = yaml.safe_load(result.stdout)["items"]
    assert item["owners"] == ["医政医管与疾控监督科", "区卫生健康监督执法大队"]


def test_before_a_quarter_is_read_as_its_end_and_asked() -> None:
    """浙江 2022 (a 区), row 4: "三季度前" is read as the third quarter's end (30 September)
    but may mean before it starts: one doubt, said. "三季度末前" has none."""
    text = (
        "主要工作任务 | 任务内容 | 完成时限 | 责任单位 |\n"
        "1.建立健全反馈机制。 | 三季度前 | 区发改局 |\n"
        "2.做好乙。 | 三季度末前 | 区财政局 |\n"
    )
    got = extract_plan(text, "doc.txt")
    assert [(i.rule, len(i.flags)) for i in got.items] == [("三季度前", 1), ("三季度末前", 0)]
    assert "三季度开始前" in got.items[0].flags[0]


def test_a_piped_row_cut_by_the_page_takes_nothing_from_the_row_above() -> None:
    """浙江 2022 (a 区): the page stops inside row 7, after its group cell and the start of
    its task. Its department and time limit were the row above's; now they are missing,
    and asked for."""
    text = (
        "主要工作任务 | 任务内容 | 完成时限 | 责任单位 |\n"
        "(一)聚焦甲 | 1.做好甲。 | 全年 | 区税务局 |\n"
        "(二)聚焦乙 | 2.完善为民办实事长效机制,着力提高民生实事征集"
    )
    got = extract_plan(text, "doc.txt")
    last = got.items[-1]
    assert (last.owners, last.rule, last.section) == ((), None, "(二)聚焦乙")
    assert any("没有找到负责部门" in f for f in last.flags)


def test_a_whole_plan_run_together_on_one_line() -> None:
    """绥棱县 2018 (a document site's text): title, preamble, 一、工作目标, 二、工作任务, （一）
    and 1. on one line. Refused before ("没有找到编号的段落…"); the line is cut at its
    markers, 一、工作目标 (run together with its text) is prose, and 1. is the duty."""
    got = draft("suileng-2018-one-line.txt")
    assert [(i.id, i.title) for i in got.items] == [("2.1.1", "把公开透明作为政府工作的基本要求")]
    assert got.items[0].section.startswith("二、工作任务 (一)围绕建设法治政府")


def test_a_long_paragraph_naming_numbers_inside_is_not_cut() -> None:
    """Only a line with a 一、 after a sentence is a plan run together: a long paragraph
    that names "（一）" and "1." inside it stays one paragraph."""
    long = "做好公开工作，" * 50
    text = (
        "2018年某县政务公开工作要点\n一、做好公开\n"
        f"（一）做好甲。{long}按照《条例》（一）项和（二）项规定，1.公开年报。（县政务办负责）\n"
    )
    got = extract_plan(text, "doc.txt")
    assert [(i.id, i.owners) for i in got.items] == [("1.1", ("县政务办",))]


def test_two_metadata_keys_on_a_line_with_empty_values() -> None:
    """长乐区 2020: "发布机构 生成日期" is two keys without values; the issuer was taken as
    "生成日期". Now it is not found, and asked for."""
    got = draft("changle-2020-empty-metadata.txt")
    assert got.header.issuer is None
    assert any("印发机关" in m for m in plan_flags(got))
    assert got.header.title == "长乐区人民政府办公室关于贯彻落实《2020年政务公开工作要点》的通知"


def test_host_and_co_host_are_lead_and_jointly() -> None:
    """江门市卫生健康局 2021: "局防控办主办、各工作组协办" was two names of one role, one of
    them "局防控办主办"; 主办 is the lead, 协办 jointly. "局主办科室" stays a name."""
    got = draft("jiangmen-2021-host.txt")
    roles = {i.id: (i.lead, i.owners, i.jointly) for i in got.items}
    assert roles["5"] == (("局防控办",), (), ("各工作组",))
    assert roles["4"] == ((), ("局主办科室",), ())


@pytest.mark.parametrize(
    ("first_lines", "title", "issuer", "year"),
    [
        # 周村区卫生健康局 2021 (ledger 11 of the second set): 任务分解及分工
        (
            "区卫生健康局2021年度政务公开重点工作任务分解及分工\n",
            "区卫生健康局2021年度政务公开重点工作任务分解及分工",
            None,
            2021,
        ),
        # 沅江市卫生健康局 (ledger 10 of the second set): a 事项目录 and its 公开主体
        (
            "沅江市卫生健康局政府信息主动公开事项目录\n公开主体:沅江市卫生健康局\n",
            "沅江市卫生健康局政府信息主动公开事项目录",
            "沅江市卫生健康局",
            None,
        ),
    ],
)
def test_titles_of_task_breakdowns_and_catalogues(
    first_lines: str, title: str, issuer: str | None, year: int | None
) -> None:
    text = first_lines + "序号\t工作任务\t责任科室\n1\t公开机构信息\t办公室\n"
    got = extract_plan(text, "doc.txt")
    assert (got.header.title, got.header.issuer, got.header.year) == (title, issuer, year)


@pytest.mark.parametrize(
    ("cell", "owners"),
    [
        # 宣城 2020, row 6: a bracket with 、 inside one name
        ("各县(市、区)政府,各乡镇政府、街道办事处", ("各县(市、区)政府", "各乡镇政府", "街道办事处")),
        ("各县（市、区）政府负责", ("各县（市、区）政府",)),
        ("市财政局、市审计局", ("市财政局", "市审计局")),
    ],
)
def test_a_comma_inside_a_bracket_does_not_split_a_name(cell: str, owners: tuple[str, ...]) -> None:
    text = f"某市2020年政务公开工作实施方案\n序号\t工作任务\t责任单位\n1\t公开年报\t{cell}\n"
    got = extract_plan(text, "doc.txt")
    assert got.items[0].owners == owners


@given(st.text(alphabet="甲乙局、（）()", max_size=30))
def test_splitting_outside_brackets_keeps_every_character(text: str) -> None:
    """The parts joined back are the text; a part has a 、 only inside a bracket."""
    parts = split_outside("、", text)
    assert "、".join(parts) == text
    for part in parts:
        depth = 0
        for char in part:
            depth += (char in "(（") - (char in ")）")
            assert char != "、" or depth > 0
