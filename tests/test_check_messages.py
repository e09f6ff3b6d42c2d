"""The explanations of the rule checks (actual value, threshold and the message in both
languages) say byte for byte what they said when rules/eligibility.py translated the Indonesian
display values with a substring table (tests/data/check_messages.json, captured before the
display values moved to the catalogue, placement/domain/messages.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from builders import dataset, person, post, scenario

from placement.rules.eligibility import assess_post, check_pairs

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "check_messages.json"

SCENARIOS: dict[str, dict[str, Any]] = {
    "default": {"aturan": {"RUMPUN_SESUAI": {"aktif": True}}},
    "strict": {
        "aturan": {
            "RUMPUN_SESUAI": {"aktif": True},
            "USIA_JPT": {"sampai_tahun_penuh": False},
            "JOB_FIT_JPT": {"tanpa_hasil_tolak": True},
            "SKP_PROMOSI": {"jumlah_tahun": 1},
            "GOL_MIN_ESELON": {"satu_tingkat_di_bawah": True},
        }
    },
}


def _data() -> Any:
    """People and posts that reach every display branch of every check (missing values, sanctions
    with and without an end date, job-fit results, JPT posts, PPPK, CPNS, a functional)."""
    a = post(jabatan_id="A", eselon="IV.a", opd="Dinas A")
    b = post(jabatan_id="B", eselon="III.a", opd="Dinas B", min_education="S2")
    c = post(jabatan_id="C", eselon="II.b", opd="Dinas C", rumpun="keuangan")
    d = post(jabatan_id="D", eselon="II.b", opd="Setda")
    m = post(jabatan_id="M", eselon="II.a", opd="Setda")
    v = post(jabatan_id="V", eselon="IV.b", opd="Dinas B", min_golongan="III/b")
    people = [
        person(holds=a, golongan="III/d"),
        person(
            holds=b,
            golongan="IV/a",
            tmt_jabatan=None,
            talent_box=None,
            skp_1=None,
            discipline="sedang",
            discipline_until=date(2026, 6, 30),
        ),
        person(
            holds=c,
            golongan="IV/c",
            birth_date=date(1968, 3, 1),
            job_fit="kurang optimal",
            discipline="berat",
            major="Akuntansi",
        ),
        person(holds=d, golongan="IV/d", birth_date=date(1967, 12, 1), job_fit=None),
        person(jenis_jabatan="FUNGSIONAL", jenjang="ahli muda", golongan="III/d", tmt_jenjang=None),
        person(status="PPPK", golongan="IX", education=None, major=None),
        person(
            status="CPNS",
            golongan="III/a",
            skp_2="kurang",
            birth_date=date(1999, 5, 5),
            tmt_cpns=date(2024, 3, 1),
        ),
        person(golongan="II/c", education="SMA", tmt_jabatan=date(2025, 6, 1)),
    ]
    return dataset(people, [a, b, c, d, m, v], komp={7: {}})


def messages(name: str) -> dict[str, list[list[object]]]:
    """The distinct checks (rule, actual, threshold, both messages) of every person on every post
    (check_pairs), and the refused rows of post C in order (assess_post)."""
    ds = _data()
    sc = scenario(**SCENARIOS[name])
    nips = [str(n) for n in ds.pegawai["nip"]]
    jids = [str(j) for j in ds.jabatan["jabatan_id"]]
    pairs = [(n, j) for n in nips for j in jids]
    decisions = check_pairs(ds, sc, [n for n, _ in pairs], [j for _, j in pairs])
    checks = {
        (c.rule_id, c.actual, c.threshold, c.message_id, c.message_en)
        for decision in decisions
        for c in decision.checks
    }
    refused = assess_post(ds, sc, jids.index("C")).refused
    rows = refused[["rule_id", "actual", "threshold", "message_id", "message_en"]]
    return {"checks": sorted(map(list, checks)), "refused": rows.to_numpy().tolist()}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_check_messages_are_those_said_before_the_catalogue(name: str) -> None:
    expected = json.loads(GOLDEN.read_text("utf-8"))[name]
    assert json.loads(json.dumps(messages(name), ensure_ascii=False)) == expected


if __name__ == "__main__":  # capture: PYTHONPATH=.:tests python tests/test_check_messages.py > ...
    import sys

    out = {name: messages(name) for name in sorted(SCENARIOS)}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=0)
    sys.stdout.write("\n")
