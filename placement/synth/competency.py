"""Managerial competency levels (long form) per person and standards per post.

People: a level per competency around a personal mean that rises with the level of the person
and with the latent potential (so it correlates with the talent box). Posts: a base standard
per jenis jabatan, moved ±0.5 on a few competencies so that posts differ.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from placement.domain.grades import JenisJabatan
from placement.domain.schema import MANAGERIAL_COMPETENCIES
from placement.synth.arrays import FloatArray, IntArray

N_COMP = len(MANAGERIAL_COMPETENCIES)
PERSON_BASE = np.array([2.75, 3.05, 3.4, 3.75, 4.05])  # by level 0..4
COMP_OFFSET = np.array([0.2, 0.1, 0.0, 0.0, 0.05, -0.1, -0.15, -0.1, 0.05])  # per competency
STANDARD_BASE: dict[str, float] = {
    str(JenisJabatan.PENGAWAS): 3.0,
    str(JenisJabatan.ADMINISTRATOR): 3.5,
    str(JenisJabatan.JPT_PRATAMA): 4.0,
    str(JenisJabatan.JPT_MADYA): 4.5,
}
MISSING_PEOPLE = 0.02  # share of people without an assessment
MISSING_POSTS = 0.03  # share of posts without a standard


def _long(key: str, ids: np.ndarray, levels: FloatArray) -> pd.DataFrame:
    """Long frame: one row per (id, competency), levels rounded to 2 decimals within 1–5."""
    return pd.DataFrame(
        {
            key: np.repeat(ids, N_COMP),
            "competency": np.tile(np.array(MANAGERIAL_COMPETENCIES, dtype=object), len(ids)),
            "level": np.round(np.clip(levels, 1.0, 5.0), 2).ravel(),
        }
    )


def _keep(
    rng: np.random.Generator, n: int, share_missing: float, protect: IntArray | None = None
) -> IntArray:
    """Rows kept after dropping ``share_missing`` of ``n`` (at least one when n ≥ 10); rows in
    ``protect`` are never dropped."""
    candidates = np.setdiff1d(np.arange(n), protect if protect is not None else [])
    k = round(share_missing * n) if n < 10 else max(1, round(share_missing * n))
    drop = rng.choice(candidates, size=min(k, len(candidates)), replace=False)
    keep = np.ones(n, dtype=bool)
    keep[drop] = False
    return np.flatnonzero(keep).astype(np.int64)


def person_levels(
    rng: np.random.Generator,
    nips: np.ndarray,
    level: IntArray,
    potential: FloatArray,
    protect: IntArray | None = None,
) -> pd.DataFrame:
    """kompetensi frame (nip, competency, level) for ~98 % of the people (never ``protect``)."""
    keep = _keep(rng, len(nips), MISSING_PEOPLE, protect)
    mean = PERSON_BASE[level[keep]] + 0.42 * potential[keep] + 0.12 * rng.normal(size=len(keep))
    levels = mean[:, None] + COMP_OFFSET[None, :] + 0.22 * rng.normal(size=(len(keep), N_COMP))
    return _long("nip", nips[keep], levels)


def post_standards(rng: np.random.Generator, jabatan: pd.DataFrame) -> pd.DataFrame:
    """standar_kompetensi frame (jabatan_id, competency, level) for ~97 % of the posts."""
    keep = _keep(rng, len(jabatan), MISSING_POSTS)
    base = jabatan["jenis_jabatan"].iloc[keep].map(STANDARD_BASE).to_numpy(dtype=np.float64)
    shift = np.zeros((len(keep), N_COMP))
    moved = rng.random((len(keep), N_COMP)).argsort(axis=1)[:, :3]  # 3 competencies per post
    rows = np.arange(len(keep))[:, None]
    shift[rows, moved] = rng.choice(np.array([-0.5, 0.0, 0.5]), size=moved.shape, p=[0.4, 0.2, 0.4])
    ids = jabatan["jabatan_id"].to_numpy(dtype=object)[keep]
    return _long("jabatan_id", ids, base[:, None] + shift)
