"""Task tables and catalogues in the forms the fifth blind drafting set found
(tests/fixtures/blind-drafting-5, SOURCES.md; issue 21, point 1 and point 6), each tested
on rows of its own through the real command line and citing the set-5 document it came
from. Two aims: never silently wrong (a header's part or an office standing alone is no
item; a row whose cells did not fit its columns, or under a header the reader did not
read whole, carries one doubt), and the patterns read right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import Run

TODAY = {"GONGKAI_TODAY": "2026-12-03"}
EVENT = "信息形成或者变更之日起20个工作日内"


def drafted(gongkai: Run, path: Path) -> tuple[list[dict[str, Any]], str, str]:
    """The draft's items, its text and the warnings."""
    result = gongkai("plan", "extract", str(path), env=TODAY)
    assert result.exit_code == 0, result.output
    return [dict(i) for i in yaml.safe_load(result.stdout)["items"]], result.stdout, result.stderr


def flags_of(text: str) -> dict[str, list[str]]:
    """The 待核对 comments above each item, by the item's id."""
    found: dict[str, list[str]] = {}
    pending: list[str] = []
    for line in text.split("\nitems:\n", 1)[1].splitlines():
        stripped = line.strip()
        if stripped.startswith("# 待核对"):
            pending.append(stripped)
        elif stripped.startswith("- id:"):
            found[stripped.split('"')[1]] = pending
            pending = []
    return found


def test_a_header_over_four_lines_and_rows_over_two(gongkai: Run, tmp_path: Path) -> None:
    """07 五原县民政局 主动公开事项目录: the header goes on over three more lines
    (事项类别 (法定公 开、其他) | 公开对象 | 责任处室 | 一级事项 …), rows break over two
    lines so that a line holds only the 时限, the office and the category. Before: the
    header's parts and 五原县民政局 drafted as items without a flag."""
    doc = tmp_path / "目录.txt"
    doc.write_text(
        "民政局主动公开事项目录 | ||||||||\n"
        "公开事项 | 公开内容(要素) | 公开时限 | 公开 主体 |\n"
        "事项类别 (法定公 开、其他) |\n"
        "公开对象 | 责任处室 | ||\n"
        "一级事项 | 二级事项 | 三级事项 | 全社会 | |||||\n"
        f"机关简介 | 基本信息 | 民政局办公地址、办公时间 | {EVENT} | 五原县民政局 | 法定公开 | 办公室 | ||\n"
        "政策法规 | 行政规范性文件 | 文件名称、文号、正文、发布机构、发布 时间 |\n"
        f"{EVENT} | 五原县民政局 | 法定公开 | 相关股室 | ||\n",
        encoding="utf-8",
    )
    items, text, warnings = drafted(gongkai, doc)
    titles = [i["title"] for i in items]
    for fragment in ("事项类别(法定公开、其他)", "公开对象", "二级事项", "五原县民政局"):
        assert fragment not in titles  # a header's part or an office is no item
    assert "是部门名称，不是事项" in warnings
    flags = flags_of(text)
    assert items and all(len(flags[i["id"]]) == 1 for i in items)  # one doubt each
    assert all("表头跨多行" in flags[i["id"]][0] for i in items)


@pytest.mark.parametrize(
    ("cell", "doubted"),
    [
        ("法定公开", True),  # 07 五原县民政局: the 事项类别 shifted into the 时限 column
        ("民政局领导姓名、照片、职务、分工等信息", True),  # 07: the content shifted
        ("与规范性文件同步发布", False),  # set 3, 10 a 县教育局: a limit
        (EVENT, False),
        ("2022年6月底前", False),
    ],
)
def test_a_deadline_cell_that_is_no_limit_is_doubted(
    gongkai: Run, tmp_path: Path, cell: str, doubted: bool
) -> None:
    """A 完成时限 cell that reads as no time limit: the row's cells did not fit their
    columns (07 五原县民政局). The rule is left null with one doubt saying so."""
    doc = tmp_path / "表.txt"
    doc.write_text(
        "序号 | 工作任务 | 完成时限 | 责任单位 |\n"
        f"1 | 公开机构职能信息,及时更新。 | {cell} | 办公室 |\n"
        "2 | 公开权责清单,及时更新。 | 2022年6月底前 | 办公室 |\n",
        encoding="utf-8",
    )
    items, text, _ = drafted(gongkai, doc)
    flags = flags_of(text)["1"]
    if doubted:
        assert items[0]["rule"] is None
        assert len(flags) == 1 and f"期限一栏是“{cell}”，不像期限" in flags[0]
    else:
        assert items[0]["rule"] is not None and not any("不像期限" in f for f in flags)


def test_an_excel_ledger_with_offices_merged_down(gongkai: Run, tmp_path: Path) -> None:
    """09 中山市医疗保障局 2021 分工方案 (.xlsx): 工作任务 and 落实科室 cells merged down
    over their duties; an office cell ending 按职责分工落 (cut). Before: the rows under a
    merged office had none (flagged)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["某局2021年政务公开工作要点分工方案", None, None])
    sheet.merge_cells("A1:C1")
    sheet.append(["工作任务", "具体要求", "落实科室(部门)"])
    sheet.append(["做好监管执法信息公开", "1.主动公开市场准入负面清单。", "法规科、医药科"])
    sheet.append([None, "2.及时公开定点医药机构名单。", None])
    sheet.append([None, "3.强化行政执法信息公开。", None])
    sheet.append(["做好财政信息公开", "4.推进预算决算公开。", "办公室、医保中心按职责分工落"])
    sheet.append([None, "5.公开基金监督检查结果。", None])
    sheet.merge_cells("A3:A5")
    sheet.merge_cells("C3:C5")
    sheet.merge_cells("A6:A7")
    sheet.merge_cells("C6:C7")
    path = tmp_path / "分工方案.xlsx"
    book.save(path)
    items, text, _ = drafted(gongkai, path)
    assert [(i["id"], i["owners"]) for i in items] == [
        ("1", ["法规科", "医药科"]),
        ("2", ["法规科", "医药科"]),
        ("3", ["法规科", "医药科"]),
        ("4", ["办公室", "医保中心"]),
        ("5", ["办公室", "医保中心"]),
    ]
    assert not any(flags_of(text).values())


def test_a_word_ledger_with_levels_and_a_cell_of_two_duties(gongkai: Run, tmp_path: Path) -> None:
    """10 中山市医疗保障局 2022 分工方案 (.docx): 工作要求 | 一级要点 | 二级要点 | 责任科室,
    the duty in the 二级要点 column, one cell holding two numbered duties. Before: the
    header was not read, each item was a paragraph of all four cells under id 1-N."""
    import docx

    rows = [
        [
            "一、优化工作基础",
            "(一)深化规范性文件集中公开。",
            "1.规范行政法规使用,确保文本最新。",
            "法规科牵头,办公室配合",
        ],
        [
            "一、优化工作基础",
            "(一)深化规范性文件集中公开。",
            "2.摸清规范性文件底数。",
            "办公室牵头,各科室按职责分工落实",
        ],
        [
            "一、优化工作基础",
            "(二)提升依申请公开规范化程度。",
            "3.规范使用依申请公开系统。 4.用好平台监督管理功能。",
            "办公室",
        ],
    ]
    document = docx.Document()
    document.add_paragraph("某局2022年政务公开工作要点分工方案")
    table = document.add_table(rows=1 + len(rows), cols=4)
    for r, row in enumerate([["工作要求", "一级要点", "二级要点", "责任科室"], *rows]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "分工方案.docx"
    document.save(str(path))
    items, text, _ = drafted(gongkai, path)
    assert [(i["id"], i["title"], i["lead"], i["owners"]) for i in items] == [
        ("1", "规范行政法规使用", ["法规科"], []),
        ("2", "摸清规范性文件底数", ["办公室"], ["各科室"]),
        ("3", "规范使用依申请公开系统", [], ["办公室"]),
        ("4", "用好平台监督管理功能", [], ["办公室"]),
    ]
    assert not any(flags_of(text).values())  # read sure: no doubt


def test_a_catalogue_whose_task_column_has_levels(gongkai: Run, tmp_path: Path) -> None:
    """01 孝感市民政局 主动公开基本目录: 公开事项 over 一级事项 | 二级事项 on the second
    header line, a column name the reader does not know (政府信息 公开平台 对应栏目), rows
    under a group's 序号 short of the merged 一级事项 and 公开依据. Before: no table read,
    the three rows under 1 missing."""
    doc = tmp_path / "目录.txt"
    ticks = "■政府网站 | √ | √ | ||"
    basis = "《中华人民共和国政府信息公开条例》第二十条"
    limit = "自信息形成或者变更之日起5个工作日内予以公开"
    doc.write_text(
        "(某市民政局)主动公开基本目录\n"
        "序号 | 公开事项 | 公开内容(要素) | 公开依据 | 公开时限 | 公开主体 | 政府信息 公开平台 对应栏目 |"
        " 公开渠道和载体 | 公开对象 | 公开方式 | |||\n"
        "一级事项 | 二级事项 | 全社会 | 特定群众 | 主动 | 依申请公开 | |||||||\n"
        f"1 | 机构简介 | 机构概况 | 机构名称、办公地址 | {basis} | {limit} |"
        f" 局办公室、人事科 | 机构设置 | {ticks}\n"
        f"领导信息 | 领导姓名、工作职务 | {limit} | 局办公室 | 领导信息 | {ticks}|||\n"
        f"内设机构 | 内设机构名称、职责 | {limit} | 人事科 | 机构设置 | {ticks}|||\n",
        encoding="utf-8",
    )
    items, _, _ = drafted(gongkai, doc)
    assert [(i["title"], i["owners"], i["rule"]) for i in items] == [
        ("机构概况", ["局办公室", "人事科"], limit),
        ("领导信息", ["局办公室"], limit),
        ("内设机构", ["人事科"], limit),
    ]


def test_a_catalogue_with_words_broken_by_spaces_and_a_shifted_cell(gongkai: Run, tmp_path: Path) -> None:
    """02 莲都区民政局 区级部门主动公开基本目录: header words broken by spaces (事项 类别),
    columns the reader does not read (过程, 公开格式, 咨询及监督举报电话), rows short of the
    merged 事项类别 whose 电话 cell moved left under 公开格式. Before: refused (no table)."""
    doc = tmp_path / "目录.txt"
    basis = "《中华人民共和国政府信息公开条例》"
    limit = "信息产生或变更之日起20个工作日内公开"
    doc.write_text(
        "事项 类别 | 事项 名称 | 公开依据 | 过程 | 公开主体 | 内容要求 | 公开时限 | 公开格式 | 公开渠道 |"
        " 咨询及监督举报电话 |\n"
        f"组织 机构 | 基本 信息 | {basis} | ■管理 | 区民政局 | 办公地址、办公时间 | {limit} | ■文本 |"
        " ■政府网站 | 0578-2278029 |\n"
        f"机构 职能 | {basis} | ■管理 | 区民政局 | 局“三定”规定主要职责 | {limit} | 0578-2278029 | |||\n"
        f"领导 成员 | {basis} | ■管理 | 区民政局 | 局领导姓名、职务 | {limit} | 0578-2278029 | |||\n",
        encoding="utf-8",
    )
    items, text, _ = drafted(gongkai, doc)
    assert [(i["title"], i["owners"]) for i in items] == [
        ("基本信息", ["区民政局"]),
        ("机构职能", ["区民政局"]),
        ("领导成员", ["区民政局"]),
    ]
    assert all(i["rule"] == "信息产生或变更之日起20个工作日内公开" for i in items)
    assert not any(flags_of(text).values())


def test_a_list_one_cell_at_a_time_without_an_office_column(gongkai: Run, tmp_path: Path) -> None:
    """08 a town's 公开目录 on a mirror: traditional characters with pinyin, a cell per
    line or over two lines, a "|" line after each cell, no 序号, no office column, the
    last row cut. Before: refused. Now every row is an item flagged for its missing
    office (one doubt), the cut row too."""
    doc = tmp_path / "目錄.txt"
    doc.write_text(
        "類別\n|\n公開內容\n|\n公開形式\n|\n公開時限\n|\n"
        "機構職能類\n|\n鎮(zhèn)政府領導職責分工、各部門主要職能\n|\n政務公開欄\n|\n長期公開\n隨時公開\n|\n"
        "財務收支情況\n|\n鎮(zhèn)財政的預算和決算\n|\n財務公開欄\n政務發布會\n|\n及時公開\n|\n"
        "計劃生育情況\n|\n計劃生育政策\n",
        encoding="utf-8",
    )
    items, text, _ = drafted(gongkai, doc)
    assert [(i["id"], i["title"], i["owners"]) for i in items] == [
        ("1", "机构职能类", []),
        ("2", "财务收支情况", []),
        ("3", "计划生育情况", []),
    ]
    flags = flags_of(text)
    assert all(any("没有找到负责部门" in f for f in flags[i["id"]]) for i in items)
