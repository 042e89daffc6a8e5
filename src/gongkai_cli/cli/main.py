"""The ``gongkai`` command group, and the one place where errors become messages."""

from __future__ import annotations

import importlib
from typing import Any

import click

from ..errors import GongkaiError

# Each command's module is imported only when that command runs (or --help lists it),
# so `gongkai deadline` pays for neither YAML nor the plan code: Click's lazy-loading
# pattern. The modules register their commands on `main` when imported.
LAZY_COMMANDS = {
    "deadline": "engine",
    "workdays": "engine",
    "day": "engine",
    "due": "plan",
    "tasks": "plan",
    "show": "plan",
    "check": "plan",
    "plan": "extract",
    "calendar": "calendar",
}


class GongkaiGroup(click.Group):
    """Loads commands lazily, and turns every GongkaiError into one line on stderr with
    its documented exit status: the one place where errors become messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = LAZY_COMMANDS.get(cmd_name)
        if module is not None and cmd_name not in self.commands:
            importlib.import_module(f"{__package__}.{module}")
        return super().get_command(ctx, cmd_name)

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
