"""What a command loads and does before it runs: the start-up budget (README, Performance).

Each probe runs in a fresh interpreter, as a user's command does, and reports what it
imported and how the garbage collector stood.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """\
import gc, json, sys
import gongkai_cli
package_alone = sorted(m for m in sys.modules if m.startswith("gongkai_cli."))
from gongkai_cli.cli import main
paused = not gc.isenabled()
try:
    main(sys.argv[1:], prog_name="gongkai")
except SystemExit as e:
    code = e.code
print(json.dumps({"package_alone": package_alone, "paused": paused, "code": code,
                  "enabled_after": gc.isenabled(), "modules": sorted(sys.modules)}))
"""

DEADLINE = ("deadline", "文件公开后3个工作日内", "--from", "2016-09-30", "--format", "plain")
WEEK = ("due", "--week", "--today", "2016-06-27", "--format", "plain")

# Libraries and modules no answer of `gongkai deadline` needs (json: the probe itself).
NOT_FOR_DEADLINE = ("yaml", "ruamel", "rich", "pathlib", "email", "opencc", "openpyxl", "docx")
NOT_FOR_DEADLINE_OWN = (
    "gongkai_cli.plan",
    "gongkai_cli.render.plan",
    "gongkai_cli.render.layout",
    "gongkai_cli.cli.helptext",  # only when help is printed
    "gongkai_cli.cli.usage",  # only when a usage error is met
)


def probe(tmp_path: Path, *args: str) -> dict[str, object]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=True
    ).stdout
    result: dict[str, object] = json.loads(out.splitlines()[-1])
    return result


def test_deadline_loads_no_plan_code_and_no_heavy_library(tmp_path: Path) -> None:
    seen = probe(tmp_path, *DEADLINE)
    assert seen["code"] == 0
    modules = seen["modules"]
    assert isinstance(modules, list)
    tops = {m.split(".")[0] for m in modules}
    assert not tops & set(NOT_FOR_DEADLINE)
    assert not [m for m in modules if m.startswith(NOT_FOR_DEADLINE_OWN)]


def test_importing_the_package_loads_nothing_else(tmp_path: Path) -> None:
    """The public names (gongkai_cli.WorkCalendar …) load on first use, so that the CLI
    can pause the collector before its first import."""
    seen = probe(tmp_path, "--version")
    assert seen["package_alone"] == []
    from gongkai_cli import WorkCalendar, parse_rule

    assert parse_rule("3个工作日内").n == 3
    assert WorkCalendar.default().knows(2016)


def test_collector_paused_during_start_up_and_running_after(tmp_path: Path) -> None:
    for args in (DEADLINE, WEEK, ("--version",), ("deadline", "--no-such-option")):
        seen = probe(tmp_path, *args)
        assert seen["paused"] is True, args
        assert seen["enabled_after"] is True, args
    assert probe(tmp_path, "deadline", "--no-such-option")["code"] == 2


def test_a_long_batch_collects_as_usual(tmp_path: Path) -> None:
    """A --batch run must not keep the start-up pause: the collector runs during it."""
    code = (
        "import gc, sys\n"
        "from gongkai_cli.cli import main\n"
        "seen = []\n"
        "gc.callbacks.append(lambda phase, info: seen.append(phase))\n"
        "try:\n"
        "    main(['deadline', '--batch', '--format', 'csv'], prog_name='gongkai')\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(f'collections={len(seen) // 2}')\n"
    )
    lines = "".join(f"{i},2016-09-30,{i % 30 + 1}个工作日内\n" for i in range(3000))
    out = subprocess.run(
        [sys.executable, "-c", code],
        input="id,anchor,rule\n" + lines,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        check=True,
    )
    assert out.stdout.count("\n") == 3001
    assert int(out.stderr.rsplit("collections=", 1)[1]) > 0


def test_due_from_the_plan_cache_loads_no_reader(tmp_path: Path) -> None:
    """A second `due --week` is answered from the plan cache: the rules were read when the
    plan was checked, so the phrase reader, the clause reader and sqlite3 stay unloaded."""
    probe(tmp_path, *WEEK)  # fills the cache
    seen = probe(tmp_path, *WEEK)
    assert seen["code"] == 0
    modules = seen["modules"]
    assert isinstance(modules, list)
    reading = ("gongkai_cli.phrases.reader", "gongkai_cli.phrases.clause", "gongkai_cli.phrases.scanner")
    assert not [m for m in modules if m in reading or m == "sqlite3"]


def test_the_plans_read_are_kept_out_of_the_collectors_sight(tmp_path: Path) -> None:
    """The plans a command reads live as long as it (cli/startup.long_lived): made with the
    collector paused, then frozen, and the collector runs again; a program that calls
    ``main`` again (as the tests do) is left alone the second time."""
    code = (
        "import gc, json, sys\n"
        "from gongkai_cli.cli import main\n"
        "import gongkai_cli.cli.plan as plan\n"
        "load, seen = plan.load_plans, []\n"
        "def probe(tasks):\n"
        "    before = gc.get_freeze_count()\n"
        "    plans = load(tasks)\n"
        "    seen.append([gc.get_freeze_count() - before, gc.isenabled()])\n"
        "    return plans\n"
        "plan.load_plans = probe\n"
        "for _ in range(2):\n"
        "    try:\n"
        "        main(['due', '--week', '--today', '2016-06-27'], prog_name='gongkai')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "sys.stderr.write(json.dumps(seen))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    (first, enabled), (second, enabled_again) = json.loads(out.stderr.splitlines()[-1])
    assert first > 1000 and enabled  # the bundled plan's items, rules and obligations' parts
    assert second == 0 and enabled_again
    assert out.stdout.count("到期") >= 1
