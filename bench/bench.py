"""gongkai's speed, measured side by side with the alternatives in one run.

Run by hand, not in the test suite (timings are noisy):

    pip install '.[bench]' && python bench/bench.py

It prints, on the same random queries (fixed seed; anchors 2005 to 2026; n from 1 to 30):
1. time per working-day query: gongkai's engine, chinese_calendar.find_workday,
   python-holidays' China calendar (get_nth_working_day) and numpy.busday_offset given
   every rest day as a holiday, with ratios and a check that all agree;
2. `gongkai deadline --batch` on 100,000 lines against the script a user would write
   with find_workday, with the ratio;
3. the wall time of `gongkai deadline` and `gongkai due --week` against
   `python -c "import click, chinese_calendar"`, medians of alternating runs, and of
   `due --week` when the plan cache is not used (the YAML read and validated each time);
4. `gongkai deadline --batch` on 1,000,000 lines: wall time, CPU time (user + system, less
   sensitive to other load on the machine) and peak memory (the child's maximum resident
   set size), for realistic lines (as in 2.), for lines that are every one a different
   phrase, and for lines that are every one a different bad phrase;
5. issue 23's targets: `deadline --batch` on a year's realistic ledger and on distinct
   phrases against two floors (a script that only reads the CSV and writes each row back
   with one more column; an eight-line lru_cache + find_workday script), each target said
   met or not met by how much;
6. with `--before REF`: the batch output of REF's code and of this code, byte for byte, on
   100,000 lines of each kind and every format;
7. an Excel ledger in and out (`--batch ledger.xlsx -o out.xlsx`);
8. plans of 5,000 and 10,000 items: check, status, due --week (with and without the plan
   cache) and done, with the ratio that shows whether they grow linearly.

    python bench/bench.py --sections 5678 --before main   # issue 23's sections only
"""

from __future__ import annotations

import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

SEED = 20160518
QUERIES = 20_000
BATCH_LINES = 100_000
STARTUP_RUNS = 31
FIRST, LAST = date(2005, 1, 1), date(2026, 11, 1)  # n <= 30 stays inside 2026
CORRECTED = date(2005, 12, 31)  # gongkai_cli.calendar.builtin.MAKEUP_CORRECTIONS

FIND_WORKDAY_SCRIPT = """\
import csv, sys
from datetime import date, datetime
import chinese_calendar

reader = csv.DictReader(sys.stdin)
writer = csv.writer(sys.stdout, lineterminator="\\n")
writer.writerow(["id", "anchor", "rule", "deadline"])
for row in reader:
    n = int(row["rule"].split("个")[0])
    anchor = date.fromisoformat(row["anchor"])
    deadline = chinese_calendar.find_workday(n, anchor)
    writer.writerow([row["id"], row["anchor"], row["rule"], deadline.isoformat()])
"""


def queries(count: int, workday_anchors: bool) -> list[tuple[date, int]]:
    from gongkai_cli import WorkCalendar

    cal = WorkCalendar.default()
    rng = random.Random(SEED)
    out: list[tuple[date, int]] = []
    while len(out) < count:
        day = date.fromordinal(rng.randint(FIRST.toordinal(), LAST.toordinal()))
        if workday_anchors and not cal.is_workday(day):
            continue
        out.append((day, rng.randint(1, 30)))
    return out


def per_query(fn: Callable[[date, int], date], qs: list[tuple[date, int]]) -> tuple[float, list[date]]:
    start = time.perf_counter()
    answers = [fn(a, n) for a, n in qs]
    return (time.perf_counter() - start) / len(qs), answers


def engine_section() -> None:
    import chinese_calendar
    import holidays
    import numpy as np

    from gongkai_cli import WorkCalendar

    qs = queries(QUERIES, workday_anchors=True)
    cal = WorkCalendar.default()
    cal.add_workdays(date(2016, 1, 4), 1)
    for year in range(2004, 2027):  # index every year once, as any long-running use would
        cal.is_workday(date(year, 1, 1))

    china = holidays.China(years=range(2004, 2028))
    rest_days = np.array(
        [
            np.datetime64(date.fromordinal(o).isoformat())
            for o in range(date(2004, 1, 1).toordinal(), date(2026, 12, 31).toordinal() + 1)
            if not chinese_calendar.is_workday(date.fromordinal(o))
        ]
    )
    calendar = np.busdaycalendar(weekmask="1111111", holidays=rest_days)

    results: dict[str, tuple[float, list[date]]] = {
        "gongkai WorkCalendar.add_workdays": per_query(cal.add_workdays, qs),
        "chinese_calendar.find_workday": per_query(lambda a, n: chinese_calendar.find_workday(n, a), qs),
        "holidays.China().get_nth_working_day": per_query(china.get_nth_working_day, qs),
    }
    anchors = np.array([np.datetime64(a.isoformat()) for a, _ in qs])
    counts = np.array([n for _, n in qs])
    start = time.perf_counter()
    offsets = np.busday_offset(anchors, counts, roll="forward", busdaycal=calendar)
    elapsed = (time.perf_counter() - start) / len(qs)
    results["numpy.busday_offset (vectorised)"] = (elapsed, [d.astype(object) for d in offsets])

    base = results["gongkai WorkCalendar.add_workdays"]
    print(f"1. Working-day queries: {len(qs):,} random (anchor on a working day, n 1..30), seed {SEED}")
    print(f"   {'method':<40}{'µs/query':>10}{'vs gongkai':>12}{'agree':>10}{'other':>8}")
    for name, (seconds, answers) in results.items():
        pairs = list(zip(answers, base[1], qs, strict=True))
        agree = sum(x == y for x, y, _ in pairs)
        # Disagreements that the corrected day explains: the count crosses it.
        explained = sum(x != y and a <= CORRECTED <= y for x, y, (a, _) in pairs)
        other = len(pairs) - agree - explained
        print(f"   {name:<40}{seconds * 1e6:>10.2f}{seconds / base[0]:>11.1f}x{agree:>10,}{other:>8}")
    print(
        f'   ("agree": same answer as gongkai; the rest start on or cross {CORRECTED},\n'
        "   a working day by the 2006 notice that chinese-calendar, and so find_workday,\n"
        '   counts as a rest day; "other": disagreements with no such explanation)'
    )
    print()


# Where the plan cache cannot be (a folder under a file): every run reads and checks the YAML.
NO_CACHE = {**os.environ, "XDG_CACHE_HOME": os.path.join(os.devnull, "cache")}
WITHOUT_CACHE = "gongkai due --week, without the plan cache"


def run(cmd: list[str], stdin: Path | None = None, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as source:
        subprocess.run(
            cmd, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env
        )
    return time.perf_counter() - start


def batch_section(gongkai: str, tmp: Path) -> None:
    rng = random.Random(SEED)
    lines = ["id,anchor,rule"]
    for i in range(BATCH_LINES):
        day = date.fromordinal(rng.randint(FIRST.toordinal(), LAST.toordinal()))
        lines.append(f"{i},{day.isoformat()},{rng.randint(1, 30)}个工作日内")
    source = tmp / "batch.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script = tmp / "find_workday_script.py"
    script.write_text(FIND_WORKDAY_SCRIPT, encoding="utf-8")

    ours = run([gongkai, "deadline", "--batch", "--format", "csv"], source)
    theirs = run([sys.executable, str(script)], source)
    # Same answers where both apply: working-day anchors (find_workday moves rest-day anchors).
    out = subprocess.run(
        [gongkai, "deadline", "--batch", "--format", "csv"],
        stdin=source.open("rb"),
        capture_output=True,
        check=False,
    ).stdout.decode()
    ref = subprocess.run(
        [sys.executable, str(script)], stdin=source.open("rb"), capture_output=True, check=False
    ).stdout.decode()
    from gongkai_cli import WorkCalendar

    cal = WorkCalendar.default()
    same = total = crossing = 0
    for mine, other in zip(out.splitlines()[1:], ref.splitlines()[1:], strict=True):
        anchor = date.fromisoformat(mine.split(",")[1])
        if cal.is_workday(anchor):
            total += 1
            agree = mine.split(",")[3] == other.split(",")[3]
            same += agree
            crossing += not agree and anchor <= CORRECTED <= date.fromisoformat(mine.split(",")[3])
    print(f"2. Batch: {BATCH_LINES:,} CSV lines, one process each")
    print(f"   gongkai deadline --batch --format csv   {ours:6.2f} s")
    print(f"   find_workday script                     {theirs:6.2f} s")
    print(f"   ratio                                   {theirs / ours:6.1f}x faster")
    print(f"   agreement on working-day anchors        {same:,} of {total:,}")
    print(f"   the others start on or cross {CORRECTED}   {crossing:,}")
    print()


MEMORY_LINES = 1_000_000
EVENTS = ("", "文件公开后", "收到申请之日起", "印发之日起")

PEAK_SCRIPT = """\
import resource, subprocess, sys, time
with open(sys.argv[1], "rb") as source:
    start = time.perf_counter()
    subprocess.run(sys.argv[2:], stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def batch_memory_section(gongkai: str, tmp: Path) -> None:
    """Time and peak memory of a million-line batch; a fresh parent per run, so that the
    peak is this child's alone."""
    rng = random.Random(SEED)

    def realistic(i: int) -> str:
        day = date.fromordinal(rng.randint(FIRST.toordinal(), LAST.toordinal()))
        return f"{i},{day.isoformat()},{rng.randint(1, 30)}个工作日内"

    inputs = {  # name: (line i, issue 16's target for the run)
        "realistic (anchors 2005-2026, 1-30 个工作日内)": (realistic, "< 5 s, < 100 MB"),
        "every line a different phrase (文件公开后N小时内…)": (
            lambda i: f"{i},2016-09-30,{EVENTS[i % len(EVENTS)]}{i + 1}小时内",
            "< 10 s, < 100 MB",
        ),
        "every line a different bad phrase (N个工作周内)": (
            lambda i: f"{i},2016-09-30,{i + 1}个工作周内",
            "< 100 MB",
        ),
    }
    print(f"4. Batch memory: {MEMORY_LINES:,} lines, gongkai deadline --batch --format csv")
    print(f"   {'input':<52}{'wall':>9}{'CPU':>9}{'peak RSS':>12}   target")
    for name, (line, target) in inputs.items():
        source = tmp / "memory.csv"
        with source.open("w", encoding="utf-8") as f:
            f.write("id,anchor,rule\n")
            f.writelines(line(i) + "\n" for i in range(MEMORY_LINES))
        command = [gongkai, "deadline", "--batch", "--format", "csv"]
        out = subprocess.run(
            [sys.executable, "-c", PEAK_SCRIPT, str(source), *command],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        seconds, cpu, peak_kb = float(out[0]), float(out[1]), int(out[2])
        print(f"   {name:<52}{seconds:>7.2f} s{cpu:>7.2f} s{peak_kb / 1024:>9.1f} MB   {target}")
    print()


def startup_section(gongkai: str) -> None:
    commands = {
        "import floor: python -c 'import click, chinese_calendar'": [
            sys.executable,
            "-c",
            "import click, chinese_calendar",
        ],
        "gongkai deadline 文件公开后3个工作日内 --format plain": [
            gongkai,
            "deadline",
            "文件公开后3个工作日内",
            "--from",
            "2016-09-30",
            "--format",
            "plain",
        ],
        "gongkai due --week --format plain": [
            gongkai,
            "due",
            "--week",
            "--today",
            "2016-06-27",
            "--format",
            "plain",
        ],
    }
    commands[WITHOUT_CACHE] = commands["gongkai due --week --format plain"]
    # Bytecode as an installed package has it: with PYTHONDONTWRITEBYTECODE set (as on some
    # machines) an editable install would recompile every changed module on every run,
    # while the floor's packages were compiled when they were installed.
    import gongkai_cli

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    package = str(Path(gongkai_cli.__file__).parent)
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], env=env, check=False)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for name, cmd in commands.items():  # warm the file cache (and the plan cache)
        run(cmd, env=NO_CACHE if name == WITHOUT_CACHE else None)
    for _ in range(STARTUP_RUNS):  # alternate, so drift hits all alike
        for name, cmd in commands.items():
            times[name].append(run(cmd, env=NO_CACHE if name == WITHOUT_CACHE else None))
    floor = statistics.median(times[next(iter(commands))])
    print(f"3. Start-up: wall time, median of {STARTUP_RUNS} alternating runs")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"   {name:<58}{median * 1000:7.1f} ms  {median / floor:5.2f}x floor")
    print()


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="gongkai's speed, side by side with the alternatives")
    parser.add_argument("--sections", default="12345678", help="which sections to run, e.g. 58")
    parser.add_argument("--before", help="a git ref: section 6 compares its batch output with this code's")
    args = parser.parse_args()
    gongkai = shutil.which("gongkai") or str(Path(sys.executable).with_name("gongkai"))
    cpu = platform.processor() or platform.machine()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Machine: {platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {load:.1f}"
    )
    print()
    if "1" in args.sections:
        engine_section()
    if "2" in args.sections:
        with tempfile.TemporaryDirectory() as tmp:
            batch_section(gongkai, Path(tmp))
    if "3" in args.sections:
        startup_section(gongkai)
    if "4" in args.sections:
        with tempfile.TemporaryDirectory() as tmp:
            batch_memory_section(gongkai, Path(tmp))
    issue23_main(args.sections, args.before)


# -- issue 23: batch against the floors, ledgers, plans of thousands -----------------------

PASSTHROUGH_SCRIPT = """\
import csv, sys
reader = csv.reader(sys.stdin)
writer = csv.writer(sys.stdout, lineterminator="\\n")
writer.writerow([*next(reader), "deadline"])
for row in reader:
    writer.writerow([*row, row[1]])
"""
LRU_SCRIPT = """\
import csv, sys, functools, datetime, chinese_calendar
deadline = functools.lru_cache(None)(lambda a, n: chinese_calendar.find_workday(n, a).isoformat())
reader = csv.reader(sys.stdin)
writer = csv.writer(sys.stdout, lineterminator="\\n")
writer.writerow([*next(reader), "deadline"])
for row in reader:
    n = int(row[2].split("个")[0])
    writer.writerow([*row, deadline(datetime.date.fromisoformat(row[1]), n)])
"""
REALISTIC_LINES = 100_800
DISTINCT_LINES = 50_000
ROUNDS = 3

TIMED_SCRIPT = """\
import resource, subprocess, sys, time
with open(sys.argv[1], "rb") as source:
    start = time.perf_counter()
    done = subprocess.run(sys.argv[2:], stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def timed(
    command: list[str], stdin: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run, in a fresh parent."""
    out = subprocess.run(
        [sys.executable, "-c", TIMED_SCRIPT, str(stdin or os.devnull), *command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()
    return float(out[0]), float(out[1])


def best_of(
    commands: dict[str, tuple[list[str], Path | None]], rounds: int = ROUNDS
) -> dict[str, tuple[float, float]]:
    """The best wall and CPU time of each, over alternating rounds."""
    best = {name: (float("inf"), float("inf")) for name in commands}
    for _ in range(rounds):
        for name, (command, stdin) in commands.items():
            wall, cpu = timed(command, stdin)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    return best


def realistic_input(path: Path, lines: int = REALISTIC_LINES) -> None:
    """A year's ledger: anchors on the days of 2016, 3/5/10/20 个工作日内."""
    _ledger(path, lines, lambda i, rng: f"{rng.choice((3, 5, 10, 20))}个工作日内")


def distinct_input(path: Path, lines: int = DISTINCT_LINES) -> None:
    """Every line a different phrase: 收到第N号申请之日起M个工作日内."""
    _ledger(path, lines, lambda i, rng: f"收到第{i + 1}号申请之日起{rng.randint(1, 30)}个工作日内")


def _ledger(path: Path, lines: int, rule: Callable[[int, random.Random], str]) -> None:
    """A batch CSV (id, anchor, rule): anchors drawn from the days of 2016 (fixed seed)."""
    rng = random.Random(SEED)
    first, last = date(2016, 1, 1).toordinal(), date(2016, 12, 31).toordinal()
    with path.open("w", encoding="utf-8") as f:
        f.write("id,anchor,rule\n")
        for i in range(lines):
            day = date.fromordinal(rng.randint(first, last))
            f.write(f"{i},{day.isoformat()},{rule(i, rng)}\n")


def verdict(ratio: float, target: float) -> str:
    if ratio <= target:
        return f"met ({ratio:.2f}x <= {target}x)"
    return f"NOT met: {ratio:.2f}x, {ratio / target:.2f} times the target {target}x"


def floors_section(gongkai: str, tmp: Path) -> None:
    realistic, distinct = tmp / "realistic.csv", tmp / "distinct.csv"
    realistic_input(realistic)
    distinct_input(distinct)
    passthrough, lru = tmp / "passthrough.py", tmp / "lru.py"
    passthrough.write_text(PASSTHROUGH_SCRIPT, encoding="utf-8")
    lru.write_text(LRU_SCRIPT, encoding="utf-8")
    commands: dict[str, tuple[list[str], Path | None]] = {
        "floor: passthrough script, realistic": ([sys.executable, str(passthrough)], realistic),
        "floor: lru_cache + find_workday script": ([sys.executable, str(lru)], realistic),
        "gongkai --batch --format csv, realistic": (
            [gongkai, "deadline", "--batch", "--format", "csv"],
            realistic,
        ),
        "gongkai --batch --format json, realistic": (
            [gongkai, "deadline", "--batch", "--format", "json"],
            realistic,
        ),
        "gongkai --batch --format plain, realistic": (
            [gongkai, "deadline", "--batch", "--format", "plain"],
            realistic,
        ),
        "floor: passthrough script, distinct": ([sys.executable, str(passthrough)], distinct),
        "gongkai --batch --format csv, distinct": (
            [gongkai, "deadline", "--batch", "--format", "csv"],
            distinct,
        ),
    }
    best = best_of(commands)
    print(
        f"5. Batch against the floors (issue 23): best of {ROUNDS} alternating runs; realistic = "
        f"{REALISTIC_LINES:,} lines\n   (anchors on the days of 2016, 3/5/10/20 个工作日内), distinct = "
        f"{DISTINCT_LINES:,} lines (收到第N号申请之日起M个工作日内)"
    )
    print(f"   {'command':<46}{'wall':>9}{'CPU':>9}{'x floor (CPU)':>15}")
    for name, (wall, cpu) in best.items():
        floor = best[
            "floor: passthrough script, distinct"
            if "distinct" in name
            else "floor: passthrough script, realistic"
        ]
        print(f"   {name:<46}{wall:>7.2f} s{cpu:>7.2f} s{cpu / floor[1]:>14.2f}x")
    real = (
        best["gongkai --batch --format csv, realistic"][1] / best["floor: passthrough script, realistic"][1]
    )
    other = best["gongkai --batch --format csv, distinct"][1] / best["floor: passthrough script, distinct"][1]
    lru_ratio = (
        best["gongkai --batch --format csv, realistic"][1] / best["floor: lru_cache + find_workday script"][1]
    )
    print(f"   target: realistic within 1.5x the passthrough floor    {verdict(real, 1.5)}")
    print(f"   target: distinct within 8x the passthrough floor       {verdict(other, 8.0)}")
    print(f"   (against the lru_cache + find_workday script: {lru_ratio:.2f}x)")
    print()


def same_bytes_section(gongkai: str, tmp: Path, before: str) -> None:
    """The batch's output, every format, by the code at ``before`` and by this code."""
    root = Path(__file__).resolve().parent.parent
    old = tmp / "before"
    old.mkdir()
    commit = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--short", before], capture_output=True, text=True, check=True
    ).stdout.strip()
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", before, "src"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    env = {**os.environ, "PYTHONPATH": str(old / "src")}
    inputs = {"realistic": tmp / "realistic100k.csv", "distinct": tmp / "distinct100k.csv"}
    realistic_input(inputs["realistic"], 100_000)
    distinct_input(inputs["distinct"], 100_000)
    print(
        "6. Same bytes: 100,000 lines of each kind, every --batch format, "
        f"{before} ({commit}) against this code"
    )
    for kind, source in inputs.items():
        for fmt in ("csv", "json", "plain", "table"):
            args = ["deadline", "--batch", "--format", fmt]
            with source.open("rb") as f:
                was = subprocess.run(
                    [sys.executable, "-m", "gongkai_cli", *args], stdin=f, capture_output=True, env=env
                )
            with source.open("rb") as f:
                now = subprocess.run([gongkai, *args], stdin=f, capture_output=True)
            same = (was.stdout, was.stderr, was.returncode) == (now.stdout, now.stderr, now.returncode)
            print(
                f"   {kind:<10} {fmt:<6} {len(now.stdout):>12,} bytes   "
                + ("identical" if same else "DIFFERENT")
            )
    print()


def ledger_section(gongkai: str, tmp: Path) -> None:
    from openpyxl import Workbook

    rows = 20_000
    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(["编号", "收到日期", "期限"])
    rng = random.Random(SEED)
    for i in range(rows):
        day = date.fromordinal(rng.randint(date(2016, 1, 1).toordinal(), date(2016, 12, 31).toordinal()))
        sheet.append(
            [i, datetime.combine(day, datetime.min.time()), f"{rng.choice((3, 5, 10, 20))}个工作日内"]
        )
    ledger = tmp / "ledger.xlsx"
    book.save(ledger)
    out = tmp / "out.xlsx"
    columns = ["--anchor-column", "收到日期", "--rule-column", "期限"]
    wall, cpu = timed([gongkai, "deadline", "--batch", str(ledger), *columns, "-o", str(out), "--force"])
    print(f"7. Excel ledger: {rows:,} rows in, the same sheet with 4 more columns out")
    print(f"   gongkai deadline --batch ledger.xlsx -o out.xlsx   {wall:6.2f} s wall {cpu:6.2f} s CPU")
    print()


def plan_input(path: Path, items: int) -> None:
    rules = (
        "6月底前完成",
        "10月底前完成",
        "按月公开",
        "适时进行",
        "印发之日起5个工作日内",
        "年底前",
        "15日内",
    )
    with path.open("w", encoding="utf-8") as f:
        f.write(
            "format: 1\nplan:\n  title: 大计划\n  issuer: 办公室\n  issued: 2016-05-18\n  year: 2016\n\n"
            "reports:\n  - id: report\n    title: 书面报送落实情况\n"
            "    rule: 期限届满后 10 个工作日内\n\nitems:\n"
        )
        for i in range(items):
            f.write(
                f'  - id: "{i // 10 + 1}.{i % 10 + 1}"\n    section: 第{i // 100 + 1}部分\n'
                f"    title: 事项{i}\n    text: 第{i}项工作。\n    lead: []\n"
                f"    owners: [部门{i % 400}]\n    rule: {rules[i % len(rules)]}\n\n"
            )


def plans_section(gongkai: str, tmp: Path) -> None:
    sizes = (5_000, 10_000)
    print("8. Plans of thousands of items: best of 3 runs, CPU seconds (wall in brackets);")
    print("   target: under a second at 5,000 items, and linear (10,000 items at most 2.5x);")
    print("   check always reads the file (cold); status, due and done use the plan cache, warm")
    print("   after the first run (each timed run follows one that wrote it), unless 'without'")
    print("   (no plan cache at all) or 'first after an edit' (parsed, and the entry written)")
    results: dict[str, list[tuple[float, float]]] = {}
    for items in sizes:
        plan = tmp / f"plan{items}.yaml"
        plan_input(plan, items)
        env = {**os.environ, "GONGKAI_TASKS": str(plan), "GONGKAI_TODAY": "2016-06-27"}
        commands = {
            "check": [gongkai, "check", str(plan)],
            "status": [gongkai, "status"],
            "due --week": [gongkai, "due", "--week"],
            "due --week, without the plan cache": [gongkai, "due", "--week"],
        }
        cold = {"XDG_CACHE_HOME": os.path.join(os.devnull, "cache")}  # no plan cache
        for name, command in commands.items():
            run_env = {**env, **(cold if "without" in name else {})}
            timed(command, env=run_env)  # the plan cache written once
            best = min((timed(command, env=run_env) for _ in range(3)), key=lambda t: t[1])
            results.setdefault(name, []).append(best)
        # the first due after an edit: the plan parsed, and its entry written in a plan
        # cache holding none (emptied before each run)
        fresh = tmp / "fresh-cache"
        first_env = {**env, "XDG_CACHE_HOME": str(fresh)}
        first_runs = []
        for _ in range(3):
            shutil.rmtree(fresh, ignore_errors=True)
            first_runs.append(timed(commands["due --week"], env=first_env))
            assert list(fresh.glob("gongkai/plan-*.json")), "the first run wrote no entry"
        results.setdefault("due --week, first after an edit", []).append(min(first_runs, key=lambda t: t[1]))
        # done on a dated item (250.1: 年底前), the plan as the commands above left it
        # (cached), and without the plan cache (the file parsed twice: read, then read back)
        copy = tmp / f"done{items}.yaml"
        done_command = [gongkai, "done", "250.1", "--date", "2016-06-20", "--tasks", str(copy)]
        for name, done_env in (("done", env), ("done, without the plan cache", {**env, **cold})):
            done_times = []
            for _ in range(3):
                shutil.copyfile(plan, copy)
                done_times.append(timed(done_command, env=done_env))
                assert "done: 2016-06-20" in copy.read_text(encoding="utf-8"), "done did not take"
            results.setdefault(name, []).append(min(done_times, key=lambda t: t[1]))
    print(f"   {'command':<38}{'5,000 items':>18}{'10,000 items':>18}{'ratio':>8}   under 1 s at 5,000")
    for name, ((wall5, cpu5), (wall10, cpu10)) in results.items():
        ok = "met" if cpu5 < 1 else f"NOT met by {cpu5 - 1:.2f} s"
        print(
            f"   {name:<38}{cpu5:>8.2f} s ({wall5:4.1f}){cpu10:>8.2f} s ({wall10:4.1f})"
            f"{cpu10 / cpu5:>7.2f}x   {ok}"
        )
    print()


def issue23_main(sections: str, before: str | None) -> None:
    gongkai = shutil.which("gongkai") or str(Path(sys.executable).with_name("gongkai"))
    with tempfile.TemporaryDirectory() as tmp:
        if "5" in sections:
            floors_section(gongkai, Path(tmp))
        if "6" in sections and before:
            same_bytes_section(gongkai, Path(tmp), before)
        if "7" in sections:
            ledger_section(gongkai, Path(tmp))
        if "8" in sections:
            plans_section(gongkai, Path(tmp))


if __name__ == "__main__":
    main()
