"""Tables as offices receive them (issue 21, point 1), found by the third blind drafting
set (tests/fixtures/blind-drafting-3) and fixed for their family: cells framed by lines
"|", disclosure catalogues (公开目录) pasted with bars, a header over several lines with a
line of levels, rows over several lines, catalogue columns not read, ledgers in Word and
Excel. Each row of a table below cites the page its pattern came from (the fixtures'
SOURCES.md, tests/fixtures/extract/causes/). Through the real command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml

from tests.conftest import Run

CAUSES = Path(__file__).parent / "fixtures" / "extract" / "causes"
TODAY = {"GONGKAI_TODAY": "2026-12-03"}


class Want(NamedTuple):
    id: str
    title: str  # the title starts so
    owners: list[str]
    rule: str | None
    flagged: bool = False


def drafted(gongkai: Run, path: Path) -> tuple[list[dict[str, Any]], str]:
    """The draft's items and its text (the 待核对 comments are in the text)."""
    result = gongkai("plan", "extract", str(path), env=TODAY)
    assert result.exit_code == 0, result.output
    return [dict(i) for i in yaml.safe_load(result.stdout)["items"]], result.stdout


def flagged_ids(text: str) -> set[str]:
    """The ids of the items with a 待核对 comment: on the lines above the item, or inside it."""
    ids: set[str] = set()
    pending = False
    current: str | None = None
    for line in text.split("\nitems:\n", 1)[1].splitlines():
        if line.startswith("  # 待核对"):
            pending = True
        elif line.startswith("  - id: "):
            current = line.split('"')[1]
            if pending:
                ids.add(current)
            pending = False
        elif "# 待核对" in line and current is not None:
            ids.add(current)
    return ids


def check(items: list[dict[str, Any]], text: str, wants: list[Want]) -> None:
    got = [
        (i["id"], i["title"][: len(w.title)], i["owners"], i["rule"])
        for i, w in zip(items, wants, strict=False)
    ]
    assert got == [(w.id, w.title, w.owners, w.rule) for w in wants]
    assert len(items) == len(wants)
    assert flagged_ids(text) == {w.id for w in wants if w.flagged}


EVENT_20 = "信息形成或者变更之日起20个工作日内"
OWN_EVENT_20 = "该政府信息形成或者变更之日起20个工作日内"  # 崇明: "20个工作日(自该…之日起)"

PASTED = [
    pytest.param(
        # 镇 bzqc: each cell between lines "|", two bars between rows; the group cell
        # (工作任务) only in a group's first row (a rowspan); no time-limit column; the
        # page stops inside row 9. Refused before ("没有找到编号的段落…或任务分工表").
        "bzqc-town-framed-cells.txt",
        [
            Want("1", "常态化公开就业", ["财政所", "便民综合服务中心", "土管所"], None, True),  # 土管所等
            Want("2", "积极探索特定群体", ["便民综合服务中心"], None),
            Want("3", "聚焦就业创业", ["民政办公室", "卫生院"], None),
            Want("4", "细化权力配置信息公开", ["党政办公室"], None),
            Want("5", "健全本镇行政执法", ["党政办公室"], None),
            Want("6", "按照“三同步”要求", ["党政办公室"], None),
            Want("7", "完善公平性市场竞争", ["党政办公室"], None),
            Want("8", "拓展线下解读渠道", ["党政办公室"], None),
            Want("9", "畅通政策咨询渠道", [], None, True),  # cut: no office
        ],
        id="framed-cells-bzqc",
    ),
    pytest.param(
        # 崇明区教育局 2024: one row a line with "|"; columns 类别, 公开渠道和载体, 链接,
        # 公开层级 not read (the header was not taken before); 公开事项(一级/二级) holds
        # "政府信息公开/依申请公开": the second level is the title; 公开时限 "20个工作日(自该
        # 政府信息形成或者变更之日起)" counts from the event; the fifth row cut.
        "chongming-jyj-2024-catalogue.txt",
        [
            Want("1", "依申请公开", ["区教育局"], OWN_EVENT_20),
            Want("2", "政府信息公开年报", ["区教育局"], "每年1月31日前"),
            Want("3", "政府信息公开指南", ["区教育局"], OWN_EVENT_20),
            Want("4", "政府信息公开制度", ["区教育局"], OWN_EVENT_20),
            Want("5", "机构简介", [], None, True),
        ],
        id="catalogue-one-row-a-line-chongming",
    ),
    pytest.param(
        # 五原县教育局 (traditional): a five-line header ending in 一級事項 | 二級事項 |
        # 三級事項 | 全社會 | 特定群體; row 3 shifted (levels merged), row 4 over two lines,
        # "√" lines; row 5 has no 公开时限 cell (said); row 6 cut. Before: the header's
        # lines became items and the cells shifted into the wrong columns.
        "wuyuan-jyj-catalogue-levels.txt",
        [
            Want("1", "主要职责", ["五原县教育局"], EVENT_20),
            Want("2", "领导分工", ["五原县教育局"], EVENT_20),
            Want("3", "机构职能", ["五原县教育局"], EVENT_20),
            Want("4", "文件", ["五原县教育局"], "信息形成或者变更之日起5个工作日内"),
            Want("5", "政策解读", ["五原县教育局"], None, True),
            Want("6", "预算公开", [], None, True),
        ],
        id="catalogue-levels-wuyuan",
    ),
    pytest.param(
        # 雅江县自然资源局: a two-line header, runs of empty cells, words broken by spaces;
        # 公开主体 "自然资源" is kept and said (no office's name); row 4 cut inside its
        # 公开主体 ("县自然资"), said once. Before: rows 1–3 were lost.
        "yajiang-zrzyj-catalogue-two-line-header.txt",
        [
            Want("1", "县自然资源局及派出机构", ["自然资源"], EVENT_20, True),
            Want("2", "政策文件", ["县自然资源局"], EVENT_20),
            Want("3", "自然资源领域专项规划", ["县自然资源局"], EVENT_20),
            Want("4", "重大决策预公开", ["县自然资"], "向社会公开征求意见期限一般不少于30日", True),
        ],
        id="catalogue-two-line-header-yajiang",
    ),
]


@pytest.mark.parametrize(("name", "wants"), PASTED)
def test_tables_pasted_from_web_pages(gongkai: Run, name: str, wants: list[Want]) -> None:
    items, text = drafted(gongkai, CAUSES / name)
    for want, item in zip(wants, items, strict=False):
        if want.rule is not None:  # a long rule: compared by its start
            item["rule"] = str(item["rule"])[: len(want.rule)]
    check(items, text, wants)


def test_the_catalogue_says_each_doubt_once(gongkai: Run) -> None:
    """One doubt each: the misfit 公开主体 and the cut row, in words a person can act on."""
    _, text = drafted(gongkai, CAUSES / "yajiang-zrzyj-catalogue-two-line-header.txt")
    assert "  # 待核对: 公开主体一栏写的是“自然资源”，不像单位名称：请核对\n" in text
    assert "  # 待核对: 网页在这一行中断：最后一格“县自然资”不完整，本行各栏请与原文核对\n" in text
    assert text.split("\nitems:\n")[1].count("  # 待核对") == 2


# 县教育局 2018 (https://lyg138.com/html/html2018mljyj_041211119.html), rows 1, 4 and 6
# of its 公开目录: 信息类别 names the item (there is no 公开事项), 内容描述 is its text.
COUNTY_HEADER = ("信息类别", "内容描述", "责任主体", "公开方式", "公开时限")
COUNTY_ROWS = (
    (
        "领导信息",
        "局领导班子成员相片、姓名、建立及工作分工",
        "办公室",
        "县人民政府网站的县教育局栏目",
        "信息形成或变更之日起20个工作日内",
    ),
    (
        "工作动态",
        "本局重大政务活动、发展规划、重点工作",
        "各股室按照职责分工负责",
        "县人民政府网站的县教育局栏目",
        "信息形成或变更之日起20个工作日内",
    ),
    (
        "政策解读",
        "县教育局制发规范性文件的解读材料",
        "各股室按照职责分工负责",
        "县人民政府网站的县教育局栏目",
        "与规范性文件同步发布",
    ),
)


def test_a_word_catalogue_whose_items_are_named_by_their_category(gongkai: Run, tmp_path: Path) -> None:
    """Refused before: the header (信息类别 | 内容描述 | …) was not taken as a table's."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1 + len(COUNTY_ROWS), cols=len(COUNTY_HEADER))
    for r, row in enumerate((COUNTY_HEADER, *COUNTY_ROWS)):
        for cell, text in zip(table.rows[r].cells, row, strict=True):
            cell.text = text
    path = tmp_path / "目录.docx"
    document.save(str(path))
    items, text = drafted(gongkai, path)
    check(
        items,
        text,
        [
            Want("1", "领导信息", ["办公室"], "信息形成或变更之日起20个工作日内"),
            Want("2", "工作动态", ["各股室"], "信息形成或变更之日起20个工作日内"),
            # 与规范性文件同步发布: 即时公开 from each such event (tests/test_extract_round7.py)
            Want("3", "政策解读", ["各股室"], "即时公开"),
        ],
    )
    assert items[0]["text"] == COUNTY_ROWS[0][1]


def test_an_excel_ledger_with_a_merged_title_row_in_traditional_characters(
    gongkai: Run, tmp_path: Path
) -> None:
    """中山市 2021 分工方案 (tests/fixtures/blind-drafting-3/SOURCES.md): a title row merged
    across the sheet, the header 工作任務 | 具體要求 | 落實單位, a row of its own whose task
    names the item (before: the title came from the detail, "1.縣級以上…")."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["中山市2021年政務公開工作要點分工方案", None, None])
    sheet.merge_cells("A1:C1")
    sheet.append(["工作任務", "具體要求", "落實單位"])
    sheet.append(
        [
            "做好各類規劃主動公開",
            "1.縣級以上各級人民政府主動公開國民經濟和社會發展第十四個五年規劃綱要。",
            "市發展改革局",
        ]
    )
    sheet.append(["做好財政信息公開", "2.推進部門預決算公開。", "市財政局"])
    path = tmp_path / "台账.xlsx"
    book.save(path)
    items, text = drafted(gongkai, path)
    assert [(i["id"], i["title"], i["owners"]) for i in items] == [
        ("1", "做好各类规划主动公开", ["市发展改革局"]),
        ("2", "做好财政信息公开", ["市财政局"]),
    ]
    assert "plan:\n" in text and "title: 中山市2021年政务公开工作要点分工方案" in text


def framed(rows: list[list[str]]) -> str:
    """A table as a web page copies it cell by cell: a line "|" before and after each cell."""
    return "".join("|\n" + "".join(f"{c}\n|\n" for c in row) for row in rows)


def test_framed_cells_with_every_cell_and_a_shared_task(gongkai: Run, tmp_path: Path) -> None:
    """The bzqc form with a 完成时限 column and rows of every width: a row short of its
    first cell shares the task above (a rowspan), the tasks head their rows; the header
    repeated on a later page is no row."""
    doc = tmp_path / "任务.txt"
    doc.write_text(
        framed(
            [
                ["工作任务", "具体内容", "责任部门", "完成时限"],
                ["推进政策公开", "常态化公开惠农惠民资金发放信息。", "财政所", "年底前"],
                ["积极探索特定群体的线下公开渠道。", "便民综合服务中心", "6月底前"],
                ["工作任务", "具体内容", "责任部门", "完成时限"],  # repeated on the next page
                ["强化权力配置信息公开", "动态更新权责事项清单。", "党政办公室", "持续推进"],
            ]
        ),
        encoding="utf-8",
    )
    items, _ = drafted(gongkai, doc)
    assert [(i["id"], i["section"], i["owners"], i["rule"]) for i in items] == [
        ("1", "推进政策公开", ["财政所"], "年底前"),
        ("2", "推进政策公开", ["便民综合服务中心"], "6月底前"),
        ("3", "强化权力配置信息公开", ["党政办公室"], "持续推进"),
    ]


CATALOGUE_HEAD = "序号 | 公开事项 | 公开内容 |\n公开依据 | 公开时限 | 公开主体 | 公开渠道 |\n"


@pytest.mark.parametrize(
    ("row", "want", "doubt"),
    [
        # 雅江县: every cell in its column
        (
            "1 | 政策文件 | 本局出台的政策文件 | 《政府信息公开条例》 | 信息形成之日起20个工作日内 |"
            " 县自然资源局 | ■政府网站 |",
            ("政策文件", ["县自然资源局"], "信息形成之日起20个工作日内"),
            None,
        ),
        # 五原县 row 5: no 依据 and no 时限 cell; the office still in its column
        (
            "1 | 政策解读 | ●重要政策解读 | 五原县教育局 | ■政府网站 |",
            ("政策解读", ["五原县教育局"], None),
            "表格这一行中没有期限",
        ),
        # 崇明区: the time limit named by its event in brackets
        (
            "1 | 年报 | 年度报告 | 《条例》 | 20个工作日(自该政府信息形成之日起) | 区教育局 | 政府网站 |",
            ("年报", ["区教育局"], "该政府信息形成之日起20个工作日内"),
            None,
        ),
        # more cells than columns: kept, joined, and said
        (
            "1 | 政策文件 | 内容一 | 内容二 | 《条例》 | 及时 | 区教育局 | 政府网站 | 其他 | 再一格 |",
            None,
            "这一行的格子比表头多",
        ),
    ],
    ids=["whole-row", "missing-limit", "event-in-brackets", "too-many-cells"],
)
def test_catalogue_rows(
    gongkai: Run, tmp_path: Path, row: str, want: tuple[str, list[str], str | None] | None, doubt: str | None
) -> None:
    doc = tmp_path / "目录.txt"
    doc.write_text(CATALOGUE_HEAD + row + "\n", encoding="utf-8")
    items, text = drafted(gongkai, doc)
    assert len(items) == 1
    if want is not None:
        assert (items[0]["title"], items[0]["owners"], items[0]["rule"]) == want
    if doubt is None:
        assert "  # 待核对" not in text.split("items:")[1]
    else:
        assert doubt in text.split("items:")[1]


def test_a_catalogue_with_group_rows_a_repeated_header_and_separators(gongkai: Run, tmp_path: Path) -> None:
    """The 五原县 / 雅江县 form as a longer page gives it: a group row across the table
    (二、公共服务 | ||||), a separator line, and the header repeated on the next page; none
    of them is an item or joins a row, and the group heads the rows below it."""
    doc = tmp_path / "目录.txt"
    head = "序号 | 公开事项 | 公开内容 | 公开依据 |\n公开时限 | 公开主体 | 公开渠道 |\n"
    doc.write_text(
        head
        + "1 | 机构职能 | 内设机构职能 | 《条例》 | 信息形成之日起20个工作日内 | 县教育局 | ■政府网站 |\n"
        + "|||||||\n"
        + "二、公共服务 | ||||||\n"
        + "2 | 政策文件 | 本局政策文件 | 《条例》 | 信息形成之日起20个工作日内 | 县教育局 | ■政府网站 |\n"
        + head
        + "3 | 政策解读 | 重要政策解读 | 《条例》 | 信息形成之日起5个工作日内 | 县教育局 | ■政府网站 |\n",
        encoding="utf-8",
    )
    items, text = drafted(gongkai, doc)
    assert [(i["id"], i["title"], i["section"], i["rule"]) for i in items] == [
        ("1", "机构职能", "机构职能", "信息形成之日起20个工作日内"),
        ("2", "政策文件", "二、公共服务 政策文件", "信息形成之日起20个工作日内"),
        ("3", "政策解读", "二、公共服务 政策解读", "信息形成之日起5个工作日内"),
    ]
    assert flagged_ids(text) == set()


def test_an_excel_catalogue_with_a_header_over_two_rows(gongkai: Run, tmp_path: Path) -> None:
    """A catalogue kept in Excel as the 雅江县 page shows it: 公开事项 merged over 一级事项 /
    二级事项 in the second header row, the 一级事项 merged down over rows 1–2 (Excel leaves
    the cell empty): the level is taken from the row above and heads the row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "公开事项", None, "公开内容", "公开依据", "公开时限", "公开主体", "公开方式"])
    sheet.append([None, "一级事项", "二级事项", None, None, None, None, None])
    sheet.merge_cells("B1:C1")
    limit = "信息形成或者变更之日起20个工作日内"
    sheet.append([1, "机构信息", "机构职能", "内设机构职能", "《条例》", limit, "县自然资源局", "主动公开"])
    sheet.append([2, None, "领导信息", "领导姓名及分工", "《条例》", limit, "县自然资源局", "主动公开"])
    sheet.merge_cells("B3:B4")
    path = tmp_path / "目录.xlsx"
    book.save(path)
    items, text = drafted(gongkai, path)
    assert [(i["id"], i["title"], i["section"], i["owners"], i["rule"]) for i in items] == [
        ("1", "机构职能", "机构信息 机构职能", ["县自然资源局"], limit),
        ("2", "领导信息", "机构信息 领导信息", ["县自然资源局"], limit),
    ]
    assert flagged_ids(text) == set()


def test_a_catalogue_printed_to_pdf(gongkai: Run) -> None:
    """雅江县's rows 2–3 printed to PDF (catalogue-yajiang-table.pdf, make_catalogue_pdf.py):
    pypdf gives one cell a line without bars, long cells wrapped over two lines
    ("信息形成或者变更之日" / "起20个工作日内"), the first row numbered 2. Each column's
    lines are joined again; before, the basis and the time limit ran into the text and
    the owners took the time limit's first line."""
    pdf = Path(__file__).parent / "fixtures" / "extract" / "offices" / "catalogue-yajiang-table.pdf"
    items, text = drafted(gongkai, pdf)
    check(
        items,
        text,
        [
            Want("2", "政策文件", ["县自然资源局"], EVENT_20),
            Want("3", "自然资源领域专项规划", ["县自然资源局"], EVENT_20),
        ],
    )
    assert items[0]["text"] == "本级政府及县自然资源局出台的自然资源政策文件及相关解读"
    assert items[0]["section"] == "公共服务 政策文件"


@pytest.mark.parametrize(
    ("header", "drafted_as_table"),
    [
        # 池州市信访局's columns (test_extract_causes.py) and one the reader does not know
        ("序号 | 工作任务 | 责任科室 | 时限要求 | 督办领导", True),
        ("序号\t工作任务\t督办领导\t责任科室\t时限要求", True),
        # two unknown columns, or one that reads as a sentence: not taken as a header
        ("序号 | 工作任务 | 责任科室 | 时限要求 | 督办领导 | 考核分值", False),
        ("序号 | 工作任务 | 责任科室 | 时限要求 | 每月5日前报送上月进展情况", False),
    ],
)
def test_one_column_the_reader_does_not_know(
    gongkai: Run, tmp_path: Path, header: str, drafted_as_table: bool
) -> None:
    """A table with bars or tabs whose header names one column the reader does not know
    (among three or more it knows) is still the task table; that column is not read."""
    sep = "\t" if "\t" in header else " | "
    width = len(header.split(sep.strip() or "\t"))
    cells = {
        "序号": "1",
        "工作任务": "严格规范政府信息公开专栏。",
        "责任科室": "办公室",
        "时限要求": "年底前",
    }
    row = sep.join(cells.get(name.strip(), "某某") for name in header.split(sep.strip() or "\t"))
    assert len(row.split(sep.strip() or "\t")) == width
    doc = tmp_path / "表.txt"
    doc.write_text(f"2023年某局政务公开重点任务\n{header}\n{row}\n", encoding="utf-8")
    result = gongkai("plan", "extract", str(doc), env=TODAY)
    if drafted_as_table:
        assert result.exit_code == 0, result.output
        items = yaml.safe_load(result.stdout)["items"]
        assert [(i["id"], i["owners"], i["rule"]) for i in items] == [("1", ["办公室"], "年底前")]
    else:
        assert result.exit_code == 3 or "owners: [办公室]" not in result.stdout


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # 五原县's header broken over lines, on a task table (no column not read)
        (
            "序号 | 工作任务 |\n具体要求 | 责任单位 |\n完成时限 |\n"
            "1 | 做好政策解读 | 严格落实解读与文件同步。 | 办公室 | 6月底前 |\n"
            "2 | 做好依申请公开 | 依法办理政府信息公开申请。 | 法规科 | 持续推进 |\n",
            [("1", "做好政策解读", ["办公室"], "6月底前"), ("2", "做好依申请公开", ["法规科"], "持续推进")],
        ),
        # 五原县's header without its 序号: a row is a line, and a line starting with a
        # 《…》 (the 公开依据) is more of the row above (五原县's row 4)
        (
            "公开事项 | 公开内容 |\n公开依据 | 公开时限 |\n公开主体 | 公开渠道 |\n"
            "机构职能 | 内设机构职能 |\n《条例》 | 信息形成之日起20个工作日内 | 县教育局 | 政府网站 |\n"
            "领导信息 | 领导姓名及分工 | 《条例》 | 信息形成之日起20个工作日内 | 县教育局 | 政府网站 |\n",
            [
                ("1", "机构职能", ["县教育局"], "信息形成之日起20个工作日内"),
                ("2", "领导信息", ["县教育局"], "信息形成之日起20个工作日内"),
            ],
        ),
        # a catalogue's header on one line, a row lacking cells in the middle (五原县's row
        # 5: no 公开依据 and no 公开时限): each cell where it fits, not shifted from the
        # right; the missing 公开时限 asked for
        (
            "序号 | 公开事项 | 公开内容 | 公开依据 | 公开时限 | 公开主体 | 公开渠道 |\n"
            "1 | 机构职能 | ●内设机构职能 | 《条例》 | 信息形成之日起20个工作日内 | 县教育局 | ■政府网站 |\n"
            "2 | 政策解读 | ●重要政策解读 | 县教育局 | ■政府网站 |\n",
            [
                ("1", "机构职能", ["县教育局"], "信息形成之日起20个工作日内"),
                ("2", "政策解读", ["县教育局"], None),
            ],
        ),
        # group rows across the table (五原县's levels written as rows), the first before
        # row 1, and the 序号 starting again under each group
        (
            "序号 | 公开事项 | 公开内容 |\n公开依据 | 公开时限 | 公开主体 | 公开渠道 |\n"
            "一、机构信息 | ||||||\n"
            "1 | 机构职能 | ●内设机构职能 | 《条例》 | 信息形成之日起20个工作日内 | 县教育局 | ■政府网站 |\n"
            "二、财政信息 | ||||||\n"
            "1 | 部门预算 | ●预算批复 | 《预算法》 | 批复后20日内 | 县教育局 | ■政府网站 |\n",
            [
                ("1", "机构职能", ["县教育局"], "信息形成之日起20个工作日内"),
                ("2", "部门预算", ["县教育局"], "批复后20日内"),
            ],
        ),
    ],
    ids=[
        "task-table-header-over-three-lines",
        "catalogue-without-number",
        "catalogue-row-lacking-middle-cells",
        "catalogue-numbers-again-under-groups",
    ],
)
def test_headers_over_several_lines(
    gongkai: Run, tmp_path: Path, text: str, want: list[tuple[str, str, list[str], str | None]]
) -> None:
    doc = tmp_path / "表.txt"
    doc.write_text("某局2023年政务公开重点任务\n" + text, encoding="utf-8")
    items, drafted_text = drafted(gongkai, doc)
    assert [(i["id"], i["title"], i["owners"], i["rule"]) for i in items] == want
    assert flagged_ids(drafted_text) == {i for i, _, _, rule in want if rule is None}


def test_a_table_copied_with_tabs_lacks_its_merged_cells(gongkai: Run, tmp_path: Path) -> None:
    """A web page's table copied into a text file with tabs between the cells: a row under
    a merged 工作任务 cell has no cell for it (池州市信访局's rows, test_extract_causes.py).
    Before, its cells were read from the left: the detail became the task, the office
    the detail and the deadline the office."""
    doc = tmp_path / "表.txt"
    doc.write_text(
        "某局2023年政务公开重点任务\n"
        "序号\t工作任务\t具体要求\t责任科室\t时限要求\n"
        "1\t做好主动公开基础工作\t严格规范政府信息公开专栏。\t各科室\t持续推进\n"
        "2\t规范做好年度报告编制发布工作。\t办公室\t年底前\n",
        encoding="utf-8",
    )
    items, _ = drafted(gongkai, doc)
    assert [(i["id"], i["section"], i["text"], i["owners"], i["rule"]) for i in items] == [
        ("1", "做好主动公开基础工作", "严格规范政府信息公开专栏。", ["各科室"], "持续推进"),
        ("2", "做好主动公开基础工作", "规范做好年度报告编制发布工作。", ["办公室"], "年底前"),
    ]


def test_an_excel_row_with_its_last_cell_empty(gongkai: Run, tmp_path: Path) -> None:
    """An Excel ledger whose second row leaves 完成时限 empty: the cell is empty, not
    merged with the row above (the sheet's rows keep their width); it is asked for."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "工作任务", "责任科室", "时限要求"])
    sheet.append([1, "严格规范政府信息公开专栏。", "各科室", "持续推进"])
    sheet.append([2, "规范做好年度报告编制发布工作。", "办公室", None])
    path = tmp_path / "台账.xlsx"
    book.save(path)
    items, text = drafted(gongkai, path)
    assert [(i["id"], i["owners"], i["rule"]) for i in items] == [
        ("1", ["各科室"], "持续推进"),
        ("2", ["办公室"], None),
    ]
    assert flagged_ids(text) == {"2"}
