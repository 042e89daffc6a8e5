"""Tables pasted with one space between cells (衡阳市人社局's 主动公开事项目录: 「事项类别 事项名称
公开内容 公开依据 条款内容 公开渠道 公开时限 公开责任」, then one row a line). A single space
is no cell border in prose, so such a table is known by its header alone: four or more
words that each name a column, one space apart, nothing else on the line. Its rows (the
lines after it that a space splits into two or more cells, and group rows 一、… between
them) are rewritten with bars, the
form the table readers know (`| ` between cells, a closing bar), so that they are read
as any barred table and are not cut at 「。 」 as prose run together would be. The last
row of the document short of cells keeps no closing bar: the page stops inside it.
Pure: lines in, lines out, line numbers kept."""

from __future__ import annotations

from .table_rows import _column, _is_group, _roles

_HEADER_MIN = 4  # so many column names, one space apart


def _spaced_header(text: str) -> list[str] | None:
    """The column names of a header written with single spaces between, else None."""
    if "\t" in text or "|" in text or "｜" in text or "  " in text.strip():
        return None
    words = text.strip().split(" ")
    if len(words) < _HEADER_MIN or any(_column(w) is None for w in words):
        return None
    return words if _roles(words) is not None else None


def _tokens(text: str) -> list[str]:
    """A row's cells: its words, a run of channels ("■ 政府网站 ■ 政务服务中心", "□ 其他")
    one cell."""
    cells: list[str] = []
    for word in (w for w in text.strip().split(" ") if w):
        channel = word[0] in "■□☑"
        if cells and (cells[-1][-1] in "■□☑" or (channel and cells[-1][0] in "■□☑")):
            cells[-1] += " " + word
        else:
            cells.append(word)
    return cells


def barred_spaced_tables(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``lines`` (number, text; no empty ones) with each single-spaced table's header and
    rows rewritten with bars."""
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        header = _spaced_header(text)
        index += 1
        if header is None:
            out.append((number, text))
            continue
        out.append((number, " | ".join(header) + " |"))
        while index < len(lines):
            number, text = lines[index]
            if "\t" in text or "|" in text or "｜" in text:
                break
            row = _tokens(text)
            if len(row) == 1 and _is_group(row[0]):
                row = [row[0], ""]  # "一、加强政策解读": a group row heading the rows below
            elif len(row) < 2:
                break
            last = index + 1 == len(lines)
            bar = "" if last and len(row) < len(header) else " |"
            out.append((number, " | ".join(c for c in row if c) + bar))
            index += 1
    return out
