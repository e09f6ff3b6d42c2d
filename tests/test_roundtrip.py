"""CSV ↔ XLSX round trips of a Dataset give identical frames."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from test_validate import NIP_BUDI, base, write_csvs

from placement.domain.model import Dataset
from placement.io.readers import load_dataset
from placement.io.writers import write_dataset

FRAMES = ("pegawai", "jabatan", "kompetensi", "standar")


def assert_same(a: Dataset, b: Dataset) -> None:
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)


def _tricky(tmp_path: Path) -> Dataset:
    tables = base()
    tables["pegawai"][0].update(nama='=HYPERLINK("x")', jurusan="-", tanggal_lahir="")
    tables["pegawai"][1].update(nama='José; "Ucok", S.Kom', jurusan="@home\tx")
    tables["jabatan"][0].update(gol_min="IV/c", pendidikan_min="S2", prioritas="")
    tables["pegawai"][0]["gol_ruang"] = "IV/c"
    tables["kompetensi"][3]["level"] = "1,125"
    ds, _ = load_dataset(write_csvs(tmp_path / "src", tables))
    return ds


def test_csv_then_xlsx_round_trip(tmp_path: Path) -> None:
    ds, _ = load_dataset(write_csvs(tmp_path / "src", base()))
    assert [p.name for p in write_dataset(ds, tmp_path / "csv")] == [
        "pegawai.csv",
        "jabatan.csv",
        "kompetensi.csv",
        "standar_kompetensi.csv",
    ]
    from_csv, warnings = load_dataset(tmp_path / "csv")
    assert warnings == []
    assert_same(ds, from_csv)
    assert [p.name for p in write_dataset(from_csv, tmp_path / "xlsx", "xlsx")] == ["data.xlsx"]
    from_xlsx, warnings = load_dataset(tmp_path / "xlsx")
    assert warnings == []
    assert_same(from_csv, from_xlsx)


def test_round_trip_keeps_text_that_looks_like_a_formula(tmp_path: Path) -> None:
    ds = _tricky(tmp_path)
    assert ds.person(NIP_BUDI).name == '=HYPERLINK("x")'
    for fmt in ("csv", "xlsx"):
        write_dataset(ds, tmp_path / fmt, fmt)  # type: ignore[arg-type]
        again, _ = load_dataset(tmp_path / fmt)
        assert_same(ds, again)
    text = (tmp_path / "csv" / "pegawai.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "'@home" in text


def test_written_template_format(tmp_path: Path) -> None:
    ds = _tricky(tmp_path)
    write_dataset(ds, tmp_path / "csv")
    jabatan = (tmp_path / "csv" / "jabatan.csv").read_text(encoding="utf-8").splitlines()
    assert jabatan[1].endswith(",kesehatan,1,ya,,")  # prioritas 1 (JPT); teknis, instansi empty
    pegawai = (tmp_path / "csv" / "pegawai.csv").read_text(encoding="utf-8").splitlines()
    assert ",1970-01-01," in pegawai[1]  # birth date derived from the NIP, ISO
    kompetensi = (tmp_path / "csv" / "kompetensi.csv").read_text(encoding="utf-8").splitlines()
    assert kompetensi[4].endswith(",1.125") and kompetensi[1].endswith(",4")


@settings(max_examples=10)  # each example reads and writes six files
@given(
    names=st.lists(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12
        ).filter(
            lambda s: s.strip() and not s.strip().startswith("'") and s.strip().lower() != "null"
        ),
        min_size=5,
        max_size=5,
    ),
    levels=st.lists(st.decimals(1, 5, places=3), min_size=10, max_size=10),
)
def test_round_trip_property(
    tmp_path_factory: object, names: list[str], levels: list[object]
) -> None:
    tmp = Path(str(tmp_path_factory.mktemp("rt")))  # type: ignore[attr-defined]
    tables = base()
    for row, name in zip(tables["pegawai"], names, strict=True):
        row["nama"] = name
    for row, level in zip(tables["kompetensi"], levels, strict=True):
        row["level"] = str(level)
    ds, _ = load_dataset(write_csvs(tmp / "src", tables))
    assert list(ds.pegawai["name"]) == [n.strip() for n in names]
    for fmt in ("csv", "xlsx"):
        write_dataset(ds, tmp / fmt, fmt)  # type: ignore[arg-type]
        again, _ = load_dataset(tmp / fmt)
        assert_same(ds, again)
