"""Who is in the synthetic region: post holders and the non-structural pool (JF, pelaksana, PPPK).

Each person gets a role code; per-role tables (education mix, grade band, age floor, BUP)
are arrays indexed by that code so every later step is a vectorised lookup.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from placement.domain.grades import ESELON_MIN_GRADE, JF_JENJANG_LEVEL, PNS_GRADES, JenisJabatan
from placement.synth.arrays import BoolArray, IntArray, ObjArray, masked
from placement.synth.structure import opd_rumpun

# Role codes.
JPT_MADYA, JPT_PRATAMA, ADMINISTRATOR, PENGAWAS, JF_AHLI, JF_TERAMPIL, PELAKSANA = range(7)
ROLE_JENIS: tuple[JenisJabatan, ...] = (
    JenisJabatan.JPT_MADYA,
    JenisJabatan.JPT_PRATAMA,
    JenisJabatan.ADMINISTRATOR,
    JenisJabatan.PENGAWAS,
    JenisJabatan.FUNGSIONAL,
    JenisJabatan.FUNGSIONAL,
    JenisJabatan.PELAKSANA,
)
_ROLE_OF_JENIS = {
    str(JenisJabatan.JPT_MADYA): JPT_MADYA,
    str(JenisJabatan.JPT_PRATAMA): JPT_PRATAMA,
    str(JenisJabatan.ADMINISTRATOR): ADMINISTRATOR,
    str(JenisJabatan.PENGAWAS): PENGAWAS,
}

# Highest golongan per eselon (PP 100/2000 jo PP 13/2002).
ESELON_MAX_GRADE: dict[str, str] = {
    "I.a": "IV/e",
    "I.b": "IV/e",
    "II.a": "IV/d",
    "II.b": "IV/c",
    "III.a": "IV/b",
    "III.b": "IV/a",
    "IV.a": "III/d",
    "IV.b": "III/c",
}

AHLI = ("ahli pertama", "ahli muda", "ahli madya", "ahli utama")
# Grade band per JF jenjang (rank on the PNS scale).
JENJANG_BAND: dict[str, tuple[int, int]] = {
    "ahli pertama": (8, 9),
    "ahli muda": (10, 11),
    "ahli madya": (12, 14),
    "ahli utama": (15, 16),
    "terampil": (5, 7),
    "mahir": (8, 9),
    "penyelia": (10, 11),
}
_RANK: dict[str, int] = {g: i for i, g in enumerate(PNS_GRADES)}
_PNS_JF_MIX = {
    "ahli pertama": 0.30,
    "ahli muda": 0.28,
    "ahli madya": 0.12,
    "ahli utama": 0.01,
    "terampil": 0.12,
    "mahir": 0.10,
    "penyelia": 0.07,
}
_PPPK_JF_MIX = {"ahli pertama": 0.55, "ahli muda": 0.10, "terampil": 0.30, "mahir": 0.05}
_PPPK_JF_SHARE = 0.7  # PPPK are mostly JF (guru, nakes); the rest PPPK teknis (pelaksana)


@dataclass(slots=True)
class Roles:
    """Per person: role code, post held (-1 none), eselon, JF jenjang, unit, PPPK flag."""

    role: IntArray
    post: IntArray
    eselon: ObjArray
    jenjang: ObjArray
    unit: ObjArray
    pppk: BoolArray

    @property
    def n(self) -> int:
        return len(self.role)

    @property
    def holder(self) -> BoolArray:
        return self.post >= 0

    @property
    def level(self) -> IntArray:
        """Level for promotion rules (grades.level_of), vectorised."""
        by_role = np.array([4, 3, 2, 1, 0, 0, 0])[self.role]
        jf = pd.Series(self.jenjang).map(JF_JENJANG_LEVEL).fillna(0).to_numpy(dtype=np.int64)
        return np.where(self.role >= JF_AHLI, jf, by_role).astype(np.int64)


def choose_holders(rng: np.random.Generator, n_posts: int, vacancy_share: float) -> IntArray:
    """Rows of the posts that have a holder; ``vacancy_share`` of the posts (≥ 1) stay vacant."""
    n_vacant = min(n_posts, max(1, round(vacancy_share * n_posts)))
    vacant = rng.choice(n_posts, size=n_vacant, replace=False)
    mask = np.ones(n_posts, dtype=bool)
    mask[vacant] = False
    return np.flatnonzero(mask).astype(np.int64)


def _draw(rng: np.random.Generator, mix: dict[str, float], n: int) -> ObjArray:
    keys = np.array(list(mix), dtype=object)
    probs = np.array(list(mix.values()))
    out: ObjArray = keys[rng.choice(len(keys), size=n, p=probs / probs.sum())]
    return out


def _pool_units(rng: np.random.Generator, jab: pd.DataFrame, jf: BoolArray) -> ObjArray:
    """OPD of each pool member: by the OPD's size; JF lean to health and education OPDs."""
    sizes = jab.groupby("opd", sort=False).size()
    opds = sizes.index.to_numpy(dtype=object)
    rumpun = sizes.index.map(opd_rumpun(jab))
    weight = sizes.to_numpy(dtype=float)
    jf_weight = weight * np.where(rumpun.isin(["kesehatan", "pendidikan"]), 4.0, 1.0)
    out = opds[rng.choice(len(opds), size=len(jf), p=weight / weight.sum())]
    out[jf] = opds[rng.choice(len(opds), size=int(jf.sum()), p=jf_weight / jf_weight.sum())]
    return np.asarray(out, dtype=object)


def pool_roles(
    rng: np.random.Generator, jab: pd.DataFrame, n_pool: int, jf_share: float, n_pppk: int
) -> Roles:
    """The non-structural pool: PPPK first, then JF, then pelaksana."""
    n_pppk = min(n_pppk, n_pool // 2)
    n_jf = min(n_pool - n_pppk, round(jf_share * n_pool))
    pppk_jf = rng.random(n_pppk) < _PPPK_JF_SHARE
    jenjang = np.empty(n_pool, dtype=object)
    jenjang[:n_pppk] = masked(pppk_jf, _draw(rng, _PPPK_JF_MIX, n_pppk))
    pns_jf = _draw(rng, _PNS_JF_MIX, n_jf)
    pns_jf[: min(3, n_jf)] = ["ahli pertama", "ahli muda", "ahli madya"][: min(3, n_jf)]
    jenjang[n_pppk : n_pppk + n_jf] = pns_jf
    is_jf = pd.Series(jenjang).notna().to_numpy()
    role = np.full(n_pool, PELAKSANA, dtype=np.int64)
    role[is_jf] = np.where(np.isin(jenjang[is_jf], AHLI), JF_AHLI, JF_TERAMPIL)
    pppk = np.zeros(n_pool, dtype=bool)
    pppk[:n_pppk] = True
    return Roles(
        role,
        np.full(n_pool, -1, dtype=np.int64),
        np.full(n_pool, "", dtype=object),
        jenjang,
        _pool_units(rng, jab, is_jf),
        pppk,
    )


def holder_roles(jab: pd.DataFrame, posts: IntArray) -> Roles:
    """One holder per post in ``posts`` (rows of ``jab``)."""
    held = jab.iloc[posts]
    role: IntArray = np.asarray(held["jenis_jabatan"].map(_ROLE_OF_JENIS), dtype=np.int64)
    n = len(posts)
    return Roles(
        role,
        posts.astype(np.int64),
        held["eselon"].to_numpy(dtype=object),
        np.full(n, None, dtype=object),
        held["opd"].to_numpy(dtype=object),
        np.zeros(n, dtype=bool),
    )


def concat(a: Roles, b: Roles) -> Roles:
    """Holders followed by the pool."""
    return Roles(*(np.concatenate([getattr(a, f), getattr(b, f)]) for f in Roles.__slots__))


def grade_band(
    roles: Roles, cap_by_education: IntArray, entry: IntArray
) -> tuple[IntArray, IntArray]:
    """Lowest and highest PNS grade rank each person's role allows."""
    lo, hi = entry.copy(), cap_by_education.copy()
    held, jf = roles.holder, (roles.role == JF_AHLI) | (roles.role == JF_TERAMPIL)
    eselon, jenjang = pd.Series(roles.eselon[held]), pd.Series(roles.jenjang[jf])
    lo[held] = eselon.map(ESELON_MIN_GRADE).map(_RANK).to_numpy(dtype=np.int64)
    hi[held] = eselon.map(ESELON_MAX_GRADE).map(_RANK).to_numpy(dtype=np.int64)
    lo[jf] = jenjang.map(lambda j: JENJANG_BAND[j][0]).to_numpy(dtype=np.int64)
    hi[jf] = jenjang.map(lambda j: JENJANG_BAND[j][1]).to_numpy(dtype=np.int64)
    return lo, hi
