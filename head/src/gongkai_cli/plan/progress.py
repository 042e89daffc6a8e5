"""Progress of a plan as seen on a day (``gongkai status``), and the date checks on its
done marks (``gongkai check``). Pure: obligations and ``today`` in, facts out.

Each obligation is in exactly one state, so that the counts add up to the ``tasks`` total:

- ``done``: marked done (``done:``, ``reported:``, an occurrence's date);
- ``overdue``: not done, deadline before today;
- ``upcoming``: not done, deadline today or later;
- ``open``: not done and without a deadline (适时进行, an event not yet recorded).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .obligations import KINDS, Kind, Obligation
from .plan_file import Plan, Problem

State = Literal["done", "overdue", "upcoming", "open"]
STATES: tuple[State, ...] = ("done", "overdue", "upcoming", "open")


def state(ob: Obligation, today: date) -> State:
    if ob.done is not None:
        return "done"
    day = ob.day
    if day is None:
        return "open"
    return "overdue" if day < today else "upcoming"


@dataclass(frozen=True)
class Tally:
    """How many obligations are in each state."""

    done: int = 0
    overdue: int = 0
    upcoming: int = 0
    open: int = 0

    @property
    def total(self) -> int:
        return self.done + self.overdue + self.upcoming + self.open

    def get(self, name: State) -> int:
        value: int = getattr(self, name)
        return value


def tally(obligations: Iterable[Obligation], today: date) -> Tally:
    counts = dict.fromkeys(STATES, 0)
    for ob in obligations:
        counts[state(ob, today)] += 1
    return Tally(**counts)


@dataclass(frozen=True)
class Status:
    today: date
    overall: Tally
    kinds: tuple[tuple[Kind, Tally], ...]  # every kind, in KINDS order
    departments: tuple[tuple[str, Tally], ...]  # each department named, its own obligations
    next: tuple[Obligation, ...]  # the nearest deadlines not done, from today on


def status(obligations: Sequence[Obligation], today: date, *, upcoming: int = 5) -> Status:
    """One pass over the obligations, whatever the number of kinds and departments (a plan
    of thousands of items names hundreds of departments)."""
    overall = dict.fromkeys(STATES, 0)
    by_kind = {kind: dict.fromkeys(STATES, 0) for kind in KINDS}
    by_department: dict[str, dict[State, int]] = {}
    ahead: list[tuple[date, int, Obligation]] = []
    for position, ob in enumerate(obligations):
        now = state(ob, today)
        overall[now] += 1
        if ob.kind in by_kind:
            by_kind[ob.kind][now] += 1
        for name in dict.fromkeys(ob.departments):
            counts = by_department.get(name)
            if counts is None:
                counts = by_department[name] = dict.fromkeys(STATES, 0)
            counts[now] += 1
        if now == "upcoming":
            ahead.append((ob.day or today, position, ob))
    nearest = heapq.nsmallest(upcoming, ahead, key=lambda entry: entry[:2])
    return Status(
        today,
        Tally(**overall),
        tuple((kind, Tally(**by_kind[kind])) for kind in KINDS),
        tuple((name, Tally(**counts)) for name, counts in by_department.items()),
        tuple(ob for _, _, ob in nearest),
    )


def done_date_problems(plan: Plan, today: date) -> list[Problem]:
    """Warnings (not errors) on done marks: a date after ``today`` (a typo, or marked in
    advance), or before the plan's issue date (possible: 4月底 work done before issue)."""
    out: list[Problem] = []
    for item in plan.items:
        marks = [
            (item.id, item.done),
            *((f"{item.id}@{k}", d) for k, d in item.done_occurrences.items()),
            *((f"{item.id}/{k}", d) for k, d in item.reported.items()),
        ]
        for oid, day in marks:
            if day is None:
                continue
            if day > today:
                out.append(
                    Problem(
                        plan.path,
                        item.line,
                        f"{oid} 的完成日期 {day.isoformat()} 晚于今天 {today.isoformat()}",
                    )
                )
            elif day < plan.issued:
                out.append(
                    Problem(
                        plan.path,
                        item.line,
                        f"{oid} 的完成日期 {day.isoformat()} 早于计划印发日 {plan.issued.isoformat()}",
                    )
                )
    return out
