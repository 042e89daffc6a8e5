"""Named dates and period ends as written: 6月底, 2017年1月15日, 年底, 第一季度, 每年3月31日,
次月15日, 次年5月31日 …; the scanner stops before 前."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..errors import InputError
from .chinese import DIGIT_VALUES
from .rule import Rule
from .scanner import _NUMBER_CHARS, _Reader, _value
from .vocabulary import HALF, LATE_HALF, RELATIVE, YEAR_END, YEARLY

_YEAR_END = (*YEAR_END, *LATE_HALF)
_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}


def _read_year(reader: _Reader) -> int | None:
    """YYYY年 (four Arabic digits, or four digit numerals such as 二〇一七)."""
    start = reader.pos
    raw = reader.numeral()
    if len(raw) == 4 and (raw.isdigit() or all(ch in DIGIT_VALUES for ch in raw)) and reader.take_word("年"):
        return _value(raw)
    reader.pos = start
    return None


def _read_month(reader: _Reader) -> dict[str, Any] | None:
    """X月底 / X月末 / X月份, or X月X日 / X月X号."""
    start = reader.pos
    raw = reader.numeral()
    if raw and len(raw) <= (2 if raw.isdigit() else 3) and reader.take_word("月"):
        month = reader.value(raw, start)
        if reader.take_word("底", "末", "份", "下旬"):
            return {"target": "month_end", "month": month}
        if (ten := reader.take_word("上旬", "中旬")) is not None:
            return {"target": "day", "month": month, "day": 10 if ten == "上旬" else 20}  # 11月中旬前
        if raw.isdigit() and reader.text.startswith(("前", "之前", "以前"), reader.pos):
            # 2021年8月前: before month 8, so by the last day of month 7. Not with Chinese
            # numerals: 期满三月前 may be "three months before", and is refused as before.
            if month == 1:
                return {"target": "month_end", "month": 12, "previous_year": True}
            return {"target": "month_end", "month": month - 1}
        day_start = reader.pos
        raw_day = reader.numeral()
        if raw_day and len(raw_day) <= (2 if raw_day.isdigit() else 3) and reader.take_word("日", "号"):
            return {"target": "day", "month": month, "day": reader.value(raw_day, day_start)}
        reader.pos = day_start
        last = re.compile(_MONTH_RANGE_END).match(reader.text, reader.pos)
        if last is not None:
            # 每年六月至九月期间 (监督法 第十九条): by the end of the last month
            end = reader.value(last.group(1), last.start(1))
            reader.pos = last.end()
            if 1 <= end <= 12 and end > month:
                return {"target": "month_end", "month": end}
    reader.pos = start
    return None


# 六月至九月期间: the second month of a span of months, before 期间 / 之间 / 内
_MONTH_RANGE_END = "(?:至|到)([0-9]{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末|份)?(?=期间|之间|以内|内)"


def _read_day(reader: _Reader) -> int | None:
    """X日 / X号 (次月15日)."""
    start = reader.pos
    raw = reader.numeral()
    if raw and len(raw) <= (2 if raw.isdigit() else 3) and reader.take_word("日", "号"):
        return reader.value(raw, start)
    reader.pos = start
    return None


def _read_target(reader: _Reader, lead: str = "") -> dict[str, Any] | None:
    """A named date or a period end: 6月底, 2017年1月15日, 年底, 第一季度, 每年3月31日,
    次月15日, 次年5月31日, 2020年底, 到2023年 …; the reader stops before 前."""
    start = reader.pos
    if lead == "":
        reader.prefix()
    fields: dict[str, Any] = {"kind": "date"}
    if reader.take_word(*YEARLY):
        fields["yearly"] = True
        month = _read_month(reader)
        if month is None or month.get("previous_year"):
            raise reader.fail("月份（如 每年1月31日前、每年2月底前）")
        return {**fields, **month}
    relative = next((r for word, r in RELATIVE if reader.take_word(word)), None)
    if relative == "next_month":
        day = _read_day(reader)
        if day is None:
            if reader.take_word("底", "末"):
                return {**fields, "relative": relative, "target": "month_end", "month": 1}
            raise reader.fail("日期（如 次月15日前）")
        return {**fields, "relative": relative, "target": "day", "month": 1, "day": day}
    if relative == "next_year":
        month = _read_month(reader)
        if month is not None and not month.get("previous_year"):
            return {**fields, "relative": relative, **month}
        if reader.take_word(*_YEAR_END):
            return {**fields, "relative": relative, "target": "year_end"}
        if reader.text.startswith(("内", "以内", "之内"), reader.pos):
            # 应当在下一年度内补缴 (国务院关于鼓励外商投资的规定 第十八条): by the end of the next year
            return {**fields, "relative": relative, "target": "year_end"}
        raise reader.fail("月份（如 次年5月31日前）")
    year = _read_year(reader)
    if year is not None:
        fields["year"] = year
    month = _read_month(reader)
    if month is not None:
        if month.pop("previous_year", False):  # 2022年1月前: 2021-12-31
            if year is None:
                raise reader.fail("年份（“1月前”是上一年的12月31日：请写明年份，如 2022年1月前）")
            fields["year"] = year - 1
        return {**fields, **month}
    if year is not None and reader.take_word("底", "末", "内", "度内"):
        return {**fields, "target": "year_end"}
    if reader.take_word(*_YEAR_END):
        return {**fields, "target": "year_end"}
    if year is None and reader.take_word(*HALF):
        return {**fields, "target": "half_end"}
    if year is None and (quarter := _read_quarter(reader)) is not None:
        return {**fields, "target": "quarter_end", "quarter": quarter}
    if year is not None:
        if (lead.endswith("到") or reader.text.startswith("到", start)) and not reader.at(_NUMBER_CHARS):
            return {**fields, "target": "year_end"}  # 到2023年: by the end of 2023
        raise reader.fail("月份（如 6月底、1月15日）")
    reader.pos = start
    return None


def _read_quarter(reader: _Reader) -> int | None:
    """第一季度 / 一季度末 / 第3季度."""
    start = reader.pos
    reader.take_word("第")
    if reader.at("1234一二三四"):
        quarter = _QUARTERS[reader.text[reader.pos]]
        reader.pos += 1
        if reader.take_word("季度"):
            reader.take_word("末", "底")
            return quarter
    reader.pos = start
    return None


def _check_date_fields(rule: Rule) -> None:
    if rule.year is not None and not 1 <= rule.year <= 9999:
        raise InputError(f"期限“{rule.text}”中的年份 {rule.year} 不存在")
    if rule.month is not None and not 1 <= rule.month <= 12:
        raise InputError(f"期限“{rule.text}”中的月份 {rule.month} 不存在")
    if rule.day is not None:
        try:
            date(rule.year or 2016, rule.month or 1, rule.day)  # 2016: a leap year, 2月29日 exists
        except ValueError:
            raise InputError(f"期限“{rule.text}”中的日期 {rule.month}月{rule.day}日 不存在") from None
