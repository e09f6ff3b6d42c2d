"""Reading the run store: the list of runs, their names and labels, one run and its plan."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from placement.domain import format_id as fmt
from placement.domain.messages import Where, failure
from placement.store.connection import StoreFile, _guard

MAX_NAME = 80  # characters of a run name


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


class RunQueries(StoreFile):
    """The run store's reading side (and the names planners give runs)."""

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

    @_guard
    def plan(self, run_id: int) -> pd.DataFrame:
        self.show(run_id)
        return pd.read_sql_query(
            "SELECT nip, jabatan_asal_id, jabatan_tujuan_id, jenis_perpindahan, skor FROM plan_rows"
            " WHERE run_id = ? ORDER BY baris",
            self.conn,
            params=(run_id,),
        )
