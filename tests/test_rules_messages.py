"""The rule packs' and scenario rule overrides' messages come from the catalogue
(placement/domain/messages.py) and say byte for byte what they said when registry.py built them
inline (tests/data/rules_messages.json, captured before the move)."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest

from placement.config import Skenario
from placement.domain.errors import PlacementError
from placement.rules.registry import load_pack, relaxations, rule_set

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "rules_messages.json"
BAD_PACK = """paket: rusak
aturan:
  - id: DEMOSI
  - {id: X}
persetujuan:
  - {id: A}
  - {id: A}
"""
OVERRIDES: dict[str, dict[str, Any]] = {
    "unknown_rule": {"TIDAK_ADA": {"aktif": False}, "DEMOSI": 3},
    "bad_values": {
        "DEMOSI": {"ambang": 3, "aktif": "ya"},
        "BUP_DEKAT": {"jendela_bulan": "dua belas"},
        "KOTAK_TALENTA_MIN": {"kotak_min": {"naik": 3}},
        "GOL_MIN_ESELON": {"golongan_min": {"IV.a": "III/z"}},
        "PENDIDIKAN_MIN": {"pendidikan_min": {"PENGAWAS": "SMK"}},
        "SKP_PROMOSI": {"berlaku_untuk": ["promosi", "tetap"]},
        "USIA_JPT": {"usia_maks": "tua"},
    },
    "changes": {
        "DEMOSI": {"aktif": False},
        "RUMPUN_SESUAI": {"aktif": True},
        "KOTAK_TALENTA_MIN": {"kotak_min": {"rotasi": 4}},
        "GOL_MIN_ESELON": {"golongan_min": {"IV.b": "III/c"}},
        "USIA_JPT": {"usia_maks": 58},
        "HUKDIS_PROMOSI": {"tingkat": ["berat"]},
    },
}


def _issues(exc: PlacementError, tmp: Path) -> list[list[object]]:
    def bare(text: str) -> str:
        return text.replace(str(tmp), "TMP").replace(str(ROOT), "ROOT")

    return [
        [
            bare(i.file),
            i.row,
            i.column,
            i.code,
            str(i.severity),
            bare(i.message_id),
            bare(i.message_en),
        ]
        for i in exc.issues
    ]


def messages(tmp: Path, name: str) -> list[list[object]]:
    """The messages of one bad pack, bad override or set of changes."""
    try:
        if name == "missing_pack":
            rule_set(Skenario(paket_aturan="tidak-ada"))
        elif name == "bad_pack":
            (tmp / "rusak.yaml").write_text(BAD_PACK, "utf-8")
            load_pack(str(tmp / "rusak.yaml"))
        elif name == "changes":
            sc = Skenario.model_validate(
                {"aturan": OVERRIDES[name], "penempatan_jpt_langsung": True}
            )
            return [[r["rule_id"], r["message_id"], r["message_en"]] for r in relaxations(sc)]
        else:  # model_construct: a non-mapping override reaches the registry's own check
            rule_set(Skenario.model_construct(aturan=OVERRIDES[name]))
    except PlacementError as exc:
        return _issues(exc, tmp)
    raise AssertionError(name)


CASES = ["missing_pack", "bad_pack", *OVERRIDES]


@pytest.mark.parametrize("name", CASES)
def test_rule_messages_are_those_said_before_the_catalogue(tmp_path: Path, name: str) -> None:
    expected = json.loads(GOLDEN.read_text("utf-8"))[name]
    assert messages(tmp_path, name) == expected


def test_registry_builds_no_message_inline() -> None:
    """No ``error(...)``, ``PlacementError.single(...)`` or ``message_id`` f-string in
    rules/registry.py: the catalogue builds its messages."""
    tree = ast.parse((ROOT / "placement" / "rules" / "registry.py").read_text("utf-8"))
    inline = [
        node.lineno
        for node in ast.walk(tree)
        if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "error")
        or (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "single")
        or (
            isinstance(node, ast.Dict)
            and any(
                isinstance(k, ast.Constant)
                and k.value == "message_id"
                and isinstance(v, ast.JoinedStr)
                for k, v in zip(node.keys, node.values, strict=True)
            )
        )
    ]
    assert inline == []


if __name__ == "__main__":  # capture: python tests/test_rules_messages.py > tests/data/...
    import sys
    import tempfile

    out = {}
    for case in CASES:
        with tempfile.TemporaryDirectory() as d:
            out[case] = messages(Path(d), case)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
