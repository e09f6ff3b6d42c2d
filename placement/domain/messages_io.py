"""Part of the message catalogue (:mod:`placement.domain.messages`, which says what each dict
holds): the reading side: NIP reasons, read limits, the SIASN import, the templates and the synthetic
data (domain/nip.py, io/, synth/).
"""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    # io/siasn/core.py
    "LABEL_MAP_SALAH": (
        "Baris label-map '{kolom}' → '{nilai}' tidak dapat dipakai. Kolom: {tables}; nilai "
        "harus salah satu nilai kolom itu.",
        "This label-map row cannot be used: unknown column or value.",
    ),
    # io/siasn/core.py
    "OPD_TIDAK_DIKENAL": (
        "UNOR '{chain}' tidak menyebut OPD mana pun di peta jabatan. Terdekat: {tips}. "
        "Tambahkan baris 'unor,opd' di file --unor-map.",
        "UNOR '{chain}' names no OPD of the peta jabatan. Closest: {tips}. Add a 'unor,opd' row "
        "to the --unor-map file.",
    ),
    # io/siasn/core.py
    "STRUKTURAL_TANPA_TAUTAN": (
        "{nama} pejabat struktural tetapi tidak tertaut ke jabatan mana pun.",
        "{nama} is structural but linked to no post.",
    ),
    # io/siasn/core.py
    "JENJANG_TIDAK_DIKETAHUI": (
        "Jenjang JF tidak terbaca dari '{post_name}' (mis. 'Ahli Muda', 'Terampil').",
        "No JF level in '{post_name}' (e.g. 'Ahli Muda', 'Terampil').",
    ),
    # io/siasn/link.py
    "NIP_PEMEGANG_GANDA": (
        "NIP {nip} tercatat sebagai pemegang dua jabatan ({jabatan_id} dan {other}). Satu orang "
        "hanya memegang satu jabatan struktural.",
        "NIP {nip} is the holder of two posts ({jabatan_id} and {other}). One person holds one "
        "structural post.",
    ),
    # io/siasn/read.py
    "SHEET_TIDAK_ADA": (
        "Sheet '{sheet}' tidak ada di '{name}'.",
        "Sheet '{sheet}' is not in '{name}'.",
    ),
    # io/siasn/report.py
    "OUT_BUKAN_FOLDER": (
        "--out '{out}' adalah file, bukan folder.",
        "--out '{out}' is a file, not a folder.",
    ),
    # io/siasn/report.py
    "OUT_BERISI_FILE_LAIN": (
        "Folder --out '{out}' berisi file lain ({others}); folder ini diganti utuh oleh impor. "
        "Pilih folder baru atau kosong.",
        "Folder --out '{out}' holds other files ({others}); the import replaces it whole. "
        "Choose a new or empty folder.",
    ),
}


WARNINGS: dict[str, tuple[str, str]] = {
    # io/siasn/core.py
    "TIDAK_AKTIF": (
        "{nama} ({nip}) berkedudukan '{kedudukan}': tidak dimasukkan ke pegawai.",
        "{nama} ({nip}) has kedudukan '{kedudukan}': left out of pegawai.",
    ),
    # io/siasn/core.py
    "CPNS": (
        "{nama} ({nip}) masih CPNS: ditulis dengan status CPNS; aturan CPNS_STRUKTURAL tidak "
        "memilihnya untuk jabatan struktural.",
        "{nama} ({nip}) is still CPNS: written with status CPNS; rule CPNS_STRUKTURAL keeps "
        "them out of structural posts.",
    ),
    # io/siasn/core.py
    "JENIS_KELAMIN_BEDA": (
        "JENIS KELAMIN '{coded}' berbeda dengan digit ke-15 NIP {nip}; dipakai NIP ({gender}).",
        "JENIS KELAMIN '{coded}' differs from digit 15 of NIP {nip}; the NIP is used.",
    ),
    # io/siasn/core.py
    "JABATAN_DITULIS_LOWONG": (
        "{nama} tidak aktif; jabatannya {jabatan_id} ditulis lowong.",
        "{nama} is not active; their post {jabatan_id} is written vacant.",
    ),
    # io/siasn/core.py
    "PLT_TIDAK_MENDUDUKI": (
        "{nama} '{post_name}' adalah Plt./Plh.: tidak menduduki jabatan itu.",
        "{nama} '{post_name}' is acting (Plt.): does not hold the post.",
    ),
    # io/siasn/core.py
    "TANPA_JABATAN": (
        "{nama}: menurut --tautan tidak memegang jabatan di peta; ditulis PELAKSANA.",
        "{nama}: per --tautan holds no post; written as PELAKSANA.",
    ),
    # io/siasn/link.py
    "PEMEGANG_TIDAK_DI_SIASN": (
        "NIP pemegang {nip} ({jabatan_id}) tidak ada di ekspor SIASN; jabatan ini ditulis lowong.",
        "Holder NIP {nip} ({jabatan_id}) is not in the SIASN export; the post is written vacant.",
    ),
    # io/siasn/link.py
    "NAMA_JABATAN_BEDA": (
        "Peta jabatan menyebut NIP {nip} memegang '{name}' ({jabatan_id}), SIASN menulis "
        "'{post_name}'. Dipakai peta jabatan; perbaiki SIASN bila perlu.",
        "The peta jabatan has NIP {nip} holding '{name}' ({jabatan_id}), SIASN says "
        "'{post_name}'. The peta jabatan is used.",
    ),
    # io/siasn/sides.py
    "JPM_SAJA": (
        "File kompetensi hanya berisi JPM: JPM dipakai langsung, tabel kesenjangan per "
        "kompetensi 'rincian tidak tersedia'.",
        "The competency file holds only the JPM: it is used directly, the gap table says "
        "'breakdown not available'.",
    ),
    # io/siasn/sides.py
    "HUKDIS_TANPA_SELESAI": (
        "Hukuman NIP {nip} tanpa TMT selesai: dianggap berlaku {open_months} bulan sejak "
        "{start} (sampai {end}; parameter --hukdis-bulan).",
        "Sanction of NIP {nip} without an end date: counted as active for {open_months} months "
        "from {start} (until {end}).",
    ),
    # io/siasn/sides.py
    "NIP_TIDAK_DI_SIASN": (
        "NIP {nip} tidak ada di ekspor SIASN (atau tidak aktif); baris diabaikan.",
        "NIP {nip} is not in the SIASN export (or not active); row ignored.",
    ),
}


SHARED: dict[str, tuple[str, str]] = {
    # io/siasn/core.py (code KOLOM_WAJIB_TIDAK_ADA)
    "SIASN_KOLOM_TIDAK_ADA": (
        "Kolom SIASN untuk '{key}' tidak ada di {label}.",
        "The SIASN column for '{key}' is missing in {label}.",
    ),
    # io/siasn/core.py (code NIP_GANDA)
    "SIASN_NIP_GANDA": (
        "NIP {nip} sudah ada di baris {seen}; hapus salah satu.",
        "NIP {nip} is already on row {seen}; delete one.",
    ),
    # io/siasn/sides.py (code NIP_GANDA)
    "SIASN_BARIS_GANDA": (
        "{what} muncul dua kali di {label}; hapus salah satu baris.",
        "{what} appears twice in {label}; delete one of the rows.",
    ),
    # io/siasn/sides.py (code KOLOM_WAJIB_TIDAK_ADA)
    "SIASN_KOLOM_SISI_TIDAK_ADA": (
        "Kolom '{column}' tidak ada di {label} (judul yang diterima: {accepted}).",
        "Column '{column}' is missing in {label}.",
    ),
    # synth/jabatan_file.py (code FILE_TIDAK_ADA)
    "SINTETIS_TABEL_JABATAN_TIDAK_ADA": (
        "Tabel jabatan tidak ditemukan di {name}.",
        "No jabatan table found in {name}.",
    ),
}


TEXTS: dict[str, tuple[str, str]] = {
    # domain/validate/tables.py
    "SAAT_TANGGAL_RENCANA": (
        "tanggal rencana {ref}",
        "the plan date {ref}",
    ),
    # domain/validate/tables.py
    "SAAT_HARI_INI": (
        "hari ini ({ref}; tanggal rencana belum diketahui saat validasi)",
        "today ({ref}; the plan date is not known when validating)",
    ),
    # io/cells.py
    "BATAS_UKURAN_FILE": (
        "file berukuran {mb} (batas {cap})",
        "the file is {mb} (limit {cap})",
    ),
    "BATAS_UKURAN_BAGIAN": (
        "bagian {part} berukuran {mb} (batas {cap})",
        "part {part} is {mb} (limit {cap})",
    ),
    # domain/nip.py
    "ALASAN_NIP_TMT_CPNS": (
        "NIP '{nip}': digit 9–14 ({digits}) bukan TMT CPNS yang valid (YYYYMM; PPPK: YYYY21)",
        "NIP '{nip}': digits 9–14 ({digits}) are not a valid TMT CPNS (YYYYMM; PPPK: YYYY21)",
    ),
    # domain/nip.py
    "ALASAN_NIP_TMT_TERLALU_DEKAT": (
        "NIP '{nip}': tahun pengangkatan {year} terlalu dekat dengan tahun lahir {birth_year}",
        "NIP '{nip}': appointment year {year} is too close to birth year {birth_year}",
    ),
    # domain/nip.py
    "ALASAN_NIP_JENIS_KELAMIN": (
        "NIP '{nip}': digit ke-15 ({gender_digit}) harus 1 (laki-laki) atau 2 (perempuan)",
        "NIP '{nip}': digit 15 ({gender_digit}) must be 1 (male) or 2 (female)",
    ),
    # domain/nip.py
    "ALASAN_NIP_EXCEL_ANGKA": (
        "NIP tersimpan sebagai angka oleh Excel (notasi ilmiah/desimal, digit hilang); format "
        "kolom NIP sebagai Teks lalu ketik ulang dari sumber",
        "NIP was stored as a number by Excel (scientific notation, digits lost); format the NIP "
        "column as Text and re-enter it from the source",
    ),
    # domain/nip.py
    "ALASAN_NIP_BUKAN_ANGKA": (
        "NIP '{nip}' mengandung karakter selain angka 0–9; NIP berisi 18 digit",
        "NIP '{nip}' contains characters other than the digits 0-9; a NIP has 18 digits",
    ),
    # domain/nip.py
    "ALASAN_NIP_PANJANG": (
        "NIP '{nip}' memiliki {n_nip} digit, seharusnya 18 (periksa digit yang hilang, mis. nol "
        "di depan)",
        "NIP '{nip}' has {n_nip} digits, expected 18 (check for lost digits)",
    ),
    # domain/nip.py
    "ALASAN_NIP_TANGGAL_LAHIR": (
        "NIP '{nip}': 8 digit pertama ({digits}) bukan tanggal lahir yang valid (YYYYMMDD)",
        "NIP '{nip}': first 8 digits ({digits}) are not a valid birth date (YYYYMMDD)",
    ),
    # domain/validate/tables.py
    "LABEL_TANGGAL_LAHIR": (
        "Tanggal lahir",
        "Birth date",
    ),
    # io/cells.py
    "BATAS_SEL_BARIS": (
        "lebih dari {limit:,} sel (sampai baris {row})",
        "more than {limit:,} cells (up to row {row})",
    ),
    # io/decode.py
    "BATAS_SEL_CSV": (
        "lebih dari {cells:,} sel",
        "more than {cells:,} cells",
    ),
    # io/siasn/link.py
    "TAUTAN_TIDAK_TUNGGAL": (
        "{name} ({nip}) '{post_name}': {why}. Saran: {listed}. Isi kolom jabatan_id di sheet "
        "'perlu_keputusan' laporan-impor.xlsx lalu jalankan lagi dengan --tautan (tulis '-' "
        "bila tidak memegang jabatan).",
        "{name} ({nip}) '{post_name}': no single post matches. Suggestions: {listed}. Fill "
        "jabatan_id in the 'perlu_keputusan' sheet of laporan-impor.xlsx and run again with "
        "--tautan ('-' when they hold no post).",
    ),
    # io/siasn/sides.py
    "ALASAN_LABEL_SIASN": (
        "Label '{raw}' ({kolom}) tidak dikenal. Pilihan: {choices}. Bila label ini benar, "
        "tambahkan baris '{kolom},{raw},<nilai>' di file --label-map.",
        "Label '{raw}' ({kolom}) is unknown. Choices: {choices}. If it is right, add a row "
        "'{kolom},{raw},<value>' to the --label-map file.",
    ),
    # io/siasn/sides.py
    "ALASAN_HUKDIS_TANPA_TANGGAL": (
        "Hukuman NIP {nip} tanpa TMT mulai dan selesai.",
        "Sanction of NIP {nip} has neither start nor end date.",
    ),
    # io/siasn/values.py
    "ALASAN_TANGGAL_SIASN": (
        "Tanggal '{text}' tidak dikenal; tulis DD-MM-YYYY atau YYYY-MM-DD.",
        "Date '{text}' is not recognised; write DD-MM-YYYY or YYYY-MM-DD.",
    ),
    # io/siasn/values.py
    "ALASAN_NIP_RUSAK_EXCEL": (
        "NIP '{raw}' tersimpan sebagai angka (mis. 1.97E+17): digit terakhir hilang. Ekspor "
        "ulang dengan kolom NIP sebagai teks (awali dengan ').",
        "NIP '{raw}' was stored as a number (e.g. 1.97E+17): its last digits are lost. Export "
        "again with the NIP column as text (prefix ').",
    ),
    # io/xlsx_stream.py
    "BATAS_TEKS_BERSAMA": (
        "lebih dari {max_items:,} teks bersama (sharedStrings)",
        "more than {max_items:,} shared strings",
    ),
}
