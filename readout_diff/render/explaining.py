"""``--explain``: for each topic of each readout, which alias matched which words."""

from __future__ import annotations

from readout_diff.model import Report, TopicHit


def _describe(hit: TopicHit) -> str:
    alias = hit.alias or "(a name no topic covers)"
    return f'"{alias}" matched "{hit.text}" in sentence {hit.sentence}'


def explain(report: Report, *, markdown: bool = False) -> str:
    """A section listing, per readout and topic, each alias and the words it matched."""
    lines = ["## Why each topic was found" if markdown else "Why each topic was found", ""]
    for side, tagged in (("a", report.a), ("b", report.b)):
        name = tagged.readout.name
        lines.append(f"### {name}" if markdown else name)
        if markdown:
            lines.append("")
        for diff in report.topics:
            hits = diff.hits_a if side == "a" else diff.hits_b
            if not hits:
                continue
            if markdown:
                lines.append(f"- **{diff.topic.label}** ({diff.topic.id}): ")
                lines[-1] += "; ".join(_describe(h) for h in hits)
            else:
                lines.append(f"  {diff.topic.label} ({diff.topic.id})")
                lines += [f"    {_describe(h)}" for h in hits]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
