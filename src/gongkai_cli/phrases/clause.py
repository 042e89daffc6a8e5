"""Whole clauses: "行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。二十日内
不能作出决定的，经本行政机关负责人批准，可以延长十日".

A clause is read part by part (split at ，；。：), each part scanned for deadlines with the
phrase reader; the words around each deadline are kept as its subject, anchor and act, so
that ``--explain`` shows what was read. Several deadlines are all kept, in order; an
extension (可以延长十日) counts from the deadline before it. A part that ends in 的 is a
condition and sets no deadline ("二十日内不能作出决定的" repeats the period before it),
unless it is the period an extension that follows extends, with none read before, or an
earliest day (催告书送达十日后…的); an exception (除可以当场作出决定的外) sets none. What was
passed over is said in the answer's notes, as are numbers that are no deadline
(超过六十日的). Pure: no dates resolved here except in ``resolve_clause``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import NamedTuple

from ..calendar.workdays import WEEKDAYS, WorkCalendar
from ..errors import CoverageError, InputError
from . import joins, limits
from .conditions import lapses_unless_done
from .context import (
    alternatives,
    event_of,
    in_context,
    objection_window,
    same_event,
    shared_bans,
    with_events,
)
from .reader import (
    MAX_PHRASE,
    Found,
    Rule,
    _Reader,
    diagnose,
    find_deadline,
    prepare,
    read_as_simplified_too,
    read_phrase,
    whole,
)
from .relays import relayed
from .resolve import DEFAULTS, Options, Result, resolve
from .spans import MARKED, capped_measure, detention_cap, keeping
from .vocabulary import EXTENDED_TO, RANGE_LOW, VALIDITY

MAX_CLAUSE = 2000  # characters: an article of a law is a few hundred
_BREAKS = "，,；;。：:！!？?"


class Clause(NamedTuple):
    """The deadlines read in a text, in order; each with its words (see rules.Found).
    ``passed``: numbers in the text not read as deadlines (超过六十日的), said, not hidden."""

    text: str
    parts: tuple[Found, ...]
    passed: tuple[str, ...] = ()
    alternatives: tuple[tuple[int, ...], ...] = ()  # periods joined by 或者, by index

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(p.rule for p in self.parts)


def read_clause(text: str) -> Clause:
    """Every deadline in ``text``; InputError with the place when there is none.

    A text that reads as one phrase (5个工作日内, 6月底前完成) is that phrase. A text
    with traditional characters that does not read whole is read again as simplified."""
    s = prepare(text, MAX_CLAUSE)
    return read_as_simplified_too(lambda t: _read_clause(text, t), s, _loose)


def _loose(clause: Clause) -> bool:
    """Words passed over, or a part read loosely: worth reading again as simplified."""
    return bool(clause.passed) or any(part.loose for part in clause.parts)


def _read_clause(text: str, s: str) -> Clause:
    if s.isascii() and s.isdigit() and int(s) <= 0:
        raise InputError(f"期限“{text}”中的数目须大于 0")
    single = whole(text, s)
    if single is not None:
        return Clause(text, (single,))
    if len(s) <= MAX_PHRASE and not any(ch in _BREAKS for ch in s):
        try:
            found = read_phrase(text, s)
        except InputError:
            pass
        else:
            return Clause(text, (keeping(found, s, 0) or limits.limit_or_case(found, s, 0) or found,))
    passed: list[tuple[int, InputError]] = []
    conditions: list[int] = []
    described: list[Found] = []
    parts = _scan(text, s, passed, conditions, described)
    if not parts and passed:
        raise passed[0][1]
    if not parts and described:  # 六个月内两次发生…事故的: a condition, answered with no date
        return Clause(text, tuple(described))
    if not parts and conditions:
        at = conditions[0]
        raise InputError(
            f"“{s[at : at + 12]}…”是条件（“…的”）或除外（“除…外”）中的期间，不是期限：请给出规定期限的条文"
        )
    if not parts:
        if not any(ch in _BREAKS for ch in s) and len(s) <= MAX_PHRASE:
            raise diagnose(text, s)
        shown = text if len(text) <= 40 else text[:37] + "…"
        raise InputError(
            f"在“{shown}”中没有找到期限：读完全部 {len(s)} 个字符，没有期间（如“二十日内”"
            "“5个工作日内”）或日期（如“6月底前”）；请给出含期限的条文"
        )
    notes = tuple(
        f"第 {at + 1} 个字符“{s[at : at + 8]}”处的{what}"
        for at, what in sorted(
            [(at, _passed_note(s, at)) for at, _ in passed]
            + [(at, "期间在条件（“…的”）或除外（“除…外”）中，未作为期限") for at in conditions]
        )
    )
    notes += tuple(
        f"“{m.group(0)}”：另一种办法没有期间，以其事件之时为准；外限无法确定"
        for part in parts
        if (m := re.compile(_OPEN_ALTERNATIVE).match(s, part.end))
        and not any(part.end <= other.core < m.end() for other in parts)
    )
    parts = limits.extended_spans(relayed(with_events(_yearly_after_yearly(parts), s), s), s)
    parts = _after_a_condition(parts, described, s)
    parts, groups = shared_bans(parts, alternatives(parts, s))
    return Clause(text, tuple(parts), notes, groups)


# Pattern strings, compiled on first use (re caches them): compiling them at import cost
# `gongkai deadline` about a tenth of its start-up (bench section 3).
# 内发现… then a part that ends in 的: a case (…内发现瑕疵，发生争议的，由…), not a deadline
_ARTICLE = r"^第[一二三四五六七八九十百千零〇0-9]+条(?:之[一二三四五六七八九十]+)?\s*"
_OR_LESS_THING = "(?:或者|或)(?:少于|不足|短于)[^，,；;。]{1,8}的[^，,；;。的]{1,8}[，,；;。：:]"
_FOUND_THEN_CLASS = "发现[^，,；;。]{0,12}[，,][^，,；;。]{1,16}的[，,]"


def _after_a_condition(parts: list[Found], described: list[Found], s: str) -> list[Found]:
    """The first period when a condition with a period from another event comes before it
    (需要在提取涉案财物后的二十四小时内进行鉴定…的，…可以在完成上述工作后的二十四小时内移交:
    公安机关办理行政案件程序规定 第一百九十条): --from dates the condition's event, the first of the
    clause, so the period waits for its own (完成上述工作)."""
    if not parts or not described or parts[0].event is not None or described[0].core > parts[0].core:
        return parts
    own = event_of(parts[0], s) or _after_words(s, parts[0].core) or limits.request_in_case(described[0], s)
    before = event_of(described[0], s) or _after_words(s, described[0].core)
    if own is None or before is None or same_event(own, before):
        return parts
    return [parts[0]._replace(event=own), *parts[1:]]


_AFTER_WORDS = "(?:在|于)([^，,；;。在于]{2,20}?)(?:之后|以后|后)的?$"


def _after_words(s: str, core: int) -> str | None:
    """The event before 后(的) right before a period (在完成上述工作后的二十四小时内), or None."""
    m = re.compile(_AFTER_WORDS).search(s, max(0, core - 26), core)
    return m.group(1) if m else None


def _passed_note(s: str, at: int) -> str:
    """What a note says of a number passed over: 数目未读作期限 (information), except for
    N个半月, a period the clause does set but which is not counted here (延长至一个半月:
    刑事诉讼法 第二百二十条), a doubt the user must resolve."""
    if s.startswith("半月", at) and s[at - 1 : at] == "个":
        return "期间“N个半月”未计算（N个月又十五日：请分两步算），答案不完整"
    return "数目未读作期限"


# 或 after a period, then another time with no period of its own (在进入管理区四十八小时以前
# 或在开出港启航以前, 外国籍非军用船舶通过琼州海峡管理规则 第四条): the outer limit is unknown.
# A pattern string, compiled (and cached by re) when a clause first needs it.
_OPEN_ALTERNATIVE = "(?:或者|或)(?:在|于)?[^，,；;。]{1,24}?(?:以前|之前|前|时)"


def _scan(
    text: str,
    s: str,
    passed: list[tuple[int, InputError]],
    conditions: list[int],
    described: list[Found],
) -> list[Found]:
    """The deadlines of ``s`` part by part; numbers that are not deadlines go to
    ``passed``, periods inside conditions (…的) to ``conditions``."""
    reader = _Reader(text, s)
    parts: list[Found] = []
    pending: Found | None = None
    start = 0
    while start < len(s):
        stop = start
        while stop < len(s) and s[stop] not in _BREAKS:
            stop += 1
        stop = _bracket_aside(s, start, stop)
        words = s[start:stop]
        # 二十日内不能作出决定的 (a condition), 除可以当场作出决定的外 (an exception)
        # 第四十二条 除可以当场作出行政许可决定的外 (行政许可法): the article's number is no word
        exception = re.compile(_ARTICLE).sub("", words, count=1).startswith("除") and words.endswith("外")
        conditional = words.endswith("的") or exception
        pos = start
        while pos < stop:
            found = find_deadline(reader, pos, stop, [] if conditional else passed)
            if found is None:
                break
            found = joins.extension_range(found, s)
            # 一年至三年内禁止 (the upper end), 届满前90个工作日至30个工作日期间 (a window)
            found = limits.ranged_ban(found, s, start) or limits.back_range(found, s) or found
            found = limits.forward_range(found, s) or found  # 三个月以后、六个月以内
            pos = found.end
            _check_act(reader, found.end, stop)
            phrase = s[min(found.anchor_at, found.core) : found.end]
            window = objection_window(found, s, stop) if conditional and not exception else None
            if (
                window is None
                and conditional
                and not exception
                and (limits.deemed_or_lapsed(found, s, stop) or lapses_unless_done(found, s))
                and not words.startswith("或")  # 企业破产法 第十八条: …，或者…内未答复的 (a condition)
                and found.rule.kind in _PERIOD_KINDS
                and not (found.rule.back or found.rule.extension)
            ):
                # 股东自接到书面通知之日起三十日内未答复的，视为放弃优先购买权 (公司法 第八十四条):
                # the time to answer, after which a consequence is presumed: a deadline
                parts.append(found._replace(rule=replace(found.rule, text=phrase), act_end=stop))
                continue
            if window is not None:  # 10日内没有提出异议的: the objection window
                parts.append(window._replace(rule=replace(window.rule, text=phrase), act_end=stop))
                continue
            # 如果二十年以后认为必须追诉的 (刑法 第八十七条); (一)…在通缉一年后不能到案的；(公安机关办理
            # 刑事案件程序规定 第三百三十九条: no act follows in the sentence)
            hypothetical = words.startswith(("如果", "假如", "若")) or stop >= len(s) or s[stop] not in "，,"
            if conditional and not (found.rule.qualifier == "后" and not exception and not hypothetical):
                # 二十日内不能作出决定的: a condition. Its period is the deadline only when an
                # extension follows and none came before (held in ``pending`` until then).
                conditions.append(found.core)
                if not exception and found.rule.n is not None and not _mentioned(found.rule, parts):
                    pending = found._replace(rule=replace(found.rule, text=phrase), act_end=stop)
                if not exception:
                    rule = replace(found.rule, text=phrase, sense="condition")
                    described.append(found._replace(rule=rule, act_end=stop))
                continue
            if found.rule.extension and pending is not None and not parts:
                parts.append(pending)
                conditions.remove(pending.core)
            pending = None
            if found.rule.qualifier in EXTENDED_TO and not _extends(found.rule, parts):
                reader.pos = found.start  # 上述期限延长至五年: no period of its kind before it
                passed.append((found.core, reader.fail("期限（“延长至”之前没有同类的期间）")))
                continue
            if found.rule.kind == "date" and re.compile(_NTH_YEAR).search(s, 0, found.core):
                # 保护期截止于作品首次发表后第50年的12月31日 (著作权法实施条例 第十八条)
                why = f"“{s[found.core : found.end]}”是某事件之后第N年的日子：需要该事件的年份，未计算"
                passed.append((found.core, InputError(why)))
                continue
            kept = (
                keeping(found, s, start)
                or capped_measure(found, s)
                or detention_cap(found, s)
                or limits.limit_or_case(found, s, start)
            )
            if kept is not None:  # 保存期限不少于5年, 不超过三年的社区康复: a span, not due
                found = kept
            elif _bare(found, s, start):  # 保存2年, 羁押一日折抵刑期一日, 1个月至1年: a length, no deadline
                words = s[found.core : found.end]
                why = f"“{words}”是一段时间的长短（如保存2年、不超过6个月的处罚、六个月至三年），不是期限"
                passed.append((found.core, InputError(why)))
                continue
            if (
                found.rule.qualifier == "后"
                and not found.rule.anchor
                and (_mentioned(found.rule, parts) or _written_before(found, s))
                and not limits.after_keeping(found.rule, parts)  # 保存不少于30日；30日后…删除: not before
            ):
                # 60日内可以随时解除…；60日后，…应当提前15日通知 (直销管理条例 第十七条): the
                # time after a period read before, a condition for what follows
                found = found._replace(rule=replace(found.rule, sense="condition"))
            found = in_context(found, s, start, stop)
            if (
                re.compile(_FOUND_THEN_CLASS).match(s, found.end)
                or re.compile(_OR_LESS_THING).match(s, found.end)
                or (found.rule.back and s.startswith(("所发生", "所产生", "所形成"), found.end))
            ):
                # 有破产申请一年前所发生的原因 (企业破产法 第四十条): a look-back, not a deadline
                # 期限为180天或者少于180天的保障措施 (保障措施条例 第三十条): a kind of measure
                # 消费者自接受商品或者服务之日起六个月内发现瑕疵，发生争议的，由经营者承担…举证责任
                # (消费者权益保护法 第二十三条): when a thing is found, a condition, not a duty
                found = found._replace(rule=replace(found.rule, sense="condition"))
            joined = joins.joined_before(found, s, stop)
            if joined:  # 三十日和六十日内: no longer a number passed over
                passed[:] = [p for p in passed if p[0] != joined[0].core]
                parts.extend(joined)
            for rule in (found.rule, *found.more):  # 月度或者季度终了后: one deadline each
                parts.append(found._replace(rule=replace(rule, text=phrase), act_end=stop, more=()))
        start = stop + 1
    # An act runs to the next deadline in the same part.
    for i, part in enumerate(parts[:-1]):
        following = parts[i + 1]
        if following.core == part.core:  # alternatives read at one place share their act
            parts[i] = part._replace(act_end=following.act_end)
        elif following.start < part.act_end:
            parts[i] = part._replace(act_end=max(part.end, following.anchor_at))
    return parts


def _yearly_after_yearly(parts: list[Found]) -> list[Found]:
    """A date after a yearly one in the same clause recurs each year too (每年3月31日前向业务
    主管单位报送…，于5月31日前报送登记管理机关: 社会团体登记管理条例 第二十八条)."""
    out: list[Found] = []
    yearly = False
    for part in parts:
        rule = part.rule
        if rule.kind == "date" and rule.yearly:
            yearly = True
        elif yearly and rule.kind == "date" and rule.year is None and rule.relative is None:
            part = part._replace(rule=replace(rule, yearly=True))
        out.append(part)
    return out


def _bracket_aside(s: str, start: int, stop: int) -> int:
    """Where a part ends when a bracket opens in it and is not closed before its end: at
    the bracket, so that an aside that is a condition does not make the words before it
    one (在船舶预计抵达口岸24小时前(航程不足24小时的，在驶离上一口岸时)，…报告: 口岸管理
    规定 第七条). The aside is read as the next part."""
    depth, opened = 0, -1
    for pos in range(start, stop):
        if s[pos] in "(（":
            depth, opened = depth + 1, pos if depth == 0 else opened
        elif s[pos] in ")）" and depth:
            depth -= 1
    if depth and opened > start and s.endswith("的", start, stop):
        return opened
    return stop


_PERIOD_KINDS = ("workdays", "days", "months", "years", "hours")
_NTH_YEAR = "第(?:[0-9]+|[一二两三四五六七八九十百]+)年的?$"


def _bare(found: Found, s: str, part_start: int) -> bool:
    """A period with nothing that makes it a time limit (内, 前, 后, 起, 届满, 满, 不得超过,
    不少于, 有效期为 …): in a whole clause it is a length (保存2年, 暂停从事相关业务1个月至1年,
    羁押一日折抵刑期一日), not a deadline; so is one that names a thing's length (不超过6个月的
    处罚), one end of a range (六个月至三年以内) and a keeping time (保存至有效期满后2年). A
    phrase on its own (15日, 5) is still read."""
    rule = found.rule
    if rule.kind not in _PERIOD_KINDS or rule.extension or rule.base is not None or rule.opens:
        return False
    after, before = s[found.end : found.end + 1], s[: found.core]
    if before.endswith(("暂停其", "停止其")) and s[found.core : found.end].endswith(("以内", "内")):
        return True  # 暂停其6个月以内从事报关业务 (海关行政处罚实施条例 第十七条): a penalty's length
    if not s[found.core : found.end].endswith(MARKED) and (
        re.compile(_LISTED_AFTER).match(s, found.end) or re.compile(_LISTED_BEFORE).search(before)
    ):
        return True  # 纳税期限分别为1日、3日、5日…或者1个季度 (增值税暂行条例 第二十三条): lengths listed
    one_unit = re.search(RANGE_LOW, before) is not None and s[found.core : found.end].endswith("内")
    if after == "至" or (before.endswith("至") and rule.qualifier not in EXTENDED_TO and not one_unit):
        # 六个月至三年以内 (a range), not 延长至十五日, nor 1至5年内 (the unit written once: the
        # upper end is the outer limit)
        return True
    if after == "的" and rule.qualifier not in VALIDITY and rule.sense != "restriction":
        return True
    written = s[found.core : found.end]
    if "保存" in s[part_start : found.core] and not written.endswith("内"):
        return True
    if rule.back:  # 开庭三日前 counts back; 被破坏前三年 (前 before the number) looks back
        before = s[: found.core]
        # 提前三十日 counts back; so does 保护期满前六个月 (中药品种保护条例 第十六条): an
        # expiry's 前, not 被破坏前三年 (a span before a past event, looking back)
        looks_back = before.endswith("前") and not before.endswith(("提前", "满前", "到期前"))
        if looks_back and limits.counted_back_before(found, s):
            return False  # 收费公路终止收费前6个月，…应当…: counted back from the event
        if looks_back and "平均" in s[found.end : found.end + 20]:
            return True  # 渔船前3年采捕水产品的平均年总产值 (渔业资源增殖保护费征收使用办法 第五条)
        if (
            looks_back
            and re.search("(?:在|于)[^，,；;。在于]{1,30}前$", before)
            and s[found.end : found.end + 1] != "的"
        ):
            return False  # 应当在开庭前三日通知, 应当至少在实施前21天公布 (货物进出口管理条例 第十条)
        return looks_back and not s[found.core : found.end].endswith(("前", "内"))
    if rule.qualifier:
        return False
    if rule.anchor and s[: found.core].endswith(rule.anchor) and not rule.anchor.endswith("前"):
        return False  # 自公告之日起三十日: the period follows its anchor (not 被破坏前三年)
    before = s[: found.core].rstrip()
    if s[part_start : found.core] == "为" and part_start > 0:
        return True  # 每满24小时，为1日 (家用汽车产品修理更换退货责任规定 第四十条): a definition
    if not before or before.endswith(("满", "为", "：", ":")):
        return False  # 满二十日, 自受理申请之日起为二个月, 承诺期限：20个工作日, 3个月（…）
    return not s[found.core : found.end].endswith(MARKED)


_LENGTH = r"(?:[0-9]+|[一二两三四五六七八九十百]+)(?:个工作日|工作日|日|天|个月|年|个季度|小时)"
_LISTED_AFTER = f"[、](?:或者|或)?{_LENGTH}"
_LISTED_BEFORE = f"{_LENGTH}(?:、|、?或者|、?或)$"


def _extends(rule: Rule, parts: list[Found]) -> bool:
    """可以延长至十五日 after 十日以内审结: the same period made longer, of the same kind
    (days, working days, months; a limitation of years 追征期可以延长到五年 is not read)."""
    kinds = ("days", "workdays", "months", "hours")  # 可以延长至二十四小时 (继续盘问, 12 hours)
    return bool(parts) and rule.kind in kinds and parts[-1].rule.kind == rule.kind


def _written_before(found: Found, s: str) -> bool:
    """六个月以后 after 前六个月工资照发 (劳动保险条例 第二十条): the same span written before."""
    words = s[found.core : found.end]
    for end in ("以后", "之后", "后"):
        words = words.removesuffix(end)
    return len(words) >= 2 and words in s[: found.core]


def _mentioned(rule: Rule, parts: list[Found]) -> bool:
    """Whether a period in a condition repeats one read before (二十日内不能作出决定的)."""
    return any((p.rule.kind, p.rule.n) == (rule.kind, rule.n) for p in parts)


_ACT_CATEGORIES = frozenset(("Lo", "Nd", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"))


def _check_act(reader: _Reader, start: int, stop: int) -> None:
    """The words after a deadline are Chinese words (an act), not stray letters or symbols
    (五个工作日内abc): those mean the phrase was not what it seemed."""
    import unicodedata

    for pos in range(start, stop):
        if unicodedata.category(reader.text[pos]) not in _ACT_CATEGORIES:
            reader.pos = pos
            raise reader.fail("期限的结尾（内、前或“完成”等）")


def resolve_clause(
    clause: Clause,
    anchor: date | datetime,
    cal: WorkCalendar,
    options: Options = DEFAULTS,
    *,
    explain: bool = False,
    events: Mapping[str, date] | None = None,
) -> tuple[Result, ...]:
    """Each deadline of the clause, in order. An extension counts from the deadline
    before it (政府信息公开条例 第三十三条: 20 more working days from the first 20). A
    period that runs from another event than the first is counted from that event's
    date in ``events`` (matched loosely: 公告 dates 自公告之日起), or has no date and
    says which event it needs (``needs_event``)."""
    results: list[Result] = []
    derived: set[int] = set()  # the periods counted from a validity's end read before
    start_day = anchor.date() if isinstance(anchor, datetime) else anchor
    for i, part in enumerate(clause.parts):
        # not a date counted back from a validity's end: an extension after it extends the
        # validity (暂定资质证书有效期为一年。…届满三十日前…申请…。延长期限不得超过两年)
        previous = results[-1].deadline if results and i - 1 not in derived else None
        if part.rule.extension and previous is not None and results[-1].rule.back:
            # 在期限届满七日前送请…批准，延长二个月 (公安机关办理刑事案件程序规定 第一百四十九条):
            # a day counted back ends no period; the extension runs from the expiry itself
            previous = results[-1].anchor
        if part.rule.extension and previous is None and i and _full_span(clause.parts[i - 1].rule):
            # 满12个月，行政重组未完成的，…延长…最长不得超过6个月 (证券公司风险处置条例 第十三条):
            # the extension runs on from the day the 12 months are complete
            full = replace(clause.parts[i - 1].rule, sense="presumed")
            previous = resolve(full, anchor, cal, options).deadline
        if part.event is not None:
            given = _event_date(part.event, events or {})
            expiry = None if given is not None else _validity_end(part.event, clause, results)
            day = given if given is not None else expiry
            if day is None:
                results.append(Result(part.rule, start_day, None, needs_event=part.event))
                continue
            try:
                result = resolve(part.rule, day, cal, options, explain=explain)
            except CoverageError:
                if expiry is None:
                    raise
                # a year with no arrangement yet: the period waits for its event, as before
                results.append(Result(part.rule, start_day, None, needs_event=part.event))
                continue
            note = f"自“{part.event}”之日 {day.isoformat()}（{WEEKDAYS[day.weekday()]}）起算"
            if expiry is not None:
                derived.add(i)
                note = f"自前述有效期届满之日 {day.isoformat()}（{WEEKDAYS[day.weekday()]}）起算"
            if part.rule.back and result.deadline is not None and _day(result.deadline) < start_day:
                note += f"；所得日期早于起算日 {start_day.isoformat()}，请核对"
            result = replace(result, warnings=(note, *result.warnings))
        elif part.rule.extension and previous is not None:
            start = previous.date() if isinstance(previous, datetime) else previous
            result = resolve(part.rule, start, cal, options, explain=explain)
            note = f"延长期限自前一期限届满之日 {start.isoformat()}（{WEEKDAYS[start.weekday()]}）起算"
            kept = tuple(w for w in result.warnings if not w.startswith("延长期限自原期限"))
            result = replace(result, warnings=(note, *kept))
        else:
            result = resolve(part.rule, anchor, cal, options, explain=explain)
        results.append(result)
    for group in clause.alternatives:
        results[group[0]] = _outer_limit_note(results, group)
    if clause.passed and results:
        results[0] = replace(results[0], warnings=(*results[0].warnings, *clause.passed))
    return tuple(results)


def _validity_end(event: str, clause: Clause, results: Sequence[Result]) -> date | None:
    """The end of a validity read before in the clause, when a later period counts from
    its expiry (有效期为5年，…应当在期满前6个月申请延续): that day, else None."""
    words = event.removesuffix("前").removesuffix("的")
    if not words.endswith(("期满", "届满")) or len(words) > 12:
        return None
    if words not in ("期满", "届满") and "有效期" not in words:
        return None
    for part, result in zip(clause.parts, results, strict=False):
        if (part.rule.qualifier or "").startswith("有效期") and result.deadline is not None:
            return _day(result.deadline)
    return None


def _full_span(rule: Rule) -> bool:
    """满N (a condition: the span complete), whose end an extension after it runs on from."""
    return rule.sense == "condition" and rule.qualifier == "满" and rule.n is not None


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _event_date(event: str, events: Mapping[str, date]) -> date | None:
    """The date the user gave for ``event``: a key among its words, or its words among a key's."""
    for key, day in events.items():
        if key and (key in event or event in key):
            return day
    return None


def top_index(clause: Clause, results: Sequence[Result]) -> int:
    """The answer given first (the top level of JSON): the first period, or, when it has
    alternatives (当场或者在五日内), the outer limit among them."""
    for group in clause.alternatives:
        if group[0] == 0:
            return _outer(results, group)
    return 0


def _outer(results: Sequence[Result], group: tuple[int, ...]) -> int:
    dated = [i for i in group if results[i].deadline is not None]
    if len(dated) < len(group):
        return group[0]  # an alternative without a date: its limit is not known
    return max(dated, key=lambda i: _day(results[i].deadline))  # type: ignore[arg-type]


def _outer_limit_note(results: Sequence[Result], group: tuple[int, ...]) -> Result:
    first = results[group[0]]
    outer = _outer(results, group)
    deadline = results[outer].deadline
    if any(results[i].deadline is None for i in group) or deadline is None:
        note = "“或者”：几种办法任选其一；其中有的没有日期，外限无法确定"
    else:
        note = f"“或者”：几种办法任选其一，外限为 {_day(deadline).isoformat()}（{results[outer].rule.text}）"
    return replace(first, warnings=(*first.warnings, note))
