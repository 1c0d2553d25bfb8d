"""Evidence for and against each motive behind the ex's tears (KNOWLEDGE.md §2)."""
from expert.certainty import MODERATE, STRONG, WEAK
from expert.rules import cite, evidence, one_of
from knowledge.facts import Breakup, Contact, Crying, Ex, Me, Stressor

A, B = "000", "001"


class MotiveRules:
    """Why the ex cries: each rule adds or removes certainty for one motive."""

    # grief: the ex is sad that it is over
    grief_when_i_ended_it = evidence(
        Breakup(ended_by="me"), Crying(context="breakup_talk"),
        supports="grief", weight=MODERATE, sources=cite(A, (2, 3)),
    )
    grief_after_mutual_ending = evidence(
        Breakup(ended_by="mutual"),
        supports="grief", weight=WEAK, sources=cite(A, (2, 3)),
    )

    # sense_of_failure: one more relationship that did not last
    failure_after_many_breakups = evidence(
        Ex(failed_relationships="many"),
        supports="sense_of_failure", weight=STRONG, sources=cite(A, (4, 7)),
    )
    failure_after_a_few_breakups = evidence(
        Ex(failed_relationships="few"),
        supports="sense_of_failure", weight=WEAK, sources=cite(A, (4, 7)),
    )

    # no_one_better: fears there will be no one as good
    said_there_is_no_one_better = evidence(
        Ex(said_no_one_better=True),
        supports="no_one_better", weight=STRONG, sources=cite(A, (8, 10)),
    )
    left_after_many_failures = evidence(
        Breakup(ended_by="me"), Ex(failed_relationships="many"),
        supports="no_one_better", weight=WEAK, sources=cite(A, (8, 10)),
    )

    # plea_to_reconsider: tears meant to change my mind
    plea_when_i_ended_it = evidence(
        Breakup(ended_by="me"),
        supports="plea_to_reconsider", weight=MODERATE, sources=cite(A, (11, 14)),
    )
    plea_with_request_to_return = evidence(
        Breakup(ended_by="me"), Ex(asks_to_get_back=True),
        supports="plea_to_reconsider", weight=MODERATE, sources=cite(A, (11, 14)),
    )

    # soften_the_blow: the dumper turns my anger into sympathy
    softening_the_breakup_talk = evidence(
        Breakup(ended_by="ex"), Crying(context="breakup_talk"),
        supports="soften_the_blow", weight=MODERATE, sources=cite(A, (15, 18)) + cite(B, 30),
    )
    softening_before_i_speak = evidence(
        Breakup(ended_by="ex"), Crying(before_i_can_speak=True),
        supports="soften_the_blow", weight=WEAK, sources=cite(A, (15, 18)) + cite(B, 30),
    )

    # guilt: the dumper feels bad for hurting me
    guilt_of_the_dumper = evidence(
        Breakup(ended_by="ex"),
        supports="guilt", weight=MODERATE, sources=cite(B, (3, 12), (48, 49)),
    )
    guilt_of_an_empathetic_dumper = evidence(
        Breakup(ended_by="ex"), Ex(usually_empathetic=True),
        supports="guilt", weight=WEAK, sources=cite(B, 7, 9),
    )
    guilt_in_later_talks = evidence(
        Breakup(ended_by="ex"), Crying(context="later_talks"),
        supports="guilt", weight=WEAK, sources=cite(B, 11),
    )
    resentful_dumper_feels_no_guilt = evidence(
        Breakup(ended_by="ex"), Ex(blames_me=True),
        supports="guilt", weight=-MODERATE, sources=cite(B, 8),
    )

    # personal_struggles: the ex's own troubles
    a_stressor_in_their_life = evidence(
        Stressor(further=False),
        supports="personal_struggles", weight=MODERATE, sources=cite(B, (13, 14)),
    )
    another_stressor = evidence(
        Stressor(further=True),
        supports="personal_struggles", weight=WEAK, sources=cite(B, (14, 15)),
    )
    depression_or_anxiety = evidence(
        Stressor(kind=one_of("depression", "anxiety")),
        supports="personal_struggles", weight=STRONG, sources=cite(B, 7, (14, 16)),
    )
    unexplained_tears_of_a_dumper = evidence(
        Breakup(ended_by="ex"), Crying(context="later_talks", frequency="every_time"),
        Ex(usually_empathetic=False, cries_easily=False),
        supports="personal_struggles", weight=MODERATE, sources=cite(B, 6, 13),
    )

    # emotional_temperament: cries easily anyway
    cries_easily = evidence(
        Ex(cries_easily=True),
        supports="emotional_temperament", weight=STRONG, sources=cite(B, 7),
    )
    does_not_cry_easily = evidence(
        Ex(cries_easily=False),
        supports="emotional_temperament", weight=-WEAK, sources=cite(B, 7),
    )

    # avoiding_hard_conversation: tears as a shield
    cries_before_i_can_speak = evidence(
        Crying(before_i_can_speak=True),
        supports="avoiding_hard_conversation", weight=STRONG, sources=cite(B, (30, 34)),
    )
    no_closure_from_a_crying_dumper = evidence(
        Breakup(ended_by="ex"), Crying(context="later_talks"), Me(have_closure=False),
        supports="avoiding_hard_conversation", weight=WEAK, sources=cite(B, 36, 50),
    )

    # learned_manipulation: tears that worked before
    tears_worked_before = evidence(
        Ex(used_tears_before=True),
        supports="learned_manipulation", weight=STRONG, sources=cite(A, (26, 29)) + cite(B, 34),
    )

    # seeking_reassurance: comfort that eases the dumper's conscience
    comforted_by_me = evidence(
        Breakup(ended_by="ex"), Contact(i_comfort_ex=True),
        supports="seeking_reassurance", weight=MODERATE, sources=cite(B, (16, 17)),
    )
    close_contact_with_the_dumper = evidence(
        Breakup(ended_by="ex"), Contact(level="frequent"),
        supports="seeking_reassurance", weight=WEAK, sources=cite(B, (16, 17)),
    )

    # hurt_by_hostility: reacting to what I say
    hurt_by_my_remarks = evidence(
        Me(say_hurtful_things=True),
        supports="hurt_by_hostility", weight=STRONG, sources=cite(B, (53, 56)),
    )
