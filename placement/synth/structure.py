"""Organisation structure (the jabatan table) of synthetic kabupaten, provinsi and nasional pools.

Posts are laid out per OPD from :mod:`placement.synth.catalogue`; the loops here run over OPDs
and units (at most ~30,000 posts), never over people.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from placement.domain.grades import ESELON_TYPE, JenisJabatan
from placement.domain.model import JABATAN_FIELDS
from placement.domain.rumpun import GENERAL, load_tables, post_field, post_fields
from placement.synth import catalogue as cat
from placement.synth.arrays import BoolArray, FloatArray, IntArray
from placement.synth.names import place_names
from placement.synth.presets import Preset, RegionSize

Row = tuple[str, str, str]  # (opd, post name, eselon)


@dataclass(frozen=True, slots=True)
class Tier:
    """Eselon of each kind of post in one kind of region."""

    sekda: str
    asisten: str
    kepala: str
    sekretaris: str
    kabid: str
    kasi: str
    biro: str  # provinsi: kepala biro; kabupaten: unused
    kabag: str  # bagian in the sekretariat daerah
    setwan_kabag: str
    uptd_head: str
    uptd_sub: str
    rsud_dir: str
    rsud_wadir: str
    rsud_kabid: str


KAB_TIER = Tier(
    "II.a",
    "II.b",
    "II.b",
    "III.a",
    "III.b",
    "IV.a",
    "",
    "III.a",
    "III.b",
    "IV.a",
    "IV.b",
    "II.b",
    "III.a",
    "III.b",
)
PROV_TIER = Tier(
    "I.b",
    "II.a",
    "II.a",
    "III.a",
    "III.a",
    "IV.a",
    "II.b",
    "III.a",
    "III.a",
    "III.b",
    "IV.a",
    "II.a",
    "II.b",
    "III.a",
)


# --- building blocks ------------------------------------------------------------------------


def _dinas(opd: str, bidang: tuple[str, ...], t: Tier) -> list[Row]:
    """Head, sekretaris, subbagian, bidang and their seksi of one dinas or badan."""
    sub = "Subbidang" if opd.startswith("Badan") else "Seksi"
    rows: list[Row] = [(opd, f"Kepala {opd}", t.kepala), (opd, f"Sekretaris {opd}", t.sekretaris)]
    rows += [(opd, f"Kepala Subbagian {s}", t.kasi) for s in cat.SUBBAG_DINAS]
    for b in bidang:
        rows.append((opd, f"Kepala Bidang {b}", t.kabid))
        rows += [(opd, f"Kepala {sub} {k} Bidang {b}", t.kasi) for k in cat.SEKSI_KINDS]
    return rows


def _uptd(opd: str, label: str, places: list[str], t: Tier, n_seksi: int) -> list[Row]:
    """UPTD units of one dinas: head, kasubbag tata usaha and ``n_seksi`` seksi each."""
    rows: list[Row] = []
    for place in places:
        unit = f"{label} {place}"
        rows.append((opd, f"Kepala {unit}", t.uptd_head))
        rows.append((opd, f"Kepala Subbagian Tata Usaha {unit}", t.uptd_sub))
        rows += [(opd, f"Kepala Seksi {s} {unit}", t.uptd_sub) for s in cat.UPTD_SEKSI[:n_seksi]]
    return rows


def _setda(suffix: str, t: Tier, provinsi: bool) -> list[Row]:
    """Sekretariat daerah: sekda, asisten, staf ahli and bagian (kabupaten) or biro (provinsi)."""
    opd = f"Sekretariat Daerah{suffix}"
    rows: list[Row] = [(opd, "Sekretaris Daerah", t.sekda)]
    rows += [(opd, f"Staf Ahli {s}", t.asisten) for s in cat.STAF_AHLI]
    for asisten, units in cat.ASISTEN:
        rows.append((opd, f"Asisten {asisten}", t.asisten))
        for u in units:
            if provinsi:
                rows.append((opd, f"Kepala Biro {u}", t.biro))
                for k in cat.SEKSI_KINDS:
                    rows.append((opd, f"Kepala Bagian {k} Biro {u}", t.kabag))
                    rows += [
                        (opd, f"Kepala Subbagian {s} Bagian {k} Biro {u}", t.kasi)
                        for s in ("Perencanaan", "Pelaksanaan")
                    ]
            else:
                rows.append((opd, f"Kepala Bagian {u}", t.kabag))
                rows += [(opd, f"Kepala Subbagian {k} Bagian {u}", t.kasi) for k in cat.SEKSI_KINDS]
    return rows


def _secretariats(suffix: str, t: Tier) -> list[Row]:
    """Sekretariat DPRD, inspektorat and satpol PP."""
    setwan = f"Sekretariat Dewan Perwakilan Rakyat Daerah{suffix}"
    rows: list[Row] = [(setwan, "Sekretaris DPRD", t.kepala)]
    for b in cat.SETWAN_BAGIAN:
        rows.append((setwan, f"Kepala Bagian {b}", t.setwan_kabag))
        rows += [(setwan, f"Kepala Subbagian {k} Bagian {b}", t.kasi) for k in cat.SEKSI_KINDS[:2]]
    insp = f"Inspektorat Daerah{suffix}"
    rows += [(insp, "Inspektur Daerah", t.kepala), (insp, "Sekretaris Inspektorat", t.sekretaris)]
    rows += [(insp, f"Inspektur Pembantu Wilayah {w}", t.kabid) for w in ("I", "II", "III", "IV")]
    rows += [(insp, f"Kepala Subbagian {s}", t.kasi) for s in cat.SUBBAG_DINAS]
    satpol = f"Satuan Polisi Pamong Praja{suffix}"
    bidang = (
        "Penegakan Perundang-undangan Daerah",
        "Ketertiban Umum dan Ketenteraman Masyarakat",
        "Perlindungan Masyarakat",
        "Sumber Daya Aparatur",
    )
    return rows + _dinas(satpol, bidang, t)


def _rsud(opd: str, t: Tier, main: bool) -> list[Row]:
    """A regional hospital: direktur, wakil direktur, bidang and seksi."""
    if not main:  # RSUD pratama / tipe D
        rows: list[Row] = [(opd, f"Direktur {opd}", t.rsud_wadir)]
        for b in cat.RSUD_BIDANG[:2]:
            rows.append((opd, f"Kepala Bidang {b}", t.rsud_kabid))
            rows += [(opd, f"Kepala Seksi {k} {b}", t.kasi) for k in cat.SEKSI_KINDS[:2]]
        return rows
    rows = [(opd, f"Direktur {opd}", t.rsud_dir)]
    rows += [(opd, f"Wakil Direktur {w}", t.rsud_wadir) for w in ("Pelayanan", "Umum dan Keuangan")]
    for b in cat.RSUD_BIDANG:
        rows.append((opd, f"Kepala Bidang {b}", t.rsud_kabid))
        rows += [(opd, f"Kepala Seksi {k} {b}", t.kasi) for k in cat.SEKSI_KINDS[:2]]
    rows += [(opd, f"Kepala Subbagian {s}", t.kasi) for s in cat.SUBBAG_DINAS]
    return rows


def _kecamatan(name: str, kelurahan: list[str], suffix: str) -> list[Row]:
    """A kecamatan with its kelurahan (kelurahan posts belong to the kecamatan OPD)."""
    opd = f"Kecamatan {name}{suffix}"
    rows: list[Row] = [(opd, f"Camat {name}", "III.a"), (opd, f"Sekretaris Camat {name}", "III.b")]
    rows += [(opd, f"Kepala Seksi {s}", "IV.a") for s in cat.KECAMATAN_SEKSI]
    rows += [(opd, f"Kepala Subbagian {s}", "IV.b") for s in cat.KECAMATAN_SUBBAG]
    for kel in kelurahan:
        rows += [(opd, f"Lurah {kel}", "IV.a"), (opd, f"Sekretaris Kelurahan {kel}", "IV.b")]
        rows += [(opd, f"Kepala Seksi {s} Kelurahan {kel}", "IV.b") for s in cat.KELURAHAN_SEKSI]
    return rows


def _allocate(total: int, weights: FloatArray) -> IntArray:
    """Split ``total`` into integer parts proportional to ``weights`` (largest remainder)."""
    if total <= 0 or weights.sum() <= 0:
        return np.zeros(len(weights), dtype=np.int64)
    exact = total * weights / weights.sum()
    base: IntArray = np.floor(exact).astype(np.int64)
    order = np.argsort(-(exact - base), kind="stable")
    base[order[: total - int(base.sum())]] += 1
    return base


def _dinas_with_uptd(
    rng: np.random.Generator, size: RegionSize, suffix: str, t: Tier, provinsi: bool
) -> list[Row]:
    """All dinas and badan of a region, with their UPTD."""
    dinas = [d for d in cat.DINAS if (d.provinsi if provinsi else d.kabupaten)]
    n_uptd = _allocate(size.uptd, np.array([d.uptd_weight for d in dinas]))
    rows: list[Row] = []
    for d, n in zip(dinas, n_uptd, strict=True):
        opd = f"{d.name}{suffix}"
        rows += _dinas(opd, d.bidang, t)
        if n:
            rows += _uptd(opd, d.uptd, place_names(rng, int(n)), t, 3 if provinsi else 0)
    return rows


def _puskesmas(rng: np.random.Generator, n: int, suffix: str) -> list[Row]:
    opd = f"Dinas Kesehatan{suffix}"
    return [
        (opd, f"Kepala Subbagian Tata Usaha UPTD Puskesmas {p}", "IV.b")
        for p in place_names(rng, n)
    ]


def _schools(rng: np.random.Generator, n: int, suffix: str) -> list[Row]:
    """Kasubbag tata usaha of the provincial SMA / SMK / SLB negeri."""
    opd = f"Dinas Pendidikan{suffix}"
    cities = place_names(rng, 35)
    kind = rng.choice(["SMA", "SMK", "SLB"], size=n, p=[0.5, 0.4, 0.1])
    city = rng.integers(0, len(cities), n)
    seen: dict[tuple[str, int], int] = {}
    rows: list[Row] = []
    for k, c in zip(kind.tolist(), city.tolist(), strict=True):
        number = seen[(k, c)] = seen.get((k, c), 0) + 1
        rows.append((opd, f"Kepala Subbagian Tata Usaha {k} Negeri {number} {cities[c]}", "IV.b"))
    return rows


# --- regions --------------------------------------------------------------------------------


def kabupaten_rows(rng: np.random.Generator, size: RegionSize, suffix: str = "") -> list[Row]:
    """Posts of one kabupaten; ``suffix`` (" Kabupaten X") qualifies OPD names in a pool."""
    t = KAB_TIER
    rows = _setda(suffix, t, provinsi=False) + _secretariats(suffix, t)
    rows += _dinas_with_uptd(rng, size, suffix, t, provinsi=False)
    rows += _puskesmas(rng, size.puskesmas, suffix)
    names = place_names(rng, 1 + size.rsud + size.kecamatan + size.kelurahan)
    seat, hospitals = names[0], names[1 : 1 + size.rsud]
    rows += _rsud(f"RSUD {seat}{suffix}", t, main=True)
    rows += [r for h in hospitals[1:] for r in _rsud(f"RSUD Pratama {h}{suffix}", t, main=False)]
    kec = names[1 + size.rsud : 1 + size.rsud + size.kecamatan]
    kel = names[1 + size.rsud + size.kecamatan :]
    split = _allocate(len(kel), rng.random(len(kec)) ** 2)
    bounds = np.concatenate([[0], np.cumsum(split)])
    for i, k in enumerate(kec):
        rows += _kecamatan(k, kel[bounds[i] : bounds[i + 1]], suffix)
    return rows


def provinsi_rows(rng: np.random.Generator, size: RegionSize, suffix: str = "") -> list[Row]:
    """Posts of one provinsi (sekda is JPT Madya I.b)."""
    t = PROV_TIER
    rows = _setda(suffix, t, provinsi=True) + _secretariats(suffix, t)
    rows += _dinas_with_uptd(rng, size, suffix, t, provinsi=True)
    rows += _schools(rng, size.schools, suffix)
    for h in place_names(rng, size.rsud):
        rows += _rsud(f"RSUD {h}{suffix}", t, main=True)
    return rows


def tiny_rows() -> list[Row]:
    """Two OPD, 12 posts: small enough to check a plan by hand."""
    dinkes, kec = "Dinas Kesehatan", "Kecamatan Sukamaju"
    return [
        (dinkes, "Kepala Dinas Kesehatan", "II.b"),
        (dinkes, "Sekretaris Dinas Kesehatan", "III.a"),
        (dinkes, "Kepala Bidang Pelayanan Kesehatan", "III.b"),
        (dinkes, "Kepala Subbagian Umum dan Kepegawaian", "IV.a"),
        (dinkes, "Kepala Subbagian Keuangan", "IV.a"),
        (dinkes, "Kepala Seksi Pelayanan Kesehatan Primer", "IV.a"),
        (dinkes, "Kepala Seksi Pelayanan Kesehatan Rujukan", "IV.a"),
        (kec, "Camat Sukamaju", "III.a"),
        (kec, "Kepala Seksi Pemerintahan", "IV.a"),
        (kec, "Kepala Seksi Ketenteraman dan Ketertiban Umum", "IV.a"),
        (kec, "Lurah Sukamaju", "IV.a"),
        (kec, "Sekretaris Kelurahan Sukamaju", "IV.b"),
    ]


def preset_rows(preset: Preset, rng: np.random.Generator) -> list[Row]:
    """All posts of a preset (regions in a pool get qualified OPD names)."""
    return preset_posts(preset, rng)[0]


def preset_posts(preset: Preset, rng: np.random.Generator) -> tuple[list[Row], list[str | None]]:
    """All posts of a preset and the instansi owning each: in a pool of regions (nasional) each
    region is its own instansi ("Pemerintah Provinsi X", "Pemerintah Kabupaten Y"); a single
    region leaves it empty (= this instansi)."""
    if preset.name == "tiny":
        return tiny_rows(), [None] * len(tiny_rows())
    pooled = preset.n_kabupaten + preset.n_provinsi > 1
    regions = place_names(rng, preset.n_kabupaten + preset.n_provinsi)
    rows: list[Row] = []
    owner: list[str | None] = []
    for i in range(preset.n_provinsi):
        assert preset.provinsi is not None
        suffix = f" Provinsi {regions[i]}" if pooled else ""
        part = provinsi_rows(rng, preset.provinsi, suffix)
        rows += part
        owner += [f"Pemerintah{suffix}" if pooled else None] * len(part)
    for i in range(preset.n_kabupaten):
        assert preset.kabupaten is not None
        suffix = f" Kabupaten {regions[preset.n_provinsi + i]}" if pooled else ""
        part = kabupaten_rows(rng, preset.kabupaten, suffix)
        rows += part
        owner += [f"Pemerintah{suffix}" if pooled else None] * len(part)
    return rows, owner


# --- the jabatan frame ----------------------------------------------------------------------


def rumpun_of(names: pd.Series, opds: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Field and technical flag per post from the bundled rumpun tables ("umum" when no
    keyword is found); see placement.domain.rumpun."""
    found = post_fields(names.tolist(), opds.tolist(), load_tables())
    field = pd.Series([f.field or GENERAL for f in found], index=names.index, dtype=object)
    return field, pd.Series([f.technical for f in found], index=names.index, dtype=bool)


def opd_rumpun(jabatan: pd.DataFrame) -> dict[str, str]:
    """Field of each OPD: from its own name, else the most common field of its posts."""
    tables = load_tables()
    counts = jabatan.groupby(["opd", "rumpun"], sort=False).size().reset_index(name="n")
    top = counts.sort_values("n", ascending=False, kind="stable").drop_duplicates("opd")
    common = dict(zip(top["opd"].astype(str), top["rumpun"].astype(str), strict=True))
    return {o: post_field(o, o, tables).field or common[o] for o in common}


def jabatan_frame(
    rows: list[Row], rng: np.random.Generator, instansi: list[str | None] | None = None
) -> pd.DataFrame:
    """Canonical jabatan frame (model.JABATAN_FIELDS) with ids, rumpun, prioritas, wajib_isi and
    the owning ``instansi`` of each post (empty when not given)."""
    n = len(rows)
    frame = pd.DataFrame(rows, columns=["opd", "name", "eselon"])
    width = max(3, len(str(n)))
    frame.insert(0, "jabatan_id", [f"J-{i:0{width}d}" for i in range(1, n + 1)])
    frame["jenis_jabatan"] = frame["eselon"].map(lambda e: str(ESELON_TYPE[e]))
    frame["min_golongan"] = None
    frame["min_education"] = None
    frame["rumpun"], frame["technical"] = rumpun_of(frame["name"], frame["opd"])
    frame["priority"] = _priority(rng, frame["jenis_jabatan"])
    frame["must_fill"] = _must_fill(rng, frame["priority"].to_numpy())
    frame["instansi"] = pd.Series(instansi or [None] * n, index=frame.index, dtype=object)
    return frame[list(JABATAN_FIELDS)]


# Prioritas 1–3 mix per jenis jabatan: JPT mostly 1, administrator 1–2, pengawas 2–3.
PRIORITY_MIX: dict[str, tuple[float, float, float]] = {
    str(JenisJabatan.JPT_MADYA): (0.9, 0.1, 0.0),
    str(JenisJabatan.JPT_PRATAMA): (0.7, 0.3, 0.0),
    str(JenisJabatan.ADMINISTRATOR): (0.35, 0.5, 0.15),
    str(JenisJabatan.PENGAWAS): (0.15, 0.5, 0.35),
}


def _priority(rng: np.random.Generator, jenis: pd.Series) -> IntArray:
    """Prioritas per post, drawn from PRIORITY_MIX."""
    kinds = list(PRIORITY_MIX)
    cum = np.cumsum(np.array([PRIORITY_MIX[k] for k in kinds]), axis=1)
    rows = cum[jenis.map({k: i for i, k in enumerate(kinds)}).to_numpy(dtype=np.int64)]
    u = rng.random(len(jenis))
    out: IntArray = 1 + (u[:, None] > rows[:, :2]).sum(axis=1)
    return out


def _must_fill(rng: np.random.Generator, priority: IntArray) -> BoolArray:
    """About 10 % wajib_isi, mostly among priority-1 posts."""
    weight = np.array([0.0, 3.0, 1.0, 0.4])[priority]
    k = max(1, round(0.10 * len(priority)))
    chosen = rng.choice(len(priority), size=k, replace=False, p=weight / weight.sum())
    out = np.zeros(len(priority), dtype=bool)
    out[chosen] = True
    return out
