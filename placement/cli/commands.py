"""Imports every command module so that each registers itself on the ``main`` group."""

from placement.cli import (
    data_cmds,  # noqa: F401
    demo,  # noqa: F401
    eligibility_cmd,  # noqa: F401
    explain_cmd,  # noqa: F401
    generate_cmd,  # noqa: F401
    import_cmd,  # noqa: F401
    privacy_cmd,  # noqa: F401
    runs_cmd,  # noqa: F401
    scenario_cmd,  # noqa: F401
    solve_cmd,  # noqa: F401
    succession_cmd,  # noqa: F401
    ui_cmd,  # noqa: F401
)
