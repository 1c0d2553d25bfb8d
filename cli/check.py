"""``exsplain check``: verify the knowledge base itself."""
from pathlib import Path

import click

from cli.errors import BadInput, reported_as_bad_input


@click.command()
@click.option("--examples", "examples_dir", type=click.Path(file_okay=False), default="examples", show_default=True,
              help="Folder of example cases that must, together, fire every rule.")
def check(examples_dir):
    """Check the knowledge base: wording, sources, coverage by examples.

    Every conclusion needs wording and a source and must be reachable by a
    rule; every field must be used by a rule or the wording; every citation
    must point at an existing paragraph; every rule must fire in some example;
    no two rules may be identical. Exits 1 and lists the problems if any.

    \b
    Examples:
      exsplain check
      exsplain check --examples path/to/cases
    """
    from expert.case import case_files
    from expert.check import check as check_knowledge
    from knowledge.base import KNOWLEDGE_BASE as kb

    folder = Path(examples_dir)
    if not folder.is_dir():
        raise BadInput(f"{folder}: no such folder of example cases (use --examples)")
    with reported_as_bad_input():
        examples = [kb.vocabulary.load(p) for p in case_files([folder])]
    findings = check_knowledge(kb, examples)
    for problem in findings.problems:
        click.echo(f"problem: {problem}")
    click.echo(f"{len(examples)} examples; {findings.coverage}; {len(findings.problems)} problems")
    if findings.problems:
        raise click.exceptions.Exit(1)
