"""Writing an import: the data folder (atomically, only without errors) and laporan-impor.xlsx
(or its JSON form)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from placement.domain.errors import has_errors, issue_records
from placement.domain.messages import failure
from placement.io.readers import validate_path
from placement.io.siasn.core import ImportResult
from placement.io.writers import write_csv, write_xlsx

REPORT_NAME = "laporan-impor.xlsx"
TABLE_NAMES = ("pegawai", "jabatan", "kompetensi", "standar_kompetensi")
ISSUE_COLUMNS = ["file", "row", "column", "code", "severity", "message"]


def _validate(result: ImportResult, plan_date: date, folder: Path) -> None:
    for name, frame in result.tables.items():
        write_csv(frame, folder / f"{name}.csv")
    _, issues, _ = validate_path(folder, plan_date=plan_date)
    result.validation = issues


OWN_FILES = frozenset({*(f"{t}.csv" for t in TABLE_NAMES), REPORT_NAME})


def write_import(result: ImportResult, out: Path, plan_date: date) -> Path:
    """Validate the tables in a staging folder next to ``out``; when nothing is an error, put
    the folder in place of ``out`` in one rename. The report is written in ``out`` either way;
    returns its path. PlacementError when ``out`` holds other files than an import's (they
    would be lost)."""
    out = Path(out)
    _check_out(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.impor-", dir=out.parent))
    try:
        _validate(result, plan_date, staging)
        if result.ok:
            write_report(result, staging / REPORT_NAME)
            _replace(staging, out)
        else:
            write_report(result, out / REPORT_NAME)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out / REPORT_NAME


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise failure("OUT_BUKAN_FOLDER", out=out)
    others = (
        sorted(p.name for p in out.iterdir() if p.name not in OWN_FILES) if out.exists() else []
    )
    if others:
        raise failure("OUT_BERISI_FILE_LAIN", out=out, others=", ".join(others[:5]))


def _replace(staging: Path, out: Path) -> None:
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.lama-", dir=out.parent))
        out.replace(old / out.name)
        staging.replace(out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.replace(out)


def report_sheets(result: ImportResult) -> dict[str, pd.DataFrame]:
    """The report's sheets."""
    counts = [{"sumber": k, "baris": v} for k, v in result.counts.items()]
    counts += [{"sumber": f"tautan {k}", "baris": v} for k, v in result.link_counts().items()]
    used = [
        {"kolom": k, "label": lab, "nilai": v, "jumlah": n}
        for (k, lab, v), n in sorted(result.labels.used.items())
    ]
    return {
        "ringkasan": pd.DataFrame(counts, columns=["sumber", "baris"]),
        "masalah": pd.DataFrame(issue_records(result.issues), columns=ISSUE_COLUMNS),
        "tautan": pd.DataFrame(
            result.links, columns=["nip", "jabatan_id", "nama_jabatan", "opd", "metode", "skor"]
        ),
        "perlu_keputusan": pd.DataFrame(
            result.pending,
            columns=[
                "nip",
                "nama",
                "jabatan_siasn",
                "opd",
                "masalah",
                "saran_1",
                "saran_2",
                "saran_3",
                "jabatan_id",
            ],
        ),
        "dibuang": pd.DataFrame(result.dropped, columns=["file", "row", "nip", "alasan"]),
        "label": pd.DataFrame(used, columns=["kolom", "label", "nilai", "jumlah"]),
        "validasi": pd.DataFrame(issue_records(result.validation), columns=ISSUE_COLUMNS),
    }


def write_report(result: ImportResult, path: Path) -> Path:
    return write_xlsx(
        report_sheets(result),
        path,
        text_columns={
            "tautan": ["nip"],
            "perlu_keputusan": ["nip", "jabatan_id"],
            "dibuang": ["nip"],
        },
    )


def report_json(result: ImportResult) -> dict[str, Any]:
    """The report as one JSON-ready object."""
    sheets = report_sheets(result)
    out: dict[str, Any] = {"ok": result.ok and not has_errors(result.validation)}
    for name, frame in sheets.items():
        out[name] = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return out
