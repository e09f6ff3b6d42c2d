"""A solved scenario as data: :class:`Result` (status and proof, the plan tables, where time went)
and how a solution becomes one. plan/ and report/ need only this type; solving is workflow/'s."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.model import Dataset
from placement.plan.chains import vacancy_chains
from placement.plan.plan import move_counts, plan_table, shortlist_table, vacancy_table
from placement.rules.eligibility import PairTable
from placement.solver.build import ModelIndex
from placement.solver.problem import SCALE, Problem, Solution, SolveStatus


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
            "pasangan_memenuhi_syarat": self.table.n_eligible,
            "pasangan_di_solver": int(self.problem.n_pairs),
        }


def hint_pairs(ds: Dataset, index: ModelIndex, plan: pd.DataFrame) -> np.ndarray:
    """Problem pair ids of an earlier plan's placements that exist in this model."""
    people = [ds.person_index.get(str(n), -1) for n in plan["nip"]]
    posts = [
        ds.post_index.get(str(j), -1) if isinstance(j, str) else -1
        for j in plan["jabatan_tujuan_id"]
    ]
    wanted = pd.DataFrame({"person": people, "post": posts})
    model = pd.DataFrame(
        {
            "person": index.column("person"),
            "post": index.column("post"),
            "pair": np.arange(len(index.rows)),
        }
    )
    return np.sort(wanted.merge(model, on=["person", "post"])["pair"].to_numpy()).astype(np.int64)


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
