"""LightGCN and the baselines on tiny graphs whose right answer is known."""

from __future__ import annotations

import numpy as np
import torch

from gnn import baselines
from gnn.config import TrainConfig
from gnn.data import Interactions
from gnn.evaluate import top_k
from gnn.pipeline import gate
from gnn.registry import Registry
from gnn.train import NegativeSampler, train

TINY = TrainConfig(dim=16, layers=2, lr=0.05, reg=1e-4, batch_size=64, epochs=60, eval_every=5,
                   patience=4, seed=7, device="cpu")


def two_tastes() -> Interactions:
    """Ten horror fans and ten romance fans; each fan liked all five titles of their genre,
    except `horror-0`, who never saw horror-title 4, and `romance-0`, who missed romance 4."""
    rows = []
    for genre in ("horror", "romance"):
        for u in range(10):
            for i in range(5):
                if not (u == 0 and i == 4):
                    rows.append((f"{genre}-{u}", f"{genre}-title-{i}", 1.0, None))
    return Interactions.from_rows(rows)


def best_unseen(data: Interactions, scores: np.ndarray, user: str) -> str:
    u = data.users.index[user]
    row = scores[u].copy()
    row[data.item[data.user == u]] = -np.inf
    return data.items.keys[int(top_k(row[None, :], 1)[0, 0])]


def test_lightgcn_recommends_the_title_a_users_look_alikes_liked() -> None:
    data = two_tastes()
    run = train(data, TINY, progress=False)
    users, items = run.embeddings()
    scores = users @ items.T
    assert best_unseen(data, scores, "horror-0") == "horror-title-4"
    assert best_unseen(data, scores, "romance-0") == "romance-title-4"
    assert run.history[-1].loss < run.history[0].loss
    assert len(run.history) == TINY.epochs and run.seconds_per_epoch > 0


def test_training_is_repeatable_with_a_fixed_seed() -> None:
    data = two_tastes()
    a = train(data, TINY.replace(epochs=5), progress=False).embeddings()[1]
    b = train(data, TINY.replace(epochs=5), progress=False).embeddings()[1]
    assert np.array_equal(a, b)


def test_early_stopping_keeps_the_best_validation_epoch() -> None:
    data = two_tastes()
    valid = Interactions.from_rows([("horror-0", "horror-title-4", 1.0, None),
                                    ("romance-0", "romance-title-4", 1.0, None)], data.users, data.items)
    run = train(data, TINY.replace(epochs=200, patience=2), valid=valid, progress=False)
    evaluated = [e for e in run.history if e.recall is not None]
    assert len(run.history) < 200  # stopped early
    assert run.best_epoch == max(evaluated, key=lambda e: e.recall or 0).epoch


def test_negatives_are_never_a_users_positives() -> None:
    data = two_tastes()
    sampler = NegativeSampler(data, torch.device("cpu"), torch.Generator().manual_seed(1))
    users = torch.from_numpy(np.repeat(data.user, 20))
    neg = sampler(users).numpy()
    liked = set(zip(data.user.tolist(), data.item.tolist()))
    assert not any((u, i) in liked for u, i in zip(users.tolist(), neg.tolist()))


def test_baselines_find_the_same_answer() -> None:
    data = two_tastes()
    everyone = np.arange(data.n_users)
    knn = baselines.item_knn(data, baselines.ItemKNNConfig(neighbours=5, shrink=0))(everyone)
    als = baselines.als(data, baselines.ALSConfig(factors=8, regularization=0.01, alpha=10, iterations=20),
                        threads=1)(everyone)
    for scores in (knn, als):
        assert best_unseen(data, scores, "horror-0") == "horror-title-4"
        assert best_unseen(data, scores, "romance-0") == "romance-title-4"
    popular = baselines.most_popular(data)(everyone)
    assert popular[0, data.items.index["horror-title-0"]] == 10


def test_promotion_refuses_a_worse_model(tmp_path) -> None:
    data = two_tastes()
    held = Interactions.from_rows([("horror-0", "horror-title-4", 1.0, None),
                                   ("romance-0", "romance-title-4", 1.0, None)], data.users, data.items)
    good = train(data, TINY, progress=False)
    registry = Registry(tmp_path)
    users, items = good.embeddings()
    current = registry.promote(registry.add(users=data.users, items=data.items, user_emb=users,
                                            item_emb=items, weights=None, meta={}).name)
    # a scorer that ranks every genre's titles backwards: the right title comes last
    worse = lambda chunk: -(users[chunk] @ items.T)  # noqa: E731
    promoted, reason, new, old = gate(worse, current, data, held, tolerance=0.0)
    assert not promoted and "worse than v0001" in reason and new["recall@20"] <= old["recall@20"]
    ok, why, _, _ = gate(good.scorer(), current, data, held, tolerance=0.0)
    assert ok and "not worse" in why
    assert registry.current().name == "v0001"


def test_rollback_returns_to_the_previous_promoted_version(tmp_path) -> None:
    registry = Registry(tmp_path)
    data = two_tastes()
    e = np.zeros((data.n_users, 2)), np.zeros((data.n_items, 2))
    names = [registry.add(users=data.users, items=data.items, user_emb=e[0], item_emb=e[1],
                          weights=None, meta={"n": n}).name for n in range(3)]
    registry.promote(names[0])
    registry.promote(names[2])  # names[1] was never promoted (refused by the gate)
    assert registry.current().name == names[2]
    assert registry.rollback().name == names[0] and registry.current().name == names[0]
    try:
        registry.rollback()
        raise AssertionError("a rollback past the first version must fail")
    except Exception as err:
        assert "no earlier promoted version" in str(err)
    assert [v.name for v in registry.versions()] == names


def test_positive_sampling_draws_users_uniformly_and_only_their_items() -> None:
    from gnn.train import PositiveSampler

    # one user with 9 items, one with 1: pair sampling would pick the first 90% of the time
    data = Interactions.from_rows([("heavy", f"i{n}", 1.0, None) for n in range(9)]
                                  + [("light", "i0", 1.0, None)])
    users, items = PositiveSampler(data, torch.device("cpu"), torch.Generator().manual_seed(2))(20_000)
    share = float((users == data.users.index["light"]).float().mean())
    assert 0.47 < share < 0.53
    liked = set(zip(data.user.tolist(), data.item.tolist()))
    assert all(pair in liked for pair in zip(users.tolist(), items.tolist()))
