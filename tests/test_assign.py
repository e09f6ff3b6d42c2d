"""The generic ``assign`` API: require modes, engine dispatch, Hall-violator errors (issue 22)."""

from __future__ import annotations

import doctest
import importlib
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from placement.domain.errors import PlacementError
from placement.solver.assign import AssignError, InfeasibleAssignmentError, assign

REQUIRES = ("none", "agents", "targets", "both")
ENGINES = ("flow", "scipy-dense", "scipy-sparse", "mip")


@st.composite
def tiny_pairs(draw: st.DrawFn) -> pd.DataFrame:
    """Up to 4 agents × 4 targets, a random subset of the pairs, integer costs of both signs."""
    n_a, n_t = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    cells = list(itertools.product(range(n_a), range(n_t)))
    keep = draw(st.lists(st.booleans(), min_size=len(cells), max_size=len(cells)))
    listed = [c for c, k in zip(cells, keep, strict=True) if k] or cells[:1]
    costs = draw(st.lists(st.integers(-9, 9), min_size=len(listed), max_size=len(listed)))
    return pd.DataFrame(
        {
            "agent": [f"a{a}" for a, _ in listed],
            "target": [f"t{t}" for _, t in listed],
            "cost": costs,
        }
    )


def brute_force(pairs: pd.DataFrame, require: str) -> int | None:
    """The least total cost over every matching that meets ``require`` (None: no such matching)."""
    agents, targets = set(pairs.agent), set(pairs.target)
    rows = list(pairs.itertuples(index=False))
    best: int | None = None
    for size in range(len(rows) + 1):
        for combo in itertools.combinations(rows, size):
            a = [r.agent for r in combo]
            t = [r.target for r in combo]
            if len(set(a)) < size or len(set(t)) < size:
                continue
            if require in ("agents", "both") and set(a) != agents:
                continue
            if require in ("targets", "both") and set(t) != targets:
                continue
            total = sum(int(r.cost) for r in combo)
            if best is None or total < best:
                best = total
    return best


def check_plan(pairs: pd.DataFrame, plan: pd.DataFrame, total: float, require: str) -> None:
    """The plan uses listed pairs only, each agent/target once, meets ``require``, sums to total."""
    assert plan.agent.is_unique and plan.target.is_unique
    cost = pairs.set_index(["agent", "target"])["cost"]
    assert total == sum(cost[(a, t)] for a, t in zip(plan.agent, plan.target, strict=True))
    if require in ("agents", "both"):
        assert set(plan.agent) == set(pairs.agent)
    if require in ("targets", "both"):
        assert set(plan.target) == set(pairs.target)


def assert_hall_violator(error: InfeasibleAssignmentError, pairs: pd.DataFrame) -> None:
    """The sets named really violate Hall's condition on the listed pairs."""
    own, other = ("agent", "target") if error.side == "agents" else ("target", "agent")
    listed = set(pairs.loc[pairs[own].isin(error.members), other])
    assert listed == set(error.neighbours)
    assert len(error.neighbours) < len(error.members)


@given(tiny_pairs(), st.sampled_from(REQUIRES))
def test_every_engine_matches_brute_force(pairs: pd.DataFrame, require: str) -> None:
    best = brute_force(pairs, require)
    engines = ENGINES if require != "none" else ("flow", "mip", "auto")
    for engine in (*engines, "auto"):
        if best is None:
            with pytest.raises(InfeasibleAssignmentError) as caught:
                assign(pairs, require=require, backend=engine)  # type: ignore[arg-type]
            assert_hall_violator(caught.value, pairs)
            continue
        plan, total = assign(pairs, require=require, backend=engine)  # type: ignore[arg-type]
        assert total == best, (engine, require)
        check_plan(pairs, plan, total, require)


def test_auto_picks_dense_sparse_or_flow_by_shape() -> None:
    rng = np.random.default_rng(0)
    n = 30
    full = pd.DataFrame(
        {
            "agent": np.repeat(np.arange(n), n),
            "target": np.tile(np.arange(n), n),
            "cost": rng.integers(0, 100, n * n),
        }
    )
    plan, _ = assign(full, require="both")
    assert plan.attrs["engine"] == "scipy-dense"
    sparse = full[(full.agent - full.target) % n < 3]
    plan, _ = assign(sparse, require="both")
    assert plan.attrs["engine"] == "scipy-sparse"
    plan, _ = assign(sparse, require="none")
    assert plan.attrs["engine"] == "flow"
    totals = {e: assign(sparse, require="both", backend=e)[1] for e in ENGINES}  # type: ignore[arg-type]
    assert len(set(totals.values())) == 1, totals


def test_require_modes_on_an_unbalanced_instance() -> None:
    pairs = pd.DataFrame(
        {"agent": ["a", "a", "b", "b"], "target": ["x", "y", "y", "z"], "cost": [5, 1, 2, 9]}
    )
    assert assign(pairs)[1] == 0.0  # nothing is worth taking at a positive cost
    plan, total = assign(pairs, require="agents")
    assert (sorted(zip(plan.agent, plan.target, strict=True)), total) == (
        [("a", "x"), ("b", "y")],
        7.0,
    )
    with pytest.raises(InfeasibleAssignmentError) as caught:
        assign(pairs, require="targets")
    assert caught.value.side == "targets" and isinstance(caught.value, ValueError)
    assert isinstance(caught.value, PlacementError)
    assert_hall_violator(caught.value, pairs)
    with pytest.raises(InfeasibleAssignmentError):
        assign(pairs, require="both")


def test_infeasible_full_assignment_names_the_small_hall_violator() -> None:
    """Agents p, q, r all list only x and y; everyone else has a private target."""
    crowd = [("p", "x"), ("p", "y"), ("q", "x"), ("q", "y"), ("r", "x"), ("r", "y")]
    rest = [(f"s{i}", f"u{i}") for i in range(50)] + [(f"s{i}", "x") for i in range(50)]
    agents, targets = zip(*(crowd + rest), strict=True)
    pairs = pd.DataFrame({"agent": agents, "target": targets, "cost": 1})
    for engine in ("auto", "flow", "scipy-sparse", "scipy-dense"):
        with pytest.raises(InfeasibleAssignmentError) as caught:
            assign(pairs, require="agents", backend=engine)  # type: ignore[arg-type]
        error = caught.value
        assert sorted(error.members) == ["p", "q", "r"], engine
        assert sorted(error.neighbours) == ["x", "y"]
        assert "p" in str(error) and "x" in str(error)
        assert "tidak mungkin" in error.issues[0].message_id
        assert "impossible" in error.issues[0].message_en


def test_hall_violator_message_is_truncated() -> None:
    agents = [f"agen-{i}" for i in range(40)]
    pairs = pd.DataFrame({"agent": agents, "target": "satu", "cost": 0})
    with pytest.raises(InfeasibleAssignmentError) as caught:
        assign(pairs, require="agents")
    assert len(caught.value.members) == 2  # any two agents already share one target
    assert_hall_violator(caught.value, pairs)
    wide = pd.DataFrame(
        {"agent": np.repeat(agents, 20), "target": np.tile(np.arange(20), 40), "cost": 0}
    )
    with pytest.raises(InfeasibleAssignmentError) as caught:
        assign(wide, require="agents")
    assert len(caught.value.members) == 21
    assert len(str(caught.value)) < 400 and "…" in str(caught.value)


def test_maximize_with_string_ids() -> None:
    pairs = pd.DataFrame(
        {
            "agent": ["Budi", "Budi", "Sari", "Sari", "Tono"],
            "target": ["Kepala Dinas", "Sekretaris", "Kepala Dinas", "Sekretaris", "Sekretaris"],
            "score": [0.9, 0.4, 0.8, 0.7, 0.75],
        }
    )
    for engine in ("auto", "flow", "scipy-dense", "scipy-sparse"):
        plan, total = assign(pairs, maximize=True, require="targets", scale=100, backend=engine)  # type: ignore[arg-type]
        assert sorted(zip(plan.agent, plan.target, strict=True)) == [
            ("Budi", "Kepala Dinas"),
            ("Tono", "Sekretaris"),
        ], engine
        assert total == pytest.approx(1.65)


def test_duplicate_pairs_are_refused() -> None:
    pairs = pd.DataFrame({"agent": ["a", "b", "a"], "target": ["x", "x", "x"], "cost": [1, 2, 3]})
    for require in REQUIRES:
        with pytest.raises(AssignError, match=r"a.*x") as caught:
            assign(pairs, require=require)  # type: ignore[arg-type]
        assert "ganda" in str(caught.value) and "duplicate" in caught.value.issues[0].message_en


def test_bad_input_is_refused_clearly() -> None:
    pairs = pd.DataFrame({"agent": ["a"], "target": ["x"], "cost": [float("nan")]})
    with pytest.raises(AssignError, match="cost"):
        assign(pairs)
    with pytest.raises(AssignError, match="require"):
        assign(pairs.fillna(1), require="all")  # type: ignore[arg-type]
    with pytest.raises(AssignError, match="agent"):
        assign(pd.DataFrame({"agent": [None], "target": ["x"], "cost": [1]}))
    with pytest.raises(AssignError, match="scipy"):
        assign(pairs.fillna(1), backend="scipy-dense")


def test_empty_input_gives_an_empty_plan() -> None:
    empty = pd.DataFrame({"agent": [], "target": [], "cost": []})
    for require in REQUIRES:
        plan, total = assign(empty, require=require)  # type: ignore[arg-type]
        assert list(plan.columns) == ["agent", "target"] and len(plan) == 0 and total == 0.0


def test_module_doctest() -> None:
    module = importlib.import_module("placement.solver.assign")  # the package exports the function
    assert doctest.testmod(module).failed == 0
