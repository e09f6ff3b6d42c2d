"""Vacancy chains and their statistics on hand-made plans."""

from __future__ import annotations

import pandas as pd

from placement.plan.chains import chain_statistics, vacancy_chains


def plan(rows: list[tuple[str, str | None, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["nip", "jabatan_asal_id", "jabatan_tujuan_id"])


def test_a_two_post_rotation_is_a_cycle() -> None:
    chains = vacancy_chains(plan([("a", "A", "B"), ("b", "B", "A"), ("c", "C", "C")]))
    assert set(chains["jenis"]) == {"siklus"} and len(chains) == 2
    stats = chain_statistics(chains)
    assert stats == {
        "rantai": 0,
        "siklus": 1,
        "panjang_maks": 2,
        "distribusi_panjang": {2: 1},
        "rantai_berakhir_lowong": 0,
    }


def test_chain_ending_in_an_unfilled_post_is_counted() -> None:
    # x (from outside) fills vacant V; the chain closes: nobody's post is left empty.
    # y leaves P for vacant W, z leaves Q for P: Q ends the chain unfilled.
    rows = [("x", None, "V"), ("y", "P", "W"), ("z", "Q", "P"), ("s", "S", "S")]
    chains = vacancy_chains(plan(rows))
    stats = chain_statistics(chains)
    assert stats["rantai"] == 2 and stats["siklus"] == 0
    assert stats["distribusi_panjang"] == {1: 1, 2: 1} and stats["panjang_maks"] == 2
    assert stats["rantai_berakhir_lowong"] == 1
    # Someone from outside takes Q: now every chain closes.
    closed = chain_statistics(vacancy_chains(plan([*rows, ("o", None, "Q")])))
    assert closed["rantai_berakhir_lowong"] == 0 and closed["distribusi_panjang"] == {1: 1, 3: 1}


def test_cycle_and_chain_together_and_empty_plan() -> None:
    rows = [("a", "A", "B"), ("b", "B", "A"), ("c", "C", "D")]
    stats = chain_statistics(vacancy_chains(plan(rows)))
    assert (stats["rantai"], stats["siklus"], stats["rantai_berakhir_lowong"]) == (1, 1, 1)
    empty = chain_statistics(vacancy_chains(plan([("s", "S", "S")])))
    assert empty["rantai"] == 0 and empty["distribusi_panjang"] == {}
