"""Plan tables from a solution: rencana (placements), lowong (unfilled posts with the reason
each established by a check), shortlist_jpt (seleksi terbuka) and move counts."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.grades import JPT_TYPES
from placement.domain.model import Dataset
from placement.domain.rumpun import GENERAL, fits, norm, person_fields, post_field
from placement.rules.eligibility import PairTable
from placement.rules.facts import rumpun_tables
from placement.rules.registry import rule_set
from placement.solver.bmatching import b_matching
from placement.solver.build import ModelIndex
from placement.solver.problem import Problem, Solution

MOVE_TYPES = ("tetap", "promosi", "rotasi", "mutasi", "demosi", "alih_jenis", "non-job")
TERM_COLUMNS = {  # PairTable column → plan column
    "jpm": "jpm",
    "box_value": "nilai_kotak_talenta",
    "education_match": "kesesuaian_pendidikan",
    "field_match": "kesesuaian_rumpun",
    "fit": "kecocokan",
    "post_value": "nilai_jabatan",
    "move_cost": "biaya_perpindahan",
    "overdue_penalty": "penalti_masa_jabatan",
    "field_penalty": "penalti_rumpun",
    "total": "skor",
}
PLAN_COLUMNS = [
    "nip",
    "nama",
    "jabatan_asal_id",
    "jabatan_asal",
    "opd_asal",
    "jabatan_tujuan_id",
    "jabatan_tujuan",
    "opd_tujuan",
    "jenis_perpindahan",
    "kotak_talenta",
    *TERM_COLUMNS.values(),
]


def plan_table(ds: Dataset, index: ModelIndex, solution: Solution) -> pd.DataFrame:
    """One row per holder of an in-scope post and per person placed into one."""
    chosen = index.chosen(solution.chosen)
    peg, jab = ds.pegawai, ds.jabatan
    placed = pd.DataFrame(
        {
            "person": chosen["person"].to_numpy(),
            "post": chosen["post"].to_numpy(),
            "jenis_perpindahan": chosen["move_type"].to_numpy(),
        }
    )
    for src, dst in TERM_COLUMNS.items():
        placed[dst] = chosen[src].to_numpy()
    released = np.setdiff1d(index.people[index.holders], placed["person"].to_numpy())
    if len(released):
        extra = pd.DataFrame({"person": released, "post": -1, "jenis_perpindahan": "non-job"})
        placed = pd.concat([placed, extra], ignore_index=True)
    rows = placed["person"].to_numpy()
    post_rows = placed["post"].to_numpy()
    origin = peg["jabatan_id"].to_numpy()[rows]
    jab_by_id = jab.set_index("jabatan_id")
    out = pd.DataFrame(
        {
            "nip": peg["nip"].to_numpy()[rows],
            "nama": peg["name"].to_numpy()[rows],
            "jabatan_asal_id": origin,
            "jabatan_asal": _origin_names(peg, jab_by_id, origin, rows),
            "opd_asal": np.where(
                pd.isna(origin),
                peg["unit"].to_numpy()[rows],
                jab_by_id["opd"].reindex(origin).to_numpy(),
            ),
            "jabatan_tujuan_id": np.where(
                post_rows >= 0, jab["jabatan_id"].to_numpy()[np.maximum(post_rows, 0)], None
            ),
            "jabatan_tujuan": np.where(
                post_rows >= 0, jab["name"].to_numpy()[np.maximum(post_rows, 0)], None
            ),
            "opd_tujuan": np.where(
                post_rows >= 0, jab["opd"].to_numpy()[np.maximum(post_rows, 0)], None
            ),
            "jenis_perpindahan": placed["jenis_perpindahan"].to_numpy(),
            "kotak_talenta": peg["talent_box"].to_numpy()[rows],
        }
    )
    for col in TERM_COLUMNS.values():
        out[col] = (
            placed[col].to_numpy(dtype=float).round(6)
        )  # files show 6 decimals; audit recomputes
    order = np.lexsort((rows, np.where(post_rows >= 0, post_rows, len(jab))))
    return out.iloc[order].reset_index(drop=True)[PLAN_COLUMNS]


def _origin_names(
    peg: pd.DataFrame, jab_by_id: pd.DataFrame, origin: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """Name of the post held, else the JF / pelaksana post name (pegawai nama_jabatan)."""
    held = jab_by_id["name"].reindex(origin).to_numpy()
    if "post_name" not in peg.columns:
        return held
    own = peg["post_name"].to_numpy(dtype=object)[rows]
    return np.where(pd.isna(origin), own, held)


def move_counts(plan: pd.DataFrame) -> dict[str, int]:
    counts = plan["jenis_perpindahan"].value_counts()
    return {t: int(counts.get(t, 0)) for t in MOVE_TYPES}


def vacancy_table(
    ds: Dataset,
    sc: Skenario,
    table: PairTable,
    index: ModelIndex,
    problem: Problem,
    solution: Solution,
    plan: pd.DataFrame,
) -> pd.DataFrame:
    """Posts left unfilled, each with the reason a check established."""
    jab = ds.jabatan
    filled = set(plan["jabatan_tujuan_id"].dropna())
    placed_people = set(index.chosen(solution.chosen)["person"].tolist())
    holders = set(index.people[index.holders].tolist())
    of_post = _post_rows(table.pairs)
    bound = {
        g.name for g in problem.stay_groups if _stays(problem, solution, g.people) == g.min_stay
    }
    rows = []
    jid_of = jab["jabatan_id"].to_dict()  # label → id: no pandas scalar lookup per post
    for post in index.posts.tolist():
        jid = str(jid_of[post])
        if jid in filled:
            continue
        cand = of_post(post)
        cand = cand[~cand["stay"].to_numpy()]
        placeable = cand[~cand["shortlist_only"]]
        reason, code = _reason(jab, post, cand, placeable, placed_people, holders, bool(bound))
        rows.append(
            {
                "jabatan_id": jid,
                "nama_jabatan": jab.at[post, "name"],
                "opd": jab.at[post, "opd"],
                "eselon": jab.at[post, "eselon"],
                "prioritas": int(str(jab.at[post, "priority"])),
                "wajib_isi": bool(jab.at[post, "must_fill"]),
                "kode_alasan": code,
                "alasan": reason,
                "jumlah_kandidat_memenuhi_syarat": len(cand),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "jabatan_id",
            "nama_jabatan",
            "opd",
            "eselon",
            "prioritas",
            "wajib_isi",
            "kode_alasan",
            "alasan",
            "jumlah_kandidat_memenuhi_syarat",
        ],
    )


def _post_rows(pairs: pd.DataFrame) -> Callable[[int], pd.DataFrame]:
    """``post → pairs[pairs["post"] == post]``: a slice when the table is sorted by post (the
    PairTable order), so no mask over all pairs per post and no copy of the table."""
    post_col = pairs["post"].to_numpy()
    if len(post_col) and not bool(np.all(post_col[1:] >= post_col[:-1])):
        return lambda post: pairs[post_col == post]

    def rows(post: int) -> pd.DataFrame:
        lo, hi = np.searchsorted(post_col, [post, post + 1])
        return pairs.iloc[int(lo) : int(hi)]

    return rows


def _stays(problem: Problem, solution: Solution, people: np.ndarray) -> int:
    chosen = solution.chosen[problem.stay[solution.chosen]]
    return int(np.isin(problem.pair_person[chosen], people).sum())


def _reason(
    jab: pd.DataFrame,
    post: int,
    cand: pd.DataFrame,
    placeable: pd.DataFrame,
    placed: set[int],
    holders: set[int],
    caps_binding: bool,
) -> tuple[str, str]:
    if jab.at[post, "jenis_jabatan"] in {t.value for t in JPT_TYPES} and len(cand) > len(placeable):
        return "JPT diisi melalui seleksi terbuka; lihat shortlist_jpt.csv", "SELEKSI_TERBUKA"
    if cand.empty:
        return "Tidak ada kandidat yang memenuhi syarat", "TIDAK_ADA_KANDIDAT"
    free = placeable[~placeable["person"].isin(placed) & ~placeable["person"].isin(holders)]
    if not free.empty and (free["total"] <= 0).all():
        return "Kandidat yang tersisa bernilai negatif (biaya > manfaat)", "NILAI_NEGATIF"
    if caps_binding and placeable["person"].isin(holders).all():
        return (
            "Semua kandidat adalah pejabat yang tertahan oleh batas perpindahan",
            "BATAS_PERPINDAHAN",
        )
    return (
        "Semua kandidat yang memenuhi syarat ditempatkan di jabatan lain dengan total lebih baik",
        "KANDIDAT_DI_TEMPAT_LAIN",
    )


SHORTLIST_COLUMNS = [
    "jabatan_id",
    "nama_jabatan",
    "peringkat",
    "nip",
    "nama",
    "jenis_perpindahan",
    "jpm",
    "kotak_talenta",
    "kesesuaian_bidang",
    "dalam_rencana",
    "skor",
]


def shortlist_table(ds: Dataset, table: PairTable, plan: pd.DataFrame) -> pd.DataFrame:
    """The seleksi terbuka shortlists of the JPT posts vacant in the plan, chosen together by an
    exact b-matching (:func:`placement.solver.bmatching.b_matching`): ``calon_per_jabatan``
    candidates per post, a person on at most ``daftar_per_orang_maks`` lists (rule
    JPT_SELEKSI_TERBUKA), as many candidates as possible, then the largest total score. Each
    row says the candidate's field fit and, for a person the plan moves, where to."""
    jab, peg = ds.jabatan, ds.pegawai
    rule = (table.rules or rule_set(Skenario()))["JPT_SELEKSI_TERBUKA"]
    filled = set(plan["jabatan_tujuan_id"].dropna())
    jpt = {t.value for t in JPT_TYPES}
    of_post = _post_rows(table.pairs)
    kinds, ids = jab["jenis_jabatan"].to_dict(), jab["jabatan_id"].to_dict()
    vacant = [
        p for p in np.asarray(table.posts).tolist() if kinds[p] in jpt and str(ids[p]) not in filled
    ]
    parts = [of_post(p) for p in vacant]
    cand = pd.concat(parts) if parts else table.pairs.iloc[0:0]
    cand = cand[~cand["stay"].to_numpy()]
    picked = b_matching(
        cand["post"].to_numpy(np.int64),
        cand["person"].to_numpy(np.int64),
        cand["total"].to_numpy(float),
        int(rule["calon_per_jabatan"]),
        int(rule["daftar_per_orang_maks"]),
    )
    cand = cand[picked]
    order = {p: i for i, p in enumerate(vacant)}
    cand = cand.assign(_order=cand["post"].map(order)).sort_values(
        ["_order", "total", "person"], ascending=[True, False, True]
    )
    moved = plan[plan["jenis_perpindahan"] != "tetap"].set_index("nip")["jabatan_tujuan"]
    field = field_fit(ds, table, cand["person"].to_numpy(np.int64), cand["post"].to_numpy(np.int64))
    rows = []
    for (r, fit), rank in zip(
        zip(cand.itertuples(index=False), field, strict=True),
        cand.groupby("_order").cumcount() + 1,
        strict=True,
    ):
        target = moved.get(r.nip)
        rows.append(
            {
                "jabatan_id": r.jabatan_id,
                "nama_jabatan": jab.at[r.post, "name"],
                "peringkat": int(rank),
                "nip": r.nip,
                "nama": peg.at[r.person, "name"],
                "jenis_perpindahan": r.move_type,
                "jpm": r.jpm,
                "kotak_talenta": peg.at[r.person, "talent_box"],
                "kesesuaian_bidang": fit,
                "dalam_rencana": f"dalam rencana: → {target}" if isinstance(target, str) else "",
                "skor": r.total,
            }
        )
    return pd.DataFrame(rows, columns=SHORTLIST_COLUMNS)


def field_fit(ds: Dataset, table: PairTable, person: np.ndarray, post: np.ndarray) -> list[str]:
    """Field-of-work fit per (person, post) as shown on shortlists: the person's fields (jurusan,
    gelar, JF name; placement.domain.rumpun) against the post's field (its rumpun column, else
    derived from its name and OPD); "umum" posts fit every field."""
    tables = rumpun_tables(table.rules or rule_set(Skenario()))
    peg, jab = ds.pegawai, ds.jabatan
    out = []
    for i, j in zip(person.tolist(), post.tolist(), strict=True):
        want = (
            norm(jab.at[j, "rumpun"]).replace(" ", "_")
            or post_field(jab.at[j, "name"], jab.at[j, "opd"], tables).field
        )
        have = person_fields(peg.at[i, "major"], peg.at[i, "name"], peg.at[i, "post_name"], tables)
        shown = ", ".join(sorted(have)).replace("_", " ")
        wanted = want.replace("_", " ")
        if want in ("", GENERAL):
            out.append("jabatan umum: semua bidang")
        elif not have:
            out.append(f"bidang pegawai tidak diketahui (jabatan {wanted})")
        elif fits(want, have, tables):
            out.append(f"sesuai ({shown})")
        else:
            out.append(f"tidak sesuai ({shown}; jabatan {wanted})")
    return out
