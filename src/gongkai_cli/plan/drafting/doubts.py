"""What a drafted title or department name never looks like: each a sign the reading
went wrong somewhere, so the drafter keeps it and flags it (never silently wrong). Pure."""

from __future__ import annotations

import re

from .brackets import _LABEL_NAMES
from .departments import _DOING

# What a duty's title never looks like, each a sign the reading went wrong somewhere
# (set 5: 红谷滩 2022's "目标任务2022年" and "强化重点领域信息公开1、数字经济发展领域",
# 徐州 2008's "责任单位" and "验收总结阶段根据", 广西's "全面落实《"). Never silently wrong:
# such a title is kept and flagged.
# Pattern strings, compiled on first use (re's cache): start-up stays light.
_TITLE_DOUBTS: tuple[tuple[str, str], ...] = (
    (rf"^(?:{_LABEL_NAMES})$", "只是一个标注"),
    (r"[0-9]{4}年度?$", "以年份结尾，可能是标题连着正文"),
    (
        r"(?<=[\u4e00-\u9fff])(?:[0-9]{1,2}[、．.](?![0-9])|[（(][一二三四五六七八九十]{1,3}[）)])",
        "中间有编号，可能是两段连在一起",
    ),
    (r"(?:根据|按照|依据|依照|围绕|对照)$", "以介词结尾，可能是标题连着正文"),
)


_NAME_MAX = 24  # a department's name longer than this is a clause read as a name


def name_doubt(name: str) -> bool:
    """Whether a department name read from a bracket or a cell looks like a clause: too
    long, or saying what is done (实现…, 加强…) or quoting a document (《》); or is one
    character, no office ("市农业农村局、市": the page stops inside the list)."""
    return len(name) > _NAME_MAX or len(name) < 2 or bool(_DOING.search(name)) or "《" in name


def title_doubt(title: str) -> str | None:
    """Why a drafted title looks misread, or None: a label, a year at its end, a number
    inside it, a title mark or bracket left open."""
    for pattern, why in _TITLE_DOUBTS:
        if re.search(pattern, title):
            return why
    for left, right in ("《》", "“”", "（）"):
        if title.count(left) > title.count(right):
            return f"“{left}”没有配对的“{right}”，可能被截断"
    return None
