"""The settings the edition reads from ``mkdocs.yml``: the site's address, the report form's, the site folder.

``mkdocs.yml`` may take a value from the environment (``!ENV [SITE_URL, default]``),
read by the library MkDocs reads it with (``pyyaml_env_tag``); other tags in the file
are not needed here and are left alone. The file is read as input is (a regular file
within :data:`~edition.limits.MAX_CONFIG_BYTES`, never a folder or a pipe), and every
fault is one ``mkdocs.yml:line:col: message`` line.

Both addresses end up in every page, inside HTML attributes and scripts, so each must
be an absolute ``http(s)`` address with no user, query or fragment, made only of the
characters an address needs (:func:`address_fault`); a value that breaks the rule stops
the command before anything is written. Without ``mkdocs.yml`` (``check`` needs none)
or without ``site_url`` in it, the site is addressed as the local server,
:data:`LOCAL_SITE_URL`; an empty value is a fault, never taken for that.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from yaml_env_tag import construct_env_tag

from edition import folders
from edition.limits import MAX_CONFIG_BYTES
from edition.problems import Problem, ProblemError
from edition.statements.loading import SAFE_LOADER, decode, read_input, syntax_problem
from edition.values import url_fault

CONFIG = "mkdocs.yml"
"""The MkDocs configuration, in the project folder."""
LOCAL_SITE_URL = "http://127.0.0.1:8000/"
"""The site's address when ``mkdocs.yml`` names none: ``serve``'s."""
ENV_TAG = "!ENV"
"""The tag that takes a value from the environment: ``!ENV NAME`` or ``!ENV [NAME, ..., default]``."""

_ADDRESS = re.compile(r"(?:[A-Za-z0-9\-._~:/@!$()*+,;=]|%[0-9A-Fa-f]{2})*")
"""What an address of the site may be made of: letters, digits, the marks that separate its parts, and
percent-encoded bytes; never a quote, an angle bracket, ``&`` or a space, which pages would have to escape."""


@dataclass(frozen=True)
class Settings:
    """What the edition takes from ``mkdocs.yml``; the report form's address is only checked (the theme puts it
    in the pages)."""

    site_url: str
    """The address the site is published at, ending in ``/``."""
    site_dir: Path
    """Where MkDocs builds the site, relative to the project folder unless absolute (``site_dir``)."""


def read(root: Path) -> Settings:
    """The settings of the project at ``root``; raises :class:`ProblemError` with every fault."""
    path = root / CONFIG
    if not os.path.lexists(path):
        return Settings(LOCAL_SITE_URL, folders.SITE)
    data = read_input(path, MAX_CONFIG_BYTES, "the configuration", root)
    if isinstance(data, Problem):
        raise ProblemError([data])
    text, problems = decode(path, data)
    if text is None:
        raise ProblemError(problems)
    try:
        top = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as error:
        raise ProblemError([syntax_problem(path, text, error)]) from None
    except yaml.YAMLError as error:
        raise ProblemError([Problem(path, 1, 1, f"YAML syntax error: {error}")]) from None
    site_url, report_url, site_dir = (
        _setting(path, top, "site_url"),
        _setting(path, _child(top, "extra"), "report_url"),
        _setting(path, top, "site_dir"),
    )
    problems = [
        *_address_problems(site_url, "site_url", required=True),
        *_address_problems(report_url, "extra: report_url", required=False),
    ]
    if problems:
        raise ProblemError(problems)
    site = (site_url.value if site_url else None) or LOCAL_SITE_URL
    return Settings(
        site if site.endswith("/") else site + "/",
        Path(site_dir.value) if site_dir and site_dir.value else folders.SITE,
    )


@dataclass(frozen=True)
class _Setting:
    """A value of the configuration, where it is written, and the environment variable it came from."""

    path: Path
    line: int
    column: int
    value: str | None
    variable: str | None
    """The environment variable that gave the value, if one did."""

    def problem(self, key: str, fault: str) -> Problem:
        """The problem ``fault`` of this value of ``key``, at its place, saying where the value came from."""
        source = f" (from the environment variable {self.variable})" if self.variable else ""
        return Problem(self.path, self.line, self.column, f"{key}{source} {fault}")


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value of ``key`` in the mapping ``node``, if it is one and has it."""
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                found: yaml.Node = value
                return found
    return None


def _setting(path: Path, node: yaml.Node | None, key: str) -> _Setting | None:
    """The value of ``key`` in the mapping ``node``, with its place; ``!ENV`` read from the environment."""
    value = _child(node, key)
    if value is None:
        return None
    line, column = value.start_mark.line + 1, value.start_mark.column + 1
    if value.tag == ENV_TAG:
        return _Setting(path, line, column, *_environment_value(value))
    plain = isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:str"
    return _Setting(path, line, column, value.value if plain else None, None)


def _environment_value(node: yaml.Node) -> tuple[str | None, str | None]:
    """The value of an ``!ENV`` node, as MkDocs reads it (``pyyaml_env_tag``), and the variable that gave it."""
    try:
        value = construct_env_tag(SAFE_LOADER(""), node)
    except yaml.YAMLError:  # neither a name nor a list of names: MkDocs reports it
        return None, None
    names = node.value[:-1] if isinstance(node, yaml.SequenceNode) and len(node.value) > 1 else [node]
    variables = [name.value for name in names if isinstance(name, yaml.ScalarNode)]
    variable = next((name for name in variables if name in os.environ), None)
    return (None if value is None else str(value)), variable


def _address_problems(setting: _Setting | None, key: str, required: bool) -> list[Problem]:
    """The fault of an address of the configuration, if it has one."""
    if setting is None or (not setting.value and not required):
        return []
    if not setting.value:
        remedy = "unset the variable" if setting.variable else "leave the key out"
        return [setting.problem(key, f"is empty; give the site's address, or {remedy} to serve on 127.0.0.1")]
    fault = address_fault(setting.value)
    return [] if fault is None else [setting.problem(key, f"{fault}, got {setting.value!r}")]


def address_fault(value: str) -> str | None:
    """What keeps ``value`` from being an address of the site or of its report form, or ``None``.

    The rule of a statement's addresses (:func:`edition.values.url_fault`), and more:
    no query or fragment, which every address made from it would carry in its middle,
    and only the characters of :data:`_ADDRESS`.
    """
    fault = url_fault(value)
    if fault is not None:
        return fault
    parts = urlsplit(value)
    if "?" in value or "#" in value or parts.query or parts.fragment:
        return "must not hold a query or a fragment ('?' or '#')"
    if _ADDRESS.fullmatch(value.split("://", 1)[1]) is None:
        return "may hold only letters, digits, '-._~:/@!$()*+,;=' and %-escapes"
    return None
