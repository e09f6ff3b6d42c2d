"""Running out of memory is a clear Indonesian message (the size reached, how to narrow lingkup),
exit 1, no traceback, nothing written (issue 22 item 1). Memory errors are forced, not real."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from placement.cli import main
from placement.config import Skenario
from placement.io.writers import write_dataset
from placement.rules.eligibility import count_eligible
from placement.synth import generate


def _array_memory_error(*_args: Any, **_kwargs: Any) -> None:
    """What numpy raises when a column of 265,811,729 float64 cannot be allocated."""
    try:
        from numpy.core._exceptions import _ArrayMemoryError

        raise _ArrayMemoryError((265_811_729,), np.dtype(np.float64))
    except ImportError:  # numpy without the private class: the base class is what counts
        raise MemoryError from None


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("oom") / "data"
    write_dataset(generate("tiny", 0), folder)
    return folder


def _solve(data: Path, out: Path) -> Any:
    args = ["solve", str(data), "--out", str(out), "--date", "2026-07-01", "--no-store"]
    return CliRunner().invoke(main, args, catch_exceptions=False)


def _refused_cleanly(result: Any, out: Path) -> str:
    text: str = result.output
    assert result.exit_code == 1, text
    assert "Traceback" not in text
    assert not out.exists() or not any(out.iterdir())
    return text


def test_eligibility_out_of_memory_names_the_size_and_lingkup(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("placement.rules.eligibility._pairs_frame", _array_memory_error)
    text = _refused_cleanly(_solve(data, tmp_path / "out"), tmp_path / "out")
    assert "MEMORI_TIDAK_CUKUP" in text
    assert "Memori komputer tidak cukup saat menyusun pasangan yang memenuhi syarat" in text
    assert "jabatan dalam lingkup" in text and "pasangan yang memenuhi syarat)" in text
    assert "lingkup.opd" in text and "lingkup.jenis_jabatan" in text


def test_model_out_of_memory_names_the_stage_and_the_pairs(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("placement.workflow.engine.build_problem", _array_memory_error)
    text = _refused_cleanly(_solve(data, tmp_path / "out"), tmp_path / "out")
    assert "saat menyusun model (" in text and "pasangan yang memenuhi syarat" in text


def test_staged_out_of_memory_after_the_pass_names_the_solver_and_the_eligible_pairs(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pool priced in stages has no pair table: running out while solving (the nasional pool
    under 8 GiB does, building its kept model) names the solver stage and the eligible pairs."""
    monkeypatch.setattr("placement.workflow.pricing.STAGED_CROSS", 1)
    monkeypatch.setattr("placement.workflow.pricing.solve_problem", _array_memory_error)
    text = _refused_cleanly(_solve(data, tmp_path / "out"), tmp_path / "out")
    eligible = count_eligible(generate("tiny", 0), Skenario(tanggal_rencana=date(2026, 7, 1)))
    assert "saat menyelesaikan model (" in text
    assert f"{eligible:,} pasangan yang memenuhi syarat".replace(",", ".") in text


def test_out_of_memory_elsewhere_is_the_general_message(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("placement.cli.solve_cmd.load_inputs", _array_memory_error)
    text = _refused_cleanly(_solve(data, tmp_path / "out"), tmp_path / "out")
    assert "memori komputer tidak cukup untuk data sebesar ini" in text
    assert "lingkup.opd" in text
