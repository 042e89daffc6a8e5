"""gongkai plan extract: a 工作要点's text in, a reviewable plan draft out.

Real documents through the real CLI: the 2016 document (compared with the curated
data/tasks-2016.yaml), made-up documents in other layouts, and the drafts checked by
``gongkai check``.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.errors import InputError
from gongkai_cli.phrases.reader import parse_rule
from gongkai_cli.phrases.resolve import resolve
from gongkai_cli.plan.drafting.extract import extract_plan
from gongkai_cli.plan.drafting.model import Draft, DraftItem
from gongkai_cli.plan.drafting.writer import draft_to_yaml
from gongkai_cli.plan.plan_file import load_plan
from tests.conftest import Run

ROOT = Path(__file__).resolve().parents[1]
DOCS = Path(__file__).parent / "fixtures" / "extract"
DOC_2016 = DOCS.parent / "2016-work-points.txt"  # the published 2016 text, also read by test_plan
# 1． 2、 （1）, 牵头部门：/配合部门：, a missing and an unreadable deadline
ARABIC = DOCS / "arabic-2017.txt"
QUIRKS = DOCS / "quirks-2018.txt"  # no notice, signature at the end, page break, bracket line
WARNING_LINE = re.compile(r"^(?P<file>.+):(?P<line>[0-9]+): 警告：(?P<message>.+)$")


def draft_of(path: Path) -> Draft:
    return extract_plan(path.read_text(encoding="utf-8"), path.name)


def by_id(draft: Draft) -> dict[str, DraftItem]:
    return {item.id: item for item in draft.items}


def extract_to(gongkai: Run, doc: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = gongkai("plan", "extract", str(doc), "-o", str(out), *extra)
    return result.exit_code, result.stderr


def item_blocks(yaml_text: str) -> list[tuple[str, int, int, list[str]]]:
    """(id, first line, last line, 待核对 comments above it) for each item of a draft."""
    lines = yaml_text.splitlines()
    starts = [
        (n, m.group(1))
        for n, line in enumerate(lines, 1)
        if (m := re.match(r'^  - id: "([^"]+)"$', line)) and n > lines.index("items:")
    ]
    blocks = []
    for index, (start, item_id) in enumerate(starts):
        end = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(lines)
        comments = []
        n = start - 1
        while n >= 1 and lines[n - 1].startswith("  # 待核对: "):
            comments.append(lines[n - 1])
            n -= 1
        blocks.append((item_id, start, end, comments))
    return blocks


# -- the 2016 document ---------------------------------------------------------------


def test_2016_header_from_the_notice_and_the_signature() -> None:
    header = draft_of(DOC_2016).header
    assert header.title == "2016年政务公开工作要点"
    assert header.issuer == "国家知识产权局办公室"
    assert header.issued == date(2016, 5, 18)
    assert header.year == 2016
    assert header.source == "国家知识产权局办公室关于印发2016年政务公开工作要点的通知"


def test_2016_matches_the_curated_plan(gongkai: Run, tmp_path: Path, cal: WorkCalendar) -> None:
    """Same ids, same departments, same events, and every rule resolves to the same
    deadline (anchor: the issue date), through the real CLI and the real plan loader."""
    out = tmp_path / "draft.yaml"
    code, _ = extract_to(gongkai, DOC_2016, out)
    assert code == 0
    drafted, curated = load_plan(out), load_plan(ROOT / "src" / "gongkai_cli" / "data" / "tasks-2016.yaml")
    assert (drafted.title, drafted.issuer, drafted.issued, drafted.year) == (
        curated.title,
        curated.issuer,
        curated.issued,
        curated.year,
    )
    assert [i.id for i in drafted.items] == [i.id for i in curated.items]
    for mine, theirs in zip(drafted.items, curated.items, strict=True):
        assert set(mine.lead) == set(theirs.lead), mine.id
        assert set(mine.owners) == set(theirs.owners), mine.id
        assert mine.event == theirs.event, mine.id
        assert mine.report == theirs.report, mine.id
        assert mine.rule.kind == theirs.rule.kind, mine.id
        assert (
            resolve(mine.rule, drafted.issued, cal).deadline
            == resolve(theirs.rule, curated.issued, cal).deadline
        ), mine.id
    assert [(r.id, r.title) for r in drafted.reports] == [(r.id, r.title) for r in curated.reports]
    for mine_r, theirs_r in zip(drafted.reports, curated.reports, strict=True):
        assert (
            resolve(mine_r.rule, date(2016, 6, 30), cal).deadline
            == resolve(theirs_r.rule, date(2016, 6, 30), cal).deadline
        )


def test_2016_quirks() -> None:
    items = by_id(draft_of(DOC_2016))
    # a paragraph broken across a page ("信息公" / "开")
    assert "推进专利代理机构信息公开，依法公开" in items["1.2a"].text
    # the bracket on a line of its own (5·(三)2), with spaces inside the number
    assert items["5.3.2"].lead == ("办公室",)
    assert items["5.3.2"].owners == ("人事司", "人事教育部")
    assert items["5.3.2"].rule == "11月底完成"
    # 及 inside a name (初审及流程管理部) and between names (办公室及规划发展司)
    assert "初审及流程管理部" in items["1.1a"].owners
    assert items["3.3c"].owners == ("国际合作司", "专利局办公室", "办公室", "规划发展司")
    # headings verbatim; the Arabic number is in the id only
    assert items["1.1a"].section == "一、围绕深化改革推进公开 (一)"
    assert items["5.1.1"].section == "五、围绕增强公开实效加强能力建设 （一）提高公开工作制度化标准化水平。"
    # the appendix note in traditional characters and the preamble are not duties
    assert not any("附錄" in i.text or "为深入贯彻落实" in i.text for i in items.values())
    assert not any("…" in i.title for i in items.values())  # never cut (issue 21)


def test_2016_event_and_closing_duties() -> None:
    draft = draft_of(DOC_2016)
    items = by_id(draft)
    assert (items["4.1a"].rule, items["4.1a"].event) == ("文件公开后3个工作日内", "文件公开")
    assert (items["4.2b"].rule, items["4.2b"].event) == ("24小时内", "重大突发事件")
    closing = [(i.id, i.rule, i.owners) for i in draft.items if i.id.startswith("end.")]
    assert closing == [
        ("end.1", "印发之日起5个工作日内", ("各部门单位",)),
        ("end.2", None, ("办公室",)),
        ("end.3", "年内", ("办公室",)),
        ("end.4", "年底前", ("办公室",)),
        ("end.5", "2017年1月15日前", ("局机关各部门", "专利局综合管理部门", "专利复审委员会")),
        ("end.6", None, ("办公室",)),
    ]
    assert all(items[i].report is False for i, _, _ in closing)
    [report] = draft.reports
    assert (report.id, report.title, report.rule) == ("report", "书面报送落实情况", "期限届满后10个工作日内")


def test_2016_flags() -> None:
    """What the 2016 draft asks a person to look at, and nothing else."""
    flagged = {i.id for i in draft_of(DOC_2016).items if i.flags}
    assert flagged == {"4.1a", "4.2a", "4.2b", "4.3a", "5.1.4b", "5.3.2", "end.2", "end.6"}


def test_2016_draft_passes_check(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "tasks-2016.yaml"
    assert extract_to(gongkai, DOC_2016, out)[0] == 0
    result = gongkai("check", str(out))
    assert result.exit_code == 0, result.output
    # valid, but never clean while 待核对 comments are left: each one is listed
    assert "计划有效，但还有 8 处待核对" in result.stdout
    assert result.stderr.count("警告：待核对：") == 8
    data = json.loads(gongkai("check", str(out), "--format", "json").stdout)
    assert [m["message"][:6] for m in data["review"]][:2] == ["括号中的期限", "本段没有分工"]
    reviewed = out.read_text(encoding="utf-8").replace("# 待核对:", "# 已核对:")
    out.write_text(reviewed, encoding="utf-8")
    clean = gongkai("check", str(out))
    assert clean.exit_code == 0 and "待核对" not in clean.output
    assert clean.stdout.splitlines()[0] == f"{out}：计划有效"


def test_warnings_on_stderr_match_the_yaml_comments(gongkai: Run) -> None:
    result = gongkai("plan", "extract", str(DOC_2016))
    assert result.exit_code == 0
    warnings = [WARNING_LINE.match(line) for line in result.stderr.splitlines() if "警告" in line]
    assert warnings and all(warnings)
    assert {w["file"] for w in warnings if w} == {str(DOC_2016)}
    blocks = item_blocks(result.stdout)
    commented = {item_id for item_id, _, _, comments in blocks if comments}
    warned = {w["message"].split("：", 1)[0] for w in warnings if w}
    assert commented == warned
    assert "2016-work-points.txt:65: 警告：4.1a：括号中的期限是“适时进行”" in result.stderr
    assert "4.1a" in result.stderr and "待核对" in result.stdout
    # the stdout is YAML and nothing else
    assert yaml.safe_load(result.stdout)["format"] == 1


# -- made-up documents in other layouts -----------------------------------------------


def test_arabic_numbering_and_labelled_brackets() -> None:
    draft = draft_of(ARABIC)
    assert (draft.header.title, draft.header.issuer, draft.header.issued, draft.header.year) == (
        "2017年政务公开工作要点",
        "某市市场监督管理局办公室",
        date(2017, 3, 1),
        2017,
    )
    # 配合部门 are jointly (issue 21), shown here after the responsible
    got = {i.id: (i.section, i.lead, i.owners + i.jointly, i.rule, i.event) for i in draft.items}
    assert got == {
        "1.1": ("一、推进决策公开", ("法规处",), ("办公室", "信息中心"), "6月底前", None),
        "1.2.1": (
            "一、推进决策公开 2、加强政策解读",
            ("办公室",),
            ("各业务处室",),
            "文件公开后3个工作日内",
            "文件公开",
        ),
        "1.2.2": ("一、推进决策公开 2、加强政策解读", (), ("宣传处",), None, None),
        "2.1": ("二、推进执行和结果公开", ("执法稽查处",), (), "争取尽快完成", None),
        "2.2": ("二、推进执行和结果公开", ("执法稽查处",), ("各业务处室",), "按季度公开", None),
        "2.3": ("二、推进执行和结果公开", (), ("办公室",), "2018年1月31日前", None),
        "end.1": ("", (), ("各处室",), "印发之日起10个工作日内", None),
        "end.2": ("", (), ("办公室",), "12月15日前", None),
    }


def test_missing_and_unreadable_deadlines_are_flagged_and_kept(gongkai: Run) -> None:
    result = gongkai("plan", "extract", str(ARABIC))
    assert result.exit_code == 0
    assert f"{ARABIC}:16: 警告：1.2.2：括号中没有期限" in result.stderr
    assert f"{ARABIC}:18: 警告：2.1：期限写法“争取尽快完成”无法识别：原样保留" in result.stderr
    blocks = {item_id: (start, end, comments) for item_id, start, end, comments in item_blocks(result.stdout)}
    lines = result.stdout.splitlines()
    start, end, comments = blocks["2.1"]
    assert "    rule: 争取尽快完成" in lines[start - 1 : end]  # kept verbatim
    # the doubt is written once, on the rule_unread line: the item has no date until fixed
    assert (
        "    rule_unread: true  # 待核对: 期限写法“争取尽快完成”无法识别：原样保留，暂按无期限处理；"
        in "\n".join(lines[start - 1 : end])
    )
    assert not any("争取尽快完成" in c for c in comments)
    start, end, comments = blocks["1.2.2"]
    assert "    rule: null" in lines[start - 1 : end]
    assert any("没有期限" in c for c in comments)
    assert not blocks["1.1"][2]


def test_check_lists_exactly_the_flagged_items(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    assert extract_to(gongkai, ARABIC, out)[0] == 0
    result = gongkai("check", str(out))
    assert result.exit_code == 0  # a draft always runs: the unreadable rule is work left
    problem_lines = [
        int(m["line"])
        for line in result.stderr.splitlines()
        if (m := re.match(rf"^{re.escape(str(out))}:(?P<line>[0-9]+): (?!警告：待核对)", line))
    ]
    text = out.read_text(encoding="utf-8")
    # every 待核对 comment is also listed, on its own line of the file
    review = {
        int(m["line"])
        for line in result.stderr.splitlines()
        if (m := re.match(rf"^{re.escape(str(out))}:(?P<line>[0-9]+): 警告：待核对：", line))
    }
    lines = text.splitlines()
    assert problem_lines == []
    marked = {
        n for n, line in enumerate(lines, 1) if re.match(r"^\s*(?:rule_unread: true\s*)?# 待核对:", line)
    }
    assert review == marked
    blocks = item_blocks(text)
    unread_lines = [n for n in review if "rule_unread" in lines[n - 1]]
    unread = {item_id for item_id, start, end, _ in blocks for n in unread_lines if start <= n <= end}
    assert unread == {"2.1"}
    assert f"计划有效，但还有 {len(marked)} 处待核对" in result.stdout


def test_quirks_no_notice_signature_last_page_break_bracket_line(gongkai: Run, tmp_path: Path) -> None:
    draft = draft_of(QUIRKS)
    assert (draft.header.title, draft.header.issuer, draft.header.issued, draft.header.source) == (
        "2018年政务公开工作要点",
        "某区人民政府办公室",
        date(2018, 4, 2),
        None,
    )
    got = {i.id: (i.lead, i.owners, i.rule, i.event) for i in draft.items}
    assert got == {
        "1.1.1": (("区财政局",), ("各部门",), "8月底前完成", None),
        "1.1.2": ((), ("区财政局",), "每季度公开", None),
        "1.2": ((), ("区发展改革委", "区住房城乡建设局"), "长期坚持", None),
        "2": ((), ("区应急局",), "5小时内", "重大突发事件"),
    }
    assert "方便公众查阅和监督" in by_id(draft)["1.1.1"].text  # the page break joined
    assert by_id(draft)["2"].flags  # no bracket: departments read from the sentence
    out = tmp_path / "tasks-2018.yaml"
    assert extract_to(gongkai, QUIRKS, out)[0] == 0
    assert gongkai("check", str(out)).exit_code == 0


PARAGRAPH = "一、公开工作\n（一）做好某项公开工作，确保取得实效。（{}）\n"


@pytest.mark.parametrize(
    ("bracket", "lead", "owners", "rule", "flagged"),
    [
        (
            "条法司、审查业务管理部、初审及流程管理部、专利复审委员会按职责分工分别落实，6月底前完成",
            (),
            ("条法司", "审查业务管理部", "初审及流程管理部", "专利复审委员会"),
            "6月底前完成",
            False,
        ),
        ("专利管理司牵头落实，按月公开", ("专利管理司",), (), "按月公开", False),
        (
            "办公室牵头落实，信息产生部门按职责分工负责；全年适时进行",
            ("办公室",),
            ("信息产生部门",),
            "全年适时进行",
            False,
        ),
        (
            "办公室牵头落实、人事司和人事教育部负责新录入人员培训工作，11 月底完成",
            ("办公室",),
            ("人事司", "人事教育部"),
            "11月底完成",
            True,
        ),  # 负责“新录入人员培训工作”: noted
        ("三期办，适时进行", (), ("三期办",), "适时进行", False),
        (
            "国际合作司、专利局办公室、办公室及规划发展司依职责推进，具体时限按有关要求执行",
            (),
            ("国际合作司", "专利局办公室", "办公室", "规划发展司"),
            "具体时限按有关要求执行",
            False,
        ),
        (
            "牵头部门：法规处；配合部门：办公室、信息中心；完成时限：6月底前",
            ("法规处",),
            ("办公室", "信息中心"),
            "6月底前",
            False,
        ),
        ("牵头单位:财政局;责任单位:各部门;时限:12月底前", ("财政局",), ("各部门",), "12月底前", False),
        ("财务处负责，办公室配合，2017年1月15日前", (), ("财务处", "办公室"), "2017年1月15日前", False),
        ("宣传处负责", (), ("宣传处",), None, True),
        ("6月底前完成", (), (), "6月底前完成", True),
    ],
)
def test_bracket_forms(
    bracket: str, lead: tuple[str, ...], owners: tuple[str, ...], rule: str | None, flagged: bool
) -> None:
    [item] = extract_plan(PARAGRAPH.format(bracket), "doc.txt").items
    # 配合 is jointly (issue 21; tests/test_extract_offices.py keeps the roles apart)
    assert (item.lead, item.owners + item.jointly, item.rule) == (lead, owners, rule)
    assert bool(item.flags) == flagged
    if rule is not None:
        parse_rule(rule)  # every kept phrase here is readable


def test_half_width_brackets_and_full_width_numbers() -> None:
    text = (
        "一、公开\n(一) 做好公开。(办公室负责，6月底前完成)\n"
        "（二）\u3000做好解读。（宣传处负责，１０月底前完成）\n"
    )
    items = extract_plan(text, "doc.txt").items
    got = [(i.id, i.owners, i.rule) for i in items]
    assert got == [("1.1", ("办公室",), "6月底前完成"), ("1.2", ("宣传处",), "１０月底前完成")]  # verbatim
    assert parse_rule("１０月底前完成").month == 10 and not any(i.flags for i in items)


def test_citation_brackets_are_not_assignments() -> None:
    text = "一、公开\n（一）贯彻《意见》(中办发〔2016〕13 号)，做好公开。（办公室负责，6月底前完成）\n"
    [item] = extract_plan(text, "doc.txt").items
    assert (item.owners, item.rule) == (("办公室",), "6月底前完成")


def test_a_paragraph_without_bracket_or_deadline_is_kept_and_flagged() -> None:
    text = (
        "一、公开\n（一）做好公开工作，提高公开质量。各部门要高度重视。\n"
        "（二）做好解读。（办公室负责，6月底前完成）\n"
    )
    items = by_id(extract_plan(text, "doc.txt"))
    assert items["1.1"].rule is None and items["1.1"].flags
    assert not items["1.2"].flags


def test_several_duty_paragraphs_get_letters_a_single_one_none() -> None:
    text = (
        "一、公开\n（一）做好甲。（办公室负责，6月底前完成）\n做好乙。（财务处负责，8月底前完成）\n"
        "（二）做好丙。（宣传处负责，适时进行）\n"
    )
    assert [i.id for i in extract_plan(text, "doc.txt").items] == ["1.1a", "1.1b", "1.2"]


def test_missing_header_is_flagged_in_the_yaml() -> None:
    draft = extract_plan("一、公开\n（一）做好公开。（办公室负责，6月底前完成）\n", "doc.txt")
    assert draft.header.issued is None and draft.header.title is None
    text = draft_to_yaml(draft)
    assert "  # 待核对: 没有找到印发日期" in text
    plan = yaml.safe_load(text)["plan"] or {}
    assert "  # issued: （未找到，请填写，如 2016-05-18）" in text
    assert "issued" not in plan and "title" not in plan and "issuer" not in plan  # left out, never null
    assert "null" not in text.split("items:")[0]


def test_yaml_quotes_what_yaml_would_misread() -> None:
    text = "一、公开\n（一）做好公开: 要点 #1。（办公室负责，6月底前完成）\n"
    loaded = yaml.safe_load(draft_to_yaml(extract_plan(text, "doc.txt")))
    [item] = loaded["items"]
    assert item["id"] == "1.1" and item["text"] == "做好公开: 要点 #1。（办公室负责，6月底前完成）"


# -- the command: encodings, stdin, -o ------------------------------------------------


def test_gbk_input_is_detected_and_decoded(gongkai: Run, tmp_path: Path) -> None:
    gbk = tmp_path / "arabic-gbk.txt"
    gbk.write_bytes(ARABIC.read_text(encoding="utf-8").encode("gbk"))
    result = gongkai("plan", "extract", str(gbk))
    assert result.exit_code == 0
    assert "GBK" in result.stderr
    utf8 = gongkai("plan", "extract", str(ARABIC))
    assert yaml.safe_load(result.stdout) == yaml.safe_load(utf8.stdout)


def test_utf8_bom_is_tolerated(gongkai: Run, tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + ARABIC.read_bytes())
    result = gongkai("plan", "extract", str(bom))
    assert result.exit_code == 0 and "GBK" not in result.stderr
    assert yaml.safe_load(result.stdout)["plan"]["issuer"] == "某市市场监督管理局办公室"


def test_undecodable_input_is_bad_data(gongkai: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("一、公开\n".encode() + b"\xff\xfe\xff\n")
    result = gongkai("plan", "extract", str(bad))
    assert result.exit_code == 3
    assert "编码" in result.stderr and "Traceback" not in result.output


def test_stdin(gongkai: Run) -> None:
    result = gongkai("plan", "extract", "-", input=ARABIC.read_text(encoding="utf-8"))
    assert result.exit_code == 0
    assert "<stdin>:18: 警告：2.1" in result.stderr
    assert yaml.safe_load(result.stdout)["plan"]["year"] == 2017


def test_output_refuses_to_overwrite_and_keeps_the_old_file(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "tasks.yaml"
    out.write_text("old: plan\n", encoding="utf-8")
    code, stderr = extract_to(gongkai, ARABIC, out)
    assert code == 3
    assert "--force" in stderr
    assert out.read_text(encoding="utf-8") == "old: plan\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tasks.yaml"]  # no temp file left
    code, _ = extract_to(gongkai, ARABIC, out, "--force")
    assert code == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["plan"]["year"] == 2017
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tasks.yaml"]


def test_output_to_a_new_file_writes_only_it(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    result = gongkai("plan", "extract", str(QUIRKS), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert "已写入" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("# 由 gongkai plan extract")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "找不到文件"),
        (["empty.txt"], "没有找到编号的段落"),
    ],
)
def test_bad_documents_exit_3(
    gongkai: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_text("只是一段话，没有编号。\n", encoding="utf-8")
    result = gongkai("plan", "extract", *args)
    assert result.exit_code == 3
    assert message in result.stderr and "Traceback" not in result.output


def test_help_has_examples(gongkai: Run) -> None:
    for args in (["plan"], ["plan", "extract"]):
        result = gongkai(*args, "--help")
        assert result.exit_code == 0
        assert "示例" in result.output and "gongkai plan extract" in result.output


ALPHABET = (
    "一二三、（）()1234567890.·：；，。\n 年月日底前内后个工作之起"
    "负责牵头落实办公室司部处按月适时进行文件公开印发期限届满"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_extraction_never_crashes(text: str) -> None:
    """Any text gives a draft whose YAML reads back, or a one-line InputError."""
    try:
        draft = extract_plan(text, "doc.txt")
    except InputError:
        return
    loaded = yaml.safe_load(draft_to_yaml(draft))
    assert [str(i["id"]) for i in loaded["items"]] == [i.id for i in draft.items]


# -- forms found by the blind test on real documents (tests/fixtures/extract/real/) ------


def test_a_line_of_departments_without_brackets_assigns_the_paragraph_above() -> None:
    """潍坊市2017年政务公开工作要点实施方案 (https://bdocx.com/doc/5328372.html), a table
    copied one cell a line: each duty is followed by its 责任单位 line, no brackets."""
    text = (
        "一、以政务公开助力稳增长\n（一）加强预期引导\n"
        "围绕出台促进就业规划、就业创业政策，加强就业创业政策信息公开。\n市人社局牵头落实\n"
        "加强金融政策信息公开，加大宣传和预期引导。\n"
        "市金融办、人民银行潍坊市中心支行、潍坊银监分局分别牵头落实\n"
        "公开全市财政收支情况。\n责任单位：市财政局；完成时限：年底前\n"
    )
    items = extract_plan(text, "doc.txt").items
    assert [(i.id, i.lead, i.owners, i.rule) for i in items] == [
        ("1.1a", ("市人社局",), (), None),
        ("1.1b", ("市金融办", "人民银行潍坊市中心支行", "潍坊银监分局"), (), None),
        ("1.1c", (), ("市财政局",), "年底前"),
    ]
    assert items[0].text.endswith("信息公开。（市人社局牵头落实）")
    assert items[0].flags == ("分工行中没有期限：rule 为 null（无固定期限），请补上期限或确认",)


def test_a_sentence_broken_over_lines_is_not_a_department_line() -> None:
    """ "各部门单位要高度重视政务公开工作，对照本要点于印发之日起10个工作日内明" (a line of the
    PDF corpus document) starts like a department but is a sentence, and "办公室" alone is
    a bare name: neither is read as an assignment."""
    text = (
        "一、公开\n（一）做好公开。（办公室负责，6月底前完成）\n"
        "各部门单位要高度重视政务公开工作，对照本要点于印发之日起10个工作日内明\n确责任人。\n"
    )
    items = by_id(extract_plan(text, "doc.txt"))
    assert items["1.1"].owners == ("办公室",)
    assert items["end.1"].owners == ("各部门单位",) and items["end.1"].rule == "印发之日起10个工作日内"


def test_an_opening_summary_heading_is_not_the_closing() -> None:
    """2023年上海市知识产权局政务公开工作要点 (http://echinagov.com/policy/340797.htm):
    一、总体要求 with 指导思想 / 工作目标 first and no bracket anywhere. The duties after it
    are drafted (the document was refused before), the goals are not duties."""
    text = (
        "2023年上海市知识产权局政务公开工作要点\n一、总体要求\n（一）指导思想\n加快转变政务公开职能。\n"
        "（二）工作目标\n到2023年底，政策文件数字化归集和推送机制基本形成。\n二、工作任务\n"
        "（一）加强知识产权工作重点领域信息公开\n1.围绕强市建设深化信息公开。及时公开年度推进计划和实施情况。\n"
        "三、工作要求\n办公室于年底前汇总落实情况。\n"
    )
    items = extract_plan(text, "doc.txt").items
    assert [(i.id, i.owners, i.rule) for i in items] == [
        ("2.1.1", (), None),
        ("end.1", ("办公室",), "年底前"),
    ]


def test_a_subject_before_weirao_is_the_department() -> None:
    """建平县2022年政务公开工作要点 (http://www.lnjp.gov.cn/html/JPXZF/202207/0166003151216194.html):
    "相关部门围绕…，及时全面公开…" names its department before 围绕."""
    text = (
        "一、公开\n（一）助推发展\n1.围绕先导区开展信息公开。相关部门围绕“通道对接、产业对接”，及时全面公开相关重大项目。\n"
        "2.围绕做强产业集群，发布三年行动方案。\n"
    )
    items = by_id(extract_plan(text, "doc.txt"))
    assert items["1.1.1"].owners == ("相关部门",)
    assert items["1.1.2"].owners == () and items["1.1.2"].flags


def test_a_table_copied_one_cell_a_line() -> None:
    """池州市信访局 政务公开重点任务 (https://xfj.chizhou.gov.cn/OpennessContent/show/1426818.html)
    as the page gives it: one cell a line, "|" after each, no mark where a row ends; the
    header has no 序号 but the rows do, and row 2 has no 工作任务 (merged with row 1)."""
    cells = [
        *("工作任务", "具体要求", "责任科室", "时限要求"),
        *("做好主动公开基础工作", "1", "严格规范政府信息公开专栏。", "各科室", "持续推进"),
        *("2", "规范做好年度报告编制发布工作。", "办公室", "年底前"),
        *(
            "规范办理依申请公开",
            "3",
            "依法依规办理政府信息公开申请。",
            "复查科",
            "收到申请之日起20个工作日内",
        ),
    ]
    text = "2023年某局政务公开重点任务\n" + "".join(f"{c}\n|\n" for c in cells)
    items = extract_plan(text, "doc.txt").items
    assert [(i.id, i.section, i.owners, i.rule) for i in items] == [
        ("1", "做好主动公开基础工作", ("各科室",), "持续推进"),
        ("2", "做好主动公开基础工作", ("办公室",), "年底前"),
        ("3", "规范办理依申请公开", ("复查科",), "收到申请之日起20个工作日内"),
    ]
    assert items[1].line == 20  # the line of its 序号 (each cell takes two lines)


def test_cells_that_do_not_fall_into_rows_are_not_a_table() -> None:
    """A row missing a cell cannot be told from the next one: not read as a table (the
    document is then refused with a clear message, never drafted wrong)."""
    cells = ["工作任务", "责任科室", "时限要求", "做好公开", "1", "办公室", "2", "办公室", "年底前"]
    with pytest.raises(InputError, match="没有找到编号的段落"):
        extract_plan("".join(f"{c}\n|\n" for c in cells), "doc.txt")


def test_a_closing_sentence_without_subject_takes_the_one_before() -> None:
    """关于印发2019年全市政务公开重点工作任务分工的通知 (白城,
    http://xxgk.jlbc.gov.cn/bcsrmzf/szf/gkyj/201905/t20190529_711091.html), 三、保障措施:
    "…各地各部门要结合实际加快组织推进。要将具体措施或方案于6月10日前…公开发布" is one
    duty (6月10日前) of 各地各部门, flagged; 加快组织推进 is not a duty of its own."""
    text = (
        "2019年全市政务公开重点任务分工\n一、公开\n（一）做好公开。（办公室负责，年底前）\n三、保障措施\n"
        "按照国家和省市部署和要求,各地各部门要结合实际加快组织推进。"
        "要将具体措施或方案于6月10日前在本地、本部门政府信息公开目录中公开发布,接受社会监督。\n"
    )
    end = [i for i in extract_plan(text, "doc.txt").items if i.id.startswith("end.")]
    assert [(i.id, i.owners, i.rule) for i in end] == [("end.1", ("各地各部门",), "6月10日前")]
    assert end[0].flags == (
        "“要将具体措施或方案于6月10日前在本地、本部门政府信息公开目录中公开发布”没有写出负责部门："
        "已取上一句的（各地各部门），请核对",
    )


def test_traditional_characters_are_drafted_in_simplified_and_flagged() -> None:
    """Mirrors of government pages often give them in traditional characters: the bracket
    "（辦公室負責，6月底前完成）" is 办公室 with 负责, never a department 辦公室負責 (OpenCC t2s)."""
    text = (
        "國家知識產權局辦公室關於印發2019年政務公開工作要點的通知\n國家知識產權局辦公室\n2019年4月26日\n"
        "國家知識產權局2019年政務公開工作要點\n一、加強政策解讀\n"
        "（一）做好解讀。政策性文件同步部署。（辦公室負責，6月底前完成）\n"
    )
    draft = extract_plan(text, "doc.txt")
    [item] = draft.items
    assert (item.owners, item.rule, item.line) == (("办公室",), "6月底前完成", 6)
    assert (draft.header.title, draft.header.issuer) == (
        "国家知识产权局2019年政务公开工作要点",
        "国家知识产权局办公室",
    )
    assert [w.message for w in draft.warnings] == [
        "文本是繁体字：已转为简体后起草（条目的文字为简体），请与原文核对"
    ]


def test_pinyin_a_mirror_added_is_taken_out() -> None:
    """国办发〔2016〕19号 as http://www.cptp.org.cn/865.html gives it: "公開(kāi)工作(zuò)"."""
    text = (
        "2016年政務公開(kāi)工作(zuò)要點\n一、圍繞深化改革推進公開(kāi)\n"
        "(一)推進清單公開(kāi)。做(zuò)好事項的公開(kāi)工作(zuò)。(辦公室負責(zé),6月底前完成)\n"
    )
    draft = extract_plan(text, "doc.txt")
    assert draft.header.title == "2016年政务公开工作要点"
    assert [(i.owners, i.rule) for i in draft.items] == [(("办公室",), "6月底前完成")]
    assert draft.warnings[0].message == "文本中有 8 处拼音注音（如“開(kāi)”）：已删去，请与原文核对"


def test_a_simplified_text_is_left_as_it_is() -> None:
    """A simplified text with a character OpenCC would change (乾 in a name) is not
    converted and draws no warning."""
    text = "2019年政务公开工作要点\n一、公开\n（一）做好乾县信息公开。（办公室负责，6月底前完成）\n"
    draft = extract_plan(text, "doc.txt")
    assert draft.items[0].text.startswith("做好乾县")
    assert not [w for w in draft.warnings if "繁体" in w.message]
