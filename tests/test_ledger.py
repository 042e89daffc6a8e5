"""Ledgers in Excel and CSV files (issue 23): ``deadline --batch FILE`` with the columns
chosen by their headers, and ``-o out.xlsx`` writing the same sheet back with the answer's
columns; read back with openpyxl. Deadlines as in tests/test_counting_rules.py (2016 by
国办发明电〔2015〕18号: 国庆 10-01 to 10-07 off, 10-08 and 10-09 worked)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import Run

HEADER = ["编号", "收到日期", "期限", "法律", "备注"]
ROWS: list[list[Any]] = [
    [1, datetime(2016, 9, 30), "3个工作日内", None, "=1+2 写作公式的文字"],  # an Excel date
    [2, "2016-09-20", "二十日内", "许可法", "文本日期"],  # 行政许可法 第八十二条: 20 working days
    [3, datetime(2016, 9, 30), "5个工作周内", None, None],  # an error, in its row
    [4, "2016年9月29日", 3, None, "整数：3个工作日"],
    [5, datetime(2016, 7, 1, 14, 30), "24小时内", None, None],  # a date with its time
    [6, "2016-09-30", "3个工作日内", "刑法", None],  # an unknown law: an error, in its row
]
# 计算期限, 期限含义, whether a warning, whether an error
ANSWERS = [
    (datetime(2016, 10, 10), "期限", False, False),
    (datetime(2016, 10, 21), "期限", True, False),
    (None, None, False, True),
    (datetime(2016, 10, 9), "期限", False, False),
    (datetime(2016, 7, 2, 14, 30), "期限", False, False),
    (None, None, False, True),
]
CHOSEN = ["--anchor-column", "收到日期", "--rule-column", "期限", "--law-column", "法律"]


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "收文台账"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    sheet["E2"].data_type = "s"  # text that starts like a formula, as Excel keeps '=1+2
    sheet.append([None] * 5)  # an empty row: left out
    path = tmp_path / "台账.xlsx"
    book.save(path)
    return path


def test_xlsx_round_trip(gongkai: Run, ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "结果.xlsx"
    result = gongkai("deadline", "--batch", str(ledger), *CHOSEN, "-o", str(out))
    assert result.exit_code == 3  # two rows had bad input; every row was answered
    assert "2 行未能计算" in result.stderr
    sheet = load_workbook(out).active
    assert sheet is not None and sheet.title == "收文台账"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [*HEADER, "计算期限", "期限含义", "提示", "错误"]
    assert len(rows) == 1 + len(ROWS)
    for written, given, (deadline, sense, warned, failed) in zip(rows[1:], ROWS, ANSWERS, strict=True):
        kept = list(written[:5])
        assert kept[0] == given[0] and kept[2] == given[2] and kept[3] == given[3]
        assert kept[1] == given[1]  # dates stay dates, text stays text
        assert written[5] == deadline and written[6] == sense
        assert bool(written[7]) == warned and bool(written[8]) == failed
    assert "第八十二条" in str(rows[2][7])
    assert "5个工作周内" in str(rows[3][8]) and "刑法" in str(rows[6][8])
    assert rows[1][4] == "=1+2 写作公式的文字"  # text, never a formula
    assert sheet["E2"].data_type == "s"


def test_xlsx_to_standard_output_as_a_csv_batch(gongkai: Run, ledger: Path) -> None:
    result = gongkai("deadline", "--batch", str(ledger), *CHOSEN, "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0] == "编号,anchor,rule,law,备注,deadline,kind,provisional,warnings,error"
    assert lines[1].startswith("1,2016-09-30,3个工作日内,,'=1+2 写作公式的文字,2016-10-10,workdays")
    assert lines[5].startswith("5,2016-07-01 14:30,24小时内,,,2016-07-02T14:30,hours")


def test_a_column_that_is_not_there_names_the_headers(gongkai: Run, ledger: Path) -> None:
    result = gongkai("deadline", "--batch", str(ledger), "--rule-column", "期限")
    assert result.exit_code == 3
    (line,) = result.stderr.strip().splitlines()
    assert f"{ledger}: 表头中没有“anchor”列（用 --anchor-column 指定）" in line and "“收到日期”" in line


def test_the_output_is_not_overwritten_without_force(gongkai: Run, ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "结果.xlsx"
    out.write_bytes(b"mine")
    result = gongkai("deadline", "--batch", str(ledger), *CHOSEN, "-o", str(out))
    assert result.exit_code != 0 and out.read_bytes() == b"mine"
    forced = gongkai("deadline", "--batch", str(ledger), *CHOSEN, "-o", str(out), "--force")
    assert forced.exit_code == 3 and out.read_bytes() != b"mine"


def test_o_needs_an_xlsx_ledger(gongkai: Run, tmp_path: Path) -> None:
    source = tmp_path / "a.csv"
    source.write_text("anchor,rule\n2016-09-30,3个工作日内\n", encoding="utf-8")
    result = gongkai("deadline", "--batch", str(source), "-o", str(tmp_path / "b.xlsx"))
    assert result.exit_code == 2 and "-o 只用于" in result.stderr


def test_csv_file_with_chosen_columns(gongkai: Run, tmp_path: Path) -> None:
    source = tmp_path / "台账.csv"
    source.write_text(
        "编号,收到日期,期限\n1,2016-09-30,3个工作日内\n2,2016-09-20,二十日内\n", encoding="utf-8"
    )
    result = gongkai(
        "deadline",
        "--batch",
        str(source),
        "--anchor-column",
        "收到日期",
        "--rule-column",
        "期限",
        "--format",
        "csv",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "1,2016-09-30,3个工作日内,2016-10-10,workdays,false,,",
        "2,2016-09-20,二十日内,2016-10-10,days,false,,",
    ]
    missing = gongkai("deadline", "--batch", str(source), "--format", "csv")
    assert missing.exit_code == 3 and "表头中没有“anchor”和“rule”列" in missing.stderr


def test_not_a_workbook_is_one_line(gongkai: Run, tmp_path: Path) -> None:
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a zip")
    result = gongkai("deadline", "--batch", str(bad))
    assert result.exit_code == 3
    assert (
        result.stderr.strip()
        == f"gongkai: 错误：{bad}: 不是可读的 .xlsx 工作簿：请用 Excel 或 WPS 另存为 .xlsx"
    )


def test_stdin_batch_unchanged(gongkai: Run) -> None:
    result = gongkai("deadline", "--batch", "--format", "csv", input="anchor,rule\n2016-09-30,3个工作日内\n")
    assert result.stdout.splitlines()[1] == "2016-09-30,3个工作日内,2016-10-10,workdays,false,,"
