"""Assignment brackets: "（条法司牵头，各部门按职责分工落实，6月底前完成）" read into lead,
owners and the deadline phrase (kept verbatim), with the doubts a person must decide.
Pure: a bracket's text in, an assignment out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...errors import InputError
from ...phrases.chinese import compact
from ...phrases.reader import parse_rule
from .departments import _BARE_NAME_MIN, _DEPT_END, _is_department, _names, split_outside
from .sentences import _find_phrase

_OPEN, _CLOSE = "（(", "）)"


def _trailing_bracket(text: str) -> tuple[str, str] | None:
    """(text before, bracket content) when ``text`` ends in a bracket (a final 。 allowed)."""
    body = text.rstrip().rstrip("。.；;").rstrip()
    if not body or body[-1] not in _CLOSE:
        return None
    depth = 0
    for i in range(len(body) - 1, -1, -1):
        if body[i] in _CLOSE:
            depth += 1
        elif body[i] in _OPEN:
            depth -= 1
            if depth == 0:
                return body[:i].rstrip(), body[i + 1 : -1].strip()
    return None


_CLAUSE_SPLIT = re.compile(r"[，,；;]")
# Labels: "牵头单位：", "协同科室：", "整改时限：", "时间节点：", "责任领导：" … (a label the
# list did not know left its first words to the value before it: "县政府办公室；整改").
_LABEL_ROLE = "牵头|主办|主责|主要责任|责任|负责|落实|承办|实施|配合|协办|协同|参与|督导|督办|指导"
_LABEL_UNIT = "单位|部门|处室|科室|股室|科局"
_TIME_LABEL = r"(?:完成|整改|办结|落实|推进|截止|截至)?(?:时限|期限|时间节点|时间|节点)(?:要求)?"
_PERSON_LABEL = "(?:责任|牵头|分管|包保)?领导|责任人|联系人"  # a person: no department
_LABEL_NAMES = rf"(?:{_LABEL_ROLE})(?:{_LABEL_UNIT})|{_TIME_LABEL}|{_PERSON_LABEL}|牵头"
# A label anywhere in a bracket: "牵头单位：财政局 责任单位：各部门" has no separator between.
_LABEL_ANY = re.compile(rf"({_LABEL_NAMES})\s*[：:]\s*")


def _label_kind(label: str) -> str:
    """What a label's value is: "deadline", "person", "lead", "jointly", "supervising"
    or "owners"."""
    if re.search("时限|期限|时间|节点", label):
        return "deadline"
    if re.search("领导|责任人|联系人", label):
        return "person"
    for kind, starts in (
        ("lead", ("牵头", "主办")),
        ("jointly", ("配合", "协办", "协同", "参与")),
        ("supervising", ("督导", "督办", "指导")),
    ):
        if label.startswith(starts):
            return kind
    return "owners"


# Longest first at any one place.
_ROLES = (
    "统筹协调",
    "统筹推进",
    "统筹",  # "市政府办公室统筹，各单位具体负责": the lead
    "具体负责",
    "具体落实",
    "共同负责",
    "共同落实",
    "主责(?![部单科处])",
    "协同配合",
    "协助配合",
    "积极配合",
    "按照?职[责能]分工分别落实",
    "按照?职[责能]分工分别负责",
    "按照?职[责能]分工负责",
    "按照?职[责能]分工落实",  # 「各有关单位按职能分工落实」 (横栏镇 2022)
    "按照?职[责能]分别落实",
    "按照?职[责能]落实",
    "按照?职[责能]负责",
    "依职责推进",
    "依职责落实",
    "分别牵头落实",
    "分别牵头",
    "分别落实",
    "分别负责",
    "牵头落实",
    "牵头负责",
    "负责落实",
    "参照落实",
    "参照执行",
    "督促落实",
    "督促检查",
    "督促",
    "督办",
    "指导",
    "牵头",
    "主办(?![科处室单部])",  # not in a name: 局主办科室
    "负责",
    "落实",
    "配合落实",
    "配合",
    "协同",
    "协办",
    "会办",
    "参与",
    "协助",
    "推进",
)
_LEAD_ROLES = (
    *("分别牵头落实", "分别牵头", "牵头落实", "牵头负责", "牵头", "主办"),  # 主办 … 协办: lead
    *("统筹协调", "统筹推进", "统筹"),
)
_JOINT_ROLES = (
    *("配合落实", "配合", "协同", "协办", "会办", "参与", "协助"),  # jointly
    *("协同配合", "协助配合", "积极配合"),
)
_SUPERVISE_ROLES = ("督促落实", "督促检查", "督促", "督办", "指导")  # supervising
# "宣传处会办公室", "市发改委会同市财政局": the first leads, the second works jointly.
# A plain 会 after 委 is a name (管委会, 村委会), and 会 needs a name after it.
_NOT_BEFORE_HUI = _DEPT_END.replace("委", "").replace("会", "")
_TOGETHER = re.compile(
    rf"(?<=[{_DEPT_END}])会同(?=\w{{2}})|(?<=[{_NOT_BEFORE_HUI}])会(?![同议商签审展员计])(?=\w{{2}})"
)
# What may follow a role without being a note: "负责落实", "牵头推进实施".
_ROLE_WORDS_ONLY = re.compile(r"^(?:落实|推进|实施|完成|办理|工作|执行|分别|具体|抓好)*$")
# A name written with 等 after it: "基层处等", "市住建局等政府各有关部门".
_ETC = re.compile(rf"[^、，,；;：:（()）]{{0,30}}?[{_DEPT_END}]等")
_ROLE = re.compile("|".join(_ROLES))
# A name ends like a department; 及 / 和 / 与 after such an ending separates two names


@dataclass
class _Assignment:
    lead: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    jointly: list[str] = field(default_factory=list)  # 会同, 配合, 协同 …
    supervising: list[str] = field(default_factory=list)  # 督促, 指导
    rule: str | None = None
    notes: list[str] = field(default_factory=list)  # words beside a role ("负责新录入人员培训工作")
    doubts: list[str] = field(default_factory=list)  # what a person must decide
    bare: bool = False  # only department names: "（保护协调处）"
    standing: list[str] = field(default_factory=list)  # "以下均需各县市区落实": every later duty's too
    # "逗号前为牵头单位，…下同": the bracket's rule for reading every later one
    comma_rule: bool = False
    comma_groups: list[list[str]] = field(default_factory=list)  # owners, by comma

    @property
    def names(self) -> list[str]:
        """Every department named, whatever its role."""
        return [*self.lead, *self.owners, *self.jointly, *self.supervising]

    @property
    def confident(self) -> bool:
        """Reads as an assignment wherever it stands: a deadline or department names."""
        names = self.names
        return not self.bare and (self.rule is not None or (bool(names) and all(map(_is_department, names))))


def _readable(phrase: str) -> bool:
    try:
        parse_rule(phrase)
    except InputError:
        return False
    return True


def _plan_readable(phrase: str) -> bool:
    """A plan accepts the phrase as a rule: the reader reads it, or it is a clause with
    one period (行政机关应当自…之日起二十日内作出决定), as plan/validation.py reads rules."""
    if _readable(phrase):
        return True
    from ...phrases.clause import read_clause

    try:
        return len(read_clause(phrase).parts) == 1
    except InputError:
        return False


def needs_event(phrase: str) -> bool:
    """The plan reads ``phrase`` only with an ``event:`` ("24小时内", "收到申请之日起15个工作日
    内"): a draft without one would not be a valid plan (plan/validation.py)."""
    from ...phrases.vocabulary import ISSUE_ANCHORS

    try:
        rule = parse_rule(phrase)
    except InputError:
        return False
    anchor = rule.anchor or ""
    issue = any(anchor.startswith(w) for w in ISSUE_ANCHORS)
    return rule.kind == "hours" or (bool(anchor) and not issue)


def _role_match(segment: str) -> re.Match[str] | None:
    """The role word of a segment: the first one right after a department's name, so that
    a name containing 牵头 or 负责 (政策牵头起草部门负责) is read whole."""
    matches = list(_ROLE.finditer(segment))
    for match in matches:
        if match.start() > 0 and segment[match.start() - 1] in _DEPT_END:
            return match
    return matches[0] if matches else None


def _read_roles(clause: str, out: _Assignment) -> bool:
    """Departments and their roles in one clause; False when it names no role."""
    together = _TOGETHER.search(clause)
    if together is not None and "、" in clause[together.end() :]:
        # "由县政府办公室会同县财政局、县审计局负责": every name after 会同 is a partner
        return _read_segment(clause, [], out)
    pending: list[str] = []
    found = False
    for segment in split_outside("、", clause):
        found = _read_segment(segment, pending, out) or found
    if pending and found:  # names after the last role: they share it
        out.owners.extend(n for w in pending for n in _names(w))
    return found


def _read_segment(segment: str, pending: list[str], out: _Assignment) -> bool:
    """One segment of a clause (between 、); names without a role wait in ``pending``
    for the next one ("A、B负责")."""
    together = _TOGETHER.search(segment)
    if together is not None:  # "宣传处会办公室": lead, and jointly
        out.lead.extend(n for w in [*pending, segment[: together.start()]] for n in _names(w))
        pending.clear()
        rest, partners = segment[together.end() :], _Assignment()
        if _read_roles(rest, partners):
            out.jointly.extend([*partners.lead, *partners.owners, *partners.jointly])
            out.supervising.extend(partners.supervising)
            out.notes.extend(partners.notes)
        else:
            out.jointly.extend(_names(rest))
        return True
    match = _role_match(segment)
    if match is None:
        pending.append(segment)
        return False
    names = [n for w in [*pending, segment[: match.start()]] for n in _names(w)]
    pending.clear()
    role = match.group()
    if role in _SUPERVISE_ROLES:
        out.supervising.extend(names)
    elif role in _JOINT_ROLES:
        out.jointly.extend(names)
    else:
        (out.lead if role in _LEAD_ROLES else out.owners).extend(names)
    extra = compact(segment[match.end() :])
    if extra and _names_a_role(extra):
        _read_roles(extra, out)  # "县司法局牵头各行政机关负责": no comma between
    elif extra and names and not _ROLE_WORDS_ONLY.match(extra):
        out.notes.append(f"{'、'.join(names)}{role}“{extra}”")
    return True


def _role_clause(clause: str) -> bool:
    """A clause giving a role: departments (or nobody: "按职责推进") before a role word;
    "尽快推进到位" is not ("尽快" is no department), it is an unreadable deadline."""
    match = _role_match(clause)
    if match is None:
        return False
    names = _names(clause[: match.start()])
    return not names or all(_is_department(n) for n in names)


def role_clauses(text: str) -> _Assignment | None:
    """The departments a paragraph names in clauses of only names and a role, as a
    bracket would ("…，县司法局牵头，各单位配合，年底前完成。"); None when it has none."""
    out = _Assignment()
    for sentence in re.split(r"[。！？!?]", text):
        for clause in _CLAUSE_SPLIT.split(compact(sentence)):
            match = _role_match(clause)
            if match is None or not _role_clause(clause) or not _has_department_role(clause):
                continue
            if _ROLE_WORDS_ONLY.match(clause[match.end() :]):
                _read_roles(clause, out)
    return out if out.names else None


def _names_a_role(text: str) -> bool:
    """Departments and a role follow: "各行政机关负责" after "县司法局牵头"."""
    match = _role_match(text)
    names = _names(text[: match.start()]) if match is not None else []
    return bool(names) and all(_is_department(n) for n in names)


def _has_department_role(clause: str) -> bool:
    match = _role_match(clause)
    return match is not None and match.start() > 0 and clause[match.start() - 1] in _DEPT_END


def _is_deadline_clause(clause: str) -> bool:
    """A clause of a bracket that sets a deadline: one the phrase reader reads, or one with
    a date in it ("6月底前启动"), unless it names a department and its role."""
    if _has_department_role(clause) or not re.search(r"[^\W\d]", clause):
        return False  # "(1)" numbers a sub-duty
    return _readable(clause) or _find_phrase(clause, "") is not None


# "以下均需各县市区落实，不再逐一列出": departments named once for this duty and every later
# one; the words saying so are not names.
_STANDING = re.compile(
    r"^(?:以下|下同|此后|后同)(?:各项|各条|任务|工作)?(?:均|都|皆)?(?:需|须|由|要)?(?P<who>.*?)(?:落实|负责|执行|承担)?$"
)
_NOT_LISTED = re.compile(r"^(?:不再|不)(?:逐一|一一|逐项|重复)列(?:出|明)$")


def _without_standing(value: str, out: _Assignment) -> str:
    """``value`` less the clauses saying who does every later duty (kept in ``standing``)."""
    kept: list[str] = []
    for clause in re.split(r"[，,；;]", value):
        squeezed = compact(clause)
        standing = _STANDING.match(squeezed)
        if standing is not None and squeezed[:2] in ("以下", "此后"):
            out.standing.extend(_names(standing.group("who")))
        elif not _NOT_LISTED.match(squeezed) and squeezed not in ("下同", "后同"):
            kept.append(clause)
    return "，".join(kept)


# A bracket's rule for reading its names: "逗号前为牵头单位，多个牵头单位的按职责分别牵头，下同"
# (自贡 2022): the names before the comma lead, those after it are responsible. Its words
# are not names; with 下同 it holds for every later bracket too.
_COMMA_RULE = re.compile(
    r"[。；;，,]?\s*(?:逗号|分号)前(?:的|为|是)?(?:单位|部门)?(?:为|是)?牵头(?:单位|部门).*$"
)


def by_comma(groups: list[list[str]], out: _Assignment) -> None:
    """Lead and owners by the comma rule: the names before the first comma lead."""
    if not groups:
        return
    out.lead = [*out.lead, *groups[0]]
    rest = [n for group in groups[1:] for n in group]
    out.owners = [n for n in out.owners if n not in groups[0]]
    out.owners = [*out.owners, *(n for n in rest if n not in out.owners)]


def _without_deadline(value: str, out: _Assignment) -> str:
    """A labelled list of names less a clause after them that sets a deadline, taken as
    the bracket's rule ("责任单位:各科室,6月底前完成": 6月底前完成 is no office)."""
    clauses = re.split(r"[，,；;]", value)
    if len(clauses) < 2 or not _is_deadline_clause(clauses[-1]):
        return value
    phrase = compact(clauses[-1])
    if out.rule is not None:
        out.doubts.append(f"括号中有两个期限“{out.rule}”和“{phrase}”：已取后者，请核对")
    out.rule = phrase
    return "，".join(clauses[:-1])


def _labelled(content: str, labels: list[re.Match[str]]) -> _Assignment:
    """ "牵头部门：办公室；配合部门：…；完成时限：…" (labels with or without separators)."""
    out = _Assignment()
    own_rule = False
    for index, match in enumerate(labels):
        stop = labels[index + 1].start() if index + 1 < len(labels) else len(content)
        value = content[match.end() : stop].strip(" \t，,；;。")
        kind = _label_kind(match.group(1))
        if kind == "deadline":
            phrase = compact(value)
            if phrase and out.rule is not None:
                out.doubts.append(f"括号中有两个期限“{out.rule}”和“{phrase}”：已取后者，请核对")
            out.rule = phrase or out.rule
        elif kind != "person":  # 责任领导：张三 names a person, not a department
            if (rule := _COMMA_RULE.search(value)) is not None:
                own_rule, value = True, value[: rule.start()]
                out.comma_rule = bool(re.search("下同|后同|以下", rule.group()))
            value = _without_standing(value, out)
            value = _without_deadline(value, out)
            names = [n for part in value.split() for n in _names(part)]
            if kind == "owners":
                out.comma_groups = [
                    g
                    for part in re.split(r"[，,]", value)
                    if (g := [n for w in part.split() for n in _names(w)])
                ]
            {"lead": out.lead, "jointly": out.jointly, "supervising": out.supervising}.get(
                kind, out.owners
            ).extend(names)
    if own_rule:
        owners, out.owners = out.owners, []
        out.owners = [n for n in owners if not any(n in g for g in out.comma_groups)]
        by_comma(out.comma_groups, out)
    return out


# "（县政府办公室 县财政局）": a space between a name's end and the next name's level (县,
# 市 …) separates two names, which squeezing the spaces out would run together; a space
# inside one name ("县政府 办公室", a PDF's line break) is left alone.
_SPACE_BETWEEN_NAMES = re.compile(rf"(?<=[{_DEPT_END}])[ \t\u3000]+(?=[省市县区镇乡街各])")


def _assignment(content: str) -> _Assignment | None:
    """Read an assignment bracket; None when the bracket is something else (a citation,
    a word in a sentence). A name written with 等 after it is kept without it, flagged."""
    content = _SPACE_BETWEEN_NAMES.sub("、", content)
    found = _read_assignment(content)
    if found is not None and found.names and (etc := _ETC.search(compact(content))):
        found.doubts.append(f"“{etc.group()}”：已去掉“等”，可能还有未列出的部门，请核对")
    return found


_DEPARTMENT_LABEL = re.compile(rf"(?:{_LABEL_ROLE})(?:{_LABEL_UNIT})\s*[：:]")


def _inline_labels(text: str) -> _Assignment | None:
    """The labelled departments a paragraph ends with, outside any bracket."""
    found = _DEPARTMENT_LABEL.search(text)
    if found is None:
        return None
    tail = text[found.start() :].rstrip("。；; ")
    read = _labelled(tail, list(_LABEL_ANY.finditer(tail)))
    return read if read.names else None


def _read_assignment(content: str) -> _Assignment | None:
    labels = list(_LABEL_ANY.finditer(content))
    if labels:
        return _labelled(content, labels)
    clauses = [compact(c) for c in _CLAUSE_SPLIT.split(content) if c.strip()]
    if not clauses:
        return None
    out = _Assignment()
    deadlines = [i for i, c in enumerate(clauses) if _is_deadline_clause(c)]
    if deadlines:
        phrases = [clauses[i] for i in deadlines]
        out.rule = phrases[-1]
        if len(phrases) > 1:
            shown = "”和“".join(phrases)
            out.doubts.append(f"括号中有{len(phrases)}个期限“{shown}”：已取“{out.rule}”，请核对")
        clauses = [c for i, c in enumerate(clauses) if i not in deadlines]
    elif len(clauses) > 1 and not _role_clause(clauses[-1]) and not _is_department(clauses[-1]):
        out.rule = clauses[-1]  # unreadable: kept verbatim and flagged
        clauses = clauses[:-1]
    roles = False
    bare: list[str] = []
    for clause in clauses:
        if _read_roles(clause, out):
            roles = True
        else:
            bare.append(clause)
    bare_names = [n for clause in bare for n in _names(clause)]
    if not roles and out.rule is None:
        # "（保护协调处）", "（市规划国土委、市住房城乡建设委）": departments only
        if not bare_names or not all(_is_department(n) and len(n) >= _BARE_NAME_MIN for n in bare_names):
            return None
        out.bare = True
    out.owners.extend(bare_names)  # "(三期办，适时进行)": a department without a verb
    return out


_AFTER_BRACKET = "。；;.！!？?"


def _assignment_brackets(text: str) -> list[tuple[int, int, _Assignment]]:
    """(start, end, assignment) of each outermost bracket in ``text`` that assigns a duty:
    one that reads as an assignment and ends a sentence or clause (a bracket followed by
    more words, "各区政府（管委会）要…", is part of the sentence)."""
    found: list[tuple[int, int, _Assignment]] = []
    depth, start = 0, 0
    for i, char in enumerate(text):
        if char in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif char in _CLOSE and depth > 0:
            depth -= 1
            if depth:
                continue
            after = text[i + 1 :].lstrip()
            assignment = _assignment(text[start + 1 : i])
            if assignment is None:
                continue
            before = text[:start].rstrip()
            ends = not after or after[0] in _AFTER_BRACKET or after[0] in _OPEN
            if ends or assignment.confident or (before and before[-1] in _AFTER_BRACKET):
                found.append((start, i + 1, assignment))
    return found


def _is_open(rule: str) -> bool:
    try:
        return parse_rule(rule).kind == "open"
    except InputError:
        return False
