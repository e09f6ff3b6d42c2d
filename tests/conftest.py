"""Shared test set-up: hypothesis profiles (``ci`` default, ``nightly`` via HYPOTHESIS_PROFILE)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "nightly", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# CLI runs record themselves in a run store (placement runs); keep the tests' runs out of the repo.
os.environ.setdefault(
    "PLACEMENT_STORE", str(Path(tempfile.mkdtemp(prefix="placement-test-")) / "runs.sqlite")
)
