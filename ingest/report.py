"""What an import found wrong, with file and line, and what it wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

OnError = Literal["skip", "abort"]


@dataclass(frozen=True)
class RowProblem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class RowError(ValueError):
    """Raised by a parser for one bad row; the reader adds file and line."""


class ImportAborted(Exception):
    def __init__(self, problems: list[RowProblem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(
            f"import aborted before writing anything: {len(problems)} bad row(s)\n{shown}{more}"
        )


@dataclass
class ImportReport:
    problems: list[RowProblem] = field(default_factory=list)  # rows skipped
    warnings: list[RowProblem] = field(default_factory=list)  # rows kept, something dropped
    written: dict[str, int] = field(default_factory=dict)  # rows sent per kind

    def summary(self) -> str:
        parts = [f"{kind}={n}" for kind, n in self.written.items()]
        return (
            f"imported {', '.join(parts) or 'nothing'}; "
            f"{len(self.problems)} row(s) skipped, {len(self.warnings)} warning(s)"
        )
