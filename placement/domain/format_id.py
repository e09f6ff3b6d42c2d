"""Indonesian (id-ID) formatting of numbers, dates and ASN terms for every document a planner reads.

One small API shared by the report (usulan package, comparison) and the web UI:

- :func:`number` ``3000`` → ``3.000``; ``2.5`` with one decimal → ``2,5``
- :func:`percent` a fraction ``0.025`` → ``2,5 %``
- :func:`date_text` ``2026-07-01`` → ``1 Juli 2026``
- :func:`datetime_text` a UTC time → ``1 Juli 2026, 14.05 WIB`` in a chosen time zone
- :func:`move_type` ``mutasi`` → ``Mutasi``; :func:`post_kind` ``JPT_PRATAMA`` → ``JPT Pratama``
- :func:`eselon_text` ``III.a`` → ``Eselon III.a (Administrator)``
- :func:`rank_text` ``III/c`` → ``Penata, III/c``
- :func:`current_post` the post a person holds today, in words, never ``-`` or a bare J-id
- :func:`text` any cell as text, empty for None / NaN

Every function returns ``""`` (or the ``empty`` argument) for a missing value, so callers never
print ``nan`` or ``None``. Numbers, dates and times also have an English form (``lang="en"``:
``3,000``, ``1 July 2026, 14:05 WIB``) for the web UI's English mode; the UI picks the session's
language and time zone (placement/ui/format.py).
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from placement.domain.grades import ESELON_TYPE, PANGKAT

MONTHS: tuple[str, ...] = (
    *("Januari", "Februari", "Maret", "April", "Mei", "Juni"),
    *("Juli", "Agustus", "September", "Oktober", "November", "Desember"),
)
"""Month names, January first."""

MONTHS_EN: tuple[str, ...] = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
"""Month names in English (``lang="en"``)."""

DEFAULT_ZONE = "Asia/Jakarta"
"""The time zone times are shown in unless a caller chooses another (WIB)."""

ZONE_NAMES: dict[str, str] = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
    "UTC": "UTC",
}
"""Indonesian names of the time zones (other zones show their own abbreviation)."""

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


def number(value: Any, decimals: int = 0, empty: str = "", lang: str = "id") -> str:
    """``3000`` → ``3.000``, ``2.5`` (decimals=1) → ``2,5``: dot for thousands, comma for decimals
    (``lang="en"``: ``3,000``, ``2.5``)."""
    if missing(value):
        return empty
    plain = f"{float(value):,.{decimals}f}"
    if lang == "en":
        return plain
    return plain.replace(",", "_").replace(".", ",").replace("_", ".")


def percent(fraction: Any, decimals: int = 1, empty: str = "", lang: str = "id") -> str:
    """A fraction as a percentage: ``0.025`` → ``2,5 %`` (``lang="en"``: ``2.5 %``)."""
    if missing(fraction):
        return empty
    return f"{number(100 * float(fraction), decimals, lang=lang)} %"


def date_text(value: Any, empty: str = "", lang: str = "id") -> str:
    """``2026-07-01`` (date, datetime, Timestamp or ISO text) → ``1 Juli 2026``
    (``lang="en"``: ``1 July 2026``)."""
    if missing(value):
        return empty
    if isinstance(value, str):
        value = date.fromisoformat(value.strip()[:10])
    if not isinstance(value, date | datetime):
        value = value.date()  # pandas Timestamp
    months = MONTHS_EN if lang == "en" else MONTHS
    return f"{value.day} {months[value.month - 1]} {value.year}"


def to_local(value: datetime | str, zone_name: str = DEFAULT_ZONE) -> datetime:
    """``value`` (a datetime or ISO text; UTC when it has no zone, as the run store keeps it) in
    the time zone ``zone_name``."""
    moment = _as_datetime(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(zone_name))


def datetime_text(
    value: Any, zone_name: str = DEFAULT_ZONE, lang: str = "id", empty: str = ""
) -> str:
    """A moment (UTC when it has no zone) as ``1 Juli 2026, 14.05 WIB`` in ``zone_name``
    (``lang="en"``: ``1 July 2026, 14:05 WIB``)."""
    if missing(value):
        return empty
    local = to_local(value, zone_name)
    sep = ":" if lang == "en" else "."
    label = ZONE_NAMES.get(zone_name) or local.tzname() or zone_name
    return f"{date_text(local, lang=lang)}, {local.hour:02d}{sep}{local.minute:02d} {label}"


def _as_datetime(text: str) -> datetime:
    return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))


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
    "DEFAULT_ZONE",
    "MONTHS",
    "MONTHS_EN",
    "MOVE_TYPES",
    "POST_KINDS",
    "ZONE_NAMES",
    "current_post",
    "date_text",
    "datetime_text",
    "eselon_text",
    "missing",
    "move_type",
    "number",
    "percent",
    "post_kind",
    "rank_text",
    "text",
    "to_local",
]
