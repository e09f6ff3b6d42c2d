"""Typed records (Pegawai, Jabatan) and the Dataset that holds a region's data.

The Dataset stores validated, canonical pandas frames (field names from ``placement.domain.schema``,
dates as ``datetime64``, row order = input order) plus derived columns the rules need
(``level``, ``rank``, ``bup_age``, ``bup_date``, ``tmt_cpns``). Rules work on the frames
(vectorised); explanations and the API use the records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd

from placement.domain import grades
from placement.domain.grades import JenisJabatan
from placement.domain.priorities import default_must_fills, default_priorities

PEGAWAI_FIELDS: tuple[str, ...] = (
    "nip",
    "name",
    "birth_date",
    "gender",
    "status",
    "golongan",
    "tmt_golongan",
    "jabatan_id",
    "jenis_jabatan",
    "jenjang",
    "unit",
    "tmt_jabatan",
    "tmt_jenjang",
    "education",
    "major",
    "talent_box",
    "skp_1",
    "skp_2",
    "discipline",
    "discipline_until",
    "job_fit",
    "instansi",
    "post_name",
    "jpm",
)
JABATAN_FIELDS: tuple[str, ...] = (
    "jabatan_id",
    "name",
    "opd",
    "jenis_jabatan",
    "eselon",
    "min_golongan",
    "min_education",
    "rumpun",
    "priority",
    "must_fill",
    "technical",
    "instansi",
)
DATE_FIELDS: frozenset[str] = frozenset(
    {"birth_date", "tmt_golongan", "tmt_jabatan", "tmt_jenjang", "discipline_until", "tmt_cpns"}
)


def _date(value: object) -> date | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value if isinstance(value, date) else None


def cell_text(value: object, *, strip: bool = False) -> str | None:
    """A table cell as text: None for a missing (None, NaN, NA) or empty cell; ``strip``: blanks
    around it removed first (a cell of blanks is empty)."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    text = str(value).strip() if strip else str(value)
    return text or None


@dataclass(frozen=True, slots=True)
class Pegawai:
    """One civil servant (ASN)."""

    row: int
    nip: str
    name: str
    birth_date: date
    gender: str
    status: str
    golongan: str
    tmt_golongan: date | None
    jabatan_id: str | None
    jenis_jabatan: JenisJabatan
    jenjang: str | None
    unit: str
    tmt_jabatan: date | None
    tmt_jenjang: date | None
    education: str
    major: str | None
    talent_box: int | None
    skp_1: str | None
    skp_2: str | None
    discipline: str | None
    discipline_until: date | None
    job_fit: str | None
    instansi: str | None
    post_name: str | None
    jpm: float | None  # JPM % used directly (no levels per competency)
    tmt_cpns: date | None
    level: int
    bup_age: int


@dataclass(frozen=True, slots=True)
class Jabatan:
    """One structural post."""

    row: int
    jabatan_id: str
    name: str
    opd: str
    jenis_jabatan: JenisJabatan
    eselon: str
    min_golongan: str | None
    min_education: str | None
    rumpun: str | None
    priority: int
    must_fill: bool
    technical: bool | None
    rank: int
    level: int


@dataclass(frozen=True, slots=True)
class CompetencyProfile:
    """Assessed competency levels of one person."""

    nip: str
    levels: dict[str, float]


@dataclass(frozen=True, slots=True)
class CompetencyStandard:
    """Standard competency levels of one post."""

    jabatan_id: str
    levels: dict[str, float]


@dataclass(eq=False)
class Dataset:
    """A region's validated data. Build with :meth:`from_frames` (readers do this after validation)."""

    pegawai: pd.DataFrame
    jabatan: pd.DataFrame
    kompetensi: pd.DataFrame
    standar: pd.DataFrame
    sources: dict[str, str] = field(default_factory=dict)  # file path → sha256

    @classmethod
    def from_frames(
        cls,
        pegawai: pd.DataFrame,
        jabatan: pd.DataFrame,
        kompetensi: pd.DataFrame | None = None,
        standar: pd.DataFrame | None = None,
        sources: dict[str, str] | None = None,
    ) -> Dataset:
        """Assemble from canonical frames (validated) and add derived columns."""
        peg = pegawai.reset_index(drop=True).copy()
        jab = jabatan.reset_index(drop=True).copy()
        for name in PEGAWAI_FIELDS:
            if name not in peg.columns:
                peg[name] = None
        for name in JABATAN_FIELDS:
            if name not in jab.columns:
                jab[name] = None
        for frame in (peg, jab):
            for col in DATE_FIELDS & set(frame.columns):
                frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
        _derive_pegawai(peg, jab)
        _derive_jabatan(jab)
        komp = kompetensi if kompetensi is not None else _empty_long("nip")
        std = standar if standar is not None else _empty_long("jabatan_id")
        return cls(peg, jab, komp.reset_index(drop=True), std.reset_index(drop=True), sources or {})

    # --- lookups -------------------------------------------------------------------------

    @cached_property
    def person_index(self) -> dict[str, int]:
        return {nip: i for i, nip in enumerate(self.pegawai["nip"])}

    @cached_property
    def post_index(self) -> dict[str, int]:
        return {jid: i for i, jid in enumerate(self.jabatan["jabatan_id"])}

    @cached_property
    def holder_row(self) -> dict[str, int]:
        """jabatan_id → row of the person holding it (posts without holder are absent)."""
        held = self.pegawai["jabatan_id"]
        mask = held.notna() & held.isin(self.post_index.keys())
        return dict(zip(held[mask], np.flatnonzero(mask.to_numpy()), strict=True))

    def person(self, nip: str) -> Pegawai:
        return self.person_at(self.person_index[nip])

    def post(self, jabatan_id: str) -> Jabatan:
        return self.post_at(self.post_index[jabatan_id])

    def holder_of(self, jabatan_id: str) -> str | None:
        row = self.holder_row.get(jabatan_id)
        return None if row is None else str(self.pegawai.at[row, "nip"])

    def person_at(self, row: int) -> Pegawai:
        r = self.pegawai.iloc[row]
        box = r["talent_box"]
        return Pegawai(
            row=row,
            nip=str(r["nip"]),
            name=str(r["name"]),
            birth_date=_date(r["birth_date"]) or date.min,
            gender=str(r["gender"]),
            status=str(r["status"]),
            golongan=str(r["golongan"]),
            tmt_golongan=_date(r["tmt_golongan"]),
            jabatan_id=cell_text(r["jabatan_id"]),
            jenis_jabatan=JenisJabatan(r["jenis_jabatan"]),
            jenjang=cell_text(r["jenjang"]),
            unit=str(r["unit"]),
            tmt_jabatan=_date(r["tmt_jabatan"]),
            tmt_jenjang=_date(r["tmt_jenjang"]),
            education=str(r["education"]),
            major=cell_text(r["major"]),
            talent_box=None if pd.isna(box) else int(box),
            skp_1=cell_text(r["skp_1"]),
            skp_2=cell_text(r["skp_2"]),
            discipline=cell_text(r["discipline"]),
            discipline_until=_date(r["discipline_until"]),
            job_fit=cell_text(r["job_fit"]),
            instansi=cell_text(r["instansi"]),
            post_name=cell_text(r["post_name"]),
            jpm=None if pd.isna(r["jpm"]) else float(r["jpm"]),
            tmt_cpns=_date(r["tmt_cpns"]),
            level=int(r["level"]),
            bup_age=int(r["bup_age"]),
        )

    def post_at(self, row: int) -> Jabatan:
        r = self.jabatan.iloc[row]
        return Jabatan(
            row=row,
            jabatan_id=str(r["jabatan_id"]),
            name=str(r["name"]),
            opd=str(r["opd"]),
            jenis_jabatan=JenisJabatan(r["jenis_jabatan"]),
            eselon=str(r["eselon"]),
            min_golongan=cell_text(r["min_golongan"]),
            min_education=cell_text(r["min_education"]),
            rumpun=cell_text(r["rumpun"]),
            priority=int(r["priority"]),
            must_fill=bool(r["must_fill"]),
            technical=None if pd.isna(r["technical"]) else bool(r["technical"]),
            rank=int(r["rank"]),
            level=int(r["level"]),
        )

    def profile(self, nip: str) -> CompetencyProfile:
        rows = self.kompetensi[self.kompetensi["nip"] == nip]
        return CompetencyProfile(
            nip, dict(zip(rows["competency"], rows["level"].astype(float), strict=True))
        )

    def standard(self, jabatan_id: str) -> CompetencyStandard:
        rows = self.standar[self.standar["jabatan_id"] == jabatan_id]
        return CompetencyStandard(
            jabatan_id, dict(zip(rows["competency"], rows["level"].astype(float), strict=True))
        )

    @property
    def n_people(self) -> int:
        return len(self.pegawai)

    @property
    def n_posts(self) -> int:
        return len(self.jabatan)


def _empty_long(key: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            key: pd.Series(dtype=str),
            "competency": pd.Series(dtype=str),
            "level": pd.Series(dtype=float),
        }
    )


def _derive_pegawai(peg: pd.DataFrame, jab: pd.DataFrame) -> None:
    """Add tmt_cpns, level, rank (eselon rank of the post held, 0 if none), bup_age, bup_date."""
    from placement.domain.nip import bup_date, parse_nip  # local: keeps the import graph flat

    infos = [parse_nip(n) for n in peg["nip"]]
    births = pd.to_datetime(pd.Series([i.birth_date for i in infos], index=peg.index))
    peg["birth_date"] = peg["birth_date"].fillna(births).astype("datetime64[ns]")
    peg["gender"] = peg["gender"].where(peg["gender"].notna(), [i.gender for i in infos])
    peg["tmt_cpns"] = pd.to_datetime(
        pd.Series([i.tmt_cpns for i in infos], index=peg.index)
    ).astype("datetime64[ns]")
    rank_of_post = dict(zip(jab["jabatan_id"], jab["eselon"].map(grades.ESELON_RANK), strict=True))
    peg["rank"] = peg["jabatan_id"].map(rank_of_post).fillna(0).astype(int)
    jenis = [JenisJabatan(j) for j in peg["jenis_jabatan"]]
    jenjang = [
        str(x) if not pd.isna(x) else _jenjang_of_jf(j, n)
        for j, x, n in zip(jenis, peg["jenjang"], peg["post_name"], strict=True)
    ]
    named = peg["jenjang"].isna() & pd.notna(pd.Series(jenjang, index=peg.index, dtype=object))
    if named.any():
        peg["jenjang"] = (
            peg["jenjang"].astype(object).where(~named, pd.Series(jenjang, index=peg.index))
        )
    peg["level"] = [grades.level_of(j, g) for j, g in zip(jenis, jenjang, strict=True)]
    peg["bup_age"] = [grades.bup_age(j, g) for j, g in zip(jenis, jenjang, strict=True)]
    peg["bup_date"] = pd.to_datetime(
        [bup_date(b.date(), int(a)) for b, a in zip(peg["birth_date"], peg["bup_age"], strict=True)]
    ).astype("datetime64[ns]")


def _jenjang_of_jf(jenis: JenisJabatan, post_name: object) -> str | None:
    """A JF without jenjang: the jenjang its post name ends with (SIASN "Perawat Ahli Muda"), so
    that its level, and whether a move into a structural post is a promotion, is known."""
    return grades.jenjang_in_name(post_name) if jenis is JenisJabatan.FUNGSIONAL else None


def _derive_jabatan(jab: pd.DataFrame) -> None:
    """Add rank (eselon), level (jenis); fill empty priority and must_fill from the post's kind
    and name (:mod:`placement.domain.priorities`)."""
    jab["rank"] = jab["eselon"].map(grades.ESELON_RANK).astype(int)
    jab["level"] = [grades.TYPE_LEVEL[JenisJabatan(j)] for j in jab["jenis_jabatan"]]
    kinds, names = jab["jenis_jabatan"].astype(str), jab["name"]
    priority = pd.to_numeric(jab["priority"])
    if priority.isna().any():
        priority = priority.fillna(pd.Series(default_priorities(kinds, names), index=jab.index))
    jab["priority"] = priority.astype(int)
    must_fill = jab["must_fill"]
    if must_fill.isna().any():
        must_fill = must_fill.astype(object).where(
            must_fill.notna(), pd.Series(default_must_fills(kinds, names), index=jab.index)
        )
    jab["must_fill"] = must_fill.astype(bool)


def current_post_labels(ds: Dataset, rows: np.ndarray) -> list[str]:
    """Held post "J-001 (III.a)", else the kind and jenjang ("FUNGSIONAL ahli muda")."""
    peg = ds.pegawai
    held = peg["jabatan_id"].to_numpy(dtype=object)[rows]
    kinds = peg["jenis_jabatan"].astype(str).to_numpy(dtype=object)[rows]
    jenjang = peg["jenjang"].to_numpy(dtype=object)[rows]
    eselon = ds.jabatan["eselon"].astype(str).to_numpy(dtype=object)
    out = []
    for jid, kind, level in zip(held, kinds, jenjang, strict=True):
        if isinstance(jid, str) and jid in ds.post_index:
            out.append(f"{jid} ({eselon[ds.post_index[jid]]})")
        else:
            out.append(f"{kind} {level}" if isinstance(level, str) and level else str(kind))
    return out
