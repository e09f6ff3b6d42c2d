"""The Python API: ``placement.api.solve(dataset, scenario) -> Result``. The CLI and reports sit on it."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.model import Dataset
from placement.plan.chains import vacancy_chains
from placement.plan.plan import move_counts, plan_table, shortlist_table, vacancy_table
from placement.rules.eligibility import PairTable, build_pairs
from placement.solver.build import ModelIndex, build_problem
from placement.solver.problem import (
    SCALE,
    MinRow,
    Problem,
    Solution,
    SolveStatus,
    empty_chosen,
)
from placement.solver.run import choose_backend, solve_problem
from placement.solver.tiers import Tier, apply_tiers

Progress = Callable[[str], None]


@dataclass
class Result:
    """A solved scenario: status and proof, the plan tables and where time went."""

    status: SolveStatus
    scenario: Skenario
    solution: Solution
    plan: pd.DataFrame
    vacancies: pd.DataFrame
    shortlist: pd.DataFrame
    chains: pd.DataFrame
    table: PairTable
    problem: Problem
    index: ModelIndex
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def objective(self) -> float | None:
        """Weighted objective in score units (None without a plan)."""
        obj = self.solution.objective
        return None if obj is None else obj / SCALE

    @property
    def bound(self) -> float | None:
        b = self.solution.bound
        return None if b is None else b / SCALE

    def summary(self) -> dict[str, Any]:
        counts = move_counts(self.plan)
        moved_incumbents = int(
            (
                self.plan["jabatan_asal_id"].notna() & (self.plan["jenis_perpindahan"] != "tetap")
            ).sum()
        )
        return {
            "status": str(self.status),
            "objektif": self.objective,
            "batas_atas": self.bound,
            "gap": self.solution.gap,
            "backend": self.solution.backend,
            "perpindahan": counts,
            "pejabat_berpindah": moved_incumbents,
            "jabatan_dalam_lingkup": int(self.problem.n_posts),
            "jabatan_terisi": int(self.plan["jabatan_tujuan_id"].notna().sum()),
            "jabatan_lowong": len(self.vacancies),
            "rantai": int(self.chains["rantai_id"].nunique()) if len(self.chains) else 0,
            "pasangan_memenuhi_syarat": len(self.table.pairs),
            "pasangan_di_solver": int(self.problem.n_pairs),
        }


def tier_criteria(sc: Skenario, index: ModelIndex) -> list[Tier]:
    """Per-pair coefficients of the scenario's lexicographic tiers (all maximised)."""
    coefs = {
        "jabatan_terisi": np.rint(index.column("post_value").astype(float) * SCALE),
        "kecocokan": np.rint(index.column("fit").astype(float) * SCALE),
        "perpindahan_sedikit": index.column("stay").astype(float),
    }
    return [Tier(t.kriteria, coefs[t.kriteria].astype(np.int64), t.toleransi) for t in sc.tingkatan]


def hint_pairs(ds: Dataset, index: ModelIndex, plan: pd.DataFrame) -> np.ndarray:
    """Problem pair ids of an earlier plan's placements that exist in this model."""
    people = [ds.person_index.get(str(n), -1) for n in plan["nip"]]
    posts = [
        ds.post_index.get(str(j), -1) if isinstance(j, str) else -1
        for j in plan["jabatan_tujuan_id"]
    ]
    wanted = pd.DataFrame({"person": people, "post": posts})
    model = pd.DataFrame({"person": index.column("person"), "post": index.column("post"),
                          "pair": np.arange(len(index.rows))})  # fmt: skip
    return np.sort(wanted.merge(model, on=["person", "post"])["pair"].to_numpy()).astype(np.int64)


def solve(
    ds: Dataset,
    sc: Skenario,
    *,
    backend: str = "auto",
    time_limit: float | None = None,
    seed: int | None = None,
    progress: Progress | None = None,
    export: Path | None = None,
    extra_rows: tuple[MinRow, ...] = (),
    table: PairTable | None = None,
    hint: pd.DataFrame | None = None,
) -> Result:
    """Eligibility → model → solve → plan tables. Raises PlacementError on contradictory settings.

    ``extra_rows``: linear lower bounds over the model's pair indices added to this solve only
    (e.g. "differ from an earlier plan", see placement.plan.diverse). ``table``: eligible pairs
    already built for this dataset and scenario (eligibility does not depend on caps or weights of
    the model, only on the rules). ``hint``: an earlier plan (nip, jabatan_tujuan_id) to warm-start
    from; used as the MIP's first incumbent when it is feasible for this model."""
    say = progress or (lambda _msg: None)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    say("Menyusun pasangan pegawai–jabatan yang memenuhi syarat")
    table = build_pairs(ds, sc) if table is None else table
    timings["kelayakan"] = time.perf_counter() - t
    t = time.perf_counter()
    say(f"Menyusun model ({len(table.pairs):,} pasangan)")
    problem, index = build_problem(ds, sc, table)
    if extra_rows:
        problem.min_rows = [*problem.min_rows, *extra_rows]
    timings["model"] = time.perf_counter() - t
    t = time.perf_counter()
    run_seed = sc.seed if seed is None else seed
    chosen_backend = choose_backend(problem) if backend == "auto" else backend
    try:
        if sc.tingkatan:
            say(f"Menyelesaikan {len(sc.tingkatan)} tingkat leksikografis")
            problem, tier_record = apply_tiers(
                problem, tier_criteria(sc, index), backend, time_limit, run_seed
            )
            timings["tingkat"] = time.perf_counter() - t
        chosen_backend = choose_backend(problem) if backend == "auto" else backend
        say(f"Menyelesaikan dengan backend {chosen_backend}")
        start_plan = None if hint is None else hint_pairs(ds, index, hint)
        solution = solve_problem(problem, backend, time_limit, run_seed, export, hint=start_plan)
        if sc.tingkatan:
            solution.stats["tingkatan"] = json.dumps(tier_record)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM while solving: no plan, status INTERRUPTED
        elapsed = round(time.perf_counter() - t, 3)
        solution = Solution(SolveStatus.INTERRUPTED, empty_chosen(), backend=chosen_backend,
                            stats={"dihentikan_setelah_detik": elapsed})  # fmt: skip
    timings["solver"] = time.perf_counter() - t
    t = time.perf_counter()
    result = result_of(ds, sc, table, problem, index, solution)
    timings["rencana"] = time.perf_counter() - t
    result.timings.update(timings)
    return result


def result_of(
    ds: Dataset,
    sc: Skenario,
    table: PairTable,
    problem: Problem,
    index: ModelIndex,
    solution: Solution,
) -> Result:
    """The plan tables of a solution (empty tables when it has no plan)."""
    plan = plan_table(ds, index, solution)
    vacancies = vacancy_table(ds, sc, table, index, problem, solution, plan)
    shortlist = shortlist_table(ds, table, plan)
    chains = vacancy_chains(plan)
    if solution.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE):  # no plan: empty tables
        plan, vacancies, shortlist, chains = (
            f.iloc[0:0] for f in (plan, vacancies, shortlist, chains)
        )
    return Result(
        solution.status, sc, solution, plan, vacancies, shortlist, chains, table, problem, index, {}
    )
