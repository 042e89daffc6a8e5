"""Readings of law clauses mended as classes after the law audit's fourth sample
(tests/fixtures/law-audit/sample-4.yaml, seed 20261206: 8 silently wrong before) and the
development draws tuned to after it: each row is a clause of a national law text
(LawRefBook/Laws, commit 2f4c5c2), its article, and the answer a careful reader gives,
asked through the real CLI. Each period: (deadline or None, sense, needs_event or None);
a None answer expects a refusal (exit 3) that says why."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Run
from tests.test_law_classes import Row, check_row

ROWS: list[Row] = [
    # lengths listed one after another are lengths, not deadlines (4-008)
    Row(
        "增值税暂行条例 第二十三条 (sample 4, 20261206-008)",
        "第二十三条 增值税的纳税期限分别为1日、3日、5日、10日、15日、1个月或者1个季度。",
        "2024-09-27",
        None,
    ),
    # 满N为… defines a unit (4-017)
    Row(
        "道路交通安全违法行为记分管理办法 第二十七条 (sample 4, 20261206-017)",
        "参加公安机关交通管理部门组织的交通安全公益活动的，满一小时为一次，一次扣减1分。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # the first months of something (4-018)
    Row(
        "劳动保险条例 第九条 (乙) (sample 4, 20261206-018)",
        "乙、在开始实行劳动保险的头两个月内，由企业行政方面或资方按月缴纳的劳动保险金，全数存于中华全国总工会"
        "户内，作为劳动保险总基金，为举办集体劳动保险事业之用。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # an act whose gain follows (由此获得的利润): a look-back condition (4-046)
    Row(
        "股票发行与交易管理暂行条例 第三十八条 (sample 4, 20261206-046)",
        "第三十八条 股份有限公司的董事、监事、高级管理人员和持有公司5%以上有表决权股份的法人股东，"
        "将其所持有的公司股票在买入后六个月内卖出或者在卖出后六个月内买入，由此获得的利润归公司所有。",
        "2024-09-27",
        [(None, "condition", None), (None, "condition", "卖出")],
    ),
    # a failure in a span that is deemed something (未能…视为) (4-051)
    Row(
        "著作权法实施条例 第二十九条 (sample 4, 20261206-051)",
        "第二十九条 著作权人寄给图书出版者的两份订单在6个月内未能得到履行，"
        "视为著作权法第三十二条所称图书脱销。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # 当场 in the case where it can be done, the other case given a period (4-061)
    Row(
        "信访条例 第二十二条 (sample 4, 20261206-061)",
        "有关行政机关收到信访事项后，能够当场答复是否受理的，应当当场书面答复；不能当场答复的，"
        "应当自收到信访事项之日起15日内书面告知信访人。",
        "2024-09-27",
        [(None, "condition", None), ("2024-10-12", "deadline", None)],
    ),
    # 满N followed by a case that must also hold (4-124); the extension runs on from its end
    Row(
        "证券公司风险处置条例 第十三条 (sample 4, 20261206-124)",
        "满12个月，行政重组未完成的，国务院证券监督管理机构可以决定延长行政重组期限，"
        "但延长行政重组期限最长不得超过6个月。",
        "2024-09-27",
        [(None, "condition", None), ("2026-03-27", "deadline", None)],
    ),
    # a period in an exception's case (…没有离开请求国…的除外) (4-131)
    Row(
        "引渡法 第十四条 (sample 4, 20261206-131)",
        "但经中华人民共和国同意，或者被引渡人在其引渡罪行诉讼终结、服刑期满或者提前释放之日起三十日内没有离开"
        "请求国，或者离开后又自愿返回的除外；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # a span of an act after the clause's first event runs from that act (4-146)
    Row(
        "国务院关于实施《公司法》注册资本登记管理制度的规定 第八条 (sample 4, 20261206-146)",
        "第八条 公司自被吊销营业执照、责令关闭或者被撤销之日起，满3年未向公司登记机关申请注销公司登记的，"
        "公司登记机关可以通过国家企业信用信息公示系统予以公告，公告期限不少于60日。",
        "2024-09-27",
        [(None, "earliest", "公告")],
    ),
    # a right that lapses unless used in time: the time to use it (4-058; dev 20261281-160)
    Row(
        "保险法 第十六条 (sample 4, 20261206-058)",
        "前款规定的合同解除权，自保险人知道有解除事由之日起，超过三十日不行使而消灭。",
        "2024-09-27",
        [("2024-10-28", "deadline", None)],
    ),
    Row(
        "民法典 第五百七十四条 (dev 20261281-160): 不行使而消灭 is no ban",
        "债权人领取提存物的权利，自提存之日起五年内不行使而消灭，提存物扣除提存费用后归国家所有。",
        "2020-01-10",
        [("2025-01-10", "deadline", None)],
    ),
    # the development draw of seed 20261281 (tests/fixtures/law-audit/dev-20261281.yaml)
    Row(
        "海商法 第二十六条 (dev 20261281-144): 满N in an exception's case",
        "但是，船舶转让时，船舶优先权自法院应受让人申请予以公告之日起满六十日不行使的除外。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "渔业资源增殖保护费征收使用办法 第五条 (dev 20261281-153): 前3年…的平均 looks back",
        "海洋渔业资源费年征收金额，由沿海省级人民政府渔业行政主管部门或者海区渔政监督管理机构，"
        "在其批准发放捕捞许可证的渔船前3年采捕水产品的平均年总产值(不含专项采捕经济价值较高的渔业资源品种产值)"
        "1%至3%的幅度内确定。",
        "2024-09-27",
        None,
    ),
    Row(
        "道路交通安全法 第二十四条 (dev 20261281-103): 在一年内无…的 + a class of people",
        "对遵守道路交通安全法律、法规，在一年内无累积记分的机动车驾驶人，可以延长机动车驾驶证的审验期。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "民办教育促进法实施条例 第六十六条 (dev 20261281-069): a date in a definition",
        "第六十六条 本条例所称现有民办学校，是指2016年11月7日《全国人民代表大会常务委员会关于修改"
        "〈中华人民共和国民办教育促进法〉的决定》公布前设立的民办学校。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "公司登记管理条例 第五十一条 (四) (dev 20261281-074): 当场…时 is a case",
        "(四)申请文件、材料不齐全或者不符合法定形式的，应当当场或者在5日内一次告知申请人需要补正的全部内容；"
        "当场告知时，应当将申请文件、材料退回申请人；属于5日内告知的，应当收取申请文件、材料并出具收到申请"
        "文件、材料的凭据，逾期不告知的，自收到申请文件、材料之日起即为受理。",
        "2024-09-27",
        [("2024-09-27", "deadline", None), ("2024-10-08", "deadline", None), (None, "condition", None)],
    ),
    Row(
        "失业保险条例 第十七条 (dev 20261281-114): how long a benefit is paid",
        "第十七条 失业人员失业前所在单位和本人按照规定累计缴费时间满1年不足5年的，领取失业保险金的期限最长为"
        "12个月；累计缴费时间满5年不足10年的，领取失业保险金的期限最长为18个月；累计缴费时间10年以上的，"
        "领取失业保险金的期限最长为24个月。",
        "2024-09-27",
        [
            ("2025-09-27", "restriction", None),
            ("2026-03-27", "restriction", None),
            ("2026-09-27", "restriction", None),
        ],
    ),
    Row(
        "妇女权益保障法 第六十四条; 民法典 第一千零八十二条 (dev 20261281-016, -136): spans of one ban",
        "第六十四条 女方在怀孕期间、分娩后一年内或者终止妊娠后六个月内，男方不得提出离婚；但是，女方提出离婚"
        "或者人民法院认为确有必要受理男方离婚请求的除外。",
        "2024-09-27",
        [("2025-09-27", "restriction", None), (None, "restriction", "终止妊娠")],
    ),
    Row(
        "保险法 第五十八条 (dev 20261281-099): 但应当提前十五日 after 可以解除合同",
        "第五十八条 保险标的发生部分损失的，自保险人赔偿之日起三十日内，投保人可以解除合同；"
        "除合同另有约定外，保险人也可以解除合同，但应当提前十五日通知投保人。",
        "2024-09-27",
        [("2024-10-28", "deadline", None), (None, "deadline", "解除合同")],
    ),
    Row(
        "企业破产法 第十八条: 在N内未… with no duty, then 视为",
        "管理人自破产申请受理之日起二个月内未通知对方当事人，或者自收到对方当事人催告之日起三十日内未答复的，"
        "视为解除合同。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # the development draw of seed 20261282 (tests/fixtures/law-audit/dev-20261282.yaml)
    Row(
        "澳门特别行政区基本法 第五十四条 (二) (dev 20261282-018): a refusal in a span, no duty",
        "（二）因两次拒绝签署立法会通过的法案而解散立法会，重选的立法会仍以全体议员三分之二多数通过所争议的"
        "原案，而行政长官在三十日内拒绝签署；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "著作权法实施条例 第十八条 (dev 20261282-029): the N-th year after an event",
        "第十八条 作者身份不明的作品，其著作权法第十条第一款第五项至第十七项规定的权利的保护期截止于作品首次"
        "发表后第50年的12月31日。",
        "2024-09-27",
        None,
    ),
    Row(
        "劳动保险条例 第二十条 (dev 20261282-047): N以后 repeating a span written before",
        "第二十条 残废军人转入本企业工作者，疾病或非因工负伤停止工作医疗期间，不计本企业工龄长短，前六个月"
        "工资照发；六个月以后，仍按第十三条乙款规定办理。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "保税区海关监管办法 第二十三条 (三) (dev 20261282-083): 展期 extends",
        "(三)委托非保税区企业加工业务的期限为6个月；有特殊情况需要延长期限的，应当向海关申请展期，"
        "展期期限为6个月。",
        "2024-09-27",
        [("2025-03-27", "deadline", None), ("2025-09-28", "deadline", None)],
    ),
    Row(
        "国际海运条例 第十二条 (dev 20261281-162): 延期 extends",
        "第十二条 取得国际班轮运输经营资格的国际船舶运输经营者，应当自取得资格之日起180日内开航；"
        "因不可抗力并经国务院交通主管部门同意，可以延期90日。",
        "2024-09-27",
        [("2025-03-26", "deadline", None), ("2025-06-24", "deadline", None)],
    ),
    Row(
        "安全生产许可证条例 第九条 (dev 20261282-120): a validity's 延期 is no duty's extension",
        "企业在安全生产许可证有效期内，严格遵守有关安全生产的法律法规，未发生死亡事故的，安全生产许可证"
        "有效期届满时，经原安全生产许可证颁发管理机关同意，不再审查，安全生产许可证有效期延期3年。",
        "2024-09-27",
        None,
    ),
    Row(
        "饲料和饲料添加剂管理条例 第十二条 (dev 20261282-138): the case before is the event",
        "国务院农业行政主管部门应当自受理申请之日起10个工作日内对申请资料进行审查；审查合格的，将样品交由"
        "指定的机构进行复核检测；复核检测合格的，国务院农业行政主管部门应当在10个工作日内核发饲料、饲料添加剂"
        "进口登记证。",
        "2024-09-27",
        [("2024-10-16", "deadline", None), (None, "deadline", "复核检测合格")],
    ),
    Row(
        "医疗器械注册与备案管理办法 第九十二条 (一) (dev 20261282-158): X后的时限 runs from X",
        "（一）医疗器械临床试验申请的技术审评时限为60日，申请资料补正后的技术审评时限为40日；",
        "2024-09-27",
        [("2024-11-26", "deadline", None), (None, "deadline", "申请资料补正")],
    ),
    # the development draw of seed 20261283 (tests/fixtures/law-audit/dev-20261283.yaml)
    Row(
        "总会计师条例 第十六条 (三) (dev 20261283-005): time served, 工作时间不少于",
        "(三)取得会计师任职资格后，主管一个单位或者单位内一个重要方面的财务会计工作时间不少于3年；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "道路交通事故处理程序规定 第五十八条 (dev 20261283-020): N日后不…的车辆, a class",
        "经通知当事人三十日后不领取的车辆，经公告三个月仍不领取的，对扣留的车辆依法处理。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "企业所得税法实施条例 第七十条 (dev 20261283-026): a length to spread a cost over",
        "第七十条 企业所得税法第十三条第(四)项所称其他应当作为长期待摊费用的支出，自支出发生月份的次月起，"
        "分期摊销，摊销年限不得低于3年。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "反兴奋剂条例 第八条 (dev 20261283-031): kept until past an expiry",
        "生产企业应当记录蛋白同化制剂、肽类激素的生产、销售和库存情况，并保存记录至超过蛋白同化制剂、"
        "肽类激素有效期2年。",
        "2024-09-27",
        [(None, "restriction", "蛋白同化制剂、肽类激素有效期届满")],
    ),
    Row(
        "饲料和饲料添加剂管理条例 第十五条 (dev 20261283-047): 根据审核结果 names the event",
        "省、自治区、直辖市人民政府饲料管理部门应当自受理申请之日起10个工作日内进行书面审查；审查合格的，"
        "组织进行现场审核，并根据审核结果在10个工作日内作出是否核发生产许可证的决定。",
        "2024-09-27",
        [("2024-10-16", "deadline", None), (None, "deadline", "审核结果")],
    ),
    # the development draw of seed 20261284 (tests/fixtures/law-audit/dev-20261284.yaml)
    Row(
        "机动车登记规定 第四十七条 (dev 20261284-161): N日后…作废, a validity's end",
        "机动车办理登记后，机动车所有人收到机动车号牌之日起三日后，临时行驶车号牌作废，不得继续使用。",
        "2024-09-27",
        [("2024-09-30", "restriction", None)],
    ),
    Row(
        "政府采购法实施条例 第九条 (二) (dev 20261284-142): 应 of 供应商 is no duty",
        "(二)参加采购活动前3年内担任供应商的董事、监事；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # the development draw of seed 20261285 (tests/fixtures/law-audit/dev-20261285.yaml)
    Row(
        "证券法 第四十四条 (dev 20261285-008): 由此 after two alternatives",
        "第四十四条 上市公司、股票在国务院批准的其他全国性证券交易场所交易的公司持有百分之五以上股份的股东、"
        "董事、监事、高级管理人员，将其持有的该公司的股票或者其他具有股权性质的证券在买入后六个月内卖出，"
        "或者在卖出后六个月内又买入，由此所得收益归该公司所有，公司董事会应当收回其所得收益。",
        "2024-09-27",
        [(None, "condition", None), (None, "condition", "卖出")],
    ),
    Row(
        "家用汽车产品修理更换退货责任规定 第十八条 (dev 20261285-013): a warranty's minimum",
        "第十八条 家用汽车产品的三包有效期不得低于2年或者行驶里程50,000公里，以先到者为准；"
        "包修期不得低于3年或者行驶里程60,000公里，以先到者为准。",
        "2024-09-27",
        [(None, "condition", None), (None, "condition", None)],
    ),
    Row(
        "事业单位人事管理条例 第十二条 (dev 20261285-061): a contract's term",
        "第十二条 事业单位与工作人员订立的聘用合同，期限一般不低于3年。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "铁路法 第二十二条 (dev 20261285-083): 满N仍无人…的货物",
        "第二十二条 自铁路运输企业发出领取货物通知之日起满三十日仍无人领取的货物，或者收货人书面通知铁路运输"
        "企业拒绝领取的货物，铁路运输企业应当通知托运人，托运人自接到通知之日起满三十日未作答复的，由铁路运输"
        "企业变卖；所得价款在扣除保管等费用后尚有余款的，应当退还托运人，无法退还、自变卖之日起一百八十日内"
        "托运人又未领回的，上缴国库。",
        "2024-09-27",
        # the class of goods stays a condition; the shipper's 30 days to answer (满: the day
        # the railway may sell) and the 180 days to collect run from their own events
        # (lawfix5: a period from a named event in which something is not done)
        [(None, "condition", None), (None, "presumed", "接到通知"), (None, "deadline", "变卖")],
    ),
    Row(
        "刑法 第八十七条 (dev 20261285-116): 如果N年以后…的",
        "如果二十年以后认为必须追诉的，须报请最高人民检察院核准。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "工伤保险条例 第四十一条 (dev 20261285-167): N个月内照发工资, a span of pay",
        "第四十一条 职工因工外出期间发生事故或者在抢险救灾中下落不明的，从事故发生当月起3个月内照发工资，"
        "从第4个月起停发工资，由工伤保险基金向其供养亲属按月支付供养亲属抚恤金。",
        "2024-09-27",
        [("2024-12-27", "restriction", None)],
    ),
    Row(
        "旅游法 第六十三条 (dev 20261285-101): 至少提前 names its event",
        "但是，境内旅游应当至少提前七日通知旅游者，出境旅游应当至少提前三十日通知旅游者。",
        "2024-09-27",
        [("2024-09-20", "deadline", None), (None, "deadline", "出境旅游")],
    ),
    # the development draw of seed 20261286 (tests/fixtures/law-audit/dev-20261286.yaml)
    Row(
        "机动车登记规定 第二十条 (dev 20261286-009): how often in a span",
        "同一机动车一年内可以互换变更一次机动车号牌号码。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "证券、期货投资咨询管理暂行办法 第十七条 (dev 20261286-064): 满N后自动失效",
        "取得证券、期货投资咨询从业资格，但是未在证券、期货投资咨询机构执业的，其从业资格自取得之日起满18个月后"
        "自动失效。",
        "2024-09-27",
        [("2026-03-27", "restriction", None)],
    ),
    Row(
        "公安机关办理刑事案件程序规定 第三百三十九条 (一) (dev 20261286-076): N后…的, nothing follows",
        "（一）恐怖活动犯罪等重大犯罪案件，犯罪嫌疑人逃匿，在通缉一年后不能到案的；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "邮政法 第十九条 (dev 20261286-143): a minimum for each week",
        "第十九条 邮政企业在城市每周的营业时间应当不少于六天，投递邮件每天至少一次；在乡、镇人民政府所在地"
        "每周的营业时间应当不少于五天，投递邮件每周至少五次。",
        "2024-09-27",
        [(None, "condition", None), (None, "condition", None)],
    ),
    Row(
        "全民所有制工业企业承包经营责任制暂行条例 第十七条 (dev 20261286-167): a contract's term",
        "第十七条 承包期限，一般不得少于3年。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # the development draw of seed 20261287 (tests/fixtures/law-audit/dev-20261287.yaml)
    Row(
        "统计法实施条例 第五十条 (四) (dev 20261287-172): N内被…N次以上",
        "(四)有统计法第四十一条第一款所列违法行为之一，1年内被责令改正3次以上。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "武器装备科研生产许可管理条例 第十一条 (dev 20261287-167): 自 of 自治区 opens no event",
        "第十一条 国务院国防科技工业主管部门受理申请后，应当进行审查，并自受理申请之日起60日内或者自收到省、"
        "自治区、直辖市人民政府负责国防科技工业管理的部门报送的审查意见和全部申请材料之日起30日内，做出决定。",
        "2024-09-27",
        [
            ("2024-11-26", "deadline", None),
            (
                None,
                "deadline",
                "收到省、自治区、直辖市人民政府负责国防科技工业管理的部门报送的审查意见和全部申请材料",
            ),
        ],
    ),
    # the development draw of seed 20261288 (tests/fixtures/law-audit/dev-20261288.yaml)
    Row(
        "劳动争议调解仲裁法 第二十九条 (dev 20261288-041): 认为…的 is the subject's finding",
        "第二十九条 劳动争议仲裁委员会收到仲裁申请之日起五日内，认为符合受理条件的，应当受理，并通知申请人；"
        "认为不符合受理条件的，应当书面通知申请人不予受理，并说明理由。",
        "2024-09-27",
        [("2024-10-08", "deadline", None)],
    ),
    Row(
        "企业名称登记管理规定 第十八条 (dev 20261288-046): a reservation's validity",
        "设立企业依法应当报经批准或者企业经营范围中有在登记前须经批准的项目的，保留期为1年。",
        "2024-09-27",
        [("2025-09-27", "restriction", None)],
    ),
    Row(
        "仲裁委员会登记暂行办法 第九条 (dev 20261288-133): 届满N时终止, not moved",
        "第九条 仲裁法施行前在直辖市和省、自治区人民政府所在地的市以及其他设区的市设立的仲裁机构，"
        "应当依照仲裁法和国务院的有关规定重新组建，并依照本办法申请设立登记；未重新组建的，"
        "自仲裁法施行之日起届满1年时终止。",
        "2024-09-27",
        [("2025-09-27", "restriction", None)],
    ),
    Row(
        "保障中小企业款项支付条例 第九条 (dev 20261288-157): a cap from the same event",
        "第九条 机关、事业单位从中小企业采购货物、工程、服务，应当自货物、工程、服务交付之日起30日内"
        "支付款项；合同另有约定的，从其约定，但付款期限最长不得超过60日。",
        "2024-09-27",
        [("2024-10-28", "deadline", None), ("2024-11-26", "deadline", None)],
    ),
    Row(
        "专利法实施细则 第七十八条 (dev 20261288-169): 满N in a definition",
        "前款所称发明专利在授权过程中不合理延迟的实际天数，是指自发明专利申请日起满4年且自实质审查请求之日起满3年"
        "之日至公告授予专利权之日的间隔天数，减去合理延迟的天数和由申请人引起的不合理延迟的天数。",
        "2024-09-27",
        [(None, "condition", None), (None, "condition", "实质审查请求")],
    ),
    # the development draw of seed 20261289 (tests/fixtures/law-audit/dev-20261289.yaml)
    Row(
        "政府采购法实施条例 第九条 (一) (dev 20261289-079): a look-back list item",
        "(一)参加采购活动前3年内与供应商存在劳动关系；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "快递暂行条例 第四十条 (二) (dev 20261289-090): 未提前N日 is a failure",
        "(二)停止经营快递业务，未提前10日向社会公告，未书面告知邮政管理部门并交回快递业务经营许可证，"
        "或者未依法妥善处理尚未投递的快件；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "著作权集体管理条例 第二十三条 (dev 20261289-196): a contract's longest term",
        "许可使用合同的期限不得超过2年；合同期限届满可以续订。",
        "2024-09-27",
        [("2026-09-27", "restriction", None)],
    ),
    # the development draw of seed 20261280 (tests/fixtures/law-audit/dev-20261280.yaml)
    Row(
        "探矿权采矿权转让管理办法 第五条 (一) (dev 20261280-027): 满N as a listed case",
        "(一)自颁发勘查许可证之日起满2年，或者在勘查作业区内发现可供进一步勘查或者开采的矿产资源；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "引渡法 第七条 (二) (dev 20261280-077): a sentence's length",
        "（二）为了提起刑事诉讼而请求引渡的，根据中华人民共和国法律和请求国法律，对于引渡请求所指的犯罪均可判处"
        "一年以上有期徒刑或者其他更重的刑罚；为了执行刑罚而请求引渡的，在提出引渡请求时，被请求引渡人尚未服完的"
        "刑期至少为六个月。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("一年半内", "2026-03-27"),  # eighteen months, not one year
        ("两个半月内", None),  # two months and fifteen days: refused, not 半月 alone
        ("一个半月", None),
    ],
)
def test_half_units_are_not_read_short(gongkai: Run, phrase: str, expected: str | None) -> None:
    """一年半 is 18 months; N个半月 cannot be one unit and is refused with how to count it
    (dev 20261282-173: 刑事诉讼法 第二百二十条 可以延长至一个半月 was read as 15 days)."""
    result = gongkai("deadline", phrase, "--from", "2024-09-27", "--format", "json")
    if expected is None:
        assert result.exit_code == 3 and "N个月又十五日" in result.stderr, result.output
        return
    assert json.loads(result.stdout)["deadline"] == expected


@pytest.mark.parametrize("row", ROWS, ids=[r.source[:40] for r in ROWS])
def test_law_clause_class(gongkai: Run, row: Row) -> None:
    check_row(gongkai, row)


def test_an_extension_after_a_condition_says_where_it_counts_from(gongkai: Run) -> None:
    """满12个月，…未完成的，…延长…最长不得超过6个月: the condition has no date of its own, and
    the extension says it runs on from the day the 12 months are complete (证券公司风险处置条例
    第十三条)."""
    clause = ROWS[6].clause
    result = gongkai("deadline", clause, "--from", "2024-09-27", "--format", "json")
    extension = json.loads(result.stdout)["periods"][1]
    assert any("前一期限届满之日 2025-09-27" in w for w in extension["warnings"]), extension["warnings"]


def test_a_list_of_lengths_says_what_it_is(gongkai: Run) -> None:
    """The refusal of 1日、3日… says the numbers are lengths (增值税暂行条例 第二十三条)."""
    result = gongkai("deadline", ROWS[0].clause, "--from", "2024-09-27")
    assert "是一段时间的长短" in result.stderr, result.stderr
