# Two commands matter: `make report` (every notebook -> output/<event>/*.html) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.setup-done
LINT_PATHS := helpers.py outlet_comparison tests notebooks scripts benchmarks
# JupyterLab refuses to start as root unless told; containers and CI often run as root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
export PYTHONHASHSEED := 0
# Values given on the command line (make add-article OUTLET='Rock$$Roll') reach the scripts exactly:
# make would expand '$$R' (and run '$$(shell ...)') when it passes them on, so each is re-set to its
# unexpanded text and exported; the recipes never put them into a shell command.
USER_VARS := FILE URL LIST OUTLET PUBLISHED EVENT TITLE CHARSET TIMEOUT MAX_BYTES
$(foreach v,$(USER_VARS),$(if $(filter command line,$(origin $(v))),\
  $(eval override $(v) := $$(value $(v)))$(eval export $(v))))

.PHONY: setup report test test-fast lint check-models lab clean add-article add-articles

setup: $(STAMP)

$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python scripts/check_offline.py
	touch $(STAMP)

# make report [EVENT=<event-id>]: the default event unless EVENT is given
# (EVENT reaches the script as an environment variable, never through the shell)
report: setup
	$(BIN)/python scripts/build_report.py

# make add-article FILE=<raw.txt> OUTLET="<name>" PUBLISHED=<YYYY-MM-DD> [EVENT=<id>] [TITLE="<title>"]
# make add-article FILE=<page.html> | URL=<https://...> [OUTLET=..] [PUBLISHED=..] [EVENT=..] [TITLE=..]
#   (a web page: OUTLET, PUBLISHED and TITLE default to what the page states; CHARSET=, TIMEOUT=, MAX_BYTES=)
# (the values reach the script as environment variables, so quotes in them are safe)
add-article: setup
	$(BIN)/python scripts/add_article.py

# make add-articles LIST=<urls.csv> [EVENT=<id>] [TITLE="<title>"]: columns url[,outlet,event,published]
add-articles: setup
	$(BIN)/python scripts/add_articles.py

lint: setup
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

# The test runner: doctests of the library too; the 15 slowest tests printed so their cost stays visible.
PYTEST := $(BIN)/python -m pytest --doctest-modules --durations=15
TEST_PATHS := helpers.py outlet_comparison tests
# What test-fast leaves out (markers in pyproject.toml): report builds and refits, Chromium, Dask clusters,
# and subprocess checks of the environment.
FAST := not slow and not browser and not cluster and not env and not refit

# make test-fast: the inner loop (unit tests, doctests, properties), no lint; a few minutes at most
test-fast: setup
	$(PYTEST) -m "$(FAST)" $(TEST_PATHS)

# make test: everything (lint, then every test); the README's and CI's one command. A full refit of
# the shipped models is left to check-models: make test checks that each model was fitted on today's
# inputs (a digest of everything its trainer sees) and that the trainer is deterministic.
test: lint
	$(PYTEST) -m "not refit" $(TEST_PATHS)

# make check-models: refit the shipped models from ../shared and compare them byte for byte (minutes)
check-models: setup
	$(PYTEST) -m refit $(TEST_PATHS)

# make lab [LAB_ARGS="--port 8899 --no-browser"]
lab: setup
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ALLOW_ROOT) $(LAB_ARGS)

clean:
	rm -rf output
