"""``exsplain batch``: many cases, one summary row each (or one overview), on several cores.

Rows come in input order whatever the number of processes.  An invalid file
or row is reported in its row and does not stop the batch.  Ctrl-C, SIGTERM
and SIGHUP stop the workers and end the batch with one line and status
128 + the signal; no worker prints a traceback.
"""
from __future__ import annotations

import os
import signal
import sys
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from exsplain.cli.output import say, say_json
from exsplain.cli.params import knowledge_base
from exsplain.cli.status import BadInput, ExitStatus, Stop

if TYPE_CHECKING:
    from exsplain.expert.spreadsheet import Writer

POLL = 0.1  # seconds the pool is waited on with the stopping signals held
COLUMNS = ("file", "top_motive", "certainty", "band", "first_action", "warning_count", "error")


@dataclass(frozen=True)
class Item:
    """One case to summarize: a case file, or a row of a spreadsheet (``row`` holds its cells)."""

    source: str
    row: dict[str, str] | None = None
    problem: str | None = None


class Terminated(Exception):
    def __init__(self, signum: int):
        self.signum = signum


def items_of(paths: Iterable[str]) -> list[Item]:
    """The cases named by ``paths``: case files, folders of them, and spreadsheets (.csv)."""
    from exsplain.expert.case import CASE_SUFFIXES, find_case_files
    from exsplain.expert.fields import CaseError
    from exsplain.expert.spreadsheet import read_rows
    from exsplain.expert.wording import shown

    items = []
    for path, problem in find_case_files(paths, CASE_SUFFIXES + (".csv",)):
        if problem is None and path.lower().endswith(".csv"):
            try:
                items += [Item(source, row) for source, row in read_rows(path, knowledge_base().vocabulary)]
            except CaseError as error:
                items.append(Item(shown(path), problem=shown(error.problem)))
        else:
            items.append(Item(path if problem is None else shown(path), problem=problem))
    return items


def summarize(item: Item, overview: bool = False) -> dict[str, Any]:
    """One row for one case; an invalid case gets its error instead of conclusions."""
    from exsplain.expert.fields import CaseError
    from exsplain.expert.report import summary
    from exsplain.expert.spreadsheet import row_case
    from exsplain.expert.wording import shown

    kb = knowledge_base()
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row["file"] = shown(item.source)
    if item.problem:
        row["error"] = item.problem
        return row
    try:
        if item.row is not None:
            case = row_case(kb.vocabulary, item.source, item.row)
        else:
            case = kb.vocabulary.load(item.source)
    except CaseError as error:
        row["error"] = shown(": ".join(p for p in (error.field, error.problem) if p))
        return row
    found = summary(kb, case, kb.infer(case))
    if found.top:
        row.update(top_motive=found.top.id, certainty=round(found.certainty, 2), band=found.band)
    if found.first_action:
        row["first_action"] = found.first_action.id
    row["warning_count"] = found.warning_count
    if overview:
        labels = kb.labels(kb.catalog.wording(case))
        row["overview"] = {"urgent": found.help_first, "possible": [c.id for c in found.possible],
                           "advice": [c.id for c in found.advice], "title": shown(case.title or ""),
                           "labels": {c.id: labels[c.id] for c in (found.top, found.first_action) if c}}
    return row


def summarize_many(work: tuple[bool, list[Item]]) -> list[dict[str, Any]]:
    """The rows of a chunk of items (what a worker is given at a time); none once the batch is stopping."""
    overview, items = work
    return [summarize(item, overview) for item in items if STOP_ASKED is None or not STOP_ASKED.is_set()]


STOP_ASKED: Any = None  # in a worker, the event by which the parent stops the batch (see ``worker_start``)


def worker_start(stopping: Any) -> None:
    """Workers leave every stopping signal to the parent, which stops them through ``stopping``.

    A worker killed by a signal while it sends a row holds its queue's lock
    for ever, and the pool's teardown then waits on that lock without end;
    a worker that is told to stop skips what is left and ends on its own.
    They start with the stopping signals held (see ``rows_of``), so none
    can reach the parent's handler, copied by fork, before this runs.
    """
    from exsplain.cli.signals import STOPPING, release

    global STOP_ASKED
    STOP_ASKED = stopping
    for signum in STOPPING:
        signal.signal(signum, signal.SIG_IGN)
    release()


def rows_of(items: list[Item], jobs: int, overview: bool) -> Generator[dict[str, Any], None, None]:
    """Rows in the order of ``items``, computed by up to ``jobs`` processes.

    The pool is only ever touched with the stopping signals held: an
    exception raised by a signal handler inside the pool's own code (while
    it holds one of its locks) could leave its threads waiting forever.  A
    signal is delivered between two rows, at most ``POLL`` seconds late.
    """
    from exsplain.cli.signals import held

    with held():  # a signal raised inside the import of the rules would surface as a different error
        _ = knowledge_base().engine  # built once here, shared with the workers by fork
    jobs = max(1, min(jobs, len(items), os.cpu_count() or 1))
    if jobs == 1:
        yield from (summarize(item, overview) for item in items)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    size = max(1, min(64, len(items) // (jobs * 4)))
    chunks = [(overview, items[start:start + size]) for start in range(0, len(items), size)]
    pool = None
    stopping = (context or multiprocessing).Event()
    try:
        with held():  # the workers and the pool's threads start with it; the parent's signals wait
            pool = (context or multiprocessing).Pool(jobs, initializer=worker_start, initargs=(stopping,))
            results = pool.imap(summarize_many, chunks)
        while True:
            with held():
                try:
                    rows = results.next(timeout=POLL)
                except multiprocessing.TimeoutError:
                    continue
                except StopIteration:
                    break
            yield from rows
    except BaseException:  # an error, a signal, or the reader stopping early: the workers skip what is left
        if pool is not None:
            with held():
                stopping.set()
                pool.close()
                pool.join()
        raise
    else:
        with held():
            pool.close()
            pool.join()


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to use, at most one per core and per case  [default: one per core]")
@click.option("--summary", "overview", is_flag=True,
              help="Instead of a row per case, count how often each motive and action comes up.")
@click.option("--format", "output_format", type=click.Choice(("table", "csv", "jsonl", "json")), default="table",
              show_default=True, help="Output format: json is one array, jsonl one JSON object per line.")
@click.option("--excel", is_flag=True, help="With --format csv: start with a UTF-8 byte-order mark, for Excel.")
def batch(paths: tuple[str, ...], jobs: int | None, overview: bool, output_format: str, excel: bool) -> None:
    """Analyze many cases, one summary row each, or an overview across them.

    PATHS are case files, folders (searched for .toml, .json and .csv files
    whatever the case of the suffix) and spreadsheets: a .csv file whose
    header names fields as table.field, one case per row. An invalid file
    or row is reported in its row and does not stop the batch; the exit
    status is 2 if any was invalid. Ctrl-C, SIGTERM and SIGHUP stop the
    batch. A progress bar shows on stderr when it is a terminal, unless CSV
    or JSON Lines rows stream to that same terminal. CSV is
    safe to open in a spreadsheet (no cell is read as a formula).

    \b
    Examples:
      exsplain batch examples/
      exsplain batch --summary examples/
      exsplain batch --jobs 2 --format jsonl examples/ > rows.jsonl
      exsplain batch --format csv examples/dumped-its-not-you.toml examples/cries-easily.toml
    """
    from exsplain.cli.signals import raising

    items = items_of(paths)
    produced = rows_of(items, jobs or os.cpu_count() or 1, overview or output_format == "table")  # words for people
    rows = with_progress(produced, len(items)) if len(items) > 1 and progress_fits(
        overview or output_format in WAITING) else produced
    try:
        with raising(Terminated):
            try:
                collected = summary_of(list(rows), output_format, excel) if overview else write_rows(
                    rows, output_format, excel)
            finally:  # the workers are stopped now, whatever stopped the batch, not when Python gets round to it
                produced.close()
    except KeyboardInterrupt:
        say("Batch interrupted.", err=True)
        raise Stop(ExitStatus.INTERRUPTED) from None
    except Terminated as signalled:
        say(f"Batch stopped by {signal.Signals(signalled.signum).name}.", err=True)
        raise Stop(ExitStatus.for_signal(signalled.signum)) from None
    invalid = sum(1 for row in collected if row["error"])
    for row in collected:
        row.pop("overview", None)
    if invalid:
        from exsplain.cli.overview import invalid_message

        raise BadInput(invalid_message(collected, overview, output_format))


def write_rows(rows: Iterable[dict[str, Any]], output_format: str, excel: bool = False) -> list[dict[str, Any]]:
    """Print the rows as they come (a table and a JSON array wait for all, see ``WAITING``); returns them."""
    collected = []
    if output_format == "jsonl":
        for row in rows:
            say_json(row, indent=None)
            collected.append(row)
    elif output_format == "json":
        collected = list(rows)
        say_json(collected)
    elif output_format == "csv":
        out = csv_out(excel)
        out.row(COLUMNS)
        for row in rows:
            out.row([row[c] for c in COLUMNS])
            collected.append(row)
    else:
        from exsplain.cli.overview import rows_text

        collected = list(rows)
        say("\n".join(rows_text(collected)))
    return collected


class Said:
    """A stream that writes through ``say``, so that CSV fails like any other output."""

    def write(self, text: str) -> None:
        say(text, nl=False)


def csv_out(excel: bool = False) -> Writer:
    """The one CSV writer over standard output; on a terminal, cells are shown escaped."""
    from exsplain.expert.spreadsheet import Writer

    return Writer(Said(), excel, escaped=sys.stdout.isatty())


def summary_of(rows: list[dict[str, Any]], output_format: str, excel: bool = False) -> list[dict[str, Any]]:
    """How often each motive is at least possible and each action advised, safety first."""
    from exsplain.expert.wording import fill

    kb = knowledge_base()
    valid = [r for r in rows if not r["error"]]
    words = kb.catalog.wording(kb.vocabulary.validate({}))
    counts: list[dict[str, Any]] = [{"section": "safety", "id": "help_first", "label": "Cases where help comes first",
               "cases": sum(1 for r in valid if r["overview"]["urgent"])}]
    for kind in kb.kinds:
        column = "possible" if kind.ranked else "advice" if kind.prioritised else None
        if column:
            counts += [{"section": kind.key, "id": c.id, "label": fill(c.label, words),
                        "cases": sum(1 for r in valid if c.id in r["overview"][column])}
                       for c in kb.catalog.of_kind(kind)]
    for record in counts:
        record["share"] = round(record["cases"] / len(valid), 2) if valid else 0.0
    if output_format == "json":
        say_json({"cases": len(rows), "valid": len(valid), "counts": counts})
    elif output_format == "jsonl":
        for record in counts:
            say_json(record, indent=None)
    elif output_format == "csv":
        out = csv_out(excel)
        out.row(("section", "id", "label", "cases", "share"))
        out.rows(record.values() for record in counts)
    else:
        from exsplain.cli.overview import overview_lines

        say("\n".join(overview_lines(counts, len(rows), len(valid))))
    return rows


WAITING = ("table", "json")  # formats that print once every row is in


def progress_fits(rows_wait: bool) -> bool:
    """A progress bar on stderr when it is a terminal, unless the rows stream to that same terminal
    (it would be drawn between them)."""
    if not sys.stderr.isatty():
        return False
    if rows_wait or not sys.stdout.isatty():
        return True
    try:
        return os.fstat(sys.stdout.fileno()).st_rdev != os.fstat(sys.stderr.fileno()).st_rdev
    except (OSError, ValueError):
        return False


def with_progress(rows: Iterable[dict[str, Any]], total: int) -> Iterator[dict[str, Any]]:
    with click.progressbar(length=total, label="Analyzing", file=sys.stderr) as bar:
        for row in rows:
            bar.update(1)
            yield row
