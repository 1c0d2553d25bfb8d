# make consult | make test | make bench | make golden | make lint   (PYTHON=python3.X picks the interpreter)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY_VERSION := $(shell $(PYTHON) -c 'import sys; print(".".join(map(str, sys.version_info[:3])))')
STAMP := $(VENV)/.installed-$(PY_VERSION)
LINT_STAMP := $(VENV)/.lint-installed

.PHONY: install consult test bench golden lint clean

# A fresh virtual environment whenever the interpreter or the dependencies change.
$(STAMP): setup.cfg pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable '.[test]' --config-settings editable_mode=compat
	touch $(STAMP)

install: $(STAMP)

# Ctrl-C and end of input are ordinary ways to end a consultation: the
# program says what happened, so make adds no error line of its own.
consult: $(STAMP)
	@EXSPLAIN_FOREGROUND=1 $(BIN)/exsplain consult $(ARGS); status=$$?; \
	[ $$status -eq 0 ] || [ $$status -eq 1 ] || [ $$status -eq 130 ] || exit $$status

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/run.py

# After changing wording or commands on purpose: rewrite every generated file
# (stored root help, golden screens, docs reference, JSON Schemas); tests say when.
golden: $(STAMP)
	$(BIN)/python tests/regenerate.py

$(LINT_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable '.[lint]' --config-settings editable_mode=compat
	touch $(LINT_STAMP)

lint: $(LINT_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .venv-* .pytest_cache .hypothesis .mypy_cache .ruff_cache build *.egg-info
