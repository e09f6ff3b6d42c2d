"""The privacy-aware texts about a solved plan that ``placement explain`` / ``dossier`` and the
web workspace's Rencana page share: other people are named by their post unless the planner asks
for detail (``--rinci``; docs/privacy.md, UU PDP). Re-solving a written plan folder is
:func:`placement.workflow.studies.load_solved`.
"""

from __future__ import annotations

from placement.domain.messages import text
from placement.domain.model import Dataset
from placement.plan.explain import MoveExplanation


def post_label(ds: Dataset, jabatan_id: str | None, lang: str = "id") -> str:
    """Post id and name ("J-003 Kepala Seksi X"); "(tidak ditempatkan)" for no post."""
    if not jabatan_id:
        return text("RENCANA_TEKS_TIDAK_DITEMPATKAN", lang)
    row = ds.post_index.get(jabatan_id)
    return jabatan_id if row is None else f"{jabatan_id} {ds.jabatan['name'].iloc[row]}"


def by_post(ds: Dataset, nip: str, lang: str = "id") -> str:
    """Another person named by the post they hold now ("pemegang J-003 Kepala Seksi X"; "seorang
    pegawai" without one): the NIP and name only with ``--rinci`` (UU PDP)."""
    held = ds.person(nip).jabatan_id if nip in ds.person_index else None
    if not held:
        return text("RENCANA_TEKS_SEORANG_PEGAWAI", lang)
    return f"{text('RENCANA_TEKS_PEMEGANG', lang)} {post_label(ds, held, lang)}"


def change_lines(
    ds: Dataset,
    changes: list[dict[str, str | None]],
    asked: str,
    detail: bool,
    lang: str = "id",
    hint: str = "--rinci",
) -> list[str]:
    """Placements a forced pair changes, the asked person first: the asked person by NIP,
    everybody else by post only (NIP and name with ``detail``: personal data the user did not
    ask for, UU PDP); a closing count of the others when they are not named."""
    lines = []
    for ch in sorted(changes, key=lambda ch: ch["nip"] != asked):
        where = (
            f"{post_label(ds, ch['di_rencana'], lang)} → {post_label(ds, ch['bila_dipaksa'], lang)}"
        )
        if ch["nip"] == asked:
            lines.append(f"{ch['nip']}: {where}")
        elif detail:
            lines.append(f"{ch['nip']} {ch['nama']}: {where}")
        else:
            lines.append(
                f"{text('RENCANA_TEKS_PEMEGANG', lang)} {where}"
                if ch["di_rencana"]
                else f"{text('RENCANA_TEKS_SEORANG_PEGAWAI', lang)} {where}"
            )
    others = sum(1 for ch in changes if ch["nip"] != asked)
    if others and not detail:
        lines.append(text("RENCANA_TEKS_PEGAWAI_LAIN_NIP", lang, others=others, hint=hint))
    return lines


def chain_steps(e: MoveExplanation, detail: bool = False) -> list[str]:
    """The steps of the vacancy chain of a move, "NIP: J-1 → J-2" for the explained person and
    (with ``detail``) the others, "J-1 → J-2" otherwise."""
    return [
        (f"{r['nip']}: " if detail or r["nip"] == e.nip else "")
        + f"{r['jabatan_asal_id'] or '-'} → {r['jabatan_tujuan_id'] or '-'}"
        for r in e.chain.to_dict(orient="records")
    ]
