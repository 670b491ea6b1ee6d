# Daftar — everything a newcomer needs is `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test test-cluster test-python install install-dev postgres lint format lock check-lock bench bench-load fuzz sweep worker check-deploy audit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed-base: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/base.txt requirements/dev.txt $(VENV)/.installed-base
	$(BIN)/pip install --quiet -r requirements/base.txt -r requirements/dev.txt
	touch $@

install: $(VENV)/.installed-base
install-dev: $(VENV)/.installed-dev

## run: install, migrate, load demo data and start the site and a worker on 127.0.0.1:$(PORT)
run: install
	PORT=$(PORT) BIN=$(BIN) scripts/run.sh

## test: install, lint, start a throwaway PostgreSQL 15 cluster and run the whole suite in it
## (scripts/test-suite.sh: the migrations once into a template database, the unit tests in
## PYTEST_WORKERS processes, the tests that commit after them in one, then the browser tests in
## tests/e2e with Debian's Chromium installed if missing), then drop the cluster.
PYTEST_WORKERS ?= 2
test: install-dev postgres
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -c pyproject.toml -r . -q
	scripts/ensure-chromium.sh
	BIN=$(BIN) PYTEST_WORKERS=$(PYTEST_WORKERS) PYTEST_ARGS="$(PYTEST_ARGS)" \
	  scripts/with-postgres.sh scripts/with-migrated-template.sh scripts/test-suite.sh

## bench: benchmarks on PostgreSQL with realistic volumes (tests/bench), then the load benchmark
bench: install-dev postgres
	scripts/with-postgres.sh $(BIN)/pytest -q -p no:randomly tests/bench --override-ini addopts= -s $(PYTEST_ARGS)
	BIN=$(BIN) scripts/bench-load.sh

## bench-load: gunicorn (production settings) and the jobs worker on loopback under a mixed
## locust load on the full data set (tests/bench/load); fails if any request fails
bench-load: install-dev postgres
	BIN=$(BIN) scripts/bench-load.sh

## fuzz: the API fuzzed with schemathesis, long form: every operation as each role and
## anonymously, up to FUZZ_EXAMPLES examples each on a fresh seed (printed; FUZZ_SEED=<n>
## replays a run), within FUZZ_MAX_SECONDS of fuzzing. `make test` runs the short form.
FUZZ_EXAMPLES ?= 300
FUZZ_MAX_SECONDS ?= 720
fuzz: install-dev postgres
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_MAX_SECONDS=$(FUZZ_MAX_SECONDS) \
	FUZZ_SEED=$${FUZZ_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')} \
	scripts/with-postgres.sh $(BIN)/pytest -q tests/fuzz -p no:logging $(PYTEST_ARGS)

## postgres: PostgreSQL 15 and Redis (Debian's packages) installed if missing; the tests start
## their own throwaway instances
postgres:
	@scripts/ensure-postgres.sh
	@scripts/ensure-redis.sh

## test-cluster: two gunicorn nodes (production settings) on loopback ports sharing one
## PostgreSQL and one Redis, two jobs workers and two sweep runners; races and injected faults
## (a killed worker, PostgreSQL and Redis stopped), each printing its figures (tests/cluster)
test-cluster: install-dev postgres
	scripts/with-postgres.sh $(BIN)/pytest -q -s -p no:randomly tests/cluster \
	  --override-ini addopts="-p no:cacheprovider --strict-markers" $(PYTEST_ARGS)

## test-python: the pinned requirements installed with their hashes into a fresh virtualenv of
## each supported Python (3.11, 3.12, 3.13; pyenv's or the system's), then Django's checks and
## a short part of the suite on each
PYTHONS ?= 3.11 3.12 3.13
test-python: postgres
	PYTHONS="$(PYTHONS)" scripts/test-pythons.sh

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -c pyproject.toml -r . -q

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## lock: recompile the pinned requirement files from requirements/*.in, with every file's hash
## and no index or local path in them (scripts/lock.sh: PyPI itself, whatever pip.conf says)
lock:
	scripts/lock.sh

## check-lock: the lock files carry hashes and no local paths
check-lock:
	scripts/lock.sh --check

sweep: install
	$(BIN)/python manage.py sweep

worker: install
	$(BIN)/python manage.py db_worker

## check-deploy: Django's deployment checks with the production settings
check-deploy: install
	DJANGO_SETTINGS_MODULE=daftar.settings.production \
	DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
	DJANGO_ALLOWED_HOSTS=daftar.example \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

## audit: security lint of the project's code (bandit), then known vulnerabilities in the pinned
## requirements (pip-audit; needs PyPI's JSON API or OSV on the network, so not part of `make test`)
audit: install-dev
	$(BIN)/bandit -c pyproject.toml -r . -q
	BIN=$(BIN) scripts/audit-dependencies.sh

clean:
	rm -rf $(VENV) var db.sqlite3 staticfiles
