"""What a planner reviews in a written plan and across plans (the web workspace's Rencana and
Bandingkan pages, ``placement compare``): the summary of one plan folder, the per-post /
per-person differences against a base plan, the gates recorded in each plan's scenario and the
number of moves per plan (the frontier's x axis). The 9-box grid of a plan's moves is
:func:`placement.succession.talent_map.talent_grid_moves`.

Computed from plan folders (:func:`placement.plan.compare.read_plan_dir`) and the data only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from placement.config import Gerbang
from placement.plan.chains import chain_statistics
from placement.plan.compare import (
    GateResult,
    PlanFiles,
    check_gates,
    person_differences,
    plan_kpis,
    post_differences,
)

MOVE_KINDS: tuple[str, ...] = ("promosi", "rotasi", "mutasi", "demosi", "alih_jenis", "non-job")


@dataclass(frozen=True)
class PlanSummary:
    """Headline numbers of one plan folder."""

    status: str
    objective: float | None
    posts_in_scope: int
    filled: int
    vacant: int
    moves: dict[str, int]  # move kind → count (MOVE_KINDS and "tetap")
    chains: int
    cycles: int
    longest_chain: int

    @property
    def moved(self) -> int:
        return sum(self.moves.get(k, 0) for k in MOVE_KINDS)


def plan_summary(files: PlanFiles) -> PlanSummary:
    """Status, objective, filled and vacant posts, moves by kind and chain counts of a plan."""
    kpis = plan_kpis(files)
    kinds = files.plan["jenis_perpindahan"].astype(str).value_counts()
    stats = chain_statistics(files.chains)
    objective = files.record.get("objektif")
    return PlanSummary(
        status=str(files.record.get("status", "")),
        objective=None if objective is None else float(objective),
        posts_in_scope=int(files.record.get("jabatan_dalam_lingkup") or 0),
        filled=int(kpis["jabatan_terisi"] or 0),
        vacant=int(kpis["lowong"] or 0),
        moves={k: int(kinds.get(k, 0)) for k in ("tetap", *MOVE_KINDS)},
        chains=int(stats["rantai"]),  # type: ignore[call-overload]
        cycles=int(stats["siklus"]),  # type: ignore[call-overload]
        longest_chain=int(stats["panjang_maks"]),  # type: ignore[call-overload]
    )


def moves_total(kpis: dict[str, float | int | None]) -> int:
    """People who move in a plan (every move kind but ``tetap``), from :func:`plan_kpis`."""
    return sum(int(kpis.get(k.replace("-", "_")) or 0) for k in MOVE_KINDS)


def differences(
    plans: Sequence[PlanFiles], names: Sequence[str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-post and per-person differences of every plan against the first (column
    ``rencana_b``: the other plan's name, or its entry of ``names``); the first against itself
    when it is alone."""
    labels = list(names) if names is not None else [p.name for p in plans]
    base = plans[0]
    others = list(zip(plans[1:], labels[1:], strict=True)) or [(base, labels[0])]
    posts = pd.concat(
        [post_differences(base, p).assign(rencana_b=n) for p, n in others], ignore_index=True
    )
    people = pd.concat(
        [person_differences(base, p).assign(rencana_b=n) for p, n in others], ignore_index=True
    )
    return posts, people


def recorded_gates(files: PlanFiles) -> list[Gerbang]:
    """The acceptance gates (``gerbang``) of the scenario the plan was made with."""
    config = files.record.get("konfigurasi") or {}
    return [Gerbang.model_validate(g) for g in config.get("gerbang") or []]


def gate_results(files: PlanFiles, gates: Sequence[Gerbang] | None = None) -> list[GateResult]:
    """Gates (default: the plan's own :func:`recorded_gates`) checked against its KPIs."""
    return check_gates(plan_kpis(files), recorded_gates(files) if gates is None else gates)
