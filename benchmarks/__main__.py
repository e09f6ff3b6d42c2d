"""Benchmark runner: each case in its own process; writes benchmarks/results/*.json and *.md.

python -m benchmarks                  everything but the nasional one pool: kabupaten and provinsi
                                      rows, import, assign, end to end, sweeps and batches, growth
                                      (scaling.png); then results/full.md and full.json
python -m benchmarks --skip scale,growth   the same without those (their latest json is read)
python -m benchmarks --assemble       nothing measured: full.md/full.json from the latest jsons
python -m benchmarks --one-pool       also the nasional preset as one pool (benchmarks/onepool.py;
                                      about 10 minutes (484 s measured) under a 14 GB
                                      address-space limit; needs ≈ 9 GB)
python -m benchmarks --quick          kabupaten only (a minute or two), results/quick.md
python -m benchmarks --assign         only the generic assign API vs scipy (benchmarks/assign.py)
python -m benchmarks --impor          only the SIASN import (benchmarks/impor.py; kabupaten ≤ 10 s)
python -m benchmarks --e2e            only kabupaten end to end, in-process and CLI (endtoend.py)
python -m benchmarks --scale          only sweeps and batches per executor (benchmarks/scale.py)

Each json a run (re)writes gets a ``stamp`` (UTC time, machine, commit, 1-minute load); full.md
shows it beside every figure, and says which figures were read rather than measured by the run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.full import FILES, Source, assemble, machine, source_of, stamp, targets

RESULTS = Path(__file__).resolve().parent / "results"
ROOT = RESULTS.parent.parent
STEPS = ("impor", "pipeline", "assign", "e2e", "scale", "growth")


def commit() -> str | None:
    """The checked-out commit, ``+perubahan`` when tracked files (other than the results)
    differ from it."""
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    status = ["status", "--porcelain", "--untracked-files=no", "--", ".", ":!benchmarks/results"]
    dirty = subprocess.run(  # the results the run rewrites do not count
        ["git", "-C", str(ROOT), *status],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return (head + ("+perubahan" if dirty else "")) or None


def last_commit_of(path: Path) -> str | None:
    """``SHA DATE`` of the commit that last changed ``path`` (for files without a stamp)."""
    out = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%h %cd", "--date=short", "--", str(path)],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return out or None


def add_stamp(path: Path, start: datetime | None = None) -> None:
    """Stamp the json a benchmark started at ``start`` has just written (when, where, commit)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["stamp"] = stamp(commit(), start)
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def run_case(preset: str, case: str, level: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.json"
        cmd = [sys.executable, "-m", "benchmarks.pipeline", preset, case, level, str(out)]
        subprocess.run(cmd, check=True)
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def pipeline_rows(presets: list[str], level: str) -> list[dict[str, Any]]:
    rows = []
    for preset in presets:
        for case in ("tanpa-batas", "batas-opd"):
            print(f"benchmark {preset} / {case} ...", flush=True)
            rows.append(run_case(preset, case, level))
            print(
                f"  {rows[-1]['status']} in {rows[-1]['total_s']} s, peak {rows[-1]['peak_rss_mb']} MB",
                flush=True,
            )
            if rows[-1].get("package_s"):
                p = rows[-1]["package_s"]
                print(f"  paket usulan pdf+docx+xlsx: {p['wall']} s ({p['cpu']} s CPU)", flush=True)
    return rows


def write_rows(name: str, rows: list[dict[str, Any]], start: datetime) -> dict[str, Any]:
    """results/NAME.json and NAME.md for the pipeline rows measured from ``start``; the json's
    content."""
    from benchmarks.full import pipeline_table

    info = machine()
    doc = {
        "machine": info,
        "utc": datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"),
        "stamp": stamp(commit(), start),
        "cases": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(doc, indent=2), encoding="utf-8")
    (RESULTS / f"{name}.md").write_text(pipeline_table(rows, info), encoding="utf-8")
    print(pipeline_table(rows, info))
    return doc


def extra_case(module: str) -> None:
    """Run benchmarks.MODULE in its own process; its json (stamped) is results/MODULE.json, and
    its table is appended to results/MODULE.md under the run's date (the file keeps its
    history)."""
    print(f"benchmark {module} ...", flush=True)
    start = datetime.now(UTC)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{module}.json"
    cmd = [sys.executable, "-m", f"benchmarks.{module}", "--out-json", str(out)]
    table = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    add_stamp(out, start)
    s = json.loads(out.read_text(encoding="utf-8"))["stamp"]
    m = s["machine"]
    text = (
        f"\n### `python -m benchmarks`, {s['utc']}, {m['platform']}, {m['cpus']} CPU, "
        f"commit {s['commit']}, beban 1 menit {s['load_1min']}\n\n"
        + table.strip("\n").split("\n\n", 1)[-1]
        + "\n"
    )
    with (RESULTS / f"{module}.md").open("a", encoding="utf-8") as f:
        f.write(text)
    print(text)


def growth() -> None:
    """kabupaten → provinsi → nasional (per instansi) with scaling.png; the one-pool pair count
    of the previous scaling.json (minutes to redo) is kept with its own date."""
    from benchmarks import growth as g

    path = RESULTS / "scaling.json"
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    start = datetime.now(UTC)
    subprocess.run([sys.executable, "-m", "benchmarks.scale", "--growth"], check=True)
    add_stamp(path, start)
    new = json.loads(path.read_text(encoding="utf-8"))
    if old.get("one_pool") and not new.get("one_pool"):
        new["one_pool"] = {"measured": old.get("measured"), **old["one_pool"]}
        path.write_text(json.dumps(new, indent=2) + "\n", encoding="utf-8")
        (RESULTS / "scaling.md").write_text(g.markdown(new), encoding="utf-8")
        g.plot(new, RESULTS / "scaling.png")


def run_step(step: str, quick: bool) -> dict[str, Any] | None:
    """One benchmark of the full run; the pipeline rows' json content for ``pipeline``."""
    start, began = time.perf_counter(), datetime.now(UTC)
    presets = ["kabupaten"] if quick else ["kabupaten", "provinsi"]
    doc = None
    if step == "impor":
        subprocess.run([sys.executable, "-m", "benchmarks.impor", *presets], check=True)
    elif step == "pipeline":
        doc = write_rows(
            "quick" if quick else "full",
            pipeline_rows(presets, "quick" if quick else "full"),
            began,
        )
    elif step == "assign":
        subprocess.run(
            [sys.executable, "-m", "benchmarks.assign", *(["--quick"] if quick else [])], check=True
        )
        if not quick:
            add_stamp(RESULTS / "assign.json", began)
    elif step in ("e2e", "scale"):
        extra_case("endtoend" if step == "e2e" else "scale")
    elif step == "growth":
        growth()
    print(f"[{step}: {time.perf_counter() - start:.0f} s]", flush=True)
    return doc


def read_sources(fresh: set[str]) -> dict[str, Source]:
    """The latest json of each benchmark in full.md (``fresh``: measured by this run)."""
    out = {}
    for name in FILES:
        path = RESULTS / f"{name}.json"
        doc = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
        out[name] = source_of(
            f"{name}.json", doc, committed=last_commit_of(path), fresh=name in fresh
        )
    return out


def write_full(own: dict[str, Any] | None, fresh: set[str]) -> None:
    """results/full.md and full.json: the pipeline rows (``own``: measured now, else the last
    full.json's) and the other benchmarks' latest results, each with its provenance."""
    path = RESULTS / "full.json"
    if own is None:
        own = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    own_src = source_of(
        "full.json",
        own,
        committed=last_commit_of(path),
        fresh=own is not None and "pipeline" in fresh,
    )
    sources = read_sources(fresh)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = assemble(own_src, sources, now)
    doc = {
        **{k: v for k, v in (own or {}).items() if k in ("machine", "utc", "stamp", "cases")},
        "disusun": now,
        "sasaran": targets(own_src, sources),
        "sumber": {
            s.name: {
                "diukur": s.when,
                "mesin": s.where,
                "commit": s.commit,
                "beban_1mnt": s.load,
                "baru": s.fresh,
            }
            for s in (own_src, *sources.values())
        },
    }
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "full.md").write_text(text, encoding="utf-8")
    print(text)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="kabupaten only")
    parser.add_argument("--assign", action="store_true", help="only the assign API benchmark")
    parser.add_argument("--impor", action="store_true", help="only the SIASN import benchmark")
    parser.add_argument("--e2e", action="store_true", help="only kabupaten end to end")
    parser.add_argument("--scale", action="store_true", help="only sweeps and batches")
    parser.add_argument(
        "--skip", default="", help=f"comma list of steps not run: {','.join(STEPS)}"
    )
    parser.add_argument("--assemble", action="store_true", help="only rewrite full.md/full.json")
    parser.add_argument("--one-pool", action="store_true", help="also the nasional one pool")
    args = parser.parse_args()
    only = [
        s
        for s, on in (
            ("assign", args.assign),
            ("impor", args.impor),
            ("e2e", args.e2e),
            ("scale", args.scale),
        )
        if on
    ]
    skip = {s for s in args.skip.split(",") if s}
    if skip - set(STEPS):
        parser.error(
            f"--skip: unknown steps {sorted(skip - set(STEPS))}; known: {', '.join(STEPS)}"
        )
    if only:
        for step in only:
            run_step(step, args.quick)
        return
    if args.quick:
        for step in ("impor", "pipeline", "assign", "e2e"):
            run_step(step, quick=True)
        return
    steps = [] if args.assemble else [s for s in STEPS if s not in skip]
    start = time.perf_counter()
    own = None
    for step in steps:
        own = run_step(step, quick=False) or own
    fresh = {
        "pipeline" if s == "pipeline" else {"e2e": "endtoend", "growth": "scaling"}.get(s, s)
        for s in steps
    }
    if args.one_pool and not args.assemble:
        subprocess.run([sys.executable, "-m", "benchmarks.onepool"], check=True)  # stamps itself
        fresh.add("nasional-satu-kumpulan")
    write_full(own, fresh)
    print(f"[total: {time.perf_counter() - start:.0f} s]", flush=True)


if __name__ == "__main__":
    main()
