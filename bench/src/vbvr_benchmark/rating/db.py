"""The ratings store: one SQLite file in WAL mode, an append-only history of ratings, durable before the reply.

Every write runs in its own ``BEGIN IMMEDIATE`` transaction on a connection with ``synchronous=FULL``
and is committed before the caller answers the rater, so a rating the page confirmed survives a
``kill -9`` of the server (and a power cut, as far as the disk keeps its promises). Each call opens its
own short-lived connection, so the web server's threads and several processes can share the file.

Nothing is ever updated or deleted: rating a video again adds a row. A rater's *latest* rating of a video
is the one that counts (:meth:`RatingStore.ratings`); every earlier one, with its comment, stays in
:meth:`RatingStore.history` and in the CSV export. A database of schema 1 (one row per rater × video) is
migrated in place on open. Simulated raters' rows carry ``rated_at = "simulated"`` (:attr:`Rating.simulated`).
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
SCHEMA_VERSION = "2"
SIMULATED = "simulated"  # the rated_at of a simulated rater's rows
_COLUMNS = ("rater", "model", "task_key", "sample_index", *SCALES, "comment", "rated_at")
_RATINGS_TABLE = f"""
CREATE TABLE IF NOT EXISTS {{name}} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rater TEXT NOT NULL,
    model TEXT NOT NULL,
    task_key TEXT NOT NULL,
    sample_index INTEGER NOT NULL,
    {", ".join(f"{scale} INTEGER NOT NULL CHECK ({scale} BETWEEN {LOWEST} AND {HIGHEST})" for scale in SCALES)},
    comment TEXT NOT NULL DEFAULT '',
    rated_at TEXT NOT NULL
);
"""
_SCHEMA = ("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
           + _RATINGS_TABLE.format(name="ratings")
           + "CREATE INDEX IF NOT EXISTS ratings_by_video ON ratings (rater, model, task_key, sample_index, id);")
# The latest row of every rater × video: the ratings that count.
_LATEST = (f"SELECT {', '.join(_COLUMNS)} FROM ratings WHERE id IN (SELECT MAX(id) FROM ratings "
           "GROUP BY rater, model, task_key, sample_index)")


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

    @property
    def simulated(self) -> bool:
        """Whether a simulated rater (``vbvr-bench rate --simulate``) gave this rating, not a person."""
        return self.rated_at == SIMULATED


CSV_COLUMNS = tuple(column.name for column in fields(Rating))


class RatingStoreError(ValueError):
    """A file that cannot serve as the ratings database (names the file and the fix)."""


class RatingStore:
    """Ratings in the SQLite file ``path`` (created with its schema on first use)."""

    def __init__(self, path: str | Path):
        """Open (or create) the store; raises :class:`RatingStoreError` when ``path`` is not a ratings database."""
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise RatingStoreError(f"--db {self.path}: cannot create its folder ({error.strerror}). Fix: choose a "
                                   "path in a folder you can write") from None
        try:
            with self._connection() as connection:
                connection.execute("PRAGMA journal_mode=WAL")
                _migrate_schema_1(connection)
                connection.executescript(_SCHEMA)
                connection.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                found = connection.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise RatingStoreError(f"--db {self.path}: not a ratings database ({error}). Fix: give a new file name "
                                   "or the --db file of an earlier `vbvr-bench rate`") from None
        if found != SCHEMA_VERSION:
            raise RatingStoreError(f"--db {self.path}: ratings schema {found}, this vbvr-benchmark reads "
                                   f"{SCHEMA_VERSION}. Fix: use the vbvr-benchmark version that wrote it")

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
        """Append ``rating`` (stamped with the UTC time now); returns it once it is on disk."""
        stamped = Rating(**{**rating.__dict__, "rated_at": datetime.now(UTC).isoformat(timespec="microseconds")})
        self.save_many([stamped])
        return stamped

    def save_many(self, ratings: Sequence[Rating]) -> None:
        """Append ``ratings`` in one transaction, committed before returning (earlier rows are never touched)."""
        statement = f"INSERT INTO ratings ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.executemany(statement, [astuple(rating) for rating in ratings])
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def ratings(self, rater: str | None = None) -> list[Rating]:
        """The ratings that count: the latest of every rater × video (or only ``rater``'s), ordered by rater,
        model, task, index."""
        query = _LATEST + (" AND rater = ?" if rater is not None else "")
        with self._connection() as connection:
            rows = connection.execute(query + " ORDER BY rater, model, task_key, sample_index",
                                      () if rater is None else (rater,)).fetchall()
        return [Rating(*row) for row in rows]

    def history(self) -> list[Rating]:
        """Every rating ever saved, re-ratings included, in the order they were saved."""
        with self._connection() as connection:
            rows = connection.execute(f"SELECT {', '.join(_COLUMNS)} FROM ratings ORDER BY id").fetchall()
        return [Rating(*row) for row in rows]

    def times_rated(self, rater: str, model: str, key: str, index: int) -> int:
        """How many ratings ``rater`` has saved for one video (2 or more: it was re-rated)."""
        with self._connection() as connection:
            row = connection.execute("SELECT COUNT(*) FROM ratings WHERE rater = ? AND model = ? AND task_key = ? "
                                     "AND sample_index = ?", (rater, model, key, index)).fetchone()
        return int(row[0])

    def rated(self, rater: str) -> set[tuple[str, str, int]]:
        """(model, task key, index) of every video ``rater`` has rated."""
        with self._connection() as connection:
            rows = connection.execute("SELECT model, task_key, sample_index FROM ratings WHERE rater = ?",
                                      (rater,)).fetchall()
        return {(model, key, int(index)) for model, key, index in rows}

    def latest(self, rater: str) -> Rating | None:
        """``rater``'s most recently submitted rating, or None."""
        with self._connection() as connection:
            row = connection.execute(f"SELECT {', '.join(_COLUMNS)} FROM ratings WHERE rater = ? ORDER BY id DESC "
                                     "LIMIT 1", (rater,)).fetchone()
        return Rating(*row) if row else None

    def export_csv(self, dest: str | Path) -> int:
        """Write the whole history to the CSV file ``dest`` in saving order (header = :data:`CSV_COLUMNS`; a
        later row of the same rater and video supersedes an earlier one); returns the row count."""
        ratings = self.history()
        with open(dest, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(CSV_COLUMNS)
            writer.writerows(astuple(rating) for rating in ratings)
        return len(ratings)


def _migrate_schema_1(connection: sqlite3.Connection) -> None:
    """Turn a schema-1 store (one row per rater × video) into the append-only history, in one transaction."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        return
    version = connection.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    if version is None or version[0] != "1":
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute(_RATINGS_TABLE.format(name="ratings_history"))
        connection.execute(f"INSERT INTO ratings_history ({', '.join(_COLUMNS)}) SELECT {', '.join(_COLUMNS)} "
                           "FROM ratings ORDER BY rated_at")
        connection.execute("DROP TABLE ratings")
        connection.execute("ALTER TABLE ratings_history RENAME TO ratings")
        connection.execute("UPDATE meta SET value = ? WHERE name = 'schema'", (SCHEMA_VERSION,))
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
