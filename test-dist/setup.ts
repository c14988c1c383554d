// Installs the packed tarball into .ci/out/dist-pkg/node_modules/precision-vbp (no network:
// its dependencies are linked from this repo's node_modules) and writes one shim per
// module format, so the worked-example tests can run against the built package.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "..");
export const pkgRoot = join(root, ".ci", "out", "dist-pkg");

export function tarball(): string {
  const given = process.env.PARITY_TARBALL;
  if (given) return resolve(given);
  const found = readdirSync(root).filter((f) => /^precision-vbp-.*\.tgz$/.test(f));
  if (found.length !== 1) throw new Error("build parity needs exactly one packed tarball (npm run build && npm pack), or PARITY_TARBALL=path");
  return join(root, found[0]!);
}

export default function setup(): void {
  rmSync(pkgRoot, { recursive: true, force: true });
  const dest = join(pkgRoot, "node_modules", "precision-vbp");
  mkdirSync(dest, { recursive: true });
  execFileSync("tar", ["xzf", tarball(), "-C", dest, "--strip-components=1"]);
  for (const dep of ["decimal.js", "zod", "date-fns"]) {
    const link = join(pkgRoot, "node_modules", dep);
    if (!existsSync(link)) symlinkSync(join(root, "node_modules", dep), link, "dir");
  }
  // ESM: through the package's "import" export condition.
  writeFileSync(join(pkgRoot, "esm.mjs"), 'export * from "precision-vbp";\n');
  // CJS: through the "require" condition, re-exported name by name.
  const required = createRequire(join(pkgRoot, "x.js"))("precision-vbp") as Record<string, unknown>;
  const names = Object.keys(required).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  writeFileSync(
    join(pkgRoot, "cjs.mjs"),
    `import { createRequire } from "node:module";\nconst lib = createRequire(import.meta.url)("precision-vbp");\nexport const { ${names.join(", ")} } = lib;\n`,
  );
}
