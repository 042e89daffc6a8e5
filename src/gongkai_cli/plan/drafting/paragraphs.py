"""The body of a document as numbered units: lines into paragraphs (a line broken across
a page joined, a bracket or a line of departments on its own line taken into the
paragraph above), paragraphs into units (一、 / （一） / 1. / （1） / ①), and where the
closing paragraphs begin. Pure: lines in, units out."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...phrases.chinese import compact, number
from .brackets import (
    _DEPARTMENT_LABEL,
    _LABEL_ANY,
    _assignment,
    _assignment_brackets,
    _inline_labels,
    _readable,
    _trailing_bracket,
)
from .departments import _DEPT_END, _is_department

_CN_NUM = "一二三四五六七八九十"
_AR_NUM = "0-9０-９"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Numbering levels, outermost first; the label is group 1, the number group 2.
_MARKERS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^(([{_CN_NUM}]+)\s*[、，,])"),
    re.compile(rf"^([（(]\s*([{_CN_NUM}]+)\s*[）)])"),
    # "1.2020年9月底前…": a number, then a year (a decimal 1.1 is no marker)
    re.compile(rf"^(([{_AR_NUM}]{{1,2}})\s*(?:[·・•．.、]|\s)(?![{_AR_NUM}](?![{_AR_NUM}]{{3}}年)))"),
    re.compile(rf"^([（(]\s*([{_AR_NUM}]{{1,2}})\s*[）)])"),
    re.compile(rf"^(([{_CIRCLED}]))"),
)
_SENTENCE_END = "。！？!?；;：:）)”」』"
# A whole plan run together on one line (a document site's text): cut before each marker
# that starts a sentence (一、 1. after 。, a space between or not) and before each （一）.
# Only on a line this long with this many of them, one a 一、 after a sentence: a
# paragraph may well name "（一）" or "1." inside it, hardly "。二、".
_RUN_BREAK = re.compile(
    rf"[。；;！!？?][ \u3000]*(?=[{_CN_NUM}]{{1,3}}、|[{_AR_NUM}]{{1,2}}[.．、](?![{_AR_NUM}]))"
    rf"|(?<![ \u3000])[ \u3000]*(?=[（(][{_CN_NUM}]{{1,3}}[）)])"  # from a run's start: linear
    # "(一)强化重点领域信息公开 1、数字经济发展领域。" (红谷滩 2022): a heading, a space, 1、
    rf"|(?<=[\u4e00-\u9fff）)])[ \u3000]+(?=[{_AR_NUM}]{{1,2}}[、.．](?![{_AR_NUM}]))"
)
_RUN_MIN_CHARS = 300
_RUN_TOP = re.compile(rf"[。；;！!？?][ \u3000]*[{_CN_NUM}]{{1,3}}、")
_RUN_MIN_BREAKS = 3
# Paragraphs run together with a space between (自贡 2022's page: "…请认真贯彻执行。 自贡市
# 人民政府办公室", "2022年4月28日 自贡市2022年…方案"): Chinese puts no space after a
# sentence's end, nor after a signature's date, so such a space is a paragraph's end.
_SPACED = re.compile(
    r"(?<=[。！？!?])[ \u3000]+(?=[\u4e00-\u9fff《“（(])"
    r"|^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日[ \u3000]+(?=[\u4e00-\u9fff])"
)


def unrun(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines with a plan run together on one line cut at its markers, and paragraphs
    run together with a space between cut there (same line number)."""
    out: list[tuple[int, str]] = []
    for number_, whole in lines:
        for _, text in _unrun_one(number_, whole):
            tabled = re.search(r"[|｜\t]", text)  # a table's row: its cells are not paragraphs
            cuts = [] if tabled else [m.end() for m in _SPACED.finditer(text) if 0 < m.end() < len(text)]
            out.extend((number_, text[a:b]) for a, b in itertools.pairwise([0, *cuts, len(text)]))
    return out


def _unrun_one(number_: int, text: str) -> list[tuple[int, str]]:
    breaks = [m.end() for m in _RUN_BREAK.finditer(text) if 0 < m.end() < len(text)]
    if len(text) < _RUN_MIN_CHARS or len(breaks) < _RUN_MIN_BREAKS or not _RUN_TOP.search(text):
        return [(number_, text)]
    starts = [0, *sorted(set(breaks)), len(text)]
    pieces = [text[a:b] for a, b in itertools.pairwise(starts) if text[a:b].strip()]
    return [(number_, part) for piece in pieces for part in _heading_off(piece)]


# "二、目标任务 2022年，全区…" (红谷滩 2022): in a run-together plan a short heading, a space,
# then its text; the heading alone is the unit's heading, not "目标任务2022年"
_RUN_HEADING = re.compile(rf"^([{_CN_NUM}]{{1,3}}、[^\s，,。；;：:]{{2,15}})[ \u3000]+(?=\S)")


def _heading_off(piece: str) -> list[str]:
    found = _RUN_HEADING.match(piece)
    return [found.group(1), piece[found.end() :]] if found else [piece]


_HEADING_MAX = 30  # a numbered line this short, one sentence and no bracket, is a heading


def _number(raw: str) -> int:
    """A marker's number: ① as 1, else digits or Chinese numerals."""
    return _CIRCLED.index(raw) + 1 if raw in _CIRCLED else number(raw)


@dataclass(frozen=True)
class _Marker:
    level: int
    number: int
    label: str  # verbatim, e.g. "(一)" or "1·"
    rest: str  # the text after the label


def _marker(text: str) -> _Marker | None:
    for level, pattern in enumerate(_MARKERS):
        match = pattern.match(text)
        if match:
            label, rest = match.group(1).strip(), text[match.end() :].strip()
            return _Marker(level, _number(match.group(2)), label, rest)
    return None


@dataclass
class _Para:
    line: int
    text: str
    bracket_line: int | None = None  # the line the trailing bracket is on, when another
    from_line: bool = False  # that bracket is a line of departments written without one


@dataclass
class _Unit:
    id: str
    section: str
    paras: list[_Para] = field(default_factory=list)
    prose: bool = False  # under a heading such as 总体要求 or 工作要求
    heading: _Para | None = None  # the numbered line, when it is only a heading
    above: str = ""  # the section without the unit's own heading (when that is its duty)
    findings: bool = False  # under a report's findings (存在的主要问题): said, not drafted


_LINE_MAX = 60  # a line of only departments and their role is at most this long


def _assignment_line(text: str) -> bool:
    """A line that is only departments and their role, without brackets: "市发改委牵头落实",
    "市金融办、人民银行潍坊市中心支行分别牵头落实", "责任单位：市财政局" (the 责任单位 column
    of a table copied one cell a line). Bare names, sentences and quotations are not."""
    squeezed = compact(text)
    if len(squeezed) > _LINE_MAX or re.search(r"[。！？!?（()）《》“”]", squeezed):
        return False
    found = _assignment(squeezed)
    if found is None or found.bare or found.notes or (found.rule is not None and not _readable(found.rule)):
        return False
    names = found.names  # every one a name ending like a department
    return bool(names) and all(len(n) >= 2 and n[-1] in _DEPT_END for n in names)


def _label_line(text: str) -> bool:
    """A line that is only a label and its value: "完成时限：2021年12月31日前", "配合单位：各街道",
    "完成时间:2008年3月20日前。" (a final full stop), "责任单位:…,市政府各部门(单位)、各县(市)区政府"
    (徐州 2008: brackets inside names, each closed on the line). Never a duty of its own."""
    squeezed = compact(text).rstrip("。.；;")
    label = _LABEL_ANY.match(squeezed)
    return (
        label is not None
        # a list of departments may run long: "责任单位:" and twenty names is still a label
        and (
            len(squeezed) <= _LINE_MAX
            or (label.start() == 0 and _DEPARTMENT_LABEL.match(squeezed) is not None)
        )
        and not re.search(r"[。！？!?《》“”]", squeezed)
        and _closed(squeezed)
        and bool(squeezed[label.end() :])
    )


def _closed(text: str) -> bool:
    """Every bracket in ``text`` closed after it opens and none left open: "各县(市)区"."""
    depth = 0
    for char in text:
        depth += char in "（("
        depth -= char in "）)"
        if depth < 0:
            return False
    return depth == 0


# "(三)验收总结阶段根据" / "《条例》规定…" (徐州 2008): a heading never ends in a word that
# opens a phrase; the page broke the next sentence's first word onto the heading's line.
_OPENS_PHRASE = re.compile(r"(?<=[\u4e00-\u9fff])(根据|按照|依据|依照|围绕|对照|结合)$")


def _heading_words_back(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines with a word that opens a sentence moved from a heading's end to the
    unnumbered line after it."""
    out = list(body)
    for index in range(len(out) - 1):
        lineno, text = out[index]
        marker = _marker(text)
        opens = _OPENS_PHRASE.search(text.rstrip())
        following = out[index + 1][1]
        if marker is None or opens is None or not _is_heading(marker) or _marker(following):
            continue
        out[index] = (lineno, text.rstrip()[: opens.start()])
        out[index + 1] = (out[index + 1][0], opens.group(1) + following.lstrip())
    return out


def _office_cell(text: str, prev: _Para, following: str | None) -> bool:
    """A line holding only offices ("司法所", "各有关单位") between a numbered duty and the
    next numbered line: the 责任单位 cell of a task table copied one cell a line whose
    header was not read (横栏镇 2022's 分工方案). Not a signature: a numbered line follows."""
    squeezed = compact(text)
    marker = _marker(prev.text)
    if following is None or _marker(following) is None or marker is None:
        return False
    if len(squeezed) > _LINE_MAX or re.search(r"^[（(]|[。！？!?《》“”：:]", squeezed):  # "(…)": a bracket
        return False
    found = _assignment(squeezed)
    names = found.names if found is not None and not found.notes else []
    return bool(names) and all(_is_department(n) for n in names)


def _paragraphs(body: list[tuple[int, str]]) -> list[_Para]:
    paras: list[_Para] = []
    lines = _heading_words_back(body)
    for index, (lineno, text) in enumerate(lines):
        if paras and _marker(text) is None:
            prev = paras[-1]
            following = lines[index + 1][1] if index + 1 < len(lines) else None
            if not prev.from_line and _office_cell(text, prev, following):
                prev.text += f"（{compact(text)}）"  # read as the paragraph's bracket
                prev.bracket_line, prev.from_line = lineno, True
                continue
            if _label_line(text) and (prev.from_line or _inline_labels(prev.text) is not None):
                # "牵头单位：…" / "责任单位：…" / "完成时限：…" a line each: one assignment
                value = compact(text).rstrip("。.；;")
                if prev.from_line:
                    prev.text = f"{prev.text.removesuffix('）')}；{value}）"
                else:
                    prev.text = f"{prev.text.rstrip('。；; ')}；{value}"
                continue
            if _assignment_line(text) or _label_line(text):
                prev.text += f"（{compact(text).rstrip('。.；;')}）"  # read as the paragraph's bracket
                prev.bracket_line, prev.from_line = lineno, True
                continue
            bracket = _trailing_bracket(text)
            if bracket is not None and not bracket[0] and _assignment(bracket[1]) is not None:
                prev.text += text  # a bracket on a line of its own
                prev.bracket_line = lineno
                continue
            prev_marker = _marker(prev.text)
            short_heading = prev_marker is not None and _is_heading(prev_marker)
            labelled = _inline_labels(prev.text) is not None  # "…。责任单位：…" ends it
            if prev.text[-1] not in _SENTENCE_END and not short_heading and not labelled:
                prev.text += text  # a paragraph broken across a line or a page
                continue
        paras.append(_Para(lineno, text))
    return paras


def _units(paras: list[_Para]) -> Iterator[_Unit]:
    """One unit per numbered line, with the paragraphs up to the next numbered line."""
    stack: list[tuple[int, int, str]] = []  # (level, number, heading as shown in section)
    prose: list[tuple[int, bool, bool]] = []  # (level, prose heading, findings) beside the stack
    unit: _Unit | None = None
    for para in paras:
        marker = _marker(para.text)
        if marker is None:
            if unit is not None:
                unit.paras.append(para)
            continue
        if unit is not None:
            yield unit
        while stack and stack[-1][0] >= marker.level:
            stack.pop()
            prose.pop()
        heading = _is_heading(marker) and not _assignment_brackets(para.text)
        # A heading shows in full; a numbered paragraph shows its label when it is
        # 一、 or （一） (the Arabic 1. is in the id only).
        shown = para.text if heading else marker.label if marker.level <= 1 else ""
        stack.append((marker.level, marker.number, shown))
        # "一、工作目标紧紧围绕…": a prose heading run together with its text is prose too
        run_on = marker.level == 0 and bool(_PROSE.match(compact(marker.rest)))
        findings = heading and _is_findings(marker.rest)
        prose.append((marker.level, (heading and _not_duties(marker.rest)) or run_on, findings))
        unit = _Unit(
            ".".join(str(n) for _, n, _ in stack),
            " ".join(h for _, _, h in stack if h),
            prose=any(p for _, p, _ in prose),
            above=" ".join(h for _, _, h in stack[:-1] if h),
            findings=any(f for _, _, f in prose),
        )
        if heading:
            unit.heading = _Para(para.line, marker.rest, para.bracket_line, para.from_line)
        else:
            unit.paras.append(_Para(para.line, marker.rest, para.bracket_line, para.from_line))
    if unit is not None:
        yield unit


_PROSE = re.compile(
    r"总体要求|指导思想|工作目标|主要目标|基本原则|工作原则|工作要求|保障措施|组织保障|组织领导|"
    r"组织实施|强化保障|工作保障|有关要求|其他要求|总体目标"
)


def _is_prose(heading: str) -> bool:
    """A heading over what a plan is for or how it is run, not over duties."""
    return bool(_PROSE.search(compact(heading)[:12]))


# A report's findings or what it has done, not what is to be done: "一、存在的主要问题"
# (a 整改 report: its 整改措施 are the duties), "工作开展情况", "总体情况", "取得的成效"; the whole
# heading, so "着力解决突出问题" or "存在问题及整改措施" stays over duties.
_FINDINGS = re.compile(
    r"(?:[0-9]{4}年度?)?(?:"
    r"(?:自查|检查)?(?:存在的?|发现的?|当前|目前)?(?:主要|突出)?(?:问题|不足)(?:[及和与]其?(?:原因|不足|问题))?|"
    r"(?:总体|整体)?(?:自查)?(?:整改)?(?:工作)?(?:开展|落实|进展|完成)?情况(?:[及和与](?:成效|主要做法))?|"
    r"基本情况|(?:取得的?|主要|工作)(?:主要)?成效|主要做法(?:[及和与]成效)?"
    r")"
)


def _not_duties(heading: str) -> bool:
    """A heading whose units are not duties: prose (总体要求) or a report's findings."""
    return _is_prose(heading) or _is_findings(heading)


def _is_findings(heading: str) -> bool:
    return bool(_FINDINGS.fullmatch(compact(heading).rstrip("：:。")))


def _split_closing(paras: list[_Para]) -> tuple[int, list[_Para]]:
    """Where the numbered units end and the closing paragraphs (read clause by clause)
    begin: after the last assignment bracket, at a closing heading (六、工作要求) or at
    the first unnumbered paragraph; a numbered heading after the last bracket that is not
    a closing one ("二、突发事件信息发布") keeps its paragraphs as a unit."""
    last = max((i for i, p in enumerate(paras) if _assignment_brackets(p.text)), default=-1)
    duties_seen = last >= 0
    for index in range(len(paras)):
        marker = _marker(paras[index].text)
        if marker is None or not _is_heading(marker):
            continue
        if not _is_prose(marker.rest):
            duties_seen = duties_seen or marker.level == 0
        elif index > last and duties_seen:
            # a closing heading follows the duties; 一、总体要求 before them opens the plan
            return index, paras[index:]
    last_marker = max((i for i, p in enumerate(paras) if _marker(p.text)), default=-1)
    end = max(last, last_marker)
    if end >= 0 and _is_pure_heading(paras[end]):
        end = len(paras) - 1  # the text after a last heading ("二、…") is that heading's
    return end + 1, paras[end + 1 :]


def _cut_short(closing: list[_Para]) -> list[_Para] | None:
    """The paragraphs after the last bracket when the page stops inside them: no heading
    among them and the last one ends mid-sentence ("…市金融办、人民银"). They are duties cut
    short, not closing text: returned with a last fragment (no sentence in it) joined to
    the paragraph before; None when the closing is whole."""
    if not closing or any(_marker(p.text) for p in closing) or closing[-1].text[-1] in _SENTENCE_END:
        return None
    last = compact(closing[-1].text)
    if len(last) <= _HEADING_MAX and not ("、" in last and len(closing) > 1):
        return None  # a signature, "附件": short lines that are whole, not a sentence cut
    paras = [_Para(p.line, p.text, p.bracket_line, p.from_line) for p in closing]
    if len(paras) > 1 and not re.search(r"[。！？!?；;，,]", paras[-1].text):
        fragment = paras.pop()
        paras[-1].text += fragment.text
    return paras


def _is_pure_heading(para: _Para) -> bool:
    marker = _marker(para.text)
    return marker is not None and _is_heading(marker) and not _assignment_brackets(para.text)


def _is_heading(marker: _Marker) -> bool:
    """A numbered line that is only a heading: short, one sentence, no bracket."""
    rest = marker.rest.rstrip("。.")
    return (
        len(compact(rest)) <= _HEADING_MAX
        # "(八)全面落实《" / "中华人民共和国政府信息公开条例》。…" (广西): a title mark left open
        # means the line runs on, a heading is never cut inside 《》 or “”
        and rest.count("《") <= rest.count("》")
        and rest.count("“") <= rest.count("”")
        and not re.search(r"[。！？；;]", rest)
        and _trailing_bracket(marker.rest) is None
    )
