"""Plan files: the bundled 2016 plan, loading, and validation with file:line messages."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.phrases.chinese import normalise
from gongkai_cli.plan.obligations import expand, occurrence_key
from gongkai_cli.plan.plan_file import (
    MAX_BYTES,
    Plan,
    PlanError,
    bundled_plan,
    load_plan,
    parse_plan,
    read_plan,
)
from tests.conftest import Run

MINIMAL = """\
format: 1
plan:
  title: 测试要点
  issuer: 测试办公室
  issued: 2016-05-18
  year: 2016
reports:
  - id: report
    title: 书面报送落实情况
    rule: 期限届满后10个工作日内
items:
  - id: "1"
    section: 一、测试
    title: 六月底的事
    text: 做一件事。（办公室牵头落实，6月底前完成）
    lead: [办公室]
    owners: []
    rule: 6月底前完成
  - id: "2"
    section: 一、测试
    title: 按月的事
    text: 按月做的事。
    lead: []
    owners: [条法司]
    rule: 按月公开
"""


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def plan2016() -> Plan:
    return load_plan(bundled_plan())


# -- the bundled plan ------------------------------------------------------------------


def test_bundled_plan_facts(plan2016: Plan) -> None:
    assert plan2016.title == "2016年政务公开工作要点"
    assert plan2016.issuer == "国家知识产权局办公室"
    assert plan2016.issued == date(2016, 5, 18)
    assert plan2016.year == 2016
    assert [s.id for s in plan2016.reports] == ["report"]


def test_bundled_plan_ids_in_document_order(plan2016: Plan) -> None:
    ids = [i.id for i in plan2016.items]
    assert ids == [
        "1.1a", "1.1b", "1.2a", "1.2b", "1.3", "1.4",
        "2.1", "2.2a", "2.2b",
        "3.1", "3.2a", "3.2b", "3.3a", "3.3b", "3.3c", "3.3d",
        "4.1a", "4.1b", "4.1c", "4.2a", "4.2b", "4.3a", "4.3b",
        "5.1.1", "5.1.2", "5.1.3", "5.1.4a", "5.1.4b", "5.1.5",
        "5.2.1", "5.2.2", "5.2.3", "5.2.4",
        "5.3.1", "5.3.2", "5.3.3",
        "end.1", "end.2", "end.3", "end.4", "end.5", "end.6",
    ]  # fmt: skip


def test_bundled_rules_are_quoted_from_the_text(plan2016: Plan) -> None:
    """Every phrase is the paragraph's own words (4.3a takes its unit's closing bracket)."""
    for item in plan2016.items:
        if item.rule_text is None or item.id == "4.3a":
            continue
        assert normalise(item.rule_text) in normalise(item.text), item.id


SEED = Path(__file__).parent / "fixtures" / "2016-work-points.txt"  # the published text


def test_bundled_texts_are_verbatim() -> None:
    source = normalise(SEED.read_text(encoding="utf-8"))
    for item in load_plan(bundled_plan()).items:
        assert normalise(item.text) in source, item.id


@pytest.mark.parametrize(
    ("item_id", "lead", "owners"),
    [
        # (条法司、审查业务管理部、初审及流程管理部、专利复审委员会按职责分工分别落实，…)
        ("1.1a", (), ("条法司", "审查业务管理部", "初审及流程管理部", "专利复审委员会")),
        ("1.3", ("专利管理司",), ()),  # (专利管理司牵头落实，按月公开)
        ("3.1", ("办公室",), ("信息产生部门",)),  # (办公室牵头落实，信息产生部门按职责分工负责；…)
        ("5.3.2", ("办公室",), ("人事司", "人事教育部")),  # (办公室牵头落实、人事司和人事教育部负责…)
        ("3.3c", (), ("国际合作司", "专利局办公室", "办公室", "规划发展司")),  # …依职责推进
        ("2.2a", (), ("三期办",)),  # (三期办，适时进行)
    ],
)
def test_bundled_departments(
    plan2016: Plan, item_id: str, lead: tuple[str, ...], owners: tuple[str, ...]
) -> None:
    item = plan2016.item(item_id)
    assert (item.lead, item.owners) == (lead, owners)


def test_bundled_obligation_counts(plan2016: Plan, cal: WorkCalendar) -> None:
    obligations = expand(plan2016, cal)
    kinds = [ob.kind for ob in obligations]
    assert len(plan2016.items) == 42
    assert (kinds.count("deadline"), kinds.count("report"), kinds.count("recurring")) == (12, 8, 24)
    assert (kinds.count("event"), kinds.count("open"), len(obligations)) == (2, 25, 71)


@pytest.mark.parametrize(
    ("oid", "deadline", "rest_day"),
    [
        ("1.1a", date(2016, 6, 30), False),
        ("1.1a/report", date(2016, 7, 14), False),  # 10 working days after 2016-06-30
        ("1.2a/report", date(2016, 11, 14), False),
        ("1.3@2016-05", date(2016, 5, 31), False),  # first month: the issue date's month
        ("1.3@2016-12", date(2016, 12, 30), False),  # last working day of December
        ("1.4", date(2016, 12, 31), True),  # 12月底前: a Saturday, not moved
        ("1.4/report", date(2017, 1, 16), False),  # 元旦 2017-01-01..02 skipped
        ("5.1.4b@2016-06", date(2016, 6, 30), False),  # 按月汇总后报送
        ("end.1", date(2016, 5, 25), False),  # 印发之日起 5 个工作日内
        ("end.3", date(2016, 12, 31), True),  # 年内
        ("end.4", date(2016, 12, 31), True),  # 年底前
        ("end.5", date(2017, 1, 15), True),  # 于 2017 年 1 月 15 日前: a Sunday
    ],
)
def test_bundled_deadlines(
    plan2016: Plan, cal: WorkCalendar, oid: str, deadline: date, rest_day: bool
) -> None:
    ob = {o.id: o for o in expand(plan2016, cal)}[oid]
    assert (ob.deadline, ob.rest_day) == (deadline, rest_day)
    assert not ob.provisional
    if rest_day:
        assert any("休息日" in w for w in ob.warnings)


def test_closing_duties_have_no_derived_report(plan2016: Plan, cal: WorkCalendar) -> None:
    ids = {o.id for o in expand(plan2016, cal)}
    assert not any(i.startswith("end.") and "/" in i for i in ids)
    dated = [i.id for i in plan2016.items if i.dated and not i.id.startswith("end.")]
    assert {f"{i}/report" for i in dated} <= ids and len(dated) == 8


def test_events_from_the_plan_and_the_command_line(plan2016: Plan, cal: WorkCalendar) -> None:
    plan = plan2016.with_events(
        {"文件公开": (date(2016, 9, 30),), "重大突发事件": (datetime(2016, 7, 1, 14, 30),)}
    )
    obs = {o.id: o for o in expand(plan, cal)}
    assert obs["4.1a@2016-09-30"].deadline == date(2016, 10, 10)  # 国庆节, then two 调休 days
    assert obs["4.2b@2016-07-01T14:30"].deadline == datetime(2016, 7, 2, 14, 30)
    assert "4.1a" not in obs  # the placeholder goes once an event is recorded


def test_unknown_event_name_is_refused(plan2016: Plan) -> None:
    with pytest.raises(Exception, match="文件发布"):
        plan2016.with_events({"文件发布": (date(2016, 9, 30),)})


# -- loading ---------------------------------------------------------------------------


def test_minimal_plan_loads(tmp_path: Path) -> None:
    plan = load_plan(write(tmp_path, MINIMAL))
    assert [i.id for i in plan.items] == ["1", "2"]
    assert plan.items[0].report and not plan.items[1].report


def test_byte_order_mark_is_accepted() -> None:
    plan, problems = parse_plan(b"\xef\xbb\xbf" + MINIMAL.encode(), "bom.yaml")
    assert plan is not None and problems == []


def test_done_marks(tmp_path: Path, cal: WorkCalendar) -> None:
    text = MINIMAL.replace(
        "rule: 6月底前完成", "rule: 6月底前完成\n    done: 2016-06-28\n    reported: 2016-07-12"
    )
    text = text.replace("rule: 按月公开", "rule: 按月公开\n    done: {2016-06: 2016-06-29}")
    obs = {o.id: o for o in expand(load_plan(write(tmp_path, text)), cal)}
    assert obs["1"].done == date(2016, 6, 28)
    assert obs["1/report"].done == date(2016, 7, 12)
    assert obs["2@2016-06"].done == date(2016, 6, 29)
    assert obs["2@2016-07"].done is None


@given(st.dates(date(1000, 1, 1), date(9999, 12, 31)))
def test_a_month_is_named_as_strftime_names_it(day: date) -> None:
    """occurrence_key formats the month itself (strftime took a tenth of expanding a plan
    of thousands of monthly items): 2016-06, as %Y-%m, for every four-digit year."""
    assert occurrence_key("month", day) == f"{day:%Y-%m}"
    assert occurrence_key("quarter", day) == f"{day:%Y}-Q{(day.month + 2) // 3}"


BAD = [
    # (what is wrong, the replacement made in MINIMAL, line, words in the message)
    ("unreadable phrase", ("rule: 6月底前完成", "rule: 下个月某天"), 18, "无法识别的期限“下个月某天”"),
    ("duplicate id", ('id: "2"', 'id: "1"'), 19, "条目编号“1”重复（第 12 行已有）"),
    ("impossible issue date", ("issued: 2016-05-18", "issued: 2016-02-30"), 5, "2016 年 2 月没有 30 日"),
    ("impossible date in a phrase", ("rule: 6月底前完成", "rule: 2月30日前"), 18, "2月30日 不存在"),
    ("impossible done date", ("rule: 6月底前完成", "rule: 6月底前完成\n    done: 2016-13-01"), 19, "不存在"),
    ("unknown key", ("    lead: [办公室]", "    lead: [办公室]\n    colour: red"), 17, "未知的键“colour”"),
    ("missing key", ("    rule: 6月底前完成\n", ""), 12, "条目 1 缺少必需的键“rule”"),
    ("unknown top-level key", ("format: 1", "format: 1\nversion: 2"), 2, "未知的键“version”"),
    ("wrong format version", ("format: 1", "format: 2"), 1, "不支持的格式版本"),
    ("duplicate YAML key", ("    title: 六月底的事", "    title: 六月底的事\n    title: 又一个"), 15, "重复"),
    ("numeric id", ('id: "1"', "id: 1.10"), 12, "应加引号"),
    ("departments not a list", ("lead: [办公室]", "lead: 办公室"), 16, "部门名称的列表"),
    ("a blank department", ("lead: [办公室]", 'lead: [办公室, " "]'), 16, "部门名称的列表"),
    ("a department not a text", ("owners: [条法司]", "owners: [条法司, 3]"), 24, "部门名称的列表"),
    ("report on a monthly item", ("rule: 按月公开", "rule: 按月公开\n    report: true"), 26, "不能派生报告"),
    ("report not true or false", ("rule: 按月公开", "rule: 按月公开\n    report: 是"), 26, "true 或 false"),
    (
        "reported on an item without a report",
        ("rule: 按月公开", "rule: 按月公开\n    reported: 2016-07-01"),
        26,
        "该条目没有派生报告",
    ),
    (
        "done as one date on a monthly item",
        ("rule: 按月公开", "rule: 按月公开\n    done: 2016-07-01"),
        26,
        "不能整条标记完成",
    ),
    (
        "event on a dated rule",
        ("rule: 6月底前完成", "rule: 6月底前完成\n    event: 文件公开"),
        19,
        "不是从事件起算",
    ),
    ("event anchor without event", ("rule: 6月底前完成", "rule: 文件公开后3个工作日内"), 18, "event:"),
    ("report rule not a period", ("rule: 期限届满后10个工作日内", "rule: 6月底前"), 10, "从期限届满起算"),
    (
        "month outside the plan",
        ("rule: 按月公开", "rule: 按月公开\n    done: {2016-03: 2016-03-30}"),
        26,
        "没有 2016-03",
    ),
    ("year not a number", ("year: 2016", "year: 二〇一六"), 6, "year 应为年份数字"),
    ("YAML syntax", ("    lead: [办公室]", "    lead: [办公室"), 17, "YAML 语法错误"),
]


@pytest.mark.parametrize(("what", "change", "line", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_plans_fail_check_with_file_and_line(
    tmp_path: Path, gongkai: Run, what: str, change: tuple[str, str], line: int, words: str
) -> None:
    assert change[0] in MINIMAL
    path = write(tmp_path, MINIMAL.replace(change[0], change[1], 1))
    result = gongkai("check", str(path))
    assert result.exit_code == 3, result.output
    problems = [ln for ln in result.stderr.splitlines() if ln.startswith(f"{path}:")]
    assert any(ln.startswith(f"{path}:{line}: ") and words in ln for ln in problems), result.stderr
    assert "Traceback" not in result.output
    # the other commands refuse the plan too, naming the first problem
    due = gongkai("due", "--tasks", str(path), "--today", "2016-06-27")
    assert due.exit_code == 3 and re.search(rf"{re.escape(str(path))}:\d+: ", due.stderr)


def test_check_reports_every_problem_together(tmp_path: Path, gongkai: Run) -> None:
    text = (
        MINIMAL.replace("issued: 2016-05-18", "issued: 2016-02-30")
        .replace("rule: 6月底前完成", "rule: 下个月某天")
        .replace('id: "2"', 'id: "1"')
    )
    path = write(tmp_path, text)
    result = gongkai("check", str(path))
    assert result.exit_code == 3
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(str(path))]
    assert [ln.split(":")[1] for ln in lines][:3] == ["5", "18", "19"]
    assert "共 3 处问题" in result.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "文件是空的"),
        (b"\xff\xfeformat: 1\n", "不是 UTF-8"),
        (b"- just\n- a list\n", "应为键值表"),
        (b"a" * (MAX_BYTES + 1), "MiB"),
    ],
)
def test_unusable_files(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(content)
    plan, problems = read_plan(path)
    assert plan is None and words in problems[0].message
    with pytest.raises(PlanError):
        load_plan(path)


def test_missing_file(tmp_path: Path, gongkai: Run) -> None:
    result = gongkai("tasks", "--tasks", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 3 and "找不到计划文件" in result.stderr


def test_check_bundled_plan_summary(gongkai: Run) -> None:
    result = gongkai("check")
    assert result.exit_code == 0, result.output
    assert "计划有效" in result.output
    assert "条目 42 项，义务 71 项" in result.output
    assert "5.2.4：期限 2016-04-30 早于起算日 2016-05-18" in result.output


def test_tasks_env_variable_chooses_the_plan(tmp_path: Path, gongkai: Run) -> None:
    path = write(tmp_path, MINIMAL)
    result = gongkai("tasks", "--format", "json", env={"GONGKAI_TASKS": str(path)})
    assert result.exit_code == 0, result.output
    assert '"title": "测试要点"' in result.output
    assert gongkai("check", env={"GONGKAI_TASKS": str(path)}).exit_code == 0


@pytest.mark.parametrize("key", ["year"])
def test_a_missing_header_key_is_said_once(tmp_path: Path, gongkai: Run, key: str) -> None:
    # A draft without an issue date or year used to get a second, misleading line:
    # 无法识别的日期“None” (issue 13, item 7).
    text = "\n".join(ln for ln in MINIMAL.splitlines() if not ln.strip().startswith(f"{key}:")) + "\n"
    path = write(tmp_path, text)
    result = gongkai("check", str(path))
    assert result.exit_code == 3
    problems = [ln for ln in result.stderr.splitlines() if ln.startswith(f"{path}:")]
    assert len(problems) == 1 and f"缺少必需的键“{key}”" in problems[0], result.stderr
    assert "None" not in result.stderr
