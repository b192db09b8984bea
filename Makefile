# The two commands of the README: `make run` and `make test`. Each sets up what it needs.
# `make bundle`: the packaged app (PyInstaller, one folder) in dist/counter/; see the README.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
QM := resources/i18n/counter_zh_CN.qm resources/i18n/counter_en.qm

.PHONY: run test setup system-deps lint i18n benchmarks clean bundle icons pyinstaller

# The demo: the app with an embedded central platform on loopback and demo data (see ui/demo.py).
run: setup
	$(BIN)/counter-app demo

# The suite includes tests/test_bundle.py (slow: builds the bundle from a fresh clone and runs it).
test: setup pyinstaller
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

# PyInstaller comes with the dev extra; say so plainly when it is missing rather than test less.
pyinstaller: $(STAMP)
	@$(BIN)/python -c "import PyInstaller" 2>/dev/null || { \
		echo "PyInstaller is missing from $(VENV): the packaged app cannot be built or tested." >&2; \
		echo "Install the dev extra: $(BIN)/pip install -e '.[dev]' (or: rm $(STAMP); make setup)" >&2; \
		exit 1; }

# One folder, dist/counter/: `counter` (the windowed app) and `counter-app` (the command line).
# build.spec compiles the translations itself; it needs only the venv.
bundle: $(STAMP) pyinstaller
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec
	@du -sh dist/counter

# The application icon's PNG and ICO from its SVG (both committed; run after editing the SVG).
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/make_icons.py

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

# The figures of docs/performance.md were measured with central's `server` extra installed.
benchmarks: setup
	$(BIN)/pip install -q -e '.[server]'
	$(BIN)/python -m benchmarks --quick --json

clean:
	rm -rf $(VENV) build dist *.egg-info $(QM)
