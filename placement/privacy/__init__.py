"""Pseudonymisation for sharing data (UU 27/2022 PDP): ``placement pseudonymize`` and
``placement depseudonymize``. See docs/privacy.md."""

from placement.privacy.depseudonym import depseudonymize_plan
from placement.privacy.keyfile import KeyFile, default_key_path, load_key, save_key
from placement.privacy.pseudonym import (
    Pseudonyms,
    assign_pseudonyms,
    pseudonymize_dataset,
    pseudonymize_path,
)

__all__ = [
    "KeyFile",
    "Pseudonyms",
    "assign_pseudonyms",
    "default_key_path",
    "depseudonymize_plan",
    "load_key",
    "pseudonymize_dataset",
    "pseudonymize_path",
    "save_key",
]
