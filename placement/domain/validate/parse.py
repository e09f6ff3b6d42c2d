"""Cell parsers: every schema column to its canonical form, unreadable values reported."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from placement.domain import grades
from placement.domain.errors import shown
from placement.domain.nip import NipError, NipInfo, parse_nip
from placement.domain.validate.sheet import _map_unique, _Sheet, map_object

DATE_FORMATS: tuple[str, ...] = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S")
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
MIN_YEAR, MAX_YEAR = 1900, 2100
_SERIAL_RE = re.compile(r"\d{2,5}(?:\.\d+)?")

_GENDER: dict[str, str] = {
    "l": "L",
    "laki laki": "L",
    "lakilaki": "L",
    "pria": "L",
    "m": "L",
    "male": "L",
    "1": "L",
    "p": "P",
    "perempuan": "P",
    "wanita": "P",
    "f": "P",
    "female": "P",
    "2": "P",
}
_BOOL: dict[str, bool] = {
    "ya": True,
    "true": True,
    "1": True,
    "tidak": False,
    "false": False,
    "0": False,
}
_NO_SANCTION = frozenset({"-", "tidak ada", "tidak", "nihil", "tanpa", "0"})
_LABEL_TABLES: dict[str, tuple[dict[str, int], str]] = {
    "skp_1": (grades.PREDIKAT_KINERJA, "PREDIKAT_KINERJA_TIDAK_DIKENAL"),
    "skp_2": (grades.PREDIKAT_KINERJA, "PREDIKAT_KINERJA_TIDAK_DIKENAL"),
    "discipline": (grades.HUKUMAN_DISIPLIN, "HUKUMAN_DISIPLIN_TIDAK_DIKENAL"),
    "job_fit": (grades.JOB_FIT, "JOB_FIT_TIDAK_DIKENAL"),
}
_INT_RANGES: dict[str, tuple[int, int, str]] = {
    "talent_box": (1, 9, "KOTAK_TALENTA_TIDAK_VALID"),
    "priority": (1, 3, "PRIORITAS_TIDAK_VALID"),
}


def _parse_columns(sheet: _Sheet) -> None:
    """Parse every schema column to its canonical form, reporting unreadable values."""
    for col in sheet.table.columns:
        text = sheet.cells(col.header)
        parser = _parse_competency if col.field == "competency" else _PARSERS[col.type]
        sheet.out[col.field] = parser(sheet, col.header, col.field, text)


def _parse_text(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    return text.where(text != "", None)


def _parse_competency(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    """Competency names: lower case, single spaces, so profiles and standards match."""
    return _map_unique(text, lambda v: " ".join(v.lower().split()))


def _parse_nip(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    """Clean NIPs (each distinct value parsed once); report Excel-number cells and defects."""
    cache = sheet.nip_cache
    results = {
        v: cache[v] if v in cache else cache.setdefault(v, _try_parse_nip(v))
        for v in pd.unique(text.to_numpy(dtype=object))
        if v != ""
    }
    numeric_rows = sheet.numeric.get(header, set())
    numeric = pd.Series(np.isin(sheet.rows, list(numeric_rows)), dtype=bool)
    sheet.nip_parsed = {v: r for v, r in results.items() if isinstance(r, NipInfo)}
    ok = text.isin(set(sheet.nip_parsed)) & ~numeric
    sheet.nip_ok = ok
    values = text.to_numpy(dtype=object)
    for pos in np.flatnonzero(numeric.to_numpy() & (values != "")):
        _report_excel_nip(sheet, int(pos), header, shown(values[pos]))
    failed = (text != "") & ~ok & ~numeric
    for pos in np.flatnonzero(failed.to_numpy()):
        exc = results[values[pos]]
        assert isinstance(exc, NipError)
        sheet.issue(
            int(pos),
            header,
            exc.code,
            "NIP_TIDAK_VALID",
            reason_id=exc.reason_id,
            reason_en=exc.reason_en,
        )
    cleaned = map_object(text, {v: info.nip for v, info in sheet.nip_parsed.items()})
    cleaned = cleaned.astype(object)
    return cleaned.where(ok, text.where(text != "", None))


def _try_parse_nip(raw: str) -> NipInfo | NipError:
    try:
        return parse_nip(raw)
    except NipError as exc:
        return exc


def _report_excel_nip(sheet: _Sheet, pos: int, header: str, raw: str) -> None:
    sheet.issue(pos, header, "NIP_EXCEL_ANGKA", value=raw)


def parse_dates(text: pd.Series[Any]) -> pd.Series[Any]:
    """Parse date texts (ISO, DD-MM-YYYY, DD/MM/YYYY, Excel serial numbers); NaT where empty or
    unreadable, and outside the years 1900–2100."""
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    todo = text != ""
    for fmt in DATE_FORMATS:
        if not todo.any():
            break
        parsed = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        out.loc[parsed.index] = parsed.astype("datetime64[us]")
        todo &= out.isna()
    values = text.to_numpy(dtype=object)
    serial = pd.Series(False, index=text.index)
    for pos in np.flatnonzero(todo.to_numpy()):
        serial.iat[int(pos)] = bool(_SERIAL_RE.fullmatch(str(values[pos])))
    if serial.any():
        days = pd.to_numeric(text[serial], errors="coerce").astype(float)
        ok = days.between(61, 80_000)
        stamps = EXCEL_EPOCH + pd.to_timedelta(days[ok].astype("int64"), unit="D")
        out.loc[stamps.index] = stamps.astype("datetime64[us]")
    years = out.dt.year
    out = out.mask((years < MIN_YEAR) | (years > MAX_YEAR))
    result: pd.Series[Any] = out.dt.normalize().astype("datetime64[ns]")
    return result


def _parse_date(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    dates = parse_dates(text)
    sheet.report(
        (text != "") & dates.isna(),
        header,
        "TANGGAL_TIDAK_VALID",
        min_year=MIN_YEAR,
        max_year=MAX_YEAR,
    )
    return dates


def _to_float(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return math.nan


def _numbers(text: pd.Series[Any]) -> pd.Series[float]:
    """Numeric value of each cell ('3,25' = 3.25); NaN where empty or not a number."""
    return _map_unique(text, _to_float).astype(float)


def _parse_int(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    low, high, code = _INT_RANGES[fld]
    values = _numbers(text)
    ok = values.notna() & (values % 1 == 0) & values.between(low, high)
    sheet.report(
        (text != "") & ~ok,
        header,
        code,
        "BILANGAN_DI_LUAR_RENTANG",
        header=header,
        low=low,
        high=high,
    )
    return values.where(ok).astype("Int64")


def _parse_float(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    values = _numbers(text)
    ok = values.between(1, 5)
    sheet.report((text != "") & ~ok, header, "LEVEL_TIDAK_VALID")
    return values.where(ok).astype(float)


def _parse_percent(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    values = _numbers(text)
    ok = values.between(0, 100)
    sheet.report((text != "") & ~ok, header, "JPM_TIDAK_VALID")
    return values.where(ok).astype(float)


def _parse_bool(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    mapped = _map_unique(text, lambda v: _BOOL.get(v.lower()))
    sheet.report((text != "") & mapped.isna(), header, "WAJIB_ISI_TIDAK_VALID", header=header)
    return mapped.astype("boolean")  # empty stays <NA>: "not given" (the model derives defaults)


def _label_parser(
    normalise: Callable[[str], str | None], code: str, allowed: Callable[[str], str]
) -> Callable[[_Sheet, str, str, pd.Series[Any]], pd.Series[Any]]:
    """A parser for a labelled column: normalise, report unknown values with the allowed set."""

    def parse(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
        mapped = _map_unique(text, normalise)
        options = allowed(fld)
        sheet.report(
            (text != "") & mapped.isna(),
            header,
            code,
            "LABEL_TIDAK_DIKENAL",
            header=header,
            options=options,
        )
        return mapped

    return parse


def _parse_label(sheet: _Sheet, header: str, fld: str, text: pd.Series[Any]) -> pd.Series[Any]:
    table, code = _LABEL_TABLES[fld]
    if fld == "discipline":
        none = _map_unique(text, lambda v: v.lower() in _NO_SANCTION).fillna(False).astype(bool)
        text = text.mask(none, "")
    parser = _label_parser(
        lambda v: grades.normalize_label(v, table), code, lambda _: " / ".join(table)
    )
    return parser(sheet, header, fld, text)


def normalize_status(raw: str) -> str | None:
    """PNS / CPNS / PPPK from template or SIASN spellings ("PNS Daerah", "CPNS", "PPPK")."""
    text = " ".join(str(raw).upper().replace("_", " ").split())
    if "PPPK" in text or "PERJANJIAN KERJA" in text:
        return "PPPK"
    if text.startswith("CPNS") or "CALON PEGAWAI NEGERI SIPIL" in text:
        return "CPNS"
    if text.startswith("PNS") or "PEGAWAI NEGERI SIPIL" in text:
        return "PNS"
    return None


def normalize_gender(raw: str) -> str | None:
    """L / P from 'L', 'Laki-laki', 'Pria', 'P', 'Perempuan', 'Wanita', '1', '2'."""
    return _GENDER.get(" ".join(str(raw).lower().replace("-", " ").split()))


def _jenis_name(raw: str) -> str | None:
    jenis = grades.normalize_jenis(raw)
    return None if jenis is None else jenis.value


def _golongan_allowed(_: str) -> str:
    return "I/a … IV/e (PNS) atau I … XVII (PPPK)"


_PARSERS: dict[str, Callable[[_Sheet, str, str, pd.Series[Any]], pd.Series[Any]]] = {
    "nip": _parse_nip,
    "text": _parse_text,
    "date": _parse_date,
    "int": _parse_int,
    "float": _parse_float,
    "percent": _parse_percent,
    "bool": _parse_bool,
    "label": _parse_label,
    "golongan": _label_parser(grades.normalize_grade, "GOLONGAN_TIDAK_DIKENAL", _golongan_allowed),
    "eselon": _label_parser(
        grades.normalize_eselon, "ESELON_TIDAK_DIKENAL", lambda _: ", ".join(grades.ESELON_RANK)
    ),
    "jenis": _label_parser(
        _jenis_name, "JENIS_JABATAN_TIDAK_DIKENAL", lambda _: " / ".join(grades.JenisJabatan)
    ),
    "jenjang": _label_parser(
        grades.normalize_jenjang,
        "JENJANG_TIDAK_DIKENAL",
        lambda _: " / ".join(grades.JF_JENJANG_LEVEL),
    ),
    "education": _label_parser(
        grades.normalize_education,
        "PENDIDIKAN_TIDAK_DIKENAL",
        lambda _: ", ".join(grades.EDUCATION_RANK),
    ),
    "gender": _label_parser(normalize_gender, "JENIS_KELAMIN_TIDAK_DIKENAL", lambda _: "L / P"),
    "status": _label_parser(
        normalize_status, "STATUS_TIDAK_DIKENAL", lambda _: "PNS / CPNS / PPPK"
    ),
}


_TEXT_TYPES = frozenset(
    {
        "nip",
        "text",
        "golongan",
        "eselon",
        "jenis",
        "jenjang",
        "education",
        "label",
        "gender",
        "status",
    }
)


def _frame(sheet: _Sheet) -> pd.DataFrame:
    """Canonical frame: English field names, typed columns, index = Excel row."""
    data: dict[str, pd.Series[Any]] = {}
    for col in sheet.table.columns:
        values = sheet.out[col.field].reset_index(drop=True)
        data[col.field] = values.astype("str") if col.type in _TEXT_TYPES else values
    frame = pd.DataFrame(data)
    frame.index = pd.Index(sheet.rows, name="row")
    return frame


__all__ = ["normalize_gender", "normalize_status", "parse_dates"]
