"""The annual report's table 「收到和处理政府信息公开申请情况」 in every format: the rows
and columns of 国办公开办函〔2021〕30号, worded as the format words them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..register.annual import TOTAL, AnnualTable, category_counts
from ..register.vocabulary import APPLICANTS, NATURAL_PERSON, RESULTS
from .layout import wrap

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .spreadsheet import Sheet

TITLE = "收到和处理政府信息公开申请情况"
COLUMNS = (*APPLICANTS, TOTAL)
NUMERALS = "一二三四五六七"
# The format's note on the arithmetic of the rows.
CHECK_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def rows(table: AnnualTable) -> list[tuple[str, str, dict[str, int]]]:
    """(label, level, counts) in the format's order; level: head, category, reason."""
    out: list[tuple[str, str, dict[str, int]]] = [
        ("一、本年新收政府信息公开申请数量", "head", table.new),
        ("二、上年结转政府信息公开申请数量", "head", table.carried_over),
        ("三、本年度办理结果", "section", {}),
    ]
    for n, (category, reasons) in enumerate(RESULTS):
        label = f"（{NUMERALS[n]}）{category}"
        if category == "部分公开":
            label += "（区分处理的，只计这一情形，不计其他情形）"
        if not reasons:
            out.append((label, "category", table.results[category]))
            continue
        out.append((label, "category", _sum([table.results[f"{category}：{r}"] for r in reasons])))
        out += [(f"{k}.{r}", "reason", table.results[f"{category}：{r}"]) for k, r in enumerate(reasons, 1)]
    out.append((f"（{NUMERALS[len(RESULTS)]}）总计", "category", table.processed))
    out.append(("四、结转下年度继续办理", "head", table.carried_forward))
    return out


def _sum(groups: list[dict[str, int]]) -> dict[str, int]:
    return {c: sum(g[c] for g in groups) for c in COLUMNS}


def report_data(table: AnnualTable) -> dict[str, Any]:
    def by(applicant: str) -> dict[str, Any]:
        return {
            "new": table.new[applicant],
            "carried_over": table.carried_over[applicant],
            "results": category_counts(table, applicant),
            "reasons": {r: c[applicant] for r, c in table.results.items() if "：" in r},
            "processed": table.processed[applicant],
            "carried_forward": table.carried_forward[applicant],
        }

    return {"year": table.year, **by(TOTAL), "by_applicant": {a: by(a) for a in APPLICANTS}}


def report_plain(table: AnnualTable) -> str:
    lines = [f"{TITLE}（{table.year} 年）", ""]
    for label, level, counts in rows(table):
        if level == "section":
            lines.append(label)
            continue
        parts = "，".join(f"{a} {counts[a]}" for a in APPLICANTS if counts[a])
        indent = {"head": "", "category": "  ", "reason": "    "}[level]
        text = f"{label}：{counts[TOTAL]}" + (f"（{parts}）" if parts else "")
        lines += [indent + x for x in wrap(text, 80 - len(indent))]
    return "\n".join(lines)


def report_table(table: AnnualTable) -> RenderableType:
    from rich import box
    from rich.table import Table

    grid = Table(
        title=f"{TITLE}（{table.year} 年）", box=box.SIMPLE_HEAD, title_justify="left", padding=(0, 0)
    )
    grid.add_column("", overflow="fold", min_width=12, ratio=1)
    for name in COLUMNS:
        grid.add_column(name, justify="right", overflow="fold", min_width=4, max_width=6)
    for label, level, counts in rows(table):
        shown = {"head": label, "section": label, "category": "  " + label, "reason": "    " + label}[level]
        grid.add_row(shown, *(str(counts[c]) if counts else "" for c in COLUMNS))
    return grid


def report_md(table: AnnualTable) -> str:
    from .markdown import md_cell

    head = ["", *(f"{a}" if a in (NATURAL_PERSON, TOTAL) else f"法人或其他组织：{a}" for a in COLUMNS)]
    lines = [
        f"## {TITLE}（{table.year} 年）",
        "",
        "| " + " | ".join(head) + " |",
        "|---|" + "---:|" * len(COLUMNS),
    ]
    for label, _, counts in rows(table):
        lines.append(
            "| " + " | ".join([md_cell(label), *(str(counts[c]) if counts else "" for c in COLUMNS)]) + " |"
        )
    lines += ["", CHECK_NOTE]
    return "\n".join(lines)


def report_sheets(table: AnnualTable) -> list[Sheet]:
    from .spreadsheet import Sheet

    header = (CHECK_NOTE, *COLUMNS)
    body: list[list[Any]] = [
        [label, *(counts[c] if counts else None for c in COLUMNS)] for label, _, counts in rows(table)
    ]
    return [Sheet(f"{table.year}年{TITLE}"[:31], header, body)]
