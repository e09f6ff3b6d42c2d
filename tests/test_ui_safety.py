"""Safety of the web workspace without a browser (issue 20): approval labels read from the store,
every scenario loads, hostile hosts and origins refused, uploads parsed off the event loop and kept
per tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.cli import main
from placement.io.writers import write_dataset
from placement.store.runs import RunStore
from placement.synth import generate
from placement.ui.runs_view import run_options, stale_runs, store_options


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run store with two runs of the tiny region (one solve recorded twice)."""
    root = tmp_path_factory.mktemp("runs")
    write_dataset(generate("tiny", 0), root / "data")
    store = root / "runs.sqlite"
    res = CliRunner().invoke(main, ["solve", str(root / "data"), "--out", str(root / "hasil"),
                                    "--date", "2026-07-01", "--store", str(store)])  # fmt: skip
    assert res.exit_code == 0, res.output
    with RunStore(store) as runs:
        runs.record(root / "hasil", "solve")
    return store


def test_only_the_approved_run_is_labelled_approved(two_runs: Path) -> None:
    shown = store_options(two_runs)
    with RunStore(two_runs) as runs:
        runs.approve(1, "Kepala BKPSDM", "Nota dinas 1")  # as `placement runs approve 1` does
        labels = run_options(runs.list())
    assert labels[1].endswith(" · disetujui")
    assert "disetujui" not in labels[2]
    assert stale_runs(shown, two_runs, [2]) is None  # run 2 did not change
    refused = stale_runs(shown, two_runs, [2, 1])  # run 1 was approved after the page showed it
    assert refused is not None and "Run #1 berubah sejak halaman ini dibuka" in refused
