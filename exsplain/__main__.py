"""``python -m exsplain``: the same as the ``exsplain`` command.

``exsplain`` is the one import namespace of this project. Its three packages
live at the root of the repository, where a newcomer looks for them, and are
installed under it (see ``package_dir`` in ``setup.cfg``): ``expert/`` as
``exsplain.expert`` (the inference machinery), ``knowledge/`` as
``exsplain.knowledge`` (the domain) and ``cli/`` as ``exsplain.cli`` (the
commands). ``exsplain`` itself is a namespace package with no
``__init__.py``, so a checkout's folder of this name never hides the
installed packages.
"""
import sys

from exsplain.cli.launch import main

sys.exit(main())
