"""Approvals as data (rule pack ``persetujuan``): which approvals a plan needs, and why."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from placement.api import Result, solve
from placement.config import Fakta, Instansi, Skenario, load_scenario
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset
from placement.plan.explain import required_approvals
from placement.report.dossier import dossier_tables
from placement.rules.registry import RULEPACK_DIR, load_pack
from placement.synth import generate

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kabupaten() -> tuple[Dataset, Result]:
    ds = generate("kabupaten", 0)
    sc = load_scenario(ROOT / "scenarios" / "kabupaten-dasar" / "skenario.yaml")
    return ds, solve(ds, sc)


def _codes(
    ds: Dataset, result: Result, plan: pd.DataFrame | None = None, **fakta: Any
) -> list[str]:
    sc = result.scenario.model_copy(update={"fakta": Fakta(**fakta)})
    plan = result.plan if plan is None else plan
    return [a.code for a in required_approvals(sc, ds, plan, result.vacancies)]


def test_default_facts_need_the_assessment_team_and_open_selection_only(kabupaten: Any) -> None:
    ds, result = kabupaten
    approvals = required_approvals(result.scenario, ds, result.plan, result.vacancies)
    assert [a.code for a in approvals] == ["TIM_PENILAI_KINERJA", "SELEKSI_TERBUKA_JPT"]
    team, selection = approvals
    moves = int((result.plan["jenis_perpindahan"] != "tetap").sum())
    assert f"{moves} perpindahan" in team.message_id
    assert "ps 191 (terverifikasi)" in team.legal_text
    vacant_jpt = result.vacancies["jabatan_id"].map(ds.post).map(lambda j: j.jenis_jabatan.value)
    n_jpt = int(vacant_jpt.str.startswith("JPT").sum())
    assert n_jpt > 0 and f"{n_jpt} JPT lowong" in selection.message_id


def test_a_pj_head_adds_the_home_ministers_written_approval(kabupaten: Any) -> None:
    ds, result = kabupaten
    assert _codes(ds, result, pj_kepala_daerah=True) == [
        "TIM_PENILAI_KINERJA",
        "SELEKSI_TERBUKA_JPT",
        "MENDAGRI_PJ",
        "PERTEK_BKN_PJ",
    ]
    sc = result.scenario.model_copy(update={"fakta": Fakta(pj_kepala_daerah=True)})
    *_, pj, procedure = required_approvals(sc, ds, result.plan, result.vacancies)
    assert "PP 49/2008 ps 132A ayat (1) huruf a dan ayat (2) (terverifikasi)" in pj.legal_text
    assert "bukan syarat berpasal" in procedure.message_id
    assert procedure.legal_basis[0].status == "sekunder"
    assert pj.reasons().startswith("fakta.pj_kepala_daerah = ya")


def test_a_jpt_to_jpt_move_adds_the_competency_test(kabupaten: Any) -> None:
    ds, result = kabupaten
    jpt = ds.jabatan.loc[ds.jabatan["jenis_jabatan"] == "JPT_PRATAMA", "jabatan_id"].tolist()
    plan = result.plan.copy()
    row = plan.index[plan["jabatan_asal_id"] == jpt[0]][0]
    plan.loc[row, ["jabatan_tujuan_id", "jenis_perpindahan"]] = [jpt[1], "mutasi"]
    assert "UJI_KOMPETENSI_JPT_KE_JPT" in _codes(ds, result, plan)
    assert "UJI_KOMPETENSI_JPT_KE_JPT" not in _codes(ds, result)


def test_a_candidate_from_another_instansi_adds_bkns_technical_review(kabupaten: Any) -> None:
    ds, result = kabupaten
    mover = result.plan.loc[result.plan["jenis_perpindahan"] == "promosi", "nip"].iloc[0]
    pegawai = ds.pegawai.copy()
    pegawai["instansi"] = pegawai["instansi"].astype(object)
    pegawai.loc[pegawai["nip"] == mover, "instansi"] = "Pemerintah Kota Lain"
    other = Dataset(pegawai, ds.jabatan, ds.kompetensi, ds.standar, ds.sources)
    home = Fakta(instansi=Instansi(nama="Pemerintah Kabupaten Contoh"))
    assert "PERTEK_BKN_ANTAR_INSTANSI" not in _codes(ds, result, instansi=home.instansi)
    sc = result.scenario.model_copy(update={"fakta": home})
    found = {a.code: a for a in required_approvals(sc, other, result.plan, result.vacancies)}
    pertek = found["PERTEK_BKN_ANTAR_INSTANSI"]
    assert "1 perpindahan dari luar Pemerintah Kabupaten Contoh" in pertek.message_id
    assert "ps 192 ayat (1)–(2)" in pertek.legal_text
    # without the scenario's name an empty instansi is this one and any name another ...
    found = {
        a.code: a for a in required_approvals(result.scenario, other, result.plan, result.vacancies)
    }
    assert "1 perpindahan dari luar instansi ini" in found["PERTEK_BKN_ANTAR_INSTANSI"].message_id
    # ... unless most people carry one name (a SIASN export): that is the reference, and said so
    pegawai.loc[pegawai["nip"] != mover, "instansi"] = "Pemerintah Kabupaten Contoh"
    siasn = Dataset(pegawai, ds.jabatan, ds.kompetensi, ds.standar, ds.sources)
    found = {
        a.code: a for a in required_approvals(result.scenario, siasn, result.plan, result.vacancies)
    }
    assert found["PERTEK_BKN_ANTAR_INSTANSI"].reasons() == (
        "1 perpindahan dari luar Pemerintah Kabupaten Contoh (terbanyak di data pegawai; "
        "isi fakta.instansi.nama)"
    )


@pytest.mark.parametrize(
    ("inauguration", "applies"),
    [
        (date(2026, 7, 2), False),
        (date(2026, 7, 1), True),
        (date(2026, 1, 2), True),
        (date(2026, 1, 1), False),
    ],
)
def test_six_months_after_inauguration_window_edges(
    kabupaten: Any, inauguration: date, applies: bool
) -> None:
    ds, result = kabupaten  # plan date 2026-07-01: inaugurated 2026-01-01 → window ends 06-30
    codes = _codes(ds, result, tanggal_pelantikan_kepala_daerah=inauguration)
    assert ("MENDAGRI_6_BULAN_PELANTIKAN" in codes) is applies, inauguration


def test_election_window_runs_to_the_end_of_term_inclusive(kabupaten: Any) -> None:
    ds, result = kabupaten
    plan_date = result.scenario.tanggal_rencana
    inside = _codes(
        ds, result, tanggal_penetapan_paslon=date(2026, 12, 31), akhir_masa_jabatan=plan_date
    )
    assert "MENDAGRI_MASA_PILKADA" in inside
    late = _codes(ds, result, tanggal_penetapan_paslon=date(2027, 1, 2))
    over = _codes(
        ds,
        result,
        tanggal_penetapan_paslon=date(2026, 1, 1),
        akhir_masa_jabatan=plan_date - timedelta(days=1),
    )
    assert "MENDAGRI_MASA_PILKADA" not in late + over


def test_no_moves_and_no_vacant_jpt_need_nothing(kabupaten: Any) -> None:
    ds, result = kabupaten
    stays = result.plan[result.plan["jenis_perpindahan"] == "tetap"]
    sc = result.scenario.model_copy(update={"fakta": Fakta(pj_kepala_daerah=True)})
    assert required_approvals(sc, ds, stays, result.vacancies.iloc[0:0]) == []


def test_the_dossier_lists_each_approval_with_reason_pasal_and_status() -> None:
    ds = generate("tiny", 0)
    sc = Skenario(nama="t", tanggal_rencana=date(2026, 7, 1), fakta=Fakta(pj_kepala_daerah=True))
    result = solve(ds, sc)
    table = dossier_tables(ds, result)["Persetujuan"]
    assert table["kode"].tolist() == ["TIM_PENILAI_KINERJA", "MENDAGRI_PJ", "PERTEK_BKN_PJ"]
    pj = table.set_index("kode").loc["MENDAGRI_PJ"]
    assert "PP 49/2008 ps 132A ayat (1) huruf a dan ayat (2) (" in pj["dasar_hukum"]
    assert pj["alasan"] == "fakta.pj_kepala_daerah = ya; 1 perpindahan"  # tiny since issue 18


def _pack_with(tmp_path: Path, edit: Any) -> Path:
    raw = yaml.safe_load((RULEPACK_DIR / "kabupaten.yaml").read_text(encoding="utf-8"))
    edit(raw)
    path = tmp_path / "paket.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda r: r["persetujuan"][0]["syarat"].append({"eval": {"x": 1}}), "predikat 'eval'"),
        (lambda r: r["persetujuan"][0]["syarat"].append({"jpt_lowong": {"x": 1}}), "['x']"),
        (lambda r: r["persetujuan"][0]["pesan"].update(id="{mulai}"), "pesan memakai ['mulai']"),
        (
            lambda r: r["persetujuan"][4]["syarat"][0].update(fakta_benar={"fakta": "seed"}),
            "fakta harus",
        ),
        (lambda r: r["persetujuan"][0]["dasar_hukum"][0].pop("status"), "perlu status"),
        (
            lambda r: r["aturan"][0]["dasar_hukum"][0].update(status="perlu verifikasi"),
            "perlu status",
        ),
    ],
)
def test_a_malformed_approval_or_a_citation_without_status_is_refused(
    tmp_path: Path, edit: Any, expected: str
) -> None:
    with pytest.raises(PlacementError) as err:
        load_pack(str(_pack_with(tmp_path, edit)))
    assert expected in str(err.value.issues[0].message_id)


def test_old_scenario_facts_still_load(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "nama: lama\nfakta: {pj_kepala_daerah: true, tanggal_penetapan_paslon: 2026-11-27}\n"
    )
    sc = load_scenario(path)
    assert sc.fakta.pj_kepala_daerah and sc.fakta.instansi.nama is None


def test_a_move_into_jpt_says_its_related_field_experience_was_not_checked(kabupaten: Any) -> None:
    """PP 11/2017 jo PP 17/2020 ps 107 ayat (1) huruf c angka 3 asks 5 years of related-field
    experience for JPT Pratama; the data has no job history, so the explanation says so."""
    from placement.plan.explain import explain_move, unchecked_requirements

    ds, result = kabupaten
    jpt = ds.jabatan.loc[ds.jabatan["jenis_jabatan"] == "JPT_PRATAMA", "jabatan_id"].tolist()
    plan = result.plan.copy()
    row = plan.index[plan["jabatan_asal_id"] == jpt[0]][0]
    nip = str(plan.at[row, "nip"])
    assert not explain_move(ds, result.scenario, plan, nip).unchecked  # stays: nothing new
    plan.loc[row, ["jabatan_tujuan_id", "jenis_perpindahan"]] = [jpt[1], "mutasi"]
    e = explain_move(ds, result.scenario, plan, nip)
    assert len(e.unchecked) == 1 and "paling kurang 5 tahun" in e.unchecked[0][0]
    assert "tidak dapat diperiksa" in e.unchecked[0][0]
    (madya,) = unchecked_requirements("JPT_MADYA", "mutasi")
    assert "paling kurang 7 tahun" in madya[0] and "sekunder" in madya[0]
    assert unchecked_requirements("ADMINISTRATOR", "promosi") == []
