"""Rule registry: ids ↔ check functions, legal bases, generated docs, scenario overrides."""

from __future__ import annotations

from typing import Any

import pytest

from placement.config import Skenario
from placement.domain.errors import PlacementError
from placement.rules import docs
from placement.rules.checks import CHECKS
from placement.rules.registry import (
    BLOCKING_RULES,
    LEGAL_STATUSES,
    MOVE_TYPES,
    available_packs,
    load_pack,
    relaxations,
    rule_set,
)


def _sc(**aturan: dict[str, Any]) -> Skenario:
    return Skenario.model_validate({"aturan": aturan})


def _codes(exc: pytest.ExceptionInfo[PlacementError]) -> list[str]:
    return [i.code for i in exc.value.issues]


@pytest.mark.parametrize("pack", available_packs())
def test_rule_ids_and_check_functions_correspond_one_to_one(pack: str) -> None:
    specs = load_pack(pack).rules
    with_check = {rid for rid, s in specs.items() if s.kind != "score"}
    assert with_check == set(CHECKS)
    assert all(s.effect == "skor" for s in specs.values() if s.kind == "score")


@pytest.mark.parametrize("pack", available_packs())
def test_every_rule_has_texts_and_a_legal_basis(pack: str) -> None:
    for spec in load_pack(pack).rules.values():
        assert spec.description_id and spec.description_en, spec.id
        assert spec.legal_basis, spec.id
        for basis in spec.legal_basis:
            assert basis.peraturan.strip(), spec.id
            assert basis.pasal.strip(), spec.id
        assert "{actual}" in spec.message_id and "{actual}" in spec.message_en, spec.id


def test_every_citation_carries_its_status_and_unchecked_ones_say_so() -> None:
    pack = load_pack()
    for spec in pack.rules.values():
        for basis in spec.legal_basis:
            assert basis.status in LEGAL_STATUSES, spec.id
            if basis.status == "terverifikasi":
                assert basis.bunyi and basis.sumber, spec.id
            assert "perlu verifikasi" not in f"{basis.peraturan} {basis.pasal}", spec.id
        for basis in spec.legal_basis:  # the dossier prints each citation's status beside it
            assert f"{basis.text()} ({basis.status})" in spec.legal_text_with_status or (
                basis.peraturan == basis.status == "kebijakan daerah"
            ), spec.id
    assert "kebijakan daerah" in pack.rules["KOTAK_TALENTA_MIN"].legal_text
    assert "ps 239" in pack.rules["BUP_DEKAT"].legal_text


def test_blocking_rules_open_the_pack_and_hard_rules_never_check_stays() -> None:
    specs = load_pack().rules
    assert list(specs)[: len(BLOCKING_RULES)] == list(BLOCKING_RULES)
    for spec in specs.values():
        moves = spec.params.get("berlaku_untuk")
        if spec.kind == "hard" and moves is not None:
            assert "tetap" not in moves.default, spec.id
            assert set(moves.default) <= set(MOVE_TYPES)
    assert specs["MASA_JABATAN_MAKS"].params["berlaku_untuk"].default == ["tetap"]


def test_defaults_match_the_domain_notes() -> None:
    rules = rule_set(Skenario())
    assert rules["KOTAK_TALENTA_MIN"]["kotak_min"] == {
        "promosi": 7,
        "rotasi": 7,
        "mutasi": 7,
        "demosi": 1,
        "alih_jenis": 7,
    }
    assert rules["MASA_JABATAN_MIN"]["min_tahun"]["PENGAWAS"] == 2
    assert rules["PENGALAMAN_JENJANG"]["min_tahun"] == {
        "PENGAWAS": 4,
        "ADMINISTRATOR": 3,
        "JPT_PRATAMA": 2,
        "JPT_MADYA": 2,
    }
    assert rules["BUP_DEKAT"]["jendela_bulan"] == 12
    assert rules["USIA_JPT"]["usia_maks"] == 56 and rules["USIA_JPT"]["usia_maks_madya"] == 58
    assert rules["GOL_MIN_ESELON"]["satu_tingkat_di_bawah"]
    assert rules["GOL_MIN_ESELON"]["golongan_min"]["IV.b"] == "III/b"
    assert rules["PENDIDIKAN_MIN"]["pendidikan_min"]["PENGAWAS"] == "D3"
    assert not rules["RUMPUN_SESUAI"].active
    assert rules["MASA_JABATAN_MAKS"]["maks_tahun"]["JPT_PRATAMA"] == 5


def test_rules_md_is_up_to_date() -> None:
    assert docs.RULES_MD.read_text("utf-8") == docs.render_rules(), (
        "docs/rules.md usang: jalankan python -m placement.rules.docs"
    )


def test_scenario_schema_is_up_to_date() -> None:
    assert docs.SCHEMA_JSON.read_text("utf-8") == docs.render_schema(), (
        "docs/scenario.schema.json usang: jalankan python -m placement.rules.docs"
    )


def test_docs_check_mode_reports_no_drift() -> None:
    assert docs.main(["--check"]) == 0


def test_rules_md_lists_every_rule_with_its_parameters() -> None:
    text = docs.render_rules()
    for spec in load_pack().rules.values():
        assert f"### {spec.id}" in text
        for name in spec.params:
            assert f"`{name}`" in text


# --- overrides --------------------------------------------------------------------------------------


def test_override_merges_dict_parameters_key_by_key() -> None:
    rules = rule_set(_sc(KOTAK_TALENTA_MIN={"kotak_min": {"rotasi": 4}}))
    assert rules["KOTAK_TALENTA_MIN"]["kotak_min"] == {
        "promosi": 7,
        "rotasi": 4,
        "mutasi": 7,
        "demosi": 1,
        "alih_jenis": 7,
    }


def test_override_can_disable_and_enable_rules() -> None:
    rules = rule_set(_sc(DEMOSI={"aktif": False}, RUMPUN_SESUAI={"aktif": True}))
    assert not rules["DEMOSI"].active and rules["RUMPUN_SESUAI"].active


@pytest.mark.parametrize(
    ("aturan", "code"),
    [
        ({"TIDAK_ADA": {"aktif": False}}, "ATURAN_TIDAK_DIKENAL"),
        ({"DEMOSI": {"ambang": 3}}, "ATURAN_PARAMETER"),
        ({"BUP_DEKAT": {"jendela_bulan": "dua belas"}}, "ATURAN_NILAI"),
        ({"DEMOSI": {"aktif": "ya"}}, "ATURAN_NILAI"),
        ({"KOTAK_TALENTA_MIN": {"kotak_min": {"naik": 3}}}, "ATURAN_NILAI"),
        ({"GOL_MIN_ESELON": {"golongan_min": {"IV.a": "III/z"}}}, "ATURAN_NILAI"),
        ({"PENDIDIKAN_MIN": {"pendidikan_min": {"PENGAWAS": "SMK"}}}, "ATURAN_NILAI"),
        ({"SKP_PROMOSI": {"berlaku_untuk": ["promosi", "tetap"]}}, "ATURAN_NILAI"),
    ],
)
def test_bad_overrides_are_located_errors(aturan: dict[str, Any], code: str) -> None:
    with pytest.raises(PlacementError) as exc:
        rule_set(Skenario.model_validate({"aturan": aturan}))
    assert code in _codes(exc)
    assert all(i.column and i.column.startswith("aturan") for i in exc.value.issues)


def test_unknown_rule_pack_is_a_user_error() -> None:
    with pytest.raises(PlacementError) as exc:
        rule_set(Skenario(paket_aturan="tidak-ada"))
    assert _codes(exc) == ["PAKET_ATURAN_TIDAK_ADA"]


# --- relaxations -------------------------------------------------------------------------------------


def test_no_override_no_relaxation() -> None:
    assert relaxations(Skenario()) == []


def test_disabling_a_hard_rule_is_recorded() -> None:
    (rec,) = relaxations(_sc(DEMOSI={"aktif": False}))
    assert rec["rule_id"] == "DEMOSI" and rec["change"] == "dinonaktifkan"
    assert rec["direction"] == "dilonggarkan" and rec["relaxable"] is True
    assert "DEMOSI" in rec["message_id"] and "disabled" in rec["message_en"]


def test_parameter_changes_are_recorded_with_direction() -> None:
    recs = relaxations(
        _sc(
            KOTAK_TALENTA_MIN={"kotak_min": {"rotasi": 4}},
            GOL_MIN_ESELON={"golongan_min": {"IV.b": "III/c"}},
            USIA_JPT={"usia_maks": 58},
            HUKDIS_PROMOSI={"tingkat": ["berat"]},
            PENDIDIKAN_MIN={"pendidikan_min": {"PENGAWAS": "SMA"}},
        )
    )
    by = {(r["rule_id"], r["parameter"]): r for r in recs}
    assert by[("KOTAK_TALENTA_MIN", "kotak_min.rotasi")]["direction"] == "dilonggarkan"
    assert by[("KOTAK_TALENTA_MIN", "kotak_min.rotasi")]["default"] == 7
    assert by[("GOL_MIN_ESELON", "golongan_min.IV.b")]["direction"] == "diperketat"
    assert by[("USIA_JPT", "usia_maks")]["direction"] == "dilonggarkan"
    assert by[("HUKDIS_PROMOSI", "tingkat")]["direction"] == "dilonggarkan"
    assert by[("PENDIDIKAN_MIN", "pendidikan_min.PENGAWAS")]["direction"] == "dilonggarkan"
    assert by[("GOL_MIN_ESELON", "golongan_min.IV.b")]["relaxable"] is False
    assert len(recs) == 5


def test_direct_jpt_placement_is_recorded_as_relaxation() -> None:
    (rec,) = relaxations(Skenario(penempatan_jpt_langsung=True))
    assert rec["rule_id"] == "JPT_SELEKSI_TERBUKA" and rec["change"] == "dinonaktifkan"
    assert "penempatan_jpt_langsung" in rec["message_id"]
    assert not rule_set(Skenario(penempatan_jpt_langsung=True))["JPT_SELEKSI_TERBUKA"].active


def test_enabling_an_optional_rule_is_recorded_as_tightening() -> None:
    (rec,) = relaxations(_sc(RUMPUN_SESUAI={"aktif": True}))
    assert rec["change"] == "diaktifkan" and rec["direction"] == "diperketat"


def test_soft_and_score_changes_are_not_relaxations() -> None:
    sc = _sc(MASA_JABATAN_MAKS={"maks_tahun": {"PENGAWAS": 8}}, JPM={"batas_memenuhi": 0.9})
    assert relaxations(sc) == []
    assert rule_set(sc)["JPM"]["batas_memenuhi"] == 0.9
