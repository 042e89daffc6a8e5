"""The bad-input matrix: malformed input at every entry point, one row each.

Every row runs the real CLI and checks the documented exit status, a short one-line
message on stderr naming the problem (``file:line`` where there is a file, the line
checked), no traceback, and that no file was created or changed: where the command writes
one, the row gives an existing ``-o`` target (with ``--force``, so that only the bad input
can stop the write) and compares its bytes and modification time; every row also compares
the whole folder before and after.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Run

ROOT = Path(__file__).resolve().parent.parent
PLAN = (ROOT / "src" / "gongkai_cli" / "data" / "tasks-2016.yaml").read_text(encoding="utf-8")
NOTICE = (FIXTURES / "notices" / "2016.txt").read_text(encoding="utf-8")
CALENDAR = """\
year: 2027
source:
  title: 国务院办公厅关于2027年部分节假日安排的通知
holidays:
  - {date: 2027-01-01, name: 元旦}
workdays:
  - {date: 2027-02-06, name: 春节}
"""
OLD = b"the old output, which must survive\n"
OLD_MTIME = 1_000_000_000  # 2001-09-09: any write would move it
MARKER = "marker-must-not-exist"


def _lines(text: str, fragment: str) -> int:
    """The 1-based line of ``text`` where ``fragment`` first appears."""
    return text[: text.index(fragment)].count("\n") + 1


def _bomb() -> str:
    """Billion laughs: nine levels of nine aliases, 9**9 strings if expanded."""
    rows = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(rows) + "\n"


def _gbk_line(text: str) -> int:
    raw = text.encode("gbk")
    return raw[: next(i for i, b in enumerate(raw) if b >= 0x80)].count(b"\n") + 1


PLAN_TABS = PLAN.replace("    title: 行政审批保留事项公开", "\ttitle: 行政审批保留事项公开", 1)
PLAN_DUP = PLAN.replace('id: "1.1b"', 'id: "1.1a"', 1)
PLAN_UNKNOWN = PLAN.replace("    rule: 6月底前完成\n", "    rule: 6月底前完成\n    colour: red\n", 1)
PLAN_MISSING = PLAN.replace("    title: 行政审批事项信息公开\n", "", 1)
PLAN_RULE = PLAN.replace("rule: 6月底前完成", "rule: 3个工作周内", 1)
PLAN_ISSUED = PLAN.replace("issued: 2016-05-18", "issued: 2016-02-30", 1)
NOTICE_2015 = (FIXTURES / "notices" / "2015.txt").read_text(encoding="utf-8")
NOTICE_TWO = NOTICE + "\n" + NOTICE_2015  # two notices pasted into one file (issue 16)
NOTICE_TWO_BODIES = NOTICE + "\n" + NOTICE_2015.split("\n", 2)[2]  # the second without its title
NOTICE_TWO_NAMES = NOTICE.replace("三、清明节：4月4日放假", "三、清明节：5月1日放假")
NOTICE_ESCAPE = NOTICE.replace("一、元旦", "一、元旦\x1b]0;owned\x07")
PLAN_ESCAPE = PLAN.replace("title: 行政审批事项信息公开", 'title: "行政审批\\e]0;owned\\a事项信息公开"', 1)
PLAN_TIMESTAMP = PLAN.replace("issued: 2016-05-18", "issued: !!timestamp 2016-02-30", 1)
NOTICE_WEEKDAY = NOTICE.replace("2月6日（星期六）", "2月6日（星期五）")
NOTICE_COUNT = NOTICE.replace("共7天。2月6日", "共8天。2月6日")
NOTICE_BAD_NUMBER = NOTICE.replace("共7天。2月6日", "共十十天。2月6日")


@dataclass(frozen=True)
class Case:
    """One malformed input. ``args`` may name files of ``files`` as {name}; ``{tmp}`` is
    the test's folder. ``line`` is the line that ``file`` (a name in ``files``, or the
    string shown, e.g. <stdin>) must be reported at. Each output file the command is
    told to write ({out.ics}, {out.yaml}) exists beforehand and must be left as it was."""

    args: tuple[str, ...]
    code: int
    message: str | None  # a fragment of the one-line message; None: accepted
    files: dict[str, str | bytes] = field(default_factory=dict)
    file: str | None = None
    line: int | None = None
    input: str | bytes | None = None
    env: dict[str, str] = field(default_factory=dict)


def deadline(rule: str, *more: str) -> tuple[str, ...]:
    return ("deadline", "--from", "2016-09-30", *more, "--", rule)


def tasks(name: str = "plan.yaml") -> tuple[str, ...]:
    return ("tasks", "--tasks", f"{{{name}}}", "--format", "ics", "-o", "{out.ics}", "--force")


def due_with_calendar() -> tuple[str, ...]:
    return (
        "due",
        "--today",
        "2016-06-27",
        "--calendar",
        "{cal.yaml}",
        "--format",
        "ics",
        "-o",
        "{out.ics}",
        "--force",
    )


def import_notice(name: str = "notice.txt") -> tuple[str, ...]:
    return ("calendar", "import", f"{{{name}}}", "-o", "{out.yaml}", "--force")


CASES: dict[str, Case] = {
    # -- phrases ---------------------------------------------------------------------
    "phrase-empty": Case(deadline(""), 3, "期限写法为空"),
    "phrase-blanks": Case(deadline(" \t\u3000 "), 3, "期限写法为空"),
    "phrase-number-without-unit": Case(deadline("5内"), 3, "应为期间单位"),
    "phrase-unit-without-number": Case(deadline("个工作日内"), 3, "应为数字"),
    "phrase-negative": Case(deadline("-3个工作日内"), 3, "应为数字"),
    "phrase-zero": Case(deadline("0"), 3, "数目须大于 0"),
    "phrase-zero-workdays": Case(deadline("零个工作日内"), 3, "数目须大于 0"),
    "phrase-10^9-workdays": Case(deadline("1000000000个工作日内"), 4, "没有 2027 年的节假日安排"),
    "phrase-10^9-provisional": Case(deadline("1000000000", "--provisional"), 4, "2100 年超出农历换算范围"),
    "phrase-absurd-days": Case(deadline("99999999999999999999日内"), 4, "到期日在公元 9999 年之后"),
    "phrase-absurd-months": Case(deadline("9999999个月内"), 4, "到期日在公元 9999 年之后"),
    "phrase-absurd-hours": Case(deadline("99999999999999小时内"), 4, "到期日在公元 9999 年之后"),
    "phrase-latin": Case(deadline("5 working days"), 3, "应为期间单位"),
    "phrase-mixed-scripts": Case(deadline("五个工作日内abc"), 3, "期限的结尾"),
    "phrase-other-digits": Case(deadline("᧚"), 3, "应为数字"),
    "phrase-emoji": Case(deadline("5个工作日内😀"), 3, "期限的结尾"),
    "phrase-control-character": Case(deadline("5个\x07工作日内"), 3, "控制字符"),
    "phrase-line-break": Case(deadline("3个\n工作周内"), 3, "3个 工作周内"),
    "phrase-1MB": Case(deadline("一" * 1_000_000), 3, "期限写法过长（1000000 个字符，上限 2000）"),
    # -- dates -------------------------------------------------------------------------
    "date-feb-30": Case(("deadline", "3", "--from", "2016-02-30"), 3, "2016 年 2 月没有 30 日"),
    "date-month-13": Case(("day", "2016-13-01"), 3, "日期“2016-13-01”不存在"),
    "date-year-0": Case(("day", "0000-01-01"), 3, "日期“0000-01-01”不存在"),
    "date-year-0-chinese": Case(("workdays", "0000年1月1日", "2016-01-01"), 3, "不存在"),
    "date-unreadable": Case(("workdays", "2016-01-01", "next tuesday"), 3, "无法识别的日期“next tuesday”"),
    "date-1MB": Case(("day", "2016" * 250_000), 3, "过长（1000000 个字符）"),
    "date-today-option": Case(("day", "--today", "2016-02-30"), 3, "--today：日期“2016-02-30”不存在"),
    "date-bad-time": Case(
        ("deadline", "--from", "2016-07-01 25:00", "--", "24小时内"), 3, "时刻“2016-07-01 25:00”不存在"
    ),
    "date-past-calendar": Case(
        ("workdays", "2016-01-01", "2099-12-31", "--list"), 4, "没有 2099 年的节假日安排"
    ),
    "env-time-zone-folder": Case(("day",), 3, "未知的时区“Asia”", env={"GONGKAI_TZ": "Asia"}),
    "env-time-zone-path": Case(
        ("day",), 3, "未知的时区“../../etc/passwd”", env={"GONGKAI_TZ": "../../etc/passwd"}
    ),
    "env-today": Case(("due",), 3, "无法识别的日期“someday”", env={"GONGKAI_TODAY": "someday"}),
    # -- batch -------------------------------------------------------------------------
    "batch-bad-line": Case(
        ("deadline", "--batch"), 3, "1 行未能计算", input="anchor,rule\n2016-09-30,3\n2016-02-30,3\n"
    ),
    "batch-huge-line": Case(
        ("deadline", "--batch"),
        3,
        "此行超过 10000 个字符",
        file="<stdin>",
        line=3,
        input="anchor,rule\n2016-09-30,3\n2016-09-30," + "9" * 1_000_000 + "\n",
    ),
    "batch-endless-line": Case(
        ("deadline", "--batch"),
        3,
        "此行超过 10000 个字符",
        file="<stdin>",
        line=1,
        input="2016-09-30\t" + "3" * 5_000_000,
    ),
    "batch-10^9": Case(("deadline", "--batch"), 4, "1 行未能计算", input="2016-09-30\t1000000000\n"),
    "batch-cr-only-line-ends": Case(
        ("deadline", "--batch"), 3, "1 行未能计算", input="anchor,rule\r2016-09-30,3\r2016-02-30,3\r"
    ),
    "batch-quoted-field-over-csv-limit": Case(
        ("deadline", "--batch"),
        3,
        "引号内的字段超过 131072 个字符",
        file="<stdin>",
        line=2,
        input='anchor,rule\n2016-09-30,"' + "a\n" * 70_000 + '"\n',
    ),
    # -- dates at the end of time (issue 16) -------------------------------------------
    "due-next-week-past-9999": Case(("due", "--today", "9999-12-26", "--next-week"), 4, "超出公元 9999 年"),
    "due-today-9999-12-31": Case(("due",), 4, "超出公元 9999 年", env={"GONGKAI_TODAY": "9999-12-31"}),
    "calendar-name-120000-characters": Case(
        ("day", "2016-01-01", "--calendar", "a" * 120_000), 3, "无法读取日历文件"
    ),
    # -- plans -------------------------------------------------------------------------
    "plan-timestamp-tag": Case(
        tasks(),
        3,
        "不允许的 YAML 标签：tag:yaml.org,2002:timestamp",
        files={"plan.yaml": PLAN_TIMESTAMP},
        file="plan.yaml",
        line=_lines(PLAN, "issued:"),
    ),
    "plan-check-timestamp-tag": Case(
        ("check", "{plan.yaml}"),
        3,
        "计划无效：共 1 处问题",
        files={"plan.yaml": PLAN_TIMESTAMP},
        file="plan.yaml",
        line=_lines(PLAN, "issued:"),
    ),
    "plan-format-true": Case(
        tasks(),
        3,
        "不支持的格式版本",
        files={"plan.yaml": PLAN.replace("\nformat: 1\n", "\nformat: true\n", 1)},
        file="plan.yaml",
        line=_lines(PLAN, "\nformat: 1") + 1,
    ),
    "plan-format-1.0": Case(
        tasks(),
        3,
        "不支持的格式版本",
        files={"plan.yaml": PLAN.replace("\nformat: 1\n", "\nformat: 1.0\n", 1)},
        file="plan.yaml",
        line=_lines(PLAN, "\nformat: 1") + 1,
    ),
    **{
        f"plan-year-{name}": Case(
            tasks(),
            3,
            f"year 应为年份数字，如 2016（现为“{year}”）",
            files={"plan.yaml": PLAN.replace("year: 2016", f"year: {year}", 1)},
            file="plan.yaml",
            line=_lines(PLAN, "year: 2016"),
        )
        for name, year in (("hex", "0x7E0"), ("underscore", "2_016"), ("base-60", "33:36"))
    },
    "plan-control-characters": Case(
        ("show", "1.1a", "--tasks", "{plan.yaml}"),
        3,
        "控制字符 U+001B",
        files={"plan.yaml": PLAN_ESCAPE},
        file="plan.yaml",
        line=_lines(PLAN, "title: 行政审批事项信息公开"),
    ),
    "plan-not-yaml": Case(
        tasks(),
        3,
        "YAML 语法错误",
        files={"plan.yaml": "format: 1\nplan: title: x\n"},
        file="plan.yaml",
        line=2,
    ),
    "plan-unclosed": Case(
        tasks(), 3, "YAML 语法错误", files={"plan.yaml": "format: 1\nplan: [x\n"}, file="plan.yaml", line=2
    ),
    "plan-a-list": Case(
        tasks(), 3, "应为键值表", files={"plan.yaml": "- a\n- b\n"}, file="plan.yaml", line=1
    ),
    "plan-a-scalar": Case(tasks(), 3, "应为键值表", files={"plan.yaml": "hello\n"}, file="plan.yaml", line=1),
    "plan-empty": Case(tasks(), 3, "文件是空的", files={"plan.yaml": ""}, file="plan.yaml", line=1),
    "plan-tabs": Case(
        tasks(),
        3,
        "YAML 语法错误",
        files={"plan.yaml": PLAN_TABS},
        file="plan.yaml",
        line=_lines(PLAN_TABS, "\t"),
    ),
    "plan-duplicate-id": Case(
        ("show", "1.1a", "--tasks", "{plan.yaml}"),
        3,
        "条目编号“1.1a”重复",
        files={"plan.yaml": PLAN_DUP},
        file="plan.yaml",
        line=_lines(PLAN, 'id: "1.1b"'),
    ),
    "plan-unknown-key": Case(
        tasks(),
        3,
        "未知的键“colour”",
        files={"plan.yaml": PLAN_UNKNOWN},
        file="plan.yaml",
        line=_lines(PLAN_UNKNOWN, "colour"),
    ),
    "plan-missing-key": Case(
        tasks(),
        3,
        "缺少必需的键“title”",
        files={"plan.yaml": PLAN_MISSING},
        file="plan.yaml",
        line=_lines(PLAN_MISSING, 'id: "1.1a"'),
    ),
    "plan-bad-rule": Case(
        ("due", "--tasks", "{plan.yaml}", "-o", "{out.ics}", "--force"),
        3,
        "无法识别的期限“3个工作周内”",
        files={"plan.yaml": PLAN_RULE},
        file="plan.yaml",
        line=_lines(PLAN_RULE, "3个工作周内"),
    ),
    "plan-bad-date": Case(
        tasks(),
        3,
        "2016 年 2 月没有 30 日",
        files={"plan.yaml": PLAN_ISSUED},
        file="plan.yaml",
        line=_lines(PLAN, "issued:"),
    ),
    "plan-alias-bomb": Case(
        tasks(), 3, "不允许使用 YAML 锚点、别名", files={"plan.yaml": _bomb()}, file="plan.yaml", line=1
    ),
    "plan-merge-key": Case(
        tasks(),
        3,
        "合并键",
        files={"plan.yaml": "format: 1\nplan:\n  <<: {title: x}\n"},
        file="plan.yaml",
        line=3,
    ),
    "plan-python-tag": Case(
        tasks(),
        3,
        "python/object/apply:os.system",
        file="plan.yaml",
        line=1,
        files={"plan.yaml": f'!!python/object/apply:os.system ["touch {{tmp}}/{MARKER}"]\n'},
    ),
    "plan-deep-nesting": Case(tasks(), 3, "嵌套过深", files={"plan.yaml": "[" * 800 + "]" * 800 + "\n"}),
    "plan-huge": Case(tasks(), 3, "文件超过 2 MiB", files={"plan.yaml": b"#" * (2 * 1024 * 1024 + 1)}),
    "plan-gbk": Case(
        tasks(),
        3,
        "不是 UTF-8 编码",
        files={"plan.yaml": PLAN.encode("gbk")},
        file="plan.yaml",
        line=_gbk_line(PLAN),
    ),
    "plan-binary": Case(
        tasks(), 3, "不是 UTF-8 编码", files={"plan.yaml": bytes(range(256))}, file="plan.yaml", line=2
    ),
    "plan-nul": Case(
        tasks(),
        3,
        "不允许的字符 U+0000",
        files={"plan.yaml": "format: 1\nplan:\x00\n"},
        file="plan.yaml",
        line=2,
    ),
    "plan-folder": Case(("tasks", "--tasks", "{tmp}", "-o", "{out.ics}", "--force"), 3, "这是一个文件夹"),
    "plan-missing": Case(("show", "1.1a", "--tasks", "{tmp}/nowhere.yaml"), 3, "找不到计划文件"),
    "plan-check-lists-every-problem": Case(
        ("check", "{plan.yaml}"),
        3,
        "计划无效：共 1 处问题",
        files={"plan.yaml": PLAN_DUP},
        file="plan.yaml",
        line=_lines(PLAN, 'id: "1.1b"'),
    ),
    "plan-check-id-with-line-break": Case(
        ("check", "{plan.yaml}"),
        3,
        "计划无效：共 2 处问题",  # the control character, and the id it makes invalid
        files={"plan.yaml": PLAN.replace('id: "1.1b"', 'id: "1.1\\nb\\u001b[31m"', 1)},
        file="plan.yaml",
        line=_lines(PLAN, 'id: "1.1b"'),
    ),
    "plan-bom-accepted": Case(
        ("tasks", "--tasks", "{plan.yaml}"), 0, None, files={"plan.yaml": "\ufeff" + PLAN}
    ),
    "plan-output-exists": Case(
        ("tasks", "--format", "ics", "-o", "{out.ics}"),
        3,
        "文件已存在，未覆盖",
        file="out.ics",
    ),
    # -- calendar files ----------------------------------------------------------------
    "calendar-broken-yaml": Case(
        due_with_calendar(),
        3,
        "YAML 语法错误",
        file="cal.yaml",
        line=8,
        files={"cal.yaml": CALENDAR + "  - {date: 2027-02-07\n"},
    ),
    "calendar-year-mismatch": Case(
        due_with_calendar(),
        3,
        "2029-01-01 与 year: 2027 相差超过一年",
        file="cal.yaml",
        line=5,
        files={"cal.yaml": CALENDAR.replace("2027-01-01", "2029-01-01")},
    ),
    "calendar-unknown-key": Case(
        due_with_calendar(),
        3,
        "未知的键“colour”",
        file="cal.yaml",
        line=8,
        files={"cal.yaml": CALENDAR + "colour: red\n"},
    ),
    "calendar-weekday-as-workday": Case(
        ("day", "2027-01-01", "--calendar", "{cal.yaml}"),
        3,
        "2027-02-05 是星期五",
        file="cal.yaml",
        line=7,
        files={"cal.yaml": CALENDAR.replace("2027-02-06", "2027-02-05")},
    ),
    "calendar-alias-bomb": Case(
        due_with_calendar(),
        3,
        "不允许使用 YAML 锚点、别名",
        files={"cal.yaml": _bomb()},
        file="cal.yaml",
        line=1,
    ),
    "calendar-python-tag": Case(
        due_with_calendar(),
        3,
        "不允许的 YAML 标签",
        file="cal.yaml",
        line=1,
        files={"cal.yaml": f'!!python/object/apply:os.system ["touch {{tmp}}/{MARKER}"]\n'},
    ),
    "calendar-nul": Case(
        due_with_calendar(),
        3,
        "不允许的字符 U+0000",
        files={"cal.yaml": CALENDAR + "\x00"},
        file="cal.yaml",
        line=8,
    ),
    "calendar-year-hex": Case(
        due_with_calendar(),
        3,
        "year 应为整数年份，如 2027（现为“0x7EB”）",
        files={"cal.yaml": CALENDAR.replace("year: 2027", "year: 0x7EB")},
        file="cal.yaml",
        line=1,
    ),
    "calendar-year-tagged-underscore": Case(
        due_with_calendar(),
        3,
        "“2_027”不是十进制整数",
        files={"cal.yaml": CALENDAR.replace("year: 2027", "year: !!int 2_027")},
        file="cal.yaml",
        line=1,
    ),
    "calendar-control-characters": Case(
        due_with_calendar(),
        3,
        "控制字符 U+001B",
        files={
            "cal.yaml": CALENDAR.replace(
                "  title: 国务院办公厅关于2027年部分节假日安排的通知",
                '  title: "\\e[2J国务院办公厅关于2027年部分节假日安排的通知"',
            )
        },
        file="cal.yaml",
        line=3,
    ),
    "calendar-deep-nesting": Case(
        due_with_calendar(), 3, "嵌套过深", files={"cal.yaml": "[" * 800 + "]" * 800}
    ),
    "calendar-huge": Case(due_with_calendar(), 3, "超过 1 MiB", files={"cal.yaml": b"#" * (1024 * 1024 + 1)}),
    "calendar-endless": Case(("day", "2027-01-01", "--calendar", "/dev/zero"), 3, "文件超过 1 MiB"),
    "calendar-missing": Case(
        ("day", "2027-01-01", "--calendar", "{tmp}/nowhere.yaml"), 3, "无法读取日历文件"
    ),
    # -- notices -----------------------------------------------------------------------
    "notice-weekday-contradicts-date": Case(
        import_notice(),
        3,
        "星期与日期不符：2016年2月6日是星期六，不是星期五",
        file="notice.txt",
        line=_lines(NOTICE, "2月6日（星期六）"),
        files={"notice.txt": NOTICE_WEEKDAY},
    ),
    "notice-day-count-mismatch": Case(
        import_notice(),
        3,
        "天数不符：通知写“共8天”",
        file="notice.txt",
        line=_lines(NOTICE, "共7天。2月6日"),
        files={"notice.txt": NOTICE_COUNT},
    ),
    "notice-day-count-unreadable": Case(
        import_notice(),
        3,
        "天数写法有误：“共十十天”",
        file="notice.txt",
        line=_lines(NOTICE, "共7天。2月6日"),
        files={"notice.txt": NOTICE_BAD_NUMBER},
    ),
    "notice-no-notice": Case(
        import_notice(),
        3,
        "无法确定通知的年份",
        file="notice.txt",
        line=1,
        files={"notice.txt": "今天天气很好。\n我们去公园。\n"},
    ),
    "notice-no-arrangement": Case(
        import_notice(),
        3,
        "没有找到放假安排",
        file="notice.txt",
        line=1,
        files={"notice.txt": "国务院办公厅关于2027年部分节假日安排的通知\n\n经国务院批准，现通知如下。\n"},
    ),
    "notice-two-notices-in-one-text": Case(
        import_notice(),
        3,
        "文本中有第二份通知",
        file="notice.txt",
        line=_lines(NOTICE_TWO, "国务院办公厅关于2015年"),
        files={"notice.txt": NOTICE_TWO},
    ),
    "notice-two-bodies-in-one-text": Case(
        import_notice(),
        3,
        "“元旦”的安排出现两次",
        file="notice.txt",
        line=_lines(NOTICE_TWO_BODIES, "一、元旦：1月1日至3日"),
        files={"notice.txt": NOTICE_TWO_BODIES},
    ),
    "notice-date-under-two-names": Case(
        import_notice(),
        3,
        "同时列在“清明节”和“劳动节”下",
        file="notice.txt",
        line=_lines(NOTICE, "四、劳动节"),
        files={"notice.txt": NOTICE_TWO_NAMES},
    ),
    "notice-control-characters": Case(
        import_notice(),
        3,
        "控制字符 U+001B",
        file="notice.txt",
        line=_lines(NOTICE, "一、元旦"),
        files={"notice.txt": NOTICE_ESCAPE},
    ),
    "notice-empty-stdin": Case(
        ("calendar", "import", "-", "-o", "{out.yaml}", "--force"),
        3,
        "通知为空",
        input="",
    ),
    "notice-blank-stdin-install": Case(
        ("calendar", "import", "-", "--install"), 3, "通知为空", input=" \n\n"
    ),
    "notice-binary": Case(
        import_notice(),
        3,
        "既不是 UTF-8 也不是 GBK",
        file="notice.txt",
        line=2,
        files={"notice.txt": bytes(range(256)) * 4},
    ),
    "notice-huge": Case(
        import_notice(),
        3,
        "通知超过 1 MiB",
        files={"notice.txt": "一" * 400_000},
    ),
    # -- plan extract ------------------------------------------------------------------
    "extract-missing": Case(
        ("plan", "extract", "{tmp}/nowhere.txt", "-o", "{out.yaml}", "--force"), 3, "找不到文件"
    ),
    "extract-huge": Case(
        ("plan", "extract", "{doc.txt}", "-o", "{out.yaml}", "--force"),
        3,
        "文件超过 5 MiB",
        files={"doc.txt": b"a" * (5 * 1024 * 1024 + 1)},
    ),
    "extract-binary": Case(
        ("plan", "extract", "{doc.txt}", "-o", "{out.yaml}", "--force"),
        3,
        "无法识别文件编码",
        file="doc.txt",
        line=2,
        files={"doc.txt": bytes(range(256)) * 4},
    ),
    "extract-control-characters": Case(
        ("plan", "extract", "-", "-o", "{out.yaml}", "--force"),
        3,
        "控制字符 U+009B",
        file="<stdin>",
        line=2,
        input="2016年政务公开工作要点\n一、\x9b2J公开\n",
    ),
    "extract-no-plan": Case(
        ("plan", "extract", "-", "-o", "{out.yaml}", "--force"),
        3,
        "没有找到编号的段落",
        input="hello\n",
    ),
}


def _fill(arg: str, tmp: Path, names: list[str]) -> str:
    arg = arg.replace("{tmp}", str(tmp))
    for name in names:
        arg = arg.replace(f"{{{name}}}", str(tmp / name))
    return arg


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_matrix_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input(gongkai: Run, tmp_path: Path, case: Case) -> None:
    if "/dev/zero" in case.args and not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    work = tmp_path / "work"
    work.mkdir()
    outputs = [a[1:-1] for a in case.args if a in ("{out.ics}", "{out.yaml}")]
    names = [*case.files, *outputs]
    for name, content in case.files.items():
        data = content.replace("{tmp}", str(work)) if isinstance(content, str) else content
        (work / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    for name in outputs:
        (work / name).write_bytes(OLD)
        os.utime(work / name, ns=(OLD_MTIME * 10**9, OLD_MTIME * 10**9))
    config = tmp_path / "config"
    before = _snapshot(work)

    result = gongkai(
        *(_fill(a, work, names) for a in case.args),
        input=case.input,
        env={"XDG_CONFIG_HOME": str(config), **case.env},
    )

    assert result.exit_code == case.code, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    if case.message is None:
        assert result.stderr == ""
    else:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert lines, "no message on stderr"
        last = lines[-1]  # `check` lists each problem first, then says how many
        assert case.message in last, result.stderr
        assert len(last) <= 420
        assert sum(line.startswith("gongkai: 错误：") for line in lines) <= 1
        if case.file is not None:  # each problem on its own line, no terminal escapes
            assert all(line.startswith(("gongkai: ", "/", "<")) for line in lines), result.stderr
        assert "\x1b" not in result.stderr
        if case.file is not None:
            shown = case.file if case.file.startswith("<") else str(work / case.file)
            where = f"{shown}:{case.line}:" if case.line else f"{shown}:"
            assert where in result.stderr, result.stderr
    assert _snapshot(work) == before  # nothing created, nothing changed, no temp file left
    assert not config.exists()  # --install made no folder either
    assert not (work / MARKER).exists()
