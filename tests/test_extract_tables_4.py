"""Disclosure catalogues (公开目录) in the forms the fourth blind drafting set found
(tests/fixtures/blind-drafting-4, SOURCES.md; issue 21, point 1), each fixed for its
class and tested here on rows of its own: a header whose first line names the levels as
columns, a row per line with a continuation line; rows spread over several lines with the
序号 alone; rows without a 序号 under a group's 序号; an .xlsx ledger with a merged title
row and two header rows; a .docx ledger whose merged header cells Word repeats. Each test
cites the set-4 document its pattern came from. Through the real command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from gongkai_cli.plan.drafting.extract import extract_plan
from tests.conftest import Run

TODAY = {"GONGKAI_TODAY": "2026-12-03"}
EVENT_20 = "自该政府信息形成或者变更之日起20个工作日内及时公开"
BASIS = "《中华人民共和国政府信息公开条例》"
TICKS = "门户网站、 | √ | √ | "  # 公开渠道和载体, 全社会, 主动公开


def drafted(gongkai: Run, path: Path) -> tuple[list[dict[str, Any]], str]:
    """The draft's items and its text (the 待核对 comments are in the text)."""
    result = gongkai("plan", "extract", str(path), env=TODAY)
    assert result.exit_code == 0, result.output
    return [dict(i) for i in yaml.safe_load(result.stdout)["items"]], result.stdout


def item_flags(text: str) -> int:
    """The 待核对 comments on the items (the plan's header has its own)."""
    return text.split("\nitems:\n", 1)[1].count("# 待核对")


def test_levels_named_as_columns_and_a_row_over_two_lines(gongkai: Run, tmp_path: Path) -> None:
    """07 黄石市市场监督管理局 基本目录: the first header line names the levels as columns
    (一级目录 | 二级目录 | 三级目录 | 公开内容 …), no 序号, rows short of their merged
    first cells, a row without 公开内容, a row whose 公开依据 … run on the next line. Before:
    titles from the content, a row missing, "公示公告、其他" and "《条例》" as items, no flag."""
    doc = tmp_path / "目录.txt"
    doc.write_text(
        "某市某局政府信息主动公开基本目录\n"
        "一级目录 | 二级目录 | 三级目录 | 公开内容 (要素) | 公开依据 | 公开时限 | 责任科室 |"
        " 公开渠道和载体 | 公开对象 | 公开方式 | ||\n"
        "全社会 | 特定对象 | 主动公开 | 依申请公开 | ||||||||\n"
        f"政策 | 规范性文件 | 范围参照有关实施意见。 | {BASIS} | {EVENT_20} | 办公室、法规科 | {TICKS}|||\n"
        f"其他主动公开文件 | 公示公告、其他 | {BASIS} | {EVENT_20} | 办公室 | {TICKS}||||\n"
        "政策解读 | 含文字解读、发布会解读、图解等多种形式的解读。 |\n"
        f"{BASIS} | {EVENT_20} | 政策制定科室 | {TICKS}||||\n"
        f"政府信息公开指南 | {BASIS} | {EVENT_20} | 办公室 | {TICKS}|||||\n"
        f"政府信息公开制度 | 《条例》,有关规章。 | {BASIS} | {EVENT_20} | 办公室 | {TICKS}||||\n",
        encoding="utf-8",
    )
    items, text = drafted(gongkai, doc)
    assert [(i["id"], i["title"], i["owners"], i["rule"]) for i in items] == [
        ("1", "规范性文件", ["办公室", "法规科"], EVENT_20),
        ("2", "其他主动公开文件", ["办公室"], EVENT_20),
        ("3", "政策解读", ["政策制定科室"], EVENT_20),
        ("4", "政府信息公开指南", ["办公室"], EVENT_20),
        ("5", "政府信息公开制度", ["办公室"], EVENT_20),
    ]
    assert items[1]["text"] == "公示公告、其他"
    assert all(i["event"] == "该政府信息形成或者变更" for i in items)  # counted from the event
    assert item_flags(text) == 0


SPREAD_LIMIT = "医疗卫生机构应当自该信息形成或者变更之日起20个工作日内予以调整。"


def test_rows_spread_over_lines_with_the_number_alone(gongkai: Run, tmp_path: Path) -> None:
    """08 嵩明县 卫生健康领域 基本目录: the header on one line, each row over several lines
    (序号 alone, 一级事项 alone, 公开内容 | 公开时限 together, 公开主体 and 渠道 each
    alone), a 序号 without its bar followed by "|" alone, a row without its merged 一级事项.
    Refused before ("没有找到任何工作事项")."""
    doc = tmp_path / "目录.txt"
    doc.write_text(
        "卫生健康领域公共事业单位信息主动公开基本目录\n"
        "序号 | 一级事项 | 公开内容 | 公开时限 | 公开主体 | 公开渠道 |\n"
        "1 |\n机构概况 |\n"
        f"医院基本信息、科室设置 | {SPREAD_LIMIT} |\n各公立医疗机构 |\n政府网站、政务新媒体 |\n"
        "2 |\n服务信息 |\n"
        f"医保、价格、收费 | {SPREAD_LIMIT} |\n各医疗机构 |\n现场 |\n"
        "3\n|\n"
        f"科室分布、人员标识、标识引导 | {SPREAD_LIMIT} |\n各医疗机构 |\n现场 | |\n"
        "4 |\n项目建设 |\n"
        f"招标采购信息 | {SPREAD_LIMIT} |\n各医疗机构、 县卫生健康局 |\n政府门户网站、政府采购网 |\n",
        encoding="utf-8",
    )
    items, text = drafted(gongkai, doc)
    assert [(i["id"], i["section"], i["text"], i["owners"]) for i in items] == [
        ("1", "机构概况", "医院基本信息、科室设置", ["各公立医疗机构"]),
        ("2", "服务信息", "医保、价格、收费", ["各医疗机构"]),
        ("3", "服务信息", "科室分布、人员标识、标识引导", ["各医疗机构"]),  # merged 一级事项
        ("4", "项目建设", "招标采购信息", ["各医疗机构", "县卫生健康局"]),
    ]
    assert all(i["event"] == "该信息形成或者变更" for i in items)
    assert item_flags(text) == 0


XIXIA_HEAD = (
    "序号 | 公开事项 | 公开内容 (要素) | 公开依据 | 公开时限 | 公开主体 | 公开 渠道和载体 | 公开对象 |\n"
    "一级事项 | 二级 事项 | 全社会 | 特定 主体 |\n"
)
XIXIA_LAW = "《中华人民共和国政府信息公开条例》(国务院令第711号)"
XIXIA_OFFICE = "某某乡人民政府"
XIXIA_LIMIT = "信息形成(变更)20个工作日内"


def xixia(first: str, limit: str = XIXIA_LIMIT) -> str:
    """A row of the 溪下乡 catalogue: its first cells, then 公开依据 to 公开对象."""
    return f"{first} | {XIXIA_LAW} | {limit} | {XIXIA_OFFICE} | ☐县政府门户网站 | √ | |\n"


def test_rows_without_a_number_under_their_group(gongkai: Run, tmp_path: Path) -> None:
    """10 溪下乡 目录 (no title): the 序号 only on a group's first row; each row under it is
    a duty of its own, the 一级事项 taken from the row above. "信息形成(变更)20个工作日内"
    counts from the event; "每年1月31日前…" is yearly. Before: three items' dates read as
    20 working days from the plan's date, and a wrong owner on the first."""
    office = XIXIA_OFFICE
    doc = tmp_path / "目录.txt"
    doc.write_text(
        XIXIA_HEAD
        + xixia("1 | 组织机构 | 机构概况 | 机构职能简介")
        + xixia("领导信息 | 领导基本信息、工作分工")
        + xixia("2 | 政务公开专题 | 信息公开制度 | 相关工作规定")
        + xixia("信息公开年报 | 年度报告文本", "每年1月31日前公开上一年度公开年度报告"),
        encoding="utf-8",
    )
    items, text = drafted(gongkai, doc)
    event_rule = "信息形成(变更)之日起20个工作日内"
    assert [(i["id"], i["title"], i["section"], i["owners"], i["rule"]) for i in items] == [
        ("1", "机构概况", "组织机构 机构概况", [office], event_rule),
        ("2", "领导信息", "组织机构 领导信息", [office], event_rule),
        ("3", "信息公开制度", "政务公开专题 信息公开制度", [office], event_rule),
        ("4", "信息公开年报", "政务公开专题 信息公开年报", [office], "每年1月31日前公开上一年度公开年度报告"),
    ]
    assert [i.get("event") for i in items] == ["信息形成(变更)"] * 3 + [None]
    assert item_flags(text) == 0


def test_a_continuation_line_is_not_a_row_under_the_number(gongkai: Run, tmp_path: Path) -> None:
    """The other side of the rule above (溪下乡): a line without a 序号 is a row of its own
    only when the row above is whole (a time limit and an office) and it holds its own;
    a row broken after its name, its content and the rest on the next line, is one row."""
    office = XIXIA_OFFICE
    doc = tmp_path / "目录.txt"
    doc.write_text(
        XIXIA_HEAD
        + "1 | 组织机构 | 机构概况 |\n"
        + xixia("机构职能简介")
        + xixia("2 | 政务公开专题 | 信息公开制度 | 相关工作规定"),
        encoding="utf-8",
    )
    items, _ = drafted(gongkai, doc)
    assert [(i["id"], i["title"], i["text"], i["owners"]) for i in items] == [
        ("1", "机构概况", "机构职能简介", [office]),
        ("2", "信息公开制度", "相关工作规定", [office]),
    ]


def test_an_excel_catalogue_with_a_merged_title_and_two_header_rows(gongkai: Run, tmp_path: Path) -> None:
    """11 上海市医疗保障局 政务公开标准目录 (.xlsx): the title in a first row merged across
    the sheet, two header rows (公开事项 over 一级事项 / 二级事项, 公开对象 over 全社会 /
    特定对象, 公开层级 over 市级 / 区级 / 街镇级), no 序号. Refused before."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    top = ["类别", "公开事项", None, "公开内容(要素)", "公开依据", "公开时限", "公开主体", "公开渠道和载体"]
    sheet.append(["政务公开标准目录", *[None] * 12])
    sheet.append([*top, "公开对象", None, "公开层级", None, None])
    sheet.append([None, "一级事项", "二级事项", *[None] * 5, "全社会", "特定 对象", "市级", "区级", "街镇级"])
    sheet.merge_cells("A1:M1")
    sheet.merge_cells("B2:C2")
    sheet.merge_cells("I2:J2")
    sheet.merge_cells("K2:M2")
    for column in "ADEFGH":
        sheet.merge_cells(f"{column}2:{column}3")
    limit = "自该政府信息形成或者变更之日起20个工作日内及时公开"
    for second, content in (("机关简介", "1. 机关名称 2. 办公地址"), ("机关职能", "本部门职责")):
        sheet.append(
            ["综合政务", "机构信息", second, content, BASIS, limit, "市某局", "□ 政府网站", "√", None, "√"]
        )
    path = tmp_path / "目录.xlsx"
    book.save(path)
    items, text = drafted(gongkai, path)
    assert [(i["id"], i["title"], i["section"], i["owners"], i["rule"]) for i in items] == [
        ("1", "机关简介", "机构信息 机关简介", ["市某局"], limit),
        ("2", "机关职能", "机构信息 机关职能", ["市某局"], limit),
    ]
    assert "title: 政务公开标准目录" in text
    assert item_flags(text) == 0


def test_a_word_catalogue_whose_merged_header_cells_repeat(gongkai: Run, tmp_path: Path) -> None:
    """12 凤屯镇 标准目录 (.docx): a title paragraph, then a table whose two header rows
    have merged cells that Word gives again in each column they span ("公开事项 公开事项"
    over "一级事项 二级事项", 序号 in both rows). Before: the upper header row drafted as
    an extra item with the title, every item flagged."""
    import docx

    top = [("序号", 1), ("公开事项", 2), ("公开内容(要素)", 1), ("公开依据", 1), ("公开时限", 1)]
    top += [("公开主体", 1), ("公开对象", 2)]
    sub = iter(["一级事项", "二级事项", "全社会", "特定群众"])
    rows = [
        [
            "1",
            "政府文件",
            "政府文件",
            "政府文件。",
            BASIS,
            "信息形成或变更之日起3个工作日内",
            "镇人民政府",
            "√",
            "",
        ],
        [
            "2",
            "概况信息",
            "乡镇简介",
            "乡镇行政区划、人口民族等信息。",
            BASIS,
            "信息形成或变更之日起20个工作日内",
            "镇人民政府",
            "√",
            "",
        ],
    ]
    document = docx.Document()
    document.add_paragraph("(二)某某镇政府文件信息领域基层政务公开标准目录")
    table = document.add_table(rows=2 + len(rows), cols=9)
    col = 0
    for name, span in top:
        if span == 1:
            table.cell(0, col).merge(table.cell(1, col)).text = name
        else:
            table.cell(0, col).merge(table.cell(0, col + span - 1)).text = name
            for k in range(span):
                table.cell(1, col + k).text = next(sub)
        col += span
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "目录.docx"
    document.save(str(path))
    items, text = drafted(gongkai, path)
    assert [(i["id"], i["title"], i["section"], i["owners"]) for i in items] == [
        ("1", "政府文件", "政府文件 政府文件", ["镇人民政府"]),
        ("2", "乡镇简介", "概况信息 乡镇简介", ["镇人民政府"]),
    ]
    assert [i["event"] for i in items] == ["信息形成或变更", "信息形成或变更"]
    assert item_flags(text) == 0


STANDING_ROWS = (
    "序号 | 公开事项 | 公开内容 (要素) | 公开依据 | 公开时限 | 公开渠道和载体 | 公开对象 |\n"
    "1 | 机构概况 | 机构职能简介 | 《条例》 | 信息形成(变更)20个工作日内 | ☐县政府门户网站 | √ |\n"
    "2 | 领导信息 | 领导基本信息 | 《条例》 | 信息形成(变更)20个工作日内 | ☐县政府门户网站 | √ |\n"
)


def test_a_publisher_given_once_above_the_catalogue(gongkai: Run, tmp_path: Path) -> None:
    """The 公开主体 of a whole catalogue given once on a line above its header is every
    row's. Not a set-4 document (each of its catalogues names it in a column: 溪下乡's
    溪下乡人民政府 on every row); the form the issue's brief names. Without that line each
    row is asked for its owners, never guessed from the title."""
    doc = tmp_path / "目录.txt"
    doc.write_text("某某乡政务公开标准目录\n公开主体：某某乡人民政府\n" + STANDING_ROWS, encoding="utf-8")
    items, text = drafted(gongkai, doc)
    assert [(i["id"], i["owners"]) for i in items] == [("1", ["某某乡人民政府"]), ("2", ["某某乡人民政府"])]
    assert item_flags(text) == 0
    doc.write_text("某某乡政务公开标准目录\n" + STANDING_ROWS, encoding="utf-8")
    items, text = drafted(gongkai, doc)
    assert [(i["id"], i["owners"]) for i in items] == [("1", []), ("2", [])]
    assert item_flags(text) == 2
    assert "表格这一行中没有找到负责部门" in text


NAMES = ("机构概况", "领导信息", "内设机构", "信息公开制度", "信息公开指南", "信息公开年报")


@given(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=4))
def test_every_row_under_a_number_is_an_item_of_its_group(sizes: list[int]) -> None:
    """溪下乡's form, any shape: groups of rows, the 序号 and 一级事项 only on a group's
    first row. Each row is one item, headed by its group, with its own title and owner."""
    lines, want = [XIXIA_HEAD], []
    for number, size in enumerate(sizes, 1):
        for k in range(size):
            name = f"{NAMES[k]}{number}"
            first = f"{number} | 第{number}组 | {name}" if k == 0 else name
            lines.append(xixia(f"{first} | {name}的内容"))
            want.append((f"第{number}组 {name}", name, (XIXIA_OFFICE,)))
    draft = extract_plan("".join(lines), "目录.txt")
    assert [(i.section, i.title, i.owners) for i in draft.items] == want
    assert not any(i.flags for i in draft.items)
