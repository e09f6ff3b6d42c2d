"""Checks within one table: structure, duplicates, NIP cross-checks, dates, kinds and eselon."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from placement.domain import grades
from placement.domain.errors import shown
from placement.domain.messages import texts
from placement.domain.priorities import (
    MUST_FILL_EN,
    MUST_FILL_ID,
    RULE_EN,
    RULE_ID,
    default_must_fills,
    default_priorities,
)
from placement.domain.validate.sheet import _Sheet, map_object

MIN_AGE, MAX_AGE = 18, 70  # an ASN is appointed at 18 or later and retires by 65 at the latest
_TMT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("tmt_golongan", "tmt_golongan"),
    ("tmt_jabatan", "tmt_jabatan"),
    ("tmt_jenjang", "tmt_jenjang"),
)


def _check_structure(sheet: _Sheet) -> None:
    """Required columns present, data rows present, required cells filled."""
    for col in sheet.table.required:
        if not sheet.has(col.header):
            sheet.issue(
                None,
                col.header,
                "KOLOM_WAJIB_TIDAK_ADA",
                header=col.header,
                meaning_id=col.meaning_id,
                meaning_en=col.meaning_en,
                file=sheet.file,
            )
    if sheet.n == 0 and sheet.table.name in ("pegawai", "jabatan"):
        sheet.issue(None, None, "TABEL_TANPA_DATA", file=sheet.file)
    for col in sheet.table.required:
        if sheet.has(col.header):
            sheet.report(
                sheet.cells(col.header) == "",
                col.header,
                "NILAI_WAJIB_KOSONG",
                header=col.header,
                meaning_id=col.meaning_id,
                meaning_en=col.meaning_en,
                example_id=_example_id(col.example),
                example_en=_example_en(col.example),
            )


def _example_id(example: str) -> str:
    return f", contoh: {example}" if example else ""


def _example_en(example: str) -> str:
    return f", e.g. {example}" if example else ""


def _report_duplicates(
    sheet: _Sheet,
    keys: pd.DataFrame,
    header: str,
    code: str,
) -> None:
    """Report every row whose key (all columns of ``keys``) already occurred in an earlier row
    (``key``, ``row`` of the code's template)."""
    valid = keys.notna().all(axis=1)
    dup = valid & keys.duplicated(keep="first")
    if not dup.any():
        return
    rows = pd.Series(sheet.rows, index=keys.index)
    first = rows[valid].groupby([keys[c][valid] for c in keys.columns], sort=False)
    first_row = first.transform("first")
    for pos in np.flatnonzero(dup.to_numpy()):
        key = " / ".join(shown(v) for v in keys.iloc[pos])
        row = int(first_row.loc[keys.index[int(pos)]])
        sheet.issue(int(pos), header, code, key=key, row=row)


def _nip_series(sheet: _Sheet, attr: str) -> pd.Series[Any]:
    """One attribute of the parsed NIPs per row (None where the NIP did not parse)."""
    text = sheet.cells("nip")
    values = map_object(text, {v: getattr(info, attr) for v, info in sheet.nip_parsed.items()})
    ok = sheet.nip_ok if sheet.nip_ok is not None else pd.Series(False, index=text.index)
    return values.astype(object).where(ok, None)


def _nip_parsed_mask(sheet: _Sheet) -> pd.Series[bool]:
    """Rows whose NIP parsed without a defect."""
    return sheet.nip_ok if sheet.nip_ok is not None else pd.Series(False, index=range(sheet.n))


def _check_pegawai(sheet: _Sheet) -> None:
    """NIP duplicates and NIP cross-checks, grade vs status, jenjang and post presence."""
    _report_duplicates(
        sheet,
        pd.DataFrame({"nip": sheet.out["nip"]}),
        "nip",
        "NIP_GANDA",
    )
    _check_birth_dates(sheet)
    _check_nip_status_gender(sheet)
    _check_grade_status(sheet)
    _check_kind_details(sheet)


def _check_grade_status(sheet: _Sheet) -> None:
    """PNS hold I/a … IV/e, PPPK hold I … XVII."""
    status, grade = sheet.out["status"], sheet.out["golongan"]
    wrong_grade = ((status == "PNS") & grade.isin(grades.PPPK_GRADES)) | (
        (status == "PPPK") & grade.isin(grades.PNS_GRADES)
    )
    sheet.report(wrong_grade, "gol_ruang", "GOLONGAN_TIDAK_SESUAI_STATUS")


def _check_kind_details(sheet: _Sheet) -> None:
    """Warnings: JF without jenjang, structural official without a post."""
    jenis = sheet.out["jenis_jabatan"]
    sheet.report(
        (jenis == "FUNGSIONAL") & (sheet.cells("jenjang") == ""), "jenjang", "JENJANG_KOSONG"
    )
    structural = jenis.isin([t.value for t in grades.STRUCTURAL_TYPES])
    sheet.report(
        structural & (sheet.cells("jabatan_id") == ""), "jabatan_id", "STRUKTURAL_TANPA_JABATAN"
    )


def _check_birth_dates(sheet: _Sheet) -> None:
    """tanggal_lahir against the NIP; empty birth dates are taken from the NIP (warning)."""
    if not sheet.has("tanggal_lahir"):
        sheet.issue(None, "tanggal_lahir", "TANGGAL_LAHIR_KOSONG", "KOLOM_TANGGAL_LAHIR_TIDAK_ADA")
        return
    nip_birth = pd.to_datetime(_nip_series(sheet, "birth_date")).astype("datetime64[ns]")
    birth = sheet.out["birth_date"]
    mismatch = birth.notna() & nip_birth.notna() & (birth != nip_birth)
    for pos in np.flatnonzero(mismatch.to_numpy()):
        given, from_nip = birth.iloc[pos].date(), nip_birth.iloc[pos].date()
        sheet.issue(
            int(pos),
            "tanggal_lahir",
            "TANGGAL_LAHIR_TIDAK_SESUAI_NIP",
            given=given,
            from_nip=from_nip,
        )
    sheet.report(sheet.cells("tanggal_lahir") == "", "tanggal_lahir", "TANGGAL_LAHIR_KOSONG")


def _check_dates(sheet: _Sheet, plan_date: date | None) -> None:
    """Birth and TMT dates that have not happened yet, ages outside MIN_AGE–MAX_AGE and TMTs
    before the person turned MIN_AGE (the NIP's birth date and TMT CPNS included)."""
    ref = plan_date or date.today()
    when = (
        texts("SAAT_TANGGAL_RENCANA", ref=ref)
        if plan_date is not None
        else texts("SAAT_HARI_INI", ref=ref)
    )
    given = sheet.out["birth_date"]
    from_nip = pd.to_datetime(_nip_series(sheet, "birth_date")).astype("datetime64[ns]")
    birth = given.where(given.notna(), from_nip)
    birth_column = np.where(given.notna(), "tanggal_lahir", "nip")
    _report_future(sheet, birth, birth_column, *texts("LABEL_TANGGAL_LAHIR"), when, ref)
    _report_age(sheet, birth, birth_column, when, ref)
    # TMTs are often a month's first day: a month of slack before the MIN_AGE-th birthday
    turned = (birth + pd.DateOffset(years=MIN_AGE, months=-1)).to_numpy().astype("datetime64[M]")
    adult = pd.Series(turned.astype("datetime64[ns]"), index=birth.index)
    nip_tmt = _nip_series(sheet, "tmt_cpns")
    tmt_cpns: pd.Series[Any] = pd.to_datetime(nip_tmt).astype("datetime64[ns]")
    dates = [(tmt_cpns, "nip", "TMT CPNS (digit 9–14 NIP)", "TMT CPNS (NIP digits 9–14)")]
    dates += [(sheet.out[fld], header, header, header) for header, fld in _TMT_COLUMNS]
    for values, header, label_id, label_en in dates:
        column = np.full(sheet.n, header, dtype=object)
        _report_future(sheet, values, column, label_id, label_en, when, ref)
        early = values.notna() & adult.notna() & (values < adult)
        for pos in np.flatnonzero(early.to_numpy()):
            value, born = values.iloc[pos].date(), birth.iloc[pos].date()
            sheet.issue(
                int(pos),
                header,
                "TANGGAL_TERLALU_AWAL",
                label_id=label_id,
                label_en=label_en,
                value=value,
                min_age=MIN_AGE,
                born=born,
            )


def _report_future(
    sheet: _Sheet,
    values: pd.Series[Any],
    columns: np.ndarray[Any, np.dtype[Any]],
    label_id: str,
    label_en: str,
    when: tuple[str, str],
    ref: date,
) -> None:
    """One error per date after ``ref``."""
    for pos in np.flatnonzero((values.notna() & (values > pd.Timestamp(ref))).to_numpy()):
        value = values.iloc[pos].date()
        sheet.issue(
            int(pos),
            str(columns[pos]),
            "TANGGAL_MASA_DEPAN",
            label_id=label_id,
            label_en=label_en,
            value=value,
            when_id=when[0],
            when_en=when[1],
        )


def _report_age(
    sheet: _Sheet,
    birth: pd.Series[Any],
    columns: np.ndarray[Any, np.dtype[Any]],
    when: tuple[str, str],
    ref: date,
) -> None:
    """One error per person younger than MIN_AGE or older than MAX_AGE at ``ref`` (born
    before ``ref``: later births are reported as future dates)."""
    before = (birth.dt.month > ref.month) | (
        (birth.dt.month == ref.month) & (birth.dt.day > ref.day)
    )
    age = ref.year - birth.dt.year - before.astype(int)
    wrong = birth.notna() & (birth <= pd.Timestamp(ref)) & ((age < MIN_AGE) | (age > MAX_AGE))
    for pos in np.flatnonzero(wrong.to_numpy()):
        years, born = int(age.iloc[pos]), birth.iloc[pos].date()
        sheet.issue(
            int(pos),
            str(columns[pos]),
            "USIA_TIDAK_WAJAR",
            years=years,
            born=born,
            when_id=when[0],
            when_en=when[1],
            min_age=MIN_AGE,
            max_age=MAX_AGE,
        )


def _check_nip_status_gender(sheet: _Sheet) -> None:
    """Status PNS/PPPK and gender against what the NIP encodes (warnings)."""
    nip_pppk = _nip_series(sheet, "is_pppk")
    status = sheet.out["status"]
    known = nip_pppk.notna() & status.notna()
    sheet.report(
        known & ((status == "PPPK") != nip_pppk.fillna(False).astype(bool)),
        "status_kepegawaian",
        "STATUS_TIDAK_SESUAI_NIP",
    )
    nip_gender = _nip_series(sheet, "gender")
    gender = sheet.out["gender"]
    sheet.report(
        gender.notna() & nip_gender.notna() & (gender != nip_gender),
        "jenis_kelamin",
        "JENIS_KELAMIN_TIDAK_SESUAI_NIP",
    )


def _check_jabatan(sheet: _Sheet) -> None:
    """Unique ids, structural kinds only, eselon consistent with the kind."""
    out = sheet.out
    _report_duplicates(
        sheet,
        pd.DataFrame({"id": out["jabatan_id"]}),
        "jabatan_id",
        "JABATAN_ID_GANDA",
    )
    jenis = out["jenis_jabatan"]
    structural = jenis.isin([t.value for t in grades.STRUCTURAL_TYPES])
    sheet.report(jenis.notna() & ~structural, "jenis_jabatan", "JENIS_JABATAN_BUKAN_STRUKTURAL")
    expected = out["eselon"].map({k: v.value for k, v in grades.ESELON_TYPE.items()})
    mismatch = structural & expected.notna() & (expected != jenis)
    for pos in np.flatnonzero(mismatch.to_numpy()):
        eselon, kind, want = out["eselon"].iloc[pos], jenis.iloc[pos], expected.iloc[pos]
        sheet.issue(
            int(pos), "eselon", "ESELON_TIDAK_SESUAI_JENIS", eselon=eselon, want=want, kind=kind
        )
    _check_derived_priorities(sheet)


def _check_derived_priorities(sheet: _Sheet) -> None:
    """One summarised warning per column when prioritas / wajib_isi are empty and derived."""
    out = sheet.out
    kinds, names = out["jenis_jabatan"].astype(str), out["name"]
    empty = (sheet.cells("prioritas") == "").to_numpy()  # an invalid value is an error, not empty
    if empty.any():
        got = Counter(default_priorities(kinds[empty], names[empty]))
        counts = ", ".join(f"{k}: {got[k]}" for k in sorted(got))
        sheet.issue(
            None,
            "prioritas",
            "PRIORITAS_DITURUNKAN",
            n=int(empty.sum()),
            rows=_rows(sheet, empty),
            rule_id=RULE_ID,
            rule_en=RULE_EN,
            counts=counts,
        )
    empty = (sheet.cells("wajib_isi") == "").to_numpy()
    if empty.any():
        yes = sum(default_must_fills(kinds[empty], names[empty]))
        sheet.issue(
            None,
            "wajib_isi",
            "WAJIB_ISI_DITURUNKAN",
            n=int(empty.sum()),
            rows=_rows(sheet, empty),
            rule_id=MUST_FILL_ID,
            rule_en=MUST_FILL_EN,
            yes=yes,
        )


def _rows(sheet: _Sheet, mask: np.ndarray[Any, np.dtype[np.bool_]], shown_rows: int = 5) -> str:
    """The first file rows where ``mask`` holds ("2, 3, 4, …")."""
    rows = [str(int(r)) for r in np.asarray(sheet.rows)[mask][:shown_rows]]
    return ", ".join(rows) + (", …" if int(mask.sum()) > shown_rows else "")


def _check_long_duplicates(sheet: _Sheet) -> None:
    """One level per (NIP or jabatan_id, competency)."""
    is_profile = sheet.table.name == "kompetensi"
    key = "nip" if is_profile else "jabatan_id"
    _report_duplicates(
        sheet,
        pd.DataFrame({"key": sheet.out[key], "competency": sheet.out["competency"]}),
        "kompetensi",
        "KOMPETENSI_GANDA" if is_profile else "STANDAR_GANDA",
    )
