"""Part of the message catalogue (:mod:`placement.domain.messages`, which says what each dict
holds): the command line's lines and the web UI's errors (cli/, ui/).
"""

from __future__ import annotations

ERRORS: dict[str, tuple[str, str]] = {
    # ui/offload.py
    "UNGGAHAN_GAGAL": (
        "{file}: berkas tidak dapat dibaca ({detail})",
        "{file}: the file cannot be read ({detail})",
    ),
    "UNGGAHAN_TERLALU_LAMA": (
        "{file}: pembacaan dihentikan setelah {seconds:g} detik (berkas terlalu rumit atau rusak)",
        "{file}: reading stopped after {seconds:g} s (file too complex or damaged)",
    ),
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
    # ui/siasn_import.py
    "PERAN_TIDAK_DIKENAL": (
        "Jenis berkas tidak dikenal",
        "Unknown kind of file",
    ),
    "IMPOR_BERKAS_KURANG": (
        "Unggah ekspor SIASN dan peta jabatan lebih dulu",
        "Upload the SIASN export and the peta jabatan first",
    ),
    # ui/workspace.py
    "UNGGAHAN_KOSONG": (
        "Belum ada file yang diunggah",
        "No file has been uploaded",
    ),
    "UNGGAHAN_CAMPUR": (
        "Unggah satu file .xlsx saja, atau file .csv saja (bukan keduanya)",
        "Upload one .xlsx file, or .csv files only (not both)",
    ),
    "DATA_BELUM_SIAP": (
        "Data belum ada atau belum valid; buka halaman Data",
        "There is no valid data yet; open the Data page",
    ),
    "RUN_SEDANG_BERJALAN": (
        "Sudah ada run yang berjalan",
        "A run is already going",
    ),
    "FOLDER_PENUH": (
        "Tidak dapat membuat folder di {root}",
        "Cannot create a folder in {root}",
    ),
    "SKENARIO_TERLALU_BESAR": (
        "Skenario melebihi {megabytes} MB setelah alias YAML diuraikan",
        "The scenario exceeds {megabytes} MB once YAML aliases are expanded",
    ),
}


WARNINGS: dict[str, tuple[str, str]] = {}


SHARED: dict[str, tuple[str, str]] = {
    # cli/scenario_cmd.py (code VARIAN_TIDAK_ADA)
    "VARIAN_TIDAK_ADA_DAFTAR": (
        "Varian tidak ada: {unknown}; yang ada: {all_variants}",
        "Unknown variant(s): {unknown}; available: {all_variants}",
    ),
    # ui/pages/plan.py (code NIP_TIDAK_ADA)
    "UI_NIP_TIDAK_ADA": (
        "NIP tidak ada di data",
        "The NIP is not in the data",
    ),
}


TEXTS: dict[str, tuple[str, str]] = {
    # cli/batch_cmd.py
    "CLI_BATCH_PERCOBAAN": (
        " (percobaan {attempts})",
        " (attempt {attempts})",
    ),
    "CLI_BATCH_RINGKASAN": (
        "Ringkasan: ",
        "Summary: ",
    ),
    "CLI_BATCH_TIDAK_ADA_RENCANA": (
        "tidak ada rencana",
        "no plan",
    ),
    # cli/runs_cmd.py
    "CLI_RUN_DINAMAI": (
        "Run #{run_id} kini bernama: {name}",
        "Run #{run_id} now named: {name}",
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
    "CLI_KELAYAKAN_DITOLAK_PER_ATURAN": (
        "DITOLAK, per aturan:",
        "REFUSED, by rule:",
    ),
    "CLI_KELAYAKAN_DITOLAK_PERTAMA": (
        "DITOLAK ({top} pertama):",
        "REFUSED (first {top}):",
    ),
    "CLI_KELAYAKAN_PELONGGARAN": (
        "PELONGGARAN: ",
        "RELAXATION: ",
    ),
    "CLI_KELAYAKAN_LAYAK": (
        "Layak",
        "Eligible",
    ),
    "CLI_KELAYAKAN_DITOLAK": (
        "Ditolak",
        "Refused",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_DOSIR_DITULIS_KE": (
        "Dosir ditulis ke {path}",
        "Dossier written to {path}",
    ),
    "CLI_JELASKAN_JABATAN_LOWONG_DALAM": (
        "Jabatan {jabatan} lowong dalam rencana.",
        "Post {jabatan} is vacant in the plan.",
    ),
    # cli/generate_cmd.py
    "CLI_BUAT_PILIH_TEPAT_SATU": (
        "Pilih tepat satu: --preset atau --jabatan.",
        "Give exactly one of --preset or --jabatan.",
    ),
    "CLI_BUAT_MEMBUAT_WILAYAH_SINTETIS": (
        "Membuat wilayah sintetis '{preset}' (±{n} ASN), mohon tunggu…",
        "Generating synthetic region '{preset}' (about {n} ASN), please wait…",
    ),
    # cli/instansi_split.py
    "CLI_INSTANSI_PEGAWAI_DARI_INSTANSI": (
        "{outside} pegawai dari instansi tanpa jabatan di data tidak ikut ({names})",
        "{outside} people of instansi without posts in the data left out ({names})",
    ),
    # cli/eligibility_cmd.py
    "CLI_KELAYAKAN_STATUS_LAYAK": (
        "layak",
        "eligible",
    ),
    "CLI_KELAYAKAN_STATUS_DAFTAR_PENDEK": (
        "daftar pendek",
        "shortlist",
    ),
    "CLI_KELAYAKAN_STATUS_DITOLAK": (
        "ditolak",
        "refused",
    ),
    # cli/explain_cmd.py
    "CLI_JELASKAN_DARI_HASIL_ASESMEN": (
        "dari hasil asesmen",
        "from the assessment",
    ),
    "CLI_JELASKAN_STANDAR": (
        "standar",
        "std",
    ),
    "CLI_JELASKAN_AKTUAL": (
        "aktual",
        "actual",
    ),
    "CLI_JELASKAN_KOTAK_TALENTA": (
        "Kotak talenta",
        "Talent box",
    ),
    "CLI_JELASKAN_SKOR_TOTAL": (
        "Skor total",
        "Total",
    ),
    "CLI_JELASKAN_RANTAI_KEKOSONGAN": (
        "Rantai kekosongan",
        "Vacancy chain",
    ),
    "CLI_JELASKAN_SERI_DIPUTUS_OLEH": (
        "seri, diputus oleh",
        "tie, decided by",
    ),
    "CLI_JELASKAN_KEHILANGAN_OBJEKTIF_BILA": (
        "kehilangan objektif bila dipaksa",
        "objective loss if forced",
    ),
    "CLI_JELASKAN_DIPAKSA": (
        "dipaksa",
        "forced",
    ),
    "CLI_JELASKAN_ATURAN": (
        "  Aturan:",
        "  Rules:",
    ),
    "CLI_JELASKAN_SUKU_SKOR": (
        "  Suku skor:",
        "  Score terms:",
    ),
    "CLI_JELASKAN_KANDIDAT_BERIKUTNYA": (
        "  Kandidat berikutnya:",
        "  Next-best candidates:",
    ),
    "CLI_JELASKAN_PENEMPATAN_YANG_BERUBAH": (
        "  Penempatan yang berubah (di rencana → bila dipaksa):",
        "  Placements that change (in the plan → if forced):",
    ),
    "CLI_JELASKAN_TIDAK_DAPAT_DIPERIKSA": (
        "  Tidak dapat diperiksa:",
        "  Not checked:",
    ),
    "CLI_JELASKAN_TIDAK_ADA": (
        "    (tidak ada)",
        "    (none)",
    ),
    "CLI_JELASKAN_PEGAWAI_LAIN_NIP": (
        "  ({n_alts} pegawai lain; NIP dan nama: --rinci)",
        "  ({n_alts} other people; NIP and name: --rinci)",
    ),
    # cli/privacy_cmd.py, cli/scenario_cmd.py: short words of a line
    "CLI_KUNCI_DIBUAT": (
        "dibuat",
        "created",
    ),
    "CLI_KUNCI_DIPERBARUI": (
        "diperbarui",
        "updated",
    ),
    "CLI_GERBANG": (
        "gerbang",
        "gate",
    ),
    # cli/privacy_cmd.py
    "CLI_SAMARAN_DITULIS": (
        "Data samaran ({people} pegawai) ditulis ke {out_dir}/: {files}",
        "Pseudonymised data ({people} people) written to {out_dir}/: {files}",
    ),
    "CLI_SAMARAN_RINCIAN": (
        "Disamarkan: nip, nama (dan nip di kompetensi); kolom tak dikenal dibuang. Tetap: "
        "tanggal lahir, TMT, jenis kelamin, golongan, jabatan, unit kerja, pendidikan, kotak "
        "talenta, kinerja, hukuman disiplin, kompetensi.",
        "Masked: nip, nama (and nip in kompetensi); unknown columns dropped. Kept: birth date, "
        "TMTs, gender, grade, post, unit, education, talent box, performance, discipline, "
        "competencies.",
    ),
    "CLI_KUNCI_PERINGATAN": (
        "PERINGATAN: file kunci {action}: {key_path}. File ini RAHASIA (kunci dan peta ke NIP "
        "dan nama asli): jangan dibagikan; simpan untuk 'placement depseudonymize'.",
        "WARNING: key file {action}: {key_path}. This file is SECRET (key and map to the "
        "original NIPs and names): do not share it; keep it for 'placement depseudonymize'.",
    ),
    "CLI_ASLI_DITULIS": (
        "Rencana dengan NIP dan nama asli ditulis ke {out_dir}/ ({n_written} file).",
        "Plan with the original NIPs and names written to {out_dir}/ ({n_written} files).",
    ),
    "CLI_ASLI_PRIBADI": (
        "Folder ini berisi data pribadi: jangan dibagikan.",
        "This folder holds personal data: do not share it.",
    ),
    "CLI_SAMARAN_BENTROK": (
        "Nomor urut bentrok diselesaikan: {collisions}; samaran lama dipakai lagi: {reused}.",
        "Sequence collisions resolved: {collisions}; earlier pseudonyms reused: {reused}.",
    ),
    "CLI_SAMARAN_PERINGATAN_DATA": (
        "{n_warnings} peringatan data (lihat 'placement validate').",
        "{n_warnings} data warning(s) (see 'placement validate').",
    ),
    # cli/scenario_cmd.py
    "CLI_PER_JENIS": (
        "Per jenis perpindahan (rencana pertama -> rencana lain):",
        "Per move kind (first plan -> other plan):",
    ),
    "CLI_DITULIS_KE": (
        "Ditulis ke {out_file}",
        "Written to {out_file}",
    ),
    "CLI_FRONTIER_DITULIS": (
        "File ditulis ke {out_dir}/: frontier.csv, frontier.png",
        "Files written to {out_dir}/: frontier.csv, frontier.png",
    ),
    "CLI_VARIAN_MENYELESAIKAN": (
        "Varian {name}: menyelesaikan; {day}",
        "Variant {name}: solving; {day}",
    ),
    "CLI_GERBANG_LULUS": (
        "Gerbang: {passed} dari {total} lulus",
        "Gates: {passed} of {total} passed",
    ),
    "CLI_JABATAN_BERBEDA": (
        "Jabatan dengan pemegang berbeda: {n_posts}",
        "Posts with a different holder: {n_posts}",
    ),
    "CLI_PEGAWAI_BERBEDA": (
        "Pegawai dengan penempatan berbeda: {n_people}",
        "People placed differently: {n_people}",
    ),
    "CLI_VARIAN_TANPA_RENCANA": (
        "{name}: status {status}, tidak ada rencana",
        "{name}: status {status}, no plan",
    ),
    "CLI_KPI_TEKNIS": (
        "KPI teknis:",
        "Technical KPIs:",
    ),
    "CLI_RINCIAN_PEGAWAI": (
        "Rincian per pegawai:",
        "Per person:",
    ),
    "CLI_RINCIAN_PETUNJUK": (
        "(Rincian per pegawai dengan NIP: --rinci atau --out FILE)",
        "(Per-person list with NIPs: --rinci or --out FILE)",
    ),
    "CLI_FORMAT_PERLU_OUT": (
        "--format {fmt} memerlukan --out FILE",
        "--format {fmt} needs --out FILE",
    ),
}
