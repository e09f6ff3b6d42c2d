"""Reports and output files (Bahasa Indonesia)."""
