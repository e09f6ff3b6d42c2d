"""Generic API for users with their own scores: sparse assignment of agents to targets."""

from __future__ import annotations

import numpy as np
import pandas as pd

from placement.solver.problem import Problem, SolveStatus


def assign(
    pairs: pd.DataFrame,
    *,
    maximize: bool = False,
    scale: int = 1,
    backend: str = "auto",
    time_limit: float | None = None,
) -> tuple[pd.DataFrame, float]:
    """Assign each agent to at most one target and each target at most one agent.

    ``pairs`` has columns ``agent``, ``target`` and ``cost`` (or ``score`` with
    ``maximize=True``); only listed pairs are allowed (sparse, never densified). Values are
    multiplied by ``scale`` and rounded to integers (use e.g. ``scale=1000`` for decimals).
    Only pairs with negative cost (positive score) are worth taking, so a pure minimum-cost
    assignment of everyone needs costs shifted below zero. Returns (DataFrame agent, target;
    objective in the input's units).

    >>> df = pd.DataFrame({"agent": ["a", "a", "b"], "target": ["x", "y", "x"], "score": [3, 2, 2]})
    >>> plan, total = assign(df, maximize=True)
    >>> sorted(zip(plan.agent, plan.target)), total
    ([('a', 'y'), ('b', 'x')], 4.0)
    """
    from placement.solver.run import solve_problem

    column = "score" if maximize else "cost"
    missing = {"agent", "target", column} - set(pairs.columns)
    if missing:
        raise ValueError(f"pairs lacks column(s) {sorted(missing)}")
    agents, a_idx = np.unique(pairs["agent"].to_numpy(), return_inverse=True)
    targets, t_idx = np.unique(pairs["target"].to_numpy(), return_inverse=True)
    values = np.rint(pairs[column].to_numpy(dtype=float) * scale).astype(np.int64)
    weight = values if maximize else -values
    problem = Problem(
        n_people=len(agents),
        n_posts=len(targets),
        pair_person=a_idx.astype(np.int64),
        pair_post=t_idx.astype(np.int64),
        weight=weight,
        tiebreak=np.zeros(len(pairs), dtype=np.int64),
        stay=np.zeros(len(pairs), dtype=bool),
        must_assign=np.zeros(len(agents), dtype=bool),
        must_fill=np.zeros(len(targets), dtype=bool),
    )
    solution = solve_problem(problem, backend=backend, time_limit=time_limit)
    if solution.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):
        raise RuntimeError(f"no assignment found: {solution.status}")
    chosen = solution.chosen
    out = pd.DataFrame({"agent": agents[a_idx[chosen]], "target": targets[t_idx[chosen]]})
    total = float(values[chosen].sum()) / scale
    return out.reset_index(drop=True), total
