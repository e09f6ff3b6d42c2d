"""Timing of ``placement import`` on a synthetic region written as a SIASN export.

python -m benchmarks.impor [kabupaten|provinsi]   (targets: kabupaten ≤ 10 s, provinsi ≤ 60 s)

The export is written by the tests' helper (tests/siasn_export.py), so the benchmark reads the
same SIASN shape the round-trip tests check.
"""

from __future__ import annotations

import importlib
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from placement.io.siasn import ImportOptions, import_siasn, write_import
from placement.synth import generate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
siasn_export = importlib.import_module("siasn_export")

DAY = date(2026, 7, 1)


def run(preset: str) -> dict[str, float | int | str]:
    """Seconds to import (read, link, side files) and to write + validate the folder."""
    ds = siasn_export.fill_post_names(generate(preset, 0))  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        files = siasn_export.write_export(ds, Path(tmp) / "export")
        start = time.perf_counter()
        result = import_siasn(ImportOptions(plan_date=DAY, **files))
        imported = time.perf_counter()
        write_import(result, Path(tmp) / "out", DAY)
        done = time.perf_counter()
    return {
        "preset": preset,
        "people": ds.n_people,
        "import_s": round(imported - start, 2),
        "write_validate_s": round(done - imported, 2),
        "total_s": round(done - start, 2),
        **result.link_counts(),
    }


if __name__ == "__main__":
    for name in sys.argv[1:] or ["kabupaten"]:
        print(run(name))
