"""Workbooks: the table sheets of an xlsx file, streamed, or read by openpyxl when the streaming
reader cannot cope."""

from __future__ import annotations

import hashlib
import io
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from placement.domain.schema import TABLES, header_key
from placement.io.cells import (
    DEFAULT_LIMITS,
    MAX_EXCEL_ROWS,
    Grid,
    ReadLimitError,
    ReadLimits,
    SheetCells,
    SheetLimitError,
    _check_size,
    _missing,
    _Read,
    _too_big,
    unreadable,
)
from placement.io.frames import _add_table
from placement.io.xlsx_stream import _beyond_rows, _FastWorkbook, cell_text


def _check_parts(data: bytes, limits: ReadLimits) -> None:
    """Refuse a workbook with a part that unzips beyond the cap, from the sizes the zip
    declares (zipfile never inflates a part past its declared size): nothing is inflated."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for info in book.infolist():
            _check_size(info.file_size, limits, info.filename)


@contextmanager
def _quiet_openpyxl() -> Iterator[None]:
    """Silence openpyxl's notes about unsupported workbook features (styles, extensions)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
        yield


def _read_workbook(path: Path, result: _Read) -> None:
    """Read the table sheets: fast streaming reader first, openpyxl when it cannot cope."""
    try:
        _check_size(path.stat().st_size, result.limits, None)
        data = path.read_bytes()
    except ReadLimitError as exc:
        result.issues.append(_too_big(path.name, exc))
        return
    except OSError as exc:
        result.issues.append(unreadable(path.name, exc))
        return
    sheets: dict[str, SheetCells | Exception] | None
    try:
        _check_parts(data, result.limits)
        sheets = _fast_sheets(data, result.limits)
    except ReadLimitError as exc:
        result.issues.append(_too_big(path.name, exc))
        return
    except Exception:  # anything unusual: let openpyxl read it (and report what is wrong)
        sheets = _openpyxl_sheets(data, path.name, result)
    if sheets is None:
        return
    result.hashes[path.name] = hashlib.sha256(data).hexdigest()
    by_key: dict[str, SheetCells | Exception] = {}
    for title, rows in sheets.items():
        by_key.setdefault(header_key(title), rows)
    for table in TABLES:
        label = f"{path.name}:{table.name}"
        found = by_key.get(header_key(table.name))
        if found is None:
            result.issues.append(_missing(table, label, path.name))
        elif isinstance(found, ReadLimitError):
            result.issues.append(_too_big(label, found))
        elif isinstance(found, Exception):
            result.issues.append(unreadable(label, found))
        else:
            _add_table(result, table, label, found)


def _wanted(title: str) -> bool:
    return any(header_key(title) == header_key(t.name) for t in TABLES)


def _fast_sheets(
    data: bytes, limits: ReadLimits = DEFAULT_LIMITS
) -> dict[str, SheetCells | Exception]:
    book = _FastWorkbook(data, limits.cells)
    sheets: dict[str, SheetCells | Exception] = {}
    for title in book.titles:
        if _wanted(title):
            try:
                sheets[title] = book.read(title)
            except SheetLimitError as exc:
                sheets[title] = exc
    return sheets


def _openpyxl_sheets(
    data: bytes, name: str, result: _Read
) -> dict[str, SheetCells | Exception] | None:
    try:
        with _quiet_openpyxl():
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        result.issues.append(unreadable(name, exc))
        return None
    sheets: dict[str, SheetCells | Exception] = {}
    try:
        for ws in book.worksheets:
            if _wanted(ws.title):
                try:
                    with _quiet_openpyxl():
                        sheets[ws.title] = _sheet_rows(ws, result.limits.cells)
                except Exception as exc:  # a damaged sheet inside a readable workbook
                    sheets[ws.title] = exc
    finally:
        book.close()
    return sheets


def _sheet_rows(ws: Any, max_cells: int) -> SheetCells:
    """The cells of a sheet as text, and per column index the row positions of numeric cells.
    openpyxl fills gaps with empty cells, so every cell it yields counts against ``max_cells``."""
    rows: Grid = {}
    numeric: dict[int, set[int]] = {}
    width = seen = 0
    for i, values in enumerate(ws.iter_rows(values_only=True)):
        if i >= MAX_EXCEL_ROWS:
            raise SheetLimitError(_beyond_rows(i + 1))
        seen += len(values)
        if seen > max_cells:
            raise ReadLimitError.cells(max_cells, i + 1)
        width = max(width, len(values))
        for j, value in enumerate(values):
            if isinstance(value, int | float) and not isinstance(value, bool):
                numeric.setdefault(j, set()).add(i)
        rows[i] = [cell_text(v) for v in values]
    return SheetCells(rows, numeric, width)
