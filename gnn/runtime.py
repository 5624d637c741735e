"""Process set-up for training: allocator, threads, device, seeds."""

from __future__ import annotations

import ctypes
import random
import sys

import numpy as np
import torch

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def keep_freed_memory() -> None:
    """Each batch frees and reallocates the same few-MB tensors. By default glibc hands
    blocks that big back to the kernel, and on this VM the page faults of taking them
    again cost more than the arithmetic (32 → 10 ms per MovieLens batch)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, 32 * 1024 * 1024)  # glibc's largest allowed value
        libc.mallopt(_M_TRIM_THRESHOLD, 512 * 1024 * 1024)


def pick_device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise ValueError("device cuda was asked for, but torch sees no GPU")
    return torch.device(name)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def prepare(threads: int | None, seed: int, device: str) -> torch.device:
    keep_freed_memory()
    if threads:
        torch.set_num_threads(threads)
    seed_everything(seed)
    return pick_device(device)
