"""What the phrase reader yields: a Rule (one deadline as written) and a Found (a Rule
with the places of its words in the text read). Data only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .vocabulary import Kind, Period, Relative, Sense, Target


@dataclass(frozen=True)
class Rule:
    """A parsed deadline phrase.

    kind "workdays" / "days" / "months" / "years" / "hours": ``n`` units after an anchor.
    kind "date": ``target`` in ``year`` (None: the plan's or the anchor's year);
    ``month`` / ``day`` / ``quarter`` as the target needs; ``before`` when the phrase
    said 前 (so "exclusive" reading can take the day before).
    kind "recurring": one occurrence per ``period``.  kind "open": no deadline.
    kind "same_day": the anchor day itself (当场, 即时, 当日).

    ``back``: counted back from a later event (开庭三日前). ``extension``: the period
    extends an earlier deadline, which is its anchor (可以延长十日). ``base``: counted
    from the end of the anchor's month, quarter or year (季度结束后15日内).
    ``relative``: a named date in the month or year after the anchor's (次月15日前).
    ``yearly``: the named date recurs each year (每年1月31日前). ``unit``: the unit as
    written when it is not the kind's own (周, 半个月), for explanations.
    """

    text: str
    kind: Kind
    n: int | None = None
    anchor: str | None = None  # the words naming the anchor, e.g. "印发之日起"
    target: Target | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    before: bool = False
    period: Period | None = None
    sense: Sense = "deadline"
    back: bool = False
    extension: bool = False
    base: Period | None = None
    relative: Relative | None = None
    yearly: bool = False
    unit: str | None = None
    qualifier: str | None = None  # 不得超过, 不少于, 延长, 满 … as written


class Found(NamedTuple):
    """One deadline read inside a text, with the words around it (positions in ``text``,
    the normalised, simplified text): subject, anchor words, period words, act. A
    NamedTuple rather than a frozen dataclass: a tenth of the cost at every start."""

    rule: Rule
    text: str
    start: int  # where the subject (or the phrase) starts
    anchor_at: int  # where the anchor words start (== core when there are none)
    core: int  # where the period or date starts
    end: int  # after 内 / 前 …
    act_end: int  # after the act
    more: tuple[Rule, ...] = ()  # alternatives read at the same place (月度或者季度终了后)
    loose: bool = False  # words before the period taken as a subject, read no further
    event: str | None = None  # the event it runs from when not --from's (公告), see context.py

    @property
    def subject(self) -> str:
        return self.text[self.start : self.anchor_at]

    @property
    def period_words(self) -> str:
        return self.text[self.core : self.end]

    @property
    def act(self) -> str:
        return self.text[self.end : self.act_end]
