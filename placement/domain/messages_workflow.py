"""Part of the message catalogue (:mod:`placement.domain.messages`, which says what each dict
holds): the workflow, rules and solver: variants, studies, executors, batch and instansi runs,
scenario edits, approvals, scoring, eligibility scope, ``assign`` (workflow/, rules/, solver/).
"""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    # solver/assign.py
    "PENUGASAN_GANDA": (
        "pasangan {pair} tercantum ganda (baris {rows}); cantumkan setiap pasangan sekali",
        "pair {pair} is listed twice (duplicate, row {rows}); list each pair once",
    ),
    "PENUGASAN_SYARAT": (
        "require harus salah satu dari {requires}, bukan {require!r}",
        "require must be one of {requires}, not {require!r}",
    ),
    "PENUGASAN_KOLOM": (
        "pairs tidak punya kolom {missing}",
        "pairs lacks column(s) {missing}",
    ),
    "PENUGASAN_ID_KOSONG": (
        "kolom {column} kosong pada baris {rows}",
        "column {column} is empty on row {rows}",
    ),
    "PENUGASAN_NILAI": (
        "kolom {column} harus berisi angka hingga; baris {rows} tidak",
        "column {column} must hold finite numbers; row {rows} does not",
    ),
    "PENUGASAN_MESIN": (
        "backend {backend} (scipy) hanya untuk penugasan penuh: require agents/targets/both",
        "backend {backend} (scipy) needs a full assignment: require agents/targets/both",
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
    "KLASTER_TIDAK_TERHUBUNG": (
        "Tidak dapat terhubung ke klaster Dask di {address}: {exc}",
        "Cannot connect to the Dask cluster at {address}: {exc}",
    ),
    "KLASTER_TANPA_DASK": (
        "--cluster hanya berlaku dengan --executor dask",
        "--cluster only applies with --executor dask",
    ),
    # workflow/instansi.py
    "INSTANSI_KOSONG": (
        "Jabatan {post} tidak punya instansi, padahal data berisi {n_names} instansi",
        "Post {post} has no instansi while the data holds {n_names} instansi",
    ),
    "INSTANSI_BEDA_JABATAN": (
        "Pegawai {nip} berinstansi {instansi} tetapi memegang jabatan {post} milik {owner}",
        "Person {nip} of instansi {instansi} holds post {post} of {owner}",
    ),
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
    "TANGGAL_DARI_SKENARIO": (
        "dari skenario",
        "from the scenario",
    ),
    "TANGGAL_BAWAAN": (
        "bawaan: hari ini",
        "default: today",
    ),
    # workflow/edit.py
    "ATURAN_TABEL_PERSETUJUAN": (
        "persetujuan",
        "approval",
    ),
    "ATURAN_TABEL_BERLAKU_BILA": (
        "berlaku bila",
        "applies when",
    ),
    "ATURAN_TABEL_DASAR_HUKUM": (
        "dasar hukum",
        "legal basis",
    ),
    "ATURAN_TABEL_JENIS": (
        "jenis",
        "kind",
    ),
    "ATURAN_TABEL_AKTIF": (
        "aktif",
        "active",
    ),
    "ATURAN_TABEL_URAIAN": (
        "uraian",
        "description",
    ),
    "ATURAN_TABEL_PARAMETER": (
        "parameter",
        "parameters",
    ),
    "ATURAN_TABEL_DIUBAH": (
        "diubah",
        "changed",
    ),
    "ATURAN_TABEL_YA": (
        "ya",
        "yes",
    ),
    "ATURAN_TABEL_TIDAK": (
        "tidak",
        "no",
    ),
    # rules/scoring.py
    "KATEGORI_SKOR_MEMENUHI": (
        "memenuhi syarat",
        "meets the requirements",
    ),
    "KATEGORI_SKOR_MASIH": (
        "masih memenuhi syarat",
        "still meets the requirements",
    ),
    "KATEGORI_SKOR_KURANG": (
        "kurang memenuhi syarat",
        "below the requirements",
    ),
    # workflow/edit.py
    "JENIS_ATURAN_HARD": (
        "keras",
        "hard",
    ),
    "JENIS_ATURAN_SOFT": (
        "lunak",
        "soft",
    ),
    "JENIS_ATURAN_SCORE": (
        "skor",
        "score",
    ),
    # rules/approvals.py
    "SYARAT_ADA_PERPINDAHAN": (
        "{n} perpindahan{suffix}",
        "{n} moves{suffix}",
    ),
    "SYARAT_FAKTA": (
        "fakta.{name} = {value_id}",
        "fakta.{name} = {value_en}",
    ),
    "SYARAT_DALAM_JENDELA": (
        "tanggal rencana {today} dalam jendela {start} s.d. {until_id}",
        "plan date {today} within {start} to {until_en}",
    ),
    "SYARAT_JPT_LOWONG": (
        "{n} JPT lowong",
        "{n} vacant JPT posts",
    ),
    "SYARAT_ANTAR_INSTANSI": (
        "{n} perpindahan dari luar {instansi_id}{note_id}",
        "{n} moves from outside {instansi_en}{note_en}",
    ),
}
