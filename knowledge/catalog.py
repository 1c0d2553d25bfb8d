"""Wording and sources of every conclusion and question of exsplain.

Texts are written for the person after the breakup and may use ``{they}``,
``{them}`` and ``{their}``, filled from ``ex.pronoun``.  Sources cite the two
articles by paragraph (KNOWLEDGE.md explains the numbering); the safety advice
goes beyond them and says so.
"""
from expert.catalog import Article, Catalog, Entry, Question
from expert.rules import Source, cite

A, B = "000", "001"
BEYOND_THE_ARTICLES = Source("beyond the articles (safety)")

# Paragraphs are the non-empty lines of each article (KNOWLEDGE.md); the counts
# let a check verify citations without a copy of the articles.
ARTICLES = {
    A: Article(A, "a woman asks why her boyfriend cried when they split up", 29),
    B: Article(B, "a dumpee asks why the ex who left cries whenever they talk", 78),
}

PRONOUNS = {
    "he": {"they": "he", "them": "him", "their": "his", "themself": "himself",
           "is": "is", "does": "does", "s": "s"},
    "she": {"they": "she", "them": "her", "their": "her", "themself": "herself",
            "is": "is", "does": "does", "s": "s"},
    "they": {"they": "they", "them": "them", "their": "their", "themself": "themselves",
             "is": "are", "does": "do", "s": ""},
}

MOTIVES = {
    "grief": Entry(
        "grief", "Grief over the ending",
        "Your ex is sad that the relationship is over and that you will no longer be part of "
        "{their} life in the same way; some attachment is still there.",
        cite(A, (2, 3)),
    ),
    "sense_of_failure": Entry(
        "sense_of_failure", "A sense of failing again",
        "For someone with a string of relationships that did not last, this ending reads as "
        "proof of being bad at love, and that disappointment spills over into tears.",
        cite(A, (4, 7)),
    ),
    "no_one_better": Entry(
        "no_one_better", "Fear of never finding someone as good",
        "Your ex sees you as the best partner {they} ever had and doubts anyone comparable, "
        "or anyone at all, will come along.",
        cite(A, (8, 10)),
    ),
    "plea_to_reconsider": Entry(
        "plea_to_reconsider", "A plea for you to change your mind",
        "You ended it, and the tears invite pity: the hope is that you remember the good "
        "times and give the relationship another try.",
        cite(A, (11, 14)),
    ),
    "soften_the_blow": Entry(
        "soften_the_blow", "Softening the blow of leaving you",
        "Your ex ended it and cries so that you feel sorry for {them} instead of angry, and "
        "so that {they} {does} not come out of it as the villain.",
        cite(A, (15, 18)) + cite(B, 30),
    ),
    "guilt": Entry(
        "guilt", "Guilt for hurting you",
        "Your ex chose to leave, knows it upended your life and feels bad about the pain "
        "caused; crying is how that regret comes out.",
        cite(B, (3, 12), (48, 49)),
    ),
    "personal_struggles": Entry(
        "personal_struggles", "Struggles of {their} own",
        "Stress, low mood, anxiety or doubts about who {they} {is} and where {their} life is "
        "going can leave your ex close to tears, whatever the breakup itself means.",
        cite(B, 7, (13, 16)),
    ),
    "emotional_temperament": Entry(
        "emotional_temperament", "Someone who cries easily",
        "Some people simply cry readily; for them tears say less than they would for most.",
        cite(B, 7),
    ),
    "avoiding_hard_conversation": Entry(
        "avoiding_hard_conversation", "Keeping the hard conversation away",
        "Tears act as a shield: once your ex is crying, difficult questions and criticism "
        "feel off limits, so the talk you need never quite happens.",
        cite(B, (30, 34), 50),
    ),
    "learned_manipulation": Entry(
        "learned_manipulation", "Tears that have worked before",
        "Crying got your ex what {they} wanted in earlier relationships, and the same "
        "tactic is being tried on you.",
        cite(A, (26, 29)) + cite(B, 34),
    ),
    "seeking_reassurance": Entry(
        "seeking_reassurance", "Looking to you for comfort",
        "Being consoled by the person {they} left eases your ex's conscience and makes "
        "the decision easier to live with.",
        cite(B, (16, 17)),
    ),
    "hurt_by_hostility": Entry(
        "hurt_by_hostility", "Hurt by harsh words",
        "Sharp remarks about what kind of person your ex is land hard, and the tears "
        "may be a reaction to them.",
        cite(B, (53, 56)),
    ),
}

INSIGHTS = {
    "tears_are_not_a_comeback": Entry(
        "tears_are_not_a_comeback", "Tears are not a sign of coming back",
        "When the person who left cries, it usually shows empathy or regret for your pain, "
        "not feelings strong enough to return.",
        cite(B, 10, 26),
    ),
    "false_hope_risk": Entry(
        "false_hope_risk", "Risk of false hope",
        "Lines like \"it's not you, it's me\", and staying close while you still want {them} "
        "back, make the problem look temporary and keep you waiting for a reunion that the "
        "tears do not promise.",
        cite(B, (23, 24), 39, 47),
    ),
    "dumper_is_not_the_victim": Entry(
        "dumper_is_not_the_victim", "The one who left is not the victim",
        "However sad your ex looks, {they} made the choice; you are the one living with the "
        "rejection, and your own recovery comes first.",
        cite(B, (44, 45), 68),
    ),
    "tears_do_not_erase_problems": Entry(
        "tears_do_not_erase_problems", "Tears do not fix what was wrong",
        "Going back because of tears may bring a short calm, but the issues that made you "
        "leave tend to return.",
        cite(A, (22, 24)),
    ),
    "accountability_blocked": Entry(
        "accountability_blocked", "The tears block an honest account",
        "While your ex cries, it is hard to ask why it ended or to hold {them} responsible, "
        "so you are left without the answers that help you move on.",
        cite(B, (20, 22), (36, 38)),
    ),
}

ACTIONS = {
    "get_urgent_help": Entry(
        "get_urgent_help", "Get urgent help",
        "Take this seriously and do not carry it alone. If your ex talks about hurting "
        "{themself}, contact local emergency services or a crisis line and involve people "
        "close to {them}. If you face threats or abuse, put your own safety first and reach "
        "out to local support services.",
        (BEYOND_THE_ARTICLES,),
        priority=1,
    ),
    "stop_hurtful_remarks": Entry(
        "stop_hurtful_remarks", "Stop the hurtful remarks",
        "Telling your ex what is wrong with {them} will not win back care or closeness; it "
        "mostly pushes {them} further away. Let the criticism go.",
        cite(B, (53, 56)),
        priority=2,
    ),
    "trust_your_decision": Entry(
        "trust_your_decision", "Trust your decision",
        "You thought it through before ending it. Hold on to that judgement even when the "
        "tears make you waver.",
        cite(A, 21, 25),
        priority=2,
    ),
    "dont_return_out_of_pity": Entry(
        "dont_return_out_of_pity", "Do not go back out of pity",
        "Feeling sorry for your ex is not a reason to restart the relationship; pity fades "
        "and the old problems do not.",
        cite(A, (20, 22), (26, 29)),
        priority=2,
    ),
    "dont_read_tears_as_love": Entry(
        "dont_read_tears_as_love", "Do not read the tears as love",
        "Treat your ex's crying as {their} own emotion, not as a hint that {they} want{s} you "
        "back.",
        cite(B, 10, 26, 39),
        priority=2,
    ),
    "end_the_friendship_act": Entry(
        "end_the_friendship_act", "End the post-breakup friendship",
        "Ask yourself why you keep acting like friends. Admit the relationship is over; being "
        "kind to {them} will not change how {they} see{s} you.",
        cite(B, (58, 61)),
        priority=2,
    ),
    "reassure_then_ask_for_space": Entry(
        "reassure_then_ask_for_space", "Reassure briefly, then ask for space",
        "If your ex breaks down while you talk, a few calm words that {they} need not feel "
        "bad are enough; once things settle, say you both need distance to heal.",
        cite(B, (65, 66)),
        priority=2,
    ),
    "check_your_own_feelings": Entry(
        "check_your_own_feelings", "Check your own feelings",
        "Take stock of how you really feel about your ex and about the breakup, separately "
        "from {their} tears.",
        cite(A, 19),
        priority=3,
    ),
    "go_no_contact": Entry(
        "go_no_contact", "Step back from contact",
        "Stop the conversations that end in tears and in you decoding {their} feelings; the "
        "sooner you step away, the sooner you start to heal.",
        cite(B, (63, 64)),
        priority=3,
    ),
    "stop_comforting_the_dumper": Entry(
        "stop_comforting_the_dumper", "Stop consoling the one who left",
        "It is not your job to soothe the person who ended it. Let {them} lean on others and "
        "keep your energy for yourself.",
        cite(B, 62, (68, 70)),
        priority=3,
    ),
    "see_the_responsibility_clearly": Entry(
        "see_the_responsibility_clearly", "See clearly who ended it",
        "Without blaming or attacking, recognise that the ending came from your ex's choices, "
        "so you stop searching for faults in yourself.",
        cite(B, 22, 44),
        priority=3,
    ),
    "focus_on_yourself": Entry(
        "focus_on_yourself", "Put yourself first",
        "Turn your attention from your ex's pain to your own healing and to what is good for "
        "you.",
        cite(B, 43, 67, 70),
        priority=4,
    ),
    "seek_support": Entry(
        "seek_support", "Find support outside the relationship",
        "Talk it through with friends, family or a counsellor rather than with your ex.",
        cite(B, 72),
        priority=4,
    ),
}

WARNINGS = {
    "contact_mismatch": Entry(
        "contact_mismatch", "Contact does not add up",
        "The crying is said to happen when you talk, yet contact is given as none; check "
        "contact.level or crying.context.",
        cite(B, 2),
    ),
    "irrelevant_answer": Entry(
        "irrelevant_answer", "Answer that does not apply",
        "An answer was given that only matters in another situation; it was not used.",
        (),
    ),
}

YES_NO = {True: "yes", False: "no"}

QUESTIONS = (
    Question("ex.pronoun", "How should I refer to your ex?",
             {"he": "he / him", "she": "she / her", "they": "they / them"}),
    Question("breakup.ended_by", "Who ended the relationship?",
             {"me": "I did", "ex": "my ex did", "mutual": "we both decided"}),
    Question("breakup.ex_excuse", "What reason did your ex give for leaving?",
             {"none": "no real reason", "its_not_you": "\"it's not you, it's me\"",
              "lost_feelings": "{they} no longer had feelings", "blamed_me": "{they} blamed me"}),
    Question("crying.context", "When does your ex cry?",
             {"breakup_talk": "during the breakup conversation",
              "later_talks": "when we talk since the breakup"}),
    Question("crying.frequency", "How often has your ex cried in front of you?",
             {"once": "once", "sometimes": "now and then", "every_time": "every time we talk"}),
    Question("crying.before_i_can_speak", "Does the crying start before you get to say what you need to?",
             YES_NO),
    Question("ex.failed_relationships", "How many failed relationships did your ex have before yours?",
             {"none": "none", "few": "a few", "many": "many"}),
    Question("ex.said_no_one_better", "Has your ex said {they} will never find anyone like you?",
             YES_NO),
    Question("ex.asks_to_get_back", "Does your ex ask, or hint, to get back together?",
             YES_NO),
    Question("ex.used_tears_before", "Did tears get your ex {their} way in earlier relationships?",
             YES_NO),
    Question("ex.cries_easily", "Is your ex quick to cry in general?",
             YES_NO),
    Question("ex.usually_empathetic", "Does your ex normally show empathy for others?",
             YES_NO),
    Question("ex.stressors", "Is your ex under strain from any of these? (several allowed, comma-separated)",
             {"work": "work", "life_direction": "direction in life", "identity": "identity",
              "depression": "depression", "anxiety": "anxiety", "health": "health",
              "family": "family", "other": "something else"}),
    Question("ex.blames_me", "Does your ex blame you and act as the wronged one?",
             YES_NO),
    Question("contact.level", "How much are you in touch now?",
             {"none": "not at all", "occasional": "now and then", "frequent": "often"}),
    Question("contact.as_friends", "Do you two carry on as friends?",
             YES_NO),
    Question("contact.i_comfort_ex", "Do you console your ex when {they} {is} crying?",
             YES_NO),
    Question("me.want_back", "Would you like to get back together?",
             {"yes": "yes", "no": "no", "unsure": "I'm not sure"}),
    Question("me.confident_in_decision", "Are you sure that ending it was right?",
             YES_NO),
    Question("me.say_hurtful_things", "Do you tell your ex hurtful things, such as that {they} {is} selfish?",
             YES_NO),
    Question("me.feel_guilty", "Do you feel as if you were the one who did wrong?",
             YES_NO),
    Question("me.have_closure", "Did you get an honest explanation of why it ended?",
             YES_NO),
    Question("safety.ex_self_harm_talk", "One last, important question: has your ex talked about hurting {themself}?",
             YES_NO, gentle=True),
    Question("safety.threats_or_abuse", "And has there been any threat, intimidation or abuse between you?",
             YES_NO, gentle=True),
)


def wording(case):
    """The pronoun words for ``case``; "they" when the pronoun is unknown."""
    return PRONOUNS[case.get("ex.pronoun") or "they"]


CATALOG = Catalog(
    hypothesis_kind="motive",
    hypotheses=MOTIVES,
    finding_kind="insight",
    findings=INSIGHTS,
    recommendation_kind="action",
    recommendations=ACTIONS,
    warnings=WARNINGS,
    questions=QUESTIONS,
    wording=wording,
    articles=ARTICLES,
)
