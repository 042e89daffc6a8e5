"""The acceptance corpus of issue 12: 355 real phrases and whole clauses, each read right
or refused, never wrong (tests/fixtures/phrases/README.md says where each comes from and
how its expected dates were computed, without gongkai).

In process, through the same reader and resolver as ``gongkai deadline``; the CLI over
the same file is measured by bench/phrase_corpus.py.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.errors import InputError
from gongkai_cli.phrases.clause import read_clause, resolve_clause
from gongkai_cli.phrases.dates import parse_datetime
from gongkai_cli.phrases.resolve import Options
from gongkai_cli.phrases.statutes import find_statute

CORPUS = Path(__file__).parent / "fixtures" / "phrases" / "real-phrases.yaml"
ENTRIES: list[dict[str, Any]] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
CAL = WorkCalendar.default()
# Entries the reader refuses today (allowed: refused is not wrong). Empty: every entry reads.
KNOWN_REFUSED: set[str] = set()
# Clauses of several periods where the reader answers fewer and says which number it did
# not read ("…处的数目未读作期限"): not silent, but not read right. Empty: none today (p288
# and p290, a copula 则为 / 为 before a period's end, were until the reader cut there).
KNOWN_PARTIAL: set[str] = set()


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()


def verdict(entry: dict[str, Any]) -> tuple[str, str]:
    """("right" | "refused" | "wrong", why), as bench/phrase_corpus.py classifies."""
    expected: list[dict[str, Any]] = entry.get("expected") or []
    options = Options(law=find_statute(entry["law"])) if entry.get("law") else Options()
    try:
        clause = read_clause(entry["text"])
        results = resolve_clause(clause, parse_datetime(str(entry["anchor"])), CAL, options)
    except InputError as error:
        return ("right" if not expected else "refused"), error.message
    dated = [r for r in results if r.deadline is not None]
    if not expected:
        return ("right", "no date") if not dated else ("wrong", "a date where the text holds none")
    if len(dated) != len(expected):
        said = any("未读作期限" in str(w) for r in results for w in r.warnings)
        verdict = "partial" if len(dated) < len(expected) and said else "wrong"
        return verdict, f"{len(dated)} periods answered, {len(expected)} expected"
    for want, have in zip(expected, dated, strict=True):
        got = iso(have.deadline) or ""
        day = str(want["deadline"])
        if (got if "T" in day else got[:10]) != day:
            return "wrong", f"expected {day}, got {got}"
        if (want.get("kind") == "earliest") != (have.sense == "earliest"):
            return "wrong", f"{day}: earliest day marked {have.sense}"
    return "right", ""


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_entry_is_never_wrong(entry: dict[str, Any]) -> None:
    outcome, why = verdict(entry)
    assert outcome != "wrong", f"{entry['id']} {entry['text']} (--from {entry['anchor']}): {why}"
    assert (outcome == "refused") == (entry["id"] in KNOWN_REFUSED), why
    assert (outcome == "partial") == (entry["id"] in KNOWN_PARTIAL), why


def test_corpus_counts() -> None:
    """At least 150 real phrases, whole clauses among them, every one read right."""
    counts = Counter((entry.get("clause", False), verdict(entry)[0]) for entry in ENTRIES)
    assert len(ENTRIES) >= 150
    assert counts[(True, "wrong")] == counts[(False, "wrong")] == 0
    right = counts[(True, "right")] + counts[(False, "right")]
    assert right == len(ENTRIES) - len(KNOWN_REFUSED) - len(KNOWN_PARTIAL)
    assert counts[(True, "right")] >= 200
