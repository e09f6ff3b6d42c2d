"""``placement import``: SIASN export + peta jabatan + side files → the canonical data folder.

Round trips (tiny, kabupaten once) give the same Dataset and, on tiny, byte-identical plan
files; variants (xlsx, camelCase, wide competencies, kinerja+potensi labels); and the bad or
odd cases, each asserting its report entry.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from siasn_export import fill_post_names, siasn_frame, write_export

from placement.cli import main
from placement.domain.model import Dataset
from placement.io.readers import load_dataset
from placement.io.siasn import REPORT_NAME, ImportOptions, ImportResult, import_siasn, write_import
from placement.io.siasn.link import normalise
from placement.io.writers import cell_text, dataset_tables, write_csv, write_dataset, write_xlsx
from placement.synth import generate

DAY = date(2026, 7, 1)
FRAMES = ("pegawai", "jabatan", "kompetensi", "standar")
PLAN_FILES = ("rencana.csv", "lowong.csv", "rantai.csv", "shortlist_jpt.csv")


@cache
def dataset(preset: str) -> Dataset:
    return fill_post_names(generate(preset, 0))  # type: ignore[arg-type]


def assert_same(a: Dataset, b: Dataset) -> None:
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)


TABLE_FILES = ("pegawai.csv", "jabatan.csv", "kompetensi.csv", "standar_kompetensi.csv")


def texts(frame: pd.DataFrame) -> list[list[str]]:
    """Header and cells as write_csv writes them."""
    return [
        list(map(str, frame.columns)),
        *([cell_text(v) for v in row] for row in frame.itertuples(index=False)),
    ]


def round_trip(
    tmp: Path, preset: str = "tiny", validate: bool = True, **variant: object
) -> ImportResult:
    """Export ``preset`` SIASN-shaped, import it and check that the four template tables are
    the original's, cell for cell as written (so the Datasets the loader builds are equal).
    ``validate``: also write through write_import (staging folder + validation) and compare the
    files byte for byte."""
    ds = dataset(preset)
    files = write_export(ds, tmp / "export", **variant)  # type: ignore[arg-type]
    result = import_siasn(ImportOptions(plan_date=DAY, **files))  # type: ignore[arg-type]
    assert result.ok, [i.message() for i in result.issues if i.severity == "error"]
    original = dataset_tables(ds)
    for name, frame in result.tables.items():
        assert texts(frame) == texts(original[name]), name
    if validate:
        write_dataset(ds, tmp / "orig")
        write_import(result, tmp / "out", DAY)
        assert result.ok, [i.message() for i in result.validation if i.severity == "error"]
        for name in TABLE_FILES:
            assert (tmp / "orig" / name).read_bytes() == (tmp / "out" / name).read_bytes(), name
    return result


def test_round_trip_tiny_gives_the_same_data_and_the_same_plan(tmp_path: Path) -> None:
    result = round_trip(tmp_path)
    original, imported = load_dataset(tmp_path / "orig")[0], load_dataset(tmp_path / "out")[0]
    assert_same(original, imported)
    links = result.link_counts()
    assert links["exact"] + links["fuzzy"] == original.pegawai["jabatan_id"].notna().sum()
    runner = CliRunner()
    for name in ("orig", "out"):
        run = runner.invoke(
            main,
            [
                "solve",
                str(tmp_path / name),
                "--out",
                str(tmp_path / f"plan-{name}"),
                "--date",
                DAY.isoformat(),
                "--no-store",
            ],
        )
        assert run.exit_code == 0, run.output
    for file in PLAN_FILES:
        assert (tmp_path / "plan-orig" / file).read_bytes() == (
            tmp_path / "plan-out" / file
        ).read_bytes()


def test_round_trip_kabupaten(tmp_path: Path) -> None:
    links = round_trip(tmp_path, "kabupaten", validate=False).link_counts()
    held = dataset("kabupaten").pegawai["jabatan_id"].notna().sum()
    assert links["tidak_tertaut"] == 0 and links["exact"] + links["fuzzy"] == held
    assert links["fuzzy"] > 0  # the export misspells some names ("Kepla")


@pytest.mark.parametrize(
    "variant",
    [{"fmt": "xlsx"}, {"camel": True, "wide": True, "labels": True}],
    ids=["xlsx", "camelCase+wide+kinerja-potensi"],
)
def test_round_trip_variants(tmp_path: Path, variant: dict[str, object]) -> None:
    round_trip(tmp_path, validate=False, **variant)


# --- bad or odd cases --------------------------------------------------------------------------


def run_case(
    tmp: Path,
    siasn: Callable[[pd.DataFrame], pd.DataFrame] | Path | None = None,
    peta: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
    **extra: pd.DataFrame | Path,
) -> ImportResult:
    """Import the tiny export after changing the SIASN frame and/or the peta jabatan."""
    files = dict(base_export())
    tmp.mkdir(parents=True, exist_ok=True)
    if isinstance(siasn, Path):
        files["siasn"] = siasn
    elif siasn:
        files["siasn"] = tmp / "siasn.csv"
        siasn(siasn_frame(dataset("tiny"))).to_csv(files["siasn"], index=False)
    if peta:
        jab = pd.read_csv(files["jabatan"], dtype=str, keep_default_na=False)
        files["jabatan"] = write_csv(peta(jab), tmp / "peta_jabatan.csv")
    for name, value in extra.items():
        files[name] = value if isinstance(value, Path) else write_csv(value, tmp / f"{name}.csv")
    return import_siasn(ImportOptions(plan_date=DAY, **files))  # type: ignore[arg-type]


@cache
def base_export() -> dict[str, Path]:
    """The tiny export and side files, written once (cases write only what they change)."""
    folder = Path(tempfile.mkdtemp(prefix="siasn-export-"))
    atexit.register(shutil.rmtree, folder, True)
    return write_export(dataset("tiny"), folder)


def codes(result: ImportResult) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for issue in [*result.issues, *result.validation]:
        out.setdefault(issue.code, []).append(issue.message())
    return out


def row_of(frame: pd.DataFrame, post: str) -> int:
    """The row of the holder of ``post`` (the export may abbreviate its name)."""
    return int(frame.index[frame["JABATAN NAMA"].map(normalise) == normalise(post)][0])


def set_cell(frame: pd.DataFrame, row: int, column: str, value: str) -> pd.DataFrame:
    frame = frame.copy()
    frame.loc[row, column] = value
    return frame


def test_ambiguous_post_names_list_suggestions(tmp_path: Path) -> None:
    def twin(jab: pd.DataFrame) -> pd.DataFrame:
        extra = jab[jab["jabatan_id"] == "J-006"].assign(jabatan_id="J-099")
        return pd.concat([jab, extra], ignore_index=True)

    result = run_case(tmp_path, peta=twin)
    (message,) = codes(result)["TAUTAN_AMBIGU"]
    assert "J-006" in message and "J-099" in message
    assert result.pending[0]["masalah"] == "TAUTAN_AMBIGU" and result.pending[0]["jabatan_id"] == ""
    assert not result.ok


def test_two_holders_of_one_post(tmp_path: Path) -> None:
    def two(f: pd.DataFrame) -> pd.DataFrame:
        src = row_of(f, "Lurah Sukamaju")
        target = f.loc[row_of(f, "Kepala Seksi Ketenteraman dan Ketertiban Umum")]
        out = f.copy()
        out.loc[src, ["JABATAN NAMA", "UNOR NAMA", "ESELON NAMA"]] = target[
            ["JABATAN NAMA", "UNOR NAMA", "ESELON NAMA"]
        ].to_numpy()
        return out

    result = run_case(tmp_path, siasn=two)
    assert len(codes(result)["DUA_PEMEGANG"]) == 2
    assert {p["masalah"] for p in result.pending} == {"DUA_PEMEGANG"}


def test_holder_post_missing_from_the_peta(tmp_path: Path) -> None:
    result = run_case(
        tmp_path,
        siasn=lambda f: set_cell(
            f, row_of(f, "Lurah Sukamaju"), "JABATAN NAMA", "Kepala Bidang Antah Berantah"
        ),
    )
    (message,) = codes(result)["JABATAN_TIDAK_DI_PETA"]
    assert "Saran: J-" in message and "--tautan" in message


def test_tautan_file_settles_a_missing_post(tmp_path: Path) -> None:
    def bad(f):
        return set_cell(
            f, row_of(f, "Lurah Sukamaju"), "JABATAN NAMA", "Kepala Bidang Antah Berantah"
        )

    nip = dataset("tiny").holder_of("J-011")
    result = run_case(
        tmp_path, siasn=bad, tautan=pd.DataFrame({"nip": [nip], "jabatan_id": ["J-011"]})
    )
    assert "JABATAN_TIDAK_DI_PETA" not in codes(result)
    assert {"nip": nip, "jabatan_id": "J-011", "metode": "planner"}.items() <= next(
        link for link in result.links if link["nip"] == nip
    ).items()


def test_tautan_dash_means_no_post(tmp_path: Path) -> None:
    def bad(f):
        return set_cell(
            f, row_of(f, "Lurah Sukamaju"), "JABATAN NAMA", "Kepala Bidang Antah Berantah"
        )

    nip = dataset("tiny").holder_of("J-011")
    result = run_case(tmp_path, siasn=bad, tautan=pd.DataFrame({"nip": [nip], "jabatan_id": ["-"]}))
    assert "TANPA_JABATAN" in codes(result) and result.ok


def test_unknown_label_then_label_map(tmp_path: Path) -> None:
    odd = lambda f: set_cell(f, 0, "TINGKAT PENDIDIKAN NAMA", "Strata Satu Terapan")  # noqa: E731
    result = run_case(tmp_path, siasn=odd)
    (message,) = codes(result)["LABEL_TIDAK_DIKENAL"]
    assert "S-1/Sarjana" in message and "--label-map" in message
    assert result.labels.unknown == {("pendidikan", "Strata Satu Terapan")}  # for the web page
    fixed = run_case(
        tmp_path / "b",
        siasn=odd,
        label_map=pd.DataFrame(
            {"kolom": ["pendidikan"], "label": ["Strata Satu Terapan"], "nilai": ["S1"]}
        ),
    )
    assert "LABEL_TIDAK_DIKENAL" not in codes(fixed)
    assert ("pendidikan", "Strata Satu Terapan", "S1") in fixed.labels.used


def test_label_map_with_a_value_of_no_column(tmp_path: Path) -> None:
    result = run_case(
        tmp_path, label_map=pd.DataFrame({"kolom": ["pendidikan"], "label": ["x"], "nilai": ["S9"]})
    )
    assert "LABEL_MAP_SALAH" in codes(result)


def test_non_active_person_left_out_and_their_post_vacant(tmp_path: Path) -> None:
    result = run_case(
        tmp_path,
        siasn=lambda f: set_cell(
            f, row_of(f, "Lurah Sukamaju"), "KEDUDUKAN HUKUM NAMA", "Tugas Belajar"
        ),
    )
    found = codes(result)
    assert "TIDAK_AKTIF" in found and "J-011" in found["JABATAN_DITULIS_LOWONG"][0]
    assert any("Tugas Belajar" in d["alasan"] for d in result.dropped)
    assert len(result.tables["pegawai"]) == 29 and result.ok


def test_cpns_is_listed(tmp_path: Path) -> None:
    result = run_case(tmp_path, siasn=lambda f: set_cell(f, 0, "STATUS CPNS PNS", "C"))
    assert (
        "CPNS" in codes(result) and result.tables["pegawai"].loc[0, "status_kepegawaian"] == "CPNS"
    )


def test_plt_does_not_occupy(tmp_path: Path) -> None:
    def plt(f: pd.DataFrame) -> pd.DataFrame:
        r = row_of(f, "Lurah Sukamaju")
        return set_cell(f, r, "JABATAN NAMA", "Plt. Lurah Sukamaju")

    result = run_case(tmp_path, siasn=plt)
    assert "PLT_TIDAK_MENDUDUKI" in codes(result)
    assert "J-011" not in set(result.tables["pegawai"]["jabatan_id"].dropna())


def test_side_file_nip_not_in_siasn(tmp_path: Path) -> None:
    talenta = pd.DataFrame({"nip": ["197001012000011001"], "kotak": ["7"]})
    result = run_case(tmp_path, talenta=talenta)
    assert "NIP_TIDAK_DI_SIASN" in codes(result)
    assert result.dropped[0]["nip"] == "197001012000011001"


def test_duplicate_nip_in_siasn_and_in_a_side_file(tmp_path: Path) -> None:
    result = run_case(tmp_path, siasn=lambda f: pd.concat([f, f.iloc[[0]]], ignore_index=True))
    assert "NIP_GANDA" in codes(result)
    nip = str(dataset("tiny").pegawai.at[0, "nip"])
    again = run_case(tmp_path / "b", talenta=pd.DataFrame({"nip": [nip, nip], "kotak": ["5", "6"]}))
    assert "NIP_GANDA" in codes(again)


def test_unor_with_unknown_opd_then_unor_map(tmp_path: Path) -> None:
    odd = lambda f: set_cell(f, 0, "UNOR NAMA", "Kantor Camat Sukamaju Baru")  # noqa: E731
    result = run_case(tmp_path, siasn=odd)
    (message,) = codes(result)["OPD_TIDAK_DIKENAL"]
    assert "Kecamatan Sukamaju" in message
    fixed = run_case(
        tmp_path / "b",
        siasn=odd,
        unor_map=pd.DataFrame(
            {"unor": ["Kantor Camat Sukamaju Baru"], "opd": ["Kecamatan Sukamaju"]}
        ),
    )
    assert "OPD_TIDAK_DIKENAL" not in codes(fixed)


def test_unor_chains_roll_up() -> None:
    from placement.io.siasn.unor import UnorResolver

    r = UnorResolver(
        ["Kecamatan Sukamaju", "Dinas Kesehatan", "RSUD Padangraya", "Inspektorat Daerah"]
    )
    assert (
        r.resolve("Kelurahan Satu - Kecamatan Sukamaju - PEMERINTAH KAB. X").opd
        == "Kecamatan Sukamaju"
    )  # type: ignore[union-attr]
    assert (
        r.resolve("UPTD Puskesmas Satu - DINAS KESEHATAN - PEMERINTAH KAB. X").opd
        == "Dinas Kesehatan"
    )  # type: ignore[union-attr]
    assert r.resolve("Bagian Umum - RSUD Padangraya").opd == "RSUD Padangraya"  # type: ignore[union-attr]
    assert r.resolve("Inspektorat Daerah").opd == "Inspektorat Daerah"  # type: ignore[union-attr]


def test_abbreviations_link_exactly(tmp_path: Path) -> None:
    assert normalise("Kasubbag Umum & Kepegawaian") == normalise(
        "Kepala Subbagian Umum dan Kepegawaian"
    )
    assert normalise("Ka. UPTD Puskesmas Kec. Satu") == "kepala uptd puskesmas kecamatan satu"
    assert normalise("Kabid Pelayanan Kesehatan") == normalise("Kepala Bidang Pelayanan Kesehatan")

    def short(f: pd.DataFrame) -> pd.DataFrame:
        f = set_cell(
            f,
            row_of(f, "Kepala Subbagian Umum dan Kepegawaian"),
            "JABATAN NAMA",
            "Kasubag Umum & Kepegawaian",
        )
        return set_cell(
            f,
            row_of(f, "Kepala Seksi Pelayanan Kesehatan Rujukan"),
            "JABATAN NAMA",
            "Kasi Pelayanan Kesehatan Rujukan",
        )

    result = run_case(tmp_path, siasn=short)
    links = result.link_counts()
    assert result.ok and links["exact"] + links["fuzzy"] == 10


def test_fuzzy_link_with_clear_margin(tmp_path: Path) -> None:
    result = run_case(
        tmp_path,
        siasn=lambda f: set_cell(
            f,
            row_of(f, "Kepala Seksi Ketenteraman dan Ketertiban Umum"),
            "JABATAN NAMA",
            "Kepala Seksi Ketentraman dan Ketertiban Umum",
        ),
    )
    nip = dataset("tiny").holder_of("J-010")
    (link,) = [link for link in result.links if link["nip"] == nip]
    assert link["jabatan_id"] == "J-010" and link["metode"] == "fuzzy"
    assert 90 <= float(link["skor"]) < 100  # type: ignore[arg-type]


def test_fuzzy_match_without_a_clear_margin_is_ambiguous(tmp_path: Path) -> None:
    both = "Kepala Seksi Pelayanan Kesehatan Primer Rujukan"  # 8 and 7 edits from the two posts
    result = run_case(
        tmp_path,
        siasn=lambda f: set_cell(
            f, row_of(f, "Kepala Seksi Pelayanan Kesehatan Primer"), "JABATAN NAMA", both
        ),
    )
    (message,) = codes(result)["TAUTAN_AMBIGU"]
    assert "sama mirip" in message and "J-006" in message and "J-007" in message


def test_excel_mangled_nip(tmp_path: Path) -> None:
    result = run_case(tmp_path, siasn=lambda f: set_cell(f, 0, "NIP BARU", "1.97308E+17"))
    assert "NIP_RUSAK_EXCEL" in codes(result) and not result.ok


def test_numeric_nip_cell_in_xlsx(tmp_path: Path) -> None:
    frame = siasn_frame(dataset("tiny"))
    frame["NIP BARU"] = frame["NIP BARU"].str.lstrip("'").astype("int64")
    path = write_xlsx({"Data": frame}, tmp_path / "siasn.xlsx")
    result = run_case(tmp_path / "b", siasn=path)
    assert len(codes(result)["NIP_RUSAK_EXCEL"]) == 30


def test_peta_holder_nip_disagrees_with_siasn(tmp_path: Path) -> None:
    ds = dataset("tiny")
    nip = ds.holder_of("J-010")
    holders = {"J-009": ds.holder_of("J-010") or ""}

    def peta(jab: pd.DataFrame) -> pd.DataFrame:
        return jab.assign(nip=jab["jabatan_id"].map(holders).fillna(""))

    result = run_case(tmp_path, peta=peta)
    assert "NAMA_JABATAN_BEDA" in codes(result)
    assert {"nip": nip, "jabatan_id": "J-009", "metode": "nip"}.items() <= next(
        link for link in result.links if link["nip"] == nip
    ).items()


def test_peta_holder_nip_not_in_siasn_and_on_two_posts(tmp_path: Path) -> None:
    def peta(jab: pd.DataFrame) -> pd.DataFrame:
        nips = {"J-009": "197001012000011001", "J-010": "197001012000011001"}
        return jab.assign(nip=jab["jabatan_id"].map(nips).fillna(""))

    found = codes(run_case(tmp_path, peta=peta))
    assert "PEMEGANG_TIDAK_DI_SIASN" in found and "NIP_PEMEGANG_GANDA" in found


def test_siasn_ids_link_when_the_peta_has_them(tmp_path: Path) -> None:
    ds = dataset("tiny")
    frame = siasn_frame(ds)
    held = ds.pegawai["jabatan_id"]
    ids = dict(zip(held[held.notna()], frame["JABATAN ID"][held.notna()], strict=True))

    def peta(jab: pd.DataFrame) -> pd.DataFrame:
        return jab.assign(siasn_jabatan_id=jab["jabatan_id"].map(ids).fillna(""))

    result = run_case(tmp_path, peta=peta)
    assert result.ok and result.link_counts()["id"] == 10


def test_gender_code_disagreeing_with_the_nip(tmp_path: Path) -> None:
    result = run_case(tmp_path, siasn=lambda f: set_cell(f, 0, "JENIS KELAMIN", "F"))
    assert (
        "JENIS_KELAMIN_BEDA" in codes(result)
        and result.tables["pegawai"].loc[0, "jenis_kelamin"] == "L"
    )


def test_jf_without_jenjang_in_its_name(tmp_path: Path) -> None:
    def jf(f):
        return set_cell(
            f,
            int(f.index[f["JENIS JABATAN NAMA"] == "Jabatan Fungsional Tertentu"][0]),
            "JABATAN NAMA",
            "Perawat",
        )

    assert "JENJANG_TIDAK_DIKETAHUI" in codes(run_case(tmp_path, siasn=jf))


def test_bad_date_and_excel_serial_date(tmp_path: Path) -> None:
    assert "TANGGAL_TIDAK_VALID" in codes(
        run_case(tmp_path, siasn=lambda f: set_cell(f, 0, "TMT JABATAN", "31-02-2020"))
    )
    serial = run_case(tmp_path / "b", siasn=lambda f: set_cell(f, 0, "TMT JABATAN", "45658"))
    assert serial.tables["pegawai"].loc[0, "tmt_jabatan"] == "2025-01-01"


def test_sanction_without_end_counts_for_n_months(tmp_path: Path) -> None:
    nip = str(dataset("tiny").pegawai.at[0, "nip"])
    hukdis = pd.DataFrame(
        {"nip": [nip], "tingkat": ["Sedang"], "tmt mulai": ["01-03-2026"], "tmt selesai": [""]}
    )
    result = run_case(tmp_path, hukdis=hukdis)
    assert "HUKDIS_TANPA_SELESAI" in codes(result)
    row = result.tables["pegawai"].loc[0]
    assert (row["hukuman_disiplin"], row["tmt_selesai_hukuman"]) == ("sedang", "2027-03-01")


def test_jpm_only_variant_gives_an_audited_plan_without_breakdown(tmp_path: Path) -> None:
    ds = dataset("tiny")
    levels = ds.kompetensi.groupby("nip", sort=False)["level"].mean()
    jpm = pd.DataFrame(
        {
            "NIP": levels.index,
            "JPM %": [f"{20 * v:.1f}".replace(".", ",") for v in levels],
            "Kategori": "Memenuhi Syarat",
        }
    )
    result = run_case(tmp_path, kompetensi=jpm)
    assert "JPM_SAJA" in codes(result) and len(result.tables["kompetensi"]) == 0
    write_import(result, tmp_path / "data", DAY)
    assert result.ok
    runner = CliRunner()
    plan = tmp_path / "plan"
    run = runner.invoke(
        main,
        [
            "solve",
            str(tmp_path / "data"),
            "--out",
            str(plan),
            "--date",
            DAY.isoformat(),
            "--no-store",
        ],
    )
    assert run.exit_code == 0, run.output  # solve audits the plan before writing it
    holder = ds.holder_of("J-002")
    run = runner.invoke(main, ["explain", str(plan), "--nip", str(holder)])
    assert run.exit_code == 0, run.output
    assert "rincian tidak tersedia" in run.output and "JPM " in run.output


def test_unknown_talent_label(tmp_path: Path) -> None:
    nip = str(dataset("tiny").pegawai.at[0, "nip"])
    result = run_case(
        tmp_path,
        talenta=pd.DataFrame({"nip": [nip], "kinerja": ["Luar Biasa"], "potensi": ["Tinggi"]}),
    )
    (message,) = codes(result)["LABEL_TIDAK_DIKENAL"]
    assert "Di Atas Ekspektasi" in message


def test_missing_required_siasn_column(tmp_path: Path) -> None:
    result = run_case(tmp_path, siasn=lambda f: f.drop(columns=["GOL AKHIR NAMA"]))
    assert "KOLOM_WAJIB_TIDAK_ADA" in codes(result) and not result.ok


def test_cli_errors_write_the_report_not_the_data(tmp_path: Path) -> None:
    files = dict(base_export())
    frame = siasn_frame(dataset("tiny"))
    frame.loc[0, "NIP BARU"] = "1.97E+17"
    files["siasn"] = tmp_path / "siasn.csv"
    frame.to_csv(files["siasn"], index=False)
    out = tmp_path / "data"
    run = CliRunner().invoke(
        main,
        [
            "import",
            "--siasn",
            str(files["siasn"]),
            "--jabatan",
            str(files["jabatan"]),
            "--out",
            str(out),
            "--date",
            "2026-07-01",
        ],
    )
    assert run.exit_code == 1 and "(--date)" in run.output and "NIP_RUSAK_EXCEL" in run.output
    assert sorted(p.name for p in out.iterdir()) == [REPORT_NAME]
    sheets = load_workbook(out / REPORT_NAME, read_only=True).sheetnames
    assert {
        "ringkasan",
        "masalah",
        "tautan",
        "perlu_keputusan",
        "dibuang",
        "label",
        "validasi",
    } <= set(sheets)


def test_cli_json_report(tmp_path: Path) -> None:
    files = dict(base_export())
    run = CliRunner().invoke(
        main,
        [
            "import",
            "--siasn",
            str(files["siasn"]),
            "--jabatan",
            str(files["jabatan"]),
            "--out",
            str(tmp_path / "data"),
            "--format",
            "json",
        ],
    )
    assert run.exit_code == 0, run.output
    assert "(hari ini)" in run.output and '"metode": "exact"' in run.output
    assert (tmp_path / "data" / "pegawai.csv").exists()


def test_out_folder_with_other_files_is_refused(tmp_path: Path) -> None:
    files = dict(base_export())
    out = tmp_path / "data"
    out.mkdir()
    (out / "catatan.docx").write_text("punya saya")
    run = CliRunner().invoke(
        main,
        [
            "import",
            "--siasn",
            str(files["siasn"]),
            "--jabatan",
            str(files["jabatan"]),
            "--out",
            str(out),
            "--date",
            "2026-07-01",
        ],
    )
    assert run.exit_code == 1 and "OUT_BERISI_FILE_LAIN" in run.output
    assert sorted(p.name for p in out.iterdir()) == ["catatan.docx"]
