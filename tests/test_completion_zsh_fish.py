"""Completion for zsh and fish: what exsplain answers to each shell's own request (click's protocol,
as the scripts it gives those shells ask), and, where the shell is installed, that the script it
sources is one the shell reads. Neither shell is needed for the first part; bash is driven for real
in test_completion.py."""
import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from test_analyze_cli import exsplain_command

pytestmark = pytest.mark.skipif(exsplain_command() is None, reason="needs the installed exsplain command")


def answer(shell, words, current):
    """exsplain's answer when ``shell`` asks for completions of ``words`` (the line up to the cursor)."""
    env = {**os.environ, "_EXSPLAIN_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": current}
    done = subprocess.run([exsplain_command()], capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout


def zsh_values(words):
    lines = answer("zsh", words, str(len(words.split(" ")) - 1)).splitlines()
    return [lines[n + 1] for n in range(0, len(lines), 3)]  # zsh gets type, value, help: three lines each


def fish_values(words):
    current = words.rsplit(" ", 1)[-1]
    return [line.split(",", 1)[1].split("\t")[0] for line in answer("fish", words, current).splitlines()]


@pytest.mark.parametrize("values", [zsh_values, fish_values])
def test_set_completes_the_values_of_a_field(values):
    assert values("exsplain whatif examples/co-parents.toml --set me.want_back=") == [
        "me.want_back=yes", "me.want_back=no", "me.want_back=unsure"]


@pytest.mark.parametrize("values", [zsh_values, fish_values])
def test_explain_completes_conclusion_labels_whole(values):
    offered = values("exsplain explain examples/co-parents.toml ")
    assert "Grief over the ending" in offered


def test_fish_shows_each_region_with_its_name():
    lines = answer("fish", "exsplain analyze --region ", "").splitlines()
    assert "plain,GB\tUnited Kingdom" in lines


@pytest.mark.parametrize("shell, check", [("zsh", ["zsh", "-n"]), ("fish", ["fish", "--no-execute"])])
def test_the_sourced_script_is_read_by_the_shell(tmp_path, shell, check):
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here")
    env = {**os.environ, "_EXSPLAIN_COMPLETE": f"{shell}_source"}
    script = subprocess.run([exsplain_command()], capture_output=True, text=True, env=env, check=True).stdout
    (tmp_path / "complete").write_text(script, encoding="utf-8")
    done = subprocess.run([*check, str(tmp_path / "complete")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
