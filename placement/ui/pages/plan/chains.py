"""Vacancy chains on the Rencana page: a graph (one row per chain) and the chain table."""

from __future__ import annotations

from typing import Any

import pandas as pd
from nicegui import ui

from placement.plan.compare import PlanFiles
from placement.plan.review import plan_summary
from placement.ui.format import format_number
from placement.ui.i18n import kind_label, tr
from placement.ui.layout import frame_table
from placement.ui.people import mask_nip, text

GRAPH_CHAINS = 12  # the longest chains drawn; the table lists them all


def chain_graph(files: PlanFiles, detail: bool) -> None:
    """Vacancy chains: a drawing (one row per chain, posts left to right, names under each
    post, so nothing overlaps) and the chain table, posts and people by name."""
    chains = files.chains
    names, people, kinds = _names(files.plan)
    with ui.card().classes("w-full"):
        _header(files)
        if chains.empty:
            ui.label(
                tr("Tidak ada perpindahan, jadi tidak ada rantai.", "No moves, so no chains.")
            ).props("data-testid=rantai-kosong")
            return
        nodes, links, drawn = _chain_layout(chains, names, people, kinds)
        _drawing(nodes, links, len(drawn))
        _graph_info(chains, len(drawn))
        _chain_table(chains, names, people, kinds, detail)


def _names(plan: pd.DataFrame) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Post id → post name, NIP → name and NIP → move kind, from the plan rows."""
    names: dict[str, str] = {}
    for ids, labels in (
        ("jabatan_asal_id", "jabatan_asal"),
        ("jabatan_tujuan_id", "jabatan_tujuan"),
    ):
        names.update(
            {
                str(i): text(n)
                for i, n in zip(plan[ids], plan[labels], strict=True)
                if isinstance(i, str) and i
            }
        )
    people = dict(zip(plan["nip"].astype(str), plan["nama"].map(text), strict=True))
    kinds = dict(zip(plan["nip"].astype(str), plan["jenis_perpindahan"].astype(str), strict=True))
    return names, people, kinds


def _header(files: PlanFiles) -> None:
    """The card's title, how to read the arrows and the counts (chains, cycles, longest)."""
    s = plan_summary(files)
    ui.label(tr("Rantai lowongan", "Vacancy chains")).classes("text-lg font-medium")
    ui.label(
        tr(
            "Setiap panah: pegawai pindah dari jabatan di kiri ke jabatan di kanan, "
            "sehingga jabatan di kiri lowong dan diisi langkah berikutnya. Siklus = "
            "rotasi melingkar.",
            "Each arrow: a person moves from the post on the left to the post on the "
            "right, leaving the left one to be filled by the next step. A cycle is a "
            "circular rotation.",
        )
    ).classes("text-sm text-grey-8")
    ui.label(
        tr(
            "{c} rantai, {y} siklus, terpanjang {n} langkah",
            "{c} chains, {y} cycles, longest {n} steps",
            c=format_number(s.chains),
            y=format_number(s.cycles),
            n=format_number(s.longest_chain),
        )
    ).props("data-testid=rantai-ringkasan").classes("font-medium")


def _drawing(nodes: list[dict[str, Any]], links: list[dict[str, Any]], rows: int) -> None:
    """The graph: ``rows`` chains, one per row, at the places :func:`_chain_layout` gave."""
    steps = max(int(n["x"]) for n in nodes) // 190
    ui.echart(
        {
            "tooltip": {"formatter": "{c}"},
            "grid": {"containLabel": True},
            "series": [
                {
                    "type": "graph",
                    "layout": "none",
                    "roam": True,
                    "left": 90,
                    "top": 20,
                    "width": 190 * max(steps, 1),
                    "height": max(110 * (rows - 1), 1),
                    "label": {
                        "show": True,
                        "position": "bottom",
                        "width": 150,
                        "overflow": "break",
                        "fontSize": 11,
                        "lineHeight": 13,
                    },
                    "edgeSymbol": ["none", "arrow"],
                    "edgeSymbolSize": 10,
                    "edgeLabel": {"show": True, "fontSize": 10},
                    "lineStyle": {"width": 2, "color": "#475569", "curveness": 0.0},
                    "data": nodes,
                    "links": links,
                }
            ],
        }
    ).classes("w-full").style(f"height: {80 + 110 * rows}px").props("data-testid=rantai-graf")


def _graph_info(chains: pd.DataFrame, rows: int) -> None:
    """What the graph shows: posts, arrows and whether every chain is drawn."""
    posts = {
        p
        for c in ("jabatan_asal_id", "jabatan_tujuan_id")
        for p in chains[c]
        if isinstance(p, str) and p
    }
    shown = (
        tr("", "")
        if rows == chains["rantai_id"].nunique()
        else tr(
            f"; digambar {rows} rantai terpanjang, semuanya ada di tabel",
            f"; the {rows} longest chains are drawn, the table lists them all",
        )
    )
    ui.label(
        tr(
            f"Grafik: {len(posts)} jabatan (hijau), {len(chains)} panah (perpindahan); "
            f"abu-abu = dari luar{shown}",
            f"Graph: {len(posts)} posts (green), {len(chains)} arrows (moves); grey = "
            f"from outside{shown}",
        )
    ).classes("text-xs text-grey-7").props("data-testid=rantai-graf-info")


def _chain_table(
    chains: pd.DataFrame,
    names: dict[str, str],
    people: dict[str, str],
    kinds: dict[str, str],
    detail: bool,
) -> None:
    """Every chain step: chain, kind, step, person, NIP (masked unless ``detail``), posts."""
    table = pd.DataFrame(
        {
            tr("Rantai", "Chain"): chains["rantai_id"],
            tr("Jenis", "Kind"): chains["jenis"].map(
                lambda k: tr("siklus", "cycle") if k == "siklus" else tr("rantai", "chain")
            ),
            tr("Langkah", "Step"): chains["urutan"],
            tr("Pegawai", "Person"): [people.get(str(n), "") for n in chains["nip"]],
            "NIP": [mask_nip(n, detail) for n in chains["nip"]],
            tr("Dari jabatan", "From post"): [
                names.get(p, p) if isinstance(p, str) and p else tr("(dari luar)", "(from outside)")
                for p in chains["jabatan_asal_id"]
            ],
            tr("Ke jabatan", "To post"): [
                names.get(p, p) if isinstance(p, str) and p else "-"
                for p in chains["jabatan_tujuan_id"]
            ],
            tr("Perpindahan", "Move"): [kind_label(kinds.get(str(n), "")) for n in chains["nip"]],
        }
    )
    frame_table(table, testid="rantai-tabel", rows_per_page=10)


def _chain_layout(
    chains: pd.DataFrame, names: dict[str, str], people: dict[str, str], kinds: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """Nodes at fixed places (chain = row, step = column) and the arrows, for the longest
    :data:`GRAPH_CHAINS` chains: no two labels share a place."""
    sizes = chains.groupby("rantai_id").size().sort_values(ascending=False, kind="stable")
    drawn = [str(c) for c in sizes.index[:GRAPH_CHAINS]]
    nodes: dict[str, dict[str, Any]] = {}
    links = []

    def node(post: Any, key: str, row: int, col: int) -> str:
        if isinstance(post, str) and post:
            if post not in nodes:
                nodes[post] = _node(post, names.get(post, post), row, col, 18, "#0f766e")
            return post
        label = tr("dari luar lingkup", "from outside") if col == 0 else tr("keluar", "leaves")
        nodes[key] = _node(key, label, row, col, 12, "#9ca3af")
        return key

    for row, chain in enumerate(drawn):
        steps = chains[chains["rantai_id"].astype(str) == chain].sort_values("urutan")
        for col, r in enumerate(steps.itertuples(index=False)):
            src = node(r.jabatan_asal_id, f"luar-{chain}", row, col)
            dst = node(r.jabatan_tujuan_id, f"lepas-{chain}", row, col + 1)
            who = people.get(str(r.nip), "")
            move = kind_label(kinds.get(str(r.nip), ""))
            links.append(
                {
                    "source": src,
                    "target": dst,
                    "value": f"{move}: {who}" if who else move,
                    "label": {"formatter": move},
                }
            )
    return list(nodes.values()), links, drawn


def _node(name: str, label: str, row: int, col: int, size: int, color: str) -> dict[str, Any]:
    """One node of the chain drawing: a post (green) or the outside (grey), on a grid."""
    return {
        "name": name,
        "value": label,
        "label": {"formatter": label},
        "x": 190 * col,
        "y": 110 * row,
        "symbolSize": size,
        "itemStyle": {"color": color},
    }
