"""What a newly imported year's arrangement does to the provisional deadlines: which move,
from which date to which, and which stay (counting-rules §6, the year boundary).

Pure: the obligations counted before and after the import in, the facts out; the
command (``gongkai calendar import``) words them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from .obligations import Obligation


class Move(NamedTuple):
    """A deadline that waited for ``year``: provisional ``before``, ``after`` with the
    arrangement (equal when it stays). ``still_waiting``: other years it still needs."""

    id: str
    title: str
    before: date | datetime
    after: date | datetime
    still_waiting: tuple[int, ...]

    @property
    def moved(self) -> bool:
        return self.before != self.after


def provisional_moves(before: Sequence[Obligation], after: Sequence[Obligation], year: int) -> list[Move]:
    """The obligations of ``before`` that waited for ``year``, matched by id in ``after``
    (the same plans counted with ``year``'s arrangement), in the plans' order."""
    now = {ob.id: ob for ob in after}
    out: list[Move] = []
    for ob in before:
        if year not in ob.waiting_for or ob.deadline is None:
            continue
        new = now.get(ob.id)
        if new is None or new.deadline is None:  # an id is the same in both: a bug otherwise
            raise AssertionError(f"{ob.id} has no deadline once {year} is known")
        out.append(Move(ob.id, ob.title, ob.deadline, new.deadline, new.waiting_for))
    return out
