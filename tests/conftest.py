"""Shared fixtures: the real CLI through Click's runner, configured by environment only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from gongkai_cli.calendar.workdays import WorkCalendar, YearData
from gongkai_cli.cli import main

FIXTURES = Path(__file__).parent / "fixtures"

Run = Callable[..., Result]

# Properties are checked for what they state, not for speed: hypothesis's 200 ms deadline per
# example failed on a loaded two-core machine (a drafting property took 278 ms once, 111 ms
# the next). Speed has its own measured tests (test_perf*.py, test_startup.py).
settings.register_profile("gongkai", deadline=None)
settings.load_profile("gongkai")


# The built-in years the tests rely on. chinese-calendar releases add years (1.11 knows
# 2004-2026); the tests must give the same results whichever release is installed, so
# every test sees exactly these years, and a test that wants another year builds it.
LAST_BUILTIN_YEAR = 2026


@pytest.fixture(scope="session", autouse=True)
def builtin_years_to_2026() -> Iterator[None]:
    """Built-in years limited to 2004-2026, whatever chinese-calendar release is installed."""
    from gongkai_cli.calendar import builtin

    limited = tuple(y for y in builtin.builtin_years() if y.year <= LAST_BUILTIN_YEAR)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builtin, "builtin_years", lambda: limited)
        yield


@pytest.fixture
def newer_chinese_calendar(monkeypatch: pytest.MonkeyPatch) -> YearData:
    """Simulates a chinese-calendar release that knows one more year (2027): a built-in
    year with the release's own source label. Its days are the statutory holidays of 2027
    with one made-up 调休 Saturday (2027-02-20), marked published, not provisional."""
    from datetime import date

    from gongkai_cli.calendar import builtin
    from gongkai_cli.calendar.provisional import statutory_year

    years = builtin.builtin_years()
    extra = statutory_year(LAST_BUILTIN_YEAR + 1)._replace(
        makeup_workdays={date(2027, 2, 20): "春节"},
        source=years[-1].source,
        provisional=False,
    )
    monkeypatch.setattr(builtin, "builtin_years", lambda: (*years, extra))
    return extra


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No GONGKAI_* variable or user calendar from the machine leaks into a test."""
    import os

    for key in list(os.environ):
        if key.startswith("GONGKAI_") or key == "NO_COLOR":
            monkeypatch.delenv(key)
    home = tmp_path_factory.mktemp("home")  # apart from the test's own tmp_path
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))  # the default register


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def gongkai(runner: CliRunner) -> Run:
    """Run the real command: gongkai("deadline", "3", "--from", "2016-09-30")."""

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(main, list(args), input=input, env=env, prog_name="gongkai")

    return run


@pytest.fixture(scope="session")
def cal() -> WorkCalendar:
    return WorkCalendar.default()


def bundled_plan_for(year: int, path: Path) -> Path:
    """The bundled 2016 plan moved to ``year`` (as ``gongkai plan new --from-bundled``
    writes it: render.skeleton.moved_bundled), written to ``path``."""
    from gongkai_cli.render.skeleton import moved_bundled

    path.write_text(moved_bundled(year), encoding="utf-8")
    return path
