"""Run labels for the selectors of Rencana, Bandingkan and Riwayat, read from the run store when
the page renders, and the check that refuses an action taken on a page whose runs changed since
it was shown (for example a run approved meanwhile with ``placement runs approve``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from placement.store.runs import RunStore
from placement.ui.i18n import tr


def is_approved(value: object) -> bool:
    """Whether a ``disetujui_pada`` cell holds an approval time. ``store.list()`` gives NaN (which
    is truthy) for the runs not approved once another run is, so truthiness is not enough."""
    return isinstance(value, str) and bool(value.strip())


def run_options(runs: pd.DataFrame) -> dict[int, str]:
    """Run id → "#3 · skenario · OPTIMAL · 2026-… · disetujui" (newest first)."""
    out: dict[int, str] = {}
    ordered = runs.sort_values("id", ascending=False)
    for rid, name, status, made, approved in zip(
        ordered["id"].tolist(), ordered["skenario"].tolist(), ordered["status"].tolist(),
        ordered["dibuat"].tolist(), ordered["disetujui_pada"].tolist(), strict=True,
    ):  # fmt: skip
        mark = tr(" · disetujui", " · approved") if is_approved(approved) else ""
        shown = name if isinstance(name, str) and name else "-"
        out[int(rid)] = f"#{rid} · {shown} · {status} · {str(made)[:16]}{mark}"
    return out


def store_options(store: Path) -> dict[int, str]:
    """:func:`run_options` of every run in the store now."""
    with RunStore(store) as runs:
        listed = runs.list()
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
