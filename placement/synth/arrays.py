"""numpy array aliases shared by the synthetic-data modules."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
ObjArray = npt.NDArray[np.object_]
DateArray = npt.NDArray[np.datetime64]


def masked(mask: BoolArray, values: npt.NDArray[Any]) -> ObjArray:
    """``values`` as objects where ``mask`` holds, None elsewhere."""
    out: ObjArray = np.asarray(values, dtype=object).copy()
    out[~mask] = None
    return out


def draw_rows(rng: np.random.Generator, probs: FloatArray) -> IntArray:
    """One categorical draw per row of ``probs`` (rows need not sum exactly to one)."""
    cum = np.cumsum(probs, axis=1)
    cum /= cum[:, -1:]
    u = rng.random(len(probs))
    out: IntArray = (u[:, None] > cum[:, :-1]).sum(axis=1).astype(np.int64)
    return out
