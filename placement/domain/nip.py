"""NIP (PNS) and NI PPPK parsing: ``YYYYMMDD YYYYMM G NNN``.

birth date, TMT CPNS year-month (the NI PPPK has "21" in the month place), gender
(1 laki-laki, 2 perempuan) and a sequence number. Derives age and BUP date at a plan date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from placement.domain.errors import shown
from placement.domain.messages import texts

PPPK_MONTH = 21
_SCIENTIFIC = re.compile(r"^\s*\d(?:[.,]\d+)?[eE]\+?\d+\s*$")
_DECIMAL = re.compile(r"^\s*\d{9,}[.,]\d+\s*$")  # "197001012000011000.0": went through a float
_ASCII_DIGITS = re.compile(r"[0-9]+")


class NipError(ValueError):
    """A NIP that cannot be parsed; ``code`` is the validation code, ``hint`` says what to do."""

    def __init__(self, code: str, reason_id: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.code = code
        self.reason_id = reason_id
        self.reason_en = reason_en


@dataclass(frozen=True, slots=True)
class NipInfo:
    nip: str
    birth_date: date
    tmt_cpns: date | None  # first day of the TMT month; None for PPPK
    is_pppk: bool
    gender: str  # "L" or "P"
    sequence: int


def clean_nip(raw: object) -> str:
    """Strip what exports add around a NIP: spaces, a leading apostrophe, dots, '.0' of floats."""
    text = str(raw).strip().lstrip("'").strip()
    text = re.sub(r"[\s.\-]", "", text[:-2] if text.endswith(".0") else text)
    return text


def looks_excel_mangled(raw: object) -> bool:
    """True for NIPs Excel turned into numbers: scientific notation or floats (also as text:
    an 18-digit number keeps only 15-17 significant digits as a float)."""
    if isinstance(raw, float):
        return True
    text = str(raw).strip()
    return bool(_SCIENTIFIC.match(text) or _DECIMAL.match(text))


def parse_nip(raw: object) -> NipInfo:
    """Parse and validate one NIP; raises NipError with a code on any defect."""
    if isinstance(raw, str) and len(raw) == 18 and raw.isascii() and raw.isdigit():
        nip = raw  # the usual cell: 18 digits, nothing to clean, not an Excel number
    else:
        nip = _digits(raw)
    try:
        birth = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise NipError(
            "NIP_TANGGAL_LAHIR",
            *texts("ALASAN_NIP_TANGGAL_LAHIR", nip=nip, digits=nip[0:8]),
        ) from None
    year, month = int(nip[8:12]), int(nip[12:14])
    is_pppk = month == PPPK_MONTH
    if not is_pppk and not 1 <= month <= 12:
        raise NipError("NIP_TMT_CPNS", *texts("ALASAN_NIP_TMT_CPNS", nip=nip, digits=nip[8:14]))
    if year < birth.year + 15:
        raise NipError(
            "NIP_TMT_CPNS",
            *texts("ALASAN_NIP_TMT_TERLALU_DEKAT", nip=nip, year=year, birth_year=birth.year),
        )
    gender_digit = nip[14]
    if gender_digit not in "12":
        raise NipError(
            "NIP_JENIS_KELAMIN",
            *texts("ALASAN_NIP_JENIS_KELAMIN", nip=nip, gender_digit=gender_digit),
        )
    return NipInfo(
        nip=nip,
        birth_date=birth,
        tmt_cpns=None if is_pppk else date(year, month, 1),
        is_pppk=is_pppk,
        gender="L" if gender_digit == "1" else "P",
        sequence=int(nip[15:18]),
    )


def _digits(raw: object) -> str:
    """The cleaned 18 digits of a NIP cell; NipError when it is an Excel number, holds other
    characters or has another length."""
    if looks_excel_mangled(raw):
        raise NipError(
            "NIP_EXCEL_ANGKA",
            *texts("ALASAN_NIP_EXCEL_ANGKA"),
        )
    nip = clean_nip(raw)
    if not _ASCII_DIGITS.fullmatch(nip):  # str.isdigit() also accepts '²', '١', '１'
        raise NipError(
            "NIP_BUKAN_ANGKA",
            *texts("ALASAN_NIP_BUKAN_ANGKA", nip=shown(nip)),
        )
    if len(nip) != 18:
        raise NipError(
            "NIP_PANJANG",
            *texts("ALASAN_NIP_PANJANG", nip=shown(nip), n_nip=len(nip)),
        )
    return nip


def age_at(birth: date, on: date) -> int:
    """Completed years of age on a date."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def bup_date(birth: date, bup_age: int) -> date:
    """Pension date: first day of the month after the month the person reaches ``bup_age``."""
    year, month = birth.year + bup_age, birth.month + 1
    if month == 13:
        year, month = year + 1, 1
    return date(year, month, 1)


def years_between(start: date, end: date) -> float:
    """Length of a period in years (365.25-day years), negative if ``end`` precedes ``start``."""
    return (end - start).days / 365.25


def make_nip(birth: date, tmt_cpns: date | None, gender: str, sequence: int) -> str:
    """Compose a NIP (PPPK when ``tmt_cpns`` is None: month '21', year of the birth + 30)."""
    tmt = f"{tmt_cpns.year:04d}{tmt_cpns.month:02d}" if tmt_cpns else f"{birth.year + 30:04d}21"
    return f"{birth:%Y%m%d}{tmt}{'1' if gender == 'L' else '2'}{sequence:03d}"
