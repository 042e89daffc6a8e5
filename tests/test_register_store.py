"""The register file: append-only (triggers), versioned (user_version), and safe with
many writers at once (30 `request add` processes against one file)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Run


@pytest.fixture
def register(tmp_path: Path, gongkai: Run) -> Path:
    path = tmp_path / "r.sqlite3"
    for args in (
        ("add", "--id", "A", "--received", "2024-09-20"),
        ("pause", "A", "--reason", "补正", "--date", "2024-09-25"),
    ):
        assert gongkai("request", *args, "--register", str(path)).exit_code == 0
    return path


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE events SET day = '2024-09-21'",
        "DELETE FROM events",
        "UPDATE requests SET applicant = '其他'",
        "DELETE FROM requests",
    ],
)
def test_history_is_append_only(register: Path, statement: str) -> None:
    with sqlite3.connect(register) as db:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(statement)
        assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_schema_is_versioned_and_in_wal_mode(register: Path) -> None:
    with sqlite3.connect(register) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {
            r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        }
    assert {"requests", "events", "events_no_update", "events_no_delete"} <= tables


def test_an_old_file_is_migrated(tmp_path: Path, gongkai: Run) -> None:
    """A file at version 0 (an empty SQLite file) gets the schema on first use."""
    path = tmp_path / "old.sqlite3"
    sqlite3.connect(path).close()
    assert gongkai("request", "add", "--received", "2024-09-20", "--register", str(path)).exit_code == 0
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1


def test_thirty_adds_at_once_are_all_recorded(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite3"
    env = {**os.environ, "GONGKAI_REGISTER": str(path), "XDG_DATA_HOME": str(tmp_path / "data")}
    code = "import sys; from gongkai_cli.cli import main; main(sys.argv[1:], prog_name='gongkai')"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                code,
                "request",
                "add",
                "--received",
                "2024-09-20",
                "--subject",
                f"第{n}件",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(30)
    ]
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    for p in procs:
        for stream in (p.stdout, p.stderr):
            if stream:
                stream.close()
    assert [code for code, _ in outcomes] == [0] * 30, outcomes
    listing = subprocess.run(
        [sys.executable, "-c", code, "request", "list", "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    requests = json.loads(listing.stdout)["requests"]
    assert len(requests) == 30
    assert sorted(r["id"] for r in requests) == [f"2024-{n:04d}" for n in range(1, 31)]
    assert sorted(r["subject"] for r in requests) == sorted(f"第{n}件" for n in range(30))


def test_no_register_no_sqlite(tmp_path: Path) -> None:
    """Start-up (tests/test_startup.py): `due --week` without a register, and `deadline`,
    load neither sqlite3 nor the register's code."""
    from tests.test_startup import DEADLINE, WEEK, probe

    for args in (DEADLINE, WEEK):
        modules = probe(tmp_path, *args)["modules"]
        assert isinstance(modules, list)
        assert "sqlite3" not in modules and "_sqlite3" not in modules, args
        assert not [
            m for m in modules if m.startswith(("gongkai_cli.register", "gongkai_cli.render.register"))
        ]
