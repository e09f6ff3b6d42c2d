"""KPIs of a written plan and the differences between plans (``placement compare``, gates).

Everything is computed from the output folder of ``placement solve`` / ``scenario run``
(rencana.csv, rantai.csv, hasil.json), so any two plans on disk can be compared, whatever made
them. Shares and JPM are fractions in [0, 1]; a KPI that cannot be computed is None.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import pandas as pd

from placement.config import Gerbang, KpiName
from placement.domain.errors import PlacementError
from placement.domain.messages import Where, issue, text, texts
from placement.io.plan_files import read_plan

# name → (Indonesian label, English label); the order is the order of every KPI table.
KPIS: dict[str, tuple[str, str]] = {
    "objektif": texts("KPI_OBJEKTIF"),
    "jabatan_terisi": texts("KPI_JABATAN_TERISI"),
    "porsi_terisi": texts("KPI_PORSI_TERISI"),
    "lowong": texts("KPI_LOWONG"),
    "jpm_rata": texts("KPI_JPM_RATA"),
    "jpm_min": texts("KPI_JPM_MIN"),
    "porsi_kotak7": texts("KPI_PORSI_KOTAK7"),
    "promosi": texts("KPI_PROMOSI"),
    "rotasi": texts("KPI_ROTASI"),
    "mutasi": texts("KPI_MUTASI"),
    "demosi": texts("KPI_DEMOSI"),
    "alih_jenis": texts("KPI_ALIH_JENIS"),
    "non_job": texts("KPI_NON_JOB"),
    "pejabat_berpindah": texts("KPI_PEJABAT_BERPINDAH"),
    "lowongan_diisi": texts("KPI_LOWONGAN_DIISI"),
    "perpindahan_opd_maks": texts("KPI_PERPINDAHAN_OPD_MAKS"),
    "porsi_berubah_opd_maks": texts("KPI_PORSI_BERUBAH_OPD_MAKS"),
    "rantai_terpanjang": texts("KPI_RANTAI_TERPANJANG"),
    "porsi_perempuan_promosi": texts("KPI_PORSI_PEREMPUAN_PROMOSI"),
    "lewat_masa_jabatan_tetap": texts("KPI_LEWAT_MASA_JABATAN_TETAP"),
}
assert tuple(KPIS) == get_args(KpiName), "KPIS and config.KpiName must list the same KPIs"


@dataclass
class PlanFiles:
    """The files of one plan output folder."""

    path: Path
    plan: pd.DataFrame
    chains: pd.DataFrame
    record: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.name


def read_plan_dir(path: Path) -> PlanFiles:
    """Read rencana.csv, rantai.csv and hasil.json of a plan folder (PlacementError if missing)."""
    try:
        record = json.loads((path / "hasil.json").read_text(encoding="utf-8"))
        plan = read_plan(path / "rencana.csv", typed=True)
        chains = read_plan(path / "rantai.csv", typed=True)
    except (OSError, ValueError) as exc:
        found = issue(
            "HASIL_TIDAK_ADA",
            Where(str(path)),
            "FOLDER_RENCANA_TIDAK_LENGKAP",
            path=path,
            detail=exc,
        )
        raise PlacementError([found]) from None
    return PlanFiles(path, plan, chains, record)


def _share(num: float, den: float) -> float | None:
    return None if den == 0 else float(num) / float(den)


def plan_kpis(files: PlanFiles) -> dict[str, float | int | None]:
    """Every KPI of KPIS for one plan folder."""
    plan, rec = files.plan, files.record
    kind = plan["jenis_perpindahan"].astype(str)
    incumbent = plan["jabatan_asal_id"].notna()
    moved = incumbent & (kind != "tetap")
    placed = plan[plan["jabatan_tujuan_id"].notna()]
    in_scope = int(rec.get("jabatan_dalam_lingkup") or 0)
    jpm = pd.to_numeric(placed["jpm"], errors="coerce").dropna()
    by_opd = plan[incumbent].groupby("opd_asal")
    moved_opd = moved[incumbent].groupby(plan.loc[incumbent, "opd_asal"]).sum()
    share_opd = (moved_opd / by_opd.size()).max() if len(moved_opd) else None
    origins = set(plan["jabatan_asal_id"].dropna())
    promo = plan[kind == "promosi"]
    women = promo["nip"].astype(str).str[14] == "2"  # NIP digit 15: 1 laki-laki, 2 perempuan
    cfg = rec.get("konfigurasi", {})
    overdue_weight = float(cfg.get("bobot", {}).get("penalti_lewat_masa_jabatan", 0.1))
    overdue = (kind == "tetap") & (pd.to_numeric(plan["penalti_masa_jabatan"]) > 0)
    chain_len = files.chains.groupby("rantai_id").size() if len(files.chains) else pd.Series([0])
    return {
        "objektif": rec.get("objektif"),
        "jabatan_terisi": len(placed),
        "porsi_terisi": _share(len(placed), in_scope),
        "lowong": in_scope - len(placed),
        "jpm_rata": float(jpm.mean()) if len(jpm) else None,
        "jpm_min": float(jpm.min()) if len(jpm) else None,
        "porsi_kotak7": _share(int((placed["kotak_talenta"] >= 7).sum()), in_scope),
        "promosi": int((kind == "promosi").sum()),
        "rotasi": int((kind == "rotasi").sum()),
        "mutasi": int((kind == "mutasi").sum()),
        "demosi": int((kind == "demosi").sum()),
        "alih_jenis": int((kind == "alih_jenis").sum()),
        "non_job": int((kind == "non-job").sum()),
        "pejabat_berpindah": int(moved.sum()),
        "lowongan_diisi": int((~placed["jabatan_tujuan_id"].isin(origins)).sum()),
        "perpindahan_opd_maks": int(moved_opd.max()) if len(moved_opd) else 0,
        "porsi_berubah_opd_maks": None if share_opd is None else float(share_opd),
        "rantai_terpanjang": int(chain_len.max()),
        "porsi_perempuan_promosi": _share(int(women.sum()), len(promo)),
        "lewat_masa_jabatan_tetap": int(overdue.sum()) if overdue_weight > 0 else None,
    }


@dataclass(frozen=True)
class GateResult:
    kpi: str
    value: float | int | None
    min: float | None
    maks: float | None

    @property
    def ok(self) -> bool:
        if self.value is None or (isinstance(self.value, float) and math.isnan(self.value)):
            return False
        if self.min is not None and self.value < self.min:
            return False
        return not (self.maks is not None and self.value > self.maks)

    def describe(self, lang: str = "id") -> str:
        bounds = []
        if self.min is not None:
            bounds.append(f"≥ {_fmt(self.min)}")
        if self.maks is not None:
            bounds.append(f"≤ {_fmt(self.maks)}")
        verdict = (
            ("lulus" if self.ok else "GAGAL") if lang == "id" else ("pass" if self.ok else "FAIL")
        )
        return f"{self.kpi} = {_fmt(self.value)} ({' dan '.join(bounds) if lang == 'id' else ' and '.join(bounds)}): {verdict}"


def check_gates(kpis: dict[str, float | int | None], gates: Sequence[Gerbang]) -> list[GateResult]:
    """Evaluate each gate; a KPI that cannot be computed fails its gate."""
    return [GateResult(g.kpi, kpis.get(g.kpi), g.min, g.maks) for g in gates]


def _fmt(v: float | int | None) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:.4f}".rstrip("0")
    return str(v)


def same_weights(plans: Sequence[PlanFiles]) -> bool:
    """Whether every plan was made with the same weights (``bobot``): only then are their
    objective values comparable numbers."""
    return len({str((p.record.get("konfigurasi") or {}).get("bobot")) for p in plans}) <= 1


NOT_COMPARED = texts("KPI_TIDAK_DIBANDINGKAN")
"""Added to the objective's label when :func:`kpi_table` leaves its values out."""


def kpi_table(plans: Sequence[PlanFiles], lang: str = "id") -> pd.DataFrame:
    """KPIs side by side: one row per KPI, one column per plan (named by its folder). The
    objective is left empty (and its label says why) when the plans' weights differ."""
    names = unique_names(plans)
    frame = pd.DataFrame(
        {n: pd.Series(plan_kpis(p), dtype=object) for n, p in zip(names, plans, strict=True)}
    )
    k = 0 if lang == "id" else 1
    labels = [KPIS[name][k] for name in frame.index]
    if not same_weights(plans):
        frame.loc["objektif", names] = None
        labels[list(frame.index).index("objektif")] += NOT_COMPARED[k]
    frame.insert(0, text("KPI_KOLOM_KETERANGAN", lang), labels)
    frame.index.name = "kpi"
    return frame.reset_index()


def unique_names(plans: Sequence[PlanFiles]) -> list[str]:
    """Plan names, else their folders; a folder given twice gets " (2)", " (3)" …"""
    names = [p.name for p in plans]
    if len(set(names)) == len(names):
        return names
    out: list[str] = []
    for p in plans:
        name, k = str(p.path), 2
        while name in out:
            name, k = f"{p.path} ({k})", k + 1
        out.append(name)
    return out


def post_differences(a: PlanFiles, b: PlanFiles) -> pd.DataFrame:
    """Posts whose holder differs between plan A and plan B, with both holders' scores."""
    cols = ["jabatan_id", "pemegang_a", "pemegang_b", "skor_a", "skor_b", "selisih_skor"]
    sa = _by_post(a.plan)
    sb = _by_post(b.plan)
    both = sa.merge(sb, how="outer", left_index=True, right_index=True, suffixes=("_a", "_b"))
    diff = both[both["nip_a"].fillna("") != both["nip_b"].fillna("")]
    out = pd.DataFrame(
        {
            "jabatan_id": diff.index,
            "pemegang_a": diff["nip_a"].to_numpy(),
            "pemegang_b": diff["nip_b"].to_numpy(),
            "skor_a": diff["skor_a"].to_numpy(),
            "skor_b": diff["skor_b"].to_numpy(),
            "selisih_skor": (diff["skor_b"].fillna(0.0) - diff["skor_a"].fillna(0.0))
            .round(6)
            .to_numpy(),
        }
    )
    return out[cols].sort_values("jabatan_id").reset_index(drop=True)


def _by_post(plan: pd.DataFrame) -> pd.DataFrame:
    placed = plan[plan["jabatan_tujuan_id"].notna()]
    return placed.set_index("jabatan_tujuan_id")[["nip", "skor"]].astype({"skor": float})


def person_differences(a: PlanFiles, b: PlanFiles) -> pd.DataFrame:
    """People whose destination or move type differs between plan A and plan B."""
    cols = ["nip", "tujuan_a", "tujuan_b", "jenis_a", "jenis_b", "skor_a", "skor_b", "selisih_skor"]
    pa = a.plan.set_index("nip")[["jabatan_tujuan_id", "jenis_perpindahan", "skor"]]
    pb = b.plan.set_index("nip")[["jabatan_tujuan_id", "jenis_perpindahan", "skor"]]
    both = pa.merge(pb, how="outer", left_index=True, right_index=True, suffixes=("_a", "_b"))
    changed = (both["jabatan_tujuan_id_a"].fillna("") != both["jabatan_tujuan_id_b"].fillna("")) | (
        both["jenis_perpindahan_a"].fillna("") != both["jenis_perpindahan_b"].fillna("")
    )
    d = both[changed]
    out = pd.DataFrame(
        {
            "nip": d.index,
            "tujuan_a": d["jabatan_tujuan_id_a"].to_numpy(),
            "tujuan_b": d["jabatan_tujuan_id_b"].to_numpy(),
            "jenis_a": d["jenis_perpindahan_a"].to_numpy(),
            "jenis_b": d["jenis_perpindahan_b"].to_numpy(),
            "skor_a": d["skor_a"].to_numpy(dtype=float),
            "skor_b": d["skor_b"].to_numpy(dtype=float),
        }
    )
    out["selisih_skor"] = (out["skor_b"].fillna(0.0) - out["skor_a"].fillna(0.0)).round(6)
    return out[cols].sort_values("nip").reset_index(drop=True)
