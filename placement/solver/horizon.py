"""The multi-year model: who moves where in which year, each person at most once in the horizon.

Columns are *move* columns (person p takes post j at the start of year t) and *stay-through*
columns (holder h never moves: keeps the post until retirement or the horizon's end). Rows:

- person: Σ move[p,·,·] + stay[p] = 1 for holders (they always hold a post), ≤ 1 for the others;
- post j in year τ: the newcomers of years ≤ τ still active in τ, plus the holder of j if still
  active and not moved by τ (stay-through or a move in a later year), ≤ 1;
- caps: the incumbents of a group moving in year t ≤ allowed.

Each column's objective is its discounted value summed over the years it decides (see
placement.plan.horizon), so the model is an ordinary binary program. It is solved like the one-year
MIP: LP, a Lagrangian bound, reduced-cost fixing against the best known plan (the myopic plan),
then an exact MIP on the surviving columns. The myopic baseline solves the same rows year by year,
each step maximising only that year's value, with earlier moves fixed and no later moves.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import highspy
import numpy as np
from scipy import sparse

from placement.solver.highs_model import (
    HIGHS_INFEASIBLE,
    HIGHS_OK,
    FloatArray,
    Rows,
    lagrangian_bound,
    new_highs,
    pass_model,
    run_highs,
)
from placement.solver.problem import IntArray, SolveStatus


@dataclass
class HorizonModel:
    """Columns (moves and stay-throughs) with integer objective vectors and the row set."""

    n_years: int
    col_person: IntArray  # person row in the Dataset
    col_post: IntArray  # post row; -1 for stay-through columns
    col_year: IntArray  # year of the move; -1 for stay-through columns
    value: IntArray  # discounted value over the horizon (scaled integers)
    value_by_year: list[IntArray]  # per year: the column's value in that year alone (myopic)
    rows: Rows
    fixed: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def n_cols(self) -> int:
        return len(self.col_person)


@dataclass
class HorizonSolution:
    status: SolveStatus
    chosen: IntArray
    objective: int | None
    bound: float | None
    stats: dict[str, float | int | str]


def build_rows(
    n_years: int,
    col_person: IntArray,
    col_post: IntArray,
    col_year: IntArray,
    active: np.ndarray,
    holder_post: IntArray,
    is_holder: np.ndarray,
    n_posts: int,
    groups: list[tuple[IntArray, int]],
) -> Rows:
    """The rows of the module docstring.

    ``active[p, τ]``: person p still serves in year τ; ``holder_post[p]``: the post row p holds
    (-1 none); posts are 0..n_posts-1; ``groups``: (person rows, moves allowed per year)."""
    n_people = active.shape[0]
    n = len(col_person)
    cols = np.arange(n)
    move = col_year >= 0
    r_idx: list[IntArray] = [col_person]
    c_idx: list[IntArray] = [cols]
    lower = [np.where(is_holder, 1.0, -np.inf)]
    upper = [np.ones(n_people)]
    base = n_people
    for tau in range(n_years):
        # newcomers: moves into j in a year ≤ τ whose person still serves in τ
        hit = np.flatnonzero(move & (col_year <= tau) & active[col_person, tau])
        r_idx.append(base + tau * n_posts + col_post[hit])
        c_idx.append(hit)
        # the holder still in the original post: stay-through or a move after τ
        origin = holder_post[col_person]
        still = (~move | (col_year > tau)) & (origin >= 0) & active[col_person, tau]
        hit = np.flatnonzero(still)
        r_idx.append(base + tau * n_posts + origin[hit])
        c_idx.append(hit)
    lower.append(np.full(n_years * n_posts, -np.inf))
    upper.append(np.ones(n_years * n_posts))
    base += n_years * n_posts
    for g_i, (people, allowed) in enumerate(groups):
        for t in range(n_years):
            hit = np.flatnonzero(move & (col_year == t) & np.isin(col_person, people))
            r_idx.append(np.full(len(hit), base + g_i * n_years + t))
            c_idx.append(hit)
        lower.append(np.full(n_years, -np.inf))
        upper.append(np.full(n_years, float(allowed)))
    n_rows = base + len(groups) * n_years
    r = np.concatenate(r_idx)
    c = np.concatenate(c_idx)
    matrix = sparse.csc_matrix((np.ones(len(r)), (r, c)), shape=(n_rows, n))
    return Rows(matrix, np.concatenate(lower), np.concatenate(upper))


def _sub_rows(rows: Rows, cols: IntArray) -> Rows:
    return Rows(rows.matrix[:, cols].tocsc(), rows.lower, rows.upper)


def _mip(
    model: HorizonModel,
    cols: IntArray,
    objective: FloatArray,
    fixed: IntArray,
    time_limit: float | None,
    seed: int,
    hint: IntArray | None = None,
) -> tuple[str, IntArray, float]:
    """Binary program on ``cols``: (optimal|feasible|infeasible|none, chosen columns, bound)."""
    h = new_highs(time_limit, seed)
    lower = np.isin(cols, fixed).astype(np.float64)
    pass_model(h, objective[cols], _sub_rows(model.rows, cols), lower, integer=True)
    if hint is not None:
        start = highspy.HighsSolution()
        start.col_value = np.isin(cols, hint).astype(np.float64).tolist()
        start.value_valid = True
        h.setSolution(start)
    run_highs(h)
    status = h.getModelStatus()
    if status in HIGHS_INFEASIBLE:
        return "infeasible", np.zeros(0, dtype=np.int64), float("nan")
    info = h.getInfo()
    if info.primal_solution_status != 2:
        return "none", np.zeros(0, dtype=np.int64), float("nan")
    x = np.asarray(h.getSolution().col_value)
    chosen = np.sort(cols[x > 0.5]).astype(np.int64)
    return ("optimal" if status in HIGHS_OK else "feasible"), chosen, float(info.mip_dual_bound)


def _solve(
    model: HorizonModel,
    cols: IntArray,
    objective: FloatArray,
    fixed: IntArray,
    time_limit: float | None,
    seed: int,
    incumbent: IntArray | None = None,
) -> tuple[str, IntArray, float, dict[str, float | int | str]]:
    """Exact binary program on ``cols``: LP (done when integral), an incumbent from the MIP on the
    LP's support, reduced-cost fixing against the best incumbent, then the MIP on what is left.
    Returns (optimal|feasible|infeasible|none, chosen columns, bound, stats)."""
    start = time.perf_counter()
    stats: dict[str, float | int | str] = {"kolom": len(cols)}
    if len(cols) == 0:  # nobody can move and nobody holds a post
        kind = "infeasible" if (model.rows.lower > 0).any() else "optimal"
        return kind, np.zeros(0, dtype=np.int64), 0.0, stats
    lower = np.isin(cols, fixed).astype(np.float64)
    rows = _sub_rows(model.rows, cols)
    h = new_highs(time_limit, seed)
    pass_model(h, objective[cols], rows, lower, integer=False)
    run_highs(h)
    if h.getModelStatus() in HIGHS_INFEASIBLE:
        return "infeasible", np.zeros(0, dtype=np.int64), float("nan"), stats
    if h.getModelStatus() not in HIGHS_OK:
        return "none", np.zeros(0, dtype=np.int64), float("nan"), stats
    x = np.asarray(h.getSolution().col_value)
    y = np.asarray(h.getSolution().row_dual)
    b1, d1 = lagrangian_bound(objective[cols], rows, lower, y)
    b2, d2 = lagrangian_bound(objective[cols], rows, lower, -y)
    bound, d = (b1, d1) if b1 <= b2 else (b2, d2)
    stats["lp_detik"] = round(time.perf_counter() - start, 3)
    if np.all((x < 1e-6) | (x > 1 - 1e-6)):
        stats["lp_bulat"] = 1
        return "optimal", np.sort(cols[x > 0.5]).astype(np.int64), bound, stats
    support = cols[(x > 1e-6) | (d > -1e-6) | (lower > 0)]
    if incumbent is not None:
        support = np.union1d(support, incumbent)
    kind, found, _ = _mip(model, support, objective, fixed, time_limit, seed, incumbent)
    candidates = [
        c for c in (found if kind in ("optimal", "feasible") else None, incumbent) if c is not None
    ]
    best = max(candidates, key=lambda c: objective[c].sum()) if candidates else None
    keep = cols
    if best is not None:
        target = float(objective[best].sum())
        keep = cols[(bound + np.minimum(d, 0.0) >= target - 0.5) | (lower > 0)]
        keep = np.union1d(keep, best)
    stats["kolom_setelah_fiksasi"] = len(keep)
    kind, chosen, mip_bound = _mip(model, keep, objective, fixed, time_limit, seed, best)
    if kind == "none" and best is not None:
        kind, chosen, mip_bound = "feasible", np.sort(best), bound
    stats["detik"] = round(time.perf_counter() - start, 3)
    return kind, chosen, (mip_bound if kind == "feasible" else bound), stats


def solve_myopic(
    model: HorizonModel, time_limit: float | None = None, seed: int = 0
) -> HorizonSolution:
    """Year by year: each year's moves maximise that year's value, earlier moves fixed."""
    chosen = np.zeros(0, dtype=np.int64)
    stay = np.flatnonzero(model.col_year < 0)
    stats: dict[str, float | int | str] = {}
    for t in range(model.n_years):
        cols = np.unique(np.concatenate([chosen, stay, np.flatnonzero(model.col_year == t)]))
        fixed = np.union1d(chosen, model.fixed[model.col_year[model.fixed] == t])
        objective = model.value_by_year[t].astype(np.float64)
        kind, picked, _, step = _solve(model, cols, objective, fixed, time_limit, seed)
        stats[f"tahun_{t + 1}_detik"] = step.get("detik", step.get("lp_detik", 0.0))
        if kind in ("infeasible", "none"):
            status = SolveStatus.INFEASIBLE if kind == "infeasible" else SolveStatus.NO_PLAN
            return HorizonSolution(status, np.zeros(0, dtype=np.int64), None, None, stats)
        chosen = picked[model.col_year[picked] >= 0]
    final = np.union1d(chosen, _stay_through_of(model, chosen))
    return HorizonSolution(SolveStatus.FEASIBLE, final, int(model.value[final].sum()), None, stats)


def _stay_through_of(model: HorizonModel, moves: IntArray) -> IntArray:
    """Stay-through columns of the holders who do not move in ``moves``."""
    stay = np.flatnonzero(model.col_year < 0)
    moved = np.isin(model.col_person[stay], model.col_person[moves])
    return stay[~moved]


def solve_joint(
    model: HorizonModel,
    time_limit: float | None = None,
    seed: int = 0,
    incumbent: IntArray | None = None,
) -> HorizonSolution:
    """The multi-year optimum (``incumbent``: a known plan, e.g. the myopic one)."""
    cols = np.arange(model.n_cols, dtype=np.int64)
    objective = model.value.astype(np.float64)
    kind, chosen, bound, stats = _solve(
        model, cols, objective, model.fixed, time_limit, seed, incumbent
    )
    if kind in ("infeasible", "none"):
        status = SolveStatus.INFEASIBLE if kind == "infeasible" else SolveStatus.NO_PLAN
        return HorizonSolution(status, np.zeros(0, dtype=np.int64), None, None, stats)
    value = int(model.value[chosen].sum())
    status = SolveStatus.OPTIMAL if kind == "optimal" else SolveStatus.FEASIBLE
    return HorizonSolution(
        status, chosen, value, float(value) if kind == "optimal" else bound, stats
    )
