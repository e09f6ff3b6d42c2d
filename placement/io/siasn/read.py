"""Reading one source file (csv or the first/named sheet of an xlsx) as text rows with their
Excel row numbers, headers mapped to the import's keys by a caller-given table."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from openpyxl import load_workbook

from placement.domain.errors import PlacementError
from placement.domain.messages import Where, failure
from placement.domain.schema import header_key
from placement.domain.validate import clean_cell
from placement.io.cells import unreadable
from placement.io.decode import decode_bytes, sniff_separator
from placement.io.writers import cell_text

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TITLE_ROWS_MAX = 10


@dataclass
class Rows:
    """One source table: cleaned text per key, the Excel row of each record, numeric cells."""

    label: str
    headers: list[str]
    keys: list[str | None]
    records: list[dict[str, str]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    numeric: set[tuple[int, str]] = field(default_factory=set)  # (Excel row, key)
    unknown: list[str] = field(default_factory=list)

    def has(self, key: str) -> bool:
        return key in self.keys


def _grid(path: Path, sheet: str | None) -> tuple[list[list[str]], set[tuple[int, int]], str]:
    """All rows as text, the (row index, column index) of numeric cells, and the label."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            names = {header_key(n): n for n in book.sheetnames}
            title = names.get(header_key(sheet)) if sheet else book.sheetnames[0]
            if title is None:
                raise KeyError(sheet)
            grid: list[list[str]] = []
            numeric: set[tuple[int, int]] = set()
            for i, values in enumerate(book[title].iter_rows(values_only=True)):
                for j, value in enumerate(values):
                    if isinstance(value, int | float) and not isinstance(value, bool):
                        numeric.add((i, j))
                grid.append([cell_text(v) for v in values])
        finally:
            book.close()
        return grid, numeric, f"{path.name}:{title}"
    text = decode_bytes(path.read_bytes())
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_separator(text)))
    return rows, set(), path.name


@lru_cache(maxsize=65536)
def _clean(text: str) -> str:
    return clean_cell(text)


def read_rows(path: Path, keys: Mapping[str, str], sheet: str | None = None) -> Rows:
    """Read ``path``; ``keys`` maps header keys (see header_key) to the import's names.

    The header row is the first row naming a known column (title rows above it skipped).
    Raises PlacementError when the file cannot be read.
    """
    path = Path(path)
    try:
        grid, numeric, label = _grid(path, sheet)
    except KeyError:
        raise failure("SHEET_TIDAK_ADA", Where(path.name), sheet=sheet, name=path.name) from None
    except (OSError, UnicodeError, csv.Error, ValueError) as exc:
        raise PlacementError([unreadable(path.name, exc)]) from None
    start = next(
        (
            i
            for i, r in enumerate(grid[: TITLE_ROWS_MAX + 1])
            if any(header_key(c) in keys for c in r)
        ),
        0,
    )
    headers = [clean_cell(c) for c in grid[start]] if grid else []
    mapped = [keys.get(header_key(h)) for h in headers]
    seen: set[str] = set()
    for j, key in enumerate(mapped):  # a second column meaning the same is ignored
        if key in seen:
            mapped[j] = None
        elif key is not None:
            seen.add(key)
    unknown = [h for h, k in zip(headers, mapped, strict=True) if h and k is None]
    out = Rows(label, headers, mapped, unknown=unknown)
    wanted = [(j, k) for j, k in enumerate(mapped) if k]
    by_row: dict[int, list[int]] = {}
    for r, j in numeric:
        by_row.setdefault(r, []).append(j)
    for i in range(start + 1, len(grid)):
        cells = grid[i]
        record = {k: _clean(cells[j]) for j, k in wanted if j < len(cells)}
        if any(record.values()):
            out.records.append(record)
            out.rows.append(i + 1)
            for j in by_row.get(i, ()):
                key = mapped[j] if j < len(mapped) else None
                if key:
                    out.numeric.add((i + 1, key))
    return out
