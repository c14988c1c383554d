#!/usr/bin/env bash
# Types in every resolution mode (issue 21 item 2): a consumer project
# (test-consumers/types) installs the packed tarball and type-checks with
# skipLibCheck: false under moduleResolution node16, nodenext and bundler, including
# @ts-expect-error type tests (Money.amount is not `any`); then run-time checks of every
# subpath (ESM + CJS, same instances) and of composing our schemas with a second zod.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .ci/out
tgz=$(ls .ci/out/precision-vbp-*.tgz 2>/dev/null | head -1 || true)
if [ -z "$tgz" ]; then
  [ -f dist/index.js ] || npm run --silent build
  npm pack --silent --pack-destination .ci/out >/dev/null
  tgz=$(ls .ci/out/precision-vbp-*.tgz | head -1)
fi
bash test-consumers/types/setup.sh "$tgz"
status=0
for mode in node16 nodenext bundler; do
  t0=$SECONDS
  if npx tsc -p "test-consumers/types/tsconfig.$mode.json"; then echo "types ($mode): ok ($((SECONDS - t0)) s)"; else echo "types ($mode): FAILED"; status=1; fi
done
(cd test-consumers/types && node runtime.mjs) || status=1
exit $status
