"""Solve → audit → write a plan folder: the one path behind ``placement solve`` and the web UI."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from placement.config import Skenario
from placement.domain.messages import text
from placement.domain.model import Dataset
from placement.plan.audit import AuditFailedError, audit_plan
from placement.plan.result import Result
from placement.report.outputs import remove_leftovers, stale_outputs, write_error, write_outputs
from placement.solver import SolveStatus
from placement.workflow.engine import Progress, solve
from placement.workflow.gc_pause import fewer_gc_passes
from placement.workflow.studies import diverse_plans, solve_elastic


@dataclass
class PlanRun:
    """What one solve produced: the result, the relaxations (``elastic``) and the diagnosis text
    of an infeasible model; ``written`` is True when the plan folder was written."""

    result: Result
    relaxed: list[dict[str, Any]] = field(default_factory=list)
    horizon: dict[str, Any] | None = None
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    diagnosis: str | None = None
    written: bool = False

    @property
    def has_plan(self) -> bool:
        return self.result.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)


@fewer_gc_passes()
def solve_to_folder(
    ds: Dataset,
    sc: Skenario,
    out: Path,
    *,
    extra: dict[str, Any] | None = None,
    backend: str = "auto",
    time_limit: float | None = None,
    seed: int | None = None,
    elastic: bool = False,
    horizon: int = 1,
    discount: float = 1.0,
    export: Path | None = None,
    progress: Progress | None = None,
    lang: str = "id",
    notice: Progress | None = None,
) -> PlanRun:
    """Solve, re-check with the independent audit and write the plan folder ``out``.

    Without a plan (infeasible, no plan, interrupted) nothing is written; an infeasible model
    gets its diagnosis (which rules conflict). Raises AuditFailedError when the audit finds a broken
    rule, PlacementError on contradictory settings.

    ``out`` is this solve's own (docs/reliability.md): staging folders a killed run left there are
    removed first, what an earlier run wrote and this one does not when the plan is published;
    ``notice`` gets a line for each (a plan_N folder holding user files refuses the solve)."""
    _clear_leftovers(out, notice or (lambda _msg: None), lang)
    run = _solve(ds, sc, backend, time_limit, seed, elastic, horizon, discount, export, progress)
    if run.result.status is SolveStatus.INFEASIBLE:
        from placement.plan.infeasibility import diagnose_infeasibility

        if progress:
            progress("Mencari aturan yang saling bertentangan")
        diagnosis = diagnose_infeasibility(ds, sc, run.result.table, time_limit=time_limit or 10.0)
        run.diagnosis = None if diagnosis is None else diagnosis.text(lang)
    if not run.has_plan:
        return run
    result = run.result
    require_audit(ds, sc, result, relaxed=run.relaxed, lang=lang)
    record = {**(extra or {}), "audit": "lulus", "pelonggaran": run.relaxed}
    if run.horizon is not None:
        record["horizon"] = run.horizon
    stale = stale_outputs(out, run.tables)
    write_outputs(result, ds, out, record, run.tables)
    run.written = True
    if stale and notice:
        notice(stale_notice(out, stale, lang))
    return run


def stale_notice(out: Path, stale: list[Path], lang: str) -> str:
    """The notice that ``stale`` (an earlier run's outputs) went from ``out``."""
    names = ", ".join(p.name for p in stale)
    return text("RUN_KELUARAN_LAMA_DIHAPUS", lang, out=out, names=names)


@dataclass(frozen=True)
class AlternativePlan:
    """Plan ``number`` (2, 3, …) of ``solve --plans``, written into ``out``; ``loss``: objective
    given up against the optimal plan."""

    number: int
    result: Result
    loss: float
    out: Path


def write_alternatives(
    ds: Dataset,
    sc: Skenario,
    first: Result,
    out: Path,
    k: int,
    d: int,
    *,
    backend: str = "auto",
    time_limit: float | None = None,
    extra: Mapping[str, object] | None = None,
    lang: str = "id",
) -> Iterator[AlternativePlan]:
    """``placement solve --plans k --min-difference d``: plans 2..k, each differing from every
    earlier plan in ``d`` placements, audited (AuditFailedError) and written into ``out/plan_i``;
    each is yielded as soon as it is written."""
    results = diverse_plans(ds, sc, k, d, backend=backend, time_limit=time_limit, first=first)
    best = first.objective or 0.0
    for i, res in enumerate(results[1:], start=2):
        require_audit(ds, sc, res, lang=lang)
        loss = best - (res.objective or 0.0)
        record = {
            **(extra or {}),
            "rencana_ke": i,
            "beda_minimum": d,
            "kehilangan_objektif": round(loss, 6),
        }
        write_outputs(res, ds, out / f"plan_{i}", record)
        yield AlternativePlan(i, res, loss, out / f"plan_{i}")


def require_audit(
    ds: Dataset,
    sc: Skenario,
    result: Result,
    *,
    relaxed: list[dict[str, Any]] | None = None,
    lang: str = "id",
) -> None:
    """Re-check a solved plan with the independent audit before it is written; AuditFailedError
    when a rule is broken (a solver/audit disagreement is a bug, never a plan)."""
    audit = audit_plan(
        ds,
        sc,
        result.plan,
        result.solution.objective,
        table=None if relaxed else result.table,
        relaxed=relaxed or [],
    )
    if not audit.ok:
        raise AuditFailedError(audit, lang)


def _clear_leftovers(out: Path, notice: Progress, lang: str) -> None:
    """Remove what a killed run left in ``out`` (with a notice: it may hold personal data) and
    refuse, before solving, an output folder whose plan_N folders hold user files."""
    try:
        left = remove_leftovers(out)
    except OSError as exc:
        raise write_error(out, exc) from None
    if left:
        names = ", ".join(p.name for p in left)
        notice(text("RUN_SISA_DIHAPUS", lang, out=out, names=names))
    stale_outputs(out)


def _solve(
    ds: Dataset,
    sc: Skenario,
    backend: str,
    time_limit: float | None,
    seed: int | None,
    elastic: bool,
    horizon: int,
    discount: float,
    export: Path | None,
    progress: Progress | None,
) -> PlanRun:
    if horizon > 1:
        from placement.plan.horizon import solve_horizon

        multi = solve_horizon(
            ds, sc, horizon, discount=discount, time_limit=time_limit, seed=seed, progress=progress
        )
        tables = {
            "rencana_horizon.csv": multi.plan.drop(columns=["tahun"]),
            "pensiun_horizon.csv": multi.retirements.drop(columns=["tahun"]),
        }
        return PlanRun(multi.first, horizon=multi.summary(), tables=tables)
    if elastic:
        result, relaxed = solve_elastic(
            ds, sc, backend=backend, time_limit=time_limit, seed=seed, progress=progress
        )
        return PlanRun(result, relaxed)
    result = solve(
        ds, sc, backend=backend, time_limit=time_limit, seed=seed, progress=progress, export=export
    )
    return PlanRun(result)
