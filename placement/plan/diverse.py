"""Diverse near-optimal plans: plan i+1 is optimal among the plans that differ from every
earlier plan in at least ``d`` placements.

Plan k chose the pair set S_k (|S_k| placements). "Differs in at least d placements" is
|S_k \\ S| ≥ d, i.e. −Σ_{e∈S_k} x_e ≥ d − |S_k|: one MinRow per earlier plan. Every plan is a
fresh model solved from scratch (LP + reduced-cost fixing redone for that exact model), by
:func:`placement.workflow.studies.diverse_plans`.
"""

from __future__ import annotations

import numpy as np

from placement.solver.problem import IntArray, MinRow, SolveStatus

GOOD = (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)


def difference_row(name: str, chosen: IntArray, n_pairs: int, d: int) -> MinRow:
    """−Σ_{e ∈ chosen} x_e ≥ d − |chosen|: at least ``d`` of ``chosen`` are not in the new plan."""
    coef = np.zeros(n_pairs, dtype=np.int64)
    coef[chosen] = -1
    return MinRow(name, coef, d - len(chosen))
