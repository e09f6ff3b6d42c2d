"""Default backend with side constraints: LP relaxation → Lagrangian bound → reduced-cost fixing
against the best known plan → exact MIP on the survivors (highspy), in two lexicographic stages.

Fixing is exact: a pair e can only be in a plan of weight ≤ B + min(0, d_e) (B the Lagrangian
bound, d_e the reduced profit), so pairs with B + d_e < best − 0.5 are in no optimal plan (weights
are integers). It is recomputed for every model it is used on.
"""

from __future__ import annotations

import math
import time

import highspy
import numpy as np

from placement.solver.highs_model import (
    FloatArray,
    build_rows,
    lagrangian_bound,
    new_highs,
    pass_model,
)
from placement.solver.problem import (
    IntArray,
    Problem,
    Solution,
    SolveStatus,
    empty_chosen,
    make_solution,
)

_OK = {highspy.HighsModelStatus.kOptimal}
_INFEASIBLE = {
    highspy.HighsModelStatus.kInfeasible,
    highspy.HighsModelStatus.kUnboundedOrInfeasible,
}


class _Clock:
    def __init__(self, limit: float | None) -> None:
        self.start = time.perf_counter()
        self.limit = limit

    def left(self) -> float | None:
        return None if self.limit is None else self.limit - (time.perf_counter() - self.start)


def _col_lower(problem: Problem, cols: IntArray) -> FloatArray:
    lower = np.zeros(len(cols))
    lower[np.isin(cols, problem.fixed)] = 1.0
    return lower


def solve_lp(
    problem: Problem, cols: IntArray, seed: int
) -> tuple[str, FloatArray, float, FloatArray]:
    """LP relaxation on ``cols``: (status, x, Lagrangian bound, reduced profits)."""
    h = new_highs(None, seed)
    rows = build_rows(problem, cols)
    obj = problem.weight[cols].astype(np.float64)
    lower = _col_lower(problem, cols)
    pass_model(h, obj, rows, lower, integer=False)
    h.run()
    status = h.getModelStatus()
    if status in _INFEASIBLE:
        return "infeasible", np.zeros(0), 0.0, np.zeros(0)
    if status not in _OK:
        return "error", np.zeros(0), 0.0, np.zeros(0)
    sol = h.getSolution()
    x = np.asarray(sol.col_value)
    y = np.asarray(sol.row_dual)
    # Both sign conventions give a valid bound; keep the tighter one.
    b1, d1 = lagrangian_bound(obj, rows, lower, y)
    b2, d2 = lagrangian_bound(obj, rows, lower, -y)
    return ("optimal", x, b1, d1) if b1 <= b2 else ("optimal", x, b2, d2)


def _run_mip(
    problem: Problem,
    cols: IntArray,
    objective: FloatArray,
    clock: _Clock,
    seed: int,
    min_weight: int | None = None,
    hint: IntArray | None = None,
) -> tuple[str, IntArray, float]:
    """One MIP on ``cols``; returns (optimal|feasible|infeasible|none, chosen pair ids, bound)."""
    if len(cols) == 0:
        broken = problem.violations(empty_chosen()) or (min_weight is not None and min_weight > 0)
        return (
            ("infeasible", empty_chosen(), float("nan"))
            if broken
            else ("optimal", empty_chosen(), 0.0)
        )
    h = new_highs(clock.left(), seed)
    rows = build_rows(problem, cols)
    pass_model(h, objective, rows, _col_lower(problem, cols), integer=True)
    if min_weight is not None:
        w = problem.weight[cols].astype(np.float64)
        nz = np.flatnonzero(w)
        h.addRow(float(min_weight) - 0.5, highspy.kHighsInf, len(nz), nz.astype(np.int32), w[nz])
    if hint is not None:
        start = np.isin(cols, hint).astype(np.float64)
        h.setSolution(_solution(start))
    h.run()
    status = h.getModelStatus()
    info = h.getInfo()
    if status in _INFEASIBLE:
        return "infeasible", empty_chosen(), float("nan")
    has_sol = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if not has_sol:
        return "none", empty_chosen(), float("nan")
    x = np.asarray(h.getSolution().col_value)
    chosen = np.sort(cols[x > 0.5]).astype(np.int64)
    kind = "optimal" if status in _OK else "feasible"
    return kind, chosen, float(info.mip_dual_bound)


def _solution(values: FloatArray) -> highspy.HighsSolution:
    sol = highspy.HighsSolution()
    sol.col_value = values.tolist()
    sol.value_valid = True
    return sol


def _best_known(problem: Problem, x: FloatArray, cols: IntArray) -> IntArray | None:
    """A feasible plan from the LP solution when it is integral, else None."""
    if not np.all((x < 1e-6) | (x > 1 - 1e-6)):
        return None
    chosen = np.sort(cols[x > 0.5]).astype(np.int64)
    return chosen if not problem.violations(chosen) else None


def solve_mip(
    problem: Problem, time_limit: float | None = None, seed: int = 0, fixing: bool = True,
    hint: IntArray | None = None,
) -> Solution:  # fmt: skip
    """Exact solve: LP + reduced-cost fixing + two-stage MIP on the surviving pairs.

    ``fixing=False`` skips the LP and solves one MIP on all pairs (a benchmark baseline).
    ``hint``: pair ids of a plan to start from (e.g. the previous frontier point); used as the
    incumbent for fixing when it is feasible for this model and better than what the LP gives.
    """
    clock = _Clock(time_limit)
    stats: dict[str, float | int | str] = {"pairs": problem.n_pairs}
    all_cols = np.arange(problem.n_pairs, dtype=np.int64)
    bound, best, keep = math.inf, None, all_cols
    if fixing and problem.n_pairs:
        t0 = time.perf_counter()
        lp_status, x, bound, d = solve_lp(problem, all_cols, seed)
        stats["lp_seconds"] = time.perf_counter() - t0
        if lp_status == "infeasible":
            return Solution(SolveStatus.INFEASIBLE, empty_chosen(), backend="mip", stats=stats)
        if lp_status != "optimal":
            return Solution(SolveStatus.NO_PLAN, empty_chosen(), backend="mip", stats=stats)
        stats["lp_bound"] = bound + problem.offset
        best = _best_known(problem, x, all_cols)
        stats["lp_integral"] = int(best is not None)
        usable = hint is not None and not problem.violations(hint)
        if usable and (best is None or problem.weight[hint].sum() > problem.weight[best].sum()):
            best = np.sort(np.asarray(hint)).astype(np.int64)
            stats["hint_used"] = 1
        if best is None:
            # Cheap incumbent: the MIP on pairs with near-zero reduced profit (the LP's support).
            support = all_cols[
                (d > -1.0 * problem.weight.std() - 1) | np.isin(all_cols, problem.fixed)
            ]
            kind, cand, _ = _run_mip(
                problem, support, problem.weight[support].astype(float), clock, seed
            )
            best = cand if kind in ("optimal", "feasible") else None
        if best is not None:
            best_w = int(problem.weight[best].sum())
            keep = all_cols[
                (bound + np.minimum(d, 0.0) >= best_w - 0.5) | np.isin(all_cols, problem.fixed)
            ]
    stats["pairs_after_fixing"] = len(keep)
    t1 = time.perf_counter()
    kind, chosen, mip_bound = _run_mip(
        problem, keep, problem.weight[keep].astype(float), clock, seed, hint=best
    )
    stats["mip1_seconds"] = time.perf_counter() - t1
    if kind == "infeasible":
        return Solution(SolveStatus.INFEASIBLE, empty_chosen(), backend="mip", stats=stats)
    if kind == "none":
        status = SolveStatus.NO_PLAN if best is None else SolveStatus.FEASIBLE
        chosen = best if best is not None else empty_chosen()
        return make_solution(problem, status, chosen, bound, "mip", stats)
    if kind == "feasible":
        return make_solution(
            problem, SolveStatus.FEASIBLE, chosen, min(bound, mip_bound), "mip", stats
        )
    w_star = int(problem.weight[chosen].sum())
    t2 = time.perf_counter()
    kind2, chosen2, _ = _run_mip(
        problem, keep, problem.tiebreak[keep].astype(float), clock, seed,
        min_weight=w_star, hint=chosen,
    )  # fmt: skip
    stats["mip2_seconds"] = time.perf_counter() - t2
    if kind2 == "optimal" and int(problem.weight[chosen2].sum()) == w_star:
        return make_solution(problem, SolveStatus.OPTIMAL, chosen2, float(w_star), "mip", stats)
    # Tie-break stage did not finish: the weight optimum is proven, the tie-break is not.
    stats["tiebreak"] = "not proven"
    return make_solution(problem, SolveStatus.OPTIMAL, chosen, float(w_star), "mip", stats)
