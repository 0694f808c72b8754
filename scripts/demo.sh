#!/usr/bin/env bash
# Set up eventwire (idempotent) and code the bundled sample articles into an embedded
# DuckDB store, then print a summary of the events found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DB="${EVENTWIRE_DB:-eventwire-demo.duckdb}"
.venv/bin/eventwire ingest samples/articles.jsonl --db "$DB"
.venv/bin/eventwire summary --db "$DB"
