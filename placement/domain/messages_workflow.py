"""Part of the message catalogue (:mod:`placement.domain.messages`):
the workflow's, the studies', the succession's, the solver's, the command line's and the web UI's messages (workflow/, plan/, succession/, solver/assign.py, rules/eligibility.py, cli/, ui/).

Each name → (Indonesian, English) template, ``str.format`` fields by name. :data:`ERRORS` and
:data:`WARNINGS` are codes of their own (always an error / a warning); :data:`SHARED` are
templates named apart from their code, for a code that says something else elsewhere;
:data:`TEXTS` are texts that are not issues (a reason filled into another message, a note).
"""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    # solver/assign.py
    "PENUGASAN_GANDA": (
        "pasangan {pair} tercantum ganda (baris {rows}); cantumkan setiap pasangan sekali",
        "pair {pair} is listed twice (duplicate, row {rows}); list each pair once",
    ),
    # solver/assign.py
    "PENUGASAN_SYARAT": (
        "require harus salah satu dari {requires}, bukan {require!r}",
        "require must be one of {requires}, not {require!r}",
    ),
    # solver/assign.py
    "PENUGASAN_KOLOM": (
        "pairs tidak punya kolom {missing}",
        "pairs lacks column(s) {missing}",
    ),
    # solver/assign.py
    "PENUGASAN_ID_KOSONG": (
        "kolom {column} kosong pada baris {rows}",
        "column {column} is empty on row {rows}",
    ),
    # solver/assign.py
    "PENUGASAN_NILAI": (
        "kolom {column} harus berisi angka hingga; baris {rows} tidak",
        "column {column} must hold finite numbers; row {rows} does not",
    ),
    # solver/assign.py
    "PENUGASAN_MESIN": (
        "backend {backend} (scipy) hanya untuk penugasan penuh: require agents/targets/both",
        "backend {backend} (scipy) needs a full assignment: require agents/targets/both",
    ),
    # ui/offload.py
    "UNGGAHAN_GAGAL": (
        "{file}: berkas tidak dapat dibaca ({detail})",
        "{file}: the file cannot be read ({detail})",
    ),
    # ui/offload.py
    "UNGGAHAN_TERLALU_LAMA": (
        "{file}: pembacaan dihentikan setelah {seconds:g} detik (berkas terlalu rumit atau rusak)",
        "{file}: reading stopped after {seconds:g} s (file too complex or damaged)",
    ),
    # ui/offload.py
    "UNGGAHAN_TERLALU_BESAR": (
        "{file}: pembacaan memerlukan lebih dari {megabytes} MB memori (berkas terlalu besar "
        "atau rusak)",
        "{file}: reading needs more than {megabytes} MB of memory (file too large or damaged)",
    ),
    # cli/scenario_cmd.py
    "VARIAN_TIDAK_ADA": (
        "Varian tidak ada: {variant}",
        "Unknown variant: {variant}",
    ),
    # cli/solve_cmd.py
    "RENCANA_TIDAK_TERBACA": (
        "Rencana tidak dapat dibaca: {exc}",
        "Cannot read the plan: {exc}",
    ),
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
    # rules/eligibility.py
    "LINGKUP_OPD": (
        "OPD di lingkup tidak ada di data jabatan: {unknown}",
        "OPDs in lingkup are not in the jabatan data: {unknown}",
    ),
    # solver/assign.py
    "PENUGASAN_TIDAK_MUNGKIN": (
        "Penugasan penuh tidak mungkin: {n_members} {own_id} ({names}) hanya terdaftar dengan "
        "{n_neighbours} {other_id} ({partners}).",
        "Full assignment impossible: {n_members} {own_en} ({names}) list only {n_neighbours} "
        "{other_en} ({partners}).",
    ),
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
    # succession/talent_map.py
    "PUTARAN_KOLOM_HILANG": (
        "Kolom '{col}' tidak ada di tabel pegawai putaran sebelumnya",
        "Column '{col}' is missing from the previous round's pegawai table",
    ),
    # succession/talent_map.py
    "PUTARAN_NIP_KOSONG": (
        "NIP kosong",
        "NIP is empty",
    ),
    # succession/talent_map.py
    "PUTARAN_NIP_GANDA": (
        "NIP {nip} sudah ada di baris {seen}",
        "NIP {nip} already appears in row {seen}",
    ),
    # succession/talent_map.py
    "PUTARAN_KOTAK": (
        "kotak_talenta '{text}' harus bilangan bulat 1–9 atau kosong",
        "kotak_talenta '{text}' must be a whole number 1–9 or empty",
    ),
    # ui/siasn_import.py
    "PERAN_TIDAK_DIKENAL": (
        "Jenis berkas tidak dikenal",
        "Unknown kind of file",
    ),
    # ui/siasn_import.py
    "IMPOR_BERKAS_KURANG": (
        "Unggah ekspor SIASN dan peta jabatan lebih dulu",
        "Upload the SIASN export and the peta jabatan first",
    ),
    # ui/workspace.py
    "UNGGAHAN_KOSONG": (
        "Belum ada file yang diunggah",
        "No file has been uploaded",
    ),
    # ui/workspace.py
    "UNGGAHAN_CAMPUR": (
        "Unggah satu file .xlsx saja, atau file .csv saja (bukan keduanya)",
        "Upload one .xlsx file, or .csv files only (not both)",
    ),
    # ui/workspace.py
    "DATA_BELUM_SIAP": (
        "Data belum ada atau belum valid; buka halaman Data",
        "There is no valid data yet; open the Data page",
    ),
    # ui/workspace.py
    "RUN_SEDANG_BERJALAN": (
        "Sudah ada run yang berjalan",
        "A run is already going",
    ),
    # ui/workspace.py
    "FOLDER_PENUH": (
        "Tidak dapat membuat folder di {root}",
        "Cannot create a folder in {root}",
    ),
    # ui/workspace.py
    "SKENARIO_TERLALU_BESAR": (
        "Skenario melebihi {megabytes} MB setelah alias YAML diuraikan",
        "The scenario exceeds {megabytes} MB once YAML aliases are expanded",
    ),
    # workflow/batch.py
    "BATCH_NAMA_GANDA": (
        "Nama folder data ganda (keluaran akan bertabrakan): {twice}",
        "Duplicate data folder names (their outputs would collide): {twice}",
    ),
    # workflow/edit.py
    "NILAI_TIDAK_TERBACA": (
        "Nilai '{text}' tidak terbaca: {reason}",
        "Value '{text}' cannot be read: {reason}",
    ),
    # workflow/executors.py
    "DASK_TIDAK_TERPASANG": (
        "--executor dask perlu paket tambahan: pip install 'placement[cluster]'",
        "--executor dask needs the extra packages: pip install 'placement[cluster]'",
    ),
    # workflow/executors.py
    "KLASTER_TIDAK_TERHUBUNG": (
        "Tidak dapat terhubung ke klaster Dask di {address}: {exc}",
        "Cannot connect to the Dask cluster at {address}: {exc}",
    ),
    # workflow/executors.py
    "KLASTER_TANPA_DASK": (
        "--cluster hanya berlaku dengan --executor dask",
        "--cluster only applies with --executor dask",
    ),
    # workflow/instansi.py
    "INSTANSI_KOSONG": (
        "Jabatan {post} tidak punya instansi, padahal data berisi {n_names} instansi",
        "Post {post} has no instansi while the data holds {n_names} instansi",
    ),
    # workflow/instansi.py
    "INSTANSI_BEDA_JABATAN": (
        "Pegawai {nip} berinstansi {instansi} tetapi memegang jabatan {post} milik {owner}",
        "Person {nip} of instansi {instansi} holds post {post} of {owner}",
    ),
    # workflow/instansi.py
    "INSTANSI_NIP_GANDA": (
        "NIP {nip} muncul lebih dari sekali (mungkin di dua instansi)",
        "NIP {nip} appears more than once (perhaps in two instansi)",
    ),
    # workflow/studies.py
    "DATA_BERUBAH": (
        "File data di {source} berbeda dari yang dipakai rencana di {out} ({names}); jalankan "
        "'placement solve' lagi atau berikan --data folder data yang asli",
        "The data files in {source} differ from those of the plan in {out} ({names})",
    ),
    # workflow/studies.py
    "RENCANA_BERBEDA": (
        "Rencana yang disusun ulang tidak sama dengan yang tercatat di hasil.json; jalankan "
        "'placement solve' lagi",
        "The re-solved plan differs from the one recorded in hasil.json; run 'placement solve' "
        "again",
    ),
}


WARNINGS: dict[str, tuple[str, str]] = {}


SHARED: dict[str, tuple[str, str]] = {
    # workflow/edit.py (code SKENARIO_NIP_TIDAK_DIKENAL, here a warning)
    "LARANG_NIP_TIDAK_DIKENAL": (
        "NIP {nip} di 'larang' tidak ada di data pegawai; larangan ini tidak berlaku",
        "NIP {nip} in 'larang' is not in the pegawai data; this ban has no effect",
    ),
    # workflow/edit.py (code SKENARIO_JABATAN_TIDAK_DIKENAL, here a warning)
    "LARANG_JABATAN_TIDAK_DIKENAL": (
        "jabatan_id {jabatan_id} di 'larang' tidak ada di data jabatan; larangan ini tidak berlaku",
        "jabatan_id {jabatan_id} in 'larang' is not in the jabatan data; this ban has no effect",
    ),
    # cli/scenario_cmd.py (code VARIAN_TIDAK_ADA)
    "VARIAN_TIDAK_ADA_DAFTAR": (
        "Varian tidak ada: {unknown}; yang ada: {all_variants}",
        "Unknown variant(s): {unknown}; available: {all_variants}",
    ),
    # succession/readiness.py (code JABATAN_DI_LUAR_LINGKUP)
    "SUKSESI_JABATAN_DI_LUAR_LINGKUP": (
        "jabatan_id {outside} di luar lingkup skenario (lingkup.opd / lingkup.jenis_jabatan)",
        "jabatan_id {outside} is outside the scenario's scope (lingkup)",
    ),
    # ui/pages/plan.py (code NIP_TIDAK_ADA)
    "UI_NIP_TIDAK_ADA": (
        "NIP tidak ada di data",
        "The NIP is not in the data",
    ),
    # workflow/instansi.py (code INSTANSI_KOSONG)
    "INSTANSI_PEGAWAI_KOSONG": (
        "Pegawai {nip} tidak punya instansi dan tidak memegang jabatan, padahal data berisi "
        "{n_names} instansi: isi kolom instansi",
        "Person {nip} has no instansi and holds no post while the data holds {n_names} "
        "instansi: fill in the instansi column",
    ),
    # workflow/instansi.py (code BATCH_NAMA_GANDA)
    "INSTANSI_NAMA_GANDA": (
        "Nama instansi menjadi folder yang sama: {twice}",
        "Instansi names give the same folder: {twice}",
    ),
    # workflow/studies.py (code DATA_TIDAK_DISEBUT)
    "DATA_TIDAK_TERCATAT": (
        "Folder data tidak tercatat di hasil.json; berikan --data DIR",
        "hasil.json records no data folder; pass --data DIR",
    ),
    # workflow/variants.py (code DATA_TIDAK_DISEBUT)
    "DATA_TIDAK_DISEBUT_VARIAN": (
        "Folder data tidak disebut: berikan --data DIR atau kunci 'data:' di skenario",
        "No data folder given: pass --data DIR or set 'data:' in the scenario",
    ),
}


TEXTS: dict[str, tuple[str, str]] = {
    # config.py
    "TANGGAL_DARI_ARGUMEN": (
        "dari argumen --date",
        "from the --date argument",
    ),
    # config.py
    "TANGGAL_DARI_SKENARIO": (
        "dari skenario",
        "from the scenario",
    ),
    # config.py
    "TANGGAL_BAWAAN": (
        "bawaan: hari ini",
        "default: today",
    ),
    # plan/compare.py
    "KPI_TIDAK_DIBANDINGKAN": (
        " — tidak dibandingkan: bobot skenario berbeda",
        " — not compared: the scenarios' weights differ",
    ),
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
    # succession/talent_map.py
    "PETA_TALENTA_TANPA_KOTAK": (
        "tanpa kotak",
        "no box",
    ),
    # succession/talent_map.py
    "PETA_TALENTA_TIDAK_DI_PUTARAN": (
        "tidak ada di putaran",
        "not in the round",
    ),
    # succession/talent_map.py
    "KINERJA_DI_BAWAH": (
        "di bawah ekspektasi",
        "below expectations",
    ),
    # succession/talent_map.py
    "KINERJA_SESUAI": (
        "sesuai ekspektasi",
        "meets expectations",
    ),
    # succession/talent_map.py
    "KINERJA_DI_ATAS": (
        "di atas ekspektasi",
        "above expectations",
    ),
    # succession/sheets.py
    "SUKSESI_BELUM_ADA_SIAP": (
        "belum ada yang siap sekarang",
        "nobody ready now",
    ),
    # succession/sheets.py
    "SUKSESI_PERLU_PENGEMBANGAN": (
        "perlu pengembangan",
        "needs development",
    ),
    # succession/sheets.py
    "SUKSESI_SIAP_SEKARANG": (
        "siap sekarang",
        "ready now",
    ),
    # succession/sheets.py
    "SUKSESI_SIAP_HORIZON": (
        "siap 1–{horizon_years} tahun",
        "ready in 1–{horizon_years} years",
    ),
    # succession/sheets.py
    "SUKSESI_SIAP_SETAHUN": (
        "siap ≤ 1 tahun",
        "ready within 1 year",
    ),
    # succession/sheets.py
    "SUKSESI_KETERANGAN_SEKARANG": (
        "layak pada tanggal rencana menurut aturan; urut skor total optimiser",
        "eligible on the plan date under the rules; ranked by the optimiser's total",
    ),
    # succession/sheets.py
    "SUKSESI_KETERANGAN_HORIZON": (
        "hanya terhalang aturan waktu (masa jabatan, pengalaman jenjang, hukuman disiplin); "
        "tanggal siap = hari aturan terakhir berhenti menghalangi, diperiksa mesin aturan pada "
        "tanggal itu (termasuk BUP_DEKAT dan USIA_JPT)",
        "blocked only by time-based rules (tenure, experience in the level, disciplinary "
        "sanction); ready date = the day the last one stops blocking, checked by the rule "
        "engine on that day (BUP_DEKAT and USIA_JPT included)",
    ),
    # succession/sheets.py
    "SUKSESI_KETERANGAN_PENGEMBANGAN": (
        "kotak 7–9, terhalang aturan yang dapat dikembangkan: ",
        "box 7–9, blocked by developable rules: ",
    ),
    # cli/batch_cmd.py
    "CLI_BATCH_PERCOBAAN": (
        " (percobaan {attempts})",
        " (attempt {attempts})",
    ),
    # cli/batch_cmd.py
    "CLI_BATCH_RINGKASAN": (
        "Ringkasan: ",
        "Summary: ",
    ),
    # cli/batch_cmd.py
    "CLI_BATCH_TIDAK_ADA_RENCANA": (
        "tidak ada rencana",
        "no plan",
    ),
    # cli/data_cmds.py
    "CLI_DATA_DITULIS": (
        "Ditulis: {path}",
        "Written: {path}",
    ),
    # cli/eligibility_cmd.py
    "CLI_KELAYAKAN_LAYAK_TERBAIK_DAHULU": (
        "LAYAK (terbaik dahulu):",
        "ELIGIBLE (best first):",
    ),
    # cli/eligibility_cmd.py
    "CLI_KELAYAKAN_DITOLAK_PER_ATURAN": (
        "DITOLAK, per aturan:",
        "REFUSED, by rule:",
    ),
    # cli/eligibility_cmd.py
    "CLI_KELAYAKAN_DITOLAK_PERTAMA": (
        "DITOLAK ({top} pertama):",
        "REFUSED (first {top}):",
    ),
    # cli/eligibility_cmd.py
    "CLI_KELAYAKAN_PELONGGARAN": (
        "PELONGGARAN: ",
        "RELAXATION: ",
    ),
    # cli/eligibility_cmd.py
    "CLI_KELAYAKAN_LAYAK": (
        "Layak",
        "Eligible",
    ),
    # cli/eligibility_cmd.py
    "CLI_KELAYAKAN_DITOLAK": (
        "Ditolak",
        "Refused",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_DOSIR_DITULIS_KE": (
        "Dosir ditulis ke {path}",
        "Dossier written to {path}",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_JABATAN_LOWONG_DALAM": (
        "Jabatan {jabatan} lowong dalam rencana.",
        "Post {jabatan} is vacant in the plan.",
    ),
    # cli/generate_cmd.py
    "CLI_BUAT_PILIH_TEPAT_SATU": (
        "Pilih tepat satu: --preset atau --jabatan.",
        "Give exactly one of --preset or --jabatan.",
    ),
    # cli/generate_cmd.py
    "CLI_BUAT_MEMBUAT_WILAYAH_SINTETIS": (
        "Membuat wilayah sintetis '{preset}' (±{n} ASN), mohon tunggu…",
        "Generating synthetic region '{preset}' (about {n} ASN), please wait…",
    ),
    # cli/instansi_split.py
    "CLI_INSTANSI_PEGAWAI_DARI_INSTANSI": (
        "{outside} pegawai dari instansi tanpa jabatan di data tidak ikut ({names})",
        "{outside} people of instansi without posts in the data left out ({names})",
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
    # succession/talent_map.py
    "PETA_TALENTA_JUMLAH": (
        "jumlah",
        "total",
    ),
    # succession/talent_map.py
    "PETA_TALENTA_POTENSI": (
        "potensi",
        "potential",
    ),
    # plan/compare.py
    "KPI_KOLOM_KETERANGAN": (
        "keterangan",
        "label",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_PERSETUJUAN": (
        "persetujuan",
        "approval",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_BERLAKU_BILA": (
        "berlaku bila",
        "applies when",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_DASAR_HUKUM": (
        "dasar hukum",
        "legal basis",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_JENIS": (
        "jenis",
        "kind",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_AKTIF": (
        "aktif",
        "active",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_URAIAN": (
        "uraian",
        "description",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_PARAMETER": (
        "parameter",
        "parameters",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_DIUBAH": (
        "diubah",
        "changed",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_YA": (
        "ya",
        "yes",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_TIDAK": (
        "tidak",
        "no",
    ),
    # plan/compare.py
    "KPI_OBJEKTIF": (
        "objektif (satuan skor)",
        "objective (score units)",
    ),
    # plan/compare.py
    "KPI_JABATAN_TERISI": (
        "jabatan terisi",
        "posts filled",
    ),
    # plan/compare.py
    "KPI_PORSI_TERISI": (
        "porsi jabatan terisi",
        "share of posts filled",
    ),
    # plan/compare.py
    "KPI_LOWONG": (
        "jabatan lowong",
        "posts left vacant",
    ),
    # plan/compare.py
    "KPI_JPM_RATA": (
        "JPM rata-rata pemegang",
        "mean JPM of holders",
    ),
    # plan/compare.py
    "KPI_JPM_MIN": (
        "JPM terendah pemegang",
        "lowest JPM of holders",
    ),
    # plan/compare.py
    "KPI_PORSI_KOTAK7": (
        "porsi jabatan dipegang kotak ≥ 7",
        "share of posts held by box ≥ 7",
    ),
    # plan/compare.py
    "KPI_PROMOSI": (
        "promosi",
        "promotions",
    ),
    # plan/compare.py
    "KPI_ROTASI": (
        "rotasi",
        "rotations",
    ),
    # plan/compare.py
    "KPI_MUTASI": (
        "mutasi",
        "transfers",
    ),
    # plan/compare.py
    "KPI_DEMOSI": (
        "demosi",
        "demotions",
    ),
    # plan/compare.py
    "KPI_ALIH_JENIS": (
        "alih jenis (JF ke jabatan administrasi)",
        "JF into administration posts",
    ),
    # plan/compare.py
    "KPI_NON_JOB": (
        "non-job",
        "non-job",
    ),
    # plan/compare.py
    "KPI_PEJABAT_BERPINDAH": (
        "pejabat lama yang berpindah",
        "incumbents moved",
    ),
    # plan/compare.py
    "KPI_LOWONGAN_DIISI": (
        "lowongan awal yang diisi",
        "initial vacancies filled",
    ),
    # plan/compare.py
    "KPI_PERPINDAHAN_OPD_MAKS": (
        "pejabat berpindah per OPD (maks)",
        "incumbents moved per OPD (max)",
    ),
    # plan/compare.py
    "KPI_PORSI_BERUBAH_OPD_MAKS": (
        "porsi berganti pemegang per OPD (maks)",
        "share of holders changed per OPD (max)",
    ),
    # plan/compare.py
    "KPI_RANTAI_TERPANJANG": (
        "rantai lowongan terpanjang",
        "longest vacancy chain",
    ),
    # plan/compare.py
    "KPI_PORSI_PEREMPUAN_PROMOSI": (
        "porsi perempuan di antara promosi",
        "share of women among promotions",
    ),
    # plan/compare.py
    "KPI_LEWAT_MASA_JABATAN_TETAP": (
        "lewat masa jabatan maks tetap di tempat",
        "past max tenure left in place",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_NONE": (
        "tidak ada",
        "none",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_NO_DATA": (
        "tidak ada data",
        "no data",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_NO_UNIT": (
        "tanpa unit",
        "no unit",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_OF": (
        "dari",
        "of",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_NOT_COMPARED": (
        "tidak dibandingkan (bobot skenario berbeda)",
        "not compared (the scenarios' weights differ)",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_OTHER_HOLDER": (
        "pemegang berbeda",
        "another holder",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_VACANT": (
        "lowong",
        "vacant",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_TITLE": (
        "Perbandingan rencana (untuk pimpinan)",
        "Plan comparison (for the leadership)",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_DIFFER": (
        "Jabatan dengan pemegang berbeda",
        "Posts with another holder",
    ),
    # plan/compare_readable.py
    "PERBANDINGAN_ITEM": (
        "butir",
        "item",
    ),
    # report/compare_pdf.py
    "PERBANDINGAN_PDF_TITLE": (
        "Perbandingan Skenario Rencana Penempatan untuk Pimpinan",
        "Comparison of Placement Plan Scenarios for the Leadership",
    ),
    # report/compare_pdf.py
    "PERBANDINGAN_PDF_SUMMARY": (
        "Ringkasan per skenario",
        "Summary per scenario",
    ),
    # report/compare_pdf.py
    "PERBANDINGAN_PDF_INTRO": (
        "Skenario yang dibandingkan: {names}. Setiap kolom satu skenario; data yang tidak "
        "tercatat ditulis 'tidak tersedia'. Nilai objektif hanya dibandingkan bila bobot semua "
        "skenario sama.",
        "Scenarios compared: {names}. One column per scenario; data not recorded is marked 'not "
        "available'. Objective values are compared only when every scenario has the same "
        "weights.",
    ),
    # report/compare_pdf.py
    "PERBANDINGAN_PDF_OPD": (
        "Perpindahan per OPD",
        "Moves per OPD",
    ),
    # report/compare_pdf.py
    "PERBANDINGAN_PDF_OPD_HEAD": (
        "OPD",
        "OPD",
    ),
    # report/compare_pdf.py
    "PERBANDINGAN_PDF_AGAINST": (
        "{b} dibandingkan dengan {a}: {n} jabatan",
        "{b} against {a}: {n} posts",
    ),
    # report/compare_pdf.py
    "PERBANDINGAN_PDF_NONE": (
        "Tidak ada.",
        "None.",
    ),
    # report/compare_pdf.py
    "PERBANDINGAN_PDF_FOOTER": (
        "{inst} — perbandingan skenario, tanggal rencana {date}",
        "{inst} — scenario comparison, plan date {date}",
    ),
    # rules/scoring.py
    "KATEGORI_SKOR_MEMENUHI": (
        "memenuhi syarat",
        "meets the requirements",
    ),
    # rules/scoring.py
    "KATEGORI_SKOR_MASIH": (
        "masih memenuhi syarat",
        "still meets the requirements",
    ),
    # rules/scoring.py
    "KATEGORI_SKOR_KURANG": (
        "kurang memenuhi syarat",
        "below the requirements",
    ),
    # rules/scoring.py
    "KATEGORI_SKOR_TANPA_DATA": (
        "tidak ada data",
        "no data",
    ),
    # succession/future.py
    "ALASAN_LOWONG_BUP": (
        "batas usia pensiun (BUP)",
        "retirement age (BUP)",
    ),
    # succession/future.py
    "ALASAN_LOWONG_MASA_JABATAN_MAKS": (
        "melewati masa jabatan maksimum (dapat diperpanjang)",
        "past the maximum tenure (may be extended)",
    ),
    # succession/future.py
    "ALASAN_LOWONG_SOTK_DIBENTUK": (
        "SOTK: jabatan dibentuk",
        "SOTK: post created",
    ),
    # succession/future.py
    "ALASAN_LOWONG_SOTK_DIHAPUS": (
        "SOTK: jabatan dihapus (pemegang perlu jabatan baru)",
        "SOTK: post abolished (the holder needs a new post)",
    ),
    # succession/readiness.py
    "PENGEMBANGAN_KOTAK_TALENTA_MIN": (
        "pengembangan kinerja dan potensi sampai kotak talenta minimum",
        "develop performance and potential up to the minimum talent box",
    ),
    # succession/readiness.py
    "PENGEMBANGAN_KOMPETENSI_ADA": (
        "ikut uji kompetensi / asesmen",
        "take the competency assessment",
    ),
    # succession/readiness.py
    "PENGEMBANGAN_SKP_PROMOSI": (
        "capai predikat kinerja minimum dalam penilaian berikutnya",
        "reach the minimum performance rating in the next appraisals",
    ),
    # succession/readiness.py
    "PENGEMBANGAN_PENDIDIKAN_MIN": (
        "tugas belajar / izin belajar sampai pendidikan minimum",
        "study leave up to the minimum education",
    ),
    # succession/readiness.py
    "PENGEMBANGAN_GOL_MIN_ESELON": (
        "kenaikan pangkat sampai golongan minimum (tidak diproyeksikan otomatis)",
        "promotion in grade up to the minimum golongan (not projected)",
    ),
    # succession/readiness.py
    "PENGEMBANGAN_RUMPUN_SESUAI": (
        "pendidikan/pelatihan di rumpun jabatan",
        "education/training in the post's field",
    ),
    # succession/readiness.py
    "PENGEMBANGAN_JOB_FIT_JPT": (
        "pengembangan lalu uji job fit ulang",
        "development, then a new job-fit test",
    ),
    # workflow/edit.py
    "JENIS_ATURAN_HARD": (
        "keras",
        "hard",
    ),
    # workflow/edit.py
    "JENIS_ATURAN_SOFT": (
        "lunak",
        "soft",
    ),
    # workflow/edit.py
    "JENIS_ATURAN_SCORE": (
        "skor",
        "score",
    ),
    # cli/eligibility_cmd.py
    "CLI_KELAYAKAN_STATUS_LAYAK": (
        "layak",
        "eligible",
    ),
    # cli/eligibility_cmd.py
    "CLI_KELAYAKAN_STATUS_DAFTAR_PENDEK": (
        "daftar pendek",
        "shortlist",
    ),
    # cli/eligibility_cmd.py
    "CLI_KELAYAKAN_STATUS_DITOLAK": (
        "ditolak",
        "refused",
    ),
    # plan/explain.py
    "JPM_RINCIAN_TIDAK_TERSEDIA": (
        "rincian tidak tersedia",
        "breakdown not available",
    ),
    # plan/explain.py
    "KOTAK_DIPERTAHANKAN": (
        "dipertahankan, masuk kelompok rencana suksesi, dan rotasi/perluasan atau pengayaan "
        "jabatan",
        "retain, succession pool, and rotation / job enlargement or enrichment",
    ),
    # plan/explain.py
    "KOTAK_PENEMPATAN_SESUAI": (
        "penempatan yang sesuai dan bimbingan/pengembangan",
        "suitable placement and coaching",
    ),
    # plan/explain.py
    "KOTAK_DIPROMOSIKAN": (
        "dipromosikan dan masuk kelompok rencana suksesi",
        "promote; succession pool",
    ),
    # plan/explain.py
    "KOTAK_ROTASI": (
        "rotasi dan pengembangan",
        "rotation and development",
    ),
    # plan/explain.py
    "KOTAK_DIPROSES_KETENTUAN": (
        "diproses sesuai ketentuan peraturan perundang-undangan (bukan kandidat penempatan)",
        "handled under the regulations (not a placement candidate)",
    ),
    # plan/explain.py
    "SUKU_JPM": (
        "JPM (kesesuaian kompetensi)",
        "JPM (competency match)",
    ),
    # plan/explain.py
    "SUKU_NILAI_KOTAK": (
        "nilai kotak talenta",
        "talent box value",
    ),
    # plan/explain.py
    "SUKU_PENDIDIKAN": (
        "kesesuaian pendidikan",
        "education match",
    ),
    # plan/explain.py
    "SUKU_NILAI_JABATAN": (
        "nilai jabatan terisi",
        "value of a filled post",
    ),
    # plan/explain.py
    "SUKU_BIAYA_PINDAH": (
        "biaya perpindahan",
        "move cost",
    ),
    # plan/explain.py
    "SUKU_PENALTI_MASA_JABATAN": (
        "penalti lewat masa jabatan",
        "overdue tenure penalty",
    ),
    # plan/explain.py
    "SUKU_PENALTI_RUMPUN": (
        "penalti rumpun tidak sesuai",
        "wrong-field penalty",
    ),
    # plan/explain.py
    "SERI_PEMEGANG_JABATAN": (
        "pemegang jabatan (petahana) didahulukan",
        "the incumbent first",
    ),
    # plan/explain.py
    "SERI_TMT_GOLONGAN": (
        "senioritas TMT golongan",
        "seniority by TMT golongan",
    ),
    # plan/explain.py
    "SERI_TMT_CPNS": (
        "senioritas TMT CPNS",
        "seniority by TMT CPNS",
    ),
    # plan/explain.py
    "SERI_URUTAN_TETAP": (
        "urutan tetap (baris data)",
        "fixed order (input row)",
    ),
    # plan/explain.py
    "SYARAT_PENGALAMAN_TIDAK_DIPERIKSA": (
        "Pengalaman jabatan dalam bidang tugas terkait paling kurang {years} tahun kumulatif "
        "({basis}): tidak dapat diperiksa, data riwayat jabatan tidak tersedia; periksa manual",
        "Related-field experience of at least {years} years in total ({basis}): not checked, "
        "the data has no job history; check by hand",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_DARI_HASIL_ASESMEN": (
        "dari hasil asesmen",
        "from the assessment",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_STANDAR": (
        "standar",
        "std",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_AKTUAL": (
        "aktual",
        "actual",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_KOTAK_TALENTA": (
        "Kotak talenta",
        "Talent box",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_SKOR_TOTAL": (
        "Skor total",
        "Total",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_RANTAI_KEKOSONGAN": (
        "Rantai kekosongan",
        "Vacancy chain",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_SERI_DIPUTUS_OLEH": (
        "seri, diputus oleh",
        "tie, decided by",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_KEHILANGAN_OBJEKTIF_BILA": (
        "kehilangan objektif bila dipaksa",
        "objective loss if forced",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_DIPAKSA": (
        "dipaksa",
        "forced",
    ),
    # plan/solved.py
    "RENCANA_TEKS_PEMEGANG": (
        "pemegang",
        "holder of",
    ),
    # succession/text.py
    "SUKSESI_TEKS_LAGI": (
        "lagi",
        "more",
    ),
    # succession/text.py
    "SUKSESI_TEKS_PEMEGANG": (
        "pemegang",
        "holder",
    ),
    # succession/text.py
    "SUKSESI_TEKS_LOWONG_MULAI": (
        "lowong mulai",
        "vacant from",
    ),
    # succession/text.py
    "SUKSESI_TEKS_KOTAK": (
        "kotak",
        "box",
    ),
    # succession/text.py
    "SUKSESI_TEKS_SIAP": (
        "siap",
        "ready",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_ATURAN": (
        "  Aturan:",
        "  Rules:",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_SUKU_SKOR": (
        "  Suku skor:",
        "  Score terms:",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_KANDIDAT_BERIKUTNYA": (
        "  Kandidat berikutnya:",
        "  Next-best candidates:",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_PENEMPATAN_YANG_BERUBAH": (
        "  Penempatan yang berubah (di rencana → bila dipaksa):",
        "  Placements that change (in the plan → if forced):",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_TIDAK_DAPAT_DIPERIKSA": (
        "  Tidak dapat diperiksa:",
        "  Not checked:",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_TIDAK_ADA": (
        "    (tidak ada)",
        "    (none)",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_PEGAWAI_LAIN_NIP": (
        "  ({n_alts} pegawai lain; NIP dan nama: --rinci)",
        "  ({n_alts} other people; NIP and name: --rinci)",
    ),
    # plan/solved.py
    "RENCANA_TEKS_TIDAK_DITEMPATKAN": (
        "(tidak ditempatkan)",
        "(not placed)",
    ),
    # plan/solved.py
    "RENCANA_TEKS_SEORANG_PEGAWAI": (
        "seorang pegawai",
        "a person",
    ),
    # plan/solved.py
    "RENCANA_TEKS_PEGAWAI_LAIN_NIP": (
        "({others} pegawai lain; NIP dan nama: {hint})",
        "({others} other people; NIP and name: {hint})",
    ),
    # succession/text.py
    "SUKSESI_TEKS_SUKSESI_PER_HORIZON": (
        "Suksesi per {plan}, horizon {h} tahun (s.d. {end}); {n_posts} jabatan",
        "Succession on {plan}, horizon {h} years (until {end}); {n_posts} posts",
    ),
    # succession/text.py
    "SUKSESI_TEKS_JABATAN_TANPA_PENERUS": (
        "Jabatan tanpa penerus siap sekarang: {none_now}; tanpa penerus dalam horizon: {none_all}",
        "Posts without a successor ready now: {none_now}; without any in the horizon: {none_all}",
    ),
    # succession/text.py
    "SUKSESI_TEKS_LOWONG_MENDATANG_SUDAH": (
        "Lowong mendatang: {future} (+ {past} sudah lewat pada tanggal rencana)",
        "Future vacancies: {future} (+ {past} already past on the plan date)",
    ),
    # succession/text.py
    "SUKSESI_TEKS_SELURUH_DAERAH": (
        "seluruh daerah",
        "whole region",
    ),
    # succession/text.py
    "SUKSESI_TEKS_PETA_TALENTA_KOTAK": (
        "Peta talenta (kotak 9), {where}:",
        "Talent map (9-box), {where}:",
    ),
    # succession/text.py
    "SUKSESI_TEKS_KRITIS": (
        " [kritis]",
        " [critical]",
    ),
    # succession/text.py
    "SUKSESI_TEKS_LOWONG": (
        "; lowong",
        "; vacant",
    ),
    # succession/text.py
    "SUKSESI_TEKS_PASANGAN_PENERUS": (
        "Pasangan penerus: ",
        "Successor pairs: ",
    ),
    # succession/text.py
    "SUKSESI_TEKS_PERPINDAHAN_KOTAK_PUTARAN": (
        "Perpindahan kotak (putaran sebelumnya → sekarang):",
        "Box transitions (previous round → now):",
    ),
    # succession/text.py
    "SUKSESI_TEKS_JABATAN_TANPA_PENERUS_2": (
        "Jabatan tanpa penerus siap sekarang (20 pertama):",
        "Posts without a successor ready now (first 20):",
    ),
    # cli/privacy_cmd.py, cli/scenario_cmd.py: short words of a line
    "CLI_KUNCI_DIBUAT": ("dibuat", "created"),
    "CLI_KUNCI_DIPERBARUI": ("diperbarui", "updated"),
    "CLI_GERBANG": ("gerbang", "gate"),
    # cli/privacy_cmd.py
    "CLI_SAMARAN_DITULIS": (
        "Data samaran ({people} pegawai) ditulis ke {out_dir}/: {files}",
        "Pseudonymised data ({people} people) written to {out_dir}/: {files}",
    ),
    # cli/privacy_cmd.py
    "CLI_SAMARAN_RINCIAN": (
        "Disamarkan: nip, nama (dan nip di kompetensi); kolom tak dikenal dibuang. Tetap: "
        "tanggal lahir, TMT, jenis kelamin, golongan, jabatan, unit kerja, pendidikan, kotak "
        "talenta, kinerja, hukuman disiplin, kompetensi.",
        "Masked: nip, nama (and nip in kompetensi); unknown columns dropped. Kept: birth date, "
        "TMTs, gender, grade, post, unit, education, talent box, performance, discipline, "
        "competencies.",
    ),
    # cli/privacy_cmd.py
    "CLI_KUNCI_PERINGATAN": (
        "PERINGATAN: file kunci {action}: {key_path}. File ini RAHASIA (kunci dan peta ke NIP "
        "dan nama asli): jangan dibagikan; simpan untuk 'placement depseudonymize'.",
        "WARNING: key file {action}: {key_path}. This file is SECRET (key and map to the "
        "original NIPs and names): do not share it; keep it for 'placement depseudonymize'.",
    ),
    # cli/privacy_cmd.py
    "CLI_ASLI_DITULIS": (
        "Rencana dengan NIP dan nama asli ditulis ke {out_dir}/ ({n_written} file).",
        "Plan with the original NIPs and names written to {out_dir}/ ({n_written} files).",
    ),
    # cli/privacy_cmd.py
    "CLI_ASLI_PRIBADI": (
        "Folder ini berisi data pribadi: jangan dibagikan.",
        "This folder holds personal data: do not share it.",
    ),
    # cli/privacy_cmd.py
    "CLI_SAMARAN_BENTROK": (
        "Nomor urut bentrok diselesaikan: {collisions}; samaran lama dipakai lagi: {reused}.",
        "Sequence collisions resolved: {collisions}; earlier pseudonyms reused: {reused}.",
    ),
    # cli/privacy_cmd.py
    "CLI_SAMARAN_PERINGATAN_DATA": (
        "{n_warnings} peringatan data (lihat 'placement validate').",
        "{n_warnings} data warning(s) (see 'placement validate').",
    ),
    # cli/scenario_cmd.py
    "CLI_PER_JENIS": (
        "Per jenis perpindahan (rencana pertama -> rencana lain):",
        "Per move kind (first plan -> other plan):",
    ),
    # cli/scenario_cmd.py
    "CLI_DITULIS_KE": (
        "Ditulis ke {out_file}",
        "Written to {out_file}",
    ),
    # cli/scenario_cmd.py
    "CLI_FRONTIER_DITULIS": (
        "File ditulis ke {out_dir}/: frontier.csv, frontier.png",
        "Files written to {out_dir}/: frontier.csv, frontier.png",
    ),
    # cli/scenario_cmd.py
    "CLI_VARIAN_MENYELESAIKAN": (
        "Varian {name}: menyelesaikan; {day}",
        "Variant {name}: solving; {day}",
    ),
    # cli/scenario_cmd.py
    "CLI_GERBANG_LULUS": (
        "Gerbang: {passed} dari {total} lulus",
        "Gates: {passed} of {total} passed",
    ),
    # cli/scenario_cmd.py
    "CLI_JABATAN_BERBEDA": (
        "Jabatan dengan pemegang berbeda: {n_posts}",
        "Posts with a different holder: {n_posts}",
    ),
    # cli/scenario_cmd.py
    "CLI_PEGAWAI_BERBEDA": (
        "Pegawai dengan penempatan berbeda: {n_people}",
        "People placed differently: {n_people}",
    ),
    # cli/scenario_cmd.py
    "CLI_VARIAN_TANPA_RENCANA": (
        "{name}: status {status}, tidak ada rencana",
        "{name}: status {status}, no plan",
    ),
    # cli/scenario_cmd.py
    "CLI_KPI_TEKNIS": (
        "KPI teknis:",
        "Technical KPIs:",
    ),
    # cli/scenario_cmd.py
    "CLI_RINCIAN_PEGAWAI": (
        "Rincian per pegawai:",
        "Per person:",
    ),
    # cli/scenario_cmd.py
    "CLI_RINCIAN_PETUNJUK": (
        "(Rincian per pegawai dengan NIP: --rinci atau --out FILE)",
        "(Per-person list with NIPs: --rinci or --out FILE)",
    ),
    # cli/scenario_cmd.py
    "CLI_FORMAT_PERLU_OUT": (
        "--format {fmt} memerlukan --out FILE",
        "--format {fmt} needs --out FILE",
    ),
    # plan/explain.py
    "MENGAPA_DIPAKSA": (
        "{nip} memenuhi syarat untuk {jabatan_id}; bila dipaksa, objektif turun {loss:.4f} dan "
        "{n} penempatan berubah",
        "{nip} is eligible for {jabatan_id}; forcing it lowers the objective by {loss:.4f} and "
        "changes {n} placements",
    ),
    # plan/explain.py
    "MENGAPA_TIDAK_MEMENUHI_SYARAT": (
        "{nip} tidak memenuhi syarat untuk {jabatan_id}: {ids}",
        "{nip} is not eligible for {jabatan_id}: {ids}",
    ),
    # plan/explain.py
    "MENGAPA_DI_LUAR_LINGKUP": (
        "Jabatan di luar lingkup rencana atau pegawai bukan kandidat (memegang jabatan di luar "
        "lingkup)",
        "The post is outside the plan's scope or the person is not a candidate",
    ),
    # plan/explain.py
    "MENGAPA_SELEKSI_TERBUKA": (
        "Promosi ke JPT melalui seleksi terbuka: pasangan ini hanya masuk daftar pendek",
        "Promotion into JPT goes through open selection: shortlist only",
    ),
    # plan/explain.py
    "MENGAPA_DILARANG": (
        "Pasangan ini dilarang di skenario ('larang')",
        "The pair is forbidden in the scenario ('larang')",
    ),
    # plan/explain.py
    "MENGAPA_SUDAH_DI_RENCANA": (
        "{nip} sudah ditempatkan di {jabatan_id} dalam rencana",
        "{nip} is already placed in {jabatan_id} in the plan",
    ),
    # plan/explain.py
    "MENGAPA_WAJIB_PINDAH": (
        "{nip} wajib pindah dari jabatannya ('wajib_pindah')",
        "{nip} must leave the post ('wajib_pindah')",
    ),
    # plan/explain.py
    "MENGAPA_DIPAKSA_TIDAK_LAYAK": (
        "Memaksa {nip} ke {jabatan_id} membuat rencana tidak layak ({status}): bertentangan "
        "dengan kunci, batas perpindahan atau jabatan wajib isi",
        "Forcing {nip} into {jabatan_id} leaves no valid plan ({status})",
    ),
    # rules/approvals.py
    "SYARAT_ADA_PERPINDAHAN": (
        "{n} perpindahan{suffix}",
        "{n} moves{suffix}",
    ),
    # rules/approvals.py
    "SYARAT_FAKTA": (
        "fakta.{name} = {value_id}",
        "fakta.{name} = {value_en}",
    ),
    # rules/approvals.py
    "SYARAT_DALAM_JENDELA": (
        "tanggal rencana {today} dalam jendela {start} s.d. {until_id}",
        "plan date {today} within {start} to {until_en}",
    ),
    # rules/approvals.py
    "SYARAT_JPT_LOWONG": (
        "{n} JPT lowong",
        "{n} vacant JPT posts",
    ),
    # rules/approvals.py
    "SYARAT_ANTAR_INSTANSI": (
        "{n} perpindahan dari luar {instansi_id}{note_id}",
        "{n} moves from outside {instansi_en}{note_en}",
    ),
    # succession/future.py
    "SUKSESI_MASA_JABATAN": (
        "TMT jabatan {tmt}; paling lama {n} th, lewat mulai {day}{past_id}",
        "in post since {tmt}; at most {n} y, past from {day}{past_en}",
    ),
    # succession/future.py
    "SUKSESI_BUP": (
        "lahir {birth}; BUP {age} th; pensiun mulai {day}{past_id}",
        "born {birth}; BUP {age} y; retired from {day}{past_en}",
    ),
}
