"""The ``plan`` group: ``gongkai plan new`` starts a plan file, ``gongkai plan extract``
drafts one from a 工作要点's text."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from ..files.atomic import FileExists, write_atomic
from ..files.documents import MIB, read_document
from ..plan.drafting.extract import extract_plan
from ..plan.drafting.writer import draft_to_yaml
from ..safetext import visible
from .main import main
from .options import AppContext, common_options

MAX_BYTES = 5 * MIB  # a 工作要点 is some tens of KB as text
MAX_OFFICE_BYTES = 30 * MIB  # as a .docx or PDF, with images, more


@main.group(
    epilog="""\b
示例：
  gongkai plan new 新计划.yaml                        # 今年的空白计划，含每类期限的示例
  gongkai plan extract 2017年工作要点.txt -o tasks-2017.yaml
  gongkai check tasks-2017.yaml
"""
)
def plan() -> None:
    """计划文件：新建计划，或从工作要点的文字起草计划。"""


@plan.command(
    "new",
    epilog="""\b
示例：
  gongkai plan new 新计划.yaml                       # 今年的计划：表头已填，每类期限一个示例（注释）
  gongkai plan new 明年计划.yaml --year 2027
  gongkai plan new 仿2016.yaml --from-bundled        # 内置的 2016 年计划，移到今年
  gongkai check 新计划.yaml                          # 改好后检查
  gongkai due --tasks 仿2016.yaml                    # 或 export GONGKAI_TASKS=仿2016.yaml
""",
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE")
@click.option("--year", type=click.IntRange(1901, 9998), metavar="YEAR", help="计划年度（默认为今年）。")
@click.option(
    "--from-bundled",
    is_flag=True,
    help="复制内置的国家知识产权局 2016 年工作要点，印发日期、标题和年度移到 YEAR。",
)
@common_options(formats=("plain",))
def new(app: AppContext, file: Path, year: int | None, from_bundled: bool) -> None:
    """新建计划文件 FILE：表头已填好，每类期限（固定日期、从印发起算、按期、事件触发、
    无固定期限、派生报告）各有一个注释掉的示例。FILE 已存在时拒绝，不覆盖。"""
    from ..render.skeleton import moved_bundled, skeleton

    chosen = year or app.today.year
    if file.exists() or file.is_symlink():
        raise InputError("文件已存在，未覆盖：请换一个文件名，或先删去它", where=str(file))
    if not file.parent.is_dir():
        raise InputError("文件夹不存在：请先创建它，或换一个路径", where=str(file.parent))
    text = moved_bundled(chosen) if from_bundled else skeleton(chosen, app.today)
    write_atomic(file, text, force=False)
    what = f"内置的 2016 年计划（已移到 {chosen} 年）" if from_bundled else f"{chosen} 年的计划框架"
    click.echo(f"已写入 {file}：{what}")
    click.echo(f"下一步：编辑后运行 gongkai check {file}，再用 gongkai due --tasks {file}")


@plan.command(
    epilog="""\b
示例：
  gongkai plan extract 工作要点.txt                          # 草稿输出到屏幕
  gongkai plan extract 工作要点.txt -o tasks-2017.yaml       # 写入文件（已存在则拒绝）
  gongkai plan extract 工作要点.docx -o tasks-2017.yaml --force   # Word 文件（段落和表格）
  gongkai plan extract 工作要点.txt -o tasks-2017.yaml --force
  cat 工作要点.txt | gongkai plan extract - > tasks-2017.yaml  # 从标准输入读取
  gongkai check tasks-2017.yaml                              # 核对后检查

\b
需人工核对之处在草稿中以“# 待核对: …”注释标出，
并逐条以“文件:行: 警告：…”输出到标准错误。
"""
)
@click.argument("doc", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="把草稿写入 FILE（原子写入；文件已存在时须加 --force）。默认输出到标准输出。",
)
@click.option("--force", is_flag=True, help="允许覆盖 -o 指定的已有文件。")
def extract(doc: str, output: Path | None, force: bool) -> None:
    """从工作要点 DOC（文本、Word、Excel 或 PDF 文件，或 - 表示标准输入）起草计划文件。

    读取标题、印发机关和日期，按编号（一、（一）1.）拆出各项工作。

    分出牵头与负责部门和期限写法（原样保留），并列出结尾段落中的职责和派生的报送要求。

    文件可为 UTF-8（可带 BOM）或 GBK 文本、Word（.docx）、Excel（.xlsx）或带文字层的 PDF。

    任务分工表（序号、工作任务、责任单位、完成时限，含从网页复制的表格）逐行列为事项。

    配合、督促的部门另列（jointly、supervising）。
    """
    if output is not None and output.exists() and not force:  # say so before any work
        raise FileExists(output)
    text, name, note = read_document(
        doc,
        limit=MAX_BYTES,
        what="工作要点",
        too_big=f"文件超过 {MAX_BYTES // MIB} MiB，不像是一份工作要点",
        office=MAX_OFFICE_BYTES,
    )
    if note:
        click.echo(f"gongkai: 提示：{visible(name)}：{note}；请核对起草结果中的文字", err=True)
    draft = extract_plan(text, name)
    for warning in draft.warnings:
        click.echo(visible(f"{draft.where(warning.line)}: 警告：{warning.message}"), err=True)
    result = draft_to_yaml(draft)
    if output is None:
        click.echo(result, nl=False)
    else:
        from ..files.lock import locked

        with locked(output):  # not while `done` or `event` edits the same file
            write_atomic(output, result, force=force)
    flagged = sum(1 for item in draft.items if item.flags)
    click.echo(
        f"gongkai: 起草了 {len(draft.items)} 项工作、{len(draft.reports)} 项派生报送"
        f"{f'，其中 {flagged} 项待核对' if flagged else ''}"
        f"{f'，已写入 {visible(str(output))}' if output else ''}",
        err=True,
    )
