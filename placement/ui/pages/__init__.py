"""One module per page; each registers its route with ``@ui.page`` when imported."""
