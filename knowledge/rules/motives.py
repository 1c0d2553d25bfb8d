"""Evidence for and against each motive behind the ex's tears.

Weights are strong (0.6), moderate (0.4) or weak (0.2), negative for
evidence against; a rule cites its own paragraphs where they are narrower
than its motive's.
"""
from exsplain.expert.catalog import beyond_the_articles, cite
from exsplain.expert.certainty import MODERATE, STRONG, WEAK
from exsplain.expert.rules import NOT, evidence, unknown
from exsplain.knowledge.articles import WHY_EX_CRIES as B
from exsplain.knowledge.articles import WHY_HE_CRIED as A
from exsplain.knowledge.catalog import MOTIVES
from exsplain.knowledge.facts import Breakup, Contact, Crying, Ex, Me, Stressor


class MotiveRules:
    """Why the ex cries: each rule adds or removes certainty for one motive."""

    # grief: sad that it is over
    grief_when_i_ended_it = evidence(
        Breakup(ended_by="me"), Crying(context="breakup_talk"),
        supports=MOTIVES.grief, weight=MODERATE,
    )
    grief_in_asking_to_return = evidence(
        Ex(asks_to_get_back=True),
        supports=MOTIVES.grief, weight=WEAK,
    )
    grief_after_mutual_ending = evidence(
        Breakup(ended_by="mutual"),
        supports=MOTIVES.grief, weight=WEAK,
        sources=cite(A, (2, 3)) + beyond_the_articles("an ending both chose is still a loss"),
    )

    # sense_of_failure: one more relationship that did not last
    failure_after_many_breakups = evidence(
        Ex(failed_relationships="many"),
        supports=MOTIVES.sense_of_failure, weight=STRONG,
    )
    failure_after_a_few_breakups = evidence(
        Ex(failed_relationships="few"),
        supports=MOTIVES.sense_of_failure, weight=WEAK,
    )

    # no_one_better: fears there will be no one as good
    said_there_is_no_one_better = evidence(
        Ex(said_no_one_better=True),
        supports=MOTIVES.no_one_better, weight=STRONG,
    )

    # plea_to_reconsider: tears meant to change my mind
    plea_when_i_ended_it = evidence(
        Breakup(ended_by="me"),
        supports=MOTIVES.plea_to_reconsider, weight=WEAK, sources=cite(A, (11, 12)),
    )
    plea_with_request_to_return = evidence(
        Breakup(ended_by="me"), Ex(asks_to_get_back=True),
        supports=MOTIVES.plea_to_reconsider, weight=MODERATE, sources=cite(A, (12, 14)),
    )

    # soften_the_blow: the one who left turns my anger into sympathy
    softening_the_breakup_talk = evidence(
        Breakup(ended_by="ex"), Crying(context="breakup_talk"),
        supports=MOTIVES.soften_the_blow, weight=MODERATE, sources=cite(A, (15, 18)),
    )
    softening_before_i_speak = evidence(
        Breakup(ended_by="ex"), Crying(before_i_can_speak=True),
        supports=MOTIVES.soften_the_blow, weight=WEAK, sources=cite(B, 31),
    )

    # guilt: the one who left feels bad for hurting me
    guilt_of_the_one_who_left = evidence(
        Breakup(ended_by="ex"),
        supports=MOTIVES.guilt, weight=MODERATE, sources=cite(B, (3, 4), 11),
    )
    guilt_at_the_breakup_talk = evidence(
        Breakup(ended_by="ex"), Crying(context="breakup_talk"),
        supports=MOTIVES.guilt, weight=MODERATE, sources=cite(B, 5),
    )
    guilt_of_an_empathetic_ex = evidence(
        Breakup(ended_by="ex"), Ex(usually_empathetic=True),
        supports=MOTIVES.guilt, weight=WEAK, sources=cite(B, 7, 9),
    )
    guilt_in_later_talks = evidence(
        Breakup(ended_by="ex"), Crying(context="later_talks"),
        supports=MOTIVES.guilt, weight=WEAK, sources=cite(B, 11, (48, 49)),
    )
    guilt_shown_in_intimacy = evidence(
        Breakup(ended_by="ex"), Contact(intimate_since=True),
        supports=MOTIVES.guilt, weight=WEAK, sources=cite(B, 5),
    )
    guilt_shown_in_crying_once = evidence(  # one piece of evidence with the rule above: counted once
        Breakup(ended_by="ex"), Crying(frequency="once"), NOT(Contact(intimate_since=True)),
        supports=MOTIVES.guilt, weight=WEAK, sources=cite(B, (5, 6)),
    )
    resentful_ex_feels_no_guilt = evidence(
        Breakup(ended_by="ex"), Ex(blames_me=True),
        supports=MOTIVES.guilt, weight=-MODERATE, sources=cite(B, 8),
    )

    # personal_struggles: the ex's own troubles
    a_strain_in_their_life = evidence(
        Stressor(further=False),
        supports=MOTIVES.personal_struggles, weight=MODERATE, sources=cite(B, (13, 14)),
    )
    another_strain = evidence(
        Stressor(further=True),
        supports=MOTIVES.personal_struggles, weight=WEAK, sources=cite(B, (14, 15)),
    )
    low_mood = evidence(
        Stressor(kind="depression"),
        supports=MOTIVES.personal_struggles, weight=WEAK, sources=cite(B, 7, 14),
    )
    anxiety_without_low_mood = evidence(  # depression or anxiety is one piece of evidence: counted once
        Stressor(kind="anxiety"), NOT(Stressor(kind="depression")),
        supports=MOTIVES.personal_struggles, weight=WEAK, sources=cite(B, 3, 14),
    )
    unexplained_tears_of_the_one_who_left = evidence(
        Breakup(ended_by="ex"), Crying(context="later_talks", frequency="every_time"),
        Ex(usually_empathetic=False, cries_easily=False),
        supports=MOTIVES.personal_struggles, weight=MODERATE, sources=cite(B, 6, 13),
    )
    still_crying_years_later = evidence(
        Breakup(how_long_ago="years"), Crying(context="later_talks"),
        supports=MOTIVES.personal_struggles, weight=WEAK, sources=cite(B, (6, 7)),
    )

    # emotional_temperament: cries easily anyway
    cries_easily = evidence(
        Ex(cries_easily=True),
        supports=MOTIVES.emotional_temperament, weight=STRONG,
    )
    does_not_cry_easily = evidence(
        Ex(cries_easily=False),
        supports=MOTIVES.emotional_temperament, weight=-WEAK,
    )

    # avoiding_hard_conversation: tears as a shield
    cries_before_i_can_speak = evidence(
        Breakup(ended_by="ex"), Crying(before_i_can_speak=True),
        supports=MOTIVES.avoiding_hard_conversation, weight=MODERATE, sources=cite(B, (31, 33)),
    )
    no_account_from_a_crying_ex = evidence(
        Breakup(ended_by="ex"), Crying(context="later_talks"), Me(have_closure=False),
        supports=MOTIVES.avoiding_hard_conversation, weight=WEAK, sources=cite(B, 36, 50),
    )

    # learned_manipulation: tears that worked before
    tears_worked_before = evidence(
        Ex(used_tears_before=True),
        supports=MOTIVES.learned_manipulation, weight=STRONG,
    )

    # seeking_reassurance: comfort that eases the conscience of the one who left
    comforted_by_me = evidence(
        Breakup(ended_by="ex"), Contact(i_comfort_ex=True),
        supports=MOTIVES.seeking_reassurance, weight=MODERATE,
    )

    # hurt_by_hostility: reacting to what I say in the talks since (not at the breakup talk)
    hurt_by_my_remarks = evidence(
        Me(say_hurtful_things=True), Crying(context="later_talks"),
        supports=MOTIVES.hurt_by_hostility, weight=STRONG,
    )
    hurt_by_remarks_at_some_time = evidence(
        Me(say_hurtful_things=True), unknown(Crying, "context"),
        supports=MOTIVES.hurt_by_hostility, weight=MODERATE,
    )

    # playing_the_victim: the resentful one who left
    blames_me_after_leaving = evidence(
        Breakup(ended_by="ex"), Ex(blames_me=True),
        supports=MOTIVES.playing_the_victim, weight=MODERATE, sources=cite(B, 8, 44),
    )
    left_blaming_me = evidence(
        Breakup(ended_by="ex", ex_excuse="blamed_me"),
        supports=MOTIVES.playing_the_victim, weight=WEAK, sources=cite(B, 8),
    )
    some_of_the_hurt_is_real = evidence(  # what the ex names may be real when I played a part
        Me(my_part=True),
        supports=MOTIVES.playing_the_victim, weight=-WEAK, sources=cite(B, 37),
    )
