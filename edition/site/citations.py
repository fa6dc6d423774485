"""Citations in recognised styles, and the files reference managers read.

Every citation is made by citeproc-py from one CSL item (:func:`csl_item`) and the
styles' own CSL files, copied unchanged into ``edition/site/csl/`` (see its README):

* OSCOLA 4th edition (``oscola.csl``), a footnote;
* Chicago notes and bibliography with access dates (``chicago-notes-bibliography-access-dates.csl``,
  Chicago Manual of Style 18th edition; its notes for a web page are those of the 17th), a full note;
* APA 7th edition (``apa.csl``), the reference-list entry, then on a second line the in-text
  citation, which is where APA puts a pinpoint.

The work cited is the official statement, republished in this edition: the item is a CSL
``document`` with the issuing body as author, the title, the document type (``genre``), the
publisher of the official text (``publisher``, e.g. NATO), the place (``publisher-place``), the
date the statement was issued, this edition's name as the collection that holds the copy read
(``archive``), and the permanent address of the statement, paragraph or sentence. The edition's
name is never written beside the statement's date, as if the edition had published it then.

The pinpoint is a locator labelled ``paragraph``: ``3`` for paragraph 3, and for a sentence
its paragraph, then the sentence's number in words (:data:`SENTENCE_PINPOINT`: ``3, sentence 1``),
never ``3.1``, which would read as an official sub-paragraph: NATO numbers the paragraphs, and the
sentence numbers are this edition's. The short references typed in URLs (``#3.1``) stay as they are.
The locator given to citeproc-py is a stand-in (:data:`_PINPOINT`), replaced by the pinpoint:
citeproc-py reads a locator holding a comma as several paragraphs ("paras").

The accessed date is the reader's today, filled in by the page's script when a citation is
copied: each text holds :data:`ACCESSED` where the styles put it. It is rendered as a date
written as a stand-in that no text holds, which is then replaced, so the styles place and
punctuate it.

Where citeproc-py or a style's rules differ from what one might expect:

* citeproc-py 0.11 reads the locale option ``punctuation-in-quote`` but does not apply it;
  Chicago's locale, en-US, sets it. :func:`_render` applies it to a style whose locale sets
  it: a comma or full stop right after a closing double quotation mark moves inside it
  (``“NATO-Russia Joint Statement,”``, Chicago 17th 6.9, 18th 6.9). OSCOLA (en-GB) does not set it.
* OSCOLA's rule for other secondary sources (4th edition, 3.4) is ``Author, ‘Title’ (additional
  information, publisher date) <URL> accessed date``. The published ``oscola.csl`` prints no such
  bracket for a ``document``; the copy here has one local change that does (``csl/README.md``).
* APA 7th (9.16) gives a retrieval date only for a page whose content is designed to
  change; a dated statement has none, so the APA text holds no :data:`ACCESSED`
  (:attr:`Style.accessed` is false).
* The Chicago style prints ``accessed`` before the URL (Chicago 17th 14.12, 18th 13.15), and the
  collection (``archive``) after the pinpoint, as for a document held in a collection (17th 14.221).
* Each style is rendered twice, as plain text and as HTML (:data:`Format`): the HTML keeps what the
  style sets in italics (APA's title, 7th 9.19), for a word processor to paste.

The page carries, per style and form, two citations (:func:`citation_data`): the statement's, and one of
a part, with :data:`_PINPOINT` and :data:`_ANCHOR` where each paragraph's or sentence's pinpoint and
anchor go; the page's script puts them in (:func:`pinpoint` is the rule, which the script takes from
:func:`for_scripts`).

citeproc-py 0.11 spends most of a citation's time searching the style's XML again and again (the
same XPath from the same element, ``xpath_search``) and asking again whether a part of the style
calls a variable (``calls_variable``): both are functions of the parsed style alone, which never
changes once read. :func:`_remember_style_lookups` makes citeproc-py remember them, once per process;
a test checks that the citations are those of citeproc-py as published.
"""

from __future__ import annotations

import datetime
import functools
import html
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Final, Literal

from edition import urls
from edition.dates import MONTHS
from edition.jsonfiles import indented, script_json
from edition.statements.model import Sentence, Statement

if TYPE_CHECKING:
    from citeproc import CitationStylesStyle

EDITION_NAME = "Diplomatic Statements — Reference Edition"
"""This edition's name, ``site_name`` in ``mkdocs.yml`` (a test keeps them equal)."""

ACCESSED = "{accessed}"
"""Stands in a citation where the accessed date goes; the page fills in the reader's today."""

DateOrder = Literal["dmy", "mdy"]
"""How a style writes a date: day month year, or month day, year."""
DATE_FORMS: Final[dict[DateOrder, str]] = {"dmy": "{day} {month} {year}", "mdy": "{month} {day}, {year}"}
"""How each order writes a date (``2 December 2026``, ``December 2, 2026``), as citeproc-py writes the styles'
dates and the page writes the reader's today in place of :data:`ACCESSED` (a test keeps them equal); the
fields are the day's number, the month's name (:data:`edition.dates.MONTHS`) and the year."""
EDITION_ORDER: Final[DateOrder] = "dmy"
"""The order the edition writes its own dates in (:func:`edition.dates.long_date`), e.g. on a printed page."""

SENTENCE_PINPOINT: Final = "{paragraph}, sentence {sentence}"
"""How a citation's pinpoint names a sentence within a paragraph, after the style's label for a
paragraph: "para 3, sentence 1" (OSCOLA), "para. 3, sentence 1" (Chicago, APA)."""
SHORT_PINPOINT: Final = "para. {pinpoint}"
"""The pinpoint in the edition's short reference (:func:`edition.site.pages.citation`), as Chicago writes it."""

Format = Literal["text", "html"]
"""How a citation is written: plain text, or HTML with the style's italics (``<i>``)."""
FORMS: Final[tuple[Format, ...]] = ("text", "html")
"""Every :data:`Format`, in the order the page holds them."""

CSL_FOLDER = Path(__file__).parent / "csl"
"""The styles' CSL files, as published by the CSL project."""


@dataclass(frozen=True)
class Style:
    """A citation style offered to readers."""

    id: str
    """The name scripts and tests use, e.g. ``oscola``."""
    label: str
    """What readers see, e.g. "OSCOLA"."""
    date: DateOrder
    """How the style writes a date, a key of :data:`DATE_FORMS`."""
    csl: str
    """Its CSL file in :data:`CSL_FOLDER`."""
    accessed: bool
    """Whether its citations hold an accessed date (:data:`ACCESSED`)."""
    in_text: bool = False
    """Whether an in-text citation follows the reference entry (an author-date style)."""


STYLES = (
    Style("oscola", "OSCOLA", "dmy", "oscola.csl", accessed=True),
    Style("chicago", "Chicago (notes)", "mdy", "chicago-notes-bibliography-access-dates.csl", accessed=True),
    Style("apa", "APA", "mdy", "apa.csl", accessed=False, in_text=True),
)
"""The styles, in the order readers are offered them."""

# Stand-ins, put in a citation where a value goes and then found and replaced: control
# characters (C1), which no value of a citation can hold, so each is found exactly where
# it was put. The texts of the item are texts of a statement file, which refuses a control
# character even written as an escape (edition.values.text_fault); the statement's id is a
# file name of lower-case words, the site's address is printable (edition.build.settings), and
# the edition's name is EDITION_NAME. Tests check that citeproc-py passes them through
# every style unchanged.
_ACCESSED_STAND_IN: Final = "\x90"
"""U+0090 DEVICE CONTROL STRING: the accessed date, as citeproc-py is given it; replaced by :data:`ACCESSED`."""
_PINPOINT: Final = "\x91"
"""U+0091 PRIVATE USE ONE: stands for a part's pinpoint in :func:`part_citation` (and on the page)."""
_ANCHOR: Final = "\x92"
"""U+0092 PRIVATE USE TWO: stands for a part's anchor in :func:`part_citation` (and on the page)."""
_ITALIC: Final = ("\x93", "\x94")
"""U+0093 SET TRANSMIT STATE and U+0094 CANCEL CHARACTER: where a style's italics begin and end."""


def permanent_url(statement: Statement, site_url: str, anchor: str = "") -> str:
    """The permanent address of the statement, or of one of its anchors."""
    return urls.statement_url(site_url, statement.id, anchor)


def csl_item(statement: Statement, site_url: str, anchor: str = "") -> dict[str, Any]:
    """The CSL-JSON item of the statement, its address that of ``anchor`` (the whole statement if empty).

    ``accessed`` is the day the edition last compared its words with the official text, when it has
    (:attr:`edition.statements.model.Source.checked`): the words at the address were the official
    words on that day. A citation on the page has the reader's today instead.
    """
    item: dict[str, Any] = {
        "id": statement.id,
        "type": "document",
        "author": [{"literal": statement.issuer.body}],
        "title": statement.title,
        "genre": statement.document_type,
        "publisher": statement.source.publisher,
        "publisher-place": statement.place,
        "issued": _csl_date(statement.date),
        "archive": EDITION_NAME,
        "URL": permanent_url(statement, site_url, anchor),
        "language": "en",
    }
    if statement.source.checked:
        item["accessed"] = _csl_date(statement.source.checked)
    return item


def _csl_date(date: datetime.date) -> dict[str, list[list[int]]]:
    """A date as CSL-JSON writes it."""
    return {"date-parts": [[date.year, date.month, date.day]]}


def pinpoint(paragraph: int, sentence: str | None) -> str:
    """The pinpoint of a paragraph (``3``) or of one of its sentences (``3, sentence 1``) in a citation."""
    return str(paragraph) if sentence is None else SENTENCE_PINPOINT.format(paragraph=paragraph, sentence=sentence)


def short_pinpoint(sentence: Sentence) -> str:
    """How a sentence is named beside its words, as a short reference does: ``para. 3, sentence 1``."""
    return SHORT_PINPOINT.format(pinpoint=pinpoint(sentence.paragraph, sentence.number))


def pinpoints(statement: Statement) -> Iterator[tuple[str, str | None]]:
    """Each citable part, as its anchor and pinpoint: the statement (``""``, none), paragraphs, sentences."""
    yield "", None
    for paragraph in statement.paragraphs:
        yield paragraph.anchor, pinpoint(paragraph.number, None)
        for sentence in paragraph.sentences:
            yield sentence.anchor, pinpoint(sentence.paragraph, sentence.number)


def citation(
    statement: Statement,
    site_url: str,
    style: Style,
    anchor: str = "",
    pinpoint: str | None = None,
    form: Format = "text",
) -> str:
    """The citation of ``anchor`` (the whole statement if empty) in ``style``, with :data:`ACCESSED` in it."""
    marked = _render(style, csl_item(statement, site_url, anchor), None if pinpoint is None else _PINPOINT)
    return _in_form(marked if pinpoint is None else marked.replace(_PINPOINT, pinpoint), form)


def citation_data(statement: Statement, site_url: str) -> str:
    """The citations the statement page holds in an attribute, as JSON: the statement's, and a part's to complete.

    ``{"styles": [{"id", "label", "date"}], "statement": {"text": {style id: citation}, "html": {the same, as
    HTML}}, "part": {"text": ..., "html": ...}}``. A part's citation (:func:`part_citation`) holds
    :data:`_PINPOINT` and :data:`_ANCHOR`, written as the ``\\u`` escapes ``for_scripts`` names; the page's Cite
    menus put each paragraph's or sentence's pinpoint and anchor in their places, and the reader's today in
    place of :data:`ACCESSED`. ``<``, ``>`` and ``&`` are ``\\u`` escapes too.
    """
    whole: dict[Format, dict[str, str]] = {"text": {}, "html": {}}
    part: dict[Format, dict[str, str]] = {"text": {}, "html": {}}
    for style in STYLES:  # citeproc-py twice per style: each citation is then written in both forms
        statement_marked = _render(style, csl_item(statement, site_url), None)
        part_marked = _part_marked(statement, site_url, style)
        for form in FORMS:
            whole[form][style.id] = _in_form(statement_marked, form)
            part[form][style.id] = _in_form(part_marked, form)
    styles = [{"id": style.id, "label": style.label, "date": style.date} for style in STYLES]
    text = script_json({"styles": styles, "statement": whole, "part": part})
    return text.replace(_PINPOINT, _json_escape(_PINPOINT)).replace(_ANCHOR, _json_escape(_ANCHOR))


def _json_escape(character: str) -> str:
    """``character`` as a JSON ``\\u`` escape: the page's attribute holds no control character as it is."""
    return f"\\u{ord(character):04x}"


def part_citation(statement: Statement, site_url: str, style: Style, form: Format = "text") -> str:
    """The citation of any paragraph or sentence of the statement in ``style``: :data:`_PINPOINT` stands where
    its pinpoint goes and :data:`_ANCHOR` where its anchor goes (:func:`completed` puts them in)."""
    return _in_form(_part_marked(statement, site_url, style), form)


def completed(part: str, anchor: str, pinpoint: str) -> str:
    """A part's citation (:func:`part_citation`) for the part ``anchor`` at ``pinpoint``, as the page's script
    completes it."""
    return part.replace(_ANCHOR, anchor).replace(_PINPOINT, pinpoint)


def for_scripts() -> dict[str, object]:
    """What the page's script needs (the render writes it in ``urls.SCRIPT_RULES``): to fill in the reader's
    today, :data:`ACCESSED`, the date forms, the months, and the edition's own order; to complete a part's
    citation, its stand-ins (:data:`_PINPOINT`, :data:`_ANCHOR`) and :data:`SENTENCE_PINPOINT`; to write the
    short reference's pinpoint, :data:`SHORT_PINPOINT`."""
    return {
        "accessed": ACCESSED,
        "dateForms": DATE_FORMS,
        "months": list(MONTHS),
        "editionOrder": EDITION_ORDER,
        "pinpoint": _PINPOINT,
        "anchor": _ANCHOR,
        "shortPinpoint": SHORT_PINPOINT,
        "sentencePinpoint": SENTENCE_PINPOINT,
    }


def _part_marked(statement: Statement, site_url: str, style: Style) -> str:
    """The citation of any part of the statement in ``style``, its italics marked (:func:`_in_form` writes it as
    text or HTML), with :data:`_PINPOINT` and :data:`_ANCHOR` in it once each.

    The parts differ only in their pinpoint and the fragment of their address, so the style renders the
    statement once for all of them. A test checks that each part's citation completed from it is what
    citeproc-py makes of that part on its own.
    """
    stand_in = _render(style, csl_item(statement, site_url, _ANCHOR), _PINPOINT)
    found = stand_in.count(_PINPOINT), stand_in.count(_ANCHOR)
    assert found == (1, 1), f"{style.id}: pinpoint and anchor found {found} times in {stand_in!r}"
    return stand_in


def _render(style: Style, item: dict[str, Any], pinpoint: str | None) -> str:
    """``item`` cited in ``style`` by citeproc-py, its italics marked (:data:`_ITALIC`), with the accessed date as
    :data:`ACCESSED`."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    dated = {**item, "accessed": {"literal": _ACCESSED_STAND_IN}}
    csl = _style(style.csl)
    with warnings.catch_warnings():
        # citeproc-py warns of item fields it does not use (e.g. "language"); they are meant.
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(csl, CiteProcJSON([dated]), _MARKED)
        locator = {} if pinpoint is None else {"locator": Locator("paragraph", pinpoint)}
        cite = Citation([CitationItem(item["id"], **locator)])
        bibliography.register(cite)
        note = str(bibliography.cite(cite, _unknown_item))
        text = str(bibliography.bibliography()[0]) + "\n" + note if style.in_text else note
    if csl.root.get_locale_option("punctuation-in-quote").lower() == "true":
        text = _punctuation_in_quote(text)
    found = text.count(_ACCESSED_STAND_IN)
    assert found == (1 if style.accessed else 0), f"{style.id}: accessed date found {found} times in {text!r}"
    return text.replace(_ACCESSED_STAND_IN, ACCESSED)


def _in_form(marked: str, form: Format) -> str:
    """A citation whose italics are marked by :data:`_ITALIC`, as plain text or as HTML."""
    if form == "text":
        return marked.translate({ord(mark): None for mark in _ITALIC})
    written = html.escape(marked, quote=False).replace("\n", "<br>")
    return written.replace(_ITALIC[0], "<i>").replace(_ITALIC[1], "</i>")


def _italic(text: str) -> str:
    return f"{_ITALIC[0]}{text}{_ITALIC[1]}"


_MARKED: Final = SimpleNamespace(
    preformat=str,
    Italic=_italic,
    Oblique=_italic,
    Bold=str,
    Light=str,
    Underline=str,
    Superscript=str,
    Subscript=str,
    SmallCaps=str,
)
"""A citeproc-py output format: plain text, with what a style sets in italics between the marks of
:data:`_ITALIC` (citeproc-py's HTML format would leave the style's own "<" and ">" unescaped)."""


def _unknown_item(item: object) -> None:
    raise AssertionError(f"citeproc-py found no item {item!r}")


def _punctuation_in_quote(text: str) -> str:
    """A comma or full stop after a closing double quotation mark, moved inside it (American usage)."""
    return text.replace("”,", ",”").replace("”.", ".”")


@cache
def _style(name: str) -> CitationStylesStyle:
    """A style read once per process (the Chicago file is large), citeproc-py remembering its lookups."""
    from citeproc import CitationStylesStyle

    _remember_style_lookups()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(str(CSL_FOLDER / name), validate=False)


REMEMBERED: Final = ("xpath_search", "calls_variable")
"""The methods of citeproc-py's style elements whose results :func:`_remember_style_lookups` keeps."""


@cache
def _remember_style_lookups() -> None:
    """Make citeproc-py remember what :data:`REMEMBERED` returns for each element of a style or locale.

    An adapter, once per process, not a fork: each method of citeproc-py's ``model`` classes named in
    :data:`REMEMBERED` is wrapped by :func:`_remembered`, the original kept as its ``__wrapped__``. Their
    results depend on the element and the arguments alone: ``xpath_search`` searches the style's XML (a
    macro by its name, the enclosing layout, a term of the locale), and ``calls_variable`` whether an element
    or the macros it calls name a variable; citeproc-py never changes a style's XML once read. They took two
    thirds of a citation's time: a statement's six citations take a third of the time they took
    (``benchmarks/citations.py``).
    """
    from citeproc import model

    for kind in vars(model).values():
        if isinstance(kind, type):
            for name in REMEMBERED:
                if name in vars(kind):
                    setattr(kind, name, _remembered(vars(kind)[name]))


def _remembered(method: Callable[..., object]) -> Callable[..., object]:
    """``method`` of an element, its result kept for each element and arguments (given by position).

    A list (an XPath's result) is kept as a tuple, which no caller can change. The results hold the
    elements they were found for, so lxml keeps one Python object for each of them: an element is never
    taken for another that once had its ``id``.
    """
    results: dict[tuple[object, ...], object] = {}

    @functools.wraps(method)
    def remembered(*arguments: object) -> object:
        try:
            return results[arguments]
        except KeyError:
            result = method(*arguments)
            found = results[arguments] = tuple(result) if isinstance(result, list) else result
            return found

    return remembered


def csl_json(statement: Statement, site_url: str) -> str:
    """``cite.json``: the statement as CSL-JSON, a list of one item (the one citations are made from)."""
    return indented([csl_item(statement, site_url)])


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def bibtex_text(text: str) -> str:
    """``text`` for a BibTeX field in braces: its special characters escaped (UTF-8 kept as it is)."""
    return "".join(_BIBTEX_SPECIAL.get(character, character) for character in text)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex(statement: Statement, site_url: str) -> str:
    """``cite.bib``: the statement as a BibTeX ``@misc`` entry, keyed by its id, for BibTeX, biblatex and Zotero.

    The author and title are in double braces: the body is one name, not a list of
    persons, and the title keeps its capitals. ``publisher`` is the official text's (e.g. NATO);
    ``howpublished`` names this edition, where the text at ``url`` is. ``date``, ``location`` and
    ``urldate`` (the accessed date of :func:`csl_item`) are biblatex's, ``year``, ``month`` and
    ``address`` BibTeX's, which has no accessed date.
    """
    date = statement.date
    checked = statement.source.checked
    fields = [  # each value as written after "=": in braces, or a month's macro
        ("author", f"{{{{{bibtex_text(statement.issuer.body)}}}}}"),
        ("title", f"{{{{{bibtex_text(statement.title)}}}}}"),
        ("type", f"{{{bibtex_text(statement.document_type)}}}"),
        ("publisher", f"{{{bibtex_text(statement.source.publisher)}}}"),
        ("howpublished", f"{{{bibtex_text(EDITION_NAME)}}}"),
        ("date", f"{{{date.isoformat()}}}"),
        ("year", f"{{{date.year}}}"),
        ("month", _MONTHS[date.month - 1]),
        ("location", f"{{{bibtex_text(statement.place)}}}"),
        ("address", f"{{{bibtex_text(statement.place)}}}"),
        ("url", f"{{{permanent_url(statement, site_url)}}}"),
        *([("urldate", f"{{{checked.isoformat()}}}")] if checked else []),
        ("langid", "{english}"),
    ]
    lines = [f"@misc{{{statement.id},", *(f"  {name:<12} = {value}," for name, value in fields), "}"]
    return "\n".join(lines) + "\n"


def ris(statement: Statement, site_url: str) -> str:
    """``cite.ris``: the statement as a RIS record of type ``ELEC`` (a web page), lines ending in LF.

    Each line is a tag, two spaces, a hyphen and a space, then the value; the record ends
    with ``ER  - `` (its value empty). ``PB`` is the official text's publisher, ``T2`` this
    edition, ``Y2`` the accessed date of :func:`csl_item` (RIS's access date).
    """
    date = statement.date
    checked = statement.source.checked
    tags = [
        ("TY", "ELEC"),
        ("AU", statement.issuer.body),
        ("TI", statement.title),
        ("M3", statement.document_type),
        ("PB", statement.source.publisher),
        ("CY", statement.place),
        ("PY", str(date.year)),
        ("DA", date.strftime("%Y/%m/%d")),
        ("T2", EDITION_NAME),
        ("UR", permanent_url(statement, site_url)),
        *([("Y2", checked.strftime("%Y/%m/%d"))] if checked else []),
        ("LA", "en"),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in tags)


def _one_line(text: str) -> str:
    """A RIS value on one line (a tag's value ends at the line's end)."""
    return " ".join(text.split())


def highwire_tags(statement: Statement, site_url: str) -> list[tuple[str, str]]:
    """The Highwire Press ``citation_*`` meta tags of a statement page, as (name, content), unescaped.

    Zotero and Google Scholar read them. They describe the work the page republishes, the
    official statement, as every record of it does (:func:`csl_item`, the JSON-LD):
    ``citation_publisher`` names the publisher of the official text (e.g. NATO), not this
    edition, so that a reference saved from the page names the same publisher as one imported
    from ``cite.ris``. This edition is named by the page's ``og:site_name``, and found by
    ``citation_public_url``.
    """
    date = statement.date.strftime("%Y/%m/%d")
    page = permanent_url(statement, site_url)
    return [
        ("citation_title", statement.title),
        ("citation_author", statement.issuer.body),
        ("citation_publication_date", date),
        ("citation_date", date),
        ("citation_publisher", statement.source.publisher),
        ("citation_public_url", page),
        ("citation_abstract_html_url", page),
        ("citation_language", "en"),
    ]
