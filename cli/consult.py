"""``exsplain consult``: an interactive consultation in the terminal."""
import json
import os
import sys

import click

from cli.errors import BadInput, reported_as_bad_input
from cli.options import format_option

INTERRUPTED = 130
END_OF_INPUT = 1
COMMANDS = "number or word; ? why, back, skip, quit"


class Quit(Exception):
    """The person typed ``quit``."""


def read_line(prompt, err=False):
    """One line of input; raises EOFError at end of input, KeyboardInterrupt on Ctrl-C."""
    click.echo(prompt, nl=False, err=err)
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")


def choices_of(question, answer, wording):
    """(number, value, wording) for each choice of a question."""
    return [(n, value, question.choices[value].format_map(wording)) for n, value in enumerate(answer.values, 1)]


def parse_reply(reply, answer, choices, path):
    """The value meant by a reply: a number, several numbers, or the words themselves.

    Raises ``CaseError`` for a reply that is none of these.
    """
    from expert.case import check_value
    from expert.vocabulary import ChoiceSet

    by_number = {str(n): str(value).lower() for n, value, _ in choices}
    if isinstance(answer, ChoiceSet):
        reply = " ".join(by_number.get(w, w) for w in reply.replace(",", " ").split())
    else:
        reply = by_number.get(reply.strip(), reply)
    return check_value(answer, answer.from_text(reply), "reply", path)


def show_question(say, question, choices, wording):
    say("")
    say(click.style(question.text.format_map(wording), bold=True))
    for number, value, text in choices:
        word = str(value).lower()
        plain = text == word or isinstance(value, bool)  # yes / no need no word beside them
        say(f"  {number}) {text}" + ("" if plain else f"  [{word}]"))


def show_why(say, kb, consultation, path):
    """Which conclusions the answer can still change, grouped, with the rules behind each."""
    from expert.explain import reasons_to_ask

    effects = reasons_to_ask(kb, consultation, path)
    if not effects:
        say("No rule needs this answer; it only shapes the wording.")
        return
    grouped = {}
    for effect in effects:
        weight = "" if effect.weight is None else f" {effect.weight:+.2f}"
        grouped.setdefault((effect.kind, effect.label), []).append(effect.rule + weight)
    say(f"I ask because {path} can still change these conclusions (rules in brackets):")
    for (kind, label), rules in grouped.items():
        say(f"  - {kind} {label!r} [{', '.join(rules)}]")
    say("  (exsplain catalog rules shows what each rule needs.)")


def ask(kb, consultation, question, save, err):
    """Ask one question until it gets a valid reply; apply it to the consultation."""
    from expert.case import CaseError

    def say(text):
        click.echo(text, err=err)

    answer = kb.vocabulary.answer(question.path)
    wording = kb.catalog.wording(consultation.case)
    choices = choices_of(question, answer, wording)
    show_question(say, question, choices, wording)
    while True:
        reply = read_line(f"({COMMANDS}) > ", err).strip()
        command = reply.lower()
        if command in ("?", "why"):
            show_why(say, kb, consultation, question.path)
        elif command == "back":
            if consultation.back():
                return
            say("There is no earlier question to go back to.")
        elif command == "skip":
            consultation.skip(question.path)
            return
        elif command == "quit":
            raise Quit
        else:
            try:
                value = parse_reply(reply, answer, choices, question.path)
            except CaseError:
                numbers = ", ".join(str(n) for n, _, _ in choices)
                words = ", ".join(text if isinstance(v, bool) else str(v).lower() for _, v, text in choices)
                say(f"Please answer with one of {numbers} or {words}.")
                continue
            consultation.answer(question.path, value)
            save()
            return


@click.command()
@click.option("--save", "save_path", type=click.Path(dir_okay=False, writable=True),
              help="Write the answers to this TOML case file (owner-only, after every answer).")
@click.option("--answers", "answers_path", type=click.Path(dir_okay=False),
              help="Start from the answers in this case file and ask only what is still relevant.")
@format_option("text", "json")
def consult(save_path, answers_path, output_format):
    """Answer a few questions and get a reading of the ex's tears.

    The engine asks only what can still change the reading. At any prompt,
    answer with a number or a word, or type ? (why this question), back,
    skip or quit. Input may be piped, one answer per line. Ctrl-C exits with
    status 130, end of input with 1; with --save, answers given so far are kept.
    With --format json the questions go to stderr and the report to stdout.

    \b
    Examples:
      exsplain consult
      exsplain consult --save my-case.toml
      exsplain consult --answers examples/ended-by-me-plea.toml
      printf 'he\\nme\\n' | exsplain consult --format json
    """
    from expert.consultation import Consultation
    from expert.report import build
    from knowledge.base import KNOWLEDGE_BASE as kb

    if save_path and not os.path.isdir(os.path.dirname(os.path.abspath(save_path))):
        raise BadInput(f"--save {save_path}: no such folder")
    case = None
    if answers_path:
        with reported_as_bad_input():
            case = kb.vocabulary.load(answers_path)
    consultation = Consultation(kb, case)

    def save():
        if save_path:
            write_case(kb, consultation.case, save_path)

    dialogue_to_stderr = output_format == "json"  # keep stdout for the JSON report alone
    announced_safety = False
    try:
        while (question := consultation.next_question()) is not None:
            if question.gentle and not announced_safety:
                click.echo("\nTwo last questions, asked of everyone, about safety.", err=dialogue_to_stderr)
                announced_safety = True
            ask(kb, consultation, question, save, dialogue_to_stderr)
    except Quit:
        pass
    except KeyboardInterrupt:
        stop(kb, consultation, save_path, "interrupted", INTERRUPTED)
    except EOFError:
        stop(kb, consultation, save_path, "end of input", END_OF_INPUT)
    save()

    report = build(kb, consultation.case, consultation.inference())
    if output_format == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    from cli.render import report_text, trace_table

    click.echo("")
    click.echo(report_text(report))
    try:
        if read_line("\nShow the trace of rule firings? [y/N] ").strip().lower() in ("y", "yes"):
            click.echo(trace_table(report["trace"]))
    except (EOFError, KeyboardInterrupt):
        click.echo("")


def write_case(kb, case, path):
    import tomli_w

    from expert.files import write_private

    header = "# Answers saved by exsplain consult; read them back with: exsplain analyze FILE\n"
    try:
        write_private(path, header + tomli_w.dumps(kb.vocabulary.case_to_data(case)))
    except OSError as error:
        raise click.ClickException(f"cannot save to {path}: {error.strerror or error}") from None


def stop(kb, consultation, save_path, why, status):
    """End the consultation early: keep the answers, say so in one line."""
    count = len(consultation.case.answers)
    kept = ""
    if save_path:
        write_case(kb, consultation.case, save_path)
        kept = f"; {count} answer{'s' * (count != 1)} saved to {save_path}"
    click.echo(f"\nConsultation stopped ({why}){kept}.", err=True)
    sys.exit(status)
