"""The cache of validated plans: the same plan as a fresh read, invalidated by any change,
and never a reason to fail."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gongkai_cli.phrases.rule import Rule
from gongkai_cli.plan import cache as plancache
from gongkai_cli.plan.cache import cache_dir, load_plan_cached
from gongkai_cli.plan.plan_file import Item, Plan, ReportSpec, bundled_plan, load_plan
from tests.conftest import Run


def test_cached_plan_equals_a_fresh_read(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    fresh = load_plan(bundled_plan())
    first = load_plan_cached(bundled_plan(), env)  # reads the file, writes the cache
    entries = list(cache_dir(env).glob("plan-*.json"))
    assert len(entries) == 1
    second = load_plan_cached(bundled_plan(), env)  # from the cache
    assert first == fresh == second


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    plan_file = tmp_path / "plan.yaml"
    text = bundled_plan().read_text(encoding="utf-8")
    plan_file.write_text(text, encoding="utf-8")
    assert load_plan_cached(plan_file, env).title == "2016年政务公开工作要点"
    plan_file.write_text(
        text.replace("title: 2016年政务公开工作要点", "title: 改过的标题", 1), encoding="utf-8"
    )
    os.utime(plan_file, ns=(1, 1))  # even with an old modification time, the size differs
    assert load_plan_cached(plan_file, env).title == "改过的标题"


def test_a_damaged_or_foreign_cache_is_ignored(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    load_plan_cached(bundled_plan(), env)
    (entry,) = cache_dir(env).glob("plan-*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert load_plan_cached(bundled_plan(), env) == load_plan(bundled_plan())
    key, checksum, payload = entry.read_text(encoding="utf-8").split("\n", 2)  # rewritten whole
    data = json.loads(payload)
    data["items"] = data["items"][1:]  # an edited entry: one item fewer, checksum not redone
    entry.write_text(f"{key}\n{checksum}\n{json.dumps(data)}", encoding="utf-8")
    assert load_plan_cached(bundled_plan(), env) == load_plan(bundled_plan())
    data["items"] = "nonsense"  # an entry that does not decode, with a valid checksum
    payload = json.dumps(data)
    entry.write_text(f"{key}\n{plancache._checksum(key, payload)}\n{payload}", encoding="utf-8")
    assert load_plan_cached(bundled_plan(), env) == load_plan(bundled_plan())


def _plan_with(tmp_path: Path, days: str) -> Path:
    plan_file = tmp_path / "plan.yaml"
    text = bundled_plan().read_text(encoding="utf-8")
    assert "印发之日起 5 个工作日内" in text
    plan_file.write_text(
        text.replace("rule: 印发之日起 5 个工作日内", f"rule: 印发之日起 {days} 个工作日内", 1),
        encoding="utf-8",
    )
    return plan_file


def _rule_of_first_period(plan: Plan) -> str | None:
    return next(i.rule_text for i in plan.items if i.rule_text and "印发之日起" in i.rule_text)


def test_an_edit_keeping_size_and_mtime_is_seen(tmp_path: Path) -> None:
    """The issue's case: 5 → 9 working days, same size, mtime put back (cp -p, rsync)."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    plan_file = _plan_with(tmp_path, "5")
    before = plan_file.stat()
    assert _rule_of_first_period(load_plan_cached(plan_file, env)) == "印发之日起 5 个工作日内"
    _plan_with(tmp_path, "9")
    os.utime(plan_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = plan_file.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert _rule_of_first_period(load_plan_cached(plan_file, env)) == "印发之日起 9 个工作日内"


def test_an_edit_keeping_size_and_mtime_changes_the_due_date(gongkai: Run, tmp_path: Path) -> None:
    plan_file = _plan_with(tmp_path, "5")
    before = plan_file.stat()
    args = ("tasks", "--tasks", str(plan_file), "--format", "csv")
    first = gongkai(*args)
    _plan_with(tmp_path, "9")
    os.utime(plan_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    second = gongkai(*args)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout != second.stdout
    assert second.stdout == gongkai(*args, env={"XDG_CACHE_HOME": str(tmp_path / "none")}).stdout


def test_a_cache_written_by_other_parsing_code_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Older code answered differently (here: one item fewer) and cached its answer, with a
    valid key and checksum for that code; this code must not use it."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    monkeypatch.setattr(plancache, "_code_digest", b"older parsing code..")
    older = load_plan_cached(bundled_plan(), env)
    (entry,) = cache_dir(env).glob("plan-*.json")
    key, _, payload = entry.read_text(encoding="utf-8").split("\n", 2)
    data = json.loads(payload)
    data["items"] = data["items"][1:]
    payload = json.dumps(data)
    entry.write_text(f"{key}\n{plancache._checksum(key, payload)}\n{payload}", encoding="utf-8")
    assert len(load_plan_cached(bundled_plan(), env).items) == len(older.items) - 1  # that code's answer
    monkeypatch.setattr(plancache, "_code_digest", None)  # this code
    assert load_plan_cached(bundled_plan(), env) == load_plan(bundled_plan())


def test_the_code_hash_follows_the_source_files(tmp_path: Path) -> None:
    """A copy of the package with one comment added to plan/plan_file.py hashes differently."""
    package = Path(plancache.__file__).parent.parent  # gongkai_cli
    copy = tmp_path / "gongkai_cli"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    script = "import gongkai_cli.plan.cache as c; print(c.code_digest().hex())"

    def digest() -> str:
        env = {**os.environ, "PYTHONPATH": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}
        out = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        return out.stdout.strip()

    first = digest()
    assert digest() == first
    with (copy / "plan" / "plan_file.py").open("a", encoding="utf-8") as f:
        f.write("# a change\n")
    assert digest() != first


def test_the_parsing_modules_are_all_hashed(tmp_path: Path) -> None:
    """Every module of the package that reading a plan through the cache loads is hashed."""
    script = (
        "import sys, gongkai_cli.plan.cache as c\n"
        "from gongkai_cli.plan.plan_file import bundled_plan\n"
        f"c.load_plan_cached(bundled_plan(), {{'XDG_CACHE_HOME': {str(tmp_path / 'none')!r}}})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'gongkai_cli'))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = {m.removeprefix("gongkai_cli") for m in eval(out.stdout)}  # a list of strings
    assert loaded == set(plancache.PARSING_MODULES)


def test_an_entry_that_is_a_fifo_a_link_or_huge_is_not_read(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    load_plan_cached(bundled_plan(), env)
    (entry,) = cache_dir(env).glob("plan-*.json")
    fresh = load_plan(bundled_plan())
    entry.unlink()
    os.mkfifo(entry)  # would hang a plain open()
    assert load_plan_cached(bundled_plan(), env) == fresh  # replaced by a regular file
    assert entry.is_file() and not entry.is_symlink()
    entry.unlink()
    target = tmp_path / "elsewhere.json"
    target.write_text("{}", encoding="utf-8")
    entry.symlink_to(target)  # a link (to /dev/zero, or to a planted entry) is not followed
    assert load_plan_cached(bundled_plan(), env) == fresh
    assert target.read_text(encoding="utf-8") == "{}"
    entry.unlink()
    with entry.open("wb") as f:
        f.truncate(plancache.MAX_ENTRY_BYTES + 1)
    assert load_plan_cached(bundled_plan(), env) == fresh


def test_the_cache_keeps_a_bounded_number_of_entries(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    text = bundled_plan().read_text(encoding="utf-8")
    plan_file = tmp_path / "plan.yaml"
    for n in range(plancache.MAX_ENTRIES + 5):
        plan_file.write_text(text + f"# version {n}\n", encoding="utf-8")
        load_plan_cached(plan_file, env)
    assert len(list(cache_dir(env).glob("plan-*.json"))) == plancache.MAX_ENTRIES
    assert not list(cache_dir(env).glob(".plan-*"))  # no temp file left


def test_no_home_no_cache_folder(tmp_path: Path) -> None:
    """HOME=/nonexistent: the plan is read, and no folder is created for the cache."""
    home = tmp_path / "nonexistent"
    assert load_plan_cached(bundled_plan(), {"HOME": str(home)}) == load_plan(bundled_plan())
    assert not home.exists()
    env = {"HOME": str(tmp_path)}  # a home without .cache: .cache/gongkai is created
    load_plan_cached(bundled_plan(), env)
    assert len(list(cache_dir(env).glob("plan-*.json"))) == 1


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(blocker)}
    assert load_plan_cached(bundled_plan(), env) == load_plan(bundled_plan())


def test_due_answers_the_same_from_the_cache(gongkai: Run) -> None:
    first = gongkai("due", "--week", "--today", "2016-06-27", "--format", "json")
    second = gongkai("due", "--week", "--today", "2016-06-27", "--format", "json")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout
    assert list(Path(os.environ["XDG_CACHE_HOME"], "gongkai").glob("plan-*.json"))


def test_an_invalid_plan_is_never_cached(gongkai: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nplan: {}\nitems: []\n", encoding="utf-8")
    result = gongkai("due", "--tasks", str(bad))
    assert result.exit_code == 3 and f"{bad}:" in result.stderr
    assert not list(Path(os.environ["XDG_CACHE_HOME"]).glob("gongkai/plan-*.json"))


EVERY_FIELD = Path(__file__).parent / "fixtures" / "plans" / "every-field.yaml"


def _default(f: dataclasses.Field[Any]) -> Any:
    return f.default if f.default_factory is dataclasses.MISSING else f.default_factory()


def test_every_field_comes_back_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each field of Item (set away from its default by some item of the fixture), the
    reports, events (a label, a time), statutes, aliases: the plan from the cache equals
    the plan parsed."""
    fresh = load_plan(EVERY_FIELD)
    for f in dataclasses.fields(Item):
        assert any(getattr(i, f.name) != _default(f) for i in fresh.items), f"the fixture never sets {f.name}"
    assert fresh.reports and fresh.events and fresh.aliases and fresh.key
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert load_plan_cached(EVERY_FIELD, env) == fresh  # parsed, and the entry written
    assert len(list(cache_dir(env).glob("plan-*.json"))) == 1

    def parse_again(raw: bytes, shown: str) -> None:
        raise AssertionError("parsed again: the entry was not used")

    monkeypatch.setattr(plancache, "parse_plan", parse_again)
    cached = load_plan_cached(EVERY_FIELD, env)
    assert cached == fresh
    assert [type(v) for i in cached.items for v in vars(i).values()] == [
        type(v) for i in fresh.items for v in vars(i).values()
    ]  # tuples stay tuples, dates dates


def test_each_field_of_an_item_has_its_encoding() -> None:
    """A field added to Item must be listed as plain (a JSON value as it is) or with its
    conversion, once."""
    listed = [
        *plancache.PLAIN_ITEM_FIELDS,
        *plancache._TUPLES,
        *plancache._DATES,
        *plancache._DATE_MAPS,
        *plancache._TABLED,
    ]
    assert sorted(listed) == sorted(f.name for f in dataclasses.fields(Item))
    # a rule's and a report's fields are written as they are: JSON values, back as such
    for kind in (Rule, ReportSpec):
        for f in dataclasses.fields(kind):
            assert not any(word in str(f.type) for word in ("tuple", "date", "Mapping", "dict", "list")), f


def test_each_rule_is_stored_once(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    plan = load_plan_cached(bundled_plan(), env)
    (entry,) = cache_dir(env).glob("plan-*.json")
    data = json.loads(entry.read_text(encoding="utf-8").split("\n", 2)[2])
    distinct = {i.rule for i in plan.items} | {r.rule for r in plan.reports}
    assert len(data["rules"]) == len(distinct) < len(plan.items)


def test_no_cache_folder_no_encoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no entry can be written (XDG_CACHE_HOME under a file, as the bench's runs
    without the cache), the plan is not encoded for nothing."""

    def encode(plan: Plan) -> None:
        raise AssertionError("encoded with nowhere to write it")

    monkeypatch.setattr(plancache, "_encode", encode)
    blocker = tmp_path / "cache"
    blocker.write_text("a file", encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(blocker / "sub")}
    assert load_plan_cached(bundled_plan(), env) == load_plan(bundled_plan())


def test_done_leaves_its_new_plan_in_the_cache(
    gongkai: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """done parses its new text before writing it; the next command finds those bytes
    in the cache, equal to what parsing the written file gives."""
    plan_file = tmp_path / "plan.yaml"
    shutil.copyfile(EVERY_FIELD, plan_file)
    done = gongkai("done", "1.2", "--date", "2016-05-25", "--tasks", str(plan_file), "--today", "2016-06-01")
    assert done.exit_code == 0, done.output
    written = load_plan(plan_file)
    assert written.item("1.2") is not None and written.item("1.2").done == date(2016, 5, 25)  # type: ignore[union-attr]
    env = {"XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}

    def parse_again(raw: bytes, shown: str) -> None:
        raise AssertionError("parsed again: done left no entry for the bytes it wrote")

    monkeypatch.setattr(plancache, "parse_plan", parse_again)
    assert load_plan_cached(plan_file, env) == written


def test_a_refused_edit_leaves_no_entry(gongkai: Run, tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.yaml"
    shutil.copyfile(EVERY_FIELD, plan_file)
    before = set(cache_dir(os.environ).glob("plan-*.json"))
    refused = gongkai(
        "done", "1.4", "--date", "2016-05-25", "--tasks", str(plan_file), "--today", "2016-06-01"
    )
    assert refused.exit_code != 0  # a monthly item is done period by period
    assert set(cache_dir(os.environ).glob("plan-*.json")) - before <= {
        plancache._entry(cache_dir(os.environ), plancache._key(plan_file.read_bytes()))
    }  # at most the entry of the file as it is (read before the edit)
