"""A cache of validated plans, so that the weekly `gongkai due` does not parse YAML.

Reading a plan costs a YAML import and a parse (about 12 ms, most of a command's time);
the cache holds the validated plan as JSON in ``$XDG_CACHE_HOME/gongkai/`` (by default
``~/.cache/gongkai/``), keyed by gongkai's version and the file's path, size and
modification time. Any change to the file, or any trouble with the cache (unreadable,
corrupt, unwritable), means the plan is read from its file as if there were no cache;
validation (`gongkai check`) never uses it.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..files.folders import cache_folder
from ..phrases.reader import Rule
from .plan_file import Item, Plan, ReportSpec, header_data, load_plan

if TYPE_CHECKING:
    from ..phrases.statutes import WorkdayRule


def cache_dir(env: Mapping[str, str]) -> Path:
    return Path(cache_folder(env))


def load_plan_cached(path: Path, env: Mapping[str, str]) -> Plan:
    """The plan in ``path``, from the cache when the file has not changed."""
    try:
        resolved = path.resolve()
        stat = resolved.stat()
    except OSError:
        return load_plan(path)  # the loader says what is wrong with the path
    key = [__version__, str(resolved), stat.st_size, stat.st_mtime_ns]
    entry = cache_dir(env) / f"plan-{zlib.crc32(str(resolved).encode()):08x}.json"
    try:
        cached = json.loads(entry.read_text(encoding="utf-8"))
        if cached["key"] == key:
            return _decode(cached["plan"], str(path))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no cache, a stale or damaged one: read the file
    plan = load_plan(path)
    _store(entry, {"key": key, "plan": _encode(plan)})
    return plan


def _store(entry: Path, data: dict[str, Any]) -> None:
    """Write the entry whole or not at all; a cache that cannot be written is no error."""
    temp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, entry)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


# -- plan <-> JSON ------------------------------------------------------------------------


def _when(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _moment(text: str) -> date | datetime:
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def _encode(plan: Plan) -> dict[str, Any]:
    return {
        **header_data(plan),
        "events": {name: [_when(w) for w in whens] for name, whens in plan.events.items()},
        "key": plan.key,
        "collective": list(plan.collective),
        "aliases": dict(plan.aliases),
        "reports": [{**asdict(r), "rule": asdict(r.rule)} for r in plan.reports],
        "items": [
            {
                **asdict(i),
                "rule": asdict(i.rule),
                "anchor": _when(i.anchor),
                "done": _when(i.done),
                "done_occurrences": {k: v.isoformat() for k, v in i.done_occurrences.items()},
                "reported": {k: v.isoformat() for k, v in i.reported.items()},
                "law": i.law._asdict() if i.law else None,
            }
            for i in plan.items
        ],
    }


def _law(data: dict[str, Any] | None) -> WorkdayRule | None:
    if data is None:
        return None
    from ..phrases.statutes import WorkdayRule

    return WorkdayRule(**{**data, "days": tuple(data["days"])})


def _decode(data: dict[str, Any], path: str) -> Plan:
    items = tuple(
        Item(
            **{
                **i,
                "lead": tuple(i["lead"]),
                "owners": tuple(i["owners"]),
                "rule": Rule(**i["rule"]),
                "anchor": _day(i["anchor"]),
                "done": _day(i["done"]),
                "done_occurrences": {k: date.fromisoformat(v) for k, v in i["done_occurrences"].items()},
                "reported": {k: date.fromisoformat(v) for k, v in i["reported"].items()},
                "law": _law(i.get("law")),
            }
        )
        for i in data["items"]
    )
    return Plan(
        path=path,
        title=data["title"],
        issuer=data["issuer"],
        issued=date.fromisoformat(data["issued"]),
        year=data["year"],
        source=data["source"],
        url=data["url"],
        events={name: tuple(_moment(w) for w in whens) for name, whens in data["events"].items()},
        reports=tuple(ReportSpec(**{**r, "rule": Rule(**r["rule"])}) for r in data["reports"]),
        items=items,
        key=data["key"],
        collective=tuple(data["collective"]),
        aliases=data["aliases"],
    )
