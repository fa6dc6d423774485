"""Where a project's parts are: the folders and files of the project a command works on, all under its root."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from edition import folders
from edition.build import settings
from edition.build.cache import Checked
from edition.build.output import OWNED
from edition.build.settings import Settings


@dataclass(frozen=True)
class Project:
    """Where a project's parts are: everything is relative to its root folder."""

    root: Path
    """The folder that holds ``mkdocs.yml``, ``statements/`` and ``docs/``."""
    checked: Checked | None = field(default=None, compare=False, repr=False)
    """What this process has read and checked of the statements, when it renders them again and again
    (``serve``: :meth:`rendered_again`); ``None``: every render reads what it needs."""

    def rendered_again(self) -> Project:
        """This project, for a process that renders it after every change (``serve``): what each render reads
        and checks of a statement is kept in memory for the next (:class:`edition.build.cache.Checked`)."""
        return Project(self.root, Checked())

    @property
    def docs(self) -> Path:
        """MkDocs' source folder."""
        return self.root / folders.DOCS

    @property
    def owned(self) -> list[Path]:
        """The folders of ``docs/`` that a render makes and cleans (:data:`edition.build.output.OWNED`)."""
        return [self.docs / name for name in OWNED]

    @property
    def config(self) -> Path:
        """The MkDocs configuration."""
        return self.root / settings.CONFIG

    @property
    def records(self) -> Path:
        """The records of published anchors."""
        return self.root / folders.RECORDS

    @property
    def cache(self) -> Path:
        """The render state and the lock (:mod:`edition.build.cache`)."""
        return self.root / folders.CACHE

    def settings(self) -> Settings:
        """What ``mkdocs.yml`` says of the site (:mod:`edition.build.settings`); raises :class:`ProblemError`."""
        return settings.read(self.root)

    def site_url(self) -> str:
        """The address the site is published at, ending in ``/``; raises :class:`ProblemError`."""
        return self.settings().site_url
