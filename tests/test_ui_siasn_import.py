"""The web page's SIASN import without a browser: uploads kept under the server's names, the
import run with the planner's link decisions and label mappings (as ``--tautan`` and
``--label-map``), and the checked data folder once no error remains."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from siasn_export import fill_post_names, make_ambiguous, write_export

from placement.domain.errors import PlacementError, has_errors
from placement.synth import generate
from placement.ui.siasn_import import NO_POST, run_import, stored_name, suggestions
from placement.ui.workspace import upload_problem

DAY = date(2026, 7, 1)


def inputs(folder: Path) -> tuple[Path, str]:
    """The tiny export (siasn + peta jabatan, stored as the page stores them) with one
    ambiguous link; returns the folder and that holder's NIP."""
    files = write_export(fill_post_names(generate("tiny", 0)), folder / "asli")
    nip = make_ambiguous(files["siasn"])
    stored = folder / "berkas"
    stored.mkdir()
    for role in ("siasn", "jabatan"):
        (stored / stored_name(role, files[role].name)).write_bytes(files[role].read_bytes())
    return stored, nip


def test_an_ambiguous_link_is_settled_by_the_planners_choice(tmp_path: Path) -> None:
    stored, nip = inputs(tmp_path)
    first = run_import(stored, tmp_path / "data", DAY, {}, {})
    assert not first.ok and first.check is None and not (tmp_path / "data" / "pegawai.csv").exists()
    (row,) = first.pending
    assert row["nip"] == nip and row["masalah"] == "TAUTAN_AMBIGU"
    assert list(suggestions(row))[:2] == ["J-006", "J-007"]
    assert first.methods["tidak_tertaut"] == 1
    assert not has_errors(first.issues)  # the link error is shown in the form, not the table
    settled = run_import(stored, tmp_path / "data", DAY, {nip: "J-006"}, {})
    assert settled.ok and settled.pending == [] and settled.methods["planner"] == 1
    assert settled.check is not None and settled.check.ok and settled.check.people == 30
    held = pd.read_csv(tmp_path / "data" / "pegawai.csv", dtype=str).set_index("nip")
    assert held.at[nip, "jabatan_id"] == "J-006"


def test_holds_no_post_and_an_unknown_label_mapped_in_the_page(tmp_path: Path) -> None:
    stored, nip = inputs(tmp_path)
    siasn = pd.read_csv(stored / "siasn.csv", dtype=str, keep_default_na=False)
    siasn.loc[0, "TINGKAT PENDIDIKAN NAMA"] = "Strata Satu Terapan"
    siasn.to_csv(stored / "siasn.csv", index=False)
    odd = run_import(stored, tmp_path / "data", DAY, {nip: NO_POST}, {})
    ((kolom, label, choices),) = odd.unknown
    assert (kolom, label) == ("pendidikan", "Strata Satu Terapan") and "S1" in choices
    assert not odd.ok and odd.pending == []
    mapped = run_import(stored, tmp_path / "data", DAY, {nip: NO_POST}, {(kolom, label): "S1"})
    assert mapped.unknown == [] and mapped.check is not None


def test_the_import_needs_the_export_and_the_peta_jabatan(tmp_path: Path) -> None:
    with pytest.raises(PlacementError) as err:
        run_import(tmp_path, tmp_path / "data", DAY, {}, {})
    assert err.value.issues[0].code == "IMPOR_BERKAS_KURANG"


def test_uploads_are_stored_under_the_servers_names() -> None:
    assert stored_name("siasn", "../../etc/ekspor.CSV") == "siasn.csv"
    assert stored_name("jabatan", "peta jabatan 2026.xlsx") == "jabatan.xlsx"
    with pytest.raises(PlacementError):
        stored_name("../x", "a.csv")
    assert upload_problem("Ekspor ASN 2026.csv", b"NIP BARU\n'1\n", any_csv=True) is None
    assert upload_problem("Ekspor ASN 2026.csv", b"NIP BARU\n") is not None
    assert "bukan file teks" in str(upload_problem("a.csv", b"\x00\x01", any_csv=True))
    assert "hanya data.xlsx" in str(upload_problem("a.py", b"x", any_csv=True))
