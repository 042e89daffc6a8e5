"""docs/counting-rules.md: every worked example runs and gives the answer the page states,
every numbered section has one, and every citation of the page points at a section that
exists."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Run

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "counting-rules.md"
TEXT = DOC.read_text(encoding="utf-8")
# Examples are written "`gongkai ARGS` gives **ANSWER**", possibly across a line break.
EXAMPLE = re.compile(r"`gongkai ([^`]+)`\s+gives\s+\*\*([^*]+)\*\*")
SECTION = re.compile(r"^## (\d+)\. ", re.M)


def sections() -> dict[int, str]:
    """Section number → its text, up to the next heading."""
    heads = list(re.finditer(r"^## ", TEXT, re.M))
    out: dict[int, str] = {}
    for k, head in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(TEXT)
        number = SECTION.match(TEXT, head.start())
        if number:
            out[int(number.group(1))] = TEXT[head.start() : end]
    return out


EXAMPLES = [(m.group(1), m.group(2)) for m in EXAMPLE.finditer(" ".join(TEXT.split()))]


def test_sections_one_to_seven_each_have_a_worked_example() -> None:
    found = sections()
    assert sorted(found)[:7] == [1, 2, 3, 4, 5, 6, 7]
    for number in range(1, 8):
        assert EXAMPLE.search(" ".join(found[number].split())), f"section {number} has no example"


def test_the_page_ends_with_the_legal_basis() -> None:
    last = list(re.finditer(r"^## (.+)$", TEXT, re.M))[-1]
    assert last.group(1) == "Legal basis"
    assert "《中华人民共和国民法典》第二百零一条" in TEXT[last.start() :]


@pytest.mark.parametrize(("args", "answer"), EXAMPLES, ids=[a for a, _ in EXAMPLES])
def test_worked_example(gongkai: Run, args: str, answer: str) -> None:
    result = gongkai(*shlex.split(args), "--format", "plain", env={"GONGKAI_TODAY": "2016-06-27"})
    assert result.exit_code == 0, result.output
    assert answer in result.output


def test_an_unknown_year_stops_without_provisional(gongkai: Run) -> None:
    """Section 6: the same example without --provisional is an error naming the year."""
    result = gongkai("deadline", "5个工作日内", "--from", "2027-01-04")
    assert result.exit_code == 4
    assert "2027 年" in result.stderr


# "counting-rules.md §7", "counting-rules §2–4", "docs/counting-rules.md".
CITATION = re.compile(r"counting-rules(?:\.md)?(?:\s*§(\d+)(?:[–-](\d+))?)?")


def tracked_files() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [ROOT / n for n in names if n.endswith((".py", ".md", ".yaml", ".toml"))]


def test_every_citation_of_the_page_resolves() -> None:
    numbers = set(sections())
    cited = 0
    for path in tracked_files():
        if path == DOC or not path.is_file():
            continue
        for match in CITATION.finditer(path.read_text(encoding="utf-8")):
            cited += 1
            first, last = match.group(1), match.group(2) or match.group(1)
            if first is not None:
                wanted = set(range(int(first), int(last) + 1))
                assert wanted <= numbers, f"{path.relative_to(ROOT)}: {match.group(0)}"
    assert cited >= 5  # README, plan-format.md, resolve, obligations, the plan, this test
