"""Synthetic ASN data: realistic kabupaten / provinsi / nasional regions, deterministic by seed.

>>> from placement.synth import generate
>>> ds = generate("tiny", seed=0)
>>> ds.n_posts
12
"""

from __future__ import annotations

from placement.synth.generator import generate, generate_for_structure
from placement.synth.presets import (
    DEFAULT_PLAN_DATE,
    PRESETS,
    Preset,
    PresetName,
    get_preset,
    preset_plan_date,
)

__all__ = [
    "DEFAULT_PLAN_DATE",
    "PRESETS",
    "Preset",
    "PresetName",
    "generate",
    "generate_for_structure",
    "get_preset",
    "preset_plan_date",
]
