"""``exsplain consult``: an interactive consultation in the terminal.

The ``Consultation`` object decides what to ask; this module only talks: it
shows each question, reads the reply (a number, a word, the words of an
answer or their beginning; Enter, "skip" or "don't know" to leave it out),
acknowledges a safety answer at once with where to find help, lets the
person review their answers, saves them after every answer when asked to,
and prints the reading.
"""
from __future__ import annotations

import sys
from typing import Any

import click

from exsplain.cli.foreground import own_terminal
from exsplain.cli.layout import Page
from exsplain.cli.output import say, say_json
from exsplain.cli.params import CaseFile, format_option, knowledge_base, region_option
from exsplain.cli.saving import Saver
from exsplain.cli.status import ExitStatus, Stop
from exsplain.expert.wording import fill, whole_number

MAX_REPLY = 1000  # characters of one reply; a longer line is refused
MAX_DISCARD = 1 << 16  # how far past an over-long reply to look for its end
SKIP = {"skip", "pass", "not sure", "dont know", "don't know", "i don't know", "i dont know", "idk", "no idea",
        "unknown", "?skip"}
QUIT = {"quit", "exit", "q", "stop"}
HELP = "Answer with a number or words. Enter or “skip” leaves a question out, ? says why it is asked, back " \
       "goes to the previous question, quit shows your reading now."


class Quit(Exception):
    """The person asked to see the reading now."""


class Dialogue:
    """One consultation's conversation: questions out, replies in."""

    def __init__(self, kb: Any, consultation: Any, region: str, err: bool, saver: Saver | None):
        self.kb, self.consultation, self.region, self.err, self.saver = kb, consultation, region, err, saver
        self.page = Page.for_stream(err)
        self.interactive = bool(sys.stdin and sys.stdin.isatty() and not err)
        self.lead_in_shown = False
        if self.interactive:
            enable_line_editing()

    def say(self, text: str = "") -> None:
        say(text, err=self.err)

    def lines(self, lines: list[str]) -> None:
        for line in lines:
            self.say(line)

    def run(self) -> ExitStatus:
        """Ask until nothing relevant is left and the answers are reviewed; the status says how it ended."""
        try:
            self.intro()
            while True:
                field = self.consultation.next_question()
                if field is None:
                    if self.review():
                        return ExitStatus.OK
                    continue
                self.ask(field)
        except Quit:
            return ExitStatus.OK
        except EOFError:
            return ExitStatus.INCOMPLETE
        except KeyboardInterrupt:
            return ExitStatus.INTERRUPTED

    def intro(self) -> None:
        about = len(self.consultation.remaining())
        questions = f"there are about {about} questions" if about else "your answers so far cover every question"
        self.lines(self.page.wrap(fill(self.kb.catalog.intro, {"questions": questions})))
        self.lines(self.page.wrap(HELP))

    def words(self) -> dict:
        return self.kb.catalog.wording(self.consultation.case)

    def show(self, field: Any, current: Any = None) -> None:
        words = self.words()
        if field in self.kb.catalog.safety and not self.lead_in_shown:
            self.say()
            self.lines([self.page.heading(line) for line in self.page.wrap(self.kb.catalog.safety_lead_in)])
            self.lead_in_shown = True
        number, about = self.consultation.progress()
        self.say()
        self.say(self.page.style(f"Question {number} of about {about}", dim=True))
        self.lines([self.page.heading(line) for line in self.page.wrap(fill(field.question, words))])
        for n, answer in enumerate(field.choices(), 1):
            self.lines(self.page.item(fill(answer.label, words), f"  {n})"))
        if current is not None:
            self.lines(self.page.wrap(f"(Your answer now: {fill(field.label(current), words)}.)"))

    def ask(self, field: Any, current: Any = None) -> None:
        """Ask ``field`` until the reply answers it, skips it, goes back or quits."""
        from exsplain.expert.fields import ReplyError

        self.show(field, current)
        while True:
            reply = " ".join(self.read("> ").split())
            command = reply.lower().strip(".!")
            if command in ("?", "why"):
                self.why(field)
                continue
            if command == "help":
                self.lines(self.page.wrap(HELP))
                self.why(field)
                continue
            if command == "back":
                if self.consultation.back() is None:
                    self.say("This is the first question.")
                    continue
                return
            if command in QUIT:
                raise Quit
            try:
                value = field.parse(reply, self.words()) if reply else None
            except ReplyError as error:
                if command in SKIP:
                    value = None
                else:
                    self.lines(self.page.wrap(f"{error}; or press Enter to skip it, ? for why it is asked."))
                    continue
            if value is None:
                self.consultation.skip(field)
                self.say("Skipped.")
                return
            self.answer(field, value)
            return

    def answer(self, field: Any, value: Any) -> None:
        urgent_before = self.urgent()
        self.consultation.answer(field, value)
        if self.saver:
            problem = self.saver.save(self.consultation.case)
            if problem:
                self.lines(self.page.wrap(problem))
        new = [a for a in self.urgent() if a not in urgent_before]
        if new:
            self.acknowledge(new)

    def urgent(self) -> list[Any]:
        """The advice that comes first, as the answers so far stand."""
        from exsplain.expert.report import FIRST, summary

        advice = summary(self.kb, self.consultation.case, self.consultation.inference()).advice
        return [c for c in advice if c.priority == FIRST]

    def acknowledge(self, urgent: list[Any]) -> None:
        """A safety answer is met at once with help, before the next question."""
        from exsplain.expert.report import said_by

        inference, words = self.consultation.inference(), self.words()
        bar = self.page.style(self.page.bar, fg="red", bold=True)
        body = self.page.wrap("Thank you for telling me. This matters more than anything else here.",
                              width=self.page.width - 2)
        for conclusion in urgent:
            body += [self.page.heading(line) for line in self.page.wrap(fill(conclusion.label, words),
                                                                        width=self.page.width - 2)]
            body += self.page.wrap(said_by(conclusion, inference.drawn(conclusion.kind)[conclusion], words),
                                   width=self.page.width - 2)
        region = self.kb.catalog.region(self.region)
        needs = {r for c in urgent for r in c.resources}
        body += self.page.wrap(f"Where to find help ({region.name}):", width=self.page.width - 2)
        for resource in region.for_(needs):
            body += self.page.item(f"{resource.name}: {resource.contact}", indent=" ")
        body += self.page.wrap("The questions go on when you are ready; type quit at any time to see your "
                               "reading.", width=self.page.width - 2)
        self.say()
        self.lines([f"{bar} {line}".rstrip() for line in body])

    def why(self, field: Any) -> None:
        """Why the question is asked, from the rules that need its answer."""
        effects = self.consultation.why(field)
        if not effects:
            self.lines(self.page.wrap("This only changes how I refer to your ex; no conclusion depends on it."))
            return
        by_kind: dict[Any, list[str]] = {}
        for effect in effects:
            label = f"“{effect.label}”" + (" (held back)" if effect.withholds else "")
            by_kind.setdefault(effect.conclusion.kind, [])
            if label not in by_kind[effect.conclusion.kind]:
                by_kind[effect.conclusion.kind].append(label)
        self.lines(self.page.wrap("I ask because your answer can still change:"))
        for kind, labels in by_kind.items():
            self.lines(self.page.item(f"{kind.heading}: {', '.join(labels)}", indent="  "))

    def review(self) -> bool:
        """Show the answers in words and offer to change one; True when the person is done."""
        answered = self.consultation.answered()
        if not answered:
            return True
        words = self.words()
        self.say()
        self.say(self.page.heading("Your answers"))
        for n, field in enumerate(answered, 1):
            text = f"{fill(field.question, words)} {fill(field.label(self.consultation.case.get(field.path)), words)}"
            self.lines(self.page.item(text, f"{n}."))
        self.lines(self.page.wrap("Type the number of an answer to change it, or press Enter to see your reading."))
        while True:
            try:
                reply = self.read("> ").strip().lower()
            except EOFError:
                return True
            if not reply or reply in QUIT or reply in ("done", "ok", "no"):
                return True
            number = whole_number(reply)
            if number is not None and 1 <= number <= len(answered):
                field = answered[number - 1]
                self.ask(field, self.consultation.case.get(field.path))
                return False
            self.say(f"Please type a number from 1 to {len(answered)}, or press Enter.")

    def read(self, prompt: str) -> str:
        """One reply; EOFError at end of input, KeyboardInterrupt on Ctrl-C."""
        if self.interactive:
            return input(prompt)[:MAX_REPLY]
        say(prompt, err=self.err, nl=False)
        if sys.stdin is None:
            raise EOFError
        try:
            line = sys.stdin.readline(MAX_REPLY + 1)
        except (OSError, ValueError):
            raise EOFError from None
        if not line:
            raise EOFError
        if len(line) > MAX_REPLY and not line.endswith("\n"):
            rest = sys.stdin.readline(MAX_DISCARD)
            if not rest.endswith("\n"):
                say("\nThat input has no end in sight; stopping here.", err=True)
                raise EOFError
            return "\x00"  # an over-long reply: no answer matches it
        return line.rstrip("\n")


def enable_line_editing() -> None:
    """Arrow keys, history and editing at the prompt, where the standard library offers them."""
    try:
        import readline
    except ImportError:  # pragma: no cover - platforms without readline
        return
    readline.parse_and_bind("set enable-bracketed-paste off")


@click.command()
@click.option("--save", "save_path", type=click.Path(dir_okay=False),
              help="Keep the answers in this case file (.toml or .json; owner-only; after every answer). "
                   "An existing case file's answers are the starting point; a symbolic link is written through.")
@click.option("--answers", "answers", type=CaseFile(),
              help="Start from the answers in this case file and ask only what still matters.")
@format_option("text", "json")
@region_option
def consult(save_path: str | None, answers: Any, output_format: str, region: str) -> None:
    """Answer a few questions and get a reading of the ex's tears.

    The engine asks only what can still change the reading: first how to
    refer to your ex, then a few safety questions, then the rest. At any
    prompt, answer with a number or words; Enter or "skip" leaves a
    question out, ? says why it is asked, back goes back, quit shows the
    reading. At the end you can review and change your answers.

    Input may be piped, one answer per line; the reading is printed when
    input ends (status 1 if it ended before the last question). Ctrl-C
    stops with status 130; with --save, no answer given is lost. With
    --format json the questions go to stderr and the report to stdout.

    \b
    Examples:
      exsplain consult
      exsplain consult --save my-case.toml
      exsplain consult --answers examples/ended-by-me-plea.toml
      printf 'he\\nno\\nno\\nno\\nme\\n' | exsplain consult --format json
    """
    from dataclasses import replace

    from exsplain.expert.consultation import Consultation

    kb = knowledge_base()
    saver = Saver(kb, save_path) if save_path else None
    case = saver.existing if saver and saver.existing else None
    if answers is not None:
        case = answers if case is None else replace(case, answers={**case.answers, **answers.answers})
    consultation = Consultation(kb, case)
    dialogue = Dialogue(kb, consultation, region, output_format == "json", saver)
    with own_terminal():
        status = dialogue.run()
        analysis = kb.analyze(consultation.case, region)
        if status == ExitStatus.INTERRUPTED:
            interrupted(dialogue, analysis, saver)
        else:
            if status == ExitStatus.INCOMPLETE:
                dialogue.say("\nInput ended before the last question; here is the reading so far.")
            show_reading(dialogue, analysis, output_format, offer_trace=status == ExitStatus.OK)
            if saver and saver.kept():
                say(f"{saver.kept()}.", err=True)
    failure = saver.failure(consultation.case) if saver else None
    if failure:
        say(failure, err=True)
        raise Stop(ExitStatus.INCOMPLETE if status == ExitStatus.OK else status)
    if status != ExitStatus.OK:
        raise Stop(status)


def interrupted(dialogue: Dialogue, analysis: Any, saver: Saver | None) -> None:
    """Ctrl-C: say what was kept, and still show where to find help if it may be needed."""
    from exsplain.cli.render import help_first

    kept = f"; {saver.kept()}" if saver and saver.kept() else ""
    say(f"\nConsultation stopped{kept}.", err=True)
    for line in help_first(analysis, Page.for_stream(err=True)):
        say(line, err=True)


def show_reading(dialogue: Dialogue, analysis: Any, output_format: str, offer_trace: bool) -> None:
    if output_format == "json":
        say_json(analysis.report)
        return
    from exsplain.cli.render import report_text, trace_lines

    say()
    say(report_text(analysis, dialogue.page))
    if dialogue.interactive and offer_trace:
        try:
            if dialogue.read("\nShow how the rules reached this, step by step? [y/N] ").strip().lower() in ("y", "yes"):
                say("\n".join(trace_lines(analysis, dialogue.page)))
        except (EOFError, KeyboardInterrupt):
            say()
