"""Scenario configuration (``scenario.yaml``): pydantic models with Indonesian keys.

A planner authors this file; every output records the effective config. Invalid files get a
located message (key path and what is allowed), never a traceback.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from placement.domain.errors import PlacementError, error


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Lingkup(_Strict):
    """Which posts are in the plan (empty list = all)."""

    opd: list[str] = Field(default_factory=list, description="OPD yang direncanakan")
    jenis_jabatan: list[Literal["JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"]] = Field(
        default_factory=list, description="Jenis jabatan yang direncanakan"
    )


MoveKind = Literal["promosi", "rotasi", "mutasi", "demosi", "alih_jenis"]


def _default_move_cost() -> dict[MoveKind, float]:
    return {"promosi": 0.03, "rotasi": 0.05, "mutasi": 0.08, "demosi": 0.5, "alih_jenis": 0.03}


class Bobot(_Strict):
    """Objective weights. Fit terms are in [0, 1]; weights of jpm, kotak_talenta and pendidikan
    should sum to 1 so that fit stays in [0, 1]."""

    jpm: float = Field(0.6, ge=0)
    kotak_talenta: float = Field(0.3, ge=0)
    pendidikan: float = Field(0.1, ge=0)
    nilai_jabatan_terisi: dict[int, float] = Field(
        default_factory=lambda: {1: 3.0, 2: 2.0, 3: 1.0},
        description="Nilai jabatan yang terisi per prioritas (1 tinggi … 3 rendah)",
    )
    nilai_kotak_talenta: dict[int, float] = Field(
        default_factory=lambda: {
            9: 1.0,
            8: 0.85,
            7: 0.75,
            6: 0.6,
            5: 0.5,
            4: 0.4,
            3: 0.3,
            2: 0.2,
            1: 0.0,
        },
        description="Nilai tiap kotak talenta dalam [0, 1]",
    )
    biaya_perpindahan: dict[MoveKind, float] = Field(default_factory=_default_move_cost)
    penalti_lewat_masa_jabatan: float = Field(0.1, ge=0)
    penalti_wajib_isi_kosong: float = Field(
        2.0, ge=0, description="Penalti bila jabatan wajib_isi dibiarkan kosong (mode lunak)"
    )
    penalti_non_job: float = Field(5.0, ge=0, description="Penalti bila pemegang jabatan non-job")
    penalti_pelonggaran: float = Field(
        1.0, ge=0, description="Penalti per penempatan yang melonggarkan aturan (mode elastis)"
    )

    @field_validator("biaya_perpindahan")
    @classmethod
    def _every_move_has_a_cost(cls, v: dict[MoveKind, float]) -> dict[MoveKind, float]:
        """Kinds left out keep their default; alih_jenis defaults to the scenario's promosi cost
        (scenario files written before alih_jenis existed price those moves as promotions)."""
        full = _default_move_cost()
        full["alih_jenis"] = v.get("promosi", full["promosi"])
        full.update(v)
        return full

    @field_validator("nilai_kotak_talenta")
    @classmethod
    def _box_in_unit(cls, v: dict[int, float]) -> dict[int, float]:
        bad = {k: x for k, x in v.items() if not 0.0 <= x <= 1.0 or not 1 <= k <= 9}
        if bad:
            raise ValueError(f"kotak 1–9 dengan nilai 0–1; salah: {bad}")
        return v


class Batas(_Strict):
    """Caps on the number of moves (empty = no cap)."""

    perpindahan_total: int | None = Field(None, ge=0, description="Maksimum pejabat yang berpindah")
    perpindahan_per_opd: int | None = Field(None, ge=0)
    porsi_berubah_per_opd: float | None = Field(
        None,
        ge=0,
        le=1,
        description="Porsi maksimum jabatan terisi di satu OPD yang berganti pemegang",
    )
    panjang_rantai_maks: int | None = Field(
        None, ge=1, description="Panjang maksimum rantai lowongan"
    )

    @field_validator("panjang_rantai_maks")
    @classmethod
    def _chain_cap_not_built(cls, v: int | None) -> int | None:
        if v is not None:  # refused rather than silently ignored until the model enforces it
            raise ValueError(
                "batas panjang rantai lowongan belum diterapkan oleh model; hapus kunci ini "
                "(panjang rantai terlihat di rantai.csv)"
            )
        return v


class Kunci(_Strict):
    nip: str
    jabatan_id: str


class Instansi(_Strict):
    """The instansi whose plan this is: its name (compared with the pegawai column ``instansi`` to
    find moves between instansi) and its PPK (pejabat pembina kepegawaian)."""

    nama: str | None = Field(None, description="Nama instansi, mis. Pemerintah Kabupaten X")
    ppk: str | None = Field(None, description="Pejabat pembina kepegawaian, mis. Bupati X")

    @field_validator("nama", "ppk")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return v.strip() or None if v is not None else None


class Fakta(_Strict):
    """Facts the approval conditions of the rule pack read (``persetujuan``: Pj kepala daerah,
    election windows, the instansi)."""

    instansi: Instansi = Field(default_factory=Instansi)
    tanggal_pelantikan_kepala_daerah: date | None = None
    pj_kepala_daerah: bool = False
    tanggal_penetapan_paslon: date | None = None
    akhir_masa_jabatan: date | None = None


class Tingkat(_Strict):
    """A lexicographic tier: optimise ``kriteria`` first, keep it within ``toleransi`` (fraction)."""

    kriteria: Literal["jabatan_terisi", "kecocokan", "perpindahan_sedikit"]
    toleransi: float = Field(0.0, ge=0, le=1)


KpiName = Literal[
    "objektif", "jabatan_terisi", "porsi_terisi", "lowong", "jpm_rata", "jpm_min", "porsi_kotak7",
    "promosi", "rotasi", "mutasi", "demosi", "alih_jenis", "non_job", "pejabat_berpindah",
    "lowongan_diisi",
    "perpindahan_opd_maks", "porsi_berubah_opd_maks", "rantai_terpanjang",
    "porsi_perempuan_promosi", "lewat_masa_jabatan_tetap",
]  # fmt: skip
"""The KPI vocabulary of gates and ``placement compare`` (see placement.plan.compare.KPIS)."""


class Gerbang(_Strict):
    """An acceptance gate on one KPI of a plan: ``min`` ≤ value ≤ ``maks`` (fractions for shares)."""

    kpi: KpiName
    min: float | None = None
    maks: float | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> Gerbang:
        if self.min is None and self.maks is None:
            raise ValueError("gerbang perlu 'min' atau 'maks'")
        return self


class Skenario(_Strict):
    """A placement scenario."""

    nama: str = "skenario"
    tanggal_rencana: date = Field(default_factory=date.today)
    data: Path | None = None
    paket_aturan: str = Field("kabupaten", description="Paket aturan bawaan (rulepacks/*.yaml)")
    lingkup: Lingkup = Field(default_factory=Lingkup)
    aturan: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Ubah parameter aturan: {ID_ATURAN: {parameter: nilai}}"
    )
    bobot: Bobot = Field(default_factory=Bobot)
    batas: Batas = Field(default_factory=Batas)
    kunci: list[Kunci] = Field(default_factory=list, description="Penempatan yang dikunci")
    pertahankan: list[str] = Field(default_factory=list, description="jabatan_id: pemegang tetap")
    larang: list[Kunci] = Field(default_factory=list, description="Pasangan yang dilarang")
    wajib_pindah: list[str] = Field(default_factory=list, description="NIP yang wajib pindah")
    wajib_isi_keras: bool = False
    izinkan_non_job: bool = False
    penempatan_jpt_langsung: bool = Field(
        False, description="Izinkan promosi langsung ke JPT (bawaan: daftar pendek seleksi terbuka)"
    )
    tingkatan: list[Tingkat] = Field(default_factory=list)
    fakta: Fakta = Field(default_factory=Fakta)
    seed: int = 0
    varian: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Varian: {NAMA: {kunci yang diubah dari skenario dasar}}"
    )
    gerbang: list[Gerbang] = Field(
        default_factory=list, description="Gerbang penerimaan: [{kpi: NAMA, min: x, maks: y}]"
    )

    @field_validator("wajib_pindah", "pertahankan")
    @classmethod
    def _strip(cls, v: list[str]) -> list[str]:
        return [str(x).strip() for x in v]


def load_scenario(path: Path) -> Skenario:
    """Read and validate a scenario YAML; relative ``data`` paths resolve against the file."""
    file = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise PlacementError.single(
            "SKENARIO_TIDAK_ADA",
            f"File skenario tidak ditemukan: {file}",
            f"Scenario file not found: {file}",
            file,
        ) from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise PlacementError([error(file, None if line is None else line + 1, None, "SKENARIO_YAML",
            f"YAML tidak valid: {exc}", f"Invalid YAML: {exc}")]) from None  # fmt: skip
    if not isinstance(raw, dict):
        raise PlacementError.single("SKENARIO_YAML", "Isi skenario harus berupa pasangan kunci: nilai",
                                    "A scenario must be a mapping of keys to values", file)  # fmt: skip
    sc = parse_scenario(raw, file)
    if sc.data is not None and not sc.data.is_absolute():
        sc = sc.model_copy(update={"data": (path.parent / sc.data).resolve()})
    return sc


def parse_scenario(raw: dict[str, Any], file: str = "skenario", prefix: str = "") -> Skenario:
    """Validate a mapping into a Skenario, turning pydantic errors into located issues.

    ``prefix`` (e.g. ``varian.hemat.``) is put before every key path in the messages."""
    try:
        return Skenario.model_validate(raw)
    except ValidationError as exc:
        issues = []
        for e in exc.errors():
            where = prefix + ".".join(str(p) for p in e["loc"])
            issues.append(error(file, None, where, "SKENARIO_KUNCI",
                f"Kunci '{where}': {_translate(e)} (nilai: {e.get('input')!r})",
                f"Key '{where}': {e['msg']} (value: {e.get('input')!r})"))  # fmt: skip
        raise PlacementError(issues) from None


BASELINE = "dasar"


def deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` on top of ``base``: mappings merge key by key, anything else (lists too) replaces."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def scenario_variants(path: Path) -> dict[str, Skenario]:
    """The baseline (named ``dasar``) and every variant of a scenario file, each fully validated.

    A variant is the baseline with its overrides deep-merged; its ``nama`` becomes
    ``<nama>/<variant>``. Errors name the variant's key path (``varian.NAMA.batas...``)."""
    base = load_scenario(path)
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    raw.pop("varian", None)
    file = str(path)
    out = {BASELINE: base}
    issues = []
    for name, over in base.varian.items():
        where = f"varian.{name}"
        if name == BASELINE or "varian" in over:
            issues.append(error(file, None, where, "SKENARIO_VARIAN",
                f"Varian '{name}': nama '{BASELINE}' dipakai untuk skenario dasar dan varian tidak boleh berisi 'varian'",
                f"Variant '{name}': the name '{BASELINE}' is the baseline and a variant may not contain 'varian'"))  # fmt: skip
            continue
        merged = deep_merge(raw, over)
        merged.setdefault("nama", base.nama)
        if "nama" not in over:
            merged["nama"] = f"{base.nama}/{name}"
        try:
            sc = parse_scenario(merged, file, prefix=f"{where}.")
        except PlacementError as exc:
            issues.extend(exc.issues)
            continue
        if sc.data is not None and not sc.data.is_absolute():
            sc = sc.model_copy(update={"data": (path.parent / sc.data).resolve()})
        out[name] = sc
    if issues:
        raise PlacementError(issues)
    return out


def _translate(e: Any) -> str:
    kind = e["type"]
    table = {
        "extra_forbidden": "kunci tidak dikenal; periksa ejaan (lihat docs/scenario.schema.json)",
        "missing": "wajib diisi",
        "date_from_datetime_parsing": "harus tanggal YYYY-MM-DD",
        "date_parsing": "harus tanggal YYYY-MM-DD",
        "int_parsing": "harus bilangan bulat",
        "float_parsing": "harus angka",
        "bool_parsing": "harus true/false",
        "literal_error": "nilai tidak diizinkan",
        "greater_than_equal": "terlalu kecil",
        "less_than_equal": "terlalu besar",
    }
    return table.get(kind, str(e["msg"]))


def scenario_json_schema() -> str:
    return json.dumps(Skenario.model_json_schema(), indent=2, ensure_ascii=False, default=str)
