"""Page texts in Bahasa Indonesia (default) and English: ``t(key)`` in the workspace's language."""

from __future__ import annotations

from typing import Literal

Lang = Literal["id", "en"]

_lang: list[Lang] = ["id"]

TEXTS: dict[str, tuple[str, str]] = {
    # navigation
    "app": ("placement — ruang kerja perencana", "placement — planner's workspace"),
    "nav.data": ("Data", "Data"),
    "nav.rules": ("Aturan & Skenario", "Rules & scenario"),
    "nav.run": ("Jalankan", "Run"),
    "nav.plan": ("Rencana", "Plan"),
    "nav.compare": ("Bandingkan", "Compare"),
    "nav.succession": ("Suksesi", "Succession"),
    "nav.history": ("Riwayat", "History"),
    "lang.switch": ("English", "Bahasa Indonesia"),
    "footer.local": (
        "Berjalan di komputer ini ({host}); data tidak dikirim ke mana pun.",
        "Running on this computer ({host}); no data leaves it.",
    ),
    "unexpected": (
        "Terjadi kesalahan tak terduga ({error}). Data, skenario dan run Anda tetap tersimpan; "
        "coba lagi atau buka halaman lain. Rinciannya ada di log server.",
        "An unexpected error occurred ({error}). Your data, scenario and runs are kept; try "
        "again or open another page. The details are in the server log.",
    ),
    # common
    "none": ("(tidak ada)", "(none)"),
    "no_data": (
        "Belum ada data. Buka halaman Data untuk mengunggah file atau memakai wilayah sintetis.",
        "No data yet. Open the Data page to upload files or use the synthetic region.",
    ),
    "no_runs": (
        "Belum ada run. Jalankan skenario di halaman Jalankan.",
        "No runs yet. Run a scenario on the Run page.",
    ),
    "download": ("Unduh", "Download"),
    "file": ("File", "File"),
    "row": ("Baris", "Row"),
    "column": ("Kolom", "Column"),
    "code": ("Kode", "Code"),
    "message": ("Pesan dan cara memperbaiki", "Message and how to fix it"),
    "severity": ("Tingkat", "Severity"),
    # data page
    "data.title": ("Data pegawai dan jabatan", "Employee and post data"),
    "data.current": ("Data yang dipakai: {name}", "Data in use: {name}"),
    "data.upload": (
        "Unggah file templat (satu data.xlsx, atau pegawai.csv, jabatan.csv, … sekaligus)",
        "Upload the template files (one data.xlsx, or pegawai.csv, jabatan.csv, … together)",
    ),
    "data.use_upload": ("Pakai file yang diunggah", "Use the uploaded files"),
    "data.uploaded": ("Diunggah: {names}", "Uploaded: {names}"),
    "data.synthetic": ("Pakai wilayah sintetis bawaan", "Use the built-in synthetic region"),
    "data.preset": ("Ukuran wilayah", "Region size"),
    "data.templates": ("Unduh templat kosong (xlsx)", "Download empty templates (xlsx)"),
    "data.valid": (
        "Data valid: {people} pegawai, {posts} jabatan, {warnings} peringatan.",
        "Data valid: {people} employees, {posts} posts, {warnings} warnings.",
    ),
    "data.invalid": (
        "Data belum dapat dipakai: {errors} galat, {warnings} peringatan. Perbaiki file lalu unggah lagi.",
        "The data cannot be used yet: {errors} errors, {warnings} warnings. Fix the files and upload again.",
    ),
    "data.rejected": ("File ditolak: {reason}", "File refused: {reason}"),
    "data.working": ("Memeriksa data…", "Checking the data…"),
    # run page
    "run.title": ("Jalankan skenario", "Run a scenario"),
    "run.scenario": (
        "Skenario: {name} (tanggal rencana {date})",
        "Scenario: {name} (plan date {date})",
    ),
    "run.time_limit": (
        "Batas waktu penghitungan (detik, kosong = tanpa batas)",
        "Time limit of the computation (s, empty = none)",
    ),
    "run.start": ("Susun rencana", "Build the plan"),
    "run.cancel": ("Batalkan", "Cancel"),
    "run.running": (
        "Sedang menyusun rencana… {elapsed} detik",
        "Building the plan… {elapsed} s",
    ),
    "run.eta": (
        "Perkiraan sisa waktu: ± {left} detik (menurut lama tiap tahap pada run sebelumnya "
        "dengan data ini)",
        "Estimated time left: ± {left} s (from how long each stage took in the previous run "
        "on this data)",
    ),
    "run.eta_late": (
        "Sudah lebih lama dari run sebelumnya dengan data ini; tunggu atau batalkan.",
        "Already longer than the previous run on this data; wait or cancel.",
    ),
    "run.eta_none": (
        "Perkiraan sisa waktu tersedia setelah satu run selesai dengan data ini.",
        "An estimate of the time left is shown once a run on this data has finished.",
    ),
    "run.done": (
        "Selesai: run #{run_id} · {status}.",
        "Done: run #{run_id} · {status}.",
    ),
    "run.no_plan": (
        "Tidak ada rencana yang valid (status {status}).",
        "No valid plan (status {status}).",
    ),
    "run.cancelled": (
        "Dibatalkan; tidak ada file rencana ditulis.",
        "Cancelled; no plan files written.",
    ),
    "run.failed": ("Gagal: {message}", "Failed: {message}"),
    "run.open_plan": ("Buka rencana", "Open the plan"),
    "run.jobs": ("Run di sesi ini", "Runs in this session"),
    "run.busy": ("Sudah ada run yang berjalan.", "A run is already going."),
}


KIND_LABELS: dict[str, tuple[str, str]] = {
    "tetap": ("tetap", "stays"),
    "promosi": ("promosi", "promotion"),
    "rotasi": ("rotasi", "rotation"),
    "mutasi": ("mutasi", "transfer"),
    "demosi": ("demosi", "demotion"),
    "alih_jenis": ("alih jenis (JF ke jabatan administrasi)", "JF into an administration post"),
    "non-job": ("non-job", "non-job"),
}


def kind_label(kind: str) -> str:
    pair = KIND_LABELS.get(kind, (kind, kind))
    """A move kind in words ("alih jenis (JF ke jabatan administrasi)")."""
    return tr(*pair)


def set_lang(lang: Lang) -> None:
    _lang[0] = lang


def lang() -> Lang:
    return _lang[0]


def tr(id_text: str, en_text: str, **values: object) -> str:
    """An inline text pair: ``tr("Rencana", "Plan")`` in the current language."""
    text = en_text if _lang[0] == "en" else id_text
    return text.format(**values) if values else text


def t(key: str, **values: object) -> str:
    """The text of ``key`` in the current language, with ``{name}`` fields filled in."""
    id_text, en_text = TEXTS[key]
    return tr(id_text, en_text, **values)
