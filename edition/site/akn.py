"""The statement as Akoma Ntoso 3.0 XML: ``/statements/<id>/data.akn.xml``.

The document validates against the OASIS LegalDocML schema
(``tests/standards/akomantoso30.xsd``). Its shape::

    <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
      <statement name="NATO Press Statement">
        <meta>identification (FRBR), classification, references, notes</meta>
        <preface>document type, title, descriptive line, issuer, place and date</preface>
        <mainBody>
          <paragraph eId="para_1">
            <num>1.</num>
            <content><p><inline name="commitment" eId="para_1__cmt_1">...</inline> ...</p></content>
          </paragraph>
        </mainBody>
      </statement>
    </akomaNtoso>

The ``eId`` of each paragraph and sentence is its permanent anchor on the page
(CONTRIBUTING.md, "URLs and anchors"); a sentence's ``<inline>`` is named ``commitment``, a
name older than the word "sentence" (:data:`edition.urls.FROZEN`). Inside ``<p>`` the sentences are
separated by single spaces, so the text content of each ``<p>`` is exactly the
published paragraph. Mentions of the documents a sentence refers to become
``<ref>`` elements around the same words, pointing to the documents' sources.

Editorial additions are kept out of the official text and attributed to this
edition (``source="#edition"``):

* the kinds and topics of sentences are ``<keyword>`` elements of
  ``<classification>``; each one's ``href`` names the sentence it describes and
  its ``dictionary`` the vocabulary (defined on the site's format page);
* paragraph headings are editorial, so they are not AKN ``<heading>`` elements
  (which belong to the text): they are ``<note class="editorialHeading">`` in
  ``<meta><notes>``, each tied to its paragraph by ``placementBase``.

Deadlines and their follow-ups are only in ``data.json``.

FRBR IRIs follow the Akoma Ntoso Naming Convention 1.0 (OASIS, section "The IRI
reference of a Work"): ``/akn/<country>/<doctype>/<date>/<number>``, with

* ``<country>`` = :data:`JURISDICTION`. The convention asks for an ISO 3166-1
  code, and an international body has none. The convention's own example of an
  FAO standard (``/akn/UN/doc/standard/...``) and the AKN4UN and AKN4EU profiles
  (``/akn/un/...``, ``/akn/eu/...``) put a short code of the international
  jurisdiction in this place; for treaty-based international organisations outside
  those two, ``int`` is the code the internet itself reserves for them (the
  ``.int`` domain, as in ``nato.int``). The code is a constant, so a future
  profile for such bodies can be adopted in one place;
* ``<doctype>`` = ``statement``, the element under ``<akomaNtoso>`` (its ``name``
  is the publisher's document type, left out of the IRI, where a subtype is optional);
* ``<date>`` = the statement's date and ``<number>`` = the rest of its permanent
  id, so the IRI derives only from invariant properties;
* the Expression adds the language, ``/eng`` (statements are not versioned, so
  there is no ``@version``); the Manifestation is ``/eng.akn`` (``!main.xml`` for
  this file).

``FRBRalias`` elements tie the IRIs to this edition and its source: the
statement's permanent id and page (Work) and the published official text
(Expression).

Nothing depends on the day of the build: the FRBR dates are the statement's date,
so two builds give identical bytes.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
import xml.etree.ElementTree as ET

from edition import urls, vocabulary
from edition.dates import long_date
from edition.statements.model import Document, Paragraph, Sentence, Statement

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
"""The Akoma Ntoso 3.0 namespace."""
JURISDICTION = "int"
"""The country part of the FRBR IRIs: international (see the module's docstring)."""
LANGUAGE = "eng"
"""The language of the texts, ISO 639-2 alpha-3."""
EDITION = "edition"
"""The ``eId`` of this edition in ``<references>``: the source of all editorial metadata."""
EDITION_NAME = "Reference edition of official diplomatic statements"
"""How this edition is named in ``<references>``."""
SENTENCE = urls.AKN_SENTENCE
"""The ``name`` of the ``<inline>`` that holds a sentence (frozen: :data:`edition.urls.FROZEN`)."""
INDENT = "  "
"""One level of indentation in the output."""


def akoma_ntoso(statement: Statement, site_url: str) -> str:
    """The text of ``/statements/<id>/data.akn.xml`` (UTF-8 with an XML declaration)."""
    root = ET.Element("akomaNtoso", {"xmlns": NAMESPACE})
    document = ET.SubElement(root, "statement", {"name": statement.document_type})
    _meta(document, statement, site_url)
    _preface(document, statement)
    body = ET.SubElement(document, "mainBody")
    for paragraph in statement.paragraphs:
        _paragraph(body, statement, paragraph)
    _indent(root)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{ET.tostring(root, encoding="unicode")}\n'


def work_iri(statement: Statement) -> str:
    """The FRBR Work IRI, e.g. ``/akn/int/statement/2001-12-07/nato-russia-joint-statement``."""
    date = statement.date.isoformat()
    number = statement.id.removeprefix(f"{date}-")
    return f"/akn/{JURISDICTION}/statement/{date}/{number}"


def _indent(element: ET.Element, level: int = 0) -> None:
    """Put each child of element-only content on a line of its own, indented by :data:`INDENT` a level.

    Unlike :func:`ET.indent`, the mixed content of ``<p>`` (the official text) is left
    exactly as it is.
    """
    if len(element) == 0 or element.tag == "p":
        return
    element.text = "\n" + INDENT * (level + 1)
    for child in element:
        _indent(child, level + 1)
        child.tail = "\n" + INDENT * (level + 1)
    element[-1].tail = "\n" + INDENT * level


def _add(parent: ET.Element, tag: str, attributes: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    """A new last child of ``parent``."""
    child = ET.SubElement(parent, tag, attributes or {})
    child.text = text
    return child


def _meta(parent: ET.Element, statement: Statement, site_url: str) -> None:
    meta = _add(parent, "meta")
    _identification(meta, statement, site_url)
    _classification(meta, statement)
    _references(meta, statement, site_url)
    headed = [paragraph for paragraph in statement.paragraphs if paragraph.heading]
    if headed:
        notes = _add(meta, "notes", {"source": f"#{EDITION}"})
        for paragraph in headed:
            note = _add(notes, "note", {"class": "editorialHeading", "placementBase": paragraph.anchor})
            _add(note, "p", text=paragraph.heading)


def _identification(parent: ET.Element, statement: Statement, site_url: str) -> None:
    work = work_iri(statement)
    expression = f"{work}/{LANGUAGE}"
    date = statement.date.isoformat()
    page = urls.statement_url(site_url, statement.id)
    levels = {
        "FRBRWork": [
            ("FRBRthis", {"value": f"{work}/!main"}),
            ("FRBRuri", {"value": work}),
            ("FRBRalias", {"value": statement.id, "name": "editionId"}),
            ("FRBRalias", {"value": page, "name": "editionPage"}),
            ("FRBRdate", {"date": date, "name": "issued"}),
            ("FRBRauthor", {"href": "#issuer"}),
            ("FRBRcountry", {"value": JURISDICTION}),
            ("FRBRnumber", {"value": work.rsplit("/", 1)[1]}),
            ("FRBRname", {"value": statement.title}),
        ],
        "FRBRExpression": [
            ("FRBRthis", {"value": f"{expression}/!main"}),
            ("FRBRuri", {"value": expression}),
            ("FRBRalias", {"value": statement.source.url, "name": "officialText"}),
            ("FRBRdate", {"date": date, "name": "issued"}),
            ("FRBRauthor", {"href": "#issuer"}),
            ("FRBRlanguage", {"language": LANGUAGE}),
        ],
        "FRBRManifestation": [
            ("FRBRthis", {"value": f"{expression}/!main.xml"}),
            ("FRBRuri", {"value": f"{expression}.akn"}),
            ("FRBRdate", {"date": date, "name": "issued"}),
            ("FRBRauthor", {"href": f"#{EDITION}"}),
            ("FRBRformat", {"value": "application/xml"}),
        ],
    }
    identification = _add(parent, "identification", {"source": f"#{EDITION}"})
    for level, elements in levels.items():
        element = _add(identification, level)
        for tag, attributes in elements:
            _add(element, tag, attributes)


def _classification(parent: ET.Element, statement: Statement) -> None:
    classification = _add(parent, "classification", {"source": f"#{EDITION}"})
    for sentence in statement.sentences:
        href = f"#{sentence.anchor}"
        _add(classification, "keyword", {**_keyword("#kinds", sentence.kind), "href": href})
        for topic in sentence.topics:
            _add(classification, "keyword", {**_keyword("#topics", topic), "href": href})


def _keyword(dictionary: str, term_id: str) -> dict[str, str]:
    """The attributes of a ``<keyword>`` for a term of the vocabulary ``dictionary``, but its ``href``."""
    vocabulary_terms = vocabulary.KINDS if dictionary == "#kinds" else vocabulary.TOPICS
    term = vocabulary.term(vocabulary_terms, term_id)
    return {"value": term.id, "showAs": term.label, "dictionary": dictionary}


def _references(parent: ET.Element, statement: Statement, site_url: str) -> None:
    references = _add(parent, "references", {"source": f"#{EDITION}"})
    for document in statement.documents:
        attributes = {"name": "document", "eId": _document_eid(document), "href": document.url}
        attributes["showAs"] = document.title
        if document.short_title:
            attributes["shortForm"] = document.short_title
        _add(references, "TLCReference", attributes)
    organizations = (
        ("issuer", _ontology("organization", statement.issuer.body), statement.issuer.body),
        ("publisher", _ontology("organization", statement.source.publisher), statement.source.publisher),
        (EDITION, site_url, EDITION_NAME),
    )
    for eid, href, shown in organizations:
        _add(references, "TLCOrganization", {"eId": eid, "href": href, "showAs": shown})
    place = {"eId": "place", "href": _ontology("location", statement.place), "showAs": statement.place}
    _add(references, "TLCLocation", place)
    for eid, shown in (("kinds", "Sentence kinds"), ("topics", "Topics")):  # defined on the format page
        href = urls.absolute(site_url, urls.FORMAT, eid)
        _add(references, "TLCConcept", {"eId": eid, "href": href, "showAs": shown})


def _preface(parent: ET.Element, statement: Statement) -> None:
    preface = _add(parent, "preface")
    _add(_add(preface, "p"), "docType", text=statement.document_type)
    _add(_add(preface, "p"), "docTitle", text=statement.title)
    if statement.subtitle:
        _add(_add(preface, "longTitle"), "p", text=statement.subtitle)
    issuer = _add(_add(preface, "p"), "docProponent", {"refersTo": "#issuer"}, statement.issuer.body)
    if statement.issuer.level:
        issuer.tail = f", at the level of {statement.issuer.level}"
    when = _add(preface, "p")
    _add(when, "location", {"refersTo": "#place"}, statement.place).tail = ", "
    _add(when, "docDate", {"date": statement.date.isoformat()}, long_date(statement.date))


def _paragraph(parent: ET.Element, statement: Statement, paragraph: Paragraph) -> None:
    element = _add(parent, "paragraph", {"eId": paragraph.anchor})
    _add(element, "num", text=f"{paragraph.number}.")
    text = _add(_add(element, "content"), "p")
    for index, sentence in enumerate(paragraph.sentences):
        inline = _add(text, "inline", {"name": SENTENCE, "eId": sentence.anchor})
        _sentence(inline, statement, sentence)
        if index < len(paragraph.sentences) - 1:
            inline.tail = " "


def _sentence(inline: ET.Element, statement: Statement, sentence: Sentence) -> None:
    """The sentence's words in ``inline``, each mention as a ``<ref>``."""
    count = 0
    last: ET.Element | None = None
    for piece, document in statement.segments(sentence):
        if document is None:
            if last is None:
                inline.text = (inline.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
            continue
        count += 1
        last = _add(inline, "ref", {"eId": f"{sentence.anchor}__ref_{count}", "href": document.url}, piece)


def _document_eid(document: Document) -> str:
    """``doc_`` and the document's id, made safe for an ``eId`` (no white space) without collisions."""
    return "doc_" + re.sub(r"[%\s]", lambda m: urllib.parse.quote(m[0], safe=""), document.id)


def _ontology(kind: str, name: str) -> str:
    """An Akoma Ntoso IRI for a non-document entity: ``/akn/ontology/<kind>/<name as a slug>``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return f"/akn/ontology/{kind}/{slug or 'unnamed'}"
