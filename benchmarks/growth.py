"""Time and memory against problem size, kabupaten → provinsi → nasional (issue 22 item 1).

Run through ``python -m benchmarks.scale --growth`` (see benchmarks/scale.py). Each solve runs
as a child process (``python -m placement solve``), as a planner runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DATE = "2026-07-01"
STAGES = ("kelayakan", "model", "solver", "rencana")


def _tree_rss(proc: psutil.Process, peaks: dict[int, int]) -> int:
    """Summed RSS (bytes) of ``proc`` and its descendants; per-process peaks kept in ``peaks``."""
    total = 0
    try:
        family = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in family:
        try:
            rss = int(p.memory_info().rss)
        except psutil.Error:
            continue
        total += rss
        peaks[p.pid] = max(peaks.get(p.pid, 0), rss)
    return total


def run_measured(args: list[str], log: Path) -> dict[str, Any]:
    """Run ``python -m placement ARGS``; wall seconds, exit code, peak RSS of the largest process
    and of the whole tree (MB), the 1-minute load before and after."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    load = os.getloadavg()[0]
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        child = subprocess.Popen(
            [sys.executable, "-m", "placement", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
        proc = psutil.Process(child.pid)
        peaks: dict[int, int] = {}
        tree = 0
        while child.poll() is None:
            tree = max(tree, _tree_rss(proc, peaks))
            time.sleep(0.2)
    wall = time.perf_counter() - start
    return {
        "args": " ".join(args),
        "exit": child.returncode,
        "seconds": round(wall, 1),
        "peak_rss_mb": round(max(peaks.values(), default=0) / 2**20),
        "peak_tree_rss_mb": round(tree / 2**20),
        "load_1min": [round(load, 2), round(os.getloadavg()[0], 2)],
    }


def _plans(out: Path) -> list[dict[str, Any]]:
    """Stage times and sizes of each plan under ``out`` (one, or one per instansi)."""
    files = (
        [out / "hasil.json"] if (out / "hasil.json").exists() else sorted(out.glob("*/hasil.json"))
    )
    plans = []
    for f in files:
        record = json.loads(f.read_text(encoding="utf-8"))
        plans.append(
            {
                "name": f.parent.name if f.parent != out else out.name,
                "status": record["status"],
                "posts": record["jabatan_dalam_lingkup"],
                "pairs": record["pasangan_memenuhi_syarat"],
                "stages": {k: record["waktu_detik"].get(k) for k in STAGES},
            }
        )
    return plans


def _people(data: Path) -> int:
    with (data / "pegawai.csv").open(encoding="utf-8") as f:
        return sum(1 for _ in f) - 1


def case(name: str, work: Path) -> dict[str, Any]:
    """Generate the preset (seed 0) and solve it with the default scenario."""
    data, out = work / f"data-{name}", work / f"out-{name}"
    gen = run_measured(["generate", "--preset", name, "--out", str(data)], work / f"gen-{name}.log")
    solve = run_measured(
        ["solve", str(data), "--out", str(out), "--date", DATE, "--no-store"],
        work / f"solve-{name}.log",
    )
    plans = _plans(out)
    return {
        "case": name,
        "people": _people(data),
        "generate": gen,
        "solve": solve,
        "plans": plans,
        "pairs": sum(p["pairs"] for p in plans),
        "optimal": sum(p["status"] == "OPTIMAL" for p in plans),
    }


def count_pool(data: Path) -> dict[str, Any]:
    """Eligible pairs of ``data`` as one pool (every move between instansi allowed), counted
    block by block (placement.rules.eligibility.count_eligible), with the time and peak RSS."""
    code = (
        "import json, resource, sys, time\n"
        "from datetime import date\n"
        "from placement.config import Skenario\n"
        "from placement.io.readers import load_dataset\n"
        "from placement.rules.eligibility import count_eligible\n"
        "ds, _ = load_dataset(sys.argv[1], plan_date=date(2026, 7, 1))\n"
        "t = time.perf_counter()\n"
        "n = count_eligible(ds, Skenario(tanggal_rencana=date(2026, 7, 1)))\n"
        "print(json.dumps({'pairs': n, 'count_seconds': round(time.perf_counter() - t, 1),\n"
        "    'people': len(ds.pegawai), 'posts': len(ds.jabatan),\n"
        "    'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)], capture_output=True, text=True, env=env, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    # what a pair table of that many rows would take (PAIR_COLUMNS): person, post (int32), nip and
    # jabatan_id codes (int32), move_type (int8), 2 bools, 10 float64 scores ≈ 100 bytes a pair,
    # before the solver's own copies
    result["pair_table_gb_estimate"] = round(result["pairs"] * 100 / 1e9, 1)
    return result


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "| kasus | pegawai | jabatan | pasangan | OPTIMAL | solve s | RSS maks 1 proses MB "
        "| RSS pohon proses MB | kelayakan s | model s | solver s | rencana s | generate s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in result["cases"]:
        stages = {k: sum(p["stages"][k] or 0 for p in c["plans"]) for k in STAGES}
        s = c["solve"]
        lines.append(
            f"| {c['case']} | {c['people']:,} | {sum(p['posts'] for p in c['plans']):,} "
            f"| {c['pairs']:,} | {c['optimal']}/{len(c['plans'])} | {s['seconds']} "
            f"| {s['peak_rss_mb']:,} | {s['peak_tree_rss_mb']:,} | "
            + " | ".join(f"{stages[k]:.1f}" for k in STAGES)
            + f" | {c['generate']['seconds']} |"
        )
    lines.append("")
    lines.append(
        "Nasional: 18 instansi diselesaikan per instansi (executor local, 2 pekerja); kolom "
        "tahap = jumlah atas instansi (waktu pekerja, bukan jam dinding)."
    )
    pool = result.get("one_pool")
    if pool:
        lines.append(
            f"Satu kumpulan nasional (semua perpindahan boleh): {pool['pairs']:,} pasangan yang "
            f"memenuhi syarat, dihitung per blok dalam {pool['count_seconds']} s "
            f"(RSS maks {pool['peak_rss_mb']:,} MB); tabel pasangannya ≈ "
            f"{pool['pair_table_gb_estimate']} GB (tidak dibangun)"
            + (f"; diukur {pool['measured']}." if pool.get("measured") else ".")
        )
    lines.append(
        f"Diukur {result['measured']} di mesin {result['cpus']} inti yang dipakai bersama."
    )
    return "\n".join(lines) + "\n"


def plot(result: dict[str, Any], path: Path) -> None:
    """Log-log: seconds per stage and peak RSS against eligible pairs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5))
    marks = {"kelayakan": "o", "model": "s", "solver": "^", "rencana": "D"}
    for stage, mark in marks.items():
        xs, ys = [], []
        for c in result["cases"]:
            for p in c["plans"]:
                if p["stages"][stage]:
                    xs.append(p["pairs"])
                    ys.append(p["stages"][stage])
        left.scatter(xs, ys, marker=mark, label=f"tahap {stage} (per solve)", alpha=0.7)
    xs = [c["pairs"] for c in result["cases"]]
    left.plot(
        xs,
        [c["solve"]["seconds"] for c in result["cases"]],
        "k-*",
        ms=12,
        label="placement solve, jam dinding",
    )
    for c in result["cases"]:
        left.annotate(
            c["case"],
            (c["pairs"], c["solve"]["seconds"]),
            textcoords="offset points",
            xytext=(6, -12),
        )
    left.set(
        xscale="log",
        yscale="log",
        xlabel="pasangan yang memenuhi syarat",
        ylabel="detik",
        title="Waktu per tahap",
    )
    left.legend(fontsize=8)
    right.plot(
        xs,
        [c["solve"]["peak_rss_mb"] for c in result["cases"]],
        "b-o",
        label="RSS maks satu proses",
    )
    right.plot(
        xs,
        [c["solve"]["peak_tree_rss_mb"] for c in result["cases"]],
        "r-s",
        label="RSS pohon proses (koordinator + pekerja)",
    )
    right.axhline(8192, color="grey", ls="--", label="target nasional 8 GB")
    pool = result.get("one_pool")
    if pool:
        for ax in (left, right):
            ax.axvline(
                pool["pairs"],
                color="purple",
                ls=":",
                label="satu kumpulan nasional (dihitung, tidak dibangun)",
            )
    attempt = _attempt()
    if attempt and attempt.get("pairs"):
        label = f"satu kumpulan, dicoba: {attempt['status']} ({attempt['stamp']['utc']})"
        left.plot(attempt["pairs"], attempt["wall_s"], "mX", ms=12, label=label)
        right.plot(attempt["pairs"], attempt["peak_rss_mb"], "mX", ms=12, label=label)
        left.legend(fontsize=8)
    right.set(
        xscale="log",
        yscale="log",
        xlabel="pasangan yang memenuhi syarat",
        ylabel="MB",
        title="Memori puncak",
    )
    right.legend(fontsize=8)
    fig.suptitle(f"kabupaten → provinsi → nasional (per instansi); {result['measured']}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def _attempt() -> dict[str, Any] | None:
    """The one-pool attempt (benchmarks/onepool.py), when one was recorded."""
    path = RESULTS / "nasional-satu-kumpulan.json"
    found: dict[str, Any] | None = (
        json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    )
    return found


def main(cases: list[str], work: Path | None, with_pool: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="growth-") as tmp:
        root = work or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        result: dict[str, Any] = {"cpus": os.cpu_count(), "cases": []}
        for name in cases:
            result["cases"].append(case(name, root))
            print(json.dumps(result["cases"][-1]["solve"]), file=sys.stderr)
        if with_pool and "nasional" in cases:
            result["one_pool"] = count_pool(root / "data-nasional")
    if not cases and with_pool and work is not None:  # --cases "" --count-pool --work DIR
        add_pool(work)
        return
    result["measured"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scaling.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "scaling.md").write_text(markdown(result), encoding="utf-8")
    plot(result, RESULTS / "scaling.png")
    print(markdown(result))


def add_pool(work: Path) -> None:
    """Count the one-pool pairs of ``work/data-nasional`` and add them to results/scaling.*."""
    result = json.loads((RESULTS / "scaling.json").read_text(encoding="utf-8"))
    result["one_pool"] = count_pool(work / "data-nasional")
    (RESULTS / "scaling.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "scaling.md").write_text(markdown(result), encoding="utf-8")
    plot(result, RESULTS / "scaling.png")
    print(markdown(result))
