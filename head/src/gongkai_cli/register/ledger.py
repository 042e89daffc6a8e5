"""Reading an office's existing ledger (台账) of requests: .xlsx (openpyxl) or .csv.

Columns are matched by their header (编号, 收到日期, 申请人类型 …; docs/register.md lists
the names known), or by a mapping the user gives (``received=来件日期``). Each row
becomes a request and its history, checked by the same rules as the commands; any row
that cannot be read is reported with its row number, and nothing is imported.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InputError
from ..phrases.dates import parse_date
from .counting import Event, HistoryError, check
from .vocabulary import APPLICANTS, CHANNELS, NATURAL_PERSON, choice, result_name

# field → header names recognised (after removing spaces), first the canonical one.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("编号", "申请编号", "登记编号", "登记号", "序号", "id"),
    "received": ("收到日期", "收到申请日期", "受理日期", "申请日期", "登记日期", "received"),
    "applicant": ("申请人类型", "申请人类别", "申请人性质", "applicant"),
    "channel": ("申请方式", "申请渠道", "收到方式", "channel"),
    "subject": ("申请内容", "申请事项", "内容", "subject"),
    "correction_asked": ("补正告知日期", "告知补正日期", "correction_asked"),
    "correction_received": ("补正收到日期", "收到补正日期", "correction_received"),
    "extended": ("延期日期", "延长日期", "延期告知日期", "extended"),
    "replied": ("答复日期", "办结日期", "replied"),
    "result": ("办理结果", "答复结果", "结果", "result"),
    "abandoned": ("视为放弃日期", "放弃日期", "abandoned"),
}
FIELDS = tuple(HEADERS)


class LedgerRow(NamedTuple):
    line: int  # the row's number in the file (the header is row 1)
    id: str | None
    applicant: str
    channel: str
    subject: str
    events: tuple[Event, ...]


def read_ledger(path: Path, mapping: Mapping[str, str]) -> list[LedgerRow]:
    """Every row of the ledger as a request; an InputError listing every bad row."""
    rows = _xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path)
    if not rows:
        raise InputError("台账是空的：第 1 行应为表头", where=str(path))
    columns = _columns(rows[0], mapping, path)
    out: list[LedgerRow] = []
    bad: list[str] = []
    for number, cells in enumerate(rows[1:], start=2):
        values = {field: _cell(cells, index) for field, index in columns.items()}
        if not any(v not in (None, "") for v in values.values()):
            continue  # an empty row
        try:
            out.append(_row(number, values))
        except InputError as e:
            bad.append(f"第 {number} 行：{e.message}")
    if bad:
        shown = "；".join(bad[:5]) + (f"；另有 {len(bad) - 5} 行" if len(bad) > 5 else "")
        raise InputError(f"{len(bad)} 行无法读取，未导入任何申请：{shown}", where=str(path))
    return out


def _columns(header: Sequence[Any], mapping: Mapping[str, str], path: Path) -> dict[str, int]:
    names = ["".join(str(h).split()) if h is not None else "" for h in header]
    found: dict[str, int] = {}
    for field, known in HEADERS.items():
        wanted = [mapping[field]] if field in mapping else list(known)
        for name in wanted:
            if "".join(name.split()) in names:
                found[field] = names.index("".join(name.split()))
                break
        else:
            if field in mapping:
                raise InputError(
                    f"表头中没有“{mapping[field]}”列（{field}）；表头为：{'、'.join(names)}", where=str(path)
                )
    if "received" not in found:
        raise HistoryError(
            f"找不到收到日期的列：表头应有 {'、'.join(HEADERS['received'][:-1])} 之一"
            f"（表头为：{'、'.join(names)}）",
            "column",
            where=str(path),
        )
    return found


def _cell(cells: Sequence[Any], index: int) -> Any:
    value = cells[index] if index < len(cells) else None
    return value.strip() if isinstance(value, str) else value


def _day(value: Any, what: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value))
    except InputError as e:
        raise InputError(f"{what}“{value}”不是日期（{e.message}）") from None


def _row(number: int, values: Mapping[str, Any]) -> LedgerRow:
    received = _day(values.get("received"), "收到日期")
    if received is None:
        raise InputError("没有收到日期")
    events = [Event("received", received)]

    def add(event: Event) -> None:
        check(events, event)
        events.append(event)

    asked = _day(values.get("correction_asked"), "补正告知日期")
    corrected = _day(values.get("correction_received"), "补正收到日期")
    if asked is not None:
        add(Event("pause", asked, "补正"))
    if corrected is not None:
        if asked is None:
            raise InputError("有补正收到日期而没有补正告知日期")
        add(Event("resume", corrected))
    extended = _day(values.get("extended"), "延期日期")
    if extended is not None:
        add(Event("extend", extended))
    replied = _day(values.get("replied"), "答复日期")
    result = values.get("result")
    abandoned = _day(values.get("abandoned"), "视为放弃日期")
    if replied is not None:
        if result in (None, ""):
            raise InputError("有答复日期而没有办理结果")
        add(Event("reply", replied, result_name(str(result))))
    elif result not in (None, ""):
        raise InputError(f"有办理结果“{result}”而没有答复日期")
    if abandoned is not None:
        add(Event("abandon", abandoned))
    ident = values.get("id")
    if isinstance(ident, float) and ident.is_integer():
        ident = int(ident)
    applicant = str(values.get("applicant") or NATURAL_PERSON)
    channel = str(values.get("channel") or "其他")
    return LedgerRow(
        number,
        str(ident) if ident not in (None, "") else None,
        choice(applicant, APPLICANTS, "申请人类型"),
        choice(channel, CHANNELS, "申请方式"),
        str(values.get("subject") or ""),
        tuple(events),
    )


def _csv_rows(path: Path) -> list[list[Any]]:
    import csv
    import io

    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"无法读取台账：{e.strerror or e}", where=str(path)) from None
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # gb18030 decodes any bytes; kept for the type checker
        raise InputError("台账不是 UTF-8 或 GB18030 编码的文本", where=str(path))
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _xlsx_rows(path: Path) -> list[list[Any]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from ..files.office import check_zip

    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"无法读取 .xlsx 台账（{e.strerror or e}）", where=str(path)) from None
    check_zip(raw, str(path), "Excel 台账", "一份依申请公开台账")  # bounded before it is opened
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (OSError, BadZipFile, InvalidFileException, KeyError, ValueError) as e:
        raise InputError(f"无法读取 .xlsx 台账（{e}）", where=str(path)) from None
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
