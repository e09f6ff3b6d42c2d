"""Loading what a command needs: the scenario, the data (CLI dir wins over ``data:``), the plan date,
and locks taken from an existing plan file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from placement.config import Kunci, Skenario, load_scenario
from placement.domain.errors import Issue, PlacementError
from placement.domain.messages import Where, issue
from placement.domain.model import Dataset
from placement.io.plan_files import read_plan
from placement.workflow.gc_pause import fewer_gc_passes


def load_inputs(
    data: Path | None, scenario: Path | None, plan_date: date | None = None, strict: bool = False
) -> tuple[Dataset, Skenario, list[Issue]]:
    """Scenario (default: built-in defaults), data and warnings; raises PlacementError on errors."""
    from placement.io.readers import load_dataset

    sc = load_scenario(scenario) if scenario is not None else Skenario()
    source = data if data is not None else sc.data
    if source is None:
        raise PlacementError([issue("DATA_TIDAK_DISEBUT", Where(""))])
    updates: dict[str, object] = {"data": Path(source)}
    if plan_date is not None:
        updates["tanggal_rencana"] = plan_date
    sc = sc.model_copy(update=updates)
    with fewer_gc_passes():
        ds, warnings = load_dataset(Path(source), strict=strict, plan_date=sc.tanggal_rencana)
    return ds, sc, warnings


def locks_from_plan(path: Path) -> list[Kunci]:
    """Placements to keep from a plan file (rencana.xlsx sheet 'Rencana' or rencana.csv).

    With a ``kunci`` column only rows marked ya/true/1 are locked; otherwise every row with a
    jabatan_tujuan_id is.
    """
    file = str(path)
    try:
        frame = read_plan(path)
    except (OSError, ValueError) as exc:
        raise PlacementError([issue("KUNCI_FILE_TIDAK_TERBACA", Where(file), detail=exc)]) from None
    missing = {"nip", "jabatan_tujuan_id"} - set(frame.columns)
    if missing:
        raise PlacementError(
            [issue("KUNCI_KOLOM_HILANG", Where(file, 1, c), column=c) for c in sorted(missing)]
        )
    frame = frame.fillna("")
    if "kunci" in frame.columns:
        frame = frame[frame["kunci"].str.strip().str.lower().isin({"ya", "true", "1", "y"})]
    frame = frame[frame["jabatan_tujuan_id"].str.strip() != ""]
    return [
        Kunci(nip=n.strip(), jabatan_id=j.strip())
        for n, j in zip(frame["nip"], frame["jabatan_tujuan_id"], strict=True)
    ]
