"""The commands of ``build_site.py``, and what they need to run safely.

In the order a render goes:

* :mod:`~edition.build.commands` - the verbs: check, render, build, serve, erratum, retire;
* :mod:`~edition.build.project` - where a project's parts are; :mod:`~edition.build.settings` - what
  the edition reads from ``mkdocs.yml``; :mod:`~edition.build.reports` - what the commands print;
* :mod:`~edition.build.places`, :mod:`~edition.build.lock`, :mod:`~edition.build.interrupts`
  and :mod:`~edition.build.children` - only inside the project, one command at a time,
  stopped cleanly by a signal, with no process left behind;
* load: :mod:`~edition.build.sources` - what a render reads;
* :mod:`~edition.build.cache` - around validation and generation: what a render can keep from
  the last one, and what it remembers for the next (``.cache/edition/``);
* validate and generate: :mod:`~edition.build.generation` and :mod:`~edition.build.parallel` -
  each statement read, checked and made into files on every core, then the shared pages;
* write: :mod:`~edition.build.output` - ``docs/`` written only where it changed, every file atomically;
* :mod:`~edition.build.searchindex` - Pagefind over the built site;
* :mod:`~edition.build.assets` - the edition's stylesheets joined into one for the built site;
* :mod:`~edition.build.watch` - ``serve``'s loop: re-render and rebuild what changed.
"""
