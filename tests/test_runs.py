"""Run store: solve and scenario run are recorded; approval makes a run immutable."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from placement.cli import main
from placement.domain.errors import PlacementError
from placement.io.writers import write_dataset
from placement.store.runs import RunStore
from placement.synth import generate


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("tiny") / "data"
    write_dataset(generate("tiny", 0), d)
    return d


def test_solve_is_recorded_and_approval_freezes_it(tmp_path: Path, data: Path) -> None:
    store = tmp_path / "runs.sqlite"
    runner = CliRunner()
    out = tmp_path / "hasil"
    res = runner.invoke(main, ["solve", str(data), "--out", str(out), "--date", "2026-07-01",
                               "--store", str(store)])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "Run dicatat: #1" in res.output
    with RunStore(store) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        run = s.show(1)
        record = json.loads((out / "hasil.json").read_text(encoding="utf-8"))
        assert run["status"] == "OPTIMAL" and run["objektif"] == record["objektif"]
        assert [m["sha256"] for m in run["masukan"]] == [m["sha256"] for m in record["masukan"]]
        assert run["kpi"]["jabatan_terisi"] == 12 and run["versi"]["placement"]
        plan = s.plan(1)
        written = pd.read_csv(out / "rencana.csv", dtype={"nip": str})
        assert list(plan["nip"]) == list(written["nip"].str.lstrip("'"))
        # Before approval the run may still be edited (e.g. by an admin tool).
        s.conn.execute("UPDATE runs SET folder = folder WHERE id = 1")
    res = runner.invoke(main, ["runs", "approve", "1", "--by", "Kepala BKPSDM", "--reason", "Baperjakat",
                               "--store", str(store)])  # fmt: skip
    assert res.exit_code == 0, res.output
    with RunStore(store) as s:
        for sql in ("UPDATE runs SET objektif = 0 WHERE id = 1", "DELETE FROM runs WHERE id = 1",
                    "UPDATE plan_rows SET jabatan_tujuan_id = 'X' WHERE run_id = 1",
                    "DELETE FROM plan_rows WHERE run_id = 1",
                    "INSERT INTO plan_rows VALUES (1, 999, 'n', NULL, NULL, 'tetap', 0)"):  # fmt: skip
            with pytest.raises(sqlite3.IntegrityError, match="disetujui"):
                s.conn.execute(sql)
        with pytest.raises(PlacementError) as exc:
            s.approve(1, "lain", "lagi")
        assert exc.value.issues[0].code == "RUN_SUDAH_DISETUJUI"
        assert s.show(1)["disetujui_oleh"] == "Kepala BKPSDM"
        assert len(s.plan(1)) == len(plan)
    res = runner.invoke(
        main, ["runs", "approve", "1", "--by", "x", "--reason", "y", "--store", str(store)]
    )
    assert res.exit_code == 1 and "RUN_SUDAH_DISETUJUI" in res.output
    res = runner.invoke(main, ["runs", "list", "--store", str(store)])
    assert res.exit_code == 0 and "Kepala BKPSDM" in res.output
    res = runner.invoke(main, ["runs", "show", "1", "--store", str(store)])
    assert json.loads(res.output)["alasan_persetujuan"] == "Baperjakat"
    for name in ("r.csv", "r.xlsx", "r.json"):
        res = runner.invoke(
            main, ["runs", "export", "1", "--out", str(tmp_path / name), "--store", str(store)]
        )
        assert res.exit_code == 0, res.output
    assert len(pd.read_csv(tmp_path / "r.csv")) == len(plan)
    res = runner.invoke(main, ["runs", "show", "7", "--store", str(store)])
    assert res.exit_code == 1 and "RUN_TIDAK_ADA" in res.output


def test_scenario_run_records_each_variant_and_no_store_skips(tmp_path: Path, data: Path) -> None:
    f = tmp_path / "s.yaml"
    f.write_text(
        "tanggal_rencana: 2026-07-01\nvarian:\n  nol: {batas: {perpindahan_total: 0}}\n",
        encoding="utf-8",
    )
    store = tmp_path / "runs.sqlite"
    runner = CliRunner()
    args = ["scenario", "run", str(f), "--all", "--data", str(data), "--out", str(tmp_path / "h")]
    res = runner.invoke(main, [*args, "--store", str(store)])
    assert res.exit_code == 0, res.output
    with RunStore(store) as s:
        assert list(s.list()["varian"]) == ["dasar", "nol"]
    res = runner.invoke(main, [*args, "--store", str(store), "--no-store"])
    assert res.exit_code == 0, res.output
    with RunStore(store) as s:
        assert len(s.list()) == 2
