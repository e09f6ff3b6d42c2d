"""Why a person is not placed in a post: an ineligible pair lists its failed rules with values;
an eligible one is forced in and re-solved (objective loss and the placements that change)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from placement.config import Skenario
from placement.domain.messages import texts
from placement.domain.model import Dataset
from placement.plan.forcing import force_and_solve, pair_position
from placement.rules.eligibility import PairDecision, RuleCheck, check_pair

if TYPE_CHECKING:
    from placement.plan.result import Result


@dataclass
class WhyNot:
    """Why a person is not placed in a post."""

    nip: str
    jabatan_id: str
    code: str  # TIDAK_MEMENUHI_SYARAT | DI_LUAR_LINGKUP | SELEKSI_TERBUKA | DILARANG | SUDAH_DI_RENCANA | WAJIB_PINDAH | DIPAKSA
    message_id: str
    message_en: str
    failed: list[RuleCheck] = field(default_factory=list)
    status: str | None = None
    loss: float | None = None
    exact: bool = False
    changes: list[dict[str, str | None]] = field(default_factory=list)

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        return out


def why_not(
    ds: Dataset,
    sc: Skenario,
    result: Result,
    nip: str,
    jabatan_id: str,
    time_budget: float | None = None,
) -> WhyNot:
    """Failed rules of an ineligible pair; for an eligible one the cost of forcing it in."""
    decision = check_pair(ds, sc, nip, jabatan_id)
    refused = _refused(decision, sc, nip, jabatan_id)
    if refused is not None:
        return refused
    in_plan = result.plan[
        (result.plan["nip"] == nip) & (result.plan["jabatan_tujuan_id"] == jabatan_id)
    ]
    if len(in_plan):
        return WhyNot(
            nip,
            jabatan_id,
            "SUDAH_DI_RENCANA",
            *texts("MENGAPA_SUDAH_DI_RENCANA", nip=nip, jabatan_id=jabatan_id),
        )
    pos = pair_position(result, nip, jabatan_id)
    if pos is None:
        return WhyNot(
            nip,
            jabatan_id,
            "WAJIB_PINDAH",
            *texts("MENGAPA_WAJIB_PINDAH", nip=nip),
        )
    return _forced(ds, result, nip, jabatan_id, pos, time_budget)


def _refused(decision: PairDecision, sc: Skenario, nip: str, jabatan_id: str) -> WhyNot | None:
    """Why the rules or the scenario keep the pair out of the model (None when nothing does):
    failed rules, out of scope, open selection only, forbidden by the scenario."""
    failed = [c for c in decision.checks if not c.passed]
    if failed:
        ids = ", ".join(f"{c.rule_id} ({c.actual} vs {c.threshold})" for c in failed)
        return WhyNot(
            nip,
            jabatan_id,
            "TIDAK_MEMENUHI_SYARAT",
            *texts("MENGAPA_TIDAK_MEMENUHI_SYARAT", nip=nip, jabatan_id=jabatan_id, ids=ids),
            failed,
        )
    if not decision.in_scope:
        return WhyNot(
            nip,
            jabatan_id,
            "DI_LUAR_LINGKUP",
            *texts("MENGAPA_DI_LUAR_LINGKUP"),
        )
    if decision.shortlist_only:
        return WhyNot(
            nip,
            jabatan_id,
            "SELEKSI_TERBUKA",
            *texts("MENGAPA_SELEKSI_TERBUKA"),
        )
    if any(k.nip == nip and k.jabatan_id == jabatan_id for k in sc.larang):
        return WhyNot(
            nip,
            jabatan_id,
            "DILARANG",
            *texts("MENGAPA_DILARANG"),
        )
    return None


def _forced(
    ds: Dataset, result: Result, nip: str, jabatan_id: str, pos: int, time_budget: float | None
) -> WhyNot:
    """An eligible pair forced in and re-solved: the objective loss and the placements that
    change, or the solver's status when the forced model has no plan."""
    forced = force_and_solve(ds, result, np.array([pos]), time_budget)
    if forced.loss is None:
        return WhyNot(
            nip,
            jabatan_id,
            "DIPAKSA_TIDAK_LAYAK",
            *texts(
                "MENGAPA_DIPAKSA_TIDAK_LAYAK", nip=nip, jabatan_id=jabatan_id, status=forced.status
            ),
            status=str(forced.status),
        )
    n = len(forced.changes)
    return WhyNot(
        nip,
        jabatan_id,
        "DIPAKSA",
        *texts("MENGAPA_DIPAKSA", nip=nip, jabatan_id=jabatan_id, loss=forced.loss, n=n),
        status=str(forced.status),
        loss=forced.loss,
        exact=forced.exact,
        changes=forced.changes,
    )
