"""How well the installed gongkai reads real deadline phrases: the issue 12 acceptance corpus.

Run by hand, not in the test suite:

    python bench/phrase_corpus.py                 # counts, then every wrong and refused entry
    python bench/phrase_corpus.py --list wrong    # only the wrong ones
    python bench/phrase_corpus.py --form extension --list all

Every entry of tests/fixtures/phrases/real-phrases.yaml (see the README there) is run as

    gongkai deadline TEXT --from ANCHOR [--law LAW] --format json

one subprocess per entry, and classified:

- right:   every expected period answered, in order, with the expected day (and, for a
           minimum period, marked as an earliest day); for `expected: []`, refused (exit 3)
           or answered with no date;
- refused: no answer (non-zero exit, or no date where one was expected);
- wrong:   a date that differs from the expectation, a missing or extra period, a minimum
           period not marked as an earliest day, or a date where none should be.

Counts are printed separately for phrases (`clause: false`) and whole clauses, and by form.

Assumptions about the JSON (adapt `answers()` if the schema differs):
- one period: a JSON object whose `deadline` key holds "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM"
  for hours; only the date part is compared unless the expectation carries a time), or null
  for an open-ended rule;
- several periods: a list of such objects under one of the keys `periods`, `answers`,
  `results`, `deadlines` (or the JSON document itself is a list); the top-level `deadline`
  is then ignored;
- an earliest ("not before") day is recognised when an answer's `sense` (gongkai's key,
  docs/plan-format.md), `kind`, `type` or `role` value
  contains "earliest", "minimum", "not_before" or "min", or a key `earliest` / `not_before` is
  true.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "phrases" / "real-phrases.yaml"
LIST_KEYS = ("periods", "answers", "results", "deadlines")
EARLIEST_WORDS = ("earliest", "minimum", "not_before", "min")


@dataclass
class Outcome:
    entry: dict[str, Any]
    verdict: str  # "right" | "refused" | "wrong"
    reason: str
    got: list[dict[str, Any]]


def answers(doc: Any) -> list[dict[str, Any]]:
    """The answers in gongkai's JSON output, one per period, in order."""
    if isinstance(doc, list):
        return [a for a in doc if isinstance(a, dict)]
    if isinstance(doc, dict):
        for key in LIST_KEYS:
            value = doc.get(key)
            if isinstance(value, list) and value and all(isinstance(a, dict) for a in value):
                return value
        return [doc]
    return []


def is_earliest(answer: dict[str, Any]) -> bool:
    for key in ("sense", "kind", "type", "role"):  # gongkai: "sense": "earliest"
        value = answer.get(key)
        if isinstance(value, str) and any(word in value.lower() for word in EARLIEST_WORDS):
            return True
    return bool(answer.get("earliest") or answer.get("not_before"))


def same_day(expected: str, got: Any) -> bool:
    if not isinstance(got, str):
        return False
    if "T" in expected:
        return got == expected
    return got[:10] == expected


def run(gongkai: list[str], entry: dict[str, Any], today: str) -> tuple[int, str, str]:
    cmd = [*gongkai, "deadline", entry["text"], "--from", str(entry["anchor"]), "--format", "json"]
    if entry.get("law"):
        cmd += ["--law", entry["law"]]
    env = {**os.environ, "GONGKAI_TODAY": today, "NO_COLOR": "1"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, check=False)
    return proc.returncode, proc.stdout, proc.stderr


def classify(entry: dict[str, Any], code: int, out: str, err: str) -> Outcome:
    expected: list[dict[str, Any]] = entry.get("expected") or []
    lines = [line.strip() for line in err.strip().splitlines() if line.strip()]
    message = next((line for line in lines if "Error" in line or "错误" in line), lines[0] if lines else "")
    if code != 0:
        if not expected:
            return Outcome(entry, "right", f"refused as expected (exit {code})", [])
        return Outcome(entry, "refused", f"exit {code}: {message}", [])
    try:
        got = answers(json.loads(out))
    except json.JSONDecodeError:
        return Outcome(entry, "wrong", f"exit 0 but output is not JSON: {out[:80]!r}", [])
    dated = [a for a in got if a.get("deadline")]
    if not expected:
        if not dated:
            return Outcome(entry, "right", "no date, as expected", got)
        return Outcome(entry, "wrong", "a date where the text holds no period", got)
    if not dated:
        return Outcome(entry, "refused", "answered without a date", got)
    if len(dated) != len(expected):
        return Outcome(entry, "wrong", f"{len(dated)} period(s) answered, {len(expected)} expected", got)
    for i, (want, have) in enumerate(zip(expected, dated, strict=True), 1):
        if not same_day(str(want["deadline"]), have.get("deadline")):
            return Outcome(entry, "wrong", f"period {i}: expected {want['deadline']}", got)
        if want.get("kind") == "earliest" and not is_earliest(have):
            return Outcome(entry, "wrong", f"period {i}: not marked as an earliest day", got)
    return Outcome(entry, "right", "", got)


def show(outcome: Outcome) -> str:
    entry = outcome.entry
    text = entry["text"] if len(entry["text"]) <= 48 else entry["text"][:47] + "…"
    law = f" --law {entry['law']}" if entry.get("law") else ""
    want = ", ".join(str(e["deadline"]) for e in entry.get("expected") or []) or "(none)"
    have = ", ".join(str(a.get("deadline")) for a in outcome.got) or "-"
    return (
        f"  {entry['id']} [{entry['form']}] {text}\n"
        f"      --from {entry['anchor']}{law}; expected {want}; got {have}; {outcome.reason}"
    )


def table(outcomes: list[Outcome], key: str) -> list[str]:
    groups: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for o in outcomes:
        groups[str(o.entry.get(key))][o.verdict] += 1
    width = max(len(k) for k in groups) if groups else 4
    lines = [f"  {key:<{width}}  total  right  refused  wrong"]
    for name in sorted(groups, key=lambda k: (-sum(groups[k].values()), k)):
        c = groups[name]
        lines.append(
            f"  {name:<{width}}  {sum(c.values()):>5}  {c['right']:>5}  {c['refused']:>7}  {c['wrong']:>5}"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--gongkai", default="gongkai", help="command to run (default: gongkai on PATH)")
    parser.add_argument("--form", help="only entries of this form")
    parser.add_argument("--list", choices=["wrong", "refused", "problems", "all", "none"], default="problems")
    parser.add_argument("--today", default="2026-11-26", help="pinned GONGKAI_TODAY for every run")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()

    exe = shutil.which(args.gongkai.split()[0])
    if exe is None:
        print(f"phrase_corpus: 找不到命令 {args.gongkai}（先 pip install -e .）", file=sys.stderr)
        return 2
    gongkai = [exe, *args.gongkai.split()[1:]]
    entries: list[dict[str, Any]] = yaml.safe_load(args.corpus.read_text(encoding="utf-8"))
    if args.form:
        entries = [e for e in entries if e["form"] == args.form]

    def one(entry: dict[str, Any]) -> Outcome:
        return classify(entry, *run(gongkai, entry, args.today))

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outcomes = list(pool.map(one, entries))

    version = subprocess.run([*gongkai, "--version"], capture_output=True, text=True, check=False)
    print(f"{args.corpus.name}: {len(outcomes)} entries; {version.stdout.strip() or exe}")
    for label, part in (
        ("phrases", [o for o in outcomes if not o.entry["clause"]]),
        ("whole clauses", [o for o in outcomes if o.entry["clause"]]),
        ("all", outcomes),
    ):
        c = collections.Counter(o.verdict for o in part)
        print(
            f"{label:>14}: {len(part):>4} entries  right {c['right']:>4}  "
            f"refused {c['refused']:>4}  wrong {c['wrong']:>4}"
        )
    with_law = [o for o in outcomes if o.entry.get("law")]
    c = collections.Counter(o.verdict for o in with_law)
    print(
        f"{'with --law':>14}: {len(with_law):>4} entries  right {c['right']:>4}  "
        f"refused {c['refused']:>4}  wrong {c['wrong']:>4}"
    )
    print("\nby form:")
    print("\n".join(table(outcomes, "form")))

    wanted = {
        "wrong": {"wrong"},
        "refused": {"refused"},
        "problems": {"wrong", "refused"},
        "all": {"wrong", "refused", "right"},
        "none": set(),
    }[args.list]
    for verdict in ("wrong", "refused", "right"):
        chosen = [o for o in outcomes if o.verdict == verdict and verdict in wanted]
        if chosen:
            print(f"\n{verdict} ({len(chosen)}):")
            print("\n".join(show(o) for o in chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
