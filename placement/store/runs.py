"""The run store: every ``placement solve`` / ``scenario run`` recorded in one SQLite file.

A run records its input hashes, scenario (effective config), backend, package versions, KPIs and
the plan rows. Approving a run (who, when, why) makes it immutable: SQLite triggers refuse any
later UPDATE or DELETE of the run or its plan rows, whatever program writes to the file.
WAL journal mode lets readers work while a solve writes; each recording is one transaction.

Tamper evidence: every recording and approval appends an entry to a chained journal whose hashes
are HMAC-SHA256 under a key kept outside the store (``secret.py``, ``journal.py``); the key file
also holds the journal's head, so deleted last runs show. ``hash_persetujuan`` (an approval's
journal hash) is the verification code written in the berita acara; ``runs verify --kode``
checks a run by it. ``verify`` also compares the plan folder's files with their hasil.json.
A missing, emptied, damaged or locked store is a located PlacementError (``problems.py``).
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import json
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from placement.domain import format_id as fmt
from placement.domain.errors import PlacementError, shown
from placement.domain.messages import Where, failure
from placement.domain.model import cell_text
from placement.plan.compare import plan_kpis, read_plan_dir
from placement.privacy.keyfile import link_new
from placement.report.outputs import read_record, verify_outputs
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
from placement.store.secret import StoreKey, create_key, key_path_for, read_key

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_STORE = Path("placement-runs.sqlite")
WAIT_ENV = "PLACEMENT_STORE_TIMEOUT"
DEFAULT_WAIT = 30.0
MAX_WAIT = 3600.0
MAX_NAME = 80  # characters of a run name
PLAN_FIELDS = ["nip", "jabatan_asal_id", "jabatan_tujuan_id", "jenis_perpindahan", "skor"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dibuat TEXT NOT NULL,
    perintah TEXT NOT NULL,
    skenario TEXT,
    varian TEXT,
    backend TEXT,
    status TEXT NOT NULL,
    objektif REAL,
    folder TEXT,
    masukan TEXT NOT NULL,
    konfigurasi TEXT NOT NULL,
    versi TEXT NOT NULL,
    kpi TEXT NOT NULL,
    disetujui_oleh TEXT,
    disetujui_pada TEXT,
    alasan_persetujuan TEXT,
    hash_rencana TEXT,
    hash_persetujuan TEXT
);
CREATE TABLE IF NOT EXISTS plan_rows (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    baris INTEGER NOT NULL,
    nip TEXT NOT NULL,
    jabatan_asal_id TEXT,
    jabatan_tujuan_id TEXT,
    jenis_perpindahan TEXT,
    skor REAL,
    PRIMARY KEY (run_id, baris)
);
CREATE TABLE IF NOT EXISTS nama_run (
    run_id INTEGER PRIMARY KEY REFERENCES runs(id),
    nama TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS runs_approved_no_update BEFORE UPDATE ON runs
WHEN OLD.disetujui_pada IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'run disetujui: tidak dapat diubah'); END;
CREATE TRIGGER IF NOT EXISTS runs_approved_no_delete BEFORE DELETE ON runs
WHEN OLD.disetujui_pada IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'run disetujui: tidak dapat dihapus'); END;
CREATE TRIGGER IF NOT EXISTS rows_approved_no_insert BEFORE INSERT ON plan_rows
WHEN (SELECT disetujui_pada FROM runs WHERE id = NEW.run_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'run disetujui: tidak dapat diubah'); END;
CREATE TRIGGER IF NOT EXISTS rows_approved_no_update BEFORE UPDATE ON plan_rows
WHEN (SELECT disetujui_pada FROM runs WHERE id = OLD.run_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'run disetujui: tidak dapat diubah'); END;
CREATE TRIGGER IF NOT EXISTS rows_approved_no_delete BEFORE DELETE ON plan_rows
WHEN (SELECT disetujui_pada FROM runs WHERE id = OLD.run_id) IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'run disetujui: tidak dapat dihapus'); END;
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_wait() -> float:
    """Seconds to wait for another process's lock: ``PLACEMENT_STORE_TIMEOUT`` or 30."""
    raw = os.environ.get(WAIT_ENV, "").strip()
    try:
        wait = float(raw) if raw else DEFAULT_WAIT
    except ValueError:
        wait = -1.0
    if not 0 < wait <= MAX_WAIT:
        raise failure(
            "BATAS_TUNGGU_TIDAK_VALID",
            Where(WAIT_ENV),
            wait_env=WAIT_ENV,
            raw=shown(raw, 20),
            max_wait=MAX_WAIT,
        )
    return wait


def _guard(method: F) -> F:
    """SQLite errors inside a RunStore method become located PlacementErrors."""

    @functools.wraps(method)
    def wrapper(self: RunStore, *args: Any, **kwargs: Any) -> Any:
        with guarded(self.path, self.wait):
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def default_name(
    scenario: object, made: object, digest: object, zone: str = fmt.DEFAULT_ZONE, lang: str = "id"
) -> str:
    """ "dasar · 2 Desember 2026 · 3f2a1c9": scenario name, local date, short plan hash (a run
    no planner named yet; ``RunStore.rename`` gives it another)."""
    parts = [scenario if isinstance(scenario, str) and scenario else "-"]
    if isinstance(made, str) and made:
        parts.append(fmt.date_text(fmt.to_local(made, zone), "-", lang))
    if isinstance(digest, str) and digest:
        parts.append(digest[:7])
    return " · ".join(parts)


class RunStore:
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
                when = _now()
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

    def __enter__(self) -> RunStore:
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

    @_guard
    def record(self, out_dir: Path, command: str) -> int:
        """Record the plan folder ``out_dir`` (written by solve / scenario run); returns the id."""
        damaged_files = [d for d in verify_outputs(out_dir) if not d.startswith("hasil.json")]
        if damaged_files:
            raise failure(
                "FOLDER_RENCANA_TIDAK_UTUH",
                Where(str(out_dir)),
                out_dir=out_dir,
                damaged_files="; ".join(damaged_files),
            )
        files = read_plan_dir(out_dir)
        rec = files.record
        kpis = plan_kpis(files)
        plan = files.plan
        cols = [plan[c].tolist() for c in PLAN_FIELDS]
        rows = [
            (i, str(n), cell_text(a), cell_text(t), str(k), float(sk))
            for i, (n, a, t, k, sk) in enumerate(zip(*cols, strict=True), start=1)
        ]
        config = rec.get("konfigurasi", {})
        key = self._secret()
        with self.transaction() as c:
            self._check_head()
            cur = c.execute(
                "INSERT INTO runs (dibuat, perintah, skenario, varian, backend, status, objektif,"
                " folder, masukan, konfigurasi, versi, kpi, hash_rencana)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    _now(),
                    command,
                    config.get("nama"),
                    rec.get("varian"),
                    rec.get("backend"),
                    str(rec.get("status")),
                    rec.get("objektif"),
                    str(out_dir.resolve()),
                    json.dumps(rec.get("masukan", []), ensure_ascii=False),
                    json.dumps(config, ensure_ascii=False, default=str),
                    json.dumps(rec.get("versi", {}), ensure_ascii=False),
                    json.dumps(kpis, ensure_ascii=False),
                    rows_hash(rows),
                ),
            )
            run_id = int(cur.lastrowid or 0)
            c.executemany(
                "INSERT INTO plan_rows VALUES (?,?,?,?,?,?,?)", [(run_id, *r) for r in rows]
            )
            raw = self._raw(run_id)
            journal.append(
                c,
                key,
                run_id,
                journal.RECORDED,
                journal.run_digest(raw, rows_hash(self._rows(run_id))),
                raw["dibuat"],
            )
        self._publish_head()
        return run_id

    @_guard
    def list(self) -> pd.DataFrame:
        return pd.read_sql_query(
            "SELECT id, dibuat, perintah, skenario, varian, backend, status, objektif,"
            " disetujui_oleh, disetujui_pada FROM runs ORDER BY id",
            self.conn,
        )

    @_guard
    def labels(self) -> pd.DataFrame:
        """Per run: the name a planner gave it (``nama``, empty when none) and its plan hash,
        from which a default name is made. Names are labels only: not part of any hash, so an
        approved run can be renamed."""
        return pd.read_sql_query(
            "SELECT runs.id, nama_run.nama, runs.hash_rencana FROM runs"
            " LEFT JOIN nama_run ON nama_run.run_id = runs.id ORDER BY runs.id",
            self.conn,
        )

    @_guard
    def names(self, zone: str = fmt.DEFAULT_ZONE, lang: str = "id") -> dict[int, str]:
        """Run id → the run's name: the one a planner gave it, else :func:`default_name`
        (scenario name, local date of the run, short plan hash)."""
        rows = self.conn.execute(
            "SELECT runs.id, nama_run.nama, runs.skenario, runs.dibuat, runs.hash_rencana"
            " FROM runs LEFT JOIN nama_run ON nama_run.run_id = runs.id ORDER BY runs.id"
        ).fetchall()
        return {
            int(rid): given or default_name(scenario, made, digest, zone, lang)
            for rid, given, scenario, made, digest in rows
        }

    @_guard
    def rename(self, run_id: int, name: str) -> None:
        """Give run ``run_id`` a name (1–80 printable characters); an empty name removes it."""
        self._raw(run_id)
        name = " ".join(name.split())
        if len(name) > MAX_NAME or not name.isprintable():
            raise failure("NAMA_RUN_TIDAK_SAH", Where(name[:40]), max_name=MAX_NAME)
        with self.transaction() as c:
            c.execute("DELETE FROM nama_run WHERE run_id = ?", (run_id,))
            if name:
                c.execute("INSERT INTO nama_run (run_id, nama) VALUES (?, ?)", (run_id, name))

    @_guard
    def show(self, run_id: int) -> dict[str, Any]:
        out = self._raw(run_id)
        for key in ("masukan", "konfigurasi", "versi", "kpi"):
            out[key] = json.loads(out[key])
        out["jumlah_baris_rencana"] = self.conn.execute(
            "SELECT COUNT(*) FROM plan_rows WHERE run_id = ?", (run_id,)
        ).fetchone()[0]
        return out

    def _raw(self, run_id: int) -> dict[str, Any]:
        """The run's row as stored (JSON columns as text)."""
        cur = self.conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,))
        row = cur.fetchone()
        if row is None:
            raise failure("RUN_TIDAK_ADA", Where(str(self.path)), run_id=run_id, path=self.path)
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    @_guard
    def plan(self, run_id: int) -> pd.DataFrame:
        self.show(run_id)
        return pd.read_sql_query(
            "SELECT nip, jabatan_asal_id, jabatan_tujuan_id, jenis_perpindahan, skor FROM plan_rows"
            " WHERE run_id = ? ORDER BY baris",
            self.conn,
            params=(run_id,),
        )

    @_guard
    def approve(self, run_id: int, who: str, why: str) -> dict[str, Any]:
        """Approve a run (once); afterwards the run and its rows can no longer change. The
        approval's journal hash is its verification code (``hash_persetujuan``)."""
        run = self.show(run_id)
        if run["disetujui_pada"] is not None:
            raise failure(
                "RUN_SUDAH_DISETUJUI",
                Where(str(self.path)),
                run_id=run_id,
                disetujui_oleh=run["disetujui_oleh"],
                disetujui_pada=run["disetujui_pada"],
            )
        if not who.strip() or not why.strip():
            raise failure("PERSETUJUAN_KOSONG", Where(str(self.path)))
        key = self._secret()
        with self.transaction() as c:
            self._check_head()
            plan_hash = rows_hash(self._rows(run_id))
            raw = self._raw(run_id)
            if self._recorded_problems(raw, plan_hash):
                raise failure("RUN_TIDAK_UTUH", Where(str(self.path)), run_id=run_id)
            when = _now()
            raw.update(
                disetujui_oleh=who.strip(), disetujui_pada=when, alasan_persetujuan=why.strip()
            )
            code = journal.append(
                c, key, run_id, journal.APPROVED, journal.approval_digest(raw, plan_hash), when
            )
            c.execute(
                "UPDATE runs SET disetujui_oleh = ?, disetujui_pada = ?, alasan_persetujuan = ?,"
                " hash_rencana = ?, hash_persetujuan = ? WHERE id = ?",
                (who.strip(), when, why.strip(), plan_hash, code, run_id),
            )
        self._publish_head()
        return self.show(run_id)

    def _rows(self, run_id: int) -> Sequence[tuple[Any, ...]]:
        return self.conn.execute(
            "SELECT baris, nip, jabatan_asal_id, jabatan_tujuan_id, jenis_perpindahan, skor"
            " FROM plan_rows WHERE run_id = ? ORDER BY baris",
            (run_id,),
        ).fetchall()

    def _own_entries(self, run_id: int) -> builtins.list[journal.Entry]:
        rows = self.conn.execute(
            "SELECT urutan, run_id, jenis, waktu, isi, hash FROM jurnal"
            " WHERE run_id = ? ORDER BY urutan",
            (run_id,),
        )
        return [journal.Entry(*row) for row in rows]

    def _recorded_problems(self, raw: dict[str, Any], plan_hash: str) -> builtins.list[str]:
        """The run against its recording entry in the journal."""
        recorded = [e for e in self._own_entries(int(raw["id"])) if not e.approval]
        if not recorded:
            return ["run tidak tercatat di jurnal berkunci (ditambahkan di luar program?)"]
        if recorded[0].content != journal.run_digest(raw, plan_hash):
            return ["data run atau baris rencana berubah sejak dicatat"]
        return []

    @_guard
    def store_problems(self) -> builtins.list[str]:
        """Store-wide problems: the journal's chain under the key, its head against the key
        file, runs the journal knows but the store lost, approvals removed. PENYIMPANAN_RUSAK
        when SQLite finds the file damaged."""
        self._quick_check()
        key = self._secret()
        fresh = read_key(self.key_path)  # the head as now, not as when the store was opened
        if fresh is None:
            raise key_lost(self.path, self.key_path)
        entries = journal.entries(self.conn)
        runs = {
            int(i): when is not None
            for i, when in self.conn.execute("SELECT id, disetujui_pada FROM runs")
        }
        return journal.chain_problems(entries, key, fresh.head) + journal.run_set_problems(
            entries, runs
        )

    @_guard
    def find_code(self, code: str) -> int | None:
        """The run whose approval has this verification code (journal first, then the run)."""
        code = code.strip().lower()
        row = (
            self.conn.execute(
                "SELECT run_id FROM jurnal WHERE hash = ? AND jenis = ?", (code, journal.APPROVED)
            ).fetchone()
            or self.conn.execute(
                "SELECT id FROM runs WHERE hash_persetujuan = ?", (code,)
            ).fetchone()
        )
        return None if row is None else int(row[0])

    @_guard
    def verify(self, run_id: int, store_level: builtins.list[str] | None = None) -> RunCheck:
        """Check the run against its journal entries (keyed), its legacy hashes and its plan
        folder (if still there); ``store_level``: ``store_problems()`` when already known."""
        run = self.show(run_id)
        if store_level is None:
            store_level = self.store_problems()
        self._secret()
        rows = self._rows(run_id)
        plan_hash = rows_hash(rows)
        raw = self._raw(run_id)
        problems: builtins.list[str] = []
        notes: builtins.list[str] = []
        if run["hash_rencana"] is None:
            problems.append("run tanpa hash (dicatat sebelum fitur ini); tidak dapat diverifikasi")
        elif plan_hash != run["hash_rencana"]:
            problems.append("baris rencana di penyimpanan berubah sejak dicatat/disetujui")
        problems += self._recorded_problems(raw, plan_hash)
        own = self._own_entries(run_id)
        old = [e for e in own if e.kind in (journal.RECORDED_OLD, journal.APPROVED_OLD)]
        if old:
            notes.append(
                f"run dari versi lama (tanpa kunci), disegel {old[0].time}: perubahan "
                "sebelum itu tidak dapat dideteksi"
            )
        if run["disetujui_pada"] is not None:
            problems += self._approval_problems(raw, plan_hash, [e for e in own if e.approval])
        folder = Path(run["folder"]) if run["folder"] else None
        folder_state = "tidak ada"
        if folder is not None and (folder / "hasil.json").is_file():
            damaged_files = verify_outputs(folder)
            stored = [(n, a, t, k) for _, n, a, t, k, _ in rows]
            # a damaged plan file may not even be readable: compare rows only when intact
            same = not damaged_files and _folder_rows(folder) == stored
            if damaged_files:
                problems.extend(f"folder {folder}: {d}" for d in damaged_files)
            elif not same:
                problems.append(f"folder {folder} berisi rencana lain (ditimpa run berikutnya?)")
            folder_state = "cocok" if same else "berbeda"
        return RunCheck(
            run_id,
            run["hash_persetujuan"] or run["hash_rencana"],
            folder_state,
            problems + store_level,
            notes,
            store_level,
        )

    def _approval_problems(
        self, raw: dict[str, Any], plan_hash: str, approvals: builtins.list[journal.Entry]
    ) -> builtins.list[str]:
        """An approved run against its approval entry (and, for older runs, the unkeyed hash)."""
        changed = "data persetujuan (nama, waktu, alasan) berubah"
        if not approvals:
            return ["persetujuan tidak tercatat di jurnal berkunci (dibuat di luar program?)"]
        entry = approvals[0]
        if entry.content != journal.approval_digest(raw, plan_hash):
            return [changed]
        if entry.kind == journal.APPROVED and entry.hash != raw["hash_persetujuan"]:
            return ["kode verifikasi di penyimpanan berbeda dari jurnal"]
        if entry.kind == journal.APPROVED_OLD and raw["hash_rencana"] is not None:
            seal = approval_hash(
                raw["hash_rencana"],
                int(raw["id"]),
                raw["disetujui_oleh"],
                raw["disetujui_pada"],
                raw["alasan_persetujuan"],
            )
            if seal != raw["hash_persetujuan"]:
                return [changed]
        return []


@dataclass(frozen=True)
class RunCheck:
    """Outcome of ``RunStore.verify``: ok when no problem was found."""

    run_id: int
    code: str | None  # the hash a planner can write on the approval letter
    folder: str  # cocok / berbeda / tidak ada
    problems: list[str]  # the run's own problems, then the store-wide ones
    notes: list[str] = field(default_factory=list)  # e.g. sealed from an older version
    store_problems: list[str] = field(default_factory=list)  # store-wide, also in problems

    @property
    def ok(self) -> bool:
        return not self.problems


def rows_hash(rows: Iterable[Sequence[Any]]) -> str:
    """sha256 over the plan rows (baris, nip, asal, tujuan, jenis, skor) in canonical JSON."""
    digest = hashlib.sha256()
    for baris, nip, asal, tujuan, jenis, skor in rows:
        line = [int(baris), str(nip), asal, tujuan, jenis, repr(float(skor))]
        digest.update(json.dumps(line, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def approval_hash(plan_hash: str, run_id: int, who: str, when: str, why: str) -> str:
    """The unkeyed approval hash of older versions (their verification codes); checked only for
    runs sealed from such a store."""
    payload = json.dumps([plan_hash, run_id, who, when, why], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def withdraw_plan(out_dir: Path) -> None:
    """Delete the plan files a run published in ``out_dir`` (hasil.json first, so the folder no
    longer vouches for a plan): for a plan whose record could not be written."""
    try:
        names = list(read_record(out_dir).get("berkas", {}))
    except PlacementError:
        return
    for name in ["hasil.json", *names]:
        (out_dir / Path(name).name).unlink(missing_ok=True)


def _folder_rows(folder: Path) -> list[tuple[Any, ...]]:
    plan = read_plan_dir(folder).plan
    return [
        (str(n), cell_text(a), cell_text(t), str(k))
        for n, a, t, k in zip(*(plan[c].tolist() for c in PLAN_FIELDS[:4]), strict=True)
    ]
