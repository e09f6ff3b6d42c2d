"""The entry point: run every check over the raw tables, return canonical frames and issues."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from placement.domain.errors import Issue
from placement.domain.schema import TABLES, header_key
from placement.domain.validate.cross import _check_cross
from placement.domain.validate.parse import _frame, _parse_columns
from placement.domain.validate.sheet import Frames, _sheet
from placement.domain.validate.tables import (
    _check_dates,
    _check_jabatan,
    _check_long_duplicates,
    _check_pegawai,
    _check_structure,
)


def validate_tables(
    tables: Mapping[str, pd.DataFrame], plan_date: date | None = None
) -> tuple[Frames, list[Issue]]:
    """Check all tables and return (canonical frames keyed by table name, all issues).

    Tables missing from ``tables`` are skipped (the reader reports missing files). The frames
    are only trustworthy when no issue is an error. Birth and TMT dates after ``plan_date``
    and ages outside MIN_AGE–MAX_AGE at it are errors; without a plan date, today is used.
    """
    issues: list[Issue] = []
    cache: dict[str, Any] = {}
    sheets = {
        t.name: _sheet(t, tables[t.name], issues, cache)
        for t in TABLES
        if tables.get(t.name) is not None
    }
    for sheet in sheets.values():
        _check_structure(sheet)
        _parse_columns(sheet)
    if "pegawai" in sheets:
        _check_pegawai(sheets["pegawai"])
        _check_dates(sheets["pegawai"], plan_date)
    if "jabatan" in sheets:
        _check_jabatan(sheets["jabatan"])
    for name in ("kompetensi", "standar_kompetensi"):
        if name in sheets:
            _check_long_duplicates(sheets[name])
    _check_cross(sheets)
    frames = {name: _frame(sheet) for name, sheet in sheets.items()}
    return frames, sort_issues(issues)


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """Order issues by table (template order), then row; stable within a row."""
    order = {header_key(t.name): i for i, t in enumerate(TABLES)}

    def key(issue: Issue) -> tuple[int, int]:
        stem = header_key(issue.file.split(":")[-1].rsplit(".", 1)[0])
        return order.get(stem, -1), -1 if issue.row is None else issue.row

    return sorted(issues, key=key)


__all__ = ["sort_issues", "validate_tables"]
