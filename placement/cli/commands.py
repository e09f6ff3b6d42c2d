"""Every top-level command: the module that defines it (imported on first use) and the first
paragraph of its help (listed by ``placement --help`` without importing anything).

tests/test_cli_lazy.py checks that each summary is the command's own."""

from placement.cli.lazy import LazyCommand

COMMANDS: dict[str, LazyCommand] = {
    "audit": LazyCommand(
        "placement.cli.solve_cmd", "Periksa ulang rencana terhadap data dan aturan, tanpa solver."
    ),
    "batch": LazyCommand(
        "placement.cli.batch_cmd",
        "Selesaikan banyak wilayah (satu folder data per wilayah), masing-masing ke OUT/NAMA,\n"
        "dengan ringkasan gabungan (ringkasan.xlsx dan ringkasan.json).",
    ),
    "compare": LazyCommand(
        "placement.cli.scenario_cmd",
        "Bandingkan rencana (folder keluaran solve / scenario run) dengan kata-kata pimpinan.",
    ),
    "demo": LazyCommand(
        "placement.cli.demo",
        "Jalankan contoh lengkap pada wilayah sintetis: bangkitkan data, validasi, susun rencana.",
    ),
    "depseudonymize": LazyCommand(
        "placement.cli.privacy_cmd",
        "Kembalikan NIP dan nama asli pada folder rencana yang disusun dari data samaran.",
    ),
    "dossier": LazyCommand(
        "placement.cli.explain_cmd",
        "Tulis paket usulan / dosir justifikasi rencana di OUT (pdf, docx, xlsx, html).",
    ),
    "eligibility": LazyCommand(
        "placement.cli.eligibility_cmd",
        "Kelayakan: kandidat sebuah jabatan (--jabatan) atau pilihan jabatan seorang pegawai (--nip).",
    ),
    "explain": LazyCommand(
        "placement.cli.explain_cmd",
        "Jelaskan rencana di OUT: aturan, JPM, kotak talenta, suku skor, alternatif, why-not.",
    ),
    "frontier": LazyCommand(
        "placement.cli.scenario_cmd",
        "Objektif optimal untuk tiap batas jumlah pejabat yang berpindah (model baru tiap titik).",
    ),
    "generate": LazyCommand(
        "placement.cli.generate_cmd",
        "Buat data ASN sintetis (pegawai, jabatan, kompetensi, standar kompetensi) untuk mencoba\n"
        "dan menguji tanpa data pribadi. Tanggal rencana preset tetap (2026-07-01).",
    ),
    "import": LazyCommand(
        "placement.cli.import_cmd",
        "Impor data sendiri (ekspor SIASN + peta jabatan + file pendukung) menjadi folder data.",
    ),
    "pseudonymize": LazyCommand(
        "placement.cli.privacy_cmd",
        "Salin data dengan NIP dan nama diganti samaran, untuk dibagikan (mis. ke konsultan).",
    ),
    "runs": LazyCommand(
        "placement.cli.runs_cmd", "Riwayat run (SQLite): daftar, rincian, persetujuan, ekspor."
    ),
    "scenario": LazyCommand("placement.cli.scenario_cmd", "Jalankan skenario beserta variannya."),
    "solve": LazyCommand(
        "placement.cli.solve_cmd", "Susun rencana penempatan optimal dan tulis file rencana ke OUT."
    ),
    "succession": LazyCommand(
        "placement.cli.succession_cmd",
        "Suksesi: calon pengganti tiap jabatan struktural dengan tingkat kesiapan, kekuatan\n"
        "suksesi (per jabatan dan per OPD), jabatan yang akan lowong, dan peta talenta (kotak 9).",
    ),
    "template": LazyCommand(
        "placement.cli.data_cmds",
        "Tulis template input kosong (judul kolom dan petunjuk pengisian) ke OUT_DIR.",
    ),
    "ui": LazyCommand(
        "placement.cli.ui_cmd",
        "Buka ruang kerja web perencana di peramban (hanya di komputer ini secara bawaan).",
    ),
    "validate": LazyCommand(
        "placement.cli.data_cmds",
        "Periksa data input (folder berisi csv, atau satu file .xlsx) tanpa menulis file apa pun.",
    ),
}
