# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test venv demo bench clean translations

$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $(STAMP)

venv: $(STAMP)

translations: $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent resources/i18n/bmn_th.ts -qm resources/i18n/bmn_th.qm
	$(VENV)/bin/pyside6-lrelease -silent resources/i18n/qt_th.ts -qm resources/i18n/qt_th.qm

run: $(STAMP)
	$(PY) main.py gui --demo-if-empty

# Machine checks first (ruff.toml, mypy.ini), then the tests.
test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	$(PY) bench/run_bench.py

clean:
	rm -rf $(VENV) .pytest_cache

# Frozen one-folder build (PyInstaller) and its smoke test; see docs/packaging.md. Neither is part of
# `make test`: the build takes about a minute of both cores, the smoke test needs the build.
BUILD_STAMP := $(VENV)/.installed-build

.PHONY: bundle bundle-test bundle-clean

$(BUILD_STAMP): $(STAMP) requirements-build.txt
	$(PY) -m pip install --quiet -r requirements-build.txt
	touch $(BUILD_STAMP)

bundle: $(BUILD_STAMP)
	nice -n 10 $(PY) packaging/build.py

bundle-test: $(STAMP)
	$(PY) packaging/smoke_test.py --keep build/smoke

bundle-clean:
	rm -rf dist build
