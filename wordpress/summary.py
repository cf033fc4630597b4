"""The summary of an import run: what was created, updated, left alone or skipped, and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

KINDS = ("authors", "categories", "tags", "posts", "pages", "comments", "redirects", "media")


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)


@dataclass
class Stats:
    """Per kind: created / updated / unchanged / skipped with reasons; plus notes for people."""

    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    notes: list[str] = field(default_factory=list)

    def add(self, kind: str, outcome: str, n: int = 1) -> None:
        tally = self.kinds.setdefault(kind, Tally())
        setattr(tally, outcome, getattr(tally, outcome) + n)

    def skip(self, kind: str, reason: str, n: int = 1) -> None:
        if n:
            self.kinds.setdefault(kind, Tally()).skipped[reason] += n

    def note(self, text: str) -> None:
        self.notes.append(text)

    @property
    def changed(self) -> bool:
        return any(t.created or t.updated for t in self.kinds.values())

    def table(self) -> str:
        rows = [("kind", "created", "updated", "unchanged", "skipped")]
        for kind, t in self.kinds.items():
            skipped = sum(t.skipped.values())
            if t.created or t.updated or t.unchanged or skipped:
                rows.append((kind, *(str(n) for n in (t.created, t.updated, t.unchanged, skipped))))
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                           enumerate(zip(row, widths, strict=True))) for row in rows]  # fmt: skip
        lines.insert(1, "  ".join("-" * w for w in widths))
        reasons = [
            f"  {kind}: {n} skipped, {reason}"
            for kind, t in self.kinds.items()
            for reason, n in sorted(t.skipped.items())
        ]
        if reasons:
            lines += ["", "Skipped:", *reasons]
        if self.notes:
            shown = self.notes[:25]
            lines += ["", "Notes:", *(f"  {n}" for n in shown)]
            if len(self.notes) > len(shown):
                lines.append(f"  … and {len(self.notes) - len(shown)} more")
        return "\n".join(lines)
