"""Text as copies of government pages give it: in traditional characters (繁体字), and on
some mirrors with the pinyin of a character in brackets after it ("公開(kāi)工作(zuò)").
"（辦公室負責，6月底前完成）" must read as "（办公室负责，6月底前完成）", not as a department
named 辦公室負責, and "(kāi)" is not a bracket of the document. Pure: text in, text out.

The conversion is the phrase reader's (phrases.chinese.traditional_to_simplified, OpenCC's
t2s, imported on first use). A text is taken as traditional when converting changes
at least ``SHARE`` of its Chinese characters: a page in traditional characters changes in
20–40 % of them, a simplified one in none or a few (乾 in a name; the published 2016 text
has 錄 網 參 閱 in its notes, 0.3 %; a short composed one 4 %), and is left as it is.
"""

from __future__ import annotations

import re

from ...phrases.chinese import traditional_to_simplified

SHARE = 0.1  # of the Chinese characters
_HAN = re.compile(r"[\u4e00-\u9fff]")
# A pinyin syllable with its tone mark, in half-width brackets right after a character.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)")


def without_pinyin(text: str) -> tuple[str, list[str]]:
    """``text`` without pinyin annotations, and those taken out, each with its character
    ("開(kāi)")."""
    found = [text[m.start() - 1 : m.end()] for m in _PINYIN.finditer(text)]
    return (_PINYIN.sub("", text), found) if found else (text, [])


def to_simplified(text: str) -> str | None:
    """``text`` in simplified characters when it is written in traditional ones, else None.
    Line breaks are kept, so line numbers still point into the document."""
    han = _HAN.findall(text)
    if not han:
        return None
    lines = text.split("\n")
    converted = [traditional_to_simplified(line) for line in lines]
    changed = sum(
        sum(1 for a, b in zip(old, new, strict=False) if a != b)
        for old, new in zip(lines, converted, strict=True)
    )
    return "\n".join(converted) if changed >= SHARE * len(han) else None
