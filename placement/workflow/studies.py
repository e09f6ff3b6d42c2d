"""Studies that solve a scenario more than once: a written plan re-solved to explain it, elastic
mode, diverse near-optimal plans and the move-cap frontier. The model pieces they add (difference
rows, re-admitted pairs, caps) live in plan/; the solving is here (plan/ never solves).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Skenario, parse_scenario
from placement.domain.messages import NOWHERE, Where, failure
from placement.domain.model import Dataset
from placement.io.plan_files import read_plan, read_record
from placement.plan.diverse import GOOD, difference_row
from placement.plan.elastic import elastic_table, involved_posts, used_relaxations
from placement.plan.frontier import FRONTIER_COLUMNS
from placement.plan.result import Result
from placement.rules.eligibility import build_pairs
from placement.solver.problem import MinRow, SolveStatus
from placement.workflow.engine import solve


def load_solved(out: Path, data: Path | None = None) -> tuple[Dataset, Result, dict[str, Any]]:
    """Data (``data`` or hasil.json's ``data``), checked against the recorded sha256s, and the
    plan re-solved with the recorded configuration; refuses when files or the plan differ."""
    from placement.io.readers import load_dataset

    record = read_record(out)
    source = data or (Path(record["data"]) if record.get("data") not in (None, "None") else None)
    if source is None:
        raise failure("DATA_TIDAK_DISEBUT", NOWHERE, "DATA_TIDAK_TERCATAT")
    sc = parse_scenario(record["konfigurasi"], str(out / "hasil.json"))
    ds, _ = load_dataset(source, plan_date=sc.tanggal_rencana)
    recorded = {m["path"]: m["sha256"] for m in record.get("masukan", [])}
    if recorded != dict(ds.sources):
        changed = sorted(set(recorded.items()) ^ set(ds.sources.items()))
        names = ", ".join(sorted({str(p) for p, _ in changed}))
        raise failure("DATA_BERUBAH", Where(str(source)), source=source, out=out, names=names)
    result = solve(ds, sc)  # the tie-break makes the optimum unique up to province scale
    if (
        result.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
        or (
            record.get("objektif_skala") is not None
            and result.solution.objective != int(record["objektif_skala"])
        )
        or _placements(result.plan) != _placements(_written_plan(out))
    ):
        raise failure("RENCANA_BERBEDA")
    return ds, result, record


def _written_plan(out: Path) -> pd.DataFrame:
    path = out / "rencana.csv"
    if not path.is_file():
        return pd.DataFrame(columns=["nip", "jabatan_tujuan_id"])
    return read_plan(path)


def _placements(plan: pd.DataFrame) -> set[tuple[str, str]]:
    """(NIP, post) of every placement; a tie at province scale may give another equally optimal
    plan, which must not be explained in place of the written one."""
    posts = plan["jabatan_tujuan_id"].fillna("").astype(str)
    nips = plan["nip"].astype(str)
    return {(n, j) for n, j in zip(nips, posts, strict=True) if j}


def solve_elastic(ds: Dataset, sc: Skenario, **options: Any) -> tuple[Result, list[dict[str, Any]]]:
    """Solve; if the plan is infeasible or leaves must-fill posts empty, re-solve with the pairs
    refused only by relaxable rules re-admitted for those posts. Returns (result, relaxations used)."""
    table = build_pairs(ds, sc)
    result = solve(ds, sc, table=table, **options)
    posts = involved_posts(ds, sc, table, result)
    if not posts:
        return result, []
    elastic = elastic_table(ds, sc, table, posts)
    if elastic.readmitted.empty:
        return result, []
    relaxed_result = solve(ds, sc, table=elastic.table, **options)
    return relaxed_result, used_relaxations(ds, sc, relaxed_result.plan, elastic.readmitted)


def diverse_plans(
    ds: Dataset,
    sc: Skenario,
    k: int,
    d: int,
    *,
    backend: str = "auto",
    time_limit: float | None = None,
    progress: Callable[[str], None] | None = None,
    first: Result | None = None,
) -> list[Result]:
    """Up to ``k`` plans, best first; stops early when no further plan exists. ``first``: the
    already solved optimal plan of the same ``ds`` and ``sc`` (else it is solved here)."""
    if k < 1 or d < 1:
        raise ValueError("k and d must be at least 1")
    if first is None:
        first = solve(ds, sc, backend=backend, time_limit=time_limit)
    results = [first]
    if first.status not in GOOD:
        return results
    person, post = first.problem.pair_person, first.problem.pair_post
    rows: list[MinRow] = []
    for i in range(2, k + 1):
        prev = results[-1]
        rows.append(difference_row(f"beda_{i - 1}", prev.solution.chosen, first.problem.n_pairs, d))
        if progress:
            progress(f"rencana {i} dari {k}")
        res = solve(ds, sc, backend=backend, time_limit=time_limit, extra_rows=tuple(rows))
        same = np.array_equal(res.problem.pair_person, person) and np.array_equal(
            res.problem.pair_post, post
        )
        if not same:  # the model is deterministic; a different pair set would make rows wrong
            raise AssertionError("model pairs changed between diverse-plan solves")
        if res.status not in GOOD:
            break
        results.append(res)
    return results


def move_frontier(
    ds: Dataset,
    sc: Skenario,
    caps: list[int],
    *,
    backend: str = "auto",
    time_limit: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """One row per cap: status, moved incumbents, objective, filled posts and mean JPM."""
    table = build_pairs(ds, sc)  # eligibility does not depend on the cap: build it once
    rows = []
    previous: pd.DataFrame | None = None
    for cap in sorted(caps):
        if progress:
            progress(f"batas perpindahan {cap}")
        capped = sc.model_copy(
            update={"batas": sc.batas.model_copy(update={"perpindahan_total": cap})}
        )
        # Each point is a fresh model (re-fixed by the MIP); the plan of the previous, tighter
        # cap is feasible here too and warm-starts it.
        result = solve(
            ds, capped, backend=backend, time_limit=time_limit, table=table, hint=previous
        )
        previous = result.plan if len(result.plan) else None
        plan = result.plan
        placed = plan[plan["jabatan_tujuan_id"].notna()]
        jpm = pd.to_numeric(placed["jpm"], errors="coerce").dropna()
        rows.append(
            {
                "batas_perpindahan": cap,
                "status": str(result.status),
                "pejabat_berpindah": int(
                    (plan["jabatan_asal_id"].notna() & (plan["jenis_perpindahan"] != "tetap")).sum()
                ),
                "objektif": result.objective,
                "jabatan_terisi": len(placed),
                "jpm_rata": float(jpm.mean()) if len(jpm) else None,
            }
        )
    return pd.DataFrame(rows, columns=FRONTIER_COLUMNS)
