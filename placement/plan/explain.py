"""Why this move: per-move explanations, next-best candidates, why-not, required approvals.

Everything here is data (dataclasses with ``to_dict``); the CLI and the dossier render it.

- :func:`explain_move`: every rule checked on the placement (actual vs threshold, legal basis,
  via :func:`~placement.rules.eligibility.check_pair`), JPM with the gap per competency and the
  BKN category (:func:`~placement.rules.scoring.jpm_detail`), the talent box with the
  PermenPAN-RB 3/2020 recommendation for that box, each score term with its weight and weighted
  contribution, the move type and the vacancy chain the move belongs to.
- :func:`alternatives`: the next-best eligible candidates of a post, with the score difference to
  the chosen one (rest of the plan fixed), and with ``reoptimize=True`` the exact loss in the total
  objective when the candidate is forced in (a fresh Problem with the pair added to ``fixed``, so
  the MIP path recomputes its reduced-cost fixing for that model). Ties (equal scaled weight) name
  the tie-break rule that decided: incumbent, then seniority (TMT golongan, TMT CPNS), then the
  fixed order.
- :func:`why_not`: an ineligible pair lists its failed rules with values; an eligible one is
  forced in and re-solved: objective loss and the placements that change.
- :func:`required_approvals`: the approvals the plan needs from the scenario's ``fakta``.

The forced re-solve lives in :mod:`placement.plan.forcing`, the next-best candidates in
:mod:`placement.plan.next_best` and why-not in :mod:`placement.plan.why_not`; their public names
are importable from here too.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.grades import JenisJabatan
from placement.domain.messages import Where, failure, texts
from placement.domain.model import Dataset, cell_text
from placement.plan.chains import vacancy_chains
from placement.plan.forcing import Forced, force_and_solve, plan_changes, with_fixed
from placement.plan.next_best import TIE_RULES, Alternative, alternatives, alternatives_table
from placement.plan.why_not import WhyNot, why_not
from placement.rules import approvals
from placement.rules.approvals import Approval
from placement.rules.eligibility import RuleCheck, check_pair, check_pairs
from placement.rules.registry import load_pack, rule_set
from placement.rules.scoring import JpmDetail, jpm_detail, score_pairs

if TYPE_CHECKING:
    from placement.plan.result import Result

NO_DETAIL = texts("JPM_RINCIAN_TIDAK_TERSEDIA")
BOX_LEGAL_BASIS = "PermenPAN-RB 3/2020 tentang Manajemen Talenta ASN (lampiran)"
_KEEP = texts("KOTAK_DIPERTAHANKAN")
_FIT = texts("KOTAK_PENEMPATAN_SESUAI")
BOX_RECOMMENDATION: dict[int, tuple[str, str]] = {
    9: texts("KOTAK_DIPROMOSIKAN"),
    8: _KEEP,
    7: _KEEP,
    6: _FIT,
    5: _FIT,
    3: _FIT,
    2: _FIT,
    4: texts("KOTAK_ROTASI"),
    1: texts("KOTAK_DIPROSES_KETENTUAN"),
}
TERM_LABELS: dict[str, tuple[str, str]] = {
    "jpm": texts("SUKU_JPM"),
    "box_value": texts("SUKU_NILAI_KOTAK"),
    "education_match": texts("SUKU_PENDIDIKAN"),
    "post_value": texts("SUKU_NILAI_JABATAN"),
    "move_cost": texts("SUKU_BIAYA_PINDAH"),
    "overdue_penalty": texts("SUKU_PENALTI_MASA_JABATAN"),
    "field_penalty": texts("SUKU_PENALTI_RUMPUN"),
}


def _f(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    return float(value)


def _box(value: Any) -> int | None:
    """A talent box cell as an int (None when missing)."""
    return None if value is None or value is pd.NA or pd.isna(value) else int(value)


# --- data types ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreTerm:
    """One term of the pair's score: value, weight, weighted (signed) contribution to the total."""

    term: str
    label_id: str
    label_en: str
    value: float | None
    weight: float
    contribution: float


@dataclass
class MoveExplanation:
    """Why a person ends where the plan puts them."""

    nip: str
    nama: str
    jabatan_asal_id: str | None
    jabatan_asal: str | None
    jabatan_tujuan_id: str | None
    jabatan_tujuan: str | None
    opd_tujuan: str | None
    move_type: str
    checks: list[RuleCheck]
    jpm: JpmDetail | None
    talent_box: int | None
    box_recommendation_id: str | None
    box_recommendation_en: str | None
    terms: list[ScoreTerm]
    total: float | None
    chain: pd.DataFrame  # rows of vacancy_chains() of the chain this move belongs to
    alternatives: list[Alternative] = field(default_factory=list)
    unchecked: list[tuple[str, str]] = field(default_factory=list)  # (id, en) requirements

    @property
    def failed(self) -> list[RuleCheck]:
        return [c for c in self.checks if not c.passed]

    def to_dict(self) -> dict[str, Any]:
        jpm = None
        if self.jpm is not None:
            jpm = {
                "jpm": _f(self.jpm.jpm),
                "kategori": self.jpm.category_id,
                "kategori_en": self.jpm.category_en,
                "standar_bawaan": self.jpm.default_standard,
                "rincian": "tersedia" if self.jpm.detail else NO_DETAIL[0],
                "gap": [
                    {k: (_f(v) if k in ("standard", "actual", "gap") else v) for k, v in r.items()}
                    for r in self.jpm.gaps.to_dict(orient="records")
                ],
            }
        return {
            "nip": self.nip,
            "nama": self.nama,
            "jabatan_asal_id": self.jabatan_asal_id,
            "jabatan_asal": self.jabatan_asal,
            "jabatan_tujuan_id": self.jabatan_tujuan_id,
            "jabatan_tujuan": self.jabatan_tujuan,
            "opd_tujuan": self.opd_tujuan,
            "jenis_perpindahan": self.move_type,
            "aturan": [dataclasses.asdict(c) for c in self.checks],
            "jpm": jpm,
            "kotak_talenta": self.talent_box,
            "rekomendasi_kotak": self.box_recommendation_id,
            "rekomendasi_kotak_en": self.box_recommendation_en,
            "dasar_rekomendasi": BOX_LEGAL_BASIS,
            "suku_skor": [dataclasses.asdict(t) for t in self.terms],
            "skor": self.total,
            "rantai": self.chain.to_dict(orient="records"),
            "alternatif": [a.to_dict() for a in self.alternatives],
            "tidak_dapat_diperiksa": [u[0] for u in self.unchecked],
        }


# --- explain one move ---------------------------------------------------------------------------


def _plan_and_chains(result_or_plan: Result | pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(result_or_plan, pd.DataFrame):
        return result_or_plan, vacancy_chains(result_or_plan)
    return result_or_plan.plan, result_or_plan.chains


def score_terms(ds: Dataset, sc: Skenario, nip: str, jabatan_id: str) -> list[ScoreTerm]:
    """The score terms of one pair, recomputed from the data (weights from ``sc.bobot``)."""
    p, j = ds.person_index[nip], ds.post_index[jabatan_id]
    overdue = check_pair(ds, sc, nip, jabatan_id).overdue
    s = score_pairs(ds, sc, np.array([p]), np.array([j]), np.array([overdue])).iloc[0]
    return _terms(sc, s)


def _terms(sc: Skenario, s: pd.Series[Any]) -> list[ScoreTerm]:
    """The weighted score terms of one row of :func:`score_pairs`."""
    b = sc.bobot
    out = []
    for term, weight in (
        ("jpm", b.jpm),
        ("box_value", b.kotak_talenta),
        ("education_match", b.pendidikan),
        ("post_value", 1.0),
        ("move_cost", -1.0),
        ("overdue_penalty", -1.0),
        ("field_penalty", -1.0),
    ):
        value = _f(s[term])
        out.append(
            ScoreTerm(term, *TERM_LABELS[term], value, weight, weight * (value or 0.0) + 0.0)
        )
    return out


RELATED_EXPERIENCE: dict[str, tuple[int, str]] = {
    "JPT_PRATAMA": (5, "PP 11/2017 jo PP 17/2020 ps 107 ayat (1) huruf c angka 3, terverifikasi"),
    "JPT_MADYA": (7, "PP 11/2017 jo PP 17/2020 ps 107 ayat (1) huruf b, sekunder"),
}
"""Years of related-field experience (cumulative) a JPT post asks, with the citation and its
status: the data has no job history (riwayat jabatan), so explanations say it was not checked."""


def unchecked_requirements(kind: str, move_type: str) -> list[tuple[str, str]]:
    """Requirements of a new post the data cannot check, as (Indonesian, English) sentences."""
    if move_type == "tetap" or kind not in RELATED_EXPERIENCE:
        return []
    years, basis = RELATED_EXPERIENCE[kind]
    return [texts("SYARAT_PENGALAMAN_TIDAK_DIPERIKSA", years=years, basis=basis)]


def explain_move(
    ds: Dataset, sc: Skenario, result_or_plan: Result | pd.DataFrame, nip: str
) -> MoveExplanation:
    """Explanation of the plan row of ``nip`` (see the module docstring)."""
    plan, chains = _plan_and_chains(result_or_plan)
    rows = plan[plan["nip"].astype(str).str.lstrip("'") == nip]
    if rows.empty:
        raise failure("NIP_TIDAK_DI_RENCANA", Where("rencana", column="nip"), nip=nip)
    row = rows.iloc[0]
    person = ds.person(nip)
    target = cell_text(row["jabatan_tujuan_id"], strip=True)
    box = person.talent_box
    rec = BOX_RECOMMENDATION.get(int(box)) if box is not None else None
    chain_ids = chains.loc[chains["nip"].astype(str) == nip, "rantai_id"].tolist()
    chain = chains[chains["rantai_id"].isin(chain_ids)].reset_index(drop=True)
    checks: list[RuleCheck] = []
    detail: JpmDetail | None = None
    terms: list[ScoreTerm] = []
    total: float | None = None
    unchecked: list[tuple[str, str]] = []
    if target is not None:
        unchecked = unchecked_requirements(
            ds.post(target).jenis_jabatan.value, str(row["jenis_perpindahan"])
        )
        checks = check_pair(ds, sc, nip, target).checks
        detail = jpm_detail(ds, nip, target, sc)
        terms = score_terms(ds, sc, nip, target)
        total = sum(t.contribution for t in terms)
    origin = cell_text(row["jabatan_asal_id"], strip=True)
    return MoveExplanation(
        nip=nip,
        nama=person.name,
        jabatan_asal_id=origin,
        jabatan_asal=cell_text(row.get("jabatan_asal"), strip=True),
        jabatan_tujuan_id=target,
        jabatan_tujuan=cell_text(row.get("jabatan_tujuan"), strip=True),
        opd_tujuan=cell_text(row.get("opd_tujuan"), strip=True),
        move_type=str(row["jenis_perpindahan"]),
        checks=checks,
        jpm=detail,
        talent_box=box,
        box_recommendation_id=rec[0] if rec else None,
        box_recommendation_en=rec[1] if rec else None,
        terms=terms,
        total=total,
        chain=chain,
        unchecked=unchecked,
    )


def explain_moves(
    ds: Dataset, sc: Skenario, result_or_plan: Result | pd.DataFrame, nips: list[str]
) -> list[MoveExplanation]:
    """:func:`explain_move` for many plan rows at once, in ``nips`` order: the rules run once on
    all the pairs and the score terms are computed in one call (the usulan package explains
    every move of a kabupaten plan in well under a second this way)."""
    plan, chains = _plan_and_chains(result_or_plan)
    rows = plan.assign(_nip=plan["nip"].astype(str).str.lstrip("'")).drop_duplicates("_nip")
    rows = rows.set_index("_nip")
    missing = [n for n in nips if n not in rows.index]
    if missing:
        return [explain_move(ds, sc, plan, missing[0])]  # raises NIP_TIDAK_DI_RENCANA
    picked = rows.loc[nips]
    targets = [cell_text(t, strip=True) for t in picked["jabatan_tujuan_id"]]
    placed = [i for i, t in enumerate(targets) if t is not None]
    decisions = check_pairs(ds, sc, [nips[i] for i in placed], [str(targets[i]) for i in placed])
    person = np.array([ds.person_index[nips[i]] for i in placed], dtype=np.int64)
    post = np.array([ds.post_index[str(targets[i])] for i in placed], dtype=np.int64)
    overdue = np.array([d.overdue for d in decisions], dtype=bool)
    scores = score_pairs(ds, sc, person, post, overdue)
    rules = rule_set(sc)
    by_row = dict(zip(placed, range(len(placed)), strict=True))
    chain_of = chains.groupby(chains["nip"].astype(str))["rantai_id"].agg(list).to_dict()
    chain_rows = {rid: part for rid, part in chains.groupby("rantai_id", sort=False)}
    names = ds.pegawai["name"].astype(str).to_numpy()
    post_kinds = ds.jabatan["jenis_jabatan"].to_numpy()
    records = picked.to_dict(orient="records")  # one dict per row: a row Series each cost more
    out = []
    for i, nip in enumerate(nips):
        row = records[i]
        box = _box(ds.pegawai.at[ds.person_index[nip], "talent_box"])
        rec = BOX_RECOMMENDATION.get(box) if box is not None else None
        parts = [chain_rows[r] for r in dict.fromkeys(chain_of.get(nip, []))]
        joined = parts[0] if len(parts) == 1 else (pd.concat(parts) if parts else chains.iloc[:0])
        chain = joined.reset_index(drop=True)
        k = by_row.get(i)
        target = targets[i]
        checks: list[RuleCheck] = []
        detail: JpmDetail | None = None
        terms: list[ScoreTerm] = []
        unchecked: list[tuple[str, str]] = []
        if k is not None and target is not None:
            kind = JenisJabatan(post_kinds[ds.post_index[target]]).value
            unchecked = unchecked_requirements(kind, str(row["jenis_perpindahan"]))
            checks = decisions[k].checks
            detail = jpm_detail(ds, nip, target, sc, rules)
            terms = _terms(sc, scores.iloc[k])
        out.append(
            MoveExplanation(
                nip=nip,
                nama=str(names[ds.person_index[nip]]),
                jabatan_asal_id=cell_text(row["jabatan_asal_id"], strip=True),
                jabatan_asal=cell_text(row.get("jabatan_asal"), strip=True),
                jabatan_tujuan_id=target,
                jabatan_tujuan=cell_text(row.get("jabatan_tujuan"), strip=True),
                opd_tujuan=cell_text(row.get("opd_tujuan"), strip=True),
                move_type=str(row["jenis_perpindahan"]),
                checks=checks,
                jpm=detail,
                talent_box=box,
                box_recommendation_id=rec[0] if rec else None,
                box_recommendation_en=rec[1] if rec else None,
                terms=terms,
                total=sum(t.contribution for t in terms) if terms else None,
                chain=chain,
                unchecked=unchecked,
            )
        )
    return out


# --- approvals ------------------------------------------------------------------------------------


def required_approvals(
    sc: Skenario, ds: Dataset, plan: pd.DataFrame, vacancies: pd.DataFrame
) -> list[Approval]:
    """The approvals of the scenario's rule pack whose conditions hold for this plan (none when
    nobody moves and no JPT is left vacant)."""
    specs = load_pack(sc.paket_aturan).approvals
    return approvals.required_approvals(specs, sc, ds, plan, vacancies)


__all__ = [
    "BOX_RECOMMENDATION",
    "RELATED_EXPERIENCE",
    "TIE_RULES",
    "Alternative",
    "Approval",
    "Forced",
    "MoveExplanation",
    "ScoreTerm",
    "WhyNot",
    "alternatives",
    "alternatives_table",
    "explain_move",
    "explain_moves",
    "force_and_solve",
    "plan_changes",
    "required_approvals",
    "score_terms",
    "unchecked_requirements",
    "why_not",
    "with_fixed",
]
