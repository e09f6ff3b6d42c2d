"""Preset sizes of the synthetic regions and their fixed plan date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

PresetName = Literal["tiny", "kabupaten", "provinsi", "nasional"]

DEFAULT_PLAN_DATE = date(2026, 7, 1)


@dataclass(frozen=True, slots=True)
class RegionSize:
    """Sizes of the units of one region that vary (the OPD catalogue is fixed)."""

    kecamatan: int = 0
    kelurahan: int = 0
    puskesmas: int = 0
    uptd: int = 0
    schools: int = 0
    rsud: int = 1


@dataclass(frozen=True, slots=True)
class Preset:
    """A synthetic region: structure, head count and population mix."""

    name: PresetName
    tanggal_rencana: date
    n_people: int
    jf_share: float  # share of fungsional among the non-structural pool
    targets: dict[str, int]  # expected posts per jenis jabatan (JPT counts both JPT kinds)
    kabupaten: RegionSize | None = None  # size of each kabupaten in the preset
    provinsi: RegionSize | None = None  # size of each provinsi in the preset
    n_kabupaten: int = 0
    n_provinsi: int = 0
    vacancy_share: float = 0.125
    pppk_share: float = 0.05


KABUPATEN_SIZE = RegionSize(kecamatan=13, kelurahan=22, puskesmas=30, uptd=24, rsud=2)
PROVINSI_SIZE = RegionSize(uptd=660, schools=800, rsud=3)

PRESETS: dict[str, Preset] = {
    "tiny": Preset(
        "tiny", DEFAULT_PLAN_DATE, 30, 0.4, {"JPT": 1, "ADMINISTRATOR": 3, "PENGAWAS": 8}
    ),
    "kabupaten": Preset(
        "kabupaten",
        DEFAULT_PLAN_DATE,
        3_000,
        0.105,
        {"JPT": 35, "ADMINISTRATOR": 200, "PENGAWAS": 750},
        kabupaten=KABUPATEN_SIZE,
        n_kabupaten=1,
    ),
    "provinsi": Preset(
        "provinsi",
        DEFAULT_PLAN_DATE,
        20_000,
        0.3,
        {"JPT": 60, "ADMINISTRATOR": 860, "PENGAWAS": 4_000},
        provinsi=PROVINSI_SIZE,
        n_provinsi=1,
    ),
    "nasional": Preset(
        "nasional",
        DEFAULT_PLAN_DATE,
        100_000,
        0.3,
        {"JPT": 730, "ADMINISTRATOR": 5_400, "PENGAWAS": 23_000},
        kabupaten=KABUPATEN_SIZE,
        provinsi=PROVINSI_SIZE,
        n_kabupaten=15,
        n_provinsi=3,
    ),
}


def get_preset(name: str) -> Preset:
    """The preset called ``name``; ValueError naming the choices otherwise."""
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}") from None


def preset_plan_date(preset: str) -> date:
    """The fixed reference plan date (tanggal_rencana) of a preset."""
    return get_preset(preset).tanggal_rencana
