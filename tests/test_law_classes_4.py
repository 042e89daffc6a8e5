"""Readings of law clauses mended as classes after the law audit's fourth sample
(tests/fixtures/law-audit/sample-4.yaml, seed 20261206: 8 silently wrong before) and the
development draws tuned to after it: each row is a clause of a national law text
(LawRefBook/Laws, commit 2f4c5c2), its article, and the answer a careful reader gives,
asked through the real CLI. Each period: (deadline or None, sense, needs_event or None);
a None answer expects a refusal (exit 3) that says why."""

from __future__ import annotations

import json
from typing import NamedTuple

import pytest

from tests.conftest import Run


class Row(NamedTuple):
    source: str
    clause: str
    start: str
    expected: list[tuple[str | None, str, str | None]] | None


ROWS: list[Row] = [
    # lengths listed one after another are lengths, not deadlines (4-008)
    Row(
        "增值税暂行条例 第二十三条 (sample 4, 20261206-008)",
        "第二十三条 增值税的纳税期限分别为1日、3日、5日、10日、15日、1个月或者1个季度。",
        "2024-09-27",
        None,
    ),
    # 满N为… defines a unit (4-017)
    Row(
        "道路交通安全违法行为记分管理办法 第二十七条 (sample 4, 20261206-017)",
        "参加公安机关交通管理部门组织的交通安全公益活动的，满一小时为一次，一次扣减1分。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # the first months of something (4-018)
    Row(
        "劳动保险条例 第九条 (乙) (sample 4, 20261206-018)",
        "乙、在开始实行劳动保险的头两个月内，由企业行政方面或资方按月缴纳的劳动保险金，全数存于中华全国总工会"
        "户内，作为劳动保险总基金，为举办集体劳动保险事业之用。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # an act whose gain follows (由此获得的利润): a look-back condition (4-046)
    Row(
        "股票发行与交易管理暂行条例 第三十八条 (sample 4, 20261206-046)",
        "第三十八条 股份有限公司的董事、监事、高级管理人员和持有公司5%以上有表决权股份的法人股东，"
        "将其所持有的公司股票在买入后六个月内卖出或者在卖出后六个月内买入，由此获得的利润归公司所有。",
        "2024-09-27",
        [(None, "condition", None), (None, "condition", "卖出")],
    ),
    # a failure in a span that is deemed something (未能…视为) (4-051)
    Row(
        "著作权法实施条例 第二十九条 (sample 4, 20261206-051)",
        "第二十九条 著作权人寄给图书出版者的两份订单在6个月内未能得到履行，"
        "视为著作权法第三十二条所称图书脱销。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # 当场 in the case where it can be done, the other case given a period (4-061)
    Row(
        "信访条例 第二十二条 (sample 4, 20261206-061)",
        "有关行政机关收到信访事项后，能够当场答复是否受理的，应当当场书面答复；不能当场答复的，"
        "应当自收到信访事项之日起15日内书面告知信访人。",
        "2024-09-27",
        [(None, "condition", None), ("2024-10-12", "deadline", None)],
    ),
    # 满N followed by a case that must also hold (4-124); the extension after it is flagged
    Row(
        "证券公司风险处置条例 第十三条 (sample 4, 20261206-124)",
        "满12个月，行政重组未完成的，国务院证券监督管理机构可以决定延长行政重组期限，"
        "但延长行政重组期限最长不得超过6个月。",
        "2024-09-27",
        [(None, "condition", None), ("2025-03-27", "deadline", None)],
    ),
    # a period in an exception's case (…没有离开请求国…的除外) (4-131)
    Row(
        "引渡法 第十四条 (sample 4, 20261206-131)",
        "但经中华人民共和国同意，或者被引渡人在其引渡罪行诉讼终结、服刑期满或者提前释放之日起三十日内没有离开"
        "请求国，或者离开后又自愿返回的除外；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.source[:40] for r in ROWS])
def test_law_clause_class(gongkai: Run, row: Row) -> None:
    result = gongkai("deadline", row.clause, "--from", row.start, "--format", "json")
    if row.expected is None:
        assert result.exit_code == 3, (row.source, result.output)
        assert result.stderr.startswith("gongkai: 错误：") and len(result.stderr.splitlines()) == 1
        return
    assert result.exit_code == 0, (row.source, result.output)
    data = json.loads(result.stdout)
    got = [(p["deadline"], p["sense"], p["needs_event"]) for p in data["periods"]]
    assert got == row.expected, row.source


def test_an_extension_after_a_condition_says_where_it_counts_from(gongkai: Run) -> None:
    """满12个月，…未完成的，…延长…最长不得超过6个月: the condition has no date, so the
    extension is counted from --from and says so (证券公司风险处置条例 第十三条)."""
    clause = ROWS[6].clause
    result = gongkai("deadline", clause, "--from", "2024-09-27", "--format", "json")
    extension = json.loads(result.stdout)["periods"][1]
    assert any("起算日应为原期限的届满日" in w for w in extension["warnings"]), extension["warnings"]


def test_a_list_of_lengths_says_what_it_is(gongkai: Run) -> None:
    """The refusal of 1日、3日… says the numbers are lengths (增值税暂行条例 第二十三条)."""
    result = gongkai("deadline", ROWS[0].clause, "--from", "2024-09-27")
    assert "是一段时间的长短" in result.stderr, result.stderr
