"""Every conclusion exsplain can reach, with its words and sources.

Texts are written for someone who may be hurting: calm, never blaming, and a
guess is worded as a guess.  They may use ``{they}``, ``{them}``,
``{their}``, ``{themself}``, ``{is}``, ``{does}`` and ``{s}`` (as in
"want{s}"), filled from ``ex.pronoun``.  Sources cite the two articles by
paragraph; the safety advice goes beyond them and says why.
"""
from exsplain.expert.case import Case
from exsplain.expert.catalog import Catalog, Conclusion, Conclusions, Danger, Kind, beyond_the_articles, cite
from exsplain.knowledge.articles import SAFETY, WHY_EX_CRIES, WHY_HE_CRIED
from exsplain.knowledge.caveats import CAVEATS
from exsplain.knowledge.facts import TABLES, Ex, Safety
from exsplain.knowledge.phrases import PHRASES
from exsplain.knowledge.resources import ABUSE, EMERGENCY, REGIONS, SELF_HARM

A, B = WHY_HE_CRIED, WHY_EX_CRIES

MOTIVE = Kind("motive", "motives", "Why your ex may be crying", text_key="explanation", ranked=True)
INSIGHT = Kind("insight", "insights", "What the tears do and do not mean", reached="part of the reading")
ACTION = Kind("action", "actions", "What you could do", text_key="advice", prioritised=True,
              withheld_key="withheld", withheld_heading="Advice held back for now", reached="advised")
WARNING = Kind("warning", "warnings", "Answers to look at again", text_key="message", brief=True,
               reached="raised")


class MOTIVES(Conclusions, kind=MOTIVE):
    grief = Conclusion(
        "Grief over the ending",
        "Your ex may simply be sad that it is over and that you will no longer be part of {their} life "
        "in the same way; some attachment may still be there.",
        cite(A, (2, 3)),
    )
    sense_of_failure = Conclusion(
        "A sense of failing again",
        "When earlier relationships have ended too, one more ending can feel like proof of not being good "
        "at love, and that disappointment may come out as tears.",
        cite(A, (4, 7)),
    )
    no_one_better = Conclusion(
        "Fear of never finding someone as good",
        "Your ex may see you as the best partner {they} ever had and doubt that anyone like you, or "
        "anyone at all, will come along.",
        cite(A, (8, 10)),
    )
    plea_to_reconsider = Conclusion(
        "A hope that you will change your mind",
        "Since you ended it, one possibility is that the tears ask for pity: the hope may be that you "
        "remember the good times and try again.",
        cite(A, (11, 14)),
        tactic=True,
    )
    guilt = Conclusion(
        "Guilt for hurting you",
        "Your ex chose to leave and may feel bad about the pain that caused you; tears can be how that "
        "regret comes out.",
        cite(B, (3, 12), (48, 49)),
    )
    soften_the_blow = Conclusion(
        "Softening the blow of leaving you",
        "One possibility is that your ex cries so that you feel sorry for {them} rather than angry, and "
        "so that {they} {does} not come out of it as the one to blame.",
        cite(A, (15, 18)) + cite(B, 31),
        tactic=True,
    )
    personal_struggles = Conclusion(
        "Struggles of {their} own",
        "Stress, low mood, anxiety or doubts about who {they} {is} and where {their} life is going can "
        "leave someone close to tears, whatever the breakup itself means.",
        cite(B, (6, 7), (13, 16)),
    )
    emotional_temperament = Conclusion(
        "Someone who cries easily",
        "Some people cry readily; for them, tears may say less than they would for most.",
        cite(B, 7),
    )
    avoiding_hard_conversation = Conclusion(
        "Keeping the hard conversation away",
        "Tears can work like a shield: once your ex is crying, hard questions and criticism may feel off "
        "limits, so the talk you need may never quite happen.",
        cite(B, (31, 33), 36, 50),
    )
    learned_manipulation = Conclusion(
        "Tears that have worked before",
        "If crying got your ex what {they} wanted in earlier relationships, the same pattern may be at "
        "work with you.",
        cite(A, (26, 28)),
        tactic=True,
    )
    seeking_reassurance = Conclusion(
        "Looking to you for comfort",
        "Being comforted by the person {they} left may ease your ex's conscience and make the decision "
        "easier to live with.",
        cite(B, (16, 17)),
        tactic=True,
    )
    hurt_by_hostility = Conclusion(
        "Hurt by harsh words",
        "Sharp remarks about what kind of person your ex is may land hard, and the tears may be a "
        "reaction to them.",
        cite(B, (53, 56)),
    )
    playing_the_victim = Conclusion(
        "Casting {themself} as the one wronged",
        "An ex who resents you may blame you and cry as if {they} were the injured one; the tears can "
        "draw attention away from {their} own choice to leave.",
        cite(B, 8, 44),
        tactic=True,
    )


class INSIGHTS(Conclusions, kind=INSIGHT):
    tears_are_not_a_comeback = Conclusion(
        "Tears are not a sign of coming back",
        "When the person who left cries, it more often shows sympathy or regret for your pain than "
        "feelings strong enough to return.",
        cite(B, 10, 26),
    )
    false_hope_risk = Conclusion(
        "A risk of false hope",
        "Some of what is happening between you can make the ending look temporary and keep you waiting "
        "for a return that the tears do not promise.",
        cite(B, 5, (23, 24), 39, (46, 47)),
    )
    dumper_is_not_the_victim = Conclusion(
        "The one who left is not the victim",
        "However sad your ex looks, {they} made the choice; you are the one living with the rejection, "
        "and your own recovery can come first.",
        cite(B, (44, 45), 68),
    )
    tears_do_not_erase_problems = Conclusion(
        "Tears do not fix what was wrong",
        "Going back because of tears may bring a short calm, but the problems that led you to leave "
        "tend to return.",
        cite(A, (22, 24)),
    )
    accountability_blocked = Conclusion(
        "The tears can block an honest account",
        "While your ex cries, it is hard to ask why it ended or to hold {them} to account, so you may be "
        "left without the answers that help you move on.",
        cite(B, (20, 22), (36, 38)),
    )
    crying_once_is_common = Conclusion(
        "Crying once at the end is common",
        "Many people who end a relationship cry once, in the conversation where they end it. A single "
        "time like that is common and need not mean more.",
        cite(B, (5, 6)),
    )
    tears_are_not_weakness = Conclusion(
        "Tears are not weakness",
        "Crying does not mean your ex will put up with anything; harsh words can use up the patience "
        "and sympathy {they} still {has} for you.",
        cite(B, (55, 56)),
    )
    you_are_not_blamed = Conclusion(
        "You are not being blamed",
        "Your ex's tears come without blame for you, which suggests the ending is not a judgement of "
        "your worth.",
        cite(B, 19),
    )


class ACTIONS(Conclusions, kind=ACTION):
    # In the order of the table of KNOWLEDGE.md §2: within a priority a reading
    # keeps this order, so urgent help follows the order of the dangers.
    call_emergency_now = Conclusion(
        "Call for help now",
        "If you are in danger right now, call {emergency} now. Everything else here can wait.",
        SAFETY, priority=1, theme="safety", resources=(EMERGENCY,),
    )
    reach_out_for_yourself = Conclusion(
        "Reach out for help for yourself, now",
        "You deserve support right now. Please {crisis_line}, or call {emergency} if you might act on these "
        "thoughts, and tell someone you trust today.",
        SAFETY, priority=1, theme="safety", resources=(SELF_HARM, EMERGENCY),
    )
    put_your_safety_first = Conclusion(
        "Put your own safety first",
        "Make a safety plan: tell someone you trust what has happened, keep a record of threats and "
        "messages, and think about where you could go if you needed to. To plan, you can {abuse_line}; "
        "if you are in danger, call {emergency}.",
        SAFETY, priority=1, theme="safety", resources=(ABUSE, EMERGENCY),
    )
    plan_a_safe_exit = Conclusion(
        "Plan a safe way out",
        "Leaving a home you share with someone who has threatened you is safest when it is planned with "
        "help: you can {abuse_line} to plan it. Do not tell your ex you are leaving while you are alone "
        "together. Keep your phone, documents, money and any medicines where you can take them quickly, "
        "know where you would go, and call {emergency} if you are in danger.",
        beyond_the_articles("safety planning for someone who lives with the person who threatens them"),
        priority=1, theme="safety", resources=(ABUSE, EMERGENCY),
    )
    get_urgent_help = Conclusion(
        "Take the talk of self-harm seriously",
        "If {they} may be in danger now, call {emergency}. Tell someone close to {them}, such as family or "
        "a friend, and let {them} know {they} can {crisis_line}. You are not responsible for {their} "
        "safety, and you do not have to stay in contact or get back together to keep {them} safe.",
        SAFETY, priority=1, theme="safety", resources=(SELF_HARM, EMERGENCY),
    )
    get_support_at_work_or_school = Conclusion(
        "Get support where you work or study",
        "Tell someone responsible there, such as a manager, HR, security or a tutor, what has happened, "
        "and keep a record of it. Ask what could change, such as hours, rooms or teams, so that you "
        "are not left alone with {them}.",
        beyond_the_articles("safety at work or at school when the person who threatens you is there"),
        priority=2, theme="safety",
    )
    stop_hurtful_remarks = Conclusion(
        "Let go of the hurtful remarks",
        "Telling your ex what is wrong with {them} is unlikely to win back care or closeness; it tends to "
        "push {them} further away.",
        cite(B, (53, 56)), priority=2, theme="contact",
    )
    trust_your_decision = Conclusion(
        "Trust your decision",
        "You thought it through before ending it. It is all right to hold on to that judgement even "
        "when the tears make you waver.",
        cite(A, 21, 25), priority=2, theme="clarity",
    )
    dont_return_out_of_pity = Conclusion(
        "Do not go back out of pity",
        "Feeling sorry for your ex is not a reason to restart the relationship; pity may fade, and the "
        "old problems may well still be there.",
        cite(A, (20, 22), (26, 28)), priority=2, theme="clarity",
    )
    dont_read_tears_as_love = Conclusion(
        "Do not read the tears as love",
        "Try to treat your ex's crying as {their} own emotion rather than as a hint that {they} want{s} "
        "you back.",
        cite(B, 5, 10, 26, 39), priority=2, theme="clarity",
    )
    ask_what_has_changed = Conclusion(
        "Ask what has changed",
        "If your ex asks to try again, weigh it by what is really different now, not by the tears; "
        "without a real change, the problems that ended it tend to come back.",
        cite(A, (22, 24)) + beyond_the_articles("the article's advice applied to a request from the one who left"),
        priority=2, theme="clarity",
    )
    point_to_professional_help = Conclusion(
        "Point your ex to other help",
        "Caring about {them} does not mean being {their} only support. Encourage {them} to see a doctor "
        "or a counsellor, or to use a support line, so that {they} {has} help that does not depend on you.",
        beyond_the_articles("supporting someone who is struggling without being their only support")
        + cite(B, (13, 16)),
        priority=2, theme="contact",
    )
    end_the_friendship_act = Conclusion(
        "Step back from acting like friends, for now",
        "Ask yourself why you keep acting like friends. Accepting that the relationship is over is "
        "easier at a distance; a friendship may be possible later, once you have healed.",
        cite(B, (58, 61), 66), priority=2, theme="contact",
    )
    reassure_then_ask_for_space = Conclusion(
        "Reassure briefly, then ask for space",
        "If your ex breaks down while you talk, a few calm words are enough; once things settle, say "
        "that you both need some distance to heal.",
        cite(B, (65, 66)), priority=2, theme="contact",
    )
    keep_contact_practical = Conclusion(
        "Keep the contact you cannot avoid short and practical",
        "Since you cannot stop seeing each other, keep contact brief and about the shared matter, in "
        "writing where you can, and leave the relationship out of it.",
        beyond_the_articles("contact that cannot end, such as shared children or work") + cite(B, 63),
        priority=2, theme="contact",
    )
    check_your_own_feelings = Conclusion(
        "Check your own feelings",
        "Take stock of how you really feel about your ex and about the breakup, apart from {their} tears.",
        cite(A, 19), priority=3, theme="clarity",
    )
    go_no_contact = Conclusion(
        "Step back from contact",
        "Stop the conversations that end in tears and leave you reading {their} feelings; the sooner you "
        "step back, the sooner you can start to heal.",
        cite(B, 63), priority=3, theme="contact",
    )
    stop_comforting_the_dumper = Conclusion(
        "Let others comfort your ex",
        "It is not your job to soothe the person who ended it. Let {them} lean on other people, and keep "
        "your energy for yourself.",
        cite(B, 62, 68), priority=3, theme="contact",
    )
    see_the_responsibility_clearly = Conclusion(
        "See clearly whose choice it was",
        "Without blaming or attacking anyone, notice that the ending came from your ex's choice, so you "
        "can stop searching for faults in yourself.",
        cite(B, 22, 44), priority=3, theme="clarity",
    )
    own_your_part = Conclusion(
        "Learn from your part, without carrying all of it",
        "Look honestly at what you contributed so that you can learn from it; an ending usually has "
        "more than one side, and you do not have to carry all of the blame.",
        cite(B, 37), priority=3, theme="clarity",
    )
    stop_following_online = Conclusion(
        "Take a break from following your ex online",
        "Muting or unfollowing your ex for now can help: news of {their} life tends to feed worry or "
        "false hope and slows healing.",
        cite(B, (45, 47)), priority=3, theme="yourself",
    )
    give_it_time = Conclusion(
        "Give yourself time",
        "Healing after a breakup usually takes months, and sometimes longer; feeling raw now does not "
        "mean you will always feel this way.",
        cite(B, (45, 46)), priority=4, theme="yourself",
    )
    focus_on_yourself = Conclusion(
        "Put yourself first",
        "Turn your attention from your ex's pain to your own healing and to what is good for you.",
        cite(B, 43, 67, 70), priority=4, theme="yourself",
    )
    seek_support = Conclusion(
        "Find support outside the relationship",
        "Talk it through with friends, family or a counsellor rather than with your ex.",
        beyond_the_articles("support from people other than the ex"), priority=4, theme="yourself",
    )


THEMES = (
    ("safety", "Your safety"),
    ("contact", "Contact with your ex"),
    ("clarity", "Seeing it clearly"),
    ("yourself", "Looking after yourself"),
)


class WARNINGS(Conclusions, kind=WARNING):
    contact_mismatch = Conclusion(
        "Contact does not add up",
        "You said your ex cries when you talk, but also that you are not in touch; one of these answers "
        "may need another look.",
        beyond_the_articles("a check of the answers, not a reading of the tears"),
    )
    irrelevant_answer = Conclusion(
        "An answer for another situation",
        "Your answer to “{question}” was not used: it only matters when {situation}.",
        beyond_the_articles("a check of the answers, not a reading of the tears"),
    )
    safety_unanswered = Conclusion(
        "Safety questions unanswered",
        "Some of the safety questions have no answer, so general help is listed first in case it is needed.",
        SAFETY,
    )
    answers_disagree = Conclusion(
        "Answers that disagree",
        "Your answers to “{question}” and “{other}” do not agree: the second means the first is a yes, so "
        "the reading takes both as yes, to be safe.",
        beyond_the_articles("a check of the answers: one answer implies another"),
    )


PRONOUNS = {
    "he": {"they": "he", "them": "him", "their": "his", "themself": "himself",
           "is": "is", "does": "does", "has": "has", "s": "s"},
    "she": {"they": "she", "them": "her", "their": "her", "themself": "herself",
            "is": "is", "does": "does", "has": "has", "s": "s"},
    "they": {"they": "they", "them": "them", "their": "their", "themself": "themselves",
             "is": "are", "does": "do", "has": "have", "s": ""},
}


def wording(case: Case) -> dict[str, str]:
    """The pronoun words for ``case``; "they" while the pronoun is unknown."""
    return PRONOUNS[case.get("ex.pronoun") or "they"]


# The dangers a case can report, in the order they are handled: in the
# questions, the urgent advice and the help lines (KNOWLEDGE.md §2, "Safety").
# ``named_by``: words a text uses when it speaks of that danger.
DANGERS = (
    Danger("own_life", (Safety.in_danger_now, Safety.i_think_of_self_harm), (EMERGENCY, SELF_HARM),
           (ACTIONS.call_emergency_now, ACTIONS.reach_out_for_yourself),
           (r"hurting yourself", r"act on (these|those) thoughts", r"not wanting to live")),
    Danger("from_ex", (Safety.threats_or_abuse, Safety.self_harm_as_pressure), (EMERGENCY, ABUSE),
           (ACTIONS.put_your_safety_first, ACTIONS.plan_a_safe_exit),
           (r"threat", r"abuse", r"intimidat")),
    Danger("ex_life", (Safety.ex_self_harm_talk,), (EMERGENCY, SELF_HARM),
           (ACTIONS.get_urgent_help,),
           (r"hurting {themself}", r"self-harm", r"fear for {their} life", r"{their} safety", r"keep {them} safe")),
)
SAFETY_QUESTIONS = tuple(f for danger in DANGERS for f in danger.fields)
# The pronoun first (it shapes every question), then the safety questions in
# the order of the dangers (a follow-up waits until it applies), then every
# other field in the order knowledge.facts declares them.
FIRST_QUESTIONS = (Ex.pronoun, *SAFETY_QUESTIONS)
QUESTION_ORDER = (*FIRST_QUESTIONS, *(
    field for table in TABLES for field in table.fields().values() if field not in FIRST_QUESTIONS))

CATALOG = Catalog(
    kinds=(MOTIVE, INSIGHT, ACTION, WARNING),
    conclusions=(*MOTIVES.all(), *INSIGHTS.all(), *ACTIONS.all(), *WARNINGS.all()),
    tables=TABLES,
    questions=QUESTION_ORDER,
    articles=(WHY_HE_CRIED, WHY_EX_CRIES),
    wording=wording,
    safety=SAFETY_QUESTIONS,
    safety_lead_in="First, a few questions about safety. They are asked of everyone; take your time.",
    intro=(
        "This is exsplain. It reads why an ex may be crying from your answers, and suggests what you "
        "could do; {questions}. It is a guide, not a substitute for professional help. Your answers stay "
        "on this computer; nothing is sent anywhere."
    ),
    themes=THEMES,
    dangers=DANGERS,
    regions=REGIONS,
    caveats=CAVEATS,
    phrases=PHRASES,
)
