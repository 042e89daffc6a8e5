"""Draft a plan from the text of a 工作要点: document text in, a reviewable Draft out.

The stages, each its own module (docs/drafting.md): the document's lines and its tables
(tables.py; files/office.py reads .docx and PDF, files/ledger.py .xlsx, into lines), the header
(header.py), the body into paragraphs and numbered units (paragraphs.py), brackets and
table cells into departments and deadlines (brackets.py, departments.py, sentences.py),
units into duties (duties.py), and the plan format (writer.py). This module runs them.

Pure: no I/O, no clock, no printing. ``extract_plan`` reads the text; ``draft_to_yaml``
writes the plan format (docs/plan-format.md) with a ``# 待核对: …`` comment above every
item a person must look at. Nothing found is dropped: what cannot be read is kept
verbatim and flagged.

How a document is read
----------------------
- Tables: a task table (任务分工表, 任务分解责任清单, 台账: 序号 | 工作任务 | 责任单位 | 完成时限,
  cells split by tabs, "|" or runs of spaces, or one cell a line as pages and PDFs give
  them; a .docx or .xlsx table arrives as tab-separated lines) gives one item per row
  (tables.py); its lines are not read as text. A table without a 完成时限 column is said
  once, not on every row.
- Header: the notice title (…关于印发…的通知, on one line or two) gives the source and the
  issuer; the title is a title line ("2016年…工作要点", "北京市2018年…", "2021年上海市…",
  one line or split over two), else the title quoted in the covering notice (现将《…》
  印发给你们), else the notice's. The signature (an issuer line followed by a date line
  such as "2016 年 5 月 18 日") gives issuer and issue date; the year comes from the title,
  failing that from the date (flagged). A page's metadata block (名称, 发布机构, 发文日期,
  索引号 …) gives what the signature does not. Masked or placeholder text (***, XXX, ××)
  is never the title or issuer (flagged). Anything before the notice is ignored.
- Body: it starts at the first numbered heading. Numbering levels are 一、 / （一） /
  1· 1. 1、 / （1） / ①, full- or half-width. A numbered line that is one short sentence is
  a heading; one with more text is also the first paragraph of its unit. Units under a
  heading such as 总体要求, 指导思想, 工作目标 without an assignment are not duties.
- Paragraphs: a line that does not end a sentence runs on into the next (a page break
  inside "信息公" / "开"); a line that is only a bracket belongs to the paragraph above,
  and so does a line of only departments and their role written without brackets
  ("市发改委牵头落实", the 责任单位 cell of a table copied one cell a line): it is read as
  the paragraph's bracket (shown in the item's text in （）, called 分工行 in flags).
- Duties: every assignment bracket is one duty, with the text since the previous bracket,
  wherever in the paragraph it stands ("…公开。（条法司负责，6月底前完成）编制…。（规划司
  负责，9月底前完成）" is two duties, never one). Numbered sub-duties inside a paragraph
  (①②③, (1)(2), 1. 2. after a colon, comma or full stop) are duties of their own; a
  bracket closing the list is theirs. A bracket is an assignment when it names
  departments with a role (牵头 → lead; 负责 / 落实 / 按职责分工 … → owners; 会 / 会同 /
  配合 / 协同 → jointly; 督促 / 指导 → supervising; "宣传处会办公室" is a lead and a
  partner; a trailing 等 is dropped, flagged;
  a name containing 牵头 or 负责, 政策牵头起草部门, is read whole), labels (牵头部门：/
  配合部门：/ 责任单位：/ 完成时限：, with or without separators between them), a deadline
  the phrase reader (rules.parse_rule) reads, or only department names (（保护协调处））
  where it ends a sentence. The deadline is kept verbatim; two in one bracket are
  flagged. A bracket without one takes the phrase its text names (flagged). A paragraph
  without a bracket takes its departments and deadline from its sentences ("各部门单位
  应…", "…发生后，应在24小时内…"), else from the next bracket of its unit, and is
  flagged. An event in the text ("文件公开后3个工作日内") wins over a bracket's 适时进行
  (flagged); a monthly duty in the text ("…按月汇总后报送办公室") is a duty of its own
  (flagged). Several duties in one unit are lettered a, b, c; a single one is not.
- Closing: the paragraphs after the last bracket, or under a closing heading after it
  (六、工作要求, 保障措施; one before any section of duties, 一、总体要求, opens the plan
  instead and is skipped), are read clause by clause; each clause with a deadline
  (印发之日起5个工作日内, 年内, 年底前, 2017年1月15日前) or with a department that must
  report (办公室负责通报…) is a duty "end.N" with ``report: false``; 期限届满后N个工作日内
  becomes the derived report.
- A deadline phrase the rules cannot read is kept verbatim with ``rule_unread: true`` and
  its flag on that line (the plan reads the item as having no date until fixed); a missing one is
  ``rule: null`` (no fixed deadline), flagged. A header field not found is left out of
  the YAML with a ``# 待核对`` comment, never written as null.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter

from ...errors import InputError
from ...phrases.chinese import compact
from .brackets import (
    _Assignment,
    _assignment,
    _assignment_brackets,
    _inline_labels,
    _plan_readable,
    by_comma,
    needs_event,
    role_clauses,
)
from .departments import _names, _unique, spaced_names
from .doubts import name_doubt, title_doubt
from .duties import (
    _bracket_duty,
    _clause_title,
    _clean,
    _Duty,
    _letter,
    _Piece,
    _title,
    _unit_duties,
    _unread_flag,
)
from .header import _header, plan_parts
from .mirrors import to_simplified, without_pinyin
from .model import Draft, DraftItem, DraftReport, DraftWarning
from .paragraphs import (
    _HEADING_MAX,
    _SENTENCE_END,
    _cut_short,
    _is_heading,
    _is_prose,
    _marker,
    _Para,
    _paragraphs,
    _split_closing,
    _Unit,
    _units,
    unrun,
)
from .sentences import _DUTY_VERB, _NO_SUBJECT, _clauses, _find_phrase, _phrases, _sentences, _subject
from .spaced import barred_spaced_tables
from .table_rows import checked_rows, deadline_cell, deadline_doubt, owners_cell, staged_deadline, synchronous
from .tables import Table, TableRow, find_tables
from .unnumbered import first_subject_line, unnumbered_duties

# A web page's footer line: 版权所有, 备案号 (ICP备, 公网安备), 网站标识码, 分辨率 …; never a duty.
_FOOTER = re.compile(
    r"版权所有|ICP备|ICP证|公网安备|网站标识码|网站地图|(?:最佳|建议使用).{0,20}分辨率|举报(?:热线|邮箱)\s*[：:]|"
    r"技术支持[：:]"
)
_SENTENCE_MARKS = re.compile(r"[，,。；;]")  # a footer line has none: a duty's line has
# The flag of an assignment without a deadline: null, or one taken from the text.
_NO_DEADLINE = re.compile(r"^(?:括号|分工行|分工|表格这一行)中没有期限：(?:rule 为 null|已取正文中的)")
_FINDING_SHOWN = 20  # so many characters of a finding shown in the note that it is left out
# the doubts a text cut at the end explains: its bracket or its deadline may be in the cut
_CUT_EXPLAINS = ("本段没有分工括号", "分工中没有期限", "括号中没有期限")
_DATELESS_MIN = 3  # so many assignments, none with a deadline: the document gives none


def _without_assignment(item: DraftItem) -> bool:
    """An item drafted from a paragraph without any bracket or labels of its own."""
    return any(f.startswith("本段没有分工括号") for f in item.flags)


def _leads_in(para: _Para) -> bool:
    """A paragraph introducing the numbered units after it ("围绕…，重点抓好以下几个方面
    工作："): it ends in a colon, or its last sentence says 以下 / 如下, and assigns nothing."""
    text = para.text.rstrip()
    last = re.split(r"[。！？!?]", text.rstrip("。"))[-1]
    return (text.endswith(("：", ":")) or bool(re.search(r"以下|如下|下列", last))) and not (
        _assignment_brackets(text)
    )


def _introduces(unit: _Unit, units: list[_Unit]) -> bool:
    """A heading's paragraphs that only introduce the units under it (昌宁 2022: "一、全面
    落实管理过程“五公开”" / "坚持以公开为常态…"): they assign nothing and set no deadline,
    while the units under it each end in an assignment bracket."""
    # the units below with text of their own (a heading over them has none; 红谷滩 2022's
    # 二、目标任务 / 2022年，…主要任务是：… / (一) / 1、…（责任单位：…） / 2、 cut by the page)
    below = [u for u in units if u.id.startswith(unit.id + ".") and u.paras]
    assigned = [any(_assignment_brackets(p.text) or _inline_labels(p.text) for p in u.paras) for u in below]
    return (
        bool(below)
        and (all(assigned) or (any(assigned) and not assigned[-1] and _ends_cut(below[-1])))
        and not any(_assignment_brackets(p.text) or _inline_labels(p.text) for p in unit.paras)
        and not any(next(_phrases(p.text), None) for p in unit.paras)
        and not any(role_clauses(p.text) for p in unit.paras)
    )


# A stage of a plan run in stages (徐州 2008's (三)验收总结阶段): "准备阶段", "编制阶段（2008年
# 2月）", nothing more on the line than the stage and its period.
_STAGE = re.compile(
    r"^(?:第[一二三四五六七八九十]{1,2}阶段(?:[：:][^，,。；;：:]{0,15})?|[^，,。；;：:]{0,12}阶段)"
    r"(?:[（(][^（()）]*[）)])?[。.]?$"
)


def _stage(unit: _Unit) -> _Para | None:
    """The line naming a stage, when that is all a unit's own text is."""
    own = [unit.heading] if unit.heading is not None else []
    own += unit.paras
    if len(own) != 1 or not _STAGE.match(compact(own[0].text)):
        return None
    return own[0]


def _ends_cut(unit: _Unit) -> bool:
    """A unit whose last paragraph does not end a sentence: the page stops in it."""
    return bool(unit.paras) and compact(unit.paras[-1].text)[-1:] not in _SENTENCE_END


def _own_number(row: TableRow) -> str:
    """The number a row's text starts with ("8.持续深化…") when the table has no 序号."""
    found = re.match(
        r"^([0-9]{1,3})[.．、](?![0-9])", compact(row.cells.get("detail") or row.cells.get("task", ""))
    )
    return found.group(1) if found else ""


# "三季度前": before the third quarter, or by its end? Read as its end, and asked
_QUARTER_BEFORE = re.compile(r"(?<![季年])(第?[一二三四1-4])季度前")


class _Extractor:
    def __init__(self, text: str) -> None:
        text = text.removeprefix("\ufeff")
        self.raw = unrun(
            barred_spaced_tables(
                [
                    (i, line)
                    for i, line in enumerate(text.splitlines(), 1)
                    if line.strip() and not (_FOOTER.search(line) and not _SENTENCE_MARKS.search(line))
                ]
            )
        )
        self.lines = [(i, line.strip()) for i, line in self.raw]
        # each line as the document has it, before a run-together line was cut
        self.whole = {i: line for i, line in enumerate(text.splitlines(), 1)}
        self.items: list[DraftItem] = []
        self.reports: list[DraftReport] = []
        self.warnings: list[DraftWarning] = []
        self.ids: set[str] = set()  # the ids given so far: a running set, drafting stays linear
        self.repeats: dict[str, int] = {}  # a repeated id → the next suffix to try (-2, -3 …)
        self.standing: list[str] = []  # "以下均需各县市区落实": owners of every later assignment
        self.year: int | None = None  # the plan's, once the header is read
        self.comma_rule = False  # "逗号前为牵头单位…下同": every later bracket read so
        self.cut_short = False  # the page stops inside the last duty

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(DraftWarning(line, message))

    def run(self, source: str) -> Draft:
        tables = find_tables(self.raw)
        in_tables = {n for table in tables for n in table.lines}
        lines = [(n, t) for n, t in self.lines if n not in in_tables]
        body_start = next((i for i, (_, t) in enumerate(lines) if _marker(t)), len(lines))
        # no numbered paragraph, no table: paragraphs naming who must act (unnumbered.py)
        plain = first_subject_line(lines) if body_start == len(lines) and not tables else None
        body_start = body_start if plain is None else plain
        header, signed, warnings = _header(lines, body_start)
        self.year = header.year
        self.warnings.extend(warnings)
        body = [(n, t) for i, (n, t) in enumerate(lines) if i >= body_start and i not in signed]
        if not body and not tables:
            raise InputError(
                "没有找到编号的段落（一、 （一） 1. 等）或任务分工表，无法起草计划", where=source
            )
        parts = plan_parts(_paragraphs(body)) if plain is None else []
        duties = unnumbered_duties(_paragraphs(body)) if plain is not None else []
        for number, duty in enumerate(duties, 1):
            self._add(str(number), "", duty)
        if duties:
            self.warn(None, f"文中没有编号的段落：已把写明由谁落实的 {len(duties)} 段列为事项，请核对")
        if len(parts) > 1:
            titles = "”“".join([header.title or "（无标题）", *(t for t, _ in parts if t)])
            self.warn(
                None,
                f"文中有 {len(parts)} 个计划（“{titles}”）：第二个起各项的编号前加了 p2. 等，"
                "标题取第一个；如只需其一，请删去其余",
            )
        closings: list[tuple[str, list[_Para]]] = []
        for index, (title, paras) in enumerate(parts):
            prefix = f"p{index + 1}." if index else ""
            closings.append((prefix, self._part(paras, tables, prefix, title)))
        for table in tables:
            self._table(table)
        for prefix, closing in closings:
            self._closing(closing, prefix)
        if body:  # first: the duty the page stops in counts as one whose deadline is unknown
            self._cut_at_the_end(body[-1])
        self._no_deadlines_anywhere()
        if not self.items:
            raise InputError(
                "没有找到任何工作事项（编号段落、分工括号或带期限的句子），无法起草计划", where=source
            )
        return Draft(source, header, tuple(self.reports), tuple(self.items), tuple(self.warnings))

    def _part(self, paras: list[_Para], tables: list[Table], prefix: str, title: str | None) -> list[_Para]:
        """Draft the numbered units of one plan's paragraphs; its closing paragraphs back."""
        units_end, closing = _split_closing(paras)
        cut = _cut_short(closing) if units_end else None
        if cut is not None and not any(next(_phrases(p.text), None) for p in closing):
            # no deadline in them: not closing text read clause by clause, duties cut short
            paras, units_end, closing = [*paras[:units_end], *cut], units_end + len(cut), []
            self.warn(cut[-1].line, "文本在此中断（最后一段没有结束）：最后一项可能不全，请与原文核对")
        units = list(_units(paras[:units_end]))
        for unit, after in itertools.zip_longest(units, units[1:]):
            leaf = after is None or not after.id.startswith(unit.id + ".")
            if unit.prose and not any(_assignment_brackets(p.text) for p in unit.paras):
                first = unit.paras[0] if unit.paras else unit.heading if leaf else None
                if unit.findings and first is not None:  # 存在的问题: a report's findings, said
                    what = _clean(first.text)
                    what = what if len(what) <= _FINDING_SHOWN else what[:_FINDING_SHOWN] + "…"
                    self.warn(first.line, f"“{what}”是问题或情况，不是待办的工作：未列为事项")
                continue  # 总体要求, 指导思想 …: what the plan is for, not a duty
            stage = _stage(unit)
            if not leaf and stage is not None:
                # "（一）准备阶段（2008年1月1日至1月31日）" over 1. 2.: a stage, its period no duty
                self.warn(stage.line, f"“{_clean(stage.text)}”是阶段标题：其下各项才是工作，未列为事项")
                continue
            if not leaf and unit.paras and all(map(_leads_in, unit.paras)):
                continue  # "重点抓好以下几个方面工作：": it introduces the units under it
            if not leaf and unit.heading is not None and _introduces(unit, units):
                continue  # "一、全面落实…“五公开”" and a paragraph on why: its (一)… are the duties
            if not unit.paras and unit.heading is not None and leaf and not tables:
                # "2.发布三年行动方案。": a short numbered duty with nothing under it
                unit.paras.append(unit.heading)
            # its own heading is its text: the section is the one above it
            section = (
                unit.above if unit.heading is not None and unit.paras == [unit.heading] else unit.section
            )
            section = f"{title} {section}" if title else section
            duties = _unit_duties(unit)
            if len(duties) == 1 and unit.heading is not None and unit.paras != [unit.heading]:
                # "（一）推进决策公开" on its line, its one duty below: the heading is the title
                duties[0].title = _clean(unit.heading.text).rstrip("。.")
            for index, duty in enumerate(duties):
                self._add(prefix + unit.id + (_letter(index) if len(duties) > 1 else ""), section, duty)
        return closing

    def _closing(self, paras: list[_Para], prefix: str = "") -> None:
        """The sentences after the last bracket: one duty per clause with a deadline, or
        with a department that must report, convene … (办公室负责通报…)."""
        number = 0
        prose = False
        for para in paras:
            marker = _marker(para.text)
            if marker is not None:
                prose = prose or _is_prose(marker.rest)
                if _is_heading(marker):
                    continue
            found_any = False
            carried: list[str] = []  # the subject of the sentence before, in this paragraph
            for sentence in _sentences(para.text):
                clauses = _clauses(sentence)
                sentence_subject = _subject(clauses[0]) if clauses else []
                borrowed = not sentence_subject and bool(carried) and bool(_NO_SUBJECT.match(clauses[0]))
                if borrowed:
                    sentence_subject = carried
                carried = next((s for c in clauses if (s := _subject(c))), sentence_subject) or carried
                for i, clause in enumerate(clauses):
                    phrase = _find_phrase(clause, clauses[i - 1] if i else "")
                    own_subject = _subject(clause)
                    if phrase is None and not (own_subject and _DUTY_VERB.search(clause)):
                        continue
                    found_any = True
                    if phrase is not None and phrase.report:
                        rid = "report" if not self.reports else f"report{len(self.reports) + 1}"
                        title = _clause_title(clause, phrase)
                        self.reports.append(DraftReport(rid, title, phrase.rule, sentence, para.line))
                        continue
                    number += 1
                    owners = own_subject or sentence_subject
                    duty = _Duty(
                        para.line, para.text, _clause_title(clause, phrase), None, owners=owners, report=False
                    )
                    if phrase is None:
                        duty.flags.append(f"“{clause}”没有期限：rule 为 null（无固定期限），请核对")
                    else:
                        duty.rule, duty.event = phrase.rule, phrase.event
                    if not owners:
                        duty.flags.append(f"“{clause}”中没有找到负责部门：请补上 lead 或 owners")
                    elif borrowed and not own_subject:
                        who = "、".join(owners)
                        duty.flags.append(f"“{clause}”没有写出负责部门：已取上一句的（{who}），请核对")
                    self._add(f"{prefix}end.{number}", "", duty)
            if not found_any and not prose:
                self.warn(para.line, f"结尾段落中没有找到期限或职责，未列为事项：“{_clean(para.text)}”")

    def _table(self, table: Table) -> None:
        """One item per row of a task table; its id is the row's 序号, or its place in the
        table (all prefixed with t when the numbered text or another table has taken one)."""
        rows, dropped = checked_rows(table.rows)
        for line, message in dropped:
            self.warn(line, message)
        if not rows:
            return
        numbers = [compact(row.cells.get("number", "")).rstrip("、.．") or _own_number(row) for row in rows]
        ids = [n if n.isdigit() else str(i) for i, n in enumerate(numbers, 1)]
        taken = self.ids
        if len(set(ids)) < len(ids):  # 序号 repeated: the places in the table
            ids = [str(i) for i in range(1, len(ids) + 1)]
        prefix, count = "", 1
        while taken & {prefix + i for i in ids}:  # "t1", or "t2.1" for a second table
            prefix, count = ("t" if count == 1 else f"t{count}."), count + 1
        ids = [prefix + i for i in ids]
        # a task cell over several rows heads them: the table's tasks are headings; when
        # every row has a task of its own, the task names the item and the detail is its text
        shared = Counter(compact(row.cells.get("task", "")) for row in rows)
        # a 完成时限 column empty in every row (寿光 2019's .docx) gives no deadlines, like none
        # (two rows or more: one row's empty cell is that row's doubt)
        dated = "deadline" in table.roles and (
            len(rows) < 2 or any(compact(r.cells.get("deadline", "")) for r in rows)
        )
        own = all(n == 1 for t, n in shared.items() if t)
        undated = False
        for item_id, row in zip(ids, rows, strict=True):
            cell = row.cells
            task, detail = compact(cell.get("task", "")), compact(cell.get("detail", ""))
            text = detail or task
            named = bool(own and task and detail)
            section = " ".join(p for p in (row.group, task if detail else "") if p)
            found = _Assignment(lead=_names(cell.get("lead", "")))
            owners = compact(spaced_names(owners_cell(cell.get("owners", ""))))
            if owners:
                read = _assignment(owners)
                if read is not None and read.names:
                    found.lead += read.lead
                    found.owners += read.owners
                    found.jointly += read.jointly
                    found.supervising += read.supervising
                    found.doubts += read.doubts
                    found.notes += read.notes
                else:
                    found.owners += _names(owners)
            found.jointly += _names(cell.get("jointly", ""))
            found.rule = deadline_cell(cell.get("deadline", "")) or None
            if found.rule is None and "deadline" not in table.roles:
                found.rule = staged_deadline(text)  # 第一季度:… 第四季度:…: the last stage's end
            undated = undated or found.rule is None
            same_day = synchronous(found.rule or "")  # 与政策文件同步发布: 即时, from that event
            found.rule = "即时公开" if same_day else found.rule
            misfit = deadline_doubt(found.rule or "")
            if misfit is not None:
                found.rule = None
            piece = _Piece(row.line, text, text, found)
            duty = _bracket_duty(piece, found, where="表格这一行")
            duty.title = _title(task if named else text)
            duty.event = same_day or duty.event
            if misfit is not None or row.doubts:  # one doubt: the row's, not also its empty cells
                duty.flags = [f for f in duty.flags if not f.startswith("表格这一行中没有")]
                duty.flags += [misfit] if misfit is not None and not row.doubts else []
            duty.flags += row.doubts
            if not dated:  # said once for the table, not on every row
                duty.flags = [f for f in duty.flags if not f.startswith("表格这一行中没有期限")]
            self._add(item_id, section, duty)
        if not dated and undated:
            what = "没有完成时限一栏" if "deadline" not in table.roles else "的完成时限一栏都是空的"
            self.warn(
                None,
                f"任务表（第 {table.rows[0].line} 行起）{what}："
                "其中各项 rule 为 null（无固定期限），请补上期限或确认",
            )

    def _no_deadlines_anywhere(self) -> None:
        """A document whose assignments never give a deadline (北京's brackets name only
        departments): that is how it is written, not a doubt on each item. Said once for
        the plan, and the items keep only their other doubts."""
        assigned = [i for i in self.items if not i.id.startswith("end.") and not _without_assignment(i)]
        flagged = [i for i in assigned if any(map(_NO_DEADLINE.match, i.flags))]
        # the rows of a table without a 完成时限 column are dateless too (said for the table)
        dateless = all(i in flagged or i.rule is None for i in assigned)
        # the duties the page shows: a page stopping inside the last shows only the start
        # of the document, so two are enough there (云南 2022, 嘉定区人社局 2025: cut early)
        shown = len([i for i in self.items if not i.id.startswith("end.")])
        enough = len(assigned) >= _DATELESS_MIN or (shown >= 2 and self.cut_short)
        if not enough or not flagged or not dateless:
            return
        dropped: set[str] = set()
        for index, item in enumerate(self.items):
            kept = tuple(f for f in item.flags if not _NO_DEADLINE.match(f))
            dropped.update(f"{item.id}：{f}" for f in item.flags if f not in kept)
            self.items[index] = dataclasses.replace(item, flags=kept)
        self.warnings = [w for w in self.warnings if w.message not in dropped]
        self.warn(
            None,
            "文中各项的分工都没有写期限：各项 rule 为 null（无固定期限）或取自正文，请补上期限或确认",
        )

    def _cut_at_the_end(self, last: tuple[int, str]) -> None:
        """The page stops inside the last item (贵州 2018, 云南 2022, 自贡 2022: a stored
        page's text cut mid-sentence or mid-bracket): that is its one doubt, said instead of
        a missing bracket or deadline, which the cut text may well hold."""
        lineno, text = last
        squeezed = compact(text)
        # mid-sentence, after more than a heading ("1.强化责任落实。梳理完善未按要求公开")
        more = len(squeezed) > _HEADING_MAX or bool(re.search(r"[。！？!?；;]", squeezed))
        # "…（责任单位:…） 2、优化营商" (红谷滩 2022): the last piece of a line holding the
        # plan run together is short, the line it ends is not
        whole = compact(self.whole.get(lineno, ""))
        more = more or (whole.endswith(squeezed) and bool(re.search(r"[。！？!?；;]", whole)))
        cut = squeezed[-1:] not in _SENTENCE_END and more
        items = [
            i for i, item in enumerate(self.items) if item.line == lineno and not item.id.startswith("end.")
        ]
        said = any(w.line == lineno and w.message.startswith("文本在此中断") for w in self.warnings)
        # a numbered heading with nothing under it ends the page too: the plan goes on
        marker = _marker(text)  # "(三)" alone ends in its bracket: bare too
        bare = marker is not None and (not marker.rest.strip() or squeezed[-1:] not in _SENTENCE_END)
        self.cut_short = (cut or bare) and bool(items)
        # "(三)" alone (黑河 2021): the page stops right after a number, nothing to draft
        alone = bool(items) and bare and not cut and not self.items[items[-1]].text
        if alone and len(self.items) > 1:
            item = self.items.pop(items[-1])
            self.warnings = [w for w in self.warnings if not w.message.startswith(f"{item.id}：")]
            self.warn(lineno, f"文本在此中断：最后一行“{squeezed}”只有编号，未列为事项，请与原文核对")
            return
        if not cut or not items or said:
            return
        index = items[-1]
        item = self.items[index]
        kept = tuple(f for f in item.flags if not f.startswith(_CUT_EXPLAINS))
        dropped = {f"{item.id}：{f}" for f in item.flags if f not in kept}
        flag = "文本在此中断（本段没有结束）：本项的文字、分工和期限可能不全，请与原文核对"
        self.items[index] = dataclasses.replace(item, flags=(*kept, flag))
        self.warnings = [w for w in self.warnings if w.message not in dropped]
        self.warn(lineno, f"{item.id}：{flag}")

    def _add(self, item_id: str, section: str, duty: _Duty) -> None:
        taken = self.ids
        if item_id in taken:  # a number written twice (①…①): both duties kept, told apart
            n = self.repeats.get(item_id, 2)
            while f"{item_id}-{n}" in taken:
                n += 1
            self.repeats[item_id] = n + 1
            duty.flags.append(f"编号“{item_id}”与前面的事项重复：本项编为 {item_id}-{n}，请核对")
            item_id = f"{item_id}-{n}"
        self.standing = duty.standing or self.standing
        if duty.comma_rule:
            self.comma_rule = True
        elif self.comma_rule and not duty.lead and duty.comma_groups:  # "下同": read as the first
            owners = {n for g in duty.comma_groups for n in g}
            duty.owners = [n for n in duty.owners if n not in owners]
            found = _Assignment(owners=duty.owners)
            by_comma(duty.comma_groups, found)
            duty.lead, duty.owners = found.lead, found.owners
        named = [*duty.lead, *duty.owners, *duty.jointly, *duty.supervising]
        if named and self.standing:  # an assignment of its own: the standing owners join it
            duty.owners = [*duty.owners, *(n for n in self.standing if n not in named)]
        unread = None
        if duty.rule is not None and not _plan_readable(duty.rule):
            # kept verbatim; the plan reads the item as having no date until it is fixed
            unread = next((f for f in duty.flags if f.startswith("期限写法“")), None)
            if unread is None:
                unread = _unread_flag(duty.rule)
                duty.flags.append(unread)
        elif duty.rule is not None and duty.event is None and needs_event(duty.rule):
            # "区直各部门要在24小时内作出回应": from what? Without an event the plan is invalid
            unread = (
                f"期限“{duty.rule}”须从某件事起算，文中没有写明：原样保留，暂按无期限处理；"
                "请补上 event 后删去 rule_unread"
            )
            duty.flags.append(unread)
        if duty.rule is not None and (before := _QUARTER_BEFORE.search(compact(duty.rule))):
            duty.flags.append(
                f"期限“{before[0]}”可读作{before[1]}季度末前，也可读作{before[1]}季度开始前："
                f"按{before[1]}季度末计，请核对"
            )
        early = re.search(r"([0-9]{4})年", compact(duty.rule or ""))
        if early and self.year is not None and int(early[1]) < self.year:
            duty.flags.append(f"期限“{duty.rule}”的年份早于计划的年份（{self.year}年）：可能是笔误，请核对")
        odd = [n for n in named if name_doubt(n)]
        if odd:
            duty.flags.append(f"部门“{'、'.join(odd)}”不像部门名称（过长、只有一个字，或写着做什么）：请核对")
        doubt = title_doubt(duty.title)
        if doubt is not None:
            duty.flags.append(f"标题“{duty.title}”可能读错（{doubt}）：请与原文核对")
        for flag in duty.flags:
            self.warn(duty.flag_line or duty.line, f"{item_id}：{flag}")
        self.ids.add(item_id)
        self.items.append(
            DraftItem(
                id=item_id,
                section=section,
                title=duty.title,
                text=duty.text,
                lead=_unique(duty.lead),
                owners=_unique(duty.owners),
                jointly=_unique(duty.jointly),
                supervising=_unique(duty.supervising),
                rule=duty.rule,
                line=duty.line,
                event=duty.event,
                report=duty.report,
                flags=tuple(duty.flags),
                unread=unread,
            )
        )


def extract_plan(text: str, source: str) -> Draft:
    """Draft a plan from a document's text; ``source`` names it in messages. A text in
    traditional characters is drafted from its simplified form, and pinyin annotations a
    mirror added are taken out (mirrors.py), each with a 待核对 saying so."""
    text, pinyin = without_pinyin(text)
    simplified = to_simplified(text)
    extractor = _Extractor(simplified or text)
    if pinyin:
        extractor.warn(None, f"文本中有 {len(pinyin)} 处拼音注音（如“{pinyin[0]}”）：已删去，请与原文核对")
    if simplified is not None:
        extractor.warn(None, "文本是繁体字：已转为简体后起草（条目的文字为简体），请与原文核对")
    return extractor.run(source)
