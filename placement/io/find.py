"""Locating the input files: a workbook file, or a data folder of csv files or one workbook."""

from __future__ import annotations

from pathlib import Path

from placement.domain.errors import Issue
from placement.domain.messages import Where, issue
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
        issue("FILE_TIDAK_TERBACA", Where(path.name), template="BUKAN_WORKBOOK", name=path.name)
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
        result.issues.append(issue("WORKBOOK_GANDA", Where(str(path)), names=names, book=XLSX_NAME))
    return None


def _ignored_workbook(book: Path) -> Issue:
    return issue("FILE_DIABAIKAN", Where(book.name), name=book.name)


__all__ = ["WORKBOOK_SUFFIXES"]
