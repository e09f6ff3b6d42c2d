"""Infeasibility diagnosis: minimal conflicting sets on constructed infeasible scenarios."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from placement.api import solve
from placement.cli import main
from placement.config import Batas, Kunci, Skenario
from placement.domain.model import Dataset
from placement.io.writers import write_dataset
from placement.plan.infeasibility import conflict_is_infeasible, diagnose_infeasibility
from placement.rules.eligibility import build_pairs, check_pair
from placement.solver import SolveStatus
from tests.builders import dataset, person, post, scenario


def must_fill_case() -> tuple[Dataset, Skenario, dict[str, str]]:
    a = post(name="Kepala Seksi A")
    w = post(name="Kepala Seksi Wajib", must_fill=True)
    h = person(holds=a, talent_box=6)  # holder: box too low for a rotasi
    q = person(golongan="III/a")  # golongan below IV.a's minimum III/c
    r = person(talent_box=5)  # box below 7
    ds = dataset([h, q, r], [a, w])
    return ds, scenario(wajib_isi_keras=True), {"w": w["jabatan_id"], "a": a["jabatan_id"]}


def locks_over_cap_case() -> tuple[Dataset, Skenario, dict[str, str]]:
    a1, a2, v1, v2 = (post(opd="Dinas A") for _ in range(4))
    h1, h2 = person(holds=a1), person(holds=a2)
    ds = dataset([h1, h2, person(talent_box=3)], [a1, a2, v1, v2])
    sc = scenario(
        kunci=[
            Kunci(nip=h1["nip"], jabatan_id=v1["jabatan_id"]),
            Kunci(nip=h2["nip"], jabatan_id=v2["jabatan_id"]),
        ],
        batas=Batas(perpindahan_per_opd=1),
    )
    return (
        ds,
        sc,
        {"h1": h1["nip"], "h2": h2["nip"], "v1": v1["jabatan_id"], "v2": v2["jabatan_id"]},
    )


def must_move_case() -> tuple[Dataset, Skenario, dict[str, str]]:
    a1, a2, v1 = post(), post(), post()
    h1, h2, q = person(holds=a1), person(holds=a2), person()
    ds = dataset([h1, h2, q], [a1, a2, v1])
    sc = scenario(
        wajib_pindah=[h1["nip"]],
        kunci=[
            Kunci(nip=q["nip"], jabatan_id=v1["jabatan_id"]),
            Kunci(nip=h2["nip"], jabatan_id=a2["jabatan_id"]),
        ],
    )
    return (
        ds,
        sc,
        {
            "h1": h1["nip"],
            "h2": h2["nip"],
            "q": q["nip"],
            "v1": v1["jabatan_id"],
            "a2": a2["jabatan_id"],
        },
    )


CASES = {
    "wajib_isi": must_fill_case,
    "kunci_batas": locks_over_cap_case,
    "wajib_pindah": must_move_case,
}


def assert_minimal(ds: Dataset, sc: Skenario, keys: list[tuple[str, str]]) -> None:
    table = build_pairs(ds, sc)
    assert conflict_is_infeasible(ds, sc, keys, table)
    for k in keys:
        assert not conflict_is_infeasible(ds, sc, keys, table, drop=k), k


@pytest.mark.parametrize("backend", ["mip", "cpsat"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_conflict_set_is_infeasible_and_minimal(case: str, backend: str) -> None:
    ds, sc, _ = CASES[case]()
    assert solve(ds, sc).status is SolveStatus.INFEASIBLE
    diag = diagnose_infeasibility(ds, sc, backend=backend, time_limit=20)
    assert diag is not None and diag.minimal
    keys = [(e.kind, e.key) for e in diag.elements]
    assert_minimal(ds, sc, keys)


def test_must_fill_post_without_candidates_names_post_and_rule_counts() -> None:
    ds, sc, ids = must_fill_case()
    diag = diagnose_infeasibility(ds, sc)
    assert diag is not None
    assert [(e.kind, e.key) for e in diag.elements] == [("wajib_isi", ids["w"])]
    # expected counts recomputed from check_pair: the first failing rule of each candidate
    table = build_pairs(ds, sc)
    order = [r.id for r in table.rules.checks()] if table.rules else []
    first: dict[str, int] = {}
    for nip in ds.pegawai["nip"]:
        failed = [c.rule_id for c in check_pair(ds, sc, nip, ids["w"]).checks if not c.passed]
        assert failed, nip
        rid = min(failed, key=order.index)
        first[rid] = first.get(rid, 0) + 1
    assert first == {"KOTAK_TALENTA_MIN": 2, "GOL_MIN_ESELON": 1}
    text = diag.elements[0].message_id
    assert "Kepala Seksi Wajib" in text and "wajib diisi" in text and "dari 3 calon" in text
    assert "2 gagal" in text and "(KOTAK_TALENTA_MIN)" in text
    assert "1 gagal" in text and "(GOL_MIN_ESELON)" in text
    assert "Post Kepala Seksi Wajib" in diag.elements[0].message_en


def test_locks_over_cap_conflict_is_both_locks_and_the_cap() -> None:
    ds, sc, ids = locks_over_cap_case()
    diag = diagnose_infeasibility(ds, sc)
    assert diag is not None
    assert sorted((e.kind, e.key) for e in diag.elements) == sorted(
        [
            ("batas", "opd:Dinas A"),
            ("kunci", f"{ids['h1']}→{ids['v1']}"),
            ("kunci", f"{ids['h2']}→{ids['v2']}"),
        ]
    )
    assert "paling banyak 1 dari 2" in diag.text()


def test_must_move_conflict_names_the_locks_that_take_every_post() -> None:
    ds, sc, ids = must_move_case()
    diag = diagnose_infeasibility(ds, sc)
    assert diag is not None
    assert sorted((e.kind, e.key) for e in diag.elements) == sorted(
        [
            ("wajib_pindah", ids["h1"]),
            ("kunci", f"{ids['q']}→{ids['v1']}"),
            ("kunci", f"{ids['h2']}→{ids['a2']}"),
        ]
    )
    assert "wajib pindah" in diag.text() and ids["v1"] in diag.text()


def test_feasible_scenario_has_no_diagnosis() -> None:
    ds, sc, _ = must_fill_case()
    assert diagnose_infeasibility(ds, sc.model_copy(update={"wajib_isi_keras": False})) is None


def test_solve_cli_prints_diagnosis_and_exits_3(tmp_path: Path) -> None:
    ds, _, ids = must_fill_case()
    write_dataset(ds, tmp_path / "data")
    (tmp_path / "s.yaml").write_text("tanggal_rencana: 2026-01-01\nwajib_isi_keras: true\n")
    res = CliRunner().invoke(
        main,
        [
            "solve",
            str(tmp_path / "data"),
            "--scenario",
            str(tmp_path / "s.yaml"),
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert res.exit_code == 3, res.output
    assert "INFEASIBLE" in res.output and "Kepala Seksi Wajib" in res.output
    assert "wajib diisi" in res.output and ids["w"] in res.output
    assert not (tmp_path / "o" / "hasil.json").exists()
