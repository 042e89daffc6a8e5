"""The deadline vocabulary: the words a time limit is written with, in one place, for the
phrase reader (reader.py) and for finding phrases in running text (plan drafting).

Each tuple is longest first where one word begins another (个工作日 before 工作日), since
readers take the first word that fits.
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["workdays", "days", "months", "years", "hours", "date", "recurring", "open"]
# What "date" rules name: a day of a month, a month's end, the year's end, a half, a quarter.
Target = Literal["day", "month_end", "year_end", "half_end", "quarter_end"]
Period = Literal["month", "quarter", "year"]

# No fixed deadline: listed, never due.
OPEN_PHRASES = (
    "适时进行",
    "全年适时进行",
    "根据工作进展适时进行",
    "具体时限按有关要求执行",
    "根据相关要求进行",
    "按有关要求执行",
    "按相关要求执行",
    "长期坚持",
    "持续推进",
)

MODALS = ("应当", "应", "须", "要", "需", "并")
PREPOSITIONS = ("截至", "截止", "自", "从", "于", "在")
# The anchor: words naming an event, ending in 之日起 / 起 / 后 …, right before a number.
ANCHOR_ENDS = ("之日起", "之日后", "之日", "以后", "之后", "起", "后")
# Longest first, so that 个工作日 wins over 个.
PERIOD_UNITS: tuple[tuple[str, Kind], ...] = (
    ("个工作日", "workdays"),
    ("工作日", "workdays"),
    ("个自然日", "days"),
    ("自然日", "days"),
    ("个小时", "hours"),
    ("小时", "hours"),
    ("个月", "months"),
    ("日", "days"),
    ("天", "days"),
    ("年", "years"),
)
WITHIN = ("以内", "之内", "内")
BEFORE = ("之前", "以前", "前")
RECURRING_PERIODS: dict[str, Period] = {
    "按月": "month",
    "每月": "month",
    "按季度": "quarter",
    "每季度": "quarter",
    "按季": "quarter",
    "每季": "quarter",
    "按年": "year",
    "每年": "year",
    "按年度": "year",
}
# The end of the year, and of its first half: 年底前, 上半年.
YEAR_END = ("本年度内", "本年内", "年度内", "年底", "年末", "年内", "全年")
HALF = ("上半年", "年中")
# A period counted from these anchors starts at the plan's issue date (印发之日起5个工作日内).
ISSUE_ANCHORS = ("印发", "本工作要点印发", "发布之日", "下发")
