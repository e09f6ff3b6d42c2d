"""Editing a scenario key by key, the rule table a scenario sees, and checking a scenario against
a dataset before solving (what ``placement solve`` would refuse), for the web workspace and any
other front end.

Every edit goes through the same validation as a scenario file read by the CLI
(:func:`placement.config.parse_scenario` and the rule-pack override checks of
:func:`placement.rules.registry.rule_set`), so an edit either gives a valid
:class:`~placement.config.Skenario` or raises :class:`PlacementError` with located issues.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from placement.config import Skenario, parse_scenario, safe_yaml
from placement.domain.errors import Issue, PlacementError
from placement.domain.messages import Where, caution, failure, text, texts
from placement.domain.model import Dataset

FILE = "skenario"
_KIND = {
    "hard": texts("JENIS_ATURAN_HARD"),
    "soft": texts("JENIS_ATURAN_SOFT"),
    "score": texts("JENIS_ATURAN_SCORE"),
}


def edit_scenario(sc: Skenario, changes: Mapping[str, Any]) -> Skenario:
    """``sc`` with each dotted key path set to its value (``{"bobot.jpm": 0.5}``), validated like
    a scenario file: PlacementError (located issues) when the result is not a valid scenario or a
    rule override (``aturan``) is unknown or of the wrong type."""
    raw: dict[str, Any] = sc.model_dump(mode="json")
    for path, value in changes.items():
        keys = path.split(".")
        node = raw
        for key in keys[:-1]:
            child = node.get(key)
            if not isinstance(child, dict):
                child = {}
                node[key] = child
            node = child
        node[keys[-1]] = copy.deepcopy(value)
    new = parse_scenario(raw, FILE)
    from placement.rules.registry import rule_set

    rule_set(new)  # raises PlacementError on unknown rules/parameters or wrong value types
    return new


def parse_value(text: str) -> Any:
    """A parameter value typed by a planner, read as YAML: ``4`` → 4, ``III/a`` → "III/a",
    ``{rotasi: 4}`` → dict, ``[promosi, rotasi]`` → list, ``true`` → True."""
    try:
        return safe_yaml(text)
    except yaml.YAMLError as exc:
        raise failure(
            "NILAI_TIDAK_TERBACA", Where(FILE), text=text[:60], reason=str(exc).splitlines()[0]
        ) from None


def value_text(value: Any) -> str:
    """A parameter value as a planner types it (inverse of :func:`parse_value`)."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return text.strip().removesuffix("...").strip()


def rule_table(sc: Skenario, lang: str = "id") -> pd.DataFrame:
    """The rules of the scenario's pack as a planner reads them: id, kind, active, description,
    legal basis, effective parameters, and whether the scenario changed the rule."""
    from placement.rules.registry import load_pack, rule_set

    pack = load_pack(sc.paket_aturan)
    effective = rule_set(sc)
    en = lang == "en"
    rows = []
    for rid, spec in pack.rules.items():
        rule = effective[rid]
        params = "; ".join(f"{k} = {value_text(v)}" for k, v in rule.params.items())
        rows.append(
            {
                "id": rid,
                text("ATURAN_TABEL_JENIS", lang): _KIND[spec.kind][1 if en else 0],
                text("ATURAN_TABEL_AKTIF", lang): text("ATURAN_TABEL_YA", lang)
                if rule.active
                else text("ATURAN_TABEL_TIDAK", lang),
                text("ATURAN_TABEL_URAIAN", lang): spec.description_en
                if en
                else spec.description_id,
                text("ATURAN_TABEL_DASAR_HUKUM", lang): spec.legal_text_with_status,
                text("ATURAN_TABEL_PARAMETER", lang): params,
                text("ATURAN_TABEL_DIUBAH", lang): text("ATURAN_TABEL_YA", lang)
                if rid in sc.aturan
                else "",
            }
        )
    return pd.DataFrame(rows)


def approval_table(sc: Skenario, lang: str = "id") -> pd.DataFrame:
    """The approvals of the scenario's rule pack: when each applies and its legal basis with the
    status of every citation (what the Aturan page shows next to the facts they read)."""
    from placement.rules.registry import load_pack

    en = lang == "en"
    rows = [
        {
            "id": a.id,
            text("ATURAN_TABEL_PERSETUJUAN", lang): a.description_en if en else a.description_id,
            text("ATURAN_TABEL_BERLAKU_BILA", lang): "; ".join(
                f"{c.predicate}" + (f" {value_text(dict(c.params))}" if c.params else "")
                for c in a.conditions
            ),
            text("ATURAN_TABEL_DASAR_HUKUM", lang): "; ".join(
                b.text_with_status() for b in a.legal_basis
            ),
        }
        for a in load_pack(sc.paket_aturan).approvals
    ]
    return pd.DataFrame(rows)


def rule_params(sc: Skenario, rule_id: str) -> dict[str, Any]:
    """Effective parameters of one rule (``aktif`` first) in the scenario."""
    from placement.rules.registry import rule_set

    rule = rule_set(sc)[rule_id]
    return {"aktif": rule.active, **dict(rule.params)}


def check_scenario(ds: Dataset, sc: Skenario) -> list[Issue]:
    """Everything ``placement solve`` would refuse in this scenario on this data, without solving:
    rule overrides, unknown NIP / jabatan_id in ``kunci``, ``larang``, ``pertahankan`` and
    ``wajib_pindah``, locks that cannot be honoured, must-move without a target, caps. The
    messages are those of the solver's model builder. ``larang`` pairs naming an unknown NIP or
    jabatan_id (ignored by the solver) are warnings."""
    from placement.rules.eligibility import build_pairs
    from placement.rules.registry import rule_set
    from placement.solver.build import build_problem

    try:
        rule_set(sc)
    except PlacementError as exc:
        return list(exc.issues)
    issues: list[Issue] = []
    for i, k in enumerate(sc.larang):
        where = f"larang.{i}"
        if k.nip not in ds.person_index:
            issues.append(
                caution(
                    "SKENARIO_NIP_TIDAK_DIKENAL",
                    Where(FILE, None, where),
                    "LARANG_NIP_TIDAK_DIKENAL",
                    nip=k.nip,
                )
            )
        if k.jabatan_id not in ds.post_index:
            issues.append(
                caution(
                    "SKENARIO_JABATAN_TIDAK_DIKENAL",
                    Where(FILE, None, where),
                    "LARANG_JABATAN_TIDAK_DIKENAL",
                    jabatan_id=k.jabatan_id,
                )
            )
    try:
        build_problem(ds, sc, build_pairs(ds, sc))
    except PlacementError as exc:
        issues = [*exc.issues, *issues]
    return issues


def check_scenario_on(data: Path, sc: Skenario) -> list[Issue]:
    """:func:`check_scenario` on the data at ``data`` (csv folder or xlsx); data errors are
    returned as issues too."""
    from placement.io.readers import load_dataset

    try:
        ds, _ = load_dataset(data, plan_date=sc.tanggal_rencana)
    except PlacementError as exc:
        return list(exc.issues)
    return check_scenario(ds, sc.model_copy(update={"data": data}))


# --- penyegaran (tour of duty): one switch for the UI ---------------------------------------------

PENYEGARAN_BOX: dict[str, int] = {"rotasi": 4, "mutasi": 4}
"""``KOTAK_TALENTA_MIN.kotak_min_lewat_masa`` under penyegaran (scenarios/kabupaten-penyegaran)."""
PENYEGARAN_PENALTY = 1.0
"""``bobot.penalti_lewat_masa_jabatan`` under penyegaran (the default 0.1 moves nobody)."""


def penyegaran_changes(sc: Skenario, on: bool) -> dict[str, Any]:
    """Edits (for :func:`edit_scenario`) that switch penyegaran on, with the values of the shipped
    kabupaten-penyegaran scenario, or off: the box override removed, the default stay penalty."""
    rule = {
        k: v
        for k, v in (sc.aturan.get("KOTAK_TALENTA_MIN") or {}).items()
        if k != "kotak_min_lewat_masa"
    }
    if on:
        rule["kotak_min_lewat_masa"] = dict(PENYEGARAN_BOX)
    penalty = PENYEGARAN_PENALTY if on else Skenario().bobot.penalti_lewat_masa_jabatan
    return {"aturan.KOTAK_TALENTA_MIN": rule, "bobot.penalti_lewat_masa_jabatan": penalty}


def penyegaran_on(sc: Skenario) -> bool:
    """Whether the scenario has the penyegaran settings of :func:`penyegaran_changes`."""
    rule = sc.aturan.get("KOTAK_TALENTA_MIN") or {}
    return (
        rule.get("kotak_min_lewat_masa") == PENYEGARAN_BOX
        and sc.bobot.penalti_lewat_masa_jabatan == PENYEGARAN_PENALTY
    )
