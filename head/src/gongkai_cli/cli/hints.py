"""What the user can do about a warning or an error, in command-line words, in one place.

The core states facts (the year that is missing, the reading that was applied); only here
are they joined to option and command names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import CoverageError, GongkaiError
from ..phrases.resolve import Note

if TYPE_CHECKING:
    from ..phrases.batch import BatchRow
    from ..phrases.resolve import Result
    from ..plan.obligations import Obligation

UNPUBLISHED_YEAR = (
    "国务院公布该年安排后，用 gongkai calendar import 导入通知全文；或加 --provisional 按法定节日作临时推算"
)

FORCE = "；确需覆盖请加 --force"

# Note.reading → the words put at Note.at.
READINGS = {
    "roll": "；可用 --roll backward 提前到此前最后一个工作日，或 --roll forward 顺延",
    "roll=backward": "按 --roll backward ",
    "roll=forward": "按 --roll forward ",
    "rest_start=next": "按 --rest-start next ",
    "before=exclusive": "按 --before exclusive，",
}

# ``check`` has no --roll: its warnings point at the commands that have one.
CHECK_READINGS = {**READINGS, "roll": "；due、tasks 和 show 可加 --roll backward 提前或 --roll forward 顺延"}


# The register's HistoryError.fix → what to do.
REGISTER_FIXES = {
    "pause": "：先用 gongkai request pause 记录暂停",
    "resume": "：先用 gongkai request resume 记录恢复",
    "correction": (
        "：告知补正用 gongkai request pause --reason 补正；其他情形用 request reply --result 其他处理：其他"
    ),
    "column": "；或用 --column received=列名 指定收到日期的列",
    "list": "：用 gongkai request list 查看编号",
    "id": "：换一个 --id，或不给 --id 自动编号",
    "create": "：用 gongkai request add 或 request import 建立，或用 --register / GONGKAI_REGISTER 指定",
}


def error(e: GongkaiError) -> str:
    """The error's message, with what to do about it."""
    from ..files.atomic import FileExists
    from ..plan.plan_file import PlanError

    if isinstance(e, CoverageError) and e.unpublished:
        if e.known and e.year < e.known[0]:  # a past year: no notice is still to come
            known = year_ranges(e.known)
            return f"{e.year} 年不在日历已知的年份（{known}）之内，没有该年的节假日安排，无法计算"
        return f"{e}{UNPUBLISHED_YEAR}"
    if isinstance(e, FileExists):
        return f"{e}{FORCE}"
    fix = getattr(e, "fix", None)  # register.counting.HistoryError, not imported for others
    if isinstance(fix, str) and fix in REGISTER_FIXES:
        return f"{e}{REGISTER_FIXES[fix]}"
    if isinstance(e, PlanError) and len(e.problems) > 1:
        return f"{e}（另有 {len(e.problems) - 1} 处问题，用 gongkai check 查看全部）"
    return str(e)


def year_ranges(years: tuple[int, ...]) -> str:
    """2004–2026 年, or 2004–2026、2030 年 when there are gaps."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return "、".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs) + " 年"


def warning(text: str, readings: Mapping[str, str] = READINGS) -> str:
    if isinstance(text, Note) and text.reading in readings:
        return text[: text.at] + readings[text.reading] + text[text.at :]
    return text


def result(r: Result, readings: Mapping[str, str] = READINGS) -> Result:
    """``r`` with its notes worded; ``r`` itself when none has words to add (most)."""
    if not r.warnings or not any(isinstance(w, Note) and w.reading in readings for w in r.warnings):
        return r
    return replace(r, warnings=tuple(warning(w, readings) for w in r.warnings))


def obligations(obs: list[Obligation], readings: Mapping[str, str] = READINGS) -> list[Obligation]:
    return [
        ob._replace(
            warnings=tuple(warning(w, readings) for w in ob.warnings),
            result=ob.result and result(ob.result, readings),
        )
        if ob.warnings
        else ob
        for ob in obs
    ]


def batch_row(row: BatchRow) -> BatchRow:
    if row.result is not None:
        if not row.more and result(row.result) is row.result:
            return row  # the common case, once per batch line: nothing to word
        worded, more = result(row.result), tuple(map(result, row.more))
        if worded is row.result and all(a is b for a, b in zip(more, row.more, strict=True)):
            return row  # nothing reworded: no copy, once per batch line
        return row._replace(result=worded, more=more)
    if isinstance(row.error, CoverageError) and row.error.unpublished:
        return row._replace(error=CoverageError(row.error.year, error(row.error)))
    return row
