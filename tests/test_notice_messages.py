"""Messages that are not located issues (the infeasibility diagnosis, the CLI's error summary and
issue list, the solve run's notices) come from the catalogue (placement/domain/messages.py) and
say byte for byte what they said when they were built inline (tests/data/notice_messages.json,
captured before the move)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click
from builders import dataset, person, post, scenario
from click.testing import CliRunner

from placement.config import Batas, Kunci
from placement.domain.errors import Issue, PlacementError, Severity
from placement.domain.nip import make_nip
from placement.plan.infeasibility import Diagnosis, _base
from placement.rules.eligibility import build_pairs

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "notice_messages.json"


def _who(k: int, holds: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
    """A person with a fixed NIP (the builders' NIPs depend on the order tests run in)."""
    return person(holds=holds, nip=make_nip(date(1980, 1, 1), date(2005, 1, 1), "L", k), **kw)


def _post(jid: str, **kw: Any) -> dict[str, Any]:
    return post(jabatan_id=jid, name=f"Kepala {jid}", **kw)


def _cases() -> dict[str, Any]:
    a, w = _post("A"), _post("W", must_fill=True)
    b, j = _post("B", eselon="III.a"), _post("J", eselon="II.b", must_fill=True)
    e = _post("E", eselon="IV.b", must_fill=True)
    people = [
        _who(1, a, talent_box=6),
        _who(2, golongan="III/a"),
        _who(3, talent_box=5),
        _who(4, b, golongan="IV/b"),
    ]
    must_fill = (dataset(people, [a, w, b, j, e]), scenario(wajib_isi_keras=True))
    a1, a2, v1, v2 = (_post(x, opd="Dinas A") for x in ("A1", "A2", "V1", "V2"))
    h1, h2 = _who(11, a1), _who(12, a2)
    caps = (
        dataset([h1, h2, _who(13, talent_box=3)], [a1, a2, v1, v2]),
        scenario(
            kunci=[Kunci(nip=h1["nip"], jabatan_id="V1"), Kunci(nip=h2["nip"], jabatan_id="V2")],
            batas=Batas(perpindahan_per_opd=1, perpindahan_total=1),
        ),
    )
    m1, m2, m3, mv = _post("M1"), _post("M2"), _post("M3"), _post("MV")
    g1, g2, g3, q = _who(21, m1), _who(22, m2), _who(26, m3, talent_box=1), _who(23)
    must_move = (
        dataset([g1, g2, g3, q, _who(24, talent_box=1)], [m1, m2, m3, mv]),
        scenario(
            wajib_pindah=[g1["nip"], _who(25)["nip"], g3["nip"]],
            kunci=[Kunci(nip=q["nip"], jabatan_id="MV"), Kunci(nip=g2["nip"], jabatan_id="M2")],
            larang=[
                Kunci(nip=g1["nip"], jabatan_id="M1"),
                Kunci(nip=q["nip"], jabatan_id="M1"),
            ],
        ),
    )
    return {"wajib_isi": must_fill, "kunci_batas": caps, "wajib_pindah": must_move}


def infeasibility() -> dict[str, Any]:
    """Every element of each case in both languages, and the diagnosis head (minimal or not)."""
    out: dict[str, Any] = {}
    for name, (ds, sc) in _cases().items():
        base = _base(ds, sc, build_pairs(ds, sc))
        out[name] = [[e.kind, e.key, e.message_id, e.message_en] for e in base.elements]
        for minimal in (True, False):
            d = Diagnosis(base.elements[:2], minimal=minimal, tests=3)
            out[f"{name}-{minimal}"] = [d.text("id"), d.text("en")]
    return out


ISSUES = [
    Issue("pegawai.csv", 3, "nip", "NIP_TIDAK_VALID", Severity.ERROR, "salah", "wrong"),
    Issue("jabatan.csv", None, None, "TABEL_TANPA_DATA", Severity.ERROR, "kosong", "empty"),
    Issue("", None, "eselon", "STANDAR_TIDAK_ADA", Severity.WARNING, "peringatan", "warning"),
]


def cli() -> dict[str, Any]:
    """The issue list, a PlacementError, an interrupt, a failed audit of a CLI command."""
    from placement.cli.base import format_issues, user_errors
    from placement.plan.audit import AuditFailedError, AuditFinding, AuditReport

    raised: dict[str, BaseException] = {
        "placement": PlacementError(ISSUES),
        "interrupt": KeyboardInterrupt(),
        "audit": AuditFailedError(AuditReport([AuditFinding.of("WAJIB_ISI_KOSONG", "", "W")])),
    }

    @click.command()
    @click.option("--lang", default="id")
    @click.option("--what")
    @user_errors
    def cmd(lang: str, what: str) -> None:
        raise raised[what]

    out: dict[str, Any] = {}
    for lang in ("id", "en"):
        out[f"issues-{lang}"] = format_issues(ISSUES, lang)
        for what in raised:
            res = CliRunner().invoke(cmd, ["--lang", lang, "--what", what])
            out[f"{what}-{lang}"] = [res.exit_code, res.output]
    return out


def notices(tmp: Path) -> dict[str, Any]:
    """The solve run's notices: leftovers of a stopped run removed, stale outputs removed."""
    from placement.report.outputs import STAGING_PREFIX
    from placement.workflow import run

    out: dict[str, Any] = {}
    for lang in ("id", "en"):
        said: list[str] = []
        folder = tmp / lang
        (folder / "plan_2").mkdir(parents=True)
        (folder / f"{STAGING_PREFIX}x").mkdir()
        run._clear_leftovers(folder, said.append, lang)
        out[f"leftovers-{lang}"] = [s.replace(str(tmp), "TMP") for s in said]
        out[f"stale-{lang}"] = run.stale_notice(folder, [folder / "plan_2"], lang).replace(
            str(tmp), "TMP"
        )
    return out


def lookups() -> dict[str, Any]:
    """A post or person asked for that the data does not have (eligibility report, alternatives
    of a post, successors of posts): the catalogue's JABATAN_TIDAK_ADA / NIP_TIDAK_ADA."""
    from placement.cli.eligibility_cmd import person_report, post_report
    from placement.plan.explain import alternatives
    from placement.succession.readiness import select_posts

    ds, sc = _cases()["wajib_isi"]
    calls = {
        "post": lambda: post_report(ds, sc, "X9", 3, "id"),
        "person": lambda: person_report(ds, sc, "123", 3, "id"),
        "alternatives": lambda: alternatives(ds, None, "X9"),  # type: ignore[arg-type]
        "successors": lambda: select_posts(ds, sc, ["X9", "A", "Y9"]),
    }
    out: dict[str, Any] = {}
    for name, call in calls.items():
        try:
            call()
        except PlacementError as exc:
            out[name] = [
                [i.file, i.row, i.column, i.code, str(i.severity), i.message_id, i.message_en]
                for i in exc.issues
            ]
    return out


SCENARIO_FILES: dict[str, bytes] = {
    "not_utf8": b"tanggal_rencana: 2026-01-01\nnama: \xff\xfe\n",
    "not_mapping": b"- satu\n- dua\n",
    "bad_yaml": b"tanggal_rencana: [2026\nbobot: {\n",
    "alias_bomb": b"a: &a [1, 2]\n" + b"".join(b"k%d: *a\n" % i for i in range(120)),
    "deep": b"x: " + b"[" * 120 + b"]" * 120 + b"\n",
}


def scenario_files(tmp: Path) -> dict[str, Any]:
    """The errors of scenario files that cannot be read as a scenario (missing, a folder, too
    large, not UTF-8, not a mapping, bad YAML, beyond the YAML budgets)."""
    from placement.config import MAX_YAML_BYTES, load_scenario

    paths = {name: tmp / f"{name}.yaml" for name in SCENARIO_FILES}
    for name, data in SCENARIO_FILES.items():
        paths[name].write_bytes(data)
    paths["missing"] = tmp / "tidak-ada.yaml"
    paths["folder"] = tmp
    paths["too_large"] = tmp / "besar.yaml"
    paths["too_large"].write_bytes(b"#" * (MAX_YAML_BYTES + 1))
    out: dict[str, Any] = {}
    for name, path in paths.items():
        try:
            load_scenario(path)
        except PlacementError as exc:
            out[name] = [
                [i.file.replace(str(tmp), "TMP"), i.row, i.column, i.code, str(i.severity)]
                + [m.replace(str(tmp), "TMP") for m in (i.message_id, i.message_en)]
                for i in exc.issues
            ]
    return out


def test_scenario_file_errors_are_those_said_before_the_catalogue(tmp_path: Path) -> None:
    assert scenario_files(tmp_path) == json.loads(GOLDEN.read_text("utf-8"))["scenario_files"]


VARIANTS = """nama: uji
tanggal_rencana: 2026-01-01
varian:
  dasar: {}
  ganda: {varian: {}}
  "": {}
  "a/b": {}
  "CON": {}
  "x y": {}
  "x_y": {}
  PANJANG: {}
  rusak: {batas: {perpindahan_total: -1}, bobot: {tidak_ada: 1}, tanggal_rencana: "besok"}
"""


def scenario_keys(tmp: Path) -> dict[str, Any]:
    """Bad keys and values of a scenario, bad variant names (the file, then a variant folder)."""
    from placement.config import parse_scenario, scenario_variants
    from placement.workflow.variants import variant_dir

    def said(call: Any) -> list[list[object]]:
        try:
            call()
        except PlacementError as exc:
            return [
                [i.file.replace(str(tmp), "TMP"), i.row, i.column, i.code, str(i.severity)]
                + [m.replace(str(tmp), "TMP") for m in (i.message_id, i.message_en)]
                for i in exc.issues
            ]
        return []

    path = tmp / "varian.yaml"
    path.write_text(VARIANTS.replace("PANJANG", "p" * 81), "utf-8")
    bad = {"tanggal_rencana": "kemarin", "batas": {"perpindahan_total": "dua"}, "x": [1] * 9}
    return {
        "keys": said(lambda: parse_scenario(bad, "s.yaml", "varian.v.")),
        "variants": said(lambda: scenario_variants(path)),
        "folder": said(lambda: variant_dir(tmp, "../luar")),
        "outside": said(lambda: (tmp / "keluar").symlink_to("/") or variant_dir(tmp, "keluar")),
    }


def test_scenario_key_errors_are_those_said_before_the_catalogue(tmp_path: Path) -> None:
    assert scenario_keys(tmp_path) == json.loads(GOLDEN.read_text("utf-8"))["scenario_keys"]


def plan_folders(tmp: Path) -> dict[str, Any]:
    """Errors about output and plan folders: foreign files in plan_N, a failed write, no data
    folder, an unreadable lock file or one without its columns, a missing hasil.json, an
    incomplete plan folder."""
    import errno

    from placement.io.plan_files import read_record
    from placement.plan.compare import read_plan_dir
    from placement.report.outputs import stale_outputs, write_error
    from placement.workflow.inputs import load_inputs, locks_from_plan

    (tmp / "plan_2").mkdir()
    (tmp / "plan_2" / "catatan.txt").write_text("x", "utf-8")
    (tmp / "kunci.csv").write_text("nama\nA\n", "utf-8")

    def said(call: Any) -> list[list[object]]:
        try:
            raise call()
        except PlacementError as exc:
            return [
                [i.file.replace(str(tmp), "TMP"), i.row, i.column, i.code, str(i.severity)]
                + [m.replace(str(tmp), "TMP") for m in (i.message_id, i.message_en)]
                for i in exc.issues
            ]
        except TypeError:  # nothing raised
            return []

    full = OSError(errno.ENOSPC, "No space left on device")
    return {
        "foreign": said(lambda: stale_outputs(tmp)),
        "no_space": said(lambda: write_error(tmp, full)),
        "denied": said(lambda: write_error(tmp, PermissionError(13, "Permission denied"))),
        "no_data": said(lambda: load_inputs(None, None)),
        "locks_missing": said(lambda: locks_from_plan(tmp / "tidak-ada.csv")),
        "locks_columns": said(lambda: locks_from_plan(tmp / "kunci.csv")),
        "no_record": said(lambda: read_record(tmp)),
        "not_a_plan": said(lambda: read_plan_dir(tmp)),
    }


def test_plan_folder_errors_are_those_said_before_the_catalogue(tmp_path: Path) -> None:
    assert plan_folders(tmp_path) == json.loads(GOLDEN.read_text("utf-8"))["plan_folders"]


def scoring_warnings() -> list[list[object]]:
    """The scoring's warnings: default standards, people without scores, weights that do not sum
    to 1, priorities without a value, derived technical posts, a low field penalty."""
    a = _post("A", opd="Dinas Pekerjaan Umum dan Penataan Ruang", priority=3)
    a["name"] = "Kepala Bidang Bina Marga"
    w = _post("W", opd="Dinas Pekerjaan Umum dan Penataan Ruang", priority=1)
    w["name"] = "Kepala Seksi Jalan dan Jembatan"
    people = [_who(31, a), _who(32), _who(33, talent_box=7)]
    ds = dataset(people, [a, w], komp={1: {}, 2: {}})
    bobot = {"jpm": 0.5, "kotak_talenta": 0.3, "pendidikan": 0.1, "penalti_rumpun": 0.2}
    sc = scenario(bobot={**bobot, "nilai_jabatan_terisi": {1: 1.0}})
    warned = build_pairs(ds, sc).warnings
    return [
        [i.file, i.row, i.column, i.code, str(i.severity), i.message_id, i.message_en]
        for i in warned
    ]


def test_scoring_warnings_are_those_said_before_the_catalogue() -> None:
    assert scoring_warnings() == json.loads(GOLDEN.read_text("utf-8"))["scoring_warnings"]


SOTK_FILES = {
    "empty": "",
    "columns": "jabatan_id,tanggal\nA,2027-01-01\n",
    "rows": "jabatan_id,perubahan,tanggal\n,dibentuk,2027-01-01\nB1,diubah,2027-01-01\n"
    "B2,dibentuk,kemarin\nX9,dihapus,2027-01-01\nB3,dibentuk,2027-01-01\n"
    "B3,dibentuk,2027-02-01\n",
    "exists": "jabatan_id,perubahan,tanggal\nA,dibentuk,2027-01-01\n",
}


def sotk_files(tmp: Path) -> dict[str, Any]:
    """The errors and warnings of SOTK change files (missing, unreadable, empty, without its
    columns, bad rows, a created post that exists)."""
    from placement.succession.future import read_sotk

    ds, _ = _cases()["wajib_isi"]
    paths = {"missing": tmp / "tidak-ada.csv", "folder": tmp}
    for name, body in SOTK_FILES.items():
        paths[name] = tmp / f"{name}.csv"
        paths[name].write_text(body, "utf-8")

    def rows(issues: list[Issue]) -> list[list[object]]:
        return [
            [i.file.replace(str(tmp), "TMP"), i.row, i.column, i.code, str(i.severity)]
            + [m.replace(str(tmp), "TMP") for m in (i.message_id, i.message_en)]
            for i in issues
        ]

    out: dict[str, Any] = {}
    for name, path in paths.items():
        try:
            out[name] = rows(read_sotk(path, ds)[1])
        except PlacementError as exc:
            out[name] = rows(exc.issues)
    return out


def test_sotk_file_messages_are_those_said_before_the_catalogue(tmp_path: Path) -> None:
    assert sotk_files(tmp_path) == json.loads(GOLDEN.read_text("utf-8"))["sotk_files"]


def test_unknown_post_or_person_is_said_as_before_the_catalogue() -> None:
    assert lookups() == json.loads(GOLDEN.read_text("utf-8"))["lookups"]


def test_infeasibility_texts_are_those_said_before_the_catalogue() -> None:
    assert infeasibility() == json.loads(GOLDEN.read_text("utf-8"))["infeasibility"]


def test_cli_errors_are_those_said_before_the_catalogue() -> None:
    assert cli() == json.loads(GOLDEN.read_text("utf-8"))["cli"]


def test_run_notices_are_those_said_before_the_catalogue(tmp_path: Path) -> None:
    assert notices(tmp_path) == json.loads(GOLDEN.read_text("utf-8"))["notices"]


if __name__ == "__main__":  # capture: PYTHONPATH=.:tests python tests/test_notice_messages.py > …
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "folders").mkdir()
        (Path(d) / "sotk").mkdir()
        captured = {
            "infeasibility": infeasibility(),
            "cli": cli(),
            "notices": notices(Path(d)),
            "lookups": lookups(),
            "scenario_files": scenario_files(Path(d)),
            "scenario_keys": scenario_keys(Path(d)),
            "plan_folders": plan_folders(Path(d) / "folders"),
            "scoring_warnings": scoring_warnings(),
            "sotk_files": sotk_files(Path(d) / "sotk"),
        }
    json.dump(captured, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
