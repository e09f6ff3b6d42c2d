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
    HIGHS_INFEASIBLE,
    HIGHS_OK,
    FloatArray,
    build_rows,
    lagrangian_bound,
    new_highs,
    pass_model,
    run_highs,
)
from placement.solver.problem import (
    IntArray,
    Problem,
    Solution,
    SolveStatus,
    empty_chosen,
    make_solution,
)


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


CG_THRESHOLD = 500_000  # above this many pairs the LP is solved by column generation
CG_START_PER_POST = 20  # initial columns: the best pairs of each post (and of each person)


def solve_lp(
    problem: Problem, cols: IntArray, seed: int
) -> tuple[str, FloatArray, float, FloatArray]:
    """LP relaxation on ``cols``: (status, x, Lagrangian bound, reduced profits)."""
    status, x, bound, d, _ = _solve_lp(problem, cols, seed)
    return status, x, bound, d


def _solve_lp(
    problem: Problem, cols: IntArray, seed: int
) -> tuple[str, FloatArray, float, FloatArray, FloatArray]:
    """As solve_lp, plus the row multipliers (in the sign convention of the returned bound)."""
    h = new_highs(None, seed)
    rows = build_rows(problem, cols)
    obj = problem.weight[cols].astype(np.float64)
    lower = _col_lower(problem, cols)
    pass_model(h, obj, rows, lower, integer=False)
    run_highs(h)
    status = h.getModelStatus()
    empty = np.zeros(0)
    if status in HIGHS_INFEASIBLE:
        return "infeasible", empty, 0.0, empty, empty
    if status not in HIGHS_OK:
        return "error", empty, 0.0, empty, empty
    sol = h.getSolution()
    x = np.asarray(sol.col_value)
    y = np.asarray(sol.row_dual)
    # Both sign conventions give a valid bound; keep the tighter one.
    b1, d1 = lagrangian_bound(obj, rows, lower, y)
    b2, d2 = lagrangian_bound(obj, rows, lower, -y)
    return ("optimal", x, b1, d1, y) if b1 <= b2 else ("optimal", x, b2, d2, -y)


def _start_columns(problem: Problem, per_key: int) -> IntArray:
    """Stays, fixed pairs and the best pairs of every post and of every person."""
    keep = problem.stay.copy()
    keep[problem.fixed] = True
    for key in (problem.pair_post, problem.pair_person):
        order = np.lexsort((-problem.weight, key))
        first = np.searchsorted(key[order], key[order], side="left")
        rank = np.arange(len(order)) - first
        keep[order[rank < per_key]] = True
    return np.flatnonzero(keep).astype(np.int64)


def solve_lp_cg(
    problem: Problem, seed: int, start_per_post: int = CG_START_PER_POST, max_rounds: int = 100
) -> tuple[str, FloatArray, float, FloatArray, dict[str, float | int | str]]:
    """The LP over all pairs by column generation: solve on a subset, price every pair against
    the duals (vectorised), add those with positive reduced profit, repeat. The final pricing pass
    over all pairs finds nothing to add, so its Lagrangian bound is the LP bound of the full model
    (the optimality proof). Returns x, bound and reduced profits over all pairs."""
    all_cols = np.arange(problem.n_pairs, dtype=np.int64)
    full_rows = build_rows(problem, all_cols)
    obj_all = problem.weight.astype(np.float64)
    lower_all = _col_lower(problem, all_cols)
    cols = _start_columns(problem, start_per_post)
    stats: dict[str, float | int | str] = {"cg_start_columns": len(cols)}
    # One HiGHS instance: added columns keep the basis, so each round is a warm re-solve.
    h = new_highs(None, seed)
    start_rows = build_rows(problem, cols)
    pass_model(h, obj_all[cols], start_rows, lower_all[cols], integer=False)
    for round_no in range(1, max_rounds + 1):
        run_highs(h)
        if (
            h.getModelStatus() not in HIGHS_OK
        ):  # the subset may be infeasible where the full model is not
            stats["cg_fallback"] = str(h.getModelStatus())
            s2, x2, b2, d2 = solve_lp(problem, all_cols, seed)
            return s2, x2, b2, d2, stats
        sol = h.getSolution()
        y = np.asarray(sol.row_dual)
        sub_rows = build_rows(problem, cols)
        b_plus, _ = lagrangian_bound(obj_all[cols], sub_rows, lower_all[cols], y)
        b_minus, _ = lagrangian_bound(obj_all[cols], sub_rows, lower_all[cols], -y)
        y = y if b_plus <= b_minus else -y
        bound, d = lagrangian_bound(obj_all, full_rows, lower_all, y)
        in_cols = np.zeros(problem.n_pairs, dtype=bool)
        in_cols[cols] = True
        new = np.flatnonzero((d > 1e-6) & ~in_cols)
        stats["cg_rounds"] = round_no
        if len(new) == 0:
            x_all = np.zeros(problem.n_pairs)
            x_all[cols] = np.asarray(sol.col_value)
            stats["cg_final_columns"] = len(cols)
            stats["cg_final_pricing_added"] = 0
            return "optimal", x_all, bound, d, stats
        limit = max(20 * problem.n_posts, 1000)
        if len(new) > limit:
            new = new[np.argsort(-d[new], kind="stable")[:limit]]
        m = build_rows(problem, new).matrix
        h.addCols(len(new), obj_all[new], lower_all[new], np.ones(len(new)), m.nnz,
                  m.indptr[:-1].astype(np.int32), m.indices.astype(np.int32), m.data)  # fmt: skip
        cols = np.concatenate([cols, new])  # HiGHS column order
    stats["cg_fallback"] = "rounds"
    s2, x2, b2, d2 = solve_lp(problem, all_cols, seed)
    return s2, x2, b2, d2, stats


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
    run_highs(h)
    status = h.getModelStatus()
    info = h.getInfo()
    if status in HIGHS_INFEASIBLE:
        return "infeasible", empty_chosen(), float("nan")
    has_sol = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if not has_sol:
        return "none", empty_chosen(), float("nan")
    x = np.asarray(h.getSolution().col_value)
    chosen = np.sort(cols[x > 0.5]).astype(np.int64)
    kind = "optimal" if status in HIGHS_OK else "feasible"
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
    cg_threshold: int = CG_THRESHOLD,
    cg_start: int = CG_START_PER_POST,
) -> Solution:  # fmt: skip
    """Exact solve: LP + reduced-cost fixing + two-stage MIP on the surviving pairs.

    ``fixing=False`` skips the LP and solves one MIP on all pairs (a benchmark baseline).
    ``hint``: pair ids of a plan to start from (e.g. the previous frontier point); used as the
    incumbent for fixing when it is feasible for this model and better than what the LP gives.
    Models with more than ``cg_threshold`` pairs solve the LP by column generation, starting from
    the ``cg_start`` best pairs of each post and person.
    """
    clock = _Clock(time_limit)
    stats: dict[str, float | int | str] = {"pairs": problem.n_pairs}
    all_cols = np.arange(problem.n_pairs, dtype=np.int64)
    bound, best, keep = math.inf, None, all_cols
    if fixing and problem.n_pairs:
        t0 = time.perf_counter()
        if problem.n_pairs > cg_threshold:
            lp_status, x, bound, d, cg_stats = solve_lp_cg(problem, seed, cg_start)
            stats.update(cg_stats)
        else:
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
