"""Vectorised NIP / NI PPPK composition: ``YYYYMMDD YYYYMM G NNN`` as int64 arithmetic.

Same layout as :func:`placement.domain.nip.make_nip`; the sequence number is unique per
(birth date, TMT, gender) so NIPs never collide. The NI PPPK carries the appointment year and
the month "21".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from placement.domain.nip import PPPK_MONTH
from placement.synth.arrays import BoolArray, DateArray, IntArray


def _ymd(dates: DateArray) -> tuple[IntArray, IntArray, IntArray]:
    days = dates.astype("datetime64[D]")
    months = days.astype("datetime64[M]")
    year = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (days - months.astype("datetime64[D]")).astype(np.int64) + 1
    return year, month, day


def make_nips(birth: DateArray, tmt: DateArray, female: BoolArray, pppk: BoolArray) -> np.ndarray:
    """One 18-digit NIP string per person; ``tmt`` is TMT CPNS (PNS) or appointment (PPPK)."""
    by, bm, bd = _ymd(birth)
    ty, tm, _ = _ymd(tmt)
    tm = np.where(pppk, PPPK_MONTH, tm)
    prefix = ((by * 10_000 + bm * 100 + bd) * 1_000_000 + ty * 100 + tm) * 10 + 1 + female
    seq = pd.Series(prefix).groupby(prefix, sort=False).cumcount().to_numpy() + 1
    if seq.max(initial=0) > 999:
        raise ValueError("more than 999 people share a birth date, TMT and gender")
    return (prefix * 1000 + seq).astype(str).astype(object)
