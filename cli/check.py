"""``exsplain check``: verify the knowledge base itself."""
from __future__ import annotations

from pathlib import Path

import click

from exsplain.cli.output import say
from exsplain.cli.params import knowledge_base
from exsplain.cli.status import BadInput, ExitStatus, Stop


@click.command()
@click.option("--examples", "examples_dir", type=click.Path(file_okay=False),
              help="Folder of example cases that must, together, fire every rule  [default: the shipped examples]")
def check(examples_dir: str | None) -> None:
    """Check the knowledge base: wording, sources, questions, coverage by examples.

    Every conclusion needs wording and a source and must be reachable by a
    rule; every field needs a question and words for each answer, and must
    be used by a rule or the wording; every citation must point at an
    existing paragraph; safety rules must say why they go beyond the
    articles; every rule must fire in some example; no two rules may be
    identical; the safety invariants must hold on every example and on every
    combination of the safety answers the knowledge base lists (each failure
    is named by example or by combination). Exits 1 and lists the problems if
    any.

    \b
    Examples:
      exsplain check
      exsplain check --examples examples/
    """
    from exsplain.cli.shipped import example_paths
    from exsplain.expert.case import case_files
    from exsplain.expert.check import check as check_knowledge
    from exsplain.expert.fields import CaseError

    if examples_dir and not Path(examples_dir).is_dir():
        raise BadInput(f"{examples_dir}: no such folder of example cases")
    kb = knowledge_base()
    try:
        examples = [kb.vocabulary.load(p) for p in (case_files([examples_dir]) if examples_dir else example_paths())]
    except CaseError as error:
        raise BadInput(str(error)) from None
    findings = check_knowledge(kb, examples)
    for problem in findings.problems:
        say(f"problem: {problem}")
    say(f"{len(examples)} examples; {findings.coverage}; {len(findings.problems)} problems")
    if findings.problems:
        raise Stop(ExitStatus.INCOMPLETE)
