"""Per-table working state of the validation: raw cells, Excel rows, parsed columns, issues."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from placement.domain.errors import Issue, shown
from placement.domain.messages import Where, issue
from placement.domain.nip import NipError, NipInfo
from placement.domain.schema import Table

Frames = dict[str, pd.DataFrame]
Message = Callable[[str], str]


@dataclass
class _Sheet:
    """One table being validated: raw string cells (positional index), Excel rows, issues."""

    table: Table
    raw: pd.DataFrame
    file: str
    rows: np.ndarray[Any, np.dtype[np.int64]]
    numeric: dict[str, set[int]]
    issues: list[Issue]
    cleaned: bool = False  # cells already cleaned by read_tables
    out: dict[str, pd.Series[Any]] = field(default_factory=dict)
    nip_parsed: dict[str, NipInfo] = field(default_factory=dict)
    nip_ok: pd.Series[bool] | None = None
    nip_cache: dict[str, NipInfo | NipError] = field(default_factory=dict)
    _cells: dict[str, pd.Series[Any]] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.raw)

    def has(self, header: str) -> bool:
        return header in self.raw.columns

    def cells(self, header: str) -> pd.Series[Any]:
        """Cleaned text of a column as objects ('' where empty or the column is absent)."""
        cached = self._cells.get(header)
        if cached is None:
            cached = self._load(header)
            self._cells[header] = cached
        return cached

    def _load(self, header: str) -> pd.Series[Any]:
        if not self.has(header):
            return pd.Series([""] * self.n, dtype=object)
        raw = self.raw[header]
        if isinstance(raw.dtype, pd.StringDtype):  # what the readers give: blanks filled at once
            col = pd.Series(raw.to_numpy(dtype=object, na_value=""), dtype=object)
        else:
            col = pd.Series(raw.to_numpy(dtype=object), dtype=object)
            col = col.where(col.notna(), "")
        if self.cleaned:
            return col
        return _map_unique(col, clean_cell, keep_empty=True)

    def issue(
        self,
        pos: int | None,
        header: str | None,
        code: str,
        /,
        template: str | None = None,
        **fields: object,
    ) -> None:
        """Record the catalogue's issue ``code`` (domain/messages.py) at a positional row (None =
        whole table)."""
        row = None if pos is None else int(self.rows[pos])
        self.issues.append(issue(code, Where(self.file, row, header), template, **fields))

    def report(
        self,
        mask: pd.Series[bool] | np.ndarray[Any, np.dtype[np.bool_]],
        header: str,
        code: str,
        /,
        template: str | None = None,
        **fields: object,
    ) -> None:
        """One issue per row where ``mask`` holds; the template gets the cell text as
        ``value``."""
        values = self.cells(header).to_numpy()
        for pos in np.flatnonzero(np.asarray(mask, dtype=bool)):
            self.issue(int(pos), header, code, template, value=shown(values[pos]), **fields)


def clean_cell(value: object) -> str:
    """Cell text as the readers clean it: stripped, one leading apostrophe off, 'null' = ''."""
    text = str(value).strip()
    if text.startswith("'"):
        text = text[1:].strip()
    return "" if text.lower() == "null" else text


def _map_unique(
    text: pd.Series[Any], func: Callable[[str], Any], *, keep_empty: bool = False
) -> pd.Series[Any]:
    """Apply ``func`` once per distinct non-empty value; empty cells give None ('' with
    ``keep_empty``)."""
    distinct = pd.unique(text.to_numpy(dtype=object))
    mapped = map_object(text, {v: func(v) for v in distinct if v != ""}).astype(object)
    return mapped.where(text != "", "" if keep_empty else None)


def map_object(text: pd.Series[Any], mapping: dict[Any, Any]) -> pd.Series[Any]:
    """``text.map(mapping)`` for a Series of objects (same values, dtype and NaN for what
    ``mapping`` lacks), found by position: mapping a dict looks every cell up in an index of the
    keys, several times slower on text."""
    codes, distinct = pd.factorize(text.to_numpy(dtype=object), use_na_sentinel=False)
    at_key = {k: i for i, k in enumerate(mapping)}
    at = np.array([at_key.get(v, -1) for v in distinct], dtype=np.intp)
    values = pd.Series(list(mapping.values()))._values if mapping else np.zeros(0, dtype=np.float64)
    taken = pd.api.extensions.take(values, at[codes], allow_fill=True)
    return pd.Series(taken, index=text.index, name=text.name, copy=False)


def _sheet(
    table: Table, raw: pd.DataFrame, issues: list[Issue], nip_cache: dict[str, Any]
) -> _Sheet:
    """Working state for one raw table (index reset to positions, Excel rows kept aside)."""
    from_reader = bool(raw.attrs.get("excel_rows"))
    if from_reader:
        rows = np.asarray(raw.index, dtype=np.int64)
    else:
        rows = np.arange(len(raw), dtype=np.int64) + 2
    numeric = {str(k): set(v) for k, v in raw.attrs.get("numeric_cells", {}).items()}
    file = str(raw.attrs.get("file", f"{table.name}.csv"))
    frame = raw.reset_index(drop=True)
    return _Sheet(
        table, frame, file, rows, numeric, issues, cleaned=from_reader, nip_cache=nip_cache
    )


__all__ = ["clean_cell"]
