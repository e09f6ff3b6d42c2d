"""Benchmark runner: each case in its own process; writes benchmarks/results/*.json and *.md.

python -m benchmarks            kabupaten and provinsi
python -m benchmarks --quick    kabupaten only (a minute or two)
python -m benchmarks --assign   only the generic assign API vs scipy (benchmarks/assign.py)
python -m benchmarks --impor    only the SIASN import (benchmarks/impor.py; kabupaten ≤ 10 s)
python -m benchmarks --e2e      only kabupaten end to end, in-process and CLI (benchmarks/endtoend.py)
python -m benchmarks --scale    only sweeps and batches per executor (benchmarks/scale.py)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def run_case(preset: str, case: str, level: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.json"
        cmd = [sys.executable, "-m", "benchmarks.pipeline", preset, case, level, str(out)]
        subprocess.run(cmd, check=True)
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def markdown(rows: list[dict[str, Any]], info: dict[str, Any]) -> str:
    head = "| preset | kasus | pasangan layak / silang | di solver | setelah fixing | backend | status | kelayakan s | model s | solver s | total s | RSS MB |"
    lines = [
        f"Mesin: {info['platform']}, {info['cpus']} CPU, Python {info['python']}",
        "",
        head,
        "|" + "---|" * 12,
    ]
    for r in rows:
        s = r["stages_s"]
        lines.append(
            f"| {r['preset']} | {r['case']} | {r['pairs_eligible']:,} / {r['cross_product']:,} | {r['pairs_in_solver']:,} "
            f"| {r['pairs_after_fixing'] or '-'} | {r['backend']} | {r['status']} | {s.get('kelayakan', 0):.2f} "
            f"| {s.get('model', 0):.2f} | {s.get('solver', 0):.2f} | {r['total_s']:.1f} | {r['peak_rss_mb']:.0f} |"
        )
    packages = [r for r in rows if r.get("package_s")]
    if packages:
        lines += [
            "",
            "Paket usulan (pdf + docx + xlsx; target kabupaten ≤ 5 s):",
            "",
            "| preset | kasus | dinding s | CPU s |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {r['preset']} | {r['case']} | {r['package_s']['wall']:.2f} "
            f"| {r['package_s']['cpu']:.2f} |"
            for r in packages
        ]
    lines += [
        "",
        "Pembanding pada model yang sama (objektif; waktu; rasio waktu terhadap model+solver kita):",
        "",
    ]
    lines += [
        "| preset | kasus | pembanding | status | objektif | kita | detik | rasio waktu |",
        "|" + "---|" * 8,
    ]
    for r in rows:
        ours = r["stages_s"].get("model", 0) + r["stages_s"].get("solver", 0)
        for name, b in r["baselines"].items():
            if not isinstance(b, dict):
                lines.append(f"| {r['preset']} | {r['case']} | {name} | {b} | | | | |")
                continue
            secs = b.get("seconds", b.get("wall_seconds"))
            ratio = f"{secs / ours:.1f}×" if secs and ours else "-"
            status = b.get("status", b.get("phase", "valid" if b.get("valid") else ""))
            lines.append(
                f"| {r['preset']} | {r['case']} | {name} | {status} | {b.get('objective')} | {r['objective']:.4f} | {secs} | {ratio} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="kabupaten only")
    parser.add_argument("--assign", action="store_true", help="only the assign API benchmark")
    parser.add_argument("--impor", action="store_true", help="only the SIASN import benchmark")
    parser.add_argument("--e2e", action="store_true", help="only kabupaten end to end")
    parser.add_argument("--scale", action="store_true", help="only sweeps and batches")
    args = parser.parse_args()
    run_assign = [sys.executable, "-m", "benchmarks.assign", *(["--quick"] if args.quick else [])]
    if args.assign:
        subprocess.run(run_assign, check=True)
        return
    if args.e2e or args.scale:
        extra_case("endtoend" if args.e2e else "scale")
        return
    presets = ["kabupaten"] if args.quick else ["kabupaten", "provinsi"]
    subprocess.run([sys.executable, "-m", "benchmarks.impor", *presets], check=True)
    if args.impor:
        return
    rows = []
    for preset in presets:
        for case in ("tanpa-batas", "batas-opd"):
            print(f"benchmark {preset} / {case} ...", flush=True)
            rows.append(run_case(preset, case, "quick" if args.quick else "full"))
            print(
                f"  {rows[-1]['status']} in {rows[-1]['total_s']} s, peak {rows[-1]['peak_rss_mb']} MB",
                flush=True,
            )
            if rows[-1].get("package_s"):
                p = rows[-1]["package_s"]
                print(f"  paket usulan pdf+docx+xlsx: {p['wall']} s ({p['cpu']} s CPU)", flush=True)
    info = machine()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    RESULTS.mkdir(exist_ok=True)
    name = "quick" if args.quick else "full"
    (RESULTS / f"{name}.json").write_text(
        json.dumps({"machine": info, "utc": stamp, "cases": rows}, indent=2), encoding="utf-8"
    )
    (RESULTS / f"{name}.md").write_text(markdown(rows, info), encoding="utf-8")
    print(markdown(rows, info))
    print("benchmark assign ...", flush=True)
    subprocess.run(run_assign, check=True)
    extra_case("endtoend")
    if not args.quick:
        extra_case("scale")


def extra_case(module: str) -> None:
    """Run benchmarks.MODULE in its own process; its table goes to results/MODULE.md/json."""
    print(f"benchmark {module} ...", flush=True)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{module}.json"
    cmd = [sys.executable, "-m", f"benchmarks.{module}", "--out-json", str(out)]
    table = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    text = (
        f"Mesin: {machine()['platform']}, {machine()['cpus']} CPU\n\n"
        + table.strip("\n").split("\n\n", 1)[-1]
        + "\n"
    )
    (RESULTS / f"{module}.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
