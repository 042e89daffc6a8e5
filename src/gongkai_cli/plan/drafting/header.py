"""The header of a document: its title, issuer, issue date, year and the covering
notice's title, from the lines before the body and the signature. Pure: lines in, a
DraftHeader and warnings out."""

from __future__ import annotations

import itertools
import re
from datetime import date

from ...phrases.chinese import compact
from ...phrases.dates import written_date
from .model import DraftHeader, DraftWarning
from .paragraphs import _marker, _Para

_NOTICE = re.compile(r"^(?P<issuer>[^《》：:]*?)关于印发(?P<what>.+?)的通知$")
_TITLE_END = (
    r"(?:工作要点|要点|工作计划|工作方案|实施方案|行动方案|推进方案|工作安排|(?:任务)?进度表|任务分工表?|分工表|任务(?:分解)?表|任务清单|"
    r"分工方案|任务分解责任清单|任务分解(?:及分工)?|责任清单|工作清单(?:及分工)?|分解方案|(?:重点)?任务台账|工作台账|整改方案|整改清单|问题清单|"
    r"(?:事项|公开|标准化?|基本)目录|公开标准)"
    # "(试行)", "(2024)", "（2023年版）": a catalogue's edition after its name
    r"(?:[（(](?:试行|暂行|修订|征求意见稿|[0-9]{4}年?(?:版|年度)?)[）)])?"
)
# A notice that is itself the document: "关于做好…问题整改工作的通知" (整改通知).
_OWN_NOTICE = re.compile(r"^(?P<issuer>[^《》，。]*?)关于(?!印发)(?P<what>[^《》]{4,80})的通知$")
# Masked or placeholder text a mirror or a template leaves: ***, XXX, ××.
_MASKED = re.compile(r"\*{2,}|＊{2,}|[Xx×]{2,}|某某|○○")
# A page's metadata block (索引号, 发布机构, 发文日期 …): "key：value", the value on the
# next line, or several pairs on one line (a key with an empty value before the next key:
# "发布机构 生成日期" is two keys, neither with a value).
_META_KEYS = {
    "title": ("名称", "标题", "信息名称", "文件名称"),
    "issuer": (
        "发布机构",
        "发文机构",
        "发文机关",
        "发布机关",
        "发文单位",
        "制发机关",
        "发布单位",
        "公开主体",
        "填报单位",  # a ledger's 填报单位: line (西藏 2017's 进度表)
    ),
    "issued": ("发文日期", "成文日期", "生成日期", "印发日期"),
    # the day the page was posted: the issue date only when the page gives no other
    "published": ("发布日期",),
    "other": (
        "索引号",
        "主题分类",
        "文号",
        "发文字号",
        "有效性",
        "来源",
        "公开方式",
        "公开范围",
        "公开目录",
        "文件编号",
        "统一编号",
        "内容概述",
        "主题词",
        "体裁分类",
        "组配分类",
        "公开形式",
    ),
}
# A key may be spaced out to line up with the others: "索 引 号", "名　　称", "文  號".
_META_KEY = re.compile(
    r"(?:^|(?<=\s))[•·]?\s*("
    + "|".join(r"\s*".join(k) for keys in _META_KEYS.values() for k in keys)
    + r")\s*[：:]?\s*"
)
# The issue date in brackets under a notice's title, as gov.cn pages print it.
_BRACKETED = re.compile(r"[（(]([^（）()]{6,16})[）)]")
_EDITION_YEAR = re.compile(r"[（(][0-9]{4}年?(?:版|年度)?[）)]$")
# A standing list (公开事项目录, 公开标准): written without a year, unlike a year's 要点.
_STANDING_TITLE = re.compile(r"(?:目录|公开标准)(?:[（(][^（）()]{2,8}[）)])?$")
# "2016年政务公开工作要点", "北京市2018年政务公开工作要点", "2021年上海市知识产权局…工作要点"
_TITLE_LINE = re.compile(rf"^[^，。；：:、]{{0,20}}?[0-9]{{4}}年[^，。；：:]{{0,40}}?{_TITLE_END}$")
_TITLE_NO_YEAR = re.compile(rf"^[^，。；：:、0-9]{{2,40}}?{_TITLE_END}$")
# "现将《…》印发给你们", "《…》已经市政府同意，现印发给你们", "特制订《…》，现印发给你们"
_QUOTED_TITLE = re.compile(rf"[《〈]([^《》〈〉]{{2,60}}?{_TITLE_END})[》〉]")


_HALF = 8  # the first line of a title split in two: not a word or two


def _title_lines(lines: list[tuple[int, str]]) -> tuple[str | None, str | None]:
    """(title, guessed title) from the lines before the body: a title line, or one split
    over two lines ("2021年上海市知识产权局政务公开" / "工作要点"); a line without a year is
    only a guess."""
    squeezed = [_bare(t) for _, t in lines if not _NOTICE.match(_bare(t))]
    for text in squeezed:
        if _TITLE_LINE.match(text):
            return text, None
    for first, second in itertools.pairwise(squeezed):
        if not re.search(r"[，。；：:]", first) and _TITLE_LINE.match(first + second):
            return first + second, None
    # "永新县打造“吉事即办”政务服务品牌" / "争创政务服务示范县行动方案": split in two, the
    # first half no title of its own
    pairs = itertools.pairwise(squeezed)
    split = (
        a + b
        for a, b in pairs
        if len(a) >= _HALF and _TITLE_NO_YEAR.match(a + b) and not _TITLE_NO_YEAR.match(a)
    )
    return None, next(split, None) or next((t for t in squeezed if _TITLE_NO_YEAR.match(t)), None)


# A document number (文号) before or after a title on its line: "晋政办发〔2017〕50号 山西省…
# 的通知", "…的通知（平政办发〔2020〕5号）".
_WENHAO = r"[\u4e00-\u9fff]{1,10}[〔\[［(（【][0-9]{4}[〕\]］)）】]第?[0-9]{1,4}号"
_WENHAO_AROUND = re.compile(rf"^{_WENHAO}|[（(]{_WENHAO}[）)]$")


def _bare(text: str) -> str:
    """A header line without white space, the bars of a table pasted around it
    ("五原县教育局主动公开事项目录(试行) | ||||||||||"), a 文号 before or after it and a
    mirror's list date before it ("05.24 ")."""
    text = re.sub(r"^\s*[0-9]{2}[.．][0-9]{2}\s+", "", text)  # a mirror's list date: "05.24 福建省…"
    squeezed = compact(text).strip("|｜")
    return _WENHAO_AROUND.sub("", squeezed) or squeezed


def _numbered_year(lines: list[tuple[int, str]], title: str | None) -> tuple[str, int] | None:
    """The notice's 文号 in the header and its year ("郑人社办〔2020〕199号", a line of a page's
    metadata block without labels): the year of a notice whose title has none. Only a line
    that is the 文号 alone (a bullet or a 文号: label before it), not one a preamble cites;
    a standing list (目录) has no year."""
    if title is not None and _STANDING_TITLE.search(title):
        return None
    pattern = r"^[•·*\-]?(?:文号[:：])?([\u4e00-\u9fff]{1,10}[〔\[［【]([0-9]{4})[〕\]］】]第?[0-9]{1,4}号)$"
    found = next((m for _, t in lines if (m := re.match(pattern, compact(t)))), None)
    return None if found is None else (found[1], int(found[2]))


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


def _meta_date(value: str) -> date | None:
    """ "2021-06-28", "2024年04月06日 16:40", "2023/6/1"."""
    found = re.search(r"([0-9]{4})\s*[-年/.]\s*([0-9]{1,2})\s*[-月/.]\s*([0-9]{1,2})", value)
    if found is None:
        return None
    try:
        return date(*map(int, found.groups()))
    except ValueError:
        return None


def _metadata(lines: list[tuple[int, str]]) -> tuple[dict[str, str], set[int]]:
    """A page's metadata block: {"title" | "issuer" | "issued": value} and its lines."""
    found: dict[str, str] = {}
    used: set[int] = set()
    role = {key: name for name, keys in _META_KEYS.items() for key in keys}
    skip = -1
    for index, (lineno, text) in enumerate(lines):
        if index == skip:
            continue
        keys = list(_META_KEY.finditer(text))
        if not keys or text[: keys[0].start()].strip(" •·\u3000"):
            continue
        used.add(lineno)
        for k, match in enumerate(keys):
            stop = keys[k + 1].start() if k + 1 < len(keys) else len(text)
            value = text[match.end() : stop].strip(" •·\u3000|｜")  # "发布机构: | … |": a table's bars
            last = k + 1 == len(keys)
            following = lines[index + 1][1] if index + 1 < len(lines) else ""
            if (
                not value
                and last
                and following
                and compact(match.group(1)) not in ("内容概述", "主题词")
                and not _META_KEY.match(following)
                and not _TITLE_LINE.match(compact(following))
                and not _NOTICE.match(compact(following))
            ):
                value = lines[index + 1][1].strip(" •·\u3000")  # the value on the next line
                used.add(lines[index + 1][0])
                skip = index + 1
            if value and role[compact(match.group(1))] != "other":
                found.setdefault(role[compact(match.group(1))], compact(value))
    return found, used


# A signature's date with its 年 月 日 lost: "2022728", "20220728" (the year, then 3 or 4 digits)
_RUN_DATE = r"(?:19|20)[0-9]{2}[01]?[0-9][0-3]?[0-9]"


def _header(
    lines: list[tuple[int, str]], body_start: int
) -> tuple[DraftHeader, set[int], list[DraftWarning]]:
    """The header, the places in ``lines`` of the signature and metadata lines (left out
    of the body) and warnings. By place, not line number: a line cut where paragraphs ran
    together (unrun) gives pieces of one number, a date and a title or a duty among them."""
    warnings: list[DraftWarning] = []
    meta, used = _metadata(lines[:body_start])
    issuer = issued = title = source = None
    notice_what = None
    signed = {i for i, (n, _) in enumerate(lines[:body_start]) if n in used}
    for index, (_, text) in enumerate(lines):
        if index in signed:
            continue
        day = written_date(text)
        if day is None and index < body_start and (bracketed := _BRACKETED.fullmatch(compact(text))):
            day = written_date(bracketed.group(1))  # "（2021年6月8日）" under the title
        garbled = day is None and index < body_start and re.fullmatch(_RUN_DATE, compact(text))
        if garbled and issuer is None and index > 0 and _looks_like_issuer(lines[index - 1][1]):
            # "2022728" under the signature (横栏镇 2022): the day not readable, the signer is
            issuer = compact(lines[index - 1][1])
            signed.update((index - 1, index))
            continue
        if day is not None and issued is None:
            issued = day
            signed.add(index)
            if index > 0:
                prev = lines[index - 1][1]
                if _looks_like_issuer(prev):
                    issuer = compact(prev)
                    signed.add(index - 1)
    issued = issued or (_meta_date(meta["issued"]) if "issued" in meta else None)
    # 发布日期 on a page with no signature and no 发文日期 (昌宁 2022): its only date
    issued = issued or (_meta_date(meta["published"]) if "published" in meta else None)
    issuer = issuer or meta.get("issuer")
    heads = [
        _bare(t).removeprefix("《").removesuffix("》")
        for i, (_, t) in enumerate(lines[:body_start])
        if i not in signed
    ]
    if "title" in meta:
        heads.insert(0, meta["title"])
    # the notice's title on one line, or over two ("…关于印发" / "…工作要点的通知")
    for squeezed in [*heads, *(a + b for a, b in itertools.pairwise(heads) if not _NOTICE.match(a))]:
        notice = _NOTICE.match(squeezed)
        if notice and source is None:
            source = squeezed
            notice_what = notice.group("what").strip("《》〈〉")
            issuer = issuer or notice.group("issuer") or None
    head = [(n, t) for i, (n, t) in enumerate(lines[:body_start]) if i not in signed]
    title, guess = _title_lines(head)
    title = title or _quoted_title(head) or notice_what
    if title is None and (own := next((m for _, t in head if (m := _OWN_NOTICE.match(_bare(t)))), None)):
        title = source = own.group()  # 关于做好…整改工作的通知: the notice is the document
        issuer = issuer or own.group("issuer") or None
    if title is None and "title" in meta and not _NOTICE.match(meta["title"]):
        title = meta["title"]  # the page's 名称 / 标题
    if title is None and guess is None and body_start < len(lines):
        title = _numbered_title(lines[body_start][1])
    masked_title, masked_issuer = title, issuer
    title, issuer = (
        _unmasked(title, "标题", "plan.title", warnings),
        _unmasked(issuer, "印发机关", "plan.issuer", warnings),
    )
    if title is None and guess is not None and not _MASKED.search(guess):
        title = guess
        # a 目录 has no year, "…工作要点（2022年）" has its year after the form: no guess
        if not _STANDING_TITLE.search(guess) and not _EDITION_YEAR.search(guess):
            warnings.append(DraftWarning(None, f"标题“{guess}”是推测的（其中没有年份）：请核对 plan.title"))
    if title is None and masked_title is None:
        warnings.append(
            DraftWarning(None, "没有找到工作要点的标题（如“2016年政务公开工作要点”），请填写 plan.title")
        )
    if issuer is None and masked_issuer is None:
        warnings.append(DraftWarning(None, "没有找到印发机关（落款），请填写 plan.issuer"))
    if issued is None:
        warnings.append(DraftWarning(None, "没有找到印发日期（如“2016 年 5 月 18 日”），请填写 plan.issued"))
    year: int | None = None
    year_match = re.search(r"([0-9]{4})年|[（(]([0-9]{4})(?:版|年度)?[）)]$", title or masked_title or "")
    if year_match:  # "2016年…工作要点", "…标准化目录(2024)"
        year = int(year_match.group(1) or year_match.group(2))
    elif issued is not None:
        year = issued.year
        warnings.append(DraftWarning(None, f"标题中没有年份：year 取自印发日期（{year}），请核对"))
    elif (numbered := _numbered_year(lines[:body_start], title)) is not None:
        year = numbered[1]
        warnings.append(DraftWarning(None, f"标题中没有年份：year 取自文号（{numbered[0]}），请核对"))
    else:
        warnings.append(DraftWarning(None, "标题和落款中都没有年份，请填写 plan.year"))
    return DraftHeader(title, issuer, issued, year, source), signed, warnings


def _numbered_title(text: str) -> str | None:
    """A title numbered as one of a series, on the first numbered line: "(二)凤屯镇政府文件
    信息领域基层政务公开标准目录" (凤屯镇's catalogues, a .docx), "一、2022年…工作要点"."""
    marker = _marker(text)
    if marker is None or marker.level > 1:
        return None
    rest = _bare(marker.rest)
    if _TITLE_LINE.match(rest) or (_TITLE_NO_YEAR.match(rest) and _STANDING_TITLE.search(rest)):
        return rest
    return None


def _unmasked(value: str | None, what: str, key: str, warnings: list[DraftWarning]) -> str | None:
    """``value``, unless it is masked or a placeholder (***, XXX, ××): then None, flagged."""
    if value is None or not _MASKED.search(value):
        return value
    warnings.append(DraftWarning(None, f"{what}“{value}”含遮盖或占位文字：未采用，请填写 {key}"))
    return None


def _looks_like_issuer(line: str) -> bool:
    """The line above a signature date: a short name, no sentence punctuation."""
    return len(compact(line)) <= 30 and not re.search(r"[，。；：:]", line) and _marker(line) is None


def plan_parts(paras: list[_Para]) -> list[tuple[str | None, list[_Para]]]:
    """The body cut where a second plan's title line stands (one notice issuing two plans:
    平江县 2020's 政务管理服务工作要点 and 政务公开工作要点): (its title, its paragraphs)
    for each; the first has no title here (the header has it). A title line with no
    numbered paragraph after it (an annex's table title) cuts nothing."""
    parts: list[tuple[str | None, list[_Para]]] = [(None, [])]
    for index, para in enumerate(paras):
        squeezed = _bare(para.text)
        numbered_after = index + 1 < len(paras) and _marker(paras[index + 1].text) is not None
        if (
            parts[-1][1]
            and _marker(para.text) is None
            and numbered_after
            and _TITLE_LINE.match(squeezed)
            and not _NOTICE.match(squeezed)
        ):
            parts.append((squeezed, []))
            continue
        parts[-1][1].append(para)
    return parts
