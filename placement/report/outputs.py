"""The plan files of ``placement solve``: rencana.csv/xlsx, lowong.csv, shortlist_jpt.csv,
rantai.csv and hasil.json (status, proof, inputs with sha256, effective config, versions).

Files are written into a hidden staging folder and moved into place only when all are complete;
hasil.json goes last and records the sha256 of the others, so a directory with a hasil.json whose
hashes match (``verify_outputs``) holds one complete plan, whatever interrupted an earlier run.

A solve owns its output folder: what an earlier solve or dossier wrote there and this one does not
(plan_2, plan_3 …, the multi-year tables, dosir.*) is removed when the new plan is published, and
a plan_N folder holding a file placement does not write is refused (:func:`stale_outputs`).
Staging folders and temp files left by a killed run (they hold personal data) are removed by the
next run (:func:`remove_leftovers`).
"""

from __future__ import annotations

import errno
import json
import platform
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pandas as pd

from placement.domain.errors import PlacementError
from placement.domain.messages import Where, issue, texts
from placement.domain.model import Dataset
from placement.io.plan_files import OUTPUT_FILES as OUTPUT_FILES  # re-exported: one file list
from placement.io.plan_files import file_sha256 as file_sha256
from placement.io.plan_files import read_record as read_record
from placement.io.plan_files import verify_outputs as verify_outputs
from placement.io.writers import write_csv, write_xlsx
from placement.plan.result import Result

HORIZON_TABLES = ("rencana_horizon.csv", "pensiun_horizon.csv")
DOSSIER_FILES = ("dosir.xlsx", "dosir.html", "dosir.pdf", "dosir.docx")
WRITTEN_FILES = (*OUTPUT_FILES, *HORIZON_TABLES, *DOSSIER_FILES)  # every file kind placed in OUT
STAGING_PREFIX = ".placement-"
_ALTERNATIVE = re.compile(r"plan_\d+")
PACKAGES = (
    "placement",
    "ortools",
    "highspy",
    "pulp",
    "pandas",
    "numpy",
    "scipy",
    "networkx",
    "pydantic",
)


def versions() -> dict[str, str]:
    """Python's and each package's version, as recorded in hasil.json."""
    return dict(_versions())


@cache
def _versions() -> tuple[tuple[str, str], ...]:
    """Read once per process: the package metadata look-ups cost more than the rest of the
    record, and what is installed does not change under a running process."""
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "tidak terpasang"
    return tuple(out.items())


def result_record(
    result: Result, ds: Dataset, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Everything hasil.json records."""
    sol = result.solution
    return {
        **result.summary(),
        "tanggal_rencana": result.scenario.tanggal_rencana.isoformat(),
        "seed": result.scenario.seed,
        "waktu_detik": {k: round(v, 4) for k, v in result.timings.items()},
        "solver_statistik": sol.stats,
        "objektif_skala": sol.objective,
        "pemecah_seri": sol.tiebreak,
        "skala": 10_000,
        "aturan_dilonggarkan": result.table.relaxed,
        "penalti": result.index.penalties,
        "masukan": [{"path": p, "sha256": h} for p, h in sorted(ds.sources.items())],
        "konfigurasi": result.scenario.model_dump(mode="json"),
        "versi": versions(),
        **(extra or {}),
    }


def write_outputs(
    result: Result,
    ds: Dataset,
    out_dir: Path,
    extra: dict[str, Any] | None = None,
    tables: dict[str, pd.DataFrame] | None = None,
) -> list[Path]:
    """Write every plan file into ``out_dir`` (created if needed); returns the paths.

    ``tables``: further CSV files (name → frame), e.g. the multi-year plan, published with the
    others and hashed in hasil.json like them.

    hasil.json records the sha256 of every other file (``berkas``), so ``verify_outputs`` can tell
    a complete folder from a mixed or edited one. A write error (full disk, no permission) is a
    PlacementError and leaves no new hasil.json behind.
    """
    tables = tables or {}
    return _publish(out_dir, tables, lambda staging: _stage(result, ds, staging, extra, tables))


def publish_files(out_dir: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Publish plan files made elsewhere (e.g. by a batch worker) into ``out_dir`` the way
    :func:`write_outputs` does: staged, stale files removed, hasil.json last."""
    extra_tables = [name for name in files if name not in OUTPUT_FILES]

    def stage(staging: Path) -> list[str]:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        return [n for n in (*OUTPUT_FILES[:-1], *extra_tables, "hasil.json") if n in files]

    return _publish(out_dir, extra_tables, stage)


def _publish(
    out_dir: Path, tables: Iterable[str], stage: Callable[[Path], list[str]]
) -> list[Path]:
    """Stage files with ``stage`` (names in publishing order) and move them into ``out_dir``."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out_dir)
        stale = stale_outputs(out_dir, tables)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    except OSError as exc:
        raise write_error(out_dir, exc) from None
    try:
        names = stage(staging)
        written = []
        (out_dir / "hasil.json").unlink(missing_ok=True)  # an old marker must not vouch
        for path in stale:  # the old plan's alternatives, tables, dossiers: never beside the new
            _remove(path)
        for name in names:
            (staging / name).replace(out_dir / name)
            written.append(out_dir / name)
        return written
    except OSError as exc:
        raise write_error(out_dir, exc) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove_leftovers(out_dir: Path) -> list[Path]:
    """Remove the staging folders (``.placement-*``) and writers' temp files (``.rencana.csv.….tmp``)
    that a run killed while writing left in ``out_dir`` and its plan_N folders; returns them.
    They may hold personal data."""
    folders = [out_dir, *_alternatives(out_dir)]
    found = [
        p
        for folder in folders
        for p in sorted(folder.glob(".*"))
        if p.name.startswith(STAGING_PREFIX)
        or (p.suffix == ".tmp" and any(p.name.startswith(f".{n}.") for n in WRITTEN_FILES))
    ]
    for path in found:
        _remove(path)
    return found


def stale_outputs(out_dir: Path, tables: Iterable[str] = ()) -> list[Path]:
    """What an earlier run wrote into ``out_dir`` that a solve writing ``tables`` (beside the plan
    files) does not write again: plan_N folders, multi-year tables, dossiers.

    Raises PlacementError (FOLDER_KELUARAN_ASING) when a plan_N folder holds anything placement
    does not write there: nothing of the user's is ever removed."""
    stale = [out_dir / n for n in (*HORIZON_TABLES, *DOSSIER_FILES) if n not in set(tables)]
    stale = [p for p in stale if p.is_file()]
    for folder in _alternatives(out_dir):
        foreign = sorted(
            p.name for p in folder.iterdir() if p.name not in WRITTEN_FILES or not p.is_file()
        )
        if foreign:
            shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
            found = issue("FOLDER_KELUARAN_ASING", Where(str(folder)), folder=folder, files=shown)
            raise PlacementError([found])
        stale.append(folder)
    return stale


def _alternatives(out_dir: Path) -> list[Path]:
    """The plan_2, plan_3 … folders of ``placement solve --plans`` in ``out_dir``."""
    if not out_dir.is_dir():
        return []
    return sorted(p for p in out_dir.iterdir() if p.is_dir() and _ALTERNATIVE.fullmatch(p.name))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _stage(
    result: Result,
    ds: Dataset,
    staging: Path,
    extra: dict[str, Any] | None,
    tables: dict[str, pd.DataFrame],
) -> list[str]:
    """Write every file into ``staging``; returns the names in publishing order (hasil.json last)."""
    write_csv(result.plan, staging / "rencana.csv")
    write_xlsx(
        {
            "Rencana": result.plan,
            "Lowong": result.vacancies,
            "Shortlist JPT": result.shortlist,
            "Rantai": result.chains,
        },
        staging / "rencana.xlsx",
        text_columns={"Rencana": ["nip"], "Shortlist JPT": ["nip"], "Rantai": ["nip"]},
    )
    write_csv(result.vacancies, staging / "lowong.csv")
    write_csv(result.shortlist, staging / "shortlist_jpt.csv")
    write_csv(result.chains, staging / "rantai.csv")
    for name, frame in tables.items():
        write_csv(frame, staging / name)
    names = [*OUTPUT_FILES[:-1], *tables]
    files = {name: file_sha256(staging / name) for name in names}
    record = result_record(result, ds, {**(extra or {}), "berkas": files})
    text = json.dumps(record, indent=2, ensure_ascii=False, default=str)
    (staging / "hasil.json").write_text(text + "\n", encoding="utf-8")
    return [*names, "hasil.json"]


def write_error(out_dir: Path, exc: OSError) -> PlacementError:
    said = exc.strerror or exc  # the English says the system's words, even for a full disk
    reason = (texts("DISK_PENUH")[0] if exc.errno == errno.ENOSPC else said, said)
    found = issue(
        "GAGAL_MENULIS", Where(str(out_dir)), out=out_dir, reason_id=reason[0], reason_en=reason[1]
    )
    return PlacementError([found])
