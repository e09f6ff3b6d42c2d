"""Read one jabatan table (template csv, or the "jabatan" sheet of an xlsx) for
:func:`~placement.synth.generator.generate_for_structure`.

Reuses the project reader (header mapping with the SIASN aliases, cell cleaning) and the shared
validator, so a file that ``placement validate`` accepts works here too.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from placement.domain.errors import Issue, PlacementError, has_errors
from placement.domain.messages import Where, issue
from placement.domain.schema import JABATAN
from placement.domain.validate import validate_tables
from placement.io.find import WORKBOOK_SUFFIXES
from placement.io.readers import read_tables

CSV_NAME = f"{JABATAN.name}.csv"


def _read_raw(path: Path) -> tuple[pd.DataFrame | None, list[Issue]]:
    """Text frame of the jabatan table and the reading issues that concern it."""
    if _is_workbook(path):
        tables, issues, _ = read_tables(path)
        keep = {path.name}
    else:
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copyfile(path, Path(tmp) / CSV_NAME)
            tables, issues, _ = read_tables(Path(tmp))
        keep = {CSV_NAME}
    mine = [i for i in issues if i.file in keep or i.file.endswith(f":{JABATAN.name}")]
    return tables.get(JABATAN.name), _relabel(path, mine)


def _is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES


def _relabel(path: Path, issues: list[Issue]) -> list[Issue]:
    """Issues of a csv name the user's file, not the temporary copy."""
    if _is_workbook(path):
        return issues
    return [dataclasses.replace(i, file=path.name) if i.file == CSV_NAME else i for i in issues]


def read_jabatan(path: Path) -> pd.DataFrame:
    """Canonical jabatan frame (model.JABATAN_FIELDS); PlacementError listing every problem."""
    path = Path(path)
    raw, issues = _read_raw(path)
    if raw is None or has_errors(issues):
        raise PlacementError(issues or [_missing(path)])
    frames, more = validate_tables({JABATAN.name: raw})
    if has_errors(more):
        raise PlacementError(_relabel(path, more))
    return frames[JABATAN.name].reset_index(drop=True)


def _missing(path: Path) -> Issue:
    return issue(
        "FILE_TIDAK_ADA", Where(path.name), "SINTETIS_TABEL_JABATAN_TIDAK_ADA", name=path.name
    )
