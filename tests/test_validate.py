"""Validation: a tiny valid base, then one defect at a time, each located by code, row, column.

The base data and the csv helpers here are reused by test_readers and test_roundtrip (they do
not depend on the synthetic generator).
"""

from __future__ import annotations

import copy
import csv
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from placement.cli.base import main
from placement.domain.errors import Issue, PlacementError, Severity
from placement.domain.messages import TEMPLATES
from placement.domain.schema import TABLES
from placement.domain.validate import CODES, parse_dates, validate_tables
from placement.io.readers import load_dataset, validate_path
from placement.io.templates import data_format_markdown

Rows = list[dict[str, str]]
Tables = dict[str, Rows]

NIP_BUDI = "197001012000011001"
NIP_SITI = "198002022005022002"
NIP_ANDI = "198503032010031003"
NIP_DEWI = "199004042015042004"
NIP_RINA = "199105052021212005"  # PPPK: "21" in the month place
NIPS = (NIP_BUDI, NIP_SITI, NIP_ANDI, NIP_DEWI, NIP_RINA)


def _person(nip: str, name: str, birth: str, gender: str, **extra: str) -> dict[str, str]:
    row = {c.header: "" for c in TABLES[0].columns}
    row.update(
        nip=nip,
        nama=name,
        tanggal_lahir=birth,
        jenis_kelamin=gender,
        status_kepegawaian="PNS",
        unit_kerja="Dinas Kesehatan",
        pendidikan="S1",
        predikat_kinerja_1="Baik",
        predikat_kinerja_2="Baik",
    )
    row.update(extra)
    return row


# fmt: off
BASE: Tables = {
    "pegawai": [
        _person(
            NIP_BUDI,
            "Budi Santoso, S.T.",
            "1970-01-01",
            "L",
            gol_ruang="IV/b",
            tmt_golongan="2018-04-01",
            jabatan_id="J-001",
            jenis_jabatan="JPT_PRATAMA",
            tmt_jabatan="2021-01-04",
            pendidikan="S2",
            kotak_talenta="8",
            job_fit="optimal",
        ),
        _person(
            NIP_SITI,
            "Siti Aminah",
            "1980-02-02",
            "P",
            gol_ruang="IV/a",
            tmt_golongan="2019-04-01",
            jabatan_id="J-002",
            jenis_jabatan="ADMINISTRATOR",
            tmt_jabatan="2020-01-02",
            kotak_talenta="7",
        ),
        _person(
            NIP_ANDI,
            "Andi Wijaya",
            "1985-03-03",
            "L",
            gol_ruang="III/c",
            tmt_golongan="2018-10-01",
            jabatan_id="J-003",
            jenis_jabatan="PENGAWAS",
            tmt_jabatan="2019-01-02",
            kotak_talenta="6",
            hukuman_disiplin="ringan",
            tmt_selesai_hukuman="2026-01-01",
        ),
        _person(
            NIP_DEWI,
            "Dewi Lestari",
            "1990-04-04",
            "P",
            gol_ruang="III/b",
            jenis_jabatan="FUNGSIONAL",
            jenjang="ahli pertama",
            kotak_talenta="9",
        ),
        _person(
            NIP_RINA,
            "Rina Marlina",
            "1991-05-05",
            "P",
            status_kepegawaian="PPPK",
            gol_ruang="IX",
            jenis_jabatan="PELAKSANA",
            kotak_talenta="5",
        ),
    ],
    "jabatan": [
        {
            "jabatan_id": "J-001",
            "nama_jabatan": "Kepala Dinas Kesehatan",
            "unit_kerja": "Dinas Kesehatan",
            "jenis_jabatan": "JPT_PRATAMA",
            "eselon": "II.b",
            "gol_min": "",
            "pendidikan_min": "",
            "rumpun": "kesehatan",
            "prioritas": "1",
            "wajib_isi": "ya",
        },
        {
            "jabatan_id": "J-002",
            "nama_jabatan": "Sekretaris Dinas Kesehatan",
            "unit_kerja": "Dinas Kesehatan",
            "jenis_jabatan": "ADMINISTRATOR",
            "eselon": "III.a",
            "gol_min": "",
            "pendidikan_min": "",
            "rumpun": "umum",
            "prioritas": "2",
            "wajib_isi": "ya",
        },
        {
            "jabatan_id": "J-003",
            "nama_jabatan": "Kepala Seksi Promosi Kesehatan",
            "unit_kerja": "Dinas Kesehatan",
            "jenis_jabatan": "PENGAWAS",
            "eselon": "IV.a",
            "gol_min": "",
            "pendidikan_min": "",
            "rumpun": "kesehatan",
            "prioritas": "3",
            "wajib_isi": "tidak",
        },
    ],
    "kompetensi": [
        row
        for nip in NIPS
        for row in (
            {"nip": nip, "kompetensi": "integritas", "level": "4"},
            {"nip": nip, "kompetensi": "kerja sama", "level": "3,25"},
        )
    ],
    "standar_kompetensi": [
        row
        for jid in ("J-001", "J-002", "J-003")
        for row in (
            {"jabatan_id": jid, "kompetensi": "integritas", "level": "4"},
            {"jabatan_id": jid, "kompetensi": "kerja sama", "level": "3"},
        )
    ],
}
# fmt: on


def base() -> Tables:
    """A fresh deep copy of the valid base tables."""
    return copy.deepcopy(BASE)


def write_csvs(folder: Path, tables: Tables, *, sep: str = ",", encoding: str = "utf-8") -> Path:
    """Write each table as ``<name>.csv`` (header = keys of the first row, else the template)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        header = list(rows[0]) if rows else [c.header for c in _table(name).columns]
        with (folder / f"{name}.csv").open("w", encoding=encoding, newline="") as fh:
            writer = csv.writer(fh, delimiter=sep, lineterminator="\n")
            writer.writerow(header)
            writer.writerows([[r.get(h, "") for h in header] for r in rows])
    return folder


def _table(name: str):  # type: ignore[no-untyped-def]
    return next(t for t in TABLES if t.name == name)


def issues_for(tmp_path: Path, tables: Tables) -> list[Issue]:
    _, issues, _ = validate_path(write_csvs(tmp_path / "data", tables))
    return issues


def find(issues: list[Issue], code: str) -> list[Issue]:
    return [i for i in issues if i.code == code]


# --- the base is valid --------------------------------------------------------------------


def test_base_is_valid_without_warnings(tmp_path: Path) -> None:
    assert issues_for(tmp_path, base()) == []


def test_base_loads_as_dataset(tmp_path: Path) -> None:
    ds, warnings = load_dataset(write_csvs(tmp_path, base()))
    assert warnings == []
    assert ds.n_people == 5 and ds.n_posts == 3
    assert ds.holder_of("J-001") == NIP_BUDI
    assert ds.profile(NIP_BUDI).levels == {"integritas": 4.0, "kerja sama": 3.25}
    assert ds.post("J-003").must_fill is False and ds.post("J-001").priority == 1
    assert set(ds.sources) == {f"{t.name}.csv" for t in TABLES}


# --- one defect at a time: code, row and column --------------------------------------------

Edit = tuple[str, int, str, str]  # table, data row index (0-based), header, new value

CELL_CASES: list[tuple[str, list[Edit], str, str, int, str]] = [
    # (id, edits, code, file, excel row, column)
    (
        "nip-short",
        [("pegawai", 0, "nip", "19700101200001100")],
        "NIP_PANJANG",
        "pegawai.csv",
        2,
        "nip",
    ),
    (
        "nip-letter",
        [("pegawai", 1, "nip", "19800202200502200X")],
        "NIP_BUKAN_ANGKA",
        "pegawai.csv",
        3,
        "nip",
    ),
    (
        "nip-birth",
        [("pegawai", 2, "nip", "198502302010031003")],
        "NIP_TANGGAL_LAHIR",
        "pegawai.csv",
        4,
        "nip",
    ),
    (
        "nip-tmt",
        [("pegawai", 0, "nip", "197001012000131001")],
        "NIP_TMT_CPNS",
        "pegawai.csv",
        2,
        "nip",
    ),
    (
        "nip-gender",
        [("pegawai", 0, "nip", "197001012000013001")],
        "NIP_JENIS_KELAMIN",
        "pegawai.csv",
        2,
        "nip",
    ),
    (
        "nip-excel",
        [("pegawai", 3, "nip", "1.99004E+17")],
        "NIP_EXCEL_ANGKA",
        "pegawai.csv",
        5,
        "nip",
    ),
    ("nip-dup", [("pegawai", 1, "nip", NIP_BUDI)], "NIP_GANDA", "pegawai.csv", 3, "nip"),
    (
        "birth-vs-nip",
        [("pegawai", 0, "tanggal_lahir", "1970-01-02")],
        "TANGGAL_LAHIR_TIDAK_SESUAI_NIP",
        "pegawai.csv",
        2,
        "tanggal_lahir",
    ),
    (
        "grade-unknown",
        [("pegawai", 0, "gol_ruang", "V/a")],
        "GOLONGAN_TIDAK_DIKENAL",
        "pegawai.csv",
        2,
        "gol_ruang",
    ),
    (
        "pns-pppk-grade",
        [("pegawai", 1, "gol_ruang", "IX")],
        "GOLONGAN_TIDAK_SESUAI_STATUS",
        "pegawai.csv",
        3,
        "gol_ruang",
    ),
    (
        "pppk-pns-grade",
        [("pegawai", 4, "gol_ruang", "III/a")],
        "GOLONGAN_TIDAK_SESUAI_STATUS",
        "pegawai.csv",
        6,
        "gol_ruang",
    ),
    (
        "status-unknown",
        [("pegawai", 0, "status_kepegawaian", "Honorer")],
        "STATUS_TIDAK_DIKENAL",
        "pegawai.csv",
        2,
        "status_kepegawaian",
    ),
    (
        "jenis-unknown",
        [("pegawai", 3, "jenis_jabatan", "Staf Khusus")],
        "JENIS_JABATAN_TIDAK_DIKENAL",
        "pegawai.csv",
        5,
        "jenis_jabatan",
    ),
    (
        "jenjang-unknown",
        [("pegawai", 3, "jenjang", "ahli super")],
        "JENJANG_TIDAK_DIKENAL",
        "pegawai.csv",
        5,
        "jenjang",
    ),
    (
        "education-unknown",
        [("pegawai", 0, "pendidikan", "S4")],
        "PENDIDIKAN_TIDAK_DIKENAL",
        "pegawai.csv",
        2,
        "pendidikan",
    ),
    (
        "gender-unknown",
        [("pegawai", 0, "jenis_kelamin", "X")],
        "JENIS_KELAMIN_TIDAK_DIKENAL",
        "pegawai.csv",
        2,
        "jenis_kelamin",
    ),
    (
        "skp-unknown",
        [("pegawai", 2, "predikat_kinerja_1", "Luar Biasa")],
        "PREDIKAT_KINERJA_TIDAK_DIKENAL",
        "pegawai.csv",
        4,
        "predikat_kinerja_1",
    ),
    (
        "sanction-unknown",
        [("pegawai", 2, "hukuman_disiplin", "sangat berat")],
        "HUKUMAN_DISIPLIN_TIDAK_DIKENAL",
        "pegawai.csv",
        4,
        "hukuman_disiplin",
    ),
    (
        "jobfit-unknown",
        [("pegawai", 0, "job_fit", "bagus")],
        "JOB_FIT_TIDAK_DIKENAL",
        "pegawai.csv",
        2,
        "job_fit",
    ),
    (
        "date-impossible",
        [("pegawai", 0, "tmt_golongan", "2019-02-30")],
        "TANGGAL_TIDAK_VALID",
        "pegawai.csv",
        2,
        "tmt_golongan",
    ),
    (
        "date-month-13",
        [("pegawai", 1, "tmt_jabatan", "31/13/2020")],
        "TANGGAL_TIDAK_VALID",
        "pegawai.csv",
        3,
        "tmt_jabatan",
    ),
    (
        "date-text",
        [("pegawai", 2, "tmt_selesai_hukuman", "kemarin")],
        "TANGGAL_TIDAK_VALID",
        "pegawai.csv",
        4,
        "tmt_selesai_hukuman",
    ),
    (
        "date-year",
        [("pegawai", 0, "tmt_golongan", "18-04-1018")],
        "TANGGAL_TIDAK_VALID",
        "pegawai.csv",
        2,
        "tmt_golongan",
    ),
    (
        "post-unknown",
        [("pegawai", 0, "jabatan_id", "J-999")],
        "JABATAN_ID_TIDAK_DIKENAL",
        "pegawai.csv",
        2,
        "jabatan_id",
    ),
    (
        "post-held-twice",
        [("pegawai", 1, "jabatan_id", "J-001"), ("pegawai", 1, "jenis_jabatan", "JPT_PRATAMA")],
        "JABATAN_DIPEGANG_GANDA",
        "pegawai.csv",
        3,
        "jabatan_id",
    ),
    (
        "kind-vs-post",
        [("pegawai", 0, "jenis_jabatan", "ADMINISTRATOR")],
        "JENIS_JABATAN_TIDAK_SESUAI_JABATAN",
        "pegawai.csv",
        2,
        "jenis_jabatan",
    ),
    (
        "box-10",
        [("pegawai", 0, "kotak_talenta", "10")],
        "KOTAK_TALENTA_TIDAK_VALID",
        "pegawai.csv",
        2,
        "kotak_talenta",
    ),
    (
        "box-fraction",
        [("pegawai", 1, "kotak_talenta", "7.5")],
        "KOTAK_TALENTA_TIDAK_VALID",
        "pegawai.csv",
        3,
        "kotak_talenta",
    ),
    (
        "box-text",
        [("pegawai", 2, "kotak_talenta", "tinggi")],
        "KOTAK_TALENTA_TIDAK_VALID",
        "pegawai.csv",
        4,
        "kotak_talenta",
    ),
    ("name-empty", [("pegawai", 3, "nama", "")], "NILAI_WAJIB_KOSONG", "pegawai.csv", 5, "nama"),
    (
        "unit-null",
        [("pegawai", 4, "unit_kerja", "null")],
        "NILAI_WAJIB_KOSONG",
        "pegawai.csv",
        6,
        "unit_kerja",
    ),
    (
        "post-id-dup",
        [("jabatan", 1, "jabatan_id", "J-001")],
        "JABATAN_ID_GANDA",
        "jabatan.csv",
        3,
        "jabatan_id",
    ),
    (
        "eselon-unknown",
        [("jabatan", 0, "eselon", "V.a")],
        "ESELON_TIDAK_DIKENAL",
        "jabatan.csv",
        2,
        "eselon",
    ),
    (
        "eselon-vs-kind",
        [("jabatan", 0, "eselon", "III.a")],
        "ESELON_TIDAK_SESUAI_JENIS",
        "jabatan.csv",
        2,
        "eselon",
    ),
    (
        "post-not-structural",
        [("jabatan", 2, "jenis_jabatan", "FUNGSIONAL")],
        "JENIS_JABATAN_BUKAN_STRUKTURAL",
        "jabatan.csv",
        4,
        "jenis_jabatan",
    ),
    (
        "post-kind-unknown",
        [("jabatan", 2, "jenis_jabatan", "KEPALA")],
        "JENIS_JABATAN_TIDAK_DIKENAL",
        "jabatan.csv",
        4,
        "jenis_jabatan",
    ),
    (
        "priority-4",
        [("jabatan", 0, "prioritas", "4")],
        "PRIORITAS_TIDAK_VALID",
        "jabatan.csv",
        2,
        "prioritas",
    ),
    (
        "priority-0",
        [("jabatan", 1, "prioritas", "0")],
        "PRIORITAS_TIDAK_VALID",
        "jabatan.csv",
        3,
        "prioritas",
    ),
    (
        "must-fill",
        [("jabatan", 0, "wajib_isi", "mungkin")],
        "WAJIB_ISI_TIDAK_VALID",
        "jabatan.csv",
        2,
        "wajib_isi",
    ),
    (
        "gol-min-unknown",
        [("jabatan", 2, "gol_min", "IV/z")],
        "GOLONGAN_TIDAK_DIKENAL",
        "jabatan.csv",
        4,
        "gol_min",
    ),
    (
        "edu-min-unknown",
        [("jabatan", 2, "pendidikan_min", "S9")],
        "PENDIDIKAN_TIDAK_DIKENAL",
        "jabatan.csv",
        4,
        "pendidikan_min",
    ),
    (
        "post-name-empty",
        [("jabatan", 1, "nama_jabatan", "")],
        "NILAI_WAJIB_KOSONG",
        "jabatan.csv",
        3,
        "nama_jabatan",
    ),
    (
        "level-6",
        [("kompetensi", 0, "level", "6")],
        "LEVEL_TIDAK_VALID",
        "kompetensi.csv",
        2,
        "level",
    ),
    (
        "level-half",
        [("kompetensi", 3, "level", "0,5")],
        "LEVEL_TIDAK_VALID",
        "kompetensi.csv",
        5,
        "level",
    ),
    (
        "level-text",
        [("kompetensi", 5, "level", "tiga")],
        "LEVEL_TIDAK_VALID",
        "kompetensi.csv",
        7,
        "level",
    ),
    (
        "score-unknown-nip",
        [("kompetensi", 9, "nip", "196501011990011001")],
        "KOMPETENSI_NIP_TIDAK_DIKENAL",
        "kompetensi.csv",
        11,
        "nip",
    ),
    (
        "score-bad-nip",
        [("kompetensi", 9, "nip", "123")],
        "NIP_PANJANG",
        "kompetensi.csv",
        11,
        "nip",
    ),
    (
        "score-dup",
        [("kompetensi", 1, "kompetensi", "Integritas")],
        "KOMPETENSI_GANDA",
        "kompetensi.csv",
        3,
        "kompetensi",
    ),
    (
        "standard-unknown-post",
        [("standar_kompetensi", 0, "jabatan_id", "J-404")],
        "STANDAR_JABATAN_TIDAK_DIKENAL",
        "standar_kompetensi.csv",
        2,
        "jabatan_id",
    ),
    (
        "standard-dup",
        [("standar_kompetensi", 3, "kompetensi", "integritas")],
        "STANDAR_GANDA",
        "standar_kompetensi.csv",
        5,
        "kompetensi",
    ),
    (
        "standard-level",
        [("standar_kompetensi", 4, "level", "7")],
        "LEVEL_TIDAK_VALID",
        "standar_kompetensi.csv",
        6,
        "level",
    ),
    # impossible dates (no plan date given: against today)
    (
        "birth-future",
        [("pegawai", 0, "tanggal_lahir", "2040-01-01")],
        "TANGGAL_MASA_DEPAN",
        "pegawai.csv",
        2,
        "tanggal_lahir",
    ),
    (
        "birth-future-nip",
        [("pegawai", 3, "tanggal_lahir", ""), ("pegawai", 3, "nip", "204004042060042004")],
        "TANGGAL_MASA_DEPAN",
        "pegawai.csv",
        5,
        "nip",
    ),
    (
        "age-10",
        [("pegawai", 3, "tanggal_lahir", "2020-04-04")],
        "USIA_TIDAK_WAJAR",
        "pegawai.csv",
        5,
        "tanggal_lahir",
    ),
    (
        "age-80",
        [("pegawai", 0, "tanggal_lahir", "1940-01-01")],
        "USIA_TIDAK_WAJAR",
        "pegawai.csv",
        2,
        "tanggal_lahir",
    ),
    (
        "tmt-cpns-2035",
        [("pegawai", 0, "nip", "197001012035011001")],
        "TANGGAL_MASA_DEPAN",
        "pegawai.csv",
        2,
        "nip",
    ),
    (
        "tmt-jabatan-future",
        [("pegawai", 1, "tmt_jabatan", "2035-01-02")],
        "TANGGAL_MASA_DEPAN",
        "pegawai.csv",
        3,
        "tmt_jabatan",
    ),
    (
        "tmt-golongan-child",
        [("pegawai", 2, "tmt_golongan", "1995-04-01")],
        "TANGGAL_TERLALU_AWAL",
        "pegawai.csv",
        4,
        "tmt_golongan",
    ),
    (
        "tmt-cpns-child",
        [("pegawai", 0, "nip", "197001011985011001")],
        "TANGGAL_TERLALU_AWAL",
        "pegawai.csv",
        2,
        "nip",
    ),
    # warnings
    (
        "birth-empty",
        [("pegawai", 1, "tanggal_lahir", "")],
        "TANGGAL_LAHIR_KOSONG",
        "pegawai.csv",
        3,
        "tanggal_lahir",
    ),
    (
        "holder-grade",
        [("pegawai", 0, "gol_ruang", "IV/a")],
        "PEMEGANG_GOLONGAN_KURANG",
        "pegawai.csv",
        2,
        "gol_ruang",
    ),
    (
        "holder-grade-override",
        [("jabatan", 0, "gol_min", "IV/c")],
        "PEMEGANG_GOLONGAN_KURANG",
        "pegawai.csv",
        2,
        "gol_ruang",
    ),
    (
        "holder-education",
        [("pegawai", 1, "pendidikan", "SMA")],
        "PEMEGANG_PENDIDIKAN_KURANG",
        "pegawai.csv",
        3,
        "pendidikan",
    ),
    (
        "holder-education-pengawas",
        [("pegawai", 2, "pendidikan", "D2")],
        "PEMEGANG_PENDIDIKAN_KURANG",
        "pegawai.csv",
        4,
        "pendidikan",
    ),
    (
        "gender-vs-nip",
        [("pegawai", 0, "jenis_kelamin", "P")],
        "JENIS_KELAMIN_TIDAK_SESUAI_NIP",
        "pegawai.csv",
        2,
        "jenis_kelamin",
    ),
    (
        "status-vs-nip",
        [("pegawai", 4, "status_kepegawaian", "PNS"), ("pegawai", 4, "gol_ruang", "II/c")],
        "STATUS_TIDAK_SESUAI_NIP",
        "pegawai.csv",
        6,
        "status_kepegawaian",
    ),
    (
        "jf-without-jenjang",
        [("pegawai", 3, "jenjang", "")],
        "JENJANG_KOSONG",
        "pegawai.csv",
        5,
        "jenjang",
    ),
    (
        "structural-without-post",
        [("pegawai", 2, "jabatan_id", "")],
        "STRUKTURAL_TANPA_JABATAN",
        "pegawai.csv",
        4,
        "jabatan_id",
    ),
]


@pytest.mark.parametrize(
    ("edits", "code", "file", "row", "column"),
    [pytest.param(*case[1:], id=case[0]) for case in CELL_CASES],
)
def test_cell_defect_is_located(
    tmp_path: Path, edits: list[Edit], code: str, file: str, row: int, column: str
) -> None:
    tables = base()
    for table, idx, header, value in edits:
        tables[table][idx][header] = value
    issues = issues_for(tmp_path, tables)
    hits = [i for i in find(issues, code) if (i.file, i.row, i.column) == (file, row, column)]
    assert hits, (
        f"{code} at {file}:{row}:{column} not in {[(i.code, i.file, i.row, i.column) for i in issues]}"
    )
    assert hits[0].severity is CODES[code].severity
    assert hits[0].message_id and hits[0].message_en and hits[0].message_id != hits[0].message_en


def test_dates_are_checked_against_the_plan_date(tmp_path: Path) -> None:
    tables = base()
    tables["pegawai"][1]["tmt_jabatan"] = "2026-03-01"
    tables["pegawai"][3].update(tanggal_lahir="", nip="200806042026042004")  # 18 on 2026-06-04
    folder = write_csvs(tmp_path, tables)
    _, issues, _ = validate_path(folder, plan_date=date(2026, 2, 1))
    found = [(i.code, i.row, i.column) for i in issues if i.severity is Severity.ERROR]
    assert ("TANGGAL_MASA_DEPAN", 3, "tmt_jabatan") in found
    assert ("USIA_TIDAK_WAJAR", 5, "nip") in found
    assert "setelah tanggal rencana 2026-02-01" in find(issues, "TANGGAL_MASA_DEPAN")[0].message_id
    _, issues, _ = validate_path(folder, plan_date=date(2026, 7, 1))
    assert not find(issues, "TANGGAL_MASA_DEPAN") and not find(issues, "USIA_TIDAK_WAJAR")


def test_without_a_plan_date_today_is_used_and_said() -> None:
    frame = pd.DataFrame([{**BASE["pegawai"][1], "tmt_jabatan": "2099-01-01"}])
    _, issues = validate_tables({"pegawai": frame})
    [issue] = find(issues, "TANGGAL_MASA_DEPAN")
    assert f"hari ini ({date.today()}; tanggal rencana belum diketahui" in issue.message_id


def test_solve_refuses_a_tmt_after_the_plan_date(tmp_path: Path) -> None:
    tables = base()
    tables["pegawai"][1]["tmt_jabatan"] = "2026-03-01"  # would be a negative tenure
    folder = write_csvs(tmp_path / "data", tables)
    args = [
        "solve",
        str(folder),
        "--date",
        "2026-01-01",
        "--out",
        str(tmp_path / "o"),
        "--no-store",
    ]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 1 and "TANGGAL_MASA_DEPAN" in res.output, res.output
    assert not (tmp_path / "o").exists()
    res = CliRunner().invoke(main, ["validate", str(folder), "--date", "2026-01-01"])
    assert res.exit_code == 1 and "setelah tanggal rencana 2026-01-01" in res.output


def _drop_scores(tables: Tables) -> None:
    tables["kompetensi"] = [r for r in tables["kompetensi"] if r["nip"] != NIP_SITI]


def _drop_standard(tables: Tables) -> None:
    tables["standar_kompetensi"] = [
        r for r in tables["standar_kompetensi"] if r["jabatan_id"] != "J-003"
    ]


def _drop_column(name: str, header: str) -> Callable[[Tables], None]:
    def edit(tables: Tables) -> None:
        for r in tables[name]:
            del r[header]

    return edit


def _add_column(name: str, header: str, value: str) -> Callable[[Tables], None]:
    def edit(tables: Tables) -> None:
        for r in tables[name]:
            r[header] = value

    return edit


def _add_nip_alias(tables: Tables) -> None:
    for r in tables["pegawai"]:
        r["NIP BARU"] = r["nip"]


TABLE_CASES: list[tuple[str, Callable[[Tables], None], str, str, int | None, str | None]] = [
    ("scores-missing", _drop_scores, "KOMPETENSI_TIDAK_ADA", "pegawai.csv", 3, "nip"),
    ("standard-missing", _drop_standard, "STANDAR_TIDAK_ADA", "jabatan.csv", 4, "jabatan_id"),
    (
        "required-column",
        _drop_column("pegawai", "nama"),
        "KOLOM_WAJIB_TIDAK_ADA",
        "pegawai.csv",
        None,
        "nama",
    ),
    (
        "required-column-jabatan",
        _drop_column("jabatan", "eselon"),
        "KOLOM_WAJIB_TIDAK_ADA",
        "jabatan.csv",
        None,
        "eselon",
    ),
    (
        "required-column-level",
        _drop_column("kompetensi", "level"),
        "KOLOM_WAJIB_TIDAK_ADA",
        "kompetensi.csv",
        None,
        "level",
    ),
    (
        "birth-column-missing",
        _drop_column("pegawai", "tanggal_lahir"),
        "TANGGAL_LAHIR_KOSONG",
        "pegawai.csv",
        None,
        "tanggal_lahir",
    ),
    (
        "extra-column",
        _add_column("jabatan", "catatan", "x"),
        "KOLOM_TIDAK_DIKENAL",
        "jabatan.csv",
        1,
        "catatan",
    ),
    ("duplicate-column", _add_nip_alias, "KOLOM_GANDA", "pegawai.csv", 1, "NIP BARU"),
    ("no-people", lambda t: t["pegawai"].clear(), "TABEL_TANPA_DATA", "pegawai.csv", None, None),
]


@pytest.mark.parametrize(
    ("edit", "code", "file", "row", "column"),
    [pytest.param(*case[1:], id=case[0]) for case in TABLE_CASES],
)
def test_table_defect_is_located(
    tmp_path: Path,
    edit: Callable[[Tables], None],
    code: str,
    file: str,
    row: int | None,
    column: str | None,
) -> None:
    tables = base()
    edit(tables)
    issues = issues_for(tmp_path, tables)
    hits = [i for i in find(issues, code) if (i.file, i.row, i.column) == (file, row, column)]
    assert hits, [(i.code, i.file, i.row, i.column) for i in issues]
    assert hits[0].severity is CODES[code].severity


def _folder_with(tmp_path: Path, tables: Tables) -> Path:
    return write_csvs(tmp_path / "data", tables)


def test_missing_required_file(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, base())
    (folder / "jabatan.csv").unlink()
    _, issues, _ = validate_path(folder)
    hit = find(issues, "FILE_TIDAK_ADA")
    assert [(i.file, i.row, i.column, i.severity) for i in hit] == [
        ("jabatan.csv", None, None, Severity.ERROR)
    ]


def test_missing_optional_file_is_a_warning(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, base())
    (folder / "kompetensi.csv").unlink()
    ds, warnings = load_dataset(folder)
    assert [(i.code, i.file) for i in warnings] == [("FILE_OPSIONAL_TIDAK_ADA", "kompetensi.csv")]
    assert ds.kompetensi.empty


def test_empty_file(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, base())
    (folder / "pegawai.csv").write_bytes(b"")
    _, issues, _ = validate_path(folder)
    assert [(i.file, i.row) for i in find(issues, "FILE_KOSONG")] == [("pegawai.csv", None)]


def test_row_with_too_many_cells(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, base())
    path = folder / "jabatan.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] += ",tambahan"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, issues, _ = validate_path(folder)
    assert [(i.file, i.row) for i in find(issues, "BARIS_KOLOM_LEBIH")] == [("jabatan.csv", 3)]


def test_missing_path(tmp_path: Path) -> None:
    _, issues, _ = validate_path(tmp_path / "tidak-ada")
    assert [i.code for i in issues] == ["PATH_TIDAK_ADA"]


# --- all at once, formats accepted ------------------------------------------------------------


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    tables = base()
    tables["pegawai"][0]["nip"] = "123"
    tables["pegawai"][1]["gol_ruang"] = "X/x"
    tables["pegawai"][2]["tmt_jabatan"] = "2020-13-01"
    tables["pegawai"][3]["kotak_talenta"] = "0"
    tables["jabatan"][0]["eselon"] = "IV.b"
    tables["jabatan"][2]["prioritas"] = "9"
    tables["kompetensi"][4]["level"] = "5,5"
    tables["standar_kompetensi"][0]["jabatan_id"] = "J-404"
    issues = issues_for(tmp_path, tables)
    expected = {
        ("NIP_PANJANG", "pegawai.csv", 2),
        ("GOLONGAN_TIDAK_DIKENAL", "pegawai.csv", 3),
        ("TANGGAL_TIDAK_VALID", "pegawai.csv", 4),
        ("KOTAK_TALENTA_TIDAK_VALID", "pegawai.csv", 5),
        ("ESELON_TIDAK_SESUAI_JENIS", "jabatan.csv", 2),
        ("PRIORITAS_TIDAK_VALID", "jabatan.csv", 4),
        ("LEVEL_TIDAK_VALID", "kompetensi.csv", 6),
        ("STANDAR_JABATAN_TIDAK_DIKENAL", "standar_kompetensi.csv", 2),
    }
    assert expected <= {(i.code, i.file, i.row) for i in issues}
    with pytest.raises(PlacementError) as exc:
        load_dataset(tmp_path / "data")
    assert {(i.code, i.file, i.row) for i in exc.value.issues} >= expected


def test_issues_are_sorted_by_table_then_row(tmp_path: Path) -> None:
    tables = base()
    tables["standar_kompetensi"][0]["level"] = "9"
    tables["pegawai"][4]["kotak_talenta"] = "0"
    tables["pegawai"][0]["kotak_talenta"] = "0"
    issues = issues_for(tmp_path, tables)
    assert [(i.file, i.row) for i in issues] == [
        ("pegawai.csv", 2),
        ("pegawai.csv", 6),
        ("standar_kompetensi.csv", 2),
    ]


@pytest.mark.parametrize(
    "text", ["01-01-1970", "01/01/1970", "1970-01-01", "1-1-1970", "25569", "1970-01-01 00:00:00"]
)
def test_accepted_date_forms(tmp_path: Path, text: str) -> None:
    tables = base()
    tables["pegawai"][0]["tanggal_lahir"] = text
    assert issues_for(tmp_path, tables) == []


def test_export_spellings_are_normalised(tmp_path: Path) -> None:
    tables = base()
    budi = tables["pegawai"][0]
    budi.update(
        gol_ruang="Pembina Tingkat I",
        jenis_jabatan="Jabatan Pimpinan Tinggi Pratama",
        pendidikan="S-2",
        jenis_kelamin="Laki-laki",
        status_kepegawaian="PNS Daerah",
        hukuman_disiplin="-",
        predikat_kinerja_1="SANGAT BAIK",
        nip="'19700101 200001 1 001",
    )
    tables["jabatan"][1].update(
        eselon="Eselon III/A", wajib_isi="TRUE", jenis_jabatan="Administrator"
    )
    tables["kompetensi"][0]["kompetensi"] = "  Integritas "
    ds, warnings = load_dataset(write_csvs(tmp_path, tables))
    assert warnings == []
    person = ds.person(NIP_BUDI)
    assert (person.golongan, person.jenis_jabatan, person.education, person.gender) == (
        "IV/b",
        "JPT_PRATAMA",
        "S2",
        "L",
    )
    assert person.status == "PNS" and person.discipline is None and person.skp_1 == "sangat baik"
    assert ds.post("J-002").eselon == "III.a" and ds.post("J-002").must_fill is True
    assert ds.profile(NIP_BUDI).levels["integritas"] == 4.0


def test_canonical_frames_are_typed(tmp_path: Path) -> None:
    frames, issues, _ = validate_path(write_csvs(tmp_path, base()))
    assert issues == []
    peg, jab, komp = frames["pegawai"], frames["jabatan"], frames["kompetensi"]
    assert list(peg.columns) == [c.field for c in TABLES[0].columns]
    assert str(peg["talent_box"].dtype) == "Int64"
    assert peg["birth_date"].dtype == "datetime64[ns]"
    assert komp["level"].dtype == float and komp["level"].iloc[1] == 3.25
    assert jab["must_fill"].dtype == "boolean" and jab["technical"].isna().all()
    assert list(peg.index) == [2, 3, 4, 5, 6]  # Excel rows
    assert peg["jabatan_id"].isna().sum() == 2


def test_validate_tables_accepts_plain_frames() -> None:
    jabatan = pd.DataFrame(BASE["jabatan"])
    jabatan.loc[1, "eselon"] = "IX"
    frames, issues = validate_tables({"jabatan": jabatan})
    assert [(i.code, i.file, i.row, i.column) for i in issues] == [
        ("ESELON_TIDAK_DIKENAL", "jabatan.csv", 3, "eselon")
    ]
    assert list(frames) == ["jabatan"]


def test_parse_dates_rejects_out_of_range_years() -> None:
    parsed = parse_dates(pd.Series(["1899-12-31", "2101-01-01", "9999-12-31", "2000-02-29"]))
    assert parsed.isna().tolist() == [True, True, True, False]


# --- the CLI -----------------------------------------------------------------------------


def _bad_folder(tmp_path: Path) -> Path:
    tables = base()
    tables["pegawai"][0]["gol_ruang"] = "V/a"
    tables["jabatan"][2]["prioritas"] = "9"
    return write_csvs(tmp_path / "data", tables)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cli_validate_exits_1_without_traceback_and_writes_nothing(tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path)
    before = _snapshot(tmp_path)
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "GOLONGAN_TIDAK_DIKENAL" in result.output and "baris 2" in result.output
    assert "Ringkasan: 2 galat" in result.output
    assert _snapshot(tmp_path) == before


def test_cli_validate_valid_data_exits_0(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(write_csvs(tmp_path, base()))])
    assert result.exit_code == 0, result.output
    assert "Data valid." in result.output


def test_cli_validate_json_english(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["validate", str(_bad_folder(tmp_path)), "--format", "json", "--lang", "en"]
    )
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert {r["code"] for r in records} == {"GOLONGAN_TIDAK_DIKENAL", "PRIORITAS_TIDAK_VALID"}
    assert set(records[0]) == {"file", "row", "column", "code", "message", "severity"}
    assert "not recognised" in records[0]["message"]
    assert "Summary: 2 error(s)" in result.stderr


def test_cli_validate_csv(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(_bad_folder(tmp_path)), "--format", "csv"])
    assert result.exit_code == 1
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert [(r["file"], r["row"], r["column"], r["code"]) for r in rows] == [
        ("pegawai.csv", "2", "gol_ruang", "GOLONGAN_TIDAK_DIKENAL"),
        ("jabatan.csv", "4", "prioritas", "PRIORITAS_TIDAK_VALID"),
    ]


def test_cli_validate_strict_fails_on_warnings(tmp_path: Path) -> None:
    tables = base()
    tables["pegawai"][1]["tanggal_lahir"] = ""
    folder = write_csvs(tmp_path, tables)
    assert CliRunner().invoke(main, ["validate", str(folder)]).exit_code == 0
    strict = CliRunner().invoke(main, ["validate", str(folder), "--strict"])
    assert strict.exit_code == 1
    assert "TANGGAL_LAHIR_KOSONG" in strict.output
    with pytest.raises(PlacementError):
        load_dataset(folder, strict=True)


def test_cli_template_then_validate(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "tpl"
    assert runner.invoke(main, ["template", str(out)]).exit_code == 0
    assert (out / "data.xlsx").exists()
    again = runner.invoke(main, ["template", str(out)])
    assert again.exit_code == 1 and "FILE_SUDAH_ADA" in again.output
    assert runner.invoke(main, ["template", str(out), "--force"]).exit_code == 0
    result = runner.invoke(main, ["validate", str(out)])
    assert result.exit_code == 1 and "TABEL_TANPA_DATA" in result.output


@pytest.mark.parametrize("command", ["validate", "template"])
def test_cli_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Contoh:" in result.output


# --- registry and docs ------------------------------------------------------------------------


def test_every_case_code_is_registered() -> None:
    used = {c[2] for c in CELL_CASES} | {c[2] for c in TABLE_CASES}
    assert used <= set(CODES)
    assert all(code.isupper() and " " not in code for code in CODES)


def test_codes_raised_outside_the_validator_are_registered() -> None:
    import re

    from placement.domain import nip
    from placement.io import cells, decode, find, frames, readers, templates, xlsx, xlsx_stream

    found = {
        code
        for module in (readers, find, decode, xlsx, xlsx_stream, frames, cells, templates, nip)
        for code in re.findall(
            r'"([A-Z]+(?:_[A-Z]+)+)"', Path(str(module.__file__)).read_text(encoding="utf-8")
        )
        if not hasattr(module, code)  # names listed in __all__ are not codes
    }
    assert "NIP_EXCEL_ANGKA" in found and "FILE_KOSONG" in found
    assert found <= set(CODES) | set(TEMPLATES)  # a code, or a catalogue template of one


def test_docs_match_the_schema_and_codes() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "data_format.md").read_text(encoding="utf-8")
    assert data_format_markdown() in doc


# --- size -------------------------------------------------------------------------------------


def test_twenty_thousand_people_validate_without_issues(tmp_path: Path) -> None:
    from datetime import date

    from placement.domain.nip import make_nip

    people = []
    for i in range(20_000):
        born = date(1965 + i % 30, 1 + i % 12, 1 + i % 28)
        nip = make_nip(born, date(born.year + 25, 1 + i % 12, 1), "L" if i % 2 else "P", i % 1000)
        people.append(
            _person(
                nip,
                f"Pegawai {i}",
                born.strftime("%d-%m-%Y"),
                "L" if i % 2 else "P",
                gol_ruang="III/b",
                jenis_jabatan="PELAKSANA",
                kotak_talenta=str(1 + i % 9),
            )
        )
    tables = base()
    tables["pegawai"] += people
    tables["kompetensi"] += [
        {"nip": p["nip"], "kompetensi": c, "level": "3,5"} for p in people for c in ("a", "b")
    ]
    folder = write_csvs(tmp_path, tables)
    frames, issues, _ = validate_path(folder)  # speed is measured in benchmarks/
    assert issues == [] and len(frames["pegawai"]) == 20_005


# --- empty prioritas / wajib_isi: derived from kind and name (issue 18) --------------------


def test_empty_priorities_are_derived_from_kind_and_name_with_one_warning_per_column(
    tmp_path: Path,
) -> None:
    """A real structure leaves prioritas and wajib_isi empty: the Sekda post must not weigh what a
    Kasi weighs. JPT and heads of a perangkat daerah (camat too) 1, administrator 2 (sekretaris
    dinas too), pengawas 3; sekretaris daerah and kepala dinas wajib_isi; one warning per column."""
    tables = base()
    extra = [
        ("J-004", "Sekretaris Daerah", "Sekretariat Daerah", "JPT_PRATAMA", "II.a"),
        ("J-005", "Camat Sukamaju", "Kecamatan Sukamaju", "ADMINISTRATOR", "III.a"),
        ("J-006", "Kepala Bidang Pelayanan Kesehatan", "Dinas Kesehatan", "ADMINISTRATOR", "III.b"),
        ("J-007", "Staf Ahli Bupati Bidang Ekonomi", "Sekretariat Daerah", "JPT_PRATAMA", "II.b"),
    ]
    for jid, name, unit, kind, eselon in extra:
        tables["jabatan"].append(
            {
                **tables["jabatan"][0],
                "jabatan_id": jid,
                "nama_jabatan": name,
                "unit_kerja": unit,
                "jenis_jabatan": kind,
                "eselon": eselon,
            }
        )
    for row in tables["jabatan"]:
        row["prioritas"] = row["wajib_isi"] = ""
    folder = write_csvs(tmp_path / "data", tables)
    ds, warnings = load_dataset(folder)
    priority = dict(zip(ds.jabatan["jabatan_id"], ds.jabatan["priority"], strict=True))
    assert priority == {
        "J-001": 1,
        "J-002": 2,
        "J-003": 3,
        "J-004": 1,
        "J-005": 1,
        "J-006": 2,
        "J-007": 1,
    }
    must = set(ds.jabatan.loc[ds.jabatan["must_fill"], "jabatan_id"])
    assert must == {"J-001", "J-004"}  # kepala dinas, sekretaris daerah
    derived = [w for w in warnings if w.code in ("PRIORITAS_DITURUNKAN", "WAJIB_ISI_DITURUNKAN")]
    assert [(w.code, w.column, w.row) for w in derived] == [
        ("PRIORITAS_DITURUNKAN", "prioritas", None),
        ("WAJIB_ISI_DITURUNKAN", "wajib_isi", None),
    ]
    assert derived[0].file.endswith("jabatan.csv")
    assert derived[0].message_id.startswith("7 jabatan tanpa prioritas (baris 2, 3, 4, 5, 6, …)")
    assert "hasil 1: 4, 2: 2, 3: 1" in derived[0].message_id
    assert "2 jabatan wajib diisi" in derived[1].message_id


@pytest.mark.parametrize(
    "mapping",
    [{}, {"a": 1, "b": 2}, {"a": "x", "b": None}, {"a": 1.5, "b": float("nan")}, {"a": True}],
)
def test_map_object_gives_what_series_map_gives(mapping: dict[str, object]) -> None:
    """The validation's positional map: Series.map's values, dtype and NaN for missing keys."""
    from placement.domain.validate.sheet import map_object

    text = pd.Series(["a", "", "b", "a", "c"], dtype=object, index=[5, 6, 7, 8, 9], name="kol")
    expected, got = text.map(mapping), map_object(text, mapping)
    pd.testing.assert_series_equal(got, expected)
    assert [repr(v) for v in got] == [repr(v) for v in expected]
