"""Header variants of each source → the import's keys.

Matching ignores case, spaces, '_' and punctuation (:func:`~placement.domain.schema.header_key`),
so ``NIP BARU``, ``nip_baru`` and the web service's ``nipBaru`` are one header.
"""

from __future__ import annotations

from placement.domain.schema import header_key

# key → accepted headers (SIASN "Export Data ASN": upper case, snake_case, camelCase variants)
SIASN_HEADERS: dict[str, tuple[str, ...]] = {
    "nip": ("NIP BARU", "nipBaru", "NIP"),
    "nama": ("NAMA", "nama"),
    "gelar_depan": ("GELAR DEPAN", "gelarDepan"),
    "gelar_belakang": ("GELAR BELAKANG", "gelarBelakang"),
    "tanggal_lahir": ("TANGGAL LAHIR", "tglLahir", "TGL LAHIR"),
    "jenis_kelamin": ("JENIS KELAMIN", "jenisKelamin"),
    "jenis_pegawai": ("JENIS PEGAWAI NAMA", "jenisPegawaiNama", "JENIS PEGAWAI"),
    "kedudukan": (
        "KEDUDUKAN HUKUM NAMA",
        "KEDUDUKAN PNS NAMA",
        "kedudukanPnsNama",
        "kedudukanHukumNama",
        "KEDUDUKAN HUKUM",
    ),
    "status_cpns": ("STATUS CPNS PNS", "statusCpnsPns", "STATUS PEGAWAI", "statusPegawai"),
    "golongan": ("GOL AKHIR NAMA", "golRuangAkhir", "GOL RUANG AKHIR", "GOLONGAN"),
    "tmt_golongan": ("TMT GOLONGAN", "TMT GOLONGAN AKHIR", "tmtGolAkhir", "TMT GOL AKHIR"),
    "jenis_jabatan": ("JENIS JABATAN NAMA", "jenisJabatanNama", "JENIS JABATAN", "jenisJabatan"),
    "jabatan_id": ("JABATAN ID", "jabatanId"),
    "jabatan_nama": ("JABATAN NAMA", "jabatanNama", "NAMA JABATAN"),
    "tmt_jabatan": ("TMT JABATAN", "tmtJabatan"),
    "pendidikan": (
        "TINGKAT PENDIDIKAN NAMA",
        "tkPendidikanTerakhir",
        "TINGKAT PENDIDIKAN",
        "tingkatPendidikanNama",
    ),
    "jurusan": (
        "PENDIDIKAN NAMA",
        "PENDIDIKAN TERAKHIR NAMA",
        "pendidikanTerakhirNama",
        "pendidikanNama",
    ),
    "unor_id": ("UNOR ID", "unorId"),
    "unor_nama": ("UNOR NAMA", "unorNama"),
    "instansi_induk": ("INSTANSI INDUK NAMA", "instansiIndukNama"),
    "instansi_kerja": ("INSTANSI KERJA NAMA", "instansiKerjaNama"),
    "eselon": ("ESELON NAMA", "eselonNama", "ESELON", "eselon"),
}

# Peta jabatan extras next to the template columns.
PETA_EXTRA: dict[str, tuple[str, ...]] = {
    "holder_nip": ("nip", "nip pemegang", "nip pejabat", "nip baru", "nip pemangku"),
    "siasn_jabatan_id": ("siasn_jabatan_id", "jabatan id siasn", "siasn jabatan id"),
    "siasn_unor_id": ("siasn_unor_id", "unor id siasn", "siasn unor id"),
}

# Side files (first element of each tuple names the column in messages).
SIDE_HEADERS: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nip baru", "nipBaru", "NIP BARU"),
    "kompetensi": ("kompetensi", "nama kompetensi"),
    "level": ("level", "nilai", "skor"),
    "jpm": ("jpm", "jpm %", "jpm persen", "persentase jpm", "job person match"),
    "kategori": ("kategori", "kategori jpm"),
    "kotak": ("kotak", "kotak talenta", "box", "box talenta", "kotak_talenta"),
    "kinerja": ("kinerja", "label kinerja", "sumbu kinerja"),
    "potensi": ("potensi", "label potensi", "sumbu potensi"),
    "tahun": ("tahun", "periode", "tahun penilaian"),
    "predikat": ("predikat", "predikat kinerja", "hasil evaluasi", "rating"),
    "tingkat": ("tingkat", "tingkat hukuman", "jenis hukuman", "hukuman disiplin"),
    "tmt_mulai": ("tmt mulai", "tmt hukuman", "tanggal mulai", "mulai"),
    "tmt_selesai": ("tmt selesai", "tanggal selesai", "selesai", "akhir hukuman"),
    "jabatan": ("jabatan", "nama jabatan", "jabatan nama"),
    "jenis": ("jenis", "jenis jabatan"),
    "eselon": ("eselon",),
    "tmt": ("tmt", "tmt jabatan"),
    "hasil": ("hasil", "hasil job fit", "job fit", "kategori job fit"),
    "tanggal": ("tanggal", "tanggal job fit", "tanggal uji"),
    "jabatan_id": ("jabatan_id", "jabatan id", "id jabatan"),
    "kolom": ("kolom", "jenis label"),
    "label": ("label", "label siasn", "nilai siasn"),
    "nilai": ("nilai kita", "nilai", "menjadi", "label kita"),
    "unor": ("unor", "unor nama", "unit"),
    "opd": ("opd", "unit kerja", "perangkat daerah"),
}


def key_table(table: dict[str, tuple[str, ...]], *keys: str) -> dict[str, str]:
    """Header key → import key for the given keys of ``table`` (all when none given); the
    import key itself is accepted too."""
    out: dict[str, str] = {}
    for key in keys or tuple(table):
        for name in (key, *table[key]):
            out.setdefault(header_key(name), key)
    return out


SIASN_KEYS: dict[str, str] = key_table(SIASN_HEADERS)
