"""The project's own files: the JSON Schema, the CI workflow, the README's commands."""

from __future__ import annotations

import argparse
import ast
import datetime
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from edition.statements.fileformat import SCHEMA_FILE, schema_text
from tests.conftest import ROOT, STATEMENT_ID, run_build_site


def as_json(value: Any) -> Any:
    """A YAML value as JSON sees it: dates become the strings they were written as."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def test_committed_schema_is_current() -> None:
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), "regenerate it: python -m edition.statements.fileformat"


def test_every_statement_file_names_the_schema_and_validates_against_it() -> None:
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in sorted((ROOT / "statements").glob("*.yaml")):
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
        assert match, f"{path.name} does not name the schema on its first line"
        assert (path.parent / match[1]).resolve() == (ROOT / SCHEMA_FILE).resolve()
        data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


def test_schema_refuses_what_check_refuses() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    valid = as_json(yaml.safe_load((ROOT / "tests" / "valid-minimal.yaml").read_text(encoding="utf-8")))
    assert list(validator.iter_errors(valid)) == []
    for case in ("unknown-key", "kind-unknown", "topic-unknown", "missing-title", "number-zero", "url-relative"):
        data = as_json(yaml.safe_load((ROOT / "tests" / "invalid" / f"{case}.yaml").read_text(encoding="utf-8")))
        assert list(validator.iter_errors(data)), f"the schema accepts tests/invalid/{case}.yaml"


LINT = "ruff check . && ruff format --check . && mypy"
"""The linters, run as a step of their own in CI and in the workflow, never inside pytest."""


def test_ci_workflow_is_a_valid_github_workflow() -> None:
    workflow = ROOT / ".github" / "workflows" / "site.yml"
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["test-and-build"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert commands.index(LINT) < commands.index("python -m pytest") < commands.index("python build_site.py build")
    chromium = next(command for command in commands if "chromium" in command)
    assert chromium.startswith("if [ -x /usr/bin/chromium ]; then"), "Chromium is installed only where it is missing"


NOTING = """#!/bin/sh
beside="$(ls -A .. | paste -sd, -)"
printf '%s\\t%s\\t%s\\t%s\\t%s\\n' "$(basename "$0")" "$*" "$PWD" "$beside" "$(git rev-parse HEAD)" >>"$CI_LOG"
"""
"""A stand-in for a program that ``.ci/run`` runs: it notes its name, its arguments, where it ran, what stands beside
that folder, and the commit checked out there."""


def test_ci_runs_the_readme_commands_in_a_lone_clone_of_the_commit(tmp_path: Path) -> None:
    """``.ci/run``, with the programs it runs replaced by stand-ins: the README's set-up command, the linters and the
    README's test command run, in that order, in a clone of the committed HEAD that stands alone in a new folder,
    with the virtual environment outside it; both are gone afterwards."""
    stand_ins, log = tmp_path / "bin", tmp_path / "ran.tsv"
    stand_ins.mkdir()
    makes_venv = 'if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin" && : >"$3/bin/activate"; fi\n'
    for name, script in [(name, NOTING) for name in ("pip", "ruff", "mypy", "python", "apt-get")] + [
        ("python3", NOTING + makes_venv)
    ]:
        (stand_ins / name).write_text(script, encoding="utf-8")
        (stand_ins / name).chmod(0o755)
    env = {"PATH": f"{stand_ins}:/usr/bin:/bin", "CI_LOG": str(log), "HOME": str(tmp_path)}
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run")], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    ran = [line.split("\t") for line in log.read_text(encoding="utf-8").splitlines()]
    ran = [row for row in ran if row[0] != "apt-get"]  # Chromium, only where it is missing
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    venv_made, clone = ran[0][1], Path(ran[0][2])
    venv = Path(venv_made.removeprefix("-m venv "))
    assert [(name, args) for name, args, *_ in ran] == [
        ("python3", venv_made),
        ("pip", "install --quiet --disable-pip-version-check -e .[test]"),  # the README's set-up command
        ("ruff", "check ."),
        ("ruff", "format --check ."),
        ("mypy", ""),
        ("python", "-m pytest"),  # the README's test command
    ]
    assert venv_made.startswith("-m venv /")
    assert {(where, beside, commit) for _, _, where, beside, commit in ran} == {(str(clone), "edition", head.strip())}
    assert not venv.is_relative_to(clone), "the virtual environment is outside the clone"
    assert not clone.exists() and not venv.exists()


@pytest.mark.build
def test_a_built_wheel_holds_every_module_and_the_citation_styles(tmp_path: Path) -> None:
    """The package as pip builds it from the tracked files: every module of ``edition`` and the CSL files the
    citations are made from (a wheel without them cites nothing)."""
    import zipfile

    from edition.site.citations import CSL_FOLDER, STYLES

    source = tmp_path / "source"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in tracked.decode("utf-8").split("\0"):
        if name and (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes((ROOT / name).read_bytes())
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(tmp_path),
            ".",
        ],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("*.whl")
    held = set(zipfile.ZipFile(wheel).namelist())
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "edition").rglob("*.py")}
    styles = {(CSL_FOLDER / style.csl).relative_to(ROOT).as_posix() for style in STYLES}
    assert modules | styles | {"edition/site/csl/README.md"} <= held


def test_readme_quick_start_is_the_contract() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install -e . && python build_site.py serve" in readme
    assert "pip install -e '.[test]' && python -m pytest" in readme
    assert 'python -m pytest -m "not browser and not build"' in readme


def test_contributing_documents_every_verb() -> None:
    from build_site import parser

    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    subparsers = next(action for action in parser()._actions if isinstance(action, argparse._SubParsersAction))
    for verb in subparsers.choices:
        assert re.search(rf"^\| `{verb}[ `]", contributing, re.MULTILINE), f"CONTRIBUTING.md does not document {verb}"


def test_every_statement_has_its_source_text_in_the_repository() -> None:
    listed = (ROOT / "sources" / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "statements").glob("*.yaml")):
        source = yaml.safe_load(path.read_text(encoding="utf-8"))["source"]
        assert (ROOT / "sources" / f"{path.stem}.txt").is_file(), f"sources/{path.stem}.txt is missing"
        row = next((line for line in listed.splitlines() if line.startswith(f"| `{path.stem}.txt` |")), "")
        assert f"<{source['url']}>" in row, f"sources/README.md does not give {path.stem}.txt's address"
        assert isinstance(source.get("taken"), datetime.date), f"{path.name} does not say when its source was taken"


def test_the_repository_reads_and_names_nothing_beside_it() -> None:
    beside = "../" + "shared"  # spelled in two parts, so that this test does not find itself
    result = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    tracked = [ROOT / name for name in result.stdout.decode("utf-8").split("\0") if name]
    assert tracked, "git lists no file"
    naming = [
        str(path.relative_to(ROOT)) for path in tracked if path.is_file() and beside.encode() in path.read_bytes()
    ]
    assert naming == []


def test_readme_error_example_is_what_check_prints(project: Path) -> None:
    path = project / "statements" / f"{STATEMENT_ID}.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ("\nplace: Brussels", "\nplcae: Brussels"),
        ("kind: condemn\n", "kind: condemns\n"),
        ("  - number: 3\n", "  - number: three\n"),
    ):
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    result = run_build_site(project, "check")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("    $ python build_site.py check\n", 1)[1].split("\n\n", 1)[0]
    assert result.returncode == 1
    assert result.stderr == "".join(line[4:] + "\n" for line in block.splitlines())


def test_no_two_classes_of_the_package_share_a_name() -> None:
    defined: dict[str, list[str]] = {}
    for path in sorted((ROOT / "edition").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.ClassDef):
                defined.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    shared = {name: paths for name, paths in defined.items() if len(paths) > 1}
    assert shared == {}, f"classes that share a name: {shared}"


PACKAGE = ROOT / "edition"


@pytest.mark.parametrize(
    "package", sorted(path.parent for path in PACKAGE.rglob("__init__.py")), ids=lambda path: path.name
)
def test_each_package_says_what_each_of_its_modules_holds(package: Path) -> None:
    """The docstring of every package of the code names each module and sub-package directly in it."""
    docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))) or ""
    dotted = ".".join(package.relative_to(ROOT).parts)
    held = [path.stem for path in package.glob("*.py") if path.stem != "__init__"]
    held += [path.name for path in package.iterdir() if (path / "__init__.py").is_file()]
    unnamed = [name for name in sorted(held) if not re.search(rf"`~?{re.escape(dotted)}\.{name}[`.]", docstring)]
    assert unnamed == [], f"{dotted}/__init__.py does not say what these hold: {unnamed}"


def test_the_package_keeps_at_most_twelve_modules_beside_its_stages() -> None:
    assert len([path for path in PACKAGE.glob("*.py") if path.name != "__init__.py"]) <= 12


def test_the_project_s_folders_are_named_in_one_module() -> None:
    """A folder of the project is named by :mod:`edition.folders` alone: no other module writes ``Path("...")``."""
    spelled = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "folders.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"Path", "PurePosixPath"}
                and any(isinstance(argument, ast.Constant) for argument in node.args)
            ):
                spelled.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert spelled == []
