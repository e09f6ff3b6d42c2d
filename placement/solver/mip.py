"""Default backend with side constraints: LP relaxation → Lagrangian bound → reduced-cost fixing
against the best known plan → exact MIP on the survivors (highspy), in two lexicographic stages.

Fixing is exact: a pair e can only be in a plan of weight ≤ B + min(0, d_e) (B the Lagrangian
bound, d_e the reduced profit), so pairs with B + d_e < best − 0.5 are in no optimal plan (weights
are integers). It is recomputed for every model it is used on.
"""

from __future__ import annotations

import contextlib
import math
import time
from dataclasses import dataclass

import highspy
import numpy as np
import numpy.typing as npt

from placement.solver.flow import FlowNotApplicableError, solve_flow
from placement.solver.highs_model import (
    HIGHS_INFEASIBLE,
    HIGHS_OK,
    FloatArray,
    build_rows,
    clean_multipliers,
    lagrangian_bound,
    new_highs,
    pair_lagrangian_bound,
    pass_model,
    row_bounds,
    run_highs,
)
from placement.solver.problem import (
    INT64_SAFE,
    IntArray,
    Problem,
    Solution,
    SolveStatus,
    empty_chosen,
    make_solution,
)

Stats = dict[str, float | int | str]  # what a solve reports in Solution.stats


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


CG_THRESHOLD = 100_000  # above this many pairs the LP is solved by column generation
CG_START_PER_POST = 5  # initial columns: the best pairs of each post (and of each person)
CG_PRICE_PER_ROW = 10  # each pricing round adds the best priced pairs of each post and person
CG_PRICE_POOL = 50  # ... chosen among the pool of the 50 × rows best priced pairs
CG_PRIMAL_BELOW = 5_000  # re-solve with primal simplex after adding fewer columns than this
SUPPORT_BAND = 1.0  # the incumbent MIP first takes the pairs priced within one weight unit
ZERO = 1e-6  # reduced profits and multipliers below this in magnitude count as 0


def solve_lp(
    problem: Problem, cols: IntArray, seed: int
) -> tuple[str, FloatArray, float, FloatArray]:
    """LP relaxation on ``cols``: (status, x, Lagrangian bound, reduced profits)."""
    status, x, bound, d, _ = _solve_lp(problem, cols, seed)
    return status, x, bound, d


def _solve_lp(
    problem: Problem, cols: IntArray, seed: int
) -> tuple[str, FloatArray, float, FloatArray, FloatArray]:
    """As solve_lp, plus the cleaned row multipliers of the returned bound (its sign convention)."""
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
    y = y if b1 <= b2 else -y
    return (
        "optimal",
        x,
        *((b1, d1) if b1 <= b2 else (b2, d2)),
        clean_multipliers(y, rows.lower, rows.upper),
    )


def rank_in_group(ordered_key: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Position of each element within its run of equal keys (``ordered_key`` sorted)."""
    n = len(ordered_key)
    starts = np.flatnonzero(np.r_[True, ordered_key[1:] != ordered_key[:-1]]) if n else ordered_key
    return np.arange(n) - np.repeat(starts, np.diff(np.r_[starts, n]))


def top_per_key(key: IntArray, value: FloatArray | IntArray, cand: IntArray, k: int) -> IntArray:
    """The ``k`` candidates with the largest ``value`` for each ``key`` (ties: lower index first)."""
    if not len(cand):
        return cand
    order = np.lexsort((cand, -value[cand], key[cand]))
    return cand[order[rank_in_group(key[cand][order]) < k]]


def mark_top(keep: npt.NDArray[np.bool_], key: IntArray, n_keys: int, w: IntArray, k: int) -> None:
    """Set ``keep`` on the ``k`` pairs of largest weight of each key (ties: lower index first)."""
    n = len(key)
    w_max = int(w.max())
    span = w_max - int(w.min()) + 1
    if n_keys * span * n < INT64_SAFE:  # one int64 sort of (key, −weight, index) packed
        packed = key * span
        packed += w_max
        packed -= w
        packed *= n
        packed += np.arange(n, dtype=np.int64)
        packed.sort()
        order = packed % n
        packed //= span * n  # the keys, in order
        keep[order[rank_in_group(packed) < k]] = True
    else:
        order = np.lexsort((-w, key))
        keep[order[rank_in_group(key[order]) < k]] = True


def _start_columns(problem: Problem, per_key: int) -> IntArray:
    """Stays, fixed pairs and the best pairs of every post and of every person."""
    keep = problem.stay.copy()
    keep[problem.fixed] = True
    if problem.n_pairs:
        mark_top(keep, problem.pair_post, problem.n_posts, problem.weight, per_key)
        mark_top(keep, problem.pair_person, problem.n_people, problem.weight, per_key)
    return np.flatnonzero(keep).astype(np.int64)


def _priced_in(problem: Problem, new: IntArray, d: FloatArray, per_row: int) -> IntArray:
    """Which of the positively priced pairs ``new`` to add: the best ``per_row`` of each post and
    of each person among the pool of the best ones."""
    pool = CG_PRICE_POOL * (problem.n_people + problem.n_posts)
    if len(new) > pool:
        new = np.sort(new[np.argpartition(-d[new], pool)[:pool]])
    return np.union1d(
        top_per_key(problem.pair_post, d, new, per_row),
        top_per_key(problem.pair_person, d, new, per_row),
    )


def solve_lp_cg(
    problem: Problem, seed: int, start_per_post: int = CG_START_PER_POST, max_rounds: int = 100
) -> tuple[str, FloatArray, float, FloatArray, dict[str, float | int | str]]:
    """The LP over all pairs by column generation: solve on a subset, price every pair against
    the duals (vectorised), add those with positive reduced profit, repeat. The final pricing pass
    over all pairs finds nothing to add, so its Lagrangian bound is the LP bound of the full model
    (the optimality proof). Returns x, bound and reduced profits over all pairs."""
    status, x, bound, d, _, stats = solve_lp_cg_duals(problem, seed, start_per_post, max_rounds)
    return status, x, bound, d, stats


def solve_lp_cg_duals(
    problem: Problem, seed: int, start_per_post: int = CG_START_PER_POST, max_rounds: int = 100
) -> tuple[str, FloatArray, float, FloatArray, FloatArray, dict[str, float | int | str]]:
    """As solve_lp_cg, plus the cleaned row multipliers of the bound.

    One HiGHS instance takes the added columns. After adding a few, the round re-solves warm
    with primal simplex (dual simplex needs many iterations to repair the dual infeasibility of
    even a handful of new columns); after adding many, it solves afresh with dual simplex
    (repairing thousands of new columns from the old basis took about twice as long as a
    fresh solve: kabupaten-dasar 0.53 → 0.29 s). Pricing gathers the row multipliers per pair;
    no constraint matrix over all pairs is built."""
    cols = _start_columns(problem, start_per_post)
    stats: dict[str, float | int | str] = {"cg_start_columns": len(cols)}
    h = new_highs(None, seed)
    pass_model(
        h,
        problem.weight[cols].astype(np.float64),
        build_rows(problem, cols),
        _col_lower(problem, cols),
        integer=False,
    )
    added = len(cols)
    in_cols = np.zeros(problem.n_pairs, dtype=bool)
    in_cols[cols] = True
    simplex_seconds = 0.0
    for round_no in range(1, max_rounds + 1):
        if added < CG_PRIMAL_BELOW:
            h.setOptionValue("simplex_strategy", 4)
        else:
            h.setOptionValue("simplex_strategy", 1)
            h.clearSolver()  # a fresh solve: the old basis is no help for thousands of columns
        t = time.perf_counter()
        run_highs(h)
        simplex_seconds += time.perf_counter() - t
        stats["cg_simplex_seconds"] = round(simplex_seconds, 3)
        if (
            h.getModelStatus() not in HIGHS_OK
        ):  # the subset may be infeasible where the full model is not
            stats["cg_fallback"] = str(h.getModelStatus())
            all_cols = np.arange(problem.n_pairs, dtype=np.int64)
            s2, x2, b2, d2, y2 = _solve_lp(problem, all_cols, seed)
            return s2, x2, b2, d2, y2, stats
        sol = h.getSolution()
        y = np.asarray(sol.row_dual)
        b_plus, _, _ = pair_lagrangian_bound(problem, y, cols)
        b_minus, _, _ = pair_lagrangian_bound(problem, -y, cols)
        bound, d, y = pair_lagrangian_bound(problem, y if b_plus <= b_minus else -y)
        new = np.flatnonzero((d > ZERO) & ~in_cols)
        stats["cg_rounds"] = round_no
        if len(new) == 0:
            x_all = np.zeros(problem.n_pairs)
            x_all[cols] = np.asarray(sol.col_value)
            stats["cg_final_columns"] = len(cols)
            stats["cg_final_pricing_added"] = 0
            return "optimal", x_all, bound, d, y, stats
        new = _priced_in(problem, new, d, CG_PRICE_PER_ROW)
        m = build_rows(problem, new).matrix
        h.addCols(
            len(new),
            problem.weight[new].astype(np.float64),
            _col_lower(problem, new),
            np.ones(len(new)),
            m.nnz,
            m.indptr[:-1].astype(np.int32),
            m.indices.astype(np.int32),
            m.data,
        )
        cols = np.concatenate([cols, new])  # HiGHS column order
        in_cols[new] = True
        added = len(new)
    stats["cg_fallback"] = "rounds"
    all_cols = np.arange(problem.n_pairs, dtype=np.int64)
    s2, x2, b2, d2, y2 = _solve_lp(problem, all_cols, seed)
    return s2, x2, b2, d2, y2, stats


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


def _optimal_face(
    problem: Problem, y: FloatArray, d: FloatArray, bound: float, w_star: int
) -> tuple[IntArray, FloatArray, FloatArray, FloatArray] | None:
    """The plans of weight ≥ ``w_star`` as linear equalities, when the LP proof allows it.

    For any plan x: weight(x) = bound − [Σ_{d_e>0} d_e(1 − x_e) + Σ_{d_e<0} −d_e·x_e +
    Σ_r |y_r|·slack_r(x)] (fixed pairs aside, y the cleaned multipliers of ``bound``), every term
    ≥ 0 and, for an integral plan, slack_r an integer. When bound − w_star is below every nonzero
    coefficient, a plan of weight ≥ w_star has all those terms 0: it uses no pair with d_e < 0,
    every pair with d_e > 0, and every row with y_r ≠ 0 is tight. Returns (columns, column lower
    bounds, row lower, row upper) of that restriction, or None when the gap is too large."""
    coefs = np.concatenate([np.abs(d[np.abs(d) > ZERO]), np.abs(y[np.abs(y) > ZERO])])
    gap = bound - w_star
    if len(coefs) and gap >= float(coefs.min()) - 1e-4:
        return None
    fixed = np.zeros(problem.n_pairs, dtype=bool)
    fixed[problem.fixed] = True
    cols = np.flatnonzero((d >= -ZERO) | fixed).astype(np.int64)
    col_lower = ((d[cols] > ZERO) | fixed[cols]).astype(np.float64)
    row_lower, row_upper = row_bounds(problem)
    row_lower = np.where(y > ZERO, row_upper, row_lower)
    row_upper = np.where(y < -ZERO, row_lower, row_upper)
    return cols, col_lower, row_lower, row_upper


def _run_face_mip(
    problem: Problem,
    face: tuple[IntArray, FloatArray, FloatArray, FloatArray],
    clock: _Clock,
    seed: int,
    hint: IntArray,
) -> tuple[str, IntArray]:
    """The tie-break MIP over the optimal face (see _optimal_face)."""
    cols, col_lower, row_lower, row_upper = face
    rows = build_rows(problem, cols)
    rows.lower, rows.upper = row_lower, row_upper
    h = new_highs(clock.left(), seed)
    pass_model(h, problem.tiebreak[cols].astype(np.float64), rows, col_lower, integer=True)
    if len(np.setdiff1d(hint, cols)) == 0:
        h.setSolution(_solution(np.isin(cols, hint).astype(np.float64)))
    run_highs(h)
    if h.getModelStatus() not in HIGHS_OK or h.getInfo().primal_solution_status != 2:
        return "none", empty_chosen()
    x = np.asarray(h.getSolution().col_value)
    return "optimal", np.sort(cols[x > 0.5]).astype(np.int64)


def _run_face_flow(
    problem: Problem, face: tuple[IntArray, FloatArray, FloatArray, FloatArray]
) -> tuple[str, IntArray]:
    """The tie-break over the optimal face of a model without side rows, as a min-cost flow:
    the face is an assignment model again (tight rows must be covered, pairs of positive
    reduced profit are fixed) whose weight is the tie-break, so it fits int64 where the
    lexicographic flow does not (nasional: weight × tie-break factor overflows)."""
    cols, col_lower, row_lower, _ = face
    P, J = problem.n_people, problem.n_posts
    on_face = Problem(
        n_people=P,
        n_posts=J,
        pair_person=problem.pair_person[cols],
        pair_post=problem.pair_post[cols],
        weight=problem.tiebreak[cols],
        tiebreak=np.zeros(len(cols), dtype=np.int64),
        stay=problem.stay[cols],
        must_assign=row_lower[:P] >= 1,
        must_fill=row_lower[P : P + J] >= 1,
        fixed=np.flatnonzero(col_lower >= 1).astype(np.int64),
    )
    solution = solve_flow(on_face)
    if solution.status is not SolveStatus.OPTIMAL:
        return "none", empty_chosen()
    return "optimal", np.sort(cols[solution.chosen]).astype(np.int64)


def solve_mip(
    problem: Problem,
    time_limit: float | None = None,
    seed: int = 0,
    fixing: bool = True,
    hint: IntArray | None = None,
    cg_threshold: int = CG_THRESHOLD,
    cg_start: int = CG_START_PER_POST,
    duals: FloatArray | None = None,
) -> Solution:
    """Exact solve: LP + reduced-cost fixing + two-stage MIP on the surviving pairs.

    ``fixing=False`` skips the LP: one MIP on all pairs (a benchmark baseline). ``hint``: pair ids
    of a plan to start from (e.g. the previous frontier point); the incumbent when it is feasible
    and better than the LP's. Above ``cg_threshold`` pairs the LP is solved by column generation
    from the ``cg_start`` best pairs of each post and person; not at all with ``duals``
    (multipliers of an LP optimum found elsewhere, see _lp_phase).

    When the LP gives a plan whose weight is within one unit of the LP bound, that plan is the
    weight optimum (weights are integers) and the weight MIP is skipped. The tie-break stage then
    runs on the optimal face (see _optimal_face) when the LP proof allows, else on the fixed pairs
    with a row "weight ≥ optimum".
    """
    clock = _Clock(time_limit)
    stats: Stats = {"pairs": problem.n_pairs}
    all_cols = np.arange(problem.n_pairs, dtype=np.int64)
    lp = _Lp(math.inf, np.zeros(0), np.zeros(0))
    best, keep = None, all_cols
    if fixing and problem.n_pairs:
        solved = _lp_phase(problem, all_cols, seed, cg_threshold, cg_start, duals, stats)
        if isinstance(solved, Solution):
            return solved
        lp, x = solved
        best = _incumbent(problem, x, lp, all_cols, hint, clock, seed, stats)
        if best is not None:
            keep = _fixed_pairs(problem, all_cols, lp, best)
    stats["pairs_after_fixing"] = len(keep)
    t1 = time.perf_counter()
    kind, chosen, mip_bound = _weight_stage(problem, keep, best, lp.bound, clock, seed, stats)
    stats["mip1_seconds"] = time.perf_counter() - t1
    if kind == "infeasible":
        return Solution(SolveStatus.INFEASIBLE, empty_chosen(), backend="mip", stats=stats)
    if kind == "none":
        status = SolveStatus.NO_PLAN if best is None else SolveStatus.FEASIBLE
        chosen = best if best is not None else empty_chosen()
        return make_solution(problem, status, chosen, lp.bound, "mip", stats)
    if kind == "feasible":
        bound = min(lp.bound, mip_bound)
        return make_solution(problem, SolveStatus.FEASIBLE, chosen, bound, "mip", stats)
    return _tiebreak_stage(problem, keep, chosen, lp, clock, seed, stats)


@dataclass(frozen=True)
class _Lp:
    """What the LP proves: its bound and, per pair, the reduced profit ``d``; the duals ``y``."""

    bound: float
    d: FloatArray
    y: FloatArray


def _lp_phase(
    problem: Problem,
    all_cols: IntArray,
    seed: int,
    cg_threshold: int,
    cg_start: int,
    duals: FloatArray | None,
    stats: Stats,
) -> tuple[_Lp, FloatArray | None] | Solution:
    """Phase 1: the LP relaxation (by column generation on large models): bound, reduced
    profits, duals and the LP solution; a Solution when the LP already decides (no plan).

    Given ``duals`` (rows of build_rows; e.g. workflow/pricing.py's column generation proved
    them optimal), the LP is not solved: bound and reduced profits are recomputed from them
    (a valid bound whatever they are) and there is no LP solution (the hint is the incumbent)."""
    if duals is not None:
        bound, d, y = pair_lagrangian_bound(problem, duals)
        stats.update(lp_given=1, lp_bound=bound + problem.offset)
        return _Lp(bound, d, y), None
    t0 = time.perf_counter()
    if problem.n_pairs > cg_threshold:
        lp_status, x, bound, d, y, cg_stats = solve_lp_cg_duals(problem, seed, cg_start)
        stats.update(cg_stats)
    else:
        lp_status, x, bound, d, y = _solve_lp(problem, all_cols, seed)
    stats["lp_seconds"] = time.perf_counter() - t0
    if lp_status == "infeasible":
        return Solution(SolveStatus.INFEASIBLE, empty_chosen(), backend="mip", stats=stats)
    if lp_status != "optimal":
        return Solution(SolveStatus.NO_PLAN, empty_chosen(), backend="mip", stats=stats)
    stats["lp_bound"] = bound + problem.offset
    return _Lp(bound, d, y), x


def _incumbent(
    problem: Problem,
    x: FloatArray | None,
    lp: _Lp,
    all_cols: IntArray,
    hint: IntArray | None,
    clock: _Clock,
    seed: int,
    stats: Stats,
) -> IntArray | None:
    """Phase 2: the best plan known before the MIP: the LP's own when integral, the hint when
    feasible and better, else a MIP on the LP's support (None when there is none)."""
    best = None if x is None else _best_known(problem, x, all_cols)
    if x is not None:
        stats["lp_integral"] = int(best is not None)
    usable = hint is not None and not problem.violations(hint)
    if usable and (best is None or problem.weight[hint].sum() > problem.weight[best].sum()):
        best = np.sort(np.asarray(hint)).astype(np.int64)
        stats["hint_used"] = 1
    fixed = np.isin(all_cols, problem.fixed)
    # Cheap incumbent: the MIP on the pairs the LP prices (almost) tight, which hold its
    # solution; only when those admit no plan, on the wider band of one weight deviation.
    for band in (SUPPORT_BAND, problem.weight.std() + SUPPORT_BAND):
        if best is not None:
            break
        support = all_cols[(lp.d > -band) | fixed]
        kind, cand, _ = _run_mip(
            problem, support, problem.weight[support].astype(float), clock, seed
        )
        best = cand if kind in ("optimal", "feasible") else None
        stats["incumbent_pairs"] = len(support)
    return best


def _fixed_pairs(problem: Problem, all_cols: IntArray, lp: _Lp, best: IntArray) -> IntArray:
    """Phase 3, reduced-cost fixing: the pairs that can still be in a plan at least as good as
    ``best`` (LP bound + reduced profit ≥ its weight), and the fixed ones."""
    best_w = int(problem.weight[best].sum())
    return all_cols[
        (lp.bound + np.minimum(lp.d, 0.0) >= best_w - 0.5) | np.isin(all_cols, problem.fixed)
    ]


def _weight_stage(
    problem: Problem,
    keep: IntArray,
    best: IntArray | None,
    bound: float,
    clock: _Clock,
    seed: int,
    stats: Stats,
) -> tuple[str, IntArray, float]:
    """Phase 4: the weight MIP on the surviving pairs, skipped when ``best`` is within one unit
    of the LP bound (weights are integers, so it is the weight optimum)."""
    if best is not None and int(problem.weight[best].sum()) + 1 > bound + 1e-4:
        stats["mip1_skipped"] = 1
        return "optimal", best, bound
    return _run_mip(problem, keep, problem.weight[keep].astype(float), clock, seed, hint=best)


def _tiebreak_stage(
    problem: Problem,
    keep: IntArray,
    chosen: IntArray,
    lp: _Lp,
    clock: _Clock,
    seed: int,
    stats: Stats,
) -> Solution:
    """Phase 5: the deterministic tie-break among weight-optimal plans, on the optimal face when
    the LP proof allows, else on the fixed pairs with a row "weight ≥ optimum"."""
    w_star = int(problem.weight[chosen].sum())
    t2 = time.perf_counter()
    face = _optimal_face(problem, lp.y, lp.d, lp.bound, w_star) if len(lp.y) else None
    if face is not None:
        stats["tiebreak_face_pairs"] = len(face[0])
        stats["tiebreak_face_solver"] = "mip"
        if not problem.has_side_constraints:
            with contextlib.suppress(FlowNotApplicableError):
                kind2, chosen2 = _run_face_flow(problem, face)
                stats["tiebreak_face_solver"] = "flow"
        if stats["tiebreak_face_solver"] == "mip":
            kind2, chosen2 = _run_face_mip(problem, face, clock, seed, chosen)
        if kind2 == "optimal" and int(problem.weight[chosen2].sum()) == w_star:
            stats["mip2_seconds"] = time.perf_counter() - t2
            return make_solution(problem, SolveStatus.OPTIMAL, chosen2, float(w_star), "mip", stats)
        stats["tiebreak_face"] = "fallback"
    kind2, chosen2, _ = _run_mip(
        problem,
        keep,
        problem.tiebreak[keep].astype(float),
        clock,
        seed,
        min_weight=w_star,
        hint=chosen,
    )
    stats["mip2_seconds"] = time.perf_counter() - t2
    if kind2 == "optimal" and int(problem.weight[chosen2].sum()) == w_star:
        return make_solution(problem, SolveStatus.OPTIMAL, chosen2, float(w_star), "mip", stats)
    # Tie-break stage did not finish: the weight optimum is proven, the tie-break is not.
    stats["tiebreak"] = "not proven"
    return make_solution(problem, SolveStatus.OPTIMAL, chosen, float(w_star), "mip", stats)
