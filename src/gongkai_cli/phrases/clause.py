"""Whole clauses: "行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内
不能作出决定的，经本行政机关负责人批准，可以延长十日".

A clause is read part by part (split at ，；。：), each part scanned for deadlines with the
phrase reader; the words around each deadline are kept as its subject, anchor and act, so
that ``--explain`` shows what was read. Several deadlines are all kept, in order; an
extension (可以延长十日) counts from the deadline before it. A part that ends in 的 is a
condition and sets no deadline ("二十日内不能作出决定的" repeats the period before it),
unless it is the period an extension that follows extends, with none read before, or an
earliest day (催告书送达十日后…的); an exception (除可以当场作出决定的外) sets none. What was
passed over is said in the answer's notes, as are numbers that are no deadline
(超过六十日的). Pure: no dates resolved here except in ``resolve_clause``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import NamedTuple

from ..calendar.workdays import WEEKDAYS, WorkCalendar
from ..errors import InputError
from .reader import (
    MAX_PHRASE,
    Found,
    Rule,
    _Reader,
    diagnose,
    find_deadline,
    prepare,
    read_as_simplified_too,
    read_phrase,
    whole,
)
from .resolve import DEFAULTS, Options, Result, resolve

MAX_CLAUSE = 2000  # characters: an article of a law is a few hundred
_BREAKS = "，,；;。：:！!？?"


class Clause(NamedTuple):
    """The deadlines read in a text, in order; each with its words (see rules.Found).
    ``passed``: numbers in the text not read as deadlines (超过六十日的), said, not hidden."""

    text: str
    parts: tuple[Found, ...]
    passed: tuple[str, ...] = ()

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(p.rule for p in self.parts)


def read_clause(text: str) -> Clause:
    """Every deadline in ``text``; InputError with the place when there is none.

    A text that reads as one phrase (5个工作日内, 6月底前完成) is that phrase. A text
    with traditional characters that does not read whole is read again as simplified."""
    s = prepare(text, MAX_CLAUSE)
    return read_as_simplified_too(lambda t: _read_clause(text, t), s, _loose)


def _loose(clause: Clause) -> bool:
    """Words passed over, or a part read loosely: worth reading again as simplified."""
    return bool(clause.passed) or any(part.loose for part in clause.parts)


def _read_clause(text: str, s: str) -> Clause:
    if s.isascii() and s.isdigit() and int(s) <= 0:
        raise InputError(f"期限“{text}”中的数目须大于 0")
    single = whole(text, s)
    if single is not None:
        return Clause(text, (single,))
    if len(s) <= MAX_PHRASE and not any(ch in _BREAKS for ch in s):
        try:
            return Clause(text, (read_phrase(text, s),))
        except InputError:
            pass
    passed: list[tuple[int, InputError]] = []
    conditions: list[int] = []
    parts = _scan(text, s, passed, conditions)
    if not parts and passed:
        raise passed[0][1]
    if not parts and conditions:
        at = conditions[0]
        raise InputError(
            f"“{s[at : at + 12]}…”是条件（“…的”）或除外（“除…外”）中的期间，不是期限：请给出规定期限的条文"
        )
    if not parts:
        if not any(ch in _BREAKS for ch in s) and len(s) <= MAX_PHRASE:
            raise diagnose(text, s)
        shown = text if len(text) <= 40 else text[:37] + "…"
        raise InputError(
            f"在“{shown}”中没有找到期限：读完全部 {len(s)} 个字符，没有期间（如“二十日内”"
            "“5个工作日内”）或日期（如“6月底前”）；请给出含期限的条文"
        )
    notes = tuple(
        f"第 {at + 1} 个字符“{s[at : at + 8]}”处的{what}"
        for at, what in sorted(
            [(at, "数目未读作期限") for at, _ in passed]
            + [(at, "期间在条件（“…的”）或除外（“除…外”）中，未作为期限") for at in conditions]
        )
    )
    return Clause(text, tuple(parts), notes)


def _scan(text: str, s: str, passed: list[tuple[int, InputError]], conditions: list[int]) -> list[Found]:
    """The deadlines of ``s`` part by part; numbers that are not deadlines go to
    ``passed``, periods inside conditions (…的) to ``conditions``."""
    reader = _Reader(text, s)
    parts: list[Found] = []
    pending: Found | None = None
    start = 0
    while start < len(s):
        stop = start
        while stop < len(s) and s[stop] not in _BREAKS:
            stop += 1
        words = s[start:stop]
        # 二十日内不能作出决定的 (a condition), 除可以当场作出决定的外 (an exception)
        exception = words.startswith("除") and words.endswith("外")
        conditional = words.endswith("的") or exception
        pos = start
        while pos < stop:
            found = find_deadline(reader, pos, stop, [] if conditional else passed)
            if found is None:
                break
            pos = found.end
            _check_act(reader, found.end, stop)
            phrase = s[min(found.anchor_at, found.core) : found.end]
            if conditional and not (found.rule.qualifier == "后" and not exception):
                # 二十日内不能作出决定的: a condition. Its period is the deadline only when an
                # extension follows and none came before (held in ``pending`` until then).
                conditions.append(found.core)
                if not exception and found.rule.n is not None and not _mentioned(found.rule, parts):
                    pending = found._replace(rule=replace(found.rule, text=phrase), act_end=stop)
                continue
            if found.rule.extension and pending is not None and not parts:
                parts.append(pending)
                conditions.remove(pending.core)
            pending = None
            for rule in (found.rule, *found.more):  # 月度或者季度终了后: one deadline each
                parts.append(found._replace(rule=replace(rule, text=phrase), act_end=stop, more=()))
        start = stop + 1
    # An act runs to the next deadline in the same part.
    for i, part in enumerate(parts[:-1]):
        following = parts[i + 1]
        if following.core == part.core:  # alternatives read at one place share their act
            parts[i] = part._replace(act_end=following.act_end)
        elif following.start < part.act_end:
            parts[i] = part._replace(act_end=max(part.end, following.anchor_at))
    return parts


def _mentioned(rule: Rule, parts: list[Found]) -> bool:
    """Whether a period in a condition repeats one read before (二十日内不能作出决定的)."""
    return any((p.rule.kind, p.rule.n) == (rule.kind, rule.n) for p in parts)


_ACT_CATEGORIES = frozenset(("Lo", "Nd", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"))


def _check_act(reader: _Reader, start: int, stop: int) -> None:
    """The words after a deadline are Chinese words (an act), not stray letters or symbols
    (五个工作日内abc): those mean the phrase was not what it seemed."""
    import unicodedata

    for pos in range(start, stop):
        if unicodedata.category(reader.text[pos]) not in _ACT_CATEGORIES:
            reader.pos = pos
            raise reader.fail("期限的结尾（内、前或“完成”等）")


def resolve_clause(
    clause: Clause,
    anchor: date | datetime,
    cal: WorkCalendar,
    options: Options = DEFAULTS,
    *,
    explain: bool = False,
) -> tuple[Result, ...]:
    """Each deadline of the clause, in order. An extension counts from the deadline
    before it (政府信息公开条例 第三十三条: 20 more working days from the first 20)."""
    results: list[Result] = []
    for part in clause.parts:
        previous = results[-1].deadline if results else None
        if part.rule.extension and previous is not None:
            start = previous.date() if isinstance(previous, datetime) else previous
            result = resolve(part.rule, start, cal, options, explain=explain)
            note = f"延长期限自前一期限届满之日 {start.isoformat()}（{WEEKDAYS[start.weekday()]}）起算"
            kept = tuple(w for w in result.warnings if not w.startswith("延长期限自原期限"))
            result = replace(result, warnings=(note, *kept))
        else:
            result = resolve(part.rule, anchor, cal, options, explain=explain)
        results.append(result)
    if clause.passed and results:
        results[0] = replace(results[0], warnings=(*results[0].warnings, *clause.passed))
    return tuple(results)
