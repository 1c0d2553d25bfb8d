"""``exsplain consult`` driven through click's runner, one path per test."""
import json
import stat

import pytest

from cli import consult as consult_command
from cli.main import cli
from conftest import EXAMPLES

SKIP_REST = "skip\n" * 40
EXCUSE = "What reason did your ex give for leaving?"
CONFIDENT = "Are you sure that ending it was right?"
SELF_HARM = "has your ex talked about hurting"


EVERYTHING_BUT_SAFETY = """
[breakup]
ended_by = "ex"
ex_excuse = "lost_feelings"
[crying]
context = "later_talks"
frequency = "every_time"
before_i_can_speak = false
[ex]
pronoun = "he"
failed_relationships = "none"
used_tears_before = false
cries_easily = false
usually_empathetic = true
stressors = ["depression"]
blames_me = false
said_no_one_better = false
asks_to_get_back = false
[contact]
level = "frequent"
as_friends = false
i_comfort_ex = true
[me]
want_back = "no"
say_hurtful_things = false
feel_guilty = false
have_closure = true
"""


def consult(runner, text, *args):
    return runner.invoke(cli, ["consult", *args], input=text)


def test_ended_by_me_never_asks_for_the_dumpers_excuse(runner):
    result = consult(runner, "he\nme\n" + SKIP_REST)
    assert result.exit_code == 0, result.stderr
    assert EXCUSE not in result.stdout
    assert CONFIDENT in result.stdout
    assert "Trust your decision" in result.stdout


def test_ended_by_the_ex_never_asks_whether_i_am_sure(runner):
    result = consult(runner, "she\nex\n" + SKIP_REST)
    assert result.exit_code == 0
    assert EXCUSE in result.stdout
    assert CONFIDENT not in result.stdout
    assert "Struggles of her own" not in result.stdout  # no stressor answered
    assert "she blamed me" in result.stdout, "the pronoun is used in the choices"


def test_mutual_ending_asks_neither_side_question(runner):
    result = consult(runner, "they\n3\n" + SKIP_REST)
    assert result.exit_code == 0
    assert EXCUSE not in result.stdout and CONFIDENT not in result.stdout
    assert "Check your own feelings" in result.stdout


def test_pronoun_is_asked_first_and_safety_last(runner):
    result = consult(runner, SKIP_REST)
    questions = [line for line in result.stdout.splitlines() if line.endswith("?")]
    assert questions[0] == "How should I refer to your ex?"
    assert SELF_HARM in questions[-2]
    assert "threat, intimidation or abuse" in questions[-1]
    assert "Two last questions" in result.stdout


def test_safety_answer_recommends_help_and_withholds_advice(runner, tmp_path):
    prefilled = tmp_path / "before.toml"
    prefilled.write_text(EVERYTHING_BUT_SAFETY, encoding="utf-8")
    result = consult(runner, "yes\nno\n", "--answers", str(prefilled), "--format", "json")
    assert result.exit_code == 0, result.stderr
    asked = [line for line in result.stderr.splitlines() if line.endswith("?")]
    assert len(asked) == 2 and SELF_HARM in asked[0]
    report = json.loads(result.stdout)
    assert report["actions"][0]["id"] == "get_urgent_help"
    assert {w["id"] for w in report["withheld"]} == {"go_no_contact", "stop_comforting_the_dumper"}


def test_question_mark_explains_from_the_rules(runner):
    result = consult(runner, "he\n?\nme\n" + SKIP_REST)
    assert "I ask because breakup.ended_by can still change" in result.stdout
    assert "plea_when_i_ended_it +0.40" in result.stdout
    assert "tears_leave_the_problems" in result.stdout


def test_back_returns_to_the_previous_question_and_changes_it(runner, tmp_path):
    saved = tmp_path / "case.toml"
    result = consult(runner, "he\nme\nback\nex\n" + SKIP_REST, "--save", str(saved))
    assert result.exit_code == 0
    assert result.stdout.count("Who ended the relationship?") == 2
    assert 'ended_by = "ex"' in saved.read_text()


def test_back_at_the_first_question_says_so(runner):
    result = consult(runner, "back\n" + SKIP_REST)
    assert "There is no earlier question to go back to." in result.stdout


def test_invalid_answer_is_asked_again_with_the_choices(runner):
    result = consult(runner, "he\nmaybe\nme\n" + SKIP_REST)
    assert "Please answer with one of 1, 2, 3 or me, ex, mutual." in result.stdout
    assert result.stdout.count("Who ended the relationship?") == 1
    assert "Trust your decision" in result.stdout


def test_end_of_input_keeps_the_answers_given(runner, tmp_path):
    saved = tmp_path / "partial.toml"
    result = consult(runner, "he\nme\n", "--save", str(saved))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Consultation stopped (end of input); 2 answers saved to {saved}."
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    text = saved.read_text()
    assert 'pronoun = "he"' in text and 'ended_by = "me"' in text


def test_ctrl_c_keeps_the_answers_given_and_exits_130(runner, tmp_path, monkeypatch):
    replies = iter(["she", "ex"])

    def read_line(prompt, err=False):
        try:
            return next(replies)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(consult_command, "read_line", read_line)
    saved = tmp_path / "partial.toml"
    result = runner.invoke(cli, ["consult", "--save", str(saved)])
    assert result.exit_code == 130
    assert "Consultation stopped (interrupted); 2 answers saved" in result.stderr
    assert 'ended_by = "ex"' in saved.read_text()


def test_quit_stops_asking_and_shows_the_reading_so_far(runner):
    result = consult(runner, "he\nme\nquit\n")
    assert result.exit_code == 0
    assert "Trust your decision" in result.stdout
    assert "How often has your ex cried" not in result.stdout


def test_saved_case_reproduces_the_report(runner, tmp_path):
    saved = tmp_path / "case.toml"
    answers = "she\nex\nits_not_you\nlater_talks\nevery_time\nyes\n" + SKIP_REST
    done = consult(runner, answers, "--save", str(saved), "--format", "json")
    assert done.exit_code == 0
    from_consultation = json.loads(done.stdout)
    analyzed = runner.invoke(cli, ["analyze", "--format", "json", str(saved)])
    from_file = json.loads(analyzed.stdout)
    from_consultation.pop("case"), from_file.pop("case")
    assert from_file == from_consultation
    assert from_file["motives"], "the answers led to some motive"


def test_answers_file_is_validated(runner, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[breakup]\nended_by = 3\n")
    result = consult(runner, "", "--answers", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {bad}: breakup.ended_by: expected one of me | ex | mutual")


@pytest.mark.parametrize("example", ["ended-by-me-doubting.toml", "dumped-resentful-ex.toml", "warnings.toml"])
def test_questions_lists_what_consult_asks_next(runner, example):
    path = str(EXAMPLES / example)
    listed = runner.invoke(cli, ["questions", path])
    assert listed.exit_code == 0
    first_field = listed.stdout.splitlines()[2].split()[1]
    asked = consult(runner, "quit\n", "--answers", path, "--format", "json")
    first_question = next(line for line in asked.stderr.splitlines() if line.endswith("?"))
    from knowledge.catalog import CATALOG

    assert CATALOG.question(first_field).text.split("{")[0] in first_question


def test_questions_leaves_out_what_no_longer_matters(runner):
    listed = runner.invoke(cli, ["questions", str(EXAMPLES / "ended-by-me-doubting.toml")])
    assert "breakup.ex_excuse" not in listed.stdout
    assert "safety.ex_self_harm_talk" in listed.stdout
    everything = runner.invoke(cli, ["questions"])
    assert everything.stdout.splitlines()[2].split()[1] == "ex.pronoun"
    assert "breakup.ex_excuse" in everything.stdout


def test_save_into_a_missing_folder_is_refused_before_asking(runner, tmp_path):
    target = tmp_path / "missing" / "case.toml"
    result = consult(runner, "he\n", "--save", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"Error: --save {target}: no such folder\n"
    assert result.stdout == ""


def test_saving_over_an_existing_file_keeps_it_private(runner, tmp_path):
    target = tmp_path / "case.toml"
    target.write_text("old")
    target.chmod(0o644)
    result = consult(runner, "he\nme\nquit\n", "--save", str(target))
    assert result.exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert 'ended_by = "me"' in target.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["case.toml"], "no temporary file is left behind"
