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

The ``eId`` of each paragraph and commitment is its permanent anchor on the page
(CONTRIBUTING.md, "URLs and anchors"). Inside ``<p>`` the commitments are
separated by single spaces, so the text content of each ``<p>`` is exactly the
published paragraph. Mentions of the documents a commitment refers to become
``<ref>`` elements around the same words, pointing to the documents' sources.

Editorial additions are kept out of the official text and attributed to this
edition (``source="#edition"``):

* the kinds and topics of commitments are ``<keyword>`` elements of
  ``<classification>``; each one's ``href`` names the commitment it describes and
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
from functools import cache

from edition import urls, vocabulary
from edition.display import long_date
from edition.markup import has_any
from edition.model import Commitment, Document, Paragraph, Statement

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
COMMITMENT = "commitment"
"""The ``name`` of the ``<inline>`` that holds a commitment."""
INDENT = "  "
"""One level of indentation in the output."""


def akoma_ntoso(statement: Statement, site_url: str) -> str:
    """The text of ``/statements/<id>/data.akn.xml`` (UTF-8 with an XML declaration)."""
    xml = _Xml()
    xml.open("akomaNtoso", {"xmlns": NAMESPACE})
    xml.open("statement", {"name": statement.document_type})
    _meta(xml, statement, site_url)
    _preface(xml, statement)
    xml.open("mainBody")
    for paragraph in statement.paragraphs:
        _paragraph(xml, statement, paragraph)
    xml.close("mainBody")
    xml.close("statement")
    xml.close("akomaNtoso")
    text = "\n".join(xml.lines)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'


def work_iri(statement: Statement) -> str:
    """The FRBR Work IRI, e.g. ``/akn/int/statement/2001-12-07/nato-russia-joint-statement``."""
    date = statement.date.isoformat()
    number = statement.id.removeprefix(f"{date}-")
    return f"/akn/{JURISDICTION}/statement/{date}/{number}"


class _Xml:
    """The document being written, a line at a time, as ``ET.tostring`` would write it indented.

    Element-only content has one child a line, indented by :data:`INDENT` a level;
    mixed content (``<p>``, ``<num>``) stays on its element's line. Written here rather
    than by ElementTree, whose tree and serializer took most of the time of this
    export with thousands of statements. No element this module opens is left empty.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.depth = 0

    def open(self, tag: str, attributes: dict[str, str] | None = None) -> None:
        """Start an element with element-only content."""
        self.lines.append(f"{INDENT * self.depth}<{tag}{_attributes(attributes)}>")
        self.depth += 1

    def close(self, tag: str) -> None:
        """End the element opened last."""
        self.depth -= 1
        self.lines.append(f"{INDENT * self.depth}</{tag}>")

    def add(self, element: str) -> None:
        """Add a child written by :func:`_element` (or several, mixed content on one line)."""
        self.lines.append(INDENT * self.depth + element)


def _element(tag: str, attributes: dict[str, str] | None = None, content: str = "") -> str:
    """``<tag ...>content</tag>`` on one line; ``content`` is XML already (see :func:`_text`)."""
    if not content:
        return f"<{tag}{_attributes(attributes)} />"
    return f"<{tag}{_attributes(attributes)}>{content}</{tag}>"


def _attributes(attributes: dict[str, str] | None) -> str:
    if not attributes:
        return ""
    return "".join([f' {name}="{_attribute(value)}"' for name, value in attributes.items()])


def _text(text: str) -> str:
    """``text`` as XML character data."""
    if not has_any(text, "&<>"):  # most texts: checked at once instead of replaced three times
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    """``value`` as the value of an XML attribute in double quotes."""
    if not has_any(value, '&<>"\r\n\t'):
        return value
    escaped = _text(value).replace('"', "&quot;")
    return escaped.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def _meta(xml: _Xml, statement: Statement, site_url: str) -> None:
    xml.open("meta")
    _identification(xml, statement, site_url)
    _classification(xml, statement)
    _references(xml, statement, site_url)
    headed = [paragraph for paragraph in statement.paragraphs if paragraph.heading]
    if headed:
        xml.open("notes", {"source": f"#{EDITION}"})
        for paragraph in headed:
            xml.open("note", {"class": "editorialHeading", "placementBase": paragraph.anchor})
            xml.add(_element("p", None, _text(paragraph.heading or "")))
            xml.close("note")
        xml.close("notes")
    xml.close("meta")


def _identification(xml: _Xml, statement: Statement, site_url: str) -> None:
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
    xml.open("identification", {"source": f"#{EDITION}"})
    for level, elements in levels.items():
        xml.open(level)
        for tag, attributes in elements:
            xml.add(_element(tag, attributes))
        xml.close(level)
    xml.close("identification")


def _classification(xml: _Xml, statement: Statement) -> None:
    xml.open("classification", {"source": f"#{EDITION}"})
    for commitment in statement.commitments:
        href = f"#{commitment.anchor}"  # anchors are letters, digits and underscores: nothing to escape
        xml.add(f'<keyword{_keyword("#kinds", commitment.kind)} href="{href}" />')
        for topic in commitment.topics:
            xml.add(f'<keyword{_keyword("#topics", topic)} href="{href}" />')
    xml.close("classification")


@cache
def _keyword(dictionary: str, term_id: str) -> str:
    """The attributes of a ``<keyword>`` for a term of the vocabulary ``dictionary``, but its ``href``."""
    vocabulary_terms = vocabulary.KINDS if dictionary == "#kinds" else vocabulary.TOPICS
    term = vocabulary.term(vocabulary_terms, term_id)
    return _attributes({"value": term.id, "showAs": term.label, "dictionary": dictionary})


def _references(xml: _Xml, statement: Statement, site_url: str) -> None:
    xml.open("references", {"source": f"#{EDITION}"})
    for document in statement.documents:
        attributes = {"name": "document", "eId": _document_eid(document), "href": document.url}
        attributes["showAs"] = document.title
        if document.short_title:
            attributes["shortForm"] = document.short_title
        xml.add(_element("TLCReference", attributes))
    organizations = (
        ("issuer", _ontology("organization", statement.issuer.body), statement.issuer.body),
        ("publisher", _ontology("organization", statement.source.publisher), statement.source.publisher),
        (EDITION, site_url, EDITION_NAME),
    )
    for eid, href, shown in organizations:
        xml.add(_element("TLCOrganization", {"eId": eid, "href": href, "showAs": shown}))
    place = {"eId": "place", "href": _ontology("location", statement.place), "showAs": statement.place}
    xml.add(_element("TLCLocation", place))
    for eid, shown in (("kinds", "Commitment kinds"), ("topics", "Topics")):  # defined on the format page
        href = urls.absolute(site_url, urls.FORMAT, eid)
        xml.add(_element("TLCConcept", {"eId": eid, "href": href, "showAs": shown}))
    xml.close("references")


def _preface(xml: _Xml, statement: Statement) -> None:
    xml.open("preface")
    xml.add(_element("p", None, _element("docType", None, _text(statement.document_type))))
    xml.add(_element("p", None, _element("docTitle", None, _text(statement.title))))
    if statement.subtitle:
        xml.open("longTitle")
        xml.add(_element("p", None, _text(statement.subtitle)))
        xml.close("longTitle")
    issuer = _element("docProponent", {"refersTo": "#issuer"}, _text(statement.issuer.body))
    if statement.issuer.level:
        issuer += _text(f", at the level of {statement.issuer.level}")
    xml.add(_element("p", None, issuer))
    place = _element("location", {"refersTo": "#place"}, _text(statement.place))
    date = _element("docDate", {"date": statement.date.isoformat()}, long_date(statement.date))
    xml.add(_element("p", None, f"{place}, {date}"))
    xml.close("preface")


def _paragraph(xml: _Xml, statement: Statement, paragraph: Paragraph) -> None:
    commitments = " ".join(  # as _element writes them; the anchor has nothing to escape, the words are never empty
        f'<inline name="{COMMITMENT}" eId="{c.anchor}">{_commitment(statement, c)}</inline>'
        for c in paragraph.commitments
    )
    xml.open("paragraph", {"eId": paragraph.anchor})
    xml.add(_element("num", None, f"{paragraph.number}."))
    xml.open("content")
    xml.add(_element("p", None, commitments))
    xml.close("content")
    xml.close("paragraph")


def _commitment(statement: Statement, commitment: Commitment) -> str:
    """The commitment's words as XML, each mention as a ``<ref>``."""
    parts = []
    count = 0
    for piece, document in statement.segments(commitment):
        if document is None:
            parts.append(_text(piece))
            continue
        count += 1
        eid = f"{commitment.anchor}__ref_{count}"
        parts.append(_element("ref", {"eId": eid, "href": document.url}, _text(piece)))
    return "".join(parts)


def _document_eid(document: Document) -> str:
    """``doc_`` and the document's id, made safe for an ``eId`` (no white space) without collisions."""
    return "doc_" + re.sub(r"[%\s]", lambda m: urllib.parse.quote(m[0], safe=""), document.id)


def _ontology(kind: str, name: str) -> str:
    """An Akoma Ntoso IRI for a non-document entity: ``/akn/ontology/<kind>/<name as a slug>``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return f"/akn/ontology/{kind}/{slug or 'unnamed'}"
