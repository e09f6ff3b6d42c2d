"""Random sparse assignment models for backend tests (generic Problems, no domain data)."""

from __future__ import annotations

import numpy as np

from placement.solver.problem import Problem, StayGroup


def random_problem(
    seed: int,
    n_people: int,
    n_posts: int,
    density: float = 0.5,
    caps: bool = False,
    must_fill: bool = False,
    fixed: bool = False,
) -> Problem:
    """Incumbents hold the first posts; every incumbent has a stay pair and must be assigned."""
    rng = np.random.default_rng(seed)
    n_inc = min(n_people, int(n_posts * 0.7))
    mask = rng.random((n_people, n_posts)) < density
    for p in range(n_inc):
        mask[p, p] = True
    people, posts = np.nonzero(mask)
    stay = (people < n_inc) & (people == posts)
    weight = rng.integers(-2_000, 40_000, len(people)).astype(np.int64)
    weight[stay] += 5_000
    seniority = rng.permutation(n_people) + 1
    tiebreak = (
        (stay * (n_people + 1) + seniority[people]) * 1024 + (people * 7919 + posts * 104729) % 1024
    ).astype(np.int64)
    groups = []
    if caps and n_inc >= 2:
        groups = [
            StayGroup(
                "opd-a", np.arange(0, n_inc, 2, dtype=np.int64), max(0, (n_inc + 1) // 2 - 1)
            ),
            StayGroup("total", np.arange(n_inc, dtype=np.int64), max(0, n_inc - 2)),
        ]
    must_fill_arr = np.zeros(n_posts, dtype=bool)
    if must_fill:
        must_fill_arr[rng.choice(n_posts, size=max(1, n_posts // 4), replace=False)] = True
    fixed_arr = np.zeros(0, dtype=np.int64)
    if fixed:
        cand = np.flatnonzero(~stay)
        if len(cand):
            fixed_arr = np.array([cand[0]], dtype=np.int64)
    return Problem(
        n_people=n_people,
        n_posts=n_posts,
        pair_person=people.astype(np.int64),
        pair_post=posts.astype(np.int64),
        weight=weight,
        tiebreak=tiebreak,
        stay=stay,
        must_assign=np.arange(n_people) < n_inc,
        must_fill=must_fill_arr,
        fixed=fixed_arr,
        stay_groups=groups,
    )
