"""Scenario variants (deep-merged overrides), gates, and ``placement scenario run``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from placement.cli import main
from placement.config import BASELINE, Gerbang, deep_merge, scenario_variants, variant_folder
from placement.domain.errors import PlacementError
from placement.io.writers import write_dataset
from placement.plan.compare import check_gates
from placement.synth import generate
from placement.workflow.variants import load_variants, variant_dir

REPO = Path(__file__).resolve().parents[1]


def write_yaml(path: Path, data: dict[str, object]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("tiny") / "data"
    write_dataset(generate("tiny", 0), data)
    return data


def test_deep_merge_merges_mappings_and_replaces_lists() -> None:
    base = {"batas": {"perpindahan_total": 5, "perpindahan_per_opd": 2}, "larang": [1, 2]}
    merged = deep_merge(base, {"batas": {"perpindahan_total": 0}, "larang": [3]})
    assert merged == {"batas": {"perpindahan_total": 0, "perpindahan_per_opd": 2}, "larang": [3]}
    assert base["batas"] == {"perpindahan_total": 5, "perpindahan_per_opd": 2}  # not mutated


def test_variants_inherit_the_baseline(tmp_path: Path) -> None:
    f = write_yaml(
        tmp_path / "s.yaml",
        {
            "nama": "uji",
            "tanggal_rencana": "2026-07-01",
            "data": "./data",
            "batas": {"perpindahan_per_opd": 3},
            "bobot": {"jpm": 0.5, "kotak_talenta": 0.4, "pendidikan": 0.1},
            "varian": {
                "hemat": {"batas": {"perpindahan_total": 0}},
                "jpm": {"bobot": {"jpm": 0.9}},
            },
        },
    )
    v = scenario_variants(f)
    assert list(v) == [BASELINE, "hemat", "jpm"]
    assert v["hemat"].batas.perpindahan_total == 0 and v["hemat"].batas.perpindahan_per_opd == 3
    assert v[BASELINE].batas.perpindahan_total is None
    assert v["jpm"].bobot.jpm == 0.9 and v["jpm"].bobot.kotak_talenta == 0.4
    assert v["jpm"].nama == "uji/jpm" and v["hemat"].varian == {}
    assert v["hemat"].data == (tmp_path / "data").resolve()


def test_bad_variant_and_gate_are_located(tmp_path: Path) -> None:
    f = write_yaml(
        tmp_path / "s.yaml",
        {
            "tanggal_rencana": "2026-07-01",
            "gerbang": [{"kpi": "jpm_rata", "min": 0.8}],
            "varian": {
                "a": {"batas": {"perpindahan_totl": 3}},
                "b": {"batas": {"perpindahan_total": -1}},
            },
        },
    )
    with pytest.raises(PlacementError) as exc:
        scenario_variants(f)
    where = {i.column for i in exc.value.issues}
    assert "varian.a.batas.perpindahan_totl" in where
    assert "varian.b.batas.perpindahan_total" in where
    assert all(i.file == str(f) for i in exc.value.issues)
    g = write_yaml(
        tmp_path / "g.yaml", {"gerbang": [{"kpi": "jpm_rerata", "min": 0.8}, {"kpi": "jpm_rata"}]}
    )
    with pytest.raises(PlacementError) as exc:
        scenario_variants(g)
    where = {i.column for i in exc.value.issues}
    assert "gerbang.0.kpi" in where and "gerbang.1" in where


def test_rule_overrides_of_a_variant_are_checked_before_solving(tmp_path: Path) -> None:
    f = write_yaml(
        tmp_path / "s.yaml",
        {
            "tanggal_rencana": "2026-07-01",
            "varian": {"longgar": {"aturan": {"KOTAK_TALENTA_MIN": {"promosi": 5}}}},
        },
    )
    with pytest.raises(PlacementError) as exc:
        load_variants(f)
    (issue,) = exc.value.issues
    assert issue.column == "varian.longgar.aturan.KOTAK_TALENTA_MIN.promosi"


def test_gates_pass_and_fail_on_bounds() -> None:
    kpis: dict[str, float | int | None] = {
        "jpm_rata": 0.79,
        "porsi_berubah_opd_maks": 0.3,
        "jpm_min": None,
    }
    res = check_gates(
        kpis,
        [
            Gerbang(kpi="jpm_rata", min=0.8),
            Gerbang(kpi="porsi_berubah_opd_maks", maks=0.3),
            Gerbang(kpi="jpm_min", min=0.5),
        ],
    )
    assert [r.ok for r in res] == [False, True, False]  # an uncomputable KPI fails its gate


def test_scenario_run_all_writes_each_variant_and_checks_gates(tmp_path: Path) -> None:
    # tiny seed 5: the JPM-first variant moves an official (on seeds 0–4 the field-of-work rule of
    # issue 18 leaves every official in place; seed 2 did until trantib posts became pemerintahan)
    tiny_data = tmp_path / "data"
    write_dataset(generate("tiny", 5), tiny_data)
    f = write_yaml(
        tmp_path / "s.yaml",
        {
            "nama": "tiny",
            "tanggal_rencana": "2026-07-01",
            "gerbang": [
                {"kpi": "jpm_rata", "min": 0.8},
                {"kpi": "porsi_berubah_opd_maks", "maks": 0.1},
            ],
            "varian": {
                "tanpa_pindah": {"batas": {"perpindahan_total": 0}},
                "utamakan_jpm": {
                    "bobot": {
                        "jpm": 1.0,
                        "kotak_talenta": 0.0,
                        "pendidikan": 0.0,
                        "biaya_perpindahan": {"promosi": 0.0, "rotasi": 0.0, "mutasi": 0.0},
                    }
                },
            },
        },
    )
    out = tmp_path / "hasil"
    runner = CliRunner()
    args = ["scenario", "run", str(f), "--all", "--out", str(out), "--data", str(tiny_data)]
    res = runner.invoke(main, args)
    assert res.exit_code == 0, res.output  # gates reported, not enforced without --gates
    assert "Varian dasar: menyelesaikan; Tanggal rencana: 2026-07-01 (dari skenario)" in res.output
    for name in ("dasar", "tanpa_pindah", "utamakan_jpm"):
        record = json.loads((out / name / "hasil.json").read_text(encoding="utf-8"))
        assert record["status"] == "OPTIMAL" and record["varian"] == name
    moved = json.loads((out / "utamakan_jpm" / "hasil.json").read_text(encoding="utf-8"))[
        "pejabat_berpindah"
    ]
    assert moved >= 1
    assert (
        json.loads((out / "tanpa_pindah" / "hasil.json").read_text(encoding="utf-8"))[
            "pejabat_berpindah"
        ]
        == 0
    )
    assert "GAGAL" in res.output and "porsi_berubah_opd_maks" in res.output
    res = runner.invoke(main, [*args, "--gates"])
    assert res.exit_code == 5, res.output
    res = runner.invoke(
        main,
        [
            "scenario",
            "run",
            str(f),
            "--variant",
            "tanpa_pindah",
            "--out",
            str(out),
            "--data",
            str(tiny_data),
            "--gates",
        ],
    )
    assert res.exit_code == 0, res.output
    res = runner.invoke(
        main, ["scenario", "run", str(f), "--variant", "tidak_ada", "--data", str(tiny_data)]
    )
    assert res.exit_code == 1 and "VARIAN_TIDAK_ADA" in res.output


@pytest.mark.parametrize(
    "name", ["../../x", "/tmp/mutlak", "a/b", "a\\b", "..", "C:x", "", "nul", "CON.txt"]
)
def test_variant_names_that_are_paths_are_refused(tmp_path: Path, name: str) -> None:
    f = write_yaml(tmp_path / "s.yaml", {"varian": {name: {"seed": 1}, "baik": {"seed": 2}}})
    with pytest.raises(PlacementError) as info:
        load_variants(f)
    [issue] = info.value.issues
    assert issue.code == "SKENARIO_VARIAN" and issue.column == f"varian.{name}"
    assert "ditolak" in issue.message_id


def test_variant_names_become_safe_folder_names(tmp_path: Path) -> None:
    assert variant_folder("hemat biaya (2)") == "hemat_biaya__2_"
    assert variant_folder(".tersembunyi") == "_tersembunyi"
    assert variant_folder("v1.2-b_c") == "v1.2-b_c"
    f = write_yaml(tmp_path / "s.yaml", {"varian": {"Hemat": {"seed": 1}, "hemat": {"seed": 2}}})
    with pytest.raises(PlacementError, match="sama dengan folder varian 'Hemat'"):
        load_variants(f)  # one folder on Windows and macOS


def test_variant_folder_must_stay_inside_out(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "hasil", tmp_path / "lain"
    out.mkdir()
    elsewhere.mkdir()
    assert variant_dir(out, "hemat biaya") == out / "hemat_biaya"
    (out / "hemat").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(PlacementError, match="di luar folder keluaran"):
        variant_dir(out, "hemat")
    with pytest.raises(PlacementError, match="ditolak"):
        variant_dir(out, "../x")


def test_scenario_run_writes_a_spaced_variant_name_to_its_safe_folder(
    tmp_path: Path, tiny_data: Path
) -> None:
    f = write_yaml(
        tmp_path / "s.yaml",
        {
            "tanggal_rencana": "2026-07-01",
            "varian": {"tanpa pindah": {"batas": {"perpindahan_total": 0}}},
        },
    )
    out = tmp_path / "hasil"
    args = [
        "scenario",
        "run",
        str(f),
        "--variant",
        "tanpa pindah",
        "--out",
        str(out),
        "--data",
        str(tiny_data),
        "--no-store",
    ]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["tanpa_pindah"]
    record = json.loads((out / "tanpa_pindah" / "hasil.json").read_text(encoding="utf-8"))
    assert record["varian"] == "tanpa pindah"


@pytest.mark.parametrize(
    "name",
    [
        "tiny",
        "kabupaten-dasar",
        "kabupaten-minim-perpindahan",
        "kabupaten-promosi-talenta",
        "kabupaten-penyegaran",
    ],
)
def test_shipped_scenarios_are_valid_and_documented(name: str) -> None:
    folder = REPO / "scenarios" / name
    variants = load_variants(folder / "skenario.yaml")
    assert BASELINE in variants
    assert (folder / "README.md").read_text(encoding="utf-8").count("placement generate") >= 1


def test_chain_length_cap_is_refused_not_ignored() -> None:
    """The model does not enforce a vacancy-chain length cap yet, so the key is an error."""
    from placement.config import parse_scenario

    raw = {"tanggal_rencana": "2026-07-01", "batas": {"panjang_rantai_maks": 3}}
    with pytest.raises(PlacementError) as exc:
        parse_scenario(raw, "s.yaml")
    (issue,) = exc.value.issues
    assert issue.column == "batas.panjang_rantai_maks" and "belum diterapkan" in issue.message("id")


def test_the_plan_date_line_says_where_the_date_came_from() -> None:
    """Issue 18: no silent plan date; argument, scenario or default today."""
    from datetime import date

    from placement.config import Skenario, plan_date_line

    given = Skenario.model_validate({"tanggal_rencana": "2026-07-01"})
    assert plan_date_line(given) == "Tanggal rencana: 2026-07-01 (dari skenario)"
    assert plan_date_line(given, from_argument=True).endswith("(dari argumen --date)")
    today = date.today().isoformat()
    assert plan_date_line(Skenario()) == f"Tanggal rencana: {today} (bawaan: hari ini)"
    assert plan_date_line(Skenario(), lang="en") == f"Plan date: {today} (default: today)"
