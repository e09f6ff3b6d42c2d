"""The LP relaxation of a model whose columns arrive later: column generation priced outside the
Problem (workflow/pricing.py prices a store of pairs too large to be a Problem).

The rows are the Problem's (people, posts, stay groups); added columns are move pairs (a person
row and a post row, no stay-group or tier coefficient), warm-started as in
:func:`placement.solver.mip.solve_lp_cg_duals`.
"""

from __future__ import annotations

import numpy as np

from placement.solver.highs_model import (
    HIGHS_OK,
    INF,
    FloatArray,
    build_rows,
    new_highs,
    pair_lagrangian_bound,
    pass_model,
    row_bounds,
    run_highs,
)
from placement.solver.mip import CG_PRIMAL_BELOW
from placement.solver.problem import IntArray, Problem


class GrowingLp:
    """The LP of ``problem`` plus the move columns added by :meth:`add` (local ids)."""

    def __init__(self, problem: Problem, seed: int) -> None:
        if problem.min_rows:
            raise ValueError("tier rows need every column's coefficient: not supported here")
        self.problem = problem
        self.h = new_highs(None, seed)
        lower = np.zeros(problem.n_pairs)
        lower[np.unique(problem.fixed)] = 1.0
        cols = np.arange(problem.n_pairs, dtype=np.int64)
        rows = build_rows(problem, cols)
        pass_model(self.h, problem.weight.astype(np.float64), rows, lower, integer=False)
        self.person = np.zeros(0, dtype=np.int64)
        self.post = np.zeros(0, dtype=np.int64)
        self.weight = np.zeros(0)
        self._move_cols = np.zeros(0, dtype=np.int64)  # HiGHS column of each added move column
        self._artificial = np.zeros(0, dtype=np.int64)  # HiGHS columns added by relax
        self._last_added = problem.n_pairs
        self.relaxed = False

    def relax(self, penalty: float) -> None:
        """Make the LP feasible whatever the columns: one artificial column of cost −``penalty``
        per row with a lower bound (people who must be placed, posts that must be filled, move
        caps). Its multipliers then price in the pairs that repair the rows; the Lagrangian
        bound ignores these columns, so it stays a bound of the model itself."""
        lower, _ = row_bounds(self.problem)
        rows = np.flatnonzero(np.isfinite(lower) & (lower > 0)).astype(np.int32)
        n = len(rows)
        self.relaxed = True
        if not n:
            return
        self._artificial = self.h.getNumCol() + np.arange(n, dtype=np.int64)
        self.h.addCols(
            n,
            np.full(n, -float(penalty)),
            np.zeros(n),
            np.full(n, INF),
            n,
            np.arange(n, dtype=np.int32),
            rows,
            np.ones(n),
        )
        self._last_added = n

    def add(self, person: IntArray, post: IntArray, weight: FloatArray) -> None:
        """Move columns (local person, local post, weight) at bounds [0, 1]."""
        n, P = len(person), self.problem.n_people
        if not n:
            return
        index = np.empty(2 * n, dtype=np.int32)
        index[0::2] = np.minimum(person, P + post)
        index[1::2] = np.maximum(person, P + post)
        self._move_cols = np.concatenate(
            [self._move_cols, self.h.getNumCol() + np.arange(n, dtype=np.int64)]
        )
        self.h.addCols(
            n,
            weight.astype(np.float64),
            np.zeros(n),
            np.ones(n),
            2 * n,
            np.arange(0, 2 * n, 2, dtype=np.int32),
            index,
            np.ones(2 * n),
        )
        self.person = np.concatenate([self.person, person])
        self.post = np.concatenate([self.post, post])
        self.weight = np.concatenate([self.weight, weight.astype(np.float64)])
        self._last_added = n

    def optimise(self) -> tuple[bool, FloatArray, float]:
        """(solved, row multipliers y, Lagrangian bound of all columns so far). y is cleaned and
        of the sign convention that gives the tighter bound (see highs_model)."""
        h = self.h
        if self._last_added < CG_PRIMAL_BELOW:
            h.setOptionValue("simplex_strategy", 4)
        else:
            h.setOptionValue("simplex_strategy", 1)
            h.clearSolver()
        run_highs(h)
        if h.getModelStatus() not in HIGHS_OK:
            return False, np.zeros(0), float("nan")
        y = np.asarray(h.getSolution().row_dual)
        best: tuple[float, FloatArray] | None = None
        for signed in (y, -y):
            bound, _, clean = pair_lagrangian_bound(self.problem, signed)
            d = self.weight - clean[self.person] - clean[self.problem.n_people + self.post]
            bound += float(d[d > 0].sum())
            if best is None or bound < best[0]:
                best = (bound, clean)
        assert best is not None
        return True, best[1], best[0]

    def integral_plan(self) -> tuple[IntArray, IntArray] | None:
        """The last LP solution as a plan when it is integral and uses no artificial column:
        (pair ids of ``problem`` chosen, positions of the added move columns chosen); else None.
        Without move caps the LP of an assignment model has an integral optimum (basic
        solutions of a bipartite matching polytope are integral)."""
        x = np.asarray(self.h.getSolution().col_value)
        if len(x) != self.h.getNumCol() or not np.all((x < 1e-6) | (x > 1 - 1e-6)):
            return None
        if (x[self._artificial] > 0.5).any():
            return None
        n = self.problem.n_pairs
        return np.flatnonzero(x[:n] > 0.5), np.flatnonzero(x[self._move_cols] > 0.5)
