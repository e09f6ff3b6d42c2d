"""Planner's language of the web workspace without a browser (issue 21): the solve log without
backend names and with id-ID numbers, the time-left estimate from stage timings, the data's
name instead of a work-folder path, severities in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from placement.ui import i18n
from placement.ui.jobs import Job, JobSpec
from placement.ui.layout import severity_label
from placement.ui.pages.data import data_name
from placement.ui.pages.run import log_text


@pytest.fixture
def english() -> object:
    i18n.set_lang("en")
    yield None
    i18n.set_lang("id")


def test_the_solve_log_has_no_backend_names_and_id_numbers() -> None:
    assert log_text("Menyelesaikan dengan backend mip") == "Menghitung rencana optimal"
    assert log_text("Menyusun model (254,701 pasangan)") == (
        "Menyusun model (254.701 pasangan pegawai–jabatan)"
    )
    assert "tingkat prioritas" in log_text("Menyelesaikan 3 tingkat leksikografis")
    assert severity_label("warning") == "peringatan" and severity_label("error") == "galat"


def test_the_solve_log_in_english(english: object) -> None:
    assert log_text("Menyelesaikan dengan backend cpsat") == "Computing the optimal plan"
    assert log_text("Menyusun model (254,701 pasangan)") == (
        "Building the model (254,701 employee–post pairs)"
    )
    assert log_text("Membaca dan memvalidasi data") == "Reading and checking the data"
    assert severity_label("warning") == "warning"


def _job(log: list[tuple[float, str]], elapsed: float, state: str) -> Job:
    job = Job(JobSpec(Path("d"), Path("s"), Path("o"), Path("r"), None), None, None)  # type: ignore[arg-type]
    job.log, job.state, job.started = log, state, 0.0
    job.ended = elapsed
    return job


def test_time_left_comes_from_the_stage_timings_of_the_previous_run() -> None:
    before = _job([(0.0, "a"), (2.0, "b"), (5.0, "c")], 45.0, "selesai")  # b 3 s, c 40 s
    now = _job([(0.0, "a"), (2.5, "b")], 4.0, "berjalan")  # 1.5 s into b
    assert now.remaining(before) == pytest.approx(1.5 + 40.0)
    late = _job([(0.0, "a"), (2.0, "b"), (5.0, "c")], 60.0, "berjalan")  # 55 s into c
    assert late.remaining(before) == 0.0
    assert now.remaining(None) is None
    assert now.remaining(_job([(0.0, "a")], 1.0, "dibatalkan")) is None


def test_the_data_is_named_not_its_work_folder(tmp_path: Path) -> None:
    synthetic = tmp_path / "data-sintetis-kabupaten-0"
    uploaded = tmp_path / "data-unggahan-20261202-101010-1"
    for folder in (synthetic, uploaded):
        folder.mkdir()
    (uploaded / "pegawai.csv").write_text("x")
    (uploaded / "jabatan.csv").write_text("x")
    assert data_name(synthetic) == "wilayah sintetis kabupaten"
    assert data_name(uploaded) == "file unggahan: jabatan.csv, pegawai.csv"
    assert data_name(tmp_path / "data-bkpsdm") == "data-bkpsdm"
    assert str(tmp_path) not in data_name(uploaded)
