"""The workflow layer: what puts the library's steps together (docs/architecture.md).

- :mod:`~placement.workflow.inputs`: the data and scenario a command needs, locks from a plan;
- :mod:`~placement.workflow.engine`: one solve, eligibility → model → solver → plan tables;
- :mod:`~placement.workflow.pricing`: the same solve for pools too large for the pair table
  (eligible pairs stored compactly, priced in stages by column generation; docs/scale.md);
- :mod:`~placement.workflow.run`: solve → audit → write a plan folder (one AuditFailedError);
- :mod:`~placement.workflow.variants`: a scenario file's baseline and variants, with gates;
- :mod:`~placement.workflow.edit`: key-path edits of a scenario and checks before solving;
- :mod:`~placement.workflow.studies`: re-solving a written plan, elastic mode, diverse plans and
  the move-cap frontier;
- :mod:`~placement.workflow.executors` and :mod:`~placement.workflow.batch`: sweeps and batches
  of independent solves on a process pool or a Dask cluster (docs/scale.md).

plan/ never solves; the modules here compose. ``placement`` re-exports the public names.
"""
