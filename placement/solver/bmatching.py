"""Exact b-matching for shortlists (OR-Tools max-flow min-cost, sparse in the candidate pairs).

Each post takes at most ``per_post`` candidates and each person is on at most ``per_person``
lists: as many entries as possible, then the largest total weight. Network S → post (capacity
``per_post``) → person (one arc per candidate pair, capacity 1) → T (capacity ``per_person``);
pair costs are −(weight·10⁶·(n+1) + tie), int64, the tie preferring earlier person rows, so the
lists do not depend on the solver's arc order.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from ortools.graph.python import min_cost_flow

SCALE = 1_000_000


def b_matching(
    post: npt.NDArray[np.int64],
    person: npt.NDArray[np.int64],
    weight: npt.NDArray[np.float64],
    per_post: int,
    per_person: int,
) -> npt.NDArray[np.bool_]:
    """Which candidate pairs are on the lists (one bool per pair)."""
    n_pairs = len(post)
    if n_pairs == 0 or per_post <= 0 or per_person <= 0:
        return np.zeros(n_pairs, dtype=bool)
    _, post_node = np.unique(post, return_inverse=True)
    people, person_node = np.unique(person, return_inverse=True)
    n_posts, n_people = int(post_node.max()) + 1, len(people)
    source, sink = 0, n_posts + n_people + 1
    tie = (n_people - person_node).astype(np.int64)  # earlier person rows first on equal weight
    cost = -(
        np.rint(np.asarray(weight, dtype=float) * SCALE).astype(np.int64) * (n_people + 1) + tie
    )
    tails = np.concatenate(
        [1 + post_node, np.zeros(n_posts, np.int64), 1 + n_posts + np.arange(n_people)]
    ).astype(np.int32)
    heads = np.concatenate(
        [1 + n_posts + person_node, 1 + np.arange(n_posts), np.full(n_people, sink)]
    ).astype(np.int32)
    caps = np.concatenate(
        [
            np.ones(n_pairs, np.int64),
            np.full(n_posts, per_post, np.int64),
            np.full(n_people, per_person, np.int64),
        ]
    )
    costs = np.concatenate([cost, np.zeros(n_posts + n_people, np.int64)])
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    supplies = np.zeros(sink + 1, dtype=np.int64)
    supplies[source], supplies[sink] = n_posts * per_post, -n_posts * per_post
    flow.set_nodes_supplies(np.arange(sink + 1, dtype=np.int32), supplies)
    status = flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:  # cannot happen on this network; never a silent partial list
        raise RuntimeError(f"b-matching: min-cost flow status {status}")
    return np.asarray(flow.flows(np.arange(n_pairs, dtype=np.int32)) > 0)


__all__ = ["b_matching"]
