"""Lists for Excel and WPS: an .xlsx workbook (openpyxl, imported only here) and the
guard that keeps a cell from being read as a formula in CSV and xlsx alike.

A value starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula
to a spreadsheet (CSV injection, OWASP); text from a plan is data, never code. CSV
cells get a leading apostrophe (which Excel and WPS hide); xlsx cells are stored with the
string data type, so they show as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel and WPS also take a formula after leading blanks (space, NBSP, ideographic space,
# zero-width space, BOM) and from the full-width and small forms a Chinese input method
# types (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫): those starts are neutralised too.
LOOK_ALIKE = "[\\s\u200b\u200c\u200d\u2060\ufeff]*[=+\\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]"
BOM = "\ufeff"  # lets Excel read a CSV file as UTF-8

Cell = str | int | bool | date | datetime | None


def csv_safe(value: str) -> str:
    """``=1+1`` → ``'=1+1`` (and `` ＝1+1``, ``\u200b=1``): shown as text, never executed."""
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    import re

    return "'" + value if re.match(LOOK_ALIKE, value) else value


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def _width(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    from rich.cells import cell_len

    return max((cell_len(line) for line in str(value).split("\n")), default=0)


def xlsx(sheets: Sequence[Sheet]) -> bytes:
    """A workbook, one sheet each: a bold frozen header row, dates as real dates with a
    date number format, columns as wide as their text (up to 60)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from ..safetext import visible

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for sheet in sheets:
        ws = book.create_sheet(title=sheet.title[:31])  # Excel's limit on sheet names
        ws.append(list(sheet.header))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for n, row in enumerate(sheet.rows, start=2):
            for col, value in enumerate(row, start=1):
                cell = ws.cell(row=n, column=col)
                if isinstance(value, str):
                    cell.value = visible(value, "\t\n")  # openpyxl refuses other control characters
                    cell.data_type = "s"  # never a formula, whatever it starts with
                    if "\n" in value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
                else:
                    cell.value = value
                    if isinstance(value, datetime):
                        cell.number_format = "yyyy-mm-dd hh:mm"
                    elif isinstance(value, date):
                        cell.number_format = "yyyy-mm-dd"
        ws.freeze_panes = "A2"
        for col, name in enumerate(sheet.header, start=1):
            widest = max([_width(name), *(_width(row[col - 1]) for row in sheet.rows)])
            ws.column_dimensions[get_column_letter(col)].width = min(60, widest + 2)
    out = BytesIO()
    book.save(out)
    return out.getvalue()
