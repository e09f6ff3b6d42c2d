"""Run store (SQLite): inputs, config, KPIs and plan rows of every run; approvals."""
