"""Bandingkan in a real browser: two runs of different scenarios side by side — KPIs of both,
the second run's failing gate, the frontier points and the per-post differences, each compared
with placement.plan.compare / placement.plan.review for the same plan folders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from placement.plan.compare import plan_kpis, post_differences, read_plan_dir
from placement.plan.review import moves_total
from placement.store.runs import RunStore
from placement.synth import preset_plan_date
from placement.ui.format import format_number
from tests.ui.conftest import Server, screenshot
from tests.ui.helpers import (
    by_testid,
    click,
    finished,
    open_page,
    scroll_to,
    solve,
    text,
    texts,
    wait_text,
)


def test_compare_needs_two_runs_then_shows_both(
    server: Server, driver: Any, tiny_dir: Path, tmp_path: Path
) -> None:
    open_page(driver, server.url + "/bandingkan")
    assert "Belum ada dua run" in text(driver, "banding-kosong")
    date = preset_plan_date("tiny").isoformat()
    base = tmp_path / "dasar"
    finished(solve(server.store, tiny_dir, base, "--date", date))  # run #1
    a = read_plan_dir(base)
    moved = a.plan[a.plan["jenis_perpindahan"] != "tetap"].iloc[0]
    scenario = tmp_path / "larang.yaml"
    scenario.write_text(
        yaml.safe_dump(
            {
                "nama": "tanpa-promosi-ini",
                "tanggal_rencana": date,
                "larang": [
                    {"nip": str(moved["nip"]), "jabatan_id": str(moved["jabatan_tujuan_id"])}
                ],
                "gerbang": [{"kpi": "jabatan_terisi", "min": 100}],
            }
        )
    )
    other = tmp_path / "larang"
    finished(solve(server.store, tiny_dir, other, "--scenario", str(scenario)))  # run #2
    b = read_plan_dir(other)
    open_page(driver, server.url + "/bandingkan", "banding-kpi")
    chips = text(driver, "banding-pilih")
    assert "#1" in chips and "#2" in chips
    with RunStore(server.store) as store:
        names, digest = store.names(), str(store.show(1)["hash_rencana"])
    one, two = f"#1 {names[1]}", f"#2 {names[2]}"  # scenario · date · short plan hash
    assert one.startswith("#1 skenario · ") and one.endswith(f" · {digest[:7]}")
    assert two.startswith("#2 tanpa-promosi-ini · ")
    headers = texts(driver, "banding-kpi", "thead th")
    assert headers[1:] == [one, two]
    ka, kb = plan_kpis(a), plan_kpis(b)
    assert ka != kb
    objective = next(
        r for r in texts(driver, "banding-kpi", "tbody tr") if r.startswith("objektif")
    )
    assert format_number(ka["objektif"], 4, "id") in objective
    assert format_number(kb["objektif"], 4, "id") in objective
    assert "Objektif = skor total rencana" in text(driver, "arti-objektif")  # in words
    summary = text(driver, "banding-ringkas")  # the Sekda's view in words
    assert "Jabatan terisi" in summary and "Persetujuan yang diperlukan" in summary
    assert str(moved["nama"]) in text(driver, "banding-nama")  # posts and holders by name
    gates = text(driver, "banding-gerbang")
    assert two in gates and "jabatan terisi" in gates and "GAGAL" in gates
    assert "jabatan_terisi" not in gates  # the KPI in words, not its column name
    assert one not in gates  # run 1's scenario has no gates
    points = text(driver, "banding-frontier-titik")
    assert f"{one}: {moves_total(ka)} perpindahan" in points
    assert f"{two}: {moves_total(kb)} perpindahan" in points
    by_testid(driver, "banding-frontier")
    diff = post_differences(a, b)
    assert len(diff) > 0
    assert text(driver, "banding-jabatan-jumlah").endswith(f": {len(diff)}")
    table = text(driver, "banding-jabatan")
    for post in diff["jabatan_id"]:
        assert post in table
    assert str(moved["nip"]) not in table  # holders' NIPs only with 'rinci'
    screenshot(driver, "06-bandingkan")
    scroll_to(driver, "banding-gerbang", "start")
    screenshot(driver, "06b-bandingkan-frontier")
    click(driver, "banding-rinci")
    wait_text(driver, str(moved["nip"]))
    assert str(moved["nip"]) in text(driver, "banding-pegawai")


def test_runs_chosen_by_address(server: Server, driver: Any) -> None:
    with RunStore(server.store) as store:
        store.rename(1, "Rotasi camat")  # a name the planner gave (Riwayat or 'runs rename')
        two = f"#2 {store.names()[2]}"
    open_page(driver, server.url + "/bandingkan?runs=2,1", "banding-kpi")
    headers = texts(driver, "banding-kpi", "thead th")
    assert headers[1:] == [two, "#1 Rotasi camat"]
    open_page(driver, server.url + "/bandingkan?runs=1", "banding-kurang")
    assert "paling sedikit dua" in text(driver, "banding-kurang")
