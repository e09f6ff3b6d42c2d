"""The Nota pertimbangan Tim Penilai Kinerja: the Tim's considerations (merit, talent boxes,
JPM, the rules checked on every move, the approvals needed) and its signature blocks."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd

from placement.config import Instansi, Pejabat
from placement.domain import format_id as fmt
from placement.report.usulan_model import MOVE_ORDER, Group, Parts, Signer, plain
from placement.rules.registry import RuleSet

ITEM = re.compile(r"^(\w{1,2}\)) (.*)$", re.S)
"""A sub-item line of the nota (``a) …``): drawn with a hanging indent."""


def nota(
    p: Parts, groups: list[Group], inst: str, ppk: str, tempat: str, rule_list: RuleSet
) -> list[str]:
    """The nota's paragraphs, the numbered considerations and the Tim's recommendation."""
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


def team(inst: Instansi) -> list[Signer]:
    """The Tim's signature blocks: ketua, sekretaris, anggota (one placeholder when none)."""
    out = [_signer(inst.tim.ketua, "Ketua"), _signer(inst.tim.sekretaris, "Sekretaris")]
    out += [_signer(m, f"Anggota {i}") for i, m in enumerate(inst.tim.anggota, start=1)]
    if not inst.tim.anggota:
        out.append(_signer(None, "Anggota"))
    return out


def _signer(p: Pejabat | None, role: str) -> Signer:
    if p is None:
        return Signer(role, "[nama]", "NIP [.....]")
    return Signer(
        f"{role}" + (f" ({p.jabatan})" if p.jabatan else ""),
        p.nama,
        f"NIP {p.nip}" if p.nip else "",
    )
