"""No silent wrong reading: a phrase reads to the kind and number it says, or is refused.

The first property builds phrases from the forms of counting-rules §2–3 and §8 (an
anchor, a qualifier, a number in Arabic or Chinese digits, a unit, 内 or 前, a subject and
an act around them); the second feeds the reader arbitrary text made of the characters
deadlines are written with, and checks that any number it reads is one the text holds.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai_cli.errors import InputError
from gongkai_cli.phrases.chinese import chinese_number
from gongkai_cli.phrases.clause import read_clause

DIGITS = "零一二三四五六七八九"
# (unit as written, kind, days per unit)
UNITS = [
    ("个工作日", "workdays", 1),
    ("工作日", "workdays", 1),
    ("日", "days", 1),
    ("天", "days", 1),
    ("个自然日", "days", 1),
    ("个月", "months", 1),
    ("年", "years", 1),
    ("小时", "hours", 1),
    ("周", "days", 7),
    ("个星期", "days", 7),
]
QUALIFIERS = {
    "": "deadline",
    "不得超过": "deadline",
    "最长不得超过": "deadline",
    "一般不超过": "deadline",
    "不少于": "earliest",
    "不得少于": "earliest",
    "满": "presumed",
}


def chinese(n: int) -> str:
    """1..999 in Chinese numerals as documents write them (十五, 二十, 一百零五)."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (DIGITS[ones] if ones else "")


@st.composite
def phrases(draw: st.DrawFn) -> tuple[str, str, int, bool, str]:
    n = draw(st.integers(min_value=1, max_value=999))
    number = str(n) if draw(st.booleans()) else chinese(n)
    unit, kind, factor = draw(st.sampled_from(UNITS))
    subject = draw(st.sampled_from(["", "行政机关应当", "第三方应当", "当事人可以"]))
    act = draw(st.sampled_from(["", "作出决定", "提出意见", "予以答复"]))
    if kind != "hours" and draw(st.booleans()):  # counted back from a later event
        event = draw(st.sampled_from(["开庭", "举行听证的", "有效期届满", "投标截止时间"]))
        prefix = "在" if subject else ""
        return f"{subject}{prefix}{event}{number}{unit}前{act}", kind, n * factor, True, "deadline"
    anchor = draw(st.sampled_from(["", "收到申请之日起", "自受理之日起", "文件公开后", "自发出之日起"]))
    qualifier = draw(st.sampled_from(sorted(QUALIFIERS)))
    tail = draw(st.sampled_from(["内", "以内", ""])) if qualifier in ("", "不得超过") else ""
    if subject and anchor and not anchor.startswith("自"):
        anchor = "自" + anchor
    return (
        f"{subject}{anchor}{qualifier}{number}{unit}{tail}{act}",
        kind,
        n * factor,
        False,
        QUALIFIERS[qualifier],
    )


@settings(max_examples=600)
@given(phrases())
def test_a_phrase_reads_to_what_it_says(case: tuple[str, str, int, bool, str]) -> None:
    phrase, kind, n, back, sense = case
    try:
        parts = read_clause(phrase).parts
    except InputError:
        return  # refused is allowed; a different reading is not
    assert len(parts) == 1, phrase
    rule = parts[0].rule
    assert (rule.kind, rule.n, rule.back, rule.sense) == (kind, n, back, sense), phrase


def numbers_in(text: str) -> set[int]:
    """Every number the text writes: runs of Arabic digits and of Chinese numerals (and
    each run's tails, since a reader may start inside 的一百二 at 二)."""
    values: set[int] = set()
    for run in re.findall(r"[0-9]+|[零〇一二两三四五六七八九十百千万]+", text):
        for start in range(len(run)):
            try:
                values.add(int(run[start:]) if run.isdigit() else chinese_number(run[start:]))
            except InputError:
                continue
    return values


ALPHABET = (
    "0123456789一二三十百两半个工作日天周月年内前后起之自满不得超过少于延长每季度终了结束次当场"
    "的，；。应当行政机关收到申请作出决定"
)


@settings(max_examples=1500)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40))
def test_no_number_is_made_up(text: str) -> None:
    """Any text: refused, or every period read is a number of the text (times 7 for
    weeks; 15 for 半个月 and 6 for 半年, which write no digit; 12N+6 months for N年半)."""
    try:
        parts = read_clause(text).parts
    except InputError:
        return
    values = numbers_in(text)
    allowed = values | {7 * v for v in values} | {12 * v + 6 for v in values} | {15, 6}
    for part in parts:
        if part.rule.n is not None:
            assert part.rule.n in allowed, (text, part.rule)
