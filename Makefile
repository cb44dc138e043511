# `make run` and `make test` each build .venv when it is missing (or when pyproject.toml changed)
# and install the project into it, so a fresh clone needs nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench clean translations dist dist-test install-desktop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	@packaging/ensure-qt-libs.sh $(VENV)
	$(BIN)/cycle-planner

lint: $(STAMP)
	$(BIN)/ruff check planner tests benchmarks tools
	$(BIN)/lint-imports
	$(BIN)/mypy

test: lint
	@packaging/ensure-qt-libs.sh $(VENV) --offscreen
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not dist"

bench: $(STAMP)
	PY=$(BIN)/python benchmarks/run.sh

# Extract every tr() / translate("Context", ...) string into resources/translations/planner_<lang>.ts
# (LANGS, default zh_CN), then compile the .ts to .qm for the app to load -- only once it holds at least
# one finished translation: an empty .qm would put a language in Preferences that changes nothing.
# The regimen files' texts first become planner/core/regimen_texts.py, which lupdate reads; new strings
# are translated with tools/ts_translate.py (todo / apply).
LANGS ?= zh_CN
translations: $(STAMP)
	mkdir -p resources/translations
	$(BIN)/python tools/extract_regimen_strings.py
	for lang in $(LANGS); do \
	  ts=resources/translations/planner_$$lang.ts; qm=resources/translations/planner_$$lang.qm; \
	  $(BIN)/pyside6-lupdate -locations relative -no-obsolete $$(find planner -name '*.py' | sort) -ts $$ts || exit 1; \
	  if grep -q '<translation>' $$ts; then $(BIN)/pyside6-lrelease $$ts -qm $$qm || exit 1; \
	  else rm -f $$qm; echo "$$ts: nothing translated yet, no .qm"; fi; \
	done

# The standalone build for ward PCs: one folder dist/cycle-planner/ with the app and the CLI (see
# packaging/cycle-planner.spec). PyInstaller comes from the `dist` extra; the last line is the bundle size.
DIST_STAMP := $(VENV)/.dist-stamp
BUNDLE := dist/cycle-planner

$(DIST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	@packaging/ensure-qt-libs.sh $(VENV) --offscreen
	@start=$$(date +%s); \
	QT_QPA_PLATFORM=offscreen $(BIN)/pyinstaller --noconfirm --log-level WARN \
	  --distpath dist --workpath build packaging/cycle-planner.spec || exit 1; \
	echo "build time: $$(( $$(date +%s) - start )) s"
	@echo "bundle size: $$(du -sh $(BUNDLE) | cut -f1) ($(BUNDLE), $$(find $(BUNDLE) -type f | wc -l) files)"

# The smoke test of the built bundle (tests/test_dist_smoke.py): fails, not skips, when the bundle is missing.
dist-test: $(STAMP)
	PLANNER_DIST_REQUIRED=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m dist

# The desktop entry and icon for the current user, pointing at the built bundle (run `make dist` first); the
# same script is inside the bundle for a ward PC that has only dist/cycle-planner/.
install-desktop:
	@test -x $(BUNDLE)/install-desktop.sh || { echo "error: $(BUNDLE) is not built; run make dist first" >&2; exit 2; }
	$(BUNDLE)/install-desktop.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
