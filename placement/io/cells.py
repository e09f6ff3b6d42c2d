"""What reading produces and what it may take: sheet cells, read limits, the limit errors, and
the issues for a missing, unreadable or too big file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from placement.domain.errors import Issue, shown
from placement.domain.messages import Where, issue, texts
from placement.domain.schema import Table

Tables = dict[str, pd.DataFrame]
REQUIRED_TABLES: frozenset[str] = frozenset({"pegawai", "jabatan"})
MAX_EXCEL_ROWS, MAX_EXCEL_COLUMNS = 1_048_576, 16_384
Grid = dict[int, list[str]]
"""Rows stored sparse: 0-based row → its cells up to its last filled one (no empty rows kept
from a sheet, no row padded to the widest)."""


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What reading one input may take. A file, or a part of a workbook once unzipped, over
    ``part_bytes`` and a table with more than ``cells`` cells are refused (located, in seconds)
    instead of filling the memory: a real province has well under a million cells."""

    part_bytes: int = 200 * 2**20
    cells: int = 5_000_000
    """Cells as stored (:data:`Grid`, empty ones before a row's last filled cell included), and
    the cells of the table built from them (data rows × columns)."""


DEFAULT_LIMITS = ReadLimits()


@dataclass
class SheetCells:
    """The cells of one sheet or csv file, with the positions of numeric cells per column."""

    rows: Grid
    numeric: dict[int, set[int]] = field(default_factory=dict)
    width: int | None = None
    """Columns every row spans (a sheet); None: each row is as long as it is (csv)."""


@dataclass
class _Read:
    """What reading produced so far."""

    tables: Tables = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    limits: ReadLimits = DEFAULT_LIMITS


class SheetLimitError(ValueError):
    """A row or column outside an Excel sheet (a damaged or hand-made file). Reported as is:
    openpyxl is not tried, it would fill the gap with empty rows."""


class ReadLimitError(SheetLimitError):
    """An input beyond :class:`ReadLimits`: refused before it fills the memory."""

    def __init__(self, msg_id: str, msg_en: str, row: int | None = None) -> None:
        super().__init__(msg_id)
        self.msg_id, self.msg_en, self.row = msg_id, msg_en, row

    @classmethod
    def cells(cls, limit: int, row: int) -> ReadLimitError:
        return cls(
            *texts("BATAS_SEL_BARIS", limit=limit, row=row),
            row,
        )


def _check_size(size: int, limits: ReadLimits, part: str | None) -> None:
    """ReadLimitError when a file (``part`` None) or a workbook part is over the byte cap."""
    if size <= limits.part_bytes:
        return
    mb, cap = f"{size / 2**20:,.0f} MB", f"{limits.part_bytes / 2**20:,.0f} MB"
    if part is None:
        raise ReadLimitError(*texts("BATAS_UKURAN_FILE", mb=mb, cap=cap))
    raise ReadLimitError(*texts("BATAS_UKURAN_BAGIAN", part=shown(part, 60), mb=mb, cap=cap))


def _too_big(label: str, exc: ReadLimitError) -> Issue:
    return issue(
        "FILE_TERLALU_BESAR",
        Where(label, exc.row),
        label=label,
        detail_id=exc.msg_id,
        detail_en=exc.msg_en,
    )


def unreadable(label: str, exc: BaseException) -> Issue:
    detail = shown(f"{type(exc).__name__}: {exc}", 200)
    return issue("FILE_TIDAK_TERBACA", Where(label), label=label, detail=detail)


def _missing(table: Table, label: str, where: Path | str) -> Issue:
    """Missing file or sheet: an error for pegawai/jabatan, a warning for the competency tables."""
    code = "FILE_TIDAK_ADA" if table.name in REQUIRED_TABLES else "FILE_OPSIONAL_TIDAK_ADA"
    return issue(
        code,
        Where(label),
        label=label,
        where=where,
        table=table.name,
        meaning_id=table.meaning_id,
        meaning_en=table.meaning_en,
    )


__all__ = [
    "DEFAULT_LIMITS",
    "ReadLimitError",
    "ReadLimits",
    "SheetCells",
    "SheetLimitError",
    "unreadable",
]
