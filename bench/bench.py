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
   phrase, and for lines that are every one a different bad phrase.
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
from datetime import date
from pathlib import Path

SEED = 20160518
QUERIES = 20_000
BATCH_LINES = 100_000
STARTUP_RUNS = 31
FIRST, LAST = date(2005, 1, 1), date(2026, 11, 1)  # n <= 30 stays inside 2026
CORRECTED = date(2005, 12, 31)  # gongkai_cli.calendar.builtin.MAKEUP_CORRECTIONS

FIND_WORKDAY_SCRIPT = """\
import csv, sys
from datetime import date
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
    gongkai = shutil.which("gongkai") or str(Path(sys.executable).with_name("gongkai"))
    cpu = platform.processor() or platform.machine()
    print(
        f"Machine: {platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print()
    engine_section()
    with tempfile.TemporaryDirectory() as tmp:
        batch_section(gongkai, Path(tmp))
    startup_section(gongkai)
    with tempfile.TemporaryDirectory() as tmp:
        batch_memory_section(gongkai, Path(tmp))


if __name__ == "__main__":
    main()
