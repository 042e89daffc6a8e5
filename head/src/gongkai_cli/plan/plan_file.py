"""The plan: its model (Plan, Item, ReportSpec), and plan files read into it, every problem
with its file and line.

The format is documented in docs/plan-format.md. Reading never stops at the first
problem: ``read_plan`` collects them all (``gongkai check`` prints every one), and
``load_plan`` raises the first. The YAML is read by files.yamlsafe.read_tree and checked
by validation.py, loaded only when a file is read (a cached plan needs neither).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import InputError
from ..phrases.rule import Rule

if TYPE_CHECKING:
    from ..phrases.statutes import WorkdayRule

MAX_BYTES = 2 * 1024 * 1024  # a plan is a few dozen KB; anything this big is not a plan
MISSING = "找不到计划文件：请检查路径"
TOO_BIG = f"文件超过 {MAX_BYTES // 1024 // 1024} MiB，不是计划文件"
FORMAT = 1
BUNDLED = "tasks-2016.yaml"
# Names that assign a duty to every department: `--dept 条法司` lists these duties too.
COLLECTIVE = ("各部门单位", "局机关各部门", "各有关单位", "各部门", "各单位")


class Problem(NamedTuple):
    """One thing wrong in a plan file, at a line (1-based) when it has one. A NamedTuple,
    like the due query's records: an immutable value, at a tenth of a frozen dataclass's
    cost at every start."""

    file: str
    line: int | None
    message: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class PlanError(InputError):
    """An invalid plan: the first problem as the message, all of them in ``problems``."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        super().__init__(first.message, where=first.where)
        self.problems = problems


class Labelled(NamedTuple):
    """An event occurrence with a label, so that two on one day (two documents published
    the same day) are two occurrences, each with its own duties."""

    when: date | datetime
    label: str


Occurrence = date | datetime | Labelled
LABEL_MARK = "#"  # between an occurrence's date and its label in ids: 4.1a@2016-09-30#甲文件
_LABEL = r"[^\s/@#:]{1,20}"  # compiled when a label is read, not at start-up


@dataclass(frozen=True)
class ReportSpec:
    """A derived duty: after each dated item's deadline, ``rule`` counted from it."""

    id: str
    title: str
    rule: Rule
    text: str
    line: int


@dataclass(frozen=True)
class Work:
    """A piece of work as the document states it: what both a plan's items and a draft's
    items (plan/drafting) are."""

    id: str
    section: str
    title: str
    text: str
    lead: tuple[str, ...]  # 牵头
    owners: tuple[str, ...]  # 负责, 配合 …

    @property
    def departments(self) -> tuple[str, ...]:
        return self.lead + self.owners


@dataclass(frozen=True)
class Item(Work):
    rule: Rule  # kind "open" with text "" when the file says ``rule: null``
    rule_text: str | None  # the phrase as written, None when the text states no time limit
    line: int
    anchor: date | None = None
    event: str | None = None
    law: WorkdayRule | None = None  # the statute whose 日 are working days for this item
    report: bool = False  # resolved on load: the file's value, or True for dated items
    done: date | None = None  # the whole item (every occurrence)
    done_occurrences: Mapping[str, date] = field(default_factory=dict)  # "2016-06" / event key
    reported: Mapping[str, date] = field(default_factory=dict)  # report id → date
    jointly: tuple[str, ...] = ()  # 会同, 配合, 协同 …: they work on it with the responsible
    supervising: tuple[str, ...] = ()  # 督促, 指导: they follow it up, not do it

    @property
    def dated(self) -> bool:
        return is_dated(self.rule, self.event)


def is_dated(rule: Rule, event: str | None) -> bool:
    """Whether an item of this rule and event is dated: a single deadline from the plan
    alone, a named date or a period from a fixed anchor (Item.dated)."""
    return event is None and rule.kind not in ("open", "recurring")


@dataclass(frozen=True)
class Plan:
    path: str
    title: str
    issuer: str
    issued: date
    year: int
    source: str | None
    url: str | None
    events: Mapping[str, tuple[Occurrence, ...]]
    reports: tuple[ReportSpec, ...]
    items: tuple[Item, ...]
    key: str | None = None  # plan.key: the short name prefixing ids when several plans are read
    collective: tuple[str, ...] = COLLECTIVE  # names meaning every department
    aliases: Mapping[str, str] = field(default_factory=dict)  # short name → department
    issued_written: bool = True  # False: no plan.issued in the file, ``issued`` is 1 January

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    @property
    def event_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i.event for i in self.items if i.event))

    def with_events(self, extra: Mapping[str, tuple[Occurrence, ...]]) -> Plan:
        """Events given on the command line, added to the recorded ones."""
        unknown = [name for name in extra if name not in self.event_names]
        if unknown:
            known = "、".join(self.event_names) or "（无）"
            raise InputError(f"计划中没有条目使用事件“{unknown[0]}”；可用的事件名：{known}")
        merged = {
            name: tuple(dict.fromkeys((*self.events.get(name, ()), *extra.get(name, ()))))
            for name in {*self.events, *extra}
        }
        return replace(self, events=merged)


def header_data(plan: Plan) -> dict[str, Any]:
    """The plan's heading as JSON values (the ``plan`` object of the JSON output, and of the
    cache of checked plans)."""
    return {
        "title": plan.title,
        "issuer": plan.issuer,
        "issued": plan.issued.isoformat(),
        "year": plan.year,
        "source": plan.source,
        "url": plan.url,
    }


def event_key(when: Occurrence) -> str:
    """How an event occurrence is named in ids and ``done`` maps: 2016-09-30 or
    2016-07-01T14:30, and with a label 2016-09-30#甲文件."""
    if isinstance(when, Labelled):
        return f"{event_key(when.when)}{LABEL_MARK}{when.label}"
    return when.isoformat(timespec="minutes") if isinstance(when, datetime) else when.isoformat()


def moment_of(when: Occurrence) -> date | datetime:
    """The date or date-time an occurrence counts from."""
    return when.when if isinstance(when, Labelled) else when


def written(when: Occurrence) -> str:
    """An occurrence as the plan file writes it under ``events:``: 2016-09-30,
    2016-07-01 14:30, 2016-09-30 甲文件."""
    moment = moment_of(when)
    text = f"{moment:%Y-%m-%d %H:%M}" if isinstance(moment, datetime) else moment.isoformat()
    return f"{text} {when.label}" if isinstance(when, Labelled) else text


def parse_occurrence(text: str) -> Occurrence:
    """``2016-09-30``, ``2016-07-01 14:30``, or either with a label after a space (as in
    ``events:``) or after ``#`` (as in ids and ``done`` maps): ``2016-09-30 甲文件``."""
    from ..phrases.dates import parse_datetime

    text = text.strip()
    try:
        return parse_datetime(text)
    except InputError as e:
        error = e
    if LABEL_MARK in text:
        head, _, label = text.partition(LABEL_MARK)
    elif " " in text:
        head, _, label = text.rpartition(" ")
    else:
        raise error
    label = label.strip()
    if not re.fullmatch(_LABEL, label) or ".." in label:
        raise InputError(
            f"事件标签“{label}”无效：应为不含空白、/、@、#、: 的简短文字（至多 20 字），如 甲文件"
        )
    return Labelled(parse_datetime(head.strip()), label)


def occurrence_example(item: Item, issued: date | None, recorded: str | None = None) -> str:
    """An occurrence key of a recurring or event item, to show in a message: its first
    period (2016-05, 2016-Q2, 2016), or for an event ``recorded`` (or the issue date)."""
    if item.event is not None:
        return recorded or f"{issued or date(2016, 9, 30):%Y-%m-%d}"
    start = item.anchor or issued or date(2016, 6, 1)
    if item.rule.period == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year) if item.rule.period == "year" else f"{start:%Y-%m}"


def done_form_message(item: Item, key: str) -> str:
    """Why a plain ``done:`` date cannot mark a recurring or event item, and what to write."""
    if item.event is not None:
        why = f"由事件“{item.event}”触发，不能整条标记完成：请按事件记录"
    else:
        why = f"按期进行（{item.rule_text}），不能整条标记完成：请逐期记录"
    return f"条目 {item.id} {why}，如 done: {{{key}: 完成日期}}"


def bundled_plan() -> Path:
    """The 2016 plan installed with the package (``gongkai_cli/data/``, in the package itself). A path
    beside this module rather than importlib.resources, which costs a zipfile import at
    every start for packages that are never zipped."""
    return Path(__file__).parent.parent / "data" / BUNDLED


# -- reading -------------------------------------------------------------------------


def read_plan(source: Path, name: str | None = None) -> tuple[Plan | None, list[Problem]]:
    """Read and validate a plan file: (the plan, []) or (None, every problem found)."""
    shown = name or str(source)
    raw = read_plan_bytes(source, shown)
    return (None, [raw]) if isinstance(raw, Problem) else parse_plan(raw, shown)


def read_plan_bytes(source: Path, shown: str) -> bytes | Problem:
    """The file's bytes (at most MAX_BYTES), or why they cannot be read."""
    from ..files.documents import MissingFile, read_bytes

    try:
        if source.is_dir():
            return Problem(shown, None, "这是一个文件夹，不是计划文件")
        raw, _ = read_bytes(str(source), limit=MAX_BYTES, what="计划文件", too_big=TOO_BIG)
    except MissingFile:
        return Problem(shown, None, MISSING)
    except InputError as e:
        return Problem(shown, None, e.message)
    except (OSError, ValueError) as e:  # a name too long or with a NUL
        return Problem(shown, None, f"无法读取计划文件：{getattr(e, 'strerror', None) or e}")
    return raw


def parse_plan(raw: bytes, name: str) -> tuple[Plan | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [Problem(name, None, TOO_BIG)]
    from ..files.documents import NotUtf8, decode_utf8

    try:
        text = decode_utf8(raw, name, "计划文件")
    except NotUtf8 as e:
        return None, [Problem(name, e.line, e.message)]
    from ..files.yamltree import Unreadable, read_tree
    from .validation import PlanChecker

    try:
        data, key_problems = read_tree(text)
    except Unreadable as e:
        return None, [Problem(name, e.line, e.message)]
    checker = PlanChecker(name)
    checker.problems.extend(key_problems)
    plan = checker.plan(data)
    problems = sorted(
        (Problem(name, line, message) for line, message in checker.problems), key=lambda p: p.line or 0
    )
    return (None, problems) if problems else (plan, [])


def load_plan(source: Path, name: str | None = None) -> Plan:
    """The plan in ``source``; PlanError (exit 3) naming the first problem otherwise."""
    plan, problems = read_plan(source, name)
    if plan is None:
        raise PlanError(problems)
    return plan
