"""Part of the message catalogue (:mod:`placement.domain.messages`, which says what each dict
holds): the run store and pseudonymisation (store/, privacy/, the runs command).
"""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    # cli/runs_cmd.py
    "RENCANA_DITARIK": (
        "Rencana di {names} ditarik (file rencananya dihapus) karena tidak dapat dicatat di "
        "penyimpanan riwayat {store}; jalankan lagi setelah penyimpanan dapat dipakai.",
        "The plan in {names} was withdrawn (its files deleted) because it could not be recorded "
        "in run store {store}; run again once the store is usable.",
    ),
    # privacy/depseudonym.py
    "FOLDER_RENCANA_TIDAK_ADA": (
        "Folder rencana '{plan_dir}' tidak ditemukan. Berikan folder hasil 'placement solve'.",
        "Plan folder '{plan_dir}' not found. Give a folder written by 'placement solve'.",
    ),
    # privacy/depseudonym.py
    "FILE_RENCANA_TIDAK_ADA": (
        "Folder '{plan_dir}' bukan folder rencana yang utuh: tidak ada {missing}. Berikan "
        "folder hasil 'placement solve'.",
        "Folder '{plan_dir}' is not a complete plan folder: missing {missing}. Give a folder "
        "written by 'placement solve'.",
    ),
    # privacy/depseudonym.py
    "RENCANA_BERUBAH": (
        "File di folder rencana '{plan_dir}' berbeda dari yang dicatat hasil.json ({changed}). "
        "Kembalikan ke rencana asli dari konsultan, atau susun ulang dengan 'placement solve'.",
        "Files in the plan folder '{plan_dir}' differ from what hasil.json recorded "
        "({changed}). Restore the consultant's original plan, or solve again.",
    ),
    # privacy/depseudonym.py
    "SAMARAN_TIDAK_DIKENAL": (
        "{n_unknown} NIP di rencana '{plan_dir}' tidak ada di peta file kunci (mis. "
        "{examples}). Pakai file kunci yang sama dengan saat 'placement pseudonymize', dan "
        "pastikan rencana disusun dari data samaran itu.",
        "{n_unknown} NIP(s) in the plan '{plan_dir}' are not in the key file's map (e.g. "
        "{examples}). Use the key file of 'placement pseudonymize', and check that the plan was "
        "solved on that pseudonymised data.",
    ),
    # privacy/depseudonym.py
    "PETA_KOSONG": (
        "File kunci '{key_path}' belum berisi peta samaran; jalankan 'placement pseudonymize' "
        "dengan kunci ini dulu.",
        "Key file '{key_path}' has no pseudonym map yet; run 'placement pseudonymize' with this "
        "key first.",
    ),
    # privacy/depseudonym.py
    "KELUARAN_DI_FOLDER_RENCANA": (
        "Folder keluaran '{out_dir}' sama dengan atau berada di dalam folder rencana samaran; "
        "pilih folder lain (hasilnya berisi data pribadi).",
        "Output folder '{out_dir}' is or lies inside the pseudonymised plan folder; choose "
        "another one (the result holds personal data).",
    ),
    # privacy/keyfile.py
    "KUNCI_TIDAK_VALID": (
        "File kunci '{path}' tidak dapat dipakai: {why_id}. Gunakan file kunci yang ditulis "
        "oleh 'placement pseudonymize' (*.kunci.json).",
        "Key file '{path}' cannot be used: {why_en}. Use the key file written by 'placement "
        "pseudonymize' (*.kunci.json).",
    ),
    # privacy/keyfile.py
    "KUNCI_TIDAK_ADA": (
        "File kunci '{path}' tidak ditemukan. Berikan file kunci yang ditulis oleh 'placement "
        "pseudonymize' (--key FILE).",
        "Key file '{path}' not found. Give the key file written by 'placement pseudonymize' "
        "(--key FILE).",
    ),
    # privacy/pseudonym.py
    "KELUARAN_SAMA_DENGAN_DATA": (
        "Folder keluaran '{out_dir}' sama dengan folder data asli. Pilih folder baru, mis. "
        "--out data-samaran.",
        "Output folder '{out_dir}' is the original data folder. Choose a new folder, e.g. --out "
        "data-samaran.",
    ),
    # privacy/pseudonym.py
    "KUNCI_DI_FOLDER_BAGI": (
        "File kunci '{key_path}' berada di dalam folder keluaran '{out_dir}' yang akan "
        "dibagikan. Simpan kunci di luar folder itu (bawaan: di sebelahnya).",
        "Key file '{key_path}' is inside the output folder '{out_dir}', which is meant to be "
        "shared. Keep the key outside it (default: next to it).",
    ),
    # privacy/pseudonym.py
    "KELUARAN_BUKAN_FOLDER": (
        "'{out_dir}' sudah ada dan bukan folder.",
        "'{out_dir}' exists and is not a folder.",
    ),
    # privacy/pseudonym.py
    "KELUARAN_TIDAK_KOSONG": (
        "Folder keluaran '{out_dir}' sudah berisi file. Pilih folder baru atau tambahkan "
        "--force untuk mengganti file data di dalamnya.",
        "Output folder '{out_dir}' is not empty. Choose a new folder or add --force to "
        "overwrite the data files in it.",
    ),
    # privacy/pseudonym.py
    "SAMARAN_PENUH": (
        "Tidak ada nomor urut samaran yang tersisa untuk NIP berawalan {prefix}; gunakan file "
        "kunci baru.",
        "No pseudonym sequence left for NIPs starting {prefix}; use a new key file.",
    ),
    # store/problems.py
    "KUNCI_RIWAYAT_HILANG": (
        "File kunci penyimpanan riwayat '{key}' tidak ada, padahal '{store}' dicatat dengan "
        "kunci. Tanpa kunci run tidak dapat diverifikasi dan run baru tidak dapat dicatat: "
        "pulihkan file kunci dari cadangan (atau atur PLACEMENT_STORE_KEY).",
        "The run store key file '{key}' is missing, but '{store}' was recorded with a key. "
        "Without it runs cannot be verified nor new runs recorded: restore the key file from a "
        "backup (or set PLACEMENT_STORE_KEY).",
    ),
    # store/problems.py
    "KUNCI_RIWAYAT_SALAH": (
        "File kunci '{key}' bukan kunci penyimpanan riwayat '{store}' (sidik kunci berbeda, "
        "atau penyimpanan diganti file lain). Pakai file kunci yang benar.",
        "Key file '{key}' is not the key of run store '{store}' (different key fingerprint, or "
        "the store was replaced by another file). Use the right key file.",
    ),
    # store/problems.py
    "PENYIMPANAN_TIDAK_ADA": (
        "Penyimpanan riwayat '{path}' tidak ada: belum ada run yang dicatat di sana, atau file "
        "dipindah. Periksa --store / PLACEMENT_STORE.",
        "Run store '{path}' does not exist: no run was recorded there, or the file was moved. "
        "Check --store / PLACEMENT_STORE.",
    ),
    # store/problems.py
    "PENYIMPANAN_HILANG": (
        "Penyimpanan riwayat '{path}' hilang: file kuncinya ({key}) mencatat {entries} catatan "
        "jurnal. Pulihkan penyimpanan dari cadangan; untuk memulai penyimpanan baru, pindahkan "
        "dulu file kunci lama.",
        "Run store '{path}' is missing: its key file ({key}) records {entries} journal entries. "
        "Restore the store from a backup; to start a new store, move the old key file away "
        "first.",
    ),
    # store/problems.py
    "PENYIMPANAN_KOSONG": (
        "Penyimpanan riwayat '{path}' kosong (0 byte): isinya hilang atau terpotong. Pulihkan "
        "dari cadangan; run yang tercatat di sana tidak dapat diperiksa.",
        "Run store '{path}' is empty (0 bytes): its content was lost or truncated. Restore it "
        "from a backup; the runs recorded there cannot be checked.",
    ),
    # store/problems.py
    "PENYIMPANAN_RUSAK": (
        "Penyimpanan riwayat '{path}' rusak atau bukan penyimpanan riwayat ({why}). Pulihkan "
        "dari cadangan atau pakai --store lain.",
        "Run store '{path}' is damaged or not a run store ({why}). Restore it from a backup or "
        "use another --store.",
    ),
    # store/problems.py
    "PENYIMPANAN_TERKUNCI": (
        "Penyimpanan riwayat '{path}' masih dikunci proses lain setelah menunggu {wait:g} "
        "detik. Tunggu proses itu selesai lalu ulangi (batas tunggu: PLACEMENT_STORE_TIMEOUT).",
        "Run store '{path}' is still locked by another process after waiting {wait:g} s. Wait "
        "for that process to finish, then retry (wait limit: PLACEMENT_STORE_TIMEOUT).",
    ),
    # store/problems.py
    "PENYIMPANAN_TIDAK_UTUH": (
        "Penyimpanan riwayat '{path}' berisi jurnal, tetapi tanda kuncinya dihapus: file ini "
        "diubah di luar program. Pulihkan dari cadangan.",
        "Run store '{path}' has a journal but its key mark was deleted: the file was edited "
        "outside the program. Restore it from a backup.",
    ),
    # store/problems.py
    "PENYIMPANAN_TIDAK_DAPAT_DITULIS": (
        "'{path}' tidak dapat dibuat atau ditulis ({strerror}); periksa izin folder atau pakai "
        "--store / PLACEMENT_STORE_KEY lain.",
        "Cannot create or write '{path}' ({strerror}); check the folder's permissions or use "
        "another --store / PLACEMENT_STORE_KEY.",
    ),
    # store/runs.py
    "BATAS_TUNGGU_TIDAK_VALID": (
        "{wait_env}='{raw}' harus jumlah detik antara 0 dan {max_wait:g}",
        "{wait_env}='{raw}' must be a number of seconds between 0 and {max_wait:g}",
    ),
    # store/runs.py
    "FOLDER_RENCANA_TIDAK_UTUH": (
        "Folder {out_dir} tidak utuh ({damaged_files}); jalankan solve lagi",
        "Folder {out_dir} is not intact ({damaged_files}); run solve again",
    ),
    # store/runs.py
    "NAMA_RUN_TIDAK_SAH": (
        "Nama run paling panjang {max_name} karakter, tanpa karakter kendali",
        "A run name has at most {max_name} characters and no control characters",
    ),
    # store/runs.py
    "RUN_TIDAK_ADA": (
        "Run {run_id} tidak ada di {path}",
        "Run {run_id} is not in {path}",
    ),
    # store/runs.py
    "RUN_SUDAH_DISETUJUI": (
        "Run {run_id} sudah disetujui oleh {disetujui_oleh} pada {disetujui_pada}",
        "Run {run_id} was already approved by {disetujui_oleh} at {disetujui_pada}",
    ),
    # store/runs.py
    "PERSETUJUAN_KOSONG": (
        "Persetujuan perlu nama penyetuju dan alasannya",
        "An approval needs who approves and why",
    ),
    # store/runs.py
    "RUN_TIDAK_UTUH": (
        "Run {run_id} berubah sejak dicatat; tidak dapat disetujui. Periksa dengan 'placement "
        "runs verify {run_id}'.",
        "Run {run_id} changed since it was recorded; it cannot be approved. Check with "
        "'placement runs verify {run_id}'.",
    ),
    # store/secret.py
    "KUNCI_RIWAYAT_RUSAK": (
        "File kunci penyimpanan riwayat '{path}' rusak atau bukan file kunci riwayat; pulihkan "
        "dari cadangan.",
        "The run store key file '{path}' is damaged or not a run store key; restore it from a "
        "backup.",
    ),
}


WARNINGS: dict[str, tuple[str, str]] = {}


SHARED: dict[str, tuple[str, str]] = {
    # privacy/depseudonym.py (code FILE_TIDAK_TERBACA)
    "FILE_RENCANA_TIDAK_TERBACA": (
        "{file} tidak dapat dibaca ({error_type}: {exc}). Jalankan ulang 'placement solve' "
        "untuk menulis folder rencana yang utuh.",
        "{file} cannot be read ({error_type}: {exc}). Run 'placement solve' again to write a "
        "complete plan folder.",
    ),
    # store/runs.py (code PENYIMPANAN_TIDAK_UTUH)
    "PENYIMPANAN_KEHILANGAN_CATATAN": (
        "Penyimpanan riwayat '{path}' kehilangan catatan yang tercatat di file kuncinya (run "
        "terakhir dihapus atau file diganti salinan lama); run baru tidak dicatat. Periksa "
        "dengan 'placement runs verify'.",
        "Run store '{path}' lost entries its key file knows of (last runs deleted or the file "
        "replaced by an older copy); no new run is recorded. Check with 'placement runs "
        "verify'.",
    ),
}


TEXTS: dict[str, tuple[str, str]] = {
    # privacy/keyfile.py
    "ALASAN_KUNCI_BUKAN_KUNCI": (
        "bukan file kunci samaran",
        "not a pseudonymisation key file",
    ),
    # privacy/keyfile.py
    "ALASAN_KUNCI_VERSI": (
        "versi {versi!r} tidak dikenal",
        "unknown version {versi!r}",
    ),
    # privacy/keyfile.py
    "ALASAN_KUNCI_PENDEK": (
        "kunci kosong atau terlalu pendek",
        "key empty or too short",
    ),
    # privacy/keyfile.py
    "ALASAN_KUNCI_PETA_RUSAK": (
        "bagian 'peta' rusak",
        "the 'peta' part is damaged",
    ),
    # privacy/keyfile.py
    "ALASAN_KUNCI_BUKAN_JSON": (
        "bukan JSON yang dapat dibaca",
        "not readable JSON",
    ),
    # privacy/keyfile.py
    "ALASAN_KUNCI_ENTRI_RUSAK": (
        "entri peta '{pseudo}' rusak",
        "map entry '{pseudo}' damaged",
    ),
}
