"""The "Statement file format" and "Data" pages, made from the same declaration as validation.

Every key, every kind and every topic on the format page comes from
:mod:`edition.statements.fileformat` and :mod:`edition.vocabulary`, so the page cannot
describe a format the checker does not enforce. The Data page takes the keys of the file
that ``data.json`` names otherwise or leaves out from the same declaration, and the
data's changes from :mod:`edition.site.dataschema`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from edition import anchors, urls
from edition.dates import long_date
from edition.limits import MAX_DIGITS, MAX_ID_LENGTH, MAX_NESTING, MAX_STATEMENT_BYTES, MAX_TEXT_LENGTH
from edition.site.dataschema import DATA_CHANGES, DATA_FORMAT
from edition.site.listings import Listing, newest_first
from edition.site.markup import front_matter, markdown_text
from edition.statements.fileformat import STATEMENT
from edition.statements.shapes import LeftOut, ListOf, RecordShape
from edition.vocabulary import KINDS, TOPICS, Term

INTRODUCTION = f"""\
# Statement file format

Each statement is one YAML file, `statements/<id>.yaml`. The file name is the
statement's permanent id: its date, then lower-case words joined by hyphens, for
example `2001-12-07-nato-russia-joint-statement.yaml`, at most {MAX_ID_LENGTH}
characters long. The id appears in every URL of the statement and never changes.

`python build_site.py check` enforces every rule below and reports each problem as a
`path:line:col: message` line. Editors that use the YAML language server (for
example VS Code with the YAML extension) check and complete the file as you type
when its first line names the JSON Schema:

```yaml
# yaml-language-server: $schema=statement.schema.json
```

The schema is published with the site: [statement.schema.json](statement.schema.json).

## Rules

- The file is UTF-8 (a byte-order mark and CRLF line endings are fine) and holds one
  YAML document of plain data: no anchors, aliases or tags, no duplicate keys. It is
  a regular file of at most {MAX_STATEMENT_BYTES:,} bytes (a statement of 10,000
  paragraphs takes under 4 MB), with lists and mappings nested at most
  {MAX_NESTING:,} deep.
- A key the format does not know is an error, so a typo never passes silently.
- Text values are single lines (long values may be wrapped over several lines in the
  file: YAML joins them with single spaces), not empty, at most {MAX_TEXT_LENGTH:,}
  characters long, with no spaces at either end and no control characters. Write a
  value that YAML would read as a number, a date or a truth value in quotes.
- No character that shows nothing is in the file as it is, not even in a comment: no
  control character but tab and the line ends, no U+0085, U+2028 or U+2029 (YAML
  takes them for line breaks), no noncharacter, and no invisible character (soft
  hyphen, zero-width characters, bidirectional marks and controls, a byte-order mark
  after the file's start, tag characters, variation selectors, ...). If an official
  text truly holds an invisible character, write it as an escape in a double-quoted
  string, e.g. `text: "co\\u00ADoperation."` for a soft hyphen (`\\U000E0041` for one
  beyond U+FFFF): the page shows the character itself. Addresses hold none.
- The `date` is the first part of the file name.
- Paragraphs are numbered 1, 2, ... in order, each number once; a number has at most
  {MAX_DIGITS} digits.
- Addresses are absolute `http` or `https` URLs, with a valid port if they name one,
  and no user name or password.
- Each item of a paragraph's `commitments` is one sentence of the official text, of
  any kind (the key keeps its first name). Joined with single spaces, a paragraph's
  sentences give exactly the paragraph as published.
- Every id in a sentence's `references` is declared in the statement's `documents`.
"""


def format_page() -> str:
    """The Markdown of ``/format/``."""
    parts = [front_matter("Statement file format", for_developers=True), INTRODUCTION]
    parts += ["\n".join(_record(record)) for record in STATEMENT.records()]
    parts.append("\n".join(_vocabulary("Sentence kinds", "kinds", KINDS, "What a sentence does, by its main verb.")))
    parts.append("\n".join(_vocabulary("Topics", "topics", TOPICS, "What a sentence is about.")))
    return "\n".join(parts)


def _record(record: RecordShape) -> Iterator[str]:
    yield f"## {record.name} {{ #{record.page_anchor} }}"
    yield ""
    yield record.doc
    yield ""
    yield "| key | required | value | what it holds |"
    yield "|---|---|---|---|"
    for field in record.fields:
        shape = field.shape.item if isinstance(field.shape, ListOf) else field.shape
        value = field.shape.summary
        if isinstance(shape, RecordShape):
            value = f"[{value}](#{shape.page_anchor})"
        required = "yes" if field.required else "no"
        yield f"| `{field.key}` | {required} | {value} | {field.doc} |"
    yield ""


def _vocabulary(title: str, anchor: str, terms: tuple[Term, ...], doc: str) -> Iterator[str]:
    yield f"## {title} {{ #{anchor} }}"
    yield ""
    yield doc
    yield ""
    yield "| term | label | when to use it |"
    yield "|---|---|---|"
    for term in terms:
        yield f"| `{term.id}` | {term.label} | {term.definition} |"
    yield ""


DATA_PAGE = """\
# Data

Every statement is published as data as well as a page, under permanent addresses
next to its page. The data hold the official words exactly, with every anchor.

{downloads}

## data.json

The JSON Schema of `data.json` is [`statement-data.schema.json`](statement-data.schema.json).
The field `format` names the version of the layout; a change that could break a
reader gets a new version. Kinds and topics are the terms of the vocabularies
documented on [Statement file format](../format/index.md#kinds) and
[Topics](../topics/index.md). Dates are written `YYYY-MM-DD`; a deadline may be a
month, `YYYY-MM`.

Every key of the statement file is in `data.json` under the same name, but these:

{file_keys}

### Changes

`data.json` is still `{data_format}`: these keys were added since, newest first. A reader
of the first files can ignore them.

{changes}

## data.akn.xml

An Akoma Ntoso 3.0 `statement` document (OASIS LegalDocML), valid against the
OASIS schema: FRBR identification, references to the issuing body and the documents
referred to, a preface with the title, descriptive line, date and place, and a main
body with one `paragraph` element per paragraph, `eId="{paragraph_form}"`. Each sentence is
an `inline` element named `{akn_sentence}`, `eId="{sentence_form}"`. The `eId`s are the
anchors of the statement page: `{example}` in the XML is `#{example}` on the
page.

## The statements as data

"""


def downloads() -> list[tuple[str, str, str]]:
    """The downloads of the Data page: what, where, in which format."""
    index, schema = urls.relative(urls.DATA, urls.STATEMENTS_INDEX), urls.relative(urls.DATA, urls.FORMAT_SCHEMA)
    folder = "/" + urls.statement_path("<id>")
    return [
        ("all statements", f"[`/{urls.STATEMENTS_INDEX}`]({index})",
         "JSON: each statement's id, title, date, place, page and data addresses"),
        *(("one statement", f"`{folder}{file.name}`", file.format) for file in urls.DOWNLOAD_FILES),
        ("the statement files", f"[`/{urls.FORMAT_SCHEMA}`]({schema})",
         f"JSON Schema of the YAML files the site is built from: see [Statement file format]"
         f"({urls.relative(urls.DATA, urls.page_file(urls.FORMAT))})"),
    ]  # fmt: skip


def file_keys() -> Iterator[str]:
    """The table of the keys of the statement file that ``data.json`` names otherwise or leaves out, and why."""
    yield "| record | key in the file | in data.json |"
    yield "|---|---|---|"
    format_page = urls.relative(urls.DATA, urls.page_file(urls.FORMAT))
    for record in STATEMENT.records():
        for field in record.fields:
            if isinstance(field.data, LeftOut):
                published = f"left out. {field.data.reason}"
            elif field.data_key != field.key:
                published = f"`{field.data_key}`"
            else:
                continue
            yield f"| [{record.name}]({format_page}#{record.page_anchor}) | `{field.key}` | {published} |"


def data_page(listings: Iterable[Listing]) -> str:
    """The Markdown of ``/data/``: the formats, and every statement's downloads."""
    table = ["| what | address | format |", "|---|---|---|", *(f"| {a} | {b} | {c} |" for a, b, c in downloads())]
    lines = [
        front_matter("Data", for_developers=True),
        DATA_PAGE.format(
            downloads="\n".join(table),
            file_keys="\n".join(file_keys()),
            data_format=DATA_FORMAT,
            paragraph_form=anchors.PARAGRAPH_FORM,
            sentence_form=anchors.SENTENCE_FORM,
            example=anchors.sentence(3, "1"),
            akn_sentence=urls.AKN_SENTENCE,
            changes="\n".join(f"- {change}" for change in DATA_CHANGES),
        ),
        "| statement | JSON | Akoma Ntoso |",
        "|---|---|---|",
    ]
    for listed in newest_first(listings):
        folder = urls.relative(urls.DATA, urls.statement_path(listed.id))
        lines.append(
            f"| [{markdown_text(listed.title)}, {long_date(listed.date)}]({urls.page_file(folder)}) "
            f"| [{urls.DATA_JSON}]({folder}{urls.DATA_JSON}) | [{urls.DATA_AKN}]({folder}{urls.DATA_AKN}) |"
        )
    return "\n".join(lines) + "\n"
