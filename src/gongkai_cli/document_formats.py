"""Documents as offices receive them, other than text: a Word ``.docx`` (python-docx) and
a PDF with a text layer (pypdf). Each gives the document's text, one paragraph a line and
one table row a line with its cells separated by tabs, for extract.py to read as it reads
pasted text. The libraries are imported only here, only when such a file is read.

Why pypdf for PDF: it is pure Python (no native library to install on an office PC),
maintained, and reads the text layer of the PDFs that government sites publish, whose
Chinese fonts carry a ToUnicode map or a predefined CMap (UniGB-UCS2-H, as tested). A
scanned PDF has no text layer: it is refused with exit 3 and a message to OCR it or ask
the issuing office for the Word file; this tool does no OCR.
"""

from __future__ import annotations

import io
import zipfile

from .errors import InputError

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


def _cell(text: str) -> str:
    return " ".join(text.split())  # a cell's own line breaks and tabs would split the row


def docx_text(raw: bytes, source: str) -> str:
    """The paragraphs and tables of a .docx, in document order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(
            f"无法读取 Word 文件（{type(e).__name__}）：请用 Word 另存为 .docx 或 .txt 后重试", where=source
        ) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                lines.append("\t".join(_cell(cell.text) for cell in row.cells))
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


def pdf_text(raw: bytes, source: str) -> str:
    """The text layer of a PDF, page after page; a PDF without one is refused."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise InputError("PDF 文件已加密，无法读取文字：请向发文单位索取 Word 或文本版", where=source)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError) as e:
        raise InputError(
            f"无法读取 PDF 文件（{type(e).__name__}）：请另存为 .txt 或 .docx 后重试", where=source
        ) from None
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
    if kind == "docx":
        return docx_text(raw, source), "已从 Word（.docx）文件读取段落和表格"
    if kind == "pdf":
        return pdf_text(raw, source), "已从 PDF 的文字层读取（分页、分栏处可能断句）"
    if kind == "doc":
        raise InputError("这是旧版 Word（.doc）文件：请用 Word 另存为 .docx 后重试", where=source)
    return None
