"""The usulan package's data: section titles, the Daftar usulan's columns, the records every
renderer (PDF, Word) lays out, the letterhead, and :func:`plain` for rule texts in a decision
document (see :mod:`placement.report.usulan` for the sections and how they are built)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from placement.config import Skenario
from placement.domain import format_id as fmt
from placement.domain.model import Dataset
from placement.plan.explain import Approval, MoveExplanation

SECTIONS: tuple[str, ...] = (
    "Ringkasan untuk pimpinan",
    "Daftar usulan",
    "Nota pertimbangan Tim Penilai Kinerja",
    "Rancangan Keputusan (SK)",
    "Lampiran Keputusan",
    "Surat pengantar",
    "Lampiran justifikasi",
    "Rantai kekosongan jabatan",
    "Daftar pendek JPT (seleksi terbuka)",
    "Provenans",
)
"""Section titles, in document order (the table of contents lists them with page numbers)."""

DAFTAR_HEAD: tuple[str, ...] = (
    "No",
    "Nama",
    "NIP",
    "Pangkat/Gol. Ruang",
    "Jabatan lama",
    "Unit kerja lama",
    "Jabatan baru",
    "Unit kerja baru",
    "Eselon/jenjang",
    "Jenis perpindahan",
    "Keterangan",
)
"""Columns of the Daftar usulan (and of the Lampiran SK)."""

MOVE_ORDER: tuple[str, ...] = ("promosi", "rotasi", "mutasi", "alih_jenis", "demosi", "non-job")

_INTERNAL = re.compile(r"\s*\([^()]*\w_\w[^()]*\)")
"""A parenthetical naming data columns (``gol_min``, ``tmt_jenjang``): left out of documents."""
_SETTING = re.compile(r";\s*[^;()]*\s=\s[^;()]*(?=\))|\s*\([^();]*\s=\s[^()]*\)")
"""A note on a rule's setting (``; tingkat yang menghalangi = parameter``, ``(kolom teknis,
kosong = …)``): for the rule pack's reader, not for a decision document."""
_DOCS = re.compile(r";?\s*(?:tabel|lihat)\s[^;.]*docs/[\w./-]+?(?=[.;]?(?:\s|$))")
"""A pointer to the project's documentation (``tabel di docs/rumpun.md``)."""
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DECIMAL = re.compile(r"(?<![\w./,])(\d+)\.(\d+)(?![\w/]|\.\d)")


def plain(text: str) -> str:
    """A rule text or a checked value for a decision document: no data columns, settings or
    documentation paths; dates and decimals in Indonesian (``2016-11-05`` → ``5 November 2016``,
    ``9.7 th`` → ``9,7 th``)."""
    text = _DOCS.sub("", _SETTING.sub("", _INTERNAL.sub("", text)))
    text = _ISO_DATE.sub(lambda m: fmt.date_text(m.group(0)), text)
    return _DECIMAL.sub(r"\1,\2", text)


@dataclass
class Row:
    """One line of the Daftar usulan."""

    no: int
    cells: list[str]  # DAFTAR_HEAD order
    move_type: str
    opd: str


@dataclass
class Group:
    """Rows of one move type and one OPD (tujuan), with its heading."""

    title: str
    rows: list[Row]


@dataclass
class Letter:
    """A draft surat pengantar for one approval."""

    code: str
    hal: str
    kepada: str
    paragraphs: list[str]


@dataclass
class Block:
    """A titled block of lines (a justification, a chain, a shortlist)."""

    title: str
    subtitle: str
    sections: list[tuple[str, list[str]]]


@dataclass
class Signer:
    """A signature block: role line, name, NIP (placeholders when not set)."""

    role: str
    name: str
    nip: str


@dataclass
class Usulan:
    """Every section of the package as text (see :mod:`placement.report.usulan`)."""

    instansi: str
    kop: list[str]
    logo: Path | None
    tempat: str
    ppk: str
    title: str
    plan_date: str
    scenario: str
    summary: list[str]
    facts: list[tuple[str, str]]
    approvals: list[str]
    charts: list[tuple[str, bytes]]
    groups: list[Group]
    nota: list[str]
    team: list[Signer]
    menimbang: list[str]
    mengingat: list[str]
    diktum: list[tuple[str, str]]
    letters: list[Letter]
    justifications: list[Block]
    chains: list[Block]
    shortlists: list[Block]
    provenance: list[tuple[str, str]]
    unfilled: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[Row]:
        return [r for g in self.groups for r in g.rows]


@dataclass
class Parts:
    """What the package is built from (the report layer's view of a solved Result)."""

    ds: Dataset
    sc: Skenario
    plan: pd.DataFrame
    vacancies: pd.DataFrame
    chains: pd.DataFrame
    shortlist: pd.DataFrame
    pairs: pd.DataFrame
    summary: dict[str, Any]
    exps: list[MoveExplanation]
    alternatives: pd.DataFrame
    approvals: list[Approval]
    provenance: list[tuple[str, str]]


@dataclass
class Letterhead:
    """What a page of a document in the package's style needs besides its body: the kop, the
    instansi and plan date of the footer, the title and scenario of the first page."""

    instansi: str
    kop: list[str]
    logo: Path | None
    plan_date: str
    title: str
    scenario: str
    footer: str = ""  # empty: "<instansi> — rancangan, tanggal rencana <date>"


def letterhead(sc: Skenario, title: str) -> Letterhead:
    """The letterhead of a document for scenario ``sc`` (its ``instansi:`` block)."""
    inst = sc.fakta.instansi
    name = placeholder(inst.nama, "nama instansi")
    day = fmt.date_text(sc.tanggal_rencana)
    return Letterhead(name, kop(sc), inst.logo, day, title, sc.nama)


def kop(sc: Skenario) -> list[str]:
    """The kop lines of the scenario's instansi (its name in capitals when none are set)."""
    inst = sc.fakta.instansi
    return inst.kop or [placeholder(inst.nama, "NAMA INSTANSI").upper()]


def placeholder(value: str | None, what: str) -> str:
    """``value``, or ``[what]`` for the planner to fill in Word when it is not set."""
    return value if value else f"[{what}]"
