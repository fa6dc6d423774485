"""Invalid statement files: the exact lines ``check`` prints, one fixture per defect.

Each ``tests/invalid/<case>.yaml`` is checked as if it were the statement file
``statements/2001-12-07-nato-russia-joint-statement.yaml``; ``<case>.err`` holds
the exact standard error expected. A new case needs no Python: add the two files.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml

import build_site
from edition.records import registry
from edition.site.pages import statement_page
from edition.statements import characters, loading
from edition.statements.validation import read_statement
from tests.conftest import STATEMENT_ID

CASES = Path(__file__).parent / "invalid"
STATEMENT_FILE = f"statements/{STATEMENT_ID}.yaml"


def check(
    project: Path, statement: bytes, capsys: pytest.CaptureFixture[str], name: str = STATEMENT_FILE
) -> tuple[int, str, str]:
    """Run ``check`` on a project whose only statement is ``statement``, from its root."""
    for old in (project / "statements").glob("*.yaml"):
        old.unlink()
    shutil.rmtree(project / "statements" / "anchors", ignore_errors=True)  # these cases are about the format
    (project / name).write_bytes(statement)
    status = build_site.main(["--root", ".", "check"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.yaml")))
def test_invalid_file_gives_exact_problem_lines(
    case: str, project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    status, out, err = check(project, (CASES / f"{case}.yaml").read_bytes(), capsys)
    assert (status, out) == (1, "")
    assert err == (CASES / f"{case}.err").read_text(encoding="utf-8")


def test_every_case_has_its_expected_lines() -> None:
    assert sorted(p.stem for p in CASES.glob("*.err")) == sorted(p.stem for p in CASES.glob("*.yaml"))


def test_minimal_valid_file_passes(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    status, out, err = check(project, (Path(__file__).parent / "valid-minimal.yaml").read_bytes(), capsys)
    assert (status, out, err) == (0, "check: valid: 1 statement(s), 2 paragraphs, 2 sentences\n", "")


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda data: b"\xef\xbb\xbf" + data, id="byte-order-mark"),
        pytest.param(lambda data: data.replace(b"\n", b"\r\n"), id="crlf-line-endings"),
    ],
)
def test_bom_and_crlf_are_fine(
    transform: object, project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    data = (Path(__file__).parent / "valid-minimal.yaml").read_bytes()
    assert callable(transform)
    status, _, err = check(project, transform(data), capsys)
    assert (status, err) == (0, "")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "statements/2001-12-07-NATO-Russia.yaml",
            "statements/2001-12-07-NATO-Russia.yaml:1:1: the file name '2001-12-07-NATO-Russia' must be the "
            "statement's date and lower-case words joined by hyphens, e.g. "
            "2001-12-07-nato-russia-joint-statement.yaml\n1 problem in 1 file\n",
        ),
        (
            "statements/nato-russia-joint-statement.yaml",
            "statements/nato-russia-joint-statement.yaml:1:1: the file name 'nato-russia-joint-statement' must be "
            "the statement's date and lower-case words joined by hyphens, e.g. "
            "2001-12-07-nato-russia-joint-statement.yaml\n1 problem in 1 file\n",
        ),
    ],
)
def test_file_name_is_a_permanent_id(
    name: str, expected: str, project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    data = (Path(__file__).parent / "valid-minimal.yaml").read_bytes()
    assert check(project, data, capsys, name=name) == (1, "", expected)


def test_problems_in_several_files_are_all_reported(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    (project / "statements" / "2001-12-07-second.yaml").write_bytes((CASES / "kind-unknown.yaml").read_bytes())
    (project / "statements" / "2001-12-07-third.yaml").write_bytes((CASES / "number-zero.yaml").read_bytes())
    status = build_site.main(["check"])
    err = capsys.readouterr().err
    assert status == 1
    assert err.splitlines() == [
        "statements/2001-12-07-second.yaml:20:15: paragraph 1, sentence 1: 'kind' must be a sentence kind, "
        "got 'condemns'; did you mean 'condemn'?",
        "statements/2001-12-07-third.yaml:22:13: paragraph 2: 'number' must be a positive integer, got '0'",
        "2 problems in 2 files",
    ]


def test_a_yml_file_is_not_skipped_silently(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    data = (Path(__file__).parent / "valid-minimal.yaml").read_bytes()
    (project / "statements" / "2001-12-08-second.yml").write_bytes(data)
    assert build_site.main(["check"]) == 1
    assert capsys.readouterr().err == (
        "statements/2001-12-08-second.yml:1:1: statement files end in .yaml: rename it 2001-12-08-second.yaml\n"
        "1 problem in 1 file\n"
    )


# Encodings: a file saved as UTF-16 or UTF-32 is one line that says so (edition/statements/loading.py).


@pytest.mark.parametrize(
    ("codec", "words", "name"),
    [
        ("utf-16-le", "We condemn terrorism.", "UTF-16"),
        ("utf-16-be", "We condemn terrorism.", "UTF-16"),
        ("utf-16-le", "Мы осуждаем терроризм во всех его проявлениях.", "UTF-16"),
        ("utf-16", "We condemn terrorism.", "UTF-16"),  # with a byte-order mark
        ("utf-32-le", "We condemn terrorism.", "UTF-32"),
        ("utf-32-be", "We condemn terrorism.", "UTF-32"),
        ("utf-32", "We condemn terrorism.", "UTF-32"),
    ],
)
def test_a_file_saved_as_utf16_or_utf32_is_one_line(
    codec: str,
    words: str,
    name: str,
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(project)
    text = (Path(__file__).parent / "valid-minimal.yaml").read_text(encoding="utf-8")
    data = text.replace("We condemn terrorism in all its manifestations.", words).encode(codec)
    assert check(project, data, capsys) == (
        1,
        "",
        f"{STATEMENT_FILE}:1:1: the file is {name}, not UTF-8; save it as UTF-8\n1 problem in 1 file\n",
    )


@pytest.mark.parametrize(
    "data",
    [
        b"a\0b\n",
        b"title: NATO-Russia Joint Statement\n\0place: Brussels\n",  # the NUL and line end make U+000A in UTF-16
        b"\0\0\0\0",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    ],
)
def test_bytes_with_a_stray_nul_are_not_taken_for_utf16(data: bytes) -> None:
    assert loading.wide_encoding(data) is None


# Invisible characters: refused as they are, accepted as escapes (edition/statements/characters.py).


def test_invisible_characters_written_as_escapes_are_read_and_shown_as_they_are() -> None:
    data = (
        (Path(__file__).parent / "valid-minimal.yaml")
        .read_text(encoding="utf-8")
        .replace("NATO-Russia Joint Statement", '"NATO-Russia\\u00ADJoint\\u200B Statement\\U000E0041"')
        .replace("We condemn terrorism in all", '"We condemn terrorism\\u2060 in all')
        .replace(" its manifestations.", ' its \\u202Emanifestations."')
    )
    statement, problems = read_statement(Path(STATEMENT_FILE), data.encode("utf-8"))
    assert (problems, statement is not None) == ([], True)
    assert statement is not None
    title = "NATO-Russia\u00adJoint\u200b Statement\U000e0041"
    text = "We condemn terrorism\u2060 in all its \u202emanifestations."
    assert (statement.title, statement.paragraphs[0].sentences[0].text) == (title, text)
    page = statement_page(statement, registry.with_new_anchors(statement, None), "https://example.org/")
    assert f">{text}<" in page
    assert title in page


def test_every_format_character_but_the_number_signs_is_refused_as_it_is() -> None:
    format_characters = {chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Cf"}
    refused = {character for character in format_characters if characters.is_invisible(character)}
    assert format_characters - refused == characters.NUMBER_SIGNS


@pytest.mark.parametrize(
    "text", ["tab\there", 'quote " and \\ backslash', "soft\u00adhyphen", "tag\U000e0041", "nul\0"]
)
def test_yaml_quoted_reads_back_exactly_and_holds_no_refused_character(text: str) -> None:
    quoted = characters.yaml_quoted(text)
    assert (yaml.safe_load(quoted), characters.problems(Path("x.yaml"), quoted)) == (text, [])
