"""Commands that edit the plan file: done and event. The edit itself is planedit's (ruamel.yaml,
imported only when one of these commands runs); here the file is chosen, read, checked
before and after, and written atomically unless it changed meanwhile."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from ..calendar.workdays import WEEKDAYS
from ..errors import InputError
from ..plan.obligations import Obligation, expand, expand_item, item_id_of
from ..plan.plan_file import (
    LABEL_MARK,
    Item,
    Occurrence,
    Plan,
    bundled_plan,
    done_form_message,
    event_key,
    occurrence_example,
    parse_occurrence,
    parse_plan,
    written,
)
from .main import main
from .options import DATE, DATETIME, ONE_LINE, AppContext, common_options, tasks_option


@dataclass(frozen=True)
class _File:
    path: Path
    raw: bytes
    plan: Plan


def _choose(
    tasks: tuple[str, ...], name: str, holds: Callable[[Plan, str], bool], what: str, which: str
) -> tuple[Path, str]:
    """The file to edit and ``name`` within it (an id, or an event's name): --tasks /
    GONGKAI_TASKS (never the bundled plan, refused by _read); with several files, the one
    whose key prefixes the name (KEY:NAME), or the only one that ``holds`` it."""
    if not tasks:
        return bundled_plan(), name
    from ..plan.plans import plan_key
    from .plan import check_tasks, load_plans

    if len(set(tasks)) == 1 and ":" not in name:  # one file: the one to edit, read by _read
        check_tasks(tasks)
        return Path(tasks[0]), name
    plans = load_plans(tasks)
    key, sep, rest = name.partition(":")
    for p in plans.plans:
        if sep and plan_key(p) == key:
            return Path(p.path), rest
    holders = [p for p in plans.plans if holds(p, name)]
    if len(holders) == 1 or not plans.several:
        return Path((holders or plans.plans)[0].path), name
    keys = "、".join(plan_key(p) for p in plans.plans)
    raise click.UsageError(
        f"给出了多份计划：请用“简称:{what}”指明{which}（简称：{keys}），或只给一个 --tasks"
    )


def _holds_item(plan: Plan, ident: str) -> bool:
    return plan.item(item_id_of(ident)) is not None


def _uses_event(plan: Plan, name: str) -> bool:
    return name in plan.event_names


def _read(path: Path) -> _File:
    try:
        if path.resolve() == bundled_plan().resolve():
            raise InputError(
                "这是随 gongkai 安装的内置计划，不能直接修改：请先复制一份，"
                f"如 cp {path} 我局计划.yaml，再用 --tasks 我局计划.yaml（或 GONGKAI_TASKS）指定它",
                where=str(path),
            )
        raw = _read_locked(path)
    except FileNotFoundError:
        raise InputError("找不到计划文件：请检查路径", where=str(path)) from None
    except IsADirectoryError:
        raise InputError("这是一个文件夹，不是计划文件", where=str(path)) from None
    except OSError as e:
        raise InputError(f"无法读取计划文件：{e.strerror or e}", where=str(path)) from None
    from ..plan.cache import parse_plan_cached

    # the very bytes read under the lock, parsed (or, parsed by this code before, from the
    # plan cache: plan/cache.py)
    plan, problems = parse_plan_cached(raw, str(path), os.environ)
    if plan is None:
        raise InputError(f"计划无效，未修改：{problems[0]}（用 gongkai check 查看全部问题）")
    return _File(path, raw, plan)


def _write(file: _File, text: str, took: Callable[[Plan], bool]) -> Plan:
    """Read the new text back as a plan and check that the edit ``took`` there; only then
    replace the file, and only if it is unchanged since it was read. An edit that breaks
    the plan or does not say what was asked would be a bug here: it is never written."""
    raw = text.encode("utf-8")
    new, problems = parse_plan(raw, str(file.path))
    if new is None:
        raise InputError(f"修改后的计划无效，未写入：{problems[0]}")
    if not took(new):
        raise InputError("修改后的计划读回时与所做的修改不符，未写入", where=str(file.path))
    from ..files.inplace import write_back
    from ..plan.cache import remember

    # through a symbolic link to the file it names: the link stays a link
    write_back(file.path, raw, expect=file.raw)
    remember(raw, new, os.environ)  # written: the next command finds these bytes parsed
    return new


def _read_locked(path: Path) -> bytes:
    """The plan's bytes, read under its lock (files/lock.py), let go when the command ends."""
    from ..files.inplace import read_for_edit
    from ..files.lock import release_all
    from ..plan.plan_file import MAX_BYTES

    click.get_current_context().call_on_close(release_all)
    return read_for_edit(path, limit=MAX_BYTES)


def _show_changes(path: Path, changes: tuple[str, ...]) -> None:
    from ..safetext import visible

    click.echo(f"{visible(str(path))}：")  # a file name's escape codes shown, not obeyed
    for line in changes:
        click.echo(f"  {line}")


def not_in_future(day: date, today: date, what: str) -> None:
    """The one rule of ``done`` and ``event`` about dates: only what has happened is recorded."""
    if day > today:
        raise InputError(
            f"{what} {day.isoformat()} 晚于今天 {today.isoformat()}：只能记录已经发生的事"
            "（今天由 --today 或 GONGKAI_TODAY 决定）"
        )


def _targets(plan: Plan, path: Path, ident: str, cal: Any) -> list[Obligation]:
    """The obligations ``ident`` names: one id, or a range of an item's occurrences
    (``1.3@2016-03..2016-08``, ``4.1a@2016-09-30..2016-10-31``), both ends included."""
    base = item_id_of(ident)
    item = plan.item(base)
    if item is None:
        raise InputError(f"计划中没有编号为“{base}”的条目；用 gongkai tasks 查看全部编号", where=str(path))
    first, dots, last = ident.partition("@")[2].partition("..")
    if ident == base and (item.rule.kind == "recurring" or item.event is not None):
        recorded = plan.events.get(item.event, ()) if item.event else ()
        key = occurrence_example(item, plan.issued, event_key(recorded[0]) if recorded else None)
        raise InputError(
            f"{done_form_message(item, key)}；或运行 gongkai done {item.id}@{key}"
            f"（一段时间：{item.id}@{key}..{key}）",
            where=f"{path}:{item.line}",
        )
    obligations = expand_item(plan, item, cal)
    if dots:
        if not first or not last or last < first:
            raise InputError(f"“{ident}”不是一段期次：应写成 {base}@起..止，如 {base}@2016-03..2016-08")
        chosen = [
            o
            for o in obligations
            if o.occurrence is not None
            and o.kind != "report"
            and first <= o.occurrence[: len(last)]
            and o.occurrence[: len(first)] <= last
        ]
        if not chosen:
            known = "、".join(o.id for o in obligations)
            raise InputError(f"条目 {base} 在 {first} 至 {last} 之间没有工作；它的工作：{known}")
        return chosen
    ob = next((o for o in obligations if o.id == ident), None)
    if ob is None:
        if item.event is not None and "@" in ident:
            moment = ident.partition("@")[2]
            raise InputError(
                f"事件“{item.event}”没有 {moment} 的记录：先运行 gongkai event {item.event} {moment}"
            )
        known = "、".join(o.id for o in obligations)
        raise InputError(f"条目 {base} 没有编号为“{ident}”的工作；它的工作：{known}")
    return [ob]


@main.command(
    epilog="""\b
示例：
  gongkai done 1.1a --date 2016-06-28 --tasks 我局计划.yaml      # 条目完成（写入 done: 2016-06-28）
  gongkai done 1.1a/report --date 2016-07-12                     # 派生的书面报告已报送（reported:）
  gongkai done 1.3@2016-06 --date 2016-06-29 --note 已核对       # 按月事项的一期
  gongkai done 1.3@2016-07..2016-09 2.1 5.1.5                    # 几项一起，1.3 的 7 至 9 月各期
  gongkai done 4.1a@2016-09-30 --date 2016-10-08                 # 一次事件触发的工作
  gongkai done 1.1a --undo                                       # 撤销，文件恢复原样

计划文件由 --tasks 或 GONGKAI_TASKS 指定；内置计划不能修改，请先复制一份。
几项一起时一次写入：其中任何一项不能标记，就一项也不改。
""",
)
@click.argument("idents", metavar="ID...", nargs=-1, required=True)
@click.option("--date", "when", type=DATE, metavar="DATE", help="完成日期（默认为今天）。")
@click.option("--note", metavar="TEXT", type=ONE_LINE, help="附注，写在该行行尾的注释中（# TEXT）。")
@click.option("--undo", is_flag=True, help="撤销：删除这些完成记录。")
@tasks_option("要修改的计划文件（也可用环境变量 GONGKAI_TASKS）。")
@common_options(formats=("plain",))
def done(
    app: AppContext,
    idents: tuple[str, ...],
    when: date | None,
    note: str | None,
    undo: bool,
    tasks: tuple[str, ...],
) -> None:
    """把工作标记为完成：条目（1.1a）、派生报告（1.1a/report）、按期事项的一期（1.3@2016-06）
    或一段期次（1.3@2016-03..2016-08）、事件触发工作的一次（4.1a@2016-09-30）；可一次给出多项。
    只改动文件中的这些行，注释和格式保持不变。"""
    if undo and (when is not None or note is not None):
        raise click.UsageError("--undo 不能与 --date 或 --note 同用")
    chosen = [_choose(tasks, ident, _holds_item, "编号", "要改哪一份") for ident in idents]
    paths = {path for path, _ in chosen}
    if len(paths) > 1:
        raise click.UsageError("一次只能修改一份计划：请按计划分开运行 gongkai done")
    path = chosen[0][0]
    file = _read(path)
    plan = file.plan
    day = when or app.today
    if not undo:
        not_in_future(day, app.today, "完成日期")
    named = {ob.id: ob for _, target in chosen for ob in _targets(plan, path, target, app.calendar)}
    targets = list(named.values())
    for ob in targets:
        if not undo and ob.done is not None:
            raise InputError(f"{ob.id} 已于 {ob.done.isoformat()} 标记完成；要改日期，先用 --undo 撤销")
        if undo and ob.done is None:
            raise InputError(f"{ob.id} 没有完成记录，无可撤销")
    from ..files.planedit import set_done

    text = file.raw.decode("utf-8")  # a byte-order mark stays, as "\ufeff"
    changes: list[str] = []
    # the lowest item first: an edit never moves the lines of the items above it, so each
    # item's line as read (item.line) still says where it starts
    for ob in sorted(targets, key=lambda o: o.item.line, reverse=True):
        item = ob.item
        key, sub = _where(plan, item, ob)
        if key == "reported" and sub is None and undo is False and item.reported:
            raise InputError(f"{ob.id} 已有报送记录（reported）")
        edited = set_done(text, item.id, key, sub, None if undo else day, note, line=item.line)
        text = edited.text
        changes.extend(edited.changes)
    expected = None if undo else day
    wanted = {ob.id for ob in targets}

    def took(new: Plan) -> bool:
        found = {
            o.id
            for ob in targets
            if (changed := new.item(ob.item.id)) is not None
            for o in expand_item(new, changed, app.calendar)
            if o.id in wanted and o.done == expected
        }
        return found == wanted

    _write(file, text, took)
    for ob in targets:
        if undo:
            click.echo(f"已撤销 {ob.id}（{ob.title}）的完成记录")
        else:
            click.echo(f"已标记完成：{ob.id}（{ob.title}），完成日期 {day.isoformat()}")
    if not undo and day < plan.issued:
        click.echo(f"注意：完成日期早于计划印发日 {plan.issued.isoformat()}")
    _show_changes(path, tuple(changes))


def _where(plan: Plan, item: Item, ob: Obligation) -> tuple[str, str | None]:
    """Which key records this obligation's done date, and which entry of its map."""
    if ob.kind == "report":
        return "reported", (None if len(plan.reports) == 1 else ob.occurrence)
    if ob.kind in ("recurring", "event"):
        return "done", ob.occurrence
    return "done", None


@main.command(
    epilog="""\b
示例：
  gongkai event 文件公开 2016-09-30 --tasks 我局计划.yaml    # 记入 events:，列出由它触发的工作和期限
  gongkai event 重大突发事件 "2016-07-01 14:30"
  gongkai event 文件公开 2016-09-30 --undo                    # 撤销，文件恢复原样
  gongkai event 文件公开 2016-10-10 --label 甲文件            # 同一天公开两份文件：各记一次，
  gongkai event 文件公开 2016-10-10 --label 乙文件            # 各有自己的工作（4.1a@2016-10-10#乙文件）
""",
)
@click.argument("name", metavar="NAME")
@click.argument("moment", metavar="WHEN", type=DATETIME)
@click.option(
    "--label",
    metavar="TEXT",
    type=ONE_LINE,
    help="这一次事件的标签（如文件名），同一天的几次事件各记一次，各有自己的工作。",
)
@click.option("--undo", is_flag=True, help="撤销：删除这一事件记录。")
@tasks_option("要修改的计划文件（也可用环境变量 GONGKAI_TASKS）。")
@common_options(formats=("plain",))
def event(
    app: AppContext,
    name: str,
    moment: date | datetime,
    label: str | None,
    undo: bool,
    tasks: tuple[str, ...],
) -> None:
    """在计划文件的 events: 中记录一次事件（如某文件公开的日期），并列出它触发的工作及期限。"""
    when: Occurrence = moment
    if label is not None:
        when = parse_occurrence(f"{written(moment)}{LABEL_MARK}{label.strip()}")
    path, name = _choose(tasks, name, _uses_event, "事件名", "记在哪一份")
    file = _read(path)
    plan = file.plan
    if name not in plan.event_names:
        known = "、".join(plan.event_names) or "（无）"
        raise InputError(f"计划中没有条目使用事件“{name}”；可用的事件名：{known}", where=str(path))
    if not undo:
        not_in_future(moment.date() if isinstance(moment, datetime) else moment, app.today, "事件日期")
    recorded = any(w == when for w in plan.events.get(name, ()))
    if undo and not recorded:
        raise InputError(f"事件“{name}”没有 {event_key(when)} 的记录，无可撤销")
    if not undo and recorded:
        raise InputError(f"事件“{name}” {event_key(when)} 已有记录")
    from ..files.planedit import set_event

    text = file.raw.decode("utf-8")
    edited = set_event(text, name, when, remove=undo)
    new = _write(file, edited.text, lambda p: (when in p.events.get(name, ())) != undo)
    if undo:
        click.echo(f"已撤销事件“{name}” {event_key(when)}")
        _show_changes(path, edited.changes)
        return
    click.echo(f"已记录事件“{name}” {event_key(when)}")
    _show_changes(path, edited.changes)
    triggered = [
        ob for ob in expand(new, app.calendar) if ob.kind == "event" and ob.occurrence == event_key(when)
    ]
    triggered = [ob for ob in triggered if ob.item.event == name]
    click.echo(f"由此触发的工作：{len(triggered)} 项")
    for ob in triggered:
        day = ob.day
        assert day is not None
        weekday = WEEKDAYS[day.weekday()]
        shown = (
            ob.deadline.strftime("%Y-%m-%d %H:%M") if isinstance(ob.deadline, datetime) else day.isoformat()
        )
        click.echo(f"  {ob.id}  {ob.title}  期限 {shown}（{weekday}）  {ob.rule}")
