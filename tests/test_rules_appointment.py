"""Appointment rules for a new post: golongan, level step, demotion, PPPK, competency data,
talent box, education, rumpun. Exact decision, reason (actual vs threshold), and the scenario
override that changes it."""

from __future__ import annotations

from builders import checked, dataset, decide, failed, in_table, person, post, scenario

from placement.rules.registry import load_pack


def test_default_person_may_be_promoted_to_default_post() -> None:
    a, p = post(), person()
    ds = dataset([p], [a])
    d = decide(ds, scenario(), p, a)
    assert d.eligible and d.move_type == "promosi" and not d.shortlist_only and d.in_scope
    assert failed(d) == {}
    assert in_table(ds, scenario(), p, a)


# --- GOL_MIN_ESELON -----------------------------------------------------------------------------------


STRICT = {"GOL_MIN_ESELON": {"satu_tingkat_di_bawah": False}}


def test_one_pangkat_below_the_eselon_minimum_is_allowed_two_are_not() -> None:
    """PP 100/2000 ps 5 huruf b: "serendah-rendahnya menduduki pangkat 1 (satu) tingkat di bawah
    jenjang pangkat yang ditentukan" (IV.a: III/c–III/d, so III/b is allowed, III/a is not)."""
    bunyi = load_pack().rules["GOL_MIN_ESELON"].legal_basis[0].bunyi
    assert "1 (satu) tingkat di bawah jenjang pangkat yang ditentukan" in bunyi
    a, ok, low = post(eselon="IV.a"), person(golongan="III/b"), person(golongan="III/a")
    ds = dataset([ok, low], [a])
    assert decide(ds, scenario(), ok, a).eligible and in_table(ds, scenario(), ok, a)
    d = decide(ds, scenario(), low, a)
    assert failed(d) == {"GOL_MIN_ESELON": ("III/a", "III/b")}
    assert not in_table(ds, scenario(), low, a)
    check = next(c for c in d.checks if c.rule_id == "GOL_MIN_ESELON")
    assert "PP 100/2000 jo PP 13/2002 ps 5 huruf b (terverifikasi)" in check.legal_basis
    assert "III/a" in check.message_id and "TIDAK memenuhi" in check.message_id
    assert "NOT met" in check.message_en


def test_the_strict_table_is_an_option() -> None:
    a, p = post(eselon="IV.a"), person(golongan="III/b")
    ds = dataset([p], [a])
    assert failed(decide(ds, scenario(aturan=STRICT), p, a)) == {
        "GOL_MIN_ESELON": ("III/b", "III/c")
    }
    assert not in_table(ds, scenario(aturan=STRICT), p, a)
    edge = person(golongan="III/c")
    assert decide(dataset([edge], [a]), scenario(aturan=STRICT), edge, a).eligible


def test_post_gol_min_overrides_the_eselon_default() -> None:
    a, p = post(eselon="IV.a", min_golongan="III/a"), person(golongan="III/b")
    assert decide(dataset([p], [a]), scenario(aturan=STRICT), p, a).eligible
    b, q = post(eselon="IV.b", min_golongan="III/d"), person(golongan="III/b")
    assert failed(decide(dataset([q], [b]), scenario(), q, b)) == {
        "GOL_MIN_ESELON": ("III/b", "III/c")
    }


def test_scenario_changes_the_golongan_minimum() -> None:
    a, p = post(eselon="IV.a"), person(golongan="III/a")
    ds = dataset([p], [a])
    sc = scenario(aturan={"GOL_MIN_ESELON": {"golongan_min": {"IV.a": "III/b"}}})
    assert decide(ds, sc, p, a).eligible and in_table(ds, sc, p, a)
    off = scenario(aturan={"GOL_MIN_ESELON": {"aktif": False}})
    assert decide(ds, off, p, a).eligible and "GOL_MIN_ESELON" not in checked(decide(ds, off, p, a))


# --- NAIK_SATU_JENJANG -------------------------------------------------------------------------------


def test_jumping_two_levels_is_refused() -> None:
    a, p = post(eselon="III.b"), person(golongan="IV/a")
    ds = dataset([p], [a])
    d = decide(ds, scenario(), p, a)
    assert failed(d) == {"NAIK_SATU_JENJANG": ("0 → 2", "1")}
    sc = scenario(aturan={"NAIK_SATU_JENJANG": {"langkah_maks": 2}})
    assert decide(ds, sc, p, a).eligible and in_table(ds, sc, p, a)


def test_jf_ahli_muda_may_take_a_pengawas_post_and_ahli_pertama_too() -> None:
    a = post(eselon="IV.b")
    muda = person(jenis_jabatan="FUNGSIONAL", jenjang="ahli muda")
    pertama = person(jenis_jabatan="FUNGSIONAL", jenjang="ahli pertama")
    ds = dataset([muda, pertama], [a])
    assert decide(ds, scenario(), muda, a).move_type == "alih_jenis"
    assert decide(ds, scenario(), muda, a).eligible and decide(ds, scenario(), pertama, a).eligible
    # same level: no experience rule for the JF ahli muda
    assert "PENGALAMAN_JENJANG" not in checked(decide(ds, scenario(), muda, a))
    assert "PENGALAMAN_JENJANG" in checked(decide(ds, scenario(), pertama, a))


# --- DEMOSI ----------------------------------------------------------------------------------------------


def test_lower_eselon_is_a_refused_demotion_and_iv_b_to_iv_a_a_promotion() -> None:
    hi, lo = post(eselon="IV.a"), post(eselon="IV.b")
    p = person(holds=hi, golongan="III/d")
    q = person(holds=lo, golongan="III/d")
    ds = dataset([p, q], [hi, lo])
    d = decide(ds, scenario(), p, lo)
    assert d.move_type == "demosi" and not d.eligible
    assert failed(d) == {"DEMOSI": ("IV.a (jenjang 1)", "IV.b (jenjang 1)")}
    up = decide(ds, scenario(), q, hi)
    assert up.move_type == "promosi" and up.eligible
    allowed = scenario(aturan={"DEMOSI": {"aktif": False}})
    assert decide(ds, allowed, p, lo).eligible and in_table(ds, allowed, p, lo)


def test_jf_ahli_madya_to_pengawas_is_a_demotion_by_level() -> None:
    a = post(eselon="IV.a")
    p = person(jenis_jabatan="FUNGSIONAL", jenjang="ahli madya", golongan="IV/a")
    ds = dataset([p], [a])
    d = decide(ds, scenario(), p, a)
    assert d.move_type == "demosi"
    assert failed(d) == {"DEMOSI": ("non-struktural (jenjang 2)", "IV.a (jenjang 1)")}
    assert not in_table(ds, scenario(), p, a)


def test_rotasi_and_mutasi_by_opd() -> None:
    a, b, c = post(opd="Dinas A"), post(opd="Dinas A"), post(opd="Dinas B")
    p = person(holds=a, golongan="III/d")
    ds = dataset([p], [a, b, c])
    assert decide(ds, scenario(), p, a).move_type == "tetap"
    assert decide(ds, scenario(), p, b).move_type == "rotasi"
    assert decide(ds, scenario(), p, c).move_type == "mutasi"


# --- PPPK_STRUKTURAL ---------------------------------------------------------------------------------


def test_pppk_may_not_take_a_structural_post_unless_the_scenario_allows() -> None:
    a, p = post(eselon="IV.b"), person(status="PPPK", golongan="XI")
    ds = dataset([p], [a])
    assert failed(decide(ds, scenario(), p, a)) == {"PPPK_STRUKTURAL": ("PPPK", "PNS")}
    sc = scenario(aturan={"PPPK_STRUKTURAL": {"aktif": False}})
    assert decide(ds, sc, p, a).eligible and in_table(ds, sc, p, a)


# --- CPNS_STRUKTURAL ---------------------------------------------------------------------------------


def test_a_cpns_is_never_a_candidate_for_a_structural_post() -> None:
    a, p = post(eselon="IV.b"), person(status="CPNS", golongan="III/a")
    ds = dataset([p], [a])
    assert ds.pegawai.loc[0, "status"] == "CPNS"
    assert failed(decide(ds, scenario(), p, a)) == {"CPNS_STRUKTURAL": ("CPNS", "PNS")}
    assert not in_table(ds, scenario(), p, a)


# --- KOMPETENSI_ADA ------------------------------------------------------------------------------------


def test_person_without_competency_scores_is_not_placed() -> None:
    a, p = post(), person()
    ds = dataset([p], [a], komp={0: {}})
    assert failed(decide(ds, scenario(), p, a)) == {"KOMPETENSI_ADA": ("0", "≥ 1")}
    sc = scenario(aturan={"KOMPETENSI_ADA": {"aktif": False}})
    assert decide(ds, sc, p, a).eligible and in_table(ds, sc, p, a)


# --- KOTAK_TALENTA_MIN ---------------------------------------------------------------------------------


def test_talent_box_below_seven_or_missing_is_refused() -> None:
    a = post()
    low, none = person(talent_box=5), person(talent_box=None)
    ds = dataset([low, none], [a])
    assert failed(decide(ds, scenario(), low, a)) == {"KOTAK_TALENTA_MIN": ("5", "7")}
    assert failed(decide(ds, scenario(), none, a)) == {"KOTAK_TALENTA_MIN": ("tidak ada data", "7")}
    check = next(c for c in decide(ds, scenario(), none, a).checks if not c.passed)
    assert "no data" in check.message_en
    sc = scenario(aturan={"KOTAK_TALENTA_MIN": {"kotak_min": {"promosi": 5}}})
    assert decide(ds, sc, low, a).eligible and not decide(ds, sc, none, a).eligible


def test_talent_box_minimum_is_per_move_type() -> None:
    a, b = post(opd="Dinas A"), post(opd="Dinas A")
    p = person(holds=a, golongan="III/d", talent_box=4)
    ds = dataset([p], [a, b])
    d = decide(ds, scenario(), p, b)
    assert d.move_type == "rotasi" and failed(d) == {"KOTAK_TALENTA_MIN": ("4", "7")}
    sc = scenario(aturan={"KOTAK_TALENTA_MIN": {"kotak_min": {"rotasi": 4}}})
    assert decide(ds, sc, p, b).eligible and in_table(ds, sc, p, b)


# --- PENDIDIKAN_MIN --------------------------------------------------------------------------------------


def test_education_below_the_minimum_is_refused() -> None:
    a, b = post(eselon="IV.a"), post(eselon="IV.a", min_education="S2")
    sma, s1 = person(education="SMA"), person(education="S1")
    ds = dataset([sma, s1], [a, b])
    assert failed(decide(ds, scenario(), sma, a)) == {"PENDIDIKAN_MIN": ("SMA", "D3")}
    assert failed(decide(ds, scenario(), s1, b)) == {"PENDIDIKAN_MIN": ("S1", "S2")}
    sc = scenario(aturan={"PENDIDIKAN_MIN": {"pendidikan_min": {"PENGAWAS": "SMA"}}})
    assert decide(ds, sc, sma, a).eligible and in_table(ds, sc, sma, a)


def test_d4_counts_as_s1_for_administrator() -> None:
    a, own = post(eselon="III.b"), post(eselon="IV.a")
    p = person(holds=own, golongan="III/d", education="D4")
    ds = dataset([p], [a, own])
    assert "PENDIDIKAN_MIN" not in failed(decide(ds, scenario(), p, a))


# --- RUMPUN_SESUAI ---------------------------------------------------------------------------------------


def test_rumpun_rule_is_off_by_default_and_matches_the_jurusan_table_when_on() -> None:
    health, general = post(rumpun="kesehatan"), post(rumpun="umum")
    eng = person(major="Teknik Sipil")
    nurse = person(major="S1 Kesehatan Masyarakat")
    unknown = person(major=None)
    ds = dataset([eng, nurse, unknown], [health, general])
    assert decide(ds, scenario(), eng, health).eligible
    assert "RUMPUN_SESUAI" not in checked(decide(ds, scenario(), eng, health))
    on = scenario(aturan={"RUMPUN_SESUAI": {"aktif": True}})
    assert failed(decide(ds, on, eng, health)) == {"RUMPUN_SESUAI": ("pekerjaan_umum", "kesehatan")}
    assert decide(ds, on, nurse, health).eligible
    assert failed(decide(ds, on, unknown, health)) == {
        "RUMPUN_SESUAI": ("rumpun tidak diketahui", "kesehatan")
    }
    assert "RUMPUN_SESUAI" not in checked(decide(ds, on, eng, general))
    assert not in_table(ds, on, eng, health) and in_table(ds, on, nurse, health)
