"""Help by region (KNOWLEDGE.md v3 §4): the lists, the words derived from
them, and how the region is chosen."""
import json
import re

import pytest

from exsplain.cli.main import cli
from exsplain.expert.catalog import Region
from exsplain.knowledge.catalog import CATALOG
from exsplain.knowledge.resources import ABUSE, DIRECTORY, EMERGENCY, REGIONS, SELF_HARM

from conftest import example

CHANNELS = {"call", "text", "chat", "web"}
EVERY_DANGER = {"i_think_of_self_harm": True, "threats_or_abuse": True, "ex_self_harm_talk": True,
                "self_harm_as_pressure": False}
PLACEHOLDERS = ("emergency", "crisis_line", "abuse_line")


def report_of(kb, region, **safety):
    return kb.report(kb.vocabulary.validate({"breakup": {"ended_by": "ex"}, "safety": safety}), region)


def advice(report):
    return " ".join(a["advice"] for a in report["actions"])


def test_the_list_holds_the_regions_of_the_v3_table_then_the_eu_and_the_catch_all():
    codes = [r.code for r in REGIONS]
    assert len(codes) == len(set(codes)) == 28
    assert codes[-2:] == ["EU", "other"]


@pytest.mark.parametrize("region", REGIONS, ids=lambda r: r.code)
def test_every_region_has_an_emergency_route_a_crisis_route_and_an_abuse_route(region):
    kinds = [r.for_ for r in region.resources]
    assert kinds[0] == EMERGENCY
    assert kinds[-1] == DIRECTORY and kinds.count(DIRECTORY) == 1, "the directory comes last, once"
    assert region.resources[-1].routes[0].to == "findahelpline.com"
    words = region.words()
    assert set(words) == set(PLACEHOLDERS)
    assert all(words.values())
    for kind, placeholder in ((SELF_HARM, "crisis_line"), (ABUSE, "abuse_line")):
        if kind not in kinds:
            assert words[placeholder].startswith("find a ") and "findahelpline.com" in words[placeholder]


@pytest.mark.parametrize("region", REGIONS, ids=lambda r: r.code)
def test_every_resource_has_routes_a_source_and_a_checked_date(region):
    for resource in region.resources:
        assert resource.routes and {r.channel for r in resource.routes} <= CHANNELS, resource.name
        assert resource.source and "http" not in resource.source, resource.name
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", resource.checked), resource.name
        data = resource.as_data()
        assert list(data) == ["name", "contact", "channels", "for", "hours"]
        assert data["channels"] == resource.channels and set(data["channels"]) <= CHANNELS


@pytest.mark.parametrize("region", REGIONS, ids=lambda r: r.code)
def test_call_or_text_is_said_only_of_a_number_that_takes_texts(region):
    said = " ".join([*region.words().values(), *(r.contact for r in region.resources)])
    texted = {route.to for r in region.resources for route in r.routes if route.channel == "text"}
    for number in re.findall(r"call or text ([\d -]*\d)", said):
        assert number in texted, (region.code, number)


@pytest.mark.parametrize("code", ["GB", "IE", "AU"])
def test_a_crisis_line_that_takes_only_calls_is_not_offered_for_texts(kb, code):
    report = kb.report(kb.vocabulary.load(example("safety-own-dark-thoughts.toml")), code)
    text = next(a["advice"] for a in report["actions"] if a["id"] == "reach_out_for_yourself")
    assert "call or text" not in text
    assert ("Samaritans" if code != "AU" else "Lifeline") in text


def test_a_region_without_a_crisis_line_points_to_the_directory_in_the_texts(kb):
    text = advice(report_of(kb, "IT", **{**EVERY_DANGER, "threats_or_abuse": False}))
    assert "find a crisis line at findahelpline.com" in text and "call 112" in text
    assert "crisis line below" not in text


@pytest.mark.parametrize("code", [r.code for r in REGIONS])
def test_every_placeholder_is_filled_in_every_region(kb, code):
    report = report_of(kb, code, **EVERY_DANGER)
    assert "{" not in advice(report)
    assert CATALOG.region(code).words()["emergency"] in advice(report)


def test_a_line_that_answers_only_some_calls_keeps_the_emergency_number_and_the_directory_beside_it():
    words = CATALOG.region("DK").words()["crisis_line"]
    assert "Livslinien" in words and "call 112" in words and "findahelpline.com" in words


def test_the_help_lines_come_in_danger_order(kb):
    own_life_and_from_ex = report_of(kb, "GB", **{**EVERY_DANGER, "ex_self_harm_talk": False})
    every_danger = report_of(kb, "GB", **EVERY_DANGER)
    for report in (own_life_and_from_ex, every_danger):
        kinds = list(dict.fromkeys(r["for"] for r in report["safety"]["resources"]))
        assert kinds == [EMERGENCY, SELF_HARM, ABUSE, DIRECTORY]


def test_needs_given_in_order_order_the_lines_and_the_directory_stays_last():
    gb = CATALOG.region("GB")
    kinds = list(dict.fromkeys(r.for_ for r in gb.for_([EMERGENCY, ABUSE, SELF_HARM])))
    assert kinds == [EMERGENCY, ABUSE, SELF_HARM, DIRECTORY]
    assert gb.for_(set()) == []


def test_de_reading_of_a_self_harm_example_names_112_telefonseelsorge_and_116_016(runner):
    result = runner.invoke(cli, ["analyze", "--region", "DE", example("safety-self-harm.toml")])
    assert result.exit_code == 0 and result.stderr == ""
    help_first = result.stdout.split("Why your ex may be crying")[0]
    for said in ("call 112", "TelefonSeelsorge", "116 016"):
        assert said in help_first, said


def test_fr_lists_the_french_lines(runner):
    result = runner.invoke(cli, ["analyze", "--format", "json", "--region", "FR", example("safety-self-harm.toml")])
    report = json.loads(result.stdout)
    assert report["region"] == {"code": "FR", "name": "France", "known": True}
    contacts = [r["contact"] for r in report["safety"]["resources"]]
    assert "call 112" in contacts and "call 3114" in contacts and "call 3919" in contacts
    assert result.stderr == ""


def test_uk_is_read_as_gb_without_a_notice(runner):
    result = runner.invoke(cli, ["analyze", "--format", "json", "--region", "UK", example("safety-self-harm.toml")])
    report = json.loads(result.stdout)
    assert report["region"] == {"code": "GB", "name": "United Kingdom", "known": True}
    names = [r["name"] for r in report["safety"]["resources"]]
    assert "Samaritans" in names and "Live Fear Free" in names
    assert result.stderr == ""


@pytest.mark.parametrize("option, environment, source", [
    (["--region", "XX"], {}, "--region"),
    ([], {"EXSPLAIN_REGION": "xx"}, "EXSPLAIN_REGION"),
    ([], {"EXSPLAIN_REGION": None, "LC_ALL": None, "LANG": "en_XX.UTF-8"}, "the locale in LANG"),
])
def test_an_unknown_code_gets_the_general_help_with_a_one_line_notice_naming_it_and_its_source(
        runner, option, environment, source):
    result = runner.invoke(cli, ["analyze", "--format", "json", *option, example("safety-self-harm.toml")],
                           env=environment)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["region"] == {"code": "other", "name": "anywhere else", "known": False}
    assert result.stderr == f"Note: no help lines are listed for XX (from {source}); showing the general ones.\n"


def test_a_member_state_without_a_list_gets_the_eu_lines_with_a_notice(runner):
    result = runner.invoke(cli, ["analyze", "--format", "json", "--region", "LU", example("safety-self-harm.toml")])
    report = json.loads(result.stdout)
    assert report["region"] == {"code": "EU", "name": "European Union", "known": False}
    assert report["safety"]["resources"][0]["contact"] == "call 112"
    assert result.stderr == "Note: no help lines are listed for LU (from --region); showing those for the European " \
                            "Union.\n"


def test_a_malformed_region_in_the_environment_names_the_variable(runner):
    result = runner.invoke(cli, ["analyze", example("safety-self-harm.toml")], env={"EXSPLAIN_REGION": "Mars"})
    assert result.exit_code == 2
    assert result.stderr == "Error: EXSPLAIN_REGION Mars: expected a two-letter country code such as GB or US\n"


def test_a_code_without_a_list_of_its_own_is_marked_as_not_known():
    assert CATALOG.region("GB").known and CATALOG.region("UK") is CATALOG.region("GB")
    stand_in = CATALOG.region("LU")
    assert isinstance(stand_in, Region) and stand_in.code == "EU" and not stand_in.known
    assert CATALOG.region(stand_in) is stand_in
    assert not CATALOG.region("XX").known and CATALOG.region("XX").code == "other"
