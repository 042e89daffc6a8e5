"""Excel ledgers (任务台账 kept in .xlsx): every sheet, one row a line with its cells
separated by tabs, as files/office.py gives a .docx table, for plan/drafting/tables.py to
read. openpyxl is imported only here, only when such a file is read.
"""

from __future__ import annotations

import io

from .office import _cell, _unreadable, check_zip


def xlsx_text(raw: bytes, source: str) -> str:
    """Every sheet of a workbook, one row a line, cells separated by tabs (empty cells
    kept: a merged cell's others are empty, as the drafting reads them); values, not
    formulas. The workbook's parts are bounded before it is opened (office.check_zip)."""
    check_zip(raw, source, "Excel 文件")
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        lines: list[str] = []
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells = [_cell(_value(v)) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    lines.append("\t".join(cells) if len(cells) > 1 else cells[0])
        book.close()
    except Exception as e:  # a damaged file can fail anywhere inside the parser
        raise _unreadable(" Excel 文件", e, source) from None
    return "\n".join(lines) + "\n"


def _value(value: object) -> str:
    """A cell's value as text: a whole number without ".0", a date as 2023年6月30日."""
    from datetime import date, datetime

    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)
