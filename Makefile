# Net-Works portal. `make run` sets everything up and serves the demo; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/dev.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install node-tools map-vendor run serve test test-fast worker beat lint lock messages compile-messages demo-code check-deploy bench load audit clean

help:
	@echo "make run      set up .venv, migrate, load the demo once, serve http://$(HOST):$(PORT)"
	@echo "make test     the full test suite (browser tests need Debian's chromium)"
	@echo "make worker   a Celery worker          make beat   the Celery beat scheduler"
	@echo "make lint     ruff                     make lock   re-pin requirements/*.txt"
	@echo "make demo-code  the demo coordinator's current second-factor code"
	@echo "make bench    query counts and server times per page at 1x and 10x data (var/bench/)"
	@echo "make load     gunicorn + wrk on loopback against the 10x data, the floor view interleaved"
	@echo "              (about 10 min; LOAD_ARGS=\"--window 2 --rounds 3 --only 'provider list'\")"
	@echo "make audit    pip-audit of the pinned requirements"
	@echo "make map-vendor  re-copy Leaflet and the outline of Europe from node_modules into static/vendor/"
	@echo "make messages  extract strings into locale/*/django.po, regenerate Serbian Latin, compile"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements/dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

# axe-core and the Nu HTML Checker for the browser and HTML tests, pinned by package-lock.json.
# --ignore-scripts: vnu-jar's install script would download a Java; the machine's Java runs it.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# The map's Leaflet files and the outline of Europe are committed under static/vendor/ (the site
# runs without npm); after changing their versions in package.json, re-copy them from node_modules.
map-vendor: install node_modules/.installed
	$(BIN)/python -m netw.geo.vendor

node-tools:
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory node_modules/.installed; \
	else echo "npm is not installed: the accessibility and HTML checks will be skipped."; fi

# The interface languages (sr_Latn is generated from sr by `manage.py serbian_latin`).
CATALOGUES := fr hu it mk pt sk sr

# Extract every string into the catalogues, regenerate Serbian Latin, compile: after changing strings.
messages: install
	$(BIN)/python manage.py makemessages $(addprefix -l ,$(CATALOGUES)) --add-location=file \
		--ignore=.venv --ignore=node_modules --ignore=var -v0
	$(BIN)/python manage.py serbian_latin -v0
	$(BIN)/python manage.py country_names -v0
	@$(MAKE) --no-print-directory compile-messages

# Compile the catalogues (.po -> .mo); make run and CI do this.
compile-messages: install
	@if command -v msgfmt >/dev/null; then $(BIN)/python manage.py compilemessages -v0 --ignore=.venv --ignore=node_modules; \
	else echo "gettext is not installed: interface translations are not compiled (English works)."; fi

var/.demo-seeded: | install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py seed_demo
	@mkdir -p var && touch $@

run: install compile-messages
	$(BIN)/python manage.py migrate --noinput -v0
	@$(MAKE) --no-print-directory var/.demo-seeded
	@echo "Serving the demo at http://$(HOST):$(PORT)/ (the README lists the demo accounts)."
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The suite runs on every core (pytest-xdist), a file per worker at a time; TEST_WORKERS=0 runs
# it in one process (e.g. to debug), PYTEST_ARGS narrows it: make test PYTEST_ARGS=tests/netw.
TEST_WORKERS ?= auto
test: install node-tools
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

worker: install
	$(BIN)/celery -A netw worker --loglevel=info

beat: install
	$(BIN)/celery -A netw beat --loglevel=info --schedule var/celerybeat-schedule

lint: install
	$(BIN)/ruff check .

lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras -o requirements/base.txt pyproject.toml
	$(BIN)/pip-compile --quiet --strip-extras --extra dev -o requirements/dev.txt pyproject.toml

demo-code: install
	@$(BIN)/python manage.py demo_code

check-deploy: install
	DEBUG=false SECURE_SSL_REDIRECT=true SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(60))') \
	ALLOWED_HOSTS=portal.example.org DATABASE_URL=sqlite:///var/check.sqlite3 \
	CELERY_BROKER_URL=redis://127.0.0.1:6379/0 REDIS_URL=redis://127.0.0.1:6379/1 EMAIL_URL=smtp://localhost:25 \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

audit: install
	$(BIN)/python .ci/pip_audit.py requirements/dev.txt

bench: install
	$(BIN)/python manage.py bench $(BENCH_ARGS)
	$(BIN)/python manage.py bench_exports $(BENCH_EXPORTS_ARGS)

load: install
	@command -v wrk >/dev/null || { echo "make load needs wrk (apt-get install wrk)"; exit 1; }
	$(BIN)/python manage.py load $(LOAD_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache
