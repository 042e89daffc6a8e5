"""The plan format's rules, checked over the tree read from a plan file (docs/plan-format.md).

Every problem is recorded with its line and checking goes on, so that ``gongkai check``
shows them all; each check returns its value, or None once it has recorded why not
(files.yamlsafe.Checker). Loaded only when a plan is read from its file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..files.yamltree import Checker, LineMap, LineSeq
from ..phrases.dates import parse_date
from ..phrases.reader import Rule, parse_rule
from ..phrases.resolve import target_date
from ..phrases.vocabulary import ISSUE_ANCHORS
from .plan_file import (
    COLLECTIVE,
    FORMAT,
    Item,
    Occurrence,
    Plan,
    ReportSpec,
    done_form_message,
    event_key,
    is_dated,
    occurrence_example,
    parse_occurrence,
)

if TYPE_CHECKING:
    from ..phrases.statutes import WorkdayRule

_ID = re.compile(r"[^\s/@]{1,40}")
_MONTH_KEY = re.compile(r"([0-9]{4})-([0-9]{2})")
_QUARTER_KEY = re.compile(r"([0-9]{4})-Q([1-4])")

# The keys of each mapping; True: required. A key not required has a documented default
# (docs/plan-format.md): format 1, issuer "", issued 1 January of the year, section and
# text "", lead and owners [].
_TOP = {
    "format": False,
    "plan": True,
    "departments": False,
    "events": False,
    "reports": False,
    "items": True,
}
_PLAN = {
    "title": True,
    "issuer": False,
    "issued": False,
    "year": True,
    "source": False,
    "url": False,
    "law": False,
    "workday_periods": False,
    "key": False,
}
_WORKDAY_PERIODS = {"name": True, "article": True, "days": False, "up_to": False, "text": False}
_DEPARTMENTS = {"collective": False, "aliases": False}
_KEY = re.compile(r"[^\s:/@]{1,20}")
_REPORT = {"id": True, "title": True, "rule": True, "text": False}
_ITEM = {
    "id": True,
    "section": False,
    "title": True,
    "text": False,
    "lead": False,
    "owners": False,
    "jointly": False,
    "supervising": False,
    "rule": True,
    "rule_unread": False,
    "anchor": False,
    "event": False,
    "report": False,
    "done": False,
    "reported": False,
    "law": False,
}


class PlanChecker(Checker):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.own_rules: tuple[WorkdayRule, ...] = ()
        self.default_law: WorkdayRule | None = None
        self.read_rules: dict[str, Rule] = {}  # a plan of thousands of items repeats its phrases

    # -- values ----------------------------------------------------------------

    def names(self, m: LineMap, key: str, what: str) -> tuple[str, ...] | None:
        if key not in m:
            return None
        value = m[key]
        if isinstance(value, list):
            names = tuple(v.strip() for v in value if isinstance(v, str))
            if len(names) == len(value) and all(names):  # every entry a text, none blank
                return names
        self.problem(self.line(m, key), f"{what}的“{key}”应为部门名称的列表，如 [条法司]；没有时写 []")
        return None

    def day(self, value: Any, line: int, what: str) -> date | None:
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except InputError as e:
            self.problem(line, f"{what}：{e.message}")
            return None

    def moment(self, value: Any, line: int, what: str) -> Occurrence | None:
        try:
            return parse_occurrence(str(value))
        except InputError as e:
            self.problem(line, f"{what}：{e.message}")
            return None

    def rule(self, value: Any, line: int, what: str) -> Rule | None:
        if not isinstance(value, str):
            self.problem(line, f"{what}的期限写法应为文字")
            return None
        known = self.read_rules.get(value)
        if known is not None:
            return known
        try:
            rule = self.read_rules[value] = parse_rule(value)
            return rule
        except InputError as e:
            error = e
        from ..phrases.clause import read_clause

        try:  # a clause as the document writes it: 行政机关应当自…之日起二十日内作出决定
            clause = read_clause(value)
        except InputError:
            self.problem(line, f"{what}：{error.message}")
            return None
        if len(clause.parts) > 1:
            words = "、".join(f"“{p.rule.text}”" for p in clause.parts)
            self.problem(
                line, f"{what}的期限写法含 {len(clause.parts)} 个期限（{words}）：请每个条目写一个期限"
            )
            return None
        return clause.parts[0].rule

    def workday_periods(self, head: LineMap) -> tuple[WorkdayRule, ...]:
        """A rule of the document's own, shaped like the statutes' (counting-rules §9)."""
        if head.get("workday_periods") is None:
            return ()
        what = "workday_periods"
        m = self.mapping(
            head["workday_periods"], head.lines["workday_periods"], f"plan 的 {what}", _WORKDAY_PERIODS
        )
        if m is None:
            return ()
        name, article = self.text(m, "name", what), self.text(m, "article", what)
        text = self.text(m, "text", what) or ""
        days = m.get("days") or []
        if not isinstance(days, list) or not all(
            isinstance(d, int) and not isinstance(d, bool) and d > 0 for d in days
        ):
            self.problem(self.line(m, "days"), f"{what} 的 days 应为天数的列表，如 [5, 10, 15, 20]")
            return ()
        up_to = m.get("up_to")
        if up_to is not None and (not isinstance(up_to, int) or isinstance(up_to, bool) or up_to <= 0):
            self.problem(m.lines["up_to"], f"{what} 的 up_to 应为正整数，如 10（十日以内）")
            return ()
        if name is None or article is None:
            return ()
        from ..phrases.statutes import WorkdayRule

        return (WorkdayRule(name, article, text, tuple(days), up_to),)

    def law(self, m: LineMap, what: str) -> WorkdayRule | None:
        """The statute ``m`` names under ``law``: a national one or the plan's own."""
        if m.get("law") is None:
            return None
        name = self.text(m, "law", what)
        if name is None:
            return None
        from ..phrases.statutes import find_statute

        try:
            return find_statute(name, self.own_rules)
        except InputError as e:
            self.problem(m.lines["law"], f"{what} 的 law：{e.message}")
            return None

    def ident(self, m: LineMap, what: str) -> str | None:
        if "id" not in m:
            return None  # reported by mapping()
        value = m["id"]
        line = self.line(m, "id")
        if isinstance(value, float):
            self.problem(line, f'{what}编号 {value} 应加引号（如 "1.10"），否则会被读成数字')
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not _ID.fullmatch(value):
            self.problem(line, f"{what}编号“{value}”无效：应为不含空白、/ 和 @ 的文字（至多 40 字）")
            return None
        return value

    # -- the document ----------------------------------------------------------

    def plan(self, data: Any) -> Plan | None:
        if data is None:
            self.problem(1, "文件是空的：计划文件应以 format: 1 开头，见 docs/plan-format.md")
            return None
        top = self.mapping(data, 1, "计划文件", _TOP)
        if top is None:
            return None
        if "format" in top and not (type(top["format"]) is int and top["format"] == FORMAT):
            self.problem(
                top.lines["format"], f"不支持的格式版本“{top['format']}”：本版本读取 format: {FORMAT}"
            )
        head = self.mapping(top.get("plan"), top.lines.get("plan", 1), "plan", _PLAN)
        if head is None:
            return None
        title = self.text(head, "title", "plan")
        issuer = self.text(head, "issuer", "plan", empty=True) if "issuer" in head else ""
        year = self.integer(head, "year", "plan", 1900, 9998, "年份数字，如 2016")
        issued = None  # a missing year is reported once, by ``mapping``
        if "issued" in head:
            issued = self.day(head["issued"], self.line(head, "issued"), "plan 的 issued")
        elif year is not None:
            issued = date(year, 1, 1)  # no issue date written: the plan binds from its year's start
        source = self.text(head, "source", "plan")
        url = self.text(head, "url", "plan")
        self.own_rules = self.workday_periods(head)
        self.default_law = self.law(head, "plan")
        key = self.plan_key(head)
        collective, aliases = self.departments(top)
        events = self.events(top)
        reports = self.reports(top)
        items = self.items(top, year, issued, events, reports)
        if self.problems or title is None or issuer is None or issued is None or year is None:
            return None
        return Plan(
            self.name,
            title,
            issuer,
            issued,
            year,
            source,
            url,
            events,
            reports,
            items,
            key,
            collective,
            aliases,
            "issued" in head,
        )

    def plan_key(self, head: LineMap) -> str | None:
        value = self.text(head, "key", "plan")
        if value is not None and not _KEY.fullmatch(value):
            self.problem(head.lines["key"], f"plan 的 key“{value}”应为不含空白、: / @ 的简称（至多 20 字）")
            return None
        return value

    def departments(self, top: LineMap) -> tuple[tuple[str, ...], dict[str, str]]:
        """``departments:``: the collective names (default COLLECTIVE) and the aliases."""
        if top.get("departments") is None:
            return COLLECTIVE, {}
        m = self.mapping(top["departments"], top.lines["departments"], "departments", _DEPARTMENTS)
        if m is None:
            return COLLECTIVE, {}
        collective = self.names(m, "collective", "departments") if "collective" in m else None
        aliases: dict[str, str] = {}
        value = m.get("aliases")
        if value is not None and not isinstance(value, LineMap):
            self.problem(m.lines["aliases"], "departments 的 aliases 应为“简称: 部门全称”的键值表")
        elif value is not None:
            for short, full in value.items():
                if not isinstance(full, str) or not full.strip() or not str(short).strip():
                    self.problem(value.lines[short], f"简称“{short}”应对应一个部门全称")
                    continue
                aliases[str(short).strip()] = full.strip()
        return collective or COLLECTIVE, aliases

    def events(self, top: LineMap) -> dict[str, tuple[Occurrence, ...]]:
        if top.get("events") is None:
            return {}
        m = top["events"]
        if not isinstance(m, LineMap):
            self.problem(top.lines["events"], "events 应为“事件名: [日期, …]”的键值表")
            return {}
        events: dict[str, tuple[Occurrence, ...]] = {}
        for name, value in m.items():
            if not isinstance(value, LineSeq):
                self.problem(
                    m.lines[name], f'事件“{name}”应为日期列表，如 [2016-09-30] 或 ["2016-07-01 14:30"]'
                )
                continue
            whens = [
                self.moment(v, ln, f"事件“{name}”的日期") for v, ln in zip(value, value.lines, strict=True)
            ]
            events[str(name)] = tuple(w for w in whens if w is not None)
        return events

    def reports(self, top: LineMap) -> tuple[ReportSpec, ...]:
        value = top.get("reports")
        if value is None:
            return ()
        if not isinstance(value, LineSeq):
            self.problem(top.lines["reports"], "reports 应为列表")
            return ()
        specs: list[ReportSpec] = []
        for entry, line in zip(value, value.lines, strict=True):
            m = self.mapping(entry, line, "报告", _REPORT)
            spec = None if m is None else self.report(m)
            if m is None or spec is None:
                continue
            if any(s.id == spec.id for s in specs):
                self.problem(m.lines["id"], f"报告编号“{spec.id}”重复")
                continue
            specs.append(spec)
        return tuple(specs)

    def report(self, m: LineMap) -> ReportSpec | None:
        """One entry of ``reports``; its checks stop at the first problem."""
        rid = self.ident(m, "报告")
        if rid is None:
            return None
        title = self.text(m, "title", f"报告 {rid}")
        if title is None:
            return None
        rule = self.rule(m.get("rule"), self.line(m, "rule"), f"报告 {rid}")
        if rule is None:
            return None
        text = self.text(m, "text", f"报告 {rid}") if "text" in m else ""
        if text is None:
            return None
        if rule.kind not in ("workdays", "days", "months", "years"):
            self.problem(
                m.lines["rule"], f"报告 {rid} 的期限应为从期限届满起算的期间，如“期限届满后10个工作日内”"
            )
            return None
        return ReportSpec(rid, title, rule, text, m.line)

    def items(
        self,
        top: LineMap,
        year: int | None,
        issued: date | None,
        events: Mapping[str, tuple[Occurrence, ...]],
        reports: tuple[ReportSpec, ...],
    ) -> tuple[Item, ...]:
        if "items" not in top:
            return ()
        value = top["items"]
        if value is None:  # a new plan, its examples still commented out (plan new)
            return ()
        if not isinstance(value, LineSeq):
            self.problem(top.lines["items"], "items 应为条目的列表")
            return ()
        items: list[Item] = []
        seen: dict[str, int] = {}
        for entry, line in zip(value, value.lines, strict=True):
            iid = self.ident(entry, "条目") if isinstance(entry, LineMap) else None
            if iid is not None:
                id_line = entry.lines.get("id", line)
                if iid in seen:
                    self.problem(id_line, f"条目编号“{iid}”重复（第 {seen[iid]} 行已有）")
                else:
                    seen[iid] = id_line
            item = self.item(entry, line, iid, year, issued, reports)
            if item is not None:
                items.append(item)
        used = {i.event for i in items if i.event}
        if isinstance(top.get("events"), LineMap):
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
    ) -> Item | None:
        what = f"条目 {iid}" if iid else "条目"
        m = self.mapping(entry, line, what, _ITEM)
        if m is None:
            return None
        section = self.text(m, "section", what, empty=True) if "section" in m else ""
        title = self.text(m, "title", what)
        text = self.text(m, "text", what, empty=True) if "text" in m else ""
        lead = self.names(m, "lead", what) if "lead" in m else ()
        owners = self.names(m, "owners", what) if "owners" in m else ()
        rule_text = m.get("rule")
        rule: Rule | None = None
        unread = self.unread(m, what, rule_text)
        if "rule" in m and not unread:
            rule = Rule("", "open") if rule_text is None else self.rule(rule_text, self.line(m, "rule"), what)
        elif unread:  # kept verbatim, not read: the item has no date until it is fixed
            rule = Rule("", "open")
        anchor = self.day(m["anchor"], m.lines["anchor"], f"{what} 的 anchor") if "anchor" in m else None
        event = self.text(m, "event", what)
        if rule is not None and not unread:
            self.check_rule(m, what, rule, year, event, anchor)
        law = self.law(m, what) if "law" in m else self.default_law
        if (
            iid is None
            or section is None
            or title is None
            or text is None
            or lead is None
            or owners is None
            or rule is None
        ):
            if "done" in m and not isinstance(m["done"], LineMap):
                self.day(m["done"], m.lines["done"], f"{what} 的 done")
            return None
        fields = (iid, section, title, text, lead, owners, rule, rule_text, m.line, anchor, event, law)
        dated = is_dated(rule, event)
        report = m.get("report", dated)
        if not isinstance(report, bool):
            self.problem(m.lines["report"], f"{what} 的 report 应为 true 或 false")
            return None
        if report and not dated and "report" in m:
            self.problem(m.lines["report"], f"{what} 没有固定期限，不能派生报告（去掉 report: true）")
        report = report and dated and bool(reports)
        done: date | None = None
        occurrences: dict[str, date] = {}
        reported: dict[str, date] = {}
        if m.get("done") is not None or m.get("reported") is not None:
            # The item so far, which done and reported read; made only for them, and made
            # again below rather than by dataclasses.replace: on a plan of thousands of
            # items, each Item made costs a tenth of checking it.
            item = Item(*fields, report=report)
            done, occurrences = self.done(m, item, year, issued)
            reported = self.reported(m, item, reports)
        jointly = self.names(m, "jointly", what) or ()
        supervising = self.names(m, "supervising", what) or ()
        return Item(
            *fields,
            report=report,
            done=done,
            done_occurrences=occurrences,
            reported=reported,
            jointly=jointly,
            supervising=supervising,
        )

    def unread(self, m: LineMap, what: str, rule_text: Any) -> bool:
        """``rule_unread: true``: a drafted rule the reader could not read, kept as text
        (docs/plan-format.md); `check` lists it as left to review (plan/review.py)."""
        if "rule_unread" not in m:
            return False
        if m["rule_unread"] is not True:
            self.problem(m.lines["rule_unread"], f"{what} 的 rule_unread 只能写 true（期限改好后删去这一行）")
            return False
        if not isinstance(rule_text, str) or not rule_text.strip():
            self.problem(m.lines["rule_unread"], f"{what} 有 rule_unread，但 rule 不是文字")
            return False
        return True

    def check_rule(
        self, m: LineMap, what: str, rule: Rule, year: int | None, event: str | None, anchor: date | None
    ) -> None:
        line = self.line(m, "rule")
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
        self, m: LineMap, item: Item, year: int | None, issued: date | None
    ) -> tuple[date | None, dict[str, date]]:
        if m.get("done") is None:
            return None, {}
        value, line = m["done"], m.lines["done"]
        what = f"条目 {item.id} 的 done"
        if not isinstance(value, LineMap):
            if item.rule.kind == "recurring" or item.event is not None:
                self.problem(line, done_form_message(item, occurrence_example(item, issued)))
                return None, {}
            return self.day(value, line, what), {}
        if item.rule.kind != "recurring" and item.event is None:
            self.problem(line, f"{what} 应为一个日期（按期或按事件的条目才用“期: 日期”的表）")
            return None, {}
        occurrences: dict[str, date] = {}
        for key, when in value.items():
            key_line = value.lines[key]
            normal = self.occurrence_key(key, key_line, item, year, issued)
            if normal is None:
                continue
            day = self.day(when, key_line, f"{what}（{key}）")
            if day is not None:
                occurrences[normal] = day
        return None, occurrences

    def occurrence_key(
        self, key: Any, line: int, item: Item, year: int | None, issued: date | None
    ) -> str | None:
        text = str(key)
        if item.event is not None:
            when = self.moment(text, line, f"条目 {item.id} 的 done 中的事件时间")
            return None if when is None else event_key(when)
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
            self.problem(line, f"条目 {item.id} 没有 {text} 这一期（按月，自 {first:%Y-%m} 至 {year}-12）")
            return None
        if period == "quarter" and _QUARTER_KEY.fullmatch(text):
            return text
        if period == "year" and re.fullmatch(r"[0-9]{4}", text):
            return text
        form = {"month": "2016-06", "quarter": "2016-Q2", "year": "2016"}.get(period or "month", "2016-06")
        self.problem(line, f"条目 {item.id} 的 done 中“{text}”不是一期的名称（应如 {form}）")
        return None

    def reported(self, m: LineMap, item: Item, reports: tuple[ReportSpec, ...]) -> dict[str, date]:
        if m.get("reported") is None:
            return {}
        value, line = m["reported"], m.lines["reported"]
        what = f"条目 {item.id} 的 reported"
        if not item.report:
            self.problem(line, f"{what}：该条目没有派生报告")
            return {}
        if not isinstance(value, LineMap):
            when = self.day(value, line, what)
            return {} if when is None else {spec.id: when for spec in reports}
        result: dict[str, date] = {}
        for key, when in value.items():
            if not any(spec.id == key for spec in reports):
                self.problem(value.lines[key], f"{what} 中“{key}”不是 reports 中的报告编号")
                continue
            day = self.day(when, value.lines[key], f"{what}（{key}）")
            if day is not None:
                result[str(key)] = day
        return result
