// Installs the packed tarball into <dir>/node_modules/precision-vbp, as `npm install
// <tarball>` would place it, without the network: the package's own dependencies
// resolve from the repository's node_modules (the consumer directories live inside the
// repository, so Node, TypeScript and esbuild find them by walking up).
// Usage: node test-consumers/install.mjs <consumer-dir> [tarball]
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

export function findTarball(given) {
  if (given) return resolve(given);
  for (const dir of [join(root, ".ci", "out"), root]) {
    let found = [];
    try {
      found = readdirSync(dir).filter((f) => /^precision-vbp-.*\.tgz$/.test(f));
    } catch {}
    if (found.length === 1) return join(dir, found[0]);
  }
  throw new Error("no packed tarball: run `npm run build && npm pack --pack-destination .ci/out` first, or pass its path");
}

export function install(consumerDir, tarball) {
  const dest = join(resolve(consumerDir), "node_modules", "precision-vbp");
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  execFileSync("tar", ["xzf", findTarball(tarball), "-C", dest, "--strip-components=1"]);
  return dest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, tgz] = process.argv.slice(2);
  if (!dir) throw new Error("usage: node test-consumers/install.mjs <consumer-dir> [tarball]");
  console.log(`installed ${install(dir, tgz)}`);
}
