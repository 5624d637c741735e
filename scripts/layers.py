"""Prints the import arrows between app/ domains, floor by floor, and exits non-zero when
one runs upward (a lower domain importing a higher one). Run: .venv/bin/python scripts/layers.py

The floors, lowest first: a domain may import those below it and the kit under them all."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.packaging.imports import ROOT, direct_imports  # noqa: E402

FLOORS = (
    ("catalog",),                                   # titles, genres, people
    ("search",),                                    # finds titles
    ("lists",),                                     # lists of titles
    ("profiles",),                                  # a profile is born with its lists
    ("accounts",),                                  # an account is born with a profile
    ("activity", "reviews", "tv", "library"),       # what a profile does with titles
    ("discovery", "recommendations"),               # what to watch next
    ("social",),                                    # people and what they do
    ("media",),                                     # uploads: avatars of profiles
)
FLOOR = {d: i for i, names in enumerate(FLOORS) for d in names}
NOT_DOMAINS = ("kit", "graphql", "web", "system")  # the floor under all, and the entry points


def unplaced() -> list[str]:
    """Packages under app/ that are domains but stand on no floor."""
    return sorted(p.name for p in (ROOT / "app").iterdir() if (p / "__init__.py").exists()
                  and p.name not in FLOOR and p.name not in NOT_DOMAINS)


def domain_arrows() -> dict[tuple[str, str], list[str]]:
    """(importing domain, imported domain) -> the module arrows behind it."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted((ROOT / "app").glob("*/*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        here = module.split(".")[1]
        for target in sorted(direct_imports(module)):
            parts = target.split(".")
            if parts[0] == "app" and len(parts) > 1 and parts[1] in FLOOR and parts[1] != here \
                    and here in FLOOR:
                found[(here, parts[1])].append(f"{module} -> {target}")
    return found


def upward(arrows: dict[tuple[str, str], list[str]]) -> list[str]:
    return [a for (src, dst), lines in arrows.items() if FLOOR[src] < FLOOR[dst] for a in lines]


def main() -> int:
    unknown = unplaced()
    arrows = domain_arrows()
    for (src, dst), lines in sorted(arrows.items(), key=lambda kv: (FLOOR[kv[0][0]], kv[0])):
        mark = "UP  " if FLOOR[src] < FLOOR[dst] else "down"
        print(f"{mark} {src} (floor {FLOOR[src]}) -> {dst} (floor {FLOOR[dst]}): {len(lines)} import(s)")
        for line in lines:
            print(f"       {line}")
    wrong = upward(arrows)
    print(f"{len(wrong)} upward arrow(s); {sum(map(len, arrows.values()))} between domains in all")
    if unknown:
        print("domains on no floor:", ", ".join(unknown))
    return 1 if wrong or unknown else 0


if __name__ == "__main__":
    sys.exit(main())
