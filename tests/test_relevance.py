"""The relevance judge on its own: which answers could still change a rule."""
from exsplain.expert.relevance import FAILS, HOLDS, UNKNOWN


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
