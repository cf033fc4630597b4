# CosMedicList — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
# The first interpreter that is Python 3.12 or newer: pyenv's pin in .python-version,
# a python3.1x on PATH, or pyenv's own installs.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null); do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
ADMIN_URL ?= admin/

.PHONY: help run test check lint format install migrate seed clean bench

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is required (none found)." >&2; exit 1; }
	@echo "Using $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	@# pip's notes about machine-wide index locations are noise; its errors still fail the build.
	set -o pipefail; $(PY) -m pip install --quiet --upgrade pip 2>&1 | { grep -v '^WARNING: Location' || true; }
	set -o pipefail; $(PY) -m pip install --quiet '.[dev]' 2>&1 | { grep -v '^WARNING: Location' || true; }
	@touch $(STAMP)

install: $(STAMP) ## Create the virtualenv and install everything

# Local commands run with DEBUG on unless the environment says otherwise.
LOCAL_ENV := DEBUG=$${DEBUG:-1}

migrate: install ## Apply database migrations
	$(LOCAL_ENV) $(PY) manage.py migrate --noinput

seed: migrate ## Load the demo content (idempotent)
	$(LOCAL_ENV) $(PY) manage.py seed_demo

run: seed ## Serve the site with demo content at http://127.0.0.1:8000
	$(LOCAL_ENV) $(PY) manage.py demo_admin --url http://$(HOST):$(PORT)/$(ADMIN_URL)
	$(LOCAL_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# The suite runs with DEBUG off, as production does, with a key used for nothing else.
TEST_ENV := DEBUG=0 SECRET_KEY=test-only-key-not-used-anywhere-else-0123456789abcdef \
	ALLOWED_HOSTS=testserver,localhost,127.0.0.1 SECURE_SSL_REDIRECT=0

# Front-end checking tools (axe-core, the Nu validator, Lighthouse), pinned in package-lock.json.
# Without npm the browser tests that need them are skipped (and fail under CI=true).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); \
	else echo "npm not found: skipping the front-end checking tools." >&2; fi

test: install $(NODE_STAMP) ## Run the whole test suite (DATABASE_URL selects it; PYTEST_ARGS narrows it)
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

lint: install ## Lint, format check and migration check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=lint-only-$$(date +%s)-not-a-real-secret-key-000000000000 ALLOWED_HOSTS=example.org \
		$(PY) manage.py check --deploy --fail-level WARNING

format: install ## Format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: lint test ## What CI runs on one database: lint and the whole suite

.PHONY: audit
bench: install ## Benchmark gunicorn in production mode with wrk (BENCH_ARGS=--sqlite, --rounds N, ...)
	@case " $(BENCH_ARGS) " in *" --sqlite "*) $(PY) scripts/bench.py $(BENCH_ARGS);; \
	  *) scripts/with-postgres $(PY) scripts/bench.py $(BENCH_ARGS);; esac

audit: install $(NODE_STAMP) ## Lighthouse scores of the post page served by gunicorn in production mode
	scripts/audit

clean: ## Remove the virtualenv and local database
	rm -rf $(VENV) db.sqlite3 media
