"""Test helper: a SIASN-shaped export (and the side files) written from a Dataset.

Titles split into GELAR DEPAN / BELAKANG, dates dd-mm-yyyy, NIPs with a leading apostrophe,
SIASN labels, UNOR chains, no region post ids (names only).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from placement.domain.model import Dataset
from placement.io.writers import dataset_tables, write_csv, write_xlsx

INSTANSI = "Pemerintah Kabupaten Contoh"
EDUCATION = {
    "SD": "SD",
    "SMP": "SLTP",
    "SMA": "SLTA",
    "D1": "Diploma I",
    "D2": "Diploma II",
    "D3": "D-III",
    "D4": "Diploma IV",
    "S1": "S-1/Sarjana",
    "S2": "S-2",
    "S3": "S-3/Doktor",
}
KIND = {"FUNGSIONAL": "Jabatan Fungsional Tertentu", "PELAKSANA": "Jabatan Pelaksana"}
PREDIKAT = {
    "sangat baik": "Sangat Baik",
    "baik": "Baik",
    "butuh perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang",
    "sangat kurang": "Sangat Kurang",
}
BOX_LABELS = {
    1: ("Di Bawah Ekspektasi", "Rendah"),
    2: ("Sesuai Ekspektasi", "Rendah"),
    4: ("Di Atas Ekspektasi", "Rendah"),
    3: ("Di Bawah Ekspektasi", "Menengah"),
    5: ("Sesuai Ekspektasi", "Menengah"),
    7: ("Di Atas Ekspektasi", "Menengah"),
    6: ("Di Bawah Ekspektasi", "Tinggi"),
    8: ("Sesuai Ekspektasi", "Tinggi"),
    9: ("Di Atas Ekspektasi", "Tinggi"),
}
CAMEL = {
    "NIP BARU": "nipBaru",
    "NAMA": "nama",
    "GELAR DEPAN": "gelarDepan",
    "GELAR BELAKANG": "gelarBelakang",
    "TANGGAL LAHIR": "tglLahir",
    "JENIS KELAMIN": "jenisKelamin",
    "JENIS PEGAWAI NAMA": "jenisPegawaiNama",
    "KEDUDUKAN HUKUM NAMA": "kedudukanPnsNama",
    "GOL AKHIR NAMA": "golRuangAkhir",
    "TMT GOLONGAN": "tmtGolAkhir",
    "JENIS JABATAN NAMA": "jenisJabatanNama",
    "JABATAN NAMA": "jabatanNama",
    "TMT JABATAN": "tmtJabatan",
    "ESELON NAMA": "eselonNama",
    "TINGKAT PENDIDIKAN NAMA": "tkPendidikanTerakhir",
    "PENDIDIKAN NAMA": "pendidikanTerakhirNama",
    "UNOR NAMA": "unorNama",
    "INSTANSI INDUK NAMA": "instansiIndukNama",
    "INSTANSI KERJA NAMA": "instansiKerjaNama",
}
_DEPAN = re.compile(r"^((?:[A-Za-z]{1,5}\.\s+)+)")


def split_name(full: str) -> tuple[str, str, str]:
    """(gelar depan, nama, gelar belakang) of "dr. Budi Santoso, M.Kes."."""
    core, _, belakang = full.partition(", ")
    m = _DEPAN.match(core)
    depan = " ".join(m.group(1).split()) if m else ""
    return depan, core[m.end() :] if m else core, belakang


def dmy(value: Any) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%d-%m-%Y")


def dmy_column(series: pd.Series) -> list[str]:  # type: ignore[type-arg]
    """dd-mm-yyyy texts of a date column ('' where empty)."""
    return pd.to_datetime(series).dt.strftime("%d-%m-%Y").fillna("").tolist()


def fill_post_names(ds: Dataset) -> Dataset:
    """SIASN always has a JABATAN NAMA: give JF / pelaksana without one a name."""
    peg = ds.pegawai
    empty = peg["post_name"].isna() & peg["jenis_jabatan"].isin(["FUNGSIONAL", "PELAKSANA"])
    names = [
        f"Analis Kebijakan {str(j).title()}" if k == "FUNGSIONAL" else "Pengadministrasi Umum"
        for k, j in zip(peg["jenis_jabatan"], peg["jenjang"], strict=True)
    ]
    peg = peg.copy()
    peg.loc[empty, "post_name"] = pd.Series(names, index=peg.index)[empty]
    frames = {k: v for k, v in ((c, peg[c]) for c in peg.columns)}
    base = pd.DataFrame(frames)
    return Dataset.from_frames(base, ds.jabatan, ds.kompetensi, ds.standar)


def chain(opd: str, post: str | None, row: int) -> str:
    """An UNOR chain, lowest unit first, rolled up to ``opd``."""
    top = "PEMERINTAH KAB. CONTOH"
    if opd.startswith("Kecamatan") and row % 3 == 0:
        return f"Kelurahan Satu {opd[10:]} - {opd} - {top}"
    if opd.startswith("Dinas") and row % 4 == 1:
        return f"UPTD Puskesmas Nomor {row} - {opd} - {top}"
    if post and "Subbagian" in post:
        return f"Sub Bagian {post.split('Subbagian ', 1)[1]} - Sekretariat - {opd} - {top}"
    return f"{opd} - {top}"


SHORT = (
    ("Kepala Subbagian", "Kasubbag"),
    ("Kepala Seksi", "Kasi"),
    ("Kepala Bidang", "Kabid"),
    ("Sekretaris Dinas", "Sekdis"),
    ("Kepala Bagian", "Kabag"),
)


def written(post: str, row: int) -> str:
    """A post name as SIASN holders' records often have it: every 5th abbreviated, every 7th
    misspelt ("Kepla", a near match), else as in the peta jabatan."""
    if row % 5 == 0:
        for long, short in SHORT:
            post = post.replace(long, short)
    elif row % 7 == 0:
        post = post.replace("Kepala", "Kepla", 1)
    return post


def siasn_frame(ds: Dataset) -> pd.DataFrame:
    peg, jab = ds.pegawai, ds.jabatan
    post = {r.jabatan_id: r for r in jab.itertuples()}
    out = []
    dates = {c: dmy_column(peg[c]) for c in ("birth_date", "tmt_golongan", "tmt_jabatan")}
    for i, p in enumerate(peg.itertuples()):
        depan, nama, belakang = split_name(p.name)
        held = post.get(p.jabatan_id) if isinstance(p.jabatan_id, str) else None
        out.append(
            {
                "PNS ID": f"A{i:05d}-guid",
                "NIP BARU": f"'{p.nip}",
                "NIP LAMA": "null",
                "NAMA": nama,
                "GELAR DEPAN": depan or "null",
                "GELAR BELAKANG": belakang or "null",
                "TANGGAL LAHIR": dates["birth_date"][i],
                "JENIS KELAMIN": "M" if p.gender == "L" else "F",
                "JENIS PEGAWAI NAMA": "PPPK" if p.status == "PPPK" else "PNS Daerah Kab/Kota",
                "KEDUDUKAN HUKUM NAMA": "Aktif",
                "STATUS CPNS PNS": "P",
                "GOL AKHIR NAMA": p.golongan,
                "TMT GOLONGAN": dates["tmt_golongan"][i],
                "JENIS JABATAN NAMA": "Jabatan Struktural"
                if held is not None
                else KIND[p.jenis_jabatan],
                "JABATAN ID": f"8ae48{i:04d}-siasn",
                "JABATAN NAMA": written(held.name, i) if held is not None else p.post_name,
                "TMT JABATAN": dates["tmt_jabatan"][i],
                "ESELON NAMA": held.eselon if held is not None else "null",
                "TINGKAT PENDIDIKAN NAMA": EDUCATION[p.education],
                "PENDIDIKAN NAMA": "" if pd.isna(p.major) else p.major,
                "UNOR ID": f"unor-{i:04d}",
                "UNOR NAMA": chain(p.unit, held.name if held is not None else None, i),
                "INSTANSI INDUK NAMA": INSTANSI,
                "INSTANSI KERJA NAMA": INSTANSI if pd.isna(p.instansi) else p.instansi,
            }
        )
    return pd.DataFrame(out)


def write_export(
    ds: Dataset,
    folder: Path,
    fmt: str = "csv",
    camel: bool = False,
    wide: bool = False,
    labels: bool = False,
) -> dict[str, Path]:
    """Write the export and side files; returns the import's arguments (name → path)."""
    folder.mkdir(parents=True, exist_ok=True)
    siasn = plain = siasn_frame(ds)
    if camel:
        siasn = siasn.rename(columns=CAMEL)
    files: dict[str, Path] = {}
    if fmt == "xlsx":
        files["siasn"] = write_xlsx({"Data ASN": siasn}, folder / "siasn.xlsx")
    else:
        files["siasn"] = _csv(siasn, folder / "siasn.csv")
    tables = dataset_tables(ds)
    files["jabatan"] = write_csv(tables["jabatan"], folder / "peta_jabatan.csv")
    files["standar"] = write_csv(tables["standar_kompetensi"], folder / "standar.csv")
    komp = tables["kompetensi"]
    if wide:
        komp = komp.pivot(index="nip", columns="kompetensi", values="level")
        order = list(dict.fromkeys(tables["kompetensi"]["nip"]))
        cols = list(dict.fromkeys(tables["kompetensi"]["kompetensi"]))
        komp = komp.loc[order, cols].reset_index()
        komp.columns = ["NIP", *(c.upper().replace(" ", "_") for c in cols)]
    files["kompetensi"] = write_csv(komp, folder / "kompetensi.csv")
    peg = ds.pegawai
    if labels:
        talenta = pd.DataFrame(
            {
                "nip": peg["nip"],
                "kinerja": [BOX_LABELS[int(b)][0] for b in peg["talent_box"]],
                "potensi": [BOX_LABELS[int(b)][1] for b in peg["talent_box"]],
            }
        )
    else:
        talenta = pd.DataFrame({"NIP": peg["nip"], "Kotak Talenta": peg["talent_box"]})
    files["talenta"] = _csv(talenta, folder / "talenta.csv")
    kinerja = [
        {"nip": n, "tahun": year, "predikat": PREDIKAT[str(v)]}
        for n, a, b in zip(peg["nip"], peg["skp_1"], peg["skp_2"], strict=True)
        for year, v in ((2025, a), (2024, b), (2023, "baik"))
        if isinstance(v, str)
    ]
    files["kinerja"] = _csv(pd.DataFrame(kinerja), folder / "ekinerja.csv")
    hukdis = [
        {
            "nip": n,
            "tingkat": str(t).title(),
            "tmt mulai": dmy(
                min(pd.Timestamp(u) - pd.DateOffset(years=1), pd.Timestamp("2026-01-05"))
            ),
            "tmt selesai": dmy(u),
        }
        for n, t, u in zip(peg["nip"], peg["discipline"], peg["discipline_until"], strict=True)
        if isinstance(t, str)
    ]
    files["hukdis"] = _csv(
        pd.DataFrame(hukdis, columns=["nip", "tingkat", "tmt mulai", "tmt selesai"]),
        folder / "hukdis.csv",
    )
    files["riwayat"] = _csv(_riwayat(ds, plain), folder / "riwayat.csv")
    jobfit = [
        {"nip": n, "hasil": str(j).title(), "tanggal": "02-01-2026"}
        for n, j in zip(peg["nip"], peg["job_fit"], strict=True)
        if isinstance(j, str)
    ]
    files["jobfit"] = _csv(
        pd.DataFrame(jobfit, columns=["nip", "hasil", "tanggal"]), folder / "jobfit.csv"
    )
    return files


def _riwayat(ds: Dataset, siasn: pd.DataFrame) -> pd.DataFrame:
    """Current level since tmt_jenjang (and again since tmt_jabatan), a lower post before."""
    rows = []
    peg = ds.pegawai
    since, now = dmy_column(peg["tmt_jenjang"]), dmy_column(peg["tmt_jabatan"])
    before = dmy_column(peg["tmt_jenjang"] - pd.DateOffset(years=3))
    for i, (p, s) in enumerate(zip(peg.itertuples(), siasn.to_dict("records"), strict=True)):
        base = {
            "nip": p.nip,
            "jabatan": s["JABATAN NAMA"],
            "jenis": s["JENIS JABATAN NAMA"],
            "eselon": s["ESELON NAMA"],
        }
        if p.level > 0:
            rows.append(
                {
                    "nip": p.nip,
                    "jabatan": "Pengadministrasi Umum",
                    "jenis": "Jabatan Pelaksana",
                    "eselon": "",
                    "tmt": before[i],
                }
            )
        rows.append({**base, "tmt": since[i]})
        if p.tmt_jabatan > p.tmt_jenjang:
            rows.append({**base, "tmt": now[i]})
    return pd.DataFrame(rows)


def _csv(frame: pd.DataFrame, path: Path) -> Path:
    """Plain csv as SIASN writes it (no injection guard: NIPs keep their own apostrophe)."""
    frame.to_csv(path, index=False)
    return path


AMBIGUOUS = "Kepala Seksi Pelayanan Kesehatan"  # Primer (J-006) or Rujukan (J-007) on tiny?


def make_ambiguous(siasn: Path) -> str:
    """Write the holder of "Kepala Seksi Pelayanan Kesehatan Primer" in the export ``siasn``
    (csv) without "Primer": one link then needs the planner's decision. Returns the NIP."""
    frame = pd.read_csv(siasn, dtype=str, keep_default_na=False)
    held = frame["JABATAN NAMA"] == f"{AMBIGUOUS} Primer"
    assert held.sum() == 1
    frame.loc[held, "JABATAN NAMA"] = AMBIGUOUS
    _csv(frame, siasn)
    return str(frame.loc[held, "NIP BARU"].iloc[0]).lstrip("'")
