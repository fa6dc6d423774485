"""Statement files, read and checked: the first stage of every command.

Data flows through the modules in this order:

* :mod:`~edition.statements.characters` - characters a file may not hold, found in its raw text;
* :mod:`~edition.statements.loading` - safe YAML composed with the line and column of every node;
* :mod:`~edition.statements.shapes` - the building blocks of a file format (text, date, URL,
  term, list, record, mapping, digest), each reading one node or recording a problem; anchor
  records are declared with them too;
* :mod:`~edition.statements.fileformat` - the statement file format, declared once with those
  blocks, and its JSON Schema;
* :mod:`~edition.statements.scalars` - where each character of a value stands in the file;
* :mod:`~edition.statements.validation` - the rules across values, and the
  :class:`~edition.statements.model.Statement` built;
* :mod:`~edition.statements.model` - the statement as frozen dataclasses;
* :mod:`~edition.statements.official` - whether the paragraphs are the official text's words.
"""
