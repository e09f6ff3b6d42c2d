"""Run store safety (issue 20, items 11 and 12): keyed and chained hashes that a store editor
cannot recompute, lost runs and emptied stores reported, and a locked or damaged store refused
with a located Indonesian message instead of a traceback."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from placement.cli import main
from placement.domain.errors import PlacementError
from placement.io.writers import write_dataset
from placement.store import connection as store_runs
from placement.store.runs import RunStore, approval_hash, rows_hash
from placement.synth import generate


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("tiny") / "data"
    write_dataset(generate("tiny", 0), d)
    return d


@pytest.fixture(scope="module")
def folder(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One solved plan folder (not recorded), recorded as often as a test needs."""
    out = tmp_path_factory.mktemp("plan") / "hasil"
    res = CliRunner().invoke(
        main, ["solve", str(data), "--out", str(out), "--date", "2026-07-01", "--no-store"]
    )
    assert res.exit_code == 0, res.output
    return out


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _sql(store: Path, script: str) -> None:
    """What someone editing the file with another tool does (triggers dropped first)."""
    con = sqlite3.connect(store)
    con.executescript(
        "DROP TRIGGER IF EXISTS runs_approved_no_update; DROP TRIGGER IF EXISTS runs_approved_no_delete;"
        "DROP TRIGGER IF EXISTS rows_approved_no_update; DROP TRIGGER IF EXISTS rows_approved_no_delete;"
        + script
    )
    con.close()


def _approved_store(tmp_path: Path, folder: Path, runs: int = 2) -> tuple[Path, list[str]]:
    """A store with ``runs`` recorded runs, all approved; returns it and the approval codes."""
    store = tmp_path / "runs.sqlite"
    codes = []
    with RunStore(store) as s:
        for _ in range(runs):
            run_id = s.record(folder, "solve")
            codes.append(s.approve(run_id, "Kepala BKPSDM", "Baperjakat")["hash_persetujuan"])
    return store, codes


def test_forged_approval_recomputed_with_the_projects_functions_is_detected(
    tmp_path: Path, folder: Path
) -> None:
    copy = Path(shutil.copytree(folder, tmp_path / "hasil"))
    store, codes = _approved_store(tmp_path, copy, runs=1)
    key = Path(f"{store}.kunci")
    assert key.is_file() and stat.S_IMODE(key.stat().st_mode) == 0o600
    res = _cli("runs", "verify", "--kode", codes[0], "--store", str(store))
    assert res.exit_code == 0, res.output
    assert "Run #1: UTUH" in res.output
    shutil.rmtree(copy)  # the plan folder was archived elsewhere: only the store is left
    # The forger changes the approved plan and recomputes every hash the store holds.
    con = sqlite3.connect(store)
    rows = con.execute(
        "SELECT baris, nip, jabatan_asal_id, jabatan_tujuan_id, jenis_perpindahan, skor"
        " FROM plan_rows WHERE run_id = 1 ORDER BY baris"
    ).fetchall()
    who, when, why = con.execute(
        "SELECT disetujui_oleh, disetujui_pada, alasan_persetujuan FROM runs WHERE id = 1"
    ).fetchone()
    con.close()
    rows[0] = (*rows[0][:3], "J-PALSU", *rows[0][4:])
    plan_hash = rows_hash(rows)
    seal = approval_hash(plan_hash, 1, who, when, why)
    _sql(
        store,
        f"UPDATE plan_rows SET jabatan_tujuan_id = 'J-PALSU' WHERE run_id = 1 AND baris = 1;"
        f"UPDATE runs SET hash_rencana = '{plan_hash}', hash_persetujuan = '{seal}' WHERE id = 1;",
    )
    res = _cli("runs", "verify", "--store", str(store))
    assert res.exit_code == 4, res.output
    assert "Run #1: TIDAK UTUH" in res.output
    res = _cli("runs", "verify", "--kode", codes[0], "--store", str(store))
    assert res.exit_code == 4, res.output
    assert "TIDAK UTUH" in res.output and "Traceback" not in res.output
    res = _cli("runs", "verify", "--kode", "0" * 64, "--store", str(store))
    assert res.exit_code == 4 and "tidak dikenal" in res.output
    # Passing it off as a store of an older version (to be sealed afresh) does not work either.
    _sql(store, "DELETE FROM penyimpanan;")
    key.unlink()
    res = _cli("runs", "list", "--store", str(store))
    assert res.exit_code == 1 and "PENYIMPANAN_TIDAK_UTUH" in res.output, res.output


def test_deleted_approved_runs_are_reported(tmp_path: Path, folder: Path) -> None:
    store, _ = _approved_store(tmp_path, folder, runs=3)
    assert _cli("runs", "verify", "--store", str(store)).exit_code == 0
    _sql(store, "DELETE FROM plan_rows WHERE run_id = 2; DELETE FROM runs WHERE id = 2;")
    res = _cli("runs", "verify", "--store", str(store))
    assert res.exit_code == 4, res.output
    assert "#2" in res.output and "hilang" in res.output
    # The last run, and every trace of it in the store, removed: only the key's head knows.
    _sql(
        store,
        "DELETE FROM plan_rows WHERE run_id = 3; DELETE FROM runs WHERE id = 3;"
        + "".join(f"DROP TRIGGER IF EXISTS {t};" for t in ("jurnal_no_delete", "jurnal_no_update"))
        + "DELETE FROM jurnal WHERE run_id >= 2;",
    )
    res = _cli("runs", "verify", "--store", str(store))
    assert res.exit_code == 4, res.output
    assert "terakhir" in res.output and "hilang" in res.output
    with RunStore(store) as s, pytest.raises(PlacementError) as exc:
        s.record(folder, "solve")  # would reuse the lost entries' numbers and hide the loss
    assert exc.value.issues[0].code == "PENYIMPANAN_TIDAK_UTUH"
    # An approval taken back ("not approved" again) shows too.
    _sql(store, "UPDATE runs SET disetujui_pada = NULL WHERE id = 1;")
    res = _cli("runs", "verify", "1", "--store", str(store))
    assert res.exit_code == 4 and "persetujuan run #1" in res.output, res.output


def test_emptied_or_missing_store_is_reported(tmp_path: Path, folder: Path, data: Path) -> None:
    store, _ = _approved_store(tmp_path, folder, runs=1)
    store.write_bytes(b"")
    for args in (
        ["runs", "verify"],
        ["runs", "list"],
        ["runs", "show", "1"],
        ["runs", "approve", "1", "--by", "a", "--reason", "b"],
        ["solve", str(data), "--out", str(tmp_path / "baru"), "--date", "2026-07-01"],
    ):
        res = _cli(*args, "--store", str(store))
        assert res.exit_code == 1, (args, res.output)
        assert "PENYIMPANAN_KOSONG" in res.output and "0 byte" in res.output
        assert res.exception is None or isinstance(res.exception, SystemExit)
    assert not (tmp_path / "baru").exists()  # refused before solving
    store.unlink()
    res = _cli("runs", "verify", "--store", str(store))
    assert res.exit_code == 1 and "PENYIMPANAN_HILANG" in res.output, res.output
    res = _cli("solve", str(data), "--out", str(tmp_path / "baru"), "--store", str(store))
    assert res.exit_code == 1 and "PENYIMPANAN_HILANG" in res.output, res.output
    res = _cli("runs", "list", "--store", str(tmp_path / "belum-ada.sqlite"))
    assert res.exit_code == 1 and "PENYIMPANAN_TIDAK_ADA" in res.output, res.output
    assert not (tmp_path / "belum-ada.sqlite").exists()


def test_damaged_store_is_a_located_error(tmp_path: Path, folder: Path, data: Path) -> None:
    store, _ = _approved_store(tmp_path, folder, runs=3)
    with store.open("r+b") as fh:  # cut in half
        fh.truncate(store.stat().st_size // 2)
    for args in (
        ["runs", "verify"],
        ["runs", "list"],
        ["runs", "show", "3"],
        ["runs", "approve", "3", "--by", "a", "--reason", "b"],
        ["solve", str(data), "--out", str(tmp_path / "baru"), "--date", "2026-07-01"],
    ):
        res = _cli(*args, "--store", str(store))
        assert res.exit_code == 1, (args, res.output)
        assert "PENYIMPANAN_RUSAK" in res.output, res.output
        assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert not (tmp_path / "baru").exists()
    store.write_text("nip,nama\n1,a\n" * 100, encoding="utf-8")  # not SQLite at all
    for args in (["runs", "verify"], ["runs", "list"]):
        res = _cli(*args, "--store", str(store))
        assert res.exit_code == 1 and "bukan file SQLite" in res.output, res.output


_HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
print("dikunci", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("ROLLBACK")
"""


@pytest.fixture
def lock(tmp_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    """Processes holding the store's write lock; killed at the end."""
    held: list[subprocess.Popen[str]] = []
    yield held
    for p in held:
        p.kill()
        p.wait()
        if p.stdout is not None:
            p.stdout.close()


def _hold(held: list[subprocess.Popen[str]], store: Path, seconds: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(store), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    held.append(proc)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "dikunci"


def test_locked_store_fails_fast_before_solving_or_waits_and_records(
    tmp_path: Path,
    folder: Path,
    data: Path,
    lock: list[subprocess.Popen[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, _ = _approved_store(tmp_path, folder, runs=1)
    monkeypatch.setenv("PLACEMENT_STORE_TIMEOUT", "0.5")
    _hold(lock, store, 60)
    out = tmp_path / "baru"
    start = time.monotonic()
    res = _cli("solve", str(data), "--out", str(out), "--date", "2026-07-01", "--store", str(store))
    assert time.monotonic() - start < 10
    assert res.exit_code == 1, res.output
    assert "menunggu penyimpanan riwayat" in res.output and "PENYIMPANAN_TERKUNCI" in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert not out.exists()  # failed before solving
    lock[0].kill()
    lock[0].wait()
    # Held until the wait has begun: the wait is reported, then the run is recorded.
    _hold(lock, store, 60)
    release = threading.Timer(0.3, lock[1].kill)
    real_waiting = store_runs.waiting

    def waiting_then_release(*args: Any) -> str:
        release.start()
        return real_waiting(*args)

    monkeypatch.setattr(store_runs, "waiting", waiting_then_release)
    monkeypatch.setenv("PLACEMENT_STORE_TIMEOUT", "20")
    res = _cli("solve", str(data), "--out", str(out), "--date", "2026-07-01", "--store", str(store))
    release.join()
    assert res.exit_code == 0, res.output
    assert "menunggu penyimpanan riwayat" in res.output and "Run dicatat: #2" in res.output


def test_store_locked_after_solving_withdraws_the_plan(
    tmp_path: Path,
    folder: Path,
    data: Path,
    lock: list[subprocess.Popen[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, _ = _approved_store(tmp_path, folder, runs=1)
    monkeypatch.setenv("PLACEMENT_STORE_TIMEOUT", "0.5")
    import placement.cli.solve_cmd as solve_cmd

    real = solve_cmd.solve_to_folder

    def solve_then_lock(*args: object, **kwargs: object) -> object:
        run = real(*args, **kwargs)  # type: ignore[arg-type]
        _hold(lock, store, 60)  # another process takes the store while the plan is written
        return run

    monkeypatch.setattr(solve_cmd, "solve_to_folder", solve_then_lock)
    out = tmp_path / "baru"
    res = _cli("solve", str(data), "--out", str(out), "--date", "2026-07-01", "--store", str(store))
    assert res.exit_code == 1, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert "PENYIMPANAN_TERKUNCI" in res.output and "ditarik" in res.output
    assert not (out / "hasil.json").exists() and not (out / "rencana.csv").exists()
    lock[0].kill()
    lock[0].wait()
    with RunStore(store) as s:
        assert list(s.list()["id"]) == [1]


def test_store_of_an_older_version_is_sealed_on_first_open(tmp_path: Path, folder: Path) -> None:
    """Unkeyed runs of older versions are sealed into the keyed chain on first open (recorded
    as such): later edits show; edits made before cannot, and verify says so."""
    store = tmp_path / "lama.sqlite"
    with RunStore(store) as s:  # the same tables as older versions, then made old again
        s.record(folder, "solve")
        rows = s._rows(1)
    when = "2026-01-02T03:04:05+00:00"
    code = approval_hash(rows_hash(rows), 1, "Kepala", when, "lama")
    _sql(
        store,
        "DROP TABLE jurnal; DROP TABLE penyimpanan;"
        f"UPDATE runs SET disetujui_oleh = 'Kepala', disetujui_pada = '{when}',"
        f" alasan_persetujuan = 'lama', hash_persetujuan = '{code}' WHERE id = 1;",
    )
    Path(f"{store}.kunci").unlink()
    res = _cli("runs", "verify", "--kode", code, "--store", str(store))
    assert res.exit_code == 0, res.output
    assert "Run #1: UTUH" in res.output and "versi lama" in res.output
    assert Path(f"{store}.kunci").is_file()
    _sql(
        store,
        "UPDATE plan_rows SET skor = 0 WHERE run_id = 1 AND baris = 1;"
        f"UPDATE runs SET hash_rencana = '{rows_hash([(*rows[0][:5], 0.0), *rows[1:]])}'"
        " WHERE id = 1;",
    )
    res = _cli("runs", "verify", "--store", str(store))
    assert res.exit_code == 4 and "Run #1: TIDAK UTUH" in res.output, res.output


def test_lost_key_is_reported_and_refuses_new_records(tmp_path: Path, folder: Path) -> None:
    store, _ = _approved_store(tmp_path, folder, runs=1)
    Path(f"{store}.kunci").unlink()
    res = _cli("runs", "verify", "--store", str(store))
    assert res.exit_code == 1 and "KUNCI_RIWAYAT_HILANG" in res.output, res.output
    assert _cli("runs", "list", "--store", str(store)).exit_code == 0  # reading needs no key
    with RunStore(store) as s, pytest.raises(Exception, match="kunci"):
        s.record(folder, "solve")
    assert not Path(f"{store}.kunci").exists()


def test_key_file_from_the_environment(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "rahasia" / "riwayat.kunci"
    monkeypatch.setenv("PLACEMENT_STORE_KEY", str(key))
    store, codes = _approved_store(tmp_path, folder, runs=1)
    assert key.is_file() and not Path(f"{store}.kunci").exists()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert _cli("runs", "verify", "--kode", codes[0], "--store", str(store)).exit_code == 0
