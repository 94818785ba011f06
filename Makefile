# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The development server runs with DEBUG on; production sets its own environment (README).
RUN_ENV := DJANGO_DEBUG=1

.PHONY: run test test-fast test-browser lint format install migrate data messages bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput

data: migrate
	$(RUN_ENV) $(BIN)/python manage.py load_reference_data
	$(RUN_ENV) $(BIN)/python manage.py load_demo_data

run: data
	@echo ""
	@echo "  OCOP catalog: http://$(HOST):$(PORT)/"
	@echo "  Sign in at http://$(HOST):$(PORT)/admin/ with an account listed above."
	@echo ""
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not browser and not slow"

test-browser: install
	$(BIN)/python -m pytest -m browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The public pages at 100,000 products on PostgreSQL under gunicorn and wrk (README, "Benchmark").
# Options: make bench BENCH_ARGS="--sizes 10000,100000 --duration 10 --connections 8"
BENCH_ARGS ?=
bench: install
	$(RUN_ENV) $(BIN)/python manage.py bench $(BENCH_ARGS)

messages: install
	$(RUN_ENV) $(BIN)/python manage.py makemessages -l vi -l en --no-obsolete --ignore=.venv
	$(RUN_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
