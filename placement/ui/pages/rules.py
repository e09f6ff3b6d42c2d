"""Aturan & Skenario: the rule pack of the scenario (id, legal basis, parameters) and the scenario
editor (plan date, name, rule parameters, weights, caps, tiers, locks, keep, forbid, must-move).
Every edit is validated by the library (placement.workflow.edit) and becomes the workspace's
scenario only when valid; the YAML shown is what ``placement solve --scenario`` reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from nicegui import events, run, ui

from placement.config import Skenario
from placement.domain.errors import Issue, PlacementError, has_errors, issue_records
from placement.rules.registry import available_packs, load_pack
from placement.ui import i18n
from placement.ui.i18n import kind_label, tr
from placement.ui.layout import frame_table, issue_table, page_frame
from placement.ui.offload import SCENARIO_LIMITS, parse_apart
from placement.ui.state import workspace
from placement.ui.workspace import scenario_values
from placement.workflow.edit import (
    approval_table,
    check_scenario_on,
    edit_scenario,
    parse_value,
    penyegaran_changes,
    penyegaran_on,
    rule_params,
    rule_table,
    value_text,
)

MAX_YAML_BYTES = 1024 * 1024

WEIGHTS: tuple[tuple[str, str, str], ...] = (
    ("jpm", "Bobot JPM (kecocokan kompetensi)", "JPM weight (competency fit)"),
    ("kotak_talenta", "Bobot kotak talenta", "Talent-box weight"),
    ("pendidikan", "Bobot pendidikan", "Education weight"),
    ("penalti_lewat_masa_jabatan", "Penalti lewat masa jabatan", "Penalty: past maximum tenure"),
    (
        "penalti_wajib_isi_kosong",
        "Penalti jabatan wajib isi kosong",
        "Penalty: must-fill post empty",
    ),
    ("penalti_non_job", "Penalti non-job", "Penalty: holder left without a post"),
    ("penalti_pelonggaran", "Penalti pelonggaran aturan", "Penalty: relaxed rule"),
)
QUOTED = (
    "id",
    "dasar hukum",
    "legal basis",
    "parameter",
    "parameters",
    "berlaku bila",
    "applies when",
)  # quoted as written: rule ids, YAML names, legal citations
MOVE_COSTS: tuple[str, ...] = ("promosi", "rotasi", "mutasi", "demosi", "alih_jenis")
CAPS: tuple[tuple[str, str, str], ...] = (
    (
        "perpindahan_total",
        "Maksimum pejabat berpindah (seluruh daerah)",
        "Maximum officials moved (whole region)",
    ),
    ("perpindahan_per_opd", "Maksimum pejabat berpindah per OPD", "Maximum moved per OPD"),
    (
        "porsi_berubah_per_opd",
        "Porsi maksimum jabatan berganti pemegang per OPD (0–1)",
        "Maximum share of posts changing holder per OPD (0–1)",
    ),
)
TIERS: dict[str, tuple[str, str]] = {
    "jabatan_terisi": ("jabatan terisi sebanyak mungkin", "as many posts filled as possible"),
    "kecocokan": ("kecocokan tertinggi", "best fit"),
    "perpindahan_sedikit": ("perpindahan sesedikit mungkin", "as few moves as possible"),
}
SWITCHES: tuple[tuple[str, str, str], ...] = (
    (
        "wajib_isi_keras",
        "Jabatan wajib isi harus terisi (keras)",
        "Must-fill posts must be filled (hard)",
    ),
    (
        "izinkan_non_job",
        "Izinkan pemegang jabatan menjadi non-job",
        "Allow holders to end without a post",
    ),
    (
        "penempatan_jpt_langsung",
        "Izinkan promosi langsung ke JPT (tanpa seleksi terbuka)",
        "Allow direct promotion to JPT (no open selection)",
    ),
)


E = TypeVar("E", bound=ui.element)


def _field(element: E, testid: str) -> E:
    element.props(f"dense outlined data-testid={testid}")
    return element


@ui.page("/aturan")
def rules_page() -> None:
    ws = workspace()
    with page_frame("/aturan"):
        ui.label(
            tr(
                "Atur skenario: tanggal rencana, parameter aturan, bobot, batas, kunci dan larangan. "
                "Setiap perubahan diperiksa dulu; yang tidak valid ditolak dengan pesan di bawah ini.",
                "Set up the scenario: plan date, rule parameters, weights, caps, locks and bans. "
                "Every change is checked first; an invalid one is refused with a message below.",
            )
        ).classes("text-grey-8")
        feedback = ui.column().classes("w-full gap-1").props("data-testid=skenario-umpan-balik")

        def show_ok(text: str) -> None:
            feedback.clear()
            with feedback:
                ui.label(text).classes("text-positive").props("data-testid=skenario-status")

        def show_issues(title: str, issues: list[Issue]) -> None:
            feedback.clear()
            bad = has_errors(issues)
            with feedback:
                ui.label(title).classes("text-negative" if bad else "text-warning").props(
                    "data-testid=skenario-status"
                )
                issue_table(issue_records(issues, i18n.lang()), testid="masalah-skenario")

        def apply(changes: dict[str, Any]) -> bool:
            try:
                new = edit_scenario(ws.scenario, changes)
            except PlacementError as exc:
                show_issues(
                    tr(
                        "Perubahan ditolak; skenario tidak diubah:",
                        "Change refused; the scenario is unchanged:",
                    ),
                    exc.issues,
                )
                ui.notify(exc.issues[0].message(i18n.lang()), type="negative", multi_line=True)
                return False
            replace_scenario(new, editor.refresh)
            show_ok(tr("Skenario diperbarui.", "Scenario updated."))
            return True

        @ui.refreshable
        def editor() -> None:
            _editor(apply)

        editor()


def replace_scenario(new: Skenario, show: Callable[[], object]) -> None:
    """Make ``new`` the workspace's scenario and ``show`` it. When showing fails unexpectedly the
    previous scenario is put back and shown, and the error raised on (``layout.action_failed``
    tells the planner), so a scenario the page cannot show never becomes a dead end."""
    ws = workspace()
    previous, ws.scenario = ws.scenario, new
    try:
        show()
    except Exception:
        ws.scenario = previous
        show()
        raise


def _editor(apply: Callable[[dict[str, Any]], bool]) -> None:
    """The scenario editor, one card per part of the scenario; every card applies its own keys."""
    _basics_card(apply)
    _facts_card(apply)
    _penyegaran_switch(apply)
    _rules_card(apply)
    _weights_card(apply)
    _caps_card(apply)
    _tiers_card(apply)
    _lists_card(apply)
    _yaml_card(apply)


def _basics_card(apply: Callable[[dict[str, Any]], bool]) -> None:
    """The scenario card: name, plan date, rule pack and the on/off switches."""
    ws = workspace()
    sc = ws.scenario
    with ui.card().classes("w-full"):
        ui.label(tr("Skenario", "Scenario")).classes("text-lg font-medium")
        with ui.row().classes("items-start gap-4"):
            name = _field(
                ui.input(tr("Nama skenario", "Scenario name"), value=sc.nama), "skenario-nama"
            ).classes("w-64")
            day = _field(
                ui.input(
                    tr("Tanggal rencana (TTTT-BB-HH)", "Plan date (YYYY-MM-DD)"),
                    value=sc.tanggal_rencana.isoformat(),
                ),
                "skenario-tanggal",
            ).classes("w-56")
            pack = _field(
                ui.select(
                    available_packs(), value=sc.paket_aturan, label=tr("Paket aturan", "Rule pack")
                ),
                "skenario-paket",
            ).classes("w-48")
        switches = {
            key: ui.checkbox(tr(id_text, en_text), value=bool(getattr(sc, key))).props(
                f"data-testid=skenario-{key.replace('_', '-')}"
            )
            for key, id_text, en_text in SWITCHES
        }
        ui.label(
            tr(
                "Data yang dipakai: {path}",
                "Data in use: {path}",
                path=ws.data or tr("(belum ada)", "(none yet)"),
            )
        ).classes("text-sm text-grey-7")
        ui.button(
            tr("Terapkan", "Apply"),
            on_click=lambda: apply(
                {
                    "nama": name.value,
                    "tanggal_rencana": (day.value or "").strip(),
                    "paket_aturan": pack.value,
                    **{k: bool(s.value) for k, s in switches.items()},
                }
            ),
        ).props("data-testid=skenario-terapkan")


def _rules_card(apply: Callable[[dict[str, Any]], bool]) -> None:
    """The rule pack's rules, with the scenario's parameter changes marked, and the rule editor."""
    sc = workspace().scenario
    with ui.card().classes("w-full"):
        ui.label(
            tr("Aturan paket '{pack}'", "Rules of pack '{pack}'", pack=sc.paket_aturan)
        ).classes("text-lg font-medium")
        ui.label(
            tr(
                "Aturan keras menolak penempatan, aturan lunak memberi penalti. Kolom 'diubah' menandai "
                "aturan yang parameternya diubah skenario ini.",
                "Hard rules refuse a placement, soft rules penalise it. The 'changed' column marks "
                "rules whose parameters this scenario changes.",
            )
        ).classes("text-sm text-grey-7")
        frame_table(
            rule_table(sc, i18n.lang()),
            row_key="id",
            rows_per_page=10,
            testid="tabel-aturan",
            quoted=QUOTED,
        )
        _rule_editor(apply)


def _weights_card(apply: Callable[[dict[str, Any]], bool]) -> None:
    """The objective weights and the move costs."""
    sc = workspace().scenario
    with ui.card().classes("w-full"):
        ui.label(tr("Bobot tujuan", "Objective weights")).classes("text-lg font-medium")
        ui.label(
            tr(
                "Bobot JPM, kotak talenta dan pendidikan sebaiknya berjumlah 1: skor seorang pegawai "
                "di sebuah jabatan lalu berkisar 0–1. Biaya perpindahan dikurangkan dari skor setiap "
                "kali perpindahan jenis itu terjadi (0,05 = satu perpindahan harus menaikkan skor "
                "paling sedikit 0,05 agar dipilih).",
                "JPM, talent-box and education weights should sum to 1, so one person's score in a "
                "post lies between 0 and 1. A move cost is subtracted from the score for every move "
                "of that kind (0.05 = a move must raise the score by at least 0.05 to be chosen).",
            )
        ).classes("text-sm text-grey-7")
        weights: dict[str, Any] = {}
        with ui.row().classes("gap-3"):
            for key, id_text, en_text in WEIGHTS:
                weights[f"bobot.{key}"] = _field(
                    ui.number(tr(id_text, en_text), value=getattr(sc.bobot, key), step=0.05),
                    f"bobot-{key.replace('_', '-')}",
                ).classes("w-56")
            for move in MOVE_COSTS:
                weights[f"bobot.biaya_perpindahan.{move}"] = _field(
                    ui.number(
                        tr("Biaya {m}", "Cost of {m}", m=kind_label(move)),
                        value=sc.bobot.biaya_perpindahan.get(move, 0.0),  # type: ignore[call-overload]
                        step=0.01,
                    ),
                    f"bobot-biaya-{move}",
                ).classes("w-40")
        ui.button(
            tr("Terapkan bobot", "Apply weights"),
            on_click=lambda: apply({k: w.value for k, w in weights.items()}),
        ).props("data-testid=bobot-terapkan")


def _caps_card(apply: Callable[[dict[str, Any]], bool]) -> None:
    """The move caps (empty: no cap)."""
    sc = workspace().scenario
    with ui.card().classes("w-full"):
        ui.label(tr("Batas perpindahan", "Move caps")).classes("text-lg font-medium")
        ui.label(tr("Kosongkan untuk tanpa batas.", "Leave empty for no cap.")).classes(
            "text-sm text-grey-7"
        )
        caps: dict[str, Any] = {}
        with ui.row().classes("gap-3"):
            for key, id_text, en_text in CAPS:
                caps[f"batas.{key}"] = _field(
                    ui.number(tr(id_text, en_text), value=getattr(sc.batas, key)),
                    f"batas-{key.replace('_', '-')}",
                ).classes("w-80")
        ui.button(
            tr("Terapkan batas", "Apply caps"),
            on_click=lambda: apply({k: c.value for k, c in caps.items()}),
        ).props("data-testid=batas-terapkan")


def _tiers_card(apply: Callable[[dict[str, Any]], bool]) -> None:
    """The lexicographic priority tiers: the list and a form to add one."""
    sc = workspace().scenario
    en = i18n.lang() == "en"
    with ui.card().classes("w-full"):
        ui.label(tr("Tingkatan prioritas", "Priority tiers")).classes("text-lg font-medium")
        ui.label(
            tr(
                "Opsional: optimalkan kriteria pertama dulu, pertahankan dalam toleransi, lalu yang "
                "berikutnya. Kosong = satu tujuan berbobot.",
                "Optional: optimise the first criterion, keep it within the tolerance, then the "
                "next. Empty = one weighted objective.",
            )
        ).classes("text-sm text-grey-7")
        tiers = [t.model_dump() for t in sc.tingkatan]
        for i, tier in enumerate(tiers):
            with ui.row().classes("items-center"):
                ui.label(
                    f"{i + 1}. {TIERS[tier['kriteria']][1 if en else 0]} "
                    f"({tr('toleransi', 'tolerance')} {tier['toleransi']:g})"
                ).props(f"data-testid=tingkat-{i}")
                ui.button(
                    icon="delete",
                    on_click=lambda i=i: apply(
                        {"tingkatan": [t for k, t in enumerate(tiers) if k != i]}
                    ),
                ).props(f"flat dense data-testid=hapus-tingkat-{i}")
        with ui.row().classes("items-end gap-3"):
            criterion = _field(
                ui.select(
                    {k: v[1 if en else 0] for k, v in TIERS.items()},
                    value="jabatan_terisi",
                    label=tr("Kriteria", "Criterion"),
                ),
                "tingkat-kriteria",
            ).classes("w-72")
            tolerance = _field(
                ui.number(tr("Toleransi (0–1)", "Tolerance (0–1)"), value=0.0, step=0.01),
                "tingkat-toleransi",
            ).classes("w-40")
            ui.button(
                tr("Tambah tingkat", "Add tier"),
                on_click=lambda: apply(
                    {
                        "tingkatan": [
                            *tiers,
                            {"kriteria": criterion.value, "toleransi": tolerance.value},
                        ]
                    }
                ),
            ).props("data-testid=tingkat-tambah")


def _lists_card(apply: Callable[[dict[str, Any]], bool]) -> None:
    """Locks, bans, posts whose holder stays and people who must move."""

    with ui.card().classes("w-full"):
        ui.label(tr("Kunci, larangan dan daftar khusus", "Locks, bans and special lists")).classes(
            "text-lg font-medium"
        )
        ui.label(
            tr(
                "NIP dan kode jabatan diperiksa terhadap data saat tombol 'Periksa terhadap data' "
                "ditekan dan saat rencana disusun.",
                "NIPs and post codes are checked against the data when you press 'Check against "
                "the data' and when the plan is built.",
            )
        ).classes("text-sm text-grey-7")
        with ui.grid(columns=2).classes("w-full gap-4"):
            _pair_list(
                apply,
                "kunci",
                tr(
                    "Kunci: pegawai ini pasti ditempatkan di jabatan ini",
                    "Lock: this employee is placed in this post",
                ),
            )
            _pair_list(
                apply,
                "larang",
                tr(
                    "Larang: pegawai ini tidak boleh ke jabatan ini",
                    "Ban: this employee may not go to this post",
                ),
            )
            _id_list(
                apply,
                "pertahankan",
                tr("kode jabatan", "post code"),
                tr("Pertahankan: pemegang jabatan ini tetap", "Keep: this post's holder stays"),
            )
            _id_list(
                apply,
                "wajib_pindah",
                "NIP",
                tr(
                    "Wajib pindah: pegawai ini harus pindah dari jabatannya",
                    "Must move: this employee must leave the current post",
                ),
            )


FACT_DATES: tuple[tuple[str, str, str], ...] = (
    (
        "tanggal_pelantikan_kepala_daerah",
        "Tanggal pelantikan kepala daerah",
        "Inauguration date of the regional head",
    ),
    (
        "tanggal_penetapan_paslon",
        "Tanggal penetapan pasangan calon (pilkada)",
        "Date the election candidate pairs are set",
    ),
    ("akhir_masa_jabatan", "Akhir masa jabatan kepala daerah", "End of the head's term"),
)


def _facts_card(apply: Callable[[dict[str, Any]], bool]) -> None:
    """The facts the approval conditions read (Pj, election windows, instansi) and the approvals
    of the rule pack with their legal basis and its status."""
    sc = workspace().scenario
    f = sc.fakta
    with ui.card().classes("w-full"):
        ui.label(tr("Fakta dan persetujuan", "Facts and approvals")).classes("text-lg font-medium")
        ui.label(
            tr(
                "Fakta ini menentukan persetujuan yang diperlukan rencana sebelum SK (tabel di bawah). "
                "Tanggal TTTT-BB-HH; kosongkan bila tidak berlaku.",
                "These facts decide which approvals the plan needs before the decree (table below). "
                "Dates YYYY-MM-DD; leave empty when they do not apply.",
            )
        ).classes("text-sm text-grey-7")
        with ui.row().classes("items-start gap-4"):
            instansi = _field(
                ui.input(tr("Nama instansi", "Instansi"), value=f.instansi.nama or ""),
                "fakta-instansi-nama",
            ).classes("w-72")
            ppk = _field(
                ui.input(
                    tr("PPK (pejabat pembina kepegawaian)", "PPK (appointing official)"),
                    value=f.instansi.ppk or "",
                ),
                "fakta-instansi-ppk",
            ).classes("w-72")
        pj = ui.checkbox(
            tr("Kepala daerah adalah Penjabat (Pj)", "The regional head is acting (Pj)"),
            value=f.pj_kepala_daerah,
        ).props("data-testid=fakta-pj")
        dates = {}
        with ui.row().classes("items-start gap-4"):
            for key, id_text, en_text in FACT_DATES:
                value = getattr(f, key)
                dates[f"fakta.{key}"] = _field(
                    ui.input(tr(id_text, en_text), value=value.isoformat() if value else ""),
                    f"fakta-{key.replace('_', '-')}",
                ).classes("w-72")
        ui.button(
            tr("Terapkan fakta", "Apply facts"),
            on_click=lambda: apply(
                {
                    "fakta.instansi.nama": instansi.value or None,
                    "fakta.instansi.ppk": ppk.value or None,
                    "fakta.pj_kepala_daerah": bool(pj.value),
                    **{k: (d.value or "").strip() or None for k, d in dates.items()},
                }
            ),
        ).props("data-testid=fakta-terapkan")
        frame_table(
            approval_table(sc, i18n.lang()),
            row_key="id",
            rows_per_page=10,
            testid="tabel-persetujuan",
            quoted=QUOTED,
        )


def _rule_editor(apply: Callable[[dict[str, Any]], bool]) -> None:
    """Pick a rule and a parameter, type the new value (YAML: 4, III/a, {rotasi: 4}, [a, b])."""
    ws = workspace()
    pack = load_pack(ws.scenario.paket_aturan)
    ui.label(tr("Ubah parameter aturan", "Change a rule parameter")).classes("font-medium mt-2")
    with ui.row().classes("items-end gap-3 w-full"):
        rule = _field(
            ui.select(list(pack.rules), label=tr("Aturan", "Rule"), with_input=True), "aturan-pilih"
        ).classes("w-72")
        param = _field(
            ui.select([], label=tr("Parameter", "Parameter")), "parameter-pilih"
        ).classes("w-56")
        value = _field(ui.input(tr("Nilai baru", "New value")), "parameter-nilai").classes("w-96")
        ui.button(tr("Terapkan", "Apply"), on_click=lambda: set_param()).props(
            "data-testid=parameter-terapkan"
        )
        ui.button(tr("Kembalikan ke bawaan", "Back to default"), on_click=lambda: reset()).props(
            "outline data-testid=aturan-bawaan"
        )
    hint = ui.label("").classes("text-sm text-grey-7").props("data-testid=parameter-keterangan")

    def chosen_rule(_: object = None) -> None:
        if not rule.value:
            return
        params = rule_params(ws.scenario, rule.value)
        param.set_options(list(params), value="aktif" if len(params) == 1 else list(params)[1])
        chosen_param()

    def chosen_param(_: object = None) -> None:
        if not rule.value or not param.value:
            return
        current = rule_params(ws.scenario, rule.value)[param.value]
        value.set_value(value_text(current))
        spec = pack.rules[rule.value]
        if param.value == "aktif":
            hint.set_text(
                tr(
                    "true = aturan berlaku, false = dinonaktifkan",
                    "true = the rule applies, false = switched off",
                )
            )
        else:
            p = spec.params[param.value]
            hint.set_text(
                tr(
                    "{d} (bawaan: {v})",
                    "{d} (default: {v})",
                    v=value_text(p.default),
                    d=p.description_en if i18n.lang() == "en" else p.description_id,
                )
            )

    rule.on_value_change(chosen_rule)
    param.on_value_change(chosen_param)

    def set_param() -> None:
        if not rule.value or not param.value:
            ui.notify(
                tr("Pilih aturan dan parameternya dulu", "Pick a rule and its parameter first")
            )
            return
        try:
            new_value = parse_value(value.value or "")
        except PlacementError as exc:
            ui.notify(exc.issues[0].message(i18n.lang()), type="negative")
            return
        overrides = {k: dict(v) for k, v in ws.scenario.aturan.items()}
        overrides.setdefault(rule.value, {})[param.value] = new_value
        apply({"aturan": overrides})

    def reset() -> None:
        if rule.value:
            apply({"aturan": {k: v for k, v in ws.scenario.aturan.items() if k != rule.value}})


def _listed(
    apply: Callable[[dict[str, Any]], bool],
    key: str,
    title: str,
    items: list[Any],
    labels: list[str],
) -> str:
    """The title and the entries of a scenario list, each with a delete button; returns the
    list's test-id slug."""
    slug = key.replace("_", "-")
    ui.label(title).classes("font-medium")
    with ui.column().classes("gap-0").props(f"data-testid=daftar-{slug}"):
        if not items:
            ui.label(tr("(kosong)", "(empty)")).classes("text-grey-6 text-sm")
        for i, label in enumerate(labels):
            with ui.row().classes("items-center gap-1"):
                ui.label(label).classes("font-mono text-sm")
                ui.button(
                    icon="delete",
                    on_click=lambda i=i: apply({key: [x for n, x in enumerate(items) if n != i]}),
                ).props(f"flat dense size=sm data-testid=hapus-{slug}-{i}")
    return slug


def _pair_list(apply: Callable[[dict[str, Any]], bool], key: str, title: str) -> None:
    """``kunci`` / ``larang``: NIP + jabatan_id pairs with add and delete."""
    items = [k.model_dump() for k in getattr(workspace().scenario, key)]
    with ui.column().classes("gap-1"):
        slug = _listed(apply, key, title, items, [f"{k['nip']} → {k['jabatan_id']}" for k in items])
        with ui.row().classes("items-end gap-2"):
            nip = _field(ui.input("NIP"), f"{slug}-nip").classes("w-52")
            post = _field(ui.input(tr("kode jabatan", "post code")), f"{slug}-jabatan").classes(
                "w-32"
            )
            ui.button(
                tr("Tambah", "Add"),
                on_click=lambda: apply(
                    {
                        key: [
                            *items,
                            {
                                "nip": (nip.value or "").strip(),
                                "jabatan_id": (post.value or "").strip(),
                            },
                        ]
                    }
                ),
            ).props(f"data-testid={slug}-tambah")


def _id_list(apply: Callable[[dict[str, Any]], bool], key: str, what: str, title: str) -> None:
    """``pertahankan`` (jabatan_id) / ``wajib_pindah`` (NIP) with add and delete."""
    items = list(getattr(workspace().scenario, key))
    with ui.column().classes("gap-1"):
        slug = _listed(apply, key, title, items, [str(x) for x in items])
        with ui.row().classes("items-end gap-2"):
            field = _field(ui.input(what), f"{slug}-id").classes("w-52")
            ui.button(
                tr("Tambah", "Add"),
                on_click=lambda: apply({key: [*items, (field.value or "").strip()]}),
            ).props(f"data-testid={slug}-tambah")


def _yaml_card(apply: Callable[[dict[str, Any]], bool]) -> None:
    """The scenario YAML, save (+ download), load (upload) and check against the data."""
    ws = workspace()
    with ui.card().classes("w-full"):
        ui.label(tr("Berkas skenario (YAML)", "Scenario file (YAML)")).classes(
            "text-lg font-medium"
        )
        ui.label(
            tr(
                "Inilah yang dibaca 'placement solve --scenario'. Simpan untuk arsip atau untuk "
                "dijalankan lagi; muat berkas yang pernah disimpan untuk melanjutkan.",
                "This is what 'placement solve --scenario' reads. Save it for the record or to run "
                "it again; load a saved file to carry on.",
            )
        ).classes("text-sm text-grey-7")
        ui.code(ws.scenario_yaml(), language="yaml").classes("w-full").props(
            "data-testid=skenario-yaml"
        )
        saved = ui.row().classes("items-center gap-2")
        checked = ui.column().classes("w-full gap-1").props("data-testid=hasil-periksa")

        def save() -> None:
            path = ws.save_scenario()
            saved.clear()
            with saved:
                ui.label(tr("Disimpan ke {path}", "Saved to {path}", path=path)).props(
                    "data-testid=skenario-tersimpan"
                ).classes("text-positive")
                ui.button(tr("Unduh skenario.yaml", "Download skenario.yaml")).props(
                    "outline href=/unduh/skenario.yaml tag=a data-testid=unduh-skenario"
                )

        async def check() -> None:
            checked.clear()
            if ws.data is None:
                with checked:
                    ui.label(
                        tr(
                            "Belum ada data untuk diperiksa; buka halaman Data.",
                            "No data to check against; open the Data page.",
                        )
                    ).classes("text-negative").props("data-testid=periksa-status")
                return
            with checked:
                spinner = ui.spinner()
            issues = await run.io_bound(check_scenario_on, ws.data, ws.scenario)
            spinner.delete()
            with checked:
                if not issues:
                    ui.label(
                        tr(
                            "Skenario cocok dengan data: tidak ada masalah.",
                            "The scenario fits the data: no problems.",
                        )
                    ).classes("text-positive").props("data-testid=periksa-status")
                    return
                bad = has_errors(issues)
                ui.label(
                    tr(
                        "Skenario belum dapat dijalankan pada data ini:"
                        if bad
                        else "Peringatan skenario:",
                        "The scenario cannot run on this data yet:"
                        if bad
                        else "Scenario warnings:",
                    )
                ).classes("text-negative" if bad else "text-warning").props(
                    "data-testid=periksa-status"
                )
                issue_table(issue_records(issues, i18n.lang()), testid="masalah-periksa")

        async def load(e: events.UploadEventArguments) -> None:
            content = await e.file.read()
            if len(content) > MAX_YAML_BYTES:
                ui.notify(tr("Berkas terlalu besar", "File too large"), type="negative")
                return
            text = content.decode("utf-8", errors="replace")
            try:  # apart from the server: a hostile file costs a refusal, not the server
                values = await parse_apart(
                    scenario_values, text, e.file.name, limits=SCENARIO_LIMITS, file=e.file.name
                )
            except PlacementError as exc:
                apply_loaded_error(exc)
                return
            if ws.data is not None:  # the data in use wins over the file's data: key
                values["data"] = str(ws.data.resolve())
            apply(values)

        def apply_loaded_error(exc: PlacementError) -> None:
            checked.clear()
            with checked:
                ui.label(
                    tr(
                        "Berkas skenario ditolak; skenario tidak diubah:",
                        "Scenario file refused; the scenario is unchanged:",
                    )
                ).classes("text-negative").props("data-testid=periksa-status")
                issue_table(issue_records(exc.issues, i18n.lang()), testid="masalah-muat")

        with ui.row().classes("items-start gap-3"):
            ui.button(tr("Simpan skenario", "Save the scenario"), on_click=save).props(
                "data-testid=simpan-skenario"
            )
            ui.button(tr("Periksa terhadap data", "Check against the data"), on_click=check).props(
                "outline data-testid=periksa-skenario"
            )
            ui.upload(
                label=tr("Muat skenario (.yaml)", "Load a scenario (.yaml)"),
                on_upload=load,
                auto_upload=True,
                max_file_size=MAX_YAML_BYTES,
            ).props('accept=".yaml,.yml" data-testid=muat-skenario').classes("w-72")


# -- penyegaran (tour of duty, issue 18): one switch --------------------------------------------


def _penyegaran_switch(apply: Callable[[dict[str, Any]], bool]) -> None:
    """Switch the kabupaten-penyegaran settings on or off (scenario_edit.penyegaran_changes)."""
    sc = workspace().scenario
    with ui.card().classes("w-full"):
        ui.switch(
            tr(
                "Penyegaran: pejabat lewat masa jabatan dirotasi (kotak ≥ 4, penalti bertahan 1,0)",
                "Tour of duty: officials past the maximum tenure rotate (box ≥ 4, stay penalty 1.0)",
            ),
            value=penyegaran_on(sc),
            on_change=lambda e: apply(penyegaran_changes(workspace().scenario, bool(e.value))),
        ).props("data-testid=penyegaran")
