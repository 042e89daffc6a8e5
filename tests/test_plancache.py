"""The cache of validated plans: the same plan as a fresh read, invalidated by any change,
and never a reason to fail."""

from __future__ import annotations

import json
import os
from pathlib import Path

from gongkai_cli.plan.cache import cache_dir, load_plan_cached
from gongkai_cli.plan.plan_file import bundled_plan, load_plan
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
    data = json.loads(entry.read_text(encoding="utf-8"))  # rewritten whole
    data["plan"]["items"] = "nonsense"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert load_plan_cached(bundled_plan(), env) == load_plan(bundled_plan())


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
