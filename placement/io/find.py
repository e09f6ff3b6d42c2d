"""Locating the input files: a workbook file, or a data folder of csv files or one workbook."""

from __future__ import annotations

from pathlib import Path

from placement.domain.errors import Issue, error, warning
from placement.domain.schema import TABLES, Table, header_key
from placement.io.cells import _missing, _Read
from placement.io.decode import _read_csv
from placement.io.writers import XLSX_NAME
from placement.io.xlsx import _read_workbook

WORKBOOK_SUFFIXES: frozenset[str] = frozenset({".xlsx", ".xlsm"})


def _table_of(stem: str) -> Table | None:
    key = header_key(stem)
    return next((t for t in TABLES if header_key(t.name) == key), None)


def _read_file(path: Path, result: _Read) -> None:
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        _read_workbook(path, result)
        return
    result.issues.append(
        error(
            path.name,
            None,
            None,
            "FILE_TIDAK_TERBACA",
            f"'{path.name}' bukan workbook .xlsx. Berikan folder berisi pegawai.csv, "
            "jabatan.csv, kompetensi.csv dan standar_kompetensi.csv, atau satu file .xlsx.",
            f"'{path.name}' is not an .xlsx workbook. Give a folder with the csv files, or one "
            ".xlsx file.",
        )
    )


def _read_directory(path: Path, result: _Read) -> None:
    files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(("~$", ".")))
    csvs: dict[str, Path] = {}
    for p in files:
        table = _table_of(p.stem) if p.suffix.lower() in (".csv", ".txt") else None
        if table is not None and table.name not in csvs:
            csvs[table.name] = p
    books = [p for p in files if p.suffix.lower() in WORKBOOK_SUFFIXES]
    if csvs:
        for ignored in books:
            result.issues.append(_ignored_workbook(ignored))
        for table in TABLES:
            if table.name in csvs:
                _read_csv(csvs[table.name], table, result)
            else:
                result.issues.append(_missing(table, f"{table.name}.csv", path))
        return
    book = _choose_workbook(books, path, result)
    if book is not None:
        _read_workbook(book, result)
    elif not books:
        for table in TABLES:
            result.issues.append(_missing(table, f"{table.name}.csv", path))


def _choose_workbook(books: list[Path], path: Path, result: _Read) -> Path | None:
    if len(books) == 1:
        return books[0]
    named = [b for b in books if b.name.lower() == XLSX_NAME]
    if named:
        return named[0]
    if books:
        names = ", ".join(b.name for b in books)
        result.issues.append(
            error(
                str(path),
                None,
                None,
                "WORKBOOK_GANDA",
                f"Ada beberapa workbook ({names}) dan tidak ada {XLSX_NAME}. Sisakan satu "
                f"workbook di folder, atau beri nama {XLSX_NAME} pada workbook yang dipakai.",
                f"Several workbooks ({names}) and no {XLSX_NAME}. Keep one workbook in the "
                f"folder, or name the one to use {XLSX_NAME}.",
            )
        )
    return None


def _ignored_workbook(book: Path) -> Issue:
    return warning(
        book.name,
        None,
        None,
        "FILE_DIABAIKAN",
        f"Workbook '{book.name}' diabaikan karena folder berisi file csv. Hapus salah satu "
        "agar jelas data mana yang dipakai.",
        f"Workbook '{book.name}' is ignored because the folder has csv files. Remove one of "
        "them so it is clear which data is used.",
    )


__all__ = ["WORKBOOK_SUFFIXES"]
