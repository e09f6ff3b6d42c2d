"""The planner's local web workspace (``placement ui``): NiceGUI pages over the library API.

No optimisation or rule logic lives here: pages call placement.workflow.run, placement.plan.*,
placement.succession.* and placement.store; this package only lays the results out."""
