"""Citations in OSCOLA, Chicago (notes) and APA, and the files for reference managers.

The expected citations were checked by hand against the style guides; the comment
beside each says which rules it follows. The accessed date is the reader's today,
filled in by the page: here it is :data:`edition.site.citations.ACCESSED`, shown as the
date a reader on 2 December 2026 would get.
"""

from __future__ import annotations

import datetime
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from edition.build.generation import STATEMENT_FILES
from edition.dates import MONTHS
from edition.site import citations
from edition.site.citations import (
    ACCESSED,
    STYLES,
    Style,
    bibtex,
    bibtex_text,
    citation_data,
    completed,
    csl_json,
    ris,
)
from edition.statements.characters import yaml_quoted
from edition.statements.model import Statement
from edition.statements.validation import read_statement
from edition.values import text_fault
from tests.conftest import ROOT, STATEMENT_ID, run_build_site
from tests.test_escaping import NASTY, TITLE, nasty_statement

SITE = "https://example.org/edition/"
PAGE = f"{SITE}statements/{STATEMENT_ID}/"
TODAY = {"dmy": "2 December 2026", "mdy": "December 2, 2026"}
"""The accessed date as the page's script writes it for each date order."""


def style(style_id: str) -> Style:
    return next(style for style in STYLES if style.id == style_id)


def parts_of(statement: Statement) -> list[tuple[str, str]]:
    """Each paragraph and sentence of ``statement``, as its anchor and pinpoint."""
    return [(anchor, pinpoint) for anchor, pinpoint in citations.pinpoints(statement) if pinpoint is not None]


def cited(statement: Statement, style_id: str, anchor: str, pinpoint: str | None) -> str:
    """The citation as a reader copies it on 2 December 2026."""
    chosen = style(style_id)
    return citations.citation(statement, SITE, chosen, anchor, pinpoint).replace(ACCESSED, TODAY[chosen.date])


def test_the_edition_name_is_the_site_name() -> None:
    config = yaml.compose((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert isinstance(config, yaml.MappingNode)
    assert [value.value for key, value in config.value if key.value == "site_name"] == [citations.EDITION_NAME]


def test_the_styles_are_the_csl_files_shipped_with_the_package() -> None:
    readme = (citations.CSL_FOLDER / "README.md").read_text(encoding="utf-8")
    for chosen in STYLES:
        assert (citations.CSL_FOLDER / chosen.csl).is_file()
        assert f"`{chosen.csl}`" in readme


# OSCOLA 4th edition, 3.4 "Other secondary sources": "author, | ‘title’ | (additional
# information, | publisher | year)", with "<URL> accessed date" for a source read online
# (3.3.4 "Websites and blogs"). The work is the official statement: its document type is the
# additional information, NATO its publisher, the statement's own date the date; this edition
# is where it was read, at the URL, so the date never stands beside the edition's name.
# Titles of secondary sources in single quotation marks (3.1); an institution as author
# (3.1.1); a pinpoint after the publication details, "para" without a full stop (1.1.3,
# 1.6.1), and a sentence within it named in words ("para 3, sentence 1"): the sentence
# numbers are this edition's, and "para 3.1" would read as an official sub-paragraph.
# A footnote ends with a full stop (1.1.2).
OSCOLA_WORK = (
    "NATO-Russia Permanent Joint Council, ‘NATO-Russia Joint Statement’ (NATO Press Statement, NATO 7 December 2001)"
)
OSCOLA = [
    ("", None, f"{OSCOLA_WORK} <{PAGE}> accessed 2 December 2026."),
    ("para_3", "3", f"{OSCOLA_WORK} para 3 <{PAGE}#para_3> accessed 2 December 2026."),
    (
        "para_3__cmt_1",
        "3, sentence 1",
        f"{OSCOLA_WORK} para 3, sentence 1 <{PAGE}#para_3__cmt_1> accessed 2 December 2026.",
    ),
]

# Chicago 17th, notes. A document in a collection (14.221, 14.232): author, "Title," description
# (the document type), publisher, date, pinpoint, the collection (this edition), then, read
# online, "accessed Month Day, Year" immediately before the URL (14.12). Commas and full stops
# inside the closing quotation mark (6.9); a pinpoint to a paragraph as "para." (14.154), the
# sentence in words after it; a note ends with a full stop (14.20). The style (the CSL file of
# the 18th edition, whose notes for these are the 17th's) leaves out the place of publication.
CHICAGO_WORK = (
    "NATO-Russia Permanent Joint Council, “NATO-Russia Joint Statement,” NATO Press Statement, NATO, December 7, 2001"
)
CHICAGO_EDITION = "Diplomatic Statements — Reference Edition, accessed December 2, 2026"
CHICAGO = [
    ("", None, f"{CHICAGO_WORK}, {CHICAGO_EDITION}, {PAGE}."),
    ("para_3", "3", f"{CHICAGO_WORK}, para. 3, {CHICAGO_EDITION}, {PAGE}#para_3."),
    (
        "para_3__cmt_1",
        "3, sentence 1",
        f"{CHICAGO_WORK}, para. 3, sentence 1, {CHICAGO_EDITION}, {PAGE}#para_3__cmt_1.",
    ),
]

# APA 7th. Reference entry of a press release or other document of an organisation (10.16 and
# its "press release" example): Author. (Year, Month Day). Title [Description]. Publisher. URL;
# a group author spelled out (9.11), the title of a work that stands alone in italics (9.19,
# kept in the HTML copy), the description in square brackets (9.21), the publisher (9.29; here
# not the author), then the database or archive that holds the copy read (9.30), this edition;
# no retrieval date for a dated document not designed to change (9.16), no full stop after the
# URL (9.35). Then the in-text citation, where APA puts a pinpoint: (Author, Year, para. 3)
# (8.13, 8.28), the sentence in words after it.
APA_ENTRY = (
    "NATO-Russia Permanent Joint Council. (2001, December 7). NATO-Russia Joint Statement [NATO Press Statement]. "
    "NATO. Diplomatic Statements — Reference Edition. "
)
APA = [
    ("", None, f"{APA_ENTRY}{PAGE}\n(NATO-Russia Permanent Joint Council, 2001)"),
    ("para_3", "3", f"{APA_ENTRY}{PAGE}#para_3\n(NATO-Russia Permanent Joint Council, 2001, para. 3)"),
    (
        "para_3__cmt_1",
        "3, sentence 1",
        f"{APA_ENTRY}{PAGE}#para_3__cmt_1\n(NATO-Russia Permanent Joint Council, 2001, para. 3, sentence 1)",
    ),
]

EXPECTED = [
    pytest.param(style_id, anchor, pinpoint, text, id=f"{style_id}-{anchor or 'statement'}")
    for style_id, cases in (("oscola", OSCOLA), ("chicago", CHICAGO), ("apa", APA))
    for anchor, pinpoint, text in cases
]


@pytest.mark.parametrize(("style_id", "anchor", "pinpoint", "expected"), EXPECTED)
def test_citation_follows_the_style_guide(
    statement: Statement, style_id: str, anchor: str, pinpoint: str | None, expected: str
) -> None:
    assert cited(statement, style_id, anchor, pinpoint) == expected


PARAGRAPH_3 = {
    "OSCOLA": OSCOLA[1][2],
    "Chicago (notes)": CHICAGO[1][2],
    "APA": APA[1][2],
}
"""What a reader on 2 December 2026 copies for paragraph 3 from the Cite menu, by the menu's name of each style."""


def test_the_rendered_page_offers_each_style_s_citation_of_paragraph_3(project: Path) -> None:
    """The Cite menu's data as the render writes it into the statement page: the styles by the names readers see,
    and their citations, the reader's today filled in as the page's script fills it in (the code's date forms)."""
    from tests.html import attribute, one, parse

    assert run_build_site(project, "render", site_url=SITE).returncode == 0
    page = parse(project / "docs" / "statements" / STATEMENT_ID / "index.md")
    data = json.loads(attribute(one(page, id="stmt-citations"), "data-citations"))
    today = {order: form.format(day=2, month="December", year=2026) for order, form in citations.DATE_FORMS.items()}
    offered = {
        style["label"]: completed(data["part"]["text"][style["id"]], "para_3", "3").replace(
            ACCESSED, today[style["date"]]
        )
        for style in data["styles"]
    }
    assert offered == PARAGRAPH_3
    assert list(offered) == ["OSCOLA", "Chicago (notes)", "APA"]  # the order of the menu


@pytest.mark.parametrize("chosen", [chosen for chosen in STYLES if chosen.accessed], ids=lambda chosen: chosen.id)
def test_the_page_writes_today_as_the_style_writes_a_date(chosen: Style) -> None:
    """The page fills in the accessed date by the code's date form; citeproc-py, given that date, writes the same."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    item = {
        "id": "x",
        "type": "webpage",
        "title": "T",
        "URL": "https://example.org/",
        "issued": {"date-parts": [[2001]]},
    }
    item["accessed"] = {"date-parts": [[2026, 12, 2]]}
    bibliography = CitationStylesBibliography(citations._style(chosen.csl), CiteProcJSON([item]), formatter.plain)
    cite = Citation([CitationItem("x")])
    bibliography.register(cite)
    written = str(bibliography.cite(cite, lambda item: None))
    assert citations.DATE_FORMS[chosen.date].format(day=2, month="December", year=2026) in written


def test_the_page_prints_its_date_as_the_edition_writes_dates() -> None:
    from edition.dates import long_date

    form = citations.DATE_FORMS[citations.EDITION_ORDER]
    for date in (datetime.date(2001, 12, 7), datetime.date(2026, 5, 31)):
        assert form.format(day=date.day, month=MONTHS[date.month - 1], year=date.year) == long_date(date)


def test_pinpoints_name_a_sentence_within_its_paragraph(statement: Statement) -> None:
    """A sentence's pinpoint is its paragraph, then the sentence in words: never "1.1", an official sub-paragraph."""
    found = list(citations.pinpoints(statement))
    assert found[:5] == [("", None), ("para_1", "1"), ("para_1__cmt_1", "1, sentence 1"),
                         ("para_1__cmt_2", "1, sentence 2"), ("para_1__cmt_3", "1, sentence 3")]  # fmt: skip
    assert len(found) == 1 + len(statement.paragraphs) + len(statement.sentences)
    assert citations.pinpoint(3, "1A") == "3, sentence 1A"  # a sentence inserted after publication


def test_citation_data_holds_the_statement_s_citation_and_a_part_s_per_style_and_form(statement: Statement) -> None:
    """One citation of the statement and one of a part per style and form, however many parts: before, the page
    held each paragraph's and sentence's (17 parts, 66.8 KiB a page)."""
    data: dict[str, Any] = json.loads(citation_data(statement, SITE))
    assert list(data) == ["styles", "statement", "part"]
    for cited in (data["statement"], data["part"]):
        assert list(cited) == ["text", "html"]
        for texts in cited.values():
            assert list(texts) == ["oscola", "chicago", "apa"]
            for chosen in STYLES:
                assert texts[chosen.id].count(ACCESSED) == (1 if chosen.accessed else 0)
    for form in citations.FORMS:
        for chosen in STYLES:
            assert data["statement"][form][chosen.id] == citations.citation(statement, SITE, chosen, form=form)
            part = data["part"][form][chosen.id]
            assert part == citations.part_citation(statement, SITE, chosen, form)
            assert (part.count(citations._PINPOINT), part.count(citations._ANCHOR)) == (1, 1)
            assert f"{PAGE}#{citations._ANCHOR}" in part


def test_the_page_s_citations_hold_no_control_character_as_it_is(statement: Statement) -> None:
    """The stand-ins of a part's pinpoint and anchor are written as JSON escapes, and named so to the script."""
    text = citation_data(statement, SITE)
    assert text.isprintable()
    assert text.count("\\u0091") == text.count("\\u0092") == 2 * len(STYLES)
    rules = json.loads(json.dumps(citations.for_scripts()))
    assert (rules["pinpoint"], rules["anchor"]) == (citations._PINPOINT, citations._ANCHOR)


def test_the_html_of_a_citation_keeps_apa_s_italics_and_escapes_the_rest(statement: Statement) -> None:
    """APA 7th 9.19: the title of a work that stands alone is in italics; plain text loses them, HTML keeps them."""
    part = json.loads(citation_data(statement, SITE))["part"]["html"]
    assert completed(part["apa"], "para_3__cmt_1", "3, sentence 1") == (
        "NATO-Russia Permanent Joint Council. (2001, December 7). <i>NATO-Russia Joint Statement</i> [NATO Press "
        f"Statement]. NATO. Diplomatic Statements — Reference Edition. {PAGE}#para_3__cmt_1<br>"
        "(NATO-Russia Permanent Joint Council, 2001, para. 3, sentence 1)"
    )
    assert (
        completed(part["oscola"], "para_3", "3") == f"{OSCOLA_WORK} para 3 &lt;{PAGE}#para_3&gt; accessed {ACCESSED}."
    )
    assert completed(part["chicago"], "para_3", "3") == CHICAGO[1][2].replace("December 2, 2026", ACCESSED)


def test_the_html_of_a_hostile_title_is_text(tmp_path: Path) -> None:
    hostile = nasty_of(tmp_path)
    apa = completed(json.loads(citation_data(hostile, SITE))["part"]["html"]["apa"], "para_1", "1")
    assert re.sub(r"</?i>|<br>", "", apa) == html.escape(
        citations.citation(hostile, SITE, style("apa"), "para_1", "1"), quote=False
    ).replace("\n", "")


@pytest.mark.build  # every part of the statement cited by citeproc-py one at a time: 51 citations, most of a second
def test_every_part_is_cited_as_the_processor_cites_it_alone(statement: Statement) -> None:
    """A part's citation completed as the page completes it, for every part, style and form, is the one citeproc-py
    makes of that part alone."""
    data = json.loads(citation_data(statement, SITE))
    for anchor, pinpoint in parts_of(statement):
        for chosen in STYLES:
            for form in citations.FORMS:
                made = citations.citation(statement, SITE, chosen, anchor, pinpoint, form)
                assert completed(data["part"][form][chosen.id], anchor, pinpoint) == made


def retitled(folder: Path, title: str) -> Statement:
    """The real statement with the title ``title``, read from a file in ``folder``."""
    source = (ROOT / "statements" / f"{STATEMENT_ID}.yaml").read_text(encoding="utf-8")
    path = folder / f"{STATEMENT_ID}.yaml"
    text = source.replace("title: NATO-Russia Joint Statement", f"title: {yaml_quoted(title)}")
    path.write_text(text, encoding="utf-8")
    found, problems = read_statement(path)
    assert problems == [] and found is not None
    return found


@pytest.mark.build  # as the test above, every part cited by citeproc-py one at a time, for each title
@pytest.mark.parametrize("title", ["Statement 9999", "Statement #stmt-part"])
def test_a_title_holding_the_old_stand_ins_is_cited_once_per_style(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str
) -> None:
    """A title that holds "9999" or "#stmt-part", the stand-ins of old: before, every part was cited on its own."""
    found = retitled(tmp_path, title)
    renders = []

    def counted(style: Style, item: dict[str, Any], pinpoint: str | None) -> str:
        renders.append(style.id)
        return render(style, item, pinpoint)

    render = citations._render
    monkeypatch.setattr(citations, "_render", counted)
    data = json.loads(citation_data(found, SITE))
    # the statement, then a part, in each style: once, whatever the forms they are written in
    assert renders == [style_id for style_id in ("oscola", "chicago", "apa") for _ in ("statement", "part")]
    assert completed(data["part"]["text"]["apa"], "para_3__cmt_1", "3, sentence 1").endswith(
        "(NATO-Russia Permanent Joint Council, 2001, para. 3, sentence 1)"
    )
    for anchor, pinpoint in parts_of(found):
        for chosen in STYLES:
            made = citations.citation(found, SITE, chosen, anchor, pinpoint)
            assert completed(data["part"]["text"][chosen.id], anchor, pinpoint) == made


def test_the_stand_ins_are_characters_no_value_of_a_citation_holds() -> None:
    for stand_in in (citations._PINPOINT, citations._ANCHOR, citations._ACCESSED_STAND_IN, *citations._ITALIC):
        assert text_fault(f"Statement {stand_in}") is not None  # titles, bodies, places, document types
        assert not stand_in.isprintable()  # site addresses, statement ids
        assert stand_in not in citations.EDITION_NAME


def test_a_title_holding_the_accessed_date_of_old_is_cited(tmp_path: Path) -> None:
    """Before, the accessed date was rendered as 11 November 1111 and found by its text: such a title crashed."""
    found = retitled(tmp_path, "Statement of 11 November 1111 (November 11, 1111)")
    part = json.loads(citation_data(found, SITE))["part"]["text"]
    assert completed(part["oscola"], "para_3__cmt_1", "3, sentence 1") == (
        "NATO-Russia Permanent Joint Council, ‘Statement of 11 November 1111 (November 11, 1111)’ (NATO Press "
        f"Statement, NATO 7 December 2001) para 3, sentence 1 <{PAGE}#para_3__cmt_1> accessed {ACCESSED}."
    )
    assert completed(part["chicago"], "para_3__cmt_1", "3, sentence 1") == (
        "NATO-Russia Permanent Joint Council, “Statement of 11 November 1111 (November 11, 1111),” NATO Press "
        "Statement, NATO, December 7, 2001, para. 3, sentence 1, Diplomatic Statements — Reference Edition, "
        f"accessed {ACCESSED}, {PAGE}#para_3__cmt_1."
    )


def test_citation_data_is_safe_inside_a_script(tmp_path: Path) -> None:
    hostile = nasty_of(tmp_path)
    text = citation_data(hostile, SITE)
    assert not re.search("[<>&]", text)
    data = json.loads(text)
    oscola = data["part"]["text"]["oscola"]
    assert oscola.startswith(f"{NASTY[3]}, ‘{TITLE}’ (")  # every character as it is


def nasty_of(folder: Path) -> Statement:
    path = folder / "2001-12-07-nasty.yaml"
    path.write_text(nasty_statement(), encoding="utf-8")
    found, problems = read_statement(path)
    assert problems == []
    assert found is not None
    return found


def test_citations_keep_the_text_exactly(tmp_path: Path) -> None:
    hostile = nasty_of(tmp_path)
    chicago = cited(hostile, "chicago", "para_1", "1")
    assert chicago.startswith(f"{NASTY[3]}, “{TITLE},” {NASTY[1]}, {NASTY[7]}, December 7, 2001, para. 1, ")
    assert ", para. 1, Diplomatic Statements — Reference Edition, accessed December 2, 2026, " in chicago


BIBTEX = f"""\
@misc{{{STATEMENT_ID},
  author       = {{{{NATO-Russia Permanent Joint Council}}}},
  title        = {{{{NATO-Russia Joint Statement}}}},
  type         = {{NATO Press Statement}},
  publisher    = {{NATO}},
  howpublished = {{Diplomatic Statements — Reference Edition}},
  date         = {{2001-12-07}},
  year         = {{2001}},
  month        = dec,
  location     = {{Brussels}},
  address      = {{Brussels}},
  url          = {{{PAGE}}},
  urldate      = {{2026-11-27}},
  langid       = {{english}},
}}
"""

RIS = f"""\
TY  - ELEC
AU  - NATO-Russia Permanent Joint Council
TI  - NATO-Russia Joint Statement
M3  - NATO Press Statement
PB  - NATO
CY  - Brussels
PY  - 2001
DA  - 2001/12/07
T2  - Diplomatic Statements — Reference Edition
UR  - {PAGE}
Y2  - 2026/11/27
LA  - en
ER  - \n"""

CSL_ITEM = {
    "id": STATEMENT_ID,
    "type": "document",
    "author": [{"literal": "NATO-Russia Permanent Joint Council"}],
    "title": "NATO-Russia Joint Statement",
    "genre": "NATO Press Statement",
    "publisher": "NATO",
    "publisher-place": "Brussels",
    "issued": {"date-parts": [[2001, 12, 7]]},
    "archive": "Diplomatic Statements — Reference Edition",
    "URL": PAGE,
    "language": "en",
    "accessed": {"date-parts": [[2026, 11, 27]]},
}
"""The statement as CSL-JSON: the official statement as the work, NATO its publisher, this edition the collection
(``archive``) that holds the copy at the URL, accessed the day its words were last checked against the official
text (``source.checked``)."""


def test_bibtex(statement: Statement) -> None:
    assert bibtex(statement, SITE) == BIBTEX


def test_bibtex_escapes_its_special_characters() -> None:
    assert bibtex_text(r"a & b % c $ d # e _ f { g } h ~ i ^ j \ k") == (
        r"a \& b \% c \$ d \# e \_ f \{ g \} h \textasciitilde{} i \textasciicircum{} j \textbackslash{} k"
    )


def test_bibtex_fields_stay_balanced(tmp_path: Path) -> None:
    text = bibtex(nasty_of(tmp_path), SITE)
    unescaped = re.sub(r"\\[{}]", "", text)
    depth = 0
    for character in unescaped:
        depth += {"{": 1, "}": -1}.get(character, 0)
        assert depth >= 0
    assert depth == 0


def test_ris(statement: Statement) -> None:
    assert ris(statement, SITE) == RIS


def test_ris_values_stay_on_their_line(tmp_path: Path) -> None:
    text = ris(nasty_of(tmp_path), SITE)
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in text.splitlines())


def test_csl_json(statement: Statement) -> None:
    items = json.loads(csl_json(statement, SITE))
    assert items == [CSL_ITEM]
    assert csl_json(statement, SITE) == json.dumps([CSL_ITEM], indent=2, ensure_ascii=False) + "\n"


CSL_TYPES = {"article", "book", "document", "report", "webpage", "post-weblog", "speech", "treaty"}
"""Some of CSL 1.0.2's item types, the ones an official statement might be."""
CSL_DATE_KEYS, CSL_NAME_KEYS = {"date-parts", "literal", "raw"}, {"family", "given", "literal"}


def test_csl_json_has_the_shape_of_csl_json(statement: Statement) -> None:
    """The shape of CSL-JSON (the CSL project's csl-data.json schema), checked by hand."""
    (item,) = json.loads(csl_json(statement, SITE))
    assert isinstance(item["id"], str)
    assert item["type"] in CSL_TYPES
    for name in item["author"]:
        assert set(name) <= CSL_NAME_KEYS
    for date in ("issued", "accessed"):
        assert set(item[date]) <= CSL_DATE_KEYS
        (parts,) = item[date]["date-parts"]
        assert all(isinstance(part, int) for part in parts)
        assert len(parts) == 3
    strings = {key: value for key, value in item.items() if key not in ("author", "issued", "accessed")}
    assert all(isinstance(value, str) for value in strings.values())
    assert set(strings) <= {
        "id",
        "type",
        "title",
        "genre",
        "publisher",
        "publisher-place",
        "archive",
        "URL",
        "language",
    }


def test_render_writes_the_citation_files(project: Path) -> None:
    assert {"cite.bib", "cite.ris", "cite.json"} <= set(STATEMENT_FILES)
    result = run_build_site(project, "render", site_url=SITE)
    assert result.returncode == 0, result.stderr
    folder = project / "docs" / "statements" / STATEMENT_ID
    assert (folder / "cite.bib").read_text(encoding="utf-8") == BIBTEX
    assert (folder / "cite.ris").read_text(encoding="utf-8") == RIS
    assert json.loads((folder / "cite.json").read_text(encoding="utf-8")) == [CSL_ITEM]


def test_an_invalid_statement_writes_no_citation_file(project: Path) -> None:
    path = project / "statements" / f"{STATEMENT_ID}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("place: Brussels", "plcae: Brussels"), encoding="utf-8")
    assert run_build_site(project, "render").returncode == 1
    assert not (project / "docs" / "statements").exists()


def test_the_render_hash_covers_the_citation_styles(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A changed CSL file makes the next render cite again: output made with other styles is not reused."""
    from edition.build import cache

    package = tmp_path / "edition"
    (package / "csl").mkdir(parents=True)
    (package / "pages.py").write_text("PAGES = 1\n", encoding="utf-8")
    style = package / "csl" / "apa.csl"
    style.write_text("<style/>\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    before = cache.code_digest()
    style.write_text("<style version='1.0.2'/>\n", encoding="utf-8")
    assert cache.code_digest() != before


def test_citeproc_py_searches_a_style_once_per_element_and_expression(statement: Statement) -> None:
    """Before, citeproc-py searched the style's XML again for every citation: 43% of its time, in ``xpath_search``."""
    citation_data(statement, SITE)
    root = citations._style(style("chicago").csl).root
    found = root.xpath_search("cs:macro[@name='title-and-descriptions-note'][1]")
    assert len(found) == 1
    assert root.xpath_search("cs:macro[@name='title-and-descriptions-note'][1]") is found


VARIED_TITLES = [
    "NATO-Russia Joint Statement",
    "Is Peace Possible?",
    "Peace!",
    "Statement on the Alliance's Role.",
    'Statement on "Peace" and ‘Quiet’',
    "“Quoted” title",
    "Statement: the Alliance, 2001–2002 (revised) & annex",
    "a lower-case title with of and the",
    "NATO",
    "Title with <i>markup</i> & 5 < 6",
    "Déclaration conjointe — été",
    "Title, with a comma,",
]
VARIED_BODIES = ["NATO-Russia Permanent Joint Council", "NATO", "U.S. Department of State.", "O'Brien & Sons, Ltd."]
VARIED_KINDS = ["NATO Press Statement", "Communiqué", "Joint statement (final)", "Press release."]
VARIED_PUBLISHERS = ["NATO", "European Union", None]
"""``None``: the publisher is the issuing body, which APA then leaves out."""
VARIED_PLACES = ["Brussels", "Washington, D.C.", "St. Petersburg"]
VARIED_DATES = [
    datetime.date(2001, 12, 7),
    datetime.date(1990, 1, 1),
    datetime.date(2024, 2, 29),
    datetime.date(1999, 5, 31),
    datetime.date(2010, 9, 9),
    datetime.date(2026, 11, 30),
    datetime.date(1985, 3, 10),
    datetime.date(2015, 6, 15),
    datetime.date(2000, 7, 4),
    datetime.date(2005, 8, 20),
    datetime.date(2019, 10, 31),
    datetime.date(2022, 4, 2),
]
VARIED_SITES = ["https://example.org/edition/", "http://127.0.0.1:8000/"]
VARIED_PARTS = [("", None), ("para_3", "3"), ("para_12__cmt_1A", "12, sentence 1A")]


def varied_items(statement: Statement) -> list[tuple[dict[str, Any], str | None]]:
    """36 CSL items of the real statement changed in every field a citation shows, each with a part and pinpoint:
    titles with punctuation, bodies that end with a full stop, publishers that are the body, every month,
    days of one and two digits, with and without the day its words were checked."""
    items = []
    for number in range(36):  # each date (month) thrice, each time with another title
        body = VARIED_BODIES[number % len(VARIED_BODIES)]
        publisher = VARIED_PUBLISHERS[number % len(VARIED_PUBLISHERS)] or body
        anchor, pinpoint = VARIED_PARTS[number % len(VARIED_PARTS)]
        item = citations.csl_item(statement, VARIED_SITES[number % len(VARIED_SITES)], anchor)
        item.update(
            title=VARIED_TITLES[number // 3 % len(VARIED_TITLES)],
            author=[{"literal": body}],
            genre=VARIED_KINDS[number // 2 % len(VARIED_KINDS)],
            publisher=publisher,
            issued=citations._csl_date(VARIED_DATES[number % len(VARIED_DATES)]),
        )
        item["publisher-place"] = VARIED_PLACES[number // 4 % len(VARIED_PLACES)]
        if number % 5 == 0:
            del item["accessed"]
        items.append((item, pinpoint))
    return items


@pytest.mark.build
def test_the_citations_are_those_of_citeproc_py_as_published(
    statement: Statement, monkeypatch: pytest.MonkeyPatch
) -> None:
    """citeproc-py remembering its lookups in a style cites as citeproc-py as published, which reads each style
    afresh and searches it every time: 36 varied statements, each part's citation, in every style."""
    from citeproc import CitationStylesStyle, model

    items = varied_items(statement)
    remembered = {(item["id"], index, chosen.id): citations._render(chosen, item, pinpoint and citations._PINPOINT)
                  for index, (item, pinpoint) in enumerate(items) for chosen in STYLES}  # fmt: skip
    for kind in vars(model).values():
        for name in citations.REMEMBERED if isinstance(kind, type) else ():
            if name in vars(kind):
                monkeypatch.setattr(kind, name, vars(kind)[name].__wrapped__)
    read = {
        chosen.csl: CitationStylesStyle(str(citations.CSL_FOLDER / chosen.csl), validate=False) for chosen in STYLES
    }
    monkeypatch.setattr(citations, "_style", read.get)
    plain = {(item["id"], index, chosen.id): citations._render(chosen, item, pinpoint and citations._PINPOINT)
             for index, (item, pinpoint) in enumerate(items) for chosen in STYLES}  # fmt: skip
    assert remembered == plain
    assert len(set(plain.values())) == len(plain)  # every citation differs from every other
