"""A cache of validated plans, so that the weekly `gongkai due` does not parse YAML.

Reading a plan costs a YAML import, a parse and a validation (about 12 ms, most of a
command's time; measured in bench/bench.py). The cache holds the validated plan as JSON in
``$XDG_CACHE_HOME/gongkai/`` (by default ``~/.cache/gongkai/``). It cannot be stale:

- an entry is named by a hash of the bytes parsed and of the code that parses them (the
  package's source files involved, PARSING_MODULES, and PyYAML's), so any change to the
  plan, whatever its size and modification time, or to the code, is a different entry;
  the plan's bytes are read once, and those very bytes are hashed and, on a miss, parsed;
- an entry carries its key and a checksum of its content, checked on read, and must
  decode into a plan: anything else (edited, truncated, foreign) is ignored;
- an entry is opened without following links, only if it is a regular file of ours and
  of bounded size (a FIFO, a device or a link to /dev/zero is never read);
- the folder is used only if it is a real folder (not a symbolic link), owned by the user
  and not writable by group or others (checked with lstat before every read and write);
- entries are written whole (a temp file of unpredictable name, then a rename), at most
  MAX_ENTRIES are kept, and nothing is created outside an existing home or cache folder.

Any trouble with the cache means the plan is read from its file as if there were no
cache; validation (`gongkai check`) never uses it.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
from collections.abc import Mapping
from dataclasses import fields
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:  # the built-in module: hashlib would load OpenSSL (8 ms) for the same hash
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - not CPython
    from hashlib import blake2b

from ..files.folders import cache_folder
from ..phrases.rule import Rule
from .plan_file import (
    Item,
    Plan,
    PlanError,
    Problem,
    ReportSpec,
    header_data,
    parse_occurrence,
    parse_plan,
    read_plan_bytes,
    written,
)

# The modules whose code turns a plan file into a Plan (named relative to gongkai_cli):
# every module loaded by reading a plan through this one (tests/test_plancache.py checks
# the list is whole).
PARSING_MODULES = (
    "",
    ".calendar",
    ".calendar.workdays",
    ".errors",
    ".files",
    ".files.documents",
    ".files.folders",
    ".files.yamlsafe",
    ".files.yamltree",
    ".phrases",
    ".phrases.chinese",
    ".phrases.dates",
    ".phrases.leads",
    ".phrases.reader",
    ".phrases.resolve",
    ".phrases.rule",
    ".phrases.scanner",
    ".phrases.targets",
    ".phrases.vocabulary",
    ".plan",
    ".plan.cache",
    ".plan.plan_file",
    ".plan.validation",
    ".safetext",
)
MAX_ENTRIES = 8  # plans kept: a few plans, a few recent versions of each
MAX_ENTRY_BYTES = 8 * 1024 * 1024  # a plan is at most 2 MiB of YAML; its JSON is no bigger
_DIGEST = 20  # bytes of BLAKE2b

if TYPE_CHECKING:
    from ..phrases.statutes import WorkdayRule


def cache_dir(env: Mapping[str, str]) -> Path:
    return Path(cache_folder(env))


def load_plan_cached(path: Path, env: Mapping[str, str]) -> Plan:
    """The plan in ``path``, from the cache when these bytes were parsed by this code before."""
    shown = str(path)
    raw = read_plan_bytes(path, shown)
    if not isinstance(raw, bytes):
        raise PlanError([raw])
    plan, problems = parse_plan_cached(raw, shown, env)
    if plan is None:
        raise PlanError(problems)
    return plan


def parse_plan_cached(raw: bytes, shown: str, env: Mapping[str, str]) -> tuple[Plan | None, list[Problem]]:
    """parse_plan(raw, shown), from the cache when these bytes were parsed by this code
    before (a valid plan is stored; problems never are)."""
    key = _key(raw)
    folder = cache_dir(env)
    entry = _entry(folder, key)
    payload = _read_entry(entry, key) if _trusted(folder) else None
    if payload is not None:
        with contextlib.suppress(LookupError, TypeError, ValueError, AttributeError):
            return _decode(payload, shown), []
    plan, problems = parse_plan(raw, shown)
    if plan is not None:
        _store(folder, entry, key, plan)
    return plan, problems


def remember(raw: bytes, plan: Plan, env: Mapping[str, str]) -> None:
    """Keep ``plan``, the plan parse_plan(raw, …) gave, as the entry for ``raw``: after
    ``done`` or ``event`` has parsed its new text and written those bytes, the next command
    reads them from the cache rather than parsing them a third time."""
    key = _key(raw)
    folder = cache_dir(env)
    _store(folder, _entry(folder, key), key, plan)


def _entry(folder: Path, key: str) -> Path:
    return folder / f"plan-{key[:32]}.json"


_code_digest: bytes | None = None


def code_digest() -> bytes:
    """A hash of the code that parses plans: PARSING_MODULES' source files, PyYAML's
    ``__init__.py`` (it holds its version) and the Python version."""
    global _code_digest
    if _code_digest is None:
        h = blake2b(sys.version.encode(), digest_size=_DIGEST)
        files: list[str | None] = [_source(name) for name in PARSING_MODULES]
        yaml_spec = _find_spec("yaml")
        files.append(yaml_spec.origin if yaml_spec else None)
        for file in files:
            h.update(b"\0" + str(file).encode("utf-8", "surrogateescape") + b"\0")
            if file:
                with contextlib.suppress(OSError), open(file, "rb") as f:
                    h.update(f.read())
        _code_digest = h.digest()
    return _code_digest


def _source(name: str) -> str:
    """The source file of the package's module ``name`` (".plan.cache": plan/cache.py;
    a package: its __init__.py)."""
    path = _ROOT.joinpath(*name.split(".")[1:])
    return str(path / "__init__.py" if not name or path.is_dir() else path.with_suffix(".py"))


_ROOT = Path(__file__).resolve().parent.parent  # the gongkai_cli package


def _find_spec(name: str) -> Any:
    import importlib.util

    try:
        return importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None


def _key(raw: bytes) -> str:
    return blake2b(code_digest() + raw, digest_size=_DIGEST).hexdigest()


def _checksum(key: str, payload: str) -> str:
    return blake2b(f"{key}\n{payload}".encode(), digest_size=_DIGEST).hexdigest()


def _read_entry(entry: Path, key: str) -> dict[str, Any] | None:
    """The entry's plan data if it is ours, for this key, and whole; otherwise None."""
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_CLOEXEC", 0)
    )
    try:
        fd = os.open(entry, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            return None  # someone else's file in our folder: not trusted
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        stored_key, checksum, payload = data.decode("utf-8").split("\n", 2)
        if stored_key != key or checksum != _checksum(key, payload):
            return None
        plan = json.loads(payload)
    except ValueError:  # not UTF-8, not three lines, not JSON
        return None
    return plan if isinstance(plan, dict) else None


def _trusted(folder: Path) -> bool:
    """Whether ``folder`` may hold our cache: a real folder (lstat: not a symbolic link to
    somewhere else), owned by this user, not writable by group or others. A folder planted
    in a shared cache location is neither read nor written (nor pruned)."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def _ensure_folder(folder: Path) -> bool:
    """Create the cache folder and at most its parent (``~/.cache``), never a home or
    cache folder that does not exist (``HOME=/nonexistent``)."""
    for level in (folder.parent, folder):
        if level.is_dir():
            continue
        if not level.parent.is_dir():
            return False
        try:
            os.mkdir(level, 0o700)
        except FileExistsError:
            continue
        except OSError:
            return False
    return True


def _store(folder: Path, entry: Path, key: str, plan: Plan) -> None:
    """Write the entry whole or not at all; a cache that cannot be written is no error
    (and the plan is encoded only when there is a folder to write it in)."""
    if not _ensure_folder(folder) or not _trusted(folder):
        return
    import tempfile

    try:
        payload = json.dumps(_encode(plan), ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):  # a value JSON cannot hold: no entry, never a wrong one
        return
    text = f"{key}\n{_checksum(key, payload)}\n{payload}"
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(prefix=".plan-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(temp, entry)
        temp = None
        _prune(folder)
    except OSError:
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _prune(folder: Path) -> None:
    """Keep the MAX_ENTRIES most recently written entries."""
    entries = []
    for path in folder.glob("plan-*.json"):
        with contextlib.suppress(OSError):
            entries.append((path.lstat().st_mtime_ns, path))
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            path.unlink()


# -- plan <-> JSON ------------------------------------------------------------------------
#
# An entry holds each distinct Rule (and statute) once, in a table, and each item and
# report as a row of its fields' values in the dataclass's order, the rule as its place in
# the table: thousands of items share a few dozen rules. dataclasses.asdict, which copied
# every field of every item deeply, took 0.74 s on a plan of 5,000 items and wrote 3 MB of
# JSON; rows take a few hundredths of a second. The decoded plan equals the parsed one
# (tests/test_plancache.py, on every field of Item).

_RULE_FIELDS = tuple(f.name for f in fields(Rule))
_ITEM_FIELDS = tuple(f.name for f in fields(Item))
_REPORT_FIELDS = tuple(f.name for f in fields(ReportSpec))
_rule_values = attrgetter(*_RULE_FIELDS)
_item_values = attrgetter(*_ITEM_FIELDS)
_report_values = attrgetter(*_REPORT_FIELDS)
# Item's fields that are not plain JSON values (text, number, true/false, null): how each
# is written and read back. Every other field must be plain (tests/test_plancache.py
# checks that each field of Item is in one list or the other).
_TUPLES = ("lead", "owners", "jointly", "supervising")
_DATES = ("anchor", "done")
_DATE_MAPS = ("done_occurrences", "reported")
_TABLED = ("rule", "law")  # by place in the table of distinct rules, or of statutes
PLAIN_ITEM_FIELDS = ("id", "section", "title", "text", "rule_text", "line", "event", "report")
_RULE_AT, _LAW_AT = _ITEM_FIELDS.index("rule"), _ITEM_FIELDS.index("law")
_TUPLES_AT = tuple(_ITEM_FIELDS.index(name) for name in _TUPLES)
_DATES_AT = tuple(_ITEM_FIELDS.index(name) for name in _DATES)
_DATE_MAPS_AT = tuple(_ITEM_FIELDS.index(name) for name in _DATE_MAPS)
_REPORT_RULE_AT = _REPORT_FIELDS.index("rule")


def _when(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


class _Table:
    """Distinct values (rules, statutes) each written once; rows refer to them by place."""

    def __init__(self, row: Any) -> None:
        self.places: dict[Any, int] = {}
        self.rows: list[Any] = []
        self.row = row

    def place(self, value: Any) -> int | None:
        if value is None:
            return None
        place = self.places.get(value)
        if place is None:
            place = self.places[value] = len(self.rows)
            self.rows.append(self.row(value))
        return place


def _encode(plan: Plan) -> dict[str, Any]:
    rules = _Table(_rule_values)
    laws = _Table(tuple)
    items = []
    for item in plan.items:
        row = list(_item_values(item))
        row[_RULE_AT] = rules.place(row[_RULE_AT])
        row[_LAW_AT] = laws.place(row[_LAW_AT])
        for at in _DATES_AT:
            row[at] = _when(row[at])
        for at in _DATE_MAPS_AT:
            row[at] = {k: v.isoformat() for k, v in row[at].items()}
        items.append(row)  # tuples (lead, owners …) are written as JSON arrays
    reports = []
    for report in plan.reports:
        row = list(_report_values(report))
        row[_REPORT_RULE_AT] = rules.place(row[_REPORT_RULE_AT])
        reports.append(row)
    return {
        **header_data(plan),
        "events": {name: [written(w) for w in whens] for name, whens in plan.events.items()},
        "key": plan.key,
        "issued_written": plan.issued_written,
        "collective": list(plan.collective),
        "aliases": dict(plan.aliases),
        "rules": rules.rows,
        "laws": laws.rows,
        "reports": reports,
        "items": items,
    }


def _decode(data: dict[str, Any], path: str) -> Plan:
    rules = [Rule(*_whole(row, len(_RULE_FIELDS))) for row in data["rules"]]
    laws = [_law(row) for row in data["laws"]]
    items = []
    for row in data["items"]:
        row = _whole(row, len(_ITEM_FIELDS))
        row[_RULE_AT] = rules[row[_RULE_AT]]
        law = row[_LAW_AT]
        row[_LAW_AT] = None if law is None else laws[law]
        for at in _TUPLES_AT:
            row[at] = tuple(row[at])
        for at in _DATES_AT:
            row[at] = _day(row[at])
        for at in _DATE_MAPS_AT:
            row[at] = {k: date.fromisoformat(v) for k, v in row[at].items()}
        items.append(Item(*row))
    reports = []
    for row in data["reports"]:
        row = _whole(row, len(_REPORT_FIELDS))
        row[_REPORT_RULE_AT] = rules[row[_REPORT_RULE_AT]]
        reports.append(ReportSpec(*row))
    return Plan(
        path=path,
        title=data["title"],
        issuer=data["issuer"],
        issued=date.fromisoformat(data["issued"]),
        year=data["year"],
        source=data["source"],
        url=data["url"],
        events={name: tuple(parse_occurrence(w) for w in whens) for name, whens in data["events"].items()},
        reports=tuple(reports),
        items=tuple(items),
        key=data["key"],
        collective=tuple(data["collective"]),
        aliases=data["aliases"],
        issued_written=data["issued_written"],
    )


def _law(row: list[Any]) -> WorkdayRule:
    from ..phrases.statutes import WorkdayRule

    law = WorkdayRule(*_whole(row, len(WorkdayRule._fields)))
    return law._replace(days=tuple(law.days))


def _whole(row: Any, width: int) -> list[Any]:
    """A row with a value for each field (no field left to its default), else ValueError."""
    if not isinstance(row, list) or len(row) != width:
        raise ValueError("a row of another width")
    return row
