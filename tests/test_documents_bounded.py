"""Documents bounded before they are opened (issue 24, finding 1): a .docx is refused from
its zip directory when it would unpack to too much (a 1 GiB part, a 256 MB document.xml),
quickly and in little memory; text taken from a .docx is held to the text limit;
paragraphs are capped; and the time per paragraph does not depend on the document.

The bombs are real zips with real deflate streams (built here by repeating one
full-flushed deflate block, so that making a 1 GiB part costs milliseconds)."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from gongkai_cli.files import office
from tests.conftest import Run

MIB = 1024 * 1024


def _deflated_repeat(head: bytes, unit: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """(raw deflate stream, unpacked size, CRC-32) of head + unit * times + tail."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(unit) + c.flush(zlib.Z_FULL_FLUSH)  # no history after a full flush
    again = c.compress(unit) + c.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    last = c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(tail, crc)
    return first + block * times + last, len(head) + len(unit) * times + len(tail), crc


def _zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip of (name, data, method, unpacked size, crc) members, data already packed."""
    out = io.BytesIO()
    central = []
    for name, data, method, size, crc in members:
        offset = out.tell()
        encoded = name.encode()
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(encoded), 0
        )
        out.write(header + encoded + data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                method,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0)
    )
    return out.getvalue()


def _docx_parts(body: str = "<w:p><w:r><w:t>一、公开</w:t></w:r></w:p>") -> dict[str, bytes]:
    """The parts of a small real .docx (python-docx's own template), with ``body``."""
    import zipfile

    import docx

    saved = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("一、公开")
    document.save(saved)
    with zipfile.ZipFile(saved) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _stored(parts: dict[str, bytes], skip: str = "") -> list[tuple[str, bytes, int, int, int]]:
    return [(name, data, 0, len(data), zlib.crc32(data)) for name, data in parts.items() if name != skip]


@pytest.fixture(scope="module")
def image_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A .docx of about 1 MiB whose picture part unpacks to 1 GiB (of zeros)."""
    chunk = bytes(MIB)
    data, size, crc = _deflated_repeat(b"\x89PNG\r\n\x1a\n", chunk, 1024, b"")
    path = tmp_path_factory.mktemp("bomb") / "要点.docx"
    path.write_bytes(_zip([*_stored(_docx_parts()), ("word/media/image1.png", data, 8, size, crc)]))
    assert path.stat().st_size < 4 * MIB and size > 1024 * MIB
    return path


@pytest.fixture(scope="module")
def xml_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A .docx of under 2 MiB whose document.xml is one paragraph repeated to 256 MB."""
    parts = _docx_parts()
    xml = parts["word/document.xml"].decode()
    at = xml.index("<w:body>") + len("<w:body>")
    paragraph = "<w:p><w:r><w:t>1.公开政府信息，办公室负责，6月底前完成。</w:t></w:r></w:p>".encode()
    unit = paragraph * (MIB // len(paragraph))
    data, size, crc = _deflated_repeat(xml[:at].encode(), unit, 256, xml[at:].encode())
    path = tmp_path_factory.mktemp("bomb") / "要点.docx"
    path.write_bytes(
        _zip([*_stored(parts, skip="word/document.xml"), ("word/document.xml", data, 8, size, crc)])
    )
    assert path.stat().st_size < 2 * MIB and size > 256 * 10**6
    return path


_MEASURED = """
import resource, subprocess, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # guard the machine if it is not refused
run = subprocess.run([sys.executable, "-m", "gongkai_cli", "plan", "extract", sys.argv[1]],
                     capture_output=True, text=True, timeout=float(sys.argv[2]))
print(run.returncode)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
print(run.stderr.strip())
"""


def _extract_measured(path: Path, timeout: float = 60) -> tuple[int, int, float, str]:
    """(exit status, peak memory in MB, seconds, stderr) of `gongkai plan extract path`."""
    start = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(path), str(timeout)],
        capture_output=True,
        text=True,
        timeout=timeout + 30,
    )
    seconds = time.monotonic() - start
    assert out.returncode == 0, out.stderr[-2000:]  # the wrapper itself: a timeout shows here
    code, peak, stderr = out.stdout.split("\n", 2)
    return int(code), int(peak), seconds, stderr


def test_a_1_gib_part_is_refused_quickly_in_little_memory(image_bomb: Path) -> None:
    """Before: a 2.1 MB .docx holding a 2 GiB image part drafted with exit 0 after using
    4.2 GB of memory. Now: exit 3 naming the limit, in seconds, under 200 MB."""
    code, peak, seconds, stderr = _extract_measured(image_bomb)
    assert code == 3, stderr
    assert "word/media/image1.png" in stderr and "32 MiB" in stderr
    assert len(stderr.splitlines()) == 1 and "Traceback" not in stderr
    assert peak < 200, peak
    assert seconds < 10, seconds


def test_a_256_mb_document_xml_is_refused_quickly(xml_bomb: Path) -> None:
    """Before: still running after 600 s. Now: refused from the zip directory."""
    code, peak, seconds, stderr = _extract_measured(xml_bomb)
    assert code == 3, stderr
    assert "word/document.xml" in stderr and "MiB" in stderr
    assert peak < 200 and seconds < 10, (peak, seconds)


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


def test_a_packed_part_is_refused_by_its_ratio(gongkai: Run, tmp_path: Path) -> None:
    """A part under the size limit but packed more than 100:1 is a bomb's signature."""
    data, size, crc = _deflated_repeat(b"", bytes(MIB), 20, b"")
    path = tmp_path / "要点.docx"
    path.write_bytes(_zip([*_stored(_docx_parts()), ("word/media/image1.png", data, 8, size, crc)]))
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 3
    assert "压缩比超过 100:1" in result.stderr


def test_text_from_a_docx_is_held_to_the_text_limit(gongkai: Run, tmp_path: Path) -> None:
    """Before: the 5 MiB text limit applied to text files only; a .docx could give more."""
    import random

    rnd = random.Random(24)  # varied text, so that it packs as real text does (not a bomb)
    lines = ["".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(6000)) for _ in range(320)]
    path = tmp_path / "要点.docx"
    path.write_bytes(_docx([f"{n}.{line}" for n, line in enumerate(lines)]))  # 18 KB each: 5.5 MiB
    assert path.stat().st_size < 30 * MIB
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 3, result.output
    assert "取出的文字超过 5 MiB" in result.stderr


def test_paragraphs_are_capped(gongkai: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "MAX_PARAGRAPHS", 50)
    path = tmp_path / "要点.docx"
    path.write_bytes(_docx([f"{n}.公开" for n in range(60)]))
    result = gongkai("plan", "extract", str(path))
    assert result.exit_code == 3 and "段落超过 50 段" in result.stderr


def _seconds(raw: bytes) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        office.docx_text(raw, "x.docx")
        best = min(best, time.perf_counter() - start)
    return best


def test_time_per_paragraph_is_linear() -> None:
    """Before: python-docx's style lookup (``paragraph.style``), about 2 ms a paragraph,
    made 4,000 paragraphs take 8 s. The ratio of 4n to n paragraphs stays near 4."""
    import docx

    def numbered(n: int) -> bytes:
        document = docx.Document()
        for i in range(n):
            document.add_paragraph(f"第{i}项，办公室负责。", style="List Number" if i % 2 else None)
        saved = io.BytesIO()
        document.save(saved)
        return saved.getvalue()

    small, large = _seconds(numbered(500)), _seconds(numbered(2000))
    assert large / small < 8, (small, large)  # 4 if linear, 16 if quadratic
    assert large < 2000 * 0.0015, large  # under 1.5 ms a paragraph (it was 3 ms, the style lookup most)


def _xlsx_bomb(path: Path) -> Path:
    """A real workbook (openpyxl) with one more part that unpacks 20 MiB of zeros from a
    few KB: the ratio gives it away before openpyxl opens the file."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["序号", "工作任务", "责任单位", "完成时限"])
    plain = io.BytesIO()
    book.save(plain)
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    data, size, crc = _deflated_repeat(b"", bytes(MIB), 20, b"")
    path.write_bytes(_zip([*_stored(parts), ("xl/media/image1.png", data, 8, size, crc)]))
    return path


def test_an_xlsx_ledger_is_bounded_before_it_is_opened(gongkai: Run, tmp_path: Path) -> None:
    """A ledger drafted (plan extract) or imported into the register (request import) is a
    zip like a .docx: the same bounds, named as an Excel file."""
    bomb = _xlsx_bomb(tmp_path / "台账.xlsx")
    drafted = gongkai("plan", "extract", str(bomb))
    assert drafted.exit_code == 3 and "Excel 文件" in drafted.stderr and "压缩比超过 100:1" in drafted.stderr
    imported = gongkai("request", "import", str(bomb), "--register", str(tmp_path / "r.sqlite3"))
    assert imported.exit_code == 3 and "Excel 台账" in imported.stderr and "压缩比" in imported.stderr
    assert (
        not (tmp_path / "r.sqlite3").exists()
        or "0001" not in gongkai("request", "list", "--register", str(tmp_path / "r.sqlite3")).output
    )
