"""``gongkai status``: a plan's progress (plan.progress) in every format of the lists,
by mail and as a workbook too."""

from __future__ import annotations

from typing import Any

import click

from ..phrases.resolve import Options
from ..plan.plans import PlanSet
from ..render.output import emit
from . import hints
from .main import main
from .options import AppContext, common_options
from .plan import (
    Delivery,
    _by_department,
    _check_format,
    _deliver_bytes,
    _envelope,
    dept_option,
    list_options,
    plan_options,
)

STATUS_FORMATS = ("table", "plain", "json", "csv", "md", "email", "xlsx")


@main.command(
    epilog="""\b
示例：
  gongkai status --today 2016-09-30                  # 全部事项：已完成、逾期、待办、无期限，按类别和部门
  gongkai status --dept 条法司 --format md           # Markdown，用于月度汇报
  gongkai status --next 10 --format json
  gongkai status --format email --mail-to office@example.org   # 邮件，交给 sendmail -t
  gongkai status --format xlsx -o 进展.xlsx --force
"""
)
@dept_option
@click.option(
    "--next",
    "upcoming",
    type=click.IntRange(0, 1000),
    default=5,
    show_default=True,
    metavar="N",
    help="列出最近的 N 项未完成期限。",
)
@list_options
@plan_options
@common_options(formats=STATUS_FORMATS)
def status(
    app: AppContext,
    plans: PlanSet,
    options: Options,
    dept: tuple[str, ...],
    upcoming: int,
    delivery: Delivery,
) -> None:
    """计划的总体进展：已完成、逾期、待办（有期限未到期）和无固定期限的事项数，按类别、按部门，
    以及最近的期限。各项之和等于 gongkai tasks 列出的总数。"""
    from ..plan.progress import status as progress_status

    output, force, bom, mail_to, mail_from = delivery
    _check_format(app, output, mail_to, mail_from)
    obligations = hints.obligations(_by_department(plans.obligations(app.calendar, options), plans, dept))
    facts = progress_status(obligations, app.today, upcoming=upcoming)
    title = "；".join(p.title for p in plans.plans)
    from ..render import progress as sf

    if app.fmt == "xlsx":
        from ..render.spreadsheet import xlsx

        _deliver_bytes(xlsx(sf.status_sheets(facts)), output, force)
        return

    def email() -> Any:
        from ..render import mail

        subject = sf.status_subject(title, facts)
        return mail.message(
            subject,
            mail.status_text(title, facts),
            mail.status_html(title, facts, subject),
            _envelope(app, mail_to, mail_from),
        )

    emit(
        app.fmt,
        {
            "plain": lambda: sf.status_plain(title, facts),
            "json": lambda: sf.status_data(title, facts),
            "table": lambda: sf.status_table(title, facts),
            "csv": lambda: sf.status_csv(facts, bom=bom),
            "md": lambda: sf.status_md(title, facts),
            "email": email,
        },
        output=output,
        force=force,
    )
