"""Part of the message catalogue (:mod:`placement.domain.messages`, which says what each dict
holds): the plan's explanations, comparison and multi-year runs (plan/, report/).
"""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    # plan/explain.py
    "NIP_TIDAK_DI_RENCANA": (
        "NIP {nip} tidak ada di rencana (bukan pemegang jabatan dalam lingkup dan tidak "
        "ditempatkan)",
        "NIP {nip} is not in the plan (holds no in-scope post and is not placed)",
    ),
    # plan/frontier.py
    "RENTANG_SALAH": (
        "Rentang '{text}' tidak valid: tulis AWAL:AKHIR:LANGKAH (mis. 0:400:25) atau 0,5,10",
        "Invalid range '{text}': write START:STOP:STEP (e.g. 0:400:25) or 0,5,10",
    ),
    # plan/horizon.py
    "HORIZON_TIDAK_DIDUKUNG": (
        "Rencana multi-tahun belum mendukung {used}; hapus dari skenario atau jalankan tanpa "
        "--horizon",
        "Multi-year plans do not support {used} yet; remove it or run without --horizon",
    ),
}


WARNINGS: dict[str, tuple[str, str]] = {}


SHARED: dict[str, tuple[str, str]] = {}


TEXTS: dict[str, tuple[str, str]] = {
    # plan/compare.py
    "KPI_TIDAK_DIBANDINGKAN": (
        " — tidak dibandingkan: bobot skenario berbeda",
        " — not compared: the scenarios' weights differ",
    ),
    "KPI_KOLOM_KETERANGAN": (
        "keterangan",
        "label",
    ),
    "KPI_OBJEKTIF": (
        "objektif (satuan skor)",
        "objective (score units)",
    ),
    "KPI_JABATAN_TERISI": (
        "jabatan terisi",
        "posts filled",
    ),
    "KPI_PORSI_TERISI": (
        "porsi jabatan terisi",
        "share of posts filled",
    ),
    "KPI_LOWONG": (
        "jabatan lowong",
        "posts left vacant",
    ),
    "KPI_JPM_RATA": (
        "JPM rata-rata pemegang",
        "mean JPM of holders",
    ),
    "KPI_JPM_MIN": (
        "JPM terendah pemegang",
        "lowest JPM of holders",
    ),
    "KPI_PORSI_KOTAK7": (
        "porsi jabatan dipegang kotak ≥ 7",
        "share of posts held by box ≥ 7",
    ),
    "KPI_PROMOSI": (
        "promosi",
        "promotions",
    ),
    "KPI_ROTASI": (
        "rotasi",
        "rotations",
    ),
    "KPI_MUTASI": (
        "mutasi",
        "transfers",
    ),
    "KPI_DEMOSI": (
        "demosi",
        "demotions",
    ),
    "KPI_ALIH_JENIS": (
        "alih jenis (JF ke jabatan administrasi)",
        "JF into administration posts",
    ),
    "KPI_NON_JOB": (
        "non-job",
        "non-job",
    ),
    "KPI_PEJABAT_BERPINDAH": (
        "pejabat lama yang berpindah",
        "incumbents moved",
    ),
    "KPI_LOWONGAN_DIISI": (
        "lowongan awal yang diisi",
        "initial vacancies filled",
    ),
    "KPI_PERPINDAHAN_OPD_MAKS": (
        "pejabat berpindah per OPD (maks)",
        "incumbents moved per OPD (max)",
    ),
    "KPI_PORSI_BERUBAH_OPD_MAKS": (
        "porsi berganti pemegang per OPD (maks)",
        "share of holders changed per OPD (max)",
    ),
    "KPI_RANTAI_TERPANJANG": (
        "rantai lowongan terpanjang",
        "longest vacancy chain",
    ),
    "KPI_PORSI_PEREMPUAN_PROMOSI": (
        "porsi perempuan di antara promosi",
        "share of women among promotions",
    ),
    "KPI_LEWAT_MASA_JABATAN_TETAP": (
        "lewat masa jabatan maks tetap di tempat",
        "past max tenure left in place",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_NONE": (
        "tidak ada",
        "none",
    ),
    "PERBANDINGAN_NO_UNIT": (
        "tanpa unit",
        "no unit",
    ),
    "PERBANDINGAN_OF": (
        "dari",
        "of",
    ),
    "PERBANDINGAN_NOT_COMPARED": (
        "tidak dibandingkan (bobot skenario berbeda)",
        "not compared (the scenarios' weights differ)",
    ),
    "PERBANDINGAN_OTHER_HOLDER": (
        "pemegang berbeda",
        "another holder",
    ),
    "PERBANDINGAN_VACANT": (
        "lowong",
        "vacant",
    ),
    "PERBANDINGAN_TITLE": (
        "Perbandingan rencana (untuk pimpinan)",
        "Plan comparison (for the leadership)",
    ),
    "PERBANDINGAN_DIFFER": (
        "Jabatan dengan pemegang berbeda",
        "Posts with another holder",
    ),
    "PERBANDINGAN_ITEM": (
        "butir",
        "item",
    ),
    # report/compare_pdf.py
    "PERBANDINGAN_PDF_TITLE": (
        "Perbandingan Skenario Rencana Penempatan untuk Pimpinan",
        "Comparison of Placement Plan Scenarios for the Leadership",
    ),
    "PERBANDINGAN_PDF_SUMMARY": (
        "Ringkasan per skenario",
        "Summary per scenario",
    ),
    "PERBANDINGAN_PDF_INTRO": (
        "Skenario yang dibandingkan: {names}. Setiap kolom satu skenario; data yang tidak "
        "tercatat ditulis 'tidak tersedia'. Nilai objektif hanya dibandingkan bila bobot semua "
        "skenario sama.",
        "Scenarios compared: {names}. One column per scenario; data not recorded is marked 'not "
        "available'. Objective values are compared only when every scenario has the same "
        "weights.",
    ),
    "PERBANDINGAN_PDF_OPD": (
        "Perpindahan per OPD",
        "Moves per OPD",
    ),
    "PERBANDINGAN_PDF_OPD_HEAD": (
        "OPD",
        "OPD",
    ),
    "PERBANDINGAN_PDF_AGAINST": (
        "{b} dibandingkan dengan {a}: {n} jabatan",
        "{b} against {a}: {n} posts",
    ),
    "PERBANDINGAN_PDF_NONE": (
        "Tidak ada.",
        "None.",
    ),
    "PERBANDINGAN_PDF_FOOTER": (
        "{inst} — perbandingan skenario, tanggal rencana {date}",
        "{inst} — scenario comparison, plan date {date}",
    ),
    # plan/explain.py
    "JPM_RINCIAN_TIDAK_TERSEDIA": (
        "rincian tidak tersedia",
        "breakdown not available",
    ),
    "KOTAK_DIPERTAHANKAN": (
        "dipertahankan, masuk kelompok rencana suksesi, dan rotasi/perluasan atau pengayaan "
        "jabatan",
        "retain, succession pool, and rotation / job enlargement or enrichment",
    ),
    "KOTAK_PENEMPATAN_SESUAI": (
        "penempatan yang sesuai dan bimbingan/pengembangan",
        "suitable placement and coaching",
    ),
    "KOTAK_DIPROMOSIKAN": (
        "dipromosikan dan masuk kelompok rencana suksesi",
        "promote; succession pool",
    ),
    "KOTAK_ROTASI": (
        "rotasi dan pengembangan",
        "rotation and development",
    ),
    "KOTAK_DIPROSES_KETENTUAN": (
        "diproses sesuai ketentuan peraturan perundang-undangan (bukan kandidat penempatan)",
        "handled under the regulations (not a placement candidate)",
    ),
    "SUKU_JPM": (
        "JPM (kesesuaian kompetensi)",
        "JPM (competency match)",
    ),
    "SUKU_NILAI_KOTAK": (
        "nilai kotak talenta",
        "talent box value",
    ),
    "SUKU_PENDIDIKAN": (
        "kesesuaian pendidikan",
        "education match",
    ),
    "SUKU_NILAI_JABATAN": (
        "nilai jabatan terisi",
        "value of a filled post",
    ),
    "SUKU_BIAYA_PINDAH": (
        "biaya perpindahan",
        "move cost",
    ),
    "SUKU_PENALTI_MASA_JABATAN": (
        "penalti lewat masa jabatan",
        "overdue tenure penalty",
    ),
    "SUKU_PENALTI_RUMPUN": (
        "penalti rumpun tidak sesuai",
        "wrong-field penalty",
    ),
    # plan/next_best.py
    "SERI_PEMEGANG_JABATAN": (
        "pemegang jabatan (petahana) didahulukan",
        "the incumbent first",
    ),
    "SERI_TMT_GOLONGAN": (
        "senioritas TMT golongan",
        "seniority by TMT golongan",
    ),
    "SERI_TMT_CPNS": (
        "senioritas TMT CPNS",
        "seniority by TMT CPNS",
    ),
    "SERI_URUTAN_TETAP": (
        "urutan tetap (baris data)",
        "fixed order (input row)",
    ),
    "SYARAT_PENGALAMAN_TIDAK_DIPERIKSA": (
        "Pengalaman jabatan dalam bidang tugas terkait paling kurang {years} tahun kumulatif "
        "({basis}): tidak dapat diperiksa, data riwayat jabatan tidak tersedia; periksa manual",
        "Related-field experience of at least {years} years in total ({basis}): not checked, "
        "the data has no job history; check by hand",
    ),
    # plan/solved.py
    "RENCANA_TEKS_PEMEGANG": (
        "pemegang",
        "holder of",
    ),
    "RENCANA_TEKS_TIDAK_DITEMPATKAN": (
        "(tidak ditempatkan)",
        "(not placed)",
    ),
    "RENCANA_TEKS_SEORANG_PEGAWAI": (
        "seorang pegawai",
        "a person",
    ),
    "RENCANA_TEKS_PEGAWAI_LAIN_NIP": (
        "({others} pegawai lain; NIP dan nama: {hint})",
        "({others} other people; NIP and name: {hint})",
    ),
    # plan/why_not.py
    "MENGAPA_DIPAKSA": (
        "{nip} memenuhi syarat untuk {jabatan_id}; bila dipaksa, objektif turun {loss:.4f} dan "
        "{n} penempatan berubah",
        "{nip} is eligible for {jabatan_id}; forcing it lowers the objective by {loss:.4f} and "
        "changes {n} placements",
    ),
    "MENGAPA_TIDAK_MEMENUHI_SYARAT": (
        "{nip} tidak memenuhi syarat untuk {jabatan_id}: {ids}",
        "{nip} is not eligible for {jabatan_id}: {ids}",
    ),
    "MENGAPA_DI_LUAR_LINGKUP": (
        "Jabatan di luar lingkup rencana atau pegawai bukan kandidat (memegang jabatan di luar "
        "lingkup)",
        "The post is outside the plan's scope or the person is not a candidate",
    ),
    "MENGAPA_SELEKSI_TERBUKA": (
        "Promosi ke JPT melalui seleksi terbuka: pasangan ini hanya masuk daftar pendek",
        "Promotion into JPT goes through open selection: shortlist only",
    ),
    "MENGAPA_DILARANG": (
        "Pasangan ini dilarang di skenario ('larang')",
        "The pair is forbidden in the scenario ('larang')",
    ),
    "MENGAPA_SUDAH_DI_RENCANA": (
        "{nip} sudah ditempatkan di {jabatan_id} dalam rencana",
        "{nip} is already placed in {jabatan_id} in the plan",
    ),
    "MENGAPA_WAJIB_PINDAH": (
        "{nip} wajib pindah dari jabatannya ('wajib_pindah')",
        "{nip} must leave the post ('wajib_pindah')",
    ),
    "MENGAPA_DIPAKSA_TIDAK_LAYAK": (
        "Memaksa {nip} ke {jabatan_id} membuat rencana tidak layak ({status}): bertentangan "
        "dengan kunci, batas perpindahan atau jabatan wajib isi",
        "Forcing {nip} into {jabatan_id} leaves no valid plan ({status})",
    ),
}
