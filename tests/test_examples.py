"""Every example case analyzes, and shows the conclusions its comment promises."""
import pytest

from conftest import EXAMPLES as EXAMPLES_DIR, example_files, report_of_file

# example -> (top motive, motives that must be present, actions, withheld, warnings)
EXPECTED = {
    "cries-easily.toml": ("emotional_temperament", {"grief"}, {"check_your_own_feelings", "focus_on_yourself"}, set(), set()),
    "dumped-at-breakup-talk.toml": (
        "avoiding_hard_conversation",
        {"soften_the_blow", "guilt"},
        {"see_the_responsibility_clearly", "focus_on_yourself"},
        set(),
        set(),
    ),
    "dumped-friends-and-comforting.toml": (
        "guilt",
        {"seeking_reassurance"},
        {"end_the_friendship_act", "reassure_then_ask_for_space", "stop_comforting_the_dumper", "go_no_contact"},
        set(),
        set(),
    ),
    "dumped-its-not-you.toml": (
        "guilt",
        {"soften_the_blow"},
        {"dont_read_tears_as_love", "go_no_contact", "seek_support"},
        set(),
        set(),
    ),
    "dumped-its-not-you.json": (
        "guilt",
        {"soften_the_blow"},
        {"dont_read_tears_as_love", "go_no_contact", "seek_support"},
        set(),
        set(),
    ),
    "dumped-resentful-ex.toml": ("guilt", set(), {"see_the_responsibility_clearly", "seek_support"}, set(), set()),
    "dumped-struggling-ex.toml": ("personal_struggles", {"guilt"}, {"go_no_contact"}, set(), set()),
    "ended-by-me-doubting.toml": ("plea_to_reconsider", set(), {"check_your_own_feelings", "trust_your_decision"}, set(), set()),
    "ended-by-me-plea.toml": ("plea_to_reconsider", {"grief"}, {"trust_your_decision", "dont_return_out_of_pity"}, set(), set()),
    "ended-by-me-practised-tears.toml": (
        "learned_manipulation",
        {"sense_of_failure"},
        {"dont_return_out_of_pity", "check_your_own_feelings"},
        set(),
        set(),
    ),
    "ended-by-me-serial-failures.toml": ("no_one_better", {"sense_of_failure", "grief"}, {"trust_your_decision"}, set(), set()),
    "hurtful-remarks.toml": ("hurt_by_hostility", set(), {"stop_hurtful_remarks"}, set(), set()),
    "safety-self-harm.toml": (
        "personal_struggles",
        set(),
        {"get_urgent_help"},
        {"go_no_contact", "stop_comforting_the_dumper"},
        set(),
    ),
    "safety-threats.toml": ("guilt", set(), {"get_urgent_help", "go_no_contact"}, {"reassure_then_ask_for_space"}, set()),
    "warnings.toml": ("guilt", set(), {"focus_on_yourself"}, set(), {"contact_mismatch", "irrelevant_answer"}),
}


def test_every_example_has_expectations():
    assert {p.name for p in example_files()} == set(EXPECTED)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_example_reaches_its_key_conclusions(kb, path):
    top, motives, actions, withheld, warnings = EXPECTED[path.name]
    report = kb.report(kb.vocabulary.load(path))
    found = {m["id"] for m in report["motives"]}
    assert report["motives"][0]["id"] == top
    assert motives <= found
    assert actions <= {a["id"] for a in report["actions"]}
    assert {w["id"] for w in report["withheld"]} == withheld
    assert not withheld & {a["id"] for a in report["actions"]}, "withheld advice must not be recommended"
    assert {w["id"] for w in report["warnings"]} == warnings


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_example_starts_with_a_comment_saying_what_it_shows(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        assert text.startswith("# ") and "Shows" in text.split("\n\n")[0]
    else:
        assert '"notes"' in text.splitlines()[1]


def test_every_rule_fires_in_some_example(kb):
    fired = set()
    for path in example_files():
        fired |= {f.rule.name for f in kb.infer(kb.vocabulary.load(path)).firings}
    assert [r.name for r in kb.rules if r.name not in fired] == []


def test_every_conclusion_appears_in_some_example(kb):
    seen = set()
    for path in example_files():
        report = kb.report(kb.vocabulary.load(path))
        for key in ("motives", "insights", "actions", "withheld", "warnings"):
            seen |= {(key, item["id"]) for item in report[key]}
    catalog = kb.catalog
    wanted = {("motives", i) for i in catalog.hypotheses}
    wanted |= {("insights", i) for i in catalog.findings}
    wanted |= {("actions", i) for i in catalog.recommendations}
    wanted |= {("warnings", i) for i in catalog.warnings}
    assert wanted - seen == set()


def test_json_twin_gives_the_same_conclusions(kb):
    toml, json = (report_of_file(kb, EXAMPLES_DIR / f"dumped-its-not-you.{suffix}") for suffix in ("toml", "json"))
    assert toml == json

