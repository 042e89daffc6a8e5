"""Writing a draft in the plan format (docs/plan-format.md), with a ``# 待核对: …``
comment above every item a person must look at. Pure: a Draft in, YAML text out."""

from __future__ import annotations

from ...files.yamlsafe import scalar
from ...phrases.chinese import one_line
from .model import Draft


def _names_yaml(names: tuple[str, ...]) -> str:
    return "[" + ", ".join(scalar(n, flow=True) for n in names) + "]"


def draft_to_yaml(draft: Draft) -> str:
    """The draft in the plan format, with “# 待核对: …” above every flagged item."""
    h = draft.header
    out = [
        f"# 由 gongkai plan extract 从 {one_line(draft.source)} 起草；带“待核对”的条目须人工核对，",
        "# 核对后运行 gongkai check 检查。格式见 docs/plan-format.md。",
        "format: 1",
        "plan:",
    ]
    missing = [w.message for w in draft.warnings if w.line is None]
    out.extend(f"  # 待核对: {one_line(m)}" for m in missing)
    # A field not found is left out (the 待核对 comment above says which), never null.
    fields = (
        ("title", scalar(h.title) if h.title else None),
        ("issuer", scalar(h.issuer) if h.issuer else None),
        ("issued", h.issued.isoformat() if h.issued else None),
        ("year", str(h.year) if h.year is not None else None),
    )
    examples = {
        "title": "“2016年政务公开工作要点”",
        "issuer": "“某某办公室”",
        "issued": "2016-05-18",
        "year": "2016",
    }
    for key, value in fields:
        absent = f"  # {key}: （未找到，请填写，如 {examples[key]}）"
        out.append(f"  {key}: {value}" if value is not None else absent)
    if h.source:
        out.append(f"  source: {scalar(h.source)}")
    if not h.source and all(value is None for _, value in fields):
        out[out.index("plan:")] = "plan: {}"  # only comments under it: an empty table, not null
    if draft.reports:
        out += ["", "reports:"]
        for report in draft.reports:
            out += [
                f"  - id: {scalar(report.id, always=True)}",
                f"    title: {scalar(report.title)}",
                f"    rule: {scalar(report.rule)}",
                f"    text: {scalar(report.text)}",
            ]
    out += ["", "items:"]
    for item in draft.items:
        out.extend(f"  # 待核对: {one_line(flag)}" for flag in item.flags if flag != item.unread)
        out += [
            f"  - id: {scalar(item.id, always=True)}",
            f"    section: {scalar(item.section)}",
            f"    title: {scalar(item.title)}",
            f"    text: {scalar(item.text)}",
            f"    lead: {_names_yaml(item.lead)}",
            f"    owners: {_names_yaml(item.owners)}",
            *(
                f"    {key}: {_names_yaml(names)}"
                for key, names in (("jointly", item.jointly), ("supervising", item.supervising))
                if names
            ),
            f"    rule: {'null' if item.rule is None else scalar(item.rule)}",
        ]
        if item.unread is not None:  # the doubt is written on this line: one mark for it
            out.append(f"    rule_unread: true  # 待核对: {one_line(item.unread)}")
        if item.event:
            out.append(f"    event: {scalar(item.event)}")
        if item.report is not None:
            out.append(f"    report: {'true' if item.report else 'false'}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
