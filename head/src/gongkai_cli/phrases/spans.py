"""Spans read where a period is no deadline: a keeping time (保存期限不少于5年, 2年内，留存…
备查) and a cap on a named measure (不超过三年的社区康复). Each returns the period as a
restriction (a span's end: never due, never moved), or None."""

from __future__ import annotations

import re
from dataclasses import replace

from .rule import Found
from .vocabulary import MEASURE_VERBS

# What ends a period that makes it a time limit (shared with clause.py's _bare).
MARKED = ("内", "前", "后", "起", "止", "满")


def capped_measure(found: Found, s: str) -> Found | None:
    """不超过三年的社区康复 (禁毒法 第四十八条): a cap on how long a named measure lasts, a span
    from --from (the order), not a deadline; None for anything else."""
    rule = found.rule
    if s[found.end : found.end + 1] != "的" or "超过" not in (rule.qualifier or ""):
        return None
    verb = next((v for v in MEASURE_VERBS if s.startswith(v, found.end + 1)), None)
    if verb is None or rule.kind not in ("days", "months", "years") or rule.back or rule.extension:
        return None
    if s[found.end + 1 + len(verb) :][:1] not in ("", "，", ",", "。", "；", ";"):
        return None  # 不超过三个月的暂停执业处罚: a penalty's length, not read
    return found._replace(rule=replace(rule, sense="restriction", qualifier=f"{verb}期限"))


# Pattern strings, compiled on first use (re caches them): compiling them at import cost
# `gongkai deadline` about a tenth of its start-up (bench section 3).
# A keeping verb right after a period 内 (…之日起2年内，留存…备查): the period is how long to keep
_KEPT_AFTER = "[，,]?(?:留存|保存|保管)[^，,；;。]{0,40}备查"


def keeping(found: Found, s: str, part_start: int) -> Found | None:
    """A keeping time as a span during which records may not be destroyed (sense
    restriction), or None: 保存期限不得少于二十年 (期货和衍生品法 第一百一十七条), 自提供之日起保存2年
    (证券、期货投资咨询管理暂行办法 第二十八条) from --from; 保存至有效期满后2年 from its own
    event (有效期满), which the user must date."""
    rule = found.rule
    if (
        re.compile(_KEPT_AFTER).match(s, found.end)
        and s[found.core : found.end].endswith("内")
        and rule.kind in ("days", "months", "years")
        and not (rule.back or rule.extension)
    ):  # 自完成出版物的印刷之日起2年内，留存一份…样本备查 (印刷业管理条例 第二十二条)
        return found._replace(rule=replace(rule, sense="restriction", qualifier="保存期"))
    lead = s[part_start : found.core]
    at = max(lead.rfind(verb) for verb in ("保存", "留存", "保管"))
    if at < 0 or rule.kind not in ("days", "months", "years") or rule.back or rule.extension:
        return None
    if s[found.core : found.end].endswith(MARKED) and not s.endswith("以上", found.core, found.end):
        return None
    kept = found._replace(rule=replace(rule, sense="restriction", qualifier="保存期"))
    after = lead[at + 2 :].removesuffix(rule.qualifier or "")  # 保存至疫苗有效期满后不少于五年
    if "至超过" in after:  # 保存记录至超过…有效期2年 (反兴奋剂条例 第八条): from the expiry
        expiry = after[after.index("至超过") + 3 :] + (rule.qualifier or "")
        return kept._replace(event=expiry + "届满" if expiry.endswith("期") else expiry or "保存期起算")
    if not after.endswith(("后", "满")):
        return kept
    event = after.removesuffix("后").removesuffix("之").removesuffix("以")
    for opener in ("期限", "期", "至少为", "至少", "不得少于", "不少于", "为", "至", "到"):
        event = event.removeprefix(opener)
    return kept._replace(event=event or "保存期起算")


def detention_cap(found: Found, s: str) -> Found | None:
    """行政拘留处罚合并执行的，最长不超过二十日 (治安管理处罚法 第十六条): how long a detention
    as a penalty may last, a span from --from (its start), not a deadline; None otherwise.
    拘留审查的期限不得超过三十日 (no 处罚) stays the authority's deadline."""
    rule = found.rule
    if "超过" not in (rule.qualifier or "") or rule.kind not in ("days", "months") or rule.back:
        return None
    sentence = s[max(s.rfind(ch, 0, found.core) for ch in "。；;") + 1 : found.core]
    if "拘留" not in sentence or "处罚" not in sentence:
        return None
    return found._replace(rule=replace(rule, sense="restriction", qualifier="拘留期限"))
