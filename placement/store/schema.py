"""The run store's tables, file name, lock wait and the plan-row hashes (``runs.py``).

``SCHEMA``: runs, their plan rows and names; SQLite triggers refuse any UPDATE or DELETE of an
approved run or its rows. ``rows_hash`` is a run's plan hash; ``approval_hash`` the unkeyed
approval hash of older versions.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from placement.domain.errors import shown
from placement.domain.messages import Where, failure

DEFAULT_STORE = Path("placement-runs.sqlite")
WAIT_ENV = "PLACEMENT_STORE_TIMEOUT"
DEFAULT_WAIT = 30.0
MAX_WAIT = 3600.0
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


def now() -> str:
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
