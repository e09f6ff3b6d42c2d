"""SIASN labels → our values, in one table per column, and the planner's ``--label-map``.

Every lookup ignores case, spaces and punctuation. An unknown label is a located error that
lists the known choices; a ``--label-map`` file (kolom, label, nilai) settles it once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from placement.domain import grades
from placement.domain.grades import JenisJabatan
from placement.domain.schema import header_key

STRUKTURAL = "STRUKTURAL"
NAME_SPLIT = ", "

# kolom → SIASN label → our value
TABLES: dict[str, dict[str, str]] = {
    "jenis_jabatan": {
        "Jabatan Struktural": STRUKTURAL,
        "Struktural": STRUKTURAL,
        "Jabatan Fungsional Tertentu": "FUNGSIONAL",
        "Jabatan Fungsional": "FUNGSIONAL",
        "Fungsional Tertentu": "FUNGSIONAL",
        "Fungsional": "FUNGSIONAL",
        "JFT": "FUNGSIONAL",
        "Jabatan Fungsional Umum": "PELAKSANA",
        "Fungsional Umum": "PELAKSANA",
        "JFU": "PELAKSANA",
        "Jabatan Pelaksana": "PELAKSANA",
        "Pelaksana": "PELAKSANA",
        **{j.value: j.value for j in JenisJabatan},
    },
    "pendidikan": {
        "SD": "SD",
        "Sekolah Dasar": "SD",
        "SLTP": "SMP",
        "SLTP Kejuruan": "SMP",
        "SMP": "SMP",
        "SLTA": "SMA",
        "SLTA Kejuruan": "SMA",
        "SLTA Keguruan": "SMA",
        "SMA": "SMA",
        "SMK": "SMA",
        "Diploma I": "D1",
        "D-I": "D1",
        "D1": "D1",
        "Diploma II": "D2",
        "D-II": "D2",
        "D2": "D2",
        "Diploma III": "D3",
        "D-III": "D3",
        "D3": "D3",
        "Diploma III/Sarjana Muda": "D3",
        "Sarjana Muda": "D3",
        "Diploma IV": "D4",
        "D-IV": "D4",
        "D4": "D4",
        "S-1/Sarjana": "S1",
        "S-1": "S1",
        "S1": "S1",
        "Sarjana": "S1",
        "Strata 1": "S1",
        "S-2": "S2",
        "S-2/Magister": "S2",
        "S2": "S2",
        "Magister": "S2",
        "Strata 2": "S2",
        "S-3/Doktor": "S3",
        "S-3": "S3",
        "S3": "S3",
        "Doktor": "S3",
        "Strata 3": "S3",
    },
    "jenis_kelamin": {
        "M": "L",
        "F": "P",
        "1": "L",
        "2": "P",
        "L": "L",
        "P": "P",
        "Laki-laki": "L",
        "Perempuan": "P",
        "Pria": "L",
        "Wanita": "P",
    },
    "jenis_pegawai": {
        "PNS Daerah Kab/Kota": "PNS",
        "PNS Daerah Provinsi": "PNS",
        "PNS Pusat": "PNS",
        "PNS Daerah": "PNS",
        "PNS": "PNS",
        "CPNS Daerah Kab/Kota": "CPNS",
        "CPNS Daerah Provinsi": "CPNS",
        "CPNS": "CPNS",
        "PPPK": "PPPK",
        "Pegawai Pemerintah dengan Perjanjian Kerja": "PPPK",
    },
    "kedudukan": {
        "Aktif": "Aktif",
        "Tugas Belajar": "Tugas Belajar",
        "Pemberhentian Sementara": "Pemberhentian Sementara",
        "CLTN": "CLTN",
        "Cuti di Luar Tanggungan Negara": "CLTN",
        "Masa Persiapan Pensiun": "Masa Persiapan Pensiun",
        "Penerima Uang Tunggu": "Penerima Uang Tunggu",
        "Wajib Militer": "Wajib Militer",
        "Pejabat Negara": "Pejabat Negara",
        "Kepala Desa": "Kepala Desa",
        "Sedang dalam Proses Banding BAPEK": "Proses Banding",
        "Hukuman Disiplin": "Hukuman Disiplin",
    },
    "status_cpns": {"P": "PNS", "PNS": "PNS", "C": "CPNS", "CPNS": "CPNS", "PPPK": "PPPK"},
    "kinerja": {
        "Di Bawah Ekspektasi": "bawah",
        "Dibawah Ekspektasi": "bawah",
        "Bawah": "bawah",
        "Rendah": "bawah",
        "Sesuai Ekspektasi": "sesuai",
        "Sesuai": "sesuai",
        "Sedang": "sesuai",
        "Di Atas Ekspektasi": "atas",
        "Diatas Ekspektasi": "atas",
        "Atas": "atas",
        "Tinggi": "atas",
    },
    "potensi": {
        "Rendah": "rendah",
        "Potensi Rendah": "rendah",
        "Menengah": "menengah",
        "Sedang": "menengah",
        "Potensi Menengah": "menengah",
        "Tinggi": "tinggi",
        "Potensi Tinggi": "tinggi",
    },
    "predikat": {
        "Sangat Baik": "sangat baik",
        "Baik": "baik",
        "Butuh Perbaikan": "butuh perbaikan",
        "Kurang": "kurang",
        "Sangat Kurang": "sangat kurang",
        "Cukup": "butuh perbaikan",
    },
    "hukdis": {
        "Ringan": "ringan",
        "Sedang": "sedang",
        "Berat": "berat",
        "Hukuman Disiplin Ringan": "ringan",
        "Hukuman Disiplin Sedang": "sedang",
        "Hukuman Disiplin Berat": "berat",
    },
    "job_fit": {
        "Optimal": "optimal",
        "Cukup Optimal": "cukup optimal",
        "Kurang Optimal": "kurang optimal",
    },
}

COLUMN_NAMES: dict[str, str] = {
    "jenis_jabatan": "JENIS JABATAN NAMA",
    "pendidikan": "TINGKAT PENDIDIKAN NAMA",
    "jenis_kelamin": "JENIS KELAMIN",
    "jenis_pegawai": "JENIS PEGAWAI NAMA",
    "kedudukan": "KEDUDUKAN HUKUM NAMA",
    "status_cpns": "STATUS CPNS PNS",
    "kinerja": "kinerja",
    "potensi": "potensi",
    "predikat": "predikat",
    "hukdis": "tingkat",
    "job_fit": "hasil",
    "jenjang": "JABATAN NAMA",
    "eselon": "ESELON NAMA",
}

# Talent box by the diagonal numbering (DOMAIN.md): potensi → kinerja → kotak.
BOX: dict[tuple[str, str], int] = {
    ("rendah", "bawah"): 1,
    ("rendah", "sesuai"): 2,
    ("rendah", "atas"): 4,
    ("menengah", "bawah"): 3,
    ("menengah", "sesuai"): 5,
    ("menengah", "atas"): 7,
    ("tinggi", "bawah"): 6,
    ("tinggi", "sesuai"): 8,
    ("tinggi", "atas"): 9,
}

# Structural post names without an eselon: name prefix → jenis (most specific first).
STRUCTURAL_BY_NAME: tuple[tuple[str, JenisJabatan], ...] = (
    ("sekretaris daerah", JenisJabatan.JPT_PRATAMA),
    ("inspektur pembantu", JenisJabatan.ADMINISTRATOR),
    ("inspektur", JenisJabatan.JPT_PRATAMA),
    ("kepala dinas", JenisJabatan.JPT_PRATAMA),
    ("kepala badan", JenisJabatan.JPT_PRATAMA),
    ("kepala satuan", JenisJabatan.JPT_PRATAMA),
    ("sekretaris dprd", JenisJabatan.JPT_PRATAMA),
    ("sekretaris dewan", JenisJabatan.JPT_PRATAMA),
    ("direktur", JenisJabatan.JPT_PRATAMA),
    ("asisten", JenisJabatan.JPT_PRATAMA),
    ("staf ahli", JenisJabatan.JPT_PRATAMA),
    ("sekretaris dinas", JenisJabatan.ADMINISTRATOR),
    ("sekretaris badan", JenisJabatan.ADMINISTRATOR),
    ("sekretaris kecamatan", JenisJabatan.ADMINISTRATOR),
    ("kepala bidang", JenisJabatan.ADMINISTRATOR),
    ("kepala bagian", JenisJabatan.ADMINISTRATOR),
    ("camat", JenisJabatan.ADMINISTRATOR),
    ("kepala sub", JenisJabatan.PENGAWAS),
    ("kepala seksi", JenisJabatan.PENGAWAS),
    ("kepala uptd", JenisJabatan.PENGAWAS),
    ("kepala upt", JenisJabatan.PENGAWAS),
    ("kepala puskesmas", JenisJabatan.PENGAWAS),
    ("lurah", JenisJabatan.PENGAWAS),
    ("sekretaris kelurahan", JenisJabatan.PENGAWAS),
)
_JENJANG = re.compile(
    r"\b(ahli pertama|ahli muda|ahli madya|ahli utama|pemula|terampil|mahir|penyelia)\b"
)


@lru_cache(maxsize=4096)
def label_key(text: str) -> str:
    return header_key(text)


@dataclass
class Labels:
    """The label tables with the planner's mappings on top; records every mapping used."""

    extra: dict[str, dict[str, str]] = field(default_factory=dict)
    used: dict[tuple[str, str, str], int] = field(default_factory=dict)
    unknown: set[tuple[str, str]] = field(default_factory=set)  # (kolom, label) not mapped

    def choices(self, kolom: str) -> list[str]:
        return sorted({*TABLES[kolom], *self.extra.get(kolom, {}).values()})

    def lookup(self, kolom: str, raw: str) -> str | None:
        """Our value of ``raw`` in column ``kolom`` (None when unknown); records the use."""
        key = label_key(raw)
        value = self.extra.get(kolom, {}).get(key)
        if value is None:
            value = _KEYED[kolom].get(key)
        if value is not None:
            mark = (kolom, raw, value)
            self.used[mark] = self.used.get(mark, 0) + 1
        return value


_KEYED: dict[str, dict[str, str]] = {
    k: {label_key(a): b for a, b in table.items()} for k, table in TABLES.items()
}


def valid_target(kolom: str, value: str) -> str | None:
    """The canonical value a label map may give for ``kolom`` (None when not one of ours)."""
    targets = {label_key(v): v for v in TABLES[kolom].values()}
    return targets.get(label_key(value))


def jenjang_from_name(name: str) -> str | None:
    """JF jenjang from the post name ("Perawat Ahli Muda" → "ahli muda")."""
    found = _JENJANG.findall(" ".join(name.lower().split()))
    return found[-1] if found else None


def structural_from(eselon: str, name: str) -> JenisJabatan | None:
    """Structural jenis from the eselon label, else from the post name."""
    canonical = grades.normalize_eselon(eselon) if eselon else None
    if canonical is not None:
        return grades.ESELON_TYPE[canonical]
    text = " ".join(re.sub(r"[^a-z ]", " ", name.lower()).split())
    return next((j for prefix, j in STRUCTURAL_BY_NAME if text.startswith(prefix)), None)


def full_name(nama: str, depan: str, belakang: str) -> str:
    """Name with titles as Indonesians write it: "dr. Budi Santoso, M.Kes."."""
    name = " ".join(p for p in (depan.strip(), nama.strip()) if p)
    return f"{name}{NAME_SPLIT}{belakang.strip()}" if belakang.strip() else name


def merge_map(labels: Labels, kolom: str, label: str, value: str) -> None:
    labels.extra.setdefault(kolom, {})[label_key(label)] = value


def known_columns() -> Mapping[str, str]:
    return COLUMN_NAMES
