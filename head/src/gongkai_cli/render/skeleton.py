"""Plan files to start from (``gongkai plan new``): a skeleton for a year, with one
commented example of each kind of duty, or the bundled 2016 plan moved to another year.

Pure: a year (and the day the file is made) in, the file's text out; the command writes it.
Both texts are valid plans (``gongkai check`` accepts them; tests/test_plan_new.py reads
them back, and the skeleton with every example uncommented too).
"""

from __future__ import annotations

from datetime import date

from ..errors import InputError
from ..plan.plan_file import bundled_plan

BUNDLED_YEAR = 2016


def skeleton(year: int, made: date) -> str:
    """A plan for ``year``: the header filled, ``items`` empty, and above it one commented
    example of each kind (a named date, a working-day period from the issue, recurring,
    event-triggered, open-ended, and the derived report), each valid once uncommented."""
    return f"""\
# {year}年的计划文件（gongkai 计划格式 1，见 docs/plan-format.md），
# 由 gongkai plan new 于 {made.isoformat()} 生成。必填的只有 plan 的 title、year
# 和每个条目的 id、title、rule；其余的键都可省略。
# 写好后检查：gongkai check 本文件
# 使用：gongkai due --tasks 本文件（或设环境变量 GONGKAI_TASKS）
format: 1
plan:
  title: {year}年政务公开工作要点  # 文件标题，照原文
  year: {year}  # 计划年度：“6月底前完成”即 {year}-06-30
  issued: {year}-01-01  # 印发日期，请改为实际日期：“印发之日起…”从此日起算
  # issuer: 某某局办公室  # 印发机关（可省略）

# 派生报告（可省略）：每项有固定期限的工作到期后，还要书面报送落实情况。
# reports:
#   - id: report
#     title: 书面报送落实情况
#     rule: 期限届满后10个工作日内

# 事件（可省略）：由事件触发的工作从每次事件起算；
# 也可用 gongkai event 文件公开 日期 记录。
# events:
#   文件公开: [{year}-03-16]

items:
  # 每项工作一个条目：id（加引号）、title（简短的标题）、rule（期限写法，
  # 照原文）；可选 section（章节）、text（原文）、lead（牵头部门）、
  # owners（负责部门）。
  # 下面是每类期限的示例：去掉行首的“# ”，改成本单位的工作即可。
  #
  # 固定日期（6月底前完成、年底前、于{year + 1}年1月15日前）：
  # - id: "1.1"
  #   title: 公开政府信息公开工作年度报告
  #   lead: [办公室]
  #   owners: [各部门]
  #   rule: 6月底前完成
  #
  # 从印发之日起算的工作日：
  # - id: "1.2"
  #   title: 报送各项工作的联系人
  #   owners: [各部门]
  #   rule: 印发之日起5个工作日内
  #
  # 按期进行（按月、按季、按年）：每期一项，期末最后一个工作日到期：
  # - id: "2.1"
  #   title: 按月公开行政执法信息
  #   lead: [执法处]
  #   rule: 按月公开
  #
  # 由事件触发（event 为事件名；每记录一次事件，就有一项从它起算的工作）：
  # - id: "3.1"
  #   title: 政策文件的解读材料上网
  #   owners: [政策法规处]
  #   rule: 文件公开后3个工作日内
  #   event: 文件公开
  #
  # 无固定期限（原文没有写时限的，写 rule: null）：
  # - id: "4.1"
  #   title: 适时召开新闻发布会
  #   lead: [办公室]
  #   rule: 适时进行
  #
  # 派生报告：上面的 reports: 去掉注释后，每项固定日期和从印发起算的工作
  # （1.1、1.2）到期后都另有一项“书面报送落实情况”（如 1.1/report）；
  # 不需要报告的条目写 report: false。
"""


def moved_bundled(year: int) -> str:
    """The bundled 2016 plan moved to ``year``: issued on 05-18 of that year, its title and
    year changed, the summary due 于 (year+1) 年 1 月 15 日前. The 2016 notice's source
    and address are left out (they name the 2016 document), with a comment saying so."""
    if not 1901 <= year <= 9998:
        raise InputError(f"年份 {year} 超出范围（1901 至 9998）")
    text = bundled_plan().read_text(encoding="utf-8")
    replacements = (
        ("issued: 2016-05-18", f"issued: {year}-05-18"),
        ("  year: 2016\n", f"  year: {year}\n"),
        ("title: 2016年政务公开工作要点", f"title: {year}年政务公开工作要点"),
        ("于 2017 年 1 月 15 日前", f"于 {year + 1} 年 1 月 15 日前"),
    )
    for old, new in replacements:
        if old not in text:  # the bundled file changed under this function: a bug
            raise AssertionError(f"bundled plan: {old!r} appears {text.count(old)} times")
        text = text.replace(old, new)
    lines = [
        line for line in text.splitlines(keepends=True) if not line.startswith(("  source: ", "  url: "))
    ]
    note = (
        f"# 由内置的国家知识产权局2016年政务公开工作要点移到 {year} 年（gongkai plan new --from-bundled）：\n"
        "# 印发日期、标题和年度已改，原通知的 source、url 已删去；请改为本单位的计划。\n"
    )
    return note + "".join(lines)
