#!/usr/bin/env bash
# Bundle size (issue 21 item 1): esbuild bundles the packed package from a separate
# consumer directory (test-consumers/bundle) for the browser, minified, and gzips it.
# Fails when money + allocate is over 20 KB gz, the whole library over 250 KB gz, or any
# bundle carries zod's locales. Figures: .ci/out/bundle-size.json, docs/quality.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .ci/out
tgz=$(ls .ci/out/precision-vbp-*.tgz 2>/dev/null | head -1 || true)
if [ -z "$tgz" ]; then
  [ -f dist/index.js ] || npm run --silent build
  npm pack --silent --pack-destination .ci/out >/dev/null
  tgz=$(ls .ci/out/precision-vbp-*.tgz | head -1)
fi
node test-consumers/bundle/measure.mjs "$tgz"
