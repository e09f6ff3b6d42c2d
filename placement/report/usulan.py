"""The usulan package: what a BKPSDM submits, as data every renderer (PDF, Word) lays out.

Sections, in order (:data:`SECTIONS`): Ringkasan untuk pimpinan, Daftar usulan (the standard
table: No, Nama, NIP, Pangkat/Gol. Ruang, Jabatan lama, Unit kerja lama, Jabatan baru, Unit kerja
baru, Eselon/jenjang, Jenis perpindahan, Keterangan; grouped by move type and OPD), Nota
pertimbangan Tim Penilai Kinerja, draft SK with its Lampiran, a draft surat pengantar per approval
the plan needs, Lampiran justifikasi (per move: rules with values and legal basis, JPM gaps, box,
score terms, next-best candidates), vacancy chains, JPT shortlists and provenance.

Everything is text in Bahasa Indonesia with Indonesian number and date formats
(:mod:`placement.domain.format_id`); ids always come with names. The instansi's names (kop,
tempat, PPK, Tim Penilai Kinerja) come from the scenario's ``fakta.instansi``; what is not set is
printed as a bracketed placeholder for the planner to fill in Word.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from placement.config import Pejabat, Skenario
from placement.domain import format_id as fmt
from placement.domain.grades import ESELON_RANK
from placement.domain.model import Dataset
from placement.plan.explain import BOX_LEGAL_BASIS, Approval, MoveExplanation
from placement.rules.registry import RuleSet, load_pack, rule_set

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

ADDRESSEES: dict[str, str] = {
    "TIM_PENILAI_KINERJA": "Ketua Tim Penilai Kinerja Pegawai Negeri Sipil",
    "SELEKSI_TERBUKA_JPT": "Ketua Panitia Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama",
    "UJI_KOMPETENSI_JPT_KE_JPT": "Ketua Panitia Seleksi Uji Kompetensi Jabatan Pimpinan Tinggi",
    "PERTEK_BKN_ANTAR_INSTANSI": "Kepala Badan Kepegawaian Negara u.p. Kepala Kantor Regional BKN",
    "PERTEK_BKN_PJ": "Kepala Badan Kepegawaian Negara u.p. Kepala Kantor Regional BKN",
}
"""Addressee of the surat pengantar per approval code; MENDAGRI_* go to the Minister."""

REGULATION_TITLES: dict[str, str] = {
    "UU 20/2023": "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
    "UU 10/2016": "Undang-Undang Nomor 10 Tahun 2016 tentang Perubahan Kedua atas Undang-Undang "
    "Nomor 1 Tahun 2015 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 "
    "Tahun 2014 tentang Pemilihan Gubernur, Bupati, dan Walikota menjadi Undang-Undang",
    "PP 100/2000": "Peraturan Pemerintah Nomor 100 Tahun 2000 tentang Pengangkatan Pegawai Negeri "
    "Sipil dalam Jabatan Struktural",
    "PP 13/2002": "Peraturan Pemerintah Nomor 13 Tahun 2002 tentang Perubahan atas Peraturan "
    "Pemerintah Nomor 100 Tahun 2000",
    "PP 11/2017": "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil",
    "PP 17/2020": "Peraturan Pemerintah Nomor 17 Tahun 2020 tentang Perubahan atas Peraturan "
    "Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil",
    "PP 49/2008": "Peraturan Pemerintah Nomor 49 Tahun 2008 tentang Perubahan Ketiga atas "
    "Peraturan Pemerintah Nomor 6 Tahun 2005 tentang Pemilihan, Pengesahan Pengangkatan, dan "
    "Pemberhentian Kepala Daerah dan Wakil Kepala Daerah",
    "PP 49/2018": "Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah "
    "dengan Perjanjian Kerja",
    "PP 94/2021": "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
    "Perpres 116/2022": "Peraturan Presiden Nomor 116 Tahun 2022 tentang Pengawasan Sistem Merit "
    "dalam Manajemen Aparatur Sipil Negara",
    "PermenPAN-RB 38/2017": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
    "Birokrasi Nomor 38 Tahun 2017 tentang Standar Kompetensi Jabatan Aparatur Sipil Negara",
    "PermenPAN-RB 15/2019": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
    "Birokrasi Nomor 15 Tahun 2019 tentang Pengisian Jabatan Pimpinan Tinggi secara Terbuka dan "
    "Kompetitif di Lingkungan Instansi Pemerintah",
    "PermenPAN-RB 3/2020": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
    "Birokrasi Nomor 3 Tahun 2020 tentang Manajemen Talenta Aparatur Sipil Negara",
    "Permendagri 4/2023": "Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2023 tentang Penjabat "
    "Gubernur, Penjabat Bupati, dan Penjabat Wali Kota",
    "Peraturan BKN 5/2019": "Peraturan Badan Kepegawaian Negara Nomor 5 Tahun 2019 tentang Tata "
    "Cara Pelaksanaan Mutasi",
}
"""Full titles of the regulations the rule pack cites, for the SK's ``Mengingat``; a citation
not listed here is printed as the rule pack writes it."""
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


_KIND_ORDER = ("UU", "PP", "Perpres", "PermenPAN-RB", "Permendagri", "Peraturan BKN")
_CITE = re.compile(r"^(UU|PP|Perpres|PermenPAN-RB|Permendagri|Peraturan BKN) (\d+)/(\d{4})$")


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
    """Every section of the package as text (see module docstring)."""

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


# --- the parts ------------------------------------------------------------------------------------


def _placeholder(value: str | None, what: str) -> str:
    return value if value else f"[{what}]"


def _signer(p: Pejabat | None, role: str) -> Signer:
    if p is None:
        return Signer(role, "[nama]", "NIP [.....]")
    return Signer(
        f"{role}" + (f" ({p.jabatan})" if p.jabatan else ""),
        p.nama,
        f"NIP {p.nip}" if p.nip else "",
    )


def mengingat(sc: Skenario, rules: RuleSet | None = None) -> list[str]:
    """The regulations the rule pack cites (rules and approvals), split at ``jo``, verified or
    secondary only (no kebijakan daerah, no surat edaran), ordered by kind then year."""
    pack = load_pack(sc.paket_aturan)
    rules = rule_set(sc) if rules is None else rules
    bases = [b for r in rules if r.active for b in r.spec.legal_basis]
    bases += [b for a in pack.approvals for b in a.legal_basis]
    found: set[tuple[int, int, int, str]] = set()
    for b in bases:
        if b.status not in ("terverifikasi", "sekunder"):
            continue
        for part in b.peraturan.split(" jo "):
            m = _CITE.match(part.strip())
            if m:
                key = f"{m.group(1)} {m.group(2)}/{m.group(3)}"
                found.add((_KIND_ORDER.index(m.group(1)), int(m.group(3)), int(m.group(2)), key))
    return [REGULATION_TITLES.get(key, key) + ";" for *_, key in sorted(found)]


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
    name = _placeholder(inst.nama, "nama instansi")
    day = fmt.date_text(sc.tanggal_rencana)
    return Letterhead(name, _kop(sc), inst.logo, day, title, sc.nama)


def _kop(sc: Skenario) -> list[str]:
    inst = sc.fakta.instansi
    return inst.kop or [_placeholder(inst.nama, "NAMA INSTANSI").upper()]


def _eselon_of(ds: Dataset, jid: str | None) -> str:
    if jid is None:
        return ""
    e = fmt.text(ds.jabatan.at[ds.post_index[jid], "eselon"])
    return fmt.eselon_text(e)


def _old_post(peg: pd.DataFrame, row: int, plan_row: Any) -> tuple[str, str]:
    """(jabatan lama, unit kerja lama) in words: the structural post, else the pegawai's
    ``nama_jabatan`` or jenis jabatan and jenjang; never a bare id or a dash."""
    unit = fmt.text(plan_row.opd_asal) or fmt.text(peg.at[row, "unit"])
    name = fmt.text(plan_row.jabatan_asal)
    if not name:
        name = fmt.current_post(
            peg.at[row, "post_name"], peg.at[row, "jenis_jabatan"], peg.at[row, "jenjang"], None
        )
    return name, unit


def _remark(e: MoveExplanation | None, chain_no: dict[str, int], nip: str) -> str:
    parts = []
    if e is not None and e.talent_box is not None:
        parts.append(f"kotak {e.talent_box}")
    if e is not None and e.jpm is not None and not pd.isna(e.jpm.jpm):
        parts.append(f"JPM {fmt.percent(e.jpm.jpm)}".replace(" %", "\u00a0%"))  # kept together
    if nip in chain_no:
        parts.append(f"rantai {chain_no[nip]}")
    if e is not None and any(c.flagged for c in e.checks):
        parts.append("ada catatan")
    return "; ".join(parts)


def daftar(
    ds: Dataset, plan: pd.DataFrame, exps: dict[str, MoveExplanation], chains: pd.DataFrame
) -> list[Group]:
    """The Daftar usulan: every move, grouped by move type (MOVE_ORDER) and OPD tujuan, the
    highest eselon first within an OPD, numbered through."""
    moves = plan[plan["jenis_perpindahan"] != "tetap"].copy()
    peg = ds.pegawai
    jab = ds.jabatan.set_index("jabatan_id")
    moves["_type"] = [
        MOVE_ORDER.index(t) if t in MOVE_ORDER else 99 for t in moves["jenis_perpindahan"]
    ]
    moves["_opd"] = moves["opd_tujuan"].fillna("").astype(str)
    ranks = jab["eselon"].astype(str).map(ESELON_RANK)
    moves["_rank"] = -moves["jabatan_tujuan_id"].map(ranks).fillna(0).to_numpy(dtype=float)
    moves = moves.sort_values(["_type", "_opd", "_rank", "nama"], kind="stable")
    chain_no = {str(n): int(r) for n, r in zip(chains["nip"], chains["rantai_id"], strict=True)}
    groups: list[Group] = []
    for no, r in enumerate(moves.itertuples(index=False), start=1):
        nip = str(r.nip).lstrip("'")
        row = ds.person_index[nip]
        old, old_unit = _old_post(peg, row, r)
        target = fmt.text(r.jabatan_tujuan_id) or None
        kind = str(r.jenis_perpindahan)
        cells = [
            str(no),
            fmt.text(r.nama),
            nip,
            fmt.rank_text(peg.at[row, "golongan"]),
            old,
            old_unit,
            fmt.text(r.jabatan_tujuan) or "tanpa jabatan (non-job)",
            fmt.text(r.opd_tujuan),
            _eselon_of(ds, target),
            fmt.move_type(kind),
            _remark(exps.get(nip), chain_no, nip),
        ]
        title = f"{fmt.move_type(kind)} — {fmt.text(r.opd_tujuan) or 'tanpa unit'}"
        if not groups or groups[-1].title != title:
            groups.append(Group(title, []))
        groups[-1].rows.append(Row(no, cells, kind, fmt.text(r.opd_tujuan)))
    return groups


def _rule_line(c: Any) -> str:
    """One checked rule: verdict, what it asks with the person's value and the threshold, and its
    first legal basis with status (the others are in docs/rules.md and the xlsx sheet Aturan)."""
    text = c.message_id.split(": ", 1)[1] if ": " in c.message_id else c.message_id
    text = plain(text)
    mark = "✓" if c.passed and not c.flagged else ("!" if c.passed else "✗")
    verdict = "memenuhi" if c.passed and not c.flagged else ("catatan" if c.passed else "TIDAK")
    bases = [b.strip() for b in str(c.legal_basis).split("; ") if b.strip()]
    more = f" dan {len(bases) - 1} dasar lain" if len(bases) > 1 else ""
    return f"{mark} {verdict}: {text} — dasar: {bases[0] if bases else '-'}{more}"


def _why_lost(a: dict[str, Any], elsewhere: str | None) -> str:
    """Why a next-best candidate is not the one proposed, in words."""
    diff = float(a["selisih_skor"])
    if a["seri"]:
        return f"skor sama, diputus oleh {a['aturan_pemecah_seri']}"
    if elsewhere:
        return f"diusulkan ke {elsewhere}"
    if diff < 0:
        return f"skor {fmt.number(-diff, 3)} lebih rendah"
    return (
        f"skor {fmt.number(diff, 3)} lebih tinggi untuk jabatan ini, tetapi rencana secara "
        "keseluruhan lebih baik tanpa perpindahannya (batas perpindahan per OPD, biaya "
        "perpindahan dan rantai kekosongan)"
    )


def justification(
    e: MoveExplanation, no: int, row: Row | None, alts: list[dict[str, Any]], placed: dict[str, str]
) -> Block:
    """The half page of one move: what, box, JPM gaps, rules, score, next-best candidates
    (``placed``: NIP → the post the plan proposes for a person who moves)."""
    cells = row.cells if row is not None else [""] * len(DAFTAR_HEAD)
    subtitle = (
        f"{fmt.move_type(e.move_type)}: {cells[4]} ({cells[5]}) → {cells[6]} ({cells[7]})"
        + (f", {cells[8]}" if cells[8] else "")
    )
    sections: list[tuple[str, list[str]]] = []
    talent = []
    if e.talent_box is not None:
        talent.append(f"Kotak {e.talent_box}: {e.box_recommendation_id} ({BOX_LEGAL_BASIS}).")
    if e.jpm is not None:
        g = e.jpm.gaps  # plain lists: pandas filtering per move cost a tenth of the package
        short = [
            (c, std, act)
            for c, std, act, met in zip(
                g["competency"].tolist(),
                g["standard"].tolist(),
                g["actual"].tolist(),
                g["met"].tolist(),
                strict=True,
            )
            if not met
        ]
        jpm = f"JPM {fmt.percent(e.jpm.jpm)} ({e.jpm.category_id})"
        if e.jpm.default_standard:
            jpm += "; standar kompetensi bawaan jenjang (jabatan belum punya standar)"
        if short:
            gaps = ", ".join(
                f"{c} (standar {fmt.number(std, 2)}, aktual {fmt.number(act, 2, 'tidak dinilai')})"
                for c, std, act in short
            )
            jpm += f"; di bawah standar: {gaps}"
        else:
            jpm += f"; semua {len(e.jpm.gaps)} kompetensi memenuhi standar"
        talent.append(jpm + ".")
    sections.append(("Talenta dan kompetensi", talent or ["Tidak ada data kotak talenta dan JPM."]))
    rules = [_rule_line(c) for c in e.checks]
    rules += [f"? tidak dapat diperiksa: {u[0]}" for u in e.unchecked]
    sections.append(("Syarat yang diperiksa", rules or ["Tidak ada jabatan tujuan."]))
    if e.terms:
        parts = [
            f"{t.label_id} {fmt.number(abs(t.contribution), 3)}"
            for t in e.terms
            if t.contribution != 0
        ]
        signs = ["−" if t.contribution < 0 else "+" for t in e.terms if t.contribution != 0]
        text = parts[0] if parts else "0"
        for s, p in zip(signs[1:], parts[1:], strict=True):
            text += f" {s} {p}"
        sections.append(("Skor", [f"{text} = {fmt.number(e.total, 3)}"]))
    lines = []
    for a in alts:
        lines.append(
            f"{a['peringkat']}. {a['nama']} (NIP {a['nip']}, {fmt.move_type(a['jenis_perpindahan']).lower()}): "
            f"skor {fmt.number(a['skor'], 3)}; {_why_lost(a, placed.get(str(a['nip'])))}"
        )
    sections.append(
        (
            "Kandidat berikutnya dan mengapa tidak dipilih",
            lines or ["Tidak ada kandidat lain yang memenuhi syarat."],
        )
    )
    if len(e.chain):
        sections.append(
            (
                "Rantai kekosongan",
                [
                    f"Bagian dari rantai {int(e.chain['rantai_id'].iloc[0])} (lihat bagian Rantai kekosongan jabatan)."
                ],
            )
        )
    return Block(f"{no}. {e.nama} — NIP {e.nip}", subtitle, sections)


def chain_blocks(ds: Dataset, plan: pd.DataFrame, chains: pd.DataFrame) -> list[Block]:
    """Each vacancy chain in words: who leaves which post for which (plain dicts and one sort:
    a pandas lookup per step cost a tenth of a second on a kabupaten)."""
    if not len(chains):
        return []
    names = dict(zip(plan["nip"].astype(str), plan["nama"].astype(str), strict=True))
    jab = ds.jabatan
    where_of = zip(jab["name"].tolist(), jab["opd"].tolist(), strict=True)
    posts = dict(zip(jab["jabatan_id"].tolist(), where_of, strict=True))

    def title(jid: Any) -> str:
        j = fmt.text(jid)
        if j not in posts:
            return "jabatan di luar lingkup / pelaksana atau fungsional"
        name, opd = posts[j]
        return f"{fmt.text(name)} ({fmt.text(opd)})"

    keyed = chains[chains["rantai_id"].notna()]  # groupby leaves rows without a chain out
    kinds: dict[Any, Any] = {}
    for rid, kind in zip(keyed["rantai_id"].tolist(), keyed["jenis"].tolist(), strict=True):
        kinds.setdefault(rid, kind)  # the chain's first row, as part["jenis"].iloc[0]
    steps: dict[Any, list[str]] = {}
    ordered = keyed.sort_values(["rantai_id", "urutan"], kind="stable")
    for r in ordered.itertuples(index=False):
        nip = str(r.nip)
        origin = fmt.text(r.jabatan_asal_id)
        where = title(origin) if origin else "jabatan fungsional/pelaksana"
        steps.setdefault(r.rantai_id, []).append(
            f"{names.get(nip, nip)} (NIP {nip}): dari {where} → {title(r.jabatan_tujuan_id)}"
        )
    return [
        Block(
            f"Rantai {fmt.text(rid)}",
            f"{fmt.text(kinds[rid])}, {len(lines)} langkah",
            [("", lines)],
        )
        for rid, lines in steps.items()
    ]


def shortlist_blocks(shortlist: pd.DataFrame) -> list[Block]:
    """The JPT shortlists for the seleksi terbuka panel: per vacant post, the ranked candidates."""
    out = []
    for jid, part in shortlist.groupby("jabatan_id", sort=True):
        lines = [
            f"{fmt.text(r.peringkat)}. {r.nama} (NIP {r.nip}), {fmt.move_type(r.jenis_perpindahan).lower()}, "
            f"kotak {fmt.text(r.kotak_talenta)}, JPM {fmt.percent(r.jpm)}"
            for r in part.sort_values("peringkat").itertuples(index=False)
        ]
        out.append(
            Block(
                f"{part['nama_jabatan'].iloc[0]} ({jid})",
                "calon untuk panitia seleksi",
                [("", lines)],
            )
        )
    return out


def _reason(text: Any) -> str:
    """A vacancy reason without the pointer to a CSV file of ``placement solve``."""
    return fmt.text(text).split("; lihat")[0]


def _before_after_jpm(
    result_pairs: pd.DataFrame, plan: pd.DataFrame
) -> tuple[float | None, float | None]:
    stays = result_pairs[result_pairs["stay"].to_numpy(dtype=bool)]
    before = pd.to_numeric(stays["jpm"], errors="coerce").dropna()
    after = pd.to_numeric(
        plan.loc[plan["jabatan_tujuan_id"].notna(), "jpm"], errors="coerce"
    ).dropna()
    return (
        float(before.mean()) if len(before) else None,
        float(after.mean()) if len(after) else None,
    )


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


def _summary(p: Parts, groups: list[Group]) -> tuple[list[str], list[tuple[str, str]]]:
    s = p.summary
    n_scope, filled, vacant = (
        int(s["jabatan_dalam_lingkup"]),
        int(s["jabatan_terisi"]),
        int(s["jabatan_lowong"]),
    )
    moves = [r for g in groups for r in g.rows]
    by_type = Counter(r.move_type for r in moves)
    by_opd = Counter(r.opd for r in moves)
    n_opd = p.ds.jabatan["opd"].nunique()
    reasons = Counter(_reason(a) for a in p.vacancies.get("alasan", pd.Series(dtype=str)))
    why = "; ".join(f"{fmt.number(n)} karena {r}" for r, n in reasons.items() if r)
    boxes = [e.talent_box for e in p.exps if e.talent_box is not None]
    pool = sum(1 for b in boxes if b >= 7)
    promo9 = sum(1 for e in p.exps if e.move_type == "promosi" and e.talent_box == 9)
    before, after = _before_after_jpm(p.pairs, p.plan)
    types = ", ".join(
        f"{fmt.number(by_type[t])} {fmt.move_type(t).lower()}" for t in MOVE_ORDER if by_type[t]
    )
    top = ", ".join(f"{o} ({fmt.number(n)})" for o, n in by_opd.most_common(3))
    text = [
        f"Rencana ini mencakup {fmt.number(n_scope)} jabatan struktural pada {fmt.number(n_opd)} "
        f"perangkat daerah, per tanggal {fmt.date_text(p.sc.tanggal_rencana)}. Sesudah rencana "
        f"dilaksanakan, {fmt.number(filled)} jabatan terisi ({fmt.percent(filled / n_scope if n_scope else None)}) "
        f"dan {fmt.number(vacant)} dibiarkan lowong" + (f": {why}." if why else "."),
        f"Diusulkan {fmt.number(len(moves))} perpindahan: {types or 'tidak ada'}. "
        f"{fmt.number(int(s.get('pejabat_berpindah', 0)))} di antaranya pejabat yang sekarang "
        f"menduduki jabatan struktural; selebihnya pegawai fungsional atau pelaksana yang naik "
        f"jabatan. Perpindahan terbanyak di {top or '-'}.",
        f"{fmt.number(pool)} dari {fmt.number(len(moves))} pegawai yang diusulkan termasuk kelompok "
        f"rencana suksesi (kotak talenta 7–9); {fmt.number(promo9)} promosi berasal dari kotak 9.",
        f"Rata-rata kesesuaian kompetensi (JPM) pemegang jabatan: {fmt.percent(before, empty='tidak ada data')} "
        f"sebelum dan {fmt.percent(after, empty='tidak ada data')} sesudah rencana.",
    ]
    if len(p.shortlist):
        n_jpt = p.shortlist["jabatan_id"].nunique()
        text.append(
            f"{fmt.number(n_jpt)} JPT Pratama yang lowong diisi melalui seleksi terbuka; "
            "daftar pendek calon untuk panitia seleksi ada di lampiran."
        )
    facts = [
        ("Jabatan dalam lingkup", fmt.number(n_scope)),
        ("Terisi", fmt.number(filled)),
        ("Lowong", fmt.number(vacant)),
        *((fmt.move_type(t), fmt.number(by_type[t])) for t in MOVE_ORDER if by_type[t]),
        ("Kelompok rencana suksesi (kotak 7–9)", fmt.number(pool)),
        (
            "JPM rata-rata sebelum → sesudah",
            f"{fmt.percent(before, empty='-')} → {fmt.percent(after, empty='-')}",
        ),
    ]
    return text, facts


def _nota(
    p: Parts, groups: list[Group], inst: str, ppk: str, tempat: str, rule_list: RuleSet
) -> list[str]:
    moves = [r for g in groups for r in g.rows]
    by_type = Counter(r.move_type for r in moves)
    boxes = Counter(e.talent_box for e in p.exps if e.talent_box is not None)
    jpms = [float(e.jpm.jpm) for e in p.exps if e.jpm is not None and not pd.isna(e.jpm.jpm)]
    rules = [
        plain(r.spec.description_id) for r in rule_list if r.active and r.spec.effect == "tolak"
    ]
    types = ", ".join(
        f"{fmt.number(by_type[t])} {fmt.move_type(t).lower()}" for t in MOVE_ORDER if by_type[t]
    )
    box_text = ", ".join(
        f"kotak {b}: {fmt.number(n)}" for b, n in sorted(boxes.items(), reverse=True)
    )
    approvals = "; ".join(a.message_id for a in p.approvals) or "tidak ada"
    return [
        f"Pada tanggal [....] bertempat di {tempat}, Tim Penilai Kinerja Pegawai Negeri Sipil "
        f"{inst} telah membahas usulan pengangkatan dan pemindahan pegawai dalam jabatan "
        f"per tanggal rencana {fmt.date_text(p.sc.tanggal_rencana)}, sebanyak "
        f"{fmt.number(len(moves))} usulan ({types}).",
        "1. Sistem merit. Setiap usulan didasarkan pada kualifikasi, kompetensi dan kinerja, tanpa "
        "membedakan latar belakang, sesuai Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil "
        "Negara dan PP 11/2017 jo PP 17/2020.",
        f"2. Kotak talenta. Sebaran kotak talenta pegawai yang diusulkan: {box_text or 'tidak ada data'}. "
        "Promosi mengutamakan kelompok rencana suksesi (kotak 7–9) sesuai PermenPAN-RB 3/2020.",
        f"3. Kesesuaian kompetensi (JPM). Rata-rata JPM pegawai yang diusulkan "
        f"{fmt.percent(float(np.mean(jpms)) if jpms else None, empty='tidak ada data')}, terendah "
        f"{fmt.percent(min(jpms) if jpms else None, empty='-')}; kesenjangan per kompetensi tercantum "
        "dalam Lampiran justifikasi.",
        "4. Syarat yang diperiksa pada setiap usulan (nilai, batas dan dasar hukum tiap syarat "
        "tercantum per usulan dalam Lampiran justifikasi):",
        *(f"{_item_label(i)} {r};" for i, r in enumerate(rules)),
        f"5. Persetujuan yang diperlukan sebelum penetapan: {approvals}.",
        f"Berdasarkan pertimbangan tersebut, Tim merekomendasikan kepada {ppk} untuk menetapkan "
        "usulan sebagaimana tercantum dalam Daftar usulan, dengan memperhatikan persetujuan di atas.",
    ]


def _item_label(i: int) -> str:
    """``a)`` … ``z)``, then ``27)`` …: the sub-items of a numbered point."""
    return f"{'abcdefghijklmnopqrstuvwxyz'[i]})" if i < 26 else f"{i + 1})"


ITEM = re.compile(r"^(\w{1,2}\)) (.*)$", re.S)
"""A sub-item line of the nota (``a) …``): drawn with a hanging indent."""


def _letters(p: Parts, inst: str, n_moves: int) -> list[Letter]:
    out = []
    for a in p.approvals:
        to = (
            "Menteri Dalam Negeri Republik Indonesia"
            if a.code.startswith("MENDAGRI")
            else (ADDRESSEES.get(a.code, "[tujuan surat]"))
        )
        out.append(
            Letter(
                a.code,
                a.message_id,
                to,
                [
                    f"Bersama ini kami sampaikan usulan pengangkatan dan pemindahan pegawai dalam jabatan "
                    f"di lingkungan {inst} sebanyak {fmt.number(n_moves)} usulan per tanggal rencana "
                    f"{fmt.date_text(p.sc.tanggal_rencana)}.",
                    f"Usulan tersebut memerlukan: {a.message_id}, karena {a.reasons()}.",
                    f"Dasar: {a.legal_text}.",
                    "Sebagai bahan pertimbangan, bersama ini kami lampirkan: 1. Daftar usulan; 2. Nota "
                    "pertimbangan Tim Penilai Kinerja PNS; 3. Lampiran justifikasi per usulan.",
                    "Demikian kami sampaikan, atas perhatian dan perkenannya kami ucapkan terima kasih.",
                ],
            )
        )
    return out


def build_usulan(
    p: Parts, charts: list[tuple[str, bytes]] | None = None, groups: list[Group] | None = None
) -> Usulan:
    """The package as text from a solved plan's parts (``charts``: PNGs for the Ringkasan;
    ``groups``: the :func:`daftar` when the caller has it already)."""
    inst_cfg = p.sc.fakta.instansi
    rules = rule_set(p.sc)
    inst = _placeholder(inst_cfg.nama, "nama instansi")
    ppk = _placeholder(inst_cfg.ppk, "PPK, mis. Bupati ...")
    tempat = _placeholder(inst_cfg.tempat, "tempat")
    by_nip = {e.nip: e for e in p.exps}
    groups = daftar(p.ds, p.plan, by_nip, p.chains) if groups is None else groups
    rows = {r.cells[2]: r for g in groups for r in g.rows}
    alts = p.alternatives
    alt_by: dict[str, list[dict[str, Any]]] = {}
    for r in alts.to_dict(orient="records"):
        alt_by.setdefault(str(r["nip_terpilih"]), []).append({str(k): v for k, v in r.items()})
    placed = {r.cells[2]: f"{r.cells[6]} ({r.cells[7]})" for r in rows.values()}
    just = [
        justification(by_nip[r.cells[2]], r.no, r, alt_by.get(r.cells[2], []), placed)
        for r in (r for g in groups for r in g.rows)
        if r.cells[2] in by_nip
    ]
    summary, facts = _summary(p, groups)
    team = [_signer(inst_cfg.tim.ketua, "Ketua"), _signer(inst_cfg.tim.sekretaris, "Sekretaris")]
    team += [_signer(m, f"Anggota {i}") for i, m in enumerate(inst_cfg.tim.anggota, start=1)]
    if not inst_cfg.tim.anggota:
        team.append(_signer(None, "Anggota"))
    n = len(rows)
    menimbang = [
        f"bahwa dalam rangka pengisian jabatan yang lowong serta pengembangan karier dan "
        f"peningkatan kinerja organisasi di lingkungan {inst}, perlu mengangkat dan memindahkan "
        "Pegawai Negeri Sipil dalam jabatan berdasarkan sistem merit;",
        "bahwa Tim Penilai Kinerja Pegawai Negeri Sipil telah memberikan pertimbangan atas "
        "pengangkatan dan pemindahan tersebut;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
        "menetapkan Keputusan tentang Pengangkatan dan Pemindahan Pegawai Negeri Sipil dalam Jabatan;",
    ]
    diktum = [
        (
            "KESATU",
            f"Mengangkat dan memindahkan {fmt.number(n)} Pegawai Negeri Sipil yang namanya "
            "tercantum dalam Lampiran Keputusan ini dari jabatan lama ke jabatan baru "
            "sebagaimana tercantum dalam Lampiran tersebut.",
        ),
        (
            "KEDUA",
            "Kepada Pegawai Negeri Sipil sebagaimana dimaksud dalam Diktum KESATU diberikan "
            "hak kepegawaian sesuai dengan ketentuan peraturan perundang-undangan.",
        ),
        (
            "KETIGA",
            "Apabila di kemudian hari terdapat kekeliruan dalam Keputusan ini, akan diadakan "
            "perbaikan sebagaimana mestinya.",
        ),
        ("KEEMPAT", "Keputusan ini mulai berlaku pada tanggal ditetapkan."),
    ]
    unfilled = [
        f"{fmt.text(v.nama_jabatan)} ({fmt.text(v.opd)}): {_reason(v.alasan)}"
        for v in p.vacancies.itertuples(index=False)
    ]
    return Usulan(
        instansi=inst,
        kop=_kop(p.sc),
        logo=inst_cfg.logo,
        tempat=tempat,
        ppk=ppk,
        title=f"Usulan Pengangkatan dan Pemindahan Pegawai dalam Jabatan — {inst}",
        plan_date=fmt.date_text(p.sc.tanggal_rencana),
        scenario=p.sc.nama,
        summary=summary,
        facts=facts,
        approvals=[f"{a.message_id} (dasar: {a.legal_text})" for a in p.approvals],
        charts=charts or [],
        groups=groups,
        nota=_nota(p, groups, inst, ppk, tempat, rules),
        team=team,
        menimbang=menimbang,
        mengingat=mengingat(p.sc, rules),
        diktum=diktum,
        letters=_letters(p, inst, n),
        justifications=just,
        chains=chain_blocks(p.ds, p.plan, p.chains),
        shortlists=shortlist_blocks(p.shortlist),
        provenance=p.provenance,
        unfilled=unfilled,
    )


__all__ = [
    "DAFTAR_HEAD",
    "ITEM",
    "SECTIONS",
    "Block",
    "Group",
    "Letterhead",
    "Parts",
    "Row",
    "Usulan",
    "build_usulan",
    "letterhead",
    "mengingat",
]
