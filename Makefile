# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint format bench bench-quick ui screenshots clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev,cluster]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/placement demo

lint: $(STAMP)
	$(BIN)/ruff check placement tests benchmarks
	$(BIN)/ruff format --check placement tests benchmarks
	$(BIN)/mypy placement benchmarks

format: $(STAMP)
	$(BIN)/ruff format placement tests benchmarks
	$(BIN)/ruff check --fix placement tests benchmarks

# Two workers (pytest-xdist), one test file per worker at a time (module fixtures built once).
test: lint
	$(BIN)/python -m pytest -n 2 --dist loadfile

ui: $(STAMP)
	$(BIN)/placement ui

screenshots: $(STAMP)
	PLACEMENT_UI_SCREENSHOTS=docs/ui $(BIN)/python -m pytest tests/ui

bench: $(STAMP)
	$(BIN)/python -m benchmarks

bench-quick: $(STAMP)
	$(BIN)/python -m benchmarks --quick

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache hasil-demo
