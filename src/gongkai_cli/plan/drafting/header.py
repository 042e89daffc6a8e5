"""The header of a document: its title, issuer, issue date, year and the covering
notice's title, from the lines before the body and the signature. Pure: lines in, a
DraftHeader and warnings out."""

from __future__ import annotations

import itertools
import re

from ...phrases.chinese import compact
from ...phrases.dates import written_date
from .model import DraftHeader, DraftWarning
from .paragraphs import _marker

_NOTICE = re.compile(r"^(?P<issuer>[^《》]*?)关于印发(?P<what>.+?)的通知$")
_TITLE_END = (
    r"(?:工作要点|要点|工作计划|工作方案|实施方案|工作安排|任务分工表?|分工表|任务(?:分解)?表|任务清单)"
)
# "2016年政务公开工作要点", "北京市2018年政务公开工作要点", "2021年上海市知识产权局…工作要点"
_TITLE_LINE = re.compile(rf"^[^，。；：:、]{{0,20}}?[0-9]{{4}}年[^，。；：:]{{0,40}}?{_TITLE_END}$")
_TITLE_NO_YEAR = re.compile(rf"^[^，。；：:、0-9]{{2,40}}?{_TITLE_END}$")
# "现将《…》印发给你们", "《…》已经市政府同意，现印发给你们", "特制订《…》，现印发给你们"
_QUOTED_TITLE = re.compile(rf"[《〈]([^《》〈〉]{{2,60}}?{_TITLE_END})[》〉]")


def _title_lines(lines: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """(title, guessed title) from the lines before the body: a title line, or one split
    over two lines ("2021年上海市知识产权局政务公开" / "工作要点"); a line without a year is
    only a guess."""
    squeezed = [compact(t) for _, t in lines if not _NOTICE.match(compact(t))]
    for text in squeezed:
        if _TITLE_LINE.match(text):
            return text, None
    for first, second in itertools.pairwise(squeezed):
        if not re.search(r"[，。；：:]", first) and _TITLE_LINE.match(first + second):
            return first + second, None
    return None, next((t for t in squeezed if _TITLE_NO_YEAR.match(t)), None)


def _quoted_title(lines: list[tuple[int, str]]) -> str | None:
    """The title quoted in the covering notice, the one nearest before "印发"."""
    for _, text in lines:
        squeezed = compact(text)
        where = squeezed.rfind("印发")
        if where < 0 or _NOTICE.match(squeezed):
            continue
        quoted = [m.group(1) for m in _QUOTED_TITLE.finditer(squeezed[:where])]
        if quoted:
            return quoted[-1]
    return None


def _header(
    lines: list[tuple[int, str]], body_start: int
) -> tuple[DraftHeader, set[int], list[DraftWarning]]:
    """The header, the signature lines (left out of the body) and warnings."""
    warnings: list[DraftWarning] = []
    signature: set[int] = set()
    issuer = issued = title = source = None
    notice_what = None
    for index, (lineno, text) in enumerate(lines):
        day = written_date(text)
        if day is not None and issued is None:
            issued = day
            signature.add(lineno)
            if index > 0:
                prev_no, prev = lines[index - 1]
                if _looks_like_issuer(prev):
                    issuer = compact(prev)
                    signature.add(prev_no)
    heads = [compact(t).removeprefix("《").removesuffix("》") for _, t in lines[:body_start]]
    # the notice's title on one line, or over two ("…关于印发" / "…工作要点的通知")
    for squeezed in [*heads, *(a + b for a, b in itertools.pairwise(heads) if not _NOTICE.match(a))]:
        notice = _NOTICE.match(squeezed)
        if notice and source is None:
            source = squeezed
            notice_what = notice.group("what").strip("《》〈〉")
            issuer = issuer or notice.group("issuer") or None
    head = [(n, t) for n, t in lines[:body_start] if n not in signature]
    title, guess = _title_lines(head)
    title = title or _quoted_title(head) or notice_what
    if title is None and guess is not None:
        title = guess
        warnings.append(DraftWarning(None, f"标题“{guess}”是推测的（其中没有年份）：请核对 plan.title"))
    if title is None:
        warnings.append(
            DraftWarning(None, "没有找到工作要点的标题（如“2016年政务公开工作要点”），请填写 plan.title")
        )
    if issuer is None:
        warnings.append(DraftWarning(None, "没有找到印发机关（落款），请填写 plan.issuer"))
    if issued is None:
        warnings.append(DraftWarning(None, "没有找到印发日期（如“2016 年 5 月 18 日”），请填写 plan.issued"))
    year: int | None = None
    year_match = re.search(r"([0-9]{4})年", title or "")
    if year_match:
        year = int(year_match.group(1))
    elif issued is not None:
        year = issued.year
        warnings.append(DraftWarning(None, f"标题中没有年份：year 取自印发日期（{year}），请核对"))
    else:
        warnings.append(DraftWarning(None, "标题和落款中都没有年份，请填写 plan.year"))
    return DraftHeader(title, issuer, issued, year, source), signature, warnings


def _looks_like_issuer(line: str) -> bool:
    """The line above a signature date: a short name, no sentence punctuation."""
    return len(compact(line)) <= 30 and not re.search(r"[，。；：:]", line) and _marker(line) is None
