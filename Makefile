# Two commands matter: `make report` (every notebook -> output/<event>/*.html) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.setup-done
LINT_PATHS := helpers.py outlet_comparison tests notebooks scripts benchmarks
# JupyterLab refuses to start as root unless told; containers and CI often run as root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
export PYTHONHASHSEED := 0

.PHONY: setup report test test-fast lint lab clean add-article

setup: $(STAMP)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python scripts/check_offline.py
	touch $(STAMP)

# make report [EVENT=<event-id>]: the default event unless EVENT is given
report: setup
	$(BIN)/python scripts/build_report.py $(if $(EVENT),--event "$(EVENT)")

# make add-article FILE=<raw.txt> OUTLET="<name>" PUBLISHED=<YYYY-MM-DD> [EVENT=<id>] [TITLE="<title>"]
# (the values reach the script as environment variables, so quotes in them are safe)
add-article: setup
	$(BIN)/python scripts/add_article.py

lint: setup
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

# The test runner: doctests of the library too; the 15 slowest tests printed so their cost stays visible.
PYTEST := $(BIN)/python -m pytest --doctest-modules --durations=15
TEST_PATHS := helpers.py outlet_comparison tests
# What test-fast leaves out (markers in pyproject.toml): report builds and refits, Chromium, Dask clusters,
# and subprocess checks of the environment.
FAST := not slow and not browser and not cluster and not env

# make test-fast: the inner loop (unit tests, doctests, properties), no lint; a few minutes at most
test-fast: setup
	$(PYTEST) -m "$(FAST)" $(TEST_PATHS)

# make test: everything (lint, then every test); the README's and CI's one command
test: lint
	$(PYTEST) $(TEST_PATHS)

# make lab [LAB_ARGS="--port 8899 --no-browser"]
lab: setup
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ALLOW_ROOT) $(LAB_ARGS)

clean:
	rm -rf output
