"""The register's words: who applied, how the request came, and how it ended.

The result categories and reasons are the rows of 「收到和处理政府信息公开申请情况」 in
《中华人民共和国政府信息公开工作年度报告格式》 (国务院办公厅政府信息与政务公开办公室,
国办公开办函〔2021〕30号, 2021-09-26), worded exactly as the table words them.
"""

from __future__ import annotations

from ..errors import InputError

# Columns of the table: 自然人, then 法人或其他组织 in five kinds.
NATURAL_PERSON = "自然人"
ORGANISATIONS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
APPLICANTS = (NATURAL_PERSON, *ORGANISATIONS)

# 第三十一条: when a request counts as received depends on how it came.
CHANNELS = ("当面", "邮寄", "网络", "传真", "其他")

# (category, reasons); a category without reasons is one row of the table.
RESULTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("予以公开", ()),
    ("部分公开", ()),
    (
        "不予公开",
        (
            "属于国家秘密",
            "其他法律行政法规禁止公开",
            "危及“三安全一稳定”",
            "保护第三方合法权益",
            "属于三类内部事务信息",
            "属于四类过程性信息",
            "属于行政执法案卷",
            "属于行政查询事项",
        ),
    ),
    ("无法提供", ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确")),
    (
        "不予处理",
        (
            "信访举报投诉类申请",
            "重复申请",
            "要求提供公开出版物",
            "无正当理由大量反复申请",
            "要求行政机关确认或重新出具已获取信息",
        ),
    ),
    (
        "其他处理",
        (
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "其他",
        ),
    ),
)
CATEGORIES = tuple(category for category, _ in RESULTS)
REASONS = {category: reasons for category, reasons in RESULTS}

# What `abandon` records (第三十条: 视为放弃申请), as the table counts it.
ABANDONED = "其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"

SEPARATORS = ("：", ":", "/", "－", "-", "—")


def all_results() -> list[str]:
    """Every result as stored: 予以公开, 不予公开：属于国家秘密 …"""
    return [f"{c}：{r}" if r else c for c, reasons in RESULTS for r in (reasons or ("",))]


def result_name(given: str) -> str:
    """The stored form of a result: a category without reasons, 类别：理由, or a reason
    alone (or a part of one only it has: 逾期不补正). Anything else is bad input."""
    text = "".join(given.split())
    for category, reasons in RESULTS:
        if text == category and not reasons:
            return category
        if text == category:
            raise InputError(f"办理结果“{given}”需写明理由：{'、'.join(reasons)}")
        for sep in SEPARATORS:
            if text.startswith(category + sep):
                reason = _reason(text[len(category) + len(sep) :], [category], given)
                return f"{category}：{reason}"
    return _full(_reason(text, list(CATEGORIES), given))


def _reason(text: str, categories: list[str], given: str) -> str:
    text = text.lstrip("0123456789.．、 ")  # "1.属于国家秘密", as the table numbers them
    pool = [(c, r) for c in categories for r in REASONS[c]]
    exact = [r for _, r in pool if r == text or r.replace("“", "").replace("”", "") == text]
    if len(exact) == 1:
        return exact[0]
    if text and text != "其他":
        part = list(dict.fromkeys(r for _, r in pool if text in r))
        if len(part) == 1:
            return part[0]
    raise InputError(
        f"无法识别的办理结果“{given}”：应为 {'、'.join(CATEGORIES)}，"
        "或“类别：理由”（如 不予公开：属于国家秘密）"
    )


def _full(reason: str) -> str:
    category = next(c for c, reasons in RESULTS if reason in reasons)
    return f"{category}：{reason}"


def split_result(result: str) -> tuple[str, str | None]:
    """(category, reason or None) of a stored result."""
    category, _, reason = result.partition("：")
    return category, reason or None


def choice(given: str, allowed: tuple[str, ...], what: str) -> str:
    text = given.strip()
    if text not in allowed:
        raise InputError(f"{what}“{given}”无效：应为 {'、'.join(allowed)} 之一")
    return text
