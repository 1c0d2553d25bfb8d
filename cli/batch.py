"""``exsplain batch``: many case files, one summary row each, on several cores."""
import csv
import json
import os
import sys
import click

from cli.errors import BadInput
from cli.options import format_option

COLUMNS = ("file", "top_motive", "certainty", "first_action", "warnings", "error")


def summarize(path):
    """One row for one case file; an invalid file gets its error instead of conclusions."""
    from expert.case import CaseError
    from knowledge.base import KNOWLEDGE_BASE as kb

    row = dict.fromkeys(COLUMNS)
    row["file"] = path
    try:
        case = kb.vocabulary.load(path)
    except CaseError as error:
        row["error"] = ": ".join(p for p in (error.field, error.problem) if p)
        return row
    report = kb.report(case)
    if report["motives"]:
        row["top_motive"] = report["motives"][0]["id"]
        row["certainty"] = report["motives"][0]["certainty"]
    if report["actions"]:
        row["first_action"] = report["actions"][0]["id"]
    row["warnings"] = len(report["warnings"])
    return row


def summaries(paths, jobs):
    """Rows in the order of ``paths``, computed by ``jobs`` processes."""
    if jobs == 1 or len(paths) < 2:
        yield from map(summarize, paths)
        return
    import multiprocessing

    chunk = max(1, min(64, len(paths) // (jobs * 4)))
    with multiprocessing.Pool(jobs, initializer=ignore_interrupts) as pool:
        yield from pool.imap(summarize, paths, chunksize=chunk)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to use  [default: the number of cores]")
@format_option("table", "csv", "jsonl")
def batch(paths, jobs, output_format):
    """Analyze many case files, one summary row each.

    Rows come in input order, whatever the number of processes.
    Folders are searched for .toml and .json files. An invalid file is
    reported in its row and does not stop the batch; the exit status is 2 if
    any file was invalid, 0 otherwise. A progress bar shows on stderr when it
    is a terminal.

    \b
    Examples:
      exsplain batch examples/
      exsplain batch --jobs 2 --format jsonl cases/ > summary.jsonl
      exsplain batch --format csv a.toml b.json
    """
    from expert.case import case_files

    files = case_files(paths)
    jobs = jobs or os.cpu_count() or 1
    rows = summaries(files, jobs)
    if sys.stderr.isatty() and len(files) > 1:
        rows = with_progress(rows, len(files))
    try:
        collected = write_rows(rows, output_format)
    except KeyboardInterrupt:
        click.echo("\nBatch interrupted.", err=True)
        sys.exit(130)
    invalid = sum(1 for row in collected if row["error"])
    if invalid:
        raise BadInput(f"{invalid} of {len(collected)} case files are invalid (see the error column)")


def write_rows(rows, output_format):
    """Print the rows as they come (a table waits for all); returns them."""
    collected = []
    if output_format == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
            collected.append(row)
    elif output_format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            collected.append(row)
    else:
        from tabulate import tabulate

        collected = list(rows)
        table = [["" if v is None else v for v in row.values()] for row in collected]
        click.echo(tabulate(table, headers=COLUMNS, disable_numparse=True))
    return collected


def ignore_interrupts():
    """Workers leave Ctrl-C to the parent, which stops them all at once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def with_progress(rows, total):
    with click.progressbar(length=total, label="Analyzing", file=sys.stderr) as bar:
        for row in rows:
            bar.update(1)
            yield row
