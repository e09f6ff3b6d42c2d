"""Talent map: the 9-box grid (kotak talenta) of the region and per OPD, the PermenPAN-RB 3/2020
recommendation per box, and flows between boxes across two assessment rounds.

Numbering (DOMAIN.md, diagonal, as in government SIMPEG systems)::

    potensi tinggi   | 6 | 8 | 9 |
    potensi menengah | 3 | 5 | 7 |
    potensi rendah   | 1 | 2 | 4 |
                      bawah sesuai atas  (kinerja)

The recommendation texts are those of :data:`placement.plan.explain.BOX_RECOMMENDATION` (one
place for them); the axes are :data:`BOX_AXES`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from placement.domain.errors import Issue, PlacementError
from placement.domain.messages import Where, issue, text, texts
from placement.domain.model import Dataset
from placement.rules.facts import norm_text

KINERJA: tuple[tuple[str, str], ...] = (
    texts("KINERJA_DI_BAWAH"),
    texts("KINERJA_SESUAI"),
    texts("KINERJA_DI_ATAS"),
)
POTENSI: tuple[tuple[str, str], ...] = (
    ("rendah", "low"),
    ("menengah", "medium"),
    ("tinggi", "high"),
)
# box → (kinerja index, potensi index) into KINERJA / POTENSI
BOX_AXES: dict[int, tuple[int, int]] = {
    1: (0, 0),
    2: (1, 0),
    4: (2, 0),
    3: (0, 1),
    5: (1, 1),
    7: (2, 1),
    6: (0, 2),
    8: (1, 2),
    9: (2, 2),
}
GRID: tuple[tuple[int, int, int], ...] = ((6, 8, 9), (3, 5, 7), (1, 2, 4))  # potensi high → low
TALENT_POOL: tuple[int, ...] = (7, 8, 9)
REGION = texts("PETA_TALENTA_SELURUH_DAERAH")
NO_BOX = texts("PETA_TALENTA_TANPA_KOTAK")
NOT_FOUND = texts("PETA_TALENTA_TIDAK_DI_PUTARAN")


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def recommendation(box: int, lang: str = "id") -> str:
    """PermenPAN-RB 3/2020 recommendation for a box."""
    from placement.plan.explain import BOX_RECOMMENDATION

    return _t(BOX_RECOMMENDATION[box], lang)


def legal_basis() -> str:
    from placement.plan.explain import BOX_LEGAL_BASIS

    return BOX_LEGAL_BASIS


def person_opd(ds: Dataset) -> pd.Series:
    """OPD per person: the OPD of the post held, else the unit_kerja."""
    held = ds.pegawai["jabatan_id"].map(
        dict(zip(ds.jabatan["jabatan_id"], ds.jabatan["opd"], strict=True))
    )
    return held.where(held.notna(), ds.pegawai["unit"]).astype(str)


def _boxes(values: pd.Series) -> np.ndarray:
    """Box per row as int, 0 for missing."""
    out: np.ndarray = pd.to_numeric(values, errors="coerce").fillna(0).astype(int).to_numpy()
    return out


def talent_counts(ds: Dataset, opd: str | None = None, lang: str = "id") -> pd.DataFrame:
    """Long table: one row per (scope, box): the region first, then every OPD (or only ``opd``),
    with kinerja, potensi, count, share of the scope, talent pool flag and recommendation.
    A ``tanpa kotak`` row counts people without a box."""
    boxes = _boxes(ds.pegawai["talent_box"])
    opds = person_opd(ds).to_numpy(dtype=object)
    scopes: list[tuple[str, np.ndarray]] = [(_t(REGION, lang), np.ones(len(boxes), dtype=bool))]
    names = sorted(set(opds), key=norm_text)
    if opd is not None:
        names = [o for o in names if norm_text(o) == norm_text(opd)]
    scopes += [(o, opds == o) for o in names]
    yes, no = ("ya", "tidak") if lang == "id" else ("yes", "no")
    rows: list[tuple[object, ...]] = []
    for name, mask in scopes:
        counts = np.bincount(boxes[mask], minlength=10)
        total = int(mask.sum())
        for box in range(9, 0, -1):
            k, p = BOX_AXES[box]
            rows.append(
                (
                    name,
                    box,
                    _t(KINERJA[k], lang),
                    _t(POTENSI[p], lang),
                    int(counts[box]),
                    round(100 * counts[box] / total, 1) if total else 0.0,
                    yes if box in TALENT_POOL else no,
                    recommendation(box, lang),
                )
            )
        if counts[0]:
            rows.append(
                (
                    name,
                    None,
                    "",
                    "",
                    int(counts[0]),
                    round(100 * counts[0] / total, 1),
                    no,
                    _t(NO_BOX, lang),
                )
            )
    cols = (
        [
            "cakupan",
            "kotak",
            "kinerja",
            "potensi",
            "jumlah",
            "persen",
            "kelompok_suksesi",
            "rekomendasi",
        ]
        if lang == "id"
        else [
            "scope",
            "box",
            "performance",
            "potential",
            "count",
            "percent",
            "talent_pool",
            "recommendation",
        ]
    )
    frame = pd.DataFrame(rows, columns=cols)
    return frame.astype({cols[1]: "Int64"})


def talent_grid(ds: Dataset, opd: str | None = None, lang: str = "id") -> pd.DataFrame:
    """3 × 3 grid of counts (potensi high → low × kinerja below → above), cells "box: n"."""
    boxes = _boxes(ds.pegawai["talent_box"])
    if opd is not None:
        opds = person_opd(ds).map(norm_text).to_numpy(dtype=object)
        boxes = boxes[opds == norm_text(opd)]
    counts = np.bincount(boxes, minlength=10)
    data = {
        text("PETA_TALENTA_POTENSI", lang): [_t(POTENSI[p], lang) for p in (2, 1, 0)],
        **{
            _t(KINERJA[k], lang): [f"{GRID[r][k]}: {counts[GRID[r][k]]}" for r in range(3)]
            for k in range(3)
        },
    }
    return pd.DataFrame(data)


def talent_grid_moves(ds: Dataset, plan: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """The region's 9-box grid, one row per box in grid order (potensi high → low, kinerja
    below → above): grid row and column, box, kinerja, potensi, people in the box (whole
    region, :func:`talent_counts`) and how many of them move in ``plan`` (any move but stay)."""
    counts = talent_counts(ds, lang=lang)
    region = counts.iloc[:9]
    col_box, col_n = region.columns[1], region.columns[4]
    by_box = {int(b): int(n) for b, n in zip(region[col_box], region[col_n], strict=True)}
    labels = {
        int(b): (str(k), str(p))
        for b, k, p in zip(region[col_box], region.iloc[:, 2], region.iloc[:, 3], strict=True)
    }
    moving = plan[plan["jenis_perpindahan"].astype(str) != "tetap"]
    moved = pd.to_numeric(moving["kotak_talenta"], errors="coerce").dropna().astype(int)
    moved_by_box = moved.value_counts()
    rows = []
    for r, line in enumerate(GRID):
        for c, box in enumerate(line):
            assert BOX_AXES[box][0] == c
            rows.append(
                {
                    "baris": r,
                    "kolom": c,
                    "kotak": box,
                    "kinerja": labels[box][0],
                    "potensi": labels[box][1],
                    "jumlah": by_box.get(box, 0),
                    "pindah": int(moved_by_box.get(box, 0)),
                }
            )
    return pd.DataFrame(rows)


def talent_people(ds: Dataset, opd: str | None = None, lang: str = "id") -> pd.DataFrame:
    """Names per box (on demand): nip, nama, OPD, jabatan, box, recommendation; box 9 first."""
    peg = ds.pegawai
    opds = person_opd(ds)
    boxes = _boxes(peg["talent_box"])
    frame = pd.DataFrame(
        {
            "opd": opds.to_numpy(),
            "kotak": pd.array([b if b else None for b in boxes], dtype="Int64"),
            "nip": peg["nip"].astype(str).to_numpy(),
            "nama": peg["name"].astype(str).to_numpy(),
            "jabatan_id": peg["jabatan_id"].to_numpy(dtype=object),
            "jenis_jabatan": peg["jenis_jabatan"].astype(str).to_numpy(),
            "rekomendasi": [recommendation(int(b), lang) if b else _t(NO_BOX, lang) for b in boxes],
            "_row": np.arange(len(peg)),
        }
    )
    if opd is not None:
        frame = frame[frame["opd"].map(norm_text) == norm_text(opd)]
    frame = frame.assign(_k=-boxes[frame["_row"].to_numpy()], _o=frame["opd"].map(norm_text))
    frame = frame.sort_values(["_k", "_o", "_row"], kind="stable").drop(
        columns=["_k", "_o", "_row"]
    )
    if lang == "en":
        frame = frame.rename(
            columns={"kotak": "box", "nama": "name", "rekomendasi": "recommendation"}
        )
    return frame.reset_index(drop=True)


def read_previous_round(path: Path) -> pd.DataFrame:
    """Boxes of an earlier assessment round: the pegawai table (csv or xlsx, template headers or
    SIASN aliases) of a data folder or workbook; only ``nip`` and ``kotak_talenta`` are read.
    Returns (nip, box) with box 0 for empty; raises PlacementError with located errors."""
    from placement.io.readers import read_tables

    tables, issues, _ = read_tables(Path(path))
    peg = tables.get("pegawai")
    if peg is None:
        found = [i for i in issues if i.severity == "error"] or [
            issue("PUTARAN_PEGAWAI_TIDAK_ADA", Where(str(path)))
        ]
        raise PlacementError(found)
    file = f"{path}/{peg.attrs.get('file', 'pegawai')}" if Path(path).is_dir() else str(path)
    problems: list[Issue] = []
    for col in ("nip", "kotak_talenta"):
        if col not in peg.columns:
            problems.append(issue("PUTARAN_KOLOM_HILANG", Where(file, 1, col), col=col))
    if problems:
        raise PlacementError(problems)
    nips: list[str] = []
    boxes: list[int] = []
    seen: dict[str, int] = {}
    for row, nip, box in zip(peg.index, peg["nip"], peg["kotak_talenta"], strict=True):
        nip = str(nip or "").strip().lstrip("'")
        text = str(box or "").strip()
        if not nip:
            problems.append(issue("PUTARAN_NIP_KOSONG", Where(file, int(row), "nip")))
            continue
        if nip in seen:
            problems.append(
                issue("PUTARAN_NIP_GANDA", Where(file, int(row), "nip"), nip=nip, seen=seen[nip])
            )
            continue
        seen[nip] = int(row)
        value = 0
        if text:
            try:
                number = float(text.replace(",", "."))
            except ValueError:
                number = -1.0
            if not number.is_integer() or not 1 <= number <= 9:
                problems.append(
                    issue("PUTARAN_KOTAK", Where(file, int(row), "kotak_talenta"), text=text)
                )
                continue
            value = int(number)
        nips.append(nip)
        boxes.append(value)
    if problems:
        raise PlacementError(problems)
    return pd.DataFrame({"nip": nips, "box": np.array(boxes, dtype=np.int64)})


def box_transitions(ds: Dataset, previous: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """Transition matrix matched by NIP: rows = box in the previous round (9 … 1, no box, not in
    that round), columns = box now (same order), cells = number of people; a total column/row."""
    now = pd.Series(_boxes(ds.pegawai["talent_box"]), index=ds.pegawai["nip"].astype(str))
    before = pd.Series(previous["box"].to_numpy(), index=previous["nip"].astype(str))
    missing = -1
    nips = now.index.union(before.index)
    a = before.reindex(nips).fillna(missing).astype(int).to_numpy()
    b = now.reindex(nips).fillna(missing).astype(int).to_numpy()
    keys = [*range(9, 0, -1), 0, missing]

    def label(k: int) -> str:
        return str(k) if k > 0 else _t(NO_BOX if k == 0 else NOT_FOUND, lang)

    matrix = np.zeros((len(keys), len(keys)), dtype=np.int64)
    pos = {k: i for i, k in enumerate(keys)}
    np.add.at(matrix, ([pos[int(x)] for x in a], [pos[int(y)] for y in b]), 1)
    head = text("PETA_TALENTA_KOTAK_SEBELUMNYA_SEKARANG", lang)
    total = text("PETA_TALENTA_JUMLAH", lang)
    frame = pd.DataFrame(matrix, columns=[label(k) for k in keys])
    frame.insert(0, head, [label(k) for k in keys])
    frame[total] = matrix.sum(axis=1)
    sums = [total, *matrix.sum(axis=0).tolist(), int(matrix.sum())]
    frame.loc[len(frame)] = sums
    return frame


def pool_flows(ds: Dataset, previous: pd.DataFrame) -> dict[str, int]:
    """Moves into and out of the talent pool (box 7–9) between the rounds (people in both)."""
    now = pd.Series(_boxes(ds.pegawai["talent_box"]), index=ds.pegawai["nip"].astype(str))
    before = pd.Series(previous["box"].to_numpy(), index=previous["nip"].astype(str))
    both = now.index.intersection(before.index)
    a = np.isin(before[both].to_numpy(), TALENT_POOL)
    b = np.isin(now[both].to_numpy(), TALENT_POOL)
    return {
        "masuk": int((~a & b).sum()),
        "keluar": int((a & ~b).sum()),
        "tetap_di_kelompok": int((a & b).sum()),
        "dicocokkan": len(both),
    }


__all__ = [
    "BOX_AXES",
    "GRID",
    "KINERJA",
    "POTENSI",
    "TALENT_POOL",
    "box_transitions",
    "legal_basis",
    "person_opd",
    "pool_flows",
    "read_previous_round",
    "recommendation",
    "talent_counts",
    "talent_grid",
    "talent_grid_moves",
    "talent_people",
]
