"""Drafting documents as offices receive them (issue 21): tables pasted from web pages,
Excel ledgers and Word tables, departments in their roles, headers in other forms and
page metadata, and drafts that always run. The documents are excerpts of real pages
(tests/fixtures/extract/offices/SOURCES.md); each outline below was written from the page.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from gongkai_cli.plan.drafting.extract import extract_plan
from gongkai_cli.plan.drafting.model import Draft
from gongkai_cli.plan.drafting.writer import draft_to_yaml
from tests.conftest import Run

OFFICES = Path(__file__).parent / "fixtures" / "extract" / "offices"


@dataclass(frozen=True)
class Want:
    """One item of an outline: departments in their roles, the deadline phrase, and the
    doubts a person must look at (a word each flag must contain; none: no flag)."""

    id: str
    lead: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    jointly: tuple[str, ...] = ()
    supervising: tuple[str, ...] = ()
    rule: str | None = None
    section: str | None = None
    doubts: tuple[str, ...] = ()


def draft(name: str) -> Draft:
    return extract_plan((OFFICES / name).read_text(encoding="utf-8"), name)


def check_outline(got: Draft, want: list[Want]) -> None:
    assert [i.id for i in got.items] == [w.id for w in want]  # none missed, merged or extra
    for item, w in zip(got.items, want, strict=True):
        roles = (item.lead, item.owners, item.jointly, item.supervising, item.rule)
        assert roles == (w.lead, w.owners, w.jointly, w.supervising, w.rule), item.id
        if w.section is not None:
            assert item.section == w.section, item.id
        assert len(item.flags) == len(w.doubts), (item.id, item.flags)  # one flag a doubt
        for flag, word in zip(item.flags, w.doubts, strict=True):
            assert word in flag, (item.id, flag)


# -- the development documents, each with its outline --------------------------------------

JINGZHOU = [  # 荆州 2022 任务分解责任清单, pasted with "|"
    Want(
        "1",
        owners=("各县市区人民政府", "功能区管委会", "市政府各有关部门"),
        rule="持续推进",
        section="一、以公开助力经济平稳健康发展。 (一)加强涉及市场主体的信息公开。",
    ),
    Want("2", owners=("各县市区人民政府", "功能区管委会", "市政府各有关部门"), rule="持续推进"),
    Want(
        "3",
        lead=("市发展改革委",),
        jointly=("市住建局", "政府各有关部门"),
        rule="年底前",
        doubts=("市住建局等",),
    ),
]
GUANGZHOU = [  # 广州市司法局 2021 分工方案, one cell a line with nothing between
    Want(
        "1",
        lead=("装财处",),
        jointly=("办公室",),
        rule="11月底前",
        section="一、紧扣“十四五”开好局起好步深化政务公开 做好财政信息公开",
    ),
    Want(
        "2",
        owners=("各相关业务处室",),
        rule="年底前",
        section="二、紧扣宏观政策落地见效深化政务公开 (一)持续加强重大政策发布解读",
    ),
    Want("3", lead=("宣传处",), jointly=("办公室",), rule="持续推进"),
]
TAISHAN = [  # 台山 2022 分工, "|" with a broken header, separators, merged and broken cells
    Want("1", owners=("市直有关部门", "各镇(街)"), section="一、做好各类规划主动公开。"),
    Want("2", lead=("市政府办公室", "市发展和改革局"), owners=("各镇(街)",), jointly=("市直有关部门",)),
    Want("3", owners=("市发展和改革局", "市科工商务局", "市市场监督管理局", "各镇(街)")),
    Want("4", lead=("市发展和改革局",), owners=("市直有关部门", "各镇(街)")),
    Want("7", lead=("市财政局",), owners=("市直各部门", "各镇(街)"), section="三、做好财政信息公开。"),
    Want("8", lead=("市财政局",), owners=("市直各部门", "各镇(街)")),  # merged with 7's cell
    Want(
        "9",
        lead=("市财政局",),
        owners=("市民政局", "市农业农村局", "有关部门", "各镇(街)"),
        doubts=("市农业农村局等",),
    ),
    Want("11", owners=("各镇(街)",), section="四、做好政府网站专栏信息公开。"),
]
QINGSHANHU = [  # 青山湖区 整改通知 with a metadata block
    Want("1.1", owners=("各镇人民政府", "区直相关单位"), rule="6月1日前完成"),
    Want("1.2", owners=("区政务公开办",), rule="6月2日前完成"),
]
ZHENBA = [  # a 台账 under a metadata block with its values on the next lines
    Want("1.1", owners=("县政府办公室",), rule="文件公开后3个工作日内"),
    Want("1.2", lead=("县政府办公室",), jointly=("县司法局",), rule="长期坚持"),
]


@pytest.mark.parametrize(
    ("name", "header", "header_doubts", "want"),
    [
        (
            "jingzhou-2022-clearlist.txt",
            (None, None, date(2022, 7, 25), 2022),  # title and issuer masked (***): refused
            ("标题“***2022年政务公开任务分解责任清单”含遮盖或占位文字", "印发机关“***”含遮盖或占位文字"),
            JINGZHOU,
        ),
        (
            "guangzhou-sfj-2021-stacked.txt",
            ("广州市司法局2021年政务公开工作要点分工方案", "广州市司法局", date(2021, 7, 19), 2021),
            (),
            GUANGZHOU,
        ),
        (
            "taishan-2022-pipes.txt",
            ("2022年政务公开工作任务分工表", None, None, 2022),
            ("没有找到印发机关", "没有找到印发日期", "没有完成时限一栏"),  # said once, not per row
            TAISHAN,
        ),
        (
            "qingshanhu-2023-rectify.txt",
            (
                "关于做好全区2023年度第二季度政务公开测评反馈问题整改工作的通知",
                "青山湖区人民政府",
                date(2023, 6, 1),
                2023,
            ),
            (),
            QINGSHANHU,
        ),
        (
            "zhenba-2024-metadata.txt",
            ("2024年镇巴县政务公开重点任务台账", "县政府网站", date(2024, 4, 6), 2024),
            (),
            ZHENBA,
        ),
    ],
)
def test_development_documents_draft_as_outlined(
    name: str, header: tuple[object, ...], header_doubts: tuple[str, ...], want: list[Want]
) -> None:
    got = draft(name)
    h = got.header
    assert (h.title, h.issuer, h.issued, h.year) == header
    plan_level = [w.message for w in got.warnings if w.line is None]
    assert len(plan_level) == len(header_doubts), plan_level
    for message, word in zip(plan_level, header_doubts, strict=True):
        assert word in message
    check_outline(got, want)


# -- tables as pasted ------------------------------------------------------------------------

HEADER = "2023年某局政务公开重点任务台账\n"


@pytest.mark.parametrize(
    ("table", "want"),
    [
        pytest.param(  # the 序号 alone on its line before its row
            "序号 | 工作任务 | 责任单位 | 完成时限\n1\n| 公开预算决算。 | 财务科 | 6月底前 |\n"
            "2\n| 更新公开指南。 | 办公室 | 年底前 |\n",
            [Want("1", owners=("财务科",), rule="6月底前"), Want("2", owners=("办公室",), rule="年底前")],
            id="number-alone",
        ),
        pytest.param(  # separator lines and the header repeated on the next page
            "| 序号 | 工作任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
            "| 1 | 公开预算决算。 | 财务科 | 6月底前 |\n"
            "||||||\n| 序号 | 工作任务 | 责任单位 | 完成时限 |\n| 2 | 更新公开指南。 | 办公室 | 年底前 |\n",
            [Want("1", owners=("财务科",), rule="6月底前"), Want("2", owners=("办公室",), rule="年底前")],
            id="separators-repeated-header",
        ),
        pytest.param(  # a cell broken over two lines, and an empty row
            "工作任务 | 责任单位 | 完成时限 |\n1.加大惠民惠农资金发放信息公开力度,\n"
            "及时公布分配和使用信息。 | 财政局 | 年底前 |\n"
            "|  |  |  |\n2.更新公开指南。 | 办公室 | 年底前 |\n",
            [Want("1", owners=("财政局",), rule="年底前"), Want("2", owners=("办公室",), rule="年底前")],
            id="broken-cell-empty-row",
        ),
        pytest.param(  # group rows kept as sections; tabs keep empty cells' places
            "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n一、财政信息公开\t\t\t\t\n1\t公开预算决算。\t财政局\t各部门\t6月底前\n"
            "\t\t\t\t\n二、政策解读\t\t\t\t\n2\t同步发布解读。\t办公室\t\t文件公开后3个工作日内\n",
            [
                Want("1", lead=("财政局",), jointly=("各部门",), rule="6月底前", section="一、财政信息公开"),
                Want("2", lead=("办公室",), rule="文件公开后3个工作日内", section="二、政策解读"),
            ],
            id="tabs-groups-jointly-column",
        ),
        pytest.param(  # other names for the columns, and a column not read (备注)
            "序号 | 重点工作 | 具体措施 | 主办单位 | 参与单位 | 时间安排 | 备注\n"
            "1 | 规划信息公开 | 公开年度计划。 | 发改局 | 各乡镇 | 3月底前 | 无\n",
            [Want("1", lead=("发改局",), jointly=("各乡镇",), rule="3月底前", section="规划信息公开")],
            id="other-column-names",
        ),
    ],
)
def test_tables_as_pasted(table: str, want: list[Want]) -> None:
    check_outline(extract_plan(HEADER + table, "doc.txt"), want)


def test_an_xlsx_ledger_drafts_like_its_table(gongkai: Run, tmp_path: Path) -> None:
    """A 任务台账 kept in Excel (openpyxl): a title row, a header 序号/工作任务/责任单位/完成时限,
    a merged 工作任务 cell, an empty row and a date cell."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2023年某区政务公开重点任务台账"])
    sheet.append(["序号", "工作任务", "具体要求", "责任单位", "完成时限"])
    sheet.append([1, "做好主动公开", "及时更新公开指南。", "区政府办公室牵头，各部门配合", "6月底前"])
    sheet.append([2, None, "公开年度报告。", "区政府办公室", date(2024, 1, 31)])
    sheet.merge_cells("B3:B4")
    sheet.append([None, None, None, None, None])
    sheet.append(
        [3, "加强解读", "文件起草科室负责，办公室督促落实。", "文件起草科室负责，办公室督促落实", "长期坚持"]
    )
    path = tmp_path / "台账.xlsx"
    book.save(path)
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 0, result.output
    assert "已从 Excel（.xlsx）文件读取各工作表" in result.stderr
    got = extract_plan(_office_text(path), "台账.xlsx")
    assert got.header.title == "2023年某区政务公开重点任务台账"
    check_outline(
        got,
        [
            Want("1", lead=("区政府办公室",), jointly=("各部门",), rule="6月底前", section="做好主动公开"),
            Want("2", owners=("区政府办公室",), rule="2024年1月31日", section="做好主动公开"),
            Want("3", owners=("文件起草科室",), supervising=("办公室",), rule="长期坚持", section="加强解读"),
        ],
    )


def test_a_docx_table_with_roles(gongkai: Run, tmp_path: Path) -> None:
    """The same rows as a Word table (python-docx), as offices receive 分工方案."""
    import docx

    document = docx.Document()
    document.add_paragraph("2022年某县政务公开工作要点分工方案")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("序号", "工作任务", "责任单位", "完成时限"), strict=True):
        cell.text = text
    for row in (
        ("1", "做好规范性文件公开。", "县司法局牵头各行政机关负责", "6月底前"),
        ("2", "做好政策解读。", "宣传处会办公室", "年底前"),
        ("3", "做好基层公开。", "基层处等", "年底前"),
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    path = tmp_path / "分工方案.docx"
    document.save(str(path))
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 0, result.output
    check_outline(
        extract_plan(_office_text(path), path.name),
        [
            Want("1", lead=("县司法局",), owners=("各行政机关",), rule="6月底前"),
            Want("2", lead=("宣传处",), jointly=("办公室",), rule="年底前"),
            Want("3", owners=("基层处",), rule="年底前", doubts=("“基层处等”：已去掉“等”",)),
        ],
    )


def _office_text(path: Path) -> str:
    from gongkai_cli.files.office import office_text

    read = office_text(path.read_bytes(), str(path))
    assert read is not None
    return read[0]


# -- departments in their roles ----------------------------------------------------------------

PARAGRAPH = "2023年政务公开工作要点\n一、公开\n（一）做好公开工作。（{}）\n"


@pytest.mark.parametrize(
    ("bracket", "want"),
    [
        # issue 21's blind set: 会 = jointly with
        ("宣传处会办公室，年底前", Want("1.1", lead=("宣传处",), jointly=("办公室",), rule="年底前")),
        (
            "市发改委会同市财政局负责，年底前",
            Want("1.1", lead=("市发改委",), jointly=("市财政局",), rule="年底前"),
        ),
        # without a comma between the two roles
        (
            "县司法局牵头各行政机关负责",
            Want("1.1", lead=("县司法局",), owners=("各行政机关",), doubts=("没有期限",)),
        ),
        # the supervising office is not the responsible one
        (
            "文件起草科室负责，办公室督促落实，6月底前",
            Want("1.1", owners=("文件起草科室",), supervising=("办公室",), rule="6月底前"),
        ),
        (
            "办公室指导，各科室负责，年底前",
            Want("1.1", owners=("各科室",), supervising=("办公室",), rule="年底前"),
        ),
        ("法规处牵头，宣传处协同，年底前", Want("1.1", lead=("法规处",), jointly=("宣传处",), rule="年底前")),
        # a trailing 等 dropped, with one flag
        ("基层处等负责，年底前", Want("1.1", owners=("基层处",), rule="年底前", doubts=("“基层处等”",))),
        # 负责落实 read right: no "还写有…" flag
        ("办公室负责落实，年底前", Want("1.1", owners=("办公室",), rule="年底前")),
        ("各镇(街)参照落实，年底前", Want("1.1", owners=("各镇(街)",), rule="年底前")),
        # 管委会 is a name, not "管委 with 会"
        ("管委会负责，年底前", Want("1.1", owners=("管委会",), rule="年底前")),
    ],
)
def test_departments_in_their_roles(bracket: str, want: Want) -> None:
    check_outline(extract_plan(PARAGRAPH.format(bracket), "doc.txt"), [want])


def test_roles_in_the_plan_format_and_due_dept(gongkai: Run, tmp_path: Path) -> None:
    """jointly and supervising are plan keys; `due --dept` finds a duty by its lead, its
    responsible and those working jointly, not by who supervises it."""
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "某局关于印发2023年政务公开工作要点的通知\n某局\n2023年3月1日\n2023年政务公开工作要点\n一、公开\n"
        "（一）做好公开工作。（宣传处会办公室，3月底前）\n（二）做好解读工作。（文件起草科室负责，督查室督促落实，3月底前）\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.yaml"
    assert gongkai("plan", "extract", str(doc), "-o", str(plan)).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    assert "    jointly: [办公室]" in text and "    supervising: [督查室]" in text
    assert gongkai("check", str(plan)).exit_code == 0
    ids = {}
    for dept in ("宣传处", "办公室", "文件起草科室"):
        result = gongkai(
            "due", "--tasks", str(plan), "--today", "2023-03-27", "--dept", dept, "--format", "json"
        )
        ids[dept] = sorted(re.findall(r'"item": "([^"]+)"', result.stdout))
    assert ids["宣传处"] == ids["办公室"] == ["1.1"]
    assert ids["文件起草科室"] == ["1.2"]
    supervisor = gongkai("due", "--tasks", str(plan), "--today", "2023-03-27", "--dept", "督查室")
    assert supervisor.exit_code == 3 and "计划中没有部门“督查室”" in supervisor.output


# -- headers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("2022年全市政务公开任务分解责任清单", "2022年全市政务公开任务分解责任清单"),
        ("2024年镇巴县政务公开重点任务台账", "2024年镇巴县政务公开重点任务台账"),
        ("广州市司法局2021年政务公开工作要点分工方案", "广州市司法局2021年政务公开工作要点分工方案"),
        ("2023年某区政务公开工作实施方案", "2023年某区政务公开工作实施方案"),
        ("关于做好2023年政务公开问题整改工作的通知", "关于做好2023年政务公开问题整改工作的通知"),
    ],
)
def test_title_forms(head: str, title: str) -> None:
    got = extract_plan(f"{head}\n一、公开\n（一）做好公开工作。（办公室负责，年底前）\n", "doc.txt")
    assert got.header.title == title


@pytest.mark.parametrize(
    ("head", "issuer", "issued"),
    [
        # 冠县 (tests/fixtures/extract/real/guanxian-2021 has the page): key and value a line each
        (
            "索引号\n113715250044422281/2021-26757114\n发布机关\n冠县政府\n成文日期\n2021-06-28\n",
            "冠县政府",
            date(2021, 6, 28),
        ),
        # several pairs on a line (青山湖区)
        (
            "索引号: QSHQ--2023-0756 主题分类: 综合政务\n发布机构: 青山湖区人民政府 生成日期: 2023-06-01\n",
            "青山湖区人民政府",
            date(2023, 6, 1),
        ),
        (
            "名称：2023年政务公开工作要点\n发文机关：某市人民政府办公室\n发文日期：2023年05月06日\n",
            "某市人民政府办公室",
            date(2023, 5, 6),
        ),
    ],
)
def test_metadata_blocks(head: str, issuer: str, issued: date) -> None:
    text = head + "2023年政务公开工作要点\n一、公开\n（一）做好公开工作。（办公室负责，年底前）\n"
    got = extract_plan(text, "doc.txt")
    assert (got.header.issuer, got.header.issued) == (issuer, issued)
    assert [i.id for i in got.items] == ["1.1"]  # the block is not a duty


@pytest.mark.parametrize("masked", ["***", "XXX县人民政府办公室", "××局"])
def test_masked_issuers_are_refused(masked: str) -> None:
    text = f"2023年政务公开工作要点\n一、公开\n（一）做好公开工作。（办公室负责，年底前）\n{masked}\n"
    text += "2023年3月1日\n"
    got = extract_plan(text, "doc.txt")
    assert got.header.issuer is None and got.header.issued == date(2023, 3, 1)
    [warning] = [w.message for w in got.warnings if w.line is None]
    assert warning == f"印发机关“{masked}”含遮盖或占位文字：未采用，请填写 plan.issuer"


def test_titles_are_never_cut(gongkai: Run, tmp_path: Path) -> None:
    """A long first clause is the whole title, in the draft and in every output."""
    long = "进一步做好涉及市场主体政策文件的决策、解读、执行落实情况和行业帮扶政策与解读的公开工作"
    doc = tmp_path / "doc.txt"
    doc.write_text(f"{SIGNED}（一）{long}。（办公室负责，6月底前）\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    assert gongkai("plan", "extract", str(doc), "-o", str(plan)).exit_code == 0
    assert f"    title: {long}" in plan.read_text(encoding="utf-8")
    result = gongkai("tasks", "--tasks", str(plan), "--today", "2023-03-01", "--format", "csv")
    titles = [row["title"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert long in titles and not any("…" in t for t in titles)


SIGNED = "某局关于印发2023年政务公开工作要点的通知\n某局\n2023年3月1日\n2023年政务公开工作要点\n一、公开\n"


# -- a draft always runs ----------------------------------------------------------------------


def test_an_unreadable_rule_is_work_left_not_a_refusal(gongkai: Run, tmp_path: Path) -> None:
    """(…，尽快推进) is kept verbatim with rule_unread; the item has no date until fixed,
    the rest of the plan works, and check lists it as work left (exit 0)."""
    doc = tmp_path / "doc.txt"
    doc.write_text(
        f"{SIGNED}（一）做好公开工作。（办公室负责，6月底前）\n（二）做好解读工作。（宣传处负责，尽快推进实施）\n",
        encoding="utf-8",
    )
    plan = tmp_path / "plan.yaml"
    assert gongkai("plan", "extract", str(doc), "-o", str(plan)).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    assert "    rule: 尽快推进实施\n    rule_unread: true  # 待核对: 期限写法“尽快推进实施”无法识别" in text
    result = gongkai("check", str(plan))
    assert result.exit_code == 0, result.output
    assert "计划有效，但还有 1 处待核对" in result.stdout
    assert re.search(r"plan.yaml:[0-9]+: 警告：待核对：期限写法“尽快推进实施”无法识别", result.stderr)
    for command in (("tasks",), ("due",), ("status",)):
        run = gongkai(*command, "--tasks", str(plan), "--today", "2023-06-26")
        assert run.exit_code == 0, run.output
    due = gongkai("due", "--tasks", str(plan), "--today", "2023-06-26", "--format", "json")
    assert '"item": "1.1"' in due.stdout and '"item": "1.2"' not in due.stdout
    tasks = json.loads(
        gongkai("tasks", "--tasks", str(plan), "--today", "2023-06-26", "--format", "json").stdout
    )
    kinds = {ob["item"]: (ob["kind"], ob["rule"]) for ob in tasks["items"] if ob["kind"] != "report"}
    assert kinds == {"1.1": ("deadline", "6月底前"), "1.2": ("open", "尽快推进实施")}
    # the comment deleted, the key left: still listed as work left
    plan.write_text(re.sub(r"(rule_unread: true)  # .*", r"\1", text), encoding="utf-8")
    again = gongkai("check", str(plan))
    assert again.exit_code == 0 and "还有 1 处待核对" in again.stdout
    # fixed: the rule rewritten and the key removed, the item is due like any other
    plan.write_text(re.sub(r"尽快推进实施\n    rule_unread: true.*\n", "9月底前\n", text), encoding="utf-8")
    fixed = gongkai("check", str(plan))
    assert fixed.exit_code == 0 and "待核对" not in fixed.stdout


def test_rule_unread_takes_only_true(gongkai: Run, tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(f"{SIGNED}（一）做好公开工作。（宣传处负责，尽快推进实施）\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    assert gongkai("plan", "extract", str(doc), "-o", str(plan)).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r"rule_unread: true", "rule_unread: false", text), encoding="utf-8")
    result = gongkai("check", str(plan))
    assert result.exit_code == 3
    assert "rule_unread 只能写 true" in result.output


# -- prose, headings and empty cells are not duties; flags only where there is a doubt ------


def test_empty_cells_are_not_items() -> None:
    text = (
        HEADER + "序号\t工作任务\t责任单位\t完成时限\n1\t公开预算决算。\t财务科\t6月底前\n2\t\t\t\n\t\t\t\n"
    )
    got = extract_plan(text, "doc.txt")
    assert [i.id for i in got.items] == ["1"]


def test_a_sure_reading_carries_no_flag() -> None:
    """Every development document: each flag is one doubt, and an item read without a
    doubt carries none (the outlines above say which)."""
    raised = needed = 0
    for name, want in (
        ("jingzhou-2022-clearlist.txt", JINGZHOU),
        ("guangzhou-sfj-2021-stacked.txt", GUANGZHOU),
        ("taishan-2022-pipes.txt", TAISHAN),
        ("qingshanhu-2023-rectify.txt", QINGSHANHU),
        ("zhenba-2024-metadata.txt", ZHENBA),
    ):
        got = {i.id: i for i in draft(name).items}
        raised += sum(len(i.flags) for i in got.values())
        needed += sum(len(w.doubts) for w in want)
        assert {i for i, item in got.items() if item.flags} == {w.id for w in want if w.doubts}
    assert (raised, needed) == (2, 2)


def test_the_draft_yaml_of_a_development_document_checks(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    assert (
        gongkai("plan", "extract", str(OFFICES / "guangzhou-sfj-2021-stacked.txt"), "-o", str(out)).exit_code
        == 0
    )
    result = gongkai("check", str(out))
    assert result.exit_code == 0, result.output
    assert draft_to_yaml(draft("guangzhou-sfj-2021-stacked.txt")) == out.read_text(encoding="utf-8").replace(
        str(OFFICES / "guangzhou-sfj-2021-stacked.txt"), "guangzhou-sfj-2021-stacked.txt"
    )


def test_a_pdf_ledger_from_its_text_layer(gongkai: Run) -> None:
    """A 台账 printed to PDF (ledger-2023-table.pdf, made by make_pdf.py): pypdf gives one
    cell a line, a long cell over two lines, group rows across the table."""
    pdf = OFFICES / "ledger-2023-table.pdf"
    result = gongkai("plan", "extract", str(pdf))
    assert result.exit_code == 0, result.output
    check_outline(
        extract_plan(_office_text(pdf), pdf.name),
        [
            Want("1", owners=("市直有关部门",), rule="6月底前", section="一、做好各类规划主动公开"),
            Want("2", lead=("市政府办公室",), jointly=("市直有关部门",), rule="年底前"),
            Want("3", owners=("市财政局",), rule="9月底前", section="二、做好财政信息公开"),
        ],
    )
    assert "    title: 主动公开“十四五”规划纲要、各项规划、政策解读等相关信息" in result.stdout


def test_show_names_those_working_jointly_and_supervising(gongkai: Run, tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(
        f"{SIGNED}（一）做好解读工作。（宣传处会办公室，督查室督促落实，3月底前）\n", encoding="utf-8"
    )
    plan = tmp_path / "plan.yaml"
    assert gongkai("plan", "extract", str(doc), "-o", str(plan)).exit_code == 0
    shown = gongkai("show", "1.1", "--tasks", str(plan), "--today", "2023-03-01", "--format", "plain")
    assert shown.exit_code == 0, shown.output
    assert "牵头：宣传处\n负责：—\n配合：办公室\n督促：督查室\n" in shown.stdout
    data = json.loads(gongkai("show", "1.1", "--tasks", str(plan), "--format", "json").stdout)
    assert (data["item"]["jointly"], data["item"]["supervising"]) == (["办公室"], ["督查室"])


def test_a_paragraph_keeps_its_own_departments() -> None:
    """Issue 21: an item took the next paragraph's bracket and ignored the departments it
    names itself. A paragraph ending in labels (牵头单位：…；责任单位：…) is complete: it
    is not run on into the next line, and its labels are its assignment."""
    text = (
        "2023年政务公开工作要点\n一、公开\n（一）做好公开工作\n"
        "按要求公开财政预决算信息。牵头单位：市财政局；责任单位：市发改委、市民政局、市教育局；完成时限：6月底前\n"
        "同步做好解读工作。（办公室负责，年底前）\n"
    )
    check_outline(
        extract_plan(text, "doc.txt"),
        [
            Want("1.1a", lead=("市财政局",), owners=("市发改委", "市民政局", "市教育局"), rule="6月底前"),
            Want("1.1b", owners=("办公室",), rule="年底前"),
        ],
    )
