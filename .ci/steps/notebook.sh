#!/usr/bin/env bash
# Executes examples/notebooks/*.ipynb end to end with Jupyter and the tslab TypeScript
# kernel, against the built package (run after `npm run build`). Installs what it needs:
# Debian's nbconvert + ipykernel (apt, ~60 s the first time) and tslab from npm into a
# scratch folder (~15 s). A notebook fails the step if any cell raises or prints an error.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$root/dist/index.cjs" ] || { echo "notebook: dist/ is missing; run npm run build first"; exit 1; }

if ! /usr/bin/python3 -c "import nbconvert, nbclient, ipykernel" 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends jupyter-nbconvert jupyter-client python3-ipykernel python3-nbclient fonts-dejavu-core >/dev/null
fi

# tslab 1.0.22 with a zeromq newer than 6.0.0-beta.16 fails to publish its kernel status
# ("Socket is blocked by a bind or unbind operation"), so zeromq is pinned; its npm
# package carries prebuilt linux-x64 binaries.
mkdir -p "$work/kernel"
cat >"$work/kernel/package.json" <<'JSON'
{ "name": "notebook-kernel", "private": true, "dependencies": { "tslab": "1.0.22" }, "overrides": { "zeromq": "6.0.0-beta.16" } }
JSON
(cd "$work/kernel" && npm install --no-audit --no-fund --silent >/dev/null)
# A kernelspec of our own in a scratch Jupyter path: nothing is installed system-wide.
mkdir -p "$work/jupyter/kernels/tslab"
cat >"$work/jupyter/kernels/tslab/kernel.json" <<JSON
{ "argv": ["$work/kernel/node_modules/.bin/tslab", "kernel", "--config-path", "{connection_file}"], "display_name": "TypeScript", "language": "typescript" }
JSON
export JUPYTER_PATH="$work/jupyter" JUPYTER_DATA_DIR="$work/jupyter-data" JUPYTER_CONFIG_DIR="$work/jupyter-config"

# The notebooks import "precision-vbp" as a user's would: the package and tslab are linked
# into a node_modules beside a copy of the notebooks.
mkdir -p "$work/nb/node_modules"
ln -s "$root" "$work/nb/node_modules/precision-vbp"
ln -s "$work/kernel/node_modules/tslab" "$work/nb/node_modules/tslab"
# tslab type-checks every cell: it needs Node's types (console, Buffer) like any TS project.
ln -s "$root/node_modules/@types" "$work/nb/node_modules/@types"
status=0
for nb in "$root"/examples/notebooks/*.ipynb; do
  name=$(basename "$nb")
  cp "$nb" "$work/nb/$name"
  if ! (cd "$work/nb" && timeout 600 /usr/bin/python3 -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 --output "executed-$name" "$name" 2>"$work/nbconvert.log"); then
    grep -v -i "frozen\|debugger\|pydevd" "$work/nbconvert.log" | tail -30
    echo "notebook $name: a cell failed"; status=1; continue
  fi
  # tslab reports TypeScript errors on stderr without failing the cell: treat them as failures.
  if ! /usr/bin/python3 - "$work/nb/executed-$name" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
bad = [(i, o) for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code" for o in c.get("outputs", []) if o.get("output_type") == "error" or o.get("name") == "stderr"]
for i, o in bad:
    print(f"cell {i}: {''.join(o.get('text', '')) or o.get('evalue', '')}")
def text(o):
    t = o.get("text", "") or o.get("data", {}).get("text/plain", "")
    return "".join(t) if isinstance(t, list) else t
for i, c in enumerate(nb["cells"]):
    out = "".join(text(o) for o in c.get("outputs", []))
    for want in c.get("metadata", {}).get("expect", []):
        if want not in out:
            bad.append((i, {"text": f"expected output {want!r} is missing"}))
svgs = sum(1 for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {}))
print(f"{sys.argv[1].rsplit('/', 1)[-1]}: {len(nb['cells'])} cells, {svgs} plots, {len(bad)} errors")
sys.exit(1 if bad else 0)
PY
  then status=1; fi
  if [ "${NOTEBOOK_UPDATE:-0}" = 1 ]; then cp "$work/nb/executed-$name" "$nb"; fi
done
exit $status
