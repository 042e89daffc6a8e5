"""The extraction corpus: 工作要点 collected or composed in the styles offices receive
(tests/fixtures/extract/corpus/, sources in its README), each with a hand-written
expected outline ``NAME.expected.yaml``: per item its id, departments (lead / owners),
deadline phrase, the date that phrase resolves to, and whether a person must look at it
(``review``). tests/test_extract_corpus.py compares every draft with its outline item by
item; this module also prints the measurements:

    python -m tests.extract_corpus          # both folders, one table each
    python -m tests.extract_corpus real     # only the real documents

tests/fixtures/extract/real/ holds real 工作要点 (verbatim excerpts, sources in its
README) whose outlines were written before the extractor first ran on them: the blind
test.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from gongkai_cli.calendar.workdays import WorkCalendar
from gongkai_cli.cli.extract import MAX_BYTES, MAX_OFFICE_BYTES
from gongkai_cli.errors import GongkaiError, InputError
from gongkai_cli.files.documents import read_document
from gongkai_cli.phrases.reader import parse_rule
from gongkai_cli.phrases.resolve import resolve
from gongkai_cli.plan.drafting.extract import extract_plan
from gongkai_cli.plan.drafting.model import Draft, DraftItem

CORPUS = Path(__file__).parent / "fixtures" / "extract" / "corpus"
REAL = CORPUS.parent / "real"
FOLDERS = {"corpus": CORPUS, "real": REAL}
DATED = ("workdays", "days", "months", "years", "hours", "date")


def outlines(*folders: Path) -> list[Path]:
    """The outlines of the given folders (both when none is given)."""
    return [path for folder in folders or (CORPUS, REAL) for path in sorted(folder.glob("*.expected.yaml"))]


def outline_name(path: Path) -> str:
    """ "sipo-2019-brackets" in the corpus, "real/sipo-2019" among the real documents."""
    name = path.name.removesuffix(".expected.yaml")
    return name if path.parent == CORPUS else f"{path.parent.name}/{name}"


def expected_of(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    loaded["folder"] = path.parent
    return loaded


def build_docx(text: Path, out: Path) -> Path:
    """A .docx made with python-docx from a text fixture: lines with tabs are the rows of
    a table (a first cell equal to the one above is merged with it, as Word does), every
    other line a paragraph."""
    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        start = 1
        for r in range(2, len(rows) + 1):  # merge runs of an equal first cell below the header
            if r == len(rows) or rows[r][0] != rows[start][0]:
                if r - 1 > start:
                    top = table.cell(start, 0)
                    top.merge(table.cell(r - 1, 0))
                    top.text = rows[start][0]
                start = r
        rows.clear()

    for line in text.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            rows.append([cell.strip() for cell in line.split("\t")])
            continue
        flush()
        if line.strip():
            document.add_paragraph(line.strip())
    flush()
    document.save(str(out))
    return out


def document_path(expected: dict[str, Any], workdir: Path) -> Path:
    source = Path(expected.get("folder", CORPUS)) / expected["document"]
    if expected.get("as") == "docx":
        return build_docx(source, workdir / (source.stem + ".docx"))
    return source


def draft_of(expected: dict[str, Any], workdir: Path) -> Draft:
    path = document_path(expected, workdir)
    text, _, _ = read_document(
        str(path), limit=MAX_BYTES, what="工作要点", too_big="", office=MAX_OFFICE_BYTES
    )
    return extract_plan(text, path.name)


def due_of(item: DraftItem, draft: Draft, cal: WorkCalendar) -> str:
    """The ISO date an item's phrase resolves to (from the issue date, or 1 January of the
    plan's year when the document gives no date), or its kind when it has no fixed date."""
    if item.rule is None:
        return "open"
    if item.event:
        return "event"
    try:
        rule = parse_rule(item.rule)
    except InputError:
        return "unreadable"
    if rule.kind not in DATED:
        return rule.kind
    if draft.header.year is None and draft.header.issued is None:
        return "no-year"
    anchor = draft.header.issued or date(draft.header.year or 1, 1, 1)
    try:
        deadline = resolve(rule, anchor, cal).deadline
    except GongkaiError as e:
        return f"error: {e.message}"
    return deadline.isoformat() if deadline is not None else "none"


def outline_of(draft: Draft, cal: WorkCalendar) -> list[dict[str, Any]]:
    """The draft in the shape of an expected outline."""
    return [
        {
            "id": item.id,
            "lead": list(item.lead),
            "owners": list(item.owners),
            "jointly": list(item.jointly),
            "supervising": list(item.supervising),
            "rule": item.rule,
            "due": due_of(item, draft, cal),
            "review": bool(item.flags),
        }
        for item in draft.items
    ]


@dataclass(frozen=True)
class Measure:
    document: str
    expected: int
    found: int  # expected ids present in the draft
    extra: int  # draft items not in the outline
    departments: int  # lead, owners, jointly and supervising all right
    deadlines: int  # phrase and resolved date both right
    flagged: int  # items with a 待核对
    needed: int  # flagged items the outline says need review
    missed: int  # items that need review but carry no flag
    header: int  # title, issuer, issue date and year right (1) or not (0)


def header_right(expected: dict[str, Any], draft: Draft) -> bool:
    h, want = draft.header, expected["header"]
    return (h.title, h.issuer, h.issued, h.year) == (
        want["title"],
        want["issuer"],
        want["issued"],
        want["year"],
    )


def measure(expected: dict[str, Any], got: list[dict[str, Any]], header: bool = True) -> Measure:
    mine = {item["id"]: item for item in got}
    want = expected["items"]
    found = [w for w in want if w["id"] in mine]
    folder = Path(expected.get("folder", CORPUS))
    shown = expected["document"] if folder == CORPUS else f"{folder.name}/{expected['document']}"
    return Measure(
        document=shown + (" (.docx)" if expected.get("as") == "docx" else ""),
        expected=len(want),
        found=len(found),
        extra=len(set(mine) - {w["id"] for w in want}),
        departments=sum(
            1
            for w in found
            if all(mine[w["id"]][k] == w.get(k, []) for k in ("lead", "owners", "jointly", "supervising"))
        ),
        deadlines=sum(
            1 for w in found if mine[w["id"]]["rule"] == w["rule"] and mine[w["id"]]["due"] == str(w["due"])
        ),
        flagged=sum(1 for item in got if item["review"]),
        needed=sum(1 for w in found if mine[w["id"]]["review"] and w.get("review", False)),
        missed=sum(1 for w in found if w.get("review", False) and not mine[w["id"]]["review"]),
        header=int(header),
    )


HEADER = ("文档", "职责 找到/应有", "多出", "部门正确", "期限正确", "待核对", "其中需要", "漏标", "标题落款")


def table(measures: list[Measure]) -> str:
    rows = [
        (
            m.document,
            f"{m.found}/{m.expected}",
            str(m.extra),
            f"{m.departments}/{m.expected}",
            f"{m.deadlines}/{m.expected}",
            str(m.flagged),
            str(m.needed),
            str(m.missed),
            "对" if m.header else "错",
        )
        for m in measures
    ]
    total = Measure(
        "合计",
        *(sum(getattr(m, f) for m in measures) for f in Measure.__dataclass_fields__ if f != "document"),
    )
    rows.append(
        (
            total.document,
            f"{total.found}/{total.expected}",
            str(total.extra),
            f"{total.departments}/{total.expected}",
            f"{total.deadlines}/{total.expected}",
            str(total.flagged),
            str(total.needed),
            str(total.missed),
            f"{total.header}/{len(measures)}",
        )
    )
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    import tempfile

    cal = WorkCalendar.default()
    names = argv or list(FOLDERS)
    tables = []
    with tempfile.TemporaryDirectory() as work:
        for name in names:
            measures, refused = [], []
            for path in outlines(FOLDERS[name]):
                expected = expected_of(path)
                try:
                    draft = draft_of(expected, Path(work))
                except InputError as e:  # the extractor refused the document: nothing found
                    measures.append(measure(expected, [], header=False))
                    refused.append(f"{outline_name(path)}: 拒绝（退出码 3）：{e.message}")
                    continue
                measures.append(measure(expected, outline_of(draft, cal), header_right(expected, draft)))
            tables.append("\n".join([table(measures), *refused]))
    print("\n\n".join(tables))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
