# Two commands matter: `make report` (every notebook -> output/*.html) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.setup-done
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
LINT_PATHS := helpers.py outlet_comparison tests notebooks scripts benchmarks
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.PHONY: setup report test lint lab clean

setup: $(STAMP)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python scripts/check_offline.py
	touch $(STAMP)

report: setup
	$(BIN)/python scripts/build_report.py

lint: setup
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

test: lint
	$(BIN)/python -m pytest --doctest-modules helpers.py outlet_comparison tests

lab: setup
	$(BIN)/jupyter lab --notebook-dir=notebooks

clean:
	rm -rf output
