"""What a draft is: the header, the items with their 待核对 flags, the reports and the
warnings, as ``extract_plan`` (extract.py) returns them and ``draft_to_yaml``
(writer.py) writes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..plan_file import Work


@dataclass(frozen=True)
class DraftWarning:
    """Something a person must look at, with the document line it comes from (None: the
    whole document)."""

    line: int | None
    message: str


@dataclass(frozen=True)
class DraftHeader:
    title: str | None
    issuer: str | None
    issued: date | None
    year: int | None
    source: str | None


@dataclass(frozen=True)
class DraftItem(Work):
    """An item as drafted: its deadline phrase still text, and why a person must look."""

    rule: str | None  # None: the document gives no deadline
    line: int
    event: str | None = None
    report: bool | None = None  # None: the plan's default
    flags: tuple[str, ...] = ()  # why a person must review it (待核对)
    unread: str | None = None  # the rule cannot be read: why (written beside rule_unread)
    jointly: tuple[str, ...] = ()  # 会同, 配合, 协同 … (plan key ``jointly``)
    supervising: tuple[str, ...] = ()  # 督促, 指导 (plan key ``supervising``)


@dataclass(frozen=True)
class DraftReport:
    id: str
    title: str
    rule: str
    text: str
    line: int


@dataclass(frozen=True)
class Draft:
    source: str  # the document's name, for "source:line" in messages
    header: DraftHeader
    reports: tuple[DraftReport, ...]
    items: tuple[DraftItem, ...]
    warnings: tuple[DraftWarning, ...]

    def where(self, line: int | None) -> str:
        return f"{self.source}:{line}" if line is not None else self.source
