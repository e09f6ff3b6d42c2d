"""Building and solving the assignment model with highspy (LP relaxation and MIP).

Only this module and the backends import highspy. Duals are never trusted blindly: the bound
used for reduced-cost fixing is a Lagrangian bound recomputed here from the row multipliers,
valid for any multipliers whatever the solver's sign convention.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import highspy
import numpy as np
import numpy.typing as npt
from scipy import sparse

from placement.solver.problem import IntArray, Problem

FloatArray = npt.NDArray[np.float64]
INF = highspy.kHighsInf


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """HiGHS prints a banner from C++ when constructed; keep the CLI output clean."""
    saved = os.dup(1)
    try:
        with Path(os.devnull).open("w") as devnull:
            os.dup2(devnull.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def new_highs(time_limit: float | None, seed: int) -> highspy.Highs:
    with _quiet_stdout():
        h = highspy.Highs()  # type: ignore[no-untyped-call]
    h.setOptionValue("output_flag", False)
    h.setOptionValue("random_seed", int(seed))
    h.setOptionValue("threads", 1)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.99)  # objective is integral: a gap below 1 proves optimality
    if time_limit is not None:
        h.setOptionValue("time_limit", float(max(time_limit, 0.01)))
    return h


HIGHS_OK = {highspy.HighsModelStatus.kOptimal}
HIGHS_INFEASIBLE = {
    highspy.HighsModelStatus.kInfeasible,
    highspy.HighsModelStatus.kUnboundedOrInfeasible,
}


def run_highs(h: highspy.Highs) -> None:
    """``h.run()``, never failing silently: HiGHS refuses to run when another Highs object in this
    process (PuLP's, a notebook's) started its thread scheduler with another thread count; the
    scheduler is then reset and the run repeated. Any other error is raised."""
    if h.run() == highspy.HighsStatus.kError:
        highspy.Highs.resetGlobalScheduler(True)
        if h.run() == highspy.HighsStatus.kError:
            raise RuntimeError(f"HiGHS failed: model status {h.getModelStatus()}")


@dataclass
class Rows:
    """Constraint matrix over a subset of pairs (columns), with row bounds."""

    matrix: sparse.csc_matrix
    lower: FloatArray
    upper: FloatArray


def row_bounds(problem: Problem) -> tuple[FloatArray, FloatArray]:
    """Lower and upper bounds of the rows of :func:`build_rows` (the same for any column subset)."""
    groups = [float(g.min_stay) for g in problem.stay_groups]
    tiers = [float(r.lower) for r in problem.min_rows]
    lower = np.concatenate(
        [
            np.where(problem.must_assign, 1.0, -INF),
            np.where(problem.must_fill, 1.0, -INF),
            groups,
            tiers,
        ]
    )
    upper = np.concatenate(
        [np.ones(problem.n_people + problem.n_posts), np.full(len(groups) + len(tiers), INF)]
    )
    return lower, upper


def pair_reduced_profits(
    problem: Problem, y: FloatArray, cols: IntArray | None = None
) -> FloatArray:
    """d = c − Aᵀy for the pairs ``cols`` (all pairs when None), y over the rows of
    :func:`build_rows`, computed by gathering row multipliers (no constraint matrix)."""
    P, J = problem.n_people, problem.n_posts
    person = problem.pair_person if cols is None else problem.pair_person[cols]
    post = problem.pair_post if cols is None else problem.pair_post[cols]
    d = (
        problem.weight.astype(np.float64)
        if cols is None
        else problem.weight[cols].astype(np.float64)
    )
    d -= y[:P][person]
    d -= y[P : P + J][post]
    if problem.stay_groups:
        per_person = np.zeros(P)
        for g_i, g in enumerate(problem.stay_groups):
            np.add.at(per_person, g.people, y[P + J + g_i])
        stays = np.flatnonzero(problem.stay if cols is None else problem.stay[cols])
        d[stays] -= per_person[person[stays]]
    base = P + J + len(problem.stay_groups)
    for r_i, r in enumerate(problem.min_rows):
        d -= y[base + r_i] * (r.coef if cols is None else r.coef[cols]).astype(np.float64)
    return d


def clean_multipliers(y: FloatArray, lower: FloatArray, upper: FloatArray) -> FloatArray:
    """``y`` with the multipliers whose needed row bound is infinite set to 0 (see lagrangian_bound)."""
    y = y.copy()
    y[(y > 0) & ~np.isfinite(upper)] = 0.0
    y[(y < 0) & ~np.isfinite(lower)] = 0.0
    return y


def pair_lagrangian_bound(
    problem: Problem, y: FloatArray, cols: IntArray | None = None
) -> tuple[float, FloatArray, FloatArray]:
    """:func:`lagrangian_bound` of the model restricted to ``cols`` (all pairs when None; column
    lower bound 1 for the fixed pairs, else 0), without building the constraint matrix. Returns
    the bound, the reduced profits and the cleaned y."""
    lower, upper = row_bounds(problem)
    y = clean_multipliers(y, lower, upper)
    up = np.where(np.isfinite(upper), upper, 0.0)
    lo = np.where(np.isfinite(lower), lower, 0.0)
    row_part = float(np.where(y > 0, y * up, y * lo).sum())
    d = pair_reduced_profits(problem, y, cols)
    fixed = problem.fixed if cols is None else np.flatnonzero(np.isin(cols, problem.fixed))
    # Σ_e max(d_e·1, d_e·lb_e): max(d_e, 0) for free pairs, d_e for fixed ones.
    col_part = float(d[d > 0].sum()) + float(np.minimum(d[np.unique(fixed)], 0.0).sum())
    return row_part + col_part, d, y


def build_rows(problem: Problem, cols: IntArray) -> Rows:
    """Person rows, post rows and stay-group rows for the pairs ``cols``."""
    P, J = problem.n_people, problem.n_posts
    n = len(cols)
    r_person = problem.pair_person[cols]
    r_post = P + problem.pair_post[cols]
    row_idx = [r_person, r_post]
    col_idx = [np.arange(n), np.arange(n)]
    values: list[FloatArray] = [np.ones(n), np.ones(n)]
    lower = [np.where(problem.must_assign, 1.0, -INF), np.where(problem.must_fill, 1.0, -INF)]
    upper = [np.ones(P), np.ones(J)]
    stay_cols = np.flatnonzero(problem.stay[cols])
    stay_person = problem.pair_person[cols][stay_cols]
    for g_i, g in enumerate(problem.stay_groups):
        hit = stay_cols[np.isin(stay_person, g.people)]
        row_idx.append(np.full(len(hit), P + J + g_i))
        col_idx.append(hit)
        values.append(np.ones(len(hit)))
        lower.append(np.array([float(g.min_stay)]))
        upper.append(np.array([INF]))
    base = P + J + len(problem.stay_groups)
    for r_i, r in enumerate(problem.min_rows):
        nz = np.flatnonzero(r.coef[cols])
        row_idx.append(np.full(len(nz), base + r_i))
        col_idx.append(nz)
        values.append(r.coef[cols][nz].astype(np.float64))
        lower.append(np.array([float(r.lower)]))
        upper.append(np.array([INF]))
    n_rows = base + len(problem.min_rows)
    rows = np.concatenate(row_idx)
    colsi = np.concatenate(col_idx)
    matrix = sparse.csc_matrix((np.concatenate(values), (rows, colsi)), shape=(n_rows, n))
    return Rows(matrix, np.concatenate(lower), np.concatenate(upper))


def pass_model(
    h: highspy.Highs,
    objective: FloatArray,
    rows: Rows,
    col_lower: FloatArray,
    integer: bool,
) -> None:
    lp = highspy.HighsLp()
    n = len(objective)
    lp.num_col_ = n
    lp.num_row_ = rows.matrix.shape[0]
    lp.col_cost_ = objective.astype(np.float64)
    lp.col_lower_ = col_lower
    lp.col_upper_ = np.ones(n)
    lp.row_lower_ = rows.lower
    lp.row_upper_ = rows.upper
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = rows.matrix.indptr.astype(np.int32)
    lp.a_matrix_.index_ = rows.matrix.indices.astype(np.int32)
    lp.a_matrix_.value_ = rows.matrix.data.astype(np.float64)
    if integer:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    h.passModel(lp)


def lagrangian_bound(
    objective: FloatArray, rows: Rows, col_lower: FloatArray, y: FloatArray
) -> tuple[float, FloatArray]:
    """Upper bound max c·x ≤ Σ_r y_r·(u_r or l_r) + Σ_e max(d_e·ub, d_e·lb), d = c − Aᵀy.

    Valid for any multipliers y (those whose needed row bound is infinite are set to 0).
    Returns the bound and the reduced profits d.
    """
    y = y.copy()
    y[(y > 0) & ~np.isfinite(rows.upper)] = 0.0
    y[(y < 0) & ~np.isfinite(rows.lower)] = 0.0
    upper = np.where(np.isfinite(rows.upper), rows.upper, 0.0)
    lower = np.where(np.isfinite(rows.lower), rows.lower, 0.0)
    row_part = float(np.where(y > 0, y * upper, y * lower).sum())
    d = objective - rows.matrix.T @ y
    col_part = float(np.where(d > 0, d, d * col_lower).sum())
    return row_part + col_part, np.asarray(d, dtype=np.float64)
