"""The long fuzz run: the targets of tests/test_fuzz.py with many more examples.

Run by hand, not in the test suite (it takes minutes):

    pip install '.[test]' && python bench/fuzz.py            # 20,000 examples a target
    python bench/fuzz.py --examples 100000 --only phrase date

Each reader gets arbitrary text and mutations of a valid input (tests/fuzz_targets.py).
An exception that is not a GongkaiError is a failure: it is recorded, not raised, so the
run goes on; failures are grouped by exception type and the place in gongkai_cli where
it was raised, each with the shortest input that raised it. It prints, per target, the
inputs tried and the distinct failures found, and exits 1 when there were any.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.fuzz_targets

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_targets import (
    CALENDAR_SEED,
    DATE_SEEDS,
    NOTICE_SEED,
    PHRASE_SEEDS,
    PLAN_SEED,
    calendar_target,
    date_target,
    mutated,
    notice_target,
    phrase_target,
    plan_target,
    text_alphabet,
)


@dataclass
class Tally:
    tried: int = 0
    failures: dict[str, str] = field(default_factory=dict)  # where → shortest input


def _where(error: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "gongkai_cli" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(error.__traceback__)[-1]
    return f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno} ({frame.name})"


def _run(
    name: str, strategy: st.SearchStrategy[str | bytes], target: Callable[[str | bytes], None], examples: int
) -> Tally:
    tally = Tally()

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def fuzz(data: str | bytes) -> None:
        tally.tried += 1
        try:
            target(data)
        except Exception as error:  # a failure: record it and go on
            where = _where(error)
            shown = repr(data)
            if where not in tally.failures or len(shown) < len(tally.failures[where]):
                tally.failures[where] = shown

    fuzz()
    return tally


def _file_target(target: Callable[[Path], None], folder: Path) -> Callable[[str | bytes], None]:
    path = folder / "fuzz.yaml"

    def run(data: str | bytes) -> None:
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        target(path)

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000, help="examples per target and input kind")
    parser.add_argument("--only", nargs="*", help="targets to run: phrase date notice plan calendar")
    args = parser.parse_args()

    text = st.text(text_alphabet(), max_size=400)
    binary = st.one_of(text, st.binary(max_size=400))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan = _file_target(plan_target, folder)  # type: ignore[arg-type]
        calendar = _file_target(calendar_target, folder)  # type: ignore[arg-type]
        runs: list[tuple[str, str, st.SearchStrategy[str | bytes], Callable[[str | bytes], None]]] = [
            ("phrase", "arbitrary text", text, phrase_target),  # type: ignore[list-item]
            ("phrase", "mutated phrases", st.sampled_from(PHRASE_SEEDS).flatmap(mutated), phrase_target),  # type: ignore[list-item]
            ("date", "arbitrary text", text, date_target),  # type: ignore[list-item]
            ("date", "mutated dates", st.sampled_from(DATE_SEEDS).flatmap(mutated), date_target),  # type: ignore[list-item]
            ("notice", "arbitrary text", text, notice_target),  # type: ignore[list-item]
            ("notice", "mutated 2016 notice", mutated(NOTICE_SEED), notice_target),  # type: ignore[list-item]
            ("plan", "arbitrary text or bytes", binary, plan),
            ("plan", "mutated 2016 plan", mutated(PLAN_SEED), plan),  # type: ignore[arg-type]
            ("calendar", "arbitrary text or bytes", binary, calendar),
            ("calendar", "mutated calendar file", mutated(CALENDAR_SEED), calendar),  # type: ignore[arg-type]
        ]
        total = 0
        print(f"{'target':<10}{'inputs':<26}{'tried':>9}{'failures':>10}{'seconds':>9}")
        for name, kind, strategy, target in runs:
            if args.only and name not in args.only:
                continue
            start = time.perf_counter()
            tally = _run(name, strategy, target, args.examples)
            seconds = time.perf_counter() - start
            print(f"{name:<10}{kind:<26}{tally.tried:>9}{len(tally.failures):>10}{seconds:>9.1f}", flush=True)
            for where, shown in sorted(tally.failures.items()):
                print(f"    {where}: {shown[:200]}")
            total += len(tally.failures)
    print(f"\n{total} distinct failures")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
