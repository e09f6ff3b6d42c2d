"""Sweeps and batches on each executor (issue 22 item 2), and growth with problem size from
kabupaten to provinsi to nasional (item 1); docs/scale.md.

A 12-variant kabupaten sweep (kabupaten-dasar and 11 variants of weights and caps) and a
10-region batch (generated regions, seeds 1–10), each run serially, on the local process pool
and on a Dask LocalCluster of 2 worker processes; wall-clock, speed-up and the 1-minute load.

``--growth``: ``placement generate`` and ``placement solve`` (default scenario, plan date
2026-07-01) as child processes for each preset; wall-clock, stage times from hasil.json (per
instansi for the nasional split), eligible pairs, and peak memory: the largest single process
(as ``/usr/bin/time -v`` reports it) and the whole process tree summed (coordinator + workers),
sampled every 0.2 s. Writes results/scaling.json, scaling.md and the log-log plot scaling.png.
``--count-pool`` also counts the eligible pairs of the nasional data as one pool, block by
block, without building them (the stretch case; minutes).

Usage: python -m benchmarks.scale [--regions-preset kabupaten] [--out-json FILE]
       python -m benchmarks.scale --growth [--cases kabupaten,provinsi,nasional] [--count-pool]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from benchmarks import growth
from placement.config import BASELINE
from placement.io.writers import write_dataset
from placement.synth import generate
from placement.workflow.batch import SolveSpec, region_specs, run_specs, sweep_specs
from placement.workflow.executors import ExecutorName, make_executor

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "kabupaten-dasar" / "skenario.yaml"
EXECUTORS: tuple[ExecutorName, ...] = ("serial", "local", "dask")


def sweep_file(folder: Path, data: Path) -> Path:
    """kabupaten-dasar with 11 variants (12 solves)."""
    doc = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))
    variants = dict(doc["varian"])
    for cap in (2, 4, 6, 8, 12, 15):
        variants[f"batas_{cap}"] = {"batas": {"perpindahan_per_opd": cap}}
    for jpm in (0.5, 0.7):
        variants[f"jpm_{jpm}"] = {
            "bobot": {"jpm": jpm, "kotak_talenta": 0.9 - jpm, "pendidikan": 0.1}
        }
    doc["varian"] = dict(list(variants.items())[:11])
    doc["data"] = str(data)
    path = folder / "sweep.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


def timed(executor: ExecutorName, specs: list[SolveSpec], dirs: list[Path]) -> dict[str, Any]:
    load = os.getloadavg()[0]
    start = time.perf_counter()
    reports = run_specs(make_executor(executor), specs, dirs)
    seconds = time.perf_counter() - start
    ok = sum(1 for r in reports if r.out_dir is not None)
    return {
        "executor": executor,
        "seconds": round(seconds, 2),
        "solved": ok,
        "load_1min_before": round(load, 2),
    }


def run(regions_preset: str, sweep_too: bool = True) -> dict[str, Any]:
    sweep: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if sweep_too:
            data = root / "kab"
            write_dataset(generate("kabupaten", 0), data)
            scenario = sweep_file(root, data)
            names = list(yaml.safe_load(scenario.read_text(encoding="utf-8"))["varian"])
            specs = sweep_specs(scenario, [BASELINE, *names], None, "auto", None)
            sweep = [
                timed(e, specs, [root / f"sweep-{e}" / s.name for s in specs]) for e in EXECUTORS
            ]
        regions = [root / "regions" / f"wilayah-{seed:02d}" for seed in range(1, 11)]
        for seed, folder in enumerate(regions, start=1):
            write_dataset(generate(regions_preset, seed), folder)  # type: ignore[arg-type]
        batch = []
        for e in EXECUTORS:
            region, dirs = region_specs(regions, SCENARIO, root / f"batch-{e}")
            batch.append(timed(e, region, dirs))
    for rows in (sweep, batch):
        for r in rows:
            r["speedup"] = round(rows[0]["seconds"] / r["seconds"], 2)
    result: dict[str, Any] = {"cpus": os.cpu_count()}
    if sweep:
        result["sweep_12_variants"] = sweep
    result[f"batch_10_regions_{regions_preset}"] = batch
    return result


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "| kasus | executor | detik | percepatan | selesai | beban 1 mnt sebelum |",
        "|---|---|---|---|---|---|",
    ]
    for case, rows in result.items():
        if not isinstance(rows, list):
            continue
        for r in rows:
            lines.append(
                f"| {case} | {r['executor']} | {r['seconds']:.1f} | {r['speedup']:.2f}× | {r['solved']} "
                f"| {r['load_1min_before']} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--regions-preset", default="kabupaten")
    parser.add_argument("--batch-only", action="store_true", help="skip the 12-variant sweep")
    parser.add_argument("--out-json", type=Path, default=None)
    parser.add_argument("--growth", action="store_true", help="time and memory against size")
    parser.add_argument("--cases", default="kabupaten,provinsi,nasional")
    parser.add_argument("--work", type=Path, default=None, help="keep data and plans here")
    parser.add_argument("--count-pool", action="store_true", help="count one-pool pairs")
    args = parser.parse_args()
    if args.growth:
        growth.main([c for c in args.cases.split(",") if c], args.work, args.count_pool)
        return
    result = run(args.regions_preset, sweep_too=not args.batch_only)
    if args.out_json is not None:
        args.out_json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
