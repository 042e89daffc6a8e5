"""Several plans read at once (``--tasks a.yaml --tasks b.yaml``, ``GONGKAI_TASKS=a.yaml:b.yaml``).

An office usually keeps two plans (its own and its superior's). Each plan has a short key:
``plan.key`` in the file, or else the file's name without its extension (``tasks-2016``).
With one plan, ids are as the file writes them (``1.1a``); with several, every obligation id
is prefixed by its plan's key and a colon (``tasks-2016:1.1a``), so that two plans' ``1.1a``
stay apart. ``show`` and ``done`` take a prefixed id, or a bare one that only one plan has.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import PurePath

from ..calendar.workdays import WorkCalendar
from ..errors import InputError
from ..phrases.resolve import DEFAULTS, Options
from .due import in_force
from .obligations import Obligation, expand, item_id_of
from .plan_file import Item, Plan


def plan_key(plan: Plan) -> str:
    return plan.key or PurePath(plan.path).stem


class PlanSet:
    """The plans read, in order; two with one key are refused. (A plain class, not a
    dataclass: it is built on every start of ``due``, where a dataclass costs.)"""

    __slots__ = ("plans",)

    def __init__(self, plans: tuple[Plan, ...]) -> None:
        self.plans = plans
        seen: dict[str, str] = {}
        for plan in self.plans:
            key = plan_key(plan)
            if key in seen:
                raise InputError(
                    f"两份计划的简称都是“{key}”（{seen[key]}、{plan.path}）："
                    "请在其中一份的 plan 下写 key: 另一个简称"
                )
            seen[key] = plan.path

    @property
    def several(self) -> bool:
        return len(self.plans) > 1

    def prefix(self, plan: Plan) -> str:
        """What goes before an id of ``plan``: ``key:`` when several plans are read."""
        return f"{plan_key(plan)}:" if self.several else ""

    def obligations(
        self,
        cal: WorkCalendar,
        options: Options = DEFAULTS,
        *,
        today: date | None = None,
    ) -> list[Obligation]:
        """Every plan's obligations, plan after plan; with ``today``, only what each plan
        asks as of that day (query.in_force)."""
        out: list[Obligation] = []
        for plan in self.plans:
            obligations = expand(plan, cal, options)
            if today is not None:
                obligations = in_force(obligations, plan.issued, today)
            prefix = self.prefix(plan)
            out.extend(ob._replace(id=prefix + ob.id) for ob in obligations) if prefix else out.extend(
                obligations
            )
        return out

    def not_in_force(self, today: date) -> tuple[tuple[str, date], ...]:
        return tuple((plan.title, plan.issued) for plan in self.plans if today < plan.issued)

    def find(self, ident: str) -> tuple[Plan, Item, str]:
        """The plan and item an id names, and the id within that plan."""
        key, sep, rest = ident.partition(":")
        candidates: Sequence[tuple[Plan, str]]
        if sep and any(plan_key(p) == key for p in self.plans):
            candidates = [(p, rest) for p in self.plans if plan_key(p) == key]
        else:
            candidates = [(p, ident) for p in self.plans]
        found = [
            (plan, item, local)
            for plan, local in candidates
            if (item := plan.item(item_id_of(local))) is not None
        ]
        if len(found) == 1:
            return found[0]
        if found:
            keys = "、".join(f"{plan_key(p)}:{ident}" for p, _, _ in found)
            raise InputError(f"编号“{ident}”在多份计划中都有：请写明是哪一份，如 {keys}")
        ids = [self.prefix(p) + i.id for p in self.plans for i in p.items]
        from difflib import get_close_matches

        close = get_close_matches(ident, ids, n=3)
        hint = f"；是否要找 {'、'.join(close)}？" if close else "；用 gongkai tasks 查看全部编号"
        raise InputError(f"计划中没有编号为“{ident}”的事项{hint}")

    @property
    def collective(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for plan in self.plans for name in plan.collective))

    @property
    def aliases(self) -> dict[str, str]:
        return {short: full for plan in self.plans for short, full in plan.aliases.items()}
