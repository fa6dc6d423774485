"""Metadata for machines: schema.org JSON-LD describing a statement page.

Search engines and citation tools read it from the page's head (see
``overrides/main.html``): the statement's name, date, place, author (the issuing
body), publisher, address, the official source it is based on, and its parts,
each paragraph and sentence with its permanent address.
"""

from __future__ import annotations

from typing import Any

from edition import urls
from edition.jsonfiles import script_json
from edition.statements.model import Statement


def structured_data(statement: Statement, site_url: str) -> str:
    """The JSON-LD of a statement page, safe inside ``<script>``: ``<``, ``>`` and ``&`` are escaped."""
    page = urls.statement_url(site_url, statement.id)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": page,
        "url": page,
        "name": statement.title,
        "alternativeHeadline": statement.subtitle,
        "genre": statement.document_type,
        "dateCreated": statement.date.isoformat(),
        "locationCreated": {"@type": "Place", "name": statement.place},
        "author": {"@type": "Organization", "name": statement.issuer.body},
        "publisher": {"@type": "Organization", "name": statement.source.publisher},
        "isBasedOn": statement.source.url,
        "inLanguage": "en",
        "encoding": [
            {
                "@type": "MediaObject",
                "encodingFormat": download.media_type,
                "contentUrl": urls.file_url(site_url, statement.id, download.name),
            }
            for download in urls.DOWNLOAD_FILES
            if download.name in (urls.DATA_JSON, urls.DATA_AKN)
        ],
        "hasPart": [
            {
                "@type": "CreativeWork",
                "@id": urls.at(page, paragraph.anchor),
                "url": urls.at(page, paragraph.anchor),
                "name": f"Paragraph {paragraph.number}",
                "position": paragraph.number,
                "text": paragraph.text,
                "hasPart": [
                    {
                        "@type": "CreativeWork",
                        "@id": urls.at(page, sentence.anchor),
                        "url": urls.at(page, sentence.anchor),
                        "name": f"Sentence {sentence.citation_number}",
                        "position": sentence.position,
                        "text": sentence.text,
                    }
                    for sentence in paragraph.sentences
                ],
            }
            for paragraph in statement.paragraphs
        ],
    }
    if statement.subtitle is None:
        del data["alternativeHeadline"]
    return script_json(data)
