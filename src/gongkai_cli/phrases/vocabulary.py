"""The deadline vocabulary: the words a time limit is written with, in one place, for the
phrase reader (reader.py) and for finding phrases in running text (plan drafting).

Each tuple is longest first where one word begins another (个工作日 before 工作日), since
readers take the first word that fits.
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["workdays", "days", "months", "years", "hours", "date", "same_day", "recurring", "open"]
# What "date" rules name: a day of a month, a month's end, the year's end, a half, a quarter.
Target = Literal["day", "month_end", "year_end", "half_end", "quarter_end"]
Period = Literal["week", "month", "quarter", "year"]
# What a period means: the one home of the notion, shown in every format (docs/senses.md).
#   deadline     the last day to act
#   earliest     not before: the earliest permitted day (不少于 / 不得少于)
#   presumed     the day a period is complete (满15日: a presumed day), never moved
#   window       a span to act in, from one day to another (期满前30日内, 异议期)
#   restriction  a span during which something is forbidden or valid (5日内…不准上岸,
#                有效期为三十日): its end, never moved for rest days, never "due"
#   condition    a period that describes (六个月内两次发生…的): no date
#   approximate  约 / 大约 / 左右: answered, with a warning
Sense = Literal["deadline", "earliest", "presumed", "window", "restriction", "condition", "approximate"]
SENSES: tuple[Sense, ...] = (
    "deadline",
    "earliest",
    "presumed",
    "window",
    "restriction",
    "condition",
    "approximate",
)
Relative = Literal["next_month", "next_year"]

# No fixed deadline: listed, never due.
OPEN_PHRASES = (
    "适时进行",
    "全年适时进行",
    "根据工作进展适时进行",
    "具体时限按有关要求执行",
    "根据相关要求进行",
    "按有关要求执行",
    "按相关要求执行",
    "长期坚持",
    "长期推进",
    "常态化",
    "常态化推进",
    "常态化开展",
    "持续推进",
)

MODALS = ("应当", "应", "须", "要", "需", "并")
PREPOSITIONS = ("截至", "截止", "自", "从", "于", "在", "到")
# The anchor: words naming an event, ending in 之日起 / 起 / 后 …, right before a number.
ANCHOR_ENDS = ("之日起", "之日后", "之日", "以后", "之后", "起", "后")
# Longest first, so that 个工作日 wins over 个.
PERIOD_UNITS: tuple[tuple[str, Kind], ...] = (
    ("个工作日", "workdays"),
    ("工作日", "workdays"),
    ("个自然日", "days"),
    ("自然日", "days"),
    ("个小时", "hours"),
    ("小时", "hours"),
    ("个月", "months"),
    ("日", "days"),
    ("天", "days"),
    ("年", "years"),
)
WITHIN = ("以内", "之内", "内")
BEFORE = ("之前", "以前", "前")
RECURRING_PERIODS: dict[str, Period] = {
    "按月": "month",
    "每月": "month",
    "按季度": "quarter",
    "每季度": "quarter",
    "按季": "quarter",
    "每季": "quarter",
    "按年": "year",
    "每年": "year",
    "按年度": "year",
}
# The end of the year, and of its first half: 年底前, 上半年.
YEAR_END = ("本年度内", "本年内", "年度内", "年底", "年末", "年内", "全年")
HALF = ("上半年", "年中")
# A period counted from these anchors starts at the plan's issue date (印发之日起5个工作日内).
ISSUE_ANCHORS = ("印发", "本工作要点印发", "发布之日", "下发")

# -- the forms of laws and documents (counting-rules §8) ------------------------------------

# Words that close a clause's subject: 行政机关应当 | 自…
CLAUSE_MODALS = ("必须", "应当", "可以", "应", "须", "需", "得")
LATEST = ("最迟", "最晚")  # 最迟要, 最迟在, 最迟应在: 最迟 then the usual modal and preposition
# 自 and 从 open an anchor, except in these words.
NOT_ANCHOR_OPENERS = ("自然", "自行", "自治", "自主", "自动", "自身", "自己", "自愿", "从事", "从业", "从而")
# Before the number: what the period is. Caps read like "N日内".
QUALIFIERS: tuple[tuple[str, Sense], ...] = (
    ("最长不得超过", "deadline"),
    ("最多不得超过", "deadline"),
    ("一般不得超过", "deadline"),
    ("最长不超过", "deadline"),
    ("最多不超过", "deadline"),
    ("一般不超过", "deadline"),
    ("原则上不超过", "deadline"),
    ("不得超过", "deadline"),
    ("不应超过", "deadline"),
    ("不超过", "deadline"),
    ("最长为", "deadline"),
    ("最长", "deadline"),
    ("不得少于", "earliest"),
    ("不应少于", "earliest"),
    ("不少于", "earliest"),
    ("不得低于", "earliest"),
    ("不低于", "earliest"),
    ("至少为", "earliest"),  # 时间间隔…至少为2年 (保障措施条例 第三十条): a minimum interval
    ("至少", "earliest"),
    ("不得短于", "earliest"),
    ("不短于", "earliest"),
    ("延长", "deadline"),
    ("大约", "approximate"),
    ("约", "approximate"),
    ("满", "presumed"),
    ("经过", "presumed"),
)
# The lower end of a range whose unit is written once, right before the upper end's
# number (1至5年内, 三至五日内); not 第1至 or 每3至 (pattern string, compiled on first use).
RANGE_LOW = (
    "(?<![第每0-9零一二两三四五六七八九十百])([0-9]{1,3}|[一二两三四五六七八九十]{1,3})(?:至|到|～|~)$"
)
# A suspension for a range (停止相关招生资格一年以上三年以下, 教育法 第八十二条): the words
# after the lower end, the upper end's number and unit (pattern string), and the verbs
# before it in the same part that make it a ban.
RANGE_ABOVE = "以上([0-9]+|[一二两三四五六七八九十百]+)(日|天|个月|年)以下"
SUSPENDS = ("停止", "暂停", "取消", "禁止")
# Words before a number that make "N日" something other than a deadline: every N days,
# more than N days (超过30日的) anywhere before it; the N-th, in a row, in total, up to N
# (延长至五年), less than N (不满六个月), 上一年, 最后一日, 以1个月为… right before it.
NOT_A_DEADLINE = ("每", "超过")
NOT_A_DEADLINE_END = (
    "第",
    "逾期",
    "连续",
    "累计",
    "近",
    "约",
    "至",
    "延长到",
    "按",
    "达到",
    "最后",
    "不",
    "未",
    "上",
    "下",
    "以",
    "少于",
    "多于",
)
# Units with how many of the kind's units each is (周: 7 days).
COUNT_UNITS: tuple[tuple[str, Kind, int], ...] = (
    ("个工作日", "workdays", 1),
    ("工作日", "workdays", 1),
    ("个自然日", "days", 1),
    ("自然日", "days", 1),
    ("个小时", "hours", 1),
    ("小时", "hours", 1),
    ("个星期", "days", 7),
    ("星期", "days", 7),
    ("个月", "months", 1),
    ("周", "days", 7),
    ("日", "days", 1),
    ("天", "days", 1),
    ("年", "years", 1),
)
HALVES: tuple[tuple[str, Kind, int], ...] = (
    ("半个月", "days", 15),
    ("半月", "days", 15),
    ("半年", "months", 6),
)
SAME_DAY = ("当场", "即时", "当日", "当天")
# 当场 sets a time only as the manner of a duty: right after a modal (应当当场予以答复).
SAME_DAY_LEADS = ("应当", "应", "可以", "须", "必须", "并", "要", "需", "均", "予以")
DATE_ENDS = ("之前", "以前", "前", "截至", "截止", "为止", "止", "以内", "之内", "内")
HOUR_24 = ("24时", "24点", "二十四时", "二十四点")
LATE_HALF = ("下半年",)  # December 31, like 年底
YEARLY = ("每年的", "每年")
RELATIVE: tuple[tuple[str, Relative], ...] = (
    ("次月", "next_month"),
    ("下月", "next_month"),
    ("次年", "next_year"),
    ("翌年", "next_year"),
    ("下一年度", "next_year"),
    ("下一年", "next_year"),
)
# 季度结束后 / 每季度终了后 / 月度终了后 / 年度终了之日起: the anchor's period end.
BASE_PERIODS: tuple[tuple[str, Period], ...] = (
    ("季度", "quarter"),
    ("星期", "week"),
    ("周", "week"),
    ("月度", "month"),
    ("月份", "month"),
    ("年度", "year"),
    ("季", "quarter"),
    ("月", "month"),
    ("年", "year"),
)
# Words that end a subject rather than an anchor: 公示期不少于…, 听证的期限为…
SUBJECT_ENDS = ("期", "限", "时间", "的", "为")
# A unit followed by these is part of another word: 上一年度, 日期, 天气.
WORD_AFTER_UNIT = {"年": "度级", "日": "期常报", "天": "气然", "周": "岁年"}
# After a period, words that make it the measure of a noun rather than a deadline.
NOUN_AFTER = (
    "期限",
    "期间",
    "的规定",
    "的期限",
    "的期间",
    "工资",
    "的工资",
    "以上",
    "以下",
    "拘留",
    "的次日",
    "的前一日",
    "的当日",
)
# After a period: an approximate one (一年左右).
APPROXIMATE_AFTER = ("左右",)
# Words that open a ban after a period (5日内…不准上岸, 十二个月内不得进入).
BANS = ("不得", "不准", "禁止", "不受理", "不予", "不再", "暂停")
# Words that make a period in a condition an objection window (10日内没有提出异议的).
OBJECTION = ("没有提出异议", "未提出异议", "无异议", "没有异议", "未提异议")
# Words before a validity span (有效期为三十日的号牌, 保修期为1年): its end, not a deadline.
VALIDITY = (
    "有效期限为",
    "有效期限",
    "有效期为",
    "有效期",
    "保修期为",
    "保修期",
    "保留期为",  # 企业名称…保留期为1年 (企业名称登记管理规定 第十八条)
    "保留期",
    "包修期为",  # 包修期不得低于3年 (家用汽车产品修理更换退货责任规定 第十八条)
    "包修期",
    "保质期为",
    "保质期",
    "任期为",
    "任期",
    "周期为",  # 记分周期为12个月 (道路交通安全法实施条例 第二十三条): a cycle's length
)
# Before 不少于N年: time served, a qualification (律师应当实际执业不少于五年), not a date.
SERVICE = ("执业", "工作", "任职", "从业", "服务", "经营", "居住", "从事", "实践", "履职", "在职", "工龄")
# A measure's span, before a cap (征收期限不超过5年, 每次续冻期限最长不得超过六个月): how long
# the measure may last (a restriction's end), not a duty's deadline (审查期限不超过30日).
MEASURE_SPANS = (
    "征收期限",
    "实施期限",
    "续冻期限",
    "管制期限",
    "禁止期限",
    "限制期限",
    "暂停期限",
    "封存期限",
    "保护期限",
    "试用期",
    # 签证注明的停留期限不得超过三十日 (出境入境管理法 第二十条), 临时入境的期限不得超过十五日:
    # how long a person or a thing may stay, not a duty's deadline
    "停留期限",
    "停留的期限",
    "入境期限",
    "入境的期限",
    # 接管期限最长不得超过二年 (保险法 第一百四十六条), 收容教育期限最长不得超过2年
    "接管期限",
    "收容教育期限",
    # 采取前两款规定的约束措施的期限不得超过三个月 (反恐怖主义法 第五十三条)
    "措施的期限",
    "措施期限",
    # 非全日制用工劳动报酬结算支付周期最长不得超过十五日 (劳动合同法 第七十二条): a cycle
    "支付周期",
    "禁闭的期限",  # 禁闭的期限不得超过七日 (监察法 第六十四条)
    "禁闭期限",
)
# A use or a pause named before 期限 and a cap (临时使用土地期限一般不超过二年, 土地管理法 第五十七
# 条), or a pause right before it (中止出版活动不得超过180日, 出版管理条例 第十八条): how long
# it may last, not a duty's deadline.
USE_SPANS = ("临时使用", "临时占用", "借用", "租用", "保留探矿权", "保留采矿权")
PAUSES = ("中止", "暂停", "停业", "歇业")
# A restraint named right before its cap (取保候审最长不得超过十二个月，监视居住最长不得超过六个月:
# 刑事诉讼法 第七十九条): how long it may last, a span.
RESTRAINTS = ("取保候审", "监视居住", "责令候查")  # 责令候查最长不得超过十二个月 (监察法 第四十六条)
# A benefit received during a span (领取失业保险金的期限最长为12个月): how long it is paid.
ENTITLEMENT_VERBS = ("领取", "享受", "享有")
# A measure named before 的期限为 (冻结债券…的期限为二年): how long it lasts. With a cap
# (查封、扣押的期限不得超过三十日, 行政强制法 第二十五条) it stays the authority's deadline.
MEASURE_VERBS = (
    "冻结",
    "查封",
    "扣押",
    "暂扣",
    "留置",
    "封存",
    "管制",
    "禁止",
    "限制",
    "暂停",
    "服现役",
    "服役",
    "强制隔离戒毒",
    "社区康复",
)
# Words that join alternatives (当场或者在五日内): the outer limit is the answer.
ALTERNATIVES = ("或者", "或")
# Words that name the period a schedule is for (第四季度为次年1月10日截至).
SCHEDULE_FOR = ("为", "是")
# Before a number: the same period extended to that length (可以延长至十五日).
EXTENDED_TO = ("延长至", "延长到")
