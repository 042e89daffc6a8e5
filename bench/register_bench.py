"""The 依申请公开 register at the size of a busy office: a year of 2,000 requests.

Run by hand, not in the test suite (timings are noisy):

    pip install -e '.[bench]' && python bench/register_bench.py

It builds a register of 2,000 requests received in 2024 (fixed seed): most replied
within the period, some after a 补正, a consultation or an extension, some late, about
one in ten still open on 31 December, and times, as wall-clock medians of alternating
runs in fresh processes:

- `gongkai request report --year 2024` (the annual report's table);
- `gongkai due --week` with the register (the Monday list), beside the same without it
  (`--no-requests`) and `python -c "import click, chinese_calendar"`;
- `gongkai request list --format json`, and the import that built the register.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

SEED = 20240920
REQUESTS = 2_000
RUNS = 15
TODAY = "2024-12-23"  # a Monday: the week of the year's last open requests

RESULTS = ["予以公开", "部分公开", "不予公开：属于国家秘密", "无法提供：本机关不掌握相关政府信息", "重复申请"]
APPLICANTS = ["自然人"] * 8 + ["商业企业", "法律服务机构"]


def ledger(path: Path) -> None:
    rng = random.Random(SEED)
    header = [
        "编号",
        "收到日期",
        "申请人类型",
        "申请方式",
        "补正告知日期",
        "补正收到日期",
        "延期日期",
        "答复日期",
        "办理结果",
    ]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for n in range(1, REQUESTS + 1):
            received = date(2024, 1, 2) + timedelta(days=rng.randint(0, 360))
            row: list[str] = [
                f"2024-{n:04d}",
                received.isoformat(),
                rng.choice(APPLICANTS),
                "网络",
                "",
                "",
                "",
                "",
                "",
            ]
            last = received
            if rng.random() < 0.1:  # 补正
                row[4] = (received + timedelta(days=3)).isoformat()
                row[5] = (received + timedelta(days=rng.randint(5, 15))).isoformat()
                last = date.fromisoformat(row[5])
            if rng.random() < 0.1:
                row[6] = (last + timedelta(days=20)).isoformat()
                last = date.fromisoformat(row[6])
            reply = last + timedelta(days=rng.randint(3, 40))
            if reply <= date(2024, 12, 20) and rng.random() < 0.95:
                row[7], row[8] = reply.isoformat(), rng.choice(RESULTS)
            writer.writerow(row)


def gongkai(*args: str, env: dict[str, str]) -> list[str]:
    exe = shutil.which("gongkai")
    return [exe, *args] if exe else [sys.executable, "-m", "gongkai_cli", *args]


def wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="gongkai-register-bench-"))
    register = folder / "register.sqlite3"
    env = {**os.environ, "GONGKAI_REGISTER": str(register), "XDG_DATA_HOME": str(folder / "data")}
    source = folder / "台账.csv"
    ledger(source)
    start = time.perf_counter()
    subprocess.run(
        gongkai("request", "import", str(source), env=env), env=env, check=True, stdout=subprocess.DEVNULL
    )
    imported = time.perf_counter() - start
    commands = {
        "request report --year 2024": gongkai(
            "request", "report", "--year", "2024", "--format", "plain", env=env
        ),
        "due --week (with the register)": gongkai(
            "due", "--week", "--today", TODAY, "--format", "plain", env=env
        ),
        "due --week --no-requests": gongkai(
            "due", "--week", "--today", TODAY, "--format", "plain", "--no-requests", env=env
        ),
        "request list --format json": gongkai("request", "list", "--format", "json", env=env),
        'python -c "import click, chinese_calendar"': [
            sys.executable,
            "-c",
            "import click, chinese_calendar",
        ],
    }
    for cmd in commands.values():  # warm the plan cache and the file system
        wall(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, cmd in commands.items():
            times[name].append(wall(cmd, env))
    print(
        f"Register of {REQUESTS:,} requests received in 2024 (seed {SEED}), {RUNS} runs each,"
        " median wall time"
    )
    print(f"   {'import of the ledger (one run)':<46}{imported * 1000:>9.0f} ms")
    for name, values in times.items():
        print(f"   {name:<46}{statistics.median(values) * 1000:>9.0f} ms")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
