"""The run store: every ``placement solve`` / ``scenario run`` recorded in one SQLite file.

A run records its input hashes, scenario (effective config), backend, package versions, KPIs and
the plan rows. Approving a run (who, when, why) makes it immutable: SQLite triggers refuse any
later UPDATE or DELETE of the run or its plan rows, whatever program writes to the file.
WAL journal mode lets readers work while a solve writes; each recording is one transaction.

Tamper evidence: every recording and approval appends an entry to a chained journal whose hashes
are HMAC-SHA256 under a key kept outside the store (``secret.py``, ``journal.py``); the key file
also holds the journal's head, so deleted last runs show. ``hash_persetujuan`` (an approval's
journal hash) is the verification code written in the berita acara; ``runs verify --kode``
checks a run by it. ``verify`` also compares the plan folder's files with their hasil.json.
A missing, emptied, damaged or locked store is a located PlacementError (``problems.py``).
"""

from __future__ import annotations

from placement.store.approval import RunApprovals, RunCheck
from placement.store.queries import MAX_NAME, default_name
from placement.store.recording import RunRecording, withdraw_plan
from placement.store.schema import (
    DEFAULT_STORE,
    DEFAULT_WAIT,
    MAX_WAIT,
    PLAN_FIELDS,
    SCHEMA,
    WAIT_ENV,
    approval_hash,
    default_wait,
    rows_hash,
)

__all__ = [
    "DEFAULT_STORE",
    "DEFAULT_WAIT",
    "MAX_NAME",
    "MAX_WAIT",
    "PLAN_FIELDS",
    "SCHEMA",
    "WAIT_ENV",
    "RunCheck",
    "RunStore",
    "approval_hash",
    "default_name",
    "default_wait",
    "rows_hash",
    "withdraw_plan",
]


class RunStore(RunRecording, RunApprovals):
    """One SQLite run store, keyed by a secret kept outside it (both created on first use).

    ``create=False``: a missing store is an error (reading commands) instead of a new store.
    ``wait``: seconds to wait for another process's lock (default ``default_wait()``);
    ``on_wait`` gets one line when waiting starts. ``key_path``: the key file (default
    ``key_path_for(path)``). Its jobs live beside it: the file and connection
    (:class:`StoreFile`, ``connection.py``), reading (:class:`RunQueries`, ``queries.py``),
    recording (:class:`RunRecording`, ``recording.py``), approving and verifying
    (:class:`RunApprovals`, ``approval.py``); the tables and hashes in ``schema.py``."""
