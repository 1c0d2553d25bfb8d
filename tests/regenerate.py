"""Rewrite every generated file: ``make golden`` after a deliberate change of wording.

The stored root help, the golden screens of tests/golden/, the docs reference
pages and the JSON Schemas in docs/.  Tests compare against these files and
fail, naming this command, when they are stale.
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.chdir(Path(__file__).resolve().parent.parent)

import conftest  # noqa: E402,F401  (pins region, width and locale as the tests do)
from golden import ROOT, write_all  # noqa: E402

for path in write_all():
    print(f"wrote {path.relative_to(ROOT)}")
