# The two commands of the README: `make run` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
QM := resources/i18n/counter_zh_CN.qm resources/i18n/counter_en.qm

.PHONY: run test setup system-deps lint i18n benchmarks clean

# The demo: the app with an embedded central platform on loopback and demo data (see ui/demo.py).
run: setup
	$(BIN)/counter-app demo

test: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

setup: system-deps $(STAMP) i18n

system-deps:
	@scripts/system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

i18n: $(STAMP) $(QM)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

benchmarks: setup
	$(BIN)/python -m benchmarks --quick --json

clean:
	rm -rf $(VENV) build dist *.egg-info $(QM)
