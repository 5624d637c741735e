"""Run the LightGCN authors' reference code (gusye1234/LightGCN-PyTorch) on our split.

    python -m benchmarks.reference_lightgcn --repo DIR --train F --test F --epochs N

DIR is a git directory of the reference repository (bare is fine). F are adjacency-list
files, one `user item item ...` line per user, 0-based contiguous ids: the reference's own
train.txt / test.txt format. Its code runs unmodified in a subprocess, from a temporary
copy, with our files in place of its `gowalla` dataset.

How the reference loop works, and what we measure from its stdout:

- `main.py` evaluates at loop index 0, 10, 20, ... *before* training that epoch, so the
  test at index e scores the model after e trained epochs, and a run of `--epochs N` never
  scores epoch N. We pass `--epochs N+1` and stop the process once the test at index N has
  printed (when N is a multiple of 10); otherwise the last score is at 10 * (N // 10).
- It prints no per-epoch time. We time stdout lines as they arrive (the child runs
  unbuffered): an epoch's training time runs from the previous `EPOCH[...]` line, or from
  the test result line when a test came first, to its own `EPOCH[...]` line. So the test
  is left out; the previous epoch's checkpoint save (a few MB) is counted in.
- Its requirements beyond torch / numpy / scipy: tensorboardX (imported even with
  --tensorboard 0), pandas, scikit-learn and tqdm (imported, unused here). cppimport +
  pybind11 are optional: with them it compiles a C++ negative sampler, without them it
  falls back to its Python sampler (slower, and a different random stream).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path

TEST_EVERY = 10  # hard-coded in the reference main.py: `if epoch % 10 == 0`
DEFAULT_TEST_BATCH = 100  # the reference's --testbatch default

ANSI = re.compile(r"\x1b\[[0-9;]*m")
EPOCH_LINE = re.compile(r"^EPOCH\[(\d+)/(\d+)\] loss([-+.\deE]+|nan)-(.*)$")
SAMPLE_TIME = re.compile(r"Sample:([\d.]+)")
RESULT_LINE = re.compile(r"^\{'precision': array\(\[")
METRIC = r"'{name}': array\(\[\s*([-+.\deE]+)"


@dataclass(frozen=True)
class ReferenceResult:
    recall_at_20: float
    ndcg_at_20: float
    evaluated_epoch: int  # trained epochs behind the recall / ndcg above
    seconds_per_epoch: float  # median training-only wall time per epoch
    total_seconds: float  # launch to the last needed line: startup, graph, tests included
    epochs: int
    history: list[tuple[int, float, float]] = field(default_factory=list)  # (epoch, recall, ndcg)


def run_reference(
    repo_git_dir: Path,
    train_file: Path,
    test_file: Path,
    *,
    epochs: int,
    seed: int = 2020,
    dim: int = 64,
    layers: int = 3,
    lr: float = 0.001,
    decay: float = 1e-4,
    batch: int = 2048,
    python: str = sys.executable,
    threads: int | None = None,
) -> ReferenceResult:
    if epochs < 1:
        raise ValueError("epochs must be at least 1")
    check_adjacency(train_file)
    test_users = check_adjacency(test_file)
    evaluated_epoch = TEST_EVERY * (epochs // TEST_EVERY)
    if evaluated_epoch != epochs:
        log(f"the reference scores every {TEST_EVERY} epochs: metrics are for epoch "
            f"{evaluated_epoch}, not {epochs}")

    with tempfile.TemporaryDirectory(prefix="reference-lightgcn-") as tmp:
        root = Path(tmp)
        commit = extract_code(repo_git_dir, root)
        log(f"reference commit {commit}, extracted to {root}")
        # Its Loader reads ../data/<dataset>/ from code/; "gowalla" is a name it accepts.
        data_dir = root / "data" / "gowalla"
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / "train.txt").write_bytes(train_file.read_bytes())
        (data_dir / "test.txt").write_bytes(test_file.read_bytes())
        # A cached normalised graph would be used instead of our files.
        (data_dir / "s_pre_adj_mat.npz").unlink(missing_ok=True)

        command = [
            python, "-u", "main.py",
            "--dataset", "gowalla", "--model", "lgn", "--tensorboard", "0",
            "--epochs", str(epochs + 1),  # one more loop index, so index `epochs` is tested
            "--seed", str(seed), "--recdim", str(dim), "--layer", str(layers),
            "--lr", str(lr), "--decay", str(decay), "--bpr_batch", str(batch),
            "--topks", "[20]", "--testbatch", str(test_batch_for(test_users)),
        ]
        env = dict(os.environ, PYTHONUNBUFFERED="1")  # line timing needs unbuffered output
        if threads is not None:
            env.update(OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
        log(" ".join(command))
        return follow(command, root / "code", env, epochs, evaluated_epoch)


def follow(
    command: list[str], cwd: Path, env: dict[str, str], epochs: int, evaluated_epoch: int
) -> ReferenceResult:
    """Stream the child's output, time its epochs, stop it once the last needed line is in."""
    started = time.perf_counter()
    train_seconds: list[float] = []
    sample_seconds: list[float] = []
    history: list[tuple[int, float, float]] = []
    tail: deque[str] = deque(maxlen=40)  # for the error message if it fails
    mark = started  # end of the last step that is not training (test, previous epoch)
    done = 0  # trained epochs so far
    finished = False
    python_sampler = False  # it says so when cppimport / the C++ build is unavailable
    process = subprocess.Popen(
        command, cwd=cwd, env=env, text=True, bufsize=1,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    try:
        for raw in process.stdout:
            now = time.perf_counter()
            line = ANSI.sub("", raw).rstrip("\n")
            tail.append(line)
            print(f"[reference] {line}", file=sys.stderr, flush=True)
            if line == "Cpp extension not loaded":
                python_sampler = True
            if RESULT_LINE.match(line):
                history.append((done, metric(line, "recall"), metric(line, "ndcg")))
                mark = now
                log(f"test after epoch {done}: recall@20 {history[-1][1]:.4f} "
                    f"ndcg@20 {history[-1][2]:.4f}")
                if done == evaluated_epoch and done == epochs:
                    finished = True
                    break
                continue
            match = EPOCH_LINE.match(line)
            if match:
                done = int(match.group(1))
                train_seconds.append(now - mark)
                mark = now
                sample = SAMPLE_TIME.search(match.group(4))
                if sample:
                    sample_seconds.append(float(sample.group(1)))
                log(f"epoch {done}/{epochs}: {train_seconds[-1]:.2f}s training "
                    f"({sample_seconds[-1] if sample else float('nan'):.2f}s of it sampling), "
                    f"loss {match.group(3)}")
                if done == epochs and evaluated_epoch != epochs:
                    finished = True
                    break
    finally:
        total = time.perf_counter() - started
        if process.poll() is None:
            process.terminate()  # it would go on to train epoch epochs + 1
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        process.stdout.close()

    if not finished:
        raise RuntimeError(
            f"reference run ended (exit code {process.returncode}) after {done} epochs, "
            "before its final test; last output:\n" + "\n".join(tail)
        )
    scored = [entry for entry in history if entry[0] == evaluated_epoch]
    if not scored:
        raise RuntimeError(f"no reference test result for epoch {evaluated_epoch}")
    sampler = "Python (no cppimport)" if python_sampler else "C++ (cppimport)"
    if sample_seconds:
        log(f"{sampler} negative sampler: median {statistics.median(sample_seconds):.2f}s "
            "of each epoch")
    return ReferenceResult(
        recall_at_20=scored[-1][1],
        ndcg_at_20=scored[-1][2],
        evaluated_epoch=evaluated_epoch,
        seconds_per_epoch=statistics.median(train_seconds),
        total_seconds=total,
        epochs=epochs,
        history=history,
    )


def extract_code(repo_git_dir: Path, dest: Path) -> str:
    """Copy the reference's code/ folder at HEAD into dest; return the commit."""
    git = ["git", f"--git-dir={repo_git_dir}"]
    commit = subprocess.run(
        [*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    # Only code/: its data/ holds the real datasets (large, partly absent from mirrors).
    archive = subprocess.run(
        [*git, "archive", "--format=tar", commit, "code"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python >= 3.11.4
            tar.extractall(dest, filter="data")
        else:
            tar.extractall(dest)
    return commit


def check_adjacency(path: Path) -> int:
    """Count user lines, rejecting what the reference Loader would crash on."""
    users = 0
    with path.open() as lines:
        for number, line in enumerate(lines, 1):
            tokens = line.rstrip("\n").split(" ")
            # It splits on single spaces and takes max() of each line's items.
            if len(tokens) < 2 or not all(token.isdigit() for token in tokens):
                raise ValueError(
                    f"{path}:{number}: need 'user item ...' with single spaces and at "
                    "least one item (the reference cannot read empty or itemless lines)"
                )
            users += 1
    if users == 0:
        raise ValueError(f"{path} has no users")
    return users


def test_batch_for(test_users: int) -> int:
    # The reference asserts len(users) // batch + 1 == number of batches, which fails when
    # the batch divides the user count. Batch size does not change the metrics.
    size = DEFAULT_TEST_BATCH
    while test_users % size == 0:
        size -= 1
    return size


def metric(line: str, name: str) -> float:
    found = re.search(METRIC.format(name=name), line)
    if not found:
        raise RuntimeError(f"no {name} in reference test line: {line}")
    return float(found.group(1))


def log(message: str) -> None:
    print(f"[reference_lightgcn] {message}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the reference LightGCN on our split.")
    parser.add_argument("--repo", type=Path, required=True, help="git dir of LightGCN-PyTorch")
    parser.add_argument("--train", type=Path, required=True)
    parser.add_argument("--test", type=Path, required=True)
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--dim", type=int, default=64)
    parser.add_argument("--layers", type=int, default=3)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--decay", type=float, default=1e-4)
    parser.add_argument("--batch", type=int, default=2048)
    parser.add_argument("--python", default=sys.executable, help="interpreter for the reference")
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    result = run_reference(
        args.repo, args.train, args.test, epochs=args.epochs, seed=args.seed, dim=args.dim,
        layers=args.layers, lr=args.lr, decay=args.decay, batch=args.batch,
        python=args.python, threads=args.threads,
    )
    print(json.dumps(asdict(result), indent=2))


if __name__ == "__main__":
    main()
