"""Gender, field of work, study programme (jurusan) with its titles, JF names and full names.

A person's field follows the post held or the OPD, as real regions are staffed (health people
mostly in Dinas Kesehatan and RSUD); jurusan, gelar and JF name are drawn from that one field so
they agree with each other.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from placement.synth import catalogue as cat
from placement.synth.arrays import BoolArray, ObjArray
from placement.synth.names import person_names
from placement.synth.roles import JF_AHLI, JF_TERAMPIL, PELAKSANA, Roles
from placement.synth.structure import opd_rumpun

FEMALE_SHARE = np.array([0.15, 0.22, 0.32, 0.42, 0.60, 0.65, 0.45])  # by role code
OWN_FIELD_SHARE = 0.75  # people whose field matches their post / OPD


def female(rng: np.random.Generator, roles: Roles) -> BoolArray:
    out: BoolArray = rng.random(roles.n) < FEMALE_SHARE[roles.role]
    return out


def _person_field(fields: pd.Series) -> pd.Series:
    """A post / OPD field as a field people study ("pengawasan" → keuangan)."""
    return fields.map(lambda f: cat.FIELD_ALIAS.get(f, f if f in cat.PROGRAMMES else "umum"))


def fields(rng: np.random.Generator, roles: Roles, jabatan: pd.DataFrame) -> ObjArray:
    """Field of each person: mostly that of the post held (its OPD's when the post is umum) or
    of the OPD."""
    by_opd = pd.Series(roles.unit).map(opd_rumpun(jabatan)).fillna("umum")
    own = _person_field(by_opd).to_numpy(dtype=object)
    held = roles.holder
    post_field = _person_field(jabatan["rumpun"].fillna("umum")).to_numpy(dtype=object)
    mine = post_field[roles.post[held]]
    own[held] = np.where(mine == "umum", own[held], mine)
    other = np.array(cat.RUMPUN, dtype=object)[rng.integers(0, len(cat.RUMPUN), roles.n)]
    out: ObjArray = np.where(rng.random(roles.n) < OWN_FIELD_SHARE, own, other)
    return out


def programmes(rng: np.random.Generator, field: ObjArray) -> list[cat.Programme]:
    """One study programme of each person's field."""
    pick = rng.random(len(field))
    return [
        cat.PROGRAMMES[f][int(u * len(cat.PROGRAMMES[f]))] for f, u in zip(field, pick, strict=True)
    ]


def majors(rng: np.random.Generator, progs: list[cat.Programme], education: ObjArray) -> ObjArray:
    """Jurusan text: the study programme (D3 and up), IPA/IPS/SMK for SMA, none below."""
    out = np.array([p.jurusan for p in progs], dtype=object)
    school = education == "SMA"
    pick = rng.random(int(school.sum()))
    out[school] = np.array(cat.SCHOOL_MAJORS, dtype=object)[
        (pick * len(cat.SCHOOL_MAJORS)).astype(int)
    ]
    out[np.isin(education, ["SD", "SMP"])] = None
    return out


def post_names(rng: np.random.Generator, roles: Roles, field: ObjArray) -> ObjArray:
    """Current post name of JF ("Perawat Ahli Muda") and pelaksana staff; None for holders."""
    out = np.full(roles.n, None, dtype=object)
    pick = rng.random(roles.n)
    for i in np.flatnonzero(~roles.holder):
        f, role = str(field[i]), int(roles.role[i])
        if role in (JF_AHLI, JF_TERAMPIL):
            names = cat.JF_NAMES.get(f, cat.JF_NAMES["umum"])
            jenjang = str(roles.jenjang[i]).title()
            out[i] = f"{names[int(pick[i] * len(names))]} {jenjang}"
        elif role == PELAKSANA:
            names = cat.PELAKSANA_NAMES.get(f, cat.PELAKSANA_NAMES["umum"])
            out[i] = names[int(pick[i] * len(names))]
    return out


def full_names(
    rng: np.random.Generator, is_female: BoolArray, progs: list[cat.Programme], education: ObjArray
) -> ObjArray:
    """Names with the titles of the study programme ("dr. Siti Rahayu, M.Kes.")."""
    base = person_names(rng, is_female)
    out = np.empty(len(progs), dtype=object)
    for i, (name, p, edu) in enumerate(zip(base, progs, education, strict=True)):
        after: list[str] = []
        front = ""
        if edu == "D3":
            after = ["A.Md."]
        elif edu == "D4":
            after = ["S.Tr."]
        elif edu in ("S1", "S2", "S3"):
            front = p.front
            after = [t for t in (p.s1, p.s2 if edu != "S1" else "") if t]
        prefix = ("Dr. " if edu == "S3" and not front else "") + (f"{front} " if front else "")
        out[i] = prefix + str(name) + "".join(f", {t}" for t in after)
    return out
