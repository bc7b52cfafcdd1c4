# factcheck: `make run` serves the demo, `make test` runs the suite. Needs Python >= 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The local demo runs in debug mode with a development key; production sets its own.
DEMO_ENV := DJANGO_DEBUG=$${DJANGO_DEBUG:-1}

.PHONY: run serve test lint fuzz clients clients-check bench bench-reanchor bench-search bench-matching bench-load bench-inprocess bench-compare check-migrations schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(DEMO_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEMO_ENV) $(BIN)/python manage.py load_demo
	@echo ""
	@echo "  factcheck is serving on http://127.0.0.1:$(PORT)/"
	@echo "  API docs:    http://127.0.0.1:$(PORT)/api/docs/  (ReDoc: /api/redoc/, schema: /api/schema/)"
	@echo "  Annotator:   http://127.0.0.1:$(PORT)/annotate/"
	@echo "  Log in:      POST /api/v1/auth/token/ {\"username\": \"demo-editor\", \"password\": \"demo-password\"}"
	@echo "               then send 'Authorization: Token <token>'; or use the browsable API's login."
	@echo "  Demo users:  demo-annotator, demo-reviewer, demo-editor (password: demo-password)"
	@echo ""
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The app as in production: gunicorn (gunicorn.conf.py: WEB_CONCURRENCY workers, default
# 2 x cores + 1), debug off, static files by whitenoise, the deployment checks first. Needs the
# production variables (README, "Deploying"): DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL.
serve: $(VENV)/.installed
	DJANGO_DEBUG=0 $(BIN)/python manage.py check --deploy --fail-level WARNING
	DJANGO_DEBUG=0 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=0 $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	DJANGO_DEBUG=0 PORT=$(PORT) $(BIN)/gunicorn --config gunicorn.conf.py

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The generated clients (clients/: the schema, TypeScript types for openapi-fetch), written from
# the schema; clients-check (CI) fails when they differ from what is committed, compiles the
# TypeScript example strictly and runs it against a live server. Needs Node 20 and npm.
clients: $(VENV)/.installed-dev
	bash scripts/clients.sh generate

clients-check: $(VENV)/.installed-dev
	bash scripts/clients.sh check

# Schemathesis against the live API on PostgreSQL ($$DATABASE_URL, or a throw-away database on
# 127.0.0.1:5432); see scripts/fuzz.sh for FUZZ_* tunables.
fuzz: $(VENV)/.installed-dev
	bash scripts/fuzz.sh

# Benchmarks on PostgreSQL, each in a throw-away database; figures in docs/benchmarks.md.
# `make bench` runs them all; bench-reanchor (issue 5), bench-search, bench-matching, bench-load (over HTTP) and
# bench-inprocess (CPU per request) one each. bench-compare runs bench-load on an earlier commit
# (BENCH_BEFORE) and then here, in the same hour, and shows each phase as a multiple of before.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/factcheck_bench
bench: bench-reanchor bench-search bench-matching bench-inprocess bench-load

bench-reanchor: $(VENV)/.installed-dev
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} $(BIN)/python bench/reanchor.py

bench-search: $(VENV)/.installed-dev
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} $(BIN)/python bench/search.py

# Claim matching on the evaluation set of tests/matching_set.py (issue 16): MAP@5, MRR, R@1/5/10
# and latency of the project's ranking beside plain BM25 (bm25s). SQLite unless DATABASE_URL names
# a PostgreSQL server; MATCHING_ARGS="--scale 300000" (PostgreSQL) times it among 300,000 claims.
bench-matching: $(VENV)/.installed-dev
	$(BIN)/python bench/matching.py $(MATCHING_ARGS)

bench-load: $(VENV)/.installed-dev
	bash scripts/bench.sh

bench-inprocess: $(VENV)/.installed-dev
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} $(BIN)/python bench/inprocess.py

bench-compare: $(VENV)/.installed-dev
	bash scripts/bench-compare.sh

# ruff (with a bound on each function's complexity), mypy, and the layers import-linter keeps
# (the contracts in pyproject.toml; docs/architecture.md).
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles .pytest_cache .mypy_cache .ruff_cache
