"""Ordered scales of the ASN system: golongan ruang, eselon, jenis jabatan, levels, education.

Every scale is data (tuples and dicts) so rules compare integers, never strings.
"""

from __future__ import annotations

import re
from enum import StrEnum

# --- Golongan ruang (PNS) -------------------------------------------------------------------

PNS_GRADES: tuple[str, ...] = (
    "I/a",
    "I/b",
    "I/c",
    "I/d",
    "II/a",
    "II/b",
    "II/c",
    "II/d",
    "III/a",
    "III/b",
    "III/c",
    "III/d",
    "IV/a",
    "IV/b",
    "IV/c",
    "IV/d",
    "IV/e",
)

PANGKAT: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}

# --- Golongan PPPK (I–XVII) -------------------------------------------------------------------

PPPK_GRADES: tuple[str, ...] = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
)

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_GRADE_RE = re.compile(r"^\s*(IV|III|II|I|[1-4])\s*[/\-. ]?\s*([A-Ea-e])\s*$")


def normalize_grade(raw: str) -> str | None:
    """Canonical golongan text ("III/a", or PPPK "IX"), or None when not recognised.

    Accepts "III/a", "III a", "III-A", "3a", "3/a", pangkat names ("Penata Muda") and
    PPPK roman numerals.
    """
    text = str(raw).strip()
    if not text:
        return None
    m = _GRADE_RE.match(text.upper())
    if m:
        head, letter = m.group(1), m.group(2).lower()
        roman = head if head in _ROMAN else ("I", "II", "III", "IV")[int(head) - 1]
        grade = f"{roman}/{letter}"
        return grade if grade in PANGKAT else None
    upper = text.upper()
    if upper in PPPK_GRADES:
        return upper
    for grade, name in PANGKAT.items():
        if name.lower() == text.lower():
            return grade
    return None


def grade_rank(grade: str) -> int:
    """Comparable rank 0..16 on the PNS scale.

    PPPK grade N is placed at PNS rank N-1 (IX ≈ III/a, S1 entry; XIII ≈ IV/a). This
    equivalence is only used when a scenario lets PPPK hold structural posts (perlu verifikasi).
    """
    if grade in PNS_GRADES:
        return PNS_GRADES.index(grade)
    if grade in PPPK_GRADES:
        return PPPK_GRADES.index(grade)
    raise ValueError(f"unknown golongan {grade!r}")


def grade_below(grade: str) -> str:
    """The grade one pangkat below (``IV/a`` → ``III/d``; the lowest grade stays)."""
    scale = PNS_GRADES if grade in PNS_GRADES else PPPK_GRADES
    return scale[max(scale.index(grade) - 1, 0)]


def is_pppk_grade(grade: str) -> bool:
    return grade in PPPK_GRADES


# --- Jenis jabatan, eselon, levels --------------------------------------------------------------


class JenisJabatan(StrEnum):
    JPT_MADYA = "JPT_MADYA"
    JPT_PRATAMA = "JPT_PRATAMA"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    FUNGSIONAL = "FUNGSIONAL"
    PELAKSANA = "PELAKSANA"


STRUCTURAL_TYPES: frozenset[JenisJabatan] = frozenset(
    {
        JenisJabatan.JPT_MADYA,
        JenisJabatan.JPT_PRATAMA,
        JenisJabatan.ADMINISTRATOR,
        JenisJabatan.PENGAWAS,
    }
)
JPT_TYPES: frozenset[JenisJabatan] = frozenset({JenisJabatan.JPT_MADYA, JenisJabatan.JPT_PRATAMA})

# Eselon rank: higher is more senior; 0 = not a structural post (JF / pelaksana).
ESELON_RANK: dict[str, int] = {
    "IV.b": 1,
    "IV.a": 2,
    "III.b": 3,
    "III.a": 4,
    "II.b": 5,
    "II.a": 6,
    "I.b": 7,
    "I.a": 8,
}

# Lowest golongan per eselon (PP 100/2000 jo PP 13/2002, lampiran).
ESELON_MIN_GRADE: dict[str, str] = {
    "I.a": "IV/d",
    "I.b": "IV/c",
    "II.a": "IV/c",
    "II.b": "IV/b",
    "III.a": "IV/a",
    "III.b": "III/d",
    "IV.a": "III/c",
    "IV.b": "III/b",
}

# Jenis jabatan implied by an eselon.
ESELON_TYPE: dict[str, JenisJabatan] = {
    "I.a": JenisJabatan.JPT_MADYA,
    "I.b": JenisJabatan.JPT_MADYA,
    "II.a": JenisJabatan.JPT_PRATAMA,
    "II.b": JenisJabatan.JPT_PRATAMA,
    "III.a": JenisJabatan.ADMINISTRATOR,
    "III.b": JenisJabatan.ADMINISTRATOR,
    "IV.a": JenisJabatan.PENGAWAS,
    "IV.b": JenisJabatan.PENGAWAS,
}

_ESELON_RE = re.compile(r"^\s*(IV|III|II|I|[1-4])\s*[.\-/ ]?\s*([ABab])\s*$")


def normalize_eselon(raw: str) -> str | None:
    """Canonical eselon text ("III.a") or None. Accepts "III.a", "III/A", "3a", "Eselon III.a"."""
    text = re.sub(r"(?i)^\s*eselon\s*", "", str(raw))
    m = _ESELON_RE.match(text.upper())
    if not m:
        return None
    head = m.group(1)
    roman = head if head in _ROMAN else ("I", "II", "III", "IV")[int(head) - 1]
    eselon = f"{roman}.{m.group(2).lower()}"
    return eselon if eselon in ESELON_RANK else None


# Levels for "one level up" and experience rules (DOMAIN.md, penyetaraan jabatan):
# 0 pelaksana / JF ahli pertama / keterampilan; 1 pengawas / JF ahli muda;
# 2 administrator / JF ahli madya; 3 JPT Pratama / JF ahli utama. JPT Madya sits at 4 so that
# an administrator cannot jump straight into it (PP 11/2017 asks JPT experience for it).
TYPE_LEVEL: dict[JenisJabatan, int] = {
    JenisJabatan.PELAKSANA: 0,
    JenisJabatan.PENGAWAS: 1,
    JenisJabatan.ADMINISTRATOR: 2,
    JenisJabatan.JPT_PRATAMA: 3,
    JenisJabatan.JPT_MADYA: 4,
}

JF_JENJANG_LEVEL: dict[str, int] = {
    "pemula": 0,
    "terampil": 0,
    "mahir": 0,
    "penyelia": 0,
    "ahli pertama": 0,
    "ahli muda": 1,
    "ahli madya": 2,
    "ahli utama": 3,
}

# Batas usia pensiun (PP 11/2017 ps 239).
BUP_BY_TYPE: dict[JenisJabatan, int] = {
    JenisJabatan.JPT_MADYA: 60,
    JenisJabatan.JPT_PRATAMA: 60,
    JenisJabatan.ADMINISTRATOR: 58,
    JenisJabatan.PENGAWAS: 58,
    JenisJabatan.PELAKSANA: 58,
}
BUP_BY_JF_JENJANG: dict[str, int] = {"ahli madya": 60, "ahli utama": 65}
BUP_DEFAULT = 58


def normalize_jenjang(raw: str) -> str | None:
    """Canonical JF jenjang ("ahli muda") or None."""
    text = " ".join(str(raw).lower().replace("_", " ").split())
    return text if text in JF_JENJANG_LEVEL else None


def jenjang_in_name(name: object) -> str | None:
    """The JF jenjang a post name ends with ("Perawat Ahli Muda" → "ahli muda"), else None."""
    words = " ".join(str(name).lower().replace("_", " ").split()) if isinstance(name, str) else ""
    return next((j for j in _JENJANG_BY_LENGTH if words.endswith(" " + j) or words == j), None)


_JENJANG_BY_LENGTH = sorted(JF_JENJANG_LEVEL, key=len, reverse=True)


def level_of(jenis: JenisJabatan, jenjang: str | None = None) -> int:
    """Level of a jabatan type; for JF the jenjang decides (unknown jenjang → 0)."""
    if jenis is JenisJabatan.FUNGSIONAL:
        return JF_JENJANG_LEVEL.get(jenjang or "", 0)
    return TYPE_LEVEL[jenis]


def bup_age(jenis: JenisJabatan, jenjang: str | None = None) -> int:
    """Retirement age for a person in this kind of jabatan."""
    if jenis is JenisJabatan.FUNGSIONAL:
        return BUP_BY_JF_JENJANG.get(jenjang or "", BUP_DEFAULT)
    return BUP_BY_TYPE.get(jenis, BUP_DEFAULT)


def normalize_jenis(raw: str) -> JenisJabatan | None:
    """Map export spellings ("Jabatan Fungsional Tertentu", "JPT Pratama", "Fungsional Umum")."""
    text = " " + re.sub(r"[^A-Z]+", " ", str(raw).upper()).strip() + " "
    # Most specific first: "FUNGSIONAL UMUM" is the old name of pelaksana.
    table = (
        ("JPT MADYA", JenisJabatan.JPT_MADYA),
        ("PIMPINAN TINGGI MADYA", JenisJabatan.JPT_MADYA),
        ("JPT PRATAMA", JenisJabatan.JPT_PRATAMA),
        ("PIMPINAN TINGGI PRATAMA", JenisJabatan.JPT_PRATAMA),
        ("ADMINISTRATOR", JenisJabatan.ADMINISTRATOR),
        ("PENGAWAS", JenisJabatan.PENGAWAS),
        ("FUNGSIONAL UMUM", JenisJabatan.PELAKSANA),
        ("PELAKSANA", JenisJabatan.PELAKSANA),
        ("FUNGSIONAL", JenisJabatan.FUNGSIONAL),
        ("JF", JenisJabatan.FUNGSIONAL),
    )
    for key, value in table:
        if f" {key} " in text:
            return value
    return None


# --- Education ----------------------------------------------------------------------------

EDUCATION_RANK: dict[str, int] = {
    "SD": 0,
    "SMP": 1,
    "SMA": 2,
    "D1": 3,
    "D2": 4,
    "D3": 5,
    "D4": 6,
    "S1": 6,
    "S2": 7,
    "S3": 8,
}
_EDU_ALIASES = {
    "SLTP": "SMP",
    "SLTA": "SMA",
    "SMK": "SMA",
    "SMU": "SMA",
    "MA": "SMA",
    "DI": "D1",
    "DII": "D2",
    "DIII": "D3",
    "DIV": "D4",
    "SARJANA": "S1",
    "MAGISTER": "S2",
    "DOKTOR": "S3",
}


def normalize_education(raw: str) -> str | None:
    """Canonical pendidikan (SD … S3) or None. Accepts "D-III", "S-1", "SLTA", "Strata 1"."""
    text = re.sub(r"[^A-Z0-9]", "", str(raw).upper())
    text = text.replace("STRATA", "S").replace("DIPLOMA", "D")
    if text in EDUCATION_RANK:
        return text
    return _EDU_ALIASES.get(text)


# --- Kinerja, hukuman disiplin, job fit -------------------------------------------------------

PREDIKAT_KINERJA: dict[str, int] = {
    "sangat kurang": 0,
    "kurang": 1,
    "butuh perbaikan": 2,
    "baik": 3,
    "sangat baik": 4,
}
HUKUMAN_DISIPLIN: dict[str, int] = {"ringan": 1, "sedang": 2, "berat": 3}
JOB_FIT: dict[str, int] = {"kurang optimal": 0, "cukup optimal": 1, "optimal": 2}


def normalize_label(raw: str, table: dict[str, int]) -> str | None:
    """Case- and space-insensitive lookup of a label in one of the tables above."""
    text = " ".join(str(raw).lower().replace("_", " ").split())
    return text if text in table else None
