"""The register file: SQLite (Python's sqlite3), one file, safe with several writers.

- WAL journal, ``PRAGMA busy_timeout``, and ``BEGIN IMMEDIATE`` for every write: writers
  queue for the lock instead of failing, readers never block them.
- A versioned schema: ``PRAGMA user_version`` says which migrations have run; each
  migration runs once, inside the write transaction that checks the version.
- The history is append-only: triggers refuse (RAISE(ABORT)) any UPDATE or DELETE of
  an event or a request, so nothing recorded is ever overwritten.

docs/register.md documents the tables. Imported only by the register commands (and by
``due`` when a register is there): sqlite3 costs start-up time.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import cast

from ..errors import InputError
from ..files.folders import data_folder
from .counting import Event, HistoryError, Request

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 60_000

MIGRATIONS: tuple[str, ...] = (
    # 1: requests and their append-only events.
    """
    CREATE TABLE requests (
        id        TEXT PRIMARY KEY,
        applicant TEXT NOT NULL,
        channel   TEXT NOT NULL,
        subject   TEXT NOT NULL DEFAULT '',
        recorded  TEXT NOT NULL
    );
    CREATE TABLE events (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES requests(id),
        kind       TEXT NOT NULL
                   CHECK (kind IN ('received','pause','resume','extend','reply','abandon')),
        day        TEXT NOT NULL,
        detail     TEXT,
        recorded   TEXT NOT NULL
    );
    CREATE INDEX events_by_request ON events (request_id, seq);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER requests_no_update BEFORE UPDATE ON requests
        BEGIN SELECT RAISE(ABORT, 'requests are append-only'); END;
    CREATE TRIGGER requests_no_delete BEFORE DELETE ON requests
        BEGIN SELECT RAISE(ABORT, 'requests are append-only'); END;
    """,
)
assert len(MIGRATIONS) == SCHEMA_VERSION


def default_path(env: Mapping[str, str]) -> str:
    """``$XDG_DATA_HOME/gongkai/register.sqlite3``, by default under ``~/.local/share``."""
    return os.path.join(data_folder(env), "register.sqlite3")


class Register:
    """One open register file. ``create``: make the file (and its folder) if missing;
    otherwise a missing file is an error."""

    def __init__(self, path: str, *, create: bool = False) -> None:
        self.path = path
        if not create and not os.path.exists(path):
            raise HistoryError("登记簿文件不存在", "create", where=path)
        try:
            if create:
                os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            self.db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise InputError(
                f"无法打开登记簿（{e}）：它不是 gongkai 的登记簿，或已损坏", where=path
            ) from None
        except OSError as e:
            raise InputError(f"无法建立登记簿：{e.strerror or e}", where=path) from None

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        version = self._version()
        if version > SCHEMA_VERSION:
            raise InputError(
                f"登记簿的结构版本为 {version}，高于本版 gongkai 所知的 {SCHEMA_VERSION}：请升级 gongkai",
                where=self.path,
            )
        if version == SCHEMA_VERSION:
            return
        with self.write():
            version = self._version()  # another process may have migrated meanwhile
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";\n"):
                    if statement.strip():
                        self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _version(self) -> int:
        row = self.db.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: the write lock is taken at once, so
        what is read inside it is what the write builds on); rolled back on any error."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- reading -------------------------------------------------------------------------

    def requests(self, *, open_only: bool = False, request_id: str | None = None) -> list[Request]:
        """Every request (or the open ones, or one) with its history, in order of receipt."""
        where, args = "", cast(tuple[str, ...], ())
        if request_id is not None:
            where, args = " WHERE id = ?", (request_id,)
        elif open_only:  # neither replied to nor abandoned: what the Monday list looks at
            where = " WHERE id NOT IN (SELECT request_id FROM events WHERE kind IN ('reply', 'abandon'))"
        heads = self.db.execute(
            f"SELECT id, applicant, channel, subject FROM requests{where}", args
        ).fetchall()
        events: dict[str, list[Event]] = {}
        query = (
            "SELECT request_id, kind, day, detail FROM events"
            f"{f' WHERE request_id IN (SELECT id FROM requests{where})' if where else ''} ORDER BY seq"
        )
        parse = date.fromisoformat
        for key, kind, day, detail in self.db.execute(query, args):
            events.setdefault(key, []).append(Event(kind, parse(day), detail))
        out = [Request(i, a, c, s, tuple(events.get(i, ()))) for i, a, c, s in heads]
        return sorted((r for r in out if r.events), key=lambda r: (r.received, r.id))

    def request(self, request_id: str) -> Request:
        found = self.requests(request_id=request_id)
        if not found:
            raise HistoryError(f"登记簿中没有编号为“{request_id}”的申请", "list", where=self.path)
        return found[0]

    # -- writing -------------------------------------------------------------------------

    def add(
        self,
        db: sqlite3.Connection,
        request_id: str | None,
        received: date,
        applicant: str,
        channel: str,
        subject: str,
    ) -> str:
        """Record a new request inside ``db``'s write transaction; the id, when not
        given, is the next free YYYY-NNNN of the year of receipt."""
        if request_id is None:
            request_id = self._next_id(db, received.year)
        elif db.execute("SELECT 1 FROM requests WHERE id = ?", (request_id,)).fetchone():
            raise HistoryError(f"登记簿中已有编号为“{request_id}”的申请", "id", where=self.path)
        now = _now()
        db.execute(
            "INSERT INTO requests (id, applicant, channel, subject, recorded) VALUES (?, ?, ?, ?, ?)",
            (request_id, applicant, channel, subject, now),
        )
        db.execute(
            "INSERT INTO events (request_id, kind, day, detail, recorded) VALUES (?, 'received', ?, NULL, ?)",
            (request_id, received.isoformat(), now),
        )
        return request_id

    def _next_id(self, db: sqlite3.Connection, year: int) -> str:
        prefix = f"{year}-"
        rows = db.execute("SELECT id FROM requests WHERE id LIKE ?", (prefix + "%",)).fetchall()
        numbers = [int(i[len(prefix) :]) for (i,) in rows if i[len(prefix) :].isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1:04d}"

    def append(self, db: sqlite3.Connection, request_id: str, event: Event) -> None:
        db.execute(
            "INSERT INTO events (request_id, kind, day, detail, recorded) VALUES (?, ?, ?, ?, ?)",
            (request_id, event.kind, event.day.isoformat(), event.detail, _now()),
        )

    def history(self, db: sqlite3.Connection, request_id: str) -> list[Event]:
        """The request's events as they stand inside the write transaction."""
        rows = db.execute(
            "SELECT kind, day, detail FROM events WHERE request_id = ? ORDER BY seq", (request_id,)
        ).fetchall()
        if not rows:
            raise HistoryError(f"登记簿中没有编号为“{request_id}”的申请", "list", where=self.path)
        return [Event(kind, date.fromisoformat(day), detail) for kind, day, detail in rows]


def _now() -> str:
    """When a row was written (UTC): the audit trail, never used in counting."""
    return datetime.now(UTC).isoformat(timespec="seconds")
