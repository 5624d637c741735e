"""Id maps, interaction files and splits."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from gnn.config import ExportConfig
from gnn.data import Interactions
from gnn.export import combine
from gnn.files import read_interactions, read_rows, read_train_test, write_adjacency
from gnn.registry import Registry
from gnn.split import random_split, stable_split, temporal_split


def pairs(data: Interactions) -> set[tuple[str, str]]:
    return {(data.users.keys[u], data.items.keys[i]) for u, i in zip(data.user, data.item)}


def test_id_maps_survive_a_round_trip_through_the_registry(tmp_path: Path) -> None:
    data = Interactions.from_rows([("p2", "m9", 1.0, None), ("p1", "m3", 1.0, None), ("p2", "m3", 0.5, 7.0)])
    assert data.users.keys == ("p1", "p2") and data.items.keys == ("m3", "m9")  # sorted: stable
    registry = Registry(tmp_path)
    v = registry.add(users=data.users, items=data.items, user_emb=np.eye(2), item_emb=np.eye(2) * 2,
                     weights=None, meta={})
    users, items = registry.get(v.name).ids()
    assert users == data.users and items == data.items
    assert users.index["p2"] == 1 and items.index["m9"] == 1
    user_emb, item_emb = registry.get(v.name).embeddings()
    assert item_emb[items.index["m9"]].tolist() == [0.0, 2.0]
    # the same data in another order maps to the same indexes
    again = Interactions.from_rows([("p1", "m3", 1.0, None), ("p2", "m3", 0.5, 7.0), ("p2", "m9", 1.0, None)])
    assert again.users == data.users and again.digest() == data.digest()


def test_duplicate_pairs_keep_the_largest_weight_and_latest_time() -> None:
    data = Interactions.from_rows([("u", "i", 0.5, 10.0), ("u", "i", 1.0, None), ("u", "i", 0.2, 30.0)])
    assert len(data) == 1 and data.weight[0] == 1.0 and data.time[0] == 30.0


def test_a_low_rating_vetoes_its_pair_and_kinds_have_their_weights() -> None:
    cfg = ExportConfig(rating_threshold=7, watched_weight=0.8, listed_weight=0.3)
    rows = combine([("p", "a", "RATED", 9, 5.0), ("p", "a", "WATCHED", None, 9.0),
                    ("p", "b", "RATED", 4, 1.0), ("p", "b", "WATCHED", None, 2.0),
                    ("p", "c", "LISTED", None, None), ("p", "d", "WATCHED", None, 3.0)], cfg)
    assert sorted(rows) == [("p", "a", 1.0, 9.0), ("p", "c", 0.3, None), ("p", "d", 0.8, 3.0)]


def test_pairs_files_take_commas_or_whitespace_weights_and_a_header(tmp_path: Path) -> None:
    f = tmp_path / "ratings.csv"
    f.write_text("userId,movieId,rating,timestamp\n1,10,4.0,100\n1, 11 ,2.5,200\n\n# note\n2\t10\t5\n3 12\n")
    rows = read_rows(f, "pairs")
    assert rows == [("1", "10", 4.0, 100.0), ("1", "11", 2.5, 200.0), ("2", "10", 5.0, None), ("3", "12", 1.0, None)]
    liked = read_interactions(f, "pairs", min_weight=3.5)
    assert pairs(liked) == {("1", "10"), ("2", "10")}


def test_bad_lines_are_named(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_text("1 10 4\n2 11 lots\n")
    with pytest.raises(ValueError, match=r"bad.txt:2: weight 'lots' is not a number"):
        read_rows(f, "pairs")
    with pytest.raises(ValueError, match="format must be one of"):
        read_rows(f, "triples")


def test_adjacency_files_round_trip_and_a_given_split_shares_ids(tmp_path: Path) -> None:
    data = Interactions.from_rows([(f"u{u}", f"i{i}", 1.0, None) for u in range(4) for i in range(u, u + 3)])
    write_adjacency(data, tmp_path / "train.txt")
    back = read_interactions(tmp_path / "train.txt", "adjacency")
    as_index = {(str(u), str(i)) for u, i in zip(data.user, data.item)}
    assert pairs(back) == as_index
    (tmp_path / "test.txt").write_text("0 3\n1 0 99\n7 1\n")  # item 99 and user 7 never trained
    train, test = read_train_test(tmp_path / "train.txt", tmp_path / "test.txt", "adjacency")
    assert train.items == test.items and pairs(test) == {("0", "3"), ("1", "0")}


def grid(n_users: int = 50, per_user: int = 10) -> Interactions:
    rng = np.random.default_rng(0)
    return Interactions.from_rows([(f"u{u:02d}", f"i{i:03d}", 1.0, float(t))
                                   for u in range(n_users)
                                   for t, i in enumerate(rng.choice(200, per_user, replace=False))])


def test_random_split_holds_out_a_fifth_of_each_user() -> None:
    data = grid()
    train, test = random_split(data, 0.2, seed=1)
    assert np.bincount(test.user).tolist() == [2] * 50 and np.bincount(train.user).tolist() == [8] * 50
    assert not pairs(train) & pairs(test) and pairs(train) | pairs(test) == pairs(data)
    assert pairs(random_split(data, 0.2, seed=1)[1]) == pairs(test)  # fixed seed, same split
    single = Interactions.from_rows([("a", "x", 1.0, None), ("b", "x", 1.0, None), ("b", "y", 1.0, None)])
    tr, te = random_split(single)
    assert pairs(te) <= {("b", "x"), ("b", "y")} and len(te) == 1  # one-item users keep it


def test_temporal_split_holds_out_each_users_latest() -> None:
    data = grid()
    train, test = temporal_split(data, 0.2)
    for u in range(data.n_users):
        assert test.time[test.user == u].min() > train.time[train.user == u].max()
    with pytest.raises(ValueError, match="needs interaction times"):
        temporal_split(Interactions.from_rows([("a", "x", 1.0, None), ("a", "y", 1.0, None)]))


def test_stable_split_keeps_each_pair_on_its_side_as_data_grows() -> None:
    data = grid()
    _, test = stable_split(data, 0.2)
    assert 0.1 < len(test) / len(data) < 0.3
    grown = Interactions.from_rows([*((data.users.keys[u], data.items.keys[i], 1.0, None)
                                      for u, i in zip(data.user, data.item)),
                                    *((f"u{u:02d}", "new", 1.0, None) for u in range(50))])
    _, test_grown = stable_split(grown, 0.2)
    assert pairs(test) == {p for p in pairs(test_grown) if p[1] != "new"}
