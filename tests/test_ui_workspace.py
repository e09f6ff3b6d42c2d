"""The web workspace's state without a browser: upload checks, data, scenario YAML, solve jobs."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest

from placement.config import Batas, Kunci, Skenario, load_scenario
from placement.domain.errors import PlacementError
from placement.io.writers import write_dataset
from placement.store.runs import RunStore
from placement.synth import generate
from placement.ui.jobs import Job
from placement.ui.workspace import MAX_UPLOAD_BYTES, Workspace, scenario_from_yaml, upload_problem


def _zip(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, content in names.items():
            z.writestr(name, content)
    return buf.getvalue()


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny")
    write_dataset(generate("tiny", 0), folder)
    return folder


WORKBOOK = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("data.xlsx", WORKBOOK, None),
        ("pegawai.csv", b"nip,nama\n1,A\n", None),
        ("DATA.XLSX", WORKBOOK, None),
        ("skrip.py", b"print(1)", "hanya data.xlsx"),
        ("pegawai.csv.exe", b"MZ", "hanya data.xlsx"),
        ("lain.csv", b"a,b\n", "hanya data.xlsx"),
        ("../pegawai.csv", b"a\n", "tidak diizinkan"),
        ("pegawai.csv", b"", "kosong"),
        ("pegawai.csv", b"\x00\x01\x02binary", "bukan file teks"),
        ("data.xlsx", b"not a zip", "bukan file Excel"),
        ("data.xlsx", _zip({"a.txt": b"x"}), "bukan buku kerja"),
        ("data.xlsm.xlsx", _zip({"[Content_Types].xml": b"", "xl/vbaProject.bin": b""}), "makro"),
        ("pegawai.csv", b"x" * (MAX_UPLOAD_BYTES + 1), "lebih besar"),
    ],
)
def test_uploads_are_data_only(name: str, content: bytes, reason: str | None) -> None:
    problem = upload_problem(name, content)
    if reason is None:
        assert problem is None
    else:
        assert problem is not None and reason in problem


def test_refused_upload_is_a_located_error_and_is_not_kept(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    with pytest.raises(PlacementError) as err:
        ws.add_upload("skrip.py", b"import os")
    assert err.value.issues[0].code == "UNGGAHAN_DITOLAK"
    assert ws.pending == {}
    with pytest.raises(PlacementError, match="Belum ada file"):
        ws.use_uploads()


def test_uploaded_csvs_become_the_data_in_use(tmp_path: Path, tiny_dir: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    for f in sorted(tiny_dir.glob("*.csv")):
        ws.add_upload(f.name, f.read_bytes())
    check = ws.use_uploads()
    assert check.ok and check.people == 30 and check.posts == 12
    assert ws.data is not None and ws.data.is_relative_to(ws.root)
    assert ws.scenario.data == ws.data.resolve()
    assert ws.pending == {}


def test_uploads_after_the_synthetic_region_plan_for_today(tmp_path: Path, tiny_dir: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    ws.use_synthetic("tiny")
    assert ws.scenario.nama == "sintetis-tiny" and ws.scenario.tanggal_rencana != date.today()
    for f in sorted(tiny_dir.glob("*.csv")):
        ws.add_upload(f.name, f.read_bytes())
    ws.use_uploads()
    assert ws.scenario.nama == "skenario" and ws.scenario.tanggal_rencana == date.today()


def test_invalid_upload_lists_every_problem_with_its_place(tmp_path: Path, tiny_dir: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    pegawai = (tiny_dir / "pegawai.csv").read_text(encoding="utf-8").splitlines()
    header = pegawai[0].split(",")
    row = pegawai[1].split(",")
    row[header.index("nip")] = "12345"  # a bad NIP
    ws.add_upload("pegawai.csv", "\n".join([pegawai[0], ",".join(row), *pegawai[2:]]).encode())
    ws.add_upload("jabatan.csv", b"jabatan_id\nJ-1\n")  # required columns missing
    check = ws.use_uploads()
    assert not check.ok
    located = {(i.file.split("/")[-1], i.row, i.column) for i in check.issues}
    assert ("pegawai.csv", 2, "nip") in located
    assert any(f == "jabatan.csv" and r is None for f, r, _ in located)


def test_scenario_yaml_reads_back_equal_in_the_cli(tmp_path: Path, tiny_dir: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    ws.use_data(tiny_dir)
    ws.scenario = ws.scenario.model_copy(
        update={
            "batas": Batas(perpindahan_per_opd=3),
            "kunci": [Kunci(nip="199001012015031001", jabatan_id="J-001")],
            "wajib_pindah": ["198501012010011001"],
        }
    )
    path = ws.save_scenario()
    assert load_scenario(path) == ws.scenario
    assert scenario_from_yaml(path.read_text(encoding="utf-8")) == ws.scenario


def test_bad_scenario_yaml_gets_located_messages() -> None:
    with pytest.raises(PlacementError) as err:
        scenario_from_yaml("bobot:\n  kecocokan: -5\n")
    assert any("bobot" in (i.column or "") for i in err.value.issues)
    with pytest.raises(PlacementError, match="YAML tidak valid"):
        scenario_from_yaml("a: [1,\n")


def _wait(job: Job, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while job.running and time.monotonic() < deadline:
        job.poll()
        time.sleep(0.1)
    assert not job.running, job.log


def test_a_job_solves_writes_and_records_in_a_child_process(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    ws.use_synthetic("tiny")
    job = ws.start_job()
    with pytest.raises(PlacementError, match="Sudah ada run yang berjalan"):
        ws.start_job()
    _wait(job)
    assert job.state == "selesai", (job.crash, job.issues)
    assert job.status == "OPTIMAL" and job.run_id == 1
    assert any("Menyusun model" in m for _, m in job.log)
    day = ws.scenario.tanggal_rencana.isoformat()
    assert f"Tanggal rencana: {day} (dari skenario)" in [m for _, m in job.log]
    assert (job.spec.out / "rencana.xlsx").exists()
    with RunStore(ws.store) as store:
        assert store.verify(1).ok
        assert store.show(1)["perintah"] == "ui"


def test_a_job_with_contradictory_locks_fails_with_located_issues(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    ws.use_synthetic("tiny")
    ws.scenario = ws.scenario.model_copy(
        update={"kunci": [Kunci(nip="000000000000000000", jabatan_id="J-404")]}
    )
    job = ws.start_job()
    _wait(job)
    assert job.state == "gagal"
    assert job.issues["id"] and job.issues["en"]
    assert not (job.spec.out / "rencana.csv").exists()


def test_cancelling_a_job_writes_no_plan(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    ws.use_synthetic("kabupaten")
    job = ws.start_job()
    while job.running and not any("Menyusun" in m for _, m in job.log):
        job.poll()
        time.sleep(0.05)
    job.cancel()
    _wait(job, 60)
    assert job.state == "dibatalkan"
    assert not (job.spec.out / "hasil.json").exists()
    assert not ws.store.exists() or RunStore(ws.store).list().empty


def test_data_must_be_valid_before_a_run(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    with pytest.raises(PlacementError) as err:
        ws.start_job()
    assert err.value.issues[0].code == "DATA_BELUM_SIAP"
    assert isinstance(ws.scenario, Skenario)


def test_ui_refuses_a_network_address_without_the_explicit_flag(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from placement.cli import main
    from placement.cli.ui_cmd import is_loopback

    result = CliRunner().invoke(main, ["ui", "--host", "0.0.0.0", "--folder-kerja", str(tmp_path)])
    assert result.exit_code == 2
    assert "--izinkan-jaringan" in result.output and "UU PDP" in result.output
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_a_child_that_dies_without_its_result_is_reported(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    ws.use_synthetic("kabupaten")
    job = ws.start_job()
    while job.running and not job.log:
        job.poll()
        time.sleep(0.05)
    job.process.kill()  # e.g. the out-of-memory killer
    _wait(job, 30)
    assert job.state == "gagal"
    assert job.crash is not None and "berhenti tanpa hasil" in job.crash
    assert not (job.spec.out / "hasil.json").exists()


def test_a_job_on_a_damaged_store_fails_before_solving_and_writes_no_plan(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "kerja", tmp_path / "runs.sqlite")
    ws.use_synthetic("tiny")
    ws.store.write_bytes(b"bukan basis data SQLite " * 100)
    job = ws.start_job()
    _wait(job)
    assert job.state == "gagal", (job.crash, job.log)
    assert any(i["code"].startswith("PENYIMPANAN") for i in job.issues["id"]), job.issues
    assert not (job.spec.out / "hasil.json").exists()
    assert not any("Menyusun model" in m for _, m in job.log)  # refused before solving
