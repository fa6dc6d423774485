"""The reference edition of official diplomatic statements.

Data flows through five sub-packages, in this order:

1. :mod:`edition.statements` - statement files read and checked, into a
   :class:`~edition.statements.model.Statement`;
2. :mod:`edition.records` - the anchors each statement has published, kept with the
   same words: sentence numbers, records, what changed and how it is fixed;
3. :mod:`edition.site` - the parts of the site made from a statement: its page, the
   listings, the data files, the citations, the format page;
4. :mod:`edition.build` - the commands that run them: reading the project, rendering
   ``docs/`` through a cache, MkDocs and Pagefind, serving, one command at a time;
5. :mod:`edition.importer` - the ``import`` command: a statement file drafted from a text.

The rules every stage shares each have one home here:

* :mod:`edition.folders` - the project's folders;
* :mod:`edition.urls` - the site's addresses; :mod:`edition.anchors` - the anchor names;
* :mod:`edition.vocabulary` - the sentence kinds and topics;
* :mod:`edition.values` - what a text, an address and a digest may be, in files and on the command line;
* :mod:`edition.dates` - how dates are read and written;
* :mod:`edition.limits` - how large an input may be;
* :mod:`edition.problems` - a problem as one ``path:line:col: message`` line;
* :mod:`edition.jsonfiles` and :mod:`edition.digests` - JSON as published and read back, and SHA-256.
"""
