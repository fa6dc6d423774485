"""``python build_site.py import PATH``: from a statement's text as published to a draft statement file.

Fixtures in ``tests/import/``:

* ``layouts/*.txt`` - the official text of ``sources/`` laid out as other pages
  do (numbered ``1)`` and ``(1)``, bulleted, unnumbered, hard-wrapped, ...): each must give
  exactly the paragraphs and commitments of the curated statement file;
* ``bad/<case>.*`` with ``bad/<case>.err`` - input that is refused, and the exact standard
  error expected (a new case needs no Python: add the two files);
* ``<id>.yaml`` - the whole draft that importing the source gives (regenerate with
  ``python build_site.py import sources/<id>.txt > tests/import/<id>.yaml``
  after a deliberate change, and read the diff).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import build_site
from edition import importer
from edition.importer import dates, draft, guesses, layout, sentences
from edition.importer.layout import Header, PublishedParagraph, PublishedText
from edition.statements.model import Statement
from edition.statements.validation import read_statement
from edition.vocabulary import TOPICS
from tests.conftest import ROOT, SOURCES, STATEMENT_ID, run_build_site, run_build_site_here
from tests.sources import published

FIXTURES = Path(__file__).parent / "import"
LAYOUTS = FIXTURES / "layouts"
BAD = FIXTURES / "bad"
SOURCE = SOURCES / f"{STATEMENT_ID}.txt"
SOURCE_URL = "https://www.nato.int/docu/pr/2001/p011207e.htm"


def curated() -> Statement:
    """The curated statement file, as validation reads it."""
    statement, problems = read_statement(ROOT / "statements" / f"{STATEMENT_ID}.yaml")
    assert statement is not None, problems
    return statement


def text_of(statement: Statement) -> list[tuple[int, list[str]]]:
    """Each paragraph's number with its commitments' words."""
    return [(p.number, [c.text for c in p.sentences]) for p in statement.paragraphs]


def text_of_draft(data: dict[str, Any]) -> list[tuple[int, list[str]]]:
    """The same, from a draft read with YAML's safe loader."""
    return [(p["number"], [c["text"] for c in p["commitments"]]) for p in data["paragraphs"]]


def imported(path: Path) -> dict[str, Any]:
    """The draft for ``path``, read back with YAML's safe loader."""
    data = yaml.safe_load(importer.import_statement(path).text)
    assert isinstance(data, dict)
    return data


# The round trip: the published text gives the curated paragraphs and commitments, whatever the layout.


@pytest.mark.parametrize("path", [SOURCE, *sorted(LAYOUTS.glob("*.txt"))], ids=lambda path: path.stem)
def test_every_layout_gives_the_curated_paragraphs_and_commitments(path: Path) -> None:
    assert text_of_draft(imported(path)) == text_of(curated())


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda data: b"\xef\xbb\xbf" + data, id="byte-order-mark"),
        pytest.param(lambda data: data.replace(b"\n", b"\r\n"), id="crlf-line-endings"),
        pytest.param(lambda data: data.replace(b"\n", b"\r"), id="cr-line-endings"),
        pytest.param(lambda data: data.replace(b"  1. ", b"\t1.\t").replace(b". We", b".  We"), id="tabs-and-spaces"),
    ],
)
def test_encodings_and_spacing_do_not_change_the_words(transform: Any, tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_bytes(transform(SOURCE.read_bytes()))
    assert text_of_draft(imported(path)) == text_of(curated())


def test_the_draft_of_the_source_is_the_golden_file() -> None:
    expected = (FIXTURES / f"{STATEMENT_ID}.yaml").read_text(encoding="utf-8")
    assert importer.import_statement(SOURCE).text == expected


def test_joining_a_paragraphs_commitments_gives_the_paragraph_as_published() -> None:
    assert {number: " ".join(texts) for number, texts in text_of_draft(imported(SOURCE))} == published().paragraphs


# The header: metadata, not furniture.


def test_the_header_becomes_metadata() -> None:
    data, statement = imported(SOURCE), curated()
    assert {key: data[key] for key in ("title", "subtitle", "document_type", "date", "place", "issuer")} == {
        "title": "NATO-Russia Joint Statement",
        "subtitle": statement.subtitle,
        "document_type": "NATO Press Statement",
        "date": datetime.date(2001, 12, 7),
        "place": "Brussels",
        "issuer": {"body": "NATO-Russia Permanent Joint Council", "level": "Foreign Ministers"},
    }
    assert data["source"] == {"url": draft.SOURCE_URL, "publisher": "NATO", "updated": datetime.date(2001, 12, 7)}
    assert "Go to" not in importer.import_statement(SOURCE).text


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("7 Dec. 2001", datetime.date(2001, 12, 7)),
        ("7 December 2001", datetime.date(2001, 12, 7)),
        ("07-Dec-2001", datetime.date(2001, 12, 7)),
        ("December 7, 2001", datetime.date(2001, 12, 7)),
        ("14 Sept. 2002", datetime.date(2002, 9, 14)),
        ("31 June 2001", None),
        ("NATO-Russia Joint Statement", None),
    ],
)
def test_dates_in_the_forms_pages_use(written: str, expected: datetime.date | None) -> None:
    assert dates.day(written) == expected


def test_dates_that_disagree_are_marked_for_review(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(SOURCE.read_text(encoding="utf-8").replace("7 Dec. 2001", "8 Dec. 2001"), encoding="utf-8")
    lines = importer.import_statement(path).text.splitlines()
    assert "# REVIEW: the date line says 2001-12-08 but the descriptive line says 2001-12-07" in lines
    assert "# REVIEW: the page says it was updated on 2001-12-07, before the statement's date" in lines


# The draft: valid, exact, and every guess marked.


def test_drafts_pass_check_once_saved_under_a_new_id(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layouts = [SOURCE, *sorted(LAYOUTS.glob("*.txt"))]
    for path in layouts:
        name = f"2001-12-07-imported-{path.stem.removeprefix('2001-12-07-')}.yaml"
        (project / "statements" / name).write_text(importer.import_statement(path).text, encoding="utf-8")
    status = build_site.main(["--root", str(project), "check"])
    statements, paragraphs, commitments = len(layouts) + 1, 4 * (len(layouts) + 1), 13 * (len(layouts) + 1)
    assert (status, capsys.readouterr()) == (
        0,
        (f"check: valid: {statements} statement(s), {paragraphs} paragraphs, {commitments} sentences\n", ""),
    )


def test_import_output_then_check_as_a_user_does(project: Path) -> None:
    output = "statements/2001-12-07-nato-russia-joint-statement-imported.yaml"
    result = run_build_site(
        project, "import", str(SOURCE), "--output", output, "--source-url", SOURCE_URL, "--publisher", "NATO"
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"import: wrote {output}: 4 paragraphs, 13 sentences, 40 marks to review\n",
        "",
    )
    written = (project / output).read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=statement.schema.json\n")
    assert yaml.safe_load(written)["source"] == {
        "url": SOURCE_URL,
        "publisher": "NATO",
        "updated": datetime.date(2001, 12, 7),
    }
    check = run_build_site(project, "check")
    assert (check.returncode, check.stdout, check.stderr) == (
        0,
        "check: valid: 2 statement(s), 8 paragraphs, 26 sentences\n",
        "",
    )


def test_a_bare_text_gives_placeholders_that_validate(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = project / "bare.txt"
    source.write_text("7 Dec. 2001\n\nWe condemn terrorism in all its manifestations.\n", encoding="utf-8")
    text = importer.import_statement(source).text
    assert [line for line in text.splitlines() if "REVIEW" in line and "# REVIEW" in line][:6] == [
        "title: REVIEW  # REVIEW: no title found before the paragraphs",
        "document_type: REVIEW  # REVIEW: e.g. Press Statement",
        "place: REVIEW  # REVIEW: not found in the text: where it was issued",
        "  body: REVIEW  # REVIEW: not found in the text: who issued it",
        "  url: https://invalid.example/REVIEW-source-url  # REVIEW: the address of the published text "
        "(import --source-url URL)",
        "  publisher: REVIEW  # REVIEW: not found in the text: who publishes it (--publisher)",
    ]
    (project / "statements" / "2001-12-07-bare.yaml").write_text(text, encoding="utf-8")
    assert build_site.main(["--root", str(project), "check"]) == 0, capsys.readouterr().err


def test_every_guess_is_marked_for_review() -> None:
    lines = importer.import_statement(SOURCE).text.splitlines()
    guessed = [line for line in lines if line.strip().split(":")[0] in ("kind", "topics", "references", "deadline")]
    assert len(guessed) == 13 + 13 + 3 + 1  # kinds, topics, references, deadline
    assert all("  # REVIEW: " in line for line in guessed)
    for key in ("place", "body", "level", "url", "publisher"):
        assert any(line.strip().startswith(f"{key}: ") and "  # REVIEW: " in line for line in lines), key


@pytest.mark.parametrize(
    "words",
    [
        'The Council said: "We condemn terrorism." Ministers agreed.',
        "We note: a colon. # Not a comment. - Not a list item. [Not a list] {Not a map}.",
        "yes",
        "1368",
        "2002-05-14",
        "'Single quotes' at the start.",
        "& an anchor-like start, * an alias-like start, ! a tag-like start, % @ ` and | > too.",
        "A backslash \\ and a tab-like \\t, and “typographic” quotes — and a very long paragraph " * 4 + "end.",
        "Ends with a colon:",
    ],
)
def test_yaml_reads_back_exactly_the_published_words(words: str) -> None:
    header = Header("Title: with a colon", "# not a comment", datetime.date(2001, 12, 7), None, None, ())
    published = PublishedText(header, (PublishedParagraph(1, words, 1, ()),), "separated by blank lines")
    data = yaml.safe_load(draft.write(published, "words.txt", None, None).text)
    assert (data["title"], data["subtitle"]) == ("Title: with a colon", "# not a comment")
    assert " ".join(c["text"] for c in data["paragraphs"][0]["commitments"]) == words


# Guesses, compared with the curated annotation.


def test_guessed_kinds_match_the_curated_file() -> None:
    guessed = [c["kind"] for p in imported(SOURCE)["paragraphs"] for c in p["commitments"]]
    assert guessed == [c.kind for c in curated().sentences]


def test_guessed_topics_match_the_curated_file_in_11_of_13_commitments() -> None:
    guessed = [c["topics"] for p in imported(SOURCE)["paragraphs"] for c in p["commitments"]]
    differ = [
        (c.citation_number, topics)
        for c, topics in zip(curated().sentences, guessed, strict=True)
        if list(c.topics) != topics
    ]
    assert differ == [
        ("4.1", ["nato-russia-relations"]),  # curated: terrorism ("these tragic events"), then NATO-Russia relations
        ("4.3", [*curated().sentences[12].topics, "nato-russia-relations"]),  # "a qualitatively new relationship"
    ]


def test_references_and_documents_match_the_curated_file() -> None:
    data, statement = imported(SOURCE), curated()
    assert [c.get("references", []) for p in data["paragraphs"] for c in p["commitments"]] == [
        list(c.references) for c in statement.sentences
    ]
    assert [(d["id"], d["mentions"]) for d in data["documents"]] == [
        (d.id, list(d.mentions)) for d in statement.documents
    ]
    assert data["documents"][0] == {
        "id": "founding-act",
        "title": statement.documents[0].title,
        "short_title": "NATO-Russia Founding Act",
        "date": statement.documents[0].date,
        "url": statement.documents[0].url,
        "mentions": ["NATO-Russia Founding Act", "Founding Act"],
    }
    assert {key: data["documents"][1][key] for key in ("title", "date", "url")} == {
        "title": "United Nations Security Council Resolution 1368",
        "date": datetime.date(1, 1, 1),
        "url": draft.DOCUMENT_URL,
    }


def test_a_resolution_with_its_year_gets_its_address() -> None:
    [document] = guesses.references("We recall United Nations Security Council Resolution 1244 (1999).")
    assert (document.id, document.title, document.url, document.mentions) == (
        "unscr-1244",
        "United Nations Security Council Resolution 1244 (1999)",
        "https://undocs.org/S/RES/1244(1999)",
        ("United Nations Security Council Resolution 1244 (1999)",),
    )


def test_a_named_act_is_proposed_with_placeholders() -> None:
    assert guesses.references("We reaffirm our commitment to the Helsinki Final Act and the UN Charter.") == [
        guesses.GuessedDocument("helsinki-final-act", "Helsinki Final Act", None, None, None, ("Helsinki Final Act",)),
        guesses.GuessedDocument("un-charter", "UN Charter", None, None, None, ("UN Charter",)),
    ]


def test_the_deadline_is_proposed() -> None:
    data = imported(SOURCE)
    deadlines = [
        (c["text"][:9], c["deadline"]) for p in data["paragraphs"] for c in p["commitments"] if "deadline" in c
    ]
    assert deadlines == [("We intend", {"date": "2002-05", "event": "our meeting in Reykjavik"})]


def test_a_date_before_the_statement_is_no_deadline() -> None:
    issued = datetime.date(2002, 5, 14)
    assert guesses.deadline("They noted the initiative of 7 December 2001 by their Ministers.", issued) is None
    deadline = guesses.deadline("The work will be completed by 28 May 2002.", issued)
    assert deadline == guesses.GuessedDeadline("2002-05-28", None, "by 28 May 2002")


def test_every_topic_has_keywords() -> None:
    assert list(guesses.TOPIC_CUES) == [term.id for term in TOPICS]


# Sentences: the segmentation library and the project's rules on top.


@pytest.mark.parametrize(
    "expected",
    [
        ["The meeting was held on 7 Dec. 2001 in Brussels.", "Ministers attended."],
        ["The U.S. delegation agreed.", "Russia concurred."],
        ["We recall Resolution No. 5 of the Council.", "It was adopted unanimously."],
        ["They will meet in St. Petersburg in May.", "The talks will continue."],
        ["The treaty was signed by J. F. Kennedy in 1963.", "It entered into force later."],
        ["Some 1.5 million people were displaced.", "Aid was sent at once."],
        ['The Council said: "We condemn terrorism."', "Ministers agreed."],
        ["The procedure is set out in the Founding Act (see para. 3.) and will be reviewed.", "We welcome it."],
        ["We agreed on the text.", "(The annex is attached.)", "We will continue."],
        ["The sum is EUR 2.5 bn. per year.", "It is sufficient."],
        ["Paragraph 3 of the Charter (Art. 51) applies.", "We reaffirm it."],
        ["The Council met on Sept. 12.", "It adopted Res. 1368."],
        ["Amb. N. Afanasievsky represented Russia.", "He signed the text."],
        ["H.E. Mr. Lavrov spoke for Russia.", "He welcomed the text."],
        ["We recall Nos. 1 and 2 of the Annex.", "They remain valid."],
        ["The text is reproduced in Vol. 2, pp. 3-5.", "It is authentic."],
        ["The operation involves approx. 20,000 troops.", "It is led by NATO."],
        ["In 2001 the Council met 3 times.", "4 more meetings are planned."],
        ["“We condemn terrorism.”", "Ministers agreed."],
        ["Is this enough?", "We think not!", "More is needed."],
    ],
    ids=lambda expected: expected[0][:40],
)
def test_sentences_are_split_robustly(expected: list[str]) -> None:
    assert [s.text for s in sentences.split(" ".join(expected))] == expected


def test_a_doubtful_cut_after_initials_is_marked_for_review() -> None:
    found = sentences.split("We met with the U.S. Secretary of State. The talks were useful.")
    assert [(s.text, s.doubts) for s in found] == [
        (
            "We met with the U.S.",
            ("it is taken to end after the abbreviation 'U.S.': if the sentence goes on, join it with the next",),
        ),
        ("Secretary of State.", ()),
        ("The talks were useful.", ()),
    ]


words = st.text(alphabet=st.sampled_from("abcXYZ019.,;:!?()\"“”'-…"), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, min_size=1, max_size=30))
def test_sentences_always_give_the_paragraph_back(paragraph_words: list[str]) -> None:
    paragraph = " ".join(paragraph_words)
    found = sentences.split(paragraph)
    assert " ".join(s.text for s in found) == paragraph
    assert all(s.text and s.text == s.text.strip() for s in found)


def test_invisible_characters_are_kept_as_escapes_that_pass_check(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = project / "invisible.txt"
    words = ["We welcome co\u00adoperation.", "The mechanism will be in place by\u200b December 2002."]
    source.write_text(f"7 Dec. 2001\n\nNATO\u200b Statement\n\n1. {' '.join(words)}\n", encoding="utf-8")
    text = importer.import_statement(source).text
    assert '      - text: "We welcome co\\u00ADoperation."' in text.splitlines()
    assert '        deadline:  # REVIEW: guessed from "by\\u200B December 2002"' in text.splitlines()
    data = yaml.safe_load(text)
    assert (data["title"], text_of_draft(data)) == ("NATO\u200b Statement", [(1, words)])
    (project / "statements" / "2001-12-07-invisible.yaml").write_text(text, encoding="utf-8")
    assert build_site.main(["--root", str(project), "check"]) == 0, capsys.readouterr().err


# Layout details.


def test_a_number_at_the_start_of_a_wrapped_line_continues_the_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(
        "7 Dec. 2001\n\nTitle\n\n1. The Council met on 7 December\n2001. It agreed.\n2. We welcome it.\n",
        encoding="utf-8",
    )
    assert text_of_draft(imported(path)) == [
        (1, ["The Council met on 7 December 2001.", "It agreed."]),
        (2, ["We welcome it."]),
    ]


def numbered_text(count: int) -> str:
    """A published text of ``count`` paragraphs numbered "1.", "2.", ..., each of two sentences."""
    paragraphs = "".join(f"{number}. Paragraph {number} is here. We agree.\n" for number in range(1, count + 1))
    return f"Long Statement\n\n7 Dec. 2001\n\n{paragraphs}"


def test_paragraphs_are_numbered_beyond_999(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(numbered_text(1200), encoding="utf-8")
    published = layout.parse(path, importer.read(path))
    assert [paragraph.number for paragraph in published.paragraphs] == list(range(1, 1201))
    assert [paragraph.text for paragraph in published.paragraphs[998:1001]] == [
        "Paragraph 999 is here. We agree.",
        "Paragraph 1000 is here. We agree.",
        "Paragraph 1001 is here. We agree.",
    ]


@pytest.mark.build  # several seconds: a long text, read whole
def test_ten_thousand_paragraphs_are_imported_whole(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(numbered_text(10_000), encoding="utf-8")
    result = importer.import_statement(path)
    data = yaml.safe_load(result.text)
    assert (result.paragraphs, result.commitments) == (10_000, 20_000)
    assert [paragraph["number"] for paragraph in data["paragraphs"]] == list(range(1, 10_001))
    assert text_of_draft(data)[-1] == (10_000, ["Paragraph 10000 is here.", "We agree."])


def test_a_line_ending_with_a_hyphen_is_joined_with_a_space_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("7 Dec. 2001\n\nTitle\n\n1. We welcome co-\nordinated responses.\n", encoding="utf-8")
    text = importer.import_statement(path).text
    assert "    # REVIEW: line 5 ends with a hyphen and was joined to the next with a space ('co- ordinated'): " in text
    assert text_of_draft(yaml.safe_load(text)) == [(1, ["We welcome co- ordinated responses."])]


def test_a_number_of_ten_digits_at_the_start_of_a_wrapped_line_stays_words(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("7 Dec. 2001\n\nTitle\n\n1. The fund holds EUR\n1234567890. It is enough.\n", encoding="utf-8")
    assert text_of_draft(imported(path)) == [(1, ["The fund holds EUR 1234567890.", "It is enough."])]


@pytest.mark.parametrize(
    ("page", "place"),
    [
        pytest.param("<!-- saved from url=(0014)about:internet -->\n<html>\n", "2:1", id="comment"),
        pytest.param("<!--\n  saved\n-->  <!-- again --> <!DOCTYPE HTML PUBLIC>\n", "3:21", id="comments"),
        pytest.param('<?xml version="1.0"?>\r\n<!-- x -->\r\n  <html>\r\n', "3:3", id="xml-declaration"),
    ],
)
def test_an_html_page_is_refused_whatever_comments_come_first(
    page: str, place: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "page.html").write_bytes((page + "<body>7 Dec. 2001\n\n1. We agree.</body></html>\n").encode())
    monkeypatch.chdir(tmp_path)
    assert build_site.main(["import", "page.html"]) == 1
    assert capsys.readouterr().err == (
        f"page.html:{place}: this is an HTML page, not the statement's text; open it in a browser, "
        "copy the statement's text and import that\n1 problem in 1 file\n"
    )


def test_a_text_that_starts_with_a_comment_is_no_html_page(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("<!-- copied by hand -->\n\n7 Dec. 2001\n\nTitle\n\n1. We agree.\n", encoding="utf-8")
    assert text_of_draft(imported(path)) == [(1, ["We agree."])]


# The command line: exit status, exact errors, --output.


@pytest.mark.parametrize(
    "case", sorted(p.name for p in BAD.iterdir() if p.suffix != ".err"), ids=lambda name: name.split(".")[0]
)
def test_bad_input_gives_one_clear_line_and_exit_1(
    case: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    status = build_site.main(["import", case])
    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err == (BAD / f"{case.split('.')[0]}.err").read_text(encoding="utf-8")


def test_every_bad_case_has_its_expected_lines() -> None:
    cases = sorted(p.name.split(".")[0] for p in BAD.iterdir() if p.suffix != ".err")
    assert sorted(p.stem for p in BAD.glob("*.err")) == cases


def test_import_prints_the_draft_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_build_site_here(ROOT, capsys, "import", str(SOURCE))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (FIXTURES / f"{STATEMENT_ID}.yaml").read_text(encoding="utf-8")


def test_output_never_overwrites_a_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = f"statements/{STATEMENT_ID}.yaml"
    before = (project / existing).read_bytes()
    result = run_build_site_here(project, capsys, "import", str(SOURCE), "--output", existing)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"{existing}:1:1: {importer.EXISTS}\n1 problem in 1 file\n",
    )
    assert (project / existing).read_bytes() == before


def test_output_is_created_only_on_success(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = str(BAD / "page.html")
    result = run_build_site_here(project, capsys, "import", page, "--output", "statements/2001-12-07-page.yaml")
    assert result.returncode == 1
    assert not (project / "statements" / "2001-12-07-page.yaml").exists()


def test_import_has_help() -> None:
    result = run_build_site(ROOT, "import", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: build_site.py import [-h] [--output FILE] [--source-url URL]")


def test_a_bad_source_url_is_a_usage_error() -> None:
    result = run_build_site(ROOT, "import", str(SOURCE), "--source-url", "www.nato.int")
    assert result.returncode == 2
    assert result.stderr.endswith(
        "build_site.py import: error: argument --source-url: must be an absolute http(s) URL, got 'www.nato.int'\n"
    )


def test_the_readme_documents_the_workflow_and_its_placeholders() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Adding a statement\n", 1)[1].split("\n## ", 1)[0]
    for words in ("python build_site.py import", "--output", "--source-url", "--publisher", "# REVIEW: ..."):
        assert words in section, words
    for placeholder in (draft.SOURCE_URL, draft.DOCUMENT_URL, draft.UNKNOWN_DATE, f"`{draft.UNKNOWN}`"):
        assert placeholder in section, placeholder
