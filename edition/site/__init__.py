"""The parts of the site made from checked statements, as text for ``docs/``.

Each module takes :class:`~edition.statements.model.Statement` values and returns
the text of files; none of them reads or writes a file of the project:

* :mod:`~edition.site.markup` - escaping (official words are never read as HTML or
  Markdown), front matter, and how values look on a page;
* :mod:`~edition.site.citations` - citations by citeproc-py from the CSL files in ``csl/``,
  and the files reference managers read;
* :mod:`~edition.site.metadata` - schema.org JSON-LD;
* :mod:`~edition.site.pages` - the Markdown of a statement page and the list of statements;
* :mod:`~edition.site.listings` - the pages that list across statements;
* :mod:`~edition.site.dataschema` - what ``data.json`` holds, declared once from the file format,
  and its JSON Schema;
* :mod:`~edition.site.exports` - ``data.json`` and ``index.json`` written;
* :mod:`~edition.site.akn` - the Akoma Ntoso export;
* :mod:`~edition.site.formatdoc` - the statement file format and data pages;
* :mod:`~edition.site.scriptrules` - the rules the site's scripts take from the code.
"""
