"""The model input every backend solves: sparse pairs with integer weights and side constraints.

Maths (DESIGN.md, "The optimization model"): x[e] ∈ {0, 1} for each eligible pair e = (p, j);
each person at most one post (exactly one for ``must_assign`` people), each post at most one
holder (exactly one for ``must_fill`` posts); ``min_rows`` fix earlier lexicographic tiers;
``stay_groups`` are lower bounds on the number of
incumbents who stay, which is how every move cap is written (a move = an incumbent leaving a
post); ``fixed`` pairs are forced to 1.

Objective, lexicographic: first maximise ``weight`` (the scaled score, see SCALE), then among
the plans with the best weight maximise ``tiebreak`` (prefer the incumbent, then seniority, then a
fixed pseudo-random order over (seniority position, post row)) so that the optimum is unique and
every backend returns the same plan. Integer backends optimise ``weight * tie_k + tiebreak``
in one go; floating-point MIPs solve two stages with an absolute gap below one unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

SCALE = 10_000  # one objective unit = 1e-4 of a score point
INT64_SAFE = 2**62

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


class SolveStatus(StrEnum):
    OPTIMAL = "OPTIMAL"
    FEASIBLE = "FEASIBLE"
    INFEASIBLE = "INFEASIBLE"
    NO_PLAN = "NO_PLAN"
    INTERRUPTED = "INTERRUPTED"
    EMPTY = "EMPTY"


@dataclass(frozen=True)
class StayGroup:
    """At least ``min_stay`` of the incumbents in ``people`` keep their post (a move cap)."""

    name: str
    people: IntArray
    min_stay: int


@dataclass(frozen=True)
class MinRow:
    """A linear lower bound Σ coef[e]·x[e] ≥ lower (a fixed lexicographic tier)."""

    name: str
    coef: IntArray  # one entry per pair
    lower: int


@dataclass
class Problem:
    """Sparse assignment model; people and posts are local indices 0..n-1."""

    n_people: int
    n_posts: int
    pair_person: IntArray
    pair_post: IntArray
    weight: IntArray
    tiebreak: IntArray
    stay: BoolArray
    must_assign: BoolArray  # per person
    must_fill: BoolArray  # per post
    offset: int = 0  # constant added to the weight objective (soft penalties folded into pairs)
    fixed: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # pair indices
    stay_groups: list[StayGroup] = field(default_factory=list)
    min_rows: list[MinRow] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = len(self.pair_person)
        for name in ("pair_post", "weight", "tiebreak", "stay"):
            if len(getattr(self, name)) != n:
                raise ValueError(f"{name} has {len(getattr(self, name))} entries, expected {n}")

    @property
    def n_pairs(self) -> int:
        return len(self.pair_person)

    @property
    def has_side_constraints(self) -> bool:
        return bool(self.stay_groups or self.min_rows)

    def tie_k(self) -> int:
        """Multiplier that makes ``weight * tie_k + tiebreak`` lexicographic (> max tiebreak sum)."""
        per_post = np.zeros(self.n_posts, dtype=np.int64)
        np.maximum.at(per_post, self.pair_post, np.maximum(self.tiebreak, 0))
        return int(per_post.sum()) + 1

    def combined_fits_int64(self) -> bool:
        """Whether the one-objective form stays inside int64 (with room for flow offsets)."""
        if self.n_pairs == 0:
            return True
        span = int(np.abs(self.weight).max()) * (min(self.n_people, self.n_posts) + 1) + abs(
            self.offset
        )
        return span * self.tie_k() * 4 < INT64_SAFE

    def objective_of(self, chosen: IntArray) -> tuple[int, int]:
        """(weight objective incl. offset, tiebreak sum) of a set of chosen pair indices."""
        return int(self.weight[chosen].sum()) + self.offset, int(self.tiebreak[chosen].sum())

    def violations(self, chosen: IntArray) -> list[str]:
        """Structural check of a solution (used by tests and as a guard after every solve)."""
        out: list[str] = []
        people = np.bincount(self.pair_person[chosen], minlength=self.n_people)
        posts = np.bincount(self.pair_post[chosen], minlength=self.n_posts)
        if (people > 1).any():
            out.append(f"{int((people > 1).sum())} people hold more than one post")
        if (posts > 1).any():
            out.append(f"{int((posts > 1).sum())} posts have more than one holder")
        if (people[self.must_assign] == 0).any():
            out.append(f"{int((people[self.must_assign] == 0).sum())} must-assign people unplaced")
        if (posts[self.must_fill] == 0).any():
            out.append(f"{int((posts[self.must_fill] == 0).sum())} must-fill posts empty")
        if len(np.setdiff1d(self.fixed, chosen)):
            out.append("a fixed pair is not in the plan")
        stays = set(self.pair_person[chosen[self.stay[chosen]]].tolist())
        for g in self.stay_groups:
            n = sum(1 for p in g.people.tolist() if p in stays)
            if n < g.min_stay:
                out.append(f"group {g.name}: {n} stay, need {g.min_stay}")
        for r in self.min_rows:
            if int(r.coef[chosen].sum()) < r.lower:
                out.append(f"tier {r.name}: {int(r.coef[chosen].sum())} < {r.lower}")
        return out


@dataclass
class Solution:
    """What a backend returns: chosen pair indices and the proof."""

    status: SolveStatus
    chosen: IntArray
    objective: int | None = None  # weight objective incl. offset
    tiebreak: int | None = None
    bound: float | None = None  # upper bound on the weight objective
    backend: str = ""
    stats: dict[str, float | int | str] = field(default_factory=dict)

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        return max(0.0, self.bound - self.objective) / max(1.0, abs(self.objective))


def empty_chosen() -> IntArray:
    return np.zeros(0, dtype=np.int64)


def make_solution(
    problem: Problem,
    status: SolveStatus,
    chosen: IntArray,
    bound_without_offset: float,
    backend: str,
    stats: dict[str, float | int | str],
) -> Solution:
    """A Solution with objective and tie-break recomputed from the chosen pairs."""
    obj, tb = problem.objective_of(chosen)
    return Solution(status, chosen, obj, tb, bound_without_offset + problem.offset, backend, stats)
