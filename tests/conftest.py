"""Shared fixtures: the real CLI through Click's runner, configured by environment only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.cli import main

FIXTURES = Path(__file__).parent / "fixtures"

Run = Callable[..., Result]


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
