"""The project stands alone and keeps its boundaries: no file names a path outside the
repository, and outside the command line (cli/) and its wording (render/) no module
names a command-line option: the core states facts, cli/main.py words them."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "gongkai_cli"
OUTSIDE = re.compile(r"/work/|\.\./shared|\bshared/(?:seed|docs|fixtures)")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def test_no_file_names_a_path_outside_the_repository() -> None:
    names = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    offenders = []
    for name in names:
        path = ROOT / name
        if path.is_symlink() or not path.is_file() or name == "tests/test_layout.py":
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        offenders += [f"{name}:{n}" for n, line in enumerate(text.splitlines(), 1) if OUTSIDE.search(line)]
    assert offenders == []


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
