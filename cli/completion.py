"""Completion in bash that also completes ``table.field=value`` and labels with spaces.

click's own bash completion reads ``COMP_WORDS``, which bash splits at ``=``
(click#2847): after ``--set me.want_back=`` it sees the words ``me.want_back``
and ``=`` and offers nothing. This class reads the line as typed
(``COMP_LINE`` up to ``COMP_POINT``), splits it as the shell will, and
answers with what replaces bash's own current word: the rest after an ``=``,
or a whole value quoted for the shell when it holds spaces. A value that
ends in ``=`` gets no space after it, so the answer can be typed next.
"""
from __future__ import annotations

import os
import shlex
from typing import Any

from click.shell_completion import BashComplete, CompletionItem, split_arg_string

SOURCE = """\
%(complete_func)s() {
    local IFS=$'\\n'
    local response
    response=$(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD COMP_LINE="$COMP_LINE" \\
        COMP_POINT=$COMP_POINT COMP_CURRENT="${COMP_WORDS[COMP_CWORD]}" %(complete_var)s=bash_complete $1)
    for completion in $response; do
        IFS=',' read type value <<< "$completion"
        if [[ $type == 'dir' ]]; then
            COMPREPLY=()
            compopt -o dirnames
        elif [[ $type == 'file' ]]; then
            COMPREPLY=()
            compopt -o default
        elif [[ $type == 'nospace' ]]; then
            COMPREPLY+=("$value")
            compopt -o nospace 2>/dev/null
        elif [[ $type == 'plain' ]]; then
            COMPREPLY+=("$value")
        fi
    done
    return 0
}

%(complete_func)s_setup() {
    complete -o nosort -F %(complete_func)s %(prog_name)s
}

%(complete_func)s_setup;
"""


class ExsplainBash(BashComplete):
    """click's bash completion, reading the typed line rather than bash's words."""

    source_template = SOURCE

    def get_completion_args(self) -> tuple[list[str], str]:
        if "COMP_LINE" not in os.environ:  # an older sourced script: click's way
            return super().get_completion_args()
        line = os.environ["COMP_LINE"][: int(os.environ.get("COMP_POINT") or len(os.environ["COMP_LINE"]))]
        words = split_arg_string(line + "_")  # the "_" tells a word begun from a word to begin
        self.incomplete = words[-1][:-1]
        return words[1:-1], self.incomplete

    def format_completion(self, item: CompletionItem[Any]) -> str:
        if item.type != "plain":
            return super().format_completion(item)
        value = str(item.value)
        current = os.environ.get("COMP_CURRENT")
        incomplete = getattr(self, "incomplete", None)
        kind = "nospace" if value.endswith("=") else "plain"
        if current is None or incomplete is None:
            return f"{kind},{value}"
        head = incomplete[: len(incomplete) - len(current)] if current and incomplete.endswith(current) else ""
        if head and value.startswith(head):  # bash's word is only the part after a "=" or ":"
            return f"{kind},{value[len(head):]}"
        return f"{kind},{shlex.quote(value)}"


def register() -> None:
    """Use this class for bash (only this program runs in this process)."""
    from click.shell_completion import add_completion_class

    add_completion_class(ExsplainBash, "bash")
