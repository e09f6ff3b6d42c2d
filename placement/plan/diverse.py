"""Diverse near-optimal plans: plan i+1 is optimal among the plans that differ from every
earlier plan in at least ``d`` placements.

Plan k chose the pair set S_k (|S_k| placements). "Differs in at least d placements" is
|S_k \\ S| ≥ d, i.e. −Σ_{e∈S_k} x_e ≥ d − |S_k|: one MinRow per earlier plan. Every plan is a
fresh model solved from scratch (LP + reduced-cost fixing redone for that exact model).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from placement.api import Result, solve
from placement.config import Skenario
from placement.domain.model import Dataset
from placement.solver.problem import IntArray, MinRow, SolveStatus

GOOD = (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)


def difference_row(name: str, chosen: IntArray, n_pairs: int, d: int) -> MinRow:
    """−Σ_{e ∈ chosen} x_e ≥ d − |chosen|: at least ``d`` of ``chosen`` are not in the new plan."""
    coef = np.zeros(n_pairs, dtype=np.int64)
    coef[chosen] = -1
    return MinRow(name, coef, d - len(chosen))


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
