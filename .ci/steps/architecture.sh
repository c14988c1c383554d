#!/usr/bin/env bash
# Issue 13: the import graph of src is a DAG and follows the layers of docs/architecture.md
# (kernel → money → core → chapters → cohort). dependency-cruiser is a dev dependency,
# so `npm ci` is all it needs. About 20 s on the 2-core CI machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
npx depcruise src --config .dependency-cruiser.cjs --output-type err
echo "architecture: import rules hold ($(( $(date +%s) - start )) s)"
