"""Exact fast path: the model without stay groups is a min-cost flow (OR-Tools).

Network: every must-assign person has supply 1; optional people get their unit from a free
source S (with a bypass arc S→T for people left unplaced); post → T arcs carry capacity 1, and a
must-fill post has demand 1 instead. Arc costs are −(weight·K + tiebreak), exact int64
arithmetic, so one solve gives the lexicographic optimum. Never padded, never densified.
"""

from __future__ import annotations

import time

import numpy as np
from ortools.graph.python import min_cost_flow

from placement.solver.problem import (
    INT64_SAFE,
    Problem,
    Solution,
    SolveStatus,
    empty_chosen,
    make_solution,
)


class FlowNotApplicableError(ValueError):
    """The model has side constraints or its costs would overflow int64."""


def solve_flow(problem: Problem) -> Solution:
    """Solve a model without stay groups exactly; raises FlowNotApplicableError otherwise."""
    if problem.has_side_constraints:
        raise FlowNotApplicableError("stay groups (move caps) need a MIP backend")
    start = time.perf_counter()
    k = problem.tie_k()
    cost = problem.weight * k + problem.tiebreak
    n_nodes = problem.n_people + problem.n_posts + 2
    if problem.n_pairs and int(np.abs(cost).max()) * n_nodes * 4 >= INT64_SAFE:
        raise FlowNotApplicableError("combined objective too large for exact int64 flow")

    fixed = np.unique(problem.fixed)
    if len(np.unique(problem.pair_person[fixed])) < len(fixed) or len(
        np.unique(problem.pair_post[fixed])
    ) < len(fixed):
        return Solution(SolveStatus.INFEASIBLE, empty_chosen(), backend="flow")
    used_people = np.zeros(problem.n_people, dtype=bool)
    used_posts = np.zeros(problem.n_posts, dtype=bool)
    used_people[problem.pair_person[fixed]] = True
    used_posts[problem.pair_post[fixed]] = True
    free = ~used_people[problem.pair_person] & ~used_posts[problem.pair_post]
    arcs = np.flatnonzero(free)

    P, J = problem.n_people, problem.n_posts
    S, T = P + J, P + J + 1
    must_p = problem.must_assign & ~used_people
    opt_p = ~problem.must_assign & ~used_people
    must_j = problem.must_fill & ~used_posts
    opt_j = ~problem.must_fill & ~used_posts

    smcf = min_cost_flow.SimpleMinCostFlow()
    opt_people = np.flatnonzero(opt_p)
    opt_posts = np.flatnonzero(opt_j)
    n_opt = len(opt_people)
    tails = [problem.pair_person[arcs], np.full(n_opt, S), np.array([S]), P + opt_posts]
    heads = [P + problem.pair_post[arcs], opt_people, np.array([T]), np.full(len(opt_posts), T)]
    caps = [np.ones(len(arcs)), np.ones(n_opt), np.array([n_opt]), np.ones(len(opt_posts))]
    costs = [-cost[arcs], np.zeros(n_opt), np.zeros(1), np.zeros(len(opt_posts))]
    smcf.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails).astype(np.int32),
        np.concatenate(heads).astype(np.int32),
        np.concatenate(caps).astype(np.int64),
        np.concatenate(costs).astype(np.int64),
    )
    supplies = np.zeros(n_nodes, dtype=np.int64)
    supplies[:P][must_p] = 1
    supplies[P : P + J][must_j] = -1
    supplies[S] = n_opt
    supplies[T] = -(int(must_p.sum()) + n_opt - int(must_j.sum()))
    smcf.set_nodes_supplies(np.arange(n_nodes, dtype=np.int32), supplies)
    status = smcf.solve()
    elapsed = time.perf_counter() - start
    stats: dict[str, float | int | str] = {"seconds": elapsed, "arcs": len(arcs), "tie_k": k}
    if status != smcf.OPTIMAL:
        return Solution(SolveStatus.INFEASIBLE, empty_chosen(), backend="flow", stats=stats)
    flows = smcf.flows(np.arange(len(arcs), dtype=np.int32))
    chosen = np.sort(np.concatenate([fixed, arcs[flows > 0]])).astype(np.int64)
    bound = float(problem.weight[chosen].sum())  # min-cost flow is exact: bound = optimum
    return make_solution(problem, SolveStatus.OPTIMAL, chosen, bound, "flow", stats)
