"""Writers: formula-injection guard, atomic replacement, xlsx layout, template format."""

from __future__ import annotations

import csv
import stat
import zipfile
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from placement.domain.validate import clean_cell
from placement.io.plan_files import read_plan
from placement.io.templates import INSTRUCTION_SHEET, instructions, write_templates
from placement.io.writers import (
    atomic_path,
    cell_text,
    safe_cell,
    unguard_cell,
    write_csv,
    write_xlsx,
)


@pytest.mark.parametrize(
    "text", ["=1+2", "+62812", "-5", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0"]
)
def test_safe_cell_prefixes_formula_text(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Budi", "", " =x", "3.5", 5, -5, 3.25, None, True])
def test_safe_cell_leaves_other_values(value: object) -> None:
    assert safe_cell(value) == value


@given(st.text(max_size=15))
def test_reader_undoes_the_guard(text: str) -> None:
    if text.strip().startswith("'") or text.strip().lower() == "null":
        return
    assert clean_cell(safe_cell(text)) == text.strip()


@given(st.text(max_size=15))
def test_unguard_undoes_the_guard_exactly_once(text: str) -> None:
    assert unguard_cell(safe_cell(text)) == text


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_read_plan_gives_back_every_text(tmp_path: Path, suffix: str) -> None:
    """Issue 20 item 9: one reader, the guard undone once, also for text that began with '."""
    texts = ["-J-009", "'-J-009", "'x", "''", "=1+2", "x", "J-1"]
    frame = pd.DataFrame({"nip": ["1"] * len(texts), "jabatan_tujuan_id": texts})
    path = tmp_path / f"rencana{suffix}"
    if suffix == ".csv":
        write_csv(frame, path)
    else:
        write_xlsx({"Rencana": frame}, path)
    assert read_plan(path)["jabatan_tujuan_id"].tolist() == texts


def test_cell_text_formats() -> None:
    assert [cell_text(v) for v in (None, np.nan, pd.NaT, 4.0, 3.25, 7, True, "x")] == [
        "",
        "",
        "",
        "4",
        "3.25",
        "7",
        "true",
        "x",
    ]
    assert cell_text(pd.Timestamp("2020-01-02")) == "2020-01-02"


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nip": ["197001012000011001", "=evil()"],
            "level": [3.25, np.nan],
            "box": pd.array([7, None], dtype="Int64"),
            "tanggal": pd.to_datetime(["2020-01-02", None]),
        }
    )


def test_write_csv_is_injection_safe(tmp_path: Path) -> None:
    path = write_csv(_frame(), tmp_path / "out.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [
        ["nip", "level", "box", "tanggal"],
        ["197001012000011001", "3.25", "7", "2020-01-02"],
        ["'=evil()", "", "", ""],
    ]


def test_write_xlsx_layout_and_safety(tmp_path: Path) -> None:
    path = write_xlsx({"data": _frame()}, tmp_path / "out.xlsx", {"data": ["nip"]})
    ws = load_workbook(path)["data"]
    assert ws.freeze_panes == "A2"
    assert all(cell.font.b for cell in ws[1])
    assert ws["A2"].value == "197001012000011001" and ws["A2"].data_type == "s"
    assert ws["A2"].number_format == "@"
    assert ws["A3"].value == "'=evil()" and ws["A3"].data_type == "s"
    assert ws["B2"].value == 3.25 and ws["B3"].value is None
    assert ws.column_dimensions["A"].width >= len("197001012000011001")


def test_write_xlsx_values_round_trip(tmp_path: Path) -> None:
    """Every kind of value comes back from openpyxl as written; the file is deterministic."""
    frame = pd.DataFrame(
        {
            "teks": ["a & <b>", " spasi ", "baris\r\nbaru", "", None, "ok"],
            "angka": [1, 2**40, -3, 0, 7, 8],
            "pecahan": [0.1 + 0.2, 1e-9, np.nan, -2.5, 1.0, 3.0],
            "benar": [True, False, True, False, True, False],
            "waktu": [date(2026, 7, 1), datetime(2026, 7, 1, 13, 30), None, None, None, None],
        }
    )
    frame["waktu"] = frame["waktu"].astype(object)
    first = write_xlsx(
        {"A & B": frame, "Kosong": frame.iloc[:0]}, tmp_path / "a.xlsx", {"A & B": ["angka"]}
    )
    again = write_xlsx(
        {"A & B": frame, "Kosong": frame.iloc[:0]}, tmp_path / "b.xlsx", {"A & B": ["angka"]}
    )
    assert first.read_bytes() == again.read_bytes()
    wb = load_workbook(first)
    assert wb.sheetnames == ["A & B", "Kosong"]
    rows = list(wb["A & B"].iter_rows(values_only=True))
    assert rows[0] == ("teks", "angka", "pecahan", "benar", "waktu")
    assert [r[0] for r in rows[1:]] == ["a & <b>", " spasi ", "baris\r\nbaru", None, None, "ok"]
    assert [r[1] for r in rows[1:]] == ["1", str(2**40), "-3", "0", "7", "8"]  # Text columns
    assert [r[2] for r in rows[1:]] == [0.1 + 0.2, 1e-9, None, -2.5, 1, 3]
    assert [r[3] for r in rows[1:]] == [True, False, True, False, True, False]
    assert rows[1][4] == datetime(2026, 7, 1) and rows[2][4] == datetime(2026, 7, 1, 13, 30)
    assert wb["A & B"]["E2"].number_format == "yyyy-mm-dd"
    assert list(wb["Kosong"].iter_rows(values_only=True)) == [rows[0]]
    with pytest.raises(ValueError):
        write_xlsx({"a/b": frame}, tmp_path / "c.xlsx")
    assert not (tmp_path / "c.xlsx").exists()


def test_written_files_are_not_private(tmp_path: Path) -> None:
    path = write_csv(_frame(), tmp_path / "out.csv")
    assert path.stat().st_mode & stat.S_IRGRP


def test_atomic_path_replaces_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "plan.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.csv"]
    with atomic_path(target) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.csv"]


def test_failed_xlsx_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writestr = zipfile.ZipFile.writestr

    def fail(
        self: zipfile.ZipFile, info: object, data: object, *args: object, **kw: object
    ) -> None:
        writestr(
            self, info, data, *args, **kw
        )  # the first parts reach the disk, then it "fills up"
        raise OSError("disk full")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", fail)
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(OSError, match="disk full"):
        write_xlsx({"data": _frame()}, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_templates(tmp_path: Path) -> None:
    book, *rumpun = write_templates(tmp_path / "x")
    assert [p.parent.name for p in rumpun] == ["rumpun"] * 5  # editable rumpun tables (issue 18)
    wb = load_workbook(book)
    assert wb.sheetnames == [
        "pegawai",
        "jabatan",
        "kompetensi",
        "standar_kompetensi",
        INSTRUCTION_SHEET,
    ]
    assert [c.value for c in wb["kompetensi"][1]] == ["nip", "kompetensi", "level"]
    assert wb["pegawai"].column_dimensions["A"].number_format == "@"
    petunjuk = [[c.value for c in row] for row in wb[INSTRUCTION_SHEET].iter_rows()]
    assert petunjuk[0] == [
        "tabel",
        "kolom",
        "arti",
        "wajib",
        "nilai_yang_diizinkan",
        "contoh",
        "alias",
    ]
    assert petunjuk[1][:2] == ["pegawai", "nip"] and petunjuk[1][3] == "ya"
    written = write_templates(tmp_path / "c", "csv")
    assert [p.name for p in written] == [
        "pegawai.csv",
        "jabatan.csv",
        "kompetensi.csv",
        "standar_kompetensi.csv",
        "petunjuk.csv",
        "rumpun_jabatan.csv",
        "jurusan_rumpun.csv",
        "gelar_rumpun.csv",
        "jf_rumpun.csv",
        "rumpun_cocok.csv",
    ]
    assert list(instructions("en").columns)[:3] == ["table", "column", "meaning"]
