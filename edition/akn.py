"""The statement as Akoma Ntoso 3.0 XML: ``/statements/<id>/data.akn.xml``.

The document validates against the OASIS LegalDocML schema
(``../shared/standards/akomantoso30.xsd``). Its shape::

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
(``../shared/CONTRACT.md``, section 4). Inside ``<p>`` the commitments are
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
import xml.etree.ElementTree as ET

from edition import vocabulary
from edition.display import long_date
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

_MIXED_CONTENT = frozenset({"p", "num"})
"""Elements whose text is content: indentation never goes inside them."""


def akoma_ntoso(statement: Statement, site_url: str) -> str:
    """The text of ``/statements/<id>/data.akn.xml`` (UTF-8 with an XML declaration)."""
    root = ET.Element("akomaNtoso", xmlns=NAMESPACE)
    document = _sub(root, "statement", name=statement.document_type)
    document.append(_meta(statement, site_url))
    document.append(_preface(statement))
    body = _sub(document, "mainBody")
    for paragraph in statement.paragraphs:
        body.append(_paragraph(statement, paragraph))
    parts: list[str] = []
    _serialize(root, 0, parts)
    text = "".join(parts)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'


def work_iri(statement: Statement) -> str:
    """The FRBR Work IRI, e.g. ``/akn/int/statement/2001-12-07/nato-russia-joint-statement``."""
    date = statement.date.isoformat()
    number = statement.id.removeprefix(f"{date}-")
    return f"/akn/{JURISDICTION}/statement/{date}/{number}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, /, **attributes: str) -> ET.Element:
    """A new child ``<tag>`` of ``parent`` with ``text`` and ``attributes`` (``name`` is an attribute)."""
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _meta(statement: Statement, site_url: str) -> ET.Element:
    meta = ET.Element("meta")
    meta.append(_identification(statement, site_url))
    meta.append(_classification(statement))
    meta.append(_references(statement, site_url))
    headed = [paragraph for paragraph in statement.paragraphs if paragraph.heading]
    if headed:
        notes = _sub(meta, "notes", source=f"#{EDITION}")
        for paragraph in headed:
            note = _sub(notes, "note", **{"class": "editorialHeading", "placementBase": paragraph.anchor})
            _sub(note, "p", paragraph.heading)
    return meta


def _identification(statement: Statement, site_url: str) -> ET.Element:
    work = work_iri(statement)
    expression = f"{work}/{LANGUAGE}"
    date = statement.date.isoformat()
    page = f"{site_url}statements/{statement.id}/"
    identification = ET.Element("identification", source=f"#{EDITION}")

    level = _sub(identification, "FRBRWork")
    _sub(level, "FRBRthis", value=f"{work}/!main")
    _sub(level, "FRBRuri", value=work)
    _sub(level, "FRBRalias", value=statement.id, name="editionId")
    _sub(level, "FRBRalias", value=page, name="editionPage")
    _sub(level, "FRBRdate", date=date, name="issued")
    _sub(level, "FRBRauthor", href="#issuer")
    _sub(level, "FRBRcountry", value=JURISDICTION)
    _sub(level, "FRBRnumber", value=work.rsplit("/", 1)[1])
    _sub(level, "FRBRname", value=statement.title)

    level = _sub(identification, "FRBRExpression")
    _sub(level, "FRBRthis", value=f"{expression}/!main")
    _sub(level, "FRBRuri", value=expression)
    _sub(level, "FRBRalias", value=statement.source.url, name="officialText")
    _sub(level, "FRBRdate", date=date, name="issued")
    _sub(level, "FRBRauthor", href="#issuer")
    _sub(level, "FRBRlanguage", language=LANGUAGE)

    level = _sub(identification, "FRBRManifestation")
    _sub(level, "FRBRthis", value=f"{expression}/!main.xml")
    _sub(level, "FRBRuri", value=f"{expression}.akn")
    _sub(level, "FRBRdate", date=date, name="issued")
    _sub(level, "FRBRauthor", href=f"#{EDITION}")
    _sub(level, "FRBRformat", value="application/xml")
    return identification


def _classification(statement: Statement) -> ET.Element:
    classification = ET.Element("classification", source=f"#{EDITION}")
    for commitment in statement.commitments:
        target = f"#{commitment.anchor}"
        kind = vocabulary.term(vocabulary.KINDS, commitment.kind)
        _sub(classification, "keyword", value=kind.id, showAs=kind.label, dictionary="#kinds", href=target)
        for topic_id in commitment.topics:
            topic = vocabulary.term(vocabulary.TOPICS, topic_id)
            _sub(classification, "keyword", value=topic.id, showAs=topic.label, dictionary="#topics", href=target)
    return classification


def _references(statement: Statement, site_url: str) -> ET.Element:
    references = ET.Element("references", source=f"#{EDITION}")
    for document in statement.documents:
        attributes = {"eId": _document_eid(document), "href": document.url, "showAs": document.title}
        if document.short_title:
            attributes["shortForm"] = document.short_title
        _sub(references, "TLCReference", name="document", **attributes)
    organizations = (
        ("issuer", _ontology("organization", statement.issuer.body), statement.issuer.body),
        ("publisher", _ontology("organization", statement.source.publisher), statement.source.publisher),
        (EDITION, site_url, EDITION_NAME),
    )
    for eid, href, shown in organizations:
        _sub(references, "TLCOrganization", eId=eid, href=href, showAs=shown)
    _sub(references, "TLCLocation", eId="place", href=_ontology("location", statement.place), showAs=statement.place)
    _sub(references, "TLCConcept", eId="kinds", href=f"{site_url}format/#kinds", showAs="Commitment kinds")
    _sub(references, "TLCConcept", eId="topics", href=f"{site_url}format/#topics", showAs="Topics")
    return references


def _preface(statement: Statement) -> ET.Element:
    preface = ET.Element("preface")
    _sub(_sub(preface, "p"), "docType", statement.document_type)
    _sub(_sub(preface, "p"), "docTitle", statement.title)
    if statement.subtitle:
        _sub(_sub(preface, "longTitle"), "p", statement.subtitle)
    issuer = _sub(preface, "p")
    _sub(issuer, "docProponent", statement.issuer.body, refersTo="#issuer")
    if statement.issuer.level:
        issuer[-1].tail = f", at the level of {statement.issuer.level}"
    place_and_date = _sub(preface, "p")
    _sub(place_and_date, "location", statement.place, refersTo="#place").tail = ", "
    _sub(place_and_date, "docDate", long_date(statement.date), date=statement.date.isoformat())
    return preface


def _paragraph(statement: Statement, paragraph: Paragraph) -> ET.Element:
    element = ET.Element("paragraph", eId=paragraph.anchor)
    _sub(element, "num", f"{paragraph.number}.")
    text = _sub(_sub(element, "content"), "p")
    for index, commitment in enumerate(paragraph.commitments):
        inline = _sub(text, "inline", name=COMMITMENT, eId=commitment.anchor)
        _fill(inline, statement, commitment)
        if index < len(paragraph.commitments) - 1:
            inline.tail = " "
    return element


def _fill(inline: ET.Element, statement: Statement, commitment: Commitment) -> None:
    """Put the commitment's words into ``inline``, each mention as a ``<ref>``."""
    last: ET.Element | None = None
    count = 0
    for piece, document in statement.segments(commitment):
        if document is None:
            if last is None:
                inline.text = piece
            else:
                last.tail = piece
            continue
        count += 1
        last = _sub(inline, "ref", piece, eId=f"{commitment.anchor}__ref_{count}", href=document.url)


def _document_eid(document: Document) -> str:
    """``doc_`` and the document's id, made safe for an ``eId`` (no white space) without collisions."""
    return "doc_" + re.sub(r"[%\s]", lambda m: urllib.parse.quote(m[0], safe=""), document.id)


def _ontology(kind: str, name: str) -> str:
    """An Akoma Ntoso IRI for a non-document entity: ``/akn/ontology/<kind>/<name as a slug>``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return f"/akn/ontology/{kind}/{slug or 'unnamed'}"


def _serialize(element: ET.Element, level: int | None, parts: list[str]) -> None:
    """Append ``element`` as XML to ``parts``, as ``ET.tostring`` writes it.

    Element-only content is indented (``level`` is the element's depth); the content
    of :data:`_MIXED_CONTENT` elements, and everything inside it (``level`` is
    ``None``), is written exactly as it is. Written here rather than by ElementTree,
    whose serializer took most of the time of this export with thousands of
    statements.
    """
    tag = element.tag
    attributes = "".join(f' {name}="{_escape_attribute(value)}"' for name, value in element.attrib.items())
    if not element.text and len(element) == 0:
        parts.append(f"<{tag}{attributes} />")
    elif level is None or tag in _MIXED_CONTENT or len(element) == 0:
        parts.append(f"<{tag}{attributes}>{_escape_text(element.text or '')}")
        for child in element:
            _serialize(child, None, parts)
        parts.append(f"</{tag}>")
    else:
        parts.append(f"<{tag}{attributes}>")
        for child in element:
            parts.append("\n" + INDENT * (level + 1))
            _serialize(child, level + 1, parts)
        parts.append(f"\n{INDENT * level}</{tag}>")
    if level is None and element.tail:
        parts.append(_escape_text(element.tail))


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    escaped = _escape_text(value).replace('"', "&quot;")
    return escaped.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")
