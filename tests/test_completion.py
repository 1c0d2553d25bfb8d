"""Completion driven through real bash: the script exsplain gives bash, called as bash calls it.

Each case sets ``COMP_WORDS`` as bash splits the line (at spaces, and at
``=``: ``me.want_back=`` is the two words ``me.want_back`` and ``=``),
``COMP_CWORD``, ``COMP_LINE`` and ``COMP_POINT``, runs the completion
function and reads ``COMPREPLY``: what bash puts in place of its current word.
"""
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from test_analyze_cli import exsplain_command

pytestmark = pytest.mark.skipif(shutil.which("bash") is None or exsplain_command() is None,
                                reason="needs bash and the installed exsplain command")

DRIVER = """
source <(_EXSPLAIN_COMPLETE=bash_source exsplain)
COMP_LINE=$1; COMP_POINT=${#COMP_LINE}; shift
COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
_exsplain_completion exsplain 2>/dev/null
printf '%s\\n' "${COMPREPLY[@]}"
"""


def bash_words(line):
    """The words bash makes of ``line`` for completion: split at blanks outside quotes, and at ``=``."""
    words, current, quote, escaped = [], "", None, False
    for char in line:
        if escaped or char == "\\":
            current, escaped = current + char, not escaped
        elif quote:
            current += char
            quote = None if char == quote else quote
        elif char in "\"'":
            current, quote = current + char, char
        elif char in " =":
            if current:
                words.append(current)
            current = ""
            if char == "=":
                words.append("=")
        else:
            current += char
    return [*words, current] if current or line.endswith(" ") else words


def complete(line):
    """What bash would offer in place of the current word of ``line``."""
    bin_folder = str(Path(exsplain_command()).parent)
    done = subprocess.run(["bash", "--norc", "--noprofile", "-c", DRIVER, "bash", line, *bash_words(line)],
                          capture_output=True, text=True, cwd=ROOT,
                          env={"PATH": f"{bin_folder}:/usr/bin:/bin", "HOME": str(ROOT), "LC_ALL": "C.UTF-8"})
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def completed(line, reply):
    """The line once bash has put ``reply`` in place of its current word."""
    current = bash_words(line)[-1] if not line.endswith(" ") else ""
    return line[: len(line) - len(current)] + reply


def test_bash_splits_words_as_this_test_assumes():
    assert bash_words("exsplain whatif a.toml --set me.want_back=") == [
        "exsplain", "whatif", "a.toml", "--set", "me.want_back", "="]
    assert bash_words('exsplain explain a.toml "A hope') == ["exsplain", "explain", "a.toml", '"A hope']
    assert bash_words("exsplain explain a.toml A\\ hope") == ["exsplain", "explain", "a.toml", "A\\ hope"]


def test_set_completes_the_values_after_the_equals_sign():
    line = "exsplain whatif examples/co-parents.toml --set me.want_back="
    replies = complete(line)
    assert sorted(completed(line, r) for r in replies) == sorted(f"{line}{v}" for v in ("yes", "no", "unsure"))
    assert [completed(line + "u", r) for r in complete(line + "u")] == [f"{line}unsure"]


def test_set_completes_a_field_name_ending_in_equals():
    assert complete("exsplain whatif examples/co-parents.toml --set me.want_b") == ["me.want_back="]


@pytest.mark.parametrize("typed", ['"A hope th', "A\\ hope\\ th", "'A hope th"])
def test_a_label_with_spaces_is_quoted_and_the_command_runs(typed):
    line = f"exsplain explain examples/ended-by-me-plea.toml {typed}"
    (reply,) = complete(line)
    command = completed(line, reply)
    assert shlex.split(command)[-1] == "A hope that you will change your mind"
    bin_folder = str(Path(exsplain_command()).parent)
    done = subprocess.run(["bash", "--norc", "-c", command], capture_output=True, text=True, cwd=ROOT,
                          env={"PATH": f"{bin_folder}:/usr/bin:/bin", "EXSPLAIN_REGION": "GB", "LC_ALL": "C.UTF-8"})
    assert done.returncode == 0, done.stderr


def test_region_completes_the_codes():
    from exsplain.knowledge.catalog import CATALOG

    codes = complete("exsplain analyze --region ")
    assert codes == [region.code for region in CATALOG.regions] and {"GB", "DE", "FR", "other"} <= set(codes)
    assert complete("exsplain analyze --region g") == ["GB"]


def test_a_script_sourced_before_this_change_still_completes_commands():
    env = {"COMP_WORDS": "exsplain wha", "COMP_CWORD": "1", "_EXSPLAIN_COMPLETE": "bash_complete"}
    done = subprocess.run([sys.executable, "-m", "exsplain"], env=env, capture_output=True, text=True)
    assert done.stdout.splitlines() == ["plain,whatif"]
