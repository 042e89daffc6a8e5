"""Reading is linear in the length of the text (issue 24, finding 4): a long clause before
"…后3个工作日内" once made the anchor pattern of plan drafting backtrack (20k characters
2.9 s, 80k 52 s). Timing ratios, not absolute times: four times the text may take at
most eight times as long (quadratic time would take sixteen)."""

from __future__ import annotations

import time
from pathlib import Path

from tests.conftest import Run


def _document(path: Path, size: int) -> Path:
    words = "推进政务公开标准化规范化建设工作"  # no 于/在/应/自 …: the anchor has no start
    body = words * (size // len(words))
    head = "2017年政务公开工作要点\n一、推进信息公开\n"
    path.write_text(f"{head}（一）各部门{body}后3个工作日内公开。\n", "utf-8")
    return path


def _fastest(gongkai: Run, *args: str) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = gongkai(*args)
        times.append(time.perf_counter() - start)
        assert result.exit_code == 0, result.output
    return min(times)


def test_drafting_a_long_clause_before_an_anchor_is_linear(gongkai: Run, tmp_path: Path) -> None:
    small = _document(tmp_path / "small.txt", 20_000)
    large = _document(tmp_path / "large.txt", 80_000)
    _fastest(gongkai, "plan", "extract", str(small))  # warm: imports and caches
    t_small = _fastest(gongkai, "plan", "extract", str(small))
    t_large = _fastest(gongkai, "plan", "extract", str(large))
    assert t_large < 8 * t_small, (t_small, t_large)
    drafted = gongkai("plan", "extract", str(large)).output
    assert "后3个工作日内" in drafted  # the phrase is still found, with its anchor
