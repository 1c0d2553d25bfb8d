# make consult | make test | make bench   (PYTHON=python3.X picks the interpreter)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY_VERSION := $(shell $(PYTHON) -c 'import sys; print(".".join(map(str, sys.version_info[:3])))')
STAMP := $(VENV)/.installed-$(PY_VERSION)

.PHONY: consult test bench root-help clean

# A fresh virtual environment whenever the interpreter or the dependencies change.
$(STAMP): setup.cfg pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --editable '.[test]' --config-settings editable_mode=compat
	touch $(STAMP)

consult: $(STAMP)
	$(BIN)/exsplain consult

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Rewrite the stored root help after changing commands (a test says when).
root-help: $(STAMP)
	$(BIN)/python -c 'from cli.launch import root_help; open("cli/root-help.txt", "w").write(root_help())'

clean:
	rm -rf $(VENV) .venv-* .pytest_cache .hypothesis build *.egg-info
