"""Readings of law clauses mended as classes after the law audit's samples 1-3 and the
development sample (tests/fixtures/law-audit/dev-20261299.yaml, tuned to): each row is a
clause of a national law text (LawRefBook/Laws, commit 2f4c5c2), its article, and the
answer a careful reader gives, asked through the real CLI. A row with "needs" expects no
date and the event the user must date; a None answer expects a refusal (exit 3)."""

from __future__ import annotations

import json
from typing import NamedTuple

import pytest

from tests.conftest import Run


class Row(NamedTuple):
    source: str
    clause: str
    start: str
    # each period: (deadline or None, sense, needs_event or None); None: refused
    expected: list[tuple[str | None, str, str | None]] | None


ROWS: list[Row] = [
    # hours counted back from a later event (sample 1-049, 2-029, 3-055)
    Row(
        "外国籍非军用船舶通过琼州海峡管理规则 第四条 (二) (sample 1, 20261203-049)",
        "(二)接到批准过峡的通知后，应在进入管理区二十四小时以前或在开出港启航后二小时内，"
        "向琼州海峡管理处确报进入管理区的时间。",
        "2024-09-27T12:00",
        [("2024-09-26T12:00", "deadline", None), (None, "deadline", "开出港启航")],
    ),
    Row(
        "无人驾驶航空器飞行管理暂行条例 第三十一条 (四) (sample 3, 20261205-055)",
        "需定期报空中交通管理机构备案，并在计划起飞1小时前经空中交通管理机构确认后方可起飞。",
        "2024-09-27T08:30",
        [("2024-09-27T07:30", "deadline", None)],
    ),
    # an aside in brackets that is a condition leaves the words before it a duty (2-029)
    Row(
        "国际航行船舶进出口岸检查办法 第七条 (sample 2, 20261204-029)",
        "第七条 船方或其代理人应当在船舶预计抵达口岸24小时前(航程不足24小时的，在驶离上一口岸时)，"
        "将抵达时间、停泊地点、靠泊移泊计划及船员、旅客的有关情况报告检查机关。",
        "2024-09-27T18:00",
        [("2024-09-26T18:00", "deadline", None)],
    ),
    # a span whose event is named after it (1-067, 2-143)
    Row(
        "城市道路管理条例 第十八条 (sample 1, 20261203-067)",
        "城市道路的保修期为1年，自交付使用之日起计算。",
        "2024-09-27",
        [("2025-09-27", "restriction", None)],
    ),
    Row(
        "海商法 第二百六十一条 (sample 2, 20261204-143)",
        "第二百六十一条 有关船舶碰撞的请求权，时效期间为二年，自碰撞事故发生之日起计算；本法第一百六十九条"
        "第三款规定的追偿请求权，时效期间为一年，自当事人连带支付损害赔偿之日起计算。",
        "2024-09-27",
        [("2026-09-28", "deadline", None), (None, "deadline", "当事人连带支付损害赔偿")],
    ),
    # a longer event is another event (3-090)
    Row(
        "外资企业法实施细则 第七十一条 (sample 3, 20261205-090)",
        "应当在终止之日起15天内对外公告并通知债权人，并在终止公告发出之日起15天内，提出清算程序、"
        "原则和清算委员会人选，报审批机关审核后进行清算。",
        "2024-09-27",
        [("2024-10-12", "deadline", None), (None, "deadline", "终止公告发出")],
    ),
    # a named date in a description, a date by which an age is reached (3-061, 3-116)
    Row(
        "外资保险公司管理条例 第八条 (一) (sample 3, 20261205-061)",
        "(一)提出设立申请前1年年末总资产不少于50亿美元；",
        "2024-09-27",
        None,
    ),
    Row(
        "征兵工作条例 第十一条 (sample 3, 20261205-116)",
        "对本单位和本行政区域当年12月31日以前年满18周岁的男性公民进行初次兵役登记。",
        "2024-09-27",
        None,
    ),
    # a date after a yearly one recurs too (1-008, 2-096)
    Row(
        "社会团体登记管理条例 第二十八条 (sample 1, 20261203-008)",
        "第二十八条 社会团体应当于每年3月31日前向业务主管单位报送上一年度的工作报告，"
        "经业务主管单位初审同意后，于5月31日前报送登记管理机关，接受年度检查。",
        "2024-09-27",
        [("2025-03-31", "deadline", None), ("2025-05-31", "deadline", None)],
    ),
    # keeping times: a span from --from, or from their own event (1-066, 3-010, 3-114)
    Row(
        "期货和衍生品法 第一百一十七条 (sample 3, 20261205-010)",
        "期货经营机构、期货交易场所、期货结算机构和非期货经营机构结算参与人的信息和资料的保存期限不得少于"
        "二十年；期货服务机构的信息和资料的保存期限不得少于十年。",
        "2024-09-27",
        [("2044-09-27", "restriction", None), ("2034-09-27", "restriction", None)],
    ),
    Row(
        "疫苗管理法 第四十六条 (sample 3, 20261205-114); 第三十九条 (dev 20261299-179)",
        "第三十九条 疫苗上市许可持有人应当按照规定，建立真实、准确、完整的销售记录，"
        "并保存至疫苗有效期满后不少于五年备查。",
        "2024-09-27",
        [(None, "restriction", "疫苗有效期满")],
    ),
    # 延长 inside an event's words is no extension (3-002)
    Row(
        "外资企业法实施细则 第六十九条 (sample 3, 20261205-002)",
        "外资企业经批准延长经营期限的，应当自收到批准延长期限文件之日起30天内，向工商行政管理机关办理变更登记手续。",
        "2024-09-27",
        [("2024-10-28", "deadline", None)],
    ),
    # 期满前六个月 counts back from the expiry (3-137)
    Row(
        "中药品种保护条例 第十六条 (sample 3, 20261205-137)",
        "申请延长保护期的中药二级保护品种，应当在保护期满前六个月，由生产企业依照本条例第九条规定的程序申报。",
        "2025-06-01",
        [("2024-12-01", "deadline", None)],
    ),
    # the end of the first half-year as the anchor (3-107)
    Row(
        "股票发行与交易管理暂行条例 第五十七条 (一) (sample 3, 20261205-107)",
        "(一)在每个会计年度的前六个月结束后六十日内提交中期报告；",
        "2025-03-10",
        [("2025-08-29", "deadline", None)],
    ),
    # bans: 不予 …, 不调整, a power to refuse or forbid (1-083, 1-096, 1-102)
    Row(
        "民用建筑节能条例 第四十四条 (sample 1, 20261203-083)",
        "情节严重的，由颁发资格证书的部门吊销执业资格证书，5年内不予注册。",
        "2024-09-27",
        [("2029-09-27", "restriction", None)],
    ),
    Row(
        "中外合资经营企业法实施条例 第四十八条 (sample 1, 20261203-096)",
        "第四十八条 场地使用费在开始用地的5年内不调整。",
        "2024-09-27",
        [("2029-09-27", "restriction", None)],
    ),
    Row(
        "出口管制法 第三十九条 (sample 1, 20261203-102)",
        "自处罚决定生效之日起，国家出口管制管理部门可以在五年内不受理其提出的出口许可申请；"
        "对其直接负责的主管人员和其他直接责任人员，可以禁止其在五年内从事有关出口经营活动。",
        "2024-09-27",
        [("2029-09-27", "restriction", None), ("2029-09-27", "restriction", None)],
    ),
    Row(
        "危险化学品安全管理条例 第三十一条 (sample 2, 20261204-078): a decision, not a ban",
        "设区的市级人民政府安全生产监督管理部门应当依法进行审查，自收到证明材料之日起45日内作出批准或者"
        "不予批准的决定。",
        "2024-09-27",
        [("2024-11-11", "deadline", None)],
    ),
    # a measure's span (3-059, 1-150, 2-060; dev 20261299-001)
    Row(
        "反倾销条例 第四十八条 (sample 3, 20261205-059)",
        "第四十八条 反倾销税的征收期限和价格承诺的履行期限不超过5年；但是，经复审确定终止征收反倾销税"
        "有可能导致倾销和损害的继续或者再度发生的，反倾销税的征收期限可以适当延长。",
        "2024-09-27",
        [("2029-09-27", "restriction", None)],
    ),
    Row(
        "公安机关办理刑事案件程序规定 第二百四十四条 (dev 20261299-001)",
        "第二百四十四条 冻结债券、股票、基金份额等证券的期限为二年。",
        "2024-09-27",
        [("2026-09-27", "restriction", None)],
    ),
    # time served is a qualification (3-028)
    Row(
        "检察官法 第十五条 (sample 3, 20261205-028)",
        "参加公开选拔的律师应当实际执业不少于五年，执业经验丰富，从业声誉良好。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # N日后 repeating a period is a condition; 提前 counts back from its own event (1-111)
    Row(
        "直销管理条例 第十七条 (sample 1, 20261203-111)",
        "第十七条 直销员自签订推销合同之日起60日内可以随时解除推销合同；60日后，直销员解除推销合同应当提前"
        "15日通知直销企业。",
        "2024-09-27",
        [
            ("2024-11-26", "deadline", None),
            (None, "condition", None),
            (None, "deadline", "直销员解除推销合同"),
        ],
    ),
    # 满N日后 from its event (1-017)
    Row(
        "机动车驾驶证申领和使用规定 第四十四条 (一) (sample 1, 20261203-017)",
        "（一）报考小型自动挡汽车准驾车型的，在取得学习驾驶证明满二十日后预约考试；",
        "2024-09-27",
        [("2024-10-17", "earliest", None)],
    ),
    # a span named by an earlier period's act runs from that act (1-060)
    Row(
        "招标投标法实施条例 第五十四条 (sample 1, 20261203-060)",
        "第五十四条 依法必须进行招标的项目，招标人应当自收到评标报告之日起3日内公示中标候选人，"
        "公示期不得少于3日。",
        "2024-09-27",
        [("2024-09-30", "deadline", None), (None, "earliest", "公示")],
    ),
    # 前不少于N个工作日 (1-091): 报请 is no 日报
    Row(
        "缔结条约管理办法 第九条 (sample 1, 20261203-091)",
        "由外交部或者国务院有关部门会同外交部在启动谈判前不少于20个工作日报请国务院决定。",
        "2025-03-03",
        [("2025-01-27", "deadline", None)],
    ),
    # 前1天15时前, 下一年度内 (2-101, 2-111)
    Row(
        "通用航空飞行管制条例 第十六条 (sample 2, 20261204-101)",
        "第十六条 飞行计划申请应当在拟飞行前1天15时前提出；飞行管制部门应当在拟飞行前1天21时前作出批准"
        "或者不予批准的决定，并通知申请人。",
        "2024-09-27",
        [("2024-09-26", "deadline", None), ("2024-09-26", "deadline", None)],
    ),
    Row(
        "国务院关于鼓励外商投资的规定 第十八条 (sample 2, 20261204-111)",
        "产品出口企业的年度出口实绩，如果未能实现企业合同规定的外汇平衡有结余的目标，应当在下一年度内补缴"
        "上一年度已经减免的税、费。",
        "2024-09-27",
        [("2025-12-31", "deadline", None)],
    ),
    # conditions: a definition, a list item ending in 的, a threshold, 发生二次以上 (dev)
    Row(
        "地震预报管理条例 第三条 (三) (dev 20261299-191)",
        "(三)地震短期预报，是指对3个月内将要发生地震的时间、地点、震级的预报；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "出境入境管理法 第二十二条 (三) (dev 20261299-188)",
        "（三）持联程客票搭乘国际航行的航空器、船舶、列车从中国过境前往第三国或者地区，在中国境内停留不超过"
        "二十四小时且不离开口岸，或者在国务院批准的特定区域内停留不超过规定时限的；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "证券法 第八十条 (二) (dev 20261299-095)",
        "（二）公司的重大投资行为，公司在一年内购买、出售重大资产超过公司资产总额百分之三十；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "道路交通安全法 第一百零二条 (dev 20261299-117)",
        "第一百零二条 对六个月内发生二次以上特大交通事故负有主要责任或者全部责任的专业运输单位，由公安机关"
        "交通管理部门责令消除安全隐患，未消除安全隐患的机动车，禁止上道路行驶。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "化妆品监督管理条例 第六十五条 (dev 20261299-033): 不予办理 is a ban, not a description",
        "第六十五条 备案时提供虚假资料的，由备案部门取消备案，3年内不予办理其提出的该项备案。",
        "2024-09-27",
        [("2027-09-27", "restriction", None)],
    ),
    Row(
        "导游人员管理条例 第八条 (dev 20261299-091)",
        "导游证的有效期限为3年。",
        "2024-09-27",
        [("2027-09-27", "restriction", None)],
    ),
    # a subject that names its event; 为1日 as a definition (dev)
    Row(
        "病原微生物实验室生物安全管理条例 第十七条 (dev 20261299-023)",
        "承运单位应当采取必要的控制措施，并在2小时内向承运单位的主管部门报告；接到报告的卫生主管部门应当"
        "在2小时内向本级人民政府报告。",
        "2024-09-27T10:00",
        [("2024-09-27T12:00", "deadline", None), (None, "deadline", "接到报告")],
    ),
    Row(
        "家用汽车产品修理更换退货责任规定 第四十条 (dev 20261299-170)",
        "以小时计算，每满24小时，为1日；余下时间不足24小时的，以1日计。",
        "2024-09-27",
        None,
    ),
    # found on a second development draw (seed 20261298): spans that hold, look-backs, bans
    Row(
        "机动车驾驶证申领和使用规定 第八十五条 (dev 20261298-102)",
        "身体条件证明自出具之日起六个月内有效。",
        "2024-09-27",
        [("2025-03-27", "restriction", None)],
    ),
    Row(
        "车船税法实施条例 第二十五条 (dev 20261298-160)",
        "第二十五条 按照规定缴纳船舶吨税的机动船舶，自车船税法实施之日起5年内免征车船税。",
        "2024-09-27",
        [("2029-09-27", "restriction", None)],
    ),
    Row(
        "股票发行与交易管理暂行条例 第四十八条 (一) (dev 20261298-118)",
        "(一)在收购要约发出前十二个月内收购要约人购买该种股票所支付的最高价格；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "兵役法 第二十六条 (dev 20261298-019)",
        "第二十六条 义务兵服现役的期限为二年。",
        "2024-09-27",
        [("2026-09-27", "restriction", None)],
    ),
    Row(
        "矿产资源开采登记管理办法 第七条 (dev 20261298-170)",
        "大型以上的，采矿许可证有效期最长为30年；中型的，采矿许可证有效期最长为20年。",
        "2024-09-27",
        [("2054-09-27", "restriction", None), ("2044-09-27", "restriction", None)],
    ),
    Row(
        "集成电路布图设计保护条例 第十二条 (dev 20261298-174)",
        "但是，无论是否登记或者投入商业利用，布图设计自创作完成之日起15年后，不再受本条例保护。",
        "2024-09-27",
        [("2039-09-27", "restriction", None)],
    ),
    Row(
        "畜禽遗传资源进出境和对外合作研究利用审批办法 第二十四条 (dev 20261298-001)",
        "由国务院畜牧兽医行政主管部门撤销批准决定，没收有关畜禽遗传资源和违法所得，"
        "10年内不再受理该单位的同类申请；构成犯罪的，依法追究刑事责任。",
        "2024-09-27",
        [("2034-09-27", "restriction", None)],
    ),
    Row(
        "股票发行与交易管理暂行条例 第四十七条 (dev 20261298-137)",
        "法人在依照前两款规定作出报告并公告之日起二个工作日内和作出报告前，不得再行直接或者间接买入"
        "或者卖出该种股票。",
        "2024-09-27",
        [("2024-09-30", "restriction", None)],
    ),
    Row(
        "a decision to refuse is an act, not a ban (as 行政许可法 第三十二条 作出不予受理的决定)",
        "行政机关收到申请后，在五日内作出不予受理的决定",
        "2024-09-27",
        [("2024-10-08", "deadline", None)],
    ),
    # a third development draw (seed 20261297)
    Row(
        "网络安全法 第二十一条 (三) (dev 20261297-013)",
        "（三）采取监测、记录网络运行状态、网络安全事件的技术措施，并按照规定留存相关的网络日志不少于六个月；",
        "2024-09-27",
        [("2025-03-27", "restriction", None)],
    ),
    Row(
        "农药管理条例 第二十一条 (dev 20261297-171)",
        "农药出厂销售记录应当保存2年以上。",
        "2024-09-27",
        [("2026-09-27", "restriction", None)],
    ),
    Row(
        "药品进口管理办法 第十七条 (dev 20261297-026)",
        "进口备案时，其有效期限应当不低于6个月。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "国际航行船舶进出口岸检查办法 第十四条 (dev 20261297-059)",
        "第十四条 定航线、定船员并在24小时内往返一个或者一个以上航次的船舶，船方或其代理人可以向港务监督"
        "机构书面申请办理定期进出口岸手续。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "预算法 第五十二条 (dev 20261297-130)",
        "县级以上地方各级预算安排对下级政府的一般性转移支付和专项转移支付，应当分别在本级人民代表大会批准"
        "预算后的三十日和六十日内正式下达。",
        "2024-09-27",
        [("2024-10-28", "deadline", None), ("2024-11-26", "deadline", None)],
    ),
    Row(
        "化妆品生产经营监督管理办法 第六十一条 (四) (dev 20261297-160)",
        "（四）因化妆品违法行为受到行政处罚后1年内又实施同一性质的违法行为，或者因违反化妆品质量安全法律、"
        "法规受到刑事处罚后又实施化妆品质量安全违法行为；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # a fourth development draw (seed 20261296)
    Row(
        "企业破产法 第三十一条 (dev 20261296-058)",
        "第三十一条 人民法院受理破产申请前一年内，涉及债务人财产的下列行为，管理人有权请求人民法院予以撤销：",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "监察法 第四十六条 (dev 20261296-125)",
        "监察机关采取管护措施的，应当在七日以内依法作出留置或者解除管护的决定，特殊情况下可以延长一日至三日。",
        "2024-09-27",
        [("2024-10-08", "deadline", None), ("2024-10-11", "deadline", None)],
    ),
    Row(
        "股票发行与交易管理暂行条例 第四十九条 (dev 20261296-029): a validity from its event",
        "收购要约的有效期不得少于三十个工作日，自收购要约发出之日起计算。",
        "2024-09-27",
        [("2024-11-13", "earliest", None)],
    ),
    # a fifth development draw (seed 20261295): words of the event are not a ban
    Row(
        "国务院关于预防煤矿生产安全事故的特别规定 第十九条 (dev 20261295-148)",
        "第十九条 县级以上地方人民政府负责煤矿安全生产监督管理的部门、煤矿安全监察机构对被责令停产整顿"
        "或者关闭的煤矿，应当自煤矿被责令停产整顿或者关闭之日起3日内在当地主要媒体公告。",
        "2024-09-27",
        [("2024-09-30", "deadline", None)],
    ),
    Row(
        "国家赔偿法 第十四条 (dev 20261295-190)",
        "赔偿请求人可以自赔偿义务机关作出赔偿或者不予赔偿决定之日起三个月内，向人民法院提起诉讼。",
        "2024-09-27",
        [("2024-12-27", "deadline", None)],
    ),
    Row(
        "风景名胜区条例 第五十一条 (dev 20261295-191)",
        "有关单位或者个人对责令限期拆除决定不服的，可以在接到责令限期拆除决定之日起15日内，向人民法院起诉。",
        "2024-09-27",
        [("2024-10-12", "deadline", None)],
    ),
    Row(
        "公安机关办理行政案件程序规定 第一百五十四条 (dev 20261295-051)",
        "第一百五十四条 违反治安管理行为在六个月内没有被公安机关发现，其他违法行为在二年内没有被公安机关"
        "发现的，不再给予行政处罚。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "货物进出口管理条例 第十条 (dev 20261295-050): 在…前N天 counts back",
        "限制进口的货物目录，应当至少在实施前21天公布；在紧急情况下，应当不迟于实施之日公布。",
        "2024-09-27",
        [("2024-09-06", "deadline", None)],
    ),
    Row(
        "戒毒条例 第二十七条 (dev 20261295-180)",
        "第二十七条 强制隔离戒毒的期限为2年，自作出强制隔离戒毒决定之日起计算。",
        "2024-09-27",
        [("2026-09-27", "restriction", None)],
    ),
    # a sixth development draw (seed 20261294)
    Row(
        "证券投资基金法 第六十条 (二) (dev 20261294-042): a duty's object, not a description",
        "（二）在基金募集期限届满后三十日内返还投资人已交纳的款项，并加计银行同期存款利息。",
        "2024-09-27",
        [("2024-10-28", "deadline", None)],
    ),
    Row(
        "学校卫生工作条例 第五条 (dev 20261294-071): a limit each day",
        "学生每日学习时间(包括自习)，小学不超过六小时，中学不超过八小时。",
        "2024-09-27",
        [(None, "condition", None), (None, "condition", None)],
    ),
    Row(
        "电子签名法 第二十四条 (dev 20261294-124)",
        "第二十四条 电子认证服务提供者应当妥善保存与认证相关的信息，"
        "信息保存期限至少为电子签名认证证书失效后五年。",
        "2024-09-27",
        [(None, "restriction", "电子签名认证证书失效")],
    ),
    Row(
        "全国年节及纪念日放假办法 第三条 (三) (dev 20261294-199): a holiday's date, no deadline",
        "（三）儿童节（6月1日），不满14周岁的少年儿童放假1天；",
        "2024-09-27",
        None,
    ),
    # a seventh development draw (seed 20261293): an authority's period after a request
    Row(
        "监察法 第五十六条 (dev 20261293-054)",
        "监察对象对监察机关作出的涉及本人的处理决定不服的，可以在收到处理决定之日起一个月内，向作出决定的"
        "监察机关申请复审，复审机关应当在一个月内作出复审决定。",
        "2024-09-27",
        [("2024-10-28", "deadline", None), (None, "deadline", "申请复审")],
    ),
    Row(
        "化妆品生产经营监督管理办法 第三十二条 (dev 20261293-116)",
        "保证可追溯，保存期限不得少于产品使用期限期满后1年；产品使用期限不足1年的，记录保存期限不得少于2年。",
        "2024-09-27",
        [(None, "restriction", "产品使用期限期满"), ("2026-09-27", "restriction", None)],
    ),
]


def check_row(gongkai: Run, row: Row) -> None:
    """One row through the real CLI: its periods (date, sense, event needed), or a refusal
    in one line (exit 3). Shared by test_law_classes_4 and _5."""
    result = gongkai("deadline", row.clause, "--from", row.start, "--format", "json")
    if row.expected is None:
        assert result.exit_code == 3, (row.source, result.output)
        assert result.stderr.startswith("gongkai: 错误：") and len(result.stderr.splitlines()) == 1
        return
    assert result.exit_code == 0, (row.source, result.output)
    data = json.loads(result.stdout)
    got = [(p["deadline"], p["sense"], p["needs_event"]) for p in data["periods"]]
    assert got == row.expected, row.source


@pytest.mark.parametrize("row", ROWS, ids=[r.source[:40] for r in ROWS])
def test_law_clause_class(gongkai: Run, row: Row) -> None:
    check_row(gongkai, row)


def test_every_span_says_it_is_not_due(gongkai: Run) -> None:
    """A keeping time and a measure's span carry words that say they are no deadline."""
    for clause, words in (
        ("保存期限不少于5年", "保存期至 2029-09-27 届满"),
        ("临时管制的实施期限每次不超过2年", "实施期限（措施持续的期间）至 2026-09-27 届满"),
    ):
        result = gongkai("deadline", clause, "--from", "2024-09-27", "--format", "json")
        data = json.loads(result.stdout)
        assert data["sense"] == "restriction"
        assert any(words in w and "不是办事的期限" in w for w in data["warnings"]), data["warnings"]


def test_an_alternative_without_a_period_is_said(gongkai: Run) -> None:
    """或在开出港启航以前 after a period: the other way has no period, the outer limit is
    unknown, and the answer says so (外国籍非军用船舶通过琼州海峡管理规则 第四条 (一), dev
    20261299-044)."""
    clause = "(一)在进入管理区四十八小时以前或在开出港启航以前，将船名、国籍等情况，详细电报琼州海峡管理处。"
    result = gongkai("deadline", clause, "--from", "2024-09-27T12:00", "--format", "json")
    data = json.loads(result.stdout)
    assert data["deadline"] == "2024-09-25T12:00"
    assert any("或在开出港启航以前" in w and "外限无法确定" in w for w in data["warnings"]), data["warnings"]


def test_hour_before_names_the_hour(gongkai: Run) -> None:
    """前1天15时前: the day before, and the hour said (通用航空飞行管制条例 第十六条)."""
    result = gongkai("deadline", "应当在拟飞行前1天15时前提出", "--from", "2024-09-27", "--format", "json")
    data = json.loads(result.stdout)
    assert data["deadline"] == "2024-09-26"
    assert "最迟在 2024-09-26 15时前" in data["warnings"]
