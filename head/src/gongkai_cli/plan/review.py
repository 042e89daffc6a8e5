"""What a person must still review in a plan file: the ``# 待核对: …`` comments that
``gongkai plan extract`` writes above the fields and items it is unsure of. ``gongkai
check`` lists every one left, so a draft with open doubts never reads as clean."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"^\s*#\s*待核对\s*[:：]\s*(?P<message>.*?)\s*$")
# An item whose drafted rule could not be read (docs/plan-format.md): work left while the
# key is there, whether or not its comment was kept.
_UNREAD = re.compile(r"^\s*rule_unread\s*:\s*true\s*(?:#\s*(?:待核对\s*[:：]\s*)?(?P<message>.*?))?\s*$")
UNREAD_DEFAULT = "期限写法无法识别（rule_unread）：暂按无期限处理；请改写 rule 后删去 rule_unread"


@dataclass(frozen=True)
class ReviewMark:
    line: int
    message: str


def review_marks(text: str) -> tuple[ReviewMark, ...]:
    """Every ``# 待核对: …`` comment line of a plan file's text, with its line number."""
    marks: list[ReviewMark] = []
    for number, line in enumerate(text.splitlines(), 1):
        if match := _MARK.match(line):
            marks.append(ReviewMark(number, match["message"]))
        elif match := _UNREAD.match(line):
            marks.append(ReviewMark(number, match["message"] or UNREAD_DEFAULT))
    return tuple(marks)
