"""Organisation catalogue of Indonesian regional governments: OPD names, bidang, UPTD labels.

Pure data. Used by :mod:`placement.synth.structure` to lay out posts per preset.
"""

from __future__ import annotations

from dataclasses import dataclass

RUMPUN: tuple[str, ...] = (
    "kesehatan", "pendidikan", "keuangan", "teknik", "hukum", "pemerintahan", "pertanian", "umum",
)  # fmt: skip

# Fields of study per rumpun (jurusan of D3 and higher; SMA graduates get IPA / IPS / SMK).
JURUSAN: dict[str, tuple[str, ...]] = {
    "kesehatan": ("Kesehatan Masyarakat", "Keperawatan", "Kedokteran", "Farmasi", "Kebidanan"),
    "pendidikan": ("Pendidikan Matematika", "Manajemen Pendidikan", "Pendidikan Bahasa Indonesia",
                   "Pendidikan Guru Sekolah Dasar"),
    "keuangan": ("Akuntansi", "Manajemen Keuangan", "Ekonomi Pembangunan", "Perpajakan"),
    "teknik": ("Teknik Sipil", "Teknik Lingkungan", "Arsitektur", "Teknik Informatika",
               "Perencanaan Wilayah dan Kota"),
    "hukum": ("Ilmu Hukum", "Hukum Tata Negara"),
    "pemerintahan": ("Ilmu Pemerintahan", "Administrasi Negara", "Ilmu Politik"),
    "pertanian": ("Agroteknologi", "Peternakan", "Agribisnis", "Kehutanan", "Perikanan"),
    "umum": ("Manajemen", "Sosiologi", "Ilmu Komunikasi", "Psikologi", "Manajemen Sumber Daya Manusia"),
}  # fmt: skip
SCHOOL_MAJORS: tuple[str, ...] = ("IPA", "IPS", "SMK Akuntansi", "SMK Teknik", "SMK Perkantoran")

# Academic titles per rumpun: (S1 / D4, S2).
GELAR: dict[str, tuple[str, str]] = {
    "kesehatan": ("S.K.M.", "M.Kes."),
    "pendidikan": ("S.Pd.", "M.Pd."),
    "keuangan": ("S.E.", "M.Ak."),
    "teknik": ("S.T.", "M.T."),
    "hukum": ("S.H.", "M.H."),
    "pemerintahan": ("S.IP.", "M.Si."),
    "pertanian": ("S.P.", "M.P."),
    "umum": ("S.Sos.", "M.M."),
}

# Keyword → rumpun, first match wins; post names are matched before OPD names.
RUMPUN_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("umum dan kepegawaian", "umum"),
    ("keuangan", "keuangan"),
    ("aset", "keuangan"),
    ("pendapatan", "keuangan"),
    ("hukum", "hukum"),
    ("polisi pamong praja", "hukum"),
    ("ketenteraman", "hukum"),
    ("kesehatan", "kesehatan"),
    ("rumah sakit", "kesehatan"),
    ("pelayanan medik", "kesehatan"),
    ("keperawatan", "kesehatan"),
    ("puskesmas", "kesehatan"),
    ("pendidikan", "pendidikan"),
    ("sekolah", "pendidikan"),
    ("sma negeri", "pendidikan"),
    ("smk negeri", "pendidikan"),
    ("slb negeri", "pendidikan"),
    ("pertanian", "pertanian"),
    ("perikanan", "pertanian"),
    ("pangan", "pertanian"),
    ("peternakan", "pertanian"),
    ("perkebunan", "pertanian"),
    ("kehutanan", "pertanian"),
    ("hutan", "pertanian"),
    ("pekerjaan umum", "teknik"),
    ("penataan ruang", "teknik"),
    ("bina marga", "teknik"),
    ("sumber daya air", "teknik"),
    ("permukiman", "teknik"),
    ("perhubungan", "teknik"),
    ("lingkungan hidup", "teknik"),
    ("informatika", "teknik"),
    ("energi", "teknik"),
    ("bencana", "teknik"),
    ("inspektorat", "keuangan"),
    ("koperasi", "keuangan"),
    ("kecamatan", "pemerintahan"),
    ("kelurahan", "pemerintahan"),
    ("pemerintahan", "pemerintahan"),
    ("kependudukan", "pemerintahan"),
    ("kesatuan bangsa", "pemerintahan"),
    ("desa", "pemerintahan"),
    ("dewan perwakilan", "pemerintahan"),
)

SUBBAG_DINAS: tuple[str, ...] = ("Umum dan Kepegawaian", "Keuangan", "Perencanaan dan Evaluasi")
SEKSI_KINDS: tuple[str, ...] = (
    "Perencanaan dan Pengembangan", "Pembinaan dan Pengawasan", "Pelayanan dan Data",
)  # fmt: skip


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
    Dinas("Dinas Pendidikan dan Kebudayaan", ("Pembinaan PAUD dan Pendidikan Nonformal",
          "Pembinaan Sekolah Dasar", "Pembinaan Sekolah Menengah Pertama", "Kebudayaan",
          "Ketenagaan"), provinsi=False),
    Dinas("Dinas Pendidikan", ("Pembinaan SMA", "Pembinaan SMK", "Pendidikan Khusus",
          "Guru dan Tenaga Kependidikan"), kabupaten=False, uptd="Cabang Dinas Pendidikan Wilayah",
          uptd_weight=0.04),
    Dinas("Dinas Kesehatan", ("Kesehatan Masyarakat", "Pencegahan dan Pengendalian Penyakit",
          "Pelayanan Kesehatan", "Sumber Daya Kesehatan"), uptd="UPTD Laboratorium Kesehatan Wilayah",
          uptd_weight=0.04),
    Dinas("Dinas Pekerjaan Umum dan Penataan Ruang", ("Bina Marga", "Sumber Daya Air",
          "Cipta Karya", "Penataan Ruang", "Jasa Konstruksi"),
          uptd="UPTD Pengelolaan Jalan dan Jembatan Wilayah", uptd_weight=0.1),
    Dinas("Dinas Perumahan Rakyat dan Kawasan Permukiman", ("Perumahan", "Kawasan Permukiman",
          "Pertanahan", "Prasarana Sarana dan Utilitas Umum")),
    Dinas("Dinas Sosial", ("Rehabilitasi Sosial", "Perlindungan dan Jaminan Sosial",
          "Pemberdayaan Sosial", "Penanganan Fakir Miskin"), uptd="UPTD Panti Sosial Wilayah",
          uptd_weight=0.06),
    Dinas("Dinas Tenaga Kerja dan Transmigrasi", ("Penempatan dan Perluasan Kerja",
          "Pelatihan dan Produktivitas", "Hubungan Industrial", "Transmigrasi"),
          uptd="UPTD Balai Latihan Kerja Wilayah", uptd_weight=0.04),
    Dinas("Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
          "Perlindungan Anak", ("Pengendalian Penduduk", "Keluarga Berencana",
          "Pemberdayaan Perempuan", "Perlindungan Anak")),
    Dinas("Dinas Ketahanan Pangan", ("Ketersediaan dan Distribusi Pangan",
          "Konsumsi dan Keamanan Pangan", "Kerawanan Pangan")),
    Dinas("Dinas Lingkungan Hidup", ("Tata Lingkungan", "Pengelolaan Sampah dan Limbah B3",
          "Pengendalian Pencemaran", "Pertamanan"), uptd="UPTD Pengelolaan Sampah Wilayah",
          uptd_weight=0.04),
    Dinas("Dinas Kependudukan dan Pencatatan Sipil", ("Pelayanan Pendaftaran Penduduk",
          "Pelayanan Pencatatan Sipil", "Pengelolaan Informasi Administrasi Kependudukan",
          "Pemanfaatan Data dan Inovasi Pelayanan"), provinsi=False),
    Dinas("Dinas Pemberdayaan Masyarakat dan Desa", ("Pemerintahan Desa",
          "Pemberdayaan Masyarakat", "Kelembagaan dan Keuangan Desa")),
    Dinas("Dinas Perhubungan", ("Lalu Lintas", "Angkutan", "Sarana dan Prasarana",
          "Perhubungan Laut"), uptd="UPTD Pengujian Kendaraan Bermotor Wilayah", uptd_weight=0.05),
    Dinas("Dinas Komunikasi dan Informatika", ("Informasi dan Komunikasi Publik",
          "Aplikasi Informatika", "Persandian dan Statistik", "Infrastruktur Teknologi Informasi")),
    Dinas("Dinas Koperasi dan Usaha Mikro", ("Kelembagaan Koperasi", "Pemberdayaan Usaha Mikro",
          "Pengawasan Koperasi")),
    Dinas("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", ("Penanaman Modal",
          "Pelayanan Perizinan", "Pengaduan dan Informasi", "Pengendalian Pelaksanaan")),
    Dinas("Dinas Pemuda, Olahraga dan Pariwisata", ("Kepemudaan", "Keolahragaan",
          "Destinasi Pariwisata", "Ekonomi Kreatif")),
    Dinas("Dinas Pertanian", ("Tanaman Pangan", "Hortikultura", "Perkebunan",
          "Peternakan dan Kesehatan Hewan", "Penyuluhan"), uptd="UPTD Balai Benih Wilayah",
          uptd_weight=0.06),
    Dinas("Dinas Perikanan", ("Perikanan Budidaya", "Perikanan Tangkap",
          "Pengolahan dan Pemasaran Hasil Perikanan"), provinsi=False,
          uptd="UPTD Balai Benih Ikan Wilayah", uptd_weight=0.03),
    Dinas("Dinas Perindustrian dan Perdagangan", ("Perindustrian", "Perdagangan", "Metrologi",
          "Pengelolaan Pasar"), uptd="UPTD Pasar Wilayah", uptd_weight=0.05),
    Dinas("Dinas Perpustakaan dan Kearsipan", ("Perpustakaan", "Kearsipan",
          "Pembinaan Perpustakaan")),
    Dinas("Dinas Kehutanan", ("Perencanaan dan Pemanfaatan Hutan", "Perlindungan Hutan",
          "Rehabilitasi Lahan", "Penyuluhan Kehutanan"), kabupaten=False,
          uptd="UPTD Kesatuan Pengelolaan Hutan Wilayah", uptd_weight=0.08),
    Dinas("Dinas Energi dan Sumber Daya Mineral", ("Ketenagalistrikan", "Energi Baru Terbarukan",
          "Mineral dan Batubara", "Air Tanah"), kabupaten=False,
          uptd="UPTD Pengelolaan Energi Wilayah", uptd_weight=0.03),
    Dinas("Dinas Sumber Daya Air", ("Irigasi", "Sungai dan Pantai", "Air Baku",
          "Operasi dan Pemeliharaan"), kabupaten=False,
          uptd="UPTD Pengelolaan Sumber Daya Air Wilayah Sungai", uptd_weight=0.08),
    Dinas("Dinas Kelautan dan Perikanan", ("Pengelolaan Ruang Laut", "Perikanan Tangkap",
          "Pengawasan Sumber Daya Kelautan dan Perikanan", "Pemberdayaan Nelayan"),
          kabupaten=False, uptd="UPTD Pelabuhan Perikanan Wilayah", uptd_weight=0.03),
    Dinas("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", ("Perencanaan Ekonomi",
          "Perencanaan Infrastruktur dan Kewilayahan", "Perencanaan Pemerintahan dan Pembangunan "
          "Manusia", "Riset dan Inovasi", "Pengendalian dan Evaluasi")),
    Dinas("Badan Pengelolaan Keuangan dan Aset Daerah", ("Anggaran", "Perbendaharaan",
          "Akuntansi", "Pengelolaan Aset")),
    Dinas("Badan Pendapatan Daerah", ("Pendataan dan Penetapan", "Penagihan",
          "Pengembangan Pendapatan", "Pengendalian dan Evaluasi Pendapatan"),
          uptd="UPTD Pusat Pengelolaan Pendapatan Daerah Wilayah", uptd_weight=0.14),
    Dinas("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", ("Pengadaan dan Informasi",
          "Mutasi dan Promosi", "Pengembangan Kompetensi", "Penilaian Kinerja dan Penghargaan")),
    Dinas("Badan Penanggulangan Bencana Daerah", ("Pencegahan dan Kesiapsiagaan",
          "Kedaruratan dan Logistik", "Rehabilitasi dan Rekonstruksi")),
    Dinas("Badan Kesatuan Bangsa dan Politik", ("Ideologi dan Wawasan Kebangsaan",
          "Politik Dalam Negeri", "Ketahanan Ekonomi, Sosial dan Budaya")),
)  # fmt: skip

# Sekretariat daerah: asisten (JPT) with their bagian (kabupaten) or biro (provinsi).
ASISTEN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Pemerintahan dan Kesejahteraan Rakyat", ("Tata Pemerintahan", "Hukum",
     "Kesejahteraan Rakyat", "Kerja Sama")),
    ("Perekonomian dan Pembangunan", ("Perekonomian dan Sumber Daya Alam",
     "Administrasi Pembangunan", "Pengadaan Barang dan Jasa", "Infrastruktur")),
    ("Administrasi Umum", ("Umum", "Organisasi", "Protokol dan Komunikasi Pimpinan",
     "Perencanaan dan Keuangan")),
)  # fmt: skip
STAF_AHLI: tuple[str, ...] = (
    "Bidang Hukum, Politik dan Pemerintahan",
    "Bidang Ekonomi, Keuangan dan Pembangunan",
    "Bidang Kemasyarakatan dan Sumber Daya Manusia",
)
SETWAN_BAGIAN: tuple[str, ...] = (
    "Umum", "Keuangan", "Persidangan dan Perundang-undangan", "Fasilitasi Penganggaran dan Pengawasan",
)  # fmt: skip
KECAMATAN_SEKSI: tuple[str, ...] = (
    "Pemerintahan", "Ketenteraman dan Ketertiban Umum", "Pemberdayaan Masyarakat",
    "Kesejahteraan Sosial", "Pelayanan Umum",
)  # fmt: skip
KECAMATAN_SUBBAG: tuple[str, ...] = ("Umum dan Kepegawaian", "Perencanaan dan Keuangan")
KELURAHAN_SEKSI: tuple[str, ...] = (
    "Pemerintahan", "Ketenteraman dan Ketertiban", "Pemberdayaan Masyarakat",
)  # fmt: skip
RSUD_BIDANG: tuple[str, ...] = (
    "Pelayanan Medik", "Keperawatan", "Penunjang Medik", "Sumber Daya Manusia dan Pendidikan",
    "Perencanaan dan Keuangan",
)  # fmt: skip
UPTD_SEKSI: tuple[str, ...] = ("Operasional", "Pelayanan", "Pengawasan dan Pengendalian")
