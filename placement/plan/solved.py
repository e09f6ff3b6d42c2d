"""A solved plan folder brought back to life: its data (checked against the recorded sha256s) and
the plan re-solved with the recorded configuration, for explanations, alternatives, why-not and
the dossier (``placement explain`` / ``dossier`` and the web workspace's Rencana page).

Also the privacy-aware texts both use: other people are named by their post unless the planner
asks for detail (``--rinci``; docs/privacy.md, UU PDP).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from placement.api import Result, solve
from placement.config import parse_scenario
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset
from placement.io.plan_files import read_plan
from placement.plan.explain import MoveExplanation
from placement.report.outputs import read_record
from placement.solver import SolveStatus


def load_solved(out: Path, data: Path | None = None) -> tuple[Dataset, Result, dict[str, Any]]:
    """Data (``data`` or hasil.json's ``data``), checked against the recorded sha256s, and the
    plan re-solved with the recorded configuration; refuses when files or the plan differ."""
    from placement.io.readers import load_dataset

    record = read_record(out)
    source = data or (Path(record["data"]) if record.get("data") not in (None, "None") else None)
    if source is None:
        raise PlacementError.single("DATA_TIDAK_DISEBUT", "Folder data tidak tercatat di hasil.json; berikan --data DIR",
                                    "hasil.json records no data folder; pass --data DIR")  # fmt: skip
    ds, _ = load_dataset(source)
    recorded = {m["path"]: m["sha256"] for m in record.get("masukan", [])}
    if recorded != dict(ds.sources):
        changed = sorted(set(recorded.items()) ^ set(ds.sources.items()))
        names = ", ".join(sorted({str(p) for p, _ in changed}))
        raise PlacementError.single("DATA_BERUBAH",
            f"File data di {source} berbeda dari yang dipakai rencana di {out} ({names}); "
            "jalankan 'placement solve' lagi atau berikan --data folder data yang asli",
            f"The data files in {source} differ from those of the plan in {out} ({names})", str(source))  # fmt: skip
    sc = parse_scenario(record["konfigurasi"], str(out / "hasil.json"))
    result = solve(ds, sc)  # the tie-break makes the optimum unique up to province scale
    if (
        result.status not in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
        or (
            record.get("objektif_skala") is not None
            and result.solution.objective != int(record["objektif_skala"])
        )
        or _placements(result.plan) != _placements(_written_plan(out))
    ):
        raise PlacementError.single("RENCANA_BERBEDA",
            "Rencana yang disusun ulang tidak sama dengan yang tercatat di hasil.json; jalankan 'placement solve' lagi",
            "The re-solved plan differs from the one recorded in hasil.json; run 'placement solve' again")  # fmt: skip
    return ds, result, record


def _written_plan(out: Path) -> pd.DataFrame:
    path = out / "rencana.csv"
    if not path.is_file():
        return pd.DataFrame(columns=["nip", "jabatan_tujuan_id"])
    return read_plan(path)


def _placements(plan: pd.DataFrame) -> set[tuple[str, str]]:
    """(NIP, post) of every placement; a tie at province scale may give another equally optimal
    plan, which must not be explained in place of the written one."""
    posts = plan["jabatan_tujuan_id"].fillna("").astype(str)
    nips = plan["nip"].astype(str)
    return {(n, j) for n, j in zip(nips, posts, strict=True) if j}


def post_label(ds: Dataset, jabatan_id: str | None, lang: str = "id") -> str:
    """Post id and name ("J-003 Kepala Seksi X"); "(tidak ditempatkan)" for no post."""
    if not jabatan_id:
        return "(not placed)" if lang == "en" else "(tidak ditempatkan)"
    row = ds.post_index.get(jabatan_id)
    return jabatan_id if row is None else f"{jabatan_id} {ds.jabatan['name'].iloc[row]}"


def by_post(ds: Dataset, nip: str, lang: str = "id") -> str:
    """Another person named by the post they hold now ("pemegang J-003 Kepala Seksi X"; "seorang
    pegawai" without one): the NIP and name only with ``--rinci`` (UU PDP)."""
    held = ds.person(nip).jabatan_id if nip in ds.person_index else None
    if not held:
        return "a person" if lang == "en" else "seorang pegawai"
    return f"{'holder of' if lang == 'en' else 'pemegang'} {post_label(ds, held, lang)}"


def change_lines(
    ds: Dataset, changes: list[dict[str, str | None]], asked: str, detail: bool, lang: str = "id",
    hint: str = "--rinci",
) -> list[str]:  # fmt: skip
    """Placements a forced pair changes, the asked person first: the asked person by NIP,
    everybody else by post only (NIP and name with ``detail``: personal data the user did not
    ask for, UU PDP); a closing count of the others when they are not named."""
    en = lang == "en"
    lines = []
    for ch in sorted(changes, key=lambda ch: ch["nip"] != asked):
        where = (
            f"{post_label(ds, ch['di_rencana'], lang)} → {post_label(ds, ch['bila_dipaksa'], lang)}"
        )
        if ch["nip"] == asked:
            lines.append(f"{ch['nip']}: {where}")
        elif detail:
            lines.append(f"{ch['nip']} {ch['nama']}: {where}")
        else:
            lines.append(f"{'holder of' if en else 'pemegang'} {where}" if ch["di_rencana"]
                         else f"{'a person' if en else 'seorang pegawai'} {where}")  # fmt: skip
    others = sum(1 for ch in changes if ch["nip"] != asked)
    if others and not detail:
        lines.append(f"({others} other people; NIP and name: {hint})" if en
                     else f"({others} pegawai lain; NIP dan nama: {hint})")  # fmt: skip
    return lines


def chain_steps(e: MoveExplanation, detail: bool = False) -> list[str]:
    """The steps of the vacancy chain of a move, "NIP: J-1 → J-2" for the explained person and
    (with ``detail``) the others, "J-1 → J-2" otherwise."""
    return [
        (f"{r['nip']}: " if detail or r["nip"] == e.nip else "")
        + f"{r['jabatan_asal_id'] or '-'} → {r['jabatan_tujuan_id'] or '-'}"
        for r in e.chain.to_dict(orient="records")
    ]
