"""``placement validate`` and ``placement template``: check input data, write empty templates."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Literal

import click
import pandas as pd

from placement.cli.base import (
    DATE,
    ExitCode,
    echo_json,
    format_issues,
    format_option,
    lang_option,
    main,
    user_errors,
)
from placement.domain.errors import Issue, Severity, has_errors, issue_records
from placement.domain.messages import text
from placement.domain.model import Dataset
from placement.io.readers import validate_path
from placement.io.templates import write_templates
from placement.io.writers import csv_text

ISSUE_FIELDS = ("file", "row", "column", "code", "message", "severity")


@main.command("validate")
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap galat (exit 1).")
@format_option(["table", "json", "csv"], help="Bentuk daftar masalah: table (teks), json atau csv.")
@click.option(
    "--date",
    "plan_date",
    type=DATE,
    default=None,
    help="Tanggal rencana YYYY-MM-DD: tanggal lahir/TMT sesudahnya dan usia di luar 18–70 "
    "tahun pada tanggal itu adalah galat (bawaan: hari ini).",
)
@lang_option
@user_errors
def validate_cmd(data: Path, strict: bool, fmt: str, plan_date: datetime | None, lang: str) -> None:
    """Periksa data input (folder berisi csv, atau satu file .xlsx) tanpa menulis file apa pun.

    Setiap masalah disebut dengan file, baris (seperti di Excel), kolom, kode dan cara
    memperbaikinya. Keluar dengan kode 1 bila ada galat (dengan --strict: bila ada peringatan).

    \b
    Contoh:
      placement validate data-tiny
      placement validate data/data.xlsx --strict
      placement validate data-tiny --format json --lang en > masalah.json
      placement validate data-tiny --date 2027-01-01
    """
    frames, issues, _ = validate_path(data, plan_date=plan_date.date() if plan_date else None)
    if not has_errors(issues):
        _build(frames)
    _emit(issues, fmt, lang)
    click.echo(_summary(issues, frames, lang), err=fmt != "table")
    if has_errors(issues) or (strict and issues):
        sys.exit(ExitCode.USER_ERROR)


def _build(frames: dict[str, pd.DataFrame]) -> Dataset:
    """Assemble the Dataset, proving that valid data loads (as ``solve`` will load it)."""
    return Dataset.from_frames(
        frames["pegawai"],
        frames["jabatan"],
        frames.get("kompetensi"),
        frames.get("standar_kompetensi"),
    )


def _emit(issues: list[Issue], fmt: str, lang: str) -> None:
    if fmt == "json":
        echo_json(issue_records(issues, lang))
    elif fmt == "csv":  # header names and file names are the user's: formula-guarded
        records = pd.DataFrame(issue_records(issues, lang), columns=ISSUE_FIELDS, dtype=object)
        click.echo(csv_text(records), nl=False)
    elif issues:
        click.echo(format_issues(issues, lang))


def _summary(issues: list[Issue], frames: dict[str, pd.DataFrame], lang: str) -> str:
    """Counts of errors and warnings, per code, and rows per table."""
    n_err = sum(i.severity is Severity.ERROR for i in issues)
    n_warn = len(issues) - n_err
    per_code = ", ".join(
        f"{code} {n}" for code, n in sorted(Counter(i.code for i in issues).items())
    )
    rows = ", ".join(f"{name}: {len(frame)}" for name, frame in frames.items())
    if lang == "en":
        verdict = "Data has errors: fix them and run again." if n_err else "Data is valid."
        lines = [f"Summary: {n_err} error(s), {n_warn} warning(s). Rows: {rows or '-'}."]
        if per_code:
            lines.append(f"Per code: {per_code}.")
    else:
        verdict = "Data belum valid: perbaiki galat lalu jalankan lagi." if n_err else "Data valid."
        lines = [f"Ringkasan: {n_err} galat, {n_warn} peringatan. Baris: {rows or '-'}."]
        if per_code:
            lines.append(f"Per kode: {per_code}.")
    return "\n".join([*lines, verdict])


@main.command("template")
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@format_option(
    ["xlsx", "csv"],
    help="xlsx: satu data.xlsx dengan sheet Petunjuk; csv: empat file csv dan petunjuk.csv.",
)
@click.option("--force", is_flag=True, help="Timpa file template yang sudah ada.")
@lang_option
@user_errors
def template_cmd(out_dir: Path, fmt: Literal["xlsx", "csv"], force: bool, lang: str) -> None:
    """Tulis template input kosong (judul kolom dan petunjuk pengisian) ke OUT_DIR.

    Kolom NIP di template xlsx sudah berformat Teks. File yang sudah ada tidak ditimpa
    kecuali dengan --force.

    \b
    Contoh:
      placement template data-baru
      placement template data-baru --format csv --lang en
    """
    for path in write_templates(out_dir, fmt, overwrite=force, lang=lang):
        click.echo(text("CLI_DATA_DITULIS", lang, path=path))
