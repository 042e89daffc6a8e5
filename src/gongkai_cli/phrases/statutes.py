"""Statutes whose periods in 日 are working days (counting-rules §9), and rules of the
same shape that a plan declares for its own document.

Texts as enacted (quoted from the official texts of each law):
- 《中华人民共和国行政许可法》第八十二条：本法规定的行政机关实施行政许可的期限以工作日计算，
  不含法定节假日。
- 《中华人民共和国行政处罚法》(2021) 第八十五条：本法中“二日”“三日”“五日”“七日”的规定是指
  工作日，不含法定节假日。
- 《中华人民共和国行政复议法》(2023) 第八十八条第二款：本法关于行政复议期间有关“三日”、“五日”、
  “七日”、“十日”的规定是指工作日，不含法定休假日。
- 《中华人民共和国行政强制法》第六十九条：本法中十日以内期限的规定是指工作日，不含法定节假日。

Nothing here guesses: a rule applies only when the user names it (``--law``, ``law:``).
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import InputError


class WorkdayRule(NamedTuple):
    """A statute (or a document's own article) that counts some periods in 日 as working days.

    ``days``: the periods it covers (二日, 三日 …); empty with ``up_to`` None: all of them;
    ``up_to``: every period of at most that many days (十日以内). A NamedTuple, like
    resolve.Options, to keep start-up cheap."""

    name: str
    article: str
    text: str
    days: tuple[int, ...] = ()
    up_to: int | None = None

    def covers(self, n: int) -> bool:
        if self.up_to is not None:
            return n <= self.up_to
        return not self.days or n in self.days

    @property
    def citation(self) -> str:
        return f"《{self.name}》{self.article}"

    @property
    def scope(self) -> str:
        """Which periods, in words: 全部期间 / “二日”“三日” / 十日以内."""
        if self.up_to is not None:
            return f"{self.up_to}日以内的期间"
        if not self.days:
            return "全部期间"
        return "、".join(f"“{n}日”" for n in self.days)


STATUTES: tuple[WorkdayRule, ...] = (
    WorkdayRule(
        "中华人民共和国行政许可法",
        "第八十二条",
        "本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日。",
    ),
    WorkdayRule(
        "中华人民共和国行政处罚法",
        "第八十五条",
        "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。",
        days=(2, 3, 5, 7),
    ),
    WorkdayRule(
        "中华人民共和国行政复议法",
        "第八十八条",
        "本法关于行政复议期间有关“三日”、“五日”、“七日”、“十日”的规定是指工作日，不含法定休假日。",
        days=(3, 5, 7, 10),
    ),
    WorkdayRule(
        "中华人民共和国行政强制法",
        "第六十九条",
        "本法中十日以内期限的规定是指工作日，不含法定节假日。",
        up_to=10,
    ),
)
_PREFIX = "中华人民共和国"


def _short_names(rule: WorkdayRule) -> tuple[str, ...]:
    """中华人民共和国行政许可法, 行政许可法, 许可法 (and the same in 《》)."""
    full = rule.name
    bare = full.removeprefix(_PREFIX)
    return (full, bare, bare.removeprefix("行政"))


def find_statute(name: str, own: tuple[WorkdayRule, ...] = ()) -> WorkdayRule:
    """The rule called ``name``: a statute by its full or short name (行政许可法, 许可法),
    or one of ``own`` (declared by a plan) by its name. InputError listing the known ones."""
    key = name.strip().strip("《》").replace(" ", "")
    for rule in own:
        if key in (rule.name, rule.name.strip("《》")):
            return rule
    for rule in STATUTES:
        if key in _short_names(rule):
            return rule
    known = "、".join([*(r.name.removeprefix(_PREFIX) for r in STATUTES), *(r.name for r in own)])
    raise InputError(f"未知的法律“{name}”：可用 {known}（也可写全称或简称，如“许可法”）")
