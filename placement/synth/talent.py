"""Talent box, SKP ratings, disciplinary sanctions and JPT job fit from two latent scores.

``potential`` drives the potensi axis and the competency levels; ``performance`` drives the
kinerja axis and the SKP ratings; both share a common factor so the box, the competencies and
the ratings correlate as in real mappings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from placement.synth import roles as r
from placement.synth.arrays import (
    BoolArray,
    DateArray,
    FloatArray,
    IntArray,
    ObjArray,
    draw_rows,
    masked,
)
from placement.synth.roles import Roles

# 9-box numbering (DOMAIN.md, diagonal): BOX[kinerja, potensi].
BOX = np.array([[1, 3, 6], [2, 5, 8], [4, 7, 9]], dtype=np.int64)
POTENSI_CUTS = np.array([-0.55, 1.05])  # rendah | menengah | tinggi
KINERJA_CUTS = np.array([-1.0, 0.75])  # di bawah | sesuai | di atas ekspektasi
SKP = np.array(["sangat baik", "baik", "butuh perbaikan", "kurang", "sangat kurang"], dtype=object)
SKP_BY_KINERJA = np.array(
    [
        [0.02, 0.55, 0.30, 0.09, 0.04],  # di bawah ekspektasi
        [0.12, 0.83, 0.05, 0.0, 0.0],  # sesuai
        [0.60, 0.40, 0.0, 0.0, 0.0],  # di atas
    ]
)
JOB_FIT = np.array(["optimal", "cukup optimal", "kurang optimal"], dtype=object)
JOB_FIT_BY_POTENSI = np.array([[0.25, 0.45, 0.30], [0.55, 0.38, 0.07], [0.80, 0.19, 0.01]])


@dataclass(slots=True)
class Talent:
    """Per person talent facts (labels in the canonical lower-case form of grades.py)."""

    potential: FloatArray
    box: IntArray
    skp_1: ObjArray
    skp_2: ObjArray
    discipline: ObjArray
    discipline_until: DateArray  # NaT when no sanction
    job_fit: ObjArray


def _sanctions(
    rng: np.random.Generator, n: int, plan: np.datetime64
) -> tuple[ObjArray, DateArray, BoolArray]:
    """About 1 % sedang/berat and 0.5 % ringan, all still running after the plan date."""
    n_heavy, n_light = max(1, round(0.01 * n)), round(0.005 * n)
    who = rng.choice(n, size=min(n, n_heavy + n_light), replace=False)
    kind = np.full(n, None, dtype=object)
    until = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    kind[who[:n_heavy]] = np.where(rng.random(n_heavy) < 0.6, "sedang", "berat")
    kind[who[n_heavy:]] = "ringan"
    days = np.where(
        kind[who] == "ringan", rng.integers(30, 365, len(who)), rng.integers(60, 720, len(who))
    )
    until[who] = plan + days.astype("timedelta64[D]")
    heavy = np.zeros(n, dtype=bool)
    heavy[who[:n_heavy]] = True
    return kind, until, heavy


def _ensure_talent_per_level(
    roles: Roles, potential: FloatArray, performance: FloatArray, blocked: BoolArray
) -> None:
    """At least one non-holder PNS candidate with box ≥ 7 at levels 0, 1 and 2 (in place)."""
    level = roles.level
    for lvl in (0, 1, 2):
        pool = np.flatnonzero(~roles.holder & ~roles.pppk & ~blocked & (level == lvl))
        if len(pool) == 0:
            continue
        box = BOX[
            np.digitize(performance[pool], KINERJA_CUTS), np.digitize(potential[pool], POTENSI_CUTS)
        ]
        if (box >= 7).any():
            continue
        best = pool[np.argmax(potential[pool])]
        potential[best] = max(potential[best], POTENSI_CUTS[1] + 0.3)
        performance[best] = max(performance[best], KINERJA_CUTS[1] + 0.3)


def talent(rng: np.random.Generator, roles: Roles, plan: np.datetime64) -> Talent:
    """Latent scores, box, SKP, sanctions and job fit of every person."""
    n = roles.n
    common = rng.normal(size=n) + 0.15 * roles.level
    potential = 0.8 * common + 0.6 * rng.normal(size=n)
    performance = 0.55 * common + 0.835 * rng.normal(size=n)
    discipline, until, heavy = _sanctions(rng, n, plan)
    performance[heavy] = np.minimum(performance[heavy], KINERJA_CUTS[0] - 0.2)
    _ensure_talent_per_level(roles, potential, performance, heavy)
    kinerja = np.digitize(performance, KINERJA_CUTS)
    potensi = np.digitize(potential, POTENSI_CUTS)
    skp_1 = SKP[draw_rows(rng, SKP_BY_KINERJA[kinerja])]
    skp_2 = SKP[draw_rows(rng, SKP_BY_KINERJA[kinerja])]
    jpt = roles.holder & ((roles.role == r.JPT_MADYA) | (roles.role == r.JPT_PRATAMA))
    job_fit = masked(jpt, JOB_FIT[draw_rows(rng, JOB_FIT_BY_POTENSI[potensi])])
    return Talent(potential, BOX[kinerja, potensi], skp_1, skp_2, discipline, until, job_fit)


def talent_candidates(roles: Roles, t: Talent) -> IntArray:
    """Per level 0, 1, 2: the non-holder PNS with box ≥ 7, no sanction, highest potential."""
    ok = (
        ~roles.holder
        & ~roles.pppk
        & (t.box >= 7)
        & np.isin(t.discipline, np.array([None, "ringan"], dtype=object))
    )
    level = roles.level
    out = [
        idx[np.argmax(t.potential[idx])]
        for lvl in (0, 1, 2)
        if len(idx := np.flatnonzero(ok & (level == lvl)))
    ]
    return np.array(out, dtype=np.int64)
