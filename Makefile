# `make run` and `make test` each build .venv when it is missing (or when pyproject.toml changed)
# and install the project into it, so a fresh clone needs nothing but Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench clean translations

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
	$(BIN)/ruff check planner tests benchmarks
	$(BIN)/lint-imports

test: lint
	@packaging/ensure-qt-libs.sh $(VENV) --offscreen
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	for script in benchmarks/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || exit 1; done

# Extract every tr() / translate("Context", ...) string into resources/translations/planner_<lang>.ts
# (LANGS, default zh_CN), then compile the translated files to .qm for the app to load.
LANGS ?= zh_CN
translations: $(STAMP)
	mkdir -p resources/translations
	for lang in $(LANGS); do \
	  $(BIN)/pyside6-lupdate $$(find planner -name '*.py') -ts resources/translations/planner_$$lang.ts || exit 1; \
	  $(BIN)/pyside6-lrelease resources/translations/planner_$$lang.ts -qm resources/translations/planner_$$lang.qm \
	    || exit 1; \
	done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
