"""Run store: solve and scenario run are recorded; approval makes a run immutable."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from placement.cli import main
from placement.domain.errors import PlacementError
from placement.io.writers import write_dataset
from placement.store.runs import RunStore, default_name
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
    res = runner.invoke(
        main, ["solve", str(data), "--out", str(out), "--date", "2026-07-01", "--store", str(store)]
    )
    assert res.exit_code == 0, res.output
    assert "Run dicatat: #1" in res.output
    with RunStore(store) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        run = s.show(1)
        record = json.loads((out / "hasil.json").read_text(encoding="utf-8"))
        assert run["status"] == "OPTIMAL" and run["objektif"] == record["objektif"]
        assert [m["sha256"] for m in run["masukan"]] == [m["sha256"] for m in record["masukan"]]
        assert run["kpi"]["jabatan_terisi"] == 11 and run["versi"]["placement"]  # camat: issue 18
        plan = s.plan(1)
        written = pd.read_csv(out / "rencana.csv", dtype={"nip": str})
        assert list(plan["nip"]) == list(written["nip"].str.lstrip("'"))
        # Before approval the run may still be edited (e.g. by an admin tool).
        s.conn.execute("UPDATE runs SET folder = folder WHERE id = 1")
    res = runner.invoke(
        main,
        [
            "runs",
            "approve",
            "1",
            "--by",
            "Kepala BKPSDM",
            "--reason",
            "Baperjakat",
            "--store",
            str(store),
        ],
    )
    assert res.exit_code == 0, res.output
    with RunStore(store) as s:
        for sql in (
            "UPDATE runs SET objektif = 0 WHERE id = 1",
            "DELETE FROM runs WHERE id = 1",
            "UPDATE plan_rows SET jabatan_tujuan_id = 'X' WHERE run_id = 1",
            "DELETE FROM plan_rows WHERE run_id = 1",
            "INSERT INTO plan_rows VALUES (1, 999, 'n', NULL, NULL, 'tetap', 0)",
        ):
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
    with RunStore(store) as s:
        run = s.show(1)
    default = default_name(run["skenario"], run["dibuat"], run["hash_rencana"])
    digest = str(run["hash_rencana"])
    assert f"· {digest[:7]}" in default and default in res.output  # scenario · date · hash
    res = runner.invoke(main, ["runs", "rename", "1", "Rotasi camat", "--store", str(store)])
    assert res.exit_code == 0 and "Rotasi camat" in res.output
    res = runner.invoke(main, ["runs", "list", "--store", str(store)])
    assert "Rotasi camat" in res.output and default not in res.output
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


def _recorded_folder(tmp_path: Path, data: Path) -> Path:
    out = tmp_path / "hasil"
    res = CliRunner().invoke(
        main, ["solve", str(data), "--out", str(out), "--date", "2026-07-01", "--no-store"]
    )
    assert res.exit_code == 0, res.output
    return out


def test_verify_detects_edits_around_the_triggers(tmp_path: Path, data: Path) -> None:
    out = _recorded_folder(tmp_path, data)
    store = tmp_path / "runs.sqlite"
    with RunStore(store) as s:
        first, second = s.record(out, "solve"), s.record(out, "solve")
        approved = s.approve(first, "Kepala BKPSDM", "Baperjakat")
    runner = CliRunner()
    res = runner.invoke(main, ["runs", "verify", "--store", str(store)])
    assert res.exit_code == 0, res.output
    assert f"Run #{first}: UTUH (kode {approved['hash_persetujuan']}; folder: cocok)" in res.output
    assert f"Run #{second}" not in res.output  # without ids: approved runs only
    # Someone drops the triggers with another tool and edits the approved plan and approval.
    con = sqlite3.connect(store)
    con.executescript(
        "DROP TRIGGER rows_approved_no_update; DROP TRIGGER runs_approved_no_update;"
        "UPDATE plan_rows SET jabatan_tujuan_id = 'J-X' WHERE run_id = 1 AND baris = 1;"
        "UPDATE runs SET alasan_persetujuan = 'lain' WHERE id = 1;"
    )
    con.close()
    res = runner.invoke(main, ["runs", "verify", "1", "2", "--store", str(store)])
    assert res.exit_code == 4, res.output
    assert "Run #1: TIDAK UTUH" in res.output
    assert "baris rencana di penyimpanan berubah" in res.output
    assert "data persetujuan (nama, waktu, alasan) berubah" in res.output
    assert f"Run #{second}: UTUH" in res.output


def test_verify_compares_the_plan_folder(tmp_path: Path, data: Path) -> None:
    out = _recorded_folder(tmp_path, data)
    with RunStore(tmp_path / "runs.sqlite") as s:
        run_id = s.record(out, "solve")
        assert s.verify(run_id).ok
        plan = out / "rencana.csv"
        plan.write_text(plan.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        check = s.verify(run_id)
        assert not check.ok and check.problems == [
            f"folder {out}: rencana.csv: isi berubah sejak ditulis"
        ]
        with pytest.raises(PlacementError) as exc:
            s.record(out, "solve")  # a damaged folder is never recorded
        assert exc.value.issues[0].code == "FOLDER_RENCANA_TIDAK_UTUH"


def test_store_from_before_the_hash_columns_is_upgraded(tmp_path: Path, data: Path) -> None:
    store = tmp_path / "old.sqlite"
    con = sqlite3.connect(store)
    from placement.store.runs import SCHEMA

    con.executescript(SCHEMA.replace(",\n    hash_rencana TEXT,\n    hash_persetujuan TEXT", ""))
    con.close()
    out = _recorded_folder(tmp_path, data)
    with RunStore(store) as s:
        run_id = s.record(out, "solve")
        assert s.verify(run_id).ok


_WRITER = """
import sys
from pathlib import Path
from placement.store.runs import RunStore
store, folder, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
for _ in range(n):
    with RunStore(store) as s:
        s.record(folder, "solve")
"""


def test_parallel_processes_lose_no_record(tmp_path: Path, data: Path) -> None:
    out = _recorded_folder(tmp_path, data)
    store = tmp_path / "runs.sqlite"
    n, procs = 15, 3
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    running = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(store), str(out), str(n)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(procs)
    ]
    with RunStore(store) as s:  # approve while the writers write
        first = None
        while first is None:
            runs = s.list()
            first = int(runs["id"].iloc[0]) if len(runs) else None
        s.approve(first, "Kepala BKPSDM", "uji bersamaan")
    for p in running:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    with RunStore(store) as s:
        runs = s.list()
        assert len(runs) == n * procs and runs["id"].is_unique
        rows = s.conn.execute("SELECT run_id, COUNT(*) FROM plan_rows GROUP BY run_id").fetchall()
        expected = len(s.plan(first))
        assert len(rows) == n * procs and all(count == expected for _, count in rows)
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert all(s.verify(int(i)).ok for i in runs["id"])


def test_runs_can_be_renamed_also_when_approved_and_old_stores_open(
    tmp_path: Path, data: Path
) -> None:
    store = tmp_path / "old.sqlite"
    con = sqlite3.connect(store)
    from placement.store.runs import SCHEMA

    con.executescript(SCHEMA.split("CREATE TABLE IF NOT EXISTS nama_run")[0])  # a store from before
    con.close()
    out = _recorded_folder(tmp_path, data)
    with RunStore(store) as s:
        first, second = s.record(out, "solve"), s.record(out, "solve")
        labels = s.labels()
        assert list(labels["id"]) == [first, second] and labels["nama"].isna().all()
        assert labels["hash_rencana"].str.len().min() == 64
        s.approve(first, "Kepala BKPSDM", "Baperjakat")
        s.rename(first, "  Rotasi  eselon III  ")
        s.rename(second, "coba")
        s.rename(second, "")
        assert s.labels().set_index("id")["nama"].to_dict()[first] == "Rotasi eselon III"
        assert pd.isna(s.labels().set_index("id")["nama"][second])
        assert s.verify(first).ok and s.verify(second).ok
        for bad in ("x" * 81, "a\x00b"):
            with pytest.raises(PlacementError) as exc:
                s.rename(second, bad)
            assert exc.value.issues[0].code == "NAMA_RUN_TIDAK_SAH"
        with pytest.raises(PlacementError):
            s.rename(99, "x")
