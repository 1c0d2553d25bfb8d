"""The relevance judge on its own: which answers could still change a rule."""
from hypothesis import given

from exsplain.expert.conditions import FieldCondition
from exsplain.expert.relevance import FAILS, HOLDS, UNKNOWN
from exsplain.expert.review import AnswersFromAnotherSituation, needed

from strategies import case_data


def judged(kb, rule_name, **tables):
    case = kb.vocabulary.validate(tables)
    return kb.judge.rule(kb.rule_by_name[rule_name], case, kb.infer(case).certainty)


def test_a_known_answer_that_contradicts_a_condition_rules_the_rule_out(kb):
    judgement = judged(kb, "grief_when_i_ended_it", breakup={"ended_by": "ex"})
    assert judgement.status == FAILS
    assert [str(c) for c in judgement.failed] == ["breakup.ended_by = me"]


def test_a_missing_answer_leaves_the_rule_open_and_names_the_field(kb):
    judgement = judged(kb, "grief_when_i_ended_it", breakup={"ended_by": "me"})
    assert judgement.status == UNKNOWN and judgement.open_paths == ("crying.context",)


def test_a_rule_that_fires_only_while_an_answer_is_missing_keeps_that_question_open(kb):
    judgement = judged(kb, "tears_of_the_one_who_left", breakup={"ended_by": "ex"})
    assert judgement.status == HOLDS and judgement.open_paths == ("ex.asks_to_get_back",)
    case = kb.vocabulary.validate({"breakup": {"ended_by": "ex"}})
    assert "ex.asks_to_get_back" in kb.judge.relevant_unknowns(case, {})


def test_a_belief_that_could_still_rise_keeps_its_evidence_open(kb):
    judgement = judged(kb, "practised_tears", breakup={"ended_by": "me"})
    assert judgement.status == UNKNOWN
    assert [str(c) for c in judgement.unknown] == ["learned_manipulation is possible or likely"]
    ruled_out = judged(kb, "practised_tears", breakup={"ended_by": "me"}, ex={"used_tears_before": False})
    assert ruled_out.status == FAILS


def test_a_follow_up_question_is_relevant_only_once_its_parent_answer_is_given(kb):
    unknown = kb.vocabulary.validate({})
    assert "safety.self_harm_as_pressure" not in kb.judge.relevant_unknowns(unknown, {})
    talk = kb.vocabulary.validate({"safety": {"ex_self_harm_talk": True}})
    assert "safety.self_harm_as_pressure" in kb.judge.relevant_unknowns(talk, kb.infer(talk).certainty)


def test_questions_come_in_the_knowledge_bases_order(kb):
    case = kb.vocabulary.validate({"breakup": {"ended_by": "me"}})
    relevant = kb.judge.relevant_unknowns(case, kb.infer(case).certainty)
    order = [f.path for f in kb.question_order]
    assert relevant == sorted(relevant, key=order.index)
    assert "breakup.ex_excuse" not in relevant and "me.confident_in_decision" in relevant


@given(case_data())
def test_a_field_is_relevant_exactly_when_its_answer_could_still_change_some_rule(kb, data):
    case = kb.vocabulary.implied(kb.vocabulary.validate(data))
    certainty = kb.infer(case).certainty
    could_change = [f.path for f in kb.question_order
                    if not case.known(f.path) and f.applies(case) is True
                    and kb.judge.affected_by(f.path, case, certainty)]
    assert kb.judge.relevant_unknowns(case, certainty) == could_change


@given(case_data())
def test_an_answer_is_flagged_exactly_when_every_rule_that_uses_it_needs_another_situation(kb, data):
    review = next(r for r in kb.reviews if isinstance(r, AnswersFromAnotherSituation))
    case = kb.vocabulary.implied(kb.vocabulary.validate(data))

    def unmet(rule):
        return [c for c in kb.conditions[rule.name] if isinstance(c, FieldCondition) and c.field in review.situation
                and c.judge(case, {}) == FAILS]

    expected = []
    for path, field in kb.vocabulary.fields.items():
        rules = kb.judge.uses.get(path, [])
        if case.known(path) and field not in review.situation and rules and all(unmet(r) for r in rules):
            expected.append((path, needed([unmet(r) for r in rules])))
    found = review.findings(kb, case, kb.infer(case))
    assert [(f.answers[0], f.details["situation"]) for f in found] == expected
