#!/usr/bin/env bash
# Set up eventwire in ./.venv from the hash-pinned locks, without pip's resolver:
#   requirements-pip.lock  pip itself, installed first (any stock pip >= 23 can do that)
#   requirements.lock      runtime: everything eventwire imports, its build backend included
#   requirements-dev.lock  with --dev: tests and linters, on top of the runtime lock
# Every file is installed with --no-deps --require-hashes (nothing is resolved, every wheel's
# hash is checked), then the package itself (editable, no build isolation) and `pip check`.
# Idempotent: a stamp per lock, keyed by the locks' and pyproject.toml's hashes, records what
# is installed, so a second run installs nothing, and a runtime-only run after a --dev run
# (demo after test) finds its stamp and installs nothing either.
# Usage: bash scripts/setup.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
dev=0
case "${1:-}" in
  --dev) dev=1 ;;
  "") ;;
  *) echo "usage: bash scripts/setup.sh [--dev]" >&2; exit 2 ;;
esac
PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "eventwire needs Python 3.11 or newer (found: $("$PY" --version 2>&1)); set PYTHON=python3.11" >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi

runtime_key=$(cat requirements-pip.lock requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
dev_key=$(printf '%s\n' "$runtime_key" | cat - requirements-dev.lock | sha256sum | cut -d' ' -f1)
stamps=.venv/.eventwire-stamps
fresh() {  # stamp name, key: is that lock installed as it is now?
  [ -f "$stamps/$1" ] && [ "$(cat "$stamps/$1")" = "$2" ]
}
need_runtime=0 need_dev=0
fresh runtime "$runtime_key" || need_runtime=1
if [ "$dev" = 1 ]; then fresh dev "$dev_key" || need_dev=1; fi
if [ "$need_runtime" = 0 ] && [ "$need_dev" = 0 ]; then
  exit 0
fi

# Every file is pinned by hash, so pip's configuration files are not read: a machine's stale
# find-links or extra index locations would only add warnings. Set PIP_CONFIG_FILE to use one
# (say, for a mirror); PIP_INDEX_URL, PIP_CERT and other PIP_* variables apply either way.
export PIP_CONFIG_FILE="${PIP_CONFIG_FILE:-/dev/null}"
pip() {
  .venv/bin/python -m pip --quiet --disable-pip-version-check --no-input "$@"
}
if [ "$need_runtime" = 1 ]; then
  rm -f "$stamps/runtime" "$stamps/dev"  # the dev stamp is keyed by the runtime lock too
  rm -f .venv/.eventwire-lock.sha256  # the single stamp of the one-lock set-up
  pip install --no-deps --require-hashes -r requirements-pip.lock
  pip install --no-deps --require-hashes -r requirements.lock
fi
if [ "$dev" = 1 ]; then
  pip install --no-deps --require-hashes -r requirements-dev.lock
fi
if [ "$need_runtime" = 1 ]; then
  pip install --no-deps --no-build-isolation -e .
fi
if ! report=$(.venv/bin/python -m pip --disable-pip-version-check check 2>&1); then
  printf '%s\n' "$report" >&2
  echo "setup: pip check failed: .venv does not match the locks; re-lock with scripts/lock.sh" \
    "or remove .venv and run again" >&2
  exit 1
fi
mkdir -p "$stamps"
if [ "$need_runtime" = 1 ]; then echo "$runtime_key" > "$stamps/runtime"; fi
if [ "$dev" = 1 ]; then echo "$dev_key" > "$stamps/dev"; fi
# Build the compiled resources into the user cache now (gazetteer, event patterns), so the
# first run starts fast; keyed by their inputs, so this is a no-op when they are current.
.venv/bin/python -c "from eventwire.geo import Gazetteer; Gazetteer.default()
from eventwire.resource_cache import load_patterns; load_patterns(())" \
  || echo "setup: could not prebuild the caches; they are built on first use" >&2
