"""Rule engine: rule packs as data (registry), one check function per rule (checks), eligible
pairs without densifying people × posts (eligibility), and score terms (scoring)."""

from __future__ import annotations

from placement.rules.eligibility import (
    Assessment,
    PairDecision,
    PairTable,
    RuleCheck,
    assess_person,
    assess_post,
    build_pairs,
    check_pair,
    refused_for_person,
    refused_for_post,
)
from placement.rules.registry import RuleSet, load_pack, relaxations, rule_set
from placement.rules.scoring import JpmDetail, jpm_detail

__all__ = [
    "Assessment",
    "JpmDetail",
    "PairDecision",
    "PairTable",
    "RuleCheck",
    "RuleSet",
    "assess_person",
    "assess_post",
    "build_pairs",
    "check_pair",
    "jpm_detail",
    "load_pack",
    "refused_for_person",
    "refused_for_post",
    "relaxations",
    "rule_set",
]
