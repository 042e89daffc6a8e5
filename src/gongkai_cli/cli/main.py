"""The ``gongkai`` command group, and the one place where errors become messages."""

from __future__ import annotations

from typing import Any

import click

from ..errors import GongkaiError


class GongkaiGroup(click.Group):
    """Turns every GongkaiError into one line on stderr and its documented exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GongkaiError as e:
            click.echo(f"gongkai: 错误：{e}", err=True)
            ctx.exit(e.exit_code)


EPILOG = """\b
示例：
  gongkai deadline "文件公开后3个工作日内" --from 2016-09-30
  gongkai workdays 2016-09-30 2016-10-10
  gongkai day 2016-10-08

退出状态：0 完成；1 有到期或逾期事项（仅在 --exit-code 时）；2 用法错误；
3 输入数据有误（期限写法、日期、计划或日历文件、通知文本）；4 日期超出日历已知年份。
"""


@click.group(
    cls=GongkaiGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
)
@click.version_option(package_name="gongkai-cli", message="%(prog)s %(version)s")
def main() -> None:
    """gongkai：政务公开工作要点的期限与工作日计算器。

    按国务院节假日安排（含调休）计算“5个工作日内”“6月底前”等期限，并可逐日解释。
    """
