"""Periods written together: an extension with a range (可以延长一日至三日: the upper bound)
and periods joined before one act (三十日和六十日内; 城镇48小时、农村72小时内), each a
deadline of its own. Pure: words in, facts out; ``clause.py`` calls it."""

from __future__ import annotations

import re
from dataclasses import replace

from ..errors import InputError
from .chinese import number
from .rule import Found

# 三十日和六十日内; 城镇48小时、农村72小时内 (电信条例 第三十二条: a class after 、)
_JOINED = (
    r"([0-9]+|[一二两三四五六七八九十百]+)(个工作日|工作日|日|天|个月|年|小时)"
    r"(?:和|或者|、[^，,；;。、0-9]{0,3})$"
)


_UP_TO = r"至([0-9]+|[一二两三四五六七八九十百]+)(个工作日|工作日|日|天|个月|年)"


def extension_range(found: Found, s: str) -> Found:
    """可以延长一日至三日 (监察法 第四十六条): an extension of up to the upper bound, which is
    the answer (the outer limit), said in its words."""
    rule = found.rule
    m = re.compile(_UP_TO).match(s, found.end)
    if not rule.extension or rule.n is None or m is None:
        return found
    try:
        n = number(m.group(1))
    except InputError:
        return found
    same = (m.group(2).endswith("工作日")) == (rule.kind == "workdays") and m.group(2) not in ("个月", "年")
    if n <= rule.n or not same or rule.kind not in ("days", "workdays"):
        return found
    return found._replace(rule=replace(rule, n=n), end=m.end())


def joined_before(found: Found, s: str, stop: int) -> list[Found]:
    """三十日和六十日内 (预算法 第五十二条): the period before 和 with the same words after it,
    a deadline of its own, answered first."""
    m = re.compile(_JOINED).search(s, max(0, found.core - 12), found.core)
    rule = found.rule
    if m is None or rule.n is None or rule.kind not in ("workdays", "days", "months", "years", "hours"):
        return []
    if (m.group(2) == "小时") != (rule.kind == "hours"):
        return []
    try:
        n = number(m.group(1))
    except InputError:
        return []
    if n <= 0 or (m.group(2).endswith("工作日")) != (rule.kind == "workdays"):
        return []
    kind = {"个月": "months", "年": "years"}.get(m.group(2), rule.kind)
    first = replace(rule, n=n, kind=kind, text=s[m.start() : found.end])  # type: ignore[arg-type]
    return [found._replace(rule=first, core=m.start(), act_end=stop, more=())]
