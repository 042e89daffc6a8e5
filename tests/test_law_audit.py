"""The law audit (tests/law_audit.py): random samples of period clauses of national law
texts with answers written before gongkai was run on them. Sample 1 was used to find and
mend the readings below (each row quotes its clause and article); samples 2 to 5 were
each tuned to after their blind run, sample 6 (seed 20261208) and sample 7 (seed 20261209,
tuned to by lawfix5 after two blind runs) likewise. Every sample must stay free of silent
errors: a wrong date or something that is not a deadline given as one, with no warning."""

from __future__ import annotations

import json

import pytest

from tests import law_audit
from tests.conftest import Run

# (source, clause, --from, expected periods: (deadline, sense)) or a refusal: None
FOUND_ON_SAMPLE_1: list[tuple[str, str, str, list[tuple[str | None, str]] | None]] = [
    (
        "医疗器械监督管理条例 (2021) 第八十七条; LawRefBook/Laws, 行政法规 (sample 1, 20261203-009)",
        "境外医疗器械注册人、备案人拒不履行依据本条例作出的行政处罚决定的，10年内禁止其医疗器械进口。",
        "2024-09-27",
        [("2034-09-27", "restriction")],  # a span's end: no calendar of 2034 needed
    ),
    (
        "农药管理条例 第十三条; LawRefBook/Laws, 行政法规 (sample 1, 20261203-120)",
        "农药生产许可证有效期为5年。",
        "2024-09-27",
        [("2029-09-27", "restriction")],
    ),
    (
        "保险法 第四十四条; LawRefBook/Laws, 经济法 (sample 1, 20261203-010)",
        "以被保险人死亡为给付保险金条件的合同，自合同成立或者合同效力恢复之日起二年内，被保险人自杀的，"
        "保险人不承担给付保险金的责任，但被保险人自杀时为无民事行为能力人的除外。",
        "2024-09-27",
        [(None, "condition")],
    ),
    (
        "证券投资基金法 第八十条 (三); LawRefBook/Laws, 经济法 (sample 1, 20261203-082)",
        "（三）基金管理人、基金托管人职责终止，在六个月内没有新基金管理人、新基金托管人承接；",
        "2024-09-27",
        [(None, "condition")],
    ),
    (
        "刑法 第四十七条; LawRefBook/Laws, 刑法 (sample 1, 20261203-035)",
        "第四十七条 有期徒刑的刑期，从判决执行之日起计算；判决执行以前先行羁押的，羁押一日折抵刑期一日。",
        "2024-09-27",
        None,  # a length (羁押一日), no deadline
    ),
    (
        "证券、期货投资咨询管理暂行办法 第二十八条; LawRefBook/Laws (sample 1, 20261203-041)",
        "第二十八条 证券、期货投资咨询机构应当将其向投资人或者社会公众提供的投资咨询资料，"
        "自提供之日起保存2年。",
        "2024-09-27",
        [("2026-09-27", "restriction")],  # a keeping time (保存2年): kept until then, never due
    ),
    (
        "草原法 第六十九条; LawRefBook/Laws, 经济法 (sample 1, 20261203-099)",
        "没有违法所得的，可以并处草原被破坏前三年平均产值六倍以上十二倍以下的罚款。",
        "2024-09-27",
        None,  # 前三年 looks back
    ),
    (
        "招标投标法 第六十条; LawRefBook/Laws, 经济法 (sample 1, 20261203-130)",
        "中标人不按照与招标人订立的合同履行义务，情节严重的，取消其二年至五年内参加依法必须进行招标的项目的投标资格并予以公告。",
        "2024-09-27",
        # a ban for two to five years: a restriction, the upper end (lawfix4, class 2)
        [("2029-09-27", "restriction")],
    ),
    (
        "劳动合同法 第三十七条 (still read: 提前 counts back); the phrase corpus p188",
        "劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同。",
        "2023-10-31",
        [("2023-10-01", "deadline")],
    ),
    (
        "行政许可法 第四十二条 (still read: 内, …的 after a comma with 对)",
        "行政机关应当自受理之日起二十日内，对符合条件的，予以登记。",
        "2024-09-27",
        [("2024-10-17", "deadline")],
    ),
]


@pytest.mark.parametrize(
    ("source", "text", "start", "expected"), FOUND_ON_SAMPLE_1, ids=[r[0][:30] for r in FOUND_ON_SAMPLE_1]
)
def test_readings_found_on_sample_1(
    gongkai: Run, source: str, text: str, start: str, expected: list[tuple[str | None, str]] | None
) -> None:
    result = gongkai("deadline", text, "--from", start, "--format", "json")
    if expected is None:
        assert result.exit_code == 3, (source, result.output)
        assert result.stderr.startswith("gongkai: 错误：") and len(result.stderr.splitlines()) == 1
        return
    assert result.exit_code == 0, (source, result.output)
    data = json.loads(result.stdout)
    assert [(p["deadline"], p["sense"]) for p in data["periods"]] == expected, source


# The silent errors the samples still show, each known and reported. The six listed after
# sample 3 (1-049, 1-067, 2-143, 3-061, 3-090, 3-116) were mended as classes, each with a
# row in tests/test_law_classes.py; the eight of sample 4 (4-008, 4-017, 4-018, 4-046,
# 4-051, 4-061, 4-124, 4-131) likewise, each with a row in tests/test_law_classes_4.py.
# Sample 5 (5-079, a keeping time dated as a deadline; 5-110, 一个半月 dropped with a note
# that was not a doubt) likewise, each with a row in tests/test_law_classes_5.py.
# Sample 8 (seed 20261210), the last blind one, showed two silent errors at its second
# blind run (141/150, RUN-2-after-lawfix5-sample-8.txt); 8-097 (a validity's cap in months)
# was then mended as a class (tests/test_law_classes_7.py, class 9); 8-090 is not yet.
# Anything silently wrong fails the test: the list may shrink, never grow.
KNOWN_SILENT: dict[str, str] = {
    "20261210-090": "a time for mediation whose lapse opens arbitration dated as a deadline",
}


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5, 6, 7, 8])
def test_no_sample_is_silently_wrong_beyond_the_known(number: int) -> None:
    """Each sample, read through the real CLI: nothing silently wrong but the known list."""
    rows = law_audit.audit(number)
    silent = {r.id: f"{r.verdict}: {r.why}" for r in rows if r.silent and r.verdict != "partial"}
    new = {k: v for k, v in silent.items() if k not in KNOWN_SILENT}
    assert not new, "\n".join(f"{k} {v}" for k, v in new.items())
