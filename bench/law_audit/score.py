"""Score gongkai's reading of a law sample against answers written before the run.

    python bench/law_audit/score.py bench/law_audit/sample-1.yaml bench/law_audit/expected-1.yaml [--json]

Each clause is asked as `gongkai deadline CLAUSE --from ANCHOR --format json` (the gongkai
on PATH). The expected dates are computed here, independently of gongkai, from the
expected periods (see the header of expected-1.yaml) with chinese_calendar.is_workday and
dateutil: N日/月/年 end N units after the anchor and, when that day is a rest day, on the
next working day; N个工作日 is the N-th working day after the anchor; counting back is not
moved; spans (restriction, window, not_before, presumed, retention) end where they end,
moved or not.

A clause is classed, worst first:
  wrong_date   a date given for a period of the text that is not its date
  wrong_sense  a due date given for something that is not a deadline (a ban, a condition,
               a penalty, an age), or a deadline where the text has a ban or span
  partial      a period the text dates is missing from the answer
  refused      gongkai exited with an error although the clause has a datable period
  right        every datable period right, nothing else dated as due
Each wrong or partial verdict is "silent" unless the answer carries a warning of doubt (a
note that a rest day moved the date, that a time of day was taken as 00:00, or that some
other number was not read is information, not a doubt about the date given).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar
import yaml
from dateutil.relativedelta import relativedelta

DATED = {"deadline", "extension", "not_before", "presumed", "window", "restriction", "retention"}
UNITS = {"日": {"days", "day", "calendar_days"}, "工作日": {"workdays", "workday"}, "月": {"months", "month"},
         "年": {"years", "year"}, "时": {"hours", "hour"}}
SENSE_ALIASES = {"minimum": "not_before", "earliest": "not_before", "not-before": "not_before", "span": "restriction", "ban": "restriction"}


def workday(d: date) -> bool | None:
    try:
        return bool(chinese_calendar.is_workday(d))
    except NotImplementedError:
        return None


def roll(d: date) -> date:
    for _ in range(40):
        if workday(d) is not False:
            return d
        d += timedelta(days=1)
    return d


def nth_workday(anchor: date, n: int, step: int) -> date:
    d, left = anchor, n
    while left:
        d += timedelta(days=step)
        if workday(d) is not False:
            left -= 1
    return d


def raw_end(anchor: date, n: int, u: str, back: bool) -> date:
    sign = -1 if back else 1
    if u == "日":
        return anchor + timedelta(days=sign * n)
    if u == "月":
        return anchor + relativedelta(months=sign * n)
    if u == "年":
        return anchor + relativedelta(years=sign * n)
    if u == "时":
        return (datetime.combine(anchor, datetime.min.time()) + timedelta(hours=sign * n)).date()
    if u == "工作日":
        return nth_workday(anchor, n, sign)
    raise ValueError(u)


def allowed_dates(p: dict[str, Any], anchor: date) -> set[date]:
    if "date" in p:
        return {p["date"]}
    n, u, back, s = p["n"], p["u"], bool(p.get("back")), p["s"]
    raw = raw_end(anchor, n, u, back)
    if s in ("deadline", "extension") and not back and u in ("日", "月", "年"):
        out = {roll(raw)}
    elif back and (s in ("window", "restriction") or "window" in p.get("ok", [])):
        out = {raw, anchor, anchor - timedelta(days=1)}
    elif s in ("deadline", "extension"):
        out = {raw}
    else:
        out = {raw, roll(raw)}
    for ok in p.get("ok", []):
        if ok in ("deadline", "extension") and not back and u in ("日", "月", "年"):
            out.add(roll(raw))
    return out


def expected_periods(spec: list[dict[str, Any]], anchor: date) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    previous: date | None = None
    for p in spec:
        p = dict(p)
        base = previous if p.get("prev") and previous else anchor
        datable = p["s"] in DATED or any(ok in DATED for ok in p.get("ok", []))
        p["dates"] = set() if p.get("event") or not datable else allowed_dates(p, base)
        if p["dates"]:
            previous = min(p["dates"]) if p["s"] != "window" else max(p["dates"])
            if p["s"] in ("deadline", "extension"):
                previous = next(iter(p["dates"]))
        out.append(p)
    return out


def sense_of(g: dict[str, Any]) -> str:
    s = str(g.get("sense") or "deadline")
    s = SENSE_ALIASES.get(s, s)
    if s == "deadline" and g.get("extension"):
        return "extension"
    return s


def compatible(p: dict[str, Any], got: str) -> bool:
    s = p["s"]
    if got == s or got in p.get("ok", []):
        return True
    if s == "extension" and got == "deadline":
        return True
    return s == "retention" and got in ("not_before", "restriction")


INFORMATIONAL = re.compile("顺延|是休息日|调休|不移动|未移动|不顺延|未读作期限|00:00")


def doubts(warnings: Any) -> bool:
    """A warning is a flag of doubt unless it only reports a rest-day move or non-move."""
    return any(not INFORMATIONAL.search(str(w)) for w in warnings or [])


def day_of(value: Any) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def run(clause: str, anchor: date) -> tuple[int, dict[str, Any] | None, str]:
    proc = subprocess.run(
        ["gongkai", "deadline", clause, "--from", anchor.isoformat(), "--format", "json"],
        capture_output=True, text=True, env={**__import__("os").environ, "GONGKAI_TODAY": "2024-09-27"},
    )
    data = json.loads(proc.stdout) if proc.returncode == 0 and proc.stdout.strip() else None
    return proc.returncode, data, (proc.stderr.strip().splitlines() or [""])[0]


def judge(spec: list[dict[str, Any]], anchor: date, code: int, data: dict[str, Any] | None, err: str) -> tuple[str, bool, str]:
    expected = expected_periods(spec, anchor)
    datable = [p for p in expected if p["dates"] and p["s"] in DATED]
    if code != 0 or data is None:
        if datable:
            return "refused", False, err
        return "right", False, "nothing to date; refused: " + err
    periods = data.get("periods") or [data]
    top_warned = doubts(data.get("warnings"))
    used: set[int] = set()
    worst: list[tuple[int, str, bool, str]] = []
    rank = {"wrong_date": 0, "wrong_sense": 1, "partial": 2, "right": 4}
    for g in periods:
        got_day = day_of(g.get("deadline"))
        if got_day is None:
            continue
        got = sense_of(g)
        warned = doubts(g.get("warnings")) or top_warned
        kind = str(g.get("kind") or "")
        cands = [i for i, p in enumerate(expected) if i not in used and (
            ("date" in p and got_day in p["dates"]) or (p.get("n") == g.get("n") and (not kind or kind in UNITS.get(p.get("u", ""), {kind}) or kind not in set().union(*UNITS.values()))))]
        if not cands:
            cands = [i for i, p in enumerate(expected) if i not in used and got_day in p["dates"]]
        best = None
        for i in cands:
            if compatible(expected[i], got) and got_day in expected[i]["dates"]:
                best = i
                break
        if best is None:
            for i in cands:
                if compatible(expected[i], got):
                    best = i
                    break
        if best is None and cands:
            best = cands[0]
        label = f"{g.get('rule') or g.get('n')} -> {got_day} ({got})"
        if best is None:
            if got in ("deadline", "extension", "not_before", "approximate", "presumed"):
                worst.append((1, "wrong_sense", warned, "dated, not a period of the answer: " + label))
            continue
        used.add(best)
        p = expected[best]
        if not compatible(p, got):
            if p["s"] in ("none", "condition") and got in ("restriction", "condition", "window"):
                continue
            worst.append((1, "wrong_sense", warned, f"{label}, expected {p['s']}"))
        elif p.get("event"):
            worst.append((0, "wrong_date", warned, f"{label}, expected no date (needs {p['event']})"))
        elif p["dates"] and got_day not in p["dates"]:
            worst.append((0, "wrong_date", warned, f"{label}, expected {sorted(d.isoformat() for d in p['dates'])}"))
    for i, p in enumerate(expected):
        if p["dates"] and i not in used and p["s"] in ("deadline", "extension", "not_before", "window"):
            worst.append((2, "partial", top_warned or any(doubts(g.get("warnings")) for g in periods),
                          f"missing {p.get('n', p.get('date'))}{p.get('u', '')} {p['s']}"))
    if not worst:
        return "right", False, ""
    worst.sort(key=lambda w: w[0])
    r, verdict, warned, why = worst[0]
    return verdict, warned, why


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sample", type=Path)
    parser.add_argument("expected", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sample = yaml.safe_load(args.sample.read_text(encoding="utf-8"))
    exp = yaml.safe_load(args.expected.read_text(encoding="utf-8"))
    anchor = exp["anchor"]
    rows = []
    for c in sample["clauses"]:
        key = c["id"].split("-")[-1]
        code, data, err = run(c["clause"], anchor)
        verdict, warned, why = judge(exp["clauses"][key], anchor, code, data, err)
        rows.append({"id": c["id"], "verdict": verdict, "warned": warned, "why": why, "clause": c["clause"]})
    counts = Counter(r["verdict"] for r in rows)
    silent = sum(1 for r in rows if r["verdict"] in ("wrong_date", "wrong_sense") and not r["warned"])
    silent_partial = sum(1 for r in rows if r["verdict"] == "partial" and not r["warned"])
    if args.json:
        json.dump({"rows": rows, "counts": counts, "silently_wrong": silent}, sys.stdout, ensure_ascii=False, indent=1)
        return
    for r in rows:
        if r["verdict"] != "right":
            flag = "flagged" if r["warned"] else "" if r["verdict"] == "refused" else "SILENT"
            print(f"{r['id']}  {r['verdict']:<11} {flag:<7} {r['why']}\n    {r['clause'][:110]}")
    n = len(rows)
    print()
    for v in ("right", "partial", "refused", "wrong_date", "wrong_sense"):
        print(f"{v:<12} {counts.get(v, 0):>4}  {100 * counts.get(v, 0) / n:5.1f}%")
    print(f"silently wrong (wrong date or sense, no warning): {silent}; partial without a warning: {silent_partial}; clauses: {n}")


if __name__ == "__main__":
    main()
