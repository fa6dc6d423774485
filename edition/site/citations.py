"""Citations in recognised styles, and the files reference managers read.

Every citation is made by citeproc-py from one CSL item (:func:`csl_item`) and the
styles' own CSL files, copied unchanged into ``edition/site/csl/`` (see its README):

* OSCOLA 4th edition (``oscola.csl``), a footnote;
* Chicago notes and bibliography with access dates (``chicago-notes-bibliography-access-dates.csl``,
  Chicago Manual of Style 18th edition; its notes for a web page are those of the 17th), a full note;
* APA 7th edition (``apa.csl``), the reference-list entry, then on a second line the in-text
  citation, which is where APA puts a pinpoint.

The item is a CSL ``webpage``: the issuing body as author, the title, the document type
(``genre``), the place (``publisher-place``), the date, this edition's name as the site
(``container-title``) and the permanent address of the statement, paragraph or sentence.
The pinpoint is a locator labelled ``paragraph``: ``3`` for paragraph 3 and ``3.1`` for its
first sentence, the short references typed in URLs (``#3``, ``#3.1``).

The accessed date is the reader's today, filled in by the page's script when a citation is
copied: each text holds :data:`ACCESSED` where the styles put it. It is rendered as a date
written as a stand-in that no text holds, which is then replaced, so the styles place and
punctuate it.

Where citeproc-py or a style's rules differ from what one might expect:

* citeproc-py 0.11 reads the locale option ``punctuation-in-quote`` but does not apply it;
  Chicago's locale, en-US, sets it. :func:`_render` applies it to a style whose locale sets
  it: a comma or full stop right after a closing double quotation mark moves inside it
  (``“NATO-Russia Joint Statement,”``, Chicago 17th 6.9, 18th 6.9). OSCOLA (en-GB) does not set it.
* OSCOLA's rule for a web source (4th edition, 3.3.4) is ``Author, ‘Title’ (Website, date)
  <URL> accessed date``: the style prints neither the document type nor the place.
* APA 7th (9.16) gives a retrieval date only for a page whose content is designed to
  change; a dated statement has none, so the APA text holds no :data:`ACCESSED`
  (:attr:`Style.accessed` is false).
* The Chicago style prints ``accessed`` before the URL (Chicago 17th 14.12, 18th 13.15).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from edition import urls
from edition.dates import MONTHS
from edition.jsonfiles import indented, script_json
from edition.statements.model import Statement

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
"""U+0091 PRIVATE USE ONE: stands for every part's pinpoint in :func:`_citations_in`."""
_ANCHOR: Final = "\x92"
"""U+0092 PRIVATE USE TWO: stands for every part's anchor in :func:`_citations_in`."""


def permanent_url(statement: Statement, site_url: str, anchor: str = "") -> str:
    """The permanent address of the statement, or of one of its anchors."""
    return urls.statement_url(site_url, statement.id, anchor)


def csl_item(statement: Statement, site_url: str, anchor: str = "") -> dict[str, Any]:
    """The CSL-JSON item of the statement, its address that of ``anchor`` (the whole statement if empty)."""
    date = statement.date
    return {
        "id": statement.id,
        "type": "webpage",
        "author": [{"literal": statement.issuer.body}],
        "title": statement.title,
        "genre": statement.document_type,
        "publisher-place": statement.place,
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "container-title": EDITION_NAME,
        "URL": permanent_url(statement, site_url, anchor),
        "language": "en",
    }


def pinpoints(statement: Statement) -> Iterator[tuple[str, str | None]]:
    """Each citable part, as its anchor and pinpoint: the statement (``""``, none), paragraphs, sentences."""
    yield "", None
    for paragraph in statement.paragraphs:
        yield paragraph.anchor, str(paragraph.number)
        for sentence in paragraph.sentences:
            yield sentence.anchor, sentence.citation_number


def citation(statement: Statement, site_url: str, style: Style, anchor: str = "", pinpoint: str | None = None) -> str:
    """The citation of ``anchor`` (the whole statement if empty) in ``style``, with :data:`ACCESSED` in it."""
    return _render(style, csl_item(statement, site_url, anchor), pinpoint)


def citation_data(statement: Statement, site_url: str) -> str:
    """The citations of every paragraph and sentence, as JSON, which the page holds in an attribute.

    ``{"styles": [{"id", "label", "date"}], "citations": {anchor: {style id: text}}}``;
    ``<``, ``>`` and ``&`` are ``\\u`` escapes. The page's Cite menus read it.
    """
    citations: dict[str, dict[str, str]] = {anchor: {} for anchor, _ in list(pinpoints(statement))[1:]}
    for style in STYLES:
        for anchor, text in _citations_in(statement, site_url, style):
            citations[anchor][style.id] = text
    data = {
        "styles": [{"id": style.id, "label": style.label, "date": style.date} for style in STYLES],
        "citations": citations,
    }
    return script_json(data)


def for_scripts() -> dict[str, object]:
    """What the page's script needs to fill in the reader's today (the render writes it in ``urls.SCRIPT_RULES``):
    :data:`ACCESSED`, the date forms, the months, and the edition's own order."""
    return {"accessed": ACCESSED, "dateForms": DATE_FORMS, "months": list(MONTHS), "editionOrder": EDITION_ORDER}


def _citations_in(statement: Statement, site_url: str, style: Style) -> Iterator[tuple[str, str]]:
    """The citation of every paragraph and sentence of ``statement`` in ``style``, as (anchor, text).

    citeproc-py takes about 10 ms a citation, and a statement has dozens of parts. The
    parts differ only in their pinpoint and the fragment of their address, so the style
    renders the statement once, with :data:`_PINPOINT` and :data:`_ANCHOR` for them; each
    part's citation is that text with its own pinpoint and anchor in their places. A
    test checks that this is what citeproc-py makes of each part on its own.
    """
    stand_in = citation(statement, site_url, style, _ANCHOR, _PINPOINT)
    found = stand_in.count(_PINPOINT), stand_in.count(_ANCHOR)
    assert found == (1, 1), f"{style.id}: pinpoint and anchor found {found} times in {stand_in!r}"
    for anchor, pinpoint in list(pinpoints(statement))[1:]:
        yield anchor, stand_in.replace(_ANCHOR, anchor).replace(_PINPOINT, pinpoint or "")


def _render(style: Style, item: dict[str, Any], pinpoint: str | None) -> str:
    """``item`` cited in ``style`` by citeproc-py, with the accessed date as :data:`ACCESSED`."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source import Locator
    from citeproc.source.json import CiteProcJSON

    dated = {**item, "accessed": {"literal": _ACCESSED_STAND_IN}}
    csl = _style(style.csl)
    with warnings.catch_warnings():
        # citeproc-py warns of item fields it does not use (e.g. "language"); they are meant.
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(csl, CiteProcJSON([dated]), formatter.plain)
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


def _unknown_item(item: object) -> None:
    raise AssertionError(f"citeproc-py found no item {item!r}")


def _punctuation_in_quote(text: str) -> str:
    """A comma or full stop after a closing double quotation mark, moved inside it (American usage)."""
    return text.replace("”,", ",”").replace("”.", ".”")


@cache
def _style(name: str) -> CitationStylesStyle:
    """A style read once per process: the Chicago file is large."""
    from citeproc import CitationStylesStyle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(str(CSL_FOLDER / name), validate=False)


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
    persons, and the title keeps its capitals. ``date`` and ``location`` are biblatex's,
    ``year``, ``month`` and ``address`` BibTeX's; ``howpublished`` names this edition.
    """
    date = statement.date
    fields = [  # each value as written after "=": in braces, or a month's macro
        ("author", f"{{{{{bibtex_text(statement.issuer.body)}}}}}"),
        ("title", f"{{{{{bibtex_text(statement.title)}}}}}"),
        ("type", f"{{{bibtex_text(statement.document_type)}}}"),
        ("howpublished", f"{{{bibtex_text(EDITION_NAME)}}}"),
        ("date", f"{{{date.isoformat()}}}"),
        ("year", f"{{{date.year}}}"),
        ("month", _MONTHS[date.month - 1]),
        ("location", f"{{{bibtex_text(statement.place)}}}"),
        ("address", f"{{{bibtex_text(statement.place)}}}"),
        ("url", f"{{{permanent_url(statement, site_url)}}}"),
        ("langid", "{english}"),
    ]
    lines = [f"@misc{{{statement.id},", *(f"  {name:<12} = {value}," for name, value in fields), "}"]
    return "\n".join(lines) + "\n"


def ris(statement: Statement, site_url: str) -> str:
    """``cite.ris``: the statement as a RIS record of type ``ELEC`` (a web page), lines ending in LF.

    Each line is a tag, two spaces, a hyphen and a space, then the value; the record ends
    with ``ER  - `` (its value empty).
    """
    date = statement.date
    tags = [
        ("TY", "ELEC"),
        ("AU", statement.issuer.body),
        ("TI", statement.title),
        ("M3", statement.document_type),
        ("CY", statement.place),
        ("PY", str(date.year)),
        ("DA", date.strftime("%Y/%m/%d")),
        ("T2", EDITION_NAME),
        ("UR", permanent_url(statement, site_url)),
        ("LA", "en"),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in tags)


def _one_line(text: str) -> str:
    """A RIS value on one line (a tag's value ends at the line's end)."""
    return " ".join(text.split())


def highwire_tags(statement: Statement, site_url: str) -> list[tuple[str, str]]:
    """The Highwire Press ``citation_*`` meta tags of a statement page, as (name, content), unescaped.

    Zotero and Google Scholar read them. ``citation_publisher`` names this edition: the
    tags describe the page read, at its address, as the site's name does for Zotero
    (``og:site_name``); the official source's publisher is in the page and its JSON-LD.
    """
    date = statement.date.strftime("%Y/%m/%d")
    page = permanent_url(statement, site_url)
    return [
        ("citation_title", statement.title),
        ("citation_author", statement.issuer.body),
        ("citation_publication_date", date),
        ("citation_date", date),
        ("citation_publisher", EDITION_NAME),
        ("citation_public_url", page),
        ("citation_abstract_html_url", page),
        ("citation_language", "en"),
    ]
