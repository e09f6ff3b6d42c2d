"""Promotion and JPT rules: SKP, disciplinary sanctions, JPT age, open selection (shortlist only),
job fit for JPT → JPT moves. Plan date 2026-01-01."""

from __future__ import annotations

from datetime import date

from builders import checked, dataset, decide, failed, in_table, person, post, scenario

from placement.api import solve
from placement.config import Skenario
from placement.rules import build_pairs
from placement.rules.registry import load_pack

# --- SKP_PROMOSI -------------------------------------------------------------------------------------


def test_promotion_needs_skp_baik_in_both_years() -> None:
    a = post()
    weak = person(skp_1="butuh perbaikan", skp_2="sangat baik")
    gap = person(skp_2=None)
    ds = dataset([weak, gap], [a])
    assert failed(decide(ds, scenario(), weak, a)) == {
        "SKP_PROMOSI": ("butuh perbaikan / sangat baik", "baik (2 tahun)")
    }
    assert failed(decide(ds, scenario(), gap, a)) == {
        "SKP_PROMOSI": ("baik / tidak ada data", "baik (2 tahun)")
    }
    one_year = scenario(aturan={"SKP_PROMOSI": {"jumlah_tahun": 1}})
    assert decide(ds, one_year, gap, a).eligible and not decide(ds, one_year, weak, a).eligible
    lenient = scenario(aturan={"SKP_PROMOSI": {"predikat_min": "butuh perbaikan"}})
    assert decide(ds, lenient, weak, a).eligible and in_table(ds, lenient, weak, a)


def test_skp_is_not_checked_for_rotation() -> None:
    a, b = post(opd="Dinas A"), post(opd="Dinas A")
    p = person(holds=a, golongan="III/d", skp_1="kurang")
    d = decide(dataset([p], [a, b]), scenario(), p, b)
    assert d.move_type == "rotasi" and d.eligible and "SKP_PROMOSI" not in checked(d)


# --- HUKDIS_PROMOSI ---------------------------------------------------------------------------------------


def test_any_active_sanction_blocks_promotion() -> None:
    """Issue 18: a person under an active hukuman disiplin ringan was promoted; every active
    sanction now blocks a promotion by default (kebijakan daerah, parameter ``tingkat``)."""
    a = post()
    active = person(discipline="sedang", discipline_until=date(2026, 6, 1))
    ended = person(discipline="berat", discipline_until=date(2025, 12, 31))
    open_end = person(discipline="berat", discipline_until=None)
    mild = person(discipline="ringan", discipline_until=date(2026, 3, 1))
    ds = dataset([active, ended, open_end, mild], [a])
    want = "tidak sedang menjalani berat/ringan/sedang pada 2026-01-01"
    assert failed(decide(ds, scenario(), active, a)) == {
        "HUKDIS_PROMOSI": ("sedang s.d. 2026-06-01", want)
    }
    assert decide(ds, scenario(), ended, a).eligible
    assert failed(decide(ds, scenario(), open_end, a)) == {
        "HUKDIS_PROMOSI": ("berat (tanpa tanggal selesai)", want)
    }
    assert failed(decide(ds, scenario(), mild, a)) == {
        "HUKDIS_PROMOSI": ("ringan s.d. 2026-03-01", want)
    }
    assert not in_table(ds, scenario(), mild, a)
    not_mild = scenario(aturan={"HUKDIS_PROMOSI": {"tingkat": ["sedang", "berat"]}})
    assert decide(ds, not_mild, mild, a).eligible
    only_severe = scenario(aturan={"HUKDIS_PROMOSI": {"tingkat": ["berat"]}})
    assert decide(ds, only_severe, active, a).eligible and in_table(ds, only_severe, active, a)
    d = decide(ds, scenario(), active, a)
    assert (
        "kebijakan daerah" in next(c for c in d.checks if c.rule_id == "HUKDIS_PROMOSI").legal_basis
    )


def test_sanction_does_not_block_a_rotation_by_default() -> None:
    a, b = post(opd="Dinas A"), post(opd="Dinas A")
    p = person(holds=a, golongan="III/d", discipline="berat", discipline_until=None)
    ds = dataset([p], [a, b])
    assert decide(ds, scenario(), p, b).eligible
    sc = scenario(aturan={"HUKDIS_PROMOSI": {"berlaku_untuk": ["promosi", "rotasi"]}})
    assert not decide(ds, sc, p, b).eligible


def test_a_promotion_needs_two_years_of_service_before_bup() -> None:
    """Issue 18: people aged 56.6–57.0 were promoted into posts with BUP 58. A promotion needs
    24 months before the target post's BUP (kebijakan daerah); other moves keep 12 months."""
    own, other, up = post(eselon="IV.a"), post(eselon="IV.a"), post(eselon="III.b")
    born = date(1969, 9, 10)  # BUP 58: 2027-10-01, 21 months after the plan date
    holder = person(holds=own, golongan="III/d", birth_date=born)
    ds = dataset([holder], [own, other, up])
    assert failed(decide(ds, scenario(), holder, up)) == {
        "BUP_DEKAT": ("2027-10-01 (BUP 58 th)", "2028-01-01")
    }
    assert decide(ds, scenario(), holder, other).eligible  # rotasi: 12 months
    sc = scenario(aturan={"BUP_DEKAT": {"jendela_bulan_promosi": 12}})
    assert decide(ds, sc, holder, up).eligible and in_table(ds, sc, holder, up)


# --- USIA_JPT and JPT_SELEKSI_TERBUKA -----------------------------------------------------------------------


def _administrator(birth: date, **kw: object) -> tuple[dict[str, object], dict[str, object]]:
    """An administrator (III.a, IV/b) and the post held."""
    own = post(eselon="III.a", opd="Dinas X")
    return person(holds=own, golongan="IV/b", birth_date=birth, **kw), own


def test_jpt_age_is_at_most_56_completed_years_for_pratama_and_58_for_madya() -> None:
    """PP 11/2017 jo PP 17/2020 ps 107 ayat (1): "usia paling tinggi 56 (lima puluh enam) tahun"
    (plan date 2026-01-01: born 1969-01-02 is 56 years 11 months, born 1969-01-01 is 57 years 0)."""
    bunyi = load_pack().rules["USIA_JPT"].legal_basis[0].bunyi
    assert bunyi == "usia paling tinggi 56 (lima puluh enam) tahun"
    jpt = post(eselon="II.b")
    (y56m11, a1), (y57, a2) = _administrator(date(1969, 1, 2)), _administrator(date(1969, 1, 1))
    ds = dataset([y56m11, y57], [jpt, a1, a2])
    d = decide(ds, scenario(), y56m11, jpt)
    assert d.eligible and failed(d) == {}
    assert failed(decide(ds, scenario(), y57, jpt)) == {"USIA_JPT": ("57", "≤ 56")}
    sc = scenario(aturan={"USIA_JPT": {"usia_maks": 58}})
    assert decide(ds, sc, y57, jpt).eligible


def test_the_stricter_reading_refuses_a_56_year_old() -> None:
    jpt = post(eselon="II.b")
    (y56, a1), (y55, a2) = _administrator(date(1970, 1, 1)), _administrator(date(1970, 1, 2))
    ds = dataset([y56, y55], [jpt, a1, a2])
    strict = scenario(aturan={"USIA_JPT": {"sampai_tahun_penuh": False}})
    assert decide(ds, scenario(), y56, jpt).eligible
    assert failed(decide(ds, strict, y56, jpt)) == {"USIA_JPT": ("56", "< 56")}
    assert decide(ds, strict, y55, jpt).eligible


def test_jpt_madya_allows_58_completed_years() -> None:
    madya = post(eselon="I.b", jenis_jabatan="JPT_MADYA")
    pratama = post(eselon="II.b", jenis_jabatan="JPT_PRATAMA")
    y58 = person(holds=pratama, golongan="IV/c", birth_date=date(1967, 1, 2))
    y59 = person(golongan="IV/c", birth_date=date(1967, 1, 1))
    ds = dataset([y58], [madya, pratama])
    assert "USIA_JPT" not in failed(decide(ds, scenario(), y58, madya))
    assert failed(decide(dataset([y59], [madya]), scenario(), y59, madya)).get("USIA_JPT") == (
        "59",
        "≤ 58",
    )


def test_age_limit_applies_to_jpt_posts_only() -> None:
    adm = post(eselon="III.a", opd="Dinas B")
    old, own = _administrator(date(1969, 3, 1))
    d = decide(dataset([old], [adm, own]), scenario(), old, adm)
    assert d.eligible and "USIA_JPT" not in checked(d)


def test_promotion_into_jpt_is_shortlist_only_unless_direct_placement() -> None:
    jpt = post(eselon="II.b")
    p, own = _administrator(date(1975, 5, 5))
    ds = dataset([p], [jpt, own])
    d = decide(ds, scenario(), p, jpt)
    assert d.eligible and d.shortlist_only and d.move_type == "promosi"
    check = next(c for c in d.checks if c.rule_id == "JPT_SELEKSI_TERBUKA")
    assert check.passed and check.flagged and "daftar pendek" in check.message_id
    pairs = build_pairs(ds, scenario()).pairs
    assert pairs[["jabatan_id", "shortlist_only"]].values.tolist() == [
        [jpt["jabatan_id"], True],
        [own["jabatan_id"], False],
    ]
    direct = scenario(penempatan_jpt_langsung=True)
    assert not decide(ds, direct, p, jpt).shortlist_only
    assert build_pairs(ds, direct).pairs["shortlist_only"].tolist() == [False, False]
    assert build_pairs(ds, direct).relaxed[0]["rule_id"] == "JPT_SELEKSI_TERBUKA"


def test_jpt_to_jpt_move_with_a_result_is_placed_without_one_only_shortlisted() -> None:
    """PP 11/2017 ps 132 ayat (1): JPT → JPT "dapat dilakukan melalui uji kompetensi diantara
    pejabat pimpinan tinggi": without a result the move does not pass silently."""
    bunyi = load_pack().rules["UJI_KOMPETENSI_JPT"].legal_basis[0].bunyi
    assert "melalui uji kompetensi diantara pejabat pimpinan tinggi" in bunyi
    a, b = post(eselon="II.b", opd="Dinas A"), post(eselon="II.b", opd="Dinas B")
    tested = person(holds=a, golongan="IV/b", birth_date=date(1975, 1, 1), job_fit="optimal")
    d = decide(dataset([tested], [a, b]), scenario(), tested, b)
    assert d.move_type == "mutasi" and d.eligible and not d.shortlist_only
    untested = person(holds=a, golongan="IV/b", birth_date=date(1975, 1, 1))
    ds = dataset([untested], [a, b])
    d = decide(ds, scenario(), untested, b)
    assert d.eligible and d.shortlist_only
    check = next(c for c in d.checks if c.rule_id == "UJI_KOMPETENSI_JPT")
    assert check.flagged and "hanya daftar pendek" in check.message_id
    refuse = scenario(aturan={"JOB_FIT_JPT": {"tanpa_hasil_tolak": True}})
    assert failed(decide(ds, refuse, untested, b)) == {
        "JOB_FIT_JPT": ("tidak ada data", "bukan kurang optimal / tanpa hasil")
    }
    assert not in_table(ds, refuse, untested, b)


# --- JOB_FIT_JPT --------------------------------------------------------------------------------------------


def test_jpt_to_jpt_refused_when_job_fit_is_kurang_optimal() -> None:
    a, b = post(eselon="II.b", opd="Dinas A"), post(eselon="II.b", opd="Dinas B")
    weak = person(holds=a, golongan="IV/b", birth_date=date(1975, 1, 1), job_fit="kurang optimal")
    ds = dataset([weak], [a, b])
    assert failed(decide(ds, scenario(), weak, b)) == {
        "JOB_FIT_JPT": ("kurang optimal", "bukan kurang optimal")
    }
    assert not in_table(ds, scenario(), weak, b)
    off = scenario(aturan={"JOB_FIT_JPT": {"aktif": False}})
    assert decide(ds, off, weak, b).eligible


def test_job_fit_only_where_known_and_only_jpt_to_jpt() -> None:
    a, b = post(eselon="II.b", opd="Dinas A"), post(eselon="II.b", opd="Dinas B")
    unknown = person(holds=a, golongan="IV/b", birth_date=date(1975, 1, 1))
    ds = dataset([unknown], [a, b])
    d = decide(ds, scenario(), unknown, b)
    assert d.eligible and d.shortlist_only  # UJI_KOMPETENSI_JPT
    check = next(c for c in d.checks if c.rule_id == "JOB_FIT_JPT")
    assert check.passed and check.actual == "tidak ada data"
    jpt = post(eselon="II.b")
    adm, own = _administrator(date(1975, 1, 1), job_fit="kurang optimal")
    d2 = decide(dataset([adm], [jpt, own]), scenario(), adm, jpt)
    assert "JOB_FIT_JPT" not in checked(d2) and d2.eligible


# --- move types: alih_jenis ---------------------------------------------------------------------------------


def test_a_jf_into_a_structural_post_of_its_own_level_is_alih_jenis_not_a_promotion() -> None:
    """JF ahli muda (jenjang 1) → pengawas and ahli madya (2) → administrator are moves from a
    jabatan fungsional into a jabatan administrasi, not promotions; a pelaksana → pengawas is."""
    pengawas, administrator = post(eselon="IV.a"), post(eselon="III.b")
    muda = person(jenis_jabatan="FUNGSIONAL", jenjang="ahli muda", golongan="III/c")
    madya = person(jenis_jabatan="FUNGSIONAL", jenjang="ahli madya", golongan="IV/a")
    pelaksana = person(golongan="III/c")
    ds = dataset([muda, madya, pelaksana], [pengawas, administrator])
    assert decide(ds, scenario(), muda, pengawas).move_type == "alih_jenis"
    assert decide(ds, scenario(), madya, administrator).move_type == "alih_jenis"
    assert decide(ds, scenario(), madya, pengawas).move_type == "demosi"
    assert decide(ds, scenario(), pelaksana, pengawas).move_type == "promosi"
    # the rules that check promotions check these moves too (SKP, sanctions, talent box)
    checks = checked(decide(ds, scenario(), muda, pengawas))
    assert {"SKP_PROMOSI", "HUKDIS_PROMOSI", "KOTAK_TALENTA_MIN"} <= checks


def test_alih_jenis_is_counted_apart_from_promotions_and_priced_as_one() -> None:
    pengawas = post(eselon="IV.a", opd="Dinas A", priority=1)
    muda = person(
        jenis_jabatan="FUNGSIONAL",
        jenjang="ahli muda",
        golongan="III/c",
        talent_box=9,
        skp_1="Sangat Baik",
        skp_2="Sangat Baik",
    )
    ds = dataset([muda], [pengawas], komp={0: {"integritas": 3.0}})
    sc = scenario(aturan={"KOMPETENSI_ADA": {"aktif": False}})
    assert sc.bobot.biaya_perpindahan["alih_jenis"] == sc.bobot.biaya_perpindahan["promosi"]
    result = solve(ds, sc)
    assert result.plan["jenis_perpindahan"].tolist() == ["alih_jenis"]
    counts = result.summary()["perpindahan"]
    assert counts["alih_jenis"] == 1 and counts["promosi"] == 0
    old_file = Skenario.model_validate({"bobot": {"biaya_perpindahan": {"promosi": 0.2}}})
    assert old_file.bobot.biaya_perpindahan["alih_jenis"] == 0.2


def test_a_jf_without_jenjang_takes_it_from_its_post_name() -> None:
    """SIASN exports name the JF post ("Perawat Ahli Muda") and may leave jenjang empty: the
    jenjang comes from the name, so ahli muda → pengawas stays alih_jenis, not a promotion."""
    pengawas, administrator = post(eselon="IV.a"), post(eselon="III.b")
    muda = person(jenis_jabatan="FUNGSIONAL", jenjang=None, post_name="Perawat Ahli Muda")
    pertama = person(jenis_jabatan="FUNGSIONAL", jenjang=None, post_name="Analis Ahli Pertama")
    ds = dataset([muda, pertama], [pengawas, administrator])
    assert decide(ds, scenario(), muda, pengawas).move_type == "alih_jenis"
    assert decide(ds, scenario(), muda, administrator).move_type == "promosi"
    assert decide(ds, scenario(), pertama, pengawas).move_type == "promosi"
    assert ds.pegawai["jenjang"].tolist() == ["ahli muda", "ahli pertama"]


# --- box 9 priority for promotion -----------------------------------------------------------------


def test_box_9_beats_box_7_and_8_for_a_promotion_within_10_jpm_points() -> None:
    """PermenPAN-RB 3/2020: box 9 reads "dipromosikan", 8 and 7 "dipertahankan … rotasi". With the
    default box value table a box-9 candidate outscores a box-7/8 one for a promotion whenever the
    JPMs differ by less than 10 points (same education), and wins the post in the solved plan."""
    a = post(priority=1)
    contests = [(other, low, low + 0.39) for other in (7, 8) for low in (1.0, 2.0, 3.0, 3.6)]
    people = [person(talent_box=b) for other, _, _ in contests for b in (9, other)]
    levels = [lv for _, low, high in contests for lv in (low, high)]  # box 9 lower by 9.75 points
    ds = dataset(
        people,
        [a],
        komp={i: _profile(lv) for i, lv in enumerate(levels)},
        std={a["jabatan_id"]: _profile(4.0)},
    )
    pairs = build_pairs(ds, scenario()).pairs.set_index("nip")
    for k in range(len(contests)):
        nine, rival = pairs.loc[people[2 * k]["nip"]], pairs.loc[people[2 * k + 1]["nip"]]
        assert nine["move_type"] == rival["move_type"] == "promosi"
        assert 0 < rival["jpm"] - nine["jpm"] < 0.10 and nine["total"] > rival["total"], contests[k]
    duel = dataset(
        people[-2:],
        [a],
        komp={0: _profile(3.6), 1: _profile(3.99)},
        std={a["jabatan_id"]: _profile(4.0)},
    )
    assert solve(duel, scenario()).plan["nip"].tolist() == [people[-2]["nip"]]


def _profile(level: float) -> dict[str, float]:
    from placement.domain.schema import MANAGERIAL_COMPETENCIES

    return dict.fromkeys(MANAGERIAL_COMPETENCIES, level)
