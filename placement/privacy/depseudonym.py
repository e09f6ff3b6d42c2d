"""Map a plan folder solved on pseudonymised data back to the original NIPs and names.

Columns named ``nip`` are mapped exactly (every pseudonym must be in the key file's map);
``nama`` takes the original name of the row's NIP. Pseudonyms inside any other text (and in
hasil.json, e.g. ``kunci`` of the configuration) are replaced too. Everything else is copied
unchanged. Files are written to a staging folder and moved into place, hasil.json last.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import load_workbook

from placement.domain.errors import PlacementError
from placement.domain.messages import Where, failure
from placement.domain.schema import header_key
from placement.io.decode import decode_bytes
from placement.io.plan_files import OUTPUT_FILES, file_sha256, verify_outputs
from placement.io.writers import format_number, is_missing, unguard_cell, write_csv, write_xlsx
from placement.privacy.keyfile import KeyFile, load_key
from placement.privacy.pseudonym import NAME_PREFIX

NIP_TOKEN = re.compile(r"(?<!\d)\d{18}(?!\d)")
NAME_TOKEN = re.compile(re.escape(NAME_PREFIX) + r"[0-9A-F]{8,64}\b")
_SHOWN = 5  # unknown pseudonyms named in an error


@dataclass
class _Maps:
    nip: dict[str, str]  # pseudonymised → original NIP
    name_of_nip: dict[str, str]  # pseudonymised NIP → original name
    name: dict[str, str]  # name pseudonym → original name (unambiguous ones only)

    @classmethod
    def of(cls, key: KeyFile) -> _Maps:
        names: dict[str, set[str]] = {}
        for e in key.mapping.values():
            names.setdefault(e.nama_samaran, set()).add(e.nama)
        return cls(
            {p: e.nip for p, e in key.mapping.items()},
            {p: e.nama for p, e in key.mapping.items()},
            {s: next(iter(o)) for s, o in names.items() if len(o) == 1 and s},
        )

    def text(self, value: str) -> str:
        """Pseudonyms inside free text replaced."""
        value = NIP_TOKEN.sub(lambda m: self.nip.get(m.group(), m.group()), value)
        return NAME_TOKEN.sub(lambda m: self.name.get(m.group(), m.group()), value)


def _is_nip_column(name: object) -> bool:
    return header_key(str(name)).startswith("nip")


def _map_frame(frame: pd.DataFrame, maps: _Maps, label: str, unknown: set[str]) -> pd.DataFrame:
    """Map one table; pseudonyms missing from the map are collected in ``unknown``."""
    out = frame.copy()
    nip_cols = [c for c in out.columns if _is_nip_column(c)]
    row_nip = out[nip_cols[0]].copy() if nip_cols else None
    for col in out.columns:
        values = out[col].tolist()
        if col in nip_cols:
            mapped = []
            for v in values:
                if is_missing(v) or str(v) == "":
                    mapped.append(v)
                elif str(v) in maps.nip:
                    mapped.append(maps.nip[str(v)])
                else:
                    unknown.add(f"{label}: {v}")
                    mapped.append(v)
            out[col] = pd.Series(mapped, index=out.index, dtype=object)
        elif header_key(str(col)) == "nama" and row_nip is not None:
            out[col] = pd.Series(
                [
                    maps.name_of_nip.get(str(n), maps.text(str(v)) if isinstance(v, str) else v)
                    for n, v in zip(row_nip.tolist(), values, strict=True)
                ],
                index=out.index,
                dtype=object,
            )
        else:
            out[col] = pd.Series(
                [maps.text(v) if isinstance(v, str) else v for v in values],
                index=out.index,
                dtype=object,
            )
    return out


# --- csv: the exact texts survive (only numbers a formula guard would touch become numbers) --


def _csv_value(text: str) -> Any:
    """A cell as write_csv should write it again: negative/signed numbers as numbers, text with
    the formula guard undone (write_csv puts it back)."""
    if text == "":
        return None
    if text[0] in "+-":
        try:
            number = float(text)
        except ValueError:
            return text
        if math.isfinite(number):
            if re.fullmatch(r"[+-]?\d+", text) and str(int(text)) == text:
                return int(text)
            if format_number(number) == text:
                return number
    return unguard_cell(text)


def _read_csv(path: Path) -> pd.DataFrame:
    rows = list(csv.reader(io.StringIO(decode_bytes(path.read_bytes()), newline="")))
    if not rows:
        return pd.DataFrame()
    header, body = rows[0], rows[1:]
    width = len(header)
    data = [[_csv_value(c) for c in (r + [""] * width)[:width]] for r in body]
    return pd.DataFrame(data, columns=header, dtype=object)


# --- xlsx -------------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> dict[str, pd.DataFrame]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
        book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = {}
        for ws in book.worksheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            header = [str(h) if h is not None else "" for h in rows[0]] if rows else []
            body = [
                [unguard_cell(v) for v in (r + [None] * len(header))[: len(header)]]
                for r in rows[1:]
            ]
            sheets[ws.title] = pd.DataFrame(body, columns=header, dtype=object)
        return sheets
    finally:
        book.close()


# --- json ---------------------------------------------------------------------------------------


def _map_json(value: Any, maps: _Maps) -> Any:
    if isinstance(value, str):
        return maps.text(value)
    if isinstance(value, list):
        return [_map_json(v, maps) for v in value]
    if isinstance(value, dict):
        return {k: _map_json(v, maps) for k, v in value.items()}
    return value


# --- the folder ---------------------------------------------------------------------------------


def _unreadable(path: Path, exc: BaseException) -> PlacementError:
    return failure(
        "FILE_TIDAK_TERBACA",
        Where(str(path)),
        "FILE_RENCANA_TIDAK_TERBACA",
        file=path.name,
        error_type=type(exc).__name__,
        exc=exc,
    )


def _check_folder(plan_dir: Path) -> None:
    if not plan_dir.is_dir():
        raise failure("FOLDER_RENCANA_TIDAK_ADA", Where(str(plan_dir)), plan_dir=plan_dir)
    missing = [n for n in OUTPUT_FILES if not (plan_dir / n).is_file()]
    if missing:
        raise failure(
            "FILE_RENCANA_TIDAK_ADA",
            Where(str(plan_dir)),
            plan_dir=plan_dir,
            missing=", ".join(missing),
        )
    changed = [p for p in verify_outputs(plan_dir) if not p.startswith("hasil.json")]
    if changed:
        raise failure(
            "RENCANA_BERUBAH", Where(str(plan_dir)), plan_dir=plan_dir, changed="; ".join(changed)
        )


def _map_folder(plan_dir: Path, staging: Path, maps: _Maps) -> list[str]:
    """Write the mapped files of one plan folder into ``staging``; returns their names."""
    unknown: set[str] = set()
    for name in OUTPUT_FILES:
        src, dst = plan_dir / name, staging / name
        try:
            if name.endswith(".csv"):
                write_csv(_map_frame(_read_csv(src), maps, name, unknown), dst)
            elif name.endswith(".xlsx"):
                sheets = {
                    title: _map_frame(frame, maps, f"{name}:{title}", unknown)
                    for title, frame in _read_xlsx(src).items()
                }
                text_cols = {
                    t: [c for c in f.columns if _is_nip_column(c)] for t, f in sheets.items()
                }
                write_xlsx(sheets, dst, text_columns=text_cols)
            else:  # hasil.json, last: it records the sha256 of the files written before it
                record = _map_json(json.loads(src.read_text(encoding="utf-8")), maps)
                if isinstance(record, dict) and "berkas" in record:
                    record["berkas"] = {n: file_sha256(staging / n) for n in OUTPUT_FILES[:-1]}
                text = json.dumps(record, indent=2, ensure_ascii=False)
                dst.write_text(text + "\n", encoding="utf-8")
        except (OSError, ValueError, KeyError, csv.Error, IndexError) as exc:
            raise _unreadable(src, exc) from None
    if unknown:
        shown = ", ".join(sorted(unknown)[:_SHOWN])
        raise failure(
            "SAMARAN_TIDAK_DIKENAL",
            Where(str(plan_dir)),
            n_unknown=len(unknown),
            plan_dir=plan_dir,
            examples=shown,
        )
    return list(OUTPUT_FILES)


def depseudonymize_plan(plan_dir: Path, key_path: Path, out_dir: Path) -> list[Path]:
    """Write the plan folder (and its plan_2, plan_3 … sub-folders) with original NIPs and names.

    Raises PlacementError when the key file or a plan file is missing or unusable, or a NIP of
    the plan is not in the key file's map. Returns the files written.
    """
    plan_dir, out_dir = Path(plan_dir), Path(out_dir)
    key = load_key(Path(key_path))
    if not key.mapping:
        raise failure("PETA_KOSONG", Where(str(key_path)), key_path=key_path)
    _check_folder(plan_dir)
    plan_abs, out_abs = plan_dir.resolve(), out_dir.resolve()
    if out_abs == plan_abs or plan_abs in out_abs.parents:
        raise failure("KELUARAN_DI_FOLDER_RENCANA", Where(str(out_dir)), out_dir=out_dir)
    maps = _Maps.of(key)
    subs = [p for p in plan_dir.iterdir() if p.is_dir() and not p.name.startswith(".")]
    folders = [
        Path(),
        *sorted(p.relative_to(plan_dir) for p in subs if (p / "hasil.json").is_file()),
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".placement-", dir=out_dir))
    try:
        for rel in folders:  # map everything before anything is moved into place
            if rel != Path():
                _check_folder(plan_dir / rel)
            (staging / rel).mkdir(parents=True, exist_ok=True)
            _map_folder(plan_dir / rel, staging / rel, maps)
        written = []
        for rel in folders:
            target = out_dir / rel
            target.mkdir(parents=True, exist_ok=True)
            (target / "hasil.json").unlink(missing_ok=True)  # an old marker must not vouch
            for name in OUTPUT_FILES:  # hasil.json last
                (staging / rel / name).replace(target / name)
                written.append(target / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


__all__ = ["depseudonymize_plan"]
