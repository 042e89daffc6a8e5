"""What a person must still review in a plan file: the ``# 待核对: …`` comments that
``gongkai plan extract`` writes above the fields and items it is unsure of. ``gongkai
check`` lists every one left, so a draft with open doubts never reads as clean."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"^\s*#\s*待核对\s*[:：]\s*(?P<message>.*?)\s*$")


@dataclass(frozen=True)
class ReviewMark:
    line: int
    message: str


def review_marks(text: str) -> tuple[ReviewMark, ...]:
    """Every ``# 待核对: …`` comment line of a plan file's text, with its line number."""
    return tuple(
        ReviewMark(number, match["message"])
        for number, line in enumerate(text.splitlines(), 1)
        if (match := _MARK.match(line))
    )
