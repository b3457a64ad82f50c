"""The ratings store: one SQLite file in WAL mode, one row per rater × video, durable before the reply.

Every write runs in its own ``BEGIN IMMEDIATE`` transaction on a connection with ``synchronous=FULL``
and is committed before the caller answers the rater, so a rating the page confirmed survives a
``kill -9`` of the server (and a power cut, as far as the disk keeps its promises). Each call opens its
own short-lived connection, so the web server's threads and several processes can share the file.
Rating a video again replaces the rater's earlier row for it.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

SCALES = ("task_completion", "reasoning_logic", "visual_quality")
SCALE_LABELS = {"task_completion": "Task completion", "reasoning_logic": "Reasoning logic",
                "visual_quality": "Visual quality"}
LOWEST, HIGHEST = 1, 5
SCHEMA_VERSION = "1"

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ratings (
    rater TEXT NOT NULL,
    model TEXT NOT NULL,
    task_key TEXT NOT NULL,
    sample_index INTEGER NOT NULL,
    {", ".join(f"{scale} INTEGER NOT NULL CHECK ({scale} BETWEEN {LOWEST} AND {HIGHEST})" for scale in SCALES)},
    comment TEXT NOT NULL DEFAULT '',
    rated_at TEXT NOT NULL,
    PRIMARY KEY (rater, model, task_key, sample_index)
);
"""


@dataclass(frozen=True)
class Rating:
    """One rater's judgement of one video (the three scales are integers 1-5)."""

    rater: str
    model: str
    key: str
    index: int
    task_completion: int
    reasoning_logic: int
    visual_quality: int
    comment: str = ""
    rated_at: str = ""


CSV_COLUMNS = tuple(column.name for column in fields(Rating))


class RatingStoreError(ValueError):
    """A file that cannot serve as the ratings database (names the file and the fix)."""


class RatingStore:
    """Ratings in the SQLite file ``path`` (created with its schema on first use)."""

    def __init__(self, path: str | Path):
        """Open (or create) the store; raises :class:`RatingStoreError` when ``path`` is not a ratings database."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with self._connection() as connection:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.executescript(_SCHEMA)
                connection.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        except sqlite3.DatabaseError as error:
            raise RatingStoreError(f"--db {self.path}: not a ratings database ({error}). Fix: give a new file name "
                                   "or the --db file of an earlier `vbvr-bench rate`") from None

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        try:
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA busy_timeout=30000")
            yield connection
        finally:
            connection.close()

    def save(self, rating: Rating) -> Rating:
        """Insert or replace ``rating`` (stamped with the UTC time now); returns it once it is on disk."""
        stamped = Rating(**{**rating.__dict__, "rated_at": datetime.now(UTC).isoformat(timespec="microseconds")})
        self.save_many([stamped])
        return stamped

    def save_many(self, ratings: Sequence[Rating]) -> None:
        """Insert or replace ``ratings`` in one transaction, committed before returning."""
        columns = ", ".join(("rater", "model", "task_key", "sample_index", *SCALES, "comment", "rated_at"))
        updates = ", ".join(f"{name} = excluded.{name}" for name in (*SCALES, "comment", "rated_at"))
        statement = (f"INSERT INTO ratings ({columns}) VALUES ({', '.join('?' * len(CSV_COLUMNS))}) "
                     f"ON CONFLICT (rater, model, task_key, sample_index) DO UPDATE SET {updates}")
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.executemany(statement, [astuple(rating) for rating in ratings])
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def ratings(self, rater: str | None = None) -> list[Rating]:
        """Every rating (or ``rater``'s), ordered by rater, model, task, index."""
        query = "SELECT * FROM ratings" + (" WHERE rater = ?" if rater is not None else "")
        with self._connection() as connection:
            rows = connection.execute(query + " ORDER BY rater, model, task_key, sample_index",
                                      () if rater is None else (rater,)).fetchall()
        return [Rating(*row) for row in rows]

    def rated(self, rater: str) -> set[tuple[str, str, int]]:
        """(model, task key, index) of every video ``rater`` has rated."""
        with self._connection() as connection:
            rows = connection.execute("SELECT model, task_key, sample_index FROM ratings WHERE rater = ?",
                                      (rater,)).fetchall()
        return {(model, key, int(index)) for model, key, index in rows}

    def latest(self, rater: str) -> Rating | None:
        """``rater``'s most recently submitted rating, or None."""
        with self._connection() as connection:
            row = connection.execute("SELECT * FROM ratings WHERE rater = ? ORDER BY rated_at DESC LIMIT 1",
                                     (rater,)).fetchone()
        return Rating(*row) if row else None

    def export_csv(self, dest: str | Path) -> int:
        """Write every rating to the CSV file ``dest`` (header = :data:`CSV_COLUMNS`); returns the row count."""
        ratings = self.ratings()
        with open(dest, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(CSV_COLUMNS)
            writer.writerows(astuple(rating) for rating in ratings)
        return len(ratings)
