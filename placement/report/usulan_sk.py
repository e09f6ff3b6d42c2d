"""The draft SK (Menimbang, Mengingat, Diktum; its Lampiran is the Daftar usulan) and a draft
surat pengantar per approval the plan needs."""

from __future__ import annotations

import re

from placement.config import Skenario
from placement.domain import format_id as fmt
from placement.report.usulan_model import Letter, Parts
from placement.rules.registry import RuleSet, load_pack, rule_set

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

_KIND_ORDER = ("UU", "PP", "Perpres", "PermenPAN-RB", "Permendagri", "Peraturan BKN")
_CITE = re.compile(r"^(UU|PP|Perpres|PermenPAN-RB|Permendagri|Peraturan BKN) (\d+)/(\d{4})$")


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


def menimbang(inst: str) -> list[str]:
    """The SK's considerations (huruf a, b, c)."""
    return [
        f"bahwa dalam rangka pengisian jabatan yang lowong serta pengembangan karier dan "
        f"peningkatan kinerja organisasi di lingkungan {inst}, perlu mengangkat dan memindahkan "
        "Pegawai Negeri Sipil dalam jabatan berdasarkan sistem merit;",
        "bahwa Tim Penilai Kinerja Pegawai Negeri Sipil telah memberikan pertimbangan atas "
        "pengangkatan dan pemindahan tersebut;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
        "menetapkan Keputusan tentang Pengangkatan dan Pemindahan Pegawai Negeri Sipil dalam Jabatan;",
    ]


def diktum(n: int) -> list[tuple[str, str]]:
    """The SK's Diktum KESATU … KEEMPAT for ``n`` moves."""
    return [
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


def letters(p: Parts, inst: str, n_moves: int) -> list[Letter]:
    """A draft surat pengantar per approval, to its addressee."""
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
