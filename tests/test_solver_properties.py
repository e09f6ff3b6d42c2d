"""End-to-end solver properties on random regions with random rules, locks and caps.

Each drawn instance goes through ``placement.api.solve`` (the path the CLI takes):
- a plan is re-checked by the audit without the solver (no rule broken, objective recomputed);
- the same seed gives the identical plan, and an independent backend the same objective;
- an infeasible instance is always diagnosed with a conflict the planner can act on;
- contradictory settings are refused before solving with a located error.

The ``ci`` profile draws 60 instances; ``HYPOTHESIS_PROFILE=nightly`` draws 2,000.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from hypothesis import event, given
from hypothesis import strategies as st

from placement.api import solve
from placement.config import Skenario
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset
from placement.plan.audit import audit_plan
from placement.plan.infeasibility import diagnose_infeasibility
from placement.rules.eligibility import PairTable, build_pairs
from placement.solver import SolveStatus
from tests.builders import random_dataset_strategy, random_scenario_strategy


@st.composite
def instances(draw: Any) -> tuple[Dataset, Skenario]:
    """A random region (some posts wajib_isi) and a scenario with random caps and weights."""
    ds = draw(random_dataset_strategy(max_people=12, max_posts=7, must_fill=True))
    return ds, random_settings(draw, draw(random_scenario_strategy()))


def random_settings(draw: Any, sc: Skenario) -> Skenario:
    """``sc`` with random caps, weights, seed, wajib_isi_keras and izinkan_non_job."""
    cap = st.none() | st.integers(0, 3)
    update: dict[str, Any] = {
        "wajib_isi_keras": draw(st.booleans()),
        "izinkan_non_job": draw(st.booleans()),
        "seed": draw(st.integers(0, 3)),
        "batas": {
            "perpindahan_total": draw(cap),
            "perpindahan_per_opd": draw(cap),
            "porsi_berubah_per_opd": draw(st.sampled_from([None, 0.5, 1.0])),
        },
        "bobot": {
            "jpm": draw(st.sampled_from([0.0, 0.6, 1.0])),
            "biaya_perpindahan": {"rotasi": draw(st.sampled_from([0.0, 0.05, 0.5]))},
        },
    }
    raw = {**sc.model_dump(mode="json", exclude_defaults=True), **update}
    return Skenario.model_validate(raw)


def with_locks(draw: Any, ds: Dataset, sc: Skenario, table: PairTable) -> Skenario:
    """Locks, forbidden pairs, keep and must-move drawn mostly from the eligible pairs."""
    pairs = table.pairs[["nip", "jabatan_id"]].astype(str).drop_duplicates()
    eligible = [{"nip": n, "jabatan_id": j} for n, j in pairs.itertuples(index=False)]
    nips = ds.pegawai["nip"].astype(str).tolist()
    posts = ds.jabatan["jabatan_id"].astype(str).tolist()
    held = [j for j in posts if ds.holder_of(j) is not None]
    anywhere = st.fixed_dictionaries(
        {"nip": st.sampled_from(nips), "jabatan_id": st.sampled_from(posts)}
    )
    some = st.sampled_from(eligible) if eligible else st.nothing()
    locks = draw(st.lists(some, max_size=1)) if eligible else []
    if draw(st.integers(0, 9)) == 0:  # now and then a lock the rules refuse, or a second one
        locks.append(draw(anywhere))
    holders = [str(ds.holder_of(j)) for j in held]
    update = {
        "kunci": locks,
        "larang": [p for p in draw(st.lists(some, max_size=2)) if p not in locks]
        if eligible
        else [],
        "pertahankan": draw(st.lists(st.sampled_from(held), max_size=2, unique=True))
        if held
        else [],
        "wajib_pindah": draw(st.lists(st.sampled_from(holders), max_size=1)) if held else [],
    }
    return Skenario.model_validate({**sc.model_dump(mode="json", exclude_defaults=True), **update})


def _plan_key(plan: pd.DataFrame) -> list[tuple[Any, ...]]:
    cols = ["nip", "jabatan_asal_id", "jabatan_tujuan_id", "jenis_perpindahan"]
    return [tuple(r) for r in plan[cols].astype(str).itertuples(index=False)]


@given(inst=instances(), data=st.data())
def test_every_plan_passes_the_audit_and_is_reproducible(
    inst: tuple[Dataset, Skenario], data: st.DataObject
) -> None:
    ds, sc = inst
    table = build_pairs(ds, sc)  # locks and caps do not change eligibility
    sc = with_locks(data.draw, ds, sc, table)
    try:
        result = solve(ds, sc, table=table)
    except PlacementError as exc:  # contradictory settings: refused before solving, located
        assert exc.issues and all(i.code and i.message("id") for i in exc.issues)
        event(f"refused {sorted({i.code for i in exc.issues})}")
        return
    event(f"status {result.status}")
    if result.status is SolveStatus.INFEASIBLE:
        diagnosis = diagnose_infeasibility(ds, sc, table)
        assert diagnosis is not None and diagnosis.elements
        assert diagnosis.text("id").strip()
        return
    assert result.status is SolveStatus.OPTIMAL
    report = audit_plan(ds, sc, result.plan, result.solution.objective, table=table)
    assert report.ok, report.findings
    again = solve(ds, sc, table=table)
    assert _plan_key(again.plan) == _plan_key(result.plan)
    other = solve(ds, sc, table=table, backend="cpsat")
    assert (other.solution.objective, other.solution.tiebreak) == (
        result.solution.objective,
        result.solution.tiebreak,
    )
