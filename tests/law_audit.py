"""The law audit: random samples of period clauses from national law texts, each with an
answer written by hand before gongkai was run on it, and a scorer.

The samples (tests/fixtures/law-audit/sample-N.yaml) were drawn by bench/law_draw.py from
LawRefBook/Laws (commit 2f4c5c2) with a recorded seed; sample 2 excludes sample 1. The
expected answers (expected-N.yaml) say, for each clause, which periods it holds, what
each one means (deadline, extension, not_before, presumed, window, restriction,
condition, retention, none) and from which event it runs. The dates are computed here by
this module's own arithmetic, from chinese_calendar.is_workday and dateutil, never by
gongkai: N日/月/年 end N units after the anchor and, on a rest day, on the next working
day; N个工作日 is the N-th working day after the anchor; counting back is not moved; a
span (restriction, window, not_before, presumed, retention) ends where it ends, moved or
not.

Each clause is asked as `gongkai deadline CLAUSE --from ANCHOR --format json` and classed,
worst first:
  wrong_date   a date given for a period of the text that is not its date (a period
               that runs from another event dated from --from is a wrong date)
  wrong_sense  a due date given for something that is not a deadline (a ban, a
               condition, a penalty, an age), or a deadline where the text has a span
  partial      a period the text dates is missing from the answer
  refused      an error, although the clause has a datable period
  right        every datable period right, nothing else dated as due
A wrong or partial verdict is "silent" unless the answer carries a warning of doubt: a
note that a rest day moved the date, that a time was taken as 00:00, or that some other
number was not read is information, not a doubt about the date given.

    python -m tests.law_audit 1        # sample 1: one line per clause not right, totals
    python -m tests.law_audit 2 --subprocess   # through the installed `gongkai` command
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import chinese_calendar
import yaml
from dateutil.relativedelta import relativedelta

HERE = Path(__file__).parent / "fixtures" / "law-audit"
DATED = {"deadline", "extension", "not_before", "presumed", "window", "restriction", "retention"}
DUE = {"deadline", "extension", "not_before", "window"}
UNITS = {
    "日": {"days", "calendar_days"},
    "工作日": {"workdays"},
    "月": {"months"},
    "年": {"years"},
    "时": {"hours"},
}
KNOWN_KINDS = set().union(*UNITS.values())
ALIASES = {"minimum": "not_before", "earliest": "not_before", "span": "restriction", "ban": "restriction"}
INFORMATIONAL = re.compile("顺延|是休息日|调休|不移动|未移动|不顺延|未读作期限|00:00")

Answer = tuple[int, dict[str, Any] | None, str]


class Verdict(NamedTuple):
    id: str
    verdict: str
    doubted: bool
    why: str
    clause: str

    @property
    def silent(self) -> bool:
        return self.verdict in ("wrong_date", "wrong_sense", "partial") and not self.doubted


def _workday(d: date) -> bool | None:
    try:
        return bool(chinese_calendar.is_workday(d))
    except NotImplementedError:
        return None


def _roll(d: date) -> date:
    for _ in range(40):
        if _workday(d) is not False:
            return d
        d += timedelta(days=1)
    return d


def _nth_workday(anchor: date, n: int, step: int) -> date:
    d, left = anchor, n
    while left:
        d += timedelta(days=step)
        if _workday(d) is not False:
            left -= 1
    return d


def _raw_end(anchor: date, n: int, unit: str, back: bool) -> date:
    sign = -1 if back else 1
    if unit == "日":
        return anchor + timedelta(days=sign * n)
    if unit == "月":
        return anchor + relativedelta(months=sign * n)
    if unit == "年":
        return anchor + relativedelta(years=sign * n)
    if unit == "时":
        return (datetime.combine(anchor, datetime.min.time()) + timedelta(hours=sign * n)).date()
    if unit == "工作日":
        return _nth_workday(anchor, n, sign)
    raise ValueError(unit)


def _allowed(p: dict[str, Any], anchor: date) -> set[date]:
    if "date" in p:
        return set(p["date"]) if isinstance(p["date"], list) else {p["date"]}
    n, unit, back, sense = p["n"], p["u"], bool(p.get("back")), p["s"]
    raw = _raw_end(anchor, n, unit, back)
    rolls = not back and unit in ("日", "月", "年")
    if sense in ("deadline", "extension"):
        out = {_roll(raw) if rolls else raw}
    elif back and (sense in ("window", "restriction") or "window" in p.get("ok", [])):
        out = {raw, anchor, anchor - timedelta(days=1)}
    else:
        out = {raw, _roll(raw)}
    if rolls and any(ok in ("deadline", "extension") for ok in p.get("ok", [])):
        out.add(_roll(raw))
    return out


def expected_periods(spec: list[dict[str, Any]], anchor: date) -> list[dict[str, Any]]:
    """The expected periods with the dates each may have ("dates", empty: no date)."""
    out: list[dict[str, Any]] = []
    previous: date | None = None
    for given in spec:
        p = dict(given)
        base = previous if p.get("prev") and previous else anchor
        datable = p["s"] in DATED or any(ok in DATED for ok in p.get("ok", []))
        waits = p.get("event") and not p.get("or_from")
        p["dates"] = set() if waits or not datable else _allowed(p, base)
        if p["dates"]:
            previous = max(p["dates"]) if p["s"] == "window" else min(p["dates"])
        out.append(p)
    return out


def _sense(g: dict[str, Any]) -> str:
    s = str(g.get("sense") or "deadline")
    s = ALIASES.get(s, s)
    return "extension" if s == "deadline" and g.get("extension") else s


def _compatible(p: dict[str, Any], got: str) -> bool:
    s = p["s"]
    if got == s or got in p.get("ok", []):
        return True
    if s == "extension" and got == "deadline":
        return True
    return s == "retention" and got in ("not_before", "restriction")


def _doubts(warnings: Any) -> bool:
    return any(not INFORMATIONAL.search(str(w)) for w in warnings or [])


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _candidates(expected: list[dict[str, Any]], used: set[int], g: dict[str, Any], day: date) -> list[int]:
    kind = str(g.get("kind") or "")
    same = [
        i
        for i, p in enumerate(expected)
        if i not in used
        and (
            ("date" in p and day in p["dates"])
            or (p.get("n") == g.get("n") and (kind not in KNOWN_KINDS or kind in UNITS[p["u"]]))
        )
    ]
    return same or [i for i, p in enumerate(expected) if i not in used and day in p["dates"]]


def judge(spec: list[dict[str, Any]], anchor: date, answer: Answer) -> tuple[str, bool, str]:
    """The verdict on one clause: (verdict, doubted, why)."""
    code, data, err = answer
    expected = expected_periods(spec, anchor)
    if code != 0 or data is None:
        if any(p["dates"] and p["s"] in DATED for p in expected):
            return "refused", False, err
        return "right", False, "nothing to date; refused: " + err
    periods = data.get("periods") or [data]
    top = _doubts(data.get("warnings"))
    used: set[int] = set()
    found: list[tuple[int, str, bool, str]] = []
    for g in periods:
        day = _day(g.get("deadline"))
        if day is None:
            continue
        got, doubted = _sense(g), _doubts(g.get("warnings")) or top
        label = f"{g.get('rule') or g.get('n')} -> {day} ({got})"
        cands = _candidates(expected, used, g, day)
        best = next((i for i in cands if _compatible(expected[i], got) and day in expected[i]["dates"]), None)
        if best is None:
            best = next((i for i in cands if _compatible(expected[i], got)), cands[0] if cands else None)
        if best is None:
            if got in DUE | {"presumed", "approximate"}:
                found.append((1, "wrong_sense", doubted, "dated, not a period of the text: " + label))
            continue
        used.add(best)
        p = expected[best]
        if not _compatible(p, got):
            if not (p["s"] in ("none", "condition") and got in ("restriction", "condition", "window")):
                found.append((1, "wrong_sense", doubted, f"{label}, expected {p['s']}"))
        elif p.get("event") and not p.get("or_from"):
            found.append((0, "wrong_date", doubted, f"{label}, expected no date (needs {p['event']})"))
        elif p["dates"] and day not in p["dates"]:
            want = sorted(d.isoformat() for d in p["dates"])
            found.append((0, "wrong_date", doubted, f"{label}, expected {want}"))
    for i, p in enumerate(expected):
        if p["dates"] and i not in used and p["s"] in DUE and not p.get("or_from"):
            doubted = top or any(_doubts(g.get("warnings")) for g in periods)
            found.append(
                (2, "partial", doubted, f"missing {p.get('n', p.get('date'))}{p.get('u', '')} {p['s']}")
            )
    if not found:
        return "right", False, ""
    _, verdict, doubted, why = min(found, key=lambda f: f[0])
    return verdict, doubted, why


def ask_subprocess(clause: str, anchor: date) -> Answer:
    proc = subprocess.run(
        ["gongkai", "deadline", clause, "--from", anchor.isoformat(), "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "GONGKAI_TODAY": anchor.isoformat()},
        check=False,
    )
    data = json.loads(proc.stdout) if proc.returncode == 0 and proc.stdout.strip() else None
    return proc.returncode, data, (proc.stderr.strip().splitlines() or [""])[0]


def ask_in_process(clause: str, anchor: date) -> Answer:
    from click.testing import CliRunner

    from gongkai_cli.cli import main

    result = CliRunner().invoke(
        main,
        ["deadline", clause, "--from", anchor.isoformat(), "--format", "json"],
        env={"GONGKAI_TODAY": anchor.isoformat()},
    )
    data = json.loads(result.stdout) if result.exit_code == 0 and result.stdout.strip() else None
    return result.exit_code, data, (result.stderr.strip().splitlines() or [""])[0]


def audit(number: int, ask: Callable[[str, date], Answer] = ask_in_process) -> list[Verdict]:
    sample = yaml.safe_load((HERE / f"sample-{number}.yaml").read_text(encoding="utf-8"))
    expected = yaml.safe_load((HERE / f"expected-{number}.yaml").read_text(encoding="utf-8"))
    anchor = expected["anchor"]
    out = []
    for c in sample["clauses"]:
        spec = expected["clauses"][c["id"].split("-")[-1]]
        out.append(Verdict(c["id"], *judge(spec, anchor, ask(c["clause"], anchor)), c["clause"]))
    return out


def report(rows: list[Verdict]) -> str:
    lines = []
    for r in rows:
        if r.verdict != "right":
            flag = "doubted" if r.doubted else "" if r.verdict == "refused" else "SILENT"
            lines.append(f"{r.id}  {r.verdict:<11} {flag:<7} {r.why}\n    {r.clause[:110]}")
    counts = Counter(r.verdict for r in rows)
    lines.append("")
    for v in ("right", "partial", "refused", "wrong_date", "wrong_sense"):
        lines.append(f"{v:<12} {counts.get(v, 0):>4}  {100 * counts.get(v, 0) / len(rows):5.1f}%")
    silent = sum(1 for r in rows if r.silent and r.verdict != "partial")
    partial = sum(1 for r in rows if r.silent and r.verdict == "partial")
    lines.append(
        f"silently wrong (wrong date or sense, no warning): {silent}; "
        f"partial without a warning: {partial}; clauses: {len(rows)}"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    which = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    ask = ask_subprocess if "--subprocess" in sys.argv else ask_in_process
    print(report(audit(which, ask)))
