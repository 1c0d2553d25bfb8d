"""The consultation: the state machine on its own, and ``exsplain consult`` through click's runner."""
import json
import os
import re
import stat
from pathlib import Path

import pytest

from exsplain.cli.main import cli
from exsplain.expert.consultation import Consultation
from exsplain.knowledge.facts import Breakup, Ex, Me, Safety

from conftest import example

SAFETY_NO = "no\nno\nno\n"  # own thoughts, ex's self-harm talk, threats
SKIP_REST = "\n" * 40
EXCUSE = "What reason did your ex give for ending it?"
CONFIDENT = "Are you sure that ending it was right?"


def consult(runner, text, *args):
    return runner.invoke(cli, ["consult", *args], input=text)


def dialogue(output):
    """What was said before the review of the answers and the reading."""
    return output.split("\nYour answers\n")[0].split("\nYour reading\n")[0]


# -- the state machine, without click ------------------------------------------


def test_the_pronoun_then_the_safety_questions_come_first(kb):
    consultation = Consultation(kb)
    order = []
    while (field := consultation.next_question()) is not None and len(order) < 6:
        order.append(field)
        consultation.answer(field, False if field.values == (True, False) else field.values[0])
    assert order[:5] == [Ex.pronoun, Safety.i_think_of_self_harm, Safety.threats_or_abuse,
                         Safety.ex_self_harm_talk, Breakup.ended_by]  # v3: in the order of danger


def test_the_follow_up_on_self_harm_talk_is_asked_only_after_a_yes(kb):
    consultation = Consultation(kb)
    consultation.answer(Ex.pronoun, "he")
    consultation.answer(Safety.i_think_of_self_harm, False)
    consultation.answer(Safety.threats_or_abuse, False)
    consultation.answer(Safety.ex_self_harm_talk, True)
    assert consultation.next_question() is Safety.self_harm_as_pressure
    consultation.back()
    consultation.answer(Safety.ex_self_harm_talk, False)
    assert Safety.self_harm_as_pressure not in consultation.remaining()


def test_progress_counts_what_is_left_to_ask(kb):
    consultation = Consultation(kb)
    first, about = consultation.progress()
    assert first == 1 and about == len(consultation.remaining())
    consultation.answer(Ex.pronoun, "she")
    consultation.skip(Safety.i_think_of_self_harm)
    assert consultation.progress()[0] == 3


def test_back_restores_the_answer_a_change_replaced(kb):
    consultation = Consultation(kb, kb.vocabulary.validate({"breakup": {"ended_by": "me"}}))
    consultation.answer(Breakup.ended_by, "ex")
    assert consultation.back() is Breakup.ended_by
    assert consultation.case.get("breakup.ended_by") == "me"
    assert consultation.back() is None


def test_answers_the_consultation_asked_for_are_never_called_irrelevant(kb):
    consultation = Consultation(kb)
    consultation.answer(Breakup.ended_by, "me")
    consultation.answer(Me.confident_in_decision, True)
    consultation.answer(Breakup.ended_by, "ex")  # changed on the review screen
    report = kb.report(consultation.case, "GB")
    assert "irrelevant_answer" not in {w["id"] for w in report["warnings"]}
    from_file = kb.report(kb.vocabulary.validate({"breakup": {"ended_by": "ex"}, "me": {"confident_in_decision": True}}))
    assert "irrelevant_answer" in {w["id"] for w in from_file["warnings"]}


# -- the dialogue, through click -----------------------------------------------


def test_it_opens_with_what_it_is_and_how_many_questions_it_then_asks(runner):
    result = consult(runner, "\n" * 100)  # every question skipped: nothing narrows what is asked
    first = " ".join(result.stdout.split("Question 1")[0].split())
    assert first.startswith("This is exsplain.")
    assert "not a substitute for professional help" in first and "stay on this computer" in first
    said = int(re.search(r"there are about (\d+) questions", first).group(1))
    asked = re.findall(r"^Question (\d+) of", result.stdout, re.M)
    assert asked == [str(n) for n in range(1, said + 1)], "the intro counts the questions the consultation asks"


def test_ended_by_me_never_asks_for_the_dumpers_excuse(runner):
    result = consult(runner, "he\n" + SAFETY_NO + "me\n" + SKIP_REST)
    assert result.exit_code == 0, result.stderr
    assert EXCUSE not in result.stdout and CONFIDENT in result.stdout


def test_ended_by_the_ex_never_asks_whether_i_am_sure(runner):
    result = consult(runner, "she\n" + SAFETY_NO + "ex\n" + SKIP_REST)
    assert result.exit_code == 0
    assert EXCUSE in result.stdout and CONFIDENT not in result.stdout
    assert "she blamed me" in result.stdout, "the pronoun is used in the choices"


def test_replies_may_be_words_labels_beginnings_or_dont_know(runner):
    result = consult(runner, "she\ni don't know\nNO\n2\nmy ex did\nmonths\nit's not\n" + SKIP_REST, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert "safety.i_think_of_self_harm" in report["unanswered"]
    assert "your ex said “it's not you, it's me”" in " ".join(a for m in report["motives"] for a in m["because"]) or \
        "false_hope_risk" in {i["id"] for i in report["insights"]}


def test_a_reply_that_names_no_answer_is_asked_again_with_a_hint(runner):
    result = consult(runner, "he\noften\n" + SAFETY_NO + "me\n" + SKIP_REST)
    assert "Please answer yes or no (or 1 for yes, 2 for no); or press Enter to skip it" in result.stdout
    assert dialogue(result.stdout).count("Have you had thoughts of hurting yourself") == 1


def test_a_yes_to_a_safety_question_is_met_at_once_with_help(runner):
    result = consult(runner, "he\nno\nno\nyes\n")
    after_yes = result.stdout.split("Has your ex talked about hurting or killing himself?")[1]
    acknowledgement, next_question = after_yes.split("Does your ex link that talk")[:2]
    assert "Thank you for telling me" in acknowledgement
    assert "Samaritans: call 116 123" in acknowledgement and "Emergency services: call 999" in acknowledgement


def test_the_help_at_a_safety_answer_is_the_readings_own_lines_for_that_danger(runner):
    """Taken from the report, as the reading shows them (hours included), but only those for the
    danger just told: not the abuse lines the reading lists while that question is open."""
    result = consult(runner, "he\nyes\n")
    acknowledgement = result.stdout.split("Thank you for telling me")[1].split("The questions can wait")[0]
    reading = result.stdout.split("Your reading")[1]
    assert "Shout: text SHOUT to 85258 (24 hours, every day)" in acknowledgement
    assert "Shout: text SHOUT to 85258 (24 hours, every day)" in reading
    assert "National Domestic Abuse Helpline" in reading and "National Domestic Abuse Helpline" not in acknowledgement


def test_quitting_before_the_safety_questions_still_opens_with_help(runner):
    result = consult(runner, "he\nquit\n")
    assert result.exit_code == 0
    reading = result.stdout.split("Your reading")[1]
    assert reading.index("Help first") < reading.index("Why your ex may be crying")
    assert "Samaritans: call 116 123" in reading


def test_question_mark_says_why_from_the_rules_in_words(runner):
    result = consult(runner, "he\n" + SAFETY_NO + "?\nme\n" + SKIP_REST)
    why = " ".join(result.stdout.split("Your answer decides whether")[1].split("Question")[0].split())
    assert "counts “Grief over the ending” among the reasons" in why
    assert "plea_when" not in why and "Safety questions unanswered" not in why


def test_back_returns_to_the_previous_question_and_changes_it(runner, tmp_path):
    saved = tmp_path / "case.toml"
    result = consult(runner, "he\n" + SAFETY_NO + "me\nback\nex\n" + SKIP_REST, "--save", str(saved))
    assert result.exit_code == 0
    assert dialogue(result.stdout).count("Who ended the relationship?") == 2
    assert 'ended_by = "ex"' in saved.read_text()


def test_the_review_screen_changes_one_answer(runner, kb, tmp_path):
    data = {}
    for field in kb.question_order:
        data.setdefault(field.table, {})[field.name] = field.to_data(field.samples()[1])
    data["breakup"]["ended_by"] = "me"
    full = tmp_path / "full.json"
    full.write_text(json.dumps(data), encoding="utf-8")
    # follow-ups that no longer apply after a no (the pressure, the danger now) are not listed
    case = kb.vocabulary.validate(data)
    answered = [f.path for f in kb.question_order if f.applies(case) is not False]
    assert "safety.self_harm_as_pressure" not in answered and "safety.in_danger_now" not in answered
    change = answered.index("breakup.ended_by") + 1
    result = consult(runner, f"{change}\nmy ex did\n\n", "--answers", str(full), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("\nYour answers\n") == 2, "shown again after the change"
    assert "Who ended the relationship? my ex did" in result.stderr.split("\nYour answers\n")[2]
    assert json.loads(result.stdout)["trace"][0]["matched"]


def test_end_of_input_prints_the_reading_so_far_and_exits_1(runner, tmp_path):
    saved = tmp_path / "partial.toml"
    result = consult(runner, "he\nno\n", "--save", str(saved))
    assert result.exit_code == 1
    assert "Input ended before the last question" in result.stdout
    assert result.stderr.strip() == f"2 answers saved to {saved}."
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert 'pronoun = "he"' in saved.read_text()


def test_piped_answers_give_the_json_report_on_stdout(runner):
    result = consult(runner, "he\nno\nno\nno\nme\n", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["safety"]["answered"] is True
    assert "trust_your_decision" not in {a["id"] for a in report["actions"]}


def test_ctrl_c_keeps_the_answers_given_and_exits_130(runner, tmp_path, monkeypatch):
    from exsplain.cli import consult as consult_module

    replies = iter(["she", "no"])

    def read(self, prompt):
        try:
            return next(replies)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(consult_module.Dialogue, "read", read)
    saved = tmp_path / "partial.toml"
    result = runner.invoke(cli, ["consult", "--save", str(saved)])
    assert result.exit_code == 130
    assert "Consultation stopped; 2 answers saved to" in result.stderr
    assert "Help first" in result.stderr, "help is still named when the safety questions were not all answered"
    assert 'i_think_of_self_harm = false' in saved.read_text()


def test_save_on_an_existing_case_starts_from_its_answers_and_keeps_them(runner, tmp_path):
    saved = tmp_path / "mine.toml"
    saved.write_text(Path(example("ended-by-me-plea.toml")).read_text(encoding="utf-8"), encoding="utf-8")
    before = saved.read_text()
    nothing = consult(runner, "", "--save", str(saved))
    assert nothing.exit_code == 1
    assert saved.read_text() == before, "no answer given: the file is untouched"
    more = consult(runner, "no\n", "--save", str(saved))
    assert "Have you had thoughts of hurting yourself" in more.stdout
    assert "How should I refer to your ex?" not in more.stdout
    from exsplain.knowledge.base import KNOWLEDGE_BASE

    kept = KNOWLEDGE_BASE.vocabulary.load(saved)
    assert kept.get("ex.asks_to_get_back") is True and kept.get("safety.i_think_of_self_harm") is False
    assert kept.title == "He cried when I ended it and asked for another chance"


def test_save_follows_the_suffix_and_analyze_reads_it_back(runner, tmp_path):
    saved = tmp_path / "case.json"
    done = consult(runner, "she\n" + SAFETY_NO + "ex\n" + SKIP_REST, "--save", str(saved), "--format", "json")
    assert done.exit_code == 0
    assert json.loads(saved.read_text())["breakup"] == {"ended_by": "ex"}
    analyzed = json.loads(runner.invoke(cli, ["analyze", "--format", "json", str(saved)]).stdout)
    from_consultation = json.loads(done.stdout)
    for report in (analyzed, from_consultation):
        report.pop("case")
    assert analyzed["motives"] == from_consultation["motives"]


@pytest.mark.parametrize("target, message", [
    ("missing/case.toml", "no such folder"),
    ("case.txt", "use a name ending in .toml or .json"),
])
def test_an_unusable_save_target_is_refused_before_asking(runner, tmp_path, target, message):
    result = consult(runner, "he\n", "--save", str(tmp_path / target))
    assert result.exit_code == 2
    assert result.stderr == f"Error: --save {tmp_path / target}: {message}\n"
    assert result.stdout == ""


def test_a_fifo_is_refused_as_a_save_target(runner, tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    result = consult(runner, "he\n", "--save", str(fifo))
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_save_that_fails_later_keeps_the_consultation_going(runner, tmp_path, monkeypatch):
    from exsplain.expert import files

    saved = tmp_path / "case.toml"
    real = files.write_private
    failures = iter([True, False])

    def flaky(path, text):
        if next(failures, False):
            raise OSError(28, "No space left on device")
        return real(path, text)

    monkeypatch.setattr(files, "write_private", flaky)
    result = consult(runner, "he\nno\n", "--save", str(saved))
    said = " ".join(result.stdout.split())
    assert "Could not save to" in said and "(No space left on device); your answers are kept" in said
    assert result.stderr.strip() == f"2 answers saved to {saved}."


def test_saving_keeps_the_file_private_whatever_the_umask(runner, tmp_path):
    target = tmp_path / "case.toml"
    old = os.umask(0o777)
    try:
        result = consult(runner, "he\nquit\n", "--save", str(target))
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["case.toml"], "no temporary file is left behind"


def test_questions_lists_the_order_of_an_empty_consultation(runner):
    listed = json.loads(runner.invoke(cli, ["questions", "--format", "json"]).stdout)
    assert [q["field"] for q in listed[:5]] == ["ex.pronoun", "safety.i_think_of_self_harm",
                                                "safety.threats_or_abuse", "safety.ex_self_harm_talk",
                                                "breakup.ended_by"]
    assert listed[1] == {"field": "safety.i_think_of_self_harm",
                         "text": "Have you had thoughts of hurting yourself, or of not wanting to live?",
                         "allowed": [True, False]}


def test_questions_leaves_out_what_no_longer_matters(runner):
    listed = runner.invoke(cli, ["questions", "--format", "json", example("ended-by-me-doubting.toml")])
    fields = [q["field"] for q in json.loads(listed.stdout)]
    assert "breakup.ex_excuse" not in fields and fields[0] == "safety.i_think_of_self_harm"


@pytest.mark.parametrize("region, emergency, crisis", [("GB", "999", "Samaritans: call 116 123"),
                                                       ("US", "911", "call or text 988"),
                                                       ("other", "your local emergency number", "findahelpline.com")])
def test_the_pinned_consultation_after_a_yes_to_self_harm_ends_with_the_help_lines(region, emergency, crisis):
    golden = Path(__file__).parent / "golden" / f"consult-self-harm-{region}-80.txt"
    last_screen = "\n".join(golden.read_text(encoding="utf-8").splitlines()[-24:])
    assert emergency in last_screen and crisis in last_screen
    assert last_screen.rstrip().splitlines()[-1].startswith("┃"), "the help is the last thing on screen"


def test_not_sure_at_a_safety_question_leaves_it_open_and_says_so_once(runner):
    result = consult(runner, "he\nunsure\nnot sure\nno\n" + SKIP_REST)
    said = dialogue(result.stdout)
    assert said.count("also talk with people") == 1 and "That stays open." in said
    report = json.loads(consult(runner, "he\nunsure\nnot sure\nno\n" + SKIP_REST, "--format", "json").stdout)
    assert {"safety.i_think_of_self_harm", "safety.threats_or_abuse"} <= set(report["unanswered"])


def test_five_replies_that_name_no_answer_leave_the_question_open_and_exit_1(runner):
    result = consult(runner, "purple\n" * 5 + "no\n" * 3 + SKIP_REST)
    assert result.exit_code == 1
    assert "I could not make out an answer" in result.stdout
    assert dialogue(result.stdout).count("Please answer with a number") == 5


def test_an_unreadable_piped_line_is_asked_again_and_loses_nothing(runner, tmp_path):
    saved = tmp_path / "case.toml"
    result = runner.invoke(cli, ["consult", "--save", str(saved)], input=b"\xff\nhe\n\xa3\xc0\nno\n")
    assert result.exit_code == 1  # input ended
    assert result.stdout.count("I could not read that; please type it again.") == 2
    assert 'pronoun = "he"' in saved.read_text() and "i_think_of_self_harm = false" in saved.read_text()


def test_rule_and_why_again_climb_from_the_question_to_the_reading(runner):
    result = consult(runner, "he\n?\nwhy\nwhy\nwhy\nno\nno\nno\nrule\n" + SKIP_REST)
    said = " ".join(dialogue(result.stdout).split())
    steps = ["I ask everyone this, so that help comes first", "Your answer decides whether the reading suggests",
             "The rule: when you have had thoughts of hurting yourself", "You deserve support right now",
             "It changes what the reading shows under “Help first”"]
    assert [said.index(s) for s in steps] == sorted(said.index(s) for s in steps)
    assert "The rule: when you ended it" in said.split("Who ended the relationship?")[1]


def test_quit_without_save_says_the_answers_are_not_kept(runner):
    result = consult(runner, "he\nno\nquit\n")
    assert "Your answers are not kept" in result.stdout and "--save FILE" in result.stdout
    assert result.stdout.index("Your answers are not kept") < result.stdout.index("Your reading")


def test_answers_from_a_file_are_counted_when_the_consultation_resumes(runner):
    result = consult(runner, SKIP_REST, "--answers", example("ended-by-me-plea.toml"))
    assert "I kept the" in result.stdout and "questions are left" in " ".join(result.stdout.split())


def test_back_and_quit_work_at_the_review(runner, kb):
    consultation, skipped = Consultation(kb), 0
    for field, value in ((Ex.pronoun, "he"), (Safety.i_think_of_self_harm, False), (Safety.ex_self_harm_talk, False),
                         (Safety.threats_or_abuse, False)):
        consultation.answer(field, value)
    while (field := consultation.next_question()) is not None:
        consultation.skip(field)
        last, skipped = field, skipped + 1
    replies = "he\nno\nno\nno\n" + "\n" * skipped + "back\nyes\nquit\n"
    result = consult(runner, replies)
    first, second = result.stdout.split("\nYour answers\n")[1:]
    question = last.question.format(their="his")
    assert f"{question} skipped" in " ".join(first.split())
    assert question in first.split("> ", 1)[1], "back asks the last question again"
    assert f"{question} yes" in " ".join(second.split()) and "\nYour reading\n" in second
    assert result.exit_code == 0
