"""Data that survives: spreadsheets written by the csv module and safe to open, cases that come back
unchanged, intake that says how to save a file, and writers that never replace what is not ours."""
import csv
import io
import json
import subprocess

import hypothesis
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hostile import one_line_error, run

from exsplain.expert.spreadsheet import FORMULA_STARTS, neutral, read_rows, row_case, unneutral

from conftest import EXAMPLES, example
from strategies import case_data
from test_analyze_cli import exsplain_command

# Any text a title or notes can hold: everything but lone surrogates (no UTF-8 for them) and NUL
# (the mark of a binary file, refused on reading), with the characters that matter here made common.
TEXT = st.text(st.one_of(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                         st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", "'", '"', ",", ";", "\ufeff"])),
               max_size=40)


def write_case(kb, tmp_path, case, name="case.csv", excel=False):
    from exsplain.cli.convert import render

    path = tmp_path / name
    path.write_bytes(render(kb, case, "csv", excel).encode("utf-8"))
    return path


@settings(max_examples=1000)
@given(data=case_data(), title=TEXT, notes=TEXT, excel=st.booleans())
def test_a_case_written_as_csv_reads_back_the_same(kb, tmp_path_factory, data, title, notes, excel):
    case = kb.vocabulary.validate({**data, **({"title": title} if title else {}), **({"notes": notes} if notes else {})})
    path = write_case(kb, tmp_path_factory.mktemp("csv"), case, excel=excel)
    rows = read_rows(str(path), kb.vocabulary)
    if not (case.answers or case.title or case.notes):
        assert rows == []  # an empty case is an empty row, which a spreadsheet holds as no case
        return
    assert len(rows) == 1
    back = row_case(kb.vocabulary, *rows[0])
    assert (back.answers, back.title, back.notes) == (case.answers, case.title, case.notes)


@given(st.text())
def test_neutralising_is_undone_exactly_and_no_cell_starts_a_formula(text):
    assert unneutral(neutral(text)) == text
    assert not neutral(text).startswith(FORMULA_STARTS)


HOSTILE_TITLES = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(1+1)", "\tTAB", "\rCR", "'=quoted",
                  "line one\nline two", "a,b;\"c\""]


def cells_of(text):
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def test_every_csv_exsplain_writes_has_no_formula_cell_and_keeps_rows_whole(kb, tmp_path):
    cases = tmp_path / "cases"
    cases.mkdir()
    for n, title in enumerate(HOSTILE_TITLES):
        (cases / f"{n}.toml").write_text(f'title = {json.dumps(title)}\nnotes = "=1+1"\n[breakup]\nended_by = "ex"\n'
                                         '[safety]\nthreats_or_abuse = true\n', encoding="utf-8")
    (cases / "=1+2.toml").write_text("[breakup]\nended_by = 'ex'\n", encoding="utf-8")
    (cases / "@SUM(1+1).toml").write_text("[breakup]\nended_by = 'nobody'\n", encoding="utf-8")
    names = sorted(p.name for p in cases.iterdir())
    outputs = {"batch": run("batch", "--format", "csv", *names, cwd=cases),
               "summary": run("batch", "--summary", "--format", "csv", str(cases)),
               **{f"convert {n}": run("convert", str(cases / f"{n}.toml"), "--to", "csv")
                  for n in range(len(HOSTILE_TITLES))}}
    for name, done in outputs.items():
        assert done.returncode in (0, 2), (name, done.stderr)
        text = done.stdout.decode("utf-8")
        cells = cells_of(text)
        assert [c for c in cells if c.startswith(FORMULA_STARTS)] == [], name
    batch_rows = list(csv.DictReader(io.StringIO(outputs["batch"].stdout.decode(), newline="")))
    assert len(batch_rows) == len(HOSTILE_TITLES) + 2
    assert {r["file"] for r in batch_rows} >= {"'=1+2.toml", "'@SUM(1+1).toml"}
    for n, title in enumerate(HOSTILE_TITLES):  # read back, each case keeps its title and its answers
        converted = tmp_path / f"{n}.csv"
        converted.write_bytes(outputs[f"convert {n}"].stdout)
        (source, row), = read_rows(str(converted), kb.vocabulary)
        back = row_case(kb.vocabulary, source, row)
        assert back.title == title and back.notes == "=1+1"
        assert back.answers["safety.threats_or_abuse"] is True


def test_python_csv_and_pandas_read_the_same_rows(kb, tmp_path):
    pandas = pytest.importorskip("pandas", reason="pandas is not installed (it is not a dependency)")
    case = kb.vocabulary.validate({"title": "=x\r\nnext", "notes": "a,\"b\"\n-c", "breakup": {"ended_by": "ex"}})
    path = write_case(kb, tmp_path, case)
    with open(path, newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    frame = pandas.read_csv(path, dtype=str, keep_default_na=False)
    assert [list(frame.columns)] + frame.values.tolist() == rows


def test_excel_output_starts_with_a_byte_order_mark_and_reads_back(kb, tmp_path):
    done = run("convert", example("co-parents.toml"), "--to", "csv", "--excel")
    assert done.stdout.startswith("\ufeff".encode())
    path = tmp_path / "excel.csv"
    path.write_bytes(done.stdout)
    assert row_case(kb.vocabulary, *read_rows(str(path), kb.vocabulary)[0]).answers == \
        kb.vocabulary.load(example("co-parents.toml")).answers
    assert run("batch", "--format", "csv", "--excel", example("co-parents.toml")).stdout.startswith(b"\xef\xbb\xbf")


def test_batch_json_is_one_array_and_jsonl_a_line_per_case():
    array = json.loads(run("batch", "--format", "json", str(EXAMPLES)).stdout)
    lines = run("batch", "--format", "jsonl", str(EXAMPLES)).stdout.decode().splitlines()
    assert isinstance(array, list) and array == [json.loads(line) for line in lines]


INTAKE = {
    "cp1252.csv": ("title,breakup.ended_by\nCaf\xe9,ex\n".encode("cp1252"), 'save it from your spreadsheet as "CSV UTF-8'),
    "semicolons.csv": (b"title;breakup.ended_by\nAnna;ex\n", "separated by semicolons"),
    "typo.csv": (b"title,breakup.ended_bye\nAnna,ex\n", "unknown column 'breakup.ended_bye' (did you mean breakup.ended_by?)"),
    "hostile-header.csv": (b'title,"=HYPERLINK(""x"")"\nAnna,ex\n', "unknown column '=HYPERLINK"),
    "superscript.csv": ("title,me.want_back\nAnna,\u00b2\n".encode(), "'\u00b2' is not allowed"),
    "digits.csv": (b"title,me.want_back\nAnna," + b"9" * 5000 + b"\n", "characters) is not allowed"),
}


@pytest.mark.parametrize("name", sorted(INTAKE))
def test_a_spreadsheet_exsplain_cannot_read_gets_one_short_line_once(tmp_path, name):
    content, message = INTAKE[name]
    path = tmp_path / name
    path.write_bytes(content)
    line = one_line_error(run("convert", str(path), "--to", "toml"))
    assert message in line and len(line) <= 300
    done = run("batch", "--format", "csv", str(path))
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode(), newline="")))
    assert len(rows) == 1 and message.lstrip("'=") in rows[0]["error"] and len(rows[0]["error"]) <= 300


def test_a_utf8_spreadsheet_with_a_byte_order_mark_is_read(kb, tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufefftitle,breakup.ended_by\nAnna,ex\n".encode())
    (source, row), = read_rows(str(path), kb.vocabulary)
    assert row_case(kb.vocabulary, source, row).answers == {"breakup.ended_by": "ex"}


@pytest.mark.parametrize("name", ["package.json", "notes.toml", "people.csv", "README"])
def test_convert_does_not_replace_a_file_that_is_not_a_case(tmp_path, name):
    target = tmp_path / name
    target.write_text('{"name": "project"}\n' if name.endswith("json") else "name,age\nx,1\n", encoding="utf-8")
    before = target.read_bytes()
    line = one_line_error(run("convert", example("co-parents.toml"), "--to", "toml", "-o", str(target)))
    assert "not a case file" in line and name in line
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_convert_replaces_a_case_file_of_ours(tmp_path):
    target = tmp_path / "case.json"
    target.write_text('{"breakup": {"ended_by": "me"}}', encoding="utf-8")
    assert run("convert", example("co-parents.toml"), "-o", str(target)).returncode == 0
    assert '"co_parenting"' in target.read_text() or "children" in target.read_text()


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.toml"
    real.write_text('[breakup]\nended_by = "me"\n', encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    done = run("consult", "--save", str(link), input=b"he\nno\nquit\n", stdin=None)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and 'pronoun = "he"' in real.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.toml", "real.toml"]


def test_answers_are_counted_in_words(tmp_path):
    one = run("consult", "--save", str(tmp_path / "one.toml"), input=b"he\nquit\n", stdin=None)
    assert one.stderr.decode().strip().splitlines()[-1] == f"1 answer saved to {tmp_path / 'one.toml'}."
    two = run("consult", "--save", str(tmp_path / "two.toml"), input=b"he\nno\nquit\n", stdin=None)
    assert two.stderr.decode().strip().splitlines()[-1] == f"2 answers saved to {tmp_path / 'two.toml'}."


def test_a_save_on_a_full_disk_ends_non_zero_naming_the_file(tmp_path):
    """A small tmpfs, filled up, in a mount namespace of its own (so nothing is left mounted)."""
    folder = tmp_path / "small"
    folder.mkdir()
    script = (f"mount -t tmpfs -o size=64k tmpfs '{folder}' || exit 77; "
              f"dd if=/dev/zero of='{folder}/filler' bs=4k 2>/dev/null; "
              f"printf 'he\\nno\\nno\\nno\\nquit\\n' | '{exsplain_command()}' consult "
              f"--save '{folder}/case.toml' >/dev/null")
    try:
        done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, timeout=60)
    except FileNotFoundError:
        pytest.skip("unshare is not installed: no private mount of a small tmpfs")
    if done.returncode == 77 or b"unshare:" in done.stderr:
        pytest.skip(f"a small tmpfs cannot be mounted here: {done.stderr.decode().strip()[:100]}")
    stderr = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in stderr
    last = stderr.strip().splitlines()[-1]
    assert last == f"Error: could not save to {folder}/case.toml (No space left on device); 4 answers are not saved."


@given(st.text())
def test_shown_text_holds_no_character_that_acts_on_a_terminal_and_keeps_the_rest(text):
    import unicodedata

    from exsplain.expert.wording import UNSAFE, shown

    seen = shown(text)
    assert not any(unicodedata.category(c) in UNSAFE for c in seen)
    assert (seen == text) is not any(unicodedata.category(c) in UNSAFE for c in text)


class AsWritten(dict):
    """Python's formatting, with a placeholder that has no word left as written: what ``fill`` promises."""

    def __missing__(self, key):
        return "{" + key + "}"


@given(st.lists(st.sampled_from(["{", "}", "{{", "}}", "{they}", "{nobody}", "they", " ", "x"]), max_size=8).map("".join),
       st.sampled_from([{}, {"they": "she"}]))
@hypothesis.example("no brace at all", {"they": "she"})
@hypothesis.example("a stray } brace", {})
def test_fill_formats_as_python_does_with_unknown_placeholders_left_as_written(text, words):
    from exsplain.expert.wording import Words, fill

    try:
        expected = text.format_map(AsWritten(words))
    except ValueError:
        for given_words in (words, Words(words)):
            with pytest.raises(ValueError):
                fill(text, given_words)
        return
    assert fill(text, words) == fill(text, Words(words)) == expected


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3)),
       st.sampled_from([None, 2]))
@hypothesis.example({"title": "a\x7fb"}, 2)  # DEL is the one ASCII control JSON leaves as it is
@hypothesis.example({"notes": ["\u202e", "\x85"]}, None)
def test_escaped_json_is_the_same_data_with_no_character_that_acts_on_a_terminal(data, indent):
    import json
    import unicodedata

    from exsplain.expert.wording import UNSAFE, escaped_data

    text = json.dumps(data, indent=indent, ensure_ascii=False)
    escaped = escaped_data(text)
    assert json.loads(escaped) == data
    assert not any(unicodedata.category(c) in UNSAFE for c in escaped.replace("\n", "") if ord(c) <= 0xFFFF)
    assert (escaped == text) is not any(unicodedata.category(c) in UNSAFE for c in text.replace("\n", ""))
