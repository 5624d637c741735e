"""Trained versions on disk; one of them is current, and rollback is one step back.

<root>/registry.json       {"current": "v0003", "promoted": ["v0001", "v0003"]}
<root>/v0003/model.pt       state dict of the LightGCN weights
<root>/v0003/embeddings.npz final user and item embeddings (what gets published)
<root>/v0003/ids.json       {"users": [...profile uids], "items": [...media uids]} in index order
<root>/v0003/meta.json      config, metrics, data hash, counts, times
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .data import IdMap


@dataclass(frozen=True)
class Version:
    name: str
    path: Path
    meta: dict[str, Any]

    @property
    def metrics(self) -> dict[str, float]:
        return dict(self.meta.get("metrics", {}))

    def ids(self) -> tuple[IdMap, IdMap]:
        data = json.loads((self.path / "ids.json").read_text())
        return IdMap(tuple(data["users"])), IdMap(tuple(data["items"]))

    def embeddings(self) -> tuple[np.ndarray, np.ndarray]:
        with np.load(self.path / "embeddings.npz") as z:
            return z["users"], z["items"]


class RegistryError(Exception):
    pass


class Registry:
    def __init__(self, root: Path | str):
        self.root = Path(root)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "w") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            yield

    def _state(self) -> dict[str, Any]:
        path = self.root / "registry.json"
        return json.loads(path.read_text()) if path.exists() else {"current": None, "promoted": []}

    def _write_state(self, state: dict[str, Any]) -> None:
        tmp = self.root / "registry.json.tmp"
        tmp.write_text(json.dumps(state, indent=2))
        os.replace(tmp, self.root / "registry.json")  # readers never see half a file

    def add(self, *, users: IdMap, items: IdMap, user_emb: np.ndarray, item_emb: np.ndarray,
            weights: dict[str, Any] | None, meta: dict[str, Any]) -> Version:
        """Stores a new version (not current until promoted)."""
        import torch  # only the writer needs torch; reading embeddings does not

        with self._locked():
            taken = [int(p.name[1:]) for p in self.root.glob("v[0-9]*") if p.is_dir()]
            name = f"v{max(taken, default=0) + 1:04d}"
            path = self.root / name
            tmp = self.root / f".{name}.partial"
            tmp.mkdir()
            if weights is not None:
                torch.save(weights, tmp / "model.pt")
            np.savez(tmp / "embeddings.npz", users=user_emb.astype(np.float32),
                     items=item_emb.astype(np.float32))
            (tmp / "ids.json").write_text(json.dumps({"users": list(users.keys), "items": list(items.keys)}))
            full = {**meta, "version": name, "created_at": dt.datetime.now(dt.UTC).isoformat(),
                    "n_users": len(users), "n_items": len(items), "dim": int(item_emb.shape[1])}
            (tmp / "meta.json").write_text(json.dumps(full, indent=2))
            os.replace(tmp, path)
            return Version(name, path, full)

    def get(self, name: str) -> Version:
        path = self.root / name
        if not (path / "meta.json").exists():
            raise RegistryError(f"no model version {name!r} in {self.root}")
        return Version(name, path, json.loads((path / "meta.json").read_text()))

    def versions(self) -> list[Version]:
        return [self.get(p.name) for p in sorted(self.root.glob("v[0-9]*")) if (p / "meta.json").exists()]

    def current(self) -> Version | None:
        name = self._state()["current"]
        return self.get(name) if name else None

    def promote(self, name: str) -> Version:
        version = self.get(name)
        with self._locked():
            state = self._state()
            state["promoted"] = [v for v in state["promoted"] if v != name] + [name]
            state["current"] = name
            self._write_state(state)
        return version

    def rollback(self) -> Version:
        """Back to the version promoted before the current one."""
        with self._locked():
            state = self._state()
            if len(state["promoted"]) < 2:
                raise RegistryError("no earlier promoted version to roll back to")
            state["promoted"] = state["promoted"][:-1]
            state["current"] = state["promoted"][-1]
            self._write_state(state)
            return self.get(state["current"])
