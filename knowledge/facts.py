"""The facts a case can state: one experta ``Fact`` class per case-file table.

Each field is declared once, with its question and, for every allowed
answer, a label (the reply as the person gives it) and a statement (the
answer told back, used in the "because" lines of a reading).  Field names
and values are a public interface: case files and reports use them.
``{they}``, ``{them}``, ``{their}`` ... are filled from ``ex.pronoun``.

The order of declaration is the order of the questions: after the pronoun
and the safety questions (see ``knowledge.catalog``), a consultation asks
the fields table by table as ``TABLES`` lists them, each table's fields in
the order written here.  Who ended it and when come first, since they
decide what else matters.
"""
from exsplain.expert.fields import Choice, ChoiceSet, Fact, Flag, Table


class Stressor(Fact):
    """One entry of ``ex.stressors``, declared on its own so rules can match it."""


class Unavoidable(Fact):
    """One entry of ``contact.unavoidable``, declared on its own so rules can match it."""


class Breakup(Table):
    """Who ended the relationship, how the ex explained it, and when."""

    table = "breakup"
    ended_by = Choice(
        "Who ended the relationship?",
        me=("I did", "you ended it", ("me", "I ended it", "I broke up")),
        ex=("my ex did", "your ex ended it", ("{they} did", "{they} ended it", "my ex", "them", "{them}")),
        mutual=("we both decided", "you both decided to end it", ("both", "both of us", "we did", "us")),
    )
    how_long_ago = Choice(
        "How long ago did it end?",
        spans=((1, "recent"), (12.5, "months"), (None, "years")),
        recent=("less than a month ago", "it ended less than a month ago"),
        months=("one to twelve months ago", "it ended one to twelve months ago"),
        years=("more than a year ago", "it ended more than a year ago"),
    )
    ex_excuse = Choice(
        "What reason did your ex give for ending it?",
        none=("no real reason", "your ex gave no real reason"),
        its_not_you=("“it's not you, it's me”", "your ex said “it's not you, it's me”"),
        lost_feelings=("{they} no longer had feelings for me", "your ex said {they} no longer had feelings for you"),
        blamed_me=("{they} blamed me", "your ex blamed you for the ending"),
    )


class Crying(Table):
    """When and how often the ex cries."""

    table = "crying"
    context = Choice(
        "When does your ex cry?",
        breakup_talk=("in the conversation where we broke up", "your ex cried in the conversation where you broke up"),
        later_talks=("when we talk since the breakup", "your ex cries when you talk since the breakup"),
    )
    frequency = Choice(
        "How often has your ex cried in front of you?",
        once=("once", "your ex has cried once in front of you"),
        sometimes=("now and then", "your ex cries now and then", ("occasionally",)),
        every_time=("every time we talk", "your ex cries every time you talk"),
    )
    before_i_can_speak = Flag(
        "Does your ex start crying before you can say what you need to?",
        yes="your ex starts crying before you can say what you need to",
        no="your ex lets you say what you need to before crying",
    )


class Ex(Table):
    """What the ex is like and what the ex says."""

    table = "ex"
    pronoun = Choice(
        "How should I refer to your ex?",
        he=("he / him", "you refer to your ex as he"),
        she=("she / her", "you refer to your ex as she"),
        they=("they / them", "you refer to your ex as they"),
    )
    failed_relationships = Choice(
        "Before you, how many of your ex's relationships had ended?",
        none=("none", "none of your ex's earlier relationships had ended"),
        few=("a few", "a few of your ex's earlier relationships had ended"),
        many=("many", "many of your ex's earlier relationships had ended"),
    )
    said_no_one_better = Flag(
        "Has your ex said {they} will never find anyone like you?",
        yes="your ex said {they} will never find anyone like you",
        no="your ex has not said {they} will never find anyone like you",
    )
    asks_to_get_back = Flag(
        "Does your ex ask, or hint, to get back together?",
        yes="your ex asks or hints to get back together",
        no="your ex does not ask to get back together",
    )
    used_tears_before = Flag(
        "Have tears got your ex {their} way in earlier relationships?",
        yes="tears have got your ex {their} way before",
        no="tears have not got your ex {their} way before",
    )
    cries_easily = Flag(
        "Does your ex cry easily in general?",
        yes="your ex cries easily in general",
        no="your ex does not usually cry easily",
    )
    usually_empathetic = Flag(
        "Does your ex usually show empathy for others?",
        yes="your ex usually shows empathy for others",
        no="your ex does not usually show much empathy",
    )
    stressors = ChoiceSet(
        "Is your ex under strain from any of these? (several allowed, or none)",
        item=Stressor,
        work=("work", "your ex is under strain at work"),
        life_direction=("where {their} life is going", "your ex is unsure where {their} life is going"),
        identity=("who {they} {is}", "your ex is struggling with who {they} {is}"),
        depression=("depression", "your ex is dealing with depression"),
        anxiety=("anxiety", "your ex is dealing with anxiety"),
        health=("health", "your ex has worries about {their} health"),
        family=("family", "your ex has troubles in {their} family"),
        other=("something else", "your ex is under some other strain"),
    )
    relies_on_me = Flag(
        "Are you the main person your ex turns to for support?",
        yes="you are the main person your ex turns to for support",
        no="you are not the main person your ex turns to for support",
    )
    blames_me = Flag(
        "Does your ex blame you and act as the one who was wronged?",
        yes="your ex blames you and acts as the one who was wronged",
        no="your ex does not blame you",
    )


class Contact(Table):
    """How much the two of you are still in touch, and why."""

    table = "contact"
    level = Choice(
        "How much are you in touch now?",
        none=("not at all", "you are not in touch"),
        occasional=("now and then", "you are in touch now and then"),
        frequent=("often", "you are in touch often"),
    )
    as_friends = Flag(
        "Do the two of you carry on as friends?",
        yes="you carry on as friends",
        no="you do not carry on as friends",
    )
    unavoidable = ChoiceSet(
        "Does anything mean you cannot stop seeing each other? (several allowed, or none)",
        item=Unavoidable,
        children=("children we share", "you share children"),
        work=("work", "you work together"),
        study=("study", "you study together"),
        home=("a home", "you share a home"),
    )
    intimate_since = Flag(
        "Since the breakup, have the two of you hugged, kissed or slept together?",
        yes="you have been intimate since the breakup",
        no="you have not been intimate since the breakup",
    )
    i_comfort_ex = Flag(
        "Do you comfort your ex when {they} {is} crying?",
        yes="you comfort your ex when {they} {is} crying",
        no="you do not comfort your ex when {they} {is} crying",
    )


class Me(Table):
    """Where the person asking stands."""

    table = "me"
    want_back = Choice(
        "Would you like to get back together?",
        yes=("yes", "you would like to get back together"),
        no=("no", "you do not want to get back together"),
        unsure=("I'm not sure", "you are not sure whether you want to get back together"),
    )
    confident_in_decision = Flag(
        "Are you sure that ending it was right?",
        yes="you are sure that ending it was right",
        no="you are not sure that ending it was right",
    )
    say_hurtful_things = Flag(
        "Do you say hurtful things to your ex, for example that {they} {is} selfish?",
        yes="you say hurtful things to your ex",
        no="you do not say hurtful things to your ex",
    )
    feel_guilty = Flag(
        "Do you feel as if you were the one who did wrong?",
        yes="you feel as if you were the one who did wrong",
        no="you do not feel you were the one who did wrong",
    )
    my_part = Flag(
        "Did things you did play a part in the ending (for example, breaking trust)?",
        yes="things you did played a part in the ending",
        no="you do not think things you did led to the ending",
    )
    have_closure = Flag(
        "Did you get an honest account of why it ended?",
        yes="you got an honest account of why it ended",
        no="you did not get an honest account of why it ended",
    )
    follow_ex_online = Flag(
        "Do you keep checking your ex's social media, or news of {their} life?",
        yes="you keep checking on your ex's life online",
        no="you do not keep checking on your ex online",
    )


class Safety(Table):
    """Signs that call for help beyond this program."""

    table = "safety"
    i_think_of_self_harm = Flag(
        "Have you had thoughts of hurting yourself, or of not wanting to live?",
        yes="you have had thoughts of hurting yourself or of not wanting to live",
        no="you have not had thoughts of hurting yourself",
    )
    ex_self_harm_talk = Flag(
        "Has your ex talked about hurting or killing {themself}?",
        yes="your ex has talked about hurting {themself}",
        no="your ex has not talked about hurting {themself}",
    )
    self_harm_as_pressure = Flag(
        "Does your ex link that talk to what you do, for example “if you leave, I'll hurt myself”?",
        yes="your ex links that talk to what you do",
        no="your ex does not link that talk to what you do",
        asked_if=(ex_self_harm_talk, True),
        implies=(ex_self_harm_talk, True),
    )
    threats_or_abuse = Flag(
        "Has your ex threatened, intimidated, controlled or hurt you?",
        yes="your ex has threatened, intimidated, controlled or hurt you",
        no="your ex has not threatened or hurt you",
    )
    in_danger_now = Flag(
        "Are you in danger right now, from your ex or because you might act on those thoughts soon?",
        yes="you are in danger right now",
        no="you are not in danger right now",
        asked_if=((i_think_of_self_harm, True), (threats_or_abuse, True), (self_harm_as_pressure, True)),
    )


TABLES = (Breakup, Crying, Ex, Contact, Me, Safety)
