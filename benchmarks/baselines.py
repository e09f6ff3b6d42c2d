"""Baselines measured on the same instance as our pipeline (benchmarks only, never in tests).

- greedy: posts in priority order, each takes the best remaining free candidate; incumbents stay;
- scipy: ``min_weight_full_bipartite_matching`` on the same sparse pairs (pure assignment);
- cpsat-alone: CP-SAT (2 workers) on all pairs of the capped model;
- mip-all-pairs: one HiGHS MIP on all pairs, no reduced-cost fixing;
- dense-pulp: a naive dense PuLP/CBC model over people × posts (run in a child process with a
  hard wall-clock cap; reports how far it got).
"""

from __future__ import annotations

import json
import multiprocessing as mp
import time
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from placement.domain.model import Dataset
from placement.solver.build import ModelIndex
from placement.solver.cpsat import solve_cpsat
from placement.solver.mip import solve_mip
from placement.solver.problem import SCALE, Problem


def greedy(ds: Dataset, problem: Problem, index: ModelIndex) -> dict[str, Any]:
    """Everyone stays; then each post (priority, row order) takes its best remaining free candidate."""
    start = time.perf_counter()
    taken_person = np.zeros(problem.n_people, dtype=bool)
    taken_post = np.zeros(problem.n_posts, dtype=bool)
    chosen: list[int] = []
    stays = np.flatnonzero(problem.stay & problem.must_assign[problem.pair_person])
    for e in stays.tolist():
        chosen.append(e)
        taken_person[problem.pair_person[e]] = taken_post[problem.pair_post[e]] = True
    priority = ds.jabatan["priority"].to_numpy()[index.posts]
    order = np.lexsort((index.posts, priority))
    by_post = np.argsort(problem.pair_post, kind="stable")
    bounds = np.searchsorted(problem.pair_post[by_post], np.arange(problem.n_posts + 1))
    for j in order.tolist():
        if taken_post[j]:
            continue
        es = by_post[bounds[j] : bounds[j + 1]]
        es = es[
            ~taken_person[problem.pair_person[es]] & ~problem.must_assign[problem.pair_person[es]]
        ]
        if len(es) == 0:
            continue
        e = int(es[np.argmax(problem.weight[es])])
        if problem.weight[e] <= 0:
            continue
        chosen.append(e)
        taken_person[problem.pair_person[e]] = taken_post[j] = True
    picked = np.array(sorted(chosen), dtype=np.int64)
    valid = not problem.violations(picked)
    return {
        "objective": (int(problem.weight[picked].sum()) + problem.offset) / SCALE,
        "valid": valid,
        "seconds": round(time.perf_counter() - start, 3),
    }


def scipy_matching(problem: Problem) -> dict[str, Any]:
    """Rows = people, columns = posts + one 'unplaced' column per optional person; all rows matched."""
    start = time.perf_counter()
    optional = np.flatnonzero(~problem.must_assign)
    rows = np.concatenate([problem.pair_person, optional])
    cols = np.concatenate([problem.pair_post, problem.n_posts + np.arange(len(optional))])
    big = float(np.abs(problem.weight).max(initial=0)) + 1.0
    weights = np.concatenate([big - problem.weight.astype(float), np.full(len(optional), big)])
    graph = sparse.csr_matrix(
        (weights, (rows, cols)), shape=(problem.n_people, problem.n_posts + len(optional))
    )
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    real = col_ind < problem.n_posts
    codes = problem.pair_person * problem.n_posts + problem.pair_post
    order = np.argsort(codes)
    wanted = row_ind[real].astype(np.int64) * problem.n_posts + col_ind[real]
    picked = np.sort(order[np.searchsorted(codes[order], wanted)]).astype(np.int64)
    return {
        "objective": (int(problem.weight[picked].sum()) + problem.offset) / SCALE,
        "valid": not problem.violations(picked),
        "seconds": round(time.perf_counter() - start, 3),
    }


def cpsat_alone(problem: Problem, time_limit: float) -> dict[str, Any]:
    start = time.perf_counter()
    sol = solve_cpsat(problem, time_limit=time_limit, workers=2)
    return {
        "status": str(sol.status),
        "objective": None if sol.objective is None else sol.objective / SCALE,
        "bound": None if sol.bound is None else sol.bound / SCALE,
        "gap": sol.gap,
        "seconds": round(time.perf_counter() - start, 3),
    }


def mip_all_pairs(problem: Problem, time_limit: float) -> dict[str, Any]:
    start = time.perf_counter()
    sol = solve_mip(problem, time_limit=time_limit, fixing=False)
    return {
        "status": str(sol.status),
        "objective": None if sol.objective is None else sol.objective / SCALE,
        "gap": sol.gap,
        "seconds": round(time.perf_counter() - start, 3),
    }


def _dense_child(problem: Problem, progress: str, limit: float) -> None:
    """Build every people × posts variable in PuLP (ineligible ones bounded to 0), then CBC."""
    import pulp

    start = time.perf_counter()
    out = Path(progress)
    weight = {
        (int(p), int(j)): int(w)
        for p, j, w in zip(problem.pair_person, problem.pair_post, problem.weight, strict=True)
    }
    lp = pulp.LpProblem("dense", pulp.LpMaximize)
    x = {}
    for p in range(problem.n_people):
        for j in range(problem.n_posts):
            x[p, j] = lp.add_variable(
                f"x_{p}_{j}", 0, 1 if (p, j) in weight else 0, cat=pulp.LpBinary
            )
        if p % 100 == 0:
            out.write_text(
                json.dumps(
                    {"phase": "build", "variables": len(x), "seconds": time.perf_counter() - start}
                )
            )
    lp.setObjective(pulp.lpSum(w * x[k] for k, w in weight.items()))
    for p in range(problem.n_people):
        expr = pulp.lpSum(x[p, j] for j in range(problem.n_posts))
        lp += (expr == 1) if problem.must_assign[p] else (expr <= 1)
    for j in range(problem.n_posts):
        lp += pulp.lpSum(x[p, j] for p in range(problem.n_people)) <= 1
    for g in problem.stay_groups:
        stays = [
            (int(problem.pair_person[e]), int(problem.pair_post[e]))
            for e in np.flatnonzero(problem.stay)
            if problem.pair_person[e] in set(g.people.tolist())
        ]
        lp += pulp.lpSum(x[k] for k in stays) >= g.min_stay
    built = time.perf_counter() - start
    out.write_text(json.dumps({"phase": "solve", "variables": len(x), "build_seconds": built}))
    lp.solve(pulp.PULP_CBC_CMD(msg=False, timeLimit=max(1.0, limit - built)))
    value = pulp.value(lp.objective)
    out.write_text(
        json.dumps(
            {
                "phase": "done",
                "variables": len(x),
                "build_seconds": built,
                "status": pulp.LpStatus[lp.status],
                "objective": None if value is None else (value + problem.offset) / SCALE,
                "seconds": time.perf_counter() - start,
            }
        )
    )


def dense_pulp(problem: Problem, limit: float, workdir: Path) -> dict[str, Any]:
    """Run the dense model in a child process, killed at ``limit`` seconds; report its progress."""
    progress = workdir / "dense-progress.json"
    ctx = mp.get_context("fork")
    child = ctx.Process(target=_dense_child, args=(problem, str(progress), limit))
    start = time.perf_counter()
    child.start()
    child.join(limit + 5)
    killed = child.is_alive()
    if killed:
        child.kill()
        child.join()
    state: dict[str, Any] = (
        json.loads(progress.read_text()) if progress.exists() else {"phase": "start"}
    )
    state.update(
        {
            "killed_at_limit": killed,
            "wall_seconds": round(time.perf_counter() - start, 1),
            "dense_variables_total": problem.n_people * problem.n_posts,
        }
    )
    return state
