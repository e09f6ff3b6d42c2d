"""The plan files of ``placement solve``: rencana.csv/xlsx, lowong.csv, shortlist_jpt.csv,
rantai.csv and hasil.json (status, proof, inputs with sha256, effective config, versions).

Files are written into a hidden staging folder and moved into place only when all are complete;
hasil.json goes last, so a directory with a hasil.json always holds a complete plan.
"""

from __future__ import annotations

import json
import platform
import shutil
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from placement.api import Result
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset
from placement.io.writers import write_csv, write_xlsx

# Written in this order; hasil.json last, so its presence vouches for a complete folder.
OUTPUT_FILES = (
    "rencana.csv",
    "rencana.xlsx",
    "lowong.csv",
    "shortlist_jpt.csv",
    "rantai.csv",
    "hasil.json",
)
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
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "tidak terpasang"
    return out


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
    result: Result, ds: Dataset, out_dir: Path, extra: dict[str, Any] | None = None
) -> list[Path]:
    """Write every plan file into ``out_dir`` (created if needed); returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".placement-", dir=out_dir))
    try:
        write_csv(result.plan, staging / "rencana.csv")
        write_xlsx(
            {"Rencana": result.plan, "Lowong": result.vacancies, "Shortlist JPT": result.shortlist,
             "Rantai": result.chains},
            staging / "rencana.xlsx",
            text_columns={"Rencana": ["nip"], "Shortlist JPT": ["nip"], "Rantai": ["nip"]},
        )  # fmt: skip
        write_csv(result.vacancies, staging / "lowong.csv")
        write_csv(result.shortlist, staging / "shortlist_jpt.csv")
        write_csv(result.chains, staging / "rantai.csv")
        record = json.dumps(
            result_record(result, ds, extra), indent=2, ensure_ascii=False, default=str
        )
        (staging / "hasil.json").write_text(record + "\n", encoding="utf-8")
        written = []
        (out_dir / "hasil.json").unlink(
            missing_ok=True
        )  # an old marker must not vouch for new files
        for name in OUTPUT_FILES:
            (staging / name).replace(out_dir / name)
            written.append(out_dir / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_record(out_dir: Path) -> dict[str, Any]:
    """The hasil.json of a plan folder; PlacementError when it is missing or damaged."""
    path = out_dir / "hasil.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict):
        raise PlacementError.single(
            "HASIL_TIDAK_ADA",
            f"{path} tidak ada atau rusak; jalankan 'placement solve' dulu",
            f"{path} is missing or damaged; run 'placement solve' first",
            str(path),
        )
    return data
