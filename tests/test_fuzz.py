"""Fuzzing the readers: whatever text arrives, only the documented errors come out.

Each reader is fed arbitrary text and mutations of a valid input (characters inserted,
deleted, swapped, the text cut short). It may accept the input or raise a GongkaiError
(InputError, CoverageError); any other exception is a bug. These runs are kept small so
the file takes a few seconds in CI; ``bench/fuzz.py`` runs the same targets far longer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
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

FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
arbitrary = st.text(text_alphabet(), max_size=300)


@FAST
@given(arbitrary)
def test_phrase_parser_on_arbitrary_text(text: str) -> None:
    phrase_target(text)


@FAST
@given(st.sampled_from(PHRASE_SEEDS).flatmap(mutated))
def test_phrase_parser_on_mutated_phrases(text: str) -> None:
    phrase_target(text)


@FAST
@given(arbitrary)
def test_date_parser_on_arbitrary_text(text: str) -> None:
    date_target(text)


@FAST
@given(st.sampled_from(DATE_SEEDS).flatmap(mutated))
def test_date_parser_on_mutated_dates(text: str) -> None:
    date_target(text)


@FAST
@given(arbitrary)
def test_notice_importer_on_arbitrary_text(text: str) -> None:
    notice_target(text)


@settings(FAST, max_examples=40)
@given(mutated(NOTICE_SEED))
def test_notice_importer_on_mutated_notice(text: str) -> None:
    notice_target(text)


def _with_file(target: Callable[[Path], None], tmp_path: Path, data: str | bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    target(path)


@FAST
@given(st.one_of(arbitrary, st.binary(max_size=300)))
def test_plan_loader_on_arbitrary_input(tmp_path: Path, data: str | bytes) -> None:
    _with_file(plan_target, tmp_path, data)


@settings(FAST, max_examples=25)
@given(mutated(PLAN_SEED))
def test_plan_loader_on_mutated_plan(tmp_path: Path, text: str) -> None:
    _with_file(plan_target, tmp_path, text)


@FAST
@given(st.one_of(arbitrary, st.binary(max_size=300)))
def test_calendar_loader_on_arbitrary_input(tmp_path: Path, data: str | bytes) -> None:
    _with_file(calendar_target, tmp_path, data)


@FAST
@given(mutated(CALENDAR_SEED))
def test_calendar_loader_on_mutated_file(tmp_path: Path, text: str) -> None:
    _with_file(calendar_target, tmp_path, text)


@pytest.mark.parametrize("seed", PHRASE_SEEDS)
def test_every_phrase_seed_is_valid(seed: str) -> None:
    """The mutations start from inputs that are accepted, so they probe near valid ones."""
    from gongkai_cli.phrases.reader import parse_rule

    parse_rule(seed)


def test_the_file_seeds_are_valid(tmp_path: Path) -> None:
    from gongkai_cli.calendar.files import load_calendar_file
    from gongkai_cli.calendar.notice_import import parse_notice
    from gongkai_cli.plan.plan_file import load_plan

    assert parse_notice(NOTICE_SEED).year == 2016
    (tmp_path / "plan.yaml").write_text(PLAN_SEED, encoding="utf-8")
    assert load_plan(tmp_path / "plan.yaml").year == 2016
    (tmp_path / "cal.yaml").write_text(CALENDAR_SEED, encoding="utf-8")
    assert load_calendar_file(tmp_path / "cal.yaml").year == 2016
