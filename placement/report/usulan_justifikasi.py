"""The Lampiran justifikasi (per move: box, JPM gaps, the rules checked with their values and
legal basis, the score's terms, the next-best candidates), the vacancy chains and the JPT
shortlists, each as titled :class:`Block` s of lines."""

from __future__ import annotations

from typing import Any

import pandas as pd

from placement.domain import format_id as fmt
from placement.domain.model import Dataset
from placement.plan.explain import BOX_LEGAL_BASIS, MoveExplanation
from placement.report.usulan_model import DAFTAR_HEAD, Block, Row, plain


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
    sections.append(
        ("Talenta dan kompetensi", _talent(e) or ["Tidak ada data kotak talenta dan JPM."])
    )
    rules = [_rule_line(c) for c in e.checks]
    rules += [f"? tidak dapat diperiksa: {u[0]}" for u in e.unchecked]
    sections.append(("Syarat yang diperiksa", rules or ["Tidak ada jabatan tujuan."]))
    if e.terms:
        sections.append(("Skor", [_score(e)]))
    sections.append(
        (
            "Kandidat berikutnya dan mengapa tidak dipilih",
            _next_best(alts, placed) or ["Tidak ada kandidat lain yang memenuhi syarat."],
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


def _talent(e: MoveExplanation) -> list[str]:
    """The box with its recommendation, and the JPM with the competencies below standard."""
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
    return talent


def _score(e: MoveExplanation) -> str:
    """The score as its non-zero terms with signs: ``a 0,500 + b 0,200 − c 0,100 = 0,600``."""
    parts = [
        f"{t.label_id} {fmt.number(abs(t.contribution), 3)}" for t in e.terms if t.contribution != 0
    ]
    signs = ["−" if t.contribution < 0 else "+" for t in e.terms if t.contribution != 0]
    text = parts[0] if parts else "0"
    for s, p in zip(signs[1:], parts[1:], strict=True):
        text += f" {s} {p}"
    return f"{text} = {fmt.number(e.total, 3)}"


def _next_best(alts: list[dict[str, Any]], placed: dict[str, str]) -> list[str]:
    """The next-best candidates for the post, each with why it is not the one proposed."""
    return [
        f"{a['peringkat']}. {a['nama']} (NIP {a['nip']}, {fmt.move_type(a['jenis_perpindahan']).lower()}): "
        f"skor {fmt.number(a['skor'], 3)}; {_why_lost(a, placed.get(str(a['nip'])))}"
        for a in alts
    ]


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
