"""Part of the message catalogue (:mod:`placement.domain.messages`, which says what each dict
holds): the succession report, readiness, future vacancies and talent map (succession/).
"""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    # succession/readiness.py
    "OPD_TIDAK_ADA": (
        "OPD '{opd}' tidak ada di data jabatan (mis. {known})",
        "OPD '{opd}' is not in the jabatan data (e.g. {known})",
    ),
    # succession/talent_map.py
    "PUTARAN_PEGAWAI_TIDAK_ADA": (
        "Tabel pegawai putaran sebelumnya tidak ditemukan",
        "The pegawai table of the previous round was not found",
    ),
    "PUTARAN_KOLOM_HILANG": (
        "Kolom '{col}' tidak ada di tabel pegawai putaran sebelumnya",
        "Column '{col}' is missing from the previous round's pegawai table",
    ),
    "PUTARAN_NIP_KOSONG": (
        "NIP kosong",
        "NIP is empty",
    ),
    "PUTARAN_NIP_GANDA": (
        "NIP {nip} sudah ada di baris {seen}",
        "NIP {nip} already appears in row {seen}",
    ),
    "PUTARAN_KOTAK": (
        "kotak_talenta '{text}' harus bilangan bulat 1–9 atau kosong",
        "kotak_talenta '{text}' must be a whole number 1–9 or empty",
    ),
}


WARNINGS: dict[str, tuple[str, str]] = {}


SHARED: dict[str, tuple[str, str]] = {
    # succession/readiness.py (code JABATAN_DI_LUAR_LINGKUP)
    "SUKSESI_JABATAN_DI_LUAR_LINGKUP": (
        "jabatan_id {outside} di luar lingkup skenario (lingkup.opd / lingkup.jenis_jabatan)",
        "jabatan_id {outside} is outside the scenario's scope (lingkup)",
    ),
}


TEXTS: dict[str, tuple[str, str]] = {
    # succession/future.py
    "ALASAN_LOWONG_BARIS_SOTK": (
        "file SOTK baris {row}",
        "SOTK file row {row}",
    ),
    # succession/talent_map.py
    "PETA_TALENTA_SELURUH_DAERAH": (
        "Seluruh daerah",
        "Whole region",
    ),
    "PETA_TALENTA_TANPA_KOTAK": (
        "tanpa kotak",
        "no box",
    ),
    "PETA_TALENTA_TIDAK_DI_PUTARAN": (
        "tidak ada di putaran",
        "not in the round",
    ),
    "KINERJA_DI_BAWAH": (
        "di bawah ekspektasi",
        "below expectations",
    ),
    "KINERJA_SESUAI": (
        "sesuai ekspektasi",
        "meets expectations",
    ),
    "KINERJA_DI_ATAS": (
        "di atas ekspektasi",
        "above expectations",
    ),
    # succession/sheets.py
    "SUKSESI_BELUM_ADA_SIAP": (
        "belum ada yang siap sekarang",
        "nobody ready now",
    ),
    "SUKSESI_PERLU_PENGEMBANGAN": (
        "perlu pengembangan",
        "needs development",
    ),
    "SUKSESI_SIAP_SEKARANG": (
        "siap sekarang",
        "ready now",
    ),
    "SUKSESI_SIAP_HORIZON": (
        "siap 1–{horizon_years} tahun",
        "ready in 1–{horizon_years} years",
    ),
    "SUKSESI_SIAP_SETAHUN": (
        "siap ≤ 1 tahun",
        "ready within 1 year",
    ),
    "SUKSESI_KETERANGAN_SEKARANG": (
        "layak pada tanggal rencana menurut aturan; urut skor total optimiser",
        "eligible on the plan date under the rules; ranked by the optimiser's total",
    ),
    "SUKSESI_KETERANGAN_HORIZON": (
        "hanya terhalang aturan waktu (masa jabatan, pengalaman jenjang, hukuman disiplin); "
        "tanggal siap = hari aturan terakhir berhenti menghalangi, diperiksa mesin aturan pada "
        "tanggal itu (termasuk BUP_DEKAT dan USIA_JPT)",
        "blocked only by time-based rules (tenure, experience in the level, disciplinary "
        "sanction); ready date = the day the last one stops blocking, checked by the rule "
        "engine on that day (BUP_DEKAT and USIA_JPT included)",
    ),
    "SUKSESI_KETERANGAN_PENGEMBANGAN": (
        "kotak 7–9, terhalang aturan yang dapat dikembangkan: ",
        "box 7–9, blocked by developable rules: ",
    ),
    # succession/readiness.py
    "SUKSESI_KESIAPAN_LOLOS": (
        "lolos",
        "passes",
    ),
    # succession/talent_map.py
    "PETA_TALENTA_KOTAK_SEBELUMNYA_SEKARANG": (
        "kotak sebelumnya \\ sekarang",
        "previous box \\ now",
    ),
    "PETA_TALENTA_JUMLAH": (
        "jumlah",
        "total",
    ),
    "PETA_TALENTA_POTENSI": (
        "potensi",
        "potential",
    ),
    # succession/future.py
    "ALASAN_LOWONG_BUP": (
        "batas usia pensiun (BUP)",
        "retirement age (BUP)",
    ),
    "ALASAN_LOWONG_MASA_JABATAN_MAKS": (
        "melewati masa jabatan maksimum (dapat diperpanjang)",
        "past the maximum tenure (may be extended)",
    ),
    "ALASAN_LOWONG_SOTK_DIBENTUK": (
        "SOTK: jabatan dibentuk",
        "SOTK: post created",
    ),
    "ALASAN_LOWONG_SOTK_DIHAPUS": (
        "SOTK: jabatan dihapus (pemegang perlu jabatan baru)",
        "SOTK: post abolished (the holder needs a new post)",
    ),
    # succession/pool_scan.py (DEVELOPABLE)
    "PENGEMBANGAN_KOTAK_TALENTA_MIN": (
        "pengembangan kinerja dan potensi sampai kotak talenta minimum",
        "develop performance and potential up to the minimum talent box",
    ),
    "PENGEMBANGAN_KOMPETENSI_ADA": (
        "ikut uji kompetensi / asesmen",
        "take the competency assessment",
    ),
    "PENGEMBANGAN_SKP_PROMOSI": (
        "capai predikat kinerja minimum dalam penilaian berikutnya",
        "reach the minimum performance rating in the next appraisals",
    ),
    "PENGEMBANGAN_PENDIDIKAN_MIN": (
        "tugas belajar / izin belajar sampai pendidikan minimum",
        "study leave up to the minimum education",
    ),
    "PENGEMBANGAN_GOL_MIN_ESELON": (
        "kenaikan pangkat sampai golongan minimum (tidak diproyeksikan otomatis)",
        "promotion in grade up to the minimum golongan (not projected)",
    ),
    "PENGEMBANGAN_RUMPUN_SESUAI": (
        "pendidikan/pelatihan di rumpun jabatan",
        "education/training in the post's field",
    ),
    "PENGEMBANGAN_JOB_FIT_JPT": (
        "pengembangan lalu uji job fit ulang",
        "development, then a new job-fit test",
    ),
    # succession/text.py
    "SUKSESI_TEKS_LAGI": (
        "lagi",
        "more",
    ),
    "SUKSESI_TEKS_PEMEGANG": (
        "pemegang",
        "holder",
    ),
    "SUKSESI_TEKS_LOWONG_MULAI": (
        "lowong mulai",
        "vacant from",
    ),
    "SUKSESI_TEKS_KOTAK": (
        "kotak",
        "box",
    ),
    "SUKSESI_TEKS_SIAP": (
        "siap",
        "ready",
    ),
    "SUKSESI_TEKS_SUKSESI_PER_HORIZON": (
        "Suksesi per {plan}, horizon {h} tahun (s.d. {end}); {n_posts} jabatan",
        "Succession on {plan}, horizon {h} years (until {end}); {n_posts} posts",
    ),
    "SUKSESI_TEKS_JABATAN_TANPA_PENERUS": (
        "Jabatan tanpa penerus siap sekarang: {none_now}; tanpa penerus dalam horizon: {none_all}",
        "Posts without a successor ready now: {none_now}; without any in the horizon: {none_all}",
    ),
    "SUKSESI_TEKS_LOWONG_MENDATANG_SUDAH": (
        "Lowong mendatang: {future} (+ {past} sudah lewat pada tanggal rencana)",
        "Future vacancies: {future} (+ {past} already past on the plan date)",
    ),
    "SUKSESI_TEKS_SELURUH_DAERAH": (
        "seluruh daerah",
        "whole region",
    ),
    "SUKSESI_TEKS_PETA_TALENTA_KOTAK": (
        "Peta talenta (kotak 9), {where}:",
        "Talent map (9-box), {where}:",
    ),
    "SUKSESI_TEKS_KRITIS": (
        " [kritis]",
        " [critical]",
    ),
    "SUKSESI_TEKS_LOWONG": (
        "; lowong",
        "; vacant",
    ),
    "SUKSESI_TEKS_PASANGAN_PENERUS": (
        "Pasangan penerus: ",
        "Successor pairs: ",
    ),
    "SUKSESI_TEKS_PERPINDAHAN_KOTAK_PUTARAN": (
        "Perpindahan kotak (putaran sebelumnya → sekarang):",
        "Box transitions (previous round → now):",
    ),
    "SUKSESI_TEKS_JABATAN_TANPA_PENERUS_2": (
        "Jabatan tanpa penerus siap sekarang (20 pertama):",
        "Posts without a successor ready now (first 20):",
    ),
    # succession/future.py
    "SUKSESI_MASA_JABATAN": (
        "TMT jabatan {tmt}; paling lama {n} th, lewat mulai {day}{past_id}",
        "in post since {tmt}; at most {n} y, past from {day}{past_en}",
    ),
    "SUKSESI_BUP": (
        "lahir {birth}; BUP {age} th; pensiun mulai {day}{past_id}",
        "born {birth}; BUP {age} y; retired from {day}{past_en}",
    ),
}
