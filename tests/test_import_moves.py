"""calendar import lists, for the plans in use, each provisional deadline that waited for
the imported year: which move, from which date to which, and which stay (issue 19,
point 8). The notice is made up for the test (tests/fixtures/notices/2027-made-up.txt:
no 2027 arrangement is published): 元旦 1月1日至3日 with a 调休 Saturday, 1月9日, so that
the bundled plan moved to 2026 has one waiting deadline that moves and one that stays:

- 1.4/report, 期限届满后 10 个工作日内 from 2026-12-31: provisionally 2027-01-15 (the
  statutory 元旦 alone); with 1月9日 a working day, 2027-01-14;
- end.5, 于 2027 年 1 月 15 日前: a named date, 2027-01-15 either way.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Run, bundled_plan_for

NOTICE = Path(__file__).parent / "fixtures" / "notices" / "2027-made-up.txt"


def test_import_lists_what_moves_and_what_stays(gongkai: Run, tmp_path: Path) -> None:
    plan = bundled_plan_for(2026, tmp_path / "我局计划.yaml")
    env = {"GONGKAI_TASKS": str(plan), "GONGKAI_TODAY": "2026-12-03"}
    result = gongkai("calendar", "import", str(NOTICE), "--install", env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1:] == [
        "gongkai: 2026年政务公开工作要点：2 项临时期限等待 2027 年安排，导入后 1 项改变、1 项不变：",
        "  1.4/report  书面报送落实情况：政务服务公开：2027-01-15（星期五） 改为 2027-01-14（星期四）",
        "  end.5  书面报送信息公开总结：2027-01-15（星期五） 不变",
    ]
    items = json.loads(gongkai("tasks", "--format", "json", env=env).output)["items"]
    after = {ob["id"]: (ob["deadline"], ob["waiting_for"]) for ob in items}
    assert after["1.4/report"] == ("2027-01-14", []) and after["end.5"] == ("2027-01-15", [])


def test_a_missing_plan_is_an_error_and_nothing_is_written(gongkai: Run, tmp_path: Path) -> None:
    out = tmp_path / "2027.yaml"
    result = gongkai("calendar", "import", str(NOTICE), "-o", str(out), "--tasks", str(tmp_path / "无.yaml"))
    assert result.exit_code == 3
    assert "找不到计划文件" in result.stderr and not out.exists()


def test_a_plan_with_nothing_waiting(gongkai: Run, tmp_path: Path) -> None:
    plan = bundled_plan_for(2025, tmp_path / "p2025.yaml")  # its summary is due in 2026: known
    out = tmp_path / "2027.yaml"
    result = gongkai("calendar", "import", str(NOTICE), "-o", str(out), "--tasks", str(plan))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == "gongkai: 2025年政务公开工作要点：没有等待 2027 年安排的临时期限"


def test_without_plans_nothing_is_said_about_them(gongkai: Run, tmp_path: Path) -> None:
    result = gongkai("calendar", "import", str(NOTICE), "-o", str(tmp_path / "2027.yaml"))
    assert result.exit_code == 0, result.output
    assert len(result.stderr.splitlines()) == 1 and "临时期限" not in result.stderr
