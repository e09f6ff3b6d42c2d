"""placement.workflow.edit: key-path edits validated like scenario files, the rule table, and the
pre-solve scenario check (same messages as ``placement solve``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from placement.config import Kunci, Skenario, load_scenario
from placement.domain.errors import PlacementError, Severity
from placement.domain.model import Dataset
from placement.io.readers import load_dataset
from placement.io.writers import write_dataset
from placement.synth import generate, preset_plan_date
from placement.ui.workspace import scenario_yaml
from placement.workflow.edit import (
    approval_table,
    check_scenario,
    check_scenario_on,
    edit_scenario,
    parse_value,
    rule_params,
    rule_table,
    value_text,
)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Dataset]:
    folder = tmp_path_factory.mktemp("tiny")
    write_dataset(generate("tiny", 0), folder)
    return folder, load_dataset(folder)[0]


@pytest.fixture
def sc() -> Skenario:
    return Skenario(tanggal_rencana=preset_plan_date("tiny"))


def test_edit_sets_key_paths_and_keeps_the_rest(sc: Skenario) -> None:
    new = edit_scenario(sc, {"bobot.jpm": 0.5, "batas.perpindahan_total": 4, "nama": "uji"})
    assert (new.bobot.jpm, new.batas.perpindahan_total, new.nama) == (0.5, 4, "uji")
    assert new.bobot.kotak_talenta == sc.bobot.kotak_talenta
    assert new.tanggal_rencana == sc.tanggal_rencana
    assert sc.bobot.jpm == 0.6  # the original is not changed


@pytest.mark.parametrize(
    ("changes", "where", "code"),
    [
        ({"bobot.jpm": -1}, "bobot.jpm", "SKENARIO_KUNCI"),
        ({"tanggal_rencana": "besok"}, "tanggal_rencana", "SKENARIO_KUNCI"),
        ({"kunci": [{"nip": "1"}]}, "kunci.0.jabatan_id", "SKENARIO_KUNCI"),
        ({"aturan": {"TIDAK_ADA": {"x": 1}}}, "aturan.TIDAK_ADA", "ATURAN_TIDAK_DIKENAL"),
        ({"aturan": {"GOL_MIN_ESELON": {"x": 1}}}, "aturan.GOL_MIN_ESELON.x", "ATURAN_PARAMETER"),
        (
            {"aturan": {"NAIK_SATU_JENJANG": {"langkah_maks": "dua"}}},
            "aturan.NAIK_SATU_JENJANG.langkah_maks",
            "ATURAN_NILAI",
        ),
    ],
)
def test_invalid_edits_are_located(
    sc: Skenario, changes: dict[str, object], where: str, code: str
) -> None:
    with pytest.raises(PlacementError) as info:
        edit_scenario(sc, changes)
    assert [(i.column, i.code) for i in info.value.issues] == [(where, code)]


def test_rule_override_and_table(sc: Skenario) -> None:
    new = edit_scenario(sc, {"aturan": {"NAIK_SATU_JENJANG": {"langkah_maks": 2}}})
    assert rule_params(new, "NAIK_SATU_JENJANG") == {"aktif": True, "langkah_maks": 2}
    table = rule_table(new).set_index("id")
    assert table.at["NAIK_SATU_JENJANG", "parameter"] == "langkah_maks = 2"
    assert table.at["NAIK_SATU_JENJANG", "diubah"] == "ya"
    assert "PP 100/2000" in table.at["GOL_MIN_ESELON", "dasar hukum"]
    assert "legal basis" in rule_table(new, "en").columns


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4", 4),
        ("0.5", 0.5),
        ("III/a", "III/a"),
        ("{rotasi: 4}", {"rotasi": 4}),
        ("[promosi, rotasi]", ["promosi", "rotasi"]),
        ("true", True),
    ],
)
def test_values_round_trip(text: str, value: object) -> None:
    assert parse_value(text) == value
    assert value_text(value) == text


def test_unreadable_value_is_an_error() -> None:
    with pytest.raises(PlacementError, match="tidak terbaca"):
        parse_value("{rotasi: ")


def test_check_reports_what_solve_refuses(tiny: tuple[Path, Dataset], sc: Skenario) -> None:
    folder, ds = tiny
    assert check_scenario(ds, sc) == []
    post = str(ds.jabatan["jabatan_id"].iloc[0])
    bad = sc.model_copy(
        update={
            "kunci": [Kunci(nip="199901012020011999", jabatan_id=post)],
            "larang": [Kunci(nip="1", jabatan_id="J-TIDAK-ADA")],
            "wajib_pindah": ["123"],
            "pertahankan": ["J-TIDAK-ADA"],
        }
    )
    issues = check_scenario(ds, bad)
    found = {(i.column, i.code, i.severity) for i in issues}
    assert ("kunci.0", "KUNCI_TIDAK_MEMENUHI_SYARAT", Severity.ERROR) in found
    assert ("wajib_pindah.0", "SKENARIO_NIP_TIDAK_DIKENAL", Severity.ERROR) in found
    assert ("pertahankan.0", "SKENARIO_JABATAN_TIDAK_DIKENAL", Severity.ERROR) in found
    assert ("larang.0", "SKENARIO_JABATAN_TIDAK_DIKENAL", Severity.WARNING) in found
    lock = next(i for i in issues if i.column == "kunci.0")
    assert "NIP tidak ada di data pegawai" in lock.message("id")
    assert check_scenario_on(folder, bad) == issues
    assert check_scenario_on(folder / "tidak-ada", sc)  # missing data is reported, not raised


def test_edited_scenario_yaml_reads_back_equal(tmp_path: Path, sc: Skenario) -> None:
    new = edit_scenario(
        sc,
        {
            "bobot.jpm": 0.5,
            "kunci": [{"nip": "1", "jabatan_id": "J-1"}],
            "aturan": {"DEMOSI": {"aktif": False}},
            "data": str(tmp_path),
        },
    )
    path = tmp_path / "s.yaml"
    path.write_text(scenario_yaml(new), encoding="utf-8")
    assert load_scenario(path) == new


def test_facts_are_edited_and_the_approvals_listed_with_their_status(sc: Skenario) -> None:
    new = edit_scenario(
        sc,
        {
            "fakta.instansi.nama": "Pemerintah Kabupaten Contoh",
            "fakta.pj_kepala_daerah": True,
            "fakta.tanggal_penetapan_paslon": "2026-11-27",
        },
    )
    assert new.fakta.instansi.nama == "Pemerintah Kabupaten Contoh" and new.fakta.pj_kepala_daerah
    assert new.fakta.tanggal_penetapan_paslon == date(2026, 11, 27)
    with pytest.raises(PlacementError):
        edit_scenario(sc, {"fakta.tanggal_penetapan_paslon": "2026-02-30"})
    table = approval_table(sc)
    assert list(table.columns) == ["id", "persetujuan", "berlaku bila", "dasar hukum"]
    pj = table.set_index("id").loc["MENDAGRI_PJ"]
    assert pj["berlaku bila"] == "fakta_benar {fakta: pj_kepala_daerah}; ada_perpindahan"
    assert "(terverifikasi)" in pj["dasar hukum"] and "(sekunder)" in pj["dasar hukum"]


def test_the_penyegaran_switch_sets_the_shipped_scenario_values_and_back() -> None:
    """The UI switch (Aturan page) and scenarios/kabupaten-penyegaran set the same values."""
    from placement.rules.registry import relaxations
    from placement.workflow.edit import penyegaran_changes, penyegaran_on

    shipped = Path(__file__).resolve().parents[1] / "scenarios" / "kabupaten-penyegaran"
    assert penyegaran_on(load_scenario(shipped / "skenario.yaml"))
    base = Skenario.model_validate({"aturan": {"KOTAK_TALENTA_MIN": {"kotak_min": {"promosi": 8}}}})
    on = edit_scenario(base, penyegaran_changes(base, True))
    assert penyegaran_on(on) and not penyegaran_on(base)
    assert on.aturan["KOTAK_TALENTA_MIN"]["kotak_min"] == {"promosi": 8}  # other overrides kept
    assert {r["parameter"] for r in relaxations(on)} >= {"kotak_min_lewat_masa.rotasi"}
    off = edit_scenario(on, penyegaran_changes(on, False))
    assert not penyegaran_on(off) and off.aturan == base.aturan and off.bobot == base.bobot
