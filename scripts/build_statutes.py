"""Build the table of statutes that count their own 日 (docs/counting-rules.md §9).

Reads a checkout of the public corpus LawRefBook/Laws (https://github.com/LawRefBook/Laws:
one Markdown file per text, ``# title`` then one paragraph per line, articles starting
``第…条``), finds every article of a national law, administrative regulation or
departmental rule that fixes how its own periods are counted, and writes
``src/gongkai_cli/phrases/statute_table.py``. The tool never needs the corpus or this
script at run time: the generated module is committed and installed with the package.

A pattern finds candidates; a person decides. Every candidate must have a decision in the
review file (scripts/statutes_review.yaml): accepted, with the periods it covers, which
the script checks against the article's own words, or rejected with the reason. A
candidate without one stops the build, so a new corpus is reviewed before it is used.

    python scripts/build_statutes.py CORPUS --commit HASH [--review FILE] [-o OUT | --check]

To rebuild after a new corpus: check out LawRefBook/Laws, run the script with its commit,
review every candidate it reports, and commit the review file and the module together.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Folders of national texts, and their level. Local regulations (DLC/), judicial
# interpretations (司法解释/), cases (案例/) and 其他/ are left out.
LEVELS = {
    "宪法": "法律",
    "宪法相关法": "法律",
    "民法典": "法律",
    "民法商法": "法律",
    "行政法": "法律",
    "经济法": "法律",
    "社会法": "法律",
    "刑法": "法律",
    "诉讼与非诉讼程序法": "法律",
    "行政法规": "行政法规",
    "部门规章": "部门规章",
}
LEVEL_ORDER = ("法律", "行政法规", "部门规章")
ARTICLE = re.compile(r"^(第[一二三四五六七八九十百零〇]+条(?:之[一二三四五六七八九十]+)?)[ 　]+(.*)$")
VERSION = re.compile(r"\((\d{4}-\d{2}-\d{2})\)$")
# The article speaks of its own text (本法, 本条例, 审计法和本条例 …) and says its periods
# are working days or calendar days …
OWN = re.compile(r"本(?:法|条例|规定|办法|细则|实施细则|规则|决定)")
WORKDAYS = re.compile(r"(?:是指|指|以|按|按照|为)(?:工作日|自然日)|(?:工作日|自然日)计算")
# … or sets the rules of its 期间 (first day not counted, last day on a holiday).
PERIODS = re.compile(
    r"期间以[时日月年、]+计算|各种期限(?:开始的当日|的第一日)|期限届满日是|期间的最后一日|期间届满的最后一日"
)
QUOTED_DAYS = re.compile(r"[“\"‘']([一二三四五六七八九十百0-9]+)日[”\"’']")
UP_TO = re.compile(r"([一二三四五六七八九十百0-9]+)日以内(?:期限|的期限)")
DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
PREFIX = "中华人民共和国"


def number(text: str) -> int:
    """十五 → 15, 三十 → 30, 一百 → 100, 15 → 15."""
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        elif ch == "百":
            total += (digit or 1) * 100
            digit = 0
    return total + digit


@dataclass
class Text:
    path: str  # relative to the corpus, with / separators
    title: str
    level: str
    version: str  # the date in the file name, or ""
    articles: list[tuple[str, list[str]]] = field(default_factory=list)


def read_text(root: Path, path: Path) -> Text | None:
    rel = path.relative_to(root).as_posix()
    level = LEVELS.get(rel.split("/", 1)[0])
    if level is None or path.name.startswith("_"):
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    title = next((line[2:].strip() for line in lines if line.startswith("# ")), path.stem)
    version = VERSION.search(path.stem)
    text = Text(rel, title, level, version[1] if version else "")
    current: list[str] | None = None
    for line in lines:
        line = line.strip()
        match = ARTICLE.match(line)
        if match:
            current = [match[2]]
            text.articles.append((match[1], current))
        elif line.startswith("#") or line.startswith("<!--"):
            current = None
        elif line and current is not None:
            current.append(line)
    return text


def latest(texts: list[Text]) -> tuple[list[Text], list[tuple[Text, Text]]]:
    """The newest version of each text (files named alike but for the date in brackets),
    and the (older, newer) pairs left out."""
    by_title: dict[str, list[Text]] = {}
    for text in texts:
        key = VERSION.sub("", text.path.removesuffix(".md"))
        by_title.setdefault(key, []).append(text)
    kept, superseded = [], []
    for versions in by_title.values():
        versions.sort(key=lambda t: t.version)
        kept.append(versions[-1])
        superseded += [(old, versions[-1]) for old in versions[:-1]]
    return kept, superseded


def candidates(text: Text) -> list[tuple[str, list[str], list[str]]]:
    """(article, its paragraphs, the paragraphs that fix counting) for each candidate."""
    found = []
    for article, paragraphs in text.articles:
        hits = [p for p in paragraphs if (OWN.search(p) and WORKDAYS.search(p)) or PERIODS.search(p)]
        if hits:
            found.append((article, paragraphs, hits))
    return found


def short_names(title: str) -> list[str]:
    """The full name, and without 中华人民共和国."""
    names = [title]
    if title.startswith(PREFIX):
        names.append(title.removeprefix(PREFIX))
    return names


def covers_read(quoted: str) -> dict[str, Any]:
    """What the article's words say it covers: quoted N日 values, or N日以内, or all."""
    up_to = UP_TO.search(quoted)
    if up_to:
        return {"up_to": number(up_to[1])}
    days = sorted({number(n) for n in QUOTED_DAYS.findall(quoted)})
    return {"days": days} if days else {}


class ReviewError(Exception):
    pass


def build(root: Path, commit: str, review: dict[str, Any], partial: bool = False) -> str:
    """The generated module; ReviewError listing every candidate without a decision, every
    decision the article contradicts and (unless ``partial``: a part of the corpus, as in
    the tests) every decision on a text the corpus does not hold."""
    texts = [t for p in sorted(root.rglob("*.md")) if (t := read_text(root, p)) is not None]
    kept, superseded = latest(texts)
    accepted: dict[str, Any] = review.get("accepted") or {}
    rejected: dict[str, str] = review.get("rejected") or {}
    rows: list[dict[str, Any]] = []
    refused: list[tuple[str, str, str, str]] = []
    problems: list[str] = []
    for old, new in superseded:
        for article, _, hits in candidates(old):
            reason = f"已被 {new.version or '新版'} 版取代（{new.path}）"
            refused.append((old.title, article, "".join(hits), f"{old.path}：{reason}"))
    for text in sorted(kept, key=lambda t: (LEVEL_ORDER.index(t.level), t.title)):
        for article, paragraphs, hits in candidates(text):
            key = f"{text.title} {article}"
            quoted = "".join(hits)
            if key in rejected:
                refused.append((text.title, article, quoted, f"{text.path}：{rejected[key]}"))
                continue
            decision = accepted.get(key)
            if decision is None:
                problems.append(f"{text.path}: {key}: 未审阅（在审阅文件中接受或拒绝）：{quoted}")
                continue
            counting = decision.get("counting", "workdays")
            read = covers_read(quoted)
            declared = {k: decision[k] for k in ("days", "up_to") if k in decision}
            if read != declared:
                problems.append(f"{key}: 条文读出 {read}，审阅写的是 {declared}")
            whole = "".join(paragraphs)
            exception = decision.get("exception", "")
            if exception and exception not in whole:
                problems.append(f"{key}: exception 不是条文原文：{exception}")
            names = short_names(text.title) + list(decision.get("names", []))
            rows.append(
                {
                    "name": text.title,
                    "names": names,
                    "level": text.level,
                    "article": article,
                    "text": quoted,
                    "counting": counting,
                    "days": declared.get("days", []),
                    "up_to": declared.get("up_to"),
                    "scope": decision.get("scope", ""),
                    "exception": exception,
                    "source": text.path,
                    "version": text.version,
                }
            )
    for key in [] if partial else [*accepted, *rejected]:
        title = key.rsplit(" ", 1)[0]
        if not any(title == r["name"] for r in rows) and not any(title == r[0] for r in refused):
            problems.append(f"{key}: 审阅文件中有，语料中未找到")
    seen: dict[str, str] = {}
    for row in rows:
        for name in row["names"]:
            if seen.setdefault(name, row["name"]) != row["name"]:
                problems.append(f"简称“{name}”同时指 {seen[name]} 和 {row['name']}")
    if problems:
        raise ReviewError("\n".join(problems))
    return render(commit, rows, refused)


def render(commit: str, rows: list[dict[str, Any]], refused: list[tuple[str, str, str, str]]) -> str:
    """The module's text, already in the shape ``ruff format`` gives it."""
    out = [
        '"""Statutes, regulations and rules whose own article fixes how their periods are',
        "counted (docs/counting-rules.md §9). GENERATED by scripts/build_statutes.py from the",
        "public corpus LawRefBook/Laws (https://github.com/LawRefBook/Laws) at the commit",
        "below, with the decisions of scripts/statutes_review.yaml: do not edit by hand.",
        '"""',
        "",
        "# ruff: noqa: E501",
        "from __future__ import annotations",
        "",
        "from typing import Any",
        "",
        f"CORPUS = {_literal('https://github.com/LawRefBook/Laws')}",
        f"COMMIT = {_literal(commit)}",
        "",
        "# One per text (its newest version in the corpus), laws first, then administrative",
        "# regulations, then departmental rules.",
        "ROWS: tuple[dict[str, Any], ...] = (",
    ]
    for row in rows:
        out.append("    {")
        for key, value in row.items():
            if isinstance(value, list) and len(value) == 1:
                out.append(f"        {_literal(key)}: ({_literal(value[0])},),")
            elif isinstance(value, list) and value:
                out.append(f"        {_literal(key)}: (")
                out += [f"            {_literal(v)}," for v in value]
                out.append("        ),")
            else:
                out.append(f"        {_literal(key)}: {_literal(value)},")
        out.append("    },")
    out += [
        ")",
        "",
        "# Candidates the pattern found and the review rejected: (text, article, words, why).",
        "REJECTED: tuple[tuple[str, str, str, str], ...] = (",
    ]
    for entry in refused:
        out.append("    (")
        out += [f"        {_literal(v)}," for v in entry]
        out.append("    ),")
    out += [")", ""]
    return "\n".join(out)


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):  # empty
        return "()"
    return repr(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a checkout of LawRefBook/Laws")
    parser.add_argument("--commit", required=True, help="the corpus commit, cited in every row")
    here = Path(__file__).resolve().parent
    parser.add_argument("--review", type=Path, default=here / "statutes_review.yaml")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=here.parent / "src" / "gongkai_cli" / "phrases" / "statute_table.py",
    )
    parser.add_argument("--partial", action="store_true", help="CORPUS is a part of the corpus")
    parser.add_argument("--check", action="store_true", help="exit 1 if OUTPUT is not what the corpus gives")
    args = parser.parse_args(argv)
    review = yaml.safe_load(args.review.read_text(encoding="utf-8")) or {}
    try:
        module = build(args.corpus, args.commit, review, args.partial)
    except ReviewError as e:
        print(e, file=sys.stderr)
        return 2
    if args.check:
        same = args.output.exists() and args.output.read_text(encoding="utf-8") == module
        print("up to date" if same else f"{args.output} differs from the corpus", file=sys.stderr)
        return 0 if same else 1
    args.output.write_text(module, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
