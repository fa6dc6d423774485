#!/usr/bin/env python3
"""Build the reference edition of official statements.

    python build_site.py check     validate every statements/*.yaml; write nothing
    python build_site.py render    validate, then write the generated pages under docs/
    python build_site.py build     render, then mkdocs build --strict into site/
    python build_site.py serve     render, then serve with live reload on 127.0.0.1
    python build_site.py erratum ID ANCHOR --reason TEXT
                                   record a correction of a commitment's published words
    python build_site.py retire ID ANCHOR [--successor ANCHOR] --reason TEXT
                                   record that a published anchor is gone and where it leads
    python build_site.py import PATH [--output statements/ID.yaml] [--source-url URL] [--publisher NAME]
                                   turn a statement's text as published into a draft statement file

Exit status: 0 on success, 1 on invalid input (one ``path:line:col: message`` line
per problem on stderr, nothing written) or when the command cannot go on (one
``build_site.py: message`` line: another command is writing in the same folder, a
folder it would write in is a link or cannot be written, ...), 2 when the site build
fails, 128 + the signal's number when a signal stops it (130 for Ctrl-C, but 0 for
``serve``, which Ctrl-C ends).
"""

from __future__ import annotations

import argparse
import datetime
import signal
import sys
from pathlib import Path

from edition import dates, values
from edition.build import commands, interrupts, places, reports
from edition.build.project import Project
from edition.problems import CommandError, ProblemError, display_os_error, display_path


def parser() -> argparse.ArgumentParser:
    """The command line: a verb and its options."""
    main = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    main.add_argument(
        "--root", type=Path, default=Path("."), help="the project folder (with mkdocs.yml and statements/); default: ."
    )
    verbs = main.add_subparsers(dest="verb", required=True, metavar="VERB")
    verbs.add_parser("check", help="validate every statements/*.yaml; write nothing")
    verbs.add_parser("render", help="validate, then write the generated pages under docs/")
    build = verbs.add_parser("build", help="render, then mkdocs build --strict")
    build.add_argument("--site-dir", type=Path, help="where to put the site; default: site/")
    serve = verbs.add_parser("serve", help="render, then serve on 127.0.0.1 with live reload")
    serve.add_argument("--port", type=int, default=8000, help="the port on 127.0.0.1; default: 8000")
    erratum = verbs.add_parser(
        "erratum", help="record a deliberate correction of a commitment's published words (edit the file first)"
    )
    retire = verbs.add_parser("retire", help="record that a published anchor is gone and where it now leads")
    for verb in (erratum, retire):
        verb.add_argument("statement", help="the statement id, e.g. 2001-12-07-nato-russia-joint-statement")
        verb.add_argument("anchor", help="the anchor, e.g. para_3__cmt_1")
        verb.add_argument("--reason", required=True, type=text, help="why, in a sentence shown to readers")
        verb.add_argument("--date", type=day, default=datetime.date.today(), help=dates.DAY_FORM)
    retire.add_argument("--successor", help="the anchor it now leads to; default: the top of the statement")
    draft = verbs.add_parser(
        "import", help="turn a statement's text as published into a draft statement file (YAML on stdout)"
    )
    draft.add_argument("path", type=Path, help="the text as published, e.g. sources/<id>.txt")
    draft.add_argument(
        "--output", type=Path, metavar="FILE", help="write the draft to this new file, e.g. statements/<id>.yaml"
    )
    draft.add_argument("--source-url", type=url, metavar="URL", help="the address of the published text")
    draft.add_argument("--publisher", type=text, metavar="NAME", help="who publishes the text, e.g. NATO")
    return main


def url(value: str) -> str:
    """A ``--source-url``: an absolute http(s) address, as a statement's source must be."""
    if not values.is_http_url(value):
        raise argparse.ArgumentTypeError(f"must be an absolute http(s) URL, got {value!r}")
    return value


def text(value: str) -> str:
    """A ``--publisher`` or ``--reason``: a text, as a statement file or a record holds it."""
    if not values.is_text(value):
        raise argparse.ArgumentTypeError(f"must be one line of text without surrounding spaces, got {value!r}")
    return value


def day(value: str) -> datetime.date:
    """A ``--date``: a day that exists, written ``YYYY-MM-DD``, as a record holds it."""
    try:
        date = dates.read_iso(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"is not a real date: {value!r} ({error})") from None
    if not isinstance(date, datetime.date):
        raise argparse.ArgumentTypeError(f"must be a date written {dates.DAY_FORM}, got {value!r}")
    return date


def main(argv: list[str] | None = None) -> int:
    """Run one verb; its exit status (CONTRIBUTING.md, "The command line")."""
    args = parser().parse_args(argv)
    with interrupts.raised():
        try:
            return run(args)
        except ProblemError as error:
            reports.report(error)
        except CommandError as error:
            print(f"build_site.py: {error}", file=sys.stderr)
        except OSError as error:  # a disk that fills or fails while writing: the files written so far are whole
            print(f"build_site.py: {display_os_error(error)}", file=sys.stderr)
        except interrupts.Interrupted as interrupted:
            if args.verb == "serve" and interrupted.number == signal.SIGINT:
                return commands.EXIT_OK  # Ctrl-C is how serve ends
            print(f"build_site.py: {interrupted}", file=sys.stderr)
            return interrupted.status
    return commands.EXIT_INVALID


def run(args: argparse.Namespace) -> int:
    """Run the verb of ``args``; its exit status, or an exception that :func:`main` reports."""
    project = Project(project_folder(args.root))
    if args.verb == "check":
        print(f"check: valid: {reports.summary(commands.check(project))}")
    elif args.verb == "render":
        print(f"render: {commands.render(project, wait=0)}")
    elif args.verb == "build":
        return commands.build(project, args.site_dir, wait=0)
    elif args.verb == "serve":
        commands.serve(project, args.port)
    elif args.verb == "erratum":
        commands.correct(project, args.statement, args.anchor, args.reason, args.date)
        print(f"erratum: recorded the correction of {args.anchor} in {args.statement}")
    elif args.verb == "retire":
        commands.retire(project, args.statement, args.anchor, args.successor, args.reason, args.date)
        print(f"retire: {args.anchor} in {args.statement} now leads to {args.successor or 'the statement'}")
    elif args.verb == "import":
        from edition import importer  # only this verb needs the sentence splitter, slow to load

        if args.output is not None:
            places.refuse_unsafe(project.root, [args.output.absolute().parent], "import writes the draft")
        draft = importer.import_to(args.path, args.output, args.source_url, args.publisher)
        if args.output is None:
            sys.stdout.write(draft.text)
        else:
            print(f"import: wrote {args.output}: {draft.summary}")
    return commands.EXIT_OK


def project_folder(root: Path) -> Path:
    """The project folder ``--root`` names; raises :class:`CommandError` unless it is a folder."""
    if not root.is_dir():
        raise CommandError(f"--root {display_path(root)}: {'not a folder' if root.exists() else 'no such folder'}")
    return root


if __name__ == "__main__":
    sys.exit(main())
