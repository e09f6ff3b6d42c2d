"""Backend dispatch: ``auto`` picks the exact flow when the model allows it, else the MIP path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from placement.solver.cpsat import solve_cpsat
from placement.solver.flow import FlowNotApplicableError, solve_flow
from placement.solver.highs_model import FloatArray
from placement.solver.mip import solve_mip
from placement.solver.problem import (
    IntArray,
    Problem,
    Solution,
    SolveStatus,
    empty_chosen,
    make_solution,
)
from placement.solver.pulp_backend import export_model, solve_pulp

BACKENDS = ("auto", "assignment", "mip", "cpsat", "pulp")


def choose_backend(problem: Problem) -> str:
    """``assignment`` (min-cost flow) without move caps when int64 costs fit; else ``mip``."""
    if not problem.has_side_constraints and problem.combined_fits_int64():
        return "assignment"
    return "mip"


def solve_problem(
    problem: Problem,
    backend: str = "auto",
    time_limit: float | None = None,
    seed: int = 0,
    export: Path | None = None,
    hint: IntArray | None = None,
    duals: FloatArray | None = None,
) -> Solution:
    """Solve with the named backend (see BACKENDS). ``duals``: row multipliers of the LP's
    optimum when already known (the MIP backend then does not solve the LP again)."""
    if problem.n_posts == 0:
        return Solution(SolveStatus.EMPTY, empty_chosen(), 0, 0, 0.0, backend)
    if export is not None:
        export_model(problem, export)
    name = choose_backend(problem) if backend == "auto" else backend
    if problem.n_pairs == 0:
        status = (
            SolveStatus.INFEASIBLE if problem.violations(empty_chosen()) else SolveStatus.OPTIMAL
        )
        return make_solution(problem, status, empty_chosen(), 0.0, name, {})
    runners: dict[str, Callable[[], Solution]] = {
        "assignment": lambda: solve_flow(problem),
        "mip": lambda: solve_mip(problem, time_limit, seed, hint=hint, duals=duals),
        "cpsat": lambda: solve_cpsat(
            problem, time_limit, seed, hint=np.flatnonzero(problem.stay) if hint is None else hint
        ),
        "pulp": lambda: solve_pulp(problem, time_limit),
    }
    if name not in runners:
        raise ValueError(f"unknown backend {backend!r}; choose from {', '.join(BACKENDS)}")
    try:
        solution = runners[name]()
    except FlowNotApplicableError:
        if backend != "auto":
            raise
        solution = solve_mip(problem, time_limit, seed, hint=hint, duals=duals)
    if solution.chosen.size and (broken := problem.violations(solution.chosen)):
        raise AssertionError(f"backend {name} returned an invalid plan: {broken}")
    return solution
