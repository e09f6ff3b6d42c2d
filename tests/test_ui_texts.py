"""Planner's language of the web workspace without a browser (issue 21): the solve log without
backend names and with id-ID numbers, the time-left estimate from stage timings, the data's
name instead of a work-folder path, severities in words."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from placement.ui import i18n
from placement.ui.jobs import Job, JobSpec
from placement.ui.layout import severity_label
from placement.ui.pages.data import data_name
from placement.ui.pages.run import log_text
from placement.ui.pages.succession import post_labels


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


def test_people_and_posts_by_name_and_masked_nips() -> None:
    from placement.synth import generate
    from placement.ui.people import current_post, mask_nip, post_name

    ds = generate("tiny", 0)
    outsider = ds.pegawai[ds.pegawai["jabatan_id"].isna()].iloc[0]
    holder = ds.pegawai[ds.pegawai["jabatan_id"].notna()].iloc[0]
    post = ds.jabatan[ds.jabatan["jabatan_id"] == holder["jabatan_id"]].iloc[0]
    assert post_name(ds, str(post["jabatan_id"])) == f"{post['name']} ({post['opd']})"
    assert current_post(ds, str(holder["nip"])) == f"{post['name']} ({post['opd']})"
    words = current_post(ds, str(outsider["nip"]))  # no nama_jabatan: kind, level, unit in words
    assert words.endswith(f", {outsider['unit']}") and "_" not in words
    row = ds.person_index[str(outsider["nip"])]
    ds.pegawai.loc[ds.pegawai.index[row], "post_name"] = "Analis Kepegawaian Ahli Muda"
    assert current_post(ds, str(outsider["nip"])) == (
        f"Analis Kepegawaian Ahli Muda, {outsider['unit']}"
    )
    assert mask_nip("197607131998112001", False) == "••••••••1998112001"
    assert mask_nip("197607131998112001", True) == "197607131998112001"


def test_the_plan_filter_keeps_rows_of_the_opd_kind_and_text() -> None:
    import pandas as pd

    from placement.ui.pages.plan import HIDDEN, filter_plan

    frame = pd.DataFrame(
        {
            "Nama": ["Ani", "Budi", "Citra"],
            "Jabatan tujuan": ["Camat A", "Lurah B", "Camat C"],
            "_nip": ["1", "2", "3"],
            "_opd": ["Dinas X|Kec A", "Kec B|Kec B", "Kec A|Kec C"],
            "_jenis": ["promosi", "tetap", "rotasi"],
        }
    )
    assert list(filter_plan(frame, "Kec A", "", "")["Nama"]) == ["Ani", "Citra"]
    assert list(filter_plan(frame, "Kec A", "rotasi", "")["Nama"]) == ["Citra"]
    assert list(filter_plan(frame, "", "", "camat")["Nama"]) == ["Ani", "Citra"]
    assert list(filter_plan(frame, "", "", "kec")["Nama"]) == []  # hidden fields are not searched
    assert set(HIDDEN) <= set(frame.columns)


def test_an_unknown_time_zone_is_refused_before_the_server_starts(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from placement.cli import main

    res = CliRunner().invoke(
        main,
        [
            "ui",
            "--zona-waktu",
            "Mars/Olympus",
            "--folder-kerja",
            str(tmp_path / "k"),
            "--store",
            str(tmp_path / "r.sqlite"),
        ],
    )
    assert res.exit_code == 2 and "zona waktu 'Mars/Olympus' tidak dikenal" in res.output
    assert "Traceback" not in res.output


def test_succession_posts_are_picked_by_name_with_the_code_only_for_twins() -> None:
    bench = pd.DataFrame(
        {
            "jabatan_id": ["J-040", "J-007", "J-008"],
            "nama_jabatan": ["Kepala Dinas Kesehatan", "Sekretaris Camat", "Sekretaris Camat"],
            "opd": ["Dinas Kesehatan", "Kecamatan Tua", "Kecamatan Tua"],
        }
    )
    assert post_labels(bench) == {
        "J-040": "Kepala Dinas Kesehatan (Dinas Kesehatan)",
        "J-007": "Sekretaris Camat (Kecamatan Tua) · J-007",
        "J-008": "Sekretaris Camat (Kecamatan Tua) · J-008",
    }
