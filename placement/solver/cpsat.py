"""CP-SAT backend: the unfixed model, two lexicographic stages, fixed seed, optional single worker.

Used as the independent check on small and medium instances (DESIGN.md: on a full kabupaten
model it does not prove optimality quickly; the ``mip`` backend is the default there).
"""

from __future__ import annotations

import time

import numpy as np
from ortools.sat.python import cp_model

from placement.solver.interrupt import run_interruptible
from placement.solver.problem import (
    IntArray,
    Problem,
    Solution,
    SolveStatus,
    empty_chosen,
    make_solution,
)


def _build(problem: Problem) -> tuple[cp_model.CpModel, list[cp_model.IntVar]]:
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{e}") for e in range(problem.n_pairs)]
    by_person: list[list[int]] = [[] for _ in range(problem.n_people)]
    by_post: list[list[int]] = [[] for _ in range(problem.n_posts)]
    for e, (p, j) in enumerate(
        zip(problem.pair_person.tolist(), problem.pair_post.tolist(), strict=True)
    ):
        by_person[p].append(e)
        by_post[j].append(e)
    for p, es in enumerate(by_person):
        if problem.must_assign[p]:
            model.add_exactly_one(x[e] for e in es)
        elif len(es) > 1:
            model.add_at_most_one(x[e] for e in es)
    for j, es in enumerate(by_post):
        if problem.must_fill[j]:
            model.add_exactly_one(x[e] for e in es)
        elif len(es) > 1:
            model.add_at_most_one(x[e] for e in es)
    stay_pairs = np.flatnonzero(problem.stay)
    for g in problem.stay_groups:
        members = stay_pairs[np.isin(problem.pair_person[stay_pairs], g.people)]
        model.add(sum(x[int(e)] for e in members) >= g.min_stay)
    for r in problem.min_rows:
        model.add(sum(int(c) * x[e] for e, c in enumerate(r.coef.tolist()) if c) >= r.lower)
    for e in problem.fixed.tolist():
        model.add(x[e] == 1)
    return model, x


def _solver(time_limit: float | None, seed: int, workers: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    solver.parameters.catch_sigint_signal = False  # Ctrl-C is ours: see placement.solver.interrupt
    if time_limit is not None:
        solver.parameters.max_time_in_seconds = max(time_limit, 0.01)
    return solver


def solve_cpsat(
    problem: Problem,
    time_limit: float | None = None,
    seed: int = 0,
    workers: int = 1,
    hint: IntArray | None = None,
) -> Solution:
    """Solve with CP-SAT; ``workers=1`` is deterministic."""
    start = time.perf_counter()
    model, x = _build(problem)
    w = problem.weight.tolist()
    model.maximize(sum(wi * xi for wi, xi in zip(w, x, strict=True) if wi))
    if hint is not None:
        hinted = set(hint.tolist())
        for e, var in enumerate(x):
            model.add_hint(var, e in hinted)
    solver = _solver(time_limit, seed, workers)
    status = _run(solver, model)
    stats: dict[str, float | int | str] = {"stage1_seconds": solver.wall_time}
    if status == cp_model.INFEASIBLE:
        return Solution(SolveStatus.INFEASIBLE, empty_chosen(), backend="cpsat", stats=stats)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Solution(SolveStatus.NO_PLAN, empty_chosen(), backend="cpsat", stats=stats)
    chosen = _chosen(solver, x)
    if status == cp_model.FEASIBLE:
        return make_solution(
            problem, SolveStatus.FEASIBLE, chosen, solver.best_objective_bound, "cpsat", stats
        )
    w_star = int(problem.weight[chosen].sum())
    model.add(sum(wi * xi for wi, xi in zip(w, x, strict=True) if wi) >= w_star)
    model.clear_hints()  # type: ignore[no-untyped-call]
    picked = set(chosen.tolist())
    for e, var in enumerate(x):
        model.add_hint(var, e in picked)
    model.maximize(sum(ti * xi for ti, xi in zip(problem.tiebreak.tolist(), x, strict=True) if ti))
    left = None if time_limit is None else time_limit - (time.perf_counter() - start)
    solver2 = _solver(left, seed, workers)
    status2 = _run(solver2, model)
    stats["stage2_seconds"] = solver2.wall_time
    if status2 == cp_model.OPTIMAL:
        chosen = _chosen(solver2, x)
    else:
        stats["tiebreak"] = "not proven"
    return make_solution(problem, SolveStatus.OPTIMAL, chosen, float(w_star), "cpsat", stats)


def _run(solver: cp_model.CpSolver, model: cp_model.CpModel) -> cp_model.CpSolverStatus:
    """``solver.solve(model)``; Ctrl-C or SIGTERM stops the search and raises KeyboardInterrupt
    (never a plan from an interrupted search)."""
    return run_interruptible(lambda: solver.solve(model), solver.stop_search)


def _chosen(solver: cp_model.CpSolver, x: list[cp_model.IntVar]) -> IntArray:
    return np.array([e for e, v in enumerate(x) if solver.boolean_value(v)], dtype=np.int64)
