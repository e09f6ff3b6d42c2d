"""Forcing pairs into a solved plan and re-solving: the objective loss and the placements that
change (used by :mod:`placement.plan.next_best` with ``reoptimize`` and by
:mod:`placement.plan.why_not`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from placement.domain.model import Dataset
from placement.solver.problem import SCALE, IntArray, Problem, Solution, SolveStatus
from placement.solver.run import solve_problem

if TYPE_CHECKING:
    from placement.plan.result import Result


@dataclass
class Forced:
    """A re-solve with extra pairs forced in."""

    status: SolveStatus
    objective: int | None  # scaled
    loss: float | None  # base objective − forced objective, score units (None without a plan)
    exact: bool  # both solves proven optimal
    changes: list[dict[str, str | None]]


def with_fixed(problem: Problem, pairs: IntArray) -> Problem:
    """A fresh Problem with ``pairs`` added to the fixed pairs (the solver re-fixes it)."""
    fixed = np.union1d(problem.fixed, np.asarray(pairs, dtype=np.int64)).astype(np.int64)
    return dataclasses.replace(problem, fixed=fixed)


def plan_changes(
    ds: Dataset, result: Result, base: Solution, other: Solution
) -> list[dict[str, str | None]]:
    """People whose post differs between two solutions of the result's problem."""
    idx = result.index
    jab = ds.jabatan["jabatan_id"].to_numpy()

    def where(sol: Solution) -> dict[int, str]:
        pairs = idx.pairs.iloc[sol.chosen]
        return {
            int(p): str(jab[int(j)]) for p, j in zip(pairs["person"], pairs["post"], strict=True)
        }

    a, b = where(base), where(other)
    peg = ds.pegawai
    out = []
    for person in sorted(set(a) | set(b)):
        if a.get(person) != b.get(person):
            out.append(
                {
                    "nip": str(peg.at[person, "nip"]),
                    "nama": str(peg.at[person, "name"]),
                    "di_rencana": a.get(person),
                    "bila_dipaksa": b.get(person),
                }
            )
    return out


def force_and_solve(
    ds: Dataset, result: Result, pairs: IntArray, time_limit: float | None = None
) -> Forced:
    """Re-solve the result's problem with ``pairs`` (indices into result.index.pairs) forced in."""
    problem = with_fixed(result.problem, pairs)
    sol = solve_problem(problem, "auto", time_limit, result.scenario.seed)
    base = result.solution
    if sol.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE) or sol.objective is None:
        return Forced(sol.status, None, None, False, [])
    loss = None if base.objective is None else (base.objective - sol.objective) / SCALE
    exact = sol.status is SolveStatus.OPTIMAL and base.status is SolveStatus.OPTIMAL
    return Forced(sol.status, sol.objective, loss, exact, plan_changes(ds, result, base, sol))


def pair_position(result: Result, nip: str, jabatan_id: str) -> int | None:
    """Index of the pair in the solver's model (None when it is not placeable there)."""
    p = result.index.pairs
    hit = np.flatnonzero((p["nip"].to_numpy() == nip) & (p["jabatan_id"].to_numpy() == jabatan_id))
    return int(hit[0]) if len(hit) else None
