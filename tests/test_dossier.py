"""Dossier (xlsx / html / pdf) and the explain / dossier commands on a plan written to disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from placement.cli import main
from placement.io.writers import write_dataset
from placement.report.dossier import SHEETS, SUCCESSION_PER_POST, SUCCESSION_SHEETS
from tests.builders import dataset, person, post

EVIL = '=HYPERLINK("x")'


@pytest.fixture(scope="module")
def solved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A plan on disk where a person named like a formula is promoted into a vacant post."""
    root = tmp_path_factory.mktemp("dosir")
    a = post(name="Kepala Seksi A")
    v = post(name="Kepala Seksi Lowong", priority=1)
    h = person(holds=a)
    q = person(name=EVIL, talent_box=9)
    r = person(talent_box=7)
    write_dataset(dataset([h, q, r], [a, v]), root / "data")
    res = CliRunner().invoke(
        main, ["solve", str(root / "data"), "--out", str(root / "out"), "--date", "2026-01-01"]
    )
    assert res.exit_code == 0, res.output
    return {"root": root, "out": root / "out", "data": root / "data", "q": q, "v": v, "r": r}


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_xlsx_dossier_sheets_injection_and_audit(solved: dict[str, Any]) -> None:
    out = solved["out"]
    res = run("dossier", str(out), "--format", "xlsx", "--suksesi")
    assert res.exit_code == 0, res.output
    path = out / "dosir.xlsx"
    wb = load_workbook(path)
    assert tuple(wb.sheetnames) == SHEETS + SUCCESSION_SHEETS
    rencana = wb["Rencana"]
    header = [c.value for c in rencana[1]]
    names = [row[header.index("nama")] for row in rencana.iter_rows(min_row=2, values_only=True)]
    assert "'" + EVIL in names and EVIL not in names
    # a negative number stays a number
    per = wb["Per Jabatan"]
    head = [c.value for c in per[1]]
    col = head.index("kontribusi_move_cost") + 1
    cell = per.cell(row=2, column=col)
    assert cell.data_type == "n" and isinstance(cell.value, float) and cell.value < 0
    sk = wb["Lampiran SK"]
    sk_head = [c.value for c in sk[1]]
    assert sk_head[:7] == [
        "no",
        "nama",
        "nip",
        "pangkat_golongan",
        "jabatan_lama",
        "unit_kerja_lama",
        "jabatan_baru",
    ]
    row = [c.value for c in sk[2]]
    assert row[2] == solved["q"]["nip"] and row[3] == "Penata, III/c"
    assert row[4] == "Pelaksana"  # the old post in words, not a dash (shown as '- before)
    aturan = [r[0] for r in wb["Aturan"].iter_rows(min_row=2, values_only=True)]
    assert "GOL_MIN_ESELON" in aturan
    # the audit reads the dossier's Rencana sheet (apostrophes undone) and accepts it
    res = run("audit", str(solved["data"]), str(out), "--plan", str(path))
    assert res.exit_code == 0, res.output
    assert "Audit: lulus" in res.output


def test_html_and_pdf_dossier(solved: dict[str, Any]) -> None:
    out = solved["out"]
    assert run("dossier", str(out), "--format", "html").exit_code == 0
    html = (out / "dosir.html").read_text(encoding="utf-8")
    assert "Ringkasan" in html and "Lampiran SK" in html and "Persetujuan" in html
    assert html.count('<section class="move"') == 1 and solved["q"]["nip"] in html
    assert "=HYPERLINK(&#34;x&#34;)" in html or "=HYPERLINK(&quot;x&quot;)" in html  # escaped
    res = run("dossier", str(out), "--format", "pdf", "--output", str(out / "d.pdf"))
    assert res.exit_code == 0, res.output
    assert (out / "d.pdf").read_bytes().startswith(b"%PDF")


def test_explain_command_json_and_table(solved: dict[str, Any]) -> None:
    out, q, v = solved["out"], solved["q"], solved["v"]
    res = run(
        "explain", str(out), "--nip", q["nip"], "--alternatives", "--reoptimize", "--format", "json"
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)["penjelasan"]
    assert data["jabatan_tujuan_id"] == v["jabatan_id"] and data["jenis_perpindahan"] == "promosi"
    assert sum(t["contribution"] for t in data["suku_skor"]) == pytest.approx(data["skor"])
    assert solved["r"]["nip"] in {a["nip"] for a in data["alternatif"]}
    assert all(a["loss"] > 0 for a in data["alternatif"])
    res = run("explain", str(out), "--why-not", solved["r"]["nip"], v["jabatan_id"])
    assert res.exit_code == 0 and "objektif turun" in res.output
    res = run("explain", str(out), "--jabatan", v["jabatan_id"], "--lang", "en")
    assert res.exit_code == 0 and "Rules:" in res.output


def test_explain_refuses_changed_data(solved: dict[str, Any], tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(solved["data"], data)
    peg = data / "pegawai.csv"
    peg.write_text(
        peg.read_text(encoding="utf-8").replace("Pegawai", "Pegawe", 1), encoding="utf-8"
    )
    res = run("explain", str(solved["out"]), "--nip", solved["q"]["nip"], "--data", str(data))
    assert res.exit_code == 1
    assert "DATA_BERUBAH" in res.output


def test_pdf_move_pages_carry_rules_values_basis_and_gaps(tmp_path: Path) -> None:
    """On tiny: every move has its justification in the usulan PDF, naming NIP, old and new post
    in words, each rule with its values and legal basis, and the competencies below standard."""
    from pypdf import PdfReader

    from placement.api import solve
    from placement.config import Skenario
    from placement.plan.explain import explain_move
    from placement.report.dossier import write_dossier
    from placement.synth import generate, preset_plan_date

    ds = generate("tiny", 0)
    result = solve(ds, Skenario(tanggal_rencana=preset_plan_date("tiny"), aturan=PER_POST))
    path = write_dossier(ds, result, tmp_path / "d.pdf", "pdf")
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages]
    text = " ".join(pages)
    start = text.index("LAMPIRAN JUSTIFIKASI")
    moves = result.plan[result.plan["jenis_perpindahan"] != "tetap"]
    assert len(moves) >= 1  # RUMPUN_TEKNIS leaves the camat post to a pemerintahan field (issue 18)
    for nip in moves["nip"]:
        e = explain_move(ds, result.scenario, result, str(nip))
        at = text.index(f"— NIP {nip}", start)
        block = text[at : text.find(" — NIP ", at + 10) if " — NIP " in text[at + 10 :] else None]
        assert f"→ {e.jabatan_tujuan}" in block
        for c in e.checks:
            first = " ".join(c.legal_basis.split("; ")[0].split())  # the others: "dan N dasar lain"
            assert f"dasar: {first[:25]}" in block, c.rule_id
            assert "memenuhi:" in block
        assert e.jpm is not None
        for g in e.jpm.gaps[~e.jpm.gaps["met"].astype(bool)].itertuples(index=False):
            assert g.competency in block


PER_POST = {"MASA_JABATAN_MIN": {"promosi_kumulatif": False}}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The tiny preset solved on disk (plan date 2026-07-01) and its succession sheets."""
    from placement.config import Skenario
    from placement.io.readers import load_dataset
    from placement.succession.sheets import succession_sheets
    from placement.synth import preset_plan_date

    root = tmp_path_factory.mktemp("dosir-tiny")
    res = run("generate", "--preset", "tiny", "--out", str(root / "data"))
    assert res.exit_code == 0, res.output
    # structural service counted per post only, so that J-001 has nobody ready now (the
    # default counts it cumulatively for promotions and makes its Kabid ready now)
    sc = Skenario(tanggal_rencana=preset_plan_date("tiny"), aturan=PER_POST)
    (root / "s.yaml").write_text(yaml.safe_dump(sc.model_dump(mode="json", exclude_defaults=True)))
    res = run(
        "solve",
        str(root / "data"),
        "--out",
        str(root / "out"),
        "--scenario",
        str(root / "s.yaml"),
        "--no-store",
    )
    assert res.exit_code == 0, res.output
    ds, _ = load_dataset(root / "data")
    expected = succession_sheets(ds, sc, 2, top=3)
    return {"out": root / "out", "expected": expected}


def _rows(wb: Any, name: str) -> list[dict[str, Any]]:
    rows = list(wb[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_dossier_carries_succession_on_tiny(tiny: dict[str, Any]) -> None:
    """With --suksesi: the xlsx has the succession sheets with the same content as ``placement
    succession`` (Suksesi without the per-post columns) and the html a Suksesi section."""
    out, expected = tiny["out"], tiny["expected"]
    res = run("dossier", str(out), "--format", "xlsx", "--suksesi")
    assert res.exit_code == 0, res.output
    wb = load_workbook(out / "dosir.xlsx")
    assert tuple(wb.sheetnames) == SHEETS + SUCCESSION_SHEETS
    suksesi = _rows(wb, "Suksesi")
    # the 3 nearest successors per post: ready now first, then in the horizon, then development
    want = expected["Suksesi"].groupby("jabatan_id", sort=False).head(3)
    assert len(suksesi) == len(want) > 12 and len(want) < len(expected["Suksesi"])
    assert not set(SUCCESSION_PER_POST) & set(suksesi[0])
    assert [r["nip"] for r in suksesi] == want["nip"].tolist()  # NIPs kept as text
    j001 = [r["kesiapan"] for r in suksesi if r["jabatan_id"] == "J-001"]
    assert j001 == ["siap 1–2 tahun"], j001  # one health successor (issue 18: field of work)
    assert {r["kesiapan"] for r in suksesi} == {
        "siap sekarang",
        "siap 1–2 tahun",
        "perlu pengembangan",
    }
    bench = {r["jabatan_id"]: r for r in _rows(wb, "Kekuatan Suksesi")}
    assert len(bench) == len(expected["Kekuatan Suksesi"]) == 12
    assert bench["J-001"]["siap_sekarang"] == 0
    assert bench["J-001"]["status"] == "belum ada yang siap sekarang"
    vac = _rows(wb, "Lowong Mendatang")
    assert [r["jabatan_id"] for r in vac] == expected["Lowong Mendatang"]["jabatan_id"].tolist()
    assert vac and {r["alasan"] for r in vac} >= {"batas usia pensiun (BUP)"}
    talent = _rows(wb, "Peta Talenta")
    assert len(talent) == len(expected["Peta Talenta"]) and talent[0]["kotak"] == 9
    grid = list(wb["Kotak 9"].iter_rows(values_only=True))
    assert grid[1] == ("tinggi", "6: 0", "8: 2", "9: 4")
    info = dict(list(wb["Info Suksesi"].iter_rows(values_only=True))[1:])
    assert info["horizon_tahun"] == 2 and info["jabatan_tanpa_penerus_siap_sekarang"] == 4

    res = run("dossier", str(out), "--format", "html", "--suksesi")
    assert res.exit_code == 0, res.output
    html = (out / "dosir.html").read_text(encoding="utf-8")
    section = html[html.index('<section class="suksesi"') :]
    section = section[: section.index("</section>")]
    assert "Suksesi (horizon 2 tahun, sampai 1 Juli 2028)" in section
    assert "12 jabatan dalam lingkup; 4 tanpa penerus yang siap sekarang" in section
    assert "Kepala Dinas Kesehatan (J-001)" in section and "belum ada yang siap sekarang" in section
    upcoming = expected["Lowong Mendatang"]
    upcoming = upcoming[upcoming["sudah_lewat"] == "tidak"]
    # the 4 posts without a ready successor + each upcoming vacancy
    assert section.count("<tr><td>") == 4 + len(upcoming)
    assert "1 September 2027" in section  # BUP of J-007's holder, dates spelled out
    assert "<th>tinggi</th><td>6: 0</td><td>8: 2</td><td>9: 4</td>" in section


def test_dossier_without_succession_and_other_horizon(tiny: dict[str, Any]) -> None:
    out = tiny["out"]
    res = run(
        "dossier",
        str(out),
        "--format",
        "xlsx",
        "--tanpa-suksesi",
        "--output",
        str(out / "tanpa.xlsx"),
    )
    assert res.exit_code == 0, res.output
    assert tuple(load_workbook(out / "tanpa.xlsx").sheetnames) == SHEETS
    res = run(
        "dossier",
        str(out),
        "--format",
        "html",
        "--tanpa-suksesi",
        "--output",
        str(out / "tanpa.html"),
    )
    assert res.exit_code == 0, res.output
    assert 'class="suksesi"' not in (out / "tanpa.html").read_text(encoding="utf-8")
    res = run(
        "dossier",
        str(out),
        "--suksesi",
        "--horizon-suksesi",
        "3",
        "--top",
        "1",
        "--output",
        str(out / "h3.xlsx"),
    )
    assert res.exit_code == 0, res.output
    wb = load_workbook(out / "h3.xlsx")
    info = dict(list(wb["Info Suksesi"].iter_rows(values_only=True))[1:])
    assert info["horizon_tahun"] == 3 and info["akhir_horizon"] == "2029-07-01"
    assert {r["peringkat"] for r in _rows(wb, "Suksesi")} == {1}
    assert run("dossier", str(out), "--horizon-suksesi", "0").exit_code == 2
