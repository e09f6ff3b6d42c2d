"""Succession report as tables: one call computes everything, :func:`succession_sheets` gives the
xlsx sheets (``Suksesi``, ``Kekuatan Suksesi``, ``Kekuatan per OPD``, ``Lowong Mendatang``,
``Peta Talenta``, ``Kotak 9``, optionally ``Talenta Pegawai`` and ``Perpindahan Kotak``, and
``Info``). Sheet names stay Indonesian in both languages (stable keys for the dossier); headers
and texts follow ``lang``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Skenario
from placement.domain.errors import Issue
from placement.domain.messages import text, texts
from placement.domain.model import Dataset, current_post_labels
from placement.rules.eligibility import PairTable
from placement.succession.future import REASONS, SotkChange, first_vacancy, future_vacancies
from placement.succession.readiness import (
    DEVELOPABLE,
    Successors,
    select_posts,
    successors,
)
from placement.succession.talent_map import (
    TALENT_POOL,
    box_transitions,
    legal_basis,
    person_opd,
    pool_flows,
    talent_counts,
    talent_grid,
    talent_people,
)

SHEET_NAMES: tuple[str, ...] = (
    "Info",
    "Suksesi",
    "Kekuatan Suksesi",
    "Kekuatan per OPD",
    "Lowong Mendatang",
    "Peta Talenta",
    "Kotak 9",
    "Talenta Pegawai",
    "Perpindahan Kotak",
)
NO_SUCCESSOR = ("TANPA PENERUS", "NO SUCCESSOR")
NONE_READY_NOW = texts("SUKSESI_BELUM_ADA_SIAP")
_EN: dict[str, str] = {
    "urutan": "order",
    "jabatan_id": "jabatan_id",
    "nama_jabatan": "post_name",
    "opd": "opd",
    "eselon": "eselon",
    "jenis_jabatan": "post_kind",
    "kritis": "critical",
    "pemegang_nip": "holder_nip",
    "pemegang_nama": "holder_name",
    "lowong_mulai": "vacant_from",
    "alasan_lowong": "vacancy_reason",
    "kesiapan": "readiness",
    "peringkat": "rank",
    "nip": "nip",
    "nama": "name",
    "jabatan_sekarang": "current_post",
    "kotak_talenta": "talent_box",
    "jpm_persen": "jpm_percent",
    "total": "total",
    "jenis_perpindahan": "move_type",
    "daftar_pendek": "shortlist_only",
    "tanggal_siap": "ready_date",
    "aturan_penghalang": "blocking_rules",
    "pengembangan": "development",
    "kesenjangan_kompetensi": "competency_gaps",
    "tanggal_bup": "retirement_date",
    "siap_sekarang": "ready_now",
    "siap_horizon": "ready_in_horizon",
    "perlu_pengembangan": "needs_development",
    "penerus_siap_saat_lowong": "ready_when_vacant",
    "status": "status",
    "jumlah_jabatan": "posts",
    "jabatan_kritis": "critical_posts",
    "ada_siap_sekarang": "with_ready_now",
    "ada_siap_horizon": "with_ready_in_horizon",
    "tanpa_penerus": "without_successor",
    "persen_tertutup_sekarang": "percent_covered_now",
    "lowong_mendatang": "future_vacancies",
    "lowong_tanpa_penerus_siap": "vacancies_without_ready",
    "kelompok_suksesi": "talent_pool",
    "tanggal": "date",
    "tahun": "year",
    "alasan": "reason",
    "keterangan": "detail",
    "sudah_lewat": "already_past",
    "kunci": "key",
    "nilai": "value",
}


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def category_label(category: str, horizon_years: int, lang: str = "id") -> str:
    """siap sekarang / siap 1–2 tahun / perlu pengembangan (English with ``lang='en'``)."""
    if category == "sekarang":
        return text("SUKSESI_SIAP_SEKARANG", lang)
    if category == "horizon":
        if horizon_years == 1:
            return text("SUKSESI_SIAP_SETAHUN", lang)
        return text("SUKSESI_SIAP_HORIZON", lang, horizon_years=horizon_years)
    return text("SUKSESI_PERLU_PENGEMBANGAN", lang)


@dataclass(eq=False)
class SuccessionReport:
    """Everything ``placement succession`` shows or writes."""

    ds: Dataset
    sc: Skenario
    horizon_years: int
    succ: Successors
    vacancies: pd.DataFrame  # future.VACANCY_COLUMNS
    opd: str | None = None
    previous: pd.DataFrame | None = None
    names: bool = False
    warnings: list[Issue] = field(default_factory=list)
    lang: str = "id"

    @cached_property
    def vacancy_of(self) -> dict[int, tuple[date, str]]:
        """Per post row: the earliest vacancy (date, reason)."""
        return first_vacancy(self.vacancies)

    @cached_property
    def ready_when_vacant(self) -> dict[int, int]:
        """Per post with a future vacancy: successors ready on or before the (first) vacancy date
        (on the plan date for a vacancy already past)."""
        plan = np.datetime64(self.succ.plan_date, "D")
        when = {j: max(np.datetime64(day, "D"), plan) for j, (day, _) in self.vacancy_of.items()}
        ready = self.succ.ready
        posts = ready["post"].to_numpy(dtype=np.int64)
        keep = np.isin(posts, list(when))
        limit = np.array([when[int(j)] for j in posts[keep]], dtype="datetime64[D]")
        ok = ready["ready_date"].to_numpy(dtype="datetime64[D]")[keep] <= limit
        counts = pd.Series(ok).groupby(posts[keep]).sum()
        return {j: int(counts.get(j, 0)) for j in when}


def succession_report(
    ds: Dataset,
    sc: Skenario,
    horizon_years: int = 2,
    *,
    top: int = 5,
    jabatan_ids: list[str] | None = None,
    opd: str | None = None,
    sotk: list[SotkChange] | None = None,
    previous: pd.DataFrame | None = None,
    names: bool = False,
    pairs: PairTable | None = None,
    lang: str = "id",
) -> SuccessionReport:
    """Succession lists, bench strength, future vacancies and the talent map of the posts chosen
    (``jabatan_ids`` or ``opd``; default every in-scope post)."""
    posts = select_posts(ds, sc, jabatan_ids, opd)
    succ = successors(ds, sc, horizon_years, top=top, posts=posts, pairs=pairs, lang=lang)
    vac = future_vacancies(
        ds,
        sc,
        horizon_years,
        posts=posts,
        sotk=sotk,
        new_post_opd=opd,
        include_new_posts=not jabatan_ids,
    )
    return SuccessionReport(ds, sc, horizon_years, succ, vac, opd, previous, names, lang=lang)


def succession_sheets(
    ds: Dataset,
    sc: Skenario,
    horizon_years: int = 2,
    *,
    top: int = 5,
    jabatan_ids: list[str] | None = None,
    opd: str | None = None,
    sotk: list[SotkChange] | None = None,
    previous: pd.DataFrame | None = None,
    names: bool = False,
    pairs: PairTable | None = None,
    lang: str = "id",
) -> dict[str, pd.DataFrame]:
    """The succession sheets (see the module docstring), ready for ``write_xlsx``."""
    report = succession_report(
        ds,
        sc,
        horizon_years,
        top=top,
        jabatan_ids=jabatan_ids,
        opd=opd,
        sotk=sotk,
        previous=previous,
        names=names,
        pairs=pairs,
        lang=lang,
    )
    return report_sheets(report)


# --- frames -------------------------------------------------------------------------------------


def _day(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _post_columns(r: SuccessionReport, posts: np.ndarray) -> dict[str, Any]:
    ds, lang = r.ds, r.lang
    jab = ds.jabatan
    yes, no = ("ya", "tidak") if lang == "id" else ("yes", "no")
    holder = np.array([ds.holder_row.get(str(jab.at[j, "jabatan_id"]), -1) for j in posts])
    nip = ds.pegawai["nip"].astype(str).to_numpy(dtype=object)
    name = ds.pegawai["name"].astype(str).to_numpy(dtype=object)
    crit = r.succ.critical.to_numpy()
    vac = r.vacancy_of
    return {
        "jabatan_id": jab["jabatan_id"].to_numpy(dtype=object)[posts],
        "nama_jabatan": jab["name"].to_numpy(dtype=object)[posts],
        "opd": jab["opd"].to_numpy(dtype=object)[posts],
        "eselon": jab["eselon"].astype(str).to_numpy(dtype=object)[posts],
        "kritis": [yes if crit[j] else no for j in posts],
        "pemegang_nip": [nip[h] if h >= 0 else None for h in holder],
        "pemegang_nama": [name[h] if h >= 0 else None for h in holder],
        "lowong_mulai": [vac[int(j)][0] if int(j) in vac else None for j in posts],
        "alasan_lowong": [
            _t(REASONS[vac[int(j)][1]], lang) if int(j) in vac else None for j in posts
        ],
    }


def successor_frame(r: SuccessionReport) -> pd.DataFrame:
    """One row per listed successor (top N per post and readiness), posts in report order."""
    ds, lang, rows = r.ds, r.lang, r.succ.rows
    posts = rows["post"].to_numpy(dtype=np.int64)
    people = rows["person"].to_numpy(dtype=np.int64)
    order = {int(j): i + 1 for i, j in enumerate(r.succ.posts)}
    box = ds.pegawai["talent_box"].to_numpy()[people]
    yes, no = ("ya", "tidak") if lang == "id" else ("yes", "no")
    frame = pd.DataFrame(
        {
            "urutan": [order[int(j)] for j in posts],
            **_post_columns(r, posts),
            "kesiapan": [category_label(c, r.horizon_years, lang) for c in rows["category"]],
            "peringkat": rows["rank"].to_numpy(dtype=np.int64),
            "nip": ds.pegawai["nip"].astype(str).to_numpy(dtype=object)[people],
            "nama": ds.pegawai["name"].astype(str).to_numpy(dtype=object)[people],
            "jabatan_sekarang": current_post_labels(ds, people),
            "kotak_talenta": pd.array([None if pd.isna(b) else int(b) for b in box], dtype="Int64"),
            "jpm_persen": [None if np.isnan(x) else round(100 * x, 1) for x in rows["jpm"]],
            "total": rows["total"].round(4).to_numpy(),
            "jenis_perpindahan": rows["move_type"].to_numpy(),
            "daftar_pendek": [yes if s else no for s in rows["shortlist_only"]],
            "tanggal_siap": [_day(d) for d in rows["ready_date"]],
            "aturan_penghalang": rows["blockers"].to_numpy(),
            "pengembangan": rows["actions"].to_numpy(),
            "kesenjangan_kompetensi": rows["gaps"].to_numpy(),
            "tanggal_bup": [_day(d) for d in ds.pegawai["bup_date"].to_numpy()[people]],
        }
    )
    return frame


def bench_frame(r: SuccessionReport) -> pd.DataFrame:
    """Bench strength per post: counts per readiness, vacancy date and a warning status."""
    b, lang = r.succ.bench, r.lang
    posts = b["post"].to_numpy(dtype=np.int64)
    when = r.ready_when_vacant
    now, soon = b["sekarang"].to_numpy(), b["horizon"].to_numpy()
    status = [
        _t(NO_SUCCESSOR, lang) if n == 0 and s == 0 else _t(NONE_READY_NOW, lang) if n == 0 else ""
        for n, s in zip(now, soon, strict=True)
    ]
    return pd.DataFrame(
        {
            "urutan": np.arange(1, len(posts) + 1),
            **_post_columns(r, posts),
            "jenis_jabatan": r.ds.jabatan["jenis_jabatan"].astype(str).to_numpy()[posts],
            "siap_sekarang": now,
            "siap_horizon": soon,
            "perlu_pengembangan": b["pengembangan"].to_numpy(),
            "penerus_siap_saat_lowong": pd.array([when.get(int(j)) for j in posts], dtype="Int64"),
            "status": status,
        }
    )


def opd_bench_frame(r: SuccessionReport) -> pd.DataFrame:
    """Bench strength per OPD."""
    b = r.succ.bench
    jab = r.ds.jabatan
    posts = b["post"].to_numpy(dtype=np.int64)
    when = r.ready_when_vacant
    frame = pd.DataFrame(
        {
            "opd": jab["opd"].to_numpy(dtype=object)[posts],
            "kritis": r.succ.critical.to_numpy()[posts],
            "now": b["sekarang"].to_numpy() > 0,
            "any": (b["sekarang"].to_numpy() + b["horizon"].to_numpy()) > 0,
            "vac": [int(j) in when for j in posts],
            "vac_none": [int(j) in when and when[int(j)] == 0 for j in posts],
        }
    )
    pool = (
        pd.Series(
            np.isin(
                pd.to_numeric(r.ds.pegawai["talent_box"], errors="coerce").fillna(0), TALENT_POOL
            )
        )
        .groupby(person_opd(r.ds).to_numpy())
        .sum()
    )
    g = frame.groupby("opd", sort=False)
    out = pd.DataFrame(
        {
            "jumlah_jabatan": g.size(),
            "jabatan_kritis": g["kritis"].sum(),
            "ada_siap_sekarang": g["now"].sum(),
            "ada_siap_horizon": g["any"].sum(),
            "tanpa_penerus": g.size() - g["any"].sum(),
        }
    )
    out["persen_tertutup_sekarang"] = (
        100 * out["ada_siap_sekarang"] / out["jumlah_jabatan"]
    ).round(1)
    out["lowong_mendatang"] = g["vac"].sum()
    out["lowong_tanpa_penerus_siap"] = g["vac_none"].sum()
    out["kelompok_suksesi"] = [int(pool.get(o, 0)) for o in out.index]
    out = out.reset_index().sort_values(["persen_tertutup_sekarang", "opd"], kind="stable")
    return out.astype(
        {c: np.int64 for c in out.columns if c not in ("opd", "persen_tertutup_sekarang")}
    )


def vacancy_frame(r: SuccessionReport) -> pd.DataFrame:
    """Future vacancies, by date."""
    v, ds, lang = r.vacancies, r.ds, r.lang
    holder = v["holder"].to_numpy(dtype=np.int64)
    nip = ds.pegawai["nip"].astype(str).to_numpy(dtype=object)
    name = ds.pegawai["name"].astype(str).to_numpy(dtype=object)
    when = r.ready_when_vacant
    first = r.vacancy_of
    now = dict(zip(r.succ.bench["post"], r.succ.bench["sekarang"], strict=True))
    yes, no = ("ya", "tidak") if lang == "id" else ("yes", "no")
    return pd.DataFrame(
        {
            "tanggal": [_day(d) for d in v["date"]],
            "tahun": [pd.Timestamp(d).year for d in v["date"]],
            "jabatan_id": v["jabatan_id"].to_numpy(),
            "nama_jabatan": v["name"].to_numpy(),
            "opd": v["opd"].to_numpy(),
            "eselon": v["eselon"].to_numpy(),
            "pemegang_nip": [nip[h] if h >= 0 else None for h in holder],
            "pemegang_nama": [name[h] if h >= 0 else None for h in holder],
            "alasan": [_t(REASONS[x], lang) for x in v["reason"]],
            "keterangan": (v["detail_en"] if lang == "en" else v["detail_id"]).to_numpy(),
            "sudah_lewat": [yes if p else no for p in v["past"]],
            "siap_sekarang": pd.array([now.get(int(j)) for j in v["post"]], dtype="Int64"),
            "penerus_siap_saat_lowong": pd.array(
                [
                    when.get(int(j)) if d == first.get(int(j), (None,))[0] else None
                    for j, d in zip(v["post"], (_day(x) for x in v["date"]), strict=True)
                ],
                dtype="Int64",
            ),
        }
    )


def info_frame(r: SuccessionReport) -> pd.DataFrame:
    lang, succ = r.lang, r.succ
    b = succ.bench
    rows: list[tuple[str, Any]] = [
        ("tanggal_rencana", succ.plan_date.isoformat()),
        ("horizon_tahun", r.horizon_years),
        ("akhir_horizon", succ.horizon_end.isoformat()),
        ("skenario", r.sc.nama),
        ("paket_aturan", r.sc.paket_aturan),
        ("jumlah_jabatan", len(b)),
        ("jabatan_tanpa_penerus_siap_sekarang", int((b["sekarang"] == 0).sum())),
        ("jabatan_tanpa_penerus", int(((b["sekarang"] + b["horizon"]) == 0).sum())),
        ("lowong_mendatang", len(r.vacancies)),
        (
            category_label("sekarang", r.horizon_years, lang),
            text("SUKSESI_KETERANGAN_SEKARANG", lang),
        ),
        (
            category_label("horizon", r.horizon_years, lang),
            text("SUKSESI_KETERANGAN_HORIZON", lang),
        ),
        (
            category_label("pengembangan", r.horizon_years, lang),
            text("SUKSESI_KETERANGAN_PENGEMBANGAN", lang) + ", ".join(DEVELOPABLE),
        ),
        ("rekomendasi_kotak", legal_basis()),
    ]
    if r.previous is not None:
        rows += [(f"kelompok_suksesi_{k}", v) for k, v in pool_flows(r.ds, r.previous).items()]
    return pd.DataFrame(rows, columns=["kunci", "nilai"]).astype({"nilai": object})


def localized_headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """English column headers for lang="en" (the frames are built with Indonesian ones)."""
    if lang != "en":
        return frame
    renamed: pd.DataFrame = frame.rename(columns=lambda c: _EN.get(c, c))
    return renamed


def report_sheets(r: SuccessionReport) -> dict[str, pd.DataFrame]:
    """The sheets of a report (headers in the report's language)."""
    lang = r.lang
    sheets = {
        "Info": info_frame(r),
        "Suksesi": successor_frame(r),
        "Kekuatan Suksesi": bench_frame(r),
        "Kekuatan per OPD": opd_bench_frame(r),
        "Lowong Mendatang": vacancy_frame(r),
        "Peta Talenta": talent_counts(r.ds, r.opd, lang),
        "Kotak 9": talent_grid(r.ds, r.opd, lang),
    }
    if r.names:
        sheets["Talenta Pegawai"] = talent_people(r.ds, r.opd, lang)
    if r.previous is not None:
        sheets["Perpindahan Kotak"] = box_transitions(r.ds, r.previous, lang)
    return {name: localized_headers(frame, lang) for name, frame in sheets.items()}


TEXT_COLUMNS: tuple[str, ...] = ("nip", "pemegang_nip", "holder_nip", "jabatan_id")
"""Columns written as text in xlsx (NIPs must not become numbers)."""


__all__ = [
    "SHEET_NAMES",
    "TEXT_COLUMNS",
    "SuccessionReport",
    "bench_frame",
    "category_label",
    "info_frame",
    "opd_bench_frame",
    "report_sheets",
    "succession_report",
    "succession_sheets",
    "successor_frame",
    "vacancy_frame",
]
