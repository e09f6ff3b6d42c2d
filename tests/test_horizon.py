"""Multi-year plans: checked by an independent year-by-year simulation, brute force on tiny
regions, the myopic comparison, and hand-made retirement and tenure cases."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import event, given, settings
from hypothesis import strategies as st

from placement.cli import main
from placement.config import Skenario
from placement.domain.errors import PlacementError
from placement.domain.model import Dataset
from placement.io.writers import write_dataset
from placement.plan.audit import audit_plan
from placement.plan.horizon import HorizonResult, YearFacts, horizon_years, solve_horizon
from placement.report.outputs import verify_outputs
from placement.synth import generate
from tests.builders import dataset, person, post, random_dataset_strategy, scenario

Decision = tuple[int, int] | None  # (post row, year) or no move


def _facts(ds: Dataset, yrs: YearFacts, sc: Skenario) -> dict[str, Any]:
    """Plain dictionaries of the per-year tables, read without the model code."""
    holder = {
        ds.holder_row[j]: ds.post_index[j]
        for j in ds.holder_row
        if ds.post_index[j] in set(yrs.posts.tolist())
    }
    must = ds.jabatan["must_fill"].to_numpy(dtype=bool)
    bonus = {int(j): sc.bobot.penalti_wajib_isi_kosong if must[j] else 0.0 for j in yrs.posts}
    stay: dict[tuple[int, int], float] = {}
    move: dict[tuple[int, int, int], tuple[float, float]] = {}
    for t, table in enumerate(yrs.tables):
        for r in table.pairs.itertuples(index=False):
            p, j = int(r.person), int(r.post)
            if r.stay:
                stay[(p, t)] = float(r.total)
            elif not r.shortlist_only:
                move[(p, j, t)] = (float(r.total), float(r.total) + float(r.move_cost))
    return {"holder": holder, "bonus": bonus, "stay": stay, "move": move}


def simulate(
    ds: Dataset,
    sc: Skenario,
    yrs: YearFacts,
    facts: dict[str, Any],
    decisions: dict[int, Decision],
    discount: float,
) -> float | None:
    """Value of a multi-year plan year by year, or None when it breaks a rule of the horizon."""
    n_years, active = len(yrs.dates), yrs.active
    holder, bonus, stay, move = facts["holder"], facts["bonus"], facts["stay"], facts["move"]
    for p, d in decisions.items():
        if d is not None and ((p, d[0], d[1]) not in move or not active[p, d[1]]):
            return None
    value = 0.0
    for tau in range(n_years):
        occupied: dict[int, int] = {}
        year = 0.0
        for p in range(ds.n_people):
            if not active[p, tau]:
                continue
            d = decisions.get(p)
            if d is not None and d[1] <= tau:
                j = d[0]
                total, hold = move[(p, j, d[1])]
                year += (total if d[1] == tau else hold) + bonus[j]
            elif p in holder:
                j = holder[p]
                year += stay.get((p, tau), 0.0) + bonus[j]
            else:
                continue
            if j in occupied:
                return None
            occupied[j] = p
        value += discount**tau * year
    for t in range(n_years):
        moved = [p for p, d in decisions.items() if d is not None and d[1] == t and p in holder]
        if sc.batas.perpindahan_total is not None and len(moved) > sc.batas.perpindahan_total:
            return None
    return value


def _decisions(ds: Dataset, result: HorizonResult) -> dict[int, Decision]:
    out: dict[int, Decision] = {}
    for r in result.plan.itertuples(index=False):
        out[ds.person_index[str(r.nip)]] = (ds.post_index[str(r.jabatan_tujuan_id)], int(r.tahun))
    return out


@st.composite
def small_regions(draw: Any) -> tuple[Dataset, Skenario, float]:
    ds = draw(random_dataset_strategy(max_people=5, max_posts=3, must_fill=True))
    cap = draw(st.none() | st.integers(0, 2))
    # Loose rules so that moves happen; the time-driven ones (tenure, BUP, sanctions) stay on.
    off = [
        "DEMOSI",
        "GOL_MIN_ESELON",
        "PPPK_STRUKTURAL",
        "KOMPETENSI_ADA",
        "KOTAK_TALENTA_MIN",
        "PENGALAMAN_JENJANG",
        "PENDIDIKAN_MIN",
        "SKP_PROMOSI",
        "USIA_JPT",
        "JOB_FIT_JPT",
    ]
    aturan: dict[str, dict[str, Any]] = {r: {"aktif": False} for r in off}
    aturan["NAIK_SATU_JENJANG"] = {"langkah_maks": 3}
    sc = scenario(
        batas={"perpindahan_total": cap},
        aturan=aturan,
        penempatan_jpt_langsung=True,
        bobot={"penalti_lewat_masa_jabatan": draw(st.sampled_from([0.1, 1.5]))},
    )
    return ds, sc, draw(st.sampled_from([1.0, 0.8]))


@settings(max_examples=25)
@given(inst=small_regions())
def test_joint_plan_is_the_brute_force_optimum_and_beats_myopic(
    inst: tuple[Dataset, Skenario, float],
) -> None:
    ds, sc, discount = inst
    result = solve_horizon(ds, sc, 2, discount=discount)
    yrs = horizon_years(ds, sc, 2)
    facts = _facts(ds, yrs, sc)
    joint = simulate(ds, sc, yrs, facts, _decisions(ds, result), discount)
    assert joint is not None, "the joint plan breaks a rule of the horizon"
    event(
        f"moves {min(len(result.plan), 2)}+, joint better than myopic: "
        f"{(result.joint.objective or 0) > (result.myopic.objective or 0)}"
    )
    assert joint == pytest.approx((result.joint.objective or 0) / 10_000, abs=1e-3)
    assert result.myopic.objective is not None
    assert result.joint.objective is not None and result.joint.objective >= result.myopic.objective
    options: dict[int, list[Decision]] = {p: [None] for p in range(ds.n_people)}
    for p, j, t in facts["move"]:
        options[p].append((j, t))
    people = sorted(options)
    best = max(
        v
        for combo in itertools.product(*(options[p] for p in people))
        if (v := simulate(ds, sc, yrs, facts, dict(zip(people, combo, strict=True)), discount))
        is not None
    )
    assert joint == pytest.approx(best, abs=2e-3)
    report = audit_plan(
        ds, sc, result.first.plan, result.first.solution.objective, table=result.first.table
    )
    assert report.ok, report.findings


def _region(tmt_kabid: date, with_kabid2: bool = False) -> tuple[Dataset, Skenario]:
    """Kepala Bagian (III.a) retiring 2027-02-01, a Kasubag (IV.a) ready to succeed, a Kabid whose
    two years in post are reached on ``tmt_kabid`` + 2 years; optionally a vacant Kabid post."""
    kabag = post(jabatan_id="KABAG", eselon="III.a", opd="Dinas A", priority=1)
    kasubag = post(jabatan_id="KASUBAG", eselon="IV.a", opd="Dinas A", priority=2)
    kabid = post(jabatan_id="KABID", eselon="III.b", opd="Dinas A", priority=3)
    kabid2 = post(jabatan_id="KABID2", eselon="III.b", opd="Dinas A", priority=1)
    posts = [kabag, kasubag, kabid, *([kabid2] if with_kabid2 else [])]
    common = {
        "talent_box": 9,
        "skp_1": "sangat baik",
        "skp_2": "sangat baik",
        "education": "S2",
        "tmt_jenjang": date(2015, 1, 1),
        "golongan": "IV/a",
    }
    people = [
        person(holds=kabag, birth_date=date(1969, 1, 15), tmt_jabatan=date(2022, 1, 1), **common),
        person(holds=kasubag, birth_date=date(1975, 5, 5), tmt_jabatan=date(2020, 1, 1), **common),
        person(holds=kabid, birth_date=date(1980, 5, 5), tmt_jabatan=tmt_kabid, **common),
    ]
    std = {str(p["jabatan_id"]): {"integritas": 3.0} for p in posts}
    komp: dict[str | int, dict[str, float]] = {i: {"integritas": 4.0} for i in range(3)}
    return dataset(people, posts, komp=komp, std=std), scenario(tanggal_rencana=date(2026, 7, 1))


def test_retirement_opens_the_post_in_the_year_it_happens() -> None:
    ds, sc = _region(date(2020, 1, 1))
    result = solve_horizon(ds, sc, 3)
    kabag_holder = ds.holder_of("KABAG")
    gone = result.retirements
    assert list(gone["nip"]) == [kabag_holder]
    assert int(gone["tahun_ke"].iloc[0]) == 2  # BUP 2027-02-01: serves in 2026-07, gone by 2027-07
    assert str(gone["tanggal_bup"].iloc[0]).startswith("2027-02-01")
    into_kabag = result.plan[result.plan["jabatan_tujuan_id"] == "KABAG"]
    assert list(into_kabag["tahun_ke"]) == [2]  # filled the year it falls vacant, not before
    assert set(into_kabag["nip"]) <= {ds.holder_of("KASUBAG"), ds.holder_of("KABID")}


def test_tenure_progress_makes_a_move_possible_in_a_later_year() -> None:
    ds, sc = _region(date(2025, 10, 1), with_kabid2=True)  # two years in post on 2027-10-01
    yrs = horizon_years(ds, sc, 3)
    kabid = ds.person_index[str(ds.holder_of("KABID"))]
    target = ds.post_index["KABID2"]
    eligible = [
        bool(((t.pairs["person"] == kabid) & (t.pairs["post"] == target)).any()) for t in yrs.tables
    ]
    assert eligible == [False, False, True]  # 2026-07-01, 2027-07-01: < 2 years; 2028-07-01: ok
    result = solve_horizon(ds, sc, 3)
    moves = result.plan[result.plan["nip"] == ds.holder_of("KABID")]
    # the rotation into KABID2 waits for two years in post; a promotion into KABAG may come
    # earlier, since structural service counts cumulatively for promotions (PP 13/2002 ps 7A)
    assert set(moves.loc[moves["jabatan_tujuan_id"] == "KABID2", "tahun_ke"]) <= {3}


def test_joint_plan_waits_for_the_retirement_where_the_myopic_plan_cannot() -> None:
    """The Kasubag can take a vacant Kabid post now (worth a little more than staying) or the
    Kabag post its holder leaves in 2027 (worth much more); moving once, only the joint plan
    keeps the Kasubag for the Kabag post."""
    kabag = post(jabatan_id="KABAG", eselon="III.a", opd="Dinas A", priority=1)
    kasubag = post(jabatan_id="KASUBAG", eselon="IV.a", opd="Dinas A", priority=2)
    kabid = post(jabatan_id="KABID", eselon="III.b", opd="Dinas A", priority=3)
    common = {
        "talent_box": 9,
        "skp_1": "sangat baik",
        "skp_2": "sangat baik",
        "education": "S2",
        "tmt_jenjang": date(2015, 1, 1),
        "golongan": "IV/a",
    }
    people = [
        person(holds=kabag, birth_date=date(1969, 1, 15), tmt_jabatan=date(2022, 1, 1), **common),
        person(holds=kasubag, birth_date=date(1975, 5, 5), tmt_jabatan=date(2020, 1, 1), **common),
    ]
    ds = dataset(people, [kabag, kasubag, kabid])
    sc = scenario(
        tanggal_rencana=date(2026, 7, 1),
        aturan={"KOMPETENSI_ADA": {"aktif": False}},
        bobot={"nilai_jabatan_terisi": {1: 5.0, 2: 2.0, 3: 2.5}},
    )
    result = solve_horizon(ds, sc, 3)
    moves = result.plan[["tahun_ke", "jabatan_tujuan_id"]].values.tolist()
    assert moves == [[2, "KABAG"]]
    summary = result.summary()
    assert summary["selisih_terhadap_miopik"] > 4.0  # myopic: Kabid in 2026, Kabag left empty
    first = result.first.plan.set_index("jabatan_asal_id")["jenis_perpindahan"]
    assert first["KASUBAG"] == "tetap"  # the plan executed now keeps the Kasubag in post


def test_unsupported_settings_are_refused() -> None:
    ds, _ = _region(date(2020, 1, 1))
    with pytest.raises(PlacementError) as exc:
        solve_horizon(ds, scenario(izinkan_non_job=True), 2)
    assert exc.value.issues[0].code == "HORIZON_TIDAK_DIDUKUNG"


def test_cli_horizon_writes_every_year_and_audits(tmp_path: Any) -> None:
    data = tmp_path / "data"
    write_dataset(generate("tiny", 0), data)
    out = tmp_path / "hasil"
    res = CliRunner().invoke(
        main,
        [
            "solve",
            str(data),
            "--out",
            str(out),
            "--date",
            "2026-07-01",
            "--horizon",
            "3",
            "--diskonto",
            "0.9",
            "--no-store",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "Horizon 3 tahun" in res.output and "miopik" in res.output
    assert (out / "rencana_horizon.csv").is_file() and (out / "pensiun_horizon.csv").is_file()
    assert verify_outputs(out) == []
    res = CliRunner().invoke(main, ["audit", str(data), str(out)])
    assert res.exit_code == 0 and "Audit: lulus" in res.output
    again = tmp_path / "lagi"
    CliRunner().invoke(
        main,
        [
            "solve",
            str(data),
            "--out",
            str(again),
            "--date",
            "2026-07-01",
            "--horizon",
            "3",
            "--diskonto",
            "0.9",
            "--no-store",
        ],
    )
    for name in ("rencana.csv", "rencana_horizon.csv", "pensiun_horizon.csv"):
        assert (out / name).read_bytes() == (again / name).read_bytes()
