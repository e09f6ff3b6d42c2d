"""Elastic mode: when the rules leave no plan (or leave must-fill posts empty), re-admit the pairs
refused *only* by relaxable hard rules, for the posts involved, each with a penalty; every
relaxation the plan then uses is listed with the rules it bends, and the audit accepts exactly
those (recorded in hasil.json under ``pelonggaran``). The two solves are
:func:`placement.workflow.studies.solve_elastic`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.model import Dataset
from placement.rules.eligibility import PairTable, build_pairs, check_pair
from placement.rules.registry import rule_set


def relaxable_rules(sc: Skenario) -> list[str]:
    """Active hard rules the rule pack marks as relaxable (dapat_dilonggarkan)."""
    return [r.id for r in rule_set(sc) if r.active and r.spec.kind == "hard" and r.spec.relaxable]


def relaxed_scenario(sc: Skenario) -> Skenario:
    """The scenario with every relaxable hard rule switched off (other rules unchanged)."""
    aturan = {k: dict(v) for k, v in sc.aturan.items()}
    for rule_id in relaxable_rules(sc):
        aturan.setdefault(rule_id, {})["aktif"] = False
    return sc.model_copy(update={"aturan": aturan})


@dataclass
class ElasticTable:
    table: PairTable  # the eligible pairs plus the re-admitted ones (penalised)
    readmitted: pd.DataFrame  # person, post, nip, jabatan_id of the re-admitted pairs


def elastic_table(
    ds: Dataset, sc: Skenario, table: PairTable, posts: set[str] | None = None
) -> ElasticTable:
    """Eligible pairs + pairs refused only by relaxable rules into ``posts`` (None: all in scope),
    with ``bobot.penalti_pelonggaran`` subtracted from their total."""
    loose = build_pairs(ds, relaxed_scenario(sc)).pairs
    loose = loose[~loose["stay"].to_numpy()]
    known = (
        table.pairs["person"].to_numpy().astype(np.int64) * ds.n_posts
        + table.pairs["post"].to_numpy()
    )
    codes = loose["person"].to_numpy().astype(np.int64) * ds.n_posts + loose["post"].to_numpy()
    extra = loose[~np.isin(codes, known)]
    if posts is not None:
        extra = extra[extra["jabatan_id"].astype(str).isin(posts).to_numpy()]
    extra = extra.assign(total=extra["total"] - sc.bobot.penalti_pelonggaran)
    pairs = pd.concat([table.pairs, extra], ignore_index=True)
    order = np.lexsort((pairs["person"].to_numpy(), pairs["post"].to_numpy()))
    merged = replace(table, pairs=pairs.iloc[order].reset_index(drop=True))
    return ElasticTable(
        merged, extra[["person", "post", "nip", "jabatan_id"]].reset_index(drop=True)
    )


def used_relaxations(
    ds: Dataset, sc: Skenario, plan: pd.DataFrame, readmitted: pd.DataFrame
) -> list[dict[str, Any]]:
    """The re-admitted pairs the plan uses, each with the rules it bends (actual vs threshold)."""
    keys = set(
        zip(readmitted["nip"].astype(str), readmitted["jabatan_id"].astype(str), strict=True)
    )
    out = []
    for nip, jid in zip(plan["nip"].astype(str), plan["jabatan_tujuan_id"], strict=True):
        if not isinstance(jid, str) or (nip, jid) not in keys:
            continue
        failed = [c for c in check_pair(ds, sc, nip, jid).checks if not c.passed]
        out.append(
            {
                "nip": nip,
                "jabatan_id": jid,
                "aturan": [
                    {
                        "rule_id": c.rule_id,
                        "aktual": str(c.actual),
                        "ambang": str(c.threshold),
                        "dasar_hukum": c.legal_basis,
                    }
                    for c in failed
                ],
            }
        )
    return out


def involved_posts(ds: Dataset, sc: Skenario, table: PairTable, result: Any) -> set[str]:
    """Posts to relax for: the must-fill posts of the conflict when there is no plan, otherwise
    the must-fill posts the plan leaves empty."""
    from placement.plan.infeasibility import diagnose_infeasibility
    from placement.solver import SolveStatus

    if result.status is SolveStatus.INFEASIBLE:
        diagnosis = diagnose_infeasibility(ds, sc, table)
        return (
            set()
            if diagnosis is None
            else {e.key for e in diagnosis.elements if e.kind == "wajib_isi"}
        )
    vacant = set(result.vacancies["jabatan_id"].astype(str))
    must = ds.jabatan.loc[ds.jabatan["must_fill"].to_numpy(dtype=bool), "jabatan_id"].astype(str)
    return vacant & set(must)
