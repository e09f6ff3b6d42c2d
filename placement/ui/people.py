"""People and posts as a planner reads them: posts by name and unit (not by code), a person's
current post in words (``nama_jabatan``, else kind, level and unit), NIPs masked unless the
planner turns on 'rincian' (UU PDP)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from placement.domain.model import Dataset
from placement.ui.i18n import tr

JENIS = {
    "STRUKTURAL": ("jabatan struktural", "structural post"),
    "FUNGSIONAL": ("jabatan fungsional", "functional post"),
    "PELAKSANA": ("pelaksana", "staff"),
}


def text(value: Any) -> str:
    """A cell as text; empty for missing values."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def mask_nip(nip: Any, detail: bool) -> str:
    """The NIP in full with ``detail``, else without its first eight digits (the birth date):
    "••••••••1998112001" (CPNS month, gender and number still tell people apart)."""
    value = text(nip)
    return value if detail or len(value) <= 8 else "•" * 8 + value[8:]


def post_name(ds: Dataset, jabatan_id: str | None) -> str:
    """ "Kepala Seksi Pemerintahan (Kecamatan Sukamaju)"; the code only for an unknown post."""
    if not jabatan_id:
        return tr("(tidak ditempatkan)", "(not placed)")
    row = ds.post_index.get(jabatan_id)
    if row is None:
        return jabatan_id
    name, opd = text(ds.jabatan["name"].iloc[row]), text(ds.jabatan["opd"].iloc[row])
    return f"{name} ({opd})" if opd else name


def current_post(ds: Dataset, nip: str) -> str:
    """The person's post now: an in-scope post by name and unit; otherwise ``nama_jabatan``
    (field ``post_name``) or, when empty, kind and level of the post and the unit in words."""
    row = ds.person_index.get(nip)
    if row is None:
        return ""
    person = ds.pegawai.iloc[row]
    held = text(person.get("jabatan_id"))
    if held and held in ds.post_index:
        return post_name(ds, held)
    unit = text(person.get("unit"))
    named = text(person.get("post_name"))
    if not named:
        kind = text(person.get("jenis_jabatan")).upper()
        pair = JENIS.get(kind)
        words = tr(*pair) if pair else kind.lower()
        named = " ".join(p for p in (words, text(person.get("jenjang")).lower()) if p)
    return f"{named}, {unit}" if unit and named else named or unit
