"""Approving a run (once, then immutable) and verifying runs: each against its keyed journal
entries, its legacy hashes and its plan folder; the store against the journal's chain and head;
an approval found by its verification code."""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from placement.domain.messages import Where, failure
from placement.domain.model import cell_text
from placement.plan.compare import read_plan_dir
from placement.report.outputs import verify_outputs
from placement.store import journal
from placement.store.connection import _guard
from placement.store.problems import key_lost
from placement.store.queries import RunQueries
from placement.store.schema import PLAN_FIELDS, approval_hash, now, rows_hash
from placement.store.secret import read_key


class RunApprovals(RunQueries):
    """The run store's approving and verifying side."""

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
            when = now()
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


def _folder_rows(folder: Path) -> list[tuple[Any, ...]]:
    plan = read_plan_dir(folder).plan
    return [
        (str(n), cell_text(a), cell_text(t), str(k))
        for n, a, t, k in zip(*(plan[c].tolist() for c in PLAN_FIELDS[:4]), strict=True)
    ]
