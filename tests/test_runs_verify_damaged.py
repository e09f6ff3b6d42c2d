"""RunStore.verify on a plan folder whose plan file was replaced by something unreadable: the
damage is reported, not raised (the web workspace's integrity check shows it)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from placement.cli import main
from placement.io.writers import write_dataset
from placement.store.runs import RunStore
from placement.synth import generate


def test_verify_reports_an_unreadable_plan_file(tmp_path: Path) -> None:
    data = tmp_path / "tiny"
    write_dataset(generate("tiny", 0), data)
    out = tmp_path / "hasil"
    res = CliRunner().invoke(
        main, ["solve", str(data), "--out", str(out), "--date", "2026-07-01", "--no-store"]
    )
    assert res.exit_code == 0, res.output
    with RunStore(tmp_path / "runs.sqlite") as s:
        run_id = s.record(out, "solve")
        (out / "rencana.csv").write_text("nip\n1\n", encoding="utf-8")  # columns gone
        check = s.verify(run_id)
    assert not check.ok and check.folder == "berbeda"
    assert check.problems == [f"folder {out}: rencana.csv: isi berubah sejak ditulis"]
