"""Readings of law clauses mended as classes after the law audit's seventh sample
(tests/fixtures/law-audit/sample-7.yaml, seed 20261209: 138 of 150 right after lawfix4,
measured blind, 1 silently wrong): each row is a clause of a national law text
(LawRefBook/Laws, commit 2f4c5c2), its article, and the answer a careful reader gives,
asked through the real CLI. Each period: (deadline or None, sense, needs_event or None);
a None answer expects a refusal (exit 3) that says why."""

from __future__ import annotations

import pytest

from tests.conftest import Run
from tests.test_law_classes import Row, check_row

ROWS: list[Row] = [
    # 1. a minimum written 至少为 / 不短于: the earliest day, never a deadline (7-101)
    Row(
        "保障措施条例 第三十条 (时间间隔…并且至少为2年; sample 7, 20261209-101)",
        "第三十条 对同一进口产品再次采取保障措施的，与前次采取保障措施的时间间隔应当不短于前次采取保障措施的"
        "实施期限，并且至少为2年。",
        "2024-09-27",
        [("2026-09-27", "earliest", None)],  # 中秋节 2026: a deadline would move to 09-28
    ),
    Row(
        "the same class written 不得短于 (a minimum interval between two acts)",
        "两次检查的间隔期不得短于6个月。",
        "2024-09-27",
        [("2025-03-27", "earliest", None)],
    ),
    Row(
        "引渡法 第七条 (二) (刑期至少为六个月: a sentence's length stays a condition)",
        "（二）在请求国提出引渡请求时，被请求引渡人尚未服完的刑期至少为六个月。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # 2. an extension after a day counted back from an expiry runs from the expiry, not from
    # the day before it (7-136)
    Row(
        "公安机关办理刑事案件程序规定 第一百四十九条 (期限届满七日前送请…，延长二个月; 20261209-136)",
        "第一百四十九条 下列案件在本规定第一百四十八条规定的期限届满不能侦查终结的，应当制作提请批准延长"
        "侦查羁押期限意见书，经县级以上公安机关负责人批准，在期限届满七日前送请同级人民检察院层报省、自治区、直辖市"
        "人民检察院批准，延长二个月：",
        "2024-09-27",
        [("2024-09-20", "deadline", None), ("2024-11-27", "deadline", None)],
    ),
    Row(
        "an extension after a period that ends stays counted from that period's end",
        "应当自收到申请之日起十日内作出决定；情况复杂的，可以延长十日。",
        "2024-09-27",
        [("2024-10-08", "deadline", None), ("2024-10-18", "deadline", None)],
    ),
    # 3. a period's end followed by 后的 (结束后的三个月内) is the same end as 结束后 (7-027)
    Row(
        "中国人民银行法 第四十一条 (每一会计年度结束后的三个月内; sample 7, 20261209-027)",
        "第四十一条 中国人民银行应当于每一会计年度结束后的三个月内，编制资产负债表、损益表和相关的财务会计"
        "报表，并编制年度报告，按照国家有关规定予以公布。",
        "2024-09-27",
        [("2025-03-31", "deadline", None)],
    ),
    Row(
        "the same class for a quarter written 结束以后的",
        "应当在每季度结束以后的十五日内报送统计报表。",
        "2024-09-27",
        [("2024-10-15", "deadline", None)],
    ),
    # 4. a range whose unit is written once (1至5年内): the upper end is the period; before a
    # ban it is the longest the ban lasts, a restriction (7-117)
    Row(
        "民办教育促进法实施条例 第六十四条 (1至5年内不得新成为…; sample 7, 20261209-117)",
        "第六十四条 民办学校有民办教育促进法第六十二条或者本条例第六十三条规定的违法情形的，由县级以上人民"
        "政府教育行政部门、人力资源社会保障行政部门或者其他有关部门依据职责分工对学校决策机构负责人、校长及直接"
        "责任人予以警告；情节严重的，1至5年内不得新成为民办学校决策机构负责人或者校长；情节特别严重、社会影响"
        "恶劣的，永久不得新成为民办学校决策机构负责人或者校长。",
        "2024-09-27",
        [("2029-09-27", "restriction", None)],
    ),
    Row(
        "the same form for a duty: the outer limit is the deadline",
        "行政机关应当在3至5日内作出决定。",
        "2024-09-27",
        [("2024-10-08", "deadline", None)],  # 10-02 is 国庆节: moved to 10-08
    ),
    Row(
        "a range with both units stays a length (处六个月至三年以内有期徒刑)",
        "处六个月至三年以内有期徒刑。",
        "2024-09-27",
        None,
    ),
    # 5. a suspension for a range written N以上M以下 (停止…资格一年以上三年以下): a ban, answered
    # at its upper end; a sentence's range (五日以上十五日以下拘留) stays no period (7-076)
    Row(
        "教育法 第八十二条 (责令停止相关招生资格一年以上三年以下; sample 7, 20261209-076)",
        "第八十二条 学校或者其他教育机构违反本法规定，颁发学位证书、学历证书或者其他学业证书的，由教育行政"
        "部门或者其他有关行政部门宣布证书无效，责令收回或者予以没收；有违法所得的，没收违法所得；情节严重的，责令"
        "停止相关招生资格一年以上三年以下，直至撤销招生资格、颁发证书资格；对直接负责的主管人员和其他直接责任"
        "人员，依法给予处分。",
        "2024-09-27",
        [("2027-09-27", "restriction", None)],
    ),
    Row(
        "the same class in months (暂停其执业活动六个月以上一年以下): a span's end is not moved",
        "情节严重的，暂停其执业活动六个月以上一年以下。",
        "2024-09-27",
        [("2025-09-27", "restriction", None)],  # a Saturday: a deadline would be moved
    ),
    Row(
        "对外承包工程管理条例 第二十条 (可以禁止其在1年以上3年以下的期限内对外承包新的工程项目)",
        "拒不改正的，商务主管部门可以禁止其在1年以上3年以下的期限内对外承包新的工程项目；",
        "2024-09-27",
        [("2027-09-27", "restriction", None)],
    ),
    Row(
        "a sentence's range (处五日以上十五日以下拘留): no period",
        "处五日以上十五日以下拘留。",
        "2024-09-27",
        None,
    ),
    # 6. 满N年之日起 / 届满N年之日起 before what then applies: the day the span is full starts
    # it, the earliest day, never a deadline (7-035)
    Row(
        "广播电台电视台播放录音制品支付报酬暂行办法 第六条 (自本办法施行届满5年之日起; 20261209-035)",
        "第六条 以本办法第四条第(一)项规定方式确定向著作权人支付报酬的数额的，自本办法施行届满5年之日起，"
        "按照下列付酬标准协商支付报酬的数额：",
        "2024-09-27",
        [("2029-09-27", "earliest", None)],
    ),
    Row(
        "the same class written 满 (自本办法施行满2年之日起): a span's end is not moved",
        "自本办法施行满2年之日起，按照下列标准支付。",
        "2024-09-27",
        [("2026-09-27", "earliest", None)],  # 中秋节 2026: a deadline would move to 09-28
    ),
    # 7. a period from a named event in which something is not done, then the law's
    # consequence: the time to do it (满: the consequence's earliest day), not a class of
    # cases (7-016, 7-033, 7-060, 7-092); with no event of its own it stays a condition
    Row(
        "海关事务担保条例 第二十一条 (自海关公告发布之日起1年内，当事人仍未办理…的; 20261209-016)",
        "自海关公告发布之日起1年内，当事人仍未办理退还手续的，海关应当将担保财产、权利依法变卖或者兑付后，"
        "上缴国库。",
        "2024-09-27",
        [("2025-09-28", "deadline", None)],  # 09-27 2025 a Saturday: moved to the worked Sunday
    ),
    Row(
        "民法典 第三百一十八条 (遗失物自发布招领公告之日起一年内无人认领的; sample 7, 20261209-033)",
        "第三百一十八条 遗失物自发布招领公告之日起一年内无人认领的，归国家所有。",
        "2024-09-27",
        [("2025-09-28", "deadline", None)],
    ),
    Row(
        "保险法 第三十七条 (自合同效力中止之日起满二年双方未达成协议的; sample 7, 20261209-060)",
        "但是，自合同效力中止之日起满二年双方未达成协议的，保险人有权解除合同。",
        "2024-09-27",
        [("2026-09-27", "presumed", None)],  # 满: the day it is full, not moved
    ),
    Row(
        "票据管理实施办法 第二十条 (自收到挂失止付通知书之日起12日内没有收到…的; 20261209-092)",
        "付款人或者代理付款人自收到挂失止付通知书之日起12日内没有收到人民法院的止付通知书的，自第13日起，"
        "挂失止付通知书失效。",
        "2024-09-27",
        [("2024-10-09", "deadline", None)],
    ),
    Row(
        "no event of its own (在六个月内没有清偿债务的): what did not happen in a span stays a condition",
        "债务人在六个月内没有清偿债务的，债权人可以申请破产。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # 8. a yearly span of months (每年六月至九月期间): by the end of its last month, the one
    # running at --from (sample 5, 20261207-148: refused before)
    Row(
        "各级人民代表大会常务委员会监督法 第十九条 (每年六月至九月期间; sample 5, 20261207-148)",
        "县级以上地方各级人民政府应当在每年六月至九月期间，将上一年度的本级决算草案提请本级人民代表大会常务"
        "委员会审查和批准。",
        "2024-09-27",
        [("2024-09-30", "deadline", None)],
    ),
    Row(
        "the same form when the span is over at --from: next year's (每年3月至5月内)",
        "应当在每年3月至5月内报送。",
        "2024-09-27",
        [("2025-05-31", "deadline", None)],  # a Saturday (端午节): a named date is not moved
    ),
    # 9. a minimum time granted (给债务人六十日以上履行债务的期限): the earliest day, not a
    # deadline (sample 5, 20261207-044: refused before)
    Row(
        "民法典 第四百五十三条 (给债务人六十日以上履行债务的期限; sample 5, 20261207-044)",
        "第四百五十三条 留置权人与债务人应当约定留置财产后的债务履行期限；没有约定或者约定不明确的，留置权人"
        "应当给债务人六十日以上履行债务的期限，但是鲜活易腐等不易保管的动产除外。",
        "2024-09-27",
        [("2024-11-26", "earliest", None)],
    ),
    # 9. the longest a validity may run, in months, a span although 应当 binds it to another
    # term (sample 8, 20261210-097: silently a deadline at sample 8's second blind run)
    Row(
        "智能网联汽车道路测试与示范应用管理规范 (临时行驶车号牌有效期…最长不得超过六个月; 20261210-097)",
        "临时行驶车号牌有效期应当与准予道路测试、示范应用凭证上签注的期限保持一致，但最长不得超过六个月。",
        "2024-09-27",
        [("2025-03-27", "restriction", None)],
    ),
    Row(
        "the same class in years (证件有效期…最长不超过五年; a validity's cap)",
        "许可证的有效期由发证机关确定，最长不超过五年。",
        "2024-09-27",
        [("2029-09-27", "restriction", None)],  # beyond the calendar: a span needs none
    ),
    Row(
        "a validity postponed stays a duty's time (延期…最长不得超过: 机动车驾驶证申领和使用规定)",
        "因故不能在驾驶证有效期满前换证的，可以申请延期，延期期限最长不超过一年。",
        "2024-09-27",
        [("2025-09-28", "deadline", None)],  # 2025-09-27 a Saturday; 09-28 a 调休 working Sunday
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.source[:40] for r in ROWS])
def test_law_clause_class(gongkai: Run, row: Row) -> None:
    check_row(gongkai, row)
