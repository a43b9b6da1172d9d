# The two commands of the README: `make run` and `make test`. Everything else serves them.
SHELL := /bin/bash
# The first Python 3.11+ that actually runs (pyenv shims answer `command -v` even when unusable).
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := frontend/node_modules/.installed
DIST := frontend/dist/index.html
FRONT_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) frontend/index.html frontend/vite.config.ts frontend/tsconfig.json

.PHONY: run test setup check-tools lint bench clean stack screenshots

run: setup
	COPRO_ENV=dev $(BIN)/copro demo --if-empty
	COPRO_ENV=dev $(BIN)/copro serve --host 127.0.0.1 --port 8000

# The packages the type checker holds to its rules (pyproject.toml's [tool.mypy]).
TYPED := domain command_api query_api projections copro

# Test files are shared out between PYTEST_WORKERS processes, each file whole to one of them
# (a browser module keeps its one server); PYTEST_WORKERS=0 runs them all in this process.
PYTEST_WORKERS ?= 2

test: setup
	$(BIN)/ruff check .
	$(BIN)/mypy $(TYPED)
	cd frontend && npm test
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile

# Every screen at 1280 and 375 px, in French and English, under frontend/e2e-results/screenshots
# for a person to look at (Debian's chromium and PostgreSQL, as the browser tests).
screenshots: setup
	$(BIN)/pytest -m screenshots -n $(PYTEST_WORKERS) --dist loadfile tests/e2e

setup: check-tools $(PY_STAMP) $(DIST)

check-tools:
	@test -n "$(PYTHON)" || { echo "Python 3.11+ is required"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (found " + sys.version.split()[0] + ")")'
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : (console.error("Node 20+ is required"), 1))'

$(PY_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(NODE_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

$(DIST): $(NODE_STAMP) $(FRONT_SOURCES)
	cd frontend && npm run build

# The compose topology as local processes (no Docker engine here): nginx, both APIs, the
# projector and the scheduler on PostgreSQL (COPRO_DATABASE_URL, default a local copro_stack).
stack: setup
	$(BIN)/python infra/stack.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy $(TYPED)

bench: setup
	$(BIN)/python -m bench.commands

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist var
