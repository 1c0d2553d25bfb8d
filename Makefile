# make consult | make test | make bench   (PYTHON=python3.X picks the interpreter)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY_VERSION := $(shell $(PYTHON) -c 'import sys; print(".".join(map(str, sys.version_info[:3])))')
STAMP := $(VENV)/.installed-$(PY_VERSION)

.PHONY: consult test bench clean

# A fresh virtual environment whenever the interpreter or the dependencies change.
$(STAMP): setup.cfg pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable '.[test]'
	touch $(STAMP)

consult: $(STAMP)
	$(BIN)/exsplain consult

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .venv-* .pytest_cache .hypothesis build *.egg-info
