"""Where to find help, by region (ISO 3166 code): KNOWLEDGE.md §4, version 3.

Each line is given as the evidence file (HELPLINES.md) found it on a stored
public page: the routes a page confirms, hours only where a service's own
page or a public authority confirms them, and nothing that pages dispute.
``source`` names the page it was checked against.  The texts that point to help are
derived from these lists (``Region.words``), so a text says "call or text"
only for a line that takes texts.  Check each against the organisation's
own page when changing it, and update ``checked``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from exsplain.expert.catalog import Need, Region, Resource, Route

if TYPE_CHECKING:
    from typing_extensions import Unpack  # in typing from Python 3.11

EMERGENCY, SELF_HARM, ABUSE, DIRECTORY = "emergency", "self_harm", "abuse", "directory"
CHECKED = "2026-12-01"  # checked against the stored pages of HELPLINES.md
DAY_AND_NIGHT = "24 hours, every day"

NEEDS = (
    Need(EMERGENCY, "emergency", urgent=True),
    Need(SELF_HARM, "crisis_line", "crisis line"),
    Need(ABUSE, "abuse_line", "domestic abuse line"),
)


class Details(TypedDict, total=False):
    """What a resource may add to its routes (see ``Resource``)."""

    hours: str
    serves: str
    note: str
    partial: bool


class RegionDetails(TypedDict, total=False):
    """What a region may add to its list (see ``Region``)."""

    aliases: tuple[str, ...]
    stands_for: frozenset[str]
    known: bool


def call(to: str, label: str = "") -> Route:
    return Route("call", to, label=label)


def text(to: str, keyword: str = "") -> Route:
    return Route("text", to, keyword=keyword)


def chat(to: str, app: str = "") -> Route:
    return Route("chat", to, app=app)


def web(to: str) -> Route:
    return Route("web", to)


def resource(for_: str, name: str, *routes: Route, source: str, **details: Unpack[Details]) -> Resource:
    return Resource(name, for_, routes, source, CHECKED, **details)


def emergency(*routes: Route, source: str, name: str = "Emergency services",
              **details: Unpack[Details]) -> Resource:
    return resource(EMERGENCY, name, *routes, source=source, **details)


def crisis(name: str, *routes: Route, source: str, **details: Unpack[Details]) -> Resource:
    return resource(SELF_HARM, name, *routes, source=source, **details)


def abuse(name: str, *routes: Route, source: str, **details: Unpack[Details]) -> Resource:
    return resource(ABUSE, name, *routes, source=source, **details)


DIRECTORY_ENTRY = resource(DIRECTORY, "Find A Helpline", web("findahelpline.com"),
                           note="free, confidential helplines, country by country",
                           source="developer.throughlinecare.com: how ThroughLine checks the services it lists")


def region(code: str, name: str, *resources: Resource, **details: Unpack[RegionDetails]) -> Region:
    """A region's list, with the directory last as a second route."""
    return Region(code, name, (*resources, DIRECTORY_ENTRY), NEEDS, DIRECTORY, **details)


def police(*routes: Route, source: str) -> Resource:
    return emergency(*routes, source=source, name="Police")


EU_MEMBERS = frozenset({"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
                        "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"})

REGIONS = (
    region(
        "US", "United States",
        emergency(call("911"), source="911.utah.gov: texting 911"),
        crisis("988 Suicide & Crisis Lifeline", call("988"), text("988"), chat("988lifeline.org"),
               hours=DAY_AND_NIGHT, source="health.wyo.gov: 988 Suicide & Crisis Lifeline page"),
        abuse("National Domestic Violence Hotline", call("1-800-799-7233"), text("88788", "START"),
              chat("thehotline.org"), note="TTY 1-800-787-3224", hours=DAY_AND_NIGHT,
              source="ovc.ojp.gov: news item on the National Domestic Violence Hotline, 2022-01-20"),
    ),
    region(
        "CA", "Canada",
        emergency(call("911"), note="where 911 is not served, the local police number",
                  source="gov.bc.ca: staying safe, victims of crime; endvaw.ca"),
        crisis("988 Suicide Crisis Helpline", call("988"), text("988"), hours=DAY_AND_NIGHT,
               source="mentalhealthcommission.ca: 988 launches in Canada"),
        abuse("ShelterSafe", web("sheltersafe.ca"), note="finds the nearest women's shelter and its phone line",
              source="sheltersafe.ca: about shelters; endvaw.ca: ShelterSafe launch"),
    ),
    region(
        "GB", "United Kingdom",
        emergency(call("999"), note="if you cannot speak, dial 999, then press 55 on a mobile",
                  source="iow.gov.uk: immediate danger; southtees.nhs.uk: emergencySMS"),
        crisis("Samaritans", call("116 123"), source="samaritans.org: contact a Samaritan"),
        crisis("Shout", text("85258", "SHOUT"), hours=DAY_AND_NIGHT, source="giveusashout.org: FAQ"),
        abuse("National Domestic Abuse Helpline", call("0808 2000 247"), serves="England", hours=DAY_AND_NIGHT,
              source="refuge.org.uk: news; gov.uk: Refuge awarded grant to run the helpline"),
        abuse("Domestic Abuse and Forced Marriage Helpline", call("0800 027 1234"), serves="Scotland",
              hours=DAY_AND_NIGHT, source="scotland.police.uk: domestic abuse, what can I do"),
        abuse("Live Fear Free", call("0808 80 10 800"), text("07860 077333"), serves="Wales", hours=DAY_AND_NIGHT,
              source="gov.wales: Live Fear Free"),
        abuse("Domestic and Sexual Abuse Helpline", call("0808 802 1414"), serves="Northern Ireland",
              hours=DAY_AND_NIGHT, source="psni.police.uk: domestic abuse campaign"),
        abuse("Men's Advice Line", call("0808 801 0327"), partial=True,
              source="wired-gov.net: help for men abused by partners (2010)"),
        aliases=("UK",),
    ),
    region(
        "IE", "Ireland",
        emergency(call("112"), call("999"), source="hse.ie: when to call 112 or 999"),
        crisis("Samaritans", call("116 123"), source="samaritans.org: contact a Samaritan"),
        abuse("Women's Aid", call("1800 341 900"), hours=DAY_AND_NIGHT,
              source="womensaid.ie: media release, 2016-09-05"),
    ),
    region(
        "AU", "Australia",
        emergency(call("000"), note="calls only; 106 for TTY", source="triplezero.gov.au: other emergency numbers"),
        crisis("Lifeline", call("13 11 14"), source="lifeinmind.org.au: Lifeline's crisis text service"),
        abuse("1800RESPECT", call("1800 737 732"), text("0458 737 732"), hours=DAY_AND_NIGHT,
              source="1800respect.org.au: terms and conditions"),
    ),
    region(
        "NZ", "New Zealand",
        emergency(call("111"), source="govt.nz: domestic and family violence"),
        crisis("Need to talk?", call("1737"), text("1737"), hours=DAY_AND_NIGHT,
               source="health.govt.nz: phone counselling service news item, 2019-03-17"),
        abuse("Women's Refuge", call("0800 733 843"), hours=DAY_AND_NIGHT, source="womensrefuge.org.nz: get help"),
    ),
    region(
        "DE", "Germany",
        emergency(call("112"), source="baden-baden.de: Feuerwehr und Polizei"),
        police(call("110"), source="baden-baden.de: Feuerwehr und Polizei"),
        crisis("TelefonSeelsorge", call("0800 111 0 111"), call("0800 111 0 222"),
               source="domradio.de: TelefonSeelsorge glossary"),
        abuse("Hilfetelefon Gewalt gegen Frauen", call("116 016"), hours=DAY_AND_NIGHT,
              source="hilfetelefon.de: Angebot im Überblick"),
        abuse("Hilfetelefon Gewalt an Männern", call("0800 123 99 00"), partial=True,
              source="baden-wuerttemberg.de: press release on the Männerhilfetelefon, 2022"),
    ),
    region(
        "AT", "Austria",
        emergency(call("112"), source="rtr.at: Notrufe"),
        police(call("133"), source="rtr.at: Notrufe"),
        crisis("TelefonSeelsorge", call("142"), hours=DAY_AND_NIGHT, source="rtr.at: Notrufe"),
        abuse("Frauenhelpline gegen Gewalt", call("0800 222 555"), hours=DAY_AND_NIGHT,
              source="frauenhelpline.at: report foreword"),
    ),
    region(
        "CH", "Switzerland",
        emergency(call("112"), source="stadt-zuerich.ch: Notrufe"),
        police(call("117"), source="stadt-zuerich.ch: Notruf 117"),
        crisis("Die Dargebotene Hand", call("143"), hours=DAY_AND_NIGHT, source="winterthur.143.ch: Nacht"),
    ),
    region(
        "FR", "France",
        emergency(call("112"), source="interieur.gouv.fr: violences conjugales et intrafamiliales"),
        police(call("17"), text("114"), source="interieur.gouv.fr: violences conjugales et intrafamiliales"),
        crisis("Numéro national de prévention du suicide", call("3114"), hours=DAY_AND_NIGHT,
               source="mayotte.ars.sante.fr: le 3114; 3114.fr"),
        abuse("Violences Femmes Info", call("3919"), hours=DAY_AND_NIGHT,
              source="solidaritefemmes.org: appeler le 3919"),
    ),
    region(
        "BE", "Belgium",
        emergency(call("112"), source="police.be: numéros d'urgence"),
        police(call("101"), source="police.be: numéros d'urgence"),
        crisis("Centre de Prévention du Suicide", call("0800 32 123"), serves="French", hours=DAY_AND_NIGHT,
               source="preventionsuicide.be: ligne 0800"),
        crisis("Zelfmoordlijn", call("1813"), serves="Dutch", source="hbvl.be: article on the Zelfmoordlijn, 2021"),
        abuse("Écoute Violences Conjugales", call("0800 30 030"), serves="Wallonia and Brussels", hours=DAY_AND_NIGHT,
              source="ecouteviolencesconjugales.be: présentation"),
        abuse("1712", call("1712"), serves="Flanders", partial=True, source="kindinnood.be: 1712"),
    ),
    region(
        "NL", "Netherlands",
        emergency(call("112"), source="politie.nl: als elke seconde telt"),
        crisis("113 Zelfmoordpreventie", call("113"), call("0800-0113"), chat("113.nl"),
               source="nu.nl; upday.com: 113 now free"),
        abuse("Veilig Thuis", call("0800-2000"), hours=DAY_AND_NIGHT, source="rijksoverheid.nl: huiselijk geweld"),
    ),
    region(
        "ES", "Spain",
        emergency(call("112"), source="elperiodicoextremadura.com: llamadas al 016"),
        crisis("Línea de atención a la conducta suicida", call("024"), source="rtve.es: Sanidad presenta el 024"),
        abuse("016", call("016"), chat("600 000 016", app="WhatsApp"), source="asturi.as: 016 figures, 2024"),
    ),
    region(
        "IT", "Italy",
        emergency(call("112"), source="112.gov.it: how it works"),
        abuse("1522 Antiviolenza e Stalking", call("1522"), hours=DAY_AND_NIGHT, source="1522.eu: cos'è il 1522"),
    ),
    region(
        "PT", "Portugal",
        emergency(call("112"), source="24noticias.sapo.pt: Linha Nacional de Prevenção do Suicídio"),
        crisis("Linha Nacional de Prevenção do Suicídio", call("1411"),
               source="24noticias.sapo.pt: 1411 arranca com atendimento 24 horas"),
        abuse("Serviço de Informação às Vítimas de Violência Doméstica", call("800 202 148"), text("3060"),
              hours=DAY_AND_NIGHT, source="cig.gov.pt: serviço de informação às vítimas"),
    ),
    region(
        "SE", "Sweden",
        emergency(call("112"), source="no.wikipedia.org: Nødnummer"),
        crisis("Självmordslinjen", call("90101"), partial=True,
               source="kronprinsessparetsstiftelse.se: Självmordsupplysningen"),
        abuse("Kvinnofridslinjen", call("020-50 50 50"), hours=DAY_AND_NIGHT, source="nck.uu.se: Kvinnofridslinjen"),
    ),
    region(
        "DK", "Denmark",
        emergency(call("112"), source="no.wikipedia.org: Nødnummer"),
        crisis("Livslinien", call("70 201 201"), partial=True, source="cphpost.dk: Livslinien news item, 2015"),
        abuse("Lev Uden Vold", call("1888"), hours=DAY_AND_NIGHT, source="levudenvold.dk: news on the 1888 hotline"),
    ),
    region(
        "NO", "Norway",
        emergency(call("112"), source="nkom.no: nødnummer"),
        emergency(call("113"), name="Medical emergencies", source="nkom.no: nødnummer"),
        crisis("Mental Helse", call("116 123"), partial=True, source="tv2.no: help lines"),
        abuse("VO-linjen", call("116 006"), hours=DAY_AND_NIGHT, source="ldo.no: VO-linjen"),
    ),
    region(
        "FI", "Finland",
        emergency(call("112"), source="mieli.fi: helpline"),
        crisis("MIELI crisis line", call("09 2525 0111"), note="your operator charges for the call", partial=True,
               source="mieli.fi: helpline"),
        abuse("Nollalinja", call("080 005 005"), hours=DAY_AND_NIGHT, source="nollalinja.fi"),
    ),
    region(
        "PL", "Poland",
        emergency(call("112"), source="polanddaily24.com: European 112 day"),
        crisis("Centrum Wsparcia", call("800 70 2222"), source="zdrowie.pap.pl: telefon 800 70 2222"),
        abuse("Niebieska Linia", call("800 120 002"), source="pap-mediaroom.pl: 30 years of the Niebieska Linia"),
    ),
    region(
        "IN", "India",
        emergency(call("112"), source="businesstoday.in: states join the 112 helpline"),
        crisis("Tele MANAS", call("14416"), source="theshillongtimes.com: Tele MANAS calls, 2025"),
        abuse("Women Helpline", call("181"), note="not in every state",
              source="thehawk.in: women helpline figures, 2024"),
    ),
    region(
        "ZA", "South Africa",
        emergency(call("10111", label="for the police"), call("112", label="from a mobile"),
                  source="mybroadband.co.za: emergency numbers"),
        abuse("GBV Command Centre", call("0800 428 428"), hours=DAY_AND_NIGHT,
              source="gbv.org.za: about us; einpresswire.com: the GBV Command Centre is operational"),
    ),
    region(
        "SG", "Singapore",
        emergency(call("999", label="for the police"), call("995", label="for an ambulance"),
                  source="police.gov.sg: when to dial 999"),
        emergency(text("70999"), name="Police", note="when it is not safe to talk",
                  source="channelnewsasia.com: police emergency SMS number"),
        crisis("Samaritans of Singapore", call("1767"), chat("9151 1767", app="WhatsApp"),
               source="channelnewsasia.com: Samaritans of Singapore WhatsApp service"),
        abuse("National Anti-Violence Helpline", call("1800 777 0000"), hours=DAY_AND_NIGHT,
              source="msf.gov.sg: calls to the National Anti-Violence Helpline"),
    ),
    region(
        "JP", "Japan",
        emergency(call("110", label="for the police"), call("119", label="for an ambulance"),
                  source="funabashi-multilingual.info: emergency numbers"),
        crisis("Yorisoi Hotline", call("0120-279-338"), source="hagi-city.site.ktaiwork.jp: consultation lines"),
        abuse("DV Soudan Plus", call("0120-279-889"), hours=DAY_AND_NIGHT, source="gov-online.go.jp: DV consultation"),
    ),
    region(  # no stored page gives 190, 192 or 193, so the emergency route stays unnumbered
        "BR", "Brazil",
        emergency(call("your local emergency number"), source="findahelpline.com: the numbers country by country"),
        crisis("CVV, Centro de Valorização da Vida", call("188"), chat("cvv.org.br"),
               source="folhadoestado.com.br: 188 free nationwide, 2018"),
        abuse("Ligue 180, Central de Atendimento à Mulher", call("180"),
              source="diariodovale.com.br: Ligue 180 on WhatsApp, 2023"),
    ),
    region(  # no stored page gives 911 or a national domestic abuse line
        "MX", "Mexico",
        emergency(call("your local emergency number"), source="findahelpline.com: the numbers country by country"),
        crisis("Línea de la Vida", call("800 911 2000"), source="eluniversal.com.mx: Línea de la Vida, 2025"),
    ),
    region(
        "EU", "European Union",
        emergency(call("112"), source="europarl.europa.eu: 112, the single European emergency number"),
        stands_for=EU_MEMBERS,
    ),
    region(
        "other", "anywhere else",
        emergency(call("your local emergency number"), source="findahelpline.com: the numbers country by country"),
        known=False,
    ),
)

GENERAL_HELP = frozenset({EMERGENCY, SELF_HARM, ABUSE})
