"""Readings of law clauses mended as classes after the law audit's sixth sample
(tests/fixtures/law-audit/sample-6.yaml, seed 20261208: 137 of 150 right after lawfix3,
the 13 others refused or partial): each row is a clause of a national law text
(LawRefBook/Laws, commit 2f4c5c2), its article, and the answer a careful reader gives,
asked through the real CLI. Each period: (deadline or None, sense, needs_event or None);
a None answer expects a refusal (exit 3) that says why."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Run
from tests.test_law_classes import Row, check_row

ROWS: list[Row] = [
    # 1. a cap on a term of years is a span: never moved, so no holiday calendar is needed
    # for its end (2029, 2054, 2094 have no arrangement) (6-035, 6-041, 6-098, 6-116)
    Row(
        "矿产资源法实施细则 第三十条 (采矿权的期限…最长不超过三十年; sample 6, 20261208-035)",
        "采矿权的期限结合矿产资源储量和矿山建设规模确定，最长不超过三十年。",
        "2024-09-27",
        [("2054-09-27", "restriction", None)],
    ),
    Row(
        "保守国家秘密法 第十五条 (保密期限…绝密级不超过三十年; sample 6, 20261208-041)",
        "国家秘密的保密期限，除另有规定外，绝密级不超过三十年，机密级不超过二十年，秘密级不超过十年。",
        "2024-09-27",
        [
            ("2054-09-27", "restriction", None),
            ("2044-09-27", "restriction", None),
            ("2034-09-27", "restriction", None),
        ],
    ),
    Row(
        "取水许可和水资源费征收管理条例 第二十五条 (有效期限一般为5年，最长不超过10年; 6-098)",
        "第二十五条 取水许可证有效期限一般为5年，最长不超过10年。",
        "2024-09-27",
        [("2029-09-27", "restriction", None), ("2034-09-27", "restriction", None)],
    ),
    Row(
        "退耕还林条例 第四十八条 (承包经营权期限可以延长到70年; sample 6, 20261208-116)",
        "第四十八条 退耕土地还林后的承包经营权期限可以延长到70年。",
        "2024-09-27",
        [("2094-09-27", "restriction", None)],
    ),
    Row(
        "the same class within the calendar's years: a span's end on a Sunday is not moved",
        "采矿权的期限结合矿产资源储量和矿山建设规模确定，最长不超过二年。",
        "2024-09-27",
        [("2026-09-27", "restriction", None)],  # 中秋节 2026: a deadline would move to 09-28
    ),
    # ... and a date of the past before which something was done names a class (6-038)
    Row(
        "增值税等税收暂行条例有关问题的通知 (一) (1993年12月31日前已批准设立的; sample 6, 20261208-038)",
        "(一)1993年12月31日前已批准设立的外商投资企业，由于改征增值税、消费税、营业税增加税负的，由企业提出申请，"
        "税务机关审核批准，在已批准的经营期限内，准予退还因税负增加而多缴纳的税款，但最长不得超过5年；没有经营期限的，"
        "经企业申请，税务机关批准，在最长不超过5年的期限内，退还上述多缴纳的税款。",
        "2024-09-27",
        [(None, "condition", None), ("2029-09-27", "restriction", None)],
    ),
    # still deadlines: a procedure's time, a postponed duty's time, a named date to act by
    Row(
        "开工建设只能延期一次，期限最长不得超过1年 (sample 1, 20261203-117: a duty postponed)",
        "开工建设只能延期一次，期限最长不得超过1年。",
        "2024-09-27",
        [("2025-09-28", "deadline", None)],  # 09-27 2025 is a Saturday: moved to the worked Sunday
    ),
    Row(
        "已…的 names a class; the duty's own date after it is still its deadline",
        "2020年12月31日前已经取得资格的人员应当于2025年12月31日前重新登记。",
        "2024-09-27",
        [(None, "condition", None), ("2025-12-31", "deadline", None)],
    ),
    # 2. bans for a range, up to life, and a measure's span: restrictions (6-027, 6-131,
    # 6-145, 6-147; 1-130)
    Row(
        "医师法 第五十四条 (一年至三年内禁止参加医师资格考试; sample 6, 20261208-145)",
        "第五十四条 在医师资格考试中有违反考试纪律等行为，情节严重的，一年至三年内禁止参加医师资格考试。",
        "2024-09-27",
        [("2027-09-27", "restriction", None)],
    ),
    Row(
        "招标投标法 第五十三条 (取消其一年至二年内…投标资格; sample 6, 20261208-027)",
        "情节严重的，取消其一年至二年内参加依法必须进行招标的项目的投标资格并予以公告，"
        "直至由工商行政管理机关吊销营业执照；构成犯罪的，依法追究刑事责任。",
        "2024-09-27",
        [("2026-09-27", "restriction", None)],  # a Sunday: a ban's end is not moved
    ),
    Row(
        "药品管理法 第一百二十五条 (十年直至终身禁止从事; sample 6, 20261208-131)",
        "对法定代表人、主要负责人、直接负责的主管人员和其他责任人员处二万元以上二十万元以下的罚款，"
        "十年直至终身禁止从事药品生产经营活动：",
        "2024-09-27",
        [("2034-09-27", "restriction", None)],
    ),
    Row(
        "国境卫生检疫法实施细则 第九十九条 (实施6日的留验; sample 6, 20261208-147)",
        "对无有效的黄热病预防接种证书的人员，卫生检疫机关可以从该人员离开感染环境的时候算起，实施6日的留验，"
        "或者实施预防接种并留验到黄热病预防接种证书生效时为止。",
        "2024-09-27",
        [("2024-10-03", "restriction", None)],  # 国庆: a measure's end is not moved
    ),
    Row(
        "a penalty's range with no ban stays a length (暂停其六个月至一年内从事相关业务)",
        "暂停其六个月至一年内从事相关业务",
        "2024-09-27",
        None,
    ),
    # 3. N before an event named at the head of a sentence whose duty follows (6-115)
    Row(
        "收费公路管理条例 第三十八条 (终止收费前6个月; sample 6, 20261208-115)",
        "第三十八条 收费公路终止收费前6个月，省、自治区、直辖市人民政府交通主管部门"
        "应当对收费公路进行鉴定和验收。",
        "2024-09-27",
        [("2024-03-27", "deadline", None)],
    ),
    Row(
        "草原法 第六十六条 (still a look-back: 被破坏前三年平均产值, no duty after)",
        "没有违法所得的，可以并处草原被破坏前三年平均产值六倍以上十二倍以下的罚款。",
        "2024-09-27",
        None,
    ),
    # 4. the partials: extensions by hours (6-073), the time after a keeping span (6-106)
    Row(
        "人民警察盘问检查规定 第十一条 (可以延长至二十四小时…四十八小时; sample 6, 20261208-073)",
        "第十一条 继续盘问的时限一般为十二小时；对在十二小时以内确实难以证实或者排除其违法犯罪嫌疑的，"
        "可以延长至二十四小时；对不讲真实姓名、住址、身份，且在二十四小时以内仍不能证实或者排除其违法犯罪嫌疑的，"
        "可以延长至四十八小时。",
        "2024-09-27T08:00",
        [
            ("2024-09-27T20:00", "deadline", None),
            ("2024-09-28T08:00", "deadline", None),
            ("2024-09-29T08:00", "deadline", None),
        ],
    ),
    Row(
        "公共安全视频图像信息系统管理条例 第十七条 (保存不少于30日；30日后…删除; 6-106)",
        "第十七条 公共安全视频系统收集的视频图像信息应当保存不少于30日；"
        "30日后，对已经实现处理目的的视频图像信息，"
        "应当予以删除。",
        "2024-09-27",
        [("2024-10-27", "restriction", None), ("2024-10-27", "earliest", None)],
    ),
    # 5. found on the development draw 20261300: a report passed on up a chain, 当场 in a
    # case of its own, a date before which a thing was had (a class)
    Row(
        "病原微生物实验室生物安全管理条例 第十七条 (接到报告后2小时内, twice; dev 20261300-082)",
        "县级人民政府应当在接到报告后2小时内向设区的市级人民政府或者上一级人民政府报告；"
        "设区的市级人民政府应当在接到报告后2小时内向省、自治区、直辖市人民政府报告。",
        "2024-09-27T08:00",
        [("2024-09-27T10:00", "deadline", None), (None, "deadline", "设区的市级人民政府接到报告")],
    ),
    Row(
        "still one event: the same office, the same receipt (应当在接到报告后…；并在接到报告后…)",
        "县级人民政府应当在接到报告后2小时内向上一级人民政府报告；县级人民政府应当在接到报告后24小时内组织调查。",
        "2024-09-27T08:00",
        [("2024-09-27T10:00", "deadline", None), ("2024-09-28T08:00", "deadline", None)],
    ),
    Row(
        "公司登记管理条例 第五十三条 (三) (…的，应当当场作出准予登记的决定; dev 20261300-193)",
        "(三)通过电报、电传、传真、电子数据交换和电子邮件等方式提交申请的，申请人应当自收到《受理通知书》之日起"
        "15日内，提交与电报、电传、传真、电子数据交换和电子邮件等内容一致并符合法定形式的申请文件、材料原件；"
        "申请人到公司登记机关提交申请文件、材料原件的，应当当场作出准予登记的决定；申请人通过信函方式提交申请文件、"
        "材料原件的，应当自受理之日起15日内作出准予登记的决定。",
        "2024-09-27",
        [
            ("2024-10-12", "deadline", None),
            (None, "deadline", "到公司登记机关提交申请文件、材料原件"),  # 当场: the same day
            (None, "deadline", "受理"),
        ],
    ),
    Row(
        "居民身份证法 第二十三条 (在2012年1月1日以前领取的居民身份证; dev 20261300-189)",
        "依照本法在2012年1月1日以前领取的居民身份证，在其有效期内，继续有效。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # found on the development draw 20261301: an answer to a request for opinions, a
    # licence withheld, a look-back before now, spans named …期 past the calendar
    Row(
        "校车安全管理条例 第十五条 (征求意见，…应当在3个工作日内回复意见; dev 20261301-017)",
        "教育行政部门应当自收到申请材料之日起3个工作日内，分别送同级公安机关交通管理部门、交通运输部门征求意见，"
        "公安机关交通管理部门和交通运输部门应当在3个工作日内回复意见。",
        "2024-09-27",
        [("2024-10-08", "deadline", None), (None, "deadline", "征求意见")],
    ),
    Row(
        "渔港水域交通安全管理条例 第二十条 (扣留职务证书时间最长不超过6个月; dev 20261301-073)",
        "情节严重的，扣留或者吊销船长职务证书(扣留职务证书时间最长不超过6个月，下同)。",
        "2024-09-27",
        [("2025-03-27", "restriction", None)],
    ),
    Row(
        "商标法 第六十四条 (提供此前三年内实际使用该注册商标的证据; dev 20261301-161)",
        "人民法院可以要求注册商标专用权人提供此前三年内实际使用该注册商标的证据。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "行政机关公务员处分条例 第十条 (处分期最长不得超过48个月; dev 20261301-015)",
        "处分期最长不得超过48个月。",
        "2024-09-27",
        [("2028-09-27", "restriction", None)],
    ),
    Row(
        "著作权法 第四十七条 (保护期为五十年; dev 20261301-145)",
        "本条第一款规定的权利的保护期为五十年，截止于该广播、电视首次播放后第五十年的12月31日。",
        "2024-09-27",
        [("2074-09-27", "restriction", None)],
    ),
    Row(
        "still a deadline: a review's cap in months (审查期限不超过六个月)",
        "审查期限不超过六个月。",
        "2024-09-27",
        [("2025-03-27", "deadline", None)],
    ),
    # found on the development draw 20261302: a span named …期 and its extension, the
    # whole length once extended, the products of a span before an event
    Row(
        "破坏性地震应急条例 第二十二条 (震后应急期一般为10日；可以延长20日; dev 20261302-067)",
        "震后应急期一般为10日；必要时，可以延长20日。",
        "2024-09-27",
        [("2024-10-07", "restriction", None), ("2024-10-27", "restriction", None)],  # 国庆: not moved
    ),
    Row(
        "居住证暂行条例 第九条 (但延长后最长不得超过30日; dev 20261302-112)",
        "对符合居住证办理条件的，公安机关应当自受理之日起15日内制作发放居住证；在偏远地区、交通不便的地区或者"
        "因特殊情况，不能按期制作发放居住证的，设区的市级以上地方人民政府在实施办法中可以对制作发放时限作出延长规定，"
        "但延长后最长不得超过30日。",
        "2024-09-27",
        [("2024-10-12", "deadline", None), ("2024-10-28", "deadline", None)],
    ),
    Row(
        "反补贴条例 第四十五条 (实施临时反补贴措施之日前90天内进口的产品; dev 20261302-147)",
        "第四十五条 下列三种情形并存的，"
        "必要时可以对实施临时反补贴措施之日前90天内进口的产品追溯征收反补贴税：",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "still a deadline: an inquiry's time (特别重大事故的调查期限为60日; dev 20261300-004)",
        "(一)特别重大事故的调查期限为60日；",
        "2024-09-27",
        [("2024-11-26", "deadline", None)],
    ),
    # mended on the development draw 20261303 (refused before): a window between two counts
    # back, a span named after its length, a class before a date of 1983
    Row(
        "化妆品生产经营监督管理办法 第二十条 (届满前90个工作日至30个工作日期间; dev 20261303-012)",
        "申请人应当在生产许可证有效期届满前90个工作日至30个工作日期间向所在地省、自治区、直辖市药品监督管理部门"
        "提出延续许可申请。",
        "2024-09-27",
        [("2024-08-15", "window", None)],
    ),
    Row(
        "道路交通安全法实施条例 第二十二条 (…后的12个月为实习期; dev 20261303-026)",
        "机动车驾驶人初次申领机动车驾驶证后的12个月为实习期。",
        "2024-09-27",
        [("2025-09-27", "restriction", None)],
    ),
    Row(
        "海洋石油勘探开发环境保护管理条例 第八条 (一九八三年三月一日以前，已经…的平台; dev 20261303-167)",
        "一九八三年三月一日以前，已经在中华人民共和国管辖海域从事石油勘探开发的固定式和移动式平台，"
        "防污设备达不到规定要求的，应采取有效措施，防止污染。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # found on the development draw 20261304: a ruling to serve is no ban, a right that
    # lapses unless used, a span's end from a later event, a dated document, a measure
    Row(
        "行政强制法 第五十八条 (在五日内将不予执行的裁定送达; dev 20261304-002)",
        "裁定不予执行的，应当说明理由，并在五日内将不予执行的裁定送达行政机关。",
        "2024-09-27",
        [("2024-10-08", "deadline", None)],
    ),
    Row(
        "信托法 第十二条 (一年内不行使的，归于消灭; dev 20261304-079)",
        "本条第一款规定的申请权，自债权人知道或者应当知道撤销原因之日起一年内不行使的，归于消灭。",
        "2024-09-27",
        [("2025-09-28", "deadline", None)],
    ),
    Row(
        "农村集体经济组织法 第五十七条 (still cases: 一年内或者…五年内未行使…的; dev 20261302-083)",
        "受侵害的农村集体经济组织成员自知道或者应当知道撤销事由之日起一年内或者自该决定作出之日起五年内"
        "未行使撤销权的，撤销权消灭。",
        "2024-09-27",
        [(None, "condition", None), (None, "condition", None)],
    ),
    Row(
        "证券法 第四十二条 (自…之日起至上述文件公开后五日内，不得买卖; dev 20261304-091)",
        "实际开展上述有关工作之日早于接受委托之日的，自实际开展上述有关工作之日起至上述文件公开后五日内，"
        "不得买卖该证券。",
        "2024-09-27",
        [(None, "restriction", "上述文件公开")],
    ),
    Row(
        "内河交通安全管理条例 第九十五条 (1986年12月16日国务院发布的《…》; dev 20261304-113)",
        "1986年12月16日国务院发布的《中华人民共和国内河交通安全管理条例》同时废止。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "国境卫生检疫法实施细则 第七十九条 (实施不超过5日的就地诊验; dev 20261304-163)",
        "或者对离船、离航空器的员工、旅客，从离开疫区时算起，实施不超过5日的就地诊验或者留验。",
        "2024-09-27",
        [("2024-10-02", "restriction", None)],
    ),
    # found on the development draw 20261305: a span whose measure the part before names,
    # a validity that goes on for at most N hours
    Row(
        "期货和衍生品法 第一百零六条 (六) (可以冻结、查封，期限为六个月; dev 20261305-013)",
        "经国务院期货监督管理机构主要负责人批准，可以冻结、查封，期限为六个月；因特殊原因需要延长的，"
        "每次延长期限不得超过三个月，最长期限不得超过二年；",
        "2024-09-27",
        [("2025-03-27", "restriction", None), ("2026-09-28", "deadline", None)],
    ),
    Row(
        "民用航空法 第一百六十七条 (一) (继续有效，但是不得超过二十四小时; dev 20261305-081)",
        "然而保险或者担保在飞行中期满的，该项保险或者担保在飞行计划中所载下一次降落前继续有效，"
        "但是不得超过二十四小时；",
        "2024-09-27T10:00",
        [("2024-09-28T10:00", "restriction", None)],
    ),
    # found on the development draw 20261306: a period from an event of its own after a
    # named date; a seizure's cap and a time to make up a deduction stay deadlines
    Row(
        "境外非政府组织境内活动管理法 第十九条 (每年12月31日前…，业务主管单位同意后十日内; dev 20261306-158)",
        "境外非政府组织代表机构应当于每年12月31日前将下一年度活动计划报业务主管单位，"
        "业务主管单位同意后十日内报登记管理机关备案。",
        "2024-09-27",
        [("2024-12-31", "deadline", None), (None, "deadline", "业务主管单位同意")],
    ),
    Row(
        "社会团体登记管理条例 第二十八条 (still two dates: 每年3月31日前…，于5月31日前)",
        "每年3月31日前向业务主管单位报送上一年度的工作报告，经业务主管单位初审同意后，于5月31日前报送登记管理机关。",
        "2024-09-27",
        [("2025-03-31", "deadline", None), ("2025-05-31", "deadline", None)],
    ),
    Row(
        "海关行政处罚实施条例 第四十条 (扣留…的期限不得超过1年: still a deadline; dev 20261306-066)",
        "海关扣留货物、物品、运输工具以及账册、单据等资料的期限不得超过1年。",
        "2024-09-27",
        [("2025-09-28", "deadline", None)],
    ),
    # found on the development draw 20261307: what an office must do with what was handed
    # to it runs from its receipt
    Row(
        "行政处罚法 第七十一条 (…交至行政机关；行政机关应当在二日内…缴付指定的银行; dev 20261307-063)",
        "执法人员当场收缴的罚款，应当自收缴罚款之日起二日内，交至行政机关；在水上当场收缴的罚款，"
        "应当自抵岸之日起二日内交至行政机关；行政机关应当在二日内将罚款缴付指定的银行。",
        "2024-09-27",
        [("2024-09-29", "deadline", None), (None, "deadline", "抵岸"), (None, "deadline", "行政机关收到")],
    ),
    # found on the development draw 20261308: a period after a case opened by 如, the same
    # meeting named twice, spans listed before one ban, a keeping minimum, a window after
    # an event, a class by age, a listed case
    Row(
        "香港特别行政区基本法 第四十九条 (立法会如以…再次通过原案，…必须在一个月内; dev 20261308-005)",
        "行政长官如认为立法会通过的法案不符合香港特别行政区的整体利益，可在三个月内将法案发回立法会重议，"
        "立法会如以不少于全体议员三分之二多数再次通过原案，行政长官必须在一个月内签署公布。",
        "2024-09-27",
        [("2024-12-27", "deadline", None), (None, "deadline", "以不少于全体议员三分之二多数再次通过原案")],
    ),
    Row(
        "著作权集体管理条例 第十七条 (会员大会召开60日以前…会议召开30日以前; dev 20261308-048)",
        "理事会应当于会员大会召开60日以前将会议的时间、地点和拟审议事项予以公告；"
        "出席会员大会的会员，应当于会议召开30日以前报名。",
        "2024-09-27",
        [("2024-07-29", "deadline", None), ("2024-08-28", "deadline", None)],
    ),
    Row(
        "城市道路管理条例 第三十三条 (…后1年内、…后2年内不得挖掘; dev 20261308-009, shorter spans)",
        "新建、扩建、改建的城市道路交付使用后1年内、大修的城市道路竣工后2年内不得挖掘。",
        "2024-09-27",
        [("2025-09-27", "restriction", None), (None, "restriction", "大修的城市道路竣工")],
    ),
    Row(
        "医疗器械经营监督管理办法 第三十八条 (…；没有有效期的，不得少于5年; dev 20261308-101)",
        "销售记录应当保存至医疗器械有效期满后2年；没有有效期的，不得少于5年。",
        "2024-09-27",
        [(None, "restriction", "医疗器械有效期满"), ("2029-09-27", "restriction", None)],
    ),
    Row(
        "证券投资基金法 第八十六条 (召开时间的三个月以后、六个月以内; dev 20261308-172)",
        "召集人可以在原公告的基金份额持有人大会召开时间的三个月以后、六个月以内，就原定审议事项重新召集"
        "基金份额持有人大会。",
        "2024-09-27",
        [("2025-03-27", "window", None)],
    ),
    Row(
        "道路交通安全法实施条例 第十六条 (四) (摩托车4年以内每2年检验1次; dev 20261308-046)",
        "(四)摩托车4年以内每2年检验1次；超过4年的，每年检验1次；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "保障措施条例 第三十条 (二) (自…之日起5年内，未对同一产品实施…; dev 20261308-087)",
        "(二)自实施该保障措施之日起5年内，未对同一产品实施2次以上保障措施。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # found on the development draw 20261309: a listed requirement on a length
    Row(
        "股票发行与交易管理暂行条例 第十一条 (二) (距…的时间不少于十二个月; dev 20261309-125)",
        "(二)距最近一次定向募集股份的时间不少于十二个月；",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # found on the development draw 20261310: a suspension is a ban; N年零M个月 is its months
    Row(
        "海南自由贸易港法 第三十六条 (一年内暂停审批…; dev 20261310-038)",
        "环境保护目标未完成的地区，一年内暂停审批该地区新增重点污染物排放总量的建设项目环境影响评价文件。",
        "2024-09-27",
        [("2025-09-27", "restriction", None)],
    ),
    Row(
        "still a deadline: a duty to suspend (应当在三日内暂停营业)",
        "应当在三日内暂停营业。",
        "2024-09-27",
        [("2024-09-30", "deadline", None)],
    ),
    Row(
        "药品行政保护条例 第十三条 (保护期为七年零六个月; dev 20261310-197)",
        "第十三条 药品行政保护期为七年零六个月，自药品行政保护证书颁发之日起计算。",
        "2024-09-27",
        [("2032-03-27", "restriction", None)],
    ),
    # found on the development draw 20261311: a validity's shortest length, a thing's name
    # is no event, a definition is no term
    Row(
        "出境入境管理法 第三十条 (有效期最短为九十日，最长为五年; dev 20261311-157)",
        "外国人工作类居留证件的有效期最短为九十日，最长为五年。",
        "2024-09-27",
        [(None, "condition", None), ("2029-09-27", "restriction", None)],
    ),
    Row(
        "工业产品生产许可证管理条例 第二十五条 (…生产许可证的有效期为3年; dev 20261311-082)",
        "第二十五条 生产许可证有效期为5年，但是，食品加工企业生产许可证的有效期为3年。",
        "2024-09-27",
        [("2029-09-27", "restriction", None), ("2027-09-27", "restriction", None)],
    ),
    Row(
        "资源税法 第十六条 (七) (是指…剩余开采年限不超过五年的矿山: refused; dev 20261311-171)",
        "（七）衰竭期矿山，是指设计开采年限超过十五年，且剩余开采年限不超过五年的矿山。",
        "2024-09-27",
        None,
    ),
    # found on the development draw 20261312: a span during which consent is needed
    Row(
        "著作权法实施条例 第十二条 (职务作品完成两年内，经单位同意，…; dev 20261312-138)",
        "第十二条 职务作品完成两年内，经单位同意，作者许可第三人以与单位使用的相同方式使用作品所获报酬，"
        "由作者与单位按约定的比例分配。",
        "2024-09-27",
        [("2026-09-27", "restriction", None)],
    ),
    Row(
        "still a deadline: a time to act from an event (自受理之日起二十日内，经…批准，作出决定)",
        "自受理之日起二十日内，经本机关负责人批准，作出决定。",
        "2024-09-27",
        [("2024-10-17", "deadline", None)],
    ),
    # found on the development draw 20261313: a span named …期 with a cap in months
    Row(
        "工伤保险条例 第三十三条 (停工留薪期一般不超过12个月; dev 20261313-016)",
        "停工留薪期一般不超过12个月。",
        "2024-09-27",
        [("2025-09-27", "restriction", None)],
    ),
    Row(
        "still a deadline: a review's time named …期 (审查期最长不得超过6个月)",
        "审查期最长不得超过6个月。",
        "2024-09-27",
        [("2025-03-27", "deadline", None)],
    ),
    # found on the development draw 20261314: a period after a case naming a request runs
    # from the request; 责令候查 is a restraint like 取保候审
    Row(
        "行政许可法 第四十七条 (…五日内提出听证申请的，行政机关应当在二十日内组织听证; dev 20261314-048)",
        "行政机关在作出行政许可决定前，应当告知申请人、利害关系人享有要求听证的权利；申请人、利害关系人在"
        "被告知听证权利之日起五日内提出听证申请的，行政机关应当在二十日内组织听证。",
        "2024-09-27",
        [(None, "deadline", "提出听证申请")],
    ),
    Row(
        "监察法 第四十六条 (责令候查最长不得超过十二个月; dev 20261314-082)",
        "责令候查最长不得超过十二个月。",
        "2024-09-27",
        [("2025-09-27", "restriction", None)],
    ),
    # found on the development draw 20261315: a cap on a run of days, a measure's span named
    # in the parts before, what did not happen in a span (a case)
    Row(
        "全国年节及纪念日放假办法 第七条 (连续工作一般不超过6天; dev 20261315-100)",
        "除个别特殊情形外，法定节假日假期前后连续工作一般不超过6天。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "反补贴条例 第三十一条 (措施实施的期限，自…之日起，不超过4个月; dev 20261315-179)",
        "第三十一条 临时反补贴措施实施的期限，自临时反补贴措施决定公告规定实施之日起，不超过4个月。",
        "2024-09-27",
        [("2025-01-27", "restriction", None)],
    ),
    Row(
        "国务院关于预防煤矿生产安全事故的特别规定 第二十一条 (1周内其负责人…没有…的; dev 20261315-185)",
        "煤矿安全监察机构发现煤矿企业在生产过程中，1周内其负责人或者生产经营管理人员没有按照国家规定带班下井，"
        "或者下井登记档案虚假的，责令改正。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # found on the development draw 20261316: lengths listed for classes before one act,
    # a past expiry names a class
    Row(
        "电信条例 第三十二条 (城镇48小时、农村72小时内修复; dev 20261316-126)",
        "电信业务经营者应当自接到申告之日起，城镇48小时、农村72小时内修复或者调通。",
        "2024-09-27T09:00",
        [("2024-09-29T09:00", "deadline", None), ("2024-09-30T09:00", "deadline", None)],
    ),
    Row(
        "著作权法 第六十五条 (保护期在2021年6月1日前已经届满; dev 20261316-130)",
        "摄影作品，其发表权的保护期在2021年6月1日前已经届满，但仍在保护期内的，不再保护。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    # found on the development draw 20261317: a duty's time limit named 期限 stays a deadline;
    # a contract term's minimum with a modal is a requirement
    Row(
        "行政事业性国有资产管理条例 第三十一条 (应当…，期限最长不得超过1年; dev 20261317-130)",
        "各部门及其所属单位采用建设方式配置资产的，应当在建设项目竣工验收合格后及时办理资产交付手续，"
        "并在规定期限内办理竣工财务决算，期限最长不得超过1年。",
        "2024-09-27",
        [("2025-09-28", "deadline", None)],
    ),
    Row(
        "商业特许经营管理条例 第十三条 (特许经营期限应当不少于3年; dev 20261317-156)",
        "第十三条 特许经营合同约定的特许经营期限应当不少于3年。",
        "2024-09-27",
        [(None, "condition", None)],
    ),
    Row(
        "直销管理条例 第十七条 (still a condition: 60日后 before another period)",
        "直销员自签订推销合同之日起60日内可以随时解除推销合同；60日后，直销员解除推销合同应当提前15日通知直销企业。",
        "2024-09-27",
        [
            ("2024-11-26", "deadline", None),
            (None, "condition", None),
            (None, "deadline", "直销员解除推销合同"),
        ],
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[r.source[:40] for r in ROWS])
def test_law_clause_class(gongkai: Run, row: Row) -> None:
    check_row(gongkai, row)


def test_a_span_past_the_calendar_needs_no_calendar_but_a_deadline_does(gongkai: Run) -> None:
    """Point 1 of lawfix4: a term's cap ending in 2054 is answered (never moved); a
    deadline ending in 2054 would be moved to a working day and needs the year's
    arrangement: exit 4, or --provisional."""
    span = gongkai("deadline", "采矿权的期限最长不超过三十年", "--from", "2024-09-27", "--format", "json")
    assert span.exit_code == 0, span.output
    assert json.loads(span.stdout)["provisional"] is False
    due = gongkai("deadline", "应当自取得许可之日起三十年内完成", "--from", "2024-09-27")
    assert due.exit_code == 4, due.output
    assert "2054 年" in due.stderr
    provisional = gongkai(
        "deadline", "应当自取得许可之日起三十年内完成", "--from", "2024-09-27", "--provisional"
    )
    assert provisional.exit_code == 0, provisional.output


def test_every_ban_says_it_is_not_due(gongkai: Run) -> None:
    """The ban's bound is said: the longest (a range) or the shortest (直至终身)."""
    for clause, words in (
        ("一年至三年内禁止参加医师资格考试", "最长禁止期至 2027-09-27 届满"),
        ("十年直至终身禁止从事药品生产经营活动", "最短禁止期至 2034-09-27 届满"),
    ):
        data = json.loads(gongkai("deadline", clause, "--from", "2024-09-27", "--format", "json").stdout)
        assert data["sense"] == "restriction"
        assert any(words in w and "不是办事的期限" in w for w in data["warnings"]), data["warnings"]


def test_a_window_between_two_counts_back_says_both_ends(gongkai: Run) -> None:
    """届满前90个工作日至30个工作日期间 (医疗器械生产监督管理办法 第十七条; dev 20261301-153,
    20261303-012): the window opens 90 working days before the expiry (--from) and closes
    30 before; both are said, the closing day is the answer."""
    clause = "应当在有效期届满前90个工作日至30个工作日期间提出延续申请"
    data = json.loads(gongkai("deadline", clause, "--from", "2024-09-27", "--format", "json").stdout)
    assert (data["window_start"], data["deadline"], data["sense"]) == ("2024-05-22", "2024-08-15", "window")
    assert any("90 至 30 个工作日之间" in w for w in data["warnings"]), data["warnings"]


def test_a_window_after_an_event_says_where_it_opens(gongkai: Run) -> None:
    """三个月以后、六个月以内 (证券投资基金法 第八十六条; dev 20261308-172): the window opens
    three months after the event (--from) and closes six months after it."""
    clause = "召集人可以在原定大会召开时间的三个月以后、六个月以内重新召集大会"
    data = json.loads(gongkai("deadline", clause, "--from", "2024-09-27", "--format", "json").stdout)
    assert (data["window_start"], data["deadline"], data["sense"]) == ("2024-12-27", "2025-03-27", "window")
