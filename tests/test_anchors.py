"""Permanent anchors and exact words: the record of what was published, errata and retirements."""

from __future__ import annotations

import doctest
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from edition import anchors, urls
from edition.records import recordfile
from tests.conftest import ROOT, STATEMENT_ID, run_build_site, run_build_site_here
from tests.html import attribute, one, parse, text
from tests.test_cli import line_of

STATEMENT_FILE = f"statements/{STATEMENT_ID}.yaml"
RECORD_FILE = f"statements/anchors/{STATEMENT_ID}.json"
SENTENCE_3_1 = "We condemn terrorism in all its manifestations."


def edit(project: Path, old: str, new: str) -> None:
    """Replace ``old`` (present once) by ``new`` in the statement file."""
    path = project / STATEMENT_FILE
    content = path.read_text(encoding="utf-8")
    assert content.count(old) == 1, old
    path.write_text(content.replace(old, new), encoding="utf-8")


def rewrite(project: Path, change: Callable[[dict[str, Any]], object]) -> list[str]:
    """Change the statement as data and write it back; returns the new file's lines."""
    path = project / STATEMENT_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return path.read_text(encoding="utf-8").splitlines()


def sentences(data: dict[str, Any], paragraph: int) -> list[dict[str, Any]]:
    """The commitments of paragraph ``paragraph`` in statement data."""
    found: list[dict[str, Any]] = data["paragraphs"][paragraph - 1]["commitments"]
    return found


def test_the_record_in_the_repository_holds_every_anchor_with_its_words() -> None:
    record, problems = recordfile.load(ROOT / RECORD_FILE)
    assert problems == []
    assert record is not None
    expected = [anchors.paragraph(p) for p in range(1, 5)]
    assert [a for a in record.texts if "__" not in a] == expected
    assert len([a for a in record.texts if "__cmt_" in a]) == 13
    assert record.texts["para_3__cmt_1"] == SENTENCE_3_1
    data = json.loads((ROOT / RECORD_FILE).read_text(encoding="utf-8"))
    assert data["anchors"]["para_3__cmt_1"]["sha256"] == hashlib.sha256(SENTENCE_3_1.encode("utf-8")).hexdigest()
    assert (record.errata, record.retired) == ((), ())


def test_render_records_new_anchors_and_check_does_not(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / RECORD_FILE).unlink()
    assert run_build_site_here(project, capsys, "check").returncode == 0
    assert not (project / RECORD_FILE).exists()
    assert run_build_site_here(project, capsys, "render").returncode == 0
    assert (project / RECORD_FILE).read_text(encoding="utf-8") == (ROOT / RECORD_FILE).read_text(encoding="utf-8")


def test_a_new_sentence_is_recorded_by_render(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rewrite(project, lambda data: sentences(data, 4).append(
        {"text": "A sentence added later.", "kind": "observe", "topics": ["terrorism"]}
    ))  # fmt: skip
    assert run_build_site_here(project, capsys, "render").returncode == 0
    record, _ = recordfile.load(project / RECORD_FILE)
    assert record is not None
    assert list(record.texts)[-2:] == ["para_4__cmt_3", "para_4__cmt_4"]
    assert record.texts["para_4__cmt_4"] == "A sentence added later."


@pytest.mark.parametrize("verb", ["check", "render", "build"])
def test_changed_words_fail_naming_the_anchor(rendered: Path, verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    project = rendered
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    edit(project, SENTENCE_3_1, "We condemn terrorism in all its forms.")
    result = run_build_site_here(project, capsys, verb)
    assert result.returncode == 1
    line = line_of("We condemn terrorism")
    column = 15 + len("We condemn terrorism in all its ")  # at "forms", where the words first differ
    assert result.stderr.splitlines() == [
        f"{STATEMENT_FILE}:{line}:{column}: para_3__cmt_1: the words differ from the published text recorded in "
        f"{RECORD_FILE}; restore them, or record a correction: "
        f"python build_site.py erratum {STATEMENT_ID} para_3__cmt_1 --reason '...'",
        "1 problem in 1 file",
    ]
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == before


def test_a_vanished_anchor_fails_naming_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = rewrite(project, lambda data: sentences(data, 4).pop())
    line = lines.index("- number: 4") + 1
    result = run_build_site_here(project, capsys, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{STATEMENT_FILE}:{line}:1: para_4__cmt_3 was published and its words are gone (not in the official "
        "text); restore them, or retire it: "
        f"python build_site.py retire {STATEMENT_ID} para_4__cmt_3 --successor para_4__cmt_2 "
        "--reason 'Not in the official text.'",
        "1 problem in 1 file",
    ]


@pytest.mark.build
def test_an_erratum_is_recorded_and_shown_on_the_page(project: Path) -> None:
    corrected = "We condemn terrorism in all its manifestations!"
    edit(project, SENTENCE_3_1, corrected)
    result = run_build_site(
        project, "erratum", STATEMENT_ID, "para_3__cmt_1", "--reason", "A test correction.", "--date", "2026-11-27"
    )
    assert (result.returncode, result.stdout) == (
        0,
        f"erratum: recorded the correction of para_3__cmt_1 in {STATEMENT_ID}\n",
    )
    record, _ = recordfile.load(project / RECORD_FILE)
    assert record is not None
    assert record.errata == (
        recordfile.Erratum("para_3__cmt_1", "2026-11-27", SENTENCE_3_1, corrected, "A test correction."),
    )
    assert record.texts["para_3__cmt_1"] == corrected
    assert run_build_site(project, "build").returncode == 0
    page = parse(project / "site" / "statements" / STATEMENT_ID / "index.html")
    assert text(page, id="para_3__cmt_1") == corrected
    item = one(one(page, "ol", class_="stmt-errata"), "li")
    assert item.get_text() == (
        f"3.1, corrected on 27 November 2026: A test correction. Published as: {SENTENCE_3_1} Now: {corrected}"
    )
    assert attribute(one(item, "a"), "href") == "#para_3__cmt_1"
    note = one(page, "a", class_="stmt-cmt-link", href="#para_3__cmt_1").find_parent("li")
    assert note is not None
    assert attribute(one(note, "a", class_="stmt-corrected"), "href") == "#corrections"


@pytest.mark.parametrize("verb", ["erratum", "retire"])
def test_a_reason_is_one_line(project: Path, verb: str) -> None:
    record = (project / "statements" / "anchors" / f"{STATEMENT_ID}.json").read_bytes()
    result = run_build_site(project, verb, STATEMENT_ID, "para_3__cmt_1", "--reason", "Split.\nJoined again.")
    assert result.returncode == 2
    assert result.stderr.endswith(
        f"build_site.py {verb}: error: argument --reason: must be one line of text without surrounding spaces, "
        "got 'Split.\\nJoined again.'\n"
    )
    assert "Traceback" not in result.stderr
    assert (project / "statements" / "anchors" / f"{STATEMENT_ID}.json").read_bytes() == record


@pytest.mark.parametrize(
    ("date", "error"),
    [
        ("20261127", "must be a date written YYYY-MM-DD, got '20261127'"),
        ("2026-W48-5", "must be a date written YYYY-MM-DD, got '2026-W48-5'"),
        ("2026-02-30", "is not a real date: '2026-02-30' (day is out of range for month)"),
    ],
)
def test_a_date_is_a_day_written_as_records_hold_it(project: Path, date: str, error: str) -> None:
    record = (project / RECORD_FILE).read_bytes()
    result = run_build_site(project, "erratum", STATEMENT_ID, "para_3__cmt_1", "--reason", "A.", "--date", date)
    assert result.returncode == 2
    assert result.stderr.endswith(f"build_site.py erratum: error: argument --date: {error}\n")
    assert (project / RECORD_FILE).read_bytes() == record


REASON = ("--reason", "A test.")


@pytest.mark.parametrize("verb", ["erratum", "retire"])
def test_erratum_and_retire_do_not_load_the_importer(project: Path, verb: str) -> None:
    edit(project, SENTENCE_3_1, "We condemn terrorism in all its forms.")
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "build_site.py"), verb, STATEMENT_ID, "para_3__cmt_1", *REASON],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    loaded = [line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]
    assert "edition.records.registry" in loaded  # the verb's own work was done
    assert [name for name in loaded if name.startswith("edition.importer")] == []


def test_an_erratum_needs_changed_words(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_build_site_here(
        project, capsys, "erratum", STATEMENT_ID, "para_3__cmt_1", "--reason", "Nothing changed."
    )
    assert (result.returncode, result.stderr) == (
        1,
        f"{STATEMENT_FILE}:1:1: the words of para_3__cmt_1 are the published ones: there is nothing to correct\n"
        "1 problem in 1 file\n",
    )


@pytest.mark.build
def test_a_retired_anchor_keeps_resolving_to_its_successor(project: Path) -> None:

    def join_4_2_and_4_3(data: dict[str, Any]) -> None:  # as if they had been split by mistake
        last = sentences(data, 4).pop()
        sentences(data, 4)[-1]["text"] += " " + last["text"]
        sentences(data, 4)[-1]["number"] = 4  # as check asks: the joined words are a new sentence

    rewrite(project, join_4_2_and_4_3)
    assert run_build_site(project, "check").returncode == 1
    for anchor in ("para_4__cmt_2", "para_4__cmt_3"):
        result = run_build_site(
            project, "retire", STATEMENT_ID, anchor, "--successor", "para_4__cmt_4",
            "--reason", "Joined into sentence 4.", "--date", "2026-11-27",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"retire: {anchor} in {STATEMENT_ID} now leads to para_4__cmt_4\n"
    assert run_build_site(project, "build").returncode == 0
    page = parse(project / "site" / "statements" / STATEMENT_ID / "index.html")
    retired = one(page, id="para_4__cmt_3")
    assert retired.get("class") == ["stmt-retired"]
    assert attribute(retired, "data-successor") == "para_4__cmt_4"
    assert retired.get_text() == ""
    assert one(page, "div", class_="stmt-para", attrs={"data-para": "4"}).find(id="para_4__cmt_3") is retired
    assert text(page, id="para_4__cmt_4").startswith("We are encouraged by the strong spirit")
    again = run_build_site(project, "retire", STATEMENT_ID, "para_4__cmt_3", "--reason", "Twice.")
    assert again.stderr.splitlines()[0] == f"{STATEMENT_FILE}:1:1: para_4__cmt_3 is already retired"


def test_a_statement_whose_file_is_gone_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / STATEMENT_FILE).rename(project / "statements" / "2001-12-07-renamed.yaml")
    result = run_build_site_here(project, capsys, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{RECORD_FILE}:1:1: statement {STATEMENT_ID} was published, but {STATEMENT_FILE} is gone; restore it "
        "(withdrawing a statement means deleting this record too, which breaks its links)"
    )


def test_a_tampered_record_is_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / RECORD_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(SENTENCE_3_1, "We condemn."), encoding="utf-8")
    entry = '    "para_3__cmt_1": {'  # the problem points at the entry's checksum, on the next line
    line = path.read_text(encoding="utf-8").splitlines().index(entry) + 2
    result = run_build_site_here(project, capsys, "check")
    assert (result.returncode, result.stderr) == (
        1,
        f"{RECORD_FILE}:{line}:17: anchor para_3__cmt_1: 'sha256' is not the SHA-256 of 'text'; restore the record "
        "from version control\n1 problem in 1 file\n",
    )


COMMENTS = re.compile(r"/\*.*?\*/|^\s*//.*?$|\{#.*?#\}", re.DOTALL | re.MULTILINE)
"""Comments in scripts, stylesheets and templates, which may name a rule."""
ASSETS = ROOT / "docs" / "assets"


def code_of(paths: list[Path]) -> dict[str, str]:
    """Each file's code without its comments, by its path in the project."""
    return {str(path.relative_to(ROOT)): COMMENTS.sub("", path.read_text(encoding="utf-8")) for path in sorted(paths)}


def test_the_scripts_and_templates_take_the_anchor_rule_from_its_home() -> None:
    """The site's scripts, stylesheets and templates spell no anchor: they take the rule from ``data/edition-rules.js``,
    which the render writes from this module (a script's own copy once missed inserted sentences)."""

    spelled = re.compile(f"{re.escape(anchors.SENTENCE_SEPARATOR)}|[\"']{re.escape(anchors.PARAGRAPH_PREFIX)}")
    files = [*ASSETS.glob("*.js"), *ASSETS.glob("*.css"), *(ROOT / "overrides").rglob("*.html")]
    found = [f"{path}: {match[0]}" for path, code in code_of(files).items() for match in spelled.finditer(code)]
    assert found == []


SHORT_REFERENCES = ("p3", "para 3.1", "§3-c1", "3.a1", "¶3/cmt_2", "paragraph 03:1a")
"""Short references that only the grammar of :func:`edition.anchors.short_reference` reads, in its many forms."""
JS_REGEX = re.compile(
    r"""(?:[=(,:?!&|;{}]|\breturn)\s*/(?![/*])((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n\[])+)/([a-z]*)"""
    r"""|new RegExp\(\s*("(?:\\.|[^"\\])*")"""
)
"""A regular expression written in a script: a literal (``/.../i``) or the string given to ``new RegExp``."""


def grammar_copies(code: str) -> list[str]:
    """The regular expressions in ``code`` that read every one of :data:`SHORT_REFERENCES`: copies of the grammar."""
    copies = []
    for match in JS_REGEX.finditer(code):
        try:
            source = match[1] if match[3] is None else json.loads(match[3])
        except ValueError:  # a string JSON does not read (\' or \x41): look at it as written
            source = match[3][1:-1]
        try:
            compiled = re.compile(source, re.IGNORECASE if "i" in (match[2] or "") else 0)
        except re.error:  # JavaScript's own syntax (\p{L}): no copy of a Python grammar
            continue
        if all(compiled.fullmatch(reference) for reference in SHORT_REFERENCES):
            copies.append(match[0])
    return copies


OLD_GRAMMAR = (
    r"/^(?:p|para|para_|paragraph|§|¶)?\s*(\d+)(?:\s*(?:[.\-/:,]|__?)\s*(?:cmt_?|c)?\s*(\d+[a-z]*|[a-z]+1))?$/i"
)
"""The grammar of short references as ``edition.js`` once spelled it, a copy that followed the code's only as long
as someone copied it again."""


def test_a_copy_of_the_grammar_of_short_references_is_found() -> None:
    assert grammar_copies(f"var SHORT = {OLD_GRAMMAR};") == [f"= {OLD_GRAMMAR}"]
    as_string = json.dumps(OLD_GRAMMAR.removeprefix("/").removesuffix("/i"))
    assert grammar_copies(f'var SHORT = new RegExp({as_string}, "i");') == [f"new RegExp({as_string}"]
    assert grammar_copies(r"var SENTENCE = /^para_(\d+)__cmt_(\w+)$/; var HALF = 1 / 2, THIRD = 1 / 3;") == []


NUMBER_JOINED = re.compile(r"""\+\s*(["'])\.\1\s*\+|paragraph\s*\+\s*(["'])\.\2""")
"""A paragraph's and a sentence's number joined by a dot spelt in a script (``p + "." + s``), not by
``anchors.NUMBER_SEPARATOR``."""


def test_the_scripts_spell_no_rule_of_the_code() -> None:
    """The grammar of short references, how a sentence's number follows its paragraph's (``3.1``), the months, the
    date forms, the stand-in of the accessed date and the search index's folder have their homes in the code
    (``edition/anchors.py``, ``edition/dates.py``, ``edition/site/citations.py``, ``edition/urls.py``); the scripts
    take them from ``data/edition-rules.js``."""
    from edition.dates import MONTHS
    from edition.site import citations

    literals = [
        citations.ACCESSED,
        *MONTHS,
        *(f'"{order}"' for order in citations.DATE_FORMS),
        f'"{urls.SEARCH_INDEX}',  # the search index's folder (edition/urls.py)
    ]
    spelled = re.compile("|".join(rf"\b{re.escape(literal)}\b" if literal.isalpha() else re.escape(literal)
                                  for literal in literals))  # fmt: skip
    found = []
    for path, code in code_of(list(ASSETS.glob("*.js"))).items():
        found += [f"{path}: {match[0]}" for match in spelled.finditer(code)]
        found += [f"{path}: {copy}" for copy in grammar_copies(code)]
        found += [f"{path}: {match[0]}" for match in NUMBER_JOINED.finditer(code)]
    assert found == []


def test_the_examples_in_the_docstrings() -> None:
    """The module's examples, the grammar of short references among them, are what it does."""
    assert doctest.testmod(anchors, raise_on_error=True).attempted >= 8


def test_the_scripts_read_anchors_as_this_module_does() -> None:
    """The patterns handed to the scripts accept exactly the anchors this module makes."""
    rules = anchors.for_scripts()
    paragraph, sentence = re.compile(rules["paragraph"]), re.compile(rules["sentence"])
    for anchor in ("para_3", "para_3__cmt_1", "para_4__cmt_A1", "para_4__cmt_1AA", "para_0", "para_3__cmt_0", "x"):
        assert anchors.is_anchor(anchor) == bool(paragraph.fullmatch(anchor) or sentence.fullmatch(anchor))
    assert rules["paragraphPrefix"] + "3" + rules["sentenceSeparator"] + "A1" == anchors.sentence(3, "A1")
    assert "3" + rules["numberSeparator"] + "A1" == anchors.citation(3, "A1")


def test_every_anchor_is_a_short_reference_to_itself() -> None:
    """A reader may type an anchor as it is: the grammar reads it as the paragraph and sentence it names."""
    for anchor in ("para_3", "para_3__cmt_1", "para_4__cmt_A1", "para_4__cmt_1AA", "para_123456789__cmt_12B"):
        paragraph, sentence = anchors.parts(anchor)
        assert anchors.short_reference(anchor) == (str(paragraph), sentence or "")
