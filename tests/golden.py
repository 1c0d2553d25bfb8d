"""Generated files: golden screens, the stored root help, the docs and the JSON Schemas.

Each is produced from the program itself.  Tests compare them with the
committed copies; when wording changes on purpose, ``make golden`` rewrites
them all (review the diff before committing).
"""
import json
from pathlib import Path

from click.testing import CliRunner

from exsplain.cli.main import all_commands, cli

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
DOCS = ROOT / "docs"
EXAMPLES = "examples"

SCREENS = {
    # the text report of three examples at 80 and 60 columns
    **{f"analyze-{name}-{width}": (["analyze", f"{EXAMPLES}/{name}.toml"], width)
       for name in ("safety-self-harm", "ended-by-me-plea", "co-parents") for width in (80, 60)},
    "analyze-sensitivity-80": (["analyze", "--sensitivity", f"{EXAMPLES}/ended-by-me-doubting.toml"], 80),
    "explain-how-80": (["explain", f"{EXAMPLES}/ended-by-me-plea.toml", "dont_return_out_of_pity"], 80),
    "explain-why-not-80": (["explain", f"{EXAMPLES}/dumped-resentful-ex.toml", "A hope that"], 80),
    "explain-held-back-80": (["explain", f"{EXAMPLES}/safety-self-harm.toml", "go_no_contact"], 80),
    "whatif-safety-80": (["whatif", f"{EXAMPLES}/hurtful-remarks.toml", "--set", "safety.ex_self_harm_talk=yes"], 80),
    "whatif-answer-60": (["whatif", f"{EXAMPLES}/dumped-its-not-you.toml", "--set", "me.want_back=no"], 60),
    "batch-80": (["batch", "--jobs", "1", EXAMPLES], 80),
    "batch-120": (["batch", "--jobs", "1", EXAMPLES], 120),
    "batch-summary-80": (["batch", "--jobs", "1", "--summary", EXAMPLES], 80),
    "trace-80": (["trace", f"{EXAMPLES}/ended-by-me-plea.toml"], 80),
    # a whole consultation after a yes to thoughts of self-harm, the rest skipped: help ends the screen
    **{f"consult-self-harm-{region}-80": (["consult", "--region", region], 80, "he\nyes\nno\nno\n" + "\n" * 40)
       for region in ("GB", "US", "other")},
    "consult-40": (["consult"], 40, "she\nno\nno\nno\nshe did\n2 months\n" + "\n" * 40),
}


def run(args, width=80, typed=None):
    result = CliRunner().invoke(cli, args, env={"COLUMNS": str(width), "EXSPLAIN_REGION": "GB"}, input=typed,
                                prog_name="exsplain", terminal_width=78, catch_exceptions=False)
    return result.stdout


def screen(name):
    args, width, *typed = SCREENS[name]
    return run(args, width, *typed)


def command_page(name):
    command = all_commands()[name]
    return "\n".join([
        f"# exsplain {name}", "",
        "<!-- Generated from the command's own help by `make golden`; do not edit by hand. -->", "",
        command.get_short_help_str(200), "",
        "```", run([name, "--help"]).rstrip(), "```", "",
    ])


def generated():
    """Every generated file and how to produce its text."""
    from exsplain.cli.launch import ROOT_HELP, root_help
    from exsplain.cli.manpage import man_page
    from exsplain.expert.reference import case_reference, report_reference
    from exsplain.expert.schema import case_schema, report_schema, watch_schema
    from exsplain.knowledge.base import KNOWLEDGE_BASE as kb

    files = {Path(ROOT_HELP): root_help}
    files.update({GOLDEN / f"{name}.txt": (lambda name=name: screen(name)) for name in SCREENS})
    files[DOCS / "case-files.md"] = lambda: case_reference(kb)
    files[DOCS / "report.md"] = lambda: report_reference(kb)
    files[DOCS / "case.schema.json"] = lambda: json.dumps(case_schema(kb), indent=2, ensure_ascii=False) + "\n"
    files[DOCS / "report.schema.json"] = lambda: json.dumps(report_schema(kb), indent=2, ensure_ascii=False) + "\n"
    files[DOCS / "watch.schema.json"] = lambda: json.dumps(watch_schema(), indent=2, ensure_ascii=False) + "\n"
    files[DOCS / "exsplain.1"] = man_page
    files.update({DOCS / "commands" / f"{name}.md": (lambda name=name: command_page(name)) for name in all_commands()})
    return files


def write_all():
    written = []
    for path, produce in generated().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(produce(), encoding="utf-8")
        written.append(path)
    return written
