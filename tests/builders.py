"""Tiny hand-made datasets for tests: canonical frames (English field names) → Dataset.

    a = post(jabatan_id="J1", eselon="IV.a")
    p = person(holds=a, golongan="III/d")
    q = person(golongan="III/b", talent_box=5)
    ds = dataset([p, q], [a])
    sc = scenario()  # plan date PLAN_DATE

``person()`` is by default an eligible-looking PNS pelaksana (S1, III/c, box 8, SKP baik twice,
long tenure, born 1980). ``dataset()`` gives every person a full managerial competency profile
at level 3 unless ``komp`` says otherwise (``komp={nip_or_index: {...}}``; an empty dict value
removes a person's scores), and no post standards unless ``std`` gives them.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd

from placement.config import Skenario
from placement.domain import grades
from placement.domain.model import Dataset
from placement.domain.nip import make_nip
from placement.domain.schema import MANAGERIAL_COMPETENCIES

PLAN_DATE = date(2026, 1, 1)
_seq = itertools.count(1)
_post_seq = itertools.count(1)


def person(holds: Mapping[str, Any] | None = None, **overrides: Any) -> dict[str, Any]:
    """One pegawai row. ``holds=post(...)`` makes the person the holder of that post."""
    birth = overrides.pop("birth_date", date(1980, 1, 1))
    tmt_cpns = overrides.pop("tmt_cpns", date(2005, 1, 1))
    gender = overrides.pop("gender", "L")
    pppk = overrides.get("status") == "PPPK"
    n = next(_seq)
    row: dict[str, Any] = {
        "nip": make_nip(birth, None if pppk else tmt_cpns, gender, n % 1000),
        "name": f"Pegawai {n}",
        "birth_date": birth,
        "gender": gender,
        "status": "PNS",
        "golongan": "III/c",
        "tmt_golongan": date(2018, 4, 1),
        "jabatan_id": None,
        "jenis_jabatan": "PELAKSANA",
        "jenjang": None,
        "unit": "Dinas A",
        "tmt_jabatan": date(2015, 1, 1),
        "tmt_jenjang": date(2010, 1, 1),
        "education": "S1",
        "major": "Ilmu Pemerintahan",
        "talent_box": 8,
        "skp_1": "baik",
        "skp_2": "baik",
        "discipline": None,
        "discipline_until": None,
        "job_fit": None,
    }
    if holds is not None:
        row.update(
            jabatan_id=holds["jabatan_id"],
            jenis_jabatan=holds["jenis_jabatan"],
            unit=holds["opd"],
            tmt_jabatan=date(2022, 1, 1),
        )
    row.update(overrides)
    return row


def post(**overrides: Any) -> dict[str, Any]:
    """One jabatan row (default: pengawas IV.a in Dinas A); jenis follows the eselon."""
    n = next(_post_seq)
    eselon = overrides.get("eselon", "IV.a")
    row: dict[str, Any] = {
        "jabatan_id": f"J{n:04d}",
        "name": f"Jabatan {n}",
        "opd": "Dinas A",
        "jenis_jabatan": str(grades.ESELON_TYPE[eselon]),
        "eselon": eselon,
        "min_golongan": None,
        "min_education": None,
        "rumpun": None,
        "priority": 2,
        "must_fill": False,
    }
    row.update(overrides)
    return row


def _nip_of(key: str | int, people: Sequence[Mapping[str, Any]]) -> str:
    return str(people[key]["nip"]) if isinstance(key, int) else key


def dataset(
    people: Sequence[Mapping[str, Any]],
    posts: Sequence[Mapping[str, Any]],
    komp: Mapping[str | int, Mapping[str, float]] | None = None,
    std: Mapping[str, Mapping[str, float]] | None = None,
    default_level: float | None = 3.0,
) -> Dataset:
    """Dataset from rows; ``komp`` overrides the default profile per NIP (or index in ``people``)."""
    profiles: dict[str, Mapping[str, float]] = {}
    if default_level is not None:
        profiles = {
            str(p["nip"]): dict.fromkeys(MANAGERIAL_COMPETENCIES, default_level) for p in people
        }
    for key, levels in (komp or {}).items():
        profiles[_nip_of(key, people)] = levels
    komp_rows = [(n, c, float(v)) for n, levels in profiles.items() for c, v in levels.items()]
    std_rows = [(j, c, float(v)) for j, levels in (std or {}).items() for c, v in levels.items()]
    peg = pd.DataFrame(list(people))
    for col in ("birth_date", "tmt_golongan", "tmt_jabatan", "tmt_jenjang", "discipline_until"):
        peg[col] = pd.to_datetime(peg[col])
    return Dataset.from_frames(
        peg,
        pd.DataFrame(list(posts)),
        pd.DataFrame(komp_rows, columns=["nip", "competency", "level"]),
        pd.DataFrame(std_rows, columns=["jabatan_id", "competency", "level"]),
    )


def scenario(**overrides: Any) -> Skenario:
    """A scenario at PLAN_DATE (``aturan``, ``bobot``… as keyword arguments)."""
    raw: dict[str, Any] = {"tanggal_rencana": PLAN_DATE}
    raw.update(overrides)
    return Skenario.model_validate(raw)


# --- decisions ------------------------------------------------------------------------------------


def decide(ds: Dataset, sc: Skenario, who: Mapping[str, Any], where: Mapping[str, Any]) -> Any:
    """check_pair for a person row dict and a post row dict."""
    from placement.rules.eligibility import check_pair

    return check_pair(ds, sc, str(who["nip"]), str(where["jabatan_id"]))


def failed(decision: Any) -> dict[str, tuple[str, str]]:
    """Failed rules of a PairDecision: rule_id → (actual, threshold)."""
    return {c.rule_id: (c.actual, c.threshold) for c in decision.checks if not c.passed}


def checked(decision: Any) -> set[str]:
    """Rule ids that applied to a PairDecision."""
    return {c.rule_id for c in decision.checks}


def in_table(ds: Dataset, sc: Skenario, who: Mapping[str, Any], where: Mapping[str, Any]) -> bool:
    """Whether build_pairs lists the pair."""
    from placement.rules.eligibility import build_pairs

    pairs = build_pairs(ds, sc).pairs
    hit = (pairs["nip"] == str(who["nip"])) & (pairs["jabatan_id"] == str(where["jabatan_id"]))
    return bool(hit.any())


# --- random small datasets (hypothesis) -----------------------------------------------------------

ESELONS: tuple[str, ...] = ("II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b")
JF_JENJANG: tuple[str, ...] = ("ahli pertama", "ahli muda", "ahli madya", "ahli utama")


def _maybe_date(draw: Any, lo: int, hi: int) -> date | None:
    from hypothesis import strategies as st

    if draw(st.integers(0, 5)) == 0:
        return None
    return date(draw(st.integers(lo, hi)), draw(st.integers(1, 12)), draw(st.integers(1, 28)))


def random_dataset_strategy(
    max_people: int = 7, max_posts: int = 4, must_fill: bool = False
) -> Any:
    """Hypothesis strategy of small, varied, valid datasets (holders, JF, PPPK, gaps in data);
    with ``must_fill`` some posts are marked wajib_isi."""
    from hypothesis import strategies as st

    @st.composite
    def build(draw: Any) -> Dataset:
        n_posts = draw(st.integers(1, max_posts))
        posts = [
            post(
                jabatan_id=f"P{i}",
                eselon=draw(st.sampled_from(ESELONS)),
                opd=draw(st.sampled_from(["Dinas A", "Dinas B"])),
                min_golongan=draw(st.sampled_from([None, None, "III/a", "IV/a"])),
                min_education=draw(st.sampled_from([None, None, "S2", "D3"])),
                rumpun=draw(st.sampled_from([None, "umum", "kesehatan", "teknik"])),
                priority=draw(st.integers(1, 3)),
                must_fill=must_fill and draw(st.booleans()),
            )
            for i in range(n_posts)
        ]
        n_people = draw(st.integers(1, max_people))
        held = draw(
            st.lists(st.integers(0, n_posts - 1), unique=True, max_size=min(n_people, n_posts))
        )
        people = []
        for k in range(n_people):
            birth = date(
                draw(st.integers(1964, 1996)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
            )
            pppk = draw(st.integers(0, 5)) == 0
            kw: dict[str, Any] = {
                "birth_date": birth,
                "tmt_cpns": date(
                    birth.year + draw(st.integers(20, 28)), draw(st.integers(1, 12)), 1
                ),
                "gender": draw(st.sampled_from(["L", "P"])),
                "status": "PPPK" if pppk else "PNS",
                "golongan": draw(
                    st.sampled_from(grades.PPPK_GRADES[8:13] if pppk else grades.PNS_GRADES[8:15])
                ),
                "talent_box": draw(st.sampled_from([None, 1, 4, 5, 7, 8, 9])),
                "skp_1": draw(st.sampled_from([None, "sangat baik", "baik", "butuh perbaikan"])),
                "skp_2": draw(st.sampled_from(["sangat baik", "baik", "kurang"])),
                "discipline": draw(st.sampled_from([None, None, "ringan", "sedang", "berat"])),
                "discipline_until": _maybe_date(draw, 2024, 2027),
                "job_fit": draw(st.sampled_from([None, "optimal", "kurang optimal"])),
                "tmt_jabatan": _maybe_date(draw, 2015, 2025),
                "tmt_jenjang": _maybe_date(draw, 2008, 2025),
                "education": draw(st.sampled_from(["SMA", "D3", "S1", "S2"])),
                "major": draw(
                    st.sampled_from([None, "Kesehatan Masyarakat", "Teknik Sipil", "Ilmu Hukum"])
                ),
                "unit": draw(st.sampled_from(["Dinas A", "Dinas B"])),
            }
            if k < len(held):
                people.append(person(holds=posts[held[k]], **{**kw, "unit": posts[held[k]]["opd"]}))
            else:
                jenis = draw(st.sampled_from(["PELAKSANA", "FUNGSIONAL"]))
                jenjang = draw(st.sampled_from(JF_JENJANG)) if jenis == "FUNGSIONAL" else None
                people.append(person(jenis_jabatan=jenis, jenjang=jenjang, **kw))
        komp: dict[str | int, dict[str, float]] = {}
        for k in range(n_people):
            kind = draw(st.integers(0, 3))
            if kind == 0:
                komp[k] = {}
            elif kind == 1:
                komp[k] = {
                    c: draw(st.sampled_from([1.0, 2.5, 3.0, 4.0, 5.0]))
                    for c in MANAGERIAL_COMPETENCIES[:4]
                }
        std = {
            str(p["jabatan_id"]): {
                c: float(draw(st.integers(1, 5))) for c in MANAGERIAL_COMPETENCIES[:5]
            }
            for p in posts
            if draw(st.booleans())
        }
        return dataset(people, posts, komp=komp, std=std)

    return build()


def random_scenario_strategy() -> Any:
    """Hypothesis strategy of scenarios that toggle the blocking rules and others."""
    from hypothesis import strategies as st

    @st.composite
    def build(draw: Any) -> Skenario:
        aturan: dict[str, dict[str, Any]] = {}
        if draw(st.booleans()):
            aturan["DEMOSI"] = {"aktif": False}
        if draw(st.booleans()):
            aturan["NAIK_SATU_JENJANG"] = {"langkah_maks": draw(st.integers(0, 3))}
        if draw(st.booleans()):
            aturan["GOL_MIN_ESELON"] = {"aktif": False}
        if draw(st.booleans()):
            aturan["KOTAK_TALENTA_MIN"] = {"kotak_min": {"rotasi": 4, "mutasi": 5}}
        if draw(st.booleans()):
            aturan["RUMPUN_SESUAI"] = {"aktif": True}
        if draw(st.booleans()):
            aturan["MASA_JABATAN_MIN"] = {"nonstruktural": True}
        return scenario(aturan=aturan, penempatan_jpt_langsung=draw(st.booleans()))

    return build()


__all__ = [
    "PLAN_DATE",
    "checked",
    "dataset",
    "decide",
    "failed",
    "in_table",
    "person",
    "post",
    "random_dataset_strategy",
    "random_scenario_strategy",
    "scenario",
]
