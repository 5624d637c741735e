"""'Because you watched X': rows of because_you_watched.cypher, ranked, each with its reason."""

from __future__ import annotations

from .repository import BecauseRow


def rank(title: str, rows: list[BecauseRow], limit: int) -> list[tuple[str, float, str]]:
    """(media, score, reason) best first. Co-fan scores are scaled to 0-1 by the
    best one; a shared director or lead adds to them, so a title with both comes first."""
    best_cofans = max((r["score"] for r in rows if r["why"] == "COFANS"), default=1.0) or 1.0
    merged: dict[str, tuple[float, list[str]]] = {}
    for r in rows:
        if r["why"] == "COFANS":
            score = r["score"] / best_cofans
            reason = f"{r['support']} people who loved {title} loved it too"
        elif r["why"] == "DIRECTOR":
            score, reason = 0.6, f"Also directed by {r['via']}"
        else:
            score, reason = 0.4, f"Also starring {r['via']}"
        total, reasons = merged.get(r["media"], (0.0, []))
        if reason not in reasons:
            merged[r["media"]] = (total + score, [*reasons, reason])
    ordered = sorted(merged.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return [(m, round(s, 4), "; ".join(reasons)) for m, (s, reasons) in ordered]
