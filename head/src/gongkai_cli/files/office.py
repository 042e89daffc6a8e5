"""Documents as offices receive them, other than text: a Word ``.docx`` (python-docx), an
Excel ledger ``.xlsx`` (openpyxl, 任务台账: every sheet, one row a line) and a PDF with a
text layer (pypdf). Each gives the document's text, one paragraph a line and one table
row a line with its cells separated by tabs, for plan/drafting (tables.py) to read as it
reads pasted text. The libraries are imported only here, only when such a file is read.

Why pypdf for PDF: it is pure Python (no native library to install on an office PC),
maintained, and reads the text layer of the PDFs that government sites publish, whose
Chinese fonts carry a ToUnicode map or a predefined CMap (UniGB-UCS2-H, as tested). A
scanned PDF has no text layer: it is refused with exit 3 and a message to OCR it or ask
the issuing office for the Word file; this tool does no OCR.
"""

from __future__ import annotations

import io
from typing import Any

from ..errors import InputError

MIB = 1024 * 1024

# Bounds on a .docx, checked before python-docx opens it (it unpacks every part into
# memory): from the zip's directory, whose sizes zipfile also holds the parts to when it
# unpacks them (a part that unpacks to more than its stated size is an error there).
MAX_PART_BYTES = 32 * MIB  # one part unpacked: document.xml of a 工作要点 is some hundred KB
MAX_UNPACKED_BYTES = 96 * MIB  # all parts unpacked
MAX_RATIO = 100  # unpacked / packed, for a part over 1 MiB (XML packs about 10:1)
MAX_PARTS = 2000
MAX_PARAGRAPHS = 50_000  # paragraphs of a document; a 工作要点 has some hundreds
MAX_TABLE_ROWS = 50_000  # rows of all its tables

DOCX_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .doc / .xls


def kind_of(raw: bytes) -> str | None:
    """ "docx", "pdf" or "doc" from a file's first bytes; None for text."""
    if raw.startswith(DOCX_MAGIC):
        return "docx"
    if raw.startswith(PDF_MAGIC):
        return "pdf"
    if raw.startswith(OLE_MAGIC):
        return "doc"
    return None


def _is_workbook(raw: bytes) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            return "xl/workbook.xml" in package.namelist()
    except zipfile.BadZipFile:
        return False  # a damaged .docx says so when it is read


def _cell(text: str) -> str:
    return " ".join(text.split())  # a cell's own line breaks and tabs would split the row


_CN_DIGITS = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE_FORMATS = ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting")


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (numbering goes no further in a 工作要点)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return (_CN_DIGITS[tens] if tens > 1 else "") + "十" + (_CN_DIGITS[ones] if ones else "")


def _formatted(n: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS and 0 < n < 100:
        return _chinese(n)
    if fmt == "decimalEnclosedCircle" and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    return str(n)


class _Numbering:
    """The labels Word draws for automatically numbered paragraphs ("一、", "（一）", "1.")
    and leaves out of the paragraph's text: read from numbering.xml and counted."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # → (format, text, start)
        self.counts: dict[str, list[int]] = {}
        self.style_ppr, self.default_style = _paragraph_styles(document, qn)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            definition = abstract.get(ref.get(qn("w:val")) if ref is not None else None)
            if definition is None:
                continue
            for lvl in definition.findall(qn("w:lvl")):
                fmt, text, start = (lvl.find(qn(f"w:{k}")) for k in ("numFmt", "lvlText", "start"))
                self.levels[(num.get(qn("w:numId")), int(lvl.get(qn("w:ilvl"), "0")))] = (
                    fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                    text.get(qn("w:val"), "") if text is not None else "",
                    int(start.get(qn("w:val"), "1")) if start is not None else 1,
                )

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        own = paragraph._p.pPr
        style = own.find(self.qn("w:pStyle")) if own is not None else None
        style_id = style.get(self.qn("w:val")) if style is not None else self.default_style
        for ppr in (own, self.style_ppr.get(style_id) if style_id is not None else None):
            num_pr = ppr.find(self.qn("w:numPr")) if ppr is not None else None
            if num_pr is None:
                continue
            num_id, ilvl = num_pr.find(self.qn("w:numId")), num_pr.find(self.qn("w:ilvl"))
            if num_id is not None:
                level = int(ilvl.get(self.qn("w:val"), "0")) if ilvl is not None else 0
                return num_id.get(self.qn("w:val")), level
        return None

    def label(self, paragraph: Any) -> str:
        found = self._num_pr(paragraph)
        if found is None or found not in self.levels:
            return ""
        num_id, level = found
        fmt, text, start = self.levels[found]
        if fmt in ("bullet", "none"):
            return ""
        counts = self.counts.setdefault(num_id, [0] * 9)
        counts[level] = counts[level] + 1 if counts[level] else start
        counts[level + 1 :] = [0] * (8 - level)
        for index in range(level + 1):
            level_fmt = self.levels.get((num_id, index), ("decimal", "", 1))[0]
            text = text.replace(f"%{index + 1}", _formatted(counts[index] or 1, level_fmt))
        return text


def _paragraph_styles(document: Any, qn: Any) -> tuple[dict[str, Any], str | None]:
    """Each paragraph style's properties (w:pPr) by style id, and the default style's id:
    read once from styles.xml, not looked up per paragraph (python-docx's
    ``paragraph.style`` searches the styles each time, about 2 ms a paragraph)."""
    found: dict[str, Any] = {}
    default = None
    try:
        root = document.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return found, default
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:type")) != "paragraph":
            continue
        style_id = style.get(qn("w:styleId"))
        found[style_id] = style.find(qn("w:pPr"))
        if style.get(qn("w:default")) in ("1", "true", "on") and default is None:
            default = style_id
    return found, default


def _unreadable(what: str, error: Exception, source: str) -> InputError:
    return InputError(
        f"无法读取{what}（{type(error).__name__}）：请另存为 .docx 或 .txt 后重试", where=source
    )


def docx_text(raw: bytes, source: str) -> str:
    """The paragraphs and tables of a .docx, in document order; automatic numbering is
    written out as the label Word shows."""
    check_zip(raw, source)
    import docx
    from docx.table import Table

    paragraphs = rows = 0
    try:
        document = docx.Document(io.BytesIO(raw))
        numbering = _Numbering(document)
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    rows += 1
                    if rows > MAX_TABLE_ROWS:
                        break
                    lines.append("\t".join(_cell(cell.text) for cell in row.cells))
            else:
                paragraphs += 1
                if paragraphs > MAX_PARAGRAPHS:
                    break
                lines.append(numbering.label(block) + block.text)
            if rows > MAX_TABLE_ROWS:
                break
    except Exception as e:  # a damaged file can fail anywhere inside the parser
        raise _unreadable(" Word 文件", e, source) from None
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError(
            f"Word 文件的段落超过 {MAX_PARAGRAPHS:,} 段，不像是一份工作要点，未读取", where=source
        )
    if rows > MAX_TABLE_ROWS:
        raise InputError(
            f"Word 文件的表格超过 {MAX_TABLE_ROWS:,} 行，不像是一份工作要点，未读取", where=source
        )
    return "\n".join(lines) + "\n"


def check_zip(raw: bytes, source: str, kind: str = "Word 文件", looks_like: str = "一份工作要点") -> None:
    """Refuse a zip (.docx, .xlsx) that would unpack to too much, from its directory alone:
    each part's size, their sum, and how much each part is packed (a zip bomb). ``kind``
    names the file in the message (Word 文件, Excel 文件), ``looks_like`` what it should be."""
    import zipfile

    def too_much(what: str) -> InputError:
        from ..safetext import visible

        return InputError(f"{kind}{visible(what)}，未读取：不像是{looks_like}", where=source)

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        if kind.startswith("Excel"):
            why = "不是可读的 .xlsx 工作簿：请用 Excel 或 WPS 另存为 .xlsx"
            raise InputError(why, where=source) from None
        raise _unreadable(f" {kind}", e, source) from None
    if len(parts) > MAX_PARTS:
        raise too_much(f"部件超过 {MAX_PARTS} 个")
    total = 0
    for part in parts:
        if part.file_size > MAX_PART_BYTES:
            raise too_much(f"部件 {part.filename} 解压后超过 {MAX_PART_BYTES // MIB} MiB")
        if part.file_size > MIB and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise too_much(f"部件 {part.filename} 的压缩比超过 {MAX_RATIO}:1（疑似压缩炸弹）")
        total += part.file_size
    if total > MAX_UNPACKED_BYTES:
        raise too_much(f"解压后共超过 {MAX_UNPACKED_BYTES // MIB} MiB")


def pdf_text(raw: bytes, source: str) -> str:
    """The text layer of a PDF, page after page; a PDF without one is refused."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw))
        encrypted = reader.is_encrypted
        pages = [] if encrypted else [page.extract_text() or "" for page in reader.pages]
    except Exception as e:  # a damaged file can fail anywhere inside the parser
        raise _unreadable(" PDF 文件", e, source) from None
    if encrypted:
        raise InputError("PDF 文件已加密，无法读取文字：请向发文单位索取 Word 或文本版", where=source)
    text = "\n".join(pages)
    if not any(char.strip() for char in text):
        raise InputError(
            f"PDF 的 {len(pages)} 页中没有文字层（可能是扫描件）：请先做文字识别（OCR），"
            "或向发文单位索取 Word 或文本版",
            where=source,
        )
    return text + "\n"


def office_text(raw: bytes, source: str) -> tuple[str, str] | None:
    """(text, note) of a .docx or PDF; None when ``raw`` is neither (plain text)."""
    kind = kind_of(raw)
    if kind == "docx" and _is_workbook(raw):  # a zip too: an Excel ledger
        kind = "xlsx"
    if kind == "docx":
        return docx_text(raw, source), "已从 Word（.docx）文件读取段落和表格"
    if kind == "xlsx":
        from .ledger import xlsx_text

        return xlsx_text(raw, source), "已从 Excel（.xlsx）文件读取各工作表"
    if kind == "pdf":
        return pdf_text(raw, source), "已从 PDF 的文字层读取（分页、分栏处可能断句）"
    if kind == "doc":
        raise InputError("这是旧版 Word（.doc）文件：请用 Word 另存为 .docx 后重试", where=source)
    return None
