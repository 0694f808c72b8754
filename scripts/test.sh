#!/usr/bin/env bash
# Set up eventwire with the dev lock (idempotent) and run the whole test suite plus the linter (ruff) and the type
# checker (mypy). The browser test drives Debian's chromium; it is installed here when missing
# (needs root and apt).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
fi
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy src
.venv/bin/python -m pytest -q "$@"
