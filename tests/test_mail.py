"""--format email: a whole RFC 5322 message for sendmail -t, read back with Python's
email package; and the same from a cron-like run (no terminal, almost no environment)."""

from __future__ import annotations

import subprocess
import sys
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.conftest import Run

TO = "政务公开办公室 <office@example.org>"


def parse(text: str) -> EmailMessage:
    msg = message_from_bytes(text.encode("utf-8"), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def test_due_as_mail(gongkai: Run) -> None:
    result = gongkai(
        "due", "--week", "--today", "2016-06-27", "--format", "email", "--mail-to", TO,
        "--mail-from", "gongkai <noreply@example.org>",
        env={"GONGKAI_NOW": "2016-06-27 07:00"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    msg = parse(result.output)
    assert msg["Subject"] == "2016年政务公开工作要点：本周到期 5 项，逾期 6 项"
    assert msg["To"] == TO and msg["To"].addresses[0].addr_spec == "office@example.org"
    assert msg["From"].addresses[0].addr_spec == "noreply@example.org"
    assert msg["Date"].datetime.isoformat() == "2016-06-27T07:00:00+08:00"
    assert msg["Message-ID"].endswith("@example.org>")
    assert msg.get_content_type() == "multipart/alternative"
    # Headers are RFC 2047 encoded: the raw message is ASCII up to the body.
    head = result.output.split("\n\n", 1)[0]
    assert head.isascii()
    text_part = msg.get_body(preferencelist=("plain",))
    html_part = msg.get_body(preferencelist=("html",))
    assert text_part is not None and html_part is not None
    assert text_part.get_content_charset() == "utf-8" and html_part.get_content_charset() == "utf-8"
    text = text_part.get_content()
    assert text.splitlines()[0] == "2016年政务公开工作要点"
    assert "2016-06-30 周四  还剩 3 天（3 个工作日）  1.1a" in text
    assert "逾期未完成：6 项" in text
    assert "|" not in text  # no Markdown pipes in a plain-text mail
    html = html_part.get_content()
    assert html.count("<table") == 2 and "<th>期限</th>" in html
    assert "<td>1.1a</td>" in html
    assert "<td>“4.26”开放日</td>" in html


def test_html_escapes_every_value(gongkai: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "format: 1\nplan:\n  title: <b>要点</b> & 计划\n  issuer: 某局\n  issued: 2016-05-18\n  year: 2016\n"
        "items:\n  - id: '1'\n    section: 一\n    title: <script>alert(1)</script>\n"
        '    text: x\n    lead: ["A&B"]\n    owners: []\n    rule: 6月底前\n',
        encoding="utf-8",
    )
    result = gongkai(
        "due",
        "--tasks",
        str(plan),
        "--today",
        "2016-06-27",
        "--format",
        "email",
        "--mail-to",
        "a@example.org",
    )
    assert result.exit_code == 0, result.output
    msg = parse(result.output)
    html_part = msg.get_body(preferencelist=("html",))
    assert html_part is not None
    html = html_part.get_content()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>要点</b>" not in html and "&lt;b&gt;要点&lt;/b&gt; &amp; 计划" in html
    assert "A&amp;B" in html
    assert msg["Subject"] == "<b>要点</b> & 计划：本周到期 1 项"


def test_to_is_required(gongkai: Run) -> None:
    result = gongkai("due", "--today", "2016-06-27", "--format", "email")
    assert result.exit_code == 2
    assert "--mail-to" in result.output and "GONGKAI_MAIL_TO" in result.output


def test_addresses_from_the_environment(gongkai: Run) -> None:
    env = {"GONGKAI_MAIL_TO": "office@example.org", "GONGKAI_MAIL_FROM": "bot@example.org"}
    result = gongkai("due", "--today", "2016-06-27", "--format", "email", env=env)
    msg = parse(result.output)
    assert msg["To"] == "office@example.org" and msg["From"] == "bot@example.org"


def test_quiet_if_empty_sends_nothing(gongkai: Run) -> None:
    result = gongkai(
        "due", "--today", "2016-03-07", "--quiet-if-empty", "--format", "email", "--mail-to", "a@example.org"
    )
    assert result.exit_code == 0 and result.output == ""


def test_tasks_as_mail(gongkai: Run) -> None:
    result = gongkai("tasks", "--format", "email", "--mail-to", "a@example.org")
    msg = parse(result.output)
    assert msg["Subject"] == "2016年政务公开工作要点：全部事项 71 项"
    html_part = msg.get_body(preferencelist=("html",))
    assert html_part is not None and html_part.get_content().count("<tr>") == 72  # header + 71


def test_cron_style_run_mails(tmp_path: Path) -> None:
    """As cron runs it: no terminal, env -i with PATH and HOME only (no LANG)."""
    script = Path(sys.executable).parent / "gongkai"
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        ["env", "-i", *(f"{k}={v}" for k, v in env.items()), str(script), "due", "--today", "2016-06-27",
         "--quiet-if-empty", "--format", "email", "--mail-to", "office@example.org"],
        stdin=subprocess.DEVNULL, capture_output=True, cwd=tmp_path, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stderr == b""
    msg = message_from_bytes(result.stdout, policy=policy.default)
    assert msg["Subject"] == "2016年政务公开工作要点：本周到期 5 项，逾期 6 项"
    assert msg["To"] == "office@example.org"
    assert msg["From"] and msg["Date"] and msg["Message-ID"]
    text_part = msg.get_body(preferencelist=("plain",))
    assert text_part is not None and "1.1a" in text_part.get_content()


@pytest.mark.parametrize(
    ("option", "value"),
    [("--mail-to", "office"), ("--mail-to", "a@example.org, bob"), ("--mail-from", "me@")],
)
def test_addresses_are_checked(gongkai: Run, option: str, value: str) -> None:
    args = ["due", "--today", "2016-06-27", "--format", "email", option, value]
    if option != "--mail-to":
        args += ["--mail-to", "a@example.org"]
    result = gongkai(*args)
    assert result.exit_code == 2 and "不是邮件地址" in result.stderr


def test_several_recipients(gongkai: Run) -> None:
    to = "a@example.org, 办公室 <b@example.org>"
    result = gongkai("due", "--today", "2016-06-27", "--format", "email", "--mail-to", to)
    msg = parse(result.output)
    assert [a.addr_spec for a in msg["To"].addresses] == ["a@example.org", "b@example.org"]


def test_subject_of_another_window(gongkai: Run) -> None:
    args = ("due", "--today", "2016-06-20", "--days", "14", "--no-overdue", "--format", "email")
    msg = parse(gongkai(*args, "--mail-to", "a@example.org").output)
    assert msg["Subject"] == "2016年政务公开工作要点：2016-06-20 至 2016-07-03 到期 5 项"
