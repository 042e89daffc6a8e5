"""Causes found by reading the seventh blind drafting set item by item
(tests/fixtures/blind-drafting-7, SOURCES.md there gives each page's address; issue 21).
Each cause is fixed in general form and tested here through the real command line on
rows built from the document's own lines, citing it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.conftest import Run
from tests.test_extract_round7 import _flags

TODAY = {"GONGKAI_TODAY": "2026-12-03"}


def _draft(gongkai: Run, path: Path) -> tuple[dict[str, Any], str]:
    """(the draft as read back, its text with the 待核对 comments)."""
    result = gongkai("plan", "extract", str(path), env=TODAY)
    assert result.exit_code == 0, result.output
    return YAML(typ="safe").load(result.stdout), result.stdout


def _text(tmp_path: Path, text: str) -> Path:
    doc = tmp_path / "doc.txt"
    doc.write_text(text, encoding="utf-8")
    return doc


# --- titles in other forms ------------------------------------------------------------


def test_a_title_split_in_two_without_a_year(gongkai: Run, tmp_path: Path) -> None:
    """set 7, 02 永新县…行动方案 (a model-document site's copy): the title over two lines,
    no year, its form 行动方案. Before: no title (the second half alone was no form read)."""
    plan, _ = _draft(
        gongkai,
        _text(
            tmp_path,
            "永新县打造“吉事即办”政务服务品牌\n"
            "争创政务服务示范县行动方案\n"
            "为深入贯彻落实党中央、国务院和省、市深化“放管服”改革的部署要求,特制定本行动方案。\n"
            "一、重点任务\n"
            "1.打造一流的政务服务平台。推进“赣服通”4.0建设。(责任单位:县行政审批局,2022年12月底前)\n",
        ),
    )
    assert plan["plan"]["title"] == "永新县打造“吉事即办”政务服务品牌争创政务服务示范县行动方案"


def test_a_progress_table_titled_and_signed_by_its_reporting_office(gongkai: Run, tmp_path: Path) -> None:
    """set 7, 04 2017年西藏自治区“互联网+政务服务”工作任务进度表: the form 进度表 and a
    填报单位: line naming the office that keeps it. Before: no title, no issuer, no year."""
    plan, _ = _draft(
        gongkai,
        _text(
            tmp_path,
            "2017年西藏自治区“互联网+政务服务”工作任务进度表\n"
            "填报单位:西藏自治区人民政府办公厅\n"
            "序号 | 工作任务 | 阶段目标 | 责任单位 |\n"
            "1 | 加强组织领导 | 第四季度:对未严格执行的单位给予通报,并进行专项整改。"
            " | 自治区人民政府办公厅 |\n",
        ),
    )
    header = plan["plan"]
    assert header["title"] == "2017年西藏自治区“互联网+政务服务”工作任务进度表"
    assert header["issuer"] == "西藏自治区人民政府办公厅"
    assert header["year"] == 2017


# --- columns named by how they end --------------------------------------------------------


def test_a_new_media_rectification_table_in_word(gongkai: Run, tmp_path: Path) -> None:
    """set 7, 10 (a 县's 政务新媒体 自查 通报, .docx): 新媒体类型 | 新媒体名称 | 责任单位 |
    问题类别 | 检查时更新日期. Before: the table was not read (4 duties missed): …名称 names
    the item, …类型 / …类别 a kind, and …日期 a day seen, not a time limit."""
    import docx

    document = docx.Document()
    document.add_paragraph("一、自查情况")
    rows = [
        ["新媒体类型", "新媒体名称", "责任单位", "问题类别", "检查时更新日期"],
        ["微信", "千年银杏美丽构朳", "构朳镇", "更新不及时", "7月16日"],
        ["微信", "首善茅坪", "茅坪镇", "更新不及时", "7月17日"],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "通报.docx"
    document.save(str(path))
    plan, _ = _draft(gongkai, path)
    items = plan["items"]
    assert [i["title"] for i in items] == ["千年银杏美丽构朳", "首善茅坪"]
    assert [i["owners"] for i in items] == [["构朳镇"], ["茅坪镇"]]
    # the day the account was last updated is no deadline
    assert [i["rule"] for i in items] == [None, None]


# --- a table without an office column, its rows in quarterly stages ----------------------


def test_a_progress_table_without_an_office_column(gongkai: Run, tmp_path: Path) -> None:
    """set 7, 04 西藏 2017 进度表, pasted one cell a line each ending " |": 序号 | 工作任务 |
    阶段目标, no office and no time limit column; each 阶段目标 in stages 第一季度:… 第四
    季度:…. Before: read as numbered prose ("1 |" the title, no date). Each row is a duty
    done when its last stage ends, and asks for its office."""
    plan, written = _draft(
        gongkai,
        _text(
            tmp_path,
            "2017年西藏自治区“互联网+政务服务”工作任务进度表\n"
            "序号 |\n工作任务 |\n阶段目标 |\n"
            "1 |\n加强组织领导 |\n"
            "第一季度:建立由自治区人民政府办公厅统筹,其他部门共同参与的全区“互联网+政务服务”联动协调机制。"
            " 第二季度:建立联席会议、信息通报、日常监管、目标责任、绩效考核等工作制度,并下发执行。"
            " 第三季度:全面开展督促指导,解决全区平台建设中出现的问题。"
            " 第四季度:对未严格执行的单位给予通报,并进行专项整改。 |\n"
            "2 |\n搭建统一的政务服务信息系统平台 |\n"
            "第一季度:项目立项审批。 第二季度:项目完成招投标。"
            " 第三季度:政务服务信息系统平台建设搭建完毕。 |\n",
        ),
    )
    items = plan["items"]
    assert [i["title"] for i in items] == ["加强组织领导", "搭建统一的政务服务信息系统平台"]
    assert items[0]["text"].startswith("第一季度:建立由自治区人民政府办公厅统筹")
    assert [i["rule"] for i in items] == ["第四季度末", "第三季度末"]
    assert [i["owners"] for i in items] == [[], []]
    assert "没有找到负责部门" in written
    # every row has its date: no word about a missing time limit column
    assert "没有完成时限一栏" not in written
    due = gongkai("deadline", "第四季度末", env={"GONGKAI_TODAY": "2017-03-01"})
    assert due.output.startswith("2017-12-31")


def test_one_stage_is_no_schedule() -> None:
    """A single 第二季度: in a text is a stage named, not a schedule to take the end of."""
    from gongkai_cli.plan.drafting.table_rows import staged_deadline

    assert staged_deadline("第二季度:项目完成招投标。") is None
    assert staged_deadline("第一季度:立项。 第二季度:招投标。") == "第二季度末"


# --- a catalogue one cell a line whose rows are told by a number before a cell ------------

_FORESTRY = [  # set 7, 06 国家林业和草原局主动公开基本目录 (a mirror), its lines
    "国家林业和草原局主动公开基本目录",
    "类别", "工作事项", "公开内容", "公开时限", "公开方式", "责任主体",
    "1.政务", "概况",
    "1", "主要职责", "1", "国家林业和草原局主要职责",
    "形成或变更之日起20个工作日内", "局门户网站", "人事司",
    "2", "机构设置", "2", "机关各司局、各相关单位职能简介",
    "形成或变更之日起20个工作日内", "局门户网站", "人事司",
    "3", "国家林业和草原局", "公报", "3", "国家林业和草原局公报",
    "形成或变更之日起20个工作日内", "局门户网站", "办公室",
    "2.政策", "法规",
    "4", "林业和草原规范性", "文件", "4",
    "形成或变更之日起20个工作日内", "局门户网站", "办公室",
    "5", "政务公开", "5", "林业和草原政务公开相关政策文件",
    "形成或变更之日起20个工作日内", "局门户网站", "办公室",
    "6", "国家林业和草原局主动公开基本目录",
    "形成或变更之日起20个工作日内", "局门户网站", "办公室",
    "7", "国家林业和草原局信息公开指南",
    "形成或变更",
]  # fmt: skip


def test_a_catalogue_whose_rows_start_at_a_number(gongkai: Run, tmp_path: Path) -> None:
    """set 7, 06: header 类别 | 工作事项 | 公开内容 | 公开时限 | 公开方式 | 责任主体 one a line
    with empty lines between, no 序号 column; each row starts at its number, written again
    before its 公开内容; 类别 cells 「2.政策」 / 「法规」 between rows; an item cell broken over
    two lines; a row without 公开内容; rows whose 工作事项 is merged from above; the page cut
    in the last row. Before: three items, each a whole 类别 run together (9 of 12 missed)."""
    plan, written = _draft(gongkai, _text(tmp_path, "\n\n".join(_FORESTRY) + "\n"))
    items = plan["items"]
    assert [i["id"] for i in items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [i["title"] for i in items[:4]] == [
        "国家林业和草原局主要职责",
        "机关各司局、各相关单位职能简介",
        "国家林业和草原局公报",
        "林业和草原规范性文件",
    ]
    assert items[0]["section"] == "1.政务概况 主要职责"
    assert items[3]["section"].startswith("2.政策法规")
    assert items[5]["section"] == "2.政策法规 政务公开"  # merged from the row above
    # 局门户网站 is where it is published, not an office
    assert [i["owners"] for i in items[:6]] == [
        ["人事司"],
        ["人事司"],
        ["办公室"],
        ["办公室"],
        ["办公室"],
        ["办公室"],
    ]
    assert items[0]["rule"] == "形成或变更之日起20个工作日内"
    flags = _flags(written)
    assert all(flags[str(n)] == [] for n in range(1, 7))
    assert any("网页在这一行中断" in f for f in flags["7"])


def test_a_content_cell_naming_units_is_no_office() -> None:
    """set 7, 06 row 2: 「机关各司局、各相关单位职能简介」 is a 公开内容 (words after 单位),
    not offices; 「各公立医疗机构」 (set 4, 08 嵩明) and 「各镇(街)」 are."""
    from gongkai_cli.plan.drafting.table_rows import _is_departments

    assert not _is_departments("机关各司局、各相关单位职能简介")
    assert _is_departments("各公立医疗机构")
    assert _is_departments("各镇(街)")


# --- a task table one cell a line read as prose: its office cells ---------------------------


def test_office_cells_between_numbered_duties_are_their_assignments(gongkai: Run, tmp_path: Path) -> None:
    """set 7, 03 横栏镇2022年政务公开工作要点分工方案: a task table pasted one cell a line
    (工作要求 | 一级要点 | 二级要点 | 责任单位), each 二级要点 duty followed by its 责任单位
    cell on a line of its own. Before: each office cell was an item of its own (司法所,
    各有关单位, 司法所牵头 as 1.1.1b …) and the duties had no office; 「各有关单位按职能分工
    落实」 kept 按职能分工 in the name."""
    plan, _ = _draft(
        gongkai,
        _text(
            tmp_path,
            "横栏镇2022年政务公开工作要点分工方案\n"
            "一、优化政务公开工作基础\n"
            "(一)深化行政规章、规范性文件集中公开。\n"
            "1.依托政府信息公开平台,高质量发布现行有效规范性文件正式版本,及时做好镇内规范性文件动态更新。\n"
            "司法所\n"
            "2.规范行政法规使用,统一参考中国政府法制信息网行政法规库,确保使用的行政法规文本为最新版本。\n"
            "各有关单位\n"
            "3.各村(社区)、各有关单位要结合实际,参照市级行政规范性文件库模式和要求,提高规范性文件公开质量。\n"
            "司法所牵头,党政综合办配合,各有关单位按职能分工落实\n"
            "(二)持续推进基层政务公开标准化规范化。\n"
            "1.做好基层政务公开标准目录动态更新。\n"
            "党政综合办\n"
            "2.做好政务公开专区建设。(党政综合办负责)\n",
        ),
    )
    items = plan["items"]
    assert [i["id"] for i in items] == ["1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2"]
    assert [i["owners"] for i in items[:4]] == [["司法所"], ["各有关单位"], ["各有关单位"], ["党政综合办"]]
    assert items[2]["lead"] == ["司法所"]
    assert items[2]["jointly"] == ["党政综合办"]
    assert "司法所" not in [i["title"] for i in items]


def test_a_name_line_before_the_signature_date_is_no_office_cell(gongkai: Run, tmp_path: Path) -> None:
    """The office line must lie between numbered lines: a last duty followed by the
    signature and its date keeps its own reading (the signature is the issuer's)."""
    plan, _ = _draft(
        gongkai,
        _text(
            tmp_path,
            "某镇2022年政务公开工作要点\n"
            "一、重点工作\n"
            "1.做好规范性文件集中公开。(司法所负责)\n"
            "2.做好基层政务公开标准目录动态更新。(党政综合办负责)\n"
            "某镇党政综合办公室\n"
            "2022年7月28日\n",
        ),
    )
    assert plan["items"][1]["owners"] == ["党政综合办"]
    assert plan["plan"]["issuer"] == "某镇党政综合办公室"


# --- a page that stops right after a number -------------------------------------------------


def test_a_page_stopping_after_a_number_alone(gongkai: Run, tmp_path: Path) -> None:
    """set 7, 05 黑河市2021年政务公开工作实施方案: the stored page stops right after 「(三)」.
    Before: an empty item 1.3 with a doubt, and each duty above flagged for a bracket
    without a deadline although the page shows only two (the plan's brackets name no
    deadlines: said once for the plan)."""
    plan, written = _draft(
        gongkai,
        _text(
            tmp_path,
            "黑河市2021年政务公开工作实施方案\n"
            "一、聚焦“十四五”强势开局深化政务公开\n"
            "(一)做好各类规划主动公开。2021年12月末前,要在本级政府门户网站政府信息公开专栏主动公开各类规划。"
            "(牵头单位:市政府办公室、市发改委;责任单位:市政府工作部门)\n"
            "(二)做好市场规则标准和监管执法信息公开。主动公开全国统一的市场准入负面清单。"
            "(牵头单位:市发改委、市商务局;责任单位:各县(市、区)政府)\n"
            "(三)\n",
        ),
    )
    items = plan["items"]
    assert [i["id"] for i in items] == ["1.1", "1.2"]
    assert items[0]["rule"] == "2021年12月末前"
    assert _flags(written) == {"1.1": [], "1.2": []}
    said = gongkai("plan", "extract", str(tmp_path / "doc.txt"), env=TODAY)
    assert "最后一行“(三)”只有编号" in said.output + (said.stderr or "")


# --- a signature whose date lost its 年 月 日 ------------------------------------------------


def test_a_signature_over_a_garbled_date(gongkai: Run, tmp_path: Path) -> None:
    """set 7, 03 横栏镇 2022: the notice signed 「中山市横栏党政综合办公室」 over 「2022728」 (the
    page lost 年 月 日). Before: no issuer. The signer is read; the day is left to a person."""
    plan, written = _draft(
        gongkai,
        _text(
            tmp_path,
            "关于印发横栏镇2022年政务公开工作要点分工方案的通知\n"
            "各部门,各有关单位\n"
            "我办制定了《横栏镇2022年政务公开工作要点分工方案》,现印发给你们,请结合实际认真贯彻执行。\n"
            "中山市横栏党政综合办公室\n"
            "2022728\n"
            "横栏镇2022年政务公开工作要点分工方案\n"
            "一、优化政务公开工作基础\n"
            "(一)深化规范性文件集中公开。高质量发布现行有效规范性文件正式版本。(司法所负责)\n",
        ),
    )
    assert plan["plan"]["issuer"] == "中山市横栏党政综合办公室"
    assert "issued:" not in written.split("items:")[0].replace("# issued:", "")
    assert "请填写 plan.issued" in written


# --- a ledger row whose other cells are empty ------------------------------------------------


def test_a_ledger_row_with_only_its_task_cell(gongkai: Run, tmp_path: Path) -> None:
    """set 7, 09 宣城 2022 (.xlsx from the 市人社局's page): header 任务 | 责任单位 | 时限, the
    last row with its 任务 cell only (the page stops there). Before: the row was read as a
    one-cell title line and dropped (a duty missed, its doubt not raised). A short line
    alone (a title) and a group row 「二、…」 are still no rows."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    rows = [
        ["任务", "责任单位", "时限"],
        ["持续推进反垄断和反不正当竞争执法信息公开工作,为各类市场主体规范健康发展营造诚信守法的市场环境。",
         "市市场监管局,县(市、区)政府", "持续推进"],
        ["二、加强政策解读"],
        ["认真贯彻落实国家和我省经济工作会议精神、《政府工作报告》部署,依法依规做好扩大有效投资相关规划信息公开。"],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    path = tmp_path / "分工.xlsx"
    book.save(str(path))
    plan, written = _draft(gongkai, path)
    items = plan["items"]
    assert len(items) == 2
    assert items[1]["title"].startswith("认真贯彻落实国家和我省经济工作会议精神")
    assert items[1]["section"] == "二、加强政策解读"
    assert items[1]["owners"] == [] and items[1]["rule"] is None
    assert _flags(written)[items[1]["id"]] != []


# --- a catalogue column named …栏目 ---------------------------------------------------------

_SHIYAN = (  # set 7, 08 十堰市林业局政务公开目录 (forestry.shiyan.gov.cn), its first lines
    "十堰市林业局政务公开目录 | ||||||||||||\n"
    "公开事项 | 公开内容(要素) | 公开依据 | 公开时限 | 公开渠道和载体 | 公开对象 | "
    "公开方式 | 网站所属栏目 | |||||\n"
    "一级目录 | 二级目录 | 三级目录 | 全社会 | 特定群众 | 主动 | 依申请公开 | ||||||\n"
    "政策 | 规范性文件 | 市林业局制定的规范性文件的名称、文号、发布部门、发布日期、实施日期、正文 | "
    "《政府信息公开条例》 | 信息形成或变更20个工作日内 | 市林业局办公室、文件制发业务科室 | "
    "■政府网站 ■公开查阅点 | √ | √ | 十堰市林业局网站—政府信息公开平台—政策—规范性文件 | |||\n"
    "政策解读 | 市林业局组织的政策解读。含文字解读、发布会解读、图解等多种形式的解读 | "
    "《政府信息公开条例》 | "
    "关联规范性文件公开20个工作日内 | √ | √ | 十堰市林业局网站—政府信息公开平台—政策—政策解读 | ||||||\n"
)


def test_a_catalogue_with_a_website_column(gongkai: Run, tmp_path: Path) -> None:
    """set 7, 08: the header ends in 网站所属栏目, a column the reader does not read. Before:
    the header was not a catalogue's (an unknown name), and the rows were read under the
    wrong columns (the 公开依据 as titles, two of four rows missed)."""
    plan, written = _draft(gongkai, _text(tmp_path, _SHIYAN))
    items = plan["items"]
    assert [i["title"] for i in items] == ["规范性文件", "政策解读"]
    assert items[0]["section"] == "政策 规范性文件"
    assert items[1]["rule"] == "关联规范性文件公开20个工作日内"
    # no 公开主体 column: the office under 公开渠道和载体 is the row's, no doubt; the next
    # row has none (merged on the page): the one above, with a doubt
    assert [i["owners"] for i in items] == [["市林业局办公室", "文件制发业务科室"]] * 2
    flags = _flags(written)
    assert flags["1"] == []
    assert any("取自上一行" in f for f in flags["2"])
