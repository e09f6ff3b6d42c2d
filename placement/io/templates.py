"""Empty input templates (xlsx with a "Petunjuk" sheet, or csv files with petunjuk.csv) and the
generated reference text of docs/data_format.md. Everything comes from the schema."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Literal

import pandas as pd

from placement.domain.messages import Where, failure
from placement.domain.rumpun import DATA, TABLE_FILES
from placement.domain.schema import TABLES, Table
from placement.domain.validate import CODES
from placement.io.writers import XLSX_NAME, nip_columns, write_csv, write_xlsx

INSTRUCTION_SHEET = "Petunjuk"
INSTRUCTION_CSV = "petunjuk.csv"
INSTRUCTION_COLUMNS: dict[str, tuple[str, str]] = {
    "tabel": ("tabel", "table"),
    "kolom": ("kolom", "column"),
    "arti": ("arti", "meaning"),
    "wajib": ("wajib", "required"),
    "nilai_yang_diizinkan": ("nilai_yang_diizinkan", "allowed_values"),
    "contoh": ("contoh", "example"),
    "alias": ("alias", "aliases"),
}


def empty_tables() -> dict[str, pd.DataFrame]:
    """One empty frame per table, with the template headers."""
    return {
        t.name: pd.DataFrame(columns=[c.header for c in t.columns], dtype=object) for t in TABLES
    }


def instructions(lang: str = "id") -> pd.DataFrame:
    """The instruction table: one row per column of every table."""
    en = lang == "en"
    rows = [
        [
            t.name,
            c.header,
            c.meaning_en if en else c.meaning_id,
            ("yes" if c.required else "no") if en else ("ya" if c.required else "tidak"),
            c.allowed,
            c.example,
            ", ".join(c.aliases),
        ]
        for t in TABLES
        for c in t.columns
    ]
    columns = [names[1] if en else names[0] for names in INSTRUCTION_COLUMNS.values()]
    return pd.DataFrame(rows, columns=columns, dtype=object)


RUMPUN_DIR = "rumpun"  # the editable rumpun tables (point RUMPUN_TEKNIS.tabel_rumpun here)


def template_paths(out_dir: Path, fmt: Literal["xlsx", "csv"]) -> list[Path]:
    """The files :func:`write_templates` writes."""
    rumpun = [out_dir / RUMPUN_DIR / name for name in TABLE_FILES]
    if fmt == "xlsx":
        return [out_dir / XLSX_NAME, *rumpun]
    return [out_dir / f"{t.name}.csv" for t in TABLES] + [out_dir / INSTRUCTION_CSV, *rumpun]


def _write_rumpun_tables(out_dir: Path) -> list[Path]:
    """Copies of the bundled rumpun tables for editing (docs/rumpun.md)."""
    folder = out_dir / RUMPUN_DIR
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name in TABLE_FILES:
        shutil.copyfile(DATA / name, folder / name)
        out.append(folder / name)
    return out


def write_templates(
    out_dir: Path,
    fmt: Literal["xlsx", "csv"] = "xlsx",
    *,
    overwrite: bool = False,
    lang: str = "id",
) -> list[Path]:
    """Write empty templates (instructions in ``lang``); refuses to replace existing files
    unless ``overwrite``."""
    out_dir = Path(out_dir)
    existing = [p for p in template_paths(out_dir, fmt) if p.exists()]
    if existing and not overwrite:
        names = ", ".join(str(p) for p in existing)
        raise failure("FILE_SUDAH_ADA", Where(str(existing[0])), names=names)
    tables = empty_tables()
    if fmt == "xlsx":
        sheets = {**tables, INSTRUCTION_SHEET: instructions(lang)}
        book = write_xlsx(sheets, out_dir / XLSX_NAME, text_columns=nip_columns())
        return [book, *_write_rumpun_tables(out_dir)]
    written = [write_csv(frame, out_dir / f"{name}.csv") for name, frame in tables.items()]
    instr = write_csv(instructions(lang), out_dir / INSTRUCTION_CSV)
    return [*written, instr, *_write_rumpun_tables(out_dir)]


# --- docs/data_format.md --------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ") or "–"


def table_markdown(table: Table) -> str:
    """Markdown reference of one table's columns."""
    lines = [
        f"### {table.name}",
        "",
        f"{table.meaning_id} ({table.meaning_en}).",
        "",
        "| kolom | field (kode) | wajib | arti | nilai yang diizinkan | contoh | alias |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for c in table.columns:
        cells = [
            f"`{c.header}`",
            f"`{c.field}`",
            "ya" if c.required else "tidak",
            f"{c.meaning_id} ({c.meaning_en})",
            c.allowed,
            c.example,
            ", ".join(f"`{a}`" for a in c.aliases),
        ]
        lines.append("| " + " | ".join(_cell(x) for x in cells) + " |")
    return "\n".join(lines)


def codes_markdown() -> str:
    """Markdown list of every validation code."""
    lines = ["| kode | tingkat | arti | meaning |", "| --- | --- | --- | --- |"]
    for code, info in CODES.items():
        level = "galat" if info.severity == "error" else "peringatan"
        lines.append(
            f"| `{code}` | {level} | {_cell(info.description_id)} | {_cell(info.description_en)} |"
        )
    return "\n".join(lines)


def data_format_markdown() -> str:
    """The generated part of docs/data_format.md (tables, then codes)."""
    parts = ["## Tabel dan kolom", ""]
    for table in TABLES:
        parts += [table_markdown(table), ""]
    parts += ["## Kode validasi", "", codes_markdown(), ""]
    return "\n".join(parts)


__all__ = [
    "INSTRUCTION_SHEET",
    "codes_markdown",
    "data_format_markdown",
    "empty_tables",
    "instructions",
    "template_paths",
    "write_templates",
]
