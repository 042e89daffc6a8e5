"""Draw a random sample of period clauses from a corpus of Chinese national law texts.

The corpus is LawRefBook/Laws (one Markdown file per text, its version date in the file
name). Usage:

    python bench/law_draw.py CORPUS_DIR --seed 20261203 --n 150 [--exclude FILE ...] > sample.yaml

What is drawn, so that the sample can be drawn again and checked:
- texts: every Markdown file outside DLC/ (local regulations), 司法解释/, 案例/, 其他/ and
  scripts/, the newest version of each title only (the file name's date decides);
- clauses: each sentence (split after 。, and at line ends) of an article's text, of at most
  300 characters, that holds a number followed by a unit of time (个工作日, 工作日, 日, 天,
  周, 个月, 年, 小时) not preceded by 月 (a calendar date such as 3月15日) and a word that
  makes it a period (内, 前, 后, 起, 届满, 期满, 以上, 以下, 超过, 不少于, 满, 期限, 有效期,
  左右);
- the sample: random.Random(seed).sample over the sorted candidate list, less the clauses
  of any --exclude file (an earlier sample).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import yaml

SKIP = ("DLC", "司法解释", "案例", "其他", "scripts", ".github")
NUM = "[0-9０-９零〇一二三四五六七八九十百千两]+"
PERIOD = re.compile(
    rf"(?<![月0-9０-９零〇一二三四五六七八九十百千两]){NUM}(?:个工作日|工作日|日|天|周|个月|年|小时)"
)
WORD = re.compile("内|前|后|起|届满|期满|以上|以下|超过|不少于|满|期限|有效期|左右")
DATED = re.compile(r"^(.*?)(?:\((\d{4}-\d{2}-\d{2})\))?\.md$")
ARTICLE = re.compile("^(第[零〇一二三四五六七八九十百千]+条)")


def texts(corpus: Path) -> list[Path]:
    newest: dict[str, tuple[str, Path]] = {}
    for path in sorted(corpus.rglob("*.md")):
        rel = path.relative_to(corpus)
        if rel.parts[0] in SKIP or path.name.startswith("_") or len(rel.parts) < 2:
            continue
        m = DATED.match(path.name)
        assert m
        title, version = m.group(1), m.group(2) or ""
        if title not in newest or version > newest[title][0]:
            newest[title] = (version, path)
    return sorted(p for _, p in newest.values())


def clauses(corpus: Path, path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    body = text.split("<!-- INFO END -->", 1)[-1]
    out = []
    article = ""
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = ARTICLE.match(line)
        if m:
            article = m.group(1)
        for sentence in re.findall(r"[^。]+。?", line):
            s = sentence.strip()
            if len(s) > 300 or not PERIOD.search(s) or not WORD.search(s) or "起施行" in s:
                continue
            out.append({"source": str(path.relative_to(corpus)), "article": article, "clause": s})
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    args = parser.parse_args()
    seen = set()
    for f in args.exclude:
        seen |= {c["clause"] for c in yaml.safe_load(f.read_text(encoding="utf-8"))["clauses"]}
    candidates = [c for p in texts(args.corpus) for c in clauses(args.corpus, p) if c["clause"] not in seen]
    picked = random.Random(args.seed).sample(candidates, args.n)
    for i, c in enumerate(picked, 1):
        c["id"] = f"{args.seed}-{i:03d}"
    doc = {
        "corpus": "LawRefBook/Laws, commit 2f4c5c2",
        "seed": args.seed,
        "candidates": len(candidates),
        "clauses": [
            {"id": c["id"], "source": c["source"], "article": c["article"], "clause": c["clause"]}
            for c in picked
        ],
    }
    yaml.safe_dump(doc, sys.stdout, allow_unicode=True, sort_keys=False, width=1000)


if __name__ == "__main__":
    main()
