"""The bounds on input, pinned: one step inside is read, one step outside is
refused. The numbers are written here, not imported, so that moving a bound
in the code fails a test until the change is made on purpose here too."""
import json

import pytest

from exsplain.cli.main import cli
from exsplain.expert.fields import CaseError

MAX_DEPTH = 4  # a valid case nests 3 deep (the file, a table, a list); one more is still read, to name the field
MAX_REPLY = 1000  # characters of one reply in a consultation


def nested_stressors(depth):
    """A JSON case whose brackets nest ``depth`` deep, the innermost around a stressor."""
    inner = json.dumps("work")
    for _ in range(depth - 2):
        inner = f"[{inner}]"
    return '{"ex": {"stressors": ' + inner + "}}"


def test_a_case_nested_as_deep_as_allowed_is_read_and_one_level_more_is_refused(kb, tmp_path):
    allowed, deeper = tmp_path / "allowed.json", tmp_path / "deeper.json"
    allowed.write_text(nested_stressors(MAX_DEPTH))
    deeper.write_text(nested_stressors(MAX_DEPTH + 1))
    with pytest.raises(CaseError) as read:
        kb.vocabulary.load(allowed)  # read, then refused for what it says, not for its shape
    assert "nested deeper" not in str(read.value) and "ex.stressors" in str(read.value)
    with pytest.raises(CaseError) as refused:
        kb.vocabulary.load(deeper)
    assert str(refused.value).endswith("nested deeper than a case file can be")


def test_a_valid_case_nests_no_deeper_than_allowed(kb, tmp_path):
    case = tmp_path / "case.json"
    case.write_text(nested_stressors(3))
    assert kb.vocabulary.load(case).get("ex.stressors") == ("work",)
    assert MAX_DEPTH >= 3


@pytest.mark.parametrize("length, read", [(MAX_REPLY, True), (MAX_REPLY + 1, False)])
def test_a_reply_as_long_as_allowed_is_read_and_a_longer_one_is_refused(runner, length, read):
    reply = "he".ljust(length)  # the answer "he", padded with spaces to ``length`` characters
    result = runner.invoke(cli, ["consult", "--format", "json"], input=reply + "\n" + "\n" * 40)
    questions = " ".join(q["text"] for q in json.loads(result.stdout)["questions"])
    assert (" he " in questions) is read and (" they " in questions) is not read
