"""Output points of issue 19 (point 7): status by mail and as a workbook, show as Markdown,
the mail's text part (commands whole, lines within 72 cells), the labels of blocks, and
names and numbers never broken inside at 80 and 140 columns."""

from __future__ import annotations

import json
from email import message_from_string, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from openpyxl import load_workbook
from rich.cells import cell_len

from tests.conftest import Run, bundled_plan_for

# Every department of the bundled plan (tasks --format json, lead and owners).
DEPARTMENTS = ("初审及流程管理部", "专利复审委员会", "审查业务管理部", "专利局综合管理部门", "专利局办公室")


def text_part(output: str) -> str:
    msg = message_from_string(output, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def test_status_as_mail(gongkai: Run) -> None:
    env = {"GONGKAI_NOW": "2016-09-30 08:00"}
    result = gongkai(
        "status", "--today", "2016-09-30", "--format", "email", "--mail-to", "o@example.org", env=env
    )
    assert result.exit_code == 0, result.output
    msg = message_from_string(result.output, policy=policy.default)
    assert msg["Subject"] == "2016年政务公开工作要点：进展（截至 2016-09-30）逾期 21 项，待办 23 项"
    text = text_part(result.output)
    assert "  初审及流程管理部  已完成 0  逾期 2  待办 0  无期限 0  合计 2" in text.splitlines()
    assert max(cell_len(line) for line in text.splitlines()) <= 72
    html = msg.get_body(preferencelist=("html",))
    assert html is not None and html.get_content().count("<table") == 4


def test_status_as_workbook(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "进展.xlsx"
    assert gongkai("status", "--today", "2016-09-30", "--format", "xlsx", "-o", str(out)).exit_code == 0
    data = json.loads(gongkai("status", "--today", "2016-09-30", "--format", "json").output)
    book = load_workbook(out)
    assert book.sheetnames == ["截至 2016-09-30", "最近的期限"]
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("分组", "名称", "已完成", "逾期", "待办", "无期限", "合计")
    states = data["states"]
    assert rows[1] == ("全部", "全部", *(states[k] for k in ("done", "overdue", "upcoming", "open", "total")))
    assert len(list(book.worksheets[1].iter_rows())) == 1 + len(data["next"])


def test_show_as_markdown(gongkai: Run) -> None:
    out = gongkai("show", "1.1b", "--format", "md").output.splitlines()
    assert out[:6] == [
        "# 1.1b 行政审批保留事项公开",
        "",
        "- 章节：一、围绕深化改革推进公开 (一)",
        "- 牵头：—",
        "- 负责：条法司",
        "- 期限写法：6月底前完成",
    ]
    row = "| 1.1b/report | 2016-07-14（星期四） | 报告 | 书面报送落实情况：行政审批保留事项公开 | — |"
    assert any(line.startswith(row) for line in out)
    assert "## 推算（1.1b/report）" in out and out.count("```") == 4


def test_mail_keeps_commands_whole_and_fits(gongkai: Run, tmp_path: Path) -> None:
    plan = bundled_plan_for(2026, tmp_path / "p2026.yaml")
    other = tmp_path / "上级要点.yaml"
    other.write_text(
        plan.read_text(encoding="utf-8").replace("plan:\n", "plan:\n  key: 上级\n", 1), encoding="utf-8"
    )
    args = ("due", "--tasks", str(plan), "--tasks", str(other), "--today", "2026-12-03", "--no-overdue")
    text = text_part(gongkai(*args, "--format", "email", "--mail-to", "o@example.org").output)
    lines = text.splitlines()
    assert "gongkai calendar import 通知.txt --install 导入" in lines  # the command on one line
    assert max(cell_len(line) for line in lines) <= 72  # the signature too, wrapped
    signature = lines[lines.index("-- ") + 1 :]
    assert len(signature) > 1 and signature[0].startswith("gongkai：")


def test_blocks_keep_the_labels(gongkai: Run) -> None:
    out = gongkai("due", "--today", "2016-06-27", "--format", "table", env={"COLUMNS": "60"}).output
    assert "  负责：条法司、审查业务管理部、初审及流程管理部、" in out.splitlines()
    assert "  专利复审委员会；期限写法：6月底前完成" in out.splitlines()
    assert "  牵头：办公室；期限写法：按月进行" in out.splitlines()


@pytest.mark.parametrize(
    ("args", "columns", "words"),
    [
        (("due", "--today", "2016-06-27"), "140", DEPARTMENTS[:3]),
        (("due", "--today", "2016-06-27"), "80", DEPARTMENTS[:3]),
        (("status", "--today", "2016-09-30"), "80", DEPARTMENTS),
        (("status", "--today", "2016-09-30"), "44", DEPARTMENTS),
        (("show", "1.1a/report"), "80", ("第一千二百五十九条", "第二百零一条", *DEPARTMENTS[:3])),
        (("show", "1.1a"), "80", DEPARTMENTS[:3]),
    ],
)
def test_names_and_numbers_are_never_broken(
    gongkai: Run, args: tuple[str, ...], columns: str, words: tuple[str, ...]
) -> None:
    out = gongkai(*args, "--format", "table", env={"COLUMNS": columns}).output
    assert max(cell_len(line) for line in out.splitlines()) <= int(columns)
    for word in words:
        assert word in out, f"{word} broken at {columns} columns"
