"""placement: proven-optimal, explainable ASN placement plans (mutasi, rotasi, promosi).

The public API, one import::

    import placement

    ds, warnings = placement.load_dataset(Path("data-tiny"))
    result = placement.solve(ds, placement.Skenario(tanggal_rencana="2026-07-01"))

Names are imported on first use (``import placement`` stays fast: the solver stack loads only
when a name that needs it is touched).
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("placement")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from placement.config import Skenario, load_scenario
    from placement.domain.errors import PlacementError
    from placement.io.readers import load_dataset
    from placement.plan.audit import AuditFailedError, audit_plan
    from placement.plan.explain import explain_move
    from placement.plan.result import Result
    from placement.solver.assign import assign
    from placement.solver.problem import SolveStatus
    from placement.workflow.engine import solve

# public name → module that defines it
_HOME: dict[str, str] = {
    "load_dataset": "placement.io.readers",
    "load_scenario": "placement.config",
    "Skenario": "placement.config",
    "solve": "placement.workflow.engine",
    "Result": "placement.plan.result",
    "SolveStatus": "placement.solver.problem",
    "audit_plan": "placement.plan.audit",
    "AuditFailedError": "placement.plan.audit",
    "explain_move": "placement.plan.explain",
    "PlacementError": "placement.domain.errors",
    "assign": "placement.solver.assign",
}

__all__ = [
    "AuditFailedError",
    "PlacementError",
    "Result",
    "Skenario",
    "SolveStatus",
    "__version__",
    "assign",
    "audit_plan",
    "explain_move",
    "load_dataset",
    "load_scenario",
    "solve",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562) and keep it."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'placement' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
