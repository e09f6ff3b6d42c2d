"""Checks across tables: posts held, holders' minimums, profiles and standards of known rows."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from placement.domain import grades
from placement.domain.errors import shown
from placement.domain.validate.sheet import _Sheet
from placement.domain.validate.tables import _nip_parsed_mask, _report_duplicates

_DEFAULT_MIN_EDUCATION: dict[grades.JenisJabatan, str] = {
    grades.JenisJabatan.PENGAWAS: "D3",
    grades.JenisJabatan.ADMINISTRATOR: "S1",
    grades.JenisJabatan.JPT_PRATAMA: "S1",
    grades.JenisJabatan.JPT_MADYA: "S1",
}


def _check_cross(sheets: dict[str, _Sheet]) -> None:
    peg, jab = sheets.get("pegawai"), sheets.get("jabatan")
    komp, std = sheets.get("kompetensi"), sheets.get("standar_kompetensi")
    if peg is not None and jab is not None and jab.has("jabatan_id"):
        _check_holders(peg, jab)
    if peg is not None and komp is not None and peg.has("nip"):
        _check_profiles(peg, komp)
    if jab is not None and std is not None and jab.has("jabatan_id"):
        _check_standards(jab, std)


def _post_lookup(jab: _Sheet, fld: str) -> dict[str, Any]:
    """jabatan_id → value of a post field (first row of an id)."""
    ids, values = jab.out["jabatan_id"], jab.out[fld]
    keep = ids.notna() & ~ids.duplicated(keep="first")
    return dict(zip(ids[keep], values[keep], strict=True))


def _check_holders(peg: _Sheet, jab: _Sheet) -> None:
    """Posts held exist, are held once, match the holder's kind; holders meet the minimums."""
    held = peg.out["jabatan_id"]
    known = held.isin(set(jab.out["jabatan_id"].dropna()))
    peg.report(held.notna() & ~known, "jabatan_id", "JABATAN_ID_TIDAK_DIKENAL")
    _report_duplicates(
        peg,
        pd.DataFrame({"id": held.where(known, None)}),
        "jabatan_id",
        "JABATAN_DIPEGANG_GANDA",
    )
    post_jenis = held.where(known).map(_post_lookup(jab, "jenis_jabatan"))
    jenis = peg.out["jenis_jabatan"]
    mismatch = known & jenis.notna() & post_jenis.notna() & (jenis != post_jenis)
    for pos in np.flatnonzero(mismatch.to_numpy()):
        sheet_kind, post_kind, post = jenis.iloc[pos], post_jenis.iloc[pos], shown(held.iloc[pos])
        peg.issue(
            int(pos),
            "jenis_jabatan",
            "JENIS_JABATAN_TIDAK_SESUAI_JABATAN",
            sheet_kind=sheet_kind,
            post_kind=post_kind,
            post=post,
        )
    _check_holder_minimums(peg, jab, held.where(known))


def _post_minimums(jab: _Sheet) -> tuple[dict[str, Any], dict[str, Any]]:
    """jabatan_id → minimum golongan and minimum education (overrides, else the defaults)."""
    out = jab.out
    grade = out["min_golongan"].astype(object)
    grade = grade.where(grade.notna(), out["eselon"].map(grades.ESELON_MIN_GRADE))
    default_edu = {k.value: v for k, v in _DEFAULT_MIN_EDUCATION.items()}
    edu = out["min_education"].astype(object)
    edu = edu.where(edu.notna(), out["jenis_jabatan"].map(default_edu))
    ids = out["jabatan_id"]
    keep = ids.notna() & ~ids.duplicated(keep="first")
    return (
        dict(zip(ids[keep], grade[keep], strict=True)),
        dict(zip(ids[keep], edu[keep], strict=True)),
    )


def _check_holder_minimums(peg: _Sheet, jab: _Sheet, held: pd.Series[Any]) -> None:
    """Warn about incumbents below their own post's golongan or education minimum."""
    min_grade, min_edu = _post_minimums(jab)
    grade_rank = {g: grades.grade_rank(g) for g in (*grades.PNS_GRADES, *grades.PPPK_GRADES)}
    for fld, header, code, needed, rank in (
        ("golongan", "gol_ruang", "PEMEGANG_GOLONGAN_KURANG", min_grade, grade_rank),
        ("education", "pendidikan", "PEMEGANG_PENDIDIKAN_KURANG", min_edu, grades.EDUCATION_RANK),
    ):
        need = held.map(needed)
        have_rank, need_rank = peg.out[fld].map(rank), need.map(rank)
        low = have_rank.notna() & need_rank.notna()
        low &= have_rank.astype(float) < need_rank.astype(float)
        for pos in np.flatnonzero(low.to_numpy()):
            value, minimum, post = peg.out[fld].iloc[pos], need.iloc[pos], shown(held.iloc[pos])
            peg.issue(int(pos), header, code, post=post, value=value, minimum=minimum)


def _check_profiles(peg: _Sheet, komp: _Sheet) -> None:
    """Scores belong to known people; people without scores are listed (warning)."""
    people = set(peg.out["nip"].dropna())
    parsed = _nip_parsed_mask(komp)
    komp.report(parsed & ~komp.out["nip"].isin(people), "nip", "KOMPETENSI_NIP_TIDAK_DIKENAL")
    scored = set(komp.out["nip"].dropna())
    ok = _nip_parsed_mask(peg)
    peg.report(ok & ~peg.out["nip"].isin(scored), "nip", "KOMPETENSI_TIDAK_ADA")


def _check_standards(jab: _Sheet, std: _Sheet) -> None:
    """Standards belong to known posts; posts without a standard are listed (warning)."""
    posts = set(jab.out["jabatan_id"].dropna())
    std_ids = std.out["jabatan_id"]
    std.report(
        std_ids.notna() & ~std_ids.isin(posts), "jabatan_id", "STANDAR_JABATAN_TIDAK_DIKENAL"
    )
    ids = jab.out["jabatan_id"]
    jab.report(
        ids.notna() & ~ids.duplicated(keep="first") & ~ids.isin(set(std_ids.dropna())),
        "jabatan_id",
        "STANDAR_TIDAK_ADA",
    )
