#!/usr/bin/env bash
# Installs the packed tarball into test-consumers/types/node_modules like npm would when
# the consumer's zod range does not overlap the library's: the library gets its own zod
# (node_modules/precision-vbp/node_modules/zod), the consumer a separate copy
# (node_modules/zod). Other dependencies resolve from the repository's node_modules.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
node "$repo/test-consumers/install.mjs" "$here" "${1:-}" >/dev/null
mkdir -p "$here/node_modules/precision-vbp/node_modules"
ln -sfn "$repo/node_modules/zod" "$here/node_modules/precision-vbp/node_modules/zod"
rm -rf "$here/node_modules/zod" && cp -r "$repo/node_modules/zod" "$here/node_modules/zod"
