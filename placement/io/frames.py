"""Rows to frames: the header row (titles above it skipped), SIASN/SAPK aliases mapped to the
template headers, cleaned string frames indexed by Excel row."""

from __future__ import annotations

import operator
from bisect import bisect_left
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from placement.domain.errors import Issue, shown
from placement.domain.messages import Where, issue
from placement.domain.schema import Table, header_key, header_map
from placement.domain.validate import clean_cell
from placement.io.cells import Grid, ReadLimitError, ReadLimits, SheetCells, _Read, _too_big

TITLE_ROWS_MAX = 10  # rows above the header that may hold a report title (SIASN exports)


@dataclass
class _Header:
    """Result of mapping a header row: kept column indices and their names."""

    keep: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    unnamed: list[int] = field(default_factory=list)


def _map_header(
    cells: list[str], table: Table, label: str, row: int, issues: list[Issue]
) -> _Header:
    """Map header cells to template headers; report duplicates and unknown columns."""
    known = header_map(table)
    out = _Header()
    for j, raw in enumerate(cells):
        name = raw.replace("\ufeff", "").strip().lstrip("'").strip()
        if not name:
            out.unnamed.append(j)
            continue
        canonical = known.get(header_key(name))
        if canonical is None:
            issues.append(_unknown_column(label, row, name, table))
            canonical = name if name not in out.names else f"{name} ({j + 1})"
        elif canonical in out.names:
            issues.append(_duplicate_column(label, row, name, canonical))
            continue
        out.keep.append(j)
        out.names.append(canonical)
    return out


def _unknown_column(label: str, row: int, name: str, table: Table) -> Issue:
    name = shown(name)
    return issue("KOLOM_TIDAK_DIKENAL", Where(label, row, name), name=name, table=table.name)


def _duplicate_column(label: str, row: int, name: str, canonical: str) -> Issue:
    name = shown(name)
    return issue("KOLOM_GANDA", Where(label, row, name), name=name, canonical=canonical)


def _add_table(result: _Read, table: Table, label: str, sheet: SheetCells) -> None:
    """Turn raw rows into a string frame (index = Excel row) and store it in ``result``."""
    grid = sheet.rows
    order = sorted(grid)
    start = next((i for i in order if any(c.strip() for c in grid[i])), None)
    if start is None:
        result.issues.append(issue("FILE_KOSONG", Where(label), label=label))
        return
    start = _header_row(grid, start, table)
    cells = grid[start]
    width = len(cells) if sheet.width is None else sheet.width
    header = _map_header(
        cells + [""] * (width - len(cells)), table, label, start + 1, result.issues
    )
    body = [i for i in order if i > start]
    if len(body) * len(header.keep) > result.limits.cells:
        result.issues.append(
            _too_big(label, _table_too_big(len(body), len(header.keep), result.limits))
        )
        return
    _check_long_rows(grid, body, width, label, result.issues)
    _check_unnamed(grid, body, header, label, result.issues)
    frame = _frame(grid, body, header)
    nip_headers = {c.header for c in table.columns if c.type == "nip"}
    frame.attrs = {
        "file": label,
        "excel_rows": True,
        "numeric_cells": {
            name: sorted(i + 1 for i in sheet.numeric.get(j, set()) if i > start)
            for j, name in zip(header.keep, header.names, strict=True)
            if name in nip_headers and sheet.numeric.get(j)
        },
    }
    result.tables[table.name] = frame


def _table_too_big(n_rows: int, n_columns: int, limits: ReadLimits) -> ReadLimitError:
    size_id = f"tabel {n_rows:,} baris × {n_columns:,} kolom melebihi {limits.cells:,} sel"
    size_en = f"a table of {n_rows:,} rows × {n_columns:,} columns is over {limits.cells:,} cells"
    return ReadLimitError(size_id, size_en)


def _header_row(grid: Grid, first: int, table: Table) -> int:
    """Index of the header row: the first non-empty row, unless it names no template column
    and one of the next TITLE_ROWS_MAX rows names two or more (a title above the header, often
    merged across the columns, as in SIASN/SIMPEG exports)."""
    known = header_map(table)

    def named(i: int) -> int:
        return sum(1 for cell in grid.get(i, ()) if header_key(cell) in known)

    if named(first):
        return first
    later = range(first + 1, first + 1 + TITLE_ROWS_MAX)
    return next((i for i in later if named(i) >= 2), first)


def _check_long_rows(
    grid: Grid, body: list[int], width: int, label: str, issues: list[Issue]
) -> None:
    """Rows with content beyond the last header cell (csv: a separator inside a value)."""
    for i in body:
        row = grid[i]
        if len(row) > width and any(c.strip() for c in row[width:]):
            issues.append(_too_many_cells(label, i + 1))


def _check_unnamed(
    grid: Grid, body: list[int], header: _Header, label: str, issues: list[Issue]
) -> None:
    """Content under an empty header cell: the column is ignored (warning at its first cell).
    One pass over the rows, looking only at the unnamed columns not yet seen filled."""
    pending, first = list(header.unnamed), {}
    for i in body:
        if not pending:
            break
        row = grid[i]
        filled = [j for j in pending[: bisect_left(pending, len(row))] if row[j].strip()]
        if filled:
            first.update(dict.fromkeys(filled, i))
            pending = [j for j in pending if j not in first]
    for j in header.unnamed:
        if j in first:
            issues.append(_unnamed_column(label, first[j] + 1, j))


def _too_many_cells(label: str, row: int) -> Issue:
    return issue("BARIS_KOLOM_LEBIH", Where(label, row))


def _unnamed_column(label: str, row: int, j: int) -> Issue:
    where = Where(label, row, f"kolom ke-{j + 1}")
    return issue("KOLOM_TIDAK_DIKENAL", where, template="KOLOM_TANPA_JUDUL", number=j + 1)


def _frame(grid: Grid, body: list[int], header: _Header) -> pd.DataFrame:
    """String frame of the kept columns, cleaned, without empty rows, index = Excel row."""
    if not header.names:
        return pd.DataFrame(index=pd.RangeIndex(0, name="row"))
    keep, need = header.keep, max(header.keep) + 1
    pick, one = operator.itemgetter(*keep), len(keep) == 1
    lines = [grid[i] for i in body]
    if lines and min(map(len, lines)) >= need:
        # Every row holds every kept cell (the usual file): columns at once, and rows left
        # empty go with the empty-row filter below, as the raw empty rows would here.
        columns = [tuple(map(pick, lines))] if one else list(zip(*map(pick, lines), strict=True))
        return _frame_of(columns, body, header)
    rows: list[int] = []
    values: list[tuple[str, ...]] = []
    for i in body:
        row = grid[i]
        if len(row) >= need:
            texts = (pick(row),) if one else pick(row)
        else:  # a short row: only the kept cells, never padded to the widest kept column
            texts = tuple(row[j] if j < len(row) else "" for j in keep)
        if any(texts):
            rows.append(i)
            values.append(texts)
    columns = list(zip(*values, strict=True)) if values else [()] * len(header.keep)
    return _frame_of(columns, rows, header)


def _frame_of(columns: list[tuple[str, ...]], rows: list[int], header: _Header) -> pd.DataFrame:
    """The cleaned frame of raw ``columns`` (one tuple per kept column) of grid ``rows``, without
    the rows left empty."""
    frame = pd.DataFrame(
        {name: _clean(column) for name, column in zip(header.names, columns, strict=True)},
        columns=header.names,
    )
    frame.index = pd.Index(np.asarray(rows, dtype=np.int64) + 1, name="row")
    filled = (frame != "").to_numpy().any(axis=1)
    return frame.iloc[np.flatnonzero(filled)]


def _clean(values: tuple[str, ...]) -> pd.Series[str]:
    """Clean a column (see clean_cell), once per distinct value."""
    mapping = {v: clean_cell(v) for v in set(values)}
    if all(k == v for k, v in mapping.items()):
        return pd.Series(values, dtype="str")
    return pd.Series([mapping[v] for v in values], dtype="str")
