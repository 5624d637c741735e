"""LightGCN on the user–item bipartite graph (PyG's LightGCN). Pure: no I/O.

Nodes are users first (0..n_users-1), then items (n_users..n_users+n_items-1).
"""

from __future__ import annotations

import warnings
from typing import Any

import torch
import torch.nn.functional as F

# torch_geometric scripts a helper with torch.jit at import, which torch now warns about
warnings.filterwarnings("ignore", message="`torch.jit.script` is deprecated", category=FutureWarning)

from torch_geometric.nn.conv import LGConv  # noqa: E402
from torch_geometric.nn.models import LightGCN  # noqa: E402


class _SymmetricProduct(torch.autograd.Function):
    """adj @ x for a symmetric adj. torch's own backward of a CSR product builds adj's
    transpose on every call (about 6x slower here); for a symmetric adj it is adj itself."""

    @staticmethod
    def forward(ctx: Any, adj: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        ctx.adj = adj
        out: torch.Tensor = torch.sparse.mm(adj, x)
        return out

    @staticmethod
    def backward(ctx: Any, grad: torch.Tensor) -> tuple[None, torch.Tensor]:
        out: torch.Tensor = torch.sparse.mm(ctx.adj, grad)
        return None, out


class SymmetricLGConv(LGConv):  # type: ignore[misc]  # PyG is untyped
    """LGConv over a pre-normalised symmetric sparse adjacency."""

    def __init__(self) -> None:
        super().__init__(normalize=False)

    def forward(self, x: torch.Tensor, edge_index: torch.Tensor,
                edge_weight: torch.Tensor | None = None) -> torch.Tensor:
        out: torch.Tensor = _SymmetricProduct.apply(edge_index, x)
        return out


def normalized_adjacency(n_users: int, n_items: int, user: torch.Tensor, item: torch.Tensor,
                         weight: torch.Tensor | None = None) -> torch.Tensor:
    """D^-1/2 A D^-1/2 of the symmetric bipartite graph as sparse CSR, computed once:
    each layer is then one sparse-dense product, which torch spreads over the cores."""
    n = n_users + n_items
    w = torch.ones_like(user, dtype=torch.float32) if weight is None else weight.float()
    rows = torch.cat([user, item + n_users])  # (2E,)
    cols = torch.cat([item + n_users, user])  # (2E,)
    vals = torch.cat([w, w])
    degree = torch.zeros(n, dtype=torch.float32, device=vals.device).index_add_(0, rows, vals)
    inv_sqrt = degree.pow(-0.5).masked_fill_(degree == 0, 0.0)
    vals = inv_sqrt[rows] * vals * inv_sqrt[cols]
    with warnings.catch_warnings():  # "CSR support is in beta": it is what spmm is fastest on
        warnings.simplefilter("ignore", UserWarning)
        coo = torch.sparse_coo_tensor(torch.stack([rows, cols]), vals, (n, n),
                                      check_invariants=False).coalesce()
        return coo.to_sparse_csr()


class Recommender(torch.nn.Module):
    def __init__(self, n_users: int, n_items: int, dim: int, layers: int, init_std: float = 0.1):
        super().__init__()
        self.n_users, self.n_items = n_users, n_items
        self.gcn = LightGCN(n_users + n_items, dim, layers)
        self.gcn.convs = torch.nn.ModuleList(SymmetricLGConv() for _ in range(layers))
        torch.nn.init.normal_(self.gcn.embedding.weight, std=init_std)

    def embeddings(self, adj: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Final (layer-averaged) embeddings: users (n_users, dim), items (n_items, dim)."""
        out = self.gcn.get_embedding(adj)
        return out[: self.n_users], out[self.n_users:]

    def bpr_loss(self, adj: torch.Tensor, users: torch.Tensor, pos: torch.Tensor, neg: torch.Tensor,
                 reg: float) -> tuple[torch.Tensor, torch.Tensor]:
        """BPR loss of (user, positive, negative) triples, and the L2 term on their layer-0
        embeddings (mean over the batch)."""
        b = len(users)
        nodes = torch.cat([users, pos + self.n_users, neg + self.n_users])  # (3B,)
        # index_select: its backward is one index_add, where fancy indexing's is a slower
        # accumulating index_put (a quarter of each step on CPU)
        u, p, n = self.gcn.get_embedding(adj).index_select(0, nodes).split(b)  # (B, dim) each
        margin = (u * (p - n)).sum(-1)  # (B,)
        loss = F.softplus(-margin).mean()  # = -log sigmoid(margin)
        l2 = self.gcn.embedding.weight.index_select(0, nodes).square().sum() / (2 * b)
        return loss, reg * l2
