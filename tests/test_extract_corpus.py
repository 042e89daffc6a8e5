"""gongkai plan extract on the corpus of 工作要点 as offices receive them
(tests/fixtures/extract/corpus/, sources in its README): every draft matches its
hand-written outline item by item, the silent-merge paragraph gives two items due where
they should be, and the files arrive as text, .docx and PDF."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.errors import InputError
from gongkai_cli.plan.drafting.extract import extract_plan
from gongkai_cli.plan.drafting.writer import draft_to_yaml
from tests.conftest import Run
from tests.extract_corpus import (
    CORPUS,
    build_docx,
    document_path,
    draft_of,
    expected_of,
    measure,
    outline_name,
    outline_of,
    outlines,
)

OUTLINES = {outline_name(path): path for path in outlines()}


def test_the_corpus_has_every_style() -> None:
    """At least 8 documents, one per style the issue lists (the comment of each outline
    says which styles it holds)."""
    assert len(OUTLINES) >= 8
    styles = " ".join(path.read_text(encoding="utf-8") for path in OUTLINES.values())
    for style in (
        "Several brackets in one paragraph",
        "牵头部门/配合部门",
        "Department-only brackets",
        "Numbered sub-duties",
        "task table pasted as text with tabs",
        "runs of spaces",
        ".docx",
        "title over",
        "the covering notice",
        "PDF",
    ):
        assert style in styles, style


@pytest.mark.parametrize("name", sorted(OUTLINES))
def test_draft_matches_the_outline_item_by_item(name: str, tmp_path: Path, cal: WorkCalendar) -> None:
    expected = expected_of(OUTLINES[name])
    draft = draft_of(expected, tmp_path)
    got = outline_of(draft, cal)
    want = [
        {
            "id": w["id"],
            "lead": w.get("lead", []),
            "owners": w.get("owners", []),
            "jointly": w.get("jointly", []),
            "supervising": w.get("supervising", []),
            "rule": w["rule"],
            "due": str(w["due"]),
            "review": w.get("review", False),
        }
        for w in expected["items"]
    ]
    assert [g["id"] for g in got] == [w["id"] for w in want]  # none missed, none merged, none extra
    known = expected.get("known", {})  # id → why the draft still differs (real documents)
    for mine, theirs in zip(got, want, strict=True):
        if mine["id"] in known:
            assert mine != theirs, f"{mine['id']} now matches: remove it from known"
            continue
        assert mine == theirs, mine["id"]
    header = expected["header"]
    h = draft.header
    assert (h.title, h.issuer, h.issued, h.year) == (
        header["title"],
        header["issuer"],
        header["issued"],
        header["year"],
    )
    m = measure(expected, got)
    right = m.expected - len(known)
    assert (m.found, m.extra, m.missed) == (m.expected, 0, 0)
    assert min(m.departments, m.deadlines) >= right


@pytest.mark.parametrize("name", sorted(OUTLINES))
def test_draft_yaml_leaves_out_what_it_did_not_find(name: str, gongkai: Run, tmp_path: Path) -> None:
    """A header field not found is left out with a 待核对 comment, never null; `check`
    lists every 待核对 left in the draft."""
    expected = expected_of(OUTLINES[name])
    doc = document_path(expected, tmp_path)
    out = tmp_path / "draft.yaml"
    assert gongkai("plan", "extract", str(doc), "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    plan = yaml.safe_load(text)["plan"]
    for key in ("title", "issuer", "issued", "year"):
        if key in expected.get("header_review", []):
            assert key not in plan and f"  # {key}: （未找到" in text
        else:
            assert plan[key] is not None
    comments = [
        n
        for n, line in enumerate(text.splitlines(), 1)
        if re.match(r"^\s*(?:rule_unread: true\s*)?# 待核对:", line)
    ]
    result = gongkai("check", str(out))
    warned = [
        int(m[1])
        for m in re.finditer(rf"^{re.escape(str(out))}:([0-9]+): 警告：待核对：", result.stderr, re.M)
    ]
    assert warned == comments
    # issuer and issued may be left out of a plan (they have defaults); title and year not.
    # An unreadable rule is work left, not a refusal.
    if {"title", "year"} & set(expected.get("header_review", [])):
        assert result.exit_code == 3
    else:
        assert result.exit_code == 0, result.output
        if comments:
            assert f"计划有效，但还有 {len(comments)} 处待核对" in result.stdout


def test_the_silent_merge_gives_two_items_both_due(gongkai: Run, tmp_path: Path) -> None:
    """The issue's case: (条法司负责，6月底前完成) and (规划司负责，9月底前完成) in one
    paragraph are two items, and `due` lists each in its own month."""
    out = tmp_path / "tasks-2019.yaml"
    doc = CORPUS / "sipo-2019-brackets.txt"
    assert gongkai("plan", "extract", str(doc), "-o", str(out)).exit_code == 0
    june = json.loads(
        gongkai("due", "--tasks", str(out), "--today", "2019-06-24", "--week", "--format", "json").stdout
    )
    assert [(i["id"], i["deadline"], i["owners"]) for i in june["items"] if i["id"].startswith("1.1")] == [
        ("1.1a", "2019-06-30", ["条法司"])
    ]
    september = json.loads(
        gongkai("due", "--tasks", str(out), "--today", "2019-09-30", "--week", "--format", "json").stdout
    )
    assert [
        (i["id"], i["deadline"], i["owners"]) for i in september["items"] if i["id"].startswith("1.1")
    ] == [("1.1b", "2019-09-30", ["规划司"])]
    # and in September the June duty, not marked done, is overdue rather than gone
    assert "1.1a" in [i["id"] for i in september["overdue"]]


# -- files as received ------------------------------------------------------------------


def test_a_docx_table_through_the_command(gongkai: Run, tmp_path: Path) -> None:
    doc = build_docx(CORPUS / "jiangmen-2023-docx-table.txt", tmp_path / "要点.docx")
    result = gongkai("plan", "extract", str(doc))
    assert result.exit_code == 0
    assert "已从 Word（.docx）文件读取段落和表格" in result.stderr
    items = yaml.safe_load(result.stdout)["items"]
    # the merged 工作任务 cell heads rows 2–4
    assert [i["section"] for i in items[1:4]] == ["二、做好政府网站专栏信息公开"] * 3


def test_a_pdf_with_a_text_layer(gongkai: Run) -> None:
    result = gongkai("plan", "extract", str(CORPUS / "sipo-2019-brackets.pdf"))
    assert result.exit_code == 0
    assert "PDF 的文字层" in result.stderr
    assert yaml.safe_load(result.stdout)["plan"]["issued"] == date(2019, 4, 26)


def test_a_scanned_pdf_is_refused_with_exit_3(gongkai: Run, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    scan = tmp_path / "扫描件.pdf"
    with scan.open("wb") as handle:
        writer.write(handle)
    result = gongkai("plan", "extract", str(scan), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 3
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith(
            "PDF 的 2 页中没有文字层（可能是扫描件）：请先做文字识别（OCR），或向发文单位索取 Word 或文本版"
        )
    )
    assert "Traceback" not in result.output and not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "旧版 Word（.doc）文件：请用 Word 另存为 .docx"),
        (b"PK\x03\x04" + b"\0" * 100, "无法读取 Word 文件"),
        (b"%PDF-1.4\n%broken", "PDF"),
    ],
)
def test_broken_office_files_exit_3(gongkai: Run, tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "要点.bin"
    bad.write_bytes(content)
    result = gongkai("plan", "extract", str(bad))
    assert result.exit_code == 3
    assert message in result.stderr and "Traceback" not in result.output


# -- brackets and paragraphs in detail --------------------------------------------------


def items_of(body: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str | None, bool]]:
    draft = extract_plan("一、公开\n" + body, "doc.txt")
    return [(i.id, i.lead, i.owners, i.rule, bool(i.flags)) for i in draft.items]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (  # the silent merge, with nothing between the bracket and the next sentence
            "（一）做好甲。（条法司负责，6月底前完成）做好乙。（规划司负责，9月底前完成）\n",
            [
                ("1.1a", (), ("条法司",), "6月底前完成", False),
                ("1.1b", (), ("规划司",), "9月底前完成", False),
            ],
        ),
        (  # a bracket before the full stop, then a sentence with a bracket of its own
            "（一）做好甲（办公室负责，6月底前完成）。做好乙（财务处负责，8月底前完成）。\n",
            [
                ("1.1a", (), ("办公室",), "6月底前完成", False),
                ("1.1b", (), ("财务处",), "8月底前完成", False),
            ],
        ),
        (  # a bracket inside a sentence is part of it, not an assignment
            "（一）各区政府（管委会）要做好甲。（市政府办公厅负责，6月底前完成）\n",
            [("1.1", (), ("市政府办公厅",), "6月底前完成", False)],
        ),
        (  # text after the last bracket is a duty of its own, flagged
            "（一）做好甲。（办公室负责，6月底前完成）同时做好乙的公开工作。\n",
            [("1.1a", (), ("办公室",), "6月底前完成", False), ("1.1b", (), (), None, True)],
        ),
        (  # 牵头 and 负责 inside names are read whole
            "（一）做好解读。（政策牵头起草部门负责，办公室督促落实，6月底前完成）\n",
            # 督促落实 supervises: 办公室 is not responsible (issue 21), it is in supervising
            [("1.1", (), ("政策牵头起草部门",), "6月底前完成", False)],
        ),
        (
            "（一）做好甲。（市金融办、潍坊银监分局分别牵头落实，6月底前完成）\n",
            [("1.1", ("市金融办", "潍坊银监分局"), (), "6月底前完成", False)],
        ),
        (  # labels with no separator between them, half-width colons
            "（一）做好甲。(牵头单位:市财政局 责任单位:各区政府 完成时限:12月底前)\n",
            [("1.1", ("市财政局",), ("各区政府",), "12月底前", False)],
        ),
        (  # department-only, full- and half-width mixed
            "（一）做好甲。(市规划国土委、市住房城乡建设委）\n",
            [("1.1", (), ("市规划国土委", "市住房城乡建设委"), None, True)],
        ),
        (  # a word in brackets is not a department: "(单位)"
            "（一）请各部门(单位)做好甲。（办公室负责，6月底前完成）\n",
            [("1.1", (), ("办公室",), "6月底前完成", False)],
        ),
        (  # sub-duties numbered (1)(2) are not deadlines
            "（一）做好两项工作：（1）做好甲；（2）做好乙。（办公室负责，6月底前完成）\n",
            [
                ("1.1a", (), ("办公室",), "6月底前完成", False),
                ("1.1b", (), ("办公室",), "6月底前完成", False),
            ],
        ),
        (  # two deadlines in one bracket: flagged
            "（一）做好甲。（办公室负责，6月底前启动，12月底前完成）\n",
            [("1.1", (), ("办公室",), "12月底前完成", True)],
        ),
        (  # a labelled bracket with two deadlines
            "（一）做好甲。（责任单位：办公室；完成时限：6月底前；完成时限：9月底前）\n",
            [("1.1", (), ("办公室",), "9月底前", True)],
        ),
    ],
)
def test_brackets_in_paragraphs(body: str, want: list[Any]) -> None:
    assert items_of(body) == want


def test_flags_say_what_is_uncertain() -> None:
    draft = extract_plan(
        "一、公开\n（一）做好甲。（办公室负责，6月底前启动，12月底前完成）\n（二）做好乙。（6月底前完成）\n",
        "doc.txt",
    )
    first, second = draft.items
    assert first.flags == ("括号中有2个期限“6月底前启动”和“12月底前完成”：已取“12月底前完成”，请核对",)
    assert second.flags == ("括号中没有找到负责部门：请补上 lead 或 owners",)


def test_header_forms() -> None:
    def header(text: str) -> tuple[Any, ...]:
        h = extract_plan(text + "\n一、公开\n（一）做好甲。（办公室负责，6月底前完成）\n", "doc.txt").header
        return (h.title, h.issuer, h.issued, h.year)

    # agency after the year, title over two lines, no date line: the year from the title
    assert header("2021年上海市知识产权局政务公开\n工作要点") == (
        "2021年上海市知识产权局政务公开工作要点",
        None,
        None,
        2021,
    )
    # only in the covering notice, nearest before 印发 (not the document it implements)
    assert header(
        "为贯彻落实《2021年上海市政务公开工作要点》，特制订《2021年上海市知识产权局政务公开工作要点》，"
        "现印发给你们，请遵照执行。\n上海市知识产权局办公室\n2021年5月20日"
    ) == ("2021年上海市知识产权局政务公开工作要点", "上海市知识产权局办公室", date(2021, 5, 20), 2021)
    # a title without a year is a guess, and says so; the year from the date line
    draft = extract_plan(
        "某局政务公开工作要点\n某局办公室\n2020年3月2日\n一、公开\n（一）做好甲。（办公室负责，6月底前完成）\n",
        "doc.txt",
    )
    assert (draft.header.title, draft.header.year) == ("某局政务公开工作要点", 2020)
    messages = [w.message for w in draft.warnings if w.line is None]
    assert messages == [
        "标题“某局政务公开工作要点”是推测的（其中没有年份）：请核对 plan.title",
        "标题中没有年份：year 取自印发日期（2020），请核对",
    ]


def test_a_complete_header_raises_no_header_flag() -> None:
    draft = extract_plan(
        "2020年某局政务公开工作要点\n某局办公室\n2020年3月2日\n一、公开\n（一）做好甲。（办公室负责，6月底前完成）\n",
        "doc.txt",
    )
    assert not draft.warnings and not draft.items[0].flags


TABLE_ALPHABET = (
    "一二、（）()12.①②：:；，。\t| \n年月底前内后个工作日起"
    "序号工作任务责任单位牵头部门配合完成时限负责落实督促办公室司处各"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TABLE_ALPHABET, max_size=300))
@example("①\n①")  # once drafted two items numbered "1"
def test_tables_brackets_and_sub_duties_never_crash(text: str) -> None:
    """Any text in the vocabulary of tables, labels and numbered sub-duties gives a draft
    whose YAML reads back with unique ids, or a one-line InputError."""
    try:
        draft = extract_plan(text, "doc.txt")
    except InputError as e:
        assert "\n" not in e.message
        return
    ids = [item.id for item in draft.items]
    assert len(set(ids)) == len(ids)
    loaded = yaml.safe_load(draft_to_yaml(draft))
    assert [str(i["id"]) for i in loaded["items"]] == ids


def test_a_table_beside_numbered_text_keeps_ids_apart() -> None:
    text = (
        "2020年某局政务公开工作要点\n某局办公室\n2020年3月2日\n"
        "一、做好公开。（办公室负责，6月底前完成）\n"
        "附件\n序号\t工作任务\t责任单位\t完成时限\n1\t做好甲\t财务处\t9月底前\n2\t做好乙\t办公室\t年底前\n"
    )
    draft = extract_plan(text, "doc.txt")
    assert [(i.id, i.owners, i.rule) for i in draft.items] == [
        ("1", ("办公室",), "6月底前完成"),
        ("t1", ("财务处",), "9月底前"),
        ("t2", ("办公室",), "年底前"),
    ]


def test_word_automatic_numbering_is_written_out(gongkai: Run, tmp_path: Path) -> None:
    """Word draws "一、" / "1." of an automatically numbered paragraph itself, outside the
    paragraph's text: the labels are counted from numbering.xml, in its format."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    for line in ("2020年某局政务公开工作要点", "某局办公室", "2020年3月2日"):
        document.add_paragraph(line)
    for heading, duty in (
        ("公开工作", "（一）做好甲。（办公室负责，6月底前完成）"),
        ("解读工作", "（一）做好乙。（财务处负责，9月底前完成）"),
    ):
        document.add_paragraph(heading, style="List Number")
        document.add_paragraph(duty)
    # make the List Number list count 一、二、 as a Chinese document's would
    numbering = document.part.numbering_part.element
    style_num = (
        document.styles["List Number"].element.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
    )
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == style_num)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
    )
    level = abstract.find(qn("w:lvl"))
    level.find(qn("w:numFmt")).set(qn("w:val"), "chineseCounting")
    level.find(qn("w:lvlText")).set(qn("w:val"), "%1、")
    path = tmp_path / "要点.docx"
    document.save(str(path))
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 0, result.output
    items = yaml.safe_load(result.stdout)["items"]
    assert [(i["id"], i["section"], i["owners"]) for i in items] == [
        ("1.1", "一、公开工作 （一）", ["办公室"]),
        ("2.1", "二、解读工作 （一）", ["财务处"]),
    ]


def test_a_notice_title_as_web_pages_show_it() -> None:
    """ "京政办发〔2016〕26号《…关于印发〈…〉的通知》" (<https://0798ci.com/policy/70942.html>):
    the document number and the outer 《》 are not part of the notice's title."""
    text = (
        "京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
        "《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
        "《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。\n"
        "北京市人民政府办公厅\n2016年5月28日\n"
        "一、围绕深化改革推进公开\n(一)进一步推进权力清单和责任清单公开\n"
        "对权力清单进行动态调整。(市编办、市政府法制办牵头,各区政府、市政府各部门负责)\n"
    )
    draft = extract_plan(text, "doc.txt")
    h = draft.header
    assert (h.source, h.title, h.issuer, h.issued) == (
        "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知",
        "北京市2016年政务公开工作要点",
        "北京市人民政府办公厅",
        date(2016, 5, 28),
    )
    [item] = draft.items
    assert (item.id, item.lead, item.owners) == (
        "1.1",
        ("市编办", "市政府法制办"),
        ("各区政府", "市政府各部门"),
    )


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from([b"PK\x03\x04", b"%PDF-1.7\n"]),
    st.binary(max_size=400),
    st.sampled_from(["zip", "raw"]),
)
def test_damaged_office_files_are_bad_input(magic: bytes, tail: bytes, how: str) -> None:
    """Whatever follows a .docx or PDF signature, reading it gives text or a one-line
    InputError (exit 3), never a traceback."""
    import io
    import zipfile

    from gongkai_cli.files.office import office_text

    raw = magic + tail
    if how == "zip" and magic.startswith(b"PK"):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", tail)
            archive.writestr("word/document.xml", tail)
        raw = buffer.getvalue()
    try:
        read = office_text(raw, "doc")
    except InputError as e:
        assert "\n" not in e.message
        return
    assert read is not None


def test_a_number_written_twice_keeps_both_duties_apart() -> None:
    # Found by the property above: "①\n①" drafted two items both numbered "1", which
    # check then refused as duplicates. Both are kept, the second renumbered and flagged.
    text = (
        "2020年某局政务公开工作要点\n某局办公室\n2020年3月2日\n"
        "一、做好公开。（办公室负责，6月底前完成）\n"
        "一、做好解读。（条法司负责，9月底前完成）\n"
    )
    draft = extract_plan(text, "doc.txt")
    assert [(i.id, i.owners, i.rule) for i in draft.items] == [
        ("1", ("办公室",), "6月底前完成"),
        ("1-2", ("条法司",), "9月底前完成"),
    ]
    assert any("编号“1”与前面的事项重复" in flag for flag in draft.items[1].flags)
