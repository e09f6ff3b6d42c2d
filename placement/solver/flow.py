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
    IntArray,
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
    cost = problem.weight * k
    cost += problem.tiebreak
    n_nodes = problem.n_people + problem.n_posts + 2
    if problem.n_pairs and max(int(cost.max()), -int(cost.min())) * n_nodes * 4 >= INT64_SAFE:
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
    arcs: IntArray | slice
    if len(fixed):
        arcs = np.flatnonzero(~used_people[problem.pair_person] & ~used_posts[problem.pair_post])
    else:  # every pair is an arc: no index array, no gathers (memory at province scale)
        arcs = slice(None)

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
    # Arrays built in their final dtypes, pair arcs first (arc i = i-th pair arc).
    tails = np.concatenate(
        [
            problem.pair_person[arcs].astype(np.int32),
            np.full(n_opt, S, np.int32),
            np.array([S], np.int32),
            (P + opt_posts).astype(np.int32),
        ]
    )
    heads = np.concatenate(
        [
            (problem.pair_post[arcs] + P).astype(np.int32),
            opt_people.astype(np.int32),
            np.array([T], np.int32),
            np.full(len(opt_posts), T, np.int32),
        ]
    )
    n_pair_arcs = len(tails) - n_opt - 1 - len(opt_posts)
    caps = np.ones(len(tails), dtype=np.int64)
    caps[n_pair_arcs + n_opt] = n_opt
    costs = np.zeros(len(tails), dtype=np.int64)
    np.negative(cost[arcs], out=costs[:n_pair_arcs])
    del cost
    smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    del tails, heads, caps, costs
    supplies = np.zeros(n_nodes, dtype=np.int64)
    supplies[:P][must_p] = 1
    supplies[P : P + J][must_j] = -1
    supplies[S] = n_opt
    supplies[T] = -(int(must_p.sum()) + n_opt - int(must_j.sum()))
    smcf.set_nodes_supplies(np.arange(n_nodes, dtype=np.int32), supplies)
    status = smcf.solve()
    elapsed = time.perf_counter() - start
    stats: dict[str, float | int | str] = {"seconds": elapsed, "arcs": n_pair_arcs, "tie_k": k}
    if status != smcf.OPTIMAL:
        return Solution(SolveStatus.INFEASIBLE, empty_chosen(), backend="flow", stats=stats)
    flows = smcf.flows(np.arange(n_pair_arcs, dtype=np.int32))
    used = np.flatnonzero(flows > 0)
    picked = used if isinstance(arcs, slice) else arcs[used]
    chosen = np.sort(np.concatenate([fixed, picked])).astype(np.int64)
    bound = float(problem.weight[chosen].sum())  # min-cost flow is exact: bound = optimum
    return make_solution(problem, SolveStatus.OPTIMAL, chosen, bound, "flow", stats)
