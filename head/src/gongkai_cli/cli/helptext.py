"""``--help`` in Chinese that fits the terminal by display width.

Click's HelpFormatter measures text by characters and breaks it at spaces, so a Chinese
line comes out nearly twice the terminal's width, and it joins a paragraph's source lines
with a space (the stray space after ，). This formatter wraps with the tables' wrapper
(render/layout.py: rich's cell widths, the line-breaking rules of Chinese typesetting),
joins lines without a space between Chinese characters, and heads its sections 用法, 选项
and 命令. Loaded only when help is printed (cli/main.py, GongkaiContext).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import click

from ..render.layout import unwrap, width, wrap

HEADINGS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}
USAGE = "用法："
# Click's notes after an option's help ("  [default: 5; 0<=x<=1000]"), in Chinese and in
# full-width brackets, with no space after the help's 。
_NOTES = re.compile(r"\s+\[([^\[\]]*)\]$")
_NOTE_WORDS = (("default: ", "默认："), ("required", "必需"), ("env var: ", "环境变量："))


def _notes(text: str) -> str:
    def chinese(match: re.Match[str]) -> str:
        notes = []
        for note in match[1].split("; "):
            english, words = next(((e, w) for e, w in _NOTE_WORDS if note.startswith(e)), ("", "取值 "))
            notes.append(words + note[len(english) :])
        return "（" + "；".join(notes) + "）"

    return _NOTES.sub(chinese, text)


# An example's command line: environment settings, then the program.
_COMMAND = r"""(?:[A-Z_]+=(?:"[^"]*"|'[^']*'|\S+)\s+)*(?:gongkai|printf|pbpaste|cat|echo|crontab)\b"""


class ChineseHelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{' ' * self.current_indent}{prefix or USAGE}{prog}"
        if not args:
            self.write(head + "\n")
            return
        room = self.width - width(head) - 1
        if room >= 20:
            lines = wrap(args, room)
            self.write(f"{head} {lines[0]}\n")
            self.write("".join(f"{' ' * (width(head) + 1)}{line}\n" for line in lines[1:]))
        else:  # a long command path: the arguments on the next lines
            self.write(head + "\n")
            self.write("".join(f"{line}\n" for line in self._wrapped(args, self.current_indent + 4)))

    def write_heading(self, heading: str) -> None:
        self.write(f"{' ' * self.current_indent}{HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        out: list[str] = []
        for verbatim, lines in paragraphs(text):
            if out:
                out.append("")
            if verbatim:
                out.extend(self._examples(lines))
            else:
                out.extend(self._wrapped(unwrap(lines), self.current_indent))
        self.write("".join(f"{line.rstrip()}\n" for line in out))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not rows:
            return
        first_col = min(max(width(first) for first, _ in rows), col_max) + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            second = _notes(second)
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            room = max(self.width - first_col - self.current_indent, 10)
            lines = [line for _, ls in paragraphs(second) for line in wrap(unwrap(ls), room)]
            self.write(f"{lines[0]}\n")
            self.write("".join(f"{' ' * (first_col + self.current_indent)}{line}\n" for line in lines[1:]))

    def _examples(self, lines: list[str]) -> list[str]:
        """Lines kept as written (examples) when they fit. Else the comments move to one
        column that fits, or, where none does, onto lines of their own, and a command
        too wide is continued with `` \\`` at spaces outside quotes (both still paste into
        a shell); other text is wrapped."""
        parsed: list[tuple[int, str, str, bool]] = []  # indent, code, comment, is a command
        going_on = False  # the line before ended in a backslash
        for line in lines:
            lead = self.current_indent + len(line) - len(line.lstrip(" "))
            command = going_on or re.match(_COMMAND, line.strip()) is not None
            code, comment = _split_comment(line.strip()) if command else (line.strip(), "")
            parsed.append((lead, code, comment, command))
            going_on = line.rstrip().endswith("\\")
        if all(self.current_indent + width(line.rstrip()) <= self.width for line in lines):
            return [" " * self.current_indent + line for line in lines]  # as written
        ends = [
            lead + width(code) + 2
            for lead, code, comment, _ in parsed
            if comment and lead + width(code) + 4 + width(comment) <= self.width
        ]

        def aligned(column: int) -> int:
            return sum(
                1
                for lead, code, comment, _ in parsed
                if comment and lead + width(code) + 2 <= column and column + 2 + width(comment) <= self.width
            )

        # The column that lines up the most comments (the leftmost of equals).
        column = max(sorted(set(ends)), key=aligned, default=0)
        out: list[str] = []
        for lead, code, comment, command in parsed:
            end = lead + width(code)
            if comment and end + 2 <= column and column + 2 + width(comment) <= self.width:
                out.append(" " * lead + code + " " * (column - end) + "# " + comment)
            elif comment and end + 4 + width(comment) <= self.width:
                out.append(" " * lead + f"{code}  # {comment}")
            else:
                out.extend(self._verbatim(code, comment, lead, command))
        return out

    def _verbatim(self, code: str, comment: str, lead: int, command: bool) -> list[str]:
        """A command (or a line of text) with its comment on lines of their own."""
        if not command:
            return self._wrapped(code, lead)
        going_on = code.endswith(" \\")  # the command goes on on the next line already
        pieces = _shell_lines(code[:-2].rstrip() if going_on else code, self.width - lead - 2 * going_on)
        pieces[-1] += " \\" if going_on else ""
        out = [" " * lead + piece for piece in pieces]
        if comment:
            out += [" " * (lead + 4) + "# " + part for part in wrap(comment, max(self.width - lead - 6, 10))]
        return out

    def _wrapped(self, text: str, indent: int) -> list[str]:
        return [" " * indent + line for line in wrap(text, max(self.width - indent, 10))]


def _split_comment(line: str) -> tuple[str, str]:
    """An example's command and its comment (after two spaces or more and ``# ``)."""
    parts = re.split(r"\s{2,}#\s", line, maxsplit=1)
    return (parts[0].rstrip(), parts[1]) if len(parts) == 2 else (line, "")


def _shell_lines(command: str, size: int) -> list[str]:
    """A shell command on lines of at most ``size`` cells, broken at spaces outside quotes,
    each line but the last ending in a backslash, the later ones indented by four."""
    words = re.findall(r"""(?:[^\s'"]|'[^']*'|"[^"]*")+""", command)
    lines: list[str] = []
    line = ""
    for word in words:
        if line and width(f"{line} {word} \\") > size:
            lines.append(line + " \\")
            line = "    " + word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def paragraphs(text: str) -> list[tuple[bool, list[str]]]:
    """The paragraphs of a help text (blank lines between them), each with whether Click's
    ``\\b`` marker asks to keep its lines as written."""
    found: list[tuple[bool, list[str]]] = []
    lines: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            lines.append(line)
        elif lines:
            verbatim = lines[0].strip() == "\b"
            found.append((verbatim, lines[1:] if verbatim else lines))
            lines = []
    return found


def short_help(command: click.Command) -> str:
    """A command's summary in its group's list: its short help, or the first paragraph of
    its help, whole (Click cuts it at 45 characters with "...")."""
    if command.short_help:
        return unwrap(command.short_help.splitlines())
    found = paragraphs((command.help or "").partition("\f")[0])
    return unwrap(found[0][1]) if found else ""
