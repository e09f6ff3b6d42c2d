"""Approvals as data: which approvals a plan needs before the SK, each with its legal basis.

The rule pack's ``persetujuan`` entries name an approval, its message, its legal basis and its
conditions (``syarat``): a list of named predicates with parameters, all of which must hold. The
predicates are a closed set (:data:`PREDICATES`), read from the scenario's ``fakta`` and from the
plan's moves and vacancies; there is no expression language and no ``eval``.

==========================  ===================================================================
predicate                   holds when
==========================  ===================================================================
``ada_perpindahan``         the plan has a move; ``jenis`` (move types), ``jenis_jabatan_asal``,
                            ``jenis_jabatan_tujuan`` (kinds of the posts) narrow it
``fakta_benar``             the boolean fact ``fakta`` of the scenario is true
``tanggal_dalam_jendela``   the plan date lies in a window around a date fact: from ``mulai``
                            shifted by ``bulan_mulai`` months to ``selesai`` (a date fact) or
                            ``bulan_selesai`` months after ``mulai``; open when neither is given
``jpt_lowong``              a JPT post in scope is left vacant (filled through seleksi terbuka)
``antar_instansi``          a person moves whose ``instansi`` differs from the scenario's
==========================  ===================================================================
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pandas as pd

from placement.config import Skenario
from placement.domain import grades
from placement.domain.messages import texts
from placement.domain.model import Dataset
from placement.rules.legal import LegalBasis, parse_legal_basis

_DATE_FACTS: tuple[str, ...] = (
    "tanggal_pelantikan_kepala_daerah",
    "tanggal_penetapan_paslon",
    "akhir_masa_jabatan",
)
_BOOL_FACTS: tuple[str, ...] = ("pj_kepala_daerah",)


@dataclass(frozen=True, slots=True)
class Condition:
    """One named predicate with its parameters, as written in the rule pack."""

    predicate: str
    params: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ApprovalSpec:
    """An approval as declared in the rule pack's ``persetujuan`` list."""

    id: str
    description_id: str
    description_en: str
    message_id: str
    message_en: str
    conditions: tuple[Condition, ...]
    legal_basis: tuple[LegalBasis, ...]


@dataclass(frozen=True, slots=True)
class Approval:
    """An approval the plan needs: the message (counts and dates filled in), why it applies and
    its legal basis with the status of each citation."""

    code: str
    message_id: str
    message_en: str
    reasons_id: tuple[str, ...]
    reasons_en: tuple[str, ...]
    legal_basis: tuple[LegalBasis, ...]

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id

    def reasons(self, lang: str = "id") -> str:
        return "; ".join(self.reasons_en if lang == "en" else self.reasons_id)

    @property
    def legal_text(self) -> str:
        """Citations with their status, e.g. ``PP 11/2017 ps 190 ayat (3) (terverifikasi)``."""
        return "; ".join(b.text_with_status() for b in self.legal_basis)


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """What the predicates read: the scenario and the plan's moves and vacancies, with the kinds
    of the posts and the instansi of each person resolved."""

    scenario: Skenario
    moves: pd.DataFrame  # jenis_perpindahan, jenis_asal, jenis_tujuan, instansi
    vacant_jpt: int
    home_instansi: str | None  # None: an empty instansi is this one, any name is another
    home_from_data: bool


@dataclass(slots=True)
class _Outcome:
    holds: bool
    reason_id: str = ""
    reason_en: str = ""
    fields: dict[str, Any] = field(default_factory=dict)


def _months(d: date, months: int) -> date:
    return (pd.Timestamp(d) + pd.DateOffset(months=months)).date()


def _match(moves: pd.DataFrame, params: Mapping[str, Any]) -> pd.DataFrame:
    keep = pd.Series(True, index=moves.index)
    for key, column in (
        ("jenis", "jenis_perpindahan"),
        ("jenis_jabatan_asal", "jenis_asal"),
        ("jenis_jabatan_tujuan", "jenis_tujuan"),
    ):
        if params.get(key):
            keep &= moves[column].isin(list(params[key]))
    return moves[keep]


def _ada_perpindahan(f: PlanFacts, params: Mapping[str, Any]) -> _Outcome:
    n = len(_match(f.moves, params))
    narrowed = ", ".join(
        f"{k}={'/'.join(map(str, params[k]))}"
        for k in ("jenis", "jenis_jabatan_asal", "jenis_jabatan_tujuan")
        if params.get(k)
    )
    suffix = f" ({narrowed})" if narrowed else ""
    return _Outcome(n > 0, *texts("SYARAT_ADA_PERPINDAHAN", n=n, suffix=suffix), {"jumlah": n})


def _fakta_benar(f: PlanFacts, params: Mapping[str, Any]) -> _Outcome:
    name = str(params["fakta"])
    value = bool(getattr(f.scenario.fakta, name))
    shown = "ya" if value else "tidak"
    return _Outcome(
        value, *texts("SYARAT_FAKTA", name=name, value_id=shown, value_en=str(value).lower())
    )


def _tanggal_dalam_jendela(f: PlanFacts, params: Mapping[str, Any]) -> _Outcome:
    anchor: date | None = getattr(f.scenario.fakta, str(params["mulai"]))
    if anchor is None:
        return _Outcome(False)
    start = _months(anchor, int(params.get("bulan_mulai", 0)))
    end: date | None = None  # the last day of the window
    if params.get("selesai"):
        end = getattr(f.scenario.fakta, str(params["selesai"]))
    elif params.get("bulan_selesai") is not None:
        end = _months(anchor, int(params["bulan_selesai"])) - timedelta(days=1)
    today = f.scenario.tanggal_rencana
    holds = start <= today and (end is None or today <= end)
    until = end.isoformat() if end else "akhir masa jabatan"
    return _Outcome(
        holds,
        *texts(
            "SYARAT_DALAM_JENDELA",
            today=today.isoformat(),
            start=start.isoformat(),
            until_id=until,
            until_en=end.isoformat() if end else "the end of term",
        ),
        {"mulai": start.isoformat(), "selesai": until},
    )


def _jpt_lowong(f: PlanFacts, params: Mapping[str, Any]) -> _Outcome:
    n = f.vacant_jpt
    return _Outcome(n > 0, *texts("SYARAT_JPT_LOWONG", n=n), {"jumlah": n})


def _antar_instansi(f: PlanFacts, params: Mapping[str, Any]) -> _Outcome:
    instansi = f.moves["instansi"].dropna().map(_norm)
    home = _norm(f.home_instansi) if f.home_instansi else None
    n = int((instansi != home).sum()) if home else len(instansi)
    name = f.home_instansi or "instansi ini"
    note_id = " (terbanyak di data pegawai; isi fakta.instansi.nama)" if f.home_from_data else ""
    note_en = (
        " (most common in the pegawai data; set fakta.instansi.nama)" if f.home_from_data else ""
    )
    return _Outcome(
        n > 0,
        *texts(
            "SYARAT_ANTAR_INSTANSI",
            n=n,
            instansi_id=name,
            note_id=note_id,
            instansi_en=f.home_instansi or "this instansi",
            note_en=note_en,
        ),
        {"jumlah": n, "instansi": name},
    )


@dataclass(frozen=True, slots=True)
class Predicate:
    """A named condition: its test, the parameters it accepts and the message fields it gives
    (``{jumlah}``, the number of moves, is always there)."""

    test: Callable[[PlanFacts, Mapping[str, Any]], _Outcome]
    params: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()


PREDICATES: dict[str, Predicate] = {
    "ada_perpindahan": Predicate(
        _ada_perpindahan,
        frozenset({"jenis", "jenis_jabatan_asal", "jenis_jabatan_tujuan"}),
        frozenset({"jumlah"}),
    ),
    "fakta_benar": Predicate(_fakta_benar, frozenset({"fakta"})),
    "tanggal_dalam_jendela": Predicate(
        _tanggal_dalam_jendela,
        frozenset({"mulai", "bulan_mulai", "selesai", "bulan_selesai"}),
        frozenset({"mulai", "selesai"}),
    ),
    "jpt_lowong": Predicate(_jpt_lowong, fields=frozenset({"jumlah"})),
    "antar_instansi": Predicate(_antar_instansi, fields=frozenset({"jumlah", "instansi"})),
}


def _norm(text: str) -> str:
    return " ".join(str(text).casefold().split())


# --- parsing ---------------------------------------------------------------------------------


def parse_condition(owner: str, raw: Any, move_types: Sequence[str]) -> Condition:
    """One ``syarat`` entry ``{predikat: {parameter: nilai}}``; unknown names are refused."""
    if not isinstance(raw, dict) or len(raw) != 1:
        raise ValueError(f"{owner}: syarat harus {{predikat: {{parameter: nilai}}}}")
    ((name, params),) = raw.items()
    params = params or {}
    if name not in PREDICATES:
        raise ValueError(
            f"{owner}: predikat {name!r} tidak dikenal; yang ada: {', '.join(PREDICATES)}"
        )
    unknown = sorted(set(params) - PREDICATES[name].params)
    if unknown:
        raise ValueError(f"{owner}.{name}: parameter {unknown} tidak dikenal")
    if name == "fakta_benar" and params.get("fakta") not in _BOOL_FACTS:
        raise ValueError(f"{owner}.{name}: fakta harus salah satu dari {', '.join(_BOOL_FACTS)}")
    if name == "tanggal_dalam_jendela":
        for key in ("mulai", "selesai"):
            if key in params and params[key] not in _DATE_FACTS:
                raise ValueError(
                    f"{owner}.{name}: {key} harus salah satu dari {', '.join(_DATE_FACTS)}"
                )
        if "mulai" not in params:
            raise ValueError(f"{owner}.{name}: parameter mulai wajib ada")
    bad = [m for m in params.get("jenis", []) if m not in move_types]
    if bad:
        raise ValueError(f"{owner}.{name}: jenis {bad} tidak dikenal")
    return Condition(str(name), dict(params))


def _check_fields(owner: str, template: str, conditions: Sequence[Condition]) -> None:
    """Refuse a message naming a field no condition of the approval provides."""
    known = {"jumlah"}.union(*(PREDICATES[c.predicate].fields for c in conditions))
    used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    if used - known:
        raise ValueError(
            f"{owner}: pesan memakai {sorted(used - known)}; yang tersedia: {sorted(known)}"
        )


def parse_approval(raw: Mapping[str, Any], move_types: Sequence[str]) -> ApprovalSpec:
    """One ``persetujuan`` entry of a rule pack."""
    aid = str(raw["id"])
    conditions = tuple(parse_condition(aid, c, move_types) for c in raw.get("syarat") or [])
    if not conditions:
        raise ValueError(f"{aid}: syarat kosong")
    for lang in ("id", "en"):
        _check_fields(f"{aid}.pesan.{lang}", str(raw["pesan"][lang]), conditions)
    return ApprovalSpec(
        id=aid,
        description_id=str(raw["uraian"]["id"]),
        description_en=str(raw["uraian"]["en"]),
        message_id=str(raw["pesan"]["id"]),
        message_en=str(raw["pesan"]["en"]),
        conditions=conditions,
        legal_basis=parse_legal_basis(aid, raw.get("dasar_hukum")),
    )


# --- evaluation ------------------------------------------------------------------------------


def plan_facts(sc: Skenario, ds: Dataset, plan: pd.DataFrame, vacancies: pd.DataFrame) -> PlanFacts:
    """Resolve the kinds of the posts each move leaves and takes, and the movers' instansi."""
    moves = plan.loc[plan["jenis_perpindahan"] != "tetap"] if len(plan) else plan
    post_kind = ds.jabatan.set_index("jabatan_id")["jenis_jabatan"].astype(str)
    person = ds.pegawai.set_index("nip")
    nips = moves.get("nip", pd.Series([], dtype=str)).astype(str)
    own_kind = person["jenis_jabatan"].astype(str).reindex(nips)
    frame = pd.DataFrame(
        {
            "jenis_perpindahan": moves.get(
                "jenis_perpindahan", pd.Series([], dtype=str)
            ).to_numpy(),
            # promoted staff come from outside the posts in scope: their own kind of jabatan
            "jenis_asal": moves.get("jabatan_asal_id", pd.Series([], dtype=str))
            .map(post_kind)
            .fillna(pd.Series(own_kind.to_numpy(), index=moves.index))
            .to_numpy(),
            "jenis_tujuan": moves.get("jabatan_tujuan_id", pd.Series([], dtype=str))
            .map(post_kind)
            .to_numpy(),
            "instansi": person["instansi"].reindex(nips).to_numpy(),
        }
    )
    vacant = vacancies.get("jabatan_id", pd.Series([], dtype=str)).map(post_kind)
    home, from_data = sc.fakta.instansi.nama, False
    if home is None:  # empty = this instansi, unless most people carry one same name
        named = ds.pegawai["instansi"].dropna().value_counts().sort_index()
        if len(named) and int(named.max()) * 2 > len(ds.pegawai):
            home, from_data = str(named.idxmax()), True
    return PlanFacts(
        sc, frame, int(vacant.isin([str(k) for k in grades.JPT_TYPES]).sum()), home, from_data
    )


def evaluate(spec: ApprovalSpec, facts: PlanFacts) -> Approval | None:
    """The approval with its message and reasons when every condition holds, else ``None``."""
    fields: dict[str, Any] = {"jumlah": len(facts.moves)}
    reasons_id: list[str] = []
    reasons_en: list[str] = []
    for c in spec.conditions:
        outcome = PREDICATES[c.predicate].test(facts, c.params)
        if not outcome.holds:
            return None
        fields.update(outcome.fields)
        reasons_id.append(outcome.reason_id)
        reasons_en.append(outcome.reason_en)
    return Approval(
        spec.id,
        spec.message_id.format(**fields),
        spec.message_en.format(**fields),
        tuple(reasons_id),
        tuple(reasons_en),
        spec.legal_basis,
    )


def required_approvals(
    specs: Sequence[ApprovalSpec],
    sc: Skenario,
    ds: Dataset,
    plan: pd.DataFrame,
    vacancies: pd.DataFrame,
) -> list[Approval]:
    """The approvals whose conditions hold for this plan, in pack order."""
    facts = plan_facts(sc, ds, plan, vacancies)
    found = (evaluate(s, facts) for s in specs)
    return [a for a in found if a is not None]


__all__ = [
    "PREDICATES",
    "Approval",
    "ApprovalSpec",
    "Condition",
    "PlanFacts",
    "Predicate",
    "evaluate",
    "parse_approval",
    "parse_condition",
    "plan_facts",
    "required_approvals",
]
