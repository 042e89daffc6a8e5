"""Plan files: safe YAML in, a validated Plan out, every problem with its file and line.

The format is documented in docs/plan-format.md. Loading never stops at the first
problem: ``read_plan`` collects them all (``gongkai check`` prints every one), and
``load_plan`` raises the first with a count of the rest. Dates are read by
``dates.parse_date`` (YAML's own timestamps are switched off), so 2016-02-30 is a
problem on its line, not a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dates import parse_date, parse_datetime
from .errors import InputError
from .resolve import target_date
from .rules import Rule, parse_rule

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import yaml

    from .statutes import WorkdayRule

MAX_BYTES = 2 * 1024 * 1024  # a plan is a few dozen KB; anything this big is not a plan
FORMAT = 1
BUNDLED = "tasks-2016.yaml"

# A period rule may count from the issue date without saying so (5个工作日内) or by
# naming it (印发之日起); any other anchor words name an event the plan must supply.
ISSUE_ANCHORS = ("印发", "本工作要点印发", "发布之日", "下发")
_ID = re.compile(r"[^\s/@]{1,40}")
_MONTH_KEY = re.compile(r"([0-9]{4})-([0-9]{2})")
_QUARTER_KEY = re.compile(r"([0-9]{4})-Q([1-4])")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a plan file, at a line (1-based) when it has one."""

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
        more = f"（另有 {len(problems) - 1} 处问题，用 gongkai check 查看全部）" if len(problems) > 1 else ""
        super().__init__(first.message + more, where=first.where)
        self.problems = problems


@dataclass(frozen=True)
class ReportSpec:
    """A derived duty: after each dated item's deadline, ``rule`` counted from it."""

    id: str
    title: str
    rule: Rule
    text: str
    line: int


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    title: str
    text: str
    lead: tuple[str, ...]
    owners: tuple[str, ...]
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

    @property
    def dated(self) -> bool:
        """A single deadline from the plan alone: a named date, or a period from a fixed anchor."""
        return self.event is None and self.rule.kind not in ("open", "recurring")

    @property
    def departments(self) -> tuple[str, ...]:
        return self.lead + self.owners


@dataclass(frozen=True)
class Plan:
    path: str
    title: str
    issuer: str
    issued: date
    year: int
    source: str | None
    url: str | None
    events: Mapping[str, tuple[date | datetime, ...]]
    reports: tuple[ReportSpec, ...]
    items: tuple[Item, ...]

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    @property
    def event_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i.event for i in self.items if i.event))

    def with_events(self, extra: Mapping[str, tuple[date | datetime, ...]]) -> Plan:
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


def event_key(when: date | datetime) -> str:
    """How an event occurrence is named in ids and ``done`` maps: 2016-09-30 or 2016-07-01T14:30."""
    return when.isoformat(timespec="minutes") if isinstance(when, datetime) else when.isoformat()


def bundled_plan() -> Path:
    """The 2016 plan installed with the package (``gongkai_cli/data/``, in the package itself). A path
    beside this module rather than importlib.resources, which costs a zipfile import at
    every start for packages that are never zipped."""
    return Path(__file__).parent / "data" / BUNDLED


# -- reading -------------------------------------------------------------------------


class _Map(dict[Any, Any]):
    """A mapping that remembers the line of itself and of each key."""

    line: int
    lines: dict[Any, int]


class _Seq(list[Any]):
    """A sequence that remembers the line of itself and of each entry."""

    line: int
    lines: list[int]


def _loader_class(problems: list[tuple[int, str]]) -> type[yaml.SafeLoader]:
    """A SafeLoader class that records duplicate or unusable keys in ``problems``."""
    import yaml

    # libyaml's parser when PyYAML has it (ten times faster on a plan); same nodes, same marks.
    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    from .yamlsafe import MERGE_TAG, alias_error

    seen: set[int] = set()

    def once(node: yaml.Node) -> None:
        """Each node has one parent; a node met twice is an alias (refused, not expanded)."""
        if id(node) in seen:
            raise alias_error(node)
        seen.add(id(node))

    class PlanLoader(base):  # type: ignore[valid-type,misc]
        """SafeLoader that records each node's start line and reports duplicate keys;
        YAML timestamps stay strings so that dates are checked (with a line) on validation.
        Aliases and merge keys are refused (yamlsafe)."""

        def construct_plan_map(self, node: yaml.MappingNode) -> Iterator[_Map]:
            result = _Map()
            result.line, result.lines = node.start_mark.line + 1, {}
            yield result
            for key_node, value_node in node.value:
                if key_node.tag == MERGE_TAG:
                    raise alias_error(key_node)
                once(key_node)
                once(value_node)
            self.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                if not isinstance(key, str | int | float | bool) and key is not None:
                    problems.append((line, "键须为文字"))
                    continue
                if key in result:
                    problems.append((line, f"键“{key}”重复（第 {result.lines[key]} 行已有）"))
                    continue
                result[key] = self.construct_object(value_node, deep=True)
                result.lines[key] = line

        def construct_plan_seq(self, node: yaml.SequenceNode) -> Iterator[_Seq]:
            result = _Seq()
            result.line, result.lines = node.start_mark.line + 1, []
            yield result
            for child in node.value:
                once(child)
                result.append(self.construct_object(child, deep=True))
                result.lines.append(child.start_mark.line + 1)

    PlanLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    PlanLoader.add_constructor("tag:yaml.org,2002:map", PlanLoader.construct_plan_map)
    PlanLoader.add_constructor("tag:yaml.org,2002:seq", PlanLoader.construct_plan_seq)
    return PlanLoader


def read_plan(source: Path | Traversable, name: str | None = None) -> tuple[Plan | None, list[Problem]]:
    """Read and validate a plan file: (the plan, []) or (None, every problem found)."""
    shown = name or str(source)
    try:
        if source.is_dir():
            return None, [Problem(shown, None, "这是一个文件夹，不是计划文件")]
        with source.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None, [
            Problem(shown, None, "找不到计划文件：请检查路径，或去掉 --tasks / GONGKAI_TASKS 使用内置计划")
        ]
    except OSError as e:
        return None, [Problem(shown, None, f"无法读取计划文件：{e.strerror or e}")]
    return parse_plan(raw, shown)


def parse_plan(raw: bytes, name: str) -> tuple[Plan | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [Problem(name, None, f"文件超过 {MAX_BYTES // 1024 // 1024} MiB，不是计划文件")]
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark is harmless
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return None, [Problem(name, line, "不是 UTF-8 编码的文本：请以 UTF-8 保存计划文件")]
    import yaml

    from .yamlsafe import NESTING_MESSAGE, describe_error

    key_problems: list[tuple[int, str]] = []
    loader: yaml.SafeLoader | None = None
    try:
        loader = _loader_class(key_problems)(text)  # refuses control characters at once
        data = loader.get_single_data()
    except yaml.YAMLError as e:
        where, problem = describe_error(e, text)
        return None, [Problem(name, where, f"YAML 语法错误：{problem}")]
    except RecursionError:
        return None, [Problem(name, None, NESTING_MESSAGE)]
    finally:
        if loader is not None:
            loader.dispose()
    validator = _Validator(name)
    validator.problems.extend(Problem(name, line, message) for line, message in key_problems)
    plan = validator.plan(data)
    problems = sorted(validator.problems, key=lambda p: p.line or 0)
    return (None, problems) if problems else (plan, [])


def load_plan(source: Path | Traversable, name: str | None = None) -> Plan:
    """The plan in ``source``; PlanError (exit 3) naming the first problem otherwise."""
    plan, problems = read_plan(source, name)
    if plan is None:
        raise PlanError(problems)
    return plan


# -- validation ----------------------------------------------------------------------

_TOP = {"format": True, "plan": True, "events": False, "reports": False, "items": True}
_PLAN = {
    "title": True,
    "issuer": True,
    "issued": True,
    "year": True,
    "source": False,
    "url": False,
    "law": False,
    "workday_periods": False,
}
_WORKDAY_PERIODS = {"name": True, "article": True, "days": False, "up_to": False, "text": False}
_REPORT = {"id": True, "title": True, "rule": True, "text": False}
_ITEM = {
    "id": True,
    "section": True,
    "title": True,
    "text": True,
    "lead": True,
    "owners": True,
    "rule": True,
    "anchor": False,
    "event": False,
    "report": False,
    "done": False,
    "reported": False,
    "law": False,
}


class _Invalid(Exception):
    """A value that cannot be used; its problem is already recorded."""


class _Validator:
    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.own_rules: tuple[WorkdayRule, ...] = ()
        self.default_law: WorkdayRule | None = None

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.name, line, message))

    def fail(self, line: int | None, message: str) -> _Invalid:
        self.problem(line, message)
        return _Invalid()

    # -- shapes ----------------------------------------------------------------

    def mapping(self, value: Any, line: int | None, what: str, keys: dict[str, bool]) -> _Map:
        if not isinstance(value, _Map):
            raise self.fail(line, f"{what} 应为键值表（key: value）")
        for key in value:
            if key not in keys:
                known = "、".join(keys)
                self.problem(value.lines[key], f"{what} 中有未知的键“{key}”（可用的键：{known}）")
        for key, required in keys.items():
            if required and key not in value:
                self.problem(value.line, f"{what} 缺少必需的键“{key}”")
        return value

    def text(self, m: _Map, key: str, what: str, *, empty: bool = False) -> str:
        if key not in m:
            raise _Invalid()  # a missing key is reported once, by mapping()
        value = m[key]
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(m.lines.get(key, m.line), f"{what}的“{key}”应为{'文字' if empty else '非空文字'}")
        return value

    def names(self, m: _Map, key: str, what: str) -> tuple[str, ...]:
        if key not in m:
            raise _Invalid()
        value = m[key]
        line = m.lines.get(key, m.line)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(line, f"{what}的“{key}”应为部门名称的列表，如 [条法司]；没有时写 []")
        return tuple(v.strip() for v in value)

    def day(self, value: Any, line: int, what: str) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except InputError as e:
            raise self.fail(line, f"{what}：{e.message}") from None

    def moment(self, value: Any, line: int, what: str) -> date | datetime:
        try:
            return parse_datetime(str(value))
        except InputError as e:
            raise self.fail(line, f"{what}：{e.message}") from None

    def rule(self, value: Any, line: int, what: str) -> Rule:
        if not isinstance(value, str):
            raise self.fail(line, f"{what}的期限写法应为文字")
        try:
            return parse_rule(value)
        except InputError as e:
            error = e
        from .clause import read_clause

        try:  # a clause as the document writes it: 行政机关应当自…之日起二十日内作出决定
            clause = read_clause(value)
        except InputError:
            raise self.fail(line, f"{what}：{error.message}") from None
        if len(clause.parts) > 1:
            words = "、".join(f"“{p.rule.text}”" for p in clause.parts)
            raise self.fail(
                line, f"{what}的期限写法含 {len(clause.parts)} 个期限（{words}）：请每个条目写一个期限"
            )
        return clause.parts[0].rule

    # -- the document ----------------------------------------------------------

    def plan(self, data: Any) -> Plan | None:
        if data is None:
            self.problem(1, "文件是空的：计划文件应以 format: 1 开头，见 docs/plan-format.md")
            return None
        try:
            top = self.mapping(data, 1, "计划文件", _TOP)
            if "format" in top and top["format"] != FORMAT:
                self.problem(
                    top.lines["format"], f"不支持的格式版本“{top['format']}”：本版本读取 format: {FORMAT}"
                )
            head = self.mapping(top.get("plan"), top.lines.get("plan", 1), "plan", _PLAN)
        except _Invalid:
            return None
        title = self.attempt(lambda: self.text(head, "title", "plan"))
        issuer = self.attempt(lambda: self.text(head, "issuer", "plan"))
        issued = self.attempt(
            lambda: self.day(head.get("issued"), head.lines.get("issued", head.line), "plan 的 issued")
        )
        year = self.attempt(lambda: self.year(head))
        source = self.attempt(lambda: self.text(head, "source", "plan") if "source" in head else None)
        url = self.attempt(lambda: self.text(head, "url", "plan") if "url" in head else None)
        self.own_rules = self.attempt(lambda: self.workday_periods(head)) or ()
        self.default_law = self.attempt(lambda: self.law(head, "plan"))
        events = self.events(top)
        reports = self.reports(top)
        items = self.items(top, year, issued, events, reports)
        if self.problems or None in (title, issuer, issued, year):
            return None
        assert title is not None and issuer is not None and issued is not None and year is not None
        return Plan(self.name, title, issuer, issued, year, source, url, events, reports, items)

    def workday_periods(self, head: _Map) -> tuple[WorkdayRule, ...]:
        """A rule of the document's own, shaped like the statutes' (counting-rules §9)."""
        if head.get("workday_periods") is None:
            return ()
        line = head.lines["workday_periods"]
        m = self.mapping(head["workday_periods"], line, "plan 的 workday_periods", _WORKDAY_PERIODS)
        what = "workday_periods"
        name = self.text(m, "name", what)
        article = self.text(m, "article", what)
        text = self.text(m, "text", what) if "text" in m else ""
        days = m.get("days") or []
        if not isinstance(days, list) or not all(
            isinstance(d, int) and not isinstance(d, bool) and d > 0 for d in days
        ):
            raise self.fail(
                m.lines.get("days", m.line), "workday_periods 的 days 应为天数的列表，如 [5, 10, 15, 20]"
            )
        up_to = m.get("up_to")
        if up_to is not None and (not isinstance(up_to, int) or isinstance(up_to, bool) or up_to <= 0):
            raise self.fail(m.lines["up_to"], "workday_periods 的 up_to 应为正整数，如 10（十日以内）")
        from .statutes import WorkdayRule

        return (WorkdayRule(name, article, text, tuple(days), up_to),)

    def law(self, m: _Map, what: str) -> WorkdayRule | None:
        if m.get("law") is None:
            return None
        name = self.text(m, "law", what)
        from .statutes import find_statute

        try:
            return find_statute(name, self.own_rules)
        except InputError as e:
            raise self.fail(m.lines["law"], f"{what} 的 law：{e.message}") from None

    def attempt(self, f: Any) -> Any:
        try:
            return f()
        except _Invalid:
            return None

    def year(self, head: _Map) -> int:
        value = head.get("year")
        if not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 9998:
            raise self.fail(
                head.lines.get("year", head.line), f"plan 的 year 应为年份数字，如 2016（现为“{value}”）"
            )
        return value

    def events(self, top: _Map) -> dict[str, tuple[date | datetime, ...]]:
        if "events" not in top or top["events"] is None:
            return {}
        try:
            m = top["events"]
            if not isinstance(m, _Map):
                raise self.fail(top.lines["events"], "events 应为“事件名: [日期, …]”的键值表")
        except _Invalid:
            return {}
        events: dict[str, tuple[date | datetime, ...]] = {}
        for name, value in m.items():
            line = m.lines[name]
            if not isinstance(value, _Seq):
                self.problem(line, f'事件“{name}”应为日期列表，如 [2016-09-30] 或 ["2016-07-01 14:30"]')
                continue
            whens = [
                self.attempt(lambda v=v, ln=ln, n=name: self.moment(v, ln, f"事件“{n}”的日期"))
                for v, ln in zip(value, value.lines, strict=True)
            ]
            events[str(name)] = tuple(w for w in whens if w is not None)
        return events

    def reports(self, top: _Map) -> tuple[ReportSpec, ...]:
        value = top.get("reports")
        if value is None:
            return ()
        if not isinstance(value, _Seq):
            self.problem(top.lines["reports"], "reports 应为列表")
            return ()
        specs: list[ReportSpec] = []
        for entry, line in zip(value, value.lines, strict=True):
            try:
                m = self.mapping(entry, line, "报告", _REPORT)
                rid = self.ident(m, "报告")
                title = self.text(m, "title", f"报告 {rid}")
                rule = self.rule(m.get("rule"), m.lines.get("rule", m.line), f"报告 {rid}")
                text = self.text(m, "text", f"报告 {rid}") if "text" in m else ""
            except _Invalid:
                continue
            if rule.kind not in ("workdays", "days", "months", "years"):
                self.problem(
                    m.lines["rule"], f"报告 {rid} 的期限应为从期限届满起算的期间，如“期限届满后10个工作日内”"
                )
                continue
            if any(s.id == rid for s in specs):
                self.problem(m.lines["id"], f"报告编号“{rid}”重复")
                continue
            specs.append(ReportSpec(rid, title, rule, text, m.line))
        return tuple(specs)

    def ident(self, m: _Map, what: str) -> str:
        if "id" not in m:
            raise _Invalid()
        value = m["id"]
        line = m.lines.get("id", m.line)
        if isinstance(value, float):
            raise self.fail(line, f'{what}编号 {value} 应加引号（如 "1.10"），否则会被读成数字')
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not _ID.fullmatch(value):
            raise self.fail(line, f"{what}编号“{value}”无效：应为不含空白、/ 和 @ 的文字（至多 40 字）")
        return value

    def items(
        self,
        top: _Map,
        year: int | None,
        issued: date | None,
        events: Mapping[str, tuple[date | datetime, ...]],
        reports: tuple[ReportSpec, ...],
    ) -> tuple[Item, ...]:
        value = top.get("items")
        if "items" not in top:
            return ()
        if not isinstance(value, _Seq) or not value:
            self.problem(top.lines["items"], "items 应为非空列表")
            return ()
        items: list[Item] = []
        seen: dict[str, int] = {}
        for entry, line in zip(value, value.lines, strict=True):
            iid = self.attempt(lambda e=entry: self.ident(e, "条目")) if isinstance(entry, _Map) else None
            if iid is not None:
                id_line = entry.lines.get("id", line)
                if iid in seen:
                    self.problem(id_line, f"条目编号“{iid}”重复（第 {seen[iid]} 行已有）")
                else:
                    seen[iid] = id_line
            item = self.attempt(lambda e=entry, ln=line, i=iid: self.item(e, ln, i, year, issued, reports))
            if item is not None:
                items.append(item)
        used = {i.event for i in items if i.event}
        if isinstance(top.get("events"), _Map):
            for name in events:
                if name not in used:
                    self.problem(
                        top["events"].lines[name], f"没有条目使用事件“{name}”（条目用 event: {name} 引用）"
                    )
        return tuple(items)

    def item(
        self,
        entry: Any,
        line: int,
        iid: str | None,
        year: int | None,
        issued: date | None,
        reports: tuple[ReportSpec, ...],
    ) -> Item:
        what = f"条目 {iid}" if iid else "条目"
        m = self.mapping(entry, line, what, _ITEM)
        section = self.attempt(lambda: self.text(m, "section", what, empty=True))
        title = self.attempt(lambda: self.text(m, "title", what))
        text = self.attempt(lambda: self.text(m, "text", what))
        lead = self.attempt(lambda: self.names(m, "lead", what))
        owners = self.attempt(lambda: self.names(m, "owners", what))
        rule_line = m.lines.get("rule", m.line)
        rule_text = m.get("rule")
        rule: Rule | None = None
        if "rule" in m:
            rule = (
                Rule("", "open")
                if rule_text is None
                else self.attempt(lambda: self.rule(rule_text, rule_line, what))
            )
        anchor = None
        if "anchor" in m:
            anchor = self.attempt(lambda: self.day(m["anchor"], m.lines["anchor"], f"{what} 的 anchor"))
        event = None
        if "event" in m:
            event = self.attempt(lambda: self.text(m, "event", what))
        if rule is not None:
            self.check_rule(m, what, rule, year, event, anchor)
        law = self.attempt(lambda: self.law(m, what)) if "law" in m else self.default_law
        if None in (iid, section, title, text, lead, owners, rule):
            if "done" in m and not isinstance(m["done"], _Map):
                self.attempt(lambda: self.day(m["done"], m.lines["done"], f"{what} 的 done"))
            raise _Invalid()
        assert iid is not None and rule is not None
        item = Item(iid, section, title, text, lead, owners, rule, rule_text, m.line, anchor, event, law=law)
        report = m.get("report", item.dated)
        if not isinstance(report, bool):
            raise self.fail(m.lines["report"], f"{what} 的 report 应为 true 或 false")
        if report and not item.dated and "report" in m:
            self.problem(m.lines["report"], f"{what} 没有固定期限，不能派生报告（去掉 report: true）")
        item = replace(item, report=report and item.dated and bool(reports))
        done, occurrences = self.done(m, item, year, issued)
        reported = self.reported(m, item, reports)
        return replace(item, done=done, done_occurrences=occurrences, reported=reported)

    def check_rule(
        self, m: _Map, what: str, rule: Rule, year: int | None, event: str | None, anchor: date | None
    ) -> None:
        line = m.lines.get("rule", m.line)
        if rule.kind == "date" and year is not None:
            try:
                target_date(rule, year)
            except InputError as e:
                self.problem(line, f"{what}：{e.message}")
        if event is not None and rule.kind in ("date", "recurring", "open"):
            self.problem(
                m.lines["event"],
                f"{what} 有 event，但期限“{rule.text}”不是从事件起算的期间（如“3个工作日内”“24小时内”）",
            )
        if (
            event is None
            and anchor is None
            and rule.anchor
            and not any(rule.anchor.startswith(w) for w in ISSUE_ANCHORS)
        ):
            self.problem(
                line, f"{what} 的期限从“{rule.anchor}”起算：请用 event: 指明事件名，或用 anchor: 给出起算日"
            )
        if rule.kind == "hours" and event is None:
            self.problem(line, f"{what} 的期限按小时计算，须从事件起算：请加 event:")

    def done(
        self, m: _Map, item: Item, year: int | None, issued: date | None
    ) -> tuple[date | None, dict[str, date]]:
        if "done" not in m or m["done"] is None:
            return None, {}
        value, line = m["done"], m.lines["done"]
        what = f"条目 {item.id} 的 done"
        if not isinstance(value, _Map):
            return self.attempt(lambda: self.day(value, line, what)), {}
        if item.rule.kind != "recurring" and item.event is None:
            self.problem(line, f"{what} 应为一个日期（按期或按事件的条目才用“期: 日期”的表）")
            return None, {}
        occurrences: dict[str, date] = {}
        for key, when in value.items():
            key_line = value.lines[key]
            try:
                normal = self.occurrence_key(key, key_line, item, year, issued)
                occurrences[normal] = self.day(when, key_line, f"{what}（{key}）")
            except _Invalid:
                continue
        return None, occurrences

    def occurrence_key(self, key: Any, line: int, item: Item, year: int | None, issued: date | None) -> str:
        text = str(key)
        if item.event is not None:
            return event_key(self.moment(text, line, f"条目 {item.id} 的 done 中的事件时间"))
        period = item.rule.period
        first = item.anchor or issued
        if period == "month" and (match := _MONTH_KEY.fullmatch(text)) and 1 <= int(match[2]) <= 12:
            start = date(int(match[1]), int(match[2]), 1)
            if (
                year is None
                or first is None
                or (date(first.year, first.month, 1) <= start and start.year <= year)
            ):
                return text
            raise self.fail(line, f"条目 {item.id} 没有 {text} 这一期（按月，自 {first:%Y-%m} 至 {year}-12）")
        if period == "quarter" and _QUARTER_KEY.fullmatch(text):
            return text
        if period == "year" and re.fullmatch(r"[0-9]{4}", text):
            return text
        form = {"month": "2016-06", "quarter": "2016-Q2", "year": "2016"}.get(period or "month", "2016-06")
        raise self.fail(line, f"条目 {item.id} 的 done 中“{text}”不是一期的名称（应如 {form}）")

    def reported(self, m: _Map, item: Item, reports: tuple[ReportSpec, ...]) -> dict[str, date]:
        if "reported" not in m or m["reported"] is None:
            return {}
        value, line = m["reported"], m.lines["reported"]
        what = f"条目 {item.id} 的 reported"
        if not item.report:
            self.problem(line, f"{what}：该条目没有派生报告")
            return {}
        if not isinstance(value, _Map):
            when = self.attempt(lambda: self.day(value, line, what))
            return {} if when is None else {spec.id: when for spec in reports}
        result: dict[str, date] = {}
        for key, when in value.items():
            if not any(spec.id == key for spec in reports):
                self.problem(value.lines[key], f"{what} 中“{key}”不是 reports 中的报告编号")
                continue
            day = self.attempt(lambda w=when, k=key: self.day(w, value.lines[k], f"{what}（{k}）"))
            if day is not None:
                result[str(key)] = day
        return result
