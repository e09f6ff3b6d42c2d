"""The run store's file and connection: created complete on first use, opened in WAL mode,
sealed under its key, transactions that wait for another writer, the journal's head in the key
file. ``RunStore`` (``runs.py``) builds on :class:`StoreFile`.
"""

from __future__ import annotations

import functools
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Self, TypeVar

from placement.domain.messages import Where, failure
from placement.privacy.keyfile import link_new
from placement.store import journal
from placement.store.problems import (
    check_file,
    damaged,
    guarded,
    is_busy,
    key_lost,
    key_wrong,
    locked,
    lost,
    missing,
    unsealed,
    unwritable,
    waiting,
)
from placement.store.schema import DEFAULT_STORE, SCHEMA, default_wait, now, rows_hash
from placement.store.secret import StoreKey, create_key, key_path_for, read_key

F = TypeVar("F", bound=Callable[..., Any])


def _guard(method: F) -> F:
    """SQLite errors inside a RunStore method become located PlacementErrors."""

    @functools.wraps(method)
    def wrapper(self: StoreFile, *args: Any, **kwargs: Any) -> Any:
        with guarded(self.path, self.wait):
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


class StoreFile:
    """One SQLite run store, keyed by a secret kept outside it (both created on first use).

    ``create=False``: a missing store is an error (reading commands) instead of a new store.
    ``wait``: seconds to wait for another process's lock (default ``default_wait()``);
    ``on_wait`` gets one line when waiting starts. ``key_path``: the key file (default
    ``key_path_for(path)``)."""

    def __init__(
        self,
        path: Path = DEFAULT_STORE,
        *,
        create: bool = True,
        wait: float | None = None,
        on_wait: Callable[[str], object] | None = None,
        key_path: Path | None = None,
    ) -> None:
        self.path = Path(path)
        self.key_path = Path(key_path) if key_path else key_path_for(self.path)
        self.wait = default_wait() if wait is None else wait
        self.on_wait = on_wait
        self._key: StoreKey | None = None
        if self.path.exists():
            check_file(self.path)
        else:
            self._create_file(create)
        with guarded(self.path, self.wait):
            self.conn = sqlite3.connect(self.path, timeout=self.wait, isolation_level=None)
        try:
            with guarded(self.path, self.wait):
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                had_journal = self._has_table("jurnal")
                self.conn.executescript(SCHEMA + journal.SCHEMA)
                self._add_missing_columns()
            self._seal_if_unkeyed(had_journal)
        except BaseException:
            self.conn.close()
            raise

    def _create_file(self, create: bool) -> None:
        """A new store, made complete beside the path and linked into place (never half-made);
        refused when the key file says this store held runs (it was lost, not new)."""
        key = read_key(self.key_path)
        if key is not None and key.head[0]:
            raise lost(self.path, self.key_path, key.head[0])
        if not create:
            raise missing(self.path)
        tmp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.baru")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with guarded(tmp, self.wait):
                con = sqlite3.connect(tmp)
                con.execute("PRAGMA journal_mode=WAL")
                con.executescript(SCHEMA + journal.SCHEMA)
                con.close()
            link_new(tmp, self.path)
        except FileExistsError:
            pass  # another process made it at the same moment: use that one
        except OSError as exc:
            raise unwritable(self.path, exc) from None
        finally:
            tmp.unlink(missing_ok=True)

    def _add_missing_columns(self) -> None:
        """Stores made before the hash columns existed get them (their runs stay unhashed)."""
        have = {row[1] for row in self.conn.execute("PRAGMA table_info(runs)")}
        for column in ("hash_rencana", "hash_persetujuan"):
            if column not in have:
                self.conn.execute(f"ALTER TABLE runs ADD COLUMN {column} TEXT")

    def _has_table(self, name: str) -> bool:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self.conn.execute(sql, (name,)).fetchone() is not None

    def _meta(self, name: str) -> str | None:
        row = self.conn.execute("SELECT nilai FROM penyimpanan WHERE nama = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    @_guard
    def _seal_if_unkeyed(self, had_journal: bool) -> None:
        """A new store, or one of an older version (no journal table), gets its key; the older
        version's runs are sealed into the journal (``catat-lama``/``setuju-lama``), recorded as
        such. A store with a journal but without its key's fingerprint was tampered with."""
        if self._meta("sidik_kunci") is not None:
            return
        key = read_key(self.key_path)
        has_runs = self.conn.execute("SELECT EXISTS (SELECT 1 FROM runs)").fetchone()[0]
        if key is not None and key.head[0]:
            raise key_wrong(self.path, self.key_path)  # a keyed store was replaced by another
        if had_journal and has_runs:
            raise unsealed(self.path)
        key = key or create_key(self.key_path, self.path)
        with self.transaction() as c:
            if self._meta("sidik_kunci") is None:
                ids = [int(r[0]) for r in c.execute("SELECT id FROM runs ORDER BY id")]
                when = now()
                for run_id in ids:
                    raw, plan_hash = self._raw(run_id), rows_hash(self._rows(run_id))
                    journal.append(
                        c,
                        key,
                        run_id,
                        journal.RECORDED_OLD,
                        journal.run_digest(raw, plan_hash),
                        when,
                    )
                    if raw["disetujui_pada"] is not None:
                        journal.append(
                            c,
                            key,
                            run_id,
                            journal.APPROVED_OLD,
                            journal.approval_digest(raw, plan_hash),
                            when,
                        )
                c.executemany(
                    "INSERT INTO penyimpanan VALUES (?, ?)",
                    [
                        ("sidik_kunci", key.fingerprint),
                        ("dikunci_pada", when),
                        ("run_versi_lama", str(len(ids))),
                    ],
                )
        self._key = key
        self._publish_head()

    def _secret(self) -> StoreKey:
        """The store's key (KUNCI_RIWAYAT_HILANG / _SALAH when missing or another store's)."""
        if self._key is None:
            key = read_key(self.key_path)
            if key is None:
                raise key_lost(self.path, self.key_path)
            if key.fingerprint != self._meta("sidik_kunci"):
                raise key_wrong(self.path, self.key_path)
            self._key = key
        return self._key

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``, waiting at most ``wait`` s for another writer."""
        with guarded(self.path, self.wait):
            self._begin()
        try:
            yield self.conn
        except BaseException:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise
        with guarded(self.path, self.wait):
            self.conn.execute("COMMIT")

    def _begin(self) -> None:
        """Try at once; when another process holds the lock, say so and wait the rest."""
        first = min(self.wait, 0.1)
        try:
            self._busy(first)
            self.conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
        finally:
            self._busy(self.wait)
        if self.on_wait is not None:
            self.on_wait(waiting(self.path, self.wait))
        try:
            self._busy(self.wait - first)
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise locked(self.path, self.wait) from None
            raise
        finally:
            self._busy(self.wait)

    def _busy(self, seconds: float) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {max(int(seconds * 1000), 0)}")

    def _check_head(self) -> None:
        """Refuse to extend a journal that lost entries the key file knows of (a new entry would
        take the lost one's number and hide the loss)."""
        fresh = read_key(self.key_path)
        if fresh is None:
            raise key_lost(self.path, self.key_path)
        number, digest = fresh.head
        row = self.conn.execute("SELECT hash FROM jurnal WHERE urutan = ?", (number,)).fetchone()
        if number and (row is None or row[0] != digest):
            raise failure(
                "PENYIMPANAN_TIDAK_UTUH",
                Where(str(self.path)),
                "PENYIMPANAN_KEHILANGAN_CATATAN",
                path=self.path,
            )

    def _publish_head(self) -> None:
        """After a commit, write the journal's last entry into the key file under the write
        lock, so the head only moves forward and never names an uncommitted entry. Best effort:
        when the lock is busy the head stays one behind until the next recording."""
        key = self._secret()
        try:
            self._busy(min(self.wait, 2.0))
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return
        finally:
            self._busy(self.wait)
        try:
            with suppress(OSError):  # checked before solving (check_writable)
                key.save_head(journal.last_entry(self.conn))
        finally:
            self.conn.execute("ROLLBACK")

    @_guard
    def check_writable(self) -> None:
        """Before solving: the store is sound (``PRAGMA quick_check``), its key is there, its
        journal has every entry the key knows of, and its write lock can be taken in time."""
        self._quick_check()
        key = self._secret()
        with self.transaction() as c:
            self._check_head()
            try:  # the head is written after each recording: its file must take writes
                key.save_head(journal.last_entry(c))
            except OSError as exc:
                raise unwritable(self.key_path, exc) from None

    def _quick_check(self) -> None:
        result = [str(r[0]) for r in self.conn.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            raise damaged(self.path, "; ".join(result[:2]))

    def _raw(self, run_id: int) -> dict[str, Any]:
        """The run's row as stored (JSON columns as text)."""
        cur = self.conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,))
        row = cur.fetchone()
        if row is None:
            raise failure("RUN_TIDAK_ADA", Where(str(self.path)), run_id=run_id, path=self.path)
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def _rows(self, run_id: int) -> Sequence[tuple[Any, ...]]:
        return self.conn.execute(
            "SELECT baris, nip, jabatan_asal_id, jabatan_tujuan_id, jenis_perpindahan, skor"
            " FROM plan_rows WHERE run_id = ? ORDER BY baris",
            (run_id,),
        ).fetchall()
