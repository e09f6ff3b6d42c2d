"""The run store: every ``placement solve`` / ``scenario run`` recorded in one SQLite file.

A run records its input hashes, scenario (effective config), backend, package versions, KPIs and
the plan rows. Approving a run (who, when, why) makes it immutable: SQLite triggers refuse any
later UPDATE or DELETE of the run or its plan rows, whatever program writes to the file.
WAL journal mode lets readers work while a solve writes; each recording is one transaction.

Tamper evidence: each run stores the sha256 of its plan rows (``hash_rencana``); approval stores a
second hash over the plan hash and the approval fields (``hash_persetujuan``, printed as the
verification code). ``verify`` recomputes both, and compares the plan folder's files with the
hashes in its hasil.json, so an edit made around the triggers (another tool, a copied file) shows.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from placement.domain.errors import PlacementError
from placement.plan.compare import plan_kpis, read_plan_dir
from placement.report.outputs import verify_outputs

DEFAULT_STORE = Path("placement-runs.sqlite")
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


class RunStore:
    """One SQLite run store (created on first use)."""

    def __init__(self, path: Path = DEFAULT_STORE) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(SCHEMA)
        self._add_missing_columns()

    def _add_missing_columns(self) -> None:
        """Stores made before the hash columns existed get them (their runs stay unhashed)."""
        have = {row[1] for row in self.conn.execute("PRAGMA table_info(runs)")}
        for column in ("hash_rencana", "hash_persetujuan"):
            if column not in have:
                self.conn.execute(f"ALTER TABLE runs ADD COLUMN {column} TEXT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> RunStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def record(self, out_dir: Path, command: str) -> int:
        """Record the plan folder ``out_dir`` (written by solve / scenario run); returns the id."""
        damaged = [d for d in verify_outputs(out_dir) if not d.startswith("hasil.json")]
        if damaged:
            raise PlacementError.single(
                "FOLDER_RENCANA_TIDAK_UTUH",
                f"Folder {out_dir} tidak utuh ({'; '.join(damaged)}); jalankan solve lagi",
                f"Folder {out_dir} is not intact ({'; '.join(damaged)}); run solve again",
                str(out_dir),
            )
        files = read_plan_dir(out_dir)
        rec = files.record
        kpis = plan_kpis(files)
        plan = files.plan
        cols = [plan[c].tolist() for c in PLAN_FIELDS]
        rows = [
            (i, str(n), _text(a), _text(t), str(k), float(sk))
            for i, (n, a, t, k, sk) in enumerate(zip(*cols, strict=True), start=1)
        ]
        config = rec.get("konfigurasi", {})
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO runs (dibuat, perintah, skenario, varian, backend, status, objektif,"
                " folder, masukan, konfigurasi, versi, kpi, hash_rencana)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (_now(), command, config.get("nama"), rec.get("varian"), rec.get("backend"),
                 str(rec.get("status")), rec.get("objektif"), str(out_dir.resolve()),
                 json.dumps(rec.get("masukan", []), ensure_ascii=False),
                 json.dumps(config, ensure_ascii=False, default=str),
                 json.dumps(rec.get("versi", {}), ensure_ascii=False),
                 json.dumps(kpis, ensure_ascii=False), rows_hash(rows)),
            )  # fmt: skip
            run_id = int(cur.lastrowid or 0)
            c.executemany(
                "INSERT INTO plan_rows VALUES (?,?,?,?,?,?,?)", [(run_id, *r) for r in rows]
            )
        return run_id

    def list(self) -> pd.DataFrame:
        return pd.read_sql_query(
            "SELECT id, dibuat, perintah, skenario, varian, backend, status, objektif,"
            " disetujui_oleh, disetujui_pada FROM runs ORDER BY id",
            self.conn,
        )

    def show(self, run_id: int) -> dict[str, Any]:
        cur = self.conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,))
        row = cur.fetchone()
        if row is None:
            raise PlacementError.single("RUN_TIDAK_ADA", f"Run {run_id} tidak ada di {self.path}",
                                        f"Run {run_id} is not in {self.path}", str(self.path))  # fmt: skip
        out = dict(zip([d[0] for d in cur.description], row, strict=True))
        for key in ("masukan", "konfigurasi", "versi", "kpi"):
            out[key] = json.loads(out[key])
        out["jumlah_baris_rencana"] = self.conn.execute(
            "SELECT COUNT(*) FROM plan_rows WHERE run_id = ?", (run_id,)
        ).fetchone()[0]
        return out

    def plan(self, run_id: int) -> pd.DataFrame:
        self.show(run_id)
        return pd.read_sql_query(
            "SELECT nip, jabatan_asal_id, jabatan_tujuan_id, jenis_perpindahan, skor FROM plan_rows"
            " WHERE run_id = ? ORDER BY baris",
            self.conn,
            params=(run_id,),
        )

    def approve(self, run_id: int, who: str, why: str) -> dict[str, Any]:
        """Approve a run (once); afterwards the run and its rows can no longer change."""
        run = self.show(run_id)
        if run["disetujui_pada"] is not None:
            raise PlacementError.single(
                "RUN_SUDAH_DISETUJUI",
                f"Run {run_id} sudah disetujui oleh {run['disetujui_oleh']} pada {run['disetujui_pada']}",
                f"Run {run_id} was already approved by {run['disetujui_oleh']} at {run['disetujui_pada']}",
                str(self.path),
            )
        if not who.strip() or not why.strip():
            raise PlacementError.single("PERSETUJUAN_KOSONG", "Persetujuan perlu nama penyetuju dan alasannya",
                                        "An approval needs who approves and why", str(self.path))  # fmt: skip
        with self.transaction() as c:
            plan_hash = rows_hash(self._rows(run_id))
            when = _now()
            seal = approval_hash(plan_hash, run_id, who.strip(), when, why.strip())
            c.execute(
                "UPDATE runs SET disetujui_oleh = ?, disetujui_pada = ?, alasan_persetujuan = ?,"
                " hash_rencana = ?, hash_persetujuan = ? WHERE id = ?",
                (who.strip(), when, why.strip(), plan_hash, seal, run_id),
            )
        return self.show(run_id)

    def _rows(self, run_id: int) -> Sequence[tuple[Any, ...]]:
        return self.conn.execute(
            "SELECT baris, nip, jabatan_asal_id, jabatan_tujuan_id, jenis_perpindahan, skor"
            " FROM plan_rows WHERE run_id = ? ORDER BY baris",
            (run_id,),
        ).fetchall()

    def verify(self, run_id: int) -> RunCheck:
        """Recompute the run's hashes and compare its plan folder (if still there) with them."""
        run = self.show(run_id)
        rows = self._rows(run_id)
        problems: builtins.list[str] = []
        if run["hash_rencana"] is None:
            problems.append("run tanpa hash (dicatat sebelum fitur ini); tidak dapat diverifikasi")
        elif rows_hash(rows) != run["hash_rencana"]:
            problems.append("baris rencana di penyimpanan berubah sejak dicatat/disetujui")
        if run["disetujui_pada"] is not None and run["hash_rencana"] is not None:
            seal = approval_hash(run["hash_rencana"], run_id, run["disetujui_oleh"],
                                 run["disetujui_pada"], run["alasan_persetujuan"])  # fmt: skip
            if seal != run["hash_persetujuan"]:
                problems.append("data persetujuan (nama, waktu, alasan) berubah")
        folder = Path(run["folder"]) if run["folder"] else None
        folder_state = "tidak ada"
        if folder is not None and (folder / "hasil.json").is_file():
            damaged = verify_outputs(folder)
            stored = [(n, a, t, k) for _, n, a, t, k, _ in rows]
            # a damaged plan file may not even be readable: compare rows only when intact
            same = not damaged and _folder_rows(folder) == stored
            if damaged:
                problems.extend(f"folder {folder}: {d}" for d in damaged)
            elif not same:
                problems.append(f"folder {folder} berisi rencana lain (ditimpa run berikutnya?)")
            folder_state = "cocok" if same else "berbeda"
        return RunCheck(run_id, run["hash_persetujuan"] or run["hash_rencana"], folder_state,
                        problems)  # fmt: skip


@dataclass(frozen=True)
class RunCheck:
    """Outcome of ``RunStore.verify``: ok when no problem was found."""

    run_id: int
    code: str | None  # the hash a planner can write on the approval letter
    folder: str  # cocok / berbeda / tidak ada
    problems: list[str]

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
    payload = json.dumps([plan_hash, run_id, who, when, why], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _folder_rows(folder: Path) -> list[tuple[Any, ...]]:
    plan = read_plan_dir(folder).plan
    return [(str(n), _text(a), _text(t), str(k)) for n, a, t, k in
            zip(*(plan[c].tolist() for c in PLAN_FIELDS[:4]), strict=True)]  # fmt: skip


def _text(v: object) -> str | None:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    return str(v)
