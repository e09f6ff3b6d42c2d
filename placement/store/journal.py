"""The keyed, chained journal of a run store.

Every recording and every approval appends one entry: ``isi`` is the sha256 of the run's content
at that moment (its fields and plan rows; for an approval also who, when and why), and ``hash``
is the HMAC-SHA256, under the store key, of the entry number, run id, kind, time, ``isi`` and the
previous entry's hash. Without the key nobody can write an entry that checks out; deleting or
editing an entry breaks the chain at that point; deleting the last entries leaves the head kept
in the key file pointing at nothing. An approval's hash is its verification code.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from placement.store.secret import StoreKey

SCHEMA = """
CREATE TABLE IF NOT EXISTS jurnal (
    urutan INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL,
    jenis TEXT NOT NULL,
    waktu TEXT NOT NULL,
    isi TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS penyimpanan (nama TEXT PRIMARY KEY, nilai TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS jurnal_no_update BEFORE UPDATE ON jurnal
BEGIN SELECT RAISE(ABORT, 'jurnal: tidak dapat diubah'); END;
CREATE TRIGGER IF NOT EXISTS jurnal_no_delete BEFORE DELETE ON jurnal
BEGIN SELECT RAISE(ABORT, 'jurnal: tidak dapat dihapus'); END;
"""

RECORDED, APPROVED = "catat", "setuju"
# runs recorded by older versions (unkeyed), sealed into the journal when first opened
RECORDED_OLD, APPROVED_OLD = "catat-lama", "setuju-lama"
RUN_FIELDS = (
    "id",
    "dibuat",
    "perintah",
    "skenario",
    "varian",
    "backend",
    "status",
    "objektif",
    "folder",
    "masukan",
    "konfigurasi",
    "versi",
    "kpi",
)
SHOWN_PROBLEMS = 10


@dataclass(frozen=True)
class Entry:
    """One journal entry."""

    number: int
    run_id: int
    kind: str
    time: str
    content: str
    hash: str

    @property
    def approval(self) -> bool:
        return self.kind in (APPROVED, APPROVED_OLD)


def _sha(payload: object) -> str:
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


def run_digest(run: Mapping[str, Any], plan_hash: str) -> str:
    """sha256 of a run's stored fields (as stored) and of its plan rows' hash."""
    return _sha([[name, run[name]] for name in RUN_FIELDS] + [["baris", plan_hash]])


def approval_digest(run: Mapping[str, Any], plan_hash: str) -> str:
    """sha256 of the run's content and its approval (who, when, why)."""
    return _sha(
        [
            run_digest(run, plan_hash),
            run["disetujui_oleh"],
            run["disetujui_pada"],
            run["alasan_persetujuan"],
        ]
    )


def entries(conn: sqlite3.Connection) -> list[Entry]:
    rows = conn.execute(
        "SELECT urutan, run_id, jenis, waktu, isi, hash FROM jurnal ORDER BY urutan"
    )
    return [Entry(*row) for row in rows]


def last_entry(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT urutan, hash FROM jurnal ORDER BY urutan DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def entry_hash(key: StoreKey, e: Entry, previous: str) -> str:
    return key.mac("jurnal", e.number, e.run_id, e.kind, e.time, e.content, previous)


def append(
    conn: sqlite3.Connection, key: StoreKey, run_id: int, kind: str, content: str, when: str
) -> str:
    """Append one entry (inside the caller's transaction); returns its hash."""
    number, previous = last_entry(conn)
    entry = Entry(number + 1, run_id, kind, when, content, "")
    digest = entry_hash(key, entry, previous)
    conn.execute(
        "INSERT INTO jurnal VALUES (?,?,?,?,?,?)",
        (entry.number, run_id, kind, when, content, digest),
    )
    return digest


def chain_problems(journal: Sequence[Entry], key: StoreKey, head: tuple[int, str]) -> list[str]:
    """Gaps, entries whose hash does not check out under the key, and a head that is gone."""
    problems = []
    previous, expected = "", 1
    for e in journal:
        if e.number != expected:
            problems.append(f"jurnal: catatan #{expected}–#{e.number - 1} dihapus")
        if entry_hash(key, e, previous) != e.hash:
            problems.append(
                f"jurnal: catatan #{e.number} (run #{e.run_id}, {e.kind}) diubah "
                "atau rantainya putus"
            )
        previous, expected = e.hash, e.number + 1
    number, digest = head
    by_number = {e.number: e for e in journal}
    if number and number not in by_number:
        problems.append(
            f"catatan terakhir yang dicatat kunci (jurnal #{number}) hilang: run "
            "terakhir dihapus atau penyimpanan diganti salinan lama"
        )
    elif number and by_number[number].hash != digest:
        problems.append(f"jurnal #{number} berbeda dari yang dicatat kunci: penyimpanan diganti")
    return _capped(problems)


def run_set_problems(journal: Iterable[Entry], runs: Mapping[int, bool]) -> list[str]:
    """Runs the journal knows but the store lost, and approvals that were removed.

    ``runs``: run id → approved now."""
    problems = []
    approvals = {e.run_id: e.hash for e in journal if e.approval}
    for run_id in sorted({e.run_id for e in journal}):
        code = approvals.get(run_id)
        note = f" (disetujui, kode {code})" if code else ""
        if run_id not in runs:
            problems.append(
                f"run #{run_id}{note} tercatat di jurnal tetapi hilang dari penyimpanan"
            )
        elif code and not runs[run_id]:
            problems.append(f"persetujuan run #{run_id} (kode {code}) dihapus")
    return _capped(problems)


def _capped(problems: list[str]) -> list[str]:
    if len(problems) <= SHOWN_PROBLEMS:
        return problems
    return [*problems[:SHOWN_PROBLEMS], f"… dan {len(problems) - SHOWN_PROBLEMS} masalah lain"]
