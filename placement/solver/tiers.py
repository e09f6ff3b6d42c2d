"""Optional lexicographic tiers: optimise each criterion in turn and keep it within a tolerance.

Each tier is solved as its own model (the criterion as objective, the earlier tiers as
``MinRow`` lower bounds); the final model then optimises the weighted objective and the tie-break
under all tier rows. Every stage is a fresh model, so reduced-cost fixing is recomputed for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from placement.solver.problem import IntArray, MinRow, Problem, SolveStatus


@dataclass(frozen=True)
class Tier:
    name: str
    coef: IntArray  # per pair; maximised
    tolerance: float  # fraction of the tier optimum that may be given up


class TierInfeasibleError(RuntimeError):
    """A tier stage ended without an optimal plan (infeasible model or time limit)."""

    def __init__(self, tier: str, status: SolveStatus) -> None:
        super().__init__(f"tier {tier}: {status}")
        self.tier = tier
        self.status = status


def apply_tiers(
    problem: Problem,
    tiers: list[Tier],
    backend: str = "auto",
    time_limit: float | None = None,
    seed: int = 0,
) -> tuple[Problem, list[dict[str, float | int | str]]]:
    """The problem with one MinRow per tier, and what each tier stage found."""
    from placement.solver.run import solve_problem

    rows: list[MinRow] = []
    record: list[dict[str, float | int | str]] = []
    for tier in tiers:
        stage = replace(
            problem,
            weight=tier.coef.astype(np.int64),
            tiebreak=np.zeros_like(tier.coef),
            offset=0,
            min_rows=list(rows),
        )
        solution = solve_problem(stage, backend, time_limit, seed)
        if solution.status is not SolveStatus.OPTIMAL or solution.objective is None:
            raise TierInfeasibleError(tier.name, solution.status)
        best = solution.objective
        lower = math.ceil(best - tier.tolerance * abs(best) - 1e-9)
        rows.append(MinRow(tier.name, tier.coef.astype(np.int64), lower))
        record.append(
            {
                "tingkat": tier.name,
                "optimum": best,
                "batas_bawah": lower,
                "toleransi": tier.tolerance,
            }
        )
    return replace(problem, min_rows=[*problem.min_rows, *rows]), record
