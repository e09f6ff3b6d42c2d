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
    peg.report(
        held.notna() & ~known,
        "jabatan_id",
        "JABATAN_ID_TIDAK_DIKENAL",
        lambda v: (
            f"jabatan_id '{v}' tidak ada di sheet jabatan. Tulis ID yang ada di sheet "
            "jabatan, atau kosongkan untuk JF/pelaksana dan jabatan di luar rencana."
        ),
        lambda v: (
            f"jabatan_id '{v}' is not in the jabatan sheet. Use an id from that sheet, "
            "or leave it empty for JF / pelaksana and posts outside the plan."
        ),
    )
    _report_duplicates(
        peg,
        pd.DataFrame({"id": held.where(known, None)}),
        "jabatan_id",
        "JABATAN_DIPEGANG_GANDA",
        (
            "Jabatan",
            "Post",
            "Satu jabatan hanya satu pemegang: kosongkan jabatan_id pada pegawai yang tidak "
            "definitif (Plt/Plh).",
            "A post has one holder: clear jabatan_id for the person who is not the definitive "
            "holder (acting).",
        ),
    )
    post_jenis = held.where(known).map(_post_lookup(jab, "jenis_jabatan"))
    jenis = peg.out["jenis_jabatan"]
    mismatch = known & jenis.notna() & post_jenis.notna() & (jenis != post_jenis)
    for pos in np.flatnonzero(mismatch.to_numpy()):
        sheet_kind, post_kind, post = jenis.iloc[pos], post_jenis.iloc[pos], shown(held.iloc[pos])
        peg.add(
            int(pos),
            "jenis_jabatan",
            "JENIS_JABATAN_TIDAK_SESUAI_JABATAN",
            f"Jenis jabatan {sheet_kind} berbeda dari jabatan {post} yang dijabat "
            f"({post_kind}). Samakan jenis_jabatan, atau kosongkan jabatan_id bila ia tidak "
            "memegang jabatan itu.",
            f"Kind {sheet_kind} differs from the post held, {post} ({post_kind}). Make them "
            "equal, or clear jabatan_id if the person does not hold that post.",
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
    for fld, header, code, needed, rank, what_id, what_en in (
        (
            "golongan",
            "gol_ruang",
            "PEMEGANG_GOLONGAN_KURANG",
            min_grade,
            grade_rank,
            "bergolongan",
            "grade",
        ),
        (
            "education",
            "pendidikan",
            "PEMEGANG_PENDIDIKAN_KURANG",
            min_edu,
            grades.EDUCATION_RANK,
            "berpendidikan",
            "education",
        ),
    ):
        need = held.map(needed)
        have_rank, need_rank = peg.out[fld].map(rank), need.map(rank)
        low = have_rank.notna() & need_rank.notna()
        low &= have_rank.astype(float) < need_rank.astype(float)
        for pos in np.flatnonzero(low.to_numpy()):
            value, minimum, post = peg.out[fld].iloc[pos], need.iloc[pos], shown(held.iloc[pos])
            peg.add(
                int(pos),
                header,
                code,
                f"Pemegang jabatan {post} {what_id} {value}, di bawah minimal {minimum}. Ia "
                "tetap boleh bertahan, tetapi tidak memenuhi syarat bila diangkat baru; "
                "periksa datanya.",
                f"The holder of {post} has {what_en} {value}, below the minimum {minimum}. "
                "Staying is allowed, a new appointment would not be; check the data.",
            )


def _check_profiles(peg: _Sheet, komp: _Sheet) -> None:
    """Scores belong to known people; people without scores are listed (warning)."""
    people = set(peg.out["nip"].dropna())
    parsed = _nip_parsed_mask(komp)
    komp.report(
        parsed & ~komp.out["nip"].isin(people),
        "nip",
        "KOMPETENSI_NIP_TIDAK_DIKENAL",
        lambda v: (
            f"NIP '{v}' di kompetensi tidak ada di sheet pegawai. Hapus baris ini atau "
            "tambahkan pegawai tersebut ke sheet pegawai."
        ),
        lambda v: (
            f"NIP '{v}' in kompetensi is not in the pegawai sheet. Delete the row or add "
            "the person to pegawai."
        ),
    )
    scored = set(komp.out["nip"].dropna())
    ok = _nip_parsed_mask(peg)
    peg.report(
        ok & ~peg.out["nip"].isin(scored),
        "nip",
        "KOMPETENSI_TIDAK_ADA",
        lambda v: (
            f"Pegawai {v} tidak punya nilai kompetensi: JPM tidak dapat dihitung dan ia "
            "tidak ditempatkan ke jabatan baru. Tambahkan hasil asesmennya di kompetensi."
        ),
        lambda v: (
            f"Person {v} has no competency scores: no JPM, and not placed into a new "
            "post. Add the assessment results to kompetensi."
        ),
    )


def _check_standards(jab: _Sheet, std: _Sheet) -> None:
    """Standards belong to known posts; posts without a standard are listed (warning)."""
    posts = set(jab.out["jabatan_id"].dropna())
    std_ids = std.out["jabatan_id"]
    std.report(
        std_ids.notna() & ~std_ids.isin(posts),
        "jabatan_id",
        "STANDAR_JABATAN_TIDAK_DIKENAL",
        lambda v: (
            f"jabatan_id '{v}' di standar_kompetensi tidak ada di sheet jabatan. Perbaiki "
            "ID atau hapus baris ini."
        ),
        lambda v: (
            f"jabatan_id '{v}' in standar_kompetensi is not in the jabatan sheet. Correct "
            "the id or delete the row."
        ),
    )
    ids = jab.out["jabatan_id"]
    jab.report(
        ids.notna() & ~ids.duplicated(keep="first") & ~ids.isin(set(std_ids.dropna())),
        "jabatan_id",
        "STANDAR_TIDAK_ADA",
        lambda v: (
            f"Jabatan {v} tidak punya standar kompetensi; dipakai standar bawaan "
            "levelnya. Tambahkan standarnya di standar_kompetensi bila ada."
        ),
        lambda v: (
            f"Post {v} has no competency standard; the default of its level is used. "
            "Add its standard to standar_kompetensi if there is one."
        ),
    )
