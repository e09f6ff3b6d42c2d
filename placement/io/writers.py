"""Writing tables: the input template format (csv / xlsx) and generic, safe table writers.

Every writer is atomic (a temp file in the target directory, then ``os.replace``), so a failed
run never leaves a half-written file, and injection-safe: text that a spreadsheet would run as a
formula gets a leading apostrophe (:func:`safe_cell`), and so does text that already starts with
one, so that the readers, which take exactly one leading apostrophe off (:func:`unguard_cell`,
``placement.io.plan_files.read_plan``, the data readers' ``clean_cell``), get every text back.
"""

from __future__ import annotations

import csv
import math
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from placement.domain.model import Dataset
from placement.domain.schema import TABLES, Table
from placement.io.xlsx_write import Sheet, write_workbook

FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"
XLSX_NAME = "data.xlsx"
TEXT_FORMAT = "@"
_MAX_WIDTH = 60
_WIDTH_SAMPLE = 500  # rows looked at to size a column
# Control characters an xlsx file cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")

# Which Dataset frame holds each template table.
_FRAME_OF: dict[str, str] = {
    "pegawai": "pegawai",
    "jabatan": "jabatan",
    "kompetensi": "kompetensi",
    "standar_kompetensi": "standar",
}


# --- cell helpers ---------------------------------------------------------------------------


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pd.NA (scalars only)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float | np.floating) and math.isnan(value)


def safe_cell(value: Any) -> Any:
    """Guard against formula injection: text starting with = + - @ tab or CR gets a leading
    apostrophe, and so does text starting with an apostrophe (so that :func:`unguard_cell` gives
    it back whole). Numbers and other values are returned unchanged."""
    if isinstance(value, str) and value.startswith((*FORMULA_PREFIXES, GUARD)):
        return GUARD + value
    return value


def unguard_cell(value: Any) -> Any:
    """The inverse of :func:`safe_cell` for text read back: one leading apostrophe off."""
    if isinstance(value, str) and value.startswith(GUARD):
        return value[1:]
    return value


def format_number(value: float) -> str:
    """Shortest exact text of a number with '.' as decimal separator (4.0 → "4", 3.25 → "3.25")."""
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def cell_text(value: object) -> str:
    """Text of one cell for csv output (empty for missing values; dates ISO)."""
    if is_missing(value):
        return ""
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        return format_number(float(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if _is_midnight(value) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(safe_cell(str(value)))


def xlsx_value(value: object) -> Any:
    """A value openpyxl can store: native Python types, safe text, None for missing values."""
    if is_missing(value):
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value)
    if isinstance(value, datetime):
        return value.date() if _is_midnight(value) else value.replace(tzinfo=None)
    if isinstance(value, date):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return safe_cell(text)


def _is_midnight(value: datetime) -> bool:
    return (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)


def _column_texts(series: pd.Series[Any]) -> list[str]:
    """Cell texts of one column (:func:`cell_text`, by dtype for plain numpy columns)."""
    values = series.tolist()
    kind = series.dtype.kind if isinstance(series.dtype, np.dtype) else "O"
    if kind in "iu":
        return [str(v) for v in values]
    if kind == "f":
        return ["" if v != v else format_number(v) for v in values]
    if kind == "b":
        return ["true" if v else "false" for v in values]
    # Text first (most object cells): cell_text of a str is safe_cell of it.
    return [safe_cell(v) if type(v) is str else cell_text(v) for v in values]


def _column_xlsx_values(series: pd.Series[Any]) -> list[Any]:
    """:func:`xlsx_value` of every cell of one column (by dtype for plain numpy columns)."""
    values = series.tolist()
    kind = series.dtype.kind if isinstance(series.dtype, np.dtype) else "O"
    if kind in "iub":
        return values  # tolist() gives Python ints and bools
    if kind == "f":
        return [None if v != v else v for v in values]
    # Text first (most object cells): as xlsx_value does for a str.
    illegal = ILLEGAL_CHARACTERS_RE.sub
    return [safe_cell(illegal("", v)) if type(v) is str else xlsx_value(v) for v in values]


# --- atomic files -----------------------------------------------------------------------------


def _file_mode(path: Path) -> int:
    """Permission bits for a new file: those of the file replaced, else 0o666 minus the umask."""
    with suppress(OSError):
        return path.stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temp path in the target's directory; on success it replaces ``path``.

    On an exception the temp file is removed and ``path`` is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        tmp.chmod(_file_mode(path))
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """Write a frame as UTF-8 comma-separated csv, atomically and injection-safe."""
    columns = [_column_texts(df[c]) for c in df.columns] if len(df.columns) else []
    header = [str(safe_cell(str(c))) for c in df.columns]
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(zip(*columns, strict=True))
    return Path(path)


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells and headers went through :func:`safe_cell`, for csv
    text that is not a file (stdout): numbers and their layout stay as pandas writes them."""
    out = df.copy()
    out.columns = pd.Index([safe_cell(c) for c in df.columns])
    for i in range(len(df.columns)):
        column = out.iloc[:, i]
        if not pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            out.isetitem(i, column.map(safe_cell).to_numpy(dtype=object))
    return out


def csv_text(df: pd.DataFrame) -> str:
    """A frame as csv text for stdout (pandas' layout, ``\\n`` line ends), injection-safe."""
    return safe_frame(df).to_csv(index=False, lineterminator="\n")


def write_xlsx(
    sheets: Mapping[str, pd.DataFrame],
    path: Path,
    text_columns: Mapping[str, Iterable[str]] | None = None,
) -> Path:
    """Write frames as sheets of one workbook, atomically and injection-safe.

    Header bold, first row frozen, columns sized to their content. ``text_columns`` (sheet →
    column names) get the Text number format, e.g. NIP columns, so Excel keeps every digit.
    """
    text = text_columns or {}
    books = [_sheet(name, df, set(text.get(name, ()))) for name, df in sheets.items()]
    with atomic_path(path) as tmp:
        write_workbook(books, tmp)
    return Path(path)


def _sheet(name: str, df: pd.DataFrame, text_cols: set[str]) -> Sheet:
    headers = [str(c) for c in df.columns]
    widths = [_width(h, df.iloc[:, i]) for i, h in enumerate(headers)]
    columns = [_column_xlsx_values(df.iloc[:, i]) for i in range(len(headers))]
    rows = zip(*columns, strict=True) if columns else iter(())
    text_idx = [i for i, h in enumerate(headers) if h in text_cols]
    return Sheet(name, [xlsx_value(h) for h in headers], rows, widths, text_idx)


def _width(header: str, series: pd.Series[Any]) -> float:
    sample = _column_texts(series.head(_WIDTH_SAMPLE))
    longest = max([len(header), *(len(s) for s in sample)])
    return float(min(longest + 2, _MAX_WIDTH))


# --- the input template format --------------------------------------------------------------


def template_frame(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """A canonical frame (English field names) in template form: Indonesian headers, dates ISO,
    booleans "ya"/"tidak", empty cells for missing values; numbers stay numbers."""
    out: dict[str, list[Any]] = {}
    for col in table.columns:
        if col.field not in frame.columns:
            out[col.header] = [None] * len(frame)
            continue
        out[col.header] = _template_values(frame[col.field], col.type)
    return pd.DataFrame(out, columns=[c.header for c in table.columns], dtype=object)


def _template_values(series: pd.Series[Any], kind: str) -> list[Any]:
    values = series.tolist()
    if kind == "date":
        return [None if is_missing(v) else pd.Timestamp(v).date().isoformat() for v in values]
    if kind == "bool":
        return [None if is_missing(v) else ("ya" if bool(v) else "tidak") for v in values]
    if kind == "int":
        return [None if is_missing(v) else int(v) for v in values]
    if kind in ("float", "percent"):
        return [None if is_missing(v) else float(v) for v in values]
    return [None if is_missing(v) else str(v) for v in values]


def nip_columns() -> dict[str, list[str]]:
    """Sheet name → headers of its NIP columns (written as text)."""
    return {t.name: [c.header for c in t.columns if c.type == "nip"] for t in TABLES}


def dataset_tables(ds: Dataset) -> dict[str, pd.DataFrame]:
    """The four input tables of a Dataset in template form, keyed by table name."""
    frames = {name: getattr(ds, attr) for name, attr in _FRAME_OF.items()}
    return {t.name: template_frame(t, frames[t.name]) for t in TABLES}


def write_dataset(ds: Dataset, out_dir: Path, fmt: Literal["csv", "xlsx"] = "csv") -> list[Path]:
    """Write a Dataset's four tables in template format; returns the files written.

    csv: pegawai.csv, jabatan.csv, kompetensi.csv, standar_kompetensi.csv (UTF-8, comma);
    xlsx: one data.xlsx with those sheets, NIP cells as text.
    """
    out_dir = Path(out_dir)
    tables = dataset_tables(ds)
    if fmt == "xlsx":
        return [write_xlsx(tables, out_dir / XLSX_NAME, text_columns=nip_columns())]
    if fmt != "csv":
        raise ValueError(f"unknown format {fmt!r}; use 'csv' or 'xlsx'")
    return [write_csv(df, out_dir / f"{name}.csv") for name, df in tables.items()]


__all__ = [
    "atomic_path",
    "cell_text",
    "csv_text",
    "dataset_tables",
    "format_number",
    "safe_cell",
    "safe_frame",
    "template_frame",
    "unguard_cell",
    "write_csv",
    "write_dataset",
    "write_xlsx",
]
