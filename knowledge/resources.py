"""Where to find help, by region (ISO 3166 code), with the date each was checked.

The safety actions point to these: an emergency number, a crisis line for
thoughts of self-harm, and a domestic-abuse line, or a directory where a
region has no line of its own here.  Check each against the organisation's
own page when changing it, and update ``checked``.
"""
from exsplain.expert.catalog import Region, Resource

EMERGENCY, SELF_HARM, ABUSE, DIRECTORY = "emergency", "self_harm", "abuse", "directory"
CHECKED = "2026-11-23"

DIRECTORY_ENTRY = Resource("Find A Helpline", "findahelpline.com lists free, confidential helplines by country",
                           DIRECTORY)

REGIONS = (
    Region("US", "United States", CHECKED, (
        Resource("Emergency services", "911", EMERGENCY),
        Resource("988 Suicide & Crisis Lifeline", "call or text 988", SELF_HARM),
        Resource("National Domestic Violence Hotline", "1-800-799-7233, or text START to 88788", ABUSE),
    )),
    Region("CA", "Canada", CHECKED, (
        Resource("Emergency services", "911", EMERGENCY),
        Resource("988 Suicide Crisis Helpline", "call or text 988", SELF_HARM),
        DIRECTORY_ENTRY,
    )),
    Region("GB", "United Kingdom", CHECKED, (
        Resource("Emergency services", "999", EMERGENCY),
        Resource("Samaritans", "116 123", SELF_HARM),
        Resource("National Domestic Abuse Helpline", "0808 2000 247", ABUSE),
        Resource("Men's Advice Line", "0808 801 0327", ABUSE),
    )),
    Region("IE", "Ireland", CHECKED, (
        Resource("Emergency services", "112 or 999", EMERGENCY),
        Resource("Samaritans", "116 123", SELF_HARM),
        Resource("Women's Aid", "1800 341 900", ABUSE),
    )),
    Region("AU", "Australia", CHECKED, (
        Resource("Emergency services", "000", EMERGENCY),
        Resource("Lifeline", "13 11 14", SELF_HARM),
        Resource("1800RESPECT", "1800 737 732", ABUSE),
    )),
    Region("NZ", "New Zealand", CHECKED, (
        Resource("Emergency services", "111", EMERGENCY),
        Resource("Need to talk?", "call or text 1737", SELF_HARM),
        Resource("Women's Refuge", "0800 733 843", ABUSE),
    )),
    Region("other", "anywhere else", CHECKED, (
        Resource("Emergency services", "the local emergency number", EMERGENCY),
        DIRECTORY_ENTRY,
    )),
)

GENERAL_HELP = frozenset({EMERGENCY, SELF_HARM, ABUSE})
