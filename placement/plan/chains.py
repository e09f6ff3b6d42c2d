"""Vacancy chains (rantai lowongan) created by the moves of a plan (networkx).

Edge o → j means "the holder of post o moved into post j", so post o's vacancy is passed on.
Every post has at most one edge in and one out, hence the graph is a union of paths and cycles:
a path starts at a post that was vacant (or ends at a post left vacant); a cycle is a rotation.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

CHAIN_COLUMNS = ["rantai_id", "jenis", "urutan", "nip", "jabatan_asal_id", "jabatan_tujuan_id"]


def vacancy_chains(plan: pd.DataFrame) -> pd.DataFrame:
    """Chains and cycles from plan rows (nip, jabatan_asal_id, jabatan_tujuan_id, moves only).

    Rows of a chain are ordered from the originally vacant post backwards along the vacancy:
    urutan 1 fills the first vacancy, urutan 2 fills the post urutan 1 left, and so on.
    """
    moves = plan[plan["jabatan_tujuan_id"].fillna("") != plan["jabatan_asal_id"].fillna("")]
    g = nx.DiGraph()
    for row in moves.itertuples(index=False):
        src = (
            row.jabatan_asal_id
            if isinstance(row.jabatan_asal_id, str) and row.jabatan_asal_id
            else f"pool:{row.nip}"
        )
        dst = (
            row.jabatan_tujuan_id
            if isinstance(row.jabatan_tujuan_id, str) and row.jabatan_tujuan_id
            else f"lepas:{row.nip}"
        )
        g.add_edge(src, dst, nip=row.nip)
    rows: list[dict[str, object]] = []
    chain_id = 0
    seen: set[str] = set()
    # Paths: start from the node nobody moves into... walk against the vacancy: from the end
    # (a post that was vacant has no out-edge: its holder left nothing) back to the source.
    ends = sorted(n for n in g.nodes if g.out_degree(n) == 0)
    for end in ends:
        chain_id += 1
        node, order = end, 0
        while g.in_degree(node):
            (src,) = list(g.predecessors(node))
            order += 1
            data = g.edges[src, node]
            rows.append(_row(chain_id, "rantai", order, data["nip"], src, node))
            seen.add(node)
            node = src
        seen.add(node)
    for cycle in sorted(
        nx.simple_cycles(g.subgraph([n for n in g.nodes if n not in seen])), key=min
    ):
        chain_id += 1
        start = cycle.index(min(cycle))
        cyc = cycle[start:] + cycle[:start]
        for order, src in enumerate(cyc, start=1):
            dst = cyc[order % len(cyc)]
            rows.append(_row(chain_id, "siklus", order, g.edges[src, dst]["nip"], src, dst))
    return pd.DataFrame(rows, columns=CHAIN_COLUMNS)


def _row(chain: int, kind: str, order: int, nip: str, src: str, dst: str) -> dict[str, object]:
    return {
        "rantai_id": chain,
        "jenis": kind,
        "urutan": order,
        "nip": nip,
        "jabatan_asal_id": _post(src),
        "jabatan_tujuan_id": _post(dst),
    }


def _post(node: str) -> str:
    """Pool and release markers ("pool:NIP", "lepas:NIP") are not posts."""
    return "" if ":" in node else node


def chain_statistics(chains: pd.DataFrame) -> dict[str, object]:
    """Summary of ``vacancy_chains`` output: counts, length distribution, open ends.

    A chain (``rantai``) "ends in an unfilled post" when its last mover (highest ``urutan``) left
    a post that nobody in the plan takes over; a chain whose last mover came from outside the
    in-scope posts (no jabatan_asal_id) closes cleanly. Cycles (``siklus``) have no end.
    """
    if len(chains) == 0:
        return {
            "rantai": 0,
            "siklus": 0,
            "panjang_maks": 0,
            "distribusi_panjang": {},
            "rantai_berakhir_lowong": 0,
        }
    size = chains.groupby("rantai_id").size()
    kind = chains.groupby("rantai_id")["jenis"].first()
    last = chains.sort_values("urutan").groupby("rantai_id").last()
    paths = kind[kind == "rantai"].index
    open_end = last.loc[paths, "jabatan_asal_id"].fillna("").astype(str).str.len() > 0
    dist = size.value_counts().sort_index()
    return {
        "rantai": len(paths),
        "siklus": int((kind == "siklus").sum()),
        "panjang_maks": int(size.max()),
        "distribusi_panjang": {
            int(k): int(v) for k, v in zip(dist.index.to_numpy(), dist.to_numpy(), strict=True)
        },
        "rantai_berakhir_lowong": int(open_end.sum()),
    }
