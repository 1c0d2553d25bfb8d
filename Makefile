# make consult | make test | make bench | make golden | make lint   (PYTHON=python3.X picks the interpreter)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY_VERSION := $(shell $(PYTHON) -c 'import sys; print(".".join(map(str, sys.version_info[:3])))')
# A fresh virtual environment whenever the interpreter or the declared dependencies change.
DEPENDENCIES := $(shell cat setup.cfg pyproject.toml | cksum | cut -d' ' -f1)
VENV_STAMP := $(VENV)/.venv-$(PY_VERSION)-$(DEPENDENCIES)
# The editable install (strict mode) links every file of the packages into
# build/__editable__.*; a file added or removed needs it done again, so the
# stamp is named after the list of files.
FILES := $(shell find exsplain expert knowledge cli examples docs -path '*/__pycache__' -prune -o -type f -print | LC_ALL=C sort | cksum | cut -d' ' -f1)
STAMP := $(VENV)/.installed-$(FILES)
LINT_STAMP := $(VENV)/.lint-installed
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: install consult test bench golden lint clean

$(VENV_STAMP): setup.cfg pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	touch $(VENV_STAMP)

$(STAMP): $(VENV_STAMP)
	rm -f $(VENV)/.installed-*
	$(PIP) --editable '.[test]' --config-settings editable_mode=strict
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
	$(PIP) --editable '.[lint]' --config-settings editable_mode=strict
	touch $(LINT_STAMP)

lint: $(LINT_STAMP)
	$(BIN)/ruff check .
	MYPYPATH=$(wildcard build/__editable__.exsplain-*) $(BIN)/mypy

clean:
	rm -rf $(VENV) .venv-* .pytest_cache .hypothesis .mypy_cache .ruff_cache build *.egg-info
