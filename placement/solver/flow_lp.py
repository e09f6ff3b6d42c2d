"""The LP of an assignment model without side rows, solved as a min-cost flow: the column
generation of workflow/pricing.py on models without move caps or tiers.

Without stay-group or tier rows the LP relaxation is a bipartite matching polytope: its optimum
is the integral plan of a min-cost flow on the weights alone (OR-Tools, seconds where HiGHS's
dual simplex took minutes on the nasional pool's 3 million degenerate columns). The row
multipliers come from complementary slackness with that plan (see :func:`assignment_duals`); the
Lagrangian bound they give is checked to equal the plan's weight, which proves both optimal.
"""

from __future__ import annotations

import numpy as np

from placement.solver.flow import solve_flow
from placement.solver.highs_model import FloatArray, pair_lagrangian_bound
from placement.solver.problem import IntArray, Problem, SolveStatus

MAX_SWEEPS = 5_000  # fixed-point sweeps before the duals are given up (then HiGHS takes over)


def assignment_duals(problem: Problem, chosen: IntArray) -> FloatArray | None:
    """Row multipliers (rows of build_rows) of an optimal plan ``chosen`` of a model without side
    rows, or None when the fixed point does not settle within MAX_SWEEPS.

    Complementary slackness with the plan: a placed person's multiplier is the pair's weight
    minus its post's (y_p = w_pj − v_j), an unplaced optional person's is 0, and every pair
    needs y_q + v_j ≥ w_qj. So v_j ≥ max over the post's pairs of (w_qj − y_q), and v_j ≥ 0
    unless the post must be filled (then v_j is free; a floor below any vertex's multiplier,
    −(rows + 1)·(max|w| + 1), keeps the least v finite). The least v meeting these is reached
    by sweeping v ← max(floor, max_q (w_qj − y_q(v))) from the floor: a longest-path fixed point
    over alternating paths, monotone, settled after at most as many sweeps as the longest path
    has pairs when the plan is optimal, climbing for ever along a gaining cycle when not.

    A fixed pair's reduced profit is free (its column's bound is 1), and y_p, v_j cancel in the
    bound: its person takes no part in the sweep and gets the least y_p its other pairs allow."""
    P = problem.n_people
    fixed = np.zeros(P, dtype=bool)
    fixed[problem.pair_person[problem.fixed]] = True
    mates = chosen[~fixed[problem.pair_person[chosen]]]
    placed = np.zeros(P, dtype=bool)
    placed[problem.pair_person[mates]] = True
    mate_post = np.zeros(P, dtype=np.int64)
    mate_post[problem.pair_person[mates]] = problem.pair_post[mates]
    mate_weight = np.zeros(P)
    mate_weight[problem.pair_person[mates]] = problem.weight[mates]
    free = ~fixed[problem.pair_person]
    lowest = -(P + problem.n_posts + 1) * (float(np.abs(problem.weight).max(initial=0)) + 1)
    floor = np.where(problem.must_fill, lowest, 0.0)
    sweep = _Groups(problem.pair_post[free], problem.pair_person[free], problem.weight[free])
    v = floor.copy()
    for _ in range(MAX_SWEEPS):
        y = np.where(placed, mate_weight - v[mate_post], 0.0)
        swept = sweep.max_of(y, floor)
        if np.array_equal(swept, v):
            by_person = _Groups(
                problem.pair_person[~free], problem.pair_post[~free], problem.weight[~free]
            )
            least = by_person.max_of(v, np.where(problem.must_assign, lowest, 0.0))
            y[fixed] = np.where(np.isfinite(least[fixed]), least[fixed], 0.0)
            return np.concatenate([y, v])
        v = swept
    return None


class _Groups:
    """Pairs grouped by a key row (post or person): max over each group of w − y[other]."""

    def __init__(self, key: IntArray, other: IntArray, weight: IntArray) -> None:
        order = np.argsort(key, kind="stable")
        self.key, self.other = key[order], other[order]
        self.weight = weight[order].astype(np.float64)
        self.starts = np.flatnonzero(np.r_[True, self.key[1:] != self.key[:-1]])
        self.starts = self.starts if len(self.key) else self.key

    def max_of(self, y_other: FloatArray, floor: FloatArray) -> FloatArray:
        """max(floor, max over the group's pairs of w − y_other[other]) per key row."""
        out = floor.copy()
        if len(self.key):
            heads = self.key[self.starts]
            best = np.maximum.reduceat(self.weight - y_other[self.other], self.starts)
            out[heads] = np.maximum(floor[heads], best)
        return out


class FlowLp:
    """The LP of ``problem`` plus the move columns added by :meth:`add` (local ids), for models
    without side rows; the same interface as solver.growing_lp.GrowingLp."""

    relaxed = False  # no artificial columns: an infeasible flow hands over to GrowingLp

    def __init__(self, problem: Problem) -> None:
        if problem.has_side_constraints:
            raise ValueError("side rows (move caps, tiers) need GrowingLp")
        self.problem = problem
        self.person = np.zeros(0, dtype=np.int64)
        self.post = np.zeros(0, dtype=np.int64)
        self.weight = np.zeros(0)
        self._chosen = np.zeros(0, dtype=np.int64)

    def add(self, person: IntArray, post: IntArray, weight: FloatArray) -> None:
        """Move columns (local person, local post, weight)."""
        self.person = np.concatenate([self.person, person])
        self.post = np.concatenate([self.post, post])
        self.weight = np.concatenate([self.weight, weight.astype(np.float64)])

    def _model(self) -> Problem:
        """The start model with the added columns, on the weights alone."""
        p = self.problem
        n = p.n_pairs + len(self.person)
        return Problem(
            n_people=p.n_people,
            n_posts=p.n_posts,
            pair_person=np.concatenate([p.pair_person, self.person]),
            pair_post=np.concatenate([p.pair_post, self.post]),
            weight=np.concatenate([p.weight, np.rint(self.weight).astype(np.int64)]),
            tiebreak=np.zeros(n, dtype=np.int64),
            stay=np.concatenate([p.stay, np.zeros(len(self.person), dtype=bool)]),
            must_assign=p.must_assign,
            must_fill=p.must_fill,
            fixed=p.fixed,
        )

    def optimise(self) -> tuple[bool, FloatArray, float]:
        """(solved, row multipliers y, Lagrangian bound of all columns); not solved when the flow
        has no plan or its multipliers do not prove it (both: HiGHS takes over)."""
        model = self._model()
        solution = solve_flow(model)
        if solution.status is not SolveStatus.OPTIMAL:
            return False, np.zeros(0), float("nan")
        y = assignment_duals(model, solution.chosen)
        if y is None:
            return False, np.zeros(0), float("nan")
        bound, d, clean = pair_lagrangian_bound(model, y)
        if d.max(initial=0.0) > 1e-6 or abs(bound - model.weight[solution.chosen].sum()) > 1e-6:
            return False, np.zeros(0), float("nan")
        self._chosen = solution.chosen
        return True, clean, bound

    def integral_plan(self) -> tuple[IntArray, IntArray] | None:
        """The last optimum: (pair ids of ``problem`` chosen, positions of added columns chosen)."""
        n = self.problem.n_pairs
        return self._chosen[self._chosen < n], self._chosen[self._chosen >= n] - n
