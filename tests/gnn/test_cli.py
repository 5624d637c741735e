"""`python -m gnn` on interaction files: both formats, a given split and a protocol split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gnn.__main__ import main


def write_two_tastes(path: Path) -> None:
    lines = ["userId,movieId,rating,timestamp"]
    for genre, base in (("h", 0), ("r", 100)):
        for u in range(8):
            lines += [f"{genre}{u},{base + i},{4.5 if i % 3 else 2.0},{1000 + i}" for i in range(6)]
    path.write_text("\n".join(lines) + "\n")


def test_one_file_split_by_the_protocol(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ratings = tmp_path / "ratings.csv"
    write_two_tastes(ratings)
    out = tmp_path / "out.json"
    assert main(["--data", str(ratings), "--min-weight", "3.5", "--binary", "--split", "temporal",
                 "--models", "most_popular,item_knn,lightgcn", "--trials", "2", "--max-epochs", "10",
                 "--device", "cpu", "--json", str(out)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["model", "recall@10", "recall@20"]
    assert [line.split()[0] for line in table.splitlines()[1:]] == ["most_popular", "item_knn", "lightgcn"]
    results = json.loads(out.read_text())
    assert [r["model"] for r in results] == ["most_popular", "item_knn", "lightgcn"]
    assert len(results[1]["trials"]) == 2 and results[2]["extra"]["epochs_run"] >= 1
    assert all(0 <= r["test"]["recall@20"] <= 1 for r in results)


def test_a_given_train_and_test_in_adjacency_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "train.txt").write_text("0 1 2 3\n1 1 2 4\n2 5 6 7\n3 5 6 8\n")
    (tmp_path / "test.txt").write_text("0 4\n1 3\n2 8\n3 7\n")
    assert main(["--train", str(tmp_path / "train.txt"), "--test", str(tmp_path / "test.txt"),
                 "--format", "adjacency", "--models", "item_knn", "--trials", "1"]) == 0
    row = capsys.readouterr().out.splitlines()[1].split()
    # ndcg@10 of 1: each user's held-out title ranks first, as the one its look-alike has
    assert row[0] == "item_knn" and float(row[4]) == 1.0


def test_no_data_is_a_clear_error() -> None:
    with pytest.raises(SystemExit, match="give --data FILE"):
        main([])
