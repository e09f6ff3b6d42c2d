"""JPT shortlists (seleksi terbuka) chosen together by an exact b-matching (issue 18 item 4):
``calon_per_jabatan`` per post, a person on at most ``daftar_per_orang_maks`` lists, as many
candidates as possible, then the largest total score; people the plan moves are marked."""

from __future__ import annotations

import itertools
from datetime import date

import numpy as np
import pytest
from builders import dataset, person, post, scenario

from placement.api import solve
from placement.domain.schema import MANAGERIAL_COMPETENCIES
from placement.plan.plan import shortlist_table
from placement.rules import build_pairs
from placement.solver.bmatching import b_matching


def _brute_force(post_, person_, weight, per_post: int, per_person: int) -> tuple[int, float]:
    """(entries, total) of the best subset of pairs, lexicographically, by enumeration."""
    best = (0, 0.0)
    for mask in itertools.product((False, True), repeat=len(post_)):
        m = np.array(mask, dtype=bool)
        if (np.bincount(post_[m], minlength=8) > per_post).any():
            continue
        if (np.bincount(person_[m], minlength=8) > per_person).any():
            continue
        value = (int(m.sum()), round(float(weight[m].sum()), 9))
        best = max(best, value)
    return best


@pytest.mark.parametrize("seed", range(12))
def test_b_matching_is_exact_on_tiny_instances(seed: int) -> None:
    rng = np.random.default_rng(seed)
    pairs = sorted({(int(rng.integers(3)), int(rng.integers(5))) for _ in range(11)})
    post_ = np.array([p for p, _ in pairs], dtype=np.int64)
    person_ = np.array([q for _, q in pairs], dtype=np.int64)
    weight = rng.uniform(1.0, 4.0, len(pairs)).round(3)
    per_post, per_person = int(rng.integers(1, 4)), int(rng.integers(1, 3))
    picked = b_matching(post_, person_, weight, per_post, per_person)
    assert (np.bincount(post_[picked], minlength=3) <= per_post).all()
    assert (np.bincount(person_[picked], minlength=5) <= per_person).all()
    got = (int(picked.sum()), round(float(weight[picked].sum()), 9))
    assert got == _brute_force(post_, person_, weight, per_post, per_person)


def test_one_strong_candidate_does_not_top_every_shortlist() -> None:
    """Issue 18: one person topped all four JPT shortlists, and a person the plan rotated
    elsewhere topped two. Now a person is on at most 2 lists by default (a parameter), every list
    still has 3 candidates, and a person the plan moves is marked with the post."""
    jpts = [post(eselon="II.b", opd=f"Dinas {c}", priority=1) for c in "XYZ"]
    own = [post(eselon="III.a", opd="Dinas A") for _ in range(5)]
    people = [
        person(
            holds=a,
            golongan="IV/b",
            talent_box=9,
            tmt_jabatan=date(2021, 1, 1),
            tmt_jenjang=date(2018, 1, 1),
        )
        for a in own
    ]
    star = people[0]
    ds = dataset(people, [*jpts, *own], komp={0: dict.fromkeys(MANAGERIAL_COMPETENCIES, 4.0)})
    result = solve(ds, scenario())
    lists = result.shortlist
    assert sorted(lists["jabatan_id"].value_counts().tolist()) == [3, 3, 3]
    assert (lists["nip"] == star["nip"]).sum() == 2
    assert lists["nip"].value_counts().max() <= 2
    assert set(lists[lists["peringkat"] == 1]["nip"]) >= {star["nip"]}
    assert lists["kesesuaian_bidang"].str.len().gt(0).all()

    wide = scenario(aturan={"JPT_SELEKSI_TERBUKA": {"daftar_per_orang_maks": 3}})
    assert (
        shortlist_table(ds, build_pairs(ds, wide), result.plan)["nip"] == star["nip"]
    ).sum() == 3

    plan = result.plan.copy()
    row = plan["nip"] == star["nip"]
    plan.loc[row, "jenis_perpindahan"] = "rotasi"
    plan.loc[row, "jabatan_tujuan"] = "Kepala Bagian Umum"
    marked = shortlist_table(ds, result.table, plan)
    notes = set(marked.loc[marked["nip"] == star["nip"], "dalam_rencana"])
    assert notes == {"dalam rencana: → Kepala Bagian Umum"}
    assert (marked.loc[marked["nip"] != star["nip"], "dalam_rencana"] == "").all()
