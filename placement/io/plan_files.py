"""Reading back the tables of a plan folder (rencana.csv, rantai.csv, … or an edited rencana.xlsx).

:func:`read_plan` is the one reader of the project's own plan files: every cell that the writers'
formula guard touched (``'-J-009``, ``'=x``, ``''x``) is given back exactly as it was before
writing, one leading apostrophe off, never more.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from placement.io.writers import GUARD

PLAN_SHEET = "Rencana"
ID_COLUMNS = ("nip", "jabatan_asal_id", "jabatan_tujuan_id")


def read_plan(path: Path, *, typed: bool = False) -> pd.DataFrame:
    """A table of a plan folder: ``path`` is a csv file, an xlsx workbook (its 'Rencana' sheet)
    or a folder (its rencana.csv); the formula guard undone once.

    Every cell is text, '' when empty (audit, locks, comparing placements); ``typed`` (csv only):
    numbers as numbers and empty cells missing, NIPs and post ids text (KPIs, compare).
    Raises OSError / ValueError for a missing or unreadable file; callers say which is theirs."""
    path = Path(path)
    if path.is_dir():
        path = path / "rencana.csv"
    if path.suffix.lower() == ".xlsx":
        frame = pd.read_excel(path, sheet_name=PLAN_SHEET, dtype=str).fillna("")
    elif typed:
        frame = pd.read_csv(path, dtype=dict.fromkeys(ID_COLUMNS, str))
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in frame.columns:
        frame[col] = _unguard(frame[col])
    return frame


def _unguard(column: pd.Series[Any]) -> pd.Series[Any]:
    """One leading apostrophe off every text cell that has one."""
    if pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column):
        return column
    guarded = column.map(lambda v: isinstance(v, str) and v.startswith(GUARD)).astype(bool)
    if not guarded.any():
        return column
    column = column.copy()
    column[guarded] = column[guarded].str[1:]
    return column
