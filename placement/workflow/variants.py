"""Running a scenario file's baseline and variants, each into its own output folder, with gates."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from placement.config import BASELINE, Skenario, VariantNameError, scenario_variants, variant_folder
from placement.domain.errors import Issue, PlacementError, shown
from placement.domain.messages import NOWHERE, Where, failure, issue
from placement.domain.model import Dataset
from placement.plan.compare import GateResult, check_gates, plan_kpis, read_plan_dir
from placement.report.outputs import write_outputs
from placement.solver import SolveStatus
from placement.workflow.engine import solve
from placement.workflow.run import require_audit

NO_PLAN = (SolveStatus.INFEASIBLE, SolveStatus.NO_PLAN, SolveStatus.INTERRUPTED)


def load_variants(path: Path) -> dict[str, Skenario]:
    """Baseline and variants of a scenario file, each validated, rule overrides included, before
    anything is solved; every issue names the file and the key path (``varian.NAMA.…``)."""
    from placement.rules.registry import rule_set

    variants = scenario_variants(path)
    issues: list[Issue] = []
    for name, sc in variants.items():
        try:
            rule_set(sc)
        except PlacementError as exc:
            prefix = "" if name == BASELINE else f"varian.{name}."
            issues.extend(
                dataclasses.replace(i, file=str(path), column=f"{prefix}{i.column or ''}")
                for i in exc.issues
            )
    if issues:
        raise PlacementError(issues)
    return variants


def variant_dir(out_root: Path, name: str) -> Path:
    """``out_root/<folder of name>`` (:func:`~placement.config.variant_folder`); PlacementError
    when the name is a path or the folder resolves outside ``out_root`` (e.g. a symlink)."""
    label = shown(name, 40)
    try:
        path = out_root / variant_folder(name)
    except VariantNameError as exc:
        found = issue(
            "SKENARIO_VARIAN",
            Where(str(out_root)),
            "VARIAN_FOLDER_DITOLAK",
            name=label,
            reason_id=exc.reason[0],
            reason_en=exc.reason[1],
        )
        raise PlacementError([found]) from None
    if not path.resolve().is_relative_to(out_root.resolve()):
        found = issue(
            "SKENARIO_VARIAN",
            Where(str(out_root)),
            "VARIAN_DI_LUAR_FOLDER",
            name=label,
            path=path,
            out=out_root,
        )
        raise PlacementError([found])
    return path


@dataclass
class VariantRun:
    """One solved variant: where its files are, its KPIs and its gate results."""

    name: str
    scenario: Skenario
    out_dir: Path | None
    status: SolveStatus
    kpis: dict[str, float | int | None] = field(default_factory=dict)
    gates: list[GateResult] = field(default_factory=list)

    @property
    def gates_ok(self) -> bool:
        return self.out_dir is not None and all(g.ok for g in self.gates)


class DataCache:
    """Each data folder is read once per plan date, however many variants use it."""

    def __init__(self, data: Path | None) -> None:
        self.override = data
        self.loaded: dict[tuple[Path, date], tuple[Dataset, list[Issue]]] = {}

    def get(self, sc: Skenario) -> tuple[Dataset, Skenario]:
        from placement.io.readers import load_dataset

        source = self.override if self.override is not None else sc.data
        if source is None:
            raise failure("DATA_TIDAK_DISEBUT", NOWHERE, "DATA_TIDAK_DISEBUT_VARIAN")
        path = Path(source).resolve()
        key = (path, sc.tanggal_rencana)
        if key not in self.loaded:
            self.loaded[key] = load_dataset(path, plan_date=sc.tanggal_rencana)
        return self.loaded[key][0], sc.model_copy(update={"data": path})


def run_variant(
    name: str,
    sc: Skenario,
    data: DataCache,
    out_dir: Path,
    *,
    scenario_file: Path | None = None,
    backend: str = "auto",
    time_limit: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> VariantRun:
    """Solve one variant, audit it (AuditFailedError when the audit fails), write its files into
    ``out_dir`` and check its gates."""
    ds, sc = data.get(sc)
    result = solve(ds, sc, backend=backend, time_limit=time_limit, progress=progress)
    if result.status is SolveStatus.INTERRUPTED:
        raise KeyboardInterrupt  # stop the whole scenario run, as Ctrl-C between variants does
    if result.status in NO_PLAN:
        return VariantRun(name, sc, None, result.status)
    require_audit(ds, sc, result)  # AuditFailedError: a solver/audit disagreement is a bug
    extra = {
        "data": str(sc.data),
        "skenario": str(scenario_file) if scenario_file else None,
        "varian": name,
        "audit": "lulus",
    }
    write_outputs(result, ds, out_dir, extra)
    kpis = plan_kpis(read_plan_dir(out_dir))
    return VariantRun(name, sc, out_dir, result.status, kpis, check_gates(kpis, sc.gerbang))
