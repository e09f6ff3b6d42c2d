"""The why-not form of a move's explanation: one employee for one post, the rules not met and
the placements a forced pair would change."""

from __future__ import annotations

from typing import Any

from nicegui import run as threads
from nicegui import ui

from placement.domain.errors import PlacementError
from placement.plan.explain import (
    why_not,
)
from placement.ui import i18n
from placement.ui.format import format_number
from placement.ui.i18n import tr
from placement.ui.pages.plan.common import error_text
from placement.ui.people import current_post, mask_nip, post_name, text


def change_text(
    ds: Any, changes: list[dict[str, str | None]], asked: str, detail: bool
) -> list[str]:
    """Placements a forced pair changes, by post name: the asked person first; the others by
    the post the plan gives them ("pegawai yang direncanakan ke X → bila dipaksa: Y"), by name
    only with ``detail`` (UU PDP)."""
    lines = []
    people = dict(zip(ds.pegawai["nip"].astype(str), ds.pegawai["name"], strict=True))
    for ch in sorted(changes, key=lambda ch: ch["nip"] != asked):
        planned, forced = post_name(ds, ch["di_rencana"]), post_name(ds, ch["bila_dipaksa"])
        if ch["nip"] == asked or detail:
            who = f"{people.get(str(ch['nip']), '')} (NIP {mask_nip(ch['nip'], detail)})"
            lines.append(
                tr(
                    f"{who}: di rencana {planned} → bila dipaksa {forced}",
                    f"{who}: in the plan {planned} → if forced {forced}",
                )
            )
        elif ch["di_rencana"]:
            lines.append(
                tr(
                    f"pegawai yang direncanakan ke {planned} → bila dipaksa {forced}",
                    f"the person the plan puts in {planned} → if forced {forced}",
                )
            )
        else:
            lines.append(
                tr(
                    f"seorang pegawai tanpa jabatan di rencana → bila dipaksa {forced}",
                    f"a person without a post in the plan → if forced {forced}",
                )
            )
    others = sum(1 for ch in changes if ch["nip"] != asked)
    if others and not detail:
        lines.append(
            tr(
                f"({others} pegawai lain; nama dan NIP: nyalakan 'tampilkan rincian')",
                f"({others} other people; names and NIPs: turn on 'show details')",
            )
        )
    return lines


def person_options(ds: Any, detail: bool) -> dict[str, str]:
    """NIP → "Name — current post · NIP" (masked unless ``detail``), sorted by name: what the
    why-not form lists (the planner types part of a name, a post or the NIP)."""
    named = sorted(zip(ds.pegawai["name"].map(text), ds.pegawai["nip"].map(text), strict=True))
    return {
        nip: f"{name} — {current_post(ds, nip) or '-'} · {mask_nip(nip, detail)}"
        for name, nip in named
    }


def post_options(ds: Any) -> dict[str, str]:
    """jabatan_id → "Post name (unit)", sorted by unit then name."""
    ids = ds.jabatan["jabatan_id"].map(text)
    return dict(sorted(((j, post_name(ds, j)) for j in ids), key=lambda kv: kv[1]))


def _searchable(options: dict[str, str], label: str, value: str | None, testid: str) -> ui.select:
    """A select that filters its options by what is typed; a value not listed (a full NIP or
    a post code typed and confirmed with Enter) is kept as typed."""
    return (
        ui.select(
            options,
            value=value if value in options else None,
            label=label,
            with_input=True,
            new_value_mode="add-unique",
        )
        .classes("min-w-[24rem]")
        .props(f"clearable dense options-dense data-testid={testid}")
    )


def why_not_form(ds: Any, result: Any, jabatan: str, detail: bool) -> None:
    """Ask why one employee is not placed in one post (the dialog's post first)."""
    with ui.card().classes("w-full bg-grey-1"):
        _intro()
        with ui.row().classes("items-end"):
            nip = _searchable(
                person_options(ds, detail), tr("Pegawai", "Employee"), None, "whynot-nip"
            )
            post = _searchable(post_options(ds), tr("Jabatan", "Post"), jabatan, "whynot-jabatan")
            ask = ui.button(tr("Tanyakan", "Ask")).props("data-testid=whynot-tanya")
        answer = ui.column().classes("w-full gap-1").props("data-testid=whynot-hasil")

        async def asked() -> None:
            who, where = str(nip.value or "").strip(), str(post.value or "").strip()
            answer.clear()
            if who not in ds.person_index or where not in ds.post_index:
                with answer:
                    ui.label(
                        tr(
                            "NIP atau kode jabatan tidak ada di data.",
                            "The NIP or post code is not in the data.",
                        )
                    ).classes("text-negative")
                return
            with answer:
                ui.spinner()
            ask.disable()
            try:
                wn = await threads.io_bound(why_not, ds, result.scenario, result, who, where)
                assert wn is not None
            except PlacementError as exc:
                answer.clear()
                with answer:
                    ui.label(error_text(exc)).classes("text-negative")
                return
            finally:
                ask.enable()
            answer.clear()
            with answer:
                _answer(ds, wn, who, where, detail)

        ask.on_click(asked)


def _intro() -> None:
    """What the form asks and how to pick a person or a post."""
    ui.label(
        tr(
            "Mengapa tidak? Tanyakan satu pegawai untuk satu jabatan",
            "Why not? Ask about one employee for one post",
        )
    ).classes("font-medium")
    ui.label(
        tr(
            "Ketik sebagian nama, jabatan atau unit lalu pilih; NIP lengkap atau kode "
            "jabatan juga boleh (akhiri dengan Enter).",
            "Type part of a name, post or unit and choose; a full NIP or a post code also "
            "works (end it with Enter).",
        )
    ).classes("text-xs text-grey-7")


def _answer(ds: Any, wn: Any, who: str, where: str, detail: bool) -> None:
    """The why-not answer: person → post, the headline, each rule not met with its legal basis,
    and the placements a forced pair changes."""
    en = i18n.lang() == "en"
    person = ds.pegawai["name"].iloc[ds.person_index[who]]
    ui.label(f"{person} → {post_name(ds, where)}").classes("text-sm text-grey-8")
    ui.label(_why_not_headline(ds, wn, person)).classes("font-medium")
    for c in wn.failed:
        ui.label(f"✗ {c.message_en if en else c.message_id} [{c.legal_basis}]").classes(
            "text-negative text-sm"
        )
    lines = change_text(ds, wn.changes, wn.nip, detail)
    if lines:
        ui.label(
            tr(
                "Penempatan yang berubah (di rencana → bila dipaksa):",
                "Placements that change (in the plan → if forced):",
            )
        ).classes("text-sm")
    for line in lines:
        ui.label(line).classes("text-sm")


def _why_not_headline(ds: Any, wn: Any, person: str) -> str:
    """The why-not answer in a planner's words: the count of rules not met (listed below it),
    else the library's sentence with the person and the post by name (no NIP, no post code)."""
    if wn.code == "TIDAK_MEMENUHI_SYARAT" and wn.failed:
        return tr(
            "Tidak memenuhi syarat: {k} aturan tidak terpenuhi.",
            "Not eligible: {k} rules not met.",
            k=format_number(len(wn.failed)),
        )
    message = str(wn.message(i18n.lang()))
    return message.replace(wn.nip, person).replace(wn.jabatan_id, post_name(ds, wn.jabatan_id))
