"""Codes of located issues (data validation, reading, rule packs): severity and a one-line
description (id / en) of each, for the docs."""

from __future__ import annotations

from dataclasses import dataclass

from placement.domain.errors import Severity

ERROR = Severity.ERROR
WARNING = Severity.WARNING


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """A validation code: severity and a one-line description (id / en) for the docs."""

    severity: Severity
    description_id: str
    description_en: str


# fmt: off
CODES: dict[str, CodeInfo] = {
    # reading (placement.io.readers)
    "PATH_TIDAK_ADA": CodeInfo(ERROR, "Folder/file data tidak ditemukan", "Data folder/file not found"),
    "FILE_TIDAK_ADA": CodeInfo(ERROR, "File/sheet pegawai atau jabatan tidak ada", "pegawai or jabatan file/sheet missing"),
    "FILE_OPSIONAL_TIDAK_ADA": CodeInfo(WARNING, "File/sheet kompetensi atau standar_kompetensi tidak ada", "kompetensi or standar_kompetensi file/sheet missing"),
    "FILE_TIDAK_TERBACA": CodeInfo(ERROR, "File tidak dapat dibaca (rusak, terkunci, format salah)", "File cannot be read"),
    "FILE_TERLALU_BESAR": CodeInfo(ERROR, "File, bagian workbook atau jumlah sel melebihi batas pembacaan", "File, workbook part or cell count over the reading limits"),
    "FILE_KOSONG": CodeInfo(ERROR, "File/sheet tanpa baris judul kolom", "File/sheet without a header row"),
    "FILE_DIABAIKAN": CodeInfo(WARNING, "Workbook diabaikan karena file csv dipakai", "Workbook ignored because csv files are used"),
    "WORKBOOK_GANDA": CodeInfo(ERROR, "Lebih dari satu file xlsx dan tidak ada data.xlsx", "Several xlsx files and no data.xlsx"),
    "KOLOM_GANDA": CodeInfo(ERROR, "Dua kolom berarti sama (mis. nip dan NIP BARU)", "Two columns map to the same template column"),
    "KOLOM_TIDAK_DIKENAL": CodeInfo(WARNING, "Kolom tambahan tidak dikenal; disimpan tetapi diabaikan", "Unknown extra column; kept but ignored"),
    "FILE_SUDAH_ADA": CodeInfo(ERROR, "Template tidak ditulis: file sudah ada (pakai --force)", "Template not written: file exists (use --force)"),
    "BARIS_KOLOM_LEBIH": CodeInfo(ERROR, "Baris berisi lebih banyak sel daripada judul kolom", "Row has more cells than the header"),
    # structure
    "KOLOM_WAJIB_TIDAK_ADA": CodeInfo(ERROR, "Kolom wajib tidak ada", "Required column missing"),
    "TABEL_TANPA_DATA": CodeInfo(ERROR, "Tabel pegawai/jabatan tanpa baris data", "pegawai/jabatan table without data rows"),
    "NILAI_WAJIB_KOSONG": CodeInfo(ERROR, "Sel wajib kosong", "Required cell empty"),
    # values
    "NIP_EXCEL_ANGKA": CodeInfo(ERROR, "NIP tersimpan sebagai angka di Excel (digit hilang)", "NIP stored as a number by Excel"),
    "NIP_BUKAN_ANGKA": CodeInfo(ERROR, "NIP berisi karakter selain angka", "NIP has non-digits"),
    "NIP_PANJANG": CodeInfo(ERROR, "NIP tidak 18 digit", "NIP is not 18 digits"),
    "NIP_TANGGAL_LAHIR": CodeInfo(ERROR, "8 digit pertama NIP bukan tanggal valid", "First 8 NIP digits are not a valid date"),
    "NIP_TMT_CPNS": CodeInfo(ERROR, "Digit 9–14 NIP bukan TMT CPNS valid", "NIP digits 9–14 are not a valid TMT CPNS"),
    "NIP_JENIS_KELAMIN": CodeInfo(ERROR, "Digit ke-15 NIP bukan 1 atau 2", "NIP digit 15 is not 1 or 2"),
    "TANGGAL_TIDAK_VALID": CodeInfo(ERROR, "Tanggal tidak dapat dibaca atau tidak mungkin", "Unreadable or impossible date"),
    "TANGGAL_MASA_DEPAN": CodeInfo(ERROR, "Tanggal lahir/TMT setelah tanggal rencana (hari ini bila belum diketahui)", "Birth/TMT date after the plan date (today when not known)"),
    "TANGGAL_TERLALU_AWAL": CodeInfo(ERROR, "TMT sebelum pegawai berusia 18 tahun", "TMT before the person turned 18"),
    "USIA_TIDAK_WAJAR": CodeInfo(ERROR, "Usia di luar 18–70 tahun pada tanggal rencana", "Age outside 18–70 at the plan date"),
    "STATUS_TIDAK_DIKENAL": CodeInfo(ERROR, "Status kepegawaian bukan PNS/CPNS/PPPK", "Employment status is not PNS/CPNS/PPPK"),
    "JENIS_KELAMIN_TIDAK_DIKENAL": CodeInfo(ERROR, "Jenis kelamin bukan L/P", "Gender is not L/P"),
    "GOLONGAN_TIDAK_DIKENAL": CodeInfo(ERROR, "Golongan ruang tidak dikenal", "Unknown golongan"),
    "JENIS_JABATAN_TIDAK_DIKENAL": CodeInfo(ERROR, "Jenis jabatan tidak dikenal", "Unknown jenis jabatan"),
    "JENJANG_TIDAK_DIKENAL": CodeInfo(ERROR, "Jenjang JF tidak dikenal", "Unknown JF jenjang"),
    "ESELON_TIDAK_DIKENAL": CodeInfo(ERROR, "Eselon tidak dikenal", "Unknown eselon"),
    "PENDIDIKAN_TIDAK_DIKENAL": CodeInfo(ERROR, "Tingkat pendidikan tidak dikenal", "Unknown education level"),
    "PREDIKAT_KINERJA_TIDAK_DIKENAL": CodeInfo(ERROR, "Predikat kinerja (SKP) tidak dikenal", "Unknown performance rating"),
    "HUKUMAN_DISIPLIN_TIDAK_DIKENAL": CodeInfo(ERROR, "Tingkat hukuman disiplin tidak dikenal", "Unknown sanction level"),
    "JOB_FIT_TIDAK_DIKENAL": CodeInfo(ERROR, "Hasil job fit tidak dikenal", "Unknown job-fit result"),
    "KOTAK_TALENTA_TIDAK_VALID": CodeInfo(ERROR, "Kotak talenta bukan bilangan bulat 1–9", "Talent box is not an integer 1–9"),
    "PRIORITAS_TIDAK_VALID": CodeInfo(ERROR, "Prioritas bukan 1, 2 atau 3", "Priority is not 1, 2 or 3"),
    "WAJIB_ISI_TIDAK_VALID": CodeInfo(ERROR, "wajib_isi bukan ya/tidak", "must-fill is not yes/no"),
    "PRIORITAS_DITURUNKAN": CodeInfo(WARNING, "Prioritas kosong; diturunkan dari jenis dan nama jabatan (satu peringatan per kolom)", "Priority empty; derived from the post's kind and name (one warning per column)"),
    "WAJIB_ISI_DITURUNKAN": CodeInfo(WARNING, "wajib_isi kosong; diturunkan dari jenis dan nama jabatan (satu peringatan per kolom)", "Must-fill empty; derived from the post's kind and name (one warning per column)"),
    "LEVEL_TIDAK_VALID": CodeInfo(ERROR, "Level kompetensi bukan angka 1–5", "Competency level is not a number 1–5"),
    "JPM_TIDAK_VALID": CodeInfo(ERROR, "JPM bukan persen 0–100", "JPM is not a percentage 0–100"),
    # consistency within a table
    "NIP_GANDA": CodeInfo(ERROR, "NIP muncul lebih dari sekali", "Duplicate NIP"),
    "TANGGAL_LAHIR_TIDAK_SESUAI_NIP": CodeInfo(ERROR, "Tanggal lahir berbeda dari NIP", "Birth date differs from the NIP"),
    "TANGGAL_LAHIR_KOSONG": CodeInfo(WARNING, "Tanggal lahir kosong; diambil dari NIP", "Birth date empty; taken from the NIP"),
    "STATUS_TIDAK_SESUAI_NIP": CodeInfo(WARNING, "Status PNS/PPPK tidak sesuai bentuk NIP", "PNS/PPPK status does not match the NIP"),
    "JENIS_KELAMIN_TIDAK_SESUAI_NIP": CodeInfo(WARNING, "Jenis kelamin berbeda dari NIP", "Gender differs from the NIP"),
    "GOLONGAN_TIDAK_SESUAI_STATUS": CodeInfo(ERROR, "Golongan PPPK untuk PNS atau sebaliknya", "PPPK grade for a PNS or vice versa"),
    "JENJANG_KOSONG": CodeInfo(WARNING, "Pejabat fungsional tanpa jenjang", "Functional official without a jenjang"),
    "JABATAN_ID_GANDA": CodeInfo(ERROR, "jabatan_id muncul lebih dari sekali", "Duplicate jabatan_id"),
    "JENIS_JABATAN_BUKAN_STRUKTURAL": CodeInfo(ERROR, "Jabatan di sheet jabatan bukan jabatan struktural", "Post in the jabatan sheet is not structural"),
    "ESELON_TIDAK_SESUAI_JENIS": CodeInfo(ERROR, "Eselon tidak cocok dengan jenis jabatan", "Eselon does not match the kind of post"),
    "KOMPETENSI_GANDA": CodeInfo(ERROR, "Kompetensi yang sama dua kali untuk satu NIP", "Same competency twice for one NIP"),
    "STANDAR_GANDA": CodeInfo(ERROR, "Kompetensi yang sama dua kali untuk satu jabatan", "Same competency twice for one post"),
    # consistency across tables
    "JABATAN_ID_TIDAK_DIKENAL": CodeInfo(ERROR, "jabatan_id pegawai tidak ada di sheet jabatan", "Person's jabatan_id not in the jabatan sheet"),
    "JABATAN_DIPEGANG_GANDA": CodeInfo(ERROR, "Satu jabatan dijabat lebih dari satu pegawai", "One post held by several people"),
    "JENIS_JABATAN_TIDAK_SESUAI_JABATAN": CodeInfo(ERROR, "Jenis jabatan pegawai berbeda dari jabatan yang dijabat", "Person's kind differs from the post held"),
    "STRUKTURAL_TANPA_JABATAN": CodeInfo(WARNING, "Pejabat struktural tanpa jabatan_id", "Structural official without jabatan_id"),
    "PEMEGANG_GOLONGAN_KURANG": CodeInfo(WARNING, "Pemegang jabatan di bawah golongan minimal jabatannya", "Holder below the post's minimum grade"),
    "PEMEGANG_PENDIDIKAN_KURANG": CodeInfo(WARNING, "Pemegang jabatan di bawah pendidikan minimal jabatannya", "Holder below the post's minimum education"),
    "KOMPETENSI_NIP_TIDAK_DIKENAL": CodeInfo(ERROR, "NIP di kompetensi tidak ada di pegawai", "NIP in kompetensi not in pegawai"),
    "STANDAR_JABATAN_TIDAK_DIKENAL": CodeInfo(ERROR, "jabatan_id di standar tidak ada di jabatan", "jabatan_id in the standard not in jabatan"),
    "KOMPETENSI_TIDAK_ADA": CodeInfo(WARNING, "Pegawai tanpa nilai kompetensi (JPM tidak dapat dihitung)", "Person without competency scores (no JPM)"),
    "STANDAR_TIDAK_ADA": CodeInfo(WARNING, "Jabatan tanpa standar kompetensi (dipakai standar bawaan)", "Post without a competency standard (default used)"),
    # rule packs and the scenario's rule overrides (placement.rules.registry)
    "PAKET_ATURAN_TIDAK_ADA": CodeInfo(ERROR, "Paket aturan tidak ditemukan", "Rule pack not found"),
    "PAKET_ATURAN": CodeInfo(ERROR, "Paket aturan (YAML) tidak valid", "Invalid rule pack (YAML)"),
    "ATURAN_TIDAK_DIKENAL": CodeInfo(ERROR, "Skenario mengubah aturan yang tidak ada di paket", "Scenario overrides a rule the pack does not have"),
    "ATURAN_PARAMETER": CodeInfo(ERROR, "Parameter aturan tidak dikenal di skenario", "Unknown rule parameter in the scenario"),
    "ATURAN_NILAI": CodeInfo(ERROR, "Nilai parameter aturan di skenario tidak valid", "Invalid rule parameter value in the scenario"),
    # the scenario against the data (placement.solver.build)
    "SKENARIO_NIP_TIDAK_DIKENAL": CodeInfo(ERROR, "NIP di skenario tidak ada di data pegawai", "Scenario NIP not in the pegawai data"),
    "WAJIB_PINDAH_BUKAN_PEJABAT": CodeInfo(ERROR, "Pegawai wajib pindah tidak memegang jabatan dalam lingkup", "Must-move person holds no post in scope"),
    "SKENARIO_JABATAN_TIDAK_DIKENAL": CodeInfo(ERROR, "jabatan_id di skenario tidak ada di data jabatan", "Scenario jabatan_id not in the jabatan data"),
    "PERTAHANKAN_LOWONG": CodeInfo(ERROR, "Jabatan yang dipertahankan sedang lowong", "Post to keep is vacant"),
    "KUNCI_DAN_LARANG": CodeInfo(ERROR, "Pasangan dikunci sekaligus dilarang", "Pair both locked and forbidden"),
    "KUNCI_GANDA_JABATAN": CodeInfo(ERROR, "Satu jabatan dikunci untuk dua orang", "One post locked to two people"),
    "KUNCI_GANDA_PEGAWAI": CodeInfo(ERROR, "Satu pegawai dikunci ke dua jabatan", "One person locked to two posts"),
    "KUNCI_TIDAK_MEMENUHI_SYARAT": CodeInfo(ERROR, "Kunci tidak dapat dipenuhi (tidak memenuhi syarat)", "Lock cannot be honoured (not eligible)"),
    "WAJIB_PINDAH_TANPA_TUJUAN": CodeInfo(ERROR, "Pegawai wajib pindah tanpa jabatan lain yang memenuhi syarat", "Must-move person with no other eligible post"),
    "BATAS_DI_BAWAH_WAJIB_PINDAH": CodeInfo(ERROR, "Batas perpindahan lebih kecil dari jumlah wajib pindah", "Move cap below the number of must-moves"),
    # a person or post asked for by NIP / jabatan_id (placement.rules: explanations, JPM)
    "NIP_TIDAK_ADA": CodeInfo(ERROR, "NIP yang diminta tidak ada di data pegawai", "Requested NIP not in the pegawai data"),
    "JABATAN_TIDAK_ADA": CodeInfo(ERROR, "jabatan_id yang diminta tidak ada di data jabatan", "Requested jabatan_id not in the jabatan data"),
}
# fmt: on


__all__ = ["CODES", "CodeInfo"]
