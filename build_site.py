#!/usr/bin/env python3
"""Build the reference edition of official statements.

    python build_site.py check     validate every statements/*.yaml; write nothing
    python build_site.py render    validate, then write the generated pages under docs/
    python build_site.py build     render, then mkdocs build --strict into site/
    python build_site.py serve     render, then serve with live reload on 127.0.0.1

Exit status: 0 on success, 1 on invalid input (one ``path:line:col: message`` line
per problem on stderr, nothing written), 2 when the site build fails.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition import pipeline
from edition.problems import ProblemError


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
    return main


def main(argv: list[str] | None = None) -> int:
    """Run one verb; the exit status of ../shared/CONTRACT.md, section 2."""
    args = parser().parse_args(argv)
    project = pipeline.Project(args.root)
    try:
        if args.verb == "check":
            print(f"check: valid: {pipeline.summary(pipeline.check(project))}")
        elif args.verb == "render":
            print(f"render: wrote {pipeline.summary(pipeline.render(project))} to {project.docs}")
        elif args.verb == "build":
            return pipeline.build(project, args.site_dir)
        elif args.verb == "serve":
            pipeline.serve(project, args.port)
    except ProblemError as error:
        pipeline.report(error)
        return pipeline.EXIT_INVALID
    except KeyboardInterrupt:
        return pipeline.EXIT_OK
    return pipeline.EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
