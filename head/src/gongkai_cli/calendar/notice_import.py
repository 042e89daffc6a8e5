"""The State Council holiday notice importer: notice text in, arrangement data out.

Pure: no I/O, no clock. Reads the notices as published since 2007
(国务院办公厅关于XXXX年部分节假日安排的通知) and the notices that amend them
(2019's labour-day change, 2020's Spring Festival extension, 2015's one-off 9月3日).

How a notice is read
--------------------
- The text is split into lines, sentences (。) and clauses (，；： outside brackets).
  Full-width digits and punctuation are read as their half-width forms.
- A heading ("二、春节：", "六、国庆节、中秋节：", "元旦：") names the days of its section
  until the next heading. A combined heading keeps its names as written, joined with 、
  ("国庆节、中秋节"): the notice gives one period for both and does not say which day
  belongs to which. Without a heading the name comes from the title when the title
  names one holiday (调整2019年劳动节假期安排 → 劳动节), else it is "".
- Dates: 2018年12月30日, 2月7日, 13日 (month, and year, from the date before it), with
  an optional bracket (星期六 / 周六 / 农历除夕 / 农历除夕、周二). A date without a year
  takes the year that puts it nearest the date before it in the section (12月30日 after
  2008年1月1日 is 2007-12-30), the notice's year when it is the first.
- Each group of dates (a date, a range X至Y / X—Y / X-Y, or a list joined by 、) takes
  its meaning from the words after it in its clause: 放假 / 补休 / 调休 → rest days;
  上班 → working days (调休上班), but not "起正常上班" (back to normal work);
  "…公休日调至…" → the dates before 调至 are working days unless they are inside the
  holiday period, the dates after it rest days; 为法定节假日 / 照常公休 → explanation
  only. "延长…假期至D" extends a holiday to D (see ``Notice.extensions``).
- Not arrangements: sentences without a date, advice (鼓励… / 错峰…), the duty paragraph
  (节假日期间，各地区…), the document number (kept in ``number``) and the signature date
  (kept in ``issued``).

Checks (InputError, message quoting the sentence, ``where`` = "source:line"): a weekday in
brackets that disagrees with its date, 共N天 / 放假N天 that disagrees with the days
given, a working day that is not a Saturday or Sunday, a date that does not exist or lies
more than a year from the notice's year, a date both rest day and working day, and a text
with no arrangement at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..errors import InputError
from ..phrases.chinese import halfwidth, number, one_line
from ..phrases.dates import written_date
from .workdays import WEEKDAYS, YearData


@dataclass(frozen=True)
class NoticeDay:
    date: date
    off: bool  # True: rest day (放假); False: 调休上班, a weekend day made a working day
    name: str


@dataclass(frozen=True)
class Notice:
    year: int
    title: str | None
    issued: date | None
    days: tuple[NoticeDay, ...]
    number: str | None = None  # 国办发明电〔2015〕18号
    # "延长2020年春节假期至2月2日": (holiday name, new last day). merge_notices applies an
    # extension to the earlier notice's days; alone it cannot be turned into a year.
    extensions: tuple[tuple[str, date], ...] = field(default=())


HOLIDAYS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
# Names as older notices wrote them → the name used since 2008.
_ALIASES = {
    "新年": "元旦",
    "清明": "清明节",
    "五一": "劳动节",
    "五一国际劳动节": "劳动节",
    "国际劳动节": "劳动节",
    "端午": "端午节",
    "中秋": "中秋节",
    "十一": "国庆节",
}
_NAME_WORDS = sorted([*HOLIDAYS, *_ALIASES], key=len, reverse=True)
_NAME_RE = "|".join(_NAME_WORDS)

_WEEKDAY_CHARS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

_DATE = re.compile(
    r"(?<!\d)(?:(?P<y>\d{4})\s*年\s*)?(?:(?P<m>\d{1,2})\s*月\s*)?(?P<d>\d{1,2})\s*日"
    r"(?:\s*\((?P<note>[^()]*)\))?"
)
_CONNECTOR = re.compile(r"\s*(?:至|到|-+|~)\s*")
_JOINER = re.compile(r"\s*[、和及与]?\s*")
_WEEKDAY_NOTE = re.compile(r"(?:星期|礼拜|周)([一二三四五六日天])")
_COUNT = re.compile(r"共\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*天")
_DAYS_OFF = re.compile(r"^\s*(?:全国)?放假\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*天")
_ORDINAL = re.compile(r"^\s*(?:-{1,2}\s*)?(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*、\s*")
_HEADING_NAME = re.compile(r"^(?P<name>[^:\d,。;()]{1,30}?)\s*:\s*")
_Q = "[“”\"'‘’\\s]*"  # quotes: “五一”国际劳动节
_KNOWN_NAMES = re.compile(rf"^{_Q}(?:{_NAME_RE})(?:{_Q}[、和]{_Q}(?:{_NAME_RE}))*{_Q}")
_NUMBER = re.compile(r"^\s*([\u4e00-\u9fff]{2,10}[〔\[(]\d{4}[〕\])]\d{1,4}号)\s*$")
_SIGNATURE = re.compile(r"^\s*(?:国务院(?:办公厅)?[\s,]*)?(?P<date>.+?)\s*$")
_ADVICE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、\s*)?(?:鼓励|倡导|提倡|建议)|错峰")

# Clause roles.
_REST, _WORK, _SHIFT_FROM, _EXTEND = "rest", "work", "shift_from", "extend"


# -- text helpers ----------------------------------------------------------------------


def _canonical(name: str) -> str:
    parts = [re.sub(r"[“”\"'‘’\s]", "", p) for p in re.split(r"[、和]", name)]
    return "、".join(_ALIASES.get(p, p) for p in parts if p)


def _fmt(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _split_depth0(text: str, seps: str) -> list[tuple[int, int]]:
    """Spans of ``text`` between separators that are not inside brackets."""
    spans = []
    depth = 0
    start = 0
    for i, char in enumerate(text):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(0, depth - 1)
        elif char in seps and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


# -- one section: the sentences under one heading ----------------------------------------


@dataclass
class _Item:
    first: date
    last: date
    start: int  # offsets in the normalized line
    end: int


@dataclass
class _Sentence:
    original: str
    where: str | None


class _Section:
    """Reads the lines of one heading's section into rest days and working days."""

    def __init__(self, year: int, name: str) -> None:
        self.year = year
        self.name = name
        self.prev: date | None = None
        self.rest: dict[date, _Sentence] = {}
        self.work: dict[date, _Sentence] = {}
        self.shift_from: dict[date, _Sentence] = {}
        self.extensions: list[tuple[str, date, _Sentence]] = []
        self.seen_arrangement = False

    def fail(self, message: str, sentence: _Sentence) -> InputError:
        return InputError(f"{message}：「{one_line(sentence.original)}」", where=sentence.where)

    # dates

    def _resolve(self, match: re.Match[str], sentence: _Sentence) -> date:
        y, m, d = match["y"], match["m"], int(match["d"])
        prev = self.prev
        try:
            if m is None:
                if prev is None:
                    raise self.fail(f"日期“{match[0]}”缺少月份", sentence)
                day = date(int(y) if y else prev.year, prev.month, d)
            elif y is not None:
                day = date(int(y), int(m), d)
            elif prev is None:
                day = date(self.year, int(m), d)
            else:
                candidates = []
                for cand_year in (prev.year - 1, prev.year, prev.year + 1):
                    try:
                        candidates.append(date(cand_year, int(m), d))
                    except ValueError:
                        continue
                if not candidates:
                    raise ValueError
                day = min(candidates, key=lambda c: abs((c - prev).days))
        except (ValueError, OverflowError):
            raise self.fail(f"日期不存在：{match[0]}", sentence) from None
        note = match["note"]
        if note:
            stated = _WEEKDAY_NOTE.search(note)
            if stated and _WEEKDAY_CHARS[stated.group(1)] != day.weekday():
                raise self.fail(
                    f"星期与日期不符：{_fmt(day)}是{WEEKDAYS[day.weekday()]}，不是{stated.group(0)}",
                    sentence,
                )
        self.prev = day
        return day

    def _count(self, match: re.Match[str], sentence: _Sentence) -> int:
        """The N of 共N天 / 放假N天."""
        try:
            return number(match.group(1))
        except InputError:
            raise self.fail(f"天数写法有误：“{match.group(0).strip()}”", sentence) from None

    def _check_year(self, day: date, sentence: _Sentence) -> None:
        if abs(day.year - self.year) > 1:
            raise self.fail(f"日期 {_fmt(day)} 不在 {self.year} 年前后一年内", sentence)

    # sentences

    def read_sentence(self, line: str, norm: str, start: int, end: int, where: str | None) -> None:
        sentence = _Sentence(line[start:end], where)
        text = norm[start:end]
        if _ADVICE.search(text):
            return
        matches = list(_DATE.finditer(text))
        if not matches:
            return
        dates = [self._resolve(m, sentence) for m in matches]
        counted: set[date] = set()
        for c_start, c_end in _split_depth0(text, ",;:"):
            inside = [(m, d) for m, d in zip(matches, dates, strict=True) if c_start <= m.start() < c_end]
            clause = text[c_start:c_end]
            if inside:
                self._read_clause(clause, c_start, inside, sentence, counted)
            count = _COUNT.search(clause)
            if count and counted:
                stated = self._count(count, sentence)
                if stated != len(counted):
                    raise self.fail(
                        f"天数不符：通知写“{count.group(0)}”，所列放假日期共{len(counted)}天", sentence
                    )

    def _read_clause(
        self,
        clause: str,
        offset: int,
        inside: list[tuple[re.Match[str], date]],
        sentence: _Sentence,
        counted: set[date],
    ) -> None:
        # Items: single dates and ranges.
        items: list[_Item] = []
        i = 0
        while i < len(inside):
            m, first = inside[i]
            last, end = first, m.end()
            if i + 1 < len(inside):
                m2, second = inside[i + 1]
                if _CONNECTOR.fullmatch(clause[m.end() - offset : m2.start() - offset]):
                    if second < first or (second - first).days > 366:
                        raise self.fail(f"日期范围有误：{_fmt(first)}至{_fmt(second)}", sentence)
                    last, end = second, m2.end()
                    i += 1
            items.append(_Item(first, last, m.start() - offset, end - offset))
            i += 1
        # Groups: items joined by 、.
        groups: list[list[_Item]] = []
        for item in items:
            if groups and _JOINER.fullmatch(clause[groups[-1][-1].end : item.start]):
                groups[-1].append(item)
            else:
                groups.append([item])
        for n, group in enumerate(groups):
            after_end = groups[n + 1][0].start if n + 1 < len(groups) else len(clause)
            after = clause[group[-1].end : after_end]
            before = clause[: group[0].start]
            role = self._role(after, before)
            days = [
                item.first + timedelta(days=k)
                for item in group
                for k in range((item.last - item.first).days + 1)
            ]
            if role is None:
                continue
            for day in days:
                self._check_year(day, sentence)
            self.seen_arrangement = True
            if role == _REST:
                off = _DAYS_OFF.match(after)
                if off and self._count(off, sentence) != len(days):
                    raise self.fail(
                        f"天数不符：通知写“{off.group(0).strip()}”，所列日期共{len(days)}天", sentence
                    )
                counted.update(days)
                for day in days:
                    self.rest[day] = sentence
            elif role == _WORK:
                for day in days:
                    self.work[day] = sentence
            elif role == _SHIFT_FROM:
                for day in days:
                    self.shift_from.setdefault(day, sentence)
            else:  # _EXTEND
                name = self._name_in(before) or self.name
                self.extensions.extend((name, day, sentence) for day in days)

    @staticmethod
    def _role(after: str, before: str) -> str | None:
        stripped = after.strip()
        if stripped.startswith("起") or "正常上班" in after:
            return None
        if re.search(r"调(?:至|到)", after):
            return _SHIFT_FROM
        keywords = {"上班": _WORK, "放假": _REST, "补休": _REST, "调休": _REST, "公休": None, "法定": None}
        found = [(after.find(k), k) for k in keywords if k in after]
        if found:
            return keywords[min(found)[1]]
        if re.search(r"调(?:至|到)", before):
            return _REST  # the days a weekend is moved to
        if "延长" in before and re.search(r"至\s*$", before):
            return _EXTEND
        return None

    @staticmethod
    def _name_in(text: str) -> str:
        found = re.findall(_NAME_RE, text)
        names = list(dict.fromkeys(_canonical(f) for f in found))
        return "、".join(names)

    def result(self) -> tuple[list[NoticeDay], list[tuple[str, date]]]:
        work = dict(self.work)
        for day, sentence in self.shift_from.items():
            if day not in self.rest:
                work.setdefault(day, sentence)
        for day, sentence in work.items():
            if day in self.rest:
                raise self.fail(f"{_fmt(day)} 既写放假又写上班", sentence)
            if day.weekday() < 5:
                raise self.fail(
                    f"上班日 {_fmt(day)} 是{WEEKDAYS[day.weekday()]}，不是周末，无需调休上班", sentence
                )
        days = [NoticeDay(d, True, self.name) for d in sorted(self.rest)]
        days += [NoticeDay(d, False, self.name) for d in sorted(work)]
        extensions = [(name, day) for name, day, _ in self.extensions]
        return days, extensions


def _read_lines(section: _Section, lines: Sequence[tuple[str, str | None]]) -> None:
    for line, where in lines:
        norm = halfwidth(line)
        for start, end in _split_depth0(norm, "。"):
            if norm[start:end].strip():
                section.read_sentence(line, norm, start, end, where)


# -- public API ------------------------------------------------------------------------


def parse_sentence(text: str, year: int, name: str = "") -> list[NoticeDay]:
    """The days one arrangement (one holiday's sentences, without the heading) gives.

    Rest days first, then working days, each in date order. An extension
    ("延长…假期至2月2日") gives its last day as a rest day.
    """
    section = _Section(year, name)
    _read_lines(section, [(line, None) for line in text.splitlines() if line.strip()])
    days, extensions = section.result()
    if not section.seen_arrangement:
        raise InputError(f"没有找到放假安排：「{one_line(text)[:80]}」")
    days += [NoticeDay(day, True, ext_name) for ext_name, day in extensions]
    return days


def _heading(norm: str) -> tuple[bool, str, int]:
    """(is a heading, its holiday name or "", where the rest of the line starts)."""
    ordinal = _ORDINAL.match(norm)
    pos = ordinal.end() if ordinal else 0
    rest = norm[pos:]
    named = _HEADING_NAME.match(rest)
    if named:
        name = named["name"].strip()
        if ordinal or _KNOWN_NAMES.fullmatch(name):
            return True, _canonical(name), pos + named.end()
    if ordinal:
        known = _KNOWN_NAMES.match(rest)  # "三、清明节4月4日至6日放假" (no colon)
        if known and _DATE.match(rest[known.end() :].lstrip()):
            return True, _canonical(known.group(0)), pos + known.end()
        return True, "", pos
    return False, "", 0


def _title_name(title: str | None) -> str:
    if not title:
        return ""
    found = list(dict.fromkeys(_canonical(f) for f in re.findall(_NAME_RE, title)))
    if len(found) == 1:
        return found[0]
    memorial = re.search(r"关于(.+?纪念日)", title)
    return memorial.group(1) if memorial else ""


def _issued(norm: str) -> date | None:
    signature = _SIGNATURE.match(norm)
    return written_date(signature["date"]) if signature else None


_TITLE = re.compile(r"关于.*\d{4}\s*年.*(?:节假日|放假).*通知$")


def _is_title(norm: str) -> bool:
    """A line that reads as the title of a holiday notice (关于2017年部分节假日安排的通知)."""
    return bool(_TITLE.search(re.sub(r"\s+", "", norm)))


def parse_notice(text: str, *, year: int | None = None, source: str = "<stdin>") -> Notice:
    """Read a whole notice: title, number, arrangement by holiday, signature date."""
    from ..files.documents import checked_text

    lines = checked_text(text, source).splitlines()  # no control characters past here
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        raise InputError("通知为空，没有找到放假安排", where=source)

    # Title: the leading lines up to the one ending in 通知, when they say 关于.
    title: str | None = None
    body_from = 0
    joined = ""
    for k, (_, line) in enumerate(numbered[:4]):
        joined += halfwidth(line).strip()
        if joined.endswith("通知"):
            if "关于" in joined:
                title, body_from = re.sub(r"\s+", "", joined), k + 1
            break

    title_year = None
    if title:
        found = re.search(r"(\d{4})\s*年", title)
        title_year = int(found.group(1)) if found else None
    if title_year is not None and year is not None and title_year != year:
        raise InputError(
            f"通知标题中的年份（{title_year}）与指定的年份（{year}）不一致：「{title}」",
            where=f"{source}:{numbered[0][0]}",
        )
    notice_year = title_year if title_year is not None else year
    if notice_year is None:
        first = one_line(numbered[0][1])[:80]
        raise InputError(
            f"无法确定通知的年份（标题中没有“XXXX年”），请指定年份：「{first}」",
            where=f"{source}:{numbered[0][0]}",
        )
    if not 1900 <= notice_year <= 2999:
        raise InputError(f"年份超出范围：{notice_year}", where=f"{source}:{numbered[0][0]}")

    default_name = _title_name(title)
    number: str | None = None
    issued: date | None = None
    sections: list[tuple[_Section, list[tuple[str, str | None]]]] = []
    current: tuple[_Section, list[tuple[str, str | None]]] | None = None
    named: dict[str, str] = {}  # holiday name → where its section starts
    for lineno, line in numbered[body_from:]:
        norm = halfwidth(line)
        where = f"{source}:{lineno}"
        if title is not None and _is_title(norm):
            raise InputError(
                f"文本中有第二份通知：「{one_line(line)[:80]}」。一次只读一份通知的全文"
                "（同一年的补充通知作为另一个文件给出，不同年份分别导入）",
                where=where,
            )
        num = _NUMBER.match(norm)
        if num:
            number = num.group(1)
            continue
        signed = _issued(norm)
        if signed is not None:
            if issued is not None and signed != issued:
                raise InputError(
                    f"文本中有两处落款日期（{issued.isoformat()} 与 {signed.isoformat()}），"
                    "像是两份通知：一次只读一份通知的全文",
                    where=where,
                )
            issued = signed
            continue
        is_heading, name, pos = _heading(norm)
        if is_heading and name and name in named:
            raise InputError(
                f"“{name}”的安排出现两次（{named[name]} 已有），像是两份通知：一次只读一份通知的全文",
                where=where,
            )
        if is_heading or current is None:
            current = (_Section(notice_year, name or default_name), [])
            sections.append(current)
            if is_heading and name:
                named[name] = where
        # Blank out the heading, keeping offsets, so it is not read as a clause.
        current[1].append((" " * pos + line[pos:], where))

    days: dict[date, NoticeDay] = {}
    extensions: list[tuple[str, date]] = []
    seen = False
    for section, section_lines in sections:
        _read_lines(section, section_lines)
        seen = seen or section.seen_arrangement
        section_days, section_ext = section.result()
        for day in section_days:
            earlier = days.get(day.date)
            if earlier is not None and earlier.off != day.off:
                sentence = (section.rest | section.work | section.shift_from)[day.date]
                raise section.fail(f"{_fmt(day.date)} 在通知中既写放假又写上班", sentence)
            if earlier is not None and earlier.name and day.name and earlier.name != day.name:
                sentence = (section.rest | section.work | section.shift_from)[day.date]
                raise section.fail(f"{_fmt(day.date)} 同时列在“{earlier.name}”和“{day.name}”下", sentence)
            days[day.date] = day
        extensions.extend(section_ext)
    if not seen:
        first_no, first = numbered[0]
        raise InputError(
            f"没有找到放假安排（应有“X月X日放假”“X月X日上班”等句子）：「{one_line(first)[:80]}」",
            where=f"{source}:{first_no}",
        )
    ordered = tuple(sorted(days.values(), key=lambda d: d.date))
    return Notice(notice_year, title, issued, ordered, number, tuple(extensions))


def merge_notices(notices: Sequence[Notice]) -> Notice:
    """One arrangement from a notice and the notices that amend it, in publication order.

    A later notice's statement about a date replaces the earlier one; a later notice that
    restates a holiday replaces that holiday's whole set of days (2019: 劳动节 5月1日 →
    5月1日至4日 plus two working days); an extension fills the days from the holiday's
    last rest day to its new end, cancelling working days in between (2020: 2月1日).
    """
    if not notices:
        raise InputError("没有要合并的通知")
    years = sorted({n.year for n in notices})
    if len(years) > 1:
        raise InputError(f"要合并的通知属于不同年份：{'、'.join(map(str, years))}")
    days: dict[date, NoticeDay] = {}
    pending: list[tuple[str, date]] = []
    for notice in notices:
        restated = {d.name for d in notice.days if d.name}
        if restated:
            days = {k: v for k, v in days.items() if v.name not in restated}
        for stated in notice.days:
            days[stated.date] = stated
        for name, end in notice.extensions:
            earlier = [d.date for d in days.values() if d.off and d.name == name and d.date < end]
            if not earlier:
                pending.append((name, end))
                continue
            day = max(earlier)
            while day < end:
                day += timedelta(days=1)
                days[day] = NoticeDay(day, True, name)
    titles = [n.title for n in notices if n.title]
    issued = [n.issued for n in notices if n.issued]
    numbers = [n.number for n in notices if n.number]
    return Notice(
        years[0],
        "；".join(titles) or None,
        max(issued) if issued else None,
        tuple(sorted(days.values(), key=lambda d: d.date)),
        "；".join(numbers) or None,
        tuple(pending),
    )


def to_year_data(notice: Notice, source: str) -> YearData:
    """The notice as a calendar year: named rest days and 调休 working days."""
    if notice.extensions:
        name, end = notice.extensions[0]
        raise InputError(
            f"此通知把{name or '假期'}延长至{_fmt(end)}，但没有原来的放假安排；"
            f"请与 {notice.year} 年的节假日安排通知一起导入"
        )
    holidays = {d.date: d.name for d in notice.days if d.off}
    workdays = {d.date: d.name for d in notice.days if not d.off}
    return YearData(notice.year, holidays, workdays, source)
