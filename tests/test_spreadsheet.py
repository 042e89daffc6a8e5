"""Lists for Excel and WPS: xlsx read back with openpyxl, CSV with a BOM, and cells that
a spreadsheet would run as formulas written as text."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import Run

FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx"]  # (YAML turns a CR into a line break)


def test_tasks_xlsx(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "事项.xlsx"
    result = gongkai("tasks", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(gongkai("tasks", "--format", "json").output)
    ws = load_workbook(out).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("编号", "期限", "星期", "类别", "事项", "牵头", "负责", "期限写法", "完成日期", "标记")
    assert len(rows) == 1 + len(data["items"]) == 72
    assert [r[0] for r in rows[1:]] == [ob["id"] for ob in data["items"]]
    assert ws.freeze_panes == "A2"
    first = ws["B2"]
    assert isinstance(first.value, datetime) and first.value.date() == date(2016, 6, 30)
    assert first.is_date and "yy" in first.number_format
    assert ws.column_dimensions["E"].width > ws.column_dimensions["C"].width  # sized to the text
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["1.2b"][1] is None  # an open duty has no date


def test_due_xlsx(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "本周.xlsx"
    result = gongkai("due", "--today", "2016-06-27", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    ws = load_workbook(out).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:5] == ("分类", "剩余天数", "剩余工作日", "编号", "期限")
    assert len(rows) == 1 + 5 + 6
    assert [r[0] for r in rows[1:]] == ["到期"] * 5 + ["逾期"] * 6
    assert rows[1][1:4] == (3, 3, "1.1a")
    assert rows[6][1] == -58  # a number stays a number
    assert isinstance(rows[1][4], datetime)


def test_xlsx_to_redirected_stdout(tmp_path: Path) -> None:
    """due --format xlsx > file works: standard output is a file, not a terminal (issue 19)."""
    out = tmp_path / "本周.xlsx"
    with out.open("wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "gongkai_cli", "due", "--today", "2016-06-27", "--format", "xlsx"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    ws = load_workbook(out).active
    assert ws is not None
    assert [r[3] for r in ws.iter_rows(min_row=2, max_row=2, values_only=True)] == ["1.1a"]


def test_xlsx_never_to_a_terminal() -> None:
    import os
    import pty

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "gongkai_cli", "tasks", "--format", "xlsx"],
            stdout=follower,
            stderr=subprocess.PIPE,
            check=False,
            env={**os.environ, "COLUMNS": "80"},
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert "--format xlsx 不写到终端：请用 -o FILE，或重定向到文件" in done.stderr.decode()


def _plan_with_titles(tmp_path: Path) -> Path:
    items = "".join(
        f"  - id: 'f{n}'\n    section: 一\n    title: {json.dumps(title)}\n    text: x\n"
        f"    lead: []\n    owners: []\n    rule: 6月底前\n"
        for n, title in enumerate(FORMULAS)
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "format: 1\nplan:\n  title: 要点\n  issuer: 某局\n  issued: 2016-05-18\n  year: 2016\nitems:\n"
        + items,
        encoding="utf-8",
    )
    return plan


def test_formulas_are_text_in_xlsx(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "f.xlsx"
    result = gongkai("tasks", "--tasks", str(_plan_with_titles(tmp_path)), "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    ws = load_workbook(out).active
    assert ws is not None
    cells = [ws.cell(row=n, column=5) for n in range(2, 2 + len(FORMULAS))]
    assert [c.value for c in cells] == FORMULAS
    assert all(c.data_type == "s" for c in cells)


def test_formulas_are_text_in_csv(gongkai: Run, tmp_path: Path) -> None:
    result = gongkai("tasks", "--tasks", str(_plan_with_titles(tmp_path)), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    titles = [r["title"] for r in rows]
    assert all(t.startswith("'") for t in titles), titles
    assert [t[1:] for t in titles] == FORMULAS


def test_csv_numbers_stay_numbers(gongkai: Run) -> None:
    result = gongkai("due", "--today", "2016-06-27", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows[-1]["days_left"] == "-27"  # an int, not text to defuse


@pytest.mark.parametrize("command", [("tasks",), ("due", "--today", "2016-06-27")])
def test_csv_bom(gongkai: Run, command: tuple[str, ...]) -> None:
    plain = gongkai(*command, "--format", "csv").output
    with_bom = gongkai(*command, "--format", "csv", "--bom").output
    assert with_bom == "\ufeff" + plain
    assert not plain.startswith("\ufeff")


def test_csv_bom_in_a_file_is_utf8_sig(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "事项.csv"
    gongkai("tasks", "--format", "csv", "--bom", "-o", str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").startswith("id,item,kind,deadline")


@pytest.mark.parametrize("value", ["=A1", "+1", "-1", "@x", "\tx", "\rx"])
def test_csv_safe(value: str) -> None:
    from gongkai_cli.render.spreadsheet import csv_safe

    assert csv_safe(value) == "'" + value
    assert csv_safe("政务 " + value) == "政务 " + value
