"""The data downloads: ``data.json``, ``data.akn.xml`` and ``statements/index.json``.

They carry the contract's anchors and the official words exactly, the Akoma Ntoso
file is valid against the OASIS schema, and golden files pin the rest. To accept
a deliberate change of output, run ``UPDATE_GOLDEN=1 python -m pytest
tests/test_exports.py`` and review the diff of ``tests/golden/``.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema

from edition.records import recordfile, registry
from edition.site import dataschema
from edition.site.akn import NAMESPACE, akoma_ntoso
from edition.site.dataschema import data_schema
from edition.site.exports import corpus_index, statement_data
from edition.site.formatdoc import data_page
from edition.site.listings import listing
from edition.statements.fileformat import PARAGRAPH, STATEMENT
from edition.statements.model import Document, Issuer, Paragraph, Sentence, Source, Statement
from edition.statements.shapes import LeftOut, ListOf, RecordShape
from tests.conftest import ROOT, STATEMENT_ID
from tests.sources import published
from tests.test_pages import assert_golden

SITE_URL = "https://example.github.io/edition/"
"""The address the downloads are made for."""
PAGE_URL = f"{SITE_URL}statements/{STATEMENT_ID}/"
AKN_SCHEMA = ROOT / "tests" / "standards" / "akomantoso30.xsd"
"""The OASIS LegalDocML Akoma Ntoso 3.0 schema."""
NS = {"akn": NAMESPACE}

COMMITMENTS_PER_PARAGRAPH = {1: 3, 2: 4, 3: 3, 4: 3}
"""The published anchors of the first statement (CONTRIBUTING.md, "URLs and anchors")."""
PUBLISHED_ANCHORS = [
    anchor
    for number, count in COMMITMENTS_PER_PARAGRAPH.items()
    for anchor in [f"para_{number}", *(f"para_{number}__cmt_{m}" for m in range(1, count + 1))]
]

JsonObject = dict[str, Any]


@pytest.fixture(scope="module")
def record(statement: Statement) -> recordfile.AnchorRecord:
    found, problems = recordfile.load(registry.path_of(ROOT, STATEMENT_ID))
    assert problems == []
    assert found is not None
    return found


@pytest.fixture(scope="module")
def akn_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(AKN_SCHEMA)


@pytest.fixture(scope="module")
def akn_text(statement: Statement) -> str:
    return akoma_ntoso(statement, SITE_URL)


@pytest.fixture(scope="module")
def akn(akn_text: str) -> ET.Element:
    return ET.fromstring(akn_text.encode("utf-8"))


@pytest.fixture(scope="module")
def data(statement: Statement, record: recordfile.AnchorRecord) -> JsonObject:
    loaded: JsonObject = json.loads(statement_data(statement, record, SITE_URL))
    return loaded


def eids(root: ET.Element) -> Counter[str]:
    """How often each ``eId`` occurs in ``root``."""
    return Counter(element.attrib["eId"] for element in root.iter() if "eId" in element.attrib)


def text(element: ET.Element) -> str:
    """The text content of ``element``, as a reader of the XML gets it."""
    return "".join(element.itertext())


def one(root: ET.Element, path: str) -> ET.Element:
    """The only element at ``path`` (``akn:`` names the Akoma Ntoso namespace)."""
    found = root.findall(path, NS)
    assert len(found) == 1, f"{len(found)} elements at {path}"
    return found[0]


def commitment_of(data: JsonObject, citation: str) -> JsonObject:
    """The commitment cited as ``N.M`` in ``data.json``."""
    found: JsonObject = next(c for p in data["paragraphs"] for c in p["commitments"] if c["citation"] == citation)
    return found


# Akoma Ntoso


@pytest.mark.build  # the OASIS schema takes over a second to load; in the fast lane the golden file pins the text
@pytest.mark.parametrize("case", ["the statement", "hostile text", "inserted sentence numbers"])
def test_akn_is_valid_against_the_oasis_schema(
    akn_schema: xmlschema.XMLSchema, statement: Statement, case: str
) -> None:
    chosen = {
        "the statement": statement,
        "hostile text": hostile_statement(),
        "inserted sentence numbers": with_inserted_numbers(statement),
    }[case]
    akn_schema.validate(akoma_ntoso(chosen, SITE_URL))


def test_akn_is_a_statement_document_in_utf8(akn_text: str, akn: ET.Element) -> None:
    assert akn_text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso ')
    assert akn_text.endswith("</akomaNtoso>\n")
    assert akn.tag == f"{{{NAMESPACE}}}akomaNtoso"
    assert [child.tag for child in akn] == [f"{{{NAMESPACE}}}statement"]
    assert akn[0].attrib["name"] == "NATO Press Statement"


def test_every_contract_anchor_is_exactly_one_eid(akn: ET.Element) -> None:
    counts = eids(akn)
    assert {anchor: counts[anchor] for anchor in PUBLISHED_ANCHORS} == dict.fromkeys(PUBLISHED_ANCHORS, 1)
    body = one(akn, "akn:statement/akn:mainBody")
    assert [p.attrib["eId"] for p in body.findall("akn:paragraph", NS)] == [f"para_{n}" for n in range(1, 5)]
    commitments = body.findall(".//akn:inline[@name='commitment']", NS)
    assert [c.attrib["eId"] for c in commitments] == [a for a in PUBLISHED_ANCHORS if "__cmt_" in a]


@pytest.mark.parametrize("number", [1, 2, 3, 4], ids=lambda n: f"para_{n}")
def test_paragraph_text_is_the_official_text(akn: ET.Element, number: int) -> None:
    paragraph = one(akn, f".//akn:paragraph[@eId='para_{number}']")
    assert text(one(paragraph, "akn:num")) == f"{number}."
    assert text(one(paragraph, "akn:content/akn:p")) == published().paragraphs[number]


def test_each_commitment_inline_holds_its_words(akn: ET.Element, statement: Statement) -> None:
    for commitment in statement.sentences:
        inline = one(akn, f".//akn:inline[@eId='{commitment.anchor}']")
        assert inline.attrib["name"] == "commitment"
        assert text(inline) == commitment.text


def test_mentions_of_referred_documents_are_refs(akn: ET.Element) -> None:
    refs = one(akn, ".//akn:inline[@eId='para_3__cmt_3']").findall("akn:ref", NS)
    assert [(ref.attrib["eId"], text(ref), ref.attrib["href"]) for ref in refs] == [
        ("para_3__cmt_3__ref_1", "UN Security Council Resolutions 1368", "https://undocs.org/S/RES/1368(2001)"),
        ("para_3__cmt_3__ref_2", "1373", "https://undocs.org/S/RES/1373(2001)"),
    ]
    founding = one(akn, ".//akn:inline[@eId='para_1__cmt_2']/akn:ref")
    assert text(founding) == "NATO-Russia Founding Act"


def test_editorial_headings_are_notes_outside_the_text(akn: ET.Element, statement: Statement) -> None:
    assert akn.findall(".//akn:heading", NS) == []
    notes = one(akn, "akn:statement/akn:meta/akn:notes")
    assert notes.attrib["source"] == "#edition"
    assert {note.attrib["placementBase"]: text(one(note, "akn:p")) for note in notes} == {
        "para_1": "A new relationship and a new council",
        "para_2": "Dialogue and new mechanisms by May 2002",
        "para_3": "Terrorism",
        "para_4": "Common threats, closer cooperation",
    }
    assert {note.attrib["class"] for note in notes} == {"editorialHeading"}


def test_kinds_and_topics_are_keywords_of_each_commitment(akn: ET.Element) -> None:
    keywords = one(akn, "akn:statement/akn:meta/akn:classification").findall("akn:keyword", NS)

    def terms(anchor: str, dictionary: str) -> list[str]:
        return [
            k.attrib["value"]
            for k in keywords
            if k.attrib["href"] == f"#{anchor}" and k.attrib["dictionary"] == f"#{dictionary}"
        ]

    assert terms("para_3__cmt_3", "kinds") == ["support"]
    assert terms("para_3__cmt_3", "topics") == ["terrorism"]
    assert terms("para_1__cmt_2", "topics") == ["nato-russia-relations", "euro-atlantic-security"]
    assert len(terms("para_4__cmt_3", "topics")) == 9


def test_frbr_identification_follows_the_naming_convention(akn: ET.Element) -> None:
    identification = one(akn, "akn:statement/akn:meta/akn:identification")
    work = "/akn/int/statement/2001-12-07/nato-russia-joint-statement"

    def value(path: str) -> str:
        return one(identification, path).attrib["value"]

    assert value("akn:FRBRWork/akn:FRBRthis") == f"{work}/!main"
    assert value("akn:FRBRWork/akn:FRBRuri") == work
    assert value("akn:FRBRWork/akn:FRBRcountry") == "int"
    assert value("akn:FRBRExpression/akn:FRBRuri") == f"{work}/eng"
    assert one(identification, "akn:FRBRExpression/akn:FRBRlanguage").attrib["language"] == "eng"
    assert value("akn:FRBRManifestation/akn:FRBRthis") == f"{work}/eng/!main.xml"
    assert one(identification, "akn:FRBRWork/akn:FRBRdate").attrib["date"] == "2001-12-07"


def test_preface_holds_the_title_block(akn: ET.Element) -> None:
    source = published()
    preface = one(akn, "akn:statement/akn:preface")
    assert text(one(preface, ".//akn:docTitle")) == source.title
    assert text(one(preface, "akn:longTitle")).strip() == source.subtitle
    assert text(one(preface, ".//akn:docType")) == "NATO Press Statement"
    assert one(preface, ".//akn:docDate").attrib["date"] == "2001-12-07"
    assert text(one(preface, ".//akn:location")) == "Brussels"


# data.json


def test_data_names_its_format_and_statement(data: JsonObject) -> None:
    assert data["format"] == "statement-data/1"
    assert data["id"] == STATEMENT_ID
    assert data["url"] == PAGE_URL
    assert data["downloads"] == {"json": f"{PAGE_URL}data.json", "akoma_ntoso": f"{PAGE_URL}data.akn.xml"}
    assert data["date"] == "2001-12-07"
    assert data["issuer"] == {"body": "NATO-Russia Permanent Joint Council", "level": "Foreign Ministers"}
    assert data["source"] == {
        "url": "https://www.nato.int/docu/pr/2001/p011207e.htm",
        "publisher": "NATO",
        "updated": "2001-12-07",
        "checked": "2026-11-27",  # the date the statement file gives: once lost between the file and the data
        "taken": "2026-11-27",
    }


def test_data_anchors_and_urls_are_the_contract(data: JsonObject) -> None:
    anchors = [a for p in data["paragraphs"] for a in [p["anchor"], *(c["anchor"] for c in p["commitments"])]]
    assert anchors == PUBLISHED_ANCHORS
    for paragraph in data["paragraphs"]:
        assert paragraph["url"] == f"{PAGE_URL}#{paragraph['anchor']}"
        for commitment in paragraph["commitments"]:
            assert commitment["url"] == f"{PAGE_URL}#{commitment['anchor']}"
            assert commitment["citation"] == f"{paragraph['number']}.{commitment['number']}"


def test_data_texts_are_the_official_text(data: JsonObject, statement: Statement) -> None:
    official = published().paragraphs
    assert {p["number"]: p["text"] for p in data["paragraphs"]} == official
    for paragraph in data["paragraphs"]:
        assert " ".join(c["text"] for c in paragraph["commitments"]) == official[paragraph["number"]]
    assert [c["text"] for p in data["paragraphs"] for c in p["commitments"]] == [c.text for c in statement.sentences]


def test_data_carries_editorial_values_exactly(data: JsonObject) -> None:
    support = commitment_of(data, "3.3")
    assert (support["kind"], support["topics"], support["references"]) == (
        "support",
        ["terrorism"],
        ["unscr-1368", "unscr-1373"],
    )
    assert support["deadline"] is None
    deadline = commitment_of(data, "2.4")["deadline"]
    assert deadline["date"] == "2002-05"
    assert [(f["date"], f["url"]) for f in deadline["followed_by"]] == [
        ("2002-05-14", "https://www.nato.int/docu/pr/2002/p020514e.htm"),
        ("2002-05-28", "https://www.nato.int/cps/en/natohq/official_texts_19572.htm"),
    ]
    assert data["paragraphs"][0]["editorial_heading"] == "A new relationship and a new council"
    assert [d["id"] for d in data["documents"]] == ["founding-act", "unscr-1368", "unscr-1373"]
    assert data["documents"][0]["mentions"] == ["NATO-Russia Founding Act", "Founding Act"]


def test_data_lists_the_records_corrections_and_retired_anchors(
    statement: Statement, record: recordfile.AnchorRecord
) -> None:
    changed = replace(
        record,
        errata=(recordfile.Erratum("para_3__cmt_1", "2024-01-02", "We condem.", "We condemn.", "A typo."),),
        retired=(recordfile.Retirement("para_5", "para_4", "2024-01-03", "Merged into paragraph 4."),),
    )
    data = json.loads(statement_data(statement, changed, SITE_URL))
    assert data["errata"] == [
        {
            "anchor": "para_3__cmt_1",
            "date": "2024-01-02",
            "old_text": "We condem.",
            "new_text": "We condemn.",
            "reason": "A typo.",
        }
    ]
    assert data["retired"] == [
        {"anchor": "para_5", "successor": "para_4", "date": "2024-01-03", "reason": "Merged into paragraph 4."}
    ]
    validator(data_schema()).validate(data)


def test_every_field_of_the_format_is_in_the_data_or_left_out_with_a_reason(data: JsonObject) -> None:
    schema = json.loads(data_schema())
    met: list[str] = []

    def resolved(part: JsonObject) -> JsonObject:
        """``part`` with its ``$ref`` followed, and without the ``null`` of an optional value."""
        if "anyOf" in part:
            part = part["anyOf"][0]
        if "items" in part:
            part = part["items"]
        if "$ref" in part:
            part = schema["$defs"][part["$ref"].removeprefix("#/$defs/")]
        return part

    def check(record: RecordShape, value: JsonObject, described: JsonObject) -> None:
        met.append(record.name)
        assert list(value) == list(described["properties"]) == described["required"], record.name
        for field in record.fields:
            if isinstance(field.data, LeftOut):
                assert field.data_key is None
                assert field.data.reason.endswith("."), f"{record.name}.{field.key} is left out without a reason"
                continue
            assert field.data_key in value, f"{record.name}.{field.key} is not in data.json"
            shape = field.shape.item if isinstance(field.shape, ListOf) else field.shape
            if isinstance(shape, RecordShape):
                inner = value[field.data_key]
                for item in inner if isinstance(inner, list) else [inner]:
                    if item is not None:
                        check(shape, item, resolved(described["properties"][field.data_key]))

    check(STATEMENT, data, schema)
    assert set(met) == {record.name for record in STATEMENT.records()}  # every record met in the data


def test_the_file_keys_data_json_renames_or_leaves_out_are_on_the_data_page() -> None:
    page = data_page([])
    assert (
        "| record | key in the file | in data.json |\n"
        "|---|---|---|\n"
        "| [Paragraph](../format/index.md#paragraph) | `heading` | `editorial_heading` |\n"
        "| [Sentence](../format/index.md#commitment) | `number` | left out. The data write the permanent number "
        "in the sentence's `anchor` and `citation`; its `number` there is its place in the paragraph, as "
        "`position` is. |\n\n"
    ) in page
    assert (
        "`data.json` is still `statement-data/1`: these keys were added since, newest first. A reader\n"
        "of the first files can ignore them.\n\n"
        "- Each sentence has `position`, its place in its paragraph: 1, 2, ... Its `number` is the same place, "
        "kept as it was; the sentence's permanent number (`1`, `1A`, `A1`) is in its `anchor` and `citation`.\n"
        "- `source` has `checked`, the date the edition last compared its words with the published text.\n"
    ) in page


def test_a_layout_of_the_data_that_forgets_a_published_field_is_refused() -> None:
    with pytest.raises(ValueError, match=r"lists the fields \['number'\], the format publishes"):
        dataschema.DataRecord("paragraph", ("number",), PARAGRAPH)


def test_a_layout_of_the_data_with_a_key_twice_is_refused() -> None:
    position = dataschema.Added("position", {}, dataschema.attribute("position"))
    with pytest.raises(ValueError, match=r"has a key twice: \['position', 'position'\]"):
        dataschema.DataRecord("sentence", (position, position))


def test_the_schema_describes_number_and_position() -> None:
    sentence = json.loads(data_schema())["$defs"]["commitment"]["properties"]
    assert sentence["number"] == {
        "type": "integer",
        "minimum": 1,
        "description": "Its place in the paragraph, as `position` gives it; its permanent number is in "
        "`anchor` and `citation`.",
    }
    assert sentence["position"] == {
        "type": "integer",
        "minimum": 1,
        "description": "Its place in the paragraph: 1, 2, ...",
    }


def validator(schema_text: str) -> jsonschema.Draft202012Validator:
    """A validator for the published schema, after checking that the schema itself is valid."""
    schema = json.loads(schema_text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_data_is_valid_against_its_published_schema(data: JsonObject) -> None:
    validator(data_schema()).validate(data)


# statements/index.json


def test_corpus_index_lists_newest_first_with_counts(statement: Statement) -> None:
    later = replace(statement, id="2002-05-14-later-statement", date=datetime.date(2002, 5, 14))
    same_day = replace(statement, id="2001-12-07-another-statement")
    index = json.loads(corpus_index([listing(s) for s in (statement, later, same_day)], SITE_URL))
    assert index["format"] == "statement-index/1"
    assert [entry["id"] for entry in index["statements"]] == [
        "2002-05-14-later-statement",
        "2001-12-07-another-statement",
        STATEMENT_ID,
    ]
    entry = index["statements"][2]
    assert entry["url"] == PAGE_URL
    assert entry["downloads"] == {"json": f"{PAGE_URL}data.json", "akoma_ntoso": f"{PAGE_URL}data.akn.xml"}
    assert (entry["paragraph_count"], entry["commitment_count"]) == (4, 13)


# Golden files: read line by line before they were accepted.


def test_golden_data_json(statement: Statement, record: recordfile.AnchorRecord) -> None:
    assert_golden(f"{STATEMENT_ID}.data.json", statement_data(statement, record, SITE_URL))


def test_golden_akoma_ntoso(akn_text: str) -> None:
    assert_golden(f"{STATEMENT_ID}.akn.xml", akn_text)


def test_golden_statements_index(statement: Statement) -> None:
    assert_golden("statements-index.json", corpus_index([listing(statement)], SITE_URL))


def test_golden_data_schema() -> None:
    assert_golden("data.schema.json", data_schema())


# Hostile text: whatever characters a statement holds, the files give them back exactly.

HOSTILE = [
    "<b>bold</b> & <script>alert(1)</script> </p></inline> ]]> end",
    "<![CDATA[ not data ]]> <!-- not a comment --> <?pi not an instruction?> &amp; &lt; &#60; &unknown;",
    "\"double\" 'single' “curly” ‘quotes’ — dash … Ünïcödé non\u00a0breaking zero\u200bwidth right\u200fleft 🕊",
    'The <&> "agreement" applies.',
]
"""Commitment texts, each one sentence of a single paragraph."""
HOSTILE_TITLE = 'Title <b>&</b> "quoted" ]]> Ünïcödé'
HOSTILE_DOCUMENT = Document(
    id="odd id%20 <&>",
    title='The <&> "agreement"\nof 2001',
    short_title="<&>",
    date=datetime.date(2001, 1, 1),
    url="https://example.org/?a=1&b=2#x",
    mentions=("<&>",),
)


def hostile_statement() -> Statement:
    """A statement whose every free text is hostile to XML and JSON."""
    commitments = tuple(
        Sentence(
            paragraph=1,
            number=str(number),
            position=number,
            text=words,
            kind="commit",
            topics=("terrorism",),
            references=(HOSTILE_DOCUMENT.id,) if HOSTILE_DOCUMENT.mentions[0] in words else (),
            deadline=None,
            line=1,
        )
        for number, words in enumerate(HOSTILE, start=1)
    )
    return Statement(
        id="2001-12-07-hostile",
        path=Path("statements/2001-12-07-hostile.yaml"),
        title=HOSTILE_TITLE,
        subtitle=HOSTILE[0],
        document_type='Type "<&>" ]]>',
        date=datetime.date(2001, 12, 7),
        place="Ünïcödé <City> & ]]>",
        issuer=Issuer(HOSTILE[1], "Level <&>"),
        source=Source("https://example.org/?a=1&b=2", HOSTILE[2], None),
        documents=(HOSTILE_DOCUMENT,),
        paragraphs=(Paragraph(1, "Heading <i>x</i> & ]]>", commitments, 1),),
    )


def test_hostile_text_comes_back_exactly_from_the_xml() -> None:
    """The text of :func:`hostile_statement`, whose XML the schema test validates too."""
    statement = hostile_statement()
    xml = akoma_ntoso(statement, SITE_URL)
    root = ET.fromstring(xml.encode("utf-8"))
    assert text(one(root, ".//akn:paragraph[@eId='para_1']/akn:content/akn:p")) == statement.paragraphs[0].text
    for number, words in enumerate(HOSTILE, start=1):
        inline = one(root, f".//akn:inline[@eId='para_1__cmt_{number}']")
        assert text(inline) == words
        assert [child.tag for child in inline] == ([f"{{{NAMESPACE}}}ref"] if "<&>" in words else [])
    assert text(one(root, ".//akn:docTitle")) == HOSTILE_TITLE
    assert text(one(root, ".//akn:note/akn:p")) == "Heading <i>x</i> & ]]>"
    assert root[0].attrib["name"] == 'Type "<&>" ]]>'
    reference = one(root, ".//akn:TLCReference")
    assert (reference.attrib["showAs"], reference.attrib["shortForm"]) == (HOSTILE_DOCUMENT.title, "<&>")
    assert reference.attrib["eId"] == "doc_odd%20id%2520%20<&>"


def test_hostile_text_comes_back_exactly_from_the_json() -> None:
    statement = hostile_statement()
    data = json.loads(statement_data(statement, recordfile.AnchorRecord(statement.id, {}), SITE_URL))
    assert [c["text"] for c in data["paragraphs"][0]["commitments"]] == HOSTILE
    assert data["paragraphs"][0]["text"] == " ".join(HOSTILE)
    assert (data["title"], data["place"]) == (HOSTILE_TITLE, "Ünïcödé <City> & ]]>")
    assert data["documents"][0]["title"] == HOSTILE_DOCUMENT.title
    validator(data_schema()).validate(data)
    index = json.loads(corpus_index([listing(statement)], SITE_URL))
    assert index["statements"][0]["title"] == HOSTILE_TITLE


def with_inserted_numbers(statement: Statement) -> Statement:
    """``statement`` with the sentences of paragraph 3 numbered A1, 1 and 1A, as inserted sentences are."""
    paragraph = statement.paragraphs[2]
    first, *others = paragraph.sentences
    renumbered = (
        dataclasses.replace(first, number="A1"),
        *(dataclasses.replace(c, number=n) for c, n in zip(others, ("1", "1A"), strict=True)),
    )
    paragraphs = list(statement.paragraphs)
    paragraphs[2] = dataclasses.replace(paragraph, sentences=renumbered)
    return dataclasses.replace(statement, paragraphs=tuple(paragraphs))


def test_inserted_sentence_numbers_are_valid_eids_and_data(
    statement: Statement, record: recordfile.AnchorRecord
) -> None:
    """The eIds and data of :func:`with_inserted_numbers` (whose XML is valid against the schema too)."""
    changed = with_inserted_numbers(statement)
    xml = akoma_ntoso(changed, SITE_URL)
    root = ET.fromstring(xml.encode("utf-8"))
    assert [i.attrib["eId"] for i in root.iterfind(".//akn:paragraph[@eId='para_3']//akn:inline", NS)] == [
        "para_3__cmt_A1",
        "para_3__cmt_1",
        "para_3__cmt_1A",
    ]
    data = json.loads(statement_data(changed, record, SITE_URL))
    validator(data_schema()).validate(data)
    sentences = data["paragraphs"][2]["commitments"]
    assert [(s["number"], s["position"], s["anchor"], s["citation"]) for s in sentences] == [
        (1, 1, "para_3__cmt_A1", "3.A1"),
        (2, 2, "para_3__cmt_1", "3.1"),
        (3, 3, "para_3__cmt_1A", "3.1A"),
    ]
