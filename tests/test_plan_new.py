"""gongkai plan new: a plan to start from (issue 19, point 1), the relaxed plan format
(only plan.title, plan.year and each item's id, title and rule required) and YAML
syntax errors said in Chinese with file:line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.conftest import Run

# A commented example line of the skeleton: "  # - id: …", "  #   rule: …", "# reports:",
# "#   文件公开: […]" (prose comments are left as they are).
_EXAMPLE = re.compile(r"^(\s*)# (\s*(?:- )?[a-z_]+:(?: .*)?|\s+文件公开: .*)$")


def uncomment(text: str) -> str:
    lines = []
    for line in text.splitlines():
        m = _EXAMPLE.match(line)
        lines.append(m[1] + m[2] if m else line)
    return "\n".join(lines) + "\n"


def test_new_plan_for_the_year_of_today(gongkai: Run, tmp_path: Path) -> None:
    path = tmp_path / "我局计划.yaml"
    result = gongkai("plan", "new", str(path), env={"GONGKAI_TODAY": "2026-12-03"})
    assert result.exit_code == 0, result.output
    assert f"已写入 {path}" in result.output
    text = path.read_text(encoding="utf-8")
    assert "  title: 2026年政务公开工作要点" in text and "  year: 2026 " in text
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    checked = gongkai("check", str(path), "--format", "json", env={"GONGKAI_TODAY": "2026-12-03"})
    assert checked.exit_code == 0, checked.output
    data = json.loads(checked.output)
    assert data["valid"] and data["items"] == 0 and data["plan"]["year"] == 2026


def test_every_example_is_valid_once_uncommented(gongkai: Run, tmp_path: Path) -> None:
    path = tmp_path / "计划.yaml"
    assert gongkai("plan", "new", str(path), "--year", "2025").exit_code == 0
    full = tmp_path / "全部示例.yaml"
    full.write_text(uncomment(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = gongkai("check", str(full), "--format", "json", env={"GONGKAI_TODAY": "2025-03-20"})
    assert result.exit_code == 0, result.output
    # one of each kind: dated, period from the issue, recurring, event, open, derived report
    assert json.loads(result.output)["kinds"] == {
        "deadline": 2,
        "report": 2,
        "recurring": 12,
        "event": 1,
        "open": 1,
    }
    tasks = json.loads(gongkai("tasks", "--tasks", str(full), "--format", "json").output)["items"]
    by_id = {t["id"]: t["deadline"] for t in tasks}
    assert by_id["1.1"] == "2025-06-30"  # 6月底前完成
    assert by_id["1.2"] == "2025-01-08"  # 印发之日起5个工作日内, from 2025-01-01 (元旦)
    assert by_id["3.1@2025-03-16"] == "2025-03-19"  # 文件公开后3个工作日内, from a Sunday
    assert by_id["4.1"] is None


def test_from_bundled_moves_the_2016_plan(gongkai: Run, tmp_path: Path) -> None:
    path = tmp_path / "我局计划.yaml"
    result = gongkai("plan", "new", str(path), "--from-bundled", "--year", "2025")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "issued: 2025-05-18" in text and "  year: 2025\n" in text
    assert "于 2026 年 1 月 15 日前" in text and "source:" not in text.split("reports:")[0]
    data = json.loads(gongkai("tasks", "--tasks", str(path), "--format", "json").output)
    assert data["plan"]["title"] == "2025年政务公开工作要点"
    assert len(data["items"]) == 71
    assert {t["id"]: t["deadline"] for t in data["items"]}["end.5"] == "2026-01-15"


@pytest.mark.parametrize("extra", [(), ("--from-bundled",)])
def test_an_existing_file_is_never_overwritten(gongkai: Run, tmp_path: Path, extra: tuple[str, ...]) -> None:
    path = tmp_path / "我局计划.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = gongkai("plan", "new", str(path), *extra)
    assert result.exit_code == 3
    assert result.stderr == f"gongkai: 错误：{path}: 文件已存在，未覆盖：请换一个文件名，或先删去它\n"
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_a_missing_folder_is_said(gongkai: Run, tmp_path: Path) -> None:
    result = gongkai("plan", "new", str(tmp_path / "无此目录" / "计划.yaml"))
    assert result.exit_code == 3
    assert (
        result.stderr == f"gongkai: 错误：{tmp_path / '无此目录'}: 文件夹不存在：请先创建它，或换一个路径\n"
    )


def test_a_minimal_hand_written_plan(gongkai: Run, tmp_path: Path) -> None:
    # the newcomer plan: title, year, items with id, title, owners and rule only
    path = tmp_path / "计划.yaml"
    path.write_text(
        "plan:\n  title: 我局2026年要点\n  year: 2026\nitems:\n"
        "  - id: '1'\n    title: 年报\n    owners: [办公室]\n    rule: 6月底前完成\n",
        encoding="utf-8",
    )
    assert gongkai("check", str(path)).exit_code == 0
    data = json.loads(gongkai("show", "1", "--tasks", str(path), "--format", "json").output)
    assert data["item"] | {"line": 0} == {
        "id": "1",
        "section": "",
        "title": "年报",
        "text": "",
        "lead": [],
        "owners": ["办公室"],
        "jointly": [],
        "supervising": [],
        "rule": "6月底前完成",
        "rule_kind": "date",
        "anchor": None,
        "event": None,
        "report": False,
        "done": None,
        "line": 0,
    }
    header = json.loads(gongkai("tasks", "--tasks", str(path), "--format", "json").output)["plan"]
    assert header["issuer"] == "" and header["issued"] == "2026-01-01"
    for _ in range(2):  # read from the file, then from the cache of checked plans
        first = gongkai("tasks", "--tasks", str(path)).output.splitlines()[0]
        assert first == "我局2026年要点（未写印发日期，自 2026-01-01 起算）：1 项"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # a key indented one space too far
        ("plan:\n  title: 要点\n   year: 2016\n", 3, "此处不能出现“键: 值”：可能是缩进不一致"),
        # a key indented one space too little
        ("plan:\n  title: 要点\n year: 2016\n", 3, "缩进不一致：这一行与上面同一层的键没有对齐"),
        ("plan:\n\ttitle: 要点\n", 2, "用了制表符（Tab）缩进：请改用空格"),
        ('plan:\n  title: "要点\n  year: 2016\n', 2, "引号没有闭合"),
        ("items: [a, b\nx: 1\n", 2, "方括号 [ … ] 没有闭合"),
        ("items:\n  - id: 1\n  title: x\n - id: 2\n", 3, "缩进不一致：列表的各项"),
        ("plan:\n  title: @要点\n", 2, "“@”不能作为值的开头：请给这个值加引号"),
        ("a: 1\n---\nb: 2\n", 2, "不止一个 YAML 文档"),
    ],
)
def test_yaml_errors_in_chinese(gongkai: Run, tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "我局计划.yaml"
    path.write_text(text, encoding="utf-8")
    for args in (("check", str(path)), ("due", "--tasks", str(path))):
        result = gongkai(*args)
        assert result.exit_code == 3
        error = result.stderr.splitlines()[0]
        assert error.startswith(
            f"{'gongkai: 错误：' if args[0] == 'due' else ''}{path}:{line}: YAML 语法错误："
        )
        assert words in error
        english = set(re.findall(r"[A-Za-z]{2,}", error.split("YAML 语法错误", 1)[1]))
        assert english <= {"Tab", "YAML"}, error  # no words of the YAML library's
