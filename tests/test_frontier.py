"""Move-cap frontier: one fresh model per cap; the optimum never falls as the cap loosens."""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from placement.cli import main
from placement.config import Bobot, Skenario
from placement.domain.errors import PlacementError
from placement.io.writers import write_dataset
from placement.plan.frontier import parse_range, plot_frontier
from placement.synth import generate, preset_plan_date
from placement.workflow.studies import move_frontier


def test_parse_range() -> None:
    assert parse_range("0:400:25")[-1] == 400 and len(parse_range("0:400:25")) == 17
    assert parse_range("0:10:4") == [0, 4, 8]
    assert parse_range("5,0,5") == [0, 5]
    for bad in ("4:0", "0:5:0", "a:b", "-1,2", "1:2:3:4"):
        with pytest.raises(PlacementError):
            parse_range(bad)


def test_objective_is_monotone_in_the_cap(tmp_path: Path) -> None:
    ds = generate("tiny", 5)  # seeds 0–4: no official moves under the field rule of issue 18
    sc = Skenario(
        tanggal_rencana=preset_plan_date("tiny"),
        bobot=Bobot(
            jpm=1.0,
            kotak_talenta=0.0,
            pendidikan=0.0,
            biaya_perpindahan={"promosi": 0.0, "rotasi": 0.0, "mutasi": 0.0},
        ),
    )
    frame = move_frontier(ds, sc, [0, 1, 2, 3, 5])
    assert (frame["status"] == "OPTIMAL").all()
    obj = frame["objektif"].to_numpy()
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(obj))
    assert (frame["pejabat_berpindah"] <= frame["batas_perpindahan"]).all()
    assert frame["pejabat_berpindah"].iloc[0] == 0 and obj[-1] > obj[0]  # the cap binds at 0
    png = plot_frontier(frame, tmp_path / "f.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_frontier_cli_writes_csv_and_png(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_dataset(generate("tiny", 0), data)
    f = tmp_path / "s.yaml"
    f.write_text(
        yaml.safe_dump({"tanggal_rencana": "2026-07-01", "data": "./data"}), encoding="utf-8"
    )
    res = CliRunner().invoke(
        main, ["frontier", str(f), "--moves", "0:2:1", "--out", str(tmp_path / "fr")]
    )
    assert res.exit_code == 0, res.output
    frame = pd.read_csv(tmp_path / "fr" / "frontier.csv")
    assert list(frame["batas_perpindahan"]) == [0, 1, 2]
    assert (tmp_path / "fr" / "frontier.png").stat().st_size > 0
