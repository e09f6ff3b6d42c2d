"""Synthetic regions: :func:`generate` for a preset, :func:`generate_for_structure` for a region's
own post table. Deterministic by seed; vectorised over people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from placement.domain.grades import ESELON_TYPE
from placement.domain.model import JABATAN_FIELDS, Dataset
from placement.domain.priorities import default_must_fills, default_priorities
from placement.synth import careers as car
from placement.synth import catalogue as cat
from placement.synth import competency, identity
from placement.synth import roles as rl
from placement.synth.arrays import masked
from placement.synth.nips import make_nips
from placement.synth.presets import DEFAULT_PLAN_DATE, PresetName, get_preset
from placement.synth.structure import jabatan_frame, preset_posts, rumpun_of
from placement.synth.talent import Talent, talent, talent_candidates


@dataclass(frozen=True, slots=True)
class Population:
    """How many people and of which kind populate a post table."""

    n_pool: int  # non-structural people (JF, pelaksana, PPPK)
    n_pppk: int
    jf_share: float
    vacancy_share: float


def generate(preset: PresetName, seed: int = 0) -> Dataset:
    """A synthetic region of the given preset ("tiny", "kabupaten", "provinsi", "nasional")."""
    p = get_preset(preset)
    rng_structure, rng_people = np.random.default_rng(seed).spawn(2)
    rows, instansi = preset_posts(p, rng_structure)
    jabatan = jabatan_frame(rows, rng_structure, instansi)
    n_holders = len(jabatan) - max(1, round(p.vacancy_share * len(jabatan)))
    population = Population(
        n_pool=max(0, p.n_people - n_holders),
        n_pppk=round(p.pppk_share * p.n_people),
        jf_share=p.jf_share,
        vacancy_share=p.vacancy_share,
    )
    return populate(jabatan, population, p.tanggal_rencana, rng_people)


def generate_for_structure(
    jabatan: pd.DataFrame, seed: int, *, plan_date: date = DEFAULT_PLAN_DATE
) -> Dataset:
    """Synthetic people for a region's own canonical jabatan frame (model.JABATAN_FIELDS).

    About 88 % of the posts get a holder; a candidate pool of twice the number of posts is
    added. Missing rumpun, prioritas and wajib_isi are filled in.
    """
    _check_structure(jabatan)
    jab = _complete_jabatan(jabatan.reset_index(drop=True))
    n_posts = len(jab)
    population = Population(
        n_pool=2 * n_posts,
        n_pppk=round(0.05 * 2.88 * n_posts),  # ~5 % of holders + pool
        jf_share=0.2,
        vacancy_share=0.12,
    )
    return populate(jab, population, plan_date, np.random.default_rng(seed))


def _check_structure(jabatan: pd.DataFrame) -> None:
    """ValueError unless the frame has the required fields, unique ids and canonical eselon."""
    missing = {"jabatan_id", "name", "opd", "jenis_jabatan", "eselon"} - set(jabatan.columns)
    if missing:
        raise ValueError(f"jabatan frame lacks columns: {', '.join(sorted(missing))}")
    if len(jabatan) == 0:
        raise ValueError("jabatan frame has no posts")
    if jabatan["jabatan_id"].duplicated().any():
        raise ValueError("jabatan_id values are not unique")
    eselon = jabatan["eselon"].astype(str)
    expected = eselon.map({e: str(t) for e, t in ESELON_TYPE.items()})
    bad = expected.isna() | (expected != jabatan["jenis_jabatan"].astype(str))
    if bad.any():
        rows = ", ".join(str(i) for i in np.flatnonzero(bad.to_numpy())[:5])
        raise ValueError(
            f"eselon must be canonical (I.b … IV.b) and match jenis_jabatan; bad rows: {rows}"
        )


def _complete_jabatan(jab: pd.DataFrame) -> pd.DataFrame:
    """Fill optional fields: rumpun from the rumpun tables, prioritas and wajib_isi from the post's
    kind and name as the validator derives them for a real file (domain/priorities.py: the Sekda
    post does not weigh what a Kasi weighs); teknis stays as given: empty = derived when solving,
    with a warning."""
    out = jab.copy()
    for name in JABATAN_FIELDS:
        if name not in out.columns:
            out[name] = None
    guessed, _ = rumpun_of(out["name"].astype(str), out["opd"].astype(str))
    out["rumpun"] = out["rumpun"].where(out["rumpun"].notna() & (out["rumpun"] != ""), guessed)
    kinds, names = out["jenis_jabatan"].astype(str).tolist(), out["name"].tolist()
    derived = pd.Series(default_priorities(kinds, names), index=out.index)
    out["priority"] = pd.to_numeric(out["priority"]).fillna(derived).astype(int)
    must = pd.Series(default_must_fills(kinds, names), index=out.index, dtype=object)
    out["must_fill"] = out["must_fill"].astype(object).where(out["must_fill"].notna(), must)
    out["must_fill"] = out["must_fill"].astype(bool)
    return out


def populate(
    jabatan: pd.DataFrame, population: Population, plan_date: date, rng: np.random.Generator
) -> Dataset:
    """Holders for most posts plus a non-structural pool, with competencies and standards."""
    plan = np.datetime64(plan_date, "D")
    holders = rl.choose_holders(rng, len(jabatan), population.vacancy_share)
    roles = rl.concat(
        rl.holder_roles(jabatan, holders),
        rl.pool_roles(rng, jabatan, population.n_pool, population.jf_share, population.n_pppk),
    )
    careers = car.careers(rng, roles, plan)
    tal = talent(rng, roles, plan)
    is_female = identity.female(rng, roles)
    field = identity.fields(rng, roles, jabatan)
    progs = identity.programmes(rng, field)
    nips = make_nips(careers.birth, careers.tmt_cpns, is_female, roles.pppk)
    pegawai = _pegawai_frame(rng, jabatan, roles, careers, tal, is_female, field, progs, nips)
    protect = talent_candidates(roles, tal)
    kompetensi = competency.person_levels(rng, nips, roles.level, tal.potential, protect)
    standar = competency.post_standards(rng, jabatan)
    order = rng.permutation(len(pegawai))  # rows as an export would list them: not by role
    return Dataset.from_frames(pegawai.iloc[order], jabatan, kompetensi, standar)


def _pegawai_frame(
    rng: np.random.Generator,
    jabatan: pd.DataFrame,
    roles: rl.Roles,
    c: car.Careers,
    t: Talent,
    is_female: np.ndarray,
    field: np.ndarray,
    progs: list[cat.Programme],
    nips: np.ndarray,
) -> pd.DataFrame:
    """Canonical pegawai frame (model.PEGAWAI_FIELDS)."""
    post_ids = jabatan["jabatan_id"].to_numpy(dtype=object)
    jenis = np.array([str(j) for j in rl.ROLE_JENIS], dtype=object)[roles.role]
    return pd.DataFrame(
        {
            "nip": nips,
            "name": identity.full_names(rng, is_female, progs, c.education),
            "birth_date": c.birth.astype("datetime64[ns]"),
            "gender": np.where(is_female, "P", "L").astype(object),
            "status": np.where(roles.pppk, "PPPK", "PNS").astype(object),
            "golongan": c.golongan,
            "tmt_golongan": c.tmt_golongan.astype("datetime64[ns]"),
            "jabatan_id": masked(roles.holder, post_ids[np.maximum(roles.post, 0)]),
            "jenis_jabatan": jenis,
            "jenjang": roles.jenjang,
            "unit": roles.unit,
            "tmt_jabatan": c.tmt_jabatan.astype("datetime64[ns]"),
            "tmt_jenjang": c.tmt_jenjang.astype("datetime64[ns]"),
            "education": c.education,
            "major": identity.majors(rng, progs, c.education),
            "talent_box": t.box,
            "skp_1": t.skp_1,
            "skp_2": t.skp_2,
            "discipline": t.discipline,
            "discipline_until": t.discipline_until.astype("datetime64[ns]"),
            "job_fit": t.job_fit,
            "post_name": identity.post_names(rng, roles, field),
            "instansi": _instansi_of_units(jabatan, roles.unit),
        }
    )


def _instansi_of_units(jabatan: pd.DataFrame, units: np.ndarray) -> np.ndarray:
    """Each person's instansi: that of the posts of their OPD (holders: their post's OPD; the
    pool: the OPD they work in), so both tables mark instansi the same way; empty when the
    posts carry none (a single region)."""
    if "instansi" not in jabatan.columns or jabatan["instansi"].isna().all():
        return np.full(len(units), None, dtype=object)
    owner = jabatan.drop_duplicates("opd").set_index("opd")["instansi"]
    return pd.Series(units, dtype=object).map(owner).to_numpy(dtype=object)
