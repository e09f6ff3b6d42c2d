"""Backends agree: flow, mip (LP + reduced-cost fixing), cpsat and pulp give the same optimum and,
with the tie-break, the same plan; tiny models equal brute force."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from solver_instances import random_problem

from placement.solver import SolveStatus, assign, mip, solve_problem
from placement.solver.flow import FlowNotApplicableError, solve_flow
from placement.solver.mip import solve_lp, solve_mip
from placement.solver.problem import IntArray, Problem, StayGroup


def brute_force(problem: Problem) -> tuple[int, int] | None:
    """Best (weight, tiebreak) over all feasible plans, by enumeration."""
    options: list[list[int | None]] = []
    for p in range(problem.n_people):
        es = np.flatnonzero(problem.pair_person == p).tolist()
        options.append(es if problem.must_assign[p] else [None, *es])
    best: tuple[int, int] | None = None
    for combo in itertools.product(*options):
        chosen = np.array([e for e in combo if e is not None], dtype=np.int64)
        if problem.violations(chosen):
            continue
        value = problem.objective_of(chosen)
        best = value if best is None or value > best else best
    return best


instances = st.builds(
    random_problem,
    seed=st.integers(0, 10_000),
    n_people=st.integers(2, 9),
    n_posts=st.integers(1, 7),
    density=st.floats(0.2, 0.9),
    caps=st.booleans(),
    must_fill=st.booleans(),
    fixed=st.booleans(),
)


@settings(max_examples=200)
@given(instances)
def test_backends_agree_on_objective_and_plan(problem: Problem) -> None:
    backends = ["mip", "cpsat", "pulp"] + ([] if problem.has_side_constraints else ["assignment"])
    results = {b: solve_problem(problem, b) for b in backends}
    statuses = {b: r.status for b, r in results.items()}
    assert len(set(statuses.values())) == 1, statuses
    if results["mip"].status is SolveStatus.INFEASIBLE:
        return
    assert {r.status for r in results.values()} == {SolveStatus.OPTIMAL}
    keys = {b: (r.objective, r.tiebreak, tuple(r.chosen.tolist())) for b, r in results.items()}
    assert len(set(keys.values())) == 1, keys


@settings(max_examples=60)
@given(
    st.builds(
        random_problem,
        seed=st.integers(0, 10_000),
        n_people=st.integers(2, 6),
        n_posts=st.integers(1, 4),
        density=st.floats(0.3, 0.9),
        caps=st.booleans(),
        must_fill=st.booleans(),
    )
)
def test_tiny_models_equal_brute_force(problem: Problem) -> None:
    expected = brute_force(problem)
    got = solve_problem(problem, "mip")
    if expected is None:
        assert got.status is SolveStatus.INFEASIBLE
    else:
        assert (got.objective, got.tiebreak) == (expected[0] + problem.offset, expected[1])


@settings(max_examples=60)
@given(instances)
def test_lagrangian_bound_is_valid_and_tight_at_lp(problem: Problem) -> None:
    cols = np.arange(problem.n_pairs, dtype=np.int64)
    status, x, bound, _ = solve_lp(problem, cols, 0)
    if status != "optimal":
        return
    lp_value = float(problem.weight @ x)
    assert bound >= lp_value - 1e-6
    assert bound <= lp_value + 1e-4 * max(1.0, abs(lp_value))  # strong duality at the LP optimum
    best = solve_problem(problem, "cpsat")
    assert best.objective is not None and bound + problem.offset >= best.objective - 1e-6


def test_flow_refuses_side_constraints() -> None:
    problem = random_problem(1, 6, 5, caps=True)
    assert problem.stay_groups
    with pytest.raises(FlowNotApplicableError):
        solve_flow(problem)


def test_auto_picks_flow_without_caps_and_mip_with_caps() -> None:
    assert solve_problem(random_problem(3, 6, 5), "auto").backend == "flow"
    assert solve_problem(random_problem(3, 6, 5, caps=True), "auto").backend == "mip"


def test_infeasible_model_is_reported() -> None:
    problem = random_problem(2, 4, 4)
    problem.stay_groups.append(
        StayGroup("impossible", np.arange(problem.n_people, dtype=np.int64), problem.n_people + 1)
    )
    for backend in ("mip", "cpsat", "pulp"):
        assert solve_problem(problem, backend).status is SolveStatus.INFEASIBLE


def test_backends_survive_other_highs_objects_in_the_process() -> None:
    """HiGHS keeps one thread scheduler per process; a Highs object with another thread count
    (PuLP's, a notebook's) once made the next mip run fail and report NO_PLAN (found by
    test_solver_properties)."""
    import highspy

    other = highspy.Highs()  # type: ignore[no-untyped-call]
    other.setOptionValue("output_flag", False)
    other.run()  # starts the scheduler with the default thread count
    problem = random_problem(2, 4, 4)
    problem.stay_groups.append(
        StayGroup("impossible", np.arange(problem.n_people, dtype=np.int64), problem.n_people + 1)
    )
    for backend in ("pulp", "mip", "pulp", "cpsat", "mip"):
        assert solve_problem(problem, backend).status is SolveStatus.INFEASIBLE, backend
    feasible = random_problem(3, 6, 5, caps=True)
    other.run()
    assert solve_problem(feasible, "mip").status is SolveStatus.OPTIMAL


def test_empty_model_has_status_empty() -> None:
    empty = Problem(
        0,
        0,
        *(np.zeros(0, dtype=np.int64) for _ in range(4)),
        np.zeros(0, dtype=bool),
        np.zeros(0, dtype=bool),
        np.zeros(0, dtype=bool),
    )
    assert solve_problem(empty).status is SolveStatus.EMPTY


def test_generic_assign_api() -> None:
    pairs = pd.DataFrame(
        {
            "agent": ["a", "a", "b", "c"],
            "target": ["x", "y", "x", "y"],
            "cost": [1.0, 2.0, 1.5, 0.5],
        }
    )
    shifted = pairs.assign(cost=pairs["cost"] - 10)
    plan, total = assign(shifted, scale=10)
    assert sorted(zip(plan.agent, plan.target, strict=True)) == [("a", "x"), ("c", "y")]
    assert total == pytest.approx(-18.5)
    with pytest.raises(ValueError, match="cost"):
        assign(pairs.drop(columns="cost"))


@settings(max_examples=80)
@given(instances)
def test_reduced_cost_fixing_never_changes_the_optimum(problem: Problem) -> None:
    fixed = solve_mip(problem)
    unfixed = solve_mip(problem, fixing=False)
    assert fixed.status == unfixed.status
    assert (fixed.objective, fixed.tiebreak) == (unfixed.objective, unfixed.tiebreak)
    assert fixed.chosen.tolist() == unfixed.chosen.tolist()


@settings(max_examples=40)
@given(instances, st.integers(0, 2**31))
def test_warm_start_hint_never_changes_the_optimum(problem: Problem, salt: int) -> None:
    plain = solve_mip(problem)
    if plain.status is not SolveStatus.OPTIMAL:
        return
    stays = np.flatnonzero(problem.stay)  # often feasible, rarely optimal
    noise = np.random.default_rng(salt).choice(
        problem.n_pairs, size=min(3, problem.n_pairs), replace=False
    )
    for hint in (plain.chosen, stays, noise.astype(np.int64)):
        hinted = solve_mip(problem, hint=hint)
        assert (hinted.objective, hinted.tiebreak, hinted.chosen.tolist()) == (
            plain.objective,
            plain.tiebreak,
            plain.chosen.tolist(),
        )


@settings(max_examples=80)
@given(instances)
def test_column_generation_gives_the_same_optimum(problem: Problem) -> None:
    full_lp = solve_mip(problem, cg_threshold=10**9)
    column_generation = solve_mip(problem, cg_threshold=0, cg_start=1)
    assert full_lp.status == column_generation.status
    assert (full_lp.objective, full_lp.tiebreak, full_lp.chosen.tolist()) == (
        column_generation.objective,
        column_generation.tiebreak,
        column_generation.chosen.tolist(),
    )
    if problem.n_pairs and column_generation.status is SolveStatus.OPTIMAL:
        assert (
            column_generation.stats.get("cg_final_pricing_added") == 0
            or "cg_fallback" in column_generation.stats
        )


def test_column_generation_prices_in_missing_pairs() -> None:
    problem = random_problem(7, 40, 30, density=0.6, caps=True)
    solution = solve_mip(problem, cg_threshold=0, cg_start=1)
    assert solution.status is SolveStatus.OPTIMAL
    assert int(solution.stats["cg_rounds"]) > 1  # the start set was not enough: pricing added pairs
    assert int(solution.stats["cg_final_columns"]) > int(solution.stats["cg_start_columns"])
    assert solution.objective == solve_mip(problem, cg_threshold=10**9).objective


@settings(max_examples=60)
@given(instances, st.integers(0, 2**31))
def test_pair_lagrangian_bound_equals_the_matrix_form(problem: Problem, salt: int) -> None:
    """Pricing by gathering row multipliers gives the bound and reduced profits of c − Aᵀy."""
    from placement.solver.highs_model import build_rows, lagrangian_bound, pair_lagrangian_bound
    from placement.solver.mip import _col_lower

    rng = np.random.default_rng(salt)
    n_rows = problem.n_people + problem.n_posts + len(problem.stay_groups)
    y = rng.normal(0, 20_000, n_rows)
    cols = np.flatnonzero(rng.random(problem.n_pairs) < 0.6).astype(np.int64)
    for subset in (cols, np.arange(problem.n_pairs, dtype=np.int64)):
        rows = build_rows(problem, subset)
        want_b, want_d = lagrangian_bound(
            problem.weight[subset].astype(float), rows, _col_lower(problem, subset), y
        )
        got_b, got_d, _ = pair_lagrangian_bound(
            problem, y, None if len(subset) == problem.n_pairs else subset
        )
        assert got_b == pytest.approx(want_b, rel=1e-12, abs=1e-6)
        np.testing.assert_allclose(got_d, want_d, rtol=1e-12, atol=1e-6)


@settings(max_examples=40)
@given(instances)
def test_start_columns_packed_sort_equals_lexsort(problem: Problem) -> None:
    from placement.solver import mip

    packed = mip._start_columns(problem, 2)
    original = mip.INT64_SAFE
    try:
        mip.INT64_SAFE = 0  # forces the lexsort branch
        assert packed.tolist() == mip._start_columns(problem, 2).tolist()
    finally:
        mip.INT64_SAFE = original


@settings(max_examples=80)
@given(instances, st.booleans())
def test_tiebreak_on_the_optimal_face_equals_the_weight_row_form(
    problem: Problem, coarse: bool
) -> None:
    """The tie-break stage on the LP's optimal face (equalities) picks the same plan as the
    stage with a row "weight ≥ optimum" over all fixed pairs. ``coarse``: few distinct weights,
    so many plans share the optimal weight and the tie-break decides (as at province scale)."""
    from placement.solver import mip

    if coarse:
        problem.weight = (problem.weight // 10_000) * 10_000
    face = solve_mip(problem)
    original = mip._optimal_face
    try:
        mip._optimal_face = lambda *_args: None  # type: ignore[assignment]
        row_form = solve_mip(problem)
    finally:
        mip._optimal_face = original
    assert "tiebreak_face_pairs" not in row_form.stats
    # (weight, tie-break) is the lexicographic optimum; with coarse weights two plans may share it.
    assert (face.status, face.objective, face.tiebreak) == (
        row_form.status,
        row_form.objective,
        row_form.tiebreak,
    )
    if not coarse:
        assert face.chosen.tolist() == row_form.chosen.tolist()
    if face.status is SolveStatus.OPTIMAL:
        assert not problem.violations(face.chosen)


def test_optimal_face_is_used_and_skips_the_weight_mip() -> None:
    problem = random_problem(11, 30, 20, density=0.5, caps=True)
    solution = solve_mip(problem)
    assert solution.status is SolveStatus.OPTIMAL
    if solution.stats.get("lp_integral"):
        assert solution.stats.get("mip1_skipped") == 1
    assert "tiebreak_face_pairs" in solution.stats
    assert (solution.objective, solution.tiebreak) == (
        solve_problem(problem, "cpsat").objective,
        solve_problem(problem, "cpsat").tiebreak,
    )


def test_incumbent_comes_from_the_pairs_the_lp_prices_tight() -> None:
    """A fractional LP's incumbent MIP runs on the tight pairs, not on (nearly) all of them:
    provinsi with OPD caps spent minutes there when the band was one weight deviation wide."""
    problem = random_problem(2, 40, 30, density=0.6, caps=True)
    solution = solve_mip(problem)
    assert solution.stats["lp_integral"] == 0
    assert int(solution.stats["incumbent_pairs"]) < problem.n_pairs // 5
    unfixed = solve_mip(problem, fixing=False)
    assert (solution.objective, solution.tiebreak) == (unfixed.objective, unfixed.tiebreak)


def test_incumbent_widens_the_band_when_the_tight_pairs_admit_no_plan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    problem = random_problem(2, 40, 30, density=0.6, caps=True)
    sizes: list[int] = []
    real = mip._run_mip

    def first_finds_nothing(p: Problem, cols: IntArray, *args: Any, **kwargs: Any) -> Any:
        sizes.append(len(cols))
        if len(sizes) == 1:
            return "none", cols[:0], float("nan")
        return real(p, cols, *args, **kwargs)

    monkeypatch.setattr(mip, "_run_mip", first_finds_nothing)
    solution = solve_mip(problem)
    assert sizes[1] > sizes[0]
    assert solution.status is SolveStatus.OPTIMAL
    monkeypatch.undo()
    assert solution.objective == solve_mip(problem, fixing=False).objective


@pytest.mark.parametrize("seed", range(4))
def test_tiebreak_face_without_side_rows_is_a_flow_with_the_same_plan(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without move caps the optimal face is an assignment model again: its tie-break is solved
    as a min-cost flow (the lexicographic flow overflows int64 on a national pool) and gives
    the plan of the face MIP and of the other backends."""
    problem = random_problem(seed, 30, 20, density=0.5, must_fill=seed % 2 == 1)
    by_flow = solve_mip(problem)
    assert by_flow.stats.get("tiebreak_face_solver") == "flow"

    def unavailable(*args: Any, **kwargs: Any) -> Any:
        raise mip.FlowNotApplicableError("as when the tie-break overflows")

    monkeypatch.setattr(mip, "_run_face_flow", unavailable)
    by_mip = solve_mip(problem)
    monkeypatch.undo()
    assert by_mip.stats.get("tiebreak_face_solver") == "mip"
    plans = {
        tuple(s.chosen.tolist()) for s in (by_flow, by_mip, solve_problem(problem, "assignment"))
    }
    assert len(plans) == 1
    assert by_flow.status is SolveStatus.OPTIMAL
