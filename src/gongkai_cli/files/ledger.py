"""Ledgers kept in Excel: for ``deadline --batch 台账.xlsx``, the active sheet read row by
row and the same sheet written back with the answer's columns added; for ``plan extract``
(任务台账), every sheet as text, one row a line with its cells separated by tabs, as
files/office.py gives a .docx table, for plan/drafting/tables.py to read. A workbook's
parts are bounded before openpyxl opens it (office.check_zip).

openpyxl is imported only here, and in its read-only and write-only modes, so that a
sheet of any length is read and written a row at a time. Every cell the sheet held is
written back as its value (a formula as the value Excel last computed for it); text is
stored as text, never as a formula, whatever it starts with.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from io import BytesIO
from pathlib import Path
from typing import Any

from ..errors import InputError

ANSWER_COLUMNS = ("计算期限", "期限含义", "提示", "错误")  # deadline, its sense, warnings, the error


def read_sheet(path: Path) -> tuple[str, tuple[str, ...], Iterator[tuple[int, list[Any]]]]:
    """The active sheet's title, its header (the first row, as text) and its other rows
    with their row numbers; rows with no value at all are left out."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from .office import check_zip

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("找不到文件：请检查路径", where=str(path)) from None
    except OSError as e:
        raise InputError(f"无法读取文件（{e.strerror or e}）", where=str(path)) from None
    check_zip(raw, str(path), "Excel 文件", "一份台账")
    try:
        book = load_workbook(BytesIO(raw), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise InputError("不是可读的 .xlsx 工作簿：请用 Excel 或 WPS 另存为 .xlsx", where=str(path)) from None
    sheet = book.active
    if sheet is None:
        raise InputError("工作簿中没有工作表", where=str(path))
    rows = sheet.iter_rows(values_only=True)
    first = next(rows, None) or ()
    header = tuple("" if v is None else str(v).strip() for v in first)

    def body() -> Iterator[tuple[int, list[Any]]]:
        try:
            for number, values in enumerate(rows, start=2):
                if any(v is not None and v != "" for v in values):
                    yield number, list(values)
        finally:
            book.close()

    return str(sheet.title), header, body()


def cell_text(value: Any) -> str:
    """A cell as the text a batch line holds: an Excel date as 2016-09-30 (with its time,
    2016-07-01 14:30, when it has one), a whole number without ".0", text as it is."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def column(header: tuple[str, ...], name: str, option: str, path: Path) -> int:
    """The index of the column headed ``name``; InputError naming the headers there are."""
    if name in header:
        return header.index(name)
    shown = "、".join(f"“{h}”" for h in header if h) or "（空）"
    raise InputError(f"表头中没有“{name}”列（用 {option} 指定）：表头为 {shown}", where=str(path))


def write_sheet(
    path: Path, title: str, header: tuple[str, ...], rows: Iterable[list[Any]], *, force: bool
) -> None:
    """The sheet ``title`` with ``header`` and the answer's columns, then ``rows``; written
    whole or not at all (files.atomic)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from ..safetext import visible
    from .atomic import write_atomic

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])

    def cell(value: Any) -> Any:
        if isinstance(value, str):
            if not value.startswith("=") and value.isprintable():
                return value  # openpyxl stores it as text: no cell object needed
            text = WriteOnlyCell(sheet, value=visible(value, "\t\n"))
            text.data_type = "s"  # never a formula
            return text
        if isinstance(value, datetime):
            moment = WriteOnlyCell(sheet, value=value)
            moment.number_format = "yyyy-mm-dd hh:mm"
            return moment
        if isinstance(value, date):
            day = WriteOnlyCell(sheet, value=datetime.combine(value, time(0, 0)))
            day.number_format = "yyyy-mm-dd"
            return day
        return value

    sheet.append([cell(name) for name in (*header, *ANSWER_COLUMNS)])
    for row in rows:
        sheet.append([cell(value) for value in row])
    out = BytesIO()
    book.save(out)
    write_atomic(path, out.getvalue(), force=force)


_ROW_ALONE_MIN = 30  # a title or a group heading is shorter


def _row_alone(cell: str) -> bool:
    """A long cell, not a group heading ("一、…", "（一）…") nor a note ("注：…")."""
    import re

    heading = re.match(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|注|备注|说明)", cell)
    return len(cell) >= _ROW_ALONE_MIN and heading is None


def xlsx_text(raw: bytes, source: str) -> str:
    """Every sheet of a workbook, one row a line, cells separated by tabs (empty cells
    kept: a merged cell's others are empty, as the drafting reads them); values, not
    formulas. The workbook's parts are bounded before it is opened (office.check_zip)."""
    from openpyxl import load_workbook

    from .office import _cell, _unreadable, check_zip

    check_zip(raw, source, "Excel 文件")

    try:
        book = load_workbook(BytesIO(raw), data_only=True)  # not read-only: merged ranges
        lines: list[str] = []
        for sheet in book.worksheets:
            down = _merged_down(sheet)
            rows: list[list[str]] = []
            for r, row in enumerate(sheet.iter_rows(values_only=True), 1):
                values = [down.get((r, c), v) for c, v in enumerate(row, 1)]
                cells = [_cell(_text_value(v)) for v in values]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    rows.append(cells)
            # a row of the table keeps its empty last cells (an empty 完成时限 is empty,
            # not a cell the row lacks); a row of one cell (a title) stays one line
            width = max((len(cells) for cells in rows), default=0)
            below = False  # under the table's first row of several cells
            for cells in rows:
                # a long cell alone under the table's rows is a row whose other cells are
                # empty (宣城 2022: the page stops after its 任务 cell), not a title
                alone = below and len(cells) == 1 and _row_alone(cells[0])
                wide = cells + [""] * (width - len(cells)) if len(cells) > 1 or alone else cells
                below = below or len(cells) > 1
                lines.append("\t".join(wide) if len(wide) > 1 else wide[0])
        book.close()
    except Exception as e:  # a damaged file can fail anywhere inside the parser
        raise _unreadable(" Excel 文件", e, source) from None
    return "\n".join(lines) + "\n"


def _merged_down(sheet: Any) -> dict[tuple[int, int], object]:
    """The cells a merged range covers down one column (a 工作任务 or 责任科室 cell over
    several rows: 中山市医疗保障局's 2021 ledger) with the range's value, so that each row
    has its office; a range across columns (a title row) is left as it is."""
    covered: dict[tuple[int, int], object] = {}
    for merged in sheet.merged_cells.ranges:
        if merged.min_col != merged.max_col or merged.min_row == merged.max_row:
            continue
        value = sheet.cell(merged.min_row, merged.min_col).value
        for r in range(merged.min_row + 1, merged.max_row + 1):
            covered[(r, merged.min_col)] = value
    return covered


def _text_value(value: object) -> str:
    """A cell's value as text: a whole number without ".0", a date as 2023年6月30日."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)
