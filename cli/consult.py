"""``exsplain consult``: an interactive consultation in the terminal.

The ``Consultation`` object decides what to ask; this module only talks: it
shows each question, reads the reply as a person types it (see
``expert.replies``), asks again kindly when a reply cannot be read, meets a
safety answer at once with where to find help, says why a question is asked
in words, lets the person review every question asked, saves the answers
after every answer when asked to, and prints the reading with the help lines
kept in sight at the end.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from exsplain.cli.foreground import own_terminal
from exsplain.cli.layout import Page
from exsplain.cli.output import say, say_json
from exsplain.cli.params import CaseFile, format_option, knowledge_base, region_option
from exsplain.cli.saving import Saver
from exsplain.cli.status import BadInput, ExitStatus, Stop
from exsplain.expert.replies import NotSure, ReplyError, Unclear, number, plain, yes_or_no
from exsplain.expert.wording import fill

if TYPE_CHECKING:  # for annotations only: ``consult --help`` does not load the engine
    from exsplain.expert.case import Case
    from exsplain.expert.consultation import Consultation
    from exsplain.expert.explain import Effect
    from exsplain.expert.fields import Field
    from exsplain.expert.knowledge_base import Analysis, KnowledgeBase

MAX_REPLY = 1000  # characters of one reply; a longer line is refused
MAX_DISCARD = 1 << 16  # how far past an over-long reply to look for its end
TRIES = 5  # replies to one question that cannot be read or name no answer, before it is left open
SKIP = {"skip", "pass", "next", "?skip"}
QUIT = {"quit", "exit", "q", "stop"}
DONE = {"", "done", "ok", "okay", "no", "n", "nope", "yes", "y", "reading", "finish"}
WHY = {"?", "why", "why?", "how come"}
HELP = "Answer with a number or words. Enter or “skip” leaves a question out, ? says why it is asked, back " \
       "goes to the previous question, quit shows your reading now."
UNREADABLE = "I could not read that; please type it again."
NOT_SURE = ("That is all right; it stays open. The help lines below also talk with people who are not sure "
            "whether what is happening to them is abuse or danger.")
WARM = "I ask everyone this, so that help comes first if it is needed."
NOT_KEPT = ("Your answers are not kept: nothing was saved. To keep them another time, start with --save FILE, "
            "for example: exsplain consult --save my-case.toml")


class Quit(Exception):
    """The person asked to see the reading now."""


class Unreadable(Exception):
    """A reply that is not text in the terminal's encoding (a stray byte, another keyboard's key)."""


class Dialogue:
    """One consultation's conversation: questions out, replies in."""

    def __init__(self, kb: KnowledgeBase, consultation: Consultation, region: str, err: bool, saver: Saver | None):
        self.kb, self.consultation, self.region, self.err, self.saver = kb, consultation, region, err, saver
        self.page = Page.for_stream(err)
        self.interactive = bool(sys.stdin and sys.stdin.isatty() and not err)
        self.lead_in_shown = self.unsure_said = False
        self.left_open = 0  # questions left open because no reply to them could be read
        self.quitted = self.ended = False  # by quit; by the end of input
        self.closed = False  # the reading and the help kept in sight are shown
        if self.interactive:
            enable_line_editing()

    def say(self, text: str = "") -> None:
        say(text, err=self.err)

    def lines(self, lines: list[str]) -> None:
        for line in lines:
            self.say(line)

    def text(self, text: str) -> None:
        self.lines(self.page.wrap(text))

    def run(self) -> ExitStatus:
        """Ask until nothing relevant is left and the answers are reviewed; the status says how it ended."""
        try:
            self.intro()
            while True:
                field = self.consultation.next_question()
                if field is None:
                    if self.review():
                        break
                    continue
                self.ask(field)
        except Quit:
            self.quitted = True
            return ExitStatus.OK
        except EOFError:
            self.ended = True
            return ExitStatus.INCOMPLETE
        except KeyboardInterrupt:
            return ExitStatus.INTERRUPTED
        return ExitStatus.INCOMPLETE if self.left_open else ExitStatus.OK

    def intro(self) -> None:
        about = len(self.consultation.remaining())
        questions = f"there are about {about} questions" if about else "your answers so far cover every question"
        self.text(fill(self.kb.catalog.intro, {"questions": questions}))
        self.text(HELP)
        kept = self.consultation.kept
        if kept:
            left = (f"about {about} question{'s are' if about != 1 else ' is'} left, starting with the first one "
                    "still open" if about else "nothing is left to ask, so you can review them")
            self.say()
            self.text(f"I kept the {kept} answer{'s' if kept != 1 else ''} you gave before; {left}.")

    def words(self) -> dict[str, str]:
        """The words that fill the questions' and advice's placeholders: the pronoun's, and the region's."""
        return {**self.kb.catalog.wording(self.consultation.case), **self.kb.catalog.region(self.region).words()}

    def show(self, field: Field, current: Any = None) -> None:
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
            self.text(f"(Your answer now: {fill(field.label(current), words)}.)")

    def ask(self, field: Field, current: Any = None) -> None:
        """Ask ``field`` until the reply answers it, skips it, goes back or quits."""
        self.show(field, current)
        tries, why = 0, 0
        while tries < TRIES:
            try:
                reply = " ".join(self.read("> ").split())
            except Unreadable:
                tries += 1
                self.text(UNREADABLE)
                continue
            command = plain(reply) if plain(reply) else reply.lower()
            if reply.strip().lower() in WHY or command in WHY:
                self.why(field, why)
                why += 1
                continue
            if command in ("rule", "rules", "which rule"):
                self.why(field, 1)
                why = 2
                continue
            if command == "help":
                self.text(HELP)
                self.why(field, 0)
                continue
            if command == "back":
                if self.consultation.back() is None:
                    self.say("This is the first question.")
                    continue
                return
            if command in QUIT:
                raise Quit
            if not reply or command in SKIP:
                self.consultation.skip(field)
                self.say("Skipped.")
                return
            try:
                value = field.parse(reply, self.words())
            except NotSure:
                self.not_sure(field)
                return
            except Unclear as unclear:
                if self.confirm(f"Did you mean “{unclear.label}”? [Y/n] "):
                    self.answer(field, unclear.meant)
                    return
                tries += 1
                self.text("Then please type it again, in other words or as a number.")
                continue
            except ReplyError as error:
                tries += 1
                self.text(f"{error}; or press Enter to skip it, ? for why it is asked.")
                continue
            self.answer(field, value)
            return
        self.left_open += 1
        self.consultation.skip(field)
        self.text("I could not make out an answer, so I have left this question open; you can come back to it "
                  "when you review your answers.")

    def confirm(self, prompt: str) -> bool:
        """A yes-or-no question asked back; Enter means yes, anything unreadable means no."""
        try:
            reply = plain(self.read(prompt))
        except Unreadable:
            return False
        return not reply or yes_or_no(reply) is True

    def not_sure(self, field: Field) -> None:
        """"Not sure" leaves the question open; at a safety question the help stays on screen, said once."""
        self.consultation.skip(field)
        if field not in self.kb.catalog.safety:
            self.say("Skipped; that is fine.")
            return
        if self.unsure_said:
            self.say("That stays open.")
            return
        self.unsure_said = True
        from exsplain.cli.render import where_to_find_help

        inner = self.page.width - 2
        self.block(self.page.wrap(NOT_SURE, width=inner) + where_to_find_help(self.analysis(), self.page, inner))

    def answer(self, field: Field, value: Any) -> None:
        urgent_before = self.analysis().report["safety"]["urgent"]
        self.consultation.answer(field, value)
        if self.saver:
            problem = self.saver.save(self.consultation.case)
            if problem:
                self.text(problem)
        analysis = self.analysis()
        new = [a for a in analysis.report["safety"]["urgent"] if a not in urgent_before]
        if new:
            self.acknowledge(analysis, new)

    def analysis(self) -> Analysis:
        """The report on the answers so far: what the help shown during the questions is taken from."""
        return self.kb.analyze(self.consultation.case, self.region)

    def acknowledge(self, analysis: Analysis, new: list[str]) -> None:
        """A safety answer is met at once with the advice it made urgent and the help lines for it, before
        the next question; the questions can wait."""
        from exsplain.cli.render import where_to_find_help
        from exsplain.expert.report import first_advice

        inner = self.page.width - 2
        body = self.page.wrap("Thank you for telling me. This matters more than anything else here.", width=inner)
        for action in first_advice(self.kb, analysis.report):
            if action["id"] in new:
                body += [self.page.heading(line) for line in self.page.wrap(action["label"], width=inner)]
                body += self.page.wrap(action[self.kb.conclusion(action["id"]).kind.text_key], width=inner)
        needs = {need for action_id in new for need in self.kb.conclusion(action_id).resources}
        body += where_to_find_help(analysis, self.page, inner, needs)
        body += self.page.wrap("The questions can wait. They go on when you are ready; type quit at any time to "
                               "see your reading.", width=inner)
        self.block(body)

    def block(self, body: list[str]) -> None:
        """Lines set apart by the help bar, which runs down every one of them."""
        bar = self.page.style(self.page.bar, fg="red", bold=True)
        self.say()
        self.lines([f"{bar} {line}".rstrip() for line in body])

    def why(self, field: Field, level: int) -> None:
        """Why the question is asked, in words, one level further each time:
        what the answer changes, the rule behind it, what that advice says, where it shows."""
        from exsplain.expert.report import FIRST

        words = self.words()
        effects = [e for e in self.consultation.why(field) if not e.conclusion.kind.brief]
        if field in self.kb.catalog.safety and level == 0:
            self.text(WARM)
        if not effects:
            if field not in self.kb.catalog.safety:
                self.text("Your answer only changes the wording of the questions and of the reading.")
            return
        conclusions = list(dict.fromkeys(e.conclusion for e in effects))
        if level == 0:
            parts = list(dict.fromkeys(said_to(e) for e in effects))
            shown_parts = parts[:4] + ([f"{len(parts) - 4} more"] if len(parts) > 4 else [])
            self.text(f"Your answer decides whether the reading {together(shown_parts)}.")
            self.text("Type why again for the rule behind it.")
        elif level == 1:
            rules = list(dict.fromkeys(e.rule for e in effects))[:3]
            for rule in rules:
                effect = next(e for e in effects if e.rule == rule)
                needs = together(list(effect.needs))
                self.lines(self.page.item(f"The rule: when {needs}, the reading {said_to(effect)}."))
            if len(dict.fromkeys(e.rule for e in effects)) > 3:
                self.text("Other rules use this answer too.")
            self.text("Type why again for what that would tell you.")
        elif level == 2:
            for conclusion in conclusions[:3]:
                self.lines(self.page.item(f"{fill(conclusion.label, words)}: {fill(conclusion.text, words)}"))
            self.text("Type why again for where it shows in the reading.")
        elif level == 3:
            places = []
            for e in effects:
                kind = e.conclusion.kind
                if e.withholds:
                    places.append(f"“{kind.withheld_heading or kind.heading}”")
                elif e.conclusion.priority == FIRST:
                    places.append("“Help first”, at the top")
                else:
                    places.append(f"“{kind.heading}”")
            self.text(f"It changes what the reading shows under {together(list(dict.fromkeys(places)))}.")
        else:
            self.text("That is the whole chain: this question, the rule that needs it, what the rule would "
                      "tell you, and where that shows in your reading.")

    def review(self) -> bool:
        """Every question asked, with its answer or "skipped"; any can be answered or changed.

        True when the person is done; False when a question was answered
        again or they went back (the questions then go on).
        """
        asked = self.consultation.review()
        if not asked:
            return True
        words = self.words()
        self.say()
        self.say(self.page.heading("Your answers"))
        for n, (field, value) in enumerate(asked, 1):
            answer = fill(field.label(value), words) if value is not None else "skipped"
            self.lines(self.page.item(f"{fill(field.question, words)} {answer}", f"{n}."))
        self.text("Type the number of a question to answer or change it, back to return to the last question, "
                  "or press Enter to see your reading.")
        for _ in range(TRIES):
            try:
                reply = plain(self.read("> "))
            except Unreadable:
                self.text(UNREADABLE)
                continue
            except EOFError:
                return True
            if reply in DONE or reply in QUIT:
                return True
            if reply == "back":
                if self.consultation.back() is None:
                    self.say("There is no question to go back to.")
                    continue
                return False
            chosen = number(reply)
            if chosen is not None and 1 <= chosen <= len(asked):
                field, value = asked[chosen - 1]
                self.ask(field, value)
                return False
            self.say(f"Please type a number from 1 to {len(asked)}, or press Enter.")
        return True

    def read(self, prompt: str) -> str:
        """One reply; ``Unreadable`` for a line that is not text, EOFError at end of input, KeyboardInterrupt
        on Ctrl-C."""
        if self.interactive:
            try:
                return input(prompt)[:MAX_REPLY]
            except UnicodeDecodeError:
                raise Unreadable from None
        say(prompt, err=self.err, nl=False)
        if sys.stdin is None:
            raise EOFError
        stream = getattr(sys.stdin, "buffer", None)
        try:
            line = (stream or sys.stdin).readline(MAX_REPLY + 1)
        except (OSError, ValueError):
            raise EOFError from None
        if not line:
            raise EOFError
        if len(line) > MAX_REPLY and not ended(line):
            rest = (stream or sys.stdin).readline(MAX_DISCARD)
            if not ended(rest):
                say("\nThat input has no end in sight; stopping here.", err=True)
                raise EOFError
            return "\x00"  # an over-long reply: no answer matches it
        if isinstance(line, bytes):
            try:
                return line.decode(sys.stdin.encoding or "utf-8").rstrip("\r\n")
            except (UnicodeDecodeError, LookupError):
                raise Unreadable from None
        return line.rstrip("\n")

    def offer_to_save(self) -> None:
        """After quit on a terminal with no --save: the answers are not kept, unless the person names a file."""
        if not self.consultation.case.answers or self.saver:
            return
        self.say()
        self.text(NOT_KEPT)
        if not self.interactive:
            return
        for _ in range(TRIES):
            try:
                name = self.read("Type a file name to save them now (ending in .toml), or press Enter: ").strip()
            except Unreadable:
                self.text(UNREADABLE)
                continue
            except EOFError:
                return
            if not name:
                return
            try:
                saver = Saver(self.kb, name)
            except BadInput as error:
                self.text(str(error))
                continue
            problem = saver.save(self.consultation.case)
            self.text(problem or f"{saver.kept()}.")
            if not problem:
                self.saver = saver
                return


def ended(line: bytes | str) -> bool:
    """Whether a line read from standard input (bytes, or text where there is no buffer) reached its end."""
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def said_to(effect: Effect) -> str:
    """What a rule's conclusion does to the reading, as the end of "the reading …"."""
    kind = effect.conclusion.kind
    if effect.withholds:
        return f"holds back “{effect.label}”"
    if kind.ranked:
        return f"counts “{effect.label}” among the reasons"
    if kind.prioritised:
        return f"suggests “{effect.label}”"
    return f"tells you “{effect.label}”"


def together(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def help_in_sight(kb: KnowledgeBase, report: dict[str, Any]) -> tuple[list[str], str | None]:
    """The help lines (one line each) and the first action to take, when the
    reading puts help first; nothing otherwise."""
    safety = report["safety"]
    if safety["answered"] and not safety["dangers"]:
        return [], None
    lines = [f"{r['name']}: {r['contact']}" for r in safety["resources"]]
    actions = [a for kind in kb.kinds if kind.prioritised for a in report[kind.key]]
    action = next((a for a in actions if a["id"] == report["first_action"]), None)
    return lines, action["label"] if action else None


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
def consult(save_path: str | None, answers: Case | None, output_format: str, region: str) -> None:
    """Answer a few questions and get a reading of the ex's tears.

    The engine asks only what can still change the reading: first how to
    refer to your ex, then a few safety questions, then the rest. At any
    prompt, answer with a number or words; Enter or "skip" leaves a
    question out ("not sure" too), ? says why it is asked (again: the rule
    behind it), back goes back, quit shows the reading. At the end you can
    review every question and answer or change any of them.

    Input may be piped, one answer per line; the reading is printed when
    input ends (status 1 if it ended before the last question, or if no
    reply to some question could be read). Ctrl-C stops with status 130;
    with --save, no answer given is lost. With --format json the questions
    go to stderr and the report to stdout.

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
        try:
            if status != ExitStatus.INTERRUPTED:
                status = finish(dialogue, region, output_format, status)
        except KeyboardInterrupt:  # at the offer to save, or while the reading is shown
            status = ExitStatus.INTERRUPTED
        if status == ExitStatus.INTERRUPTED and not dialogue.closed:
            interrupted(dialogue, kb.analyze(consultation.case, region), dialogue.saver)
    failure = dialogue.saver.failure(consultation.case) if dialogue.saver else None
    if failure:  # the last line says which answers the file lacks
        say(failure, err=True)
        status = ExitStatus.INCOMPLETE if status == ExitStatus.OK else status
    if status != ExitStatus.OK:
        raise Stop(status)


def finish(dialogue: Dialogue, region: str, output_format: str, status: ExitStatus) -> ExitStatus:
    """After the questions: what happened to the answers, then the reading; the final status."""
    if dialogue.ended:
        dialogue.say("\nInput ended before the last question; here is the reading so far.")
    if dialogue.left_open:
        dialogue.say()
        dialogue.text("Some replies could not be read, so those questions were left open.")
    if dialogue.quitted or dialogue.ended:
        dialogue.offer_to_save()
    return show_reading(dialogue, dialogue.kb.analyze(dialogue.consultation.case, region), output_format, status)


def interrupted(dialogue: Dialogue, analysis: Analysis, saver: Saver | None) -> None:
    """Ctrl-C: say what was kept, and still show where to find help if it may be needed."""
    from exsplain.cli.render import help_first

    kept = f"; {saver.kept()}" if saver and saver.kept() else ""
    if not saver and analysis.case.answers:
        kept = "; your answers were not kept (start with --save FILE to keep them)"
    say(f"\nConsultation stopped{kept}.", err=True)
    for line in help_first(analysis, Page.for_stream(err=True)):
        say(line, err=True)


def show_reading(dialogue: Dialogue, analysis: Analysis, output_format: str, status: ExitStatus) -> ExitStatus:
    """The reading, the offer of the trace, what was saved, and last the help kept in sight; the final status."""
    if output_format == "json":
        say_json(analysis.report)
        saved(dialogue)
        return status
    from exsplain.cli.render import report_text
    from exsplain.cli.trace import trace_lines

    say()
    say(report_text(analysis, dialogue.page))
    if dialogue.interactive and status == ExitStatus.OK:
        try:
            if yes_or_no(plain(dialogue.read("\nShow how the rules reached this, step by step? [y/N] "))):
                say("\n".join(trace_lines(analysis, dialogue.page)))
        except (EOFError, Unreadable):
            say()
        except KeyboardInterrupt:
            say()
            status = ExitStatus.INTERRUPTED
    saved(dialogue)
    closing(dialogue, analysis)
    dialogue.closed = True
    return status


def saved(dialogue: Dialogue) -> None:
    saver = dialogue.saver
    if saver and saver.kept():
        say(f"{saver.kept()}.", err=True)


def closing(dialogue: Dialogue, analysis: Analysis) -> None:
    """The last lines on screen: the help lines again and the first thing to do, when help comes first."""
    lines, first = help_in_sight(analysis.kb, analysis.report)
    if not lines and not first:
        return
    page, inner = dialogue.page, dialogue.page.width - 2
    body = page.wrap(f"If you need help now ({analysis.region.name}):", width=inner)
    for line in lines:
        body += page.item(line, indent=" ", width=inner)
    if first:
        body += page.wrap(f"The first thing to do: {first}.", width=inner)
    bar = page.style(page.bar, fg="red", bold=True)
    say()
    for line in body:
        say(f"{bar} {line}".rstrip())
