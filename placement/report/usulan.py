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

The package is put together here (:func:`build_usulan`) from one module per job:
:mod:`~placement.report.usulan_model` (the records and section titles),
:mod:`~placement.report.usulan_ringkasan`, :mod:`~placement.report.usulan_daftar`,
:mod:`~placement.report.usulan_nota`, :mod:`~placement.report.usulan_sk` (SK and surat
pengantar) and :mod:`~placement.report.usulan_justifikasi` (justifications, chains, shortlists).
Their public names are importable from here.
"""

from __future__ import annotations

from typing import Any

from placement.domain import format_id as fmt
from placement.plan.explain import MoveExplanation
from placement.report.usulan_daftar import daftar
from placement.report.usulan_justifikasi import (
    chain_blocks,
    justification,
    shortlist_blocks,
)
from placement.report.usulan_model import (
    DAFTAR_HEAD,
    MOVE_ORDER,
    SECTIONS,
    Block,
    Group,
    Letter,
    Letterhead,
    Parts,
    Row,
    Signer,
    Usulan,
    kop,
    letterhead,
    placeholder,
    plain,
)
from placement.report.usulan_nota import ITEM, nota, team
from placement.report.usulan_ringkasan import summary, unfilled
from placement.report.usulan_sk import (
    ADDRESSEES,
    REGULATION_TITLES,
    diktum,
    letters,
    mengingat,
    menimbang,
)
from placement.rules.registry import rule_set


def build_usulan(
    p: Parts, charts: list[tuple[str, bytes]] | None = None, groups: list[Group] | None = None
) -> Usulan:
    """The package as text from a solved plan's parts (``charts``: PNGs for the Ringkasan;
    ``groups``: the :func:`daftar` when the caller has it already)."""
    inst_cfg = p.sc.fakta.instansi
    rules = rule_set(p.sc)
    inst = placeholder(inst_cfg.nama, "nama instansi")
    ppk = placeholder(inst_cfg.ppk, "PPK, mis. Bupati ...")
    tempat = placeholder(inst_cfg.tempat, "tempat")
    by_nip = {e.nip: e for e in p.exps}
    groups = daftar(p.ds, p.plan, by_nip, p.chains) if groups is None else groups
    text, facts = summary(p, groups)
    n = len({r.cells[2] for g in groups for r in g.rows})  # people moved
    return Usulan(
        instansi=inst,
        kop=kop(p.sc),
        logo=inst_cfg.logo,
        tempat=tempat,
        ppk=ppk,
        title=f"Usulan Pengangkatan dan Pemindahan Pegawai dalam Jabatan — {inst}",
        plan_date=fmt.date_text(p.sc.tanggal_rencana),
        scenario=p.sc.nama,
        summary=text,
        facts=facts,
        approvals=[f"{a.message_id} (dasar: {a.legal_text})" for a in p.approvals],
        charts=charts or [],
        groups=groups,
        nota=nota(p, groups, inst, ppk, tempat, rules),
        team=team(inst_cfg),
        menimbang=menimbang(inst),
        mengingat=mengingat(p.sc, rules),
        diktum=diktum(n),
        letters=letters(p, inst, n),
        justifications=_justifications(p, groups, by_nip),
        chains=chain_blocks(p.ds, p.plan, p.chains),
        shortlists=shortlist_blocks(p.shortlist),
        provenance=p.provenance,
        unfilled=unfilled(p.vacancies),
    )


def _justifications(
    p: Parts, groups: list[Group], by_nip: dict[str, MoveExplanation]
) -> list[Block]:
    """One justification per row of the Daftar usulan that has an explanation, in its order,
    with the next-best candidates for the post and where the plan puts each of them."""
    rows = {r.cells[2]: r for g in groups for r in g.rows}
    alt_by: dict[str, list[dict[str, Any]]] = {}
    for r in p.alternatives.to_dict(orient="records"):
        alt_by.setdefault(str(r["nip_terpilih"]), []).append({str(k): v for k, v in r.items()})
    placed = {r.cells[2]: f"{r.cells[6]} ({r.cells[7]})" for r in rows.values()}
    return [
        justification(by_nip[r.cells[2]], r.no, r, alt_by.get(r.cells[2], []), placed)
        for r in (r for g in groups for r in g.rows)
        if r.cells[2] in by_nip
    ]


__all__ = [
    "ADDRESSEES",
    "DAFTAR_HEAD",
    "ITEM",
    "MOVE_ORDER",
    "REGULATION_TITLES",
    "SECTIONS",
    "Block",
    "Group",
    "Letter",
    "Letterhead",
    "Parts",
    "Row",
    "Signer",
    "Usulan",
    "build_usulan",
    "chain_blocks",
    "daftar",
    "justification",
    "letterhead",
    "mengingat",
    "plain",
    "shortlist_blocks",
]
