"""Prose and header causes found by the fourth blind drafting set
(tests/fixtures/blind-drafting-4, issue 21), each fixed in general form and tested here
through the real CLI on an excerpt of the document that showed it, or on the document
itself (the set's SOURCES.md gives each page's address)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import FIXTURES, Run

SET4 = FIXTURES / "blind-drafting-4"


def _draft(gongkai: Run, tmp_path: Path, text: str | Path) -> tuple[dict[str, Any], str]:
    """(the draft as read back, stderr) of ``gongkai plan extract`` on ``text``."""
    if isinstance(text, Path):
        doc = text
    else:
        doc = tmp_path / "doc.txt"
        doc.write_text(text, encoding="utf-8")
    out = tmp_path / "plan.yaml"
    result = gongkai("plan", "extract", str(doc), "-o", str(out))
    assert result.exit_code == 0, result.output
    return YAML(typ="safe").load(out.read_text(encoding="utf-8")), result.stderr


# 03-zigong-2022.txt (自贡市 2022, 自府办函〔2022〕21号), abridged: the notice, signature,
# title, preamble, 一、 and (一) (二) on a few lines, separated by spaces. The page cuts
# the second bracket; here it is closed, with ",各区县政府" added to show 下同 at work.
ZIGONG = (
    "自府办函〔2022〕21号\n"
    "各区、县人民政府,高新区管委会,市政府各部门,有关单位: 《自贡市2022年政务公开重点工作任务分工方案》"
    "已经市政府同意,现印发给你们,请认真贯彻执行。 自贡市人民政府办公室\n"
    "2022年4月28日 自贡市2022年政务公开重点工作任务分工方案\n"
    "为认真落实《中华人民共和国政府信息公开条例》,深入贯彻国家、省关于全面推进政务公开工作的系列部署,"
    "紧扣市委、市政府中心工作,推动重点领域信息公开和政府信息资源管理,深化基层政务公开,加强平台载体建设,"
    "强化机制保障,制定本分工方案。 一、强化重点领域信息公开,促进政策措施阳光透明 (一)加强稳增长信息公开。"
    "围绕全面提升投资质效、激发消费升级潜力、大力振兴实体经济等重点工作,及时发布实施项目攻坚三年行动等"
    "方面的相关规划、配套政策及重点项目实施情况。(责任单位:市发展改革委、市经济和信息化局、市商务局、"
    "市金融工作局、市税务局,各区县政府、高新区管委会。逗号前为牵头单位,多个牵头单位的按职责分别牵头,下同) "
    "(二)加强调结构信息公开。围绕做大做强先进制造业、提升发展现代服务业等重点工作,及时发布提升园区承载能力"
    "等方面的相关规划、配套政策及重点项目实施情况。(责任单位:市经济和信息化局、市商务局、市文化广电旅游局,"
    "各区县政府)\n"
)


def test_paragraphs_run_together_with_spaces_and_a_brackets_own_rule(gongkai: Run, tmp_path: Path) -> None:
    """Paragraphs separated only by a space are cut there: the header (issuer, date and
    the title sharing a line with the date) is read, and the numbered duties found. The
    bracket's rule 「逗号前为牵头单位…下同」 makes the names before the comma lead, here
    and in every later bracket; its words are no names."""
    draft, _ = _draft(gongkai, tmp_path, ZIGONG)
    assert draft["plan"] == {
        "title": "自贡市2022年政务公开重点工作任务分工方案",
        "issuer": "自贡市人民政府办公室",
        "issued": date(2022, 4, 28),
        "year": 2022,
    }
    items = draft["items"]
    assert [i["id"] for i in items] == ["1.1", "1.2"]
    assert items[0]["title"] == "加强稳增长信息公开"
    assert items[0]["lead"] == ["市发展改革委", "市经济和信息化局", "市商务局", "市金融工作局", "市税务局"]
    assert items[0]["owners"] == ["各区县政府", "高新区管委会"]
    assert items[1]["lead"] == ["市经济和信息化局", "市商务局", "市文化广电旅游局"]
    assert items[1]["owners"] == ["各区县政府"]


def test_without_the_rule_a_comma_separates_nothing(gongkai: Run, tmp_path: Path) -> None:
    """The same brackets without the rule: every name is responsible, none leads."""
    text = ZIGONG.replace("。逗号前为牵头单位,多个牵头单位的按职责分别牵头,下同", "")
    items = _draft(gongkai, tmp_path, text)[0]["items"]
    assert items[0]["lead"] == []
    assert "市发展改革委" in items[0]["owners"] and "高新区管委会" in items[0]["owners"]


def test_a_sentence_with_a_space_inside_a_line_is_not_cut_elsewhere(gongkai: Run, tmp_path: Path) -> None:
    """Only a space after a sentence's end (or a signature's date) ends a paragraph: a
    space between two words of one sentence joins nothing and cuts nothing."""
    text = "2022年政务公开工作要点\n一、重点工作\n(一)加强 政策解读。及时解读政策文件。(市政府办公室负责)\n"
    items = _draft(gongkai, tmp_path, text)[0]["items"]
    assert [i["id"] for i in items] == ["1.1"]
    assert items[0]["owners"] == ["市政府办公室"]


# 04-zhenyuan-2025-rectify.txt (pezhenyuan.gov.cn, 2025), abridged.
ZHENYUAN = """\
一、总体情况
2025年一季度,全县各政府部门深入贯彻落实《中华人民共和国政府信息公开条例》,取得以下成效:
1.主动公开质效提升。重点领域信息公开效率较上年有所提升,公开面不断扩大。
2.政策解读形式创新。通过图文解读、视频动漫、专家访谈等形式进行多维度阐释。
二、存在问题
1.主动公开不及时。部分单位未按要求及时更新信息。
三、整改要求
1.强化责任落实。梳理完善未按要求公开的信息,及时补充公开。
"""


def test_a_reports_overall_results_are_not_duties(gongkai: Run, tmp_path: Path) -> None:
    """总体情况 (what was done) and 存在问题 (findings) are said, not drafted: the
    整改要求 are the duties."""
    draft, stderr = _draft(gongkai, tmp_path, ZHENYUAN)
    assert [i["id"] for i in draft["items"]] == ["3.1"]
    assert "“主动公开质效提升。重点领域信息公开效率较…”是问题或情况，不是待办的工作" in stderr


# 05-changning-sthjj-2022.txt (保山市生态环境局昌宁分局 2022), abridged: the metadata
# block, a heading with a paragraph introducing it, duties whose brackets are never closed.
CHANGNING = """\
索引号 78169183-5-/2022-0412001 发布机构 市生态环境局昌宁分局
公开目录 工作计划 发布日期 2022-04-12
文号 浏览量
主题词
保山市生态环境局昌宁分局2022年政务公开工作要点

根据县人民政府对政务公开工作的部署要求,制定2022年政务公开工作要点。

一、全面落实管理过程“五公开”

坚持以公开为常态、不公开为例外,进一步推进生态环境政策法规和重大措施等领域政府信息“五公开”。

(一)实行重大决策预公开制度。重大生态环境决策前,通过政府网站向社会公布决策草案、决策依据。(牵头部门:办公室、法规宣教股

(二)将“五公开”落实到公文办理程序。拟制公文时,明确主动公开、依申请公开、不予公开等属性。(牵头部门:办公室

(三)加大会议开放程度。制定出台涉及公共利益、公众权益的政策文件,除依法需要保密的外,应及时公开。(牵头部门:办公室)
"""


def test_a_heading_introducing_its_duties_and_a_pages_publication_date(gongkai: Run, tmp_path: Path) -> None:
    """The paragraph under 一、 says why, its (一)-(三) are the duties: 一、 is no item. The
    page's 发布日期, its only date, is the issue date."""
    draft, stderr = _draft(gongkai, tmp_path, CHANGNING)
    assert [i["id"] for i in draft["items"]] == ["1.1", "1.2", "1.3"]
    assert [i["lead"] for i in draft["items"]] == [["办公室", "法规宣教股"], ["办公室"], ["办公室"]]
    assert str(draft["plan"]["issued"]) == "2022-04-12"
    assert "印发日期" not in stderr


def test_a_heading_whose_paragraph_assigns_work_stays(gongkai: Run, tmp_path: Path) -> None:
    """The same heading whose paragraph names who does it is a duty of its own."""
    text = CHANGNING.replace("领域政府信息“五公开”。", "领域政府信息“五公开”。(办公室负责)")
    assert [i["id"] for i in _draft(gongkai, tmp_path, text)[0]["items"]] == ["1", "1.1", "1.2", "1.3"]


@pytest.mark.parametrize(
    ("bracket", "owners"),
    [
        # 01-yunnan-2022.txt (云南省 2022, 云政办发〔2022〕47号), (一)
        ("(省直有关部门,各州、市人民政府按照职责分工负责)", ["各州、市人民政府", "省直有关部门"]),
        ("(各县、区政府按职责分工负责)", ["各县、区政府"]),
        # two names, not one over two levels
        ("(市财政局、县政府按照职责负责)", ["市财政局", "县政府"]),
    ],
)
def test_offices_over_two_levels_and_by_their_duties(
    gongkai: Run, tmp_path: Path, bracket: str, owners: list[str]
) -> None:
    duty = f"(一)加强涉及市场主体的信息公开。增强政策透明度。{bracket}"
    text = f"2022年云南省政务公开工作要点\n一、重点工作\n{duty}\n"
    item = _draft(gongkai, tmp_path, text)[0]["items"][0]
    assert (item["lead"], item["owners"]) == ([], owners)


@pytest.mark.parametrize(
    ("document", "title"),
    [
        # a title line over a catalogue pasted as text
        ("07-huangshi-scjgj-catalogue.txt", "黄石市市场监督管理局政府信息主动公开基本目录"),
        # a .docx whose first paragraph numbers the catalogue as one of a series
        ("12-fengtun-town-catalogue.docx", "凤屯镇政府文件信息领域基层政务公开标准目录"),
    ],
)
def test_a_catalogues_title(gongkai: Run, tmp_path: Path, document: str, title: str) -> None:
    """A catalogue is written without a year: its title is sure, only the year is asked."""
    draft, stderr = _draft(gongkai, tmp_path, SET4 / document)
    assert draft["plan"]["title"] == title
    assert "没有找到工作要点的标题" not in stderr and "是推测的" not in stderr


def test_a_first_numbered_duty_is_no_title(gongkai: Run, tmp_path: Path) -> None:
    """Only a title's form on the first numbered line is a title; a duty is not."""
    _, stderr = _draft(gongkai, tmp_path, "(一)加强政策解读。及时解读政策文件。(市政府办公室负责)\n")
    assert "没有找到工作要点的标题" in stderr


def test_a_duty_sharing_its_line_with_the_signature_is_kept(gongkai: Run, tmp_path: Path) -> None:
    """The signature run onto a duty's line (as 自贡 2022 runs it onto the notice's) is
    cut off and read as the signature; the duty on that line stays a duty."""
    text = (
        "2022年政务公开工作要点\n一、重点工作\n"
        "(一)加强政策解读。及时解读政策文件,年底前完成。 市人民政府办公室\n2022年4月28日\n"
    )
    draft, _ = _draft(gongkai, tmp_path, text)
    assert [i["id"] for i in draft["items"]] == ["1.1"]
    assert draft["items"][0]["text"].endswith("年底前完成。")
    assert (draft["plan"]["issuer"], str(draft["plan"]["issued"])) == ("市人民政府办公室", "2022-04-28")


@pytest.mark.parametrize(
    ("last", "flagged"),
    [
        # 02-guizhou-2018.txt (黔府办发〔2018〕22号): the stored page stops in a sentence
        (
            "(二)推进大扶贫信息公开。深化教育、医疗、住房“三保障”信息公开,促进农村贫困家庭学生教育精准扶贫免补政",
            True,
        ),
        # 04-zhenyuan-2025-rectify.txt: it stops right after the duty's title
        ("(二)强化责任落实。梳理完善未按要求公开", True),
        # 03-zigong-2022.txt: it stops inside the bracket
        ("(二)加强调结构信息公开。及时发布相关规划。(责任单位:市经济和信息化局、市商务局", True),
        ("(二)推进大扶贫信息公开。及时公开项目名称和资金来源。", False),
    ],
)
def test_a_page_cut_inside_the_last_duty(gongkai: Run, tmp_path: Path, last: str, flagged: bool) -> None:
    """A page that stops inside its last duty gives that duty one doubt, the cut, instead
    of a missing bracket or deadline the cut text may hold; a whole last duty has none."""
    first = "(一)加强政策解读。及时解读政策文件。(市政府办公室负责,年底前完成)"
    text = f"2018年政务公开工作要点\n一、重点工作\n{first}\n{last}\n"
    draft, stderr = _draft(gongkai, tmp_path, text)
    cut = "1.2：文本在此中断（本段没有结束）：本项的文字、分工和期限可能不全，请与原文核对"
    assert (cut in stderr) is flagged
    if flagged:
        assert "1.2：本段没有分工括号" not in stderr and "1.2：分工中没有期限" not in stderr
    assert [i["id"] for i in draft["items"]] == ["1.1", "1.2"]


def _spaced_document(path: Path, spaces: int) -> Path:
    """A plan run together on one line with a long run of spaces inside (a page's layout
    padding), as 自贡 2022's page runs its paragraphs together."""
    duty = "(一)加强政策解读。及时解读政策文件。(市政府办公室负责)"
    second = duty.replace("一", "二", 1)
    line = f"为做好政务公开工作,制定本要点。 一、重点工作{' ' * spaces}要求如下。{duty} {second}"
    path.write_text(f"2022年政务公开工作要点\n{line * 3}\n", encoding="utf-8")
    return path


def test_cutting_paragraphs_at_spaces_is_linear(gongkai: Run, tmp_path: Path) -> None:
    """Four times the spaces may take at most eight times as long (quadratic time would
    take sixteen): the cut before "(一)" starts only at a run's first space, so spaces
    not before a number are not tried again from each of them."""
    small = _spaced_document(tmp_path / "small.txt", 5_000)
    large = _spaced_document(tmp_path / "large.txt", 20_000)

    def fastest(doc: Path) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            assert gongkai("plan", "extract", str(doc)).exit_code == 0
            times.append(time.perf_counter() - start)
        return min(times)

    fastest(small)
    assert fastest(large) < 8 * fastest(small)
