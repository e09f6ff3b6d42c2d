"""The library behind the Rencana and Bandingkan pages: load_solved (moved from the CLI), the
privacy-aware change/chain texts, the plan summary, the 9-box grid with moves, differences and
recorded gates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from placement.cli import main
from placement.domain.errors import PlacementError
from placement.io.writers import write_dataset
from placement.plan.compare import person_differences, plan_kpis, post_differences, read_plan_dir
from placement.plan.explain import explain_move
from placement.plan.review import (
    differences,
    gate_results,
    moves_total,
    plan_summary,
    recorded_gates,
)
from placement.plan.solved import chain_steps, change_lines
from placement.succession.talent_map import talent_grid_moves
from placement.synth import generate, preset_plan_date
from placement.workflow.studies import load_solved


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("review")
    data = root / "data"
    write_dataset(generate("tiny", 0), data)
    date = preset_plan_date("tiny").isoformat()
    base, other = root / "dasar", root / "larang"
    run = CliRunner().invoke(
        main, ["solve", str(data), "--out", str(base), "--date", date, "--no-store"]
    )
    assert run.exit_code == 0, run.output
    files = read_plan_dir(base)
    moved = files.plan[files.plan["jenis_perpindahan"] != "tetap"].iloc[0]
    scenario = root / "larang.yaml"
    scenario.write_text(
        yaml.safe_dump(
            {
                "tanggal_rencana": date,
                "larang": [
                    {"nip": str(moved["nip"]), "jabatan_id": str(moved["jabatan_tujuan_id"])}
                ],
                "gerbang": [{"kpi": "jabatan_terisi", "min": 100}],
            }
        )
    )
    run = CliRunner().invoke(
        main, ["solve", str(data), "--out", str(other), "--scenario", str(scenario), "--no-store"]
    )
    assert run.exit_code == 0, run.output
    return data, base, other


def test_load_solved_gives_the_recorded_plan(tiny: tuple[Path, Path, Path]) -> None:
    data, base, _ = tiny
    _, result, record = load_solved(base)
    files = read_plan_dir(base)
    assert list(result.plan["nip"]) == list(files.plan["nip"])
    assert record["objektif"] == pytest.approx(result.objective, abs=1e-3)
    (data / "jabatan.csv").write_text((data / "jabatan.csv").read_text() + "\n")
    try:
        with pytest.raises(PlacementError, match="berbeda"):
            load_solved(base)
    finally:
        (data / "jabatan.csv").write_text((data / "jabatan.csv").read_text()[:-1])


def test_load_solved_refuses_a_plan_file_with_other_placements(
    tiny: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """Same objective but other placements (an equally optimal plan, or an edited file) must
    not be explained as if it were the written plan."""
    _, base, _ = tiny
    copy = tmp_path / "salinan"
    shutil.copytree(base, copy)
    plan = pd.read_csv(copy / "rencana.csv", dtype=str, keep_default_na=False)
    a, b = plan.index[plan["jabatan_tujuan_id"] != ""][:2]
    plan.loc[[a, b], "jabatan_tujuan_id"] = plan.loc[[b, a], "jabatan_tujuan_id"].to_numpy()
    plan.to_csv(copy / "rencana.csv", index=False)
    with pytest.raises(PlacementError) as err:
        load_solved(copy)
    assert err.value.issues[0].code == "RENCANA_BERBEDA"


def test_summary_and_talent_grid_match_the_plan(tiny: tuple[Path, Path, Path]) -> None:
    _, base, _ = tiny
    files = read_plan_dir(base)
    s = plan_summary(files)
    kinds = files.plan["jenis_perpindahan"].value_counts()
    assert s.moves["promosi"] == kinds.get("promosi", 0) and s.moves["tetap"] == kinds["tetap"]
    assert s.moved == len(files.plan) - kinds["tetap"] == moves_total(plan_kpis(files))
    assert s.filled + s.vacant == s.posts_in_scope == files.record["jabatan_dalam_lingkup"]
    assert s.chains == files.chains["rantai_id"].nunique() and s.cycles == 0
    ds, _, _ = load_solved(base)
    grid = talent_grid_moves(ds, files.plan)
    assert list(grid["kotak"]) == [6, 8, 9, 3, 5, 7, 1, 2, 4]
    assert grid["jumlah"].sum() == ds.pegawai["talent_box"].notna().sum()
    moving = files.plan[files.plan["jenis_perpindahan"] != "tetap"]
    assert grid["pindah"].sum() == len(moving) > 0
    for box, n in moving["kotak_talenta"].value_counts().items():
        assert grid.loc[grid["kotak"] == box, "pindah"].item() == n


def test_differences_and_recorded_gates(tiny: tuple[Path, Path, Path]) -> None:
    _, base, other = tiny
    a, b = read_plan_dir(base), read_plan_dir(other)
    posts, people = differences([a, b])
    assert len(posts) > 0
    assert posts.drop(columns="rencana_b").equals(post_differences(a, b))
    assert people.drop(columns="rencana_b").equals(person_differences(a, b))
    alone, _ = differences([a])
    assert alone.empty
    assert recorded_gates(a) == [] and gate_results(a) == []
    (gate,) = gate_results(b)
    assert gate.kpi == "jabatan_terisi" and not gate.ok


def test_privacy_texts_name_others_by_post(tiny: tuple[Path, Path, Path]) -> None:
    _, base, _ = tiny
    ds, result, _ = load_solved(base)
    changes: list[dict[str, str | None]] = [
        {"nip": "111", "nama": "Asked", "di_rencana": None, "bila_dipaksa": "J-001"},
        {"nip": "222", "nama": "Other Person", "di_rencana": "J-001", "bila_dipaksa": None},
    ]
    hidden = change_lines(ds, changes, "111", False, hint="rinci")
    assert hidden[0].startswith("111: (tidak ditempatkan) → J-001 ")
    assert "222" not in " ".join(hidden) and "Other Person" not in " ".join(hidden)
    assert (
        hidden[1].startswith("pemegang J-001")
        and hidden[-1] == "(1 pegawai lain; NIP dan nama: rinci)"
    )
    shown = change_lines(ds, changes, "111", True, "en")
    assert shown[1].startswith("222 Other Person: J-001") and len(shown) == 2
    mover = result.plan[result.plan["jenis_perpindahan"] != "tetap"].iloc[0]
    e = explain_move(ds, result.scenario, result, str(mover["nip"]))
    assert chain_steps(e)[0].startswith(f"{e.nip}: ")
