"""Kabupaten end to end, in-process and through the CLI (issue 22 item 4).

In-process: read → validate → eligibility → solve → audit → write the plan folder
(rencana.csv/xlsx …) for scenarios/kabupaten-dasar, package imports excluded, median of N.
Beside it the wall-clock of ``python -m placement solve`` on the same data (imports included) and
of ``python -m placement --help``.

Usage: python -m benchmarks.endtoend [--repeat 3] [--profile FILE] [--out-json FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from placement.io.writers import write_dataset
from placement.synth import generate
from placement.workflow.inputs import load_inputs
from placement.workflow.run import solve_to_folder

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "kabupaten-dasar" / "skenario.yaml"
PLAN_DATE = date(2026, 7, 1)


def make_data(folder: Path) -> Path:
    """The kabupaten preset (seed 0), as ``placement generate --preset kabupaten`` writes it."""
    data = folder / "data"
    write_dataset(generate("kabupaten", 0), data)
    return data


def in_process(data: Path, out: Path) -> tuple[float, float]:
    """(wall, CPU) seconds for one end-to-end solve into ``out`` (the same path as ``placement
    solve``). CPU time (this process, all threads) is the steadier figure on a shared machine."""
    start, cpu = time.perf_counter(), time.process_time()
    ds, sc, _ = load_inputs(data, SCENARIO, PLAN_DATE)
    run = solve_to_folder(ds, sc, out, extra={"data": str(data), "skenario": str(SCENARIO)})
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    if not run.written:
        raise RuntimeError(f"no plan: {run.result.status}")
    return elapsed, cpu


def cli_seconds(args: list[str]) -> float:
    """Wall-clock of ``python -m placement ARGS`` in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "placement", *args],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def load_average() -> float:
    return os.getloadavg()[0]


def run(repeat: int = 3, profile: Path | None = None) -> dict[str, Any]:
    """Median of ``repeat`` in-process runs (after one warm-up), the CLI beside it."""
    with tempfile.TemporaryDirectory() as tmp:
        data = make_data(Path(tmp))
        in_process(data, Path(tmp) / "warm")
        measured = [in_process(data, Path(tmp) / f"hasil{i}") for i in range(repeat)]
        runs, cpus = [w for w, _ in measured], [c for _, c in measured]
        if profile is not None:
            profiler = cProfile.Profile()
            profiler.runcall(in_process, data, Path(tmp) / "profiled")
            profiler.dump_stats(profile)
        solve_args = [
            "solve",
            str(data),
            "--scenario",
            str(SCENARIO),
            "--out",
            str(Path(tmp) / "cli"),
            "--date",
            PLAN_DATE.isoformat(),
            "--no-store",
        ]
        cli = [cli_seconds(solve_args) for _ in range(repeat)]
        helps = [cli_seconds(["--help"]) for _ in range(repeat)]
    return {
        "case": "kabupaten-dasar",
        "in_process_s": [round(s, 3) for s in runs],
        "in_process_median_s": round(statistics.median(runs), 3),
        "in_process_cpu_s": [round(s, 3) for s in cpus],
        "in_process_cpu_median_s": round(statistics.median(cpus), 3),
        "cli_solve_median_s": round(statistics.median(cli), 3),
        "cli_help_median_s": round(statistics.median(helps), 3),
        "load_average_1min": round(load_average(), 2),
    }


def markdown(r: dict[str, Any]) -> str:
    return (
        "| kasus | dalam proses (median) | tiap run | CPU dalam proses (median) | CLI `placement solve` | CLI `--help` | beban 1 mnt |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| {r['case']} | {r['in_process_median_s']:.2f} s | {', '.join(f'{s:.2f}' for s in r['in_process_s'])} "
        f"| {r['in_process_cpu_median_s']:.2f} s "
        f"| {r['cli_solve_median_s']:.2f} s | {r['cli_help_median_s']:.2f} s | {r['load_average_1min']} |\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=Path, default=None, help="write cProfile stats here")
    parser.add_argument("--out-json", type=Path, default=None)
    args = parser.parse_args()
    result = run(args.repeat, args.profile)
    if args.out_json is not None:
        args.out_json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
