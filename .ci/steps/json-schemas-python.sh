#!/usr/bin/env bash
# JSON Schemas from Python (issue 21 item 3): installs Debian's python3-jsonschema if
# Python cannot import jsonschema, installs the packed tarball into a consumer directory
# (test-consumers/python), computes example documents, broken documents and the library's
# results with it, and validates them with jsonschema against the schemas the package ships.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .ci/out
if ! python3 -c "import jsonschema" 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null
  else sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema >/dev/null; fi
fi
tgz=$(ls .ci/out/precision-vbp-*.tgz 2>/dev/null | head -1 || true)
if [ -z "$tgz" ]; then
  [ -f dist/index.js ] || npm run --silent build
  npm pack --silent --pack-destination .ci/out >/dev/null
  tgz=$(ls .ci/out/precision-vbp-*.tgz | head -1)
fi
node test-consumers/install.mjs test-consumers/python "$tgz" >/dev/null
(cd test-consumers/python && node generate.mjs ../../.ci/out/json-schema-cases.json)
python3 test-consumers/python/validate.py test-consumers/python/node_modules/precision-vbp/schemas .ci/out/json-schema-cases.json
