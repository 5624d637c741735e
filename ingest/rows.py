"""Reading CSV files row by row with the line number, and parsing fields strictly."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from .report import ImportAborted, OnError, RowError, RowProblem

T = TypeVar("T")
LATEST_TIMESTAMP = 4_102_444_800  # 2100-01-01


def read_rows(path: Path, columns: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line, row) for each data row; the header must start with `columns`.

    Rows with the wrong number of fields are yielded as RowProblem, so the caller
    decides whether to skip or abort.
    """
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        names = [h.strip() for h in header or []]
        # a column spec "rating|weight" accepts either name
        if len(names) < len(columns) or any(
            n not in spec.split("|") for n, spec in zip(names, columns)
        ):
            raise ImportAborted(
                [RowProblem(path.name, 1, f"header must begin with {','.join(columns)}; got {header}")]
            )
        for fields in reader:
            line = reader.line_num
            if not fields:
                continue
            if len(fields) != len(names):
                yield line, {"__problem__": f"expected {len(names)} columns, found {len(fields)}"}
                continue
            yield line, dict(zip(names, fields))


class Collector:
    """Gathers parsed rows and problems for one import, applying the on-error policy."""

    def __init__(self, on_error: OnError) -> None:
        self.on_error = on_error
        self.problems: list[RowProblem] = []
        self.warnings: list[RowProblem] = []

    def parse(
        self, path: Path, columns: list[str], parse: Callable[[dict[str, str]], T]
    ) -> Iterator[tuple[int, T]]:
        for line, row in read_rows(path, columns):
            try:
                if "__problem__" in row:
                    raise RowError(row["__problem__"])
                parsed = parse(row)
            except (RowError, ValueError, OverflowError) as e:
                self.problem(path.name, line, str(e))
                continue
            yield line, parsed

    def problem(self, file: str, line: int, message: str) -> None:
        self.problems.append(RowProblem(file, line, message))

    def warn(self, file: str, line: int, message: str) -> None:
        self.warnings.append(RowProblem(file, line, message))

    def check(self) -> None:
        """Called after every file is parsed and before anything is written."""
        if self.problems and self.on_error == "abort":
            raise ImportAborted(self.problems)


def parse_int(row: dict[str, str], column: str) -> int:
    value = row[column].strip()
    try:
        return int(value)
    except ValueError:
        raise RowError(f"{column} must be an integer, got {value!r}") from None


def parse_float(row: dict[str, str], column: str) -> float:
    value = row[column].strip()
    try:
        number = float(value)
    except ValueError:
        raise RowError(f"{column} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise RowError(f"{column} must be a finite number, got {value!r}")
    return number


def parse_timestamp(row: dict[str, str], column: str) -> int:
    """Epoch seconds, or an ISO 8601 date or date-time (UTC unless it says otherwise)."""
    value = row[column].strip()
    if value.lstrip("-").isdigit():
        seconds = int(value)
    else:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise RowError(f"{column} must be epoch seconds or an ISO 8601 date, got {value!r}") from None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        seconds = int(parsed.timestamp())
    if not 0 <= seconds <= LATEST_TIMESTAMP:
        raise RowError(f"{column} must fall between 1970 and 2100, got {value!r}")
    return seconds


def parse_required(row: dict[str, str], column: str, max_length: int) -> str:
    value = row[column].strip()
    if not value:
        raise RowError(f"{column} is empty")
    if len(value) > max_length:
        raise RowError(f"{column} is longer than {max_length} characters")
    return value
