"""Reading the input tables: csv files or one xlsx workbook, all cells as text. No rules here.

:func:`read_tables` returns string frames whose columns are the template headers (SIASN/SAPK
aliases mapped via the schema, unknown columns kept as they are), whose index is the Excel row
number (header = row 1) and whose ``attrs`` say where they came from (``file``) and which NIP
cells the workbook stored as numbers (``numeric_cells``). :func:`load_dataset` validates them
and builds the :class:`~placement.domain.model.Dataset`.

Modules: ``find`` (which files), ``decode`` (csv text), ``xlsx`` and ``xlsx_stream``
(workbooks), ``frames`` (rows to frames), ``cells`` (read limits and their errors).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from placement.domain.errors import Issue, PlacementError, has_errors
from placement.domain.messages import Where, issue
from placement.domain.model import Dataset
from placement.domain.schema import TABLES
from placement.domain.validate import sort_issues, validate_tables
from placement.io.cells import DEFAULT_LIMITS, ReadLimits, Tables, _Read
from placement.io.decode import _read_csv
from placement.io.find import _read_directory, _read_file, _table_of


def read_tables(
    path: Path, limits: ReadLimits = DEFAULT_LIMITS
) -> tuple[Tables, list[Issue], dict[str, str]]:
    """Read a data directory (csv files or one workbook) or a workbook file.

    Returns (string frames keyed by table name, reading issues, sha256 per file read keyed by
    its name relative to the data directory).
    """
    path = Path(path)
    result = _Read(limits=limits)
    if not path.exists():
        result.issues.append(issue("PATH_TIDAK_ADA", Where(str(path)), path=path))
    elif path.is_file():
        _read_file(path, result)
    else:
        _read_directory(path, result)
    return result.tables, result.issues, result.hashes


def read_csv_table(path: Path, name: str) -> pd.DataFrame | None:
    """One table of a csv data folder as text (as :func:`read_tables` gives it), read alone;
    None when ``path`` is not a folder of csv files, the table has no file or it cannot be read
    cleanly (the full read reports why)."""
    path = Path(path)
    if not path.is_dir():
        return None
    table = next(t for t in TABLES if t.name == name)
    files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(("~$", ".")))
    found = [
        p for p in files if p.suffix.lower() in (".csv", ".txt") and _table_of(p.stem) is table
    ]
    if not found:
        return None
    result = _Read()
    _read_csv(found[0], table, result)
    return None if has_errors(result.issues) else result.tables.get(name)


def validate_path(
    path: Path, *, limits: ReadLimits = DEFAULT_LIMITS, plan_date: date | None = None
) -> tuple[Tables, list[Issue], dict[str, str]]:
    """Read and validate: (canonical frames, all issues sorted, sha256 per file). Dates are
    checked against ``plan_date`` (today when None; see validate_tables)."""
    tables, issues, hashes = read_tables(path, limits)
    frames, more = validate_tables(tables, plan_date)
    return frames, sort_issues([*issues, *more]), hashes


def load_dataset(
    path: Path,
    *,
    strict: bool = False,
    limits: ReadLimits = DEFAULT_LIMITS,
    plan_date: date | None = None,
) -> tuple[Dataset, list[Issue]]:
    """Read, validate and build the Dataset; returns it with the warnings.

    Raises PlacementError listing every issue when any is an error (with ``strict``: when
    there is any issue at all).
    """
    frames, issues, hashes = validate_path(path, limits=limits, plan_date=plan_date)
    if has_errors(issues) or (strict and issues):
        raise PlacementError(issues)
    dataset = Dataset.from_frames(
        frames["pegawai"],
        frames["jabatan"],
        frames.get("kompetensi"),
        frames.get("standar_kompetensi"),
        sources=hashes,
    )
    return dataset, issues


__all__ = ["ReadLimits", "load_dataset", "read_csv_table", "read_tables", "validate_path"]
