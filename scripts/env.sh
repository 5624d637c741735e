# Sourced by the other scripts: finds or builds the virtual environment and
# points the project at its state folder. Caches live outside the clone so a
# fresh clone on the same machine reuses them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${REELGRAPH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reelgraph}"
export REELGRAPH_STATE="${REELGRAPH_STATE:-$ROOT/.state}"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
PYTHON="${PYTHON:-python3.11}"

# The venv is keyed by the lock file: a new lock builds a new venv, an old one is reused.
lock_key="$(cat "$ROOT/requirements.lock" | sha256sum | cut -c1-16)"
VENV="$CACHE/venv-$lock_key"

ensure_venv() {
  mkdir -p "$CACHE"
  if [ ! -f "$VENV/.complete" ]; then
    # one builder at a time: a second clone waits here, then finds it complete
    exec 9>"$CACHE/venv.lock"
    flock 9
    if [ ! -f "$VENV/.complete" ]; then
      echo "==> building Python environment in $VENV (once per lock file)"
      rm -rf "$VENV"
      "$PYTHON" -m venv "$VENV"
      "$VENV/bin/pip" install -q uv
      UV_CACHE_DIR="$CACHE/uv" "$VENV/bin/uv" pip sync --python "$VENV/bin/python" "$ROOT/requirements.lock"
      touch "$VENV/.complete"
    fi
    flock -u 9
  fi
  ln -sfn "$VENV" "$ROOT/.venv"
  export PATH="$VENV/bin:$PATH"
}
