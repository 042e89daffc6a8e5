"""The annual report's table 「收到和处理政府信息公开申请情况」, counted from the register.

Pure. 《中华人民共和国政府信息公开工作年度报告格式》 (国办公开办函〔2021〕30号) fixes the
table: columns by applicant (自然人; 法人或其他组织: 商业企业, 科研机构, 社会公益组织,
法律服务机构, 其他; 总计), rows 一 本年新收, 二 上年结转, 三 本年度办理结果 by category and
reason with its 总计, 四 结转下年度继续办理. Its check holds by construction: 一 + 二 =
三（总计） + 四.

- 本年新收: requests received in the year;
- 上年结转: received before the year and not finished (replied or abandoned) before it;
- 本年度办理结果: requests finished in the year, each once, under its result;
- 结转下年度继续办理: received by 31 December and not finished by then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from .counting import Request
from .vocabulary import ABANDONED, APPLICANTS, all_results, split_result

TOTAL = "总计"


class AnnualTable(NamedTuple):
    year: int
    new: dict[str, int]  # applicant (and 总计) → count
    carried_over: dict[str, int]
    results: dict[str, dict[str, int]]  # stored result (予以公开, 不予公开：属于国家秘密) → applicant → count
    processed: dict[str, int]  # 三（七）总计
    carried_forward: dict[str, int]


def _zero() -> dict[str, int]:
    return dict.fromkeys((*APPLICANTS, TOTAL), 0)


def finish(request: Request) -> tuple[date, str] | None:
    """When and how a request ended (a reply's result; abandonment as 其他处理)."""
    for event in request.events:
        if event.kind == "reply":
            return event.day, event.detail or ""
        if event.kind == "abandon":
            return event.day, ABANDONED
    return None


def annual_table(requests: Iterable[Request], year: int) -> AnnualTable:
    first, last = date(year, 1, 1), date(year, 12, 31)
    table = AnnualTable(year, _zero(), _zero(), {r: _zero() for r in all_results()}, _zero(), _zero())

    def add(counts: dict[str, int], applicant: str) -> None:
        counts[applicant] += 1
        counts[TOTAL] += 1

    for request in requests:
        if request.received > last:
            continue
        who = request.applicant
        ended = finish(request)
        if request.received >= first:
            add(table.new, who)
        elif ended is None or ended[0] >= first:
            add(table.carried_over, who)
        else:
            continue  # finished in an earlier year
        if ended is not None and ended[0] <= last:
            add(table.results[ended[1]], who)
            add(table.processed, who)
        else:
            add(table.carried_forward, who)
    return table


def category_counts(table: AnnualTable, applicant: str = TOTAL) -> dict[str, int]:
    """Category → count (a category's reasons summed): the JSON ``results``."""
    out: dict[str, int] = {}
    for result, counts in table.results.items():
        category, _ = split_result(result)
        out[category] = out.get(category, 0) + counts[applicant]
    return out
