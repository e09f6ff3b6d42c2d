"""Gender, field of study (jurusan) and full names with academic titles."""

from __future__ import annotations

import numpy as np
import pandas as pd

from placement.synth import catalogue as cat
from placement.synth.arrays import BoolArray, ObjArray
from placement.synth.names import person_names
from placement.synth.roles import Roles
from placement.synth.structure import opd_rumpun

FEMALE_SHARE = np.array([0.15, 0.22, 0.32, 0.42, 0.60, 0.65, 0.45])  # by role code
OWN_FIELD_SHARE = 0.7  # people whose field matches their post / OPD


def female(rng: np.random.Generator, roles: Roles) -> BoolArray:
    out: BoolArray = rng.random(roles.n) < FEMALE_SHARE[roles.role]
    return out


def fields(rng: np.random.Generator, roles: Roles, jabatan: pd.DataFrame) -> ObjArray:
    """Field (rumpun) of each person's study: mostly that of the post held or of the OPD."""
    own = pd.Series(roles.unit).map(opd_rumpun(jabatan)).fillna("umum").to_numpy(dtype=object)
    held = roles.holder
    post_rumpun = jabatan["rumpun"].fillna("umum").to_numpy(dtype=object)
    own[held] = post_rumpun[roles.post[held]]
    other = np.array(cat.RUMPUN, dtype=object)[rng.integers(0, len(cat.RUMPUN), roles.n)]
    out: ObjArray = np.where(rng.random(roles.n) < OWN_FIELD_SHARE, own, other)
    return out


def majors(rng: np.random.Generator, field: ObjArray, education: ObjArray) -> ObjArray:
    """Jurusan text: a study programme of the field (D3 and up), IPA/IPS/SMK for SMA."""
    out = np.full(len(field), None, dtype=object)
    pick = rng.random(len(field))
    for rumpun, options in cat.JURUSAN.items():
        mask = field == rumpun
        out[mask] = np.array(options, dtype=object)[(pick[mask] * len(options)).astype(int)]
    school = education == "SMA"
    out[school] = np.array(cat.SCHOOL_MAJORS, dtype=object)[
        (pick[school] * len(cat.SCHOOL_MAJORS)).astype(int)
    ]
    out[np.isin(education, ["SD", "SMP"])] = None
    return out


def full_names(
    rng: np.random.Generator, is_female: BoolArray, field: ObjArray, education: ObjArray
) -> ObjArray:
    """Names with titles by education and field ("Dr. Siti Rahayu, S.K.M., M.Kes.")."""
    base = pd.Series(person_names(rng, is_female), dtype=object)
    s1 = pd.Series(field).map({k: v[0] for k, v in cat.GELAR.items()})
    s2 = pd.Series(field).map({k: v[1] for k, v in cat.GELAR.items()})
    edu = pd.Series(education)
    title = pd.Series("", index=base.index, dtype=object)
    title[edu == "D3"] = ", A.Md."
    title[edu == "D4"] = ", S.Tr."
    title[edu == "S1"] = ", " + s1
    title[edu.isin(["S2", "S3"])] = ", " + s1 + ", " + s2
    prefix = np.where(edu == "S3", "Dr. ", "")
    out: ObjArray = (prefix + base + title).to_numpy(dtype=object)
    return out
