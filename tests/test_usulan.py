"""The usulan package (PDF and Word) on a two-OPD subset of kabupaten with rotasi, mutasi, a JPT
shortlist and a Pj kepala daerah: sections, the Daftar usulan rows equal to the plan's, page
numbers and the kop on every page, read back from the PDF (pypdf, pages rendered with pdftoppm)
and from the .docx (python-docx).

``PLACEMENT_USULAN_PAGES=docs/usulan pytest tests/test_usulan.py`` keeps the four page images
of docs/usulan (ringkasan, daftar usulan, nota pertimbangan, one justification page).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from placement.config import Fakta, Instansi, Pejabat, Skenario, TimPenilai
from placement.domain import format_id as fmt
from placement.domain.grades import PANGKAT

OPD = ("Dinas Kesehatan", "Sekretariat Daerah")
KOP = ["PEMERINTAH KABUPATEN UJI", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"]
SECTIONS_PRINTED = (
    "RINGKASAN UNTUK PIMPINAN",
    "DAFTAR USULAN",
    "NOTA PERTIMBANGAN TIM PENILAI",
    "RANCANGAN KEPUTUSAN (SK)",
    "LAMPIRAN KEPUTUSAN",
    "SURAT PENGANTAR",
    "LAMPIRAN JUSTIFIKASI",
    "RANTAI KEKOSONGAN JABATAN",
    "DAFTAR PENDEK JPT (SELEKSI TERBUKA)",
    "PROVENANS",
)
FORBIDDEN = (
    *("perpindahan_non-job", "backend", "objektif:"),  # internal keys
    *("->", " nan", "None", "'-"),  # ASCII arrows, empty values
    *("docs/", " = parameter", "kosong = "),  # the rule pack's notes for its own reader
)
PAGES = os.environ.get("PLACEMENT_USULAN_PAGES")  # e.g. docs/usulan: keep the page images


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="session")
def package(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Dinas Kesehatan and Sekretariat Daerah of the kabupaten structure, people generated for
    them, solved once with a Pj kepala daerah; the package written as pdf, docx and xlsx."""
    from placement.api import solve
    from placement.report.dossier import write_package
    from placement.synth.generator import generate_for_structure
    from placement.synth.presets import get_preset
    from placement.synth.structure import jabatan_frame, preset_rows

    preset = get_preset("kabupaten")
    rng = np.random.default_rng(0).spawn(2)[0]
    jab = jabatan_frame(preset_rows(preset, rng), rng)
    ds = generate_for_structure(jab[jab["opd"].isin(OPD)], 0)
    team = TimPenilai(
        ketua=Pejabat(nama="Drs. Ketua Uji", jabatan="Sekretaris Daerah", nip="1"),
        sekretaris=Pejabat(nama="Sekretaris Uji"),
        anggota=[Pejabat(nama="Anggota Satu"), Pejabat(nama="Anggota Dua")],
    )
    inst = Instansi(
        nama="Pemerintah Kabupaten Uji", ppk="Bupati Uji", kop=KOP, tempat="Ujiraya", tim=team
    )
    sc = Skenario(
        nama="dua-opd",
        tanggal_rencana=preset.tanggal_rencana,
        fakta=Fakta(pj_kepala_daerah=True, instansi=inst),
    )
    result = solve(ds, sc)
    kinds = set(result.plan["jenis_perpindahan"])
    assert {"rotasi", "mutasi", "promosi"} <= kinds and len(result.shortlist)
    root = tmp_path_factory.mktemp("usulan")
    paths = write_package(ds, result, {f: root / f"dosir.{f}" for f in ("pdf", "docx", "xlsx")})
    return {"ds": ds, "result": result, "paths": paths, "root": root}


def expected_rows(ds: Any, plan: pd.DataFrame) -> list[list[str]]:
    """The plan's moves as Daftar usulan cells (Nama … Jenis perpindahan), from the plan and the
    data alone: old post in words, pangkat spelled out, eselon with its jenis jabatan."""
    peg = ds.pegawai.set_index("nip")
    jab = ds.jabatan.set_index("jabatan_id")
    rows = []
    for r in plan[plan["jenis_perpindahan"] != "tetap"].itertuples(index=False):
        p = peg.loc[r.nip]
        old = (
            r.jabatan_asal
            if isinstance(r.jabatan_asal, str)
            else fmt.current_post(p["post_name"], p["jenis_jabatan"], p["jenjang"], None)
        )
        gol = str(p["golongan"])
        rows.append(
            [
                r.nama,
                r.nip,
                f"{PANGKAT[gol]}, {gol}",
                old,
                r.opd_asal if isinstance(r.opd_asal, str) else p["unit"],
                r.jabatan_tujuan,
                r.opd_tujuan,
                f"Eselon {jab.at[r.jabatan_tujuan_id, 'eselon']}",
                fmt.move_type(r.jenis_perpindahan),
            ]
        )
    return rows


def in_order(page: str, cells: list[str]) -> bool:
    """Every cell's text appears on the page, in column order (whitespace normalised)."""
    at = 0
    for cell in cells:
        found = page.find(_norm(cell), at)
        if found < 0:
            return False
        at = found + len(_norm(cell))
    return True


@pytest.fixture(scope="session")
def pdf_pages(package: dict[str, Any]) -> list[str]:
    from pypdf import PdfReader

    return [_norm(p.extract_text() or "") for p in PdfReader(str(package["paths"]["pdf"])).pages]


def test_pdf_sections_toc_page_numbers_and_kop(
    package: dict[str, Any], pdf_pages: list[str]
) -> None:
    n = len(pdf_pages)
    for i, page in enumerate(pdf_pages, start=1):
        assert f"Halaman {i} dari {n}" in page and KOP[0] in page, i
    text = " ".join(pdf_pages)
    starts = {s: next(i for i, p in enumerate(pdf_pages, 1) if s in p) for s in SECTIONS_PRINTED}
    assert list(starts.values()) == sorted(starts.values())  # in document order
    toc = pdf_pages[0]
    assert "Daftar isi" in toc and "Ringkasan untuk pimpinan 2" in toc
    assert f"Lampiran justifikasi {starts['LAMPIRAN JUSTIFIKASI']}" in toc
    for key in FORBIDDEN:
        assert key not in text, key
    # dates and decimals in Indonesian: no ISO dates, no "9.7 th"
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text) and not re.search(r"\d\.\d+ th", text)
    assert re.search(r"\(TMT \d{1,2} [A-Z][a-z]+ \d{4} \(\d+,\d th\)", text)
    assert "→" in text and "Menteri Dalam Negeri" in text and "Pj kepala daerah" in text
    ring = pdf_pages[starts["RINGKASAN UNTUK PIMPINAN"] - 1]
    assert re.search(r"Diusulkan \d+ perpindahan: \d+ promosi, \d+ rotasi, \d+ mutasi", ring)
    assert "Perpindahan per OPD" in ring and "Kotak talenta pegawai yang dipromosikan" in ring
    nota = pdf_pages[starts["NOTA PERTIMBANGAN TIM PENILAI"] - 1]
    assert "Drs. Ketua Uji" in text and "Anggota Dua" in text and "Ujiraya" in nota
    team = ("Drs. Ketua Uji", "Sekretaris Uji", "Anggota Satu", "Anggota Dua")
    assert any(all(n in p for n in team) for p in pdf_pages)  # signature blocks on one page
    sk = pdf_pages[starts["RANCANGAN KEPUTUSAN (SK)"] - 1]
    assert "KEPUTUSAN BUPATI UJI" in sk and "Menimbang" in sk and "Mengingat" in sk
    assert "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil" in sk


def test_pdf_daftar_rows_equal_the_plan(package: dict[str, Any], pdf_pages: list[str]) -> None:
    result, ds = package["result"], package["ds"]
    want = expected_rows(ds, result.plan)
    assert len(want) >= 10
    first = next(i for i, p in enumerate(pdf_pages) if "DAFTAR USULAN" in p)
    last = next(i for i, p in enumerate(pdf_pages) if "NOTA PERTIMBANGAN TIM PENILAI" in p)
    daftar = pdf_pages[first:last]
    for page in daftar[1:]:
        assert page.count("Pangkat/Gol. Ruang") == 1  # header row repeated on each page
    for row in want:
        assert any(in_order(p, row) for p in daftar), row
    assert not any(re.search(r"(?<![(\w])J-\d{3}\b", p) for p in daftar)  # no bare post ids
    sk_pages = [p for p in pdf_pages if "LAMPIRAN KEPUTUSAN BUPATI UJI" in p]
    assert sk_pages and all(any(in_order(p, r) for p in pdf_pages) for r in want)
    # every move has its justification block, naming each rule's legal basis
    just = " ".join(p for p in pdf_pages if "memenuhi:" in p)
    for r in want:
        assert f"— NIP {r[1]}" in just


def test_pdf_pages_render(package: dict[str, Any], pdf_pages: list[str], tmp_path: Path) -> None:
    """pdftoppm renders the pages (the fonts are embedded); with PLACEMENT_USULAN_PAGES the
    ringkasan, daftar usulan, nota pertimbangan and one justification page are kept."""
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is needed; .ci/run installs it"
    wanted = {
        "ringkasan": "RINGKASAN UNTUK PIMPINAN",
        "daftar-usulan": "DAFTAR USULAN",
        "nota-pertimbangan": "NOTA PERTIMBANGAN TIM PENILAI",
        "justifikasi": "memenuhi:",
    }
    pages = {k: next(i for i, p in enumerate(pdf_pages, 1) if s in p) for k, s in wanted.items()}
    chosen = pages if PAGES else {k: pages[k] for k in ("ringkasan", "daftar-usulan")}
    out = Path(PAGES) if PAGES else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    for name, number in chosen.items():
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-singlefile",
                "-f",
                str(number),
                "-l",
                str(number),
                str(package["paths"]["pdf"]),
                str(out / name),
            ],
            check=True,
        )
        png = out / f"{name}.png"
        assert png.read_bytes()[:4] == b"\x89PNG" and png.stat().st_size > 20_000, name


def test_docx_sections_rows_kop_and_page_fields(package: dict[str, Any]) -> None:
    from docx import Document

    doc = Document(str(package["paths"]["docx"]))
    assert KOP[0] in doc.sections[0].header.paragraphs[0].text
    footer = doc.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading 1")]
    for s in SECTIONS_PRINTED:
        assert any(h.upper().startswith(s) for h in headings), s
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "{{" not in text and "{%" not in text and "Drs. Ketua Uji" in doc._element.xml
    want = expected_rows(package["ds"], package["result"].plan)
    daftar = doc.tables[0]
    rows = [[c.text for c in row.cells] for row in daftar.rows[1:]]
    by_nip = {r[2]: r for r in rows if len(set(r)) > 1}  # the merged group rows left out
    assert len(by_nip) == len(want)
    for w in want:
        got = by_nip[w[1]]
        assert got[1:8] == w[:7] and got[8].startswith(w[7]) and got[9] == w[8], got
    assert daftar.rows[0]._tr.trPr.xml.count("tblHeader") == 1


def test_xlsx_lampiran_sk_has_no_dash_literal(package: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(package["paths"]["xlsx"])["Lampiran SK"]
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row]
    assert values and "'-" not in values and "-" not in values
