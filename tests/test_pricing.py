"""Staged pricing (workflow/pricing.py) returns the full model's optimum, tie-break included.

- kabupaten: the staged and the full solve write byte-identical plan files, and the staged one
  proves its plan (``bertahap_bukti`` = ``lengkap``) on a fraction of the pairs;
- random regions with caps, locks, bans, must-move and must-fill: staged = full in status,
  objective and tie-break, with one pair per row at the start so that the LP really grows;
- the final reduced-cost fixing is what makes the tie-break the full model's;
- without the proof (LP rounds ran out) the plan is FEASIBLE, never OPTIMAL, and still audited;
- GrowingLp's bound equals the LP of all columns; PairScan counts as build_pairs does.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from placement.config import Skenario
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset
from placement.plan.audit import audit_plan
from placement.plan.infeasibility import _subset as restrict
from placement.plan.result import Result
from placement.report.outputs import write_outputs
from placement.rules.eligibility import PairScan, build_pairs, count_eligible
from placement.solver import SolveStatus
from placement.solver.flow_lp import FlowLp, assignment_duals
from placement.solver.growing_lp import GrowingLp
from placement.solver.mip import solve_lp, top_per_key
from placement.solver.problem import MinRow, Problem
from placement.synth.generator import generate
from placement.synth.presets import preset_plan_date
from placement.workflow import pricing
from placement.workflow.engine import solve
from tests.builders import dataset, person, post, random_scenario_strategy, scenario
from tests.solver_instances import random_problem
from tests.test_solver_properties import instances, random_settings, with_locks

PLAN_FILES = ("rencana.csv", "lowong.csv", "rantai.csv", "shortlist_jpt.csv")


def _key(result: Result) -> tuple[SolveStatus, int | None, int | None]:
    return result.status, result.solution.objective, result.solution.tiebreak


def _plan_files(result: Result, ds: Dataset, out: Path) -> dict[str, bytes]:
    write_outputs(result, ds, out)
    return {name: (out / name).read_bytes() for name in PLAN_FILES}


@dataclasses.dataclass(frozen=True)
class Kabupaten:
    ds: Dataset
    sc: Skenario
    full: Result
    staged: Result


@pytest.fixture(scope="module")
def kabupaten() -> Kabupaten:
    ds = generate("kabupaten", 0)
    sc = Skenario(tanggal_rencana=preset_plan_date("kabupaten"))
    return Kabupaten(ds, sc, solve(ds, sc, staged=False), solve(ds, sc, staged=True))


def test_kabupaten_staged_writes_the_full_build_plan(kabupaten: Kabupaten, tmp_path: Path) -> None:
    ds, full, staged = kabupaten.ds, kabupaten.full, kabupaten.staged
    assert full.status is SolveStatus.OPTIMAL
    assert _key(staged) == _key(full)
    stats = staged.solution.stats
    assert "bertahap_bukti" not in full.solution.stats
    assert stats["bertahap_bukti"] == "lengkap"
    assert stats["bertahap_lp"] == "flow"  # no move caps: the LP rounds solve flows
    n_full = len(full.table.pairs)
    assert int(stats["bertahap_pasangan_layak"]) == n_full
    assert int(stats["bertahap_pasangan_disimpan"]) == staged.problem.n_pairs < n_full // 2
    assert staged.summary()["pasangan_memenuhi_syarat"] == n_full
    # every other figure of the summary is the full build's (posts in scope, vacancies, chains)
    differ = {k for k, v in full.summary().items() if staged.summary()[k] != v}
    assert differ == {"pasangan_di_solver"}
    assert staged.table.refusal_counts.equals(full.table.refusal_counts)
    assert staged.table.model_extent is not None
    files = _plan_files(staged, ds, tmp_path / "staged")
    assert files == _plan_files(full, ds, tmp_path / "full")
    assert all(files.values())


def test_without_the_final_fixing_the_tiebreak_falls_short(
    kabupaten: Kabupaten, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pairs priced in only by the final reduced-cost fixing change the plan's tie-break."""
    assert int(kabupaten.staged.solution.stats["bertahap_ditambah_akhir"]) > 0

    def nothing_missing(store: Any, y_person: Any, y_post: Any, above: float) -> Any:
        return pricing._Found.join([])  # only the final fixing prices with ``price``

    monkeypatch.setattr(pricing._Store, "price", nothing_missing)
    cut = solve(kabupaten.ds, kabupaten.sc, staged=True)
    assert cut.solution.stats["bertahap_ditambah_akhir"] == 0
    assert cut.solution.objective == kabupaten.full.solution.objective
    assert cut.solution.tiebreak is not None and kabupaten.full.solution.tiebreak is not None
    assert cut.solution.tiebreak < kabupaten.full.solution.tiebreak


def test_mip_backend_starts_from_the_proven_lp(kabupaten: Kabupaten, tmp_path: Path) -> None:
    """With the LP proven by the rounds, the MIP backend does not solve it again: it takes the
    rounds' multipliers and their integral plan (no weight MIP), then the tie-break on the
    optimal face; the plan files are the full build's."""
    ds = kabupaten.ds
    staged = solve(ds, kabupaten.sc, staged=True, backend="mip")
    stats = staged.solution.stats
    assert stats["lp_given"] == 1 and "lp_seconds" not in stats
    assert stats["mip1_skipped"] == 1 and stats["tiebreak_face_solver"] == "flow"
    assert stats["bertahap_bukti"] == "lengkap"
    assert _key(staged) == _key(kabupaten.full)
    assert _plan_files(staged, ds, tmp_path / "mip") == _plan_files(
        kabupaten.full, ds, tmp_path / "full"
    )


@pytest.fixture
def one_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pricing, "START_PER_ROW", 1)
    monkeypatch.setattr(pricing, "PRICED_PER_ROW", 1)


def _tiny() -> tuple[Dataset, Skenario]:
    return generate("tiny", 0), Skenario(tanggal_rencana=preset_plan_date("tiny"))


@pytest.mark.usefixtures("one_per_row")
def test_one_pair_per_row_needs_several_lp_rounds_and_still_proves() -> None:
    ds, sc = _tiny()
    staged = solve(ds, sc, staged=True)
    assert int(staged.solution.stats["bertahap_putaran_lp"]) > 1
    assert staged.solution.stats["bertahap_bukti"] == "lengkap"
    assert _key(staged) == _key(solve(ds, sc, staged=False))


@pytest.mark.usefixtures("one_per_row")
def test_lp_rounds_run_out_plan_is_feasible_not_optimal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pricing, "MAX_LP_ROUNDS", 1)
    ds, sc = _tiny()
    staged = solve(ds, sc, staged=True)
    assert staged.solution.stats["bertahap_bukti"] == "tidak"
    assert "bertahap_ditambah_akhir" not in staged.solution.stats
    assert staged.status is SolveStatus.FEASIBLE
    assert len(staged.plan)
    table = build_pairs(ds, sc)
    report = audit_plan(ds, sc, staged.plan, staged.solution.objective, table=table)
    assert report.ok, report.findings


def test_auto_stages_from_the_cross_size_and_plain_models_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ds, sc = _tiny()
    assert "bertahap_bukti" not in solve(ds, sc).solution.stats
    monkeypatch.setattr(pricing, "STAGED_CROSS", 1)
    assert solve(ds, sc).solution.stats["bertahap_bukti"] == "lengkap"
    tiers = Skenario.model_validate(
        {**sc.model_dump(mode="json"), "tingkatan": [{"kriteria": "jabatan_terisi"}]}
    )
    assert "bertahap_bukti" not in solve(ds, tiers).solution.stats  # auto: tiers solve in full
    with pytest.raises(ValueError, match="plain models only"):
        solve(ds, tiers, staged=True)


def _no_pair() -> tuple[Dataset, Skenario]:
    """No eligible pair at all: the only person is past retirement age."""
    return dataset([person(birth_date=date(1960, 1, 1))], [post()]), scenario()


def _two_must_fill() -> tuple[Dataset, Skenario]:
    """Two posts to fill for certain and one person: no plan."""
    a, b = post(must_fill=True), post(must_fill=True)
    return dataset([person(holds=a)], [a, b]), scenario(wajib_isi_keras=True)


@pytest.mark.parametrize(
    ("region", "status"),
    [(_no_pair, SolveStatus.OPTIMAL), (_two_must_fill, SolveStatus.INFEASIBLE)],
)
def test_a_kept_model_with_every_pair_is_proven_without_an_lp(
    region: Any, status: SolveStatus
) -> None:
    """An empty or infeasible LP gives no multipliers; with nothing left out it needs none."""
    ds, sc = region()
    staged = solve(ds, sc, staged=True)
    assert staged.solution.stats["bertahap_bukti"] == "lengkap"
    assert _key(staged) == _key(solve(ds, sc, staged=False))
    assert staged.status is status


@functools.cache
def _tiny_of(seed: int) -> Dataset:
    return generate("tiny", seed)


@st.composite
def tiny_regions(draw: Any) -> tuple[Dataset, Skenario]:
    """A generated tiny region (denser than ``instances``: the LP grows over several rounds)."""
    ds = _tiny_of(draw(st.integers(0, 3)))
    rules = draw(random_scenario_strategy()).model_copy(
        update={"tanggal_rencana": preset_plan_date("tiny")}
    )
    return ds, random_settings(draw, rules)


@given(inst=st.one_of(instances(), tiny_regions()), data=st.data())
def test_staged_equals_full_on_random_regions(
    inst: tuple[Dataset, Skenario], data: st.DataObject
) -> None:
    _check_staged_equals_full(inst, data, "auto")


@given(inst=instances(), data=st.data())
def test_staged_mip_from_the_proven_lp_equals_full_on_random_regions(
    inst: tuple[Dataset, Skenario], data: st.DataObject
) -> None:
    """The MIP backend started from the rounds' multipliers (caps: a fractional LP, so the
    incumbent and the fixing come from them) returns the full build's optimum."""
    _check_staged_equals_full(inst, data, "mip")


def _check_staged_equals_full(
    inst: tuple[Dataset, Skenario], data: st.DataObject, backend: str
) -> None:
    ds, sc = inst
    table = build_pairs(ds, sc)
    sc = with_locks(data.draw, ds, sc, table)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pricing, "START_PER_ROW", 1)
        mp.setattr(pricing, "PRICED_PER_ROW", 1)
        mp.setattr(pricing, "THIN_AT", 7)  # streamed best-per-row thinned many times
        try:
            full = solve(ds, sc, staged=False, table=table)
        except PlacementError as exc:  # contradictory settings: refused the same way
            with pytest.raises(PlacementError) as staged_exc:
                solve(ds, sc, staged=True, backend=backend)
            assert [i.code for i in staged_exc.value.issues] == [i.code for i in exc.issues]
            return
        staged = solve(ds, sc, staged=True, backend=backend)
    stats = staged.solution.stats
    event(f"status {full.status}, proof {stats['bertahap_bukti']}, LP given {'lp_given' in stats}")
    event(f"LP by {stats.get('bertahap_lp')}")
    event(f"LP rounds {'1' if stats['bertahap_putaran_lp'] == 1 else 'more'}")
    if full.status is SolveStatus.INFEASIBLE and stats["bertahap_bukti"] == "tidak":
        # Infeasibility is proven only when every eligible pair is kept (the relaxed LP's
        # artificial columns are priced, not a Farkas proof): NO_PLAN, no plan, no proof.
        assert staged.status is SolveStatus.NO_PLAN and not len(staged.solution.chosen)
        return
    assert _key(staged) == _key(full)
    assert staged.table.n_eligible == len(table.pairs)
    if full.status is SolveStatus.OPTIMAL:
        assert stats["bertahap_bukti"] == "lengkap"


def _subset(problem: Problem, cols: np.ndarray) -> Problem:
    """The model of the sorted pairs ``cols`` (every fixed pair among them)."""
    keep = np.zeros(problem.n_pairs, dtype=bool)
    keep[cols] = True
    restricted = restrict(problem, keep)
    assert restricted is not None
    return restricted


def _batches(problem: Problem, seed: int) -> Iterator[np.ndarray]:
    """The start pairs (stays, fixed and a third of the moves), then the other moves in 2 parts."""
    rng = np.random.default_rng(seed)
    moves = np.setdiff1d(np.flatnonzero(~problem.stay), problem.fixed)
    rng.shuffle(moves)
    first, second, third = np.array_split(moves, 3)
    yield np.union1d(np.union1d(np.flatnonzero(problem.stay), problem.fixed), first)
    yield second
    yield third


@pytest.mark.parametrize(("kind", "caps"), [("highs", False), ("highs", True), ("flow", False)])
@pytest.mark.parametrize("seed", range(6))
def test_column_lp_bound_equals_the_lp_of_all_its_columns(seed: int, kind: str, caps: bool) -> None:
    """GrowingLp (HiGHS) and, without move caps, FlowLp (min-cost flow): after each batch of
    columns the bound is the LP of all columns so far; the flow's multipliers price every one
    of them at d ≤ 0 (HiGHS's may leave a column at its upper bound 1 with d > 0); without caps
    the LP's optimum is a plan whose weight is the bound."""
    problem = random_problem(
        seed, n_people=14, n_posts=10, density=0.5, caps=caps, must_fill=seed % 2 == 1, fixed=True
    )
    batches = _batches(problem, seed)
    cols = next(batches)
    start = _subset(problem, cols)
    lp = GrowingLp(start, seed) if kind == "highs" else FlowLp(start)
    start_cols, added_cols = cols, np.zeros(0, dtype=np.int64)
    for add in [np.zeros(0, dtype=np.int64), *batches]:
        lp.add(problem.pair_person[add], problem.pair_post[add], problem.weight[add].astype(float))
        cols = np.union1d(cols, add)
        added_cols = np.concatenate([added_cols, add])
        solved, y, bound = lp.optimise()
        status, _, expected, _ = solve_lp(problem, cols, seed)
        assert solved == (status == "optimal")
        if solved:
            assert len(y) == problem.n_people + problem.n_posts + len(problem.stay_groups)
            assert abs(bound - expected) <= 1e-6 * max(1.0, abs(expected)), (bound, expected)
        if solved and kind == "flow":
            free = cols[~np.isin(cols, problem.fixed)]
            d = problem.weight[free] - y[problem.pair_person[free]]
            d -= y[problem.n_people + problem.pair_post[free]]
            assert d.max(initial=0.0) <= 1e-6
    assert len(added_cols) and len(cols) == problem.n_pairs
    plan = lp.integral_plan() if solved else None
    if plan is not None:  # the LP's integral optimum is a plan whose weight is the LP bound
        chosen = np.concatenate([start_cols[plan[0]], added_cols[plan[1]]])
        assert not problem.violations(chosen)
        assert abs(problem.weight[chosen].sum() - bound) <= 1e-6 * max(1.0, abs(bound))
    elif solved:
        assert caps  # without move caps the LP optimum of an assignment model is integral


def test_assignment_duals_refuse_a_plan_that_is_not_optimal() -> None:
    """Swapping the two posts of a plan gains weight: the fixed point climbs a positive cycle
    and never settles, so there are no multipliers to prove the plan."""
    problem = random_problem(0, n_people=2, n_posts=2, density=1.0)
    problem.weight = np.array(
        [10 if p == j else 1 for p, j in zip(problem.pair_person, problem.pair_post, strict=True)]
    )
    crossed = np.flatnonzero(problem.pair_person != problem.pair_post)
    assert assignment_duals(problem, crossed) is None
    straight = np.flatnonzero(problem.pair_person == problem.pair_post)
    y = assignment_duals(problem, straight)
    assert y is not None and y.tolist() == [10.0, 10.0, 0.0, 0.0]


def test_flow_lp_refuses_side_rows() -> None:
    with pytest.raises(ValueError, match="side rows"):
        FlowLp(random_problem(0, n_people=6, n_posts=4, caps=True))


def test_growing_lp_refuses_tier_rows() -> None:
    problem = random_problem(0, n_people=4, n_posts=3)
    problem.min_rows = [MinRow("t", np.ones(problem.n_pairs, dtype=np.int64), 1)]
    with pytest.raises(ValueError, match="tier rows"):
        GrowingLp(problem, 0)


@given(
    key=st.lists(st.integers(0, 6), min_size=0, max_size=60),
    data=st.data(),
    k=st.integers(1, 4),
)
def test_top_mask_ranks_in_whole_units_as_top_per_key(
    key: list[int], data: st.DataObject, k: int
) -> None:
    """On integer values the mask is exactly top_per_key's (ties: lower position first), and
    fractional values rank by their whole unit: the start's pairs are those of the exact sort."""
    n = len(key)
    values = np.array(data.draw(st.lists(st.integers(-5, 5), min_size=n, max_size=n)))
    keys = np.array(key, dtype=np.int64)
    expected = np.zeros(n, dtype=bool)
    expected[top_per_key(keys, values, np.arange(n), k)] = True
    mask = pricing._top_mask(keys, values.astype(np.float64), k, 7)
    assert mask.tolist() == expected.tolist()
    shifted = pricing._top_mask(keys, values + 0.25, k, 7)  # the same whole units
    assert shifted.tolist() == expected.tolist()


@pytest.mark.parametrize("chunk_pairs", [None, 97])
def test_pair_scan_counts_as_build_pairs_on_tiny(chunk_pairs: int | None) -> None:
    ds, sc = _tiny()
    opts = {} if chunk_pairs is None else {"chunk_pairs": chunk_pairs}
    table = build_pairs(ds, sc)
    assert count_eligible(ds, sc, **opts) == len(table.pairs)
    scan = PairScan.of(ds, sc, **opts)
    for _ in range(2):  # each pass counts the refusals afresh
        n = sum(len(part["post"]) for part in scan.moves()) + len(scan.stays()["post"])
        assert n == len(table.pairs)
        assert scan.counts.sum(axis=0).tolist() == table.refusal_counts["count"].tolist()
    assert table.refusal_counts["count"].sum() + n == len(scan.candidates) * len(scan.posts)


def test_pair_scan_counts_as_build_pairs_on_kabupaten(kabupaten: Kabupaten) -> None:
    table = kabupaten.full.table  # the full build: build_pairs on the same scenario
    scan = PairScan.of(kabupaten.ds, kabupaten.sc)
    n = sum(len(part["post"]) for part in scan.moves()) + len(scan.stays()["post"])
    assert n == len(table.pairs) == count_eligible(kabupaten.ds, kabupaten.sc)
    rebuilt = scan.table([])  # no pair kept: the refusal counts of the pass only
    assert rebuilt.refusal_counts.equals(table.refusal_counts)
    assert rebuilt.refusals_by_post.equals(table.refusals_by_post)
    assert int(table.refusal_counts["count"].sum()) > 0


_UNSATISFIABLE_START = {
    "tanggal_rencana": "2026-07-01",
    "aturan": {
        "DEMOSI": {"aktif": False},
        "KOTAK_TALENTA_MIN": {"kotak_min": {"rotasi": 4, "mutasi": 5}},
    },
    "bobot": {"jpm": 1.0},
    "pertahankan": ["J-005", "J-009"],
    "larang": [{"nip": "197410312004072001", "jabatan_id": "J-008"}],
    "wajib_pindah": ["197410312004072001"],
    "wajib_isi_keras": True,
    "izinkan_non_job": True,
    "penempatan_jpt_langsung": True,
    "seed": 1,
}


@pytest.mark.usefixtures("one_per_row")
def test_kept_pairs_whose_lp_has_no_solution_are_repaired_by_pricing() -> None:
    """One pair per row leaves a must-fill post or a must-move person without a kept pair: the
    LP is relaxed (artificial columns) and pricing brings in the pairs that repair it (found by
    the random-region property test: staged said NO_PLAN where the full model is OPTIMAL)."""
    ds, sc = generate("tiny", 1), Skenario.model_validate(_UNSATISFIABLE_START)
    full = solve(ds, sc, staged=False)
    staged = solve(ds, sc, staged=True)
    assert full.status is SolveStatus.OPTIMAL
    assert staged.solution.stats["bertahap_relaksasi"] == 1
    assert staged.solution.stats["bertahap_bukti"] == "lengkap"
    assert (staged.status, staged.solution.objective, staged.solution.tiebreak) == (
        full.status,
        full.solution.objective,
        full.solution.tiebreak,
    )
