// The CLI as the tests run it: cli/main.ts bundled once per test file with esbuild (as
// tsup bundles dist/cli.js: one ESM file, the packages left as imports), so each case
// spawns plain `node cli.mjs` instead of loading tsx and transforming the sources again.
// The bundle sits in a temporary directory next to a copy of package.json (the CLI reads
// its version from "../package.json") and a link to the project's node_modules, and it
// is its own worker module for `settle --cohort --workers N`, as dist/cli.js is.
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

/** Bundles the CLI from its sources; resolves to the path of the entry to run with node. */
export async function bundleCli(root: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "vbp-cli-bundle-"));
  copyFileSync(join(root, "package.json"), join(dir, "package.json"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  mkdirSync(join(dir, "bin"));
  const entry = join(dir, "bin", "cli.mjs");
  await build({
    entryPoints: [join(root, "cli", "main.ts")],
    outfile: entry,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    tsconfig: join(root, "tsconfig.json"),
    logLevel: "error",
  });
  return entry;
}
