"""Time-based rules: minimum tenure, experience at the level below, retirement window, and the
soft maximum tenure of stays. Plan date 2026-01-01."""

from __future__ import annotations

from datetime import date

from builders import checked, dataset, decide, failed, in_table, person, post, scenario

from placement.domain.nip import bup_date
from placement.rules import build_pairs
from placement.rules.registry import load_pack

# --- MASA_JABATAN_MIN ------------------------------------------------------------------------------


def test_less_than_two_years_in_the_current_post_is_refused() -> None:
    a, b = post(opd="Dinas A"), post(opd="Dinas B")
    p = person(holds=a, golongan="III/d", tmt_jabatan=date(2024, 6, 1))
    ds = dataset([p], [a, b])
    d = decide(ds, scenario(), p, b)
    assert d.move_type == "mutasi"
    assert failed(d) == {"MASA_JABATAN_MIN": ("2024-06-01 (1.6 th)", "≥ 2 th (TMT ≤ 2024-01-01)")}
    sc = scenario(aturan={"MASA_JABATAN_MIN": {"min_tahun": {"PENGAWAS": 1}}})
    assert decide(ds, sc, p, b).eligible and in_table(ds, sc, p, b)


def test_promotion_counts_structural_service_cumulatively() -> None:
    """PP 13/2002 ps 7A: "sekurang-kurangnya telah 2 (dua) tahun dalam jabatan struktural yang
    pernah dan/atau masih didudukinya": a pengawas 1.6 years in this post but 4 years at the
    level may be promoted; a rotation still needs 2 years in the current post."""
    bunyi = next(
        b.bunyi for b in load_pack().rules["MASA_JABATAN_MIN"].legal_basis if "7A" in b.pasal
    )
    assert "jabatan struktural yang pernah dan/atau masih didudukinya" in bunyi
    a, b, up = post(opd="Dinas A"), post(opd="Dinas A"), post(eselon="III.b", opd="Dinas A")
    p = person(
        holds=a, golongan="III/d", tmt_jabatan=date(2024, 6, 1), tmt_jenjang=date(2022, 1, 1)
    )
    ds = dataset([p], [a, b, up])
    promoted = decide(ds, scenario(), p, up)
    assert promoted.move_type == "promosi" and "MASA_JABATAN_MIN" not in failed(promoted)
    assert "MASA_JABATAN_MIN" in failed(decide(ds, scenario(), p, b))  # rotasi
    only_post = scenario(aturan={"MASA_JABATAN_MIN": {"promosi_kumulatif": False}})
    assert "MASA_JABATAN_MIN" in failed(decide(ds, only_post, p, up))


def test_exactly_two_calendar_years_is_enough() -> None:
    a, b = post(opd="Dinas A"), post(opd="Dinas B")
    p = person(holds=a, golongan="III/d", tmt_jabatan=date(2024, 1, 1))
    assert decide(dataset([p], [a, b]), scenario(), p, b).eligible


def test_holder_without_tmt_jabatan_is_refused() -> None:
    a, b = post(opd="Dinas A"), post(opd="Dinas B")
    p = person(holds=a, golongan="III/d", tmt_jabatan=None)
    d = decide(dataset([p], [a, b]), scenario(), p, b)
    assert failed(d) == {"MASA_JABATAN_MIN": ("tidak ada data", "≥ 2 th (TMT ≤ 2024-01-01)")}


def test_non_structural_people_are_not_checked_unless_the_scenario_says_so() -> None:
    a = post()
    p = person(tmt_jabatan=date(2025, 6, 1))
    ds = dataset([p], [a])
    assert "MASA_JABATAN_MIN" not in checked(decide(ds, scenario(), p, a))
    sc = scenario(aturan={"MASA_JABATAN_MIN": {"nonstruktural": True}})
    assert failed(decide(ds, sc, p, a)) == {
        "MASA_JABATAN_MIN": ("2025-06-01 (0.6 th)", "≥ 2 th (TMT ≤ 2024-01-01)")
    }
    q = person(tmt_jabatan=None, tmt_jenjang=date(2020, 1, 1))  # falls back to tmt_jenjang
    ds2 = dataset([q], [a])
    assert decide(ds2, sc, q, a).eligible


# --- PENGALAMAN_JENJANG ---------------------------------------------------------------------------------


def test_experience_at_the_level_below_is_required_to_move_up() -> None:
    a = post(eselon="IV.b")
    p = person(tmt_jenjang=date(2023, 1, 1))
    ds = dataset([p], [a])
    assert failed(decide(ds, scenario(), p, a)) == {
        "PENGALAMAN_JENJANG": ("2023-01-01 (3.0 th)", "≥ 4 th di jenjang 0 (sejak ≤ 2022-01-01)")
    }
    sc = scenario(aturan={"PENGALAMAN_JENJANG": {"min_tahun": {"PENGAWAS": 3}}})
    assert decide(ds, sc, p, a).eligible and in_table(ds, sc, p, a)


def test_administrator_needs_three_years_as_pengawas() -> None:
    a, own = post(eselon="III.b"), post(eselon="IV.a")
    p = person(holds=own, golongan="III/d", tmt_jenjang=date(2023, 6, 1))
    d = decide(dataset([p], [a, own]), scenario(), p, a)
    assert failed(d) == {
        "PENGALAMAN_JENJANG": ("2023-06-01 (2.6 th)", "≥ 3 th di jenjang 1 (sejak ≤ 2023-01-01)")
    }


def test_experience_falls_back_to_tmt_jabatan_then_tmt_cpns() -> None:
    a = post(eselon="IV.b")
    early = person(tmt_jenjang=None, tmt_jabatan=None, tmt_cpns=date(2020, 3, 1))
    late = person(tmt_jenjang=None, tmt_jabatan=None, tmt_cpns=date(2023, 3, 1))
    by_post = person(tmt_jenjang=None, tmt_jabatan=date(2023, 5, 1), tmt_cpns=date(2001, 3, 1))
    ds = dataset([early, late, by_post], [a])
    assert decide(ds, scenario(), early, a).eligible  # 5.8 years since TMT CPNS
    assert failed(decide(ds, scenario(), late, a)) == {
        "PENGALAMAN_JENJANG": ("2023-03-01 (2.8 th)", "≥ 4 th di jenjang 0 (sejak ≤ 2022-01-01)")
    }
    assert (
        failed(decide(ds, scenario(), by_post, a))["PENGALAMAN_JENJANG"][0] == "2023-05-01 (2.7 th)"
    )


# --- BUP_DEKAT ---------------------------------------------------------------------------------------------


def test_retirement_within_twelve_months_is_refused() -> None:
    own, a = post(), post()
    p = person(holds=own, golongan="III/d", birth_date=date(1968, 6, 15))
    ds = dataset([p], [own, a])
    assert bup_date(date(1968, 6, 15), 58) == date(2026, 7, 1)
    assert failed(decide(ds, scenario(), p, a)) == {
        "BUP_DEKAT": ("2026-07-01 (BUP 58 th)", "2027-01-01")
    }
    sc = scenario(aturan={"BUP_DEKAT": {"jendela_bulan": 6}})
    assert decide(ds, sc, p, a).eligible and in_table(ds, sc, p, a)


def test_retirement_age_of_the_target_post_counts() -> None:
    jpt, adm, own = post(eselon="II.b"), post(eselon="III.a"), post(eselon="III.a")
    p = person(holds=own, golongan="IV/b", birth_date=date(1968, 3, 10))
    ds = dataset([p], [jpt, adm, own])
    assert "BUP_DEKAT" not in failed(decide(ds, scenario(), p, jpt))  # BUP 60: 2028-04-01
    assert failed(decide(ds, scenario(), p, adm))["BUP_DEKAT"] == (
        "2026-04-01 (BUP 58 th)",
        "2027-01-01",
    )


# --- MASA_JABATAN_MAKS (soft) and stays -----------------------------------------------------------------


def test_stay_past_five_years_is_eligible_but_penalised_and_listed() -> None:
    a = post()
    old = person(holds=a, golongan="III/d", tmt_jabatan=date(2020, 6, 1))
    ds = dataset([old], [a])
    d = decide(ds, scenario(), old, a)
    assert d.eligible and d.move_type == "tetap" and d.overdue
    (check,) = d.checks
    assert check.rule_id == "MASA_JABATAN_MAKS" and check.passed and check.flagged
    assert (check.actual, check.threshold) == ("2020-06-01 (5.6 th)", "2021-01-01 (> 5 th)")
    table = build_pairs(ds, scenario())
    assert table.pairs["overdue_penalty"].tolist() == [0.1]
    assert table.overdue_stays()["nip"].tolist() == [old["nip"]]
    longer = scenario(aturan={"MASA_JABATAN_MAKS": {"maks_tahun": {"PENGAWAS": 7}}})
    assert not decide(ds, longer, old, a).overdue
    assert build_pairs(ds, longer).pairs["overdue_penalty"].tolist() == [0.0]


def test_exactly_five_years_is_not_overdue() -> None:
    a = post()
    p = person(holds=a, tmt_jabatan=date(2021, 1, 1))
    assert not decide(dataset([p], [a]), scenario(), p, a).overdue


def test_stay_is_exempt_from_every_appointment_rule() -> None:
    a = post(eselon="IV.a")
    p = person(
        holds=a,
        golongan="II/a",
        education="SMA",
        talent_box=None,
        status="PPPK",
        skp_1="kurang",
        birth_date=date(1968, 6, 15),
        tmt_jabatan=date(2025, 10, 1),
    )
    ds = dataset([p], [a], komp={0: {}})
    d = decide(ds, scenario(), p, a)
    assert d.eligible and d.move_type == "tetap" and failed(d) == {}
    pairs = build_pairs(ds, scenario()).pairs
    assert pairs[["move_type", "stay"]].values.tolist() == [["tetap", True]]


# --- penyegaran (tour of duty): the shipped scenario kabupaten-penyegaran ------------------------


def test_penyegaran_rotates_overdue_officials_within_their_level() -> None:
    """Issue 18: 143 officials past 5 years stayed, 137 of them box 1–5, because rotasi needs box
    ≥ 7 and the stay penalty (0.1) is tiny. Under the shipped kabupaten-penyegaran settings, two
    overdue box-5 heads of section swap posts (rotasi); a box-2 one and one not yet overdue stay;
    by default everyone stays."""
    from pathlib import Path

    from placement.api import solve
    from placement.config import load_scenario

    shipped = Path(__file__).resolve().parents[1] / "scenarios" / "kabupaten-penyegaran"
    penyegaran = load_scenario(shipped / "skenario.yaml").model_copy(
        update={"tanggal_rencana": scenario().tanggal_rencana, "data": None}
    )
    p, q, r, s = (post(opd="Dinas A") for _ in range(4))
    a = person(holds=p, golongan="III/d", talent_box=5, tmt_jabatan=date(2019, 3, 1))
    b = person(holds=q, golongan="III/d", talent_box=5, tmt_jabatan=date(2020, 2, 1))
    low = person(holds=r, golongan="III/d", talent_box=2, tmt_jabatan=date(2018, 1, 1))
    fresh = person(holds=s, golongan="III/d", talent_box=5, tmt_jabatan=date(2023, 1, 1))
    others = [post(opd="Dinas A") for _ in range(4)]  # per-OPD caps: 30 % of 8 posts may change
    ds = dataset(
        [
            a,
            b,
            low,
            fresh,
            *(person(holds=o, golongan="III/d", tmt_jabatan=date(2023, 1, 1)) for o in others),
        ],
        [p, q, r, s, *others],
    )
    assert failed(decide(ds, scenario(), a, q)) == {"KOTAK_TALENTA_MIN": ("5", "7")}
    assert decide(ds, penyegaran, a, q).eligible
    assert failed(decide(ds, penyegaran, low, q)) == {"KOTAK_TALENTA_MIN": ("2", "4")}
    assert failed(decide(ds, penyegaran, fresh, q)) == {"KOTAK_TALENTA_MIN": ("5", "7")}

    def moves(sc: object) -> dict[str, tuple[str, str]]:
        plan = solve(ds, sc).plan  # type: ignore[arg-type]
        return {
            n: (m, t)
            for n, m, t in zip(
                plan["nip"], plan["jenis_perpindahan"], plan["jabatan_tujuan_id"], strict=True
            )
        }

    assert {m for m, _ in moves(scenario()).values()} == {"tetap"}
    plan = moves(penyegaran)
    assert plan[a["nip"]] == ("rotasi", q["jabatan_id"])
    assert plan[b["nip"]] == ("rotasi", p["jabatan_id"])
    assert plan[low["nip"]][0] == plan[fresh["nip"]][0] == "tetap"
