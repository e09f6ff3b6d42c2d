"""Reading back the tables of a plan folder (rencana.csv, rantai.csv, … or an edited rencana.xlsx).

:func:`read_plan` is the one reader of the project's own plan tables, :func:`read_record` of its
hasil.json and :func:`verify_outputs` checks the recorded sha256s; every cell that the writers'
formula guard touched (``'-J-009``, ``'=x``, ``''x``) is given back exactly as it was before
writing, one leading apostrophe off, never more.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd

from placement.domain.errors import PlacementError
from placement.domain.messages import Where, issue
from placement.io.writers import GUARD

# Written in this order; hasil.json last, so its presence vouches for a complete folder.
OUTPUT_FILES = (
    "rencana.csv",
    "rencana.xlsx",
    "lowong.csv",
    "shortlist_jpt.csv",
    "rantai.csv",
    "hasil.json",
)
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


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_outputs(out_dir: Path) -> list[str]:
    """Files of a plan folder whose content differs from what its hasil.json recorded.

    Empty list: every file is as written. Folders written before file hashes were recorded
    (no ``berkas`` key) cannot be checked and yield ``["hasil.json: tanpa hash berkas"]``.
    """
    record = read_record(out_dir)
    files = record.get("berkas")
    if not isinstance(files, dict):
        return ["hasil.json: tanpa hash berkas"]
    bad = []
    for name, digest in sorted(files.items()):
        path = out_dir / name
        if not path.is_file():
            bad.append(f"{name}: tidak ada")
        elif file_sha256(path) != digest:
            bad.append(f"{name}: isi berubah sejak ditulis")
    return bad


def read_record(out_dir: Path) -> dict[str, Any]:
    """The hasil.json of a plan folder; PlacementError when it is missing or damaged."""
    path = out_dir / "hasil.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict):
        raise PlacementError([issue("HASIL_TIDAK_ADA", Where(str(path)), path=path)])
    return data
