"""PuLP cross-check backend: the same model, written with PuLP, solved by HiGHS (or CBC).

Two lexicographic stages like ``mip``; ``export`` writes the LP/MPS file for inspection.
"""

from __future__ import annotations

import time
from pathlib import Path

import highspy
import numpy as np
import pulp

from placement.solver.problem import Problem, Solution, SolveStatus, empty_chosen, make_solution


def build_pulp(problem: Problem) -> tuple[pulp.LpProblem, list[pulp.LpVariable]]:
    lp = pulp.LpProblem("penempatan", pulp.LpMaximize)
    x = [lp.add_variable(f"x{e}", cat=pulp.LpBinary) for e in range(problem.n_pairs)]
    order_p = np.argsort(problem.pair_person, kind="stable")
    order_j = np.argsort(problem.pair_post, kind="stable")
    for idx, key, n, must in (
        (order_p, problem.pair_person, problem.n_people, problem.must_assign),
        (order_j, problem.pair_post, problem.n_posts, problem.must_fill),
    ):
        bounds = np.searchsorted(key[idx], np.arange(n + 1))
        for i in range(n):
            es = idx[bounds[i] : bounds[i + 1]]
            expr = pulp.lpSum(x[int(e)] for e in es)
            if must[i]:
                lp += expr == 1
            elif len(es) > 1:
                lp += expr <= 1
    stay_pairs = np.flatnonzero(problem.stay)
    for g in problem.stay_groups:
        members = stay_pairs[np.isin(problem.pair_person[stay_pairs], g.people)]
        lp += pulp.lpSum(x[int(e)] for e in members) >= g.min_stay
    for r in problem.min_rows:
        lp += pulp.lpSum(int(c) * x[e] for e, c in enumerate(r.coef.tolist()) if c) >= r.lower
    for e in problem.fixed.tolist():
        lp += x[e] == 1
    return lp, x


def _pulp_solver(time_limit: float | None) -> pulp.LpSolver:
    kwargs: dict[str, object] = {"msg": False, "gapRel": 0.0, "gapAbs": 0.99}
    if time_limit is not None:
        kwargs["timeLimit"] = max(time_limit, 1.0)
    if "HiGHS" in pulp.listSolvers(onlyAvailable=True):
        # HiGHS keeps one thread scheduler per process and refuses a run whose thread count
        # differs from it; start a fresh one so an earlier Highs object cannot break this run.
        highspy.Highs.resetGlobalScheduler(True)
        return pulp.HiGHS(threads=1, **kwargs)
    return pulp.PULP_CBC_CMD(**kwargs)


def export_model(problem: Problem, path: Path) -> Path:
    """Write the stage-1 model (weight objective) as ``.lp`` or ``.mps`` for inspection."""
    lp, x = build_pulp(problem)
    lp.setObjective(pulp.lpSum(int(w) * xi for w, xi in zip(problem.weight, x, strict=True)))
    (lp.writeMPS if path.suffix.lower() == ".mps" else lp.writeLP)(str(path))
    return path


def solve_pulp(problem: Problem, time_limit: float | None = None) -> Solution:
    """Solve through PuLP in two lexicographic stages."""
    start = time.perf_counter()
    lp, x = build_pulp(problem)
    lp.setObjective(pulp.lpSum(int(w) * xi for w, xi in zip(problem.weight, x, strict=True)))
    status = lp.solve(_pulp_solver(time_limit))
    stats: dict[str, float | int | str] = {"solver": lp.solver.name if lp.solver else ""}
    if pulp.LpStatus[status] == "Infeasible":
        return Solution(SolveStatus.INFEASIBLE, empty_chosen(), backend="pulp", stats=stats)
    if pulp.LpStatus[status] != "Optimal":
        return Solution(SolveStatus.NO_PLAN, empty_chosen(), backend="pulp", stats=stats)
    chosen = _chosen(x)
    w_star = int(problem.weight[chosen].sum())
    lp += pulp.lpSum(int(w) * xi for w, xi in zip(problem.weight, x, strict=True)) >= w_star - 0.5
    lp.setObjective(pulp.lpSum(int(t) * xi for t, xi in zip(problem.tiebreak, x, strict=True)))
    left = None if time_limit is None else time_limit - (time.perf_counter() - start)
    if pulp.LpStatus[lp.solve(_pulp_solver(left))] == "Optimal":
        chosen = _chosen(x)
    else:
        stats["tiebreak"] = "not proven"
    return make_solution(problem, SolveStatus.OPTIMAL, chosen, float(w_star), "pulp", stats)


def _chosen(x: list[pulp.LpVariable]) -> np.ndarray:
    return np.array([e for e, v in enumerate(x) if (v.value() or 0) > 0.5], dtype=np.int64)
