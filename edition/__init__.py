"""The reference edition of official diplomatic statements.

The pipeline reads like the modules that hold it:

* :mod:`edition.model` - the statement as frozen dataclasses;
* :mod:`edition.vocabulary` - the commitment kinds and topics;
* :mod:`edition.shapes` and :mod:`edition.fileformat` - the statement file format,
  declared once and used for validation, the JSON Schema and its documentation;
* :mod:`edition.loading` - safe YAML loading with line and column for every node;
* :mod:`edition.validation` - from YAML nodes to a :class:`~edition.model.Statement`,
  collecting every problem;
* :mod:`edition.pages` - Markdown for the statement pages and listings;
* :mod:`edition.formatdoc` and :mod:`edition.schema` - the format page and JSON Schema;
* :mod:`edition.output` - the generated tree, swapped into ``docs/`` atomically;
* :mod:`edition.pipeline` - the verbs: check, render, build, serve.
"""
