"""The web page's SIASN import: uploaded files kept under names the server chooses, the import
library run in a child process (see ui/offload.py) with the planner's decisions, and a summary
small enough to send back to the page."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from placement.domain.errors import Issue
from placement.domain.messages import failure
from placement.ui.workspace import DataCheck, check_data

ROLES = (
    "siasn",
    "jabatan",
    "standar",
    "kompetensi",
    "talenta",
    "kinerja",
    "hukdis",
    "riwayat",
    "jobfit",
)
DECIDED_CODES = frozenset(
    {"TAUTAN_AMBIGU", "JABATAN_TIDAK_DI_PETA", "DUA_PEMEGANG", "LABEL_TIDAK_DIKENAL"}
)  # settled in the page's forms
NO_POST = "-"


@dataclass
class ImportSummary:
    """What the page shows of one import run."""

    ok: bool
    counts: dict[str, int]
    methods: dict[str, int]
    links: list[dict[str, object]]
    pending: list[dict[str, str]]
    unknown: list[tuple[str, str, list[str]]]  # (kolom, label, choices)
    issues: list[Issue] = field(default_factory=list)  # not settled by the forms
    check: DataCheck | None = None  # the written data folder's check, when there was no error


def stored_name(role: str, name: str) -> str:
    """The file name the server gives an upload for ``role`` (never the browser's name)."""
    if role not in ROLES:
        raise failure("PERAN_TIDAK_DIKENAL")
    return role + (".xlsx" if name.lower().endswith(".xlsx") else ".csv")


def _write_pairs(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run_import(
    inputs: Path,
    out: Path,
    plan_date: date,
    decisions: dict[str, str],
    labels: dict[tuple[str, str], str],
) -> ImportSummary:
    """Import the files in ``inputs`` (named by role) with the planner's link ``decisions``
    (nip → jabatan_id or '-') and label mappings ((kolom, label) → our value); the data folder
    ``out`` is written (and checked as the Data page checks uploads) only when no error
    remains. Runs in the child process."""
    from placement.io.siasn import ImportOptions, import_siasn, write_import

    files = {r: p for r in ROLES for p in inputs.glob(f"{r}.*") if p.suffix in (".csv", ".xlsx")}
    if "siasn" not in files or "jabatan" not in files:
        raise failure("IMPOR_BERKAS_KURANG")
    extra: dict[str, Path] = {}
    if decisions:
        extra["tautan"] = _write_pairs(
            inputs / "keputusan-tautan.csv",
            ["nip", "jabatan_id"],
            [[n, j] for n, j in decisions.items()],
        )
    if labels:
        extra["label_map"] = _write_pairs(
            inputs / "peta-label.csv",
            ["kolom", "label", "nilai"],
            [[k, lab, v] for (k, lab), v in labels.items()],
        )
    result = import_siasn(ImportOptions(plan_date=plan_date, **files, **extra))  # type: ignore[arg-type]
    write_import(result, out, plan_date)
    names = dict(
        zip(result.tables["pegawai"]["nip"], result.tables["pegawai"]["nama"], strict=True)
    )
    links = [{**link, "nama": names.get(str(link["nip"]), "")} for link in result.links]
    unknown = [(k, lab, result.labels.choices(k)) for k, lab in sorted(result.labels.unknown)]
    issues = [i for i in [*result.issues, *result.validation] if i.code not in DECIDED_CODES]
    return ImportSummary(
        result.ok,
        dict(result.counts),
        result.link_counts(),
        links,
        list(result.pending),
        unknown,
        issues,
        check_data(out) if result.ok else None,
    )


def suggestions(row: dict[str, str]) -> dict[str, str]:
    """The pending row's top-3 suggestions as jabatan_id → "J-006 Kepala Seksi ... (OPD)"."""
    texts = [row.get(f"saran_{i}", "") for i in (1, 2, 3)]
    return {text.split(" ", 1)[0]: text for text in texts if text}
