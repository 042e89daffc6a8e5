"""The project stands alone and keeps its boundaries: no file names a path outside the
repository, and outside the command line (cli/) and its wording (render/) no module
names a command-line option: the core states facts, cli/hints.py words them."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "gongkai_cli"
# The machine's folder is spelt in two pieces, so that this line does not name it.
OUTSIDE = re.compile("/" + "work/" + r"|\.\./shared|\bshared/(?:seed|docs|fixtures)")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def tracked_lines(skip: tuple[str, ...] = ()) -> list[tuple[str, int, str]]:
    """(file, line number, line) for every text file git tracks, links excepted."""
    names = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    out = []
    for name in names:
        path = ROOT / name
        if path.is_symlink() or not path.is_file() or name in skip:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        out += [(name, n, line) for n, line in enumerate(text.splitlines(), 1)]
    return out


def test_no_file_names_a_path_outside_the_repository() -> None:
    lines = tracked_lines(skip=("tests/test_layout.py",))
    assert [f"{name}:{n}" for name, n, line in lines if OUTSIDE.search(line)] == []


CONFLICT = re.compile(r"^(<{7} |>{7} |={7}$)")


def test_no_file_keeps_a_merge_conflict_marker() -> None:
    # A marker once reached README inside a ```text block, which the docs tests do not run.
    assert [f"{name}:{n}" for name, n, line in tracked_lines() if CONFLICT.match(line)] == []


def strings_outside_docstrings(tree: ast.AST) -> list[ast.Constant]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_core_names_no_command_line_option() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        part = path.relative_to(SRC).parts[0]
        if part in ("cli", "render"):
            continue
        for node in strings_outside_docstrings(ast.parse(path.read_text(encoding="utf-8"))):
            assert isinstance(node.value, str)
            if OPTION.search(node.value):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value[:40]}")
    assert offenders == []
