"""The reference edition of official diplomatic statements.

The pipeline reads like the modules that hold it:

* :mod:`edition.model` - the statement as frozen dataclasses;
* :mod:`edition.vocabulary` - the commitment kinds and topics;
* :mod:`edition.shapes` and :mod:`edition.fileformat` - the statement file format,
  declared once and used for validation, the JSON Schema and its documentation;
* :mod:`edition.loading` - safe YAML loading with line and column for every node;
* :mod:`edition.validation` - from YAML nodes to a :class:`~edition.model.Statement`,
  collecting every problem;
* :mod:`edition.registry` - the record of published anchors, errata and retirements;
* :mod:`edition.display`, :mod:`edition.pages` and :mod:`edition.listings` - the
  Markdown of statement pages and of the pages that list across statements;
* :mod:`edition.urls` and :mod:`edition.anchors` - the permanent addresses and anchors;
* :mod:`edition.exports` and :mod:`edition.akn` - data.json, index.json, Akoma Ntoso;
* :mod:`edition.formatdoc` and :mod:`edition.schema` - the format and data pages, JSON Schema;
* :mod:`edition.cache`, :mod:`edition.output` and :mod:`edition.parallel` - incremental,
  parallel rendering that writes under ``docs/`` only what changed;
* :mod:`edition.pipeline` - the verbs: check, render, build, serve, erratum, retire;
* :mod:`edition.importer` - the ``import`` verb, a sub-package: the text read, its layout,
  its dates and sentences, the guesses and the draft.
"""
