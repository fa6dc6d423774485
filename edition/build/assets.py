"""The edition's stylesheets as one file, made at every build: one request before the first paint, not four.

The MkDocs plugin ``edition-assets`` (:class:`Assets`, registered in ``pyproject.toml``
and named under ``plugins:`` in ``mkdocs.yml``). ``mkdocs.yml`` lists under
``extra_css`` the edition's stylesheets in ``docs/assets``, each the one home of its
rules (the statement pages, the listings, the palette, the search box). A stylesheet
stands before the first paint, and on a phone network each one costs a round trip:
the pages link instead to one stylesheet (:data:`STYLESHEET`), the sources joined in
the order listed, so that the cascade is the one the separate files made. Each part
begins with a comment naming its source, so that a rule found in the browser's tools
leads back to its file. The sources are published too, unchanged.

``serve`` rebuilds the joined file whenever a source changes, as it does every page.
A source that cannot be read fails the build with one line naming it.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

STYLESHEET = "assets/site.css"
"""Where the joined stylesheet is published, under the site (the pages link to it)."""


class AssetsOptions(Config):  # type: ignore[no-untyped-call]  # MkDocs defines __init_subclass__ untyped
    """The plugin's options in ``mkdocs.yml``: it has none."""


def is_local(stylesheet: str) -> bool:
    """Whether ``stylesheet`` (an entry of ``extra_css``) is a file of the site rather than an address elsewhere."""
    return "://" not in stylesheet and not stylesheet.startswith("//")


def joined(parts: dict[str, str]) -> str:
    """The stylesheets ``parts`` (source path: text), in their order, as one, each after a comment naming it."""
    return "".join(f"/* {path} */\n{text.rstrip()}\n\n" for path, text in parts.items())


class Assets(BasePlugin[AssetsOptions]):  # type: ignore[no-untyped-call]
    """The plugin: the pages link to one stylesheet, made from the local ones of ``extra_css``."""

    def __init__(self) -> None:
        self.sources: list[str] = []
        """The local stylesheets of ``extra_css``, in order: what :data:`STYLESHEET` is made from."""

    def on_config(self, config: Any) -> Any:
        """Link the pages to :data:`STYLESHEET` in place of the local stylesheets (the others stay, after it)."""
        listed = [str(stylesheet) for stylesheet in config["extra_css"]]
        self.sources = [stylesheet for stylesheet in listed if is_local(stylesheet)]
        if self.sources:
            config["extra_css"] = [STYLESHEET, *(stylesheet for stylesheet in listed if not is_local(stylesheet))]
        return config

    def on_files(self, files: Files, *, config: Any) -> Files:
        """Add :data:`STYLESHEET`, the sources joined, to the files of the build."""
        if not self.sources:
            return files
        parts: dict[str, str] = {}
        for source in self.sources:
            file = files.get_file_from_path(source)
            if file is None:
                raise PluginError(f"mkdocs.yml: extra_css: {source} is not a file of {config['docs_dir']}")
            try:
                parts[source] = file.content_string
            except (OSError, UnicodeDecodeError) as error:
                raise PluginError(f"{file.abs_src_path}: cannot read it: {error}") from error
        files.append(File.generated(config, STYLESHEET, content=joined(parts)))
        return files
