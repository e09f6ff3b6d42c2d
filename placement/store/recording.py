"""Recording a plan folder as a run (one transaction, one journal entry), and withdrawing
the plan files of a run that could not be recorded."""

from __future__ import annotations

import json
from pathlib import Path

from placement.domain.errors import PlacementError
from placement.domain.messages import Where, failure
from placement.domain.model import cell_text
from placement.plan.compare import plan_kpis, read_plan_dir
from placement.report.outputs import read_record, verify_outputs
from placement.store import journal
from placement.store.connection import StoreFile, _guard
from placement.store.schema import PLAN_FIELDS, now, rows_hash


class RunRecording(StoreFile):
    """The run store's recording side."""

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
                    now(),
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


def withdraw_plan(out_dir: Path) -> None:
    """Delete the plan files a run published in ``out_dir`` (hasil.json first, so the folder no
    longer vouches for a plan): for a plan whose record could not be written."""
    try:
        names = list(read_record(out_dir).get("berkas", {}))
    except PlacementError:
        return
    for name in ["hasil.json", *names]:
        (out_dir / Path(name).name).unlink(missing_ok=True)
