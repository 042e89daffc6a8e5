"""Causes found by the second blind drafting set (tests/fixtures/blind-drafting-2,
issue 21), each fixed in general form and tested here on a short excerpt of the document
that showed it (tests/fixtures/extract/causes/SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

from gongkai_cli.plan.drafting.extract import extract_plan
from gongkai_cli.plan.drafting.model import Draft

CAUSES = Path(__file__).parent / "fixtures" / "extract" / "causes"


def draft(name: str) -> Draft:
    return extract_plan((CAUSES / name).read_text(encoding="utf-8"), name)


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
