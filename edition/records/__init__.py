"""The anchors a statement has published, and how they keep their words.

Data flows through the modules in this order:

* :mod:`~edition.records.numbering` - sentence numbers, inserted ones (``1A``, ``A1``) included;
* :mod:`~edition.records.recordfile` - the record's file, ``statements/anchors/<id>.json``: its format,
  declared with the shapes of statement files, read with every problem at its place, and written;
* :mod:`~edition.records.registry` - the record of published anchors kept by the commands: new anchors,
  errata and retirements;
* :mod:`~edition.records.revisions` - how a paragraph's sentences changed since publication;
* :mod:`~edition.records.permanence` - whether every published anchor keeps its words, and the fix.
"""
