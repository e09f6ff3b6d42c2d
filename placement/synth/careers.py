"""Education, age, service and grade of each synthetic person, consistent with the NIP.

Order: education → entry grade and age → age (at least old enough to reach the role's lowest
grade at one promotion per two years) → TMT CPNS → golongan (regular promotions every 3–4.5
years, clipped into the role's band) → TMT golongan, jabatan and jenjang. All vectorised.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from placement.domain.grades import BUP_BY_JF_JENJANG, PNS_GRADES, PPPK_GRADES
from placement.synth import roles as r
from placement.synth.arrays import BoolArray, DateArray, FloatArray, IntArray, ObjArray, draw_rows
from placement.synth.roles import Roles

DAYS_PER_YEAR = 365.25

EDUCATION: tuple[str, ...] = ("SD", "SMP", "SMA", "D3", "D4", "S1", "S2", "S3")
# Education mix per role code (columns follow EDUCATION).
EDU_MIX = np.array(
    [
        [0, 0, 0, 0, 0, 0.05, 0.70, 0.25],  # JPT madya
        [0, 0, 0, 0, 0, 0.22, 0.72, 0.06],  # JPT pratama
        [0, 0, 0, 0, 0.04, 0.46, 0.48, 0.02],  # administrator
        [0, 0, 0.02, 0.12, 0.06, 0.62, 0.18, 0],  # pengawas
        [0, 0, 0, 0, 0.10, 0.70, 0.18, 0.02],  # JF keahlian
        [0, 0, 0.20, 0.80, 0, 0, 0, 0],  # JF keterampilan
        [0.02, 0.04, 0.42, 0.14, 0.03, 0.32, 0.03, 0],  # pelaksana
    ]
)
ENTRY_GRADE = np.array([0, 2, 4, 6, 8, 8, 9, 10])  # by education, PNS rank
PELAKSANA_CAP = np.array([5, 7, 9, 10, 11, 11, 12, 12])  # highest grade of a pelaksana
ENTRY_AGE = np.array(
    [[18, 26], [18, 26], [19, 28], [21, 30], [22, 32], [22, 33], [23, 34], [25, 35]], dtype=float
)
AGE_FLOOR = np.array([46, 40, 34, 28, 24, 22, 20], dtype=float)  # by role
BUP_ROLE = np.array([60, 60, 58, 58, 58, 58, 58], dtype=float)
PPPK_GRADE_BY_EDU = np.array([1, 2, 4, 6, 8, 8, 9, 9])  # index into PPPK_GRADES (V, VII, IX, X)
PPPK_GRADE_BY_JENJANG = {"ahli pertama": 8, "ahli muda": 10, "terampil": 6, "mahir": 7}
PPPK_YEARS = np.array([2019, 2021, 2022, 2023, 2024])
PPPK_YEAR_P = np.array([0.05, 0.25, 0.25, 0.25, 0.20])
TENURE_BANDS = np.array([[0.0, 2.0], [2.0, 5.0], [5.0, 8.0]])  # years in the current post
TENURE_P = np.array([0.30, 0.45, 0.25])


@dataclass(slots=True)
class Careers:
    """Per person career facts (dates as datetime64[D])."""

    education: ObjArray
    birth: DateArray
    tmt_cpns: DateArray  # PNS: TMT CPNS; PPPK: appointment date (the year in the NI PPPK)
    golongan: ObjArray
    grade: IntArray  # PNS rank (PPPK: PPPK rank)
    entry: IntArray
    tmt_golongan: DateArray
    tmt_jabatan: DateArray
    tmt_jenjang: DateArray
    age: FloatArray
    bup: FloatArray
    service: FloatArray


def years_before(plan: np.datetime64, years: FloatArray) -> DateArray:
    """Dates ``years`` before the plan date (whole days)."""
    days = np.round(years * DAYS_PER_YEAR).astype("timedelta64[D]")
    out: DateArray = plan - days
    return out


def years_since(plan: np.datetime64, dates: DateArray) -> FloatArray:
    return ((plan - dates).astype("timedelta64[D]").astype(np.float64)) / DAYS_PER_YEAR


def month_start(dates: DateArray) -> DateArray:
    out: DateArray = dates.astype("datetime64[M]").astype("datetime64[D]")
    return out


def kp_period(dates: DateArray) -> DateArray:
    """Last promotion period (1 April or 1 October) on or before each date."""
    months = dates.astype("datetime64[M]").astype(np.int64)  # months since 1970-01
    year, month = months // 12, months % 12
    snapped = np.where(
        month >= 9, year * 12 + 9, np.where(month >= 3, year * 12 + 3, year * 12 - 3)
    )
    out: DateArray = snapped.astype("datetime64[M]").astype("datetime64[D]")
    return out


def education(rng: np.random.Generator, roles: Roles) -> IntArray:
    """Education index (into EDUCATION) per person, by role."""
    return draw_rows(rng, EDU_MIX[roles.role])


def bup_of(roles: Roles) -> FloatArray:
    """Retirement age per person (JF ahli madya 60, ahli utama 65)."""
    jf = pd.Series(roles.jenjang).map(BUP_BY_JF_JENJANG).to_numpy(dtype=np.float64)
    out: FloatArray = np.where(np.isnan(jf), BUP_ROLE[roles.role], jf)
    return out


def _entry_grade(rng: np.random.Generator, edu: IntArray) -> IntArray:
    """Grade at CPNS: by education; many S2/S3 entered with their S1."""
    entry = ENTRY_GRADE[edu].copy()
    u = rng.random(len(edu))
    entry[(edu == 6) & (u < 0.65)] = 8
    entry[(edu == 7) & (u < 0.7)] = np.where(u[(edu == 7) & (u < 0.7)] < 0.4, 8, 9)
    return entry


def _ages(
    rng: np.random.Generator, floor: FloatArray, bup: FloatArray, min_retiring: int
) -> FloatArray:
    """Age between ``floor`` and just under BUP (skewed old); some retire within a year."""
    top = bup - 0.02
    low = np.minimum(floor, top - 0.5)
    age = low + (top - low) * rng.beta(1.5, 1.2, len(bup))
    retiring = age > bup - 1.0
    if retiring.sum() < min_retiring:
        pick = rng.choice(len(age), size=min_retiring, replace=False)
        age[pick] = bup[pick] - rng.uniform(0.1, 0.9, min_retiring)
    return age


def pns_grades(
    rng: np.random.Generator, entry: IntArray, service: FloatArray, lo: IntArray, hi: IntArray
) -> IntArray:
    """Grade from regular promotions, clipped into [lo, hi] and to one promotion per two years."""
    natural = entry + np.floor(service / rng.uniform(3.0, 4.5, len(entry))).astype(np.int64)
    grade = np.clip(natural, lo, hi)
    grade = np.minimum(grade, entry + np.floor(service / 2.0).astype(np.int64))
    return np.maximum(grade, entry)


def _tmt_golongan(
    rng: np.random.Generator, plan: np.datetime64, c: Careers, pppk: BoolArray
) -> DateArray:
    promoted = (c.grade > c.entry) & ~pppk
    gap = rng.uniform(0.0, 1.0, len(c.grade)) * np.clip(c.service - 1.0, 0.1, 4.0)
    last = kp_period(years_before(plan, gap))
    out: DateArray = np.where(promoted, np.maximum(last, c.tmt_cpns), c.tmt_cpns)
    return out


def _tenure(
    rng: np.random.Generator, roles: Roles, service: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Years in the current post and at the current level."""
    n = roles.n
    band = TENURE_BANDS[rng.choice(3, size=n, p=TENURE_P)]
    post = rng.uniform(band[:, 0], band[:, 1])
    level = post + np.where(rng.random(n) < 0.5, 0.0, rng.uniform(0.0, 6.0, n))
    jf = (roles.role == r.JF_AHLI) | (roles.role == r.JF_TERAMPIL)
    jf_level = rng.uniform(0.0, 8.0, n)
    jf_post = np.where(rng.random(n) < 0.7, jf_level, rng.uniform(0.0, 1.0, n) * jf_level)
    post, level = np.where(jf, jf_post, post), np.where(jf, jf_level, level)
    pel = roles.role == r.PELAKSANA
    post = np.where(pel, rng.uniform(0.0, 10.0, n), post)
    level = np.where(pel, service, level)
    post = np.clip(post, 0.0, np.maximum(service - 0.5, 0.0))
    level = np.clip(np.maximum(level, post), 0.0, service)
    return post, level


def _ensure_overdue(roles: Roles, post_years: FloatArray, service: FloatArray) -> None:
    """At least one post holder past five years in the post (in place)."""
    held = roles.holder & (service > 7.0)
    if held.any() and not (post_years[roles.holder] > 5.0).any():
        post_years[np.flatnonzero(held)[0]] = 6.0


def careers(
    rng: np.random.Generator, roles: Roles, plan: np.datetime64, exception_share: float = 0.01
) -> Careers:
    """Career facts of every person (PNS and PPPK); ``exception_share`` of the post holders
    sit one grade below their eselon minimum."""
    edu = education(rng, roles)
    entry = _entry_grade(rng, edu)
    lo, hi = r.grade_band(roles, PELAKSANA_CAP[edu], entry)
    entry = np.minimum(entry, lo)
    entry_age = rng.uniform(ENTRY_AGE[edu, 0], ENTRY_AGE[edu, 1])
    floor = np.maximum(AGE_FLOOR[roles.role], entry_age + 2.2 * (lo - entry) + 1.0)
    bup = bup_of(roles)
    age = _ages(rng, np.where(roles.pppk, 24.0, floor), bup, max(1, round(0.004 * roles.n)))
    birth = years_before(plan, age)
    tmt_cpns = month_start(years_before(plan, np.maximum(age - entry_age, 1.0)))
    tmt_cpns = np.where(roles.pppk, _pppk_appointment(rng, birth), tmt_cpns)
    service = years_since(plan, tmt_cpns)
    grade = np.where(roles.pppk, _pppk_grade(roles, edu), pns_grades(rng, entry, service, lo, hi))
    c = Careers(
        np.array(EDUCATION, dtype=object)[edu],
        birth,
        tmt_cpns,
        _golongan(grade, roles),
        grade,
        np.where(roles.pppk, grade, entry),
        tmt_cpns,
        tmt_cpns,
        tmt_cpns,
        age,
        bup,
        service,
    )
    _below_minimum(rng, roles, c, lo, exception_share)
    c.tmt_golongan = _tmt_golongan(rng, plan, c, roles.pppk)
    _set_tenure(rng, roles, c, plan)
    return c


def _pppk_appointment(rng: np.random.Generator, birth: DateArray) -> DateArray:
    """Appointment date of a PPPK: 2019 or 2021–2024, at age 20 or later."""
    n = len(birth)
    year = np.maximum(
        rng.choice(PPPK_YEARS, size=n, p=PPPK_YEAR_P),
        birth.astype("datetime64[Y]").astype(np.int64) + 1970 + 20,
    )
    month = rng.choice(np.array([1, 3, 4, 10]), size=n) - 1
    out: DateArray = ((year - 1970) * 12 + month).astype("datetime64[M]").astype("datetime64[D]")
    return out


def _golongan(grade: IntArray, roles: Roles) -> ObjArray:
    pns = np.array(PNS_GRADES, dtype=object)[np.minimum(grade, len(PNS_GRADES) - 1)]
    pppk = np.array(PPPK_GRADES, dtype=object)[np.minimum(grade, len(PPPK_GRADES) - 1)]
    out: ObjArray = np.where(roles.pppk, pppk, pns)
    return out


def _set_tenure(rng: np.random.Generator, roles: Roles, c: Careers, plan: np.datetime64) -> None:
    """TMT jabatan and TMT jenjang (in place); pelaksana and PPPK are at their level since entry."""
    post_years, level_years = _tenure(rng, roles, c.service)
    _ensure_overdue(roles, post_years, c.service)
    c.tmt_jabatan = np.maximum(years_before(plan, post_years), c.tmt_cpns)
    level = np.minimum(np.maximum(years_before(plan, level_years), c.tmt_cpns), c.tmt_jabatan)
    c.tmt_jenjang = np.where((roles.role == r.PELAKSANA) | roles.pppk, c.tmt_cpns, level)


def _pppk_grade(roles: Roles, edu: IntArray) -> IntArray:
    """PPPK golongan index (0-based into PPPK_GRADES): by JF jenjang, else by education."""
    by_edu = PPPK_GRADE_BY_EDU[edu]
    by_jenjang = pd.Series(roles.jenjang).map(PPPK_GRADE_BY_JENJANG).fillna(-1).to_numpy()
    out: IntArray = np.where(by_jenjang >= 0, by_jenjang, by_edu).astype(np.int64)
    return out


def _below_minimum(
    rng: np.random.Generator, roles: Roles, c: Careers, lo: IntArray, share: float
) -> None:
    """Put ``share`` of the post holders one grade below their eselon minimum (in place)."""
    idx = np.flatnonzero(roles.holder & (c.grade == lo) & (lo - 1 >= c.entry))
    k = min(len(idx), round(share * int(roles.holder.sum())))
    if k:
        pick = rng.choice(idx, size=k, replace=False)
        c.grade[pick] -= 1
        c.golongan[pick] = np.array(PNS_GRADES, dtype=object)[c.grade[pick]]
