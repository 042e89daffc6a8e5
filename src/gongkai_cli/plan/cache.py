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
from dataclasses import asdict
from datetime import date, datetime
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
    entry = folder / f"plan-{key[:32]}.json"
    payload = _read_entry(entry, key) if _trusted(folder) else None
    if payload is not None:
        with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError):
            return _decode(payload, shown), []
    plan, problems = parse_plan(raw, shown)
    if plan is not None:
        _store(folder, entry, key, _encode(plan))
    return plan, problems


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


def _store(folder: Path, entry: Path, key: str, data: dict[str, Any]) -> None:
    """Write the entry whole or not at all; a cache that cannot be written is no error."""
    if not _ensure_folder(folder) or not _trusted(folder):
        return
    import tempfile

    payload = json.dumps(data, ensure_ascii=False)
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


def _when(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _encode(plan: Plan) -> dict[str, Any]:
    return {
        **header_data(plan),
        "events": {name: [written(w) for w in whens] for name, whens in plan.events.items()},
        "key": plan.key,
        "issued_written": plan.issued_written,
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
                "jointly": tuple(i.get("jointly", ())),
                "supervising": tuple(i.get("supervising", ())),
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
        events={name: tuple(parse_occurrence(w) for w in whens) for name, whens in data["events"].items()},
        reports=tuple(ReportSpec(**{**r, "rule": Rule(**r["rule"])}) for r in data["reports"]),
        items=items,
        key=data["key"],
        collective=tuple(data["collective"]),
        aliases=data["aliases"],
        issued_written=data["issued_written"],
    )
