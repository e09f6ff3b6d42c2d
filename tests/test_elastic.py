"""Elastic mode: re-admit pairs refused only by relaxable rules, list them, audit accepts exactly those."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from placement.cli import main
from placement.config import Skenario
from placement.io.writers import write_dataset
from placement.plan.elastic import relaxable_rules
from placement.solver import SolveStatus
from placement.workflow.studies import solve_elastic
from tests.builders import dataset, person, post, scenario


def case() -> tuple[object, Skenario, dict[str, str]]:
    a = post(name="Kepala Seksi A")
    w = post(name="Kepala Seksi Wajib", must_fill=True)
    h = person(holds=a, talent_box=6)  # rotasi refused by KOTAK_TALENTA_MIN (relaxable)
    q = person(golongan="III/a")  # GOL_MIN_ESELON (not relaxable)
    r = person(talent_box=5)  # promosi refused by KOTAK_TALENTA_MIN (relaxable)
    ds = dataset([h, q, r], [a, w])
    return (
        ds,
        scenario(wajib_isi_keras=True),
        {"w": w["jabatan_id"], "q": q["nip"], "r": r["nip"], "h": h["nip"]},
    )


def test_elastic_fills_the_post_bending_only_relaxable_rules() -> None:
    ds, sc, ids = case()
    result, relaxed = solve_elastic(ds, sc)  # type: ignore[arg-type]
    assert result.status is SolveStatus.OPTIMAL
    assert ids["w"] in set(result.plan["jabatan_tujuan_id"].dropna())
    assert len(relaxed) == 1 and relaxed[0]["jabatan_id"] == ids["w"]
    assert relaxed[0]["nip"] in {ids["r"], ids["h"]} and relaxed[0]["nip"] != ids["q"]
    bent = {a["rule_id"] for a in relaxed[0]["aturan"]}
    assert bent == {"KOTAK_TALENTA_MIN"} and bent <= set(relaxable_rules(sc))


def test_soft_must_fill_left_empty_is_also_relaxed_for() -> None:
    ds, _, ids = case()
    result, relaxed = solve_elastic(ds, scenario())  # type: ignore[arg-type]
    assert result.status is SolveStatus.OPTIMAL
    assert [r["jabatan_id"] for r in relaxed] == [ids["w"]]


def test_no_relaxation_when_every_must_fill_post_is_filled() -> None:
    w = post(must_fill=True)
    ds = dataset([person(talent_box=8), person(talent_box=5)], [w])
    result, relaxed = solve_elastic(ds, scenario(wajib_isi_keras=True))
    assert result.status is SolveStatus.OPTIMAL and relaxed == []
    assert list(result.plan["jabatan_tujuan_id"]) == [w["jabatan_id"]]


def test_cli_elastic_records_relaxations_and_audit_checks_them(tmp_path: Path) -> None:
    ds, _, ids = case()
    write_dataset(ds, tmp_path / "data")  # type: ignore[arg-type]
    (tmp_path / "s.yaml").write_text("tanggal_rencana: 2026-01-01\nwajib_isi_keras: true\n")
    out = tmp_path / "o"
    args = [
        "solve",
        str(tmp_path / "data"),
        "--scenario",
        str(tmp_path / "s.yaml"),
        "--out",
        str(out),
        "--no-store",
    ]
    res = CliRunner().invoke(main, [*args, "--elastic"])
    assert res.exit_code == 0, res.output
    assert "PELONGGARAN" in res.output and "KOTAK_TALENTA_MIN" in res.output
    record = json.loads((out / "hasil.json").read_text(encoding="utf-8"))
    assert [r["jabatan_id"] for r in record["pelonggaran"]] == [ids["w"]]
    audit = ["audit", str(tmp_path / "data"), str(out), "--scenario", str(tmp_path / "s.yaml")]
    res = CliRunner().invoke(main, audit)
    assert res.exit_code == 0 and "Audit: lulus" in res.output, res.output
    # without the record the relaxed placement is an ineligible one
    (out / "hasil.json").write_text(json.dumps({**record, "pelonggaran": []}), encoding="utf-8")
    res = CliRunner().invoke(main, audit)
    assert res.exit_code == 4 and "TIDAK_MEMENUHI_SYARAT" in res.output
    # a "relaxation" of a non-relaxable rule is refused
    forged = [*record["pelonggaran"], {"nip": ids["q"], "jabatan_id": ids["w"], "aturan": []}]
    (out / "hasil.json").write_text(json.dumps({**record, "pelonggaran": forged}), encoding="utf-8")
    res = CliRunner().invoke(main, audit)
    assert res.exit_code == 4 and "PELONGGARAN_TIDAK_SAH" in res.output
