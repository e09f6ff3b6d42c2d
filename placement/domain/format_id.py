"""Indonesian (id-ID) formatting of numbers, dates and ASN terms for every document a planner reads.

One small API shared by the report (usulan package, comparison) and the web UI:

- :func:`number` ``3000`` → ``3.000``; ``2.5`` with one decimal → ``2,5``
- :func:`percent` a fraction ``0.025`` → ``2,5 %``
- :func:`date_text` ``2026-07-01`` → ``1 Juli 2026``
- :func:`move_type` ``mutasi`` → ``Mutasi``; :func:`post_kind` ``JPT_PRATAMA`` → ``JPT Pratama``
- :func:`eselon_text` ``III.a`` → ``Eselon III.a (Administrator)``
- :func:`rank_text` ``III/c`` → ``Penata, III/c``
- :func:`current_post` the post a person holds today, in words, never ``-`` or a bare J-id
- :func:`text` any cell as text, empty for None / NaN

Every function returns ``""`` (or the ``empty`` argument) for a missing value, so callers never
print ``nan`` or ``None``.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

import pandas as pd

from placement.domain.grades import ESELON_TYPE, PANGKAT

MONTHS: tuple[str, ...] = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                           "Agustus", "September", "Oktober", "November", "Desember")  # fmt: skip
"""Month names, January first."""

MOVE_TYPES: dict[str, str] = {
    "promosi": "Promosi",
    "rotasi": "Rotasi",
    "mutasi": "Mutasi",
    "alih_jenis": "Alih jenis (fungsional ke administrasi)",
    "demosi": "Demosi",
    "non-job": "Non-job",
    "tetap": "Tetap",
}
"""Move types of the plan (``jenis_perpindahan``) in words, in the order documents group them."""

POST_KINDS: dict[str, str] = {
    "JPT_MADYA": "JPT Madya",
    "JPT_PRATAMA": "JPT Pratama",
    "ADMINISTRATOR": "Administrator",
    "PENGAWAS": "Pengawas",
    "FUNGSIONAL": "Jabatan Fungsional",
    "PELAKSANA": "Pelaksana",
}
"""Jenis jabatan in words."""


def missing(value: Any) -> bool:
    """Whether ``value`` is empty: None, NaN, pandas NA or blank text."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    return value is pd.NA or value is pd.NaT


def text(value: Any, empty: str = "") -> str:
    """A cell as text: ``empty`` when missing, whole floats without ``.0``."""
    if missing(value):
        return empty
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def number(value: Any, decimals: int = 0, empty: str = "") -> str:
    """``3000`` → ``3.000``, ``2.5`` (decimals=1) → ``2,5``: dot for thousands, comma for decimals."""
    if missing(value):
        return empty
    plain = f"{float(value):,.{decimals}f}"
    return plain.replace(",", "_").replace(".", ",").replace("_", ".")


def percent(fraction: Any, decimals: int = 1, empty: str = "") -> str:
    """A fraction as a percentage: ``0.025`` → ``2,5 %``."""
    if missing(fraction):
        return empty
    return f"{number(100 * float(fraction), decimals)} %"


def date_text(value: Any, empty: str = "") -> str:
    """``2026-07-01`` (date, datetime, Timestamp or ISO text) → ``1 Juli 2026``."""
    if missing(value):
        return empty
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if not isinstance(value, date | datetime):
        value = value.date()  # pandas Timestamp
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def move_type(kind: Any) -> str:
    """``mutasi`` → ``Mutasi`` (unknown kinds are returned as they are)."""
    key = text(kind)
    return MOVE_TYPES.get(key, key)


def post_kind(kind: Any) -> str:
    """``JPT_PRATAMA`` → ``JPT Pratama``, ``FUNGSIONAL`` → ``Jabatan Fungsional``."""
    key = text(kind).upper()
    return POST_KINDS.get(key, text(kind))


def eselon_text(eselon: Any, empty: str = "") -> str:
    """``III.a`` → ``Eselon III.a (Administrator)``; an unknown eselon is returned as it is."""
    key = text(eselon)
    if not key:
        return empty
    kind = ESELON_TYPE.get(key)
    return f"Eselon {key} ({POST_KINDS[kind.value]})" if kind is not None else key


def rank_text(golongan: Any) -> str:
    """``III/c`` → ``Penata, III/c``; a PPPK grade or unknown text is returned as it is."""
    key = text(golongan)
    name = PANGKAT.get(key)
    return f"{name}, {key}" if name else key


def current_post(post_name: Any, kind: Any, jenjang: Any, unit: Any) -> str:
    """The post a person holds today in words: the pegawai column ``nama_jabatan`` when filled,
    else jenis jabatan and jenjang (``Jabatan Fungsional ahli muda``), with ``pada <unit kerja>``
    when the name does not already carry it."""
    name = text(post_name)
    if not name:
        name = " ".join(x for x in (post_kind(kind), text(jenjang)) if x) or "Jabatan saat ini"
    where = text(unit)
    return f"{name} pada {where}" if where and where not in name else name


__all__ = [
    "MONTHS",
    "MOVE_TYPES",
    "POST_KINDS",
    "current_post",
    "date_text",
    "eselon_text",
    "missing",
    "move_type",
    "number",
    "percent",
    "post_kind",
    "rank_text",
    "text",
]
