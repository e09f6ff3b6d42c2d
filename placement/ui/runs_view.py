"""Run labels for the selectors of Rencana, Bandingkan and Riwayat, read from the run store when
the page renders, and the check that refuses an action taken on a page whose runs changed since
it was shown (for example a run approved meanwhile with ``placement runs approve``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from placement.store.runs import RunStore
from placement.ui import i18n
from placement.ui.format import zone
from placement.ui.i18n import tr


def is_approved(value: object) -> bool:
    """Whether a ``disetujui_pada`` cell holds an approval time. ``store.list()`` gives NaN (which
    is truthy) for the runs not approved once another run is, so truthiness is not enough."""
    return isinstance(value, str) and bool(value.strip())


def listed_runs(store: RunStore) -> pd.DataFrame:
    """``store.list()`` with each run's name (``nama_tampil``): the name a planner gave it, else
    "scenario · date · short plan hash" (``RunStore.names``, in the workspace's time zone)."""
    runs = store.list()
    if runs.empty:
        return runs
    names = store.names(zone(), i18n.lang())
    return runs.assign(nama_tampil=[names.get(int(r), "-") for r in runs["id"]])


STATUS = {"OPTIMAL": ("optimal", "optimal"), "FEASIBLE": ("layak, belum tentu terbaik", "feasible")}


def status_label(status: object) -> str:
    """The solver status in words ("optimal"; "layak, belum tentu terbaik")."""
    pair = STATUS.get(str(status))
    return tr(*pair) if pair else str(status).lower()


def run_options(runs: pd.DataFrame) -> dict[int, str]:
    """Run id → "#3 · dasar · 2 Desember 2026 · 3f2a1c9 · optimal · disetujui" (newest first);
    ``runs`` from :func:`listed_runs` (or ``store.list()``: the scenario name alone)."""
    out: dict[int, str] = {}
    ordered = runs.sort_values("id", ascending=False)
    names = ordered["nama_tampil"] if "nama_tampil" in ordered else ordered["skenario"]
    for rid, name, status, approved in zip(
        ordered["id"].tolist(),
        names.tolist(),
        ordered["status"].tolist(),
        ordered["disetujui_pada"].tolist(),
        strict=True,
    ):
        mark = tr(" · disetujui", " · approved") if is_approved(approved) else ""
        shown = name if isinstance(name, str) and name else "-"
        out[int(rid)] = f"#{rid} · {shown} · {status_label(status)}{mark}"
    return out


def store_options(store: Path) -> dict[int, str]:
    """:func:`run_options` of every run in the store now."""
    with RunStore(store) as runs:
        listed = listed_runs(runs)
    return run_options(listed) if not listed.empty else {}


def stale_runs(shown: Mapping[int, str], store: Path, ids: Iterable[int]) -> str | None:
    """Why an action on runs ``ids`` is refused because the page showed them differently from
    the store now (approved, removed or changed meanwhile); None when the page is current."""
    now = store_options(store)
    changed = [i for i in ids if now.get(i) != shown.get(i)]
    if not changed:
        return None
    which = ", ".join(f"#{i}" for i in changed)
    return tr(
        "Run {which} berubah sejak halaman ini dibuka (mis. disetujui lewat CLI); tindakan "
        "dibatalkan dan tampilan diperbarui. Periksa lagi lalu ulangi.",
        "Run {which} changed since this page was opened (e.g. approved from the CLI); the action "
        "was cancelled and the page updated. Check again, then repeat.",
        which=which,
    )
