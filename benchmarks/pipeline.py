"""One benchmark case in a fresh process: the full pipeline with per-stage wall time and peak RSS.

Usage: python -m benchmarks.pipeline PRESET CASE BASELINES(none|quick|full) OUT_JSON
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import baselines
from placement.config import Batas, Skenario
from placement.io.readers import load_dataset
from placement.io.writers import write_dataset
from placement.plan.audit import audit_plan
from placement.report.outputs import write_outputs
from placement.synth import generate, preset_plan_date
from placement.workflow.engine import solve

CASES: dict[str, dict[str, Any]] = {
    "tanpa-batas": {},
    "batas-opd": {"batas": Batas(perpindahan_per_opd=10, porsi_berubah_per_opd=0.3)},
}


def run_baselines(ds: Any, result: Any, case: str, level: str, workdir: Path) -> dict[str, Any]:
    """The comparison baselines for this case, on the same model."""
    problem, index = result.problem, result.index
    out: dict[str, Any] = {"greedy": baselines.greedy(ds, problem, index)}
    if case == "tanpa-batas":
        out["scipy"] = baselines.scipy_matching(problem)
    elif level != "none" and problem.n_pairs > 1_000_000:
        out["skipped"] = f"cpsat/mip on all {problem.n_pairs:,} pairs not attempted (memory)"
    elif level != "none":
        out["cpsat_alone"] = baselines.cpsat_alone(problem, time_limit=60.0)
        out["mip_all_pairs"] = baselines.mip_all_pairs(problem, time_limit=120.0)
        if level == "full" and ds.n_people <= 5_000:
            out["dense_pulp"] = baselines.dense_pulp(problem, 120.0, workdir)
    return out


PACKAGE_PRESETS = ("kabupaten",)
"""Presets whose usulan package (pdf + docx + xlsx) is timed (target on kabupaten: ≤ 5 s)."""


def time_package(ds: Any, result: Any, out: Path) -> dict[str, float]:
    """Wall and CPU seconds of the whole usulan package (pdf + docx + xlsx, placement demo's
    call), the CPU figure being the one a loaded machine does not inflate."""
    from placement.report.dossier import write_package

    wall, cpu = time.perf_counter(), time.process_time()
    write_package(ds, result, {f: out / f"dosir.{f}" for f in ("pdf", "docx", "xlsx")})
    return {
        "wall": round(time.perf_counter() - wall, 3),
        "cpu": round(time.process_time() - cpu, 3),
    }


def run(preset: str, case: str, level: str = "quick") -> dict[str, Any]:
    stages: dict[str, float] = {}

    def timed(name: str, start: float) -> float:
        now = time.perf_counter()
        stages[name] = round(now - start, 3)
        return now

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        ds = generate(preset, 0)  # type: ignore[arg-type]
        t = timed("generate", t)
        write_dataset(ds, Path(tmp) / "data")
        t = timed("write_data", t)
        ds, _ = load_dataset(Path(tmp) / "data")
        t = timed("read_validate", t)
        sc = Skenario(tanggal_rencana=preset_plan_date(preset), **CASES[case])
        result = solve(ds, sc)
        t = time.perf_counter()
        stages.update({k: round(v, 3) for k, v in result.timings.items()})
        report = audit_plan(ds, sc, result.plan, result.solution.objective, table=result.table)
        t = timed("audit", t)
        write_outputs(result, ds, Path(tmp) / "hasil")
        t = timed("write_plan", t)
        package = None
        if preset in PACKAGE_PRESETS:
            package = time_package(ds, result, Path(tmp) / "hasil")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        compared = run_baselines(ds, result, case, level, Path(tmp))
    return {
        "preset": preset,
        "case": case,
        "people": ds.n_people,
        "posts": ds.n_posts,
        "pairs_eligible": len(result.table.pairs),
        "pairs_in_solver": int(result.problem.n_pairs),
        "pairs_after_fixing": result.solution.stats.get("pairs_after_fixing"),
        "cross_product": ds.n_people * ds.n_posts,
        "status": str(result.status),
        "backend": result.solution.backend,
        "objective": result.objective,
        "gap": result.solution.gap,
        "audit_ok": report.ok,
        "moves": result.summary()["perpindahan"],
        "stages_s": stages,
        "package_s": package,
        "total_s": round(sum(stages.values()), 3),
        "peak_rss_mb": round(peak, 1),
        "solver_stats": result.solution.stats,
        "baselines": compared,
    }


if __name__ == "__main__":
    preset, case, level, out = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
    out.write_text(json.dumps(run(preset, case, level), indent=2, default=str), encoding="utf-8")
