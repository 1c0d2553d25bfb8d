"""Every example case analyzes, and reaches the conclusions its comment promises."""
import re

import pytest

from exsplain.knowledge.catalog import CATALOG

from conftest import EXAMPLES, example_files, report_without_case

# example -> (top motive, motives at least present, actions, withheld, warnings)
EXPECTED = {
    "co-parents.toml": ("guilt", set(), {"keep_contact_practical", "reassure_then_ask_for_space"}, set(), set()),
    "cries-easily.toml": ("emotional_temperament", {"grief"}, {"check_your_own_feelings", "focus_on_yourself"}, set(),
                          {"safety_unanswered"}),
    "dumped-asks-to-get-back.toml": ("guilt", {"grief"}, {"ask_what_has_changed", "dont_read_tears_as_love"}, set(),
                                     {"safety_unanswered"}),
    "dumped-at-breakup-talk.toml": ("guilt", {"avoiding_hard_conversation", "soften_the_blow"},
                                    {"see_the_responsibility_clearly", "focus_on_yourself"}, set(), set()),
    "dumped-cried-once.toml": ("guilt", {"soften_the_blow"}, {"give_it_time"}, set(), {"safety_unanswered"}),
    "dumped-friends-and-comforting.toml": (
        "guilt", {"seeking_reassurance"},
        {"end_the_friendship_act", "reassure_then_ask_for_space", "stop_comforting_the_dumper", "go_no_contact"},
        set(), set()),
    "dumped-intimacy-since.toml": ("guilt", set(), {"dont_read_tears_as_love", "stop_following_online"}, set(),
                                   {"safety_unanswered"}),
    "dumped-its-not-you.json": ("guilt", {"soften_the_blow"}, {"dont_read_tears_as_love", "go_no_contact", "seek_support"},
                                set(), {"safety_unanswered"}),
    "dumped-its-not-you.toml": ("guilt", {"soften_the_blow"}, {"dont_read_tears_as_love", "go_no_contact", "seek_support"},
                                set(), {"safety_unanswered"}),
    "dumped-resentful-ex.toml": ("playing_the_victim", {"guilt"}, {"see_the_responsibility_clearly", "seek_support"},
                                 set(), {"safety_unanswered"}),
    "dumped-struggling-ex.toml": ("personal_struggles", {"guilt"}, {"go_no_contact"}, set(), {"safety_unanswered"}),
    "dumped-years-later.toml": ("personal_struggles", {"guilt"}, {"focus_on_yourself"}, set(), {"safety_unanswered"}),
    "ended-by-me-doubting.toml": ("plea_to_reconsider", set(), {"check_your_own_feelings"}, set(), {"safety_unanswered"}),
    "ended-by-me-no-regrets.toml": ("plea_to_reconsider", set(), {"trust_your_decision"}, set(), {"safety_unanswered"}),
    "ended-by-me-plea.toml": ("grief", {"plea_to_reconsider"}, {"trust_your_decision", "dont_return_out_of_pity"}, set(),
                              {"safety_unanswered"}),
    "ended-by-me-practised-tears.toml": ("learned_manipulation", {"sense_of_failure"},
                                         {"dont_return_out_of_pity", "check_your_own_feelings"}, set(),
                                         {"safety_unanswered"}),
    "ended-by-me-serial-failures.toml": ("sense_of_failure", {"no_one_better", "grief"}, {"trust_your_decision"}, set(),
                                         {"safety_unanswered"}),
    "hurtful-remarks.toml": ("hurt_by_hostility", set(), {"stop_hurtful_remarks"}, set(), {"safety_unanswered"}),
    "my-part.toml": ("guilt", set(), {"own_your_part", "seek_support"}, set(), {"safety_unanswered"}),
    "safety-abuse-and-pressure.toml": ("plea_to_reconsider", set(),
                                       {"get_urgent_help", "put_your_safety_first", "go_no_contact"}, set(), set()),
    "safety-own-dark-thoughts.toml": ("guilt", set(), {"reach_out_for_yourself", "give_it_time", "focus_on_yourself",
                                                       "seek_support"}, set(), {"safety_unanswered"}),
    "safety-own-crisis-and-ex-talk.toml": (
        "guilt", {"seeking_reassurance"},
        {"call_emergency_now", "reach_out_for_yourself", "get_urgent_help", "go_no_contact", "end_the_friendship_act",
         "stop_comforting_the_dumper", "focus_on_yourself", "seek_support"}, set(), set()),
    "safety-abuse-at-home.toml": ("guilt", set(), {"put_your_safety_first", "plan_a_safe_exit", "keep_contact_practical",
                                                   "seek_support"}, {"reassure_then_ask_for_space"}, set()),
    "safety-pressure-at-home.toml": ("plea_to_reconsider", set(), {"put_your_safety_first", "plan_a_safe_exit", "get_urgent_help",
                                                      "keep_contact_practical"}, set(), {"answers_disagree"}),
    "safety-pressure-mutual-study.toml": (
        "grief", set(), {"put_your_safety_first", "get_urgent_help", "get_support_at_work_or_school",
                         "keep_contact_practical", "focus_on_yourself", "seek_support"}, set(), set()),
    "dumped-relies-on-me.toml": ("guilt", {"personal_struggles"}, {"point_to_professional_help",
                                                                   "stop_comforting_the_dumper", "seek_support"},
                                 set(), set()),
    "my-part-ex-blames.toml": ("seeking_reassurance", {"playing_the_victim"}, {"own_your_part", "stop_hurtful_remarks"},
                               set(), {"safety_unanswered"}),
    "safety-pressure-co-parents.toml": ("grief", set(), {"get_urgent_help", "put_your_safety_first",
                                                         "keep_contact_practical", "focus_on_yourself"}, set(),
                                        {"safety_unanswered"}),
    "safety-self-harm.toml": ("guilt", {"personal_struggles", "seeking_reassurance"},
                              {"get_urgent_help", "focus_on_yourself", "seek_support"},
                              {"go_no_contact", "stop_comforting_the_dumper", "end_the_friendship_act",
                               "reassure_then_ask_for_space"}, {"safety_unanswered"}),
    "safety-threats-at-work.toml": ("guilt", set(), {"put_your_safety_first", "get_support_at_work_or_school",
                                                     "keep_contact_practical", "ask_what_has_changed"},
                                    {"reassure_then_ask_for_space"}, {"safety_unanswered"}),
    "safety-threats.toml": ("guilt", set(), {"put_your_safety_first", "go_no_contact"}, {"reassure_then_ask_for_space"},
                            set()),
    "warnings.toml": ("guilt", set(), {"focus_on_yourself"}, set(),
                      {"contact_mismatch", "irrelevant_answer", "safety_unanswered"}),
}


def shown(path):
    """The conclusions an example's comment says it shows, by id (a new example need not be listed above)."""
    comment = " ".join(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    said = set(re.findall(r"\b[a-z]+(?:_[a-z]+)+\b", comment.partition("Shows:")[2]))
    return {c.id for c in CATALOG.conclusions} & said


def test_every_example_has_expectations_or_names_what_it_shows():
    assert set(EXPECTED) <= {p.name for p in example_files()}, "an expectation for an example that is gone"
    for path in example_files():
        assert path.name in EXPECTED or shown(path), f"{path.name}: say which conclusions it shows, by id"


@pytest.mark.parametrize("path", [p for p in example_files() if p.name not in EXPECTED], ids=lambda p: p.name)
def test_a_new_example_reaches_what_its_comment_shows(kb, path):
    report = kb.report(kb.vocabulary.load(path), "GB")
    reached = {item["id"] for kind in ("motives", "insights", "actions", "warnings") for item in report[kind]}
    assert shown(path) <= reached


@pytest.mark.parametrize("path", [p for p in example_files() if p.name in EXPECTED], ids=lambda p: p.name)
def test_example_reaches_its_key_conclusions(kb, path):
    top, motives, actions, withheld, warnings = EXPECTED[path.name]
    report = kb.report(kb.vocabulary.load(path), "GB")
    assert report["motives"][0]["id"] == top
    assert motives <= {m["id"] for m in report["motives"]}
    assert actions <= {a["id"] for a in report["actions"]}
    assert {w["id"] for w in report["withheld"]} == withheld
    assert not withheld & {a["id"] for a in report["actions"]}, "withheld advice must not be recommended"
    assert {w["id"] for w in report["warnings"]} == warnings


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_example_names_its_schema_and_says_what_it_shows(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".toml":
        first, *rest = text.splitlines()
        comment = [line for line in rest[: next(i for i, line in enumerate(rest) if not line.startswith("# "))]]
        assert first == "#:schema ../docs/case.schema.json"
        assert comment and "Shows" in "\n".join(comment)
    else:
        assert '"$schema": "../docs/case.schema.json"' in text.splitlines()[1]
        assert '"notes"' in text.splitlines()[2]


def test_every_rule_fires_in_some_example(kb):
    fired = set()
    for path in example_files():
        fired |= {f.rule.name for f in kb.infer(kb.vocabulary.load(path)).firings}
    assert [r.name for r in kb.rules if r.name not in fired] == []


def test_every_conclusion_appears_in_some_example(kb):
    seen = set()
    for path in example_files():
        report = kb.report(kb.vocabulary.load(path), "GB")
        for kind in kb.kinds:
            seen |= {(kind, item["id"]) for item in report[kind.key]}
    assert {(c.kind, c.id) for c in kb.catalog.conclusions} - seen == set()


def test_json_twin_gives_the_same_conclusions(kb):
    toml, json = (report_without_case(kb, EXAMPLES / f"dumped-its-not-you.{suffix}") for suffix in ("toml", "json"))
    assert toml == json
