"""Writing files that hold private answers: atomically, readable by the owner only."""
import os
import tempfile
from pathlib import Path


def write_private(path, text):
    """Replace ``path`` with ``text`` in one step, with mode 0600.

    The text goes to a temporary file beside the target (``mkstemp`` creates it
    readable by the owner only), is flushed to disk, then renamed over the
    target, so a reader sees the old file or the new one, never half of one.
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
