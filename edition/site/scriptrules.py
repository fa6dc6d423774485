"""The rules the site's scripts share with the code, handed over as ``window.EDITION_RULES``.

The render writes them to :data:`edition.urls.SCRIPT_RULES`, which every page loads before
``edition.js`` and ``search.js``: the scripts take each rule from there, never from a copy of their own:

* ``anchors`` (:func:`edition.anchors.for_scripts`): how anchors are made and read, and the grammar of the
  short references readers type (``#3.1``, ``#p3``);
* ``addresses``: where the search box loads Pagefind's files from (:data:`edition.urls.SEARCH_INDEX`);
* ``citations`` (:func:`edition.site.citations.for_scripts`): the stand-in of the accessed date, and how
  the reader's today is written in its place; the stand-ins of a part's pinpoint and anchor, and how a
  paragraph's or a sentence's pinpoint is written in its place.
"""

from __future__ import annotations

import json

from edition import anchors, urls
from edition.site import citations


def rules_script() -> str:
    """The script that hands the edition's rules to the site's scripts, as ``window.EDITION_RULES``."""
    rules = json.dumps(
        {
            "anchors": anchors.for_scripts(),
            "addresses": {"searchIndex": urls.SEARCH_INDEX},
            "citations": citations.for_scripts(),
        },
        indent=2,
        sort_keys=True,
    )
    return (
        f"/* Made by build_site.py render from the edition package: never edit. */\nwindow.EDITION_RULES = {rules};\n"
    )
