// The import rules of docs/architecture.md, checked with dependency-cruiser: no runtime
// cycle in src, and no module importing a layer above its own or a chapter off its edges.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";

const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as IConfiguration;

let cruised = 0;

async function violations(dir: string, cwd?: string): Promise<string[]> {
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const { output } = await cruise([dir], { ruleSet: { forbidden: config.forbidden! }, validate: true, doNotFollow: { path: "node_modules" }, exclude: { path: "node_modules" }, tsPreCompilationDeps: true });
    const result = output as ICruiseResult;
    cruised = result.summary.totalCruised;
    return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    process.chdir(previous);
  }
}

const fixtures: string[] = [];
afterAll(() => {
  for (const f of fixtures) rmSync(f, { recursive: true, force: true });
});

/** A throw-away tree `src/…` with the given files. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "layering-"));
  fixtures.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("layering", () => {
  it("src has no import cycle and no import against the layers", { timeout: 120_000 }, async () => {
    expect(await violations("src")).toEqual([]);
    expect(cruised).toBeGreaterThan(150); // the whole of src was read, not an empty match
  });

  it("the rules bite: money importing core, core importing a chapter, a chapter off its edges, and a cycle are each reported", { timeout: 60_000 }, async () => {
    const root = tree({
      "src/kernel/errors.ts": "export const e = 1;\n",
      "src/money/money.ts": 'import { b } from "../core/bands";\nexport const m = b;\n',
      "src/core/bands.ts": 'import { t } from "../tiers/plan";\nexport const b = 1 + t;\n',
      "src/tiers/plan.ts": 'import { c } from "../contracts/terms";\nexport const t = c;\n',
      "src/contracts/terms.ts": 'import { m } from "../money/money";\nexport const c = m;\n',
    });
    const found = await violations("src", root);
    expect(found).toEqual(
      expect.arrayContaining([
        "money-imports-kernel-only: src/money/money.ts → src/core/bands.ts",
        "core-imports-money-and-kernel: src/core/bands.ts → src/tiers/plan.ts",
        "chapter-tiers: src/tiers/plan.ts → src/contracts/terms.ts",
      ]),
    );
    expect(found.some((v) => v.startsWith("no-circular:"))).toBe(true);
  });
});
