"""`request report`: the annual report's table 「收到和处理政府信息公开申请情况」 as
国办公开办函〔2021〕30号 lays it out, counted from the register across years; and
`request import` of an office's ledger."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.test_register import events_in, listed, reg, steps  # noqa: F401 (fixture)


@pytest.fixture
def two_years(reg: tuple[Run, Path]) -> Run:  # noqa: F811
    """2023: one request replied in 2023, one carried into 2024. 2024: four new."""
    run, _ = reg
    steps(
        run,
        "add --id 23-1 --received 2023-11-01",
        "reply 23-1 --date 2023-11-20 --result 予以公开",
        "add --id 23-2 --received 2023-12-20 --applicant 法律服务机构",
        "reply 23-2 --date 2024-01-10 --result 部分公开",
        "add --id 24-1 --received 2024-03-01",
        "reply 24-1 --date 2024-03-10 --result 不予公开：属于国家秘密",
        "add --id 24-2 --received 2024-05-06 --applicant 商业企业",
        "reply 24-2 --date 2024-05-20 --result 重复申请",
        "add --id 24-3 --received 2024-12-20",
        "add --id 24-4 --received 2024-12-25 --applicant 商业企业",
        "pause 24-4 --reason 补正 --date 2024-12-26",
        "abandon 24-4 --date 2025-01-20",
    )
    return run


def test_report_json(two_years: Run) -> None:
    data = json.loads(two_years("request", "report", "--year", "2024", "--format", "json").output)
    assert (data["new"], data["carried_over"], data["processed"], data["carried_forward"]) == (4, 1, 3, 2)
    assert data["new"] + data["carried_over"] == data["processed"] + data["carried_forward"]
    assert data["results"] == {
        "予以公开": 0,
        "部分公开": 1,
        "不予公开": 1,
        "无法提供": 0,
        "不予处理": 1,
        "其他处理": 0,
    }
    assert data["reasons"]["不予公开：属于国家秘密"] == 1 and data["reasons"]["不予处理：重复申请"] == 1
    business = data["by_applicant"]["商业企业"]
    assert (business["new"], business["processed"], business["carried_forward"]) == (2, 1, 1)
    assert data["by_applicant"]["法律服务机构"]["carried_over"] == 1
    assert data["by_applicant"]["法律服务机构"]["results"]["部分公开"] == 1


@pytest.mark.parametrize(
    ("year", "new", "over", "done", "forward"),
    [(2023, 2, 0, 1, 1), (2024, 4, 1, 3, 2), (2025, 0, 2, 1, 1)],
)
def test_each_year_carries_into_the_next(
    two_years: Run, year: int, new: int, over: int, done: int, forward: int
) -> None:
    data = json.loads(two_years("request", "report", "--year", str(year), "--format", "json").output)
    assert (data["new"], data["carried_over"], data["processed"], data["carried_forward"]) == (
        new,
        over,
        done,
        forward,
    )


def test_report_plain_md_table_and_xlsx(two_years: Run, tmp_path: Path) -> None:
    plain = two_years("request", "report", "--year", "2024", "--format", "plain").output
    assert "一、本年新收政府信息公开申请数量：4（自然人 2，商业企业 2）" in plain
    assert "    1.属于国家秘密：1（自然人 1）" in plain
    assert "四、结转下年度继续办理：2（自然人 1，商业企业 1）" in plain
    md = two_years("request", "report", "--year", "2024", "--format", "md").output
    assert "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |" in md
    assert "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 1 | 0 | 1 |" in md
    from rich.cells import cell_len

    for width in (60, 80, 100):
        table = two_years(
            "request", "report", "--year", "2024", "--format", "table", env={"COLUMNS": str(width)}
        )
        assert all(cell_len(line) <= width for line in table.output.splitlines()), width
        assert re.search(r"（七）总计 +1 +1 +0 +0 +1 +0 +3$", table.output, re.M), table.output
    out = tmp_path / "表.xlsx"
    assert two_years("request", "report", "--year", "2024", "--format", "xlsx", "-o", str(out)).exit_code == 0
    from openpyxl import load_workbook

    rows = {r[0]: r[1:] for r in load_workbook(out).worksheets[0].iter_rows(values_only=True)}
    assert rows["一、本年新收政府信息公开申请数量"] == (2, 2, 0, 0, 0, 0, 4)
    assert rows["（七）总计"][-1] == 3


# -- import -------------------------------------------------------------------------------

LEDGER = """编号,收到日期,申请人类型,申请方式,申请内容,补正告知日期,补正收到日期,延期日期,答复日期,办理结果
L1,2024-09-20,自然人,网络,预算,,,,2024-10-18,予以公开
L2,2024年9月20日,商业企业,邮寄,,2024-09-25,2024-10-09,,,
L3,2024/9/20,,,,,,2024-10-21,,
"""


def test_import_csv(reg: tuple[Run, Path], tmp_path: Path) -> None:  # noqa: F811
    run, _ = reg
    ledger = tmp_path / "台账.csv"
    ledger.write_text(LEDGER, encoding="utf-8")
    result = run("request", "import", str(ledger))
    assert result.exit_code == 0 and "已导入 3 件申请" in result.output, result.output
    rows = listed(run)
    assert rows["L1"]["result"] == "予以公开" and rows["L1"]["channel"] == "网络"
    assert rows["L2"]["due"] == "2024-11-05"  # 补正, as in the contract
    assert rows["L3"]["due"] == "2024-11-20" and rows["L3"]["applicant"] == "自然人"


def test_import_refuses_bad_rows_with_their_numbers_and_writes_nothing(
    reg: tuple[Run, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    run, path = reg
    steps(run, "add --id L1 --received 2024-01-02")
    before = events_in(path)
    bad = LEDGER + "L4,2024-02-30,,,,,,,,\nL5,2024-09-20,,,,,,,2024-10-01,同意\nL6,2024-09-20,公司,,,,,,,\n"
    ledger = tmp_path / "台账.csv"
    ledger.write_text(bad, encoding="gb18030")  # as Excel saves CSV in China
    result = run("request", "import", str(ledger))
    assert result.exit_code == 3
    assert "第 5 行" in result.stderr and "第 6 行" in result.stderr and "第 7 行" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert events_in(path) == before
    ledger.write_text(LEDGER, encoding="utf-8")  # L1 is already in the register
    result = run("request", "import", str(ledger))
    assert result.exit_code == 3 and "第 2 行" in result.stderr and "已有编号" in result.stderr
    assert events_in(path) == before
    assert list(listed(run)) == ["L1"]


def test_import_xlsx_with_a_column_mapping(reg: tuple[Run, Path], tmp_path: Path) -> None:  # noqa: F811
    from datetime import datetime

    from openpyxl import Workbook

    run, _ = reg
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["来件日期", "类别", "处理结果", "回复日期"])
    sheet.append([datetime(2024, 9, 20), "科研机构", "本机关不掌握相关政府信息", datetime(2024, 10, 10)])
    sheet.append([datetime(2024, 9, 23), None, None, None])
    path = tmp_path / "台账.xlsx"
    book.save(path)
    missing = run("request", "import", str(path))
    assert missing.exit_code == 3 and "--column received=" in missing.stderr
    result = run(
        "request",
        "import",
        str(path),
        "--column",
        "received=来件日期",
        "--column",
        "applicant=类别",
        "--column",
        "result=处理结果",
        "--column",
        "replied=回复日期",
    )
    assert result.exit_code == 0, result.output
    rows = listed(run)
    assert rows["2024-0001"]["result"] == "无法提供：本机关不掌握相关政府信息"
    assert rows["2024-0001"]["applicant"] == "科研机构"
    assert rows["2024-0002"]["due"] == "2024-10-24"  # 09-23 + 20: 国庆 skipped, 09-29 and 10-12 worked
    assert run("request", "import", str(path), "--column", "bad=x").exit_code == 2


def test_list_csv_reads_back(reg: tuple[Run, Path], tmp_path: Path, gongkai: Run) -> None:  # noqa: F811
    run, _ = reg
    steps(
        run,
        "add --id A --received 2024-09-20 --subject =1+1",
        "pause A --reason 补正 --date 2024-09-25",
        "resume A --date 2024-10-09",
        "extend A --date 2024-10-30",
        "reply A --date 2024-11-20 --result 部分公开",
    )
    ledger = tmp_path / "out.csv"
    ledger.write_text(run("request", "list", "--format", "csv").output, encoding="utf-8")
    other = tmp_path / "other.sqlite3"
    assert gongkai("request", "import", str(ledger), "--register", str(other)).exit_code == 0
    again = json.loads(gongkai("request", "list", "--format", "json", "--register", str(other)).output)
    first = listed(run)["A"]
    assert again["requests"][0]["due"] == first["due"] == "2024-12-03"
    assert again["requests"][0]["result"] == "部分公开"
    assert again["requests"][0]["subject"] == "'=1+1"  # a formula stays text in the sheet


def test_an_unreadable_register_file(tmp_path: Path, gongkai: Run) -> None:
    path = tmp_path / "x.sqlite3"
    path.write_text("not a database", encoding="utf-8")
    result = gongkai("request", "list", "--register", str(path))
    assert result.exit_code == 3 and "不是 gongkai 的登记簿" in result.stderr
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as db:
        db.execute("PRAGMA user_version = 99")
    result = gongkai("request", "list", "--register", str(newer))
    assert result.exit_code == 3 and "结构版本为 99" in result.stderr


def test_list_xlsx_reads_back(reg: tuple[Run, Path], tmp_path: Path, gongkai: Run) -> None:  # noqa: F811
    run, _ = reg
    steps(run, "add --id A --received 2024-09-20 --applicant 科研机构", "extend A --date 2024-10-21")
    sheet = tmp_path / "台账.xlsx"
    assert run("request", "list", "--format", "xlsx", "-o", str(sheet)).exit_code == 0
    other = tmp_path / "other.sqlite3"
    assert gongkai("request", "import", str(sheet), "--register", str(other)).exit_code == 0
    again = json.loads(gongkai("request", "list", "--format", "json", "--register", str(other)).output)
    row = again["requests"][0]
    assert (row["id"], row["due"], row["applicant"], row["extended"]) == ("A", "2024-11-20", "科研机构", True)
