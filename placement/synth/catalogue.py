"""Organisation catalogue of Indonesian regional governments: OPD names, bidang, UPTD labels.

Pure data. Used by :mod:`placement.synth.structure` to lay out posts per preset.
"""

from __future__ import annotations

from dataclasses import dataclass

# Fields of work a synthetic person may have (the rumpun vocabulary of placement/data/).
RUMPUN: tuple[str, ...] = (
    "kesehatan",
    "pendidikan",
    "keuangan",
    "ekonomi",
    "pekerjaan_umum",
    "informatika",
    "lingkungan",
    "perhubungan",
    "pertanian",
    "peternakan",
    "perikanan",
    "kehutanan",
    "hukum",
    "pemerintahan",
    "sosial",
    "umum",
)
# Post fields without study programmes of their own draw from these.
FIELD_ALIAS: dict[str, str] = {"pengawasan": "keuangan", "teknik": "pekerjaan_umum"}


@dataclass(frozen=True, slots=True)
class Programme:
    """A study programme (jurusan) with the titles its graduates carry."""

    jurusan: str
    s1: str  # title after the name for S1 / D4 ("S.K.M.", "S.Kep., Ns.")
    s2: str  # title added for S2 / S3
    front: str = ""  # title before the name ("dr.", "drh.")


# Study programmes per field (D3 and higher; SMA graduates get IPA / IPS / SMK).
PROGRAMMES: dict[str, tuple[Programme, ...]] = {
    "kesehatan": (
        Programme("Kesehatan Masyarakat", "S.K.M.", "M.Kes."),
        Programme("Keperawatan", "S.Kep., Ns.", "M.Kep."),
        Programme("Pendidikan Dokter", "", "M.Kes.", "dr."),
        Programme("Farmasi", "S.Farm., Apt.", "M.Farm."),
        Programme("Kebidanan", "S.Tr.Keb.", "M.Kes."),
        Programme("Gizi", "S.Gz.", "M.Gz."),
    ),
    "pendidikan": (
        Programme("Pendidikan Matematika", "S.Pd.", "M.Pd."),
        Programme("Manajemen Pendidikan", "S.Pd.", "M.Pd."),
        Programme("Pendidikan Bahasa Indonesia", "S.Pd.", "M.Pd."),
        Programme("Pendidikan Guru Sekolah Dasar", "S.Pd.", "M.Pd."),
    ),
    "keuangan": (
        Programme("Akuntansi", "S.Ak.", "M.Ak."),
        Programme("Akuntansi", "S.E.", "M.Ak."),
        Programme("Manajemen Keuangan", "S.E.", "M.M."),
        Programme("Perpajakan", "S.E.", "M.Ak."),
    ),
    "ekonomi": (
        Programme("Ekonomi Pembangunan", "S.E.", "M.E."),
        Programme("Manajemen", "S.E.", "M.M."),
    ),
    "pekerjaan_umum": (
        Programme("Teknik Sipil", "S.T.", "M.T."),
        Programme("Arsitektur", "S.Ars.", "M.T."),
        Programme("Perencanaan Wilayah dan Kota", "S.PWK.", "M.T."),
        Programme("Teknik Geodesi", "S.T.", "M.T."),
    ),
    "informatika": (
        Programme("Teknik Informatika", "S.Kom.", "M.Kom."),
        Programme("Sistem Informasi", "S.Kom.", "M.Kom."),
    ),
    "lingkungan": (
        Programme("Teknik Lingkungan", "S.T.", "M.T."),
        Programme("Ilmu Lingkungan", "S.Si.", "M.Si."),
    ),
    "perhubungan": (
        Programme("Manajemen Transportasi", "S.Tr.", "M.T."),
        Programme("Teknik Transportasi", "S.T.", "M.T."),
    ),
    "pertanian": (
        Programme("Agroteknologi", "S.P.", "M.P."),
        Programme("Agribisnis", "S.P.", "M.P."),
        Programme("Teknologi Pangan", "S.TP.", "M.P."),
    ),
    "peternakan": (
        Programme("Peternakan", "S.Pt.", "M.Pt."),
        Programme("Kedokteran Hewan", "", "M.Si.", "drh."),
    ),
    "perikanan": (
        Programme("Budidaya Perairan", "S.Pi.", "M.Pi."),
        Programme("Ilmu Kelautan", "S.Pi.", "M.Si."),
    ),
    "kehutanan": (Programme("Kehutanan", "S.Hut.", "M.Hut."),),
    "hukum": (
        Programme("Ilmu Hukum", "S.H.", "M.H."),
        Programme("Hukum Tata Negara", "S.H.", "M.H."),
    ),
    "pemerintahan": (
        Programme("Ilmu Pemerintahan", "S.IP.", "M.Si."),
        Programme("Administrasi Negara", "S.AP.", "M.AP."),
        Programme("Ilmu Politik", "S.IP.", "M.Si."),
    ),
    "sosial": (
        Programme("Sosiologi", "S.Sos.", "M.Si."),
        Programme("Ilmu Komunikasi", "S.I.Kom.", "M.Si."),
        Programme("Kesejahteraan Sosial", "S.Sos.", "M.Si."),
        Programme("Psikologi", "S.Psi.", "M.Psi."),
    ),
    "umum": (
        Programme("Manajemen Sumber Daya Manusia", "S.M.", "M.M."),
        Programme("Statistika", "S.Stat.", "M.Si."),
        Programme("Ilmu Perpustakaan", "S.IP.", "M.Si."),
    ),
}
SCHOOL_MAJORS: tuple[str, ...] = ("IPA", "IPS", "SMK Akuntansi", "SMK Teknik", "SMK Perkantoran")

# JF names per field (the jenjang is appended: "Perawat Ahli Muda"); pelaksana post names.
JF_NAMES: dict[str, tuple[str, ...]] = {
    "kesehatan": (
        "Perawat",
        "Bidan",
        "Dokter",
        "Apoteker",
        "Nutrisionis",
        "Sanitarian",
        "Epidemiolog Kesehatan",
        "Penyuluh Kesehatan Masyarakat",
    ),
    "pendidikan": ("Guru", "Pengawas Sekolah", "Pamong Belajar"),
    "keuangan": ("Analis Keuangan Pusat dan Daerah", "Auditor", "Analis Anggaran"),
    "ekonomi": ("Analis Perdagangan", "Pengawas Koperasi"),
    "pekerjaan_umum": (
        "Teknik Jalan dan Jembatan",
        "Teknik Pengairan",
        "Teknik Tata Bangunan dan Perumahan",
        "Penata Ruang",
    ),
    "informatika": ("Pranata Komputer",),
    "lingkungan": ("Pengendali Dampak Lingkungan", "Pengawas Lingkungan Hidup"),
    "perhubungan": ("Penguji Kendaraan Bermotor",),
    "pertanian": (
        "Penyuluh Pertanian",
        "Pengendali Organisme Pengganggu Tumbuhan",
        "Analis Ketahanan Pangan",
    ),
    "peternakan": ("Medik Veteriner", "Paramedik Veteriner"),
    "perikanan": ("Penyuluh Perikanan",),
    "kehutanan": ("Penyuluh Kehutanan", "Polisi Kehutanan"),
    "hukum": ("Analis Hukum", "Perancang Peraturan Perundang-undangan"),
    "pemerintahan": ("Analis Kebijakan",),
    "sosial": ("Pekerja Sosial", "Penyuluh Sosial"),
    "umum": (
        "Analis Kebijakan",
        "Perencana",
        "Arsiparis",
        "Pustakawan",
        "Analis Sumber Daya Manusia Aparatur",
    ),
}
PELAKSANA_NAMES: dict[str, tuple[str, ...]] = {
    "keuangan": ("Pengelola Keuangan", "Bendahara"),
    "pemerintahan": ("Analis Pemerintahan", "Pengadministrasi Umum"),
    "umum": ("Pengadministrasi Umum", "Pengadministrasi Perkantoran", "Pengelola Data"),
}

SUBBAG_DINAS: tuple[str, ...] = ("Umum dan Kepegawaian", "Keuangan", "Perencanaan dan Evaluasi")
SEKSI_KINDS: tuple[str, ...] = (
    "Perencanaan dan Pengembangan",
    "Pembinaan dan Pengawasan",
    "Pelayanan dan Data",
)


@dataclass(frozen=True, slots=True)
class Dinas:
    """A dinas or badan: name (without "Dinas"/"Badan"), its bidang, and where it exists."""

    name: str
    bidang: tuple[str, ...]
    kabupaten: bool = True
    provinsi: bool = True
    uptd: str = ""  # UPTD label ("" = none), e.g. "UPTD Pengelolaan Jalan Wilayah"
    uptd_weight: float = 0.0  # share of the region's UPTD posts


DINAS: tuple[Dinas, ...] = (
    Dinas(
        "Dinas Pendidikan dan Kebudayaan",
        (
            "Pembinaan PAUD dan Pendidikan Nonformal",
            "Pembinaan Sekolah Dasar",
            "Pembinaan Sekolah Menengah Pertama",
            "Kebudayaan",
            "Ketenagaan",
        ),
        provinsi=False,
    ),
    Dinas(
        "Dinas Pendidikan",
        ("Pembinaan SMA", "Pembinaan SMK", "Pendidikan Khusus", "Guru dan Tenaga Kependidikan"),
        kabupaten=False,
        uptd="Cabang Dinas Pendidikan Wilayah",
        uptd_weight=0.04,
    ),
    Dinas(
        "Dinas Kesehatan",
        (
            "Kesehatan Masyarakat",
            "Pencegahan dan Pengendalian Penyakit",
            "Pelayanan Kesehatan",
            "Sumber Daya Kesehatan",
        ),
        uptd="UPTD Laboratorium Kesehatan Wilayah",
        uptd_weight=0.04,
    ),
    Dinas(
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        ("Bina Marga", "Sumber Daya Air", "Cipta Karya", "Penataan Ruang", "Jasa Konstruksi"),
        uptd="UPTD Pengelolaan Jalan dan Jembatan Wilayah",
        uptd_weight=0.1,
    ),
    Dinas(
        "Dinas Perumahan Rakyat dan Kawasan Permukiman",
        ("Perumahan", "Kawasan Permukiman", "Pertanahan", "Prasarana Sarana dan Utilitas Umum"),
    ),
    Dinas(
        "Dinas Sosial",
        (
            "Rehabilitasi Sosial",
            "Perlindungan dan Jaminan Sosial",
            "Pemberdayaan Sosial",
            "Penanganan Fakir Miskin",
        ),
        uptd="UPTD Panti Sosial Wilayah",
        uptd_weight=0.06,
    ),
    Dinas(
        "Dinas Tenaga Kerja dan Transmigrasi",
        (
            "Penempatan dan Perluasan Kerja",
            "Pelatihan dan Produktivitas",
            "Hubungan Industrial",
            "Transmigrasi",
        ),
        uptd="UPTD Balai Latihan Kerja Wilayah",
        uptd_weight=0.04,
    ),
    Dinas(
        "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
        "Perlindungan Anak",
        (
            "Pengendalian Penduduk",
            "Keluarga Berencana",
            "Pemberdayaan Perempuan",
            "Perlindungan Anak",
        ),
    ),
    Dinas(
        "Dinas Ketahanan Pangan",
        ("Ketersediaan dan Distribusi Pangan", "Konsumsi dan Keamanan Pangan", "Kerawanan Pangan"),
    ),
    Dinas(
        "Dinas Lingkungan Hidup",
        (
            "Tata Lingkungan",
            "Pengelolaan Sampah dan Limbah B3",
            "Pengendalian Pencemaran",
            "Pertamanan",
        ),
        uptd="UPTD Pengelolaan Sampah Wilayah",
        uptd_weight=0.04,
    ),
    Dinas(
        "Dinas Kependudukan dan Pencatatan Sipil",
        (
            "Pelayanan Pendaftaran Penduduk",
            "Pelayanan Pencatatan Sipil",
            "Pengelolaan Informasi Administrasi Kependudukan",
            "Pemanfaatan Data dan Inovasi Pelayanan",
        ),
        provinsi=False,
    ),
    Dinas(
        "Dinas Pemberdayaan Masyarakat dan Desa",
        ("Pemerintahan Desa", "Pemberdayaan Masyarakat", "Kelembagaan dan Keuangan Desa"),
    ),
    Dinas(
        "Dinas Perhubungan",
        ("Lalu Lintas", "Angkutan", "Sarana dan Prasarana", "Perhubungan Laut"),
        uptd="UPTD Pengujian Kendaraan Bermotor Wilayah",
        uptd_weight=0.05,
    ),
    Dinas(
        "Dinas Komunikasi dan Informatika",
        (
            "Informasi dan Komunikasi Publik",
            "Aplikasi Informatika",
            "Persandian dan Statistik",
            "Infrastruktur Teknologi Informasi",
        ),
    ),
    Dinas(
        "Dinas Koperasi dan Usaha Mikro",
        ("Kelembagaan Koperasi", "Pemberdayaan Usaha Mikro", "Pengawasan Koperasi"),
    ),
    Dinas(
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        (
            "Penanaman Modal",
            "Pelayanan Perizinan",
            "Pengaduan dan Informasi",
            "Pengendalian Pelaksanaan",
        ),
    ),
    Dinas(
        "Dinas Pemuda, Olahraga dan Pariwisata",
        ("Kepemudaan", "Keolahragaan", "Destinasi Pariwisata", "Ekonomi Kreatif"),
    ),
    Dinas(
        "Dinas Pertanian",
        (
            "Tanaman Pangan",
            "Hortikultura",
            "Perkebunan",
            "Peternakan dan Kesehatan Hewan",
            "Penyuluhan",
        ),
        uptd="UPTD Balai Benih Wilayah",
        uptd_weight=0.06,
    ),
    Dinas(
        "Dinas Perikanan",
        ("Perikanan Budidaya", "Perikanan Tangkap", "Pengolahan dan Pemasaran Hasil Perikanan"),
        provinsi=False,
        uptd="UPTD Balai Benih Ikan Wilayah",
        uptd_weight=0.03,
    ),
    Dinas(
        "Dinas Perindustrian dan Perdagangan",
        ("Perindustrian", "Perdagangan", "Metrologi", "Pengelolaan Pasar"),
        uptd="UPTD Pasar Wilayah",
        uptd_weight=0.05,
    ),
    Dinas(
        "Dinas Perpustakaan dan Kearsipan", ("Perpustakaan", "Kearsipan", "Pembinaan Perpustakaan")
    ),
    Dinas(
        "Dinas Kehutanan",
        (
            "Perencanaan dan Pemanfaatan Hutan",
            "Perlindungan Hutan",
            "Rehabilitasi Lahan",
            "Penyuluhan Kehutanan",
        ),
        kabupaten=False,
        uptd="UPTD Kesatuan Pengelolaan Hutan Wilayah",
        uptd_weight=0.08,
    ),
    Dinas(
        "Dinas Energi dan Sumber Daya Mineral",
        ("Ketenagalistrikan", "Energi Baru Terbarukan", "Mineral dan Batubara", "Air Tanah"),
        kabupaten=False,
        uptd="UPTD Pengelolaan Energi Wilayah",
        uptd_weight=0.03,
    ),
    Dinas(
        "Dinas Sumber Daya Air",
        ("Irigasi", "Sungai dan Pantai", "Air Baku", "Operasi dan Pemeliharaan"),
        kabupaten=False,
        uptd="UPTD Pengelolaan Sumber Daya Air Wilayah Sungai",
        uptd_weight=0.08,
    ),
    Dinas(
        "Dinas Kelautan dan Perikanan",
        (
            "Pengelolaan Ruang Laut",
            "Perikanan Tangkap",
            "Pengawasan Sumber Daya Kelautan dan Perikanan",
            "Pemberdayaan Nelayan",
        ),
        kabupaten=False,
        uptd="UPTD Pelabuhan Perikanan Wilayah",
        uptd_weight=0.03,
    ),
    Dinas(
        "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
        (
            "Perencanaan Ekonomi",
            "Perencanaan Infrastruktur dan Kewilayahan",
            "Perencanaan Pemerintahan dan Pembangunan Manusia",
            "Riset dan Inovasi",
            "Pengendalian dan Evaluasi",
        ),
    ),
    Dinas(
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        ("Anggaran", "Perbendaharaan", "Akuntansi", "Pengelolaan Aset"),
    ),
    Dinas(
        "Badan Pendapatan Daerah",
        (
            "Pendataan dan Penetapan",
            "Penagihan",
            "Pengembangan Pendapatan",
            "Pengendalian dan Evaluasi Pendapatan",
        ),
        uptd="UPTD Pusat Pengelolaan Pendapatan Daerah Wilayah",
        uptd_weight=0.14,
    ),
    Dinas(
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        (
            "Pengadaan dan Informasi",
            "Mutasi dan Promosi",
            "Pengembangan Kompetensi",
            "Penilaian Kinerja dan Penghargaan",
        ),
    ),
    Dinas(
        "Badan Penanggulangan Bencana Daerah",
        (
            "Pencegahan dan Kesiapsiagaan",
            "Kedaruratan dan Logistik",
            "Rehabilitasi dan Rekonstruksi",
        ),
    ),
    Dinas(
        "Badan Kesatuan Bangsa dan Politik",
        (
            "Ideologi dan Wawasan Kebangsaan",
            "Politik Dalam Negeri",
            "Ketahanan Ekonomi, Sosial dan Budaya",
        ),
    ),
)

# Sekretariat daerah: asisten (JPT) with their bagian (kabupaten) or biro (provinsi).
ASISTEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Pemerintahan dan Kesejahteraan Rakyat",
        ("Tata Pemerintahan", "Hukum", "Kesejahteraan Rakyat", "Kerja Sama"),
    ),
    (
        "Perekonomian dan Pembangunan",
        (
            "Perekonomian dan Sumber Daya Alam",
            "Administrasi Pembangunan",
            "Pengadaan Barang dan Jasa",
            "Infrastruktur",
        ),
    ),
    (
        "Administrasi Umum",
        ("Umum", "Organisasi", "Protokol dan Komunikasi Pimpinan", "Perencanaan dan Keuangan"),
    ),
)
STAF_AHLI: tuple[str, ...] = (
    "Bidang Hukum, Politik dan Pemerintahan",
    "Bidang Ekonomi, Keuangan dan Pembangunan",
    "Bidang Kemasyarakatan dan Sumber Daya Manusia",
)
SETWAN_BAGIAN: tuple[str, ...] = (
    "Umum",
    "Keuangan",
    "Persidangan dan Perundang-undangan",
    "Fasilitasi Penganggaran dan Pengawasan",
)
KECAMATAN_SEKSI: tuple[str, ...] = (
    "Pemerintahan",
    "Ketenteraman dan Ketertiban Umum",
    "Pemberdayaan Masyarakat",
    "Kesejahteraan Sosial",
    "Pelayanan Umum",
)
KECAMATAN_SUBBAG: tuple[str, ...] = ("Umum dan Kepegawaian", "Perencanaan dan Keuangan")
KELURAHAN_SEKSI: tuple[str, ...] = (
    "Pemerintahan",
    "Ketenteraman dan Ketertiban",
    "Pemberdayaan Masyarakat",
)
RSUD_BIDANG: tuple[str, ...] = (
    "Pelayanan Medik",
    "Keperawatan",
    "Penunjang Medik",
    "Sumber Daya Manusia dan Pendidikan",
    "Perencanaan dan Keuangan",
)
UPTD_SEKSI: tuple[str, ...] = ("Operasional", "Pelayanan", "Pengawasan dan Pengendalian")
