"""LightGCN on the user–item bipartite graph (PyG's LightGCN). Pure: no I/O.

Nodes are users first (0..n_users-1), then items (n_users..n_users+n_items-1).
"""

from __future__ import annotations

import warnings

import torch
import torch.nn.functional as F
from torch_geometric.nn.conv import LGConv
from torch_geometric.nn.models import LightGCN


class _SymmetricProduct(torch.autograd.Function):
    """adj @ x for a symmetric adj. torch's own backward of a CSR product builds adj's
    transpose on every call (about 6x slower here); for a symmetric adj it is adj itself."""

    @staticmethod
    def forward(ctx, adj: torch.Tensor, x: torch.Tensor) -> torch.Tensor:  # type: ignore[override]
        ctx.adj = adj
        return torch.sparse.mm(adj, x)

    @staticmethod
    def backward(ctx, grad: torch.Tensor) -> tuple[None, torch.Tensor]:  # type: ignore[override]
        return None, torch.sparse.mm(ctx.adj, grad)


class SymmetricLGConv(LGConv):
    """LGConv over a pre-normalised symmetric sparse adjacency."""

    def __init__(self) -> None:
        super().__init__(normalize=False)

    def forward(self, x: torch.Tensor, edge_index: torch.Tensor,  # type: ignore[override]
                edge_weight: torch.Tensor | None = None) -> torch.Tensor:
        return _SymmetricProduct.apply(edge_index, x)


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
        u_all, i_all = self.embeddings(adj)
        u, p, n = u_all[users], i_all[pos], i_all[neg]  # (B, dim) each
        margin = (u * p).sum(-1) - (u * n).sum(-1)  # (B,)
        loss = F.softplus(-margin).mean()  # = -log sigmoid(margin)
        e0 = self.gcn.embedding.weight
        l2 = (e0[users].square().sum() + e0[self.n_users + pos].square().sum()
              + e0[self.n_users + neg].square().sum()) / (2 * len(users))
        return loss, reg * l2
