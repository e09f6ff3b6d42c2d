"""Sweeps and batches: many independent solves on an executor (docs/scale.md).

``scenario run --all --executor …`` solves a scenario file's variants, ``placement batch`` many
regions' data folders with one scenario. A task travels as paths and names only
(:class:`SolveSpec`); the worker reads the data itself, solves, audits and writes the plan
folder into its own temporary folder, and sends back the files' bytes. The coordinating
process publishes each folder (staged, then moved into place: nothing half-written) and is the
only writer of the run store, so the files are byte for byte those of a solve run alone.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from placement.config import BASELINE, Skenario
from placement.domain.errors import PlacementError, shown
from placement.domain.messages import Where, failure
from placement.io.writers import atomic_path, write_xlsx
from placement.plan.compare import GateResult
from placement.report.outputs import publish_files
from placement.solver import SolveStatus
from placement.workflow.executors import Executor, Outcome, Task
from placement.workflow.variants import (
    DataCache,
    VariantRun,
    load_variants,
    run_variant,
    variant_dir,
)


@dataclass(frozen=True)
class SolveSpec:
    """One solve, as it travels to a worker: paths and names, no data.

    ``data`` overrides the scenario's data folder; ``scenario`` None means the built-in
    defaults; ``variant`` is a variant of the scenario file (``dasar`` = the baseline);
    ``plan_date`` and ``instansi`` (fakta.instansi.nama) override the scenario's."""

    name: str
    scenario: Path | None
    variant: str = BASELINE
    data: Path | None = None
    backend: str = "auto"
    time_limit: float | None = None
    plan_date: date | None = None
    instansi: str | None = None


@dataclass(frozen=True)
class Solved:
    """What a worker sends back: status, the plan files' bytes (empty without a plan), KPIs and
    gates, or the user error that stopped the solve."""

    status: str
    files: dict[str, bytes] = field(default_factory=dict)
    kpis: dict[str, float | int | None] = field(default_factory=dict)
    gates: list[GateResult] = field(default_factory=list)
    error: str | None = None


def solve_spec(spec: SolveSpec) -> Solved:
    """Solve ``spec`` in this process (a worker); the plan folder is built in a temporary folder
    and returned as bytes. A user error (bad data, bad scenario) comes back as ``error``."""
    try:
        sc = _scenario(spec)
        with tempfile.TemporaryDirectory(prefix="placement-task-") as tmp:
            run = run_variant(
                spec.variant,
                sc,
                DataCache(spec.data),
                Path(tmp) / "out",
                scenario_file=spec.scenario,
                backend=spec.backend,
                time_limit=spec.time_limit,
            )
            if run.out_dir is None:
                return Solved(str(run.status))
            files = {p.name: p.read_bytes() for p in sorted(run.out_dir.iterdir()) if p.is_file()}
            return Solved(str(run.status), files, run.kpis, run.gates)
    except PlacementError as exc:
        return Solved("ERROR", error="; ".join(i.message("id") for i in exc.issues[:3]))


def _scenario(spec: SolveSpec) -> Skenario:
    sc = Skenario() if spec.scenario is None else load_variants(spec.scenario)[spec.variant]
    if spec.plan_date is not None:
        sc = sc.model_copy(update={"tanggal_rencana": spec.plan_date})
    if spec.instansi is not None:
        named = sc.fakta.instansi.model_copy(update={"nama": spec.instansi})
        sc = sc.model_copy(update={"fakta": sc.fakta.model_copy(update={"instansi": named})})
    return sc


@dataclass
class TaskReport:
    """One finished task in the coordinator: where its plan went, or why there is none."""

    name: str
    out_dir: Path | None
    status: str
    kpis: dict[str, float | int | None] = field(default_factory=dict)
    gates: list[GateResult] = field(default_factory=list)
    error: str | None = None
    attempts: int = 1


def run_specs(
    executor: Executor,
    specs: Sequence[SolveSpec],
    out_dirs: Sequence[Path],
    progress: Callable[[TaskReport, int, int], None] | None = None,
) -> list[TaskReport]:
    """Run every spec on ``executor``, publishing each plan folder as its task finishes; the
    reports in the order of ``specs``."""
    where = {spec.name: out for spec, out in zip(specs, out_dirs, strict=True)}
    reports: dict[str, TaskReport] = {}

    def done(outcome: Outcome) -> None:
        report = _publish(outcome, where[outcome.key])
        reports[outcome.key] = report
        if progress is not None:
            progress(report, len(reports), len(specs))

    executor.run([Task(spec.name, solve_spec, spec) for spec in specs], done)
    return [reports[spec.name] for spec in specs]


def _publish(outcome: Outcome, out_dir: Path) -> TaskReport:
    if not outcome.ok:
        return TaskReport(
            outcome.key, None, "GAGAL", error=outcome.error, attempts=outcome.attempts
        )
    solved: Solved = outcome.value
    if solved.error is not None or not solved.files:
        return TaskReport(
            outcome.key, None, solved.status, error=solved.error, attempts=outcome.attempts
        )
    publish_files(out_dir, solved.files)
    return TaskReport(
        outcome.key, out_dir, solved.status, solved.kpis, solved.gates, attempts=outcome.attempts
    )


def variant_runs(reports: Sequence[TaskReport], variants: dict[str, Skenario]) -> list[VariantRun]:
    """The reports of a scenario sweep as the VariantRuns ``scenario run`` prints."""
    known = {s.value for s in SolveStatus}
    return [
        VariantRun(
            r.name,
            variants[r.name],
            r.out_dir,
            SolveStatus(r.status) if r.status in known else SolveStatus.NO_PLAN,
            r.kpis,
            r.gates,
        )
        for r in reports
    ]


def sweep_specs(
    file: Path, names: Sequence[str], data: Path | None, backend: str, time_limit: float | None
) -> list[SolveSpec]:
    """One spec per variant of the scenario file."""
    return [SolveSpec(name, file, name, data, backend, time_limit) for name in names]


def region_specs(
    dirs: Sequence[Path],
    scenario: Path | None,
    out: Path,
    backend: str = "auto",
    time_limit: float | None = None,
) -> tuple[list[SolveSpec], list[Path]]:
    """One spec per region data folder (named by the folder), each to ``out/NAME``; the names
    must differ and each folder must stay inside ``out``."""
    names = [d.resolve().name for d in dirs]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise failure("BATCH_NAMA_GANDA", Where(str(out)), twice=shown(", ".join(twice), 80))
    specs = [
        SolveSpec(n, scenario, BASELINE, d.resolve(), backend, time_limit)
        for n, d in zip(names, dirs, strict=True)
    ]
    return specs, [variant_dir(out, n) for n in names]


SUMMARY_KPIS = [
    "objektif",
    "jabatan_terisi",
    "lowong",
    "jpm_rata",
    "pejabat_berpindah",
    "promosi",
    "rotasi",
    "mutasi",
]


def summary_frame(reports: Sequence[TaskReport]) -> pd.DataFrame:
    """One row per region: status, folder, attempts, reason of a failure and the main KPIs."""
    rows: list[dict[str, Any]] = []
    for r in reports:
        row: dict[str, Any] = {
            "wilayah": r.name,
            "status": r.status,
            "folder": str(r.out_dir) if r.out_dir else "",
            "percobaan": r.attempts,
            "alasan": r.error or "",
        }
        row.update({k: r.kpis.get(k) for k in SUMMARY_KPIS})
        rows.append(row)
    return pd.DataFrame(
        rows, columns=["wilayah", "status", "folder", "percobaan", "alasan", *SUMMARY_KPIS]
    )


def write_summary(reports: Sequence[TaskReport], out: Path) -> list[Path]:
    """``out/ringkasan.xlsx`` and ``out/ringkasan.json`` (each written atomically)."""
    frame = summary_frame(reports)
    out.mkdir(parents=True, exist_ok=True)
    xlsx = write_xlsx({"Ringkasan": frame}, out / "ringkasan.xlsx")
    path = out / "ringkasan.json"
    with atomic_path(path) as tmp:
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        Path(tmp).write_text(
            json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return [xlsx, path]
