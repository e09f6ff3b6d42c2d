"""The input schema in one place: template columns (Indonesian), field names in code (English),
types, allowed values and the SIASN/SAPK header aliases.

Every reader, validator, template writer and the synthetic generator use these tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

ColumnType = Literal[
    "nip",
    "text",
    "date",
    "int",
    "float",
    "bool",
    "golongan",
    "eselon",
    "jenis",
    "jenjang",
    "education",
    "label",
    "gender",
    "status",
    "percent",
]


@dataclass(frozen=True, slots=True)
class Column:
    """One template column."""

    header: str  # Indonesian template header, as planners see it
    field: str  # name in code
    type: ColumnType
    required: bool
    meaning_id: str
    meaning_en: str
    allowed: str = ""
    example: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """One input table (csv file or xlsx sheet)."""

    name: str  # file stem / sheet name
    columns: tuple[Column, ...]
    meaning_id: str
    meaning_en: str

    def column(self, header: str) -> Column:
        return next(c for c in self.columns if c.header == header)

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)


PEGAWAI = Table(
    "pegawai",
    (
        Column(
            "nip",
            "nip",
            "nip",
            True,
            "NIP 18 digit (PNS) atau NI PPPK",
            "18-digit NIP or NI PPPK",
            "18 digit",
            "197001012000011001",
            ("nip baru", "nipbaru", "nip_baru"),
        ),
        Column(
            "nama",
            "name",
            "text",
            True,
            "Nama lengkap",
            "Full name",
            "",
            "Budi Santoso, S.T.",
            ("nama lengkap",),
        ),
        Column(
            "tanggal_lahir",
            "birth_date",
            "date",
            False,
            "Tanggal lahir (dicek dengan NIP)",
            "Birth date (checked against the NIP)",
            "YYYY-MM-DD atau DD-MM-YYYY",
            "1970-01-01",
            ("tgl lahir", "tanggal lahir"),
        ),
        Column(
            "jenis_kelamin",
            "gender",
            "gender",
            False,
            "Jenis kelamin (dari NIP bila kosong)",
            "Gender (from the NIP when empty)",
            "L / P",
            "L",
            ("jenis kelamin", "jk"),
        ),
        Column(
            "status_kepegawaian",
            "status",
            "status",
            True,
            "Status kepegawaian",
            "Employment status",
            "PNS / CPNS / PPPK",
            "PNS",
            ("jenis pegawai nama", "status pegawai"),
        ),
        Column(
            "gol_ruang",
            "golongan",
            "golongan",
            True,
            "Golongan ruang",
            "Grade (golongan ruang)",
            "I/a … IV/e; PPPK: I … XVII",
            "III/d",
            ("gol akhir nama", "golongan", "gol"),
        ),
        Column(
            "tmt_golongan",
            "tmt_golongan",
            "date",
            False,
            "TMT golongan terakhir",
            "Date of the current grade",
            "tanggal",
            "2019-04-01",
            ("tmt gol",),
        ),
        Column(
            "jabatan_id",
            "jabatan_id",
            "text",
            False,
            "ID jabatan struktural yang dijabat sekarang (kosong untuk JF/pelaksana)",
            "Current structural post id (empty for JF / pelaksana)",
            "ID di sheet jabatan",
            "J-001",
            ("jabatan id",),
        ),
        Column(
            "jenis_jabatan",
            "jenis_jabatan",
            "jenis",
            True,
            "Jenis jabatan sekarang",
            "Current kind of jabatan",
            "JPT_MADYA / JPT_PRATAMA / ADMINISTRATOR / PENGAWAS / FUNGSIONAL / PELAKSANA",
            "FUNGSIONAL",
            ("jenis jabatan nama", "jenis jabatan"),
        ),
        Column(
            "jenjang",
            "jenjang",
            "jenjang",
            False,
            "Jenjang JF (untuk FUNGSIONAL)",
            "JF level (for FUNGSIONAL)",
            "ahli pertama / ahli muda / ahli madya / ahli utama / pemula / terampil / mahir / penyelia",
            "ahli muda",
            ("jenjang jabatan",),
        ),
        Column(
            "unit_kerja",
            "unit",
            "text",
            True,
            "Unit kerja / OPD",
            "Work unit (OPD)",
            "",
            "Dinas Kesehatan",
            ("unor nama", "unit organisasi", "opd"),
        ),
        Column(
            "tmt_jabatan",
            "tmt_jabatan",
            "date",
            False,
            "TMT pada jabatan sekarang",
            "Start date in the current post",
            "tanggal",
            "2021-01-04",
            ("tmt jabatan",),
        ),
        Column(
            "tmt_jenjang",
            "tmt_jenjang",
            "date",
            False,
            "TMT sejak mencapai jenjang sekarang (untuk syarat pengalaman)",
            "Date the current level was reached (experience rules)",
            "tanggal",
            "2018-01-02",
        ),
        Column(
            "pendidikan",
            "education",
            "education",
            True,
            "Tingkat pendidikan terakhir",
            "Highest education",
            "SD, SMP, SMA, D1, D2, D3, D4, S1, S2, S3",
            "S1",
            ("tingkat pendidikan nama", "tingkat pendidikan"),
        ),
        Column(
            "jurusan",
            "major",
            "text",
            False,
            "Jurusan pendidikan",
            "Field of study",
            "",
            "Kesehatan Masyarakat",
            ("pendidikan nama",),
        ),
        Column(
            "kotak_talenta",
            "talent_box",
            "int",
            False,
            "Kotak talenta (9-box) hasil pemetaan",
            "Talent box (9-box)",
            "1–9",
            "7",
            ("kotak talenta", "box talenta"),
        ),
        Column(
            "predikat_kinerja_1",
            "skp_1",
            "label",
            False,
            "Predikat kinerja (SKP) tahun lalu",
            "Performance rating last year",
            "Sangat Baik / Baik / Butuh Perbaikan / Kurang / Sangat Kurang",
            "Baik",
        ),
        Column(
            "predikat_kinerja_2",
            "skp_2",
            "label",
            False,
            "Predikat kinerja (SKP) 2 tahun lalu",
            "Performance rating two years ago",
            "Sangat Baik / Baik / Butuh Perbaikan / Kurang / Sangat Kurang",
            "Sangat Baik",
        ),
        Column(
            "hukuman_disiplin",
            "discipline",
            "label",
            False,
            "Hukuman disiplin yang berlaku",
            "Active disciplinary sanction",
            "ringan / sedang / berat / kosong",
            "",
        ),
        Column(
            "tmt_selesai_hukuman",
            "discipline_until",
            "date",
            False,
            "Tanggal selesai hukuman disiplin",
            "End date of the sanction",
            "tanggal",
            "",
        ),
        Column(
            "job_fit",
            "job_fit",
            "label",
            False,
            "Hasil job fit / uji kompetensi JPT",
            "Job-fit result (JPT)",
            "optimal / cukup optimal / kurang optimal",
            "",
        ),
        Column(
            "instansi",
            "instansi",
            "text",
            False,
            "Instansi kerja (kosong = instansi ini); beda dari fakta.instansi.nama skenario = "
            "perpindahan antar instansi (pertimbangan teknis BKN)",
            "Employing instansi (empty = this one); differing from the scenario's "
            "fakta.instansi.nama = a move between instansi (BKN technical review)",
            "",
            "Pemerintah Kabupaten Contoh",
            ("instansi kerja nama", "instansi kerja"),
        ),
        Column(
            "nama_jabatan",
            "post_name",
            "text",
            False,
            "Nama jabatan sekarang (JF dan pelaksana; SIASN: JABATAN NAMA)",
            "Current post name (JF and pelaksana staff; SIASN: JABATAN NAMA)",
            "",
            "Perawat Ahli Muda",
            ("jabatan nama", "nama jabatan"),
        ),
        Column(
            "jpm",
            "jpm",
            "percent",
            False,
            "JPM (%) hasil asesmen, dipakai langsung bila level per kompetensi tidak ada",
            "JPM (%) from the assessment, used directly when there are no levels per competency",
            "0–100",
            "82,5",
            ("jpm persen", "job person match"),
        ),
    ),
    "Data pegawai (ASN) sebagai kandidat dan pemegang jabatan",
    "Civil servants (candidates and post holders)",
)

JABATAN = Table(
    "jabatan",
    (
        Column(
            "jabatan_id",
            "jabatan_id",
            "text",
            True,
            "ID jabatan (unik)",
            "Post id (unique)",
            "teks unik",
            "J-001",
            ("jabatan id", "id jabatan"),
        ),
        Column(
            "nama_jabatan",
            "name",
            "text",
            True,
            "Nama jabatan",
            "Post name",
            "",
            "Kepala Bidang Pelayanan Kesehatan",
            ("jabatan nama", "nama jabatan"),
        ),
        Column(
            "unit_kerja",
            "opd",
            "text",
            True,
            "OPD tempat jabatan",
            "OPD of the post",
            "",
            "Dinas Kesehatan",
            ("unor nama", "opd", "perangkat daerah"),
        ),
        Column(
            "jenis_jabatan",
            "jenis_jabatan",
            "jenis",
            True,
            "Jenis jabatan struktural",
            "Structural kind",
            "JPT_MADYA / JPT_PRATAMA / ADMINISTRATOR / PENGAWAS",
            "ADMINISTRATOR",
            ("jenis jabatan nama", "jenis jabatan"),
        ),
        Column(
            "eselon",
            "eselon",
            "eselon",
            True,
            "Eselon",
            "Eselon",
            "I.b, II.a … IV.b",
            "III.b",
            ("eselon nama",),
        ),
        Column(
            "gol_min",
            "min_golongan",
            "golongan",
            False,
            "Golongan minimal (kosong = bawaan eselon)",
            "Minimum grade (empty = eselon default)",
            "I/a … IV/e",
            "",
        ),
        Column(
            "pendidikan_min",
            "min_education",
            "education",
            False,
            "Pendidikan minimal (kosong = bawaan jenis jabatan)",
            "Minimum education (empty = default of the kind)",
            "SD … S3",
            "",
        ),
        Column(
            "rumpun",
            "rumpun",
            "text",
            False,
            "Rumpun jabatan (untuk kesesuaian jurusan)",
            "Job family (to match fields of study)",
            "lihat tabel rumpun",
            "kesehatan",
        ),
        Column(
            "prioritas",
            "priority",
            "int",
            False,
            "Prioritas pengisian (1 tinggi … 3 rendah)",
            "Fill priority (1 high … 3 low)",
            "1, 2, 3 (kosong = dari jenis dan nama jabatan)",
            "1",
        ),
        Column(
            "wajib_isi",
            "must_fill",
            "bool",
            False,
            "Wajib diisi",
            "Must be filled",
            "ya / tidak (kosong = dari jenis dan nama jabatan)",
            "ya",
        ),
        Column(
            "teknis",
            "technical",
            "bool",
            False,
            "Jabatan teknis (butuh rumpun yang sesuai; kosong = diturunkan dari nama)",
            "Technical post (needs a matching field; empty = derived from its name)",
            "ya / tidak (kosong = otomatis)",
            "",
        ),
        Column(
            "instansi",
            "instansi",
            "text",
            False,
            "Instansi pemilik jabatan (kosong = instansi ini); data dengan beberapa instansi "
            "diselesaikan per instansi (perpindahan antar instansi tidak direncanakan)",
            "Instansi that owns the post (empty = this one); data with several instansi is "
            "solved per instansi (moves between instansi are not planned)",
            "",
            "Pemerintah Kabupaten Contoh",
        ),
    ),
    "Jabatan struktural (pos yang direncanakan)",
    "Structural posts (what the plan fills)",
)

KOMPETENSI = Table(
    "kompetensi",
    (
        Column(
            "nip",
            "nip",
            "nip",
            True,
            "NIP pegawai",
            "NIP",
            "18 digit",
            "197001012000011001",
            ("nip baru",),
        ),
        Column(
            "kompetensi",
            "competency",
            "text",
            True,
            "Nama kompetensi",
            "Competency",
            "",
            "integritas",
        ),
        Column(
            "level",
            "level",
            "float",
            True,
            "Level hasil asesmen (desimal boleh)",
            "Assessed level (decimals allowed)",
            "1–5",
            "3,25",
        ),
    ),
    "Hasil uji kompetensi / asesmen (format panjang)",
    "Assessment results (long form)",
)

STANDAR_KOMPETENSI = Table(
    "standar_kompetensi",
    (
        Column(
            "jabatan_id",
            "jabatan_id",
            "text",
            True,
            "ID jabatan",
            "Post id",
            "ID di sheet jabatan",
            "J-001",
        ),
        Column(
            "kompetensi",
            "competency",
            "text",
            True,
            "Nama kompetensi",
            "Competency",
            "",
            "integritas",
        ),
        Column("level", "level", "float", True, "Level standar", "Standard level", "1–5", "4"),
    ),
    "Standar kompetensi jabatan (format panjang)",
    "Competency standards per post (long form)",
)

TABLES: tuple[Table, ...] = (PEGAWAI, JABATAN, KOMPETENSI, STANDAR_KOMPETENSI)

MANAGERIAL_COMPETENCIES: tuple[str, ...] = (
    "integritas",
    "kerja sama",
    "komunikasi",
    "orientasi pada hasil",
    "pelayanan publik",
    "pengembangan diri dan orang lain",
    "mengelola perubahan",
    "pengambilan keputusan",
    "perekat bangsa",
)


def header_key(header: str) -> str:
    """Matching key for headers: case, spaces, '_' and punctuation ignored ("NIP BARU" = "nipBaru")."""
    return re.sub(r"[^a-z0-9]", "", str(header).lower())


def header_map(table: Table) -> dict[str, str]:
    """Header key → canonical template header, from the headers and their aliases."""
    out: dict[str, str] = {}
    for col in table.columns:
        for name in (col.header, col.field, *col.aliases):
            out.setdefault(header_key(name), col.header)
    return out
